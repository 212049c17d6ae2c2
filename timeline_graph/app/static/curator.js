// Keeps the curator's name in this browser (a Streamlit v2 component that draws nothing).
//
// Python sends {name, cookie}; the name is written to the cookie (removed when the name is
// empty), which the app reads when this browser opens a new session. Each browser keeps its own
// name, so several people using one app server each decide under their own.

export default function (component) {
  const {data} = component;
  const cookie = (data && data.cookie) || 'tg_curator';
  const name = (data && data.name) || '';
  const current = document.cookie.split('; ').find((c) => c.startsWith(cookie + '='));
  const wanted = name ? `${cookie}=${encodeURIComponent(name)}` : '';
  if ((current || '') === wanted) return;
  document.cookie = name
    ? `${wanted}; path=/; max-age=31536000; SameSite=Strict`
    : `${cookie}=; path=/; max-age=0; SameSite=Strict`;
}

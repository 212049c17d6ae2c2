// The timeline chart, drawn as SVG in the page itself (a Streamlit v2 component, no library).
//
// Python sends the whole picture as data (see timeline_graph/app/chart.py, `timeline_chart`):
// where each event sits (its lane line, first and last day, shape, kind, looks), the lanes, the
// events per month for the overview, the window to open on and the selected event. This code
// only places the marks on the time axis and handles the mouse and keyboard: drag to pan,
// Ctrl or ⌘ + wheel (or the buttons, or the keys + and −) to zoom, the overview's window to move
// or resize the stretch of time shown, a click on an event to select it, Shift + drag to select
// every event in a box. The selection goes back to Python as the state value `selection`:
// {ids: [...], n: a counter, so clicking the same event again is news too}.
//
// Every text from a document (labels, lanes, dates in words) is put in the page as text
// (textContent), never as HTML, so nothing in a document can run here.
//
// Days are whole numbers: days since 1970-01-01 (negative before). An event occupies its days
// from the start of its first to the end of its last: [start, end + 1).

const NS = 'http://www.w3.org/2000/svg';
const DAY_MS = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CONFLICT = '#C0392B';
const RING = '#111111';
const AXIS_H = 26;        // the time axis under the events
const OVERVIEW_H = 64;    // events per month
const OVERVIEW_AXIS_H = 18;
const TOP = 6;
const RIGHT = 14;
const MIN_SPAN = 1;       // the narrowest window: one day

const charts = new WeakMap();  // the component's element -> its chart (kept across reruns)
let instances = 0;

function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function html(tag, cls, parent, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function utc(day) { return new Date(day * DAY_MS); }
function dayOf(y, m, d) {  // not Date.UTC(y, ...): it reads the years 0 to 99 as 1900 to 1999
  const t = new Date(0);
  t.setUTCFullYear(y, m, d);
  return Math.round(t.getTime() / DAY_MS);
}

// Axis ticks for [a, b) on `width` pixels: whole days, months or years, about 110 px apart.
function ticks(a, b, width) {
  const span = Math.max(b - a, 1e-9);
  const want = Math.max(2, Math.floor(width / 110));
  const perTick = span / want;
  const out = [];
  if (perTick <= 20) {
    const step = [1, 2, 7, 14].find(s => s >= perTick) || 14;
    const first = Math.ceil(a / step) * step;
    for (let day = first; day < b; day += step) {
      const d = utc(day);
      const label = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
      out.push([day, out.length === 0 || (d.getUTCMonth() === 0 && d.getUTCDate() <= step)
        ? `${label} ${d.getUTCFullYear()}` : label]);
    }
    return out;
  }
  if (perTick <= 200) {
    const step = [1, 2, 3, 6].find(s => s * 30.4 >= perTick) || 6;
    const start = utc(Math.floor(a));
    let y = start.getUTCFullYear();
    let m = Math.ceil(start.getUTCMonth() / step) * step;
    for (;;) {
      if (m >= 12) { y += Math.floor(m / 12); m %= 12; }
      const day = dayOf(y, m, 1);
      if (day >= b) break;
      if (day >= a) out.push([day, m === 0 || out.length === 0 ? `${MONTHS[m]} ${y}` : MONTHS[m]]);
      m += step;
    }
    return out;
  }
  const years = perTick / 365.25;
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find(s => s >= years) || 1000;
  let y = Math.ceil(utc(Math.floor(a)).getUTCFullYear() / step) * step;
  for (let day = dayOf(y, 0, 1); day < b; y += step, day = dayOf(y, 0, 1)) {
    if (day >= a) out.push([day, String(y)]);
  }
  return out;
}

// When in words for the axis read-out: "16 Jun 2020".
function dayText(day) {
  const d = utc(Math.floor(day));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

class Chart {
  constructor(parent) {
    this.parent = parent;
    this.id = `tgtl${++instances}`;
    this.version = null;
    this.selected = null;
    this.clicks = 0;
    this.hidden = new Set();   // kinds hidden from the legend
    this.frame = 0;
    this.drawn = 0;

    this.root = html('div', 'tg-tl', parent);
    this.root.setAttribute('data-tg-timeline', '');
    this.root.tgChart = this;  // for tools driving the page (tests, benchmarks)
    this.legend = html('div', 'tg-tl-legend', this.root);
    const tools = html('div', 'tg-tl-tools', this.root);
    this.readout = html('span', 'tg-tl-readout', tools);
    for (const [label, title, fn] of [
      ['−', 'Zoom out (−)', () => this.zoomBy(1.6)],
      ['+', 'Zoom in (+)', () => this.zoomBy(1 / 1.6)],
      ['Show all', 'Show the whole case (0, or double-click the chart)', () => this.showAll()],
    ]) {
      const b = html('button', 'tg-tl-button', tools, label);
      b.type = 'button';
      b.title = title;
      b.addEventListener('click', fn);
    }
    this.svg = el('svg', {class: 'tg-tl-svg', tabindex: '0', role: 'img'}, this.root);
    this.tip = html('div', 'tg-tl-tip', this.root);
    this.tip.hidden = true;

    const defs = el('defs', {}, this.svg);
    this.defs = defs;
    this.clip = el('clipPath', {id: `${this.id}-clip`}, defs);
    this.clipRect = el('rect', {}, this.clip);
    this.grid = el('g', {class: 'tg-tl-grid'}, this.svg);
    this.laneLabels = el('g', {class: 'tg-tl-lanes'}, this.svg);
    const plot = el('g', {'clip-path': `url(#${this.id}-clip)`}, this.svg);
    this.background = el('rect', {class: 'tg-tl-bg'}, plot);
    this.marks = el('g', {class: 'tg-tl-marks'}, plot);
    this.stated = el('g', {class: 'tg-tl-stated'}, plot);
    this.ringLayer = el('g', {class: 'tg-tl-ring'}, plot);
    this.boxRect = el('rect', {class: 'tg-tl-box', visibility: 'hidden'}, plot);
    this.axis = el('g', {class: 'tg-tl-axis'}, this.svg);
    this.overview = el('g', {class: 'tg-tl-overview'}, this.svg);

    this.listen();
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(this.root);
  }

  // ----- data ---------------------------------------------------------------------------------

  update(data, setStateValue) {
    this.setStateValue = setStateValue;
    this.data = data;
    if (data.version !== this.version) {
      this.version = data.version;
      this.overviewOn = Boolean(data.months);
      this.build();
      const [a, b] = data.window || this.fullRange();
      this.view = [a, b];
      this.selected = undefined;
    }
    if (data.selected !== this.selected) {
      this.selected = data.selected;
      this.bringIntoView(this.selected);
    }
    this.schedule();
  }

  fullRange() {
    const [a, b] = this.data.extent;
    const pad = Math.max(2, (b - a) / 40);
    return [a - pad, b + pad];
  }

  // The marks, lane labels, stated dates and legend, made once per set of events. A mark drawn
  // before that is the same (same event, line, dates, looks) is kept, not made again: after a
  // decision on a large case only what it changed is new.
  build() {
    const data = this.data;
    for (const g of [this.stated, this.laneLabels, this.defs]) {
      for (const child of [...g.children]) if (child !== this.clip) child.remove();
    }
    this.legend.textContent = '';
    const kinds = data.kinds;
    kinds.forEach(([name, colour], k) => {
      const p = el('pattern', {id: `${this.id}-hatch-${k}`, patternUnits: 'userSpaceOnUse', width: 6, height: 6,
                               patternTransform: 'rotate(45)'}, this.defs);
      el('rect', {width: 6, height: 6, fill: colour, 'fill-opacity': 0.22}, p);
      el('line', {x1: 0, y1: 0, x2: 0, y2: 6, stroke: colour, 'stroke-width': 3}, p);
      const item = html('button', 'tg-tl-kind', this.legend);
      item.type = 'button';
      item.title = 'Show or hide this kind';
      item.dataset.kind = name;
      item.classList.toggle('tg-tl-off', this.hidden.has(name));  // still hidden after new data (filters, lanes)
      const swatch = html('span', 'tg-tl-swatch', item);
      swatch.style.background = colour;
      html('span', '', item, name);
      item.addEventListener('click', () => {
        if (this.hidden.has(name)) this.hidden.delete(name); else this.hidden.add(name);
        item.classList.toggle('tg-tl-off', this.hidden.has(name));
        this.schedule();
      });
    });
    const lh = data.line_height;
    this.size = Math.max(3, Math.min(7, lh * 0.32));
    const before = this.made || new Map();  // event id -> [what its mark looks like, its node]
    this.made = new Map();
    this.nodes = data.marks.map((m, i) => {
      const [id, line, start, end, shape, k, fuzzy, disputed] = m;
      const colour = kinds[k][1];
      const looks = JSON.stringify([lh, colour, line, start, end, shape, fuzzy, disputed, k]);
      const old = before.get(id);
      if (old && old[0] === looks) {
        before.delete(id);
        old[1].dataset.i = i;
        this.made.set(id, old);
        return old[1];
      }
      const outline = disputed ? CONFLICT : colour;
      let node;
      const y = this.lineY(line);
      if (shape === 'bar') {
        const h = Math.max(4, Math.min(14, lh * 0.55));
        node = el('rect', {height: h, y: y - h / 2, rx: 2, fill: fuzzy ? `url(#${this.id}-hatch-${k})` : colour,
                           'fill-opacity': fuzzy ? 0.8 : 0.85}, this.marks);
      } else if (shape === 'day') {
        node = el('circle', {r: this.size, cy: y, fill: fuzzy ? '#fff' : colour}, this.marks);
      } else {
        node = el('path', {fill: fuzzy ? '#fff' : colour}, this.marks);
      }
      node.setAttribute('stroke', outline);
      node.setAttribute('stroke-width', disputed ? 2.5 : (fuzzy ? 1.8 : 1));
      if (fuzzy && shape !== 'bar') node.setAttribute('stroke', disputed ? CONFLICT : colour);
      node.setAttribute('class', `tg-tl-mark${fuzzy ? ' tg-tl-fuzzy' : ''}${disputed ? ' tg-tl-disputed' : ''}`);
      node.dataset.event = id;
      node.dataset.i = i;
      this.made.set(id, [looks, node]);
      return node;
    });
    for (const [, node] of before.values()) node.remove();
    this.index = new Map(data.marks.map((m, i) => [m[0], i]));
    this.statedNodes = (data.stated || []).map(([i, day, text]) => {
      const node = el('line', {stroke: CONFLICT, 'stroke-width': 2}, this.stated);
      node.dataset.i = i;
      node.dataset.day = day;
      node.dataset.text = text;
      node.dataset.event = data.marks[i][0];
      return node;
    });
    this.labelNodes = data.lanes.map(([line, label]) => {
      const t = el('text', {'text-anchor': 'end', 'dominant-baseline': 'middle'}, this.laneLabels);
      t.textContent = label;
      t.dataset.line = line;
      return t;
    });
    const monthTotals = new Map();
    for (const [day, , n] of data.months || []) monthTotals.set(day, (monthTotals.get(day) || 0) + n);
    this.monthMax = Math.max(1, ...monthTotals.values());
  }

  // ----- geometry -----------------------------------------------------------------------------

  geometry() {
    const data = this.data;
    const width = Math.max(320, Math.floor(this.root.getBoundingClientRect().width || 800));
    const left = data.label_width;
    const eventsH = data.lines * data.line_height;
    const axisY = TOP + eventsH;
    const overviewY = axisY + AXIS_H + 8;
    const height = this.overviewOn ? overviewY + OVERVIEW_H + OVERVIEW_AXIS_H + 4 : axisY + AXIS_H;
    return {width, left, plotW: width - left - RIGHT, eventsH, axisY, overviewY, height};
  }

  x(day) { const g = this.g; return g.left + (day - this.view[0]) / (this.view[1] - this.view[0]) * g.plotW; }
  day(x) { const g = this.g; return this.view[0] + (x - g.left) / g.plotW * (this.view[1] - this.view[0]); }
  ox(day) { const g = this.g; const [a, b] = this.fullRange(); return g.left + (day - a) / (b - a) * g.plotW; }
  oday(x) { const g = this.g; const [a, b] = this.fullRange(); return a + (x - g.left) / g.plotW * (b - a); }
  lineY(line) { return TOP + (line + 0.5) * this.data.line_height; }

  // Where a mark's centre is drawn (the ring goes there): a day's noon, a bar's middle.
  centre(i) {
    const [, line, start, end, shape] = this.data.marks[i];
    const first = start ?? end, last = end ?? start;
    return [shape === 'bar' ? (this.x(first) + this.x(last + 1)) / 2 : this.x(first + 0.5), this.lineY(line)];
  }

  // ----- drawing ------------------------------------------------------------------------------

  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  draw() {
    if (!this.data) return;
    const data = this.data;
    const g = this.g = this.geometry();
    this.svg.setAttribute('width', g.width);
    this.svg.setAttribute('height', g.height);
    this.svg.setAttribute('aria-label', `Timeline of ${data.marks.length} events, ${dayText(this.view[0])} to ${dayText(this.view[1])}`);
    for (const [node, attrs] of [[this.clipRect, {x: g.left, y: 0, width: g.plotW, height: TOP + g.eventsH}],
                                 [this.background, {x: g.left, y: 0, width: g.plotW, height: TOP + g.eventsH}]]) {
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    }
    this.drawAxis();
    const [a, b] = this.view;
    const lh = data.line_height;
    const tri = this.size + 1.5;
    // Only what moves with the time axis is written (a mark's line, so its y, is set when it is
    // made), and a mark's display only when it changes: thousands of marks on every pan or zoom.
    const hiddenKinds = new Set(data.kinds.map(([name], k) => this.hidden.has(name) ? k : -1));
    data.marks.forEach((m, i) => {
      const node = this.nodes[i];
      const [, line, start, end, shape, k] = m;
      const first = start ?? end, last = end ?? start;
      const off = hiddenKinds.has(k) || last + 1 < a || first > b;
      if (off !== node.tgOff) {
        node.tgOff = off;
        node.style.display = off ? 'none' : '';
      }
      if (off) return;
      if (shape === 'bar') {
        const x0 = this.x(first), x1 = this.x(last + 1);
        const w = Math.max(5, x1 - x0);
        node.setAttribute('x', ((x0 + x1) / 2 - w / 2).toFixed(1));
        node.setAttribute('width', w.toFixed(1));
      } else if (shape === 'day') {
        node.setAttribute('cx', this.x(first + 0.5).toFixed(1));
      } else {
        const x = this.x(first + 0.5), d = shape === 'from' ? 1 : -1, y = this.lineY(line);
        node.setAttribute('d', `M${(x - d * tri).toFixed(1)},${y - tri}L${(x + d * tri).toFixed(1)},${y}L${(x - d * tri).toFixed(1)},${y + tri}Z`);
      }
    });
    const h = Math.max(6, lh * 0.8);
    for (const node of this.statedNodes) {
      const i = Number(node.dataset.i), day = Number(node.dataset.day);
      const hidden = this.nodes[i].tgOff;
      if (hidden !== node.tgOff) {
        node.tgOff = hidden;
        node.style.display = hidden ? 'none' : '';
      }
      if (hidden) continue;
      const x = this.x(day + 0.5), y = this.lineY(data.marks[i][1]);
      node.setAttribute('x1', x); node.setAttribute('x2', x);
      node.setAttribute('y1', y - h / 2); node.setAttribute('y2', y + h / 2);
    }
    for (const t of this.labelNodes) {
      t.setAttribute('x', g.left - 8);
      t.setAttribute('y', this.lineY(Number(t.dataset.line)));
      t.classList.toggle('tg-tl-current', data.labelled && this.selectedLine() === Number(t.dataset.line));
    }
    this.drawRing();
    if (this.overviewOn) this.drawOverview();
    this.readout.textContent = `${dayText(a)} – ${dayText(b)}`;
    this.root.dataset.drawn = String(++this.drawn);
    this.root.dataset.selected = this.selected || '';
    this.root.dataset.view = `${a.toFixed(3)},${b.toFixed(3)}`;
  }

  selectedLine() {
    const i = this.index.get(this.selected);
    return i === undefined ? null : this.data.marks[i][1];
  }

  drawAxis() {
    const g = this.g;
    this.axis.textContent = '';
    this.grid.textContent = '';
    el('line', {x1: g.left, x2: g.left + g.plotW, y1: g.axisY + 0.5, y2: g.axisY + 0.5, class: 'tg-tl-axisline'}, this.axis);
    for (const [day, label] of ticks(this.view[0], this.view[1], g.plotW)) {
      const x = Math.round(this.x(day)) + 0.5;
      el('line', {x1: x, x2: x, y1: TOP, y2: g.axisY}, this.grid);
      el('line', {x1: x, x2: x, y1: g.axisY, y2: g.axisY + 5}, this.axis);
      const t = el('text', {x: x + 3, y: g.axisY + 17}, this.axis);
      t.textContent = label;
    }
  }

  drawRing() {
    this.ringLayer.textContent = '';
    const i = this.index.get(this.selected);
    if (i === undefined || this.nodes[i].tgOff) return;
    const [id, line, start, end, shape] = this.data.marks[i];
    const [cx, cy] = this.centre(i);
    el('line', {x1: cx, x2: cx, y1: TOP, y2: TOP + this.g.eventsH, class: 'tg-tl-ringline'}, this.ringLayer);
    if (shape === 'bar') {
      const y = this.lineY(line);
      el('line', {x1: this.x(start), x2: this.x(end + 1), y1: y, y2: y, stroke: RING, 'stroke-width': 3}, this.ringLayer);
    }
    const ring = el('circle', {cx, cy, r: this.size + 6, fill: 'none', stroke: RING, 'stroke-width': 3,
                               class: 'tg-tl-selected'}, this.ringLayer);
    ring.dataset.event = id;
  }

  // The overview: its bars and axis are drawn again only when the width, the data or the hidden
  // kinds change; the window over them on every drawing (moving it moves nothing else).
  drawOverview() {
    const g = this.g, data = this.data;
    const y0 = g.overviewY, h = OVERVIEW_H;
    const key = [g.width, g.left, y0, this.version, [...this.hidden].sort().join('\u0000')].join('|');
    if (key !== this.overviewKey) {
      this.overviewKey = key;
      const o = this.overview;
      o.textContent = '';
      el('rect', {x: g.left, y: y0, width: g.plotW, height: h, class: 'tg-tl-ovbg'}, o);
      const caption = el('text', {x: g.left - 8, y: y0 + 12, 'text-anchor': 'end', class: 'tg-tl-ovcaption'}, o);
      caption.textContent = 'events per month';
      const stack = new Map();
      for (const [day, k, n] of data.months) {
        if (this.hidden.has(data.kinds[k][0])) continue;
        const d = utc(day);
        const next = dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
        const below = stack.get(day) || 0;
        stack.set(day, below + n);
        // a month that begins before (or ends after) the case's padded range is cut at the edge,
        // not drawn over the caption beside the overview
        const x0 = Math.max(g.left, this.ox(day)), x1 = Math.min(g.left + g.plotW, this.ox(next));
        if (x1 <= x0) continue;
        const top = y0 + h - (below + n) / this.monthMax * (h - 4);
        el('rect', {x: x0, y: top, width: Math.max(1, x1 - x0 - 0.5), height: n / this.monthMax * (h - 4),
                    fill: data.kinds[k][1]}, o);
      }
      const [a, b] = this.fullRange();
      for (const [day, label] of ticks(a, b, g.plotW)) {
        const x = Math.round(this.ox(day)) + 0.5;
        el('line', {x1: x, x2: x, y1: y0 + h, y2: y0 + h + 4, class: 'tg-tl-tick'}, o);
        const t = el('text', {x: x + 3, y: y0 + h + 14, class: 'tg-tl-ovlabel'}, o);
        t.textContent = label;
      }
      this.overviewWindow = el('g', {}, o);
    }
    const o = this.overviewWindow;
    o.textContent = '';
    // the window shown above, with a handle at each end
    const wx0 = Math.max(g.left, this.ox(this.view[0])), wx1 = Math.min(g.left + g.plotW, this.ox(this.view[1]));
    el('rect', {x: g.left, y: y0, width: Math.max(0, wx0 - g.left), height: h, class: 'tg-tl-shade'}, o);
    el('rect', {x: wx1, y: y0, width: Math.max(0, g.left + g.plotW - wx1), height: h, class: 'tg-tl-shade'}, o);
    const win = el('rect', {x: wx0, y: y0, width: Math.max(2, wx1 - wx0), height: h, class: 'tg-tl-window'}, o);
    win.dataset.part = 'window';
    for (const [x, part] of [[wx0, 'start'], [wx1, 'end']]) {
      const handle = el('rect', {x: x - 4, y: y0 + h / 2 - 12, width: 8, height: 24, rx: 2, class: 'tg-tl-handle'}, o);
      handle.dataset.part = part;
    }
  }

  // ----- moving the window --------------------------------------------------------------------

  setView(a, b) {
    const [fa, fb] = this.fullRange();
    const full = fb - fa;
    let span = Math.min(Math.max(b - a, MIN_SPAN), full * 4);
    const mid = (a + b) / 2;
    a = mid - span / 2; b = mid + span / 2;
    // keep some of the case in sight
    if (b < fa + span * 0.1) { a = fa - span * 0.9; b = a + span; }
    if (a > fb - span * 0.1) { a = fb - span * 0.1; b = a + span; }
    this.view = [a, b];
    this.schedule();
  }

  zoomBy(factor, atDay) {
    const [a, b] = this.view;
    const at = atDay ?? (a + b) / 2;
    this.setView(at - (at - a) * factor, at + (b - at) * factor);
  }

  panBy(days) { this.setView(this.view[0] + days, this.view[1] + days); }

  showAll() { const [a, b] = this.fullRange(); this.setView(a, b); }

  bringIntoView(id) {
    const i = this.index.get(id);
    if (i === undefined) return;
    const [, , start, end] = this.data.marks[i];
    const first = start ?? end, last = (end ?? start) + 1;
    const [a, b] = this.view;
    if (first >= a && last <= b) return;
    const span = Math.max(b - a, (last - first) * 1.2);
    const mid = (first + last) / 2;
    this.setView(mid - span / 2, mid + span / 2);
  }

  select(ids) {
    // n: new on every click, also after the chart is mounted again (so never a value seen before)
    this.setStateValue('selection', {ids, n: Date.now() * 1000 + (++this.clicks % 1000)});
  }

  // ----- mouse and keys -----------------------------------------------------------------------

  point(e) {
    const box = this.svg.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  }

  inEvents([x, y]) { const g = this.g; return x >= g.left && x <= g.left + g.plotW && y <= TOP + g.eventsH; }
  inOverview([x, y]) {
    const g = this.g;
    return this.overviewOn && x >= g.left - 6 && x <= g.left + g.plotW + 6 && y >= g.overviewY && y <= g.overviewY + OVERVIEW_H;
  }

  listen() {
    const svg = this.svg;
    let drag = null;
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 || !this.g) return;
      const p = this.point(e);
      const part = e.target.dataset ? e.target.dataset.part : undefined;
      if (this.inOverview(p)) {
        const at = this.oday(p[0]);
        const kind = part || 'brush';
        drag = {kind, p, view: [...this.view], at};
      } else if (this.inEvents(p)) {
        drag = {kind: e.shiftKey ? 'box' : 'pan', p, view: [...this.view], target: e.target};
      } else {
        return;
      }
      svg.setPointerCapture(e.pointerId);
      // no preventDefault: it would keep the press from focusing the chart, and after a click on
      // the chart its keys (arrows, + −, 0) should work (user-select: none stops text selection)
    });
    svg.addEventListener('pointermove', (e) => {
      const p = this.point(e);
      if (!drag) { this.hover(e); return; }
      const dx = p[0] - drag.p[0];
      drag.moved = drag.moved || Math.abs(dx) > 3 || Math.abs(p[1] - drag.p[1]) > 3;
      if (!drag.moved) return;
      this.hideTip();
      const [a, b] = drag.view;
      if (drag.kind === 'pan') {
        const days = dx / this.g.plotW * (b - a);
        this.view = [a - days, b - days];
        this.schedule();
      } else if (drag.kind === 'box') {
        const x = Math.min(p[0], drag.p[0]), y = Math.min(p[1], drag.p[1]);
        for (const [k, v] of Object.entries({x, y, width: Math.abs(dx), height: Math.abs(p[1] - drag.p[1]),
                                             visibility: 'visible'})) this.boxRect.setAttribute(k, v);
      } else {
        const at = this.oday(p[0]);
        if (drag.kind === 'window') this.setView(a + at - drag.at, b + at - drag.at);
        else if (drag.kind === 'start') this.setView(Math.min(at, b - MIN_SPAN), b);
        else if (drag.kind === 'end') this.setView(a, Math.max(at, a + MIN_SPAN));
        else this.setView(Math.min(at, drag.at), Math.max(at, drag.at));
      }
    });
    const end = (e) => {
      if (!drag) return;
      const d = drag;
      drag = null;
      if (svg.hasPointerCapture(e.pointerId)) svg.releasePointerCapture(e.pointerId);
      if (d.kind === 'box' && d.moved) {
        this.boxRect.setAttribute('visibility', 'hidden');
        const p = this.point(e);
        const [x0, x1] = [Math.min(p[0], d.p[0]), Math.max(p[0], d.p[0])];
        const [y0, y1] = [Math.min(p[1], d.p[1]), Math.max(p[1], d.p[1])];
        const ids = [];
        this.data.marks.forEach((m, i) => {
          if (this.nodes[i].tgOff) return;
          const [cx, cy] = this.centre(i);
          if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) ids.push(m[0]);
        });
        if (ids.length) this.select(ids);
      } else if (!d.moved && (d.kind === 'pan' || d.kind === 'box')) {
        const id = d.target && d.target.dataset ? d.target.dataset.event : undefined;
        if (id) this.select([id]);
      } else if (!d.moved && d.kind === 'brush') {  // a click on the overview: centre the window there
        const [a, b] = this.view;
        this.setView(d.at - (b - a) / 2, d.at + (b - a) / 2);
      }
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
    svg.addEventListener('pointerleave', () => { if (!drag) this.hideTip(); });
    svg.addEventListener('dblclick', (e) => { if (this.inEvents(this.point(e))) this.showAll(); });
    svg.addEventListener('wheel', (e) => {
      const p = this.point(e);
      const overview = this.inOverview(p);
      if (!overview && !this.inEvents(p)) return;
      const [a, b] = this.view;
      if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {  // sideways: pan
        e.preventDefault();
        this.panBy((e.deltaX || e.deltaY) / this.g.plotW * (b - a));
      } else if (overview || e.ctrlKey || e.metaKey) {  // on the overview, or with Ctrl / ⌘ (and pinch): zoom
        e.preventDefault();
        this.zoomBy(Math.exp(e.deltaY * 0.0015), overview ? this.oday(p[0]) : this.day(p[0]));
      }  // else the page scrolls, as a reader expects
    }, {passive: false});
    svg.addEventListener('keydown', (e) => {
      const [a, b] = this.view;
      const keys = {
        ArrowLeft: () => this.panBy(-(b - a) / 8), ArrowRight: () => this.panBy((b - a) / 8),
        '+': () => this.zoomBy(1 / 1.6), '=': () => this.zoomBy(1 / 1.6), '-': () => this.zoomBy(1.6),
        0: () => this.showAll(),
      };
      if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
    });
  }

  hover(e) {
    const t = e.target;
    const id = t && t.dataset ? t.dataset.event : undefined;
    if (!id || !this.index.has(id)) { this.hideTip(); return; }
    const m = this.data.marks[this.index.get(id)];
    this.tip.textContent = '';
    html('b', '', this.tip, m[8]);
    const lines = t.dataset.text ? [t.dataset.text] : [m[9], m[10] === 1 ? '1 source' : `${m[10]} sources`];
    if (!t.dataset.text && m[7]) lines.push('⚠ sources disagree');
    for (const line of lines) html('div', '', this.tip, line);
    this.tip.hidden = false;
    const box = this.root.getBoundingClientRect();
    const x = e.clientX - box.left, y = e.clientY - box.top;
    this.tip.style.left = `${Math.min(x + 14, box.width - 300)}px`;
    this.tip.style.top = `${y + 16}px`;
  }

  hideTip() { this.tip.hidden = true; }
}

export default function (component) {
  const {data, setStateValue, parentElement} = component;
  let chart = charts.get(parentElement);
  if (!chart) {
    chart = new Chart(parentElement);
    charts.set(parentElement, chart);
  }
  chart.update(data, setStateValue);
  return () => {
    chart.resize.disconnect();
    if (chart.frame) cancelAnimationFrame(chart.frame);
    chart.root.remove();
    charts.delete(parentElement);
  };
}

// A document's text in which the curator selects words (a Streamlit v2 component, no library).
//
// Python sends {text, marks: [[start, end, kind], ...], version}; offsets count code points, as
// Python's str does. The text is put in the page as text (textContent), never as HTML, so
// nothing in a document can run here. Each piece of text between two mark boundaries is a
// <span data-o="its first offset">; when the curator lets go of the mouse (or of Shift after
// selecting with the keyboard) over a selection inside the text, its start and end offsets go
// back to Python as the state value `selection`: {start, end, n: a counter, so selecting the
// same words again is news too}. Python checks them against the document's text.

const panes = new WeakMap();  // the component's element -> its pane (kept across reruns)

// The code-point offset in the document of a boundary point (node, offset) of a selection.
function offsetOf(root, node, offset) {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement && node.parentElement.closest('[data-o]');
    if (!piece || !root.contains(piece)) return null;
    return Number(piece.dataset.o) + Array.from(node.data.slice(0, offset)).length;
  }
  if (!root.contains(node) && node !== root) return null;
  // an element boundary: the start of the piece after it, or the end of the one before
  const pieces = [...root.querySelectorAll('[data-o]')];
  if (!pieces.length) return null;
  const after = node.childNodes[offset];
  for (const piece of pieces) {
    if (after && (piece === after || after.contains(piece) ||
                  (after.compareDocumentPosition(piece) & Node.DOCUMENT_POSITION_FOLLOWING))) {
      return Number(piece.dataset.o);
    }
  }
  const last = pieces[pieces.length - 1];
  return Number(last.dataset.o) + Array.from(last.textContent).length;
}

class Pane {
  constructor(parent) {
    this.root = document.createElement('div');
    this.root.className = 'tg-words';
    this.root.dataset.tgWords = '';
    parent.appendChild(this.root);
    this.count = 0;
    const report = () => this.report();
    this.root.addEventListener('mouseup', report);
    this.root.addEventListener('keyup', (e) => { if (e.key === 'Shift' || e.shiftKey) report(); });
    this.root.tabIndex = 0;
  }

  update(data, setStateValue) {
    this.setStateValue = setStateValue;
    if (data.version === this.version) return;
    this.version = data.version;
    this.root.textContent = '';
    const chars = Array.from(data.text || '');
    const cuts = new Set([0, chars.length]);
    for (const [a, b] of data.marks || []) { cuts.add(a); cuts.add(b); }
    const points = [...cuts].filter((x) => x >= 0 && x <= chars.length).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [lo, hi] = [points[i], points[i + 1]];
      const covering = (data.marks || []).filter(([a, b]) => a <= lo && hi <= b);
      const piece = document.createElement(covering.length ? 'mark' : 'span');
      if (covering.length) piece.className = `tg-words-${covering[0][2]}`;
      piece.dataset.o = String(lo);
      piece.textContent = chars.slice(lo, hi).join('');
      this.root.appendChild(piece);
    }
  }

  report() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!this.root.contains(range.commonAncestorContainer)) return;
    const start = offsetOf(this.root, range.startContainer, range.startOffset);
    const end = offsetOf(this.root, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    this.setStateValue('selection', {start, end, n: Date.now() * 1000 + (++this.count % 1000)});
  }
}

export default function (component) {
  const {data, setStateValue, parentElement} = component;
  let pane = panes.get(parentElement);
  if (!pane) {
    pane = new Pane(parentElement);
    panes.set(parentElement, pane);
  }
  pane.update(data, setStateValue);
  return () => {
    pane.root.remove();
    panes.delete(parentElement);
  };
}

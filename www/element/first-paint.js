// The element's first paint (docs/element.md, "First paint and loading"): the prerendered preview
// (preview.js) while the interactive map is not running, kept in step with the attributes and the
// year slider, and the reader's intent that starts the interactive map on a lazy map.

import { resolveTheme } from './attributes.js';
import { dataBase, dataUrl, fetchOnce } from './data.js';
import { Preview, previewView } from './preview.js';

/** What tells that a reader reaches for a lazy map: then the interactive map loads. */
const INTENT = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'wheel', 'click'];

export class FirstPaint {
  #element;
  #shell;
  #prefersDark;
  #start;
  #attached;
  #preview = null;
  #view = null;
  #onIntent = (event) => {
    // A finger scrolling the page over the map is not a reach for it; a tap (click) is.
    if (event.type === 'pointerover' && event.pointerType === 'touch') return;
    this.#start();
  };

  /**
   * `element` (its attributes; intent is heard on it), `shell` (the stage, the controls' state);
   * `prefersDark()` the system's scheme, `start()` loads the interactive map, `attached()` is true
   * once the interactive map runs.
   */
  constructor(element, shell, { prefersDark, start, attached }) {
    this.#element = element;
    this.#shell = shell;
    this.#prefersDark = prefersDark;
    this.#start = start;
    this.#attached = attached;
  }

  /** The preview is on screen. */
  get showing() {
    return this.#preview !== null;
  }

  /** The view the preview would show for the attributes now, or null. */
  wanted() {
    const element = this.#element;
    return previewView((name) => element.getAttribute(name), location.hash, this.#prefersDark(), resolveTheme);
  }

  /**
   * Draws the preview, once `wanted()` has a view for it; `lazy`: until then the reader's first
   * intent starts the interactive map. The view is asked again when the file has arrived, as the
   * attributes may have changed meanwhile. True once the preview is on screen; false when the
   * interactive map has to be the first paint.
   */
  async show(lazy) {
    if (lazy) for (const type of INTENT) this.#element.addEventListener(type, this.#onIntent, { passive: true });
    try {
      const base = dataBase(this.#element.getAttribute('src'), document.baseURI);
      const data = await fetchOnce(dataUrl(base, 'preview.json'), 'json');
      if (this.#attached() || this.#preview) return this.#preview !== null;
      this.#preview = new Preview(data, this.#shell.d.stage);
      return this.repaint();
    } catch {
      this.drop();
      return false;
    }
  }

  /**
   * Shows `view` (the attributes' by default) with the controls that go with it; when the preview
   * cannot show it, the preview goes and the interactive map starts. False when it went.
   */
  repaint(view = this.wanted()) {
    const ui = view && this.#preview?.paint(view);
    if (!ui) {
      this.drop();
      this.#start();
      return false;
    }
    this.#view = view;
    this.#shell.showPreview(ui);
    return true;
  }

  /** The slider moved before the interactive map loaded: the preview follows it. */
  year(year) {
    if (this.#preview && this.#view) this.repaint({ ...this.#view, year });
  }

  /** Keeps the preview's lines and hatching at their screen size in a new box size. */
  place() {
    this.#preview?.place();
  }

  /** Stops listening for intent (the interactive map was asked for). */
  disarm() {
    for (const type of INTENT) this.#element.removeEventListener(type, this.#onIntent);
  }

  /** The preview goes: the interactive map has drawn over it, or it cannot be had. */
  drop() {
    this.disarm();
    this.#preview?.remove();
    this.#preview = null;
  }
}

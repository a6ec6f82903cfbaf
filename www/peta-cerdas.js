// <peta-cerdas>: the embeddable map of Gerakan Menuju Kota Cerdas (docs/element.md).
// This module is the element's lifecycle, attributes, events and public methods; the rooms it
// puts together live in element/: core (the Rust MapHandle, docs/web-api.md), first-paint and
// preview, data, dom, styles, strings, gestures, keyboard, search, controls, legend, panel,
// tooltip, table, fallback and hash. No innerHTML, no inline style, no eval.

import { OBSERVED, START_ORDER, applyAttribute, resolveTheme, unusableValue } from './element/attributes.js';
import { MapCore, WasmUnavailable, wasmMemoryBytes } from './element/core.js';
import { DetailLoader, dataBase, fetchOnce, programmeSource } from './element/data.js';
import { Events } from './element/events.js';
import { FirstPaint } from './element/first-paint.js';
import { HashSync, linkLang } from './element/hash.js';
import { ParticipationBox } from './element/participation-box.js';
import { Shell } from './element/shell.js';
import { STRINGS } from './element/strings.js';

export class PetaCerdasElement extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  #core = new MapCore((detail) => this.#die(detail));
  #shell = null;
  #events = new Events(this);
  #generation = 0;
  #hash = null;
  #participation = null;
  #resizeObserver = null;
  #darkQuery = null;
  #onHashChange = () => {
    // Before the map runs, the preview follows the link, or gives way to the map when it cannot show it.
    if (!this.#core.attached) return void (this.#firstPaint?.showing && this.#firstPaint.repaint());
    this.#hash.apply(location.hash, false);
  };
  #onSchemeChange = () => this.#applyTheme();
  #ratioQuery = null;
  // Moving the window to a screen of another pixel ratio resizes nothing: watch the ratio itself.
  #onRatioChange = () => {
    this.#watchRatio();
    this.#shell.resize();
  };
  #detail = new DetailLoader(this.#core, {
    loaded: () => this.#changed(),
    failed: (error) => this.#emitError(`${this.#t().loadFailed}: ${error.message || error}`),
  });
  #readyPromise;
  #resolveReady;
  #rejectReady;
  /** The prerendered preview and the intent that ends it (first-paint.js). */
  #firstPaint = null;
  /** The interactive map was asked for (at once, or at the first intent), or is to be at connection. */
  #started = false;
  #eager = false;
  /** A `select()` that came before the interactive map ran (`{code}`), applied at its first draw. */
  #earlySelection = null;
  /**
   * Unusable values reported, by attribute, so that a keyword's reported before the interactive
   * map ran is not reported again when the map applies it.
   */
  #reportedUnusable = new Map();

  constructor() {
    super();
    this.#readyPromise = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.#readyPromise.catch(() => {});
  }

  /** Resolves when the interactive map first draws; rejects when it cannot start. */
  get ready() {
    return this.#readyPromise;
  }

  connectedCallback() {
    if (!this.#shell) this.#build();
    if (!this.#core.attached) for (const name of OBSERVED) this.#reportUnusable(name, this.getAttribute(name));
    this.#resizeObserver = new ResizeObserver(() => {
      this.#firstPaint.place();
      this.#shell.resize();
    });
    this.#resizeObserver.observe(this.#shell.d.stage);
    this.#darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
    this.#darkQuery.addEventListener('change', this.#onSchemeChange);
    if (this.hasAttribute('sync-hash')) window.addEventListener('hashchange', this.#onHashChange);
    this.#watchRatio();
    if (!this.#started && !this.#firstPaint.showing && !this.#core.dead) this.#begin();
  }

  #watchRatio() {
    this.#ratioQuery?.removeEventListener('change', this.#onRatioChange);
    this.#ratioQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.#ratioQuery.addEventListener('change', this.#onRatioChange);
  }

  disconnectedCallback() {
    this.#resizeObserver?.disconnect();
    this.#darkQuery?.removeEventListener('change', this.#onSchemeChange);
    this.#ratioQuery?.removeEventListener('change', this.#onRatioChange);
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#shell.stop();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value) return;
    // A folder is judged here whenever it changes: the map has no word on it.
    if (this.isConnected && (!this.#core.attached || name === 'src' || name === 'programme')) {
      this.#reportUnusable(name, value);
    }
    if (this.#firstPaint?.showing && !this.#core.attached) return this.#firstPaint.repaint();
    if (!this.#core.attached) return;
    if (name === 'src') {
      this.#start();
      return;
    }
    if (name === 'indicator') {
      this.#fetchIndicator();
      return;
    }
    if (name === 'programme') {
      this.#fetchProgramme();
      return;
    }
    this.#applyAttribute(name, value);
    this.#changed();
  }

  // ---- public API (docs/element.md) ----

  /**
   * Starts the interactive map now, as a reader's first pointer, tap, key or focus on a lazy map
   * does; resolves when it is ready (the `ready` promise).
   */
  load() {
    this.#eager = true;
    if (!this.#started && !this.#core.dead && this.#shell) this.#start();
    return this.#readyPromise;
  }

  /** The region at a longitude/latitude, or null at sea; throws before the map has loaded. */
  regionAt(lon, lat) {
    this.#mustBeLoaded();
    return this.#core.regionAt(Number(lon), Number(lat));
  }

  /** Bytes of WebAssembly memory in use by all maps on the page (it grows, never shrinks): for soak tests. */
  get memoryBytes() {
    return wasmMemoryBytes();
  }

  /**
   * Where a lon/lat lies on the map, in CSS pixels from the canvas's top-left corner: `{x, y}`;
   * throws before the map has loaded.
   */
  toScreen(lon, lat) {
    this.#mustBeLoaded();
    return this.#core.toScreen(Number(lon), Number(lat));
  }

  /**
   * Shows a developer's own indicator: CSV text with a code (`35.20`) or name column and a value
   * column, `,` or `;` separated. Resolves to the report `{label, rows, matched, problems}`;
   * rejects (and keeps the previous view) when no row can be used, and with an `AbortError` when
   * a later loadIndicator or clearIndicator came first. The CSV parser is a small second wasm,
   * fetched the first time.
   */
  async loadIndicator(csv) {
    this.#mustBeLoaded();
    const report = await this.#core.loadIndicator(csv);
    this.#changed();
    return report;
  }

  /** Removes the indicator; the map shows cohorts again. */
  clearIndicator() {
    this.#core.clearIndicator();
    this.#changed();
  }

  /**
   * Selects a region by Kemendagri code (`null` clears); false for an unknown code. Before the
   * interactive map runs, a page that adds the tag and selects at once is answered as the `region`
   * attribute is: the call is remembered (the last one wins), starts the map (a preview shows no
   * selection) and is applied when it first draws; it answers true, and an unknown code is then
   * reported by `error`.
   */
  select(code) {
    if (!this.#core.attached) {
      this.#earlySelection = { code };
      this.load();
      return true;
    }
    const ok = this.#core.select(code);
    if (ok) this.#changed();
    return ok;
  }

  /**
   * The figures `peta-cerdas stats` prints, for the current year (null before the map loads); a
   * promise, as the reports come with a wasm of their own, fetched the first time.
   */
  stats() {
    return this.#core.stats();
  }

  /**
   * The data table of the current year as CSV text (with a BOM), in the map's language, with its
   * sources (every province's that no panel or table has fetched yet, fetched first).
   */
  async toCSV() {
    this.#mustBeLoaded();
    return this.#core.tableCsv();
  }

  toSVG() {
    this.#mustBeLoaded();
    return this.#core.toSVG();
  }

  toPNG() {
    return new Promise((resolve, reject) => {
      this.#mustBeLoaded();
      this.#core.render();
      this.#shell.d.canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('peta-cerdas: PNG export failed'))),
        'image/png',
      );
    });
  }

  /** The methods that answer from the map throw (or reject) until it has loaded: await `ready`. */
  #mustBeLoaded() {
    if (!this.#core.attached) throw new Error('peta-cerdas: the map is not loaded yet');
  }

  // ---- start-up ----

  /**
   * The language shown: the core's (or the preview's) once it answered; before, a `sync-hash`
   * link's, which the map will follow, else the `lang` attribute.
   */
  #lang() {
    const shown = this.#shell?.ui?.lang;
    if (shown) return shown;
    const asked = (this.hasAttribute('sync-hash') && linkLang(location.hash)) || this.getAttribute('lang');
    return asked === 'en' ? 'en' : 'id';
  }

  #t() {
    return STRINGS[this.#lang()];
  }

  /**
   * The first paint. When the prerendered preview can show what the attributes ask for, it is
   * drawn at once; the interactive map then loads at once with `loading="eager"`, else at the
   * reader's first intent or a call of `load()`, so that a reader who only looks downloads no
   * WebAssembly. Without a preview the interactive map loads at once.
   */
  async #begin() {
    const eager = this.#eager || this.getAttribute('loading') === 'eager';
    if (!this.#firstPaint.wanted()) return this.#start();
    if (eager) this.#start();
    if (await this.#firstPaint.show(!eager)) {
      // A reader who reached for a lazy map before its preview came still waits for the map.
      if (!this.#core.attached) this.#shell.setState('preview', this.#started && !eager);
      this.#events.emit('preview', {});
    } else {
      this.load();
    }
  }

  async #start() {
    this.#started = true;
    this.#firstPaint.disarm();
    const generation = ++this.#generation;
    const base = dataBase(this.getAttribute('src'), document.baseURI);
    const first = !this.#core.attached;
    // The map loads: over the preview when one shows (a reader reached for it), else alone.
    if (first) this.#shell.setState(this.#firstPaint.showing ? 'preview' : 'loading', true);
    try {
      const current = () => generation === this.#generation;
      const programme = programmeSource(this, document.baseURI);
      if (!(await this.#core.open(this.#shell.d.canvas, base, current, programme))) return;
      this.#shell.showMessage(null);
      if (first) {
        for (const name of START_ORDER) {
          if (name === 'theme' || this.hasAttribute(name)) this.#applyAttribute(name, this.getAttribute(name));
        }
        if (this.hasAttribute('indicator')) await this.#fetchIndicator();
        if (this.hasAttribute('sync-hash')) this.#hash.apply(location.hash, true);
      }
      this.#shell.resize();
      // atlas.bin waits until a view wants finer borders than the overview has.
      this.#detail.reset(base, current);
      this.#changed();
    } catch (error) {
      if (generation !== this.#generation) return;
      if (error instanceof WasmUnavailable) {
        this.#firstPaint.drop();
        this.#shell.setState('fallback');
        // Only a page without WebAssembly needs the fallback's code, so it comes then.
        const emitError = (message) => this.#emitError(message);
        import('./element/fallback.js').then(
          ({ showFallback }) => showFallback(this.#shell.d, this.#t(), this.#lang(), base, error.message, emitError),
          (failure) => emitError(`${this.#t().loadFailed}: ${failure.message || failure}`),
        );
        this.#rejectReady(new Error(error.message));
      } else if (!this.#core.dead) {
        const message = `${this.#t().loadFailed}: ${error.message || error}`;
        this.#shell.showMessage(message);
        if (first) this.#shell.setState('error');
        this.#emitError(message);
        if (first) this.#rejectReady(new Error(message));
      }
    }
  }

  /**
   * Loads the site's own members.csv, pillars.csv and cohorts.csv from the folder named by the
   * `programme` attribute (the `src` folder's or the packaged ones without it). A file that cannot
   * be had or used is reported; the map keeps the last good programme.
   */
  async #fetchProgramme() {
    const generation = this.#generation;
    const source = programmeSource(this, document.baseURI);
    try {
      if (await this.#core.loadProgramme(source, () => generation === this.#generation)) this.#changed();
    } catch (error) {
      this.#emitError(`${this.#t().programmeFailed}: ${error.message || error}`);
    }
  }

  /** Loads the CSV named by the `indicator` attribute (relative to the page). */
  async #fetchIndicator() {
    const url = this.getAttribute('indicator');
    if (!url) return this.clearIndicator();
    try {
      const text = await fetchOnce(new URL(url, document.baseURI).href, 'text');
      const report = await this.loadIndicator(text);
      if (report.problems.length) this.#emitError(`${report.label}: ${report.problems.join('; ')}`);
    } catch (error) {
      if (error.name !== 'AbortError') this.#emitError(`${this.#t().indicator}: ${error.message || error}`);
    }
  }

  /** A panic inside wasm: this map stops for good and says so. */
  #die(detail) {
    this.#shell.stopPlaying();
    this.#shell.setState('error');
    const message = `${this.#t().crashed} (${detail})`;
    this.#shell.showMessage(message);
    this.#emitError(message);
    this.#rejectReady(new Error(message));
  }

  /**
   * Applies an attribute; a value nobody knows is reported (unless it was before the map ran) and
   * the previous state kept.
   */
  #applyAttribute(name, value) {
    const reported = this.#reportedUnusable.get(name) === value;
    this.#reportedUnusable.delete(name);
    try {
      applyAttribute(this.#core, name, value);
      if (name === 'theme') this.#applyTheme();
    } catch {
      if (!reported) this.#emitError(this.#t().badValue(name, value));
    }
  }

  /**
   * Reports a value the map cannot use (`unusableValue`), once per value: a keyword's while the
   * interactive map does not run (a preview shows whatever the value), as the map would, and a
   * data folder's whenever it changes.
   */
  #reportUnusable(name, value) {
    if (!unusableValue(name, value, document.baseURI)) {
      this.#reportedUnusable.delete(name);
    } else if (this.#reportedUnusable.get(name) !== value) {
      this.#reportedUnusable.set(name, value);
      this.#emitError(this.#t().badValue(name, value));
    }
  }

  #applyTheme() {
    if (!this.#core.attached) {
      if (this.#firstPaint?.showing) this.#firstPaint.repaint();
      return;
    }
    // A link's theme (sync-hash) wins over the page's, as the link's year and view do.
    const choice = this.#core.linkTheme() ?? this.getAttribute('theme');
    this.#core.setTheme(resolveTheme(choice, this.#darkQuery?.matches));
    this.#changed();
  }

  /** Redraw on the next frame (nothing before the element was first connected). */
  #changed() {
    this.#shell?.changed();
  }

  // ---- events ----

  /**
   * After each refresh: the events for what changed, and `ready` at the first draw, before them:
   * what a link or the `region` attribute selected is told after the code that awaited `ready`
   * (or heard its event) has run, so that a listener it added hears it.
   */
  #refreshed(ui, firstDraw) {
    this.#participation.update(ui);
    const tell = () => this.#events.refreshed(ui, (index) => this.#core.regionInfo(index));
    if (!firstDraw) return tell();
    // The canvas has drawn the same view over the preview in this frame.
    this.#firstPaint.drop();
    this.#shell.setState('ready');
    this.#events.emit('ready', {});
    this.#resolveReady();
    // Queued after the reactions to `ready` that resolving it queued.
    queueMicrotask(() => {
      tell();
      this.#selectEarly();
    });
  }

  /** A `select()` that came before the map ran, now that the map can answer it. */
  #selectEarly() {
    const early = this.#earlySelection;
    this.#earlySelection = null;
    if (early && !this.select(early.code)) this.#emitError(this.#t().badValue('region', early.code));
  }

  #emitError(message) {
    this.#events.error(message);
  }

  #build() {
    this.#shell = new Shell(this.attachShadow({ mode: 'open' }), this.#core, {
      strings: () => this.#t(),
      onRefresh: (ui, firstDraw) => this.#refreshed(ui, firstDraw),
      onDrawn: () => this.#detail.drawn(),
      onSettled: () => this.#hash.scheduleWrite(),
      onEarlyYear: (year) => this.#firstPaint.year(year),
      onSourcesFailed: (error) => this.#emitError(`${this.#t().sourcesFailed}: ${error.message || error}`),
    });
    this.#shell.expectMode(this.getAttribute('mode'), this.getAttribute('pillar'));
    this.#firstPaint = new FirstPaint(this, this.#shell, {
      prefersDark: () => this.#darkQuery?.matches,
      start: () => this.load(),
      attached: () => this.#core.attached,
    });
    this.#participation = new ParticipationBox(this.#shell.d, this.#core, {
      strings: () => this.#t(),
      changed: () => this.#changed(),
      failed: (message) => this.#emitError(message),
    });
    this.#hash = new HashSync(this, this.#core, {
      strings: (lang) => STRINGS[lang],
      emitError: (message) => this.#emitError(message),
      notice: (message) => this.#shell.showMessage(message),
      applied: () => this.#applyTheme(),
      changed: () => this.#changed(),
    });
  }
}

if (!customElements.get('peta-cerdas')) customElements.define('peta-cerdas', PetaCerdasElement);

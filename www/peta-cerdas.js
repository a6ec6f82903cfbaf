// <peta-cerdas>: the embeddable map of Gerakan Menuju Kota Cerdas (docs/element.md).
// A thin shell over the Rust core (MapHandle, docs/web-api.md): it builds the DOM, forwards
// events and writes the core's answers as text. No innerHTML, no inline style, no eval.

const MODULE_URL = import.meta.url;
const PLAY_STEP_MS = 1200;
const HINT_MS = 1800;
const KEY_PAN_PX = 80;
const KEY_ZOOM = 1.5;

// The chrome around the map; the map's own words (title, legend, summaries) come from Rust.
const STRINGS = {
  id: {
    title: 'Gerakan Menuju Kota Cerdas',
    mapLabel: 'Peta interaktif kabupaten/kota Gerakan Menuju Kota Cerdas',
    roleDescription: 'peta',
    help: 'Panah menggeser peta, Shift+panah berpindah ke wilayah terdekat, Page Down/Page Up berpindah ke wilayah berikut/sebelumnya menurut provinsi dan nama, Enter memilih, Esc menutup, + dan − memperbesar/memperkecil, 0 mengatur ulang.',
    hintWheel: 'Tekan Ctrl (⌘ di Mac) sambil menggulir untuk memperbesar peta',
    hintTouch: 'Gunakan dua jari untuk menggeser dan memperbesar peta',
    zoomIn: 'Perbesar', zoomOut: 'Perkecil', reset: 'Tampilan awal',
    year: 'Tahun', play: 'Putar', pause: 'Jeda',
    mode: 'Tampilan', cohort: 'Angkatan (tahun bergabung)', pillar: 'Pilar (dimensi)', pillarCount: 'Jumlah pilar', indicator: 'Indikator',
    search: 'Cari kabupaten/kota', searchPlaceholder: 'Cari, mis. Magetan', noHits: 'Tidak ditemukan',
    legendHint: 'Klik entri legenda untuk menampilkan atau menyembunyikan kelasnya.',
    close: 'Tutup', province: 'Provinsi', memberships: 'Keanggotaan', pillars: 'Pilar', evidence: 'Bukti pilar',
    noPillars: 'Belum ada pilar yang teridentifikasi.', notMember: 'Bukan anggota dalam data yang teridentifikasi.',
    source: 'sumber', confidence: { confirmed: 'terkonfirmasi', inferred: 'disimpulkan', conflicting: 'sumber bertentangan' },
    table: 'Tabel data', tableCaption: (year, n) => `Anggota per ${year}: ${n} kabupaten/kota`,
    columns: ['Kabupaten/kota', 'Provinsi', 'Tahun bergabung', 'Pilar', 'Sumber'],
    identified: 'Teridentifikasi per angkatan',
    loading: 'Memuat peta…',
    loadFailed: 'Peta tidak dapat dimuat',
    badValue: (name, value) => `Nilai atribut ${name}="${value}" tidak dikenal; tampilan sebelumnya dipertahankan.`,
    hashProblems: 'Sebagian alamat tautan diabaikan',
    noWasm: 'Peta interaktif tidak dapat berjalan karena WebAssembly diblokir oleh kebijakan keamanan halaman (CSP) atau tidak didukung peramban ini. Ditampilkan peta statis dan tabel data.',
    crashed: 'Peta berhenti karena kesalahan internal. Muat ulang halaman.',
    fallbackAlt: 'Peta statis anggota Gerakan Menuju Kota Cerdas',
    language: 'Bahasa',
  },
  en: {
    title: "Indonesia's Smart City Movement",
    mapLabel: 'Interactive map of the regencies and cities of the Smart City Movement',
    roleDescription: 'map',
    help: 'Arrows pan the map, Shift+arrows move to the nearest region that way, Page Down/Page Up move to the next/previous region by province and name, Enter selects, Esc closes, + and − zoom, 0 resets.',
    hintWheel: 'Hold Ctrl (⌘ on a Mac) while scrolling to zoom the map',
    hintTouch: 'Use two fingers to move and zoom the map',
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', reset: 'Reset view',
    year: 'Year', play: 'Play', pause: 'Pause',
    mode: 'Show', cohort: 'Cohort (year joined)', pillar: 'Pillar (dimension)', pillarCount: 'Number of pillars', indicator: 'Indicator',
    search: 'Find a regency or city', searchPlaceholder: 'Search, e.g. Magetan', noHits: 'No match',
    legendHint: 'Click a legend entry to show or hide its class.',
    close: 'Close', province: 'Province', memberships: 'Membership', pillars: 'Pillars', evidence: 'Pillar evidence',
    noPillars: 'No pillar identified yet.', notMember: 'Not a member in the identified data.',
    source: 'source', confidence: { confirmed: 'confirmed', inferred: 'inferred', conflicting: 'sources conflict' },
    table: 'Data table', tableCaption: (year, n) => `Members by ${year}: ${n} regencies and cities`,
    columns: ['Regency/city', 'Province', 'Years joined', 'Pillars', 'Sources'],
    identified: 'Identified per cohort',
    loading: 'Loading the map…',
    loadFailed: 'The map could not be loaded',
    badValue: (name, value) => `Unknown value ${name}="${value}"; the previous view is kept.`,
    hashProblems: 'Part of the link was ignored',
    noWasm: 'The interactive map cannot run because WebAssembly is blocked by this page\'s security policy (CSP) or not supported by this browser. A static map and the data table are shown instead.',
    crashed: 'The map stopped after an internal error. Please reload the page.',
    fallbackAlt: 'Static map of the Smart City Movement members',
    language: 'Language',
  },
};

const CSS = `
:host { display: block; contain: content; }
:host([hidden]) { display: none; }
.root { all: initial; display: flex; flex-direction: column; gap: .5rem; box-sizing: border-box;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg); padding: .75rem; border-radius: 6px;
  --bg: #f7f9fb; --fg: #1b2430; --muted: #4a5563; --line: #8a95a3; --panel: #ffffff; --accent: #0b5cad; --focus: #b3006b; }
.root.dark { --bg: #11151b; --fg: #e8edf3; --muted: #b4bfcc; --line: #6b7785; --panel: #1b222b; --accent: #8cc4ff; --focus: #ff8fd0; }
.root *, .root *::before, .root *::after { box-sizing: border-box !important; }
.root [hidden] { display: none !important; }
h2, h3, p, ul, ol, figure { margin: 0; padding: 0; }
ul { list-style: none; }
h2 { font-size: 1.15rem; font-weight: 650; }
.subtitle, .muted { color: var(--muted); }
.sr-only { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.field { display: flex; gap: .4rem; align-items: center; }
label { font-weight: 600; }
button, select, input { display: inline-block; visibility: visible; opacity: 1; min-height: 32px; border: 1px solid var(--line);
  border-radius: 4px; background: var(--panel); color: var(--fg); padding: 2px 8px; font: inherit; }
input[type=range] { padding: 0; width: 12rem; accent-color: var(--accent); border: 0; background: transparent; }
button { cursor: pointer; }
button:hover { border-color: var(--fg); }
:focus-visible { outline: 3px solid var(--focus) !important; outline-offset: 2px; }
.search { position: relative; }
.search input { width: 14rem; }
.results { position: absolute; z-index: 3; top: 100%; left: 0; min-width: 100%; background: var(--panel);
  border: 1px solid var(--line); border-radius: 4px; max-height: 16rem; overflow: auto; }
.results li { padding: 4px 8px; cursor: pointer; }
.results li[aria-selected=true], .results li:hover { background: var(--accent); color: var(--panel); }
.stage { position: relative; display: block; width: 100%; height: var(--peta-cerdas-map-height, clamp(200px, 48vw, 620px));
  border: 1px solid var(--line); border-radius: 4px; overflow: hidden; background: var(--bg); touch-action: pan-x pan-y; }
canvas { display: block !important; visibility: visible !important; position: absolute; inset: 0; width: 100% !important; height: 100% !important; cursor: grab; }
canvas.dragging { cursor: grabbing; }
.zoom { position: absolute; top: .5rem; right: .5rem; display: flex; flex-direction: column; gap: 4px; z-index: 2; }
.zoom button { width: 36px; height: 36px; font-size: 18px; line-height: 1; padding: 0; }
.tooltip { position: absolute; z-index: 2; pointer-events: none; max-width: 18rem; background: var(--panel); border: 1px solid var(--line);
  border-radius: 4px; padding: 6px 8px; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.tooltip strong { display: block; font-weight: 650; }
.hint { position: absolute; z-index: 4; left: 50%; top: 50%; transform: translate(-50%, -50%); max-width: 85%;
  background: rgba(17,21,27,.86); color: #fff; padding: .6rem .9rem; border-radius: 6px; text-align: center; pointer-events: none; }
.message { background: var(--panel); color: var(--fg); border: 2px solid var(--focus); border-radius: 6px; padding: .5rem .75rem; }
.loading { position: absolute; inset: 0; display: grid; place-items: center; color: var(--muted); }
.panel { position: absolute; z-index: 3; top: .5rem; left: .5rem; bottom: .5rem; width: min(22rem, 70%); overflow: auto;
  background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; display: flex; flex-direction: column; gap: .5rem; }
.panel h3 { font-size: 1.05rem; padding-right: 2.5rem; }
.panel .close { position: absolute; top: .4rem; right: .4rem; }
.panel li { margin: .25rem 0; }
.panel q { display: block; font-style: italic; color: var(--muted); }
a { color: var(--accent); text-decoration: underline; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem .5rem; }
.legend button { display: inline-flex; align-items: center; gap: .4rem; }
.legend button[aria-pressed=false] { text-decoration: line-through; opacity: .75; }
.legend .static { display: inline-flex; align-items: center; gap: .4rem; padding: 2px 8px; }
.swatch { display: inline-block; width: 1rem; height: 1rem; border: 1px solid var(--line); border-radius: 2px; forced-color-adjust: none; }
.swatch.hatched { background-image: repeating-linear-gradient(45deg, var(--bg) 0 1.5px, transparent 1.5px 4px) !important; }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
.identified { display: flex; flex-wrap: wrap; gap: .1rem 1rem; color: var(--muted); font-size: 13px; }
.attribution { font-size: 12px; color: var(--muted); }
details summary { cursor: pointer; font-weight: 600; }
.table-wrap { max-height: 22rem; overflow: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 3px 6px; }
.fallback img { display: block !important; visibility: visible !important; width: 100%; height: auto; }
@media (forced-colors: active) {
  .root { --line: CanvasText; --focus: Highlight; }
  .legend button[aria-pressed=true] { border-width: 3px; }
}
@media (prefers-reduced-motion: reduce) { .root * { transition: none !important; animation: none !important; } }
`;

let sharedSheet = null;
function styleSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(CSS);
  }
  return sharedSheet;
}

// One wasm instance for every map on the page.
let wasmPromise = null;
let wasmMemory = null;
function loadWasm() {
  if (!wasmPromise) {
    wasmPromise = (async () => {
      if (typeof WebAssembly !== 'object') throw new WasmUnavailable('WebAssembly is not supported');
      const bindings = await import('./pkg/peta_cerdas.js');
      try {
        const exports = await bindings.default({ module_or_path: new URL('./pkg/peta_cerdas_bg.wasm', MODULE_URL) });
        wasmMemory = exports.memory;
      } catch (error) {
        // A CSP without 'wasm-unsafe-eval' refuses compilation with a CompileError/EvalError.
        if (error instanceof WebAssembly.CompileError || error instanceof EvalError || /Content Security Policy|unsafe-eval/i.test(String(error))) {
          throw new WasmUnavailable(String(error.message || error));
        }
        throw error;
      }
      return bindings;
    })();
  }
  return wasmPromise;
}

class WasmUnavailable extends Error {}

// Each data file is fetched once per page, however many maps show it.
const fetched = new Map();
function fetchOnce(url, kind) {
  const key = `${kind}:${url}`;
  if (!fetched.has(key)) {
    const request = fetch(url, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return kind === 'bytes' ? response.arrayBuffer().then((b) => new Uint8Array(b)) : response.text();
    });
    request.catch(() => fetched.delete(key));
    fetched.set(key, request);
  }
  return fetched.get(key);
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function prefersReducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class PetaCerdasElement extends HTMLElement {
  static get observedAttributes() {
    return ['year', 'mode', 'pillar', 'lang', 'theme', 'region', 'src', 'indicator'];
  }

  #handle = null;
  #dom = null;
  #ui = null;
  #uiText = '';
  #sections = {};
  #frame = 0;
  #playTimer = 0;
  #hintTimer = 0;
  #hashTimer = 0;
  #pointers = new Map();
  #drag = null;
  #pinch = null;
  #selected = -1;
  #tooltipKey = '';
  #controlsStale = false;
  #year = null;
  #dead = false;
  #generation = 0;
  #resizeObserver = null;
  #darkQuery = null;
  #onHashChange = () => this.#applyHash(location.hash, false);
  #onSchemeChange = () => this.#applyTheme();
  #ratioQuery = null;
  // Moving the window to a screen of another pixel ratio resizes nothing: watch the ratio itself.
  #onRatioChange = () => {
    this.#watchRatio();
    this.#resize();
  };
  #readyPromise;
  #resolveReady;
  #rejectReady;

  constructor() {
    super();
    this.#readyPromise = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.#readyPromise.catch(() => {});
  }

  /** Resolves at the first draw; rejects when the map cannot start. */
  get ready() {
    return this.#readyPromise;
  }

  connectedCallback() {
    if (!this.#dom) this.#build();
    this.#resizeObserver = new ResizeObserver(() => this.#resize());
    this.#resizeObserver.observe(this.#dom.stage);
    this.#darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
    this.#darkQuery.addEventListener('change', this.#onSchemeChange);
    if (this.hasAttribute('sync-hash')) window.addEventListener('hashchange', this.#onHashChange);
    this.#watchRatio();
    if (!this.#handle && !this.#dead) this.#start();
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
    this.#stopPlaying();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.#handle || oldValue === value) return;
    if (name === 'src') {
      this.#start();
      return;
    }
    if (name === 'indicator') {
      this.#fetchIndicator();
      return;
    }
    this.#applyAttribute(name, value);
    this.#changed();
  }

  // ---- public API (docs/element.md) ----

  regionAt(lon, lat) {
    if (!this.#handle) return null;
    return this.#call((h) => JSON.parse(h.regionAt(Number(lon), Number(lat))));
  }

  /** Bytes of WebAssembly memory in use by all maps on the page (it grows, never shrinks): for soak tests. */
  get memoryBytes() {
    return wasmMemory ? wasmMemory.buffer.byteLength : 0;
  }

  /** Where a lon/lat lies on the map, in CSS pixels from the canvas's top-left corner: `{x, y}`. */
  toScreen(lon, lat) {
    if (!this.#handle) return null;
    const [x, y] = this.#call((h) => h.toScreen(Number(lon), Number(lat)));
    return { x, y };
  }

  /**
   * Shows a developer's own indicator: CSV text with a code (`35.20`) or name column and a value
   * column, `,` or `;` separated. Returns the report `{label, rows, matched, problems}`; throws
   * (and keeps the previous view) when no row can be used.
   */
  loadIndicator(csv) {
    if (!this.#handle) throw new Error('peta-cerdas: the map is not loaded yet');
    const report = JSON.parse(this.#call((h) => h.loadIndicator(String(csv))));
    this.#changed();
    return report;
  }

  /** Removes the indicator; the map shows cohorts again. */
  clearIndicator() {
    if (!this.#handle) return;
    this.#call((h) => h.clearIndicator());
    this.#changed();
  }

  select(code) {
    if (!this.#handle) return false;
    const ok = this.#call((h) => h.select(code == null ? '' : String(code)));
    if (ok) this.#changed();
    return ok;
  }

  stats() {
    return this.#handle ? this.#call((h) => JSON.parse(h.stats())) : null;
  }

  toSVG() {
    if (!this.#handle) throw new Error('peta-cerdas: the map is not loaded yet');
    return this.#call((h) => h.toSVG());
  }

  toPNG() {
    return new Promise((resolve, reject) => {
      if (!this.#handle) return reject(new Error('peta-cerdas: the map is not loaded yet'));
      this.#call((h) => h.render());
      this.#dom.canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('peta-cerdas: PNG export failed'))), 'image/png');
    });
  }

  // ---- start-up ----

  #t() {
    return STRINGS[this.#ui?.lang ?? (this.getAttribute('lang') === 'en' ? 'en' : 'id')];
  }

  #dataBase() {
    const src = this.getAttribute('src');
    try {
      return src ? new URL(src.endsWith('/') ? src : `${src}/`, document.baseURI) : new URL('./data/', MODULE_URL);
    } catch {
      return new URL('./data/', MODULE_URL);
    }
  }

  async #start() {
    const generation = ++this.#generation;
    const base = this.#dataBase();
    const first = !this.#handle;
    if (first) this.#setState('loading');
    try {
      const [bindings, overview, members, pillars, cohorts] = await Promise.all([
        loadWasm(),
        fetchOnce(new URL('overview.bin', base).href, 'bytes'),
        fetchOnce(new URL('members.csv', base).href, 'text'),
        fetchOnce(new URL('pillars.csv', base).href, 'text'),
        fetchOnce(new URL('cohorts.csv', base).href, 'text'),
      ]);
      if (generation !== this.#generation || this.#dead) return;
      const handle = this.#handle ?? new bindings.MapHandle(this.#dom.canvas);
      this.#call(() => {
        handle.loadAtlas(overview);
        handle.loadProgramme(members, pillars, cohorts);
      }, handle);
      this.#handle = handle;
      if (first) {
        for (const name of ['lang', 'theme', 'year', 'mode', 'pillar', 'region']) {
          if (name === 'theme' || this.hasAttribute(name)) this.#applyAttribute(name, this.getAttribute(name));
        }
        if (this.hasAttribute('indicator')) await this.#fetchIndicator();
        if (this.hasAttribute('sync-hash')) this.#applyHash(location.hash, true);
      }
      this.#hideMessage();
      this.#resize();
      this.#changed();
      this.#loadDetail(base, generation);
    } catch (error) {
      if (generation !== this.#generation) return;
      if (error instanceof WasmUnavailable) {
        this.#showFallback(base, error.message);
      } else if (!this.#dead) {
        const message = `${this.#t().loadFailed}: ${error.message || error}`;
        this.#showMessage(message);
        if (first) this.#setState('error');
        this.#emitError(message);
        if (first) this.#rejectReady(new Error(message));
      }
    }
  }

  /** Loads the CSV named by the `indicator` attribute (relative to the page). */
  async #fetchIndicator() {
    const url = this.getAttribute('indicator');
    if (!url) return this.clearIndicator();
    try {
      const text = await fetchOnce(new URL(url, document.baseURI).href, 'text');
      const report = this.loadIndicator(text);
      if (report.problems.length) this.#emitError(`${report.label}: ${report.problems.join('; ')}`);
    } catch (error) {
      this.#emitError(`${this.#t().indicator}: ${error.message || error}`);
    }
  }

  async #loadDetail(base, generation) {
    try {
      const atlas = await fetchOnce(new URL('atlas.bin', base).href, 'bytes');
      if (generation !== this.#generation || this.#dead) return;
      this.#call((h) => h.loadAtlas(atlas));
      this.#changed();
    } catch (error) {
      // The overview keeps working; say what is missing without blanking the map.
      if (!this.#dead) this.#emitError(`${this.#t().loadFailed}: ${error.message || error}`);
    }
  }

  async #showFallback(base, reason) {
    const t = this.#t();
    const lang = this.#t() === STRINGS.en ? 'en' : 'id';
    this.#setState('fallback');
    this.#dom.title.textContent = t.title;
    this.#dom.stage.hidden = true;
    this.#dom.controls.hidden = true;
    this.#dom.fallback.hidden = false;
    this.#dom.fallbackReason.textContent = t.noWasm;
    this.#showMessage(t.noWasm);
    this.#dom.fallbackImg.alt = t.fallbackAlt;
    this.#dom.fallbackImg.src = new URL(`fallback-${lang}.svg`, base).href;
    this.#emitError(`${t.noWasm} (${reason})`);
    this.#rejectReady(new Error(reason));
    try {
      const rows = JSON.parse(await fetchOnce(new URL(`table-${lang}.json`, base).href, 'text'));
      const years = rows.flatMap((row) => row.years);
      this.#fillTable(rows, years.length ? Math.max(...years) : '');
      this.#dom.tableBox.open = true;
    } catch (error) {
      this.#emitError(`${t.loadFailed}: ${error.message || error}`);
    }
  }

  // ---- calls into wasm ----

  /** Calls the handle; a panic (RuntimeError) stops this map for good with a visible message. */
  #call(fn, handle = this.#handle) {
    if (this.#dead) return undefined;
    try {
      return fn(handle);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError || globalThis.__petaCerdasPanic) {
        this.#die(globalThis.__petaCerdasPanic || String(error));
        return undefined;
      }
      throw error;
    }
  }

  #die(detail) {
    this.#dead = true;
    this.#stopPlaying();
    this.#setState('error');
    const message = `${this.#t().crashed} (${detail})`;
    this.#showMessage(message);
    this.#emitError(message);
    this.#rejectReady(new Error(message));
  }

  #applyAttribute(name, value) {
    const h = this.#handle;
    try {
      switch (name) {
        case 'year':
          if (value !== null) this.#call(() => h.setYear(Number(value) || NaN));
          break;
        case 'mode':
          this.#call(() => h.setMode(value ?? 'cohort'));
          break;
        case 'pillar':
          this.#call(() => h.setPillar(value ?? 'count'));
          break;
        case 'lang':
          this.#call(() => h.setLang(value ?? 'id'));
          break;
        case 'theme':
          if (value !== null && !['light', 'dark', 'auto'].includes(value)) throw new Error(value);
          this.#applyTheme();
          break;
        case 'region':
          if (value && !this.#call(() => h.select(value))) throw new Error(value);
          if (!value) this.#call(() => h.select(''));
          break;
      }
    } catch {
      this.#emitError(this.#t().badValue(name, value));
    }
  }

  #applyTheme() {
    if (!this.#handle) return;
    const wanted = this.getAttribute('theme');
    const theme = wanted === 'light' || wanted === 'dark' ? wanted : this.#darkQuery?.matches ? 'dark' : 'light';
    this.#call((h) => h.setTheme(theme));
    this.#changed();
  }

  #applyHash(hash, initial) {
    if (!this.#handle || !hash || hash === '#') return;
    if (!initial && hash.replace(/^#/, '') === this.#call((h) => h.hash()).replace(/^#/, '')) return;
    const problems = JSON.parse(this.#call((h) => h.applyHash(hash)) ?? '[]');
    if (problems.length) {
      const message = `${this.#t().hashProblems}: ${problems.join(' ')}`;
      this.#emitError(message);
    }
    this.#applyTheme();
    this.#changed();
  }

  #writeHash() {
    if (!this.hasAttribute('sync-hash') || !this.#handle) return;
    clearTimeout(this.#hashTimer);
    this.#hashTimer = setTimeout(() => {
      const hash = this.#call((h) => h.hash());
      if (!hash) return;
      const target = hash.startsWith('#') ? hash : `#${hash}`;
      if (location.hash === target) return;
      try {
        history.replaceState(history.state, '', target);
      } catch {
        // Sandboxed documents may refuse; the map works without a deep link.
      }
    }, 200);
  }

  // ---- drawing and the controls ----

  /**
   * Something changed: draw on the next frame, and refresh the controls unless only the hover
   * moved (the tooltip follows the pointer by itself; `ui()` builds a whole scene).
   */
  #changed(controls = true) {
    this.#controlsStale ||= controls;
    if (this.#frame || !this.#handle || this.#dead) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#dead) return;
      this.#call((h) => h.render());
      if (this.#controlsStale) {
        this.#controlsStale = false;
        this.#refresh();
      }
    });
  }

  #resize() {
    if (!this.#handle) return;
    const { width, height } = this.#dom.stage.getBoundingClientRect();
    if (width < 1 || height < 1) return;
    this.#call((h) => h.setSize(width, height, window.devicePixelRatio || 1));
    this.#changed();
  }

  #refresh() {
    const text = this.#call((h) => h.ui());
    if (!text || text === 'null' || text === this.#uiText) return;
    const firstDraw = !this.#ui;
    const ui = JSON.parse(text);
    this.#ui = ui;
    this.#uiText = text;
    const t = this.#t();
    const d = this.#dom;

    if (this.#section('lang', ui.lang)) this.#localise(ui);
    d.title.textContent = ui.title;
    d.subtitle.textContent = ui.subtitle;
    if (d.summary.textContent !== ui.summary) d.summary.textContent = ui.summary;
    d.attribution.textContent = ui.attribution;
    d.root.classList.toggle('dark', ui.theme === 'dark');

    if (this.#section('years', ui.years.join())) {
      d.year.max = String(ui.years.length - 1);
    }
    const yearIndex = ui.years.indexOf(ui.year);
    d.year.value = String(yearIndex);
    d.year.setAttribute('aria-valuetext', String(ui.year));
    d.yearValue.textContent = String(ui.year);
    if (this.#section('modes', `${ui.lang}|${ui.indicator ?? ''}`)) {
      d.mode.replaceChildren(
        el('option', { value: 'cohort', text: t.cohort }),
        el('option', { value: 'pillar', text: t.pillar }),
        ...(ui.indicator != null ? [el('option', { value: 'indicator', text: `${t.indicator}: ${ui.indicator}` })] : []),
      );
    }
    d.mode.value = ui.mode;
    d.pillarField.hidden = ui.mode !== 'pillar';
    if (this.#section('pillars', JSON.stringify(ui.pillars))) {
      d.pillar.replaceChildren(
        el('option', { value: 'count', text: t.pillarCount }),
        ...ui.pillars.map((p) => el('option', { value: p.key, text: p.label })),
      );
    }
    d.pillar.value = ui.pillar;

    if (this.#section('legend', JSON.stringify(ui.legend))) this.#renderLegend(ui.legend);
    if (this.#section('identified', JSON.stringify(ui.identified))) {
      d.identified.replaceChildren(...ui.identified.map((row) => el('li', { text: row.text })));
    }
    if (this.#section('table', `${ui.year}|${ui.lang}`)) {
      this.#fillTable(JSON.parse(this.#call((h) => h.table())), ui.year);
    }
    if (this.#section('selected', `${ui.selected}|${ui.lang}|${ui.year}`)) this.#renderPanel(ui.selected);
    if (ui.hovered < 0 && !d.tooltip.hidden) d.tooltip.hidden = true;

    if (ui.selected !== this.#selected) {
      this.#selected = ui.selected;
      const info = ui.selected >= 0 ? JSON.parse(this.#call((h) => h.regionInfo(ui.selected))) : null;
      this.#emit('region-select', { code: info?.code ?? null, name: info?.name ?? null, province: info?.province ?? null });
    }
    if (ui.year !== this.#year) {
      const initial = this.#year === null;
      this.#year = ui.year;
      if (!initial) this.#emit('year-change', { year: ui.year });
    }
    this.#writeHash();
    if (firstDraw) {
      this.#setState('ready');
      this.#emit('ready', {});
      this.#resolveReady();
    }
  }

  /** True when a section's content key changed since it was last drawn. */
  #section(name, key) {
    if (this.#sections[name] === key) return false;
    this.#sections[name] = key;
    return true;
  }

  #localise(ui) {
    const t = STRINGS[ui.lang];
    const d = this.#dom;
    d.root.lang = ui.lang;
    d.canvas.setAttribute('aria-label', t.mapLabel);
    d.canvas.setAttribute('aria-roledescription', t.roleDescription);
    d.help.textContent = t.help;
    d.zoomIn.setAttribute('aria-label', t.zoomIn);
    d.zoomIn.title = t.zoomIn;
    d.zoomOut.setAttribute('aria-label', t.zoomOut);
    d.zoomOut.title = t.zoomOut;
    d.reset.setAttribute('aria-label', t.reset);
    d.reset.title = t.reset;
    d.yearLabel.textContent = t.year;
    d.play.textContent = this.#playTimer ? t.pause : t.play;
    d.modeLabel.textContent = t.mode;
    d.pillarLabel.textContent = t.pillar;
    d.searchLabel.textContent = t.search;
    d.search.placeholder = t.searchPlaceholder;
    d.legendHint.textContent = t.legendHint;
    d.identifiedTitle.textContent = t.identified;
    d.panelClose.textContent = t.close;
    d.tableSummary.textContent = t.table;
    d.tableHead.replaceChildren(el('tr', {}, ...t.columns.map((c) => el('th', { scope: 'col', text: c }))));
    d.langLabel.textContent = t.language;
    d.lang.value = ui.lang;
    this.#sections.table = null;
    this.#sections.pillars = null;
  }

  #renderLegend(legend) {
    const d = this.#dom;
    d.legendTitle.textContent = legend.title;
    d.legend.replaceChildren(
      ...legend.entries.map((entry) => {
        const swatch = el('span', { class: entry.hatched ? 'swatch hatched' : 'swatch', 'aria-hidden': 'true' });
        swatch.style.backgroundColor = entry.fill;
        const content = [swatch, el('span', { text: entry.label }), el('span', { class: 'count', text: `(${entry.count})` })];
        if (!entry.key) return el('li', {}, el('span', { class: 'static' }, ...content));
        const button = el('button', { type: 'button', 'data-key': entry.key, 'aria-pressed': String(!entry.hidden) }, ...content);
        return el('li', {}, button);
      }),
    );
  }

  #fillTable(rows, year) {
    const t = this.#t();
    this.#dom.tableCaption.textContent = t.tableCaption(year, rows.length);
    this.#dom.tableBody.replaceChildren(
      ...rows.map((row) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', text: row.name }),
          el('td', { text: row.province }),
          el('td', { text: row.years.join(', ') }),
          el('td', { text: row.pillars.join(', ') }),
          el('td', {}, ...this.#links(row.sources)),
        ),
      ),
    );
  }

  #links(urls) {
    const t = this.#t();
    const nodes = [];
    urls.forEach((url, i) => {
      const href = safeHref(url);
      if (!href) return;
      if (nodes.length) nodes.push(' ');
      nodes.push(el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: `${t.source} ${i + 1}` }));
    });
    return nodes;
  }

  #renderPanel(index) {
    const d = this.#dom;
    const info = index >= 0 ? JSON.parse(this.#call((h) => h.regionInfo(index)) ?? 'null') : null;
    if (!info) {
      d.panel.hidden = true;
      return;
    }
    const t = this.#t();
    d.panelTitle.textContent = info.name;
    d.panelProvince.textContent = `${t.province}: ${info.province}`;
    d.panelDescription.textContent = info.value ? `${info.description} · ${info.value.label}: ${info.value.text}` : info.description;
    d.panelMemberships.replaceChildren(
      ...(info.memberships.length
        ? info.memberships.map((m) => {
            const href = safeHref(m.sourceUrl);
            const note = [t.confidence[m.confidence] ?? m.confidence, m.confidenceNote].filter(Boolean).join(': ');
            return el(
              'li',
              {},
              el('strong', { text: String(m.year) }),
              ` · ${note} · `,
              href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: m.sourceTitle || href }) : m.sourceTitle,
            );
          })
        : [el('li', { text: t.notMember })]),
    );
    d.panelPillars.replaceChildren(
      ...(info.pillars.length ? info.pillars.map((p) => el('li', { text: p.label })) : [el('li', { text: t.noPillars })]),
    );
    d.panelCitations.replaceChildren(
      ...info.citations.map((c) => {
        const href = safeHref(c.sourceUrl);
        return el(
          'li',
          {},
          el('span', { text: c.pillars.join(', ') }),
          c.quote ? el('q', { text: c.quote }) : '',
          href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: t.source }) : '',
        );
      }),
    );
    d.panelEvidenceTitle.hidden = info.citations.length === 0;
    d.panel.hidden = false;
  }

  #showTooltip(index, x, y) {
    const d = this.#dom;
    if (index < 0) {
      d.tooltip.hidden = true;
      this.#tooltipKey = '';
      return;
    }
    // Rebuilt only when the region (or the language) changes; moving within one only repositions.
    const key = `${index}|${this.#ui?.lang}`;
    if (key !== this.#tooltipKey) {
      const info = JSON.parse(this.#call((h) => h.regionInfo(index)) ?? 'null');
      if (!info) return;
      const years = info.memberships.map((m) => m.year).join(', ');
      const pillars = info.pillars.map((p) => p.label).join(', ');
      d.tooltip.replaceChildren(
        el('strong', { text: info.name }),
        el('span', { text: info.province }),
        ...(info.value ? [el('br'), el('span', { text: `${info.value.label}: ${info.value.text}` })] : []),
        ...(years ? [el('br'), el('span', { text: years })] : []),
        ...(pillars ? [el('br'), el('span', { text: pillars })] : []),
      );
      this.#tooltipKey = key;
    }
    d.tooltip.hidden = false;
    const stage = d.stage.getBoundingClientRect();
    const box = d.tooltip.getBoundingClientRect();
    d.tooltip.style.left = `${Math.max(4, Math.min(x + 14, stage.width - box.width - 4))}px`;
    d.tooltip.style.top = `${Math.max(4, Math.min(y + 14, stage.height - box.height - 4))}px`;
  }

  #showHint(text) {
    const hint = this.#dom.hint;
    hint.textContent = text;
    hint.hidden = false;
    clearTimeout(this.#hintTimer);
    this.#hintTimer = setTimeout(() => (hint.hidden = true), HINT_MS);
  }

  #showMessage(text) {
    this.#dom.message.textContent = text;
    this.#dom.message.hidden = false;
  }

  #hideMessage() {
    this.#dom.message.hidden = true;
  }

  #setState(state) {
    this.#dom.root.dataset.state = state;
    this.#dom.loading.hidden = state !== 'loading';
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #emitError(message) {
    this.#emit('error', { message });
  }

  // ---- play ----

  #togglePlay() {
    if (this.#playTimer) return this.#stopPlaying();
    const ui = this.#ui;
    if (!ui) return;
    const last = ui.years[ui.years.length - 1];
    if (prefersReducedMotion()) {
      this.#setYear(last);
      return;
    }
    if (ui.year === last) this.#setYear(ui.years[0]);
    this.#dom.play.setAttribute('aria-pressed', 'true');
    this.#dom.play.textContent = this.#t().pause;
    this.#playTimer = setInterval(() => {
      const years = this.#ui.years;
      const next = years[years.indexOf(this.#ui.year) + 1];
      if (next === undefined) return this.#stopPlaying();
      this.#setYear(next);
    }, PLAY_STEP_MS);
  }

  #stopPlaying() {
    if (!this.#playTimer) return;
    clearInterval(this.#playTimer);
    this.#playTimer = 0;
    this.#dom.play.setAttribute('aria-pressed', 'false');
    this.#dom.play.textContent = this.#t().play;
  }

  #setYear(year) {
    this.#call((h) => h.setYear(year));
    // The ui refresh happens on the next frame; keep the play loop's view of the year current.
    if (this.#ui) this.#ui = { ...this.#ui, year };
    this.#changed();
  }

  // ---- DOM ----

  #build() {
    const shadow = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in shadow) shadow.adoptedStyleSheets = [styleSheet()];
    else shadow.append(el('style', { text: CSS }));

    const id = (tag, name, props = {}, ...children) => el(tag, { id: name, ...props }, ...children);
    const d = {};
    d.title = id('h2', 'title', { text: STRINGS[this.getAttribute('lang') === 'en' ? 'en' : 'id'].title });
    d.subtitle = id('p', 'subtitle', { class: 'subtitle' });
    d.header = el('header', {}, d.title, d.subtitle);
    d.summary = id('p', 'summary', { class: 'sr-only', 'aria-live': 'polite' });
    d.announce = id('div', 'announce', { class: 'sr-only', 'aria-live': 'assertive' });
    d.help = id('p', 'help', { class: 'sr-only' });

    d.yearLabel = el('label', { for: 'year' });
    d.year = id('input', 'year', { type: 'range', min: '0', max: '0', step: '1', value: '0' });
    d.yearValue = id('output', 'year-value', { for: 'year' });
    d.play = id('button', 'play', { type: 'button', 'aria-pressed': 'false' });
    d.modeLabel = el('label', { for: 'mode' });
    d.mode = id('select', 'mode');
    d.pillarLabel = el('label', { for: 'pillar' });
    d.pillar = id('select', 'pillar');
    d.pillarField = el('span', { class: 'field', hidden: true }, d.pillarLabel, d.pillar);
    d.searchLabel = el('label', { for: 'search' });
    d.searchResults = id('ul', 'search-results', { role: 'listbox', class: 'results', hidden: true });
    d.search = id('input', 'search', {
      type: 'search', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-results',
    });
    d.langLabel = el('label', { for: 'lang' });
    d.lang = id('select', 'lang', {}, el('option', { value: 'id', text: 'Bahasa Indonesia' }), el('option', { value: 'en', text: 'English' }));
    d.controls = el(
      'div',
      { class: 'toolbar' },
      el('span', { class: 'field' }, d.yearLabel, d.year, d.yearValue, d.play),
      el('span', { class: 'field' }, d.modeLabel, d.mode),
      d.pillarField,
      el('span', { class: 'field search' }, d.searchLabel, d.search, d.searchResults),
      el('span', { class: 'field' }, d.langLabel, d.lang),
    );

    d.canvas = id('canvas', 'map', { tabindex: '0', role: 'application', 'aria-describedby': 'summary help' });
    d.zoomIn = id('button', 'zoom-in', { type: 'button', text: '+' });
    d.zoomOut = id('button', 'zoom-out', { type: 'button', text: '−' });
    d.reset = id('button', 'reset', { type: 'button', text: '⟲' });
    d.tooltip = id('div', 'tooltip', { role: 'tooltip', class: 'tooltip', hidden: true });
    d.hint = id('div', 'hint', { class: 'hint', hidden: true });
    d.message = id('div', 'message', { role: 'alert', class: 'message', hidden: true });
    d.loading = el('div', { class: 'loading', text: STRINGS[this.getAttribute('lang') === 'en' ? 'en' : 'id'].loading });
    d.panelTitle = id('h3', 'panel-title');
    d.panelClose = id('button', 'panel-close', { type: 'button', class: 'close' });
    d.panelProvince = id('p', 'panel-province');
    d.panelDescription = id('p', 'panel-description', { class: 'muted' });
    d.panelMemberships = id('ul', 'panel-memberships');
    d.panelPillars = id('ul', 'panel-pillars');
    d.panelCitations = id('ul', 'panel-citations');
    d.panelEvidenceTitle = el('p', { class: 'muted' });
    d.panel = id(
      'section', 'panel', { class: 'panel', hidden: true, 'aria-labelledby': 'panel-title' },
      d.panelTitle, d.panelClose, d.panelProvince, d.panelDescription, d.panelMemberships, d.panelPillars,
      d.panelEvidenceTitle, d.panelCitations,
    );
    d.stage = el(
      'div', { class: 'stage' },
      d.canvas, el('div', { class: 'zoom' }, d.zoomIn, d.zoomOut, d.reset), d.tooltip, d.panel, d.hint, d.loading,
    );

    d.legendTitle = el('p', { class: 'legend-title', id: 'legend-title' });
    d.legend = id('ul', 'legend', { class: 'legend', 'aria-labelledby': 'legend-title' });
    d.legendHint = el('p', { class: 'sr-only' });
    d.identifiedTitle = el('p', { class: 'sr-only', id: 'identified-title' });
    d.identified = id('ul', 'identified', { class: 'identified', 'aria-labelledby': 'identified-title' });
    d.attribution = id('p', 'attribution', { class: 'attribution' });

    d.tableCaption = el('caption');
    d.tableHead = el('thead');
    d.tableBody = el('tbody');
    d.table = id('table', 'table', {}, d.tableCaption, d.tableHead, d.tableBody);
    d.tableSummary = el('summary');
    d.tableBox = id('details', 'table-box', {}, d.tableSummary, el('div', { class: 'table-wrap' }, d.table));

    d.fallbackReason = el('p');
    d.fallbackImg = id('img', 'fallback-img', { alt: '' });
    d.fallback = id('div', 'fallback', { class: 'fallback', hidden: true }, d.fallbackReason, d.fallbackImg);

    d.root = id(
      'div', 'root', { class: 'root', 'data-state': 'loading' },
      d.header, d.controls, d.message, d.stage, d.fallback,
      el('div', {}, d.legendTitle, d.legend, d.legendHint), d.identifiedTitle, d.identified, d.summary, d.announce,
      d.help, d.tableBox, d.attribution,
    );
    shadow.append(d.root);
    this.#dom = d;
    const t = this.#t();
    d.panelEvidenceTitle.textContent = t.evidence;
    d.tableSummary.textContent = t.table;
    this.#wire();
  }

  #wire() {
    const d = this.#dom;
    const point = (event) => {
      const r = d.canvas.getBoundingClientRect();
      return [event.clientX - r.left, event.clientY - r.top];
    };
    const center = () => {
      const r = d.canvas.getBoundingClientRect();
      return [r.width / 2, r.height / 2];
    };

    d.canvas.addEventListener('pointerdown', (event) => {
      if (!this.#handle) return;
      this.#pointers.set(event.pointerId, point(event));
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      if (this.#pointers.size === 2) {
        const [a, b] = [...this.#pointers.values()];
        this.#pinch = { distance: Math.hypot(a[0] - b[0], a[1] - b[1]), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
        this.#drag = null;
      } else if (this.#pointers.size === 1) {
        this.#drag = { start: point(event), last: point(event), moved: false, touch: event.pointerType === 'touch' };
      }
    });
    d.canvas.addEventListener('pointermove', (event) => {
      if (!this.#handle) return;
      const p = point(event);
      if (this.#pointers.has(event.pointerId)) this.#pointers.set(event.pointerId, p);
      if (this.#pinch && this.#pointers.size === 2) {
        event.preventDefault();
        const [a, b] = [...this.#pointers.values()];
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1]);
        const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        this.#call((h) => {
          h.pan(mid[0] - this.#pinch.mid[0], mid[1] - this.#pinch.mid[1]);
          if (this.#pinch.distance > 0) h.zoomAt(distance / this.#pinch.distance, mid[0], mid[1]);
        });
        this.#pinch = { distance, mid };
        this.#changed();
        return;
      }
      const drag = this.#drag;
      if (drag && !drag.touch && this.#pointers.has(event.pointerId)) {
        if (!drag.moved && Math.hypot(p[0] - drag.start[0], p[1] - drag.start[1]) > 4) {
          drag.moved = true;
          d.canvas.setPointerCapture?.(event.pointerId);
          d.canvas.classList.add('dragging');
        }
        if (drag.moved) {
          this.#call((h) => h.pan(p[0] - drag.last[0], p[1] - drag.last[1]));
          drag.last = p;
          d.tooltip.hidden = true;
          this.#changed();
          return;
        }
      }
      if (drag?.touch) {
        if (Math.hypot(p[0] - drag.start[0], p[1] - drag.start[1]) > 10) {
          drag.moved = true;
          this.#showHint(this.#t().hintTouch);
        }
        return;
      }
      const index = this.#call((h) => h.pointerMove(p[0], p[1]));
      this.#showTooltip(index, p[0], p[1]);
      this.#changed(false);
    });
    const release = (event) => {
      const drag = this.#drag;
      this.#pointers.delete(event.pointerId);
      if (this.#pointers.size < 2) this.#pinch = null;
      if (event.type === 'pointerup' && drag && !drag.moved && this.#pointers.size === 0) {
        const [x, y] = point(event);
        this.#call((h) => h.clickAt(x, y));
        this.#changed();
      }
      if (this.#pointers.size === 0) {
        this.#drag = null;
        d.canvas.classList.remove('dragging');
      }
    };
    d.canvas.addEventListener('pointerup', release);
    d.canvas.addEventListener('pointercancel', release);
    d.canvas.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'mouse' || this.#drag?.moved) return;
      this.#call((h) => h.pointerLeave());
      d.tooltip.hidden = true;
      this.#changed();
    });
    d.canvas.addEventListener(
      'wheel',
      (event) => {
        if (!this.#handle) return;
        if (!(event.ctrlKey || event.metaKey)) {
          // Cooperative gestures: the page scrolls; say how to zoom instead.
          this.#showHint(this.#t().hintWheel);
          return;
        }
        event.preventDefault();
        const [x, y] = point(event);
        const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
        this.#call((h) => h.zoomAt(Math.exp(-delta * 0.003), x, y));
        this.#changed();
      },
      { passive: false },
    );
    d.canvas.addEventListener('dblclick', (event) => {
      const [x, y] = point(event);
      this.#call((h) => h.zoomAt(event.shiftKey ? 0.5 : 2, x, y));
      this.#changed();
    });
    d.canvas.addEventListener('keydown', (event) => this.#onKey(event, center));
    d.canvas.addEventListener('blur', () => {
      if (this.#handle && this.#handle.focused() >= 0) this.#changed();
    });

    d.zoomIn.addEventListener('click', () => {
      this.#call((h) => h.zoomAt(KEY_ZOOM, ...center()));
      this.#changed();
    });
    d.zoomOut.addEventListener('click', () => {
      this.#call((h) => h.zoomAt(1 / KEY_ZOOM, ...center()));
      this.#changed();
    });
    d.reset.addEventListener('click', () => {
      this.#call((h) => h.resetView());
      this.#changed();
    });

    d.year.addEventListener('input', () => {
      const year = this.#ui?.years[Number(d.year.value)];
      if (year !== undefined) {
        this.#stopPlaying();
        this.#setYear(year);
      }
    });
    d.play.addEventListener('click', () => this.#togglePlay());
    d.mode.addEventListener('change', () => {
      this.#call((h) => h.setMode(d.mode.value));
      this.#changed();
    });
    d.pillar.addEventListener('change', () => {
      this.#call((h) => h.setPillar(d.pillar.value));
      this.#changed();
    });
    d.lang.addEventListener('change', () => {
      this.#call((h) => h.setLang(d.lang.value));
      this.#changed();
    });
    d.legend.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-key]');
      if (!button || !this.#handle) return;
      this.#call((h) => h.toggleClass(button.dataset.key));
      this.#changed();
    });
    d.panelClose.addEventListener('click', () => {
      this.#call((h) => h.select(''));
      this.#changed();
      d.canvas.focus();
    });

    d.search.addEventListener('input', () => this.#search());
    d.search.addEventListener('keydown', (event) => this.#onSearchKey(event));
    d.searchResults.addEventListener('click', (event) => {
      const option = event.target.closest('li[data-index]');
      if (option) this.#choose(Number(option.dataset.index));
    });
    d.search.addEventListener('blur', () => setTimeout(() => this.#closeResults(), 150));
  }

  #onKey(event, center) {
    if (!this.#handle) return;
    const h = this.#handle;
    const directions = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const pans = { ArrowLeft: [KEY_PAN_PX, 0], ArrowRight: [-KEY_PAN_PX, 0], ArrowUp: [0, KEY_PAN_PX], ArrowDown: [0, -KEY_PAN_PX] };
    const steps = { PageDown: 'next', PageUp: 'previous' };
    let handled = true;
    if ((directions[event.key] && event.shiftKey) || steps[event.key]) {
      const focused = h.focused();
      const step = steps[event.key] ?? (focused < 0 ? 'first' : directions[event.key]);
      const index = this.#call(() => h.moveFocus(step));
      if (index >= 0) {
        const info = JSON.parse(this.#call(() => h.regionInfo(index)) ?? 'null');
        if (info) this.#dom.announce.textContent = info.description;
      }
    } else if (directions[event.key]) {
      this.#call(() => h.pan(...pans[event.key]));
    } else if (event.key === 'Enter' || event.key === ' ') {
      let focused = h.focused();
      if (focused < 0) focused = this.#call(() => h.moveFocus('first'));
      if (focused >= 0) {
        this.#call(() => h.selectIndex(focused));
        const info = JSON.parse(this.#call(() => h.regionInfo(focused)) ?? 'null');
        if (info) this.#dom.announce.textContent = info.description;
      }
    } else if (event.key === 'Escape') {
      this.#call(() => h.select(''));
    } else if (event.key === '+' || event.key === '=') {
      this.#call(() => h.zoomAt(KEY_ZOOM, ...center()));
    } else if (event.key === '-' || event.key === '_') {
      this.#call(() => h.zoomAt(1 / KEY_ZOOM, ...center()));
    } else if (event.key === '0') {
      this.#call(() => h.resetView());
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      this.#changed();
    }
  }

  #search() {
    const d = this.#dom;
    const query = d.search.value.trim();
    if (!query || !this.#handle) return this.#closeResults();
    const hits = JSON.parse(this.#call((h) => h.search(query, 8)) ?? '[]');
    d.searchResults.replaceChildren(
      ...(hits.length
        ? hits.map((hit, i) =>
            el('li', { role: 'option', id: `opt-${hit.index}`, 'data-index': hit.index, 'aria-selected': String(i === 0) },
              `${hit.name}, ${hit.province}`))
        : [el('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', text: this.#t().noHits })]),
    );
    d.searchResults.hidden = false;
    d.search.setAttribute('aria-expanded', 'true');
    if (hits.length) d.search.setAttribute('aria-activedescendant', `opt-${hits[0].index}`);
    else d.search.removeAttribute('aria-activedescendant');
  }

  #onSearchKey(event) {
    const d = this.#dom;
    const options = [...d.searchResults.querySelectorAll('li[data-index]')];
    const current = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length) {
      event.preventDefault();
      const next = (current + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
      d.search.setAttribute('aria-activedescendant', options[next].id);
      options[next].scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (d.searchResults.hidden) this.#search();
      const chosen = options[Math.max(current, 0)] ?? d.searchResults.querySelector('li[data-index]');
      if (chosen) this.#choose(Number(chosen.dataset.index));
    } else if (event.key === 'Escape') {
      this.#closeResults();
    }
  }

  #choose(index) {
    const d = this.#dom;
    this.#call((h) => {
      h.flyTo(index);
      h.selectIndex(index);
    });
    const info = JSON.parse(this.#call((h) => h.regionInfo(index)) ?? 'null');
    if (info) {
      d.search.value = info.name;
      d.announce.textContent = info.description;
    }
    this.#closeResults();
    this.#changed();
  }

  #closeResults() {
    const d = this.#dom;
    d.searchResults.hidden = true;
    d.search.setAttribute('aria-expanded', 'false');
    d.search.removeAttribute('aria-activedescendant');
  }
}

if (!customElements.get('peta-cerdas')) customElements.define('peta-cerdas', PetaCerdasElement);

// The one place that knows `MapHandle` (docs/web-api.md): loads the wasm once per page and wraps
// a handle so the rest of the element gets plain values: JSON answers parsed, "no region" as
// `null`, and a panic inside wasm turned into one call of `onPanic` after which the map stays
// silent. The wasm is resolved from this module, which lives in `element/` beside
// `peta-cerdas.js`: `../pkg/`. The data files come through data.js.

import { dataUrl, fetchOnce, packagedSources, sourcesUrl } from './data.js';

/** Thrown by loadWasm when WebAssembly is missing or a CSP forbids compiling it: show the fallback. */
export class WasmUnavailable extends Error {}

let wasmPromise = null;
let wasmMemory = null;

/**
 * Imports a wasm-bindgen module from `../pkg/` and instantiates its wasm, fetched while the glue
 * comes (not after it: a round trip less on a slow link); a browser without WebAssembly, or a CSP
 * that forbids compiling it, rejects with WasmUnavailable.
 */
async function instantiate(importGlue, wasmUrl) {
  if (typeof WebAssembly !== 'object') throw new WasmUnavailable('WebAssembly is not supported');
  const response = fetch(wasmUrl);
  // Its failure is the glue's to report; until the glue awaits it, it is not an unhandled one.
  response.catch(() => {});
  const bindings = await importGlue();
  try {
    const exports = await bindings.default({ module_or_path: response });
    return { bindings, exports };
  } catch (error) {
    // A CSP without 'wasm-unsafe-eval' refuses compilation with a CompileError/EvalError.
    if (
      error instanceof WebAssembly.CompileError ||
      error instanceof EvalError ||
      /Content Security Policy|unsafe-eval/i.test(String(error))
    ) {
      throw new WasmUnavailable(String(error.message || error));
    }
    throw error;
  }
}

/** The wasm-bindgen module with `MapHandle`, instantiated once for every map on the page. */
export function loadWasm() {
  if (!wasmPromise) {
    wasmPromise = instantiate(
      () => import('../pkg/peta_cerdas.js'),
      new URL('../pkg/peta_cerdas_bg.wasm', import.meta.url),
    ).then(({ bindings, exports }) => {
      wasmMemory = exports.memory;
      return bindings;
    });
  }
  return wasmPromise;
}

/**
 * A wasm-bindgen module of `../pkg/`, instantiated once for the page the first time it is asked
 * for; a failed load is tried again next time.
 */
function lazyModule(importGlue, wasmUrl) {
  let promise = null;
  return () => {
    promise ??= instantiate(importGlue, wasmUrl).then(
      ({ bindings }) => bindings,
      (error) => {
        promise = null;
        throw error;
      },
    );
    return promise;
  };
}

/**
 * The CSV reader's module (`packProgramme`, `readIndicator`), for a site's own CSV files and a
 * developer's indicator, and the reports' (`Reports`), for the data table, its CSV, the statistics
 * and the participation box: the map's wasm carries neither a CSV parser nor the reports.
 */
const loadCsvReader = lazyModule(
  () => import('../pkg/peta_cerdas_csv.js'),
  new URL('../pkg/peta_cerdas_csv_bg.wasm', import.meta.url),
);
const loadReports = lazyModule(
  () => import('../pkg/peta_cerdas_reports.js'),
  new URL('../pkg/peta_cerdas_reports_bg.wasm', import.meta.url),
);

/** Ends the current task and resumes in a new one, so the browser can handle input in between. */
function yieldToMain() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Bytes of WebAssembly memory shared by every map on the page (0 before the wasm loads). */
export function wasmMemoryBytes() {
  return wasmMemory ? wasmMemory.buffer.byteLength : 0;
}

/**
 * Fetches the programme from `source` (data.js `programmeSource`) as its packed files
 * `{programme, sources}`: the three CSV files of a site's own folder, packed with all their
 * sources by the CSV reader's wasm, or the compiled `programme.bin`, whose sources files come later.
 */
async function fetchProgramme(source) {
  if ('csv' in source) {
    const names = ['members.csv', 'pillars.csv', 'cohorts.csv'];
    const [reader, members, pillars, cohorts] = await Promise.all([
      loadCsvReader(),
      ...names.map((n) => fetchOnce(dataUrl(source.csv, n), 'text')),
    ]);
    // Throws with file and line on a bad file, before anything reaches the map.
    const packed = reader.packProgramme(members, pillars, cohorts);
    const { programme, sources } = packed;
    packed.free();
    return { programme, sources: [sources] };
  }
  return { programme: await fetchOnce(dataUrl(source.packed, 'programme.bin'), 'bytes'), sources: [] };
}

/** Loads packed programme files (`fetchProgramme`) into a MapHandle. */
function loadProgrammeFiles(handle, files) {
  handle.loadPackedProgramme(files.programme);
  for (const bytes of files.sources) handle.loadProgrammeSources(bytes);
}

/** A region index as the element uses it: `undefined` (wasm-bindgen's None) becomes `null`. */
export function indexOrNull(value) {
  return value === undefined || value === null ? null : value;
}

/**
 * A MapHandle behind guards. Before a handle is attached and after a panic every method does
 * nothing and answers its "nothing" value (`null`, `false`, `[]`); errors the handle throws for a
 * person (a bad year, an unusable CSV) pass through unchanged.
 */
export class MapCore {
  #handle = null;
  #dead = false;
  /**
   * Where the loaded programme came from (data.js `programmeSource`), and its sources files' loads
   * once asked for, by file name (`sources/35.20.bin`).
   */
  #programme = null;
  #sources = new Map();
  /**
   * The bytes the handle holds, for the reports: the overview, and the programme's packed
   * files (`{programme, sources}`, each sources file added as it comes).
   */
  #overview = null;
  #files = null;
  /** The Reports being made or made for those bytes: `{overview, files, made}`. */
  #reports = null;
  #onPanic;
  #uiText = '';
  /** Counts loadIndicator and clearIndicator calls, so that only the last one shows. */
  #indicatorTurn = 0;
  #viewMoves = 0;

  /** `onPanic(detail)` is called once, when a call into wasm panics; the map is dead after it. */
  constructor(onPanic) {
    this.#onPanic = onPanic;
  }

  /** A handle is attached (it may since have panicked). */
  get attached() {
    return this.#handle !== null;
  }

  /** A panic stopped this map for good. */
  get dead() {
    return this.#dead;
  }

  /**
   * Counts the calls that may have moved the view (pan, zoom, reset, fly, fit, a hash, a new
   * size): a change tells the shell that the map moved under a pointer that stayed still.
   */
  get viewMoves() {
    return this.#viewMoves;
  }

  /**
   * Fetches the wasm and the first data (the overview and the preview, whose paths are its
   * coarsest borders, from the folder `base`, or the packaged files when it is null; the
   * programme from `programme`, data.js `programmeSource`) in parallel and loads them into this
   * map's handle (made on `canvas` the first time, reused when the data folder changes), unless
   * `current()` turned false meanwhile (another start began) or the map died; true when loaded.
   */
  async open(canvas, base, current, programme = { packed: base }) {
    const [bindings, overview, preview, files] = await Promise.all([
      loadWasm(),
      fetchOnce(dataUrl(base, 'overview.bin'), 'bytes'),
      fetchOnce(dataUrl(base, 'preview.json'), 'json'),
      fetchProgramme(programme),
    ]);
    if (!current() || this.#dead) return false;
    const handle = this.#handle ?? new bindings.MapHandle(canvas);
    // A preview.json without them gets the core's own clear refusal.
    const paths = Array.isArray(preview?.paths) ? preview.paths.join('\n') : '';
    const bounds = Array.isArray(preview?.bounds) ? preview.bounds : [];
    this.#guard(handle, (h) => h.loadOverview(overview, paths, bounds));
    // The overview's decode and the programme's are a task each, so that a tap or a key between
    // them is answered (on a slow phone each can take a few hundred milliseconds).
    await yieldToMain();
    if (!current() || this.#dead) return false;
    this.#guard(handle, (h) => loadProgrammeFiles(h, files));
    this.#handle = handle;
    this.#overview = overview;
    this.#programmeLoaded(programme, files);
    return true;
  }

  /**
   * Fetches the programme from `source` (data.js `programmeSource`) and loads it, unless
   * `current()` turned false meanwhile; true when loaded. Throws on an HTTP error or a file the
   * core refuses (with file and line); the previous programme then stays.
   */
  async loadProgramme(source, current) {
    const files = await fetchProgramme(source);
    if (!current() || this.#dead) return false;
    this.#call((h) => loadProgrammeFiles(h, files));
    this.#programmeLoaded(source, files);
    return true;
  }

  #programmeLoaded(source, files) {
    // The packaged sources files' URLs come while the reader looks, not after a click (a round
    // trip on a slow phone); a failed import is tried again by the panel that needs it.
    if ('packed' in source && !source.packed) packagedSources().catch(() => {});
    this.#programme = source;
    this.#sources = new Map();
    this.#files = files;
  }

  /**
   * The packed programme's source links, notes and quotes the view shows and lacks: one load per
   * sources file the core wants (`sourcesWanted`: the selected region's, or all of them in one
   * file while the table is open or with `all`, for a CSV export), each fetched from the folder
   * of `programme.bin` once per programme. Each resolves true once its file was added,
   * false when another programme replaced this one meanwhile; it rejects when the file cannot be
   * had (asked for again, it is fetched again unless the server said it is not there) or is
   * refused. A programme from CSV files comes with all its sources and wants none.
   */
  sourceLoads(all = false) {
    const source = this.#programme;
    if (!source || !('packed' in source)) return [];
    return this.#call((h) => h.sourcesWanted(all), []).map((name) => {
      if (!this.#sources.has(name)) this.#sources.set(name, this.#loadSourcesFile(source, name));
      return this.#sources.get(name);
    });
  }

  #loadSourcesFile(source, name) {
    return sourcesUrl(source.packed, name)
      .then((url) => fetchOnce(url, 'bytes'))
      .then(
        (bytes) => {
          if (this.#programme !== source || this.#dead) return false;
          this.#call((h) => h.loadProgrammeSources(bytes));
          this.#files.sources.push(bytes);
          return true;
        },
        (error) => {
          if (this.#programme === source) this.#sources.delete(name);
          throw error;
        },
      );
  }

  /** The page's data table opened or closed: while it is open, the view wants every region's sources. */
  setTableOpen(open) {
    this.#call((h) => h.setTableOpen(open));
  }

  /** Attaches a handle that is already loaded, with the overview bytes it holds (tests hand a fake one). */
  attach(handle, overview = null) {
    this.#handle = handle;
    this.#overview = overview;
  }

  /**
   * Fetches the level file `name` (a `detailWanted()` answer) from the folder `base` as open does
   * its files and loads it, unless `current()` turned false meanwhile; true when loaded. Throws on
   * an HTTP error or a file the core refuses; the map keeps what it had.
   */
  async loadDetail(base, name, current) {
    const bytes = await fetchOnce(dataUrl(base, name), 'bytes');
    if (!current() || this.#dead) return false;
    this.#call((h) => h.loadDetail(bytes));
    return true;
  }

  /** Calls `fn(handle)`; a panic (which traps: a RuntimeError) stops the map. */
  #guard(handle, fn, none = undefined) {
    if (this.#dead || !handle) return none;
    try {
      return fn(handle);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.#dead = true;
        this.#onPanic(String(error));
        return none;
      }
      throw error;
    }
  }

  #call(fn, none) {
    return this.#guard(this.#handle, fn, none);
  }

  #json(fn, none) {
    const text = this.#call(fn);
    return text === undefined ? none : JSON.parse(text);
  }

  // ---- data ----
  /**
   * Reads the indicator CSV and matches it to the map's regions with the CSV reader's wasm, and shows
   * it: `{label, rows, matched, problems}`. Rejects when no row is usable (the previous view
   * stays), and with an `AbortError` when a later loadIndicator or clearIndicator came first.
   */
  async loadIndicator(csv) {
    const turn = ++this.#indicatorTurn;
    const reader = await loadCsvReader();
    if (turn !== this.#indicatorTurn) throw new DOMException('a later indicator call came first', 'AbortError');
    if (!this.#handle || this.#dead || !this.#overview) throw new Error('peta-cerdas: the map has stopped');
    const read = reader.readIndicator(String(csv), this.#overview);
    const { layer, report } = read;
    read.free();
    this.#call((h) => h.loadIndicator(layer));
    if (this.#dead) throw new Error('peta-cerdas: the map has stopped');
    return JSON.parse(report);
  }
  clearIndicator() {
    this.#indicatorTurn++;
    this.#call((h) => h.clearIndicator());
  }
  /** The level files (`detail/1/35.bin`) the view draws and lacks; `[]` at the home view. */
  detailWanted() {
    return this.#call((h) => h.detailWanted(), []);
  }

  // ---- view state (the setters throw on values the core does not know) ----
  setSize(width, height, ratio) {
    this.#viewMoves++;
    this.#call((h) => h.setSize(width, height, ratio));
  }
  setYear(year) {
    this.#call((h) => h.setYear(year));
  }
  /** The programme's latest cohort year, the year a fresh map shows (undefined without a map). */
  latestYear() {
    return this.#uiNow()?.years.at(-1);
  }
  /** The language the map speaks now, before the controls show it (null without a map). */
  lang() {
    return this.#uiNow()?.lang ?? null;
  }
  /** The `ui()` answer now, for the rare question the last refresh cannot answer yet; null without a map. */
  #uiNow() {
    return this.#json((h) => h.ui(), null);
  }
  setMode(mode) {
    this.#call((h) => h.setMode(mode));
  }
  setPillar(pillar) {
    this.#call((h) => h.setPillar(pillar));
  }
  setLang(lang) {
    this.#call((h) => h.setLang(lang));
  }
  setTheme(theme) {
    this.#call((h) => h.setTheme(theme));
  }
  /** The date ("2025-06-30") the data is current as of, for the attribution; "" removes it. */
  setAsOf(date) {
    this.#call((h) => h.setAsOf(date));
  }
  /** Shows or hides a legend class; true when it is now hidden. */
  toggleClass(key) {
    return this.#call((h) => h.toggleClass(key), false);
  }
  /** Applies what is valid in a URL hash; answers the problems with the rest, as sentences. */
  applyHash(hash) {
    this.#viewMoves++;
    return this.#json((h) => h.applyHash(hash), []);
  }
  hash() {
    return this.#call((h) => h.hash(), '');
  }
  /** The theme a link's hash asked for (`light`, `dark`, `auto`), or null. */
  linkTheme() {
    return this.#call((h) => h.linkTheme(), null) ?? null;
  }

  // ---- drawing and the viewport ----
  /** Draws when anything changed since the last draw; true when it drew. */
  render() {
    return this.#call((h) => h.render(), false);
  }
  /** The frame loop's draw at time `now` (ms); true while a pan or zoom shows a stand-in to redraw later. */
  renderFrame(now) {
    return this.#call((h) => h.renderFrame(now), false);
  }
  pan(dx, dy) {
    this.#viewMoves++;
    this.#call((h) => h.pan(dx, dy));
  }
  zoomAt(factor, x, y) {
    this.#viewMoves++;
    this.#call((h) => h.zoomAt(factor, x, y));
  }
  resetView() {
    this.#viewMoves++;
    this.#call((h) => h.resetView());
  }
  flyTo(index) {
    if (index === null) return;
    this.#viewMoves++;
    this.#call((h) => h.flyTo(index));
  }
  /** Where lon/lat lies on the canvas in CSS pixels, `{x, y}`, or null. */
  toScreen(lon, lat) {
    const point = this.#call((h) => h.toScreen(lon, lat), null);
    return point ? { x: point[0], y: point[1] } : null;
  }

  // ---- regions: indices are numbers, "none" is null ----
  /** The region under the pointer (hovered from now on), or null. */
  pointerMove(x, y) {
    return indexOrNull(this.#call((h) => h.pointerMove(x, y)));
  }
  pointerLeave() {
    this.#call((h) => h.pointerLeave());
  }
  /** Selects the region at x/y (clears at sea); its index or null. */
  clickAt(x, y) {
    return indexOrNull(this.#call((h) => h.clickAt(x, y)));
  }
  /** Selects by Kemendagri code, `null` clears; false for an unknown code. */
  select(code) {
    return this.#call((h) => h.select(code == null ? '' : String(code)), false);
  }
  /** Selects by index; `null` clears. */
  selectIndex(index) {
    this.#call((h) => h.selectIndex(index ?? undefined));
  }
  selected() {
    return indexOrNull(this.#call((h) => h.selected()));
  }
  hovered() {
    return indexOrNull(this.#call((h) => h.hovered()));
  }
  focused() {
    return indexOrNull(this.#call((h) => h.focused()));
  }
  /** Moves the keyboard focus ring (a DIRECTIONS keyword); the focused index or null. */
  moveFocus(direction) {
    return indexOrNull(this.#call((h) => h.moveFocus(direction)));
  }
  /** `{index, code, name, province, description, value, memberships, pillars, citations}` or null. */
  regionInfo(index) {
    return index === null ? null : this.#json((h) => h.regionInfo(index), null);
  }
  /** `{code, name, province}` of the region at lon/lat, or null. */
  regionAt(lon, lat) {
    return this.#json((h) => h.regionAt(lon, lat), null);
  }
  /** Up to `limit` hits `{index, code, name, province}`, best first. */
  search(query, limit) {
    return this.#json((h) => h.search(query, limit), []);
  }

  // ---- what the controls show ----
  /** The parsed `ui()` answer, or null when it has not changed since the last call (or no map). */
  changedUi() {
    const text = this.#call((h) => h.ui());
    if (!text || text === 'null' || text === this.#uiText) return null;
    this.#uiText = text;
    return JSON.parse(text);
  }

  // ---- reports: answered by the reports' wasm, loaded the first time one is asked for ----
  /** The data table's rows for the current year. */
  table() {
    return this.#report((r) => JSON.parse(r.table()), []);
  }
  /** `{regions, year, membersAsOfYear, cohorts, pillars}` for the current year, or null. */
  stats() {
    return this.#report((r) => JSON.parse(r.stats()), null);
  }
  /**
   * The data table of the current year as CSV text (UTF-8 BOM, the map's language), or null; its
   * sources column waits for every province's sources (`sourceLoads(true)`).
   */
  async tableCsv() {
    await Promise.all(this.sourceLoads(true));
    return this.#report((r) => r.tableCsv(), null);
  }
  /** `{year, title, description, cohorts, provinces}` of the current year, or null. */
  participation() {
    return this.#report((r) => JSON.parse(r.participation()), null);
  }
  /** The cohort chart of the current year as an SVG document, or null. */
  cohortChartSvg() {
    return this.#report((r) => r.cohortChartSvg() || null, null);
  }

  /**
   * `ask(reports)` of the reports' `Reports`, fed the bytes the handle holds (those that came since the
   * last call too) and told the map's year, language and theme as `ui()` answers them now; `none`
   * without a loaded map or after a panic. A failed load of the module rejects, and the next call
   * tries again.
   */
  async #report(ask, none) {
    const [overview, files] = [this.#overview, this.#files];
    if (!this.#handle || this.#dead || !overview || !files) return none;
    if (this.#reports?.overview !== overview || this.#reports.files !== files) {
      this.#reports?.made.then(
        (old) => old.reports.free(),
        () => {},
      );
      const made = loadReports().then((module) => ({
        reports: new module.Reports(overview, files.programme),
        sourcesIn: 0,
      }));
      this.#reports = { overview, files, made };
      made.catch(() => {
        if (this.#reports?.made === made) this.#reports = null;
      });
    }
    const made = await this.#reports.made;
    if (this.#dead) return none;
    // Another programme or data folder came meanwhile: the answer is that one's.
    if (this.#files !== files || this.#overview !== overview) return this.#report(ask, none);
    while (made.sourcesIn < files.sources.length) made.reports.loadProgrammeSources(files.sources[made.sourcesIn++]);
    const ui = this.#json((h) => h.ui(), null);
    if (!ui) return none;
    made.reports.follow(ui.year, ui.lang, ui.theme);
    return ask(made.reports);
  }
  /** Fits a province (by name) in view; false when no region lies in it. */
  fitProvince(name) {
    this.#viewMoves++;
    return this.#call((h) => h.fitProvince(String(name)), false);
  }
  /** The current view as an SVG document, or null. */
  toSVG() {
    return this.#call((h) => h.toSVG(), null);
  }
}

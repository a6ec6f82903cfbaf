// The data the map shows: the folder named by the `src` attribute or the package's own files,
// each fetched once per page however many maps show it, and a province's level file (its finer
// borders at one level of detail) fetched only once a view of it draws that level.
//
// The package's files are resolved from this module, which lives in `element/` beside
// `peta-cerdas.js`: `../data/<file>`, each named by its own literal
// `new URL('../data/<file>?no-inline', import.meta.url)` (PACKAGED below) so that bundlers emit it.

/**
 * Every file the element fetches from its data folder when no `src` attribute names one. Bundlers
 * (Vite, webpack 5, Rollup with an asset plugin) follow `new URL('<literal file>', import.meta.url)`
 * and emit that file with the build, but not a folder URL or a computed path: so each file has its
 * own literal here. A file the element starts fetching gets a line here (and in stage-www.sh).
 * `?no-inline` keeps Vite from inlining the small ones (its default limit is 4 KB: most province
 * files) into the page's script as data: URLs, which every reader would then download up front;
 * `dataUrl` drops the query where no bundler did.
 */
const PACKAGED = {
  'preview.json': new URL('../data/preview.json?no-inline', import.meta.url),
  'overview.bin': new URL('../data/overview.bin?no-inline', import.meta.url),
  'programme.bin': new URL('../data/programme.bin?no-inline', import.meta.url),
  'members.csv': new URL('../data/members.csv?no-inline', import.meta.url),
  'pillars.csv': new URL('../data/pillars.csv?no-inline', import.meta.url),
  'cohorts.csv': new URL('../data/cohorts.csv?no-inline', import.meta.url),
  'fallback-id.svg': new URL('../data/fallback-id.svg?no-inline', import.meta.url),
  'fallback-en.svg': new URL('../data/fallback-en.svg?no-inline', import.meta.url),
  'table-id.json': new URL('../data/table-id.json?no-inline', import.meta.url),
  'table-en.json': new URL('../data/table-en.json?no-inline', import.meta.url),
  // One per finer level and province: tests/detail.rs checks them against what prepare writes (and rewrites them).
  'detail/1/11.bin': new URL('../data/detail/1/11.bin?no-inline', import.meta.url),
  'detail/1/12.bin': new URL('../data/detail/1/12.bin?no-inline', import.meta.url),
  'detail/1/13.bin': new URL('../data/detail/1/13.bin?no-inline', import.meta.url),
  'detail/1/14.bin': new URL('../data/detail/1/14.bin?no-inline', import.meta.url),
  'detail/1/15.bin': new URL('../data/detail/1/15.bin?no-inline', import.meta.url),
  'detail/1/16.bin': new URL('../data/detail/1/16.bin?no-inline', import.meta.url),
  'detail/1/17.bin': new URL('../data/detail/1/17.bin?no-inline', import.meta.url),
  'detail/1/18.bin': new URL('../data/detail/1/18.bin?no-inline', import.meta.url),
  'detail/1/19.bin': new URL('../data/detail/1/19.bin?no-inline', import.meta.url),
  'detail/1/21.bin': new URL('../data/detail/1/21.bin?no-inline', import.meta.url),
  'detail/1/31.bin': new URL('../data/detail/1/31.bin?no-inline', import.meta.url),
  'detail/1/32.bin': new URL('../data/detail/1/32.bin?no-inline', import.meta.url),
  'detail/1/33.bin': new URL('../data/detail/1/33.bin?no-inline', import.meta.url),
  'detail/1/34.bin': new URL('../data/detail/1/34.bin?no-inline', import.meta.url),
  'detail/1/35.bin': new URL('../data/detail/1/35.bin?no-inline', import.meta.url),
  'detail/1/36.bin': new URL('../data/detail/1/36.bin?no-inline', import.meta.url),
  'detail/1/51.bin': new URL('../data/detail/1/51.bin?no-inline', import.meta.url),
  'detail/1/52.bin': new URL('../data/detail/1/52.bin?no-inline', import.meta.url),
  'detail/1/53.bin': new URL('../data/detail/1/53.bin?no-inline', import.meta.url),
  'detail/1/61.bin': new URL('../data/detail/1/61.bin?no-inline', import.meta.url),
  'detail/1/62.bin': new URL('../data/detail/1/62.bin?no-inline', import.meta.url),
  'detail/1/63.bin': new URL('../data/detail/1/63.bin?no-inline', import.meta.url),
  'detail/1/64.bin': new URL('../data/detail/1/64.bin?no-inline', import.meta.url),
  'detail/1/65.bin': new URL('../data/detail/1/65.bin?no-inline', import.meta.url),
  'detail/1/71.bin': new URL('../data/detail/1/71.bin?no-inline', import.meta.url),
  'detail/1/72.bin': new URL('../data/detail/1/72.bin?no-inline', import.meta.url),
  'detail/1/73.bin': new URL('../data/detail/1/73.bin?no-inline', import.meta.url),
  'detail/1/74.bin': new URL('../data/detail/1/74.bin?no-inline', import.meta.url),
  'detail/1/75.bin': new URL('../data/detail/1/75.bin?no-inline', import.meta.url),
  'detail/1/76.bin': new URL('../data/detail/1/76.bin?no-inline', import.meta.url),
  'detail/1/81.bin': new URL('../data/detail/1/81.bin?no-inline', import.meta.url),
  'detail/1/82.bin': new URL('../data/detail/1/82.bin?no-inline', import.meta.url),
  'detail/1/91.bin': new URL('../data/detail/1/91.bin?no-inline', import.meta.url),
  'detail/1/92.bin': new URL('../data/detail/1/92.bin?no-inline', import.meta.url),
  'detail/1/93.bin': new URL('../data/detail/1/93.bin?no-inline', import.meta.url),
  'detail/1/94.bin': new URL('../data/detail/1/94.bin?no-inline', import.meta.url),
  'detail/1/95.bin': new URL('../data/detail/1/95.bin?no-inline', import.meta.url),
  'detail/1/96.bin': new URL('../data/detail/1/96.bin?no-inline', import.meta.url),
  'detail/2/11.bin': new URL('../data/detail/2/11.bin?no-inline', import.meta.url),
  'detail/2/12.bin': new URL('../data/detail/2/12.bin?no-inline', import.meta.url),
  'detail/2/13.bin': new URL('../data/detail/2/13.bin?no-inline', import.meta.url),
  'detail/2/14.bin': new URL('../data/detail/2/14.bin?no-inline', import.meta.url),
  'detail/2/15.bin': new URL('../data/detail/2/15.bin?no-inline', import.meta.url),
  'detail/2/16.bin': new URL('../data/detail/2/16.bin?no-inline', import.meta.url),
  'detail/2/17.bin': new URL('../data/detail/2/17.bin?no-inline', import.meta.url),
  'detail/2/18.bin': new URL('../data/detail/2/18.bin?no-inline', import.meta.url),
  'detail/2/19.bin': new URL('../data/detail/2/19.bin?no-inline', import.meta.url),
  'detail/2/21.bin': new URL('../data/detail/2/21.bin?no-inline', import.meta.url),
  'detail/2/31.bin': new URL('../data/detail/2/31.bin?no-inline', import.meta.url),
  'detail/2/32.bin': new URL('../data/detail/2/32.bin?no-inline', import.meta.url),
  'detail/2/33.bin': new URL('../data/detail/2/33.bin?no-inline', import.meta.url),
  'detail/2/34.bin': new URL('../data/detail/2/34.bin?no-inline', import.meta.url),
  'detail/2/35.bin': new URL('../data/detail/2/35.bin?no-inline', import.meta.url),
  'detail/2/36.bin': new URL('../data/detail/2/36.bin?no-inline', import.meta.url),
  'detail/2/51.bin': new URL('../data/detail/2/51.bin?no-inline', import.meta.url),
  'detail/2/52.bin': new URL('../data/detail/2/52.bin?no-inline', import.meta.url),
  'detail/2/53.bin': new URL('../data/detail/2/53.bin?no-inline', import.meta.url),
  'detail/2/61.bin': new URL('../data/detail/2/61.bin?no-inline', import.meta.url),
  'detail/2/62.bin': new URL('../data/detail/2/62.bin?no-inline', import.meta.url),
  'detail/2/63.bin': new URL('../data/detail/2/63.bin?no-inline', import.meta.url),
  'detail/2/64.bin': new URL('../data/detail/2/64.bin?no-inline', import.meta.url),
  'detail/2/65.bin': new URL('../data/detail/2/65.bin?no-inline', import.meta.url),
  'detail/2/71.bin': new URL('../data/detail/2/71.bin?no-inline', import.meta.url),
  'detail/2/72.bin': new URL('../data/detail/2/72.bin?no-inline', import.meta.url),
  'detail/2/73.bin': new URL('../data/detail/2/73.bin?no-inline', import.meta.url),
  'detail/2/74.bin': new URL('../data/detail/2/74.bin?no-inline', import.meta.url),
  'detail/2/75.bin': new URL('../data/detail/2/75.bin?no-inline', import.meta.url),
  'detail/2/76.bin': new URL('../data/detail/2/76.bin?no-inline', import.meta.url),
  'detail/2/81.bin': new URL('../data/detail/2/81.bin?no-inline', import.meta.url),
  'detail/2/82.bin': new URL('../data/detail/2/82.bin?no-inline', import.meta.url),
  'detail/2/91.bin': new URL('../data/detail/2/91.bin?no-inline', import.meta.url),
  'detail/2/92.bin': new URL('../data/detail/2/92.bin?no-inline', import.meta.url),
  'detail/2/93.bin': new URL('../data/detail/2/93.bin?no-inline', import.meta.url),
  'detail/2/94.bin': new URL('../data/detail/2/94.bin?no-inline', import.meta.url),
  'detail/2/95.bin': new URL('../data/detail/2/95.bin?no-inline', import.meta.url),
  'detail/2/96.bin': new URL('../data/detail/2/96.bin?no-inline', import.meta.url),
  'detail/3/11.bin': new URL('../data/detail/3/11.bin?no-inline', import.meta.url),
  'detail/3/12.bin': new URL('../data/detail/3/12.bin?no-inline', import.meta.url),
  'detail/3/13.bin': new URL('../data/detail/3/13.bin?no-inline', import.meta.url),
  'detail/3/14.bin': new URL('../data/detail/3/14.bin?no-inline', import.meta.url),
  'detail/3/15.bin': new URL('../data/detail/3/15.bin?no-inline', import.meta.url),
  'detail/3/16.bin': new URL('../data/detail/3/16.bin?no-inline', import.meta.url),
  'detail/3/17.bin': new URL('../data/detail/3/17.bin?no-inline', import.meta.url),
  'detail/3/18.bin': new URL('../data/detail/3/18.bin?no-inline', import.meta.url),
  'detail/3/19.bin': new URL('../data/detail/3/19.bin?no-inline', import.meta.url),
  'detail/3/21.bin': new URL('../data/detail/3/21.bin?no-inline', import.meta.url),
  'detail/3/31.bin': new URL('../data/detail/3/31.bin?no-inline', import.meta.url),
  'detail/3/32.bin': new URL('../data/detail/3/32.bin?no-inline', import.meta.url),
  'detail/3/33.bin': new URL('../data/detail/3/33.bin?no-inline', import.meta.url),
  'detail/3/34.bin': new URL('../data/detail/3/34.bin?no-inline', import.meta.url),
  'detail/3/35.bin': new URL('../data/detail/3/35.bin?no-inline', import.meta.url),
  'detail/3/36.bin': new URL('../data/detail/3/36.bin?no-inline', import.meta.url),
  'detail/3/51.bin': new URL('../data/detail/3/51.bin?no-inline', import.meta.url),
  'detail/3/52.bin': new URL('../data/detail/3/52.bin?no-inline', import.meta.url),
  'detail/3/53.bin': new URL('../data/detail/3/53.bin?no-inline', import.meta.url),
  'detail/3/61.bin': new URL('../data/detail/3/61.bin?no-inline', import.meta.url),
  'detail/3/62.bin': new URL('../data/detail/3/62.bin?no-inline', import.meta.url),
  'detail/3/63.bin': new URL('../data/detail/3/63.bin?no-inline', import.meta.url),
  'detail/3/64.bin': new URL('../data/detail/3/64.bin?no-inline', import.meta.url),
  'detail/3/65.bin': new URL('../data/detail/3/65.bin?no-inline', import.meta.url),
  'detail/3/71.bin': new URL('../data/detail/3/71.bin?no-inline', import.meta.url),
  'detail/3/72.bin': new URL('../data/detail/3/72.bin?no-inline', import.meta.url),
  'detail/3/73.bin': new URL('../data/detail/3/73.bin?no-inline', import.meta.url),
  'detail/3/74.bin': new URL('../data/detail/3/74.bin?no-inline', import.meta.url),
  'detail/3/75.bin': new URL('../data/detail/3/75.bin?no-inline', import.meta.url),
  'detail/3/76.bin': new URL('../data/detail/3/76.bin?no-inline', import.meta.url),
  'detail/3/81.bin': new URL('../data/detail/3/81.bin?no-inline', import.meta.url),
  'detail/3/82.bin': new URL('../data/detail/3/82.bin?no-inline', import.meta.url),
  'detail/3/91.bin': new URL('../data/detail/3/91.bin?no-inline', import.meta.url),
  'detail/3/92.bin': new URL('../data/detail/3/92.bin?no-inline', import.meta.url),
  'detail/3/93.bin': new URL('../data/detail/3/93.bin?no-inline', import.meta.url),
  'detail/3/94.bin': new URL('../data/detail/3/94.bin?no-inline', import.meta.url),
  'detail/3/95.bin': new URL('../data/detail/3/95.bin?no-inline', import.meta.url),
  'detail/3/96.bin': new URL('../data/detail/3/96.bin?no-inline', import.meta.url),
};

/**
 * The URL of the data file `name`: in the folder `base` (from the `src` attribute), or, with no
 * base, the packaged file (wherever a bundler put it).
 */
export function dataUrl(base, name) {
  return base ? new URL(name, base).href : packagedUrl(PACKAGED, name);
}

/** As {@link dataUrl}, for a sources file (`sources/35.20.bin`): a promise, as the packaged ones' URLs come in a module of their own. */
export function sourcesUrl(base, name) {
  return base ? Promise.resolve(dataUrl(base, name)) : packagedSources().then((files) => packagedUrl(files, name));
}

/** A packaged file's URL from `packaged` (PACKAGED, or sources-files.js's SOURCES), without the bundlers' query. */
function packagedUrl(packaged, name) {
  const file = packaged[name];
  if (!file) throw new Error(`${name} is not one of the packaged data files`);
  if (file.protocol === 'data:') return file.href;
  const url = new URL(file);
  url.searchParams.delete('no-inline');
  return url.href;
}

let sources = null;

/**
 * The packaged sources files' URLs (sources-files.js), imported once: a failed import is
 * forgotten, so that the next panel tries again.
 */
export function packagedSources() {
  sources ??= import('./sources-files.js').then(
    (module) => module.SOURCES,
    (error) => {
      sources = null;
      throw error;
    },
  );
  return sources;
}

const fetched = new Map();

/** A data file the server would not give: `status` is the HTTP status. */
class HttpError extends Error {
  constructor(url, status) {
    super(`${url}: HTTP ${status}`);
    this.status = status;
  }
}

/** Statuses that say the file is not there: asking again at once gets the same answer. */
const NOT_THERE = [404, 410];

/** A `data:` URL's bytes (a bundler inlines small files so); decoded here, as a CSP may forbid fetching one. */
function decodeDataUrl(url) {
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  if (/;base64$/i.test(meta)) return Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(payload));
}

function parseJson(url, text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    const name = url.startsWith('data:') ? 'an inlined file' : url;
    throw new Error(`${name}: not JSON (${error.message})`, { cause: error });
  }
}

/**
 * Fetches a data file once per page however many maps show it: `kind` `bytes` answers a
 * Uint8Array, `text` a string, `json` the parsed value (one object, which readers leave as it
 * is). A failed request is forgotten, so a later call tries again, unless the server said the
 * file is not there (404, 410): that answer stands, so the map's start that follows a preview
 * whose `preview.json` is missing hears it without asking again.
 */
export function fetchOnce(url, kind) {
  const key = `${kind}:${url}`;
  if (!fetched.has(key)) {
    const request = url.startsWith('data:')
      ? Promise.resolve().then(() => {
          const bytes = decodeDataUrl(url);
          return kind === 'bytes' ? bytes : new TextDecoder().decode(bytes);
        })
      : fetch(url, { credentials: 'same-origin' }).then((response) => {
          if (!response.ok) throw new HttpError(url, response.status);
          return kind === 'bytes' ? response.arrayBuffer().then((b) => new Uint8Array(b)) : response.text();
        });
    const answer = kind === 'json' ? request.then((text) => parseJson(url, text)) : request;
    answer.catch((error) => {
      if (!NOT_THERE.includes(error.status)) fetched.delete(key);
    });
    fetched.set(key, answer);
  }
  return fetched.get(key);
}

/**
 * Where the programme facts come from, relative to the document: the CSV files of the folder the
 * `programme` attribute names (`{csv: URL}`), else the compiled `programme.bin` of the data folder
 * (`{packed: URL}` for the `src` folder, `{packed: null}` for the packaged file). A folder that does
 * not parse is `null`: the packaged files.
 */
export function programmeSource(element, documentBase) {
  if (element.hasAttribute('programme')) return { csv: dataBase(element.getAttribute('programme'), documentBase) };
  return { packed: dataBase(element.getAttribute('src'), documentBase) };
}

/**
 * The data folder named by the `src` attribute (relative to the document; always ends in `/`), or
 * `null` without one or when it does not parse: then {@link dataUrl} answers the packaged files.
 */
export function dataBase(src, documentBase) {
  try {
    return src ? new URL(src.endsWith('/') ? src : `${src}/`, documentBase) : null;
  } catch {
    return null;
  }
}

/**
 * The level files (`detail/<level>/<province>.bin`, one province's borders at one finer level),
 * fetched after a draw whose view wants finer borders than the overview has: those of the level
 * the view draws, of the provinces in view not loaded yet, each once per page. A coarser level
 * (or the overview) keeps drawing meanwhile, a slight zoom fetches no level-2 file, and a visitor
 * who never zooms downloads none.
 */
export class DetailLoader {
  #core;
  #loaded;
  #failed;
  #source = null;

  /** `core` (a MapCore); `loaded()` after each file is in, `failed(error)` when one cannot be had. */
  constructor(core, { loaded, failed }) {
    this.#core = core;
    this.#loaded = loaded;
    this.#failed = failed;
  }

  /** A start loaded the overview from `base`; `current()` is false once another start began. */
  reset(base, current) {
    this.#source = { base, current, requested: new Set() };
  }

  /** After each draw: fetches the files the view wants that were not asked for yet. */
  drawn() {
    const source = this.#source;
    if (!source || !source.current()) return;
    for (const name of this.#core.detailWanted()) {
      if (source.requested.has(name)) continue;
      // Asked for once per start: a file that failed is reported once, not again at every draw.
      source.requested.add(name);
      this.#core.loadDetail(source.base, name, source.current).then(
        (loaded) => loaded && this.#loaded(),
        // The overview keeps working; say what is missing without blanking the map.
        (error) => this.#core.dead || this.#failed(error),
      );
    }
  }
}

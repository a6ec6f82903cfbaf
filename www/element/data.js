// The data the map shows: the folder named by the `src` attribute or the package's own files,
// each fetched once per page however many maps show it, and a province's detail file fetched only
// once a view of it wants finer borders than the overview has.
//
// The package's files are resolved from this module, which lives in `element/` beside
// `peta-cerdas.js`: `../data/<file>`, each named by its own literal
// `new URL('../data/<file>', import.meta.url)` (PACKAGED below) so that bundlers emit it.

/**
 * Every file the element fetches from its data folder when no `src` attribute names one. Bundlers
 * (Vite, webpack 5, Rollup with an asset plugin) follow `new URL('<literal file>', import.meta.url)`
 * and emit that file with the build, but not a folder URL or a computed path: so each file has its
 * own literal here. A file the element starts fetching gets a line here (and in stage-www.sh).
 */
const PACKAGED = {
  'preview.json': new URL('../data/preview.json', import.meta.url),
  'overview.bin': new URL('../data/overview.bin', import.meta.url),
  'members.csv': new URL('../data/members.csv', import.meta.url),
  'pillars.csv': new URL('../data/pillars.csv', import.meta.url),
  'cohorts.csv': new URL('../data/cohorts.csv', import.meta.url),
  'fallback-id.svg': new URL('../data/fallback-id.svg', import.meta.url),
  'fallback-en.svg': new URL('../data/fallback-en.svg', import.meta.url),
  'table-id.json': new URL('../data/table-id.json', import.meta.url),
  'table-en.json': new URL('../data/table-en.json', import.meta.url),
  // One per province: tests/detail.rs checks them against what prepare writes (and rewrites them).
  'detail/11.bin': new URL('../data/detail/11.bin', import.meta.url),
  'detail/12.bin': new URL('../data/detail/12.bin', import.meta.url),
  'detail/13.bin': new URL('../data/detail/13.bin', import.meta.url),
  'detail/14.bin': new URL('../data/detail/14.bin', import.meta.url),
  'detail/15.bin': new URL('../data/detail/15.bin', import.meta.url),
  'detail/16.bin': new URL('../data/detail/16.bin', import.meta.url),
  'detail/17.bin': new URL('../data/detail/17.bin', import.meta.url),
  'detail/18.bin': new URL('../data/detail/18.bin', import.meta.url),
  'detail/19.bin': new URL('../data/detail/19.bin', import.meta.url),
  'detail/21.bin': new URL('../data/detail/21.bin', import.meta.url),
  'detail/31.bin': new URL('../data/detail/31.bin', import.meta.url),
  'detail/32.bin': new URL('../data/detail/32.bin', import.meta.url),
  'detail/33.bin': new URL('../data/detail/33.bin', import.meta.url),
  'detail/34.bin': new URL('../data/detail/34.bin', import.meta.url),
  'detail/35.bin': new URL('../data/detail/35.bin', import.meta.url),
  'detail/36.bin': new URL('../data/detail/36.bin', import.meta.url),
  'detail/51.bin': new URL('../data/detail/51.bin', import.meta.url),
  'detail/52.bin': new URL('../data/detail/52.bin', import.meta.url),
  'detail/53.bin': new URL('../data/detail/53.bin', import.meta.url),
  'detail/61.bin': new URL('../data/detail/61.bin', import.meta.url),
  'detail/62.bin': new URL('../data/detail/62.bin', import.meta.url),
  'detail/63.bin': new URL('../data/detail/63.bin', import.meta.url),
  'detail/64.bin': new URL('../data/detail/64.bin', import.meta.url),
  'detail/65.bin': new URL('../data/detail/65.bin', import.meta.url),
  'detail/71.bin': new URL('../data/detail/71.bin', import.meta.url),
  'detail/72.bin': new URL('../data/detail/72.bin', import.meta.url),
  'detail/73.bin': new URL('../data/detail/73.bin', import.meta.url),
  'detail/74.bin': new URL('../data/detail/74.bin', import.meta.url),
  'detail/75.bin': new URL('../data/detail/75.bin', import.meta.url),
  'detail/76.bin': new URL('../data/detail/76.bin', import.meta.url),
  'detail/81.bin': new URL('../data/detail/81.bin', import.meta.url),
  'detail/82.bin': new URL('../data/detail/82.bin', import.meta.url),
  'detail/91.bin': new URL('../data/detail/91.bin', import.meta.url),
  'detail/92.bin': new URL('../data/detail/92.bin', import.meta.url),
  'detail/93.bin': new URL('../data/detail/93.bin', import.meta.url),
  'detail/94.bin': new URL('../data/detail/94.bin', import.meta.url),
  'detail/95.bin': new URL('../data/detail/95.bin', import.meta.url),
  'detail/96.bin': new URL('../data/detail/96.bin', import.meta.url),
};

/**
 * The URL of the data file `name`: in the folder `base` (from the `src` attribute), or, with no
 * base, the packaged file (wherever a bundler put it).
 */
export function dataUrl(base, name) {
  if (base) return new URL(name, base).href;
  const packaged = PACKAGED[name];
  if (!packaged) throw new Error(`${name} is not one of the packaged data files`);
  return packaged.href;
}

const fetched = new Map();

/** A `data:` URL's bytes (a bundler inlines small files so); decoded here, as a CSP may forbid fetching one. */
function decodeDataUrl(url) {
  const comma = url.indexOf(',');
  const meta = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  if (/;base64$/i.test(meta)) return Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(payload));
}

/**
 * Fetches a data file once per page however many maps show it: `kind` `bytes` answers a
 * Uint8Array, `text` a string. A failed request is forgotten, so a later call tries again.
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
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          return kind === 'bytes' ? response.arrayBuffer().then((b) => new Uint8Array(b)) : response.text();
        });
    request.catch(() => fetched.delete(key));
    fetched.set(key, request);
  }
  return fetched.get(key);
}

/**
 * The folder of the programme CSVs: the one the `programme` attribute names, else the `src` data
 * folder, else `null` (the packaged files); relative to the document.
 */
export function programmeBase(element, documentBase) {
  const attribute = element.hasAttribute('programme') ? 'programme' : 'src';
  return dataBase(element.getAttribute(attribute), documentBase);
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
 * The detail files (`detail/<province>.bin`, the finer borders of one province each), fetched
 * after a draw whose view wants finer borders than the overview has: exactly the provinces in
 * view that are not loaded yet, each once per page. The overview keeps drawing meanwhile, and a
 * visitor who never zooms downloads none.
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

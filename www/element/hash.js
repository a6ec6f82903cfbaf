// The `sync-hash` attribute: the map's state lives in `location.hash` (`#year=…&mode=…&region=…
// &view=lon,lat,zoom&lang=…&theme=…`, written by the core), so a link opens the same view. The
// pages set it; the element reads the hash at start and on `hashchange`, and writes it (debounced,
// with history.replaceState) after every change but a hover.

/** How long the state must stay still before the hash is written. */
export const HASH_WRITE_MS = 200;

/** The same state, with or without the leading '#'. */
export function sameHash(a, b) {
  return a.replace(/^#/, '') === b.replace(/^#/, '');
}

/**
 * The language a link names (`lang=id` or `lang=en`, the last such field), or null: the one the
 * map will speak once it applies the link, which the chrome speaks until then.
 */
export function linkLang(hash) {
  let lang = null;
  for (const field of hash.replace(/^#/, '').split('&')) {
    if (field === 'lang=id' || field === 'lang=en') lang = field.slice('lang='.length);
  }
  return lang;
}

export class HashSync {
  #element;
  #core;
  #map;
  #timer = 0;

  /**
   * `element` (its `sync-hash` attribute decides), `core` (a MapCore), and `map`: `strings(lang)`,
   * `emitError(message)`, `notice(message)` (shown above the map; null hides it), `applied()`
   * (re-resolve the theme after a hash set it) and `changed()`.
   */
  constructor(element, core, map) {
    this.#element = element;
    this.#core = core;
    this.#map = map;
  }

  /**
   * Applies `hash` (a hash the element wrote itself is skipped, unless `initial`). Its problems,
   * in the map's language and `; ` between them, go to `error` and are shown to the reader, who
   * followed the link and would otherwise not know why the map shows something else; the next
   * link applied replaces them.
   */
  apply(hash, initial) {
    const core = this.#core;
    if (!core.attached || !hash || hash === '#') return;
    if (!initial && sameHash(hash, core.hash())) return;
    const problems = core.applyHash(hash);
    // In the language the link left the map in, as the core words the problems.
    const message = problems.length ? `${this.#map.strings(core.lang()).hashProblems}: ${problems.join('; ')}` : null;
    this.#map.notice(message);
    if (message) this.#map.emitError(message);
    this.#map.applied();
    this.#map.changed();
  }

  /** Writes the current state into the URL after HASH_WRITE_MS, without a history entry. */
  scheduleWrite() {
    if (!this.#element.hasAttribute('sync-hash') || !this.#core.attached) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const hash = this.#core.hash();
      if (!hash) return;
      const target = hash.startsWith('#') ? hash : `#${hash}`;
      if (location.hash === target) return;
      try {
        history.replaceState(history.state, '', target);
      } catch {
        // Sandboxed documents may refuse; the map works without a deep link.
      }
    }, HASH_WRITE_MS);
  }
}

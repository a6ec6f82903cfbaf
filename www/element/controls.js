// The toolbar and the buttons over the map: year slider and play, mode and pillar selects,
// language select, zoom in/out/reset, the panel's close button. localise writes the chrome's
// words, renderControls the state from `ui()`, attachControls wires the events, Player plays
// through the years.

import { MODES } from './contract.js';
import { el } from './dom.js';
import { KEY_ZOOM } from './keyboard.js';

/** One step of play. */
export const PLAY_STEP_MS = 1200;

/**
 * The mode <select>'s options `{value, text}` for the strings `t`: every mode, `indicator` only
 * while one is loaded (`indicator` is its label, or null) and then named after it.
 */
export function modeOptions(t, indicator) {
  return MODES.filter((mode) => mode !== 'indicator' || indicator != null).map((mode) => ({
    value: mode,
    text: mode === 'indicator' ? `${t.indicator}: ${indicator}` : t[mode],
  }));
}

/**
 * The year slider's position for `year` among the cohort `years`: the last cohort not after it,
 * as a year between cohorts (2020, the map as of then) shows that cohort's members; 0 before the
 * first. The next position is then the next cohort.
 */
export function yearIndex(years, year) {
  const cohort = years.findLastIndex((cohortYear) => cohortYear <= year);
  return Math.max(0, cohort);
}

/** Writes the chrome's words in language `lang` (strings `t`); `playing` picks Play or Pause. */
export function localise(d, t, lang, playing) {
  d.root.lang = lang;
  d.canvas.setAttribute('aria-label', t.mapLabel);
  d.canvas.setAttribute('aria-roledescription', t.roleDescription);
  d.help.textContent = t.help;
  for (const [button, label] of [
    [d.zoomIn, t.zoomIn],
    [d.zoomOut, t.zoomOut],
    [d.reset, t.reset],
    [d.downloadCsv, t.downloadCsv],
    [d.downloadPng, t.downloadPng],
    [d.downloadSvg, t.downloadSvg],
  ]) {
    button.setAttribute('aria-label', label);
    button.title = label;
  }
  d.yearLabel.textContent = t.year;
  d.play.textContent = playing ? t.pause : t.play;
  d.modeLabel.textContent = t.mode;
  d.pillarLabel.textContent = t.pillar;
  d.searchLabel.textContent = t.search;
  d.search.placeholder = t.searchPlaceholder;
  d.legendHint.textContent = t.legendHint;
  d.identifiedTitle.textContent = t.identified;
  d.panelClose.textContent = t.close;
  d.panelMembershipsTitle.textContent = t.memberships;
  d.panelPillarsTitle.textContent = t.pillars;
  d.panelEvidenceTitle.textContent = t.evidence;
  d.tableSummary.textContent = t.table;
  d.loading.textContent = t.loading;
  // The participation box (participation-box.js) joins the DOM after the shell's first localise.
  if (d.participationSummary) d.participationSummary.textContent = t.participation;
  d.langLabel.textContent = t.language;
  d.downloadLabel.textContent = t.download;
  d.lang.value = lang;
}

/**
 * Shows `mode` and `pillar` (a pillar key or `count`): the pillar field in pillar mode, and
 * `data-mode` and `data-pillar` on the root, by which the rows below the map keep that legend's
 * room (styles.js). Attributes are written only when they change: this runs at every refresh.
 */
export function showMode(d, mode, pillar) {
  d.pillarField.hidden = mode !== 'pillar';
  if (d.root.dataset.mode !== mode) d.root.dataset.mode = mode;
  if (d.root.dataset.pillar !== pillar) d.root.dataset.pillar = pillar;
}

/**
 * Shows `ui`'s year, mode and pillar. `section(name, key)` is true when that part's content key
 * changed since it was last drawn (then its options are rebuilt).
 */
export function renderControls(d, t, ui, section) {
  if (section('years', ui.years.join())) d.year.max = String(ui.years.length - 1);
  d.year.value = String(yearIndex(ui.years, ui.year));
  d.year.setAttribute('aria-valuetext', String(ui.year));
  d.yearValue.textContent = String(ui.year);
  if (section('modes', `${ui.lang}|${ui.indicator ?? ''}`)) {
    d.mode.replaceChildren(...modeOptions(t, ui.indicator).map((o) => el('option', o)));
  }
  d.mode.value = ui.mode;
  showMode(d, ui.mode, ui.pillar);
  if (section('pillars', JSON.stringify(ui.pillars))) {
    d.pillar.replaceChildren(
      el('option', { value: 'count', text: t.pillarCount }),
      ...ui.pillars.map((p) => el('option', { value: p.key, text: p.label })),
    );
  }
  d.pillar.value = ui.pillar;
}

/** The keys with which a range input steps down. */
const STEP_BACK = new Set(['ArrowLeft', 'ArrowDown', 'PageDown']);

/**
 * Wires the toolbar and the map's buttons. `map` gives `core` (null before the map loads),
 * `years()` (the programme years, or undefined), `setYear(year)`, `player`, `center()` and `changed()`.
 */
export function attachControls(d, map) {
  // A control that acts on the map, then redraws; nothing before the map has loaded.
  const act = (fn) => () => {
    const core = map.core;
    if (!core) return;
    fn(core);
    map.changed();
  };
  const on = (node, type, fn) => node.addEventListener(type, act(fn));
  on(d.zoomIn, 'click', (core) => core.zoomAt(KEY_ZOOM, ...map.center()));
  on(d.zoomOut, 'click', (core) => core.zoomAt(1 / KEY_ZOOM, ...map.center()));
  on(d.reset, 'click', (core) => core.resetView());
  d.year.addEventListener('input', () => {
    const year = map.years()?.[Number(d.year.value)];
    if (year !== undefined) {
      map.player.stop();
      map.setYear(year);
    }
  });
  // From a year between cohorts (2020), the thumb sits at the cohort before it (2019), so a step
  // back goes to that cohort; the range input would step from the thumb, skipping it.
  d.year.addEventListener('keydown', (event) => {
    const ui = map.ui();
    if (!STEP_BACK.has(event.key) || !ui || ui.years.includes(ui.year) || ui.year < ui.years[0]) return;
    event.preventDefault();
    map.player.stop();
    map.setYear(ui.years[yearIndex(ui.years, ui.year)]);
  });
  d.play.addEventListener('click', () => map.player.toggle());
  on(d.mode, 'change', (core) => core.setMode(d.mode.value));
  on(d.pillar, 'change', (core) => core.setPillar(d.pillar.value));
  on(d.lang, 'change', (core) => core.setLang(d.lang.value));
  for (const [button, kind] of [
    [d.downloadCsv, 'csv'],
    [d.downloadPng, 'png'],
    [d.downloadSvg, 'svg'],
  ]) {
    button.addEventListener('click', async () => {
      const core = map.core;
      if (!core) return;
      let download, blob;
      try {
        // download.js comes with the first download, as only a download needs it.
        download = await import('./download.js');
      } catch (error) {
        map.hint(`${map.strings().partFailed}: ${error.message || error}`);
        return;
      }
      try {
        blob = await download.exportBlob(kind, core, d.canvas);
      } catch (error) {
        map.hint(`${map.strings().sourcesFailed}: ${error.message || error}`);
        return;
      }
      const ui = map.ui();
      if (blob) download.saveBlob(blob, download.downloadName(ui?.year, ui?.lang, kind), d.root);
    });
  }
  // The panel closes (the selection cleared) by its Close button or by Escape within it, and the
  // focus goes back to the map, where the reader came from.
  const closePanel = () => {
    act((core) => core.select(null))();
    d.canvas.focus();
  };
  d.panelClose.addEventListener('click', closePanel);
  d.panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    closePanel();
  });
}

/**
 * Play through the years: one step each PLAY_STEP_MS, from the first year when at the last;
 * under reduced motion it jumps to the last year at once. `map` gives `ui()` (the latest ui
 * answer, or null), `setYear(year)` and `strings()`.
 */
export class Player {
  #button;
  #map;
  #timer = 0;

  constructor(button, map) {
    this.#button = button;
    this.#map = map;
  }

  get playing() {
    return this.#timer !== 0;
  }

  toggle() {
    if (this.#timer) return this.stop();
    const ui = this.#map.ui();
    if (!ui) return;
    const last = ui.years[ui.years.length - 1];
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.#map.setYear(last);
      return;
    }
    if (ui.year === last) this.#map.setYear(ui.years[0]);
    this.#button.textContent = this.#map.strings().pause;
    this.#timer = setInterval(() => {
      const { years, year } = this.#map.ui();
      const next = years[yearIndex(years, year) + 1];
      if (next === undefined) return this.stop();
      this.#map.setYear(next);
    }, PLAY_STEP_MS);
  }

  stop() {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = 0;
    this.#button.textContent = this.#map.strings().play;
  }
}

// Without WebAssembly (unsupported, or refused by a CSP without 'wasm-unsafe-eval') the element
// shows what the build pre-rendered into the data folder: the latest year as a static SVG
// (`fallback-<lang>.svg`) and the data table (`table-<lang>.json`, the rows `table()` answers).
// The element imports this module only then.

import { dataUrl, fetchOnce } from './data.js';
import { fillTable, latestYear } from './table.js';

/**
 * Hides what only the interactive map can show or answer (the map, the toolbar, the panel, the
 * legend and counts a preview left for its year, the participation box, the keyboard help), shows
 * the static map and says why (once, in the alert) and which year it shows, then fills the table.
 * `emitError(message)` reports the reason (and a failed table load) as the `error` event.
 */
export async function showFallback(d, t, lang, base, reason, emitError) {
  d.title.textContent = t.title;
  d.subtitle.textContent = t.fallbackShows;
  d.summary.textContent = '';
  for (const part of [
    d.stage,
    d.zoom,
    d.controls,
    d.panel,
    d.legendBox,
    d.identifiedTitle,
    d.identified,
    d.participationBox,
    d.help,
  ]) {
    part.hidden = true;
  }
  d.fallback.hidden = false;
  d.message.textContent = t.noWasm;
  d.message.hidden = false;
  d.fallbackImg.alt = t.fallbackAlt;
  d.fallbackImg.src = dataUrl(base, `fallback-${lang}.svg`);
  emitError(`${t.noWasm} (${reason})`);
  try {
    const rows = JSON.parse(await fetchOnce(dataUrl(base, `table-${lang}.json`), 'text'));
    fillTable(d, t, rows, latestYear(rows));
    d.tableBox.open = true;
  } catch (error) {
    emitError(`${t.loadFailed}: ${error.message || error}`);
  }
}

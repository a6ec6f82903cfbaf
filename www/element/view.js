// Writes a `ui()` answer into the element's DOM. Each part is rebuilt only when its content
// changed since it was last drawn (a section key per part), so a refresh after a pan touches
// almost nothing and screen readers are not re-read the whole legend.

import { localise, renderControls } from './controls.js';
import { renderIdentified, renderLegend } from './legend.js';
import { panelModel, renderPanel } from './panel.js';

export class View {
  #d;
  #sections = {};

  constructor(d) {
    this.#d = d;
  }

  /** True when a section's content key changed since it was last drawn (and remembers the key). */
  section(name, key) {
    if (this.#sections[name] === key) return false;
    this.#sections[name] = key;
    return true;
  }

  /**
   * Shows `ui` with the strings `t`. `core` answers the table rows and the selected region's
   * details, `tooltip` is hidden when nothing is hovered, `playing` picks the play button's label.
   */
  render(ui, t, core, tooltip, playing) {
    const d = this.#d;
    if (this.section('lang', ui.lang)) {
      localise(d, t, ui.lang, playing);
      this.#sections.table = null;
      this.#sections.pillars = null;
    }
    d.title.textContent = ui.title;
    d.subtitle.textContent = ui.subtitle;
    if (d.summary.textContent !== ui.summary) d.summary.textContent = ui.summary;
    d.attribution.textContent = ui.attribution;
    d.root.classList.toggle('dark', ui.theme === 'dark');
    renderControls(d, t, ui, (name, key) => this.section(name, key));
    if (this.section('legend', JSON.stringify(ui.legend))) renderLegend(d, ui.legend);
    if (this.section('identified', JSON.stringify(ui.identified))) renderIdentified(d, ui.identified);
    this.table(ui, t, core);
    // Keyed by the panel's own text, so that it follows whatever changes it: the selection, the
    // year, the language, the mode, an indicator's value, the programme or its sources coming in.
    const info = core.regionInfo(ui.selected);
    const panel = info && panelModel(info, t, ui.sources);
    if (this.section('panel', `${ui.lang}|${JSON.stringify(panel)}`)) renderPanel(d, t, panel);
    if (ui.hovered === null) tooltip.hide();
  }

  /**
   * The data table (1,800 nodes) is built only while its <details> is open: when it opens, and
   * again on a year or language change while it stays open. Its rows come from the reports
   * (their own wasm, fetched the first time): an answer a later change overtook is dropped, and
   * one that failed is asked for again at the next change.
   */
  table(ui, t, core) {
    if (!this.#d.tableBox.open) return;
    const filter = this.#d.tableFilter ?? null;
    const key = `${ui.year}|${ui.lang}|${filter}|${ui.sources}`;
    if (!this.section('table', key)) return;
    const d = this.#d;
    // Until the first rows come, the caption says they are coming.
    if (!d.tableBody.firstChild) d.tableCaption.textContent = t.loadingTable;
    d.table.setAttribute('aria-busy', 'true');
    // table.js comes with the first rows, as only an opened table needs it.
    Promise.all([core.table(), import('./table.js')]).then(
      ([rows, { fillTable }]) => {
        if (this.#sections.table !== key) return;
        fillTable(d, t, rows, ui.year, filter);
        d.table.removeAttribute('aria-busy');
      },
      (error) => {
        if (this.#sections.table !== key) return;
        // Asked for again at the next change; rows already shown stay.
        this.#sections.table = null;
        if (!d.tableBody.firstChild) d.tableCaption.textContent = `${t.partFailed}: ${error.message || error}`;
        d.table.removeAttribute('aria-busy');
      },
    );
  }
}

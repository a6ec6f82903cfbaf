// Participation at a glance, inside the box participation-box.js adds below the legend and
// imports this module into when a reader first opens it: the core's cohort chart
// (`cohortChartSvg()`) as an image whose text alternative is the chart's own description, its
// table equivalent, and one row per province from `participation()` whose name is a button: it
// flies the map to the province and filters the data table to it (`d.tableFilter`, which view.js
// hands to fillTable). Built only while open; rebuilt on a year, language or theme change.
// No innerHTML: the image is a `data:` URL (a strict CSP's `img-src 'self' data:` allows it).

import { el, rebuildKeepingFocus } from './dom.js';
import { DOWNLOAD_TYPES, saveBlob } from './download.js';
import { fillTable } from './table.js';

/** The SVG text as a `data:` URL for an `<img>`. */
export function chartUrl(svg) {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A share 0..1 as a percentage the language writes ("37,5%" / "37.5%"). */
export function percent(share, lang) {
  const format = new Intl.NumberFormat(lang === 'en' ? 'en' : 'id', { style: 'percent', maximumFractionDigits: 1 });
  return format.format(Number.isFinite(share) ? share : 0);
}

/** The cohort table's rows as text cells: year, official, confirmed, doubtful, cumulative members. */
export function cohortCells(cohorts) {
  return cohorts.map((c) => [
    String(c.year),
    String(c.official),
    String(c.confirmed),
    String(c.doubtful),
    String(c.members),
  ]);
}

/** The province table's rows: `{province, regions, members, share}` as text, in the core's order. */
export function provinceCells(provinces, lang) {
  return provinces.map((p) => ({
    province: p.province,
    regions: String(p.regions),
    members: String(p.members),
    share: percent(p.share, lang),
  }));
}

/** The chart's file name: `peta-cerdas-partisipasi-2024-id.svg`. */
export function chartFileName(year, lang) {
  const y = Number.isInteger(year) ? `-${year}` : '';
  const l = lang === 'en' || lang === 'id' ? `-${lang}` : '';
  return `peta-cerdas-partisipasi${y}${l}.svg`;
}

export class ParticipationSection {
  #d;
  #core;
  #strings;
  #changed;
  #key = null;
  #data = null;
  #lang = 'id';
  #svg = '';
  #ui = null;

  /**
   * Fills `box` (participation-box.js's `<details>`, its summary first) for the element's DOM `d`
   * (dom.js). `core` is the MapCore, `strings()` the chrome's words, `changed()` asks the element
   * for a redraw.
   */
  constructor(box, d, core, { strings, changed }) {
    this.#d = d;
    this.#core = core;
    this.#strings = strings;
    this.#changed = changed;
    const p = (this.parts = { box });
    p.chart = el('img', { id: 'participation-chart', alt: '', width: '560', height: '320' });
    p.chart.style.maxWidth = '100%';
    p.chart.style.height = 'auto';
    p.download = el('button', { type: 'button', id: 'participation-download' });
    p.cohortCaption = el('caption');
    p.cohortHead = el('thead');
    p.cohortBody = el('tbody');
    p.cohorts = el('table', { id: 'participation-cohorts' }, p.cohortCaption, p.cohortHead, p.cohortBody);
    p.provinceCaption = el('caption');
    p.provinceHead = el('thead');
    p.provinceBody = el('tbody');
    p.provinces = el('table', { id: 'participation-provinces' }, p.provinceCaption, p.provinceHead, p.provinceBody);
    p.hint = el('p', { id: 'participation-hint', class: 'muted' });
    p.showAll = el('button', { type: 'button', id: 'participation-all', hidden: true });
    box.append(
      el('figure', {}, p.chart),
      el('p', {}, p.download),
      el('div', { class: 'table-wrap' }, p.cohorts),
      p.hint,
      el('p', {}, p.showAll),
      el('div', { class: 'table-wrap' }, p.provinces),
    );
    p.download.addEventListener('click', () => {
      if (!this.#svg) return;
      saveBlob(new Blob([this.#svg], { type: DOWNLOAD_TYPES.svg }), chartFileName(this.#data?.year, this.#lang), p.box);
    });
    p.provinceBody.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-province]');
      if (button) this.choose(button.dataset.province);
    });
    p.showAll.addEventListener('click', () => this.choose(null));
  }

  /** Redraws while open when the year, language or theme changed (or always with `force`). */
  refresh(force = false) {
    const p = this.parts;
    const ui = this.#uiNow();
    if (!ui) return;
    const t = this.#strings();
    if (!p.box.open) return;
    const key = `${ui.year}|${ui.lang}|${ui.theme}`;
    if (!force && key === this.#key) return;
    this.#key = key;
    p.download.textContent = t.participationDownload;
    // The reports come from their own wasm (fetched the first time): an answer a later change
    // overtook is dropped, and one that failed is asked for again at the next refresh.
    p.box.setAttribute('aria-busy', 'true');
    Promise.all([this.#core.participation(), this.#core.cohortChartSvg()]).then(
      ([data, svg]) => {
        if (this.#key !== key) return;
        this.#show(ui, t, data, svg);
        p.box.removeAttribute('aria-busy');
      },
      () => {
        if (this.#key === key) this.#key = null;
        p.box.removeAttribute('aria-busy');
      },
    );
  }

  /** Fills the box with the participation figures `data` and the chart `svg` of `ui`'s year. */
  #show(ui, t, data, svg) {
    const p = this.parts;
    this.#lang = ui.lang;
    this.#data = data;
    this.#svg = svg || '';
    if (!data) return;
    p.chart.alt = data.description;
    p.chart.src = chartUrl(this.#svg);
    p.cohortCaption.textContent = data.title;
    p.cohortHead.replaceChildren(
      el('tr', {}, ...t.participationColumns.map((c) => el('th', { scope: 'col', text: c }))),
    );
    p.cohortBody.replaceChildren(
      ...cohortCells(data.cohorts).map(([year, ...rest]) =>
        el('tr', {}, el('th', { scope: 'row', text: year }), ...rest.map((text) => el('td', { text }))),
      ),
    );
    p.provinceCaption.textContent = t.provinceCaption(data.year);
    p.provinceHead.replaceChildren(el('tr', {}, ...t.provinceColumns.map((c) => el('th', { scope: 'col', text: c }))));
    rebuildKeepingFocus(p.provinceBody, 'province', () => this.#fillProvinces(ui, data));
    p.hint.textContent = t.provinceHint;
    p.showAll.textContent = t.showAllProvinces;
    p.showAll.hidden = !this.#d.tableFilter;
  }

  /** One row per province of `data`, its name a button that chooses it. */
  #fillProvinces(ui, data) {
    this.parts.provinceBody.replaceChildren(
      ...provinceCells(data.provinces, ui.lang).map((row) =>
        el(
          'tr',
          {},
          el(
            'th',
            { scope: 'row' },
            el('button', {
              type: 'button',
              'data-province': row.province,
              'aria-pressed': String(this.#d.tableFilter === row.province),
              text: row.province,
            }),
          ),
          el('td', { text: row.regions }),
          el('td', { text: row.members }),
          el('td', { text: row.share }),
        ),
      ),
    );
  }

  /** Flies to a province and filters the data table to it; `null` shows every province again. */
  choose(province) {
    const d = this.#d;
    const previous = d.tableFilter;
    d.tableFilter = province || null;
    if (province) this.#core.fitProvince(province);
    const showAll = this.parts.showAll;
    // "Show all" hides itself: the focus goes back to the province it undid.
    const refocus = !d.tableFilter && showAll.getRootNode().activeElement === showAll;
    showAll.hidden = !d.tableFilter;
    for (const button of this.parts.provinceBody.querySelectorAll('button[data-province]')) {
      button.setAttribute('aria-pressed', String(button.dataset.province === d.tableFilter));
      if (refocus && button.dataset.province === previous) button.focus();
    }
    const ui = this.#uiNow();
    // An open table refills (unless another choice came first); a closed one opens, and its
    // toggle fills it (view.js reads the filter).
    if (d.tableBox.open && ui) {
      const filter = d.tableFilter;
      this.#core.table().then(
        (rows) => {
          if (d.tableFilter === filter) fillTable(d, this.#strings(), rows, ui.year, filter);
        },
        // The table keeps its rows; the next change of year or language asks again.
        () => {},
      );
    } else if (province) d.tableBox.open = true;
    this.#changed();
  }

  /** The latest `ui()` answer, as the element hears it after each refresh: redraws if need be (always with `force`). */
  update(ui, force = false) {
    this.#ui = ui;
    this.refresh(force);
  }

  #uiNow() {
    return this.#core.attached ? this.#ui : null;
  }
}

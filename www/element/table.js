// The data table (`#table` in `details#table-box`): one row per member region by the current
// year, from the core's `table()` rows `{index, code, name, province, years, confidences, flagged,
// pillars, sources}`, or from the pre-rendered `table-<lang>.json` in the fallback. The view model is
// pure (rows of text and safe links); fillTable writes it into the DOM.

import { el, safeHref, sourceLink } from './dom.js';

/** The links of a row's source URLs, numbered by position (`sumber 1`, …); unsafe URLs are left out. */
export function sourceLinks(urls, t) {
  const links = [];
  urls.forEach((url, i) => {
    const href = safeHref(url);
    if (href) links.push({ href, text: `${t.source} ${i + 1}` });
  });
  return links;
}

/**
 * A row's years, each one the sources doubt followed by how: "2017, 2018 (sumber bertentangan)",
 * as the legend and the panel say it.
 */
export function yearsText(row, t) {
  return row.years
    .map((year, i) => {
      const confidence = row.confidences?.[i];
      return confidence && confidence !== 'confirmed'
        ? `${year} (${t.confidence[confidence] ?? confidence})`
        : `${year}`;
    })
    .join(', ');
}

/** One table row as text: `{name, province, years, pillars, sources: [{href, text}]}`. */
export function tableRow(row, t) {
  return {
    name: row.name,
    province: row.province,
    years: yearsText(row, t),
    pillars: row.pillars.join(', '),
    sources: sourceLinks(row.sources, t),
  };
}

/** The latest year any row joined in, or '' without rows (the fallback table's caption year). */
export function latestYear(rows) {
  const years = rows.flatMap((row) => row.years);
  return years.length ? Math.max(...years) : '';
}

/** Writes the column headings in the strings' language. */
function fillTableHead(d, t) {
  d.tableHead.replaceChildren(el('tr', {}, ...t.columns.map((c) => el('th', { scope: 'col', text: c }))));
}

/** Table rows of one province only (`null`: every row). */
export function filterRows(rows, province) {
  return province ? rows.filter((row) => row.province === province) : rows;
}

/** Writes the headings, the caption and one row per region (of `province` only, when one is given). */
export function fillTable(d, t, allRows, year, province = null) {
  fillTableHead(d, t);
  const rows = filterRows(allRows, province);
  const caption = t.tableCaption(year, rows.length);
  d.tableCaption.textContent = province ? `${caption} (${province})` : caption;
  d.tableBody.replaceChildren(
    ...rows.map((row) => {
      const r = tableRow(row, t);
      const links = r.sources.flatMap((link, i) =>
        i ? [' ', sourceLink(link.href, link.text)] : [sourceLink(link.href, link.text)],
      );
      return el(
        'tr',
        {},
        el('th', { scope: 'row', text: r.name }),
        el('td', { text: r.province }),
        el('td', { text: r.years }),
        el('td', { text: r.pillars }),
        el('td', {}, ...links),
      );
    }),
  );
}

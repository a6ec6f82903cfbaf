// DOM helpers and the shadow DOM of <peta-cerdas>: every node is made with createElement and
// filled with textContent or attributes (no innerHTML). The ids are the stable ones docs/element.md
// lists; the tests and the pages rely on them.

import { LANGS } from './contract.js';
import { LANGUAGE_NAMES } from './strings.js';

/**
 * Makes an element. `props`: `text` sets textContent, `class` the class name, anything else an
 * attribute (`true` as an empty attribute; `undefined`, `null` and `false` are left out).
 */
export function el(tag, props = {}, ...children) {
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

/**
 * Runs `rebuild()`, which replaces what `container` holds, and gives the focus back to the new
 * element whose `data-<name>` (`name` in dataset form) matches the one that had it: a list
 * redrawn under a keyboard reader must not drop them back to the start of the page.
 */
export function rebuildKeepingFocus(container, name, rebuild) {
  const focused = container.getRootNode().activeElement;
  const value = focused && container.contains(focused) ? focused.dataset[name] : undefined;
  rebuild();
  if (value === undefined) return;
  for (const node of container.querySelectorAll('[data-' + name + ']')) {
    if (node.dataset[name] === value) return node.focus();
  }
}

/** `url` when it is an absolute http(s) URL (normalised), else null: data never makes a javascript: link. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to a source, opened in a new tab without handing it this page (`href` from safeHref). */
export function sourceLink(href, text) {
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer', text });
}

/**
 * Builds the element's DOM (`t`: the strings of the `lang` attribute at build time) and returns
 * its parts by name; `root` is the node to append to the shadow root.
 */
export function buildDom(t) {
  const id = (tag, name, props = {}, ...children) => el(tag, { id: name, ...props }, ...children);
  const d = {};
  d.title = id('h2', 'title', { text: t.title });
  d.subtitle = id('p', 'subtitle', { class: 'subtitle' });
  d.header = el('header', {}, d.title, d.subtitle);
  d.summary = id('p', 'summary', { class: 'sr-only', 'aria-live': 'polite' });
  d.announce = id('div', 'announce', { class: 'sr-only', 'aria-live': 'assertive' });
  d.help = id('p', 'help', { class: 'sr-only' });

  d.yearLabel = el('label', { for: 'year' });
  d.year = id('input', 'year', { type: 'range', min: '0', max: '0', step: '1', value: '0' });
  // An <output> is a live region of its own; the summary already announces the year.
  d.yearValue = id('output', 'year-value', { for: 'year', 'aria-live': 'off' });
  // Its label says what it does (Play, then Pause): a toggle that changes its label is no pressed button.
  d.play = id('button', 'play', { type: 'button' });
  d.modeLabel = el('label', { for: 'mode' });
  d.mode = id('select', 'mode');
  d.pillarLabel = el('label', { for: 'pillar' });
  d.pillar = id('select', 'pillar');
  d.pillarField = el('span', { class: 'field', hidden: true }, d.pillarLabel, d.pillar);
  d.searchLabel = el('label', { for: 'search' });
  d.searchResults = id('ul', 'search-results', { role: 'listbox', class: 'results', hidden: true });
  // How many hits the list holds (or none), said politely as the reader types: the list itself is silent.
  d.searchStatus = id('p', 'search-status', { role: 'status', class: 'sr-only' });
  d.search = id('input', 'search', {
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
  });
  d.langLabel = el('label', { for: 'lang' });
  d.lang = id('select', 'lang', {}, ...LANGS.map((lang) => el('option', { value: lang, text: LANGUAGE_NAMES[lang] })));
  d.downloadLabel = el('span', { id: 'download-label', class: 'label' });
  d.downloadCsv = id('button', 'download-csv', { type: 'button', text: 'CSV' });
  d.downloadPng = id('button', 'download-png', { type: 'button', text: 'PNG' });
  d.downloadSvg = id('button', 'download-svg', { type: 'button', text: 'SVG' });
  d.controls = el(
    'div',
    { class: 'toolbar' },
    el('span', { class: 'field' }, d.yearLabel, d.year, d.yearValue, d.play),
    el('span', { class: 'field' }, d.modeLabel, d.mode),
    d.pillarField,
    el('span', { class: 'field search' }, d.searchLabel, d.search, d.searchResults, d.searchStatus),
    el('span', { class: 'field' }, d.langLabel, d.lang),
    el(
      'span',
      { class: 'field downloads', role: 'group', 'aria-labelledby': 'download-label' },
      d.downloadLabel,
      d.downloadCsv,
      d.downloadPng,
      d.downloadSvg,
    ),
  );

  d.canvas = id('canvas', 'map', { tabindex: '0', role: 'application', 'aria-describedby': 'summary help' });
  d.zoomIn = id('button', 'zoom-in', { type: 'button', text: '+' });
  d.zoomOut = id('button', 'zoom-out', { type: 'button', text: '−' });
  d.reset = id('button', 'reset', { type: 'button', text: '⟲' });
  d.tooltip = id('div', 'tooltip', { role: 'tooltip', class: 'tooltip', hidden: true });
  d.hint = id('div', 'hint', { class: 'hint', hidden: true });
  d.message = id('div', 'message', { role: 'alert', class: 'message', hidden: true });
  d.loading = el('div', { class: 'loading', text: t.loading });
  d.panelTitle = id('h3', 'panel-title');
  d.panelClose = id('button', 'panel-close', { type: 'button', class: 'close' });
  d.panelProvince = id('p', 'panel-province');
  d.panelDescription = id('p', 'panel-description', { class: 'muted' });
  // Each list under a heading of its own, by which a screen reader moves through the panel.
  d.panelMembershipsTitle = el('h4', { text: t.memberships });
  d.panelMemberships = id('ul', 'panel-memberships');
  d.panelPillarsTitle = el('h4', { text: t.pillars });
  d.panelPillars = id('ul', 'panel-pillars');
  d.panelEvidenceTitle = el('h4', { text: t.evidence });
  d.panelCitations = id('ul', 'panel-citations');
  d.panel = id(
    'section',
    'panel',
    { class: 'panel', hidden: true, 'aria-labelledby': 'panel-title' },
    d.panelTitle,
    d.panelClose,
    d.panelProvince,
    d.panelDescription,
    d.panelMembershipsTitle,
    d.panelMemberships,
    d.panelPillarsTitle,
    d.panelPillars,
    d.panelEvidenceTitle,
    d.panelCitations,
  );
  // The zoom buttons float over the map's top-right corner (sea) on wide maps and sit in a row
  // under it on narrow ones, where every corner of the map is land (styles.js). The panel lies
  // over the map's left on wide maps and is a sheet below it on narrow ones.
  d.zoom = el('div', { class: 'zoom' }, d.zoomIn, d.zoomOut, d.reset);
  d.stage = el('div', { class: 'stage' }, d.canvas, d.tooltip, d.hint, d.loading);

  d.legendTitle = el('p', { class: 'legend-title', id: 'legend-title' });
  d.legend = id('ul', 'legend', { class: 'legend', 'aria-labelledby': 'legend-title' });
  d.legendHint = el('p', { class: 'sr-only' });
  d.identifiedTitle = el('p', { class: 'sr-only', id: 'identified-title' });
  d.identified = id('ul', 'identified', { class: 'identified', 'aria-labelledby': 'identified-title' });
  d.attribution = id('p', 'attribution', { class: 'attribution' });
  d.legendBox = el('div', { class: 'legend-box' }, d.legendTitle, d.legend, d.legendHint);

  d.tableCaption = el('caption');
  d.tableHead = el('thead');
  d.tableBody = el('tbody');
  d.table = id('table', 'table', {}, d.tableCaption, d.tableHead, d.tableBody);
  d.tableSummary = el('summary', { text: t.table });
  d.tableBox = id('details', 'table-box', {}, d.tableSummary, el('div', { class: 'table-wrap' }, d.table));

  d.fallbackImg = id('img', 'fallback-img', { alt: '' });
  d.fallback = id('div', 'fallback', { class: 'fallback', hidden: true }, d.fallbackImg);

  d.root = id(
    'div',
    'root',
    { class: 'root' },
    d.header,
    d.controls,
    d.message,
    el('div', { class: 'map-box' }, d.stage, d.zoom, d.panel),
    d.fallback,
    d.legendBox,
    d.identifiedTitle,
    d.identified,
    d.summary,
    d.announce,
    d.help,
    d.tableBox,
    d.attribution,
  );
  return d;
}

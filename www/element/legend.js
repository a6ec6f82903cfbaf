// The legend (`#legend`): one entry per class with its swatch, label and count; entries with a key
// are toggle buttons (pressed = shown) that hide or show their class; the repeat hatching and the
// dashed outline of doubtful listings are overlays, not classes, and do not toggle. Below it, the identified-per-cohort list (`#identified`).

import { el, rebuildKeepingFocus } from './dom.js';

/**
 * The legend's entries from `ui().legend.entries`: `{key, label, count, fill, hatched, dashed, pressed}`,
 * `count` as shown ("(26)"), `key` null for an entry that does not toggle.
 */
export function legendItems(entries) {
  return entries.map((entry) => ({
    key: entry.key || null,
    label: entry.label,
    count: `(${entry.count})`,
    fill: entry.fill,
    hatched: Boolean(entry.hatched),
    dashed: Boolean(entry.dashed),
    pressed: !entry.hidden,
  }));
}

/** Writes the legend `{title, entries}`. The swatch colour is set through the CSSOM (CSP-safe). */
export function renderLegend(d, legend) {
  d.legendTitle.textContent = legend.title;
  rebuildKeepingFocus(d.legend, 'key', () => fillLegend(d.legend, legend.entries));
}

function fillLegend(list, entries) {
  list.replaceChildren(
    ...legendItems(entries).map((item) => {
      const kind = item.hatched ? ' hatched' : item.dashed ? ' dashed' : '';
      const swatch = el('span', { class: `swatch${kind}`, 'aria-hidden': 'true' });
      swatch.style.backgroundColor = item.fill;
      const content = [swatch, el('span', { text: item.label }), el('span', { class: 'count', text: item.count })];
      if (!item.key) return el('li', {}, el('span', { class: 'static' }, ...content));
      return el(
        'li',
        {},
        el('button', { type: 'button', 'data-key': item.key, 'aria-pressed': String(item.pressed) }, ...content),
      );
    }),
  );
}

/** Writes the identified-per-cohort lines (`ui().identified[].text`). */
export function renderIdentified(d, identified) {
  d.identified.replaceChildren(...identified.map((row) => el('li', { text: row.text })));
}

/** Clicks on a legend button toggle its class: `toggle(key)`. */
export function attachLegend(d, toggle) {
  d.legend.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-key]');
    if (button) toggle(button.dataset.key);
  });
}

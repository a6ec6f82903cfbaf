// The region search: an ARIA 1.2 combobox (`#search`) with a listbox of hits (`#search-results`).
// Typing asks the core for up to SEARCH_LIMIT typo-tolerant hits, the first one active; ↓/↑ move
// the active option (wrapping), Enter or a click flies to and selects it, Escape or leaving the
// box closes the list. A status (`#search-status`) says how many hits there are, or none.

import { el } from './dom.js';

/** Hits shown at most. */
export const SEARCH_LIMIT = 8;

/** The option id of a hit (what aria-activedescendant points at). */
export function optionId(index) {
  return `opt-${index}`;
}

/** The options for `hits` `{index, name, province}`: `{id, index, text, selected}`, the first one selected. */
export function searchOptions(hits) {
  return hits.map((hit, i) => ({
    id: optionId(hit.index),
    index: hit.index,
    text: `${hit.name}, ${hit.province}`,
    selected: i === 0,
  }));
}

/**
 * The option ↓ (`ArrowDown`) or ↑ makes active, from the active one (`current`, -1 when none) of
 * `count` options: wraps at both ends; ↑ with none active goes to the last but one.
 */
export function nextOption(current, count, key) {
  return (current + (key === 'ArrowDown' ? 1 : -1) + count) % count;
}

/**
 * Wires the combobox. `d`: the element's DOM parts; `map` gives `core` (null before the map
 * loads), `strings()`, `announceSelection(info)` and `changed()`.
 */
export function attachSearch(d, map) {
  const close = () => {
    d.searchResults.hidden = true;
    d.search.setAttribute('aria-expanded', 'false');
    d.search.removeAttribute('aria-activedescendant');
    d.searchStatus.textContent = '';
  };

  const open = () => {
    const query = d.search.value.trim();
    if (!query || !map.core) return close();
    const options = searchOptions(map.core.search(query, SEARCH_LIMIT));
    const t = map.strings();
    d.searchResults.replaceChildren(
      ...(options.length
        ? options.map((o) =>
            el('li', { role: 'option', id: o.id, 'data-index': o.index, 'aria-selected': String(o.selected) }, o.text),
          )
        : [el('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', text: t.noHits })]),
    );
    d.searchResults.hidden = false;
    d.search.setAttribute('aria-expanded', 'true');
    if (options.length) d.search.setAttribute('aria-activedescendant', options[0].id);
    else d.search.removeAttribute('aria-activedescendant');
    d.searchStatus.textContent = options.length ? t.hits(options.length) : t.noHits;
  };

  const choose = (index) => {
    const core = map.core;
    core.flyTo(index);
    core.selectIndex(index);
    const info = core.regionInfo(index);
    if (info) {
      d.search.value = info.name;
      map.announceSelection(info);
    }
    close();
    map.changed();
  };

  const onKey = (event) => {
    const options = [...d.searchResults.querySelectorAll('li[data-index]')];
    const current = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length) {
      event.preventDefault();
      const next = nextOption(current, options.length, event.key);
      options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
      d.search.setAttribute('aria-activedescendant', options[next].id);
      options[next].scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (d.searchResults.hidden) open();
      const chosen = options[Math.max(current, 0)] ?? d.searchResults.querySelector('li[data-index]');
      if (chosen) choose(Number(chosen.dataset.index));
    } else if (event.key === 'Escape') {
      close();
    }
  };

  d.search.addEventListener('input', open);
  d.search.addEventListener('keydown', onKey);
  d.searchResults.addEventListener('click', (event) => {
    const option = event.target.closest('li[data-index]');
    if (option) choose(Number(option.dataset.index));
  });
  d.search.addEventListener('blur', () => setTimeout(close, 150));
}

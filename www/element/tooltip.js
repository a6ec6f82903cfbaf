// The hover tooltip (`#tooltip`): the region under the pointer with its province, the indicator's
// value, the cohort years and the pillars, kept inside the map's stage beside the pointer.

import { el } from './dom.js';

/** The tooltip's text for `info` (a regionInfo answer): `{name, province, lines}`, empty lines left out. */
export function tooltipModel(info) {
  const years = info.memberships.map((m) => m.year).join(', ');
  const pillars = info.pillars.map((p) => p.label).join(', ');
  return {
    name: info.name,
    province: info.province,
    lines: [info.value ? `${info.value.label}: ${info.value.text}` : '', years, pillars].filter(Boolean),
  };
}

/**
 * Where the tooltip's top-left corner goes for a pointer at x/y: 14 px below and right of it,
 * kept 4 px inside the stage (`{width, height}`) for a box of `{width, height}`; CSS px.
 */
export function tooltipPosition(x, y, stage, box) {
  return {
    left: Math.max(4, Math.min(x + 14, stage.width - box.width - 4)),
    top: Math.max(4, Math.min(y + 14, stage.height - box.height - 4)),
  };
}

/** The tooltip node: rebuilt only when the region or the language changes; moves only reposition. */
export class Tooltip {
  #d;
  #key = '';

  constructor(d) {
    this.#d = d;
  }

  /** Shows region `index` (null hides) for a pointer at x/y; `info(index)` answers regionInfo. */
  show(index, x, y, lang, info) {
    const node = this.#d.tooltip;
    if (index === null) {
      node.hidden = true;
      this.#key = '';
      return;
    }
    const key = `${index}|${lang}`;
    if (key !== this.#key) {
      const region = info(index);
      if (!region) return;
      const model = tooltipModel(region);
      node.replaceChildren(
        el('strong', { text: model.name }),
        el('span', { text: model.province }),
        ...model.lines.flatMap((line) => [el('br'), el('span', { text: line })]),
      );
      this.#key = key;
    }
    node.hidden = false;
    const stage = this.#d.stage.getBoundingClientRect();
    const box = node.getBoundingClientRect();
    const { left, top } = tooltipPosition(x, y, stage, box);
    node.style.left = `${left}px`;
    node.style.top = `${top}px`;
  }

  hide() {
    this.#d.tooltip.hidden = true;
  }

  get hidden() {
    return this.#d.tooltip.hidden;
  }
}

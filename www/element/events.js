// The element's events, dispatched from the element itself (bubbling, composed): `ready` at the
// first draw, `region-select` when the selection changes (`null` fields when it is cleared),
// `year-change` when the year does (not at the first draw), and `error` with a sentence.

export class Events {
  #target;
  #selected = null;
  #year = null;

  constructor(target) {
    this.#target = target;
  }

  emit(type, detail) {
    this.#target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  error(message) {
    this.emit('error', { message });
  }

  /** After a refresh of the controls: the events for what changed; `regionInfo(index)` names a region. */
  refreshed(ui, regionInfo) {
    if (ui.selected !== this.#selected) {
      this.#selected = ui.selected;
      const info = ui.selected === null ? null : regionInfo(ui.selected);
      this.emit('region-select', {
        code: info?.code ?? null,
        name: info?.name ?? null,
        province: info?.province ?? null,
      });
    }
    if (ui.year !== this.#year) {
      const initial = this.#year === null;
      this.#year = ui.year;
      if (!initial) this.emit('year-change', { year: ui.year });
    }
  }
}

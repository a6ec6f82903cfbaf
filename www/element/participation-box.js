// The participation box (`details#participation-box`, below the legend) as the element starts:
// its summary only. What it shows (participation.js: the cohort chart and two tables, from the
// reports' own wasm) is imported the first time a reader opens it, so that a reader who never
// does downloads neither.

import { el } from './dom.js';

export class ParticipationBox {
  #ui = null;
  /** The participation.js section, once a first opening imported it. */
  #section = null;
  /** The import under way, so that opening the box again does not start another. */
  #importing = null;

  /**
   * Adds the box after the identified-per-cohort list of `d` (dom.js). `core` is the MapCore,
   * `strings()` the chrome's words, `changed()` asks the element for a redraw, `failed(message)`
   * reports that what the box shows could not be imported.
   */
  constructor(d, core, { strings, changed, failed }) {
    this.summary = el('summary', { text: strings().participation });
    /** Why the box is empty, when its import failed. */
    this.status = el('p', { class: 'muted', hidden: true });
    this.box = el('details', { id: 'participation-box' }, this.summary, this.status);
    d.identified.after(this.box);
    d.participationBox = this.box;
    d.participationSummary = this.summary;
    this.box.addEventListener('toggle', () => {
      if (!this.box.open) return;
      if (this.#section) {
        this.#section.update(this.#ui, true);
        return;
      }
      if (this.#importing) return;
      this.#importing = import('./participation.js')
        .then(({ ParticipationSection }) => new ParticipationSection(this.box, d, core, { strings, changed }))
        .then(
          (section) => {
            this.#section = section;
            this.status.hidden = true;
            section.update(this.#ui, true);
          },
          // Asked for again at the next opening.
          (error) => {
            this.#importing = null;
            this.status.textContent = `${strings().partFailed}: ${error.message || error}`;
            this.status.hidden = false;
            failed(this.status.textContent);
          },
        );
    });
  }

  /** The latest `ui()` answer, as the element hears it after each refresh. */
  update(ui) {
    this.#ui = ui;
    this.#section?.update(ui);
  }
}

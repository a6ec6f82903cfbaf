// The element's shadow DOM with every room wired to the core, and the frame loop: a change asks
// for one animation frame, which draws the canvas and, unless only the hover moved, writes the
// new `ui()` answer into the DOM. The view itself (centre, zoom) is not part of `ui()`, so a pan
// or a zoom changes no control; `onSettled` hears of it all the same (the URL hash carries it).

import { attachControls, localise, modeOptions, Player, showMode } from './controls.js';
import { PILLAR_KEYS } from './contract.js';
import { buildDom, el } from './dom.js';
import { attachGestures, Hint } from './gestures.js';
import { attachKeyboard } from './keyboard.js';
import { attachLegend } from './legend.js';
import { revealSelection } from './reveal.js';
import { attachSearch } from './search.js';
import { STRINGS } from './strings.js';
import { adoptStyles } from './styles.js';
import { Tooltip } from './tooltip.js';
import { View } from './view.js';

export class Shell {
  /** The DOM parts by name (dom.js). */
  d;
  #core;
  #strings;
  #onRefresh;
  #onSettled;
  #onDrawn;
  #ui = null;
  #view;
  #tooltip;
  #player;
  #frame = 0;
  #controlsStale = false;
  #selected = null;
  #drawn = false;
  /**
   * Controls changed before the map could act on them: per control its last value and every type
   * of event it fired (a slider's tap fires `input`, which the slider acts on, then `change`),
   * replayed at the first draw.
   */
  #early = new Map();
  /** The preview has been on screen: a tap on it is one on the map (see `tappedEarly`). */
  #previewShown = false;
  /** The last tap on the preview before the map ran (canvas px), answered at the first draw. */
  #earlyTap = null;
  #onEarlyYear;
  /** Where the last click landed (canvas px): the selected region's point when it selected one. */
  #clickPoint = null;
  /** Where the mouse hovers (canvas px), or null: what lies there is hovered again when the view moves. */
  #hoverPoint = null;
  /** The core's `viewMoves` at the last frame. */
  #viewMovesDrawn = 0;
  /** The core's sources file loads this shell waits on, so that each is heard once. */
  #sourceLoadsHeard = new WeakSet();
  #onSourcesFailed;

  /**
   * Builds the DOM into `shadow` in the language of `strings()` and wires it to `core` (a
   * MapCore). `onRefresh(ui, firstDraw)` runs after each new `ui()` answer has been written,
   * `onSettled()` after every frame that followed a change other than a hover, `onDrawn()` after
   * every frame, `onEarlyYear(year)` when the year slider moves before the map has loaded,
   * `onSourcesFailed(error)` when the programme's sources, which a panel or the table shows, cannot
   * be had.
   */
  constructor(
    shadow,
    core,
    { strings, onRefresh, onSettled, onDrawn = () => {}, onEarlyYear = () => {}, onSourcesFailed = () => {} },
  ) {
    this.#core = core;
    this.#onSourcesFailed = onSourcesFailed;
    this.#onEarlyYear = onEarlyYear;
    this.#strings = strings;
    this.#onRefresh = onRefresh;
    this.#onSettled = onSettled;
    this.#onDrawn = onDrawn;
    adoptStyles(shadow);
    const d = (this.d = buildDom(strings()));
    this.setState('loading');
    shadow.append(d.root);
    // The chrome's words and the mode options from the first paint, so that the toolbar has its
    // final size before the map loads (no layout shift when it does).
    const t = strings();
    localise(d, t, Object.keys(STRINGS).find((lang) => STRINGS[lang] === t) ?? 'id', false);
    d.mode.replaceChildren(...modeOptions(t, null).map((o) => el('option', o)));

    // What the rooms may ask of the map.
    const hint = new Hint(d.hint);
    const map = {
      get core() {
        return core.attached ? core : null;
      },
      changed: (controls = true) => this.changed(controls),
      strings,
      ui: () => this.#ui,
      years: () => this.#ui?.years,
      setYear: (year) => this.setYear(year),
      center: () => {
        const r = d.canvas.getBoundingClientRect();
        return [r.width / 2, r.height / 2];
      },
      announce: (info) => {
        if (info) d.announce.textContent = info.description;
      },
      // A selection is said in other words than the focus on that region was, which a screen
      // reader would not read again, and says that the panel opened.
      announceSelection: (info) => {
        if (info) d.announce.textContent = strings().selected(info.name);
      },
      showTooltip: (index, x, y) => this.#showTooltip(index, x, y),
      hideTooltip: () => {
        this.#hoverPoint = null;
        this.#tooltip.hide();
      },
      hint: (text) => hint.show(text),
      clicked: (x, y) => {
        this.#clickPoint = { x, y };
      },
      // A tap on the preview starts a lazy map; the map answers it once it draws, as if it had
      // been running (the preview shows the view it starts in).
      tappedEarly: (x, y) => {
        if (this.#previewShown) this.#earlyTap = { x, y };
      },
    };
    this.#player = map.player = new Player(d.play, map);
    this.#tooltip = new Tooltip(d);
    this.#view = new View(d);

    attachGestures(d.canvas, map);
    attachKeyboard(d.canvas, map);
    d.canvas.addEventListener('blur', () => {
      if (core.focused() !== null) this.changed();
    });
    attachControls(d, map);
    attachLegend(d, (key) => {
      if (!map.core) return;
      core.toggleClass(key);
      this.changed();
    });
    attachSearch(d, map);
    for (const type of ['input', 'change']) {
      d.root.addEventListener(type, (event) => {
        const control = event.composedPath()[0];
        if (core.attached) return;
        const types = this.#early.get(control)?.types ?? new Set();
        this.#early.set(control, { types: types.add(type), value: control.value });
      });
    }
    d.tableBox.addEventListener('toggle', () => {
      if (!this.#ui || !core.attached) return;
      // An open table shows every province's sources: a ui() that says whether they are in (and
      // fetches those that are not), then the table, unless that answer already filled it.
      this.#refresh();
      this.#view.table(this.#ui, strings(), core);
    });
  }

  /** The latest `ui()` answer (null before the first draw). */
  get ui() {
    return this.#ui;
  }

  /**
   * Something changed: draw on the next frame, and refresh the controls unless only the hover
   * moved (the tooltip follows the pointer by itself; `ui()` builds a whole scene).
   */
  changed(controls = true) {
    this.#controlsStale ||= controls;
    if (this.#frame || !this.#core.attached || this.#core.dead) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#core.dead) return;
      this.#hoverAfterMove();
      // A pan or zoom shows the map's bitmap moved until it settles: ask for frames until then.
      if (this.#core.renderFrame(performance.now())) this.changed(false);
      if (this.#controlsStale) {
        this.#controlsStale = false;
        this.#refresh();
      }
      this.#onDrawn();
    });
  }

  /** Stops the frame loop and play (the element left the document, or the map died). */
  stop() {
    this.#player.stop();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Stops playing through the years. */
  stopPlaying() {
    this.#player.stop();
  }

  /**
   * Sizes the map to the canvas's own CSS box (the stage inside its border, fractional as laid
   * out), so that its bitmap is that box in device pixels and is shown unscaled.
   */
  resize() {
    if (!this.#core.attached) return;
    const { width, height } = this.d.canvas.getBoundingClientRect();
    if (width < 1 || height < 1) return;
    this.#core.setSize(width, height, window.devicePixelRatio || 1);
    this.changed();
  }

  setYear(year) {
    if (!this.#core.attached) return this.#onEarlyYear(year);
    this.#core.setYear(year);
    // The ui refresh happens on the next frame; keep the play loop's view of the year current.
    if (this.#ui) this.#ui = { ...this.#ui, year };
    this.changed();
  }

  /** Shows the controls of a `ui` answer that came before the map (the prerendered preview's). */
  showPreview(ui) {
    this.#previewShown = true;
    this.#ui = ui;
    this.#view.render(ui, this.#strings(), this.#core, this.#tooltip, false);
  }

  /**
   * The mode and pillar the attributes ask for (`showMode`), until the map answers with its own,
   * so that nothing moves when the map arrives. Unknown values show as the defaults.
   */
  expectMode(mode, pillar) {
    showMode(this.d, mode === 'pillar' ? 'pillar' : 'cohort', PILLAR_KEYS.includes(pillar) ? pillar : 'count');
  }

  /**
   * `loading` | `preview` | `ready` | `fallback` | `error` on the root (`data-state`). `busy`: the
   * interactive map is loading for the reader, which the loading line over the stage shows and
   * `aria-busy` on it tells: with nothing on screen yet, or over the preview they reached for.
   */
  setState(state, busy = state === 'loading') {
    this.d.root.dataset.state = state;
    this.d.loading.hidden = !busy;
    if (busy) this.d.stage.setAttribute('aria-busy', 'true');
    else this.d.stage.removeAttribute('aria-busy');
  }

  /** The alert over the map (null hides it). */
  showMessage(text) {
    if (text !== null) this.d.message.textContent = text;
    this.d.message.hidden = text === null;
  }

  /** The tooltip of region `index` (null hides it) for a pointer hovering at x/y. */
  #showTooltip(index, x, y) {
    this.#hoverPoint = { x, y };
    this.#tooltip.show(index, x, y, this.#ui?.lang, (i) => this.#core.regionInfo(i));
  }

  /**
   * The view moved under a pointer that stayed still (keys, the search, the zoom buttons, a link):
   * the hover and its tooltip go to what lies under the pointer now, as a pointer move would.
   */
  #hoverAfterMove() {
    const moves = this.#core.viewMoves;
    if (moves === this.#viewMovesDrawn) return;
    this.#viewMovesDrawn = moves;
    const point = this.#hoverPoint;
    if (point) this.#showTooltip(this.#core.pointerMove(point.x, point.y), point.x, point.y);
  }

  /** What a reader did to the controls and the last tap on the map while only the preview was up, now that the map can act on it. */
  #replayEarly() {
    const early = [...this.#early];
    this.#early.clear();
    for (const [control, { types, value }] of early) {
      control.value = value;
      for (const type of types) control.dispatchEvent(new Event(type, { bubbles: true }));
    }
    const tap = this.#earlyTap;
    this.#earlyTap = null;
    if (tap) {
      this.#core.clickAt(tap.x, tap.y);
      this.#clickPoint = tap;
      this.changed();
    }
  }

  /**
   * The source links, notes and quotes come with the panel or table that shows them, a province's
   * at a time (`ui.sources` says whether the view's are in); the controls are written again as
   * each file comes in.
   */
  #sourcesIfShown(ui) {
    if (ui.sources) return;
    for (const load of this.#core.sourceLoads()) {
      if (this.#sourceLoadsHeard.has(load)) continue;
      this.#sourceLoadsHeard.add(load);
      load.then(
        (added) => added && this.changed(),
        (error) => this.#onSourcesFailed(error),
      );
    }
  }

  #refresh() {
    // The core knows whether the table shows (it wants every province's sources then), however
    // the table opened: by the reader, or before the map loaded.
    this.#core.setTableOpen(this.d.tableBox.open);
    const ui = this.#core.changedUi();
    if (ui) {
      const firstDraw = !this.#drawn;
      this.#drawn = true;
      this.#ui = ui;
      this.#view.render(ui, this.#strings(), this.#core, this.#tooltip, this.#player.playing);
      if (ui.selected !== this.#selected) {
        this.#selected = ui.selected;
        // The panel must not hide what was selected: pan it out from under the panel.
        if (revealSelection(this.d, this.#core, ui.selected, this.#clickPoint)) this.changed(false);
      }
      this.#clickPoint = null;
      this.#sourcesIfShown(ui);
      this.#onRefresh(ui, firstDraw);
      if (firstDraw) this.#replayEarly();
    }
    this.#onSettled();
  }
}

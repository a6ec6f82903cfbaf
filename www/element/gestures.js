// Pointer, wheel and double-click gestures on the map canvas, one handler per interaction (as
// MapLibre's src/ui/handler/*): each says in its doc comment what it does.
//
// The map never hijacks the page's scrolling (cooperative gestures): the wheel alone scrolls the
// page and Ctrl/⌘ + wheel zooms; one finger scrolls the page and two fingers pan and zoom. When a
// gesture goes to the page, a hint says how to move the map instead.
//
// Every handler talks to the map through `map`: `core` (a MapCore, or null before the map loads),
// `changed(controls = true)` (redraw; false when only the hover moved), `showTooltip(index, x, y)`,
// `hideTooltip()`, `hint(text)` and `strings()` (the chrome's words in the current language).

/** A mouse press that moves further than this (CSS px) is a drag, not a click. */
export const DRAG_THRESHOLD_PX = 4;
/** A finger that moves further than this is scrolling the page: show the two-finger hint. */
export const TOUCH_SCROLL_PX = 10;
/** How long the cooperative-gesture hint stays up. */
export const HINT_MS = 1800;

/** The distance between two points `[x, y]`. */
export function distance(a, b) {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Two fingers at `a` and `b`: their spread and midpoint. */
export function pinchState(a, b) {
  return { distance: distance(a, b), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
}

/**
 * From one two-finger state to the next: pan by the midpoint's move, then zoom about the new
 * midpoint by the ratio of the spreads (`factor` null when the fingers started on one spot).
 */
export function pinchStep(previous, next) {
  return {
    dx: next.mid[0] - previous.mid[0],
    dy: next.mid[1] - previous.mid[1],
    factor: previous.distance > 0 ? next.distance / previous.distance : null,
  };
}

/** The zoom factor of one wheel event: lines (deltaMode 1) count as 16 px; down zooms out. */
export function wheelZoomFactor(deltaY, deltaMode) {
  const delta = deltaMode === 1 ? deltaY * 16 : deltaY;
  return Math.exp(-delta * 0.003);
}

/** Where an event lies on the canvas, CSS px from its top-left corner. */
function pointOn(canvas, event) {
  const r = canvas.getBoundingClientRect();
  return [event.clientX - r.left, event.clientY - r.top];
}

/**
 * Pointer events: pinch zoom, mouse drag pan, one-finger hint, hover, click to select. Tracks the
 * pointers that are down; `press` is the one pointer down (where it started and last was, whether
 * it moved past the threshold, whether it is a finger), `pinch` the two-finger state.
 */
class PointerGestures {
  #canvas;
  #map;
  #pointers = new Map();
  #press = null;
  #pinch = null;
  /** Where a press landed while the map was not running yet (canvas px), or null. */
  #early = null;

  constructor(canvas, map) {
    this.#canvas = canvas;
    this.#map = map;
    canvas.addEventListener('pointerdown', (event) => this.#down(event));
    canvas.addEventListener('pointermove', (event) => this.#move(event));
    canvas.addEventListener('pointerup', (event) => this.#release(event));
    canvas.addEventListener('pointercancel', (event) => this.#release(event));
    canvas.addEventListener('pointerleave', (event) => this.#leave(event));
  }

  /** A second finger starts a pinch; a first pointer (a mouse only with its main button) a press. */
  #down(event) {
    if (!this.#map.core) {
      this.#early =
        event.isPrimary && (event.pointerType !== 'mouse' || event.button === 0) ? pointOn(this.#canvas, event) : null;
      return;
    }
    this.#pointers.set(event.pointerId, pointOn(this.#canvas, event));
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()];
      this.#pinch = pinchState(a, b);
      this.#press = null;
    } else if (this.#pointers.size === 1) {
      const p = pointOn(this.#canvas, event);
      this.#press = { start: p, last: p, moved: false, touch: event.pointerType === 'touch' };
    }
  }

  /** The first handler that takes the move wins: pinch, mouse drag, one-finger hint, then hover. */
  #move(event) {
    if (!this.#map.core) return;
    const p = pointOn(this.#canvas, event);
    if (this.#pointers.has(event.pointerId)) this.#pointers.set(event.pointerId, p);
    if (this.#pinchMove(event) || this.#dragMove(event, p) || this.#touchMove(p)) return;
    this.#hover(p);
  }

  /** Two fingers pan with their midpoint and zoom with their spread; the page does not scroll. */
  #pinchMove(event) {
    if (!this.#pinch || this.#pointers.size !== 2) return false;
    event.preventDefault();
    const [a, b] = [...this.#pointers.values()];
    const next = pinchState(a, b);
    const step = pinchStep(this.#pinch, next);
    const core = this.#map.core;
    core.pan(step.dx, step.dy);
    if (step.factor !== null) core.zoomAt(step.factor, next.mid[0], next.mid[1]);
    this.#pinch = next;
    this.#map.changed();
    return true;
  }

  /** A mouse or pen pressed and moved past DRAG_THRESHOLD_PX pans the map (pointer captured). */
  #dragMove(event, p) {
    const press = this.#press;
    if (!press || press.touch || !this.#pointers.has(event.pointerId)) return false;
    if (!press.moved && distance(p, press.start) > DRAG_THRESHOLD_PX) {
      press.moved = true;
      this.#canvas.setPointerCapture?.(event.pointerId);
      this.#canvas.classList.add('dragging');
    }
    if (!press.moved) return false;
    this.#map.core.pan(p[0] - press.last[0], p[1] - press.last[1]);
    press.last = p;
    this.#map.hideTooltip();
    this.#map.changed();
    return true;
  }

  /** One finger scrolls the page (CSS touch-action), never the map: past TOUCH_SCROLL_PX, a hint. */
  #touchMove(p) {
    const press = this.#press;
    if (!press?.touch) return false;
    if (distance(p, press.start) > TOUCH_SCROLL_PX) {
      press.moved = true;
      this.#map.hint(this.#map.strings().hintTouch);
    }
    return true;
  }

  /** A pointer over the map hovers the region under it and shows its tooltip (no controls refresh). */
  #hover(p) {
    const index = this.#map.core.pointerMove(p[0], p[1]);
    this.#map.showTooltip(index, p[0], p[1]);
    this.#map.changed(false);
  }

  /**
   * Lifting the only pointer after a press that did not move selects the region there, also when
   * the press came before the map ran (the tap that started a lazy map).
   */
  #release(event) {
    const early = this.#early;
    this.#early = null;
    if (early && !this.#press) {
      const slop = event.pointerType === 'touch' ? TOUCH_SCROLL_PX : DRAG_THRESHOLD_PX;
      const p = pointOn(this.#canvas, event);
      if (event.type === 'pointerup' && distance(p, early) <= slop) this.#tap(p[0], p[1]);
      return;
    }
    const press = this.#press;
    this.#pointers.delete(event.pointerId);
    if (this.#pointers.size < 2) this.#pinch = null;
    if (event.type === 'pointerup' && press && !press.moved && this.#pointers.size === 0) {
      const [x, y] = pointOn(this.#canvas, event);
      this.#tap(x, y);
    }
    if (this.#pointers.size === 0) {
      this.#press = null;
      this.#canvas.classList.remove('dragging');
    }
  }

  /** A tap selects the region there; before the map runs, the shell answers it once it does. */
  #tap(x, y) {
    const core = this.#map.core;
    if (!core) {
      this.#map.tappedEarly?.(x, y);
      return;
    }
    core.clickAt(x, y);
    this.#map.clicked?.(x, y);
    this.#map.changed();
  }

  /** A mouse leaving the map (not while dragging) ends the hover and hides the tooltip. */
  #leave(event) {
    if (event.pointerType !== 'mouse' || this.#press?.moved || !this.#map.core) return;
    this.#map.core.pointerLeave();
    this.#map.hideTooltip();
    this.#map.changed();
  }
}

/** Ctrl/⌘ + wheel zooms about the pointer; the wheel alone scrolls the page and shows a hint. */
class ScrollZoom {
  constructor(canvas, map) {
    canvas.addEventListener(
      'wheel',
      (event) => {
        const core = map.core;
        if (!core) return;
        if (!(event.ctrlKey || event.metaKey)) {
          map.hint(map.strings().hintWheel);
          return;
        }
        event.preventDefault();
        const [x, y] = pointOn(canvas, event);
        core.zoomAt(wheelZoomFactor(event.deltaY, event.deltaMode), x, y);
        map.changed();
      },
      { passive: false },
    );
  }
}

/** A double click zooms in twofold about the pointer; with Shift, out. */
class DoubleClickZoom {
  constructor(canvas, map) {
    canvas.addEventListener('dblclick', (event) => {
      const core = map.core;
      if (!core) return;
      const [x, y] = pointOn(canvas, event);
      core.zoomAt(event.shiftKey ? 0.5 : 2, x, y);
      map.changed();
    });
  }
}

/** The cooperative-gesture hint over the map: shows a sentence for HINT_MS, then hides. */
export class Hint {
  #node;
  #timer = 0;

  constructor(node) {
    this.#node = node;
  }

  show(text) {
    this.#node.textContent = text;
    this.#node.hidden = false;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#node.hidden = true), HINT_MS);
  }
}

/** Wires every gesture on `canvas` (see the top of this file for `map`). */
export function attachGestures(canvas, map) {
  new PointerGestures(canvas, map);
  new ScrollZoom(canvas, map);
  new DoubleClickZoom(canvas, map);
}

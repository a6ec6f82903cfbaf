// The keyboard on the map canvas (`#map`). Bindings:
//   ←/→/↑/↓              pan the map by KEY_PAN_PX
//   Shift + ←/→/↑/↓      move the focus ring to the nearest region that way (the first press
//                        starts at the selected region or the one nearest the view's centre); announced
//   Page Down / Page Up  move the focus ring to the next/previous region in the data table's
//                        order (province, then name): a walk that reaches every region; announced
//   Enter / Space        select the focused region; announced. With nothing focused the first
//                        press starts the walk instead: it focuses the region at the centre of
//                        the view (moveFocus('first')) and announces it, and the next selects it
//   Escape               clear the selection
//   + or =               zoom in by KEY_ZOOM about the centre
//   - or _               zoom out by KEY_ZOOM about the centre
//   0                    reset the view
// Other keys pass through to the page, and so does every key held with Ctrl, Alt or Meta: they are
// the browser's (Alt+← goes back, Ctrl+plus/minus/0 zoom the page, which WCAG 1.4.4 relies on).

/** CSS pixels one arrow key pans. */
export const KEY_PAN_PX = 80;
/** The zoom factor of one key press or one zoom button click. */
export const KEY_ZOOM = 1.5;

const ARROWS = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
// An arrow moves the map the other way: ArrowLeft shows more of the west.
const PANS = {
  ArrowLeft: [KEY_PAN_PX, 0],
  ArrowRight: [-KEY_PAN_PX, 0],
  ArrowUp: [0, KEY_PAN_PX],
  ArrowDown: [0, -KEY_PAN_PX],
};
const STEPS = { PageDown: 'next', PageUp: 'previous' };

/**
 * What a key press on the map does, from `{key, shiftKey, ctrlKey, altKey, metaKey}`; null for
 * keys the map leaves alone (any with Ctrl, Alt or Meta held).
 * Actions: `{type: 'focus', direction, spatial}` (spatial: a compass direction, which starts at
 * `first` when nothing is focused), `{type: 'pan', dx, dy}`, `{type: 'select-focused'}`,
 * `{type: 'clear'}`, `{type: 'zoom', factor}`, `{type: 'reset'}`.
 */
export function actionForKey({ key, shiftKey = false, ctrlKey = false, altKey = false, metaKey = false }) {
  if (ctrlKey || altKey || metaKey) return null;
  if (ARROWS[key] && shiftKey) return { type: 'focus', direction: ARROWS[key], spatial: true };
  if (STEPS[key]) return { type: 'focus', direction: STEPS[key], spatial: false };
  if (ARROWS[key]) return { type: 'pan', dx: PANS[key][0], dy: PANS[key][1] };
  switch (key) {
    case 'Enter':
    case ' ':
      return { type: 'select-focused' };
    case 'Escape':
      return { type: 'clear' };
    case '+':
    case '=':
      return { type: 'zoom', factor: KEY_ZOOM };
    case '-':
    case '_':
      return { type: 'zoom', factor: 1 / KEY_ZOOM };
    case '0':
      return { type: 'reset' };
    default:
      return null;
  }
}

/** The direction to hand moveFocus for a `focus` action, given the focused index (or null). */
export function focusDirection(action, focused) {
  return action.spatial && focused === null ? 'first' : action.direction;
}

/**
 * What Enter/Space does given the focused index (or null): `'focus-first'` starts the walk
 * (focus and announce the region at the centre of the view), `'select'` selects the focused one.
 */
export function enterStep(focused) {
  return focused === null ? 'focus-first' : 'select';
}

/**
 * Listens for keys on `canvas`. `map` gives `core` (a MapCore, or null before the map loads),
 * `center()` (the canvas centre in CSS px), `announce(info)` (a region's description for screen
 * readers), `announceSelection(info)` (that it was selected) and `changed()` (redraw and refresh
 * the controls).
 */
export function attachKeyboard(canvas, map) {
  canvas.addEventListener('keydown', (event) => {
    const core = map.core;
    if (!core) return;
    const action = actionForKey(event);
    if (!action) return;
    switch (action.type) {
      case 'focus': {
        const index = core.moveFocus(focusDirection(action, core.focused()));
        if (index !== null) map.announce(core.regionInfo(index));
        break;
      }
      case 'pan':
        core.pan(action.dx, action.dy);
        break;
      case 'select-focused': {
        const focused = core.focused();
        if (enterStep(focused) === 'focus-first') {
          const index = core.moveFocus('first');
          if (index !== null) map.announce(core.regionInfo(index));
        } else {
          core.selectIndex(focused);
          map.announceSelection(core.regionInfo(focused));
        }
        break;
      }
      case 'clear':
        core.select(null);
        break;
      case 'zoom':
        core.zoomAt(action.factor, ...map.center());
        break;
      case 'reset':
        core.resetView();
        break;
    }
    event.preventDefault();
    map.changed();
  });
}

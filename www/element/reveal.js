// The selection panel must not hide the selection: on a wide map the panel lies over the left of
// the stage (Sumatra), so after a selection whose region lies under it, the map pans the region
// into the middle of the part of the stage the panel leaves free. On a narrow map the panel is a
// sheet below the stage (styles.js) and the map does not move; after a tap, which on a phone
// leaves that sheet below the fold, the page scrolls it into sight.

/** Two fixed places whose screen points tell a view's offset and scale (see regionPoint). */
const REFERENCE = [
  [100, -5],
  [130, 0],
];

/**
 * The pan `[dx, dy]` (CSS px) that moves `point` ({x, y}, page coordinates) from under the
 * panel's box into the middle of the stage's box right of it, or null when the point is not under
 * the panel (with `margin` px around it), the panel is not over the stage, or no room is left.
 * Boxes are DOMRect-like `{left, top, right, bottom}`.
 */
export function revealPan(point, panel, stage, margin = 12) {
  if (!point || !panel || !stage) return null;
  const over = panel.right > panel.left && panel.top < stage.bottom && panel.bottom > stage.top;
  if (!over) return null;
  const under =
    point.x >= panel.left - margin &&
    point.x <= panel.right + margin &&
    point.y >= panel.top - margin &&
    point.y <= panel.bottom + margin;
  if (!under) return null;
  const left = Math.max(panel.right, stage.left);
  if (stage.right - left < 1) return null;
  return [(left + stage.right) / 2 - point.x, (stage.top + stage.bottom) / 2 - point.y];
}

/** A `view=lon,lat,zoom` hash's lon and lat, or null. */
export function viewCentre(hash) {
  const match = /(?:^|[#&])view=(-?[\d.]+),(-?[\d.]+)/.exec(hash ?? '');
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * Where region `index` lies on the canvas (CSS px, `{x, y}`), or null: the centre of its bounds,
 * found by flying to it (which centres it) and reading the view's centre from the hash. The view
 * is then put back as it was, to the pixel: the hash's rounding is undone with a zoom and a pan
 * that bring two reference places back to where they were.
 */
export function regionPoint(core, index) {
  const before = REFERENCE.map(([lon, lat]) => core.toScreen(lon, lat));
  const hash = core.hash();
  const view = /view=[^&]+/.exec(hash)?.[0];
  if (!view || before.some((p) => !p)) return null;
  core.flyTo(index);
  const centre = viewCentre(core.hash());
  core.applyHash(`#${view}`);
  const after = REFERENCE.map(([lon, lat]) => core.toScreen(lon, lat));
  const span = (a, b) => Math.hypot(b.x - a.x, b.y - a.y);
  const ratio = span(...before) / span(...after);
  if (Number.isFinite(ratio) && Math.abs(ratio - 1) > 1e-9) core.zoomAt(ratio, after[0].x, after[0].y);
  const now = core.toScreen(...REFERENCE[0]);
  if (now) core.pan(before[0].x - now.x, before[0].y - now.y);
  return centre ? core.toScreen(centre[0], centre[1]) : null;
}

/**
 * After a selection: pans the map when the selected region's point lies under the panel. `point`
 * is where it was clicked or tapped (canvas px), or null to measure the region's centre (a key,
 * a search or a link chose it: the page is not scrolled for them). True when it panned.
 */
export function revealSelection(d, core, index, point) {
  if (index === null || d.panel.hidden) return false;
  const panel = d.panel.getBoundingClientRect();
  const stage = d.stage.getBoundingClientRect();
  if (panel.top >= stage.bottom - 1) {
    if (point) {
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      d.panel.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    }
    return false;
  }
  const at = point ?? regionPoint(core, index);
  if (!at) return false;
  const canvas = d.canvas.getBoundingClientRect();
  const pan = revealPan({ x: canvas.left + at.x, y: canvas.top + at.y }, panel, stage);
  if (!pan) return false;
  core.pan(pan[0], pan[1]);
  return true;
}

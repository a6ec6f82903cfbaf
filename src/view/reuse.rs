//! Whether a bitmap drawn for one view can stand in for another: a pan within the bitmap's
//! margin shows it shifted, a zoom step shows it scaled until the view settles and is drawn
//! afresh. And where a recolour must draw it again: only around the regions whose colours
//! changed, as Leaflet's canvas redraws only the bounds of the layers restyled. Pure, so that
//! the renderer's choices are tested natively.

use super::{project, Viewport};
use crate::atlas::Atlas;
use crate::scene::DOUBTFUL_WIDTH;
use geo::{Coord, MultiPolygon, Rect};

/// How far a zoom step may scale a drawn bitmap before it is too blurred or too small to show.
const MAX_STRETCH: f64 = 2.0;

/// Where a bitmap drawn for a view lands in another view of the same size: the drawn view's
/// top-left corner at `offset` (CSS px of the new view), every length times `scale`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub scale: f64,
    pub offset: [f64; 2],
}

impl Placement {
    /// The bitmap unchanged: the view it was drawn for.
    pub const SAME: Placement = Placement { scale: 1.0, offset: [0.0, 0.0] };
}

/// Where a bitmap drawn for `drawn`, with `margin` CSS px of map around it, lands in `now`; None
/// when it cannot stand in: another size, a pan beyond the margin, or a zoom by more than
/// [`MAX_STRETCH`] either way. A zoom step may leave a strip of the view uncovered, which the
/// settled frame fills.
pub fn placement(drawn: &Viewport, now: &Viewport, margin: f64) -> Option<Placement> {
    if drawn.width != now.width || drawn.height != now.height {
        return None;
    }
    let [s0, x0, y0] = drawn.transform();
    let [s1, x1, y1] = now.transform();
    let scale = s1 / s0;
    let offset = [x1 - scale * x0, y1 - scale * y0];
    let pan_within = offset.iter().all(|d| d.abs() <= margin);
    let stretch_ok = (1.0 / MAX_STRETCH..=MAX_STRETCH).contains(&scale);
    match scale == 1.0 {
        true if pan_within => Some(Placement { scale, offset }),
        false if stretch_ok => Some(Placement { scale, offset }),
        _ => None,
    }
}

/// A rectangle of whole device pixels, the view's top-left corner at (0, 0): whole, so that a
/// clip to it needs no anti-aliasing and pixels outside it stay exactly as they were.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRect {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

impl PixelRect {
    fn area(&self) -> f64 {
        f64::from(self.width) * f64::from(self.height)
    }

    fn touches(&self, other: &PixelRect) -> bool {
        self.x <= other.x + other.width
            && other.x <= self.x + self.width
            && self.y <= other.y + other.height
            && other.y <= self.y + self.height
    }

    /// The rect around both.
    fn union(&self, other: &PixelRect) -> PixelRect {
        let [x, y] = [self.x.min(other.x), self.y.min(other.y)];
        let right = (self.x + self.width).max(other.x + other.width);
        let bottom = (self.y + self.height).max(other.y + other.height);
        PixelRect { x, y, width: right - x, height: bottom - y }
    }
}

/// CSS pixels beyond a region's box that its drawing reaches: the widest outline (a doubtful
/// listing's dashes, centred on the border) and a pixel of anti-aliasing either side.
pub const REACH: f64 = DOUBTFUL_WIDTH + 2.0;

/// The share of a bitmap above which drawing it whole costs less than drawing its parts.
const MAX_REPAINT_SHARE: f64 = 0.5;

/// The number of rects above which drawing the bitmap whole costs less: each is a part of the
/// clip, and so many regions' surroundings are most of the map (a cohort year has 10 to 50
/// members; a change of mode or of most colours is drawn whole).
const MAX_REPAINT_RECTS: usize = 64;

/// A region's box on screen in CSS px: [left, top, right, bottom].
pub(crate) fn screen_box(atlas: &Atlas, viewport: &Viewport, region: usize) -> Option<[f64; 4]> {
    let bounds = atlas.region_bounds(region)?;
    let [left, top] = viewport.to_screen(project(bounds.min().x, bounds.max().y));
    let [right, bottom] = viewport.to_screen(project(bounds.max().x, bounds.min().y));
    Some([left, top, right, bottom])
}

/// Where a recolour of the `changed` regions must draw the view of `viewport` again, at `ratio`
/// device px per CSS px: each region's box grown by what its outline reaches, cut to the view,
/// rounded outwards to whole device pixels. None when they are more than [`MAX_REPAINT_RECTS`]
/// or cover more than [`MAX_REPAINT_SHARE`] of the view, which is then drawn whole.
pub fn repaint_rects(atlas: &Atlas, viewport: &Viewport, changed: &[usize], ratio: f64) -> Option<Vec<PixelRect>> {
    let limit = [0.0, 0.0, viewport.width * ratio, viewport.height * ratio];
    let mut rects = Vec::new();
    for &region in changed {
        let Some([left, top, right, bottom]) = screen_box(atlas, viewport, region) else {
            continue;
        };
        let left = ((left - REACH) * ratio).floor().max(limit[0]);
        let top = ((top - REACH) * ratio).floor().max(limit[1]);
        let right = ((right + REACH) * ratio).ceil().min(limit[2]);
        let bottom = ((bottom + REACH) * ratio).ceil().min(limit[3]);
        if left < right && top < bottom {
            // Within the view, whose sides are a few thousand device pixels at most.
            let [x, y, width, height] = [left, top, right - left, bottom - top].map(|side| side as i32);
            rects.push(PixelRect { x, y, width, height });
        }
    }
    // Merging costs the square of the count: so many are the whole map anyway.
    if rects.len() > 4 * MAX_REPAINT_RECTS {
        return None;
    }
    let rects = merged(rects);
    let drawn = (limit[2] - limit[0]) * (limit[3] - limit[1]);
    let area: f64 = rects.iter().map(PixelRect::area).sum();
    (rects.len() <= MAX_REPAINT_RECTS && area <= MAX_REPAINT_SHARE * drawn).then_some(rects)
}

/// `rects` with every two that overlap or touch replaced by the rect around both, until none
/// do: neighbouring regions that changed are then drawn again once, not once for each.
fn merged(rects: Vec<PixelRect>) -> Vec<PixelRect> {
    let mut apart: Vec<PixelRect> = Vec::new();
    for mut rect in rects {
        // The grown rect may touch more of those already apart.
        while let Some(i) = apart.iter().position(|other| other.touches(&rect)) {
            rect = rect.union(&apart.swap_remove(i));
        }
        apart.push(rect);
    }
    apart
}

/// What a redraw of `rect` must draw, in lon/lat: the rect grown by what an outline reaches
/// beyond a region's box, so that every region drawing into it meets it.
pub fn surroundings(viewport: &Viewport, rect: &PixelRect, ratio: f64) -> Rect<f64> {
    let corner =
        |x: i32, y: i32, grow: f64| viewport.lonlat_at([f64::from(x) / ratio + grow, f64::from(y) / ratio + grow]);
    let [west, north] = corner(rect.x, rect.y, -REACH);
    let [east, south] = corner(rect.x + rect.width, rect.y + rect.height, REACH);
    Rect::new(Coord { x: west, y: south }, Coord { x: east, y: north })
}

/// The regions whose drawing reaches into `rect` (from [`repaint_rects`]), in atlas order,
/// which is the order a whole draw paints them in.
pub fn regions_meeting(atlas: &Atlas, viewport: &Viewport, rect: &PixelRect, ratio: f64) -> Vec<usize> {
    atlas.regions_in(surroundings(viewport, rect, ratio))
}

/// The sides of `bounds` a point lies beyond, one bit each: the four half-planes outside it.
fn beyond(bounds: &Rect<f64>, point: Coord<f64>) -> u8 {
    let (min, max) = (bounds.min(), bounds.max());
    u8::from(point.x < min.x)
        | u8::from(point.x > max.x) << 1
        | u8::from(point.y < min.y) << 2
        | u8::from(point.y > max.y) << 3
}

/// The rings of `shape` (lon/lat) with every run of vertices beyond one side of `bounds` cut
/// to its first and last, and rings wholly beyond one side left out: a redraw of a small rect
/// then hands the canvas a few vertices where the whole border has thousands. What is drawn
/// within `bounds` stays the same: a run and the chord that replaces it lie in one half-plane
/// outside `bounds` (a convex set), so the area between them is outside too and every edge
/// reaching into `bounds` keeps both its ends. Outlines with round joins stay the same in a
/// rect that `bounds` surrounds by their half-width; dashes, which follow the length of the
/// border, do not.
pub fn cut_rings(shape: &MultiPolygon<f64>, bounds: Rect<f64>) -> Vec<Vec<Coord<f64>>> {
    let mut rings = Vec::new();
    for polygon in &shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let codes: Vec<u8> = ring.0.iter().map(|&point| beyond(&bounds, point)).collect();
            if codes.iter().fold(u8::MAX, |common, code| common & code) != 0 {
                continue;
            }
            let mut kept = Vec::new();
            // The vertices since the last kept one share the sides in `common`; `held` is the
            // latest of them, kept only if the run ends there.
            let mut common = 0;
            let mut held = None;
            for (&point, &code) in ring.0.iter().zip(&codes) {
                if common & code != 0 {
                    common &= code;
                    held = Some((point, code));
                    continue;
                }
                if let Some((last, last_code)) = held.take() {
                    kept.push(last);
                    common = last_code & code;
                    if common != 0 {
                        held = Some((point, code));
                        continue;
                    }
                }
                kept.push(point);
                common = code;
            }
            kept.extend(held.map(|(point, _)| point));
            rings.push(kept);
        }
    }
    rings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home() -> Viewport {
        Viewport::fit(Rect::new(Coord { x: 95.0, y: -11.0 }, Coord { x: 141.0, y: 6.0 }), 1200.0, 800.0, 10.0)
    }

    #[test]
    fn the_same_view_reuses_the_bitmap_as_it_is() {
        assert_eq!(placement(&home(), &home(), 0.0), Some(Placement::SAME));
    }

    #[test]
    fn a_pan_within_the_margin_shifts_the_bitmap_and_beyond_it_redraws() {
        let shifted = placement(&home(), &home().pan(30.0, -20.0), 64.0).unwrap();
        assert_eq!(shifted.scale, 1.0);
        assert!((shifted.offset[0] - 30.0).abs() < 1e-9 && (shifted.offset[1] + 20.0).abs() < 1e-9);
        assert_eq!(placement(&home(), &home().pan(65.0, 0.0), 64.0), None);
        assert_eq!(placement(&home(), &home().pan(0.0, -65.0), 64.0), None);
    }

    #[test]
    fn a_zoom_step_scales_the_bitmap_about_the_fixed_point() {
        let zoomed = home().zoom_about(1.35, [300.0, 200.0]);
        let placed = placement(&home(), &zoomed, 0.0).unwrap();
        assert!((placed.scale - 1.35).abs() < 1e-9);
        // The point zoomed about stays where it was.
        for axis in 0..2 {
            let at = [300.0, 200.0][axis];
            assert!((placed.offset[axis] + placed.scale * at - at).abs() < 1e-6);
        }
        assert_eq!(placement(&home(), &home().zoom_about(2.5, [600.0, 400.0]), 0.0), None);
        let near = home().zoom_about(4.0, [600.0, 400.0]);
        assert_eq!(placement(&near, &near.zoom_about(0.3, [600.0, 400.0]), 0.0), None);
    }

    #[test]
    fn another_size_redraws() {
        assert_eq!(placement(&home(), &home().resized(1000.0, 800.0), 1000.0), None);
    }
}

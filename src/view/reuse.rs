//! Whether a bitmap drawn for one view can stand in for another: a pan within the bitmap's
//! margin shows it shifted, a zoom step shows it scaled until the view settles and is drawn
//! afresh. Pure, so that the renderer's choice is tested natively.

use super::Viewport;

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

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Coord, Rect};

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

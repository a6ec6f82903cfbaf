//! Where the map looks: the Mercator projection, the viewport (fit, zoom, pan) and the
//! shareable state of a view, (de)serialised to and from a URL hash.

mod hash;
pub mod reuse;

pub use hash::{HashError, HashProblem, ViewState};

use geo::{Coord, Rect};

/// Web Mercator without the sphere radius: x is longitude in radians, y grows southwards so
/// that world and screen axes agree. Indonesia spans 6°N to 11°S, where Mercator's area
/// distortion stays under 2%, and readers know its shapes from every web map.
pub fn project(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
    [lon.to_radians(), -math::ln(math::tan(std::f64::consts::FRAC_PI_4 + lat / 2.0))]
}

/// The inverse of [`project`]: (lon, lat) in degrees.
pub fn unproject(world: [f64; 2]) -> [f64; 2] {
    let lat = 2.0 * math::atan(math::exp(-world[1])) - std::f64::consts::FRAC_PI_2;
    [world[0].to_degrees(), lat.to_degrees()]
}

/// The projection's elementary functions. In the browser the host's `Math`: Rust's own (libm,
/// with its argument reduction) would add about 8 KB to the WebAssembly.
#[cfg(target_arch = "wasm32")]
mod math {
    pub use js_sys::Math::{atan, exp, log as ln, tan};
}

#[cfg(not(target_arch = "wasm32"))]
mod math {
    pub fn tan(x: f64) -> f64 {
        x.tan()
    }

    pub fn ln(x: f64) -> f64 {
        x.ln()
    }

    pub fn exp(x: f64) -> f64 {
        x.exp()
    }

    pub fn atan(x: f64) -> f64 {
        x.atan()
    }
}

/// How far in or out a viewer may zoom, relative to the fitted country.
const MIN_ZOOM: f64 = 0.5;
const MAX_ZOOM: f64 = 256.0;

/// A rectangle of CSS pixels looking at the projected world.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
    /// World point at the centre of the viewport.
    center: [f64; 2],
    /// CSS pixels per world unit.
    scale: f64,
    /// The scale that fits the home extent; zoom is measured against it.
    home_scale: f64,
    home_center: [f64; 2],
}

impl Viewport {
    /// A viewport of `width` x `height` pixels showing all of `extent` (lon/lat degrees)
    /// with `padding` pixels to spare on every side.
    pub fn fit(extent: Rect<f64>, width: f64, height: f64, padding: f64) -> Viewport {
        let width = sane_size(width);
        let height = sane_size(height);
        let (center, scale) = fitting(extent, width, height, padding);
        Viewport { width, height, center, scale, home_scale: scale, home_center: center }
    }

    /// The same home extent in a new size, keeping the centre and the zoom level.
    pub fn resized(&self, width: f64, height: f64) -> Viewport {
        let width = sane_size(width);
        let height = sane_size(height);
        let ratio = (width / self.width).min(height / self.height);
        Viewport { width, height, scale: self.scale * ratio, home_scale: self.home_scale * ratio, ..*self }
    }

    /// Back to the fitted home extent.
    pub fn reset(&self) -> Viewport {
        Viewport { center: self.home_center, scale: self.home_scale, ..*self }
    }

    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// CSS pixels a degree of longitude spans (x is longitude in radians).
    pub fn px_per_degree(&self) -> f64 {
        self.scale * std::f64::consts::PI / 180.0
    }

    /// Zoom relative to the fitted country: 1 shows all of it, 2 half as much.
    pub fn zoom(&self) -> f64 {
        self.scale / self.home_scale
    }

    pub fn to_screen(&self, world: [f64; 2]) -> [f64; 2] {
        [
            (world[0] - self.center[0]) * self.scale + self.width / 2.0,
            (world[1] - self.center[1]) * self.scale + self.height / 2.0,
        ]
    }

    pub fn to_world(&self, screen: [f64; 2]) -> [f64; 2] {
        [
            (screen[0] - self.width / 2.0) / self.scale + self.center[0],
            (screen[1] - self.height / 2.0) / self.scale + self.center[1],
        ]
    }

    /// The (lon, lat) under a screen point.
    pub fn lonlat_at(&self, screen: [f64; 2]) -> [f64; 2] {
        unproject(self.to_world(screen))
    }

    /// The affine map world -> screen as (scale, translate x, translate y), for a canvas
    /// transform: screen = world * scale + translate.
    pub fn transform(&self) -> [f64; 3] {
        [self.scale, self.width / 2.0 - self.center[0] * self.scale, self.height / 2.0 - self.center[1] * self.scale]
    }

    /// The part of the world in view, in lon/lat degrees.
    pub fn visible_extent(&self) -> Rect<f64> {
        let [west, north] = self.lonlat_at([0.0, 0.0]);
        let [east, south] = self.lonlat_at([self.width, self.height]);
        Rect::new(Coord { x: west, y: south }, Coord { x: east, y: north })
    }

    /// Zoom by `factor` keeping the world point under `screen` where it is.
    pub fn zoom_about(&self, factor: f64, screen: [f64; 2]) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 || !screen.iter().all(|v| v.is_finite()) {
            return *self;
        }
        let scale = clamp(self.scale * factor, self.home_scale * MIN_ZOOM, self.home_scale * MAX_ZOOM);
        let anchor = self.to_world(screen);
        let center =
            [anchor[0] - (screen[0] - self.width / 2.0) / scale, anchor[1] - (screen[1] - self.height / 2.0) / scale];
        Viewport { center, scale, ..*self }.clamped()
    }

    /// Move the map by (dx, dy) pixels, as a drag does.
    pub fn pan(&self, dx: f64, dy: f64) -> Viewport {
        if !(dx.is_finite() && dy.is_finite()) {
            return *self;
        }
        let center = [self.center[0] - dx / self.scale, self.center[1] - dy / self.scale];
        Viewport { center, ..*self }.clamped()
    }

    /// Show `extent` as large as fits, no nearer than `max_zoom`.
    pub fn fly_to(&self, extent: Rect<f64>, padding: f64, max_zoom: f64) -> Viewport {
        let (center, scale) = fitting(extent, self.width, self.height, padding);
        let scale = clamp(scale, self.home_scale * MIN_ZOOM, self.home_scale * max_zoom.min(MAX_ZOOM));
        Viewport { center, scale, ..*self }.clamped()
    }

    /// The centre in lon/lat and the zoom, as a URL hash keeps them.
    pub fn camera(&self) -> [f64; 3] {
        let [lon, lat] = unproject(self.center);
        [lon, lat, self.zoom()]
    }

    /// Centre on (lon, lat) at `zoom`, clamped to what a viewer may reach.
    pub fn with_camera(&self, lon: f64, lat: f64, zoom: f64) -> Viewport {
        if ![lon, lat, zoom].iter().all(|v| v.is_finite()) {
            return *self;
        }
        let scale = self.home_scale * zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        Viewport { center: project(lon, lat), scale, ..*self }.clamped()
    }

    /// Keep the centre of the view over the home extent, so the map cannot be lost off-screen.
    fn clamped(self) -> Viewport {
        let reach_x = self.width / 2.0 / self.home_scale;
        let reach_y = self.height / 2.0 / self.home_scale;
        let center = [
            clamp(self.center[0], self.home_center[0] - reach_x, self.home_center[0] + reach_x),
            clamp(self.center[1], self.home_center[1] - reach_y, self.home_center[1] + reach_y),
        ];
        Viewport { center, ..self }
    }
}

/// `value.clamp(min, max)` for bounds only known at run time, with the same check of the bounds
/// but a panic message without them: formatting the floats would add core's float printing
/// (kilobytes) to the WebAssembly.
fn clamp(value: f64, min: f64, max: f64) -> f64 {
    assert!(min <= max, "clamp: min > max, or either was NaN");
    if value < min {
        min
    } else if value > max {
        max
    } else {
        value
    }
}

/// Sizes come from the page; a hidden element reports 0, a broken one NaN.
fn sane_size(size: f64) -> f64 {
    if size.is_finite() {
        size.clamp(1.0, 16384.0)
    } else {
        1.0
    }
}

fn fitting(extent: Rect<f64>, width: f64, height: f64, padding: f64) -> ([f64; 2], f64) {
    let a = project(extent.min().x, extent.max().y);
    let b = project(extent.max().x, extent.min().y);
    let center = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
    let padding = if padding.is_finite() { padding.max(0.0) } else { 0.0 };
    let room_x = (width - 2.0 * padding).max(width / 2.0);
    let room_y = (height - 2.0 * padding).max(height / 2.0);
    let span_x = (b[0] - a[0]).abs().max(1e-9);
    let span_y = (b[1] - a[1]).abs().max(1e-9);
    (center, (room_x / span_x).min(room_y / span_y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn indonesia() -> Rect<f64> {
        Rect::new(Coord { x: 95.0, y: -11.0 }, Coord { x: 141.0, y: 6.0 })
    }

    #[test]
    fn clamp_agrees_with_the_standard_one() {
        for value in [-1.0, -0.0, 0.0, 0.5, 1.0, 2.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            let (ours, standard) = (clamp(value, 0.0, 1.0), value.clamp(0.0, 1.0));
            assert!(ours.to_bits() == standard.to_bits() || ours.is_nan() && standard.is_nan(), "{value}");
        }
    }

    #[test]
    fn fit_shows_the_whole_extent() {
        let view = Viewport::fit(indonesia(), 1200.0, 800.0, 20.0);
        let nw = view.to_screen(project(95.0, 6.0));
        let se = view.to_screen(project(141.0, -11.0));
        assert!((nw[0] - 20.0).abs() < 1e-6 && (se[0] - 1180.0).abs() < 1e-6, "{nw:?} {se:?}");
        assert!(nw[1] >= 20.0 && se[1] <= 780.0);
        assert!((view.zoom() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let view = Viewport::fit(indonesia(), 1200.0, 800.0, 0.0);
        let anchor = [300.0, 500.0];
        let before = view.lonlat_at(anchor);
        let zoomed = view.zoom_about(4.0, anchor);
        let after = zoomed.lonlat_at(anchor);
        assert!((before[0] - after[0]).abs() < 1e-9 && (before[1] - after[1]).abs() < 1e-9);
        assert!((zoomed.zoom() - 4.0).abs() < 1e-9);
        assert!((view.zoom_about(1e9, anchor).zoom() - MAX_ZOOM).abs() < 1e-9);
        assert_eq!(view.zoom_about(f64::NAN, anchor), view);
    }

    #[test]
    fn pan_cannot_lose_the_country() {
        let view = Viewport::fit(indonesia(), 800.0, 600.0, 0.0);
        let far = view.pan(1e7, -1e7);
        let centre = far.to_screen(view.to_world([400.0, 300.0]));
        assert!(centre[0] <= 800.0 + 1e-6 && centre[1] >= -1e-6, "{centre:?}");
    }

    #[test]
    fn camera_round_trips() {
        let view = Viewport::fit(indonesia(), 800.0, 600.0, 0.0).with_camera(111.4, -7.6, 8.0);
        let [lon, lat, zoom] = view.camera();
        assert!((lon - 111.4).abs() < 1e-9 && (lat + 7.6).abs() < 1e-9 && (zoom - 8.0).abs() < 1e-9);
    }

    #[test]
    fn degenerate_sizes_stay_usable() {
        for (w, h) in [(0.0, 0.0), (f64::NAN, 10.0), (-5.0, f64::INFINITY)] {
            let view = Viewport::fit(indonesia(), w, h, 10.0);
            assert!(view.scale().is_finite() && view.scale() > 0.0);
        }
    }

    proptest! {
        #[test]
        fn projection_round_trips(lon in -180.0f64..180.0, lat in -80.0f64..80.0) {
            let [lon2, lat2] = unproject(project(lon, lat));
            prop_assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }

        #[test]
        fn screen_and_world_are_inverse(x in 0.0f64..1200.0, y in 0.0f64..800.0, zoom in 0.5f64..200.0) {
            let view = Viewport::fit(indonesia(), 1200.0, 800.0, 10.0).zoom_about(zoom, [600.0, 400.0]);
            let back = view.to_screen(view.to_world([x, y]));
            prop_assert!((back[0] - x).abs() < 1e-6 && (back[1] - y).abs() < 1e-6);
        }
    }
}

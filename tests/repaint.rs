//! Where a recolour draws the map bitmap again (`view::reuse::repaint_rects` and
//! `regions_meeting`), on the real prepared boundaries, against a brute-force oracle that
//! projects every polygon's box; and the borders it hands the canvas there (`cut_rings`),
//! against the whole rings they stand for.

mod common;

use geo::BoundingRect;
use geo::{Coord, Intersects, Line, LineString, MultiPolygon, Polygon, Rect};
use peta_cerdas::view::reuse::{cut_rings, regions_meeting, repaint_rects, PixelRect, REACH};
use peta_cerdas::view::{project, Viewport};
use proptest::prelude::*;

fn home() -> Viewport {
    Viewport::fit(common::atlas().bounds(), 1200.0, 800.0, 24.0)
}

/// A box on screen in CSS px: [left, top, right, bottom].
type ScreenBox = [f64; 4];

fn screen_box(viewport: &Viewport, rect: geo::Rect<f64>) -> ScreenBox {
    let [left, top] = viewport.to_screen(project(rect.min().x, rect.max().y));
    let [right, bottom] = viewport.to_screen(project(rect.max().x, rect.min().y));
    [left, top, right, bottom]
}

fn grown(b: ScreenBox, by: f64) -> ScreenBox {
    [b[0] - by, b[1] - by, b[2] + by, b[3] + by]
}

fn in_css(rect: &PixelRect, ratio: f64) -> ScreenBox {
    let [x, y, w, h] = [rect.x, rect.y, rect.width, rect.height].map(f64::from);
    [x / ratio, y / ratio, (x + w) / ratio, (y + h) / ratio]
}

fn meets(a: ScreenBox, b: ScreenBox) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// The regions one of whose polygons' boxes, grown by `by` more than the drawing reaches,
/// meets one of the rects: every polygon, no index.
fn brute_force(viewport: &Viewport, rects: &[PixelRect], ratio: f64, by: f64) -> Vec<usize> {
    let atlas = common::atlas();
    (0..atlas.regions().len())
        .filter(|&region| {
            atlas.finest()[region].0.iter().filter_map(|polygon| polygon.bounding_rect()).any(|rect| {
                let reach = grown(screen_box(viewport, rect), REACH + by);
                rects.iter().any(|pixels| meets(reach, in_css(pixels, ratio)))
            })
        })
        .collect()
}

fn view() -> impl Strategy<Value = Viewport> {
    (0.0..1.0f64, 0.0..1.0f64, 0.0..6.0f64).prop_map(|(x, y, zoom)| {
        let home = home();
        let at = [x * home.width, y * home.height];
        home.zoom_about(2f64.powf(zoom), at)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every changed region's drawing, as far as the view holds it, lies in one of the rects,
    /// and the rects lie within what the drawings span, rounded out to whole device pixels.
    #[test]
    fn the_rects_cover_the_changed_regions_and_little_else(
        viewport in view(),
        changed in prop::collection::vec(0..514usize, 1..80),
        ratio in prop::sample::select(vec![1.0, 1.5, 2.0, 3.0]),
    ) {
        let atlas = common::atlas();
        let Some(rects) = repaint_rects(atlas, &viewport, &changed, ratio) else {
            return Ok(());
        };
        let bitmap = [0.0, 0.0, viewport.width, viewport.height];
        let mut span = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for &region in &changed {
            let reach = grown(screen_box(&viewport, atlas.region_bounds(region).unwrap()), REACH);
            if !meets(reach, bitmap) {
                continue;
            }
            let within = [reach[0].max(bitmap[0]), reach[1].max(bitmap[1]), reach[2].min(bitmap[2]), reach[3].min(bitmap[3])];
            span = [span[0].min(within[0]), span[1].min(within[1]), span[2].max(within[2]), span[3].max(within[3])];
            let covering = rects.iter().map(|rect| in_css(rect, ratio)).any(|rect| {
                rect[0] <= within[0] && rect[1] <= within[1] && within[2] <= rect[2] && within[3] <= rect[3]
            });
            prop_assert!(covering, "region {region} reaches {within:?}, not covered by {rects:?}");
        }
        // Rounding out to whole device pixels adds less than one on each side.
        let pixel = 1.0 / ratio + 1e-9;
        for rect in rects.iter().map(|rect| in_css(rect, ratio)) {
            prop_assert!(rect[0] > span[0] - pixel && rect[1] > span[1] - pixel, "{rect:?} beyond {span:?}");
            prop_assert!(rect[2] < span[2] + pixel && rect[3] < span[3] + pixel, "{rect:?} beyond {span:?}");
        }
        prop_assert!(rects.len() <= changed.len());
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                let apart = a.x > b.x + b.width || b.x > a.x + a.width || a.y > b.y + b.height || b.y > a.y + a.height;
                prop_assert!(apart, "{a:?} and {b:?} overlap, so regions between them would be drawn twice");
            }
        }
    }

    /// The regions drawn again are those whose polygons reach into the rects: all of them,
    /// and none that stay clear of them by more than a rounding.
    #[test]
    fn the_regions_drawn_again_are_those_reaching_into_the_rects(
        viewport in view(),
        changed in prop::collection::vec(0..514usize, 1..6),
        ratio in prop::sample::select(vec![1.0, 2.0, 3.0]),
    ) {
        let atlas = common::atlas();
        let Some(rects) = repaint_rects(atlas, &viewport, &changed, ratio) else {
            return Ok(());
        };
        for rect in &rects {
            let found = regions_meeting(atlas, &viewport, rect, ratio);
            let rect = std::slice::from_ref(rect);
            prop_assert!(found.windows(2).all(|pair| pair[0] < pair[1]), "in atlas order, once each");
            for region in brute_force(&viewport, rect, ratio, -1e-6) {
                prop_assert!(found.contains(&region), "region {region} reaches the rect but is not drawn again");
            }
            let loose = brute_force(&viewport, rect, ratio, 1e-6);
            for region in &found {
                prop_assert!(loose.contains(region), "region {region} stays clear of the rect");
            }
        }
    }
}

#[test]
fn a_recolour_of_many_regions_draws_the_bitmap_whole() {
    let all: Vec<usize> = (0..514).collect();
    assert!(repaint_rects(common::atlas(), &home(), &all, 1.0).is_none());
}

#[test]
fn a_recolour_of_a_few_regions_draws_a_small_part() {
    let atlas = common::atlas();
    // Five small Javanese cities.
    let codes = ["33.71", "33.72", "33.73", "35.71", "35.72"];
    let changed: Vec<usize> = codes.iter().map(|code| atlas.index_of(code.parse().unwrap()).unwrap()).collect();
    let rects = repaint_rects(atlas, &home(), &changed, 2.0).expect("a few rects");
    let area: i64 = rects.iter().map(|r| i64::from(r.width) * i64::from(r.height)).sum();
    assert!(area < 2400 * 1600 / 100, "{area} device px of 3.84 M");
}

#[test]
fn regions_off_the_bitmap_need_no_rect() {
    let atlas = common::atlas();
    let papua = home().zoom_about(8.0, [1150.0, 500.0]);
    let aceh = atlas.index_of("11.71".parse().unwrap()).unwrap();
    assert_eq!(repaint_rects(atlas, &papua, &[aceh], 1.0), Some(vec![]));
}

/// The winding number of `rings` around `point` (the canvas fills where it is not zero).
fn winding(rings: &[Vec<Coord<f64>>], point: Coord<f64>) -> i32 {
    let mut winding = 0;
    for ring in rings {
        for (i, &a) in ring.iter().enumerate() {
            let b = ring[(i + 1) % ring.len()];
            let side = (b.x - a.x) * (point.y - a.y) - (point.x - a.x) * (b.y - a.y);
            if a.y <= point.y && b.y > point.y && side > 0.0 {
                winding += 1;
            } else if a.y > point.y && b.y <= point.y && side < 0.0 {
                winding -= 1;
            }
        }
    }
    winding
}

fn rings_of(shape: &MultiPolygon<f64>) -> Vec<Vec<Coord<f64>>> {
    shape.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).map(|r| r.0.clone()).collect()
}

/// A star-shaped ring around `centre` with the given radii: sharp turns in and out of a rect.
fn star(centre: Coord<f64>, radii: &[f64]) -> MultiPolygon<f64> {
    let step = std::f64::consts::TAU / radii.len() as f64;
    let mut points: Vec<Coord<f64>> = radii
        .iter()
        .enumerate()
        .map(|(i, r)| Coord { x: centre.x + r * (i as f64 * step).cos(), y: centre.y + r * (i as f64 * step).sin() })
        .collect();
    points.push(points[0]);
    MultiPolygon(vec![Polygon::new(LineString(points), vec![])])
}

fn shape() -> impl Strategy<Value = MultiPolygon<f64>> {
    prop_oneof![
        (0..514usize).prop_map(|region| common::atlas().finest()[region].clone()),
        prop::collection::vec(0.1..3.0f64, 3..60).prop_map(|radii| star(Coord { x: 0.0, y: 0.0 }, &radii)),
    ]
}

/// A rect meeting the shape's box, from a small corner of it to more than all of it.
fn bounds_in(shape: &MultiPolygon<f64>, at: (f64, f64), size: (f64, f64)) -> Rect<f64> {
    use geo::BoundingRect;
    let whole = shape.bounding_rect().unwrap();
    let min = Coord { x: whole.min().x + at.0 * whole.width(), y: whole.min().y + at.1 * whole.height() };
    Rect::new(min, Coord { x: min.x + size.0 * whole.width(), y: min.y + size.1 * whole.height() })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Inside the bounds, the cut rings cover the same points as the whole ones and keep every
    /// edge that reaches in, end to end; they have no more vertices.
    #[test]
    fn cut_rings_draw_the_same_inside_the_bounds(
        shape in shape(),
        at in (-0.2..1.0f64, -0.2..1.0f64),
        size in (0.01..1.2f64, 0.01..1.2f64),
        samples in prop::collection::vec((0.0..1.0f64, 0.0..1.0f64), 200),
    ) {
        let bounds = bounds_in(&shape, at, size);
        let whole = rings_of(&shape);
        let cut = cut_rings(&shape, bounds);
        for (u, v) in samples {
            let point = Coord { x: bounds.min().x + u * bounds.width(), y: bounds.min().y + v * bounds.height() };
            prop_assert_eq!(winding(&whole, point) != 0, winding(&cut, point) != 0, "at {:?}", point);
        }
        for ring in &whole {
            for pair in ring.windows(2) {
                if !Line::new(pair[0], pair[1]).intersects(&bounds) {
                    continue;
                }
                let kept = cut.iter().any(|cut| {
                    (0..cut.len()).any(|i| cut[i] == pair[0] && cut[(i + 1) % cut.len()] == pair[1])
                });
                prop_assert!(kept, "the edge {:?} reaches into {:?} but was cut", pair, bounds);
            }
        }
        let count = |rings: &[Vec<Coord<f64>>]| rings.iter().map(Vec::len).sum::<usize>();
        prop_assert!(count(&cut) <= count(&whole));
    }
}

#[test]
fn a_small_rect_cuts_a_detailed_border_to_a_few_vertices() {
    let atlas = common::atlas();
    // Kabupaten Magetan at the finest level: a rect a tenth of its size around its middle.
    let shape = &atlas.finest()[atlas.index_of("35.20".parse().unwrap()).unwrap()];
    let bounds = bounds_in(shape, (0.45, 0.45), (0.1, 0.1));
    let whole: usize = rings_of(shape).iter().map(Vec::len).sum();
    let cut: usize = cut_rings(shape, bounds).iter().map(Vec::len).sum();
    assert!(cut * 20 < whole, "{cut} of {whole} vertices");
}

//! Draws a Scene on a Canvas2D: the same geometry, level and colours as the SVG renderer.
//! Region paths are built once per level in world coordinates (Path2D) and placed with the
//! canvas transform, so panning and zooming rebuild nothing. The map (fills, hatching, outlines)
//! is drawn into an offscreen [`Bitmap`] with a margin around the view, and a frame shows that
//! bitmap, shifted by a pan or scaled by a zoom step, with the hover and selection on top:
//! rasterising every region takes most of a frame, copying a bitmap a small part of it.

use crate::atlas::Atlas;
use crate::scene::{border_width, ring_centre, Scene, DOUBTFUL_DASH, RING_RADIUS_PX};
use crate::style::Rgb;
use crate::view::reuse::{cut_rings, surroundings, PixelRect, Placement};
use crate::view::{project, Viewport};
use geo::{Coord, Rect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasPattern, CanvasRenderingContext2d, DomMatrix, HtmlCanvasElement, Path2d, SvgMatrix};

/// CSS pixels of map drawn around the view, which a pan shows without drawing again.
pub const MARGIN: f64 = 256.0;

/// Hatching, as the SVG renderer's pattern has it: a stripe `HATCH_WIDTH` wide every
/// `HATCH_PERIOD` CSS pixels, turned 45°, anchored at the top-left corner of the map.
const HATCH_PERIOD: f64 = 6.0;
const HATCH_WIDTH: f64 = 2.0;

/// Path2D objects per level and region, built on first use, and the hatching pattern.
#[derive(Default)]
pub struct PathCache {
    levels: Vec<Vec<Option<Path2d>>>,
    hatch: Option<Hatch>,
}

/// The hatching pattern for a colour and a tile resolution (device pixels per CSS pixel), and
/// the transform it was last placed with: placing it again costs the browser a new shader, so
/// the rects of one recolour place it once.
struct Hatch {
    colour: Rgb,
    resolution: u32,
    pattern: CanvasPattern,
    placed: Option<[f64; 6]>,
}

impl PathCache {
    /// Forgets every path (a new atlas was loaded).
    pub fn clear(&mut self) {
        self.levels.clear();
    }

    /// A repeating tile with one stripe, drawn at the device resolution so it stays sharp, and
    /// placed with `transform`.
    fn hatch(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        colour: Rgb,
        resolution: u32,
        transform: [f64; 6],
    ) -> Option<&CanvasPattern> {
        if !self.hatch.as_ref().is_some_and(|hatch| hatch.colour == colour && hatch.resolution == resolution) {
            let document = ctx.canvas()?.owner_document()?;
            let tile: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
            let side = (HATCH_PERIOD * f64::from(resolution)).round() as u32;
            tile.set_width(side);
            tile.set_height(side);
            let tile_ctx: CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
            tile_ctx.set_fill_style_str(&colour.to_string());
            tile_ctx.fill_rect(0.0, 0.0, HATCH_WIDTH * f64::from(resolution), f64::from(side));
            let pattern = ctx.create_pattern_with_html_canvas_element(&tile, "repeat").ok()??;
            self.hatch = Some(Hatch { colour, resolution, pattern, placed: None });
        }
        let hatch = self.hatch.as_mut()?;
        if hatch.placed != Some(transform) {
            let matrix = DomMatrix::new_with_array64(&mut transform.clone()).ok()?;
            // The browser takes any DOMMatrix here; web-sys types the argument as the older SVGMatrix.
            hatch.pattern.set_transform(matrix.unchecked_ref::<SvgMatrix>());
            hatch.placed = Some(transform);
        }
        Some(&hatch.pattern)
    }

    fn path(&mut self, atlas: &Atlas, level: usize, region: usize) -> Option<&Path2d> {
        if self.levels.len() != atlas.levels().len() {
            self.levels = atlas.levels().iter().map(|level| vec![None; level.shapes.len()]).collect();
        }
        let slot = self.levels.get_mut(level)?.get_mut(region)?;
        if slot.is_none() {
            let shape = atlas.levels()[level].shapes.get(region)?;
            let rings =
                shape.0.iter().flat_map(|polygon| std::iter::once(polygon.exterior()).chain(polygon.interiors()));
            *slot = Some(path_of(rings.map(|ring| ring.0.as_slice()))?);
        }
        slot.as_ref()
    }
}

/// A path of closed rings (lon/lat) in world coordinates.
fn path_of<'a>(rings: impl Iterator<Item = &'a [Coord<f64>]>) -> Option<Path2d> {
    let path = Path2d::new().ok()?;
    for ring in rings {
        for (i, coord) in ring.iter().enumerate() {
            let [x, y] = project(coord.x, coord.y);
            if i == 0 {
                path.move_to(x, y);
            } else {
                path.line_to(x, y);
            }
        }
        path.close_path();
    }
    Some(path)
}

/// The path to draw for the `k`th region of a draw: its cut border when it has one, else the
/// cached whole border.
fn path_for<'a>(
    cut: &'a [Option<Path2d>],
    k: usize,
    cache: &'a mut PathCache,
    atlas: &Atlas,
    level: usize,
    region: usize,
) -> Option<&'a Path2d> {
    match cut.get(k) {
        Some(Some(path)) => Some(path),
        _ => cache.path(atlas, level, region),
    }
}

/// Borders with fewer vertices are drawn whole from the cache: a new Path2D costs about as much
/// as rasterising that many vertices.
const CUT_ABOVE: usize = 256;

/// The region's border at `level` cut to `bounds` (lon/lat), for a draw clipped inside them;
/// None when the cached whole border costs less.
fn cut_path(atlas: &Atlas, level: usize, region: usize, bounds: Rect<f64>) -> Option<Path2d> {
    let shape = atlas.levels().get(level)?.shapes.get(region)?;
    let vertices: usize = shape.0.iter().map(|polygon| polygon.exterior().0.len()).sum();
    (vertices > CUT_ABOVE).then(|| path_of(cut_rings(shape, bounds).iter().map(Vec::as_slice)))?
}

/// The map of one view and its margin, drawn offscreen at the canvas's resolution.
pub struct Bitmap {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    /// The margin in device pixels: whole, so that the settled frame copies it pixel for pixel.
    margin: f64,
    /// CSS pixels of the margin the last draw filled: all of it, or none.
    pub covered: f64,
}

impl Bitmap {
    /// An offscreen canvas in the document of `beside`.
    pub fn new(beside: &HtmlCanvasElement) -> Option<Bitmap> {
        let canvas: HtmlCanvasElement = beside.owner_document()?.create_element("canvas").ok()?.dyn_into().ok()?;
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Bitmap { canvas, ctx, margin: 0.0, covered: 0.0 })
    }

    /// Sizes the bitmap for a canvas of `width` x `height` device pixels at `ratio`.
    pub fn resize(&mut self, width: u32, height: u32, ratio: f64) {
        self.margin = (MARGIN * ratio).round();
        let margin = self.margin as u32;
        self.canvas.set_width(width + 2 * margin);
        self.canvas.set_height(height + 2 * margin);
    }
}

/// The regions meeting the view and its margin.
fn regions_around(atlas: &Atlas, viewport: &Viewport) -> Vec<usize> {
    let [west, north] = viewport.lonlat_at([-MARGIN, -MARGIN]);
    let [east, south] = viewport.lonlat_at([viewport.width + MARGIN, viewport.height + MARGIN]);
    atlas.regions_in(Rect::new(Coord { x: west, y: south }, Coord { x: east, y: north }))
}

/// What of the bitmap a draw fills.
pub enum Area<'a> {
    /// The view alone, which rasterises a fraction of the pixels and regions (the first frame,
    /// a recolour of much of the map).
    View,
    /// The view and its margin, as a pan or zoom that will likely move on needs.
    WithMargin,
    /// Only this rect of the view (whole device pixels, its corner at 0), drawing the regions
    /// that reach into it: part of a recolour of a few regions, the rest of the view kept and
    /// the margin left stale, as [`Area::View`] leaves it. One rect at a time: a clip of several
    /// is a complex one, under which Skia anti-aliases edges further apart from a whole draw.
    Rect(PixelRect, &'a [usize]),
}

/// Clips `ctx` (at the identity transform) to `rect`, moved by `offset` device pixels.
fn clip_to(ctx: &CanvasRenderingContext2d, rect: &PixelRect, offset: f64) {
    let [x, y, width, height] = [rect.x, rect.y, rect.width, rect.height].map(f64::from);
    ctx.begin_path();
    ctx.rect(x + offset, y + offset, width, height);
    ctx.clip();
}

/// Draws the map of the scene's view into `bitmap`, the `area` of it; `ratio` is the device
/// pixel ratio of the canvas backing store.
pub fn draw_map(bitmap: &mut Bitmap, scene: &Scene, area: Area, atlas: &Atlas, cache: &mut PathCache, ratio: f64) {
    let ctx = &bitmap.ctx;
    let colours = scene.theme.colours();
    let m = bitmap.margin;
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.save();
    // A rect's draw hands the canvas each border cut to the rect's surroundings (its own
    // outline's reach beyond the clip), the others the cached whole borders.
    let cut = match &area {
        Area::Rect(rect, regions) => {
            let bounds = surroundings(&scene.viewport, rect, ratio);
            regions.iter().map(|&index| cut_path(atlas, scene.level, index, bounds)).collect()
        }
        _ => Vec::new(),
    };
    let regions = match area {
        Area::WithMargin => {
            bitmap.covered = MARGIN;
            regions_around(atlas, &scene.viewport)
        }
        Area::View => {
            bitmap.covered = 0.0;
            ctx.begin_path();
            ctx.rect(m, m, f64::from(bitmap.canvas.width()) - 2.0 * m, f64::from(bitmap.canvas.height()) - 2.0 * m);
            ctx.clip();
            scene.visible.clone()
        }
        Area::Rect(rect, regions) => {
            bitmap.covered = 0.0;
            clip_to(ctx, &rect, m);
            regions.to_vec()
        }
    };
    ctx.set_fill_style_str(&colours.background.to_string());
    ctx.fill_rect(0.0, 0.0, f64::from(bitmap.canvas.width()), f64::from(bitmap.canvas.height()));

    // The view's top-left corner sits at the margin; the hatching below stays anchored to it.
    let [scale, tx, ty] = scene.viewport.transform();
    let _ = ctx.set_transform(ratio * scale, 0.0, 0.0, ratio * scale, ratio * tx + m, ratio * ty + m);
    ctx.set_line_join("round");
    ctx.set_line_width(border_width(ratio) / scale);
    ctx.set_stroke_style_str(&colours.stroke.to_string());
    let level = scene.level;
    // Most neighbours share a fill: the colour crosses to the canvas only when it changes.
    let mut fill = None;
    for (k, &index) in regions.iter().enumerate() {
        let (Some(style), Some(path)) =
            (scene.styling.regions.get(index), path_for(&cut, k, cache, atlas, level, index))
        else {
            continue;
        };
        if fill != Some(style.fill) {
            ctx.set_fill_style_str(&style.fill.to_string());
            fill = Some(style.fill);
        }
        ctx.fill_with_path_2d(path);
        ctx.stroke_with_path(path);
    }

    // Repeat members: a stripe pattern over their fill, fixed to the screen (so it does not
    // shimmer when panning) through a pattern transform that undoes the view's.
    if regions.iter().any(|&index| scene.styling.regions.get(index).is_some_and(|style| style.hatched)) {
        let resolution = ratio.ceil().clamp(1.0, 4.0) as u32;
        let turn = std::f64::consts::FRAC_1_SQRT_2 / (scale * f64::from(resolution));
        let transform = [turn, turn, -turn, turn, -tx / scale, -ty / scale];
        let placed = cache.hatch(ctx, colours.hatch, resolution, transform).map(|pattern| {
            ctx.set_fill_style_canvas_pattern(pattern);
        });
        if placed.is_some() {
            for (k, &index) in regions.iter().enumerate() {
                if !scene.styling.regions.get(index).is_some_and(|style| style.hatched) {
                    continue;
                }
                if let Some(path) = path_for(&cut, k, cache, atlas, level, index) {
                    ctx.fill_with_path_2d(path);
                }
            }
        }
    }

    // Doubtful listings: a dashed outline in the text colour, along the whole border (the
    // dashes follow its length), thinner on a small map (`Scene::doubtful_width`).
    if regions.iter().any(|&index| scene.styling.regions.get(index).is_some_and(|style| style.doubtful)) {
        let dash = js_sys::Array::of2(
            &JsValue::from_f64(DOUBTFUL_DASH[0] / scale),
            &JsValue::from_f64(DOUBTFUL_DASH[1] / scale),
        );
        let _ = ctx.set_line_dash(&dash);
        ctx.set_stroke_style_str(&colours.text.to_string());
        ctx.set_line_width(scene.doubtful_width() / scale);
        for &index in &regions {
            if !scene.styling.regions.get(index).is_some_and(|style| style.doubtful) {
                continue;
            }
            if let Some(path) = cache.path(atlas, level, index) {
                ctx.stroke_with_path(path);
            }
        }
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }
    ctx.restore();
}

/// Shows `bitmap`, drawn for another view of the same size, where `placement` puts it in the
/// scene's view, then the hover and selection; a scaled bitmap may leave a strip of background.
/// `only` limits it to that rect of a canvas that shows the same view, hover and selection.
#[allow(clippy::too_many_arguments)]
pub fn present(
    ctx: &CanvasRenderingContext2d,
    bitmap: &Bitmap,
    placement: Placement,
    scene: &Scene,
    atlas: &Atlas,
    cache: &mut PathCache,
    ratio: f64,
    only: Option<&PixelRect>,
) {
    let colours = scene.theme.colours();
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.save();
    if let Some(rect) = only {
        clip_to(ctx, rect, 0.0);
    }
    let m = bitmap.margin;
    let Placement { scale: stretch, offset: [ox, oy] } = placement;
    if stretch == 1.0 {
        // Whole device pixels: a shift never blurs, and the settled frame is the bitmap exactly.
        let _ =
            ctx.draw_image_with_html_canvas_element(&bitmap.canvas, (ox * ratio).round() - m, (oy * ratio).round() - m);
    } else {
        ctx.set_fill_style_str(&colours.background.to_string());
        ctx.fill_rect(0.0, 0.0, scene.viewport.width * ratio, scene.viewport.height * ratio);
        let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            &bitmap.canvas,
            ox * ratio - stretch * m,
            oy * ratio - stretch * m,
            f64::from(bitmap.canvas.width()) * stretch,
            f64::from(bitmap.canvas.height()) * stretch,
        );
    }

    let [scale, tx, ty] = scene.viewport.transform();
    let _ = ctx.set_transform(ratio * scale, 0.0, 0.0, ratio * scale, ratio * tx, ratio * ty);
    ctx.set_line_join("round");
    let level = scene.level;
    // Hover/focus then selection: a halo in the background colour under the highlight, so
    // the outline shows on every fill.
    for (index, width) in [(scene.hovered, 1.5), (scene.selected, 2.5)] {
        let Some(path) = index.and_then(|index| cache.path(atlas, level, index)) else {
            continue;
        };
        for (colour, line) in [(colours.background, width + 2.0), (colours.highlight, width)] {
            ctx.set_stroke_style_str(&colour.to_string());
            ctx.set_line_width(line / scale);
            ctx.stroke_with_path(path);
        }
    }
    // A region too small to find by its outline is ringed too, in CSS px whatever the zoom.
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    for (index, width) in [(scene.hovered, 1.5), (scene.selected, 2.5)] {
        let Some([x, y]) = index.and_then(|index| ring_centre(atlas, &scene.viewport, index)) else {
            continue;
        };
        ctx.begin_path();
        let _ = ctx.arc(x, y, RING_RADIUS_PX, 0.0, std::f64::consts::TAU);
        for (colour, line) in [(colours.background, width + 2.0), (colours.highlight, width)] {
            ctx.set_stroke_style_str(&colour.to_string());
            ctx.set_line_width(line);
            ctx.stroke();
        }
    }
    ctx.restore();
}

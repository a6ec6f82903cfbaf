//! Draws a Scene on a Canvas2D: the same geometry, level and colours as the SVG renderer.
//! Region paths are built once per level in world coordinates (Path2D) and placed with the
//! canvas transform, so panning and zooming rebuild nothing.

use crate::atlas::Atlas;
use crate::scene::{Scene, DOUBTFUL_DASH, DOUBTFUL_WIDTH};
use crate::style::Rgb;
use crate::view::project;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasPattern, CanvasRenderingContext2d, DomMatrix, HtmlCanvasElement, Path2d, SvgMatrix};

/// Hatching, as the SVG renderer's pattern has it: a stripe `HATCH_WIDTH` wide every
/// `HATCH_PERIOD` CSS pixels, turned 45°, anchored at the top-left corner of the map.
const HATCH_PERIOD: f64 = 6.0;
const HATCH_WIDTH: f64 = 2.0;

/// Path2D objects per level and region, built on first use, and the hatching pattern.
#[derive(Default)]
pub struct PathCache {
    levels: Vec<Vec<Option<Path2d>>>,
    /// The pattern for a hatch colour and a tile resolution (device pixels per CSS pixel).
    hatch: Option<(Rgb, u32, CanvasPattern)>,
}

impl PathCache {
    /// Forgets every path (a new atlas was loaded).
    pub fn clear(&mut self) {
        self.levels.clear();
    }

    /// A repeating tile with one stripe, drawn at the device resolution so it stays sharp.
    fn hatch(&mut self, ctx: &CanvasRenderingContext2d, colour: Rgb, resolution: u32) -> Option<&CanvasPattern> {
        if !self.hatch.as_ref().is_some_and(|(c, r, _)| *c == colour && *r == resolution) {
            let document = ctx.canvas()?.owner_document()?;
            let tile: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
            let side = (HATCH_PERIOD * f64::from(resolution)).round() as u32;
            tile.set_width(side);
            tile.set_height(side);
            let tile_ctx: CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
            tile_ctx.set_fill_style_str(&colour.to_string());
            tile_ctx.fill_rect(0.0, 0.0, HATCH_WIDTH * f64::from(resolution), f64::from(side));
            let pattern = ctx.create_pattern_with_html_canvas_element(&tile, "repeat").ok()??;
            self.hatch = Some((colour, resolution, pattern));
        }
        self.hatch.as_ref().map(|(_, _, pattern)| pattern)
    }

    fn path(&mut self, atlas: &Atlas, level: usize, region: usize) -> Option<&Path2d> {
        if self.levels.len() != atlas.levels().len() {
            self.levels = atlas.levels().iter().map(|level| vec![None; level.shapes.len()]).collect();
        }
        let slot = self.levels.get_mut(level)?.get_mut(region)?;
        if slot.is_none() {
            let shape = atlas.levels()[level].shapes.get(region)?;
            let path = Path2d::new().ok()?;
            for polygon in &shape.0 {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for (i, coord) in ring.0.iter().enumerate() {
                        let [x, y] = project(coord.x, coord.y);
                        if i == 0 {
                            path.move_to(x, y);
                        } else {
                            path.line_to(x, y);
                        }
                    }
                    path.close_path();
                }
            }
            *slot = Some(path);
        }
        slot.as_ref()
    }
}

/// Draws the scene; `ratio` is the device pixel ratio of the canvas backing store.
pub fn draw(ctx: &CanvasRenderingContext2d, scene: &Scene, atlas: &Atlas, cache: &mut PathCache, ratio: f64) {
    let colours = scene.theme.colours();
    let viewport = &scene.viewport;
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.set_fill_style_str(&colours.background.to_string());
    ctx.fill_rect(0.0, 0.0, viewport.width, viewport.height);

    let [scale, tx, ty] = viewport.transform();
    let to_device = |ctx: &CanvasRenderingContext2d| {
        let _ = ctx.set_transform(ratio * scale, 0.0, 0.0, ratio * scale, ratio * tx, ratio * ty);
    };
    to_device(ctx);
    ctx.set_line_join("round");
    ctx.set_line_width(0.5 / scale);
    ctx.set_stroke_style_str(&colours.stroke.to_string());
    let level = scene.level;
    for &index in &scene.visible {
        let (Some(style), Some(path)) = (scene.regions.get(index), cache.path(atlas, level, index)) else {
            continue;
        };
        ctx.set_fill_style_str(&style.fill.to_string());
        ctx.fill_with_path_2d(path);
        ctx.stroke_with_path(path);
    }

    // Repeat members: a stripe pattern over their fill, fixed to the screen (so it does not
    // shimmer when panning) through a pattern transform that undoes the view's.
    if scene.visible.iter().any(|&index| scene.regions.get(index).is_some_and(|style| style.hatched)) {
        let resolution = ratio.ceil().clamp(1.0, 4.0) as u32;
        let turn = std::f64::consts::FRAC_1_SQRT_2 / (scale * f64::from(resolution));
        let mut transform = [turn, turn, -turn, turn, -tx / scale, -ty / scale];
        let placed = cache.hatch(ctx, colours.hatch, resolution).and_then(|pattern| {
            let matrix = DomMatrix::new_with_array64(&mut transform).ok()?;
            // The browser takes any DOMMatrix here; web-sys types the argument as the older SVGMatrix.
            pattern.set_transform(matrix.unchecked_ref::<SvgMatrix>());
            ctx.set_fill_style_canvas_pattern(pattern);
            Some(())
        });
        if placed.is_some() {
            for &index in &scene.visible {
                if !scene.regions.get(index).is_some_and(|style| style.hatched) {
                    continue;
                }
                if let Some(path) = cache.path(atlas, level, index) {
                    ctx.fill_with_path_2d(path);
                }
            }
        }
    }

    // Doubtful listings: a dashed outline in the text colour.
    if scene.visible.iter().any(|&index| scene.regions.get(index).is_some_and(|style| style.doubtful)) {
        let dash = js_sys::Array::of2(
            &JsValue::from_f64(DOUBTFUL_DASH[0] / scale),
            &JsValue::from_f64(DOUBTFUL_DASH[1] / scale),
        );
        let _ = ctx.set_line_dash(&dash);
        ctx.set_stroke_style_str(&colours.text.to_string());
        ctx.set_line_width(DOUBTFUL_WIDTH / scale);
        for &index in &scene.visible {
            if !scene.regions.get(index).is_some_and(|style| style.doubtful) {
                continue;
            }
            if let Some(path) = cache.path(atlas, level, index) {
                ctx.stroke_with_path(path);
            }
        }
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }

    // Hover/focus then selection: a halo in the background colour under the highlight, so
    // the outline shows on every fill.
    for (index, width) in [(scene.hovered, 1.5), (scene.selected, 2.5)] {
        let Some(path) = index.and_then(|index| cache.path(atlas, level, index)) else {
            continue;
        };
        ctx.set_stroke_style_str(&colours.background.to_string());
        ctx.set_line_width((width + 2.0) / scale);
        ctx.stroke_with_path(path);
        ctx.set_stroke_style_str(&colours.highlight.to_string());
        ctx.set_line_width(width / scale);
        ctx.stroke_with_path(path);
    }
}

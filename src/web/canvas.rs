//! Draws a Scene on a Canvas2D: the same geometry, level and colours as the SVG renderer.
//! Region paths are built once per level in world coordinates (Path2D) and placed with the
//! canvas transform, so panning and zooming rebuild nothing.

use crate::atlas::Atlas;
use crate::scene::Scene;
use crate::view::project;
use web_sys::{CanvasRenderingContext2d, Path2d};

/// Hatching: line spacing and width in CSS pixels, as the SVG pattern has them.
const HATCH_SPACING: f64 = 6.0 * std::f64::consts::SQRT_2;
const HATCH_WIDTH: f64 = 2.0;

/// Path2D objects per level and region, built on first use.
#[derive(Default)]
pub struct PathCache {
    levels: Vec<Vec<Option<Path2d>>>,
}

impl PathCache {
    /// Forgets every path (a new atlas was loaded).
    pub fn clear(&mut self) {
        self.levels.clear();
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

    // Repeat members: diagonal lines clipped to the region, drawn in screen space.
    ctx.set_stroke_style_str(&colours.hatch.to_string());
    for &index in &scene.visible {
        if !scene.regions.get(index).is_some_and(|style| style.hatched) {
            continue;
        }
        let (Some(path), Some(bounds)) = (cache.path(atlas, level, index), atlas.region_bounds(index)) else {
            continue;
        };
        ctx.save();
        ctx.clip_with_path_2d(path);
        let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        let a = viewport.to_screen(project(bounds.min().x, bounds.max().y));
        let b = viewport.to_screen(project(bounds.max().x, bounds.min().y));
        let (left, top) = (a[0].max(0.0), a[1].max(0.0));
        let (right, bottom) = (b[0].min(viewport.width), b[1].min(viewport.height));
        if right > left && bottom > top {
            ctx.set_line_width(HATCH_WIDTH);
            ctx.begin_path();
            // Lines x + y = c, c on a fixed screen grid so hatching does not shimmer when panning.
            let mut c = ((left + top) / HATCH_SPACING).floor() * HATCH_SPACING;
            while c <= right + bottom {
                ctx.move_to(c - top, top);
                ctx.line_to(c - bottom, bottom);
                c += HATCH_SPACING;
            }
            ctx.stroke();
        }
        ctx.restore();
        to_device(ctx);
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

//! The WebAssembly binding: a thin `MapHandle` over [`MapState`] that the `<peta-cerdas>`
//! element calls (see docs/web-api.md). It forwards events, draws on a canvas when something
//! changed, and turns every error into a JS `Error` with a readable message.

mod canvas;

use crate::contract;
use crate::indicator::Layer;
use crate::keyword::Keyword;
use crate::map::{FocusMove, MapError, MapState, Missing};
use crate::region::RegionCode;
use crate::view::reuse::{self, placement, Placement};
use crate::view::Viewport;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// After a pan or zoom, how long the view must stay still before the frame that showed the
/// bitmap shifted or scaled is drawn afresh (sharp, at the level of detail of the new view).
const SETTLE_MS: f64 = 150.0;

/// What the map bitmap depends on besides the view (the level follows from the viewport).
#[derive(PartialEq)]
struct Drawn {
    fills: Vec<(crate::style::Rgb, bool, bool)>,
    theme: crate::style::Theme,
}

/// What the canvas shows: a view with its hover and selection, and whether it is that view's
/// own frame or the bitmap of another view standing in for it.
#[derive(PartialEq)]
struct Shown {
    viewport: Viewport,
    selected: Option<usize>,
    hovered: Option<usize>,
    exact: bool,
}

#[wasm_bindgen]
pub struct MapHandle {
    state: MapState,
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    paths: canvas::PathCache,
    ratio: f64,
    bitmap: canvas::Bitmap,
    /// The view and content the bitmap holds; None when it must be drawn again.
    drawn: Option<(Viewport, Drawn)>,
    /// What the canvas shows; a render of the same draws nothing.
    shown: Option<Shown>,
    /// When `renderFrame` first saw the current view (its clock, ms).
    moved_at: f64,
}

impl MapHandle {
    /// New geometry: the cached paths are stale and the next render draws.
    fn forget_paths(&mut self) {
        self.paths.clear();
        self.drawn = None;
        self.shown = None;
    }

    /// Brings the canvas up to the current state; `now` (ms) lets a pan or zoom that has not
    /// settled show the map bitmap shifted or scaled instead of drawing it again. Answers
    /// whether it drew, and whether the canvas shows such a stand-in, which a later call at
    /// least [`SETTLE_MS`] after the last view change replaces.
    fn paint(&mut self, now: Option<f64>) -> (bool, bool) {
        let (Some(scene), Some(atlas)) = (self.state.scene(), self.state.atlas()) else {
            return (false, false);
        };
        let content = Drawn {
            fills: scene.styling.regions.iter().map(|region| (region.fill, region.hatched, region.doubtful)).collect(),
            theme: scene.theme,
        };
        let view = scene.viewport;
        let shown = |exact| Shown { viewport: view, selected: scene.selected, hovered: scene.hovered, exact };
        if let Some(now) = now {
            if self.shown.as_ref().is_none_or(|shown| shown.viewport != view) {
                self.moved_at = now;
            }
        }
        let settled = now.is_none_or(|now| now - self.moved_at >= SETTLE_MS);
        let placement = match &self.drawn {
            Some((drawn, held)) if *held == content => placement(drawn, &view, self.bitmap.covered),
            _ => None,
        };
        let placement = placement.filter(|&placement| placement == Placement::SAME || !settled);
        let exact = placement.is_none_or(|placement| placement == Placement::SAME);
        if placement.is_some() && self.shown.as_ref() == Some(&shown(exact)) {
            return (false, !exact);
        }
        if let Some(placement) = placement {
            canvas::present(&self.ctx, &self.bitmap, placement, &scene, atlas, &mut self.paths, self.ratio, None);
            self.shown = Some(shown(exact));
            return (true, !exact);
        }
        // A recolour of the view the bitmap holds draws only around the regions that changed,
        // and only in the view, as a whole recolour does: a pan draws the margin when it needs it.
        let rects = match &self.drawn {
            Some((drawn, held)) if *drawn == view && held.theme == content.theme => {
                let changed: Vec<usize> = (content.fills.iter().zip(&held.fills).enumerate())
                    .filter_map(|(index, (now, before))| (now != before).then_some(index))
                    .collect();
                reuse::repaint_rects(atlas, &view, &changed, self.ratio)
            }
            _ => None,
        };
        let same_canvas = self.shown.as_ref() == Some(&shown(true));
        match &rects {
            Some(rects) => {
                for rect in rects {
                    let regions = reuse::regions_meeting(atlas, &view, rect, self.ratio);
                    let area = canvas::Area::Rect(*rect, &regions);
                    canvas::draw_map(&mut self.bitmap, &scene, area, atlas, &mut self.paths, self.ratio);
                }
            }
            None => {
                // A draw the view's moving asks for (beyond the margin, or settling) draws the margin too.
                let moved = self.shown.as_ref().is_some_and(|shown| shown.viewport != view || !shown.exact);
                let area = if moved { canvas::Area::WithMargin } else { canvas::Area::View };
                canvas::draw_map(&mut self.bitmap, &scene, area, atlas, &mut self.paths, self.ratio);
            }
        }
        self.drawn = Some((view, content));
        let (ctx, ratio) = (&self.ctx, self.ratio);
        match rects.filter(|_| same_canvas) {
            Some(rects) => rects.iter().for_each(|rect| {
                canvas::present(ctx, &self.bitmap, Placement::SAME, &scene, atlas, &mut self.paths, ratio, Some(rect))
            }),
            None => canvas::present(ctx, &self.bitmap, Placement::SAME, &scene, atlas, &mut self.paths, ratio, None),
        }
        self.shown = Some(shown(true));
        (true, false)
    }
}

/// A region index for JS: `undefined` when there is none (the element maps it to `null`).
fn index(index: Option<usize>) -> Option<u32> {
    index.and_then(|index| u32::try_from(index).ok())
}

#[wasm_bindgen]
impl MapHandle {
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<MapHandle, JsError> {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|ctx| ctx.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| JsError::new("this browser gives no 2D canvas"))?;
        let bitmap = canvas::Bitmap::new(&canvas).ok_or_else(|| JsError::new("this browser gives no 2D canvas"))?;
        Ok(MapHandle {
            state: MapState::new(),
            canvas,
            ctx,
            paths: Default::default(),
            ratio: 1.0,
            bitmap,
            drawn: None,
            shown: None,
            moved_at: 0.0,
        })
    }

    /// The whole `atlas.bin` (feature `atlas`: the benchmark's and the tests' builds only).
    #[cfg(feature = "atlas")]
    #[wasm_bindgen(js_name = loadAtlas)]
    pub fn load_atlas(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.state.load_atlas(bytes).map_err(JsError::from)?;
        self.forget_paths();
        Ok(())
    }

    /// `overview.bin` with the coarsest borders read from the preview's `paths` (joined by line
    /// breaks) on its grid over `bounds`, which the first paint already brought.
    #[wasm_bindgen(js_name = loadOverview)]
    pub fn load_overview(&mut self, overview: &[u8], paths: &str, bounds: &[f64]) -> Result<(), JsError> {
        self.state.load_overview(overview, paths, bounds).map_err(JsError::from)?;
        self.forget_paths();
        Ok(())
    }

    /// The compiled programme (`programme.bin`): the packaged facts without the CSV parse.
    #[wasm_bindgen(js_name = loadPackedProgramme)]
    pub fn load_packed_programme(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.state.load_packed_programme(bytes).map_err(JsError::from)
    }

    /// One province's texts behind the packed programme's facts (`sources/35.bin`): source links
    /// and titles, notes and quotes, which the panel, the table and the CSV export show.
    #[wasm_bindgen(js_name = loadProgrammeSources)]
    pub fn load_programme_sources(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.state.load_programme_sources(bytes).map_err(JsError::from)
    }

    /// The sources files (`sources/35.bin`, relative to the data folder) the view shows and lacks:
    /// the selected region's province's, and every province's (`sources/all.bin` while more than
    /// one is missing) while the table is open or with `all` (a CSV export). Fetch and
    /// `loadProgrammeSources` them.
    #[wasm_bindgen(js_name = sourcesWanted)]
    pub fn sources_wanted(&self, all: bool) -> Vec<String> {
        self.state.sources_wanted(all)
    }

    /// Whether the page shows the data table (all sources wanted while it does).
    #[wasm_bindgen(js_name = setTableOpen)]
    pub fn set_table_open(&mut self, open: bool) {
        self.state.set_table_open(open);
    }

    /// A developer's indicator as the CSV reader's `readIndicator` read and matched it (`layer`): shows
    /// it. Throws on bytes that are not such a layer or not one of this map's regions, keeping the
    /// previous indicator.
    #[wasm_bindgen(js_name = loadIndicator)]
    pub fn load_indicator(&mut self, layer: &[u8]) -> Result<(), JsError> {
        let layer = Layer::from_bytes(layer).map_err(|e| JsError::from(MapError::Indicator(e)))?;
        self.state.show_indicator(layer).map_err(JsError::from)
    }

    #[wasm_bindgen(js_name = clearIndicator)]
    pub fn clear_indicator(&mut self) {
        self.state.clear_indicator();
    }

    #[wasm_bindgen(js_name = isReady)]
    pub fn is_ready(&self) -> bool {
        self.state.is_ready()
    }

    #[wasm_bindgen(js_name = setSize)]
    pub fn set_size(&mut self, width: f64, height: f64, ratio: f64) {
        self.state.set_size(width, height);
        let viewport = self.state.viewport();
        self.ratio = if ratio.is_finite() { ratio.clamp(1.0, 4.0) } else { 1.0 };
        let (width, height) =
            ((viewport.width * self.ratio).round() as u32, (viewport.height * self.ratio).round() as u32);
        self.canvas.set_width(width);
        self.canvas.set_height(height);
        self.bitmap.resize(width, height, self.ratio);
        self.drawn = None;
        self.shown = None;
    }

    #[wasm_bindgen(js_name = setYear)]
    pub fn set_year(&mut self, year: f64) -> Result<(), JsError> {
        self.state.set_year(contract::whole_year(year).map_err(JsError::from)?).map_err(JsError::from)
    }

    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&mut self, mode: &str) -> Result<(), JsError> {
        self.state.set_mode(mode).map_err(JsError::from)
    }

    #[wasm_bindgen(js_name = setPillar)]
    pub fn set_pillar(&mut self, pillar: &str) -> Result<(), JsError> {
        self.state.set_pillar(pillar).map_err(JsError::from)
    }

    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) -> Result<(), JsError> {
        self.state.set_lang(lang).map_err(JsError::from)
    }

    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, theme: &str) -> Result<(), JsError> {
        self.state.set_theme(theme).map_err(JsError::from)
    }

    /// The date (YYYY-MM-DD) the programme data is current as of; "" removes it.
    #[wasm_bindgen(js_name = setAsOf)]
    pub fn set_as_of(&mut self, date: &str) -> Result<(), JsError> {
        self.state.set_as_of(date).map_err(JsError::from)
    }

    #[wasm_bindgen(js_name = toggleClass)]
    pub fn toggle_class(&mut self, key: &str) -> Result<bool, JsError> {
        self.state.toggle_class(key).map_err(JsError::from)
    }

    #[wasm_bindgen(js_name = applyHash)]
    pub fn apply_hash(&mut self, hash: &str) -> String {
        let problems = self.state.apply_hash(hash);
        let lang = self.state.lang();
        let problems: Vec<String> = problems.iter().map(|problem| problem.link_message(lang)).collect();
        contract::json(&problems)
    }

    pub fn hash(&self) -> String {
        self.state.hash()
    }

    /// The theme (`light`, `dark`, `auto`) the last applied hash that named one asked for; the
    /// element resolves it in place of its `theme` attribute.
    #[wasm_bindgen(js_name = linkTheme)]
    pub fn link_theme(&self) -> Option<String> {
        self.state.link_theme().map(|theme| theme.key().to_string())
    }

    /// Draws the exact frame of the current state if the canvas does not show it yet (for
    /// exports and tests); returns whether it drew.
    pub fn render(&mut self) -> bool {
        self.paint(None).0
    }

    /// The element's frame: draws what changed, showing the last map bitmap shifted or scaled
    /// while a pan or zoom has not settled; `now` is the frame's time (ms). Returns whether a
    /// later frame must still replace such a stand-in.
    #[wasm_bindgen(js_name = renderFrame)]
    pub fn render_frame(&mut self, now: f64) -> bool {
        self.paint(Some(now)).1
    }

    #[wasm_bindgen(js_name = pointerMove)]
    pub fn pointer_move(&mut self, x: f64, y: f64) -> Option<u32> {
        index(self.state.hover(x, y))
    }

    #[wasm_bindgen(js_name = pointerLeave)]
    pub fn pointer_leave(&mut self) {
        self.state.unhover();
    }

    #[wasm_bindgen(js_name = clickAt)]
    pub fn click_at(&mut self, x: f64, y: f64) -> Option<u32> {
        index(self.state.click(x, y))
    }

    /// Selects by Kemendagri code; an empty code clears the selection.
    pub fn select(&mut self, code: &str) -> bool {
        if code.is_empty() {
            self.state.select_index(None);
            return true;
        }
        code.parse::<RegionCode>().is_ok_and(|code| self.state.select_code(code))
    }

    #[wasm_bindgen(js_name = selectIndex)]
    pub fn select_index(&mut self, index: Option<u32>) {
        self.state.select_index(index.map(|index| index as usize));
    }

    pub fn selected(&self) -> Option<u32> {
        index(self.state.selected())
    }

    pub fn hovered(&self) -> Option<u32> {
        index(self.state.hovered())
    }

    pub fn focused(&self) -> Option<u32> {
        index(self.state.focused())
    }

    /// The level of detail the current view draws (0 = coarsest), or -1 before an atlas is loaded;
    /// the benchmark draws its peers at the same level.
    #[wasm_bindgen(js_name = levelOfDetail)]
    pub fn level_of_detail(&self) -> i32 {
        self.state.atlas().map_or(-1, |atlas| crate::scene::level_for(atlas, self.state.viewport()) as i32)
    }

    /// The level files (`detail/1/35.bin`, relative to the data folder) of the provinces in view at
    /// the one level the view draws, that are not loaded yet (level 1 before any is, see
    /// `MapState::detail_wanted`); empty at the home view, which the overview serves.
    #[wasm_bindgen(js_name = detailWanted)]
    pub fn detail_wanted(&self) -> Vec<String> {
        self.state
            .detail_wanted()
            .into_iter()
            .map(|(province, level)| crate::asset::detail_file(province, level))
            .collect()
    }

    /// One province's level file; throws on bad bytes or a file of other boundaries, keeping the
    /// previous state.
    #[wasm_bindgen(js_name = loadDetail)]
    pub fn load_detail(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.state.load_detail(bytes).map_err(JsError::from)?;
        self.forget_paths();
        Ok(())
    }

    #[wasm_bindgen(js_name = zoomAt)]
    pub fn zoom_at(&mut self, factor: f64, x: f64, y: f64) {
        self.state.zoom_at(factor, x, y);
    }

    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.state.pan(dx, dy);
    }

    #[wasm_bindgen(js_name = resetView)]
    pub fn reset_view(&mut self) {
        self.state.reset_view();
    }

    #[wasm_bindgen(js_name = flyTo)]
    pub fn fly_to(&mut self, index: u32) {
        self.state.fly_to(index as usize);
    }

    /// Fits a province (its name as `table()` and `participation()` spell it) in view; false when
    /// no region lies in it.
    #[wasm_bindgen(js_name = fitProvince)]
    pub fn fit_province(&mut self, province: &str) -> bool {
        self.state.fly_to_province(province)
    }

    /// Keyboard focus moves, by the keys of [`FocusMove`] ("first", "left", …, "next").
    #[wasm_bindgen(js_name = moveFocus)]
    pub fn move_focus(&mut self, step: &str) -> Result<Option<u32>, JsError> {
        let step = FocusMove::from_key(step).map_err(MapError::from)?;
        Ok(index(self.state.move_focus(step)))
    }

    #[wasm_bindgen(js_name = regionAt)]
    pub fn region_at(&self, lon: f64, lat: f64) -> String {
        contract::json(&self.state.region_at(lon, lat).map(contract::region_ref))
    }

    /// Where a lon/lat lies on the canvas, in CSS pixels: `[x, y]`.
    #[wasm_bindgen(js_name = toScreen)]
    pub fn to_screen(&self, lon: f64, lat: f64) -> Vec<f64> {
        self.state.viewport().to_screen(crate::view::project(lon, lat)).to_vec()
    }

    pub fn ui(&self) -> String {
        contract::json(&contract::ui(&self.state))
    }

    #[wasm_bindgen(js_name = regionInfo)]
    pub fn region_info(&self, index: u32) -> String {
        contract::json(&contract::region_info(&self.state, index as usize))
    }

    pub fn search(&self, query: &str, limit: u32) -> String {
        contract::json(&contract::search(&self.state, query, limit as usize))
    }

    #[wasm_bindgen(js_name = toSVG)]
    pub fn to_svg(&self) -> Result<String, JsError> {
        self.state.to_svg().ok_or_else(|| JsError::from(MapError::NotLoaded(Missing::Atlas)))
    }
}

//! The interactive map as pure state: what is loaded, what is shown, what is hovered, selected
//! and focused, and what each user action changes. The browser binding (`web`) forwards events
//! here and draws the [`Scene`]; every decision is tested natively.

mod error;
mod keyboard;

pub use error::{MapError, Missing};
pub use keyboard::{nearest_in_direction, Direction, FocusMove};

use crate::asset::paths::{self, Grid};
use crate::asset::{Detail, Overview};
use crate::atlas::{Atlas, DetailError};
use crate::indicator::{Indicator, IndicatorError, IndicatorReport, Layer};
use crate::keyword::Keyword;
use crate::names::NameIndex;
use crate::order;
use crate::programme::{sources_file, AsOf, Programme, ALL_SOURCES_FILE};
use crate::region::{Region, RegionCode};
use crate::render::svg;
use crate::scene::{Scene, SceneInput, Styling};
use crate::style::{self, Class, Colouring, Lang, Mode, PillarFocus, Theme, ThemeChoice};
use crate::view::{project, ViewState, Viewport};
use geo::{Area, Centroid};
use keyboard::nearest_to;
use std::cell::RefCell;

/// Pixels kept free around the country when it is fitted.
const FIT_PADDING: f64 = 16.0;
/// A region flown to fills the view but is never shown nearer than this.
const FLY_MAX_ZOOM: f64 = 40.0;

/// The state of one interactive map.
pub struct MapState {
    atlas: Option<Atlas>,
    programme: Option<Programme>,
    names: Option<NameIndex>,
    /// The centroid of each region's largest part (world coordinates): where keyboard focus moves between.
    anchors: Vec<[f64; 2]>,
    /// Region indices by province, then name; `rank[i]` is region i's place in it.
    reading_order: Vec<usize>,
    rank: Vec<usize>,
    colouring: Colouring,
    lang: Lang,
    theme: Theme,
    /// The theme a link's hash asked for: it wins over the page's own (`link_theme`), and the
    /// hash the map writes keeps it, so that a shared or embedded link stays in its theme.
    link_theme: Option<ThemeChoice>,
    viewport: Viewport,
    /// The size before an atlas gave the view an extent to fit.
    sized: bool,
    hidden: Vec<Class>,
    selected: Option<usize>,
    hovered: Option<usize>,
    focused: Option<usize>,
    /// A developer's own indicator, matched to the regions.
    indicator: Option<Layer>,
    /// The date the page says its programme data is current as of.
    as_of: Option<AsOf>,
    /// Whether the page shows the data table, whose rows show every province's sources.
    table_open: bool,
    /// The last scene's styling and what it was built from: the frames of a pan, a zoom step or
    /// a hover reuse it. Loading data empties it.
    styling: RefCell<Option<(StylingKey, Styling)>>,
}

/// What a [`Styling`] depends on besides the loaded data.
#[derive(Clone, PartialEq)]
struct StylingKey {
    colouring: Colouring,
    theme: Theme,
    lang: Lang,
    hidden: Vec<Class>,
    as_of: Option<AsOf>,
}

impl Default for MapState {
    fn default() -> MapState {
        MapState::new()
    }
}

impl MapState {
    pub fn new() -> MapState {
        let indonesia = geo::Rect::new(geo::Coord { x: 95.0, y: -11.0 }, geo::Coord { x: 141.0, y: 6.0 });
        MapState {
            atlas: None,
            programme: None,
            names: None,
            anchors: Vec::new(),
            reading_order: Vec::new(),
            rank: Vec::new(),
            indicator: None,
            as_of: None,
            colouring: Colouring { mode: Mode::Cohort, pillar: PillarFocus::Count, year: 2017 },
            lang: Lang::Id,
            theme: Theme::Light,
            link_theme: None,
            viewport: Viewport::fit(indonesia, 800.0, 500.0, FIT_PADDING),
            sized: false,
            hidden: Vec::new(),
            selected: None,
            hovered: None,
            focused: None,
            table_open: false,
            styling: RefCell::new(None),
        }
    }

    /// New data (regions, programme, sources, indicator): the kept styling is stale.
    fn data_changed(&mut self) {
        self.styling.get_mut().take();
    }

    /// Loads an asset with all its levels (`atlas.bin`); on error the previous atlas stays. A
    /// second load with the same regions (the detailed asset after the overview) keeps the view
    /// and the selection.
    pub fn load_atlas(&mut self, bytes: &[u8]) -> Result<(), MapError> {
        self.take_atlas(Atlas::from_bytes(bytes).map_err(MapError::Asset)?)
    }

    /// Loads the overview (`overview.bin`) with its coarsest level read from the preview's paths
    /// (one per line) on the grid over `bounds`, as [`MapState::load_atlas`] loads an asset.
    pub fn load_overview(&mut self, overview: &[u8], paths: &str, bounds: &[f64]) -> Result<(), MapError> {
        let overview = Overview::from_bytes(overview).map_err(MapError::Asset)?;
        let shapes = paths::read_paths(paths, &Grid::new(bounds).map_err(MapError::Asset)?).map_err(MapError::Asset)?;
        self.take_atlas(Atlas::from_overview(overview, shapes).map_err(MapError::Asset)?)
    }

    fn take_atlas(&mut self, atlas: Atlas) -> Result<(), MapError> {
        if atlas.regions().is_empty() {
            return Err(MapError::EmptyAtlas);
        }
        let same_regions = self.atlas.as_ref().is_some_and(|old| old.regions() == atlas.regions());
        if !same_regions {
            self.selected = None;
            self.hovered = None;
            self.focused = None;
            let camera = self.atlas.is_some().then(|| self.viewport.camera());
            self.viewport = Viewport::fit(atlas.bounds(), self.viewport.width, self.viewport.height, FIT_PADDING);
            if let Some([lon, lat, zoom]) = camera {
                self.viewport = self.viewport.with_camera(lon, lat, zoom);
            }
        }
        let coarsest = &atlas.levels()[0].shapes;
        self.anchors = coarsest
            .iter()
            .map(|shape| {
                let largest = shape.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
                largest.and_then(|polygon| polygon.centroid()).map_or([0.0, 0.0], |p| project(p.x(), p.y()))
            })
            .collect();
        let regions = atlas.regions();
        self.reading_order = order::sorted_indices(regions.len(), &|a, b| {
            (&regions[a].province, &regions[a].name).cmp(&(&regions[b].province, &regions[b].name))
        });
        self.rank = vec![0; regions.len()];
        for (place, &index) in self.reading_order.iter().enumerate() {
            self.rank[index] = place;
        }
        self.names = Some(NameIndex::new(atlas.regions()));
        self.atlas = Some(atlas);
        self.data_changed();
        Ok(())
    }

    /// Loads the programme facts; on error the previous programme stays.
    pub fn load_programme(&mut self, members: &str, pillars: &str, cohorts: &str) -> Result<(), MapError> {
        self.set_programme(Programme::from_csv(members, pillars, cohorts).map_err(MapError::Programme)?);
        Ok(())
    }

    /// Loads the compiled programme (`programme.bin`); on error the previous programme stays.
    pub fn load_packed_programme(&mut self, bytes: &[u8]) -> Result<(), MapError> {
        self.set_programme(Programme::from_bytes(bytes).map_err(MapError::Programme)?);
        Ok(())
    }

    /// Adds one province's sources file (`sources/35.bin`) to a programme loaded from
    /// `programme.bin`; on error nothing changes.
    pub fn load_programme_sources(&mut self, bytes: &[u8]) -> Result<(), MapError> {
        let programme = self.programme.as_mut().ok_or(MapError::NotLoaded(Missing::Programme))?;
        programme.add_sources(bytes).map_err(MapError::Programme)?;
        self.data_changed();
        Ok(())
    }

    /// The page opened or closed its data table: while it is open, the view shows every
    /// province's sources.
    pub fn set_table_open(&mut self, open: bool) {
        self.table_open = open;
    }

    /// The sources files (`sources/35.20.bin`) the view shows and the programme lacks: the
    /// selected region's (its panel), and while the table is open, or when `all` asks for them
    /// (a CSV export), every holder's: the one file of them all ([`ALL_SOURCES_FILE`]) when more
    /// than one is missing.
    pub fn sources_wanted(&self, all: bool) -> Vec<String> {
        let Some(programme) = self.programme.as_ref() else {
            return Vec::new();
        };
        if all || self.table_open {
            return match programme.missing_sources() {
                [] => Vec::new(),
                &[holder] => vec![sources_file(holder)],
                _ => vec![ALL_SOURCES_FILE.to_owned()],
            };
        }
        let selected = self.selected.and_then(|index| self.atlas.as_ref()?.regions().get(index));
        selected
            .map(|region| region.code)
            .filter(|&code| !programme.has_sources_of(code))
            .map(sources_file)
            .into_iter()
            .collect()
    }

    /// The year stays where it was when the new programme has that cohort, else the latest.
    fn set_programme(&mut self, programme: Programme) {
        let years = programme.cohort_years();
        if self.programme.is_none() || !years.contains(&self.colouring.year) {
            self.colouring.year = programme.latest_year();
        }
        self.programme = Some(programme);
        self.data_changed();
    }

    /// Loads a developer's indicator CSV (a code or name column and a value) and shows it.
    /// Rows that match no region are reported, not fatal; a file with no usable row is an
    /// error, and the previous indicator (if any) stays.
    pub fn load_indicator(&mut self, csv: &str) -> Result<IndicatorReport, MapError> {
        let (atlas, names) = match (self.atlas.as_ref(), self.names.as_ref()) {
            (Some(atlas), Some(names)) => (atlas, names),
            _ => return Err(MapError::NotLoaded(Missing::Atlas)),
        };
        let (layer, report) = read_indicator(csv, atlas.regions(), names)?;
        self.show_indicator(layer)?;
        Ok(report)
    }

    /// Shows an indicator read and matched elsewhere (by the CSV reader's wasm in a browser): a value or
    /// none per region of the loaded atlas, in its order.
    pub fn show_indicator(&mut self, layer: Layer) -> Result<(), MapError> {
        let regions = self.atlas.as_ref().ok_or(MapError::NotLoaded(Missing::Atlas))?.regions().len();
        if layer.values.len() != regions {
            let why = format!("{} values for the {regions} regions of this map", layer.values.len());
            return Err(MapError::Indicator(IndicatorError(why)));
        }
        self.indicator = Some(layer);
        self.colouring.mode = Mode::Indicator;
        self.hidden.clear();
        self.data_changed();
        Ok(())
    }

    /// Removes the indicator; the map returns to cohorts.
    pub fn clear_indicator(&mut self) {
        self.indicator = None;
        if self.colouring.mode == Mode::Indicator {
            self.colouring.mode = Mode::Cohort;
            self.hidden.clear();
        }
        self.data_changed();
    }

    pub fn is_ready(&self) -> bool {
        self.atlas.is_some() && self.programme.is_some()
    }

    pub fn atlas(&self) -> Option<&Atlas> {
        self.atlas.as_ref()
    }

    pub fn programme(&self) -> Option<&Programme> {
        self.programme.as_ref()
    }

    pub fn names(&self) -> Option<&NameIndex> {
        self.names.as_ref()
    }

    /// The developer's indicator, if one is loaded.
    pub fn indicator(&self) -> Option<&Layer> {
        self.indicator.as_ref()
    }

    /// The level files, as (province, level) by ascending province, that the view wants and lacks:
    /// those of the regions in view at the one level the view draws. Only that level, the fewest
    /// bytes: a deep zoom skips a province's level 1, which its level 2 replaces. Until a first file
    /// tells the finer levels' tolerances the map cannot tell level 1's zoom from level 2's, so it
    /// asks for level 1, which then draws while the finer level comes.
    pub fn detail_wanted(&self) -> Vec<(u8, u8)> {
        let Some(atlas) = self.atlas.as_ref() else {
            return Vec::new();
        };
        let level = match atlas.levels().len() {
            1 => usize::from(crate::scene::wants_detail(atlas, &self.viewport)),
            _ => crate::scene::level_for(atlas, &self.viewport),
        };
        if level == 0 {
            return Vec::new();
        }
        let mut files: Vec<(u8, u8)> = atlas
            .regions_in(self.viewport.visible_extent())
            .into_iter()
            .filter(|&index| !atlas.has_level(level, index))
            // An atlas has a handful of levels.
            .map(|index| (atlas.regions()[index].code.province, level as u8))
            .collect();
        files.dedup();
        files
    }

    /// Takes in one province's level file ([`crate::asset::Detail`]); on error the atlas stays as it was.
    pub fn load_detail(&mut self, bytes: &[u8]) -> Result<(), MapError> {
        let atlas = self.atlas.as_mut().ok_or(MapError::NotLoaded(Missing::Atlas))?;
        let detail = Detail::from_bytes(bytes).map_err(|e| MapError::Detail(DetailError::Unreadable(e)))?;
        atlas.add_detail(&detail).map_err(MapError::Detail)?;
        self.data_changed();
        Ok(())
    }

    pub fn viewport(&self) -> &Viewport {
        &self.viewport
    }

    pub fn set_size(&mut self, width: f64, height: f64) {
        self.viewport = if self.sized {
            self.viewport.resized(width, height)
        } else {
            let extent = self.atlas.as_ref().map(Atlas::bounds);
            let fitted = Viewport::fit(
                extent.unwrap_or_else(|| {
                    geo::Rect::new(geo::Coord { x: 95.0, y: -11.0 }, geo::Coord { x: 141.0, y: 6.0 })
                }),
                width,
                height,
                FIT_PADDING,
            );
            // A camera set before the first size (from a link) survives it.
            let [lon, lat, zoom] = self.viewport.camera();
            fitted.with_camera(lon, lat, zoom)
        };
        self.sized = true;
    }

    pub fn set_year(&mut self, year: u16) -> Result<(), MapError> {
        let programme = self.programme.as_ref().ok_or(MapError::NotLoaded(Missing::Programme))?;
        let year = programme_year(programme, year)?;
        if year != self.colouring.year {
            self.colouring.year = year;
            self.hidden.clear();
        }
        Ok(())
    }

    pub fn set_mode(&mut self, mode: &str) -> Result<(), MapError> {
        let mode = Mode::from_key(mode)?;
        if mode == Mode::Indicator && self.indicator.is_none() {
            return Err(MapError::NoIndicator);
        }
        if mode != self.colouring.mode {
            self.colouring.mode = mode;
            self.hidden.clear();
        }
        Ok(())
    }

    pub fn set_pillar(&mut self, pillar: &str) -> Result<(), MapError> {
        let pillar: PillarFocus = pillar.parse()?;
        if pillar != self.colouring.pillar {
            self.colouring.pillar = pillar;
            self.hidden.clear();
        }
        Ok(())
    }

    pub fn set_lang(&mut self, lang: &str) -> Result<(), MapError> {
        self.lang = Lang::from_key(lang)?;
        Ok(())
    }

    pub fn set_theme(&mut self, theme: &str) -> Result<(), MapError> {
        self.theme = Theme::from_key(theme)?;
        Ok(())
    }

    /// The date the programme data is current as of (YYYY-MM-DD), shown in the attribution; an
    /// empty text removes it. A bad date is refused and the previous one stays.
    pub fn set_as_of(&mut self, date: &str) -> Result<(), MapError> {
        self.as_of = match date.trim() {
            "" => None,
            text => Some(text.parse().map_err(MapError::BadDate)?),
        };
        Ok(())
    }

    /// Switches a legend class off or on by its key; returns whether it is now hidden.
    pub fn toggle_class(&mut self, key: &str) -> Result<bool, MapError> {
        let programme = self.programme.as_ref().ok_or(MapError::NotLoaded(Missing::Programme))?;
        let classes = match (&self.indicator, self.colouring.mode) {
            (Some(layer), Mode::Indicator) => {
                let of = layer.bins.len() as u8;
                (0..of).map(|index| Class::Bin { index, of }).chain([Class::NoValue]).collect()
            }
            _ => style::legend_classes(programme, self.colouring),
        };
        let class = classes
            .into_iter()
            .find(|class| class.key() == key)
            .ok_or_else(|| MapError::NoLegendEntry(key.chars().take(40).collect()))?;
        match self.hidden.iter().position(|&hidden| hidden == class) {
            Some(index) => _ = self.hidden.remove(index),
            None => self.hidden.push(class),
        }
        Ok(self.hidden.contains(&class))
    }

    /// Applies what is valid in a URL hash; returns why each field that was not could not be.
    pub fn apply_hash(&mut self, hash: &str) -> Vec<MapError> {
        let (state, problems) = ViewState::from_hash(hash);
        let mut problems: Vec<MapError> = problems.into_iter().map(MapError::Hash).collect();
        if let Some(year) = state.year {
            if let Err(problem) = self.set_year(year) {
                problems.push(MapError::InLink(Box::new(problem)));
            }
        }
        match state.mode {
            Some(Mode::Indicator) if self.indicator.is_none() => {
                problems.push(MapError::InLink(Box::new(MapError::NoIndicator)));
            }
            Some(mode) => self.colouring.mode = mode,
            None => {}
        }
        if let Some(pillar) = state.pillar {
            self.colouring.pillar = pillar;
        }
        if let Some(lang) = state.lang {
            self.lang = lang;
        }
        if state.theme.is_some() {
            self.link_theme = state.theme;
        }
        if let Some(code) = state.region {
            if !self.select_code(code) {
                problems.push(MapError::InLink(Box::new(MapError::UnknownRegion(code))));
            }
        }
        if let Some([lon, lat, zoom]) = state.camera {
            self.viewport = self.viewport.with_camera(lon, lat, zoom);
        }
        problems
    }

    /// The theme the last link that named one asked for; the page resolves `auto` and sets it
    /// with [`MapState::set_theme`].
    pub fn link_theme(&self) -> Option<ThemeChoice> {
        self.link_theme
    }

    /// The state as a URL hash: the language always, as a reader sees it; the theme only when a
    /// link set it, the page's own being the page's to choose.
    pub fn hash(&self) -> String {
        ViewState {
            year: Some(self.colouring.year),
            mode: Some(self.colouring.mode),
            pillar: (self.colouring.mode == Mode::Pillar).then_some(self.colouring.pillar),
            lang: Some(self.lang),
            theme: self.link_theme,
            region: self.selected.and_then(|index| Some(self.atlas.as_ref()?.regions().get(index)?.code)),
            camera: Some(self.viewport.camera()),
        }
        .to_hash()
    }

    /// The region under a screen point (CSS pixels).
    pub fn region_at_screen(&self, x: f64, y: f64) -> Option<usize> {
        let [lon, lat] = self.viewport.lonlat_at([x, y]);
        self.atlas.as_ref()?.locate(lon, lat)
    }

    pub fn region_at(&self, lon: f64, lat: f64) -> Option<&Region> {
        let atlas = self.atlas.as_ref()?;
        atlas.locate(lon, lat).map(|index| &atlas.regions()[index])
    }

    /// Hover at a screen point; returns the hovered region.
    pub fn hover(&mut self, x: f64, y: f64) -> Option<usize> {
        self.hovered = self.region_at_screen(x, y);
        self.hovered
    }

    pub fn unhover(&mut self) {
        self.hovered = None;
    }

    /// A click or tap: selects the region there, or clears the selection at sea.
    pub fn click(&mut self, x: f64, y: f64) -> Option<usize> {
        self.selected = self.region_at_screen(x, y);
        self.focused = self.selected;
        self.selected
    }

    /// Selects a region by code; false (and nothing changes) when no region has it.
    pub fn select_code(&mut self, code: RegionCode) -> bool {
        match self.atlas.as_ref().and_then(|atlas| atlas.index_of(code)) {
            Some(index) => {
                self.selected = Some(index);
                self.focused = Some(index);
                true
            }
            None => false,
        }
    }

    pub fn select_index(&mut self, index: Option<usize>) {
        let count = self.atlas.as_ref().map_or(0, |atlas| atlas.regions().len());
        self.selected = index.filter(|&index| index < count);
        if self.selected.is_some() {
            self.focused = self.selected;
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn hovered(&self) -> Option<usize> {
        self.hovered
    }

    pub fn focused(&self) -> Option<usize> {
        self.focused
    }

    pub fn zoom_at(&mut self, factor: f64, x: f64, y: f64) {
        self.viewport = self.viewport.zoom_about(factor, [x, y]);
    }

    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.viewport = self.viewport.pan(dx, dy);
    }

    pub fn reset_view(&mut self) {
        self.viewport = self.viewport.reset();
    }

    /// Fits a region in view.
    pub fn fly_to(&mut self, index: usize) {
        if let Some(extent) = self.atlas.as_ref().and_then(|atlas| atlas.region_bounds(index)) {
            self.viewport = self.viewport.fly_to(extent, FIT_PADDING * 4.0, FLY_MAX_ZOOM);
        }
    }

    /// Fits every region of a province (by its name, as the atlas spells it) in view; false when
    /// no region has that province.
    pub fn fly_to_province(&mut self, province: &str) -> bool {
        let Some(atlas) = self.atlas.as_ref() else {
            return false;
        };
        let extent = (0..atlas.regions().len())
            .filter(|&i| atlas.regions()[i].province == province)
            .filter_map(|i| atlas.region_bounds(i))
            .reduce(|a, b| {
                geo::Rect::new(
                    geo::Coord { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                    geo::Coord { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
                )
            });
        match extent {
            Some(extent) => {
                self.viewport = self.viewport.fly_to(extent, FIT_PADDING * 2.0, FLY_MAX_ZOOM);
                true
            }
            None => false,
        }
    }

    /// Keyboard focus: the nearest region in a direction from the focused one (or, to start,
    /// the selected one, or the region nearest the centre of the view). Off-screen targets are
    /// panned into view. Returns the newly focused region.
    pub fn move_focus(&mut self, step: FocusMove) -> Option<usize> {
        let atlas = self.atlas.as_ref()?;
        let screen: Vec<[f64; 2]> = self.anchors.iter().map(|&anchor| self.viewport.to_screen(anchor)).collect();
        let start = self.focused.or(self.selected);
        let count = self.reading_order.len();
        let next = match (start, step) {
            (Some(from), FocusMove::Toward(direction)) => nearest_in_direction(&screen, from, direction).or(Some(from)),
            (Some(from), FocusMove::Next) => self.reading_order.get((self.rank[from] + 1) % count).copied(),
            (Some(from), FocusMove::Previous) => self.reading_order.get((self.rank[from] + count - 1) % count).copied(),
            (None, FocusMove::Next) => self.reading_order.first().copied(),
            (None, FocusMove::Previous) => self.reading_order.last().copied(),
            _ => {
                let centre = [self.viewport.width / 2.0, self.viewport.height / 2.0];
                start.or_else(|| nearest_to(&screen, centre))
            }
        };
        if let Some(index) = next.filter(|&index| index < atlas.regions().len()) {
            self.focused = Some(index);
            let [x, y] = screen[index];
            let margin = 24.0;
            let (width, height) = (self.viewport.width, self.viewport.height);
            if !(margin..=width - margin).contains(&x) || !(margin..=height - margin).contains(&y) {
                self.viewport = self.viewport.pan(width / 2.0 - x, height / 2.0 - y);
            }
        }
        self.focused
    }

    pub fn colouring(&self) -> Colouring {
        self.colouring
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// What to draw now.
    pub fn scene(&self) -> Option<Scene> {
        let input = self.scene_input()?;
        Some(Scene::with_styling(self.styling_of(&input), &input))
    }

    /// The colours and texts now, without the view's parts: what the controls show.
    pub fn styling(&self) -> Option<Styling> {
        Some(self.styling_of(&self.scene_input()?))
    }

    /// The kept styling when it was built from what `input` holds now, else a new one, kept.
    fn styling_of(&self, input: &SceneInput<'_>) -> Styling {
        let key = StylingKey {
            colouring: self.colouring,
            theme: self.theme,
            lang: self.lang,
            hidden: self.hidden.clone(),
            as_of: self.as_of,
        };
        let mut kept = self.styling.borrow_mut();
        match &*kept {
            Some((built_for, styling)) if *built_for == key => styling.clone(),
            _ => {
                let styling = Styling::build(input);
                *kept = Some((key, styling.clone()));
                styling
            }
        }
    }

    fn scene_input(&self) -> Option<SceneInput<'_>> {
        let (atlas, programme) = (self.atlas.as_ref()?, self.programme.as_ref()?);
        Some(SceneInput {
            atlas,
            programme,
            colouring: self.colouring,
            theme: self.theme,
            lang: self.lang,
            viewport: self.viewport,
            hidden: &self.hidden,
            selected: self.selected,
            hovered: self.hovered.or(self.focused),
            indicator: self.indicator.as_ref(),
            as_of: self.as_of,
        })
    }

    /// The current view as a standalone SVG document.
    pub fn to_svg(&self) -> Option<String> {
        let scene = self.scene()?;
        Some(svg::render(&scene, self.atlas.as_ref()?, self.programme.as_ref()?, self.colouring.year))
    }
}

/// Reads a developer's indicator CSV and matches its rows to `regions`: the layer to draw, and the
/// report of what matched. Rows that match no region are reported, not fatal; a file with no
/// usable row is an error.
pub fn read_indicator(csv: &str, regions: &[Region], names: &NameIndex) -> Result<(Layer, IndicatorReport), MapError> {
    let indicator = Indicator::from_csv(csv, regions, names).map_err(MapError::Indicator)?;
    let problems = indicator.problems.iter().map(ToString::to_string).collect();
    let layer = Layer::new(&indicator).ok_or_else(|| MapError::NoIndicatorRow {
        first_problem: indicator.problems.first().map(ToString::to_string),
    })?;
    let report =
        IndicatorReport { label: layer.label.clone(), rows: indicator.rows, matched: layer.matched(), problems };
    Ok((layer, report))
}

/// The year when it lies within the programme's cohorts (2017 up to the latest).
pub fn programme_year(programme: &Programme, year: u16) -> Result<u16, MapError> {
    let (first, last) = (programme.cohort_years()[0], programme.latest_year());
    if (first..=last).contains(&year) {
        Ok(year)
    } else {
        Err(MapError::YearOutOfRange { year, first, last })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn build_file(name: &str) -> Vec<u8> {
        let path = format!("{}/data/build/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}; `make data` prepares it"))
    }

    /// The project's programme CSV files, loaded as a site's own would be.
    fn load_project_programme(map: &mut MapState) {
        map.load_programme(
            include_str!("../../data/programme/members.csv"),
            include_str!("../../data/programme/pillars.csv"),
            include_str!("../../data/programme/cohorts.csv"),
        )
        .unwrap();
    }

    /// What a page's map starts from: overview.bin and the preview's paths of the coarsest
    /// level, written here from atlas.bin as `peta-cerdas preview` writes them.
    fn load_overview(map: &mut MapState) {
        static PATHS: std::sync::OnceLock<(String, [f64; 4])> = std::sync::OnceLock::new();
        let (paths, bounds) = PATHS.get_or_init(|| {
            let atlas = Atlas::from_bytes(&build_file("atlas.bin")).unwrap();
            let (bounds, _, paths) = paths::write_paths(&atlas.levels()[0].shapes).unwrap();
            (paths.join("\n"), bounds)
        });
        map.load_overview(&build_file("overview.bin"), paths, bounds).unwrap();
    }

    /// One thing a reader or a page does to the map.
    #[derive(Clone, Debug)]
    enum Step {
        Year(u16),
        Mode(&'static str),
        Pillar(&'static str),
        Lang(&'static str),
        Theme(&'static str),
        AsOf(&'static str),
        Toggle(usize),
        Pan(f64, f64),
        Zoom(f64),
        Hover(f64, f64),
        Click(f64, f64),
        Indicator(Option<u8>),
        Sources(&'static str),
        Programme,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (2016u16..2026).prop_map(Step::Year),
            prop::sample::select(vec!["cohort", "pillar", "indicator"]).prop_map(Step::Mode),
            prop::sample::select(vec!["count", "governance", "environment"]).prop_map(Step::Pillar),
            prop::sample::select(vec!["id", "en"]).prop_map(Step::Lang),
            prop::sample::select(vec!["light", "dark"]).prop_map(Step::Theme),
            prop::sample::select(vec!["2025-06-30", "2024-01-31"]).prop_map(Step::AsOf),
            (0usize..10).prop_map(Step::Toggle),
            (-300.0..300.0, -300.0..300.0).prop_map(|(dx, dy)| Step::Pan(dx, dy)),
            (0.5..2.0).prop_map(Step::Zoom),
            (0.0..1200.0, 0.0..800.0).prop_map(|(x, y)| Step::Hover(x, y)),
            (0.0..1200.0, 0.0..800.0).prop_map(|(x, y)| Step::Click(x, y)),
            proptest::option::of(2u8..7).prop_map(Step::Indicator),
            prop::sample::select(vec!["33.74", "35.20", "51.71"]).prop_map(Step::Sources),
            Just(Step::Programme),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The kept styling never shows a stale colour or text: after any steps, the scene is
        /// the one built afresh from the same state.
        #[test]
        fn the_kept_styling_is_never_stale(steps in proptest::collection::vec(step(), 1..24)) {
            let programme = crate::programme::packaged();
            let files = programme.sources_files();
            let mut map = MapState::new();
            map.set_size(1200.0, 800.0);
            load_overview(&mut map);
            map.load_packed_programme(&programme.to_bytes()).unwrap();
            let codes: Vec<String> = map.atlas().unwrap().regions().iter().map(|r| r.code.to_string()).collect();
            for step in steps {
                match step {
                    Step::Year(year) => _ = map.set_year(year),
                    Step::Mode(mode) => _ = map.set_mode(mode),
                    Step::Pillar(pillar) => _ = map.set_pillar(pillar),
                    Step::Lang(lang) => _ = map.set_lang(lang),
                    Step::Theme(theme) => _ = map.set_theme(theme),
                    Step::AsOf(date) => _ = map.set_as_of(date),
                    Step::Toggle(nth) => {
                        let keys: Vec<String> = map.scene().unwrap().styling.legend.entries.iter().filter_map(|e| Some(e.class?.key())).collect();
                        if let Some(key) = keys.get(nth % keys.len().max(1)) {
                            map.toggle_class(key).unwrap();
                        }
                    }
                    Step::Pan(dx, dy) => map.pan(dx, dy),
                    Step::Zoom(factor) => map.zoom_at(factor, 600.0, 400.0),
                    Step::Hover(x, y) => _ = map.hover(x, y),
                    Step::Click(x, y) => _ = map.click(x, y),
                    Step::Indicator(None) => map.clear_indicator(),
                    Step::Indicator(Some(step)) => {
                        let csv: String = std::iter::once("kode,nilai".to_owned())
                            .chain(codes.iter().enumerate().step_by(usize::from(step)).map(|(i, code)| format!("{code},{i}")))
                            .collect::<Vec<_>>()
                            .join("\n");
                        map.load_indicator(&csv).unwrap();
                    }
                    Step::Sources(holder) => {
                        let file = &files.iter().find(|(of, _)| *of == holder.parse().unwrap()).unwrap().1;
                        map.load_programme_sources(file).unwrap();
                    }
                    Step::Programme => map.load_packed_programme(&programme.to_bytes()).unwrap(),
                }
                prop_assert_eq!(map.scene(), map.scene_input().map(Scene::build));
            }
        }
    }

    #[test]
    fn refused_calls_say_why_and_keep_the_state() {
        let mut map = MapState::new();
        assert_eq!(map.set_year(2021), Err(MapError::NotLoaded(Missing::Programme)));
        assert!(matches!(map.load_atlas(b"garbage"), Err(MapError::Asset(_))));
        assert!(!map.is_ready());
        assert!(matches!(map.set_mode("heat"), Err(MapError::Keyword(ref e)) if e.what == "mode"));
        assert!(matches!(map.set_theme("<b>"), Err(MapError::Keyword(ref e)) if e.valid == ["light", "dark"]));
        assert_eq!(map.set_mode("indicator"), Err(MapError::NoIndicator));
        load_project_programme(&mut map);
        assert_eq!(map.colouring().year, 2024);
        assert_eq!(map.set_year(2016), Err(MapError::YearOutOfRange { year: 2016, first: 2017, last: 2024 }));
        assert_eq!(map.colouring().year, 2024);
        assert!(matches!(map.load_programme("code\n", "", ""), Err(MapError::Programme(_))));
        assert!(map.programme().is_some());
        let problems = map.apply_hash("#year=2019&mode=nope");
        assert_eq!(map.colouring().year, 2019);
        assert!(matches!(problems.as_slice(), [MapError::Hash(e)] if e.key == "mode"));
        assert_eq!(problems[0].to_string(), r#"URL hash: mode="nope": expected one of: cohort, pillar, indicator"#);
    }

    #[test]
    fn a_links_problems_are_told_in_the_readers_language() {
        let mut map = MapState::new();
        load_project_programme(&mut map);
        let problems = map.apply_hash("#year=2030&mode=indicator&lang=xx&region=99.99");
        let words = |lang| problems.iter().map(|problem| problem.link_message(lang)).collect::<Vec<_>>();
        assert_eq!(
            words(Lang::Id),
            [
                r#"lang="xx": harus salah satu dari: id, en"#,
                "tahun 2030 di luar program (2017-2024)",
                "mode=indicator: belum ada indikator yang dimuat",
                "tidak ada wilayah dengan kode 99.99",
            ]
        );
        assert_eq!(
            words(Lang::En),
            [
                r#"lang="xx": expected one of: id, en"#,
                "year 2030 is outside the programme (2017-2024)",
                "mode=indicator: no indicator is loaded",
                "no region has the code 99.99",
            ]
        );
    }

    #[test]
    fn a_links_language_and_theme_stay_in_the_hash_the_map_writes() {
        let mut map = MapState::new();
        load_project_programme(&mut map);
        assert_eq!(map.link_theme(), None);
        assert!(map.hash().contains("lang=id") && !map.hash().contains("theme="), "{}", map.hash());
        assert_eq!(map.apply_hash("#year=2021&lang=en&theme=dark"), []);
        assert_eq!((map.lang(), map.link_theme()), (Lang::En, Some(ThemeChoice::Dark)));
        let hash = map.hash();
        assert!(hash.contains("year=2021") && hash.contains("lang=en") && hash.contains("theme=dark"), "{hash}");
        // A later link without a theme keeps the one asked for; a bad one is reported and changes nothing.
        assert_eq!(map.apply_hash("#year=2022"), []);
        assert_eq!(map.link_theme(), Some(ThemeChoice::Dark));
        assert!(matches!(map.apply_hash("#theme=purple").as_slice(), [MapError::Hash(e)] if e.key == "theme"));
        assert_eq!(map.link_theme(), Some(ThemeChoice::Dark));
        assert_eq!(map.apply_hash("#theme=auto"), []);
        assert!(map.hash().contains("theme=auto"), "{}", map.hash());
    }

    #[test]
    fn the_search_box_finds_a_region_by_its_code_or_its_name() {
        let mut map = MapState::new();
        load_overview(&mut map);
        let names = |query: &str, limit| -> Vec<String> {
            crate::contract::search(&map, query, limit).into_iter().map(|hit| hit.name).collect()
        };
        assert_eq!(names("35.20", 5), ["Kabupaten Magetan"]);
        assert_eq!(names(" 3520 ", 5), ["Kabupaten Magetan"]);
        assert_eq!(names("35.20", 0), Vec::<String>::new());
        assert_eq!(names("99.99", 5), Vec::<String>::new(), "a code no region has finds nothing");
        assert_eq!(names("magetn", 1), ["Kabupaten Magetan"]);
    }

    #[test]
    fn the_overview_serves_the_country_and_a_zoom_asks_for_its_provinces() {
        let mut map = MapState::new();
        map.set_size(1200.0, 800.0);
        assert!(matches!(map.load_detail(&build_file("detail/1/35.bin")), Err(MapError::NotLoaded(Missing::Atlas))));
        load_overview(&mut map);
        assert_eq!(map.detail_wanted(), [], "the home view draws from the overview");
        assert!(map.select_code("35.20".parse().unwrap()));
        map.fly_to(map.selected().unwrap());
        let wanted = map.detail_wanted();
        assert!(
            wanted.contains(&(35, 1)) && wanted.len() < 5,
            "a view of Magetan wants Jawa Timur and neighbours, level 1 first: {wanted:?}"
        );
        // Then, the levels known, the finer one the view draws, until it has all.
        for _ in 0..3 {
            for (province, level) in map.detail_wanted() {
                map.load_detail(&build_file(&crate::asset::detail_file(province, level))).unwrap();
            }
        }
        assert_eq!(map.detail_wanted(), [], "the loaded provinces serve it");
        map.reset_view();
        assert_eq!(map.detail_wanted(), []);
    }

    #[test]
    fn a_panel_wants_its_regions_sources_and_the_table_every_holders() {
        let parsed = crate::programme::packaged();
        let files = parsed.sources_files();
        let file = |code: &str| &files.iter().find(|(of, _)| *of == code.parse().unwrap()).unwrap().1;
        let mut map = MapState::new();
        map.set_size(1200.0, 800.0);
        assert!(matches!(map.load_programme_sources(file("35.20")), Err(MapError::NotLoaded(Missing::Programme))));
        load_overview(&mut map);
        map.load_packed_programme(&parsed.to_bytes()).unwrap();
        let sources_shown = |map: &MapState| crate::contract::ui(map).unwrap().sources;
        assert!(map.sources_wanted(false).is_empty(), "nothing selected shows no source");
        assert!(sources_shown(&map));

        assert!(map.select_code("35.20".parse().unwrap()));
        assert_eq!(map.sources_wanted(false), ["sources/35.20.bin"], "Magetan's panel wants its own");
        assert!(!sources_shown(&map));
        map.load_programme_sources(file("35.20")).unwrap();
        assert!(map.sources_wanted(false).is_empty());
        assert!(sources_shown(&map));
        let magetan = crate::contract::region_info(&map, map.selected().unwrap()).unwrap();
        assert!(magetan.memberships.iter().all(|m| m.source_url.starts_with("http")));
        assert!(map.select_code("33.74".parse().unwrap()));
        assert_eq!(map.sources_wanted(false), ["sources/33.74.bin"]);
        // Kabupaten Bojonegoro, in Magetan's province, has texts of its own to fetch.
        assert!(map.select_code("35.22".parse().unwrap()));
        assert_eq!(map.sources_wanted(false), ["sources/35.22.bin"]);
        assert!(map.select_code("33.74".parse().unwrap()));

        // The table shows every holder's, and so does a CSV export whatever is open: one file.
        assert_eq!(map.sources_wanted(true), ["sources/all.bin"]);
        map.set_table_open(true);
        assert_eq!(map.sources_wanted(false), ["sources/all.bin"]);
        assert!(!sources_shown(&map));
        map.load_programme_sources(&parsed.all_sources()).unwrap();
        assert!(map.sources_wanted(false).is_empty() && map.sources_wanted(true).is_empty());
        assert!(sources_shown(&map) && map.programme().unwrap().has_sources());
        assert_eq!(map.programme().unwrap().memberships(), parsed.memberships());
        // Kota Semarang's panel file, asked for before the table opened, comes in last: no error.
        map.load_programme_sources(file("33.74")).unwrap();

        // With one holder left, the table wants that holder's file.
        map.load_packed_programme(&parsed.to_bytes()).unwrap();
        for (holder, bytes) in files.iter().skip(1) {
            map.load_programme_sources(bytes).unwrap_or_else(|e| panic!("{holder}: {e}"));
        }
        assert_eq!(map.sources_wanted(false), [crate::programme::sources_file(files[0].0)]);

        // A programme read from CSV has its texts.
        load_project_programme(&mut map);
        assert!(map.sources_wanted(true).is_empty());
    }

    #[test]
    fn a_province_is_flown_to_whole() {
        let mut map = MapState::new();
        map.set_size(1200.0, 800.0);
        load_overview(&mut map);
        let home = map.viewport().zoom();
        assert!(!map.fly_to_province("Atlantis"));
        assert_eq!(map.viewport().zoom(), home);
        assert!(map.fly_to_province("Jawa Timur"));
        assert!(map.viewport().zoom() > 2.0 * home, "zoomed in to the province");
        let extent = map.viewport().visible_extent();
        let atlas = map.atlas().unwrap();
        for (i, region) in atlas.regions().iter().enumerate().filter(|(_, r)| r.province == "Jawa Timur") {
            let bounds = atlas.region_bounds(i).unwrap();
            let centre = bounds.center();
            assert!(geo::Contains::contains(&extent, &geo::Point::from(centre)), "{} is in view", region.name);
        }
    }

    #[test]
    fn a_site_sets_the_date_its_data_is_current_as_of() {
        let mut map = MapState::new();
        map.set_as_of("2025-06-30").unwrap();
        assert_eq!(map.as_of, Some(AsOf { year: 2025, month: 6, day: 30 }));
        assert_eq!(crate::style::i18n::data_as_of(Lang::Id, map.as_of.unwrap()), "Data per 30 Juni 2025");
        assert_eq!(crate::style::i18n::data_as_of(Lang::En, map.as_of.unwrap()), "Data as of 30 June 2025");
        for bad in ["2025-02-30", "2025-13-01", "30-06-2025", "2025-6-30", "<b>", "2024-02-29x"] {
            assert!(matches!(map.set_as_of(bad), Err(MapError::BadDate(_))), "{bad}");
        }
        assert_eq!(map.as_of, Some(AsOf { year: 2025, month: 6, day: 30 }), "a bad date keeps the last good one");
        map.set_as_of("2024-02-29").unwrap();
        map.set_as_of("").unwrap();
        assert_eq!(map.as_of, None);
    }
}

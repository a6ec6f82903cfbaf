//! The interactive map as pure state: what is loaded, what is shown, what is hovered, selected
//! and focused, and what each user action changes. The browser binding (`web`) forwards events
//! here and draws the [`Scene`]; every decision is tested natively.

use crate::atlas::{Atlas, Region, RegionCode};
use crate::indicator::{Indicator, Layer};
use crate::names::NameIndex;
use crate::order;
use crate::programme::{CitationKind, Confidence, Pillar, Programme};
use crate::render::svg;
use crate::scene::{describe, Scene, SceneInput};
use crate::stats::Stats;
use crate::style::{self, i18n, Class, Focus, Lang, Mode, PillarFocus, Theme};
use crate::view::{project, HashError, ViewState, Viewport};
use geo::{Area, Centroid};
use serde::Serialize;
use std::collections::BTreeSet;

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
    focus: Focus,
    lang: Lang,
    theme: Theme,
    viewport: Viewport,
    /// The size before an atlas gave the view an extent to fit.
    sized: bool,
    hidden: BTreeSet<Class>,
    selected: Option<usize>,
    hovered: Option<usize>,
    focused: Option<usize>,
    /// Whether the finest atlas (more than the overview level) is loaded.
    detail: bool,
    /// A developer's own indicator, matched to the regions.
    indicator: Option<Layer>,
}

/// A keyboard move of the focus ring between regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusMove {
    /// The selected region, else the one nearest the centre of the view.
    Start,
    /// The nearest region that way on screen.
    Toward(Direction),
    /// The next or previous region in the data table's order (province, then name): a walk that
    /// reaches every region, which spatial moves alone cannot promise.
    Next,
    Previous,
}

/// A direction for keyboard moves between regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
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
            focus: Focus { mode: Mode::Cohort, pillar: PillarFocus::Count, year: 2017 },
            lang: Lang::Id,
            theme: Theme::Light,
            viewport: Viewport::fit(indonesia, 800.0, 500.0, FIT_PADDING),
            sized: false,
            hidden: BTreeSet::new(),
            selected: None,
            hovered: None,
            focused: None,
            detail: false,
        }
    }

    /// Loads an asset; on error the previous atlas stays. A second load with the same regions
    /// (the detailed asset after the overview) keeps the view and the selection.
    pub fn load_atlas(&mut self, bytes: &[u8]) -> Result<(), String> {
        let atlas = Atlas::from_bytes(bytes).map_err(|e| format!("the boundary asset cannot be read: {e}"))?;
        if atlas.regions().is_empty() {
            return Err("the boundary asset holds no regions".to_owned());
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
        self.detail = atlas.levels().len() > 1;
        self.names = Some(NameIndex::new(atlas.regions()));
        self.atlas = Some(atlas);
        Ok(())
    }

    /// Loads the programme facts; on error the previous programme stays.
    pub fn load_programme(&mut self, members: &str, pillars: &str, cohorts: &str) -> Result<(), String> {
        let programme = Programme::from_csv(members, pillars, cohorts).map_err(|e| e.to_string())?;
        let years = programme.cohort_years();
        if self.programme.is_none() || !years.contains(&self.focus.year) {
            self.focus.year = programme.latest_year();
        }
        self.programme = Some(programme);
        Ok(())
    }

    /// Loads a developer's indicator CSV (a code or name column and a value) and shows it.
    /// Rows that match no region are reported, not fatal; a file with no usable row is an
    /// error, and the previous indicator (if any) stays.
    pub fn load_indicator(&mut self, csv: &str) -> Result<IndicatorReport, String> {
        let (atlas, names) = match (self.atlas.as_ref(), self.names.as_ref()) {
            (Some(atlas), Some(names)) => (atlas, names),
            _ => return Err("the boundary asset is not loaded yet".to_owned()),
        };
        let indicator = Indicator::from_csv(csv, atlas.regions(), names).map_err(|e| format!("indicator: {e}"))?;
        let problems = indicator.problems.iter().map(ToString::to_string).collect();
        let layer = Layer::new(&indicator).ok_or_else(|| {
            let first = indicator.problems.first().map(|p| format!(" ({p})")).unwrap_or_default();
            format!("indicator: no row matched a kabupaten/kota with a number{first}")
        })?;
        let report =
            IndicatorReport { label: layer.label.clone(), rows: indicator.rows, matched: layer.matched(), problems };
        self.indicator = Some(layer);
        self.focus.mode = Mode::Indicator;
        self.hidden.clear();
        Ok(report)
    }

    /// Removes the indicator; the map returns to cohorts.
    pub fn clear_indicator(&mut self) {
        self.indicator = None;
        if self.focus.mode == Mode::Indicator {
            self.focus.mode = Mode::Cohort;
            self.hidden.clear();
        }
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

    pub fn set_year(&mut self, year: u16) -> Result<(), String> {
        let programme = self.programme.as_ref().ok_or("the programme data is not loaded yet")?;
        let years = programme.cohort_years();
        let (first, last) = (years[0], programme.latest_year());
        if !(first..=last).contains(&year) {
            return Err(format!("year {year} is outside the programme ({first}-{last})"));
        }
        if year != self.focus.year {
            self.focus.year = year;
            self.hidden.clear();
        }
        Ok(())
    }

    pub fn set_mode(&mut self, mode: &str) -> Result<(), String> {
        let mode: Mode = mode.parse().map_err(|e| format!("{e}"))?;
        if mode == Mode::Indicator && self.indicator.is_none() {
            return Err("no indicator is loaded (loadIndicator first)".to_owned());
        }
        if mode != self.focus.mode {
            self.focus.mode = mode;
            self.hidden.clear();
        }
        Ok(())
    }

    pub fn set_pillar(&mut self, pillar: &str) -> Result<(), String> {
        let pillar: PillarFocus = pillar.parse().map_err(|e| format!("{e}"))?;
        if pillar != self.focus.pillar {
            self.focus.pillar = pillar;
            self.hidden.clear();
        }
        Ok(())
    }

    pub fn set_lang(&mut self, lang: &str) -> Result<(), String> {
        self.lang = lang.parse().map_err(|e| format!("{e}"))?;
        Ok(())
    }

    pub fn set_theme(&mut self, theme: &str) -> Result<(), String> {
        self.theme = match theme {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            other => return Err(format!("unknown theme {:?} (expected one of: light, dark)", truncate(other))),
        };
        Ok(())
    }

    /// Switches a legend class off or on by its key; returns whether it is now hidden.
    pub fn toggle_class(&mut self, key: &str) -> Result<bool, String> {
        let programme = self.programme.as_ref().ok_or("the programme data is not loaded yet")?;
        let classes = match (&self.indicator, self.focus.mode) {
            (Some(layer), Mode::Indicator) => {
                let of = layer.bins.len() as u8;
                (0..of).map(|index| Class::Bin { index, of }).chain([Class::NoValue]).collect()
            }
            _ => style::legend_classes(programme, self.focus),
        };
        let class = classes
            .into_iter()
            .find(|class| class.key() == key)
            .ok_or_else(|| format!("no legend entry {:?} in this view", truncate(key)))?;
        if !self.hidden.remove(&class) {
            self.hidden.insert(class);
        }
        Ok(self.hidden.contains(&class))
    }

    /// Applies what is valid in a URL hash; returns a sentence per field that was not.
    pub fn apply_hash(&mut self, hash: &str) -> Vec<String> {
        let (state, problems) = ViewState::from_hash(hash);
        let mut problems: Vec<String> = problems.iter().map(HashError::to_string).collect();
        if let Some(year) = state.year {
            if let Err(problem) = self.set_year(year) {
                problems.push(format!("URL hash: {problem}"));
            }
        }
        match state.mode {
            Some(Mode::Indicator) if self.indicator.is_none() => {
                problems.push("URL hash: mode=indicator needs an indicator loaded by the page".to_owned());
            }
            Some(mode) => self.focus.mode = mode,
            None => {}
        }
        if let Some(pillar) = state.pillar {
            self.focus.pillar = pillar;
        }
        if let Some(lang) = state.lang {
            self.lang = lang;
        }
        if let Some(code) = state.region {
            if !self.select_code(code) {
                problems.push(format!("URL hash: no region has the code {code}"));
            }
        }
        if let Some([lon, lat, zoom]) = state.camera {
            self.viewport = self.viewport.with_camera(lon, lat, zoom);
        }
        problems
    }

    /// The state as a URL hash.
    pub fn hash(&self) -> String {
        ViewState {
            year: Some(self.focus.year),
            mode: Some(self.focus.mode),
            pillar: (self.focus.mode == Mode::Pillar).then_some(self.focus.pillar),
            lang: None,
            theme: None,
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

    pub fn focus_class(&self) -> Focus {
        self.focus
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// What to draw now.
    pub fn scene(&self) -> Option<Scene> {
        let (atlas, programme) = (self.atlas.as_ref()?, self.programme.as_ref()?);
        Some(Scene::build(SceneInput {
            atlas,
            programme,
            focus: self.focus,
            theme: self.theme,
            lang: self.lang,
            viewport: self.viewport,
            hidden: &self.hidden,
            selected: self.selected,
            hovered: self.hovered.or(self.focused),
            indicator: self.indicator.as_ref(),
        }))
    }

    /// The current view as a standalone SVG document.
    pub fn to_svg(&self) -> Option<String> {
        let scene = self.scene()?;
        Some(svg::render(&scene, self.atlas.as_ref()?, self.programme.as_ref()?, self.focus.year))
    }

    pub fn stats(&self) -> Option<Stats> {
        Some(Stats::new(self.atlas.as_ref()?.regions().len(), self.programme.as_ref()?, self.focus.year))
    }

    /// Everything the controls around the map show.
    pub fn ui(&self) -> Option<Ui> {
        let scene = self.scene()?;
        let programme = self.programme.as_ref()?;
        Some(Ui {
            year: self.focus.year,
            years: programme.cohort_years(),
            mode: self.focus.mode.key(),
            pillar: self.focus.pillar.key(),
            lang: self.lang.key(),
            theme: self.theme.key(),
            title: scene.title,
            subtitle: scene.subtitle,
            summary: scene.summary,
            attribution: scene.attribution,
            indicator: self.indicator.as_ref().map(|layer| layer.label.clone()),
            pillars: Pillar::ALL
                .iter()
                .map(|&p| UiPillar { key: p.key(), label: i18n::pillar_name(self.lang, p) })
                .collect(),
            legend: UiLegend {
                title: scene.legend.title,
                entries: scene
                    .legend
                    .entries
                    .into_iter()
                    .map(|entry| UiLegendEntry {
                        key: entry.class.map(Class::key),
                        label: entry.label,
                        count: entry.count,
                        fill: entry.fill.to_string(),
                        hatched: entry.hatched,
                        hidden: entry.hidden,
                    })
                    .collect(),
            },
            identified: programme
                .cohorts()
                .iter()
                .map(|cohort| {
                    let identified = programme.identified(cohort.year);
                    UiIdentified {
                        year: cohort.year,
                        identified,
                        official: cohort.official,
                        text: i18n::identified(self.lang, cohort.year, identified, cohort.official),
                    }
                })
                .collect(),
            selected: index_or_minus_one(self.selected),
            hovered: index_or_minus_one(self.hovered),
            focused: index_or_minus_one(self.focused),
            zoom: self.viewport.zoom(),
            loaded_detail: self.detail,
        })
    }

    /// One region with its memberships, pillars and sources, for the tooltip and the panel.
    pub fn region_info(&self, index: usize) -> Option<RegionInfo> {
        let (atlas, programme) = (self.atlas.as_ref()?, self.programme.as_ref()?);
        let region = atlas.regions().get(index)?;
        let lang = self.lang;
        Some(RegionInfo {
            index,
            code: region.code.to_string(),
            name: region.name.clone(),
            province: region.province.clone(),
            description: describe(lang, region, programme, self.focus.year),
            value: self.indicator.as_ref().map(|layer| UiValue {
                label: layer.label.clone(),
                text: layer.values[index].map_or_else(
                    || i18n::class_label(lang, Class::NoValue, PillarFocus::Count),
                    |v| i18n::number(lang, v),
                ),
                value: layer.values[index],
            }),
            memberships: programme
                .memberships_of(region.code)
                .into_iter()
                .map(|m| UiMembership {
                    year: m.year,
                    confidence: m.confidence.key(),
                    confidence_note: m.confidence_note.clone(),
                    source_url: m.source.url.clone(),
                    source_title: m.source.title.clone(),
                    note: m.note.clone(),
                })
                .collect(),
            pillars: programme
                .pillars_of(region.code)
                .into_iter()
                .map(|pillar| UiPillar { key: pillar.key(), label: i18n::pillar_name(lang, pillar) })
                .collect(),
            citations: programme
                .citations_of(region.code)
                .into_iter()
                .map(|c| UiCitation {
                    pillars: c.pillars.iter().map(|&p| i18n::pillar_name(lang, p)).collect(),
                    kind: c.kind.key(),
                    source_url: c.source_url.clone(),
                    quote: c.quote.clone(),
                })
                .collect(),
        })
    }

    /// Typo-tolerant search over region names.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let (Some(atlas), Some(names)) = (self.atlas.as_ref(), self.names.as_ref()) else {
            return Vec::new();
        };
        names
            .search(query, limit.min(50))
            .into_iter()
            .map(|index| {
                let region = &atlas.regions()[index];
                SearchHit {
                    index,
                    code: region.code.to_string(),
                    name: region.name.clone(),
                    province: region.province.clone(),
                }
            })
            .collect()
    }

    /// The data-table equivalent of the map: members by the current year, by province and name.
    pub fn table(&self) -> Vec<TableRow> {
        let (Some(atlas), Some(programme)) = (self.atlas.as_ref(), self.programme.as_ref()) else {
            return Vec::new();
        };
        table_rows(atlas.regions(), programme, self.focus.year, self.lang)
    }
}

/// Members by `year` as table rows, sorted by province and name: the map's text equivalent,
/// also written at build time for browsers without WebAssembly.
pub fn table_rows(regions: &[Region], programme: &Programme, year: u16, lang: Lang) -> Vec<TableRow> {
    let rows: Vec<TableRow> = regions
        .iter()
        .enumerate()
        .filter_map(|(index, region)| {
            let memberships: Vec<_> =
                programme.memberships_of(region.code).into_iter().filter(|m| m.year <= year).collect();
            if memberships.is_empty() {
                return None;
            }
            let mut sources: Vec<String> = memberships.iter().map(|m| m.source.url.clone()).collect();
            sources.extend(
                programme
                    .citations_of(region.code)
                    .into_iter()
                    .filter(|c| c.kind != CitationKind::Unnamed)
                    .map(|c| c.source_url.clone()),
            );
            sources.dedup();
            Some(TableRow {
                index,
                code: region.code.to_string(),
                name: region.name.clone(),
                province: region.province.clone(),
                years: memberships.iter().map(|m| m.year).collect(),
                flagged: memberships.iter().any(|m| m.confidence != Confidence::Confirmed),
                pillars: programme.pillars_of(region.code).into_iter().map(|p| i18n::pillar_name(lang, p)).collect(),
                sources,
            })
        })
        .collect();
    order::sort_by(rows, &|a, b| a.province.cmp(&b.province).then_with(|| a.name.cmp(&b.name)))
}

fn index_or_minus_one(index: Option<usize>) -> i64 {
    index.map_or(-1, |index| index as i64)
}

fn truncate(text: &str) -> String {
    text.chars().take(40).collect()
}

/// The index of the point nearest to `target`.
fn nearest_to(points: &[[f64; 2]], target: [f64; 2]) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| distance2(**a, target).total_cmp(&distance2(**b, target)))
        .map(|(index, _)| index)
}

/// The nearest point from `from` whose direction lies within 60° of `direction`, preferring
/// points straight ahead: distance is weighted by how far off-axis the point lies.
pub fn nearest_in_direction(points: &[[f64; 2]], from: usize, direction: Direction) -> Option<usize> {
    let origin = *points.get(from)?;
    let axis = match direction {
        Direction::Left => [-1.0, 0.0],
        Direction::Right => [1.0, 0.0],
        Direction::Up => [0.0, -1.0],
        Direction::Down => [0.0, 1.0],
    };
    points
        .iter()
        .enumerate()
        .filter(|&(index, _)| index != from)
        .filter_map(|(index, point)| {
            let d = [point[0] - origin[0], point[1] - origin[1]];
            let along = d[0] * axis[0] + d[1] * axis[1];
            let across = (d[0] * axis[1] - d[1] * axis[0]).abs();
            // within 60° of the axis: across <= along * tan(60°)
            (along > 1e-9 && across <= along * 3f64.sqrt()).then_some((index, along + 2.0 * across))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

fn distance2(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ui {
    pub year: u16,
    pub years: Vec<u16>,
    pub mode: &'static str,
    pub pillar: &'static str,
    pub lang: &'static str,
    pub theme: &'static str,
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    pub attribution: String,
    /// The six pillars in programme order, named in the current language, for the pillar picker.
    pub pillars: Vec<UiPillar>,
    /// The loaded indicator's name (its value column's header), if any: the mode picker offers it.
    pub indicator: Option<String>,
    pub legend: UiLegend,
    pub identified: Vec<UiIdentified>,
    pub selected: i64,
    pub hovered: i64,
    pub focused: i64,
    pub zoom: f64,
    pub loaded_detail: bool,
}

#[derive(Serialize)]
pub struct UiLegend {
    pub title: String,
    pub entries: Vec<UiLegendEntry>,
}

#[derive(Serialize)]
pub struct UiLegendEntry {
    pub key: Option<String>,
    pub label: String,
    pub count: usize,
    pub fill: String,
    pub hatched: bool,
    pub hidden: bool,
}

#[derive(Serialize)]
pub struct UiIdentified {
    pub year: u16,
    pub identified: usize,
    pub official: u16,
    pub text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionInfo {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub province: String,
    pub description: String,
    /// The region's value in the loaded indicator, if one is loaded.
    pub value: Option<UiValue>,
    pub memberships: Vec<UiMembership>,
    pub pillars: Vec<UiPillar>,
    pub citations: Vec<UiCitation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UiMembership {
    pub year: u16,
    pub confidence: &'static str,
    pub confidence_note: String,
    pub source_url: String,
    pub source_title: String,
    pub note: String,
}

/// What loading an indicator found.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorReport {
    pub label: String,
    pub rows: usize,
    pub matched: usize,
    /// One sentence per row that could not be used, with its line number.
    pub problems: Vec<String>,
}

/// A region's value in the loaded indicator.
#[derive(Serialize)]
pub struct UiValue {
    pub label: String,
    pub value: Option<f64>,
    /// The value as the language writes it, or "no value".
    pub text: String,
}

#[derive(Serialize)]
pub struct UiPillar {
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UiCitation {
    pub pillars: Vec<&'static str>,
    pub kind: &'static str,
    pub source_url: String,
    pub quote: String,
}

#[derive(Serialize)]
pub struct SearchHit {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub province: String,
}

#[derive(Serialize)]
pub struct TableRow {
    pub index: usize,
    pub code: String,
    pub name: String,
    pub province: String,
    pub years: Vec<u16>,
    /// A membership of the region is inferred or conflicting in the sources.
    pub flagged: bool,
    pub pillars: Vec<&'static str>,
    pub sources: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn moves_to_the_nearest_point_in_a_direction() {
        // 0 in the middle, 1 right, 2 far right, 3 up-right (steep), 4 left
        let points = [[0.0, 0.0], [10.0, 1.0], [20.0, 0.0], [3.0, -10.0], [-5.0, 0.0]];
        assert_eq!(nearest_in_direction(&points, 0, Direction::Right), Some(1));
        assert_eq!(nearest_in_direction(&points, 0, Direction::Left), Some(4));
        assert_eq!(nearest_in_direction(&points, 0, Direction::Up), Some(3));
        assert_eq!(nearest_in_direction(&points, 0, Direction::Down), None);
        assert_eq!(nearest_in_direction(&points, 2, Direction::Right), None);
        assert_eq!(nearest_in_direction(&points, 9, Direction::Right), None);
    }

    proptest! {
        /// The answer lies in the cone and no other point in the cone scores better (oracle: brute force).
        #[test]
        fn direction_moves_agree_with_brute_force(points in prop::collection::vec([-100.0f64..100.0, -100.0f64..100.0], 2..40)) {
            let got = nearest_in_direction(&points, 0, Direction::Right);
            let in_cone: Vec<usize> = (1..points.len())
                .filter(|&i| {
                    let dx = points[i][0] - points[0][0];
                    let dy = (points[i][1] - points[0][1]).abs();
                    dx > 1e-9 && dy <= dx * 3f64.sqrt()
                })
                .collect();
            match got {
                None => prop_assert!(in_cone.is_empty()),
                Some(i) => {
                    prop_assert!(in_cone.contains(&i));
                    let score = |j: usize| (points[j][0] - points[0][0]) + 2.0 * (points[j][1] - points[0][1]).abs();
                    prop_assert!(in_cone.iter().all(|&j| score(j) >= score(i)));
                }
            }
        }
    }

    #[test]
    fn state_errors_are_sentences_and_keep_the_state() {
        let mut map = MapState::new();
        assert!(map.set_year(2021).unwrap_err().contains("not loaded"));
        assert!(map.load_atlas(b"garbage").unwrap_err().contains("boundary asset"));
        assert!(!map.is_ready());
        assert!(map.set_mode("heat").unwrap_err().contains("unknown mode"));
        assert!(map.set_theme("<b>").unwrap_err().contains("unknown theme"));
        map.load_programme(
            include_str!("../data/programme/members.csv"),
            include_str!("../data/programme/pillars.csv"),
            include_str!("../data/programme/cohorts.csv"),
        )
        .unwrap();
        assert_eq!(map.focus_class().year, 2024);
        assert!(map.set_year(2016).is_err());
        assert_eq!(map.focus_class().year, 2024);
        assert!(map.load_programme("code\n", "", "").is_err());
        assert!(map.programme().is_some());
        let problems = map.apply_hash("#year=2019&mode=nope");
        assert_eq!(map.focus_class().year, 2019);
        assert_eq!(problems.len(), 1);
    }
}

//! The coarsest level as SVG path data on the home view's grid: the prerendered first paint
//! (`preview.json`) draws these paths, and the interactive map reads them back as its level 0,
//! so a page downloads the country's borders once.
//!
//! Each region's path is its polygons in order: `M x y` opens a polygon's exterior at an absolute
//! point, `m dx dy` opens one of its holes relative to the ring before, then `l` and relative
//! steps, a number's sign doubling as its separator, and `z`. Rings are rounded to whole grid
//! units, neighbours' shared borders to the same points; a ring with fewer than three points left
//! (a small island) is written in tenths instead, so no region vanishes.

use super::AssetError;
use crate::view::{project, unproject};
use geo::{BoundingRect, Coord, LineString, MultiPolygon, Polygon};

/// Grid units across the country's width: at 1200 CSS px one unit is half a pixel.
pub const GRID_WIDTH: f64 = 2400.0;
/// A coordinate further than this from the grid's origin is corruption, not a border.
const GRID_LIMIT: i64 = 100 * GRID_WIDTH as i64;

/// The home view's grid: the country's bounds in Mercator, [`GRID_WIDTH`] units across, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    origin: [f64; 2],
    units: f64,
    height: f64,
}

impl Grid {
    /// The grid over `[west, south, east, north]` in degrees.
    pub fn new(bounds: &[f64]) -> Result<Grid, AssetError> {
        let bad = || AssetError::Corrupt("the grid's bounds are not [west, south, east, north] on the globe".into());
        let &[west, south, east, north] = bounds else { return Err(bad()) };
        let on_globe = [west, east].iter().all(|lon| lon.abs() <= 180.0)
            && [south, north].iter().all(|lat| lat.abs() <= 85.0)
            && west < east
            && south < north;
        if !on_globe {
            return Err(bad());
        }
        let origin = project(west, north);
        let corner = project(east, south);
        let units = GRID_WIDTH / (corner[0] - origin[0]);
        Ok(Grid { origin, units, height: ((corner[1] - origin[1]) * units).round() })
    }

    /// Grid units from top to bottom.
    pub fn height(&self) -> f64 {
        self.height
    }

    fn on_grid(self, lonlat: Coord<f64>) -> Coord<f64> {
        let [x, y] = project(lonlat.x, lonlat.y);
        Coord { x: (x - self.origin[0]) * self.units, y: (y - self.origin[1]) * self.units }
    }

    /// A point given in tenths of grid units, in degrees.
    fn lonlat_of(self, tenths: (i64, i64)) -> Coord<f64> {
        let [lon, lat] = unproject([
            self.origin[0] + tenths.0 as f64 / 10.0 / self.units,
            self.origin[1] + tenths.1 as f64 / 10.0 / self.units,
        ]);
        Coord { x: lon, y: lat }
    }
}

/// What the preview holds of a level: the `[west, south, east, north]` its shapes span, the grid
/// over them, and each shape's path on it.
pub fn write_paths(shapes: &[MultiPolygon<f64>]) -> Result<([f64; 4], Grid, Vec<String>), AssetError> {
    let rects = shapes.iter().filter_map(|shape| shape.bounding_rect());
    let bounds = rects.fold([f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY], |b, r| {
        [b[0].min(r.min().x), b[1].min(r.min().y), b[2].max(r.max().x), b[3].max(r.max().y)]
    });
    let grid = Grid::new(&bounds)?;
    Ok((bounds, grid, shapes.iter().map(|shape| write_path(shape, &grid)).collect()))
}

/// The path data of one region's shape.
pub fn write_path(shape: &MultiPolygon<f64>, grid: &Grid) -> String {
    let mut d = String::new();
    for polygon in &shape.0 {
        // A polygon whose exterior is written opens with `M`; its holes follow it with `m`.
        let mut start: Option<(i64, i64)> = None;
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let on_grid: Vec<Coord<f64>> = ring.0.iter().map(|&c| grid.on_grid(c)).collect();
            let Some(points) = rounded(&on_grid, 10).or_else(|| rounded(&on_grid, 1)) else { continue };
            let (x, y) = points[0];
            match start {
                None => d.push_str(&format!("M{} {}", tenths(x), tenths(y))),
                Some((sx, sy)) => {
                    d.push('m');
                    push_numbers(&mut d, [x - sx, y - sy]);
                }
            }
            start = Some((x, y));
            d.push('l');
            let steps = points.windows(2).flat_map(|pair| [pair[1].0 - pair[0].0, pair[1].1 - pair[0].1]);
            push_numbers(&mut d, steps);
            d.push('z');
        }
    }
    d
}

/// The ring's points in tenths of a unit, rounded to `step` tenths (10: whole units, 1: tenths),
/// without repeats and without the closing point; None with fewer than three left.
fn rounded(ring: &[Coord<f64>], step: i64) -> Option<Vec<(i64, i64)>> {
    let per_step = 10.0 / step as f64;
    let mut points: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
    for c in ring {
        let point = ((c.x * per_step).round() as i64 * step, (c.y * per_step).round() as i64 * step);
        if points.last() != Some(&point) {
            points.push(point);
        }
    }
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    (points.len() >= 3).then_some(points)
}

/// Numbers in tenths, each but the first separated by a space unless its minus sign separates it.
fn push_numbers(d: &mut String, numbers: impl IntoIterator<Item = i64>) {
    for (index, value) in numbers.into_iter().enumerate() {
        if index > 0 && value >= 0 {
            d.push(' ');
        }
        d.push_str(&tenths(value));
    }
}

/// `123` as `12.3`, `120` as `12`.
fn tenths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    match value.abs() % 10 {
        0 => format!("{sign}{}", value.abs() / 10),
        tenth => format!("{sign}{}.{tenth}", value.abs() / 10),
    }
}

/// Reads the paths of every region, one per line, as [`write_path`] writes them, into shapes in
/// degrees. Anything else is refused with the region and byte it stops at.
pub fn read_paths(paths: &str, grid: &Grid) -> Result<Vec<MultiPolygon<f64>>, AssetError> {
    paths
        .split('\n')
        .enumerate()
        .map(|(region, path)| {
            read_path(path, grid).map_err(|(at, problem)| {
                AssetError::Corrupt(format!("the path of region {region}, at byte {at}: {problem}"))
            })
        })
        .collect()
}

/// A ring's points in tenths of a grid unit.
type Ring = Vec<(i64, i64)>;

/// Why a path stops being readable: the byte and the problem.
type PathProblem = (usize, &'static str);

fn read_path(path: &str, grid: &Grid) -> Result<MultiPolygon<f64>, PathProblem> {
    let mut reader = PathReader { bytes: path.as_bytes(), at: 0 };
    // Each polygon's exterior and holes, in tenths of a unit.
    let mut polygons: Vec<(Ring, Vec<Ring>)> = Vec::new();
    let mut start = (0, 0);
    while let Some(command) = reader.next_byte() {
        start = match command {
            b'M' => (reader.number()?, reader.number()?),
            b'm' if !polygons.is_empty() => {
                let (dx, dy) = (reader.number()?, reader.number()?);
                (add(start.0, dx, reader.at)?, add(start.1, dy, reader.at)?)
            }
            b'm' => return Err((reader.at - 1, "a hole before any polygon")),
            _ => return Err((reader.at - 1, "expected M or m")),
        };
        if reader.next_byte() != Some(b'l') {
            return Err((reader.at.saturating_sub(1), "expected l after the ring's start"));
        }
        let mut ring = vec![start];
        let mut point = start;
        while reader.peek() != Some(b'z') {
            let (dx, dy) = (reader.number()?, reader.number()?);
            point = (add(point.0, dx, reader.at)?, add(point.1, dy, reader.at)?);
            ring.push(point);
        }
        reader.at += 1;
        if ring.len() < 3 {
            return Err((reader.at - 1, "a ring of fewer than three points"));
        }
        match command {
            b'M' => polygons.push((ring, Vec::new())),
            _ => polygons.last_mut().expect("checked above").1.push(ring),
        }
    }
    if polygons.is_empty() {
        return Err((0, "no polygon"));
    }
    let to_ring = |points: Ring| LineString::from_iter(points.into_iter().map(|p| grid.lonlat_of(p)));
    Ok(MultiPolygon(
        polygons
            .into_iter()
            .map(|(exterior, holes)| Polygon::new(to_ring(exterior), holes.into_iter().map(to_ring).collect()))
            .collect(),
    ))
}

/// A sum that stays on the grid's sane range.
fn add(a: i64, b: i64, at: usize) -> Result<i64, PathProblem> {
    let sum = a + b;
    if sum.abs() > GRID_LIMIT * 10 {
        return Err((at, "a point far off the grid"));
    }
    Ok(sum)
}

struct PathReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl PathReader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next_byte(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    /// A number in tenths: an optional space or minus, digits, and optionally a point and one digit.
    fn number(&mut self) -> Result<i64, PathProblem> {
        if self.peek() == Some(b' ') {
            self.at += 1;
        }
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits_from = self.at;
        let mut value: i64 = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            value = value * 10 + i64::from(digit - b'0');
            if value > GRID_LIMIT {
                return Err((self.at, "a number far off the grid"));
            }
            self.at += 1;
        }
        if self.at == digits_from {
            return Err((self.at, "expected a number"));
        }
        value *= 10;
        if self.peek() == Some(b'.') {
            self.at += 1;
            match self.next_byte() {
                Some(digit @ b'0'..=b'9') => value += i64::from(digit - b'0'),
                _ => return Err((self.at.saturating_sub(1), "expected one digit after the point")),
            }
        }
        Ok(if negative { -value } else { value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Contains, Point};
    use proptest::prelude::*;

    const INDONESIA: [f64; 4] = [95.0, -11.0, 141.0, 6.0];

    fn grid() -> Grid {
        Grid::new(&INDONESIA).unwrap()
    }

    fn square(x: f64, y: f64, side: f64) -> LineString<f64> {
        LineString::from(vec![(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)])
    }

    #[test]
    fn a_polygon_with_a_hole_reads_back_as_one() {
        let shape = MultiPolygon(vec![
            Polygon::new(square(110.0, -8.0, 1.0), vec![square(110.4, -7.6, 0.2)]),
            Polygon::new(square(120.0, -5.0, 0.5), vec![]),
        ]);
        let path = write_path(&shape, &grid());
        assert_eq!(path.matches('M').count(), 2, "{path}");
        assert_eq!(path.matches('m').count(), 1, "{path}");
        let read = read_paths(&path, &grid()).unwrap();
        assert_eq!(read.len(), 1);
        let polygons = &read[0].0;
        assert_eq!((polygons.len(), polygons[0].interiors().len(), polygons[1].interiors().len()), (2, 1, 0));
        assert!(read[0].contains(&Point::new(110.1, -7.1)));
        assert!(!read[0].contains(&Point::new(110.5, -7.5)), "inside the hole");
        assert!(read[0].contains(&Point::new(120.25, -4.75)));
    }

    #[test]
    fn a_ring_smaller_than_a_unit_is_written_in_tenths() {
        let shape = MultiPolygon(vec![Polygon::new(square(110.0, -8.0, 0.01), vec![])]);
        let path = write_path(&shape, &grid());
        assert!(path.contains('.'), "{path}");
        assert_eq!(read_paths(&path, &grid()).unwrap()[0].0[0].exterior().0.len(), 5);
    }

    #[test]
    fn bad_paths_and_bounds_are_refused_with_where() {
        let cases = [
            ("", "byte 0: no polygon"),
            ("M1 2l3 4z", "a ring of fewer than three points"),
            ("m1 2l3 4-1 1z", "a hole before any polygon"),
            ("M1 2L3 4 5 6z", "expected l"),
            ("M1 2l3 4 5 6", "expected a number"),
            ("M1 2l3 4 5.x6z", "one digit after the point"),
            ("M99999999999 2l3 4 5 6z", "far off the grid"),
            ("M1 2l3 4 5 6zQ", "byte 13: expected M or m"),
        ];
        for (path, expected) in cases {
            let error = read_paths(path, &grid()).unwrap_err().to_string();
            assert!(error.contains(expected), "{path:?}: {error}");
        }
        let second = read_paths("M1 2l3 4 5 6z\nM1", &grid()).unwrap_err().to_string();
        assert!(second.contains("region 1"), "{second}");
        for bounds in [&[95.0, -11.0, 141.0][..], &[141.0, -11.0, 95.0, 6.0], &[95.0, -11.0, f64::NAN, 6.0]] {
            assert!(Grid::new(bounds).is_err(), "{bounds:?}");
        }
    }

    proptest! {
        /// Whatever bytes arrive, reading answers shapes or an error, never a panic.
        #[test]
        fn any_text_reads_or_is_refused(text in "[Mml z0-9. \n-]{0,60}") {
            let _ = read_paths(&text, &grid());
        }

        /// A written shape reads back as its points rounded to the grid, to a twentieth of a unit.
        #[test]
        fn a_written_shape_reads_back_on_the_grid(
            points in prop::collection::vec((96.0..140.0f64, -10.0..5.0f64), 3..12),
        ) {
            let grid = grid();
            let mut ring: Vec<(f64, f64)> = points;
            ring.push(ring[0]);
            let shape = MultiPolygon(vec![Polygon::new(LineString::from(ring), vec![])]);
            let path = write_path(&shape, &grid);
            prop_assume!(!path.is_empty());
            let read = read_paths(&path, &grid).unwrap();
            for point in &read[0].0[0].exterior().0 {
                let on_grid = grid.on_grid(*point);
                let whole = (on_grid.x - on_grid.x.round()).abs().max((on_grid.y - on_grid.y.round()).abs());
                let tenth = (on_grid.x * 10.0 - (on_grid.x * 10.0).round()).abs();
                prop_assert!(whole < 1e-6 || tenth < 1e-5, "{on_grid:?}");
                let nearest = shape.0[0].exterior().0.iter().map(|c| {
                    let g = grid.on_grid(*c);
                    (g.x - on_grid.x).abs().max((g.y - on_grid.y).abs())
                }).fold(f64::INFINITY, f64::min);
                prop_assert!(nearest <= 0.5 + 1e-6, "{point:?} is {nearest} units from every written point");
            }
        }
    }
}

//! Fast exact point-in-polygon for hit testing.
//!
//! A ray cast scans every edge of a polygon, and the large kabupaten have thousands. Here each
//! polygon's edges are bucketed once into horizontal bands, so a test reads only the edges that
//! cross the point's latitude band: the same even-odd answer for a fraction of the work.

use geo::{Coord, LineString, Polygon};

/// Bands per polygon: about one per `EDGES_PER_BAND` edges, within these bounds.
const EDGES_PER_BAND: usize = 4;
const MAX_BANDS: usize = 1024;

pub struct BandedPolygon {
    min_y: f64,
    /// Bands per degree of latitude.
    bands_per_degree: f64,
    /// Band `b` holds `edges[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// Each edge as (ring, index of its first point in the ring; 0 is the exterior): the
    /// polygon's own coordinates are read, not copied.
    edges: Vec<(u32, u32)>,
}

impl BandedPolygon {
    pub fn new(polygon: &Polygon<f64>) -> BandedPolygon {
        let rings = || std::iter::once(polygon.exterior()).chain(polygon.interiors());
        let segments = || {
            rings().enumerate().flat_map(|(r, ring): (usize, &LineString<f64>)| {
                ring.0.windows(2).enumerate().map(move |(i, w)| ((r as u32, i as u32), [w[0], w[1]]))
            })
        };
        let (min_y, max_y) =
            segments().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, [a, _])| (lo.min(a.y), hi.max(a.y)));
        let count = segments().count();
        let bands = (count / EDGES_PER_BAND).clamp(1, MAX_BANDS);
        let height = max_y - min_y;
        let bands_per_degree = if height > 0.0 { bands as f64 / height } else { 0.0 };
        let band_of = |y: f64| (((y - min_y) * bands_per_degree) as usize).min(bands - 1);
        // Counting sort of the edges by the bands they span.
        let mut starts = vec![0u32; bands + 1];
        for (_, [a, b]) in segments() {
            for band in band_of(a.y.min(b.y))..=band_of(a.y.max(b.y)) {
                starts[band + 1] += 1;
            }
        }
        for band in 0..bands {
            starts[band + 1] += starts[band];
        }
        let mut fill = starts.clone();
        let mut edges = vec![(0, 0); starts[bands] as usize];
        for (edge, [a, b]) in segments() {
            for band in band_of(a.y.min(b.y))..=band_of(a.y.max(b.y)) {
                edges[fill[band] as usize] = edge;
                fill[band] += 1;
            }
        }
        BandedPolygon { min_y, bands_per_degree, starts, edges }
    }

    /// Whether the point is inside `polygon` (the one this was built from): even-odd over all
    /// rings, so holes are outside.
    #[inline(always)]
    pub fn contains(&self, polygon: &Polygon<f64>, point: Coord<f64>) -> bool {
        let bands = self.starts.len() - 1;
        let offset = (point.y - self.min_y) * self.bands_per_degree;
        // Below the polygon, or NaN.
        if offset.is_nan() || offset < 0.0 {
            return false;
        }
        let band = (offset as usize).min(bands - 1);
        let edges = &self.edges[self.starts[band] as usize..self.starts[band + 1] as usize];
        let mut inside = false;
        for &(ring, index) in edges {
            let ring = if ring == 0 { polygon.exterior() } else { &polygon.interiors()[ring as usize - 1] };
            let (a, b) = (ring.0[index as usize], ring.0[index as usize + 1]);
            // Half-open in y, so a vertex on the ray is counted once.
            if (a.y > point.y) != (b.y > point.y) {
                let x = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x);
                if point.x < x {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::coordinate_position::CoordPos;
    use geo::{polygon, CoordinatePosition};
    use proptest::prelude::*;

    fn ring_around(cx: f64, cy: f64, r: f64, n: usize, wobble: &[f64]) -> Vec<Coord<f64>> {
        let mut ring: Vec<Coord<f64>> = (0..n)
            .map(|i| {
                let t = i as f64 / n as f64 * std::f64::consts::TAU;
                let r = r * (1.0 + 0.3 * wobble[i % wobble.len()]);
                Coord { x: cx + r * t.cos(), y: cy + r * t.sin() }
            })
            .collect();
        ring.push(ring[0]);
        ring
    }

    #[test]
    fn a_square_with_a_hole() {
        let square = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 4.0, y: 4.0), (x: 0.0, y: 4.0)],
            interiors: [[(x: 1.0, y: 1.0), (x: 2.0, y: 1.0), (x: 2.0, y: 2.0), (x: 1.0, y: 2.0)]],
        );
        let banded = BandedPolygon::new(&square);
        assert!(banded.contains(&square, Coord { x: 3.0, y: 3.0 }));
        assert!(!banded.contains(&square, Coord { x: 1.5, y: 1.5 }), "in the hole");
        assert!(!banded.contains(&square, Coord { x: 5.0, y: 3.0 }));
        assert!(!banded.contains(&square, Coord { x: 2.0, y: -1.0 }));
        assert!(!banded.contains(&square, Coord { x: f64::NAN, y: 1.0 }));
    }

    proptest! {
        /// Against geo's robust point-in-polygon as the oracle, on star-shaped rings with a hole
        /// (points exactly on an edge have measure zero here).
        #[test]
        fn agrees_with_geo(
            wobble in proptest::collection::vec(-1.0f64..1.0, 3..40),
            n in 3usize..400,
            points in proptest::collection::vec((-3.0f64..3.0, -3.0f64..3.0), 1..50),
        ) {
            let exterior = ring_around(0.0, 0.0, 2.0, n, &wobble);
            let hole = ring_around(0.2, -0.1, 0.3, 7, &[0.0]);
            let polygon = Polygon::new(LineString(exterior), vec![LineString(hole)]);
            let banded = BandedPolygon::new(&polygon);
            for (x, y) in points {
                let point = Coord { x, y };
                prop_assert_eq!(banded.contains(&polygon, point), polygon.coordinate_position(&point) == CoordPos::Inside, "{:?}", point);
            }
        }
    }
}

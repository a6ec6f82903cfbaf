//! Arc topology: every ring cut at junctions into arcs, and each shared arc stored once, so
//! that simplifying an arc moves the border of both neighbours alike (no gaps, no overlaps).

use crate::asset::arc_id;
use geo::{Coord, LineString, MultiPolygon, Simplify};
use std::collections::HashMap;

/// A point on the snapping grid, exact and hashable.
type Key = (i64, i64);

/// The snapping grid (degrees): about 0.1 m, below the precision of any source here.
const SNAP: f64 = 1e-6;

fn key(c: Coord<f64>) -> Key {
    ((c.x / SNAP).round() as i64, (c.y / SNAP).round() as i64)
}

fn coord(k: Key) -> Coord<f64> {
    Coord { x: k.0 as f64 * SNAP, y: k.1 as f64 * SNAP }
}

/// Arcs plus, per region, polygons of rings of signed arc references (`!i` = arc i reversed).
pub struct Topology {
    pub arcs: Vec<Vec<Coord<f64>>>,
    pub shapes: Vec<Vec<Vec<Vec<i32>>>>,
    /// Per region, which polygon is its largest; that one is never dropped by simplification.
    pub largest_polygon: Vec<usize>,
}

impl Topology {
    pub fn build(shapes: &[MultiPolygon<f64>]) -> Topology {
        // Rings as snapped keys without the closing point and without repeated points.
        let rings: Vec<Vec<Vec<Vec<Key>>>> = shapes
            .iter()
            .map(|shape| {
                shape
                    .0
                    .iter()
                    .map(|polygon| {
                        std::iter::once(polygon.exterior()).chain(polygon.interiors()).map(open_ring_keys).collect()
                    })
                    .collect()
            })
            .collect();
        let junctions = find_junctions(rings.iter().flatten().flatten());
        let mut builder = ArcBuilder::default();
        let shapes = rings
            .iter()
            .map(|polygons| {
                polygons
                    .iter()
                    .map(|polygon| polygon.iter().map(|ring| builder.cut_ring(ring, &junctions)).collect())
                    .collect()
            })
            .collect();
        let largest_polygon = shapes_largest(rings.as_slice());
        Topology { arcs: builder.arcs, shapes, largest_polygon }
    }

    /// Simplifies every arc once (Douglas-Peucker, endpoints kept); rings that collapse are
    /// dropped, except each region's largest polygon, whose arcs are refined until it survives.
    pub fn simplify(&self, tolerance: f64) -> Topology {
        let mut arcs: Vec<Vec<Coord<f64>>> = self.arcs.iter().map(|arc| simplify_arc(arc, tolerance)).collect();
        for (shape, &largest) in self.shapes.iter().zip(&self.largest_polygon) {
            let Some(exterior) = shape.get(largest).and_then(|rings| rings.first()) else { continue };
            let mut finer = tolerance;
            while ring_len(&arcs, exterior) < 4 && finer > SNAP {
                finer /= 4.0;
                for &reference in exterior {
                    let id = arc_id(reference);
                    arcs[id] = simplify_arc(&self.arcs[id], finer);
                }
            }
        }
        let shapes = self
            .shapes
            .iter()
            .map(|polygons| {
                polygons
                    .iter()
                    .filter(|rings| ring_len(&arcs, &rings[0]) >= 4)
                    .map(|rings| rings.iter().filter(|ring| ring_len(&arcs, ring) >= 4).cloned().collect())
                    .collect()
            })
            .collect::<Vec<Vec<Vec<Vec<i32>>>>>();
        // A simplified topology is final: nothing simplifies it again, so no largest polygon is kept.
        Topology { arcs, shapes, largest_polygon: Vec::new() }.without_unused_arcs()
    }

    /// Removes arcs no ring uses any more and renumbers the references.
    fn without_unused_arcs(self) -> Topology {
        let mut new_id = vec![None; self.arcs.len()];
        let mut arcs = Vec::new();
        for &reference in self.shapes.iter().flatten().flatten().flatten() {
            let id = arc_id(reference);
            if new_id[id].is_none() {
                new_id[id] = Some(arcs.len() as i32);
                arcs.push(self.arcs[id].clone());
            }
        }
        let renumber = |reference: i32| {
            let id = new_id[arc_id(reference)].expect("every used arc was numbered");
            if reference < 0 {
                !id
            } else {
                id
            }
        };
        let shapes = self
            .shapes
            .iter()
            .map(|polygons| {
                polygons
                    .iter()
                    .map(|rings| rings.iter().map(|ring| ring.iter().map(|&r| renumber(r)).collect()).collect())
                    .collect()
            })
            .collect();
        Topology { arcs, shapes, largest_polygon: self.largest_polygon }
    }

    pub fn vertex_count(&self) -> usize {
        self.arcs.iter().map(Vec::len).sum()
    }
}

fn open_ring_keys(ring: &LineString<f64>) -> Vec<Key> {
    let mut keys: Vec<Key> = ring.0.iter().map(|&c| key(c)).collect();
    keys.dedup();
    if keys.len() > 1 && keys.first() == keys.last() {
        keys.pop();
    }
    keys
}

/// A point is a junction where the rings passing through it do not all agree on its two
/// neighbours: there a border between two regions begins or ends.
fn find_junctions<'a>(rings: impl Iterator<Item = &'a Vec<Key>>) -> std::collections::HashSet<Key> {
    let mut neighbours: HashMap<Key, (Key, Key)> = HashMap::new();
    let mut junctions = std::collections::HashSet::new();
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (prev, next) = (ring[(i + n - 1) % n], ring[(i + 1) % n]);
            let pair = if prev <= next { (prev, next) } else { (next, prev) };
            match neighbours.get(&ring[i]) {
                Some(&seen) if seen != pair => {
                    junctions.insert(ring[i]);
                }
                Some(_) => {}
                None => {
                    neighbours.insert(ring[i], pair);
                }
            }
        }
    }
    junctions
}

#[derive(Default)]
struct ArcBuilder {
    arcs: Vec<Vec<Coord<f64>>>,
    ids: HashMap<Vec<Key>, usize>,
}

impl ArcBuilder {
    /// Cuts an open ring at its junctions and returns its arc references, in ring order.
    fn cut_ring(&mut self, ring: &[Key], junctions: &std::collections::HashSet<Key>) -> Vec<i32> {
        let n = ring.len();
        let Some(start) = ring.iter().position(|k| junctions.contains(k)) else {
            // No junction: the whole ring is one closed arc, started at its smallest point so
            // that an enclave and the hole it fills find the same arc.
            let start = (0..n).min_by_key(|&i| ring[i]).unwrap_or(0);
            let mut closed: Vec<Key> = ring[start..].iter().chain(&ring[..start]).copied().collect();
            closed.push(closed[0]);
            return vec![self.reference(closed)];
        };
        let mut references = Vec::new();
        let mut current = vec![ring[start]];
        for step in 1..=n {
            let point = ring[(start + step) % n];
            current.push(point);
            if junctions.contains(&point) {
                references.push(self.reference(std::mem::replace(&mut current, vec![point])));
            }
        }
        references
    }

    /// The reference to an arc, adding it if new; an arc and its reverse are the same arc.
    fn reference(&mut self, points: Vec<Key>) -> i32 {
        let reversed: Vec<Key> = points.iter().rev().copied().collect();
        let forwards = points <= reversed;
        let canonical = if forwards { points } else { reversed };
        let next_id = self.arcs.len();
        let id = *self.ids.entry(canonical.clone()).or_insert_with(|| next_id);
        if id == next_id {
            self.arcs.push(canonical.into_iter().map(coord).collect());
        }
        if forwards {
            id as i32
        } else {
            !(id as i32)
        }
    }
}

fn shapes_largest(rings: &[Vec<Vec<Vec<Key>>>]) -> Vec<usize> {
    rings
        .iter()
        .map(|polygons| {
            (0..polygons.len())
                .max_by(|&a, &b| {
                    let area = |p: usize| shoelace(&polygons[p][0]).abs();
                    area(a).total_cmp(&area(b))
                })
                .unwrap_or(0)
        })
        .collect()
}

fn shoelace(ring: &[Key]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 as f64 * b.1 as f64 - b.0 as f64 * a.1 as f64
        })
        .sum::<f64>()
        / 2.0
}

fn simplify_arc(arc: &[Coord<f64>], tolerance: f64) -> Vec<Coord<f64>> {
    LineString::new(arc.to_vec()).simplify(tolerance).0
}

/// Distinct points of the ring the references would assemble (closing point not counted twice).
fn ring_len(arcs: &[Vec<Coord<f64>>], references: &[i32]) -> usize {
    let points: usize = references.iter().map(|&r| arcs[arc_id(r)].len().saturating_sub(1)).sum();
    points + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    /// Two unit squares side by side share the edge x = 1.
    fn neighbours() -> Vec<MultiPolygon<f64>> {
        let left = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 0.5), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        let right = polygon![(x: 1.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 1.0), (x: 1.0, y: 1.0), (x: 1.0, y: 0.5)];
        vec![MultiPolygon::new(vec![left]), MultiPolygon::new(vec![right])]
    }

    #[test]
    fn a_shared_border_becomes_one_arc_used_both_ways() {
        let topology = Topology::build(&neighbours());
        let left: Vec<i32> = topology.shapes[0][0][0].clone();
        let right: Vec<i32> = topology.shapes[1][0][0].clone();
        let shared: Vec<usize> =
            left.iter().filter(|&&l| right.iter().any(|&r| arc_id(r) == arc_id(l))).map(|&l| arc_id(l)).collect();
        assert_eq!(shared.len(), 1, "left {left:?} right {right:?}");
        let arc = &topology.arcs[shared[0]];
        assert_eq!(arc.len(), 3, "the shared border keeps its middle vertex");
        // Used forwards by one side and backwards by the other.
        let sign = |refs: &[i32]| refs.iter().find(|&&r| arc_id(r) == shared[0]).map(|&r| r < 0);
        assert_ne!(sign(&left), sign(&right));
    }

    #[test]
    fn simplifying_moves_shared_borders_together() {
        let simplified = Topology::build(&neighbours()).simplify(0.1);
        let shapes = crate::asset::Level {
            tolerance: 0.1,
            quantum: 1e-6,
            arcs: simplified.arcs.iter().map(|a| crate::asset::encode_arc(a, 1e-6)).collect(),
            shapes: simplified.shapes.clone(),
        }
        .decode_shapes();
        let left: Vec<Coord<f64>> = shapes[0].0[0].exterior().0.clone();
        let right: Vec<Coord<f64>> = shapes[1].0[0].exterior().0.clone();
        let on_border = |ring: &[Coord<f64>]| ring.iter().filter(|c| (c.x - 1.0).abs() < 1e-9).count();
        // The midpoint (1, 0.5) is gone from both rings, not just one.
        assert!(!left.iter().any(|c| (c.y - 0.5).abs() < 1e-9));
        assert!(!right.iter().any(|c| (c.y - 0.5).abs() < 1e-9));
        assert_eq!(on_border(&left[..left.len() - 1]), 2);
        assert_eq!(on_border(&right[..right.len() - 1]), 2);
    }

    #[test]
    fn an_enclave_shares_its_closed_arc_with_the_hole_around_it() {
        let hole = geo::LineString::from(vec![(1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0), (1.0, 1.0)]);
        let outer = geo::Polygon::new(
            geo::LineString::from(vec![(0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (0.0, 3.0), (0.0, 0.0)]),
            vec![hole],
        );
        let inner = polygon![(x: 1.0, y: 1.0), (x: 2.0, y: 1.0), (x: 2.0, y: 2.0), (x: 1.0, y: 2.0)];
        let topology = Topology::build(&[MultiPolygon::new(vec![outer]), MultiPolygon::new(vec![inner])]);
        assert_eq!(topology.arcs.len(), 2);
        assert_eq!(arc_id(topology.shapes[0][0][1][0]), arc_id(topology.shapes[1][0][0][0]));
    }
}

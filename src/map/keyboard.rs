//! Keyboard focus: which region the focus ring moves to. Spatial moves pick the nearest region
//! that way on screen; `Next`/`Previous` walk every region in the data table's order, which
//! spatial moves alone cannot promise to reach.

use crate::keyword::Keyword;

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

impl Keyword for FocusMove {
    const WHAT: &'static str = "focus move";
    const ALL: &'static [FocusMove] = &[
        FocusMove::Start,
        FocusMove::Toward(Direction::Left),
        FocusMove::Toward(Direction::Right),
        FocusMove::Toward(Direction::Up),
        FocusMove::Toward(Direction::Down),
        FocusMove::Next,
        FocusMove::Previous,
    ];

    fn key(self) -> &'static str {
        match self {
            FocusMove::Start => "first",
            FocusMove::Toward(Direction::Left) => "left",
            FocusMove::Toward(Direction::Right) => "right",
            FocusMove::Toward(Direction::Up) => "up",
            FocusMove::Toward(Direction::Down) => "down",
            FocusMove::Next => "next",
            FocusMove::Previous => "previous",
        }
    }
}

/// The index of the point nearest to `target`.
pub(super) fn nearest_to(points: &[[f64; 2]], target: [f64; 2]) -> Option<usize> {
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
    fn every_move_has_a_key() {
        for &step in FocusMove::ALL {
            assert_eq!(FocusMove::from_key(step.key()), Ok(step));
        }
        assert!(FocusMove::from_key("east")
            .unwrap_err()
            .to_string()
            .contains("first, left, right, up, down, next, previous"));
    }
}

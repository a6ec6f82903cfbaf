//! Sorting through one shared instantiation.
//!
//! Every `sort_by` on a new element type or closure compiles the whole sort again (about 5 KB of
//! WebAssembly each, 52 KB in all before this module); sorting indices through a `dyn`
//! comparison compiles it once.

use std::cmp::Ordering;

/// `0..len` ordered by `compare`; ties keep index order, so the sort is stable.
pub fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..len).collect();
    indices.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    indices
}

/// `items` in the order of `compare`, stable.
pub fn sort_by<T>(items: Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|index| slots[index].take()).collect()
}

/// The run of `sorted` whose items compare `Equal` by `compare` (their key against the one sought):
/// the look-up of an index kept sorted instead of a map.
pub fn run_of<T>(sorted: &[T], compare: impl Fn(&T) -> Ordering) -> &[T] {
    let start = sorted.partition_point(|item| compare(item) == Ordering::Less);
    let end = start + sorted[start..].partition_point(|item| compare(item) != Ordering::Greater);
    &sorted[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Against the standard library's stable sort as the oracle.
        #[test]
        fn agrees_with_the_stable_sort(items in proptest::collection::vec((0u8..5, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            prop_assert_eq!(sort_by(items, &|a, b| a.0.cmp(&b.0)), expected);
        }

        #[test]
        fn run_of_is_every_equal_item(mut items in proptest::collection::vec(0u8..10, 0..40), key in 0u8..10) {
            items.sort_unstable();
            let run = run_of(&items, |item| item.cmp(&key));
            prop_assert_eq!(run.len(), items.iter().filter(|&&item| item == key).count());
            prop_assert!(run.iter().all(|&item| item == key));
        }
    }
}

//! The order of a catalogue's id tables (`Catalog::item_order`, `Catalog::proof_order`): positions
//! sorted by the id each holds, then by position, so a search finds the first of equal ids.
//! `build.rs` includes this file to write the built-in catalogue's tables, and `Catalog::scaled`
//! calls it for its own: one rule for both.

/// Positions `0..keys.len()` in the order of their keys, then their own.
pub fn sorted_positions(keys: &[&str]) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..keys.len()).collect();
    positions.sort_by_key(|&n| (keys[n], n));
    positions
}

//! Rooms and beds: dormitory blocks A, B, C, … of six rooms with six beds each, men's
//! blocks first and then women's, each block about five-sixths full.

use rand::seq::SliceRandom;

use super::pick::DemoRng;
use crate::domain::{Client, Sex};

const ROOMS_PER_BLOCK: usize = 6;
const BEDS_PER_ROOM: usize = 6;
/// Residents planned per block of 36 beds, leaving some beds free.
const PER_BLOCK: usize = 30;

/// Block label: A … Z, then AA, AB, … as spreadsheet columns are named.
fn block_label(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// Every (block, room, bed) of `blocks` in a random order.
fn shuffled_slots(rng: &mut DemoRng, blocks: std::ops::Range<usize>) -> Vec<(usize, usize, usize)> {
    let mut slots: Vec<_> = blocks
        .flat_map(|b| {
            (1..=ROOMS_PER_BLOCK).flat_map(move |r| (1..=BEDS_PER_ROOM).map(move |d| (b, r, d)))
        })
        .collect();
    slots.shuffle(rng);
    slots
}

/// Gives every client in residence a room and bed of their own; no two share one.
pub(super) fn assign(rng: &mut DemoRng, clients: &mut [Client]) {
    let count = |sex| {
        clients
            .iter()
            .filter(|c| c.in_residence() && c.details.sex == sex)
            .count()
    };
    let men_blocks = count(Sex::Male).div_ceil(PER_BLOCK);
    let women_blocks = count(Sex::Female).div_ceil(PER_BLOCK);
    let mut men = shuffled_slots(rng, 0..men_blocks);
    let mut women = shuffled_slots(rng, men_blocks..men_blocks + women_blocks);
    for c in clients.iter_mut().filter(|c| c.in_residence()) {
        let slots = match c.details.sex {
            Sex::Male => &mut men,
            Sex::Female => &mut women,
        };
        // Each sex has at least 36 / 30 beds per resident of that sex, so this never runs out.
        if let Some((block, room, bed)) = slots.pop() {
            c.details.room = format!("{}{room}", block_label(block));
            c.details.bed = bed.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks_are_labelled_like_spreadsheet_columns() {
        let labels: Vec<String> = [0, 3, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(super::block_label)
            .collect();
        assert_eq!(labels, ["A", "D", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }
}

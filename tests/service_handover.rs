//! Handover notes through the service: signed with author, shift and time; never
//! overwritten, even when two people save at the same moment; read newest first in pages.

mod service_support;

use std::sync::Barrier;

use mentas::domain::audit::{AuditAction, RecordRef};
use mentas::domain::handover::MAX_HANDOVER;
use mentas::domain::shift::Shift;
use service_support::*;

#[test]
fn a_note_is_signed_with_author_shift_and_time() {
    let w = set_up();
    let note = w
        .add_handover(
            STAF,
            "  Pak Slamet demam, sudah ke puskesmas.\nKunci gudang di pos.\n\n",
        )
        .unwrap();
    assert_eq!(note.id, 1);
    assert_eq!(
        note.text,
        "Pak Slamet demam, sudah ke puskesmas.\nKunci gudang di pos."
    );
    assert_eq!(note.slot, slot(28, Shift::Morning));
    assert_eq!(
        (note.by.as_str(), note.by_name.as_str(), note.at),
        (STAF, "Budi Santoso", start())
    );
    assert_eq!(w.handovers(None, 10), std::slice::from_ref(&note));

    let e = w.stored_audit().pop().unwrap();
    assert_eq!(
        (e.action, &e.record, e.by.as_str()),
        (AuditAction::HandoverAdded, &RecordRef::Handover(1), STAF)
    );
    assert!(
        e.changes
            .iter()
            .any(|c| c.field == "text" && c.after == note.text)
    );
}

#[test]
fn a_note_at_0659_belongs_to_last_night() {
    let w = set_up();
    w.clock.set(at(2026, 11, 29, 6, 59));
    let note = w.add_handover(STAF, "Malam aman.").unwrap();
    assert_eq!(note.slot, slot(28, Shift::Night));
}

#[test]
fn empty_or_too_long_notes_are_refused() {
    let w = set_up();
    assert_eq!(w.add_handover(STAF, " \n\t "), wrong("handover-empty"));
    assert_eq!(
        w.add_handover(STAF, &"x".repeat(MAX_HANDOVER + 1)),
        wrong("note-too-long")
    );
    let longest = "é".repeat(MAX_HANDOVER);
    assert_eq!(w.add_handover(STAF, &longest).unwrap().text, longest);
    assert_eq!(w.handovers(None, 0).len(), 1);
}

#[test]
fn two_people_saving_at_the_same_moment_both_keep_their_text() {
    let w = set_up();
    let barrier = Barrier::new(2);
    std::thread::scope(|s| {
        for (user, text) in [(STAF, "Catatan Budi"), (SUPERVISOR, "Catatan Sari")] {
            let (w, barrier) = (&w, &barrier);
            s.spawn(move || {
                barrier.wait();
                w.add_handover(user, text).unwrap();
            });
        }
    });
    let notes = w.handovers(None, 10);
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].at, notes[1].at, "the same moment");
    assert!(notes[0].id > notes[1].id, "newest first");
    let mut texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
    texts.sort();
    assert_eq!(texts, ["Catatan Budi", "Catatan Sari"]);
    let by = |text: &str| notes.iter().find(|n| n.text == text).unwrap().by.clone();
    assert_eq!(
        (by("Catatan Budi"), by("Catatan Sari")),
        (STAF.into(), SUPERVISOR.into())
    );
}

#[test]
fn notes_page_newest_first_with_before() {
    let w = set_up();
    for i in 1..=5 {
        w.clock.set(at(2026, 11, 28, 8, i));
        w.add_handover(STAF, &format!("Catatan {i}")).unwrap();
    }
    let ids = |notes: Vec<mentas::domain::handover::HandoverNote>| -> Vec<u64> {
        notes.into_iter().map(|n| n.id).collect()
    };
    assert_eq!(ids(w.handovers(None, 2)), [5, 4]);
    assert_eq!(ids(w.handovers(Some(4), 2)), [3, 2]);
    assert_eq!(ids(w.handovers(Some(2), 2)), [1]);
    assert_eq!(ids(w.handovers(Some(1), 2)), Vec::<u64>::new());
    assert_eq!(ids(w.handovers(None, 0)), [5, 4, 3, 2, 1], "0: all");
    assert_eq!(ids(w.handovers(Some(99), 1)), [5]);
}

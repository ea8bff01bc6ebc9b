#![allow(missing_docs)]
//! Every file of every fuzz target's corpus (`fuzz/corpus/<target>/`),
//! replayed through the entry point its target calls, on stable: an input
//! that once crashed a target stays a test case.
//!
//! This binary does not link the package's library, so its registry holds
//! only the fuzz targets' own events, as theirs does.

use std::path::PathBuf;

use evently::__private::fuzz;

#[path = "../../fuzz/events.rs"]
mod events;

/// A fuzz target's entry point: whether the input got past parsing.
type Entry = fn(&[u8]) -> bool;

/// Each target and the entry point it calls.
const TARGETS: [(&str, Entry); 5] = [
    ("envelope", fuzz::envelope),
    ("minimal_envelope", fuzz::minimal_envelope),
    ("cloudevents_structured", fuzz::cloudevents_structured),
    ("cloudevents_binary", fuzz::cloudevents_binary),
    ("schema_compat", fuzz::schema_compat),
];

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus").join(target);
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("the corpus of `{target}` ({}): {error}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus of `{target}` ({}) is empty", dir.display());
    files
}

#[test]
fn the_registry_is_the_fuzz_targets_own() {
    let mut names: Vec<(&str, u32)> =
        evently::registered_events().map(|d| (d.name(), d.version())).collect();
    names.sort();
    assert_eq!(
        names,
        [
            ("fuzz.order.placed", 1),
            ("fuzz.order.placed", 2),
            ("fuzz.order.placed", 3),
            ("fuzz.profile.updated", 1)
        ]
    );
}

#[test]
fn every_corpus_file_replays_without_a_panic_and_some_reach_typed_decoding() {
    for (target, entry) in TARGETS {
        let files = corpus(target);
        let mut reached = 0;
        for file in &files {
            let input = std::fs::read(file).expect("read a corpus file");
            let outcome = std::panic::catch_unwind(|| entry(&input));
            match outcome {
                Ok(true) => reached += 1,
                Ok(false) => {}
                Err(_) => panic!("`{target}` panicked on {}", file.display()),
            }
        }
        assert!(reached > 0, "no file of `{target}`'s {} decodes or compares", files.len());
        println!("{target}: {} files, {reached} past parsing", files.len());
    }
}

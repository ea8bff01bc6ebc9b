//! Checking 500 event schemas: the generated schema of each version against
//! its committed file, and each v2 against its v1 for compatibility.
//!
//! ```text
//! cargo bench -p evently-tests --bench schemas
//! ```
//!
//! 250 events, two versions each: a closed struct of six fields, and a second
//! version adding an optional field. `build.rs` generates their modules.

#![allow(missing_docs, unreachable_pub)]

use std::time::{Duration, Instant};

use evently::EventDescriptor;
use evently::schemas::SchemaCheck;

const ROUNDS: usize = 5;

include!(concat!(env!("OUT_DIR"), "/schema_bench_events.rs"));

fn main() {
    let events: Vec<&'static EventDescriptor> =
        evently::registered_events().filter(|d| d.name().starts_with("bench.e")).collect();
    assert_eq!(events.len(), 500, "every generated event is registered");
    let dir = std::env::temp_dir().join(format!("evently-bench-schemas-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let check = SchemaCheck::new("evently-tests").dir(&dir).ci(false);

    let start = Instant::now();
    let written = check.clone().update(true).run_on(&events);
    let write_time = start.elapsed();
    assert!(written.is_ok(), "{written}");
    assert_eq!(written.written.len(), 500);

    let mut samples: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            let report = check.clone().update(false).run_on(&events);
            let elapsed = start.elapsed();
            assert!(report.is_ok(), "{report}");
            assert_eq!(report.checked, 500);
            elapsed
        })
        .collect();
    samples.sort();
    let median = samples[ROUNDS / 2];
    println!(
        "schema check of {} event versions (250 events x 2 versions), median of {ROUNDS} rounds",
        events.len()
    );
    println!("  write all files (update mode, once):   {:>8.1} ms", write_time.as_secs_f64() * 1e3);
    println!("  check (compare + compatibility):       {:>8.1} ms", median.as_secs_f64() * 1e3);
    println!(
        "  per event version:                     {:>8.1} us",
        median.as_secs_f64() * 1e6 / events.len() as f64
    );
    println!(
        "  target: under 1 s -> {}",
        if median < Duration::from_secs(1) { "met" } else { "NOT met" }
    );
    let _ = std::fs::remove_dir_all(&dir);
}

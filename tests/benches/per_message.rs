//! The exact cost of one in-process delivery: heap allocations (a counting
//! allocator) and instructions (callgrind, when `valgrind` is installed),
//! in the steady state.
//!
//! ```text
//! cargo bench -p evently-tests --bench per_message
//! ```
//!
//! Each path publishes `ticked` events from one task on a current-thread
//! Tokio runtime to handlers that add to a counter. A count is the
//! difference between a run of `2 * N` and a run of `N` events, divided by
//! `N`: what starting the bus and the runtime costs cancels out. The
//! instruction counts come from running this binary again under
//! `valgrind --tool=callgrind` for each path and size.

#![allow(missing_docs)]

use std::hint::black_box;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

use evently::{Bus, subscriber};
use evently_tests::allocations;
use evently_tests::events::*;
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

#[global_allocator]
static ALLOCATOR: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

const EVENTS: u64 = 20_000;

static HANDLED: AtomicU64 = AtomicU64::new(0);

async fn handle(event: &Ticked) -> evently::Result<()> {
    HANDLED.fetch_add(black_box(event.seq) & 1 | 1, Ordering::Relaxed);
    Ok(())
}

#[subscriber(group = "count-off", guard = false)]
async fn count_off(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}

#[subscriber(group = "count-on")]
async fn count_on(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}

#[subscriber(group = "count-four", guard = false)]
async fn count_four_a(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "count-four", guard = false)]
async fn count_four_b(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "count-four", guard = false)]
async fn count_four_c(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "count-four", guard = false)]
async fn count_four_d(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}

#[subscriber(group = "count-keyed", guard = false)]
async fn count_keyed(event: &TickedKeyed) -> evently::Result<()> {
    HANDLED.fetch_add(black_box(event.seq) & 1 | 1, Ordering::Relaxed);
    Ok(())
}

/// The paths counted: name, group, whether the publisher may handle.
/// The group `count-keyed` gets events with an ordering key.
const PATHS: &[(&str, &str, bool)] = &[
    ("1 subscriber, guard off", "count-off", true),
    ("1 subscriber, guard on", "count-on", true),
    ("4 subscribers, guard off", "count-four", true),
    ("1 subscriber, guard off, queued", "count-off", false),
    ("1 subscriber, guard off, keyed", "count-keyed", true),
];

/// Publishes `events` events on the path; returns the allocations made
/// while publishing and handling them.
fn run(group: &'static str, handle_on_publisher: bool, events: u64) -> u64 {
    if group == "count-keyed" {
        run_with(group, handle_on_publisher, events, |seq| TickedKeyed { seq, account: seq % 64 })
    } else {
        run_with(group, handle_on_publisher, events, |seq| Ticked { seq, account: seq % 64 })
    }
}

fn run_with<E: evently::Event>(
    group: &'static str,
    handle_on_publisher: bool,
    events: u64,
    event: impl Fn(u64) -> E,
) -> u64 {
    let builder =
        Bus::builder().source("bench").handle_on_publisher(handle_on_publisher).group(group);
    allocations::while_publishing(ALLOCATOR, builder, 1_000, events, event)
}

/// Instructions of this binary run for `events` events of path `index`,
/// under callgrind; `None` without valgrind.
fn instructions(index: usize, events: u64) -> Option<u64> {
    let exe = std::env::current_exe().expect("this binary's path");
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .args(["--one", &index.to_string(), &events.to_string()])
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let collected = stderr.lines().find_map(|line| line.split("Collected :").nth(1))?;
    collected.trim().parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `--one <path> <events>`: the run callgrind counts.
    if let Some(at) = args.iter().position(|arg| arg == "--one") {
        let index: usize = args[at + 1].parse().expect("a path index");
        let events: u64 = args[at + 2].parse().expect("an event count");
        let (_, group, handle_on_publisher) = PATHS[index];
        run(group, handle_on_publisher, events);
        return;
    }
    println!("per delivery, steady state, {EVENTS} events (difference of runs of 2N and N)");
    println!("{:<34} {:>18} {:>22}", "path", "allocations/event", "instructions/event");
    let mut valgrind = true;
    for (index, (name, group, handle_on_publisher)) in PATHS.iter().enumerate() {
        let small = run(group, *handle_on_publisher, EVENTS);
        let large = run(group, *handle_on_publisher, 2 * EVENTS);
        let allocations = large.saturating_sub(small) as f64 / EVENTS as f64;
        let instructions = if valgrind {
            match (instructions(index, EVENTS), instructions(index, 2 * EVENTS)) {
                (Some(small), Some(large)) => {
                    format!("{:.0}", large.saturating_sub(small) as f64 / EVENTS as f64)
                }
                _ => {
                    valgrind = false;
                    "no valgrind".to_owned()
                }
            }
        } else {
            "no valgrind".to_owned()
        };
        println!("{name:<34} {allocations:>18.2} {instructions:>22}");
    }
    println!("targets: no allocation to deliver, at most one to publish an event");
}

//! What an in-process publish costs the heap: one allocation per event (its
//! envelope), whether the event has an ordering key or not. Counted by a
//! counting allocator as the difference between runs of `2 * N` and `N`
//! events, so that starting the bus cancels out.

use std::hint::black_box;

use evently::{Bus, Event, subscriber};
use evently_tests::allocations;
use evently_tests::events::{Ticked, TickedKeyed};
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

#[global_allocator]
static ALLOCATOR: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

const EVENTS: u64 = 2_000;
/// Runs of each size, the fewest allocations counted.
const RUNS: usize = 5;

#[subscriber(group = "alloc-plain", guard = false)]
async fn plain(event: &Ticked) -> evently::Result<()> {
    black_box(event.seq);
    Ok(())
}

#[subscriber(group = "alloc-keyed", guard = false)]
async fn keyed(event: &TickedKeyed) -> evently::Result<()> {
    black_box(event.seq);
    Ok(())
}

/// The allocations made while `events` events are published to `group`
/// and handled, after a warm-up.
fn counted<E: Event>(group: &'static str, events: u64, event: impl Fn(u64) -> E) -> u64 {
    allocations::while_publishing(ALLOCATOR, Bus::builder().group(group), 100, events, event)
}

/// Allocations per event in the steady state. Each count is the fewest of
/// a few runs: a run may also grow a buffer (how far depends on how the
/// lanes' batches fell), which only ever adds allocations.
fn per_event<E: Event>(group: &'static str, event: impl Fn(u64) -> E + Copy) -> f64 {
    let fewest = |events| (0..RUNS).map(|_| counted(group, events, event)).min().unwrap_or(0);
    let small = fewest(EVENTS);
    let large = fewest(2 * EVENTS);
    large.saturating_sub(small) as f64 / EVENTS as f64
}

// One test, so that no other test of this binary allocates while it counts.
#[test]
fn a_publish_allocates_its_envelope_only_with_or_without_a_key() {
    let plain = per_event("alloc-plain", |seq| Ticked { seq, account: seq % 64 });
    assert!(plain <= 1.0, "{plain} allocations per unkeyed event");
    // Keys "0" to "63": kept inside the envelope.
    let keyed = per_event("alloc-keyed", |seq| TickedKeyed { seq, account: seq % 64 });
    assert!(keyed <= 1.0, "{keyed} allocations per keyed event");
    assert!(plain >= 1.0 && keyed >= 1.0, "the envelope itself was not counted: {plain}, {keyed}");
}

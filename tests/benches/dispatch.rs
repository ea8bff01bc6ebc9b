//! publish → handler completed, against its limits.
//!
//! ```text
//! cargo bench -p evently-tests --bench dispatch
//! ```
//!
//! Every scenario sends the same small event through a different path and
//! reports the mean cost per event over `EVENTS` events (the median of
//! `ROUNDS` rounds) on a two-worker Tokio runtime. Publishers run as spawned
//! tasks, as they do in a service:
//!
//! - a direct `.await` of the handler fn (the floor);
//! - a bounded tokio mpsc channel to one consumer task that calls the handler
//!   (what a hand-written in-process bus costs);
//! - the evently bus with 1 and 4 subscribers, the idempotency guard off
//!   (`idempotent`) and on, with one lane per subscriber (like the single mpsc
//!   consumer) and with the default 8 lanes.
//!
//! `--features bench-mimalloc` runs the same on mimalloc: the envelope is
//! allocated on the publishing thread and freed on the handling thread,
//! which glibc's allocator serves slowly.

#![allow(missing_docs)]

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use evently::{Bus, subscriber};
use evently_tests::events::*;

#[cfg(feature = "bench-mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ALLOCATOR_NAME: &str =
    if cfg!(feature = "bench-mimalloc") { "mimalloc" } else { "the system allocator" };

const EVENTS: u64 = 200_000;
const ROUNDS: usize = 5;
const QUEUE: usize = 1024;

static HANDLED: AtomicU64 = AtomicU64::new(0);

async fn handle(event: &Ticked) -> evently::Result<()> {
    HANDLED.fetch_add(black_box(event.seq) & 1 | 1, Ordering::Relaxed);
    Ok(())
}

#[subscriber(group = "one-off", guard = false)]
async fn one_off(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}

#[subscriber(group = "one-on")]
async fn one_on(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}

#[subscriber(group = "four-off", guard = false)]
async fn four_off_a(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "four-off", guard = false)]
async fn four_off_b(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "four-off", guard = false)]
async fn four_off_c(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "four-off", guard = false)]
async fn four_off_d(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}

#[subscriber(group = "four-on")]
async fn four_on_a(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "four-on")]
async fn four_on_b(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "four-on")]
async fn four_on_c(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}
#[subscriber(group = "four-on")]
async fn four_on_d(event: &Ticked) -> evently::Result<()> {
    handle(event).await
}

fn ticked(seq: u64) -> Ticked {
    Ticked { seq, account: seq % 64 }
}

async fn direct() -> Duration {
    let start = Instant::now();
    for seq in 0..EVENTS {
        handle(&ticked(seq)).await.expect("handled");
    }
    start.elapsed()
}

async fn mpsc_round_trip() -> Duration {
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Ticked>(QUEUE);
    let start = Instant::now();
    let consumer = tokio::spawn(async move {
        while let Some(event) = receiver.recv().await {
            handle(&event).await.expect("handled");
        }
    });
    let producer = tokio::spawn(async move {
        for seq in 0..EVENTS {
            sender.send(ticked(seq)).await.expect("consumer alive");
        }
    });
    producer.await.expect("producer finished");
    consumer.await.expect("consumer finished");
    start.elapsed()
}

async fn bus(group: &'static str, lanes: usize) -> Duration {
    let bus = Bus::builder()
        .source("bench")
        .queue_capacity(QUEUE * lanes)
        .concurrency(lanes)
        .group(group)
        .start()
        .await
        .expect("bus starts");
    let start = Instant::now();
    let producer = {
        let bus = bus.clone();
        tokio::spawn(async move {
            for seq in 0..EVENTS {
                bus.publish(ticked(seq)).await.expect("published");
            }
        })
    };
    producer.await.expect("producer finished");
    bus.wait_idle().await;
    let elapsed = start.elapsed();
    assert!(bus.dead_letters().is_empty());
    elapsed
}

fn median_ns_per_event(run: &dyn Fn() -> Duration) -> f64 {
    let _warm_up = run();
    let mut samples: Vec<f64> =
        (0..ROUNDS).map(|_| run().as_nanos() as f64 / EVENTS as f64).collect();
    samples.sort_by(f64::total_cmp);
    samples[ROUNDS / 2]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let measure = |name: &str, run: &dyn Fn() -> Duration| {
        let ns = median_ns_per_event(run);
        (name.to_owned(), ns)
    };
    let mut rows: Vec<(String, f64)> = Vec::new();
    rows.push(measure("direct call", &|| runtime.block_on(direct())));
    rows.push(measure("tokio mpsc round trip", &|| runtime.block_on(mpsc_round_trip())));
    for (name, group, lanes) in [
        ("bus, 1 subscriber, guard off, 1 lane", "one-off", 1),
        ("bus, 1 subscriber, guard on, 1 lane", "one-on", 1),
        ("bus, 4 subscribers, guard off, 1 lane", "four-off", 1),
        ("bus, 4 subscribers, guard on, 1 lane", "four-on", 1),
        ("bus, 1 subscriber, guard off, 8 lanes", "one-off", 8),
        ("bus, 1 subscriber, guard on, 8 lanes", "one-on", 8),
        ("bus, 4 subscribers, guard off, 8 lanes", "four-off", 8),
        ("bus, 4 subscribers, guard on, 8 lanes", "four-on", 8),
    ] {
        // `EVENTLY_BENCH=<text>` runs only the bus paths whose name contains it (for profiling).
        if std::env::var("EVENTLY_BENCH").is_ok_and(|only| !name.contains(&only)) {
            continue;
        }
        rows.push(measure(name, &|| runtime.block_on(bus(group, lanes))));
    }

    let mpsc = rows[1].1;
    println!(
        "publish -> handler completed, {EVENTS} events, median of {ROUNDS} rounds, 2 Tokio workers, {ALLOCATOR_NAME}"
    );
    println!("{:<42} {:>12} {:>14}", "path", "ns/event", "x mpsc trip");
    for (name, ns) in &rows {
        println!("{name:<42} {ns:>12.1} {:>14.2}", ns / mpsc);
    }
    let lookup =
        |name: &str| rows.iter().find(|(n, _)| n == name).map(|(_, ns)| *ns).unwrap_or(f64::NAN);
    let off = lookup("bus, 1 subscriber, guard off, 1 lane");
    let on = lookup("bus, 1 subscriber, guard on, 1 lane");
    println!(
        "guard cost (1 subscriber, 1 lane): {:.1} ns/event ({:.2}x the unguarded path)",
        on - off,
        on / off
    );
    println!(
        "target: guard off <= 2x the mpsc round trip: {:.2}x -> {}",
        off / mpsc,
        if off / mpsc <= 2.0 { "met" } else { "NOT met" }
    );
    println!("handled {} events in all", HANDLED.load(Ordering::Relaxed));
}

//! publish → handler completed, against its limits, in one run.
//!
//! ```text
//! cargo bench -p evently-tests --bench dispatch
//! ```
//!
//! Every path sends the same small event (`Ticked`) to handlers that
//! add to a counter, and reports the cost per event over `EVENTS` events.
//! Rounds are interleaved (each round runs every path once, baselines and
//! evently alternating), and the best and the median round are printed,
//! then each target of the in-process speed issue with its ratio and
//! whether it is met. Publishers run as spawned tasks on a two-worker Tokio
//! runtime, as they do in a service, on the system allocator.
//!
//! - a direct `.await` of the handler fn (the floor);
//! - one reading of the wall clock, which every envelope's timestamp and
//!   id take (a floor under every publish);
//! - a bounded tokio mpsc channel to one consumer task that calls the
//!   handler (what a hand-written queued bus costs);
//! - the seed's own Python `EventBus` (`seed_bus.py`, run with `python3`),
//!   whose `publish` awaits each handler, with 1 and 4 handlers;
//! - the evently bus with 1 and 4 subscribers, with its defaults (guard on,
//!   8 lanes, an idle subscriber's handler run by the publisher) and with
//!   the guard off, and with 1 subscriber of an event with an ordering key;
//! - the evently bus queuing every message (`handle_on_publisher(false)`,
//!   one lane, like the single mpsc consumer), guard off and on, and keyed;
//! - RustStream's in-process `MemoryBroker` (the closest Rust peer), with
//!   1 and 4 subscriptions to the event's name: each event is encoded to
//!   JSON into a buffer handed to the broker (its documented way to publish
//!   a produced payload), and each handler receives it decoded, as
//!   RustStream delivers every message.
//!
//! `--features bench-mimalloc` runs the same on mimalloc.
//! `cargo bench -p evently-tests --bench per_message` counts the
//! instructions and heap allocations of one delivery.

#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use evently::{Bus, subscriber};
use evently_tests::events::*;

#[cfg(feature = "bench-mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ALLOCATOR_NAME: &str =
    if cfg!(feature = "bench-mimalloc") { "mimalloc" } else { "the system allocator" };

const EVENTS: u64 = 200_000;
const ROUNDS: usize = 7;
const QUEUE: usize = 1024;

static HANDLED: AtomicU64 = AtomicU64::new(0);

async fn handle(event: &Ticked) -> evently::Result<()> {
    HANDLED.fetch_add(black_box(event.seq) & 1 | 1, Ordering::Relaxed);
    Ok(())
}

#[subscriber(group = "one-off-keyed", guard = false)]
async fn one_off_keyed(event: &TickedKeyed) -> evently::Result<()> {
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

/// `ticked` with its account as the ordering key.
fn ticked_keyed(seq: u64) -> TickedKeyed {
    TickedKeyed { seq, account: seq % 64 }
}

async fn direct() -> Duration {
    let start = Instant::now();
    for seq in 0..EVENTS {
        handle(&ticked(seq)).await.expect("handled");
    }
    start.elapsed()
}

/// One reading of the wall clock per event, what every envelope's
/// timestamp (and its UUIDv7 id) costs: a floor under any publish path.
async fn clock_reads() -> Duration {
    let start = Instant::now();
    for _ in 0..EVENTS {
        black_box(SystemTime::now());
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

/// How a bus path is set up.
#[derive(Clone, Copy)]
struct BusPath {
    group: &'static str,
    lanes: usize,
    handle_on_publisher: bool,
}

async fn bus<E: evently::Event>(
    path: BusPath,
    event: impl Fn(u64) -> E + Send + 'static,
) -> Duration {
    let bus = Bus::builder()
        .source("bench")
        .queue_capacity(QUEUE * path.lanes)
        .concurrency(path.lanes)
        .handle_on_publisher(path.handle_on_publisher)
        .group(path.group)
        .start()
        .await
        .expect("bus starts");
    let start = Instant::now();
    let producer = {
        let bus = bus.clone();
        tokio::spawn(async move {
            for seq in 0..EVENTS {
                bus.publish(event(seq)).await.expect("published");
            }
        })
    };
    producer.await.expect("producer finished");
    bus.wait_idle().await;
    let elapsed = start.elapsed();
    assert!(bus.dead_letters().is_empty());
    bus.shutdown().await;
    elapsed
}

/// One round of a bus path publishing `event(seq)`, in ns/event.
fn on_bus<E: evently::Event>(
    runtime: &std::sync::Arc<tokio::runtime::Runtime>,
    path: BusPath,
    event: impl Fn(u64) -> E + Copy + Send + 'static,
) -> Box<dyn Fn() -> f64> {
    let runtime = std::sync::Arc::clone(runtime);
    Box::new(move || per_event(runtime.block_on(bus(path, event))))
}

/// A round's time as ns per event.
fn per_event(elapsed: Duration) -> f64 {
    elapsed.as_nanos() as f64 / EVENTS as f64
}

/// RustStream's in-process broker with the same event and handlers.
mod peer {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{Duration, Instant};

    use evently_tests::events::Ticked;
    use ruststream::codec::{Codec, JsonCodec};
    use ruststream::memory::prelude::*;
    use ruststream::{BytesMut, OutgoingMessage, Publisher};
    use tokio::sync::Notify;

    use super::{EVENTS, ticked};

    /// Deliveries still to come in this round, and who waits for the last.
    static REMAINING: AtomicU64 = AtomicU64::new(0);
    static DRAINED: Notify = Notify::const_new();

    async fn arrived(event: &Ticked) -> HandlerOutcome {
        super::handle(event).await.expect("handled");
        if REMAINING.fetch_sub(1, Ordering::AcqRel) == 1 {
            DRAINED.notify_one();
        }
        HandlerOutcome::ack()
    }

    #[subscriber("bench.ticked")]
    async fn peer_one(event: &Ticked) -> HandlerOutcome {
        arrived(event).await
    }

    #[subscriber("bench.ticked")]
    async fn peer_four_a(event: &Ticked) -> HandlerOutcome {
        arrived(event).await
    }
    #[subscriber("bench.ticked")]
    async fn peer_four_b(event: &Ticked) -> HandlerOutcome {
        arrived(event).await
    }
    #[subscriber("bench.ticked")]
    async fn peer_four_c(event: &Ticked) -> HandlerOutcome {
        arrived(event).await
    }
    #[subscriber("bench.ticked")]
    async fn peer_four_d(event: &Ticked) -> HandlerOutcome {
        arrived(event).await
    }

    /// Publishes `EVENTS` events to `subscribers` subscriptions and waits
    /// until every delivery is handled.
    pub(super) async fn run(subscribers: u64) -> Duration {
        let broker = MemoryBroker::new();
        let app =
            RustStream::new(AppInfo::new("bench", "0.0.0")).with_broker(broker.clone(), |b| {
                if subscribers == 1 {
                    b.include(peer_one);
                } else {
                    b.include(peer_four_a);
                    b.include(peer_four_b);
                    b.include(peer_four_c);
                    b.include(peer_four_d);
                }
            });
        let running = app.start().await.expect("the RustStream app starts");
        REMAINING.store(EVENTS * subscribers, Ordering::Release);
        let publisher = broker.publisher();
        let start = Instant::now();
        let producer = tokio::spawn(async move {
            for seq in 0..EVENTS {
                // The broker keeps the buffer it is handed: one per event.
                let mut body = BytesMut::with_capacity(64);
                JsonCodec.encode_into(&ticked(seq), &mut body).expect("encodes");
                publisher
                    .publish(OutgoingMessage::produced("bench.ticked", body), None)
                    .await
                    .expect("published");
            }
        });
        producer.await.expect("producer finished");
        while REMAINING.load(Ordering::Acquire) > 0 {
            DRAINED.notified().await;
        }
        let elapsed = start.elapsed();
        // Stopped before the next path runs, as the evently buses are.
        running.shutdown().await.expect("the RustStream app stops");
        elapsed
    }
}

/// The seed's Python bus, publishing `EVENTS` events to `handlers` handlers;
/// the script times its own publish loop.
fn seed_bus(handlers: usize) -> f64 {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/seed_bus.py");
    let output = Command::new("python3")
        .arg(&script)
        .arg(EVENTS.to_string())
        .arg(handlers.to_string())
        .output()
        .unwrap_or_else(|error| {
            panic!("this benchmark runs the seed's bus with `python3`, which could not be started: {error}; install Python 3 and put `python3` on the PATH")
        });
    assert!(
        output.status.success(),
        "python3 {} failed: {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim().parse().unwrap_or_else(|_| panic!("python3 printed {text:?}, not ns/event"))
}

/// Runs `ROUNDS` rounds, each running every row once in turn, after a pause
/// of `pause` before each.
fn interleaved_rounds(rows: &mut [Row], pause: Duration) {
    for _ in 0..ROUNDS {
        for row in rows.iter_mut() {
            std::thread::sleep(pause);
            let sample = (row.run)();
            row.samples.push(sample);
        }
    }
}

/// One path of the benchmark: its name and one round of it, in ns/event.
struct Row {
    name: &'static str,
    run: Box<dyn Fn() -> f64>,
    samples: Vec<f64>,
}

impl Row {
    fn best(&self) -> f64 {
        evently_tests::best_and_median(&self.samples).0
    }
    fn median(&self) -> f64 {
        evently_tests::best_and_median(&self.samples).1
    }
}

const DIRECT: &str = "direct call";
const CLOCK: &str = "wall-clock read (SystemTime::now)";
const MPSC: &str = "tokio mpsc round trip";
const SEED_1: &str = "seed's Python bus, 1 handler";
const SEED_4: &str = "seed's Python bus, 4 handlers";
const ONE_OFF: &str = "evently, 1 subscriber, guard off";
const ONE_OFF_KEYED: &str = "evently, 1 subscriber, guard off, keyed";
const ONE_DEFAULTS: &str = "evently, 1 subscriber, defaults";
const FOUR_OFF: &str = "evently, 4 subscribers, guard off";
const FOUR_DEFAULTS: &str = "evently, 4 subscribers, defaults";
const QUEUED_OFF: &str = "evently queued, 1 lane, guard off";
const QUEUED_ON: &str = "evently queued, 1 lane, guard on";
const QUEUED_OFF_KEYED: &str = "evently queued, 1 lane, guard off, keyed";
const PEER_1: &str = "RustStream MemoryBroker, 1 subscriber";
const PEER_4: &str = "RustStream MemoryBroker, 4 subscribers";

fn main() {
    let runtime = std::sync::Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime"),
    );
    let on_runtime =
        |future: fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Duration>>>| {
            let runtime = std::sync::Arc::clone(&runtime);
            Box::new(move || per_event(runtime.block_on(future()))) as Box<dyn Fn() -> f64>
        };
    let unkeyed = |path: BusPath| on_bus(&runtime, path, ticked);
    let keyed = |path: BusPath| on_bus(&runtime, path, ticked_keyed);
    let on_peer = |subscribers: u64| {
        let runtime = std::sync::Arc::clone(&runtime);
        Box::new(move || per_event(runtime.block_on(peer::run(subscribers))))
            as Box<dyn Fn() -> f64>
    };
    let defaults = |group| BusPath { group, lanes: 8, handle_on_publisher: true };
    let queued = |group| BusPath { group, lanes: 1, handle_on_publisher: false };
    let mut rows = vec![
        Row { name: DIRECT, run: on_runtime(|| Box::pin(direct())), samples: vec![] },
        Row { name: CLOCK, run: on_runtime(|| Box::pin(clock_reads())), samples: vec![] },
        Row { name: MPSC, run: on_runtime(|| Box::pin(mpsc_round_trip())), samples: vec![] },
        Row { name: SEED_1, run: Box::new(|| seed_bus(1)), samples: vec![] },
        Row { name: ONE_OFF, run: unkeyed(defaults("one-off")), samples: vec![] },
        Row { name: ONE_OFF_KEYED, run: keyed(defaults("one-off-keyed")), samples: vec![] },
        Row { name: ONE_DEFAULTS, run: unkeyed(defaults("one-on")), samples: vec![] },
        Row { name: PEER_1, run: on_peer(1), samples: vec![] },
        Row { name: SEED_4, run: Box::new(|| seed_bus(4)), samples: vec![] },
        Row { name: FOUR_OFF, run: unkeyed(defaults("four-off")), samples: vec![] },
        Row { name: FOUR_DEFAULTS, run: unkeyed(defaults("four-on")), samples: vec![] },
        Row { name: PEER_4, run: on_peer(4), samples: vec![] },
        Row { name: MPSC, run: on_runtime(|| Box::pin(mpsc_round_trip())), samples: vec![] },
        Row { name: QUEUED_OFF, run: unkeyed(queued("one-off")), samples: vec![] },
        Row { name: QUEUED_ON, run: unkeyed(queued("one-on")), samples: vec![] },
        Row { name: QUEUED_OFF_KEYED, run: keyed(queued("one-off-keyed")), samples: vec![] },
    ];
    // `EVENTLY_BENCH=<text>` runs only the paths whose name contains it, or
    // one of several texts separated by `|`, their rounds interleaved (for
    // profiling, and to see how one path moves another), and prints every
    // round. `EVENTLY_BENCH_PAUSE_MS=<ms>` lets the process idle that long
    // before each round, as a service does between bursts.
    if let Ok(only) = std::env::var("EVENTLY_BENCH") {
        let pause = std::env::var("EVENTLY_BENCH_PAUSE_MS")
            .map(|ms| {
                Duration::from_millis(ms.parse().expect("EVENTLY_BENCH_PAUSE_MS: milliseconds"))
            })
            .unwrap_or_default();
        rows.retain(|row| only.split('|').any(|text| row.name.contains(text)));
        interleaved_rounds(&mut rows, pause);
        for row in &rows {
            let rounds: Vec<String> = row.samples.iter().map(|ns| format!("{ns:.0}")).collect();
            println!(
                "{:<38} best {:>8.1} median {:>8.1}   rounds {}",
                row.name,
                row.best(),
                row.median(),
                rounds.join(" ")
            );
        }
        return;
    }
    // The mpsc baseline runs twice a round, once beside each group of paths
    // it is compared with; its samples are pooled.
    for row in &rows {
        let _warm_up = (row.run)();
    }
    interleaved_rounds(&mut rows, Duration::ZERO);
    let mpsc_samples: Vec<f64> =
        rows.iter().filter(|row| row.name == MPSC).flat_map(|row| row.samples.clone()).collect();
    rows.retain(|row| row.name != MPSC);
    rows.insert(1, Row { name: MPSC, run: Box::new(|| 0.0), samples: mpsc_samples });

    println!(
        "publish -> handler completed, {EVENTS} events a round, {ROUNDS} interleaved rounds, 2 Tokio workers, {ALLOCATOR_NAME}"
    );
    println!("{:<38} {:>10} {:>10}", "path", "best ns", "median ns");
    for row in &rows {
        println!("{:<38} {:>10.1} {:>10.1}", row.name, row.best(), row.median());
    }
    let row = |name: &str| rows.iter().find(|row| row.name == name).expect("a measured path");

    println!();
    println!("targets (ratios of medians; best rounds in brackets):");
    let faster = |label: &str, baseline: &str, path: &str, at_least: f64| {
        let (baseline, path) = (row(baseline), row(path));
        let ratio = baseline.median() / path.median();
        let best = baseline.best() / path.best();
        let met = if ratio >= at_least { "met" } else { "NOT met" };
        println!("  {label}: {ratio:.1}x faster ({best:.1}x), target >= {at_least}x -> {met}");
    };
    faster("1. seed bus 1 handler / evently 1 subscriber guard off", SEED_1, ONE_OFF, 10.0);
    faster("1. seed bus 1 handler / evently 1 subscriber defaults", SEED_1, ONE_DEFAULTS, 5.0);
    faster("1. seed bus 4 handlers / evently 4 subscribers guard off", SEED_4, FOUR_OFF, 10.0);
    faster("1. seed bus 4 handlers / evently 4 subscribers defaults", SEED_4, FOUR_DEFAULTS, 5.0);
    println!(
        "  1. for scale: 10x the seed bus with 1 handler is {:.1} ns/event; one wall-clock read, which every envelope's timestamp takes, is {:.1}",
        row(SEED_1).median() / 10.0,
        row(CLOCK).median()
    );
    let beats = |label: &str, peer: &str, path: &str| {
        let (peer, path) = (row(peer), row(path));
        let ratio = peer.median() / path.median();
        let best = peer.best() / path.best();
        let met = if ratio > 1.0 { "met" } else { "NOT met" };
        println!("  {label}: {ratio:.2}x faster ({best:.2}x), target > 1x -> {met}");
    };
    beats("2. RustStream 1 subscriber / evently 1 subscriber defaults", PEER_1, ONE_DEFAULTS);
    beats("2. RustStream 4 subscribers / evently 4 subscribers defaults", PEER_4, FOUR_DEFAULTS);
    let (queued, mpsc) = (row(QUEUED_OFF), row(MPSC));
    let ratio = queued.median() / mpsc.median();
    let best = queued.best() / mpsc.best();
    println!(
        "  3. evently queued guard off / tokio mpsc round trip: {ratio:.2}x ({best:.2}x), target <= 2x -> {}",
        if ratio <= 2.0 { "met" } else { "NOT met" }
    );
    println!(
        "  3. the guard's cost on the queued path: {:.1} ns/event (median), {:.1} (best)",
        row(QUEUED_ON).median() - queued.median(),
        row(QUEUED_ON).best() - queued.best()
    );
    println!(
        "  the guard's cost with the defaults, 1 subscriber: {:.1} ns/event (median); 4 subscribers: {:.1}",
        row(ONE_DEFAULTS).median() - row(ONE_OFF).median(),
        row(FOUR_DEFAULTS).median() - row(FOUR_OFF).median()
    );
    println!("handled {} deliveries in all", HANDLED.load(Ordering::Relaxed));
}

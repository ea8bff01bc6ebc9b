#![allow(missing_docs)]
//! The in-process bus: fan-out, ordering, retries, dead letters, idempotency,
//! backpressure and shutdown.
//!
//! Every test uses its own event types and a bus that runs only the
//! subscribers of its own group, so tests run in parallel.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use evently::{Bus, BusBuilder, Context, Envelope, Error, PublishError, RetryPolicy, subscriber};
use evently_tests::events::*;
use tokio::sync::{Notify, Semaphore};

fn bus_for(group: &'static str) -> BusBuilder {
    Bus::builder().source("tests").group(group)
}

async fn idle(bus: &Bus) {
    tokio::time::timeout(Duration::from_secs(20), bus.wait_idle())
        .await
        .expect("the bus went idle within 20 s");
}

// ---------------------------------------------------------------- fan-out

static FANOUT_REF: AtomicUsize = AtomicUsize::new(0);
static FANOUT_ENVELOPE: Mutex<Vec<(u64, String)>> = Mutex::new(Vec::new());

#[subscriber(group = "fanout")]
async fn fanout_by_reference(event: &FanoutHappened) -> evently::Result<()> {
    FANOUT_REF.fetch_add(event.id as usize, Ordering::SeqCst);
    Ok(())
}

#[subscriber(group = "fanout")]
async fn fanout_by_envelope(event: Envelope<FanoutHappened>) -> Result<(), std::io::Error> {
    FANOUT_ENVELOPE
        .lock()
        .expect("lock")
        .push((event.data().id, event.metadata().source().to_owned()));
    Ok(())
}

#[tokio::test]
async fn every_subscriber_of_an_event_receives_it() {
    let bus = bus_for("fanout").start().await.expect("bus starts");
    assert_eq!(bus.subscribers().count(), 2);
    for id in 1..=10 {
        bus.publish(FanoutHappened { id }).await.expect("publish");
    }
    idle(&bus).await;
    assert_eq!(FANOUT_REF.load(Ordering::SeqCst), 55);
    let mut seen = FANOUT_ENVELOPE.lock().expect("lock").clone();
    seen.sort();
    let expected: Vec<(u64, String)> = (1..=10).map(|id| (id, "tests".to_owned())).collect();
    assert_eq!(seen, expected);
}

// ---------------------------------------------------------------- ordering

static ORDERING: Mutex<Vec<(String, u32)>> = Mutex::new(Vec::new());

#[subscriber(group = "ordering")]
async fn record_in_order(event: &OrderingRecorded) -> evently::Result<()> {
    // Yield so that, were order not kept, interleavings would show.
    tokio::task::yield_now().await;
    ORDERING.lock().expect("lock").push((event.account.clone(), event.seq));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_with_one_key_are_handled_in_publish_order() {
    let bus = bus_for("ordering").concurrency(4).start().await.expect("bus starts");
    for seq in 0..200 {
        for account in ["a", "b", "c", "d", "e"] {
            bus.publish(OrderingRecorded { account: account.into(), seq }).await.expect("publish");
        }
    }
    idle(&bus).await;
    let log = ORDERING.lock().expect("lock").clone();
    assert_eq!(log.len(), 1000);
    let mut per_key: HashMap<String, Vec<u32>> = HashMap::new();
    for (account, seq) in log {
        per_key.entry(account).or_default().push(seq);
    }
    for (account, seqs) in per_key {
        assert_eq!(seqs, (0..200).collect::<Vec<_>>(), "order of key {account}");
    }
}

static CONCURRENCY_GATE: Notify = Notify::const_new();
static CONCURRENCY_SECOND_RAN: AtomicBool = AtomicBool::new(false);

#[subscriber(group = "concurrency")]
async fn hold_first_key(event: &ConcurrencyStarted) -> evently::Result<()> {
    if event.key == "first" {
        // Blocks until a message with another key has run: only possible if
        // different keys are handled concurrently.
        tokio::time::timeout(Duration::from_secs(10), CONCURRENCY_GATE.notified())
            .await
            .map_err(|_| Error::permanent(std::io::Error::other("second key never ran")))?;
    } else {
        CONCURRENCY_SECOND_RAN.store(true, Ordering::SeqCst);
        CONCURRENCY_GATE.notify_one();
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn different_keys_are_handled_concurrently() {
    let bus = bus_for("concurrency").concurrency(8).start().await.expect("bus starts");
    // Find a second key that hashes to another lane than "first" by trying a few.
    bus.publish(ConcurrencyStarted { key: "first".into() }).await.expect("publish");
    for n in 0..16 {
        bus.publish(ConcurrencyStarted { key: format!("other-{n}") }).await.expect("publish");
    }
    idle(&bus).await;
    assert!(CONCURRENCY_SECOND_RAN.load(Ordering::SeqCst));
    assert!(bus.dead_letters().is_empty(), "{:?}", bus.dead_letters());
}

// ---------------------------------------------------------------- retries and dead letters

static RETRY_ATTEMPTS: Mutex<Vec<u32>> = Mutex::new(Vec::new());

#[subscriber(group = "retry", retries = 2, backoff = "immediate")]
async fn fail_until_third_attempt(_event: &RetryFailedTwice, ctx: Context) -> evently::Result<()> {
    RETRY_ATTEMPTS.lock().expect("lock").push(ctx.attempt());
    if ctx.attempt() < 3 {
        return Err(Error::msg(format!("attempt {} failed", ctx.attempt())));
    }
    Ok(())
}

#[tokio::test]
async fn a_failure_is_retried_until_it_succeeds() {
    let bus = bus_for("retry").start().await.expect("bus starts");
    bus.publish(RetryFailedTwice { id: 1 }).await.expect("publish");
    idle(&bus).await;
    assert_eq!(*RETRY_ATTEMPTS.lock().expect("lock"), [1, 2, 3]);
    assert!(bus.dead_letters().is_empty());
    assert_eq!(bus.stats().retries, 2);
}

static DLQ_ATTEMPTS: AtomicU32 = AtomicU32::new(0);
static DLQ_HEALED: AtomicBool = AtomicBool::new(false);

#[subscriber(name = "dlq-test", group = "dlq", retries = 2, backoff = fixed("10ms"), dead_letter = "dlq.test")]
async fn always_fails(_event: &DlqRejected) -> Result<(), String> {
    DLQ_ATTEMPTS.fetch_add(1, Ordering::SeqCst);
    if DLQ_HEALED.load(Ordering::SeqCst) {
        Ok(())
    } else {
        Err("downstream unavailable".to_owned())
    }
}

#[tokio::test]
async fn retries_are_exhausted_then_the_message_is_dead_lettered_and_can_be_replayed() {
    let bus = bus_for("dlq").start().await.expect("bus starts");
    let id = bus.publish(DlqRejected { id: 7 }).await.expect("publish");
    idle(&bus).await;
    assert_eq!(DLQ_ATTEMPTS.load(Ordering::SeqCst), 3, "one attempt and two retries");
    let letters = bus.dead_letters();
    assert_eq!(letters.len(), 1);
    let letter = &letters[0];
    assert_eq!(letter.subscriber(), "dlq-test");
    assert_eq!(letter.destination(), "dlq.test");
    assert_eq!(letter.group(), "dlq");
    assert_eq!(letter.attempts(), 3);
    assert_eq!(letter.error(), "downstream unavailable");
    assert_eq!(letter.metadata().id(), id);
    assert_eq!(letter.envelope::<DlqRejected>().expect("typed").data().id, 7);
    let json: serde_json::Value =
        serde_json::from_slice(&letter.to_json().expect("json")).expect("valid");
    assert_eq!(json["type"], "test.dlq.rejected");

    DLQ_HEALED.store(true, Ordering::SeqCst);
    bus.replay_dead_letter(letter.id()).await.expect("replay");
    idle(&bus).await;
    assert_eq!(DLQ_ATTEMPTS.load(Ordering::SeqCst), 4, "the replay ran the handler again");
    assert!(bus.dead_letters().is_empty());
    assert!(matches!(
        bus.replay_dead_letter(letter.id()).await,
        Err(evently::ReplayError::NotFound(_))
    ));
}

static PANIC_ATTEMPTS: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "panic", retries = 1, backoff = "immediate")]
async fn panics(_event: &PanicTriggered) -> evently::Result<()> {
    PANIC_ATTEMPTS.fetch_add(1, Ordering::SeqCst);
    panic!("boom in handler");
}

#[tokio::test]
async fn a_panicking_handler_counts_as_a_failure_and_the_bus_keeps_running() {
    let bus = bus_for("panic").concurrency(1).start().await.expect("bus starts");
    bus.publish(PanicTriggered { id: 1 }).await.expect("publish");
    bus.publish(PanicTriggered { id: 2 }).await.expect("publish");
    idle(&bus).await;
    assert_eq!(PANIC_ATTEMPTS.load(Ordering::SeqCst), 4, "both messages, two attempts each");
    let letters = bus.dead_letters();
    assert_eq!(letters.len(), 2);
    assert!(
        letters.iter().all(|l| l.error() == "handler panicked: boom in handler"),
        "{letters:?}"
    );
}

static PERMANENT_ATTEMPTS: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "permanent", retries = 5, backoff = "immediate")]
async fn refuses(_event: &PermanentRefused) -> evently::Result<()> {
    PERMANENT_ATTEMPTS.fetch_add(1, Ordering::SeqCst);
    Err(Error::permanent(std::io::Error::new(std::io::ErrorKind::InvalidData, "bad order")))
}

#[tokio::test]
async fn a_permanent_error_skips_the_remaining_retries() {
    // The subscriber names no dead-letter destination: the bus default applies.
    let bus = bus_for("permanent").dead_letter("dlq.orders").start().await.expect("bus starts");
    bus.publish(PermanentRefused { id: 1 }).await.expect("publish");
    idle(&bus).await;
    assert_eq!(PERMANENT_ATTEMPTS.load(Ordering::SeqCst), 1);
    assert_eq!(bus.dead_letters()[0].error(), "bad order");
    assert_eq!(bus.dead_letters()[0].destination(), "dlq.orders");
}

static STALL_LOG: Mutex<Vec<(String, u32, Instant)>> = Mutex::new(Vec::new());
static STALL_FAILED_ONCE: AtomicBool = AtomicBool::new(false);

#[subscriber(group = "stall", retries = 3, backoff = fixed("300ms"))]
async fn fails_slow_key_once(event: &StallChecked) -> evently::Result<()> {
    if event.key == "slow" && event.seq == 0 && !STALL_FAILED_ONCE.swap(true, Ordering::SeqCst) {
        return Err(Error::msg("first attempt fails"));
    }
    STALL_LOG.lock().expect("lock").push((event.key.clone(), event.seq, Instant::now()));
    Ok(())
}

#[tokio::test]
async fn a_retry_waits_without_stalling_other_keys_and_holds_back_its_own_key() {
    // One lane: every key shares it, so only the retry scheduling can keep
    // other keys moving.
    let bus = bus_for("stall").concurrency(1).start().await.expect("bus starts");
    let start = Instant::now();
    bus.publish(StallChecked { key: "slow".into(), seq: 0 }).await.expect("publish");
    bus.publish(StallChecked { key: "slow".into(), seq: 1 }).await.expect("publish");
    for seq in 0..5 {
        bus.publish(StallChecked { key: "fast".into(), seq }).await.expect("publish");
    }
    idle(&bus).await;
    let log = STALL_LOG.lock().expect("lock").clone();
    let order: Vec<(String, u32)> = log.iter().map(|(k, s, _)| (k.clone(), *s)).collect();
    let fast: Vec<_> = order.iter().filter(|(k, _)| k == "fast").map(|(_, s)| *s).collect();
    let slow: Vec<_> = order.iter().filter(|(k, _)| k == "slow").map(|(_, s)| *s).collect();
    assert_eq!(fast, [0, 1, 2, 3, 4]);
    assert_eq!(slow, [0, 1], "the second message of the key waited for the first");
    let last_fast =
        log.iter().filter(|(k, ..)| k == "fast").map(|(.., t)| *t).max().expect("fast ran");
    let first_slow =
        log.iter().filter(|(k, ..)| k == "slow").map(|(.., t)| *t).min().expect("slow ran");
    assert!(last_fast < first_slow, "other keys finished while the retry waited");
    assert!(
        first_slow.duration_since(start) >= Duration::from_millis(300),
        "the backoff was waited"
    );
}

// ---------------------------------------------------------------- idempotency

static DEDUP_GUARDED: AtomicU32 = AtomicU32::new(0);
static DEDUP_UNGUARDED: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "dedup")]
async fn guarded(_event: &DedupDelivered) -> evently::Result<()> {
    DEDUP_GUARDED.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[subscriber(group = "dedup", guard = false)]
async fn unguarded(_event: &DedupDelivered) -> evently::Result<()> {
    DEDUP_UNGUARDED.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::test]
async fn the_same_envelope_published_twice_runs_a_guarded_handler_once() {
    let bus = bus_for("dedup").start().await.expect("bus starts");
    let envelope = Envelope::builder(DedupDelivered { id: 1 }).source("tests").build();
    bus.publish_envelope(envelope.clone()).await.expect("publish");
    idle(&bus).await;
    bus.publish_envelope(envelope.clone()).await.expect("publish again");
    bus.publish_envelope(envelope).await.expect("publish a third time");
    idle(&bus).await;
    assert_eq!(DEDUP_GUARDED.load(Ordering::SeqCst), 1);
    assert_eq!(DEDUP_UNGUARDED.load(Ordering::SeqCst), 3, "`guard = false` opts out of the guard");
    assert_eq!(bus.stats().duplicates, 2);
}

static RELEASE_RUNS: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "release", retries = 1, backoff = "immediate")]
async fn fails_first(_event: &ReleaseAttempted, ctx: &Context) -> evently::Result<()> {
    RELEASE_RUNS.fetch_add(1, Ordering::SeqCst);
    if ctx.attempt() == 1 {
        return Err(Error::msg("transient"));
    }
    Ok(())
}

#[tokio::test]
async fn a_failed_attempt_releases_its_claim_so_the_retry_runs() {
    let bus = bus_for("release").start().await.expect("bus starts");
    let envelope = Envelope::new(ReleaseAttempted { id: 1 });
    bus.publish_envelope(envelope.clone()).await.expect("publish");
    idle(&bus).await;
    assert_eq!(RELEASE_RUNS.load(Ordering::SeqCst), 2, "the retry ran after the failure");
    bus.publish_envelope(envelope).await.expect("publish the duplicate");
    idle(&bus).await;
    assert_eq!(RELEASE_RUNS.load(Ordering::SeqCst), 2, "the success was remembered");
}

static CAPTURED: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "business-key", dedup_key = payment_id)]
async fn capture_once(_event: &PaymentCaptured) -> evently::Result<()> {
    CAPTURED.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::test]
async fn a_dedup_key_guards_on_the_business_key_across_envelopes() {
    let bus = bus_for("business-key").start().await.expect("bus starts");
    bus.publish(PaymentCaptured { payment_id: "p-1".into(), amount: 10 }).await.expect("publish");
    bus.publish(PaymentCaptured { payment_id: "p-1".into(), amount: 10 }).await.expect("publish");
    bus.publish(PaymentCaptured { payment_id: "p-2".into(), amount: 10 }).await.expect("publish");
    idle(&bus).await;
    assert_eq!(CAPTURED.load(Ordering::SeqCst), 2, "p-1 once, p-2 once");
}

// ---------------------------------------------------------------- context

/// Id, causation id and correlation id of each follow-up event.
type Chain = (uuid::Uuid, Option<uuid::Uuid>, Option<uuid::Uuid>);

static CHAIN: Mutex<Vec<Chain>> = Mutex::new(Vec::new());

#[subscriber(group = "chain")]
async fn continue_chain(event: Envelope<ChainStarted>, ctx: Context) -> evently::Result<()> {
    ctx.publish(ChainContinued { id: event.data().id }).await?;
    Ok(())
}

#[subscriber(group = "chain")]
async fn end_chain(event: Envelope<ChainContinued>) -> evently::Result<()> {
    let meta = event.metadata();
    CHAIN.lock().expect("lock").push((meta.id(), meta.causation_id(), meta.correlation_id()));
    Ok(())
}

use evently::uuid;

#[tokio::test]
async fn follow_up_events_carry_causation_and_correlation_ids() {
    let bus = bus_for("chain").start().await.expect("bus starts");
    let first = bus.publish(ChainStarted { id: 1 }).await.expect("publish");
    idle(&bus).await;
    let chain = CHAIN.lock().expect("lock").clone();
    assert_eq!(chain.len(), 1);
    let (id, causation, correlation) = chain[0];
    assert_ne!(id, first);
    assert_eq!(causation, Some(first));
    assert_eq!(correlation, Some(first));
}

// ---------------------------------------------------------------- backpressure and shutdown

static PRESSURE_GATE: Semaphore = Semaphore::const_new(0);
static PRESSURE_DONE: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "pressure")]
async fn slow_consumer(_event: &PressureApplied) -> evently::Result<()> {
    PRESSURE_GATE.acquire().await.map_err(Error::new)?.forget();
    PRESSURE_DONE.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_waits_when_the_queue_is_full() {
    let bus =
        bus_for("pressure").queue_capacity(2).concurrency(1).start().await.expect("bus starts");
    // One message in the handler, two queued: the queue is full.
    for id in 0..3 {
        tokio::time::timeout(Duration::from_secs(5), bus.publish(PressureApplied { id }))
            .await
            .expect("room in the queue")
            .expect("publish");
    }
    let blocked =
        tokio::time::timeout(Duration::from_millis(200), bus.publish(PressureApplied { id: 3 }))
            .await;
    assert!(blocked.is_err(), "publish waited while the queue was full");
    PRESSURE_GATE.add_permits(100);
    tokio::time::timeout(Duration::from_secs(5), bus.publish(PressureApplied { id: 4 }))
        .await
        .expect("publish resumed once the consumer caught up")
        .expect("publish");
    idle(&bus).await;
    assert_eq!(PRESSURE_DONE.load(Ordering::SeqCst), 4, "the timed-out publish was never queued");
    assert_eq!(bus.stats().in_flight, 0);
}

static DRAINED: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "drain")]
async fn slow_drain(_event: &DrainRequested) -> evently::Result<()> {
    tokio::time::sleep(Duration::from_millis(2)).await;
    DRAINED.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_drains_in_flight_work_and_refuses_new_events() {
    let bus = bus_for("drain").concurrency(2).start().await.expect("bus starts");
    for id in 0..100 {
        bus.publish(DrainRequested { id }).await.expect("publish");
    }
    assert!(DRAINED.load(Ordering::SeqCst) < 100, "work was still in flight");
    tokio::time::timeout(Duration::from_secs(20), bus.shutdown()).await.expect("drained");
    assert_eq!(DRAINED.load(Ordering::SeqCst), 100);
    assert!(matches!(bus.publish(DrainRequested { id: 100 }).await, Err(PublishError::Closed)));
}

// ---------------------------------------------------------------- settings

#[tokio::test]
async fn impossible_settings_are_rejected_with_the_setting_named() {
    let error = Bus::builder().concurrency(0).start().await.expect_err("concurrency 0");
    assert_eq!(error.to_string(), "invalid setting `concurrency`: must be at least 1");
    let error = Bus::builder()
        .retry_policy(RetryPolicy {
            max_retries: 1,
            backoff: evently::Backoff::Exponential {
                initial: Duration::from_secs(1),
                factor: 0.5,
                max: Duration::from_secs(2),
                jitter: false,
            },
        })
        .start()
        .await
        .expect_err("factor below 1");
    assert!(error.to_string().starts_with("invalid setting `retry_policy`"), "{error}");
}

#[test]
fn starting_outside_a_runtime_is_an_error_not_a_panic() {
    use futures_util::FutureExt;
    let error = Bus::builder()
        .start()
        .now_or_never()
        .expect("fails before it waits for anything")
        .expect_err("no runtime");
    assert!(matches!(error, evently::StartError::NoRuntime));
}

// ---------------------------------------------------------------- who runs the handler

static ON_PUBLISHER_RAN: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "on-publisher", guard = false)]
async fn counts_ticks(_event: &Ticked) -> evently::Result<()> {
    ON_PUBLISHER_RAN.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn an_idle_subscriber_is_handled_by_the_publisher_unless_told_to_queue() {
    // One thread: a queued message runs only once the test task yields.
    let bus = bus_for("on-publisher").start().await.expect("bus starts");
    bus.publish(Ticked { seq: 1, account: 1 }).await.expect("publish");
    assert_eq!(ON_PUBLISHER_RAN.load(Ordering::SeqCst), 1, "handled before publish returned");
    bus.shutdown().await;

    let bus = bus_for("on-publisher").handle_on_publisher(false).start().await.expect("bus starts");
    bus.publish(Ticked { seq: 2, account: 1 }).await.expect("publish");
    assert_eq!(ON_PUBLISHER_RAN.load(Ordering::SeqCst), 1, "queued, not handled by publish");
    idle(&bus).await;
    assert_eq!(ON_PUBLISHER_RAN.load(Ordering::SeqCst), 2);
}

// ---------------------------------------------------------------- freeing handled envelopes

static SPENT_HANDLED: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "spent", guard = false)]
async fn handled_and_let_go(_event: &Ticked) -> evently::Result<()> {
    SPENT_HANDLED.fetch_add(1, Ordering::SeqCst);
    // Gives the publisher time to queue more behind this one.
    tokio::task::yield_now().await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_a_batch_of_handled_envelopes_is_held_once_publishing_stops() {
    // Every envelope holds a reference to this key: once each is freed,
    // only this one is left.
    let key: std::sync::Arc<str> = "one-lane".into();
    let bus = bus_for("spent")
        .handle_on_publisher(false)
        .concurrency(1)
        .queue_capacity(256)
        .start()
        .await
        .expect("bus starts");
    const EVENTS: u32 = 5_000;
    let publisher = {
        let (bus, key) = (bus.clone(), key.clone());
        tokio::spawn(async move {
            for seq in 0..EVENTS {
                let event = Ticked { seq: u64::from(seq), account: 1 };
                let envelope = Envelope::builder(event).key(key.clone()).build();
                bus.publish_envelope(envelope).await.expect("publish");
            }
        })
    };
    publisher.await.expect("publisher finished");
    idle(&bus).await;
    assert_eq!(SPENT_HANDLED.load(Ordering::SeqCst), EVENTS);
    // A lane of a queue of 256 takes batches of 32 (a quarter of it, at
    // most 32). Once it runs out of messages it frees what is left past a
    // batch, just after the bus counts its last message done.
    const BATCH: usize = 32;
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::sync::Arc::strong_count(&key) - 1 > BATCH && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let held = std::sync::Arc::strong_count(&key) - 1;
    assert!(
        held <= BATCH,
        "{held} envelopes still held after every message was handled and nothing more was published"
    );
    bus.shutdown().await;
}

// ---------------------------------------------------------------- publishers racing for one lane

static RACE_INSIDE: AtomicUsize = AtomicUsize::new(0);
static RACE_OVERLAPS: AtomicUsize = AtomicUsize::new(0);
static RACE_HANDLED: Mutex<Vec<u64>> = Mutex::new(Vec::new());

#[subscriber(group = "racing", guard = false, retries = 1, backoff = "immediate")]
async fn one_at_a_time(event: &Ticked, ctx: Context) -> evently::Result<()> {
    if RACE_INSIDE.fetch_add(1, Ordering::SeqCst) != 0 {
        RACE_OVERLAPS.fetch_add(1, Ordering::SeqCst);
    }
    // Some handlers wait (the lane's task finishes them), and some fail
    // their first attempt (the lane's loop retries them).
    if event.seq.is_multiple_of(3) {
        tokio::task::yield_now().await;
    }
    RACE_INSIDE.fetch_sub(1, Ordering::SeqCst);
    if event.seq.is_multiple_of(7) && ctx.attempt() == 1 {
        return Err(Error::msg("the first attempt fails"));
    }
    RACE_HANDLED.lock().expect("lock").push(event.seq);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishers_racing_for_an_idle_lane_never_run_two_of_its_messages_at_once() {
    const PUBLISHERS: u64 = 4;
    const EACH: u64 = 2_000;
    let bus = bus_for("racing").concurrency(1).start().await.expect("bus starts");
    let publishers: Vec<_> = (0..PUBLISHERS)
        .map(|publisher| {
            let bus = bus.clone();
            tokio::spawn(async move {
                for n in 0..EACH {
                    let seq = publisher * EACH + n;
                    bus.publish(Ticked { seq, account: publisher }).await.expect("publish");
                }
            })
        })
        .collect();
    for publisher in publishers {
        publisher.await.expect("publisher task");
    }
    idle(&bus).await;
    assert_eq!(RACE_OVERLAPS.load(Ordering::SeqCst), 0, "two messages of one lane ran at once");
    let mut handled = RACE_HANDLED.lock().expect("lock").clone();
    handled.sort_unstable();
    assert_eq!(handled, (0..PUBLISHERS * EACH).collect::<Vec<_>>(), "each message once");
    let failed_once = (0..PUBLISHERS * EACH).filter(|seq| seq.is_multiple_of(7)).count() as u64;
    assert_eq!(bus.stats().retries, failed_once);
    assert!(bus.dead_letters().is_empty());
}

// ---------------------------------------------------------------- metadata

static STAMPED: Mutex<Vec<evently::Metadata>> = Mutex::new(Vec::new());

#[subscriber(group = "stamped")]
async fn record_metadata(
    _event: &OrderingRecorded,
    meta: &evently::Metadata,
) -> evently::Result<()> {
    STAMPED.lock().expect("lock").push(meta.clone());
    Ok(())
}

#[tokio::test]
async fn a_published_envelope_carries_the_events_type_its_key_and_the_buss_source() {
    use evently::Event;
    let bus = bus_for("stamped").start().await.expect("bus starts");
    let before = std::time::SystemTime::now();
    let id =
        bus.publish(OrderingRecorded { account: "acc-7".into(), seq: 1 }).await.expect("publish");
    idle(&bus).await;
    let after = std::time::SystemTime::now();
    let stamped = STAMPED.lock().expect("lock").clone();
    let [meta] = stamped.as_slice() else { panic!("one delivery, got {stamped:?}") };
    assert_eq!(meta.id(), id);
    assert_eq!(meta.event_type(), OrderingRecorded::NAME);
    assert_eq!(meta.version(), OrderingRecorded::VERSION);
    assert_eq!(meta.source(), "tests");
    assert_eq!(meta.key(), Some("acc-7"));
    assert_eq!((meta.correlation_id(), meta.causation_id()), (None, None));
    assert!(before <= meta.timestamp() && meta.timestamp() <= after);
    // A UUIDv7 whose milliseconds are the envelope's timestamp's.
    assert_eq!(id.get_version_num(), 7);
    let (secs, nanos) = id.get_timestamp().expect("a v7 id has a timestamp").to_unix();
    let stamp = meta.timestamp().duration_since(std::time::UNIX_EPOCH).expect("after 1970");
    assert_eq!((secs, nanos / 1_000_000), (stamp.as_secs(), stamp.subsec_millis()));
    bus.shutdown().await;
}

// ------------------------------------- one subscriber, publishes cancelled

static CANCEL_RACE_HANDLED: Mutex<Vec<u64>> = Mutex::new(Vec::new());

#[subscriber(group = "pressure-race")]
async fn count_race(event: &PressureApplied) -> evently::Result<()> {
    // Every few messages wait, so the small queue fills and publishers
    // wait for room, some of them cancelled while they wait.
    if event.id.is_multiple_of(3) {
        tokio::time::sleep(Duration::from_micros(200)).await;
    }
    CANCEL_RACE_HANDLED.lock().expect("lock").push(event.id);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_and_waiting_publishes_to_one_subscriber_are_handled_once_or_not_at_all() {
    const PUBLISHERS: u64 = 8;
    const EACH: u64 = 300;
    let bus = bus_for("pressure-race").queue_capacity(4).concurrency(1).start().await.expect("bus");
    let mut tasks = Vec::new();
    for publisher in 0..PUBLISHERS {
        let bus = bus.clone();
        tasks.push(tokio::spawn(async move {
            let mut published = Vec::new();
            for n in 0..EACH {
                let id = publisher * EACH + n;
                // Deadlines from none at all to a few milliseconds.
                let deadline = Duration::from_micros((id * 7919) % 3_000);
                if let Ok(result) =
                    tokio::time::timeout(deadline, bus.publish(PressureApplied { id })).await
                {
                    result.expect("publish");
                    published.push(id);
                }
            }
            published
        }));
    }
    let mut published = Vec::new();
    for task in tasks {
        published.extend(task.await.expect("publisher"));
    }
    idle(&bus).await;
    assert_eq!(bus.stats().in_flight, 0);
    let mut handled = CANCEL_RACE_HANDLED.lock().expect("lock").clone();
    handled.sort_unstable();
    published.sort_unstable();
    assert!(published.len() < (PUBLISHERS * EACH) as usize, "some publishes were cancelled");
    assert!(!published.is_empty(), "some publishes went through");
    // Each publish that returned was handled once; a cancelled one never.
    assert_eq!(handled, published);
    bus.shutdown().await;
}

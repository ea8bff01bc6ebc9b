#![allow(missing_docs)]
//! Delivery defects found by trying to break the bus, each pinned by the
//! test named after what it guards.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use evently::{Bus, Context, event, subscriber};

// ------------------------------------------- publishing from inside a handler

#[event(name = "test.delivery.spread", topic = "delivery.spread")]
pub struct SpreadRequested {
    pub depth: u32,
}

static SPREAD: AtomicU32 = AtomicU32::new(0);

/// At depth 0 publishes 1,000 events of its own type: its own lanes must
/// take them while it is still running.
#[subscriber(group = "delivery-spread")]
async fn spread(event: &SpreadRequested, ctx: Context) -> evently::Result<()> {
    SPREAD.fetch_add(1, Ordering::SeqCst);
    if event.depth == 0 {
        for _ in 0..1_000 {
            ctx.publish(SpreadRequested { depth: 1 }).await?;
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handler_publishing_to_its_own_full_queue_does_not_deadlock() {
    // The defaults: 8 lanes of 128 places; 1,000 follow-ups overfill the
    // publishing handler's own lane.
    let bus = Bus::builder().subscribe::<spread>().start().await.expect("bus starts");
    bus.publish(SpreadRequested { depth: 0 }).await.expect("publish");
    tokio::time::timeout(Duration::from_secs(30), bus.shutdown())
        .await
        .expect("shutdown returns: nothing waits on its own queue");
    assert_eq!(SPREAD.load(Ordering::SeqCst), 1_001);
}

// ------------------------------------------- a claim held by another delivery

#[event(name = "test.delivery.claimed", topic = "delivery.claimed")]
pub struct ClaimContested {
    pub id: u64,
}

static CONTESTED: AtomicU32 = AtomicU32::new(0);
/// The attempt number the handler ran as.
static CONTESTED_ATTEMPT: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "delivery-claims", retries = 1, backoff = "immediate")]
async fn contested(_event: &ClaimContested, ctx: &evently::Context) -> evently::Result<()> {
    CONTESTED.fetch_add(1, Ordering::SeqCst);
    CONTESTED_ATTEMPT.store(ctx.attempt(), Ordering::SeqCst);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_held_elsewhere_means_later_never_a_dead_letter() {
    use evently::idempotency::{Claim, IdempotencyKey, IdempotencyStore, InMemoryIdempotencyStore};
    let store = std::sync::Arc::new(InMemoryIdempotencyStore::default());
    let bus = Bus::builder()
        .subscribe::<contested>()
        .idempotency_store(std::sync::Arc::clone(&store))
        .start()
        .await
        .expect("bus starts");
    // Another member (sharing the store) is handling this message right now.
    let envelope = evently::Envelope::new(ClaimContested { id: 1 });
    let key = IdempotencyKey {
        scope: "delivery-claims/delivery::contested",
        id: envelope.metadata().id(),
    };
    let Claim::Acquired(token) = store.claim(&key).await.expect("claim") else {
        panic!("the other member claims first");
    };
    bus.publish_envelope(envelope).await.expect("publish");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(CONTESTED.load(Ordering::SeqCst), 0, "not run while the claim is held");
    assert!(bus.dead_letters().is_empty(), "a held claim is not a failure");
    assert_eq!(bus.stats().retries, 0, "and spends no retry");
    // The other member fails and gives the claim up: this delivery runs it.
    store.release(&key, token).await.expect("release");
    tokio::time::timeout(Duration::from_secs(20), bus.shutdown()).await.expect("drained");
    assert_eq!(CONTESTED.load(Ordering::SeqCst), 1);
    assert_eq!(
        CONTESTED_ATTEMPT.load(Ordering::SeqCst),
        1,
        "the looks while the claim was held are not attempts"
    );
    assert!(bus.dead_letters().is_empty());
}

// ------------------------------------- a dead letter the broker does not take

use evently::transport::{
    NatsConfig, NatsTransport, OutgoingMessage, Subscription, Transport, TransportError,
};

/// What goes wrong with the dead letters of a [`FaultyDeadLetters`].
enum DeadLetterFault {
    /// The first `count` dead letters are refused; `attempts` counts them all.
    RefuseFirst { count: u32, attempts: std::sync::Arc<AtomicU32> },
    /// Each dead letter takes a second to send; `started` and `finished`
    /// tell where the first one is.
    Slow {
        started: std::sync::Arc<std::sync::atomic::AtomicBool>,
        finished: std::sync::Arc<std::sync::atomic::AtomicBool>,
    },
}

/// NATS, with a fault in sending dead letters.
struct FaultyDeadLetters {
    inner: NatsTransport,
    fault: DeadLetterFault,
}

impl Transport for FaultyDeadLetters {
    fn name(&self) -> &'static str {
        "NATS JetStream (faulty dead letters)"
    }
    fn cloudevents_prefix(&self) -> &'static str {
        self.inner.cloudevents_prefix()
    }
    async fn publish(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        self.inner.publish(message).await
    }
    async fn subscribe(
        &self,
        subscription: Subscription<'_>,
        deliveries: evently::transport::Deliveries,
    ) -> Result<(), TransportError> {
        self.inner.subscribe(subscription, deliveries).await
    }
    async fn dead_letter(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        match &self.fault {
            DeadLetterFault::RefuseFirst { count, attempts } => {
                if attempts.fetch_add(1, Ordering::SeqCst) < *count {
                    return Err(TransportError::Config {
                        broker: "test",
                        setting: "dead_letter",
                        reason: "refused on purpose".into(),
                    });
                }
                self.inner.dead_letter(message).await
            }
            DeadLetterFault::Slow { started, finished } => {
                started.store(true, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_secs(1)).await;
                let sent = self.inner.dead_letter(message).await;
                finished.store(true, Ordering::SeqCst);
                sent
            }
        }
    }
}

#[event(name = "test.delivery.refused", topic = "delivery.refused")]
pub struct DeadLetterRefused {
    pub id: u64,
}

static REFUSED_RUNS: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "delivery-refused", retries = 0)]
async fn always_fails(_event: &DeadLetterRefused) -> evently::Result<()> {
    REFUSED_RUNS.fetch_add(1, Ordering::SeqCst);
    Err(evently::Error::permanent(std::io::Error::other("refused")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_letter_the_broker_refuses_is_given_back_and_tried_again() {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let namespace = format!("delivery{}x{stamp}.", std::process::id());
    let inner = NatsTransport::connect(NatsConfig { namespace, ..NatsConfig::default() })
        .await
        .expect("this test needs NATS JetStream");
    let attempts = std::sync::Arc::new(AtomicU32::new(0));
    let transport = FaultyDeadLetters {
        inner,
        fault: DeadLetterFault::RefuseFirst {
            count: 2,
            attempts: std::sync::Arc::clone(&attempts),
        },
    };
    let bus = Bus::builder()
        .subscribe::<always_fails>()
        .transport(transport)
        .start()
        .await
        .expect("bus starts");
    bus.publish(DeadLetterRefused { id: 1 }).await.expect("publish");
    // Given back at once each time (not left unacknowledged until the
    // broker's 30 s ack wait), so the third try comes within seconds.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while bus.stats().dead_lettered < 1 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the dead letter was not tried again: {} attempts",
            attempts.load(Ordering::SeqCst)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(attempts.load(Ordering::SeqCst), 3);
    assert_eq!(bus.dead_letters().len(), 1, "kept once, when it was sent");
    tokio::time::timeout(Duration::from_secs(20), bus.shutdown()).await.expect("drained");
}

// ------------------------------------------------ a panic outside the handler

/// A store that panics: the lane that calls it dies.
struct PanickingStore;

impl evently::idempotency::IdempotencyStore for PanickingStore {
    async fn claim(
        &self,
        _key: &evently::idempotency::IdempotencyKey<'_>,
    ) -> Result<evently::idempotency::Claim, evently::idempotency::StoreError> {
        panic!("the store broke")
    }
    async fn complete(
        &self,
        _key: &evently::idempotency::IdempotencyKey<'_>,
        _token: evently::idempotency::ClaimToken,
    ) -> Result<(), evently::idempotency::StoreError> {
        Ok(())
    }
    async fn release(
        &self,
        _key: &evently::idempotency::IdempotencyKey<'_>,
        _token: evently::idempotency::ClaimToken,
    ) -> Result<(), evently::idempotency::StoreError> {
        Ok(())
    }
}

#[event(name = "test.delivery.stranded", topic = "delivery.stranded")]
pub struct LaneStranded {
    pub id: u64,
}

#[subscriber(group = "delivery-stranded")]
async fn stranded(_event: &LaneStranded) -> evently::Result<()> {
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lane_that_dies_is_an_error_on_publish_and_shutdown_still_returns() {
    let bus = Bus::builder()
        .subscribe::<stranded>()
        .concurrency(1)
        .idempotency_store(PanickingStore)
        .start()
        .await
        .expect("bus starts");
    bus.publish(LaneStranded { id: 1 }).await.expect("queued before the lane died");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let error = loop {
        match bus.publish(LaneStranded { id: 2 }).await {
            Err(error) => break error,
            Ok(_) => {
                assert!(tokio::time::Instant::now() < deadline, "publishing kept succeeding");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    };
    assert!(
        matches!(error, evently::PublishError::LaneGone { subscriber } if subscriber.ends_with("stranded")),
        "{error}"
    );
    tokio::time::timeout(Duration::from_secs(10), bus.shutdown())
        .await
        .expect("shutdown returns: the dead lane's messages do not count as in flight");
}

// ------------------------------------------ RabbitMQ: a topic no queue is bound to

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rabbitmq_refuses_an_event_no_queue_would_keep_instead_of_dropping_it() {
    use evently::transport::{RabbitMqConfig, RabbitMqTransport};
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let namespace = format!("unroutable{}x{stamp}.", std::process::id());
    let transport =
        RabbitMqTransport::connect(RabbitMqConfig { namespace, ..RabbitMqConfig::default() })
            .await
            .expect("this test needs RabbitMQ");
    let bus = Bus::builder().source("delivery").transport(transport).start().await.expect("starts");
    let error = bus.publish(LaneStranded { id: 1 }).await.expect_err("no group's queue exists yet");
    assert!(
        matches!(&error, evently::PublishError::Transport(TransportError::Unroutable { .. })),
        "{error}"
    );
    assert!(error.to_string().contains("was not stored"), "{error}");
}

// --------------------------------- shutdown waits for what consumers are doing

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_waits_for_an_undecodable_message_being_dead_lettered() {
    use std::sync::atomic::AtomicBool;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let namespace = format!("slowdlq{}x{stamp}.", std::process::id());
    let config = NatsConfig { namespace, ..NatsConfig::default() };
    let raw = NatsTransport::connect(config.clone()).await.expect("this test needs NATS JetStream");
    let (started, finished) =
        (std::sync::Arc::new(AtomicBool::new(false)), std::sync::Arc::new(AtomicBool::new(false)));
    let transport = FaultyDeadLetters {
        inner: NatsTransport::connect(config).await.expect("NATS"),
        fault: DeadLetterFault::Slow {
            started: std::sync::Arc::clone(&started),
            finished: std::sync::Arc::clone(&finished),
        },
    };
    let bus = Bus::builder()
        .subscribe::<stranded_elsewhere>()
        .transport(transport)
        .start()
        .await
        .expect("bus starts");
    raw.publish(OutgoingMessage {
        topic: "delivery.elsewhere",
        key: None,
        id: None,
        payload: b"{ not json".to_vec(),
        content_type: "application/json",
        headers: Vec::new(),
    })
    .await
    .expect("raw publish");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !started.load(Ordering::SeqCst) {
        assert!(tokio::time::Instant::now() < deadline, "the message was not dead-lettered");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::timeout(Duration::from_secs(20), bus.shutdown()).await.expect("shutdown returns");
    assert!(
        finished.load(Ordering::SeqCst),
        "shutdown returned while a message it took was still being dead-lettered"
    );
}

#[event(name = "test.delivery.rerouted", topic = "delivery.elsewhere")]
pub struct ElsewhereStranded {
    pub id: u64,
}

#[subscriber(group = "delivery-elsewhere")]
async fn stranded_elsewhere(_event: &ElsewhereStranded) -> evently::Result<()> {
    Ok(())
}

// ------------------------------------------------ a publish cancelled midway

#[event(name = "test.delivery.cancelled", topic = "delivery.cancelled")]
pub struct PublishCancelled {
    pub seq: u32,
}

static FAST_SAW: std::sync::Mutex<Vec<u32>> = std::sync::Mutex::new(Vec::new());
static GATE: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(0);

#[subscriber(group = "delivery-cancel-fast")]
async fn fast_reader(event: &PublishCancelled) -> evently::Result<()> {
    FAST_SAW.lock().expect("lock").push(event.seq);
    Ok(())
}

#[subscriber(group = "delivery-cancel-slow")]
async fn gated_reader(_event: &PublishCancelled) -> evently::Result<()> {
    GATE.acquire().await.expect("gate").forget();
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_cancelled_while_waiting_reaches_no_subscriber() {
    let bus = Bus::builder()
        .subscribe::<(fast_reader, gated_reader)>()
        .queue_capacity(1)
        .concurrency(1)
        .start()
        .await
        .expect("bus starts");
    // The gated subscriber holds 1 and has 2 queued: its queue is full.
    for seq in 1..=2 {
        bus.publish(PublishCancelled { seq }).await.expect("publish");
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let cancelled =
        tokio::time::timeout(Duration::from_millis(200), bus.publish(PublishCancelled { seq: 3 }))
            .await;
    assert!(cancelled.is_err(), "the publish waited for the full queue and was cancelled");
    GATE.add_permits(10);
    tokio::time::timeout(Duration::from_secs(10), bus.shutdown()).await.expect("drained");
    assert_eq!(*FAST_SAW.lock().expect("lock"), [1, 2], "the cancelled event reached nobody");
}

// ------------------------------------------------------------ the payload limit

#[event(name = "test.delivery.oversized", topic = "delivery.oversized")]
pub struct PayloadOversized {
    pub text: String,
}

static OVERSIZED_RUNS: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "delivery-oversized")]
async fn oversized(_event: &PayloadOversized) -> evently::Result<()> {
    OVERSIZED_RUNS.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payload_over_the_limit_is_refused_on_publish_and_dead_lettered_on_receipt() {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let config = NatsConfig {
        namespace: format!("oversized{}x{stamp}.", std::process::id()),
        ..NatsConfig::default()
    };
    let bus = Bus::builder()
        .subscribe::<oversized>()
        .max_payload(1024)
        .transport(NatsTransport::connect(config.clone()).await.expect("this test needs NATS"))
        .start()
        .await
        .expect("bus starts");
    let error = bus
        .publish(PayloadOversized { text: "x".repeat(2_000) })
        .await
        .expect_err("over the limit");
    assert!(
        matches!(&error, evently::PublishError::TooLarge { size, limit: 1024, .. } if *size > 2_000),
        "{error}"
    );
    assert!(error.to_string().contains("limit of 1024 bytes"), "{error}");
    // Another service sends one anyway: dead-lettered, not decoded.
    let big = format!(
        r#"{{"type": "test.delivery.oversized", "version": 1, "data": {{"text": "{}"}}}}"#,
        "y".repeat(2_000)
    );
    let raw = NatsTransport::connect(config).await.expect("NATS");
    raw.publish(OutgoingMessage {
        topic: "delivery.oversized",
        key: None,
        id: None,
        payload: big.into_bytes(),
        content_type: "application/json",
        headers: Vec::new(),
    })
    .await
    .expect("raw publish");
    bus.publish(PayloadOversized { text: "small".into() }).await.expect("within the limit");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while bus.stats().dead_lettered < 1 || OVERSIZED_RUNS.load(Ordering::SeqCst) < 1 {
        assert!(tokio::time::Instant::now() < deadline, "{:?}", bus.stats());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    bus.shutdown().await;
    assert_eq!(OVERSIZED_RUNS.load(Ordering::SeqCst), 1, "only the small event was handled");
}

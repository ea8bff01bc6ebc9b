#![allow(missing_docs)]
//! One conformance suite, run against the in-process bus, NATS JetStream
//! (127.0.0.1:4222) and RabbitMQ (127.0.0.1:5672, guest/guest).
//!
//! Every run uses its own broker namespace (streams, consumers, queues) and
//! carries its run id in the events, so runs never see each other.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use evently::idempotency::InMemoryIdempotencyStore;
use evently::transport::{
    BoxTransport, KafkaConfig, KafkaTransport, NatsConfig, NatsTransport, OutgoingMessage,
    RabbitMqConfig, RabbitMqTransport, Transport,
};
use evently::{Bus, BusBuilder, Context, Envelope, subscriber};
use evently_tests::conformance::ConformanceChecked;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    InProcess,
    Kafka,
    Nats,
    RabbitMq,
}

/// One handling: run, subscriber, seq, key, attempt.
type Seen = (String, &'static str, u32, String, u32);

/// What each subscriber saw, across runs.
static SEEN: Mutex<Vec<Seen>> = Mutex::new(Vec::new());

fn record(run: &str, who: &'static str, event: &ConformanceChecked, attempt: u32) {
    SEEN.lock().expect("lock").push((run.to_owned(), who, event.seq, event.key.clone(), attempt));
}

fn seen(run: &str, who: &str) -> Vec<(u32, String, u32)> {
    SEEN.lock()
        .expect("lock")
        .iter()
        .filter(|(r, w, ..)| r == run && *w == who)
        .map(|(_, _, seq, key, attempt)| (*seq, key.clone(), *attempt))
        .collect()
}

#[subscriber(
    group = "conformance-a",
    retries = 2,
    backoff = "immediate",
    dead_letter = "conformance.dlq"
)]
async fn member_a(event: &ConformanceChecked, ctx: Context) -> evently::Result<()> {
    record(&event.run, "a", event, ctx.attempt());
    if event.slow {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    if event.fail {
        return Err(evently::Error::msg(format!("seq {} refused", event.seq)));
    }
    Ok(())
}

#[subscriber(group = "conformance-b")]
async fn member_b(event: Envelope<ConformanceChecked>) -> evently::Result<()> {
    record(&event.data().run, "b", event.data(), 1);
    Ok(())
}

/// Consumes another topic than the event's own.
#[subscriber(group = "conformance-legacy", topic = "conformance.legacy")]
async fn member_legacy(event: &ConformanceChecked) -> evently::Result<()> {
    record(&event.run, "legacy", event, 1);
    Ok(())
}

/// A subscriber that states no group: on a broker, the bus's source must name it.
/// One group on two topics: its consumer receives both at once (one task
/// per topic on NATS and RabbitMQ).
#[subscriber(group = "conformance-two")]
async fn two_topics_main(event: &ConformanceChecked) -> evently::Result<()> {
    wait_while_held(&event.run).await;
    record(&event.run, "two", event, 1);
    tokio::time::sleep(Duration::from_millis(10)).await;
    Ok(())
}

#[subscriber(group = "conformance-two", topic = "conformance.legacy")]
async fn two_topics_legacy(event: &ConformanceChecked) -> evently::Result<()> {
    wait_while_held(&event.run).await;
    record(&event.run, "two", event, 1);
    tokio::time::sleep(Duration::from_millis(10)).await;
    Ok(())
}

/// Runs whose two-topic handlers wait before they start: the test holds a
/// run while it publishes, so that a slow machine's publishing does not
/// give the handlers time to finish everything.
static HELD: Mutex<Vec<String>> = Mutex::new(Vec::new());

async fn wait_while_held(run: &str) {
    while HELD.lock().expect("lock").iter().any(|held| held == run) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[subscriber]
async fn ungrouped(_event: &ConformanceChecked) -> evently::Result<()> {
    Ok(())
}

static RUN: AtomicU32 = AtomicU32::new(0);

fn run_id(kind: Kind) -> String {
    format!("{kind:?}{}x{}x{}", std::process::id(), stamp(), RUN.fetch_add(1, Ordering::Relaxed))
        .to_lowercase()
}

async fn transport(kind: Kind, run: &str) -> Option<BoxTransport> {
    let namespace = format!("{run}.");
    match kind {
        Kind::InProcess => None,
        Kind::Kafka => {
            match KafkaTransport::connect(KafkaConfig { namespace, ..KafkaConfig::default() }).await
            {
                Ok(transport) => Some(BoxTransport::new(transport)),
                Err(error) => {
                    panic!("this test needs Kafka (tansu, started by scripts/test): {error}")
                }
            }
        }
        Kind::Nats => {
            match NatsTransport::connect(NatsConfig { namespace, ..NatsConfig::default() }).await {
                Ok(transport) => Some(BoxTransport::new(transport)),
                Err(error) => panic!("this test needs NATS JetStream: {error}"),
            }
        }
        Kind::RabbitMq => {
            match RabbitMqTransport::connect(RabbitMqConfig {
                namespace,
                ..RabbitMqConfig::default()
            })
            .await
            {
                Ok(transport) => Some(BoxTransport::new(transport)),
                Err(error) => panic!("this test needs RabbitMQ: {error}"),
            }
        }
    }
}

/// A bus of the given kind running only the given groups.
async fn bus(kind: Kind, run: &str, groups: &'static [&'static str]) -> Bus {
    member(kind, run, groups, Arc::new(InMemoryIdempotencyStore::default())).await
}

/// A member of a group: members share one idempotency store (in production
/// a shared one, such as a database), so a message redelivered to another
/// member after a rebalance or a stop is still handled once.
async fn member(
    kind: Kind,
    run: &str,
    groups: &'static [&'static str],
    store: Arc<InMemoryIdempotencyStore>,
) -> Bus {
    let builder: BusBuilder = groups
        .iter()
        .fold(Bus::builder().source("conformance").idempotency_store(store), |b, g| b.group(*g));
    start(kind, run, builder).await
}

/// Starts `builder` on the run's broker of `kind` (in process: as it is).
async fn start(kind: Kind, run: &str, builder: BusBuilder) -> Bus {
    match transport(kind, run).await {
        None => builder.start().await.expect("bus starts"),
        Some(transport) => builder.transport(transport).start().await.expect("bus starts"),
    }
}

fn event(run: &str, seq: u32, key: &str) -> ConformanceChecked {
    ConformanceChecked { run: run.to_owned(), seq, key: key.to_owned(), fail: false, slow: false }
}

/// Waits until `done` holds (brokers deliver asynchronously), or panics.
async fn eventually(what: &str, done: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

// ------------------------------------------------------------ the scenarios

async fn every_group_receives_every_event(kind: Kind) {
    let run = run_id(kind);
    let bus = bus(kind, &run, &["conformance-a", "conformance-b"]).await;
    for seq in 0..10 {
        bus.publish(event(&run, seq, "k")).await.expect("publish");
    }
    eventually("both groups saw all 10", || {
        seen(&run, "a").len() == 10 && seen(&run, "b").len() == 10
    })
    .await;
    bus.shutdown().await;
}

async fn each_event_is_handled_once_per_group_by_competing_members(kind: Kind) {
    let run = run_id(kind);
    let store = Arc::new(InMemoryIdempotencyStore::default());
    let first = member(kind, &run, &["conformance-a"], Arc::clone(&store)).await;
    // In-process buses share nothing; competing members need a broker.
    let second = if kind == Kind::InProcess {
        None
    } else {
        Some(member(kind, &run, &["conformance-a"], Arc::clone(&store)).await)
    };
    if kind == Kind::Kafka {
        // Let the group settle on its two members before publishing: a
        // rebalance while messages are in flight redelivers some (Kafka is
        // at-least-once across members).
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    for seq in 0..40 {
        first.publish(event(&run, seq, &format!("k{}", seq % 8))).await.expect("publish");
    }
    eventually("group a saw 40", || seen(&run, "a").len() >= 40).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut seqs: Vec<u32> = seen(&run, "a").into_iter().map(|(seq, ..)| seq).collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (0..40).collect::<Vec<_>>(), "each event exactly once in the group");
    first.shutdown().await;
    if let Some(second) = second {
        second.shutdown().await;
    }
}

async fn events_with_one_key_keep_their_order(kind: Kind) {
    let run = run_id(kind);
    let bus = bus(kind, &run, &["conformance-a"]).await;
    for seq in 0..60 {
        bus.publish(event(&run, seq, ["x", "y", "z"][seq as usize % 3])).await.expect("publish");
    }
    eventually("group a saw 60", || seen(&run, "a").len() == 60).await;
    let mut per_key: HashMap<String, Vec<u32>> = HashMap::new();
    for (seq, key, _) in seen(&run, "a") {
        per_key.entry(key).or_default().push(seq);
    }
    for (key, seqs) in per_key {
        let mut sorted = seqs.clone();
        sorted.sort_unstable();
        assert_eq!(seqs, sorted, "order of key {key}");
    }
    bus.shutdown().await;
}

async fn failures_are_retried_then_dead_lettered_with_the_reason(kind: Kind) {
    let run = run_id(kind);
    let bus = bus(kind, &run, &["conformance-a"]).await;
    bus.publish(ConformanceChecked { fail: true, ..event(&run, 1, "k") }).await.expect("publish");
    bus.publish(event(&run, 2, "other")).await.expect("publish");
    eventually("the failure was dead-lettered", || {
        bus.dead_letters()
            .iter()
            .any(|l| l.envelope::<ConformanceChecked>().is_some_and(|e| e.data().run == run))
    })
    .await;
    let attempts: Vec<u32> =
        seen(&run, "a").into_iter().filter(|(seq, ..)| *seq == 1).map(|(.., a)| a).collect();
    assert_eq!(attempts, [1, 2, 3], "one attempt and two retries");
    let letter = bus
        .dead_letters()
        .into_iter()
        .find(|l| l.envelope::<ConformanceChecked>().is_some_and(|e| e.data().run == run))
        .expect("kept");
    assert_eq!(letter.error(), "seq 1 refused");
    assert_eq!(letter.destination(), "conformance.dlq");
    eventually("the other event was handled", || seen(&run, "a").iter().any(|(seq, ..)| *seq == 2))
        .await;
    if kind != Kind::InProcess {
        // The broker has it too, with the reason in its headers.
        let headers = broker_dead_letter(kind, &run).await;
        assert_eq!(
            headers.get("evently-error").map(String::as_str),
            Some("seq 1 refused"),
            "{headers:?}"
        );
        assert_eq!(headers.get("evently-attempts").map(String::as_str), Some("3"));
        assert_eq!(headers.get("evently-group").map(String::as_str), Some("conformance-a"));
        assert!(
            headers.get("evently-subscriber").is_some_and(|s| s.ends_with("member_a")),
            "{headers:?}"
        );
        let origin = headers.get("evently-origin").cloned().unwrap_or_default();
        let id = letter.metadata().id().to_string();
        if kind == Kind::RabbitMq {
            // The queue (with its namespace) and the message id.
            assert_eq!(origin, format!("{run}.conformance-a.conformance#{id}"), "{headers:?}");
        } else if kind == Kind::Nats {
            // The subject and the message's sequence in its stream, read
            // from the reply subject the server gave it (0 if unreadable).
            let sequence = origin.rsplit_once('#').and_then(|(_, n)| n.parse::<u64>().ok());
            assert!(sequence.is_some_and(|n| n > 0), "{headers:?}");
        } else {
            assert!(!origin.is_empty(), "{headers:?}");
        }
    }
    bus.shutdown().await;
}

/// The headers of the first message in the run's `conformance.dlq` on the broker.
async fn broker_dead_letter(kind: Kind, run: &str) -> HashMap<String, String> {
    broker_dead_letters(kind, run, "conformance.dlq", 1)
        .await
        .into_iter()
        .next()
        .expect("a dead letter within 20 s")
}

/// The headers of up to `count` dead letters in the run's `destination` on
/// the broker, read with the broker's own client: a queue named after it on
/// RabbitMQ; a topic, which a new group reads from the start, on Kafka; the
/// stream that holds its subject on JetStream.
async fn broker_dead_letters(
    kind: Kind,
    run: &str,
    destination: &'static str,
    count: usize,
) -> Vec<HashMap<String, String>> {
    let name = format!("{run}.{destination}");
    let mut letters = Vec::new();
    match kind {
        Kind::InProcess => {}
        Kind::RabbitMq => {
            let connection = lapin::Connection::connect(
                "amqp://guest:guest@127.0.0.1:5672/%2f",
                lapin::ConnectionProperties::default(),
            )
            .await
            .expect("connect to RabbitMQ");
            let channel = connection.create_channel().await.expect("channel");
            while letters.len() < count {
                let Some(message) = channel
                    .basic_get(
                        name.as_str().into(),
                        lapin::options::BasicGetOptions { no_ack: true },
                    )
                    .await
                    .expect("basic.get")
                else {
                    break;
                };
                let headers = message
                    .delivery
                    .properties
                    .headers()
                    .as_ref()
                    .map(|table| {
                        table
                            .inner()
                            .iter()
                            .filter_map(|(name, value)| match value {
                                lapin::types::AMQPValue::LongString(text) => {
                                    Some((name.to_string(), text.to_string()))
                                }
                                _ => None,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                letters.push(headers);
            }
        }
        Kind::Kafka => {
            use rdkafka::Message;
            use rdkafka::consumer::{Consumer, StreamConsumer};
            use rdkafka::message::Headers;
            let consumer: StreamConsumer = rdkafka::ClientConfig::new()
                .set("bootstrap.servers", "127.0.0.1:9092")
                .set("group.id", format!("{run}.inspector"))
                .set("auto.offset.reset", "earliest")
                .set("enable.auto.commit", "false")
                .create()
                .expect("a Kafka client");
            consumer.subscribe(&[name.as_str()]).expect("subscribe to the dead letters");
            while letters.len() < count {
                let Ok(received) =
                    tokio::time::timeout(Duration::from_secs(20), consumer.recv()).await
                else {
                    break;
                };
                let message = received.expect("a Kafka message");
                let headers = message
                    .headers()
                    .map(|headers| {
                        headers
                            .iter()
                            .filter_map(|header| {
                                let value = std::str::from_utf8(header.value?).ok()?;
                                Some((header.key.to_owned(), value.to_owned()))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                letters.push(headers);
            }
        }
        Kind::Nats => {
            use futures_util::StreamExt;
            let client = async_nats::connect("nats://127.0.0.1:4222").await.expect("NATS");
            let context = async_nats::jetstream::new(client);
            let stream = context.stream_by_subject(name.as_str()).await.expect("its stream");
            let stream = context.get_stream(&stream).await.expect("its stream");
            let consumer: async_nats::jetstream::consumer::PullConsumer = stream
                .create_consumer(async_nats::jetstream::consumer::pull::Config {
                    filter_subject: name.clone(),
                    ..Default::default()
                })
                .await
                .expect("a consumer of the dead letters");
            let mut messages = consumer.messages().await.expect("its messages");
            while letters.len() < count {
                let Ok(Some(message)) =
                    tokio::time::timeout(Duration::from_secs(20), messages.next()).await
                else {
                    break;
                };
                let message = message.expect("a JetStream message");
                let headers = message
                    .headers
                    .iter()
                    .flat_map(|map| map.iter())
                    .flat_map(|(name, values)| {
                        values.iter().map(move |value| (name.to_string(), value.to_string()))
                    })
                    .collect();
                letters.push(headers);
                let _ = message.ack().await;
            }
        }
    }
    letters
}

async fn a_duplicate_delivery_runs_the_handler_once(kind: Kind) {
    let run = run_id(kind);
    let bus = bus(kind, &run, &["conformance-b"]).await;
    let envelope = Envelope::builder(event(&run, 1, "k")).source("conformance").build();
    bus.publish_envelope(envelope.clone()).await.expect("publish");
    bus.publish_envelope(envelope).await.expect("publish the copy");
    bus.publish(event(&run, 2, "k")).await.expect("publish");
    eventually("seq 2 was handled", || seen(&run, "b").iter().any(|(seq, ..)| *seq == 2)).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let ones = seen(&run, "b").iter().filter(|(seq, ..)| *seq == 1).count();
    assert_eq!(ones, 1, "the copy was acknowledged without running the handler");
    bus.shutdown().await;
}

async fn a_subscriber_consumes_the_topic_it_names(kind: Kind) {
    let run = run_id(kind);
    let bus = bus(kind, &run, &["conformance-legacy", "conformance-b"]).await;
    let groups: Vec<(String, Vec<&str>)> =
        bus.groups().map(|(g, t)| (g.to_owned(), t.to_vec())).collect();
    assert!(groups.contains(&("conformance-legacy".to_owned(), vec!["conformance.legacy"])));
    bus.publish_to("conformance.legacy", event(&run, 1, "k")).await.expect("publish");
    bus.publish(event(&run, 2, "k")).await.expect("publish");
    eventually("each subscriber got the event of its topic", || {
        seen(&run, "legacy").iter().any(|(seq, ..)| *seq == 1)
            && seen(&run, "b").iter().any(|(seq, ..)| *seq == 2)
    })
    .await;
    bus.shutdown().await;
    let legacy: Vec<u32> = seen(&run, "legacy").iter().map(|(seq, ..)| *seq).collect();
    let b: Vec<u32> = seen(&run, "b").iter().map(|(seq, ..)| *seq).collect();
    assert_eq!((legacy, b), (vec![1], vec![2]), "each topic reaches only its subscribers");
}

/// Messages no consumer can handle, as other services or hostile input send
/// them: each one is dead-lettered with a reason that names the fault, and
/// consuming goes on. (An oversized payload is in delivery.rs; handler
/// panics and permanent errors in the failures scenario and dispatch.rs.)
async fn poison_messages_are_dead_lettered_with_a_reason_and_consuming_goes_on(kind: Kind) {
    let run = run_id(kind);
    let good = |seq: u32| {
        format!(r#"{{"run": "{run}", "seq": {seq}, "key": "k", "fail": false, "slow": false}}"#)
    };
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let poisons: Vec<(&str, Vec<u8>)> = vec![
        ("not a JSON envelope", b"{ not json".to_vec()),
        ("not a JSON envelope", br#"{"type": "test.conformance.checked", "version": 1, "data": {"ru"#.to_vec()),
        ("not a JSON envelope", b"\xff\xfe{}".to_vec()),
        ("not a JSON envelope", b"[1, 2]".to_vec()),
        ("not a JSON envelope", b"42".to_vec()),
        ("unknown event type", br#"{"type": "nope.happened", "version": 1, "data": {}}"#.to_vec()),
        ("unknown version 9", br#"{"type": "test.conformance.checked", "version": 9, "data": {}}"#.to_vec()),
        (
            "does not match its type",
            br#"{"type": "test.conformance.checked", "version": 1, "data": {"run": 5}}"#.to_vec(),
        ),
        (
            "`timestamp` is invalid",
            format!(
                r#"{{"type": "test.conformance.checked", "version": 1, "timestamp": "9999-12-31T23:59:59-01:00", "data": {}}}"#,
                good(1)
            )
            .into_bytes(),
        ),
        (
            "`specversion` is invalid",
            format!(
                r#"{{"specversion": "0.3", "id": "1", "source": "x", "type": "test.conformance.checked", "data": {}}}"#,
                good(2)
            )
            .into_bytes(),
        ),
        (
            "no `id` field",
            format!(
                r#"{{"specversion": "1.0", "source": "x", "type": "test.conformance.checked", "data": {}}}"#,
                good(3)
            )
            .into_bytes(),
        ),
        (
            "not a JSON envelope",
            format!(r#"{{"type": "test.conformance.checked", "version": 1, "data": {nested}}}"#)
                .into_bytes(),
        ),
    ];
    let bus = bus(kind, &run, &["conformance-b"]).await;
    let Some(raw) = transport(kind, &run).await else {
        // In process the caller gets each reason directly.
        for (reason, payload) in &poisons {
            let error = bus.publish_json(payload).await.expect_err("poison");
            let shown = evently_tests_chain(&error);
            assert!(shown.contains(reason), "expected `{reason}` in `{shown}`");
        }
        bus.shutdown().await;
        return;
    };
    for (_, payload) in &poisons {
        let message = OutgoingMessage {
            topic: "conformance",
            key: None,
            id: None,
            payload: payload.clone(),
            content_type: "application/json",
            headers: Vec::new(),
        };
        raw.publish(message).await.expect("raw publish");
    }
    bus.publish(event(&run, 100, "k")).await.expect("publish");
    eventually("the good event after the poison was handled", || {
        seen(&run, "b").iter().any(|(seq, ..)| *seq == 100)
    })
    .await;
    eventually("every poison was dead-lettered", || {
        bus.stats().dead_lettered as usize >= poisons.len()
    })
    .await;
    bus.shutdown().await;
    let reasons: Vec<String> = broker_dead_letters(kind, &run, "dead-letters", poisons.len())
        .await
        .into_iter()
        .map(|headers| headers.get("evently-error").cloned().unwrap_or_default())
        .collect();
    for (reason, _) in &poisons {
        assert!(
            reasons.iter().any(|r| r.contains(reason)),
            "no dead letter says `{reason}`: {reasons:?}"
        );
    }
}

/// An error with its sources, as dead-letter headers print it.
fn evently_tests_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

async fn a_malformed_message_is_dead_lettered_and_consuming_goes_on(kind: Kind) {
    let run = run_id(kind);
    let bus = bus(kind, &run, &["conformance-b"]).await;
    match transport(kind, &run).await {
        None => {
            // In process there is no consumer to protect: the caller gets the reason.
            let error = bus.publish_json(b"{ not json").await.expect_err("malformed");
            assert!(error.to_string().starts_with("message is not a JSON envelope"), "{error}");
        }
        Some(raw) => {
            let message = OutgoingMessage {
                topic: "conformance",
                key: None,
                id: None,
                payload: b"{ not json".to_vec(),
                content_type: "application/json",
                headers: Vec::new(),
            };
            raw.publish(message).await.expect("raw publish");
            eventually("the malformed message was dead-lettered", || {
                bus.stats().dead_lettered >= 1
            })
            .await;
        }
    }
    bus.publish(event(&run, 7, "k")).await.expect("publish");
    eventually("the next event was handled", || seen(&run, "b").iter().any(|(seq, ..)| *seq == 7))
        .await;
    bus.shutdown().await;
}

async fn shutdown_finishes_what_it_took_and_loses_nothing(kind: Kind) {
    let run = run_id(kind);
    let store = Arc::new(InMemoryIdempotencyStore::default());
    let first = member(kind, &run, &["conformance-a"], Arc::clone(&store)).await;
    for seq in 0..30 {
        first
            .publish(ConformanceChecked { slow: true, ..event(&run, seq, &format!("k{seq}")) })
            .await
            .expect("publish");
    }
    eventually("handling started", || !seen(&run, "a").is_empty()).await;
    tokio::time::timeout(Duration::from_secs(20), first.shutdown()).await.expect("drained");
    let handled_first = seen(&run, "a").len();
    // Everything the member took was finished before `shutdown` returned.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(seen(&run, "a").len(), handled_first, "no handler ran after shutdown() returned");
    if kind == Kind::InProcess {
        assert_eq!(handled_first, 30, "in process, shutdown drains everything");
        return;
    }
    // What the first member did not take is delivered to the next one.
    let second = member(kind, &run, &["conformance-a"], store).await;
    eventually("all 30 were handled", || seen(&run, "a").len() >= 30).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut seqs: Vec<u32> = seen(&run, "a").into_iter().map(|(seq, ..)| seq).collect();
    seqs.sort_unstable();
    assert_eq!(
        seqs,
        (0..30).collect::<Vec<_>>(),
        "none lost, none handled twice (first took {handled_first})"
    );
    second.shutdown().await;
}

/// A member of a group on two topics stops while both topics' messages are
/// being handled, with its lanes full: the transport's tasks (one per topic
/// on NATS and RabbitMQ) are waiting to hand messages over, and hold more
/// that they fetched ahead. The next member gets the rest. Every message of
/// both topics is handled once.
async fn a_group_on_two_topics_stops_and_loses_nothing(kind: Kind) {
    const EVENTS: u32 = 300;
    let run = run_id(kind);
    let store = Arc::new(InMemoryIdempotencyStore::default());
    // Four lanes of two queued messages each: most of the backlog waits
    // with the transport.
    let builder = |store| {
        Bus::builder()
            .source("conformance")
            .idempotency_store(store)
            .group("conformance-two")
            .concurrency(4)
            .queue_capacity(2)
    };
    let first = start(kind, &run, builder(Arc::clone(&store))).await;
    // In process, publishing waits for room in the lanes: nothing is held.
    if kind != Kind::InProcess {
        HELD.lock().expect("lock").push(run.clone());
    }
    for seq in 0..EVENTS {
        let event = event(&run, seq, &format!("k{}", seq % 8));
        // Even numbers on the event's own topic, odd ones on the other.
        let published = match seq % 2 {
            0 => first.publish(event).await,
            _ => first.publish_to("conformance.legacy", event).await,
        };
        published.expect("publish");
    }
    HELD.lock().expect("lock").retain(|held| *held != run);
    eventually("both topics are being handled", || {
        let seqs = seen(&run, "two");
        seqs.iter().any(|(seq, ..)| seq % 2 == 0) && seqs.iter().any(|(seq, ..)| seq % 2 == 1)
    })
    .await;
    tokio::time::timeout(Duration::from_secs(20), first.shutdown()).await.expect("drained");
    let handled_first = seen(&run, "two").len();
    if kind == Kind::InProcess {
        assert_eq!(handled_first, EVENTS as usize, "in process, shutdown drains everything");
        return;
    }
    assert!(handled_first < EVENTS as usize, "the first member handled all before it stopped");
    let second = start(kind, &run, builder(store)).await;
    eventually("every event of both topics was handled", || {
        seen(&run, "two").len() >= EVENTS as usize
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    second.shutdown().await;
    let mut seqs: Vec<u32> = seen(&run, "two").into_iter().map(|(seq, ..)| seq).collect();
    seqs.sort_unstable();
    assert_eq!(
        seqs,
        (0..EVENTS).collect::<Vec<_>>(),
        "none lost, none handled twice (the first member handled {handled_first})"
    );
}

async fn cloudevents_are_published_and_understood(kind: Kind) {
    let run = run_id(kind);
    let from_elsewhere = |seq: u32, id: &str| {
        serde_json::json!({
            "specversion": "1.0",
            "id": id,
            "type": "test.conformance.checked",
            "source": "/billing",
            "time": "2026-01-15T10:00:00Z",
            "datacontenttype": "application/json",
            "data": { "run": run, "seq": seq, "key": "ce", "fail": false, "slow": false }
        })
    };
    let Some(raw) = transport(kind, &run).await else {
        // In process: a structured CloudEvent through `publish_json`, sent twice.
        let bus = bus(kind, &run, &["conformance-b"]).await;
        let event = serde_json::to_vec(&from_elsewhere(1, "billing-0001")).expect("json");
        bus.publish_json(&event).await.expect("structured CloudEvent");
        bus.publish_json(&event).await.expect("the copy");
        eventually("the CloudEvent was handled", || seen(&run, "b").len() == 1).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(seen(&run, "b").len(), 1, "the copy has the same (derived) id");
        return;
    };
    // The consuming group first: on RabbitMQ its queue must exist to receive.
    let bus = bus(kind, &run, &["conformance-b"]).await;
    // Published by evently in each CloudEvents mode.
    for (seq, encoding) in
        [(1, evently::Encoding::CloudEventsStructured), (2, evently::Encoding::CloudEventsBinary)]
    {
        let publisher = Bus::builder()
            .source("conformance")
            .encoding(encoding)
            .transport(transport(kind, &run).await.expect("a broker"))
            .start()
            .await
            .expect("publisher connects");
        publisher.publish(event(&run, seq, "ce")).await.expect("publish");
    }
    // Sent by another service in binary mode, twice, with an id that is not a UUID.
    let prefix = raw.cloudevents_prefix();
    let headers: Vec<(String, String)> = [
        ("specversion", "1.0"),
        ("id", "billing-0003"),
        ("type", "test.conformance.checked"),
        ("source", "/billing"),
        ("datacontenttype", "application/json"),
    ]
    .into_iter()
    .map(|(name, value)| (format!("{prefix}{name}"), value.to_owned()))
    .collect();
    let data = serde_json::to_vec(&from_elsewhere(3, "")["data"]).expect("json");
    for _ in 0..2 {
        let message = OutgoingMessage {
            topic: "conformance",
            key: None,
            id: None,
            payload: data.clone(),
            content_type: "application/json",
            headers: headers.clone(),
        };
        raw.publish(message).await.expect("raw publish");
    }
    eventually("all three CloudEvents were handled", || {
        let mut seqs: Vec<u32> = seen(&run, "b").into_iter().map(|(seq, ..)| seq).collect();
        seqs.sort_unstable();
        seqs == [1, 2, 3]
    })
    .await;
    assert_eq!(bus.stats().dead_lettered, 0, "{:?}", bus.dead_letters());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(seen(&run, "b").len(), 3, "the binary copy was a duplicate");
    bus.shutdown().await;
}

macro_rules! conformance {
    ($module:ident, $kind:expr) => {
        mod $module {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn every_group_receives_every_event() {
                super::every_group_receives_every_event($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn each_event_is_handled_once_per_group_by_competing_members() {
                super::each_event_is_handled_once_per_group_by_competing_members($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn events_with_one_key_keep_their_order() {
                super::events_with_one_key_keep_their_order($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn failures_are_retried_then_dead_lettered_with_the_reason() {
                super::failures_are_retried_then_dead_lettered_with_the_reason($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn a_duplicate_delivery_runs_the_handler_once() {
                super::a_duplicate_delivery_runs_the_handler_once($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn a_subscriber_consumes_the_topic_it_names() {
                super::a_subscriber_consumes_the_topic_it_names($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn poison_messages_are_dead_lettered_with_a_reason_and_consuming_goes_on() {
                super::poison_messages_are_dead_lettered_with_a_reason_and_consuming_goes_on($kind)
                    .await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn a_malformed_message_is_dead_lettered_and_consuming_goes_on() {
                super::a_malformed_message_is_dead_lettered_and_consuming_goes_on($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn cloudevents_are_published_and_understood() {
                super::cloudevents_are_published_and_understood($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn shutdown_finishes_what_it_took_and_loses_nothing() {
                super::shutdown_finishes_what_it_took_and_loses_nothing($kind).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn a_group_on_two_topics_stops_and_loses_nothing() {
                super::a_group_on_two_topics_stops_and_loses_nothing($kind).await;
            }
        }
    };
}

conformance!(in_process, Kind::InProcess);
conformance!(kafka, Kind::Kafka);
conformance!(nats, Kind::Nats);
conformance!(rabbitmq, Kind::RabbitMq);

#[tokio::test]
async fn an_unreachable_broker_is_an_error_naming_its_address() {
    let nats = NatsTransport::connect(NatsConfig {
        url: "nats://127.0.0.1:1".into(),
        ..NatsConfig::default()
    })
    .await
    .expect_err("nothing listens on port 1");
    assert!(
        nats.to_string().starts_with("NATS JetStream at nats://127.0.0.1:1 is unreachable"),
        "{nats}"
    );
    let rabbit = RabbitMqTransport::connect(RabbitMqConfig {
        url: "amqp://guest:guest@127.0.0.1:1/%2f".into(),
        ..RabbitMqConfig::default()
    })
    .await
    .expect_err("nothing listens on port 1");
    assert!(
        rabbit
            .to_string()
            .starts_with("RabbitMQ at amqp://guest:***@127.0.0.1:1/%2f is unreachable"),
        "{rabbit}"
    );
    let started = std::time::Instant::now();
    let kafka = KafkaTransport::connect(KafkaConfig {
        brokers: vec!["127.0.0.1:1".into()],
        timeout: Duration::from_secs(2),
        ..KafkaConfig::default()
    })
    .await
    .expect_err("nothing listens on port 1");
    assert!(started.elapsed() < Duration::from_secs(10), "bounded time");
    assert!(kafka.to_string().starts_with("Kafka at 127.0.0.1:1 is unreachable"), "{kafka}");
}

#[tokio::test]
async fn a_setting_that_cannot_work_is_an_error_naming_it() {
    let nats = NatsTransport::connect(NatsConfig { max_deliver: 0, ..NatsConfig::default() })
        .await
        .expect_err("0");
    assert_eq!(
        nats.to_string(),
        "invalid NATS JetStream setting `max_deliver`: must be at least 1"
    );
    let rabbit = RabbitMqTransport::connect(RabbitMqConfig {
        prefetch_count: 0,
        ..RabbitMqConfig::default()
    })
    .await
    .expect_err("0");
    assert_eq!(rabbit.to_string(), "invalid RabbitMQ setting `prefetch_count`: must be at least 1");
    let kafka =
        KafkaTransport::connect(KafkaConfig { brokers: Vec::new(), ..KafkaConfig::default() })
            .await
            .expect_err("none");
    assert_eq!(kafka.to_string(), "invalid Kafka setting `brokers`: name at least one broker");
    let transport = NatsTransport::connect(NatsConfig::default()).await.expect("NATS");
    let error = Bus::builder()
        .subscribe::<ungrouped>()
        .transport(transport)
        .start()
        .await
        .expect_err("a subscriber on a broker without a group");
    let message = error.to_string();
    assert!(
        matches!(&error, evently::StartError::GroupUnstated { subscribers } if subscribers.len() == 1),
        "{message}"
    );
    assert!(
        message.contains("transports::ungrouped") && message.contains("add `group ="),
        "{message}"
    );
}

/// A bus boxes its transport's publish future and so allocates it, and
/// copies it in, on every publish: NATS keeps what it does once per topic
/// (asking the server about streams, futures of several kilobytes) out of
/// that future, and async-nats's own publish (about 900 bytes) in a box of
/// its own. It took 6,072 bytes with the first, 1,424 with the second, 488
/// with neither, on x86-64. Over 1 KiB, glibc serves the allocation from
/// its shared arena, under its lock, instead of the thread's cache.
#[tokio::test]
async fn a_nats_publish_future_stays_small() {
    let transport = NatsTransport::connect(NatsConfig::default())
        .await
        .expect("this test needs NATS JetStream (started by scripts/test)");
    let size = publish_future_size(&transport);
    assert!(size <= 1_024, "a NATS publish future takes {size} bytes");
}

/// The size of `transport`'s future publishing an empty message (made, not polled).
fn publish_future_size(transport: &impl Transport) -> usize {
    let message = OutgoingMessage {
        topic: "size",
        key: None,
        id: None,
        payload: Vec::new(),
        content_type: "application/json",
        headers: Vec::new(),
    };
    let publishing = transport.publish(message);
    std::mem::size_of_val(&publishing)
}

/// The same for RabbitMQ, whose publish future holds lapin's (about a
/// kilobyte): 3,720 bytes when `while_open` held it twice, 2,304 now.
#[tokio::test]
async fn a_rabbitmq_publish_future_stays_small() {
    let transport = RabbitMqTransport::connect(RabbitMqConfig::default())
        .await
        .expect("this test needs RabbitMQ (started by scripts/test)");
    let size = publish_future_size(&transport);
    assert!(size <= 2_560, "a RabbitMQ publish future takes {size} bytes");
}

/// Seconds since the epoch, so names stay unique across runs that reuse a pid.
fn stamp() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// A group new to the broker starts where the bus's `start_position` says;
/// on NATS JetStream the durable consumer is created with that policy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_group_starts_at_the_configured_position() {
    for (position, expected) in
        [(evently::StartPosition::Earliest, vec![1, 2]), (evently::StartPosition::Latest, vec![2])]
    {
        let run = run_id(Kind::Nats);
        let publisher = Bus::builder()
            .source("conformance")
            .transport(transport(Kind::Nats, &run).await.expect("NATS"))
            .start()
            .await
            .expect("publisher starts");
        publisher.publish(event(&run, 1, "k")).await.expect("published before the group exists");
        let bus = Bus::builder()
            .source("conformance")
            .group("conformance-b")
            .start_position(position)
            .transport(transport(Kind::Nats, &run).await.expect("NATS"))
            .start()
            .await
            .expect("bus starts");
        publisher.publish(event(&run, 2, "k")).await.expect("published after");
        eventually("the later event arrived", || seen(&run, "b").iter().any(|(s, ..)| *s == 2))
            .await;
        bus.shutdown().await;
        let seqs: Vec<u32> = seen(&run, "b").iter().map(|(seq, ..)| *seq).collect();
        assert_eq!(seqs, expected, "{position:?}");
    }
}

/// Kafka: a member commits only the partitions assigned to it. Two members
/// share a group; after the second leaves, the first gets its partitions
/// back and must not commit them at the points it knew before the second
/// moved them on (an earlier version committed every partition it had ever
/// seen, moving another member's commits backwards).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_members_commit_only_their_own_partitions() {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    let run = run_id(Kind::Kafka);
    let store = Arc::new(InMemoryIdempotencyStore::default());
    let first = member(Kind::Kafka, &run, &["conformance-b"], Arc::clone(&store)).await;
    for seq in 0..30 {
        first.publish(event(&run, seq, &format!("k{seq}"))).await.expect("publish");
    }
    eventually("the first member handled 30", || seen(&run, "b").len() >= 30).await;
    // The second joins: the group splits the partitions between them.
    let second = member(Kind::Kafka, &run, &["conformance-b"], Arc::clone(&store)).await;
    tokio::time::sleep(Duration::from_secs(8)).await;
    for seq in 30..90 {
        first.publish(event(&run, seq, &format!("k{seq}"))).await.expect("publish");
    }
    eventually("all 90 were handled", || seen(&run, "b").len() >= 90).await;
    second.shutdown().await;
    // The first gets every partition back, then stops.
    tokio::time::sleep(Duration::from_secs(8)).await;
    first.shutdown().await;

    let topic = format!("{run}.conformance");
    let consumer: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", "127.0.0.1:9092")
        .set("group.id", format!("{run}.conformance-b"))
        .create()
        .expect("a Kafka client");
    let mut list = rdkafka::TopicPartitionList::new();
    for partition in 0..3 {
        list.add_partition(&topic, partition);
    }
    let committed =
        consumer.committed_offsets(list, Duration::from_secs(10)).expect("committed offsets");
    for element in committed.elements() {
        let (_, high) = consumer
            .fetch_watermarks(&topic, element.partition(), Duration::from_secs(10))
            .expect("watermarks");
        assert_eq!(
            element.offset(),
            rdkafka::Offset::Offset(high),
            "partition {} committed where every message was handled",
            element.partition()
        );
    }
}

/// The consumers of the run's NATS JetStream stream, each with the number
/// of pull requests the server holds for it, as a plain client sees them.
async fn waiting_pull_requests(run: &str) -> Vec<(String, usize)> {
    use futures_util::TryStreamExt;
    let client = async_nats::connect("nats://127.0.0.1:4222").await.expect("NATS");
    let context = async_nats::jetstream::new(client);
    let name = context.stream_by_subject(format!("{run}.conformance")).await.expect("its stream");
    let stream = context.get_stream(&name).await.expect("its stream");
    let consumers: Vec<_> = stream.consumers().try_collect().await.expect("its consumers");
    consumers.into_iter().map(|info| (info.name, info.num_waiting)).collect()
}

/// NATS JetStream: evently sends its consumers' pull requests itself. A
/// member left idle for longer than two pull heartbeats (2 s each) still
/// holds exactly one waiting request at the server: none would mean it
/// stopped asking (the stall of async-nats's own pull stream), more would
/// mean it took the server's heartbeats for silence and asked again. A
/// message published then is delivered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_nats_member_holds_one_pull_request_at_the_server() {
    let run = run_id(Kind::Nats);
    let bus = bus(Kind::Nats, &run, &["conformance-b"]).await;
    bus.publish(event(&run, 1, "k")).await.expect("publish");
    eventually("the first event arrived", || seen(&run, "b").len() == 1).await;
    tokio::time::sleep(Duration::from_secs(7)).await;

    let waiting = waiting_pull_requests(&run).await;
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    assert_eq!(waiting[0].1, 1, "pull requests waiting: {waiting:?}");

    bus.publish(event(&run, 2, "k")).await.expect("publish");
    eventually("the second event arrived", || seen(&run, "b").len() == 2).await;
    bus.shutdown().await;
}

/// NATS JetStream: once `shutdown` returns, the server holds no pull
/// request of the stopped member. A request left waiting would take the
/// next message (a new one, or one the member gave back) for an inbox
/// nobody reads, where it would wait for `ack_wait` (30 s).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_nats_member_leaves_no_pull_request_at_the_server() {
    let run = run_id(Kind::Nats);
    let bus = bus(Kind::Nats, &run, &["conformance-b"]).await;
    bus.publish(event(&run, 1, "k")).await.expect("publish");
    eventually("the event arrived", || seen(&run, "b").len() == 1).await;
    bus.shutdown().await;

    let waiting = waiting_pull_requests(&run).await;
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    assert_eq!(waiting[0].1, 0, "pull requests waiting: {waiting:?}");
}

/// NATS JetStream: a member that stops gives back what it fetched ahead
/// and did not hand to a lane, and `shutdown` returns only once that is
/// sent. A process that exits right after `shutdown` (its runtime gone,
/// and the client's tasks with it) leaves those messages to the next
/// member at once, not after `ack_wait` (30 s).
#[test]
fn a_stopped_nats_member_gives_back_what_it_fetched_before_shutdown_returns() {
    const EVENTS: u32 = 3_000;
    let run = run_id(Kind::Nats);
    let runtime = || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime")
    };
    // A process of its own: its runtime ends when `shutdown` returns.
    let first = runtime();
    first.block_on(async {
        let bus = bus(Kind::Nats, &run, &["conformance-a"]).await;
        for seq in 0..EVENTS {
            // Four keys: four lanes of 20 ms handlers, so most wait.
            let slow =
                ConformanceChecked { slow: true, ..event(&run, seq, &format!("k{}", seq % 4)) };
            bus.publish(slow).await.expect("publish");
        }
        eventually("the first member handled some", || seen(&run, "a").len() >= 20).await;
        bus.shutdown().await;
    });
    drop(first);
    let handled = seen(&run, "a").len();
    assert!(handled < EVENTS as usize, "the first member handled all {handled} before it stopped");

    runtime().block_on(async {
        let started = tokio::time::Instant::now();
        let bus = bus(Kind::Nats, &run, &["conformance-a"]).await;
        let all = || {
            let seqs: std::collections::HashSet<u32> =
                seen(&run, "a").iter().map(|(seq, ..)| *seq).collect();
            seqs.len() == EVENTS as usize
        };
        eventually("the second member handled the rest, before ack_wait", all).await;
        let took = started.elapsed();
        bus.shutdown().await;
        assert!(took < Duration::from_secs(20), "{took:?}");
    });
}

//! Publish and consume 100 000 small events through evently and through the
//! raw client, on the same broker, in one run.
//!
//! ```text
//! cargo bench -p evently-tests --bench brokers
//! ```
//!
//! Needs the brokers `scripts/test` starts: Kafka (tansu) on 9092, RabbitMQ
//! on 5672, NATS JetStream on 4222. Both sides publish from 64 concurrent
//! tasks, wait for each broker confirmation, and consume with acknowledgement
//! after handling; the time runs from the first publish to the last message
//! handled. Every run uses fresh topics, streams and queues. NATS runs twice:
//! with each acknowledgement confirmed by the server (evently's default,
//! `double_ack` on the raw side) and without (`ack`). Under each ratio, the
//! median CPU time per message this process spent on each side's rounds:
//! the broker runs on the same cores, so a client's CPU is taken from it.
//!
//! `EVENTLY_BENCH=kafka`, `rabbitmq`, `nats`, `nats-confirmed` or
//! `nats-unconfirmed` runs one broker (or one NATS mode);
//! `EVENTLY_BENCH_ROUNDS` sets the rounds (5); `EVENTLY_BENCH_SIDE=raw` or
//! `evently` runs one side only (to profile it).

#![allow(missing_docs)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use evently::transport::{
    KafkaConfig, KafkaTransport, NatsConfig, NatsTransport, RabbitMqConfig, RabbitMqTransport,
    Transport,
};
use evently::{Bus, subscriber};
use evently_tests::conformance::ConformanceChecked;
use futures_util::StreamExt;

const EVENTS: usize = 100_000;
const PUBLISHERS: usize = 64;
const PREFETCH: u16 = 256;

static HANDLED: AtomicUsize = AtomicUsize::new(0);

#[subscriber(group = "bench-brokers", guard = false)]
async fn count(event: &ConformanceChecked) -> evently::Result<()> {
    std::hint::black_box(event.seq);
    HANDLED.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

fn event(seq: usize) -> ConformanceChecked {
    ConformanceChecked {
        run: "bench".into(),
        seq: seq as u32,
        key: format!("k{}", seq % 64),
        fail: false,
        slow: false,
    }
}

/// The wire form of `event(seq)`, the same bytes the raw clients send.
fn payload(seq: usize) -> Vec<u8> {
    evently::Envelope::builder(event(seq)).source("bench").build().to_json().expect("encodes")
}

/// Waits until `counter` reaches `target`; says so on stderr when it has not
/// moved for 5 s (a round that stalls is visible as it happens, not only in
/// its time).
async fn wait_for(counter: &AtomicUsize, target: usize) {
    let start = Instant::now();
    let deadline = start + Duration::from_secs(600);
    let (mut last, mut moved) = (0, start);
    loop {
        let now = counter.load(Ordering::Relaxed);
        if now >= target {
            break;
        }
        assert!(Instant::now() < deadline, "only {now} of {target} arrived");
        if now != last {
            (last, moved) = (now, Instant::now());
        } else if moved.elapsed() >= Duration::from_secs(5) {
            eprintln!(
                "stalled: {now} of {target} after {:.1} s, none for 5 s",
                start.elapsed().as_secs_f64()
            );
            moved = Instant::now();
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// Publishes `EVENTS` through `publish(seq)` from `PUBLISHERS` tasks.
async fn publish_all<F, Fut>(publish: F)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let publish = Arc::new(publish);
    let tasks: Vec<_> = (0..PUBLISHERS)
        .map(|task| {
            let publish = Arc::clone(&publish);
            tokio::spawn(async move {
                for seq in (task..EVENTS).step_by(PUBLISHERS) {
                    publish(seq).await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("publisher");
    }
}

async fn through_evently(transport: impl Transport) -> Duration {
    HANDLED.store(0, Ordering::Relaxed);
    let bus = Bus::builder()
        .source("bench")
        .group("bench-brokers")
        .transport(transport)
        .start()
        .await
        .expect("bus connects");
    let start = Instant::now();
    let publisher = bus.clone();
    publish_all(move |seq| {
        let bus = publisher.clone();
        async move {
            bus.publish(event(seq)).await.expect("publish");
        }
    })
    .await;
    if start.elapsed() > Duration::from_secs(20) {
        eprintln!("publishing alone took {:.1} s", start.elapsed().as_secs_f64());
    }
    wait_for(&HANDLED, EVENTS).await;
    let elapsed = start.elapsed();
    bus.shutdown().await;
    elapsed
}

async fn raw_kafka(run: &str) -> Duration {
    use rdkafka::ClientConfig;
    use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
    use rdkafka::message::Message;
    use rdkafka::producer::{FutureProducer, FutureRecord};
    let topic = format!("{run}raw");
    // Three partitions, as evently creates its topics.
    let admin: rdkafka::admin::AdminClient<_> =
        ClientConfig::new().set("bootstrap.servers", "127.0.0.1:9092").create().expect("admin");
    let _ = admin
        .create_topics(
            [&rdkafka::admin::NewTopic::new(&topic, 3, rdkafka::admin::TopicReplication::Fixed(1))],
            &rdkafka::admin::AdminOptions::new(),
        )
        .await;
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", "127.0.0.1:9092")
        .set("acks", "all")
        .create()
        .expect("producer");
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", "127.0.0.1:9092")
        .set("group.id", format!("{run}raw"))
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .create()
        .expect("consumer");
    consumer.subscribe(&[&topic]).expect("subscribe");
    let consumed = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&consumed);
    let consuming = tokio::spawn(async move {
        while counter.load(Ordering::Relaxed) < EVENTS {
            let message = consumer.recv().await.expect("message");
            std::hint::black_box(message.payload());
            consumer.commit_message(&message, CommitMode::Async).expect("commit");
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let start = Instant::now();
    let topic = Arc::new(topic);
    publish_all(move |seq| {
        let (producer, topic) = (producer.clone(), Arc::clone(&topic));
        async move {
            let body = payload(seq);
            let key = format!("k{}", seq % 64);
            let record = FutureRecord::to(&topic).payload(&body).key(&key);
            producer.send(record, Duration::from_secs(30)).await.expect("send");
        }
    })
    .await;
    wait_for(&consumed, EVENTS).await;
    let elapsed = start.elapsed();
    consuming.abort();
    elapsed
}

/// A connection to the RabbitMQ `scripts/test` starts.
async fn rabbitmq() -> lapin::Connection {
    lapin::Connection::connect(
        "amqp://guest:guest@127.0.0.1:5672/%2f",
        lapin::ConnectionProperties::default(),
    )
    .await
    .expect("RabbitMQ")
}

async fn raw_rabbitmq(run: &str) -> Duration {
    use lapin::options::*;
    use lapin::types::FieldTable;
    let connection = rabbitmq().await;
    let publisher = connection.create_channel().await.expect("channel");
    publisher.confirm_select(ConfirmSelectOptions::default()).await.expect("confirms");
    let exchange = format!("{run}raw");
    publisher
        .exchange_declare(
            exchange.as_str().into(),
            lapin::ExchangeKind::Topic,
            ExchangeDeclareOptions { durable: true, ..Default::default() },
            FieldTable::default(),
        )
        .await
        .expect("exchange");
    let consumer_channel = connection.create_channel().await.expect("channel");
    consumer_channel.basic_qos(PREFETCH, BasicQosOptions::default()).await.expect("qos");
    let queue = format!("{run}raw.queue");
    consumer_channel
        .queue_declare(
            queue.as_str().into(),
            QueueDeclareOptions { durable: true, ..Default::default() },
            FieldTable::default(),
        )
        .await
        .expect("queue");
    consumer_channel
        .queue_bind(
            queue.as_str().into(),
            exchange.as_str().into(),
            "raw".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .expect("bind");
    let mut consumer = consumer_channel
        .basic_consume(
            queue.as_str().into(),
            "raw".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .expect("consume");
    let consumed = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&consumed);
    let consuming = tokio::spawn(async move {
        while let Some(Ok(delivery)) = consumer.next().await {
            std::hint::black_box(&delivery.data);
            let acked = delivery.acker.ack(BasicAckOptions::default()).await.expect("ack");
            assert!(acked, "the channel is open");
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let start = Instant::now();
    let exchange = Arc::new(exchange);
    publish_all(move |seq| {
        let (publisher, exchange) = (publisher.clone(), Arc::clone(&exchange));
        async move {
            let properties = lapin::BasicProperties::default().with_delivery_mode(2);
            publisher
                .basic_publish(
                    exchange.as_str().into(),
                    "raw".into(),
                    BasicPublishOptions::default(),
                    &payload(seq),
                    properties,
                )
                .await
                .expect("publish")
                .await
                .expect("confirm");
        }
    })
    .await;
    wait_for(&consumed, EVENTS).await;
    let elapsed = start.elapsed();
    consuming.abort();
    elapsed
}

/// `confirm`: each acknowledgement waits for the server's confirmation, as
/// evently's do by default (`NatsConfig::confirm_acks`).
async fn raw_nats(run: &str, confirm: bool) -> Duration {
    use async_nats::jetstream::{self, consumer, stream};
    let client = async_nats::connect("nats://127.0.0.1:4222").await.expect("NATS");
    let context = jetstream::new(client);
    let subject = format!("{run}raw");
    let stream = context
        .get_or_create_stream(stream::Config {
            name: subject.clone(),
            subjects: vec![subject.clone()],
            ..Default::default()
        })
        .await
        .expect("stream");
    let consumer: consumer::PullConsumer = stream
        .get_or_create_consumer(
            "raw",
            consumer::pull::Config {
                durable_name: Some("raw".into()),
                ack_policy: consumer::AckPolicy::Explicit,
                ..Default::default()
            },
        )
        .await
        .expect("consumer");
    let mut messages = consumer.messages().await.expect("messages");
    let consumed = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&consumed);
    let consuming = tokio::spawn(async move {
        while let Some(Ok(message)) = messages.next().await {
            std::hint::black_box(&message.payload);
            if confirm {
                message.double_ack().await.expect("ack");
            } else {
                message.ack().await.expect("ack");
            }
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let start = Instant::now();
    let subject = Arc::new(subject);
    publish_all(move |seq| {
        let (context, subject) = (context.clone(), Arc::clone(&subject));
        async move {
            context
                .publish(subject.to_string(), payload(seq).into())
                .await
                .expect("publish")
                .await
                .expect("confirm");
        }
    })
    .await;
    wait_for(&consumed, EVENTS).await;
    let elapsed = start.elapsed();
    consuming.abort();
    elapsed
}

/// Rounds per broker, raw client and evently alternating.
fn rounds() -> usize {
    std::env::var("EVENTLY_BENCH_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(5)
}

/// This process's CPU time so far (user and system, all threads), from
/// `/proc/self/stat` in clock ticks of 10 ms; `None` off Linux.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces): state is
    // the first, utime the 12th, stime the 13th.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let ticks: u64 = fields.next()?.parse::<u64>().ok()? + fields.next()?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// One round of one side: how long it took from the first publish to the
/// last message handled, and the CPU time the process spent on the whole
/// round (connecting and stopping included).
struct Round {
    elapsed: Duration,
    cpu: Option<Duration>,
}

/// Runs one side's round and measures its CPU time.
async fn measured(round: impl Future<Output = Duration>) -> Round {
    let before = cpu_time();
    let elapsed = round.await;
    let cpu = cpu_time().zip(before).map(|(after, before)| after.saturating_sub(before));
    Round { elapsed, cpu }
}

/// The median CPU time per message of `rounds`, in microseconds.
fn cpu_per_message(rounds: &[Round]) -> Option<f64> {
    let mut micros = rounds
        .iter()
        .map(|round| round.cpu.map(|cpu| cpu.as_secs_f64() * 1e6 / EVENTS as f64))
        .collect::<Option<Vec<f64>>>()?;
    micros.sort_by(f64::total_cmp);
    micros.get(micros.len() / 2).copied()
}

/// Prints the best and median throughput of both sides, and evently's
/// share of the raw client's against the target of 95 %; then the client
/// process's CPU time per message on each side (the broker shares the
/// machine's cores: a client that spends more leaves the broker less).
fn report(broker: &str, raw: &[Round], evently: &[Round]) {
    let rates = |runs: &[Round]| {
        let mut rates: Vec<f64> =
            runs.iter().map(|run| EVENTS as f64 / run.elapsed.as_secs_f64()).collect();
        rates.sort_by(f64::total_cmp);
        (rates[rates.len() - 1], rates[rates.len() / 2])
    };
    let ((raw_best, raw_median), (evently_best, evently_median)) = (rates(raw), rates(evently));
    let share = 100.0 * evently_median / raw_median;
    println!(
        "{broker:<18} raw client best {raw_best:>9.0} median {raw_median:>9.0} msg/s   evently best {evently_best:>9.0} median {evently_median:>9.0} msg/s   evently/raw {share:>5.1} % (best {:>5.1} %), target >= 95 % -> {}",
        100.0 * evently_best / raw_best,
        if share >= 95.0 { "met" } else { "NOT met" }
    );
    if let (Some(raw), Some(evently)) = (cpu_per_message(raw), cpu_per_message(evently)) {
        println!(
            "{:<18} client CPU per message (median): raw {raw:.1} us, evently {evently:.1} us ({:.2}x)",
            "",
            evently / raw
        );
    }
}

/// Deletes the NATS streams whose names start with `prefix`: each round's
/// two streams hold 100 000 messages on disk, and a server that keeps every
/// earlier round's gets slower from run to run.
async fn delete_nats_streams(prefix: &str) {
    let client = async_nats::connect("nats://127.0.0.1:4222").await.expect("NATS");
    let context = async_nats::jetstream::new(client);
    let names: Vec<String> = context
        .stream_names()
        .filter_map(|name| async move { name.ok() })
        .filter(|name| std::future::ready(name.starts_with(prefix)))
        .collect()
        .await;
    for name in names {
        context.delete_stream(&name).await.expect("stream deleted");
    }
}

/// Deletes the queues and exchanges a RabbitMQ round made, the raw
/// client's and evently's (its exchange and its group's queue): they are
/// empty once the round is done, but durable, and would pile up.
async fn delete_rabbitmq_objects(run: &str) {
    use lapin::options::{ExchangeDeleteOptions, QueueDeleteOptions};
    let connection = rabbitmq().await;
    let channel = connection.create_channel().await.expect("channel");
    for queue in [format!("{run}raw.queue"), format!("{run}ev.bench-brokers.conformance")] {
        channel
            .queue_delete(queue.as_str().into(), QueueDeleteOptions::default())
            .await
            .expect("queue deleted");
    }
    for exchange in [format!("{run}raw"), format!("{run}ev.evently")] {
        channel
            .exchange_delete(exchange.as_str().into(), ExchangeDeleteOptions::default())
            .await
            .expect("exchange deleted");
    }
    let _ = connection.close(0, "done".into()).await;
}

/// Runs `rounds` interleaved rounds, the raw client (given a fresh name for
/// its topic, stream or queue) then evently (given a fresh namespace), and
/// reports them. `clean_up` runs after each round, with the round's name,
/// which starts every name the round made.
async fn compare(
    label: &str,
    run: &str,
    rounds: usize,
    raw: impl AsyncFn(&str) -> Duration,
    evently: impl AsyncFn(&str) -> Duration,
    clean_up: impl AsyncFn(&str),
) {
    // `EVENTLY_BENCH_SIDE=raw` or `evently` runs one side only, for a
    // profiler: its rates are printed and no ratio.
    let side = std::env::var("EVENTLY_BENCH_SIDE").unwrap_or_default();
    let (mut raw_runs, mut evently_runs) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let run = format!("{run}r{round}");
        if side != "evently" {
            raw_runs.push(measured(raw(&run)).await);
        }
        if side != "raw" {
            evently_runs.push(measured(evently(&format!("{run}ev."))).await);
        }
        clean_up(&run).await;
    }
    if side.is_empty() {
        report(label, &raw_runs, &evently_runs);
    } else {
        let rates: Vec<String> = raw_runs
            .iter()
            .chain(&evently_runs)
            .map(|run| format!("{:.0}", EVENTS as f64 / run.elapsed.as_secs_f64()))
            .collect();
        let cpu = cpu_per_message(if side == "raw" { &raw_runs } else { &evently_runs });
        let cpu = cpu.map_or(String::new(), |micros| format!(", client CPU {micros:.1} us/msg"));
        println!("{label:<18} {side} only: {} msg/s{cpu}", rates.join(", "));
    }
}

#[tokio::main]
async fn main() {
    // evently's warnings (and `RUST_LOG`'s choice) on stderr.
    evently_tests::log_to_stderr();
    let run = format!("bench{}x", std::process::id());
    let only = std::env::var("EVENTLY_BENCH").unwrap_or_default();
    let rounds = rounds();
    println!(
        "{EVENTS} events per run, {PUBLISHERS} concurrent publishers, ack after handling, {rounds} interleaved rounds (raw, evently, raw, ...)"
    );

    if only.is_empty() || only == "kafka" {
        compare(
            "Kafka (tansu)",
            &run,
            rounds,
            raw_kafka,
            async |namespace| {
                let config =
                    KafkaConfig { namespace: namespace.to_owned(), ..KafkaConfig::default() };
                through_evently(KafkaTransport::connect(config).await.expect("Kafka")).await
            },
            async |_| {},
        )
        .await;
    }
    if only.is_empty() || only == "rabbitmq" {
        compare(
            "RabbitMQ",
            &run,
            rounds,
            raw_rabbitmq,
            async |namespace| {
                let config = RabbitMqConfig {
                    namespace: namespace.to_owned(),
                    prefetch_count: PREFETCH,
                    ..RabbitMqConfig::default()
                };
                through_evently(RabbitMqTransport::connect(config).await.expect("RabbitMQ")).await
            },
            delete_rabbitmq_objects,
        )
        .await;
    }
    if only.is_empty() || only.starts_with("nats") {
        // Both sides acknowledge alike: confirmed (evently's default), then
        // written and not confirmed (the raw client's default).
        for (confirm, label, mode, name) in [
            (true, "NATS, confirmed", "c", "nats-confirmed"),
            (false, "NATS, unconfirmed", "u", "nats-unconfirmed"),
        ] {
            if !(only.is_empty() || only == "nats" || only == name) {
                continue;
            }
            let raw = async |run: &str| raw_nats(run, confirm).await;
            let evently = async |namespace: &str| {
                let config = NatsConfig {
                    namespace: namespace.to_owned(),
                    confirm_acks: confirm,
                    ..NatsConfig::default()
                };
                through_evently(NatsTransport::connect(config).await.expect("NATS")).await
            };
            compare(label, &format!("{run}{mode}"), rounds, raw, evently, delete_nats_streams)
                .await;
        }
    }
}

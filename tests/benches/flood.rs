//! A consumer's memory under a flood: a backlog far larger than what a
//! consumer may hold, read by a slow handler. Its resident memory must
//! follow what the broker lets it hold unacknowledged (the in-flight
//! window), not the backlog.
//!
//! ```text
//! cargo bench -p evently-tests --bench flood
//! EVENTLY_BENCH=kafka EVENTLY_FLOOD_MESSAGES=20000 EVENTLY_FLOOD_BYTES=10240 \
//!     EVENTLY_FLOOD_SECONDS=15 EVENTLY_FLOOD_HANDLER_MS=20 \
//!     EVENTLY_FLOOD_KAFKA_QUEUED_KBYTES=2048 cargo bench -p evently-tests --bench flood
//! ```
//!
//! Needs the brokers `scripts/test` starts. For each broker, in a process
//! of its own: a child process publishes the backlog to fresh topics (so
//! the producer's memory is not counted), then a bus with a slow handler
//! starts on an empty topic (its growth is the clients' fixed cost) and on
//! the backlog, and the resident set size is sampled every 20 ms while it
//! consumes. The bound is that fixed cost plus the window times the message
//! size, twice over: each message held is in memory as received and as
//! decoded.

#![allow(missing_docs)]

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use evently::transport::{
    KafkaConfig, KafkaTransport, NatsConfig, NatsTransport, RabbitMqConfig, RabbitMqTransport,
};
use evently::{Bus, BusBuilder, subscriber};
use evently_tests::conformance::ConformanceChecked;
use futures_util::StreamExt;

const GROUP: &str = "bench-flood";
/// The topic of `ConformanceChecked`.
const TOPIC: &str = "conformance";
/// RabbitMQ's unacknowledged-message limit in this bench.
const PREFETCH: u16 = 256;
/// The bus's lanes and each lane's queue, set so the bound is known.
const CONCURRENCY: usize = 8;
const QUEUE_CAPACITY: usize = 32;
/// What evently's NATS transport asks the server for in one pull request,
/// on top of which the lanes hold messages (a transport hands each message
/// to the lanes itself, with no queue between the two). It
/// asks for the next batch once half of the current one is left, so up to
/// one and a half batches are on their way or buffered.
const NATS_PULL_BATCH: usize = 200;
const NATS_PULL_AHEAD: usize = NATS_PULL_BATCH + NATS_PULL_BATCH / 2;
/// librdkafka's defaults for what the consumer fetches ahead of the
/// application: `queued.max.messages.kbytes` (set another with
/// `EVENTLY_FLOOD_KAFKA_QUEUED_KBYTES`, through the transport's consumer
/// settings), which one fetch of `max.partition.fetch.bytes` per partition
/// may overshoot.
const KAFKA_QUEUED_KBYTES: u64 = 65_536;
const KAFKA_PARTITION_FETCH_KBYTES: usize = 1024;

fn kafka_queued_kbytes() -> usize {
    setting("EVENTLY_FLOOD_KAFKA_QUEUED_KBYTES", KAFKA_QUEUED_KBYTES) as usize
}

static HANDLED: AtomicUsize = AtomicUsize::new(0);

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn messages() -> usize {
    setting("EVENTLY_FLOOD_MESSAGES", 20_000) as usize
}

fn handler_delay() -> Duration {
    Duration::from_millis(setting("EVENTLY_FLOOD_HANDLER_MS", 20))
}

#[subscriber(group = "bench-flood", guard = false)]
async fn slow(event: &ConformanceChecked) -> evently::Result<()> {
    std::hint::black_box(event.run.len());
    tokio::time::sleep(handler_delay()).await;
    HANDLED.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

fn event(seq: usize) -> ConformanceChecked {
    let bytes = setting("EVENTLY_FLOOD_BYTES", 10 * 1024) as usize;
    ConformanceChecked {
        run: "x".repeat(bytes),
        seq: seq as u32,
        key: format!("k{}", seq % 64),
        fail: false,
        slow: false,
    }
}

/// The size of one message on the wire.
fn message_bytes() -> usize {
    evently::Envelope::builder(event(0)).source("flood").build().to_json().expect("encodes").len()
}

/// This process's resident set size, in bytes.
fn rss() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kb: usize = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS");
    kb * 1024
}

#[derive(Clone, Copy, Debug)]
enum Broker {
    RabbitMq,
    Nats,
    Kafka,
}

impl Broker {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "rabbitmq" => Some(Self::RabbitMq),
            "nats" => Some(Self::Nats),
            "kafka" => Some(Self::Kafka),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::RabbitMq => "rabbitmq",
            Self::Nats => "nats",
            Self::Kafka => "kafka",
        }
    }

    /// A bus builder on this broker, its names under `namespace`.
    async fn builder(self, namespace: &str) -> BusBuilder {
        let namespace = namespace.to_owned();
        let builder = Bus::builder().source("flood");
        match self {
            Self::RabbitMq => builder.transport(
                RabbitMqTransport::connect(RabbitMqConfig {
                    namespace,
                    prefetch_count: PREFETCH,
                    ..RabbitMqConfig::default()
                })
                .await
                .expect("RabbitMQ on 5672"),
            ),
            Self::Nats => builder.transport(
                NatsTransport::connect(NatsConfig { namespace, ..NatsConfig::default() })
                    .await
                    .expect("NATS JetStream on 4222"),
            ),
            Self::Kafka => builder.transport(
                KafkaTransport::connect(KafkaConfig {
                    namespace,
                    consumer_settings: vec![(
                        "queued.max.messages.kbytes".to_owned(),
                        kafka_queued_kbytes().to_string(),
                    )],
                    ..KafkaConfig::default()
                })
                .await
                .expect("Kafka on 9092"),
            ),
        }
    }

    /// How many messages the consumer of `namespace` may hold at once, and why.
    async fn window(self, namespace: &str) -> (usize, String) {
        let lanes = CONCURRENCY * (QUEUE_CAPACITY + 1);
        match self {
            Self::RabbitMq => (usize::from(PREFETCH), format!("prefetch {PREFETCH}")),
            Self::Nats => {
                // evently leaves it to the server's default; ask the server.
                let client = async_nats::connect("127.0.0.1:4222").await.expect("NATS");
                let context = async_nats::jetstream::new(client);
                let name =
                    context.stream_by_subject(format!("{namespace}{TOPIC}")).await.expect("stream");
                let stream = context.get_stream(&name).await.expect("stream");
                let mut consumers = stream.consumers();
                let info = consumers.next().await.expect("the consumer").expect("its info");
                let pending = info.config.max_ack_pending as usize;
                let held = NATS_PULL_AHEAD + lanes;
                (
                    pending.min(held),
                    format!(
                        "least of max_ack_pending {pending} and 1.5 pull batches {NATS_PULL_AHEAD} + lanes {lanes}"
                    ),
                )
            }
            Self::Kafka => {
                let kbytes = kafka_queued_kbytes()
                    + KAFKA_PARTITION_FETCH_KBYTES * KafkaConfig::default().partitions as usize;
                let ahead = kbytes * 1024 / message_bytes();
                (lanes + ahead, format!("lanes {lanes} + fetch queue {kbytes} KiB ({ahead})"))
            }
        }
    }

    /// Removes what the run left on the broker.
    async fn clean(self, namespace: &str) {
        match self {
            Self::RabbitMq => {
                use lapin::options::QueueDeleteOptions;
                let connection = lapin::Connection::connect(
                    "amqp://guest:guest@127.0.0.1:5672/%2f",
                    lapin::ConnectionProperties::default(),
                )
                .await
                .expect("RabbitMQ");
                let channel = connection.create_channel().await.expect("channel");
                let queue = format!("{namespace}{GROUP}.{TOPIC}");
                let _ = channel
                    .queue_delete(queue.as_str().into(), QueueDeleteOptions::default())
                    .await;
            }
            Self::Nats => {
                let client = async_nats::connect("127.0.0.1:4222").await.expect("NATS");
                let context = async_nats::jetstream::new(client);
                if let Ok(stream) = context.stream_by_subject(format!("{namespace}{TOPIC}")).await {
                    let _ = context.delete_stream(&stream).await;
                }
            }
            Self::Kafka => {
                use rdkafka::admin::{AdminClient, AdminOptions};
                use rdkafka::client::DefaultClientContext;
                let admin: AdminClient<DefaultClientContext> = rdkafka::ClientConfig::new()
                    .set("bootstrap.servers", "127.0.0.1:9092")
                    .create()
                    .expect("admin");
                let topic = format!("{namespace}{TOPIC}");
                let _ = admin.delete_topics(&[&topic], &AdminOptions::new()).await;
            }
        }
    }
}

/// The child process: publishes the backlog and exits.
async fn publish(broker: Broker, namespace: &str) {
    let bus = broker.builder(namespace).await.start().await.expect("bus starts");
    let total = messages();
    let tasks: Vec<_> = (0..32)
        .map(|task| {
            let bus = bus.clone();
            tokio::spawn(async move {
                for seq in (task..total).step_by(32) {
                    bus.publish(event(seq)).await.expect("publish");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("publisher");
    }
    bus.shutdown().await;
}

/// Runs the slow consumer on `namespace` for `seconds`; returns the peak
/// resident set size seen, how many messages were handled, and the peak of
/// each second (growth that goes on with the backlog shows there).
async fn consume(broker: Broker, namespace: &str, seconds: u64) -> (usize, usize, Vec<usize>) {
    HANDLED.store(0, Ordering::Relaxed);
    let bus = broker
        .builder(namespace)
        .await
        .concurrency(CONCURRENCY)
        .queue_capacity(QUEUE_CAPACITY)
        .group(GROUP)
        .start()
        .await
        .expect("bus starts");
    let mut peak = rss();
    let mut each_second = Vec::new();
    for _ in 0..seconds {
        let mut second = 0;
        let end = Instant::now() + Duration::from_secs(1);
        while Instant::now() < end {
            tokio::time::sleep(Duration::from_millis(20)).await;
            second = second.max(rss());
        }
        peak = peak.max(second);
        each_second.push(second);
    }
    let handled = HANDLED.load(Ordering::Relaxed);
    bus.shutdown().await;
    (peak, handled, each_second)
}

/// One broker, in its own process: publish, then measure.
async fn measure(broker: Broker) {
    let run = format!("flood{}x{}", std::process::id(), broker.name());
    let (backlog, empty) = (format!("{run}.b."), format!("{run}.e."));
    // The queue must exist before publishing for RabbitMQ to keep messages.
    for namespace in [&backlog, &empty] {
        broker
            .builder(namespace)
            .await
            .group(GROUP)
            .declare_topology()
            .await
            .expect("topology declared");
    }
    let started = Instant::now();
    let status = Command::new(std::env::current_exe().expect("this bench"))
        .env("EVENTLY_FLOOD_ROLE", "publish")
        .env("EVENTLY_BENCH", broker.name())
        .env("EVENTLY_FLOOD_NAMESPACE", &backlog)
        .status()
        .expect("publisher runs");
    assert!(status.success(), "the publisher failed: {status}");
    let published = started.elapsed();

    let seconds = setting("EVENTLY_FLOOD_SECONDS", 15);
    let size = message_bytes();
    let total = messages();
    let baseline = rss();
    let (fixed_peak, _, _) = consume(broker, &empty, 3).await;
    let fixed = fixed_peak.saturating_sub(baseline);
    let (peak, handled, each_second) = consume(broker, &backlog, seconds).await;
    let growth = peak.saturating_sub(baseline);
    let (window, why) = broker.window(&backlog).await;
    let bound = fixed + 2 * window * size;
    broker.clean(&backlog).await;
    broker.clean(&empty).await;

    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    println!(
        "{:<9} backlog {total} x {size} B = {:.1} MiB (published in {:.1} s); handled {handled} in {seconds} s",
        broker.name(),
        mib(total * size),
        published.as_secs_f64(),
    );
    println!(
        "{:<9} baseline RSS {:.1} MiB, peak growth {:.1} MiB; bound {:.1} MiB = fixed {:.1} MiB + 2 x {window} ({why}) x {size} B: {}",
        "",
        mib(baseline),
        mib(growth),
        mib(bound),
        mib(fixed),
        if growth <= bound { "met" } else { "NOT met" },
    );
    let series: Vec<String> =
        each_second.iter().map(|rss| format!("{:.1}", mib(rss.saturating_sub(baseline)))).collect();
    println!("{:<9} growth each second (MiB): {}", "", series.join(" "));
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let only = std::env::var("EVENTLY_BENCH").unwrap_or_default();
    match std::env::var("EVENTLY_FLOOD_ROLE").as_deref() {
        Ok("publish") => {
            let broker = Broker::parse(&only).expect("EVENTLY_BENCH names the broker");
            let namespace = std::env::var("EVENTLY_FLOOD_NAMESPACE").expect("a namespace");
            publish(broker, &namespace).await;
        }
        Ok("measure") => {
            measure(Broker::parse(&only).expect("EVENTLY_BENCH names the broker")).await;
        }
        _ => {
            // Each broker in a fresh process, so one's memory is not another's baseline.
            for broker in [Broker::RabbitMq, Broker::Nats, Broker::Kafka] {
                if !only.is_empty() && only != broker.name() {
                    continue;
                }
                let status = Command::new(std::env::current_exe().expect("this bench"))
                    .env("EVENTLY_FLOOD_ROLE", "measure")
                    .env("EVENTLY_BENCH", broker.name())
                    .status()
                    .expect("measurement runs");
                assert!(status.success(), "{} failed: {status}", broker.name());
            }
        }
    }
}

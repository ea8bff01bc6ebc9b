//! Kafka: the envelope key picks the partition, one consumer group per
//! subscriber group, offsets committed only once a message was handled or
//! dead-lettered.
//!
//! Handling is concurrent across keys, so messages of one partition finish
//! out of order; each partition's committed offset advances only to the
//! lowest offset still being handled, so a crash never skips a message.
//!
//! A member commits only the partitions assigned to it. When the group
//! takes partitions away (a member joins or leaves), the member waits a
//! little for what it is handling of them, commits how far it got, and
//! forgets them: acknowledgements that come later are not committed, and the
//! new owner reads those messages again (the idempotency guard absorbs the
//! ones that were handled).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::{ClientContext, DefaultClientContext};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};

use super::{
    Ack, Acker, Deliveries, Incoming, OutgoingMessage, StartPosition, Subscription, Transport,
    TransportError,
};

const BROKER: &str = "Kafka";

/// How to reach Kafka and name what evently creates there.
#[derive(Debug, Clone)]
pub struct KafkaConfig {
    /// The bootstrap brokers (`["127.0.0.1:9092"]`).
    pub brokers: Vec<String>,
    /// Put before every topic and consumer group name (e.g. `staging.`).
    pub namespace: String,
    /// Partitions of the topics evently creates.
    pub partitions: i32,
    /// How long connecting and each publish may take.
    pub timeout: Duration,
    /// How long the group waits for a member that stopped answering (it
    /// crashed) before its partitions go to the others (default 10 s; the
    /// broker bounds it, 6 s to 30 min by default). On tansu 0.6, start a
    /// crashed member's replacement after this much time: one that joins
    /// while the dead member still counts can be left with partitions
    /// assigned to no one (see the README's delivery guarantees).
    pub session_timeout: Duration,
    /// A stable name for this member across restarts (Kafka's static
    /// membership, `group.instance.id`), e.g. the pod's name: a member that
    /// restarts within `session_timeout` gets its partitions back without
    /// a rebalance. `None` (the default): dynamic membership.
    pub instance_id: Option<String>,
    /// Further librdkafka settings for the producer, applied last.
    pub producer_settings: Vec<(String, String)>,
    /// Further librdkafka settings for the consumers, applied last.
    pub consumer_settings: Vec<(String, String)>,
}

impl Default for KafkaConfig {
    fn default() -> Self {
        Self {
            brokers: vec!["127.0.0.1:9092".to_owned()],
            namespace: String::new(),
            partitions: 3,
            timeout: Duration::from_secs(10),
            session_timeout: Duration::from_secs(10),
            instance_id: None,
            producer_settings: Vec::new(),
            consumer_settings: Vec::new(),
        }
    }
}

/// The Kafka transport (feature `kafka`).
pub struct KafkaTransport {
    config: KafkaConfig,
    producer: FutureProducer,
    admin: AdminClient<DefaultClientContext>,
    topics: Mutex<HashSet<String>>,
    /// The subscriptions' tasks, which commit last when they stop.
    consumers: Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl std::fmt::Debug for KafkaTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KafkaTransport").field("config", &self.config).finish_non_exhaustive()
    }
}

fn broker(error: impl std::error::Error + Send + Sync + 'static) -> TransportError {
    TransportError::Broker { broker: BROKER, source: Box::new(error) }
}

impl KafkaTransport {
    /// Connects, failing within `timeout` with an error naming the brokers.
    pub async fn connect(config: KafkaConfig) -> Result<Self, TransportError> {
        if config.brokers.is_empty() {
            return Err(TransportError::Config {
                broker: BROKER,
                setting: "brokers",
                reason: "name at least one broker".into(),
            });
        }
        if config.partitions < 1 {
            return Err(TransportError::Config {
                broker: BROKER,
                setting: "partitions",
                reason: "must be at least 1".into(),
            });
        }
        let servers = config.brokers.join(",");
        let mut client = ClientConfig::new();
        client.set("bootstrap.servers", &servers);
        let mut producer = client.clone();
        producer
            .set("message.timeout.ms", config.timeout.as_millis().to_string())
            .set("acks", "all");
        for (key, value) in &config.producer_settings {
            producer.set(key, value);
        }
        let producer: FutureProducer = producer.create().map_err(broker)?;
        let admin: AdminClient<DefaultClientContext> = client.create().map_err(broker)?;
        // The clients connect lazily: ask for metadata to know the brokers answer.
        let probe = producer.clone();
        let timeout = config.timeout;
        tokio::task::spawn_blocking(move || probe.client().fetch_metadata(None, timeout))
            .await
            .map_err(broker)?
            .map_err(|error| TransportError::Unreachable {
                broker: BROKER,
                address: servers.clone(),
                reason: error.to_string(),
            })?;
        Ok(Self {
            config,
            producer,
            admin,
            topics: Mutex::new(HashSet::new()),
            consumers: Mutex::new(Vec::new()),
        })
    }

    fn topic(&self, topic: &str) -> String {
        format!("{}{topic}", self.config.namespace)
    }

    /// Creates the topic on first use (an existing one is kept as it is).
    async fn ensure_topic(&self, topic: &str) -> Result<(), TransportError> {
        if self.topics.lock().unwrap_or_else(|p| p.into_inner()).contains(topic) {
            return Ok(());
        }
        let new = NewTopic::new(topic, self.config.partitions, TopicReplication::Fixed(1));
        let options = AdminOptions::new().operation_timeout(Some(self.config.timeout));
        let results = self.admin.create_topics([&new], &options).await.map_err(broker)?;
        for result in results {
            if let Err((name, code)) = result
                && code != rdkafka::types::RDKafkaErrorCode::TopicAlreadyExists
            {
                return Err(TransportError::Broker {
                    broker: BROKER,
                    source: format!("cannot create topic `{name}`: {code}").into(),
                });
            }
        }
        self.topics.lock().unwrap_or_else(|p| p.into_inner()).insert(topic.to_owned());
        Ok(())
    }

    async fn send(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        let topic = self.topic(message.topic);
        self.ensure_topic(&topic).await?;
        // The CloudEvents Kafka binding's `content-type` header: the media
        // type of a structured event, or of a binary event's data.
        let mut headers = OwnedHeaders::new()
            .insert(Header { key: super::CONTENT_TYPE, value: Some(message.content_type) });
        for (name, value) in &message.headers {
            if !name.eq_ignore_ascii_case(super::CONTENT_TYPE) {
                headers = headers.insert(Header { key: name, value: Some(value.as_str()) });
            }
        }
        let mut record = FutureRecord::to(&topic).payload(&message.payload).headers(headers);
        if let Some(key) = message.key {
            record = record.key(key);
        }
        self.producer
            .send(record, self.config.timeout)
            .await
            .map_err(|(error, _)| broker(error))?;
        Ok(())
    }
}

/// How long a member whose partitions are taken away waits for the messages
/// of those partitions it is still handling before it commits and lets go.
const REVOKE_WAIT: Duration = Duration::from_secs(5);

/// Offsets of one consumer, per partition assigned to it.
#[derive(Default)]
struct Offsets {
    partitions: HashMap<(String, i32), Partition>,
}

impl Offsets {
    /// How far `entry` can be committed: below the lowest offset still
    /// being handled, or past the last one received.
    fn commit_point(entry: &Partition) -> i64 {
        entry.pending.first().copied().unwrap_or(entry.next)
    }
}

/// Follows the group's assignments: a partition is tracked (and committed)
/// only while it is assigned to this member.
struct Assignments {
    offsets: Arc<Mutex<Offsets>>,
    /// The consumer group's id, for the logs.
    group: String,
}

/// `topic/partition` of each element, for the logs.
fn partitions(list: &TopicPartitionList) -> String {
    let names: Vec<String> = list
        .elements()
        .iter()
        .map(|element| format!("{}/{}", element.topic(), element.partition()))
        .collect();
    names.join(", ")
}

impl ClientContext for Assignments {}

impl ConsumerContext for Assignments {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Revoke(revoked) = rebalance else { return };
        tracing::info!(group = %self.group, partitions = %partitions(revoked), "Kafka partitions taken away from this member");
        let revoked: Vec<(String, i32)> = revoked
            .elements()
            .iter()
            .map(|element| (element.topic().to_owned(), element.partition()))
            .collect();
        // The rebalance waits for this callback; the lanes, on other
        // threads, finish what they hold of these partitions meanwhile.
        let deadline = std::time::Instant::now() + REVOKE_WAIT;
        loop {
            let busy = {
                let offsets = self.offsets.lock().unwrap_or_else(|p| p.into_inner());
                revoked
                    .iter()
                    .any(|key| offsets.partitions.get(key).is_some_and(|p| !p.pending.is_empty()))
            };
            if !busy || std::time::Instant::now() >= deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut list = TopicPartitionList::new();
        {
            let mut offsets = self.offsets.lock().unwrap_or_else(|p| p.into_inner());
            for key in &revoked {
                let Some(entry) = offsets.partitions.remove(key) else { continue };
                let upto = Offsets::commit_point(&entry);
                if upto > entry.committed
                    && let Err(error) =
                        list.add_partition_offset(&key.0, key.1, Offset::Offset(upto))
                {
                    tracing::warn!(%error, topic = %key.0, partition = key.1, "cannot commit a revoked partition");
                }
            }
        }
        if list.count() > 0
            && let Err(error) = consumer.commit(&list, CommitMode::Sync)
        {
            tracing::warn!(%error, "could not commit the partitions taken away; their new owner reads again from the last commit");
        }
    }

    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Assign(assigned) = rebalance else { return };
        // Which partitions this member got after a restart or a rebalance:
        // what an operator checks when a partition seems not consumed.
        tracing::info!(group = %self.group, partitions = %partitions(assigned), "Kafka partitions assigned to this member");
        let mut offsets = self.offsets.lock().unwrap_or_else(|p| p.into_inner());
        for element in assigned.elements() {
            // Start afresh: another member may have moved the partition on.
            offsets
                .partitions
                .insert((element.topic().to_owned(), element.partition()), Partition::default());
        }
    }
}

#[derive(Default)]
struct Partition {
    pending: BTreeSet<i64>,
    /// The offset after the highest one received.
    next: i64,
    committed: i64,
}

struct Tracker {
    consumer: Arc<StreamConsumer<Assignments>>,
    offsets: Arc<Mutex<Offsets>>,
    /// Messages handed out and neither acknowledged nor given back.
    outstanding: std::sync::atomic::AtomicUsize,
}

impl Tracker {
    fn received(&self, topic: &str, partition: i32, offset: i64) {
        self.outstanding.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        let mut offsets = self.offsets.lock().unwrap_or_else(|p| p.into_inner());
        // A message of a partition no longer assigned (fetched before the
        // rebalance) is handled but never committed here.
        if let Some(entry) = offsets.partitions.get_mut(&(topic.to_owned(), partition)) {
            entry.pending.insert(offset);
            entry.next = entry.next.max(offset + 1);
        }
    }

    /// Marks an offset done and commits up to the lowest one still pending.
    fn done(&self, topic: &str, partition: i32, offset: i64) -> Result<(), TransportError> {
        let commit = {
            let mut offsets = self.offsets.lock().unwrap_or_else(|p| p.into_inner());
            let Some(entry) = offsets.partitions.get_mut(&(topic.to_owned(), partition)) else {
                return Ok(());
            };
            entry.pending.remove(&offset);
            let upto = Offsets::commit_point(entry);
            if upto <= entry.committed {
                return Ok(());
            }
            entry.committed = upto;
            upto
        };
        let mut list = TopicPartitionList::new();
        list.add_partition_offset(topic, partition, Offset::Offset(commit)).map_err(broker)?;
        self.consumer.commit(&list, CommitMode::Async).map_err(broker)
    }

    /// Every partition's commit point, for the last, synchronous commit.
    fn commit_points(&self) -> Result<TopicPartitionList, TransportError> {
        let offsets = self.offsets.lock().unwrap_or_else(|p| p.into_inner());
        let mut list = TopicPartitionList::new();
        for ((topic, partition), entry) in &offsets.partitions {
            if entry.committed > 0 {
                list.add_partition_offset(topic, *partition, Offset::Offset(entry.committed))
                    .map_err(broker)?;
            }
        }
        Ok(list)
    }
}

struct KafkaAck {
    tracker: Arc<Tracker>,
    topic: String,
    partition: i32,
    offset: i64,
}

impl Drop for KafkaAck {
    fn drop(&mut self) {
        self.tracker.outstanding.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

impl Ack for KafkaAck {
    async fn ack(self) -> Result<(), TransportError> {
        self.tracker.done(&self.topic, self.partition, self.offset)
    }

    async fn release(self) -> Result<(), TransportError> {
        // Kafka has no per-message return: the offset stays uncommitted, and
        // the partition's next owner reads it again.
        Ok(())
    }
}

impl Transport for KafkaTransport {
    fn name(&self) -> &'static str {
        BROKER
    }

    async fn publish(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        self.send(message).await
    }

    async fn dead_letter(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        self.send(message).await
    }

    async fn close(&self) {
        let tasks = std::mem::take(&mut *self.consumers.lock().unwrap_or_else(|p| p.into_inner()));
        for task in tasks {
            let _ = task.await;
        }
    }

    async fn declare(&self, subscription: Subscription<'_>) -> Result<(), TransportError> {
        for topic in subscription.topics {
            self.ensure_topic(&self.topic(topic)).await?;
        }
        Ok(())
    }

    async fn subscribe(
        &self,
        subscription: Subscription<'_>,
        deliveries: Deliveries,
    ) -> Result<(), TransportError> {
        let Subscription { group, topics, start, .. } = subscription;
        let names: Vec<String> = topics.iter().map(|topic| self.topic(topic)).collect();
        let by_name: Vec<(String, &'static str)> =
            names.iter().cloned().zip(topics.iter().copied()).collect();
        for name in &names {
            self.ensure_topic(name).await?;
        }
        let offsets = Arc::new(Mutex::new(Offsets::default()));
        let group_id = format!("{}{group}", self.config.namespace);
        let context = Assignments { offsets: Arc::clone(&offsets), group: group_id.clone() };
        let mut settings = ClientConfig::new();
        settings
            .set("bootstrap.servers", self.config.brokers.join(","))
            .set("group.id", &group_id)
            .set("enable.auto.commit", "false")
            .set("session.timeout.ms", self.config.session_timeout.as_millis().to_string())
            .set(
                "auto.offset.reset",
                match start {
                    StartPosition::Latest => "latest",
                    _ => "earliest",
                },
            );
        if let Some(instance) = &self.config.instance_id {
            settings.set("group.instance.id", format!("{instance}-{group}"));
        }
        for (key, value) in &self.config.consumer_settings {
            settings.set(key, value);
        }
        let consumer: StreamConsumer<Assignments> =
            settings.create_with_context(context).map_err(broker)?;
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        consumer.subscribe(&names).map_err(broker)?;
        let consumer = Arc::new(consumer);
        let tracker = Arc::new(Tracker {
            consumer: Arc::clone(&consumer),
            offsets,
            outstanding: std::sync::atomic::AtomicUsize::new(0),
        });
        let task = tokio::spawn(async move {
            let mut closed = pin!(deliveries.closed());
            loop {
                let message = tokio::select! {
                    () = &mut closed => break,
                    message = consumer.recv() => message,
                };
                let message = match message {
                    Ok(message) => message,
                    Err(error) => {
                        tracing::warn!(%error, "Kafka consumer error");
                        continue;
                    }
                };
                let (topic, partition, offset) =
                    (message.topic().to_owned(), message.partition(), message.offset());
                let Some(subscribed) =
                    by_name.iter().find(|(name, _)| *name == topic).map(|(_, t)| *t)
                else {
                    continue;
                };
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
                tracker.received(&topic, partition, offset);
                let incoming = Incoming {
                    topic: subscribed,
                    payload: message.payload().map(<[u8]>::to_vec).unwrap_or_default(),
                    headers,
                    origin: format!("{topic}/{partition}@{offset}"),
                    ack: Acker::new(KafkaAck {
                        tracker: Arc::clone(&tracker),
                        topic,
                        partition,
                        offset,
                    }),
                };
                if deliveries.send(incoming).await.is_err() {
                    // Not handled: its offset stays uncommitted.
                    break;
                }
            }
            // Stay in the group until every message handed out is done
            // (the bus drains its lanes), commit where each partition got
            // to, then leave: the other members resume from there.
            let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
            while tracker.outstanding.load(std::sync::atomic::Ordering::Acquire) > 0
                && tokio::time::Instant::now() < deadline
            {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            match tracker.commit_points() {
                Ok(list) if list.count() > 0 => {
                    let consumer = Arc::clone(&consumer);
                    let _ = tokio::task::spawn_blocking(move || {
                        consumer.commit(&list, CommitMode::Sync)
                    })
                    .await;
                }
                _ => {}
            }
            consumer.unsubscribe();
        });
        self.consumers.lock().unwrap_or_else(|p| p.into_inner()).push(task);
        Ok(())
    }
}

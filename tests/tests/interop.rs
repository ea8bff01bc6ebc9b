#![allow(missing_docs)]
//! What services not written with evently send and expect, tried with the
//! brokers' own clients: the CloudEvents protocol bindings to the letter.

use std::sync::Mutex;
use std::time::Duration;

use evently::transport::{KafkaConfig, KafkaTransport, RabbitMqConfig, RabbitMqTransport};
use evently::{Bus, Encoding, Envelope, event, subscriber};
use lapin::options::{BasicGetOptions, BasicPublishOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable, ShortString};
use lapin::{BasicProperties, Connection, ConnectionProperties};

#[event(name = "test.interop.seen", topic = "interop")]
pub struct InteropSeen {
    pub id: u64,
}

/// (id, timestamp as Unix seconds, source) of each event handled.
static SEEN: Mutex<Vec<(u64, i64, String)>> = Mutex::new(Vec::new());

#[subscriber(group = "interop")]
async fn record(event: Envelope<InteropSeen>) -> evently::Result<()> {
    let meta = event.metadata();
    SEEN.lock().expect("lock").push((
        event.data().id,
        meta.timestamp().duration_since(std::time::UNIX_EPOCH).map_or(-1, |d| d.as_secs() as i64),
        meta.source().to_owned(),
    ));
    Ok(())
}

fn namespace(what: &str) -> String {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!("{what}{}x{stamp}.", std::process::id())
}

async fn rabbit(namespace: &str) -> RabbitMqTransport {
    RabbitMqTransport::connect(RabbitMqConfig {
        namespace: namespace.to_owned(),
        ..RabbitMqConfig::default()
    })
    .await
    .expect("this test needs RabbitMQ")
}

async fn amqp() -> lapin::Channel {
    let connection = Connection::connect(
        "amqp://guest:guest@127.0.0.1:5672/%2f",
        ConnectionProperties::default(),
    )
    .await
    .expect("this test needs RabbitMQ");
    // The connection lives as long as the test process.
    let channel = connection.create_channel().await.expect("channel");
    std::mem::forget(connection);
    channel
}

/// Publishes a binary CloudEvent of `test.interop.seen` as the CloudEvents
/// SDKs and pika do: `cloudEvents_` attributes, with `time` as given.
async fn publish_binary_cloudevent(namespace: &str, id: &str, time: AMQPValue, body: &[u8]) {
    let mut headers = FieldTable::default();
    for (name, value) in [
        ("cloudEvents_specversion", "1.0"),
        ("cloudEvents_id", id),
        ("cloudEvents_type", "test.interop.seen"),
        ("cloudEvents_source", "python-service"),
    ] {
        headers.insert(ShortString::from(name), AMQPValue::LongString(value.into()));
    }
    headers.insert(ShortString::from("cloudEvents_time"), time);
    amqp()
        .await
        .basic_publish(
            ShortString::from(format!("{namespace}evently")),
            ShortString::from(format!("{namespace}interop")),
            BasicPublishOptions::default(),
            body,
            BasicProperties::default()
                .with_content_type(ShortString::from("application/json"))
                .with_headers(headers),
        )
        .await
        .expect("publish")
        .await
        .expect("confirmed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn amqp_binary_cloudevents_with_the_underscore_prefix_and_native_types_are_understood() {
    let namespace = namespace("interop");
    let bus = Bus::builder()
        .subscribe::<record>()
        .transport(rabbit(&namespace).await)
        .start()
        .await
        .expect("starts");
    // What the CloudEvents SDKs and pika send: `cloudEvents_` attributes, and
    // `time` as an AMQP timestamp (2026-01-15T10:00:00Z).
    publish_binary_cloudevent(
        &namespace,
        "order-42",
        AMQPValue::Timestamp(1_768_471_200),
        br#"{"id": 42}"#,
    )
    .await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let seen = SEEN.lock().expect("lock").iter().find(|(id, ..)| *id == 42).cloned();
        if let Some((_, timestamp, source)) = seen {
            assert_eq!(timestamp, 1_768_471_200, "the AMQP timestamp is the event's time");
            assert_eq!(source, "python-service");
            break;
        }
        assert!(bus.stats().dead_lettered == 0, "dead-lettered: {:?}", bus.dead_letters());
        assert!(tokio::time::Instant::now() < deadline, "the event was not handled");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    bus.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn structured_cloudevents_over_amqp_say_so_in_their_content_type() {
    let namespace = namespace("interopct");
    let channel = amqp().await;
    let queue = format!("{namespace}inspect");
    channel
        .queue_declare(
            ShortString::from(queue.as_str()),
            QueueDeclareOptions { auto_delete: true, ..QueueDeclareOptions::default() },
            FieldTable::default(),
        )
        .await
        .expect("declare");
    let bus = Bus::builder()
        .encoding(Encoding::CloudEventsStructured)
        .transport(rabbit(&namespace).await)
        .start()
        .await
        .expect("starts");
    channel
        .queue_bind(
            ShortString::from(queue.as_str()),
            ShortString::from(format!("{namespace}evently")),
            ShortString::from(format!("{namespace}interop")),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .expect("bind");
    bus.publish(InteropSeen { id: 7 }).await.expect("publish");
    let message = channel
        .basic_get(ShortString::from(queue.as_str()), BasicGetOptions { no_ack: true })
        .await
        .expect("basic.get")
        .expect("the event in the queue");
    let content_type = message.delivery.properties.content_type().as_ref().map(|c| c.to_string());
    assert_eq!(content_type.as_deref(), Some("application/cloudevents+json"));
    let body: serde_json::Value = serde_json::from_slice(&message.delivery.data).expect("json");
    assert_eq!(body["specversion"], "1.0");
    assert_eq!(body["datacontenttype"], "application/json");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafka_binary_cloudevents_carry_the_data_content_type_in_content_type() {
    use rdkafka::Message;
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::message::Headers;
    let namespace = namespace("interopkafka");
    let transport = KafkaTransport::connect(KafkaConfig {
        namespace: namespace.clone(),
        ..KafkaConfig::default()
    })
    .await
    .expect("this test needs Kafka (tansu, started by scripts/test)");
    let bus = Bus::builder()
        .encoding(Encoding::CloudEventsBinary)
        .transport(transport)
        .start()
        .await
        .expect("starts");
    bus.publish(InteropSeen { id: 9 }).await.expect("publish");
    let consumer: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", "127.0.0.1:9092")
        .set("group.id", format!("{namespace}inspector"))
        .set("auto.offset.reset", "earliest")
        .create()
        .expect("a Kafka client");
    consumer.subscribe(&[&format!("{namespace}interop")]).expect("subscribe");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let headers: Vec<(String, String)> = loop {
        assert!(std::time::Instant::now() < deadline, "no message on the topic");
        let Some(message) = consumer.poll(Duration::from_millis(500)) else { continue };
        let message = message.expect("a message");
        break message
            .headers()
            .map(|headers| {
                headers
                    .iter()
                    .map(|h| {
                        (
                            h.key.to_owned(),
                            String::from_utf8_lossy(h.value.unwrap_or_default()).into_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
    };
    let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    assert_eq!(get("content-type"), Some("application/json"), "{headers:?}");
    assert_eq!(get("ce_datacontenttype"), None, "not duplicated as an attribute: {headers:?}");
    assert_eq!(get("ce_specversion"), Some("1.0"));
    assert_eq!(get("ce_type"), Some("test.interop.seen"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nats_uses_a_stream_another_team_made_for_the_subjects() {
    use evently::transport::{NatsConfig, NatsTransport};
    let namespace = namespace("interopnats");
    let client = async_nats::connect("nats://127.0.0.1:4222").await.expect("this test needs NATS");
    let jetstream = async_nats::jetstream::new(client);
    // Another team's stream, wider than any one topic.
    let foreign = format!("FOREIGN_{}", namespace.trim_end_matches('.'));
    jetstream
        .create_stream(async_nats::jetstream::stream::Config {
            name: foreign.clone(),
            subjects: vec![format!("{namespace}>")],
            ..Default::default()
        })
        .await
        .expect("the foreign stream");
    let transport = NatsTransport::connect(NatsConfig {
        namespace: namespace.clone(),
        ..NatsConfig::default()
    })
    .await
    .expect("NATS");
    let bus = Bus::builder()
        .subscribe::<record>()
        .transport(transport)
        .start()
        .await
        .expect("starts beside it");
    bus.publish(InteropSeen { id: 77 }).await.expect("publish");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !SEEN.lock().expect("lock").iter().any(|(id, ..)| *id == 77) {
        assert!(tokio::time::Instant::now() < deadline, "the event was not handled");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    bus.shutdown().await;
    let holder =
        jetstream.stream_by_subject(format!("{namespace}interop")).await.expect("a stream");
    assert_eq!(holder, foreign, "evently made no stream of its own");
    let mut stream = jetstream.get_stream(&foreign).await.expect("stream");
    assert_eq!(stream.info().await.expect("info").state.messages, 1);
    jetstream.delete_stream(&foreign).await.expect("clean up");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rabbitmq_topology_declared_ahead_keeps_what_is_published_before_the_consumers_start() {
    let namespace = namespace("interoptopo");
    // The consuming service's deployment step: queues, no consumers.
    Bus::builder()
        .subscribe::<record>()
        .transport(rabbit(&namespace).await)
        .declare_topology()
        .await
        .expect("declared");
    // A publisher (here evently; pika would publish to the same exchange and
    // routing key) runs before the consumers ever started.
    let publisher =
        Bus::builder().transport(rabbit(&namespace).await).start().await.expect("publisher");
    publisher.publish(InteropSeen { id: 88 }).await.expect("kept: the queue exists");
    let bus = Bus::builder()
        .subscribe::<record>()
        .transport(rabbit(&namespace).await)
        .start()
        .await
        .expect("starts");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !SEEN.lock().expect("lock").iter().any(|(id, ..)| *id == 88) {
        assert!(tokio::time::Instant::now() < deadline, "the early event was not kept");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    bus.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_amqp_attribute_of_a_type_no_attribute_takes_is_dead_lettered_with_the_reason() {
    let namespace = namespace("interopbad");
    let bus = Bus::builder()
        .subscribe::<record>()
        .dead_letter("interop.dlq")
        .transport(rabbit(&namespace).await)
        .start()
        .await
        .expect("starts");
    // A table where a time belongs: it cannot be mapped, and must not be
    // replaced by the receive time either.
    let table = AMQPValue::FieldTable(FieldTable::default());
    publish_binary_cloudevent(&namespace, "bad-time", table, br#"{"id": 13}"#).await;
    let channel = amqp().await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while bus.stats().dead_lettered < 1 {
        assert!(tokio::time::Instant::now() < deadline, "the message was not dead-lettered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!SEEN.lock().expect("lock").iter().any(|(id, ..)| *id == 13), "not handled");
    bus.shutdown().await;
    let dead = channel
        .basic_get(
            ShortString::from(format!("{namespace}interop.dlq")),
            BasicGetOptions { no_ack: true },
        )
        .await
        .expect("basic.get")
        .expect("the dead letter");
    let error = dead
        .delivery
        .properties
        .headers()
        .as_ref()
        .and_then(|table| match table.inner().get("evently-error") {
            Some(AMQPValue::LongString(text)) => Some(text.to_string()),
            _ => None,
        })
        .unwrap_or_default();
    assert!(error.contains("timestamp"), "the reason names the field: {error}");
}

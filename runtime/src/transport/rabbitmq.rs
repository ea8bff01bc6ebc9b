//! RabbitMQ: a topic exchange, a durable queue per group and topic,
//! persistent messages, publisher confirms, acknowledgement after handling.
//!
//! The connection is re-established when it drops: publishing reconnects and
//! tries once more, and each consumer opens its channel and consumer again.
//! Deliveries that were unacknowledged when the connection dropped are
//! requeued by the broker and delivered again (the idempotency guard absorbs
//! the ones that were already handled). An acknowledgement or a publish that
//! is pending when its channel closes fails instead of waiting for good.

use std::collections::HashSet;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicCancelOptions, BasicConsumeOptions, BasicNackOptions,
    BasicPublishOptions, BasicQosOptions, ConfirmSelectOptions, ExchangeDeclareOptions,
    QueueBindOptions, QueueDeclareOptions,
};
use lapin::tcp::{OwnedIdentity, OwnedTLSConfig};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{
    BasicProperties, Channel, ChannelStatus, Confirmation, Connection, ConnectionProperties,
    Consumer, DefaultConnectionBuilder, ExchangeKind,
};

use crate::tls::TlsConfig;

use super::{
    Ack, Acker, Deliveries, Incoming, OutgoingMessage, Subscription, Transport, TransportError,
    object_name,
};

const BROKER: &str = "RabbitMQ";

/// How often a consumer checks that its channel is still open.
const HEALTH_CHECK: Duration = Duration::from_secs(1);
/// How long a consumer waits before opening again after its connection dropped.
const RECONNECT_DELAY: Duration = Duration::from_millis(500);
/// How often an acknowledgement or a publish that has not finished looks
/// at its channel (see [`while_open`]).
const PENDING_CHECK: Duration = Duration::from_millis(100);

/// How to reach RabbitMQ and name what evently creates there. Its `Debug`
/// output shows the URL without its password, and no inline PEM.
#[derive(Clone)]
pub struct RabbitMqConfig {
    /// The server (`amqp://guest:guest@127.0.0.1:5672/%2f`; `amqps://...`
    /// for TLS, port 5671 by default).
    pub url: String,
    /// TLS settings of an `amqps://` URL: a CA to trust besides the
    /// system's roots, a client certificate. `None` (the default): the
    /// system's roots only.
    pub tls: Option<TlsConfig>,
    /// How many unacknowledged messages each group's consumer may hold.
    pub prefetch_count: u16,
    /// The topic exchange events are published to.
    pub exchange: String,
    /// Put before every exchange, queue and routing key (e.g. `staging.`).
    pub namespace: String,
    /// The name of a group's queue for a topic, with `{group}` and `{topic}`
    /// filled in (after the namespace); default `{group}.{topic}`.
    pub queue_name: String,
    /// How long connecting may take.
    pub connect_timeout: Duration,
}

impl std::fmt::Debug for RabbitMqConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RabbitMqConfig")
            .field("url", &super::redact(&self.url))
            .field("tls", &self.tls)
            .field("prefetch_count", &self.prefetch_count)
            .field("exchange", &self.exchange)
            .field("namespace", &self.namespace)
            .field("queue_name", &self.queue_name)
            .field("connect_timeout", &self.connect_timeout)
            .finish()
    }
}

impl Default for RabbitMqConfig {
    fn default() -> Self {
        Self {
            url: "amqp://guest:guest@127.0.0.1:5672/%2f".to_owned(),
            tls: None,
            prefetch_count: 20,
            exchange: "evently".to_owned(),
            namespace: String::new(),
            queue_name: "{group}.{topic}".to_owned(),
            connect_timeout: Duration::from_secs(5),
        }
    }
}

/// The RabbitMQ transport (feature `rabbitmq`).
pub struct RabbitMqTransport {
    inner: Arc<Inner>,
}

struct Inner {
    config: RabbitMqConfig,
    exchange: String,
    /// The current connection and its publishing channel; replaced when it drops.
    link: tokio::sync::Mutex<Arc<Link>>,
    /// Dead-letter queues declared on the current connection.
    dead_letter_queues: Mutex<HashSet<String>>,
    /// Channels of stopped consumers, open as long as the transport: closing
    /// one would requeue what the lanes are still handling.
    stopped_channels: Mutex<Vec<Channel>>,
}

struct Link {
    connection: Connection,
    publisher: Channel,
}

impl std::fmt::Debug for RabbitMqTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RabbitMqTransport")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// lapin's TLS settings for `tls`, its files read and checked here so a
/// bad one is named; lapin adds the CA to the system's roots.
fn tls_config(tls: Option<&TlsConfig>) -> Result<OwnedTLSConfig, TransportError> {
    let Some(tls) = tls else { return Ok(OwnedTLSConfig::default()) };
    let loaded = tls.load().map_err(|source| TransportError::Tls { broker: BROKER, source })?;
    Ok(OwnedTLSConfig {
        identity: loaded.client.map(|client| OwnedIdentity::PKCS8 {
            pem: client.certificate_pem,
            key: client.key_pem,
        }),
        // Checked to be PEM certificates, so UTF-8.
        cert_chain: loaded.ca.map(|(pem, _)| String::from_utf8_lossy(&pem).into_owned()),
    })
}

fn broker(error: lapin::Error) -> TransportError {
    TransportError::Broker { broker: BROKER, source: Box::new(error) }
}

/// An AMQP short string (exchange, queue, routing key, consumer tag, header
/// name): at most 255 bytes, refused here rather than by the broker.
fn short(text: &str) -> Result<ShortString, TransportError> {
    ShortString::try_new(text)
        .map_err(|error| TransportError::Broker { broker: BROKER, source: Box::new(error) })
}

fn any_char(_: char) -> bool {
    true
}

impl RabbitMqTransport {
    /// Connects, failing within `connect_timeout` with an error naming the address.
    pub async fn connect(config: RabbitMqConfig) -> Result<Self, TransportError> {
        if config.prefetch_count == 0 {
            return Err(TransportError::Config {
                broker: BROKER,
                setting: "prefetch_count",
                reason: "must be at least 1".into(),
            });
        }
        if config.tls.is_some() && !config.url.starts_with("amqps://") {
            return Err(TransportError::Config {
                broker: BROKER,
                setting: "tls",
                reason: "TLS settings need an `amqps://` URL".into(),
            });
        }
        let exchange = object_name(&config.namespace, &config.exchange, any_char);
        let link = Inner::open(&config, &exchange).await?;
        let inner = Inner {
            config,
            exchange,
            link: tokio::sync::Mutex::new(Arc::new(link)),
            dead_letter_queues: Mutex::new(HashSet::new()),
            stopped_channels: Mutex::new(Vec::new()),
        };
        Ok(Self { inner: Arc::new(inner) })
    }
}

impl Inner {
    /// A new connection, with the exchange declared and a confirming publisher channel.
    async fn open(config: &RabbitMqConfig, exchange: &str) -> Result<Link, TransportError> {
        let address = super::redact(&config.url);
        let unreachable = |reason: String| TransportError::Unreachable {
            broker: BROKER,
            address: address.clone(),
            reason,
        };
        // lapin runs on the tokio runtime it is called from (its `tokio`
        // feature). Automatic recovery stays off: `link` and `consume` open
        // the connection, channels and consumers again themselves.
        let connecting = DefaultConnectionBuilder::new()
            .map_err(broker)?
            .with_uri_str(config.url.clone())
            .with_properties(ConnectionProperties::default())
            .with_tls_config(tls_config(config.tls.as_ref())?);
        let connection = tokio::time::timeout(config.connect_timeout, connecting.connect())
            .await
            .map_err(|_| unreachable(format!("no answer within {:?}", config.connect_timeout)))?
            .map_err(|error| unreachable(error.to_string()))?;
        let publisher = connection.create_channel().await.map_err(broker)?;
        publisher.confirm_select(ConfirmSelectOptions::default()).await.map_err(broker)?;
        publisher
            .exchange_declare(
                short(exchange)?,
                ExchangeKind::Topic,
                ExchangeDeclareOptions { durable: true, ..Default::default() },
                FieldTable::default(),
            )
            .await
            .map_err(broker)?;
        Ok(Link { connection, publisher })
    }

    /// The current link, opened again if its connection dropped.
    async fn link(&self) -> Result<Arc<Link>, TransportError> {
        let mut link = self.link.lock().await;
        if !link.connection.status().connected() || !link.publisher.status().connected() {
            tracing::warn!(address = %super::redact(&self.config.url), "RabbitMQ connection lost; reconnecting");
            // Boxed: every publish's future would otherwise hold room for
            // this rare one.
            let opened = tokio::time::timeout(
                2 * self.config.connect_timeout,
                Box::pin(Inner::open(&self.config, &self.exchange)),
            )
            .await
            .map_err(|_| TransportError::Unreachable {
                broker: BROKER,
                address: super::redact(&self.config.url),
                reason: format!("no answer within {:?}", 2 * self.config.connect_timeout),
            })??;
            *link = Arc::new(opened);
            self.dead_letter_queues.lock().unwrap_or_else(|p| p.into_inner()).clear();
        }
        Ok(Arc::clone(&link))
    }

    fn routing_key(&self, topic: &str) -> String {
        format!("{}{topic}", self.config.namespace)
    }

    async fn publish_once(
        &self,
        exchange: &str,
        routing_key: &str,
        message: &OutgoingMessage<'_>,
    ) -> Result<(), TransportError> {
        let link = self.link().await?;
        if exchange.is_empty() {
            // A dead letter: into a durable queue named after the destination.
            let known = self
                .dead_letter_queues
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(routing_key);
            if !known {
                link.publisher
                    .queue_declare(
                        short(routing_key)?,
                        QueueDeclareOptions { durable: true, ..Default::default() },
                        FieldTable::default(),
                    )
                    .await
                    .map_err(broker)?;
                self.dead_letter_queues
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(routing_key.to_owned());
            }
        }
        let mut headers = FieldTable::default();
        for (name, value) in &message.headers {
            if !name.eq_ignore_ascii_case(super::CONTENT_TYPE) {
                headers
                    .insert(short(name)?, AMQPValue::LongString(LongString::from(value.as_str())));
            }
        }
        let mut properties = BasicProperties::default();
        if let Some(id) = message.id {
            properties = properties.with_message_id(short(&id.to_string())?);
        }
        let properties = properties
            .with_delivery_mode(2)
            .with_content_type(short(message.content_type)?)
            .with_headers(headers);
        let (exchange, routing) = (short(exchange)?, short(routing_key)?);
        let publish = async {
            link.publisher
                .basic_publish(
                    exchange,
                    routing,
                    // Mandatory: a message no queue takes comes back and is
                    // an error, instead of being dropped by the exchange.
                    BasicPublishOptions { mandatory: true, ..BasicPublishOptions::default() },
                    &message.payload,
                    properties,
                )
                .await?
                .await
        };
        let confirmation = while_open(link.publisher.status(), pin!(publish)).await.map_err(
            |error| match error {
                Pending::Failed(error) => broker(error),
                Pending::ChannelClosed => TransportError::Broker {
                    broker: BROKER,
                    source: format!(
                        "the connection dropped before the broker confirmed a message for `{routing_key}`"
                    )
                    .into(),
                },
            },
        )?;
        match confirmation {
            Confirmation::Ack(Some(_)) => Err(TransportError::Unroutable {
                broker: BROKER,
                destination: routing_key.to_owned(),
            }),
            Confirmation::Ack(None) | Confirmation::NotRequested => Ok(()),
            Confirmation::Nack(_) => Err(TransportError::Broker {
                broker: BROKER,
                source: format!("the broker refused a message for `{routing_key}`").into(),
            }),
        }
    }

    /// Publishes; a send that fails because the connection dropped is tried
    /// once more on a new connection.
    async fn send(
        &self,
        exchange: &str,
        routing_key: &str,
        message: OutgoingMessage<'_>,
    ) -> Result<(), TransportError> {
        match self.publish_once(exchange, routing_key, &message).await {
            Err(TransportError::Broker { .. })
                if !self.link.lock().await.connection.status().connected() =>
            {
                self.publish_once(exchange, routing_key, &message).await
            }
            result => result,
        }
    }

    /// A channel consuming `group`'s queue for `topic`.
    /// The queue of `group` for `topic`.
    fn queue(&self, group: &str, topic: &str) -> String {
        let name = self.config.queue_name.replace("{group}", group).replace("{topic}", topic);
        object_name(&self.config.namespace, &name, any_char)
    }

    async fn open_consumer(
        &self,
        group: &str,
        topic: &str,
        tag: &str,
    ) -> Result<(Channel, Consumer), TransportError> {
        let link = self.link().await?;
        let channel = link.connection.create_channel().await.map_err(broker)?;
        channel
            .basic_qos(self.config.prefetch_count, BasicQosOptions::default())
            .await
            .map_err(broker)?;
        let queue = self.declare_queue(&channel, group, topic).await?;
        let consumer = channel
            .basic_consume(
                queue,
                short(tag)?,
                BasicConsumeOptions::default(),
                FieldTable::default(),
            )
            .await
            .map_err(broker)?;
        Ok((channel, consumer))
    }

    /// Declares `group`'s durable queue for `topic` and binds it to the
    /// exchange with the topic's routing key; returns its name.
    async fn declare_queue(
        &self,
        channel: &Channel,
        group: &str,
        topic: &str,
    ) -> Result<ShortString, TransportError> {
        let queue = short(&self.queue(group, topic))?;
        channel
            .queue_declare(
                queue.clone(),
                QueueDeclareOptions { durable: true, ..Default::default() },
                FieldTable::default(),
            )
            .await
            .map_err(broker)?;
        channel
            .queue_bind(
                queue.clone(),
                short(&self.exchange)?,
                short(&self.routing_key(topic))?,
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await
            .map_err(broker)?;
        Ok(queue)
    }

    /// Consumes `group`'s queue for `topic` into `sender` until the bus stops,
    /// opening the consumer again whenever the connection drops.
    async fn consume(
        self: Arc<Self>,
        group: String,
        topic: &'static str,
        mut current: (Channel, Consumer),
        deliveries: Deliveries,
    ) {
        let tag = format!("evently.{group}.{topic}");
        let queue = self.queue(&group, topic);
        // The consumer's stream does not always end when the server closes
        // the connection (a broker restart): the channel's state is looked
        // at every second as well.
        let mut health = tokio::time::interval(HEALTH_CHECK);
        let mut closed = pin!(deliveries.closed());
        let mut held = None;
        loop {
            let (channel, consumer) = &mut current;
            let stopped = loop {
                let delivery = tokio::select! {
                    () = &mut closed => break true,
                    delivery = consumer.next() => delivery,
                    _ = health.tick() => {
                        if channel.status().connected() {
                            continue;
                        }
                        break false;
                    }
                };
                let delivery = match delivery {
                    Some(Ok(delivery)) => delivery,
                    None | Some(Err(_)) => break false,
                };
                let mut headers: Vec<(String, String)> = delivery
                    .properties
                    .headers()
                    .as_ref()
                    .map(|table| {
                        table
                            .inner()
                            .iter()
                            .map(|(name, value)| (name.to_string(), header_text(value)))
                            .collect()
                    })
                    .unwrap_or_default();
                if let Some(content_type) = delivery.properties.content_type() {
                    headers.push((super::CONTENT_TYPE.to_owned(), content_type.to_string()));
                }
                let incoming = Incoming {
                    topic,
                    payload: delivery.data,
                    headers,
                    // The queue and the message's id identify it on the
                    // broker (the delivery tag only within this channel).
                    origin: match delivery.properties.message_id() {
                        Some(id) => format!("{queue}#{id}"),
                        None => format!("{queue}#delivery-{}", delivery.delivery_tag),
                    },
                    ack: Acker::new(RabbitAck {
                        acker: delivery.acker,
                        channel: channel.status().clone(),
                    }),
                };
                if let Err(unsent) = deliveries.send(incoming).await {
                    held = Some(unsent);
                    break true;
                }
            };
            if stopped {
                // Stop the deliveries and requeue what the client holds, so
                // other members get it now. Requeued only once the consumer
                // is cancelled: before, the broker could hand it straight
                // back (a delivery more, counted against a quorum queue's
                // delivery limit).
                let cancel = channel.basic_cancel(consumer.tag(), BasicCancelOptions::default());
                let _ = while_open(channel.status(), pin!(cancel)).await;
                if let Some(held) = held.take() {
                    let _ = held.ack.release().await;
                }
                while let Ok(Some(Ok(delivery))) =
                    tokio::time::timeout(Duration::from_millis(100), consumer.next()).await
                {
                    let requeue = BasicNackOptions { requeue: true, ..Default::default() };
                    let _ = while_open(channel.status(), pin!(delivery.acker.nack(requeue))).await;
                }
                self.stopped_channels
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(current.0.clone());
                return;
            }
            tracing::warn!(%group, topic, "RabbitMQ consumer lost its connection; opening it again");
            current = loop {
                if deliveries.is_closed() {
                    tracing::debug!(%group, topic, "the bus stopped consuming; the RabbitMQ consumer is not reopened");
                    return;
                }
                tokio::time::sleep(RECONNECT_DELAY).await;
                // A broker that is starting may accept the connection and
                // then not answer: each attempt is bounded.
                let attempt = tokio::time::timeout(
                    2 * self.config.connect_timeout,
                    self.open_consumer(&group, topic, &tag),
                );
                match attempt.await {
                    Ok(Ok(opened)) => {
                        tracing::info!(%group, topic, "RabbitMQ consumer reopened");
                        break opened;
                    }
                    Ok(Err(error)) => {
                        tracing::warn!(%error, %group, topic, "RabbitMQ consumer cannot reopen yet")
                    }
                    Err(_) => tracing::warn!(
                        %group,
                        topic,
                        "RabbitMQ did not answer while the consumer reopened; trying again"
                    ),
                }
            };
        }
    }
}

/// A header's value as text, from whichever AMQP type a sender used (the
/// CloudEvents AMQP binding lets attributes travel as native types: a
/// timestamp for `time`, integers, booleans). A value no attribute can take
/// (a table, an array, bytes) keeps a description, so decoding the
/// attribute fails with a reason instead of it being dropped silently.
fn header_text(value: &AMQPValue) -> String {
    match value {
        AMQPValue::LongString(text) => text.to_string(),
        AMQPValue::ShortString(text) => text.to_string(),
        AMQPValue::Boolean(flag) => flag.to_string(),
        AMQPValue::ShortShortInt(n) => n.to_string(),
        AMQPValue::ShortShortUInt(n) => n.to_string(),
        AMQPValue::ShortInt(n) => n.to_string(),
        AMQPValue::ShortUInt(n) => n.to_string(),
        AMQPValue::LongInt(n) => n.to_string(),
        AMQPValue::LongUInt(n) => n.to_string(),
        AMQPValue::LongLongInt(n) => n.to_string(),
        AMQPValue::Float(n) => n.to_string(),
        AMQPValue::Double(n) => n.to_string(),
        // AMQP timestamps are whole seconds since the Unix epoch.
        AMQPValue::Timestamp(seconds) => {
            crate::timestamp::from_unix_nanos(i128::from(*seconds) * 1_000_000_000)
                .and_then(crate::timestamp::format)
                .unwrap_or_else(|| format!("(an AMQP timestamp out of range: {seconds})"))
        }
        other => format!("(an AMQP value that is not text: {other:?})"),
    }
}

/// Why a channel operation did not finish.
enum Pending {
    /// lapin reported an error.
    Failed(lapin::Error),
    /// The channel closed while the operation was pending.
    ChannelClosed,
}

/// Runs a channel operation until it finishes or the channel is no longer
/// open, whichever comes first.
///
/// lapin can leave an operation pending forever when it is issued as the
/// connection drops: an acknowledgement queued behind the connection's
/// shutdown is neither sent nor failed (the command waits in a queue nobody
/// reads any more). A lane awaiting it would stop its group's consumption
/// for good, so the channel's state is looked at meanwhile: once it is not
/// open, the broker has requeued the channel's unacknowledged messages and
/// no confirm can come, whatever lapin still holds.
///
/// The operation is pinned by the caller: moved in, it would take its size
/// twice in this future (once as it came, once inside `select!`), and
/// lapin's publish is about a kilobyte.
async fn while_open<T>(
    channel: &ChannelStatus,
    operation: Pin<&mut impl Future<Output = lapin::Result<T>>>,
) -> Result<T, Pending> {
    let closed = async {
        loop {
            tokio::time::sleep(PENDING_CHECK).await;
            if !channel.connected() {
                break;
            }
        }
    };
    tokio::select! {
        biased;
        result = operation => result.map_err(Pending::Failed),
        () = closed => {
            tracing::debug!("a RabbitMQ operation was still pending when its channel closed; it is given up");
            Err(Pending::ChannelClosed)
        }
    }
}

/// A delivery's acknowledgement, with the state of the channel it came on.
struct RabbitAck {
    acker: lapin::Acker,
    channel: ChannelStatus,
}

/// lapin answers `false` instead of sending an ack or nack when the channel
/// the delivery came on is gone: the broker requeued the message already.
fn settled(sent: Result<bool, Pending>) -> Result<(), TransportError> {
    match sent {
        Ok(true) => Ok(()),
        Ok(false) => Err(TransportError::Broker {
            broker: BROKER,
            source: "the channel the message came on is closed; the broker delivers it again"
                .into(),
        }),
        Err(Pending::ChannelClosed) => Err(TransportError::Broker {
            broker: BROKER,
            source: "the channel the message came on closed before the acknowledgement went \
                     out; the broker delivers it again"
                .into(),
        }),
        Err(Pending::Failed(error)) => Err(broker(error)),
    }
}

impl Ack for RabbitAck {
    async fn ack(self) -> Result<(), TransportError> {
        settled(while_open(&self.channel, pin!(self.acker.ack(BasicAckOptions::default()))).await)
    }

    async fn release(self) -> Result<(), TransportError> {
        let requeue = BasicNackOptions { requeue: true, ..Default::default() };
        settled(while_open(&self.channel, pin!(self.acker.nack(requeue))).await)
    }
}

impl Transport for RabbitMqTransport {
    fn name(&self) -> &'static str {
        BROKER
    }

    /// The CloudEvents AMQP binding allows `cloudEvents_` and
    /// `cloudEvents:` and prefers `_`, which the SDKs send; evently sends
    /// `_` and reads both.
    fn cloudevents_prefix(&self) -> &'static str {
        "cloudEvents_"
    }

    async fn publish(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        let routing_key = self.inner.routing_key(message.topic);
        self.inner.send(&self.inner.exchange, &routing_key, message).await
    }

    async fn dead_letter(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        let queue = object_name(&self.inner.config.namespace, message.topic, any_char);
        self.inner.send("", &queue, message).await
    }

    async fn declare(&self, subscription: Subscription<'_>) -> Result<(), TransportError> {
        let link = self.inner.link().await?;
        let channel = link.connection.create_channel().await.map_err(broker)?;
        for topic in subscription.topics {
            self.inner.declare_queue(&channel, subscription.group, topic).await?;
        }
        let _ = channel.close(200, "declared".into()).await;
        Ok(())
    }

    async fn subscribe(
        &self,
        subscription: Subscription<'_>,
        deliveries: Deliveries,
    ) -> Result<(), TransportError> {
        // A queue receives what is published after it is declared, so
        // `StartPosition` has nothing to choose on RabbitMQ.
        let Subscription { group, topics, .. } = subscription;
        for topic in topics {
            let tag = format!("evently.{group}.{topic}");
            let opened = self.inner.open_consumer(group, topic, &tag).await?;
            tokio::spawn(Arc::clone(&self.inner).consume(
                group.to_owned(),
                topic,
                opened,
                deliveries.clone(),
            ));
        }
        Ok(())
    }
}

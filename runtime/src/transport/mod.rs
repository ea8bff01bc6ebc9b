//! Transports: how a bus reaches other processes.
//!
//! The in-process bus delivers to its own lanes. A bus built with a
//! [`Transport`] publishes through a broker instead, and consumes: one
//! subscription per consumer group, whose messages are decoded and handed to
//! the same lanes (retries, per-key order, idempotency guard). A message is
//! acknowledged only after every subscriber of the group handled it or it
//! reached its dead-letter destination.
//!
//! Transports behind cargo features: `KafkaTransport` (`kafka`),
//! `NatsTransport` (`nats`, JetStream) and `RabbitMqTransport` (`rabbitmq`).

#[cfg(feature = "kafka")]
mod kafka;
#[cfg(feature = "nats")]
mod nats;
#[cfg(feature = "rabbitmq")]
mod rabbitmq;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::mpsc;

use crate::util::BoxError;
pub use crate::util::BoxFuture;

#[cfg(feature = "kafka")]
pub use kafka::{KafkaConfig, KafkaTransport};
#[cfg(feature = "nats")]
pub use nats::{NatsConfig, NatsTransport};
#[cfg(feature = "rabbitmq")]
pub use rabbitmq::{RabbitMqConfig, RabbitMqTransport};

/// Header names evently sets on dead letters.
pub mod headers {
    /// The last error, with its sources.
    pub const ERROR: &str = "evently-error";
    /// How many attempts were made.
    pub const ATTEMPTS: &str = "evently-attempts";
    /// The subscriber that failed.
    pub const SUBSCRIBER: &str = "evently-subscriber";
    /// The consumer group.
    pub const GROUP: &str = "evently-group";
    /// Where the message came from (topic, stream sequence, queue).
    pub const ORIGIN: &str = "evently-origin";
}

/// A message to send: a published event or a dead letter.
#[derive(Debug, Clone)]
pub struct OutgoingMessage<'a> {
    /// Where it goes (topic, subject, routing key or dead-letter destination).
    pub topic: &'a str,
    /// The partition/ordering key.
    pub key: Option<&'a str>,
    /// The encoded envelope.
    pub payload: Vec<u8>,
    /// Headers (dead-letter reasons, CloudEvents attributes).
    pub headers: Vec<(String, String)>,
}

/// Where a consumer group that is new to the broker starts reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum StartPosition {
    /// From the oldest message the broker keeps (the default): a new
    /// service sees what was published before it first started.
    #[default]
    Earliest,
    /// From messages published after the group's first subscription.
    Latest,
}

/// What a consumer group subscribes to.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Subscription<'a> {
    /// The consumer group: each message is delivered to one member.
    pub group: &'a str,
    /// The topics its subscribers consume.
    pub topics: &'a [&'static str],
    /// Where the group starts if the broker does not know it yet.
    pub start: StartPosition,
}

impl<'a> Subscription<'a> {
    /// `group` consuming `topics`, from [`StartPosition::Earliest`] if the
    /// broker does not know the group yet.
    pub fn new(group: &'a str, topics: &'a [&'static str]) -> Self {
        Self { group, topics, start: StartPosition::default() }
    }

    /// Where the group starts if the broker does not know it yet.
    pub fn start(mut self, start: StartPosition) -> Self {
        self.start = start;
        self
    }
}

/// A message a subscription received, to acknowledge once handled.
pub struct Incoming {
    /// The topic it was consumed from, as the subscription named it.
    pub topic: &'static str,
    /// The encoded envelope, as received.
    pub payload: Vec<u8>,
    /// Its headers.
    pub headers: Vec<(String, String)>,
    /// Where it came from (for dead-letter headers and logs).
    pub origin: String,
    /// Acknowledges it to the broker.
    pub ack: Box<dyn Ack>,
}

impl std::fmt::Debug for Incoming {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Incoming")
            .field("origin", &self.origin)
            .field("bytes", &self.payload.len())
            .finish()
    }
}

/// Acknowledges one received message.
pub trait Ack: Send + Sync + 'static {
    /// Tells the broker the message is done with.
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>>;
    /// Gives the message back for redelivery now (it was taken but not
    /// handled, because the consumer is stopping).
    fn release(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>>;
}

/// A broker connection a [`Bus`](crate::Bus) publishes and consumes through.
pub trait Transport: Send + Sync + 'static {
    /// The broker's name, for messages (`NATS JetStream`, `RabbitMQ`).
    fn name(&self) -> &'static str;

    /// The prefix of CloudEvents attribute headers in binary mode on this
    /// broker (`ce_` for Kafka, `cloudEvents:` for AMQP, `ce-` for NATS).
    fn cloudevents_prefix(&self) -> &'static str {
        "ce_"
    }

    /// Publishes a message and waits for the broker to confirm it.
    fn publish<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>>;

    /// Starts consuming the subscription's topics as its consumer group:
    /// each message is delivered to one member of the group.
    fn subscribe<'a>(
        &'a self,
        subscription: Subscription<'a>,
    ) -> BoxFuture<'a, Result<mpsc::Receiver<Incoming>, TransportError>>;

    /// Sends a message to a dead-letter destination and waits for the broker
    /// to confirm it.
    fn dead_letter<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>>;
}

/// A transport chosen at run time.
impl Transport for Box<dyn Transport> {
    fn name(&self) -> &'static str {
        (**self).name()
    }
    fn cloudevents_prefix(&self) -> &'static str {
        (**self).cloudevents_prefix()
    }
    fn publish<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        (**self).publish(message)
    }
    fn subscribe<'a>(
        &'a self,
        subscription: Subscription<'a>,
    ) -> BoxFuture<'a, Result<mpsc::Receiver<Incoming>, TransportError>> {
        (**self).subscribe(subscription)
    }
    fn dead_letter<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        (**self).dead_letter(message)
    }
}

/// Why a transport operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// The broker cannot be reached.
    #[error("{broker} at {address} is unreachable: {reason}")]
    Unreachable {
        /// The broker.
        broker: &'static str,
        /// Where it was looked for.
        address: String,
        /// What the client reported.
        reason: String,
    },
    /// A setting cannot work.
    #[error("invalid {broker} setting `{setting}`: {reason}")]
    Config {
        /// The broker.
        broker: &'static str,
        /// The setting at fault.
        setting: &'static str,
        /// Why.
        reason: String,
    },
    /// The broker refused or failed an operation.
    #[error("{broker} failed")]
    Broker {
        /// The broker.
        broker: &'static str,
        /// What the client reported.
        #[source]
        source: BoxError,
    },
}

/// What the lanes hold for a broker message: acknowledged when the last
/// subscriber of the group is done with it.
pub(crate) struct Receipt {
    remaining: AtomicUsize,
    ack: Mutex<Option<Box<dyn Ack>>>,
    origin: String,
}

impl std::fmt::Debug for Receipt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receipt")
            .field("remaining", &self.remaining.load(Ordering::Relaxed))
            .finish()
    }
}

impl Receipt {
    pub(crate) fn new(subscribers: usize, ack: Box<dyn Ack>, origin: String) -> Self {
        Self { remaining: AtomicUsize::new(subscribers), ack: Mutex::new(Some(ack)), origin }
    }

    /// Where the message came from.
    pub(crate) fn origin(&self) -> &str {
        &self.origin
    }

    /// One subscriber is done; the last one acknowledges.
    pub(crate) async fn settle(&self) {
        if self.remaining.fetch_sub(1, Ordering::AcqRel) != 1 {
            return;
        }
        let ack = self.ack.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        if let Some(ack) = ack
            && let Err(error) = ack.ack().await
        {
            // The broker redelivers it; the idempotency guard absorbs the copy.
            tracing::warn!(%error, "could not acknowledge a handled message");
        }
    }
}

/// Names for broker objects: `namespace` + `name`, with characters the
/// broker refuses replaced by `_`.
#[cfg(any(feature = "nats", feature = "rabbitmq"))]
pub(crate) fn object_name(namespace: &str, name: &str, allowed: impl Fn(char) -> bool) -> String {
    format!("{namespace}{name}").chars().map(|c| if allowed(c) { c } else { '_' }).collect()
}

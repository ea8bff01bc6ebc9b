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

use crate::util::BoxError;
use std::future::Future;

use crate::util::BoxFuture;

pub use crate::consume::Deliveries;
#[cfg(feature = "kafka")]
pub use kafka::{KafkaConfig, KafkaTransport};
#[cfg(feature = "nats")]
pub use nats::{NatsConfig, NatsTransport, StreamLayout};
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

/// The header a received message's media type is reported in, whatever
/// the broker calls it (an AMQP property, a Kafka or NATS header); matched
/// without regard to case.
pub const CONTENT_TYPE: &str = "content-type";

/// A message to send: a published event or a dead letter.
#[derive(Debug, Clone)]
pub struct OutgoingMessage<'a> {
    /// Where it goes (topic, subject, routing key or dead-letter destination).
    pub topic: &'a str,
    /// The partition/ordering key.
    pub key: Option<&'a str>,
    /// The message's id where the broker has a place for one (the AMQP
    /// `message_id` property): the envelope id.
    pub id: Option<uuid::Uuid>,
    /// The encoded envelope.
    pub payload: Vec<u8>,
    /// The body's media type, sent the broker's native way (the AMQP
    /// `content_type` property, a `content-type` header on Kafka,
    /// `Content-Type` on NATS): `application/json`, or
    /// `application/cloudevents+json` for a structured CloudEvent.
    pub content_type: &'a str,
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
    /// Acknowledges it to the broker, or gives it back.
    pub ack: Acker,
}

impl std::fmt::Debug for Incoming {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Incoming")
            .field("origin", &self.origin)
            .field("bytes", &self.payload.len())
            .finish()
    }
}

/// Acknowledges one received message; implemented by each transport.
pub trait Ack: Send + Sync + 'static {
    /// Tells the broker the message is done with.
    fn ack(self) -> impl Future<Output = Result<(), TransportError>> + Send;
    /// Gives the message back for redelivery now (it was taken but not
    /// handled, because the consumer is stopping).
    fn release(self) -> impl Future<Output = Result<(), TransportError>> + Send;
}

/// [`Ack`] with boxed futures, so [`Acker`] can hold any transport's.
trait DynAck: Send + Sync {
    fn ack_boxed(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>>;
    fn release_boxed(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>>;
}

impl<A: Ack> DynAck for A {
    fn ack_boxed(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        Box::pin((*self).ack())
    }
    fn release_boxed(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        Box::pin((*self).release())
    }
}

/// The acknowledgement of one received message, whatever its broker.
pub struct Acker(Box<dyn DynAck>);

impl Acker {
    /// Wraps a transport's [`Ack`].
    pub fn new(ack: impl Ack) -> Self {
        Self(Box::new(ack))
    }

    /// Tells the broker the message is done with.
    pub async fn ack(self) -> Result<(), TransportError> {
        self.0.ack_boxed().await
    }

    /// Gives the message back for redelivery now.
    pub async fn release(self) -> Result<(), TransportError> {
        self.0.release_boxed().await
    }
}

impl std::fmt::Debug for Acker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Acker")
    }
}

/// A broker connection a [`Bus`](crate::Bus) publishes and consumes through.
///
/// Implement the methods as `async fn` (every async trait of evently is
/// written this way); [`BoxTransport`] holds a transport chosen at run time.
pub trait Transport: Send + Sync + 'static {
    /// The broker's name, for messages (`NATS JetStream`, `RabbitMQ`).
    fn name(&self) -> &'static str;

    /// The prefix of CloudEvents attribute headers in binary mode on this
    /// broker (`ce_` for Kafka, `cloudEvents_` for AMQP, `ce-` for NATS).
    fn cloudevents_prefix(&self) -> &'static str {
        "ce_"
    }

    /// Publishes a message and waits for the broker to confirm it.
    fn publish(
        &self,
        message: OutgoingMessage<'_>,
    ) -> impl Future<Output = Result<(), TransportError>> + Send;

    /// Starts consuming the subscription's topics as its consumer group
    /// (each message is delivered to one member of the group), in tasks of
    /// the transport's own that hand each message to
    /// [`deliveries`](Deliveries::send) and stop once it is
    /// [closed](Deliveries::closed), giving back to the broker what they
    /// received and did not hand over.
    fn subscribe(
        &self,
        subscription: Subscription<'_>,
        deliveries: Deliveries,
    ) -> impl Future<Output = Result<(), TransportError>> + Send;

    /// Sends a message to a dead-letter destination and waits for the broker
    /// to confirm it.
    fn dead_letter(
        &self,
        message: OutgoingMessage<'_>,
    ) -> impl Future<Output = Result<(), TransportError>> + Send;

    /// Finishes what the subscriptions still do after their receivers are
    /// dropped (Kafka's last commit, say); the bus's `shutdown` awaits it.
    fn close(&self) -> impl Future<Output = ()> + Send {
        async {}
    }

    /// Declares what the subscription consumes from, without consuming, so
    /// that what is published before its first start is kept (RabbitMQ:
    /// the group's queues; Kafka: the topics; NATS: the streams).
    fn declare(
        &self,
        subscription: Subscription<'_>,
    ) -> impl Future<Output = Result<(), TransportError>> + Send {
        let _ = subscription;
        async { Ok(()) }
    }
}

/// [`Transport`] with boxed futures, so a bus can hold any transport.
pub(crate) trait DynTransport: Send + Sync {
    fn name(&self) -> &'static str;
    fn cloudevents_prefix(&self) -> &'static str;
    fn publish_boxed<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>>;
    fn subscribe_boxed<'a>(
        &'a self,
        subscription: Subscription<'a>,
        deliveries: Deliveries,
    ) -> BoxFuture<'a, Result<(), TransportError>>;
    fn dead_letter_boxed<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>>;
    fn close_boxed(&self) -> BoxFuture<'_, ()>;
    fn declare_boxed<'a>(
        &'a self,
        subscription: Subscription<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>>;
}

impl<T: Transport> DynTransport for T {
    fn name(&self) -> &'static str {
        Transport::name(self)
    }
    fn cloudevents_prefix(&self) -> &'static str {
        Transport::cloudevents_prefix(self)
    }
    fn publish_boxed<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(self.publish(message))
    }
    fn subscribe_boxed<'a>(
        &'a self,
        subscription: Subscription<'a>,
        deliveries: Deliveries,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(self.subscribe(subscription, deliveries))
    }
    fn dead_letter_boxed<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(self.dead_letter(message))
    }
    fn close_boxed(&self) -> BoxFuture<'_, ()> {
        Box::pin(self.close())
    }
    fn declare_boxed<'a>(
        &'a self,
        subscription: Subscription<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(self.declare(subscription))
    }
}

/// A transport chosen at run time (Kafka in one deployment, NATS in another).
pub struct BoxTransport(std::sync::Arc<dyn DynTransport>);

impl BoxTransport {
    /// Boxes a transport.
    pub fn new(transport: impl Transport) -> Self {
        Self(std::sync::Arc::new(transport))
    }
}

impl std::fmt::Debug for BoxTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("BoxTransport").field(&self.0.name()).finish()
    }
}

impl Transport for BoxTransport {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn cloudevents_prefix(&self) -> &'static str {
        self.0.cloudevents_prefix()
    }
    async fn publish(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        self.0.publish_boxed(message).await
    }
    async fn subscribe(
        &self,
        subscription: Subscription<'_>,
        deliveries: Deliveries,
    ) -> Result<(), TransportError> {
        self.0.subscribe_boxed(subscription, deliveries).await
    }
    async fn dead_letter(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        self.0.dead_letter_boxed(message).await
    }
    async fn close(&self) {
        self.0.close_boxed().await;
    }
    async fn declare(&self, subscription: Subscription<'_>) -> Result<(), TransportError> {
        self.0.declare_boxed(subscription).await
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
    /// The broker took the message but no queue receives it (RabbitMQ: no
    /// consumer group has declared its queue for the topic yet); nothing
    /// was stored.
    #[error(
        "{broker} has no queue for `{destination}`: the message was not stored; start a subscriber of this topic (its group's queue is declared when it subscribes) before publishing"
    )]
    Unroutable {
        /// The broker.
        broker: &'static str,
        /// The routing key or destination.
        destination: String,
    },
    /// The TLS settings cannot be used (a CA file that cannot be read, a
    /// key that is not PEM).
    #[cfg(any(feature = "nats", feature = "rabbitmq"))]
    #[error("invalid {broker} TLS settings")]
    Tls {
        /// The broker.
        broker: &'static str,
        /// What is wrong.
        #[source]
        source: crate::tls::TlsError,
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
    ack: Mutex<Option<Acker>>,
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
    pub(crate) fn new(subscribers: usize, ack: Acker, origin: String) -> Self {
        Self { remaining: AtomicUsize::new(subscribers), ack: Mutex::new(Some(ack)), origin }
    }

    /// Where the message came from.
    pub(crate) fn origin(&self) -> &str {
        &self.origin
    }

    /// One subscriber is done; the last one acknowledges.
    pub(crate) async fn settle(&self) {
        if let Some(ack) = self.done() {
            acknowledge(ack).await;
        }
    }

    /// One subscriber is done; the last one gets the acknowledgement to make.
    pub(crate) fn done(&self) -> Option<Acker> {
        if self.remaining.fetch_sub(1, Ordering::AcqRel) != 1 {
            return None;
        }
        self.ack.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take()
    }

    /// Gives the message back to the broker now, for it to be delivered
    /// again (its dead letter could not be sent); later settles do nothing.
    /// On Kafka, which has no per-message return, the offset stays
    /// uncommitted and is read again by the partition's next owner.
    pub(crate) async fn give_back(&self) {
        let ack = self.ack.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        if let Some(ack) = ack
            && let Err(error) = ack.release().await
        {
            tracing::warn!(%error, origin = %self.origin, "could not give a message back");
        }
    }
}

/// Acknowledges a handled message; a failure is logged.
pub(crate) async fn acknowledge(ack: Acker) {
    acknowledged(ack.ack().await);
}

/// Acknowledges a handled message without waiting: what can be done at once
/// is (an acknowledgement only written to the client's buffer); one that
/// waits for the broker (NATS confirms each) goes on in a task of its own,
/// and `done` runs once it has finished, either way.
pub(crate) fn acknowledge_in_background(ack: Acker, done: impl FnOnce() + Send + 'static) {
    let mut acking = ack.0.ack_boxed();
    // The task polls it again, with its own waker, if it is not done now.
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match acking.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(result) => {
            acknowledged(result);
            done();
        }
        std::task::Poll::Pending => {
            tokio::spawn(async move {
                acknowledged(acking.await);
                done();
            });
        }
    }
}

fn acknowledged(result: Result<(), TransportError>) {
    if let Err(error) = result {
        // The broker redelivers it; the idempotency guard absorbs the copy.
        tracing::warn!(%error, "could not acknowledge a handled message");
    }
}

/// A URL with its password replaced by `***`, for messages, logs and
/// `Debug` output: `amqp://guest:***@host:5672/%2f`.
// Builds with none of these features (the in-process bus, Redis alone)
// have no URL that needs it.
#[cfg_attr(
    not(any(feature = "nats", feature = "rabbitmq", feature = "postgres")),
    allow(dead_code)
)]
pub(crate) fn redact(url: &str) -> String {
    let Some(scheme) = url.find("://").map(|at| at + 3) else { return url.to_owned() };
    // The user information ends at the authority's last `@` (a password
    // may hold `@` too); the authority ends at the first `/`.
    let authority = url[scheme..].find('/').map_or(url.len(), |end| end + scheme);
    let Some(at) = url[scheme..authority].rfind('@').map(|at| at + scheme) else {
        return url.to_owned();
    };
    match url[scheme..at].find(':') {
        Some(colon) => format!("{}:***{}", &url[..scheme + colon], &url[at..]),
        None => url.to_owned(),
    }
}

/// Names for broker objects: `namespace` + `name`, with characters the
/// broker refuses replaced by `_`.
#[cfg(any(feature = "nats", feature = "rabbitmq"))]
pub(crate) fn object_name(namespace: &str, name: &str, allowed: impl Fn(char) -> bool) -> String {
    format!("{namespace}{name}").chars().map(|c| if allowed(c) { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_in_urls_are_redacted_and_the_rest_is_kept() {
        assert_eq!(
            redact("amqp://guest:s3cret@127.0.0.1:5672/%2f"),
            "amqp://guest:***@127.0.0.1:5672/%2f"
        );
        assert_eq!(redact("nats://token@127.0.0.1:4222"), "nats://token@127.0.0.1:4222");
        assert_eq!(redact("nats://127.0.0.1:4222"), "nats://127.0.0.1:4222");
        assert_eq!(redact("postgres://u:p@w:rd@h/db"), "postgres://u:***@h/db");
    }
}

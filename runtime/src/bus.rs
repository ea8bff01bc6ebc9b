//! The bus handle: publish events, watch and stop the bus.

use std::any::TypeId;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use uuid::Uuid;

use crate::dead_letter::DeadLetter;
use crate::dispatch::{Core, lane_hash};
use crate::envelope::{Envelope, ErasedEnvelope, Metadata};
use crate::error::{DecodeError, PublishError, ReplayError};
use crate::event::Event;
use crate::lane::Sender;
use crate::subscriber::SubscriberDescriptor;
use crate::util::lock;

/// A handle to a running bus; cheap to clone, shared by every clone.
///
/// ```standalone_crate
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use evently::{event, subscriber, Bus};
///
/// #[event(name = "user.created")]
/// pub struct UserCreated { pub id: u64, pub email: String }
///
/// #[subscriber]
/// async fn send_welcome_email(user: &UserCreated) -> evently::Result<()> {
///     println!("Welcome email sent to {}", user.email);
///     Ok(())
/// }
///
/// let bus = Bus::builder()
///     .source("user-service")
///     .subscribe::<send_welcome_email>()
///     .start()
///     .await?;
/// bus.publish(UserCreated { id: 1, email: "a@example.com".into() }).await?;
/// bus.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Bus {
    core: Arc<Core>,
}

impl fmt::Debug for Bus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bus")
            .field("source", &self.core.source)
            .field("subscribers", &self.core.table.subscribers.len())
            .field("in_flight", &self.core.in_flight())
            .finish_non_exhaustive()
    }
}

/// Counters of what the bus has done since it started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BusStats {
    /// Deliveries queued or being handled (retries included).
    pub in_flight: usize,
    /// Deliveries the idempotency guard acknowledged without running the handler.
    pub duplicates: u64,
    /// Failed attempts that were tried again.
    pub retries: u64,
    /// Messages sent to a dead-letter destination.
    pub dead_lettered: u64,
}

impl Bus {
    pub(crate) fn from_core(core: Arc<Core>) -> Self {
        Self { core }
    }

    /// The source name put on published envelopes.
    pub fn source(&self) -> &str {
        self.core.source
    }

    pub(crate) fn static_source(&self) -> &'static str {
        self.core.source
    }

    /// The subscribers this bus runs.
    pub fn subscribers(&self) -> impl Iterator<Item = &'static SubscriberDescriptor> + '_ {
        self.core.table.subscribers.iter().map(|subscriber| subscriber.descriptor)
    }

    /// The consumer groups this bus runs, each with its topics.
    pub fn groups(&self) -> impl Iterator<Item = (&str, &[&'static str])> + '_ {
        self.core.table.groups.iter().map(|group| (&*group.name, group.topics.as_slice()))
    }

    /// Publishes an event to its topic in a new envelope (fresh UUIDv7 id,
    /// the current time, this bus's source, the event's key) and returns the
    /// envelope id.
    ///
    /// Waits while a subscriber's queue is full (backpressure); returns once
    /// every subscriber has the message (or the broker confirmed it), not
    /// when they have handled it (see [`wait_idle`](Self::wait_idle)). On an
    /// in-process bus, a subscriber that is idle (nothing queued, handled or
    /// waiting for a retry on the lane the message goes to) gets it on this
    /// thread: its handler runs here until it is done or has to wait, and
    /// the lane's own task finishes a handler that waits
    /// ([`handle_on_publisher`](crate::BusBuilder::handle_on_publisher)).
    pub async fn publish<E: Event>(&self, event: E) -> Result<Uuid, PublishError> {
        // Not through `publish_to`: one future fewer to build and poll.
        let envelope = Envelope::published(event, self.core.source);
        self.core
            .dispatch(envelope.into_erased(), TypeId::of::<E>(), E::TOPIC, Sender::Outside)
            .await
    }

    /// Publishes an event to `topic` instead of the event's own: it reaches
    /// the subscribers that consume `topic` (`#[subscriber(topic = "...")]`).
    pub async fn publish_to<E: Event>(&self, topic: &str, event: E) -> Result<Uuid, PublishError> {
        let envelope = Envelope::published(event, self.core.source);
        self.core.dispatch(envelope.into_erased(), TypeId::of::<E>(), topic, Sender::Outside).await
    }

    /// Publishes an event through the outbox (feature `postgres`, and
    /// `.outbox(pg)` on the builder): writes it on `conn`, in the caller's
    /// transaction, and returns its envelope id. It is sent after the
    /// transaction commits, and never if it rolls back; a crash after the
    /// commit does not lose it.
    ///
    /// ```no_run
    /// # use evently::{event, Bus};
    /// # #[event(name = "order.placed")]
    /// # pub struct OrderPlaced { pub order_id: u64 }
    /// # async fn place(bus: &Bus, pg: &evently::postgres::PgStore) -> Result<(), Box<dyn std::error::Error>> {
    /// let mut tx = pg.pool().begin().await?;
    /// sqlx::query("INSERT INTO orders (id) VALUES ($1)").bind(7_i64).execute(&mut *tx).await?;
    /// bus.publish_in(&mut tx, OrderPlaced { order_id: 7 }).await?;
    /// tx.commit().await?; // the order and its event, or neither
    /// # Ok(()) }
    /// # use evently::postgres::sqlx;
    /// ```
    #[cfg(feature = "postgres")]
    pub async fn publish_in<E: Event>(
        &self,
        conn: &mut sqlx::PgConnection,
        event: E,
    ) -> Result<Uuid, PublishError> {
        self.publish_to_in(conn, E::TOPIC, event).await
    }

    /// Like [`publish_in`](Self::publish_in), to `topic` instead of the event's own.
    #[cfg(feature = "postgres")]
    pub async fn publish_to_in<E: Event>(
        &self,
        conn: &mut sqlx::PgConnection,
        topic: &str,
        event: E,
    ) -> Result<Uuid, PublishError> {
        let envelope = Envelope::published(event, self.core.source);
        self.core.write_outbox(conn, &envelope.into_erased(), topic).await
    }

    /// Whether the bus has an outbox (`.outbox(pg)`).
    #[cfg(feature = "postgres")]
    pub(crate) fn has_outbox(&self) -> bool {
        self.core.shared.outbox.is_some()
    }

    /// Writes an envelope whose type is known only at run time to the
    /// outbox, for its event's topic.
    #[cfg(feature = "postgres")]
    pub(crate) async fn publish_erased_in(
        &self,
        conn: &mut sqlx::PgConnection,
        envelope: ErasedEnvelope,
        type_id: TypeId,
    ) -> Result<Uuid, PublishError> {
        let topic = self.core.registry.descriptor(type_id).map_or("", |d| d.topic());
        self.core.write_outbox(conn, &envelope, topic).await
    }

    /// Publishes an envelope as it is (its id, source and metadata are kept)
    /// to its event's topic.
    pub async fn publish_envelope<E: Event>(
        &self,
        envelope: Envelope<E>,
    ) -> Result<Uuid, PublishError> {
        self.core
            .dispatch(envelope.into_erased(), TypeId::of::<E>(), E::TOPIC, Sender::Outside)
            .await
    }

    /// Publishes a wire envelope received from elsewhere to its event's
    /// topic: an evently envelope, a structured-mode CloudEvent, or the
    /// minimal `{"type", "version", "timestamp", "source", "data"}` one (its
    /// id is derived from its content, so a resent copy is a duplicate).
    pub async fn publish_json(&self, bytes: &[u8]) -> Result<Uuid, PublishError> {
        let (envelope, type_id) = self.core.decode(bytes, &[], "ce_")?;
        let topic = self.core.registry.descriptor(type_id).map_or("", |d| d.topic());
        self.core.dispatch(envelope, type_id, topic, Sender::Outside).await
    }

    /// Decodes a wire envelope into the registered event type it names.
    pub fn decode(&self, bytes: &[u8]) -> Result<(Metadata, TypeId), DecodeError> {
        let (envelope, type_id) = self.core.decode(bytes, &[], "ce_")?;
        Ok((envelope.metadata().clone(), type_id))
    }

    /// Publishes an envelope whose type is known only at run time.
    pub(crate) async fn publish_erased(
        &self,
        envelope: ErasedEnvelope,
        type_id: TypeId,
    ) -> Result<Uuid, PublishError> {
        let topic = self.core.registry.descriptor(type_id).map_or("", |d| d.topic());
        self.core.dispatch(envelope, type_id, topic, Sender::Outside).await
    }

    /// Waits until every published message has been handled, retried to the
    /// end, or dead-lettered (messages published meanwhile included).
    pub async fn wait_idle(&self) {
        self.core.wait_idle().await;
    }

    /// Stops accepting new events and waits until everything in flight is
    /// done (handlers may still publish follow-ups while draining).
    ///
    /// On a broker, consumers stop taking messages; what they took is handled
    /// and acknowledged (or dead-lettered), what they fetched ahead is given
    /// back, and the broker's last commits are made, all before this returns.
    pub async fn shutdown(&self) {
        self.core.shutdown().await;
    }

    /// Like [`shutdown`](Self::shutdown), but gives up waiting after
    /// `timeout`; returns whether everything drained.
    pub async fn shutdown_timeout(&self, timeout: Duration) -> bool {
        tokio::time::timeout(timeout, self.core.shutdown()).await.is_ok()
    }

    /// What the bus has done so far.
    pub fn stats(&self) -> BusStats {
        let shared = &self.core.shared;
        BusStats {
            in_flight: self.core.in_flight(),
            duplicates: shared.duplicates.load(Ordering::Relaxed),
            retries: shared.retries.load(Ordering::Relaxed),
            dead_lettered: shared.dead_lettered.load(Ordering::Relaxed),
        }
    }

    /// The dead letters kept, oldest first.
    pub fn dead_letters(&self) -> Vec<DeadLetter> {
        lock(&self.core.shared.dead_letters).list()
    }

    /// Delivers a dead letter again to the subscriber that failed it, with a
    /// fresh set of attempts; it leaves the dead letters.
    pub async fn replay_dead_letter(&self, id: u64) -> Result<(), ReplayError> {
        let dead_letters = &self.core.shared.dead_letters;
        let letter = lock(dead_letters).take(id).ok_or(ReplayError::NotFound(id))?;
        let index = self
            .core
            .table
            .subscribers
            .iter()
            .position(|subscriber| subscriber.descriptor.name() == letter.subscriber);
        let Some(index) = index else {
            let subscriber = letter.subscriber.to_owned();
            lock(dead_letters).put_back(letter);
            return Err(ReplayError::UnknownSubscriber(subscriber));
        };
        if self.core.closed.load(Ordering::Acquire) {
            lock(dead_letters).put_back(letter);
            return Err(PublishError::Closed.into());
        }
        let meta = letter.envelope.metadata();
        let hash = lane_hash(meta.key(), meta.id());
        let route = crate::routing::Route { subscriber: index, upcast: Arc::new([]) };
        if let Err(error) =
            self.core.send(&route, hash, Arc::clone(&letter.envelope), None, Sender::Outside).await
        {
            lock(dead_letters).put_back(letter);
            return Err(error.into());
        }
        Ok(())
    }
}

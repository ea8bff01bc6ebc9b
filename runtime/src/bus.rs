//! The bus: publishes events and delivers them to every subscriber.
//!
//! The in-process dispatcher gives each subscriber `concurrency` lanes. A lane
//! is a task with a bounded queue that handles its messages one at a time;
//! a message goes to the lane its key hashes to (its id when it has no key),
//! so messages with one key are handled in order while different keys run
//! concurrently. A failed message waiting for its retry leaves the lane free:
//! only later messages with the same key wait behind it.

use std::any::TypeId;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::fmt;
use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::task::{Context as TaskContext, Poll};
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::{Notify, mpsc};
use tokio::time::Instant;
use uuid::Uuid;

use crate::cloudevents::{self, Encoding};
use crate::dead_letter::{DeadLetter, DeadLetters};
use crate::envelope::{Envelope, ErasedEnvelope, WireEnvelope};
use crate::error::{BuildError, Conflict, DecodeError, Error, PublishError, ReplayError};
use crate::event::{Event, Registry, UpcastFn};
use crate::idempotency::BoxFuture;
use crate::idempotency::{Claim, IdempotencyKey, IdempotencyStore, InMemoryIdempotencyStore};
use crate::retry::RetryPolicy;
use crate::subscriber::{Delivery, Idempotency, SubscriberDescriptor, registered_subscribers};
use crate::transport::{
    Incoming, OutgoingMessage, Receipt, Transport, headers as transport_headers,
};

/// The destination of dead letters of subscribers that name none.
pub const DEFAULT_DEAD_LETTER: &str = "dead-letters";

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
/// let bus = Bus::in_memory().source("user-service").build()?;
/// bus.publish(UserCreated { id: 1, email: "a@example.com".into() }).await?;
/// bus.shutdown().await;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Bus {
    inner: Arc<BusInner>,
}

pub(crate) struct BusInner {
    source: &'static str,
    registry: Registry,
    /// The subscribers of each event type.
    routes: HashMap<TypeId, Vec<Route>, foldhash::fast::RandomState>,
    /// Every subscriber by name, for replaying dead letters.
    by_name: HashMap<&'static str, Route>,
    shared: Arc<Shared>,
    /// The counters of every lane, for `wait_idle` and `stats`.
    counters: Vec<Arc<LaneCounters>>,
    /// How events published through a broker are encoded.
    encoding: Encoding,
    /// The subscribers of each consumer group, for broker subscriptions.
    groups: Vec<Group>,
    /// Tells broker consumers to stop taking messages.
    stop: tokio::sync::watch::Sender<bool>,
    closed: AtomicBool,
}

/// One consumer group: its topics and its subscribers by event type.
struct Group {
    name: Arc<str>,
    topics: Vec<&'static str>,
    routes: HashMap<TypeId, Vec<Route>>,
    /// Where messages that do not decode go.
    dead_letter: Arc<str>,
}

/// The queues of one subscriber's lanes, as reached from one event type.
#[derive(Clone)]
struct Route {
    subscriber: Arc<Subscriber>,
    lanes: Arc<[LaneHandle]>,
    /// For a route from an earlier version: the upcasts to the subscriber's version.
    upcast: Arc<[UpcastFn]>,
}

/// One lane's queue, as publishers see it.
struct LaneHandle {
    sender: mpsc::Sender<Message>,
    counters: Arc<LaneCounters>,
}

/// How many messages a lane was given and has finished. Publishers write
/// `queued` and the lane writes `done`, on separate cache lines, so the hot
/// path does not bounce one line between threads; only a waiter for idleness
/// reads both.
#[derive(Default)]
struct LaneCounters {
    queued: Padded<AtomicU64>,
    done: Padded<AtomicU64>,
}

#[derive(Default)]
#[repr(align(128))]
struct Padded<T>(T);

impl LaneCounters {
    fn in_flight(&self) -> u64 {
        // `queued` first: everything counted there is done once `done` catches up.
        let queued = self.queued.0.load(Ordering::SeqCst);
        queued.saturating_sub(self.done.0.load(Ordering::SeqCst))
    }
}

/// A subscriber with its settings resolved against the bus's defaults.
#[derive(Debug)]
struct Subscriber {
    descriptor: &'static SubscriberDescriptor,
    group: Arc<str>,
    /// `group/name`, the idempotency scope.
    scope: Arc<str>,
    policy: RetryPolicy,
    dead_letter: Arc<str>,
}

/// State every lane of every subscriber shares.
struct Shared {
    /// The broker, for a bus that is not in-process.
    transport: Option<Arc<dyn Transport>>,
    idle: Notify,
    /// How many `wait_idle` calls are waiting; lanes check for idleness only then.
    waiters: AtomicUsize,
    dead_letters: Mutex<DeadLetters>,
    store: Arc<dyn IdempotencyStore>,
    duplicates: AtomicU64,
    retries: AtomicU64,
    dead_lettered: AtomicU64,
}

#[derive(Debug)]
struct Message {
    envelope: ErasedEnvelope,
    /// Attempts made so far.
    attempt: u32,
    /// For a message from a broker: acknowledged once every subscriber of the
    /// group is done with it.
    receipt: Option<Arc<Receipt>>,
}

impl fmt::Debug for Bus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bus")
            .field("source", &self.inner.source)
            .field("subscribers", &self.inner.by_name.len())
            .field("in_flight", &self.in_flight())
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for BusInner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BusInner").field("source", &self.source).finish_non_exhaustive()
    }
}

/// Counters of what the bus has done since it was built.
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
    /// Starts building an in-process bus, the embedded default.
    pub fn in_memory() -> BusBuilder {
        BusBuilder::default()
    }

    pub(crate) fn from_inner(inner: Arc<BusInner>) -> Self {
        Self { inner }
    }

    /// The source name put on published envelopes, also the default group.
    pub fn source(&self) -> &str {
        self.inner.source
    }

    pub(crate) fn static_source(&self) -> &'static str {
        self.inner.source
    }

    /// The subscribers this bus runs.
    pub fn subscribers(&self) -> impl Iterator<Item = &'static SubscriberDescriptor> + '_ {
        self.inner.by_name.values().map(|route| route.subscriber.descriptor)
    }

    /// Publishes an event in a new envelope (fresh UUIDv7 id, the current time,
    /// this bus's source, the event's key) and returns the envelope id.
    ///
    /// Waits while a subscriber's queue is full (backpressure); returns once
    /// every subscriber has the message queued, not when they have handled it
    /// (see [`wait_idle`](Self::wait_idle)).
    pub async fn publish<E: Event>(&self, event: E) -> Result<Uuid, PublishError> {
        self.publish_envelope(Envelope::builder(event).static_source(self.inner.source).build())
            .await
    }

    /// Publishes an envelope as it is (its id, source and metadata are kept).
    pub async fn publish_envelope<E: Event>(
        &self,
        envelope: Envelope<E>,
    ) -> Result<Uuid, PublishError> {
        self.dispatch(envelope.into_erased(), TypeId::of::<E>(), false).await
    }

    /// Publishes a wire envelope received from elsewhere: an evently envelope,
    /// a structured-mode CloudEvent, or the minimal `{"type", "version",
    /// "timestamp", "source", "data"}` one (its id is derived from its
    /// content, so a resent copy is a duplicate).
    pub async fn publish_json(&self, bytes: &[u8]) -> Result<Uuid, PublishError> {
        let (envelope, type_id) = self.decode(bytes)?;
        self.dispatch(envelope, type_id, false).await
    }

    /// Decodes a wire envelope into the registered event type it names.
    pub fn decode(&self, bytes: &[u8]) -> Result<(ErasedEnvelope, TypeId), DecodeError> {
        // A structured-mode CloudEvent is decoded through its envelope form.
        if let Some(converted) = cloudevents::to_envelope(bytes, &[], "ce_")? {
            return self.decode_envelope(&converted);
        }
        self.decode_envelope(bytes)
    }

    fn decode_envelope(&self, bytes: &[u8]) -> Result<(ErasedEnvelope, TypeId), DecodeError> {
        let wire = WireEnvelope::parse(bytes)?;
        let descriptor = self.inner.registry.lookup(wire.event_type, wire.version)?;
        let meta = wire.metadata(descriptor.name)?;
        let envelope =
            (descriptor.decode)(meta, wire.data).map_err(|source| DecodeError::DataMismatch {
                event_type: descriptor.name.to_owned(),
                version: descriptor.version,
                source,
            })?;
        Ok((envelope, (descriptor.type_id)()))
    }

    /// Publishes an envelope whose type is known only at run time.
    pub(crate) async fn publish_erased(
        &self,
        envelope: ErasedEnvelope,
        type_id: TypeId,
    ) -> Result<Uuid, PublishError> {
        self.dispatch(envelope, type_id, false).await
    }

    /// Publishes on behalf of a handler: allowed while the bus drains.
    pub(crate) async fn publish_during_drain<E: Event>(
        &self,
        envelope: Envelope<E>,
    ) -> Result<Uuid, PublishError> {
        self.dispatch(envelope.into_erased(), TypeId::of::<E>(), true).await
    }

    async fn dispatch(
        &self,
        envelope: ErasedEnvelope,
        type_id: TypeId,
        draining_allowed: bool,
    ) -> Result<Uuid, PublishError> {
        let meta = envelope.metadata();
        let id = meta.id();
        if !draining_allowed && self.inner.closed.load(Ordering::Acquire) {
            return Err(PublishError::Closed);
        }
        if let Some(transport) = &self.inner.shared.transport {
            // Through the broker: this bus's own consumers receive it from there.
            let topic =
                self.inner.registry.descriptor(type_id).map_or(meta.event_type(), |d| d.topic);
            let (payload, headers) = cloudevents::encode(
                &*envelope,
                self.inner.encoding,
                transport.cloudevents_prefix(),
            )
            .map_err(|source| PublishError::Encode { event_type: meta.event_type(), source })?;
            let message = OutgoingMessage { topic, key: meta.key(), payload, headers };
            transport.publish(message).await?;
            return Ok(id);
        }
        let Some(routes) = self.inner.routes.get(&type_id) else {
            return Ok(id);
        };
        let hash = lane_hash(meta.key(), id);
        if let Some((last, others)) = routes.split_last() {
            for route in others {
                self.send(route, hash, Arc::clone(&envelope), None).await;
            }
            // The last subscriber gets the envelope itself: one reference
            // count change fewer, on a line the lane is about to touch.
            self.send(last, hash, envelope, None).await;
        }
        Ok(id)
    }

    /// Hands a message a group's subscription received to the group's
    /// subscribers; a message that does not decode goes to the group's
    /// dead-letter destination.
    async fn deliver(&self, group: &Group, incoming: Incoming) {
        let prefix = self.inner.shared.transport.as_ref().map_or("ce_", |t| t.cloudevents_prefix());
        let decoded = match cloudevents::to_envelope(&incoming.payload, &incoming.headers, prefix) {
            Ok(Some(converted)) => self.decode_envelope(&converted),
            Ok(None) => self.decode_envelope(&incoming.payload),
            Err(error) => Err(error),
        };
        let (envelope, type_id) = match decoded {
            Ok(decoded) => decoded,
            Err(error) => {
                tracing::error!(group = &*group.name, origin = %incoming.origin, %error, "undecodable message dead-lettered");
                self.inner.shared.dead_lettered.fetch_add(1, Ordering::Relaxed);
                let headers = vec![
                    (transport_headers::ERROR.to_owned(), error.to_string()),
                    (transport_headers::ATTEMPTS.to_owned(), "0".to_owned()),
                    (transport_headers::GROUP.to_owned(), group.name.to_string()),
                    (transport_headers::ORIGIN.to_owned(), incoming.origin.clone()),
                ];
                if forward_dead_letter(
                    &self.inner.shared,
                    &group.dead_letter,
                    incoming.payload,
                    headers,
                )
                .await
                {
                    Receipt::new(1, incoming.ack, incoming.origin).settle().await;
                }
                return;
            }
        };
        let Some(routes) = group.routes.get(&type_id) else {
            // An event on this topic that no subscriber of the group handles.
            Receipt::new(1, incoming.ack, incoming.origin).settle().await;
            return;
        };
        let receipt = Arc::new(Receipt::new(routes.len(), incoming.ack, incoming.origin));
        let meta = envelope.metadata();
        let hash = lane_hash(meta.key(), meta.id());
        for route in routes {
            self.send(route, hash, Arc::clone(&envelope), Some(Arc::clone(&receipt))).await;
        }
    }

    /// Queues a message on the lane `hash` picks; returns whether it was queued.
    async fn send(
        &self,
        route: &Route,
        hash: usize,
        mut envelope: ErasedEnvelope,
        receipt: Option<Arc<Receipt>>,
    ) -> bool {
        for convert in route.upcast.iter() {
            envelope = match convert(&*envelope) {
                Ok(upcast) => upcast,
                Err(reason) => {
                    let error = Error::permanent(format!("cannot upcast: {reason}"));
                    let message = Message { envelope, attempt: 0, receipt };
                    dead_letter(&self.inner.shared, &route.subscriber, message, error).await;
                    return false;
                }
            };
        }
        let lane = &route.lanes[hash % route.lanes.len()];
        let pending = Pending::start(&lane.counters, &self.inner.shared);
        let message = Message { envelope, attempt: 0, receipt };
        // The fast path takes a free slot without building the waiting
        // machinery of `send`; only a full queue waits.
        let queued = match lane.sender.try_send(message) {
            Ok(()) => true,
            Err(mpsc::error::TrySendError::Full(message)) => {
                lane.sender.send(message).await.is_ok()
            }
            Err(mpsc::error::TrySendError::Closed(_)) => false,
        };
        if queued {
            pending.handed_over();
        }
        queued
    }

    fn in_flight(&self) -> usize {
        self.inner.counters.iter().map(|c| c.in_flight() as usize).sum()
    }

    /// Waits until every published message has been handled, retried to the
    /// end, or dead-lettered (messages published meanwhile included).
    pub async fn wait_idle(&self) {
        let shared = &self.inner.shared;
        shared.waiters.fetch_add(1, Ordering::SeqCst);
        let _waiting = scopeguard(|| {
            shared.waiters.fetch_sub(1, Ordering::SeqCst);
        });
        loop {
            let mut notified = pin!(shared.idle.notified());
            notified.as_mut().enable();
            if self.in_flight() == 0 {
                return;
            }
            notified.await;
        }
    }

    /// Stops accepting new events and waits until everything in flight is
    /// done (handlers may still publish follow-ups while draining).
    pub async fn shutdown(&self) {
        self.inner.closed.store(true, Ordering::Release);
        // Broker consumers stop taking messages; what they took is handled
        // and acknowledged, the rest stays with the broker.
        let _ = self.inner.stop.send(true);
        self.wait_idle().await;
    }

    /// Like [`shutdown`](Self::shutdown), but gives up waiting after
    /// `timeout`; returns whether everything drained.
    pub async fn shutdown_timeout(&self, timeout: Duration) -> bool {
        self.inner.closed.store(true, Ordering::Release);
        let _ = self.inner.stop.send(true);
        tokio::time::timeout(timeout, self.wait_idle()).await.is_ok()
    }

    /// What the bus has done so far.
    pub fn stats(&self) -> BusStats {
        let shared = &self.inner.shared;
        BusStats {
            in_flight: self.in_flight(),
            duplicates: shared.duplicates.load(Ordering::Relaxed),
            retries: shared.retries.load(Ordering::Relaxed),
            dead_lettered: shared.dead_lettered.load(Ordering::Relaxed),
        }
    }

    /// The dead letters kept, oldest first.
    pub fn dead_letters(&self) -> Vec<DeadLetter> {
        lock(&self.inner.shared.dead_letters).list()
    }

    /// Delivers a dead letter again to the subscriber that failed it, with a
    /// fresh set of attempts; it leaves the dead letters.
    pub async fn replay_dead_letter(&self, id: u64) -> Result<(), ReplayError> {
        let letter =
            lock(&self.inner.shared.dead_letters).take(id).ok_or(ReplayError::NotFound(id))?;
        let Some(route) = self.inner.by_name.get(letter.subscriber) else {
            let subscriber = letter.subscriber.to_owned();
            lock(&self.inner.shared.dead_letters).put_back(letter);
            return Err(ReplayError::UnknownSubscriber(subscriber));
        };
        if self.inner.closed.load(Ordering::Acquire) {
            lock(&self.inner.shared.dead_letters).put_back(letter);
            return Err(PublishError::Closed.into());
        }
        let meta = letter.envelope.metadata();
        let hash = lane_hash(meta.key(), meta.id());
        if !self.send(route, hash, Arc::clone(&letter.envelope), None).await {
            lock(&self.inner.shared.dead_letters).put_back(letter);
            return Err(PublishError::Closed.into());
        }
        Ok(())
    }
}

/// Which lane a message goes to: by key, else by id (so copies of one
/// message share a lane and never race each other's idempotency claim).
fn lane_hash(key: Option<&str>, id: Uuid) -> usize {
    match key {
        Some(key) => {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in key.as_bytes() {
                hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            hash as usize
        }
        None => id.as_u128() as usize,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every update under these locks is a single push or remove, so a
    // poisoned lock still guards consistent data.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

type SubscriberFilter = Box<dyn Fn(&SubscriberDescriptor) -> bool + Send + Sync>;

/// Configures a bus; from [`Bus::in_memory`].
pub struct BusBuilder {
    source: Option<String>,
    queue_capacity: usize,
    concurrency: usize,
    store: Option<Arc<dyn IdempotencyStore>>,
    retry_policy: RetryPolicy,
    dead_letter_capacity: usize,
    filter: Option<SubscriberFilter>,
    transport: Option<Arc<dyn Transport>>,
    encoding: Encoding,
    dead_letter: Option<String>,
}

impl Default for BusBuilder {
    fn default() -> Self {
        Self {
            source: None,
            queue_capacity: 1024,
            concurrency: 8,
            store: None,
            retry_policy: RetryPolicy::default(),
            dead_letter_capacity: 10_000,
            filter: None,
            transport: None,
            encoding: Encoding::Evently,
            dead_letter: None,
        }
    }
}

impl fmt::Debug for BusBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BusBuilder")
            .field("source", &self.source)
            .field("queue_capacity", &self.queue_capacity)
            .field("concurrency", &self.concurrency)
            .field("retry_policy", &self.retry_policy)
            .field("dead_letter_capacity", &self.dead_letter_capacity)
            .finish_non_exhaustive()
    }
}

impl BusBuilder {
    /// The service name: the `source` of published envelopes and the group of
    /// subscribers that name none (default: the executable's name).
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// How many messages each subscriber may have waiting (queued, or taken
    /// by a lane but not started) before `publish` waits (default 1024).
    pub fn queue_capacity(mut self, capacity: usize) -> Self {
        self.queue_capacity = capacity;
        self
    }

    /// How many messages with different keys each subscriber handles at once
    /// (default 8).
    pub fn concurrency(mut self, concurrency: usize) -> Self {
        self.concurrency = concurrency;
        self
    }

    /// Where idempotency guards keep their claims (default: an
    /// [`InMemoryIdempotencyStore`] of 100 000 entries).
    pub fn idempotency_store(mut self, store: impl IdempotencyStore) -> Self {
        self.store = Some(Arc::new(store));
        self
    }

    /// Like [`idempotency_store`](Self::idempotency_store), for a store shared with other code.
    pub fn shared_idempotency_store(mut self, store: Arc<dyn IdempotencyStore>) -> Self {
        self.store = Some(store);
        self
    }

    /// The retry policy of subscribers that set neither `retries` nor
    /// `backoff` (default: [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = policy;
        self
    }

    /// How many dead letters are kept in memory before the oldest is dropped
    /// (default 10 000).
    pub fn dead_letter_capacity(mut self, capacity: usize) -> Self {
        self.dead_letter_capacity = capacity;
        self
    }

    /// Runs only the registered subscribers for which `filter` is true
    /// (default: every subscriber linked into the program).
    pub fn filter(
        mut self,
        filter: impl Fn(&SubscriberDescriptor) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.filter = Some(Box::new(filter));
        self
    }

    /// The dead-letter destination of subscribers that name none (the seed's
    /// `dead_letter_topic`; default [`DEFAULT_DEAD_LETTER`]).
    pub fn dead_letter(mut self, destination: impl Into<String>) -> Self {
        self.dead_letter = Some(destination.into());
        self
    }

    /// How events published through a broker are encoded (default: the
    /// evently envelope). Every encoding is understood when consuming.
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Publishes and consumes through a broker instead of in-process; build
    /// the bus with [`connect`](Self::connect).
    pub fn transport(mut self, transport: impl Transport) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// Builds a bus on its transport: collects the subscribers, starts their
    /// lanes, and subscribes each consumer group to its topics.
    pub async fn connect(mut self) -> Result<Bus, BuildError> {
        let Some(transport) = self.transport.take() else {
            return self.build();
        };
        let bus = self.build_with(Some(Arc::clone(&transport)))?;
        for index in 0..bus.inner.groups.len() {
            let group = &bus.inner.groups[index];
            let incoming = transport.subscribe(&group.name, &group.topics).await?;
            tokio::spawn(consume(
                Arc::downgrade(&bus.inner),
                index,
                incoming,
                bus.inner.stop.subscribe(),
            ));
        }
        tracing::debug!(
            transport = transport.name(),
            groups = bus.inner.groups.len(),
            "bus connected"
        );
        Ok(bus)
    }

    /// Collects every registered subscriber and starts their lanes.
    ///
    /// Fails if registrations conflict (two subscribers with one name, two
    /// types claiming one event name and version), listing every conflict, or
    /// if a setting cannot work.
    pub fn build(self) -> Result<Bus, BuildError> {
        if self.transport.is_some() {
            return Err(invalid(
                "transport",
                "a bus on a transport connects: use `connect().await`",
            ));
        }
        self.build_with(None)
    }

    fn build_with(self, transport: Option<Arc<dyn Transport>>) -> Result<Bus, BuildError> {
        if self.queue_capacity == 0 {
            return Err(invalid("queue_capacity", "must be at least 1"));
        }
        if self.concurrency == 0 {
            return Err(invalid("concurrency", "must be at least 1"));
        }
        if self.dead_letter_capacity == 0 {
            return Err(invalid("dead_letter_capacity", "must be at least 1"));
        }
        validate_policy(&self.retry_policy)?;
        let runtime = tokio::runtime::Handle::try_current().map_err(|_| BuildError::NoRuntime)?;

        let mut conflicts = Vec::new();
        let registry = Registry::collect(&mut conflicts);
        let selected: Vec<&'static SubscriberDescriptor> = registered_subscribers()
            .filter(|descriptor| self.filter.as_ref().is_none_or(|keep| keep(descriptor)))
            .collect();
        let mut names: HashMap<&'static str, Vec<&'static SubscriberDescriptor>> = HashMap::new();
        for descriptor in &selected {
            names.entry(descriptor.name).or_default().push(descriptor);
        }
        let mut duplicates: Vec<_> =
            names.into_iter().filter(|(_, found)| found.len() > 1).collect();
        duplicates.sort_by_key(|(name, _)| *name);
        for (name, found) in duplicates {
            conflicts.push(Conflict::DuplicateSubscriber {
                name: name.to_owned(),
                locations: found.iter().map(|d| d.location.to_owned()).collect(),
            });
        }
        if !conflicts.is_empty() {
            return Err(BuildError::Conflicts(conflicts));
        }

        let source = crate::envelope::intern(&self.source.unwrap_or_else(default_source));
        let shared = Arc::new(Shared {
            transport,
            idle: Notify::new(),
            waiters: AtomicUsize::new(0),
            dead_letters: Mutex::new(DeadLetters::new(self.dead_letter_capacity)),
            store: self.store.unwrap_or_else(|| Arc::new(InMemoryIdempotencyStore::default())),
            duplicates: AtomicU64::new(0),
            retries: AtomicU64::new(0),
            dead_lettered: AtomicU64::new(0),
        });
        let lane_capacity = self.queue_capacity.div_ceil(self.concurrency).max(1);
        // A lane holds up to `batch` messages taken from its queue, one of them
        // being handled; the queue keeps the rest of the bound.
        let batch = (lane_capacity / 4).clamp(1, 32);
        let queue_length = lane_capacity - (batch - 1);
        let default_policy = self.retry_policy;
        let encoding = self.encoding;
        let default_dead_letter: Arc<str> =
            Arc::from(self.dead_letter.as_deref().unwrap_or(DEFAULT_DEAD_LETTER));

        let inner = Arc::new_cyclic(|bus: &Weak<BusInner>| {
            let mut routes: HashMap<TypeId, Vec<Route>, foldhash::fast::RandomState> =
                HashMap::default();
            let mut by_name = HashMap::new();
            let mut counters = Vec::new();
            let mut groups: Vec<Group> = Vec::new();
            for descriptor in selected {
                let group: Arc<str> = Arc::from(descriptor.group.unwrap_or(source));
                let subscriber = Arc::new(Subscriber {
                    descriptor,
                    scope: Arc::from(format!("{group}/{}", descriptor.name)),
                    group,
                    policy: RetryPolicy {
                        max_retries: descriptor.retries.unwrap_or(default_policy.max_retries),
                        backoff: descriptor.backoff.unwrap_or(default_policy.backoff),
                    },
                    dead_letter: descriptor
                        .dead_letter
                        .map_or_else(|| Arc::clone(&default_dead_letter), Arc::from),
                });
                let lanes: Arc<[LaneHandle]> = (0..self.concurrency)
                    .map(|_| {
                        let (sender, receiver) = mpsc::channel(queue_length);
                        let lane_counters = Arc::new(LaneCounters::default());
                        counters.push(Arc::clone(&lane_counters));
                        let lane = Lane {
                            subscriber: Arc::clone(&subscriber),
                            counters: Arc::clone(&lane_counters),
                            shared: Arc::clone(&shared),
                            bus: bus.clone(),
                            blocked: HashMap::new(),
                            timers: BinaryHeap::new(),
                            sequence: 0,
                            batch,
                        };
                        runtime.spawn((descriptor.run_lane)(LaneTask { lane, receiver }));
                        LaneHandle { sender, counters: lane_counters }
                    })
                    .collect();
                let event_type = (descriptor.event_type_id)();
                let route = Route { subscriber, lanes, upcast: Arc::new([]) };
                routes.entry(event_type).or_default().push(route.clone());
                // Messages of earlier versions reach this subscriber upcast.
                for (from, chain) in registry.upcasts_into(event_type) {
                    let upcast = Route { upcast: chain.into(), ..route.clone() };
                    routes.entry(from).or_default().push(upcast);
                }
                // The group's subscription: the topics of this version and of
                // the versions upcast into it.
                let group_index =
                    match groups.iter().position(|g| *g.name == *route.subscriber.group) {
                        Some(index) => index,
                        None => {
                            groups.push(Group {
                                name: Arc::clone(&route.subscriber.group),
                                topics: Vec::new(),
                                routes: HashMap::new(),
                                dead_letter: Arc::clone(&route.subscriber.dead_letter),
                            });
                            groups.len() - 1
                        }
                    };
                let group = &mut groups[group_index];
                for (type_id, type_routes) in routes.iter() {
                    for candidate in
                        type_routes.iter().filter(|r| Arc::ptr_eq(&r.subscriber, &route.subscriber))
                    {
                        group.routes.entry(*type_id).or_default().push(candidate.clone());
                        if let Some(topic) = registry.descriptor(*type_id).map(|d| d.topic)
                            && !group.topics.contains(&topic)
                        {
                            group.topics.push(topic);
                        }
                    }
                }
                by_name.insert(descriptor.name, route);
            }
            BusInner {
                counters,
                encoding,
                groups,
                stop: tokio::sync::watch::channel(false).0,
                source,
                registry,
                routes,
                by_name,
                shared,
                closed: AtomicBool::new(false),
            }
        });
        tracing::debug!(
            source = inner.source,
            subscribers = inner.by_name.len(),
            "in-process bus started"
        );
        Ok(Bus { inner })
    }
}

fn invalid(setting: &'static str, reason: &str) -> BuildError {
    BuildError::InvalidSetting { setting, reason: reason.to_owned() }
}

fn validate_policy(policy: &RetryPolicy) -> Result<(), BuildError> {
    if let crate::retry::Backoff::Exponential { factor, initial, max, .. } = policy.backoff {
        if !(factor.is_finite() && factor >= 1.0) {
            return Err(invalid(
                "retry_policy",
                "the exponential factor must be a finite number >= 1",
            ));
        }
        if max < initial {
            return Err(invalid(
                "retry_policy",
                "the exponential `max` must not be below `initial`",
            ));
        }
    }
    Ok(())
}

fn default_source() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|path| path.file_stem().map(|stem| stem.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "evently".to_owned())
}

/// What a subscriber's generated handler type implements: the call of the
/// user's fn for one delivery. Lanes are generic over it, so a delivery runs
/// the fn without a heap allocation or a dynamic call.
#[doc(hidden)]
pub trait Handler: Send + Sync + 'static {
    /// Runs the subscriber fn for one delivery.
    fn call<'a>(delivery: Delivery<'a>) -> impl Future<Output = Result<(), Error>> + Send + 'a;
}

/// A lane and its queue, ready to run; what [`RunLane`] receives.
#[doc(hidden)]
pub struct LaneTask {
    lane: Lane,
    receiver: mpsc::Receiver<Message>,
}

impl fmt::Debug for LaneTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LaneTask")
            .field("subscriber", &self.lane.subscriber.descriptor.name)
            .finish()
    }
}

/// Runs one lane of a subscriber: `run_lane::<TheSubscribersHandler>`.
#[doc(hidden)]
pub type RunLane = fn(LaneTask) -> BoxFuture<'static, ()>;

/// The [`RunLane`] of handler `H`.
#[doc(hidden)]
pub fn run_lane<H: Handler>(task: LaneTask) -> BoxFuture<'static, ()> {
    Box::pin(task.lane.run::<H>(task.receiver))
}

/// One lane of one subscriber: handles its messages one at a time.
struct Lane {
    subscriber: Arc<Subscriber>,
    counters: Arc<LaneCounters>,
    shared: Arc<Shared>,
    bus: Weak<BusInner>,
    /// Keys with a message waiting for its retry, and the later messages of
    /// that key held back to keep their order.
    blocked: HashMap<Arc<str>, VecDeque<Message>>,
    /// Messages waiting for their retry, soonest first.
    timers: BinaryHeap<Reverse<Timer>>,
    sequence: u64,
    /// How many messages to take from the queue at once.
    batch: usize,
}

struct Timer {
    due: Instant,
    sequence: u64,
    message: Message,
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        (self.due, self.sequence) == (other.due, other.sequence)
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timer {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.due, self.sequence).cmp(&(other.due, other.sequence))
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Step {
    Finished,
    Scheduled,
}

impl Lane {
    /// Takes up to `batch` messages from the queue at once (one wake-up and
    /// one release of queue slots for many messages); the queue is that much
    /// shorter, so queued and taken-but-not-started messages stay within the
    /// configured bound.
    async fn run<H: Handler>(mut self, mut receiver: mpsc::Receiver<Message>) {
        let mut open = true;
        let mut batch = Vec::with_capacity(self.batch);
        loop {
            let next_due = self.timers.peek().map(|Reverse(timer)| timer.due);
            let received = match next_due {
                // The common case: nothing waits for a retry.
                None if open => receiver.recv_many(&mut batch, self.batch).await,
                None => break,
                Some(due) => {
                    tokio::select! {
                        biased;
                        () = tokio::time::sleep_until(due) => {
                            if let Some(Reverse(timer)) = self.timers.pop() {
                                self.retry::<H>(timer.message).await;
                            }
                            continue;
                        }
                        received = receiver.recv_many(&mut batch, self.batch), if open => received,
                    }
                }
            };
            if received == 0 {
                open = false;
            }
            for message in batch.drain(..) {
                self.accept::<H>(message).await;
            }
        }
    }

    /// Counts a message as done, and wakes `wait_idle` callers if this lane
    /// has nothing left (checked only while someone waits).
    fn finished(&self) {
        finish(&self.counters, &self.shared);
    }

    /// A new message: handled now, unless its key waits for a retry.
    async fn accept<H: Handler>(&mut self, message: Message) {
        if let Some(key) = &message.envelope.metadata().key
            && let Some(held) = self.blocked.get_mut(key)
        {
            held.push_back(message);
            return;
        }
        self.process::<H>(message).await;
    }

    /// A retry is due; once its message is done, the messages its key held back run.
    async fn retry<H: Handler>(&mut self, message: Message) {
        let key = message.envelope.metadata().key.clone();
        if self.process::<H>(message).await == Step::Scheduled {
            return;
        }
        let Some(key) = key else { return };
        let mut held = self.blocked.remove(&key).unwrap_or_default();
        while let Some(next) = held.pop_front() {
            if self.process::<H>(next).await == Step::Scheduled {
                self.blocked.entry(key).or_default().extend(held);
                return;
            }
        }
    }

    /// Attempts a message; immediate retries run here, delayed ones are scheduled.
    async fn process<H: Handler>(&mut self, mut message: Message) -> Step {
        loop {
            let error = match self.attempt::<H>(&mut message).await {
                Ok(()) => {
                    if let Some(receipt) = &message.receipt {
                        receipt.settle().await;
                    }
                    self.finished();
                    return Step::Finished;
                }
                Err(error) => error,
            };
            let policy = &self.subscriber.policy;
            let retries_made = message.attempt - 1;
            if error.is_permanent() || retries_made >= policy.max_retries {
                dead_letter(&self.shared, &self.subscriber, message, error).await;
                self.finished();
                return Step::Finished;
            }
            self.shared.retries.fetch_add(1, Ordering::Relaxed);
            let delay = policy.delay(message.attempt);
            tracing::warn!(
                subscriber = self.subscriber.descriptor.name,
                event_id = %message.envelope.metadata().id(),
                attempt = message.attempt,
                retry_in = ?delay,
                error = %format_args!("{error:#}"),
                "handler failed; will retry"
            );
            if delay.is_zero() {
                continue;
            }
            if let Some(key) = &message.envelope.metadata().key {
                self.blocked.entry(Arc::clone(key)).or_default();
            }
            self.sequence += 1;
            self.timers.push(Reverse(Timer {
                due: Instant::now() + delay,
                sequence: self.sequence,
                message,
            }));
            return Step::Scheduled;
        }
    }

    /// One attempt: claim, run the handler (a panic counts as a failure),
    /// then mark the claim done or release it.
    async fn attempt<H: Handler>(&self, message: &mut Message) -> Result<(), Error> {
        message.attempt += 1;
        let descriptor = self.subscriber.descriptor;
        let key = self.idempotency_key(&message.envelope);
        if let Some(key) = &key {
            match self.shared.store.claim(key).await {
                Ok(Claim::Acquired) => {}
                Ok(Claim::Done) => {
                    self.shared.duplicates.fetch_add(1, Ordering::Relaxed);
                    tracing::debug!(
                        subscriber = descriptor.name,
                        event_id = %message.envelope.metadata().id(),
                        "duplicate delivery acknowledged without running the handler"
                    );
                    return Ok(());
                }
                Ok(Claim::InProgress) => {
                    return Err(Error::msg("another delivery of this message is being handled"));
                }
                Err(error) => return Err(Error::new(error)),
            }
        }
        let delivery = Delivery {
            envelope: &message.envelope,
            attempt: message.attempt,
            subscriber: descriptor.name,
            bus: &self.bus,
        };
        let result = match CatchUnwind(pin!(H::call(delivery))).await {
            Ok(result) => result,
            Err(panic) => Err(Error::msg(format!("handler panicked: {}", panic_message(&*panic)))),
        };
        if let Some(key) = &key {
            let update = match result {
                Ok(()) => self.shared.store.complete(key).await,
                Err(_) => self.shared.store.release(key).await,
            };
            if let Err(error) = update {
                tracing::warn!(subscriber = descriptor.name, %error, "could not update the idempotency claim");
            }
        }
        result
    }

    fn idempotency_key(&self, envelope: &ErasedEnvelope) -> Option<IdempotencyKey<'_>> {
        let id = match self.subscriber.descriptor.idempotency {
            Idempotency::Off => return None,
            Idempotency::EnvelopeId => envelope.metadata().id(),
            Idempotency::Key(extract) => extract(&**envelope).unwrap_or(envelope.metadata().id()),
        };
        Some(IdempotencyKey { scope: &self.subscriber.scope, id })
    }
}

/// Keeps a message that failed for good, with why and after how many
/// attempts; on a broker bus also sends it to its dead-letter destination
/// there, and acknowledges it once that is confirmed.
async fn dead_letter(shared: &Shared, subscriber: &Subscriber, message: Message, error: Error) {
    let Message { envelope, attempt: attempts, receipt } = message;
    let error = format!("{error:#}");
    tracing::error!(
        subscriber = subscriber.descriptor.name,
        event_id = %envelope.metadata().id(),
        attempts,
        destination = &*subscriber.dead_letter,
        error = %error,
        "message dead-lettered"
    );
    shared.dead_lettered.fetch_add(1, Ordering::Relaxed);
    if let Some(receipt) = receipt {
        let headers = vec![
            (transport_headers::ERROR.to_owned(), error.clone()),
            (transport_headers::ATTEMPTS.to_owned(), attempts.to_string()),
            (transport_headers::SUBSCRIBER.to_owned(), subscriber.descriptor.name.to_owned()),
            (transport_headers::GROUP.to_owned(), subscriber.group.to_string()),
            (transport_headers::ORIGIN.to_owned(), receipt.origin().to_owned()),
        ];
        match envelope.to_json() {
            Ok(payload) => {
                if forward_dead_letter(shared, &subscriber.dead_letter, payload, headers).await {
                    receipt.settle().await;
                }
            }
            Err(encode) => {
                tracing::error!(%encode, "cannot encode a dead letter; it stays unacknowledged")
            }
        }
    }
    lock(&shared.dead_letters).push(DeadLetter {
        id: 0,
        destination: Arc::clone(&subscriber.dead_letter),
        subscriber: subscriber.descriptor.name,
        group: Arc::clone(&subscriber.group),
        error,
        attempts,
        failed_at: OffsetDateTime::now_utc(),
        envelope,
    });
}

/// Sends a dead letter to the broker; whether the broker confirmed it (a
/// message whose dead letter was not confirmed stays unacknowledged, so the
/// broker delivers it again).
async fn forward_dead_letter(
    shared: &Shared,
    destination: &str,
    payload: Vec<u8>,
    headers: Vec<(String, String)>,
) -> bool {
    let Some(transport) = &shared.transport else { return true };
    let message = OutgoingMessage { topic: destination, key: None, payload, headers };
    match transport.dead_letter(message).await {
        Ok(()) => true,
        Err(error) => {
            tracing::error!(%error, destination, "could not send a dead letter; the message stays unacknowledged");
            false
        }
    }
}

/// Takes a group's messages from its subscription until the bus stops.
async fn consume(
    bus: Weak<BusInner>,
    group: usize,
    mut incoming: mpsc::Receiver<Incoming>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        let message = tokio::select! {
            biased;
            _ = stop.wait_for(|stopped| *stopped) => break,
            message = incoming.recv() => message,
        };
        let (Some(message), Some(inner)) = (message, bus.upgrade()) else { break };
        let bus = Bus { inner };
        bus.deliver(&bus.inner.groups[group], message).await;
    }
    // Stopping: messages received but not handed to a lane go back to the
    // broker for another member.
    incoming.close();
    while let Some(message) = incoming.recv().await {
        if let Err(error) = message.ack.release().await {
            tracing::warn!(%error, origin = %message.origin, "could not give back a message");
        }
    }
}

/// Polls a future, turning a panic into an error.
struct CatchUnwind<F>(F);

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn std::any::Any + Send>>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let inner = &mut self.0;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Pin::new(inner).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&'static str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(non-text panic payload)")
}

/// Counts one message of a lane as done; wakes idle waiters if it was the
/// lane's last.
fn finish(counters: &LaneCounters, shared: &Shared) {
    counters.done.0.fetch_add(1, Ordering::SeqCst);
    if shared.waiters.load(Ordering::SeqCst) > 0 && counters.in_flight() == 0 {
        shared.idle.notify_waiters();
    }
}

/// One message counted as queued on a lane; counted done again if it is
/// dropped before the lane got it (the send failed or the publish was
/// cancelled).
struct Pending<'a> {
    counters: &'a LaneCounters,
    shared: &'a Shared,
    handed_over: bool,
}

impl<'a> Pending<'a> {
    fn start(counters: &'a LaneCounters, shared: &'a Shared) -> Self {
        counters.queued.0.fetch_add(1, Ordering::SeqCst);
        Self { counters, shared, handed_over: false }
    }

    fn handed_over(mut self) {
        self.handed_over = true;
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if !self.handed_over {
            finish(self.counters, self.shared);
        }
    }
}

/// Runs `f` when dropped.
fn scopeguard(f: impl FnOnce()) -> impl Drop {
    struct Guard<F: FnOnce()>(Option<F>);
    impl<F: FnOnce()> Drop for Guard<F> {
        fn drop(&mut self) {
            if let Some(f) = self.0.take() {
                f();
            }
        }
    }
    Guard(Some(f))
}

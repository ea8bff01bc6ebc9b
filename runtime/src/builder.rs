//! Configuring a bus, and starting it: one builder and one `start` for the
//! in-process bus and every broker.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize};
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::{Notify, watch};

use crate::bus::Bus;
use crate::cloudevents::Encoding;
use crate::consume::Deliveries;
use crate::dead_letter::DeadLetters;
use crate::dispatch::Core;
use crate::error::StartError;
use crate::handler::Publisher;
use crate::idempotency::{IdempotencyStore, Store};
use crate::lane::{LaneCounters, LaneShape, start_lanes};
use crate::registry::Registry;
use crate::retry::RetryPolicy;
use crate::routing::{Defaults, RouteTable};
use crate::shared::Shared;
use crate::subscriber::{SubscriberDescriptor, Subscribers, registered_subscribers};
use crate::transport::{DynTransport, StartPosition, Subscription, Transport};

/// The destination of dead letters of subscribers that name none.
pub const DEFAULT_DEAD_LETTER: &str = "dead-letters";

/// The default payload limit: 1 MiB, the default message limit of Kafka and
/// NATS.
pub const DEFAULT_MAX_PAYLOAD: usize = 1024 * 1024;

impl Bus {
    /// Starts configuring a bus: in-process (the embedded default), or over
    /// a broker with [`transport`](BusBuilder::transport). Either way it
    /// starts with [`start`](BusBuilder::start).
    pub fn builder() -> BusBuilder {
        BusBuilder::default()
    }
}

/// Which linked subscribers a bus runs.
#[derive(Debug, Default)]
struct Selection {
    subscribers: Vec<&'static SubscriberDescriptor>,
    groups: Vec<String>,
    all: bool,
}

/// Configures a bus; from [`Bus::builder`], started with [`start`](Self::start).
///
/// A bus runs only the subscribers it is given: by name
/// ([`subscribe`](Self::subscribe)), by group ([`group`](Self::group)), or
/// every one linked into the program ([`all_subscribers`](Self::all_subscribers)).
/// A bus given none only publishes.
pub struct BusBuilder {
    source: Option<String>,
    selection: Selection,
    queue_capacity: usize,
    concurrency: usize,
    store: Option<Store>,
    #[cfg(feature = "postgres")]
    inbox: Option<crate::postgres::PgStore>,
    #[cfg(feature = "postgres")]
    outbox: Option<crate::postgres::PgStore>,
    retry_policy: RetryPolicy,
    dead_letter_capacity: usize,
    transport: Option<Arc<dyn DynTransport>>,
    encoding: Encoding,
    dead_letter: Option<String>,
    start_position: StartPosition,
    max_payload: usize,
    handle_on_publisher: bool,
}

impl Default for BusBuilder {
    fn default() -> Self {
        Self {
            source: None,
            selection: Selection::default(),
            queue_capacity: 1024,
            concurrency: 8,
            store: None,
            #[cfg(feature = "postgres")]
            inbox: None,
            #[cfg(feature = "postgres")]
            outbox: None,
            retry_policy: RetryPolicy::default(),
            dead_letter_capacity: 10_000,
            transport: None,
            encoding: Encoding::Evently,
            dead_letter: None,
            start_position: StartPosition::default(),
            max_payload: DEFAULT_MAX_PAYLOAD,
            handle_on_publisher: true,
        }
    }
}

impl fmt::Debug for BusBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BusBuilder")
            .field("source", &self.source)
            .field("selection", &self.selection)
            .field("queue_capacity", &self.queue_capacity)
            .field("concurrency", &self.concurrency)
            .field("retry_policy", &self.retry_policy)
            .field("transport", &self.transport.as_ref().map(|t| t.name()))
            .finish_non_exhaustive()
    }
}

impl BusBuilder {
    /// The service name: the `source` of published envelopes, and the
    /// consumer group of subscribers that state none (default: the
    /// executable's name as the source; on a broker, subscribers without a
    /// `group` then fail to start).
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Runs the subscriber `S`, or each of a tuple of them: name the
    /// `#[subscriber]` fns, `subscribe::<send_welcome_email>()` or
    /// `subscribe::<(send_welcome_email, audit)>()`.
    pub fn subscribe<S: Subscribers>(mut self) -> Self {
        S::descriptors(&mut self.selection.subscribers);
        self
    }

    /// Runs every linked subscriber that states `group = "..."` with this
    /// name; starting fails if none does.
    pub fn group(mut self, group: impl Into<String>) -> Self {
        self.selection.groups.push(group.into());
        self
    }

    /// Runs every `#[subscriber]` linked into the program.
    pub fn all_subscribers(mut self) -> Self {
        self.selection.all = true;
        self
    }

    /// How many messages each subscriber may have waiting (queued, or taken
    /// by a lane but not started) before `publish` waits (default 1024).
    ///
    /// While a lane's queue holds messages, the envelopes it handled are
    /// freed by the next publish that queues on the lane, on the thread
    /// that allocates the next ones, rather than on the lane's thread; up
    /// to about as many as the queue holds wait for that. A lane that runs
    /// out of messages leaves at most a batch of them (a quarter of its
    /// queue, at most 32) and frees the rest itself.
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
    /// [`InMemoryIdempotencyStore`](crate::idempotency::InMemoryIdempotencyStore)
    /// of 100 000 entries). Pass an `Arc` of a store to share it with other
    /// buses, as the members of one consumer group share a database.
    pub fn idempotency_store(mut self, store: impl IdempotencyStore) -> Self {
        self.store = Some(Store::new(store));
        self
    }

    /// The transactional inbox (feature `postgres`): a subscriber that
    /// takes `&mut PgConnection` runs in a transaction on `store`'s pool that
    /// also records the message as handled, so its writes happen once, even
    /// across crashes and redeliveries. See [`crate::postgres`].
    #[cfg(feature = "postgres")]
    pub fn inbox(mut self, store: crate::postgres::PgStore) -> Self {
        self.inbox = Some(store);
        self
    }

    /// The transactional outbox (feature `postgres`):
    /// [`Bus::publish_in`] writes events to `store`'s outbox table in the
    /// caller's transaction, and the bus relays committed rows through its
    /// transport. See [`crate::postgres`].
    #[cfg(feature = "postgres")]
    pub fn outbox(mut self, store: crate::postgres::PgStore) -> Self {
        self.outbox = Some(store);
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

    /// The dead-letter destination of subscribers that name none, and of
    /// messages that do not decode (the seed's `dead_letter_topic`; default
    /// [`DEFAULT_DEAD_LETTER`]).
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

    /// Where a consumer group the broker does not know yet starts reading
    /// (default [`StartPosition::Earliest`]: nothing published before a new
    /// service's first start is missed). Known groups resume where they were.
    pub fn start_position(mut self, position: StartPosition) -> Self {
        self.start_position = position;
        self
    }

    /// The largest message, in bytes, the bus sends to a broker or decodes
    /// from one (default [`DEFAULT_MAX_PAYLOAD`], 1 MiB). A larger event is a
    /// publish error naming both sizes, before anything is sent; a larger
    /// message received is dead-lettered without being decoded.
    pub fn max_payload(mut self, bytes: usize) -> Self {
        self.max_payload = bytes;
        self
    }

    /// Whether an in-process `publish` handles a message on the publisher's
    /// thread when the subscriber is idle (default `true`): nothing queued,
    /// handled or waiting for a retry on the lane the message goes to. The
    /// handler then runs until it is done or has to wait, and `publish`
    /// returns; the lane's task finishes a handler that waits. With `false`,
    /// every message is queued and handled on the lanes' tasks, so `publish`
    /// never runs handler code. Ordering, retries, the guard and the queue
    /// bound are the same either way; a broker bus always queues.
    pub fn handle_on_publisher(mut self, enabled: bool) -> Self {
        self.handle_on_publisher = enabled;
        self
    }

    /// Publishes and consumes through a broker instead of in-process.
    pub fn transport(mut self, transport: impl Transport) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// The registry and the route table of the selected subscribers, with
    /// every conflict in one error and every policy checked.
    fn plan(&self) -> Result<(Registry, RouteTable), StartError> {
        let mut conflicts = Vec::new();
        let registry = Registry::collect(&mut conflicts);
        let selected = select(&self.selection)?;
        let source = self.source.as_deref();
        let dead_letter = self.dead_letter.as_deref().unwrap_or(DEFAULT_DEAD_LETTER);
        let upcasts = |type_id| registry.upcasts_into(type_id);
        let table = RouteTable::build(
            &selected,
            &upcasts,
            &Defaults {
                source,
                broker: self.transport.is_some(),
                policy: self.retry_policy,
                dead_letter,
            },
        );
        // Every conflict in one error: the events' and the subscribers'.
        let table = match table {
            Err(StartError::Conflicts(more)) => {
                conflicts.extend(more);
                return Err(StartError::Conflicts(conflicts));
            }
            Err(other) => return Err(other),
            Ok(_) if !conflicts.is_empty() => return Err(StartError::Conflicts(conflicts)),
            Ok(table) => table,
        };
        for subscriber in &table.subscribers {
            subscriber.policy.validate().map_err(|reason| StartError::InvalidSetting {
                setting: "retries/backoff",
                reason: format!("subscriber `{}`: {reason}", subscriber.descriptor.name()),
            })?;
        }

        Ok((registry, table))
    }

    /// Declares on the broker what the selected subscribers' groups consume
    /// from (RabbitMQ: each group's durable queue, bound to the exchange;
    /// Kafka: the topics; NATS: the streams), without consuming, so that
    /// events published before the consumers first start are kept. A
    /// deployment step of the consuming service, before its publishers run.
    pub async fn declare_topology(self) -> Result<(), StartError> {
        let Some(transport) = &self.transport else {
            return Err(invalid("transport", "declaring a topology needs a broker"));
        };
        let (_, table) = self.plan()?;
        for group in &table.groups {
            transport.declare_boxed(Subscription::new(&group.name, &group.topics)).await?;
        }
        Ok(())
    }

    /// Starts the bus: collects the selected subscribers, starts their
    /// lanes, and on a broker subscribes each consumer group to its topics.
    ///
    /// Fails if registrations conflict (two subscribers with one name, two
    /// types claiming one event name and version), listing every conflict;
    /// if a setting cannot work; on a broker, if a subscriber has no group;
    /// or if the broker refuses a subscription.
    pub async fn start(self) -> Result<Bus, StartError> {
        if self.queue_capacity == 0 {
            return Err(invalid("queue_capacity", "must be at least 1"));
        }
        if self.concurrency == 0 {
            return Err(invalid("concurrency", "must be at least 1"));
        }
        if self.dead_letter_capacity == 0 {
            return Err(invalid("dead_letter_capacity", "must be at least 1"));
        }
        if self.max_payload == 0 {
            return Err(invalid("max_payload", "must be at least 1 byte"));
        }
        self.retry_policy.validate().map_err(|reason| invalid("retry_policy", &reason))?;
        let runtime = tokio::runtime::Handle::try_current().map_err(|_| StartError::NoRuntime)?;

        let (registry, table) = self.plan()?;
        #[cfg(feature = "postgres")]
        if self.inbox.is_none() {
            let transactional: Vec<&str> = table
                .subscribers
                .iter()
                .filter(|s| s.descriptor.transactional())
                .map(|s| s.descriptor.name())
                .collect();
            if !transactional.is_empty() {
                return Err(invalid(
                    "inbox",
                    &format!(
                        "{} take a transaction (`&mut PgConnection`); give the bus `.inbox(pg)`",
                        transactional.join(", ")
                    ),
                ));
            }
        }
        let dead_letter = self.dead_letter.as_deref().unwrap_or(DEFAULT_DEAD_LETTER);

        let source = crate::envelope::intern(&self.source.unwrap_or_else(default_source));
        let dead_letter: Arc<str> = Arc::from(dead_letter);
        let transport = self.transport;
        let shared = Arc::new(Shared {
            transport: transport.clone(),
            handle_on_publisher: self.handle_on_publisher && transport.is_none(),
            idle: Notify::new(),
            waiters: AtomicUsize::new(0),
            dead_letters: Mutex::new(DeadLetters::new(self.dead_letter_capacity)),
            store: self.store.unwrap_or_default(),
            #[cfg(feature = "postgres")]
            inbox: self.inbox,
            #[cfg(feature = "postgres")]
            outbox: self.outbox.clone(),
            duplicates: AtomicU64::new(0),
            retries: AtomicU64::new(0),
            dead_lettered: AtomicU64::new(0),
        });
        let shape = LaneShape::new(self.queue_capacity, self.concurrency);
        let max_payload = self.max_payload;
        let encoding = self.encoding;
        let core = Arc::new_cyclic(|core: &Weak<Core>| {
            let publisher: Weak<dyn Publisher> = core.clone();
            let lanes = table
                .subscribers
                .iter()
                .map(|subscriber| {
                    start_lanes(&runtime, subscriber, &shared, &publisher, shape).into_boxed_slice()
                })
                .collect();
            Core {
                source,
                registry,
                table,
                lanes,
                shared,
                encoding,
                stop: watch::channel(false).0,
                closed: AtomicBool::new(false),
                consuming: Arc::new(LaneCounters::default()),
                max_payload,
                tasks: Mutex::new(Vec::new()),
            }
        });
        for group in &core.table.groups {
            let subscribers: Vec<&str> = core
                .table
                .subscribers
                .iter()
                .filter(|s| s.group == group.name)
                .map(|s| s.descriptor.name())
                .collect();
            tracing::info!(
                group = &*group.name,
                topics = ?group.topics,
                ?subscribers,
                transport = transport.as_ref().map_or("in-process", |t| t.name()),
                "consumer group starts"
            );
        }
        if let Some(transport) = &transport {
            for (index, group) in core.table.groups.iter().enumerate() {
                let subscription = Subscription {
                    group: &group.name,
                    topics: &group.topics,
                    start: self.start_position,
                };
                let deliveries = Deliveries::new(&core, index, Arc::clone(&dead_letter));
                transport.subscribe_boxed(subscription, deliveries).await?;
            }
        }
        #[cfg(feature = "postgres")]
        if let Some(outbox) = self.outbox {
            let relay = tokio::spawn(crate::postgres::Relay::run(
                outbox,
                Arc::downgrade(&core),
                core.stop.subscribe(),
            ));
            crate::util::lock(&core.tasks).push(relay);
        }
        Ok(Bus::from_core(core))
    }
}

/// The selected subscribers, each once, in the order they were named.
fn select(selection: &Selection) -> Result<Vec<&'static SubscriberDescriptor>, StartError> {
    let mut selected = selection.subscribers.clone();
    let linked: Vec<&'static SubscriberDescriptor> = registered_subscribers().collect();
    if selection.all {
        selected.extend(&linked);
    }
    for group in &selection.groups {
        let members: Vec<_> =
            linked.iter().copied().filter(|d| d.group() == Some(group.as_str())).collect();
        if members.is_empty() {
            let known: BTreeSet<&str> = linked.iter().filter_map(|d| d.group()).collect();
            return Err(StartError::UnknownGroup {
                group: group.clone(),
                known: known.into_iter().collect::<Vec<_>>().join(", "),
            });
        }
        selected.extend(members);
    }
    let mut unique: Vec<&'static SubscriberDescriptor> = Vec::with_capacity(selected.len());
    for descriptor in selected {
        if !unique.iter().any(|known| std::ptr::eq(*known, descriptor)) {
            unique.push(descriptor);
        }
    }
    Ok(unique)
}

fn invalid(setting: &'static str, reason: &str) -> StartError {
    StartError::InvalidSetting { setting, reason: reason.to_owned() }
}

fn default_source() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|path| path.file_stem().map(|stem| stem.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "evently".to_owned())
}

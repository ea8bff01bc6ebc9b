//! Event sourcing: aggregates whose state is derived by replaying their events.
//!
//! The events of one aggregate instance form a stream (`user-42`), stored in
//! an [`EventStore`] as the source of truth; the state is what replaying them
//! gives. A [`Repository`] loads an aggregate (from a snapshot and the events
//! after it), runs a command that returns new events, appends them with
//! optimistic concurrency, and can publish them on a [`Bus`](crate::Bus) after commit.
//!
//! ```
//! use evently::event;
//! use evently::sourcing::{Aggregate, InMemoryEventStore, Repository};
//!
//! #[event(name = "user.created")]
//! pub struct UserCreated { pub id: u64, pub name: String }
//!
//! #[event(name = "user.name_changed")]
//! pub struct NameChanged { pub new_name: String }
//!
//! evently::aggregate_events! {
//!     /// Everything that happens to a user.
//!     pub enum UserEvent { UserCreated(UserCreated), NameChanged(NameChanged) }
//! }
//!
//! #[derive(Debug, Default)]
//! pub struct User { pub id: u64, pub name: String }
//!
//! pub enum UserCommand { Create { id: u64, name: String }, Rename { name: String } }
//!
//! #[derive(Debug, thiserror::Error)]
//! #[error("{0}")]
//! pub struct Rejected(&'static str);
//!
//! impl Aggregate for User {
//!     const TYPE: &'static str = "user";
//!     type Event = UserEvent;
//!     type Command = UserCommand;
//!     type Error = Rejected;
//!
//!     fn apply(&mut self, event: &UserEvent) {
//!         match event {
//!             UserEvent::UserCreated(e) => *self = User { id: e.id, name: e.name.clone() },
//!             UserEvent::NameChanged(e) => self.name = e.new_name.clone(),
//!         }
//!     }
//!
//!     fn handle(&self, command: UserCommand) -> Result<Vec<UserEvent>, Rejected> {
//!         match command {
//!             UserCommand::Create { id, name } => Ok(vec![UserCreated { id, name }.into()]),
//!             UserCommand::Rename { name } if name.is_empty() => Err(Rejected("a name is required")),
//!             UserCommand::Rename { name } => Ok(vec![NameChanged { new_name: name }.into()]),
//!         }
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let users = Repository::<User, _>::new(InMemoryEventStore::default());
//! users.execute("42", UserCommand::Create { id: 42, name: "Ada".into() }).await?;
//! users.execute("42", UserCommand::Rename { name: "Ada L.".into() }).await?;
//! let user = users.load("42").await?;
//! assert_eq!((user.state.name.as_str(), user.version), ("Ada L.", 2));
//! let then = users.load_at_version("42", 1).await?;
//! assert_eq!(then.state.name, "Ada");
//! # Ok(()) }
//! ```

mod memory;
#[cfg(feature = "postgres")]
mod postgres;
mod repository;

use std::any::TypeId;
use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use serde_json::Value;
use uuid::Uuid;

use crate::envelope::{Envelope, ErasedEnvelope, Metadata};
use crate::error::BoxError;
use crate::event::Event;
use crate::registry::Registry;

pub use memory::InMemoryEventStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresEventStore;
pub use repository::{ExecuteError, Executed, Loaded, Repository};

/// State derived from a stream of events, changed by commands.
pub trait Aggregate: Default + Send + Sync + 'static {
    /// The stream category: an aggregate with id `42` lives in the stream `<TYPE>-42`.
    const TYPE: &'static str;
    /// The events of this aggregate (built with [`aggregate_events!`](crate::aggregate_events)).
    type Event: AggregateEvent;
    /// What it can be asked to do.
    type Command: Send;
    /// Why it can refuse a command.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Applies one event to the state; must not fail (the event happened).
    fn apply(&mut self, event: &Self::Event);

    /// Decides what happens for a command: the new events, or a refusal.
    fn handle(&self, command: Self::Command) -> Result<Vec<Self::Event>, Self::Error>;
}

/// The enum of an aggregate's events; implemented by [`aggregate_events!`](crate::aggregate_events).
pub trait AggregateEvent: Send + Sync + Sized + 'static {
    /// The stored form of the event, with a fresh id and timestamp.
    fn to_new_event(&self) -> Result<NewEvent, serde_json::Error>;
    /// The event a record holds, if it is one of this enum's (older versions
    /// are upcast); `Ok(None)` if the record's type is not in the enum.
    fn from_record(record: &RecordedEvent) -> Result<Option<Self>, RecordError>;
    /// The event in an envelope with the record's id and timestamp, ready to publish.
    #[doc(hidden)]
    fn into_published(self, new: &NewEvent, source: &'static str) -> (ErasedEnvelope, TypeId);
}

/// Declares the enum of an aggregate's events, one variant per `#[event]` type.
///
/// ```
/// # use evently::event;
/// # #[event(name = "user.created")] #[derive(Debug)] pub struct UserCreated { pub id: u64 }
/// # #[event(name = "user.name_changed")] #[derive(Debug)] pub struct NameChanged { pub new_name: String }
/// evently::aggregate_events! {
///     /// Everything that happens to a user.
///     #[derive(Debug)]
///     pub enum UserEvent {
///         UserCreated(UserCreated),
///         NameChanged(NameChanged),
///     }
/// }
/// let event: UserEvent = NameChanged { new_name: "Ada".into() }.into();
/// ```
///
/// Each variant converts `From` its event type. A stored event decodes into
/// the variant of its name; an older stored version is upcast through the
/// event's `upcast_from` chain.
#[macro_export]
macro_rules! aggregate_events {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident($ty:ty) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$variant_meta])* $variant($ty), )+
        }

        $(
            impl ::core::convert::From<$ty> for $name {
                fn from(event: $ty) -> Self {
                    $name::$variant(event)
                }
            }
        )+

        impl $crate::sourcing::AggregateEvent for $name {
            fn to_new_event(&self) -> ::core::result::Result<$crate::sourcing::NewEvent, $crate::__private::serde_json::Error> {
                match self {
                    $( $name::$variant(event) => $crate::sourcing::NewEvent::of(event), )+
                }
            }

            fn from_record(
                record: &$crate::sourcing::RecordedEvent,
            ) -> ::core::result::Result<::core::option::Option<Self>, $crate::sourcing::RecordError> {
                $(
                    if let ::core::option::Option::Some(event) = $crate::sourcing::decode_record::<$ty>(record)? {
                        return ::core::result::Result::Ok(::core::option::Option::Some($name::$variant(event)));
                    }
                )+
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn into_published(
                self,
                new: &$crate::sourcing::NewEvent,
                source: &'static str,
            ) -> ($crate::__private::ErasedEnvelope, ::core::any::TypeId) {
                match self {
                    $( $name::$variant(event) => $crate::sourcing::publishable(event, new, source), )+
                }
            }
        }
    };
}

/// An event about to be appended.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    /// Its id (UUIDv7), kept when it is published.
    pub id: Uuid,
    /// The event name.
    pub event_type: &'static str,
    /// The event version.
    pub event_version: u32,
    /// When it happened.
    pub timestamp: SystemTime,
    /// The event's data.
    pub data: Value,
}

impl NewEvent {
    /// The stored form of an event, with a fresh id and the current time.
    pub fn of<E: Event>(event: &E) -> Result<Self, serde_json::Error> {
        let (id, timestamp) = crate::id::now_v7();
        Ok(Self {
            id,
            event_type: E::NAME,
            event_version: E::VERSION,
            timestamp,
            data: serde_json::to_value(event)?,
        })
    }
}

/// An event as the store keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedEvent {
    /// The stream it belongs to.
    pub stream: String,
    /// Its position in the stream, from 1.
    pub version: u64,
    /// Its position in the store's global order, from 1.
    pub position: u64,
    /// Its id.
    pub id: Uuid,
    /// The event name.
    pub event_type: String,
    /// The event version it was stored with.
    pub event_version: u32,
    /// When it happened.
    pub timestamp: SystemTime,
    /// The event's data, as stored.
    pub data: Value,
}

/// Up to where a stream is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Until {
    /// Every event.
    End,
    /// Events up to and including this stream version.
    Version(u64),
    /// The events before the first one that happened after this time: a
    /// prefix of the stream, even where timestamps are out of order.
    Time(SystemTime),
}

/// A saved state of an aggregate after `version` events.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The stream.
    pub stream: String,
    /// How many events the state includes.
    pub version: u64,
    /// The state, serialized.
    pub state: Value,
}

/// Why an event store operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another writer appended to the stream first; nothing of this batch was stored.
    #[error(
        "concurrent write to stream `{stream}`: expected version {expected}, found {actual}; reload and retry"
    )]
    Conflict {
        /// The stream.
        stream: String,
        /// The version the writer expected.
        expected: u64,
        /// The version the stream had.
        actual: u64,
    },
    /// A stored event cannot be decoded into the aggregate's events.
    #[error(
        "stream `{stream}` event {version} (global position {position}), `{event_type}` v{event_version}, does not decode"
    )]
    Decode {
        /// The stream.
        stream: String,
        /// The event's position in the stream.
        version: u64,
        /// The event's global position.
        position: u64,
        /// The stored event name.
        event_type: String,
        /// The stored event version.
        event_version: u32,
        /// Why it does not decode.
        #[source]
        source: RecordError,
    },
    /// The state or an event could not be serialized.
    #[error("cannot serialize an event or a state")]
    Encode(#[from] serde_json::Error),
    /// The backing service cannot be reached.
    #[error("{service} at {address} is unreachable")]
    Unavailable {
        /// The service (`PostgreSQL`).
        service: &'static str,
        /// Where it was looked for.
        address: String,
        /// What the client reported.
        #[source]
        source: BoxError,
    },
    /// An event's timestamp is outside the years the store keeps (-9999 to
    /// 9999 for PostgreSQL); nothing of the batch was stored.
    #[error("an event's timestamp is outside the years the event store keeps: {0:?}")]
    TimestampOutOfRange(SystemTime),
    /// The backing service failed.
    #[error("event store failed")]
    Backend(#[source] BoxError),
}

/// Where events are kept: append-only streams with optimistic concurrency,
/// snapshots, and a global order for projections.
pub trait EventStore: Send + Sync + 'static {
    /// Appends `events` to `stream` if its current version is `expected`
    /// (0 for a new stream); returns the new version. On a [`StoreError::Conflict`]
    /// nothing of the batch is stored.
    fn append(
        &self,
        stream: &str,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;

    /// The events of `stream` after version `after`, up to `until`, in order.
    fn read_stream(
        &self,
        stream: &str,
        after: u64,
        until: Until,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send;

    /// Up to `limit` events of every stream after global position `after`, in
    /// the order they were committed.
    fn read_all(
        &self,
        after: u64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send;

    /// Keeps a snapshot.
    fn save_snapshot(
        &self,
        snapshot: Snapshot,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The latest snapshot of `stream` at or below version `at_most`.
    fn load_snapshot(
        &self,
        stream: &str,
        at_most: u64,
    ) -> impl Future<Output = Result<Option<Snapshot>, StoreError>> + Send;

    /// The store as the PostgreSQL event store, whose appends can share a
    /// transaction with the bus's outbox; `None` for any other store.
    #[doc(hidden)]
    #[cfg(feature = "postgres")]
    fn as_postgres(&self) -> Option<&PostgresEventStore> {
        None
    }
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::collect(&mut Vec::new()))
}

/// Why a stored event does not decode into an aggregate's events.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// The stored data does not match the event's type.
    #[error("the stored data does not match the event's type")]
    Data(#[source] serde_json::Error),
    /// The record was stored by a newer version of the event than this program knows.
    #[error("it was stored as version {stored}, newer than this program's version {known}")]
    NewerVersion {
        /// The version it was stored with.
        stored: u32,
        /// The newest version this program knows.
        known: u32,
    },
    /// This program does not know the stored (older) version.
    #[error(
        "this program does not know the stored version; keep the old version's type to upcast from"
    )]
    UnknownVersion(#[source] crate::error::DecodeError),
    /// No `upcast_from` chain leads from the stored version to the program's.
    #[error("no `upcast_from` chain leads from version {from} to version {to}")]
    NoUpcastChain {
        /// The stored version.
        from: u32,
        /// The version this program reads.
        to: u32,
    },
    /// An upcaster failed.
    #[error("could not upcast the stored version")]
    Upcast(#[source] crate::error::UpcastError),
    /// The record's event is not one of the aggregate's.
    #[error("`{event_type}` is not one of the events of aggregate `{aggregate}`")]
    NotInAggregate {
        /// The stored event name.
        event_type: String,
        /// The aggregate's type.
        aggregate: &'static str,
    },
}

/// Decodes a record into `E` if it holds `E`'s event name: directly at `E`'s
/// version, through the registered upcasters from an older one.
#[doc(hidden)]
pub fn decode_record<E: Event>(record: &RecordedEvent) -> Result<Option<E>, RecordError> {
    if record.event_type != E::NAME {
        return Ok(None);
    }
    if record.event_version == E::VERSION {
        return E::deserialize(&record.data).map(Some).map_err(RecordError::Data);
    }
    if record.event_version > E::VERSION {
        return Err(RecordError::NewerVersion { stored: record.event_version, known: E::VERSION });
    }
    let registry = registry();
    let descriptor = registry
        .lookup(&record.event_type, record.event_version)
        .map_err(RecordError::UnknownVersion)?;
    let chain = registry
        .upcasts_into(TypeId::of::<E>())
        .into_iter()
        .find(|(from, _)| *from == descriptor.type_id())
        .map(|(_, chain)| chain)
        .ok_or(RecordError::NoUpcastChain { from: record.event_version, to: E::VERSION })?;
    let raw = serde_json::value::to_raw_value(&record.data).map_err(RecordError::Data)?;
    let meta = Metadata {
        id: record.id,
        event_type: descriptor.name(),
        version: record.event_version,
        timestamp: record.timestamp,
        source: crate::envelope::Text::Static(""),
        key: None,
        correlation_id: None,
        causation_id: None,
    };
    let mut envelope = (descriptor.decode())(meta, &raw).map_err(RecordError::Data)?;
    for convert in chain {
        envelope = convert(&*envelope).map_err(RecordError::Upcast)?;
    }
    crate::envelope::into_data::<E>(envelope).map(Some).map_err(RecordError::Upcast)
}

/// The envelope an appended event is published in: its stored id and time.
#[doc(hidden)]
pub fn publishable<E: Event>(
    event: E,
    new: &NewEvent,
    source: &'static str,
) -> (ErasedEnvelope, TypeId) {
    let envelope =
        Envelope::builder(event).id(new.id).timestamp(new.timestamp).static_source(source).build();
    (envelope.into_erased(), TypeId::of::<E>())
}

/// Shared ownership of a store, for repositories of several aggregate types.
impl<S: EventStore> EventStore for Arc<S> {
    fn append(
        &self,
        stream: &str,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send {
        (**self).append(stream, expected, events)
    }
    fn read_stream(
        &self,
        stream: &str,
        after: u64,
        until: Until,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send {
        (**self).read_stream(stream, after, until)
    }
    fn read_all(
        &self,
        after: u64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send {
        (**self).read_all(after, limit)
    }
    fn save_snapshot(
        &self,
        snapshot: Snapshot,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        (**self).save_snapshot(snapshot)
    }
    fn load_snapshot(
        &self,
        stream: &str,
        at_most: u64,
    ) -> impl Future<Output = Result<Option<Snapshot>, StoreError>> + Send {
        (**self).load_snapshot(stream, at_most)
    }
}

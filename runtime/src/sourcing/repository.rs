//! Loading, changing and saving aggregates.

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::time::SystemTime;

use super::{
    Aggregate, AggregateEvent, EventStore, RecordError, RecordedEvent, Snapshot, StoreError, Until,
};
use crate::bus::Bus;
use crate::error::PublishError;

/// An aggregate's state and how many events it includes.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<A> {
    /// The state.
    pub state: A,
    /// The stream version the state includes (0 for a stream with no events).
    pub version: u64,
}

/// The result of a command.
#[derive(Debug)]
pub struct Executed<A: Aggregate> {
    /// The state after the new events.
    pub state: A,
    /// The stream version after the new events.
    pub version: u64,
    /// How many events the command produced.
    pub appended: usize,
}

/// Why a command did not take effect (or, for `Publish`, took effect but
/// was not published).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExecuteError<E: std::error::Error + 'static> {
    /// The aggregate refused the command; nothing was stored.
    #[error("command refused")]
    Rejected(#[source] E),
    /// The store failed, or another writer came first ([`StoreError::Conflict`]).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The events were stored, but publishing them failed.
    #[error("events stored but not published")]
    Publish(#[source] PublishError),
}

type SaveState<A> = fn(&A) -> Result<Value, serde_json::Error>;
type RestoreState<A> = fn(Value) -> Result<A, serde_json::Error>;

struct Snapshots<A> {
    every: u64,
    save: SaveState<A>,
    restore: RestoreState<A>,
}

/// Loads and saves aggregates of type `A` in the store `S`.
pub struct Repository<A: Aggregate, S: EventStore> {
    store: S,
    snapshots: Option<Snapshots<A>>,
    bus: Option<Bus>,
    _aggregate: PhantomData<fn() -> A>,
}

impl<A: Aggregate, S: EventStore + fmt::Debug> fmt::Debug for Repository<A, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Repository")
            .field("aggregate", &A::TYPE)
            .field("store", &self.store)
            .field("snapshot_every", &self.snapshots.as_ref().map(|s| s.every))
            .finish()
    }
}

impl<A: Aggregate, S: EventStore> Repository<A, S> {
    /// A repository over `store`, without snapshots or publishing.
    pub fn new(store: S) -> Self {
        Self { store, snapshots: None, bus: None, _aggregate: PhantomData }
    }

    /// Publishes appended events on `bus`, with their stored ids (so
    /// consumers can deduplicate against the store).
    ///
    /// On the PostgreSQL event store with a bus that has an outbox
    /// (`.outbox(pg)`, in the same database), the events and their outbox
    /// rows are written in one transaction: a crash between the commit and
    /// the publish loses nothing, the relay sends them. Otherwise they are
    /// published after the append commits, and an event whose publish had
    /// not returned when the process died is stored but not published.
    pub fn publish_to(mut self, bus: Bus) -> Self {
        self.bus = Some(bus);
        self
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The stream of the aggregate with this id: `<TYPE>-<id>`.
    pub fn stream(id: &str) -> String {
        format!("{}-{id}", A::TYPE)
    }

    /// The current state: from the latest snapshot (if snapshots are on) and
    /// the events after it.
    pub async fn load(&self, id: &str) -> Result<Loaded<A>, StoreError> {
        self.load_until(id, Until::End, true).await
    }

    /// The state as of stream version `version` (time travel), from a
    /// snapshot at or below it and the events up to it.
    pub async fn load_at_version(&self, id: &str, version: u64) -> Result<Loaded<A>, StoreError> {
        self.load_until(id, Until::Version(version), true).await
    }

    /// The state as of `time`: the events up to the first one that happened
    /// after it (a prefix of the stream, whatever later timestamps say).
    pub async fn load_as_of(&self, id: &str, time: SystemTime) -> Result<Loaded<A>, StoreError> {
        self.load_until(id, Until::Time(time), false).await
    }

    /// The current state from every event, ignoring snapshots.
    pub async fn replay(&self, id: &str) -> Result<Loaded<A>, StoreError> {
        self.load_until(id, Until::End, false).await
    }

    async fn load_until(
        &self,
        id: &str,
        until: Until,
        use_snapshot: bool,
    ) -> Result<Loaded<A>, StoreError> {
        let stream = Self::stream(id);
        let mut loaded = Loaded { state: A::default(), version: 0 };
        if let (true, Some(snapshots)) = (use_snapshot, &self.snapshots) {
            let at_most = match until {
                Until::Version(version) => version,
                _ => u64::MAX,
            };
            if let Some(snapshot) = self.store.load_snapshot(&stream, at_most).await? {
                loaded = Loaded {
                    state: (snapshots.restore)(snapshot.state)?,
                    version: snapshot.version,
                };
            }
        }
        let events = self.store.read_stream(&stream, loaded.version, until).await?;
        for record in &events {
            loaded.state.apply(&decode::<A>(record)?);
            loaded.version = record.version;
        }
        Ok(loaded)
    }

    /// Runs a command: loads the aggregate, lets it decide, appends the new
    /// events at the version it was loaded at, takes a snapshot when one is
    /// due, and publishes the events if a bus is set.
    ///
    /// A concurrent writer makes this fail with [`StoreError::Conflict`]
    /// (nothing stored): load again and retry.
    pub async fn execute(
        &self,
        id: &str,
        command: A::Command,
    ) -> Result<Executed<A>, ExecuteError<A::Error>> {
        let Loaded { mut state, version } = self.load(id).await?;
        let events = state.handle(command).map_err(ExecuteError::Rejected)?;
        let appended = events.len();
        if events.is_empty() {
            return Ok(Executed { state, version, appended });
        }
        let new_events = events
            .iter()
            .map(AggregateEvent::to_new_event)
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)?;
        let stream = Self::stream(id);
        #[cfg(feature = "postgres")]
        if let Some(bus) = &self.bus
            && bus.has_outbox()
            && let Some(store) = self.store.as_postgres()
        {
            for event in &events {
                state.apply(event);
            }
            let new_version =
                append_with_outbox::<A>(store, bus, &stream, version, events, new_events).await?;
            self.snapshot_if_due(&stream, &state, version, new_version).await;
            return Ok(Executed { state, version: new_version, appended });
        }
        let new_version = self.store.append(&stream, version, new_events.clone()).await?;
        for event in &events {
            state.apply(event);
        }
        self.snapshot_if_due(&stream, &state, version, new_version).await;
        if let Some(bus) = &self.bus {
            for (event, new) in events.into_iter().zip(&new_events) {
                let (envelope, type_id) = event.into_published(new, bus.static_source());
                bus.publish_erased(envelope, type_id).await.map_err(ExecuteError::Publish)?;
            }
        }
        Ok(Executed { state, version: new_version, appended })
    }

    /// Saves a snapshot when the append from `version` to `new_version`
    /// crossed a multiple of the snapshot interval.
    async fn snapshot_if_due(&self, stream: &str, state: &A, version: u64, new_version: u64) {
        if let Some(snapshots) = &self.snapshots
            // A snapshot is due when the append crossed a multiple of `every`.
            && new_version / snapshots.every > version / snapshots.every
        {
            // The events are committed: a snapshot that fails now only costs
            // a longer load later, so it is logged, never returned as if
            // nothing was stored, and never stops the publishing.
            let saved = match (snapshots.save)(state) {
                Ok(state) => {
                    let snapshot =
                        Snapshot { stream: stream.to_owned(), version: new_version, state };
                    self.store.save_snapshot(snapshot).await
                }
                Err(error) => Err(StoreError::from(error)),
            };
            if let Err(error) = saved {
                tracing::warn!(stream, version = new_version, error = %crate::util::Chain(&error), "snapshot not saved; the events are stored");
            }
        }
    }
}

/// Appends the events and writes their outbox rows in one transaction.
#[cfg(feature = "postgres")]
async fn append_with_outbox<A: Aggregate>(
    store: &super::PostgresEventStore,
    bus: &Bus,
    stream: &str,
    version: u64,
    events: Vec<A::Event>,
    new_events: Vec<super::NewEvent>,
) -> Result<u64, StoreError> {
    let backend = |error: sqlx::Error| StoreError::Backend(Box::new(error));
    let mut tx = store.pool().begin().await.map_err(backend)?;
    let new_version =
        store.append_in_transaction(&mut tx, stream, version, new_events.clone()).await?;
    for (event, new) in events.into_iter().zip(&new_events) {
        let (envelope, type_id) = event.into_published(new, bus.static_source());
        bus.publish_erased_in(&mut tx, envelope, type_id)
            .await
            .map_err(|error| StoreError::Backend(Box::new(error)))?;
    }
    tx.commit().await.map_err(backend)?;
    Ok(new_version)
}

impl<A: Aggregate + Serialize + DeserializeOwned, S: EventStore> Repository<A, S> {
    /// Saves a snapshot of the state every `every` events, and loads from the
    /// latest snapshot and the events after it.
    pub fn snapshot_every(mut self, every: u64) -> Self {
        self.snapshots = Some(Snapshots {
            every: every.max(1),
            save: |state| serde_json::to_value(state),
            restore: serde_json::from_value,
        });
        self
    }

    /// Saves a snapshot of the current state now.
    pub async fn take_snapshot(&self, id: &str) -> Result<Loaded<A>, StoreError> {
        let loaded = self.load(id).await?;
        let snapshot = Snapshot {
            stream: Self::stream(id),
            version: loaded.version,
            state: serde_json::to_value(&loaded.state)?,
        };
        self.store.save_snapshot(snapshot).await?;
        Ok(loaded)
    }
}

fn decode<A: Aggregate>(record: &RecordedEvent) -> Result<A::Event, StoreError> {
    let error = |source: RecordError| StoreError::Decode {
        stream: record.stream.clone(),
        version: record.version,
        position: record.position,
        event_type: record.event_type.clone(),
        event_version: record.event_version,
        source,
    };
    match A::Event::from_record(record) {
        Ok(Some(event)) => Ok(event),
        Ok(None) => Err(error(RecordError::NotInAggregate {
            event_type: record.event_type.clone(),
            aggregate: A::TYPE,
        })),
        Err(reason) => Err(error(reason)),
    }
}

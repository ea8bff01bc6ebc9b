//! An event store in memory: for tests, examples and single-process tools.

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::sync::{Mutex, MutexGuard};

use super::{EventStore, NewEvent, RecordedEvent, Snapshot, StoreError, Until};

/// Keeps every stream in memory; lost when dropped.
#[derive(Debug, Default)]
pub struct InMemoryEventStore {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Every event in global order; streams index into it.
    all: Vec<RecordedEvent>,
    streams: HashMap<String, Vec<usize>>,
    snapshots: HashMap<String, BTreeMap<u64, Snapshot>>,
}

impl InMemoryEventStore {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Every update is completed before the lock is released, so a
        // poisoned lock still guards consistent data.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl EventStore for InMemoryEventStore {
    fn append(
        &self,
        stream: &str,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send {
        let mut inner = self.lock();
        let inner = &mut *inner;
        let indexes = inner.streams.entry(stream.to_owned()).or_default();
        let actual = indexes.len() as u64;
        let result = if actual != expected {
            Err(StoreError::Conflict { stream: stream.to_owned(), expected, actual })
        } else {
            for (offset, event) in events.into_iter().enumerate() {
                let position = inner.all.len() as u64 + 1;
                indexes.push(inner.all.len());
                inner.all.push(RecordedEvent {
                    stream: stream.to_owned(),
                    version: expected + offset as u64 + 1,
                    position,
                    id: event.id,
                    event_type: event.event_type.to_owned(),
                    event_version: event.event_version,
                    timestamp: event.timestamp,
                    data: event.data,
                });
            }
            Ok(indexes.len() as u64)
        };
        std::future::ready(result)
    }

    fn read_stream(
        &self,
        stream: &str,
        after: u64,
        until: Until,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send {
        let inner = self.lock();
        let events = inner
            .streams
            .get(stream)
            .map(|indexes| {
                indexes
                    .iter()
                    .map(|index| &inner.all[*index])
                    .filter(|event| event.version > after)
                    .take_while(|event| match until {
                        Until::End => true,
                        Until::Version(version) => event.version <= version,
                        Until::Time(time) => event.timestamp <= time,
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        std::future::ready(Ok(events))
    }

    fn read_all(
        &self,
        after: u64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send {
        let inner = self.lock();
        let start = usize::try_from(after).unwrap_or(usize::MAX).min(inner.all.len());
        let events = inner.all[start..].iter().take(limit).cloned().collect();
        std::future::ready(Ok(events))
    }

    fn save_snapshot(
        &self,
        snapshot: Snapshot,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        self.lock()
            .snapshots
            .entry(snapshot.stream.clone())
            .or_default()
            .insert(snapshot.version, snapshot);
        std::future::ready(Ok(()))
    }

    fn load_snapshot(
        &self,
        stream: &str,
        at_most: u64,
    ) -> impl Future<Output = Result<Option<Snapshot>, StoreError>> + Send {
        let snapshot = self
            .lock()
            .snapshots
            .get(stream)
            .and_then(|by_version| by_version.range(..=at_most).next_back())
            .map(|(_, snapshot)| snapshot.clone());
        std::future::ready(Ok(snapshot))
    }
}

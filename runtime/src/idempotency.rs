//! Idempotency guards: a duplicate delivery is acknowledged without running
//! the handler again, for every delivery the store has seen. The default
//! store is in memory, so that holds within one process; a store shared by
//! every member of a group makes it hold across them.
//!
//! Before a guarded subscriber runs, the dispatcher claims the message's
//! [`IdempotencyKey`] in an [`IdempotencyStore`]. A claim that is already
//! done means a duplicate: it is acknowledged without running the handler.
//! After the handler succeeds the claim is marked done; after it fails the
//! claim is released, so the retry runs again.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::util::BoxFuture;

/// An idempotency store failed; the delivery is retried.
#[derive(Debug, thiserror::Error)]
#[error("idempotency store failed")]
pub struct StoreError(#[source] pub crate::error::BoxError);

/// What a guard claims: one message (or business key) for one subscriber.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdempotencyKey<'a> {
    /// `group/subscriber`: the same event is handled once per subscriber.
    pub scope: &'a str,
    /// The envelope id, or the id derived from the subscriber's `dedup_key`.
    pub id: Uuid,
}

/// The state of a claim when it was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// The caller now holds the claim and runs the handler.
    Acquired,
    /// The message was handled before: acknowledge it, do not run the handler.
    Done,
    /// Another delivery holds the claim right now: try again later.
    InProgress,
}

/// Where guards keep their claims.
///
/// The default is [`InMemoryIdempotencyStore`]; stores that outlive a process
/// implement the same trait. Implement the methods as `async fn`.
pub trait IdempotencyStore: Send + Sync + 'static {
    /// Claims `key` unless it is done or held by another delivery.
    fn claim(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> impl Future<Output = Result<Claim, StoreError>> + Send;
    /// Marks a held claim done: later deliveries of `key` are duplicates.
    fn complete(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Gives up a held claim after a failure, so a retry can claim it again.
    fn release(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// A store shared with other code: every clone of the `Arc` sees the same claims.
impl<S: IdempotencyStore> IdempotencyStore for Arc<S> {
    fn claim(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> impl Future<Output = Result<Claim, StoreError>> + Send {
        (**self).claim(key)
    }
    fn complete(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        (**self).complete(key)
    }
    fn release(
        &self,
        key: &IdempotencyKey<'_>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        (**self).release(key)
    }
}

/// [`IdempotencyStore`] with boxed futures, so a bus can hold any store.
pub(crate) trait DynStore: Send + Sync {
    fn claim_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
    ) -> BoxFuture<'a, Result<Claim, StoreError>>;
    fn complete_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
    fn release_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
}

impl<S: IdempotencyStore> DynStore for S {
    fn claim_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
    ) -> BoxFuture<'a, Result<Claim, StoreError>> {
        Box::pin(IdempotencyStore::claim(self, key))
    }
    fn complete_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(IdempotencyStore::complete(self, key))
    }
    fn release_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(IdempotencyStore::release(self, key))
    }
}

/// The store a bus uses. The in-memory store is called directly, without a
/// boxed future per call: it answers on the spot, on every delivery.
#[derive(Clone)]
pub(crate) enum Store {
    Memory(Arc<InMemoryIdempotencyStore>),
    Other(Arc<dyn DynStore>),
}

impl Store {
    pub(crate) fn new<S: IdempotencyStore>(store: S) -> Self {
        let any: Box<dyn Any> = Box::new(store);
        let any = match any.downcast::<InMemoryIdempotencyStore>() {
            Ok(memory) => return Store::Memory(Arc::from(memory)),
            Err(other) => other,
        };
        let any = match any.downcast::<Arc<InMemoryIdempotencyStore>>() {
            Ok(shared) => return Store::Memory(*shared),
            Err(other) => other,
        };
        match any.downcast::<S>() {
            Ok(store) => Store::Other(Arc::new(*store)),
            Err(_) => unreachable!("the box holds an `S`"),
        }
    }

    pub(crate) async fn claim(&self, key: &IdempotencyKey<'_>) -> Result<Claim, StoreError> {
        match self {
            Store::Memory(store) => Ok(store.claim_now(key)),
            Store::Other(store) => store.claim_boxed(key).await,
        }
    }

    pub(crate) async fn complete(&self, key: &IdempotencyKey<'_>) -> Result<(), StoreError> {
        match self {
            Store::Memory(store) => {
                store.complete_now(key);
                Ok(())
            }
            Store::Other(store) => store.complete_boxed(key).await,
        }
    }

    pub(crate) async fn release(&self, key: &IdempotencyKey<'_>) -> Result<(), StoreError> {
        match self {
            Store::Memory(store) => {
                store.release_now(key);
                Ok(())
            }
            Store::Other(store) => store.release_boxed(key).await,
        }
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::Memory(Arc::new(InMemoryIdempotencyStore::default()))
    }
}

const SHARDS: usize = 16;

/// An in-process store, bounded in size, whose entries expire.
///
/// Done entries are remembered for `retention` (default 24 h); a claim whose
/// holder vanished is freed after `lease` (default 5 min). When `capacity`
/// entries are held, the oldest is forgotten first.
#[derive(Debug)]
pub struct InMemoryIdempotencyStore {
    shards: Box<[Mutex<Shard>]>,
    hasher: foldhash::fast::RandomState,
    capacity_per_shard: usize,
    retention: Duration,
    lease: Duration,
}

/// A key as the store holds it: the scope as a 64-bit hash under this
/// store's random seed (so scopes cannot be made to collide from outside),
/// and the id.
type StoredKey = (u64, Uuid);

#[derive(Debug, Default)]
struct Shard {
    entries: HashMap<StoredKey, Entry, foldhash::fast::RandomState>,
    /// Keys in the order they were claimed, with the generation that was claimed.
    order: VecDeque<(StoredKey, u64)>,
    generation: u64,
}

#[derive(Debug)]
struct Entry {
    done: bool,
    expires: Instant,
    generation: u64,
}

impl Default for InMemoryIdempotencyStore {
    fn default() -> Self {
        Self::new(100_000)
    }
}

impl InMemoryIdempotencyStore {
    /// A store holding at most about `capacity` entries.
    pub fn new(capacity: usize) -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::new(Shard::default())).collect(),
            hasher: foldhash::fast::RandomState::default(),
            capacity_per_shard: capacity.div_ceil(SHARDS).max(1),
            retention: Duration::from_secs(24 * 60 * 60),
            lease: Duration::from_secs(5 * 60),
        }
    }

    /// How long a done entry is remembered.
    pub fn retention(mut self, retention: Duration) -> Self {
        self.retention = retention;
        self
    }

    /// How long a claim is held for a delivery that neither completes nor releases it.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// The number of entries held (done or claimed), expired ones included
    /// until they are overwritten or evicted.
    pub fn len(&self) -> usize {
        self.shards.iter().map(|shard| lock(shard).entries.len()).sum()
    }

    /// Whether the store holds no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The stored form of `key` and its shard.
    fn locate(&self, key: &IdempotencyKey<'_>) -> (StoredKey, MutexGuard<'_, Shard>) {
        let stored = (self.hasher.hash_one(key.scope), key.id);
        // The id's low bits are random (UUIDv7) or a hash (derived ids), so
        // they spread keys over the shards without hashing again.
        let shard = (key.id.as_u128() as usize ^ stored.0 as usize) % SHARDS;
        (stored, lock(&self.shards[shard]))
    }

    fn claim_now(&self, key: &IdempotencyKey<'_>) -> Claim {
        let now = Instant::now();
        let (stored, mut shard) = self.locate(key);
        let shard = &mut *shard;
        shard.generation += 1;
        let generation = shard.generation;
        match shard.entries.entry(stored) {
            Entry_::Occupied(mut occupied) => {
                let entry = occupied.get_mut();
                if entry.expires > now {
                    return if entry.done { Claim::Done } else { Claim::InProgress };
                }
                *entry = Entry { done: false, expires: now + self.lease, generation };
            }
            Entry_::Vacant(vacant) => {
                vacant.insert(Entry { done: false, expires: now + self.lease, generation });
            }
        }
        shard.order.push_back((stored, generation));
        shard.evict(self.capacity_per_shard);
        Claim::Acquired
    }
}

use std::collections::hash_map::Entry as Entry_;

impl Shard {
    /// Forgets the oldest entries beyond `capacity`, and drops order records
    /// of entries that were released or claimed again since.
    fn evict(&mut self, capacity: usize) {
        while self.entries.len() > capacity || self.order.len() > 2 * capacity {
            let Some((key, generation)) = self.order.pop_front() else {
                break;
            };
            if self.entries.get(&key).is_some_and(|e| e.generation == generation) {
                if self.entries.len() > capacity {
                    self.entries.remove(&key);
                } else {
                    self.order.push_back((key, generation));
                }
            }
        }
    }
}

fn lock(shard: &Mutex<Shard>) -> MutexGuard<'_, Shard> {
    // A panic while holding the lock leaves the map consistent (every update
    // is a single insert or remove), so a poisoned lock is safe to reuse.
    shard.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl InMemoryIdempotencyStore {
    fn complete_now(&self, key: &IdempotencyKey<'_>) {
        let expires = Instant::now() + self.retention;
        let (stored, mut shard) = self.locate(key);
        if let Some(entry) = shard.entries.get_mut(&stored) {
            entry.done = true;
            entry.expires = expires;
        }
    }

    fn release_now(&self, key: &IdempotencyKey<'_>) {
        let (stored, mut shard) = self.locate(key);
        if shard.entries.get(&stored).is_some_and(|entry| !entry.done) {
            shard.entries.remove(&stored);
        }
    }
}

impl IdempotencyStore for InMemoryIdempotencyStore {
    async fn claim(&self, key: &IdempotencyKey<'_>) -> Result<Claim, StoreError> {
        Ok(self.claim_now(key))
    }

    async fn complete(&self, key: &IdempotencyKey<'_>) -> Result<(), StoreError> {
        self.complete_now(key);
        Ok(())
    }

    async fn release(&self, key: &IdempotencyKey<'_>) -> Result<(), StoreError> {
        self.release_now(key);
        Ok(())
    }
}

/// A stable id for a business key: FNV-1a (128 bit) over the value's `Hash`
/// output, namespaced by the event name. The same value gives the same id in
/// every process of one build target, so a shared store sees duplicates
/// across replicas.
#[doc(hidden)]
pub fn dedup_id<T: Hash + ?Sized>(event_name: &str, value: &T) -> Uuid {
    let mut hasher = Fnv128::default();
    event_name.hash(&mut hasher);
    value.hash(&mut hasher);
    Uuid::from_u128(hasher.0)
}

struct Fnv128(u128);

impl Default for Fnv128 {
    fn default() -> Self {
        Self(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d)
    }
}

impl Hasher for Fnv128 {
    fn write(&mut self, bytes: &[u8]) {
        const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
        for byte in bytes {
            self.0 ^= u128::from(*byte);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }
    fn finish(&self) -> u64 {
        self.0 as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u128) -> IdempotencyKey<'static> {
        IdempotencyKey { scope: "group/sub", id: Uuid::from_u128(n) }
    }

    async fn claim(store: &InMemoryIdempotencyStore, n: u128) -> Claim {
        store.claim(&key(n)).await.expect("in-memory store does not fail")
    }

    #[tokio::test]
    async fn a_done_claim_reports_done_and_a_released_one_can_be_claimed_again() {
        let store = InMemoryIdempotencyStore::default();
        assert_eq!(claim(&store, 1).await, Claim::Acquired);
        assert_eq!(claim(&store, 1).await, Claim::InProgress);
        store.release(&key(1)).await.expect("release");
        assert_eq!(claim(&store, 1).await, Claim::Acquired);
        store.complete(&key(1)).await.expect("complete");
        assert_eq!(claim(&store, 1).await, Claim::Done);
    }

    #[tokio::test]
    async fn expired_entries_can_be_claimed_again() {
        let store = InMemoryIdempotencyStore::default()
            .retention(Duration::from_millis(20))
            .lease(Duration::from_millis(20));
        assert_eq!(claim(&store, 1).await, Claim::Acquired);
        assert_eq!(claim(&store, 2).await, Claim::Acquired);
        store.complete(&key(2)).await.expect("complete");
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(claim(&store, 1).await, Claim::Acquired, "lease expired");
        assert_eq!(claim(&store, 2).await, Claim::Acquired, "retention expired");
    }

    #[tokio::test]
    async fn the_store_stays_within_its_capacity() {
        let store = InMemoryIdempotencyStore::new(160);
        for n in 0..10_000 {
            assert_eq!(claim(&store, n).await, Claim::Acquired);
            store.complete(&key(n)).await.expect("complete");
        }
        assert!(store.len() <= 160, "holds {}", store.len());
        assert_eq!(claim(&store, 9_999).await, Claim::Done, "the newest entries are kept");
    }

    #[test]
    fn dedup_ids_are_stable_and_distinguish_values_and_events() {
        assert_eq!(dedup_id("order.placed", &42u64), dedup_id("order.placed", &42u64));
        assert_ne!(dedup_id("order.placed", &42u64), dedup_id("order.placed", &43u64));
        assert_ne!(dedup_id("order.placed", "a"), dedup_id("order.shipped", "a"));
        assert_eq!(dedup_id("order.placed", "abc"), dedup_id("order.placed", &String::from("abc")));
        // Pinned: a change of the hash would make a shared store miss the
        // duplicates sent while a deployment rolls from one version to the next.
        assert_eq!(
            dedup_id("order.placed", "abc").to_string(),
            "480f333c-8ee7-8d3e-5916-2a8dd206793a"
        );
    }
}

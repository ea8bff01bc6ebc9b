//! Idempotency guards: a duplicate delivery is acknowledged without running
//! the handler again, for every delivery the store has seen. The default
//! store is in memory, so that holds within one process; a store shared by
//! every member of a group (`evently::postgres::PgStore`, feature
//! `postgres`) makes it hold across them and across restarts. Only the
//! transactional inbox also covers a crash between the handler's effect and
//! marking its claim done (see `evently::postgres`).
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

/// Who holds a claim: [`complete`](IdempotencyStore::complete) and
/// [`release`](IdempotencyStore::release) act only for the holder, so a
/// delivery whose lease ran out cannot free the claim of the one that took
/// it over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimToken(Uuid);

impl ClaimToken {
    /// A token with this value (a store's own counter, or a random UUID).
    pub const fn new(value: Uuid) -> Self {
        Self(value)
    }

    /// A fresh random token.
    pub fn random() -> Self {
        Self(crate::id::now_v7().0)
    }

    /// The token's value, for storing it.
    pub const fn value(self) -> Uuid {
        self.0
    }
}

/// The state of a claim when it was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// The caller now holds the claim, with this token, and runs the handler.
    Acquired(ClaimToken),
    /// The message was handled before: acknowledge it, do not run the handler.
    Done,
    /// Another delivery holds the claim right now, or the store has no room
    /// for a new claim: try again later (never a failure).
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
    /// Marks the claim `token` holds done: later deliveries of `key` are
    /// duplicates. Does nothing if another token holds it now.
    fn complete(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Gives up the claim `token` holds after a failure, so a retry can claim
    /// it again. Does nothing if another token holds it now, or it is done.
    fn release(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Extends the lease of the claim `token` holds while its handler runs.
    /// `Ok(false)` means the claim is no longer the caller's: its lease ran
    /// out and another delivery took it over. The default does nothing.
    fn renew(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send {
        let _ = (key, token);
        std::future::ready(Ok(true))
    }
    /// How often the bus renews a claim while its handler runs: a fraction
    /// of the store's lease. `None` (the default): never.
    fn renew_every(&self) -> Option<Duration> {
        None
    }
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
        token: ClaimToken,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        (**self).complete(key, token)
    }
    fn release(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        (**self).release(key, token)
    }
    fn renew(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send {
        (**self).renew(key, token)
    }
    fn renew_every(&self) -> Option<Duration> {
        (**self).renew_every()
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
        token: ClaimToken,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
    fn release_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
        token: ClaimToken,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
    fn renew_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
        token: ClaimToken,
    ) -> BoxFuture<'a, Result<bool, StoreError>>;
    fn renew_every(&self) -> Option<Duration>;
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
        token: ClaimToken,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(IdempotencyStore::complete(self, key, token))
    }
    fn release_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
        token: ClaimToken,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(IdempotencyStore::release(self, key, token))
    }
    fn renew_boxed<'a>(
        &'a self,
        key: &'a IdempotencyKey<'a>,
        token: ClaimToken,
    ) -> BoxFuture<'a, Result<bool, StoreError>> {
        Box::pin(IdempotencyStore::renew(self, key, token))
    }
    fn renew_every(&self) -> Option<Duration> {
        IdempotencyStore::renew_every(self)
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

    pub(crate) async fn complete(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> Result<(), StoreError> {
        match self {
            Store::Memory(store) => {
                store.complete_now(key, token);
                Ok(())
            }
            Store::Other(store) => store.complete_boxed(key, token).await,
        }
    }

    pub(crate) async fn release(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> Result<(), StoreError> {
        match self {
            Store::Memory(store) => {
                store.release_now(key, token);
                Ok(())
            }
            Store::Other(store) => store.release_boxed(key, token).await,
        }
    }
}

impl Store {
    pub(crate) async fn renew(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> Result<bool, StoreError> {
        match self {
            // Copies of one message share a lane in one process, and the
            // lease (5 min by default) only frees claims of a lost lane.
            Store::Memory(_) => Ok(true),
            Store::Other(store) => store.renew_boxed(key, token).await,
        }
    }

    pub(crate) fn renew_every(&self) -> Option<Duration> {
        match self {
            Store::Memory(_) => None,
            Store::Other(store) => store.renew_every(),
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
/// entries are held, the oldest done (or expired) entry is forgotten first;
/// a claim in progress is never forgotten, so a store full of claims in
/// progress answers [`Claim::InProgress`] (try later) to new ones.
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
    /// The claim's number in its shard, and its holder's token.
    generation: u64,
}

impl Entry {
    fn holds(&self, token: ClaimToken) -> bool {
        token.value() == Uuid::from_u64_pair(0, self.generation)
    }
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
        match shard.entries.get(&stored) {
            Some(entry) if entry.expires > now => {
                return if entry.done { Claim::Done } else { Claim::InProgress };
            }
            // Expired: claimed again below, in place.
            Some(_) => {}
            None => {
                if !shard.make_room(self.capacity_per_shard, now) {
                    return Claim::InProgress;
                }
            }
        }
        shard.generation += 1;
        let generation = shard.generation;
        shard.entries.insert(stored, Entry { done: false, expires: now + self.lease, generation });
        shard.order.push_back((stored, generation));
        Claim::Acquired(ClaimToken::new(Uuid::from_u64_pair(0, generation)))
    }
}

impl Shard {
    /// Forgets the oldest done or expired entries until there is room for
    /// one more below `capacity`; never a claim in progress. Returns whether
    /// there is room.
    fn make_room(&mut self, capacity: usize, now: Instant) -> bool {
        let mut looked_at = 0;
        let records = self.order.len();
        while self.entries.len() >= capacity && looked_at < records {
            looked_at += 1;
            let Some((key, generation)) = self.order.pop_front() else { break };
            let Some(entry) = self.entries.get(&key) else { continue };
            if entry.generation != generation {
                // Released and claimed again since: a newer record exists.
                continue;
            }
            if entry.done || entry.expires <= now {
                self.entries.remove(&key);
            } else {
                self.order.push_back((key, generation));
            }
        }
        // Records of released entries pile up; drop them now and then.
        if self.order.len() > 2 * capacity.max(8) {
            let entries = &self.entries;
            self.order.retain(|(key, generation)| {
                entries.get(key).is_some_and(|entry| entry.generation == *generation)
            });
        }
        self.entries.len() < capacity
    }
}

fn lock(shard: &Mutex<Shard>) -> MutexGuard<'_, Shard> {
    // A panic while holding the lock leaves the map consistent (every update
    // is a single insert or remove), so a poisoned lock is safe to reuse.
    shard.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl InMemoryIdempotencyStore {
    fn complete_now(&self, key: &IdempotencyKey<'_>, token: ClaimToken) {
        let expires = Instant::now() + self.retention;
        let (stored, mut shard) = self.locate(key);
        if let Some(entry) = shard.entries.get_mut(&stored)
            && entry.holds(token)
        {
            entry.done = true;
            entry.expires = expires;
        }
    }

    fn release_now(&self, key: &IdempotencyKey<'_>, token: ClaimToken) {
        let (stored, mut shard) = self.locate(key);
        if shard.entries.get(&stored).is_some_and(|entry| !entry.done && entry.holds(token)) {
            shard.entries.remove(&stored);
        }
    }
}

impl IdempotencyStore for InMemoryIdempotencyStore {
    async fn claim(&self, key: &IdempotencyKey<'_>) -> Result<Claim, StoreError> {
        Ok(self.claim_now(key))
    }

    async fn complete(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> Result<(), StoreError> {
        self.complete_now(key, token);
        Ok(())
    }

    async fn release(&self, key: &IdempotencyKey<'_>, token: ClaimToken) -> Result<(), StoreError> {
        self.release_now(key, token);
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

    async fn acquire(store: &InMemoryIdempotencyStore, n: u128) -> ClaimToken {
        match claim(store, n).await {
            Claim::Acquired(token) => token,
            other => panic!("expected to acquire {n}, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_done_claim_reports_done_and_a_released_one_can_be_claimed_again() {
        let store = InMemoryIdempotencyStore::default();
        let token = acquire(&store, 1).await;
        assert_eq!(claim(&store, 1).await, Claim::InProgress);
        store.release(&key(1), token).await.expect("release");
        let token = acquire(&store, 1).await;
        store.complete(&key(1), token).await.expect("complete");
        assert_eq!(claim(&store, 1).await, Claim::Done);
    }

    #[tokio::test]
    async fn expired_entries_can_be_claimed_again() {
        let store = InMemoryIdempotencyStore::default()
            .retention(Duration::from_millis(20))
            .lease(Duration::from_millis(20));
        acquire(&store, 1).await;
        let token = acquire(&store, 2).await;
        store.complete(&key(2), token).await.expect("complete");
        std::thread::sleep(Duration::from_millis(30));
        acquire(&store, 1).await;
        acquire(&store, 2).await;
    }

    #[tokio::test]
    async fn the_store_stays_within_its_capacity() {
        let store = InMemoryIdempotencyStore::new(160);
        for n in 0..10_000 {
            let token = acquire(&store, n).await;
            store.complete(&key(n), token).await.expect("complete");
        }
        assert!(store.len() <= 160, "holds {}", store.len());
        assert_eq!(claim(&store, 9_999).await, Claim::Done, "the newest entries are kept");
    }

    #[tokio::test]
    async fn a_claim_in_progress_is_never_evicted_by_later_claims() {
        let store = InMemoryIdempotencyStore::new(16);
        acquire(&store, 1).await;
        for n in 2..2_000 {
            if let Claim::Acquired(token) = claim(&store, n).await {
                store.complete(&key(n), token).await.expect("complete");
            }
        }
        assert_eq!(claim(&store, 1).await, Claim::InProgress, "still held, not forgotten");
    }

    #[tokio::test]
    async fn a_store_full_of_claims_in_progress_says_later_not_acquired() {
        let store = InMemoryIdempotencyStore::new(16);
        let mut held = Vec::new();
        for n in 0..2_000 {
            match claim(&store, n).await {
                Claim::Acquired(token) => held.push((n, token)),
                Claim::InProgress => {}
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(held.len() <= 16, "at most the capacity is held: {}", held.len());
        for (n, _) in &held {
            assert_eq!(claim(&store, *n).await, Claim::InProgress, "{n} is still held");
        }
    }

    #[tokio::test]
    async fn only_the_holder_completes_or_releases_a_claim() {
        let store = InMemoryIdempotencyStore::default().lease(Duration::from_millis(10));
        let stale = acquire(&store, 1).await;
        std::thread::sleep(Duration::from_millis(20));
        let current = acquire(&store, 1).await;
        assert_ne!(stale, current);
        store.release(&key(1), stale).await.expect("release");
        assert_eq!(claim(&store, 1).await, Claim::InProgress, "the stale holder freed nothing");
        store.complete(&key(1), stale).await.expect("complete");
        assert_eq!(claim(&store, 1).await, Claim::InProgress, "nor completed it");
        store.complete(&key(1), current).await.expect("complete");
        assert_eq!(claim(&store, 1).await, Claim::Done);
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

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
use std::future::Future;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use hashbrown::HashTable;

use uuid::Uuid;

use crate::util::{BoxFuture, Padded};

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

    /// The in-memory store, which answers on the spot: a lane calls it
    /// without a future.
    pub(crate) fn memory(&self) -> Option<&InMemoryIdempotencyStore> {
        match self {
            Store::Memory(store) => Some(store),
            Store::Other(_) => None,
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
/// holder vanished is freed after `lease` (default 5 min). Both are measured
/// on a coarse clock (a timer tick, a few milliseconds) and never end early.
/// When `capacity` entries are held, entries are forgotten in the order they
/// were first claimed, done (or expired) ones only; a claim in progress is
/// never forgotten, so a store full of claims in progress answers
/// [`Claim::InProgress`] (try later) to new ones.
///
/// A claim and its completion cost one hash lookup: the claim's token names
/// the entry's slot, so completing or releasing it goes straight there.
/// Entries are held in 16 shards of a sixteenth of `capacity` each, and
/// forgotten in that order within their shard; the entries of one event id
/// (one per subscriber that handled it) are held in the same shard.
#[derive(Debug)]
pub struct InMemoryIdempotencyStore {
    shards: Box<[Padded<Mutex<Shard>>]>,
    hasher: foldhash::fast::RandomState,
    capacity_per_shard: usize,
    /// How long done entries are remembered and claims held, in coarse
    /// milliseconds (the coarse clock's lag included).
    retention_millis: u64,
    lease_millis: u64,
}

/// A key as the store holds it: the scope as a 64-bit hash under this
/// store's random seed (so scopes cannot be made to collide from outside),
/// and the id.
type StoredKey = (u64, u64, u64);

#[derive(Debug, Default)]
struct Shard {
    /// Slot numbers, by the hash of their key.
    index: HashTable<u32>,
    /// Every entry, in the order its slot was first taken.
    slots: Vec<Slot>,
    /// The slot a new key takes next once every slot is in use: slots are
    /// reused in the order they were taken.
    next: usize,
    generation: u64,
    /// Entries claimed or done (released ones are not held).
    held: usize,
}

#[derive(Debug)]
struct Slot {
    key: StoredKey,
    /// The claim's number in its shard: part of its holder's token.
    generation: u64,
    /// Coarse milliseconds.
    expires: u64,
    state: State,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Claimed,
    Done,
    /// Given up by its holder: free to claim again, in place.
    Released,
}

impl Slot {
    /// Whether a new key may take this slot now.
    fn reusable(&self, now: u64) -> bool {
        match self.state {
            State::Done | State::Released => true,
            State::Claimed => self.expires <= now,
        }
    }
}

fn stored_key(scope: u64, id: Uuid) -> StoredKey {
    let (high, low) = id.as_u64_pair();
    (scope, high, low)
}

/// A claim's token: its shard and slot, and its generation.
fn token(shard: usize, slot: usize, generation: u64) -> ClaimToken {
    ClaimToken::new(Uuid::from_u64_pair(((shard as u64) << 32) | slot as u64, generation))
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
            shards: (0..SHARDS).map(|_| Padded(Mutex::new(Shard::default()))).collect(),
            hasher: foldhash::fast::RandomState::default(),
            capacity_per_shard: capacity.div_ceil(SHARDS).clamp(1, u32::MAX as usize),
            retention_millis: 0,
            lease_millis: 0,
        }
        .retention(Duration::from_secs(24 * 60 * 60))
        .lease(Duration::from_secs(5 * 60))
    }

    /// How long a done entry is remembered.
    pub fn retention(mut self, retention: Duration) -> Self {
        self.retention_millis = coarse_span(retention);
        self
    }

    /// How long a claim is held for a delivery that neither completes nor releases it.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease_millis = coarse_span(lease);
        self
    }

    /// The number of entries held (done or claimed), expired ones included
    /// until they are claimed again or forgotten.
    pub fn len(&self) -> usize {
        self.shards.iter().map(|shard| lock(&shard.0).held).sum()
    }

    /// Whether the store holds no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The stored form of a scope; a lane computes it once.
    pub(crate) fn scope_hash(&self, scope: &str) -> u64 {
        self.hasher.hash_one(scope)
    }

    /// Where a key is held: its shard and its place in the shard's index.
    ///
    /// Both come from the id alone, so the entries of one id under several
    /// scopes (one event's subscribers) share a shard and an index group,
    /// and their slots are taken one after another: the claims after the
    /// first of an event find their cache lines loaded, where each would
    /// miss the cache in a store larger than it. The top seven bits, which
    /// the index compares before it compares keys, take the scope in too,
    /// so the entries of one id are told apart without reading their slots.
    fn place(&self, (scope, high, low): StoredKey) -> u64 {
        const TAG: u32 = 7;
        let by_id = self.hasher.hash_one((high, low));
        let tag = (by_id ^ scope).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - TAG);
        (by_id >> TAG) | (tag << (64 - TAG))
    }

    /// Claims `(scope, id)`, the scope given by its [`scope_hash`](Self::scope_hash).
    pub(crate) fn claim_now(&self, scope: u64, id: Uuid) -> Claim {
        let key = stored_key(scope, id);
        let hash = self.place(key);
        let shard_number = (hash >> 32) as usize & (SHARDS - 1);
        let now = crate::clock::coarse_millis();
        let expires = now.saturating_add(self.lease_millis);
        let mut shard = lock(&self.shards[shard_number].0);
        let Shard { index, slots, next, generation, held } = &mut *shard;
        *generation += 1;
        if let Some(&found) = index.find(hash, |&slot| slots[slot as usize].key == key) {
            let slot = &mut slots[found as usize];
            match slot.state {
                State::Done if slot.expires > now => return Claim::Done,
                State::Claimed if slot.expires > now => return Claim::InProgress,
                // Released or expired: claimed again, in place.
                State::Released => *held += 1,
                State::Claimed | State::Done => {}
            }
            *slot = Slot { key, generation: *generation, expires, state: State::Claimed };
            return Claim::Acquired(token(shard_number, found as usize, *generation));
        }
        let slot = Slot { key, generation: *generation, expires, state: State::Claimed };
        let taken = if slots.len() < self.capacity_per_shard {
            slots.push(slot);
            slots.len() - 1
        } else {
            // The oldest slot a new key may take; claims in progress are
            // passed over (and looked at again on the next round).
            let len = slots.len();
            let Some(offset) = (*next..len).chain(0..*next).find(|&at| slots[at].reusable(now))
            else {
                return Claim::InProgress;
            };
            let old = &slots[offset];
            if old.state != State::Released {
                *held -= 1;
            }
            let old_hash = self.place(old.key);
            if let Ok(entry) = index.find_entry(old_hash, |&at| at as usize == offset) {
                entry.remove();
            }
            *next = if offset + 1 == len { 0 } else { offset + 1 };
            slots[offset] = slot;
            offset
        };
        *held += 1;
        index.insert_unique(hash, taken as u32, |&at| self.place(slots[at as usize].key));
        Claim::Acquired(token(shard_number, taken, *generation))
    }

    /// The slot `token` names, if `token` holds the claim of `(scope, id)`.
    fn with_claim(
        &self,
        scope: u64,
        id: Uuid,
        token: ClaimToken,
        f: impl FnOnce(&mut Shard, usize),
    ) {
        let (place, generation) = token.value().as_u64_pair();
        let (shard_number, slot) = ((place >> 32) as usize, (place & u64::from(u32::MAX)) as usize);
        let Some(shard) = self.shards.get(shard_number) else { return };
        let mut shard = lock(&shard.0);
        let holds = shard.slots.get(slot).is_some_and(|held| {
            held.state == State::Claimed
                && held.generation == generation
                && held.key == stored_key(scope, id)
        });
        if holds {
            f(&mut shard, slot);
        }
    }

    /// Marks the claim `token` holds done.
    pub(crate) fn complete_now(&self, scope: u64, id: Uuid, token: ClaimToken) {
        let expires = crate::clock::coarse_millis().saturating_add(self.retention_millis);
        self.with_claim(scope, id, token, |shard, slot| {
            let slot = &mut shard.slots[slot];
            slot.state = State::Done;
            slot.expires = expires;
        });
    }

    /// Gives up the claim `token` holds.
    pub(crate) fn release_now(&self, scope: u64, id: Uuid, token: ClaimToken) {
        self.with_claim(scope, id, token, |shard, slot| {
            shard.slots[slot].state = State::Released;
            shard.held -= 1;
        });
    }
}

/// A span in coarse milliseconds that ends no earlier than `span` on the
/// precise clock: rounded up, plus the coarse clock's lag.
fn coarse_span(span: Duration) -> u64 {
    let span = span.saturating_add(crate::clock::coarse_lag());
    let millis = span.as_millis() + u128::from(!span.subsec_nanos().is_multiple_of(1_000_000));
    u64::try_from(millis).unwrap_or(u64::MAX)
}

fn lock(shard: &Mutex<Shard>) -> MutexGuard<'_, Shard> {
    // Nothing between the steps of a shard's update can panic (a failed
    // allocation aborts), so a poisoned lock still guards a consistent shard.
    shard.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl IdempotencyStore for InMemoryIdempotencyStore {
    async fn claim(&self, key: &IdempotencyKey<'_>) -> Result<Claim, StoreError> {
        Ok(self.claim_now(self.scope_hash(key.scope), key.id))
    }

    async fn complete(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> Result<(), StoreError> {
        self.complete_now(self.scope_hash(key.scope), key.id, token);
        Ok(())
    }

    async fn release(&self, key: &IdempotencyKey<'_>, token: ClaimToken) -> Result<(), StoreError> {
        self.release_now(self.scope_hash(key.scope), key.id, token);
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

    #[tokio::test]
    async fn a_token_acts_only_on_the_key_it_was_given_for() {
        let store = InMemoryIdempotencyStore::default();
        let first = acquire(&store, 1).await;
        let _second = acquire(&store, 2).await;
        store.complete(&key(2), first).await.expect("complete");
        store.release(&key(2), first).await.expect("release");
        assert_eq!(claim(&store, 2).await, Claim::InProgress, "2 is still held by its own token");
        store.complete(&key(1), first).await.expect("complete");
        assert_eq!(claim(&store, 1).await, Claim::Done);
    }

    #[tokio::test]
    async fn a_released_entry_is_not_held_and_its_key_is_claimed_again() {
        let store = InMemoryIdempotencyStore::default();
        let token = acquire(&store, 1).await;
        assert_eq!(store.len(), 1);
        store.release(&key(1), token).await.expect("release");
        assert!(store.is_empty(), "a released claim is not held");
        let again = acquire(&store, 1).await;
        assert_ne!(again, token);
        assert_eq!(store.len(), 1);
        store.complete(&key(1), token).await.expect("complete");
        assert_eq!(claim(&store, 1).await, Claim::InProgress, "the old token completes nothing");
    }

    #[tokio::test]
    async fn a_full_store_forgets_its_oldest_done_entries_first() {
        // One slot per shard: 16 entries in all.
        let store = InMemoryIdempotencyStore::new(16);
        let mut done = Vec::new();
        for n in 0..10_000 {
            if let Claim::Acquired(token) = claim(&store, n).await {
                store.complete(&key(n), token).await.expect("complete");
                done.push(n);
            }
        }
        assert_eq!(done.len(), 10_000, "done entries always make room");
        assert!(store.len() <= 16);
        let newest = *done.last().expect("some done");
        assert_eq!(claim(&store, newest).await, Claim::Done);
        assert!(matches!(claim(&store, 0).await, Claim::Acquired(_)), "the oldest was forgotten");
    }

    #[tokio::test]
    async fn the_scopes_of_one_id_keep_entries_of_their_own_through_evictions() {
        // The entries of one id share a shard and an index group; 300 scopes
        // of each id overflow a group many times over. A shard holds 400
        // (the store 6,400), so older ids are forgotten while newer ones
        // are claimed.
        let store = InMemoryIdempotencyStore::new(6_400);
        let scopes: Vec<String> = (0..300).map(|n| format!("group/sub-{n}")).collect();
        let scoped =
            |scope: &'static str, n: u128| IdempotencyKey { scope, id: Uuid::from_u128(n) };
        let scopes: Vec<&'static str> =
            scopes.into_iter().map(|scope| &*Box::leak(scope.into_boxed_str())).collect();
        for n in 0..200 {
            for (at, scope) in scopes.iter().enumerate() {
                let key = scoped(scope, n);
                let Ok(Claim::Acquired(token)) = store.claim(&key).await else {
                    panic!("scope {at} of id {n} was not acquired");
                };
                // Done for even scopes, in progress (then released) for odd ones.
                if at % 2 == 0 {
                    store.complete(&key, token).await.expect("complete");
                } else {
                    assert_eq!(store.claim(&key).await.ok(), Some(Claim::InProgress));
                    store.release(&key, token).await.expect("release");
                }
            }
            for (at, scope) in scopes.iter().enumerate() {
                let claim = store.claim(&scoped(scope, n)).await.expect("claim");
                match at % 2 {
                    0 => assert_eq!(claim, Claim::Done, "scope {at} of id {n}"),
                    _ => match claim {
                        Claim::Acquired(token) => {
                            store.release(&scoped(scope, n), token).await.expect("release");
                        }
                        other => panic!("scope {at} of id {n}: released, got {other:?}"),
                    },
                }
            }
            assert!(store.len() <= 6_400, "holds {}", store.len());
        }
        assert!(
            matches!(store.claim(&scoped(scopes[0], 0)).await, Ok(Claim::Acquired(_))),
            "the oldest id was forgotten"
        );
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

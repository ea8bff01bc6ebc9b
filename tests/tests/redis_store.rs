#![allow(missing_docs)]
//! The Redis idempotency store against the machine's Redis
//! (`EVENTLY_TEST_REDIS_URL`, default `redis://127.0.0.1:6379`). Each test
//! writes under a key prefix of its own, so runs in parallel do not meet.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use evently::idempotency::{Claim, ClaimToken, IdempotencyKey, IdempotencyStore};
use evently::redis::{ConnectError, RedisIdempotencyStore};
use evently::{Bus, Envelope, Uuid, event, subscriber};

fn redis_url() -> String {
    std::env::var("EVENTLY_TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned())
}

/// A prefix no other test run uses.
fn unique_prefix() -> String {
    static RUN: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("evently-test:{}:{nanos}:{}", std::process::id(), RUN.fetch_add(1, Ordering::Relaxed))
}

async fn store() -> RedisIdempotencyStore {
    match RedisIdempotencyStore::connect(&redis_url()).await {
        Ok(store) => store.prefix(unique_prefix()),
        Err(error) => panic!("this test needs Redis at {}: {error}", redis_url()),
    }
}

fn key(n: u128) -> IdempotencyKey<'static> {
    IdempotencyKey { scope: "group/subscriber", id: Uuid::from_u128(n) }
}

async fn claim(store: &RedisIdempotencyStore, n: u128) -> Claim {
    store.claim(&key(n)).await.expect("claim")
}

async fn acquire(store: &RedisIdempotencyStore, n: u128) -> ClaimToken {
    match claim(store, n).await {
        Claim::Acquired(token) => token,
        other => panic!("expected to acquire {n}, got {other:?}"),
    }
}

#[tokio::test]
async fn a_claim_is_acquired_once_then_in_progress_then_done() {
    let store = store().await;
    let token = acquire(&store, 1).await;
    assert_eq!(claim(&store, 1).await, Claim::InProgress, "held by the first claim");
    acquire(&store, 2).await;
    store.complete(&key(1), token).await.expect("complete");
    assert_eq!(claim(&store, 1).await, Claim::Done);
    assert_eq!(claim(&store, 2).await, Claim::InProgress, "other keys are apart");
}

#[tokio::test]
async fn a_released_claim_can_be_claimed_again_and_a_done_one_cannot_be_released() {
    let store = store().await;
    let token = acquire(&store, 1).await;
    store.release(&key(1), token).await.expect("release");
    let token = acquire(&store, 1).await;
    store.complete(&key(1), token).await.expect("complete");
    store.release(&key(1), token).await.expect("release");
    assert_eq!(claim(&store, 1).await, Claim::Done, "releasing after done changes nothing");
}

#[tokio::test]
async fn a_stale_holder_neither_completes_nor_releases_nor_renews_the_claim_taken_over() {
    let store = store().await.lease(Duration::from_millis(100));
    let stale = acquire(&store, 1).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The lease ran out: another delivery takes the claim over.
    let current = acquire(&store, 1).await;
    assert_ne!(stale, current);
    store.complete(&key(1), stale).await.expect("complete");
    assert_eq!(claim(&store, 1).await, Claim::InProgress, "the stale token completed nothing");
    store.release(&key(1), stale).await.expect("release");
    assert_eq!(claim(&store, 1).await, Claim::InProgress, "nor freed it");
    assert!(!store.renew(&key(1), stale).await.expect("renew"), "nor holds it");
    store.complete(&key(1), current).await.expect("complete");
    assert_eq!(claim(&store, 1).await, Claim::Done);
}

#[tokio::test]
async fn renewing_keeps_a_claim_past_its_lease() {
    let store = store().await.lease(Duration::from_millis(200));
    assert_eq!(store.renew_every(), Some(Duration::from_millis(200) / 3));
    let token = acquire(&store, 1).await;
    for _ in 0..6 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(store.renew(&key(1), token).await.expect("renew"), "still held");
    }
    // 600 ms after the claim, three leases: still the holder's.
    assert_eq!(claim(&store, 1).await, Claim::InProgress);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(matches!(claim(&store, 1).await, Claim::Acquired(_)), "lapsed once not renewed");
}

#[tokio::test]
async fn a_lapsed_claim_nobody_took_over_is_still_the_holders() {
    let store = store().await.lease(Duration::from_millis(100));
    let token = acquire(&store, 1).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(store.renew(&key(1), token).await.expect("renew"), "taken again");
    assert_eq!(claim(&store, 1).await, Claim::InProgress);
    store.complete(&key(1), token).await.expect("complete");
    assert_eq!(claim(&store, 1).await, Claim::Done);

    // A holder that finishes after its lease ran out, with nobody else
    // holding the claim, still records it done.
    let token = acquire(&store, 2).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    store.complete(&key(2), token).await.expect("complete");
    assert_eq!(claim(&store, 2).await, Claim::Done);
}

#[tokio::test]
async fn a_done_claim_is_forgotten_after_the_retention() {
    let store = store().await.retention(Duration::from_millis(150));
    let token = acquire(&store, 1).await;
    store.complete(&key(1), token).await.expect("complete");
    assert_eq!(claim(&store, 1).await, Claim::Done);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(matches!(claim(&store, 1).await, Claim::Acquired(_)), "forgotten");
}

#[tokio::test]
async fn the_store_reconnects_after_redis_drops_its_connection() {
    let client = redis::Client::open(redis_url()).expect("a Redis URL");
    let mut connection = match redis::aio::ConnectionManager::new(client).await {
        Ok(connection) => connection,
        Err(error) => panic!("this test needs Redis at {}: {error}", redis_url()),
    };
    let id: i64 = redis::cmd("CLIENT").arg("ID").query_async(&mut connection).await.expect("id");
    let store = RedisIdempotencyStore::new(connection).prefix(unique_prefix());
    let token = acquire(&store, 1).await;

    // Another client ends the store's connection, as a Redis restart does.
    let mut admin = redis::Client::open(redis_url())
        .expect("a Redis URL")
        .get_multiplexed_async_connection()
        .await
        .expect("admin connection");
    let killed: i64 = redis::cmd("CLIENT")
        .arg("KILL")
        .arg("ID")
        .arg(id)
        .query_async(&mut admin)
        .await
        .expect("kill");
    assert_eq!(killed, 1, "the store's connection was ended");

    // A call in flight may fail; a later one succeeds on a new connection.
    let mut completed = false;
    for _ in 0..20 {
        if store.complete(&key(1), token).await.is_ok() {
            completed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(completed, "a call after the drop succeeds");
    assert_eq!(claim(&store, 1).await, Claim::Done);
}

#[tokio::test]
async fn an_unreachable_redis_is_an_error_naming_its_address_without_the_password() {
    let started = std::time::Instant::now();
    let error = RedisIdempotencyStore::connect("redis://user:s3cret-pw@127.0.0.1:1/2")
        .await
        .expect_err("nothing listens on port 1");
    assert!(started.elapsed() < Duration::from_secs(10), "bounded time");
    assert!(matches!(error, ConnectError::Unreachable { .. }), "{error:?}");
    let message = error.to_string();
    assert_eq!(message, "Redis at 127.0.0.1:1/2 is unreachable");
    let mut chain = format!("{error:?}");
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    assert!(!chain.contains("s3cret-pw"), "the password shows: {chain}");
}

// ------------------------------------------- two members sharing the store

#[event(name = "test.redis.charged", topic = "redis.charged")]
pub struct CardCharged {
    pub order: u64,
}

static CHARGES: AtomicU32 = AtomicU32::new(0);

/// Runs for three leases of the store the test gives the members.
#[subscriber(group = "redis-members")]
async fn charge(_event: &CardCharged) -> evently::Result<()> {
    CHARGES.fetch_add(1, Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(600)).await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_delivered_to_two_members_sharing_the_store_is_handled_once() {
    let prefix = unique_prefix();
    let mut members = Vec::new();
    for name in ["member-a", "member-b"] {
        // Each member has its own connection, as two processes would.
        let store = store().await.prefix(prefix.clone()).lease(Duration::from_millis(200));
        let bus = Bus::builder()
            .source(name)
            .subscribe::<charge>()
            .idempotency_store(store)
            .start()
            .await
            .expect("bus starts");
        members.push(bus);
    }
    // The same message (one id) reaches both members at once.
    let id = Uuid::now_v7();
    for bus in &members {
        let envelope = Envelope::builder(CardCharged { order: 1 }).id(id).build();
        bus.publish_envelope(envelope).await.expect("publish");
    }
    for bus in &members {
        tokio::time::timeout(Duration::from_secs(20), bus.shutdown()).await.expect("drained");
    }
    // The handler outlives its lease three times over: only the bus
    // renewing the claim keeps the other member from running it too.
    assert_eq!(CHARGES.load(Ordering::SeqCst), 1, "handled once");
    let duplicates: u64 = members.iter().map(|bus| bus.stats().duplicates).sum();
    assert_eq!(duplicates, 1, "the other member acknowledged it as a duplicate");
}

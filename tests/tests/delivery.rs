#![allow(missing_docs)]
//! Delivery defects found by trying to break the bus, each pinned by the
//! test named after what it guards.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use evently::{Bus, Context, event, subscriber};

// ------------------------------------------- publishing from inside a handler

#[event(name = "test.delivery.spread", topic = "delivery.spread")]
pub struct SpreadRequested {
    pub depth: u32,
}

static SPREAD: AtomicU32 = AtomicU32::new(0);

/// At depth 0 publishes 1,000 events of its own type: its own lanes must
/// take them while it is still running.
#[subscriber(group = "delivery-spread")]
async fn spread(event: &SpreadRequested, ctx: Context) -> evently::Result<()> {
    SPREAD.fetch_add(1, Ordering::SeqCst);
    if event.depth == 0 {
        for _ in 0..1_000 {
            ctx.publish(SpreadRequested { depth: 1 }).await?;
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handler_publishing_to_its_own_full_queue_does_not_deadlock() {
    // The defaults: 8 lanes of 128 places; 1,000 follow-ups overfill the
    // publishing handler's own lane.
    let bus = Bus::builder().subscribe::<spread>().start().await.expect("bus starts");
    bus.publish(SpreadRequested { depth: 0 }).await.expect("publish");
    tokio::time::timeout(Duration::from_secs(30), bus.shutdown())
        .await
        .expect("shutdown returns: nothing waits on its own queue");
    assert_eq!(SPREAD.load(Ordering::SeqCst), 1_001);
}

// ------------------------------------------- a claim held by another delivery

#[event(name = "test.delivery.claimed", topic = "delivery.claimed")]
pub struct ClaimContested {
    pub id: u64,
}

static CONTESTED: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "delivery-claims", retries = 1, backoff = "immediate")]
async fn contested(_event: &ClaimContested) -> evently::Result<()> {
    CONTESTED.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_held_elsewhere_means_later_never_a_dead_letter() {
    use evently::idempotency::{Claim, IdempotencyKey, IdempotencyStore, InMemoryIdempotencyStore};
    let store = std::sync::Arc::new(InMemoryIdempotencyStore::default());
    let bus = Bus::builder()
        .subscribe::<contested>()
        .idempotency_store(std::sync::Arc::clone(&store))
        .start()
        .await
        .expect("bus starts");
    // Another member (sharing the store) is handling this message right now.
    let envelope = evently::Envelope::new(ClaimContested { id: 1 });
    let key = IdempotencyKey {
        scope: "delivery-claims/delivery::contested",
        id: envelope.metadata().id(),
    };
    let Claim::Acquired(token) = store.claim(&key).await.expect("claim") else {
        panic!("the other member claims first");
    };
    bus.publish_envelope(envelope).await.expect("publish");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(CONTESTED.load(Ordering::SeqCst), 0, "not run while the claim is held");
    assert!(bus.dead_letters().is_empty(), "a held claim is not a failure");
    assert_eq!(bus.stats().retries, 0, "and spends no retry");
    // The other member fails and gives the claim up: this delivery runs it.
    store.release(&key, token).await.expect("release");
    tokio::time::timeout(Duration::from_secs(20), bus.shutdown()).await.expect("drained");
    assert_eq!(CONTESTED.load(Ordering::SeqCst), 1);
    assert!(bus.dead_letters().is_empty());
}

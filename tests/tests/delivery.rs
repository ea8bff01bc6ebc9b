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

#![allow(missing_docs)]
//! A subscriber of the newest version receives older versions upcast through
//! the `upcast_from` chain; a subscriber of an old version keeps receiving it.

use std::sync::Mutex;
use std::time::Duration;

use evently::{Bus, Envelope, Uuid, subscriber};
use evently_tests::events::{UpcastPlaced, UpcastPlacedV1, UpcastPlacedV2};

/// What the newest subscriber saw: order id, total, currency, version, envelope id.
type Seen = (u64, u64, String, u32, Uuid);

static LATEST: Mutex<Vec<Seen>> = Mutex::new(Vec::new());
static OLDEST: Mutex<Vec<u64>> = Mutex::new(Vec::new());

#[subscriber(group = "upcast")]
async fn handle_latest(order: Envelope<UpcastPlaced>) -> evently::Result<()> {
    let (data, meta) = (order.data(), order.metadata());
    LATEST.lock().expect("lock").push((
        data.order_id,
        data.total_cents,
        data.currency.clone(),
        meta.version(),
        meta.id(),
    ));
    Ok(())
}

#[subscriber(group = "upcast")]
async fn handle_oldest(order: &UpcastPlacedV1) -> evently::Result<()> {
    OLDEST.lock().expect("lock").push(order.order_id);
    Ok(())
}

#[tokio::test]
async fn every_version_reaches_the_newest_subscriber_and_old_subscribers_keep_theirs() {
    let bus = Bus::builder().group("upcast").start().await.expect("bus starts");
    let v1 = bus.publish(UpcastPlacedV1 { order_id: 1 }).await.expect("publish v1");
    let v2 =
        bus.publish(UpcastPlacedV2 { order_id: 2, total_cents: 250 }).await.expect("publish v2");
    let v3 = bus
        .publish(UpcastPlaced { order_id: 3, total_cents: 990, currency: "USD".into() })
        .await
        .expect("publish v3");
    // A v1 message from another service, as JSON.
    let wire = bus
        .publish_json(br#"{"type": "test.upcast.placed", "version": 1, "source": "legacy", "data": {"order_id": 4}}"#)
        .await
        .expect("publish v1 JSON");
    tokio::time::timeout(Duration::from_secs(10), bus.wait_idle()).await.expect("idle");

    let mut latest = LATEST.lock().expect("lock").clone();
    latest.sort_by_key(|(order_id, ..)| *order_id);
    assert_eq!(
        latest,
        [
            (1, 0, "EUR".to_owned(), 3, v1),
            (2, 250, "EUR".to_owned(), 3, v2),
            (3, 990, "USD".to_owned(), 3, v3),
            (4, 0, "EUR".to_owned(), 3, wire),
        ],
        "upcast envelopes keep their id and carry the new version"
    );
    let mut oldest = OLDEST.lock().expect("lock").clone();
    oldest.sort_unstable();
    assert_eq!(oldest, [1, 4], "the v1 subscriber receives v1 messages only");
}

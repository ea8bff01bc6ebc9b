//! Appending and loading a 10 000-event stream on PostgreSQL, with and
//! without snapshots.
//!
//! ```text
//! cargo bench -p evently-tests --bench event_store
//! ```
//!
//! Needs PostgreSQL (`EVENTLY_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/test`); uses tables of its own and
//! drops them at the end.

#![allow(missing_docs)]

use std::time::{Duration, Instant};

use evently::sourcing::{EventStore, NewEvent, PostgresEventStore, Repository};
use evently_tests::aggregates::User;
use evently_tests::events::{EsNameChanged, EsUserCreated};

const EVENTS: u64 = 10_000;
const BATCH: u64 = 100;
const LOADS: usize = 5;

fn event(n: u64) -> NewEvent {
    if n == 0 {
        NewEvent::of(&EsUserCreated { id: 1, name: "Ada".into() }).expect("encodes")
    } else {
        NewEvent::of(&EsNameChanged { new_name: format!("Ada {n}") }).expect("encodes")
    }
}

fn rate(events: u64, elapsed: Duration) -> String {
    format!(
        "{:>10.0} events/s  ({:>8.1} ms)",
        events as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e3
    )
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

#[tokio::main]
async fn main() {
    let url = std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let prefix = format!("bench{}", std::process::id());
    let store = match PostgresEventStore::connect_with_prefix(&url, &prefix).await {
        Ok(store) => store,
        Err(error) => panic!("the benchmark needs PostgreSQL: {error}"),
    };

    // One event per append: one transaction each.
    let start = Instant::now();
    for n in 0..EVENTS {
        store.append("user-single", n, vec![event(n)]).await.expect("append");
    }
    let single = start.elapsed();

    // Batches of 100 events per append.
    let start = Instant::now();
    for batch in 0..EVENTS / BATCH {
        let events = (batch * BATCH..(batch + 1) * BATCH).map(event).collect();
        store.append("user-batched", batch * BATCH, events).await.expect("append");
    }
    let batched = start.elapsed();

    let users = Repository::<User, _>::new(store).snapshot_every(1_000);
    let mut replays = Vec::new();
    for _ in 0..LOADS {
        let start = Instant::now();
        let loaded = users.replay("batched").await.expect("replay");
        replays.push(start.elapsed());
        assert_eq!(loaded.version, EVENTS);
    }
    let replay = median(replays);

    // A snapshot 50 events before the end: a load reads it and the tail.
    let at = EVENTS - 50;
    let state = users.load_at_version("single", at).await.expect("load");
    users
        .store()
        .save_snapshot(evently::sourcing::Snapshot {
            stream: "user-single".into(),
            version: at,
            state: serde_json::to_value(&state.state).expect("serializes"),
        })
        .await
        .expect("snapshot");
    let mut snapshot_loads = Vec::new();
    for _ in 0..LOADS {
        let start = Instant::now();
        let loaded = users.load("single").await.expect("load");
        snapshot_loads.push(start.elapsed());
        assert_eq!(loaded.version, EVENTS);
        assert_eq!(loaded.state, users.replay("single").await.expect("replay").state);
    }
    let from_snapshot = median(snapshot_loads);

    println!("event store on PostgreSQL, a stream of {EVENTS} events");
    println!("  append, 1 event per transaction:    {}", rate(EVENTS, single));
    println!("  append, {BATCH} events per transaction: {}", rate(EVENTS, batched));
    println!("  load by full replay (median of {LOADS}):  {}", rate(EVENTS, replay));
    println!(
        "  load from a snapshot + 50 events:    {:>8.2} ms ({:.0}x faster than replay)",
        from_snapshot.as_secs_f64() * 1e3,
        replay.as_secs_f64() / from_snapshot.as_secs_f64()
    );
    users.store().drop_tables().await.expect("drop the benchmark's tables");
}

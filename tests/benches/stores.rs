//! What the idempotency guard costs per delivery on each store: one claim
//! and one complete, run one after the other, for a fresh message each time.
//!
//! ```text
//! cargo bench -p evently-tests --bench stores
//! ```
//!
//! Needs Redis (`EVENTLY_TEST_REDIS_URL`, default `redis://127.0.0.1:6379`)
//! and PostgreSQL (`EVENTLY_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/test`); writes under keys and tables
//! of its own and removes them at the end. The stores take turns round
//! after round, so a machine busy for a while slows all of them alike; the
//! best and the median round are printed, next to the in-memory store.

#![allow(missing_docs)]

use std::time::{Duration, Instant};

use evently::Uuid;
use evently::idempotency::{Claim, IdempotencyKey, IdempotencyStore, InMemoryIdempotencyStore};
use evently::postgres::PgStore;
use evently::redis::RedisIdempotencyStore;

const ROUNDS: usize = 9;
/// Targets per claim + complete pair: two loopback round trips to Redis;
/// two commits on PostgreSQL.
const REDIS_TARGET_US: f64 = 1_000.0;
const POSTGRES_TARGET_US: f64 = 10_000.0;

/// `pairs` claim + complete pairs on fresh ids from `next_id`; µs per pair.
async fn pairs<S: IdempotencyStore>(store: &S, pairs: u32, next_id: &mut u128) -> f64 {
    let start = Instant::now();
    for _ in 0..pairs {
        *next_id += 1;
        let key = IdempotencyKey { scope: "bench/stores", id: Uuid::from_u128(*next_id) };
        let Claim::Acquired(token) = store.claim(&key).await.expect("claim") else {
            panic!("a fresh id is acquired");
        };
        store.complete(&key, token).await.expect("complete");
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(pairs)
}

struct Row {
    name: &'static str,
    pairs: u32,
    rounds: Vec<f64>,
    target: Option<f64>,
}

impl Row {
    fn best(&self) -> f64 {
        evently_tests::best_and_median(&self.rounds).0
    }
    fn median(&self) -> f64 {
        evently_tests::best_and_median(&self.rounds).1
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let redis_url = std::env::var("EVENTLY_TEST_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned());
    let postgres_url = std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let run = format!("bench_stores_{}", std::process::id());

    let memory = InMemoryIdempotencyStore::default();
    let redis = match RedisIdempotencyStore::connect(&redis_url).await {
        // Short retention: the keys go by themselves if the run stops early.
        Ok(store) => {
            store.prefix(format!("evently-bench:{run}")).retention(Duration::from_secs(600))
        }
        Err(error) => panic!("the benchmark needs Redis at {redis_url}: {error}"),
    };
    let postgres = match PgStore::connect(&postgres_url).await {
        Ok(store) => store.prefix(&run).expect("a valid prefix"),
        Err(error) => panic!("the benchmark needs PostgreSQL at {postgres_url}: {error}"),
    };

    let mut rows = [
        Row { name: "in memory", pairs: 100_000, rounds: Vec::new(), target: None },
        Row { name: "Redis", pairs: 2_000, rounds: Vec::new(), target: Some(REDIS_TARGET_US) },
        Row {
            name: "PostgreSQL",
            pairs: 300,
            rounds: Vec::new(),
            target: Some(POSTGRES_TARGET_US),
        },
    ];
    let mut next_id = 0u128;
    // A first round of each, not counted: connections, prepared statements,
    // tables, scripts loaded.
    pairs(&memory, 1_000, &mut next_id).await;
    pairs(&redis, 100, &mut next_id).await;
    pairs(&postgres, 20, &mut next_id).await;
    for _ in 0..ROUNDS {
        rows[0].rounds.push(pairs(&memory, rows[0].pairs, &mut next_id).await);
        rows[1].rounds.push(pairs(&redis, rows[1].pairs, &mut next_id).await);
        rows[2].rounds.push(pairs(&postgres, rows[2].pairs, &mut next_id).await);
    }

    println!(
        "idempotency guard: claim + complete of a fresh message, µs per pair, {ROUNDS} interleaved rounds"
    );
    println!(
        "{:<12} {:>8} {:>12} {:>12} {:>14}  target",
        "store", "pairs", "best", "median", "x in memory"
    );
    let baseline = rows[0].median();
    for row in &rows {
        let verdict = match row.target {
            Some(target) if row.median() <= target => format!("under {target:.0} µs: met"),
            Some(target) => format!("under {target:.0} µs: not met"),
            None => "baseline".to_owned(),
        };
        println!(
            "{:<12} {:>8} {:>12.3} {:>12.3} {:>14.0}  {verdict}",
            row.name,
            row.pairs,
            row.best(),
            row.median(),
            row.median() / baseline
        );
    }

    for table in ["claims", "inbox", "outbox"] {
        sqlx::query(&format!("DROP TABLE IF EXISTS {run}_{table}"))
            .execute(postgres.pool())
            .await
            .expect("drop the benchmark's tables");
    }
    let client = redis::Client::open(redis_url).expect("a Redis URL");
    let mut connection = client.get_multiplexed_async_connection().await.expect("connect");
    // SCAN, not KEYS: other users of the server are not held up.
    let mut cursor = 0u64;
    loop {
        let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(format!("evently-bench:{run}:*"))
            .arg("COUNT")
            .arg(1_000)
            .query_async(&mut connection)
            .await
            .expect("list the benchmark's keys");
        if !keys.is_empty() {
            redis::cmd("DEL").arg(keys).query_async::<()>(&mut connection).await.expect("delete");
        }
        if next == 0 {
            break;
        }
        cursor = next;
    }
}

//! What the transactional inbox and outbox cost, as ratios measured side by
//! side in one run (rounds interleaved: baseline, evently, baseline, ...).
//!
//! ```text
//! cargo bench -p evently-tests --bench inbox_outbox [-- EVENTS ROUNDS]
//! ```
//!
//! - **Inbox**: a handler that inserts one row in its own transaction
//!   (begin, insert, commit), run by 8 tasks without evently, against the
//!   same insert in a transactional subscriber (`&mut PgConnection`) on an
//!   in-process bus with 8 lanes: the difference is the inbox's record and
//!   the bus.
//! - **Outbox**: `bus.publish` of each event to RabbitMQ (waiting for the
//!   broker's confirm) against `publish_in` in a transaction of its own per
//!   event, until the relay has sent every row (confirmed by RabbitMQ).
//!
//! The claim + complete latency of the stores is `--bench stores`.
//!
//! Needs PostgreSQL (`EVENTLY_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/test`) and RabbitMQ (127.0.0.1:5672);
//! uses tables and exchanges of its own.

#![allow(missing_docs)]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use evently::postgres::PgStore;
use evently::postgres::sqlx::{self, PgConnection, PgPool};
use evently::transport::{BoxTransport, RabbitMqConfig, RabbitMqTransport};
use evently::{Bus, event, subscriber};

#[event(name = "bench.credited", topic = "bench.credits", key = account)]
pub struct Credited {
    pub account: String,
    pub cents: i64,
}

static RUN: OnceLock<String> = OnceLock::new();

async fn insert(conn: &mut PgConnection, cents: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO bench_effects (run, cents) VALUES ($1, $2)")
        .bind(RUN.get().map(String::as_str).unwrap_or_default())
        .bind(cents)
        .execute(conn)
        .await
        .map(|_| ())
}

#[subscriber(group = "bench-inbox", guard = true)]
async fn credit(event: &Credited, tx: &mut PgConnection) -> evently::Result<()> {
    insert(tx, event.cents).await.map_err(evently::Error::new)
}

fn credited(n: usize) -> Credited {
    Credited { account: format!("a{}", n % 64), cents: n as i64 }
}

/// The baseline: 8 tasks, each running its share of the transactions.
async fn own_transactions(pool: &PgPool, events: usize) -> Duration {
    let start = Instant::now();
    let tasks: Vec<_> = (0..8)
        .map(|task| {
            let pool = pool.clone();
            tokio::spawn(async move {
                for n in (task..events).step_by(8) {
                    let mut tx = pool.begin().await.expect("begin");
                    insert(&mut tx, n as i64).await.expect("insert");
                    tx.commit().await.expect("commit");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task");
    }
    start.elapsed()
}

async fn through_inbox(bus: &Bus, events: usize) -> Duration {
    let start = Instant::now();
    for n in 0..events {
        bus.publish(credited(n)).await.expect("publish");
    }
    bus.wait_idle().await;
    start.elapsed()
}

async fn direct_publish(bus: &Bus, events: usize) -> Duration {
    let start = Instant::now();
    for n in 0..events {
        bus.publish(credited(n)).await.expect("publish");
    }
    start.elapsed()
}

async fn through_outbox(bus: &Bus, pg: &PgStore, events: usize) -> Duration {
    let start = Instant::now();
    for n in 0..events {
        let mut tx = pg.pool().begin().await.expect("begin");
        bus.publish_in(&mut tx, credited(n)).await.expect("publish in");
        tx.commit().await.expect("commit");
    }
    while pg.unsent().await.expect("count") > 0 {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    start.elapsed()
}

async fn rabbitmq(run: &str) -> BoxTransport {
    let config = RabbitMqConfig { namespace: format!("{run}."), ..RabbitMqConfig::default() };
    match RabbitMqTransport::connect(config).await {
        Ok(transport) => BoxTransport::new(transport),
        Err(error) => panic!("the benchmark needs RabbitMQ: {error}"),
    }
}

fn best_and_median(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    (samples[0], samples[samples.len() / 2])
}

fn per_event(duration: Duration, events: usize) -> f64 {
    duration.as_secs_f64() * 1e6 / events as f64
}

fn report(what: &str, unit: &str, baseline: Vec<Duration>, evently: Vec<Duration>, events: usize) {
    let (base_best, base_median) = best_and_median(baseline);
    let (best, median) = best_and_median(evently);
    println!(
        "{what}\n  baseline: best {:>8.1} {unit}, median {:>8.1} {unit}\n  evently:  best {:>8.1} {unit}, median {:>8.1} {unit}\n  ratio (median): {:.2}x",
        per_event(base_best, events),
        per_event(base_median, events),
        per_event(best, events),
        per_event(median, events),
        median.as_secs_f64() / base_median.as_secs_f64(),
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let events = args.first().copied().unwrap_or(2_000);
    let rounds = args.get(1).copied().unwrap_or(5);
    let url = std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let run = format!("bench{}", std::process::id());
    RUN.set(run.clone()).expect("set once");
    let pool = match sqlx::postgres::PgPoolOptions::new().max_connections(24).connect(&url).await {
        Ok(pool) => pool,
        Err(error) => panic!("the benchmark needs PostgreSQL: {error}"),
    };
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS bench_effects (run text NOT NULL, cents bigint NOT NULL)",
    )
    .execute(&pool)
    .await
    .expect("create the effects table");
    let pg = PgStore::new(pool.clone()).prefix(&run).expect("prefix");
    println!("{events} events per round, {rounds} rounds, interleaved\n");

    // Inbox.
    let inbox_bus =
        Bus::builder().inbox(pg.clone()).subscribe::<credit>().start().await.expect("bus");
    let (mut baseline, mut evently) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        baseline.push(own_transactions(&pool, events).await);
        evently.push(through_inbox(&inbox_bus, events).await);
    }
    inbox_bus.shutdown().await;
    report(
        "inbox: a handler's own transaction vs. the same handler in the inbox (µs/event)",
        "µs",
        baseline,
        evently,
        events,
    );

    // Outbox.
    // A queue bound to the topic, so RabbitMQ keeps what is published.
    Bus::builder()
        .transport(rabbitmq(&run).await)
        .subscribe::<credit>()
        .declare_topology()
        .await
        .expect("declare");
    let direct = Bus::builder().transport(rabbitmq(&run).await).start().await.expect("bus");
    let relayed = Bus::builder()
        .transport(rabbitmq(&run).await)
        .outbox(pg.clone())
        .start()
        .await
        .expect("bus");
    let (mut baseline, mut evently) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        baseline.push(direct_publish(&direct, events).await);
        evently.push(through_outbox(&relayed, &pg, events).await);
    }
    report(
        "outbox: publish (broker confirm) vs. publish_in + commit + relay (µs/event)",
        "µs",
        baseline,
        evently,
        events,
    );
    direct.shutdown().await;
    relayed.shutdown().await;

    for table in ["claims", "inbox", "outbox"] {
        let _ = sqlx::query(&format!("DROP TABLE IF EXISTS {run}_{table}")).execute(&pool).await;
    }
    let _ = sqlx::query("DELETE FROM bench_effects WHERE run = $1").bind(&run).execute(&pool).await;
}

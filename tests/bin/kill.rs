//! One process of the kill -9 tests (`tests/tests/kill.rs`): a producer or
//! a consumer, on one broker, that the test kills at random moments and
//! starts again.
//!
//! ```text
//! evently-kill produce <broker> <run> <count>   # publishes events 0..count through the outbox
//! evently-kill consume <broker> <run> <store>   # records each event's effect; store: inbox, postgres, redis, memory
//! ```
//!
//! The producer writes each event with a row of `kill_produced` in one
//! transaction, so after a restart it goes on from the first event that was
//! not committed; it exits once the outbox is empty. The consumer inserts
//! one row into `kill_effects` per handled event (no unique index: a second
//! effect shows as a second row) and runs until it is killed or gets
//! SIGTERM. Both print `ready` once started. PostgreSQL is
//! `EVENTLY_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`),
//! Kafka `EVENTLY_KILL_KAFKA` (default `127.0.0.1:9092`).

use std::sync::OnceLock;
use std::time::Duration;

use evently::postgres::PgStore;
use evently::postgres::sqlx::{self, PgConnection};
use evently::redis::RedisIdempotencyStore;
use evently::transport::{
    BoxTransport, KafkaConfig, KafkaTransport, NatsConfig, NatsTransport, RabbitMqConfig,
    RabbitMqTransport,
};
use evently::{Bus, StartPosition, event, subscriber};

/// Accounts the events are spread over: the events of one account are
/// ordered, different accounts run concurrently.
const ACCOUNTS: u64 = 16;

/// The n-th event of a run, on one of [`ACCOUNTS`] accounts.
#[event(name = "kill.deposited", topic = "kill.deposits", key = account)]
pub struct KillDeposited {
    /// Its number, from 0.
    pub n: i64,
    /// Its ordering key.
    pub account: String,
}

static RUN: OnceLock<String> = OnceLock::new();
static POOL: OnceLock<sqlx::PgPool> = OnceLock::new();

/// The effect, in the inbox's transaction: it commits with the record that
/// the message was handled. The pause after it widens the window in which
/// a kill lands mid-handler.
#[subscriber(group = "kill-inbox", retries = 1000, backoff = exponential(initial = "50ms", factor = 2, max = "1s"))]
async fn record_in_transaction(
    event: &KillDeposited,
    tx: &mut PgConnection,
) -> evently::Result<()> {
    insert_effect(&mut *tx, event.n).await?;
    pause(event.n).await;
    Ok(())
}

/// The effect on its own connection, guarded by the bus's idempotency store.
#[subscriber(group = "kill-store", retries = 1000, backoff = exponential(initial = "50ms", factor = 2, max = "1s"))]
async fn record(event: &KillDeposited) -> evently::Result<()> {
    let pool = POOL.get().expect("the pool is set before the bus starts");
    let mut conn = pool.acquire().await.map_err(evently::Error::new)?;
    insert_effect(&mut conn, event.n).await?;
    pause(event.n).await;
    Ok(())
}

async fn insert_effect(conn: &mut PgConnection, n: i64) -> evently::Result<()> {
    let run = RUN.get().expect("the run is set before the bus starts");
    sqlx::query("INSERT INTO kill_effects (run, n) VALUES ($1, $2)")
        .bind(run)
        .bind(n)
        .execute(conn)
        .await
        .map_err(evently::Error::new)?;
    Ok(())
}

async fn pause(n: i64) {
    tokio::time::sleep(Duration::from_micros((n as u64 * 7919) % 3000)).await;
}

fn postgres_url() -> String {
    std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

async fn transport(broker: &str, run: &str) -> anyhow::Result<BoxTransport> {
    let namespace = format!("{run}.");
    Ok(match broker {
        "rabbitmq" => BoxTransport::new(
            RabbitMqTransport::connect(RabbitMqConfig { namespace, ..RabbitMqConfig::default() })
                .await?,
        ),
        "nats" => BoxTransport::new(
            NatsTransport::connect(NatsConfig { namespace, ..NatsConfig::default() }).await?,
        ),
        "kafka" => BoxTransport::new(
            KafkaTransport::connect(KafkaConfig {
                namespace,
                brokers: vec![
                    std::env::var("EVENTLY_KILL_KAFKA")
                        .unwrap_or_else(|_| "127.0.0.1:9092".to_owned()),
                ],
                // One record per produce request: tansu answers a fetch that
                // starts inside a batch with the next batch, so a commit
                // point inside one would skip its records. Kafka itself
                // does not; evently's defaults do not change for it.
                producer_settings: vec![("batch.num.messages".to_owned(), "1".to_owned())],
                // The test sets it, and starts a killed consumer's
                // replacement only after it has run out (see tests/tests/kill.rs).
                session_timeout: Duration::from_millis(
                    std::env::var("EVENTLY_KILL_SESSION_MS")
                        .ok()
                        .and_then(|ms| ms.parse().ok())
                        .unwrap_or(6_000),
                ),
                ..KafkaConfig::default()
            })
            .await?,
        ),
        other => anyhow::bail!("unknown broker `{other}`: expected rabbitmq, nats or kafka"),
    })
}

async fn store(run: &str) -> anyhow::Result<PgStore> {
    Ok(PgStore::connect(&postgres_url()).await?.prefix(&format!("k{run}"))?)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    // What goes wrong (a lost connection, a retry) on stderr; `RUST_LOG` for more.
    evently_tests::log_to_stderr();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, broker, run, last] = args.as_slice() else {
        anyhow::bail!("usage: evently-kill produce|consume <broker> <run> <count|store>");
    };
    RUN.set(run.clone()).expect("set once");
    match mode.as_str() {
        "produce" => produce(broker, run, last.parse()?).await,
        "consume" => consume(broker, run, last).await,
        other => anyhow::bail!("unknown mode `{other}`: expected produce or consume"),
    }
}

async fn produce(broker: &str, run: &str, count: i64) -> anyhow::Result<()> {
    let pg = store(run).await?;
    let bus = Bus::builder()
        .source("kill-producer")
        .transport(transport(broker, run).await?)
        .outbox(pg.clone())
        .start()
        .await?;
    let next: i64 =
        sqlx::query_scalar("SELECT coalesce(max(n) + 1, 0) FROM kill_produced WHERE run = $1")
            .bind(run)
            .fetch_one(pg.pool())
            .await?;
    println!("ready {next}");
    let mut n = next;
    while n < count {
        let mut tx = pg.pool().begin().await?;
        for _ in 0..10 {
            if n == count {
                break;
            }
            sqlx::query("INSERT INTO kill_produced (run, n) VALUES ($1, $2)")
                .bind(run)
                .bind(n)
                .execute(&mut *tx)
                .await?;
            let account = format!("a{}", n as u64 % ACCOUNTS);
            bus.publish_in(&mut tx, KillDeposited { n, account }).await?;
            n += 1;
        }
        tx.commit().await?;
    }
    // Done once the relay sent everything.
    while pg.unsent().await? > 0 {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!("produced {count}");
    bus.shutdown().await;
    Ok(())
}

async fn consume(broker: &str, run: &str, store_kind: &str) -> anyhow::Result<()> {
    let pg = store(run).await?;
    POOL.set(pg.pool().clone()).expect("set once");
    let builder = Bus::builder()
        .source("kill-consumer")
        .transport(transport(broker, run).await?)
        .start_position(StartPosition::Earliest);
    let builder = match store_kind {
        "inbox" => builder.inbox(pg.clone()).subscribe::<record_in_transaction>(),
        "postgres" => builder.idempotency_store(pg.clone()).subscribe::<record>(),
        "redis" => {
            let redis = RedisIdempotencyStore::connect("redis://127.0.0.1:6379").await?;
            builder.idempotency_store(redis.prefix(format!("kill:{run}"))).subscribe::<record>()
        }
        "memory" => builder.subscribe::<record>(),
        other => {
            anyhow::bail!("unknown store `{other}`: expected inbox, postgres, redis or memory")
        }
    };
    let bus = builder.start().await?;
    println!("ready");
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    let mut ticks = tokio::time::interval(Duration::from_millis(250));
    loop {
        tokio::select! {
            _ = terminate.recv() => break,
            _ = ticks.tick() => {
                let stats = bus.stats();
                println!("stats dead_lettered={} duplicates={}", stats.dead_lettered, stats.duplicates);
            }
        }
    }
    bus.shutdown().await;
    let stats = bus.stats();
    println!("stats dead_lettered={} duplicates={}", stats.dead_lettered, stats.duplicates);
    Ok(())
}

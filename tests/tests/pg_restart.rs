#![allow(missing_docs)]
//! The PostgreSQL server stopped and started again under a bus that uses a
//! `PgStore` (idempotency store and inbox) and under a
//! `PostgresEventStore`: calls during the outage fail within a bound
//! instead of hanging, and afterwards the same handles work again, without
//! being created anew, with every inbox effect once.
//!
//! The server is the machine's cluster, driven with `pg_ctlcluster` (its
//! version is the one directory under `/etc/postgresql`); the test needs
//! the right to stop and start it. Stopping it breaks every other test that
//! talks to PostgreSQL at that moment, so this is its own test binary with
//! one test: `cargo test` runs test binaries one after another, never two
//! at once, so no other binary's tests run while the server is down (and a
//! second test here could run in parallel with this one). A guard starts
//! the server again if the test fails half-way.

use std::collections::HashMap;
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use evently::idempotency::{Claim, IdempotencyKey, IdempotencyStore};
use evently::postgres::PgStore;
use evently::postgres::sqlx::{self, PgConnection};
use evently::sourcing::{EventStore, NewEvent, PostgresEventStore, Until};
use evently::{Bus, Uuid, event, subscriber};

fn postgres_url() -> String {
    std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// How long a call may take while the server is down before it counts as
/// hanging. Both stores wait at most 5 s for a connection from their pool
/// (their acquire timeout) and then fail; the rest is slack for a loaded
/// machine.
const OUTAGE_CALL_BOUND: Duration = Duration::from_secs(10);

/// The cluster's version: the one directory under `/etc/postgresql`.
fn cluster_version() -> String {
    let versions: Vec<String> = std::fs::read_dir("/etc/postgresql")
        .unwrap_or_else(|error| {
            panic!("this test needs a PostgreSQL cluster in /etc/postgresql: {error}")
        })
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    match versions.as_slice() {
        [version] => version.clone(),
        other => panic!("expected one PostgreSQL version in /etc/postgresql, found {other:?}"),
    }
}

/// Runs `pg_ctlcluster <version> main <action>` with every descriptor above
/// stderr closed: the server it starts would otherwise inherit whatever this
/// process holds open without close-on-exec (a lock or a pipe of the test
/// runner's) and keep it for as long as it runs.
fn pg_ctlcluster(version: &str, action: &str) -> std::process::ExitStatus {
    const CLOSE_INHERITED: &str = r#"for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null; fi; done; exec pg_ctlcluster "$@""#;
    let mut command = Command::new("bash");
    command.args(["-c", CLOSE_INHERITED, "pg_ctlcluster", version, "main", action]);
    if action == "stop" {
        // Ends the sessions at once, as a crash or a failover would.
        command.args(["--mode", "fast"]);
    }
    command.status().unwrap_or_else(|error| {
        panic!("this test needs `pg_ctlcluster` to restart PostgreSQL: {error}")
    })
}

fn listening() -> bool {
    std::net::TcpStream::connect_timeout(
        &"127.0.0.1:5432".parse().expect("address"),
        Duration::from_millis(500),
    )
    .is_ok()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "{what} within 30 s");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Keeps the server stopped while it lives; starting it again on drop,
/// also when the test panics, so the machine is left as it was found.
struct Outage {
    version: String,
}

impl Outage {
    fn begin(version: &str) -> Outage {
        let status = pg_ctlcluster(version, "stop");
        assert!(status.success(), "pg_ctlcluster {version} main stop failed with {status}");
        wait_until("PostgreSQL stops listening", || !listening());
        Outage { version: version.to_owned() }
    }
}

impl Drop for Outage {
    fn drop(&mut self) {
        // `start` waits until the server accepts connections.
        let status = pg_ctlcluster(&self.version, "start");
        if !std::thread::panicking() {
            assert!(
                status.success(),
                "pg_ctlcluster {} main start failed with {status}",
                self.version
            );
        }
        wait_until("PostgreSQL listens again", listening);
    }
}

#[event(name = "test.pg_restart.credited", topic = "pg.restart")]
pub struct Credited {
    pub run: String,
    pub n: i64,
}

/// Through the inbox: the effect commits with the record that it was handled.
#[subscriber(group = "pg-restart-inbox", retries = 100, backoff = exponential(initial = "20ms", factor = 2, max = "500ms"))]
async fn credit_in_transaction(event: &Credited, tx: &mut PgConnection) -> evently::Result<()> {
    sqlx::query("INSERT INTO pg_restart_effects (run, n) VALUES ($1, $2)")
        .bind(&event.run)
        .bind(event.n)
        .execute(&mut *tx)
        .await
        .map_err(evently::Error::new)?;
    // Widens the window in which the stop finds handlers at work.
    tokio::time::sleep(Duration::from_millis(10)).await;
    Ok(())
}

static CLAIMED: Mutex<Option<HashMap<(String, i64), u32>>> = Mutex::new(None);

/// Guarded by the idempotency store's claims; its effect is in memory.
#[subscriber(group = "pg-restart-claims", retries = 100, backoff = exponential(initial = "20ms", factor = 2, max = "500ms"))]
async fn credit_once(event: &Credited) -> evently::Result<()> {
    let mut claimed = CLAIMED.lock().expect("lock");
    *claimed.get_or_insert_with(HashMap::new).entry((event.run.clone(), event.n)).or_insert(0) += 1;
    Ok(())
}

/// How many times each of `0..total` was handled by the claims subscriber.
fn claimed(run: &str, total: i64) -> Vec<u32> {
    let claimed = CLAIMED.lock().expect("lock");
    let claimed = claimed.as_ref();
    (0..total)
        .map(|n| claimed.and_then(|map| map.get(&(run.to_owned(), n))).copied().unwrap_or(0))
        .collect()
}

async fn publish(bus: &Bus, run: &str, range: std::ops::Range<i64>) {
    for n in range {
        bus.publish(Credited { run: run.to_owned(), n }).await.expect("publish in process");
    }
}

fn stored(n: i64) -> NewEvent {
    NewEvent::of(&Credited { run: "stream".to_owned(), n }).expect("encodes")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_restart_fails_calls_in_flight_and_the_same_stores_work_after_it() {
    let version = cluster_version();
    let run = format!("t{}", Uuid::now_v7().simple());
    let store = match PgStore::connect(&postgres_url()).await {
        Ok(store) => store.prefix(&run).expect("a valid prefix"),
        Err(error) => panic!("this test needs PostgreSQL: {error}"),
    };
    let events = PostgresEventStore::connect_with_prefix(&postgres_url(), &format!("{run}_es"))
        .await
        .expect("the event store connects");
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS pg_restart_effects (run text NOT NULL, n bigint NOT NULL)",
    )
    .execute(store.pool())
    .await
    .expect("create the effects table");
    let bus = Bus::builder()
        .idempotency_store(store.clone())
        .inbox(store.clone())
        .subscribe::<(credit_in_transaction, credit_once)>()
        .start()
        .await
        .expect("bus starts");
    let stream = format!("account-{run}");

    // Before: everything works.
    publish(&bus, &run, 0..100).await;
    assert_eq!(events.append(&stream, 0, vec![stored(0), stored(1)]).await.expect("append"), 2);
    tokio::time::timeout(Duration::from_secs(20), bus.wait_idle()).await.expect("handled before");

    // The stop finds handlers at work: published, not yet handled.
    publish(&bus, &run, 100..200).await;
    let outage = tokio::task::block_in_place(|| Outage::begin(&version));
    let key = IdempotencyKey { scope: "pg-restart/outage", id: Uuid::now_v7() };
    let started = Instant::now();
    let (append, claim, unsent) = tokio::join!(
        tokio::time::timeout(OUTAGE_CALL_BOUND, events.append(&stream, 2, vec![stored(2)])),
        tokio::time::timeout(OUTAGE_CALL_BOUND, store.claim(&key)),
        tokio::time::timeout(OUTAGE_CALL_BOUND, store.unsent()),
    );
    let waited = started.elapsed();
    let (Ok(append), Ok(claim), Ok(unsent)) = (append, claim, unsent) else {
        panic!("a call hung for {OUTAGE_CALL_BOUND:?} while PostgreSQL was down");
    };
    assert!(append.is_err(), "an append while PostgreSQL is down fails: {append:?}");
    assert!(claim.is_err(), "a claim while PostgreSQL is down fails: {claim:?}");
    assert!(unsent.is_err(), "a query while PostgreSQL is down fails: {unsent:?}");
    // Events published during the outage wait for it like the others.
    publish(&bus, &run, 200..250).await;
    tokio::task::block_in_place(|| drop(outage));
    println!("calls during the outage failed within {waited:.1?}");

    // After: the same handles, not created anew.
    publish(&bus, &run, 250..300).await;
    tokio::time::timeout(Duration::from_secs(30), bus.wait_idle())
        .await
        .expect("everything handled within 30 s of the restart");
    assert_eq!(
        events.append(&stream, 2, vec![stored(2)]).await.expect("append after the restart"),
        3,
        "the failed append stored nothing"
    );
    let read = events.read_stream(&stream, 0, Until::End).await.expect("read after the restart");
    assert_eq!(read.len(), 3);
    assert!(
        matches!(store.claim(&key).await.expect("claim after the restart"), Claim::Acquired(_)),
        "the claim that failed during the outage is free"
    );
    assert_eq!(store.unsent().await.expect("query after the restart"), 0);

    let (rows, distinct): (i64, i64) =
        sqlx::query_as("SELECT count(*), count(DISTINCT n) FROM pg_restart_effects WHERE run = $1")
            .bind(&run)
            .fetch_one(store.pool())
            .await
            .expect("count the effects");
    let stats = bus.stats();
    let claims = claimed(&run, 300);
    println!(
        "inbox effects {rows} ({distinct} distinct); claims subscriber: {} lost, {} run twice; {} retries",
        claims.iter().filter(|&&c| c == 0).count(),
        claims.iter().filter(|&&c| c > 1).count(),
        stats.retries,
    );
    assert_eq!(distinct, 300, "an inbox effect is missing: lost");
    assert_eq!(rows, 300, "an inbox effect exists twice");
    assert!(claims.iter().all(|&c| c >= 1), "the claims subscriber lost an event");
    assert_eq!(stats.dead_lettered, 0, "nothing is dead-lettered");
    assert!(stats.retries > 0, "the outage made calls in flight fail and retry");

    bus.shutdown().await;
    for table in ["claims", "inbox", "outbox", "es_events", "es_snapshots"] {
        let _ =
            sqlx::query(&format!("DROP TABLE IF EXISTS {run}_{table}")).execute(store.pool()).await;
    }
    let _ = sqlx::query("DELETE FROM pg_restart_effects WHERE run = $1")
        .bind(&run)
        .execute(store.pool())
        .await;
}

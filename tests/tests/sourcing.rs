#![allow(missing_docs)]
//! Event sourcing on both stores: the in-memory one and PostgreSQL (the
//! machine's server, `EVENTLY_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/test`). Each PostgreSQL test uses its
//! own tables.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use evently::sourcing::{
    EventStore, ExecuteError, InMemoryEventStore, NewEvent, PostgresEventStore, Repository,
    StoreError, Until,
};
use evently::{Bus, Envelope, Uuid, subscriber};
use evently_tests::aggregates::{Orders, User, UserCommand, UserError};
use evently_tests::events::{EsNameChanged, EsUserCreated, UpcastPlaced};
use serde_json::json;
use sqlx::postgres::PgPoolOptions;

fn postgres_url() -> String {
    std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// A PostgreSQL store on tables no other test uses (names stay well under
/// PostgreSQL's 63-byte limit).
async fn postgres() -> PostgresEventStore {
    static RUN: AtomicU32 = AtomicU32::new(0);
    let prefix =
        format!("t{}_{}_{}", std::process::id(), stamp(), RUN.fetch_add(1, Ordering::Relaxed));
    match PostgresEventStore::connect_with_prefix(&postgres_url(), &prefix).await {
        Ok(store) => store,
        Err(error) => panic!("this test needs PostgreSQL: {error}"),
    }
}

fn create(name: &str) -> UserCommand {
    UserCommand::Create { id: 7, name: name.to_owned() }
}

fn rename(name: &str) -> UserCommand {
    UserCommand::Rename { name: name.to_owned() }
}

fn new_events(count: usize) -> Vec<NewEvent> {
    (0..count)
        .map(|n| NewEvent::of(&EsNameChanged { new_name: format!("name {n}") }).expect("encodes"))
        .collect()
}

// ------------------------------------------------------------ the scenarios, for any store

async fn one_of_two_concurrent_writers_wins<S: EventStore>(first: Arc<S>, second: Arc<S>) {
    let stream = "user-race";
    first.append(stream, 0, new_events(1)).await.expect("seed the stream");
    // Two tasks append at the same expected version.
    let [a, b] = [Arc::clone(&first), second]
        .map(|store| tokio::spawn(async move { store.append(stream, 1, new_events(3)).await }));
    let (a, b) = (a.await.expect("task"), b.await.expect("task"));
    let (won, lost) = match (a, b) {
        (Ok(version), Err(error)) | (Err(error), Ok(version)) => (version, error),
        other => panic!("exactly one writer must win, got {other:?}"),
    };
    assert_eq!(won, 4);
    match lost {
        StoreError::Conflict { stream: conflicted, expected: 1, actual: 4 } => {
            assert_eq!(conflicted, stream)
        }
        other => panic!("expected a conflict, got {other}"),
    }
    let stored = first.read_stream(stream, 0, Until::End).await.expect("read");
    assert_eq!(stored.len(), 4, "nothing of the losing batch was stored");
    assert_eq!(stored.iter().map(|e| e.version).collect::<Vec<_>>(), [1, 2, 3, 4]);
}

async fn replay_equals_the_state_built_live<S: EventStore>(store: S) {
    let users = Repository::<User, _>::new(store);
    let mut live = users.execute("1", create("Ada")).await.expect("create").state;
    for n in 0..20 {
        live = users.execute("1", rename(&format!("Ada {n}"))).await.expect("rename").state;
    }
    assert!(matches!(
        users.execute("1", rename("")).await,
        Err(ExecuteError::Rejected(UserError::EmptyName))
    ));
    let replayed = users.replay("1").await.expect("replay");
    assert_eq!(replayed.state, live);
    assert_eq!(replayed.version, 21);
    assert_eq!(live, User { id: 7, name: "Ada 19".into(), renames: 20 });
}

async fn snapshot_and_tail_equal_full_replay<S: EventStore>(store: S) {
    let users = Repository::<User, _>::new(store).snapshot_every(10);
    users.execute("2", create("Grace")).await.expect("create");
    for n in 0..24 {
        users.execute("2", rename(&format!("Grace {n}"))).await.expect("rename");
    }
    let snapshot = users
        .store()
        .load_snapshot("user-2", u64::MAX)
        .await
        .expect("load")
        .expect("a snapshot was taken");
    assert_eq!(snapshot.version, 20, "snapshots at every 10th event");
    let loaded = users.load("2").await.expect("load");
    let replayed = users.replay("2").await.expect("replay");
    assert_eq!(loaded, replayed);
    assert_eq!(loaded.version, 25);
    // As of version 15: the snapshot at 10 and five events after it.
    let then = users.load_at_version("2", 15).await.expect("load at 15");
    assert_eq!(then.version, 15);
    assert_eq!(then.state.name, "Grace 13");
}

async fn time_travel_returns_the_state_as_of_a_version_or_a_time<S: EventStore>(store: S) {
    let users = Repository::<User, _>::new(store);
    users.execute("3", create("Linus")).await.expect("create");
    users.execute("3", rename("Linus T.")).await.expect("rename");
    tokio::time::sleep(Duration::from_millis(20)).await;
    let between = std::time::SystemTime::now();
    tokio::time::sleep(Duration::from_millis(20)).await;
    users.execute("3", rename("Linus Torvalds")).await.expect("rename");

    let at_two = users.load_at_version("3", 2).await.expect("load at 2");
    assert_eq!((at_two.state.name.as_str(), at_two.version), ("Linus T.", 2));
    let as_of = users.load_as_of("3", between).await.expect("load as of");
    assert_eq!((as_of.state.name.as_str(), as_of.version), ("Linus T.", 2));
    assert_eq!(users.load("3").await.expect("load").state.name, "Linus Torvalds");
}

async fn an_event_that_no_longer_decodes_names_stream_position_name_and_version<S: EventStore>(
    store: S,
) {
    let users = Repository::<User, _>::new(store);
    users.execute("4", create("Barbara")).await.expect("create");
    let broken = NewEvent {
        id: Uuid::now_v7(),
        event_type: "test.es.name_changed",
        event_version: 1,
        timestamp: std::time::SystemTime::now(),
        data: json!({ "new_name": 42 }),
    };
    users.store().append("user-4", 1, vec![broken]).await.expect("append");
    let error = users.load("4").await.expect_err("does not decode");
    match &error {
        StoreError::Decode { stream, version, position, event_type, event_version, .. } => {
            assert_eq!((stream.as_str(), *version), ("user-4", 2));
            assert!(*position >= 2);
            assert_eq!((event_type.as_str(), *event_version), ("test.es.name_changed", 1));
        }
        other => panic!("expected a decode error, got {other}"),
    }
    let message = error.to_string();
    assert!(message.starts_with("stream `user-4` event 2 (global position "), "{message}");
    assert!(message.ends_with("`test.es.name_changed` v1, does not decode"), "{message}");
    // The cause is the source, printed once by whoever walks the chain.
    let cause = std::error::Error::source(&error).expect("a cause");
    assert_eq!(cause.to_string(), "the stored data does not match the event's type");
    let serde = cause.source().expect("serde's error").to_string();
    assert!(serde.starts_with("invalid type"), "{serde}");
    assert!(!message.contains(&serde), "the cause is not repeated in the message: {message}");
}

async fn older_stored_versions_are_upcast_on_load<S: EventStore>(store: S) {
    let orders = Repository::<Orders, _>::new(store);
    let stored_v1 = NewEvent {
        id: Uuid::now_v7(),
        event_type: "test.upcast.placed",
        event_version: 1,
        timestamp: std::time::SystemTime::now(),
        data: json!({ "order_id": 1 }),
    };
    orders.store().append("orders-all", 0, vec![stored_v1]).await.expect("append v1");
    orders
        .execute("all", UpcastPlaced { order_id: 2, total_cents: 500, currency: "USD".into() })
        .await
        .expect("append v3");
    let loaded = orders.load("all").await.expect("load");
    assert_eq!(loaded.state.placed, [(1, 0, "EUR".to_owned()), (2, 500, "USD".to_owned())]);
}

async fn the_global_order_reads_every_stream_from_a_position<S: EventStore>(store: S) {
    store.append("a", 0, new_events(2)).await.expect("append");
    store.append("b", 0, new_events(1)).await.expect("append");
    store.append("a", 2, new_events(1)).await.expect("append");
    let all = store.read_all(0, 100).await.expect("read all");
    let order: Vec<(&str, u64)> = all.iter().map(|e| (e.stream.as_str(), e.version)).collect();
    assert_eq!(order, [("a", 1), ("a", 2), ("b", 1), ("a", 3)]);
    assert!(all.windows(2).all(|pair| pair[0].position < pair[1].position));
    let rest = store.read_all(all[1].position, 100).await.expect("read from a position");
    assert_eq!(rest.len(), 2);
    assert_eq!(rest[0].position, all[2].position);
    assert_eq!(store.read_all(0, 1).await.expect("limit").len(), 1);
}

// ------------------------------------------------------------ in memory

#[tokio::test]
async fn in_memory_one_of_two_concurrent_writers_wins() {
    let store = Arc::new(InMemoryEventStore::default());
    one_of_two_concurrent_writers_wins(store.clone(), store).await;
}

#[tokio::test]
async fn in_memory_replay_equals_the_state_built_live() {
    replay_equals_the_state_built_live(InMemoryEventStore::default()).await;
}

#[tokio::test]
async fn in_memory_snapshot_and_tail_equal_full_replay() {
    snapshot_and_tail_equal_full_replay(InMemoryEventStore::default()).await;
}

#[tokio::test]
async fn in_memory_time_travel() {
    time_travel_returns_the_state_as_of_a_version_or_a_time(InMemoryEventStore::default()).await;
}

#[tokio::test]
async fn in_memory_undecodable_event_is_named() {
    an_event_that_no_longer_decodes_names_stream_position_name_and_version(
        InMemoryEventStore::default(),
    )
    .await;
}

#[tokio::test]
async fn in_memory_older_versions_are_upcast() {
    older_stored_versions_are_upcast_on_load(InMemoryEventStore::default()).await;
}

#[tokio::test]
async fn in_memory_global_order() {
    the_global_order_reads_every_stream_from_a_position(InMemoryEventStore::default()).await;
}

// ------------------------------------------------------------ PostgreSQL

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_one_of_two_concurrent_writers_wins() {
    // Two stores, two sets of connections: the race is decided in PostgreSQL.
    let first = Arc::new(postgres().await);
    let second = PostgresEventStore::connect_with_prefix(&postgres_url(), first.prefix())
        .await
        .expect("second connection");
    one_of_two_concurrent_writers_wins(Arc::clone(&first), Arc::new(second)).await;
    drop_tables(&first).await;
}

/// Writers with skewed clocks: the third event is stamped before the second.
async fn as_of_a_time_is_a_prefix_of_the_stream_even_when_clocks_are_skewed<S: EventStore>(
    store: S,
) {
    let start = std::time::SystemTime::now() - Duration::from_secs(600);
    let stamped = |event: NewEvent, seconds: u64| NewEvent {
        timestamp: start + Duration::from_secs(seconds),
        ..event
    };
    let events = vec![
        stamped(NewEvent::of(&EsUserCreated { id: 9, name: "Ada".into() }).expect("encodes"), 0),
        stamped(NewEvent::of(&EsNameChanged { new_name: "Ada L.".into() }).expect("encodes"), 20),
        stamped(NewEvent::of(&EsNameChanged { new_name: "Ada K.".into() }).expect("encodes"), 10),
    ];
    store.append("user-9", 0, events).await.expect("append");
    let users = Repository::<User, _>::new(store);
    let as_of = users.load_as_of("9", start + Duration::from_secs(15)).await.expect("load");
    // Event 2 happened after the time, so the state stops before it; event 3,
    // stamped earlier, comes after it in the stream and is not applied alone.
    assert_eq!((as_of.state.name.as_str(), as_of.version), ("Ada", 1));
    let later = users.load_as_of("9", start + Duration::from_secs(25)).await.expect("load");
    assert_eq!((later.state.name.as_str(), later.version), ("Ada K.", 3));
}

#[tokio::test]
async fn in_memory_as_of_a_time_is_a_prefix() {
    as_of_a_time_is_a_prefix_of_the_stream_even_when_clocks_are_skewed(
        InMemoryEventStore::default(),
    )
    .await;
}

async fn drop_tables(store: &PostgresEventStore) {
    store.drop_tables().await.expect("drop the test's tables");
}

/// Runs a scenario on fresh tables, then drops them.
macro_rules! on_postgres {
    ($test:ident, $scenario:ident) => {
        #[tokio::test]
        async fn $test() {
            let store = Arc::new(postgres().await);
            $scenario(Arc::clone(&store)).await;
            drop_tables(&store).await;
        }
    };
}

on_postgres!(postgres_replay_equals_the_state_built_live, replay_equals_the_state_built_live);
on_postgres!(postgres_snapshot_and_tail_equal_full_replay, snapshot_and_tail_equal_full_replay);
on_postgres!(postgres_time_travel, time_travel_returns_the_state_as_of_a_version_or_a_time);
on_postgres!(
    postgres_undecodable_event_is_named,
    an_event_that_no_longer_decodes_names_stream_position_name_and_version
);
on_postgres!(postgres_older_versions_are_upcast, older_stored_versions_are_upcast_on_load);
on_postgres!(postgres_global_order, the_global_order_reads_every_stream_from_a_position);
on_postgres!(
    postgres_as_of_a_time_is_a_prefix,
    as_of_a_time_is_a_prefix_of_the_stream_even_when_clocks_are_skewed
);

#[tokio::test]
async fn an_unreachable_postgres_is_an_error_naming_its_address() {
    let started = std::time::Instant::now();
    let error = PostgresEventStore::connect("postgres://postgres@127.0.0.1:1/test")
        .await
        .expect_err("nothing listens on port 1");
    assert!(started.elapsed() < Duration::from_secs(10), "bounded time");
    let message = error.to_string();
    assert!(message.starts_with("PostgreSQL at 127.0.0.1:1/test is unreachable"), "{message}");
}

// ------------------------------------------------------------ publishing after commit

static PUBLISHED: Mutex<Vec<(Uuid, String)>> = Mutex::new(Vec::new());

#[subscriber(group = "sourcing-publish")]
async fn record_renames(event: Envelope<EsNameChanged>) -> evently::Result<()> {
    PUBLISHED.lock().expect("lock").push((event.metadata().id(), event.data().new_name.clone()));
    Ok(())
}

#[subscriber(group = "sourcing-publish")]
async fn record_creations(_event: &EsUserCreated) -> evently::Result<()> {
    Ok(())
}

#[tokio::test]
async fn appended_events_are_published_with_their_stored_ids() {
    let bus =
        Bus::builder().source("users").group("sourcing-publish").start().await.expect("bus starts");
    let users = Repository::<User, _>::new(InMemoryEventStore::default()).publish_to(bus.clone());
    users.execute("5", create("Alan")).await.expect("create");
    users.execute("5", rename("Alan T.")).await.expect("rename");
    tokio::time::timeout(Duration::from_secs(10), bus.wait_idle()).await.expect("idle");
    let stored = users.store().read_stream("user-5", 1, Until::End).await.expect("read");
    let published = PUBLISHED.lock().expect("lock").clone();
    assert_eq!(published, [(stored[0].id, "Alan T.".to_owned())]);
}

/// Seconds since the epoch, so names stay unique across runs that reuse a pid.
fn stamp() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

// ------------------------------------------------ a snapshot failing after commit

/// An in-memory store whose snapshots always fail.
#[derive(Debug, Default)]
struct SnapshotsFail(InMemoryEventStore);

impl EventStore for SnapshotsFail {
    async fn append(
        &self,
        stream: &str,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> Result<u64, StoreError> {
        self.0.append(stream, expected, events).await
    }
    async fn read_stream(
        &self,
        stream: &str,
        after: u64,
        until: Until,
    ) -> Result<Vec<evently::sourcing::RecordedEvent>, StoreError> {
        self.0.read_stream(stream, after, until).await
    }
    async fn read_all(
        &self,
        after: u64,
        limit: usize,
    ) -> Result<Vec<evently::sourcing::RecordedEvent>, StoreError> {
        self.0.read_all(after, limit).await
    }
    async fn save_snapshot(
        &self,
        _snapshot: evently::sourcing::Snapshot,
    ) -> Result<(), StoreError> {
        Err(StoreError::Backend("the snapshot table is full".into()))
    }
    async fn load_snapshot(
        &self,
        stream: &str,
        at_most: u64,
    ) -> Result<Option<evently::sourcing::Snapshot>, StoreError> {
        self.0.load_snapshot(stream, at_most).await
    }
}

static SNAPSHOT_PUBLISHED: Mutex<Vec<String>> = Mutex::new(Vec::new());

#[subscriber(group = "sourcing-snapshot")]
async fn record_after_snapshot(event: &EsNameChanged) -> evently::Result<()> {
    SNAPSHOT_PUBLISHED.lock().expect("lock").push(event.new_name.clone());
    Ok(())
}

#[tokio::test]
async fn a_failed_snapshot_after_commit_neither_stops_publishing_nor_reports_not_stored() {
    let bus = Bus::builder()
        .source("users")
        .subscribe::<record_after_snapshot>()
        .start()
        .await
        .expect("bus starts");
    let users = Repository::<User, _>::new(SnapshotsFail::default())
        .snapshot_every(1)
        .publish_to(bus.clone());
    users.execute("6", create("Edsger")).await.expect("stored: the snapshot is an optimisation");
    let executed = users.execute("6", rename("Edsger D.")).await.expect("stored and published");
    assert_eq!(executed.version, 2);
    tokio::time::timeout(Duration::from_secs(10), bus.wait_idle()).await.expect("idle");
    assert_eq!(*SNAPSHOT_PUBLISHED.lock().expect("lock"), ["Edsger D."]);
    assert_eq!(users.load("6").await.expect("load").state.name, "Edsger D.");
}

// ------------------------------------------------------------ the application's pool

#[tokio::test]
async fn a_store_on_the_applications_pool_runs_on_its_connections() {
    let pool = match PgPoolOptions::new().max_connections(2).connect(&postgres_url()).await {
        Ok(pool) => pool,
        Err(error) => panic!("this test needs PostgreSQL at {}: {error}", postgres_url()),
    };
    let prefix = format!("tp{}_{}", std::process::id(), stamp());
    let store = PostgresEventStore::with_prefix(pool.clone(), &prefix).await.expect("tables");
    let users = Repository::<User, _>::new(store);
    users.execute("8", create("Grace")).await.expect("create");
    users.execute("8", rename("Grace H.")).await.expect("rename");
    assert_eq!(users.load("8").await.expect("load").state.name, "Grace H.");
    // The application's own queries see the events on the same pool.
    let stored: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {prefix}_events"))
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(stored, 2);
    drop_tables(users.store()).await;
}

// --------------------------------------- PostgreSQL dropping the store's connections

/// Terminates every session of a store, as a server restart or a failover
/// does; returns how many it ended.
fn terminate_sessions(store: &PostgresEventStore) -> usize {
    let sql = format!(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'evently-{}'",
        store.prefix()
    );
    let output = std::process::Command::new("psql")
        .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-tAc", &sql])
        .output()
        .expect("this test needs the psql client");
    assert!(output.status.success(), "psql: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).trim().parse().expect("a count")
}

#[tokio::test]
async fn the_postgres_store_reconnects_after_the_server_drops_its_connections() {
    let store = postgres().await;
    let users = Repository::<User, _>::new(store);
    users.execute("7", create("Barbara")).await.expect("create");
    assert!(terminate_sessions(users.store()) >= 1, "the pool's sessions were ended");
    // Calls in flight when the connections dropped may fail; the next ones
    // succeed on new connections, without a new store.
    let mut renamed = None;
    for _ in 0..20 {
        match users.execute("7", rename("Barbara L.")).await {
            Ok(executed) => {
                renamed = Some(executed);
                break;
            }
            Err(error) => {
                assert!(matches!(error, ExecuteError::Store(_)), "{error}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    let renamed = renamed.expect("a call after the drop succeeds");
    assert_eq!(renamed.version, 2);
    assert_eq!(users.load("7").await.expect("load").state.name, "Barbara L.");
    drop_tables(users.store()).await;
}

/// A timestamp PostgreSQL cannot keep is refused with a typed error and
/// nothing of the batch is stored; reading "as of" a time past the years it
/// keeps reads the whole stream.
#[tokio::test]
async fn postgres_refuses_a_timestamp_it_cannot_keep_and_reads_as_of_far_times() {
    let store = postgres().await;
    let ok = NewEvent::of(&EsUserCreated { id: 1, name: "Ada".into() }).expect("encodes");
    assert_eq!(store.append("far", 0, vec![ok.clone()]).await.expect("appends"), 1);
    let far = std::time::UNIX_EPOCH + Duration::from_secs(400_000_000_000); // year 14 645
    let late = NewEvent { timestamp: far, ..ok.clone() };
    let refused = store.append("far", 1, vec![ok.clone(), late]).await;
    assert!(
        matches!(refused, Err(StoreError::TimestampOutOfRange(at)) if at == far),
        "{refused:?}"
    );
    let read = store.read_stream("far", 0, Until::Time(far)).await.expect("reads");
    assert_eq!(read.len(), 1, "the refused batch left nothing");
    let apart = match read[0].timestamp.duration_since(ok.timestamp) {
        Ok(later) => later,
        Err(earlier) => earlier.duration(),
    };
    assert!(apart < Duration::from_micros(1), "kept to the microsecond: {apart:?}");
    drop_tables(&store).await;
}

#![allow(missing_docs)]
//! The PostgreSQL idempotency store, transactional inbox and transactional
//! outbox, against the machine's server (`EVENTLY_TEST_POSTGRES_URL`,
//! default `postgres://postgres@127.0.0.1:5432/test`). Each test uses its
//! own tables.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use evently::idempotency::{Claim, ClaimToken, IdempotencyKey, IdempotencyStore};
use evently::postgres::PgStore;
use evently::postgres::sqlx::{self, PgConnection};
use evently::{Bus, Envelope, StartError, Uuid, event, subscriber};

fn postgres_url() -> String {
    std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// A store on tables of its own; the run's name goes into events so the
/// static subscribers keep each test's effects apart.
async fn store() -> (PgStore, String) {
    let run = format!("t{}", Uuid::now_v7().simple());
    let store = match PgStore::connect(&postgres_url()).await {
        Ok(store) => store,
        Err(error) => panic!("this test needs PostgreSQL: {error}"),
    };
    let store = store.prefix(&run).expect("a valid prefix");
    (store, run)
}

async fn drop_tables(store: &PgStore, run: &str) {
    for table in ["claims", "inbox", "outbox"] {
        let _ =
            sqlx::query(&format!("DROP TABLE IF EXISTS {run}_{table}")).execute(store.pool()).await;
    }
}

fn key(id: Uuid) -> IdempotencyKey<'static> {
    IdempotencyKey { scope: "group/subscriber", id }
}

async fn acquire(store: &PgStore, id: Uuid) -> ClaimToken {
    match store.claim(&key(id)).await.expect("claim") {
        Claim::Acquired(token) => token,
        other => panic!("expected to acquire the claim, got {other:?}"),
    }
}

// ------------------------------------------------------------ the claims

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claims_are_held_by_their_token_survive_a_new_store_and_are_taken_over_after_the_lease() {
    let (store, run) = store().await;
    let store = store.lease(Duration::from_millis(300));
    let id = Uuid::now_v7();

    let token = acquire(&store, id).await;
    // Another member, through its own pool: the claim is held.
    let other =
        PgStore::connect(&postgres_url()).await.expect("connect").prefix(&run).expect("prefix");
    let other = other.lease(Duration::from_millis(300));
    assert_eq!(other.claim(&key(id)).await.expect("claim"), Claim::InProgress);

    // Completing or releasing with someone else's token does nothing.
    let stranger = ClaimToken::random();
    other.complete(&key(id), stranger).await.expect("complete");
    other.release(&key(id), stranger).await.expect("release");
    assert!(!other.renew(&key(id), stranger).await.expect("renew"));
    assert_eq!(other.claim(&key(id)).await.expect("claim"), Claim::InProgress);

    // Renewing keeps the claim past its lease.
    for _ in 0..4 {
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert!(store.renew(&key(id), token).await.expect("renew"));
    }
    assert_eq!(other.claim(&key(id)).await.expect("claim"), Claim::InProgress);

    // A holder that stops renewing (it died) is taken over after its lease.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let taken = acquire(&other, id).await;
    // The old holder can no longer complete, release or renew it.
    store.complete(&key(id), token).await.expect("complete");
    assert!(!store.renew(&key(id), token).await.expect("renew"));
    assert_eq!(store.claim(&key(id)).await.expect("claim"), Claim::InProgress);

    other.complete(&key(id), taken).await.expect("complete");
    assert_eq!(store.claim(&key(id)).await.expect("claim"), Claim::Done);

    // A released claim can be claimed again.
    let second = Uuid::now_v7();
    let token = acquire(&store, second).await;
    store.release(&key(second), token).await.expect("release");
    acquire(&other, second).await;
    drop_tables(&store, &run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_claims_are_purged_after_the_retention() {
    let (store, run) = store().await;
    let store = store.retention(Duration::from_millis(200));
    let id = Uuid::now_v7();
    let token = acquire(&store, id).await;
    store.complete(&key(id), token).await.expect("complete");
    assert_eq!(store.claim(&key(id)).await.expect("claim"), Claim::Done);
    tokio::time::sleep(Duration::from_millis(300)).await;
    store.purge().await.expect("purge");
    acquire(&store, id).await;
    drop_tables(&store, &run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_server_is_an_error_naming_it_without_the_password() {
    let started = std::time::Instant::now();
    let error = PgStore::connect("postgres://app:hunter2@127.0.0.1:1/test")
        .await
        .expect_err("nothing listens on port 1");
    let text = format!("{error} {error:?}");
    assert!(text.contains("127.0.0.1:1"), "{text}");
    assert!(!text.contains("hunter2"), "the password leaked: {text}");
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
}

// ------------------------------------------------- two members, one store

#[event(name = "test.pg.shared_claimed", topic = "pg.shared")]
pub struct SharedClaim {
    pub run: String,
}

static SHARED_RUNS: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

fn count(runs: &Mutex<Option<HashMap<String, u32>>>, run: &str) -> u32 {
    runs.lock().expect("lock").get_or_insert_default().get(run).copied().unwrap_or(0)
}

fn bump(runs: &Mutex<Option<HashMap<String, u32>>>, run: &str) {
    *runs.lock().expect("lock").get_or_insert_default().entry(run.to_owned()).or_default() += 1;
}

#[subscriber(group = "pg-shared")]
async fn shared_claim(event: &SharedClaim) -> evently::Result<()> {
    tokio::time::sleep(Duration::from_millis(100)).await;
    bump(&SHARED_RUNS, &event.run);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_members_sharing_the_store_handle_one_message_once() {
    let (store, run) = store().await;
    let first = Bus::builder()
        .idempotency_store(store.clone())
        .subscribe::<shared_claim>()
        .start()
        .await
        .expect("bus starts");
    let second = Bus::builder()
        .idempotency_store(store.clone())
        .subscribe::<shared_claim>()
        .start()
        .await
        .expect("bus starts");
    // The same envelope (one id) reaches both members at once, as a
    // redelivery to a second replica does.
    let envelope = Envelope::new(SharedClaim { run: run.clone() });
    let (a, b) = tokio::join!(
        first.publish_envelope(envelope.clone()),
        second.publish_envelope(envelope.clone())
    );
    a.expect("publish");
    b.expect("publish");
    tokio::time::timeout(Duration::from_secs(20), async {
        first.wait_idle().await;
        second.wait_idle().await;
    })
    .await
    .expect("both members finish");
    assert_eq!(count(&SHARED_RUNS, &run), 1, "the handler ran once across both members");
    assert_eq!(first.stats().duplicates + second.stats().duplicates, 1);
    assert_eq!(first.stats().dead_lettered + second.stats().dead_lettered, 0);
    drop_tables(&store, &run).await;
}

// ------------------------------------------------------------- the inbox

#[event(name = "test.pg.deposited", topic = "pg.inbox")]
pub struct Deposited {
    pub run: String,
    pub amount: i64,
    /// Attempts that write their effect and then fail.
    pub failures: u32,
}

static INBOX_ATTEMPTS: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

#[subscriber(group = "pg-inbox", retries = 5, backoff = "immediate")]
async fn deposit(event: &Deposited, tx: &mut PgConnection) -> evently::Result<()> {
    sqlx::query("INSERT INTO pg_test_effects (run, amount) VALUES ($1, $2)")
        .bind(&event.run)
        .bind(event.amount)
        .execute(&mut *tx)
        .await
        .map_err(evently::Error::new)?;
    bump(&INBOX_ATTEMPTS, &event.run);
    if count(&INBOX_ATTEMPTS, &event.run) <= event.failures {
        return Err(evently::Error::new(std::io::Error::other("fails after writing")));
    }
    Ok(())
}

async fn effects(store: &PgStore, run: &str) -> (i64, i64) {
    sqlx::query_as(
        "SELECT count(*), coalesce(sum(amount), 0)::bigint FROM pg_test_effects WHERE run = $1",
    )
    .bind(run)
    .fetch_one(store.pool())
    .await
    .expect("read the effects")
}

async fn effects_table(store: &PgStore) {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS pg_test_effects (run text NOT NULL, amount bigint NOT NULL)",
    )
    .execute(store.pool())
    .await
    .expect("create the effects table");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transactional_subscriber_has_its_effect_once_and_a_failure_rolls_its_writes_back() {
    let (store, run) = store().await;
    effects_table(&store).await;
    let bus = Bus::builder()
        .inbox(store.clone())
        .subscribe::<deposit>()
        .start()
        .await
        .expect("bus starts");
    // Two attempts write and fail; their writes roll back with them.
    let envelope = Envelope::new(Deposited { run: run.clone(), amount: 5, failures: 2 });
    bus.publish_envelope(envelope.clone()).await.expect("publish");
    bus.wait_idle().await;
    assert_eq!(count(&INBOX_ATTEMPTS, &run), 3);
    assert_eq!(effects(&store, &run).await, (1, 5));
    assert_eq!(bus.stats().retries, 2);

    // Delivered again (a redelivery after a crash before the ack): the
    // record is found and the handler does not run.
    bus.publish_envelope(envelope.clone()).await.expect("publish");
    bus.publish_envelope(envelope).await.expect("publish");
    bus.wait_idle().await;
    assert_eq!(count(&INBOX_ATTEMPTS, &run), 3);
    assert_eq!(effects(&store, &run).await, (1, 5));
    assert_eq!(bus.stats().duplicates, 2);
    bus.shutdown().await;
    drop_tables(&store, &run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transactional_subscriber_on_a_bus_without_an_inbox_is_a_start_error() {
    let error = Bus::builder().subscribe::<deposit>().start().await.expect_err("no inbox");
    assert!(matches!(error, StartError::InvalidSetting { setting: "inbox", .. }), "{error}");
    assert!(error.to_string().contains("deposit"), "{error}");
}

// ------------------------------------------------------------ the outbox

#[event(name = "test.pg.withdrawn", topic = "pg.outbox", key = account)]
pub struct Withdrawn {
    pub run: String,
    pub account: String,
    pub n: u32,
}

/// What each run's subscriber received: (account, n) in arrival order.
type Received = HashMap<String, Vec<(String, u32)>>;

static RELAYED: Mutex<Option<Received>> = Mutex::new(None);

#[subscriber(group = "pg-outbox", guard = false)]
async fn relayed(event: &Withdrawn) -> evently::Result<()> {
    RELAYED
        .lock()
        .expect("lock")
        .get_or_insert_default()
        .entry(event.run.clone())
        .or_default()
        .push((event.account.clone(), event.n));
    Ok(())
}

fn relayed_of(run: &str) -> Vec<(String, u32)> {
    RELAYED.lock().expect("lock").get_or_insert_default().get(run).cloned().unwrap_or_default()
}

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_published_in_a_committed_transaction_is_relayed_and_one_rolled_back_never() {
    let (store, run) = store().await;
    let bus = Bus::builder()
        .outbox(store.clone())
        .subscribe::<relayed>()
        .start()
        .await
        .expect("bus starts");
    let withdrawn = |n| Withdrawn { run: run.clone(), account: "a".to_owned(), n };

    let mut tx = store.pool().begin().await.expect("begin");
    bus.publish_in(&mut tx, withdrawn(1)).await.expect("publish in");
    tx.rollback().await.expect("roll back");
    let mut tx = store.pool().begin().await.expect("begin");
    bus.publish_in(&mut tx, withdrawn(2)).await.expect("publish in");
    // Not sent before the commit.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(relayed_of(&run).is_empty());
    tx.commit().await.expect("commit");

    wait_for("the relay", || !relayed_of(&run).is_empty()).await;
    bus.wait_idle().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(relayed_of(&run), vec![("a".to_owned(), 2)]);
    assert_eq!(store.unsent().await.expect("count"), 0);
    bus.shutdown().await;
    drop_tables(&store, &run).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishing_in_a_transaction_without_an_outbox_is_an_error() {
    let (store, run) = store().await;
    let bus = Bus::builder().start().await.expect("bus starts");
    let mut tx = store.pool().begin().await.expect("begin");
    let error = bus
        .publish_in(&mut tx, Withdrawn { run: run.clone(), account: "a".to_owned(), n: 0 })
        .await
        .expect_err("no outbox");
    assert!(matches!(error, evently::PublishError::NoOutbox), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_relays_on_one_outbox_send_each_row_once_and_each_key_in_order() {
    let (store, run) = store().await;
    let mut buses = Vec::new();
    for _ in 0..2 {
        let bus = Bus::builder()
            .outbox(store.clone())
            .subscribe::<relayed>()
            .start()
            .await
            .expect("bus starts");
        buses.push(bus);
    }
    // 400 events on 4 keys, in 40 transactions of 10.
    let mut n = 0;
    for _ in 0..40 {
        let mut tx = store.pool().begin().await.expect("begin");
        for _ in 0..10 {
            let account = format!("k{}", n % 4);
            buses[0]
                .publish_in(&mut tx, Withdrawn { run: run.clone(), account, n })
                .await
                .expect("publish in");
            n += 1;
        }
        tx.commit().await.expect("commit");
    }
    wait_for("400 events", || relayed_of(&run).len() >= 400).await;
    for bus in &buses {
        bus.wait_idle().await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let seen = relayed_of(&run);
    assert_eq!(seen.len(), 400, "each row was sent once");
    for k in 0..4 {
        let of_key: Vec<u32> = seen
            .iter()
            .filter(|(account, _)| *account == format!("k{k}"))
            .map(|(_, n)| *n)
            .collect();
        let mut sorted = of_key.clone();
        sorted.sort_unstable();
        assert_eq!(of_key, sorted, "key k{k} arrived in order");
        assert_eq!(of_key.len(), 100);
    }
    for bus in buses {
        bus.shutdown().await;
    }
    drop_tables(&store, &run).await;
}

// ------------------------------------------- event sourcing through the outbox

static RENAMES: Mutex<Vec<(Uuid, String)>> = Mutex::new(Vec::new());

#[subscriber(group = "pg-sourcing", guard = false)]
async fn renamed(event: Envelope<evently_tests::events::EsNameChanged>) -> evently::Result<()> {
    RENAMES.lock().expect("lock").push((event.metadata().id(), event.data().new_name.clone()));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repository_writes_its_events_and_their_outbox_rows_in_one_transaction() {
    use evently::sourcing::{ExecuteError, PostgresEventStore, Repository, StoreError};
    use evently_tests::aggregates::{User, UserCommand};

    let (store, run) = store().await;
    let events = PostgresEventStore::with_prefix(store.pool().clone(), &format!("{run}_es"))
        .await
        .expect("event store");
    let bus = Bus::builder()
        .outbox(store.clone())
        .subscribe::<renamed>()
        .start()
        .await
        .expect("bus starts");
    let users = Repository::<User, _>::new(events).publish_to(bus.clone());
    let id = run.clone();
    users.execute(&id, UserCommand::Create { id: 7, name: "Ada".into() }).await.expect("create");
    let name = format!("Ada {run}");
    users.execute(&id, UserCommand::Rename { name: name.clone() }).await.expect("rename");

    // Both events are in the outbox with the stored ids, and the relay
    // delivers the rename with its stored id.
    let stored: Vec<Uuid> =
        sqlx::query_scalar(&format!("SELECT event_id FROM {run}_es_events ORDER BY position"))
            .fetch_all(store.pool())
            .await
            .expect("stored ids");
    let outboxed: Vec<Uuid> =
        sqlx::query_scalar(&format!("SELECT id FROM {run}_outbox ORDER BY seq"))
            .fetch_all(store.pool())
            .await
            .expect("outbox ids");
    assert_eq!(stored.len(), 2);
    assert_eq!(outboxed, stored);
    let seen = || RENAMES.lock().expect("lock").iter().any(|(_, n)| *n == name);
    wait_for("the relayed rename", seen).await;
    let relayed_id =
        RENAMES.lock().expect("lock").iter().find(|(_, n)| *n == name).map(|(id, _)| *id);
    assert_eq!(relayed_id, Some(stored[1]));

    // An outbox row that cannot be written rolls the events back with it:
    // on a bus whose payload limit no event fits, the command stores nothing.
    let tiny = Bus::builder().outbox(store.clone()).max_payload(10).start().await.expect("bus");
    let same_tables = PostgresEventStore::with_prefix(store.pool().clone(), &format!("{run}_es"))
        .await
        .expect("event store");
    let cramped = Repository::<User, _>::new(same_tables).publish_to(tiny.clone());
    let refused = cramped.execute(&id, UserCommand::Rename { name: "Lovelace".into() }).await;
    assert!(matches!(refused, Err(ExecuteError::Store(StoreError::Backend(_)))), "{refused:?}");
    assert_eq!(users.load(&id).await.expect("load").version, 2, "nothing was appended");
    let rows: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {run}_outbox"))
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(rows, 2, "nothing was put in the outbox");
    tiny.shutdown().await;
    bus.shutdown().await;
    users.store().drop_tables().await.expect("drop");
    drop_tables(&store, &run).await;
}

// ------------------------------------------- PostgreSQL drops the connections

static OUTAGE: Mutex<Option<HashMap<String, u32>>> = Mutex::new(None);

#[event(name = "test.pg.outage_crossed", topic = "pg.outage")]
pub struct OutageCrossed {
    pub run: String,
    pub n: i64,
}

#[subscriber(group = "pg-outage", retries = 20, backoff = exponential(initial = "20ms", factor = 2, max = "500ms"))]
async fn through_outage(event: &OutageCrossed, tx: &mut PgConnection) -> evently::Result<()> {
    sqlx::query("INSERT INTO pg_test_effects (run, amount) VALUES ($1, $2)")
        .bind(&event.run)
        .bind(event.n)
        .execute(&mut *tx)
        .await
        .map_err(evently::Error::new)?;
    bump(&OUTAGE, &event.run);
    tokio::time::sleep(Duration::from_millis(2)).await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_postgresql_drops_every_connection_mid_run_the_inbox_recovers_and_nothing_repeats() {
    use std::str::FromStr;
    let (plain, run) = store().await;
    effects_table(&plain).await;
    // A pool of its own, named, so only its connections are cut.
    let options = sqlx::postgres::PgConnectOptions::from_str(&postgres_url())
        .expect("url")
        .application_name(&run);
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(12)
        .connect_with(options)
        .await
        .expect("connect");
    let store = PgStore::new(pool).prefix(&run).expect("prefix");
    let bus = Bus::builder()
        .inbox(store.clone())
        .subscribe::<through_outage>()
        .start()
        .await
        .expect("bus starts");
    for n in 0..300 {
        bus.publish(OutageCrossed { run: run.clone(), n }).await.expect("publish");
        if n % 100 == 50 {
            // Cut once handlers are running.
            let handled = count(&OUTAGE, &run);
            wait_for("handlers at work", || count(&OUTAGE, &run) > handled).await;
            let cut: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1) t",
            )
            .bind(&run)
            .fetch_one(plain.pool())
            .await
            .expect("terminate");
            assert!(cut > 0, "the store's connections were cut");
        }
    }
    tokio::time::timeout(Duration::from_secs(60), bus.wait_idle()).await.expect("all handled");
    let (rows, sum) = effects(&plain, &run).await;
    assert_eq!(rows, 300, "every event's effect exists once");
    assert_eq!(sum, (0..300).sum::<i64>());
    assert_eq!(bus.stats().dead_lettered, 0);
    assert!(bus.stats().retries > 0, "the cut made calls in flight fail and retry");
    bus.shutdown().await;
    drop_tables(&plain, &run).await;
}

// ------------------------------------------- a broker that does not confirm

static REFUSED_FIRST: Mutex<Vec<u32>> = Mutex::new(Vec::new());

#[event(name = "test.pg.relay_refused", topic = "pg.refused")]
pub struct RelayRefused {
    pub n: u32,
}

#[subscriber(group = "pg-refused", guard = false)]
async fn refused_then_taken(event: &RelayRefused) -> evently::Result<()> {
    REFUSED_FIRST.lock().expect("lock").push(event.n);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relay_keeps_a_row_the_broker_did_not_take_and_sends_it_once_it_does() {
    use evently::transport::{RabbitMqConfig, RabbitMqTransport};
    let (store, run) = store().await;
    let rabbitmq = || async {
        let config = RabbitMqConfig { namespace: format!("{run}."), ..RabbitMqConfig::default() };
        match RabbitMqTransport::connect(config).await {
            Ok(transport) => transport,
            Err(error) => panic!("this test needs RabbitMQ: {error}"),
        }
    };
    // No queue is bound to the topic yet: RabbitMQ returns the message
    // (unroutable), so the relay must not mark the row sent.
    let producer = Bus::builder()
        .transport(rabbitmq().await)
        .outbox(store.clone())
        .start()
        .await
        .expect("bus starts");
    let mut tx = store.pool().begin().await.expect("begin");
    producer.publish_in(&mut tx, RelayRefused { n: 7 }).await.expect("publish in");
    tx.commit().await.expect("commit");
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(
        store.unsent().await.expect("count"),
        1,
        "a row the broker did not take stays unsent"
    );

    // A consumer's queue appears; the relay's next attempt is taken.
    let consumer = Bus::builder()
        .transport(rabbitmq().await)
        .subscribe::<refused_then_taken>()
        .start()
        .await
        .expect("bus starts");
    wait_for("the row to be sent", || REFUSED_FIRST.lock().expect("lock").contains(&7)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(store.unsent().await.expect("count"), 0, "marked sent once the broker confirmed it");
    assert_eq!(REFUSED_FIRST.lock().expect("lock").as_slice(), &[7], "sent once");
    producer.shutdown().await;
    consumer.shutdown().await;
    drop_tables(&store, &run).await;
}

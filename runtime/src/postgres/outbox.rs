//! The transactional outbox: events written in the caller's transaction,
//! sent by a relay after the commit.
//!
//! [`Bus::publish_in`](crate::Bus::publish_in) encodes the envelope and
//! inserts it into `<prefix>_outbox` on the caller's connection: if the
//! transaction rolls back, the event was never published; if it commits, the
//! relay sends it, however the process ends afterwards.
//!
//! The relay runs in every bus that has `.outbox(pg)`, but only one per
//! table sends at a time: it holds a session-level advisory lock, and the
//! others wait to take over when its connection ends. It reads unsent rows
//! in the order they were written, publishes them through the bus (to the
//! broker, which confirms each one, or to the in-process subscribers), and
//! marks them sent. Rows of one key are sent one after another, in order,
//! and a key stops at its first failure until the next round; rows of
//! different keys are sent concurrently. It wakes when a row commits
//! (`LISTEN`/`NOTIFY`) and also every second, so a lost notification only
//! delays.
//!
//! A row is sent at least once: if the relay dies between the broker's
//! confirm and marking the row sent, the next relay sends it again, with the
//! same envelope id, so subscribers' guards take it as a duplicate.

use std::collections::HashMap;
use std::sync::Weak;
use std::time::Duration;

use sqlx::PgConnection;
use sqlx::postgres::PgListener;
use tokio::sync::watch;
use uuid::Uuid;

use super::{PgError, PgStore, failed};
use crate::cloudevents::{self, Encoding};
use crate::dispatch::Core;
use crate::envelope::ErasedEnvelope;
use crate::error::PublishError;
use crate::lane::Sender;
use crate::util::Chain;

/// Rows read per round.
const BATCH: i64 = 256;
/// How often the relay looks for rows without a notification, and how
/// often a relay that is not the active one tries to take over.
const POLL: Duration = Duration::from_secs(1);
const BACKOFF_MAX: Duration = Duration::from_secs(10);

/// Writes an envelope to the outbox on the caller's connection (in its
/// transaction, if it has one open).
pub(crate) async fn write(
    store: &PgStore,
    conn: &mut PgConnection,
    envelope: &ErasedEnvelope,
    topic: &str,
    max_payload: usize,
) -> Result<Uuid, PublishError> {
    let meta = envelope.metadata();
    let (payload, _, _) = cloudevents::encode(&**envelope, Encoding::Evently, "")
        .map_err(|source| PublishError::Encode { event_type: meta.event_type(), source })?;
    if payload.len() > max_payload {
        return Err(PublishError::TooLarge {
            event_type: meta.event_type(),
            size: payload.len(),
            limit: max_payload,
        });
    }
    store.ready().await.map_err(|error| PublishError::Outbox(Box::new(error)))?;
    sqlx::query(&store.inner.sql.outbox_insert)
        .bind(meta.id())
        .bind(topic)
        .bind(meta.key())
        .bind(payload)
        .execute(conn)
        .await
        .map_err(|source| {
            PublishError::Outbox(Box::new(PgError::Query { action: "write to the outbox", source }))
        })?;
    Ok(meta.id())
}

/// The relay of one bus.
pub(crate) struct Relay;

impl Relay {
    /// Runs until the bus stops: takes the relay's lock when it is free and
    /// sends what the outbox holds.
    pub(crate) async fn run(store: PgStore, core: Weak<Core>, mut stop: watch::Receiver<bool>) {
        let mut backoff = Duration::from_millis(100);
        loop {
            if *stop.borrow() {
                return;
            }
            match relay(&store, &core, &mut stop, &mut backoff).await {
                Ok(()) => return,
                Err(error) => {
                    tracing::warn!(error = %Chain(&error), retry_in = ?backoff, "the outbox relay lost PostgreSQL; it reconnects");
                    if stopped_within(&mut stop, backoff).await {
                        return;
                    }
                    backoff = (backoff * 2).min(BACKOFF_MAX);
                }
            }
        }
    }
}

/// Waits `duration`; whether the bus stopped meanwhile.
async fn stopped_within(stop: &mut watch::Receiver<bool>, duration: Duration) -> bool {
    tokio::select! {
        _ = stop.wait_for(|stopped| *stopped) => true,
        () = tokio::time::sleep(duration) => false,
    }
}

/// One row to send.
struct Row {
    seq: i64,
    topic: String,
    key: Option<String>,
    payload: Vec<u8>,
}

/// Relays until the bus stops (`Ok`) or PostgreSQL fails (`Err`).
async fn relay(
    store: &PgStore,
    core: &Weak<Core>,
    stop: &mut watch::Receiver<bool>,
    backoff: &mut Duration,
) -> Result<(), PgError> {
    store.ready().await?;
    // The lock is the connection's: it is freed when the connection ends,
    // by this relay stopping or by its process dying.
    let mut conn =
        store.inner.pool.acquire().await.map_err(failed("connect the outbox relay"))?.detach();
    loop {
        let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(store.inner.sql.relay_lock)
            .fetch_one(&mut conn)
            .await
            .map_err(failed("take the outbox relay's lock"))?;
        if locked {
            break;
        }
        if stopped_within(stop, POLL).await {
            return Ok(());
        }
    }
    let mut listener = PgListener::connect_with(&store.inner.pool)
        .await
        .map_err(failed("listen for outbox rows"))?;
    listener.listen(store.sql_channel()).await.map_err(failed("listen for outbox rows"))?;
    tracing::debug!(channel = store.sql_channel(), "this bus relays the outbox");
    *backoff = Duration::from_millis(100);
    loop {
        let rows: Vec<(i64, String, Option<String>, Vec<u8>)> =
            sqlx::query_as(&store.inner.sql.outbox_unsent)
                .bind(BATCH)
                .fetch_all(&mut conn)
                .await
                .map_err(failed("read the outbox"))?;
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|(seq, topic, key, payload)| Row { seq, topic, key, payload })
            .collect();
        if rows.is_empty() {
            tokio::select! {
                biased;
                _ = stop.wait_for(|stopped| *stopped) => return Ok(()),
                notified = listener.try_recv() => {
                    notified.map_err(failed("listen for outbox rows"))?;
                }
                () = tokio::time::sleep(POLL) => {}
            }
            continue;
        }
        let Some(core) = core.upgrade() else { return Ok(()) };
        let round = send(&core, rows).await;
        drop(core);
        if !round.sent.is_empty() {
            sqlx::query(&store.inner.sql.outbox_sent)
                .bind(&round.sent)
                .execute(&mut conn)
                .await
                .map_err(failed("mark outbox rows sent"))?;
        }
        for (seq, reason) in &round.rejected {
            tracing::error!(
                seq,
                reason,
                "an outbox row cannot be published; it is set aside with the reason"
            );
            sqlx::query(&store.inner.sql.outbox_failed)
                .bind(seq)
                .bind(reason)
                .execute(&mut conn)
                .await
                .map_err(failed("set an outbox row aside"))?;
        }
        if let Some(error) = round.failure {
            tracing::warn!(error = %Chain(&error), retry_in = ?*backoff, "the outbox relay could not publish; the rows stay and are sent again");
            if stopped_within(stop, *backoff).await {
                return Ok(());
            }
            *backoff = (*backoff * 2).min(BACKOFF_MAX);
        } else {
            *backoff = Duration::from_millis(100);
        }
        if *stop.borrow() {
            return Ok(());
        }
    }
}

/// What one round of sending came to.
#[derive(Default)]
struct Round {
    /// Rows the bus took (the broker confirmed them).
    sent: Vec<i64>,
    /// Rows that can never be published, with why.
    rejected: Vec<(i64, String)>,
    /// The first failure that may pass (the broker is down).
    failure: Option<PublishError>,
}

/// Sends rows: one key's rows in order, one at a time; keys concurrently.
async fn send(core: &Core, rows: Vec<Row>) -> Round {
    let mut chains: Vec<Vec<Row>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for row in rows {
        match row.key.clone() {
            Some(key) => match by_key.get(&key) {
                Some(&index) => chains[index].push(row),
                None => {
                    by_key.insert(key, chains.len());
                    chains.push(vec![row]);
                }
            },
            None => chains.push(vec![row]),
        }
    }
    let rounds = futures_util::future::join_all(chains.into_iter().map(|chain| async move {
        let mut round = Round::default();
        for row in chain {
            match publish(core, &row.topic, &row.payload).await {
                Ok(()) => round.sent.push(row.seq),
                Err(error) if permanent(&error) => {
                    round.rejected.push((row.seq, format!("{:#}", Chain(&error))));
                }
                Err(error) => {
                    round.failure = Some(error);
                    break;
                }
            }
        }
        round
    }))
    .await;
    rounds.into_iter().fold(Round::default(), |mut all, round| {
        all.sent.extend(round.sent);
        all.rejected.extend(round.rejected);
        all.failure = all.failure.or(round.failure);
        all
    })
}

async fn publish(core: &Core, topic: &str, payload: &[u8]) -> Result<(), PublishError> {
    let (envelope, type_id) = core.decode(payload, &[], "ce_")?;
    core.dispatch(envelope, type_id, topic, Sender::Outside).await.map(|_| ())
}

/// Failures that sending again cannot cure: the row is set aside.
fn permanent(error: &PublishError) -> bool {
    matches!(
        error,
        PublishError::Decode(_) | PublishError::TooLarge { .. } | PublishError::Encode { .. }
    )
}

//! PostgreSQL (feature `postgres`): an idempotency store every member of a
//! group shares, a transactional inbox, and a transactional outbox.
//!
//! One [`PgStore`] over one [`sqlx::PgPool`] serves all three:
//!
//! - As an [`IdempotencyStore`]
//!   (`.idempotency_store(pg.clone())`): claims live in
//!   `<prefix>_claims` and survive restarts; a claim has a holder token and
//!   a lease the bus renews while the handler runs, and a claim whose holder
//!   died is taken over once its lease runs out.
//! - As the inbox (`.inbox(pg.clone())`): a subscriber that takes
//!   `&mut PgConnection` runs inside a transaction that also records the
//!   message in `<prefix>_inbox`; its writes and that record commit
//!   together, or neither does. A duplicate finds the record and does not
//!   run. This is how a handler's effect on the database happens exactly
//!   once.
//! - As the outbox (`.outbox(pg.clone())`): [`Bus::publish_in`] writes the
//!   event to `<prefix>_outbox` in the caller's transaction; after the
//!   commit, a relay sends it through the bus and marks it sent.
//!
//! The tables are created on first use (under an advisory lock, so several
//! processes starting at once do not race). Done claims, inbox records and
//! sent outbox rows are purged after the retention period (7 days by
//! default); a message redelivered after that runs again.
//!
//! TLS is set in the URL, as libpq reads it, through rustls (no OpenSSL):
//! `?sslmode=require` encrypts, `verify-ca` and `verify-full` also check
//! the server's certificate against the system's roots and `sslrootcert`
//! (`postgres://app@db.internal/app?sslmode=verify-full&sslrootcert=/etc/evently/ca.pem`);
//! `sslcert` and `sslkey` present a client certificate.
//!
//! [`Bus::publish_in`]: crate::Bus::publish_in
//! [`PgConnection`]: sqlx::PgConnection

mod inbox;
mod outbox;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use crate::idempotency::{Claim, ClaimToken, IdempotencyKey, IdempotencyStore, StoreError};
use crate::util::BoxFuture;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub use sqlx;

pub use inbox::Lent;
pub(crate) use inbox::{Begun, Slot, commit, roll_back};
pub(crate) use outbox::{Relay, write as write_outbox};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const DEFAULT_LEASE: Duration = Duration::from_secs(30);
const DEFAULT_RETENTION: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// Purges run at most this often, from whichever call comes first.
const PURGE_EVERY: Duration = Duration::from_secs(60);

/// What went wrong with PostgreSQL.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PgError {
    /// The server could not be reached, or refused the connection.
    #[error("could not connect to PostgreSQL at {address}")]
    Connect {
        /// The URL, its password redacted.
        address: String,
        /// What the driver reported.
        #[source]
        source: sqlx::Error,
    },
    /// A statement failed (the server went away, a constraint, ...).
    #[error("PostgreSQL failed to {action}")]
    Query {
        /// What evently was doing.
        action: &'static str,
        /// What the driver reported.
        #[source]
        source: sqlx::Error,
    },
    /// The table prefix is not a plain SQL identifier.
    #[error(
        "invalid table prefix `{0}`: use 1 to 40 lowercase ASCII letters, digits and `_`, starting with a letter"
    )]
    Prefix(String),
}

impl From<PgError> for StoreError {
    fn from(error: PgError) -> Self {
        StoreError(Box::new(error))
    }
}

fn failed(action: &'static str) -> impl FnOnce(sqlx::Error) -> PgError {
    move |source| PgError::Query { action, source }
}

/// The idempotency store, inbox and outbox on PostgreSQL. Cheap to clone:
/// clones share the pool and the settings.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use evently::Bus;
/// use evently::postgres::PgStore;
///
/// let pg = PgStore::connect("postgres://app@127.0.0.1/app").await?;
/// let bus = Bus::builder()
///     .idempotency_store(pg.clone()) // claims shared by every replica
///     .inbox(pg.clone())             // subscribers that take `&mut PgConnection`
///     .outbox(pg.clone())            // `bus.publish_in(&mut tx, event)` and its relay
///     .all_subscribers()
///     .start()
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct PgStore {
    inner: Arc<Inner>,
}

struct Inner {
    pool: PgPool,
    prefix: String,
    sql: Sql,
    lease: Duration,
    retention: Duration,
    created: AtomicBool,
    creating: tokio::sync::Mutex<()>,
    /// When the last purge started, in seconds since the Unix epoch.
    last_purge: AtomicI64,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("prefix", &self.inner.prefix)
            .field("lease", &self.inner.lease)
            .field("retention", &self.inner.retention)
            .finish_non_exhaustive()
    }
}

/// The statements, written once for the table prefix.
struct Sql {
    /// Statements separated by `;` and a line break.
    schema: String,
    claim: String,
    complete: String,
    release: String,
    renew: String,
    purge: [String; 3],
    outbox_failed: String,
    outbox_unsent_count: String,
    inbox: String,
    outbox_insert: String,
    outbox_unsent: String,
    outbox_sent: String,
    channel: String,
    relay_lock: i64,
}

impl Sql {
    fn new(p: &str) -> Self {
        Sql {
            schema: format!(
                "CREATE TABLE IF NOT EXISTS {p}_claims (
                    scope text NOT NULL,
                    id uuid NOT NULL,
                    token uuid,
                    lease_until timestamptz,
                    done_at timestamptz,
                    PRIMARY KEY (scope, id));
                CREATE INDEX IF NOT EXISTS {p}_claims_done ON {p}_claims (done_at) WHERE done_at IS NOT NULL;
                CREATE TABLE IF NOT EXISTS {p}_inbox (
                    scope text NOT NULL,
                    id uuid NOT NULL,
                    handled_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (scope, id));
                CREATE INDEX IF NOT EXISTS {p}_inbox_handled ON {p}_inbox (handled_at);
                CREATE TABLE IF NOT EXISTS {p}_outbox (
                    seq bigserial PRIMARY KEY,
                    id uuid NOT NULL,
                    topic text NOT NULL,
                    key text,
                    payload bytea NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    sent_at timestamptz,
                    error text);
                CREATE INDEX IF NOT EXISTS {p}_outbox_unsent ON {p}_outbox (seq) WHERE sent_at IS NULL;
                CREATE INDEX IF NOT EXISTS {p}_outbox_sent ON {p}_outbox (sent_at) WHERE sent_at IS NOT NULL;
                CREATE OR REPLACE FUNCTION {p}_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN PERFORM pg_notify('{p}_outbox', ''); RETURN NULL; END $$;
                CREATE OR REPLACE TRIGGER {p}_outbox_notify AFTER INSERT ON {p}_outbox
                    FOR EACH STATEMENT EXECUTE FUNCTION {p}_outbox_notify()"
            ),
            // Takes a free claim, or one whose lease ran out; otherwise says
            // whether the message is done or held. One round trip.
            claim: format!(
                "WITH taken AS (
                    INSERT INTO {p}_claims AS c (scope, id, token, lease_until)
                    VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')
                    ON CONFLICT (scope, id) DO UPDATE
                        SET token = excluded.token, lease_until = excluded.lease_until
                        WHERE c.done_at IS NULL AND c.lease_until < now()
                    RETURNING 'a'::text AS state)
                SELECT state FROM taken
                UNION ALL
                SELECT CASE WHEN done_at IS NULL THEN 'p' ELSE 'd' END FROM {p}_claims
                    WHERE scope = $1 AND id = $2 AND NOT EXISTS (SELECT 1 FROM taken)"
            ),
            complete: format!(
                "UPDATE {p}_claims SET done_at = now(), lease_until = NULL, token = NULL
                 WHERE scope = $1 AND id = $2 AND token = $3 AND done_at IS NULL"
            ),
            release: format!(
                "DELETE FROM {p}_claims WHERE scope = $1 AND id = $2 AND token = $3 AND done_at IS NULL"
            ),
            renew: format!(
                "UPDATE {p}_claims SET lease_until = now() + $4 * interval '1 millisecond'
                 WHERE scope = $1 AND id = $2 AND token = $3 AND done_at IS NULL"
            ),
            purge: [
                format!("DELETE FROM {p}_claims WHERE done_at < now() - $1 * interval '1 millisecond'"),
                format!("DELETE FROM {p}_inbox WHERE handled_at < now() - $1 * interval '1 millisecond'"),
                format!("DELETE FROM {p}_outbox WHERE sent_at < now() - $1 * interval '1 millisecond'"),
            ],
            // A transaction-level advisory lock on the message stands for
            // "being handled": a second delivery that cannot take it is told
            // to come back later instead of waiting on the first one's row.
            inbox: format!(
                "WITH lock AS (
                    SELECT pg_try_advisory_xact_lock(hashtextextended($1 || '/' || $2::text, 0)) AS held),
                 recorded AS (
                    INSERT INTO {p}_inbox (scope, id) SELECT $1, $2 FROM lock WHERE held
                    ON CONFLICT DO NOTHING RETURNING 1)
                SELECT (SELECT held FROM lock), EXISTS (SELECT 1 FROM recorded)"
            ),
            outbox_insert: format!(
                "INSERT INTO {p}_outbox (id, topic, key, payload) VALUES ($1, $2, $3, $4)"
            ),
            outbox_unsent: format!(
                "SELECT seq, topic, key, payload FROM {p}_outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1"
            ),
            outbox_sent: format!("UPDATE {p}_outbox SET sent_at = now() WHERE seq = ANY($1)"),
            outbox_unsent_count: format!("SELECT count(*) FROM {p}_outbox WHERE sent_at IS NULL"),
            outbox_failed: format!(
                "UPDATE {p}_outbox SET sent_at = now(), error = $2 WHERE seq = $1"
            ),
            channel: format!("{p}_outbox"),
            relay_lock: relay_lock_key(p),
        }
    }
}

/// The session advisory lock only one relay per outbox table holds.
fn relay_lock_key(prefix: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in b"evently outbox relay ".iter().chain(prefix.as_bytes()) {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    i64::from_ne_bytes(hash.to_ne_bytes())
}

fn valid_prefix(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    prefix.len() <= 40
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`)
    /// with a pool of its own, and creates the `evently_*` tables if they
    /// are missing. Fails within 5 seconds, naming the address (without its
    /// password), if the server cannot be reached.
    pub async fn connect(url: &str) -> Result<Self, PgError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(CONNECT_TIMEOUT)
            .connect(url)
            .await
            .map_err(|source| PgError::Connect {
                address: crate::transport::redact(url),
                source,
            })?;
        let store = Self::new(pool);
        store.ready().await?;
        Ok(store)
    }

    /// A store on the application's own pool, so a transactional
    /// subscriber's queries and evently's share its connections. The tables
    /// are created on first use.
    ///
    /// Size the pool for the subscribers: a transactional subscriber holds a
    /// connection for the length of its handler, and each outbox relay one
    /// more.
    pub fn new(pool: PgPool) -> Self {
        Self::build(pool, "evently", DEFAULT_LEASE, DEFAULT_RETENTION)
    }

    fn build(pool: PgPool, prefix: &str, lease: Duration, retention: Duration) -> Self {
        PgStore {
            inner: Arc::new(Inner {
                pool,
                prefix: prefix.to_owned(),
                sql: Sql::new(prefix),
                lease,
                retention,
                created: AtomicBool::new(false),
                creating: tokio::sync::Mutex::new(()),
                last_purge: AtomicI64::new(0),
            }),
        }
    }

    /// Names the tables `<prefix>_claims`, `<prefix>_inbox` and
    /// `<prefix>_outbox` (default `evently`): several applications, or
    /// tests, can share a database.
    pub fn prefix(self, prefix: &str) -> Result<Self, PgError> {
        if !valid_prefix(prefix) {
            return Err(PgError::Prefix(prefix.to_owned()));
        }
        Ok(Self::build(self.inner.pool.clone(), prefix, self.inner.lease, self.inner.retention))
    }

    /// How long a claim stays held without renewal (default 30 s): a member
    /// that died holding it is taken over after this. The bus renews a
    /// claim every third of it while the handler runs.
    pub fn lease(self, lease: Duration) -> Self {
        let inner = &self.inner;
        Self::build(
            inner.pool.clone(),
            &inner.prefix,
            lease.max(Duration::from_millis(30)),
            inner.retention,
        )
    }

    /// How long done claims, inbox records and sent outbox rows are kept
    /// (default 7 days). A copy of a message delivered after this runs again.
    pub fn retention(self, retention: Duration) -> Self {
        let inner = &self.inner;
        Self::build(inner.pool.clone(), &inner.prefix, inner.lease, retention)
    }

    /// The pool, for the application's own queries.
    pub fn pool(&self) -> &PgPool {
        &self.inner.pool
    }

    /// Creates the tables if they are missing; done once per store.
    // Boxed: sqlx's executor bounds on `&mut PgConnection` are not general
    // enough for the compiler to see this future is `Send` where it is
    // awaited inside other futures.
    pub(crate) fn ready(&self) -> BoxFuture<'_, Result<(), PgError>> {
        Box::pin(self.create_tables())
    }

    async fn create_tables(&self) -> Result<(), PgError> {
        if self.inner.created.load(Ordering::Acquire) {
            return Ok(());
        }
        let _creating = self.inner.creating.lock().await;
        if self.inner.created.load(Ordering::Acquire) {
            return Ok(());
        }
        let mut tx = self.inner.pool.begin().await.map_err(failed("begin a transaction"))?;
        // Two processes creating the tables at once would collide on the
        // catalog's unique indexes; this serialises them.
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('evently schema', 0))")
            .execute(&mut *tx)
            .await
            .map_err(failed("lock the schema"))?;
        for statement in self.inner.sql.schema.split(";\n") {
            sqlx::query(statement)
                .execute(&mut *tx)
                .await
                .map_err(failed("create the evently tables"))?;
        }
        tx.commit().await.map_err(failed("create the evently tables"))?;
        self.inner.created.store(true, Ordering::Release);
        Ok(())
    }

    /// Deletes done claims, inbox records and sent outbox rows older than
    /// the retention period. Runs by itself at most once a minute; call it
    /// to purge now.
    pub async fn purge(&self) -> Result<(), PgError> {
        self.ready().await?;
        for sql in &self.inner.sql.purge {
            sqlx::query(sql)
                .bind(millis(self.inner.retention))
                .execute(&self.inner.pool)
                .await
                .map_err(failed("purge old records"))?;
        }
        Ok(())
    }

    /// Starts a purge in the background if none ran for a minute.
    fn purge_if_due(&self) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs() as i64);
        let last = self.inner.last_purge.load(Ordering::Relaxed);
        let due = now - last >= PURGE_EVERY.as_secs() as i64;
        if due
            && self
                .inner
                .last_purge
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            let store = self.clone();
            tokio::spawn(async move {
                if let Err(error) = store.purge().await {
                    tracing::warn!(error = %crate::util::Chain(&error), "could not purge old idempotency records");
                }
            });
        }
    }

    /// How many committed outbox rows the relay has not sent yet: the
    /// outbox's lag, for monitoring, or to wait until it is drained.
    pub async fn unsent(&self) -> Result<i64, PgError> {
        self.ready().await?;
        sqlx::query_scalar(&self.inner.sql.outbox_unsent_count)
            .fetch_one(&self.inner.pool)
            .await
            .map_err(failed("count the unsent outbox rows"))
    }

    pub(crate) fn sql_channel(&self) -> &str {
        &self.inner.sql.channel
    }
}

impl IdempotencyStore for PgStore {
    async fn claim(&self, key: &IdempotencyKey<'_>) -> Result<Claim, StoreError> {
        self.ready().await?;
        let token = ClaimToken::random();
        let state: Option<String> = sqlx::query_scalar(&self.inner.sql.claim)
            .bind(key.scope)
            .bind(key.id)
            .bind(token.value())
            .bind(millis(self.inner.lease))
            .fetch_optional(&self.inner.pool)
            .await
            .map_err(failed("claim a message"))?;
        Ok(match state.as_deref() {
            Some("a") => Claim::Acquired(token),
            Some("d") => Claim::Done,
            // Held by another delivery, or released between the two reads.
            _ => Claim::InProgress,
        })
    }

    async fn complete(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> Result<(), StoreError> {
        self.update(&self.inner.sql.complete, false, key, token, "mark a claim done").await?;
        self.purge_if_due();
        Ok(())
    }

    async fn release(&self, key: &IdempotencyKey<'_>, token: ClaimToken) -> Result<(), StoreError> {
        self.update(&self.inner.sql.release, false, key, token, "release a claim").await?;
        Ok(())
    }

    async fn renew(&self, key: &IdempotencyKey<'_>, token: ClaimToken) -> Result<bool, StoreError> {
        Ok(self.update(&self.inner.sql.renew, true, key, token, "renew a claim").await? == 1)
    }

    fn renew_every(&self) -> Option<Duration> {
        Some(self.inner.lease / 3)
    }
}

impl PgStore {
    /// Runs a statement on the claim `token` holds (with the lease as `$4`
    /// if it extends it); how many rows it changed.
    async fn update(
        &self,
        sql: &str,
        extends_lease: bool,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
        action: &'static str,
    ) -> Result<u64, PgError> {
        self.ready().await?;
        let mut query = sqlx::query(sql).bind(key.scope).bind(key.id).bind(token.value());
        if extends_lease {
            query = query.bind(millis(self.inner.lease));
        }
        let done = query.execute(&self.inner.pool).await.map_err(failed(action))?;
        Ok(done.rows_affected())
    }
}

//! An event store on PostgreSQL.
//!
//! Two tables, created if missing: `<prefix>_events` (one row per event;
//! `(stream, version)` unique; a global `position`) and `<prefix>_snapshots`.
//! An append runs in one transaction that takes a transaction-level advisory
//! lock, checks the stream's version, and inserts the whole batch: a writer
//! that lost the race gets [`StoreError::Conflict`] and none of its events
//! are stored. The lock also makes positions commit in order, so a
//! projection reading the global order never skips an event that commits
//! late.
//!
//! The store works on a [`sqlx::PgPool`], its own or the application's. The
//! pool reconnects by itself: when the server drops its connections (a
//! restart, a failover), the calls in flight fail and the next ones run on
//! new connections.

use std::str::FromStr;
use std::time::{Duration, SystemTime};

use serde_json::Value;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::{Connection, Row};

use time::OffsetDateTime;
use uuid::Uuid;

use super::{EventStore, NewEvent, RecordedEvent, Snapshot, StoreError, Until};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections of a pool the store opens itself: appends queue on the
/// advisory lock anyway, so a few serve the writers and the readers.
const POOL_SIZE: u32 = 4;

/// An event store on PostgreSQL (feature `postgres`).
///
/// ```no_run
/// use evently::sourcing::PostgresEventStore;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// // Its own pool:
/// let store = PostgresEventStore::connect("postgres://postgres@127.0.0.1/app").await?;
/// // Or the pool the service already has:
/// let pool = sqlx::PgPool::connect("postgres://postgres@127.0.0.1/app").await?;
/// let store = PostgresEventStore::new(pool).await?;
/// # Ok(()) }
/// ```
pub struct PostgresEventStore {
    pool: PgPool,
    address: String,
    prefix: String,
    sql: Statements,
}

/// The store's SQL, with its table names filled in once. sqlx prepares each
/// statement once per connection and caches it.
struct Statements {
    read_stream: String,
    read_stream_until_version: String,
    read_stream_until_time: String,
    read_all: String,
    load_snapshot: String,
    current_version: String,
    insert: String,
    save_snapshot: String,
}

impl std::fmt::Debug for PostgresEventStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresEventStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl PostgresEventStore {
    /// Connects to `url` (`postgres://user:password@host:port/database`) on
    /// a pool of its own, and creates the `evently_*` tables if they are
    /// missing. Fails with [`StoreError::Unavailable`], naming the address,
    /// if PostgreSQL does not answer within 5 seconds.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with_prefix(url, "evently").await
    }

    /// Like [`connect`](Self::connect), with tables named `<prefix>_events`
    /// and `<prefix>_snapshots` (letters, digits and `_`).
    pub async fn connect_with_prefix(url: &str, prefix: &str) -> Result<Self, StoreError> {
        check_prefix(prefix)?;
        let options = PgConnectOptions::from_str(url).map_err(|error| {
            StoreError::Backend(format!("invalid PostgreSQL URL: {error}").into())
        })?;
        // Names this store's sessions in `pg_stat_activity`.
        let options = options.application_name(&format!("evently-{prefix}"));
        let address = describe(&options);
        // One connection first, so an unreachable server is reported with
        // its cause (the pool would only say it timed out); it creates the
        // tables and is closed.
        let mut first = tokio::time::timeout(CONNECT_TIMEOUT, PgConnection::connect_with(&options))
            .await
            .map_err(|_| {
                unavailable(&address, format!("no answer within {CONNECT_TIMEOUT:?}").into())
            })?
            .map_err(|error| unavailable(&address, Box::new(error)))?;
        migrate(&mut first, prefix).await?;
        // The store works without a clean goodbye: the server ends the session.
        let _ = first.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(POOL_SIZE)
            .acquire_timeout(CONNECT_TIMEOUT)
            .connect_lazy_with(options);
        Ok(Self::on(pool, address, prefix))
    }

    /// A store on a pool the application already has (its other queries
    /// and this store share the connections), creating the `evently_*`
    /// tables if they are missing.
    pub async fn new(pool: PgPool) -> Result<Self, StoreError> {
        Self::with_prefix(pool, "evently").await
    }

    /// Like [`new`](Self::new), with tables named `<prefix>_events` and
    /// `<prefix>_snapshots` (letters, digits and `_`).
    pub async fn with_prefix(pool: PgPool, prefix: &str) -> Result<Self, StoreError> {
        check_prefix(prefix)?;
        let address = describe(&pool.connect_options());
        let store = Self::on(pool, address, prefix);
        let mut connection = store.pool.acquire().await.map_err(|error| store.error(error))?;
        migrate(&mut connection, prefix).await?;
        Ok(store)
    }

    fn on(pool: PgPool, address: String, prefix: &str) -> Self {
        let events = format!("{prefix}_events");
        let snapshots = format!("{prefix}_snapshots");
        let select = format!(
            "SELECT position, version, event_id, event_type, event_version, occurred_at, data, stream FROM {events}"
        );
        let sql = Statements {
            read_stream: format!("{select} WHERE stream = $1 AND version > $2 ORDER BY version"),
            read_stream_until_version: format!(
                "{select} WHERE stream = $1 AND version > $2 AND version <= $3 ORDER BY version"
            ),
            // A prefix of the stream: up to the first event that happened
            // after the time, whatever the timestamps of later events
            // (writers with skewed clocks), as the in-memory store does.
            read_stream_until_time: format!(
                "{select} WHERE stream = $1 AND version > $2 AND version < COALESCE(\
                 (SELECT MIN(version) FROM {events} WHERE stream = $1 AND occurred_at > $3), \
                 9223372036854775807) ORDER BY version"
            ),
            read_all: format!("{select} WHERE position > $1 ORDER BY position LIMIT $2"),
            load_snapshot: format!(
                "SELECT version, state FROM {snapshots} WHERE stream = $1 AND version <= $2 ORDER BY version DESC LIMIT 1"
            ),
            current_version: format!(
                "SELECT COALESCE(MAX(version), 0) FROM {events} WHERE stream = $1"
            ),
            insert: format!(
                "INSERT INTO {events} (stream, version, event_id, event_type, event_version, occurred_at, data) \
                 SELECT $1, v, i, t, tv, o, d \
                 FROM UNNEST($2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::timestamptz[], $7::jsonb[]) AS u(v, i, t, tv, o, d)"
            ),
            save_snapshot: format!(
                "INSERT INTO {snapshots} (stream, version, state) VALUES ($1, $2, $3) \
                 ON CONFLICT (stream, version) DO UPDATE SET state = EXCLUDED.state, taken_at = now()"
            ),
        };
        Self { pool, address, prefix: prefix.to_owned(), sql }
    }

    /// The pool the store runs on.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The prefix of this store's table names.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The advisory lock that orders appends to this store's tables.
    fn lock_key(&self) -> i64 {
        // FNV-1a of the table prefix: stores on other tables do not contend.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self.prefix.as_bytes() {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash as i64
    }

    /// A failure of the server or the connection to it as the store reports it.
    fn error(&self, error: sqlx::Error) -> StoreError {
        match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) => {
                unavailable(&self.address, Box::new(error))
            }
            other => StoreError::Backend(Box::new(other)),
        }
    }

    /// Appends `events` to `stream` at version `expected` inside the caller's
    /// transaction, so other rows (an outbox) commit or roll back with them.
    ///
    /// The advisory lock taken here is held until the caller's transaction
    /// ends, and every other append to these tables waits for it: keep the
    /// rest of the transaction short.
    pub(crate) async fn append_in_transaction(
        &self,
        transaction: &mut PgConnection,
        stream: &str,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> Result<u64, StoreError> {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(self.lock_key())
            .execute(&mut *transaction)
            .await
            .map_err(|error| self.error(error))?;
        let actual: i64 = sqlx::query_scalar(&self.sql.current_version)
            .bind(stream)
            .fetch_one(&mut *transaction)
            .await
            .map_err(|error| self.error(error))?;
        if actual as u64 != expected {
            return Err(StoreError::Conflict {
                stream: stream.to_owned(),
                expected,
                actual: actual as u64,
            });
        }
        let count = events.len() as u64;
        let versions: Vec<i64> = (1..=count).map(|n| signed(expected + n)).collect();
        let ids: Vec<Uuid> = events.iter().map(|e| e.id).collect();
        let types: Vec<&str> = events.iter().map(|e| e.event_type).collect();
        let type_versions: Vec<i32> = events.iter().map(|e| e.event_version as i32).collect();
        let times = events
            .iter()
            .map(|e| pg_time(e.timestamp).ok_or(StoreError::TimestampOutOfRange(e.timestamp)))
            .collect::<Result<Vec<OffsetDateTime>, _>>()?;
        let data: Vec<Value> = events.into_iter().map(|e| e.data).collect();
        sqlx::query(&self.sql.insert)
            .bind(stream)
            .bind(versions)
            .bind(ids)
            .bind(types)
            .bind(type_versions)
            .bind(times)
            .bind(data)
            .execute(&mut *transaction)
            .await
            .map_err(|error| match error {
                // Only a writer that bypasses the lock gets here.
                sqlx::Error::Database(ref database) if database.is_unique_violation() => {
                    StoreError::Conflict {
                        stream: stream.to_owned(),
                        expected,
                        actual: expected + 1,
                    }
                }
                other => self.error(other),
            })?;
        Ok(expected + count)
    }

    /// Drops this store's tables and everything in them (for tests and
    /// throwaway environments).
    pub async fn drop_tables(&self) -> Result<(), StoreError> {
        sqlx::raw_sql(&format!(
            "DROP TABLE IF EXISTS {0}_events; DROP TABLE IF EXISTS {0}_snapshots;",
            self.prefix
        ))
        .execute(&self.pool)
        .await
        .map_err(|error| self.error(error))?;
        Ok(())
    }

    /// The current version of a stream (0 if it has no events).
    pub async fn stream_version(&self, stream: &str) -> Result<u64, StoreError> {
        let version: i64 = sqlx::query_scalar(&self.sql.current_version)
            .bind(stream)
            .fetch_one(&self.pool)
            .await
            .map_err(|error| self.error(error))?;
        Ok(version as u64)
    }
}

fn check_prefix(prefix: &str) -> Result<(), StoreError> {
    if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(StoreError::Backend(
            format!("invalid table prefix `{prefix}`: use letters, digits and `_`").into(),
        ));
    }
    Ok(())
}

fn unavailable(address: &str, source: crate::error::BoxError) -> StoreError {
    StoreError::Unavailable { service: "PostgreSQL", address: address.to_owned(), source }
}

/// `host:port/database` of connection options, for error messages (never
/// the password).
fn describe(options: &PgConnectOptions) -> String {
    let database = options.get_database().unwrap_or("");
    match options.get_socket() {
        Some(socket) => format!("{}/{database}", socket.display()),
        None => format!("{}:{}/{database}", options.get_host(), options.get_port()),
    }
}

async fn migrate(connection: &mut PgConnection, prefix: &str) -> Result<(), StoreError> {
    // Two processes migrating at once would race on the catalog; the lock
    // makes the second wait for the first.
    sqlx::raw_sql(&format!(
        "BEGIN;
         SELECT pg_advisory_xact_lock(7236284016);
         CREATE TABLE IF NOT EXISTS {prefix}_events (
             position BIGSERIAL PRIMARY KEY,
             stream TEXT NOT NULL,
             version BIGINT NOT NULL,
             event_id UUID NOT NULL,
             event_type TEXT NOT NULL,
             event_version INTEGER NOT NULL,
             occurred_at TIMESTAMPTZ NOT NULL,
             data JSONB NOT NULL,
             UNIQUE (stream, version)
         );
         CREATE TABLE IF NOT EXISTS {prefix}_snapshots (
             stream TEXT NOT NULL,
             version BIGINT NOT NULL,
             state JSONB NOT NULL,
             taken_at TIMESTAMPTZ NOT NULL DEFAULT now(),
             PRIMARY KEY (stream, version)
         );
         COMMIT;"
    ))
    .execute(connection)
    .await
    .map_err(|error| StoreError::Backend(Box::new(error)))?;
    Ok(())
}

/// A time as the PostgreSQL client takes it; `None` outside its years.
fn pg_time(at: SystemTime) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(crate::timestamp::unix_nanos(at)?).ok()
}

fn record(row: &sqlx::postgres::PgRow) -> Result<RecordedEvent, sqlx::Error> {
    Ok(RecordedEvent {
        position: row.try_get::<i64, _>(0)? as u64,
        version: row.try_get::<i64, _>(1)? as u64,
        id: row.try_get(2)?,
        event_type: row.try_get(3)?,
        event_version: row.try_get::<i32, _>(4)? as u32,
        timestamp: SystemTime::from(row.try_get::<OffsetDateTime, _>(5)?),
        data: row.try_get(6)?,
        stream: row.try_get(7)?,
    })
}

fn signed(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

impl EventStore for PostgresEventStore {
    fn as_postgres(&self) -> Option<&PostgresEventStore> {
        Some(self)
    }

    async fn append(
        &self,
        stream: &str,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> Result<u64, StoreError> {
        let mut transaction = self.pool.begin().await.map_err(|error| self.error(error))?;
        let version =
            self.append_in_transaction(&mut transaction, stream, expected, events).await?;
        transaction.commit().await.map_err(|error| self.error(error))?;
        Ok(version)
    }

    async fn read_stream(
        &self,
        stream: &str,
        after: u64,
        until: Until,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let after = signed(after);
        let query = match until {
            Until::End => sqlx::query(&self.sql.read_stream).bind(stream).bind(after),
            Until::Version(version) => sqlx::query(&self.sql.read_stream_until_version)
                .bind(stream)
                .bind(after)
                .bind(signed(version)),
            Until::Time(time) => {
                // Past the years PostgreSQL keeps here, every event is before.
                let time = pg_time(time).unwrap_or(if time > SystemTime::UNIX_EPOCH {
                    OffsetDateTime::new_utc(time::Date::MAX, time::Time::MAX)
                } else {
                    OffsetDateTime::new_utc(time::Date::MIN, time::Time::MIDNIGHT)
                });
                sqlx::query(&self.sql.read_stream_until_time).bind(stream).bind(after).bind(time)
            }
        };
        let rows = query.fetch_all(&self.pool).await.map_err(|error| self.error(error))?;
        rows.iter().map(record).collect::<Result<_, _>>().map_err(|error| self.error(error))
    }

    async fn read_all(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        let rows = sqlx::query(&self.sql.read_all)
            .bind(signed(after))
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .fetch_all(&self.pool)
            .await
            .map_err(|error| self.error(error))?;
        rows.iter().map(record).collect::<Result<_, _>>().map_err(|error| self.error(error))
    }

    async fn save_snapshot(&self, snapshot: Snapshot) -> Result<(), StoreError> {
        sqlx::query(&self.sql.save_snapshot)
            .bind(&snapshot.stream)
            .bind(signed(snapshot.version))
            .bind(&snapshot.state)
            .execute(&self.pool)
            .await
            .map_err(|error| self.error(error))?;
        Ok(())
    }

    async fn load_snapshot(
        &self,
        stream: &str,
        at_most: u64,
    ) -> Result<Option<Snapshot>, StoreError> {
        let row: Option<(i64, Value)> = sqlx::query_as(&self.sql.load_snapshot)
            .bind(stream)
            .bind(signed(at_most))
            .fetch_optional(&self.pool)
            .await
            .map_err(|error| self.error(error))?;
        Ok(row.map(|(version, state)| Snapshot {
            stream: stream.to_owned(),
            version: version as u64,
            state,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> String {
        std::env::var("EVENTLY_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
    }

    fn renamed(name: &str) -> NewEvent {
        NewEvent {
            id: crate::id::now_v7().0,
            event_type: "user.renamed",
            event_version: 1,
            timestamp: SystemTime::now(),
            data: serde_json::json!({ "name": name }),
        }
    }

    /// Events and another row written in one transaction: both or neither.
    #[tokio::test]
    async fn events_appended_in_a_callers_transaction_commit_and_roll_back_with_it() {
        let prefix = format!("u{}_{}", std::process::id(), crate::id::now_v7().0.simple());
        let store = match PostgresEventStore::connect_with_prefix(&url(), &prefix).await {
            Ok(store) => store,
            Err(error) => panic!("this test needs PostgreSQL: {error}"),
        };
        let outbox = format!("{prefix}_outbox");
        sqlx::query(&format!("CREATE TABLE {outbox} (event_id UUID PRIMARY KEY)"))
            .execute(store.pool())
            .await
            .expect("create the other table");
        let count = |table: String| {
            let pool = store.pool().clone();
            async move {
                sqlx::query_scalar::<_, i64>(&format!("SELECT count(*) FROM {table}"))
                    .fetch_one(&pool)
                    .await
                    .expect("count")
            }
        };

        for commit in [false, true] {
            let mut transaction = store.pool().begin().await.expect("begin");
            let event = renamed("Ada");
            sqlx::query(&format!("INSERT INTO {outbox} (event_id) VALUES ($1)"))
                .bind(event.id)
                .execute(&mut *transaction)
                .await
                .expect("insert the other row");
            let version = store
                .append_in_transaction(&mut transaction, "user-1", 0, vec![event])
                .await
                .expect("append");
            assert_eq!(version, 1);
            if commit {
                transaction.commit().await.expect("commit");
            } else {
                transaction.rollback().await.expect("roll back");
                assert_eq!(store.stream_version("user-1").await.expect("version"), 0);
                assert_eq!(count(outbox.clone()).await, 0);
            }
        }
        assert_eq!(store.stream_version("user-1").await.expect("version"), 1);
        assert_eq!(count(outbox.clone()).await, 1);
        assert_eq!(count(format!("{prefix}_events")).await, 1);

        sqlx::query(&format!("DROP TABLE {outbox}")).execute(store.pool()).await.expect("drop");
        store.drop_tables().await.expect("drop the test's tables");
    }
}

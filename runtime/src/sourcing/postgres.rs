//! An event store on PostgreSQL.
//!
//! Two tables, created on connect if missing: `<prefix>_events` (one row per
//! event; `(stream, version)` unique; a global `position`) and
//! `<prefix>_snapshots`. An append runs in one transaction that takes a
//! transaction-level advisory lock, checks the stream's version, and inserts
//! the whole batch: a writer that lost the race gets
//! [`StoreError::Conflict`] and none of its events are stored. The lock also
//! makes positions commit in order, so a projection reading the global order
//! never skips an event that commits late.
//!
//! The store reconnects by itself: when the server drops its connections (a
//! restart, a failover), the calls in flight fail and the next call opens
//! new ones.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use time::OffsetDateTime;
use tokio_postgres::{Client, Config, NoTls, Statement};
use uuid::Uuid;

use super::{EventStore, NewEvent, RecordedEvent, Snapshot, StoreError, Until};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// An event store on PostgreSQL (feature `postgres`).
pub struct PostgresEventStore {
    config: Config,
    /// The open connections; replaced when the server dropped them.
    link: tokio::sync::RwLock<Arc<Link>>,
    address: String,
    prefix: String,
}

/// A writing and a reading connection with their prepared statements.
struct Link {
    writer: tokio::sync::Mutex<Writer>,
    reader: Client,
    statements: Statements,
}

struct Writer {
    client: Client,
    lock: Statement,
    current_version: Statement,
    insert: Statement,
    save_snapshot: Statement,
}

struct Statements {
    read_stream: Statement,
    read_stream_until_version: Statement,
    read_stream_until_time: Statement,
    read_all: Statement,
    load_snapshot: Statement,
    current_version: Statement,
}

impl std::fmt::Debug for PostgresEventStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresEventStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

fn backend(error: tokio_postgres::Error) -> StoreError {
    StoreError::Backend(Box::new(error))
}

impl PostgresEventStore {
    /// Connects to `url` (`postgres://user@host:port/database` or
    /// `host=... user=... dbname=...`) and creates the `evently_*` tables if
    /// they are missing.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with_prefix(url, "evently").await
    }

    /// Like [`connect`](Self::connect), with tables named `<prefix>_events`
    /// and `<prefix>_snapshots` (letters, digits and `_`).
    pub async fn connect_with_prefix(url: &str, prefix: &str) -> Result<Self, StoreError> {
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(StoreError::Backend(
                format!("invalid table prefix `{prefix}`: use letters, digits and `_`").into(),
            ));
        }
        let config: Config = url.parse().map_err(|error: tokio_postgres::Error| {
            StoreError::Backend(format!("invalid PostgreSQL URL: {error}").into())
        })?;
        let mut config = config;
        // Names this store's sessions in `pg_stat_activity`.
        config.application_name(format!("evently-{prefix}"));
        let address = describe(&config);
        let link = Link::open(&config, &address, prefix, true).await?;
        Ok(Self {
            config,
            link: tokio::sync::RwLock::new(Arc::new(link)),
            address,
            prefix: prefix.to_owned(),
        })
    }

    /// The open connections, opened again if the server dropped them.
    async fn link(&self) -> Result<Arc<Link>, StoreError> {
        let link = Arc::clone(&*self.link.read().await);
        if !link.is_closed().await {
            return Ok(link);
        }
        let mut current = self.link.write().await;
        if current.is_closed().await {
            tracing::warn!(address = %self.address, "PostgreSQL connections lost; opening new ones");
            *current =
                Arc::new(Link::open(&self.config, &self.address, &self.prefix, false).await?);
        }
        Ok(Arc::clone(&current))
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
}

impl Link {
    /// Connects both connections and prepares the statements; creates the
    /// tables first if `create_tables`.
    async fn open(
        config: &Config,
        address: &str,
        prefix: &str,
        create_tables: bool,
    ) -> Result<Link, StoreError> {
        let writer = connect_one(config, address).await?;
        let reader = connect_one(config, address).await?;
        let events = format!("{prefix}_events");
        let snapshots = format!("{prefix}_snapshots");
        if create_tables {
            migrate(&writer, &events, &snapshots).await?;
        }

        let select = format!(
            "SELECT position, version, event_id, event_type, event_version, occurred_at, data, stream FROM {events}"
        );
        let current = format!("SELECT COALESCE(MAX(version), 0) FROM {events} WHERE stream = $1");
        let statements = Statements {
            read_stream: reader
                .prepare(&format!("{select} WHERE stream = $1 AND version > $2 ORDER BY version"))
                .await
                .map_err(backend)?,
            read_stream_until_version: reader
                .prepare(&format!("{select} WHERE stream = $1 AND version > $2 AND version <= $3 ORDER BY version"))
                .await
                .map_err(backend)?,
            read_stream_until_time: reader
                // A prefix of the stream: up to the first event that happened
                // after the time, whatever the timestamps of later events
                // (writers with skewed clocks), as the in-memory store does.
                .prepare(&format!(
                    "{select} WHERE stream = $1 AND version > $2 AND version < COALESCE(\
                     (SELECT MIN(version) FROM {events} WHERE stream = $1 AND occurred_at > $3), \
                     9223372036854775807) ORDER BY version"
                ))
                .await
                .map_err(backend)?,
            read_all: reader
                .prepare(&format!("{select} WHERE position > $1 ORDER BY position LIMIT $2"))
                .await
                .map_err(backend)?,
            load_snapshot: reader
                .prepare(&format!(
                    "SELECT version, state FROM {snapshots} WHERE stream = $1 AND version <= $2 ORDER BY version DESC LIMIT 1"
                ))
                .await
                .map_err(backend)?,
            current_version: reader.prepare(&current).await.map_err(backend)?,
        };
        let writer = Writer {
            lock: writer.prepare("SELECT pg_advisory_xact_lock($1)").await.map_err(backend)?,
            current_version: writer.prepare(&current).await.map_err(backend)?,
            insert: writer
                .prepare(&format!(
                    "INSERT INTO {events} (stream, version, event_id, event_type, event_version, occurred_at, data) \
                     SELECT $1, v, i, t, tv, o, d \
                     FROM UNNEST($2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::timestamptz[], $7::jsonb[]) AS u(v, i, t, tv, o, d)"
                ))
                .await
                .map_err(backend)?,
            save_snapshot: writer
                .prepare(&format!(
                    "INSERT INTO {snapshots} (stream, version, state) VALUES ($1, $2, $3) \
                     ON CONFLICT (stream, version) DO UPDATE SET state = EXCLUDED.state, taken_at = now()"
                ))
                .await
                .map_err(backend)?,
            client: writer,
        };
        Ok(Link { writer: tokio::sync::Mutex::new(writer), reader, statements })
    }

    async fn is_closed(&self) -> bool {
        self.reader.is_closed() || self.writer.lock().await.client.is_closed()
    }
}

/// `host:port/database` of a configuration, for error messages (no password).
fn describe(config: &Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|host| match host {
            tokio_postgres::config::Host::Tcp(name) => name.clone(),
            tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .unwrap_or_else(|| "localhost".to_owned());
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!("{host}:{port}/{}", config.get_dbname().unwrap_or(""))
}

async fn connect_one(config: &Config, address: &str) -> Result<Client, StoreError> {
    let unavailable = |source: Box<dyn std::error::Error + Send + Sync>| StoreError::Unavailable {
        service: "PostgreSQL",
        address: address.to_owned(),
        source,
    };
    let (client, connection) = tokio::time::timeout(CONNECT_TIMEOUT, config.connect(NoTls))
        .await
        .map_err(|_| unavailable(format!("no answer within {CONNECT_TIMEOUT:?}").into()))?
        .map_err(|error| unavailable(Box::new(error)))?;
    let address = address.to_owned();
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            tracing::warn!(%address, %error, "PostgreSQL connection closed");
        }
    });
    Ok(client)
}

async fn migrate(client: &Client, events: &str, snapshots: &str) -> Result<(), StoreError> {
    // Two processes migrating at once would race on the catalog; the lock
    // makes the second wait for the first.
    client
        .batch_execute(&format!(
            "BEGIN;
             SELECT pg_advisory_xact_lock(7236284016);
             CREATE TABLE IF NOT EXISTS {events} (
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
             CREATE TABLE IF NOT EXISTS {snapshots} (
                 stream TEXT NOT NULL,
                 version BIGINT NOT NULL,
                 state JSONB NOT NULL,
                 taken_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                 PRIMARY KEY (stream, version)
             );
             COMMIT;"
        ))
        .await
        .map_err(backend)
}

fn record(row: &tokio_postgres::Row) -> RecordedEvent {
    RecordedEvent {
        position: row.get::<_, i64>(0) as u64,
        version: row.get::<_, i64>(1) as u64,
        id: row.get(2),
        event_type: row.get(3),
        event_version: row.get::<_, i32>(4) as u32,
        timestamp: row.get(5),
        data: row.get(6),
        stream: row.get(7),
    }
}

fn signed(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

impl EventStore for PostgresEventStore {
    async fn append(
        &self,
        stream: &str,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> Result<u64, StoreError> {
        let link = self.link().await?;
        let mut writer = link.writer.lock().await;
        let writer = &mut *writer;
        let transaction = writer.client.transaction().await.map_err(backend)?;
        transaction.execute(&writer.lock, &[&self.lock_key()]).await.map_err(backend)?;
        let actual: i64 = transaction
            .query_one(&writer.current_version, &[&stream])
            .await
            .map_err(backend)?
            .get(0);
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
        let times: Vec<OffsetDateTime> = events.iter().map(|e| e.timestamp).collect();
        let data: Vec<Value> = events.into_iter().map(|e| e.data).collect();
        transaction
            .execute(
                &writer.insert,
                &[&stream, &versions, &ids, &types, &type_versions, &times, &data],
            )
            .await
            .map_err(|error| {
                if error.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) {
                    // Only a writer that bypasses the lock gets here.
                    StoreError::Conflict {
                        stream: stream.to_owned(),
                        expected,
                        actual: expected + 1,
                    }
                } else {
                    backend(error)
                }
            })?;
        transaction.commit().await.map_err(backend)?;
        Ok(expected + count)
    }

    async fn read_stream(
        &self,
        stream: &str,
        after: u64,
        until: Until,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let after = signed(after);
        let link = self.link().await?;
        let (reader, statements) = (&link.reader, &link.statements);
        let rows = match until {
            Until::End => reader.query(&statements.read_stream, &[&stream, &after]).await,
            Until::Version(version) => {
                let version = signed(version);
                reader
                    .query(&statements.read_stream_until_version, &[&stream, &after, &version])
                    .await
            }
            Until::Time(time) => {
                reader.query(&statements.read_stream_until_time, &[&stream, &after, &time]).await
            }
        }
        .map_err(backend)?;
        Ok(rows.iter().map(record).collect())
    }

    async fn read_all(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        let (after, limit) = (signed(after), i64::try_from(limit).unwrap_or(i64::MAX));
        let link = self.link().await?;
        let rows = link
            .reader
            .query(&link.statements.read_all, &[&after, &limit])
            .await
            .map_err(backend)?;
        Ok(rows.iter().map(record).collect())
    }

    async fn save_snapshot(&self, snapshot: Snapshot) -> Result<(), StoreError> {
        let link = self.link().await?;
        let writer = link.writer.lock().await;
        let version = signed(snapshot.version);
        writer
            .client
            .execute(&writer.save_snapshot, &[&snapshot.stream, &version, &snapshot.state])
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load_snapshot(
        &self,
        stream: &str,
        at_most: u64,
    ) -> Result<Option<Snapshot>, StoreError> {
        let at_most = signed(at_most);
        let link = self.link().await?;
        let row = link
            .reader
            .query_opt(&link.statements.load_snapshot, &[&stream, &at_most])
            .await
            .map_err(backend)?;
        Ok(row.map(|row| Snapshot {
            stream: stream.to_owned(),
            version: row.get::<_, i64>(0) as u64,
            state: row.get(1),
        }))
    }
}

impl PostgresEventStore {
    /// The prefix of this store's table names.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Drops this store's tables and everything in them (for tests and
    /// throwaway environments).
    pub async fn drop_tables(&self) -> Result<(), StoreError> {
        let link = self.link().await?;
        let writer = link.writer.lock().await;
        writer
            .client
            .batch_execute(&format!(
                "DROP TABLE IF EXISTS {0}_events; DROP TABLE IF EXISTS {0}_snapshots;",
                self.prefix
            ))
            .await
            .map_err(backend)
    }

    /// The current version of a stream (0 if it has no events).
    pub async fn stream_version(&self, stream: &str) -> Result<u64, StoreError> {
        let link = self.link().await?;
        let row = link
            .reader
            .query_one(&link.statements.current_version, &[&stream])
            .await
            .map_err(backend)?;
        Ok(row.get::<_, i64>(0) as u64)
    }
}

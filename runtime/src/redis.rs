//! An idempotency store on Redis (feature `redis`), shared by every member
//! of a group so a message handled by one is a duplicate for the others.
//!
//! One key per claim, `<prefix>:<scope>:<id>`, read and changed only by Lua
//! scripts, so each step is atomic on the server:
//!
//! - a claim sets the key to a fresh token if it is missing, expiring after
//!   the lease (`SET NX PX`); a holder that died is taken over once its
//!   lease ran out;
//! - completing sets it to a done marker kept for the retention period;
//! - releasing deletes it, and renewing extends its lease; both, like
//!   completing, first compare the token, so a delivery whose lease ran out
//!   and was taken over changes nothing.
//!
//! Expiry runs on the Redis server's clock: the members' clocks do not
//! matter.

use std::sync::LazyLock;
use std::time::Duration;

use ::redis::aio::{ConnectionManager, ConnectionManagerConfig};
use ::redis::{AsyncConnectionConfig, Client, ClientTlsConfig, Script, TlsCertificates};

use crate::error::BoxError;
use crate::idempotency::{Claim, ClaimToken, IdempotencyKey, IdempotencyStore, StoreError};
use crate::tls::{TlsConfig, TlsError};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// A command that gets no answer within this fails (the delivery is retried)
/// instead of holding its handler forever.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(5);

/// `KEYS[1]` the claim, `ARGV[1]` a new token, `ARGV[2]` the lease in ms.
/// Returns 1 (acquired), 2 (done) or 0 (held by another delivery). A done
/// claim holds `done`; a token is 32 hex digits, never that.
static CLAIM: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
         if redis.call('GET', KEYS[1]) == 'done' then return 2 end
         return 0",
    )
});

/// `ARGV[1]` the holder's token, `ARGV[2]` the retention in ms. A claim whose
/// lease ran out and that nobody took over is still the holder's to complete.
static COMPLETE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        "local held = redis.call('GET', KEYS[1])
         if held == ARGV[1] or held == false then
             redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2])
             return 1
         end
         return 0",
    )
});

/// `ARGV[1]` the holder's token.
static RELEASE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
         return 0",
    )
});

/// `ARGV[1]` the holder's token, `ARGV[2]` the lease in ms. Returns 1 while
/// the caller holds the claim, taking it again if its lease ran out and
/// nobody took it over; 0 if another delivery holds it or it is done.
static RENEW: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        "local held = redis.call('GET', KEYS[1])
         if held == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
         if held == false then
             redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
             return 1
         end
         return 0",
    )
});

/// An [`IdempotencyStore`] on Redis (feature `redis`): claims with a holder
/// token and a lease, done records kept for a retention period.
///
/// ```no_run
/// use std::time::Duration;
/// use evently::Bus;
/// use evently::redis::RedisIdempotencyStore;
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let store = RedisIdempotencyStore::connect("redis://127.0.0.1:6379")
///     .await?
///     .lease(Duration::from_secs(30))
///     .retention(Duration::from_secs(7 * 24 * 60 * 60));
/// let bus = Bus::builder().source("billing").idempotency_store(store).start().await?;
/// # Ok(()) }
/// ```
///
/// The bus renews a claim every third of the lease while its handler runs,
/// so the lease only bounds how long a member that died blocks the message:
/// after it, another member runs the message again.
#[derive(Clone)]
pub struct RedisIdempotencyStore {
    connection: ConnectionManager,
    address: Option<String>,
    prefix: String,
    lease: Duration,
    retention: Duration,
}

impl std::fmt::Debug for RedisIdempotencyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisIdempotencyStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .field("lease", &self.lease)
            .field("retention", &self.retention)
            .finish_non_exhaustive()
    }
}

/// Why [`RedisIdempotencyStore::connect`] failed.
///
/// ```no_run
/// use evently::redis::{ConnectError, RedisIdempotencyStore};
///
/// # async fn run() {
/// match RedisIdempotencyStore::connect("redis://127.0.0.1:6379").await {
///     Ok(store) => { /* ... */ }
///     Err(ConnectError::Unreachable { address, .. }) => eprintln!("is Redis up at {address}?"),
///     Err(other) => eprintln!("{other}"),
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConnectError {
    /// The URL is not a Redis URL (`redis://[user:password@]host[:port][/db]`).
    #[error("invalid Redis URL")]
    InvalidUrl(#[source] BoxError),
    /// Redis did not answer, or refused the connection.
    #[error("Redis at {address} is unreachable")]
    Unreachable {
        /// `host:port/db`, without the password.
        address: String,
        /// What the client reported.
        #[source]
        source: BoxError,
    },
    /// The TLS settings cannot be used (a CA file that cannot be read, a
    /// key that is not PEM).
    #[error("invalid Redis TLS settings")]
    Tls(#[source] TlsError),
}

impl RedisIdempotencyStore {
    /// Connects to `url` (`redis://[user:password@]host[:port][/db]`). The
    /// connection is re-established by itself when it drops; a call made
    /// while Redis is away fails, and its delivery is retried.
    ///
    /// Fails with [`ConnectError::Unreachable`], naming the address, if
    /// Redis does not answer within 5 seconds.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), evently::redis::ConnectError> {
    /// let store = evently::redis::RedisIdempotencyStore::connect("redis://127.0.0.1:6379/0").await?;
    /// # Ok(()) }
    /// ```
    pub async fn connect(url: &str) -> Result<Self, ConnectError> {
        let client =
            Client::open(url).map_err(|error| ConnectError::InvalidUrl(Box::new(error)))?;
        Self::connect_client(client).await
    }

    /// Connects to a `rediss://` URL with TLS settings: a CA to trust
    /// instead of the system's roots, a client certificate. (A `rediss://`
    /// URL given to [`connect`](Self::connect) trusts the system's roots.)
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), evently::redis::ConnectError> {
    /// use evently::redis::RedisIdempotencyStore;
    /// use evently::tls::TlsConfig;
    ///
    /// let tls = TlsConfig::ca_file("/etc/evently/ca.pem");
    /// let store = RedisIdempotencyStore::connect_tls("rediss://cache.internal:6380", &tls).await?;
    /// # Ok(()) }
    /// ```
    pub async fn connect_tls(url: &str, tls: &TlsConfig) -> Result<Self, ConnectError> {
        let loaded = tls.load().map_err(ConnectError::Tls)?;
        let certificates = TlsCertificates {
            client_tls: loaded.client.map(|client| ClientTlsConfig {
                client_cert: client.certificate_pem,
                client_key: client.key_pem,
            }),
            root_cert: loaded.ca.map(|(pem, _)| pem),
        };
        let client = Client::build_with_tls(url, certificates)
            .map_err(|error| ConnectError::InvalidUrl(Box::new(error)))?;
        Self::connect_client(client).await
    }

    async fn connect_client(client: Client) -> Result<Self, ConnectError> {
        let info = client.get_connection_info();
        let address = format!("{}/{}", info.addr(), info.redis_settings().db());
        let unreachable =
            |source: BoxError| ConnectError::Unreachable { address: address.clone(), source };
        // One attempt first, so an unreachable server is reported with its
        // cause; the manager would retry for a while and then only time out.
        let first = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            .set_response_timeout(Some(RESPONSE_TIMEOUT));
        let mut probe = tokio::time::timeout(
            CONNECT_TIMEOUT,
            client.get_multiplexed_async_connection_with_config(&first),
        )
        .await
        .map_err(|_| unreachable(format!("no answer within {CONNECT_TIMEOUT:?}").into()))?
        .map_err(|error| unreachable(Box::new(error)))?;
        ::redis::cmd("PING")
            .query_async::<()>(&mut probe)
            .await
            .map_err(|error| unreachable(Box::new(error)))?;
        drop(probe);
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            .set_response_timeout(Some(RESPONSE_TIMEOUT));
        let connection = ConnectionManager::new_with_config(client, config)
            .await
            .map_err(|error| unreachable(Box::new(error)))?;
        let mut store = Self::new(connection);
        store.address = Some(address);
        Ok(store)
    }

    /// A store on a connection the application already has.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = redis::Client::open("redis://127.0.0.1:6379")?;
    /// let connection = redis::aio::ConnectionManager::new(client).await?;
    /// let store = evently::redis::RedisIdempotencyStore::new(connection);
    /// # Ok(()) }
    /// ```
    pub fn new(connection: ConnectionManager) -> Self {
        Self {
            connection,
            address: None,
            prefix: "evently:idempotency".to_owned(),
            lease: Duration::from_secs(30),
            retention: Duration::from_secs(24 * 60 * 60),
        }
    }

    /// How long a claim is held for a delivery that neither completes, nor
    /// releases, nor renews it (default 30 s): how long a member that died
    /// holds up the message. The bus renews every third of it.
    ///
    /// ```no_run
    /// # async fn run(store: evently::redis::RedisIdempotencyStore) {
    /// let store = store.lease(std::time::Duration::from_secs(60));
    /// # }
    /// ```
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease.max(Duration::from_millis(3));
        self
    }

    /// How long a done claim is remembered (default 24 h): a duplicate
    /// delivered later runs again.
    ///
    /// ```no_run
    /// # async fn run(store: evently::redis::RedisIdempotencyStore) {
    /// let store = store.retention(std::time::Duration::from_secs(7 * 24 * 60 * 60));
    /// # }
    /// ```
    pub fn retention(mut self, retention: Duration) -> Self {
        self.retention = retention.max(Duration::from_millis(1));
        self
    }

    /// The start of every key this store writes (default
    /// `evently:idempotency`): `<prefix>:<group>/<subscriber>:<id>`.
    ///
    /// ```no_run
    /// # async fn run(store: evently::redis::RedisIdempotencyStore) {
    /// let store = store.prefix("billing:idempotency");
    /// # }
    /// ```
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    fn key(&self, key: &IdempotencyKey<'_>) -> String {
        format!("{}:{}:{}", self.prefix, key.scope, key.id)
    }

    async fn run(
        &self,
        script: &Script,
        key: String,
        args: (&str, u64),
    ) -> Result<i64, StoreError> {
        let mut connection = self.connection.clone();
        script
            .key(key)
            .arg(args.0)
            .arg(args.1)
            .invoke_async(&mut connection)
            .await
            .map_err(|error| StoreError(Box::new(error)))
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX).max(1)
}

fn token_text(token: ClaimToken) -> String {
    token.value().simple().to_string()
}

impl IdempotencyStore for RedisIdempotencyStore {
    async fn claim(&self, key: &IdempotencyKey<'_>) -> Result<Claim, StoreError> {
        let token = ClaimToken::random();
        let lease = millis(self.lease);
        match self.run(&CLAIM, self.key(key), (&token_text(token), lease)).await? {
            1 => Ok(Claim::Acquired(token)),
            2 => Ok(Claim::Done),
            _ => Ok(Claim::InProgress),
        }
    }

    async fn complete(
        &self,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
    ) -> Result<(), StoreError> {
        let retention = millis(self.retention);
        self.run(&COMPLETE, self.key(key), (&token_text(token), retention)).await?;
        Ok(())
    }

    async fn release(&self, key: &IdempotencyKey<'_>, token: ClaimToken) -> Result<(), StoreError> {
        // The script reads one argument; the second keeps one helper for all.
        self.run(&RELEASE, self.key(key), (&token_text(token), 0)).await?;
        Ok(())
    }

    async fn renew(&self, key: &IdempotencyKey<'_>, token: ClaimToken) -> Result<bool, StoreError> {
        let lease = millis(self.lease);
        Ok(self.run(&RENEW, self.key(key), (&token_text(token), lease)).await? == 1)
    }

    fn renew_every(&self) -> Option<Duration> {
        Some(self.lease / 3)
    }
}

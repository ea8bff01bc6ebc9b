//! NATS JetStream: streams for the topics' subjects, a durable pull
//! consumer per group and topic.
//!
//! A stream that already covers a topic's subject (another team's `user.>`,
//! say) is used as it is: evently binds its consumers to it with the topic
//! as their filter, and creates nothing. Otherwise evently creates streams
//! as [`StreamLayout`] says: one per topic (the default), or one for a
//! subject prefix.

use std::collections::HashMap;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_nats::jetstream::{self, consumer, stream};
use async_nats::rustls;
use futures_util::{FutureExt, StreamExt};
use tokio::sync::watch;

use crate::tls::{LoadedTls, TlsConfig, TlsError, TlsItem};

use super::{
    Ack, Acker, Deliveries, Incoming, OutgoingMessage, StartPosition, Subscription, Transport,
    TransportError, object_name,
};

const BROKER: &str = "NATS JetStream";

/// How long a message given back waits before it is delivered again (one
/// a stopping member fetched ahead, one whose dead letter could not be
/// sent), and the pause before asking again after a refused pull request.
const RELEASE_DELAY: Duration = Duration::from_millis(500);

/// How to reach NATS and name what evently creates there. Its `Debug`
/// output shows the URL without its password, and no inline PEM.
#[derive(Clone)]
pub struct NatsConfig {
    /// The server (`nats://127.0.0.1:4222`; `tls://...` requires TLS,
    /// trusting the system's roots unless `tls` says otherwise).
    pub url: String,
    /// TLS settings: the CA to trust, a client certificate. `Some`
    /// requires TLS whatever the URL's scheme; `None` (the default) uses
    /// TLS only for a `tls://` URL or a server that requires it.
    pub tls: Option<TlsConfig>,
    /// Put before every subject, stream and consumer name (e.g. `staging.`).
    pub namespace: String,
    /// How often JetStream delivers a message that is not acknowledged
    /// (a consumer that crashed mid-way) before giving up on it.
    pub max_deliver: i64,
    /// How long JetStream waits for an acknowledgement before redelivering.
    pub ack_wait: Duration,
    /// How many messages a consumer group may hold unacknowledged, across
    /// its members (default 20,000). A member that dies holds its share
    /// until `ack_wait` runs out; each member holds at most what it asked
    /// for (per topic, up to 300: a batch of 200 is asked for once 100 are
    /// still to come) plus its lanes' queues (8 × 128 by default), so the
    /// default leaves room for many members and crashes before the group
    /// has to wait.
    pub max_ack_pending: i64,
    /// Whether an acknowledgement waits for the server's confirmation
    /// (default `true`; up to 5 s once sent, after which the failure is
    /// logged). Unconfirmed, an acknowledgement lost with a crash makes the
    /// server deliver the message again after `ack_wait`.
    pub confirm_acks: bool,
    /// How long connecting may take.
    pub connect_timeout: Duration,
    /// The streams evently creates for subjects no stream covers yet.
    pub streams: StreamLayout,
}

/// The streams evently creates for subjects that no existing stream covers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum StreamLayout {
    /// One stream per topic, named after it (the default).
    #[default]
    PerTopic,
    /// One stream named `name` for every subject under `subjects` (a
    /// wildcard subject such as `events.>`, after the namespace).
    Shared {
        /// The stream's name.
        name: String,
        /// The subjects it takes, e.g. `events.>`.
        subjects: String,
    },
}

impl std::fmt::Debug for NatsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NatsConfig")
            .field("url", &super::redact(&self.url))
            .field("tls", &self.tls)
            .field("namespace", &self.namespace)
            .field("max_deliver", &self.max_deliver)
            .field("ack_wait", &self.ack_wait)
            .field("max_ack_pending", &self.max_ack_pending)
            .field("confirm_acks", &self.confirm_acks)
            .field("connect_timeout", &self.connect_timeout)
            .field("streams", &self.streams)
            .finish()
    }
}

impl Default for NatsConfig {
    fn default() -> Self {
        Self {
            url: "nats://127.0.0.1:4222".to_owned(),
            tls: None,
            namespace: String::new(),
            max_deliver: 10,
            ack_wait: Duration::from_secs(30),
            max_ack_pending: 20_000,
            confirm_acks: true,
            connect_timeout: Duration::from_secs(5),
            streams: StreamLayout::PerTopic,
        }
    }
}

/// The NATS JetStream transport (feature `nats`).
pub struct NatsTransport {
    config: NatsConfig,
    context: jetstream::Context,
    /// The stream that holds each topic's subject, once known.
    streams: Mutex<HashMap<String, String>>,
    /// The subject of each topic published to, once a stream is known to
    /// hold it: a publish looks it up instead of building it.
    published: Mutex<HashMap<String, async_nats::Subject, foldhash::fast::RandomState>>,
    /// Counts the client's reconnections: the server forgets a member's
    /// pull requests when its connection drops, so pullers ask again.
    reconnects: watch::Receiver<u64>,
    /// The subscriptions' tasks, which give back what they fetched ahead
    /// when they stop.
    pullers: Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl std::fmt::Debug for NatsTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NatsTransport").field("config", &self.config).finish_non_exhaustive()
    }
}

/// How long connecting waits between attempts.
const RETRY_DELAY: Duration = Duration::from_millis(100);

/// Failures that another attempt would only repeat.
fn is_permanent(error: &async_nats::ConnectError) -> bool {
    use async_nats::ConnectErrorKind as Kind;
    matches!(
        error.kind(),
        Kind::ServerParse | Kind::Authentication | Kind::AuthorizationViolation | Kind::Tls
    )
}

/// The rustls configuration for `tls`: its CA (else the system's roots)
/// and client certificate.
fn client_tls(tls: &TlsConfig) -> Result<rustls::ClientConfig, TlsError> {
    let LoadedTls { ca, client } = tls.load()?;
    let mut roots = rustls::RootCertStore::empty();
    match ca {
        Some((_, certificates)) => {
            for certificate in certificates {
                roots.add(certificate).map_err(|error| TlsError::Refused {
                    item: TlsItem::Ca,
                    source: Box::new(error),
                })?;
            }
        }
        None => {
            // Unreadable entries are skipped, as every client does.
            roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
        }
    }
    // The provider is named, not taken from the process default, which is
    // ambiguous when another crate brings a second one.
    let builder = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|error| TlsError::Refused { item: TlsItem::Ca, source: Box::new(error) })?
    .with_root_certificates(roots);
    match client {
        Some(client) => {
            builder.with_client_auth_cert(client.chain.clone(), client.key()).map_err(|error| {
                TlsError::Refused { item: TlsItem::ClientKey, source: Box::new(error) }
            })
        }
        None => Ok(builder.with_no_client_auth()),
    }
}

/// What the client reports of its connection.
#[derive(Default)]
struct Connection {
    /// Set when the connection drops.
    lost: std::sync::atomic::AtomicBool,
    /// Counts the connections made again after one dropped.
    reconnects: watch::Sender<u64>,
}

/// Counts reconnections, and logs what the client reports.
fn client_event(event: &async_nats::Event, connection: &Connection) {
    use std::sync::atomic::Ordering;
    match event {
        async_nats::Event::Connected => {
            if connection.lost.swap(false, Ordering::Relaxed) {
                connection.reconnects.send_modify(|reconnects| *reconnects += 1);
            }
        }
        async_nats::Event::Disconnected => {
            connection.lost.store(true, Ordering::Relaxed);
            tracing::warn!("disconnected from NATS; reconnecting");
        }
        // Messages the client dropped: delivered again after `ack_wait`.
        async_nats::Event::SlowConsumer(_) => tracing::warn!(%event, "NATS client"),
        // Each failed attempt to reconnect, among others.
        event => tracing::debug!(%event, "NATS client"),
    }
}

fn broker(error: impl std::error::Error + Send + Sync + 'static) -> TransportError {
    TransportError::Broker { broker: BROKER, source: Box::new(error) }
}

/// Stream and consumer names may not contain `.`, `*`, `>` or spaces.
fn name_part(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

impl NatsTransport {
    /// Connects, failing within `connect_timeout` with an error naming the address.
    pub async fn connect(config: NatsConfig) -> Result<Self, TransportError> {
        if config.max_deliver < 1 {
            return Err(TransportError::Config {
                broker: BROKER,
                setting: "max_deliver",
                reason: "must be at least 1".into(),
            });
        }
        let unreachable = |reason: String| TransportError::Unreachable {
            broker: BROKER,
            address: super::redact(&config.url),
            reason,
        };
        let tls = match &config.tls {
            Some(tls) => Some(
                client_tls(tls).map_err(|source| TransportError::Tls { broker: BROKER, source })?,
            ),
            None => None,
        };
        let connection = Arc::new(Connection::default());
        let reconnects = connection.reconnects.subscribe();
        let options = || {
            let connection = Arc::clone(&connection);
            let options = async_nats::ConnectOptions::new()
                .connection_timeout(config.connect_timeout)
                .max_reconnects(None)
                .event_callback(move |event| {
                    let connection = Arc::clone(&connection);
                    async move { client_event(&event, &connection) }
                });
            match &tls {
                Some(tls) => options.require_tls(true).tls_client_config(tls.clone()),
                None => options,
            }
        };
        // Attempts are repeated until `connect_timeout` (the server may be
        // starting), keeping the last failure: a refused TLS handshake is
        // reported with its cause instead of as a time-out. Once
        // connected, the client reconnects by itself.
        let deadline = tokio::time::Instant::now() + config.connect_timeout;
        let mut last = None;
        let client = loop {
            let attempt = tokio::time::timeout_at(deadline, options().connect(config.url.as_str()));
            match attempt.await {
                Ok(Ok(client)) => break client,
                Ok(Err(error)) if is_permanent(&error) => {
                    return Err(unreachable(error.to_string()));
                }
                Ok(Err(error)) => last = Some(error.to_string()),
                // Cut by the deadline: the failure before it says more.
                Err(_) => {}
            }
            if tokio::time::Instant::now() + RETRY_DELAY > deadline {
                let within = config.connect_timeout;
                return Err(unreachable(match last {
                    Some(last) => {
                        format!("not connected within {within:?}; the last attempt: {last}")
                    }
                    None => format!("no answer within {within:?}"),
                }));
            }
            tokio::time::sleep(RETRY_DELAY).await;
        };
        Ok(Self {
            context: jetstream::new(client),
            config,
            streams: Mutex::new(HashMap::new()),
            published: Mutex::new(HashMap::default()),
            reconnects,
            pullers: Mutex::new(Vec::new()),
        })
    }

    fn subject(&self, topic: &str) -> String {
        format!("{}{topic}", self.config.namespace)
    }

    /// The stream holding `topic`'s subject: one that already covers it,
    /// else the one [`StreamLayout`] says, created.
    async fn stream(&self, topic: &str) -> Result<stream::Stream, TransportError> {
        let subject = self.subject(topic);
        let known = self.streams.lock().unwrap_or_else(|p| p.into_inner()).get(&subject).cloned();
        let stream = match known {
            Some(name) => self.context.get_stream(&name).await.map_err(broker)?,
            None => match self.context.stream_by_subject(subject.as_str()).await {
                // Another team's stream, or one evently made before.
                Ok(name) => self.context.get_stream(&name).await.map_err(broker)?,
                Err(_) => {
                    let (name, subjects) = match &self.config.streams {
                        StreamLayout::Shared { name, subjects } => (
                            object_name(&self.config.namespace, name, name_part),
                            self.subject(subjects),
                        ),
                        _ => {
                            (object_name(&self.config.namespace, topic, name_part), subject.clone())
                        }
                    };
                    self.context
                        .get_or_create_stream(stream::Config {
                            name,
                            subjects: vec![subjects],
                            ..Default::default()
                        })
                        .await
                        .map_err(broker)?
                }
            },
        };
        let name = stream.cached_info().config.name.clone();
        self.streams.lock().unwrap_or_else(|p| p.into_inner()).insert(subject, name);
        Ok(stream)
    }

    /// The subject to publish `topic`'s messages on, once a stream holds
    /// it: the server is asked the first time only.
    async fn publish_subject(&self, topic: &str) -> Result<async_nats::Subject, TransportError> {
        if let Some(subject) = self.published.lock().unwrap_or_else(|p| p.into_inner()).get(topic) {
            return Ok(subject.clone());
        }
        // Boxed: asking the server about streams takes futures of several
        // kilobytes, which would make every publish's future as large
        // (allocated and copied on each one), for a path taken once.
        Box::pin(self.ensure_stream(topic)).await?;
        let subject = async_nats::Subject::from(self.subject(topic));
        let mut published = self.published.lock().unwrap_or_else(|p| p.into_inner());
        published.insert(topic.to_owned(), subject.clone());
        Ok(subject)
    }

    /// Makes sure a stream holds `topic`: asked of the server once.
    async fn ensure_stream(&self, topic: &str) -> Result<(), TransportError> {
        let subject = self.subject(topic);
        if self.streams.lock().unwrap_or_else(|p| p.into_inner()).contains_key(&subject) {
            return Ok(());
        }
        self.stream(topic).await.map(drop)
    }

    async fn send(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        let subject = self.publish_subject(message.topic).await?;
        // The key travels in the envelope. Headers only when there are any
        // (CloudEvents attributes, dead-letter reasons) or the body is not
        // plain JSON: a structured CloudEvent says so in `Content-Type`.
        let plain = message.content_type == crate::cloudevents::JSON;
        // async-nats's publishing futures are boxed on their own (about
        // 900 bytes): inside the bus's boxed publish they made it one
        // allocation over 1 KiB for every event, which glibc serves from
        // its shared arena, under its lock, instead of the thread's cache.
        let confirmation = if message.headers.is_empty() && plain {
            Box::pin(self.context.publish(subject, message.payload.into())).await
        } else {
            let mut headers = async_nats::HeaderMap::new();
            headers.insert("Content-Type", message.content_type);
            for (name, value) in &message.headers {
                if !name.eq_ignore_ascii_case(super::CONTENT_TYPE) {
                    headers.insert(name.as_str(), value.as_str());
                }
            }
            Box::pin(self.context.publish_with_headers(subject, headers, message.payload.into()))
                .await
        };
        confirmation.map_err(broker)?.await.map_err(broker)?;
        Ok(())
    }
}

/// Messages one pull request asks for.
const PULL_BATCH: usize = 200;
/// How long a pull request waits at the server for messages.
const PULL_EXPIRES: Duration = Duration::from_secs(30);
/// How often the server tells a member whose pull request waits with nothing
/// to deliver that the request is still held; two missed in a row mean the
/// server holds none of the member's requests.
const PULL_HEARTBEAT: Duration = Duration::from_secs(2);

/// A durable pull consumer's messages, asked for a batch at a time.
///
/// evently sends its own pull requests rather than read async-nats's
/// `PullConsumer::messages`. That stream adds a request's batch to the
/// messages it is owed only once the task that sent the request reports
/// back, and counts each arriving message off, stopping at zero. Under load
/// the batch's first messages can arrive before that report; they are not
/// counted off, so the count creeps above what the server owes. Once it is
/// more than half a batch too high, the stream asks for nothing while the
/// server holds no request, and delivery stops until the request's expiry
/// (about 35 s; about one round in twelve of the brokers benchmark).
/// Here a batch is counted before its request is sent, and two missed
/// heartbeats start the count over.
struct Puller {
    client: async_nats::Client,
    /// Where pull requests go: `$JS.API.CONSUMER.MSG.NEXT.<stream>.<consumer>`.
    next: async_nats::Subject,
    /// Where the server sends the messages, this puller's own.
    inbox: async_nats::Subject,
    arrivals: async_nats::Subscriber,
    /// Changes when the client connects again after a drop.
    reconnects: watch::Receiver<u64>,
    /// Messages asked for that have neither arrived nor been given up by
    /// the server (an expired or ended request says how many it leaves).
    owed: usize,
    /// One pull request, encoded.
    request: Vec<u8>,
}

impl Puller {
    async fn new(
        context: &jetstream::Context,
        consumer: &consumer::PullConsumer,
        mut reconnects: watch::Receiver<u64>,
    ) -> Result<Self, TransportError> {
        reconnects.mark_unchanged();
        let client = context.client();
        let info = consumer.cached_info();
        let inbox = client.new_inbox();
        let arrivals = client.subscribe(inbox.clone()).await.map_err(broker)?;
        let nanos = |span: Duration| u64::try_from(span.as_nanos()).unwrap_or(u64::MAX);
        let request = serde_json::to_vec(&serde_json::json!({
            "batch": PULL_BATCH,
            "expires": nanos(PULL_EXPIRES),
            "idle_heartbeat": nanos(PULL_HEARTBEAT),
        }))
        .map_err(broker)?;
        Ok(Self {
            next: format!("$JS.API.CONSUMER.MSG.NEXT.{}.{}", info.stream_name, info.name).into(),
            inbox: inbox.into(),
            client,
            arrivals,
            reconnects,
            owed: 0,
            request,
        })
    }

    /// The next message of the stream; `None` once the client is closed.
    async fn next(&mut self, origin: &str) -> Option<async_nats::Message> {
        loop {
            if self.owed <= PULL_BATCH / 2 {
                // Counted before it is sent: its first messages may arrive
                // before `publish_with_reply` returns.
                self.owed += PULL_BATCH;
                let request = self.request.clone().into();
                if let Err(error) = self
                    .client
                    .publish_with_reply(self.next.clone(), self.inbox.clone(), request)
                    .await
                {
                    self.owed -= PULL_BATCH;
                    tracing::warn!(%error, subject = %origin, "could not ask NATS JetStream for messages; retrying");
                    tokio::time::sleep(RELEASE_DELAY).await;
                    continue;
                }
            }
            let arrived = tokio::select! {
                biased;
                reconnected = self.reconnects.changed() => {
                    // A new connection: the server holds none of the old
                    // one's requests. (An error: the client is gone.)
                    reconnected.ok()?;
                    self.owed = 0;
                    continue;
                }
                arrived = tokio::time::timeout(2 * PULL_HEARTBEAT, self.arrivals.next()) => arrived,
            };
            let message = match arrived {
                Ok(Some(message)) => message,
                Ok(None) => return None,
                // Neither a message nor a heartbeat: the server holds no
                // request of this member.
                Err(_) => {
                    tracing::debug!(subject = %origin, owed = self.owed, "no NATS JetStream heartbeat; asking for messages again");
                    self.owed = 0;
                    continue;
                }
            };
            match self.count(&message) {
                Counted::Message => return Some(message),
                Counted::Status => {}
                Counted::Refused => {
                    tracing::warn!(status = ?message.status, description = ?message.description, subject = %origin, "NATS JetStream refused a pull request; asking again");
                    tokio::time::sleep(RELEASE_DELAY).await;
                }
            }
        }
    }

    /// Counts an arrival off what the server owes this puller.
    fn count(&mut self, message: &async_nats::Message) -> Counted {
        match message.status {
            None | Some(async_nats::StatusCode::OK) => {
                self.owed = self.owed.saturating_sub(1);
                Counted::Message
            }
            Some(async_nats::StatusCode::IDLE_HEARTBEAT) => Counted::Status,
            // A request that expired, or ended early, with what it leaves
            // undelivered; without that count, a refused one.
            Some(async_nats::StatusCode::TIMEOUT | async_nats::StatusCode::REQUEST_TERMINATED) => {
                let left = message
                    .headers
                    .as_ref()
                    .and_then(|headers| headers.get("Nats-Pending-Messages"))
                    .and_then(|left| left.as_str().parse().ok());
                self.owed = self.owed.saturating_sub(left.unwrap_or(PULL_BATCH));
                match left {
                    None if message.status == Some(async_nats::StatusCode::REQUEST_TERMINATED) => {
                        Counted::Refused
                    }
                    _ => Counted::Status,
                }
            }
            // No responders (the consumer is gone) or another refusal.
            Some(_) => {
                self.owed = 0;
                Counted::Refused
            }
        }
    }

    /// Gives back `held` and every message that arrived and was not taken,
    /// for another member; the subscription ends with the puller.
    ///
    /// A message the server sent this puller and that the puller neither
    /// takes nor gives back waits for `ack_wait` (30 s by default) before
    /// it is delivered again, so the order matters:
    ///
    /// 1. The arrivals are read until the pull request has delivered all it
    ///    owed (the server then sends this inbox nothing more), or none
    ///    arrives for a moment.
    /// 2. A flush: once the server answers it, the client has received all
    ///    the server sent before, even on a runtime too busy to have read
    ///    it yet. The client's buffer is read without waiting.
    /// 3. The inbox is unsubscribed, and a flush returns once the server has
    ///    processed that; what arrived meanwhile is read. From here on the
    ///    server drops this puller's request rather than send it anything.
    /// 4. Only now are the messages given back: none of them can come back
    ///    to this inbox. Given back before step 3, one could (after
    ///    `RELEASE_DELAY`, on a busy machine) and would be lost there.
    ///
    /// Step 3 leaves a window: a message published between the server's
    /// answers to the two flushes, for a request that still owes some, is
    /// dropped by the client with the subscription and waits for
    /// `ack_wait`. Step 1 makes that rare under load; nothing is lost.
    ///
    /// With the server out of reach (no answer to the first flush within
    /// `flush_timeout`), step 3 does not wait: the client sends the
    /// unsubscribe and the give-backs once it is connected again, if it
    /// still runs then, and the server delivers the rest after `ack_wait`.
    async fn give_back(mut self, held: Option<Incoming>, flush_timeout: Duration) {
        let mut fetched = Vec::new();
        while self.owed > 0 {
            match tokio::time::timeout(Duration::from_millis(100), self.arrivals.next()).await {
                Ok(Some(message)) => self.keep(message, &mut fetched),
                Ok(None) | Err(_) => break,
            }
        }
        let answered = self.flush(flush_timeout).await;
        self.drain(&mut fetched);
        let _ = self.arrivals.unsubscribe().await;
        // With the server out of reach, the client sends all of this once
        // it is back; waiting for it again would only delay the stop.
        if answered {
            self.flush(flush_timeout).await;
        }
        self.drain(&mut fetched);
        if let Some(held) = held {
            let _ = held.ack.release().await;
        }
        for reply in fetched.into_iter().filter_map(|message| message.reply) {
            let _ = give_back(&self.client, reply).await;
        }
    }

    /// Keeps `message` in `fetched` if it is a message of the stream.
    fn keep(&mut self, message: async_nats::Message, fetched: &mut Vec<async_nats::Message>) {
        if let Counted::Message = self.count(&message) {
            fetched.push(message);
        }
    }

    /// Moves what the client has received into `fetched`, without waiting.
    fn drain(&mut self, fetched: &mut Vec<async_nats::Message>) {
        while let Some(Some(message)) = self.arrivals.next().now_or_never() {
            self.keep(message, fetched);
        }
    }

    /// Flushes the client; returns whether the server answered.
    async fn flush(&self, timeout: Duration) -> bool {
        let flushed = flush(&self.client, timeout).await;
        if let Err(error) = &flushed {
            tracing::debug!(%error, "a stopping NATS JetStream puller could not flush");
        }
        flushed.is_ok()
    }
}

/// Sends what the client buffers and waits until the server has answered
/// it; bounded, as with the server gone the client would wait for it.
async fn flush(client: &async_nats::Client, timeout: Duration) -> Result<(), String> {
    match tokio::time::timeout(timeout, client.flush()).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err(format!("no answer within {timeout:?}")),
    }
}

/// What an arrival at a puller's inbox was.
enum Counted {
    /// A message of the stream.
    Message,
    /// A heartbeat, or the end of a request.
    Status,
    /// The server refused a request: ask again after a pause.
    Refused,
}

/// Gives the message whose reply subject is `reply` back for delivery
/// again after `RELEASE_DELAY`.
async fn give_back(
    client: &async_nats::Client,
    reply: async_nats::Subject,
) -> Result<(), async_nats::client::PublishError> {
    client.publish(reply, jetstream::AckKind::Nak(Some(RELEASE_DELAY)).into()).await
}

/// How long a confirmed acknowledgement waits for the server's answer: the
/// time-out of async-nats's JetStream requests.
const ACK_CONFIRM_TIMEOUT: Duration = Duration::from_secs(5);

/// What the acknowledgements of one subscription's messages share.
struct Acking {
    client: async_nats::Client,
    /// Whether each acknowledgement waits for the server's confirmation.
    confirm: bool,
}

/// The acknowledgement of one message: its reply subject names it at the
/// server. Kept small, as the bus boxes it and its futures for every
/// message: holding the whole `jetstream::Message` made the acknowledging
/// future 1.5 KiB, an allocation glibc serves from its shared arena, under
/// its lock, rather than from the thread's cache.
struct NatsAck {
    acking: Arc<Acking>,
    /// `None` for a message that is not JetStream's: it cannot be acknowledged.
    reply: Option<async_nats::Subject>,
}

impl Ack for NatsAck {
    async fn ack(self) -> Result<(), TransportError> {
        let Self { acking, reply } = self;
        let reply = reply.ok_or_else(not_jetstream)?;
        let acked = if acking.confirm {
            // Boxed: the request's future is larger than the rest.
            Box::pin(confirmed_ack(&acking.client, reply)).await
        } else {
            acking.client.publish(reply, "".into()).await.map_err(Into::into)
        };
        acked.map_err(|error| TransportError::Broker { broker: BROKER, source: error })
    }

    async fn release(self) -> Result<(), TransportError> {
        let reply = self.reply.ok_or_else(not_jetstream)?;
        give_back(&self.acking.client, reply)
            .await
            .map_err(|error| TransportError::Broker { broker: BROKER, source: error.into() })
    }
}

/// The stream sequence of a JetStream message, read from its reply subject:
/// `$JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<time>.<pending>`,
/// or, from servers that add the domain and the account, nine or more
/// tokens after `$JS.ACK.` with the stream sequence sixth. Read here rather
/// than through `jetstream::Message::info`, which would need a JetStream
/// context cloned into every message.
fn stream_sequence(reply: &str) -> Option<u64> {
    // One pass: the first six tokens are kept, the rest only counted.
    let mut tokens = [""; 6];
    let mut count = 0;
    for token in reply.strip_prefix("$JS.ACK.")?.split('.') {
        if let Some(slot) = tokens.get_mut(count) {
            *slot = token;
        }
        count += 1;
    }
    let position = match count {
        7 => 3,
        count if count >= 9 => 5,
        _ => return None,
    };
    tokens[position].parse().ok()
}

fn not_jetstream() -> TransportError {
    TransportError::Broker {
        broker: BROKER,
        source: "the message has no reply subject: it is not a JetStream message".into(),
    }
}

/// Acknowledges the message whose reply subject is `reply` and waits until
/// the server confirms it (any answer does; "no responders" means the
/// consumer is gone, and is an error).
///
/// The answer comes to an inbox of its own, unsubscribed when this
/// returns. Not the client's shared reply subscription: async-nats forgets
/// a request waiting there only when its answer arrives, so each
/// acknowledgement lost with a connection would stay in its map for the
/// client's life.
async fn confirmed_ack(
    client: &async_nats::Client,
    reply: async_nats::Subject,
) -> Result<(), async_nats::Error> {
    let request = async_nats::Request::new()
        .payload(jetstream::AckKind::Ack.into())
        .timeout(Some(ACK_CONFIRM_TIMEOUT))
        .inbox(client.new_inbox());
    client.send_request(reply, request).await?;
    Ok(())
}

impl Transport for NatsTransport {
    fn name(&self) -> &'static str {
        BROKER
    }

    fn cloudevents_prefix(&self) -> &'static str {
        "ce-"
    }

    async fn publish(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        self.send(message).await
    }

    async fn dead_letter(&self, message: OutgoingMessage<'_>) -> Result<(), TransportError> {
        self.send(message).await
    }

    /// Waits for the subscriptions to give back what they fetched ahead,
    /// then sends what the client still buffers (those give-backs, and
    /// acknowledgements that are not confirmed): a process that exits
    /// right after `shutdown` would lose them with the client's task.
    async fn close(&self) {
        let pullers = std::mem::take(&mut *self.pullers.lock().unwrap_or_else(|p| p.into_inner()));
        for puller in pullers {
            let _ = puller.await;
        }
        if let Err(error) = flush(&self.context.client(), self.config.connect_timeout).await {
            tracing::warn!(%error, "could not send what the NATS client still buffered");
        }
    }

    async fn declare(&self, subscription: Subscription<'_>) -> Result<(), TransportError> {
        for topic in subscription.topics {
            self.ensure_stream(topic).await?;
        }
        Ok(())
    }

    async fn subscribe(
        &self,
        subscription: Subscription<'_>,
        deliveries: Deliveries,
    ) -> Result<(), TransportError> {
        let Subscription { group, topics, start, .. } = subscription;
        let deliver_policy = match start {
            StartPosition::Latest => consumer::DeliverPolicy::New,
            _ => consumer::DeliverPolicy::All,
        };
        for topic in topics {
            let stream = self.stream(topic).await?;
            // One consumer per group and topic, filtered to the topic: the
            // stream may hold other subjects.
            let durable =
                object_name(&self.config.namespace, &format!("{group}-{topic}"), name_part);
            let consumer: consumer::PullConsumer = stream
                .get_or_create_consumer(
                    &durable,
                    consumer::pull::Config {
                        durable_name: Some(durable.clone()),
                        ack_policy: consumer::AckPolicy::Explicit,
                        ack_wait: self.config.ack_wait,
                        max_ack_pending: self.config.max_ack_pending,
                        max_deliver: self.config.max_deliver,
                        deliver_policy,
                        filter_subject: self.subject(topic),
                        ..Default::default()
                    },
                )
                .await
                .map_err(broker)?;
            let mut puller = Puller::new(&self.context, &consumer, self.reconnects.clone()).await?;
            let deliveries = deliveries.clone();
            let origin = self.subject(topic);
            let topic: &'static str = topic;
            let acking = Arc::new(Acking {
                client: self.context.client(),
                confirm: self.config.confirm_acks,
            });
            let flush_timeout = self.config.connect_timeout;
            let task = tokio::spawn(async move {
                let mut held = None;
                let mut closed = pin!(deliveries.closed());
                loop {
                    let message = tokio::select! {
                        () = &mut closed => break,
                        message = puller.next(&origin) => message,
                    };
                    // The client was closed: nothing more arrives.
                    let Some(mut message) = message else { break };
                    let payload = Vec::from(std::mem::take(&mut message.payload));
                    let headers = message
                        .headers
                        .iter()
                        .flat_map(|map| map.iter())
                        .flat_map(|(name, values)| {
                            values.iter().map(move |value| (name.to_string(), value.to_string()))
                        })
                        .collect();
                    let sequence = message.reply.as_deref().and_then(stream_sequence).unwrap_or(0);
                    let acking = Arc::clone(&acking);
                    let incoming = Incoming {
                        topic,
                        payload,
                        headers,
                        origin: format!("{origin}#{sequence}"),
                        ack: Acker::new(NatsAck { acking, reply: message.reply }),
                    };
                    if let Err(unsent) = deliveries.send(incoming).await {
                        held = Some(unsent);
                        break;
                    }
                }
                // The bus stopped: give back what was fetched ahead, then
                // stop pulling, so other members get them now rather than
                // after `ack_wait`.
                puller.give_back(held, flush_timeout).await;
            });
            self.pullers.lock().unwrap_or_else(|p| p.into_inner()).push(task);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::stream_sequence;

    #[test]
    fn the_stream_sequence_is_read_from_both_forms_of_reply_subject() {
        // Stream `orders`, consumer `billing`, delivered once, stream
        // sequence 1042, consumer sequence 17, a time, 3 pending.
        let v1 = "$JS.ACK.orders.billing.1.1042.17.1764547200000000000.3";
        assert_eq!(stream_sequence(v1), Some(1042));
        // With the domain (`_`: none) and the account hash in front, and
        // the optional trailing token, or without it.
        let v2 = "$JS.ACK._.ACCHASH.orders.billing.1.1042.17.1764547200000000000.3.x7";
        assert_eq!(stream_sequence(v2), Some(1042));
        assert_eq!(stream_sequence(v2.trim_end_matches(".x7")), Some(1042));
        for not_a_message in [
            "_INBOX.abc.def",
            "$JS.ACK.orders.billing.1.1042.17.1764547200000000000",
            "$JS.ACK.orders.billing.1.x.17.1764547200000000000.3",
            "",
        ] {
            assert_eq!(stream_sequence(not_a_message), None, "{not_a_message}");
        }
    }
}

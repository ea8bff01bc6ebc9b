#![allow(missing_docs)]
//! TLS against servers the tests start themselves, with certificates the
//! tests create: a CA, a server certificate for 127.0.0.1 and localhost,
//! and a client certificate.
//!
//! - NATS (`nats-server`, JetStream, TLS required and client certificates
//!   verified): a bus publishes and consumes over it; a client that does
//!   not trust the CA, one without a client certificate, and a plain
//!   connection are refused.
//! - Redis (`redis-server` with only a TLS port): the idempotency store
//!   claims over it; a client that does not trust the CA is refused.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::time::Duration;

use evently::idempotency::{Claim, IdempotencyKey, IdempotencyStore};
use evently::redis::RedisIdempotencyStore;
use evently::tls::{ClientCertificate, Pem, TlsConfig, TlsError, TlsItem};
use evently::transport::{
    NatsConfig, NatsTransport, RabbitMqConfig, RabbitMqTransport, TransportError,
};
use evently::{Bus, Uuid, subscriber};
use evently_tests::events::FanoutHappened;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, Command};

// ------------------------------------------------------------ fixtures

/// A directory of its own under the system's temporary directory, removed
/// when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(what: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("evently-tls-{what}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the temporary directory");
        Self(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The files of a test PKI: `ca.pem`, `server.pem` + `server-key.pem`
/// (127.0.0.1 and localhost), `client.pem` + `client-key.pem`.
struct Pki {
    dir: TempDir,
}

impl Pki {
    fn create(what: &str) -> Self {
        let dir = TempDir::new(what);
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name.push(DnType::CommonName, "evently test CA");
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().expect("CA key"))
            .expect("the CA signs itself");
        std::fs::write(dir.path("ca.pem"), ca.pem()).expect("write ca.pem");

        for (name, names, usage) in [
            (
                "server",
                vec!["127.0.0.1".to_owned(), "localhost".to_owned()],
                ExtendedKeyUsagePurpose::ServerAuth,
            ),
            ("client", vec!["evently-test-client".to_owned()], ExtendedKeyUsagePurpose::ClientAuth),
        ] {
            let mut params = CertificateParams::new(names).expect("certificate parameters");
            params.distinguished_name.push(DnType::CommonName, name);
            params.extended_key_usages = vec![usage];
            let key = KeyPair::generate().expect("key");
            let certificate = params.signed_by(&key, &ca).expect("the CA signs");
            std::fs::write(dir.path(&format!("{name}.pem")), certificate.pem())
                .expect("write the certificate");
            std::fs::write(dir.path(&format!("{name}-key.pem")), key.serialize_pem())
                .expect("write the key");
        }
        Self { dir }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path(name)
    }

    /// Trusts the CA and presents the client certificate.
    fn client_tls(&self) -> TlsConfig {
        TlsConfig::ca_file(self.file("ca.pem"))
            .client_certificate_files(self.file("client.pem"), self.file("client-key.pem"))
    }
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("bind a free port")
}

/// Starts `program`, killed when the returned child is dropped, and waits
/// until it listens on `port` and its log says `ready` (NATS listens
/// before JetStream is up); panics naming it if it does not.
async fn start_server(program: &str, args: &[&str], port: u16, log: &Path, ready: &str) -> Child {
    let log_file = std::fs::File::create(log).expect("create the server's log");
    let mut child = Command::new(program)
        .args(args)
        .stdout(Stdio::from(log_file.try_clone().expect("log")))
        .stderr(Stdio::from(log_file))
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|error| panic!("this test needs `{program}` to start: {error}"));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    loop {
        let log = std::fs::read_to_string(log).unwrap_or_default();
        if log.contains(ready) && tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok()
        {
            break;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("`{program}` exited ({status}) before listening on {port}:\n{log}");
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "`{program}` did not listen on {port} within 15 s:\n{log}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child
}

/// An error with its chain of causes, one per line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    text
}

// ------------------------------------------------------------ NATS

/// `nats-server` with JetStream and TLS required, client certificates
/// verified against the test CA.
async fn start_nats(pki: &Pki) -> (Child, u16) {
    let port = free_port();
    let store = pki.file("jetstream");
    let config = format!(
        "listen: \"127.0.0.1:{port}\"\n\
         jetstream {{ store_dir: {:?} }}\n\
         tls {{\n  cert_file: {:?}\n  key_file: {:?}\n  ca_file: {:?}\n  verify: true\n  timeout: 2\n}}\n",
        store.display().to_string(),
        pki.file("server.pem").display().to_string(),
        pki.file("server-key.pem").display().to_string(),
        pki.file("ca.pem").display().to_string(),
    );
    let config_file = pki.file("nats.conf");
    std::fs::write(&config_file, config).expect("write nats.conf");
    let config_file = config_file.display().to_string();
    let log = pki.file("nats.log");
    let server =
        start_server(nats_server(), &["-c", &config_file], port, &log, "Server is ready").await;
    (server, port)
}

/// Debian installs `nats-server` outside a user's `PATH`.
fn nats_server() -> &'static str {
    let debian = "/usr/sbin/nats-server";
    if Path::new(debian).exists() { debian } else { "nats-server" }
}

fn nats_config(port: u16, tls: Option<TlsConfig>) -> NatsConfig {
    NatsConfig {
        url: format!("tls://127.0.0.1:{port}"),
        tls,
        connect_timeout: Duration::from_secs(3),
        ..NatsConfig::default()
    }
}

static RECEIVED: Mutex<Vec<u64>> = Mutex::new(Vec::new());

#[subscriber(group = "tls")]
async fn received_over_tls(event: &FanoutHappened) -> evently::Result<()> {
    RECEIVED.lock().expect("lock").push(event.id);
    Ok(())
}

#[tokio::test]
async fn a_bus_publishes_and_consumes_over_nats_with_tls_and_untrusted_or_plain_clients_are_refused()
 {
    let pki = Pki::create("nats");
    let (mut server, port) = start_nats(&pki).await;

    // Trusting the CA and presenting the client certificate: events flow.
    let transport = NatsTransport::connect(nats_config(port, Some(pki.client_tls())))
        .await
        .unwrap_or_else(|error| panic!("connect over TLS: {}", chain(&error)));
    let bus = Bus::builder()
        .source("tls-test")
        .subscribe::<received_over_tls>()
        .transport(transport)
        .start()
        .await
        .expect("the bus starts over TLS");
    for id in 0..20 {
        bus.publish(FanoutHappened { id }).await.expect("publish over TLS");
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let mut received = RECEIVED.lock().expect("lock").clone();
        received.sort_unstable();
        if received == (0..20).collect::<Vec<_>>() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "not every event came back over TLS: {received:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    bus.shutdown().await;

    // The system's roots do not include the test CA: the server's
    // certificate is refused, and the error says why.
    let untrusted =
        NatsTransport::connect(nats_config(port, Some(TlsConfig { ca: None, ..pki.client_tls() })))
            .await
            .expect_err("a client that does not trust the CA is refused");
    let shown = chain(&untrusted);
    assert!(matches!(untrusted, TransportError::Unreachable { .. }), "{shown}");
    assert!(shown.contains("UnknownIssuer"), "the error names the untrusted issuer: {shown}");

    // Trusting the CA but without a client certificate: the server refuses.
    let anonymous =
        NatsTransport::connect(nats_config(port, Some(TlsConfig::ca_file(pki.file("ca.pem")))))
            .await
            .expect_err("a client without a certificate is refused");
    assert!(matches!(anonymous, TransportError::Unreachable { .. }), "{}", chain(&anonymous));

    // A plain connection: the server announces that TLS is required and
    // refuses the plain-text CONNECT.
    let mut plain = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.expect("TCP connect");
    let mut info = vec![0; 4096];
    let read = plain.read(&mut info).await.expect("read INFO");
    let info = String::from_utf8_lossy(&info[..read]).into_owned();
    assert!(info.starts_with("INFO ") && info.contains("\"tls_required\":true"), "{info}");
    plain.write_all(b"CONNECT {\"verbose\":false}\r\nPING\r\n").await.expect("write");
    let mut answer = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(5), plain.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(closed.is_ok(), "the server kept a plain-text connection open: {answer}");
    assert!(!answer.contains("PONG"), "a plain-text client was served: {answer}");

    server.kill().await.expect("stop nats-server");
}

#[tokio::test]
async fn a_nats_ca_file_that_cannot_be_read_is_an_error_naming_the_file() {
    let pki = Pki::create("nats-missing");
    let missing = pki.file("no-such-ca.pem");
    // Checked before anything is sent: no server is needed.
    let error = NatsTransport::connect(nats_config(1, Some(TlsConfig::ca_file(&missing))))
        .await
        .expect_err("the CA file is missing");
    assert_eq!(error.to_string(), "invalid NATS JetStream TLS settings");
    let TransportError::Tls { source: TlsError::Read { item, path, .. }, .. } = &error else {
        panic!("expected a TLS read error, got {}", chain(&error));
    };
    assert_eq!((*item, path), (TlsItem::Ca, &missing));
    assert!(chain(&error).contains("no-such-ca.pem"), "{}", chain(&error));

    // A client key that is not PEM: reported without its text.
    let tls = TlsConfig {
        ca: Some(Pem::File(pki.file("ca.pem"))),
        client_certificate: Some(ClientCertificate {
            certificate: Pem::File(pki.file("client.pem")),
            key: Pem::Text("secret-key-material".into()),
        }),
    };
    assert!(!format!("{tls:?}").contains("secret-key-material"), "Debug shows the key");
    let error =
        NatsTransport::connect(nats_config(1, Some(tls))).await.expect_err("the key is not PEM");
    let shown = chain(&error);
    assert!(shown.contains("client key (inline PEM) is not usable PEM"), "{shown}");
    assert!(!shown.contains("secret-key-material"), "the error shows the key: {shown}");
}

// ------------------------------------------------------------ Redis

/// `redis-server` with a TLS port only, keeping nothing on disk.
async fn start_redis(pki: &Pki) -> (Child, u16) {
    let port = free_port();
    let port_text = port.to_string();
    let file = |name: &str| pki.file(name).display().to_string();
    let (cert, key, ca, dir) =
        (file("server.pem"), file("server-key.pem"), file("ca.pem"), file(""));
    let args = [
        "--port",
        "0",
        "--tls-port",
        &port_text,
        "--bind",
        "127.0.0.1",
        "--tls-cert-file",
        &cert,
        "--tls-key-file",
        &key,
        "--tls-ca-cert-file",
        &ca,
        "--tls-auth-clients",
        "no",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        &dir,
    ];
    let log = pki.file("redis.log");
    let server =
        start_server("redis-server", &args, port, &log, "Ready to accept connections").await;
    (server, port)
}

#[tokio::test]
async fn the_redis_store_claims_over_tls_and_a_client_that_does_not_trust_the_ca_is_refused() {
    let pki = Pki::create("redis");
    let (mut server, port) = start_redis(&pki).await;
    let url = format!("rediss://127.0.0.1:{port}");

    let store = RedisIdempotencyStore::connect_tls(&url, &TlsConfig::ca_file(pki.file("ca.pem")))
        .await
        .unwrap_or_else(|error| panic!("connect to Redis over TLS: {}", chain(&error)));
    let key = IdempotencyKey { scope: "tls/subscriber", id: Uuid::from_u128(1) };
    let Claim::Acquired(token) = store.claim(&key).await.expect("claim over TLS") else {
        panic!("a fresh key is acquired");
    };
    store.complete(&key, token).await.expect("complete over TLS");
    assert_eq!(store.claim(&key).await.expect("claim again"), Claim::Done);

    // `connect` trusts the system's roots only.
    let error = RedisIdempotencyStore::connect(&url)
        .await
        .expect_err("a client that does not trust the CA is refused");
    let shown = chain(&error);
    assert!(shown.contains("UnknownIssuer"), "the error names the untrusted issuer: {shown}");

    server.kill().await.expect("stop redis-server");
}

// ------------------------------------------------------------ PostgreSQL

/// The PostgreSQL of the other tests (`EVENTLY_TEST_POSTGRES_URL`, default
/// `postgres://postgres@127.0.0.1:5432/test`), which offers TLS with a
/// certificate of its own: `sslmode=require` encrypts without checking it,
/// `verify-full` against the test CA refuses it.
#[tokio::test]
async fn the_postgres_store_connects_with_tls_from_its_url_and_verifies_the_server() {
    let base = std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let separator = if base.contains('?') { '&' } else { '?' };
    let pg = evently::postgres::PgStore::connect(&format!("{base}{separator}sslmode=require"))
        .await
        .unwrap_or_else(|error| {
            panic!("this test needs PostgreSQL with TLS at {base}: {}", chain(&error))
        });
    let encrypted: bool = evently::postgres::sqlx::query_scalar(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
    )
    .fetch_one(pg.pool())
    .await
    .expect("ask whether the session is encrypted");
    assert!(encrypted, "sslmode=require gave a plain-text session");

    let pki = Pki::create("postgres");
    let ca = pki.file("ca.pem").display().to_string();
    let error = evently::postgres::PgStore::connect(&format!(
        "{base}{separator}sslmode=verify-full&sslrootcert={ca}"
    ))
    .await
    .expect_err("the server's certificate is not signed by the test CA");
    let shown = chain(&error);
    assert!(shown.contains("certificate"), "the error names the certificate: {shown}");
}

// ------------------------------------------------------------ RabbitMQ

// The shared RabbitMQ has no TLS listener: these pin what is checked
// before connecting.

#[tokio::test]
async fn rabbitmq_tls_settings_need_an_amqps_url_and_a_readable_ca() {
    let pki = Pki::create("rabbitmq");
    let error = RabbitMqTransport::connect(RabbitMqConfig {
        url: "amqp://guest:guest@127.0.0.1:5672/%2f".into(),
        tls: Some(TlsConfig::ca_file(pki.file("ca.pem"))),
        ..RabbitMqConfig::default()
    })
    .await
    .expect_err("TLS settings with a plain URL");
    assert_eq!(
        error.to_string(),
        "invalid RabbitMQ setting `tls`: TLS settings need an `amqps://` URL"
    );

    let missing = pki.file("no-such-ca.pem");
    let error = RabbitMqTransport::connect(RabbitMqConfig {
        url: "amqps://guest:guest@127.0.0.1:1/%2f".into(),
        tls: Some(TlsConfig::ca_file(&missing)),
        ..RabbitMqConfig::default()
    })
    .await
    .expect_err("the CA file is missing");
    assert!(
        matches!(&error, TransportError::Tls { broker: "RabbitMQ", source: TlsError::Read { path, .. } } if *path == missing),
        "{}",
        chain(&error)
    );

    // A trusted CA but nothing listening: unreachable, the password hidden.
    let error = RabbitMqTransport::connect(RabbitMqConfig {
        url: "amqps://guest:s3cret@127.0.0.1:1/%2f".into(),
        tls: Some(pki.client_tls()),
        connect_timeout: Duration::from_secs(3),
        ..RabbitMqConfig::default()
    })
    .await
    .expect_err("nothing listens on port 1");
    let shown = chain(&error);
    assert!(
        shown.starts_with("RabbitMQ at amqps://guest:***@127.0.0.1:1/%2f is unreachable"),
        "{shown}"
    );
}

#![allow(missing_docs)]
//! The Python examples of `docs/other-languages.md`, run against evently on
//! the real brokers with the standard clients (confluent-kafka, pika,
//! nats-py), installed by `scripts/test` in `target/python-clients`.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use evently::transport::{
    BoxTransport, KafkaConfig, KafkaTransport, NatsConfig, NatsTransport, RabbitMqConfig,
    RabbitMqTransport,
};
use evently::{Bus, Envelope, event, subscriber};

/// The user service's event, as the examples send it.
#[event(name = "user.created", version = 1, topic = "user.events", key = id)]
pub struct UserCreated {
    pub id: u64,
    pub name: String,
    pub email: String,
}

/// (source, email) of each event handled.
static HANDLED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

#[subscriber(group = "python-interop")]
async fn record(event: Envelope<UserCreated>) -> evently::Result<()> {
    let source = event.metadata().source().to_owned();
    HANDLED.lock().expect("lock").push((source, event.data().email.clone()));
    Ok(())
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace").to_owned()
}

fn python() -> PathBuf {
    let python = root().join("target/python-clients/bin/python");
    assert!(
        python.exists(),
        "these tests need the Python clients (pika, nats-py, confluent-kafka) in {}: run ./scripts/test, which installs them",
        python.display()
    );
    python
}

/// The example named `name` in docs/other-languages.md.
fn example(name: &str) -> String {
    let page = std::fs::read_to_string(root().join("docs/other-languages.md")).expect("the page");
    let marker = format!("```python\n# example: {name}\n");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no example `{name}` in the page"));
    let code = &page[start + "```python\n".len()..];
    code[..code.find("```").expect("the example ends")].to_owned()
}

fn namespace(broker: &str) -> String {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!("py{broker}{}x{stamp}.", std::process::id())
}

fn run(name: &str, namespace: &str) -> String {
    let output = Command::new(python())
        .args(["-c", &example(name)])
        .env("NAMESPACE", namespace)
        .output()
        .expect("run python");
    assert!(
        output.status.success(),
        "example `{name}` failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

async fn transport(broker: &str, namespace: &str) -> BoxTransport {
    let namespace = namespace.to_owned();
    match broker {
        "kafka" => BoxTransport::new(
            KafkaTransport::connect(KafkaConfig { namespace, ..KafkaConfig::default() })
                .await
                .expect("this test needs Kafka (tansu, started by scripts/test)"),
        ),
        "rabbitmq" => BoxTransport::new(
            RabbitMqTransport::connect(RabbitMqConfig { namespace, ..RabbitMqConfig::default() })
                .await
                .expect("this test needs RabbitMQ"),
        ),
        _ => BoxTransport::new(
            NatsTransport::connect(NatsConfig { namespace, ..NatsConfig::default() })
                .await
                .expect("this test needs NATS JetStream"),
        ),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn python_clients_publish_to_evently_on_every_broker() {
    for broker in ["kafka", "rabbitmq", "nats"] {
        HANDLED.lock().expect("lock").clear();
        let namespace = namespace(broker);
        let bus = Bus::builder()
            .subscribe::<record>()
            .transport(transport(broker, &namespace).await)
            .start()
            .await
            .expect("bus starts");
        run(&format!("{broker}-publish"), &namespace);
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while HANDLED.lock().expect("lock").is_empty() {
            assert!(bus.dead_letters().is_empty(), "{broker}: {:?}", bus.dead_letters());
            assert!(tokio::time::Instant::now() < deadline, "{broker}: the event was not handled");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        bus.shutdown().await;
        let handled = HANDLED.lock().expect("lock").clone();
        assert_eq!(
            handled,
            [("python-signup".to_owned(), "ada@example.com".to_owned())],
            "{broker}"
        );
    }
}

fn user() -> UserCreated {
    UserCreated { id: 42, name: "Ada".into(), email: "ada@example.com".into() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn python_clients_read_what_evently_publishes_on_kafka_and_nats() {
    for broker in ["kafka", "nats"] {
        let namespace = namespace(broker);
        let publisher = Bus::builder()
            .transport(transport(broker, &namespace).await)
            .start()
            .await
            .expect("starts");
        publisher.publish(user()).await.expect("publish");
        let output = run(&format!("{broker}-read"), &namespace);
        assert_eq!(output.trim(), "user.created ada@example.com", "{broker}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_python_client_reads_what_evently_publishes_on_rabbitmq() {
    let namespace = namespace("rabbitmq");
    // Connecting declares the exchange the reader binds its queue to.
    let publisher = Bus::builder()
        .transport(transport("rabbitmq", &namespace).await)
        .start()
        .await
        .expect("starts");
    let mut reader = Command::new(python())
        .args(["-c", &example("rabbitmq-read")])
        .env("NAMESPACE", &namespace)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python");
    let mut lines = BufReader::new(reader.stdout.take().expect("stdout")).lines();
    let Some(Ok(ready)) = lines.next() else {
        let mut error = String::new();
        std::io::Read::read_to_string(&mut reader.stderr.take().expect("stderr"), &mut error)
            .expect("stderr");
        panic!("the reader stopped: {error}");
    };
    assert_eq!(ready, "ready", "the reader declared its queue");
    let id = publisher.publish(user()).await.expect("publish: the reader's queue takes it");
    let line = lines.next().expect("a line").expect("text");
    assert_eq!(line, format!("user.created ada@example.com {id}"));
    assert!(reader.wait().expect("the reader ends").success());
}

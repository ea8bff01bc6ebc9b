#![allow(missing_docs)]
//! After the connection to the broker drops, publishing and consuming go on:
//! a TCP proxy between the client and the real broker (RabbitMQ on 5672,
//! NATS on 4222) cuts every connection in the middle of a run.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use evently::transport::{NatsConfig, NatsTransport, RabbitMqConfig, RabbitMqTransport, Transport};
use evently::{Bus, subscriber};
use evently_tests::conformance::ConformanceChecked;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Forwards connections to `target`; `cut` drops all of them at once, and
/// while `refusing` is set, new ones are closed as soon as they open.
struct Proxy {
    address: SocketAddr,
    connections: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accepting: JoinHandle<()>,
    refusing: Arc<AtomicBool>,
}

impl Proxy {
    async fn start(target: &'static str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the proxy");
        let address = listener.local_addr().expect("address");
        let connections: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let tracked = Arc::clone(&connections);
        let refusing = Arc::new(AtomicBool::new(false));
        let refuse = Arc::clone(&refusing);
        let accepting = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if refuse.load(Ordering::SeqCst) {
                    continue;
                }
                let connection = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                tracked.lock().expect("lock").push(connection);
            }
        });
        Self { address, connections, accepting, refusing }
    }

    /// Cuts every connection and refuses new ones (`true`), or lets them
    /// through again (`false`): the broker out of reach, then back.
    fn refuse(&self, refusing: bool) {
        self.refusing.store(refusing, Ordering::SeqCst);
        if refusing {
            self.cut();
        }
    }

    /// Drops every open connection, as a network failure would.
    fn cut(&self) {
        for connection in self.connections.lock().expect("lock").drain(..) {
            connection.abort();
        }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.accepting.abort();
        self.cut();
    }
}

static SEEN: Mutex<Vec<(String, u32)>> = Mutex::new(Vec::new());

#[subscriber(group = "reconnect")]
async fn record(event: &ConformanceChecked) -> evently::Result<()> {
    if event.slow {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    SEEN.lock().expect("lock").push((event.run.clone(), event.seq));
    Ok(())
}

fn seen(run: &str) -> BTreeSet<u32> {
    SEEN.lock().expect("lock").iter().filter(|(r, _)| r == run).map(|(_, seq)| *seq).collect()
}

async fn eventually(what: &str, done: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn event(run: &str, seq: u32) -> ConformanceChecked {
    ConformanceChecked {
        run: run.to_owned(),
        seq,
        key: format!("k{seq}"),
        fail: false,
        slow: false,
    }
}

/// Publishes, retrying while the connection is being re-established.
async fn publish(bus: &Bus, event: ConformanceChecked) {
    for _ in 0..100 {
        if bus.publish(event.clone()).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("could not publish seq {} after the connection dropped", event.seq);
}

async fn survives_a_dropped_connection(run: &str, proxy: &Proxy, transport: impl Transport) {
    let bus =
        Bus::builder().group("reconnect").transport(transport).start().await.expect("bus connects");
    for seq in 0..5 {
        publish(&bus, event(run, seq)).await;
    }
    eventually("the first five were handled", || seen(run).len() == 5).await;

    proxy.cut();
    tokio::time::sleep(Duration::from_millis(500)).await;

    for seq in 5..10 {
        publish(&bus, event(run, seq)).await;
    }
    eventually("the five after the drop were handled", || seen(run) == (0..10).collect()).await;
    bus.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rabbitmq_reconnects_after_the_connection_drops() {
    let proxy = Proxy::start("127.0.0.1:5672").await;
    let run = format!("rabbitreconnect{}x{}", std::process::id(), stamp());
    let config = RabbitMqConfig {
        url: format!("amqp://guest:guest@{}/%2f", proxy.address),
        namespace: format!("{run}."),
        ..RabbitMqConfig::default()
    };
    let transport = RabbitMqTransport::connect(config)
        .await
        .unwrap_or_else(|e| panic!("this test needs RabbitMQ: {e}"));
    survives_a_dropped_connection(&run, &proxy, transport).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nats_reconnects_after_the_connection_drops() {
    let proxy = Proxy::start("127.0.0.1:4222").await;
    let run = format!("natsreconnect{}x{}", std::process::id(), stamp());
    let config = NatsConfig {
        url: format!("nats://{}", proxy.address),
        namespace: format!("{run}."),
        ..NatsConfig::default()
    };
    let transport = NatsTransport::connect(config)
        .await
        .unwrap_or_else(|e| panic!("this test needs NATS: {e}"));
    survives_a_dropped_connection(&run, &proxy, transport).await;
}

/// A NATS member stops while the server is out of reach, in the middle of
/// handling. `shutdown` does not wait for the server more than twice (the
/// stopping puller's flush, then the transport's last one, each bounded by
/// `connect_timeout`; acknowledgements are unconfirmed here, as a confirmed
/// one waits for the client's own request timeout, 5 s), and nothing is
/// lost: what the member could neither acknowledge nor give back is
/// delivered again after `ack_wait`, to the next member, once the server is
/// back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nats_member_stopping_while_the_server_is_out_of_reach_returns_and_loses_nothing() {
    const EVENTS: u32 = 30;
    let proxy = Proxy::start("127.0.0.1:4222").await;
    let run = format!("natsunreachable{}x{}", std::process::id(), stamp());
    let connect_timeout = Duration::from_secs(2);
    let first = nats_member(&proxy, &run, connect_timeout).await;
    for seq in 0..EVENTS {
        publish(&first, ConformanceChecked { slow: true, ..event(&run, seq) }).await;
    }
    eventually("handling started", || !seen(&run).is_empty()).await;

    proxy.refuse(true);
    let stopping = tokio::time::Instant::now();
    let drained = first.shutdown_timeout(Duration::from_secs(60)).await;
    let took = stopping.elapsed();
    assert!(drained, "shutdown did not return within 60 s");
    assert!(
        took < 3 * connect_timeout,
        "shutdown took {took:?} with the server out of reach (connect timeout {connect_timeout:?})"
    );
    drop(first);

    proxy.refuse(false);
    let second = nats_member(&proxy, &run, connect_timeout).await;
    eventually("every event was handled once the server was back", || {
        seen(&run) == (0..EVENTS).collect()
    })
    .await;
    second.shutdown().await;
}

/// A member of the group "reconnect" on NATS through `proxy`, whose
/// messages come again 2 s after a member stopped answering; its
/// acknowledgements are not confirmed.
async fn nats_member(proxy: &Proxy, run: &str, connect_timeout: Duration) -> Bus {
    let config = NatsConfig {
        url: format!("nats://{}", proxy.address),
        namespace: format!("{run}."),
        ack_wait: Duration::from_secs(2),
        confirm_acks: false,
        connect_timeout,
        ..NatsConfig::default()
    };
    let transport = NatsTransport::connect(config)
        .await
        .unwrap_or_else(|e| panic!("this test needs NATS: {e}"));
    Bus::builder().group("reconnect").transport(transport).start().await.expect("bus connects")
}

/// Seconds since the epoch, so names stay unique across runs that reuse a pid.
fn stamp() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

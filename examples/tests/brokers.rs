//! The broker examples, run as their users run them, against the machine's
//! brokers (scripts/test starts them). Each run uses its own namespace.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn namespace(name: &str) -> String {
    format!("ex{}x{}{name}.", std::process::id(), stamp())
}

#[test]
fn the_kafka_services_talk_through_user_events() {
    let namespace = namespace("kafka");
    let mut notifications = Command::new(env!("CARGO_BIN_EXE_kafka-notification-service"))
        .env("EVENTLY_NAMESPACE", &namespace)
        .env("NOTIFICATION_COUNT", "3")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the notification service");
    let stdout = notifications.stdout.take().expect("piped");
    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let next = || lines.recv_timeout(deadline.saturating_duration_since(Instant::now()));
    assert_eq!(next().expect("it started"), "notification-service consuming user.events");

    let publisher = Command::new(env!("CARGO_BIN_EXE_kafka-user-service"))
        .env("EVENTLY_NAMESPACE", &namespace)
        .output()
        .expect("run the user service");
    assert!(publisher.status.success(), "{}", String::from_utf8_lossy(&publisher.stderr));
    let published = String::from_utf8_lossy(&publisher.stdout);
    assert!(published.contains("published user.deleted 2"), "{published}");

    let mut seen: Vec<String> =
        (0..3).map(|_| next().expect("a notification within 60 s")).collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            "Cleaned up the data of user 2",
            "Welcome email sent to ada@example.com",
            "Welcome email sent to grace@example.com"
        ]
    );
    let status = notifications.wait().expect("the service exits after 3 events");
    assert!(status.success());
}

fn run_orders(broker: &str) {
    let output = Command::new(env!("CARGO_BIN_EXE_orders"))
        .arg(broker)
        .env("EVENTLY_NAMESPACE", namespace(broker))
        .output()
        .expect("run the orders example");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}{stdout}", String::from_utf8_lossy(&output.stderr));
    let mut updates: Vec<&str> =
        stdout.lines().filter(|l| l.starts_with("Inventory updated")).collect();
    updates.sort_unstable();
    assert_eq!(
        updates,
        [
            "Inventory updated for order 1: book",
            "Inventory updated for order 2: pen, ink",
            "Inventory updated for order 3: lamp"
        ]
    );
}

#[test]
fn the_orders_example_runs_over_rabbitmq() {
    run_orders("rabbitmq");
}

#[test]
fn the_orders_example_runs_over_nats() {
    run_orders("nats");
}

/// Seconds since the epoch, so names stay unique across runs that reuse a pid.
fn stamp() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

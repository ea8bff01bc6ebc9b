//! Starts the user service on a free port, posts a user, and checks that both
//! subscribers ran.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Service(Child);

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn post(addr: &str, path: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect to the user service");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("set timeout");
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read response");
    response
}

#[test]
fn posting_a_user_runs_both_subscribers() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_user-service"))
        .env("USER_SERVICE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the user-service binary");
    let stdout = child.stdout.take().expect("piped stdout");
    let _service = Service(child);

    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let next_line = || {
        lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the service printed the expected line within 30 s")
    };

    let first = next_line();
    let addr = first
        .strip_prefix("user-service listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line: {first}"))
        .to_owned();

    let response = post(&addr, "/users", r#"{"name":"Ada","email":"ada@example.com"}"#);
    assert!(response.starts_with("HTTP/1.1 201"), "response: {response}");
    assert!(response.contains(r#""email":"ada@example.com""#), "response: {response}");

    let mut seen = vec![next_line(), next_line()];
    seen.sort();
    assert!(seen[0].starts_with("Audit log: user 1 created (event "), "{seen:?}");
    assert!(seen[0].ends_with("from user-service)"), "{seen:?}");
    assert_eq!(seen[1], "Welcome email sent to ada@example.com");

    let rejected = post(&addr, "/users", r#"{"name":"Bob","email":"not-an-email"}"#);
    assert!(rejected.starts_with("HTTP/1.1 422"), "response: {rejected}");
}

#[test]
fn the_user_aggregate_example_replays_and_travels_in_time() {
    let output = Command::new(env!("CARGO_BIN_EXE_user-aggregate"))
        .output()
        .expect("run the user-aggregate binary");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "user-aggregate failed (it needs PostgreSQL on 127.0.0.1:5432): {}{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert!(
        lines[0].starts_with("created user ")
            && lines[0].ends_with(": \"Ada Lovelace\" (version 1)"),
        "{stdout}"
    );
    assert_eq!(lines[1], "renamed to \"Ada King\" (version 2)");
    assert_eq!(lines[2], "renamed to \"Ada, Countess of Lovelace\" (version 3)");
    assert!(lines[3].starts_with("current state (version 3): User {"), "{stdout}");
    assert!(lines[3].contains("name: \"Ada, Countess of Lovelace\""), "{stdout}");
    assert!(lines[4].starts_with("state as of version 2: User {"), "{stdout}");
    assert!(lines[4].contains("name: \"Ada King\""), "{stdout}");
}

#![allow(missing_docs)]
//! kill -9 and broker restarts, with real processes: a producer publishing
//! 10,000 events through the transactional outbox and a consumer writing
//! each event's effect through the transactional inbox.
//!
//! - kill -9, on every broker: the producer is SIGKILLed twice at random
//!   moments and started again, and the consumer five times (most kills
//!   land mid-handler: the handler pauses after its write; on Kafka a
//!   consumer is killed only once it holds partitions, and its replacement
//!   starts once the dead member's session has run out, see `chaos_run`).
//! - Broker restarts, on NATS, RabbitMQ and Kafka: the server (RabbitMQ:
//!   its app, with `rabbitmqctl stop_app` and `start_app`) is stopped and
//!   started again twice while events flow, with the same data, and the
//!   processes resume by themselves. NATS and RabbitMQ are left running,
//!   as the test command starts them; Kafka's run uses a tansu of its own
//!   on SQLite, since the shared one keeps its data in memory.
//!
//! At the end every effect exists exactly once, and nothing was
//! dead-lettered. The processes are `evently-kill` (tests/bin/kill.rs). The
//! event count is `EVENTLY_KILL_EVENTS` (default 10,000) and the consumer's
//! store `EVENTLY_KILL_STORE` (default `inbox`; `postgres`, `redis` and
//! `memory` report what they give without asserting exactly-once, which
//! they do not promise across crashes).

use std::process::Stdio;
use std::time::{Duration, Instant};

use evently::postgres::sqlx::{self, PgPool};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

/// What a run does to the processes and the broker while events flow.
#[derive(Clone, Copy)]
struct Chaos {
    producer_kills: usize,
    consumer_kills: usize,
    broker_restarts: usize,
}

const KILLS: Chaos = Chaos { producer_kills: 2, consumer_kills: 5, broker_restarts: 0 };
const RESTARTS: Chaos = Chaos { producer_kills: 0, consumer_kills: 0, broker_restarts: 2 };
/// The whole run, restarts included, stays within this.
const DEADLINE: Duration = Duration::from_secs(170);
/// The Kafka consumers' session timeout in these runs.
const KAFKA_SESSION: Duration = Duration::from_secs(6);

fn postgres_url() -> String {
    std::env::var("EVENTLY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

fn events() -> i64 {
    std::env::var("EVENTLY_KILL_EVENTS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000)
}

fn store_kind() -> String {
    std::env::var("EVENTLY_KILL_STORE").unwrap_or_else(|_| "inbox".to_owned())
}

/// A small deterministic generator, seeded per run, for the kill moments.
struct Moments(u64);

impl Moments {
    /// A pause between `min` and `max` milliseconds.
    fn next(&mut self, min: u64, max: u64) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Duration::from_millis(min + self.0 % (max - min))
    }
}

/// A running `evently-kill` process and the lines it prints.
struct Process {
    child: Child,
    lines: mpsc::UnboundedReceiver<String>,
    /// The last `stats` line it printed.
    last_stats: Option<String>,
}

impl Process {
    /// Starts `evently-kill` with `args` and the environment `env`.
    async fn start(args: &[&str], env: &[(&str, String)]) -> Process {
        let mut child = Command::new(env!("CARGO_BIN_EXE_evently-kill"))
            .args(args)
            .envs(env.iter().map(|(name, value)| (*name, value.as_str())))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start evently-kill");
        let stdout = child.stdout.take().expect("piped stdout");
        let (sender, lines) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let mut reader = BufReader::new(stdout).lines();
            while let Ok(Some(line)) = reader.next_line().await {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut process = Process { child, lines, last_stats: None };
        let ready = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = process.lines.recv().await {
                if line.starts_with("ready") {
                    return true;
                }
            }
            false
        })
        .await;
        assert_eq!(ready, Ok(true), "evently-kill {args:?} did not start (see its stderr above)");
        process
    }

    /// Reads what it printed so far; whether it printed `produced`.
    fn drain(&mut self) -> bool {
        let mut produced = false;
        while let Ok(line) = self.lines.try_recv() {
            if line.starts_with("stats") {
                self.last_stats = Some(line);
            } else if line.starts_with("produced") {
                produced = true;
            }
        }
        produced
    }

    fn dead_lettered(&self) -> u64 {
        self.last_stats
            .as_deref()
            .and_then(|line| line.split_whitespace().find_map(|f| f.strip_prefix("dead_lettered=")))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    async fn kill(mut self) -> u64 {
        self.child.start_kill().expect("SIGKILL");
        self.child.wait().await.expect("reap");
        self.drain();
        self.dead_lettered()
    }
}

async fn count(pool: &PgPool, sql: &str, run: &str) -> i64 {
    sqlx::query_scalar(sql).bind(run).fetch_one(pool).await.expect("count")
}

/// One broker at a time: the runs' timing stays their own.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Whether something accepts connections on 127.0.0.1:`port`.
async fn listening(port: u16) -> bool {
    tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok()
}

async fn run_command(command: &[&str]) {
    let status = Command::new(command[0])
        .args(&command[1..])
        .stdout(Stdio::null())
        .status()
        .await
        .unwrap_or_else(|error| panic!("could not run {command:?}: {error}"));
    assert!(status.success(), "{command:?} failed with {status}");
}

/// Stops the broker, waits until its port is closed, and starts it again
/// the way the test command starts it, with the same store, then waits
/// until it answers.
async fn restart_broker(broker: &str) {
    let nats: &[&str] = &[
        "start-stop-daemon",
        "--start",
        "--oknodo",
        "--background",
        "--exec",
        "/usr/sbin/nats-server",
        "--",
        "-a",
        "127.0.0.1",
        "-p",
        "4222",
        "-js",
        "-sd",
        "/var/lib/nats-server",
        "-l",
        "/var/log/nats-server.log",
    ];
    let (stop, start, port): (&[&str], &[&str], u16) = match broker {
        "rabbitmq" => (&["rabbitmqctl", "stop_app"], &["rabbitmqctl", "start_app"], 5672),
        "nats" => (
            &[
                "start-stop-daemon",
                "--stop",
                "--oknodo",
                "--retry",
                "10",
                "--exec",
                "/usr/sbin/nats-server",
            ],
            nats,
            4222,
        ),
        other => panic!("no restart for {other}"),
    };
    run_command(stop).await;
    for _ in 0..300 {
        if !listening(port).await {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!listening(port).await, "{broker} still listens after it was stopped");
    tokio::time::sleep(Duration::from_secs(1)).await;
    run_command(start).await;
    for _ in 0..600 {
        if listening(port).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{broker} did not come back on port {port}");
}

/// A tansu broker of a run's own, keeping its data in SQLite in a folder of
/// its own, so that it can be stopped and started again with its data.
struct DurableTansu {
    child: Child,
    folder: std::path::PathBuf,
}

impl DurableTansu {
    /// Where the suite's Kafka-compatible broker is: on `PATH`, or where
    /// `cargo install` puts it (the test command installs it there).
    fn program() -> std::path::PathBuf {
        let on_path = std::env::var_os("PATH").and_then(|path| {
            std::env::split_paths(&path).map(|dir| dir.join("tansu")).find(|p| p.is_file())
        });
        on_path.unwrap_or_else(|| {
            let cargo_home = std::env::var_os("CARGO_HOME").map(std::path::PathBuf::from);
            let home =
                std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".cargo"));
            cargo_home.or(home).expect("CARGO_HOME or HOME").join("bin/tansu")
        })
    }

    async fn start(run: &str) -> DurableTansu {
        let folder = std::env::temp_dir().join(format!("evently-tansu-{run}"));
        std::fs::create_dir_all(&folder).expect("a folder for tansu's data");
        let child = Self::spawn(&folder).await;
        DurableTansu { child, folder }
    }

    fn address(&self) -> String {
        format!("127.0.0.1:{DURABLE_KAFKA_PORT}")
    }

    async fn spawn(folder: &std::path::Path) -> Child {
        let listener = format!("tcp://127.0.0.1:{DURABLE_KAFKA_PORT}");
        let log = std::fs::File::options()
            .create(true)
            .append(true)
            .open(folder.join("tansu.log"))
            .expect("tansu's log file");
        let child = Command::new(Self::program())
            .current_dir(folder)
            .args(["broker", "--listener-url", &listener, "--advertised-listener-url", &listener])
            .args(["--storage-engine", "sqlite://tansu.db"])
            .stdout(Stdio::null())
            .stderr(log)
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|error| {
                panic!("this test needs tansu with its SQLite engine (`./scripts/test` installs it): {error}")
            });
        for _ in 0..300 {
            if listening(DURABLE_KAFKA_PORT).await {
                return child;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "tansu did not listen on port {DURABLE_KAFKA_PORT} within 30 s (its log: {})",
            folder.join("tansu.log").display()
        );
    }

    /// Stops the broker (SIGTERM), waits until it exited, and starts it
    /// again on the same data.
    async fn restart(&mut self) {
        let pid = self.child.id().expect("tansu runs").to_string();
        run_command(&["kill", "-TERM", &pid]).await;
        if tokio::time::timeout(Duration::from_secs(20), self.child.wait()).await.is_err() {
            self.child.start_kill().expect("SIGKILL");
            self.child.wait().await.expect("reap tansu");
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        self.child = Self::spawn(&self.folder).await;
    }
}

impl Drop for DurableTansu {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// The port of a run's own tansu (the shared one listens on 9092).
const DURABLE_KAFKA_PORT: u16 = 9094;

async fn kill_run(broker: &str) {
    chaos_run(broker, KILLS).await;
}

async fn chaos_run(broker: &str, chaos: Chaos) {
    let _alone = ONE_AT_A_TIME.lock().await;
    let pool = match PgPool::connect(&postgres_url()).await {
        Ok(pool) => pool,
        Err(error) => panic!("this test needs PostgreSQL: {error}"),
    };
    for table in [
        "CREATE TABLE IF NOT EXISTS kill_produced (run text NOT NULL, n bigint NOT NULL, PRIMARY KEY (run, n))",
        "CREATE TABLE IF NOT EXISTS kill_effects (run text NOT NULL, n bigint NOT NULL)",
        "CREATE INDEX IF NOT EXISTS kill_effects_run ON kill_effects (run)",
    ] {
        sqlx::query(table).execute(&pool).await.expect("create the kill tables");
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_nanos() as u64;
    let run = format!("r{}x{}", std::process::id(), stamp % 1_000_000_000);
    let total = events();
    let store = store_kind();
    let mut moments = Moments(stamp | 1);
    let started = Instant::now();

    // Kafka's restarts stop and start a tansu of the run's own, on SQLite
    // (the shared one keeps its data in memory, which a restart loses).
    let mut durable_kafka = if broker == "kafka" && chaos.broker_restarts > 0 {
        Some(DurableTansu::start(&run).await)
    } else {
        None
    };
    let mut env = vec![("EVENTLY_KILL_SESSION_MS", KAFKA_SESSION.as_millis().to_string())];
    if let Some(tansu) = &durable_kafka {
        env.push(("EVENTLY_KILL_KAFKA", tansu.address()));
    }
    let total_arg = total.to_string();
    let producer_args = ["produce", broker, &run, &total_arg];
    let consumer_args = ["consume", broker, &run, &store];
    // tansu (0.6) keeps a dead member in its group until its session runs
    // out, and a member that joins meanwhile can be given an assignment
    // that still counts the dead one: when the coordinator later drops it,
    // it keeps that assignment and does not assign again, so partitions
    // belong to no one (real Kafka waits for every member to rejoin before
    // it assigns). A join drops members whose session has run out first,
    // so on Kafka a killed consumer's replacement starts only after its
    // session has run out. And a consumer is killed only once it has
    // written an effect since it started, that is, once it holds
    // partitions, so that each kill lands on a working member.
    let kill_after_progress = broker == "kafka";
    let effects_now = || count(&pool, "SELECT count(*) FROM kill_effects WHERE run = $1", &run);
    // A killed consumer's replacement waits this long.
    let replace_after =
        if broker == "kafka" { KAFKA_SESSION + Duration::from_secs(1) } else { Duration::ZERO };
    let mut consumer = Some(Process::start(&consumer_args, &env).await);
    let mut consumer_started_at = effects_now().await;
    let mut replacement_due = Instant::now();
    let mut producer = Some(Process::start(&producer_args, &env).await);
    let mut producer_kills = 0;
    let mut consumer_kills = 0;
    let mut dead_lettered = 0;
    let mut next_producer_kill = Instant::now() + moments.next(500, 3_000);
    // A fast producer could finish before its kills fall due: each kill
    // also comes once it has published this many events.
    let share = |moments: &mut Moments, min: u64, max: u64| {
        total * moments.next(min, max).as_millis() as i64 / 100
    };
    let mut producer_kill_at = share(&mut moments, 10, 40);
    let produced_now = || count(&pool, "SELECT count(*) FROM kill_produced WHERE run = $1", &run);
    let mut next_consumer_kill = Instant::now() + moments.next(1_000, 4_000);
    let mut restarts = 0;
    let mut next_restart = Instant::now() + moments.next(1_000, 3_000);
    let mut produced = false;
    while started.elapsed() < DEADLINE {
        tokio::time::sleep(Duration::from_millis(50)).await;
        if let Some(process) = &mut producer {
            if process.drain() {
                produced = true;
                producer = None;
            } else if producer_kills < chaos.producer_kills
                && (Instant::now() >= next_producer_kill
                    || produced_now().await >= producer_kill_at)
            {
                producer.take().expect("running").kill().await;
                producer_kills += 1;
                producer = Some(Process::start(&producer_args, &env).await);
                next_producer_kill = Instant::now() + moments.next(500, 3_000);
                producer_kill_at =
                    (produced_now().await + share(&mut moments, 5, 20)).min(total * 9 / 10);
            } else if let Ok(Some(status)) = process.child.try_wait() {
                panic!("the producer exited by itself with {status}");
            }
        }
        if let Some(process) = &mut consumer {
            process.drain();
        }
        if restarts < chaos.broker_restarts && Instant::now() >= next_restart {
            let before =
                count(&pool, "SELECT count(DISTINCT n) FROM kill_effects WHERE run = $1", &run)
                    .await;
            assert!(
                before < total,
                "the restart comes while events flow, not after ({before} handled)"
            );
            println!("restarting {broker} with {before} of {total} effects written");
            match &mut durable_kafka {
                Some(tansu) => tansu.restart().await,
                None => restart_broker(broker).await,
            }
            restarts += 1;
            next_restart = Instant::now() + moments.next(2_000, 5_000);
        }
        match &mut consumer {
            None if Instant::now() >= replacement_due => {
                consumer = Some(Process::start(&consumer_args, &env).await);
                consumer_started_at = effects_now().await;
                next_consumer_kill = Instant::now() + moments.next(1_000, 4_000);
            }
            None => {}
            Some(_)
                if consumer_kills < chaos.consumer_kills
                    && Instant::now() >= next_consumer_kill
                    && (!kill_after_progress || effects_now().await > consumer_started_at) =>
            {
                dead_lettered += consumer.take().expect("running").kill().await;
                consumer_kills += 1;
                replacement_due = Instant::now() + replace_after;
            }
            Some(process) => {
                if let Ok(Some(status)) = process.child.try_wait() {
                    panic!("the consumer exited by itself with {status}");
                }
            }
        }
        let distinct =
            count(&pool, "SELECT count(DISTINCT n) FROM kill_effects WHERE run = $1", &run).await;
        if produced
            && consumer.is_some()
            && consumer_kills == chaos.consumer_kills
            && restarts == chaos.broker_restarts
            && distinct >= total
        {
            break;
        }
    }
    // Let late redeliveries arrive, then stop the consumer gracefully.
    tokio::time::sleep(Duration::from_secs(2)).await;
    if let Some(mut consumer) = consumer {
        consumer.child.start_kill().ok();
        consumer.child.wait().await.ok();
        consumer.drain();
        dead_lettered += consumer.dead_lettered();
    }

    let published = count(&pool, "SELECT count(*) FROM kill_produced WHERE run = $1", &run).await;
    let effects = count(&pool, "SELECT count(*) FROM kill_effects WHERE run = $1", &run).await;
    let distinct =
        count(&pool, "SELECT count(DISTINCT n) FROM kill_effects WHERE run = $1", &run).await;
    println!(
        "{broker} with the {store} store: published {published}, effects {effects}, distinct {distinct}, lost {}, doubled {}, dead-lettered {dead_lettered}; producer killed {producer_kills}x, consumer killed {consumer_kills}x, broker restarted {restarts}x, in {:.1?}",
        published - distinct,
        effects - distinct,
        started.elapsed()
    );
    for table in ["claims", "inbox", "outbox"] {
        let _ = sqlx::query(&format!("DROP TABLE IF EXISTS k{run}_{table}")).execute(&pool).await;
    }
    assert!(produced, "the producer did not finish within {DEADLINE:?}");
    assert_eq!(producer_kills, chaos.producer_kills);
    assert_eq!(consumer_kills, chaos.consumer_kills);
    assert_eq!(restarts, chaos.broker_restarts);
    assert_eq!(published, total, "every event was published once");
    if store == "inbox" {
        assert_eq!(distinct, total, "an effect is missing: lost");
        assert_eq!(effects, total, "an effect exists twice");
        assert_eq!(dead_lettered, 0, "nothing is dead-lettered");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_on_rabbitmq_loses_and_doubles_nothing() {
    kill_run("rabbitmq").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_on_nats_loses_and_doubles_nothing() {
    kill_run("nats").await;
}
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_on_kafka_loses_and_doubles_nothing() {
    kill_run("kafka").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nats_restart_under_load_loses_and_doubles_nothing() {
    chaos_run("nats", RESTARTS).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kafka_restart_under_load_loses_and_doubles_nothing() {
    chaos_run("kafka", RESTARTS).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rabbitmq_restart_under_load_loses_and_doubles_nothing() {
    chaos_run("rabbitmq", RESTARTS).await;
}

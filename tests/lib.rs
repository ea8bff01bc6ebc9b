//! Shared fixtures of the integration tests and benchmarks: every event of
//! this package lives here, so each test binary registers all of them and
//! the schema check sees the whole package.

/// The README's code, compiled (and, where it needs no broker, run) as doc
/// tests, so it cannot drift from the API.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub mod events {
    //! The events the tests publish.
    #![allow(missing_docs)]

    use evently::event;

    #[event(name = "test.fanout.happened", key = id)]
    pub struct FanoutHappened {
        pub id: u64,
    }

    #[event(name = "test.ordering.recorded", key = account)]
    pub struct OrderingRecorded {
        pub account: String,
        pub seq: u32,
    }

    #[event(name = "test.concurrency.started", key = key)]
    pub struct ConcurrencyStarted {
        pub key: String,
    }

    #[event(name = "test.retry.attempted")]
    pub struct RetryFailedTwice {
        pub id: u64,
    }

    #[event(name = "test.dlq.rejected")]
    pub struct DlqRejected {
        pub id: u64,
    }

    #[event(name = "test.panic.triggered")]
    pub struct PanicTriggered {
        pub id: u64,
    }

    #[event(name = "test.permanent.refused")]
    pub struct PermanentRefused {
        pub id: u64,
    }

    #[event(name = "test.stall.checked", key = key)]
    pub struct StallChecked {
        pub key: String,
        pub seq: u32,
    }

    #[event(name = "test.dedup.delivered")]
    pub struct DedupDelivered {
        pub id: u64,
    }

    #[event(name = "test.release.attempted")]
    pub struct ReleaseAttempted {
        pub id: u64,
    }

    #[event(name = "test.payment.captured")]
    pub struct PaymentCaptured {
        pub payment_id: String,
        pub amount: u64,
    }

    #[event(name = "test.chain.started")]
    pub struct ChainStarted {
        pub id: u64,
    }

    #[event(name = "test.chain.continued")]
    pub struct ChainContinued {
        pub id: u64,
    }

    #[event(name = "test.pressure.applied")]
    pub struct PressureApplied {
        pub id: u64,
    }

    #[event(name = "test.drain.requested")]
    pub struct DrainRequested {
        pub id: u64,
    }

    /// An order was placed (the seed's example event).
    #[event(key = order_id)]
    #[derive(Debug)]
    pub struct OrderPlaced {
        pub order_id: u64,
        pub user_id: u64,
        pub total: f64,
    }

    #[event(name = "test.envelope.renamed", version = 3, topic = "envelopes")]
    #[serde(rename_all = "camelCase")]
    pub struct EnvelopeRenamed {
        pub first_name: String,
        #[serde(default)]
        pub nickname: Option<String>,
    }

    #[event(name = "bench.ticked", check_tense = false)]
    #[derive(Debug, Clone)]
    pub struct Ticked {
        pub seq: u64,
        pub account: u64,
    }

    /// `Ticked` with an ordering key: its account.
    #[event(name = "bench.ticked_keyed", key = account, check_tense = false)]
    #[derive(Debug, Clone)]
    pub struct TickedKeyed {
        pub seq: u64,
        pub account: u64,
    }

    /// Version 1 of an order placement: the id only.
    #[event(name = "test.upcast.placed", version = 1)]
    #[derive(Debug)]
    pub struct UpcastPlacedV1 {
        pub order_id: u64,
    }

    /// Version 2 adds the total; v1 messages are upcast with a total of 0.
    #[event(name = "test.upcast.placed", version = 2, upcast_from = UpcastPlacedV1)]
    #[derive(Debug)]
    pub struct UpcastPlacedV2 {
        pub order_id: u64,
        pub total_cents: u64,
    }

    impl From<UpcastPlacedV1> for UpcastPlacedV2 {
        fn from(v1: UpcastPlacedV1) -> Self {
            Self { order_id: v1.order_id, total_cents: 0 }
        }
    }

    /// Version 3 adds the currency; v2 messages are upcast in euros.
    #[event(name = "test.upcast.placed", version = 3, upcast_from = UpcastPlacedV2)]
    #[derive(Debug)]
    pub struct UpcastPlaced {
        pub order_id: u64,
        pub total_cents: u64,
        pub currency: String,
    }

    impl From<UpcastPlacedV2> for UpcastPlaced {
        fn from(v2: UpcastPlacedV2) -> Self {
            Self { order_id: v2.order_id, total_cents: v2.total_cents, currency: "EUR".to_owned() }
        }
    }

    /// Version 2 of a checked event with no upcaster: its committed
    /// compatibility with version 1 is what the schema check tests.
    #[event(name = "test.compat.checked", version = 2)]
    pub struct CompatChecked {
        pub id: u64,
        pub note: Option<String>,
    }

    /// A user was created (event-sourcing fixture).
    #[event(name = "test.es.user_created", key = id)]
    #[derive(Debug, Clone)]
    pub struct EsUserCreated {
        pub id: u64,
        pub name: String,
    }

    /// A user's name was changed (event-sourcing fixture).
    #[event(name = "test.es.name_changed")]
    #[derive(Debug, Clone)]
    pub struct EsNameChanged {
        pub new_name: String,
    }
}

pub mod conformance {
    //! The event the transport conformance suite publishes.
    #![allow(missing_docs)]

    use evently::event;

    /// One message of a conformance run; `run` keeps parallel runs apart.
    #[event(name = "test.conformance.checked", topic = "conformance", key = key)]
    #[derive(Debug, Clone)]
    pub struct ConformanceChecked {
        pub run: String,
        pub seq: u32,
        pub key: String,
        pub fail: bool,
        pub slow: bool,
    }
}

pub mod aggregates {
    //! Aggregates the event-sourcing tests load and change.
    #![allow(missing_docs)]

    use std::fmt;

    use evently::sourcing::Aggregate;
    use serde::{Deserialize, Serialize};

    use crate::events::{EsNameChanged, EsUserCreated, UpcastPlaced};

    evently::aggregate_events! {
        /// Everything that happens to a user.
        #[derive(Debug, Clone)]
        pub enum UserEvent {
            Created(EsUserCreated),
            NameChanged(EsNameChanged),
        }
    }

    /// The seed's `UserAggregate`: created with a name, renamed later.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct User {
        pub id: u64,
        pub name: String,
        pub renames: u32,
    }

    /// What a user can be asked to do.
    #[derive(Debug)]
    pub enum UserCommand {
        Create { id: u64, name: String },
        Rename { name: String },
    }

    /// Why a user refuses a command.
    #[derive(Debug, PartialEq, Eq)]
    pub enum UserError {
        AlreadyExists,
        NotFound,
        EmptyName,
    }

    impl fmt::Display for UserError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                UserError::AlreadyExists => "the user exists already",
                UserError::NotFound => "no such user",
                UserError::EmptyName => "a name is required",
            })
        }
    }

    impl std::error::Error for UserError {}

    impl Aggregate for User {
        const TYPE: &'static str = "user";
        type Event = UserEvent;
        type Command = UserCommand;
        type Error = UserError;

        fn apply(&mut self, event: &UserEvent) {
            match event {
                UserEvent::Created(created) => {
                    *self = User { id: created.id, name: created.name.clone(), renames: 0 };
                }
                UserEvent::NameChanged(changed) => {
                    self.name = changed.new_name.clone();
                    self.renames += 1;
                }
            }
        }

        fn handle(&self, command: UserCommand) -> Result<Vec<UserEvent>, UserError> {
            match command {
                UserCommand::Create { .. } if self.id != 0 => Err(UserError::AlreadyExists),
                UserCommand::Create { id, name } => Ok(vec![EsUserCreated { id, name }.into()]),
                UserCommand::Rename { .. } if self.id == 0 => Err(UserError::NotFound),
                UserCommand::Rename { name } if name.is_empty() => Err(UserError::EmptyName),
                UserCommand::Rename { name } => Ok(vec![EsNameChanged { new_name: name }.into()]),
            }
        }
    }

    evently::aggregate_events! {
        /// What happens to an order: placements of the newest version.
        pub enum OrderEvent {
            Placed(UpcastPlaced),
        }
    }

    /// Orders placed, whatever version they were stored in.
    #[derive(Debug, Default, PartialEq, Eq)]
    pub struct Orders {
        pub placed: Vec<(u64, u64, String)>,
    }

    impl Aggregate for Orders {
        const TYPE: &'static str = "orders";
        type Event = OrderEvent;
        type Command = UpcastPlaced;
        type Error = std::convert::Infallible;

        fn apply(&mut self, event: &OrderEvent) {
            let OrderEvent::Placed(order) = event;
            self.placed.push((order.order_id, order.total_cents, order.currency.clone()));
        }

        fn handle(&self, command: UpcastPlaced) -> Result<Vec<OrderEvent>, Self::Error> {
            Ok(vec![command.into()])
        }
    }
}

/// Counts what an in-process bus allocates to publish and handle events, for
/// the binaries whose global allocator is `stats_alloc`'s.
pub mod allocations {
    use std::alloc::System;

    use evently::{BusBuilder, Event};
    use stats_alloc::{Region, StatsAlloc};

    /// The allocations made while `events` events (`event(seq)`) are
    /// published on the bus `builder` starts and handled, on a
    /// current-thread runtime, after `warm_up` events (lanes polled once,
    /// stores and queues grown).
    pub fn while_publishing<E: Event>(
        allocator: &'static StatsAlloc<System>,
        builder: BusBuilder,
        warm_up: u64,
        events: u64,
        event: impl Fn(u64) -> E,
    ) -> u64 {
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async {
            let bus = builder.start().await.expect("bus starts");
            for seq in 0..warm_up {
                bus.publish(event(seq)).await.expect("published");
            }
            bus.wait_idle().await;
            let region = Region::new(allocator);
            for seq in 0..events {
                bus.publish(event(seq)).await.expect("published");
            }
            bus.wait_idle().await;
            let allocations = region.change().allocations as u64;
            bus.shutdown().await;
            allocations
        })
    }
}

/// The best (lowest) and the median of a benchmark's rounds, for the
/// benchmarks that time a cost per operation.
pub fn best_and_median(rounds: &[f64]) -> (f64, f64) {
    let mut sorted = rounds.to_vec();
    sorted.sort_by(f64::total_cmp);
    (sorted[0], sorted[sorted.len() / 2])
}

/// Logs to stderr: warnings by default, what `RUST_LOG` says otherwise. For
/// the binaries of this package (the kill helper, the benchmarks).
pub fn log_to_stderr() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
}

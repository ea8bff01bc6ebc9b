//! Shared fixtures of the integration tests and benchmarks: every event of
//! this package lives here, so each test binary registers all of them and
//! the schema check sees the whole package.

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
}

//! evently: typed, versioned, idempotent events for Rust services.
//!
//! A service publishes an immutable record of something that happened
//! (`UserCreated`); other code subscribes and reacts on its own.
//!
//! - [`#[event]`](macro@event) on a struct makes it an [`Event`]: a name, a
//!   version, a topic, an ordering key, its JSON Schema, and its registration.
//! - [`#[subscriber]`](macro@subscriber) on an async fn registers it as a
//!   handler, guarded so a duplicate delivery its idempotency store has seen
//!   is acknowledged without running it again.
//! - A [`Bus`] runs the subscribers it is given and delivers events to them,
//!   in-process or through a broker, with retries, dead letters, per-key
//!   ordering and graceful shutdown.
//!
//! ```standalone_crate
//! use evently::{event, subscriber, Bus, Envelope};
//!
//! /// A user signed up.
//! #[event(name = "user.created", version = 1, topic = "user.events", key = id)]
//! pub struct UserCreated {
//!     pub id: u64,
//!     pub email: String,
//! }
//!
//! #[subscriber(group = "notification-service")]
//! async fn send_welcome_email(user: &UserCreated) -> evently::Result<()> {
//!     println!("Welcome email sent to {}", user.email);
//!     Ok(())
//! }
//!
//! #[subscriber(group = "audit", retries = 3, backoff = "exponential", dead_letter = "dlq.audit")]
//! async fn audit(event: Envelope<UserCreated>) -> evently::Result<()> {
//!     let meta = event.metadata();
//!     println!("Audit log: user {} created (event {})", event.data().id, meta.id());
//!     Ok(())
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let bus = Bus::builder()
//!     .source("user-service")
//!     .subscribe::<(send_welcome_email, audit)>()
//!     .start()
//!     .await?;
//! bus.publish(UserCreated { id: 1, email: "a@example.com".into() }).await?;
//! bus.shutdown().await; // drains: both subscribers have run
//! # Ok(()) }
//! ```

mod builder;
mod bus;
mod clock;
mod cloudevents;
pub mod compat;
mod consume;
mod dead_letter;
mod dispatch;
mod envelope;
mod error;
mod event;
mod fuzzing;
mod handler;
mod id;
pub mod idempotency;
mod key;
mod lane;
#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "redis")]
pub mod redis;
mod registry;
mod retry;
mod routing;
pub mod schemas;
mod shared;
pub mod sourcing;
mod subscriber;
mod timestamp;
#[cfg(any(feature = "nats", feature = "rabbitmq", feature = "redis"))]
pub mod tls;
pub mod transport;
mod util;
mod wire;

pub use uuid::{self, Uuid};

pub use builder::{BusBuilder, DEFAULT_DEAD_LETTER, DEFAULT_MAX_PAYLOAD};
pub use bus::{Bus, BusStats};
pub use cloudevents::Encoding;
pub use dead_letter::DeadLetter;
pub use envelope::{Envelope, EnvelopeBuilder, Metadata};
pub use error::{
    BoxError, Conflict, DecodeError, DeliveryError, Error, PublishError, ReplayError, Result,
    StartError, UpcastError,
};
pub use event::{Compatibility, Event};
pub use handler::{Context, FromDelivery, FromDeliveryMut};
pub use key::Key;
pub use registry::{EventDescriptor, registered_events};
pub use retry::{Backoff, RetryPolicy};
pub use subscriber::{Subscriber, SubscriberDescriptor, Subscribers, registered_subscribers};
pub use transport::StartPosition;

/// Makes a struct an [`Event`].
///
/// ```
/// # use evently::event;
/// /// An order was placed.
/// #[event(name = "order.placed", version = 2, topic = "orders", key = order_id)]
/// pub struct OrderPlaced {
///     pub order_id: u64,
///     pub user_id: u64,
///     pub total: f64,
/// }
/// ```
///
/// Keys, all optional:
///
/// | key | meaning | default |
/// |---|---|---|
/// | `name = "..."` | the wire name, the envelope's `type` | the struct's name |
/// | `version = N` | the schema version, an integer from 1 | `1` |
/// | `topic = "..."` | where it is published | the name |
/// | `key = field` | the field whose value orders and partitions the events | none |
/// | `check_tense = false` | do not warn about a name that is not past tense | `true` |
/// | `crate = path` | the path to evently, for re-exports | `::evently` |
///
/// The macro derives `Serialize`, `Deserialize` and `JsonSchema` unless the
/// struct derives them already, and registers the event so a [`Bus`] can
/// decode it by name and version.
///
/// Events record what happened, so their names are past tense
/// (`OrderPlaced`, not `PlaceOrder`, which is a command). The macro warns when
/// the last word of the name (after the last `.`, `_` or `-`, or the last
/// capitalised word) does not end in `ed` and is not a common irregular past
/// participle (`sent`, `paid`, `built`, ...). Silence it with
/// `check_tense = false`.
pub use evently_macros::event;

/// Registers an async fn as a handler of one event type.
///
/// ```
/// # use evently::{event, subscriber, Context, Envelope};
/// # #[event(name = "user.created")] pub struct UserCreated { pub id: u64, pub email: String }
/// #[subscriber(group = "notification-service", retries = 5,
///              backoff = exponential(initial = "50ms", factor = 2, max = "5s", jitter = true),
///              dead_letter = "dlq.notifications")]
/// async fn send_welcome_email(user: &UserCreated, ctx: Context) -> evently::Result<()> {
///     println!("attempt {}: welcome {}", ctx.attempt(), user.email);
///     Ok(())
/// }
/// ```
///
/// The first argument is the event, as `&E` or [`Envelope<E>`]; the
/// arguments after it are whatever implements [`FromDelivery`]:
/// [`Context`] and [`Metadata`], by value or by reference. The fn returns
/// `Result<(), E>` for any error type that converts into [`BoxError`]:
/// [`Error`], `anyhow::Error`, any `std::error::Error`, `String`. The fn
/// itself stays callable as written; the macro also defines a type with the
/// fn's name, which selects the subscriber on a bus:
/// `Bus::builder().subscribe::<send_welcome_email>()`.
///
/// Keys, all optional:
///
/// | key | meaning | default |
/// |---|---|---|
/// | `name = "..."` | unique subscriber name | module path and fn name |
/// | `group = "..."` | consumer group | the bus's source (on a broker, one of the two is required) |
/// | `topic = "..."` | the topic it consumes | the event's topic |
/// | `retries = N` | retries after the first attempt | the bus's policy (3) |
/// | `backoff = ...` | `"immediate"`, `"exponential"`, `fixed("250ms")`, `exponential(initial = "100ms", factor = 2, max = "10s", jitter = true)` | the bus's policy |
/// | `dead_letter = "..."` | dead-letter destination | the bus's ([`DEFAULT_DEAD_LETTER`]) |
/// | `guard = false` | no idempotency guard: the handler is naturally idempotent | guarded |
/// | `dedup_key = field` | guard on this field of the event instead of the envelope id | the envelope id |
/// | `crate = path` | the path to evently | `::evently` |
pub use evently_macros::subscriber;

/// What generated code uses. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use inventory;
    pub use schemars;
    pub use serde;
    pub use serde_json;

    pub use crate::envelope::{AnyEnvelope, ErasedEnvelope, decode_erased, upcast};
    pub use crate::handler::{Delivery, FromDeliveryMut, Handler};
    pub use crate::idempotency::dedup_id;
    pub use crate::lane::{Guard, LaneFutures, LaneTask, RunLane, run_lane};
    pub use crate::registry::{DecodeFn, Upcast, UpcastFn};
    pub use crate::subscriber::Registration;
    pub use crate::util::BoxFuture;

    /// Fuzzing entry points: raw bytes through the decoders and the
    /// compatibility checker.
    pub mod fuzz {
        pub use crate::fuzzing::{
            cloudevents_binary, cloudevents_structured, envelope, minimal_envelope, schema_compat,
        };
    }

    use crate::envelope::data_of;
    use crate::error::{BoxError, Error};
    use crate::event::Event;
    use uuid::Uuid;

    /// What a subscriber fn may return.
    #[diagnostic::on_unimplemented(
        message = "a subscriber must return `Result<(), E>` where `E` converts into `Box<dyn Error + Send + Sync>`, found `{Self}`",
        label = "not `Result<(), E>`",
        note = "`evently::Result<()>`, `anyhow::Result<()>` and `Result<(), MyError>` all work"
    )]
    pub trait HandlerResult {
        /// Converts into the bus's error type.
        fn into_handler_result(self) -> Result<(), Error>;
    }

    impl<E: Into<BoxError>> HandlerResult for Result<(), E> {
        fn into_handler_result(self) -> Result<(), Error> {
            self.map_err(|error| Error::new(error))
        }
    }

    /// The id a `dedup_key` subscriber guards on.
    pub fn dedup_key<E: Event, K: core::hash::Hash + ?Sized>(
        envelope: &dyn AnyEnvelope,
        key: impl FnOnce(&E) -> &K,
    ) -> Option<Uuid> {
        data_of::<E>(envelope).map(|data| crate::idempotency::dedup_id(E::NAME, key(data)))
    }

    /// A fn pointer to `TypeId::of::<T>`, for registrations.
    pub fn type_id<T: 'static>() -> core::any::TypeId {
        core::any::TypeId::of::<T>()
    }

    /// A fn pointer to `type_name::<T>`, for registrations.
    pub fn type_name<T>() -> &'static str {
        core::any::type_name::<T>()
    }

    /// Fails compilation unless `Old` is an earlier version of the event `New`.
    pub const fn assert_upcast<Old: Event, New: Event>() {
        assert!(
            str_eq(Old::NAME, New::NAME),
            "`upcast_from` must name an earlier version of the same event (same `name`)"
        );
        assert!(
            Old::VERSION < New::VERSION,
            "`upcast_from` must name an earlier version: its `version` is not below this one"
        );
    }

    const fn str_eq(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The JSON Schema of `E`, for registrations.
    pub fn schema<E: Event>() -> serde_json::Value {
        <E as Event>::schema()
    }
}

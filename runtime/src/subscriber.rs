//! Subscribers: what `#[subscriber]` registers, and the [`Context`] a handler may ask for.

use std::any::TypeId;
use std::sync::{Arc, Weak};

use uuid::Uuid;

use crate::bus::{Bus, BusInner};
use crate::envelope::{AnyEnvelope, Envelope, ErasedEnvelope};
use crate::error::{Error, PublishError};
use crate::event::Event;
use crate::retry::Backoff;

/// How a subscriber is guarded against duplicate deliveries.
#[derive(Debug, Clone, Copy)]
pub enum Idempotency {
    /// Guard on the envelope id (the default).
    EnvelopeId,
    /// Guard on a business key taken from the event (`dedup_key = field`).
    Key(fn(&dyn AnyEnvelope) -> Option<Uuid>),
    /// No guard: the handler is naturally idempotent (`idempotent`).
    Off,
}

/// Static facts about one `#[subscriber]`, registered by the macro.
#[derive(Debug)]
pub struct SubscriberDescriptor {
    /// The unique name (default: module path and fn name).
    pub name: &'static str,
    /// The consumer group (default: the bus's source name).
    pub group: Option<&'static str>,
    /// The name of the event it handles.
    pub event_name: &'static str,
    /// The version of the event it handles.
    pub event_version: u32,
    /// The Rust type of the event it handles.
    pub event_type_id: fn() -> TypeId,
    /// Retries after the first attempt (default: the bus's policy).
    pub retries: Option<u32>,
    /// Wait before retries (default: the bus's policy).
    pub backoff: Option<Backoff>,
    /// Where messages go after the last failed attempt.
    pub dead_letter: Option<&'static str>,
    /// The duplicate-delivery guard.
    pub idempotency: Idempotency,
    /// Runs one lane of this subscriber with its generated handler.
    pub run_lane: crate::bus::RunLane,
    /// Where the fn is defined (`file:line`).
    pub location: &'static str,
}

inventory::collect!(SubscriberDescriptor);

/// Every `#[subscriber]` linked into this program.
pub fn registered_subscribers() -> impl Iterator<Item = &'static SubscriberDescriptor> {
    inventory::iter::<SubscriberDescriptor>.into_iter()
}

/// One delivery of one message to one subscriber; what the generated wrapper receives.
#[derive(Debug, Clone, Copy)]
pub struct Delivery<'a> {
    pub(crate) envelope: &'a ErasedEnvelope,
    pub(crate) attempt: u32,
    pub(crate) subscriber: &'static str,
    pub(crate) bus: &'a Weak<BusInner>,
}

impl<'a> Delivery<'a> {
    /// The envelope, typed; `None` if it holds another event type.
    pub fn envelope<E: Event>(&self) -> Option<Envelope<E>> {
        Envelope::from_erased(Arc::clone(self.envelope))
    }

    /// The envelope, typed, or an error naming both types. Unbounded, so a
    /// subscriber of a non-event type gets one compile error, not several.
    #[doc(hidden)]
    pub fn expect_envelope<E: Send + Sync + 'static>(&self) -> Result<Envelope<E>, Error> {
        Envelope::from_erased(Arc::clone(self.envelope)).ok_or_else(|| self.mismatch::<E>())
    }

    /// The event, borrowed from the envelope, or an error naming both types.
    #[doc(hidden)]
    pub fn expect_data<E: Send + Sync + 'static>(&self) -> Result<&'a E, Error> {
        crate::envelope::data_of::<E>(&**self.envelope).ok_or_else(|| self.mismatch::<E>())
    }

    fn mismatch<E>(&self) -> Error {
        Error::permanent(format!(
            "subscriber `{}` expects `{}` but received `{}` v{}",
            self.subscriber,
            std::any::type_name::<E>(),
            self.envelope.metadata().event_type(),
            self.envelope.metadata().version(),
        ))
    }

    /// The context a handler may take as its second argument.
    pub fn context(&self) -> Context {
        Context {
            envelope: Arc::clone(self.envelope),
            attempt: self.attempt,
            subscriber: self.subscriber,
            bus: self.bus.clone(),
        }
    }
}

/// What a handler knows about its delivery, and a way to publish follow-up events.
///
/// Take it as the second argument of a subscriber:
///
/// ```
/// # use evently::{event, subscriber, Context};
/// #[event(name = "order.placed")]
/// pub struct OrderPlaced { pub order_id: u64 }
/// #[event(name = "invoice.issued")]
/// pub struct InvoiceIssued { pub order_id: u64 }
///
/// #[subscriber(group = "billing")]
/// async fn issue_invoice(order: &OrderPlaced, ctx: Context) -> evently::Result<()> {
///     // The invoice carries the order's id as causation and its correlation id.
///     ctx.publish(InvoiceIssued { order_id: order.order_id }).await?;
///     Ok(())
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Context {
    envelope: ErasedEnvelope,
    attempt: u32,
    subscriber: &'static str,
    bus: Weak<BusInner>,
}

impl Context {
    /// The delivery attempt, 1 for the first.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// The subscriber's name.
    pub fn subscriber(&self) -> &'static str {
        self.subscriber
    }

    /// The id of the event being handled.
    pub fn event_id(&self) -> Uuid {
        self.envelope.metadata().id()
    }

    /// The correlation id follow-up events get: the incoming event's
    /// correlation id, or its id if it starts a chain.
    pub fn correlation_id(&self) -> Uuid {
        let meta = self.envelope.metadata();
        meta.correlation_id().unwrap_or(meta.id())
    }

    /// Publishes a follow-up event whose causation id is the event being
    /// handled and whose correlation id is carried over.
    pub async fn publish<E: Event>(&self, event: E) -> Result<Uuid, PublishError> {
        let bus = self.bus.upgrade().map(Bus::from_inner).ok_or(PublishError::Closed)?;
        let envelope = Envelope::builder(event)
            .static_source(bus.static_source())
            .causation_id(self.event_id())
            .correlation_id(self.correlation_id())
            .build();
        bus.publish_during_drain(envelope).await
    }
}

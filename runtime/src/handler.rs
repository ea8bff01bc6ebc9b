//! What a subscriber's fn receives: the delivery, the arguments it can ask
//! for ([`Context`], [`Metadata`]), and the call the macro generates.

use std::any::TypeId;
use std::future::Future;
use std::sync::{Arc, Weak};

use uuid::Uuid;

use crate::envelope::{Envelope, ErasedEnvelope, Metadata};
use crate::error::{DeliveryError, Error, PublishError};
use crate::event::Event;
use crate::util::BoxFuture;

/// Publishes on behalf of a handler; implemented by the bus.
pub(crate) trait Publisher: Send + Sync + 'static {
    /// The bus's source name.
    fn source(&self) -> &'static str;
    /// Publishes an envelope of the registered type `type_id` to `topic`,
    /// also while the bus drains.
    fn publish_follow_up<'a>(
        &'a self,
        envelope: ErasedEnvelope,
        type_id: TypeId,
        topic: &'a str,
    ) -> BoxFuture<'a, Result<Uuid, PublishError>>;
    /// Writes an envelope to the outbox on `conn`.
    #[cfg(feature = "postgres")]
    fn publish_in<'a>(
        &'a self,
        conn: &'a mut sqlx::PgConnection,
        envelope: ErasedEnvelope,
        topic: &'a str,
    ) -> BoxFuture<'a, Result<Uuid, PublishError>>;
}

/// One delivery of one message to one subscriber; what the generated
/// handler receives.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Delivery<'a> {
    pub(crate) envelope: &'a ErasedEnvelope,
    pub(crate) attempt: u32,
    pub(crate) subscriber: &'static str,
    pub(crate) publisher: &'a Weak<dyn Publisher>,
    /// The inbox's transaction, for a subscriber that takes one.
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    pub(crate) transaction: Option<&'a TransactionSlot>,
}

/// Where a transactional subscriber's transaction waits while it is lent.
#[cfg(feature = "postgres")]
pub(crate) type TransactionSlot = crate::postgres::Slot;
/// Without PostgreSQL there are no transactions to lend.
#[cfg(not(feature = "postgres"))]
pub(crate) type TransactionSlot = std::convert::Infallible;

impl std::fmt::Debug for Delivery<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Delivery")
            .field("event_id", &self.envelope.metadata().id())
            .field("attempt", &self.attempt)
            .field("subscriber", &self.subscriber)
            .finish()
    }
}

impl<'a> Delivery<'a> {
    /// The envelope, typed, or an error naming both types. Unbounded, so a
    /// subscriber of a non-event type gets one compile error, not several.
    pub fn expect_envelope<E: Send + Sync + 'static>(&self) -> Result<Envelope<E>, Error> {
        Envelope::from_erased(Arc::clone(self.envelope)).ok_or_else(|| self.mismatch::<E>())
    }

    /// The event, borrowed from the envelope, or an error naming both types.
    pub fn expect_data<E: Send + Sync + 'static>(&self) -> Result<&'a E, Error> {
        crate::envelope::data_of::<E>(&**self.envelope).ok_or_else(|| self.mismatch::<E>())
    }

    fn mismatch<E>(&self) -> Error {
        let meta = self.envelope.metadata();
        Error::permanent(DeliveryError::UnexpectedType {
            subscriber: self.subscriber,
            expected: std::any::type_name::<E>(),
            event_type: meta.event_type(),
            version: meta.version(),
        })
    }
}

/// An argument a subscriber fn can ask for after the event: [`Context`] or
/// [`Metadata`] (by value or by reference).
#[diagnostic::on_unimplemented(
    message = "a subscriber cannot take `{Self}` as an argument",
    label = "not something a delivery provides",
    note = "after the event (`&E` or `Envelope<E>`), a subscriber may take `Context`, `&Context`, `Metadata` or `&Metadata`"
)]
pub trait FromDelivery: Sized {
    /// Takes the argument from the delivery.
    #[doc(hidden)]
    fn from_delivery(delivery: &Delivery<'_>) -> Result<Self, Error>;
}

impl FromDelivery for Context {
    fn from_delivery(delivery: &Delivery<'_>) -> Result<Self, Error> {
        Ok(Context {
            envelope: Arc::clone(delivery.envelope),
            attempt: delivery.attempt,
            subscriber: delivery.subscriber,
            publisher: delivery.publisher.clone(),
        })
    }
}

impl FromDelivery for Metadata {
    fn from_delivery(delivery: &Delivery<'_>) -> Result<Self, Error> {
        Ok(delivery.envelope.metadata().clone())
    }
}

/// An argument a subscriber fn can borrow mutably after the event, lent by
/// the delivery for the length of the call: `&mut PgConnection` (feature
/// `postgres`), the inbox's transaction.
#[diagnostic::on_unimplemented(
    message = "a subscriber cannot take `&mut {Self}` as an argument",
    label = "not something a delivery lends",
    note = "the one `&mut` argument a subscriber may take is `&mut PgConnection` (feature `postgres`): the inbox's transaction, committed together with the record that the message was handled"
)]
pub trait FromDeliveryMut {
    /// What holds the value while the subscriber borrows it, and gives it
    /// back to the bus when dropped.
    #[doc(hidden)]
    type Lent<'a>: std::ops::DerefMut<Target = Self>;
    /// Lends the value for one call.
    #[doc(hidden)]
    fn lend<'a>(delivery: &Delivery<'a>) -> Result<Self::Lent<'a>, Error>;
}

/// What a subscriber's generated handler type implements: the call of the
/// user's fn for one delivery. Lanes are generic over it, so a delivery runs
/// the fn without a heap allocation or a dynamic call.
#[doc(hidden)]
pub trait Handler: Send + Sync + 'static {
    /// Runs the subscriber fn for one delivery.
    fn call<'a>(delivery: Delivery<'a>) -> impl Future<Output = Result<(), Error>> + Send + 'a;
}

/// What a handler knows about its delivery, and a way to publish follow-up events.
///
/// Take it as an argument of a subscriber, after the event:
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
#[derive(Clone)]
pub struct Context {
    envelope: ErasedEnvelope,
    attempt: u32,
    subscriber: &'static str,
    publisher: Weak<dyn Publisher>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("event_id", &self.event_id())
            .field("attempt", &self.attempt)
            .field("subscriber", &self.subscriber)
            .finish()
    }
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

    /// The metadata of the event being handled.
    pub fn metadata(&self) -> &Metadata {
        self.envelope.metadata()
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

    /// Publishes a follow-up event to its topic; its causation id is the
    /// event being handled and its correlation id is carried over.
    pub async fn publish<E: Event>(&self, event: E) -> Result<Uuid, PublishError> {
        self.publish_to(E::TOPIC, event).await
    }

    /// Publishes a follow-up event through the outbox, in the handler's
    /// transaction (feature `postgres`; the bus needs `.outbox(pg)`): it is
    /// sent only if the handler's transaction commits. Causation and
    /// correlation ids as with [`publish`](Self::publish).
    ///
    /// ```no_run
    /// # use evently::{event, subscriber, Context};
    /// # use evently::postgres::sqlx::PgConnection;
    /// # #[event(name = "order.placed")]
    /// # pub struct OrderPlaced { pub order_id: u64 }
    /// # #[event(name = "invoice.issued")]
    /// # pub struct InvoiceIssued { pub order_id: u64 }
    /// #[subscriber(group = "billing")]
    /// async fn issue_invoice(order: &OrderPlaced, tx: &mut PgConnection, ctx: Context) -> evently::Result<()> {
    ///     // ... the invoice's own rows, in `tx` ...
    ///     ctx.publish_in(tx, InvoiceIssued { order_id: order.order_id }).await?;
    ///     Ok(())
    /// }
    /// ```
    #[cfg(feature = "postgres")]
    pub async fn publish_in<E: Event>(
        &self,
        conn: &mut sqlx::PgConnection,
        event: E,
    ) -> Result<Uuid, PublishError> {
        let (publisher, envelope) = self.follow_up(event)?;
        publisher.publish_in(conn, envelope, E::TOPIC).await
    }

    /// Like [`publish`](Self::publish), to another topic than the event's.
    pub async fn publish_to<E: Event>(&self, topic: &str, event: E) -> Result<Uuid, PublishError> {
        let (publisher, envelope) = self.follow_up(event)?;
        publisher.publish_follow_up(envelope, TypeId::of::<E>(), topic).await
    }

    /// The bus, and `event` in an envelope caused by the event being handled.
    fn follow_up<E: Event>(
        &self,
        event: E,
    ) -> Result<(Arc<dyn Publisher>, ErasedEnvelope), PublishError> {
        let publisher = self.publisher.upgrade().ok_or(PublishError::Closed)?;
        let envelope = Envelope::builder(event)
            .static_source(publisher.source())
            .causation_id(self.event_id())
            .correlation_id(self.correlation_id())
            .build();
        Ok((publisher, envelope.into_erased()))
    }
}

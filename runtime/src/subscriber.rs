//! Subscribers: what `#[subscriber]` registers, and how a bus is told which to run.

use std::any::TypeId;

use crate::lane::{Guard, RunLane};
use crate::retry::Backoff;

/// Static facts about one `#[subscriber]`, registered by the macro.
///
/// Read it through its methods; the macro builds it with
/// [`new`](Self::new) and the `const fn` setters, so fields can be added
/// without breaking generated code.
#[derive(Debug)]
pub struct SubscriberDescriptor {
    name: &'static str,
    group: Option<&'static str>,
    topic: Option<&'static str>,
    event_name: &'static str,
    event_version: u32,
    event_type_id: fn() -> TypeId,
    event_topic: &'static str,
    retries: Option<u32>,
    backoff: Option<Backoff>,
    dead_letter: Option<&'static str>,
    guard: Guard,
    transactional: bool,
    run_lane: RunLane,
    location: &'static str,
}

impl SubscriberDescriptor {
    /// A subscriber of the event `event_name` v`event_version` with the
    /// bus's defaults for everything else.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        name: &'static str,
        event_name: &'static str,
        event_version: u32,
        event_topic: &'static str,
        event_type_id: fn() -> TypeId,
        run_lane: RunLane,
        location: &'static str,
    ) -> Self {
        Self {
            name,
            group: None,
            topic: None,
            event_name,
            event_version,
            event_type_id,
            event_topic,
            retries: None,
            backoff: None,
            dead_letter: None,
            guard: Guard::EnvelopeId,
            transactional: false,
            run_lane,
            location,
        }
    }

    #[doc(hidden)]
    pub const fn with_group(mut self, group: &'static str) -> Self {
        self.group = Some(group);
        self
    }

    #[doc(hidden)]
    pub const fn with_topic(mut self, topic: &'static str) -> Self {
        self.topic = Some(topic);
        self
    }

    #[doc(hidden)]
    pub const fn with_retries(mut self, retries: u32) -> Self {
        self.retries = Some(retries);
        self
    }

    #[doc(hidden)]
    pub const fn with_backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = Some(backoff);
        self
    }

    #[doc(hidden)]
    pub const fn with_dead_letter(mut self, destination: &'static str) -> Self {
        self.dead_letter = Some(destination);
        self
    }

    #[doc(hidden)]
    pub const fn with_guard(mut self, guard: Guard) -> Self {
        self.guard = guard;
        self
    }

    /// The fn takes the inbox's transaction (`&mut PgConnection`).
    #[doc(hidden)]
    pub const fn with_transaction(mut self) -> Self {
        self.transactional = true;
        self
    }

    /// The unique name (default: module path and fn name).
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The consumer group it states, if any (else the bus's source).
    pub fn group(&self) -> Option<&'static str> {
        self.group
    }
    /// The topic it consumes: its `topic = "..."`, else the event's topic.
    pub fn topic(&self) -> &'static str {
        self.topic.unwrap_or(self.event_topic)
    }
    /// The name of the event it handles.
    pub fn event_name(&self) -> &'static str {
        self.event_name
    }
    /// The version of the event it handles.
    pub fn event_version(&self) -> u32 {
        self.event_version
    }
    /// The Rust type of the event it handles.
    pub fn event_type_id(&self) -> TypeId {
        (self.event_type_id)()
    }
    /// Retries after the first attempt, if it states them (else the bus's policy).
    pub fn retries(&self) -> Option<u32> {
        self.retries
    }
    /// The wait before retries, if it states one (else the bus's policy).
    pub fn backoff(&self) -> Option<Backoff> {
        self.backoff
    }
    /// Its dead-letter destination, if it states one (else the bus's).
    pub fn dead_letter(&self) -> Option<&'static str> {
        self.dead_letter
    }
    /// Whether the idempotency guard runs before it.
    pub fn guarded(&self) -> bool {
        !matches!(self.guard, Guard::Off)
    }
    /// Whether it runs in the inbox's transaction (it takes `&mut PgConnection`).
    pub fn transactional(&self) -> bool {
        self.transactional
    }
    /// Where the fn is defined (`file:line`).
    pub fn location(&self) -> &'static str {
        self.location
    }

    pub(crate) fn guard(&self) -> Guard {
        self.guard
    }

    pub(crate) fn run_lane(&self) -> RunLane {
        self.run_lane
    }
}

/// The registration `#[subscriber]` submits for every subscriber linked
/// into the program.
#[doc(hidden)]
#[derive(Debug)]
pub struct Registration(&'static SubscriberDescriptor);

impl Registration {
    #[doc(hidden)]
    pub const fn new(descriptor: &'static SubscriberDescriptor) -> Self {
        Self(descriptor)
    }
}

inventory::collect!(Registration);

/// Every `#[subscriber]` linked into this program.
pub fn registered_subscribers() -> impl Iterator<Item = &'static SubscriberDescriptor> {
    inventory::iter::<Registration>.into_iter().map(|registration| registration.0)
}

/// A subscriber a bus can be told to run: `#[subscriber]` implements it on a
/// type named like the fn, so the fn's name selects it.
///
/// ```
/// # use evently::{event, subscriber, Bus};
/// # #[event(name = "user.created")] pub struct UserCreated { pub id: u64 }
/// #[subscriber(group = "mailer")]
/// async fn send_welcome_email(user: &UserCreated) -> evently::Result<()> {
///     Ok(())
/// }
/// # async fn start() -> Result<(), evently::StartError> {
/// let bus = Bus::builder().subscribe::<send_welcome_email>().start().await?;
/// # Ok(()) }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a subscriber",
    label = "not a `#[subscriber]` fn",
    note = "name an async fn that has `#[evently::subscriber]`, or a tuple of them: `subscribe::<(send_welcome_email, audit)>()`"
)]
pub trait Subscriber {
    /// What the macro registered about it.
    const DESCRIPTOR: &'static SubscriberDescriptor;
}

/// One subscriber or a tuple of them (up to 16), for
/// [`BusBuilder::subscribe`](crate::BusBuilder::subscribe).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a subscriber or a tuple of subscribers",
    note = "name async fns that have `#[evently::subscriber]`: `subscribe::<send_welcome_email>()` or `subscribe::<(send_welcome_email, audit)>()`"
)]
pub trait Subscribers {
    /// Adds the descriptors to `out`.
    fn descriptors(out: &mut Vec<&'static SubscriberDescriptor>);
}

impl<S: Subscriber> Subscribers for S {
    fn descriptors(out: &mut Vec<&'static SubscriberDescriptor>) {
        out.push(S::DESCRIPTOR);
    }
}

macro_rules! tuple_subscribers {
    ($($name:ident)+) => {
        impl<$($name: Subscriber),+> Subscribers for ($($name,)+) {
            fn descriptors(out: &mut Vec<&'static SubscriberDescriptor>) {
                $(out.push($name::DESCRIPTOR);)+
            }
        }
    };
}

tuple_subscribers!(A);
tuple_subscribers!(A B);
tuple_subscribers!(A B C);
tuple_subscribers!(A B C D);
tuple_subscribers!(A B C D E);
tuple_subscribers!(A B C D E F);
tuple_subscribers!(A B C D E F G);
tuple_subscribers!(A B C D E F G H);
tuple_subscribers!(A B C D E F G H I);
tuple_subscribers!(A B C D E F G H I J);
tuple_subscribers!(A B C D E F G H I J K);
tuple_subscribers!(A B C D E F G H I J K L);
tuple_subscribers!(A B C D E F G H I J K L M);
tuple_subscribers!(A B C D E F G H I J K L M N);
tuple_subscribers!(A B C D E F G H I J K L M N O);
tuple_subscribers!(A B C D E F G H I J K L M N O P);

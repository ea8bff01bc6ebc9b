//! Error types.
//!
//! Two kinds of error meet in evently. [`Error`] is what a subscriber returns:
//! an opaque, boxed error (like `anyhow::Error`) that any `std::error::Error`
//! converts into with `?`. The operations of the library itself
//! ([`Bus::publish`](crate::Bus::publish), [`BusBuilder::start`](crate::BusBuilder::start),
//! decoding) return typed errors ([`PublishError`], [`StartError`],
//! [`DecodeError`], [`ReplayError`]) that name what went wrong.

use std::error::Error as StdError;
use std::fmt;

pub use crate::util::BoxError;

/// `Result<T, evently::Error>`, the return type of subscribers.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error a subscriber returns.
///
/// Any `std::error::Error + Send + Sync + 'static` converts into it with `?`,
/// and so do the library's own errors (a failed follow-up publish, say).
/// Subscribers may also return `anyhow::Error`, `Box<dyn Error + Send + Sync>`
/// or `String`: the generated wrapper accepts every error type that converts
/// into [`BoxError`].
///
/// A failure is retried according to the subscriber's retry policy. Mark it
/// [`permanent`](Error::permanent) to skip the remaining retries and send the
/// message to the dead-letter destination at once.
pub struct Error(Box<Inner>);

/// Behind one thin pointer: a handler's `Result<(), Error>` is then a
/// single word (null for `Ok`), which every delivery moves through its
/// futures; with the error inline it was three, moved in uneven pieces.
struct Inner {
    error: BoxError,
    permanent: bool,
}

impl Error {
    /// Wraps an error.
    pub fn new(error: impl Into<BoxError>) -> Self {
        let inner = error.into();
        match inner.downcast::<Permanent>() {
            Ok(permanent) => Self::with(permanent.0, true),
            Err(inner) => Self::with(inner, false),
        }
    }

    /// An error with a message and no source.
    pub fn msg(message: impl fmt::Display) -> Self {
        Self::new(Message(message.to_string()))
    }

    /// An error that retrying cannot fix: the message goes to the dead-letter
    /// destination without further attempts.
    pub fn permanent(error: impl Into<BoxError>) -> Self {
        Self::with(error.into(), true)
    }

    fn with(error: BoxError, permanent: bool) -> Self {
        Self(Box::new(Inner { error, permanent }))
    }

    /// Whether this error skips the remaining retries.
    pub fn is_permanent(&self) -> bool {
        self.0.permanent
    }

    /// The wrapped error, if it is of type `T`.
    pub fn downcast_ref<T: StdError + 'static>(&self) -> Option<&T> {
        self.0.error.downcast_ref::<T>()
    }

    /// The wrapped error.
    pub fn into_inner(self) -> BoxError {
        self.0.error
    }
}

impl<E: StdError + Send + Sync + 'static> From<E> for Error {
    fn from(error: E) -> Self {
        Self::new(error)
    }
}

/// A permanent error keeps its mark when it is boxed and converted back,
/// which is how it crosses the generated wrapper.
impl From<Error> for BoxError {
    fn from(error: Error) -> Self {
        let Inner { error, permanent } = *error.0;
        if permanent { Box::new(Permanent(error)) } else { error }
    }
}

#[derive(Debug)]
struct Permanent(BoxError);

impl fmt::Display for Permanent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl StdError for Permanent {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.0.source()
    }
}

impl std::ops::Deref for Error {
    type Target = dyn StdError + Send + Sync + 'static;
    fn deref(&self) -> &Self::Target {
        &*self.0.error
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("error", &self.0.error)
            .field("permanent", &self.0.permanent)
            .finish()
    }
}

/// `{}` prints the error; `{:#}` prints it with its chain of sources.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.error)?;
        if f.alternate() {
            let mut source = self.0.error.source();
            while let Some(cause) = source {
                write!(f, ": {cause}")?;
                source = cause.source();
            }
        }
        Ok(())
    }
}

#[derive(Debug)]
struct Message(String);

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for Message {}

/// A message that could not be decoded into a registered event.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The bytes are not JSON, or not a JSON object.
    #[error("message is not a JSON envelope")]
    NotJson(#[source] serde_json::Error),
    /// A required envelope field is absent.
    #[error("envelope has no `{field}` field")]
    MissingField {
        /// The absent field.
        field: &'static str,
    },
    /// An envelope field has the wrong form.
    #[error("envelope field `{field}` is invalid: {reason}")]
    InvalidField {
        /// The field at fault.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// No `#[event]` with this name is linked into the program.
    #[error(
        "unknown event type `{event_type}`: no `#[event]` with this name is linked into this program"
    )]
    UnknownType {
        /// The `type` the envelope named.
        event_type: String,
    },
    /// The event name is known, but not this version.
    #[error("unknown version {version} of event `{event_type}` (known versions: {known})")]
    UnknownVersion {
        /// The `type` the envelope named.
        event_type: String,
        /// The `version` the envelope named.
        version: u32,
        /// The versions this program knows, comma separated.
        known: String,
    },
    /// The message is larger than the bus's payload limit; it was not decoded.
    #[error("message of {size} bytes is over the payload limit of {limit} bytes")]
    TooLarge {
        /// The message's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The `data` does not deserialize into the event's type.
    #[error("data of `{event_type}` v{version} does not match its type")]
    DataMismatch {
        /// The event name.
        event_type: String,
        /// The event version.
        version: u32,
        /// What serde reported.
        #[source]
        source: serde_json::Error,
    },
}

/// Why a publish failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublishError {
    /// The bus was shut down.
    #[error("the bus is shut down and accepts no new events")]
    Closed,
    /// The raw message could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The broker did not take the event.
    #[error(transparent)]
    Transport(#[from] crate::transport::TransportError),
    /// The encoded event is larger than the bus's payload limit; nothing was sent.
    #[error(
        "event `{event_type}` encodes to {size} bytes, over the bus's payload limit of {limit} bytes; nothing was sent"
    )]
    TooLarge {
        /// The event name.
        event_type: &'static str,
        /// The encoded size.
        size: usize,
        /// The limit ([`BusBuilder::max_payload`](crate::BusBuilder::max_payload)).
        limit: usize,
    },
    /// No lane of a subscriber takes messages any more (its task ended).
    #[error("subscriber `{subscriber}` stopped taking messages")]
    LaneGone {
        /// The subscriber.
        subscriber: &'static str,
    },
    /// `Bus::publish_in` (feature `postgres`) on a bus without an outbox.
    #[error("the bus has no outbox: add `.outbox(pg)` to its builder to publish in a transaction")]
    NoOutbox,
    /// The event could not be written to the outbox table.
    #[error("could not write the event to the outbox")]
    Outbox(#[source] crate::error::BoxError),
    /// The event could not be encoded.
    #[error("could not encode event `{event_type}`")]
    Encode {
        /// The event name.
        event_type: &'static str,
        /// What serde reported.
        #[source]
        source: serde_json::Error,
    },
}

/// Why a bus could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// Registrations contradict each other; every conflict is listed.
    #[error("{} conflicting registration(s):{}", .0.len(), ConflictList(.0))]
    Conflicts(Vec<Conflict>),
    /// A builder setting has a value that cannot work.
    #[error("invalid setting `{setting}`: {reason}")]
    InvalidSetting {
        /// The setting at fault.
        setting: &'static str,
        /// Why it cannot work.
        reason: String,
    },
    /// On a broker, subscribers that state no `group` need the bus's `source` as their group.
    #[error(
        "subscribers on a broker need a consumer group, and these state none: {}; add `group = \"...\"` to each `#[subscriber]`, or set the bus's `.source(\"...\")`, which is the group of those that state none",
        .subscribers.join(", ")
    )]
    GroupUnstated {
        /// The subscribers without a group (`name (file:line)`).
        subscribers: Vec<String>,
    },
    /// `group("...")` names a group no linked subscriber belongs to.
    #[error("no linked `#[subscriber]` states `group = \"{group}\"` (groups linked: {known})")]
    UnknownGroup {
        /// The group asked for.
        group: String,
        /// The groups that linked subscribers state, comma separated.
        known: String,
    },
    /// The broker refused a subscription.
    #[error("could not subscribe to the broker")]
    Transport(#[from] crate::transport::TransportError),
    /// `start()` was called outside a Tokio runtime.
    #[error(
        "a bus must start inside a Tokio runtime (from `#[tokio::main]` or a runtime's `block_on`)"
    )]
    NoRuntime,
}

/// One contradiction between registrations found by [`BusBuilder::start`](crate::BusBuilder::start).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Conflict {
    /// Two or more subscribers share one name.
    DuplicateSubscriber {
        /// The shared name.
        name: String,
        /// Where each was defined (`file:line`).
        locations: Vec<String>,
    },
    /// Two or more types claim one event name and version.
    DuplicateEvent {
        /// The shared event name.
        name: String,
        /// The shared version.
        version: u32,
        /// The Rust types that claim it.
        types: Vec<String>,
    },
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conflict::DuplicateSubscriber { name, locations } => write!(
                f,
                "subscriber name `{name}` is used by {} subscribers (at {}); give each a unique `name = \"...\"`",
                locations.len(),
                locations.join(", ")
            ),
            Conflict::DuplicateEvent { name, version, types } => write!(
                f,
                "event `{name}` version {version} is claimed by {} types ({}); each name and version must belong to one type",
                types.len(),
                types.join(", ")
            ),
        }
    }
}

struct ConflictList<'a>(&'a [Conflict]);

impl fmt::Display for ConflictList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for conflict in self.0 {
            write!(f, "\n  - {conflict}")?;
        }
        Ok(())
    }
}

/// Why a dead letter could not be replayed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// No dead letter has this id (it was replayed already, or never existed).
    #[error("no dead letter with id {0}")]
    NotFound(u64),
    /// The subscriber it belongs to is not running on this bus.
    #[error("subscriber `{0}` of this dead letter is not running on this bus")]
    UnknownSubscriber(String),
    /// The bus refused the delivery.
    #[error(transparent)]
    Publish(#[from] PublishError),
}

/// Why a delivery failed before or around the handler (not the handler's own error).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DeliveryError {
    /// The handler panicked.
    #[error("handler panicked: {message}")]
    Panicked {
        /// The panic's message.
        message: String,
    },
    /// The message holds another event type than the subscriber takes.
    #[error(
        "subscriber `{subscriber}` expects `{expected}` but received `{event_type}` v{version}"
    )]
    UnexpectedType {
        /// The subscriber.
        subscriber: &'static str,
        /// The Rust type it takes.
        expected: &'static str,
        /// The event name received.
        event_type: &'static str,
        /// The event version received.
        version: u32,
    },
    /// An earlier version of the event could not be upcast to the subscriber's.
    #[error("could not upcast to the subscriber's version")]
    Upcast(#[source] UpcastError),
    /// The subscriber takes a transaction, but the bus has no inbox.
    #[error(
        "subscriber `{subscriber}` takes a transaction (`&mut PgConnection`), but the bus has no inbox: add `.inbox(pg)` to its builder"
    )]
    NoInbox {
        /// The subscriber.
        subscriber: &'static str,
    },
    /// The handler's transaction was not given back (it was taken twice).
    #[error("the handler's transaction was not given back to the bus")]
    TransactionLost,
}

/// Why an envelope of an earlier event version could not be upcast.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UpcastError {
    /// The envelope does not hold the version the upcaster reads.
    #[error("expected `{event_type}` v{version} to upcast")]
    WrongVersion {
        /// The event name the upcaster reads.
        event_type: &'static str,
        /// The version it reads.
        version: u32,
    },
    /// The old data could not be copied through its JSON form.
    #[error("cannot copy `{event_type}` v{version} to upcast it")]
    Copy {
        /// The event name.
        event_type: &'static str,
        /// The version.
        version: u32,
        /// What serde reported.
        #[source]
        source: serde_json::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handlers_result_is_one_word() {
        // Every delivery moves it through its futures (see `Error`).
        assert_eq!(size_of::<Result<()>>(), size_of::<usize>());
    }

    #[test]
    fn permanence_survives_boxing_and_back() {
        let error = Error::permanent(Message("no such account".to_owned()));
        assert!(error.is_permanent());
        let boxed = BoxError::from(error);
        let again = Error::new(boxed);
        assert!(again.is_permanent());
        assert_eq!(again.to_string(), "no such account");
        assert!(!Error::msg("try again").is_permanent());
    }
}

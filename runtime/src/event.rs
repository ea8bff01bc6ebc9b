//! The [`Event`] trait: what `#[event]` implements.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::Key;

/// An immutable record of something that happened.
///
/// Implemented by `#[event]`; do not implement it by hand. The associated
/// constants are the event's identity on the wire.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an evently event",
    label = "not an `#[event]` type",
    note = "add `#[evently::event]` to the definition of `{Self}`"
)]
pub trait Event:
    Serialize + DeserializeOwned + schemars::JsonSchema + Send + Sync + 'static
{
    /// The event's name, the envelope's `type` (e.g. `"user.created"`).
    const NAME: &'static str;
    /// The schema version, starting at 1.
    const VERSION: u32;
    /// The topic (Kafka topic, RabbitMQ routing key, NATS subject) it is published to.
    const TOPIC: &'static str;
    /// A hash of the type's wire shape, compared with the committed schema.
    const FINGERPRINT: &'static str;

    /// The ordering key: events with the same key are handled in order.
    /// `#[event(key = field)]` makes it the field's `Display` form.
    fn key(&self) -> Option<Key> {
        None
    }

    /// The JSON Schema (draft 2020-12) of the event's data.
    fn schema() -> serde_json::Value {
        serde_json::Value::from(schemars::schema_for!(Self))
    }
}

/// How a version's schema must relate to the earlier versions' (the
/// Confluent Schema Registry modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Compatibility {
    /// Consumers of this version read data of the previous version (the default).
    Backward,
    /// Like `Backward`, against every earlier version.
    BackwardTransitive,
    /// Consumers of the previous version read data of this version.
    Forward,
    /// Like `Forward`, against every earlier version.
    ForwardTransitive,
    /// Both `Backward` and `Forward`.
    Full,
    /// Like `Full`, against every earlier version.
    FullTransitive,
    /// No check.
    None,
}

impl Compatibility {
    /// Whether data of the older schema must be readable by the newer.
    pub fn backward(self) -> bool {
        matches!(
            self,
            Self::Backward | Self::BackwardTransitive | Self::Full | Self::FullTransitive
        )
    }
    /// Whether data of the newer schema must be readable by the older.
    pub fn forward(self) -> bool {
        matches!(self, Self::Forward | Self::ForwardTransitive | Self::Full | Self::FullTransitive)
    }
    /// Whether every earlier version is checked, not just the previous one.
    pub fn transitive(self) -> bool {
        matches!(self, Self::BackwardTransitive | Self::ForwardTransitive | Self::FullTransitive)
    }
    /// The name used in `#[event(compat = "...")]`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Backward => "backward",
            Self::BackwardTransitive => "backward_transitive",
            Self::Forward => "forward",
            Self::ForwardTransitive => "forward_transitive",
            Self::Full => "full",
            Self::FullTransitive => "full_transitive",
            Self::None => "none",
        }
    }
}

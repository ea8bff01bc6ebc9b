//! The [`Event`] trait and the registry of every `#[event]` linked into the program.

use std::any::TypeId;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::envelope::{ErasedEnvelope, Metadata};
use crate::error::{Conflict, DecodeError};

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
    fn key(&self) -> Option<String> {
        None
    }

    /// The JSON Schema (draft 2020-12) of the event's data.
    fn schema() -> serde_json::Value {
        serde_json::Value::from(schemars::schema_for!(Self))
    }
}

/// Static facts about one `#[event]` type, registered by the macro.
#[derive(Debug)]
pub struct EventDescriptor {
    /// [`Event::NAME`].
    pub name: &'static str,
    /// [`Event::VERSION`].
    pub version: u32,
    /// [`Event::TOPIC`].
    pub topic: &'static str,
    /// [`Event::FINGERPRINT`].
    pub fingerprint: &'static str,
    /// The Rust type's name.
    pub type_name: fn() -> &'static str,
    /// The Rust type's id.
    pub type_id: fn() -> TypeId,
    /// [`Event::schema`].
    pub schema: fn() -> serde_json::Value,
    /// Decodes the envelope's `data` into the typed envelope.
    pub decode: fn(Metadata, &RawValue) -> Result<ErasedEnvelope, serde_json::Error>,
}

inventory::collect!(EventDescriptor);

/// Every `#[event]` type linked into this program.
pub fn registered_events() -> impl Iterator<Item = &'static EventDescriptor> {
    inventory::iter::<EventDescriptor>.into_iter()
}

/// The events known to a bus, indexed by type and by wire name.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    by_name: HashMap<&'static str, BTreeMap<u32, &'static EventDescriptor>>,
}

impl Registry {
    /// Indexes every registered event; two types claiming one name and version conflict.
    pub(crate) fn collect(conflicts: &mut Vec<Conflict>) -> Self {
        let mut claims: BTreeMap<(&'static str, u32), Vec<&'static EventDescriptor>> =
            BTreeMap::new();
        for descriptor in registered_events() {
            claims
                .entry((descriptor.name, descriptor.version))
                .or_default()
                .push(descriptor);
        }
        let mut registry = Registry::default();
        for ((name, version), descriptors) in claims {
            let mut type_ids: Vec<TypeId> = descriptors.iter().map(|d| (d.type_id)()).collect();
            type_ids.dedup();
            if type_ids.len() > 1 {
                conflicts.push(Conflict::DuplicateEvent {
                    name: name.to_owned(),
                    version,
                    types: descriptors
                        .iter()
                        .map(|d| (d.type_name)().to_owned())
                        .collect(),
                });
            }
            registry
                .by_name
                .entry(name)
                .or_default()
                .insert(version, descriptors[0]);
        }
        registry
    }

    /// Finds the descriptor for a wire name and version.
    pub(crate) fn lookup(
        &self,
        name: &str,
        version: u32,
    ) -> Result<&'static EventDescriptor, DecodeError> {
        let versions = self
            .by_name
            .get(name)
            .ok_or_else(|| DecodeError::UnknownType {
                event_type: name.to_owned(),
            })?;
        versions
            .get(&version)
            .copied()
            .ok_or_else(|| DecodeError::UnknownVersion {
                event_type: name.to_owned(),
                version,
                known: versions
                    .keys()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

//! CloudEvents 1.0: the encodings other services speak.
//!
//! A bus encodes what it publishes as the evently envelope (the default) or
//! as a CloudEvent in structured mode (one JSON object) or binary mode (the
//! data as the body, the attributes as headers: `ce_` on Kafka,
//! `cloudEvents_` on AMQP (`cloudEvents:` is read too), `ce-` on NATS).
//! Decoding recognises all three. Structured events are sent as
//! `application/cloudevents+json`; a binary event's data content type is
//! the message's own content type (the AMQP property, a `content-type` header
//! on Kafka, `Content-Type` on NATS), never a prefixed attribute header.
//!
//! Attributes map onto the envelope: `id`, `type`, `source`, `time`
//! (timestamp), and the extensions `eventversion` (the event version, 1 if
//! absent), `partitionkey` (the ordering key), `correlationid` and
//! `causationid`. Reading is in `wire.rs`: an `id` that is not a UUID
//! becomes a UUIDv5 of its text, so copies of one message still deduplicate.

use serde_json::{Map, Value, json};

use crate::envelope::AnyEnvelope;

/// How a bus encodes the events it publishes through a broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Encoding {
    /// The evently envelope (`id`, `type`, `version`, `timestamp`, `source`, `data`).
    #[default]
    Evently,
    /// A CloudEvents 1.0 JSON object (structured content mode).
    CloudEventsStructured,
    /// The data as the body, CloudEvents attributes as headers (binary content mode).
    CloudEventsBinary,
}

/// The CloudEvents attributes of an envelope, in order.
fn attributes(envelope: &dyn AnyEnvelope) -> Vec<(&'static str, Value)> {
    let meta = envelope.metadata();
    let mut attributes = vec![
        ("specversion", json!("1.0")),
        ("id", json!(meta.id().to_string())),
        ("type", json!(meta.event_type())),
        ("source", json!(if meta.source().is_empty() { "evently" } else { meta.source() })),
        ("time", json!(crate::timestamp::format(meta.timestamp()).unwrap_or_default())),
        ("eventversion", json!(meta.version())),
    ];
    if let Some(key) = meta.key() {
        attributes.push(("partitionkey", json!(key)));
    }
    if let Some(id) = meta.correlation_id() {
        attributes.push(("correlationid", json!(id.to_string())));
    }
    if let Some(id) = meta.causation_id() {
        attributes.push(("causationid", json!(id.to_string())));
    }
    attributes
}

/// The media type of JSON data, and of the evently envelope.
pub(crate) const JSON: &str = "application/json";

/// The media type of a CloudEvent in structured mode (every protocol binding).
pub(crate) const CLOUDEVENTS_JSON: &str = "application/cloudevents+json";

/// A message body, its media type and its headers.
type Encoded = (Vec<u8>, &'static str, Vec<(String, String)>);

/// Encodes an envelope: the body, its media type and the headers to send
/// (with the transport's CloudEvents header prefix for binary mode). In
/// structured mode `datacontenttype` is in the body; in binary mode the
/// media type is the data's, which the bindings carry as the message's
/// content type, never as a prefixed header.
pub(crate) fn encode(
    envelope: &dyn AnyEnvelope,
    encoding: Encoding,
    prefix: &str,
) -> Result<Encoded, serde_json::Error> {
    match encoding {
        Encoding::Evently => Ok((envelope.to_json()?, JSON, Vec::new())),
        Encoding::CloudEventsStructured => {
            let mut object: Map<String, Value> = attributes(envelope)
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect();
            object.insert("datacontenttype".to_owned(), json!(JSON));
            object.insert("data".to_owned(), envelope.data_json()?);
            Ok((serde_json::to_vec(&object)?, CLOUDEVENTS_JSON, Vec::new()))
        }
        Encoding::CloudEventsBinary => {
            let headers = attributes(envelope)
                .into_iter()
                .map(|(name, value)| {
                    let text = match value {
                        Value::String(text) => text,
                        other => other.to_string(),
                    };
                    (format!("{prefix}{name}"), text)
                })
                .collect();
            Ok((serde_json::to_vec(&envelope.data_json()?)?, JSON, headers))
        }
    }
}

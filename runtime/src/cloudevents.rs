//! CloudEvents 1.0: the encodings other services speak.
//!
//! A bus encodes what it publishes as the evently envelope (the default) or
//! as a CloudEvent in structured mode (one JSON object) or binary mode (the
//! data as the body, the attributes as headers: `ce_` on Kafka,
//! `cloudEvents:` on AMQP, `ce-` on NATS). Decoding recognises all three.
//!
//! Attributes map onto the envelope: `id`, `type`, `source`, `time`
//! (timestamp), and the extensions `eventversion` (the event version, 1 if
//! absent), `partitionkey` (the ordering key), `correlationid` and
//! `causationid`. An `id` that is not a UUID becomes a UUIDv5 of its text,
//! so copies of one message still deduplicate.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::envelope::AnyEnvelope;
use crate::error::DecodeError;

/// How a bus encodes the events it publishes through a broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// The evently envelope (`id`, `type`, `version`, `timestamp`, `source`, `data`).
    #[default]
    Evently,
    /// A CloudEvents 1.0 JSON object (structured content mode).
    CloudEventsStructured,
    /// The data as the body, CloudEvents attributes as headers (binary content mode).
    CloudEventsBinary,
}

const ID_NAMESPACE: Uuid = Uuid::from_u128(0x6576_656e_746c_7900_8000_6365_0000_0001);

/// The CloudEvents attributes of an envelope, in order.
fn attributes(envelope: &dyn AnyEnvelope) -> Vec<(&'static str, Value)> {
    let meta = envelope.metadata();
    let mut attributes = vec![
        ("specversion", json!("1.0")),
        ("id", json!(meta.id().to_string())),
        ("type", json!(meta.event_type())),
        ("source", json!(if meta.source().is_empty() { "evently" } else { meta.source() })),
        (
            "time",
            json!(
                meta.timestamp()
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default()
            ),
        ),
        ("datacontenttype", json!("application/json")),
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

/// A message body and its headers.
type Encoded = (Vec<u8>, Vec<(String, String)>);

/// Encodes an envelope: the body and the headers to send (with the
/// transport's CloudEvents header prefix for binary mode).
pub(crate) fn encode(
    envelope: &dyn AnyEnvelope,
    encoding: Encoding,
    prefix: &str,
) -> Result<Encoded, serde_json::Error> {
    match encoding {
        Encoding::Evently => Ok((envelope.to_json()?, Vec::new())),
        Encoding::CloudEventsStructured => {
            let mut object: Map<String, Value> = attributes(envelope)
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect();
            object.insert("data".to_owned(), envelope.data_json()?);
            Ok((serde_json::to_vec(&object)?, Vec::new()))
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
            Ok((serde_json::to_vec(&envelope.data_json()?)?, headers))
        }
    }
}

/// Turns a received message into evently-envelope JSON if it is a
/// CloudEvent (binary mode when `<prefix>specversion` is a header, structured
/// mode when the body has `specversion`); `None` if it is an evently envelope.
pub(crate) fn to_envelope(
    payload: &[u8],
    headers: &[(String, String)],
    prefix: &str,
) -> Result<Option<Vec<u8>>, DecodeError> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(&format!("{prefix}{name}")))
            .map(|(_, value)| value.clone())
    };
    if header("specversion").is_some() {
        let data: Value = serde_json::from_slice(payload).map_err(DecodeError::NotJson)?;
        let mut attributes = Map::new();
        for name in [
            "id",
            "type",
            "source",
            "time",
            "eventversion",
            "partitionkey",
            "correlationid",
            "causationid",
            "datacontenttype",
        ] {
            if let Some(value) = header(name) {
                attributes.insert(name.to_owned(), Value::String(value));
            }
        }
        return envelope_from(attributes, data).map(Some);
    }
    // Cheap check before parsing: an evently envelope has no `specversion`.
    if !payload.windows(13).any(|w| w == b"\"specversion\"") {
        return Ok(None);
    }
    let mut object: Map<String, Value> =
        match serde_json::from_slice(payload).map_err(DecodeError::NotJson)? {
            Value::Object(object) if object.contains_key("specversion") => object,
            _ => return Ok(None),
        };
    let data = object.remove("data").ok_or(DecodeError::MissingField { field: "data" })?;
    envelope_from(object, data).map(Some)
}

fn envelope_from(mut attributes: Map<String, Value>, data: Value) -> Result<Vec<u8>, DecodeError> {
    let text = |value: Option<Value>| {
        value.map(|v| match v {
            Value::String(text) => text,
            other => other.to_string(),
        })
    };
    if let Some(content_type) = text(attributes.remove("datacontenttype"))
        && !content_type.starts_with("application/json")
        && !content_type.ends_with("+json")
    {
        return Err(DecodeError::InvalidField {
            field: "datacontenttype",
            reason: format!("`{content_type}` is not JSON"),
        });
    }
    let id = text(attributes.remove("id")).ok_or(DecodeError::MissingField { field: "id" })?;
    let id = Uuid::parse_str(&id).unwrap_or_else(|_| Uuid::new_v5(&ID_NAMESPACE, id.as_bytes()));
    let event_type =
        text(attributes.remove("type")).ok_or(DecodeError::MissingField { field: "type" })?;
    let version = match text(attributes.remove("eventversion")) {
        None => 1,
        Some(version) => version.parse::<u32>().map_err(|_| DecodeError::InvalidField {
            field: "eventversion",
            reason: format!("expected a positive integer, got `{version}`"),
        })?,
    };
    let mut envelope = json!({
        "id": id.to_string(),
        "type": event_type,
        "version": version,
        "source": text(attributes.remove("source")).unwrap_or_default(),
        "data": data,
    });
    if let Some(time) = text(attributes.remove("time")) {
        envelope["timestamp"] = Value::String(time);
    }
    for (attribute, field) in [
        ("partitionkey", "key"),
        ("correlationid", "correlation_id"),
        ("causationid", "causation_id"),
    ] {
        if let Some(value) = text(attributes.remove(attribute)) {
            envelope[field] = Value::String(value);
        }
    }
    serde_json::to_vec(&envelope).map_err(DecodeError::NotJson)
}

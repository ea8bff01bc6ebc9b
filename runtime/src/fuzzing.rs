//! Entry points for fuzzing: raw bytes in, through the code a broker
//! consumer and the schema check run. The fuzz targets and the test that
//! replays their corpus call these same functions, so an input that once
//! crashed one stays a test case. Each panics only on a bug: input that is
//! merely bad is an error, formatted as a dead letter's reason would be.
//! Each returns whether the input got past parsing (decoded into a
//! registered event, or two schemas compared), so a corpus can be checked
//! to reach the typed path.

use std::any::TypeId;
use std::sync::OnceLock;

use serde_json::Value;

use crate::cloudevents::{self, CLOUDEVENTS_JSON, Encoding, JSON};
use crate::compat;
use crate::envelope::ErasedEnvelope;
use crate::event::Compatibility;
use crate::registry::Registry;
use crate::transport::CONTENT_TYPE;
use crate::util::Chain;

/// The CloudEvents header prefixes of the transports: Kafka, NATS, AMQP.
const PREFIXES: [&str; 3] = ["ce_", "ce-", "cloudEvents_"];

/// The events linked into the program, indexed as a bus indexes them.
fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::collect(&mut Vec::new()))
}

/// Decodes a received message as a bus's consumer does (`Core::decode`,
/// less the size limit), and on failure formats the reason it would put on
/// the dead letter.
fn decode(
    payload: &[u8],
    headers: &[(String, String)],
    prefix: &str,
) -> Option<(ErasedEnvelope, TypeId)> {
    match registry().decode(payload, headers, prefix) {
        Ok(decoded) => Some(decoded),
        Err(error) => {
            let _reason = Chain(&error).to_string();
            None
        }
    }
}

/// Upcasts a decoded envelope along every chain that starts at its type,
/// as the routes of subscribers of later versions do.
fn upcast_all(envelope: &ErasedEnvelope, type_id: TypeId) {
    for target in crate::registry::registered_events() {
        for (from, chain) in registry().upcasts_into(target.type_id()) {
            if from != type_id {
                continue;
            }
            let mut current = ErasedEnvelope::clone(envelope);
            for convert in &chain {
                match convert(&*current) {
                    Ok(next) => current = next,
                    Err(error) => {
                        let _reason = Chain(&error).to_string();
                        break;
                    }
                }
            }
            let _ = current.data_json();
        }
    }
}

/// What decodes can be sent again in each encoding and decodes to the same
/// event: the same metadata (an empty source becomes CloudEvents' required
/// non-empty one) and the same data.
fn assert_round_trip(envelope: &ErasedEnvelope) {
    let meta = envelope.metadata();
    let data = envelope.data_json().expect("decoded data serializes");
    let binary = PREFIXES.map(|prefix| (Encoding::CloudEventsBinary, prefix));
    let bodies = [(Encoding::Evently, PREFIXES[0]), (Encoding::CloudEventsStructured, PREFIXES[0])];
    for (encoding, prefix) in bodies.into_iter().chain(binary) {
        let (payload, content_type, mut headers) =
            cloudevents::encode(&**envelope, encoding, prefix).expect("a decoded envelope encodes");
        // Every transport reports the message's media type this way.
        headers.push((CONTENT_TYPE.to_owned(), content_type.to_owned()));
        let Some((again, _)) = decode(&payload, &headers, prefix) else {
            panic!(
                "{encoding:?} encoding of {meta:?} does not decode: {}",
                String::from_utf8_lossy(&payload)
            );
        };
        let again_meta = again.metadata();
        let mut expected = meta.clone();
        if encoding != Encoding::Evently && meta.source().is_empty() {
            expected.source = again_meta.source.clone();
        }
        assert_eq!(&expected, again_meta, "{encoding:?} round trip changed the metadata");
        assert_eq!(
            data,
            again.data_json().expect("decoded data serializes"),
            "{encoding:?} round trip changed the data"
        );
    }
}

/// Decodes a body (no CloudEvents headers) as every transport would.
fn decode_body(payload: &[u8], content_type: &str) -> Option<(ErasedEnvelope, TypeId)> {
    let headers = [(CONTENT_TYPE.to_owned(), content_type.to_owned())];
    let decoded = decode(payload, &headers, PREFIXES[0]);
    for prefix in &PREFIXES[1..] {
        let other = decode(payload, &headers, prefix);
        assert_eq!(
            decoded.as_ref().map(|(envelope, _)| envelope.metadata().id()),
            other.as_ref().map(|(envelope, _)| envelope.metadata().id()),
            "a body without CloudEvents headers decodes alike on every transport"
        );
    }
    decoded
}

/// An evently envelope as a message body: decoded, upcast, and sent again
/// in every encoding.
pub fn envelope(input: &[u8]) -> bool {
    let Some((envelope, type_id)) = decode_body(input, JSON) else { return false };
    upcast_all(&envelope, type_id);
    assert_round_trip(&envelope);
    true
}

/// A minimal envelope (`type`, `version` and `data`, maybe no id): as
/// [`envelope`], and an id derived from the content does not depend on how
/// the JSON was spaced or its object keys ordered.
pub fn minimal_envelope(input: &[u8]) -> bool {
    let Some((envelope, type_id)) = decode_body(input, JSON) else { return false };
    upcast_all(&envelope, type_id);
    assert_round_trip(&envelope);
    assert!(std::str::from_utf8(input).is_ok(), "a body that decoded is not UTF-8");
    // Numbers beyond `f64` are JSON, but not a `Value`.
    let Ok(value) = serde_json::from_slice::<Value>(input) else { return true };
    if value.get("id").is_none_or(Value::is_null) && value.get("specversion").is_none() {
        let respaced = serde_json::to_vec_pretty(&value).expect("JSON serializes");
        let Some((again, _)) = decode_body(&respaced, JSON) else {
            panic!("the same envelope respaced does not decode");
        };
        assert_eq!(
            envelope.metadata().id(),
            again.metadata().id(),
            "the derived id depends on spacing or key order"
        );
    }
    true
}

/// A CloudEvent in structured mode as a message body.
pub fn cloudevents_structured(input: &[u8]) -> bool {
    let Some((envelope, type_id)) = decode_body(input, CLOUDEVENTS_JSON) else { return false };
    upcast_all(&envelope, type_id);
    assert_round_trip(&envelope);
    true
}

/// A CloudEvent in binary mode: the input is header lines (`name: value`,
/// split at the first `": "`), an empty line, then the body. Decoded with
/// each transport's header prefix.
pub fn cloudevents_binary(input: &[u8]) -> bool {
    let (head, body) = match input.windows(2).position(|pair| pair == b"\n\n") {
        Some(at) => (&input[..at], &input[at + 2..]),
        None => (input, &[][..]),
    };
    let head = String::from_utf8_lossy(head);
    let headers: Vec<(String, String)> = head
        .lines()
        .map(|line| match line.split_once(": ") {
            Some((name, value)) => (name.to_owned(), value.to_owned()),
            None => (line.to_owned(), String::new()),
        })
        .collect();
    let mut decoded = false;
    for prefix in PREFIXES {
        if let Some((envelope, type_id)) = decode(body, &headers, prefix) {
            upcast_all(&envelope, type_id);
            assert_round_trip(&envelope);
            decoded = true;
        }
    }
    decoded
}

/// Two JSON Schemas, one after the other: compared in every mode both
/// ways, as the schema check compares two versions of an event.
pub fn schema_compat(input: &[u8]) -> bool {
    let mut documents = serde_json::Deserializer::from_slice(input).into_iter::<Value>();
    let (Some(Ok(old)), Some(Ok(new))) = (documents.next(), documents.next()) else {
        return false;
    };
    let backward = compat::diff(&old, &new);
    let forward = compat::diff(&new, &old);
    let broken =
        |differences: &[compat::Difference]| differences.iter().filter(|d| !d.compatible).count();
    // FULL is BACKWARD and FORWARD, each walked as `diff` walks it.
    let full = compat::check(&old, &new, Compatibility::Full);
    assert!(full.iter().all(|d| !d.compatible), "`check` returned a compatible difference");
    assert_eq!(
        full.len(),
        broken(&backward) + broken(&forward),
        "FULL is not BACKWARD and FORWARD"
    );
    assert!(
        compat::diff(&old, &old).iter().all(|d| d.compatible),
        "a schema is incompatible with itself"
    );
    true
}

#![allow(missing_docs)]
//! The wire envelope: its JSON form, decoding from other services, and the
//! typed errors of malformed input.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use evently::{Bus, DecodeError, Envelope, Event, PublishError, subscriber};
use evently_tests::events::*;
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;

#[test]
fn event_keys_default_to_the_struct_name_version_one_and_the_name_as_topic() {
    assert_eq!(OrderPlaced::NAME, "OrderPlaced");
    assert_eq!(OrderPlaced::VERSION, 1);
    assert_eq!(OrderPlaced::TOPIC, "OrderPlaced");
    assert_eq!(OrderPlaced { order_id: 42, user_id: 7, total: 1.0 }.key().as_deref(), Some("42"));
    assert_eq!(EnvelopeRenamed::NAME, "test.envelope.renamed");
    assert_eq!(EnvelopeRenamed::VERSION, 3);
    assert_eq!(EnvelopeRenamed::TOPIC, "envelopes");
    assert_eq!(EnvelopeRenamed { first_name: "a".into(), nickname: None }.key(), None);
    assert_eq!(OrderPlaced::FINGERPRINT.len(), 16);
}

#[test]
fn the_wire_form_has_the_seed_fields_plus_id_and_key() {
    let envelope = Envelope::builder(OrderPlaced { order_id: 42, user_id: 7, total: 99.99 })
        .source("order-service")
        .build();
    let json: Value = serde_json::from_slice(&envelope.to_json().expect("encodes")).expect("json");
    let object = json.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["data", "id", "key", "source", "timestamp", "type", "version"]);
    assert_eq!(json["type"], "OrderPlaced");
    assert_eq!(json["version"], 1);
    assert_eq!(json["source"], "order-service");
    assert_eq!(json["key"], "42");
    assert_eq!(json["data"], json!({"order_id": 42, "user_id": 7, "total": 99.99}));
    let id = evently::Uuid::parse_str(json["id"].as_str().expect("id is text")).expect("a UUID");
    assert_eq!(id.get_version_num(), 7, "ids are UUIDv7");
    let timestamp = json["timestamp"].as_str().expect("timestamp is text");
    assert!(timestamp.ends_with('Z'), "UTC: {timestamp}");
    let parsed = time::OffsetDateTime::parse(timestamp, &Rfc3339).expect("RFC 3339");
    assert_eq!(std::time::SystemTime::from(parsed), envelope.metadata().timestamp());
}

/// A small deterministic generator of pseudo-random numbers (xorshift64).
fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// Hostile text where a timestamp goes: valid timestamps with bytes changed,
/// added and removed. evently accepts exactly what the `time` crate's RFC 3339
/// parser accepts (in the years 0 to 9999 once in UTC), as the same instant.
#[test]
fn mangled_timestamps_are_accepted_exactly_when_the_time_crate_accepts_them() {
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
    const PIECES: &[u8] = b"0123456789-:TtZz+. x";
    let seeds = [
        "2026-01-15T10:00:00Z",
        "2016-12-31T23:59:60Z",
        "2000-02-29T23:59:59.999999999+23:59",
        "0000-01-01T00:00:00.5-00:30",
        "9999-12-31T23:59:59.123456789012Z",
        "1969-12-31 23:59:59.1+01:00",
    ];
    let (mut accepted, mut refused) = (0, 0);
    for _ in 0..60_000 {
        let mut text = seeds[(next() % seeds.len() as u64) as usize].as_bytes().to_vec();
        for _ in 0..1 + next() % 3 {
            let at = (next() % (text.len() as u64 + 1)) as usize;
            let piece = PIECES[(next() % PIECES.len() as u64) as usize];
            match next() % 3 {
                0 if at < text.len() => text[at] = piece,
                1 => text.insert(at, piece),
                _ if at < text.len() => drop(text.remove(at)),
                _ => {}
            }
        }
        let text = String::from_utf8(text).expect("ASCII");
        let reference = time::OffsetDateTime::parse(&text, &Rfc3339)
            .ok()
            .and_then(|at| at.checked_to_offset(time::UtcOffset::UTC))
            .filter(|at| (0..=9999).contains(&at.year()));
        let wire = json!({
            "type": "OrderPlaced",
            "version": 1,
            "timestamp": text,
            "data": {"order_id": 1, "user_id": 2, "total": 3.0},
        });
        let decoded = Envelope::<OrderPlaced>::from_json(wire.to_string().as_bytes());
        match (reference, decoded) {
            (Some(reference), Ok(envelope)) => {
                accepted += 1;
                assert_eq!(
                    envelope.metadata().timestamp(),
                    std::time::SystemTime::from(reference),
                    "{text:?}"
                );
            }
            (None, Err(DecodeError::InvalidField { field: "timestamp", .. })) => refused += 1,
            (reference, decoded) => {
                panic!("{text:?}: the time crate says {reference:?}, evently {decoded:?}")
            }
        }
    }
    assert!(accepted > 1_000 && refused > 1_000, "{accepted} accepted, {refused} refused");
}

/// evently writes and reads RFC 3339 itself; the `time` crate's reading and
/// writing of the same instants is the reference, across the years 0 to 9999,
/// fractions of every length and offsets of every size.
#[test]
fn timestamps_are_written_and_read_as_the_time_crate_writes_and_reads_them() {
    let mut next = xorshift(0x2545_f491_4f6c_dd1d);
    const FIRST: i128 = -62_167_219_200; // 0000-01-01T00:00:00Z
    const SPAN: u64 = 315_537_897_600; // to 10000-01-01T00:00:00Z
    for round in 0..20_000 {
        let seconds = FIRST + i128::from(next() % SPAN);
        // Whole seconds, then milli-, micro- and nanoseconds.
        let nanos = match round % 4 {
            0 => 0,
            1 => next() % 1000 * 1_000_000,
            2 => next() % 1_000_000 * 1000,
            _ => next() % 1_000_000_000,
        };
        let reference = time::OffsetDateTime::from_unix_timestamp_nanos(
            seconds * 1_000_000_000 + i128::from(nanos),
        )
        .expect("in range");
        let at = std::time::SystemTime::from(reference);

        let envelope = Envelope::builder(OrderPlaced { order_id: 1, user_id: 2, total: 3.0 })
            .timestamp(at)
            .build();
        let json: Value =
            serde_json::from_slice(&envelope.to_json().expect("encodes")).expect("json");
        let written = json["timestamp"].as_str().expect("text");
        assert_eq!(written, reference.format(&Rfc3339).expect("formats"), "{reference}");

        // The same instant written by `time` at another offset reads back.
        let minutes = (next() % (2 * 24 * 60 - 1)) as i32 - (24 * 60 - 1);
        let offset = time::UtcOffset::from_whole_seconds(minutes * 60).expect("an offset");
        let Some(shifted) = reference.checked_to_offset(offset) else { continue };
        let Ok(text) = shifted.format(&Rfc3339) else { continue }; // a year past 9999 there
        let wire = json!({
            "type": "OrderPlaced",
            "version": 1,
            "timestamp": text,
            "data": {"order_id": 1, "user_id": 2, "total": 3.0},
        });
        let decoded = Envelope::<OrderPlaced>::from_json(wire.to_string().as_bytes())
            .unwrap_or_else(|error| panic!("{text}: {error}"));
        assert_eq!(decoded.metadata().timestamp(), at, "{text}");
    }
}

#[test]
fn the_encoder_writes_exactly_what_the_envelopes_serialize_impl_does() {
    let with_everything = Envelope::builder(EnvelopeRenamed {
        first_name: "quote \" backslash \\ newline \n é 😀".into(),
        nickname: Some("\u{1}".into()),
    })
    .source("svc")
    .key("k-\"1")
    .correlation_id(evently::Uuid::now_v7())
    .causation_id(evently::Uuid::now_v7())
    .build();
    let plain = Envelope::builder(OrderPlaced { order_id: 42, user_id: 7, total: 99.99 }).build();
    for (encoded, serialized) in [
        (with_everything.to_json(), serde_json::to_vec(&with_everything)),
        (plain.to_json(), serde_json::to_vec(&plain)),
    ] {
        let (encoded, serialized) = (encoded.expect("encodes"), serialized.expect("serializes"));
        assert_eq!(String::from_utf8_lossy(&encoded), String::from_utf8_lossy(&serialized));
    }
}

#[test]
fn an_envelope_survives_the_round_trip_through_json() {
    let envelope = Envelope::builder(EnvelopeRenamed { first_name: "Ada".into(), nickname: None })
        .source("svc")
        .key("k-1")
        .correlation_id(evently::Uuid::now_v7())
        .causation_id(evently::Uuid::now_v7())
        .build();
    let bytes = envelope.to_json().expect("encodes");
    let json: Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(
        json["data"],
        json!({"firstName": "Ada", "nickname": null}),
        "serde attributes apply"
    );
    let decoded = Envelope::<EnvelopeRenamed>::from_json(&bytes).expect("decodes");
    assert_eq!(decoded.metadata(), envelope.metadata());
    assert_eq!(decoded.data().first_name, "Ada");
}

/// Keys from another service, of every size around the 22 bytes an
/// envelope holds in place, multi-byte text and numbers included: each
/// decodes to its exact text and is written back unchanged.
#[test]
fn keys_from_the_wire_keep_their_exact_text_at_every_length() {
    let mut keys: Vec<Value> = (0..=40).map(|n| json!("k".repeat(n))).collect();
    keys.extend(
        ["é".repeat(11), "é".repeat(12), "日本語のキー".into(), "x".repeat(100_000)]
            .map(|key| json!(key)),
    );
    for key in keys.iter().cloned().chain([json!(12345678901234567890_u64), json!(-7)]) {
        let wire = json!({
            "id": "0190d7b2-6c3e-7000-8000-000000000001",
            "type": "OrderPlaced",
            "version": 1,
            "timestamp": "2026-12-01T08:00:00Z",
            "source": "elsewhere",
            "key": key,
            "data": {"order_id": 1, "user_id": 2, "total": 3.0},
        });
        let decoded =
            Envelope::<OrderPlaced>::from_json(wire.to_string().as_bytes()).expect("decodes");
        let text = match &key {
            Value::String(text) => text.clone(),
            number => number.to_string(),
        };
        assert_eq!(decoded.metadata().key(), Some(text.as_str()));
        let again: Value =
            serde_json::from_slice(&decoded.to_json().expect("encodes")).expect("json");
        assert_eq!(again["key"], json!(text), "{} bytes", text.len());
    }
    // A key from the event's own field: its decimal form, kept in place.
    let own = Envelope::builder(OrderPlaced { order_id: u64::MAX, user_id: 0, total: 0.0 }).build();
    assert_eq!(own.metadata().key(), Some("18446744073709551615"));
}

fn decode_error(bytes: &str) -> DecodeError {
    Envelope::<OrderPlaced>::from_json(bytes.as_bytes()).expect_err("malformed input")
}

#[test]
fn malformed_input_gives_a_typed_error_naming_the_fault() {
    assert!(matches!(decode_error("not json"), DecodeError::NotJson(_)));
    assert!(matches!(decode_error("[1, 2]"), DecodeError::NotJson(_)));
    assert!(matches!(
        decode_error(r#"{"version": 1, "data": {}}"#),
        DecodeError::MissingField { field: "type" }
    ));
    assert!(matches!(
        decode_error(r#"{"type": "OrderPlaced", "data": {}}"#),
        DecodeError::MissingField { field: "version" }
    ));
    assert!(matches!(
        decode_error(r#"{"type": "OrderPlaced", "version": 1}"#),
        DecodeError::MissingField { field: "data" }
    ));
    assert!(matches!(
        decode_error(r#"{"type": "OrderPlaced", "version": "one", "data": {}}"#),
        DecodeError::InvalidField { field: "version", .. }
    ));
    assert!(matches!(
        decode_error(r#"{"type": "OrderShipped", "version": 1, "data": {}}"#),
        DecodeError::UnknownType { .. }
    ));
    assert!(matches!(
        decode_error(r#"{"type": "OrderPlaced", "version": 9, "data": {}}"#),
        DecodeError::UnknownVersion { version: 9, .. }
    ));
    let mismatch =
        decode_error(r#"{"type": "OrderPlaced", "version": 1, "data": {"order_id": "x"}}"#);
    assert!(matches!(mismatch, DecodeError::DataMismatch { .. }), "{mismatch}");
    assert!(
        mismatch.to_string().starts_with("data of `OrderPlaced` v1 does not match its type"),
        "{mismatch}"
    );
    assert!(matches!(
        decode_error(
            r#"{"id": "nope", "type": "OrderPlaced", "version": 1, "data": {"order_id": 1, "user_id": 2, "total": 3.0}}"#
        ),
        DecodeError::InvalidField { field: "id", .. }
    ));
    assert!(matches!(
        decode_error(
            r#"{"type": "OrderPlaced", "version": 1, "timestamp": "yesterday", "data": {"order_id": 1, "user_id": 2, "total": 3.0}}"#
        ),
        DecodeError::InvalidField { field: "timestamp", .. }
    ));
}

// ---------------------------------------------------------------- the seed's minimal envelope

static SEED_ORDERS: Mutex<Vec<(u64, String, evently::Uuid)>> = Mutex::new(Vec::new());
static SEED_RUNS: AtomicU32 = AtomicU32::new(0);

#[subscriber(group = "seed-envelope")]
async fn record_seed_order(order: Envelope<OrderPlaced>) -> evently::Result<()> {
    SEED_RUNS.fetch_add(1, Ordering::SeqCst);
    let meta = order.metadata();
    SEED_ORDERS.lock().expect("lock").push((
        order.data().order_id,
        meta.source().to_owned(),
        meta.id(),
    ));
    Ok(())
}

/// The seed's "Event Structure", as another service would send it.
const SEED_MESSAGE: &str = r#"{
    "type": "OrderPlaced",
    "version": 1,
    "timestamp": "2026-01-15T10:00:00Z",
    "source": "order-service",
    "data": { "order_id": 42, "user_id": 7, "total": 99.99 }
}"#;

#[tokio::test]
async fn the_seed_minimal_envelope_is_accepted_and_its_duplicates_are_suppressed() {
    let bus = Bus::builder().group("seed-envelope").start().await.expect("bus starts");
    let first = bus.publish_json(SEED_MESSAGE.as_bytes()).await.expect("accepted");
    // The same message again, spaced differently: the same derived id.
    let compact = serde_json::to_vec(&serde_json::from_str::<Value>(SEED_MESSAGE).expect("json"))
        .expect("json");
    let second = bus.publish_json(&compact).await.expect("accepted");
    assert_eq!(first, second, "the id is derived from the content");
    tokio::time::timeout(Duration::from_secs(10), bus.wait_idle()).await.expect("idle");
    assert_eq!(SEED_RUNS.load(Ordering::SeqCst), 1, "the duplicate did not run the handler");
    let orders = SEED_ORDERS.lock().expect("lock").clone();
    assert_eq!(orders, [(42, "order-service".to_owned(), first)]);

    let unknown = bus
        .publish_json(br#"{"type": "Nope", "version": 1, "data": {}}"#)
        .await
        .expect_err("unknown type");
    assert!(matches!(unknown, PublishError::Decode(DecodeError::UnknownType { .. })), "{unknown}");
    let error = bus
        .publish_json(br#"{"type": "OrderPlaced", "version": 2, "data": {}}"#)
        .await
        .expect_err("unknown version");
    assert_eq!(error.to_string(), "unknown version 2 of event `OrderPlaced` (known versions: 1)");
}

#[test]
fn unix_second_timestamps_from_python_senders_are_accepted() {
    let envelope = Envelope::<OrderPlaced>::from_json(
        br#"{"type": "OrderPlaced", "version": 1, "timestamp": 1768471200.5, "data": {"order_id": 1, "user_id": 2, "total": 3.0}}"#,
    )
    .expect("decodes");
    let since = envelope.metadata().timestamp().duration_since(std::time::UNIX_EPOCH);
    assert_eq!(since.expect("after 1970"), Duration::from_millis(1_768_471_200_500));
}

#[test]
fn the_json_schema_describes_the_data_with_serde_renames() {
    let schema = EnvelopeRenamed::schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(schema["properties"]["firstName"].is_object(), "{schema:#}");
    assert_eq!(schema["required"], json!(["firstName"]));
}

#[test]
fn every_event_is_registered_with_its_name_version_and_schema() {
    let descriptor = evently::registered_events()
        .find(|d| d.name() == "test.envelope.renamed")
        .expect("registered");
    assert_eq!(descriptor.version(), 3);
    assert_eq!(descriptor.topic(), "envelopes");
    assert_eq!(descriptor.fingerprint(), EnvelopeRenamed::FINGERPRINT);
    assert_eq!(descriptor.schema(), EnvelopeRenamed::schema());
    assert!(descriptor.type_name().ends_with("EnvelopeRenamed"));
}

#[test]
fn a_timestamp_out_of_range_in_utc_is_a_decode_error_not_a_panic() {
    // 9999-12-31T23:59:59-01:00 is in year 10000 once converted to UTC.
    for timestamp in ["9999-12-31T23:59:59-01:00", "0000-01-01T00:00:00+01:00"] {
        let error = decode_error(&format!(
            r#"{{"type": "OrderPlaced", "version": 1, "timestamp": "{timestamp}", "data": {{"order_id": 1, "user_id": 2, "total": 3.0}}}}"#
        ));
        assert!(
            matches!(&error, DecodeError::InvalidField { field: "timestamp", .. }),
            "{timestamp}: {error}"
        );
    }
    // Unix seconds far outside what RFC 3339 can write back are refused too.
    let error = decode_error(
        r#"{"type": "OrderPlaced", "version": 1, "timestamp": -99999999999.0, "data": {"order_id": 1, "user_id": 2, "total": 3.0}}"#,
    );
    assert!(matches!(&error, DecodeError::InvalidField { field: "timestamp", .. }), "{error}");
}

#[test]
fn every_timestamp_that_decodes_encodes_again() {
    for timestamp in ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"] {
        let envelope = Envelope::<OrderPlaced>::from_json(
            format!(
                r#"{{"type": "OrderPlaced", "version": 1, "timestamp": "{timestamp}", "data": {{"order_id": 1, "user_id": 2, "total": 3.0}}}}"#
            )
            .as_bytes(),
        )
        .expect("in range");
        envelope.to_json().expect("what decodes, encodes");
    }
}

#[test]
fn the_content_derived_id_covers_key_correlation_and_causation() {
    let id = |extra: &str| {
        let json = format!(
            r#"{{"type": "OrderPlaced", "version": 1, "timestamp": "2026-01-15T10:00:00Z", "source": "s"{extra}, "data": {{"order_id": 1, "user_id": 2, "total": 3.0}}}}"#
        );
        Envelope::<OrderPlaced>::from_json(json.as_bytes()).expect("decodes").metadata().id()
    };
    let plain = id("");
    let keyed = id(r#", "key": "a""#);
    assert_ne!(plain, keyed);
    assert_ne!(keyed, id(r#", "key": "b""#));
    assert_ne!(plain, id(r#", "correlation_id": "019373a4-6b7e-7cc0-8f3a-2f1e4c5d6a7b""#));
    assert_ne!(plain, id(r#", "causation_id": "019373a4-6b7e-7cc0-8f3a-2f1e4c5d6a7b""#));
    assert_eq!(keyed, id(r#",   "key":"a""#), "spacing does not change the id");
}

#[test]
fn deeply_nested_json_is_a_decode_error_not_a_stack_overflow() {
    let depth = 100_000;
    for nested in [
        // In the data.
        format!(
            r#"{{"type": "OrderPlaced", "version": 1, "data": {}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        // In a field evently does not read.
        format!(
            r#"{{"type": "OrderPlaced", "version": 1, "extra": {}{}, "data": {{}}}}"#,
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        ),
    ] {
        let error = Envelope::<OrderPlaced>::from_json(nested.as_bytes()).expect_err("too deep");
        assert!(
            matches!(error, DecodeError::NotJson(_) | DecodeError::DataMismatch { .. }),
            "{error}"
        );
    }
}

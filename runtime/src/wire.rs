//! Reading messages off the wire: the evently envelope, the minimal
//! envelope other services send, and CloudEvents 1.0 in structured and
//! binary mode. The body is parsed once, whatever the format: its fields
//! are borrowed as raw JSON and only the event's `data` is decoded, by the
//! event type's own deserializer.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::SystemTime;

use serde_json::value::RawValue;
use uuid::Uuid;

use crate::Key;
use crate::envelope::{Envelope, Metadata, Text};
use crate::error::DecodeError;
use crate::event::Event;
use crate::timestamp;

/// The namespace of ids derived from the content of envelopes that carry none.
const DERIVED_ID_NAMESPACE: Uuid = Uuid::from_u128(0x6576_656e_746c_7900_8000_6964_0000_0001);

/// The namespace of ids made from CloudEvents ids that are not UUIDs.
const CLOUDEVENTS_ID_NAMESPACE: Uuid = Uuid::from_u128(0x6576_656e_746c_7900_8000_6365_0000_0001);

/// One attribute as it arrived: JSON from a body, or text from a header.
#[derive(Debug, Clone, Copy)]
enum Field<'a> {
    Json(&'a RawValue),
    Text(&'a str),
}

/// The text of a JSON string without escapes, read straight off the raw
/// value: the common case, without setting up a parser for it. `None` for
/// anything else (a string with escapes, a number, an object...).
fn plain_string(raw: &RawValue) -> Option<&str> {
    // The body's one parse checked that the value is one whole JSON value:
    // if it opens with a quote, it is one string, closed by its last byte,
    // and without a backslash its text is what lies between the quotes.
    let inner = raw.get().strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('\\')).then_some(inner)
}

impl<'a> Field<'a> {
    /// The attribute as text: a JSON string, or a header's value.
    fn text(self, field: &'static str) -> Result<Cow<'a, str>, DecodeError> {
        match self {
            Field::Text(text) => Ok(Cow::Borrowed(text)),
            Field::Json(raw) => match plain_string(raw) {
                Some(text) => Ok(Cow::Borrowed(text)),
                None => serde_json::from_str::<Cow<'a, str>>(raw.get())
                    .map_err(|_| invalid(field, format!("expected a string, got {}", raw.get()))),
            },
        }
    }

    /// The attribute as text, accepting a JSON number too (keys, versions).
    fn text_or_number(self, field: &'static str) -> Result<Cow<'a, str>, DecodeError> {
        match self {
            Field::Json(raw) if raw.get().starts_with(|c: char| c == '-' || c.is_ascii_digit()) => {
                match serde_json::from_str::<serde_json::Number>(raw.get()) {
                    Ok(number) => Ok(Cow::Owned(number.to_string())),
                    Err(_) => Err(invalid(field, "expected a string or a number")),
                }
            }
            other => other.text(field),
        }
    }

    /// The text the content-derived id hashes: the canonical form.
    fn canonical(self) -> Result<String, DecodeError> {
        match self {
            Field::Text(text) => Ok(serde_json::Value::String(text.to_owned()).to_string()),
            Field::Json(raw) => serde_json::from_str::<serde_json::Value>(raw.get())
                .map(|value| value.to_string())
                .map_err(DecodeError::NotJson),
        }
    }
}

/// Every field either format may have, borrowed from one parse of the body.
#[derive(serde::Deserialize)]
struct Fields<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "type")]
    event_type: Option<&'a RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    timestamp: Option<&'a RawValue>,
    #[serde(borrow, default)]
    source: Option<&'a RawValue>,
    #[serde(borrow, default)]
    key: Option<&'a RawValue>,
    #[serde(borrow, default)]
    correlation_id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    causation_id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    // CloudEvents attributes and evently's extensions.
    #[serde(borrow, default)]
    specversion: Option<&'a RawValue>,
    #[serde(borrow, default)]
    time: Option<&'a RawValue>,
    #[serde(borrow, default)]
    datacontenttype: Option<&'a RawValue>,
    #[serde(borrow, default)]
    eventversion: Option<&'a RawValue>,
    #[serde(borrow, default)]
    partitionkey: Option<&'a RawValue>,
    #[serde(borrow, default)]
    correlationid: Option<&'a RawValue>,
    #[serde(borrow, default)]
    causationid: Option<&'a RawValue>,
}

/// The format a message arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Evently,
    CloudEvents,
}

/// A message read off the wire, its data not yet decoded.
#[derive(Debug)]
pub(crate) struct Wire<'a> {
    format: Format,
    event_type: Cow<'a, str>,
    version: u32,
    id: Option<Field<'a>>,
    timestamp: Option<Field<'a>>,
    source: Option<Field<'a>>,
    key: Option<Field<'a>>,
    correlation_id: Option<Field<'a>>,
    causation_id: Option<Field<'a>>,
    data: &'a RawValue,
}

fn invalid(field: &'static str, reason: impl std::fmt::Display) -> DecodeError {
    DecodeError::InvalidField { field, reason: reason.to_string() }
}

/// A required field is absent. Built only then: `ok_or` would build and
/// drop one for every message that decodes.
fn missing(field: &'static str) -> DecodeError {
    DecodeError::MissingField { field }
}

/// A JSON `null` counts as absent.
fn present(raw: Option<&RawValue>) -> Option<Field<'_>> {
    raw.filter(|value| value.get() != "null").map(Field::Json)
}

/// Reads a message: a CloudEvent in binary mode when the headers carry
/// `<prefix>specversion`, else one JSON object (a CloudEvent in structured
/// mode when it has `specversion`, else an evently or minimal envelope).
pub(crate) fn read<'a>(
    payload: &'a [u8],
    headers: &'a [(String, String)],
    prefix: &str,
) -> Result<Wire<'a>, DecodeError> {
    // The AMQP binding allows two prefixes; receivers accept both.
    let prefixes: &[&str] = if prefix.starts_with("cloudEvents") {
        &["cloudEvents_", "cloudEvents:"]
    } else {
        std::slice::from_ref(&prefix)
    };
    let named = |full: &str| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(full))
            .map(|(_, value)| Field::Text(value.as_str()))
    };
    let header = |name: &str| {
        prefixes.iter().find_map(|prefix| {
            headers
                .iter()
                .find(|(key, _)| {
                    // Bytes, not `str` slices: a header name is any text,
                    // and the prefix's length need not fall on a character.
                    let key = key.as_bytes();
                    key.len() == prefix.len() + name.len()
                        && key[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
                        && key[prefix.len()..].eq_ignore_ascii_case(name.as_bytes())
                })
                .map(|(_, value)| Field::Text(value.as_str()))
        })
    };
    if let Some(specversion) = header("specversion") {
        // The data's media type travels as the message's content type.
        let datacontenttype =
            header("datacontenttype").or_else(|| named(crate::transport::CONTENT_TYPE));
        if let Some(content_type) = datacontenttype {
            check_json(content_type)?;
        }
        let data: &RawValue = serde_json::from_slice(payload).map_err(DecodeError::NotJson)?;
        return cloudevent(CloudEventFields {
            specversion,
            id: header("id"),
            event_type: header("type"),
            source: header("source"),
            time: header("time"),
            datacontenttype,
            eventversion: header("eventversion"),
            partitionkey: header("partitionkey"),
            correlationid: header("correlationid"),
            causationid: header("causationid"),
            data: Some(data),
        });
    }
    read_json(payload)
}

/// Reads one JSON object: an evently, minimal or structured CloudEvents envelope.
pub(crate) fn read_json(payload: &[u8]) -> Result<Wire<'_>, DecodeError> {
    // Derived struct deserializers also accept arrays; an envelope is an object.
    if payload.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        let reason = <serde_json::Error as serde::de::Error>::custom("expected a JSON object");
        return Err(DecodeError::NotJson(reason));
    }
    // JSON is UTF-8 throughout; the parser would skip a field this does not
    // read without checking its strings.
    let text = std::str::from_utf8(payload).map_err(|error| {
        let reason = format!("not UTF-8: {error}");
        DecodeError::NotJson(<serde_json::Error as serde::de::Error>::custom(reason))
    })?;
    let fields: Fields<'_> = serde_json::from_str(text).map_err(DecodeError::NotJson)?;
    if let Some(specversion) = present(fields.specversion) {
        return cloudevent(CloudEventFields {
            specversion,
            id: present(fields.id),
            event_type: present(fields.event_type),
            source: present(fields.source),
            time: present(fields.time),
            datacontenttype: present(fields.datacontenttype),
            eventversion: present(fields.eventversion),
            partitionkey: present(fields.partitionkey),
            correlationid: present(fields.correlationid),
            causationid: present(fields.causationid),
            data: fields.data,
        });
    }
    let event_type = present(fields.event_type).ok_or_else(|| missing("type"))?;
    let event_type = match event_type {
        Field::Json(raw) => plain_string(raw)
            .map(Cow::Borrowed)
            .ok_or_else(|| invalid("type", "expected a string without escapes"))?,
        Field::Text(text) => Cow::Borrowed(text),
    };
    let version = present(fields.version).ok_or_else(|| missing("version"))?;
    let Field::Json(version) = version else { unreachable!("a body field is JSON") };
    // The body's parse checked that this is one JSON value: what `str::parse`
    // reads as a `u32` is then exactly a JSON integer in range (its one
    // extra, a leading `+`, is not JSON).
    let version: u32 = version.get().parse().map_err(|_| {
        invalid("version", format!("expected a positive integer, got {}", version.get()))
    })?;
    if version == 0 {
        return Err(invalid("version", "versions start at 1"));
    }
    let data = fields.data.ok_or_else(|| missing("data"))?;
    Ok(Wire {
        format: Format::Evently,
        event_type,
        version,
        id: present(fields.id),
        timestamp: present(fields.timestamp),
        source: present(fields.source),
        key: present(fields.key),
        correlation_id: present(fields.correlation_id),
        causation_id: present(fields.causation_id),
        data,
    })
}

struct CloudEventFields<'a> {
    specversion: Field<'a>,
    id: Option<Field<'a>>,
    event_type: Option<Field<'a>>,
    source: Option<Field<'a>>,
    time: Option<Field<'a>>,
    datacontenttype: Option<Field<'a>>,
    eventversion: Option<Field<'a>>,
    partitionkey: Option<Field<'a>>,
    correlationid: Option<Field<'a>>,
    causationid: Option<Field<'a>>,
    data: Option<&'a RawValue>,
}

/// Maps CloudEvents attributes onto the envelope: `time` is the timestamp,
/// and the extensions `eventversion` (1 if absent), `partitionkey`,
/// `correlationid` and `causationid` carry the rest.
fn cloudevent(fields: CloudEventFields<'_>) -> Result<Wire<'_>, DecodeError> {
    let specversion = fields.specversion.text("specversion")?;
    if specversion != "1.0" {
        return Err(invalid(
            "specversion",
            format!("`{specversion}` is not a CloudEvents version this reads (1.0)"),
        ));
    }
    if let Some(content_type) = fields.datacontenttype {
        check_json(content_type)?;
    }
    let id = fields.id.ok_or_else(|| missing("id"))?;
    let source = fields.source.ok_or_else(|| missing("source"))?;
    let event_type = fields.event_type.ok_or_else(|| missing("type"))?.text("type")?;
    let version = match fields.eventversion {
        None => 1,
        Some(version) => {
            let text = version.text_or_number("eventversion")?;
            match text.parse::<u32>() {
                Ok(version) if version > 0 => version,
                _ => {
                    return Err(invalid(
                        "eventversion",
                        format!("expected a positive integer, got `{text}`"),
                    ));
                }
            }
        }
    };
    let data = fields.data.ok_or_else(|| missing("data"))?;
    Ok(Wire {
        format: Format::CloudEvents,
        event_type,
        version,
        id: Some(id),
        timestamp: fields.time,
        source: Some(source),
        key: fields.partitionkey,
        correlation_id: fields.correlationid,
        causation_id: fields.causationid,
        data,
    })
}

/// The data must be JSON: `application/json` or a `+json` type.
fn check_json(content_type: Field<'_>) -> Result<(), DecodeError> {
    let content_type = content_type.text("datacontenttype")?;
    let media = content_type.split(';').next().unwrap_or_default().trim();
    if media.eq_ignore_ascii_case("application/json") || media.ends_with("+json") {
        Ok(())
    } else {
        Err(invalid("datacontenttype", format!("`{content_type}` is not JSON")))
    }
}

impl<'a> Wire<'a> {
    /// The event name.
    pub(crate) fn event_type(&self) -> &str {
        &self.event_type
    }

    /// The event version.
    pub(crate) fn version(&self) -> u32 {
        self.version
    }

    /// The event's data, undecoded.
    pub(crate) fn data(&self) -> &'a RawValue {
        self.data
    }

    /// The metadata, for an event whose registered name is `event_type`.
    pub(crate) fn metadata(&self, event_type: &'static str) -> Result<Metadata, DecodeError> {
        let uuid =
            |field: &'static str, value: Option<Field<'_>>| -> Result<Option<Uuid>, DecodeError> {
                value
                    .map(|value| {
                        let text = value.text(field)?;
                        Uuid::parse_str(&text).map_err(|error| invalid(field, error))
                    })
                    .transpose()
            };
        let timestamp = match self.timestamp {
            None => SystemTime::now(),
            Some(field) => parse_timestamp(field)?,
        };
        let source = match self.source {
            None => Text::Static(""),
            Some(field) => Text::Shared(Arc::from(&*field.text("source")?)),
        };
        let key = match self.key {
            None => None,
            Some(field) => Some(Key::from(&*field.text_or_number("key")?)),
        };
        let id = match (self.format, self.id) {
            (Format::CloudEvents, Some(id)) => {
                let text = id.text("id")?;
                Uuid::parse_str(&text)
                    .unwrap_or_else(|_| Uuid::new_v5(&CLOUDEVENTS_ID_NAMESPACE, text.as_bytes()))
            }
            (_, Some(_)) => uuid("id", self.id)?.unwrap_or_default(),
            (_, None) => self.derived_id()?,
        };
        Ok(Metadata {
            id,
            event_type,
            version: self.version,
            timestamp,
            source,
            key,
            correlation_id: uuid("correlation_id", self.correlation_id)?,
            causation_id: uuid("causation_id", self.causation_id)?,
        })
    }

    /// A deterministic id for an envelope that carries none: a UUIDv5 of
    /// everything that makes the message distinct (type, version, source,
    /// timestamp, key, correlation and causation ids, and data) in canonical
    /// JSON, so two copies of one message get one id however their JSON was
    /// spaced, and two different messages get two.
    fn derived_id(&self) -> Result<Uuid, DecodeError> {
        let canonical = |field: Option<Field<'_>>| -> Result<String, DecodeError> {
            field.map_or(Ok(String::new()), Field::canonical)
        };
        let content = format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            self.event_type,
            self.version,
            canonical(self.source)?,
            canonical(self.timestamp)?,
            canonical(self.key)?,
            canonical(self.correlation_id)?,
            canonical(self.causation_id)?,
            Field::Json(self.data).canonical()?,
        );
        Ok(Uuid::new_v5(&DERIVED_ID_NAMESPACE, content.as_bytes()))
    }
}

/// Accepts RFC 3339 text or a Unix time in seconds (integer or fractional),
/// which is what `time.time()` senders emit; the time must fall in the years
/// 0 to 9999 once in UTC (what RFC 3339 can write: what decodes can be
/// encoded again).
fn parse_timestamp(field: Field<'_>) -> Result<SystemTime, DecodeError> {
    let parsed = match field {
        Field::Json(raw) if !raw.get().starts_with('"') => {
            let seconds: f64 = serde_json::from_str(raw.get())
                .map_err(|_| invalid("timestamp", "expected RFC 3339 text or Unix seconds"))?;
            if !seconds.is_finite() {
                return Err(invalid("timestamp", "expected a finite number of seconds"));
            }
            timestamp::from_unix_nanos((seconds * 1e9) as i128)
                .ok_or_else(|| invalid("timestamp", "out of range"))?
        }
        field => {
            let text = field.text("timestamp")?;
            timestamp::parse(&text)
                .map_err(|error| invalid("timestamp", format!("expected RFC 3339 ({error})")))?
        }
    };
    match timestamp::year(parsed) {
        Some(year) if timestamp::YEARS.contains(&year) => Ok(parsed),
        Some(year) => Err(invalid("timestamp", format!("year {year} is outside 0 to 9999 (UTC)"))),
        None => Err(invalid("timestamp", "out of range")),
    }
}

impl<E: Event> Envelope<E> {
    /// Decodes a wire envelope of this event type (an evently, minimal or
    /// structured CloudEvents envelope).
    ///
    /// Fails with a [`DecodeError`] naming what is wrong: not JSON, a field
    /// missing, a different event type or version, or data that does not match.
    pub fn from_json(bytes: &[u8]) -> Result<Self, DecodeError> {
        let wire = read_json(bytes)?;
        if wire.event_type != E::NAME {
            return Err(DecodeError::UnknownType { event_type: wire.event_type.into_owned() });
        }
        if wire.version != E::VERSION {
            return Err(DecodeError::UnknownVersion {
                event_type: E::NAME.to_owned(),
                version: wire.version,
                known: E::VERSION.to_string(),
            });
        }
        let meta = wire.metadata(E::NAME)?;
        let data =
            serde_json::from_str(wire.data.get()).map_err(|source| DecodeError::DataMismatch {
                event_type: E::NAME.to_owned(),
                version: E::VERSION,
                source,
            })?;
        Ok(Envelope::from_parts(meta, data))
    }
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn a_header_name_with_a_character_across_the_prefix_length_is_not_an_attribute() {
        let headers = [("ce\u{e9}pecversion".to_owned(), "1.0".to_owned())];
        let read = read(br#"{"type":"a","version":1,"data":{}}"#, &headers, "ce_");
        assert_eq!(read.map(|wire| wire.event_type().to_owned()).ok().as_deref(), Some("a"));
    }

    #[test]
    fn a_float_read_off_the_wire_is_the_one_sent() {
        let sent = 1.111_111_111_111_111e38_f64;
        let text = serde_json::to_string(&sent).expect("serializes");
        assert_eq!(serde_json::from_str::<f64>(&text).expect("parses"), sent, "{text}");
    }

    /// What a field reads as, or the decode error's text.
    fn source_of(source: &str) -> Result<String, String> {
        let payload = format!(r#"{{"type":"a","version":1,"source":{source},"data":{{}}}}"#);
        let wire = read(payload.as_bytes(), &[], "ce_").map_err(|error| error.to_string())?;
        let metadata = wire.metadata("a").map_err(|error| error.to_string())?;
        Ok(metadata.source().to_owned())
    }

    #[test]
    fn strings_read_off_the_raw_text_match_what_the_parser_reads() {
        assert_eq!(source_of(r#""billing""#), Ok("billing".to_owned()));
        assert_eq!(source_of(r#""""#), Ok(String::new()));
        // Escapes take the parser's way, and come out unescaped.
        assert_eq!(source_of(r#""a\"b\\c\u00e9\n""#), Ok("a\"b\\c\u{e9}\n".to_owned()));
        assert_eq!(source_of(r#""\\""#), Ok("\\".to_owned()));
        assert_eq!(source_of(r#""é ü""#), Ok("é ü".to_owned()));
        for not_text in ["1", "true", "{}", r#"["a"]"#] {
            let error = source_of(not_text).expect_err(not_text);
            assert!(error.contains("expected a string"), "{not_text}: {error}");
        }
        // A raw control character inside a string is not JSON.
        assert!(source_of("\"a\tb\"").is_err());
    }

    /// Random JSON string tokens, escaped or written out, read through
    /// `Field::text` and through the parser alone: the same text, or both
    /// refuse it.
    #[test]
    fn field_text_reads_every_string_token_as_the_parser_does() {
        use serde_json::value::RawValue;
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let pieces = [
            "a",
            "\"",
            "\\",
            "\\\\",
            "\\\"",
            "\\n",
            "\\u00e9",
            "\\ud83d\\ude00",
            "é",
            "😀",
            "\t",
            " ",
            "/",
            "\\/",
        ];
        for _ in 0..20_000 {
            let length = next() % 8;
            let body: String =
                (0..length).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
            let token = format!("\"{body}\"");
            let Ok(raw) = serde_json::from_str::<&RawValue>(&token) else {
                // Not JSON (a lone quote or backslash, a raw tab): the
                // body's parse refuses it before any field is read.
                continue;
            };
            // The raw pass lets a lone surrogate escape through; reading
            // the text refuses it, both ways.
            let by_parser = serde_json::from_str::<String>(raw.get()).ok();
            let read = super::Field::Json(raw).text("source").ok().map(|text| text.into_owned());
            assert_eq!(read, by_parser, "{token}");
        }
    }

    #[test]
    fn the_type_must_be_a_string_without_escapes() {
        let type_of = |event_type: &str| {
            let payload = format!(r#"{{"type":{event_type},"version":1,"data":{{}}}}"#);
            read(payload.as_bytes(), &[], "ce_").map(|wire| wire.event_type().to_owned())
        };
        assert_eq!(type_of(r#""order.placed""#).ok().as_deref(), Some("order.placed"));
        for refused in [r#""order\u002eplaced""#, r#""a\\b""#, "7", "null"] {
            assert!(type_of(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_version_is_a_json_integer_from_1_to_the_largest_u32() {
        let version_of = |version: &str| {
            let payload = format!(r#"{{"type":"a","version":{version},"data":{{}}}}"#);
            read(payload.as_bytes(), &[], "ce_").map(|wire| wire.version())
        };
        assert_eq!(version_of("1").ok(), Some(1));
        assert_eq!(version_of("4294967295").ok(), Some(u32::MAX));
        for refused in ["0", "4294967296", "-1", "1.0", "1e0", r#""1""#, "01", "+1", "true", "[1]"]
        {
            assert!(version_of(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn invalid_utf8_in_a_field_the_envelope_does_not_read_is_not_json() {
        let payload = b"{\"type\":\"a\",\"version\":1,\"data\":{},\"other\":\"\xff\"}";
        assert!(matches!(read(payload, &[], "ce_"), Err(crate::DecodeError::NotJson(_))));
    }
}

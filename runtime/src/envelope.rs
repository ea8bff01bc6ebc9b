//! The envelope every event travels in.
//!
//! On the wire an envelope is a JSON object:
//!
//! ```json
//! {
//!   "id": "019373a4-6b7e-7cc0-8f3a-2f1e4c5d6a7b",
//!   "type": "user.created",
//!   "version": 1,
//!   "timestamp": "2026-01-15T10:00:00.123456Z",
//!   "source": "user-service",
//!   "key": "42",
//!   "correlation_id": "019373a4-6b7e-7cc0-8f3a-2f1e4c5d6a7b",
//!   "causation_id": "019373a4-6b7e-7cc0-8f3a-2f1e4c5d6a7b",
//!   "data": { "id": 42, "email": "a@example.com" }
//! }
//! ```
//!
//! `key`, `correlation_id` and `causation_id` are omitted when absent. Decoding
//! also accepts the minimal envelope other services send (`type`, `version`,
//! `data`, usually `timestamp` and `source`, and no `id`): its id is then
//! derived from the content, so two copies of one message still deduplicate.

use std::any::Any;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;
use std::time::SystemTime;

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::value::RawValue;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::error::DecodeError;
use crate::event::Event;

/// The namespace of ids derived from the content of envelopes that carry none.
const DERIVED_ID_NAMESPACE: Uuid = Uuid::from_u128(0x6576_656e_746c_7900_8000_6964_0000_0001);

/// Text that is static (a name the program knows, like the bus's source) or
/// shared. Static text costs nothing to copy; sharing one `Arc` across the
/// publishing and the handling thread would bounce its reference count
/// between them on every event.
#[derive(Debug, Clone)]
pub(crate) enum Text {
    Static(&'static str),
    Shared(Arc<str>),
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Static(text) => text,
            Text::Shared(text) => text,
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// Leaks each distinct name once, so it can be shared as `&'static str`.
/// Only for names the program configures (bus sources), never for input.
pub(crate) fn intern(name: &str) -> &'static str {
    static NAMES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(known) = names.iter().find(|known| **known == name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.push(leaked);
    leaked
}

/// The metadata of an envelope: everything but the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub(crate) id: Uuid,
    pub(crate) event_type: &'static str,
    pub(crate) version: u32,
    /// Kept as the clock reading; converted to a calendar time only when asked.
    pub(crate) timestamp: SystemTime,
    pub(crate) source: Text,
    pub(crate) key: Option<Arc<str>>,
    pub(crate) correlation_id: Option<Uuid>,
    pub(crate) causation_id: Option<Uuid>,
}

impl Metadata {
    /// The unique id of this event (UUIDv7 when evently created it).
    pub fn id(&self) -> Uuid {
        self.id
    }
    /// The event name, the envelope's `type`.
    pub fn event_type(&self) -> &'static str {
        self.event_type
    }
    /// The schema version of the data.
    pub fn version(&self) -> u32 {
        self.version
    }
    /// When the event happened (UTC).
    pub fn timestamp(&self) -> OffsetDateTime {
        OffsetDateTime::from(self.timestamp)
    }
    /// The service that emitted the event.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The ordering key, if the event has one.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }
    /// The id of the first event of the chain this event belongs to.
    pub fn correlation_id(&self) -> Option<Uuid> {
        self.correlation_id
    }
    /// The id of the event whose handling published this one.
    pub fn causation_id(&self) -> Option<Uuid> {
        self.causation_id
    }
}

/// An event with its metadata.
///
/// Cloning is cheap (the envelope is shared, never copied), and it dereferences
/// to the event: events are immutable, so a handler sees `&E` only.
pub struct Envelope<E> {
    inner: Arc<Inner<E>>,
}

struct Inner<E> {
    meta: Metadata,
    data: E,
}

impl<E> Clone for Envelope<E> {
    fn clone(&self) -> Self {
        Self { inner: Arc::clone(&self.inner) }
    }
}

impl<E> Deref for Envelope<E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.inner.data
    }
}

impl<E: fmt::Debug> fmt::Debug for Envelope<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Envelope")
            .field("metadata", &self.inner.meta)
            .field("data", &self.inner.data)
            .finish()
    }
}

impl<E> Envelope<E> {
    /// The event.
    pub fn data(&self) -> &E {
        &self.inner.data
    }
    /// All metadata at once.
    pub fn metadata(&self) -> &Metadata {
        &self.inner.meta
    }
    /// The unique id of this event.
    pub fn id(&self) -> Uuid {
        self.inner.meta.id
    }
    /// The event name, the envelope's `type`.
    pub fn event_type(&self) -> &'static str {
        self.inner.meta.event_type
    }
    /// The schema version of the data.
    pub fn version(&self) -> u32 {
        self.inner.meta.version
    }
    /// When the event happened (UTC).
    pub fn timestamp(&self) -> OffsetDateTime {
        OffsetDateTime::from(self.inner.meta.timestamp)
    }
    /// The service that emitted the event.
    pub fn source(&self) -> &str {
        &self.inner.meta.source
    }
    /// The ordering key.
    pub fn key(&self) -> Option<&str> {
        self.inner.meta.key.as_deref()
    }
    /// The id of the first event of this chain.
    pub fn correlation_id(&self) -> Option<Uuid> {
        self.inner.meta.correlation_id
    }
    /// The id of the event whose handling published this one.
    pub fn causation_id(&self) -> Option<Uuid> {
        self.inner.meta.causation_id
    }
}

impl<E: Event> Envelope<E> {
    /// A new envelope with a fresh UUIDv7 id, the current time, an empty
    /// source and the event's own key.
    pub fn new(data: E) -> Self {
        Self::builder(data).build()
    }

    /// Starts an envelope whose metadata can be set before it is sealed.
    pub fn builder(data: E) -> EnvelopeBuilder<E> {
        let (id, timestamp) = crate::id::now_v7();
        EnvelopeBuilder {
            id,
            timestamp,
            source: None,
            key: data.key().map(Arc::from),
            correlation_id: None,
            causation_id: None,
            data,
        }
    }

    /// The envelope as wire JSON.
    pub fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(self)
    }

    /// Decodes a wire envelope of this event type.
    ///
    /// Fails with a [`DecodeError`] naming what is wrong: not JSON, a field
    /// missing, a different event type or version, or data that does not match.
    pub fn from_json(bytes: &[u8]) -> Result<Self, DecodeError> {
        let wire = WireEnvelope::parse(bytes)?;
        if wire.event_type != E::NAME {
            return Err(DecodeError::UnknownType { event_type: wire.event_type.to_owned() });
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
        Ok(Self { inner: Arc::new(Inner { meta, data }) })
    }

    pub(crate) fn into_erased(self) -> ErasedEnvelope {
        self.inner
    }
}

impl<E: Send + Sync + 'static> Envelope<E> {
    pub(crate) fn from_erased(erased: ErasedEnvelope) -> Option<Self> {
        let any: Arc<dyn Any + Send + Sync> = erased;
        any.downcast::<Inner<E>>().ok().map(|inner| Self { inner })
    }
}

impl<E: Event> Serialize for Envelope<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_envelope(&self.inner.meta, &self.inner.data, serializer)
    }
}

fn serialize_envelope<S: Serializer, D: Serialize + ?Sized>(
    meta: &Metadata,
    data: &D,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let fields = 6
        + usize::from(meta.key.is_some())
        + usize::from(meta.correlation_id.is_some())
        + usize::from(meta.causation_id.is_some());
    let mut s = serializer.serialize_struct("Envelope", fields)?;
    s.serialize_field("id", &meta.id)?;
    s.serialize_field("type", meta.event_type)?;
    s.serialize_field("version", &meta.version)?;
    let timestamp =
        OffsetDateTime::from(meta.timestamp).format(&Rfc3339).map_err(serde::ser::Error::custom)?;
    s.serialize_field("timestamp", &timestamp)?;
    s.serialize_field("source", &*meta.source)?;
    if let Some(key) = &meta.key {
        s.serialize_field("key", &**key)?;
    }
    if let Some(id) = &meta.correlation_id {
        s.serialize_field("correlation_id", id)?;
    }
    if let Some(id) = &meta.causation_id {
        s.serialize_field("causation_id", id)?;
    }
    s.serialize_field("data", data)?;
    s.end()
}

/// Sets an envelope's metadata before it is sealed; from [`Envelope::builder`].
#[derive(Debug)]
pub struct EnvelopeBuilder<E> {
    id: Uuid,
    timestamp: SystemTime,
    source: Option<Text>,
    key: Option<Arc<str>>,
    correlation_id: Option<Uuid>,
    causation_id: Option<Uuid>,
    data: E,
}

impl<E: Event> EnvelopeBuilder<E> {
    /// The id (default: a fresh UUIDv7).
    pub fn id(mut self, id: Uuid) -> Self {
        self.id = id;
        self
    }
    /// When the event happened (default: now); stored in UTC.
    pub fn timestamp(mut self, timestamp: OffsetDateTime) -> Self {
        self.timestamp = SystemTime::from(timestamp);
        self
    }
    /// The emitting service (default: empty, or the bus's source when the bus
    /// builds the envelope).
    pub fn source(mut self, source: impl Into<Arc<str>>) -> Self {
        self.source = Some(Text::Shared(source.into()));
        self
    }

    pub(crate) fn static_source(mut self, source: &'static str) -> Self {
        self.source = Some(Text::Static(source));
        self
    }
    /// The ordering key (default: the `key` field of the `#[event]`).
    pub fn key(mut self, key: impl Into<Arc<str>>) -> Self {
        self.key = Some(key.into());
        self
    }
    /// The id of the first event of the chain.
    pub fn correlation_id(mut self, id: Uuid) -> Self {
        self.correlation_id = Some(id);
        self
    }
    /// The id of the event whose handling caused this one.
    pub fn causation_id(mut self, id: Uuid) -> Self {
        self.causation_id = Some(id);
        self
    }
    /// Seals the envelope.
    pub fn build(self) -> Envelope<E> {
        let meta = Metadata {
            id: self.id,
            event_type: E::NAME,
            version: E::VERSION,
            timestamp: self.timestamp,
            source: self.source.unwrap_or(Text::Static("")),
            key: self.key,
            correlation_id: self.correlation_id,
            causation_id: self.causation_id,
        };
        Envelope { inner: Arc::new(Inner { meta, data: self.data }) }
    }
}

/// An envelope whose event type is known only at run time.
pub trait AnyEnvelope: Any + Send + Sync + fmt::Debug {
    /// The metadata.
    fn metadata(&self) -> &Metadata;
    /// The envelope as wire JSON.
    fn to_json(&self) -> Result<Vec<u8>, serde_json::Error>;
    /// The event's data alone, as JSON.
    fn data_json(&self) -> Result<serde_json::Value, serde_json::Error>;
}

/// A shared, type-erased envelope.
pub type ErasedEnvelope = Arc<dyn AnyEnvelope>;

impl<E: Event> AnyEnvelope for Inner<E> {
    fn metadata(&self) -> &Metadata {
        &self.meta
    }
    fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::with_capacity(256);
        serialize_envelope(&self.meta, &self.data, &mut serde_json::Serializer::new(&mut out))?;
        Ok(out)
    }
    fn data_json(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::to_value(&self.data)
    }
}

impl<E> fmt::Debug for Inner<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Envelope").field("metadata", &self.meta).finish_non_exhaustive()
    }
}

/// The data of an erased envelope, if it holds an `E`.
pub(crate) fn data_of<E: Send + Sync + 'static>(envelope: &dyn AnyEnvelope) -> Option<&E> {
    let any: &dyn Any = envelope;
    any.downcast_ref::<Inner<E>>().map(|inner| &inner.data)
}

/// Upcasts an envelope of `From` into one of `To`: the same metadata with
/// `To`'s version, and the data converted by `To: From<From>`. The old data is
/// copied through its JSON form (the handler's copy is shared), which is
/// lossless because that form is how it travels.
pub fn upcast<Old: Event, New: Event + From<Old>>(
    envelope: &dyn AnyEnvelope,
) -> Result<ErasedEnvelope, String> {
    let old = data_of::<Old>(envelope)
        .ok_or_else(|| format!("expected `{}` v{} to upcast", Old::NAME, Old::VERSION))?;
    let copy: Old =
        serde_json::to_value(old).and_then(serde_json::from_value).map_err(|error| {
            format!("cannot copy `{}` v{} to upcast it: {error}", Old::NAME, Old::VERSION)
        })?;
    let meta =
        Metadata { version: New::VERSION, event_type: New::NAME, ..envelope.metadata().clone() };
    Ok(Arc::new(Inner { meta, data: New::from(copy) }))
}

/// The data of an erased envelope holding an `E`, taken out (cloned through
/// JSON if the envelope is shared).
pub(crate) fn into_data<E: Event>(envelope: ErasedEnvelope) -> Result<E, String> {
    let any: Arc<dyn Any + Send + Sync> = envelope;
    let inner = any
        .downcast::<Inner<E>>()
        .map_err(|_| format!("expected `{}` v{}", E::NAME, E::VERSION))?;
    match Arc::try_unwrap(inner) {
        Ok(inner) => Ok(inner.data),
        Err(shared) => serde_json::to_value(&shared.data)
            .and_then(serde_json::from_value)
            .map_err(|error| error.to_string()),
    }
}

/// Decodes the data of an envelope whose metadata was read already; the
/// `decode` entry of every `#[event]`'s registration.
pub fn decode_erased<E: Event>(
    meta: Metadata,
    data: &RawValue,
) -> Result<ErasedEnvelope, serde_json::Error> {
    let data: E = serde_json::from_str(data.get())?;
    Ok(Arc::new(Inner { meta, data }))
}

/// An envelope read off the wire, its data not yet decoded.
pub(crate) struct WireEnvelope<'a> {
    pub(crate) event_type: &'a str,
    pub(crate) version: u32,
    id: Option<&'a RawValue>,
    timestamp: Option<&'a RawValue>,
    source: Option<&'a RawValue>,
    key: Option<&'a RawValue>,
    correlation_id: Option<&'a RawValue>,
    causation_id: Option<&'a RawValue>,
    pub(crate) data: &'a RawValue,
}

#[derive(serde::Deserialize)]
struct WireFields<'a> {
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
}

fn present(raw: Option<&RawValue>) -> Option<&RawValue> {
    raw.filter(|value| value.get() != "null")
}

fn invalid(field: &'static str, reason: impl fmt::Display) -> DecodeError {
    DecodeError::InvalidField { field, reason: reason.to_string() }
}

impl<'a> WireEnvelope<'a> {
    /// Reads the envelope's fields; `type`, `version` and `data` are required.
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        // Derived struct deserializers also accept arrays; an envelope is an object.
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            let reason = <serde_json::Error as serde::de::Error>::custom("expected a JSON object");
            return Err(DecodeError::NotJson(reason));
        }
        let fields: WireFields<'a> = serde_json::from_slice(bytes).map_err(DecodeError::NotJson)?;
        let event_type =
            present(fields.event_type).ok_or(DecodeError::MissingField { field: "type" })?;
        let event_type: &'a str = serde_json::from_str(event_type.get())
            .map_err(|_| invalid("type", "expected a string without escapes"))?;
        let version =
            present(fields.version).ok_or(DecodeError::MissingField { field: "version" })?;
        let version: u32 = serde_json::from_str(version.get()).map_err(|_| {
            invalid("version", format!("expected a positive integer, got {}", version.get()))
        })?;
        if version == 0 {
            return Err(invalid("version", "versions start at 1"));
        }
        let data = fields.data.ok_or(DecodeError::MissingField { field: "data" })?;
        Ok(Self {
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

    /// The metadata, for an event whose registered name is `event_type`.
    pub(crate) fn metadata(&self, event_type: &'static str) -> Result<Metadata, DecodeError> {
        let uuid = |field: &'static str,
                    raw: Option<&RawValue>|
         -> Result<Option<Uuid>, DecodeError> {
            raw.map(|raw| serde_json::from_str::<Uuid>(raw.get()).map_err(|e| invalid(field, e)))
                .transpose()
        };
        let timestamp = match self.timestamp {
            None => SystemTime::now(),
            Some(raw) => SystemTime::from(parse_timestamp(raw)?),
        };
        let source = match self.source {
            None => Text::Static(""),
            Some(raw) => serde_json::from_str::<String>(raw.get())
                .map_err(|_| invalid("source", "expected a string"))
                .map(|text| Text::Shared(text.into()))?,
        };
        let key = match self.key {
            None => None,
            Some(raw) => Some(Arc::from(key_text(raw)?)),
        };
        let id = match uuid("id", self.id)? {
            Some(id) => id,
            None => self.derived_id()?,
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

    /// A deterministic id for an envelope that carries none: a UUIDv5 of its
    /// type, version, source, timestamp and data in canonical JSON, so two
    /// copies of one message get one id however their JSON was spaced.
    fn derived_id(&self) -> Result<Uuid, DecodeError> {
        let canonical = |raw: Option<&RawValue>| -> Result<String, DecodeError> {
            match raw {
                None => Ok(String::new()),
                Some(raw) => serde_json::from_str::<serde_json::Value>(raw.get())
                    .map(|value| value.to_string())
                    .map_err(DecodeError::NotJson),
            }
        };
        let content = format!(
            "{}\n{}\n{}\n{}\n{}",
            self.event_type,
            self.version,
            canonical(self.source)?,
            canonical(self.timestamp)?,
            canonical(Some(self.data))?,
        );
        Ok(Uuid::new_v5(&DERIVED_ID_NAMESPACE, content.as_bytes()))
    }
}

/// Accepts RFC 3339 text or a Unix time in seconds (integer or fractional),
/// which is what `time.time()` senders emit.
fn parse_timestamp(raw: &RawValue) -> Result<OffsetDateTime, DecodeError> {
    let text = raw.get();
    if text.starts_with('"') {
        let text: String = serde_json::from_str(text).map_err(|e| invalid("timestamp", e))?;
        return OffsetDateTime::parse(&text, &Rfc3339)
            .map(|t| t.to_offset(time::UtcOffset::UTC))
            .map_err(|e| invalid("timestamp", format!("expected RFC 3339 ({e})")));
    }
    let seconds: f64 = serde_json::from_str(text)
        .map_err(|_| invalid("timestamp", "expected RFC 3339 text or Unix seconds"))?;
    let nanos = (seconds * 1e9) as i128;
    OffsetDateTime::from_unix_timestamp_nanos(nanos).map_err(|e| invalid("timestamp", e))
}

/// A key may be sent as a string or as a number.
fn key_text(raw: &RawValue) -> Result<String, DecodeError> {
    match serde_json::from_str::<serde_json::Value>(raw.get()) {
        Ok(serde_json::Value::String(text)) => Ok(text),
        Ok(serde_json::Value::Number(number)) => Ok(number.to_string()),
        _ => Err(invalid("key", "expected a string or a number")),
    }
}

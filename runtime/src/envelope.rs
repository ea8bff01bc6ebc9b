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
use std::sync::Arc;
use std::time::SystemTime;

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::value::RawValue;
use uuid::Uuid;

use crate::Key;
use crate::error::UpcastError;
use crate::event::Event;

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
    pub(crate) key: Option<Key>,
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
    /// When the event happened. `time`, `chrono` and `jiff` convert from
    /// [`SystemTime`]: `time::OffsetDateTime::from(meta.timestamp())`.
    pub fn timestamp(&self) -> SystemTime {
        self.timestamp
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
/// The event is [`data`](Self::data) and everything else is
/// [`metadata`](Self::metadata), so an event's own fields (`id`, `source`)
/// never hide the envelope's. Cloning is cheap: the envelope is shared,
/// never copied, and immutable.
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
    /// The envelope's metadata: id, type, version, timestamp, source, key,
    /// correlation and causation ids.
    pub fn metadata(&self) -> &Metadata {
        &self.inner.meta
    }
}

impl<E: Event> Envelope<E> {
    /// A new envelope with a fresh UUIDv7 id, the current time, an empty
    /// source and the event's own key.
    pub fn new(data: E) -> Self {
        Self::builder(data).build()
    }

    /// A new envelope from a bus whose source is `source`, made in one step
    /// rather than through the builder, whose every step moves the whole
    /// metadata: what `publish` makes for every event.
    #[inline]
    pub(crate) fn published(data: E, source: &'static str) -> Self {
        let (id, timestamp) = crate::id::now_v7();
        let key = data.key();
        Self::seal(
            data,
            Ids { id, correlation_id: None, causation_id: None },
            timestamp,
            Text::Static(source),
            key,
        )
    }

    #[inline]
    fn seal(data: E, ids: Ids, timestamp: SystemTime, source: Text, key: Option<Key>) -> Self {
        let Ids { id, correlation_id, causation_id } = ids;
        let meta = Metadata {
            id,
            event_type: E::NAME,
            version: E::VERSION,
            timestamp,
            source,
            key,
            correlation_id,
            causation_id,
        };
        Envelope { inner: Arc::new(Inner { meta, data }) }
    }

    /// Starts an envelope whose metadata can be set before it is sealed.
    pub fn builder(data: E) -> EnvelopeBuilder<E> {
        let (id, timestamp) = crate::id::now_v7();
        EnvelopeBuilder {
            id,
            timestamp,
            source: None,
            key: data.key(),
            correlation_id: None,
            causation_id: None,
            data,
        }
    }

    /// The envelope as wire JSON.
    pub fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        let erased: &dyn AnyEnvelope = &*self.inner;
        erased.to_json()
    }

    pub(crate) fn from_parts(meta: Metadata, data: E) -> Self {
        Self { inner: Arc::new(Inner { meta, data }) }
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
    let timestamp = crate::timestamp::format(meta.timestamp).ok_or_else(|| {
        serde::ser::Error::custom("the timestamp is outside the years 0 to 9999 (UTC)")
    })?;
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
    key: Option<Key>,
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
    /// When the event happened (default: now). It is written in UTC, with
    /// at most nanoseconds, and must fall in the years 0 to 9999 (UTC) to be
    /// encoded.
    pub fn timestamp(mut self, timestamp: SystemTime) -> Self {
        self.timestamp = timestamp;
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
    pub fn key(mut self, key: impl Into<Key>) -> Self {
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
        let ids = Ids {
            id: self.id,
            correlation_id: self.correlation_id,
            causation_id: self.causation_id,
        };
        let source = self.source.unwrap_or(Text::Static(""));
        Envelope::seal(self.data, ids, self.timestamp, source, self.key)
    }
}

/// An envelope's own id and the ids it refers to.
struct Ids {
    id: Uuid,
    correlation_id: Option<Uuid>,
    causation_id: Option<Uuid>,
}

/// An envelope whose event type is known only at run time.
#[doc(hidden)]
pub trait AnyEnvelope: Any + Send + Sync + fmt::Debug {
    /// The metadata.
    fn metadata(&self) -> &Metadata;
    /// Appends the event's data, as JSON, to `out`. The one part of
    /// encoding made for each event type; the rest is compiled once.
    fn write_data(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl dyn AnyEnvelope {
    /// The envelope as wire JSON: the fields of [`Envelope`]'s `Serialize`,
    /// in its order, `data` last.
    pub fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::with_capacity(256);
        serialize_envelope(self.metadata(), &(), &mut serde_json::Serializer::new(&mut out))?;
        // `{..., "data": null}`: the data goes in place of the `null`.
        let without_data = out.len() - b"null}".len();
        debug_assert_eq!(&out[without_data..], b"null}");
        out.truncate(without_data);
        self.write_data(&mut out)?;
        out.push(b'}');
        Ok(out)
    }

    /// The event's data alone, as JSON.
    pub fn data_json(&self) -> Result<serde_json::Value, serde_json::Error> {
        let mut out = Vec::with_capacity(128);
        self.write_data(&mut out)?;
        serde_json::from_slice(&out)
    }
}

/// A shared, type-erased envelope.
#[doc(hidden)]
pub type ErasedEnvelope = Arc<dyn AnyEnvelope>;

impl<E: Event> AnyEnvelope for Inner<E> {
    fn metadata(&self) -> &Metadata {
        &self.meta
    }
    fn write_data(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, &self.data)
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
#[doc(hidden)]
pub fn upcast<Old: Event, New: Event + From<Old>>(
    envelope: &dyn AnyEnvelope,
) -> Result<ErasedEnvelope, UpcastError> {
    let old = data_of::<Old>(envelope)
        .ok_or(UpcastError::WrongVersion { event_type: Old::NAME, version: Old::VERSION })?;
    let copy: Old =
        serde_json::to_value(old).and_then(serde_json::from_value).map_err(|source| {
            UpcastError::Copy { event_type: Old::NAME, version: Old::VERSION, source }
        })?;
    let meta =
        Metadata { version: New::VERSION, event_type: New::NAME, ..envelope.metadata().clone() };
    Ok(Arc::new(Inner { meta, data: New::from(copy) }))
}

/// The data of an erased envelope holding an `E`, taken out (cloned through
/// JSON if the envelope is shared).
pub(crate) fn into_data<E: Event>(envelope: ErasedEnvelope) -> Result<E, UpcastError> {
    let any: Arc<dyn Any + Send + Sync> = envelope;
    let inner = any
        .downcast::<Inner<E>>()
        .map_err(|_| UpcastError::WrongVersion { event_type: E::NAME, version: E::VERSION })?;
    match Arc::try_unwrap(inner) {
        Ok(inner) => Ok(inner.data),
        Err(shared) => {
            serde_json::to_value(&shared.data).and_then(serde_json::from_value).map_err(|source| {
                UpcastError::Copy { event_type: E::NAME, version: E::VERSION, source }
            })
        }
    }
}

/// Decodes the data of an envelope whose metadata was read already; the
/// `decode` entry of every `#[event]`'s registration.
#[doc(hidden)]
pub fn decode_erased<E: Event>(
    meta: Metadata,
    data: &RawValue,
) -> Result<ErasedEnvelope, serde_json::Error> {
    let data: E = serde_json::from_str(data.get())?;
    Ok(Arc::new(Inner { meta, data }))
}

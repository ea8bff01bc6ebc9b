//! The registry of every `#[event]` linked into the program: what the macro
//! registers about each event type, and the index a bus decodes by.

use std::any::TypeId;
use std::collections::{BTreeMap, HashMap};

use serde_json::value::RawValue;

use crate::envelope::{AnyEnvelope, ErasedEnvelope, Metadata};
use crate::error::{Conflict, DecodeError, UpcastError};
use crate::event::Compatibility;

/// Static facts about one `#[event]` type, registered by the macro.
///
/// Read it through its methods; the macro builds it with [`new`](Self::new)
/// and the `const fn` setters, so fields can be added without breaking
/// generated code.
#[derive(Debug)]
pub struct EventDescriptor {
    name: &'static str,
    version: u32,
    topic: &'static str,
    fingerprint: &'static str,
    type_name: fn() -> &'static str,
    type_id: fn() -> TypeId,
    schema: fn() -> serde_json::Value,
    decode: DecodeFn,
    shape: &'static str,
    compat: Compatibility,
    upcast: Option<Upcast>,
    package: &'static str,
    location: &'static str,
    schemas_dir: Option<&'static str>,
}

/// Decodes the envelope's `data` into the typed envelope.
#[doc(hidden)]
pub type DecodeFn = fn(Metadata, &RawValue) -> Result<ErasedEnvelope, serde_json::Error>;

impl EventDescriptor {
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        name: &'static str,
        version: u32,
        topic: &'static str,
        fingerprint: &'static str,
        type_name: fn() -> &'static str,
        type_id: fn() -> TypeId,
        schema: fn() -> serde_json::Value,
        decode: DecodeFn,
        shape: &'static str,
        package: &'static str,
        location: &'static str,
    ) -> Self {
        Self {
            name,
            version,
            topic,
            fingerprint,
            type_name,
            type_id,
            schema,
            decode,
            shape,
            compat: Compatibility::Backward,
            upcast: None,
            package,
            location,
            schemas_dir: None,
        }
    }

    #[doc(hidden)]
    pub const fn with_compat(mut self, compat: Compatibility) -> Self {
        self.compat = compat;
        self
    }

    #[doc(hidden)]
    pub const fn with_upcast(mut self, upcast: Upcast) -> Self {
        self.upcast = Some(upcast);
        self
    }

    #[doc(hidden)]
    pub const fn with_schemas_dir(mut self, dir: &'static str) -> Self {
        self.schemas_dir = Some(dir);
        self
    }

    /// [`Event::NAME`](crate::Event::NAME).
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// [`Event::VERSION`](crate::Event::VERSION).
    pub fn version(&self) -> u32 {
        self.version
    }
    /// [`Event::TOPIC`](crate::Event::TOPIC).
    pub fn topic(&self) -> &'static str {
        self.topic
    }
    /// [`Event::FINGERPRINT`](crate::Event::FINGERPRINT).
    pub fn fingerprint(&self) -> &'static str {
        self.fingerprint
    }
    /// The Rust type's name.
    pub fn type_name(&self) -> &'static str {
        (self.type_name)()
    }
    /// The Rust type's id.
    pub fn type_id(&self) -> TypeId {
        (self.type_id)()
    }
    /// [`Event::schema`](crate::Event::schema).
    pub fn schema(&self) -> serde_json::Value {
        (self.schema)()
    }
    /// The wire shape the fingerprint hashes, as JSON (kept in the committed
    /// schema so the macro can say what changed).
    pub fn shape(&self) -> &'static str {
        self.shape
    }
    /// How this version must relate to the earlier ones.
    pub fn compat(&self) -> Compatibility {
        self.compat
    }
    /// The version this one upcasts from (`upcast_from`), if any.
    pub fn upcasts_from(&self) -> Option<u32> {
        self.upcast.map(|upcast| upcast.from_version)
    }
    /// The package (crate) that defines the event.
    pub fn package(&self) -> &'static str {
        self.package
    }
    /// Where the struct is defined (`file:line`).
    pub fn location(&self) -> &'static str {
        self.location
    }
    /// The schemas folder the macro checked the event against, as an
    /// absolute path; `None` if it found none.
    pub fn schemas_dir(&self) -> Option<&'static str> {
        self.schemas_dir
    }

    pub(crate) fn decode(&self) -> DecodeFn {
        self.decode
    }

    pub(crate) fn upcast(&self) -> Option<Upcast> {
        self.upcast
    }
}

/// An upcaster: turns messages of the previous version of an event into this
/// version, through the `From` impl `upcast_from` names.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Upcast {
    from_version: u32,
    from_type_id: fn() -> TypeId,
    convert: UpcastFn,
}

impl Upcast {
    #[doc(hidden)]
    pub const fn new(from_version: u32, from_type_id: fn() -> TypeId, convert: UpcastFn) -> Self {
        Self { from_version, from_type_id, convert }
    }
}

inventory::collect!(EventDescriptor);

/// Every `#[event]` type linked into this program.
pub fn registered_events() -> impl Iterator<Item = &'static EventDescriptor> {
    inventory::iter::<EventDescriptor>.into_iter()
}

/// Converts an envelope of one version into the next.
#[doc(hidden)]
pub type UpcastFn = fn(&dyn AnyEnvelope) -> Result<ErasedEnvelope, UpcastError>;

/// The events known to a bus, indexed by type and by wire name.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    by_name: HashMap<&'static str, BTreeMap<u32, &'static EventDescriptor>>,
    by_type: HashMap<TypeId, &'static EventDescriptor>,
}

impl Registry {
    /// Indexes every registered event; two types claiming one name and version conflict.
    pub(crate) fn collect(conflicts: &mut Vec<Conflict>) -> Self {
        let mut claims: BTreeMap<(&'static str, u32), Vec<&'static EventDescriptor>> =
            BTreeMap::new();
        for descriptor in registered_events() {
            claims.entry((descriptor.name(), descriptor.version())).or_default().push(descriptor);
        }
        let mut registry = Registry::default();
        for ((name, version), descriptors) in claims {
            let mut type_ids: Vec<TypeId> = descriptors.iter().map(|d| d.type_id()).collect();
            type_ids.sort();
            type_ids.dedup();
            if type_ids.len() > 1 {
                conflicts.push(Conflict::DuplicateEvent {
                    name: name.to_owned(),
                    version,
                    types: descriptors.iter().map(|d| d.type_name().to_owned()).collect(),
                });
            }
            registry.by_name.entry(name).or_default().insert(version, descriptors[0]);
            for descriptor in descriptors {
                registry.by_type.insert(descriptor.type_id(), descriptor);
            }
        }
        registry
    }

    /// The upcast chains that reach the event type `target`: for each earlier
    /// version's type, the conversions that lead from it to `target`, in order.
    pub(crate) fn upcasts_into(&self, target: TypeId) -> Vec<(TypeId, Vec<UpcastFn>)> {
        let mut chains = Vec::new();
        let mut chain: Vec<UpcastFn> = Vec::new();
        let mut current = self.by_type.get(&target).copied();
        // Each version names at most one predecessor; the bound stops a cycle
        // of `upcast_from`s (which the version order already rules out).
        while let Some(upcast) = current.and_then(|d| d.upcast()) {
            if chains.len() > self.by_type.len() {
                break;
            }
            chain.insert(0, upcast.convert);
            let from = (upcast.from_type_id)();
            chains.push((from, chain.clone()));
            current = self.by_type.get(&from).copied();
        }
        chains
    }

    /// The descriptor of a registered event type.
    pub(crate) fn descriptor(&self, type_id: TypeId) -> Option<&'static EventDescriptor> {
        self.by_type.get(&type_id).copied()
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
            .ok_or_else(|| DecodeError::UnknownType { event_type: name.to_owned() })?;
        versions.get(&version).copied().ok_or_else(|| DecodeError::UnknownVersion {
            event_type: name.to_owned(),
            version,
            known: versions.keys().map(u32::to_string).collect::<Vec<_>>().join(", "),
        })
    }

    /// Decodes a received message (an evently envelope, a CloudEvent in
    /// either mode, or the minimal envelope) into its registered event type.
    pub(crate) fn decode(
        &self,
        payload: &[u8],
        headers: &[(String, String)],
        prefix: &str,
    ) -> Result<(ErasedEnvelope, TypeId), DecodeError> {
        let wire = crate::wire::read(payload, headers, prefix)?;
        let descriptor = self.lookup(wire.event_type(), wire.version())?;
        let meta = wire.metadata(descriptor.name())?;
        let envelope = (descriptor.decode())(meta, wire.data()).map_err(|source| {
            DecodeError::DataMismatch {
                event_type: descriptor.name().to_owned(),
                version: descriptor.version(),
                source,
            }
        })?;
        Ok((envelope, descriptor.type_id()))
    }
}

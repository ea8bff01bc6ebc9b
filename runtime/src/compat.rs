//! Compatibility of two versions of an event's JSON Schema.
//!
//! The rules follow the Confluent Schema Registry's for JSON Schema, and so
//! do the rule ids. [`diff`] compares an old (original) schema with a new
//! (updated) one and lists every difference, each classed compatible or not
//! for BACKWARD compatibility, where consumers using the new schema read data
//! written with the old one. FORWARD compares the other way round (the old
//! schema must read the new data), FULL does both; the transitive modes are
//! applied by the caller against every earlier version.
//!
//! The main rules, for the schemas schemars derives from serde types:
//!
//! | change | rule id | BACKWARD |
//! |---|---|---|
//! | optional property added to a closed struct (`deny_unknown_fields`) | `OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL` | compatible |
//! | required property added to a closed struct | `REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL` | incompatible |
//! | required property with a `default` added to a closed struct | `REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL` | compatible |
//! | property added to an open struct | `PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL` | incompatible |
//! | property removed from an open struct | `PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL` | compatible |
//! | property removed from a closed struct | `PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL` | incompatible |
//! | optional property made required | `REQUIRED_ATTRIBUTE_ADDED` | incompatible |
//! | required property made optional | `REQUIRED_ATTRIBUTE_REMOVED` | compatible |
//! | `integer` to `number` / back | `TYPE_EXTENDED` / `TYPE_NARROWED` | compatible / incompatible |
//! | any other type change | `TYPE_CHANGED` | incompatible |
//! | `T` to `Option<T>` / back | `SUM_TYPE_EXTENDED` / `TYPE_CHANGED` | compatible / incompatible |
//! | enum value added / removed | `ENUM_ARRAY_EXTENDED` / `ENUM_ARRAY_NARROWED` | compatible / incompatible |
//! | a bound loosened / tightened or added (`maxLength`, `minimum`, ...) | `MAX_LENGTH_INCREASED`, `MINIMUM_ADDED`, ... | compatible / incompatible |
//! | struct opened / closed | `ADDITIONAL_PROPERTIES_ADDED` / `ADDITIONAL_PROPERTIES_REMOVED` | compatible / incompatible |
//!
//! Where this differs from Confluent: an `enum` next to a `type` is compared
//! as an enum (`ENUM_ARRAY_NARROWED`) rather than as a product type, and
//! `patternProperties` are not read (schemars does not emit them).

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use crate::event::Compatibility;

/// One difference between two schemas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The rule id, as the Confluent Schema Registry names it.
    pub rule: &'static str,
    /// Where (a JSON pointer into the schema, `$ref`s followed).
    pub path: String,
    /// What changed, in words.
    pub message: String,
    /// Whether the rule allows this change (BACKWARD direction).
    pub compatible: bool,
}

/// The differences from `old` to `new` that break `mode` (empty if compatible).
pub fn check(old: &Value, new: &Value, mode: Compatibility) -> Vec<Difference> {
    let mut broken = Vec::new();
    if mode.backward() {
        broken.extend(diff(old, new).into_iter().filter(|d| !d.compatible));
    }
    if mode.forward() {
        broken.extend(diff(new, old).into_iter().filter(|d| !d.compatible).map(|mut d| {
            d.message = format!("old consumers cannot read new data: {}", d.message);
            d
        }));
    }
    broken
}

/// Every difference from `old` to `new`, classed for BACKWARD compatibility.
pub fn diff(old: &Value, new: &Value) -> Vec<Difference> {
    let mut context =
        Context { old_root: old, new_root: new, out: Vec::new(), visiting: HashSet::new() };
    context.compare(old, new, String::new());
    context.out
}

/// Whether `new` can read everything `old` described (BACKWARD).
pub fn is_backward_compatible(old: &Value, new: &Value) -> bool {
    diff(old, new).iter().all(|d| d.compatible)
}

struct Context<'a> {
    old_root: &'a Value,
    new_root: &'a Value,
    out: Vec<Difference>,
    visiting: HashSet<(*const Value, *const Value)>,
}

/// What a schema node asserts, in the terms the rules compare.
enum Node<'a> {
    /// Accepts anything (`true`, `{}`, or only annotations).
    Any,
    /// Accepts nothing (`false`).
    Nothing,
    Combined {
        kind: &'static str,
        subs: Vec<Sub<'a>>,
    },
    Enum(&'a [Value]),
    Const(&'a Value),
    Object(&'a serde_json::Map<String, Value>),
    Array(&'a serde_json::Map<String, Value>),
    String(&'a serde_json::Map<String, Value>),
    Number {
        schema: &'a serde_json::Map<String, Value>,
        integer: bool,
    },
    Boolean,
    Null,
}

/// A member of a combined schema: borrowed, or made up from a `type` array.
enum Sub<'a> {
    Borrowed(&'a Value),
    Owned(Value),
}

impl Sub<'_> {
    fn value(&self) -> &Value {
        match self {
            Sub::Borrowed(value) => value,
            Sub::Owned(value) => value,
        }
    }
}

const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "format",
    "$defs",
    "definitions",
    "x-evently",
];

fn classify(value: &Value) -> Node<'_> {
    let object = match value {
        Value::Bool(true) => return Node::Any,
        Value::Bool(false) => return Node::Nothing,
        Value::Object(object) => object,
        _ => return Node::Any,
    };
    for kind in ["anyOf", "oneOf", "allOf"] {
        if let Some(Value::Array(subs)) = object.get(kind) {
            return Node::Combined { kind, subs: subs.iter().map(Sub::Borrowed).collect() };
        }
    }
    if let Some(Value::Array(values)) = object.get("enum") {
        return Node::Enum(values);
    }
    if let Some(value) = object.get("const") {
        return Node::Const(value);
    }
    match object.get("type") {
        Some(Value::Array(types)) if types.len() == 1 => {
            let mut single = object.clone();
            single.insert("type".into(), types[0].clone());
            // Rare; the owned copy is compared through a one-member union.
            Node::Combined { kind: "anyOf", subs: vec![Sub::Owned(Value::Object(single))] }
        }
        Some(Value::Array(types)) => Node::Combined {
            kind: "anyOf",
            subs: types
                .iter()
                .map(|ty| {
                    let mut member = object.clone();
                    member.insert("type".into(), ty.clone());
                    Sub::Owned(Value::Object(member))
                })
                .collect(),
        },
        Some(Value::String(ty)) => match ty.as_str() {
            "object" => Node::Object(object),
            "array" => Node::Array(object),
            "string" => Node::String(object),
            "integer" => Node::Number { schema: object, integer: true },
            "number" => Node::Number { schema: object, integer: false },
            "boolean" => Node::Boolean,
            "null" => Node::Null,
            _ => Node::Any,
        },
        _ if object.contains_key("properties") || object.contains_key("additionalProperties") => {
            Node::Object(object)
        }
        _ if object.contains_key("items") || object.contains_key("prefixItems") => {
            Node::Array(object)
        }
        _ if object.keys().all(|key| ANNOTATIONS.contains(&key.as_str())) => Node::Any,
        _ => Node::Any,
    }
}

fn class(node: &Node<'_>) -> &'static str {
    match node {
        Node::Any => "any",
        Node::Nothing => "nothing",
        Node::Combined { .. } => "combined",
        Node::Enum(_) => "enum",
        Node::Const(_) => "const",
        Node::Object(_) => "object",
        Node::Array(_) => "array",
        Node::String(_) => "string",
        Node::Number { integer: true, .. } => "integer",
        Node::Number { integer: false, .. } => "number",
        Node::Boolean => "boolean",
        Node::Null => "null",
    }
}

fn number(object: &serde_json::Map<String, Value>, key: &str) -> Option<f64> {
    object.get(key).and_then(Value::as_f64)
}

impl<'a> Context<'a> {
    fn push(&mut self, rule: &'static str, path: &str, compatible: bool, message: String) {
        let path = if path.is_empty() { "/".to_owned() } else { path.to_owned() };
        self.out.push(Difference { rule, path, message, compatible });
    }

    /// Follows `$ref`s into the document's `$defs` (or `definitions`).
    fn resolve<'v>(root: &'v Value, mut value: &'v Value) -> &'v Value {
        for _ in 0..32 {
            let Some(reference) = value.get("$ref").and_then(Value::as_str) else { break };
            let Some(target) =
                reference.strip_prefix('#').and_then(|pointer| root.pointer(pointer))
            else {
                break;
            };
            value = target;
        }
        value
    }

    /// Compares in a scratch context; returns its differences.
    fn trial(&mut self, old: &Value, new: &Value, path: &str) -> Vec<Difference> {
        let saved = std::mem::take(&mut self.out);
        self.compare(old, new, path.to_owned());
        std::mem::replace(&mut self.out, saved)
    }

    fn compare(&mut self, old: &Value, new: &Value, path: String) {
        let old = Self::resolve(self.old_root, old);
        let new = Self::resolve(self.new_root, new);
        if !self.visiting.insert((old as *const Value, new as *const Value)) {
            return;
        }
        self.compare_nodes(old, new, &path);
        self.visiting.remove(&(old as *const Value, new as *const Value));
    }

    fn compare_nodes(&mut self, old_value: &Value, new_value: &Value, path: &str) {
        let old = classify(old_value);
        let new = classify(new_value);
        // Anything can be read into a schema that accepts anything, and
        // nothing was written under one that accepted nothing.
        if matches!(new, Node::Any) || matches!(old, Node::Nothing) {
            return;
        }
        match (&old, &new) {
            (
                Node::Combined { kind: old_kind, subs: old_subs },
                Node::Combined { kind: new_kind, subs: new_subs },
            ) => {
                self.compare_combined(old_kind, old_subs, new_kind, new_subs, path);
            }
            (_, Node::Combined { kind, subs }) => {
                if subs.len() == 1 {
                    self.compare(old_value, subs[0].value(), path.to_owned());
                    return;
                }
                if *kind != "allOf" {
                    for (index, sub) in subs.iter().enumerate() {
                        let trial =
                            self.trial(old_value, sub.value(), &format!("{path}/{kind}/{index}"));
                        if trial.iter().all(|d| d.compatible) {
                            self.out.extend(trial);
                            self.push(
                                "SUM_TYPE_EXTENDED",
                                path,
                                true,
                                format!(
                                    "`{}` widened to a union of {} types",
                                    class(&old),
                                    subs.len()
                                ),
                            );
                            return;
                        }
                    }
                }
                self.type_changed(&old, &new, path);
            }
            (Node::Combined { kind, subs }, _) => {
                if subs.len() == 1 {
                    self.compare(subs[0].value(), new_value, path.to_owned());
                    return;
                }
                if *kind == "allOf" {
                    for (index, sub) in subs.iter().enumerate() {
                        let trial =
                            self.trial(sub.value(), new_value, &format!("{path}/{kind}/{index}"));
                        if trial.iter().all(|d| d.compatible) {
                            self.out.extend(trial);
                            self.push(
                                "PRODUCT_TYPE_NARROWED",
                                path,
                                true,
                                "an `allOf` reduced to one of its members".into(),
                            );
                            return;
                        }
                    }
                }
                let message =
                    format!("a union of {} types narrowed to `{}`", subs.len(), class(&new));
                self.push("TYPE_CHANGED", path, false, message);
            }
            (Node::Enum(old_values), Node::Enum(new_values)) => {
                self.compare_enums(old_values, new_values, path)
            }
            (Node::Enum(values), Node::String(_)) if values.iter().all(Value::is_string) => {
                self.push(
                    "PRODUCT_TYPE_NARROWED",
                    path,
                    true,
                    "the enum of strings became any string".into(),
                );
            }
            (Node::Const(old_value), Node::Const(new_value)) => {
                if old_value != new_value {
                    self.push(
                        "ENUM_ARRAY_CHANGED",
                        path,
                        false,
                        format!("const changed from {old_value} to {new_value}"),
                    );
                }
            }
            (Node::Const(value), Node::Enum(values)) => {
                if values.contains(value) {
                    self.push(
                        "ENUM_ARRAY_EXTENDED",
                        path,
                        true,
                        format!("const {value} became an enum that keeps it"),
                    );
                } else {
                    self.push(
                        "ENUM_ARRAY_CHANGED",
                        path,
                        false,
                        format!("const {value} became an enum without it"),
                    );
                }
            }
            (Node::Object(old_object), Node::Object(new_object)) => {
                self.compare_objects(old_object, new_object, path)
            }
            (Node::Array(old_array), Node::Array(new_array)) => {
                self.compare_arrays(old_array, new_array, path)
            }
            (Node::String(old_string), Node::String(new_string)) => {
                self.compare_strings(old_string, new_string, path)
            }
            (
                Node::Number { schema: old_number, integer: old_integer },
                Node::Number { schema: new_number, integer: new_integer },
            ) => {
                match (old_integer, new_integer) {
                    (true, false) => self.push(
                        "TYPE_EXTENDED",
                        path,
                        true,
                        "`integer` widened to `number`".into(),
                    ),
                    (false, true) => self.push(
                        "TYPE_NARROWED",
                        path,
                        false,
                        "`number` narrowed to `integer`".into(),
                    ),
                    _ => {}
                }
                self.compare_numbers(old_number, new_number, path);
            }
            (Node::Boolean, Node::Boolean) | (Node::Null, Node::Null) => {}
            _ => self.type_changed(&old, &new, path),
        }
    }

    fn type_changed(&mut self, old: &Node<'_>, new: &Node<'_>, path: &str) {
        self.push(
            "TYPE_CHANGED",
            path,
            false,
            format!("type changed from `{}` to `{}`", class(old), class(new)),
        );
    }

    fn compare_enums(&mut self, old: &[Value], new: &[Value], path: &str) {
        let removed: Vec<&Value> = old.iter().filter(|v| !new.contains(v)).collect();
        let added: Vec<&Value> = new.iter().filter(|v| !old.contains(v)).collect();
        let list =
            |values: &[&Value]| values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ");
        match (removed.is_empty(), added.is_empty()) {
            (true, true) => {}
            (true, false) => self.push(
                "ENUM_ARRAY_EXTENDED",
                path,
                true,
                format!("enum values added: {}", list(&added)),
            ),
            (false, true) => self.push(
                "ENUM_ARRAY_NARROWED",
                path,
                false,
                format!("enum values removed: {}", list(&removed)),
            ),
            (false, false) => self.push(
                "ENUM_ARRAY_CHANGED",
                path,
                false,
                format!("enum values removed: {}; added: {}", list(&removed), list(&added)),
            ),
        }
    }

    /// Both sides combined: Confluent's criterion, size and matching rules.
    fn compare_combined(
        &mut self,
        old_kind: &str,
        old: &[Sub<'_>],
        new_kind: &str,
        new: &[Sub<'_>],
        path: &str,
    ) {
        if old_kind != new_kind {
            let extended = new_kind == "anyOf"
                || (old.len() == 1 && new.len() == 1)
                || (old.len() == 1 && new_kind == "oneOf")
                || (new.len() == 1 && old_kind == "allOf");
            if extended {
                self.push(
                    "COMBINED_TYPE_EXTENDED",
                    path,
                    true,
                    format!("`{old_kind}` became `{new_kind}`"),
                );
            } else {
                self.push(
                    "COMBINED_TYPE_CHANGED",
                    path,
                    false,
                    format!("`{old_kind}` became `{new_kind}`"),
                );
                return;
            }
        }
        let dedup = |subs: &[Sub<'_>]| -> Vec<Value> {
            let mut unique: Vec<Value> = Vec::new();
            for sub in subs {
                if !unique.contains(sub.value()) {
                    unique.push(sub.value().clone());
                }
            }
            unique
        };
        let (old, new) = (dedup(old), dedup(new));
        if new.len() > old.len() {
            if new_kind == "allOf" {
                self.push(
                    "PRODUCT_TYPE_EXTENDED",
                    path,
                    false,
                    "members added to an `allOf`".into(),
                );
            } else {
                self.push(
                    "SUM_TYPE_EXTENDED",
                    path,
                    true,
                    format!("members added to a `{new_kind}`"),
                );
            }
        } else if new.len() < old.len() {
            if old_kind == "allOf" {
                self.push(
                    "PRODUCT_TYPE_NARROWED",
                    path,
                    true,
                    "members removed from an `allOf`".into(),
                );
            } else {
                self.push(
                    "SUM_TYPE_NARROWED",
                    path,
                    false,
                    format!("members removed from a `{old_kind}`"),
                );
            }
        }
        // Pair each old member with a compatible new one (maximum matching).
        let mut compatible: Vec<Vec<(usize, Vec<Difference>)>> = Vec::new();
        for (i, old_sub) in old.iter().enumerate() {
            let mut edges = Vec::new();
            for (j, new_sub) in new.iter().enumerate() {
                let trial = self.trial(old_sub, new_sub, &format!("{path}/{old_kind}/{i}"));
                if trial.iter().all(|d| d.compatible) {
                    edges.push((j, trial));
                }
            }
            compatible.push(edges);
        }
        let matched = maximum_matching(&compatible, new.len());
        let mut pairs = 0;
        for (i, j) in matched.iter().enumerate() {
            if let Some(j) = j {
                pairs += 1;
                if let Some((_, diffs)) = compatible[i].iter().find(|(candidate, _)| candidate == j)
                {
                    self.out.extend(diffs.iter().cloned());
                }
            }
        }
        if pairs < old.len().min(new.len()) {
            self.push(
                "COMBINED_TYPE_SUBSCHEMAS_CHANGED",
                path,
                false,
                format!(
                    "{} member(s) of the `{old_kind}` have no compatible counterpart",
                    old.len().min(new.len()) - pairs
                ),
            );
        }
    }

    fn compare_objects(
        &mut self,
        old: &serde_json::Map<String, Value>,
        new: &serde_json::Map<String, Value>,
        path: &str,
    ) {
        let empty = serde_json::Map::new();
        let old_properties = old.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let new_properties = new.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let required = |object: &serde_json::Map<String, Value>| -> BTreeSet<String> {
            object
                .get("required")
                .and_then(Value::as_array)
                .map(|names| names.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default()
        };
        let (old_required, new_required) = (required(old), required(new));
        let old_additional = Additional::of(old);
        let new_additional = Additional::of(new);
        let names: BTreeSet<&String> = old_properties.keys().chain(new_properties.keys()).collect();
        for name in names {
            let at = format!("{path}/properties/{}", escape(name));
            match (old_properties.get(name), new_properties.get(name)) {
                (Some(old_schema), Some(new_schema)) => {
                    self.compare(old_schema, new_schema, at.clone());
                    let required_at = format!("{path}/required/{}", escape(name));
                    match (old_required.contains(name), new_required.contains(name)) {
                        (true, false) => self.push("REQUIRED_ATTRIBUTE_REMOVED", &required_at, true, format!("property `{name}` became optional")),
                        (false, true) if has_default(self.new_root, new_schema) => self.push(
                            "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED",
                            &required_at,
                            true,
                            format!("property `{name}` became required, with a default"),
                        ),
                        (false, true) => self.push("REQUIRED_ATTRIBUTE_ADDED", &required_at, false, format!("property `{name}` became required")),
                        _ => {}
                    }
                }
                (Some(old_schema), None) => match &new_additional {
                    Additional::Open => self.push("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", &at, true, format!("property `{name}` removed")),
                    Additional::Schema(covering) => {
                        let trial = self.trial(old_schema, covering, &at);
                        let covered = trial.iter().all(|d| d.compatible);
                        self.out.extend(trial);
                        if covered {
                            self.push("PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", &at, true, format!("property `{name}` removed; `additionalProperties` still reads it"));
                        } else {
                            self.push("PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", &at, false, format!("property `{name}` removed and `additionalProperties` cannot read it"));
                        }
                    }
                    Additional::Closed if *old_schema == Value::Bool(false) => {
                        self.push("PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", &at, true, format!("forbidden property `{name}` removed"))
                    }
                    Additional::Closed => self.push(
                        "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL",
                        &at,
                        false,
                        format!("property `{name}` removed from a struct that denies unknown fields: old data with it is rejected"),
                    ),
                },
                (None, Some(new_schema)) => {
                    let is_required = new_required.contains(name);
                    match &old_additional {
                        Additional::Open => {
                            if matches!(classify(Self::resolve(self.new_root, new_schema)), Node::Any) {
                                self.push("PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", &at, true, format!("property `{name}` added, accepting anything"));
                            } else {
                                self.push(
                                    "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
                                    &at,
                                    false,
                                    format!("property `{name}` added to an open struct: old data may carry `{name}` with any value"),
                                );
                            }
                        }
                        not_open => {
                            if let Additional::Schema(covering) = not_open {
                                let trial = self.trial(covering, new_schema, &at);
                                let covered = trial.iter().all(|d| d.compatible);
                                self.out.extend(trial);
                                if covered {
                                    self.push("PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", &at, true, format!("property `{name}` added, within what `additionalProperties` allowed"));
                                } else {
                                    self.push("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", &at, false, format!("property `{name}` added outside what `additionalProperties` allowed"));
                                }
                            }
                            if is_required && has_default(self.new_root, new_schema) {
                                self.push("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL", &at, true, format!("required property `{name}` added, with a default"));
                            } else if is_required {
                                self.push(
                                    "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
                                    &at,
                                    false,
                                    format!("required property `{name}` added: old data does not have it"),
                                );
                            } else {
                                self.push("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", &at, true, format!("optional property `{name}` added"));
                            }
                        }
                    }
                }
                (None, None) => {}
            }
        }
        let at = format!("{path}/additionalProperties");
        match (&old_additional, &new_additional) {
            (Additional::Closed, Additional::Open) => self.push(
                "ADDITIONAL_PROPERTIES_ADDED",
                &at,
                true,
                "unknown properties are now allowed".into(),
            ),
            (Additional::Open, Additional::Closed)
            | (Additional::Schema(_), Additional::Closed) => self.push(
                "ADDITIONAL_PROPERTIES_REMOVED",
                &at,
                false,
                "unknown properties are now rejected (`deny_unknown_fields`)".into(),
            ),
            (Additional::Open, Additional::Schema(_)) => self.push(
                "ADDITIONAL_PROPERTIES_NARROWED",
                &at,
                false,
                "unknown properties are now restricted".into(),
            ),
            (Additional::Schema(_), Additional::Open) => self.push(
                "ADDITIONAL_PROPERTIES_EXTENDED",
                &at,
                true,
                "unknown properties are no longer restricted".into(),
            ),
            (Additional::Closed, Additional::Schema(_)) => self.push(
                "ADDITIONAL_PROPERTIES_ADDED",
                &at,
                true,
                "some unknown properties are now allowed".into(),
            ),
            (Additional::Schema(old_schema), Additional::Schema(new_schema)) => {
                self.compare(old_schema, new_schema, at)
            }
            _ => {}
        }
        self.compare_bounds(old, new, path, "maxProperties", "minProperties");
    }

    fn compare_arrays(
        &mut self,
        old: &serde_json::Map<String, Value>,
        new: &serde_json::Map<String, Value>,
        path: &str,
    ) {
        match (old.get("items"), new.get("items")) {
            (Some(old_items), Some(new_items)) => {
                self.compare(old_items, new_items, format!("{path}/items"))
            }
            (None, Some(_)) => self.push(
                "SCHEMA_ADDED",
                &format!("{path}/items"),
                false,
                "array items are now restricted".into(),
            ),
            (Some(_), None) => self.push(
                "SCHEMA_REMOVED",
                &format!("{path}/items"),
                true,
                "array items are no longer restricted".into(),
            ),
            (None, None) => {}
        }
        let empty = Vec::new();
        let old_prefix = old.get("prefixItems").and_then(Value::as_array).unwrap_or(&empty);
        let new_prefix = new.get("prefixItems").and_then(Value::as_array).unwrap_or(&empty);
        for (index, (old_item, new_item)) in old_prefix.iter().zip(new_prefix).enumerate() {
            self.compare(old_item, new_item, format!("{path}/prefixItems/{index}"));
        }
        // Tuple positions one side lacks, judged as Confluent judges them
        // when the array takes no further items (`items: false`) or any.
        let closed = |object: &serde_json::Map<String, Value>| {
            object.get("items") == Some(&Value::Bool(false))
        };
        for index in new_prefix.len()..old_prefix.len() {
            let at = format!("{path}/prefixItems/{index}");
            if closed(new) {
                self.push(
                    "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL",
                    &at,
                    false,
                    format!("tuple item {index} removed from a closed tuple"),
                );
            } else {
                self.push(
                    "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL",
                    &at,
                    true,
                    format!("tuple item {index} removed"),
                );
            }
        }
        for index in old_prefix.len()..new_prefix.len() {
            let at = format!("{path}/prefixItems/{index}");
            if closed(old) {
                self.push(
                    "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
                    &at,
                    true,
                    format!("tuple item {index} added to a closed tuple"),
                );
            } else {
                self.push(
                    "ITEM_ADDED_TO_OPEN_CONTENT_MODEL",
                    &at,
                    false,
                    format!("tuple item {index} added: old data may hold anything there"),
                );
            }
        }
        self.compare_bounds(old, new, path, "maxItems", "minItems");
        let unique = |object: &serde_json::Map<String, Value>| {
            object.get("uniqueItems").and_then(Value::as_bool).unwrap_or(false)
        };
        match (unique(old), unique(new)) {
            (false, true) => self.push(
                "UNIQUE_ITEMS_ADDED",
                &format!("{path}/uniqueItems"),
                false,
                "items must now be unique".into(),
            ),
            (true, false) => self.push(
                "UNIQUE_ITEMS_REMOVED",
                &format!("{path}/uniqueItems"),
                true,
                "items need no longer be unique".into(),
            ),
            _ => {}
        }
    }

    fn compare_strings(
        &mut self,
        old: &serde_json::Map<String, Value>,
        new: &serde_json::Map<String, Value>,
        path: &str,
    ) {
        self.compare_bounds(old, new, path, "maxLength", "minLength");
        let at = format!("{path}/pattern");
        match (old.get("pattern"), new.get("pattern")) {
            (None, Some(pattern)) => {
                self.push("PATTERN_ADDED", &at, false, format!("pattern {pattern} added"))
            }
            (Some(pattern), None) => {
                self.push("PATTERN_REMOVED", &at, true, format!("pattern {pattern} removed"))
            }
            (Some(a), Some(b)) if a != b => {
                self.push("PATTERN_CHANGED", &at, false, format!("pattern changed from {a} to {b}"))
            }
            _ => {}
        }
    }

    fn compare_numbers(
        &mut self,
        old: &serde_json::Map<String, Value>,
        new: &serde_json::Map<String, Value>,
        path: &str,
    ) {
        self.compare_bounds(old, new, path, "maximum", "minimum");
        self.compare_bounds(old, new, path, "exclusiveMaximum", "exclusiveMinimum");
        let at = format!("{path}/multipleOf");
        match (number(old, "multipleOf"), number(new, "multipleOf")) {
            (None, Some(value)) => self.push(
                "MULTIPLE_OF_ADDED",
                &at,
                false,
                format!("values must now be multiples of {value}"),
            ),
            (Some(value), None) => self.push(
                "MULTIPLE_OF_REMOVED",
                &at,
                true,
                format!("values need no longer be multiples of {value}"),
            ),
            (Some(a), Some(b)) if a != b => {
                let divides = |x: f64, y: f64| y != 0.0 && (x / y).fract() == 0.0;
                if divides(b, a) {
                    self.push(
                        "MULTIPLE_OF_EXPANDED",
                        &at,
                        false,
                        format!("multipleOf grew from {a} to {b}"),
                    );
                } else if divides(a, b) {
                    self.push(
                        "MULTIPLE_OF_REDUCED",
                        &at,
                        true,
                        format!("multipleOf shrank from {a} to {b}"),
                    );
                } else {
                    self.push(
                        "MULTIPLE_OF_CHANGED",
                        &at,
                        false,
                        format!("multipleOf changed from {a} to {b}"),
                    );
                }
            }
            _ => {}
        }
    }

    /// An upper and a lower bound: loosening is compatible, adding or
    /// tightening is not.
    fn compare_bounds(
        &mut self,
        old: &serde_json::Map<String, Value>,
        new: &serde_json::Map<String, Value>,
        path: &str,
        upper: &str,
        lower: &str,
    ) {
        for (key, is_upper) in [(upper, true), (lower, false)] {
            let at = format!("{path}/{key}");
            match (number(old, key), number(new, key)) {
                (None, Some(value)) => {
                    self.push(bound_rule(key, 0), &at, false, format!("`{key}` {value} added"))
                }
                (Some(value), None) => {
                    self.push(bound_rule(key, 1), &at, true, format!("`{key}` {value} removed"))
                }
                (Some(a), Some(b)) if a < b => self.push(
                    bound_rule(key, 2),
                    &at,
                    is_upper,
                    format!("`{key}` raised from {a} to {b}"),
                ),
                (Some(a), Some(b)) if a > b => self.push(
                    bound_rule(key, 3),
                    &at,
                    !is_upper,
                    format!("`{key}` lowered from {a} to {b}"),
                ),
                _ => {}
            }
        }
    }
}

/// The Confluent rule names of each bound keyword's changes: added,
/// removed, increased, decreased.
const BOUND_RULES: &[(&str, [&str; 4])] = &[
    (
        "maxLength",
        ["MAX_LENGTH_ADDED", "MAX_LENGTH_REMOVED", "MAX_LENGTH_INCREASED", "MAX_LENGTH_DECREASED"],
    ),
    (
        "minLength",
        ["MIN_LENGTH_ADDED", "MIN_LENGTH_REMOVED", "MIN_LENGTH_INCREASED", "MIN_LENGTH_DECREASED"],
    ),
    ("maximum", ["MAXIMUM_ADDED", "MAXIMUM_REMOVED", "MAXIMUM_INCREASED", "MAXIMUM_DECREASED"]),
    ("minimum", ["MINIMUM_ADDED", "MINIMUM_REMOVED", "MINIMUM_INCREASED", "MINIMUM_DECREASED"]),
    (
        "exclusiveMaximum",
        [
            "EXCLUSIVE_MAXIMUM_ADDED",
            "EXCLUSIVE_MAXIMUM_REMOVED",
            "EXCLUSIVE_MAXIMUM_INCREASED",
            "EXCLUSIVE_MAXIMUM_DECREASED",
        ],
    ),
    (
        "exclusiveMinimum",
        [
            "EXCLUSIVE_MINIMUM_ADDED",
            "EXCLUSIVE_MINIMUM_REMOVED",
            "EXCLUSIVE_MINIMUM_INCREASED",
            "EXCLUSIVE_MINIMUM_DECREASED",
        ],
    ),
    (
        "maxItems",
        ["MAX_ITEMS_ADDED", "MAX_ITEMS_REMOVED", "MAX_ITEMS_INCREASED", "MAX_ITEMS_DECREASED"],
    ),
    (
        "minItems",
        ["MIN_ITEMS_ADDED", "MIN_ITEMS_REMOVED", "MIN_ITEMS_INCREASED", "MIN_ITEMS_DECREASED"],
    ),
    (
        "maxProperties",
        [
            "MAX_PROPERTIES_ADDED",
            "MAX_PROPERTIES_REMOVED",
            "MAX_PROPERTIES_INCREASED",
            "MAX_PROPERTIES_DECREASED",
        ],
    ),
    (
        "minProperties",
        [
            "MIN_PROPERTIES_ADDED",
            "MIN_PROPERTIES_REMOVED",
            "MIN_PROPERTIES_INCREASED",
            "MIN_PROPERTIES_DECREASED",
        ],
    ),
];

/// The Confluent rule name of a change (0 added, 1 removed, 2 increased,
/// 3 decreased) of a bound keyword.
fn bound_rule(key: &str, change: usize) -> &'static str {
    BOUND_RULES
        .iter()
        .find(|(name, _)| *name == key)
        .map_or("BOUND_CHANGED", |(_, rules)| rules[change])
}

/// What an object says about properties it does not list.
enum Additional<'a> {
    Open,
    Closed,
    Schema(&'a Value),
}

impl<'a> Additional<'a> {
    fn of(object: &'a serde_json::Map<String, Value>) -> Self {
        match object.get("additionalProperties") {
            None | Some(Value::Bool(true)) => Additional::Open,
            Some(Value::Bool(false)) => Additional::Closed,
            Some(schema) if schema.as_object().is_some_and(serde_json::Map::is_empty) => {
                Additional::Open
            }
            Some(schema) => Additional::Schema(schema),
        }
    }
}

fn has_default(root: &Value, schema: &Value) -> bool {
    schema.get("default").is_some() || Context::resolve(root, schema).get("default").is_some()
}

fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// Kuhn's augmenting paths: for each left node, its matched right node.
fn maximum_matching<T>(edges: &[Vec<(usize, T)>], right: usize) -> Vec<Option<usize>> {
    fn augment<T>(
        left: usize,
        edges: &[Vec<(usize, T)>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for (candidate, _) in &edges[left] {
            if seen[*candidate] {
                continue;
            }
            seen[*candidate] = true;
            if owner[*candidate].is_none_or(|other| augment(other, edges, seen, owner)) {
                owner[*candidate] = Some(left);
                return true;
            }
        }
        false
    }
    let mut owner: Vec<Option<usize>> = vec![None; right];
    for left in 0..edges.len() {
        let mut seen = vec![false; right];
        augment(left, edges, &mut seen, &mut owner);
    }
    let mut matched = vec![None; edges.len()];
    for (right_index, left) in owner.iter().enumerate() {
        if let Some(left) = left {
            matched[*left] = Some(right_index);
        }
    }
    matched
}

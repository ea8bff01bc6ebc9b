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
//!
//! Each difference carries its [`Rule`], whose `Display` is the rule id.

// One module per JSON Schema construct (`object`, `array`, `string`,
// `number`, `enumeration`, `combined`, `reference`), each adding the
// comparison of its construct to `Walk`. They import only the shared leaves
// (`rule`, `node`, `walk`, `bounds`), never each other: a construct reaches
// the others by recursing through `Walk::compare` (in `reference`), which
// follows `$ref`s and hands each pair of nodes to `compare_nodes` here.
mod array;
mod bounds;
mod combined;
mod enumeration;
mod node;
mod number;
mod object;
mod reference;
mod rule;
mod string;
mod walk;

use serde_json::Value;

use crate::event::Compatibility;
use node::Node;
pub use rule::Rule;
use walk::Walk;

/// One difference between two schemas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The rule, named as the Confluent Schema Registry names it.
    pub rule: Rule,
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
    let mut walk = Walk::new(old, new);
    walk.compare(old, new, String::new());
    walk.out
}

impl Walk<'_> {
    /// Compares two schema nodes (`$ref`s followed) by their construct.
    fn compare_nodes(&mut self, old_value: &Value, new_value: &Value, path: &str) {
        let old = Node::of(old_value);
        let new = Node::of(new_value);
        // Anything can be read into a schema that accepts anything, and
        // nothing was written under one that accepted nothing.
        if matches!(new, Node::Any) || matches!(old, Node::Nothing) {
            return;
        }
        match (&old, &new) {
            (
                Node::Combined { kind: old_kind, subs: old_subs },
                Node::Combined { kind: new_kind, subs: new_subs },
            ) => self.compare_combined(*old_kind, old_subs, *new_kind, new_subs, path),
            (_, Node::Combined { kind, subs }) => {
                self.compare_to_combined(old_value, &old, *kind, subs, &new, path)
            }
            (Node::Combined { kind, subs }, _) => {
                self.compare_from_combined(*kind, subs, new_value, &new, path)
            }
            (Node::Enum(old_values), Node::Enum(new_values)) => {
                self.compare_enums(old_values, new_values, path)
            }
            (Node::Enum(values), Node::String(_)) if values.iter().all(Value::is_string) => {
                self.enum_became_string(path)
            }
            (Node::Const(old_value), Node::Const(new_value)) => {
                self.compare_consts(old_value, new_value, path)
            }
            (Node::Const(value), Node::Enum(values)) => self.const_became_enum(value, values, path),
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
            ) => self.compare_numbers(old_number, *old_integer, new_number, *new_integer, path),
            (Node::Boolean, Node::Boolean) | (Node::Null, Node::Null) => {}
            _ => self.type_changed(&old, &new, path),
        }
    }
}

/// The rule and path of each difference from `old` to `new`.
#[cfg(test)]
fn found(old: &Value, new: &Value) -> Vec<(Rule, String)> {
    diff(old, new).into_iter().map(|d| (d.rule, d.path)).collect()
}

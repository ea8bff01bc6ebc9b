//! Objects: `properties`, `required`, and `additionalProperties`, which
//! makes the content model open (unknown properties allowed), closed
//! (rejected) or partially open (restricted by a schema).

use std::collections::BTreeSet;

use serde_json::Value;

use super::bounds::Bound;
use super::node::{Keywords, Node};
use super::rule::Rule;
use super::walk::{Walk, all_compatible};

/// What an object says about properties it does not list.
enum Additional<'a> {
    Open,
    Closed,
    Schema(&'a Value),
}

impl<'a> Additional<'a> {
    fn of(object: &'a Keywords) -> Self {
        match object.get("additionalProperties") {
            None | Some(Value::Bool(true)) => Additional::Open,
            Some(Value::Bool(false)) => Additional::Closed,
            Some(schema) if schema.as_object().is_some_and(Keywords::is_empty) => Additional::Open,
            Some(schema) => Additional::Schema(schema),
        }
    }
}

impl Walk<'_> {
    /// Compares two object schemas, property by property in name order,
    /// then `additionalProperties` and the property-count bounds.
    pub(super) fn compare_objects(&mut self, old: &Keywords, new: &Keywords, path: &str) {
        let empty = Keywords::new();
        let old_properties = old.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let new_properties = new.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let (old_required, new_required) = (required(old), required(new));
        let (old_additional, new_additional) = (Additional::of(old), Additional::of(new));
        let names: BTreeSet<&String> = old_properties.keys().chain(new_properties.keys()).collect();
        for name in names {
            let at = format!("{path}/properties/{}", escape(name));
            match (old_properties.get(name), new_properties.get(name)) {
                (Some(old_schema), Some(new_schema)) => {
                    self.compare(old_schema, new_schema, at);
                    let required_at = format!("{path}/required/{}", escape(name));
                    let change = (old_required.contains(name), new_required.contains(name));
                    self.compare_required(name, change, new_schema, &required_at);
                }
                (Some(old_schema), None) => {
                    self.property_removed(name, old_schema, &new_additional, &at)
                }
                (None, Some(new_schema)) => {
                    let is_required = new_required.contains(name);
                    self.property_added(name, new_schema, is_required, &old_additional, &at)
                }
                (None, None) => {}
            }
        }
        let at = format!("{path}/additionalProperties");
        self.compare_additional(&old_additional, &new_additional, &at);
        self.compare_bounds(old, new, path, &[Bound::MaxProperties, Bound::MinProperties]);
    }

    /// Compares whether a property both schemas list is required.
    fn compare_required(&mut self, name: &str, change: (bool, bool), new: &Value, at: &str) {
        match change {
            (true, false) => self.push(
                Rule::RequiredAttributeRemoved,
                at,
                format!("property `{name}` became optional"),
            ),
            (false, true) if self.has_default(new) => self.push(
                Rule::RequiredAttributeWithDefaultAdded,
                at,
                format!("property `{name}` became required, with a default"),
            ),
            (false, true) => self.push(
                Rule::RequiredAttributeAdded,
                at,
                format!("property `{name}` became required"),
            ),
            _ => {}
        }
    }

    /// A property only the old schema lists: the new one reads it as an
    /// unknown property.
    fn property_removed(&mut self, name: &str, old: &Value, new: &Additional<'_>, at: &str) {
        match new {
            Additional::Open => self.push(
                Rule::PropertyRemovedFromOpenContentModel,
                at,
                format!("property `{name}` removed"),
            ),
            Additional::Schema(covering) => {
                if self.covered(old, covering, at) {
                    self.push(
                        Rule::PropertyRemovedIsCoveredByPartiallyOpenContentModel,
                        at,
                        format!("property `{name}` removed; `additionalProperties` still reads it"),
                    );
                } else {
                    self.push(
                        Rule::PropertyRemovedNotCoveredByPartiallyOpenContentModel,
                        at,
                        format!(
                            "property `{name}` removed and `additionalProperties` cannot read it"
                        ),
                    );
                }
            }
            Additional::Closed if *old == Value::Bool(false) => self.push(
                Rule::PropertyWithFalseRemovedFromClosedContentModel,
                at,
                format!("forbidden property `{name}` removed"),
            ),
            Additional::Closed => self.push(
                Rule::PropertyRemovedFromClosedContentModel,
                at,
                format!(
                    "property `{name}` removed from a struct that denies unknown fields: \
                     old data with it is rejected"
                ),
            ),
        }
    }

    /// A property only the new schema lists: old data had it as an unknown
    /// property, if the old schema allowed those, or not at all.
    fn property_added(
        &mut self,
        name: &str,
        new: &Value,
        is_required: bool,
        old: &Additional<'_>,
        at: &str,
    ) {
        if let Additional::Open = old {
            if matches!(Node::of(self.new_target(new)), Node::Any) {
                self.push(
                    Rule::PropertyWithEmptySchemaAddedToOpenContentModel,
                    at,
                    format!("property `{name}` added, accepting anything"),
                );
            } else {
                self.push(
                    Rule::PropertyAddedToOpenContentModel,
                    at,
                    format!(
                        "property `{name}` added to an open struct: \
                         old data may carry `{name}` with any value"
                    ),
                );
            }
            return;
        }
        if let Additional::Schema(covering) = old {
            if self.covered(covering, new, at) {
                self.push(
                    Rule::PropertyAddedIsCoveredByPartiallyOpenContentModel,
                    at,
                    format!("property `{name}` added, within what `additionalProperties` allowed"),
                );
            } else {
                self.push(
                    Rule::PropertyAddedNotCoveredByPartiallyOpenContentModel,
                    at,
                    format!("property `{name}` added outside what `additionalProperties` allowed"),
                );
            }
        }
        if is_required && self.has_default(new) {
            self.push(
                Rule::RequiredPropertyWithDefaultAddedToUnopenContentModel,
                at,
                format!("required property `{name}` added, with a default"),
            );
        } else if is_required {
            self.push(
                Rule::RequiredPropertyAddedToUnopenContentModel,
                at,
                format!("required property `{name}` added: old data does not have it"),
            );
        } else {
            self.push(
                Rule::OptionalPropertyAddedToUnopenContentModel,
                at,
                format!("optional property `{name}` added"),
            );
        }
    }

    /// Compares `additionalProperties`.
    fn compare_additional(&mut self, old: &Additional<'_>, new: &Additional<'_>, at: &str) {
        match (old, new) {
            (Additional::Closed, Additional::Open) => {
                self.push(Rule::AdditionalPropertiesAdded, at, "unknown properties are now allowed")
            }
            (Additional::Closed, Additional::Schema(_)) => self.push(
                Rule::AdditionalPropertiesAdded,
                at,
                "some unknown properties are now allowed",
            ),
            (Additional::Open | Additional::Schema(_), Additional::Closed) => self.push(
                Rule::AdditionalPropertiesRemoved,
                at,
                "unknown properties are now rejected (`deny_unknown_fields`)",
            ),
            (Additional::Open, Additional::Schema(_)) => self.push(
                Rule::AdditionalPropertiesNarrowed,
                at,
                "unknown properties are now restricted",
            ),
            (Additional::Schema(_), Additional::Open) => self.push(
                Rule::AdditionalPropertiesExtended,
                at,
                "unknown properties are no longer restricted",
            ),
            (Additional::Schema(old), Additional::Schema(new)) => {
                self.compare(old, new, at.to_owned())
            }
            (Additional::Open, Additional::Open) | (Additional::Closed, Additional::Closed) => {}
        }
    }

    /// Whether `new` reads what `old` described; records the differences
    /// found either way.
    fn covered(&mut self, old: &Value, new: &Value, at: &str) -> bool {
        let trial = self.trial(old, new, at);
        let covered = all_compatible(&trial);
        self.out.extend(trial);
        covered
    }

    /// Whether a new schema node has a `default`, on itself or where its
    /// `$ref` leads.
    fn has_default(&self, schema: &Value) -> bool {
        schema.get("default").is_some() || self.new_target(schema).get("default").is_some()
    }
}

/// The names an object schema lists as `required`.
fn required(object: &Keywords) -> BTreeSet<String> {
    object
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// A property name as a JSON pointer token.
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::compat::{Rule, diff, found};

    fn object(properties: Value, required: &[&str], additional: Option<Value>) -> Value {
        let mut schema =
            json!({ "type": "object", "properties": properties, "required": required });
        if let Some(additional) = additional {
            schema["additionalProperties"] = additional;
        }
        schema
    }

    #[test]
    fn a_partially_open_content_model_covers_what_its_schema_reads() {
        let strings = Some(json!({ "type": "string" }));
        let bare = object(json!({}), &[], strings.clone());
        let text = object(json!({ "note": { "type": "string" } }), &[], strings.clone());
        let number = object(json!({ "note": { "type": "integer" } }), &[], strings);
        assert_eq!(
            found(&bare, &text),
            [
                (
                    Rule::PropertyAddedIsCoveredByPartiallyOpenContentModel,
                    "/properties/note".into()
                ),
                (Rule::OptionalPropertyAddedToUnopenContentModel, "/properties/note".into()),
            ]
        );
        assert_eq!(
            found(&bare, &number),
            [
                (Rule::TypeChanged, "/properties/note".into()),
                (
                    Rule::PropertyAddedNotCoveredByPartiallyOpenContentModel,
                    "/properties/note".into()
                ),
                (Rule::OptionalPropertyAddedToUnopenContentModel, "/properties/note".into()),
            ]
        );
        assert_eq!(
            found(&text, &bare),
            [(
                Rule::PropertyRemovedIsCoveredByPartiallyOpenContentModel,
                "/properties/note".into()
            )]
        );
        assert_eq!(
            found(&number, &bare),
            [
                (Rule::TypeChanged, "/properties/note".into()),
                (
                    Rule::PropertyRemovedNotCoveredByPartiallyOpenContentModel,
                    "/properties/note".into()
                ),
            ]
        );
    }

    #[test]
    fn properties_accepting_anything_or_nothing() {
        let open = object(json!({}), &[], None);
        let any = object(json!({ "extra": {} }), &[], None);
        assert_eq!(
            found(&open, &any),
            [(Rule::PropertyWithEmptySchemaAddedToOpenContentModel, "/properties/extra".into())]
        );
        let forbidden = object(json!({ "gone": false }), &[], Some(json!(false)));
        let closed = object(json!({}), &[], Some(json!(false)));
        assert_eq!(
            found(&forbidden, &closed),
            [(Rule::PropertyWithFalseRemovedFromClosedContentModel, "/properties/gone".into())]
        );
    }

    #[test]
    fn a_property_made_required_with_a_default_is_compatible() {
        let old = object(json!({ "n": { "type": "integer", "default": 0 } }), &[], None);
        let new = object(json!({ "n": { "type": "integer", "default": 0 } }), &["n"], None);
        let differences = diff(&old, &new);
        assert_eq!(differences.len(), 1);
        assert_eq!(differences[0].rule, Rule::RequiredAttributeWithDefaultAdded);
        assert_eq!(differences[0].path, "/required/n");
        assert!(differences[0].compatible);
    }

    #[test]
    fn additional_properties_restricted_freed_and_compared() {
        let open = object(json!({}), &[], None);
        let strings = object(json!({}), &[], Some(json!({ "type": "string" })));
        let integers = object(json!({}), &[], Some(json!({ "type": "integer" })));
        let closed = object(json!({}), &[], Some(json!(false)));
        let at = "/additionalProperties".to_owned();
        assert_eq!(found(&open, &strings), [(Rule::AdditionalPropertiesNarrowed, at.clone())]);
        assert_eq!(found(&strings, &open), [(Rule::AdditionalPropertiesExtended, at.clone())]);
        assert_eq!(found(&closed, &strings), [(Rule::AdditionalPropertiesAdded, at.clone())]);
        assert_eq!(found(&strings, &closed), [(Rule::AdditionalPropertiesRemoved, at.clone())]);
        assert_eq!(found(&strings, &integers), [(Rule::TypeChanged, at)]);
    }

    #[test]
    fn property_names_are_escaped_in_paths() {
        let old = object(json!({ "a/b~c": { "type": "string" } }), &[], None);
        let new = object(json!({ "a/b~c": { "type": "integer" } }), &[], None);
        assert_eq!(found(&old, &new), [(Rule::TypeChanged, "/properties/a~1b~0c".into())]);
    }
}

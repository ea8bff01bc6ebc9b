#![allow(missing_docs)]
//! One row per compatibility rule: a pair of schemas, the rule it must
//! trigger, and the verdict under BACKWARD, FORWARD and FULL (NONE always
//! passes).

use evently::Compatibility;
use evently::compat::{self, Rule};
use serde_json::{Value, json};

struct Row {
    case: &'static str,
    old: Value,
    new: Value,
    rule: Option<Rule>,
    backward: bool,
    forward: bool,
}

fn object(properties: Value, required: &[&str], closed: bool) -> Value {
    let mut schema = json!({ "type": "object", "properties": properties, "required": required });
    if closed {
        schema["additionalProperties"] = json!(false);
    }
    schema
}

fn rows() -> Vec<Row> {
    let id = json!({ "type": "integer" });
    let text = json!({ "type": "string" });
    vec![
        Row {
            case: "nothing changed",
            old: object(json!({ "id": id }), &["id"], true),
            new: object(json!({ "id": id }), &["id"], true),
            rule: None,
            backward: true,
            forward: true,
        },
        Row {
            case: "optional property added to a closed struct",
            old: object(json!({ "id": id }), &["id"], true),
            new: object(json!({ "id": id, "note": text }), &["id"], true),
            rule: Some(Rule::OptionalPropertyAddedToUnopenContentModel),
            backward: true,
            forward: false,
        },
        Row {
            case: "required property added to a closed struct",
            old: object(json!({ "id": id }), &["id"], true),
            new: object(json!({ "id": id, "total": { "type": "number" } }), &["id", "total"], true),
            rule: Some(Rule::RequiredPropertyAddedToUnopenContentModel),
            backward: false,
            forward: false,
        },
        Row {
            case: "required property with a default added to a closed struct",
            old: object(json!({ "id": id }), &["id"], true),
            new: object(
                json!({ "id": id, "total": { "type": "number", "default": 0 } }),
                &["id", "total"],
                true,
            ),
            rule: Some(Rule::RequiredPropertyWithDefaultAddedToUnopenContentModel),
            backward: true,
            forward: false,
        },
        Row {
            case: "property added to an open struct",
            old: object(json!({ "id": id }), &["id"], false),
            new: object(json!({ "id": id, "note": text }), &["id"], false),
            rule: Some(Rule::PropertyAddedToOpenContentModel),
            backward: false,
            forward: true,
        },
        Row {
            case: "property removed from an open struct",
            old: object(json!({ "id": id, "note": text }), &["id"], false),
            new: object(json!({ "id": id }), &["id"], false),
            rule: Some(Rule::PropertyRemovedFromOpenContentModel),
            backward: true,
            forward: false,
        },
        Row {
            case: "property removed from a closed struct",
            old: object(json!({ "id": id, "note": text }), &["id"], true),
            new: object(json!({ "id": id }), &["id"], true),
            rule: Some(Rule::PropertyRemovedFromClosedContentModel),
            backward: false,
            forward: true,
        },
        Row {
            case: "optional property made required",
            old: object(json!({ "id": id, "note": text }), &["id"], true),
            new: object(json!({ "id": id, "note": text }), &["id", "note"], true),
            rule: Some(Rule::RequiredAttributeAdded),
            backward: false,
            forward: true,
        },
        Row {
            case: "required property made optional",
            old: object(json!({ "id": id, "note": text }), &["id", "note"], true),
            new: object(json!({ "id": id, "note": text }), &["id"], true),
            rule: Some(Rule::RequiredAttributeRemoved),
            backward: true,
            forward: false,
        },
        Row {
            case: "integer widened to number",
            old: json!({ "type": "integer" }),
            new: json!({ "type": "number" }),
            rule: Some(Rule::TypeExtended),
            backward: true,
            forward: false,
        },
        Row {
            case: "number narrowed to integer",
            old: json!({ "type": "number" }),
            new: json!({ "type": "integer" }),
            rule: Some(Rule::TypeNarrowed),
            backward: false,
            forward: true,
        },
        Row {
            case: "string retyped to integer",
            old: json!({ "type": "string" }),
            new: json!({ "type": "integer" }),
            rule: Some(Rule::TypeChanged),
            backward: false,
            forward: false,
        },
        Row {
            case: "T made Option<T>",
            old: json!({ "type": "string" }),
            new: json!({ "type": ["string", "null"] }),
            rule: Some(Rule::SumTypeExtended),
            backward: true,
            forward: false,
        },
        Row {
            case: "enum value added",
            old: json!({ "type": "string", "enum": ["card", "cash"] }),
            new: json!({ "type": "string", "enum": ["card", "cash", "wire"] }),
            rule: Some(Rule::EnumArrayExtended),
            backward: true,
            forward: false,
        },
        Row {
            case: "enum value removed",
            old: json!({ "type": "string", "enum": ["card", "cash"] }),
            new: json!({ "type": "string", "enum": ["card"] }),
            rule: Some(Rule::EnumArrayNarrowed),
            backward: false,
            forward: true,
        },
        Row {
            case: "maxLength tightened",
            old: json!({ "type": "string", "maxLength": 64 }),
            new: json!({ "type": "string", "maxLength": 32 }),
            rule: Some(Rule::MaxLengthDecreased),
            backward: false,
            forward: true,
        },
        Row {
            case: "minimum added",
            old: json!({ "type": "integer" }),
            new: json!({ "type": "integer", "minimum": 0 }),
            rule: Some(Rule::MinimumAdded),
            backward: false,
            forward: true,
        },
        Row {
            case: "pattern changed",
            old: json!({ "type": "string", "pattern": "^[a-z]+$" }),
            new: json!({ "type": "string", "pattern": "^[a-z0-9]+$" }),
            rule: Some(Rule::PatternChanged),
            backward: false,
            forward: false,
        },
        Row {
            case: "struct closed (deny_unknown_fields added)",
            old: object(json!({ "id": id }), &["id"], false),
            new: object(json!({ "id": id }), &["id"], true),
            rule: Some(Rule::AdditionalPropertiesRemoved),
            backward: false,
            forward: true,
        },
        Row {
            case: "array items retyped",
            old: json!({ "type": "array", "items": { "type": "string" } }),
            new: json!({ "type": "array", "items": { "type": "integer" } }),
            rule: Some(Rule::TypeChanged),
            backward: false,
            forward: false,
        },
        Row {
            case: "a $ref target changed",
            old: json!({
                "type": "object",
                "properties": { "address": { "$ref": "#/$defs/Address" } },
                "required": ["address"],
                "$defs": { "Address": object(json!({ "city": text }), &["city"], true) }
            }),
            new: json!({
                "type": "object",
                "properties": { "address": { "$ref": "#/$defs/Address" } },
                "required": ["address"],
                "$defs": { "Address": object(json!({ "city": text, "zip": text }), &["city", "zip"], true) }
            }),
            rule: Some(Rule::RequiredPropertyAddedToUnopenContentModel),
            backward: false,
            forward: false,
        },
    ]
}

fn passes(row: &Row, mode: Compatibility) -> bool {
    compat::check(&row.old, &row.new, mode).is_empty()
}

#[test]
fn each_rule_gives_the_expected_verdict_under_each_mode() {
    let mut failures = Vec::new();
    for row in rows() {
        let differences = compat::diff(&row.old, &row.new);
        if let Some(rule) = row.rule
            && !differences.iter().any(|d| d.rule == rule)
        {
            failures.push(format!("{}: expected rule {rule}, got {differences:?}", row.case));
        }
        let expected = [
            (Compatibility::Backward, row.backward),
            (Compatibility::Forward, row.forward),
            (Compatibility::Full, row.backward && row.forward),
            (Compatibility::None, true),
        ];
        for (mode, verdict) in expected {
            if passes(&row, mode) != verdict {
                failures.push(format!(
                    "{}: under {} expected {}, got {:?}",
                    row.case,
                    mode.as_str(),
                    if verdict { "compatible" } else { "incompatible" },
                    compat::check(&row.old, &row.new, mode)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn problems_name_the_rule_and_the_json_path() {
    let old =
        object(json!({ "id": { "type": "integer" }, "note": { "type": "string" } }), &["id"], true);
    let new = object(json!({ "id": { "type": "string" } }), &["id"], true);
    let broken = compat::check(&old, &new, Compatibility::Backward);
    let found: Vec<(&str, &str)> =
        broken.iter().map(|d| (d.rule.as_str(), d.path.as_str())).collect();
    assert_eq!(
        found,
        [
            ("TYPE_CHANGED", "/properties/id"),
            ("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", "/properties/note")
        ]
    );
    assert_eq!(broken[0].rule, Rule::TypeChanged);
    assert_eq!(broken[0].rule.to_string(), "TYPE_CHANGED");
}

#[test]
fn a_recursive_schema_does_not_loop() {
    let tree = json!({
        "$ref": "#/$defs/Node",
        "$defs": { "Node": {
            "type": "object",
            "properties": { "children": { "type": "array", "items": { "$ref": "#/$defs/Node" } } },
            "required": ["children"]
        } }
    });
    assert!(compat::diff(&tree, &tree).is_empty());
}

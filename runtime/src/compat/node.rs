//! What a schema node asserts, in the terms the rules compare.

use std::fmt;

use serde_json::Value;

/// A JSON object: the keywords of one schema node.
pub(super) type Keywords = serde_json::Map<String, Value>;

/// A schema node, classified by the construct that decides its comparison.
pub(super) enum Node<'a> {
    /// Accepts anything (`true`, `{}`, only annotations, or no keyword the
    /// rules read).
    Any,
    /// Accepts nothing (`false`).
    Nothing,
    /// `anyOf`, `oneOf` or `allOf`, or a `type` array (an `anyOf` of one
    /// member per type).
    Combined {
        kind: Combinator,
        subs: Vec<Sub<'a>>,
    },
    Enum(&'a [Value]),
    Const(&'a Value),
    Object(&'a Keywords),
    Array(&'a Keywords),
    String(&'a Keywords),
    Number {
        schema: &'a Keywords,
        integer: bool,
    },
    Boolean,
    Null,
}

/// The keyword that combines subschemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Combinator {
    /// `anyOf`: at least one member.
    Any,
    /// `oneOf`: exactly one member.
    One,
    /// `allOf`: every member.
    All,
}

impl Combinator {
    /// The JSON Schema keyword.
    fn keyword(self) -> &'static str {
        match self {
            Combinator::Any => "anyOf",
            Combinator::One => "oneOf",
            Combinator::All => "allOf",
        }
    }
}

impl fmt::Display for Combinator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// A member of a combined schema: borrowed, or made up from a `type` array.
pub(super) enum Sub<'a> {
    Borrowed(&'a Value),
    Owned(Value),
}

impl Sub<'_> {
    pub(super) fn value(&self) -> &Value {
        match self {
            Sub::Borrowed(value) => value,
            Sub::Owned(value) => value,
        }
    }
}

impl<'a> Node<'a> {
    /// Classifies a schema node (its `$ref`s already followed).
    pub(super) fn of(value: &'a Value) -> Self {
        let object = match value {
            Value::Bool(false) => return Node::Nothing,
            Value::Object(object) => object,
            _ => return Node::Any,
        };
        for kind in [Combinator::Any, Combinator::One, Combinator::All] {
            if let Some(Value::Array(subs)) = object.get(kind.keyword()) {
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
            // One member per type; a single type compares as a one-member
            // union, that is as the type itself.
            Some(Value::Array(types)) => Node::Combined {
                kind: Combinator::Any,
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
            _ if object.contains_key("properties")
                || object.contains_key("additionalProperties") =>
            {
                Node::Object(object)
            }
            _ if object.contains_key("items") || object.contains_key("prefixItems") => {
                Node::Array(object)
            }
            _ => Node::Any,
        }
    }

    /// The node's kind, as messages name it.
    pub(super) fn name(&self) -> &'static str {
        match self {
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
}

/// A numeric keyword of a schema node.
pub(super) fn number(object: &Keywords, key: &str) -> Option<f64> {
    object.get(key).and_then(Value::as_f64)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Combinator, Node};

    #[test]
    fn annotations_alone_accept_anything() {
        for schema in
            [json!(true), json!({}), json!({ "description": "x", "default": 1 }), json!(3)]
        {
            assert_eq!(Node::of(&schema).name(), "any", "{schema}");
        }
        assert_eq!(Node::of(&json!(false)).name(), "nothing");
    }

    #[test]
    fn a_type_array_is_a_union_of_one_member_per_type() {
        let schema = json!({ "type": ["string", "null"], "maxLength": 3 });
        let Node::Combined { kind, subs } = Node::of(&schema) else { panic!("not combined") };
        assert_eq!(kind, Combinator::Any);
        let members: Vec<_> = subs.iter().map(|sub| sub.value().clone()).collect();
        assert_eq!(
            members,
            [
                json!({ "type": "string", "maxLength": 3 }),
                json!({ "type": "null", "maxLength": 3 })
            ]
        );
    }

    #[test]
    fn keywords_stand_in_for_a_missing_type() {
        assert_eq!(Node::of(&json!({ "properties": {} })).name(), "object");
        assert_eq!(Node::of(&json!({ "prefixItems": [] })).name(), "array");
        assert_eq!(Node::of(&json!({ "type": "integer", "enum": [1] })).name(), "enum");
    }
}

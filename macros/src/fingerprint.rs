//! The shape of an event type on the wire, and its fingerprint.
//!
//! The shape covers what changes the JSON on the wire: the container's serde
//! attributes (`rename_all`, `deny_unknown_fields`, `tag`, ...) and, per field,
//! its name, its type and its serde attributes (`rename`, `skip`, `default`,
//! `flatten`, ...). Doc comments, other attributes and formatting do not
//! count. The fingerprint is a hash of the shape; the committed schema keeps
//! both, so a mismatch can be explained field by field.

use quote::ToTokens;
use syn::{Attribute, Fields};

use crate::json::Value;

/// One field as the wire sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldShape {
    pub(crate) name: String,
    pub(crate) ty: String,
    pub(crate) serde: Vec<String>,
}

/// The wire shape of a struct.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    pub(crate) container: Vec<String>,
    pub(crate) fields: Vec<FieldShape>,
}

impl Shape {
    pub(crate) fn of(attrs: &[Attribute], fields: &Fields) -> Self {
        Self {
            container: serde_attrs(attrs),
            fields: fields
                .iter()
                .map(|field| FieldShape {
                    name: field.ident.as_ref().map(ToString::to_string).unwrap_or_default(),
                    ty: normalize(field.ty.to_token_stream()),
                    serde: serde_attrs(&field.attrs),
                })
                .collect(),
        }
    }

    /// The canonical text the fingerprint hashes.
    fn canonical(&self) -> String {
        let mut out = String::from("struct");
        for attr in &self.container {
            out.push_str(" #");
            out.push_str(attr);
        }
        for field in &self.fields {
            out.push_str("\nfield ");
            out.push_str(&field.name);
            out.push_str(": ");
            out.push_str(&field.ty);
            for attr in &field.serde {
                out.push_str(" #");
                out.push_str(attr);
            }
        }
        out
    }

    /// FNV-1a (64 bit) of the canonical shape, as 16 hex digits.
    pub(crate) fn fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self.canonical().as_bytes() {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        format!("{hash:016x}")
    }

    /// The shape as JSON, members in name order.
    pub(crate) fn to_json(&self) -> Value {
        let field = |f: &FieldShape| {
            Value::Object(vec![
                ("name".to_owned(), Value::String(f.name.clone())),
                ("serde".to_owned(), Value::strings(&f.serde)),
                ("type".to_owned(), Value::String(f.ty.clone())),
            ])
        };
        Value::Object(vec![
            ("fields".to_owned(), Value::Array(self.fields.iter().map(field).collect())),
            ("serde".to_owned(), Value::strings(&self.container)),
        ])
    }

    /// Reads the shape a committed schema recorded; `None` if it is malformed.
    pub(crate) fn from_json(value: &Value) -> Option<Self> {
        let strings = |value: &Value| -> Option<Vec<String>> {
            value.as_array()?.iter().map(|v| v.as_str().map(str::to_owned)).collect()
        };
        Some(Self {
            container: strings(value.get("serde")?)?,
            fields: value
                .get("fields")?
                .as_array()?
                .iter()
                .map(|field| {
                    Some(FieldShape {
                        name: field.get("name")?.as_str()?.to_owned(),
                        ty: field.get("type")?.as_str()?.to_owned(),
                        serde: strings(field.get("serde")?)?,
                    })
                })
                .collect::<Option<Vec<_>>>()?,
        })
    }

    /// What changed from `committed` to `self`, one line per change.
    pub(crate) fn changes_from(&self, committed: &Shape) -> Vec<String> {
        let mut changes = Vec::new();
        if self.container != committed.container {
            changes.push(format!(
                "the struct's serde attributes changed from {} to {}",
                list(&committed.container),
                list(&self.container)
            ));
        }
        for old in &committed.fields {
            match self.fields.iter().find(|f| f.name == old.name) {
                None => changes.push(format!("field `{}` removed", old.name)),
                Some(new) => {
                    if new.ty != old.ty {
                        changes.push(format!(
                            "field `{}` retyped from `{}` to `{}`",
                            old.name, old.ty, new.ty
                        ));
                    }
                    if new.serde != old.serde {
                        let renamed =
                            new.serde.iter().chain(&old.serde).any(|a| a.contains("rename"));
                        changes.push(format!(
                            "field `{}` {} on the wire: serde attributes changed from {} to {}",
                            old.name,
                            if renamed { "renamed" } else { "changed" },
                            list(&old.serde),
                            list(&new.serde)
                        ));
                    }
                }
            }
        }
        for new in &self.fields {
            if !committed.fields.iter().any(|f| f.name == new.name) {
                changes.push(format!("field `{}: {}` added", new.name, new.ty));
            }
        }
        changes
    }
}

fn list(attrs: &[String]) -> String {
    if attrs.is_empty() {
        "none".to_owned()
    } else {
        attrs.iter().map(|a| format!("`#{a}`")).collect::<Vec<_>>().join(", ")
    }
}

fn serde_attrs(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .map(|attr| normalize(attr.meta.to_token_stream()))
        .collect()
}

/// Token text without the spacing that `to_string` puts between tokens.
fn normalize(tokens: proc_macro2::TokenStream) -> String {
    tokens.to_string().split_whitespace().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(item: &str) -> Shape {
        let item: syn::DeriveInput = syn::parse_str(item).expect("test input parses");
        let syn::Data::Struct(data) = &item.data else { panic!("test input is a struct") };
        Shape::of(&item.attrs, &data.fields)
    }

    #[test]
    fn formatting_and_docs_do_not_change_the_fingerprint() {
        assert_eq!(
            shape("struct A { pub id: u64, pub tags: Vec<String> }").fingerprint(),
            shape("/// doc\n#[derive(Debug)] struct A {\n /// id\n pub id : u64,\n pub tags: Vec < String >, }")
                .fingerprint(),
        );
    }

    #[test]
    fn wire_changes_change_the_fingerprint() {
        let base = shape("struct A { id: u64 }").fingerprint();
        for changed in [
            "struct A { id: u32 }",
            "struct A { order_id: u64 }",
            "struct A { id: u64, extra: bool }",
            "struct A { #[serde(rename = \"ID\")] id: u64 }",
            "struct A { #[serde(default)] id: u64 }",
            "#[serde(deny_unknown_fields)] struct A { id: u64 }",
            "#[serde(rename_all = \"camelCase\")] struct A { id: u64 }",
        ] {
            assert_ne!(shape(changed).fingerprint(), base, "{changed}");
        }
    }

    #[test]
    fn the_shape_survives_its_json_form() {
        let original = shape(
            "#[serde(deny_unknown_fields)] struct A { #[serde(rename = \"ID\")] id: u64, tags: Vec<String> }",
        );
        assert_eq!(Shape::from_json(&original.to_json()), Some(original));
    }

    #[test]
    fn changes_are_named_field_by_field() {
        let old = shape("struct A { id: u64, name: String, gone: bool }");
        let new = shape(
            "struct A { id: String, #[serde(rename = \"fullName\")] name: String, fresh: u8 }",
        );
        assert_eq!(
            new.changes_from(&old),
            [
                "field `id` retyped from `u64` to `String`",
                "field `name` renamed on the wire: serde attributes changed from none to `#serde(rename=\"fullName\")`",
                "field `gone` removed",
                "field `fresh: u8` added",
            ]
        );
    }
}

//! The fingerprint of an event type's wire shape.
//!
//! It covers what changes the JSON on the wire: the container's serde
//! attributes (`rename_all`, `deny_unknown_fields`, `tag`, ...) and, per field,
//! its name, its type and its serde attributes (`rename`, `skip`, `default`,
//! `flatten`, ...). Doc comments, other attributes and formatting do not
//! count. Changing any of these without bumping the event's version is what
//! the committed schemas catch.

use quote::ToTokens;
use syn::{Attribute, Fields};

/// The canonical text of the shape; the fingerprint is its hash.
pub(crate) fn shape(attrs: &[Attribute], fields: &Fields) -> String {
    let mut out = String::from("struct");
    for attr in serde_attrs(attrs) {
        out.push_str(" #");
        out.push_str(&attr);
    }
    for field in fields {
        out.push_str("\nfield ");
        if let Some(ident) = &field.ident {
            out.push_str(&ident.to_string());
        }
        out.push_str(": ");
        out.push_str(&normalize(field.ty.to_token_stream()));
        for attr in serde_attrs(&field.attrs) {
            out.push_str(" #");
            out.push_str(&attr);
        }
    }
    out
}

fn serde_attrs(attrs: &[Attribute]) -> impl Iterator<Item = String> + '_ {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .map(|attr| normalize(attr.meta.to_token_stream()))
}

/// Token text without the spacing that `to_string` puts between tokens.
fn normalize(tokens: proc_macro2::TokenStream) -> String {
    tokens.to_string().split_whitespace().collect()
}

/// FNV-1a (64 bit) of the shape, as 16 hex digits.
pub(crate) fn fingerprint(shape: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in shape.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(item: &str) -> String {
        let item: syn::ItemStruct = syn::parse_str(item).expect("test input parses");
        fingerprint(&shape(&item.attrs, &item.fields))
    }

    #[test]
    fn formatting_and_docs_do_not_change_the_fingerprint() {
        assert_eq!(
            of("struct A { pub id: u64, pub tags: Vec<String> }"),
            of(
                "/// doc\n#[derive(Debug)] struct A {\n /// id\n pub id : u64,\n pub tags: Vec < String >, }"
            ),
        );
    }

    #[test]
    fn wire_changes_change_the_fingerprint() {
        let base = of("struct A { id: u64 }");
        for changed in [
            "struct A { id: u32 }",
            "struct A { order_id: u64 }",
            "struct A { id: u64, extra: bool }",
            "struct A { #[serde(rename = \"ID\")] id: u64 }",
            "struct A { #[serde(default)] id: u64 }",
            "#[serde(deny_unknown_fields)] struct A { id: u64 }",
            "#[serde(rename_all = \"camelCase\")] struct A { id: u64 }",
        ] {
            assert_ne!(of(changed), base, "{changed}");
        }
    }
}

//! Parsing of attribute keys shared by both macros.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, Lit, LitStr, Meta, Token};

/// Collects every error of one macro invocation, reported together.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub(crate) fn at(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }

    pub(crate) fn spanned(&mut self, tokens: impl ToTokens, message: impl std::fmt::Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub(crate) fn into_compile_errors(self) -> TokenStream {
        self.0.map(|error| error.to_compile_error()).unwrap_or_default()
    }
}

/// One `key`, `key = value` or `key(...)` of an attribute.
pub(crate) struct Key {
    pub(crate) name: String,
    pub(crate) meta: Meta,
}

/// Splits `#[macro(a = 1, b, c = "x")]` into keys, rejecting repeated ones
/// (spanned on the repeat) and anything that is not a key.
pub(crate) fn parse_keys(args: TokenStream, errors: &mut Errors) -> Vec<Key> {
    let metas = match Punctuated::<Meta, Token![,]>::parse_terminated.parse2(args) {
        Ok(metas) => metas,
        Err(error) => {
            errors.push(error);
            return Vec::new();
        }
    };
    let mut seen = HashSet::new();
    let mut keys = Vec::new();
    for meta in metas {
        let path = meta.path();
        let name = match path.get_ident() {
            Some(ident) => ident.to_string(),
            None if path.is_ident("crate") => "crate".to_owned(),
            None => path.to_token_stream().to_string().replace(' ', ""),
        };
        if !seen.insert(name.clone()) {
            errors.spanned(path, format!("duplicate key `{name}`"));
            continue;
        }
        keys.push(Key { name, meta });
    }
    keys
}

/// The error for a key the macro does not know.
pub(crate) fn unknown_key(errors: &mut Errors, key: &Key, valid: &[&str]) {
    let expected: Vec<String> = valid.iter().map(|k| format!("`{k}`")).collect();
    errors.spanned(
        key.meta.path(),
        format!("unknown key `{}`, expected one of: {}", key.name, expected.join(", ")),
    );
}

/// The value of `key = value`, or an error naming the expected form.
pub(crate) fn value<'a>(key: &'a Key, errors: &mut Errors, form: &str) -> Option<&'a Expr> {
    match &key.meta {
        Meta::NameValue(name_value) => Some(&name_value.value),
        other => {
            errors.spanned(other, format!("expected `{} = {form}`", key.name));
            None
        }
    }
}

/// `key = "text"`.
pub(crate) fn string(key: &Key, errors: &mut Errors) -> Option<LitStr> {
    match value(key, errors, "\"...\"")? {
        Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => {
            if text.value().trim().is_empty() {
                errors.spanned(text, format!("`{}` must not be empty", key.name));
                None
            } else {
                Some(text.clone())
            }
        }
        other => {
            errors.spanned(other, format!("expected a string, like `{} = \"...\"`", key.name));
            None
        }
    }
}

/// `key = true`, `key = false`, or the bare `key` (true).
pub(crate) fn flag(key: &Key, errors: &mut Errors) -> Option<bool> {
    match &key.meta {
        Meta::Path(_) => Some(true),
        Meta::NameValue(nv) => match &nv.value {
            Expr::Lit(ExprLit { lit: Lit::Bool(b), .. }) => Some(b.value),
            other => {
                errors.spanned(
                    other,
                    format!("expected `{0}`, `{0} = true` or `{0} = false`", key.name),
                );
                None
            }
        },
        Meta::List(list) => {
            errors
                .spanned(list, format!("expected `{0}`, `{0} = true` or `{0} = false`", key.name));
            None
        }
    }
}

/// `key = field`: a field name.
pub(crate) fn ident(key: &Key, errors: &mut Errors) -> Option<syn::Ident> {
    match value(key, errors, "field_name")? {
        Expr::Path(path) if path.qself.is_none() && path.path.get_ident().is_some() => {
            path.path.get_ident().cloned()
        }
        other => {
            errors.spanned(other, format!("expected a field name, like `{} = order_id`", key.name));
            None
        }
    }
}

/// `crate = path` (also accepted as a string, like serde's `crate = "..."`).
pub(crate) fn crate_path(key: &Key, errors: &mut Errors) -> Option<syn::Path> {
    match value(key, errors, "path::to::evently")? {
        Expr::Path(path) if path.qself.is_none() => Some(path.path.clone()),
        Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => match text.parse::<syn::Path>() {
            Ok(path) => Some(path),
            Err(_) => {
                errors.spanned(text, "expected a path, like `crate = ::my_app::evently`");
                None
            }
        },
        other => {
            errors.spanned(other, "expected a path, like `crate = ::my_app::evently`");
            None
        }
    }
}

/// A duration written `"250ms"`, `"2s"`, `"1m"` or `"1h"`, in milliseconds.
pub(crate) fn duration_ms(text: &LitStr, errors: &mut Errors) -> Option<u64> {
    let value = text.value();
    let value = value.trim();
    let split = value.find(|c: char| !c.is_ascii_digit()).unwrap_or(value.len());
    let (number, unit) = value.split_at(split);
    let factor = match unit.trim() {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => 0,
    };
    match number.parse::<u64>() {
        Ok(number) if factor > 0 => Some(number.saturating_mul(factor)),
        _ => {
            errors.spanned(
                text,
                format!("invalid duration `{value}`, expected a whole number and a unit: `250ms`, `2s`, `1m` or `1h`"),
            );
            None
        }
    }
}

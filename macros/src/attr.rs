//! Parsing of attribute keys shared by both macros.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::discouraged::Speculative;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, Ident, Lit, LitStr, Path, PathSegment, Token, parenthesized, token};

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
    pub(crate) path: Path,
    pub(crate) form: Form,
    /// The whole key as written, for errors about its form.
    tokens: TokenStream,
}

/// What follows a key's name.
pub(crate) enum Form {
    /// `key`
    Bare,
    /// `key = value`
    Value(Value),
    /// `key(...)`
    List,
}

/// The value of `key = value`.
pub(crate) enum Value {
    /// `name(...)`: a call whose arguments the key reads itself, since
    /// they need not be expressions (`exponential(initial = "1s")`).
    Call(Call),
    /// Anything else.
    Expr(Expr),
}

/// `name(...)` as a key's value.
pub(crate) struct Call {
    pub(crate) func: Ident,
    pub(crate) paren: token::Paren,
    pub(crate) args: TokenStream,
}

impl ToTokens for Call {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.func.to_tokens(tokens);
        self.paren.surround(tokens, |inner| inner.extend(self.args.clone()));
    }
}

impl ToTokens for Value {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Value::Call(call) => call.to_tokens(tokens),
            Value::Expr(expr) => expr.to_tokens(tokens),
        }
    }
}

impl Parse for Key {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let start = input.fork();
        let path = key_path(input)?;
        let form = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            if input.peek(Ident) && input.peek2(token::Paren) {
                let args;
                let func = input.parse()?;
                let paren = parenthesized!(args in input);
                Form::Value(Value::Call(Call { func, paren, args: args.parse()? }))
            } else {
                // A literal alone is read as one, so that `-1` is a negative
                // number rather than a negation.
                let ahead = input.fork();
                match ahead.parse::<Lit>() {
                    Ok(lit) if ahead.is_empty() || ahead.peek(Token![,]) => {
                        input.advance_to(&ahead);
                        Form::Value(Value::Expr(Expr::Lit(ExprLit { attrs: Vec::new(), lit })))
                    }
                    _ => Form::Value(Value::Expr(input.parse()?)),
                }
            }
        } else if input.peek(token::Paren) {
            let args;
            parenthesized!(args in input);
            args.parse::<TokenStream>()?;
            Form::List
        } else {
            Form::Bare
        };
        let mut tokens = TokenStream::new();
        let mut cursor = start.cursor();
        while cursor != input.cursor() {
            let Some((tree, next)) = cursor.token_tree() else { break };
            tokens.extend([tree]);
            cursor = next;
        }
        let name = match path.get_ident() {
            Some(ident) => ident.to_string(),
            None => path.to_token_stream().to_string().replace(' ', ""),
        };
        Ok(Key { name, path, form, tokens })
    }
}

/// A key's name: a path whose segments may be keywords (`crate`).
fn key_path(input: ParseStream<'_>) -> syn::Result<Path> {
    let leading_colon = input.parse()?;
    let mut segments = Punctuated::new();
    if !input.peek(Ident::peek_any) {
        return Err(input.error("expected a key, like `name = \"...\"`"));
    }
    segments.push_value(PathSegment::from(Ident::parse_any(input)?));
    while input.peek(Token![::]) {
        segments.push_punct(input.parse()?);
        segments.push_value(PathSegment::from(Ident::parse_any(input)?));
    }
    Ok(Path { leading_colon, segments })
}

/// Splits `#[macro(a = 1, b, c = "x")]` into keys, rejecting repeated ones
/// (spanned on the repeat) and anything that is not a key.
pub(crate) fn parse_keys(args: TokenStream, errors: &mut Errors) -> Vec<Key> {
    let parsed = match Punctuated::<Key, Token![,]>::parse_terminated.parse2(args) {
        Ok(parsed) => parsed,
        Err(error) => {
            errors.push(error);
            return Vec::new();
        }
    };
    let mut seen = HashSet::new();
    let mut keys = Vec::new();
    for key in parsed {
        if !seen.insert(key.name.clone()) {
            errors.spanned(&key.path, format!("duplicate key `{}`", key.name));
            continue;
        }
        keys.push(key);
    }
    keys
}

/// The error for a key the macro does not know.
pub(crate) fn unknown_key(errors: &mut Errors, key: &Key, valid: &[&str]) {
    let expected: Vec<String> = valid.iter().map(|k| format!("`{k}`")).collect();
    errors.spanned(
        &key.path,
        format!("unknown key `{}`, expected one of: {}", key.name, expected.join(", ")),
    );
}

/// The value of `key = value`, or an error naming the expected form.
pub(crate) fn value<'a>(key: &'a Key, errors: &mut Errors, form: &str) -> Option<&'a Value> {
    match &key.form {
        Form::Value(value) => Some(value),
        Form::Bare | Form::List => {
            errors.spanned(&key.tokens, format!("expected `{} = {form}`", key.name));
            None
        }
    }
}

/// `key = "text"`.
pub(crate) fn string(key: &Key, errors: &mut Errors) -> Option<LitStr> {
    match value(key, errors, "\"...\"")? {
        Value::Expr(Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => {
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
    match &key.form {
        Form::Bare => Some(true),
        Form::Value(value) => match value {
            Value::Expr(Expr::Lit(ExprLit { lit: Lit::Bool(b), .. })) => Some(b.value),
            other => {
                errors.spanned(
                    other,
                    format!("expected `{0}`, `{0} = true` or `{0} = false`", key.name),
                );
                None
            }
        },
        Form::List => {
            errors.spanned(
                &key.tokens,
                format!("expected `{0}`, `{0} = true` or `{0} = false`", key.name),
            );
            None
        }
    }
}

/// `key = field`: a field name.
pub(crate) fn ident(key: &Key, errors: &mut Errors) -> Option<syn::Ident> {
    match value(key, errors, "field_name")? {
        Value::Expr(Expr::Path(path))
            if path.qself.is_none() && path.path.get_ident().is_some() =>
        {
            path.path.get_ident().cloned()
        }
        other => {
            errors.spanned(other, format!("expected a field name, like `{} = order_id`", key.name));
            None
        }
    }
}

/// `crate = path` (also accepted as a string, like serde's `crate = "..."`).
pub(crate) fn crate_path(key: &Key, errors: &mut Errors) -> Option<Path> {
    match value(key, errors, "path::to::evently")? {
        Value::Expr(Expr::Path(path)) if path.qself.is_none() => Some(path.path.clone()),
        Value::Expr(Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => match text.parse::<Path>() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(args: &str) -> (Vec<Key>, Errors) {
        let mut errors = Errors::default();
        let keys = parse_keys(args.parse().expect("tokens"), &mut errors);
        (keys, errors)
    }

    #[test]
    fn keys_of_every_form_are_read() {
        let (keys, errors) = keys(
            "name = \"a\", retries = -1, guard, crate = ::my::evently, type = 1, \
             backoff = exponential(initial = \"1s\", factor = 1.5), key = order_id, list(x), \
             version = 1 + 1",
        );
        assert!(errors.is_empty(), "{}", errors.into_compile_errors());
        let names: Vec<&str> = keys.iter().map(|key| key.name.as_str()).collect();
        assert_eq!(
            names,
            ["name", "retries", "guard", "crate", "type", "backoff", "key", "list", "version"]
        );
        assert!(
            matches!(&keys[1].form, Form::Value(Value::Expr(Expr::Lit(ExprLit { lit: Lit::Int(int), .. }))) if int.base10_digits() == "-1")
        );
        assert!(matches!(keys[2].form, Form::Bare));
        assert!(matches!(&keys[3].form, Form::Value(Value::Expr(Expr::Path(_)))));
        assert!(matches!(&keys[5].form, Form::Value(Value::Call(call))
            if call.func == "exponential" && call.args.to_string().contains("factor")));
        assert!(matches!(keys[7].form, Form::List));
        assert!(matches!(&keys[8].form, Form::Value(Value::Expr(Expr::Binary(_)))));
    }

    #[test]
    fn repeated_and_malformed_keys_are_errors() {
        let (keys, errors) = keys("retries = 1, retries = 2");
        assert_eq!(keys.len(), 1);
        assert!(!errors.is_empty());
        for malformed in ["\"name\"", "name = ", "name = a b", "= 1"] {
            let (_, errors) = super::tests::keys(malformed);
            assert!(!errors.is_empty(), "{malformed}");
        }
    }
}

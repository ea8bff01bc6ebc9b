//! `#[event]`: parse the keys, check the struct, generate the `Event` impl and
//! its registration.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Expr, ExprLit, Fields, Lit, LitStr, Path};

use crate::attr::{self, Errors, Key, Value};
use crate::fingerprint::Shape;
use crate::{schema, tense};

const KEYS: &[&str] = &[
    "name",
    "version",
    "topic",
    "key",
    "compat",
    "upcast_from",
    "schemas",
    "check_tense",
    "crate",
];

const COMPAT_MODES: &[(&str, &str)] = &[
    ("backward", "Backward"),
    ("backward_transitive", "BackwardTransitive"),
    ("forward", "Forward"),
    ("forward_transitive", "ForwardTransitive"),
    ("full", "Full"),
    ("full_transitive", "FullTransitive"),
    ("none", "None"),
];

/// The keys of `#[event(...)]`.
struct Args {
    name: Option<LitStr>,
    version: Option<u32>,
    topic: Option<LitStr>,
    key: Option<syn::Ident>,
    compat: Option<LitStr>,
    upcast_from: Option<syn::Type>,
    schemas: Option<LitStr>,
    check_tense: bool,
    krate: Option<Path>,
}

fn parse_args(keys: &[Key], errors: &mut Errors) -> Args {
    let mut args = Args {
        name: None,
        version: None,
        topic: None,
        key: None,
        compat: None,
        upcast_from: None,
        schemas: None,
        check_tense: true,
        krate: None,
    };
    for key in keys {
        match key.name.as_str() {
            // #[event(name = "order.placed")]
            "name" => {
                args.name = attr::string(key, errors);
                if let Some(name) = &args.name {
                    check_name(name, errors);
                }
            }
            // #[event(version = 2)]
            "version" => args.version = version(key, errors),
            // #[event(topic = "orders")]
            "topic" => args.topic = attr::string(key, errors),
            // #[event(key = order_id)]
            "key" => args.key = attr::ident(key, errors),
            // #[event(compat = "full")]
            "compat" => {
                args.compat = attr::string(key, errors).filter(|mode| compat_mode(mode, errors))
            }
            // #[event(version = 2, upcast_from = OrderPlacedV1)]
            "upcast_from" => args.upcast_from = upcast_from(key, errors),
            // #[event(schemas = "../schemas")]
            "schemas" => args.schemas = attr::string(key, errors),
            // #[event(check_tense = false)]
            "check_tense" => args.check_tense = attr::flag(key, errors).unwrap_or(true),
            // #[event(crate = ::my_app::evently)]
            "crate" => args.krate = attr::crate_path(key, errors),
            _ => attr::unknown_key(errors, key, KEYS),
        }
    }
    args
}

fn compat_mode(mode: &LitStr, errors: &mut Errors) -> bool {
    let known = COMPAT_MODES.iter().any(|(name, _)| *name == mode.value());
    if !known {
        let expected: Vec<String> = COMPAT_MODES.iter().map(|(m, _)| format!("`{m}`")).collect();
        errors.spanned(
            mode,
            format!(
                "unknown compatibility mode `{}`, expected one of: {}",
                mode.value(),
                expected.join(", ")
            ),
        );
    }
    known
}

fn upcast_from(key: &Key, errors: &mut Errors) -> Option<syn::Type> {
    match attr::value(key, errors, "OlderVersionType")? {
        Value::Expr(Expr::Path(path)) if path.qself.is_none() => {
            Some(syn::Type::Path(syn::TypePath {
                attrs: Vec::new(),
                qself: None,
                path: path.path.clone(),
            }))
        }
        other => {
            errors.spanned(
                other,
                "expected the type of the previous version, like `upcast_from = OrderPlacedV1`",
            );
            None
        }
    }
}

/// Event names become folder names under `schemas/`.
fn check_name(name: &LitStr, errors: &mut Errors) {
    let value = name.value();
    let bad = value.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')));
    if let Some(bad) = bad {
        errors.spanned(
            name,
            format!("event names may contain ASCII letters, digits, `.`, `_` and `-`, not `{bad}`"),
        );
    }
}

fn version(key: &Key, errors: &mut Errors) -> Option<u32> {
    match attr::value(key, errors, "1")? {
        Value::Expr(Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => {
            match int.base10_parse::<u32>() {
                Ok(0) => {
                    errors.spanned(int, "`version` starts at 1");
                    None
                }
                Ok(version) => Some(version),
                Err(_) => {
                    errors.spanned(int, "`version` must be an integer from 1 to 4294967295");
                    None
                }
            }
        }
        other => {
            errors.spanned(other, "`version` must be an integer, like `version = 2`");
            None
        }
    }
}

pub(crate) fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let keys = attr::parse_keys(args, &mut errors);
    let args = parse_args(&keys, &mut errors);
    let item: DeriveInput = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(error) => {
            errors.push(error);
            let compile_errors = errors.into_compile_errors();
            return quote!(#input #compile_errors);
        }
    };
    check_item(&item, &args, &mut errors);
    if !errors.is_empty() {
        // Emit the struct as written so one mistake does not cascade into
        // errors wherever the type is used.
        let compile_errors = errors.into_compile_errors();
        return quote!(#input #compile_errors);
    }
    generate(item, args)
}

/// The struct must have named fields, no generics, and the `key` must name a field.
fn check_item(item: &DeriveInput, args: &Args, errors: &mut Errors) {
    match &item.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => {
                if let Some(key) = &args.key
                    && !fields.named.iter().any(|f| f.ident.as_ref() == Some(key)) {
                        let names: Vec<String> = fields
                            .named
                            .iter()
                            .filter_map(|f| f.ident.as_ref().map(|i| format!("`{i}`")))
                            .collect();
                        errors.spanned(
                            key,
                            format!(
                                "`key` names no field of `{}`: there is no field `{key}`, expected one of: {}",
                                item.ident,
                                names.join(", ")
                            ),
                        );
                    }
            }
            Fields::Unnamed(fields) => errors.spanned(
                fields,
                "`#[event]` needs a struct with named fields (`struct E { id: u64 }`): its data is a JSON object",
            ),
            Fields::Unit => errors.spanned(
                &item.ident,
                "`#[event]` needs a struct with named fields (`struct E { id: u64 }`): its data is a JSON object",
            ),
        },
        Data::Enum(data) => errors.spanned(
            data.enum_token,
            "`#[event]` supports structs, not enums: make each variant its own `#[event]` struct",
        ),
        Data::Union(data) => {
            errors.spanned(data.union_token, "`#[event]` supports structs, not unions")
        }
    }
    if let (Some(upcast), None | Some(1)) = (&args.upcast_from, args.version) {
        errors.spanned(
            upcast,
            "`upcast_from` needs a `version` above 1: it names the type of an earlier version",
        );
    }
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        errors.spanned(
            &item.generics,
            "`#[event]` does not support generics: an event name and version must describe one concrete type",
        );
    }
}

/// Whether `ty` is written as an integer type of at most 64 bits, which
/// `evently::Key` converts from directly.
fn is_integer(ty: &syn::Type) -> bool {
    const INTEGERS: &[&str] =
        &["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize"];
    matches!(ty, syn::Type::Path(path) if path.qself.is_none()
        && path.path.get_ident().is_some_and(|ident| INTEGERS.iter().any(|int| ident == int)))
}

fn generate(mut item: DeriveInput, args: Args) -> TokenStream {
    let krate = args.krate.clone().unwrap_or_else(|| syn::parse_quote!(::evently));
    let ident = item.ident.clone();
    let name = args.name.as_ref().map_or_else(|| ident.to_string(), LitStr::value);
    let name_span = args.name.as_ref().map_or_else(|| ident.span(), LitStr::span);
    let ident = &ident;
    let version = args.version.unwrap_or(1);
    let topic = args.topic.as_ref().map_or_else(|| name.clone(), LitStr::value);
    let fields = match &item.data {
        Data::Struct(data) => data.fields.clone(),
        _ => Fields::Unit,
    };
    let shape = Shape::of(&item.attrs, &fields);
    let fingerprint = shape.fingerprint();
    let shape_json = shape.to_json().to_compact();

    let schemas_dir = schema::locate(args.schemas.as_ref().map(LitStr::value).as_deref());
    // The folder this check read is the one the test-time check reads.
    let schemas_dir_tokens = schemas_dir.as_ref().map(|dir| {
        let dir = dir.to_string_lossy();
        quote!(.with_schemas_dir(#dir))
    });
    let drift = schema::check(
        schemas_dir.as_deref(),
        &name,
        version,
        &ident.to_string(),
        &shape,
        ident.span(),
    );
    // Drift is reported next to the full expansion: the type is still a
    // valid event, so its uses do not add errors of their own.
    let (include_schema, drift_error) = match drift {
        schema::Drift::NoFile => (None, None),
        schema::Drift::Matches { include } => (Some(include), None),
        schema::Drift::Error(error) => (None, Some(error.to_compile_error())),
    };
    let compat = args.compat.as_ref().map_or("Backward", |mode| {
        COMPAT_MODES.iter().find(|(name, _)| *name == mode.value()).map_or("Backward", |(_, v)| v)
    });
    let compat = format_ident!("{}", compat);
    // Checks and conversion are spanned on the `upcast_from` value, so a
    // missing `From` impl or a wrong type is reported there, once.
    let (upcast_check, upcast) = match &args.upcast_from {
        None => (None, quote!()),
        Some(from) => {
            let span = from.span();
            let this = syn::Ident::new(&ident.to_string(), span);
            let check = quote_spanned! {span=>
                const _: () = #krate::__private::assert_upcast::<#from, #this>();
            };
            let convert = quote_spanned! {span=> #krate::__private::upcast::<#from, #this> };
            let value = quote! {
                .with_upcast(#krate::__private::Upcast::new(
                    <#from as #krate::Event>::VERSION,
                    #krate::__private::type_id::<#from>,
                    #convert,
                ))
            };
            (Some(check), value)
        }
    };

    add_derives(&mut item, &krate);

    let key_fn = args.key.as_ref().map(|key| {
        // An integer field is written digit by digit; any other through
        // its `Display` form.
        let value = if fields.iter().any(|f| f.ident.as_ref() == Some(key) && is_integer(&f.ty)) {
            quote_spanned! {key.span()=> #krate::Key::from(self.#key) }
        } else {
            quote_spanned! {key.span()=> #krate::Key::display(&self.#key) }
        };
        quote_spanned! {key.span()=>
            fn key(&self) -> ::core::option::Option<#krate::Key> {
                ::core::option::Option::Some(#value)
            }
        }
    });
    let tense_warning =
        (args.check_tense && !tense::is_past_tense(&name)).then(|| tense_warning(&name, name_span));

    quote! {
        #item

        #[doc(hidden)]
        const _: () = {
            #[automatically_derived]
            impl #krate::Event for #ident {
                const NAME: &'static str = #name;
                const VERSION: u32 = #version;
                const TOPIC: &'static str = #topic;
                const FINGERPRINT: &'static str = #fingerprint;
                #key_fn
            }

            #krate::__private::inventory::submit! {
                #krate::EventDescriptor::new(
                    #name,
                    #version,
                    #topic,
                    #fingerprint,
                    #krate::__private::type_name::<#ident>,
                    #krate::__private::type_id::<#ident>,
                    #krate::__private::schema::<#ident>,
                    #krate::__private::decode_erased::<#ident>,
                    #shape_json,
                    ::core::env!("CARGO_PKG_NAME"),
                    ::core::concat!(::core::file!(), ":", ::core::line!()),
                )
                .with_compat(#krate::Compatibility::#compat)
                #upcast
                #schemas_dir_tokens
            }

            #upcast_check
            #include_schema
        };

        #tense_warning
        #drift_error
    }
}

/// Adds `Serialize`, `Deserialize` and `JsonSchema` derives the struct lacks,
/// through evently's re-exports so users need not depend on those crates.
fn add_derives(item: &mut DeriveInput, krate: &Path) {
    let mut derived = Vec::new();
    for attr in item.attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            if let Some(last) = meta.path.segments.last() {
                derived.push(last.ident.to_string());
            }
            Ok(())
        });
    }
    let has = |name: &str| derived.iter().any(|d| d == name);
    let mut derives = Vec::new();
    if !has("Serialize") {
        derives.push(quote!(#krate::__private::serde::Serialize));
    }
    if !has("Deserialize") {
        derives.push(quote!(#krate::__private::serde::Deserialize));
    }
    let serde_crate = format!("{}::__private::serde", krate.to_token_stream()).replace(' ', "");
    let schemars_crate =
        format!("{}::__private::schemars", krate.to_token_stream()).replace(' ', "");
    let mut attrs: Vec<syn::Attribute> = Vec::new();
    if !has("JsonSchema") {
        derives.push(quote!(#krate::__private::schemars::JsonSchema));
        attrs.push(syn::parse_quote!(#[schemars(crate = #schemars_crate)]));
    }
    if !derives.is_empty() {
        attrs.insert(0, syn::parse_quote!(#[derive(#(#derives),*)]));
    }
    if !has("Serialize") && !has("Deserialize") {
        attrs.push(syn::parse_quote!(#[serde(crate = #serde_crate)]));
    }
    item.attrs.splice(0..0, attrs);
}

/// A warning (not an error) through the `#[deprecated]` lint, which a
/// proc macro can trigger on stable Rust.
fn tense_warning(name: &str, span: Span) -> TokenStream {
    let word = tense::last_word(name);
    let note = format!(
        "event names are past tense: `{name}` ends in `{word}`, which reads as a command or a noun; \
         name what happened (`OrderPlaced`, not `PlaceOrder`), or add `check_tense = false` if the name is right"
    );
    let marker = format_ident!("event_name_is_not_past_tense", span = span);
    quote_spanned! {span=>
        const _: () = {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const #marker: () = ();
            #marker
        };
    }
}

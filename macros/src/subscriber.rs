//! `#[subscriber]`: parse the keys, check the signature, generate the wrapper
//! and its registration. The fn's body is passed through as tokens.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{
    Attribute, Expr, ExprLit, FnArg, GenericArgument, Lit, LitStr, Path, PathArguments, ReturnType,
    Signature, Type, Visibility,
};

use crate::attr::{self, Errors, Key};

const KEYS: &[&str] =
    &["name", "group", "retries", "backoff", "dead_letter", "idempotent", "dedup_key", "crate"];

const BACKOFF_FORMS: &str = "expected `\"immediate\"`, `\"exponential\"`, `fixed(\"250ms\")` or \
     `exponential(initial = \"100ms\", factor = 2, max = \"10s\", jitter = true)`";

/// An async fn whose body is kept as tokens.
struct SubscriberFn {
    attrs: Vec<Attribute>,
    vis: Visibility,
    sig: Signature,
    body: TokenStream,
}

impl Parse for SubscriberFn {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Ok(Self {
            attrs: input.call(Attribute::parse_outer)?,
            vis: input.parse()?,
            sig: input.parse()?,
            body: input.parse()?,
        })
    }
}

impl ToTokens for SubscriberFn {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for attr in &self.attrs {
            attr.to_tokens(tokens);
        }
        self.vis.to_tokens(tokens);
        self.sig.to_tokens(tokens);
        self.body.to_tokens(tokens);
    }
}

/// The keys of `#[subscriber(...)]`.
#[derive(Default)]
struct Args {
    name: Option<LitStr>,
    group: Option<LitStr>,
    retries: Option<u32>,
    backoff: Option<Backoff>,
    dead_letter: Option<LitStr>,
    idempotent: bool,
    dedup_key: Option<syn::Ident>,
    krate: Option<Path>,
}

enum Backoff {
    Immediate,
    Fixed { delay_ms: u64 },
    Exponential { initial_ms: u64, factor: f64, max_ms: u64, jitter: bool },
}

const DEFAULT_EXPONENTIAL: Backoff =
    Backoff::Exponential { initial_ms: 100, factor: 2.0, max_ms: 10_000, jitter: true };

fn parse_args(keys: &[Key], errors: &mut Errors) -> Args {
    let mut args = Args::default();
    for key in keys {
        match key.name.as_str() {
            // #[subscriber(name = "billing.issue_invoice")]
            "name" => args.name = attr::string(key, errors),
            // #[subscriber(group = "billing")]
            "group" => args.group = attr::string(key, errors),
            // #[subscriber(retries = 3)]
            "retries" => args.retries = retries(key, errors),
            // #[subscriber(backoff = "exponential")], #[subscriber(backoff = fixed("1s"))]
            "backoff" => {
                args.backoff =
                    attr::value(key, errors, "\"exponential\"").and_then(|v| backoff(v, errors))
            }
            // #[subscriber(dead_letter = "dlq.billing")]
            "dead_letter" => args.dead_letter = attr::string(key, errors),
            // #[subscriber(idempotent)]
            "idempotent" => args.idempotent = attr::flag(key, errors).unwrap_or(false),
            // #[subscriber(dedup_key = order_id)]
            "dedup_key" => args.dedup_key = attr::ident(key, errors),
            // #[subscriber(crate = ::my_app::evently)]
            "crate" => args.krate = attr::crate_path(key, errors),
            _ => attr::unknown_key(errors, key, KEYS),
        }
    }
    if let (true, Some(dedup_key)) = (args.idempotent, &args.dedup_key) {
        errors.spanned(
            dedup_key,
            "`dedup_key` has no effect on an `idempotent` subscriber, which is not guarded: remove one of them",
        );
    }
    args
}

fn retries(key: &Key, errors: &mut Errors) -> Option<u32> {
    match attr::value(key, errors, "3")? {
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => match int.base10_parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.spanned(int, "`retries` must be an integer from 0 to 4294967295");
                None
            }
        },
        other => {
            errors.spanned(other, "`retries` must be an integer, like `retries = 3`");
            None
        }
    }
}

fn backoff(value: &Expr, errors: &mut Errors) -> Option<Backoff> {
    let named = |name: &str, span: &dyn ToTokens, errors: &mut Errors| match name {
        "immediate" => Some(Backoff::Immediate),
        "exponential" => Some(DEFAULT_EXPONENTIAL),
        "fixed" => {
            errors.spanned(span, "a fixed backoff needs its delay: `backoff = fixed(\"250ms\")`");
            None
        }
        other => {
            errors.spanned(span, format!("unknown backoff `{other}`, {BACKOFF_FORMS}"));
            None
        }
    };
    match value {
        Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => named(&text.value(), text, errors),
        Expr::Path(path) if path.path.get_ident().is_some() => {
            named(&path.path.to_token_stream().to_string(), path, errors)
        }
        Expr::Call(call) => {
            let function = match &*call.func {
                Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
                _ => None,
            };
            match function.as_deref() {
                Some("fixed") => {
                    let delay = match call.args.first() {
                        Some(Expr::Lit(ExprLit { lit: Lit::Str(text), .. }))
                            if call.args.len() == 1 =>
                        {
                            attr::duration_ms(text, errors)?
                        }
                        _ => {
                            errors
                                .spanned(&call.args, "expected one delay, like `fixed(\"250ms\")`");
                            return None;
                        }
                    };
                    Some(Backoff::Fixed { delay_ms: delay })
                }
                Some("exponential") => exponential(call, errors),
                _ => {
                    errors.spanned(&call.func, format!("unknown backoff, {BACKOFF_FORMS}"));
                    None
                }
            }
        }
        other => {
            errors.spanned(other, format!("invalid `backoff`, {BACKOFF_FORMS}"));
            None
        }
    }
}

fn exponential(call: &syn::ExprCall, errors: &mut Errors) -> Option<Backoff> {
    const PARAMS: &str = "expected one of: `initial`, `factor`, `max`, `jitter`";
    let (mut initial_ms, mut factor, mut max_ms, mut jitter) = (100, 2.0, 10_000, true);
    let mut seen = Vec::new();
    let mut ok = true;
    for arg in &call.args {
        let Expr::Assign(assign) = arg else {
            errors.spanned(arg, format!("expected `name = value`, {PARAMS}"));
            ok = false;
            continue;
        };
        let name = assign.left.to_token_stream().to_string();
        if seen.contains(&name) {
            errors.spanned(&assign.left, format!("duplicate backoff parameter `{name}`"));
            ok = false;
            continue;
        }
        seen.push(name.clone());
        let right = &*assign.right;
        match (name.as_str(), right) {
            ("initial", Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => {
                match attr::duration_ms(text, errors) {
                    Some(ms) => initial_ms = ms,
                    None => ok = false,
                }
            }
            ("max", Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => {
                match attr::duration_ms(text, errors) {
                    Some(ms) => max_ms = ms,
                    None => ok = false,
                }
            }
            ("factor", Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => {
                factor = int.base10_parse::<u32>().map(f64::from).unwrap_or(0.0)
            }
            ("factor", Expr::Lit(ExprLit { lit: Lit::Float(float), .. })) => {
                factor = float.base10_parse::<f64>().unwrap_or(0.0)
            }
            ("jitter", Expr::Lit(ExprLit { lit: Lit::Bool(b), .. })) => jitter = b.value,
            ("initial" | "max", other) => {
                errors.spanned(other, format!("`{name}` is a duration, like `{name} = \"100ms\"`"));
                ok = false;
            }
            ("factor", other) => {
                errors.spanned(other, "`factor` is a number, like `factor = 2` or `factor = 1.5`");
                ok = false;
            }
            ("jitter", other) => {
                errors.spanned(other, "`jitter` is `true` or `false`");
                ok = false;
            }
            _ => {
                errors
                    .spanned(&assign.left, format!("unknown backoff parameter `{name}`, {PARAMS}"));
                ok = false;
            }
        }
        if name == "factor" && !(factor.is_finite() && factor >= 1.0) {
            errors.spanned(right, "`factor` must be at least 1");
            ok = false;
        }
    }
    if ok && max_ms < initial_ms {
        errors.spanned(call, "`max` must not be shorter than `initial`");
        ok = false;
    }
    ok.then_some(Backoff::Exponential { initial_ms, factor, max_ms, jitter })
}

/// How the fn takes the event.
enum EventArg {
    /// `&E`
    Reference(Type),
    /// `Envelope<E>`
    Envelope(Type),
}

/// How the fn takes the context, if it does.
enum ContextArg {
    Owned,
    Reference,
}

struct Checked {
    event: EventArg,
    context: Option<ContextArg>,
    output: Type,
}

fn check_signature(sig: &Signature, errors: &mut Errors) -> Option<Checked> {
    let before = errors.is_empty();
    if sig.asyncness.is_none() {
        errors.spanned(sig.fn_token, "`#[subscriber]` needs an `async fn`");
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors
            .spanned(&sig.generics, "a subscriber fn cannot be generic: it handles one event type");
    }
    let mut inputs = sig.inputs.iter();
    let event = match inputs.next() {
        None => {
            errors.at(
                sig.paren_token.span.join(),
                "a subscriber takes the event as its first argument: `event: &E` or `event: Envelope<E>`",
            );
            None
        }
        Some(FnArg::Receiver(receiver)) => {
            // The other arguments are meaningless for a method: say only this.
            errors.spanned(receiver, "`#[subscriber]` goes on a free fn, not a method");
            return None;
        }
        Some(FnArg::Typed(arg)) => event_arg(&arg.ty, errors),
    };
    let context = match inputs.next() {
        None => None,
        Some(FnArg::Receiver(receiver)) => {
            errors.spanned(receiver, "`#[subscriber]` goes on a free fn, not a method");
            None
        }
        Some(FnArg::Typed(arg)) => context_arg(&arg.ty, errors),
    };
    for extra in inputs {
        errors.spanned(
            extra,
            "too many arguments: a subscriber takes the event and, optionally, a `Context`",
        );
    }
    let output = match &sig.output {
        ReturnType::Type(_, ty) if last_segment_is(ty, "Result") => Some((**ty).clone()),
        ReturnType::Type(_, ty) => {
            errors.spanned(ty, "a subscriber returns `Result<(), E>`, like `evently::Result<()>`");
            None
        }
        ReturnType::Default => {
            errors.at(
                sig.paren_token.span.close(),
                "a subscriber returns `Result<(), E>`: add `-> evently::Result<()>` so failures can be retried",
            );
            None
        }
    };
    if !before || !errors.is_empty() {
        return None;
    }
    Some(Checked { event: event?, context, output: output? })
}

fn last_segment_is(ty: &Type, name: &str) -> bool {
    match ty {
        Type::Path(path) => path.path.segments.last().is_some_and(|s| s.ident == name),
        _ => false,
    }
}

fn event_arg(ty: &Type, errors: &mut Errors) -> Option<EventArg> {
    match ty {
        Type::Reference(reference) if reference.mutability.is_some() => {
            errors.spanned(reference, "events are immutable: take the event as `&E`, not `&mut E`");
            None
        }
        Type::Reference(reference) => Some(EventArg::Reference((*reference.elem).clone())),
        Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            if last.ident != "Envelope" {
                errors.spanned(
                    ty,
                    format!(
                        "take the event as `&{0}` or `Envelope<{0}>`: events are shared, not moved",
                        ty.to_token_stream()
                    ),
                );
                return None;
            }
            match &last.arguments {
                PathArguments::AngleBracketed(generic) if generic.args.len() == 1 => {
                    match generic.args.first() {
                        Some(GenericArgument::Type(inner)) => {
                            Some(EventArg::Envelope(inner.clone()))
                        }
                        _ => {
                            errors
                                .spanned(generic, "expected `Envelope<E>` with an event type `E`");
                            None
                        }
                    }
                }
                _ => {
                    errors.spanned(ty, "expected `Envelope<E>` with an event type `E`");
                    None
                }
            }
        }
        other => {
            errors.spanned(other, "expected the event as `&E` or `Envelope<E>`");
            None
        }
    }
}

fn context_arg(ty: &Type, errors: &mut Errors) -> Option<ContextArg> {
    match ty {
        Type::Reference(reference)
            if reference.mutability.is_none() && last_segment_is(&reference.elem, "Context") =>
        {
            Some(ContextArg::Reference)
        }
        ty if last_segment_is(ty, "Context") => Some(ContextArg::Owned),
        other => {
            errors.spanned(
                other,
                "the second argument of a subscriber is its `evently::Context` (or `&Context`)",
            );
            None
        }
    }
}

pub(crate) fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let keys = attr::parse_keys(args, &mut errors);
    let args = parse_args(&keys, &mut errors);
    let item: SubscriberFn = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(error) => {
            errors.push(error);
            let compile_errors = errors.into_compile_errors();
            return quote!(#input #compile_errors);
        }
    };
    let checked = check_signature(&item.sig, &mut errors);
    match checked {
        Some(checked) if errors.is_empty() => generate(&item, &args, checked),
        // Emit the fn as written, so its callers do not report errors too.
        _ => {
            let compile_errors = errors.into_compile_errors();
            quote!(#item #compile_errors)
        }
    }
}

fn generate(item: &SubscriberFn, args: &Args, checked: Checked) -> TokenStream {
    let krate = args.krate.clone().unwrap_or_else(|| syn::parse_quote!(::evently));
    let ident = &item.sig.ident;
    let event_ty = match &checked.event {
        EventArg::Reference(ty) | EventArg::Envelope(ty) => ty,
    };
    let ty_span = event_ty.span();
    // `&E` borrows from the delivery; `Envelope<E>` shares it.
    let (event_value, take_event) = match checked.event {
        EventArg::Reference(_) => (quote!(__event), quote!(expect_data)),
        EventArg::Envelope(_) => (quote!(__event), quote!(expect_envelope)),
    };
    let context_value = checked.context.map(|context| match context {
        ContextArg::Owned => quote!(, __delivery.context()),
        ContextArg::Reference => quote!(, &__delivery.context()),
    });
    let output = &checked.output;
    let convert = quote_spanned! {output.span()=>
        <#output as #krate::__private::HandlerResult>::into_handler_result(__result)
    };

    let name = match &args.name {
        Some(name) => quote!(#name),
        None => quote!(::core::concat!(::core::module_path!(), "::", ::core::stringify!(#ident))),
    };
    let group = option(args.group.as_ref().map(|g| quote!(#g)));
    let retries = option(args.retries.map(|r| quote!(#r)));
    let backoff = option(args.backoff.as_ref().map(|b| backoff_tokens(b, &krate)));
    let dead_letter = option(args.dead_letter.as_ref().map(|d| quote!(#d)));

    let (dedup_fn, idempotency) = if args.idempotent {
        (None, quote!(#krate::Idempotency::Off))
    } else if let Some(field) = &args.dedup_key {
        let call = quote_spanned! {field.span()=>
            #krate::__private::dedup_key::<#event_ty, _>(__envelope, |__event: &#event_ty| &__event.#field)
        };
        let function = quote! {
            fn __evently_dedup_key(
                __envelope: &dyn #krate::AnyEnvelope,
            ) -> ::core::option::Option<#krate::Uuid> {
                #call
            }
        };
        (Some(function), quote!(#krate::Idempotency::Key(__evently_dedup_key)))
    } else {
        (None, quote!(#krate::Idempotency::EnvelopeId))
    };

    let event_name = quote_spanned! {ty_span=> <#event_ty as #krate::Event>::NAME };
    let event_version = quote_spanned! {ty_span=> <#event_ty as #krate::Event>::VERSION };

    quote! {
        #item

        #[doc(hidden)]
        const _: () = {
            struct __EventlyHandler;

            #[automatically_derived]
            impl #krate::__private::Handler for __EventlyHandler {
                fn call<'__a>(
                    __delivery: #krate::Delivery<'__a>,
                ) -> impl ::core::future::Future<
                    Output = ::core::result::Result<(), #krate::Error>,
                > + ::core::marker::Send + '__a {
                    async move {
                        let __event = __delivery.#take_event::<#event_ty>()?;
                        let __result = #ident(#event_value #context_value).await;
                        #convert
                    }
                }
            }

            #dedup_fn

            #krate::__private::inventory::submit! {
                #krate::SubscriberDescriptor {
                    name: #name,
                    group: #group,
                    event_name: #event_name,
                    event_version: #event_version,
                    event_type_id: #krate::__private::type_id::<#event_ty>,
                    retries: #retries,
                    backoff: #backoff,
                    dead_letter: #dead_letter,
                    idempotency: #idempotency,
                    run_lane: #krate::__private::run_lane::<__EventlyHandler>,
                    location: ::core::concat!(::core::file!(), ":", ::core::line!()),
                }
            }
        };
    }
}

fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

fn backoff_tokens(backoff: &Backoff, krate: &Path) -> TokenStream {
    let duration = |ms: u64| quote!(::core::time::Duration::from_millis(#ms));
    match *backoff {
        Backoff::Immediate => quote!(#krate::Backoff::Immediate),
        Backoff::Fixed { delay_ms } => {
            let delay = duration(delay_ms);
            quote!(#krate::Backoff::Fixed(#delay))
        }
        Backoff::Exponential { initial_ms, factor, max_ms, jitter } => {
            let (initial, max) = (duration(initial_ms), duration(max_ms));
            let factor = proc_macro2::Literal::f64_suffixed(factor);
            quote!(#krate::Backoff::Exponential { initial: #initial, factor: #factor, max: #max, jitter: #jitter })
        }
    }
}

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
    &["name", "group", "topic", "retries", "backoff", "dead_letter", "guard", "dedup_key", "crate"];

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
    topic: Option<LitStr>,
    retries: Option<u32>,
    backoff: Option<Backoff>,
    dead_letter: Option<LitStr>,
    /// `guard = false`: the spanned key, when the guard is off.
    unguarded: Option<syn::Path>,
    dedup_key: Option<syn::Ident>,
    krate: Option<Path>,
}

/// A backoff as written; the parts of an exponential one left out take the
/// runtime's defaults (`Backoff::exponential`), which are written only there.
enum Backoff {
    Immediate,
    Fixed {
        delay_ms: u64,
    },
    Exponential {
        initial_ms: Option<u64>,
        factor: Option<f64>,
        max_ms: Option<u64>,
        jitter: Option<bool>,
    },
}

const DEFAULT_EXPONENTIAL: Backoff =
    Backoff::Exponential { initial_ms: None, factor: None, max_ms: None, jitter: None };

fn parse_args(keys: &[Key], errors: &mut Errors) -> Args {
    let mut args = Args::default();
    for key in keys {
        match key.name.as_str() {
            // #[subscriber(name = "billing.issue_invoice")]
            "name" => args.name = attr::string(key, errors),
            // #[subscriber(group = "billing")]
            "group" => args.group = attr::string(key, errors),
            // #[subscriber(topic = "legacy.orders")]
            "topic" => args.topic = attr::string(key, errors),
            // #[subscriber(retries = 3)]
            "retries" => args.retries = retries(key, errors),
            // #[subscriber(backoff = "exponential")], #[subscriber(backoff = fixed("1s"))]
            "backoff" => {
                args.backoff =
                    attr::value(key, errors, "\"exponential\"").and_then(|v| backoff(v, errors))
            }
            // #[subscriber(dead_letter = "dlq.billing")]
            "dead_letter" => args.dead_letter = attr::string(key, errors),
            // #[subscriber(guard = false)]
            "guard" => {
                if attr::flag(key, errors) == Some(false) {
                    args.unguarded = Some(key.meta.path().clone());
                }
            }
            // #[subscriber(dedup_key = order_id)]
            "dedup_key" => args.dedup_key = attr::ident(key, errors),
            // #[subscriber(crate = ::my_app::evently)]
            "crate" => args.krate = attr::crate_path(key, errors),
            _ => attr::unknown_key(errors, key, KEYS),
        }
    }
    if let (Some(_), Some(dedup_key)) = (&args.unguarded, &args.dedup_key) {
        errors.spanned(
            dedup_key,
            "`dedup_key` has no effect with `guard = false`, which turns the guard off: remove one of them",
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
    let (mut initial_ms, mut factor, mut max_ms, mut jitter) = (None, None, None, None);
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
                    Some(ms) => initial_ms = Some(ms),
                    None => ok = false,
                }
            }
            ("max", Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => {
                match attr::duration_ms(text, errors) {
                    Some(ms) => max_ms = Some(ms),
                    None => ok = false,
                }
            }
            ("factor", Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => {
                factor = Some(int.base10_parse::<u32>().map(f64::from).unwrap_or(0.0))
            }
            ("factor", Expr::Lit(ExprLit { lit: Lit::Float(float), .. })) => {
                factor = Some(float.base10_parse::<f64>().unwrap_or(0.0))
            }
            ("jitter", Expr::Lit(ExprLit { lit: Lit::Bool(b), .. })) => jitter = Some(b.value),
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
        if name == "factor" && factor.is_some_and(|f| !(f.is_finite() && f >= 1.0)) {
            errors.spanned(right, "`factor` must be at least 1");
            ok = false;
        }
    }
    // Only when both are written: the defaults are the runtime's to check.
    if let (true, Some(initial_ms), Some(max_ms)) = (ok, initial_ms, max_ms)
        && max_ms < initial_ms
    {
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

/// An argument after the event: anything that implements `FromDelivery`,
/// by value or by shared reference.
struct ExtraArg {
    ty: Type,
    by: By,
}

/// How the fn takes an argument after the event.
#[derive(PartialEq)]
enum By {
    Value,
    /// `&T`: borrowed from a value made for the call.
    Reference,
    /// `&mut T`: lent by the delivery (the inbox's transaction).
    Lent,
}

struct Checked {
    event: EventArg,
    extras: Vec<ExtraArg>,
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
    let mut extras = Vec::new();
    for input in inputs {
        match input {
            FnArg::Receiver(receiver) => {
                errors.spanned(receiver, "`#[subscriber]` goes on a free fn, not a method");
            }
            FnArg::Typed(arg) => match &*arg.ty {
                Type::Reference(reference) if reference.mutability.is_some() => {
                    if extras.iter().any(|extra: &ExtraArg| extra.by == By::Lent) {
                        errors.spanned(
                            reference,
                            "a subscriber takes at most one `&mut` argument: the transaction (`&mut PgConnection`)",
                        );
                    }
                    extras.push(ExtraArg { ty: (*reference.elem).clone(), by: By::Lent })
                }
                Type::Reference(reference) => {
                    extras.push(ExtraArg { ty: (*reference.elem).clone(), by: By::Reference })
                }
                ty => extras.push(ExtraArg { ty: ty.clone(), by: By::Value }),
            },
        }
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
    Some(Checked { event: event?, extras, output: output? })
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
    let vis = &item.vis;
    let event_ty = match &checked.event {
        EventArg::Reference(ty) | EventArg::Envelope(ty) => ty,
    };
    let ty_span = event_ty.span();
    // `&E` borrows from the delivery; `Envelope<E>` shares it.
    let take_event = match checked.event {
        EventArg::Reference(_) => quote!(expect_data),
        EventArg::Envelope(_) => quote!(expect_envelope),
    };
    // Each further argument comes from its `FromDelivery` impl, spanned on
    // its type so a type that is not an extractor is reported there.
    let (bindings, values): (Vec<TokenStream>, Vec<TokenStream>) = checked
        .extras
        .iter()
        .enumerate()
        .map(|(index, extra)| {
            let local = quote::format_ident!("__arg{}", index);
            let ty = &extra.ty;
            if extra.by == By::Lent {
                let binding = quote_spanned! {ty.span()=>
                    let mut #local = <#ty as #krate::__private::FromDeliveryMut>::lend(&__delivery)?;
                };
                return (binding, quote!(&mut *#local));
            }
            let binding = quote_spanned! {ty.span()=>
                let #local = <#ty as #krate::FromDelivery>::from_delivery(&__delivery)?;
            };
            let value = if extra.by == By::Reference { quote!(&#local) } else { quote!(#local) };
            (binding, value)
        })
        .unzip();
    let output = &checked.output;
    let convert = quote_spanned! {output.span()=>
        <#output as #krate::__private::HandlerResult>::into_handler_result(__result)
    };

    let name = match &args.name {
        Some(name) => quote!(#name),
        None => quote!(::core::concat!(::core::module_path!(), "::", ::core::stringify!(#ident))),
    };
    let mut settings = Vec::new();
    if let Some(group) = &args.group {
        settings.push(quote!(.with_group(#group)));
    }
    if let Some(topic) = &args.topic {
        settings.push(quote!(.with_topic(#topic)));
    }
    if let Some(retries) = args.retries {
        settings.push(quote!(.with_retries(#retries)));
    }
    if let Some(backoff) = &args.backoff {
        let backoff = backoff_tokens(backoff, &krate);
        settings.push(quote!(.with_backoff(#backoff)));
    }
    if checked.extras.iter().any(|extra| extra.by == By::Lent) {
        settings.push(quote!(.with_transaction()));
    }
    if let Some(dead_letter) = &args.dead_letter {
        settings.push(quote!(.with_dead_letter(#dead_letter)));
    }
    let dedup_fn = if args.unguarded.is_some() {
        settings.push(quote!(.with_guard(#krate::__private::Guard::Off)));
        None
    } else if let Some(field) = &args.dedup_key {
        settings.push(quote!(.with_guard(#krate::__private::Guard::Key(__evently_dedup_key))));
        let call = quote_spanned! {field.span()=>
            #krate::__private::dedup_key::<#event_ty, _>(__envelope, |__event: &#event_ty| &__event.#field)
        };
        Some(quote! {
            fn __evently_dedup_key(
                __envelope: &dyn #krate::__private::AnyEnvelope,
            ) -> ::core::option::Option<#krate::Uuid> {
                #call
            }
        })
    } else {
        None
    };

    let event_name = quote_spanned! {ty_span=> <#event_ty as #krate::Event>::NAME };
    let event_version = quote_spanned! {ty_span=> <#event_ty as #krate::Event>::VERSION };
    let event_topic = quote_spanned! {ty_span=> <#event_ty as #krate::Event>::TOPIC };
    let doc = format!(
        "Selects the subscriber [`fn {ident}`]({ident}()) on a bus: \
         `Bus::builder().subscribe::<{ident}>()`."
    );

    quote! {
        #item

        #[doc = #doc]
        #[allow(non_camel_case_types)]
        #vis struct #ident {}

        #[doc(hidden)]
        const _: () = {
            struct __EventlyHandler;

            #[automatically_derived]
            impl #krate::__private::Handler for __EventlyHandler {
                fn call<'__a>(
                    __delivery: #krate::__private::Delivery<'__a>,
                ) -> impl ::core::future::Future<
                    Output = ::core::result::Result<(), #krate::Error>,
                > + ::core::marker::Send + '__a {
                    async move {
                        let __event = __delivery.#take_event::<#event_ty>()?;
                        #(#bindings)*
                        let __result = #ident(__event #(, #values)*).await;
                        #convert
                    }
                }
            }

            #dedup_fn

            static __DESCRIPTOR: #krate::SubscriberDescriptor = #krate::SubscriberDescriptor::new(
                #name,
                #event_name,
                #event_version,
                #event_topic,
                #krate::__private::type_id::<#event_ty>,
                #krate::__private::run_lane::<__EventlyHandler>,
                ::core::concat!(::core::file!(), ":", ::core::line!()),
            )
            #(#settings)*;

            #[automatically_derived]
            impl #krate::Subscriber for #ident {
                const DESCRIPTOR: &'static #krate::SubscriberDescriptor = &__DESCRIPTOR;
            }

            #krate::__private::inventory::submit! {
                #krate::__private::Registration::new(&__DESCRIPTOR)
            }
        };
    }
}

fn backoff_tokens(backoff: &Backoff, krate: &Path) -> TokenStream {
    let duration = |ms: u64| quote!(::core::time::Duration::from_millis(#ms));
    let some = |value: Option<TokenStream>| match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    };
    match *backoff {
        Backoff::Immediate => quote!(#krate::Backoff::Immediate),
        Backoff::Fixed { delay_ms } => {
            let delay = duration(delay_ms);
            quote!(#krate::Backoff::Fixed(#delay))
        }
        Backoff::Exponential { initial_ms, factor, max_ms, jitter } => {
            let initial = some(initial_ms.map(duration));
            let factor = some(factor.map(|f| {
                let f = proc_macro2::Literal::f64_suffixed(f);
                quote!(#f)
            }));
            let max = some(max_ms.map(duration));
            let jitter = some(jitter.map(|j| quote!(#j)));
            quote!(#krate::Backoff::exponential(#initial, #factor, #max, #jitter))
        }
    }
}

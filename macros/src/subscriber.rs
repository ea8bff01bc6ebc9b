//! `#[subscriber]`: parse the keys, check the signature, generate the wrapper
//! and its registration. The fn's body is passed through as tokens.

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{
    Attribute, Expr, ExprLit, GenericArgument, Generics, Ident, Lit, LitStr, Path, PathArguments,
    ReturnType, Token, Type, Visibility, parenthesized, token,
};

use crate::attr::{self, Errors, Key, Value};

const KEYS: &[&str] =
    &["name", "group", "topic", "retries", "backoff", "dead_letter", "guard", "dedup_key", "crate"];

const BACKOFF_FORMS: &str = "expected `\"immediate\"`, `\"exponential\"`, `fixed(\"250ms\")` or \
     `exponential(initial = \"100ms\", factor = 2, max = \"10s\", jitter = true)`";

/// An async fn, read only as far as its signature: the body is kept as
/// tokens, and the whole fn is emitted as written.
///
/// Read by hand rather than as a `syn::Signature`, which needs syn's `full`
/// feature: without it, syn compiles in about 40 % less time, and every
/// crate that derives serde or schemars traits waits for it.
struct SubscriberFn {
    tokens: TokenStream,
    vis: Visibility,
    asyncness: Option<Token![async]>,
    fn_token: Token![fn],
    ident: Ident,
    generics: Generics,
    paren: token::Paren,
    inputs: Vec<FnArg>,
    output: ReturnType,
}

/// One argument of the fn.
enum FnArg {
    /// `self`, `&self`, `&mut self`, `self: T` and their forms with `mut`
    /// and lifetimes, as written.
    Receiver(TokenStream),
    /// `pattern: Type`.
    Typed(Box<Type>),
}

impl Parse for SubscriberFn {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let tokens = input.fork().parse::<TokenStream>()?;
        input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        input.parse::<Option<Token![const]>>()?;
        let asyncness = input.parse()?;
        input.parse::<Option<Token![unsafe]>>()?;
        if input.peek(Token![extern]) {
            input.parse::<Token![extern]>()?;
            input.parse::<Option<LitStr>>()?;
        }
        let fn_token = input.parse()?;
        let ident = input.parse()?;
        let mut generics: Generics = input.parse()?;
        let arguments;
        let paren = parenthesized!(arguments in input);
        let mut inputs = Vec::new();
        while !arguments.is_empty() {
            inputs.push(arguments.parse()?);
            if arguments.is_empty() {
                break;
            }
            arguments.parse::<Token![,]>()?;
        }
        let output = match input.parse()? {
            ReturnType::Type(arrow, ty) => ReturnType::Type(arrow, Box::new(ungrouped(*ty))),
            ReturnType::Default => ReturnType::Default,
        };
        generics.where_clause = input.parse()?;
        // The body: anything but a block is the compiler's to report.
        input.parse::<TokenStream>()?;
        Ok(Self { tokens, vis, asyncness, fn_token, ident, generics, paren, inputs, output })
    }
}

impl Parse for FnArg {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        input.call(Attribute::parse_outer)?;
        let ahead = input.fork();
        if ahead.peek(Token![&]) {
            ahead.parse::<Token![&]>()?;
            ahead.parse::<Option<syn::Lifetime>>()?;
        }
        ahead.parse::<Option<Token![mut]>>()?;
        if ahead.peek(Token![self]) && !ahead.peek2(Token![::]) {
            let mut receiver = TokenStream::new();
            while !input.peek(Token![self]) {
                receiver.extend([input.parse::<TokenTree>()?]);
            }
            receiver.extend([input.parse::<TokenTree>()?]);
            if input.peek(Token![:]) && !input.peek(Token![::]) {
                input.parse::<Token![:]>()?.to_tokens(&mut receiver);
                input.parse::<Type>()?.to_tokens(&mut receiver);
            }
            return Ok(Self::Receiver(receiver));
        }
        // The pattern, up to its `:` (a `::` is part of a path in it).
        while !input.is_empty() && !input.peek(Token![,]) {
            if input.peek(Token![::]) {
                input.parse::<Token![::]>()?;
            } else if input.peek(Token![:]) {
                break;
            } else {
                input.parse::<TokenTree>()?;
            }
        }
        input.parse::<Token![:]>()?;
        Ok(Self::Typed(Box::new(ungrouped(input.parse()?))))
    }
}

/// A type out of the invisible groups a declarative macro puts a `$t:ty`
/// in, so that `&E` written through one is still read as `&E`.
fn ungrouped(ty: Type) -> Type {
    match ty {
        Type::Group(group) => ungrouped(*group.elem),
        ty => ty,
    }
}

impl ToTokens for SubscriberFn {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(self.tokens.clone());
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
                    args.unguarded = Some(key.path.clone());
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
        Value::Expr(Expr::Lit(ExprLit { lit: Lit::Int(int), .. })) => {
            match int.base10_parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.spanned(int, "`retries` must be an integer from 0 to 4294967295");
                    None
                }
            }
        }
        other => {
            errors.spanned(other, "`retries` must be an integer, like `retries = 3`");
            None
        }
    }
}

fn backoff(value: &Value, errors: &mut Errors) -> Option<Backoff> {
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
        Value::Expr(Expr::Lit(ExprLit { lit: Lit::Str(text), .. })) => {
            named(&text.value(), text, errors)
        }
        Value::Expr(Expr::Path(path)) if path.path.get_ident().is_some() => {
            named(&path.path.to_token_stream().to_string(), path, errors)
        }
        Value::Call(call) => match call.func.to_string().as_str() {
            "fixed" => {
                let delay = match syn::parse2::<LitStr>(call.args.clone()) {
                    Ok(text) => attr::duration_ms(&text, errors)?,
                    Err(_) => {
                        let span = if call.args.is_empty() {
                            call.to_token_stream()
                        } else {
                            call.args.clone()
                        };
                        errors.spanned(span, "expected one delay, like `fixed(\"250ms\")`");
                        return None;
                    }
                };
                Some(Backoff::Fixed { delay_ms: delay })
            }
            "exponential" => exponential(call, errors),
            _ => {
                errors.spanned(&call.func, format!("unknown backoff, {BACKOFF_FORMS}"));
                None
            }
        },
        other => {
            errors.spanned(other, format!("invalid `backoff`, {BACKOFF_FORMS}"));
            None
        }
    }
}

/// `name = value`, one parameter of `exponential(...)`.
struct Param {
    name: Ident,
    value: Expr,
}

impl Parse for Param {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let name = input.parse()?;
        input.parse::<Token![=]>()?;
        Ok(Self { name, value: input.parse()? })
    }
}

/// The tokens of `input` up to its next top-level comma (or its end), and
/// the comma.
fn until_comma(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    if !input.is_empty() {
        input.parse::<Token![,]>()?;
    }
    Ok(tokens)
}

fn exponential(call: &attr::Call, errors: &mut Errors) -> Option<Backoff> {
    const PARAMS: &str = "expected one of: `initial`, `factor`, `max`, `jitter`";
    let (mut initial_ms, mut factor, mut max_ms, mut jitter) = (None, None, None, None);
    let mut seen = Vec::new();
    let mut ok = true;
    let args = match (|input: ParseStream<'_>| {
        let mut args = Vec::new();
        while !input.is_empty() {
            args.push(until_comma(input)?);
        }
        Ok(args)
    })
    .parse2(call.args.clone())
    {
        Ok(args) => args,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    for arg in args {
        let Ok(Param { name: left, value: right }) = syn::parse2::<Param>(arg.clone()) else {
            errors.spanned(arg, format!("expected `name = value`, {PARAMS}"));
            ok = false;
            continue;
        };
        let name = left.to_string();
        if seen.contains(&name) {
            errors.spanned(&left, format!("duplicate backoff parameter `{name}`"));
            ok = false;
            continue;
        }
        seen.push(name.clone());
        match (name.as_str(), &right) {
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
                errors.spanned(&left, format!("unknown backoff parameter `{name}`, {PARAMS}"));
                ok = false;
            }
        }
        if name == "factor" && factor.is_some_and(|f| !(f.is_finite() && f >= 1.0)) {
            errors.spanned(&right, "`factor` must be at least 1");
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

fn check_signature(sig: &SubscriberFn, errors: &mut Errors) -> Option<Checked> {
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
                sig.paren.span.join(),
                "a subscriber takes the event as its first argument: `event: &E` or `event: Envelope<E>`",
            );
            None
        }
        Some(FnArg::Receiver(receiver)) => {
            // The other arguments are meaningless for a method: say only this.
            errors.spanned(receiver, "`#[subscriber]` goes on a free fn, not a method");
            return None;
        }
        Some(FnArg::Typed(ty)) => event_arg(ty, errors),
    };
    let mut extras = Vec::new();
    for input in inputs {
        match input {
            FnArg::Receiver(receiver) => {
                errors.spanned(receiver, "`#[subscriber]` goes on a free fn, not a method");
            }
            FnArg::Typed(ty) => match &**ty {
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
                sig.paren.span.close(),
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
    let checked = check_signature(&item, &mut errors);
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
    let ident = &item.ident;
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
    // The generated code's own names, put into code spanned on the user's
    // tokens: spanned there too, they would take the hygiene of a
    // declarative macro those tokens came through, and not be found.
    let (delivery, result, envelope) = (quote!(__delivery), quote!(__result), quote!(__envelope));
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
                    let mut #local = <#ty as #krate::__private::FromDeliveryMut>::lend(&#delivery)?;
                };
                return (binding, quote!(&mut *#local));
            }
            let binding = quote_spanned! {ty.span()=>
                let #local = <#ty as #krate::FromDelivery>::from_delivery(&#delivery)?;
            };
            let value = if extra.by == By::Reference { quote!(&#local) } else { quote!(#local) };
            (binding, value)
        })
        .unzip();
    let output = &checked.output;
    let convert = quote_spanned! {output.span()=>
        <#output as #krate::__private::HandlerResult>::into_handler_result(#result)
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
            #krate::__private::dedup_key::<#event_ty, _>(#envelope, |__event: &#event_ty| &__event.#field)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(item: &str) -> SubscriberFn {
        syn::parse_str(item).unwrap_or_else(|error| panic!("{item}: {error}"))
    }

    fn text(tokens: impl ToTokens) -> String {
        tokens.to_token_stream().to_string().split_whitespace().collect()
    }

    #[test]
    fn the_signature_is_read_and_the_fn_kept_as_written() {
        let item = "#[doc = \"x\"] pub(crate) async fn on(event: &a::Order, \
            Foo { a: b, c: d::E }: Extract<Map<K, V>>, #[allow(unused)] mut tx: &mut Tx, \
            (x, y): (u8, u8), ref z: [u8; 2],) -> evently::Result<()> where u8: Copy \
            { let x: u8 = 1; }";
        let parsed = parsed(item);
        assert!(parsed.asyncness.is_some());
        assert_eq!(parsed.ident, "on");
        assert!(parsed.generics.params.is_empty() && parsed.generics.where_clause.is_some());
        let types: Vec<String> = parsed
            .inputs
            .iter()
            .map(|arg| match arg {
                FnArg::Typed(ty) => text(ty),
                FnArg::Receiver(receiver) => panic!("`{receiver}` read as a receiver"),
            })
            .collect();
        assert_eq!(types, ["&a::Order", "Extract<Map<K,V>>", "&mutTx", "(u8,u8)", "[u8;2]"]);
        assert!(
            matches!(&parsed.output, ReturnType::Type(_, ty) if text(ty) == "evently::Result<()>")
        );
        assert_eq!(text(&parsed), text(item.parse::<TokenStream>().expect("tokens")));
    }

    #[test]
    fn receivers_are_told_apart_from_arguments() {
        for receiver in [
            "self",
            "mut self",
            "&self",
            "&'a self",
            "&mut self",
            "&'a mut self",
            "self: Box<Self>",
            "mut self: Arc<Self, A>",
        ] {
            let parsed = parsed(&format!("async fn on({receiver}, event: &E) -> R {{}}"));
            let written = text(receiver.parse::<TokenStream>().expect("tokens"));
            assert!(
                matches!(&parsed.inputs[..], [FnArg::Receiver(r), FnArg::Typed(_)] if text(r) == written),
                "{receiver}"
            );
        }
    }

    #[test]
    fn types_in_a_declarative_macros_groups_are_read_as_written() {
        use proc_macro2::{Delimiter, Group};
        let grouped = |tokens: &str| {
            let group = Group::new(Delimiter::None, tokens.parse().expect("tokens"));
            TokenStream::from(TokenTree::Group(group))
        };
        let (event, ret) = (grouped("&Order"), grouped("evently::Result<()>"));
        let parsed: SubscriberFn =
            syn::parse2(quote!(async fn on(event: #event) -> #ret {})).expect("parses");
        assert!(
            matches!(&parsed.inputs[..], [FnArg::Typed(ty)] if matches!(**ty, Type::Reference(_)))
        );
        assert!(matches!(&parsed.output, ReturnType::Type(_, ty) if last_segment_is(ty, "Result")));
    }

    #[test]
    fn qualifiers_and_generics_are_read() {
        let parsed = parsed("const unsafe extern \"C\" fn on<T: Into<u8>>(event: T) {}");
        assert!(parsed.asyncness.is_none());
        assert_eq!(parsed.generics.params.len(), 1);
        assert!(matches!(parsed.output, ReturnType::Default));
        for broken in ["async fn on(event) -> R {}", "async fn on(event: ) {}", "async on() {}"] {
            assert!(syn::parse_str::<SubscriberFn>(broken).is_err(), "{broken}");
        }
    }
}

//! Procedural macros of evently: `#[event]` and `#[subscriber]`.
//!
//! Use them through the `evently` crate, which re-exports them and documents
//! their keys; generated code names only `::evently::...` paths.

use proc_macro::TokenStream;

mod attr;
mod event;
mod fingerprint;
mod json;
mod schema;
mod subscriber;
mod tense;

/// Makes a struct an `evently::Event`. See `evently::event`.
#[proc_macro_attribute]
pub fn event(args: TokenStream, input: TokenStream) -> TokenStream {
    event::expand(args.into(), input.into()).into()
}

/// Registers an async fn as an event handler. See `evently::subscriber`.
#[proc_macro_attribute]
pub fn subscriber(args: TokenStream, input: TokenStream) -> TokenStream {
    subscriber::expand(args.into(), input.into()).into()
}

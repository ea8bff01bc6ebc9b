//! The compile-time drift check: the struct against its committed schema.
//!
//! `#[event]` finds the schemas folder (the `schemas = "dir"` key, resolved
//! next to the source file like `include_str!`; else `EVENTLY_SCHEMAS_DIR`;
//! else the nearest `schemas/` from the crate's manifest folder up to its
//! workspace root, or the root's `schemas/` if none exists yet), reads
//! `<name>/v<version>.json`, and compares the shape the file recorded with the
//! struct's. A missing file is not an error here: the schema test reports it
//! and writes it in update mode. The folder is recorded in the event's
//! descriptor, so both checks read the same one.

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::fingerprint::Shape;

/// The environment variable naming the schemas folder.
const DIR_VARIABLE: &str = "EVENTLY_SCHEMAS_DIR";

/// Where the schemas folder is, if there is one.
pub(crate) fn locate(explicit: Option<&str>) -> Option<PathBuf> {
    if let Some(explicit) = explicit {
        let explicit = Path::new(explicit);
        if explicit.is_absolute() {
            return Some(explicit.to_owned());
        }
        // Relative to the file the attribute is in, as `include_str!` is.
        let file = proc_macro::Span::call_site().local_file()?;
        // A relative source path is relative to the compiler's working
        // directory (the workspace root for a workspace member), not to the
        // crate's manifest.
        let file = if file.is_absolute() { file } else { std::env::current_dir().ok()?.join(file) };
        return Some(file.parent()?.join(explicit));
    }
    if let Ok(dir) = std::env::var(DIR_VARIABLE) {
        return Some(PathBuf::from(dir));
    }
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").ok()?);
    nearest(&manifest_dir)
}

/// The nearest `schemas/` folder from `start` up to the workspace root, or
/// the workspace root's `schemas/` if there is none yet (where update mode
/// creates it). This is the one search: the event's descriptor records its
/// result, and the test-time check reads the folder from there.
fn nearest(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join("schemas");
        if candidate.is_dir() || is_workspace_root(dir) {
            return Some(candidate);
        }
    }
    None
}

fn is_workspace_root(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| {
        manifest.lines().any(|line| line.trim_start().starts_with("[workspace"))
    }) || dir.join(".git").exists()
}

/// The result of comparing the struct with its committed schema.
pub(crate) enum Drift {
    /// No committed file (or no schemas folder): nothing to compare.
    NoFile,
    /// The file matches; `include` makes cargo rebuild when it changes.
    Matches { include: TokenStream },
    /// The file does not match, or cannot be read: a compile error.
    Error(syn::Error),
}

/// Compares `shape` with the file for `name` and `version`.
pub(crate) fn check(
    dir: Option<&Path>,
    name: &str,
    version: u32,
    struct_name: &str,
    shape: &Shape,
    span: Span,
) -> Drift {
    let Some(dir) = dir else { return Drift::NoFile };
    let path = dir.join(name).join(format!("v{version}.json"));
    let Ok(text) = std::fs::read_to_string(&path) else { return Drift::NoFile };
    let shown = format!(
        "{}/{name}/v{version}.json",
        dir.file_name().map_or_else(|| "schemas".into(), |n| n.to_string_lossy())
    );
    let include = {
        let path = path.to_string_lossy();
        quote! { const _: &str = ::core::include_str!(#path); }
    };
    let document = match crate::json::parse(&text) {
        Ok(document) => document,
        Err(error) => {
            return Drift::Error(syn::Error::new(
                span,
                format!(
                    "the committed schema `{shown}` is not valid JSON ({error}); restore it from version control"
                ),
            ));
        }
    };
    let meta = document.get("x-evently");
    // A file another package owns is that package's to check.
    let owner = meta.and_then(|m| m.get("package")).and_then(|p| p.as_str());
    let package = std::env::var("CARGO_PKG_NAME").unwrap_or_default();
    if owner.is_some_and(|owner| owner != package) {
        return Drift::NoFile;
    }
    let committed_fingerprint = meta.and_then(|m| m.get("fingerprint")).and_then(|f| f.as_str());
    if committed_fingerprint == Some(shape.fingerprint().as_str()) {
        return Drift::Matches { include };
    }
    let changes = match meta.and_then(|m| m.get("shape")).and_then(Shape::from_json) {
        Some(committed) => shape.changes_from(&committed),
        None => vec!["the committed file records no shape to compare with".to_owned()],
    };
    let changes: String = changes.iter().map(|c| format!("\n  - {c}")).collect();
    let next = version + 1;
    Drift::Error(syn::Error::new(
        span,
        format!(
            "`{struct_name}` no longer matches its committed schema `{shown}` (event `{name}` version {version}):{changes}\n\
             = help: if version {version} was released, bump the version: `#[event(version = {next}, upcast_from = ...)]`, \
             keeping the old struct (as `version = {version}`) so old messages can be upcast\n\
             = help: if version {version} was never released, regenerate its schema: `EVENTLY_SCHEMAS=overwrite cargo test`"
        ),
    ))
}

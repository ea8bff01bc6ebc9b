//! The compiler errors the README quotes are the ones the compile-fail cases
//! print: every `error:` or `error[E...]:` line of a ```` ```text ```` block
//! in `README.md` is, leading whitespace aside, a line of some
//! `ui/*.stderr`, and the indented lines after it that begin with `=` or `-`
//! are lines of the same file (a quoted line may end in `...` to cut the
//! rest of its line short).

use std::path::Path;

const HINT: &str = "regenerate with TRYBUILD=overwrite or fix the README";

/// A compiler error quoted in the README, with its continuation lines.
struct Quoted {
    /// 1-based line numbers and trimmed text.
    error: (usize, String),
    continuation: Vec<(usize, String)>,
}

/// Whether `line` (trimmed) starts a compiler error: `error:` or `error[E0277]:`.
fn is_error_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("error") else { return false };
    let rest = match rest.strip_prefix("[E") {
        Some(code) => match code.split_once(']') {
            Some((digits, rest))
                if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) =>
            {
                rest
            }
            _ => return false,
        },
        None => rest,
    };
    rest.starts_with(':')
}

/// The compiler errors quoted in the ```` ```text ```` blocks of `markdown`.
fn quoted_errors(markdown: &str) -> Vec<Quoted> {
    let mut quoted: Vec<Quoted> = Vec::new();
    let mut in_text_block = false;
    let mut in_error = false;
    for (index, line) in markdown.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(info) = trimmed.strip_prefix("```") {
            // A fence opens a block (`text` or other) or closes the open one.
            in_text_block = !in_text_block && info.trim() == "text";
            in_error = false;
            continue;
        }
        if !in_text_block {
            continue;
        }
        if is_error_line(trimmed) {
            quoted
                .push(Quoted { error: (index + 1, trimmed.to_owned()), continuation: Vec::new() });
            in_error = true;
        } else if in_error
            && line.starts_with(char::is_whitespace)
            && trimmed.starts_with(['=', '-'])
        {
            if let Some(last) = quoted.last_mut() {
                last.continuation.push((index + 1, trimmed.to_owned()));
            }
        } else {
            in_error = false;
        }
    }
    quoted
}

/// Whether `quoted` stands for `produced`: equal, or a prefix of it when
/// `quoted` ends in `...` (and `allow_cut`).
fn stands_for(quoted: &str, produced: &str, allow_cut: bool) -> bool {
    match quoted.strip_suffix("...") {
        Some(start) if allow_cut && !start.trim().is_empty() => produced.starts_with(start),
        _ => quoted == produced,
    }
}

/// One message per quoted line that no `.stderr` file (name, text) prints.
fn unproduced(markdown: &str, stderr_files: &[(String, String)]) -> Vec<String> {
    let mut failures = Vec::new();
    for Quoted { error: (line, error), continuation } in quoted_errors(markdown) {
        let producers: Vec<&(String, String)> = stderr_files
            .iter()
            .filter(|(_, text)| text.lines().any(|l| stands_for(&error, l.trim(), false)))
            .collect();
        if producers.is_empty() {
            failures.push(format!(
                "README.md line {line} quotes `{error}`, which no ui/*.stderr prints: {HINT}"
            ));
            continue;
        }
        for (line, quoted) in continuation {
            let produced = producers
                .iter()
                .any(|(_, text)| text.lines().any(|l| stands_for(&quoted, l.trim(), true)));
            if !produced {
                let names: Vec<&str> = producers.iter().map(|(name, _)| name.as_str()).collect();
                failures.push(format!(
                    "README.md line {line} quotes `{quoted}` under `{error}`, which {} does not print: {HINT}",
                    names.join(", ")
                ));
            }
        }
    }
    failures
}

/// The `ui/*.stderr` files: (file name, text).
fn stderr_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    let mut files: Vec<(String, String)> = entries
        .map(|entry| entry.expect("a readable entry of ui/").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "stderr"))
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
            let name =
                path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (name, text)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .stderr file in {}", dir.display());
    files
}

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

#[test]
fn every_compiler_error_the_readme_quotes_is_printed_by_a_ui_case() {
    let readme = readme();
    assert!(
        !quoted_errors(&readme).is_empty(),
        "README.md quotes no compiler error in a ```text block"
    );
    let failures = unproduced(&readme, &stderr_files());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_quoted_error_line_no_ui_case_prints_fails_naming_its_readme_line() {
    let markdown = "Mistakes:\n\n```text\nerror: `#[subscriber]` needs an `async fn`\nerror: `#[subscriber]` needs a `async fn`\n```\n";
    let failures = unproduced(markdown, &stderr_files());
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0]
            .starts_with("README.md line 5 quotes `error: `#[subscriber]` needs a `async fn``")
    );
    assert!(failures[0].ends_with("regenerate with TRYBUILD=overwrite or fix the README"));
}

#[test]
fn a_quoted_error_code_line_no_ui_case_prints_fails() {
    let markdown = "```text\nerror[E0277]: `NotAnEvent` is not an evently event\nerror[E0308]: `NotAnEvent` is not an evently event\n```\n";
    let failures = unproduced(markdown, &stderr_files());
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].starts_with("README.md line 3 "), "{failures:?}");
}

#[test]
fn a_quoted_help_or_change_line_must_be_printed_by_the_case_that_prints_its_error() {
    let error = "error: `OrderPlaced` no longer matches its committed schema `drift/drift.added/v1.json` (event `drift.added` version 1):";
    let printed = format!(
        "  ```text\n  {error}\n           - field `coupon: String` added\n         = help: if version 1 was released, bump the version: `#[event(version = 2, upcast_from = ...)]`, ...\n  ```\n"
    );
    assert_eq!(unproduced(&printed, &stderr_files()), Vec::<String>::new());

    // A change only another case prints, and a help line no case prints.
    let misquoted = format!(
        "```text\n{error}\n         - field `total` removed\n       = help: bump the version\n```\n"
    );
    let failures = unproduced(&misquoted, &stderr_files());
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures[0].starts_with("README.md line 3 quotes `- field `total` removed`"));
    assert!(failures[1].starts_with("README.md line 4 quotes `= help: bump the version`"));
}

#[test]
fn errors_outside_text_blocks_are_not_checked() {
    let markdown =
        "error: in prose\n\n```rust\nerror: in code\n```\n\n```sh\nerror: in a shell block\n```\n";
    assert!(quoted_errors(markdown).is_empty());
    assert_eq!(unproduced(markdown, &stderr_files()), Vec::<String>::new());
}

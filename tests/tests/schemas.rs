#![allow(missing_docs)]
//! The committed schemas of this package's events: present, current,
//! compatible, valid JSON Schema; and the check itself.

use std::path::{Path, PathBuf};

use evently::schemas;
use serde_json::Value;
// The events live in this package's library; naming it links it, and with it
// their registrations.
use evently_tests as _;

// The one line a user's crate needs.
#[test]
fn event_schemas_are_committed_and_compatible() {
    evently::assert_schemas!();
}

fn schemas_dir() -> PathBuf {
    schemas::locate(Path::new(env!("CARGO_MANIFEST_DIR")))
        .expect("the workspace has a schemas folder")
}

fn committed_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for event in std::fs::read_dir(dir).expect("read schemas/").flatten() {
        for file in std::fs::read_dir(event.path()).expect("read an event folder").flatten() {
            files.push(file.path());
        }
    }
    files.sort();
    files
}

#[test]
fn every_committed_schema_is_valid_draft_2020_12() {
    let files = committed_files(&schemas_dir());
    assert!(files.len() >= 10, "expected the committed schemas, found {files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read a schema");
        let schema: Value = serde_json::from_str(&text).expect("schema files are JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema",
            "{}",
            path.display()
        );
        if let Err(error) = jsonschema::meta::validate(&schema) {
            panic!(
                "{} does not validate against the draft 2020-12 meta-schema: {error}",
                path.display()
            );
        }
        assert_eq!(text, schemas::to_text(&schema), "{} is not in canonical form", path.display());
    }
}

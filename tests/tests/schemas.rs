#![allow(missing_docs)]
//! The committed schemas of this package's events: present, current,
//! compatible, valid JSON Schema; and the check itself.

use std::path::{Path, PathBuf};

use evently::schemas::{self, SchemaCheck};
use serde_json::Value;
// The events live in this package's library; naming it links it, and with it
// their registrations.
use evently_tests as _;

// The one line a user's crate needs.
#[test]
fn event_schemas_are_committed_and_compatible() {
    evently::assert_schemas!();
}

/// The folder `#[event]` checked this package's events against.
fn schemas_dir() -> PathBuf {
    let dirs: std::collections::BTreeSet<&str> = evently::registered_events()
        .filter(|d| d.package() == "evently-tests" && d.name() != "test.schemas.relocated")
        .map(|d| d.schemas_dir().expect("each event records its schemas folder"))
        .collect();
    assert_eq!(dirs.len(), 1, "one folder for the package's other events: {dirs:?}");
    let dir = PathBuf::from(dirs.first().expect("a folder"));
    assert!(dir.ends_with("schemas") && dir.is_dir(), "{dir:?}");
    dir
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

// ---------------------------------------------------------------- the check itself

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("evently-schemas-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    dir
}

fn descriptor(name: &str) -> &'static evently::EventDescriptor {
    evently::registered_events().find(|d| d.name() == name).expect("registered")
}

fn check(dir: &Path) -> SchemaCheck {
    SchemaCheck::new("evently-tests").dir(dir).ci(false).update(false)
}

fn rules(report: &schemas::Report) -> Vec<(&'static str, String, u32)> {
    report.problems.iter().map(|p| (p.rule, p.event.clone(), p.version)).collect()
}

#[test]
fn a_missing_schema_names_the_update_command_and_update_mode_writes_it() {
    let dir = scratch_dir("missing");
    let events = [descriptor("test.fanout.happened")];
    let report = check(&dir).run_on(&events);
    assert_eq!(rules(&report), [("MISSING_SCHEMA", "test.fanout.happened".to_owned(), 1)]);
    assert!(
        report.problems[0].message.contains("EVENTLY_SCHEMAS=overwrite cargo test"),
        "{report}"
    );

    let written = check(&dir).update(true).run_on(&events);
    assert!(written.is_ok(), "{written}");
    assert_eq!(written.written, [dir.join("test.fanout.happened/v1.json")]);
    assert!(check(&dir).run_on(&events).is_ok(), "the written file passes");
}

#[test]
fn update_mode_refuses_to_write_on_ci() {
    let dir = scratch_dir("ci");
    let report = check(&dir).update(true).ci(true).run_on(&[descriptor("test.fanout.happened")]);
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].message.contains("ignored on CI"), "{report}");
    assert!(report.written.is_empty());
    assert!(!dir.join("test.fanout.happened/v1.json").exists());
}

#[test]
fn an_outdated_schema_is_reported_at_its_first_difference() {
    let dir = scratch_dir("outdated");
    let events = [descriptor("test.envelope.renamed")];
    check(&dir).update(true).run_on(&events).assert_ok();
    let path = dir.join("test.envelope.renamed/v3.json");
    let mut committed: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    committed["properties"]["firstName"]["type"] = Value::from("integer");
    std::fs::write(&path, schemas::to_text(&committed)).expect("write");
    let report = check(&dir).run_on(&events);
    assert_eq!(rules(&report), [("SCHEMA_OUTDATED", "test.envelope.renamed".to_owned(), 3)]);
    assert!(report.problems[0].message.contains("`/properties/firstName/type`"), "{report}");
}

#[test]
fn an_orphaned_schema_fails_unless_it_is_retired() {
    let dir = scratch_dir("orphan");
    let events = [descriptor("test.fanout.happened")];
    check(&dir).update(true).run_on(&events).assert_ok();
    let orphan = dir.join("test.gone.away/v1.json");
    std::fs::create_dir_all(orphan.parent().expect("parent")).expect("mkdir");
    let mut document = json_object(&[(
        "x-evently",
        serde_json::json!({ "package": "evently-tests", "name": "test.gone.away", "version": 1 }),
    )]);
    std::fs::write(&orphan, schemas::to_text(&document)).expect("write");
    let report = check(&dir).run_on(&events);
    assert_eq!(rules(&report), [("ORPHANED_SCHEMA", "test.gone.away".to_owned(), 1)]);

    document["x-evently"]["retired"] = Value::Bool(true);
    std::fs::write(&orphan, schemas::to_text(&document)).expect("write");
    assert!(check(&dir).run_on(&events).is_ok(), "a retired file is kept on purpose");

    // Files of other packages are theirs to check.
    document["x-evently"]["package"] = Value::from("another-service");
    document["x-evently"]["retired"] = Value::Bool(false);
    std::fs::write(&orphan, schemas::to_text(&document)).expect("write");
    assert!(check(&dir).run_on(&events).is_ok());
}

fn json_object(entries: &[(&str, Value)]) -> Value {
    Value::Object(entries.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
}

#[test]
fn an_incompatible_earlier_version_is_reported_with_rule_path_and_versions() {
    let dir = scratch_dir("compat");
    let events = [descriptor("test.compat.checked")];
    check(&dir).update(true).run_on(&events).assert_ok();
    // A committed (retired) version 1 whose `id` was a string. It is closed,
    // so the optional `note` v2 adds is compatible and only `id` is reported.
    let v1 = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": { "id": { "type": "string" } },
        "required": ["id"],
        "additionalProperties": false,
        "x-evently": { "name": "test.compat.checked", "version": 1, "package": "evently-tests", "retired": true }
    });
    std::fs::write(dir.join("test.compat.checked/v1.json"), schemas::to_text(&v1)).expect("write");
    let report = check(&dir).run_on(&events);
    assert_eq!(report.problems.len(), 1, "{report}");
    let problem = &report.problems[0];
    assert_eq!(
        (problem.rule, problem.event.as_str(), problem.version),
        ("TYPE_CHANGED", "test.compat.checked", 2)
    );
    assert_eq!(problem.path, "/properties/id");
    assert!(problem.message.contains("v1 -> v2, backward compatibility"), "{problem}");
}

#[test]
fn an_upcaster_bridges_an_incompatible_step() {
    let dir = scratch_dir("bridge");
    let events = [
        descriptor_version("test.upcast.placed", 1),
        descriptor_version("test.upcast.placed", 2),
        descriptor_version("test.upcast.placed", 3),
    ];
    check(&dir).update(true).run_on(&events).assert_ok();
    // v1 -> v2 adds a required property: incompatible on its own.
    let v1: Value = read(&dir.join("test.upcast.placed/v1.json"));
    let v2: Value = read(&dir.join("test.upcast.placed/v2.json"));
    assert!(!evently::compat::check(&v1, &v2, evently::Compatibility::Backward).is_empty());
    assert!(check(&dir).run_on(&events).is_ok(), "`upcast_from` satisfies the check for that step");
}

fn descriptor_version(name: &str, version: u32) -> &'static evently::EventDescriptor {
    evently::registered_events()
        .find(|d| d.name() == name && d.version() == version)
        .expect("registered")
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
}

/// An event whose schemas live in a folder of its own (relative to this file).
#[evently::event(name = "test.schemas.relocated", schemas = "schemas_elsewhere")]
pub struct SchemasElsewhereChecked {
    pub id: u64,
}

#[test]
fn an_events_own_schemas_folder_is_the_one_the_test_time_check_reads() {
    let descriptor = evently::registered_events()
        .find(|d| d.name() == "test.schemas.relocated")
        .expect("registered");
    let dir = PathBuf::from(descriptor.schemas_dir().expect("recorded"));
    assert!(dir.ends_with("tests/schemas_elsewhere"), "{dir:?}");
    assert!(dir.join("test.schemas.relocated/v1.json").is_file(), "committed there");
    // The package-wide check finds it there: no missing or orphaned schema.
    let report = SchemaCheck::new("evently-tests").ci(false).update(false).run();
    assert!(report.is_ok(), "{report:?}");
}

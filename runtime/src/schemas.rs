//! Committed schemas: one file per event version, checked by the tests.
//!
//! Every `#[event]` version has a committed file `schemas/<name>/v<version>.json`:
//! the JSON Schema (draft 2020-12) of its data, pretty-printed with sorted keys
//! and a trailing newline, and an `x-evently` object with the event's name,
//! version, package, compatibility mode, fingerprint and wire shape.
//!
//! At compile time `#[event]` compares the struct's shape with the file and
//! fails on drift. At test time one call checks the rest:
//!
//! ```no_run
//! #[test]
//! fn event_schemas_are_committed_and_compatible() {
//!     evently::assert_schemas!();
//! }
//! ```
//!
//! - the generated schema equals the committed file (compared as JSON);
//! - a missing file fails, naming the command that writes it:
//!   `EVENTLY_SCHEMAS=overwrite cargo test` (refused when `CI` is set);
//! - consecutive versions of one event are compatible under the newer one's
//!   `compat` mode (see [`compat`] for the rules), unless an `upcast_from`
//!   bridges them;
//! - a committed file of this package with no registered event is an orphan,
//!   unless its `x-evently` says `"retired": true`.
//!
//! Each problem carries a rule id (`MISSING_SCHEMA`, `SCHEMA_OUTDATED`,
//! `ORPHANED_SCHEMA`, `PROPERTY_REMOVED`, ...), the JSON path, and the event
//! name and version.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use crate::compat;
use crate::registry::{EventDescriptor, registered_events};

/// Set to `overwrite` to write missing or outdated schema files.
pub const UPDATE_VARIABLE: &str = "EVENTLY_SCHEMAS";
/// Names the schemas folder, overriding the search for `schemas/`.
pub const DIR_VARIABLE: &str = "EVENTLY_SCHEMAS_DIR";
/// The command that writes schema files, as error messages name it.
pub const UPDATE_COMMAND: &str = "EVENTLY_SCHEMAS=overwrite cargo test";

/// The committed form of an event version: its schema plus `x-evently`.
pub fn document(descriptor: &EventDescriptor) -> Value {
    let mut schema = descriptor.schema();
    let shape: Value = serde_json::from_str(descriptor.shape()).unwrap_or(Value::Null);
    if let Value::Object(object) = &mut schema {
        object.insert(
            "x-evently".to_owned(),
            json!({
                "name": descriptor.name(),
                "version": descriptor.version(),
                "package": descriptor.package(),
                "compat": descriptor.compat().as_str(),
                "fingerprint": descriptor.fingerprint(),
                "shape": shape,
            }),
        );
    }
    schema
}

/// Pretty JSON with object keys sorted at every level and a trailing newline,
/// so a file's text depends only on its content.
pub fn to_text(value: &Value) -> String {
    fn sorted(value: &Value) -> Value {
        match value {
            Value::Object(object) => {
                let ordered: BTreeMap<&String, Value> =
                    object.iter().map(|(k, v)| (k, sorted(v))).collect();
                let mut out = Map::new();
                for (key, value) in ordered {
                    out.insert(key.clone(), value);
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    let mut text = serde_json::to_string_pretty(&sorted(value)).unwrap_or_default();
    text.push('\n');
    text
}

/// One thing wrong with the committed schemas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What kind of problem (`MISSING_SCHEMA`, `PROPERTY_REMOVED`, ...).
    pub rule: &'static str,
    /// The event name.
    pub event: String,
    /// The event version the problem is about.
    pub version: u32,
    /// Where in the schema (a JSON pointer; empty for the whole file).
    pub path: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] `{}` v{}", self.rule, self.event, self.version)?;
        if !self.path.is_empty() {
            write!(f, " at `{}`", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What a [`SchemaCheck`] found.
#[derive(Debug, Default)]
pub struct Report {
    /// Every problem found.
    pub problems: Vec<Problem>,
    /// Files written in update mode.
    pub written: Vec<PathBuf>,
    /// How many event versions were checked.
    pub checked: usize,
}

impl Report {
    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }

    /// Panics with every problem listed unless nothing is wrong.
    #[track_caller]
    pub fn assert_ok(&self) {
        if !self.is_ok() {
            panic!("{self}");
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} event version(s) checked, {} problem(s)", self.checked, self.problems.len())?;
        for problem in &self.problems {
            write!(f, "\n  - {problem}")?;
        }
        for path in &self.written {
            write!(f, "\n  wrote {}", path.display())?;
        }
        Ok(())
    }
}

/// Checks the committed schemas of one package's events; from
/// [`assert_schemas!`](crate::assert_schemas).
#[derive(Debug, Clone)]
pub struct SchemaCheck {
    /// A folder for every event instead of each event's own.
    dir: Option<PathBuf>,
    package: String,
    update: bool,
    on_ci: bool,
}

/// Checks every event of the calling crate against its committed schema and
/// its earlier versions; panics listing every problem.
///
/// `EVENTLY_SCHEMAS=overwrite cargo test` writes missing and outdated files
/// instead (never on CI).
#[macro_export]
macro_rules! assert_schemas {
    () => {
        $crate::schemas::SchemaCheck::new(::core::env!("CARGO_PKG_NAME")).run().assert_ok()
    };
}

impl SchemaCheck {
    /// A check of the events of `package`, each against the schemas folder
    /// `#[event]` checked it against at compile time (its descriptor's
    /// [`schemas_dir`](EventDescriptor::schemas_dir)); update mode and CI are
    /// read from the environment.
    pub fn new(package: impl Into<String>) -> Self {
        Self {
            dir: None,
            package: package.into(),
            update: std::env::var(UPDATE_VARIABLE).is_ok_and(|mode| mode == "overwrite"),
            on_ci: std::env::var_os("CI").is_some_and(|ci| !ci.is_empty() && ci != "false"),
        }
    }

    /// Uses this schemas folder for every event, instead of each event's own.
    pub fn dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dir = Some(dir.into());
        self
    }

    /// Whether this runs on CI, where update mode refuses to write (default:
    /// whether `CI` is set).
    pub fn ci(mut self, on_ci: bool) -> Self {
        self.on_ci = on_ci;
        self
    }

    /// Writes missing and outdated files instead of reporting them.
    pub fn update(mut self, update: bool) -> Self {
        self.update = update;
        self
    }

    /// Runs the check over every registered event of the package.
    pub fn run(&self) -> Report {
        let events: Vec<&'static EventDescriptor> =
            registered_events().filter(|d| d.package() == self.package).collect();
        self.run_on(&events)
    }

    /// Runs the check over the given events (all of one package).
    pub fn run_on(&self, events: &[&'static EventDescriptor]) -> Report {
        let mut report = Report::default();
        let folder = |descriptor: &EventDescriptor| {
            self.dir.clone().or_else(|| descriptor.schemas_dir().map(PathBuf::from))
        };
        if let Some(lost) = events.iter().find(|d| folder(d).is_none()) {
            report.problems.push(Problem {
                rule: "NO_SCHEMAS_FOLDER",
                event: lost.name().to_owned(),
                version: lost.version(),
                path: String::new(),
                message: format!(
                    "`#[event]` found no schemas folder for this event; set `schemas = \"dir\"` or {DIR_VARIABLE} and run `{UPDATE_COMMAND}`"
                ),
            });
            return report;
        }
        if events.is_empty() {
            report.problems.push(Problem {
                rule: "NO_EVENTS",
                event: String::new(),
                version: 0,
                path: String::new(),
                message: format!(
                    "no `#[event]` of package `{}` is linked into this test binary; if the events live in a library, name it in the test (`use my_events as _;`)",
                    self.package
                ),
            });
            return report;
        }
        let refuse_update = self.update && self.on_ci;
        let update = self.update && !self.on_ci;

        // The schema of every known version, generated or committed.
        let mut versions: BTreeMap<String, BTreeMap<u32, Version>> = BTreeMap::new();
        for descriptor in events {
            report.checked += 1;
            let generated = document(descriptor);
            let dir = folder(descriptor).unwrap_or_default();
            let path = file_path(&dir, descriptor.name(), descriptor.version());
            self.compare_with_file(
                &path,
                descriptor,
                &generated,
                update,
                refuse_update,
                &mut report,
            );
            versions.entry(descriptor.name().to_owned()).or_default().insert(
                descriptor.version(),
                Version { schema: generated, descriptor: Some(descriptor) },
            );
        }
        let dirs: BTreeSet<PathBuf> = events.iter().filter_map(|d| folder(d)).collect();
        for dir in &dirs {
            self.read_committed(dir, events, &mut versions, &mut report);
        }
        for (name, by_version) in &versions {
            check_versions(name, by_version, &mut report);
        }
        report
    }

    fn compare_with_file(
        &self,
        path: &Path,
        descriptor: &EventDescriptor,
        generated: &Value,
        update: bool,
        refuse_update: bool,
        report: &mut Report,
    ) {
        let problem = |rule, message: String| Problem {
            rule,
            event: descriptor.name().to_owned(),
            version: descriptor.version(),
            path: String::new(),
            message,
        };
        let committed = std::fs::read_to_string(path).ok();
        let committed_value = committed.as_deref().map(serde_json::from_str::<Value>);
        let (rule, message) = match committed_value {
            Some(Ok(committed)) if committed == *generated => return,
            Some(Ok(committed)) => {
                if let Some(owner) = owner(&committed).filter(|owner| *owner != self.package) {
                    report.problems.push(problem(
                        "SCHEMA_OWNED_ELSEWHERE",
                        format!(
                            "`{}` belongs to package `{owner}`; two packages define this event name and version",
                            path.display()
                        ),
                    ));
                    return;
                }
                let at = first_difference(&committed, generated, String::new());
                (
                    "SCHEMA_OUTDATED",
                    format!(
                        "the generated schema differs from `{}` (first at `{at}`); if this version was never released, run `{UPDATE_COMMAND}`, else bump the version",
                        path.display()
                    ),
                )
            }
            Some(Err(error)) => (
                "INVALID_SCHEMA_FILE",
                format!("`{}` is not JSON ({error}); run `{UPDATE_COMMAND}`", path.display()),
            ),
            None => (
                "MISSING_SCHEMA",
                format!(
                    "no committed schema at `{}`; run `{UPDATE_COMMAND}` and commit the file",
                    path.display()
                ),
            ),
        };
        if update {
            match write(path, generated) {
                Ok(()) => report.written.push(path.to_owned()),
                Err(error) => report.problems.push(problem(
                    "SCHEMA_NOT_WRITTEN",
                    format!("cannot write `{}`: {error}", path.display()),
                )),
            }
        } else if refuse_update {
            report.problems.push(problem(
                rule,
                format!("{message} ({UPDATE_VARIABLE}=overwrite is ignored on CI)"),
            ));
        } else {
            report.problems.push(problem(rule, message));
        }
    }

    /// Adds committed versions that no registered event covers (retired
    /// versions, or orphans) and reports the orphans.
    fn read_committed(
        &self,
        dir: &Path,
        events: &[&'static EventDescriptor],
        versions: &mut BTreeMap<String, BTreeMap<u32, Version>>,
        report: &mut Report,
    ) {
        let registered: BTreeSet<(&str, u32)> =
            events.iter().map(|d| (d.name(), d.version())).collect();
        let Ok(names) = std::fs::read_dir(dir) else { return };
        for entry in names.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(files) = std::fs::read_dir(entry.path()) else { continue };
            for file in files.flatten() {
                let file_name = file.file_name().to_string_lossy().into_owned();
                let Some(version) = file_name
                    .strip_prefix('v')
                    .and_then(|rest| rest.strip_suffix(".json"))
                    .and_then(|number| number.parse::<u32>().ok())
                else {
                    continue;
                };
                if registered.contains(&(name.as_str(), version)) {
                    continue;
                }
                let Some(committed) = std::fs::read_to_string(file.path())
                    .ok()
                    .and_then(|text| serde_json::from_str::<Value>(&text).ok())
                else {
                    continue;
                };
                if owner(&committed) != Some(self.package.as_str()) {
                    continue;
                }
                let retired = committed
                    .pointer("/x-evently/retired")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                if !retired {
                    report.problems.push(Problem {
                        rule: "ORPHANED_SCHEMA",
                        event: name.clone(),
                        version,
                        path: String::new(),
                        message: format!(
                            "`{}` has no `#[event]` with this name and version; delete it, or mark it `\"retired\": true` under `x-evently` if it documents a version still in flight",
                            file.path().display()
                        ),
                    });
                }
                versions
                    .entry(name.clone())
                    .or_default()
                    .insert(version, Version { schema: committed, descriptor: None });
            }
        }
    }
}

struct Version {
    schema: Value,
    descriptor: Option<&'static EventDescriptor>,
}

fn file_path(dir: &Path, name: &str, version: u32) -> PathBuf {
    dir.join(name).join(format!("v{version}.json"))
}

fn owner(document: &Value) -> Option<&str> {
    document.pointer("/x-evently/package").and_then(Value::as_str)
}

fn write(path: &Path, document: &Value) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, to_text(document))
}

/// The JSON pointer of the first place two values differ.
fn first_difference(a: &Value, b: &Value, at: String) -> String {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let path = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) if x == y => {}
                    (Some(x), Some(y)) => return first_difference(x, y, path),
                    _ => return path,
                }
            }
            at
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                if x != y {
                    return first_difference(x, y, format!("{at}/{index}"));
                }
            }
            at
        }
        _ => at,
    }
}

/// Checks each registered version against the earlier ones its mode covers.
fn check_versions(name: &str, by_version: &BTreeMap<u32, Version>, report: &mut Report) {
    for (&version, newer) in by_version {
        let Some(descriptor) = newer.descriptor else { continue };
        let mode = descriptor.compat();
        if mode == crate::Compatibility::None {
            continue;
        }
        let earlier: Vec<(&u32, &Version)> = by_version.range(..version).collect();
        let against: Vec<(&u32, &Version)> =
            if mode.transitive() { earlier } else { earlier.last().copied().into_iter().collect() };
        for (&older_version, older) in against {
            if upcast_bridges(by_version, older_version, version) {
                continue;
            }
            for difference in compat::check(&older.schema, &newer.schema, mode) {
                report.problems.push(Problem {
                    rule: difference.rule.as_str(),
                    event: name.to_owned(),
                    version,
                    path: difference.path,
                    message: format!(
                        "{} (v{older_version} -> v{version}, {} compatibility); make the change compatible, set `compat` on the event, or add `upcast_from` to convert v{older_version} messages",
                        difference.message,
                        mode.as_str(),
                    ),
                });
            }
        }
    }
}

/// Whether registered `upcast_from`s lead from `older` to `newer`.
fn upcast_bridges(by_version: &BTreeMap<u32, Version>, older: u32, newer: u32) -> bool {
    let mut current = newer;
    while current > older {
        let Some(from) =
            by_version.get(&current).and_then(|v| v.descriptor).and_then(|d| d.upcasts_from())
        else {
            return false;
        };
        current = from;
    }
    current == older
}

//! The state of one comparison, and the helpers every construct shares.

use std::collections::HashSet;

use serde_json::Value;

use super::Difference;
use super::node::Node;
use super::rule::Rule;

/// One walk over an old and a new schema document, side by side.
pub(super) struct Walk<'a> {
    /// The old document, which its `$ref`s point into.
    pub(super) old_root: &'a Value,
    /// The new document, which its `$ref`s point into.
    pub(super) new_root: &'a Value,
    /// The differences found so far.
    pub(super) out: Vec<Difference>,
    /// The pairs of nodes being compared, so a recursive schema is walked
    /// once.
    pub(super) visiting: HashSet<(*const Value, *const Value)>,
    /// How many comparisons are under way, one inside the other.
    pub(super) depth: usize,
    /// How many comparisons were made.
    pub(super) steps: usize,
}

impl<'a> Walk<'a> {
    pub(super) fn new(old_root: &'a Value, new_root: &'a Value) -> Self {
        Walk { old_root, new_root, out: Vec::new(), visiting: HashSet::new(), depth: 0, steps: 0 }
    }

    /// Records a difference at `path` (a JSON pointer; empty for the root).
    pub(super) fn push(&mut self, rule: Rule, path: &str, message: impl Into<String>) {
        let path = if path.is_empty() { "/".to_owned() } else { path.to_owned() };
        self.out.push(Difference {
            rule,
            path,
            message: message.into(),
            compatible: rule.compatible(),
        });
    }

    /// Compares `old` with `new` aside; returns the differences found
    /// without recording them.
    pub(super) fn trial(&mut self, old: &Value, new: &Value, path: &str) -> Vec<Difference> {
        let saved = std::mem::take(&mut self.out);
        self.compare(old, new, path.to_owned());
        std::mem::replace(&mut self.out, saved)
    }

    /// Records [`Rule::TypeChanged`] from `old`'s kind to `new`'s.
    pub(super) fn type_changed(&mut self, old: &Node<'_>, new: &Node<'_>, path: &str) {
        let message = format!("type changed from `{}` to `{}`", old.name(), new.name());
        self.push(Rule::TypeChanged, path, message);
    }
}

/// Whether a trial found only compatible differences.
pub(super) fn all_compatible(differences: &[Difference]) -> bool {
    differences.iter().all(|d| d.compatible)
}

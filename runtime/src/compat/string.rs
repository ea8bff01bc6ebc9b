//! Strings: length bounds and `pattern`.

use super::bounds::Bound;
use super::node::Keywords;
use super::rule::Rule;
use super::walk::Walk;

impl Walk<'_> {
    /// Compares two string schemas.
    pub(super) fn compare_strings(&mut self, old: &Keywords, new: &Keywords, path: &str) {
        self.compare_bounds(old, new, path, &[Bound::MaxLength, Bound::MinLength]);
        let at = format!("{path}/pattern");
        match (old.get("pattern"), new.get("pattern")) {
            (None, Some(pattern)) => {
                self.push(Rule::PatternAdded, &at, format!("pattern {pattern} added"))
            }
            (Some(pattern), None) => {
                self.push(Rule::PatternRemoved, &at, format!("pattern {pattern} removed"))
            }
            (Some(a), Some(b)) if a != b => {
                self.push(Rule::PatternChanged, &at, format!("pattern changed from {a} to {b}"))
            }
            _ => {}
        }
    }
}

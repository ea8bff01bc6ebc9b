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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::compat::{Rule, diff, found};

    #[test]
    fn a_pattern_added_is_incompatible_and_removed_is_compatible() {
        let plain = json!({ "type": "string" });
        let patterned = json!({ "type": "string", "pattern": "^[a-z]+$" });
        let added = diff(&plain, &patterned);
        assert_eq!(added[0].rule, Rule::PatternAdded);
        assert_eq!(added[0].path, "/pattern");
        assert_eq!(added[0].message, r#"pattern "^[a-z]+$" added"#);
        assert!(!added[0].compatible);
        assert_eq!(found(&patterned, &plain), [(Rule::PatternRemoved, "/pattern".into())]);
        assert!(found(&patterned, &patterned).is_empty());
    }

    #[test]
    fn length_bounds_are_compared() {
        let old = json!({ "type": "string", "minLength": 1 });
        let new = json!({ "type": "string", "minLength": 0, "maxLength": 8 });
        assert_eq!(
            found(&old, &new),
            [
                (Rule::MaxLengthAdded, "/maxLength".into()),
                (Rule::MinLengthDecreased, "/minLength".into())
            ]
        );
    }
}

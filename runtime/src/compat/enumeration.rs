//! `enum` and `const`: values added, removed or changed.

use serde_json::Value;

use super::rule::Rule;
use super::walk::Walk;

impl Walk<'_> {
    /// Compares two `enum`s.
    pub(super) fn compare_enums(&mut self, old: &[Value], new: &[Value], path: &str) {
        let removed: Vec<&Value> = old.iter().filter(|v| !new.contains(v)).collect();
        let added: Vec<&Value> = new.iter().filter(|v| !old.contains(v)).collect();
        let (rule, message) = match (removed.is_empty(), added.is_empty()) {
            (true, true) => return,
            (true, false) => {
                (Rule::EnumArrayExtended, format!("enum values added: {}", list(&added)))
            }
            (false, true) => {
                (Rule::EnumArrayNarrowed, format!("enum values removed: {}", list(&removed)))
            }
            (false, false) => (
                Rule::EnumArrayChanged,
                format!("enum values removed: {}; added: {}", list(&removed), list(&added)),
            ),
        };
        self.push(rule, path, message);
    }

    /// An `enum` of strings became any string.
    pub(super) fn enum_became_string(&mut self, path: &str) {
        self.push(Rule::ProductTypeNarrowed, path, "the enum of strings became any string");
    }

    /// Compares two `const`s.
    pub(super) fn compare_consts(&mut self, old: &Value, new: &Value, path: &str) {
        if old != new {
            self.push(Rule::EnumArrayChanged, path, format!("const changed from {old} to {new}"));
        }
    }

    /// A `const` became an `enum`.
    pub(super) fn const_became_enum(&mut self, old: &Value, new: &[Value], path: &str) {
        if new.contains(old) {
            self.push(
                Rule::EnumArrayExtended,
                path,
                format!("const {old} became an enum that keeps it"),
            );
        } else {
            self.push(
                Rule::EnumArrayChanged,
                path,
                format!("const {old} became an enum without it"),
            );
        }
    }
}

/// Values as JSON, comma-separated.
fn list(values: &[&Value]) -> String {
    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::compat::{Rule, diff, found};

    #[test]
    fn enum_values_replaced_are_a_change() {
        let old = json!({ "enum": ["card", "cash"] });
        let new = json!({ "enum": ["card", "wire"] });
        let differences = diff(&old, &new);
        assert_eq!(differences.len(), 1);
        assert_eq!(differences[0].rule, Rule::EnumArrayChanged);
        assert_eq!(differences[0].message, r#"enum values removed: "cash"; added: "wire""#);
    }

    #[test]
    fn an_enum_of_strings_may_become_any_string() {
        let old = json!({ "type": "string", "enum": ["card", "cash"] });
        let new = json!({ "type": "string" });
        assert_eq!(found(&old, &new), [(Rule::ProductTypeNarrowed, "/".into())]);
        let numbers = json!({ "enum": [1, 2] });
        assert_eq!(found(&numbers, &new), [(Rule::TypeChanged, "/".into())]);
    }

    #[test]
    fn a_const_is_an_enum_of_one() {
        let card = json!({ "const": "card" });
        assert!(found(&card, &card).is_empty());
        assert_eq!(
            found(&card, &json!({ "const": "cash" })),
            [(Rule::EnumArrayChanged, "/".into())]
        );
        let kept = json!({ "enum": ["card", "cash"] });
        assert_eq!(found(&card, &kept), [(Rule::EnumArrayExtended, "/".into())]);
        let dropped = json!({ "enum": ["cash"] });
        assert_eq!(found(&card, &dropped), [(Rule::EnumArrayChanged, "/".into())]);
        assert_eq!(found(&kept, &card), [(Rule::TypeChanged, "/".into())]);
    }
}

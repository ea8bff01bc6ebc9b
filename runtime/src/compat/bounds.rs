//! Numeric bounds (`maxLength`, `minimum`, `maxItems`, ...), shared by
//! strings, numbers, arrays and objects: loosening one is compatible, adding
//! or tightening one is not.

use super::node::{Keywords, number};
use super::rule::Rule;
use super::walk::Walk;

/// A bound keyword.
#[derive(Debug, Clone, Copy)]
pub(super) enum Bound {
    MaxLength,
    MinLength,
    Maximum,
    Minimum,
    ExclusiveMaximum,
    ExclusiveMinimum,
    MaxItems,
    MinItems,
    MaxProperties,
    MinProperties,
}

impl Bound {
    /// The JSON Schema keyword.
    fn keyword(self) -> &'static str {
        match self {
            Bound::MaxLength => "maxLength",
            Bound::MinLength => "minLength",
            Bound::Maximum => "maximum",
            Bound::Minimum => "minimum",
            Bound::ExclusiveMaximum => "exclusiveMaximum",
            Bound::ExclusiveMinimum => "exclusiveMinimum",
            Bound::MaxItems => "maxItems",
            Bound::MinItems => "minItems",
            Bound::MaxProperties => "maxProperties",
            Bound::MinProperties => "minProperties",
        }
    }

    /// The rules of the bound's changes: added, removed, raised, lowered.
    fn rules(self) -> [Rule; 4] {
        use Rule::*;
        match self {
            Bound::MaxLength => {
                [MaxLengthAdded, MaxLengthRemoved, MaxLengthIncreased, MaxLengthDecreased]
            }
            Bound::MinLength => {
                [MinLengthAdded, MinLengthRemoved, MinLengthIncreased, MinLengthDecreased]
            }
            Bound::Maximum => [MaximumAdded, MaximumRemoved, MaximumIncreased, MaximumDecreased],
            Bound::Minimum => [MinimumAdded, MinimumRemoved, MinimumIncreased, MinimumDecreased],
            Bound::ExclusiveMaximum => [
                ExclusiveMaximumAdded,
                ExclusiveMaximumRemoved,
                ExclusiveMaximumIncreased,
                ExclusiveMaximumDecreased,
            ],
            Bound::ExclusiveMinimum => [
                ExclusiveMinimumAdded,
                ExclusiveMinimumRemoved,
                ExclusiveMinimumIncreased,
                ExclusiveMinimumDecreased,
            ],
            Bound::MaxItems => {
                [MaxItemsAdded, MaxItemsRemoved, MaxItemsIncreased, MaxItemsDecreased]
            }
            Bound::MinItems => {
                [MinItemsAdded, MinItemsRemoved, MinItemsIncreased, MinItemsDecreased]
            }
            Bound::MaxProperties => [
                MaxPropertiesAdded,
                MaxPropertiesRemoved,
                MaxPropertiesIncreased,
                MaxPropertiesDecreased,
            ],
            Bound::MinProperties => [
                MinPropertiesAdded,
                MinPropertiesRemoved,
                MinPropertiesIncreased,
                MinPropertiesDecreased,
            ],
        }
    }
}

impl Walk<'_> {
    /// Compares each of `bounds`, in order.
    pub(super) fn compare_bounds(
        &mut self,
        old: &Keywords,
        new: &Keywords,
        path: &str,
        bounds: &[Bound],
    ) {
        for bound in bounds {
            let key = bound.keyword();
            let [added, removed, raised, lowered] = bound.rules();
            let at = format!("{path}/{key}");
            match (number(old, key), number(new, key)) {
                (None, Some(value)) => self.push(added, &at, format!("`{key}` {value} added")),
                (Some(value), None) => self.push(removed, &at, format!("`{key}` {value} removed")),
                (Some(a), Some(b)) if a < b => {
                    self.push(raised, &at, format!("`{key}` raised from {a} to {b}"))
                }
                (Some(a), Some(b)) if a > b => {
                    self.push(lowered, &at, format!("`{key}` lowered from {a} to {b}"))
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::compat::{Rule, diff};

    #[test]
    fn an_upper_bound_raised_and_a_lower_bound_lowered_are_compatible() {
        let old = json!({ "type": "array", "maxItems": 3, "minItems": 2 });
        let new = json!({ "type": "array", "maxItems": 5, "minItems": 1 });
        let found: Vec<_> = diff(&old, &new).into_iter().map(|d| (d.rule, d.compatible)).collect();
        assert_eq!(found, [(Rule::MaxItemsIncreased, true), (Rule::MinItemsDecreased, true)]);
        let back: Vec<_> = diff(&new, &old).into_iter().map(|d| (d.rule, d.compatible)).collect();
        assert_eq!(back, [(Rule::MaxItemsDecreased, false), (Rule::MinItemsIncreased, false)]);
    }

    #[test]
    fn a_bound_added_is_incompatible_and_removed_is_compatible() {
        let old = json!({ "type": "object" });
        let new = json!({ "type": "object", "minProperties": 1 });
        let d = &diff(&old, &new)[0];
        assert_eq!(
            (d.rule, d.path.as_str(), d.compatible),
            (Rule::MinPropertiesAdded, "/minProperties", false)
        );
        assert_eq!(d.message, "`minProperties` 1 added");
        let d = &diff(&new, &old)[0];
        assert_eq!((d.rule, d.compatible), (Rule::MinPropertiesRemoved, true));
    }
}

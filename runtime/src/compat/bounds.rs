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

//! Numbers: `integer` against `number`, bounds and `multipleOf`.

use super::bounds::Bound;
use super::node::{Keywords, number};
use super::rule::Rule;
use super::walk::Walk;

impl Walk<'_> {
    /// Compares two number schemas; `old_integer` and `new_integer` tell
    /// `integer` from `number`.
    pub(super) fn compare_numbers(
        &mut self,
        old: &Keywords,
        old_integer: bool,
        new: &Keywords,
        new_integer: bool,
        path: &str,
    ) {
        match (old_integer, new_integer) {
            (true, false) => self.push(Rule::TypeExtended, path, "`integer` widened to `number`"),
            (false, true) => self.push(Rule::TypeNarrowed, path, "`number` narrowed to `integer`"),
            _ => {}
        }
        let bounds =
            [Bound::Maximum, Bound::Minimum, Bound::ExclusiveMaximum, Bound::ExclusiveMinimum];
        self.compare_bounds(old, new, path, &bounds);
        self.compare_multiple_of(old, new, path);
    }

    fn compare_multiple_of(&mut self, old: &Keywords, new: &Keywords, path: &str) {
        let at = format!("{path}/multipleOf");
        match (number(old, "multipleOf"), number(new, "multipleOf")) {
            (None, Some(value)) => self.push(
                Rule::MultipleOfAdded,
                &at,
                format!("values must now be multiples of {value}"),
            ),
            (Some(value), None) => self.push(
                Rule::MultipleOfRemoved,
                &at,
                format!("values need no longer be multiples of {value}"),
            ),
            (Some(a), Some(b)) if a != b => {
                let divides = |x: f64, y: f64| y != 0.0 && (x / y).fract() == 0.0;
                if divides(b, a) {
                    self.push(
                        Rule::MultipleOfExpanded,
                        &at,
                        format!("multipleOf grew from {a} to {b}"),
                    );
                } else if divides(a, b) {
                    self.push(
                        Rule::MultipleOfReduced,
                        &at,
                        format!("multipleOf shrank from {a} to {b}"),
                    );
                } else {
                    self.push(
                        Rule::MultipleOfChanged,
                        &at,
                        format!("multipleOf changed from {a} to {b}"),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::compat::{Rule, diff, found};

    fn multiple_of(value: f64) -> Value {
        json!({ "type": "number", "multipleOf": value })
    }

    #[test]
    fn multiple_of_follows_divisibility() {
        let rule = |old: f64, new: f64| diff(&multiple_of(old), &multiple_of(new))[0].rule;
        assert_eq!(rule(2.0, 4.0), Rule::MultipleOfExpanded);
        assert_eq!(rule(4.0, 2.0), Rule::MultipleOfReduced);
        assert_eq!(rule(2.0, 3.0), Rule::MultipleOfChanged);
        assert_eq!(rule(0.5, 0.25), Rule::MultipleOfReduced);
        let plain = json!({ "type": "number" });
        assert_eq!(
            found(&plain, &multiple_of(2.0)),
            [(Rule::MultipleOfAdded, "/multipleOf".into())]
        );
        assert_eq!(
            found(&multiple_of(2.0), &plain),
            [(Rule::MultipleOfRemoved, "/multipleOf".into())]
        );
    }

    #[test]
    fn widening_to_number_comes_before_the_bounds() {
        let old = json!({ "type": "integer", "maximum": 10 });
        let new = json!({ "type": "number", "maximum": 5, "exclusiveMinimum": 0 });
        assert_eq!(
            found(&old, &new),
            [
                (Rule::TypeExtended, "/".into()),
                (Rule::MaximumDecreased, "/maximum".into()),
                (Rule::ExclusiveMinimumAdded, "/exclusiveMinimum".into()),
            ]
        );
    }
}

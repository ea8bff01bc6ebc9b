//! `oneOf`, `anyOf` and `allOf` (and `type` arrays, compared as `anyOf`):
//! the keyword, the number of members, and members paired by a maximum
//! matching of compatible old and new members.

use serde_json::Value;

use super::Difference;
use super::node::{Combinator, Node, Sub};
use super::rule::Rule;
use super::walk::{Walk, all_compatible};

impl Walk<'_> {
    /// Compares two combined schemas, as Confluent does: the keyword, the
    /// number of members, then every old member against a new one.
    pub(super) fn compare_combined(
        &mut self,
        old_kind: Combinator,
        old: &[Sub<'_>],
        new_kind: Combinator,
        new: &[Sub<'_>],
        path: &str,
    ) {
        if old_kind != new_kind {
            let extended = new_kind == Combinator::Any
                || (old.len() == 1 && new.len() == 1)
                || (old.len() == 1 && new_kind == Combinator::One)
                || (new.len() == 1 && old_kind == Combinator::All);
            let message = format!("`{old_kind}` became `{new_kind}`");
            if !extended {
                self.push(Rule::CombinedTypeChanged, path, message);
                return;
            }
            self.push(Rule::CombinedTypeExtended, path, message);
        }
        let (old, new) = (distinct(old), distinct(new));
        if new.len() > old.len() {
            if new_kind == Combinator::All {
                self.push(Rule::ProductTypeExtended, path, "members added to an `allOf`");
            } else {
                self.push(Rule::SumTypeExtended, path, format!("members added to a `{new_kind}`"));
            }
        } else if new.len() < old.len() {
            if old_kind == Combinator::All {
                self.push(Rule::ProductTypeNarrowed, path, "members removed from an `allOf`");
            } else {
                let message = format!("members removed from a `{old_kind}`");
                self.push(Rule::SumTypeNarrowed, path, message);
            }
        }
        // Pair each old member with a compatible new one (maximum matching).
        let mut compatible: Vec<Vec<(usize, Vec<Difference>)>> = Vec::new();
        for (i, old_sub) in old.iter().enumerate() {
            let mut edges = Vec::new();
            for (j, new_sub) in new.iter().enumerate() {
                let trial = self.trial(old_sub, new_sub, &format!("{path}/{old_kind}/{i}"));
                if all_compatible(&trial) {
                    edges.push((j, trial));
                }
            }
            compatible.push(edges);
        }
        let matched = maximum_matching(&compatible, new.len());
        let mut pairs = 0;
        for (i, j) in matched.iter().enumerate() {
            if let Some(j) = j {
                pairs += 1;
                if let Some((_, diffs)) = compatible[i].iter().find(|(candidate, _)| candidate == j)
                {
                    self.out.extend(diffs.iter().cloned());
                }
            }
        }
        let unmatched = old.len().min(new.len()) - pairs;
        if unmatched > 0 {
            self.push(
                Rule::CombinedTypeSubschemasChanged,
                path,
                format!("{unmatched} member(s) of the `{old_kind}` have no compatible counterpart"),
            );
        }
    }

    /// Compares a single schema with a new combined one: compatible if a
    /// union member reads everything the old schema described.
    pub(super) fn compare_to_combined(
        &mut self,
        old_value: &Value,
        old: &Node<'_>,
        kind: Combinator,
        subs: &[Sub<'_>],
        new: &Node<'_>,
        path: &str,
    ) {
        if let [sub] = subs {
            self.compare(old_value, sub.value(), path.to_owned());
            return;
        }
        if kind != Combinator::All {
            for (index, sub) in subs.iter().enumerate() {
                let trial = self.trial(old_value, sub.value(), &format!("{path}/{kind}/{index}"));
                if all_compatible(&trial) {
                    self.out.extend(trial);
                    let message =
                        format!("`{}` widened to a union of {} types", old.name(), subs.len());
                    self.push(Rule::SumTypeExtended, path, message);
                    return;
                }
            }
        }
        self.type_changed(old, new, path);
    }

    /// Compares an old combined schema with a single new one: compatible if
    /// it was an `allOf` and the new schema reads one of its members.
    pub(super) fn compare_from_combined(
        &mut self,
        kind: Combinator,
        subs: &[Sub<'_>],
        new_value: &Value,
        new: &Node<'_>,
        path: &str,
    ) {
        if let [sub] = subs {
            self.compare(sub.value(), new_value, path.to_owned());
            return;
        }
        if kind == Combinator::All {
            for (index, sub) in subs.iter().enumerate() {
                let trial = self.trial(sub.value(), new_value, &format!("{path}/{kind}/{index}"));
                if all_compatible(&trial) {
                    self.out.extend(trial);
                    let message = "an `allOf` reduced to one of its members";
                    self.push(Rule::ProductTypeNarrowed, path, message);
                    return;
                }
            }
        }
        let message = format!("a union of {} types narrowed to `{}`", subs.len(), new.name());
        self.push(Rule::TypeChanged, path, message);
    }
}

/// The members, each once, in their first order.
fn distinct(subs: &[Sub<'_>]) -> Vec<Value> {
    let mut unique: Vec<Value> = Vec::new();
    for sub in subs {
        if !unique.contains(sub.value()) {
            unique.push(sub.value().clone());
        }
    }
    unique
}

/// Kuhn's augmenting paths: for each left node, its matched right node.
fn maximum_matching<T>(edges: &[Vec<(usize, T)>], right: usize) -> Vec<Option<usize>> {
    fn augment<T>(
        left: usize,
        edges: &[Vec<(usize, T)>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for (candidate, _) in &edges[left] {
            if seen[*candidate] {
                continue;
            }
            seen[*candidate] = true;
            if owner[*candidate].is_none_or(|other| augment(other, edges, seen, owner)) {
                owner[*candidate] = Some(left);
                return true;
            }
        }
        false
    }
    let mut owner: Vec<Option<usize>> = vec![None; right];
    for left in 0..edges.len() {
        let mut seen = vec![false; right];
        augment(left, edges, &mut seen, &mut owner);
    }
    let mut matched = vec![None; edges.len()];
    for (right_index, left) in owner.iter().enumerate() {
        if let Some(left) = left {
            matched[*left] = Some(right_index);
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::maximum_matching;
    use crate::compat::{Rule, found};

    #[test]
    fn the_matching_reassigns_an_earlier_pair_to_match_more() {
        // Left 0 fits right 0 or 1, left 1 fits only right 0.
        let edges = vec![vec![(0, ()), (1, ())], vec![(0, ())]];
        assert_eq!(maximum_matching(&edges, 2), [Some(1), Some(0)]);
        let edges = vec![vec![(0, ())], vec![(0, ())]];
        assert_eq!(maximum_matching(&edges, 1), [Some(0), None]);
    }

    #[test]
    fn members_are_paired_whatever_their_order() {
        let old = json!({ "oneOf": [{ "type": "string" }, { "type": "integer" }] });
        let new = json!({ "oneOf": [{ "type": "number" }, { "type": "string" }] });
        // `integer` pairs with `number` (widened), `string` with `string`.
        assert_eq!(found(&old, &new), [(Rule::TypeExtended, "/oneOf/1".into())]);
        let retyped = json!({ "oneOf": [{ "type": "boolean" }, { "type": "string" }] });
        assert_eq!(found(&old, &retyped), [(Rule::CombinedTypeSubschemasChanged, "/".into())]);
    }

    #[test]
    fn members_added_to_a_union_extend_it_and_to_an_all_of_do_not() {
        let one = json!({ "anyOf": [{ "type": "string" }, { "type": "null" }] });
        let two =
            json!({ "anyOf": [{ "type": "string" }, { "type": "null" }, { "type": "integer" }] });
        assert_eq!(found(&one, &two), [(Rule::SumTypeExtended, "/".into())]);
        assert_eq!(found(&two, &one), [(Rule::SumTypeNarrowed, "/".into())]);
        let all = |members: serde_json::Value| json!({ "allOf": members });
        let (few, more) =
            (all(json!([{ "minimum": 0 }])), all(json!([{ "minimum": 0 }, { "maximum": 9 }])));
        assert_eq!(found(&few, &more)[0], (Rule::ProductTypeExtended, "/".into()));
        assert_eq!(found(&more, &few)[0], (Rule::ProductTypeNarrowed, "/".into()));
    }

    #[test]
    fn the_keyword_may_change_only_towards_any_of() {
        let members = json!([{ "type": "string" }, { "type": "integer" }]);
        let one_of = json!({ "oneOf": members });
        let any_of = json!({ "anyOf": members });
        assert_eq!(found(&one_of, &any_of), [(Rule::CombinedTypeExtended, "/".into())]);
        assert_eq!(found(&any_of, &one_of), [(Rule::CombinedTypeChanged, "/".into())]);
    }

    #[test]
    fn a_single_type_widens_to_a_union_that_reads_it() {
        let old = json!({ "type": "integer" });
        let new = json!({ "oneOf": [{ "type": "string" }, { "type": "number" }] });
        assert_eq!(
            found(&old, &new),
            [(Rule::TypeExtended, "/oneOf/1".into()), (Rule::SumTypeExtended, "/".into())]
        );
        let unrelated = json!({ "oneOf": [{ "type": "string" }, { "type": "boolean" }] });
        assert_eq!(found(&old, &unrelated), [(Rule::TypeChanged, "/".into())]);
        assert_eq!(found(&new, &old), [(Rule::TypeChanged, "/".into())]);
    }

    #[test]
    fn an_all_of_may_be_reduced_to_a_member() {
        let old = json!({ "allOf": [{ "type": "string" }, { "type": "string", "maxLength": 4 }] });
        let new = json!({ "type": "string" });
        assert_eq!(found(&old, &new), [(Rule::ProductTypeNarrowed, "/".into())]);
    }
}

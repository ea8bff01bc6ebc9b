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

//! `$ref`: followed within each side's own document, with a guard against
//! walking a recursive schema forever.

use serde_json::Value;

use super::walk::Walk;

/// How many `$ref`s in a row are followed before giving up (a chain of
/// references that never reaches a schema).
const MAX_HOPS: usize = 32;

/// How deep the walk goes into the two schemas together. Two recursive
/// schemas whose cycles differ in length only meet the same pair of nodes
/// again after the product of the lengths; past this depth the rest is
/// taken as compared, as a recursion already being compared is. Schemas of
/// Rust types nest far less.
const MAX_DEPTH: usize = 64;

/// How many pairs of nodes one walk compares at most. Unions are compared
/// member by member, and inside recursive schemas that multiplies at each
/// level; past this the rest is taken as compared too. Schemas of Rust
/// types need a few thousand at most.
const MAX_STEPS: usize = 100_000;

impl<'a> Walk<'a> {
    /// Compares an old schema node with a new one at `path`, following
    /// `$ref`s on both sides. A pair of nodes already being compared (a
    /// recursive schema) is not compared again.
    pub(super) fn compare(&mut self, old: &Value, new: &Value, path: String) {
        let old = resolve(self.old_root, old);
        let new = resolve(self.new_root, new);
        let pair = (old as *const Value, new as *const Value);
        if self.depth == MAX_DEPTH || self.steps == MAX_STEPS || !self.visiting.insert(pair) {
            return;
        }
        self.steps += 1;
        self.depth += 1;
        self.compare_nodes(old, new, &path);
        self.depth -= 1;
        self.visiting.remove(&pair);
    }

    /// The node a new schema node's `$ref`s lead to (itself without one).
    pub(super) fn new_target<'v>(&self, value: &'v Value) -> &'v Value
    where
        'a: 'v,
    {
        resolve(self.new_root, value)
    }
}

/// Follows `$ref`s into the document's `$defs` (or `definitions`).
fn resolve<'v>(root: &'v Value, mut value: &'v Value) -> &'v Value {
    for _ in 0..MAX_HOPS {
        let Some(reference) = value.get("$ref").and_then(Value::as_str) else { break };
        let Some(target) = reference.strip_prefix('#').and_then(|pointer| root.pointer(pointer))
        else {
            break;
        };
        value = target;
    }
    value
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::compat::{Rule, found};

    #[test]
    fn refs_are_followed_on_each_side_in_its_own_document() {
        let old = json!({ "$ref": "#/$defs/Id", "$defs": { "Id": { "type": "integer" } } });
        let new =
            json!({ "$ref": "#/definitions/Id", "definitions": { "Id": { "type": "string" } } });
        assert_eq!(found(&old, &new), [(Rule::TypeChanged, "/".to_owned())]);
    }

    #[test]
    fn a_ref_that_leads_nowhere_accepts_anything() {
        let old = json!({ "type": "integer" });
        let new = json!({ "$ref": "#/$defs/Missing" });
        assert!(found(&old, &new).is_empty());
    }

    #[test]
    fn a_ref_cycle_ends_as_a_schema_that_accepts_anything() {
        let looped = json!({
            "$ref": "#/$defs/A",
            "$defs": { "A": { "$ref": "#/$defs/B" }, "B": { "$ref": "#/$defs/A" } }
        });
        assert!(found(&json!({ "type": "string" }), &looped).is_empty());
        assert_eq!(found(&looped, &json!({ "type": "string" })), [(Rule::TypeChanged, "/".into())]);
    }

    #[test]
    fn recursive_schemas_whose_cycles_never_line_up_are_compared_to_a_bounded_depth() {
        // Cycles of 127 and 128 nodes meet the same pair again only after
        // 16,256 steps: deeper than a thread's stack.
        let cycle = |length: usize, item: &str| {
            let defs: serde_json::Map<String, serde_json::Value> = (0..length)
                .map(|i| {
                    let next = format!("#/$defs/A{}", (i + 1) % length);
                    let node = json!({
                        "type": "object",
                        "properties": { "item": { "type": item }, "next": { "$ref": next } }
                    });
                    (format!("A{i}"), node)
                })
                .collect();
            json!({ "$ref": "#/$defs/A0", "$defs": defs })
        };
        let found = found(&cycle(127, "integer"), &cycle(128, "string"));
        assert_eq!(found.first(), Some(&(Rule::TypeChanged, "/properties/item".to_owned())));
        assert!(found.len() <= super::MAX_DEPTH, "{} differences", found.len());
    }

    #[test]
    fn unions_inside_recursive_schemas_are_compared_in_bounded_time() {
        // Each level is a union of three objects leading to the next level:
        // comparing member by member multiplies the work by nine a level.
        let cycle = |length: usize| {
            let defs: serde_json::Map<String, serde_json::Value> = (0..length)
                .map(|i| {
                    let next = json!({ "$ref": format!("#/$defs/A{}", (i + 1) % length) });
                    let members: Vec<serde_json::Value> = (0..3)
                        .map(|j| json!({ "type": "object", "properties": { format!("p{j}"): next } }))
                        .collect();
                    (format!("A{i}"), json!({ "anyOf": members }))
                })
                .collect();
            json!({ "$ref": "#/$defs/A0", "$defs": defs })
        };
        let started = std::time::Instant::now();
        let _ = found(&cycle(3), &cycle(4));
        let elapsed = started.elapsed();
        assert!(elapsed < std::time::Duration::from_secs(20), "took {elapsed:?}");
    }

    #[test]
    fn a_recursive_schema_is_compared_once_per_pair_of_nodes() {
        let list = |item: &str| {
            json!({
                "$ref": "#/$defs/List",
                "$defs": { "List": {
                    "type": "object",
                    "properties": {
                        "item": { "type": item },
                        "next": { "$ref": "#/$defs/List" }
                    },
                    "required": ["item"]
                } }
            })
        };
        assert_eq!(
            found(&list("integer"), &list("string")),
            [(Rule::TypeChanged, "/properties/item".to_owned())]
        );
    }
}

//! Arrays: `items`, tuples (`prefixItems`), `uniqueItems` and the item-count
//! bounds.

use serde_json::Value;

use super::bounds::Bound;
use super::node::Keywords;
use super::rule::Rule;
use super::walk::Walk;

impl Walk<'_> {
    /// Compares two array schemas.
    pub(super) fn compare_arrays(&mut self, old: &Keywords, new: &Keywords, path: &str) {
        let at = format!("{path}/items");
        match (old.get("items"), new.get("items")) {
            (Some(old_items), Some(new_items)) => self.compare(old_items, new_items, at),
            (None, Some(_)) => self.push(Rule::SchemaAdded, &at, "array items are now restricted"),
            (Some(_), None) => {
                self.push(Rule::SchemaRemoved, &at, "array items are no longer restricted")
            }
            (None, None) => {}
        }
        self.compare_tuples(old, new, path);
        self.compare_bounds(old, new, path, &[Bound::MaxItems, Bound::MinItems]);
        let at = format!("{path}/uniqueItems");
        match (unique(old), unique(new)) {
            (false, true) => self.push(Rule::UniqueItemsAdded, &at, "items must now be unique"),
            (true, false) => {
                self.push(Rule::UniqueItemsRemoved, &at, "items need no longer be unique")
            }
            _ => {}
        }
    }

    /// Compares the tuple positions (`prefixItems`) both sides have, then
    /// judges the ones one side lacks as Confluent does: by whether the
    /// array takes further items (`items: false` takes none).
    fn compare_tuples(&mut self, old: &Keywords, new: &Keywords, path: &str) {
        let (old_prefix, new_prefix) = (prefix_items(old), prefix_items(new));
        for (index, (old_item, new_item)) in old_prefix.iter().zip(new_prefix).enumerate() {
            self.compare(old_item, new_item, format!("{path}/prefixItems/{index}"));
        }
        for index in new_prefix.len()..old_prefix.len() {
            let at = format!("{path}/prefixItems/{index}");
            if closed(new) {
                let message = format!("tuple item {index} removed from a closed tuple");
                self.push(Rule::ItemRemovedFromClosedContentModel, &at, message);
            } else {
                let message = format!("tuple item {index} removed");
                self.push(Rule::ItemRemovedFromOpenContentModel, &at, message);
            }
        }
        for index in old_prefix.len()..new_prefix.len() {
            let at = format!("{path}/prefixItems/{index}");
            if closed(old) {
                let message = format!("tuple item {index} added to a closed tuple");
                self.push(Rule::ItemAddedToClosedContentModel, &at, message);
            } else {
                let message = format!("tuple item {index} added: old data may hold anything there");
                self.push(Rule::ItemAddedToOpenContentModel, &at, message);
            }
        }
    }
}

/// The tuple positions (`prefixItems`), none if absent.
fn prefix_items(array: &Keywords) -> &[Value] {
    array.get("prefixItems").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

/// Whether the array takes no items past its tuple positions.
fn closed(array: &Keywords) -> bool {
    array.get("items") == Some(&Value::Bool(false))
}

/// Whether the array's items must be unique.
fn unique(array: &Keywords) -> bool {
    array.get("uniqueItems").and_then(Value::as_bool).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::compat::{Rule, found};

    fn tuple(items: &[&str], closed: bool) -> Value {
        let items: Vec<Value> = items.iter().map(|ty| json!({ "type": ty })).collect();
        let mut schema = json!({ "type": "array", "prefixItems": items });
        if closed {
            schema["items"] = json!(false);
        }
        schema
    }

    #[test]
    fn tuple_items_are_compared_by_position() {
        let old = tuple(&["string", "integer"], true);
        let new = tuple(&["string", "number"], true);
        assert_eq!(found(&old, &new), [(Rule::TypeExtended, "/prefixItems/1".into())]);
    }

    #[test]
    fn a_tuple_item_added_or_removed_depends_on_further_items() {
        let (one, two) = (["string"].as_slice(), ["string", "integer"].as_slice());
        let at = "/prefixItems/1".to_owned();
        let closed_add = found(&tuple(one, true), &tuple(two, true));
        assert_eq!(closed_add, [(Rule::ItemAddedToClosedContentModel, at.clone())]);
        let open_add = found(&tuple(one, false), &tuple(two, false));
        assert_eq!(open_add, [(Rule::ItemAddedToOpenContentModel, at.clone())]);
        let closed_remove = found(&tuple(two, true), &tuple(one, true));
        assert_eq!(closed_remove, [(Rule::ItemRemovedFromClosedContentModel, at.clone())]);
        let open_remove = found(&tuple(two, false), &tuple(one, false));
        assert_eq!(open_remove, [(Rule::ItemRemovedFromOpenContentModel, at)]);
    }

    #[test]
    fn items_and_uniqueness_restricted_or_freed() {
        let any = json!({ "type": "array" });
        let strings = json!({ "type": "array", "items": { "type": "string" } });
        assert_eq!(found(&any, &strings), [(Rule::SchemaAdded, "/items".into())]);
        assert_eq!(found(&strings, &any), [(Rule::SchemaRemoved, "/items".into())]);
        let unique = json!({ "type": "array", "uniqueItems": true });
        assert_eq!(found(&any, &unique), [(Rule::UniqueItemsAdded, "/uniqueItems".into())]);
        assert_eq!(found(&unique, &any), [(Rule::UniqueItemsRemoved, "/uniqueItems".into())]);
    }
}

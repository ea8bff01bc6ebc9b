use evently::event;

// The committed `drift/drift.renamed/v1.json` has `order_id` as it is.
#[event(name = "drift.renamed", schemas = "drift")]
pub struct OrderPlaced {
    #[serde(rename = "orderId")]
    pub order_id: u64,
}

fn main() {}

use evently::event;

// The committed `drift/drift.retyped/v1.json` has `order_id: u64`.
#[event(name = "drift.retyped", schemas = "drift")]
pub struct OrderPlaced {
    pub order_id: String,
}

fn main() {}

use evently::event;

// The committed `drift/drift.added/v1.json` has only `order_id`.
#[event(name = "drift.added", schemas = "drift")]
pub struct OrderPlaced {
    pub order_id: u64,
    pub coupon: String,
}

fn main() {}

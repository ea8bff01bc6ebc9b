use evently::event;

// The committed `drift/drift.removed/v1.json` also has `total: f64`.
#[event(name = "drift.removed", schemas = "drift")]
pub struct OrderPlaced {
    pub order_id: u64,
}

fn main() {}

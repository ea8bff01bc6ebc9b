//! The fix for drift: a new version with its own committed file, the old
//! version kept for upcasting.
use evently::event;

/// Version 1, as released (matches `drift/drift.bumped/v1.json`).
#[event(name = "drift.bumped", version = 1, schemas = "drift")]
pub struct OrderPlacedV1 {
    pub order_id: u64,
}

/// Version 2 adds the total (matches `drift/drift.bumped/v2.json`).
#[event(name = "drift.bumped", version = 2, schemas = "drift", upcast_from = OrderPlacedV1)]
pub struct OrderPlaced {
    pub order_id: u64,
    pub total: f64,
}

impl From<OrderPlacedV1> for OrderPlaced {
    fn from(old: OrderPlacedV1) -> Self {
        Self { order_id: old.order_id, total: 0.0 }
    }
}

fn main() {
    assert_eq!(<OrderPlaced as evently::Event>::VERSION, 2);
}

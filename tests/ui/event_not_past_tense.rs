#![deny(deprecated)]
use evently::event;

// A command, not an event: warned about (an error here, under deny).
#[event]
pub struct PlaceOrder {
    pub id: u64,
}

#[event(name = "order.place")]
pub struct OrderPlacement {
    pub id: u64,
}

// The opt-out silences it.
#[event(name = "order.cancel", check_tense = false)]
pub struct OrderCancel {
    pub id: u64,
}

fn main() {}

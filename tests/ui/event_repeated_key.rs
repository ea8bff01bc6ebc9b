use evently::event;

#[event(version = 1, name = "order.placed", version = 2)]
pub struct OrderPlaced {
    pub id: u64,
}

fn main() {}

use evently::event;

#[event(name = "order.placed", verison = 2)]
pub struct OrderPlaced {
    pub id: u64,
}

fn main() {}

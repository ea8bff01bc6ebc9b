use evently::event;

#[event(version = "2")]
pub struct OrderPlaced {
    pub id: u64,
}

#[event(version = 1.5)]
pub struct OrderShipped {
    pub id: u64,
}

fn main() {}

use evently::event;

#[event(version = 0)]
pub struct OrderPlaced {
    pub id: u64,
}

fn main() {}

use evently::event;

#[event]
pub struct OrderPlaced(pub u64);

fn main() {}

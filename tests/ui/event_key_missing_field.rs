use evently::event;

#[event(key = order_id)]
pub struct OrderPlaced {
    pub id: u64,
    pub user_id: u64,
}

fn main() {}

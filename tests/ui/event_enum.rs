use evently::event;

#[event]
pub enum OrderChanged {
    Placed { id: u64 },
    Shipped { id: u64 },
}

fn main() {}

use evently::event;

#[event]
pub struct ItemAdded<T> {
    pub item: T,
}

fn main() {}

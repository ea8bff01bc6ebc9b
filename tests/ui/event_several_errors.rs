use evently::event;

// Every mistake is reported at once, each on its own token.
#[event(version = 0, colour = "red", key = missing)]
pub struct OrderPlaced<T> {
    pub id: T,
}

fn main() {}

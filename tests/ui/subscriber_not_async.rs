use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

#[subscriber]
fn handle(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

fn main() {}

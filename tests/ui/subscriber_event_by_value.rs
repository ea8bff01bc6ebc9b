use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

#[subscriber]
async fn by_value(_order: OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber]
async fn mutable(_order: &mut OrderPlaced) -> evently::Result<()> {
    Ok(())
}

fn main() {}

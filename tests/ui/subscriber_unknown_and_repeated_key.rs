use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

#[subscriber(grop = "billing")]
async fn unknown(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(retries = 1, retries = 2)]
async fn repeated(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

fn main() {}

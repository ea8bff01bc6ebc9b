// Keys written in a form they do not take: each is reported at the key.
use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

#[subscriber(guard(false))]
async fn listed(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(retries, name(x))]
async fn bare(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(backoff = linear(2), type = "x")]
async fn unknown(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

fn main() {}

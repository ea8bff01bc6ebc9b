use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

#[subscriber(backoff = "linear")]
async fn unknown_kind(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(backoff = fixed("10 sec"))]
async fn bad_duration(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(backoff = exponential(initial = "1s", max = "100ms", factr = 2))]
async fn bad_parameters(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(backoff = exponential(factor = 0.5))]
async fn shrinking(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(backoff = "fixed", retries = -1)]
async fn fixed_without_delay(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

fn main() {}

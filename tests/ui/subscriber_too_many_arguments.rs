use evently::{event, subscriber, Context};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

#[subscriber]
async fn handle(_order: &OrderPlaced, _ctx: Context, _extra: u32) -> evently::Result<()> {
    Ok(())
}

#[subscriber]
async fn wrong_second(_order: &OrderPlaced, _extra: u32) -> evently::Result<()> {
    Ok(())
}

fn main() {}

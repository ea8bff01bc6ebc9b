use evently::{event, subscriber, Context, Metadata};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

// Context and Metadata are arguments a delivery provides, by value or by
// reference; a `u32` is not.
#[subscriber]
async fn handle(_order: &OrderPlaced, _ctx: &Context, _meta: Metadata, _extra: u32) -> evently::Result<()> {
    Ok(())
}

#[subscriber]
async fn mutable(_order: &OrderPlaced, _ctx: &mut Context) -> evently::Result<()> {
    Ok(())
}

fn main() {}

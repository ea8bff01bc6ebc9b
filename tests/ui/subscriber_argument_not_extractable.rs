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

// The one `&mut` argument is the inbox's transaction.
#[subscriber]
async fn mutable(_order: &OrderPlaced, _ctx: &mut Context) -> evently::Result<()> {
    Ok(())
}

#[subscriber]
async fn two_transactions(
    _order: &OrderPlaced,
    _a: &mut evently::postgres::sqlx::PgConnection,
    _b: &mut evently::postgres::sqlx::PgConnection,
) -> evently::Result<()> {
    Ok(())
}

fn main() {}

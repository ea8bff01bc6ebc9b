use evently::{event, Bus};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

/// A plain async fn: no `#[subscriber]`.
async fn plain(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

struct NotASubscriber;

async fn start() {
    let _ = Bus::builder().subscribe::<NotASubscriber>().start().await;
    let _ = Bus::builder().subscribe::<(OrderPlaced, NotASubscriber)>().start().await;
    let _ = plain(&OrderPlaced { id: 1 }).await;
}

fn main() {
    let _ = start();
}

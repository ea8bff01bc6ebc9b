use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

pub struct Service;

impl Service {
    #[subscriber]
    async fn handle(&self, _order: &OrderPlaced) -> evently::Result<()> {
        Ok(())
    }
}

fn main() {}

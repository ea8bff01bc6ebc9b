use evently::subscriber;

pub struct NotAnEvent {
    pub id: u64,
}

#[subscriber]
async fn handle(_event: &NotAnEvent) -> evently::Result<()> {
    Ok(())
}

fn main() {}

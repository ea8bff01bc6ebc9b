use evently::subscriber;

#[subscriber]
async fn handle() -> evently::Result<()> {
    Ok(())
}

fn main() {}

use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

#[subscriber]
async fn no_result(_order: &OrderPlaced) {}

#[subscriber]
async fn not_a_result(_order: &OrderPlaced) -> u32 {
    1
}

#[subscriber]
async fn result_with_value(_order: &OrderPlaced) -> Result<u32, std::io::Error> {
    Ok(1)
}

pub struct NotAnError;

#[subscriber]
async fn error_not_convertible(_order: &OrderPlaced) -> Result<(), NotAnError> {
    Ok(())
}

fn main() {}

use evently::{event, subscriber};

#[event]
pub struct PaymentCaptured {
    pub payment_id: String,
    pub amount: f64,
}

#[subscriber(dedup_key = paymnt_id)]
async fn missing_field(_payment: &PaymentCaptured) -> evently::Result<()> {
    Ok(())
}

#[subscriber(dedup_key = amount)]
async fn not_hashable(_payment: &PaymentCaptured) -> evently::Result<()> {
    Ok(())
}

#[subscriber(guard = false, dedup_key = payment_id)]
async fn both(_payment: &PaymentCaptured) -> evently::Result<()> {
    Ok(())
}

fn main() {}

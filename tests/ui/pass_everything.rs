//! Every accepted form compiles.
use evently::{event, subscriber, Context, Envelope};

/// An order was placed.
#[event(name = "order.placed", version = 2, topic = "orders", key = order_id, crate = ::evently)]
#[derive(Debug, Clone)]
pub struct OrderPlaced {
    pub order_id: u64,
    #[serde(rename = "userId")]
    pub user_id: u64,
}

// Derives the user wrote are kept; `#[event]` goes above them so it sees them.
#[event]
#[derive(Debug, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct UserCreated {
    pub id: u64,
}

#[derive(Debug)]
pub struct MyError;
impl std::fmt::Display for MyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("mine")
    }
}
impl std::error::Error for MyError {}

#[subscriber]
async fn by_reference(_order: &OrderPlaced) -> evently::Result<()> {
    Ok(())
}

#[subscriber(name = "custom", group = "billing", retries = 0, backoff = "immediate", dead_letter = "dlq.billing")]
async fn by_envelope(order: Envelope<OrderPlaced>, ctx: Context) -> Result<(), MyError> {
    let _ = (order.data().order_id, order.metadata().id(), ctx.attempt());
    Ok(())
}

#[subscriber(backoff = exponential(initial = "50ms", factor = 1.5, max = "2s", jitter = false), dedup_key = order_id)]
async fn with_context_ref(_order: &OrderPlaced, _ctx: &Context) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    Ok(())
}

#[subscriber(backoff = fixed("1s"), guard = false)]
pub(crate) async fn string_errors(_user: &UserCreated) -> Result<(), String> {
    Err("nope".to_owned())
}

#[subscriber(backoff = exponential)]
async fn anyhow_style(_user: &UserCreated) -> anyhow::Result<()> {
    anyhow::bail!("anyhow errors convert")
}

#[subscriber(group = "legacy", topic = "legacy.users")]
async fn with_metadata(_user: &UserCreated, _meta: evently::Metadata, _again: &evently::Metadata) -> evently::Result<()> {
    Ok(())
}

fn main() {
    // The fns stay callable as written.
    let _ = by_reference;
    let _ = string_errors;
    // Each subscriber is also a type that selects it on a bus.
    let _ = evently::Bus::builder()
        .subscribe::<(by_reference, by_envelope, with_context_ref, string_errors)>()
        .subscribe::<anyhow_style>()
        .subscribe::<with_metadata>();
}

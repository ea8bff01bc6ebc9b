//! The seed's orders example over RabbitMQ (prefetch 20) or NATS JetStream:
//! publishes orders to `order.created`, and the `inventory` group updates
//! the stock for each.
//!
//! ```text
//! cargo run -p evently-examples --bin orders -- rabbitmq
//! cargo run -p evently-examples --bin orders -- nats
//! ```
//!
//! Brokers: `AMQP_URL` (default `amqp://guest:guest@127.0.0.1:5672/%2f`),
//! `NATS_URL` (default `nats://127.0.0.1:4222`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use evently::transport::{NatsConfig, NatsTransport, RabbitMqConfig, RabbitMqTransport};
use evently::{Bus, BusBuilder, subscriber};
use evently_examples::orders::OrderCreated;

static UPDATED: AtomicUsize = AtomicUsize::new(0);

#[subscriber(group = "inventory", retries = 3, dead_letter = "dlq.orders")]
async fn update_inventory(order: &OrderCreated) -> evently::Result<()> {
    println!("Inventory updated for order {}: {}", order.order_id, order.items.join(", "));
    UPDATED.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let broker = std::env::args().nth(1).unwrap_or_else(|| "rabbitmq".to_owned());
    let namespace = evently_examples::namespace();
    let builder: BusBuilder =
        Bus::builder().source("order-service").subscribe::<update_inventory>();
    let bus = match broker.as_str() {
        "rabbitmq" => {
            let url = std::env::var("AMQP_URL")
                .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".to_owned());
            let config =
                RabbitMqConfig { url, prefetch_count: 20, namespace, ..RabbitMqConfig::default() };
            builder.transport(RabbitMqTransport::connect(config).await?).start().await?
        }
        "nats" => {
            let url =
                std::env::var("NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".to_owned());
            let config = NatsConfig { url, namespace, ..NatsConfig::default() };
            builder.transport(NatsTransport::connect(config).await?).start().await?
        }
        other => return Err(format!("unknown broker `{other}`: use `rabbitmq` or `nats`").into()),
    };
    let orders = [(1, vec!["book"]), (2, vec!["pen", "ink"]), (3, vec!["lamp"])];
    for (order_id, items) in &orders {
        let items = items.iter().map(|item| (*item).to_owned()).collect();
        bus.publish(OrderCreated { order_id: *order_id, items }).await?;
        println!("published order.created {order_id} over {broker}");
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while UPDATED.load(Ordering::SeqCst) < orders.len() {
        if tokio::time::Instant::now() > deadline {
            return Err("the orders were not handled within 30 s".into());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    bus.shutdown().await;
    Ok(())
}

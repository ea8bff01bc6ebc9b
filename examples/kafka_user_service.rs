//! The seed's publisher service over Kafka: publishes user events to the
//! `user.events` topic.
//!
//! ```text
//! cargo run -p evently-examples --bin kafka-user-service
//! ```
//!
//! Brokers from `KAFKA_BROKERS` (default `127.0.0.1:9092`).

use evently::Bus;
use evently::transport::KafkaTransport;
use evently_examples::users::{UserCreated, UserDeleted};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let transport = KafkaTransport::connect(evently_examples::kafka_config()).await?;
    // A publisher only: it is given no subscribers.
    let bus = Bus::builder().source("user-service").transport(transport).start().await?;

    for (id, name) in [(1, "Ada"), (2, "Grace")] {
        let email = format!("{}@example.com", name.to_lowercase());
        bus.publish(UserCreated { id, name: name.to_owned(), email: email.clone() }).await?;
        println!("published user.created {id} <{email}>");
    }
    bus.publish(UserDeleted { id: 2 }).await?;
    println!("published user.deleted 2");
    Ok(())
}

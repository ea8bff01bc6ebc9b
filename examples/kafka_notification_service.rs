//! The seed's subscriber service over Kafka: the consumer group
//! `notification-service` reacts to `user.events`, retrying 3 times and then
//! dead-lettering to `dlq.notifications`.
//!
//! ```text
//! cargo run -p evently-examples --bin kafka-notification-service
//! ```
//!
//! Runs until Ctrl-C (or, with `NOTIFICATION_COUNT=n`, until it handled `n`
//! events). Brokers from `KAFKA_BROKERS` (default `127.0.0.1:9092`).

use std::sync::atomic::{AtomicUsize, Ordering};

use evently::transport::KafkaTransport;
use evently::{Bus, RetryPolicy, subscriber};
use evently_examples::users::{UserCreated, UserDeleted};

static HANDLED: AtomicUsize = AtomicUsize::new(0);
static DONE: tokio::sync::Notify = tokio::sync::Notify::const_new();

fn handled() {
    HANDLED.fetch_add(1, Ordering::SeqCst);
    DONE.notify_one();
}

// The group, retries and dead-letter topic come from the bus, as the seed's
// `KafkaConfig` sets them for the whole service.
#[subscriber]
async fn send_welcome_email(user: &UserCreated) -> evently::Result<()> {
    println!("Welcome email sent to {}", user.email);
    handled();
    Ok(())
}

#[subscriber]
async fn cleanup_user_data(user: &UserDeleted) -> evently::Result<()> {
    println!("Cleaned up the data of user {}", user.id);
    handled();
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: Option<usize> =
        std::env::var("NOTIFICATION_COUNT").ok().and_then(|n| n.parse().ok());
    let transport = KafkaTransport::connect(evently_examples::kafka_config()).await?;
    let bus = Bus::builder()
        .source("notification-service") // the seed's group_id: the group of these subscribers
        .dead_letter("dlq.notifications") // the seed's dead_letter_topic
        .retry_policy(RetryPolicy { max_retries: 3, ..RetryPolicy::default() })
        .subscribe::<(send_welcome_email, cleanup_user_data)>()
        .transport(transport)
        .start()
        .await?;
    println!("notification-service consuming user.events");
    match count {
        Some(count) => {
            while HANDLED.load(Ordering::SeqCst) < count {
                DONE.notified().await;
            }
        }
        None => tokio::signal::ctrl_c().await?,
    }
    bus.shutdown().await;
    Ok(())
}

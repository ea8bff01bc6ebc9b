//! RabbitMQ: a topic exchange, a durable queue per group and topic,
//! persistent messages, publisher confirms, acknowledgement after handling.

use std::time::Duration;

use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicCancelOptions, BasicConsumeOptions, BasicNackOptions,
    BasicPublishOptions, BasicQosOptions, ConfirmSelectOptions, ExchangeDeclareOptions,
    QueueBindOptions, QueueDeclareOptions,
};
use lapin::publisher_confirm::Confirmation;
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties, ExchangeKind};
use tokio::sync::mpsc;

use super::{Ack, Incoming, OutgoingMessage, Transport, TransportError, object_name};
use crate::idempotency::BoxFuture;

const BROKER: &str = "RabbitMQ";

/// How to reach RabbitMQ and name what evently creates there.
#[derive(Debug, Clone)]
pub struct RabbitMqConfig {
    /// The server (`amqp://guest:guest@127.0.0.1:5672/%2f`).
    pub url: String,
    /// How many unacknowledged messages each group's consumer may hold.
    pub prefetch_count: u16,
    /// The topic exchange events are published to.
    pub exchange: String,
    /// Put before every exchange, queue and routing key (e.g. `staging.`).
    pub namespace: String,
    /// How long connecting may take.
    pub connect_timeout: Duration,
}

impl Default for RabbitMqConfig {
    fn default() -> Self {
        Self {
            url: "amqp://guest:guest@127.0.0.1:5672/%2f".to_owned(),
            prefetch_count: 20,
            exchange: "evently".to_owned(),
            namespace: String::new(),
            connect_timeout: Duration::from_secs(5),
        }
    }
}

/// The RabbitMQ transport (feature `rabbitmq`).
pub struct RabbitMqTransport {
    config: RabbitMqConfig,
    connection: Connection,
    publisher: Channel,
    exchange: String,
    /// The consumers' channels, open as long as the transport: closing one
    /// would requeue the messages its lanes are still handling, whose
    /// acknowledgements would then go nowhere.
    consumer_channels: std::sync::Mutex<Vec<Channel>>,
}

impl std::fmt::Debug for RabbitMqTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RabbitMqTransport").field("config", &self.config).finish_non_exhaustive()
    }
}

fn broker(error: lapin::Error) -> TransportError {
    TransportError::Broker { broker: BROKER, source: Box::new(error) }
}

fn any_char(_: char) -> bool {
    true
}

impl RabbitMqTransport {
    /// Connects, failing within `connect_timeout` with an error naming the address.
    pub async fn connect(config: RabbitMqConfig) -> Result<Self, TransportError> {
        if config.prefetch_count == 0 {
            return Err(TransportError::Config {
                broker: BROKER,
                setting: "prefetch_count",
                reason: "must be at least 1".into(),
            });
        }
        let address = redact(&config.url);
        let unreachable = |reason: String| TransportError::Unreachable {
            broker: BROKER,
            address: address.clone(),
            reason,
        };
        let properties = ConnectionProperties::default()
            .with_executor(tokio_executor_trait::Tokio::current())
            .with_reactor(tokio_reactor_trait::Tokio);
        let connection = tokio::time::timeout(
            config.connect_timeout,
            Connection::connect(&config.url, properties),
        )
        .await
        .map_err(|_| unreachable(format!("no answer within {:?}", config.connect_timeout)))?
        .map_err(|error| unreachable(error.to_string()))?;
        let publisher = connection.create_channel().await.map_err(broker)?;
        publisher.confirm_select(ConfirmSelectOptions::default()).await.map_err(broker)?;
        let exchange = object_name(&config.namespace, &config.exchange, any_char);
        publisher
            .exchange_declare(
                &exchange,
                ExchangeKind::Topic,
                ExchangeDeclareOptions { durable: true, ..Default::default() },
                FieldTable::default(),
            )
            .await
            .map_err(broker)?;
        Ok(Self { config, connection, publisher, exchange, consumer_channels: Default::default() })
    }

    fn routing_key(&self, topic: &str) -> String {
        format!("{}{topic}", self.config.namespace)
    }

    async fn send(
        &self,
        exchange: &str,
        routing_key: &str,
        message: OutgoingMessage<'_>,
    ) -> Result<(), TransportError> {
        let mut headers = FieldTable::default();
        for (name, value) in message.headers {
            headers.insert(ShortString::from(name), AMQPValue::LongString(LongString::from(value)));
        }
        if let Some(key) = message.key {
            headers.insert(
                ShortString::from("evently-key"),
                AMQPValue::LongString(LongString::from(key)),
            );
        }
        let properties = BasicProperties::default()
            .with_delivery_mode(2)
            .with_content_type(ShortString::from("application/json"))
            .with_headers(headers);
        let confirmation = self
            .publisher
            .basic_publish(
                exchange,
                routing_key,
                BasicPublishOptions::default(),
                &message.payload,
                properties,
            )
            .await
            .map_err(broker)?
            .await
            .map_err(broker)?;
        match confirmation {
            Confirmation::Ack(_) | Confirmation::NotRequested => Ok(()),
            Confirmation::Nack(_) => Err(TransportError::Broker {
                broker: BROKER,
                source: format!("the broker refused a message for `{routing_key}`").into(),
            }),
        }
    }
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

struct RabbitAck(lapin::acker::Acker);

impl Ack for RabbitAck {
    fn ack(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        Box::pin(async move { self.0.ack(BasicAckOptions::default()).await.map_err(broker) })
    }

    fn release(self: Box<Self>) -> BoxFuture<'static, Result<(), TransportError>> {
        Box::pin(async move {
            self.0
                .nack(BasicNackOptions { requeue: true, ..Default::default() })
                .await
                .map_err(broker)
        })
    }
}

impl Transport for RabbitMqTransport {
    fn name(&self) -> &'static str {
        BROKER
    }

    fn cloudevents_prefix(&self) -> &'static str {
        "cloudEvents:"
    }

    fn publish<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            let routing_key = self.routing_key(message.topic);
            self.send(&self.exchange, &routing_key, message).await
        })
    }

    fn dead_letter<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> BoxFuture<'a, Result<(), TransportError>> {
        Box::pin(async move {
            // A durable queue named after the destination, through the default exchange.
            let queue = object_name(&self.config.namespace, message.topic, any_char);
            self.publisher
                .queue_declare(
                    &queue,
                    QueueDeclareOptions { durable: true, ..Default::default() },
                    FieldTable::default(),
                )
                .await
                .map_err(broker)?;
            self.send("", &queue, message).await
        })
    }

    fn subscribe<'a>(
        &'a self,
        group: &'a str,
        topics: &'a [&'static str],
    ) -> BoxFuture<'a, Result<mpsc::Receiver<Incoming>, TransportError>> {
        Box::pin(async move {
            let channel = self.connection.create_channel().await.map_err(broker)?;
            self.consumer_channels.lock().unwrap_or_else(|p| p.into_inner()).push(channel.clone());
            channel
                .basic_qos(self.config.prefetch_count, BasicQosOptions::default())
                .await
                .map_err(broker)?;
            let (sender, receiver) = mpsc::channel(usize::from(self.config.prefetch_count).max(16));
            for topic in topics {
                let queue =
                    object_name(&self.config.namespace, &format!("{group}.{topic}"), any_char);
                channel
                    .queue_declare(
                        &queue,
                        QueueDeclareOptions { durable: true, ..Default::default() },
                        FieldTable::default(),
                    )
                    .await
                    .map_err(broker)?;
                channel
                    .queue_bind(
                        &queue,
                        &self.exchange,
                        &self.routing_key(topic),
                        QueueBindOptions::default(),
                        FieldTable::default(),
                    )
                    .await
                    .map_err(broker)?;
                let mut consumer = channel
                    .basic_consume(
                        &queue,
                        &format!("evently.{group}.{topic}"),
                        BasicConsumeOptions::default(),
                        FieldTable::default(),
                    )
                    .await
                    .map_err(broker)?;
                let sender = sender.clone();
                let channel = channel.clone();
                let tag = format!("evently.{group}.{topic}");
                tokio::spawn(async move {
                    loop {
                        let delivery = tokio::select! {
                            () = sender.closed() => None,
                            delivery = consumer.next() => delivery,
                        };
                        let delivery = match delivery {
                            None => break,
                            Some(Ok(delivery)) => delivery,
                            Some(Err(error)) => {
                                tracing::warn!(%error, %queue, "RabbitMQ consumer error");
                                break;
                            }
                        };
                        let headers = delivery
                            .properties
                            .headers()
                            .as_ref()
                            .map(|table| {
                                table
                                    .inner()
                                    .iter()
                                    .filter_map(|(name, value)| match value {
                                        AMQPValue::LongString(text) => {
                                            Some((name.to_string(), text.to_string()))
                                        }
                                        _ => None,
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        let incoming = Incoming {
                            payload: delivery.data,
                            headers,
                            origin: format!("{queue}#{}", delivery.delivery_tag),
                            ack: Box::new(RabbitAck(delivery.acker)),
                        };
                        if let Err(unsent) = sender.send(incoming).await {
                            let _ = unsent.0.ack.release().await;
                            break;
                        }
                    }
                    // The bus stopped: stop the deliveries and requeue what
                    // the client holds, so other members get it now.
                    let _ = channel.basic_cancel(&tag, BasicCancelOptions::default()).await;
                    while let Ok(Some(Ok(delivery))) =
                        tokio::time::timeout(Duration::from_millis(100), consumer.next()).await
                    {
                        let _ = delivery
                            .acker
                            .nack(BasicNackOptions { requeue: true, ..Default::default() })
                            .await;
                    }
                });
            }
            Ok(receiver)
        })
    }
}

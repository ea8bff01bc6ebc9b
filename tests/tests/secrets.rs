#![allow(missing_docs)]
//! Passwords in broker and database URLs never appear in errors or `Debug`
//! output.

use evently::sourcing::PostgresEventStore;
use evently::transport::{NatsConfig, NatsTransport, RabbitMqConfig, RabbitMqTransport};

const SECRET: &str = "s3cret-pw";

fn assert_hidden(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} shows the password: {text}");
}

#[tokio::test]
async fn rabbitmq_passwords_stay_out_of_errors_and_debug_output() {
    // A wrong password on the real server, and an address nobody answers on.
    for url in [
        format!("amqp://guest:{SECRET}@127.0.0.1:5672/%2f"),
        format!("amqp://guest:{SECRET}@127.0.0.1:1/%2f"),
    ] {
        let config = RabbitMqConfig {
            url,
            connect_timeout: std::time::Duration::from_secs(3),
            ..RabbitMqConfig::default()
        };
        let shown = format!("{config:?}");
        assert_hidden("RabbitMqConfig's Debug", &shown);
        assert!(shown.contains("guest:***@127.0.0.1"), "the rest is shown: {shown}");
        let error = RabbitMqTransport::connect(config).await.expect_err("refused");
        assert_hidden("the connect error", &error.to_string());
        assert_hidden("the connect error's Debug", &format!("{error:?}"));
    }
}

#[tokio::test]
async fn nats_passwords_stay_out_of_errors_and_debug_output() {
    let config = NatsConfig {
        url: format!("nats://user:{SECRET}@127.0.0.1:1"),
        connect_timeout: std::time::Duration::from_secs(2),
        ..NatsConfig::default()
    };
    assert_hidden("NatsConfig's Debug", &format!("{config:?}"));
    let error = NatsTransport::connect(config).await.expect_err("nobody answers");
    assert_hidden("the connect error", &error.to_string());
    assert_hidden("the connect error's Debug", &format!("{error:?}"));
}

#[tokio::test]
async fn postgres_passwords_stay_out_of_errors() {
    let url = format!("postgres://postgres:{SECRET}@127.0.0.1:1/test");
    let error = PostgresEventStore::connect(&url).await.expect_err("nobody answers");
    assert_hidden("the connect error", &error.to_string());
    assert_hidden("the connect error's Debug", &format!("{error:?}"));
}

#[test]
fn inline_private_keys_stay_out_of_debug_output() {
    use evently::tls::{ClientCertificate, Pem, TlsConfig};
    let tls = TlsConfig {
        ca: Some(Pem::File("/etc/evently/ca.pem".into())),
        client_certificate: Some(ClientCertificate {
            certificate: Pem::File("/etc/evently/client.pem".into()),
            key: Pem::Text(format!(
                "-----BEGIN PRIVATE KEY-----\n{SECRET}\n-----END PRIVATE KEY-----"
            )),
        }),
    };
    let nats = format!("{:?}", NatsConfig { tls: Some(tls.clone()), ..NatsConfig::default() });
    assert_hidden("NatsConfig's Debug", &nats);
    assert!(nats.contains("/etc/evently/ca.pem"), "paths are shown: {nats}");
    let rabbit = format!("{:?}", RabbitMqConfig { tls: Some(tls), ..RabbitMqConfig::default() });
    assert_hidden("RabbitMqConfig's Debug", &rabbit);
}

//! The seed's in-process event bus, as a real service.
//!
//! `POST /users` creates a user and publishes `UserCreated`; two subscribers
//! react on their own: one sends the welcome email, one writes the audit log.
//!
//! ```text
//! cargo run -p evently-examples --bin user-service
//! curl -s -X POST localhost:3000/users -H 'content-type: application/json' \
//!      -d '{"name": "Ada", "email": "ada@example.com"}'
//! ```
//!
//! The address comes from `USER_SERVICE_ADDR` (default `127.0.0.1:3000`; port
//! 0 picks a free port, printed at start).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use evently::{Bus, Envelope, subscriber};
use evently_examples::users::UserCreated;
use serde::Deserialize;

#[subscriber(group = "notification-service", retries = 3, backoff = "exponential")]
async fn send_welcome_email(user: &UserCreated) -> evently::Result<()> {
    println!("Welcome email sent to {}", user.email);
    Ok(())
}

#[subscriber(group = "audit", dead_letter = "dlq.audit")]
async fn audit_log(event: Envelope<UserCreated>) -> evently::Result<()> {
    let meta = event.metadata();
    println!(
        "Audit log: user {} created (event {} from {})",
        event.data().id,
        meta.id(),
        meta.source()
    );
    Ok(())
}

/// The body of `POST /users`.
#[derive(Debug, Deserialize)]
struct NewUser {
    name: String,
    email: String,
}

#[derive(Clone)]
struct App {
    bus: Bus,
    next_id: Arc<AtomicU64>,
}

async fn create_user(
    State(app): State<App>,
    Json(new_user): Json<NewUser>,
) -> Result<(StatusCode, Json<UserCreated>), (StatusCode, String)> {
    if !new_user.email.contains('@') {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("invalid email `{}`", new_user.email),
        ));
    }
    let user = UserCreated {
        id: app.next_id.fetch_add(1, Ordering::Relaxed),
        name: new_user.name,
        email: new_user.email,
    };
    app.bus
        .publish(user.clone())
        .await
        .map_err(|error| (StatusCode::SERVICE_UNAVAILABLE, error.to_string()))?;
    Ok((StatusCode::CREATED, Json(user)))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();

    let bus = Bus::builder()
        .source("user-service")
        .subscribe::<(send_welcome_email, audit_log)>()
        .start()
        .await?;
    let app = App { bus: bus.clone(), next_id: Arc::new(AtomicU64::new(1)) };
    let router = Router::new().route("/users", post(create_user)).with_state(app);

    let addr = std::env::var("USER_SERVICE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|error| format!("cannot listen on {addr} (set USER_SERVICE_ADDR): {error}"))?;
    println!("user-service listening on http://{}", listener.local_addr()?);

    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    // Let the subscribers finish what was published before the stop.
    bus.shutdown().await;
    Ok(())
}

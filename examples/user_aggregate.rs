//! The seed's `UserAggregate`, event-sourced on PostgreSQL.
//!
//! Creates a user, renames them twice, then prints the current state (derived
//! by replaying the stream) and the state as of version 2 (time travel).
//!
//! ```text
//! cargo run -p evently-examples --bin user-aggregate
//! ```
//!
//! The database comes from `DATABASE_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`); the `evently_events` and
//! `evently_snapshots` tables are created if missing.

use evently::sourcing::{PostgresEventStore, Repository};
use evently_examples::users::{User, UserCommand};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let store = PostgresEventStore::connect(&url).await?;
    let users = Repository::<User, _>::new(store).snapshot_every(100);

    // A fresh id per run, so the example can run again and again.
    let id = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_micros() as u64;
    let key = id.to_string();

    let created = users
        .execute(
            &key,
            UserCommand::Create {
                id,
                name: "Ada Lovelace".into(),
                email: "ada@example.com".into(),
            },
        )
        .await?;
    println!("created user {id}: {:?} (version {})", created.state.name, created.version);
    for name in ["Ada King", "Ada, Countess of Lovelace"] {
        let renamed = users.execute(&key, UserCommand::Rename { name: name.into() }).await?;
        println!("renamed to {:?} (version {})", renamed.state.name, renamed.version);
    }

    let current = users.load(&key).await?;
    println!("current state (version {}): {:?}", current.version, current.state);
    let then = users.load_at_version(&key, 2).await?;
    println!("state as of version {}: {:?}", then.version, then.state);
    Ok(())
}

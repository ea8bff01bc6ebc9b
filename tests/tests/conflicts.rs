#![allow(missing_docs)]
//! Conflicting registrations fail `build()` with one error listing them all.
//! (A test binary of its own: every bus built in it sees these conflicts.)

use evently::{Bus, Conflict, StartError, event, subscriber};

#[event(name = "test.conflict.claimed")]
pub struct ClaimedOnce {
    pub id: u64,
}

pub mod elsewhere {
    use evently::event;

    /// Claims the same name and version as the outer type.
    #[event(name = "test.conflict.claimed")]
    pub struct ClaimedTwice {
        pub other: String,
    }
}

#[subscriber(name = "shared-name", group = "conflicts")]
async fn first(_event: &ClaimedOnce) -> evently::Result<()> {
    Ok(())
}

#[subscriber(name = "shared-name", group = "conflicts")]
async fn second(_event: &elsewhere::ClaimedTwice) -> evently::Result<()> {
    Ok(())
}

#[tokio::test]
async fn build_lists_every_conflict_in_one_error() {
    let error =
        Bus::builder().all_subscribers().start().await.expect_err("conflicting registrations");
    let StartError::Conflicts(conflicts) = &error else {
        panic!("expected conflicts, got {error}");
    };
    assert_eq!(conflicts.len(), 2, "{error}");
    assert!(conflicts.iter().any(|c| matches!(
        c,
        Conflict::DuplicateEvent { name, version: 1, types } if name == "test.conflict.claimed" && types.len() == 2
    )));
    assert!(conflicts.iter().any(|c| matches!(
        c,
        Conflict::DuplicateSubscriber { name, locations } if name == "shared-name" && locations.len() == 2
    )));
    let message = error.to_string();
    assert!(message.starts_with("2 conflicting registration(s):\n  - "), "{message}");
    assert!(message.contains("conflicts.rs:"), "locations are named: {message}");
    assert!(message.contains("ClaimedOnce") && message.contains("ClaimedTwice"), "{message}");
}

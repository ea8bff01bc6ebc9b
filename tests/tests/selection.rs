#![allow(missing_docs)]
//! Which subscribers a bus runs: the ones it is given, by name, by group, or
//! all; and which topic each consumes.

use std::sync::Mutex;
use std::time::Duration;

use evently::{Bus, DecodeError, Envelope, Metadata, StartError, event, subscriber};

#[event(name = "test.selection.happened", topic = "selection")]
#[derive(Debug)]
pub struct SelectionHappened {
    pub id: u64,
}

static RAN: Mutex<Vec<(&'static str, u64)>> = Mutex::new(Vec::new());

fn ran(who: &'static str, id: u64) {
    RAN.lock().expect("lock").push((who, id));
}

fn runs_of(id: u64) -> Vec<&'static str> {
    let mut runs: Vec<_> =
        RAN.lock().expect("lock").iter().filter(|(_, i)| *i == id).map(|(w, _)| *w).collect();
    runs.sort_unstable();
    runs
}

#[subscriber(group = "selection-mail")]
async fn mail(event: &SelectionHappened) -> evently::Result<()> {
    ran("mail", event.id);
    Ok(())
}

#[subscriber(group = "selection-mail")]
async fn sms(event: &SelectionHappened, meta: &Metadata) -> evently::Result<()> {
    assert_eq!(meta.event_type(), "test.selection.happened");
    ran("sms", event.id);
    Ok(())
}

#[subscriber(group = "selection-audit")]
async fn audit(event: &SelectionHappened) -> evently::Result<()> {
    ran("audit", event.id);
    Ok(())
}

#[subscriber(group = "selection-legacy", topic = "selection.legacy")]
async fn legacy(event: &SelectionHappened) -> evently::Result<()> {
    ran("legacy", event.id);
    Ok(())
}

async fn publish_and_drain(bus: &Bus, id: u64) {
    bus.publish(SelectionHappened { id }).await.expect("publish");
    tokio::time::timeout(Duration::from_secs(10), bus.shutdown()).await.expect("drained");
}

#[tokio::test]
async fn a_bus_runs_only_the_subscribers_it_names() {
    let bus = Bus::builder().subscribe::<mail>().start().await.expect("bus starts");
    let names: Vec<&str> = bus.subscribers().map(|s| s.name()).collect();
    assert_eq!(names, ["selection::mail"]);
    publish_and_drain(&bus, 1).await;
    assert_eq!(runs_of(1), ["mail"]);
}

#[tokio::test]
async fn a_tuple_names_several_and_a_group_takes_its_members() {
    let bus = Bus::builder().subscribe::<(mail, audit)>().start().await.expect("bus starts");
    publish_and_drain(&bus, 2).await;
    assert_eq!(runs_of(2), ["audit", "mail"]);

    let bus = Bus::builder()
        .group("selection-mail")
        .subscribe::<mail>() // named twice: runs once
        .start()
        .await
        .expect("bus starts");
    publish_and_drain(&bus, 3).await;
    assert_eq!(runs_of(3), ["mail", "sms"]);
}

#[tokio::test]
async fn a_bus_given_no_subscribers_only_publishes() {
    let bus = Bus::builder().start().await.expect("bus starts");
    assert_eq!(bus.subscribers().count(), 0);
    publish_and_drain(&bus, 4).await;
    assert!(runs_of(4).is_empty());
}

#[tokio::test]
async fn all_subscribers_takes_every_linked_one() {
    let bus = Bus::builder().all_subscribers().start().await.expect("bus starts");
    assert_eq!(bus.subscribers().count(), 5);
    publish_and_drain(&bus, 5).await;
    assert_eq!(runs_of(5), ["audit", "mail", "sms"], "legacy consumes another topic");
}

#[tokio::test]
async fn a_group_no_subscriber_states_fails_to_start() {
    let error = Bus::builder().group("selection-nobody").start().await.expect_err("no such group");
    assert!(
        matches!(&error, StartError::UnknownGroup { group, .. } if group == "selection-nobody")
    );
    let message = error.to_string();
    assert!(message.contains("selection-audit") && message.contains("selection-mail"), "{message}");
}

#[tokio::test]
async fn a_subscriber_with_a_topic_receives_what_is_published_there() {
    let bus = Bus::builder().subscribe::<(legacy, audit)>().start().await.expect("bus starts");
    bus.publish_to("selection.legacy", SelectionHappened { id: 6 }).await.expect("publish");
    bus.publish(SelectionHappened { id: 7 }).await.expect("publish");
    tokio::time::timeout(Duration::from_secs(10), bus.shutdown()).await.expect("drained");
    assert_eq!(runs_of(6), ["legacy"]);
    assert_eq!(runs_of(7), ["audit"]);
    let groups: Vec<(&str, Vec<&str>)> = bus.groups().map(|(g, t)| (g, t.to_vec())).collect();
    assert_eq!(
        groups,
        [("selection-legacy", vec!["selection.legacy"]), ("selection-audit", vec!["selection"])]
    );
}

// ------------------------------------------------------------ error chains

#[event(name = "test.selection.failed", topic = "selection.failed")]
pub struct SelectionFailed {
    pub id: u64,
}

#[subscriber(group = "selection-failing", retries = 0)]
async fn fail_with_a_decode_error(_event: &SelectionFailed) -> evently::Result<()> {
    let error: DecodeError = Envelope::<SelectionHappened>::from_json(
        br#"{"type": "test.selection.happened", "version": 1, "data": {"id": "not a number"}}"#,
    )
    .expect_err("data does not match");
    Err(error.into())
}

#[tokio::test]
async fn a_dead_letter_prints_each_cause_of_its_error_once() {
    let bus =
        Bus::builder().subscribe::<fail_with_a_decode_error>().start().await.expect("bus starts");
    bus.publish(SelectionFailed { id: 1 }).await.expect("publish");
    tokio::time::timeout(Duration::from_secs(10), bus.shutdown()).await.expect("drained");
    let letters = bus.dead_letters();
    assert_eq!(letters.len(), 1);
    let error = letters[0].error();
    assert!(
        error.starts_with(
            "data of `test.selection.happened` v1 does not match its type: invalid type"
        ),
        "{error}"
    );
    assert_eq!(error.matches("invalid type").count(), 1, "the cause is printed once: {error}");
}

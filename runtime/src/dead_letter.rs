//! Messages that failed every attempt.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::SystemTime;

use crate::envelope::{Envelope, ErasedEnvelope, Metadata};
use crate::event::Event;

/// A message that failed its last attempt (or could not be handled at all),
/// kept with why, how often, and by whom.
#[derive(Debug, Clone)]
pub struct DeadLetter {
    pub(crate) id: u64,
    pub(crate) destination: Arc<str>,
    pub(crate) subscriber: &'static str,
    pub(crate) group: Arc<str>,
    pub(crate) error: String,
    pub(crate) attempts: u32,
    pub(crate) failed_at: SystemTime,
    pub(crate) envelope: ErasedEnvelope,
}

impl DeadLetter {
    /// The id to [replay](crate::Bus::replay_dead_letter) it by.
    pub fn id(&self) -> u64 {
        self.id
    }
    /// The dead-letter destination (the subscriber's `dead_letter`, or the bus default).
    pub fn destination(&self) -> &str {
        &self.destination
    }
    /// The subscriber that failed.
    pub fn subscriber(&self) -> &'static str {
        self.subscriber
    }
    /// The subscriber's group.
    pub fn group(&self) -> &str {
        &self.group
    }
    /// The last error, with its chain of sources.
    pub fn error(&self) -> &str {
        &self.error
    }
    /// How many attempts were made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
    /// When the last attempt failed.
    pub fn failed_at(&self) -> SystemTime {
        self.failed_at
    }
    /// The envelope's metadata.
    pub fn metadata(&self) -> &Metadata {
        self.envelope.metadata()
    }
    /// The envelope, typed; `None` if it holds another event type.
    pub fn envelope<E: Event>(&self) -> Option<Envelope<E>> {
        Envelope::from_erased(Arc::clone(&self.envelope))
    }
    /// The envelope as wire JSON.
    pub fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        self.envelope.to_json()
    }
}

/// The in-process dead-letter store: bounded, oldest dropped first.
#[derive(Debug)]
pub(crate) struct DeadLetters {
    next_id: u64,
    items: VecDeque<DeadLetter>,
    capacity: usize,
}

impl DeadLetters {
    pub(crate) fn new(capacity: usize) -> Self {
        Self { next_id: 1, items: VecDeque::new(), capacity }
    }

    pub(crate) fn push(&mut self, mut letter: DeadLetter) {
        letter.id = self.next_id;
        self.next_id += 1;
        if self.items.len() == self.capacity
            && let Some(dropped) = self.items.pop_front()
        {
            tracing::warn!(
                dead_letter = dropped.id,
                subscriber = dropped.subscriber,
                "dead-letter store is full; dropping the oldest dead letter"
            );
        }
        self.items.push_back(letter);
    }

    pub(crate) fn list(&self) -> Vec<DeadLetter> {
        self.items.iter().cloned().collect()
    }

    pub(crate) fn take(&mut self, id: u64) -> Option<DeadLetter> {
        let index = self.items.iter().position(|letter| letter.id == id)?;
        self.items.remove(index)
    }

    pub(crate) fn put_back(&mut self, letter: DeadLetter) {
        self.items.push_back(letter);
    }
}

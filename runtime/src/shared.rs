//! State every lane of a bus shares: the broker, the idempotency store, the
//! dead letters kept in memory, and the counters behind `stats` and `wait_idle`.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize};

use tokio::sync::Notify;

use crate::dead_letter::DeadLetters;
use crate::idempotency::Store;
use crate::transport::{DynTransport, OutgoingMessage};

pub(crate) struct Shared {
    /// The broker, for a bus that is not in-process.
    pub(crate) transport: Option<Arc<dyn DynTransport>>,
    /// Whether an in-process publish handles a message on the publisher's
    /// thread when the subscriber's lane is idle.
    pub(crate) handle_on_publisher: bool,
    pub(crate) idle: Notify,
    /// How many `wait_idle` calls are waiting; lanes check for idleness only then.
    pub(crate) waiters: AtomicUsize,
    pub(crate) dead_letters: Mutex<DeadLetters>,
    pub(crate) store: Store,
    /// The transactional inbox, for subscribers that take a transaction.
    #[cfg(feature = "postgres")]
    pub(crate) inbox: Option<crate::postgres::PgStore>,
    /// The transactional outbox `publish_in` writes to.
    #[cfg(feature = "postgres")]
    pub(crate) outbox: Option<crate::postgres::PgStore>,
    pub(crate) duplicates: AtomicU64,
    pub(crate) retries: AtomicU64,
    pub(crate) dead_lettered: AtomicU64,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("transport", &self.transport.as_ref().map(|t| t.name()))
            .finish_non_exhaustive()
    }
}

impl Shared {
    /// Sends a dead letter to the broker; whether the broker confirmed it (a
    /// message whose dead letter was not confirmed stays unacknowledged, so
    /// the broker delivers it again). Always true in-process.
    pub(crate) async fn forward_dead_letter(
        &self,
        destination: &str,
        id: Option<uuid::Uuid>,
        payload: Vec<u8>,
        content_type: &str,
        headers: Vec<(String, String)>,
    ) -> bool {
        let Some(transport) = &self.transport else { return true };
        let message =
            OutgoingMessage { topic: destination, key: None, id, payload, content_type, headers };
        match transport.dead_letter_boxed(message).await {
            Ok(()) => true,
            Err(error) => {
                tracing::error!(error = %crate::util::Chain(&error), destination, "could not send a dead letter; the message goes back to the broker");
                false
            }
        }
    }
}

//! Broker consumption: a group's messages, from its subscription to the
//! lanes of its subscribers; messages that do not decode go to the bus's
//! dead-letter destination.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Weak};

use tokio::sync::watch;

use crate::dispatch::{Core, lane_hash};
use crate::lane::{Sender, finish};
use crate::routing::Group;
use crate::transport::{CONTENT_TYPE, Incoming, Receipt, headers as transport_headers};
use crate::util::Chain;

/// Where a subscription hands the messages it receives: the lanes of its
/// consumer group's subscribers, on the calling task.
///
/// The bus gives one to [`Transport::subscribe`](crate::transport::Transport::subscribe);
/// the transport's receiving task calls [`send`](Self::send) with each
/// message, and stops receiving once the bus stops
/// ([`closed`](Self::closed)). There is no queue between the two: a
/// message is decoded and handed to its lanes (or run at once by an idle
/// lane) before `send` returns, so the transport's own prefetch (a NATS pull
/// batch, RabbitMQ's prefetch count, librdkafka's fetch queue) is all that
/// is received ahead.
#[derive(Clone)]
pub struct Deliveries {
    core: Weak<Core>,
    group: usize,
    dead_letter: Arc<str>,
    stop: watch::Receiver<bool>,
}

impl std::fmt::Debug for Deliveries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deliveries")
            .field("group", &self.group)
            .field("closed", &self.is_closed())
            .finish_non_exhaustive()
    }
}

impl Deliveries {
    pub(crate) fn new(core: &Arc<Core>, group: usize, dead_letter: Arc<str>) -> Self {
        Self { core: Arc::downgrade(core), group, dead_letter, stop: core.stop.subscribe() }
    }

    /// Hands a received message to the group's subscribers of its type and
    /// topic, and returns once they have it: queued on their lanes, or run
    /// already. A message that does not decode goes to the bus's
    /// dead-letter destination (and is acknowledged once it is there).
    ///
    /// # Errors
    ///
    /// The message back, untouched, once the bus is stopping (or gone): the
    /// transport gives it back to the broker and stops receiving.
    pub async fn send(&self, message: Incoming) -> Result<(), Incoming> {
        let Some(core) = self.core.upgrade() else { return Err(message) };
        // Counted from here until the lanes count it: `shutdown` waits for a
        // message still decoding or being dead-lettered. Counted before the
        // stop is looked at (both sequentially consistent, as is the stop's
        // store and `shutdown`'s count): either this sees the stop, or
        // `shutdown` waits for this message.
        core.consuming.begin();
        if core.closed.load(Ordering::SeqCst) {
            finish(&core.consuming, &core.shared);
            return Err(message);
        }
        deliver(&core, &core.table.groups[self.group], &self.dead_letter, message).await;
        finish(&core.consuming, &core.shared);
        Ok(())
    }

    /// Completes once the bus stops (or is dropped): the transport stops
    /// receiving and gives back what it fetched ahead.
    ///
    /// The future borrows nothing: a receiving loop makes it once and
    /// polls it beside each receive, rather than make one per message.
    pub fn closed(&self) -> impl Future<Output = ()> + Send + 'static {
        let mut stop = self.stop.clone();
        async move {
            let _ = stop.wait_for(|stopped| *stopped).await;
        }
    }

    /// Whether the bus is stopping (or gone).
    pub fn is_closed(&self) -> bool {
        *self.stop.borrow() || self.core.strong_count() == 0
    }
}

/// Hands a message to the group's subscribers of its type and topic.
async fn deliver(core: &Core, group: &Group, dead_letter: &str, incoming: Incoming) {
    let prefix = core.shared.transport.as_ref().map_or("ce_", |t| t.cloudevents_prefix());
    let (envelope, type_id) = match core.decode(&incoming.payload, &incoming.headers, prefix) {
        Ok(decoded) => decoded,
        Err(error) => {
            let reason = Chain(&error).to_string();
            tracing::error!(group = &*group.name, origin = %incoming.origin, error = %reason, "undecodable message dead-lettered");
            let mut headers = incoming.headers;
            // The message goes on as it came: its media type, the broker's way.
            let content_type = headers
                .iter()
                .position(|(name, _)| name.eq_ignore_ascii_case(CONTENT_TYPE))
                .map(|at| headers.remove(at).1);
            headers.extend([
                (transport_headers::ERROR.to_owned(), reason),
                (transport_headers::ATTEMPTS.to_owned(), "0".to_owned()),
                (transport_headers::GROUP.to_owned(), group.name.to_string()),
                (transport_headers::ORIGIN.to_owned(), incoming.origin.clone()),
            ]);
            let receipt = Receipt::new(1, incoming.ack, incoming.origin);
            let content_type = content_type.as_deref().unwrap_or(crate::cloudevents::JSON);
            let forwarded = core
                .shared
                .forward_dead_letter(dead_letter, None, incoming.payload, content_type, headers)
                .await;
            if forwarded {
                core.shared.dead_lettered.fetch_add(1, Ordering::Relaxed);
                receipt.settle().await;
            } else {
                receipt.give_back().await;
            }
            return;
        }
    };
    let routes = group.routes.get(type_id, incoming.topic);
    if routes.is_empty() {
        // An event on this topic that no subscriber of the group handles.
        Receipt::new(1, incoming.ack, incoming.origin).settle().await;
        return;
    }
    let receipt = Arc::new(Receipt::new(routes.len(), incoming.ack, incoming.origin));
    let meta = envelope.metadata();
    let hash = lane_hash(meta.key(), meta.id());
    for route in routes {
        if let Err(error) = core
            .send(route, hash, Arc::clone(&envelope), Some(Arc::clone(&receipt)), Sender::Outside)
            .await
        {
            tracing::error!(error = %Chain(&error), "a lane is gone; the message stays unacknowledged");
        }
    }
}

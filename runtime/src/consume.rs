//! Broker consumption: a group's messages, from its subscription to the
//! lanes of its subscribers; messages that do not decode go to the bus's
//! dead-letter destination.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Weak};

use tokio::sync::{mpsc, watch};

use crate::dispatch::{Core, lane_hash};
use crate::lane::{Sender, finish};
use crate::routing::Group;
use crate::transport::{CONTENT_TYPE, Incoming, Receipt, headers as transport_headers};
use crate::util::Chain;

/// Takes a group's messages from its subscription until the bus stops.
pub(crate) async fn consume(
    core: Weak<Core>,
    group: usize,
    dead_letter: Arc<str>,
    mut incoming: mpsc::Receiver<Incoming>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let message = tokio::select! {
            biased;
            _ = stop.wait_for(|stopped| *stopped) => break,
            message = incoming.recv() => message,
        };
        let (Some(message), Some(core)) = (message, core.upgrade()) else { break };
        // Counted from here until the lanes count it: `shutdown` waits for
        // a message still decoding or being dead-lettered.
        core.consuming.begin();
        deliver(&core, &core.table.groups[group], &dead_letter, message).await;
        finish(&core.consuming, &core.shared);
    }
    // Stopping: messages received but not handed to a lane go back to the
    // broker for another member; `shutdown` awaits this task.
    incoming.close();
    while let Some(message) = incoming.recv().await {
        if let Err(error) = message.ack.release().await {
            tracing::warn!(error = %Chain(&error), origin = %message.origin, "could not give back a message");
        }
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

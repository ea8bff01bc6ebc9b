//! The core of a running bus: its route table and lanes, and how a message
//! reaches them (in-process) or the broker.

use std::any::TypeId;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::watch;
use uuid::Uuid;

use crate::cloudevents::{self, Encoding};
use crate::envelope::ErasedEnvelope;
use crate::error::{DecodeError, DeliveryError, Error, PublishError};
use crate::handler::Publisher;
use crate::lane::{IdleLane, LaneCounters, LaneHandle, Message, Sender, dead_letter};
use crate::registry::Registry;
use crate::routing::{Route, RouteTable};
use crate::shared::Shared;
use crate::transport::{OutgoingMessage, Receipt};
use crate::util::{BoxFuture, on_drop};

/// Everything a bus is; shared by every clone of its handle.
pub(crate) struct Core {
    pub(crate) source: &'static str,
    pub(crate) registry: Registry,
    pub(crate) table: RouteTable,
    /// The lanes of each subscriber, by its index in the route table.
    pub(crate) lanes: Vec<Box<[LaneHandle]>>,
    pub(crate) shared: Arc<Shared>,
    /// How events published through a broker are encoded.
    pub(crate) encoding: Encoding,
    /// Tells broker consumers to stop taking messages.
    pub(crate) stop: watch::Sender<bool>,
    pub(crate) closed: AtomicBool,
    /// Broker messages a transport handed to `Deliveries::send` and not yet
    /// to the lanes (decoding, dead-lettering).
    pub(crate) consuming: Arc<LaneCounters>,
    /// Tasks that publish for the bus (the outbox's relay), awaited when it stops.
    pub(crate) tasks: std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
    /// The largest message, in bytes, the bus sends or decodes.
    pub(crate) max_payload: usize,
}

impl std::fmt::Debug for Core {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Core").field("source", &self.source).finish_non_exhaustive()
    }
}

impl Core {
    /// Publishes an envelope of the registered type `type_id` on `topic`:
    /// to the broker, or to the lanes of every in-process subscriber.
    pub(crate) async fn dispatch(
        &self,
        envelope: ErasedEnvelope,
        type_id: TypeId,
        topic: &str,
        from: Sender,
    ) -> Result<Uuid, PublishError> {
        let meta = envelope.metadata();
        let id = meta.id();
        // Handlers may publish follow-ups while the bus drains.
        if from == Sender::Outside && self.closed.load(Ordering::Acquire) {
            return Err(PublishError::Closed);
        }
        if let Some(transport) = &self.shared.transport {
            // Through the broker: this bus's own consumers receive it from there.
            let (payload, content_type, headers) =
                cloudevents::encode(&*envelope, self.encoding, transport.cloudevents_prefix())
                    .map_err(|source| PublishError::Encode {
                        event_type: meta.event_type(),
                        source,
                    })?;
            if payload.len() > self.max_payload {
                return Err(PublishError::TooLarge {
                    event_type: meta.event_type(),
                    size: payload.len(),
                    limit: self.max_payload,
                });
            }
            let message = OutgoingMessage {
                topic,
                key: meta.key(),
                id: Some(id),
                payload,
                content_type,
                headers,
            };
            transport.publish_boxed(message).await?;
            return Ok(id);
        }
        let routes = self.table.routes.get(type_id, topic);
        let hash = lane_hash(meta.key(), id);
        if from == Sender::Outside && routes.len() > 1 {
            if !self.run_all_idle(routes, hash, &envelope)? {
                self.send_to_all(routes, hash, envelope).await?;
            }
            return Ok(id);
        }
        if let [route] = routes
            && from == Sender::Outside
            && route.upcast.is_empty()
        {
            // One subscriber, whose lane is idle or has room: the common
            // case in process, handed over without building the futures of
            // `send`; only a full queue (or a lane that is gone) waits.
            let message = Message { envelope, attempt: 0, busy: 0, receipt: None };
            let lane = self.lane(route.subscriber, hash);
            let Err(message) = lane.hand_over(&self.shared, message) else { return Ok(id) };
            if lane.send_waiting(&self.shared, message).await {
                return Ok(id);
            }
            let subscriber = self.table.subscribers[route.subscriber].descriptor.name();
            return Err(PublishError::LaneGone { subscriber });
        }
        if let Some((last, others)) = routes.split_last() {
            for route in others {
                self.send(route, hash, Arc::clone(&envelope), None, from).await?;
            }
            // The last subscriber gets the envelope itself: one reference
            // count change fewer, on a line the lane is about to touch.
            self.send(last, hash, envelope, None, from).await?;
        }
        Ok(id)
    }

    /// Queues a message on the lane `hash` picks, upcast to the
    /// subscriber's version first; a message that cannot be upcast is
    /// dead-lettered.
    pub(crate) async fn send(
        &self,
        route: &Route,
        hash: usize,
        mut envelope: ErasedEnvelope,
        receipt: Option<Arc<Receipt>>,
        from: Sender,
    ) -> Result<(), PublishError> {
        let subscriber = &self.table.subscribers[route.subscriber];
        for convert in route.upcast.iter() {
            envelope = match convert(&*envelope) {
                Ok(upcast) => upcast,
                Err(error) => {
                    let error = Error::permanent(DeliveryError::Upcast(error));
                    let message = Message { envelope, attempt: 0, busy: 0, receipt };
                    dead_letter(&self.shared, subscriber, message, error).await;
                    return Ok(());
                }
            };
        }
        let lane = self.lane(route.subscriber, hash);
        let message = Message { envelope, attempt: 0, busy: 0, receipt };
        if lane.send(&self.shared, message, from).await {
            Ok(())
        } else {
            Err(PublishError::LaneGone { subscriber: subscriber.descriptor.name() })
        }
    }

    /// Handles one message on this thread in a lane of every subscriber, if
    /// each of those lanes is idle: all are locked before any runs, so it
    /// reaches all or none, like [`send_to_all`](Self::send_to_all). Returns
    /// whether it did; `false` leaves the message to `send_to_all`.
    fn run_all_idle(
        &self,
        routes: &[Route],
        hash: usize,
        envelope: &ErasedEnvelope,
    ) -> Result<bool, PublishError> {
        /// More subscribers of one event than this take the queues.
        const MOST: usize = 8;
        if !self.shared.handle_on_publisher
            || routes.len() > MOST
            || routes.iter().any(|route| !route.upcast.is_empty())
        {
            return Ok(false);
        }
        let mut locked: [Option<IdleLane<'_>>; MOST] = Default::default();
        for (slot, route) in locked.iter_mut().zip(routes) {
            let lane = self.lane(route.subscriber, hash);
            let Some(idle) = lane.idle() else { return Ok(false) };
            if lane.is_gone() {
                let subscriber = &self.table.subscribers[route.subscriber];
                return Err(PublishError::LaneGone { subscriber: subscriber.descriptor.name() });
            }
            *slot = Some(idle);
        }
        for (slot, route) in locked.iter_mut().zip(routes) {
            let Some(idle) = slot.take() else { continue };
            let message =
                Message { envelope: Arc::clone(envelope), attempt: 0, busy: 0, receipt: None };
            // Cannot fail: the lane's loop was running when it was locked,
            // and only a poll ends it.
            let _ = self.lane(route.subscriber, hash).run_idle(idle, &self.shared, message);
        }
        Ok(true)
    }

    fn lane(&self, subscriber: usize, hash: usize) -> &LaneHandle {
        let lanes = &self.lanes[subscriber];
        &lanes[lane_index(hash, lanes.len())]
    }

    /// Queues one message on a lane of every subscriber, all or none: a place
    /// is reserved in each lane first, so a publish cancelled while it waits
    /// for one (under a timeout, say) has reached no subscriber, and trying
    /// it again cannot run a handler twice.
    async fn send_to_all(
        &self,
        routes: &[Route],
        hash: usize,
        envelope: ErasedEnvelope,
    ) -> Result<(), PublishError> {
        let mut ready = Vec::with_capacity(routes.len());
        for route in routes {
            let subscriber = &self.table.subscribers[route.subscriber];
            let mut upcast = Arc::clone(&envelope);
            let mut failed = None;
            for convert in route.upcast.iter() {
                match convert(&*upcast) {
                    Ok(next) => upcast = next,
                    Err(error) => {
                        failed = Some(error);
                        break;
                    }
                }
            }
            if let Some(error) = failed {
                let error = Error::permanent(DeliveryError::Upcast(error));
                let message = Message { envelope: upcast, attempt: 0, busy: 0, receipt: None };
                dead_letter(&self.shared, subscriber, message, error).await;
                continue;
            }
            ready.push((self.lane(route.subscriber, hash), subscriber, upcast));
        }
        let mut permits = Vec::with_capacity(ready.len());
        for (lane, subscriber, _) in &ready {
            let permit = lane
                .reserve()
                .await
                .ok_or(PublishError::LaneGone { subscriber: subscriber.descriptor.name() })?;
            permits.push(permit);
        }
        for ((lane, _, envelope), permit) in ready.into_iter().zip(permits) {
            lane.send_reserved(permit, Message { envelope, attempt: 0, busy: 0, receipt: None });
        }
        Ok(())
    }

    /// Decodes a received message (an evently envelope, a CloudEvent in
    /// either mode, or the minimal envelope) into its registered event type.
    pub(crate) fn decode(
        &self,
        payload: &[u8],
        headers: &[(String, String)],
        prefix: &str,
    ) -> Result<(ErasedEnvelope, TypeId), DecodeError> {
        if payload.len() > self.max_payload {
            return Err(DecodeError::TooLarge { size: payload.len(), limit: self.max_payload });
        }
        self.registry.decode(payload, headers, prefix)
    }

    pub(crate) fn in_flight(&self) -> usize {
        let lanes: usize = self
            .lanes
            .iter()
            .flat_map(|lanes| lanes.iter())
            .map(|l| l.counters.in_flight() as usize)
            .sum();
        lanes + self.consuming.in_flight() as usize
    }

    /// Stops taking new work and waits until every message the bus took is
    /// handled, dead-lettered or given back, and the broker's last commits
    /// are done.
    pub(crate) async fn shutdown(&self) {
        // Sequentially consistent, as `Deliveries::send` counts a message
        // and then looks here: a message it hands over is counted in time.
        self.closed.store(true, Ordering::SeqCst);
        let _ = self.stop.send(true);
        let tasks = std::mem::take(&mut *crate::util::lock(&self.tasks));
        for task in tasks {
            let _ = task.await;
        }
        self.wait_idle().await;
        for lane in self.lanes.iter().flat_map(|lanes| lanes.iter()) {
            lane.spent.free();
        }
        if let Some(transport) = &self.shared.transport {
            transport.close_boxed().await;
        }
    }

    /// Waits until every message given to a lane is done.
    pub(crate) async fn wait_idle(&self) {
        let shared = &self.shared;
        shared.waiters.fetch_add(1, Ordering::SeqCst);
        let _waiting = on_drop(|| {
            shared.waiters.fetch_sub(1, Ordering::SeqCst);
        });
        loop {
            let mut notified = pin!(shared.idle.notified());
            notified.as_mut().enable();
            if self.in_flight() == 0 {
                return;
            }
            notified.await;
        }
    }
}

#[cfg(feature = "postgres")]
impl Core {
    /// Writes an envelope to the outbox on `conn`.
    pub(crate) async fn write_outbox(
        &self,
        conn: &mut sqlx::PgConnection,
        envelope: &ErasedEnvelope,
        topic: &str,
    ) -> Result<Uuid, PublishError> {
        let outbox = self.shared.outbox.as_ref().ok_or(PublishError::NoOutbox)?;
        crate::postgres::write_outbox(outbox, conn, envelope, topic, self.max_payload).await
    }
}

impl Publisher for Core {
    fn source(&self) -> &'static str {
        self.source
    }

    #[cfg(feature = "postgres")]
    fn publish_in<'a>(
        &'a self,
        conn: &'a mut sqlx::PgConnection,
        envelope: ErasedEnvelope,
        topic: &'a str,
    ) -> BoxFuture<'a, Result<Uuid, PublishError>> {
        Box::pin(async move { self.write_outbox(conn, &envelope, topic).await })
    }

    fn publish_follow_up<'a>(
        &'a self,
        envelope: ErasedEnvelope,
        type_id: TypeId,
        topic: &'a str,
    ) -> BoxFuture<'a, Result<Uuid, PublishError>> {
        Box::pin(self.dispatch(envelope, type_id, topic, Sender::Handler))
    }
}

/// The lane of `lanes` a hash picks: the hash spread over 64 bits (Fibonacci
/// hashing: the low bits' differences reach the high ones, and an id's
/// constant variant bits do not decide), then scaled to the number of lanes.
/// Two multiplications, where `%` would be a division on every message.
fn lane_index(hash: usize, lanes: usize) -> usize {
    let spread = (hash as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    ((u128::from(spread) * lanes as u128) >> 64) as usize
}

/// Which lane a message goes to: by key, else by id (so copies of one
/// message share a lane and never race each other's idempotency claim).
pub(crate) fn lane_hash(key: Option<&str>, id: Uuid) -> usize {
    match key {
        Some(key) => {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in key.as_bytes() {
                hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            hash as usize
        }
        None => id.as_u128() as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lanes_reached(hashes: impl Iterator<Item = usize>, lanes: usize) -> Vec<usize> {
        let mut reached = vec![0; lanes];
        for hash in hashes {
            reached[lane_index(hash, lanes)] += 1;
        }
        reached
    }

    #[test]
    fn short_keys_and_fresh_ids_reach_every_lane() {
        for lanes in [1, 3, 8, 13] {
            let keys = (0..1_000).map(|n| lane_hash(Some(&n.to_string()), Uuid::nil()));
            let by_key = lanes_reached(keys, lanes);
            let ids = (0..1_000).map(|_| lane_hash(None, crate::id::now_v7().0));
            let by_id = lanes_reached(ids, lanes);
            for reached in [by_key, by_id] {
                let fair = 1_000 / lanes;
                assert!(
                    reached.iter().all(|&n| n > fair / 2 && n < fair * 2),
                    "{lanes} lanes: {reached:?}"
                );
            }
        }
    }

    #[test]
    fn one_key_always_picks_one_lane() {
        let first = lane_index(lane_hash(Some("account-7"), Uuid::nil()), 8);
        for _ in 0..10 {
            let id = crate::id::now_v7().0;
            assert_eq!(lane_index(lane_hash(Some("account-7"), id), 8), first);
        }
    }
}

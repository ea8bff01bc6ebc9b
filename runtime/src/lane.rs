//! The lane engine: each subscriber has `concurrency` lanes, each a task
//! with a bounded queue that handles its messages one at a time. A message
//! goes to the lane its key hashes to (its id when it has no key), so
//! messages with one key are handled in order while different keys run
//! concurrently. A failed message waiting for its retry leaves the lane
//! free: only later messages with the same key wait behind it.
//!
//! A lane is polled by its own task, or by a publisher that finds it idle
//! (see [`driver`]).

mod driver;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::future::Future;
use std::ops::ControlFlow;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context as TaskContext, Poll};

use tokio::sync::mpsc;
use tokio::sync::mpsc::error::TrySendError;
use tokio::time::Instant;
use uuid::Uuid;

use crate::Key;
use crate::dead_letter::DeadLetter;
use crate::envelope::{AnyEnvelope, ErasedEnvelope};
use crate::error::{DeliveryError, Error};
use crate::handler::{Delivery, Handler, Publisher, TransactionSlot};
use crate::idempotency::{
    Claim, ClaimToken, DynStore, IdempotencyKey, InMemoryIdempotencyStore, Store,
};
use crate::routing::Subscriber;
use crate::shared::Shared;
use crate::transport::{Receipt, headers as transport_headers};
use crate::util::{BoxFuture, Chain, Padded, lock};
pub(crate) use driver::IdleLane;
use driver::LaneCell;
use std::time::Duration;

/// How a subscriber is guarded against duplicate deliveries.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub enum Guard {
    /// Guard on the envelope id (the default).
    EnvelopeId,
    /// Guard on a business key taken from the event (`dedup_key = field`).
    Key(fn(&dyn AnyEnvelope) -> Option<Uuid>),
    /// No guard: the handler is naturally idempotent (`guard = false`).
    Off,
}

/// A message on its way through a lane.
#[derive(Debug)]
pub(crate) struct Message {
    pub(crate) envelope: ErasedEnvelope,
    /// Attempts made so far.
    pub(crate) attempt: u32,
    /// How often it found its claim held by another delivery.
    pub(crate) busy: u32,
    /// For a message from a broker: acknowledged once every subscriber of
    /// the group is done with it.
    pub(crate) receipt: Option<Arc<Receipt>>,
}

/// How many messages a lane was given and has finished. Publishers write
/// `queued` and the lane writes `done`, on separate cache lines, so the hot
/// path does not bounce one line between threads; only a waiter for
/// idleness reads both.
#[derive(Debug, Default)]
pub(crate) struct LaneCounters {
    queued: Padded<AtomicU64>,
    done: Padded<AtomicU64>,
}

impl LaneCounters {
    /// Counts one more message taken; [`finish`] counts it done.
    pub(crate) fn begin(&self) {
        self.queued.0.fetch_add(1, Ordering::SeqCst);
    }

    pub(crate) fn in_flight(&self) -> u64 {
        // `queued` first: everything counted there is done once `done` catches up.
        let queued = self.queued.0.load(Ordering::SeqCst);
        queued.saturating_sub(self.done.0.load(Ordering::SeqCst))
    }
}

/// Counts one message of a lane as done; wakes idle waiters if it was the
/// lane's last.
pub(crate) fn finish(counters: &LaneCounters, shared: &Shared) {
    counters.done.0.fetch_add(1, Ordering::SeqCst);
    if shared.waiters.load(Ordering::SeqCst) > 0 && counters.in_flight() == 0 {
        shared.idle.notify_waiters();
    }
}

/// Envelopes a lane's loop is done with, freed by the next outside task
/// that queues a message on the lane rather than by the lane.
///
/// An envelope is allocated where it is published (or decoded, for a broker
/// message) and would be freed where it is handled. With a thread-caching
/// allocator such as glibc's, a thread that only frees overflows its cache
/// into the allocating thread's arena, under that arena's lock, while the
/// other thread takes the same lock to allocate: the two threads contend
/// for one lock on every message (half of the queued path's time in the
/// dispatch bench). Handed back in batches, envelopes are freed on the
/// thread that allocates the next ones, from and into its own cache.
///
/// At most `limit` wait (the lane frees any more itself), and no more
/// than a batch once the lane has run out of messages (it frees any more
/// then): a publisher may not come back soon.
#[derive(Debug)]
pub(crate) struct Spent<T = ErasedEnvelope> {
    envelopes: Mutex<Vec<T>>,
    /// Whether `envelopes` may hold any: queuing looks here, not at the lock.
    any: AtomicBool,
    limit: usize,
}

impl<T> Spent<T> {
    fn new(limit: usize) -> Self {
        Self { envelopes: Mutex::new(Vec::new()), any: AtomicBool::new(false), limit }
    }

    /// Frees, on this thread, the envelopes the lane handed back.
    #[inline]
    pub(crate) fn free(&self) {
        if self.any.load(Ordering::Relaxed) {
            self.free_now();
        }
    }

    #[inline(never)]
    fn free_now(&self) {
        let mut envelopes = lock(&self.envelopes);
        self.any.store(false, Ordering::Relaxed);
        // Cleared in place: the lane's next batch reuses the capacity.
        envelopes.clear();
    }

    /// Hands `done` back (the lane's loop, between batches), leaving it
    /// empty; frees them here instead while a publisher holds the lock or
    /// `limit` wait already.
    fn hand_back(&self, done: &mut Vec<T>) {
        if let Ok(mut envelopes) = self.envelopes.try_lock()
            && envelopes.len() < self.limit
        {
            envelopes.append(done);
            self.any.store(true, Ordering::Relaxed);
            return;
        }
        done.clear();
    }

    /// [`hand_back`](Self::hand_back) for a lane about to wait for
    /// messages: while no more than `keep` would wait, they wait (the next
    /// publish frees them); past that, the lane frees them all itself.
    fn hand_back_idle(&self, done: &mut Vec<T>, keep: usize) {
        match self.envelopes.try_lock() {
            Ok(mut envelopes) if envelopes.len() + done.len() <= keep => {
                envelopes.append(done);
                self.any.store(true, Ordering::Relaxed);
                return;
            }
            Ok(mut envelopes) => {
                self.any.store(false, Ordering::Relaxed);
                // Moved out and freed once the lock is released; both
                // lists keep their capacity, so no batch allocates again.
                done.append(&mut envelopes);
            }
            Err(_) => {}
        }
        done.clear();
    }
}

/// Who publishes a message into a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sender {
    /// A publisher outside the bus's handlers: waits while the queue is full.
    Outside,
    /// A handler publishing a follow-up: never waits. A handler waiting on a
    /// queue that only its own lane (or a cycle of subscribers) drains would
    /// wait forever.
    Handler,
}

/// One lane's queues, as publishers see them.
#[derive(Debug)]
pub(crate) struct LaneHandle {
    sender: mpsc::Sender<Message>,
    /// Follow-ups published by handlers; bounded by what handlers publish.
    follow_ups: mpsc::UnboundedSender<Message>,
    pub(crate) counters: Arc<LaneCounters>,
    cell: Arc<LaneCell>,
    /// Envelopes the lane handled, for a publisher to free.
    pub(crate) spent: Arc<Spent>,
}

impl LaneHandle {
    /// The lane's lock, if the lane is idle (nothing queued, handled or
    /// waiting for a retry) and nobody polls it: a message handed to it now
    /// is handled on this thread.
    #[inline]
    pub(crate) fn idle(&self) -> Option<IdleLane<'_>> {
        // Looked at before locking, so that publishers to a busy lane do not
        // contend for its lock...
        if self.counters.in_flight() != 0 {
            return None;
        }
        let lane = self.cell.try_lock()?;
        // ...and again once it is held: another publisher may have run a
        // message on the lane in between, one that is not done yet.
        (self.counters.in_flight() == 0).then_some(lane)
    }

    /// Handles a message on this thread if the lane is idle; gives it back
    /// if the lane is busy or gone.
    #[inline]
    fn run_if_idle(&self, shared: &Shared, message: Message) -> Result<(), Message> {
        match self.idle() {
            Some(idle) => self.run_idle(idle, shared, message),
            None => Err(message),
        }
    }

    /// Whether the lane's loop has ended (after a panic outside a handler).
    pub(crate) fn is_gone(&self) -> bool {
        self.sender.is_closed()
    }

    /// Hands a message to the idle lane and handles it on this thread until
    /// it is done or its handler waits; gives it back if the lane is gone.
    #[inline]
    pub(crate) fn run_idle(
        &self,
        idle: IdleLane<'_>,
        shared: &Shared,
        message: Message,
    ) -> Result<(), Message> {
        self.counters.begin();
        idle.run(message).inspect_err(|_| finish(&self.counters, shared))
    }

    /// A place in the queue, waiting while it is full; `None` once the lane
    /// is gone.
    pub(crate) async fn reserve(&self) -> Option<mpsc::Permit<'_, Message>> {
        self.sender.reserve().await.ok()
    }

    /// Queues a message in a place reserved before: cannot wait or fail.
    pub(crate) fn send_reserved(&self, permit: mpsc::Permit<'_, Message>, message: Message) {
        self.counters.begin();
        permit.send(message);
        self.spent.free();
    }

    /// Hands a message from an outside publisher to the lane without
    /// waiting: runs it on this thread if the lane is idle (and the bus lets
    /// publishers handle), else queues it if the queue has room. Gives it
    /// back if the queue is full or the lane is gone, for [`send`](Self::send).
    #[inline]
    pub(crate) fn hand_over(&self, shared: &Shared, message: Message) -> Result<(), Message> {
        // An in-process publish to an idle lane runs its handler here.
        let message = if shared.handle_on_publisher {
            match self.run_if_idle(shared, message) {
                Ok(()) => return Ok(()),
                // Busy, or gone (its queue says so below).
                Err(message) => message,
            }
        } else {
            message
        };
        let pending = Pending::start(&self.counters, shared);
        // A free slot is taken without building the waiting machinery of
        // `send`; dropped, `pending` counts the message done again.
        let handed = match self.sender.try_send(message) {
            Ok(()) => {
                pending.handed_over();
                Ok(())
            }
            Err(TrySendError::Full(message) | TrySendError::Closed(message)) => Err(message),
        };
        self.spent.free();
        handed
    }

    /// Queues a message; an outside publisher waits while the queue is full.
    /// Returns whether the lane took it (false once the lane is gone).
    pub(crate) async fn send(&self, shared: &Shared, message: Message, from: Sender) -> bool {
        let message = match from {
            Sender::Outside => match self.hand_over(shared, message) {
                Ok(()) => return true,
                // The queue is full, or the lane is gone.
                Err(message) => message,
            },
            Sender::Handler => {
                let pending = Pending::start(&self.counters, shared);
                let queued = self.follow_ups.send(message).is_ok();
                if queued {
                    pending.handed_over();
                }
                return queued;
            }
        };
        self.send_waiting(shared, message).await
    }

    /// Queues a message [`hand_over`](Self::hand_over) gave back, waiting
    /// for room. Returns whether the lane took it (false once it is gone).
    pub(crate) async fn send_waiting(&self, shared: &Shared, message: Message) -> bool {
        let pending = Pending::start(&self.counters, shared);
        let queued = self.sender.send(message).await.is_ok();
        if queued {
            pending.handed_over();
        }
        self.spent.free();
        queued
    }
}

/// One message counted as queued on a lane; counted done again if it is
/// dropped before the lane got it (the send failed or the publish was
/// cancelled).
struct Pending<'a> {
    counters: &'a LaneCounters,
    shared: &'a Shared,
    handed_over: bool,
}

impl<'a> Pending<'a> {
    fn start(counters: &'a LaneCounters, shared: &'a Shared) -> Self {
        counters.queued.0.fetch_add(1, Ordering::SeqCst);
        Self { counters, shared, handed_over: false }
    }

    fn handed_over(mut self) {
        self.handed_over = true;
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if !self.handed_over {
            finish(self.counters, self.shared);
        }
    }
}

/// Starts the lanes of `subscriber` as `shape` says, and returns their queues.
pub(crate) fn start_lanes(
    runtime: &tokio::runtime::Handle,
    subscriber: &Arc<Subscriber>,
    shared: &Arc<Shared>,
    publisher: &Weak<dyn Publisher>,
    shape: LaneShape,
) -> Vec<LaneHandle> {
    (0..shape.concurrency)
        .map(|_| {
            let (sender, receiver) = mpsc::channel(shape.queue_length);
            let (follow_ups, follow_up_receiver) = mpsc::unbounded_channel();
            let counters = Arc::new(LaneCounters::default());
            let id = driver::next_id();
            let core = Arc::new(LaneCore {
                id,
                subscriber: Arc::clone(subscriber),
                counters: Arc::clone(&counters),
                shared: Arc::clone(shared),
                publisher: publisher.clone(),
                scope_hash: shared
                    .store
                    .memory()
                    .map_or(0, |store| store.scope_hash(&subscriber.scope)),
            });
            let spent = Arc::new(Spent::new(shape.queue_length + shape.batch));
            let lane = Lane {
                core,
                waiting: Waiting::default(),
                batch: shape.batch,
                done: Vec::new(),
                spent: Arc::clone(&spent),
            };
            let LaneFutures { run, direct } = (subscriber.descriptor.run_lane())(LaneTask {
                lane,
                receiver,
                follow_ups: follow_up_receiver,
            });
            let cell = LaneCell::new(run, direct, id);
            runtime.spawn(driver::drive(Arc::clone(&cell)));
            LaneHandle { sender, follow_ups, counters, cell, spent }
        })
        .collect()
}

/// How many lanes a subscriber gets and how long their queues are.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LaneShape {
    pub(crate) concurrency: usize,
    pub(crate) queue_length: usize,
    pub(crate) batch: usize,
}

impl LaneShape {
    /// Lanes that together hold at most `queue_capacity` waiting messages.
    pub(crate) fn new(queue_capacity: usize, concurrency: usize) -> Self {
        let lane_capacity = queue_capacity.div_ceil(concurrency).max(1);
        // A lane holds up to `batch` messages taken from its queue, one of them
        // being handled; the queue keeps the rest of the bound.
        let batch = (lane_capacity / 4).clamp(1, 32);
        Self { concurrency, queue_length: lane_capacity - (batch - 1), batch }
    }
}

/// A lane and its queue, ready to run; what [`RunLane`] receives.
#[doc(hidden)]
pub struct LaneTask {
    lane: Lane,
    receiver: mpsc::Receiver<Message>,
    follow_ups: mpsc::UnboundedReceiver<Message>,
}

impl std::fmt::Debug for LaneTask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LaneTask")
            .field("subscriber", &self.lane.core.subscriber.descriptor.name())
            .finish()
    }
}

/// Makes the futures of one lane of a subscriber:
/// `run_lane::<TheSubscribersHandler>`.
#[doc(hidden)]
pub type RunLane = fn(LaneTask) -> LaneFutures;

/// A lane's loop and its direct delivery (see [`driver`]).
#[doc(hidden)]
pub struct LaneFutures {
    run: BoxFuture<'static, ()>,
    direct: BoxFuture<'static, ()>,
}

impl LaneFutures {
    /// Futures that end at once, for descriptors whose lanes never run.
    #[cfg(test)]
    pub(crate) fn ended() -> Self {
        Self { run: Box::pin(async {}), direct: Box::pin(async {}) }
    }
}

impl std::fmt::Debug for LaneFutures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LaneFutures").finish_non_exhaustive()
    }
}

/// The [`RunLane`] of handler `H`.
#[doc(hidden)]
pub fn run_lane<H: Handler>(task: LaneTask) -> LaneFutures {
    let core = Arc::clone(&task.lane.core);
    LaneFutures {
        run: Box::pin(task.lane.run::<H>(task.receiver, task.follow_ups)),
        direct: Box::pin(direct::<H>(core)),
    }
}

/// A lane's direct delivery: the first attempt of each message a publisher
/// hands over while the lane is idle, run by that publisher. A message whose
/// attempt did not succeed goes back to the lane's loop.
async fn direct<H: Handler>(core: Arc<LaneCore>) {
    loop {
        let mut message = driver::handed(core.id).await;
        match core.attempt::<H>(&mut message).await {
            Outcome::Handled => {
                // Handled on the publisher's thread: freed where it was made.
                drop(core.settle(message));
                driver::completed(core.id, None);
            }
            outcome => driver::completed(core.id, Some((message, outcome))),
        }
    }
}

/// What a lane's loop and its direct delivery share: who the lane is for.
struct LaneCore {
    /// Which lane a message handed over on a thread is for.
    id: u64,
    subscriber: Arc<Subscriber>,
    counters: Arc<LaneCounters>,
    shared: Arc<Shared>,
    publisher: Weak<dyn Publisher>,
    /// The subscriber's scope as the in-memory store keeps it, computed once.
    scope_hash: u64,
}

/// One lane of one subscriber: handles its messages one at a time.
struct Lane {
    core: Arc<LaneCore>,
    waiting: Waiting,
    /// How many messages to take from the queue at once.
    batch: usize,
    /// Envelopes handled since the last hand-back to `spent`.
    done: Vec<ErasedEnvelope>,
    spent: Arc<Spent>,
}

/// A lane's messages that wait for a retry, and those held back behind them.
#[derive(Default)]
struct Waiting {
    /// Keys with a message waiting for its retry, and the later messages of
    /// that key held back to keep their order.
    blocked: HashMap<Key, VecDeque<Message>>,
    /// Messages waiting for their retry, soonest first.
    timers: BinaryHeap<Reverse<Timer>>,
    sequence: u64,
}

struct Timer {
    due: Instant,
    sequence: u64,
    message: Message,
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        (self.due, self.sequence) == (other.due, other.sequence)
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timer {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.due, self.sequence).cmp(&(other.due, other.sequence))
    }
}

/// A lane whose task ends while messages are counted in flight (a panic
/// outside the handler, in a store say) must not leave `wait_idle` and
/// `shutdown` waiting for them: they are counted done, and publishing to the
/// lane fails from then on (its queue is closed).
impl Drop for Lane {
    fn drop(&mut self) {
        let core = &self.core;
        let left = core.counters.in_flight();
        if left == 0 {
            return;
        }
        tracing::error!(
            subscriber = core.subscriber.descriptor.name(),
            messages = left,
            "a lane of this subscriber stopped with messages in flight; publishing to it fails from now on, and broker messages it held are delivered again"
        );
        core.counters.done.0.fetch_add(left, Ordering::SeqCst);
        core.shared.idle.notify_waiters();
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Step {
    Finished,
    Scheduled,
}

/// What one attempt came to.
pub(crate) enum Outcome {
    /// The handler succeeded, or the message was handled before.
    Handled,
    /// The handler failed.
    Failed(Error),
    /// Another delivery holds the claim: neither done nor failed.
    Later,
}

impl From<Result<(), Error>> for Outcome {
    fn from(result: Result<(), Error>) -> Self {
        match result {
            Ok(()) => Outcome::Handled,
            Err(error) => Outcome::Failed(error),
        }
    }
}

/// The first wait of a message whose claim another delivery holds; it
/// doubles up to [`BUSY_MAX`].
const BUSY_DELAY: Duration = Duration::from_millis(50);
const BUSY_MAX: Duration = Duration::from_secs(5);

impl Lane {
    /// The lane's loop: handles what its [`Inbox`] gives it, one message at
    /// a time, until its queues close and no retry waits. Only the calls to
    /// the handler are made for each subscriber; the rest is compiled once.
    async fn run<H: Handler>(
        mut self,
        receiver: mpsc::Receiver<Message>,
        follow_ups: mpsc::UnboundedReceiver<Message>,
    ) {
        let mut inbox = Inbox::new(receiver, follow_ups, self.batch);
        loop {
            self.let_go(&inbox);
            match inbox.next(&mut self).await {
                Next::Returned(message, outcome) => {
                    self.process::<H>(message, Some(outcome)).await;
                }
                Next::Retry(message) => self.retry::<H>(message).await,
                Next::Received => {
                    for message in inbox.received() {
                        if let Some(message) = self.waiting.hold(message) {
                            self.process::<H>(message, None).await;
                        }
                    }
                }
                Next::Closed => break,
            }
        }
    }

    /// Hands the envelopes handled since the last call back to be freed by
    /// a publisher, or frees them here if the queue is empty (see [`Spent`]).
    fn let_go(&mut self, inbox: &Inbox) {
        if self.done.is_empty() {
            return;
        }
        if inbox.receiver.is_empty() {
            // About to wait, and a publisher may not come back soon: no
            // more than a batch is left waiting for one. A lane that keeps
            // up with its publisher waits after every message or few, and
            // hands each back (a broker's consumer frees them on its next
            // message).
            self.spent.hand_back_idle(&mut self.done, self.batch);
        } else {
            self.spent.hand_back(&mut self.done);
        }
    }

    /// A retry is due; once its message is done, the messages its key held back run.
    async fn retry<H: Handler>(&mut self, message: Message) {
        let key = message.envelope.metadata().key.clone();
        if self.process::<H>(message, None).await == Step::Scheduled {
            return;
        }
        let Some(key) = key else { return };
        let mut held = self.waiting.blocked.remove(&key).unwrap_or_default();
        while let Some(next) = held.pop_front() {
            if self.process::<H>(next, None).await == Step::Scheduled {
                self.waiting.blocked.entry(key).or_default().extend(held);
                return;
            }
        }
    }

    /// Attempts a message; immediate retries run here, delayed ones are
    /// scheduled. A message from the lane's direct delivery comes with the
    /// `outcome` of its first attempt (it ran on an idle lane, so no key of
    /// it waits).
    async fn process<H: Handler>(
        &mut self,
        mut message: Message,
        mut outcome: Option<Outcome>,
    ) -> Step {
        loop {
            let outcome = match outcome.take() {
                Some(outcome) => outcome,
                None => self.core.attempt::<H>(&mut message).await,
            };
            match self.after(message, outcome) {
                After::Step(step) => return step,
                After::Again(again) => message = again,
                After::DeadLetter(dead_letter) => {
                    dead_letter.await;
                    return Step::Finished;
                }
            }
        }
    }

    /// What follows an attempt. Not generic, unlike the attempt: compiled
    /// once, not once for each subscriber.
    fn after(&mut self, mut message: Message, outcome: Outcome) -> After {
        let core = &*self.core;
        let error = match outcome {
            Outcome::Handled => {
                let envelope = core.settle(message);
                // Its last holder: kept for a publisher to free.
                if Arc::strong_count(&envelope) == 1 {
                    self.done.push(envelope);
                }
                return After::Step(Step::Finished);
            }
            Outcome::Later => {
                // Another delivery holds the claim (a member that may
                // have crashed, until its lease runs out): not a
                // failure, no retry spent; look again later.
                message.attempt -= 1;
                let delay = BUSY_DELAY.saturating_mul(1 << message.busy.min(6)).min(BUSY_MAX);
                message.busy += 1;
                self.waiting.schedule(message, delay);
                return After::Step(Step::Scheduled);
            }
            Outcome::Failed(error) => error,
        };
        let policy = &core.subscriber.policy;
        let retries_made = message.attempt - 1;
        if error.is_permanent() || retries_made >= policy.max_retries {
            // Boxed: the rare path would otherwise make every delivery's
            // future as large as its own, and moving it costs on each one.
            let core = Arc::clone(&self.core);
            return After::DeadLetter(Box::pin(async move {
                dead_letter(&core.shared, &core.subscriber, message, error).await;
                core.finished();
            }));
        }
        core.shared.retries.fetch_add(1, Ordering::Relaxed);
        let delay = policy.delay(message.attempt);
        tracing::warn!(
            subscriber = core.subscriber.descriptor.name(),
            event_id = %message.envelope.metadata().id(),
            attempt = message.attempt,
            retry_in = ?delay,
            error = %format_args!("{error:#}"),
            "handler failed; will retry"
        );
        if delay.is_zero() {
            return After::Again(message);
        }
        self.waiting.schedule(message, delay);
        After::Step(Step::Scheduled)
    }
}

/// Where a lane's messages come from: its queue, the follow-ups its
/// handlers publish, retries falling due, and first attempts that failed on
/// a publisher's thread. Not generic: compiled once, not once for each
/// subscriber.
struct Inbox {
    receiver: mpsc::Receiver<Message>,
    follow_ups: mpsc::UnboundedReceiver<Message>,
    open: bool,
    follow_ups_open: bool,
    batch: Vec<Message>,
    follow_up_batch: Vec<Message>,
}

/// What a lane does next.
enum Next {
    /// A message whose direct delivery did not succeed, with its outcome.
    Returned(Message, Outcome),
    /// A message whose retry is due.
    Retry(Message),
    /// Messages were received: [`Inbox::received`].
    Received,
    /// The queues are closed and no retry waits: the lane ends.
    Closed,
}

impl Inbox {
    fn new(
        receiver: mpsc::Receiver<Message>,
        follow_ups: mpsc::UnboundedReceiver<Message>,
        batch_size: usize,
    ) -> Self {
        Self {
            receiver,
            follow_ups,
            open: true,
            follow_ups_open: true,
            batch: Vec::with_capacity(batch_size),
            follow_up_batch: Vec::new(),
        }
    }

    /// Takes up to a batch of messages from the queue at once (one wake-up
    /// and one release of queue slots for many messages); the queue is that
    /// much shorter, so queued and taken-but-not-started messages stay
    /// within the configured bound.
    async fn next(&mut self, lane: &mut Lane) -> Next {
        let id = lane.core.id;
        if let Some((message, outcome)) = driver::take_returned(id) {
            return Next::Returned(message, outcome);
        }
        let next_due = lane.waiting.timers.peek().map(|Reverse(timer)| timer.due);
        if next_due.is_none() && !self.open && !self.follow_ups_open {
            return Next::Closed;
        }
        // The timer is made only when a retry is due: most polls need none.
        let mut sleep = pin!(next_due.map(tokio::time::sleep_until));
        let size = lane.batch;
        // In this order: a message whose direct delivery did not succeed, a
        // retry that is due, follow-ups (draining them is what lets the
        // handlers that published them, and so the queue, move on), the queue.
        std::future::poll_fn(|cx| {
            if let Some((message, outcome)) = driver::take_returned(id) {
                return Poll::Ready(Next::Returned(message, outcome));
            }
            if let Some(sleep) = sleep.as_mut().as_pin_mut()
                && sleep.poll(cx).is_ready()
            {
                return Poll::Ready(match lane.waiting.timers.pop() {
                    Some(Reverse(timer)) => Next::Retry(timer.message),
                    None => Next::Received,
                });
            }
            if self.follow_ups_open
                && let Poll::Ready(received) =
                    self.follow_ups.poll_recv_many(cx, &mut self.follow_up_batch, size)
            {
                self.follow_ups_open = received > 0;
                return Poll::Ready(Next::Received);
            }
            if self.open
                && let Poll::Ready(received) =
                    self.receiver.poll_recv_many(cx, &mut self.batch, size)
            {
                self.open = received > 0;
                return Poll::Ready(Next::Received);
            }
            Poll::Pending
        })
        .await
    }

    /// The messages [`next`](Self::next) received, follow-ups first.
    fn received(&mut self) -> impl Iterator<Item = Message> + '_ {
        self.follow_up_batch.drain(..).chain(self.batch.drain(..))
    }
}

/// What [`Lane::after`] decided.
enum After {
    /// The message is done with for now.
    Step(Step),
    /// Attempt it again at once.
    Again(Message),
    /// It goes to the dead letters; done once this finishes.
    DeadLetter(BoxFuture<'static, ()>),
}

impl Waiting {
    /// A new message: given back to be handled now, unless its key waits
    /// for a retry (then it waits behind it).
    fn hold(&mut self, message: Message) -> Option<Message> {
        if let Some(key) = &message.envelope.metadata().key
            && let Some(held) = self.blocked.get_mut(key.as_str())
        {
            held.push_back(message);
            return None;
        }
        Some(message)
    }

    /// Runs `message` again after `delay`; later messages of its key wait.
    fn schedule(&mut self, message: Message, delay: Duration) {
        if let Some(key) = &message.envelope.metadata().key {
            self.blocked.entry(key.clone()).or_default();
        }
        self.sequence += 1;
        self.timers.push(Reverse(Timer {
            due: Instant::now() + delay,
            sequence: self.sequence,
            message,
        }));
    }
}

impl LaneCore {
    fn finished(&self) {
        finish(&self.counters, &self.shared);
    }

    /// A message is handled. A broker message's last subscriber
    /// acknowledges it without waiting for the broker's answer, so that a
    /// round trip (NATS confirms each acknowledgement) does not hold up the
    /// lane's next message; the message counts in flight until the
    /// acknowledgement is done, so `wait_idle` and `shutdown` wait for it.
    /// Returns the envelope, for the caller to free where it should be.
    #[inline]
    fn settle(&self, message: Message) -> ErasedEnvelope {
        let Message { envelope, receipt, .. } = message;
        match receipt {
            None => self.finished(),
            Some(receipt) => self.settle_received(&receipt),
        }
        envelope
    }

    /// [`settle`](Self::settle) for a message from a broker.
    #[inline(never)]
    fn settle_received(&self, receipt: &Receipt) {
        match receipt.done() {
            Some(ack) => {
                let (counters, shared) = (Arc::clone(&self.counters), Arc::clone(&self.shared));
                crate::transport::acknowledge_in_background(ack, move || {
                    finish(&counters, &shared);
                });
            }
            None => self.finished(),
        }
    }

    /// One attempt: claim, run the handler (a panic counts as a failure),
    /// then mark the claim done or release it. An attempt that did not run
    /// (`Later`) is uncounted by [`Lane::after`], where every outcome goes.
    async fn attempt<H: Handler>(&self, message: &mut Message) -> Outcome {
        message.attempt += 1;
        #[cfg(feature = "postgres")]
        if self.subscriber.descriptor.transactional() {
            // Boxed: a database transaction's future is large, and every
            // delivery's future would be as large, copied on each one.
            return Box::pin(self.attempt_in_transaction::<H>(message)).await;
        }
        let Some(id) = self.guard_id(&message.envelope) else {
            return self.call::<H>(message, None).await.into();
        };
        match &self.shared.store {
            Store::Memory(store) => self.attempt_in_memory::<H>(store, id, message).await,
            // Boxed too: a store's claim is a round trip to Redis or
            // PostgreSQL, and its futures would make every delivery's larger.
            // The handler's call is boxed as well, so that this path is
            // compiled once, not once for each subscriber.
            Store::Other(store) => {
                let call = || -> BoxFuture<'_, Result<(), Error>> {
                    Box::pin(self.call::<H>(message, None))
                };
                Box::pin(self.attempt_with_store(&**store, id, message, &call)).await
            }
        }
    }

    /// An attempt guarded by a shared store (Redis, PostgreSQL): claim,
    /// run the handler while renewing the claim, then complete or release it.
    async fn attempt_with_store<'a>(
        &'a self,
        store: &'a dyn DynStore,
        id: Uuid,
        message: &'a Message,
        call: &'a (dyn Fn() -> BoxFuture<'a, Result<(), Error>> + Sync),
    ) -> Outcome {
        let key = IdempotencyKey { scope: &self.subscriber.scope, id };
        let token = match store.claim_boxed(&key).await {
            Ok(Claim::Acquired(token)) => token,
            Ok(Claim::Done) => {
                self.duplicate(message);
                return Outcome::Handled;
            }
            Ok(_) => return Outcome::Later,
            Err(error) => return Outcome::Failed(Error::new(error)),
        };
        let call = call();
        let result = match store.renew_every() {
            Some(every) => self.renewing(store, call, &key, token, every).await,
            None => call.await,
        };
        let update = match result {
            Ok(()) => store.complete_boxed(&key, token).await,
            Err(_) => store.release_boxed(&key, token).await,
        };
        if let Err(error) = update {
            tracing::warn!(subscriber = self.subscriber.descriptor.name(), error = %Chain(&error), "could not update the idempotency claim");
        }
        result.into()
    }

    /// An attempt guarded by the in-memory store, which answers on the spot:
    /// its claim and its completion are plain calls, not futures.
    async fn attempt_in_memory<H: Handler>(
        &self,
        store: &InMemoryIdempotencyStore,
        id: Uuid,
        message: &Message,
    ) -> Outcome {
        let token = match store.claim_now(self.scope_hash, id) {
            Claim::Acquired(token) => token,
            Claim::Done => {
                self.duplicate(message);
                return Outcome::Handled;
            }
            _ => return Outcome::Later,
        };
        let result = self.call::<H>(message, None).await;
        match result {
            Ok(()) => store.complete_now(self.scope_hash, id, token),
            Err(_) => store.release_now(self.scope_hash, id, token),
        }
        result.into()
    }

    /// An attempt of a subscriber that takes a transaction: the inbox
    /// records the message in the transaction the handler writes in, and
    /// both commit together or not at all. The inbox is the guard here.
    #[cfg(feature = "postgres")]
    async fn attempt_in_transaction<H: Handler>(&self, message: &Message) -> Outcome {
        use crate::postgres::Begun;
        let Some(inbox) = &self.shared.inbox else {
            let subscriber = self.subscriber.descriptor.name();
            return Outcome::Failed(Error::permanent(DeliveryError::NoInbox { subscriber }));
        };
        let key = self
            .guard_id(&message.envelope)
            .map(|id| IdempotencyKey { scope: &self.subscriber.scope, id });
        let tx = match inbox.begin(key.as_ref()).await {
            Ok(Begun::Transaction(tx)) => tx,
            Ok(Begun::Duplicate) => {
                self.duplicate(message);
                return Outcome::Handled;
            }
            Ok(Begun::Busy) => return Outcome::Later,
            Err(error) => return Outcome::Failed(Error::new(error)),
        };
        let slot = std::sync::Mutex::new(Some(tx));
        match self.call::<H>(message, Some(&slot)).await {
            Ok(()) => match crate::postgres::commit(slot).await {
                Ok(()) => Outcome::Handled,
                Err(error) => Outcome::Failed(error),
            },
            Err(error) => {
                crate::postgres::roll_back(slot).await;
                Outcome::Failed(error)
            }
        }
    }

    fn duplicate(&self, message: &Message) {
        self.shared.duplicates.fetch_add(1, Ordering::Relaxed);
        tracing::debug!(
            subscriber = self.subscriber.descriptor.name(),
            event_id = %message.envelope.metadata().id(),
            "duplicate delivery acknowledged without running the handler"
        );
    }

    /// Runs the handler once; a panic counts as a failure.
    async fn call<H: Handler>(
        &self,
        message: &Message,
        transaction: Option<&TransactionSlot>,
    ) -> Result<(), Error> {
        let delivery = Delivery {
            envelope: &message.envelope,
            attempt: message.attempt,
            subscriber: self.subscriber.descriptor.name(),
            publisher: &self.publisher,
            transaction,
        };
        match CatchUnwind(pin!(H::call(delivery))).await {
            Ok(result) => result,
            Err(panic) => Err(Error::new(DeliveryError::Panicked {
                message: panic_message(&*panic).to_owned(),
            })),
        }
    }

    /// Runs `call`, renewing the claim `token` holds every `every` until it
    /// finishes, so a handler that runs past the store's lease keeps its
    /// claim and no other member runs the message meanwhile.
    async fn renewing<F: Future>(
        &self,
        store: &dyn DynStore,
        call: F,
        key: &IdempotencyKey<'_>,
        token: ClaimToken,
        every: Duration,
    ) -> F::Output {
        let mut call = pin!(call);
        let mut ticks = tokio::time::interval_at(Instant::now() + every, every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            // The call first: once it is done, no renewal is made.
            let next = std::future::poll_fn(|cx| match call.as_mut().poll(cx) {
                Poll::Ready(output) => Poll::Ready(ControlFlow::Break(output)),
                Poll::Pending => ticks.poll_tick(cx).map(|_| ControlFlow::Continue(())),
            });
            if let ControlFlow::Break(output) = next.await {
                return output;
            }
            match store.renew_boxed(key, token).await {
                Ok(true) => {}
                Ok(false) => tracing::warn!(
                    subscriber = self.subscriber.descriptor.name(),
                    event_id = %key.id,
                    "the claim's lease ran out and another delivery took it over; this handler still runs"
                ),
                Err(error) => tracing::warn!(
                    subscriber = self.subscriber.descriptor.name(),
                    error = %Chain(&error),
                    "could not renew the idempotency claim"
                ),
            }
        }
    }

    /// The id the guard claims, if the subscriber is guarded.
    fn guard_id(&self, envelope: &ErasedEnvelope) -> Option<Uuid> {
        match self.subscriber.descriptor.guard() {
            Guard::Off => None,
            Guard::EnvelopeId => Some(envelope.metadata().id()),
            Guard::Key(extract) => Some(extract(&**envelope).unwrap_or(envelope.metadata().id())),
        }
    }
}

/// Keeps a message that failed for good, with why and after how many
/// attempts; on a broker bus also sends it to its dead-letter destination
/// there, and acknowledges it once that is confirmed.
pub(crate) async fn dead_letter(
    shared: &Shared,
    subscriber: &Subscriber,
    message: Message,
    error: Error,
) {
    let Message { envelope, attempt: attempts, receipt, .. } = message;
    let error = format!("{error:#}");
    tracing::error!(
        subscriber = subscriber.descriptor.name(),
        event_id = %envelope.metadata().id(),
        attempts,
        destination = &*subscriber.dead_letter,
        error = %error,
        "message dead-lettered"
    );
    if let Some(receipt) = receipt {
        let headers = vec![
            (transport_headers::ERROR.to_owned(), error.clone()),
            (transport_headers::ATTEMPTS.to_owned(), attempts.to_string()),
            (transport_headers::SUBSCRIBER.to_owned(), subscriber.descriptor.name().to_owned()),
            (transport_headers::GROUP.to_owned(), subscriber.group.to_string()),
            (transport_headers::ORIGIN.to_owned(), receipt.origin().to_owned()),
        ];
        let forwarded = match envelope.to_json() {
            Ok(payload) => {
                shared
                    .forward_dead_letter(
                        &subscriber.dead_letter,
                        Some(envelope.metadata().id()),
                        payload,
                        crate::cloudevents::JSON,
                        headers,
                    )
                    .await
            }
            Err(encode) => {
                tracing::error!(error = %encode, "cannot encode a dead letter");
                false
            }
        };
        if forwarded {
            receipt.settle().await;
        } else {
            // Not acknowledged, and not held either: the broker delivers it
            // again, and the dead letter is tried again then.
            receipt.give_back().await;
            return;
        }
    }
    shared.dead_lettered.fetch_add(1, Ordering::Relaxed);
    lock(&shared.dead_letters).push(DeadLetter {
        id: 0,
        destination: Arc::clone(&subscriber.dead_letter),
        subscriber: subscriber.descriptor.name(),
        group: Arc::clone(&subscriber.group),
        error,
        attempts,
        failed_at: std::time::SystemTime::now(),
        envelope,
    });
}

/// Polls a future, turning a panic into an error.
struct CatchUnwind<F>(F);

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn std::any::Any + Send>>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let inner = &mut self.0;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Pin::new(inner).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&'static str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(non-text panic payload)")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts its drops.
    struct Counted(Arc<AtomicU64>);

    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn handled(n: usize, drops: &Arc<AtomicU64>) -> Vec<Counted> {
        (0..n).map(|_| Counted(Arc::clone(drops))).collect()
    }

    #[test]
    fn handed_back_envelopes_wait_for_a_publisher_to_free_them() {
        let drops = Arc::new(AtomicU64::new(0));
        let spent = Spent::new(8);
        let mut done = handled(5, &drops);
        spent.hand_back(&mut done);
        assert!(done.is_empty());
        assert_eq!(drops.load(Ordering::SeqCst), 0, "kept for the publisher");
        spent.free();
        assert_eq!(drops.load(Ordering::SeqCst), 5);
        spent.free();
        assert_eq!(drops.load(Ordering::SeqCst), 5);
    }

    #[test]
    fn a_lane_out_of_messages_leaves_at_most_a_batch_waiting() {
        let drops = Arc::new(AtomicU64::new(0));
        let spent = Spent::new(100);
        spent.hand_back_idle(&mut handled(3, &drops), 4);
        assert_eq!(drops.load(Ordering::SeqCst), 0, "3 of at most 4 wait");
        let mut done = handled(2, &drops);
        spent.hand_back_idle(&mut done, 4);
        assert!(done.is_empty());
        assert_eq!(drops.load(Ordering::SeqCst), 5, "5 would wait: all freed by the lane");
        spent.free();
        assert_eq!(drops.load(Ordering::SeqCst), 5, "nothing was left");
    }

    #[test]
    fn past_its_limit_or_while_a_publisher_frees_a_lane_frees_them_itself() {
        let drops = Arc::new(AtomicU64::new(0));
        let spent = Spent::new(4);
        spent.hand_back(&mut handled(4, &drops));
        let mut done = handled(3, &drops);
        spent.hand_back(&mut done);
        assert!(done.is_empty());
        assert_eq!(drops.load(Ordering::SeqCst), 3, "the limit was reached: freed by the lane");
        {
            let _publisher = lock(&spent.envelopes);
            spent.hand_back(&mut handled(2, &drops));
            assert_eq!(drops.load(Ordering::SeqCst), 5, "the lock was busy: freed by the lane");
        }
        spent.free();
        assert_eq!(drops.load(Ordering::SeqCst), 9);
    }
}

//! Who polls a lane. A lane is two futures behind one lock: its loop (its
//! queues, retries and follow-ups) and its direct delivery, a small loop
//! that runs one handed-over message's attempt at a time. Whoever holds the
//! lock polls them: the lane's task when something wakes the lane (a queued
//! message, a retry falling due, a handler's I/O), or a publisher that finds
//! the lane idle and hands it a message.
//!
//! In the second case the publisher polls only the direct delivery: the
//! handler runs on the publisher's thread, as the seed's in-process bus
//! runs it, without a queue, a task wake-up, a poll of the lane's loop or a
//! cross-thread free of the envelope. When the handler has to wait, the poll
//! ends, `publish` returns, and the lane's task finishes the delivery once
//! it is woken; the loop is not polled until it is done, so the lane still
//! handles one message at a time. An attempt that fails (or finds its claim
//! held by another delivery) is handed back to the loop, which retries,
//! schedules or dead-letters it as it would any message.
//!
//! A lane idle means nothing is queued, handled or waiting for a retry on it,
//! so a message handed over this way is the next of its key in any case: the
//! per-key order, the retries, the guard and the queue bound are the lane's,
//! whoever polls it.

use std::cell::Cell;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering, fence};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::task::{Context, Poll, Wake, Waker};

use tokio::sync::Notify;

use super::{Message, Outcome};
use crate::util::BoxFuture;

/// A lane's two futures, and what wakes its task.
pub(crate) struct LaneCell {
    state: Mutex<LaneState>,
    /// Wakes the task for the loop...
    run_wake: Arc<FlagWake>,
    run_waker: Waker,
    /// ...and for a direct delivery whose handler waited.
    direct_wake: Arc<FlagWake>,
    direct_waker: Waker,
    task: Arc<TaskSignal>,
    /// Tells a message handed over on this thread from one meant for another lane.
    id: u64,
}

/// What the lock guards.
struct LaneState {
    run: BoxFuture<'static, ()>,
    direct: BoxFuture<'static, ()>,
    /// A direct delivery has started and is not done: its handler waits.
    busy: bool,
    /// A poll panicked outside a handler: the lane has ended.
    ended: bool,
}

/// The lane's task, and whether it was woken but found the lock taken.
struct TaskSignal {
    notify: Notify,
    missed: AtomicBool,
}

/// One future's waker: notes that the future needs a poll and wakes the task.
struct FlagWake {
    notified: AtomicBool,
    task: Arc<TaskSignal>,
}

impl Wake for FlagWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // Once per poll: a wake-up already noted has told the task.
        if !self.notified.swap(true, Ordering::SeqCst) {
            self.task.notify.notify_one();
        }
    }
}

// Hand-overs on one thread, each tagged with the lane it is for (0: none),
// so a lane polled inside another's handler (a publish to a second bus)
// never takes what is meant for the first. The tags are read first: they
// are plain integers, cheaper to test than the messages.
thread_local! {
    /// The lane whose direct delivery is handed a message...
    static HANDED_TO: Cell<u64> = const { Cell::new(0) };
    /// ...and the message.
    static HANDED: Cell<Option<Message>> = const { Cell::new(None) };
    /// The lane whose direct delivery is done.
    static COMPLETED: Cell<u64> = const { Cell::new(0) };
    /// The lane whose loop a message is handed back to...
    static RETURNED_TO: Cell<u64> = const { Cell::new(0) };
    /// ...and the message, with the outcome of its attempt.
    static RETURNED: Cell<Option<(Message, Outcome)>> = const { Cell::new(None) };
}

/// The message handed to lane `id`'s direct delivery on this thread, if any.
fn take_handed(id: u64) -> Option<Message> {
    if HANDED_TO.get() != id {
        return None;
    }
    HANDED_TO.set(0);
    HANDED.take()
}

/// The direct delivery of lane `id` is done; `returned` is its message and
/// outcome if the attempt did not succeed: handed back to the loop, which
/// takes it from here.
pub(super) fn completed(id: u64, returned: Option<(Message, Outcome)>) {
    if let Some((message, outcome)) = returned {
        hand_back(id, message, outcome);
    }
    COMPLETED.set(id);
}

/// Whether lane `id`'s direct delivery completed in the poll just made.
fn take_completed(id: u64) -> bool {
    if COMPLETED.get() != id {
        return false;
    }
    COMPLETED.set(0);
    true
}

/// Hands a message back to lane `id`'s loop.
fn hand_back(id: u64, message: Message, outcome: Outcome) {
    RETURNED.set(Some((message, outcome)));
    RETURNED_TO.set(id);
}

/// The message a direct delivery handed back to lane `id`'s loop, if any.
pub(super) fn take_returned(id: u64) -> Option<(Message, Outcome)> {
    if RETURNED_TO.get() != id {
        return None;
    }
    RETURNED_TO.set(0);
    RETURNED.take()
}

/// Whether a poll left the lane running or ended it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Polled {
    Running,
    Ended,
}

/// The lock of a lane, held by a publisher about to hand it a message or by
/// the lane's task.
pub(crate) struct IdleLane<'a> {
    cell: &'a LaneCell,
    /// Always `Some` until dropped: released before the wake-up check.
    state: Option<MutexGuard<'a, LaneState>>,
}

impl LaneCell {
    /// A lane running `run` (its loop) and `direct` (its direct delivery);
    /// its task is [`drive`].
    pub(crate) fn new(
        run: BoxFuture<'static, ()>,
        direct: BoxFuture<'static, ()>,
        id: u64,
    ) -> Arc<Self> {
        let task = Arc::new(TaskSignal { notify: Notify::new(), missed: AtomicBool::new(false) });
        // The loop is noted as needing a poll from the start: its task polls
        // it first, and so it waits on its queues.
        let run_wake =
            Arc::new(FlagWake { notified: AtomicBool::new(true), task: Arc::clone(&task) });
        let direct_wake =
            Arc::new(FlagWake { notified: AtomicBool::new(false), task: Arc::clone(&task) });
        Arc::new(Self {
            state: Mutex::new(LaneState { run, direct, busy: false, ended: false }),
            run_waker: Waker::from(Arc::clone(&run_wake)),
            run_wake,
            direct_waker: Waker::from(Arc::clone(&direct_wake)),
            direct_wake,
            task,
            id,
        })
    }

    /// The lane's lock, unless someone polls it right now.
    #[inline]
    pub(crate) fn try_lock(&self) -> Option<IdleLane<'_>> {
        let state = match self.state.try_lock() {
            Ok(state) => state,
            // Polls catch panics, so this is not expected; the state is whole.
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        Some(IdleLane { cell: self, state: Some(state) })
    }

    /// The lock for the lane's task. If it is taken, the holder is told to
    /// wake the task again when it unlocks: the wake-up the task acts on
    /// now may have come while the holder was past polling.
    fn lock_for_task(&self) -> Option<IdleLane<'_>> {
        if let Some(lane) = self.try_lock() {
            return Some(lane);
        }
        self.task.missed.store(true, Ordering::SeqCst);
        fence(Ordering::SeqCst);
        // Unlocked meanwhile: the holder may have looked at `missed` before
        // it was set.
        let lane = self.try_lock()?;
        self.task.missed.store(false, Ordering::Relaxed);
        Some(lane)
    }
}

impl IdleLane<'_> {
    /// Runs `message`'s first attempt as the lane's direct delivery, on this
    /// thread; gives the message back if the lane has ended. The lane must
    /// be idle: nothing in flight on it.
    pub(crate) fn run(mut self, message: Message) -> Result<(), Message> {
        let cell = self.cell;
        let Some(state) = &mut self.state else { return Err(message) };
        if state.ended {
            return Err(message);
        }
        debug_assert!(!state.busy, "a direct delivery is handed to an idle lane only");
        HANDED.set(Some(message));
        HANDED_TO.set(cell.id);
        cell.direct_wake.notified.store(false, Ordering::SeqCst);
        let polled = poll(&mut state.direct, &cell.direct_waker);
        // A direct delivery that is not under way waits for a message, so
        // it takes this one, unless it panicked first; ending the lane then
        // counts the message done, as it counts every message of the lane.
        let untaken = take_handed(cell.id);
        if polled == Polled::Ended || untaken.is_some() {
            drop(untaken);
            end(state);
            return Ok(());
        }
        self.after_direct();
        Ok(())
    }

    /// Polls what the lane's task was woken for: a direct delivery whose
    /// handler waited, then, once none is under way, the loop.
    fn poll_woken(&mut self) -> Polled {
        let cell = self.cell;
        let Some(state) = &mut self.state else { return Polled::Ended };
        if state.ended {
            return Polled::Ended;
        }
        if state.busy {
            cell.direct_wake.notified.store(false, Ordering::SeqCst);
            if poll(&mut state.direct, &cell.direct_waker) == Polled::Ended {
                end(state);
                return Polled::Ended;
            }
            self.after_direct();
        }
        let Some(state) = &mut self.state else { return Polled::Ended };
        if !state.busy && !state.ended {
            cell.run_wake.notified.store(false, Ordering::SeqCst);
            if poll(&mut state.run, &cell.run_waker) == Polled::Ended {
                end(state);
            }
        }
        if state.ended { Polled::Ended } else { Polled::Running }
    }

    /// After a poll of the direct delivery: notes whether it is still under
    /// way, and hands a message it gave back to the loop.
    fn after_direct(&mut self) {
        let cell = self.cell;
        let Some(state) = &mut self.state else { return };
        state.busy = !take_completed(cell.id);
        if state.busy || RETURNED_TO.get() != cell.id {
            return;
        }
        // A message handed back: the loop takes it now.
        cell.run_wake.notified.store(false, Ordering::SeqCst);
        if poll(&mut state.run, &cell.run_waker) == Polled::Ended {
            end(state);
        }
        // A loop that ended before it took the message drops it here;
        // ending counted every message of the lane done.
        drop(take_returned(cell.id));
    }
}

/// Ends a lane after a panic outside a handler: the direct delivery first,
/// then the loop, whose end counts the lane's messages done and closes its
/// queues. Neither is polled again.
fn end(state: &mut LaneState) {
    state.ended = true;
    state.busy = false;
    state.direct = Box::pin(std::future::ready(()));
    state.run = Box::pin(std::future::ready(()));
}

/// Unlocking: a task that was woken while the lock was held is woken again.
impl Drop for IdleLane<'_> {
    fn drop(&mut self) {
        // Unlocked first: the task, woken after the check, finds the lock
        // free, or held by a poller that makes this check in its turn.
        drop(self.state.take());
        fence(Ordering::SeqCst);
        let task = &self.cell.task;
        if task.missed.load(Ordering::Relaxed) && task.missed.swap(false, Ordering::SeqCst) {
            task.notify.notify_one();
        }
    }
}

/// Polls one of a lane's futures; a panic outside the handlers (which are
/// caught where they run) ends the lane, as it ended the lane's task before.
fn poll(future: &mut BoxFuture<'static, ()>, waker: &Waker) -> Polled {
    let mut cx = Context::from_waker(waker);
    match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(&mut cx))) {
        Ok(Poll::Pending) => Polled::Running,
        Ok(Poll::Ready(())) | Err(_) => Polled::Ended,
    }
}

/// The lane's task: polls the lane whenever it is woken, until it ends.
pub(crate) async fn drive(cell: Arc<LaneCell>) {
    loop {
        if let Some(mut lane) = cell.lock_for_task()
            && lane.poll_woken() == Polled::Ended
        {
            return;
        }
        cell.task.notify.notified().await;
    }
}

/// Numbers lanes, for the hand-overs on a thread.
pub(crate) fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A future that yields the message handed to lane `id`'s direct delivery;
/// it never registers a waker, because a message is only handed over right
/// before the direct delivery is polled.
pub(super) fn handed(id: u64) -> impl Future<Output = Message> {
    std::future::poll_fn(move |_| match take_handed(id) {
        Some(message) => Poll::Ready(message),
        None => Poll::Pending,
    })
}

impl std::fmt::Debug for LaneCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LaneCell").field("id", &self.id).finish_non_exhaustive()
    }
}

//! Who polls a lane. A lane is one future, its loop, and whoever holds its
//! lock polls it: its own task when something wakes the lane (a queued
//! message, a retry falling due, a handler's I/O), or a publisher that finds
//! the lane idle and hands it a message. In the second case the handler runs
//! on the publisher's thread, as the seed's in-process bus runs it, without
//! a queue, a task wake-up or a cross-thread free of the envelope; when the
//! handler has to wait, the poll ends, `publish` returns, and the lane's task
//! finishes the handler once it is woken, as it would any queued message.
//!
//! A lane idle means nothing is queued, handled or waiting for a retry on it,
//! so a message handed over this way is the next of its key in any case: the
//! per-key order, the retries, the guard and the queue bound are the lane
//! loop's, whoever polls it.

use std::cell::Cell;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering, fence};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::task::{Context, Poll, Wake, Waker};

use tokio::sync::Notify;

use super::Message;
use crate::util::BoxFuture;

/// A lane's loop and what wakes it.
pub(crate) struct LaneCell {
    future: Mutex<BoxFuture<'static, ()>>,
    wake: Arc<LaneWake>,
    waker: Waker,
    /// Tells a message handed over on this thread from one meant for another lane.
    id: u64,
}

/// What the lane's waker does: mark the lane as needing a poll and wake its task.
struct LaneWake {
    notified: AtomicBool,
    task: Notify,
}

impl Wake for LaneWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // Once per poll: a wake-up already noted has told the task, or is
        // seen by whoever holds the lock when it unlocks.
        if !self.notified.swap(true, Ordering::SeqCst) {
            self.task.notify_one();
        }
    }
}

thread_local! {
    /// The lane a publisher is handing a message to on this thread (0: none)...
    static HANDED_TO: Cell<u64> = const { Cell::new(0) };
    /// ...and the message.
    static HANDED: Cell<Option<Message>> = const { Cell::new(None) };
}

/// The message handed to lane `id` on this thread, if any.
pub(super) fn take_handed(id: u64) -> Option<Message> {
    if HANDED_TO.get() != id {
        return None;
    }
    HANDED_TO.set(0);
    HANDED.take()
}

fn hand(id: u64, message: Message) {
    HANDED.set(Some(message));
    HANDED_TO.set(id);
}

/// Whether a poll left the lane running or its loop ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Polled {
    Running,
    Ended,
}

/// The lock of an idle lane, held by a publisher about to hand it a message.
pub(crate) struct IdleLane<'a> {
    cell: &'a LaneCell,
    /// Always `Some` until dropped: released before the wake-up check.
    future: Option<MutexGuard<'a, BoxFuture<'static, ()>>>,
}

impl LaneCell {
    /// A lane running `future`; its task is [`drive`].
    pub(crate) fn new(future: BoxFuture<'static, ()>, id: u64) -> Arc<Self> {
        // Notified from the start: if a publisher polls the lane before its
        // task first does, the task polls it after, and so the lane waits
        // on its queues.
        let wake = Arc::new(LaneWake { notified: AtomicBool::new(true), task: Notify::new() });
        let waker = Waker::from(Arc::clone(&wake));
        Arc::new(Self { future: Mutex::new(future), wake, waker, id })
    }

    /// The lane's lock, unless someone polls it right now.
    pub(crate) fn try_lock(&self) -> Option<IdleLane<'_>> {
        let future = match self.future.try_lock() {
            Ok(future) => future,
            // A poll that panicked was caught; the future was replaced.
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        Some(IdleLane { cell: self, future: Some(future) })
    }
}

impl IdleLane<'_> {
    /// Polls the lane with `message` handed to it; gives the message back if
    /// the lane's loop has ended and did not take it.
    pub(crate) fn run(mut self, message: Message) -> Result<Polled, Message> {
        let id = self.cell.id;
        let Some(future) = &mut self.future else { return Err(message) };
        hand(id, message);
        // This poll answers every wake-up noted before it, as the task's
        // own poll does; only one that comes during it is left for the task.
        self.cell.wake.notified.store(false, Ordering::SeqCst);
        let polled = poll(future, &self.cell.waker);
        match take_handed(id) {
            Some(message) => Err(message),
            None => Ok(polled),
        }
    }
}

/// Unlocking: a wake-up that came while the lock was held is the lane
/// task's to act on now (it could not take the lock then).
impl Drop for IdleLane<'_> {
    fn drop(&mut self) {
        let wake = &self.cell.wake;
        // Unlocked first: the task, woken after the check, finds the lock
        // free, or held by a poller that makes this check in its turn.
        drop(self.future.take());
        fence(Ordering::SeqCst);
        if wake.notified.load(Ordering::SeqCst) {
            wake.task.notify_one();
        }
    }
}

/// Polls a lane's loop; a panic outside the handlers (which are caught where
/// they run) ends the lane, as it ended the lane's task before.
fn poll(future: &mut BoxFuture<'static, ()>, waker: &Waker) -> Polled {
    let mut cx = Context::from_waker(waker);
    match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(&mut cx))) {
        Ok(Poll::Pending) => Polled::Running,
        // Dropping the loop (after a panic) counts its messages done and
        // closes its queues; a loop that ended is never polled again.
        Ok(Poll::Ready(())) | Err(_) => {
            *future = Box::pin(std::future::poll_fn(|_| Poll::Ready(())));
            Polled::Ended
        }
    }
}

/// The lane's task: polls the lane whenever it is woken, until its loop ends.
pub(crate) async fn drive(cell: Arc<LaneCell>) {
    loop {
        if let Some(mut lane) = cell.try_lock()
            && let Some(future) = &mut lane.future
        {
            cell.wake.notified.store(false, Ordering::SeqCst);
            if poll(future, &cell.waker) == Polled::Ended {
                return;
            }
        }
        cell.wake.task.notified().await;
    }
}

/// Numbers lanes, for [`take_handed`].
pub(crate) fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A future that is pending once, without registering a waker: whoever
/// polls the lane next (a publisher handing it a message, or its task woken
/// by a queue or a timer it waits on) resumes it.
pub(super) fn pause() -> impl Future<Output = ()> {
    let mut paused = false;
    std::future::poll_fn(move |_| {
        if paused {
            Poll::Ready(())
        } else {
            paused = true;
            Poll::Pending
        }
    })
}

/// A future that yields the message handed to lane `id`, if any; it never
/// registers a waker, because a message is only handed over right before
/// the lane is polled.
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

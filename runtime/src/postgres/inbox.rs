//! The transactional inbox: a subscriber that takes `&mut PgConnection`
//! runs inside a transaction that also records the message as handled.
//!
//! For each attempt the bus begins a transaction and, in one statement,
//! takes a transaction-level advisory lock on the message and inserts its
//! record. Then:
//!
//! - the lock is held elsewhere: another member is handling this message
//!   right now; the attempt is "later" (looked at again, no retry spent);
//! - the record exists: the message was handled and committed before; the
//!   transaction is rolled back and the delivery acknowledged;
//! - otherwise the handler runs in the transaction. It commits if the
//!   handler succeeds, and rolls back (its writes and the record) if it
//!   fails or panics, so the retry starts from a clean state.
//!
//! A crash at any point leaves both the handler's writes and the record, or
//! neither: PostgreSQL rolls back the transaction of a connection that died.

use std::ops::{Deref, DerefMut};
use std::sync::Mutex;

use sqlx::{PgConnection, Postgres, Transaction};

use super::{PgError, PgStore, failed};
use crate::error::{DeliveryError, Error};
use crate::handler::{Delivery, FromDeliveryMut};
use crate::idempotency::IdempotencyKey;

/// Where the bus keeps an attempt's transaction while the handler borrows it.
pub(crate) type Slot = Mutex<Option<Transaction<'static, Postgres>>>;

/// How an inbox attempt starts.
pub(crate) enum Begun {
    /// The handler runs in this transaction.
    Transaction(Transaction<'static, Postgres>),
    /// The message was handled and committed before.
    Duplicate,
    /// Another delivery is handling it right now.
    Busy,
}

impl PgStore {
    /// Begins an attempt's transaction and records `key` in it (no record
    /// for a subscriber whose guard is off).
    pub(crate) async fn begin(&self, key: Option<&IdempotencyKey<'_>>) -> Result<Begun, PgError> {
        self.ready().await?;
        let mut tx = self.inner.pool.begin().await.map_err(failed("begin a transaction"))?;
        let Some(key) = key else { return Ok(Begun::Transaction(tx)) };
        let (held, recorded): (bool, bool) = sqlx::query_as(&self.inner.sql.inbox)
            .bind(key.scope)
            .bind(key.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(failed("record the message in the inbox"))?;
        Ok(match (held, recorded) {
            (true, true) => Begun::Transaction(tx),
            (true, false) => Begun::Duplicate,
            (false, _) => Begun::Busy,
        })
    }
}

/// Commits the attempt's transaction after the handler succeeded.
pub(crate) async fn commit(slot: Slot) -> Result<(), Error> {
    let tx = slot.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    match tx {
        Some(tx) => tx.commit().await.map_err(|source| {
            Error::new(PgError::Query { action: "commit the handler's transaction", source })
        }),
        None => Err(Error::new(DeliveryError::TransactionLost)),
    }
}

/// Rolls the attempt's transaction back after the handler failed.
pub(crate) async fn roll_back(slot: Slot) {
    let tx = slot.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(tx) = tx
        && let Err(error) = tx.rollback().await
    {
        // The connection is gone, and the transaction with it.
        tracing::debug!(error = %crate::util::Chain(&error), "rolling back a failed handler's transaction failed");
    }
}

/// The transaction a subscriber borrows for one call: it derefs to the
/// driver's [`PgConnection`], so the subscriber's own queries run in it.
///
/// The bus commits it after the subscriber returns `Ok`, and rolls it back
/// after an error or a panic; the subscriber does neither.
pub struct Lent<'a> {
    slot: &'a Slot,
    tx: Option<Transaction<'static, Postgres>>,
}

impl std::fmt::Debug for Lent<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lent").finish_non_exhaustive()
    }
}

impl Deref for Lent<'_> {
    type Target = PgConnection;

    fn deref(&self) -> &PgConnection {
        self.tx.as_deref().expect("the transaction is lent until the guard drops")
    }
}

impl DerefMut for Lent<'_> {
    fn deref_mut(&mut self) -> &mut PgConnection {
        self.tx.as_deref_mut().expect("the transaction is lent until the guard drops")
    }
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        let mut slot = self.slot.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *slot = self.tx.take();
    }
}

/// A subscriber that takes `&mut PgConnection` runs in the inbox's
/// transaction (`.inbox(pg)` on the bus).
impl FromDeliveryMut for PgConnection {
    type Lent<'a> = Lent<'a>;

    fn lend<'a>(delivery: &Delivery<'a>) -> Result<Lent<'a>, Error> {
        let slot = delivery
            .transaction
            .ok_or(Error::permanent(DeliveryError::NoInbox { subscriber: delivery.subscriber }))?;
        let tx = slot.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        match tx {
            Some(tx) => Ok(Lent { slot, tx: Some(tx) }),
            None => Err(Error::new(DeliveryError::TransactionLost)),
        }
    }
}

//! A coarse monotonic clock for bookkeeping that needs milliseconds, not
//! nanoseconds: the in-memory store's leases and retention.
//!
//! On Linux it reads `CLOCK_MONOTONIC_COARSE`, the kernel's last timer tick
//! (a few nanoseconds, no hardware clock read); elsewhere `Instant`.

use std::time::Duration;

/// Milliseconds on a monotonic clock with an arbitrary origin.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(crate) fn coarse_millis() -> u64 {
    use rustix::time::{ClockId, clock_gettime};
    let now = clock_gettime(ClockId::MonotonicCoarse);
    now.tv_sec as u64 * 1_000 + now.tv_nsec as u64 / 1_000_000
}

/// How far [`coarse_millis`] may lag the precise clock: one timer tick.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(crate) fn coarse_lag() -> Duration {
    use rustix::time::{ClockId, clock_getres};
    let resolution = clock_getres(ClockId::MonotonicCoarse);
    Duration::new(resolution.tv_sec as u64, resolution.tv_nsec as u32)
}

/// Milliseconds on a monotonic clock with an arbitrary origin.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(crate) fn coarse_millis() -> u64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_millis() as u64
}

/// How far [`coarse_millis`] may lag the precise clock.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(crate) fn coarse_lag() -> Duration {
    Duration::from_millis(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coarse_clock_follows_the_precise_one_within_its_lag() {
        let lag = coarse_lag().as_millis() as u64 + 1;
        let start = std::time::Instant::now();
        let coarse_start = coarse_millis();
        std::thread::sleep(Duration::from_millis(50));
        let coarse = coarse_millis() - coarse_start;
        let precise = start.elapsed().as_millis() as u64;
        assert!(
            coarse + 2 * lag >= precise && coarse <= precise + 2 * lag,
            "{coarse} vs {precise} ms"
        );
    }
}

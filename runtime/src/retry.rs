//! Retry policies: immediate retries, fixed delays, exponential backoff.

use std::time::Duration;

/// How often and how soon a failed delivery is tried again before it goes to
/// the dead-letter destination.
///
/// Set per subscriber (`#[subscriber(retries = 5, backoff = "exponential")]`)
/// or as the bus default ([`BusBuilder::retry_policy`](crate::BusBuilder::retry_policy)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Attempts after the first; 0 sends a failure straight to the dead letters.
    pub max_retries: u32,
    /// The wait before each retry.
    pub backoff: Backoff,
}

impl Default for RetryPolicy {
    /// Three retries with exponential backoff from 100 ms, doubling, at most
    /// 10 s, with jitter.
    fn default() -> Self {
        Self { max_retries: 3, backoff: Backoff::DEFAULT_EXPONENTIAL }
    }
}

impl RetryPolicy {
    /// No retries: the first failure is dead-lettered.
    pub const NONE: RetryPolicy = RetryPolicy { max_retries: 0, backoff: Backoff::Immediate };

    /// `max_retries` retries, each at once.
    pub const fn immediate(max_retries: u32) -> Self {
        Self { max_retries, backoff: Backoff::Immediate }
    }

    /// The wait before retry number `retry` (1 for the first retry).
    pub fn delay(&self, retry: u32) -> Duration {
        self.backoff.delay(retry)
    }

    /// Whether the policy can work: waits of at most [`Backoff::MAX_DELAY`],
    /// an exponential factor of at least 1, and `max` not below `initial`.
    pub fn validate(&self) -> Result<(), String> {
        self.backoff.validate()
    }
}

/// The wait before a retry.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Backoff {
    /// Retry at once.
    Immediate,
    /// Wait the same time before every retry.
    Fixed(Duration),
    /// Wait `initial`, then `factor` times longer for each further retry, never
    /// more than `max`.
    Exponential {
        /// The wait before the first retry.
        initial: Duration,
        /// The growth per retry (2.0 doubles).
        factor: f64,
        /// The longest wait.
        max: Duration,
        /// Randomise each wait to between half and all of it, so many
        /// consumers failing together do not retry in lockstep.
        jitter: bool,
    },
}

impl Backoff {
    /// Exponential from 100 ms, doubling, at most 10 s, with jitter.
    pub const DEFAULT_EXPONENTIAL: Backoff = Backoff::exponential(None, None, None, None);

    /// The longest wait a backoff may ask for: a day.
    pub const MAX_DELAY: Duration = Duration::from_secs(24 * 60 * 60);

    /// An exponential backoff with [`DEFAULT_EXPONENTIAL`](Self::DEFAULT_EXPONENTIAL)'s
    /// value for each part not given; what `#[subscriber(backoff = exponential(...))]` builds.
    pub const fn exponential(
        initial: Option<Duration>,
        factor: Option<f64>,
        max: Option<Duration>,
        jitter: Option<bool>,
    ) -> Self {
        Backoff::Exponential {
            initial: match initial {
                Some(initial) => initial,
                None => Duration::from_millis(100),
            },
            factor: match factor {
                Some(factor) => factor,
                None => 2.0,
            },
            max: match max {
                Some(max) => max,
                None => Duration::from_secs(10),
            },
            jitter: match jitter {
                Some(jitter) => jitter,
                None => true,
            },
        }
    }

    /// Whether the backoff can work (see [`RetryPolicy::validate`]).
    pub fn validate(&self) -> Result<(), String> {
        let too_long = |what: &str, delay: Duration| {
            (delay > Self::MAX_DELAY).then(|| {
                format!("{what} {delay:?} is longer than the longest wait, {:?}", Self::MAX_DELAY)
            })
        };
        match *self {
            Backoff::Immediate => Ok(()),
            Backoff::Fixed(delay) => too_long("the fixed delay", delay).map_or(Ok(()), Err),
            Backoff::Exponential { initial, factor, max, .. } => {
                if !(factor.is_finite() && factor >= 1.0) {
                    return Err("the exponential factor must be a finite number >= 1".into());
                }
                if max < initial {
                    return Err("the exponential `max` must not be below `initial`".into());
                }
                too_long("the exponential `max`", max).map_or(Ok(()), Err)
            }
        }
    }

    /// The wait before retry number `retry` (1 for the first retry).
    pub fn delay(&self, retry: u32) -> Duration {
        match *self {
            Backoff::Immediate => Duration::ZERO,
            Backoff::Fixed(delay) => delay,
            Backoff::Exponential { initial, factor, max, jitter } => {
                let exponent = retry.saturating_sub(1).min(64) as i32;
                let secs =
                    (initial.as_secs_f64() * factor.max(1.0).powi(exponent)).min(max.as_secs_f64());
                let delay = Duration::from_secs_f64(secs);
                if jitter { delay / 2 + delay.mul_f64(random_unit() / 2.0) } else { delay }
            }
        }
    }
}

/// A uniform number in `[0, 1)`.
fn random_unit() -> f64 {
    (crate::id::random_u64() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponential_backoff_grows_by_factor_and_caps_at_max() {
        let backoff = Backoff::Exponential {
            initial: Duration::from_millis(100),
            factor: 2.0,
            max: Duration::from_millis(500),
            jitter: false,
        };
        let delays: Vec<u128> = (1..=5).map(|n| backoff.delay(n).as_millis()).collect();
        assert_eq!(delays, [100, 200, 400, 500, 500]);
    }

    #[test]
    fn jitter_keeps_the_delay_between_half_and_all_of_it() {
        for retry in 1..200 {
            let delay = Backoff::DEFAULT_EXPONENTIAL.delay(retry % 4 + 1);
            let full = Backoff::Exponential {
                initial: Duration::from_millis(100),
                factor: 2.0,
                max: Duration::from_secs(10),
                jitter: false,
            }
            .delay(retry % 4 + 1);
            assert!(
                delay >= full / 2 && delay <= full,
                "{delay:?} not in [{:?}, {full:?}]",
                full / 2
            );
        }
    }

    #[test]
    fn immediate_and_fixed_do_not_grow() {
        assert_eq!(Backoff::Immediate.delay(7), Duration::ZERO);
        assert_eq!(Backoff::Fixed(Duration::from_millis(30)).delay(9), Duration::from_millis(30));
    }
}

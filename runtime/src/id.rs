//! Event ids and timestamps, made together from one clock reading.

use std::cell::Cell;
use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

use uuid::Uuid;

/// A fresh UUIDv7 and the clock reading it carries.
///
/// The 74 random bits come from a per-thread generator seeded from the
/// operating system once per thread: a syscall per id would cost more than
/// the rest of a publish.
///
/// The id is put together as one 128-bit number (RFC 9562: 48 bits of
/// milliseconds, the version, 12 random bits, the variant, 62 random bits),
/// not byte by byte: the envelope copies it in wider pieces than bytes right
/// after, which would have to wait for every byte to be written.
#[inline]
pub(crate) fn now_v7() -> (Uuid, SystemTime) {
    let (now, millis) = wall_clock();
    let random = random_u64();
    let rand_a = u128::from(random >> 52); // 12 bits
    let rand_b = u128::from(random_u64() >> 2); // 62 bits
    let id = (u128::from(millis & 0xffff_ffff_ffff) << 80)
        | (0x7 << 76)
        | (rand_a << 64)
        | (0b10 << 62)
        | rand_b;
    (Uuid::from_u128(id), now)
}

/// The wall clock, and the same reading in milliseconds since the Unix epoch.
#[cfg(any(target_os = "linux", target_os = "android"))]
#[inline]
fn wall_clock() -> (SystemTime, u64) {
    use rustix::time::{ClockId, clock_gettime};
    // One reading, taken apart without `duration_since`'s checks and its
    // 128-bit division (a third of an id's cost otherwise).
    let now = clock_gettime(ClockId::Realtime);
    match (u64::try_from(now.tv_sec), u32::try_from(now.tv_nsec)) {
        (Ok(secs), Ok(nanos)) if nanos < 1_000_000_000 => (
            UNIX_EPOCH + std::time::Duration::new(secs, nanos),
            secs * 1_000 + u64::from(nanos / 1_000_000),
        ),
        // A clock set before 1970.
        _ => (SystemTime::now(), 0),
    }
}

/// The wall clock, and the same reading in milliseconds since the Unix epoch.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn wall_clock() -> (SystemTime, u64) {
    let now = SystemTime::now();
    (now, now.duration_since(UNIX_EPOCH).map_or(0, |since| since.as_millis() as u64))
}

/// A uniform random `u64` from a per-thread SplitMix64 generator.
#[inline]
pub(crate) fn random_u64() -> u64 {
    thread_local! {
        static STATE: Cell<u64> = Cell::new({
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u64(0x9e37_79b9_7f4a_7c15);
            hasher.finish()
        });
    }
    STATE.with(|state| {
        let next = state.get().wrapping_add(0x9e37_79b9_7f4a_7c15);
        state.set(next);
        let mut z = next;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_version_7_unique_and_carry_their_timestamp() {
        let mut seen = HashSet::new();
        for _ in 0..100_000 {
            let (id, at) = now_v7();
            let at = at.duration_since(std::time::UNIX_EPOCH).expect("after 1970");
            assert_eq!(id.get_version_num(), 7);
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
            let (secs, nanos) = id.get_timestamp().expect("v7 has a timestamp").to_unix();
            assert_eq!(secs, at.as_secs());
            assert_eq!(nanos / 1_000_000, at.subsec_millis());
            assert!(seen.insert(id), "duplicate id {id}");
        }
    }
}

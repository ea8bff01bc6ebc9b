//! RFC 3339 timestamps, to and from [`SystemTime`], in UTC.
//!
//! An envelope's `timestamp` is written as `2026-01-15T10:00:00.123456Z`:
//! UTC, with as many digits of the second's fraction as it needs (none for
//! a whole second). Reading accepts what RFC 3339 allows: any offset
//! (converted to UTC), a fraction of any length (digits past the ninth are
//! dropped), `z` for `Z`, any one character between the date and the time,
//! and a leap second (`23:59:60` at the end of a month, in UTC), read as the
//! last nanosecond before the next minute.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SECONDS_PER_DAY: i64 = 86_400;

/// The years RFC 3339 can write.
pub(crate) const YEARS: std::ops::RangeInclusive<i64> = 0..=9999;

/// `at` as RFC 3339 text in UTC; `None` outside the years 0 to 9999, which
/// RFC 3339 cannot write.
///
/// Written digit by digit, without `fmt` and 128-bit arithmetic: every
/// event sent through a broker is written once.
pub(crate) fn format(at: SystemTime) -> Option<String> {
    let (seconds, fraction) = unix_seconds(at)?;
    let (year, month, day) = civil_from_days(seconds.div_euclid(SECONDS_PER_DAY));
    if !YEARS.contains(&year) {
        return None;
    }
    let of_day = seconds.rem_euclid(SECONDS_PER_DAY) as u32;
    let mut text = String::with_capacity(30);
    push_digits(&mut text, year as u32, 4);
    text.push('-');
    push_digits(&mut text, month, 2);
    text.push('-');
    push_digits(&mut text, day, 2);
    text.push('T');
    push_digits(&mut text, of_day / 3600, 2);
    text.push(':');
    push_digits(&mut text, of_day / 60 % 60, 2);
    text.push(':');
    push_digits(&mut text, of_day % 60, 2);
    if fraction != 0 {
        // As many digits as the fraction needs: trailing zeros dropped.
        let (mut fraction, mut width) = (fraction, 9);
        while fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
        text.push('.');
        push_digits(&mut text, fraction, width);
    }
    text.push('Z');
    Some(text)
}

/// Writes `value`'s last `width` decimal digits, zero-padded.
fn push_digits(text: &mut String, value: u32, width: u32) {
    let mut divisor = 10u32.pow(width - 1);
    while divisor > 0 {
        text.push(char::from(b'0' + (value / divisor % 10) as u8));
        divisor /= 10;
    }
}

/// Why a text is not an RFC 3339 timestamp.
pub(crate) type ParseError = &'static str;

/// Reads RFC 3339 text (see the module's docs for what is accepted).
pub(crate) fn parse(text: &str) -> Result<SystemTime, ParseError> {
    let mut input = Input(text.as_bytes());
    let year = i64::from(input.digits(4).ok_or("expected a four-digit year")?);
    input.literal(b'-')?;
    let month = input.digits(2).ok_or("expected a two-digit month")?;
    input.literal(b'-')?;
    let day = input.digits(2).ok_or("expected a two-digit day")?;
    if !(1..=12).contains(&month) {
        return Err("the month is not 1 to 12");
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err("the day is not in the month");
    }
    input.skip_one().ok_or("expected the time after the date")?;
    let hour = input.digits(2).ok_or("expected a two-digit hour")?;
    input.literal(b':')?;
    let minute = input.digits(2).ok_or("expected two-digit minutes")?;
    input.literal(b':')?;
    let second = input.digits(2).ok_or("expected two-digit seconds")?;
    if hour > 23 || minute > 59 || second > 60 {
        return Err("the time of day is out of range");
    }
    let mut fraction: u32 = 0;
    if input.eat(b'.') {
        let mut scale = 100_000_000;
        let first = input.digit().ok_or("expected a digit after the decimal point")?;
        fraction += first * scale;
        while let Some(digit) = input.digit() {
            scale /= 10;
            fraction += digit * scale;
        }
    }
    let offset_seconds = if input.eat(b'Z') || input.eat(b'z') {
        0
    } else {
        let sign = match input.next() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Err("expected `Z` or an offset like `+02:00`"),
        };
        let hours = input.digits(2).ok_or("expected a two-digit offset hour")?;
        input.literal(b':')?;
        let minutes = input.digits(2).ok_or("expected two-digit offset minutes")?;
        if hours > 23 || minutes > 59 {
            return Err("the offset is out of range");
        }
        sign * i64::from(hours * 3600 + minutes * 60)
    };
    if !input.0.is_empty() {
        return Err("unexpected text after the timestamp");
    }
    let leap = second == 60;
    let local = days_from_civil(year, month, day) * SECONDS_PER_DAY
        + i64::from(hour * 3600 + minute * 60 + second.min(59));
    let utc = local - offset_seconds;
    if leap {
        // A leap second stands for the last nanosecond of 23:59:59 UTC on
        // the last day of a month.
        let (utc_year, utc_month, utc_day) = civil_from_days(utc.div_euclid(SECONDS_PER_DAY));
        let last_of_month = utc_day == days_in_month(utc_year, utc_month);
        if !(last_of_month && utc.rem_euclid(SECONDS_PER_DAY) == SECONDS_PER_DAY - 1) {
            return Err("a leap second is only 23:59:60 UTC at the end of a month");
        }
        fraction = 999_999_999;
    }
    let whole = match u64::try_from(utc) {
        Ok(after) => UNIX_EPOCH.checked_add(Duration::from_secs(after)),
        Err(_) => UNIX_EPOCH.checked_sub(Duration::from_secs(utc.unsigned_abs())),
    };
    whole
        .and_then(|whole| whole.checked_add(Duration::from_nanos(u64::from(fraction))))
        .ok_or("out of range for this system's clock")
}

/// The UTC year of `at`; `None` if the clock cannot say.
pub(crate) fn year(at: SystemTime) -> Option<i64> {
    let (seconds, _) = unix_seconds(at)?;
    Some(civil_from_days(seconds.div_euclid(SECONDS_PER_DAY)).0)
}

/// Whole seconds since the Unix epoch (negative before it), and the
/// nanoseconds past them.
fn unix_seconds(at: SystemTime) -> Option<(i64, u32)> {
    match at.duration_since(UNIX_EPOCH) {
        Ok(after) => Some((i64::try_from(after.as_secs()).ok()?, after.subsec_nanos())),
        Err(before) => {
            let before = before.duration();
            let seconds = i64::try_from(before.as_secs()).ok()?;
            match before.subsec_nanos() {
                0 => Some((-seconds, 0)),
                nanos => Some((-seconds - 1, 1_000_000_000 - nanos)),
            }
        }
    }
}

/// Nanoseconds since the Unix epoch (negative before it).
#[cfg(feature = "postgres")]
pub(crate) fn unix_nanos(at: SystemTime) -> Option<i128> {
    match at.duration_since(UNIX_EPOCH) {
        Ok(after) => Some(i128::try_from(after.as_nanos()).ok()?),
        Err(before) => Some(-i128::try_from(before.duration().as_nanos()).ok()?),
    }
}

/// The time `nanos` nanoseconds after the Unix epoch (before it if
/// negative); `None` if this system's clock cannot hold it.
pub(crate) fn from_unix_nanos(nanos: i128) -> Option<SystemTime> {
    let seconds = u64::try_from(nanos.unsigned_abs() / 1_000_000_000).ok()?;
    let span = Duration::new(seconds, (nanos.unsigned_abs() % 1_000_000_000) as u32);
    if nanos >= 0 { UNIX_EPOCH.checked_add(span) } else { UNIX_EPOCH.checked_sub(span) }
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The proleptic Gregorian date of day `days` after 1970-01-01 (before it
/// if negative), by Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The inverse of [`civil_from_days`].
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// What is left of a text being read.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn skip_one(&mut self) -> Option<()> {
        self.next().map(drop)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.0.first() == Some(&byte);
        if found {
            self.0 = &self.0[1..];
        }
        found
    }

    fn literal(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.eat(byte) {
            return Ok(());
        }
        Err(match byte {
            b'-' => "expected `-` in the date",
            _ => "expected `:` in the time",
        })
    }

    fn digit(&mut self) -> Option<u32> {
        let digit = self.0.first().filter(|byte| byte.is_ascii_digit())?;
        let value = u32::from(digit - b'0');
        self.0 = &self.0[1..];
        Some(value)
    }

    /// Exactly `count` digits, as a number.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let mut value = 0;
        for _ in 0..count {
            value = value * 10 + self.digit()?;
        }
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64, nanos: u32) -> SystemTime {
        from_unix_nanos(i128::from(seconds) * 1_000_000_000 + i128::from(nanos)).expect("in range")
    }

    #[test]
    fn writes_utc_with_the_digits_the_fraction_needs() {
        assert_eq!(format(at(0, 0)).as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(
            format(at(1_768_471_200, 123_456_000)).as_deref(),
            Some("2026-01-15T10:00:00.123456Z")
        );
        assert_eq!(format(at(951_782_400, 500_000_000)).as_deref(), Some("2000-02-29T00:00:00.5Z"));
        assert_eq!(format(at(-1, 999_999_999)).as_deref(), Some("1969-12-31T23:59:59.999999999Z"));
        assert_eq!(format(at(-62_167_219_200, 0)).as_deref(), Some("0000-01-01T00:00:00Z"));
        assert_eq!(format(at(-62_167_219_201, 0)), None, "year -1");
        assert_eq!(format(at(253_402_300_800, 0)), None, "year 10000");
    }

    #[test]
    fn reads_offsets_fractions_and_leap_seconds() {
        let noon = at(1_768_478_400, 0);
        assert_eq!(parse("2026-01-15T12:00:00Z"), Ok(noon));
        assert_eq!(parse("2026-01-15t12:00:00z"), Ok(noon));
        assert_eq!(parse("2026-01-15 14:30:00+02:30"), Ok(noon));
        assert_eq!(parse("2026-01-15T01:00:00-11:00"), Ok(noon));
        assert_eq!(parse("2026-01-15T12:00:00.1234567891234Z"), Ok(at(1_768_478_400, 123_456_789)));
        assert_eq!(parse("2016-12-31T23:59:60Z"), Ok(at(1_483_228_799, 999_999_999)));
        assert_eq!(parse("2017-01-01T00:59:60+01:00"), Ok(at(1_483_228_799, 999_999_999)));
        for bad in [
            "",
            "2026-01-15",
            "2026-01-15T12:00:00",
            "2026-1-15T12:00:00Z",
            "2026-02-29T12:00:00Z",
            "2026-13-01T12:00:00Z",
            "2026-01-15T24:00:00Z",
            "2026-01-15T12:00:00.Z",
            "2026-01-15T12:00:00+24:00",
            "2026-01-15T12:00:00+02:60",
            "2026-01-15T12:00:00+0200",
            "2026-01-15T12:00:00Z ",
            "2026-01-15T12:00:60Z",
            "+2026-01-15T12:00:00Z",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn what_is_written_reads_back() {
        // Days across four centuries, with fractions of every length.
        let mut seconds: i64 = -62_167_219_200;
        let mut nanos: u32 = 0;
        while seconds < 253_402_300_800 {
            let time = at(seconds, nanos);
            let text = format(time).expect("in range");
            assert_eq!(parse(&text), Ok(time), "{text}");
            seconds += 86_400 * 37 + 3_607;
            nanos = (nanos + 123_456_789) % 1_000_000_000 / 10u32.pow(seconds as u32 % 9);
        }
    }
}

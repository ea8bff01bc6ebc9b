//! [`Key`]: an event's ordering key, kept inside its envelope when short.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// An event's ordering key: events with the same key are handled in order.
///
/// A key of up to 22 bytes (any integer, most ids) is kept inline, inside
/// the envelope, so a keyed publish allocates nothing for its key; a longer
/// one is shared (`Arc<str>`). It dereferences to `str`, and compares and
/// hashes as its text.
///
/// ```
/// use evently::Key;
/// let key = Key::from("user-7");
/// assert_eq!(&*key, "user-7");
/// assert_eq!(key, Key::from(String::from("user-7")));
/// ```
#[derive(Clone)]
pub struct Key(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Shared(Arc<str>),
}

/// The longest key kept inline, in bytes: with its length, 23 bytes, the
/// size of the shared form and its tag.
const INLINE: usize = 22;

impl Key {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only whole `str`s are copied in, so this cannot fail.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).expect("a key is UTF-8")
            }
            Repr::Shared(text) => text,
        }
    }

    /// The `Display` form of `value` as a key, written without a `String`
    /// in between: what `#[event(key = field)]` calls.
    pub fn display<T: fmt::Display + ?Sized>(value: &T) -> Self {
        let mut writer = Writer { bytes: [0; INLINE], len: 0, spilled: None };
        fmt::write(&mut writer, format_args!("{value}")).expect("writing to memory cannot fail");
        match writer.spilled {
            Some(spilled) => Self(Repr::Shared(Arc::from(spilled))),
            // `len` fits: it is at most `INLINE`.
            None => Self(Repr::Inline { len: writer.len as u8, bytes: writer.bytes }),
        }
    }

    /// `text` copied inline, if it fits.
    fn inline(text: &str) -> Option<Self> {
        let mut bytes = [0; INLINE];
        bytes.get_mut(..text.len())?.copy_from_slice(text.as_bytes());
        // `len` fits: it is at most `INLINE`.
        Some(Self(Repr::Inline { len: text.len() as u8, bytes }))
    }

    /// An integer's decimal digits, after a `-` if `negative`: at most 20
    /// bytes, kept inline. Written from the end, then moved to the front.
    fn integer(magnitude: u64, negative: bool) -> Self {
        let mut bytes = [0; INLINE];
        let mut at = INLINE;
        let mut rest = magnitude;
        loop {
            at -= 1;
            bytes[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if negative {
            at -= 1;
            bytes[at] = b'-';
        }
        bytes.copy_within(at.., 0);
        Self(Repr::Inline { len: (INLINE - at) as u8, bytes })
    }
}

// Integers are written digit by digit, without the formatting machinery
// `display` goes through: what `#[event(key = field)]` calls for a field
// of a 64-bit or smaller integer type.
macro_rules! from_integer {
    (unsigned: $($unsigned:ty),*; signed: $($signed:ty),*) => {
        $(impl From<$unsigned> for Key {
            fn from(value: $unsigned) -> Self {
                Self::integer(value as u64, false)
            }
        })*
        $(impl From<$signed> for Key {
            fn from(value: $signed) -> Self {
                Self::integer((value as i64).unsigned_abs(), value < 0)
            }
        })*
    };
}

from_integer!(unsigned: u8, u16, u32, u64, usize; signed: i8, i16, i32, i64, isize);

/// Up to [`INLINE`] bytes in place, then a `String`.
struct Writer {
    bytes: [u8; INLINE],
    len: usize,
    spilled: Option<String>,
}

impl fmt::Write for Writer {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        if let Some(spilled) = &mut self.spilled {
            spilled.push_str(piece);
            return Ok(());
        }
        let end = self.len + piece.len();
        match self.bytes.get_mut(self.len..end) {
            Some(room) => {
                room.copy_from_slice(piece.as_bytes());
                self.len = end;
            }
            None => {
                let written = std::str::from_utf8(&self.bytes[..self.len]).expect("a key is UTF-8");
                let mut spilled = String::with_capacity(end.max(2 * INLINE));
                spilled.push_str(written);
                spilled.push_str(piece);
                self.spilled = Some(spilled);
            }
        }
        Ok(())
    }
}

impl From<&str> for Key {
    fn from(text: &str) -> Self {
        Self::inline(text).unwrap_or_else(|| Self(Repr::Shared(Arc::from(text))))
    }
}

impl From<String> for Key {
    fn from(text: String) -> Self {
        Self::inline(&text).unwrap_or_else(|| Self(Repr::Shared(text.into())))
    }
}

impl From<Arc<str>> for Key {
    fn from(text: Arc<str>) -> Self {
        Self::inline(&text).unwrap_or(Self(Repr::Shared(text)))
    }
}

impl Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Key {}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Hashed as its text, so that a map keyed by `Key` is looked up by `&str`.
impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_inline_and_long_ones_shared_with_the_same_text() {
        for text in
            ["", "7", "18446744073709551615", "twenty-two bytes, exa", "twenty-two bytes, exac"]
        {
            let key = Key::from(text);
            assert!(matches!(key.0, Repr::Inline { .. }), "{text:?} is {} bytes", text.len());
            assert_eq!(key.as_str(), text);
        }
        let long = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        for key in [Key::from(long), Key::from(long.to_owned()), Key::from(Arc::<str>::from(long))]
        {
            assert!(matches!(key.0, Repr::Shared(_)));
            assert_eq!(key.as_str(), long);
        }
    }

    #[test]
    fn a_displayed_key_is_its_display_form_however_long() {
        assert_eq!(Key::display(&42_u64).as_str(), "42");
        assert_eq!(Key::display(&u64::MAX).as_str(), u64::MAX.to_string());
        assert_eq!(Key::display(&-1.5_f64).as_str(), "-1.5");
        let uuid = uuid::Uuid::from_u128(0x3f25_04e0_4f89_11d3_9a0c_0305_e82c_3301);
        assert_eq!(Key::display(&uuid).as_str(), uuid.to_string());
        // Written in three pieces, the last of which no longer fits.
        struct Pieces;
        impl fmt::Display for Pieces {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("order-")?;
                f.write_str("1234567890")?;
                f.write_str("-line-0042")
            }
        }
        assert_eq!(Key::display(&Pieces).as_str(), "order-1234567890-line-0042");
        let long = "é".repeat(40);
        assert_eq!(Key::display(long.as_str()).as_str(), long);
        assert!(matches!(Key::display(&7_u8).0, Repr::Inline { .. }));
    }

    #[test]
    fn an_integer_key_is_its_decimal_form() {
        for value in [0_i64, 7, -7, 42, i64::MAX, i64::MIN, -1_000_000] {
            assert_eq!(Key::from(value).as_str(), value.to_string());
        }
        for value in [0_u64, 9, 10, 99, 100, u64::MAX] {
            assert_eq!(Key::from(value).as_str(), value.to_string());
        }
        assert_eq!(Key::from(u8::MAX).as_str(), "255");
        assert_eq!(Key::from(i8::MIN).as_str(), "-128");
        assert_eq!(Key::from(usize::MAX).as_str(), usize::MAX.to_string());
        assert_eq!(Key::from(isize::MIN).as_str(), isize::MIN.to_string());
    }

    #[test]
    fn keys_compare_and_hash_as_their_text() {
        use std::collections::HashMap;
        let mut map = HashMap::new();
        map.insert(Key::from("a".repeat(30)), 1);
        map.insert(Key::from("b"), 2);
        assert_eq!(map.get("a".repeat(30).as_str()), Some(&1));
        assert_eq!(map.get("b"), Some(&2));
        assert_eq!(Key::from("b"), Key::display("b"));
        assert_eq!(Key::from("x"), "x");
    }
}

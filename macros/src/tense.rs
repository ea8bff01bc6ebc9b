//! The past-tense check on event names.
//!
//! Events record what happened: `OrderPlaced`, not `PlaceOrder` (a command).
//! The check looks at the last word of the name: the part after the last
//! `.`, `_`, `-` or space, then its last capitalised word, without a
//! trailing version suffix like `V2`. The word passes if it ends in `ed` or is
//! a common irregular past participle. It is a heuristic, so it only warns.

/// Irregular past participles accepted as they are.
const IRREGULAR: &[&str] = &[
    "arisen",
    "awoken",
    "beaten",
    "become",
    "been",
    "begun",
    "bent",
    "bid",
    "bitten",
    "bled",
    "blown",
    "borne",
    "born",
    "bought",
    "bound",
    "bred",
    "broadcast",
    "broken",
    "brought",
    "built",
    "burnt",
    "bust",
    "cast",
    "caught",
    "chosen",
    "come",
    "cost",
    "crept",
    "cut",
    "dealt",
    "done",
    "drawn",
    "dreamt",
    "driven",
    "drunk",
    "dug",
    "dwelt",
    "eaten",
    "fallen",
    "fed",
    "felt",
    "fled",
    "flown",
    "forbidden",
    "forecast",
    "forgiven",
    "forgotten",
    "forsaken",
    "found",
    "frozen",
    "given",
    "gone",
    "got",
    "gotten",
    "grown",
    "held",
    "hidden",
    "hit",
    "hung",
    "hurt",
    "kept",
    "knelt",
    "known",
    "laid",
    "led",
    "left",
    "lent",
    "let",
    "lit",
    "lost",
    "made",
    "meant",
    "met",
    "mistaken",
    "overcome",
    "overdone",
    "overridden",
    "overrun",
    "overtaken",
    "overthrown",
    "paid",
    "proven",
    "put",
    "quit",
    "read",
    "rebuilt",
    "redone",
    "remade",
    "reset",
    "resent",
    "rewritten",
    "rid",
    "ridden",
    "risen",
    "run",
    "rung",
    "said",
    "sat",
    "seen",
    "sent",
    "set",
    "sewn",
    "shaken",
    "shed",
    "shone",
    "shot",
    "shown",
    "shrunk",
    "shut",
    "slain",
    "slept",
    "slid",
    "slit",
    "sold",
    "sought",
    "sown",
    "sped",
    "spent",
    "spilt",
    "spit",
    "split",
    "spoken",
    "spread",
    "sprung",
    "spun",
    "stolen",
    "stood",
    "struck",
    "stuck",
    "stung",
    "sunk",
    "swept",
    "sworn",
    "swum",
    "swung",
    "taken",
    "taught",
    "thought",
    "thrown",
    "told",
    "torn",
    "undergone",
    "understood",
    "undone",
    "upheld",
    "upset",
    "withdrawn",
    "withheld",
    "won",
    "worn",
    "wound",
    "woven",
    "written",
    "wrung",
];

/// The word the check looks at, lowercased.
pub(crate) fn last_word(name: &str) -> String {
    let part = name.rsplit(['.', '_', '-', ' ', ':', '/']).find(|p| !p.is_empty()).unwrap_or(name);
    // Drop a version suffix: `OrderPlacedV2` -> `OrderPlaced`.
    let trimmed = part.trim_end_matches(|c: char| c.is_ascii_digit());
    let part = if trimmed.len() < part.len() {
        trimmed.strip_suffix(['V', 'v']).filter(|p| !p.is_empty()).unwrap_or(trimmed)
    } else {
        part
    };
    let start =
        part.char_indices().rev().find(|(i, c)| c.is_uppercase() && *i > 0).map_or(0, |(i, _)| i);
    part[start..].to_lowercase()
}

/// Whether the name reads as past tense.
pub(crate) fn is_past_tense(name: &str) -> bool {
    let word = last_word(name);
    word.ends_with("ed") || IRREGULAR.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_tense_names_pass() {
        for name in [
            "OrderPlaced",
            "user.created",
            "UserCreated",
            "payment_failed",
            "EmailSent",
            "InvoicePaid",
            "order-shipped",
            "OrderPlacedV2",
            "user.name_changed",
            "ReportBuilt",
        ] {
            assert!(is_past_tense(name), "{name}");
        }
    }

    #[test]
    fn commands_and_nouns_are_flagged() {
        for name in ["PlaceOrder", "order.place", "CreateUser", "SendEmail", "UserUpdate", "Order"]
        {
            assert!(!is_past_tense(name), "{name}");
        }
    }
}

//! The cost of reading one event off the wire, next to decoding its data
//! alone, in one run.
//!
//! ```text
//! cargo bench -p evently-tests --bench decode
//! ```
//!
//! Every consumer decodes each message it receives: the envelope's fields
//! (id, type, version, timestamp, source, key) and then the data, by the
//! event type's own deserializer. This times `Envelope::from_json` on the
//! bytes the brokers benchmark sends (an evently envelope of a small event),
//! on the same event as a structured CloudEvent, and `serde_json` decoding
//! the data alone (the floor: what a consumer without an envelope does).
//! Rounds are interleaved; the best and the median round are printed.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use evently::Envelope;
use evently_tests::conformance::ConformanceChecked;

const DECODES: u32 = 200_000;
const ROUNDS: usize = 7;

fn event() -> ConformanceChecked {
    ConformanceChecked {
        run: "bench".into(),
        seq: 12_345,
        key: "k17".into(),
        fail: false,
        slow: false,
    }
}

/// A row: its name, the bytes decoded, and one round of decoding them.
type Row<'a> = (&'static str, &'a [u8], &'a dyn Fn(&[u8]) -> f64);

/// One round of decoding `payload` with `decode`, in ns per decode.
fn round<T>(payload: &[u8], decode: impl Fn(&[u8]) -> T) -> f64 {
    let start = Instant::now();
    for _ in 0..DECODES {
        black_box(decode(black_box(payload)));
    }
    start.elapsed().as_nanos() as f64 / f64::from(DECODES)
}

fn main() {
    let envelope = Envelope::builder(event()).source("bench").build();
    let evently = envelope.to_json().expect("encodes");
    let data = serde_json::to_vec(&event()).expect("encodes");
    let mut cloudevent: serde_json::Value = serde_json::from_slice(&evently).expect("parses");
    let fields = cloudevent.as_object_mut().expect("an object");
    let time = fields.remove("timestamp").expect("a timestamp");
    let key = fields.remove("key").expect("a key");
    fields.remove("version");
    fields.insert("specversion".into(), "1.0".into());
    fields.insert("time".into(), time);
    fields.insert("partitionkey".into(), key);
    fields.insert("datacontenttype".into(), "application/json".into());
    let cloudevent = serde_json::to_vec(&cloudevent).expect("encodes");

    let from_json =
        |bytes: &[u8]| Envelope::<ConformanceChecked>::from_json(bytes).expect("decodes");
    let data_alone =
        |bytes: &[u8]| serde_json::from_slice::<ConformanceChecked>(bytes).expect("decodes");
    let rows: [Row<'_>; 3] = [
        ("data alone (serde_json)", &data, &|bytes| round(bytes, data_alone)),
        ("evently envelope", &evently, &|bytes| round(bytes, from_json)),
        ("CloudEvents, structured", &cloudevent, &|bytes| round(bytes, from_json)),
    ];
    let mut samples = vec![Vec::new(); rows.len()];
    for (_, payload, run) in &rows {
        run(payload);
    }
    for _ in 0..ROUNDS {
        for (row, (_, payload, run)) in rows.iter().enumerate() {
            samples[row].push(run(payload));
        }
    }
    println!("decode one event, {DECODES} decodes a round, {ROUNDS} interleaved rounds");
    println!("{:<26} {:>6} {:>10} {:>10}", "payload", "bytes", "best ns", "median ns");
    for ((name, payload, _), samples) in rows.iter().zip(&samples) {
        let (best, median) = evently_tests::best_and_median(samples);
        println!("{name:<26} {:>6} {best:>10.1} {median:>10.1}", payload.len());
    }
}

//! Generates the events of the schema benchmark (`benches/schemas.rs`).
//!
//! Writes `$OUT_DIR/schema_bench_events.rs`: 250 modules `e000` to `e249`,
//! each with two versions of the event `bench.eNNN.recorded`: `V1`, a closed
//! struct of six fields, and `V2`, the same fields and an optional `note`.

use std::fmt::Write as _;
use std::path::PathBuf;

/// How many events are generated (two versions each).
const EVENTS: usize = 250;

/// The generated file, under `OUT_DIR`.
const FILE: &str = "schema_bench_events.rs";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut code = String::with_capacity(EVENTS * 1_100);
    for n in 0..EVENTS {
        if n > 0 {
            code.push('\n');
        }
        write_event(&mut code, n).expect("writing to a String does not fail");
    }
    let path = out_dir.join(FILE);
    if let Err(error) = std::fs::write(&path, code) {
        panic!("cannot write {}: {error}", path.display());
    }
}

/// Writes module `eNNN`: the two versions of event `bench.eNNN.recorded`.
fn write_event(code: &mut String, n: usize) -> std::fmt::Result {
    write!(
        code,
        r#"mod e{n:03} {{
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {{
        pub sku: String,
        pub quantity: u32,
    }}

    #[event(name = "bench.e{n:03}.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {{
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }}

    #[event(name = "bench.e{n:03}.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {{
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }}
}}
"#
    )
}

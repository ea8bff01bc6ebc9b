#![no_main]

#[path = "../events.rs"]
mod events;

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    evently::__private::fuzz::schema_compat(input);
});

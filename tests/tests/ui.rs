//! Compile-error tests of `#[event]` and `#[subscriber]`: each case in `ui/`
//! has the expected compiler output next to it (regenerate with
//! `TRYBUILD=overwrite cargo test -p evently-tests --test ui`).

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass_*.rs");
    cases.compile_fail("ui/event_*.rs");
    cases.compile_fail("ui/drift_*.rs");
    cases.compile_fail("ui/subscriber_*.rs");
    cases.compile_fail("ui/bus_*.rs");
}

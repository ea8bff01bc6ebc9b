//! Integration tests, compile-error tests and benchmarks of evently live in `tests/` and `benches/`.

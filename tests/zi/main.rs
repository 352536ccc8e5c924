//! The one integration-test binary of zi (`cargo test --test zi`): every
//! test runs the real `zi` through `harness`, on plans from `fixture`.

mod fixture;
mod harness;
mod snapshots;

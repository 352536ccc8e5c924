//! The one integration-test binary of zi (`cargo test --test zi`): every
//! test runs the real `zi` through `harness`, on plans from `fixture`, and
//! compares whole outputs, mostly as insta snapshots in `snapshots/`.
//!
//! Update the snapshots with `INSTA_UPDATE=always cargo test --test zi`,
//! then read `git diff tests/zi/snapshots/`.

#[macro_use]
mod macros;

mod fixture;
mod harness;
mod html;
mod realistic_plan;

mod broken;
mod browser;
mod commands;
mod diff;
mod fmt;
mod forge;
mod gate;
mod gate_fidelity;
mod hook;
mod init;
mod json;
mod languages;
mod layers;
mod lfs;
mod libreoffice;
mod linked;
mod named;
mod never_lose;
mod odd_files;
mod overdue;
mod people;
mod pipelines;
mod readme;
mod report;
mod score;
mod shipped;
mod snapshots;
mod spreadsheet;
mod start;
mod status;
mod target_times;
mod terminal;
mod tmux;
mod workspace;
mod workspace_init;
mod workspace_score;

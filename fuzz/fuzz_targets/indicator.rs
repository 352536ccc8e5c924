//! Loading an indicator file from arbitrary bytes, as `zi` does for every
//! file under `plan/`: bytes → text (binary and non-UTF-8 refused) → TOML →
//! indicator, then everything downstream that reads what the file said (its
//! schedule, its evidence matcher, its problems in both languages). None of
//! it may panic, and every problem must carry a hint
//! (`zi::fuzzing::indicator_file`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| zi::fuzzing::indicator_file(data));

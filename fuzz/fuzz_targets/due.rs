//! The `due` grammar on arbitrary text and plan years: it must give a value
//! or an error, never panic; an error must point inside the text; a value
//! printed and read again must be the same value (`zi::fuzzing::due_text`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((year, text)) = data.split_first_chunk::<2>() else { return };
    // Mostly sensible plan years, sometimes absurd ones (0, negative, > 9999).
    let plan_year = i32::from(i16::from_le_bytes(*year));
    let Ok(text) = std::str::from_utf8(text) else { return };
    zi::fuzzing::due_text(text, plan_year);
});

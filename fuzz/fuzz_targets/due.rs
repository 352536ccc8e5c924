//! The `due` grammar on arbitrary text and plan years: it must give a value
//! or an error, never panic; an error must point inside the text; a value
//! printed and read again must be the same value.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zi::model::due;
use zi::text::Lang;

fuzz_target!(|data: &[u8]| {
    let Some((year, text)) = data.split_first_chunk::<2>() else { return };
    // Mostly sensible plan years, sometimes absurd ones (0, negative, > 9999).
    let plan_year = i32::from(i16::from_le_bytes(*year));
    let Ok(text) = std::str::from_utf8(text) else { return };
    match due::parse(text, plan_year) {
        Ok(value) => {
            let printed = value.to_string();
            assert_eq!(due::parse(&printed, plan_year), Ok(value), "{text:?} printed as {printed:?}");
        }
        Err(e) => {
            assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{e:?} in {text:?}");
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            for lang in [Lang::En, Lang::Id] {
                assert!(!lang.catalogue().due_message(&e, text).is_empty());
                assert!(!lang.catalogue().due_hint(&e).is_empty());
            }
        }
    }
});

//! What the fuzz targets (`fuzz/`) drive: each function takes arbitrary
//! input and panics when zi would misbehave on it. They live here so that
//! nothing else of the library needs to be public: the tests run the binary.

use crate::judge::matcher::Matcher;
use crate::load::{indicator, source::Source};
use crate::model::due;
use crate::model::schedule::Schedule;
use crate::render::problems;
use crate::text;

/// An indicator file from arbitrary bytes, as zi reads every file under
/// `plan/`: bytes → text → TOML → indicator, then its schedule, its
/// evidence matcher and its problems in both languages. None of it may
/// panic, and every problem has a hint.
pub fn indicator_file(data: &[u8]) {
    const PATH: &str = "plan/1-area/1-component/1-indicator.toml";
    let mut found = Vec::new();
    let read = match Source::from_bytes(data.to_vec(), PATH.to_string()) {
        Ok(source) => indicator::parse(&source, 2022, &mut found),
        Err(d) => {
            found.push(d);
            None
        }
    };
    if let Some(read) = read {
        let schedule = Schedule::of(read.due.as_ref(), 2022);
        assert!(Matcher::new(&read.evidence).required() >= 1);
        assert!(schedule.periods().windows(2).all(|w| w[0].last < w[1].last));
    }
    for d in &found {
        assert_eq!(d.path, PATH);
        for lang in text::LANGUAGES {
            assert!(!problems::hint(d, lang).is_empty(), "{d:?}");
            assert!(!problems::problem(d, None, lang).is_empty());
        }
    }
}

/// The `due` grammar on arbitrary text and plan years: a value or an
/// error, never a panic; an error points inside the text and has words
/// in both languages; a value printed and read again is the same value.
pub fn due_text(text: &str, plan_year: i32) {
    match due::parse(text, plan_year) {
        Ok(value) => {
            let printed = value.to_string();
            assert_eq!(due::parse(&printed, plan_year), Ok(value), "{text:?} printed as {printed:?}");
        }
        Err(e) => {
            assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{e:?} in {text:?}");
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            for lang in text::LANGUAGES {
                assert!(!lang.catalogue().due_message(&e, text).is_empty());
                assert!(!lang.catalogue().due_hint(&e, plan_year).is_empty());
            }
        }
    }
}

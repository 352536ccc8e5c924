//! Loading an indicator file from arbitrary bytes, as `zi` does for every
//! file under `plan/`: bytes → text (binary and non-UTF-8 refused) → TOML →
//! indicator, then everything downstream that reads what the file said
//! (its schedule, its evidence matcher, the rendered diagnostics). None of it
//! may panic, and every diagnostic must carry a hint.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zi::judge::matcher::Matcher;
use zi::load::indicator;
use zi::load::source::Source;
use zi::model::schedule::Schedule;
use zi::render::problems;
use zi::text::Lang;

const PATH: &str = "plan/1-area/1-component/1-indicator.toml";

fuzz_target!(|data: &[u8]| {
    let mut found = Vec::new();
    let indicator = match Source::from_bytes(data.to_vec(), PATH.to_string()) {
        Ok(source) => indicator::parse(&source, 2022, &mut found),
        Err(d) => {
            found.push(d);
            None
        }
    };
    if let Some(indicator) = indicator {
        let schedule = Schedule::of(indicator.due.as_ref(), 2022);
        let matcher = Matcher::new(&indicator.evidence);
        assert!(matcher.required() >= 1);
        assert!(schedule.periods().windows(2).all(|w| w[0].last < w[1].last));
    }
    for d in &found {
        assert_eq!(d.path, PATH);
        for lang in [Lang::En, Lang::Id] {
            assert!(!problems::hint(d, lang).is_empty(), "{d:?}");
            assert!(!problems::problem(d, None, lang).is_empty());
        }
    }
});

//! Compiled document globs. Nearly every glob a plan holds is words and
//! stars (`*daftar*hadir*`, the pattern a document's name implies, or
//! `notul*`), so those are matched here by searching for the words in
//! order, without compiling a `glob::Pattern`; anything else (`?`, `[…]`,
//! `**`) is left to the `glob` crate. Both give the same answer for every
//! name: a test compares them.

/// One glob, matched against a whole (normalised) file name.
#[derive(Clone, Debug)]
pub(crate) enum Glob {
    /// `*`: any name.
    Any,
    /// Words and single stars: the pieces between the stars, in order.
    Stars(Stars),
    /// Everything else, as the `glob` crate reads it.
    Pattern(glob::Pattern),
}

/// A glob of literal pieces separated by single stars: `a*b*c` is
/// `["a", "b", "c"]`, `*a*` is `["", "a", ""]`, `a` is `["a"]`.
#[derive(Clone, Debug)]
pub(crate) struct Stars {
    pieces: Box<[Box<str>]>,
}

impl Glob {
    /// Compiles `pattern`; an error is the `glob` crate's.
    pub(crate) fn new(pattern: &str) -> Result<Glob, glob::PatternError> {
        if pattern == "*" {
            return Ok(Glob::Any);
        }
        if is_plain(pattern) {
            return Ok(Glob::Stars(Stars { pieces: pattern.split('*').map(Box::from).collect() }));
        }
        glob::Pattern::new(pattern).map(Glob::Pattern)
    }

    pub(crate) fn matches(&self, name: &str) -> bool {
        match self {
            Glob::Any => true,
            Glob::Stars(stars) => stars.matches(name),
            Glob::Pattern(pattern) => pattern.matches(name),
        }
    }
}

/// Whether `pattern` is words and single stars only, which the `glob`
/// crate reads as literal characters and any-sequences, and never refuses.
pub(crate) fn is_plain(pattern: &str) -> bool {
    !pattern.contains(['?', '[']) && !pattern.contains("**")
}

impl Stars {
    fn matches(&self, name: &str) -> bool {
        let (first, rest) = match self.pieces.split_first() {
            Some(split) => split,
            None => return name.is_empty(),
        };
        let Some((last, middle)) = rest.split_last() else {
            return name == &**first;
        };
        if name.len() < first.len() + last.len() || !name.starts_with(&**first) || !name.ends_with(&**last) {
            return false;
        }
        // Between the first and last pieces, each middle piece at its
        // leftmost place: with only stars around them, that is never wrong.
        let mut between = &name[first.len()..name.len() - last.len()];
        for piece in middle {
            match between.find(&**piece) {
                Some(at) => between = &between[at + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn both(pattern: &str, name: &str) -> (bool, bool) {
        let ours = Glob::new(pattern).expect("a valid glob").matches(name);
        let theirs = glob::Pattern::new(pattern).expect("a valid glob").matches(name);
        (ours, theirs)
    }

    #[test]
    fn words_and_stars_match_as_the_glob_crate_matches_them() {
        for (pattern, name, expected) in [
            ("*daftar*hadir*", "daftar hadir rapat pdf", true),
            ("*daftar*hadir*", "hadir daftar pdf", false),
            ("notul*", "notulen docx", true),
            ("notul*", "a notulen docx", false),
            ("*pdf", "x pdf", true),
            ("*pdf", "pdf x", false),
            ("ab*ba", "aba", false),
            ("ab*ba", "abba", true),
            ("a*a*a", "aaa", true),
            ("a*a*a", "aa", false),
            ("laporan", "laporan", true),
            ("laporan", "laporan pdf", false),
            ("*", "", true),
            ("", "", true),
            ("", "x", false),
            ("*é*", "kinérja", true),
        ] {
            assert_eq!(both(pattern, name), (expected, expected), "{pattern} on {name}");
        }
    }

    #[test]
    fn other_globs_are_the_glob_crates() {
        assert!(matches!(Glob::new("rapat ?"), Ok(Glob::Pattern(_))));
        assert!(matches!(Glob::new("[ab]*"), Ok(Glob::Pattern(_))));
        assert!(Glob::new("a**b").is_err());
        assert!(Glob::new("[a").is_err());
        assert!(matches!(Glob::new("*"), Ok(Glob::Any)));
    }

    proptest! {
        #[test]
        fn plain_globs_agree_with_the_glob_crate(
            pattern in "[ab*]{0,8}".prop_filter("plain", |p| is_plain(p)),
            name in "[ab ]{0,10}",
        ) {
            let (ours, theirs) = both(&pattern, &name);
            prop_assert_eq!(ours, theirs);
        }
    }
}

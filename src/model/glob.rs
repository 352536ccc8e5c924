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

/// A glob of literal pieces separated by single stars: `a*b*c` is the
/// pieces `a`, `b`, `c`; `*a*` is ``, `a`, ``; `a` is `a` alone. Kept as
/// written, in one string, with where its first and last stars are: most
/// globs are compiled for one indicator and matched against a handful of
/// names, so compiling costs as much as matching.
#[derive(Clone, Debug)]
pub(crate) struct Stars {
    pattern: Box<str>,
    /// The first and the last star, when there is one.
    stars: Option<(usize, usize)>,
    /// The bytes a matching name must hold (`Bytes::of` the pieces).
    needs: Bytes,
}

/// Which byte values a text holds, by their low six bits: a name that
/// lacks one of a glob's bytes cannot match it, and telling so costs two
/// instructions, where searching for the glob's pieces costs a few hundred.
/// (Bytes that share their low bits, as `p` and `0` do, share a bit, which
/// only lets more names through to the search.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Bytes(u64);

impl Bytes {
    pub(crate) fn of(text: &str) -> Bytes {
        text.bytes().fold(Bytes::default(), Bytes::with)
    }

    fn with(self, b: u8) -> Bytes {
        Bytes(self.0 | 1 << (b & 63))
    }

    fn holds(self, needed: Bytes) -> bool {
        needed.0 & !self.0 == 0
    }
}

impl Glob {
    /// Compiles `pattern`; an error is the `glob` crate's.
    pub(crate) fn new(pattern: &str) -> Result<Glob, glob::PatternError> {
        if pattern == "*" {
            return Ok(Glob::Any);
        }
        if is_plain(pattern) {
            return Ok(Glob::Stars(Stars::new(pattern.into())));
        }
        glob::Pattern::new(pattern).map(Glob::Pattern)
    }

    /// `new`, keeping `pattern`'s own string when it is words and stars.
    pub(crate) fn of_string(pattern: String) -> Result<Glob, glob::PatternError> {
        if pattern != "*" && is_plain(&pattern) {
            return Ok(Glob::Stars(Stars::new(pattern.into_boxed_str())));
        }
        Glob::new(&pattern)
    }

    pub(crate) fn matches(&self, name: &str) -> bool {
        match self {
            Glob::Any => true,
            Glob::Stars(stars) => stars.matches(name),
            Glob::Pattern(pattern) => pattern.matches(name),
        }
    }

    /// `matches`, for a name that holds the bytes `held` (`Bytes::of` it):
    /// what a name cannot match is told without searching it.
    pub(crate) fn matches_holding(&self, name: &str, held: Bytes) -> bool {
        match self {
            Glob::Stars(stars) => held.holds(stars.needs) && stars.matches(name),
            _ => self.matches(name),
        }
    }
}

/// Whether `pattern` is words and single stars only, which the `glob`
/// crate reads as literal characters and any-sequences, and never refuses.
pub(crate) fn is_plain(pattern: &str) -> bool {
    let bytes = pattern.as_bytes();
    !bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'?' || b == b'[' || (b == b'*' && bytes.get(i + 1) == Some(&b'*')))
}

impl Stars {
    fn new(pattern: Box<str>) -> Stars {
        // One pass for the stars and the bytes (`str::find` and `rfind`
        // of a char each built a searcher, and cost more than the pass).
        let (mut stars, mut needs) = (None, Bytes::default());
        for (at, b) in pattern.bytes().enumerate() {
            if b == b'*' {
                stars = Some(stars.map_or((at, at), |(first, _)| (first, at)));
            } else {
                needs = needs.with(b);
            }
        }
        Stars { pattern, stars, needs }
    }

    fn matches(&self, name: &str) -> bool {
        let (pattern, name) = (self.pattern.as_bytes(), name.as_bytes());
        let Some((first_star, last_star)) = self.stars else {
            return name == pattern;
        };
        let (first, last) = (&pattern[..first_star], &pattern[last_star + 1..]);
        if name.len() < first.len() + last.len() || !name.starts_with(first) || !name.ends_with(last) {
            return false;
        }
        // Between the first and last pieces, each middle piece at its
        // leftmost place: with only stars around them, that is never wrong.
        let mut between = &name[first.len()..name.len() - last.len()];
        let middle = pattern.get(first_star + 1..last_star).unwrap_or_default();
        for piece in middle.split(|&b| b == b'*') {
            match find(between, piece) {
                Some(at) => between = &between[at + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

/// Where `needle` first is in `haystack`. Names and pieces are a few dozen
/// bytes: trying each place beats building `str::find`'s searcher, which
/// cost more than the search itself.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&head, tail)) = needle.split_first() else { return Some(0) };
    let last_start = haystack.len().checked_sub(needle.len())?;
    // Compared byte by byte: a call to `memcmp` costs more than a short piece.
    (0..=last_start)
        .find(|&at| haystack[at] == head && haystack[at + 1..].iter().zip(tail).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn both(pattern: &str, name: &str) -> (bool, bool) {
        let glob = Glob::new(pattern).expect("a valid glob");
        let ours = glob.matches(name);
        assert_eq!(
            glob.matches_holding(name, Bytes::of(name)),
            ours,
            "{pattern} on {name}, by the bytes held"
        );
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

    #[test]
    fn a_piece_is_found_at_its_first_place() {
        assert_eq!(find(b"abcabc", b"ca"), Some(2));
        assert_eq!(find(b"abc", b""), Some(0));
        assert_eq!(find(b"ab", b"abc"), None);
        assert_eq!(find(b"aab", b"ab"), Some(1));
        assert_eq!(find(b"abab", b"bb"), None);
        assert!(is_plain("*a*b") && !is_plain("a**") && !is_plain("a?") && !is_plain("[a]"));
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

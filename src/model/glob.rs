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
}

/// A set of the bytes of a name, as bits: a name lacking one of a glob's
/// bytes cannot match it, which a few instructions tell where matching
/// takes a few hundred (`zi check` tries each stray file against every
/// document of its siblings). Letters and digits have a bit each, and
/// `*` one of its own, so a glob's set is its bytes' less that bit; the
/// other bytes share the rest.
pub(crate) fn bytes_of(name: &str) -> u64 {
    name.bytes().fold(0, |set, b| set | BYTE_BIT[usize::from(b)])
}

/// The bit of `*`, which no other byte has.
const STAR_BIT: u8 = 63;

const BYTE_BIT: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let bit = match b as u8 {
            byte @ b'a'..=b'z' => byte - b'a',
            byte @ b'A'..=b'Z' => byte - b'A',
            byte @ b'0'..=b'9' => 26 + byte - b'0',
            b'*' => STAR_BIT,
            byte => 36 + byte % 27,
        };
        table[b] = 1 << bit;
        b += 1;
    }
    table
};

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

    /// The bytes every name this glob matches has (as `bytes_of` gives
    /// them): the pieces of a words-and-stars glob; none for the others.
    /// Found when asked, not when compiled: only `zi check`'s naming of
    /// stray files asks, for a few indicators' globs.
    pub(crate) fn needs(&self) -> u64 {
        match self {
            Glob::Stars(stars) => bytes_of(&stars.pattern) & !(1 << STAR_BIT),
            Glob::Any | Glob::Pattern(_) => 0,
        }
    }

    /// `matches`, given `bytes_of(name)` and `self.needs()`: a name without
    /// every byte the glob needs is refused without matching.
    pub(crate) fn matches_with(&self, name: &str, bytes: u64, needs: u64) -> bool {
        needs & !bytes == 0 && self.matches(name)
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
        let stars = pattern.find('*').zip(pattern.rfind('*'));
        Stars { pattern, stars }
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
        let sifted = glob.matches_with(name, bytes_of(name), glob.needs());
        assert_eq!(sifted, ours, "{pattern} on {name}, with its bytes");
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
            pattern in "[ab1é*]{0,8}".prop_filter("plain", |p| is_plain(p)),
            name in "[ab1é ]{0,10}",
        ) {
            let (ours, theirs) = both(&pattern, &name);
            prop_assert_eq!(ours, theirs);
        }
    }
}

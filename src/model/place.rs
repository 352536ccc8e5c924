//! A place in a text: line, column and width, counted in characters.

use std::ops::Range;

/// Where in a file something is: 1-based line and column (in characters),
/// and how many characters the caret underlines. The source line itself is
/// read again when something is rendered with its excerpt, so a plan with
/// many problems does not keep a copy of every line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct At {
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) width: u32,
}

impl At {
    /// The place of the byte range `span` in `text`. Offsets past the end or
    /// inside a character are clamped, so a bad span never panics.
    pub(crate) fn of_span(text: &str, span: Range<usize>) -> At {
        let start = floor_char_boundary(text, span.start);
        let end = floor_char_boundary(text, span.end.max(start));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        // A plan file is at most 1 MiB, so its counts fit; saturate anyway.
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        At {
            line: count(text[..start].matches('\n').count() + 1),
            column: count(text[line_start..start].chars().count() + 1),
            width: count(text[start..end.min(line_end)].chars().count().max(1)),
        }
    }
}

pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_counts_lines_and_characters_not_bytes() {
        let text = "a = 1\nnamé = \"x\"\nbad = 2\n";
        let start = text.find("bad").unwrap();
        assert_eq!(At::of_span(text, start..start + 3), At { line: 3, column: 1, width: 3 });
        let start = text.find("= \"x").unwrap();
        assert_eq!(At::of_span(text, start..start + 1).column, 6);
    }

    #[test]
    fn a_span_past_the_end_or_inside_a_character_is_clamped() {
        let at = At::of_span("é", 1..99);
        assert_eq!((at.line, at.column), (1, 1));
    }
}

//! Quoting what a user wrote in a message, at a readable length.

/// `text` cut to at most `max` characters, the cut marked with `…`, for
/// quoting user text in a message.
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clip_cuts_long_quotes_and_keeps_short_ones() {
        assert_eq!(clip("Juli", 40), "Juli");
        let clipped = clip(&"x".repeat(100), 40);
        assert_eq!(clipped.chars().count(), 40);
        assert!(clipped.ends_with('…'));
    }
}

//! Counting words in a line of plain text, for every script.

/// Words in `text`: whitespace-separated tokens, and for scripts written
/// without spaces (Chinese, Japanese, Thai) one word per two characters,
/// so that a Japanese paragraph counts as running text too.
#[must_use]
pub fn count_words(text: &str) -> usize {
    // Every line is counted several times while the layout is measured:
    // ASCII bytes are taken as they are, and only the rest decoded.
    let bytes = text.as_bytes();
    let (mut words, mut unspaced, mut in_word, mut at) = (0, 0, false, 0);
    while let Some(&byte) = bytes.get(at) {
        let (space, len) = if byte.is_ascii() {
            (matches!(byte, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            unspaced += usize::from(is_unspaced_script(c));
            (c.is_whitespace(), c.len_utf8())
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        at += len;
    }
    words + unspaced / 2
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' // CJK ideographs
        | '\u{0e00}'..='\u{0e7f}' // Thai
        | '\u{0e80}'..='\u{0eff}' // Lao
        | '\u{1000}'..='\u{109f}' // Myanmar
        | '\u{1780}'..='\u{17ff}') // Khmer
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte scan counts what splitting at Unicode white space counts.
        #[test]
        fn word_count_matches_splitting_at_white_space(text in "(\\PC|[ \t\n\u{b}\u{c}\r\u{85}\u{a0}\u{3000}]|[日本語タイ]){0,40}") {
            let words = text.split_whitespace().count();
            let unspaced = text.chars().filter(|&c| is_unspaced_script(c)).count();
            proptest::prop_assert_eq!(count_words(&text), words + unspaced / 2);
        }
    }
}

//! The main text of a page dump: the run of units whose scores add up to the
//! most (running text scores by its length, chrome below zero), found in one
//! pass. Menus above and link lists below fall outside it; a share widget
//! inside an article is outweighed by the text around it.

use std::ops::Range;

/// The highest-scoring run of consecutive units, or `None` when no unit
/// scores above zero.
#[must_use]
pub fn best(scores: &[i64]) -> Option<Range<usize>> {
    let mut best: Option<(i64, Range<usize>)> = None;
    let mut start = 0;
    let mut sum = 0i64;
    for (i, &score) in scores.iter().enumerate() {
        if sum <= 0 {
            start = i;
            sum = 0;
        }
        sum = sum.saturating_add(score);
        if sum > 0 && best.as_ref().is_none_or(|(top, _)| sum > *top) {
            best = Some((sum, start..i + 1));
        }
    }
    best.map(|(_, range)| range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_menus_around_the_text() {
        assert_eq!(best(&[-25, -25, 0, 300, -25, 200, -25, -25, 40]), Some(3..6));
    }

    #[test]
    fn nothing_positive_gives_none() {
        assert_eq!(best(&[0, -5, 0]), None);
        assert_eq!(best(&[]), None);
    }

    #[test]
    fn a_small_widget_inside_stays_inside() {
        assert_eq!(best(&[500, -40, -25, 400]), Some(0..4));
    }
}

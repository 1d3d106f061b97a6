use super::*;
use crate::extract::text::lines;

fn units_of(text: &str) -> Vec<Unit> {
    let lines = lines::split(text);
    group(&lines, measure(&lines))
}

fn texts(units: &[Unit]) -> Vec<&str> {
    units.iter().map(|u| u.text.as_str()).collect()
}

/// A paragraph hard-wrapped at 40 columns with a three-column indent, as a
/// text browser prints it.
const WRAPPED: &str = "\
Harbour plan stalls

   The council met on Tuesday to discuss the harbour plan and the
   budget that goes with it.
   Members left early.
   Short line kept apart

   Another paragraph of the dump that runs long enough to wrap at
   the same column as the first one did before it, and then goes on
   for one more line so that the wrap column shows in three lines.
";

#[test]
fn measures_wrap_width_and_body_indent() {
    let lines = lines::split(WRAPPED);
    let layout = measure(&lines);
    assert_eq!(layout.body_indent, 3);
    assert!(layout.gapped);
    let width = layout.wrap_cols.unwrap();
    assert!((60..=70).contains(&width), "{width}");
}

#[test]
fn rejoins_wrapped_lines_and_keeps_short_ones_apart() {
    let units = units_of(WRAPPED);
    assert_eq!(
        texts(&units),
        [
            "Harbour plan stalls",
            "The council met on Tuesday to discuss the harbour plan and the budget that goes with it.",
            "Members left early.",
            "Short line kept apart",
            "Another paragraph of the dump that runs long enough to wrap at the same column as the first one did before it, and then goes on for one more line so that the wrap column shows in three lines.",
        ]
    );
    assert_eq!(units[1].lines, 2);
    assert!(units[0].blank_before && units[0].blank_after);
    assert!(!units[2].blank_before && !units[3].blank_before && units[3].blank_after);
}

#[test]
fn unwrapped_text_keeps_every_line() {
    let text = "First line of a note.\nSecond line, separate.\nThird line that is also separate and rather longer than the others are.";
    let lines = lines::split(text);
    assert_eq!(measure(&lines).wrap_cols, None);
    assert_eq!(units_of(text).len(), 3);
    let cr = units_of("One line.\rTwo line.\rThree line.\rFour line.\rFive line.");
    assert_eq!(cr.len(), 5);
}

#[test]
fn bullets_numbers_and_hanging_indents() {
    let text = "
   Intro line that is long enough to look like running text, wrapping
   at the column where the other lines wrap as well in this dump here.

   A second paragraph that wraps at the same column as the first one,
   so that three lines show where the wrapping happens in this dump.

     * First item of the list, long enough that it wraps onto the next
       line with a hanging indent under its text.
     * Second item
          + Nested item
    1. Numbered item
";
    let units = units_of(text);
    let items: Vec<(&str, &UnitKind)> = units.iter().skip(2).map(|u| (u.text.as_str(), &u.kind)).collect();
    assert_eq!(
        items[0],
        (
            "First item of the list, long enough that it wraps onto the next line with a hanging indent under its text.",
            &UnitKind::Item { marker_col: 5, label: None }
        )
    );
    assert_eq!(items[2], ("Nested item", &UnitKind::Item { marker_col: 10, label: None }));
    assert_eq!(items[3], ("Numbered item", &UnitKind::Item { marker_col: 4, label: Some("1.".into()) }));
}

#[test]
fn a_number_wrapped_to_the_start_of_a_line_is_not_an_item() {
    let text = "
   Ann Lee, who runs the ferry company, retired from the board at age
   43. She says the first step is to take stock of the fleet and its
   crews before the season opens in the spring of next year again.

   Another paragraph here that is long enough to wrap at the same
   column as the others in this made-up dump of a news page today.
";
    let units = units_of(text);
    assert_eq!(units.len(), 2, "{:?}", texts(&units));
    assert!(units[0].text.contains("at age 43. She says"));
}

#[test]
fn marked_headings_rules_and_chrome_lines() {
    let units = units_of("## Part two ##\n\nTitle here\n==========\n\n* * *\n\n(BUTTON) Menu\n");
    assert_eq!(units[0].kind, UnitKind::Marked { level: 2 });
    assert_eq!(units[0].text, "Part two");
    assert_eq!(units[1].kind, UnitKind::Marked { level: 1 });
    assert_eq!(units[1].lines, 2);
    assert_eq!(units[2].kind, UnitKind::Rule);
    assert_eq!(units[3].kind, UnitKind::Chrome);
}

#[test]
fn hyphenated_breaks_keep_the_hyphen() {
    let mut text = String::from("a well-");
    join_into(&mut text, "known plan");
    assert_eq!(text, "a well-known plan");
    join_into(&mut text, "- not a word break");
    assert_eq!(text, "a well-known plan - not a word break");
}

#[test]
fn markers_and_rules_by_shape() {
    assert_eq!(bullet("• dot", 0), Some((4, None)));
    assert_eq!(bullet("o deep", 12), Some((2, None)));
    assert_eq!(bullet("o shallow", 2), None);
    assert_eq!(bullet("1.2 Dotted", 0), Some((4, Some("1.2".into()))));
    assert_eq!(bullet("2019. A year", 0), None);
    assert_eq!(bullet("*emphasis*", 0), None);
    assert_eq!(bullet("*", 5), Some((1, None)));
    assert!(is_rule("* * *") && is_rule("-----") && is_rule("__________"));
    assert!(!is_rule("-") && !is_rule("- item") && !is_rule(""));
}

#[test]
fn a_dash_wrapped_to_the_start_of_a_line_is_no_list_item() {
    let text = [
        "Harbour wall plan",
        "",
        "   The board met on Monday to discuss the plan for the harbour wall.",
        "   \"We will rebuild the wall and the steps down to it, each and every single",
        "   - and I do mean every single - stone of it by spring,\" said Ada Vole.",
        "   Work is to start in May and should take four months in all.",
        "",
        "   A second paragraph of the dump that wraps at the same column as the",
        "   first one, so that the layout of the page can be measured from it.",
    ]
    .join("\n");
    let units = units_of(&text);
    assert!(units.iter().all(|u| u.kind == UnitKind::Text), "{units:?}");
    assert!(
        units.iter().any(|u| u.text.contains("each and every single - and I do mean every single - stone")),
        "{:?}",
        texts(&units)
    );
}

#[test]
fn lines_cut_mid_sentence_rejoin_when_the_wrap_width_cannot_be_measured() {
    // Too few lines break inside a sentence to measure a wrap column, yet
    // a long line ending on a lower-case word goes on in the next.
    let text = [
        "Harbour wall plan",
        "",
        "The board voted on Monday to rebuild the harbour wall. Work starts soon.",
        "\"We will rebuild the wall and the steps down to it by spring,\" said",
        "Ada Vole, the harbour master. \"Nobody will wait another winter.\"",
        "",
        "The money comes from the spring budget, the treasurer said on Friday.",
        "\"We moved it from the road fund,\" she said. \"The roads can wait.\"",
    ]
    .join("\n");
    let units = units_of(&text);
    assert_eq!(
        texts(&units)[1..],
        [
            "The board voted on Monday to rebuild the harbour wall. Work starts soon.",
            "\"We will rebuild the wall and the steps down to it by spring,\" said Ada Vole, the harbour master. \"Nobody will wait another winter.\"",
            "The money comes from the spring budget, the treasurer said on Friday.",
            "\"We moved it from the road fund,\" she said. \"The roads can wait.\"",
        ]
    );
}

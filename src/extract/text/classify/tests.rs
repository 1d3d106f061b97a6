use super::*;
use crate::extract::text::{lines, units};

fn classified(text: &str) -> (Vec<Unit>, Vec<Info>, bool) {
    let lines = lines::split(text);
    let layout = units::measure(&lines);
    let units = units::group(&lines, layout);
    let (infos, dump) = classify(&units, layout);
    (units, infos, dump)
}

fn role_of<'a>(units: &[Unit], infos: &'a [Info], text: &str) -> &'a Info {
    let i = units.iter().position(|u| u.text == text).unwrap_or_else(|| panic!("no unit {text:?}"));
    &infos[i]
}

#[test]
fn sentences_by_their_end() {
    assert!(ends_sentence("He left."));
    assert!(ends_sentence("“I left,” he said.”"));
    assert!(ends_sentence("Really?)"));
    assert!(!ends_sentence("Related stories:"));
    assert!(is_prose("She said no.", 3));
    assert!(!is_prose("Two words.", 2));
    assert!(!is_prose("A headline without an end", 5));
    assert!(is_prose("Lead sentence. Second one without an end", 8));
}

const PAGE: &str = "\
Home
News
Sport
Weather

Ferry fares rise again

The operator raised fares on Monday, the third rise this year, and said more would follow.
Advertising

Commuters said they would take the bus instead. \"It is too much,\" one of them said.
Advertising

Ministers were not available for comment on the rise in fares this week.
Advertising

Share
";

#[test]
fn menus_labels_and_running_text() {
    let (units, infos, dump) = classified(PAGE);
    assert!(dump);
    assert_eq!(role_of(&units, &infos, "Sport").role, Role::Chrome(Chrome::Menu));
    assert_eq!(role_of(&units, &infos, "Home").role, Role::Chrome(Chrome::Label));
    assert_eq!(role_of(&units, &infos, "Advertising").role, Role::Chrome(Chrome::Label));
    assert_eq!(role_of(&units, &infos, "Ferry fares rise again").role, Role::Short);
    let lead = role_of(
        &units,
        &infos,
        "The operator raised fares on Monday, the third rise this year, and said more would follow.",
    );
    assert_eq!(lead.role, Role::Prose);
    assert_eq!(lead.score, 90);
}

#[test]
fn repeated_short_lines_are_labels() {
    let text = "A sentence of the article itself.\nRead on\n\nAnother sentence of the article.\nRead on\n\nA third sentence.\nRead on\n\nShare\n\nSign in\n";
    let (units, infos, _) = classified(text);
    assert_eq!(role_of(&units, &infos, "Read on").role, Role::Chrome(Chrome::Label));
    assert_eq!(role_of(&units, &infos, "Read on").repeats, 3);
    // Standing apart each time, a recurring line is a heading, not a label.
    let meals = "Lunch\n\nSoup, a sentence.\n\nLunch\n\nBread, a sentence.\n\nLunch\n\nFish, a sentence.\n\nShare\n\nSign in\n";
    let (units, infos, _) = classified(meals);
    assert_eq!(role_of(&units, &infos, "Lunch").role, Role::Short);
}

/// A text without furniture is a document of its own: a line repeated
/// there (a refrain, minutes' "Agreed.") is the author's, and so is a
/// paragraph much like an earlier one.
#[test]
fn a_plain_document_has_no_labels_or_copies() {
    let verse = |n: usize| format!("Verse {n} tells of the harvest and the long walk home before winter.");
    let text = format!(
        "{}\nAgreed.\n\n{}\nAgreed.\n\n{}\nAgreed.\n\nThe last line of the minutes.\n",
        verse(1),
        verse(2),
        verse(3)
    );
    let (units, infos, dump) = classified(&text);
    assert!(!dump);
    assert!(infos.iter().all(|info| !matches!(info.role, Role::Chrome(_))), "{units:?} {infos:?}");
}

#[test]
fn a_plain_document_has_no_menus() {
    let text = "Shopping\nEggs and flour\nMilk for the week\nLast line of the note.\n";
    let (units, infos, dump) = classified(text);
    assert!(!dump);
    assert_eq!(role_of(&units, &infos, "Eggs and flour").role, Role::Short);
}

#[test]
fn copies_of_earlier_text_are_chrome() {
    let caption =
        "The harbour at dawn, with the two ferries tied up at the old pier before the first sailing.";
    let text = format!(
        "{caption}\n\nThe body of the article goes on for a while here, with facts.\n\n{caption}\n\nSign in\n\nShare\n"
    );
    let (units, infos, _) = classified(&text);
    let first = units.iter().position(|u| u.text == caption).unwrap();
    let second = units.iter().rposition(|u| u.text == caption).unwrap();
    assert_eq!(infos[first].role, Role::Prose);
    assert!(infos[first].copied);
    assert_eq!(infos[second].role, Role::Chrome(Chrome::Copy));
    assert_eq!(infos[second].score, 0);
}

#[test]
fn a_whole_page_copy_does_not_mark_each_paragraph() {
    let a = "First paragraph of the article, with enough words in it to count.";
    let b = "Second paragraph of the article, also with enough words to count.";
    let text = format!("{a}\n\n{b}\n\n{a} {b}\n\nShare\n\nSubscribe\n");
    let (units, infos, _) = classified(&text);
    assert_eq!(infos[2].role, Role::Chrome(Chrome::Copy), "{:?}", units[2].text);
    assert!(!infos[0].copied && !infos[1].copied);
}

#[test]
fn a_recommendation_under_a_chrome_line_is_chrome() {
    let text = "Cross-posted by The Ledger\n\"A sharp read on the vote. \"\n- Bo Chen\nThe article starts here and runs on for a sentence or two.\n";
    let (units, infos, _) = classified(text);
    assert_eq!(role_of(&units, &infos, "\"A sharp read on the vote. \"").role, Role::Chrome(Chrome::Words));
    assert_eq!(role_of(&units, &infos, "Bo Chen").role, Role::Chrome(Chrome::Words));
}

#[test]
fn dump_headlines_and_nested_text() {
    let text = "\
Is the ferry worth saving?

   The ferry has run for a hundred years and the town wants it to run
   for a hundred more, whatever it costs to keep the old boat afloat.

   Another paragraph of the story, wrapped at the same column as the
   one above it, so that the layout can be measured from the two.

            A teaser box, deeper than the body text of the page.
";
    let (units, infos, _) = classified(text);
    assert_eq!(role_of(&units, &infos, "Is the ferry worth saving?").role, Role::Short);
    let teaser = units.iter().position(|u| u.text.starts_with("A teaser")).unwrap();
    assert_eq!(infos[teaser].role, Role::Prose);
    assert_eq!(infos[teaser].score, 0);
}

#[test]
fn short_dated_lines_carry_their_date() {
    let (units, infos, _) = classified("By Ann Lee\nMarch 3, 2026\n\nText of the article.\n");
    assert_eq!(role_of(&units, &infos, "March 3, 2026").date.as_deref(), Some("2026-03-03"));
    assert_eq!(role_of(&units, &infos, "Text of the article.").date, None);
}

#[test]
fn shingle_count_is_the_number_of_shingles() {
    for words in (0..40).chain([4095, 4100, 4104, 8200, 9000, 20_001]) {
        let text = (0..words).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(shingle_count(words), shingles(&text).len(), "{words} words");
    }
}

#[test]
fn a_menu_printed_as_one_paragraph_is_chrome() {
    let text = "
   Harbour Courier Home News Politics Business Sport Culture Opinion Podcasts
   Newsletters Events Jobs Subscribe Sign in Search About us Contact us
   Advertise with us Terms of use Privacy policy Cookie settings Archive

   The board voted on Monday to rebuild the harbour wall before the storms
   arrive, after three years of arguments about who would pay for it and
   which builder could be trusted with the work in the end.
";
    let (_, infos, _) = classified(text);
    let roles: Vec<Role> = infos.iter().map(|i| i.role).collect();
    assert_eq!(roles, [Role::Chrome(Chrome::Menu), Role::Prose]);
}

use super::*;
use crate::extract::text::{classify, lines, span, units};

/// Reads the head of `text` the way `extract` does.
fn head_of(text: &str) -> Head {
    let lines = lines::split(text);
    let layout = units::measure(&lines);
    let units = units::group(&lines, layout);
    let (infos, dump) = classify::classify(&units, layout);
    let scores: Vec<i64> = infos.iter().map(|i| i.score).collect();
    let body = if dump {
        span::best(&scores).map_or(units.len(), |s| s.start)
    } else {
        scores.iter().position(|&s| s > 0).unwrap_or(units.len())
    };
    read(&units, &infos, body, layout)
}

#[test]
fn names_and_bylines() {
    assert!(is_name("Ann Lee"));
    assert!(is_name("Jean-Luc de la Cruz"));
    assert!(is_name("Mary O’Neil"));
    assert!(!is_name("Ann"));
    assert!(!is_name("de la Cruz"));
    assert!(!is_name("Share this article"));
    assert!(!is_name("Ann Lee 2026"));
    assert_eq!(names("Ann Lee — May 3, 2024").as_deref(), Some("Ann Lee"));
    assert_eq!(names("Ann Lee and Bo Chen, staff writers").as_deref(), Some("Ann Lee and Bo Chen"));
    assert_eq!(names("Steven Park March 18 at 12:22 PM Follow @spark").as_deref(), Some("Steven Park"));
    assert_eq!(names("April Wong").as_deref(), Some("April Wong"));
    assert_eq!(names("the staff"), None);
}

#[test]
fn newsletter_head_title_author_and_date() {
    let head = head_of(
        "The Ledger\n\nThe Ledger\n\nHome\nArchive\nAbout\n\nWhy the ferry vote matters\n\nAnn Lee\nFeb 05, 2026\n\n\
         The assembly voted on Thursday. It was close, and the ferry may stop.\n\nMore text follows here, with a quote.\n\nShare\n",
    );
    assert_eq!(head.title_text.as_deref(), Some("Why the ferry vote matters"));
    assert_eq!(head.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(head.published.as_deref(), Some("2026-02-05"));
    assert_eq!(head.used.len(), 3, "title, author and date lines");
}

#[test]
fn dump_head_with_by_line_below_the_captions() {
    let head = head_of(
        "
   Sign in
     * News
     * Sport

Ferry fares rise for the third time this year

   April 3, 2026 at 6:00 am
   The old ferry at the pier. (Photo / The Paper)
   By
   Ann Lee

   The operator raised fares on Monday and said that more rises would
   follow later in the year, to the dismay of the daily commuters.

   Another paragraph of the article that wraps at the same column as
   the first paragraph did, so the layout can be measured from them.
",
    );
    assert_eq!(head.title_text.as_deref(), Some("Ferry fares rise for the third time this year"));
    assert_eq!(head.byline.as_deref(), Some("Ann Lee"));
    assert_eq!(head.published.as_deref(), Some("2026-04-03"));
}

#[test]
fn byline_forms() {
    for (line, name) in [
        ("by Ann Lee — November 18, 2019", "Ann Lee"),
        ("5:45 AM PST 11/19/2019 by Ann Lee", "Ann Lee"),
        ("By Ann Lee March 18 at 12:22 PM Follow @annlee", "Ann Lee"),
        ("Ann Lee @annlee", "Ann Lee"),
    ] {
        let head = head_of(&format!(
            "Sign in\n\nShare\n\nThe headline of the story\n\n{line}\n\nThe text of the story begins here and goes on.\n"
        ));
        assert_eq!(head.byline.as_deref(), Some(name), "{line}");
        assert_eq!(head.title_text.as_deref(), Some("The headline of the story"), "{line}");
    }
}

#[test]
fn a_caption_is_not_taken_for_the_title() {
    let head = head_of(
        "Sign in\n\nShare\n\nCouncil backs the new ferry contract\n\nBy Ann Lee\nMarch 3, 2026\n\n\
         The old ferry at the pier\n\nThe council voted on Monday to back the contract. It was close.\n",
    );
    assert_eq!(head.title_text.as_deref(), Some("Council backs the new ferry contract"));
}

#[test]
fn no_title_without_a_heading_shape() {
    let head = head_of("just a lower-case line\n\nThe text of the note, a sentence.\n");
    assert_eq!(head.title, None);
}

/// The same article under three kinds of page furniture: each must leave
/// the headline as the title.
#[test]
fn the_headline_survives_menus_share_widgets_and_picture_credits() {
    let body = "
   The board voted on Monday to rebuild the harbour wall before the storms
   arrive, after three years of arguments about who would pay for it and
   which builder could be trusted with the work.

   Work is to start in May and should take four months, the board said on
   Monday, and the wall will stay open to walkers for most of that time.
";
    let menu = "
   Harbour Courier Home News Politics Business Sport Culture Opinion Podcasts
   Newsletters Events Jobs Subscribe Sign in Search About us Contact us
   Advertise with us Terms of use Privacy policy Cookie settings Archive

   Share All sharing options for: Board votes to rebuild the harbour wall

Board votes to rebuild the harbour wall
";
    let credit = "
                          Photograph: Harbour Courier

   Board votes to rebuild the harbour wall
";
    for top in [menu, credit] {
        let head = head_of(&format!("{top}{body}"));
        assert_eq!(head.title_text.as_deref(), Some("Board votes to rebuild the harbour wall"), "{top}");
    }
}

use super::*;
use crate::model::Metadata;
use crate::model::TextBuilder;

fn para(parts: &[(&str, Option<&str>)]) -> Block {
    let mut text = TextBuilder::new();
    for (piece, href) in parts {
        if let Some(href) = href {
            text.open(InlineStyle::Link { href: (*href).to_owned() });
            text.push_str(piece);
            text.close();
        } else {
            text.push_str(piece);
        }
    }
    Block::from_builder(BlockKind::Paragraph, text)
}

#[test]
fn repeated_title_is_removed() {
    let meta = Metadata { title: Some("The  Title".into()), ..Metadata::default() };
    let blocks = vec![Block::new(BlockKind::Heading { level: 1 }, "the title"), para(&[("Body.", None)])];
    let kept = tidy(blocks, &Page { meta, ..Page::default() }, &Site::default());
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].text(), "Body.");
}

#[test]
fn link_lines_and_closing_follow_lines_go() {
    let blocks = vec![
        para(&[("A paragraph with a ", None), ("link", Some("https://ex.org/a")), (" inside it.", None)]),
        para(&[("More: ", None), ("Another story entirely on this site", Some("https://ex.org/b"))]),
        para(&[("Last real paragraph.", None)]),
        para(&[
            ("Follow us on ", None),
            ("Mastodon", Some("https://ex.social/@a")),
            (" and ", None),
            ("X", Some("https://x.com/a")),
        ]),
    ];
    let site = Site::of(Some("https://ex.org/"));
    let kept: Vec<String> =
        tidy(blocks, &Page::default(), &site).iter().map(|b| b.text().to_owned()).collect();
    assert_eq!(kept, ["A paragraph with a link inside it.", "Last real paragraph."]);
}

#[test]
fn the_tail_loses_its_calls_to_action() {
    let blocks = vec![
        para(&[("The article's last real paragraph, with a full sentence in it.", None)]),
        para(&[("Reach the reporter at ", None), ("her mailbox", Some("mailto:a@ex.org")), (".", None)]),
        para(&[("Sign up for the morning letter, every weekday at seven.", None)]),
        Block::new(BlockKind::Heading { level: 3 }, "Comments"),
        para(&[("Advert", None)]),
    ];
    let kept: Vec<String> =
        tidy(blocks, &Page::default(), &Site::default()).iter().map(|b| b.text().to_owned()).collect();
    assert_eq!(kept, ["The article's last real paragraph, with a full sentence in it."]);
}

#[test]
fn a_quoted_post_is_a_source_not_a_follow_line() {
    let blocks = vec![
        para(&[("First paragraph of the article, long enough to be one.", None)]),
        para(&[
            ("She said so on ", None),
            ("Mastodon", Some("https://x.com/someone/status/12345")),
            (".", None),
        ]),
    ];
    assert_eq!(tidy(blocks, &Page::default(), &Site::default()).len(), 2);
}

#[test]
fn kicker_before_the_headline_goes_with_it() {
    let meta = Metadata { title: Some("Budget talks stall".into()), ..Metadata::default() };
    let blocks = vec![
        para(&[("POLITICS", None)]),
        Block::new(BlockKind::Heading { level: 1 }, "Budget talks stall"),
        para(&[("The first paragraph of the article, long enough to be one.", None)]),
    ];
    let kept = tidy(blocks, &Page { meta, ..Page::default() }, &Site::default());
    assert_eq!(kept.len(), 1);
}

#[test]
fn datelines_before_the_first_long_paragraph_go() {
    let long = "A long opening paragraph of the article that runs well past one hundred and fifty bytes, \
                so that it counts as article text and ends the zone where datelines live.";
    let blocks = vec![
        para(&[("Updated 5:27 am, Wednesday, November 20, 2019", None)]),
        para(&[("08.04.2015 12:46", None)]),
        para(&[("In 2019, 12 people were counted.", None)]),
        para(&[(long, None)]),
        para(&[("Friday 3 May 2024", None)]),
    ];
    let kept: Vec<String> =
        tidy(blocks, &Page::default(), &Site::default()).iter().map(|b| b.text().to_owned()).collect();
    assert_eq!(kept, ["In 2019, 12 people were counted.", long, "Friday 3 May 2024"]);
}

#[test]
fn a_single_short_block_survives() {
    let kept = tidy(vec![para(&[("Test", None)])], &Page::default(), &Site::default());
    assert_eq!(kept.len(), 1);
}

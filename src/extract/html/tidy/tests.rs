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

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(Block::text).collect()
}

#[test]
fn a_second_copy_of_the_article_goes() {
    let p = |n: u32| {
        Block::new(
            BlockKind::Paragraph,
            &format!("Paragraph {n} of the harbour story, long enough to count as one of its paragraphs."),
        )
    };
    // A teaser variant of the same text, then the full one: the page
    // carries the article twice.
    let blocks = vec![
        p(1),
        p(2),
        p(3),
        Block::new(BlockKind::Heading { level: 2 }, "Read on"),
        p(1),
        p(2),
        p(3),
        p(4),
    ];
    let kept = tidy(blocks, &Page::default(), &Site::default());
    assert_eq!(
        texts(&kept),
        texts(&[p(1), p(2), p(3), Block::new(BlockKind::Heading { level: 2 }, "Read on"), p(4)])
    );
}

#[test]
fn a_paragraph_said_twice_by_the_writer_stays() {
    let refrain = Block::new(
        BlockKind::Paragraph,
        "And still the ferry did not come, though the timetable said it would, again and again.",
    );
    let p = |n: u32| {
        Block::new(
            BlockKind::Paragraph,
            &format!("Verse {n} of the poem about the ferry, long enough to count as a paragraph here."),
        )
    };
    let blocks = vec![p(1), refrain.clone(), p(2), p(3), refrain.clone(), p(4)];
    let kept = tidy(blocks.clone(), &Page::default(), &Site::default());
    assert_eq!(texts(&kept), texts(&blocks));
}

#[test]
fn the_lead_picture_caption_goes_but_later_captions_stay() {
    let long = "The first paragraph of the story, long enough to be its start: it runs well past one hundred and fifty bytes of text, so that it is taken as the article.";
    let blocks = vec![
        Block::new(BlockKind::Caption, "The quay at dawn, before the ferry left."),
        Block::new(BlockKind::Paragraph, long),
        Block::new(BlockKind::Caption, "The timetable pinned to the harbour office door."),
        Block::new(BlockKind::Paragraph, "The last paragraph."),
    ];
    let kept = tidy(blocks, &Page::default(), &Site::default());
    assert_eq!(
        texts(&kept),
        vec![long, "The timetable pinned to the harbour office door.", "The last paragraph."]
    );
}

#[test]
fn without_a_paragraph_no_caption_is_taken_for_the_lead_pictures() {
    // A page of teasers: headings, pictures and list items, no paragraph.
    let blocks = vec![
        Block::new(BlockKind::Heading { level: 2 }, "Ferries cut for the winter"),
        Block::new(BlockKind::Caption, "The quay at dawn, before the ferry left."),
        Block::new(
            BlockKind::ListItem { depth: 0, ordered: false, number: None },
            "The island council votes on the timetable next week.",
        ),
        Block::new(BlockKind::Caption, "The timetable pinned to the harbour office door."),
    ];
    let kept = tidy(blocks.clone(), &Page::default(), &Site::default());
    assert_eq!(texts(&kept), texts(&blocks));
}

fn item(text: &str, href: &str) -> Block {
    let mut builder = TextBuilder::new();
    builder.open(InlineStyle::Link { href: href.to_owned() });
    builder.push_str(text);
    builder.close();
    Block::from_builder(BlockKind::ListItem { depth: 0, ordered: false, number: None }, builder)
}

#[test]
fn a_share_bar_goes_with_its_label() {
    let page = "https%3A%2F%2Fnews.example%2Fstory";
    let blocks = vec![
        Block::new(BlockKind::Heading { level: 3 }, "Pass it on"),
        item("Postbox", &format!("https://postbox.example/add?url={page}")),
        item("Corkboard", &format!("https://corkboard.example/submit?u={page}&t=Story")),
        item("Mail a friend", "https://mailer.example/send?link=https://news.example/story"),
        item("Print", "https://news.example/story/print"),
        para(&[("The article's first paragraph, long enough to be one.", None)]),
    ];
    let kept = tidy(blocks, &Page::default(), &Site::default());
    assert_eq!(texts(&kept), ["The article's first paragraph, long enough to be one."]);
}

#[test]
fn links_that_pass_an_address_alone_or_in_pairs_stay() {
    // Two such links in a row, or three links to ordinary pages, are no bar.
    let blocks = vec![
        para(&[("A paragraph before the list, long enough to be one.", None)]),
        item("Archive copy", "https://archive.example/save?url=https://a.example/x"),
        item("Translation", "https://translate.example/?u=https://a.example/x"),
        para(&[("A paragraph between, long enough to be one, again.", None)]),
        item("First source", "https://a.example/one"),
        item("Second source", "https://b.example/two?page=2"),
        item("Third source", "https://c.example/three"),
    ];
    let kept = tidy(blocks, &Page::default(), &Site::default());
    assert_eq!(kept.len(), 7);
}

#[test]
fn a_sentence_naming_a_profile_before_more_of_the_article_stays() {
    let closing = "So the shop's answer came within the hour, and that is the whole lesson of this \
                   small story, for anyone who runs a business that people talk about online.";
    let blocks = vec![
        para(&[("The first paragraph of the post, long enough to be one, about a shop.", None)]),
        para(&[
            ("Later I posted a photo and ", None),
            ("the shop", Some("https://x.com/theshop")),
            (" shared it.", None),
        ]),
        para(&[(closing, None)]),
    ];
    let kept = tidy(blocks, &Page::default(), &Site::default());
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[2].text(), closing);
    // A call to action after the last paragraph still ends the article.
    let blocks = vec![
        para(&[(closing, None)]),
        para(&[("Follow the shop on ", None), ("X", Some("https://x.com/theshop")), (".", None)]),
    ];
    assert_eq!(tidy(blocks, &Page::default(), &Site::default()).len(), 1);
}

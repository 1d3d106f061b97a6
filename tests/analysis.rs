//! Quotes, speakers, sections and sentences, rule by rule, on invented
//! articles: every case is a few sentences written for the test.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use byline::analysis::{analyze, sentences};
use byline::model::{Analysis, Block, BlockKind, Document, Metadata, SpeakerKind};
use proptest::prelude::*;
use rstest::rstest;

fn doc_of(blocks: Vec<Block>) -> Document {
    Document::new(Metadata { title: Some("Harbor news".into()), ..Metadata::default() }, blocks)
}

fn paragraphs(texts: &[&str]) -> Document {
    doc_of(texts.iter().map(|t| Block::new(BlockKind::Paragraph, t)).collect())
}

fn quote_texts<'a>(doc: &'a Document, analysis: &Analysis) -> Vec<&'a str> {
    analysis.quotes.iter().map(|q| &doc.block(q.block).unwrap().text()[q.range.clone()]).collect()
}

/// Each quote as (text, speaker names).
fn attributed(texts: &[&str]) -> Vec<(String, Vec<String>)> {
    let doc = paragraphs(texts);
    let analysis = analyze(&doc);
    let names =
        |q: &byline::model::Quote| q.speakers.iter().map(|&s| analysis.speakers[s].name.clone()).collect();
    analysis.quotes.iter().zip(quote_texts(&doc, &analysis)).map(|(q, t)| (t.to_owned(), names(q))).collect()
}

#[rstest]
#[case::curly_with_single_inside("“It works, ‘mostly’ at least,” Ada Vole said.", &["It works, ‘mostly’ at least"])]
#[case::straight("\"Plain marks work as well,\" said Kim Lund.", &["Plain marks work as well"])]
#[case::mixed_styles("\"Straight open and curly close,” said Kim Lund.", &["Straight open and curly close"])]
#[case::french_guillemets("«Nous restons ici jusqu'au bout», a dit Ada Vole.", &["Nous restons ici jusqu'au bout"])]
#[case::german_guillemets("»Wir bleiben hier bis zum Ende«, sagte Ada Vole.", &["Wir bleiben hier bis zum Ende"])]
#[case::german_low_high("„Wir bleiben hier bis morgen“, sagte Ada Vole.", &["Wir bleiben hier bis morgen"])]
#[case::corner_brackets("「交渉は続く」とアダ氏は述べた。", &["交渉は続く"])]
#[case::apostrophes_never_quote("Don’t mention the ’90s, Vole said of the rock ’n’ roll years.", &[])]
#[case::unclosed_ends_with_paragraph("The plan, Vole said, was “a start that nobody will finish", &["a start that nobody will finish"])]
#[case::scare_quotes_dropped("Critics call it a “win” and a “political consequence” at best.", &[])]
#[case::long_woven_fragment_kept("He urged members “not to lose sight of the budget” this week.", &["not to lose sight of the budget"])]
#[case::short_complement_kept("“No,” Vole said.", &["No"])]
#[case::short_after_speech_verb("Dockers chanted, “Fund the pier,” all night.", &["Fund the pier"])]
#[case::title_of_a_work_dropped("Her memoir, called “The Long Quiet Harbor Years,” is out.", &[])]
#[case::inch_mark_ignored("A 12\" record played while “the band kept on playing all night.”", &["the band kept on playing all night."])]
#[case::trailing_comma_removed("“We tried, and we failed,” Vole said.", &["We tried, and we failed"])]
#[case::orphan_closer_ignored("never opened,” said Kim Lund. “This one was opened,” he added.", &["This one was opened"])]
#[case::nested_marks_stay_inside("«Il a dit “jamais” hier soir», a dit Ada Vole.", &["Il a dit “jamais” hier soir"])]
fn quote_spans(#[case] text: &str, #[case] expected: &[&str]) {
    let doc = paragraphs(&[text]);
    assert_eq!(quote_texts(&doc, &analyze(&doc)), expected);
}

#[test]
fn a_quotation_over_several_paragraphs_is_one_quote_each_with_one_speaker() {
    let found = attributed(&[
        "“The first part of the statement runs on.",
        "“The second part keeps going.",
        "“The last part ends here,” said Ada Vole.",
    ]);
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The first part of the statement runs on.",
            "The second part keeps going.",
            "The last part ends here"
        ]
    );
    assert!(found.iter().all(|(_, s)| s == &["Ada Vole"]), "{found:?}");
}

#[rstest]
#[case::name_said(&["“We will rebuild the pier,” Mayor Ada Vole said."], &["Ada Vole"])]
#[case::said_name(&["“We will rebuild the pier,” said Ada Vole, the mayor."], &["Ada Vole"])]
#[case::appositive(&["“We will rebuild the pier,” Ada Vole, a former harbor pilot, told reporters."], &["Ada Vole"])]
#[case::any_tense(&["“We will rebuild the pier,” Ada Vole has argued."], &["Ada Vole"])]
#[case::colon(&["Ada Vole said: “We will rebuild the pier.”"], &["Ada Vole"])]
#[case::according_to(&["According to Ada Vole, “the pier will be rebuilt by spring.”"], &["Ada Vole"])]
#[case::pronoun(&["Ada Vole runs the harbor board.", "“We will rebuild the pier,” she said."], &["Ada Vole"])]
#[case::joint(&["“The pier is the town,” Ada Vole and Kim Lund wrote in a letter."], &["Ada Vole", "Kim Lund"])]
#[case::joint_they(&["Ada Vole and Kim Lund wrote the plan.", "“Nobody else would,” they said."], &["Ada Vole", "Kim Lund"])]
#[case::organisation(&["“Repairs start in May,” the Lantern Harbor Authority said."], &["Lantern Harbor Authority"])]
#[case::spokesperson_for(&["“Repairs start in May,” a spokesperson for the Lantern Harbor Authority said."], &["Lantern Harbor Authority"])]
#[case::organisation_it(&["The Lantern Harbor Authority disagreed.", "“The numbers do not add up,” it said."], &["Lantern Harbor Authority"])]
#[case::the_company(&["Kelp & Tide Holdings builds piers.", "“We can start in June,” the company said."], &["Kelp & Tide Holdings"])]
#[case::unnamed_speaker(&["“It is too late,” said a fisherman who asked not to be named."], &[])]
#[case::unnamed_relative(&["Ada Vole’s father told reporters that “the harbor was never this quiet before.”"], &[])]
#[case::dash_credit(&["“Build it and the boats will come.” — Ada Vole"], &["Ada Vole"])]
#[case::inverted_mid_sentence(&["The pier, says Ada Vole, is “the one thing the whole town agrees on.”"], &["Ada Vole"])]
#[case::title_before_name(&["“The budget is final,” Secretary of State Kim Lund said."], &["Kim Lund"])]
#[case::described_after_verb(&["“We stayed calm,” said midfielder Kim Lund, 23."], &["Kim Lund"])]
#[case::role_noun(&["Coach Ada Vole watched quietly.", "“We were lucky,” the coach said."], &["Ada Vole"])]
#[case::title_role(&["Sen. Ada Vole voted no.", "“It is a bad bill,” the senator said."], &["Ada Vole"])]
#[case::age_role(&["Kim Lund, 23, scored twice.", "The 23-year-old said it was “the best night of my whole life.”"], &["Kim Lund"])]
#[case::unknown_role(&["“That was a foul,” the referee said."], &[])]
#[case::possessive_office(&["“No comment at this time,” Ada Vole’s office said."], &["Ada Vole"])]
#[case::listed_joint(&["“We disagree,” Ada Vole, Kim Lund and Omar Haddad wrote."], &["Ada Vole", "Kim Lund", "Omar Haddad"])]
#[case::unknown_it(&["Kim Lund left early.", "“The rules are the rules,” it said."], &[])]
fn attribution_of_the_last_quote(#[case] texts: &[&str], #[case] expected: &[&str]) {
    let found = attributed(texts);
    let (_, speakers) = found.last().expect("a quote");
    assert_eq!(speakers, expected, "{found:?}");
}

#[rstest]
#[case::continuation_next_paragraph(&["“The pier comes first,” said Kim Lund.", "“Then the road.”"], &["Kim Lund", "Kim Lund"])]
#[case::interrupted_quote(&["“The pier comes first,” Kim Lund said, “and the road comes later.”"], &["Kim Lund", "Kim Lund"])]
#[case::pronoun_to_latest_compatible(
    &["“We are ready,” Ada Vole said. Kim Lund, her deputy, was less sure. “We are not,” he said."],
    &["Ada Vole", "Kim Lund"]
)]
#[case::colon_introduces_next_paragraph(&["Ada Vole put it plainly:", "“Either we fix it or we lose it.”"], &["Ada Vole"])]
#[case::reported_speech_then_quote(
    &["The pier, Vole said, is older than the town. “It was here before the church.”", "Ada Vole chairs the board."],
    &["Ada Vole"]
)]
#[case::sentence_subject_without_verb(
    &["Ada Vole spoke first. Kim Lund was blunter. “It is finished.”"],
    &["Kim Lund"]
)]
fn attribution_in_context(#[case] texts: &[&str], #[case] expected: &[&str]) {
    let found = attributed(texts);
    let firsts: Vec<&str> = found.iter().map(|(_, s)| s.first().map_or("", String::as_str)).collect();
    assert_eq!(firsts, expected, "{found:?}");
}

#[test]
fn woven_fragment_without_speech_verb_keeps_the_sentence_speaker() {
    let found = attributed(&[
        "“Repairs start in May,” said Kim Lund. The board, he said, must “find the money before the storms arrive.”",
    ]);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|(_, s)| s == &["Kim Lund"]), "{found:?}");
}

#[test]
fn one_speaker_per_entity_with_titles_aliases_and_description() {
    let doc = paragraphs(&[
        "“The budget is final,” said Secretary of State Ada Vole, a former harbor pilot.",
        "Vole repeated it later. “Final means final,” Vole added.",
        "“We will see,” said Omar ben Rashid. “Maybe,” ben Rashid said.",
    ]);
    let analysis = analyze(&doc);
    let names: Vec<&str> = analysis.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ada Vole", "Omar ben Rashid"]);
    let vole = &analysis.speakers[0];
    assert!(vole.aliases.contains(&"Vole".to_owned()), "{:?}", vole.aliases);
    assert!(vole.aliases.contains(&"Secretary of State Ada Vole".to_owned()), "{:?}", vole.aliases);
    assert_eq!(vole.description.as_deref(), Some("Secretary of State, a former harbor pilot"));
    assert_eq!(vole.quotes, [0, 1]);
    assert_eq!(vole.first_block.0, 0);
    assert_eq!(vole.kind, SpeakerKind::Person);
    let rashid = &analysis.speakers[1];
    assert!(rashid.aliases.contains(&"ben Rashid".to_owned()), "{:?}", rashid.aliases);
    assert_eq!(rashid.quotes, [2, 3]);
    assert_eq!(analysis.quotes[1].speakers, [0]);
}

#[test]
fn organisations_are_organisations() {
    let doc = paragraphs(&["“Repairs start in May,” the Lantern Harbor Authority said in a statement."]);
    let analysis = analyze(&doc);
    assert_eq!(analysis.speakers[0].kind, SpeakerKind::Organisation);
}

#[rstest]
#[case::own_attribution(Some("Ada Vole, poet"), None, "Ada Vole")]
#[case::credit_line_after_it(None, Some("— Ada Vole, poet"), "Ada Vole")]
#[case::introduced_by_a_colon(None, None, "Kim Lund")]
fn attributed_blockquotes(
    #[case] attribution: Option<&str>,
    #[case] credit: Option<&str>,
    #[case] expected: &str,
) {
    let mut blocks = vec![
        Block::new(BlockKind::Paragraph, "Kim Lund read the poem aloud:"),
        Block::new(
            BlockKind::Blockquote { attribution: attribution.map(str::to_owned) },
            "The tide keeps its own counsel and the pier keeps ours.",
        ),
    ];
    blocks.extend(credit.map(|c| Block::new(BlockKind::Paragraph, c)));
    let doc = doc_of(blocks);
    let analysis = analyze(&doc);
    assert_eq!(quote_texts(&doc, &analysis), ["The tide keeps its own counsel and the pier keeps ours."]);
    assert_eq!(analysis.speakers[analysis.quotes[0].speakers[0]].name, expected);
}

#[rstest]
#[case::abbreviations(
    "Sen. Ada Vole met U.S. envoys at 5 p.m. in Washington, D.C. on Monday. The talks ended.",
    &["Sen. Ada Vole met U.S. envoys at 5 p.m. in Washington, D.C. on Monday.", "The talks ended."]
)]
#[case::quotation_kept_whole(
    "“It works. It really does,” Vole said. Then she left.",
    &["“It works. It really does,” Vole said.", "Then she left."]
)]
#[case::question_with_attribution("“Why?” asked Kim Lund. “Because,” Vole said.", &["“Why?” asked Kim Lund.", "“Because,” Vole said."])]
#[case::quotation_ending_a_sentence("He wrote “I am done.” The end.", &["He wrote “I am done.”", "The end."])]
#[case::dotted_abbreviation_ends("They moved to the U.S. The rest stayed.", &["They moved to the U.S.", "The rest stayed."])]
#[case::initials("John Q. Vole spoke. Then he sat.", &["John Q. Vole spoke.", "Then he sat."])]
#[case::ellipsis_mid_sentence("It was… fine. Mostly.", &["It was… fine.", "Mostly."])]
fn sentence_splitting(#[case] text: &str, #[case] expected: &[&str]) {
    let found: Vec<&str> = sentences::split(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(found, expected);
}

#[test]
fn sections_skip_prose_headings_and_the_title() {
    let doc = doc_of(vec![
        Block::new(BlockKind::Heading { level: 2 }, "Harbor news"),
        Block::new(BlockKind::Heading { level: 2 }, "Who pays for the pier"),
        Block::new(BlockKind::Heading { level: 3 }, "“We are done,” Vole said. “Finished.”"),
        Block::new(BlockKind::Paragraph, "Some text."),
    ]);
    let analysis = analyze(&doc);
    let titles: Vec<&str> = analysis.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Who pays for the pier"]);
    assert_eq!(analysis.sections[0].block.0, 1);
    assert_eq!(quote_texts(&doc, &analysis), ["We are done", "Finished."]);
}

#[test]
fn ten_thousand_quotes_in_one_paragraph_stay_fast() {
    let mut text = String::new();
    for i in 0..10_000 {
        if i % 10 == 0 {
            text.push_str(&format!("“Quote number {i} is here,” said Ada Vole. "));
        } else {
            text.push_str(&format!("“q{i}” "));
        }
    }
    let doc = paragraphs(&[&text]);
    let started = Instant::now();
    let analysis = analyze(&doc);
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert_eq!(analysis.quotes.len(), 1_000);
    assert_eq!(analysis.speakers.len(), 1);
}

#[test]
fn five_hundred_openers_and_a_quote_to_the_end_stay_sane() {
    let openers = "“".repeat(500);
    let doc = paragraphs(&[&openers, "“and it never ends", "A last paragraph that nobody quoted."]);
    let analysis = analyze(&doc);
    assert_eq!(quote_texts(&doc, &analysis), ["and it never ends"]);
}

proptest! {
    #[test]
    fn any_text_analyses_without_panicking(text in "[a-zA-Z .,:;!?“”\"'‘’«»„「」—()é日\\n]{0,300}") {
        let doc = paragraphs(&[&text, &text]);
        let analysis = analyze(&doc);
        for quote in &analysis.quotes {
            let block = doc.block(quote.block).unwrap().text();
            prop_assert!(block.get(quote.range.clone()).is_some());
            prop_assert!(quote.speakers.iter().all(|&s| s < analysis.speakers.len()));
        }
        for (index, speaker) in analysis.speakers.iter().enumerate() {
            prop_assert!(speaker.quotes.iter().all(|&q| analysis.quotes[q].speakers.contains(&index)));
        }
    }
}

use super::*;

fn line(speaker: &str, quote: &str) -> QuoteLine {
    QuoteLine {
        speaker: speaker.to_owned(),
        description: Some("a harbour engineer, of the \"Lantern\" institute".to_owned()),
        quote: quote.to_owned(),
        section: Some("The money".to_owned()),
        title: Some("Harbor vote, delayed".to_owned()),
        site: Some("Tide Times".to_owned()),
        published: Some("2026-03-01".to_owned()),
        url: Some("https://tide.example/vote?a=1&b=2".to_owned()),
    }
}

#[test]
fn csv_quotes_what_must_be_quoted_and_reads_back_field_for_field() {
    let lines = [
        line("Ada Vole", "We will not sign, \"not yet\",\nnot until the fishermen are heard."),
        line("", " leading space"),
        QuoteLine {
            description: None,
            section: None,
            site: None,
            published: None,
            url: None,
            ..line("X", "plain")
        },
    ];
    let text = csv(&lines);
    assert!(text.starts_with("speaker,description,quote,section,title,site,published,url\r\n"));
    assert!(text.contains("\"We will not sign, \"\"not yet\"\",\nnot until the fishermen are heard.\""));
    let rows = crate::import::csv::parse(&text);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0], CSV_HEADER);
    assert_eq!(rows[1][2], lines[0].quote);
    assert_eq!(rows[1][1], "a harbour engineer, of the \"Lantern\" institute");
    assert_eq!(rows[2][0], "");
    assert_eq!(rows[2][2], " leading space");
    assert_eq!(rows[3], ["X", "", "plain", "", "Harbor vote, delayed", "", "", ""]);
}

#[test]
fn markdown_gives_each_quote_its_attribution_and_escapes_markup() {
    let text = markdown(&[line("Ada *Vole*", "Two lines\nof a [quote]"), line("", "who knows")]);
    assert!(
        text.starts_with("> Two lines\n> of a \\[quote\\]\n>\n> — Ada \\*Vole\\*, a harbour engineer"),
        "{text}"
    );
    assert!(
        text.contains(
            "· *Harbor vote, delayed*, Tide Times, 2026-03-01, <https://tide.example/vote?a=1&b=2>"
        )
    );
    assert!(text.contains("> — unattributed,"), "{text}");
}

#[test]
fn json_has_every_column() {
    let value = serde_json::to_value([line("Ada Vole", "q")]).unwrap();
    for column in CSV_HEADER {
        assert!(value[0].get(column).is_some(), "{column}");
    }
}

#[test]
fn people_lines_show_counts_dates_and_descriptions() {
    let person = Person {
        name: "Ada Vole".into(),
        aliases: vec!["Vole".into()],
        kind: crate::model::SpeakerKind::Person,
        descriptions: vec!["an engineer".into(), "the director".into()],
        quotes: 7,
        articles: vec![1, 4],
        first: Some("2026-01-02".into()),
        last: Some("2026-03-01".into()),
    };
    let text = people_text(&[person]);
    assert_eq!(
        text,
        "    7 quotes    2 articles  2026-01-02 – 2026-03-01  Ada Vole — an engineer; the director\n"
    );
}

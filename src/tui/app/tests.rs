use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::model::{
    Analysis, Block, BlockId, BlockKind, Document, Identity, Metadata, Quote, Section, Speaker, SpeakerKind,
};
use crate::tui::jobs;
use crate::tui::terminal::Screen;
use crate::tui::view;

const NAMES: [&str; 3] = ["Ana Ortiz", "Ben Okafor", "Port Council"];
const SHORT: [&str; 3] = ["Ortiz", "Okafor", "the council"];

/// Six sections of five paragraphs; every paragraph has one quote, by
/// speaker (section + paragraph) % 3.
pub(crate) fn fixture() -> Article {
    let mut blocks = Vec::new();
    let mut analysis = Analysis::default();
    for (index, name) in NAMES.iter().enumerate() {
        analysis.speakers.push(Speaker {
            name: (*name).to_owned(),
            aliases: vec![SHORT[index].to_owned()],
            description: (index == 0).then(|| "harbour master".to_owned()),
            kind: if index == 2 { SpeakerKind::Organisation } else { SpeakerKind::Person },
            quotes: Vec::new(),
            first_block: BlockId(0),
        });
    }
    for section in 0..6 {
        let block = BlockId(blocks.len() as u32);
        blocks.push(Block::new(BlockKind::Heading { level: 2 }, &format!("Part {section} of the story")));
        analysis.sections.push(Section { title: format!("Part {section} of the story"), level: 2, block });
        for paragraph in 0..5 {
            let speaker = (section + paragraph) % 3;
            let filler =
                "The ferry crossed the grey water while the town slept and the gulls argued. ".repeat(2);
            let quote = format!("Line {section}.{paragraph} matters more than the bridge");
            let text =
                format!("{filler}“{quote},” said {}. Marker{section}x{paragraph} ends here.", SHORT[speaker]);
            let start = text.find('“').unwrap() + '“'.len_utf8();
            let block = BlockId(blocks.len() as u32);
            blocks.push(Block::new(BlockKind::Paragraph, &text));
            analysis.speakers[speaker].quotes.push(analysis.quotes.len());
            if analysis.speakers[speaker].quotes.len() == 1 {
                analysis.speakers[speaker].first_block = block;
            }
            analysis.quotes.push(Quote { block, range: start..start + quote.len(), speakers: vec![speaker] });
        }
    }
    let meta = Metadata {
        title: Some("The ferry question".into()),
        site: Some("Test Gazette".into()),
        ..Metadata::default()
    };
    Article { identity: Identity::default(), document: Document::new(meta, blocks), analysis }
}

pub(crate) struct Harness {
    pub app: App,
}

impl Harness {
    pub fn new(cols: u16, rows: u16) -> Self {
        let keymap = Keymap::defaults().unwrap();
        let mut app = App::new(fixture(), LoadState::Ready, keymap, Theme::mono(), Settings::default());
        app.update(Msg::Resize { cols, rows });
        Self { app }
    }

    /// Types a key script: characters, and `<Name>` for named keys.
    pub fn press(&mut self, script: &str) -> Vec<String> {
        let mut effects = Vec::new();
        let mut chars = script.chars().peekable();
        while let Some(c) = chars.next() {
            let key = if c == '<' && chars.peek().is_some_and(char::is_ascii_uppercase) {
                let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
                let parsed = crate::tui::keymap::parse_key(&name).unwrap();
                let mut modifiers = KeyModifiers::NONE;
                if parsed.ctrl {
                    modifiers |= KeyModifiers::CONTROL;
                }
                KeyEvent::new(parsed.code, modifiers)
            } else {
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
            };
            let out = self.app.update(Msg::Key(key));
            effects.extend(self.perform(out));
        }
        effects
    }

    fn perform(&mut self, effects: Vec<Effect>) -> Vec<String> {
        let mut names = Vec::new();
        for effect in effects {
            match effect {
                Effect::Spawn(request) => {
                    let done = jobs::run(request, &jobs::Tools::default(), &mut |_| {});
                    let more = self.app.update(Msg::Job(done));
                    names.extend(self.perform(more));
                }
                other => names.push(format!("{other:?}")),
            }
        }
        names
    }

    /// The text of the top line of the article pane.
    pub fn top_text(&mut self) -> String {
        let vp = self.app.viewport();
        let doc = self.app.doc_mut();
        let row = doc.top_row(vp);
        let blocks = doc.article.clone();
        let (flow, _) = doc.flow(vp);
        match flow.row(row) {
            Some(crate::layout::Row::Line(line)) => {
                blocks.blocks()[row.block].text()[line.range.clone()].to_owned()
            }
            Some(crate::layout::Row::Head(line)) => line.text.to_string(),
            _ => String::new(),
        }
    }

    pub fn top_index(&mut self) -> usize {
        let vp = self.app.viewport();
        self.app.doc_mut().progress(vp).0
    }

    pub fn screen(&self) -> String {
        let (cols, rows) = self.app.size;
        let mut screen = Screen::test(cols, rows).unwrap();
        screen.draw(|buffer| view::draw(buffer, &self.app)).unwrap();
        let buffer = screen.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut line = String::new();
            for x in 0..buffer.area.width {
                line.push_str(buffer[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[test]
fn a_first_screen_wraps_only_itself_and_prefetch_wraps_ahead() {
    let mut h = Harness::new(80, 24);
    let vp = h.app.viewport();
    let blocks = h.app.doc().article.blocks().len();
    let (flow, _) = h.app.doc_mut().flow(vp);
    let wrapped = |flow: &crate::layout::Flow| (0..blocks).filter(|b| flow.is_wrapped(*b)).count();
    let first = wrapped(flow);
    assert!(first > 0 && !flow.is_wrapped(blocks - 1), "the first screen, not the end");
    h.app.prefetch();
    let (flow, _) = h.app.doc_mut().flow(vp);
    assert!(wrapped(flow) > first, "the next screen");
    assert!(flow.is_wrapped(blocks - 1), "and the last");
}

#[test]
fn scrolling_takes_counts_and_stays_inside_the_article() {
    let mut h = Harness::new(80, 24);
    assert_eq!(h.top_index(), 0);
    h.press("5j");
    assert_eq!(h.top_index(), 5);
    h.press("2k");
    assert_eq!(h.top_index(), 3);
    h.press("<PgDn>");
    assert_eq!(h.top_index(), 3 + 20);
    h.press("G");
    let bottom = h.top_index();
    h.press("j");
    assert_eq!(h.top_index(), bottom, "the last page stays the last page");
    assert!(h.screen().contains("Marker5x4"));
    h.press("g");
    assert_eq!(h.top_index(), 0);
    h.press("k");
    assert_eq!(h.top_index(), 0);
    h.press("50%");
    let middle = h.top_index();
    let vp = h.app.viewport();
    let total = h.app.doc_mut().progress(vp).1;
    assert!(middle.abs_diff(total / 2) <= total / 20, "{middle} of {total}: heights are partly estimates");
    h.press("10G");
    assert_eq!(h.top_index(), 9);
}

#[test]
fn sections_and_quotes_step_from_the_top_line() {
    let mut h = Harness::new(80, 24);
    h.press("]");
    assert_eq!(h.top_text(), "Part 0 of the story", "from the head, the first heading below it");
    h.press("]");
    assert_eq!(h.top_text(), "Part 1 of the story");
    h.press("2]");
    assert_eq!(h.top_text(), "Part 3 of the story");
    h.press("[");
    assert_eq!(h.top_text(), "Part 2 of the story");
    h.press("j[");
    assert_eq!(h.top_text(), "Part 2 of the story", "[ inside a section goes to its start");
    h.press("}");
    assert!(h.top_text().contains("“Line 2.0"), "{}", h.top_text());
    assert_eq!(h.app.doc().target, Some(Target::Quote(10)));
    h.press("}");
    assert!(h.top_text().contains("“Line 2.1"), "{}", h.top_text());
    h.press("{");
    assert!(h.top_text().contains("“Line 2.0"), "{}", h.top_text());
    h.press("G}}}}}");
    assert_eq!(h.app.doc().last_quote.map(|v| v.index), Some(29));
    h.press("}");
    assert_eq!(h.app.status.as_ref().map(|s| s.text.as_str()), Some("no more quotes"));
}

#[test]
fn stepping_near_the_end_moves_on_even_when_the_top_cannot() {
    let mut h = Harness::new(80, 24);
    h.press("G");
    let bottom = h.top_index();
    h.press("}");
    let first = h.app.doc().last_quote.unwrap().index;
    assert_eq!(h.top_index(), bottom, "the last page cannot scroll further");
    h.press("}}");
    assert_eq!(h.app.doc().last_quote.map(|v| v.index), Some(first + 2));
    h.press("{");
    assert_eq!(h.app.doc().last_quote.map(|v| v.index), Some(first + 1));
}

#[test]
fn same_speaker_quotes_follow_the_last_quote() {
    let mut h = Harness::new(80, 24);
    h.press(")");
    let first = h.app.doc().last_quote.unwrap().index;
    let speaker = h.app.doc().article.analysis.quotes[first].speakers[0];
    assert_eq!(first, 0, "the next quote in view decides the speaker");
    h.press(")");
    let second = h.app.doc().last_quote.unwrap().index;
    assert_eq!(h.app.doc().article.analysis.quotes[second].speakers[0], speaker);
    assert_eq!(second, h.app.doc().article.analysis.speakers[speaker].quotes[1]);
    h.press("(");
    assert_eq!(h.app.doc().last_quote.unwrap().index, first);
}

#[test]
fn tab_on_a_narrow_screen_opens_and_closes_the_overlay() {
    let mut h = Harness::new(80, 24);
    assert!(!h.app.panels_visible());
    h.press("<Tab>");
    assert_eq!(h.app.focus, Focus::Panel(Panel::Sections));
    assert!(h.app.panels_visible() && h.app.geometry().overlay);
    h.press("<Tab><Tab>");
    assert_eq!(h.app.focus, Focus::Panel(Panel::Quotes));
    h.press("<Tab>");
    assert_eq!(h.app.focus, Focus::Article);
    assert!(!h.app.panels_visible(), "shown by Tab, hidden when the focus leaves");
    h.press("<BackTab>");
    assert_eq!(h.app.focus, Focus::Panel(Panel::Quotes));
}

#[test]
fn p_toggles_beside_on_wide_and_overlay_on_narrow() {
    let mut h = Harness::new(160, 48);
    assert!(h.app.panels_visible() && !h.app.geometry().overlay);
    let with_panels = h.app.viewport();
    h.press("p");
    assert!(!h.app.panels_visible());
    assert_eq!(h.app.viewport().width_cols, with_panels.width_cols, "the reading width is kept");
    h.press("p");
    assert!(h.app.panels_visible());
    let mut h = Harness::new(80, 24);
    h.press("p");
    assert!(h.app.geometry().overlay);
    assert_eq!(h.app.focus, Focus::Panel(Panel::Sections));
    h.press("q");
    assert!(!h.app.panels_visible(), "q closes the overlay");
    assert_eq!(h.press("q"), ["Quit"], "and quits from the article");
}

#[test]
fn esc_closes_search_then_overlay_then_filter_then_focus() {
    let mut h = Harness::new(160, 48);
    h.press("<Tab><Tab><Enter>");
    assert_eq!(h.app.doc().filter, Some(0));
    h.press("?");
    assert!(h.app.help.is_some());
    h.press("<Esc>");
    assert!(h.app.help.is_none());
    assert_eq!(h.app.doc().filter, Some(0));
    h.press("<Esc>");
    assert_eq!(h.app.doc().filter, None);
    assert_eq!(h.app.focus, Focus::Panel(Panel::Speakers));
    h.press("<Esc>");
    assert_eq!(h.app.focus, Focus::Article);
    h.press("/fer");
    assert!(h.app.input.is_some());
    h.press("<Esc>");
    assert!(h.app.input.is_none());
    assert!(h.app.doc().search.query.is_empty());
}

#[test]
fn enter_in_a_panel_jumps_and_follows_on() {
    let mut h = Harness::new(160, 48);
    h.press("<Tab>jj<Enter>");
    assert_eq!(h.top_text(), "Part 2 of the story");
    assert_eq!(h.app.focus, Focus::Panel(Panel::Sections), "the focus stays in the panel");
    h.press("<Enter>");
    assert_eq!(h.top_text(), "Part 3 of the story");
    h.press("<Tab><Tab>j<Enter>");
    assert_eq!(h.app.doc().last_quote.map(|v| v.index), Some(16));
    assert_eq!(h.app.doc().target, Some(Target::Quote(16)));
}

#[test]
fn enter_on_a_speaker_filters_quotes_and_walks_them() {
    let mut h = Harness::new(160, 48);
    h.press("<Tab><Tab>j<Enter>");
    let doc = h.app.doc();
    assert_eq!(doc.filter, Some(1));
    assert_eq!(doc.quote_list().len(), 10);
    assert_eq!(doc.target, Some(Target::Speaker(1)));
    h.press("<Enter>");
    let first = h.app.doc().last_quote.unwrap().index;
    assert_eq!(h.app.doc().article.analysis.quotes[first].speakers, [1]);
    h.press("<Enter>");
    let second = h.app.doc().last_quote.unwrap().index;
    assert!(second > first);
    assert_eq!(h.app.doc().article.analysis.quotes[second].speakers, [1]);
    assert!(h.screen().contains("Quotes by Ben Okafor 10"));
}

#[test]
fn marks_and_the_jump_list() {
    let mut h = Harness::new(80, 24);
    h.press("5jma");
    let marked = h.top_index();
    h.press("G");
    let bottom = h.top_index();
    h.press("'a");
    assert_eq!(h.top_index(), marked);
    h.press("''");
    assert_eq!(h.top_index(), bottom, "'' goes back to before the last jump");
    h.press("''");
    assert_eq!(h.top_index(), marked, "and again");
    h.press("<C-o>");
    assert_eq!(h.top_index(), bottom);
    h.press("<C-t>");
    assert_eq!(h.top_index(), marked);
    h.press("'z");
    assert!(h.app.status.as_ref().is_some_and(|s| s.text.contains("not set")));
}

#[test]
fn search_is_incremental_counts_and_steps() {
    let mut h = Harness::new(80, 24);
    h.press("/marker3x");
    assert_eq!(h.app.doc().search.matches.len(), 5);
    assert!(h.screen().contains("/marker3x▏  5 matches"), "{}", h.screen());
    assert!(h.top_text().contains("Marker3x0") || h.screen().contains("Marker3x0"));
    h.press("<Enter>");
    assert!(h.app.input.is_none());
    assert_eq!(h.app.doc().search.current.map(|v| v.index), Some(0));
    h.press("n");
    assert_eq!(h.app.doc().search.current.map(|v| v.index), Some(1));
    h.press("2n");
    assert_eq!(h.app.doc().search.current.map(|v| v.index), Some(3));
    h.press("N");
    assert_eq!(h.app.doc().search.current.map(|v| v.index), Some(2));
    h.press("g/Marker");
    assert_eq!(h.app.doc().search.matches.len(), 30, "smart case");
    h.press("<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>");
    assert!(h.app.input.is_none(), "backspace on an empty line cancels");
    h.press("/nothing like this<Enter>");
    assert!(h.app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn a_failed_job_is_reported_and_the_app_goes_on() {
    let mut h = Harness::new(80, 24);
    let request = jobs::JobRequest::Run { generation: 99, work: Box::new(|| panic!("worker blew up")) };
    let done = jobs::run(request, &jobs::Tools::default(), &mut |_| {});
    h.app.update(Msg::Job(done));
    let status = h.app.status.clone().unwrap();
    assert!(status.error && status.text.contains("worker blew up"));
    h.press("j");
    assert_eq!(h.top_index(), 1);
}

#[test]
fn stale_search_results_are_dropped() {
    let mut h = Harness::new(80, 24);
    h.press("/ferry");
    let stale = jobs::JobDone {
        kind: jobs::JobKind::Search,
        generation: 1,
        result: Ok(jobs::JobOutput::Matches(Vec::new())),
    };
    h.app.update(Msg::Job(stale));
    assert_eq!(h.app.doc().search.matches.len(), 60);
}

#[test]
fn any_size_and_resize_storms_never_panic() {
    let mut h = Harness::new(80, 24);
    let sizes =
        [(1, 1), (0, 0), (20, 6), (2, 3), (300, 5), (119, 40), (120, 40), (5, 100), (160, 48), (1, 50)];
    for (round, (cols, rows)) in sizes.into_iter().cycle().take(40).enumerate() {
        h.app.update(Msg::Resize { cols, rows });
        match round % 5 {
            0 => h.press("G<Tab>"),
            1 => h.press("p?"),
            2 => h.press("<Esc>}]"),
            3 => h.press("/ferry<Enter>n"),
            _ => h.press("<Esc><Esc>50%"),
        };
        let screen = h.screen();
        assert_eq!(screen.lines().count(), usize::from(rows));
    }
}

#[test]
fn the_first_screen_shows_title_text_and_hints() {
    let h = Harness::new(80, 24);
    let screen = h.screen();
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines[0].trim_end(), "The ferry question", "the title line keeps to the title");
    assert_eq!(lines[1].trim(), "The ferry question", "then the article's head");
    assert_eq!(lines[2].trim(), "Test Gazette · 6 min read");
    assert_eq!(lines[3].trim(), "");
    assert!(lines[4].contains("Part 0 of the story"));
    assert!(lines[23].contains("? help") && lines[23].contains("q quit"), "{}", lines[23]);
    assert!(lines[23].contains("§ Part 0 of the story"));
    for line in &lines {
        assert!(crate::layout::text::display_width(line) <= 80);
    }
}

#[test]
fn help_is_generated_from_the_keymap_and_scrolls() {
    let mut h = Harness::new(80, 24);
    h.press("?");
    let screen = h.screen();
    assert!(screen.contains("Keys — Esc to close"));
    assert!(screen.contains("next section"));
    h.press("G");
    assert!(h.screen().contains("close the help"), "{}", h.screen());
    h.press("q");
    assert!(h.app.help.is_none());
}

#[test]
fn the_mouse_scrolls_and_picks_only_when_enabled() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mouse =
        |kind, column, row| Msg::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    let mut h = Harness::new(160, 48);
    h.app.update(mouse(MouseEventKind::ScrollDown, 10, 10));
    assert_eq!(h.top_index(), 0, "off by default");
    h.app.settings.mouse = true;
    h.app.update(mouse(MouseEventKind::ScrollDown, 10, 10));
    assert_eq!(h.top_index(), 3);
    let list = h.app.geometry().panel_list(Panel::Sections).unwrap();
    h.app.update(mouse(MouseEventKind::Down(MouseButton::Left), list.x + 2, list.y + 2));
    assert_eq!(h.app.focus, Focus::Panel(Panel::Sections));
    assert_eq!(h.top_text(), "Part 2 of the story");
    h.app.update(mouse(MouseEventKind::Down(MouseButton::Left), 10, 10));
    assert_eq!(h.app.focus, Focus::Article);
}

#[test]
fn documents_stack_and_backspace_returns() {
    let mut h = Harness::new(80, 24);
    h.press("5j");
    let mut other = fixture();
    other.document = Document::new(
        Metadata { title: Some("A linked page".into()), ..Metadata::default() },
        vec![Block::new(BlockKind::Paragraph, "Elsewhere.")],
    );
    other.analysis = Analysis::default();
    h.app.push_document(other);
    assert!(h.screen().starts_with("[2] A linked page"));
    assert_eq!(h.top_index(), 0);
    h.press("<Backspace>");
    assert_eq!(h.app.docs.len(), 1);
    assert_eq!(h.top_index(), 5, "the first document kept its place");
    h.press("<Backspace>");
    assert!(h.app.status.as_ref().is_some_and(|s| s.text == "no previous document"));
}

#[test]
fn the_full_article_replaces_a_preview_where_the_reader_is() {
    let keymap = Keymap::defaults().unwrap();
    let mut preview = fixture();
    let blocks: Vec<Block> = preview.blocks()[..12].to_vec();
    preview.document = Document::new(preview.meta().clone(), blocks);
    preview.analysis = Analysis::default();
    let load = LoadState::Loading { what: "test".into(), generation: 1 };
    let mut app = App::new(preview, load, keymap, Theme::mono(), Settings::default());
    app.update(Msg::Resize { cols: 80, rows: 24 });
    let mut h = Harness { app };
    h.press("8j");
    let before = h.top_text();
    let done = jobs::JobDone {
        kind: jobs::JobKind::Build,
        generation: 1,
        result: Ok(jobs::JobOutput::Article(Box::new(fixture()))),
    };
    h.app.update(Msg::Job(done));
    assert_eq!(h.app.doc().load, LoadState::Ready);
    assert_eq!(h.top_text(), before);
    assert_eq!(h.app.doc().article.analysis.quotes.len(), 30);
}

#[test]
fn panels_shown_for_the_focus_in_a_narrow_overlay_survive_a_resize_back() {
    let mut h = Harness::new(120, 40);
    assert!(h.app.panels_visible());
    h.app.update(Msg::Resize { cols: 80, rows: 24 });
    h.press("<Tab>");
    assert!(h.app.panels.overlay);
    h.app.update(Msg::Resize { cols: 120, rows: 40 });
    h.press("<Esc>");
    assert_eq!(h.app.focus, Focus::Article);
    assert!(h.app.panels_visible(), "the side panels stay");
    h.app.update(Msg::Resize { cols: 80, rows: 24 });
    assert!(!h.app.panels_visible(), "and the overlay went with the focus");
}

#[test]
fn counts_past_the_last_entry_go_as_far_as_they_can() {
    let mut h = Harness::new(80, 24);
    h.press("5]");
    assert!(h.top_text().starts_with("Part 4"), "{}", h.top_text());
    h.press("3]");
    assert_eq!(h.app.doc().current_section(), Some(5), "to the last section, not nowhere");
    assert!(h.app.status.is_none(), "no 'no more' after moving");
    h.press("]");
    assert!(h.app.status.as_ref().is_some_and(|s| s.text.contains("no more")));
    h.press("g99}");
    let last = h.app.doc().article.analysis.quotes.len() - 1;
    assert_eq!(h.app.doc().last_quote.map(|v| v.index), Some(last));
}

#[test]
fn the_status_names_the_section_jumped_to_even_at_the_end() {
    let mut h = Harness::new(80, 40);
    h.press("G");
    let at_end = h.app.doc().current_section();
    h.press("g6]");
    assert_eq!(h.app.doc().current_section(), Some(5));
    assert!(h.screen().contains("§ Part 5 of the story"), "{}", h.screen());
    assert!(at_end.is_some());
}

#[test]
fn slash_enter_repeats_the_last_search_onto_the_next_match() {
    let mut h = Harness::new(80, 24);
    h.press("/ferry<Enter>");
    let first = h.app.doc().search.current.map(|v| v.index);
    h.press("/<Enter>");
    let second = h.app.doc().search.current.map(|v| v.index);
    assert_eq!(second, first.map(|i| i + 1), "on to the next match");
    h.press("/<Enter>");
    assert_eq!(h.app.doc().search.current.map(|v| v.index), second.map(|i| i + 1));
}

#[test]
fn tab_passes_over_empty_panels() {
    let mut article = fixture();
    article.analysis.sections.clear();
    let keymap = Keymap::defaults().unwrap();
    let mut app = App::new(article, LoadState::Ready, keymap, Theme::mono(), Settings::default());
    app.update(Msg::Resize { cols: 120, rows: 40 });
    let mut h = Harness { app };
    h.press("<Tab>");
    assert_eq!(h.app.focus, Focus::Panel(Panel::Speakers), "sections are empty");
    h.press("<Tab><Tab>");
    assert_eq!(h.app.focus, Focus::Article);
    h.press("<BackTab>");
    assert_eq!(h.app.focus, Focus::Panel(Panel::Quotes));
}

#[test]
fn a_quote_that_fits_its_row_ends_with_its_closing_mark() {
    let h = Harness::new(160, 48);
    let screen = h.screen();
    assert!(screen.contains("“Line 0.0 matters more than the bridge”"), "{screen}");
    assert!(!screen.contains("bridge…"), "{screen}");
}

/// One paragraph holding thousands of quotes: the screen styles the quotes
/// it shows, wherever in the paragraph it is (the view looks the visible
/// ones up instead of reading them all).
#[test]
fn quotes_deep_in_a_crowded_paragraph_are_styled() {
    let mut text = String::new();
    let mut quotes = Vec::new();
    for n in 0..5_000 {
        text.push_str("They said ");
        let start = text.len() + '“'.len_utf8();
        text.push_str(&format!("“q{n:04} now,” he said. "));
        quotes.push(Quote { block: BlockId(0), range: start..start + 9, speakers: vec![] });
    }
    let blocks = vec![Block::new(BlockKind::Paragraph, &text)];
    let analysis = Analysis { quotes, ..Analysis::default() };
    let article = Article {
        identity: Identity::default(),
        document: Document::new(Metadata::default(), blocks),
        analysis,
    };
    let theme = Theme::dark256();
    let mut app =
        App::new(article, LoadState::Ready, Keymap::defaults().unwrap(), theme, Settings::default());
    app.update(Msg::Resize { cols: 80, rows: 24 });
    let mut h = Harness { app };
    h.press("1500j");
    let (cols, rows) = h.app.size;
    let mut screen = Screen::test(cols, rows).unwrap();
    screen.draw(|buffer| view::draw(buffer, &h.app)).unwrap();
    let buffer = screen.backend().buffer();
    let mut styled = 0;
    for y in 1..rows - 1 {
        let row: String = (0..cols).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
        for (at, _) in
            row.match_indices('q').filter(|(at, _)| row[at + 1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            let x = row[..at].chars().count() as u16;
            assert_eq!(buffer[(x, y)].fg, theme.quote.fg.unwrap(), "row {y}: {row}");
            styled += 1;
        }
        if let Some(at) = row.find("They") {
            let x = row[..at].chars().count() as u16;
            assert_ne!(buffer[(x, y)].fg, theme.quote.fg.unwrap());
        }
    }
    assert!(styled > 20, "quotes on screen: {styled}");
}

#[test]
fn without_colour_the_lines_of_a_quote_are_marked_in_the_margin() {
    let h = Harness::new(80, 24);
    let screen = h.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let marked: Vec<&&str> = lines.iter().filter(|l| l.starts_with('▌')).collect();
    assert!(!marked.is_empty(), "{screen}");
    for line in &marked {
        assert!(line.contains("“") || line.contains("bridge") || line.contains("matters"), "{line}");
    }
    assert!(lines.iter().any(|l| l.contains("Part 0") && !l.starts_with('▌')), "headings are not marked");
}

#[test]
fn y_follows_the_clipboard_setting() {
    let mut h = Harness::new(80, 24);
    h.app.settings.copy = CopyTo::Off;
    for key in ["}y", "Y"] {
        assert!(h.press(key).is_empty(), "{key}: nothing copied");
        let status = h.app.status.clone().unwrap();
        assert!(status.error && status.text.starts_with("copying is off"), "{key}: {status:?}");
    }
    h.app.settings.copy = CopyTo::Command(vec!["/nonexistent/dir/wl-copy".to_owned()]);
    assert!(h.press("y").is_empty(), "the copy is a job, not an OSC 52 sequence");
    let status = h.app.status.clone().unwrap();
    assert!(status.error, "{status:?}");
    assert!(status.text.starts_with("could not copy quote 1: cannot run wl-copy"), "{status:?}");
    let top = h.top_index();
    h.press("j");
    assert_eq!(h.top_index(), top + 1, "the reader goes on");
    h.app.settings.copy = CopyTo::Osc52;
    let effects = h.press("y");
    assert!(effects.len() == 1 && effects[0].starts_with("Copy(\"“Line"), "{effects:?}");
}

#[test]
fn every_list_moves_its_selection_alike() {
    use crate::tui::action::{Action, Command};
    use crate::tui::keymap::Mode;
    let list = super::ListState { selected: 4, offset: 0 };
    let moved = |action, count| list.moved(&Command { count, ..Command::new(action, Mode::Links) }, 3, 10);
    assert_eq!(moved(Action::Down, None), Some(5));
    assert_eq!(moved(Action::Down, Some(20)), Some(9), "clamped to the last row");
    assert_eq!(moved(Action::Up, Some(9)), Some(0));
    assert_eq!(moved(Action::PageDown, Some(2)), Some(9));
    assert_eq!(moved(Action::PageUp, None), Some(1));
    assert_eq!(moved(Action::Top, None), Some(0));
    assert_eq!(moved(Action::Top, Some(3)), Some(2), "3g is the third row");
    assert_eq!(moved(Action::Bottom, None), Some(9));
    assert_eq!(moved(Action::Select, None), None);
    let empty = super::ListState::default();
    assert_eq!(empty.moved(&Command::new(Action::Bottom, Mode::Links), 3, 0), Some(0));
}

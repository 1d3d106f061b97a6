use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Shift, bands, choose};
use crate::tui::terminal::Scrolling;

/// Bytes a shift is taken to cost (about what `ESC[2;23r ESC[S ESC[r` is).
fn bytes(shift: &Shift) -> usize {
    if shift.margins { 36 } else { 14 }
}

/// Lines `from..from + n` of an invented article: 50 columns each, every
/// one different from its neighbours all along.
fn lines(n: usize, from: usize) -> Vec<String> {
    const WORDS: [&str; 11] =
        ["ferry", "harbour", "council", "tide", "gull", "quay", "ledger", "vote", "budget", "lamp", "rope"];
    (from..from + n)
        .map(|i| {
            let words = (0..12).map(|k| WORDS[(i * 7 + k * 3 + i * k) % WORDS.len()]);
            let line = words.collect::<Vec<_>>().join(" ");
            format!("{:50.50}", format!("{i} {line}"))
        })
        .collect()
}

/// A screen of a title, `rows` of article starting at line `top`, and a
/// status line.
fn screen(top: usize, rows: usize, status: &str) -> Buffer {
    let mut text = vec!["The title".to_owned()];
    text.extend(lines(rows, top));
    text.push(status.to_owned());
    let width = 64;
    Buffer::with_lines(text.iter().map(|l| format!("{l:width$}")))
}

#[test]
fn a_line_scroll_moves_the_article_rows_up_by_one() {
    let shown = screen(0, 10, "1%");
    let next = screen(1, 10, "2%");
    let shift = choose(&shown, &next, Scrolling::Rows, bytes).unwrap();
    assert_eq!(shift, Shift { area: Rect::new(0, 1, 64, 10), rows: 1, up: true, margins: false });
    let mut moved = shown.clone();
    shift.apply(&mut moved);
    let differing: Vec<u16> = (0..12).filter(|y| (0..64).any(|x| moved[(x, *y)] != next[(x, *y)])).collect();
    assert_eq!(differing, [10, 11], "only the new line and the status line are left to send");
}

#[test]
fn scrolling_back_and_jumping_less_than_a_screen_move_down_and_up() {
    let shown = screen(5, 10, "");
    let shift = choose(&shown, &screen(2, 10, ""), Scrolling::Rows, bytes).unwrap();
    assert_eq!((shift.rows, shift.up, shift.area.y, shift.area.height), (3, false, 1, 10));
    let shift = choose(&shown, &screen(13, 10, ""), Scrolling::Lines, bytes).unwrap();
    assert_eq!((shift.rows, shift.up, shift.area.y, shift.area.height), (8, true, 1, 10));
    assert_eq!(choose(&shown, &screen(15, 10, ""), Scrolling::Rows, bytes), None, "nothing in common");
    assert_eq!(choose(&shown, &screen(6, 10, ""), Scrolling::Off, bytes), None, "not known to scroll");
}

#[test]
fn applying_a_shift_moves_cells_and_blanks_what_it_uncovers() {
    let mut buffer = Buffer::with_lines(["0000", "1111", "2222", "3333", "4444"]);
    Shift { area: Rect::new(1, 1, 2, 3), rows: 1, up: true, margins: true }.apply(&mut buffer);
    assert_eq!(buffer, Buffer::with_lines(["0000", "1221", "2332", "3  3", "4444"]));
    Shift { area: Rect::new(0, 0, 4, 5), rows: 2, up: false, margins: false }.apply(&mut buffer);
    assert_eq!(buffer, Buffer::with_lines(["    ", "    ", "0000", "1221", "2332"]));
    Shift { area: Rect::new(0, 0, 4, 5), rows: 5, up: true, margins: false }.apply(&mut buffer);
    assert_eq!(buffer, Buffer::with_lines(["    "; 5]), "a move as tall as the area clears it");
}

/// The article on the left, a panel that does not move on the right.
fn with_panel(top: usize) -> Buffer {
    let mut rows = vec![format!("{:60}{:20}", "The title", "")];
    for (i, line) in lines(10, top).iter().enumerate() {
        rows.push(format!("{line:56}    {:20}", format!("Speaker {i} said so")));
    }
    rows.push(format!("{:80}", "status"));
    Buffer::with_lines(rows)
}

#[test]
fn beside_a_panel_only_the_article_band_moves_when_the_terminal_has_margins() {
    let (shown, next) = (with_panel(0), with_panel(1));
    let shift = choose(&shown, &next, Scrolling::Margins, bytes).unwrap();
    assert_eq!(shift, Shift { area: Rect::new(0, 1, 50, 10), rows: 1, up: true, margins: true });
    let shift = choose(&shown, &next, Scrolling::Rows, bytes).unwrap();
    assert!(!shift.margins && shift.area.width == 80, "else the rows move whole, and the panel is redrawn");
}

#[test]
fn margins_never_split_a_wide_character() {
    let mut shown = with_panel(0);
    // Its right half is in a column otherwise blank: outside the band.
    shown[(49, 4)].set_symbol("日");
    shown[(50, 4)].set_symbol("");
    let shift = choose(&shown, &with_panel(1), Scrolling::Margins, bytes).unwrap();
    assert!(!shift.margins, "{shift:?}");
}

#[test]
fn gutters_split_bands_and_narrow_ones_do_not() {
    let gutter = |s: &str| s.chars().map(|c| c == '.').collect::<Vec<_>>();
    assert_eq!(bands(&gutter("..xxx.xx...xxxx")), [(2, 8), (11, 15)]);
    assert_eq!(bands(&gutter("....")), []);
    assert_eq!(bands(&gutter("xx")), [(0, 2)]);
}

#[test]
fn a_change_elsewhere_on_the_screen_is_sent_plainly() {
    let shown = screen(0, 10, "status one");
    let mut next = shown.clone();
    next[(0, 11)].set_symbol("S");
    next[(3, 5)].set_symbol("X");
    assert_eq!(choose(&shown, &next, Scrolling::Rows, bytes), None);
}

/// A reading screen: a short title left, the article in a column in the
/// middle with a blank line after every third line, a short status left.
fn reading(top: usize) -> Buffer {
    let text = lines(40, 0);
    let mut rows = vec![format!("{:80}", "Title")];
    for y in 0..10 {
        let n = top + y;
        let line = if n % 4 == 3 { "" } else { &text[n] };
        rows.push(format!("{:15}{line:50}{:15}", "", ""));
    }
    rows.push(format!("{:80}", format!("{top}%")));
    Buffer::with_lines(rows)
}

#[test]
fn the_region_never_takes_in_a_title_or_status_line_the_band_leaves_blank() {
    for top in 0..6 {
        let shift = choose(&reading(top), &reading(top + 1), Scrolling::Rows, bytes).unwrap();
        assert_eq!((shift.area.y, shift.area.height), (1, 10), "from line {top}: {shift:?}");
        let shift = choose(&reading(top + 1), &reading(top), Scrolling::Margins, bytes).unwrap();
        assert_eq!(
            (shift.area.y, shift.area.height, shift.up),
            (1, 10, false),
            "back from line {top}: {shift:?}"
        );
    }
}

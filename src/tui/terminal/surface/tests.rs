use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use ratatui::style::{Color, Modifier};

use super::{BLANK, Before, Sending, Surface, is_blank, make_harmless};

/// The symbols sent for `next` over `before`.
fn sent(next: &Buffer, before: Before<'_>) -> Vec<String> {
    Sending::new(next, before).map(|(_, _, cell)| cell.symbol().to_owned()).collect()
}

#[test]
fn short_gaps_are_resent_instead_of_moving_the_cursor() {
    let shown = Buffer::with_lines(["abcdefghij"]);
    let next = Buffer::with_lines(["AbcDefghiJ"]);
    assert_eq!(sent(&next, Before::Frame(&shown)), ["A", "b", "c", "D", "e", "f", "g", "h", "i", "J"]);
    let mut far = shown.clone();
    far[(0, 0)].set_symbol("A");
    far[(9, 0)].set_symbol("J");
    assert_eq!(sent(&far, Before::Frame(&shown)), ["A", "J"], "a long gap is a cursor move");
    let wide = Buffer::with_lines(["a日本b  "]);
    let mut wide_next = wide.clone();
    wide_next[(0, 0)].set_symbol("A");
    wide_next[(5, 0)].set_symbol("B");
    assert_eq!(
        sent(&wide_next, Before::Frame(&wide)),
        ["A", "B"],
        "a gap holding a wide character is never re-sent"
    );
}

#[test]
fn on_a_blank_screen_only_what_is_not_blank_is_sent() {
    let next = Buffer::with_lines(["a b", "   ", "  c"]);
    // Two blanks after the line feeds to the last row cost less than a step.
    assert_eq!(sent(&next, Before::Blank), ["a", " ", "b", " ", " ", "c"]);
    let far = Buffer::with_lines(["a   ", "    ", "    c"]);
    assert_eq!(sent(&far, Before::Blank), ["a", "c"], "four are a step");
    assert_eq!(sent(&next, Before::Unknown).len(), 9, "nothing certain: every cell");
}

fn harmless(cell: &Cell) -> Cell {
    let mut cell = cell.clone();
    make_harmless(&mut cell);
    cell
}

#[test]
fn control_characters_never_leave_through_a_cell() {
    let mut cell = Cell::default();
    cell.set_symbol("\u{1b}");
    assert_eq!(harmless(&cell).symbol(), "\u{fffd}");
    cell.set_symbol("\u{9b}");
    assert_eq!(harmless(&cell).symbol(), "\u{fffd}");
    cell.set_symbol("é");
    assert_eq!(harmless(&cell).symbol(), "é");
    let mut surface = Surface::new(TestBackend::new(4, 1));
    let mut frame = Buffer::empty(Rect::new(0, 0, 4, 1));
    frame[(1, 0)].set_symbol("\u{7}");
    surface.present(frame).unwrap();
    assert_eq!(surface.inner().buffer()[(1, 0)].symbol(), "\u{fffd}");
    assert_eq!(surface.shown().unwrap()[(1, 0)].symbol(), "\u{fffd}", "what is shown is what was sent");
}

#[test]
fn blank_is_what_equals_a_blank_cell() {
    let mut cells = vec![Cell::default(), Cell::new("a"), Cell::new(""), Cell::new("日")];
    for change in 0..4 {
        let mut cell = Cell::default();
        match change {
            0 => cell.fg = Color::Red,
            1 => cell.bg = Color::Indexed(3),
            2 => cell.underline_color = Color::Blue,
            _ => cell.modifier = Modifier::UNDERLINED,
        }
        cells.push(cell);
    }
    for cell in &cells {
        assert_eq!(is_blank(cell, cell.symbol()), cell == &BLANK, "{cell:?}");
    }
}

#[test]
fn a_gap_in_another_style_is_stepped_over() {
    let mut shown = Buffer::with_lines(["abcdefghij"]);
    for x in 1..3 {
        shown[(x, 0)].modifier = Modifier::BOLD;
    }
    let mut next = shown.clone();
    next[(0, 0)].set_symbol("A");
    next[(3, 0)].set_symbol("D");
    assert_eq!(sent(&next, Before::Frame(&shown)), ["A", "D"], "re-sending them would change the pen twice");
    next[(3, 0)].modifier = Modifier::BOLD;
    assert_eq!(sent(&next, Before::Frame(&shown)), ["A", "b", "c", "D"], "in the next change's style, once");
}

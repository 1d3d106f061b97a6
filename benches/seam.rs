//! What a frame costs at the terminal seam, at 200x50: drawing a screen of
//! article scrolled one line from the last one, beside a panel that stays,
//! sent as a plain diff and with each kind of scrolling. The difference is
//! what choosing and applying a scroll adds to every key (latency is
//! measured against less).

use std::hint::black_box;
use std::time::Duration;

use byline::tui::terminal::{AnsiBackend, Screen, Scrolling};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::layout::Size;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

const WORDS: &[&str] = &[
    "harbor",
    "council",
    "budget",
    "vote",
    "plan",
    "river",
    "bridge",
    "tax",
    "school",
    "clinic",
    "market",
    "season",
    "storm",
    "report",
    "ruling",
    "court",
    "deal",
    "talks",
    "“quoted”",
    "road",
    "would",
    "could",
    "never",
    "again",
];

/// Lines of an invented article, 88 columns at most, every fifth blank.
fn lines(count: usize) -> Vec<String> {
    let mut state = 7u64;
    let mut next = |bound: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % bound
    };
    (0..count)
        .map(|i| {
            if i % 5 == 4 {
                return String::new();
            }
            let mut line = String::new();
            while line.chars().count() < 80 {
                line.push_str(WORDS[next(WORDS.len())]);
                line.push(' ');
            }
            line.trim_end().to_owned()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (cols, rows) = (200u16, 50u16);
    let text = lines(400);
    let quote = Style::new().fg(Color::Indexed(222));
    let mut group = c.benchmark_group("seam");
    group.sample_size(30).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));
    for scrolling in [Scrolling::Off, Scrolling::Rows, Scrolling::Margins] {
        let backend =
            AnsiBackend::with_size(std::io::sink(), Size::new(cols, rows)).with_scrolling(scrolling);
        let Ok(mut screen) = Screen::new(backend) else { return };
        let mut top = 0usize;
        group.bench_function(BenchmarkId::new("line_scroll_frame", format!("{scrolling:?}")), |b| {
            b.iter(|| {
                top = (top + 1) % (text.len() - usize::from(rows));
                let drawn = screen.draw(|f| {
                    f.set_line(0, 0, &Line::raw("The ferry question — Test Gazette"), cols);
                    for y in 1..rows - 1 {
                        let line = &text[top + usize::from(y)];
                        let middle =
                            line.char_indices().nth(line.chars().count() / 2).map_or(line.len(), |(i, _)| i);
                        let (plain, quoted) = line.split_at(middle);
                        let spans = vec![Span::raw(plain), Span::styled(quoted, quote)];
                        f.set_line(36, y, &Line::from(spans), 88);
                        f.set_line(161, y, &Line::raw(format!("Speaker {y} “said so”")), 39);
                    }
                    f.set_line(0, rows - 1, &Line::raw(format!("{top}%")), cols);
                });
                black_box(drawn).ok();
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

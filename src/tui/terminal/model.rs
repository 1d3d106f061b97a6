//! A small terminal screen model for tests: what byline writes (text, CUP,
//! CUF, CR, LF, SGR, ED, EL, ECH, IL, DL, SU, SD, DECSTBM) plus what the
//! `vt100` crate lacks, left and right margins (DECLRMM, DECSLRM), with
//! xterm's rules: the margins bound scrolls, line feeds at the bottom
//! margin and insert/delete line; setting either margin homes the cursor;
//! resetting DECLRMM resets the left and right margins. The tests check it
//! against `vt100` on every stream `vt100` understands.

use unicode_width::UnicodeWidthChar;

/// A colour as `vt100` reports it.
pub type Color = vt100::Color;

/// What a cell shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text (a space when blank, empty for a wide character's right half).
    pub text: String,
    pub fg: Color,
    pub bg: Color,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub inverse: bool,
}

impl Cell {
    fn blank(bg: Color) -> Self {
        Self {
            text: " ".into(),
            fg: Color::Default,
            bg,
            bold: false,
            dim: false,
            italic: false,
            underline: false,
            inverse: false,
        }
    }
}

/// A screen: rows of cells, top first.
pub type Snapshot = Vec<Vec<Cell>>;

/// The right half of a wide character (its style is the character's).
fn continuation() -> Cell {
    Cell { text: String::new(), ..Cell::blank(Color::Default) }
}

/// The snapshot of a `vt100` screen, in the same terms.
pub fn of_vt100(screen: &vt100::Screen) -> Snapshot {
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|y| {
            (0..cols.get())
                .map(|x| {
                    let cell = screen.cell(y, x).unwrap();
                    if cell.is_wide_continuation() {
                        return continuation();
                    }
                    let text =
                        if cell.contents().is_empty() { " ".into() } else { cell.contents().to_owned() };
                    Cell {
                        text,
                        fg: cell.fgcolor(),
                        bg: cell.bgcolor(),
                        bold: cell.bold(),
                        dim: cell.dim(),
                        italic: cell.italic(),
                        underline: cell.underline(),
                        inverse: cell.inverse(),
                    }
                })
                .collect()
        })
        .collect()
}

/// The terminal.
pub struct Model {
    cells: Snapshot,
    cols: usize,
    rows: usize,
    x: usize,
    y: usize,
    /// The cursor is past the last column: the next character wraps.
    pending_wrap: bool,
    pen: Cell,
    top: usize,
    bottom: usize,
    left: usize,
    right: usize,
    lrmm: bool,
    /// An escape sequence being read.
    seq: Option<Vec<u8>>,
    /// A UTF-8 character being read.
    utf8: Vec<u8>,
}

impl Model {
    /// A blank screen.
    pub fn new(cols: u16, rows: u16) -> Self {
        let (cols, rows) = (usize::from(cols), usize::from(rows));
        Self {
            cells: vec![vec![Cell::blank(Color::Default); cols]; rows],
            cols,
            rows,
            x: 0,
            y: 0,
            pending_wrap: false,
            pen: Cell::blank(Color::Default),
            top: 0,
            bottom: rows - 1,
            left: 0,
            right: cols - 1,
            lrmm: false,
            seq: None,
            utf8: Vec::new(),
        }
    }

    /// What the screen shows.
    pub fn snapshot(&self) -> Snapshot {
        let mut cells = self.cells.clone();
        for cell in cells.iter_mut().flatten() {
            if cell.text.is_empty() {
                *cell = continuation();
            }
        }
        cells
    }

    /// The terminal resized: cells kept where they fit, margins reset.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let (cols, rows) = (usize::from(cols), usize::from(rows));
        self.cells.resize(rows, vec![Cell::blank(Color::Default); cols]);
        for row in &mut self.cells {
            row.resize(cols, Cell::blank(Color::Default));
        }
        (self.cols, self.rows) = (cols, rows);
        (self.top, self.bottom, self.left, self.right) = (0, rows - 1, 0, cols - 1);
        self.x = self.x.min(cols - 1);
        self.y = self.y.min(rows - 1);
        self.pending_wrap = false;
    }

    /// Reads bytes written to the terminal.
    pub fn process(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            if let Some(seq) = &mut self.seq {
                seq.push(byte);
                let done = match seq.as_slice() {
                    [b'['] => false,
                    [b'[', .., last] => (0x40..=0x7e).contains(last),
                    _ => true,
                };
                if done {
                    let seq = self.seq.take().unwrap();
                    self.escape(&seq);
                }
                continue;
            }
            match byte {
                0x1b => self.seq = Some(Vec::new()),
                b'\r' => {
                    self.x = if self.x >= self.left { self.left } else { 0 };
                    self.pending_wrap = false;
                }
                b'\n' => self.line_feed(),
                0x20.. => {
                    self.utf8.push(byte);
                    if let Ok(text) = std::str::from_utf8(&self.utf8) {
                        let c = text.chars().next().unwrap();
                        self.utf8.clear();
                        self.print(c);
                    }
                }
                _ => panic!("unexpected control byte {byte:#x}"),
            }
        }
    }

    fn line_feed(&mut self) {
        self.pending_wrap = false;
        if self.y == self.bottom && (self.left..=self.right).contains(&self.x) {
            self.scroll(self.top, true, 1);
        } else if self.y + 1 < self.rows {
            self.y += 1;
        }
    }

    fn print(&mut self, c: char) {
        let width = c.width().unwrap_or(0);
        if width == 0 {
            // A combining mark joins the character before the cursor.
            let x = if self.pending_wrap { self.x } else { self.x.saturating_sub(1) };
            let mut x = x.min(self.cols - 1);
            while x > 0 && self.cells[self.y][x].text.is_empty() {
                x -= 1;
            }
            self.cells[self.y][x].text.push(c);
            return;
        }
        if self.pending_wrap || self.x + width > self.cols {
            self.x = 0;
            self.line_feed();
        }
        // Halves of wide characters written over are blanked, as xterm
        // and `vt100` do.
        let (x, row) = (self.x, &mut self.cells[self.y]);
        let wide_at = |row: &[Cell], x: usize| x + 1 < row.len() && row[x + 1].text.is_empty();
        if x > 0 && row[x].text.is_empty() {
            row[x - 1].text = " ".into();
        }
        let was_wide = wide_at(row, x);
        let mut cell = self.pen.clone();
        cell.text = c.to_string();
        row[x] = cell;
        if width == 2 && x + 1 < row.len() {
            if wide_at(row, x + 1) {
                row[x + 2] = Cell { text: " ".into(), ..self.pen.clone() };
            }
            row[x + 1] = Cell { text: String::new(), ..Cell::blank(Color::Default) };
        } else if was_wide {
            row[x + 1] = Cell { text: " ".into(), ..self.pen.clone() };
        }
        self.x += width;
        if self.x >= self.cols {
            self.x = self.cols - 1;
            self.pending_wrap = true;
        }
    }

    /// Moves rows `from..=bottom` (of the margins' columns) up or down by
    /// `n`, blanking the rows left behind.
    fn scroll(&mut self, from: usize, up: bool, n: usize) {
        let rows: Vec<usize> = (from..=self.bottom).collect();
        let blank = Cell::blank(self.pen.bg);
        let mut moved: Vec<Vec<Cell>> =
            rows.iter().map(|&y| self.cells[y][self.left..=self.right].to_vec()).collect();
        let n = n.min(moved.len());
        if up {
            moved.rotate_left(n);
            let len = moved.len();
            for row in &mut moved[len - n..] {
                row.fill(blank.clone());
            }
        } else {
            moved.rotate_right(n);
            for row in &mut moved[..n] {
                row.fill(blank.clone());
            }
        }
        for (y, row) in rows.into_iter().zip(moved) {
            self.cells[y][self.left..=self.right].clone_from_slice(&row);
        }
    }

    fn escape(&mut self, seq: &[u8]) {
        let [b'[', body @ .., last] = seq else {
            panic!("unexpected escape {:?}", String::from_utf8_lossy(seq))
        };
        let (private, body) = match body {
            [b'?', rest @ ..] => (true, rest),
            _ => (false, body),
        };
        let params: Vec<usize> = if body.is_empty() {
            Vec::new()
        } else {
            std::str::from_utf8(body).unwrap().split(';').map(|p| p.parse().unwrap_or(0)).collect()
        };
        let first = |default: usize| params.first().copied().filter(|n| *n > 0).unwrap_or(default);
        self.pending_wrap = false;
        match (private, last) {
            (true, b'h' | b'l') => {
                if params.contains(&69) {
                    self.lrmm = *last == b'h';
                    if !self.lrmm {
                        (self.left, self.right) = (0, self.cols - 1);
                    }
                }
                if params.contains(&1049) && *last == b'h' {
                    self.cells = vec![vec![Cell::blank(Color::Default); self.cols]; self.rows];
                }
            }
            (false, b'H') => {
                self.y = (first(1) - 1).min(self.rows - 1);
                self.x = (params.get(1).copied().filter(|n| *n > 0).unwrap_or(1) - 1).min(self.cols - 1);
            }
            (false, b'C') => self.x = (self.x + first(1)).min(self.cols - 1),
            (false, b'm') => self.sgr(&params),
            (false, b'J') if first(0) == 2 => {
                self.cells = vec![vec![Cell::blank(self.pen.bg); self.cols]; self.rows];
            }
            (false, b'K') => {
                let bg = self.pen.bg;
                self.cells[self.y][self.x..].fill(Cell::blank(bg));
            }
            (false, b'X') => {
                let (bg, end) = (self.pen.bg, (self.x + first(1)).min(self.cols));
                self.cells[self.y][self.x..end].fill(Cell::blank(bg));
            }
            (false, b'r') => {
                let (top, bottom) =
                    (first(1) - 1, params.get(1).copied().unwrap_or(self.rows).min(self.rows) - 1);
                if top < bottom {
                    (self.top, self.bottom) = (top, bottom);
                } else {
                    (self.top, self.bottom) = (0, self.rows - 1);
                }
                (self.x, self.y) = (0, 0);
            }
            (false, b's') => {
                assert!(self.lrmm, "CSI s without DECLRMM saves the cursor: byline never sends it");
                let (left, right) =
                    (first(1) - 1, params.get(1).copied().unwrap_or(self.cols).min(self.cols) - 1);
                if left < right {
                    (self.left, self.right) = (left, right);
                } else {
                    (self.left, self.right) = (0, self.cols - 1);
                }
                (self.x, self.y) = (0, 0);
            }
            (false, b'S' | b'T') => self.scroll(self.top, *last == b'S', first(1)),
            (false, b'L' | b'M') => {
                let inside =
                    (self.top..=self.bottom).contains(&self.y) && (self.left..=self.right).contains(&self.x);
                if inside {
                    self.scroll(self.y, *last == b'M', first(1));
                    self.x = self.left;
                }
            }
            _ => panic!("unexpected sequence {:?}", String::from_utf8_lossy(seq)),
        }
    }

    fn sgr(&mut self, params: &[usize]) {
        if params.is_empty() {
            self.pen = Cell::blank(Color::Default);
            return;
        }
        let mut params = params.iter().copied();
        while let Some(p) = params.next() {
            let pen = &mut self.pen;
            match p {
                0 => *pen = Cell::blank(Color::Default),
                1 => pen.bold = true,
                2 => pen.dim = true,
                3 => pen.italic = true,
                4 => pen.underline = true,
                7 => pen.inverse = true,
                22 => (pen.bold, pen.dim) = (false, false),
                23 => pen.italic = false,
                24 => pen.underline = false,
                27 => pen.inverse = false,
                5 | 6 | 8 | 9 | 25 | 28 | 29 | 59 => {}
                30..=37 => pen.fg = Color::Idx((p - 30) as u8),
                90..=97 => pen.fg = Color::Idx((p - 90 + 8) as u8),
                39 => pen.fg = Color::Default,
                40..=47 => pen.bg = Color::Idx((p - 40) as u8),
                100..=107 => pen.bg = Color::Idx((p - 100 + 8) as u8),
                49 => pen.bg = Color::Default,
                38 | 48 | 58 => {
                    let color = match params.next() {
                        Some(5) => Color::Idx(params.next().unwrap() as u8),
                        Some(2) => {
                            let mut c = || params.next().unwrap() as u8;
                            Color::Rgb(c(), c(), c())
                        }
                        other => panic!("bad extended colour {other:?}"),
                    };
                    match p {
                        38 => pen.fg = color,
                        48 => pen.bg = color,
                        _ => {}
                    }
                }
                _ => panic!("unexpected SGR {p}"),
            }
        }
    }
}

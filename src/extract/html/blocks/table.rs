//! Data tables: rows of cell texts, read while the walk is inside the table.

use super::Converter;
use crate::extract::html::content::Selection;
use crate::extract::html::tag::Tag;
use crate::extract::html::tree::ElId;
use crate::model::Block;

/// A data table being read, row by row.
#[derive(Default)]
pub(super) struct TableRows {
    pub(super) rows: Vec<Vec<String>>,
    /// The id of the `<table>` element, so that nested tables read as text.
    pub(super) id: ElId,
}

/// A table of short cells (no paragraphs, lists or nested tables inside) is
/// data; anything else is layout whose cells hold ordinary content.
pub(super) fn is_data_table(selection: &Selection, id: ElId) -> bool {
    let st = &selection.stats[id as usize];
    st.boxes <= 1 + st.p_count && st.good * 2 < st.chars
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Converter<'_> {
    /// An element opens inside a data table.
    pub(super) fn open_in_table(&mut self, tag: Tag) {
        let Some(table) = &mut self.table else { return };
        match tag {
            Tag::Tr => table.rows.push(Vec::new()),
            Tag::Cell => {
                if table.rows.is_empty() {
                    table.rows.push(Vec::new());
                }
                if let Some(row) = table.rows.last_mut() {
                    row.push(String::new());
                }
            }
            tag if tag.is_block() || tag == Tag::Br => self.text(" "),
            _ => {}
        }
    }

    /// Ends the data table when its element closes: its rows become a block.
    pub(super) fn close_in_table(&mut self, id: ElId) {
        if self.table.as_ref().is_none_or(|table| table.id != id) {
            return;
        }
        let rows: Vec<Vec<String>> = self
            .table
            .take()
            .map(|t| t.rows)
            .unwrap_or_default()
            .into_iter()
            .map(|row| row.iter().map(|cell| collapse(cell)).collect::<Vec<String>>())
            .filter(|row| row.iter().any(|cell| !cell.is_empty()))
            .collect();
        if !rows.is_empty() {
            self.blocks.push(Block::table(rows));
        }
    }
}

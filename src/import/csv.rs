//! A CSV reader for Substack's `posts.csv` (RFC 4180: quoted fields with
//! doubled quotes, commas and line breaks inside them, CRLF or LF rows).

/// The records of `text`, each a list of fields; blank lines are skipped.
#[must_use]
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                quoted = true;
                any = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                any = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if any || !field.is_empty() {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                any = false;
            }
            c => field.push(c),
        }
    }
    if any || !field.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// Records as maps from the header's names (lower case) to fields.
#[must_use]
pub fn with_header(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut records = parse(text).into_iter();
    let Some(header) = records.next() else { return Vec::new() };
    let header: Vec<String> = header.iter().map(|name| name.trim().to_lowercase()).collect();
    records.map(|record| header.iter().cloned().zip(record).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let text = "\u{feff}id,title,subtitle\r\n1,\"Tolls, again\",\"She said \"\"no\"\"\nand left\"\r\n\r\n2,Plain,\n";
        assert_eq!(
            parse(text),
            [
                vec!["id", "title", "subtitle"],
                vec!["1", "Tolls, again", "She said \"no\"\nand left"],
                vec!["2", "Plain", ""]
            ]
        );
    }

    #[test]
    fn a_header_names_the_fields() {
        let rows = with_header("Post_ID,Title\n7.x,Hello\n8.y\n");
        assert_eq!(rows[0]["post_id"], "7.x");
        assert_eq!(rows[0]["title"], "Hello");
        assert!(!rows[1].contains_key("title"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "\"", "\"\"\"", ",,,\n", "a\rb", "\"a\"b,c"] {
            let _ = parse(text);
        }
        assert_eq!(parse("\"a\"b,c"), [vec!["ab", "c"]]);
    }
}

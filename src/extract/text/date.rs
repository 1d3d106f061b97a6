//! Publication dates written the usual ways, turned into `YYYY-MM-DD`.

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The month a word names ("Feb", "February", "Sept."), 1–12.
#[must_use]
pub fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let position = MONTHS.iter().position(|m| lower.starts_with(m))?;
    // "Mayor" or "Marching" must not read as months: full names or 3–4 letter forms only.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (lower.len() <= 4 || full[position] == lower).then_some(position as u32 + 1)
}

/// A four-digit year, also when a page glued the time to it ("20195:45").
fn year(word: &str) -> Option<u32> {
    let digits = word.trim_matches(|c: char| !c.is_ascii_digit());
    let glued_time = digits.len() > 4
        && digits.is_char_boundary(4)
        && digits[4..].split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()) && m.len() == 2
        });
    let digits = if glued_time { &digits[..4] } else { digits };
    (digits.len() == 4).then(|| digits.parse().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

fn day(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    let suffix_ok = matches!(rest.trim_end_matches([',', '.']), "" | "st" | "nd" | "rd" | "th");
    digits.parse().ok().filter(|d| (1..=31).contains(d) && suffix_ok)
}

fn format(y: u32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Finds a date in a short line: "Feb 05, 2026", "February 5, 2026",
/// "5 February 2026", "2026-02-05", "05.02.2026" (dots: day first, as
/// everywhere dots are written), "11/19/2019" (slashes: month first unless
/// the first number cannot be a month).
#[must_use]
pub fn find_date(line: &str) -> Option<String> {
    let words: Vec<&str> =
        line.split(|c: char| c.is_whitespace() || c == '|' || c == '·').filter(|w| !w.is_empty()).collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(iso) = iso(word).or_else(|| numeric(word)) {
            return Some(iso);
        }
        if let Some(m) = month_number(word) {
            // Month Day, Year
            if let (Some(d), Some(y)) =
                (words.get(i + 1).and_then(|w| day(w)), words.get(i + 2).and_then(|w| year(w)))
            {
                return Some(format(y, m, d));
            }
            // Day Month Year
            if let (Some(d), Some(y)) = (
                i.checked_sub(1).and_then(|p| words.get(p)).and_then(|w| day(w)),
                words.get(i + 1).and_then(|w| year(w)),
            ) {
                return Some(format(y, m, d));
            }
        }
    }
    None
}

/// `13.11.2019` (day, month, year) or `11/19/2019` (month, day, year).
fn numeric(word: &str) -> Option<String> {
    let word = word.trim_end_matches([',', ';']);
    let separator = if word.contains('.') { '.' } else { '/' };
    let parts: Vec<&str> = word.split(separator).collect();
    if parts.len() != 3 || parts[2].len() != 4 || parts[..2].iter().any(|p| p.is_empty() || p.len() > 2) {
        return None;
    }
    let (first, second): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    let full_year = year(parts[2])?;
    let (month, day) = if separator == '.' || first > 12 { (second, first) } else { (first, second) };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| format(full_year, month, day))
}

fn iso(word: &str) -> Option<String> {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let date = word.get(..10)?;
    let parts: Vec<&str> = date.split(['-', '/']).collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let (y, m, d) = (year(parts[0])?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_forms() {
        assert_eq!(find_date("Feb 05, 2026").as_deref(), Some("2026-02-05"));
        assert_eq!(find_date("Updated February 5th, 2026 at 3 p.m.").as_deref(), Some("2026-02-05"));
        assert_eq!(find_date("19 November 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(find_date("Published 2024-12-31T10:00Z").as_deref(), Some("2024-12-31"));
        assert_eq!(find_date("Sept. 3, 2023").as_deref(), Some("2023-09-03"));
    }

    #[test]
    fn numeric_and_glued_forms() {
        assert_eq!(find_date("13.11.2019, 23:06").as_deref(), Some("2019-11-13"));
        assert_eq!(find_date("5:45 AM PST 11/19/2019 by Ann Lee").as_deref(), Some("2019-11-19"));
        assert_eq!(find_date("19/11/2019").as_deref(), Some("2019-11-19"));
        assert_eq!(find_date("Nov 15, 20195:45 AM").as_deref(), Some("2019-11-15"));
        assert_eq!(find_date("Nov 20 2019, 10:18am ist").as_deref(), Some("2019-11-20"));
    }

    #[test]
    fn no_false_dates() {
        assert_eq!(find_date("Version 1.2.3 of 2.0.2019a"), None);
        assert_eq!(find_date("Scored 13/45/2019"), None);
        assert_eq!(find_date("The Mayor said 5 things in 2026"), None);
        assert_eq!(find_date("March on, 1999 times"), None);
    }
}

//! Times as the library stores them (Unix seconds, UTC) and as people read
//! them (ISO 8601), without a date crate: the conversion is a few lines of
//! civil-calendar arithmetic (Howard Hinnant's `civil_from_days`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, in Unix seconds.
#[must_use]
pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Year, month (1–12) and day (1–31) of a day counted from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `YYYY-MM-DD` (UTC) of Unix seconds.
#[must_use]
pub fn date(secs: i64) -> String {
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// `YYYY-MM-DDTHH:MM:SSZ` of Unix seconds.
#[must_use]
pub fn datetime(secs: i64) -> String {
    let of_day = secs.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", date(secs), of_day / 3600, of_day % 3600 / 60, of_day % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(datetime(0), "1970-01-01T00:00:00Z");
        assert_eq!(datetime(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(datetime(1_773_273_845), "2026-03-12T00:04:05Z");
        assert_eq!(date(-1), "1969-12-31");
        assert_eq!(date(4_102_444_800), "2100-01-01");
    }

    #[test]
    fn every_day_follows_the_one_before() {
        let mut previous = civil_from_days(-800_000);
        for days in -799_999..800_000 {
            let (year, month, day) = civil_from_days(days);
            let next_day = (previous.0, previous.1, previous.2 + 1) == (year, month, day);
            let next_month = (previous.0, previous.1 + 1, 1) == (year, month, day);
            let next_year = (previous.0 + 1, 1, 1) == (year, month, day) && previous.1 == 12;
            assert!(next_day || next_month || next_year, "{previous:?} then {:?}", (year, month, day));
            previous = (year, month, day);
        }
    }
}

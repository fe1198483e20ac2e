//! Dates as users type them. The library stores ISO 8601 to the precision stated
//! (2025, 2025-02, 2025-02-14); people also write 2025年2月14日, 2025/2/14 or 2025.02.

use chrono::NaiveDate;

use crate::{Reason, Result};

/// `text` as an ISO date to its own precision: a year, a month or a day.
pub fn partial_date(text: &str) -> Result<String> {
    let parts = parts(text.trim()).filter(|p| !p.is_empty() && p.len() <= 3);
    let iso = parts.and_then(|p| {
        let [year, month, day] = [p.first(), p.get(1), p.get(2)].map(|n| n.copied());
        let year = year.filter(|y| (1000..=9999).contains(y))?;
        // Checked as a whole day, the first of the month or year when none is given.
        NaiveDate::from_ymd_opt(year as i32, month.unwrap_or(1), day.unwrap_or(1))?;
        Some(match (month, day) {
            (None, _) => format!("{year:04}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        })
    });
    iso.ok_or_else(|| Reason::NotADate { text: text.to_owned() }.into())
}

/// `text` as a whole day, 2025-02-14.
pub fn full_date(text: &str) -> Result<String> {
    partial_date(text)
        .ok()
        .filter(|d| d.len() == 10)
        .ok_or_else(|| Reason::NotADay { text: text.to_owned() }.into())
}

/// The numbers of a date written with -, /, . or 年月日 between them; None if anything
/// else is in it.
fn parts(text: &str) -> Option<Vec<u32>> {
    let text = text.strip_suffix(['年', '月', '日', '号']).unwrap_or(text);
    let mut numbers = Vec::new();
    for part in text.split(['-', '/', '.', '年', '月']) {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) || part.len() > 4 {
            return None;
        }
        numbers.push(part.parse().ok()?);
    }
    Some(numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_to_their_own_precision() {
        for (typed, iso) in [
            ("2025", "2025"),
            ("2025-02", "2025-02"),
            ("2025-02-14", "2025-02-14"),
            (" 2025-2-4 ", "2025-02-04"),
            ("2025年2月", "2025-02"),
            ("2025年2月14日", "2025-02-14"),
            ("2025/02/14", "2025-02-14"),
            ("2025.2", "2025-02"),
            ("2025年", "2025"),
        ] {
            assert_eq!(partial_date(typed).unwrap(), iso, "{typed}");
        }
        for bad in ["yesterday", "2025-13", "2024-02-30", "25-02", "", "2025-02-14-1", "2025-", "2025--02"] {
            let error = partial_date(bad).unwrap_err();
            assert!(error.message.contains("is not a date"), "{bad}: {error}");
        }
        assert_eq!(full_date("2025年2月14日").unwrap(), "2025-02-14");
        assert!(full_date("2025-02").is_err());
    }
}

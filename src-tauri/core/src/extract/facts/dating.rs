//! The date of a fact: the date of its clause, else the nearest one before it in the
//! sentence, else after; never the base of a comparison, nor a date before a sum to date.

use super::Place;
use crate::extract::dates::DateSpan;
use crate::extract::lexicon::{Group, Hits};
use crate::extract::quantities::QuantitySpan;
use crate::extract::text::ends_with_at;
use crate::extract::words::facts::NOW;

/// The date of the figure `q` at `place`, if the text gives one. `dates` are sorted by start.
pub fn date_of(
    s: &[char],
    hits: &Hits,
    dates: &[DateSpan],
    q: &QuantitySpan,
    place: &Place,
) -> Option<String> {
    let Place { sent, cs, ce, .. } = *place;
    let sent_dates = &dates
        [dates.partition_point(|d| d.start < sent.start)..dates.partition_point(|d| d.start < sent.end)];
    // 较去年同期增长, higher than last year: the base of a comparison is not the fact's
    // date, except for the base's own amount (较去年的55亿美元).
    let compared = |d: &DateSpan| {
        let base = d.start > 0 && matches!(s[d.start - 1], '较' | '比')
            || ["than ", "compared with ", "compared to "]
                .iter()
                .any(|w| ends_with_at(s, d.start, w).is_some());
        let own = q.start == d.end || q.start == d.end + 1 && s[d.end] == '的';
        base && !own
    };
    let in_sent = || sent_dates.iter().filter(|d| d.end <= sent.end && !compared(d));
    let in_clause = in_sent().filter(|d| d.start >= cs && d.end <= ce).min_by_key(|d| {
        if d.start >= q.end {
            d.start - q.end
        } else {
            q.start.saturating_sub(d.end)
        }
    });
    // 成立于2020年10月，至今累计融资超百亿元: the sum is as of now, not of that month.
    let now = hits.within(Group::Marker, cs, q.start).any(|(_, k)| NOW.contains(&k));
    match in_clause {
        None if !now => {
            in_sent().rfind(|d| d.end <= q.start).or_else(|| in_sent().find(|d| d.start >= q.end))
        }
        d => d,
    }
    .map(|d| d.value.clone())
}

//! RFC 5322 §3.3 date-time (and its §4.3 obsolete forms), read the way servers write it.
//!
//! Leniencies, each because real headers need it:
//! * weekday optional and unchecked (many relays get it wrong);
//! * tokens in any order of `day month year` / `month day year` (asctime, RFC 850);
//! * obsolete and common zone names (`GMT`, `UT`, `EST`, `PDT`, `CEST`…), military
//!   letters (RFC 5322 §4.3: all but `Z` mean "unknown", read as `-0000`), `+00:00`,
//!   `GMT+0100`;
//! * comments (`(UTC)`, `(GMT+00:00)`) ignored; a zone named only in a comment is used
//!   when no other zone is present;
//! * 2-digit years (`< 50` → 20xx) and 3-digit years (+1900), missing seconds,
//!   fractional seconds, extra spaces and commas;
//! * ISO 8601 forms (`2024-03-05T10:00:00Z`, Go's `2024-03-05 10:00:00.123 +0000 UTC`);
//! * anything after the zone is ignored (Go's `m=+0.1` monotonic reading).
//!
//! A missing zone is read as `-0000` (UTC, local offset unknown). Anything else that
//! is not a date-time piece makes the parse fail, so that a random phrase is never
//! taken for a date.

use serde::Serialize;

use super::lex::{Token, tokenize};

/// A parsed date-time: the instant and the offset the writer stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateTime {
    /// UNIX time in seconds (UTC).
    pub timestamp: i64,
    /// The stated offset from UTC in minutes (`+0100` → 60).
    pub offset_minutes: i32,
    /// True when the offset is unknown (`-0000`, a military letter other than `Z`,
    /// or no zone at all): the instant is then only known up to the writer's offset.
    pub offset_unknown: bool,
}

impl DateTime {
    /// The date-time in RFC 3339 form, in the writer's offset.
    pub fn to_rfc3339(&self) -> String {
        to_rfc3339(self.timestamp, self.offset_minutes)
    }
}

/// Parses an RFC 5322 date-time, leniently (see the module documentation).
/// Returns `None` when no complete date and time can be read.
pub fn parse(input: &str) -> Option<DateTime> {
    let mut b = Builder::default();
    let mut comment_zone = None;
    for t in tokenize(input, &[',']) {
        match t.token {
            Token::Comment(c) => {
                if comment_zone.is_none() {
                    comment_zone = zone_in_comment(&c);
                }
            }
            Token::Special(_) => {}
            Token::Quoted(_) => return None,
            Token::Word(w) => {
                if b.zone.is_some() && b.complete() {
                    break;
                }
                b.word(&w)?;
            }
        }
    }
    if b.zone.is_none() {
        b.zone = comment_zone;
    }
    b.finish()
}

/// The UTC day of `secs` (UNIX time), `YYYY-MM-DD`.
pub fn utc_day(secs: i64) -> String {
    let mut s = to_rfc3339(secs, 0);
    s.truncate(s.find('T').unwrap_or(s.len()));
    s
}

/// Formats `secs` (UNIX time) shifted by `offset_minutes` as RFC 3339,
/// e.g. `2024-03-05T10:00:00+01:00`. Offset 0 is written `+00:00`.
pub fn to_rfc3339(secs: i64, offset_minutes: i32) -> String {
    let local = secs.saturating_add(i64::from(offset_minutes) * 60);
    let days = local.div_euclid(86_400);
    let rem = local.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        off / 60,
        off % 60
    )
}

/// Offset in minutes of a zone name, and whether it means "unknown".
fn named_zone(name: &str) -> Option<(i32, bool)> {
    let n = name.to_ascii_uppercase();
    let hours = match n.as_str() {
        "UT" | "UTC" | "GMT" | "Z" | "WET" | "ZULU" => 0,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "AKST" => -9,
        "AKDT" => -8,
        "HST" => -10,
        "BST" | "CET" | "MET" | "WEST" => 1,
        "CEST" | "MEST" | "EET" | "SAST" => 2,
        "EEST" | "MSK" => 3,
        "IST" => return Some((330, false)),
        "SGT" | "HKT" | "AWST" => 8,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        "NZST" => 12,
        "NZDT" => 13,
        _ if n.len() == 1 && n.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) => {
            // RFC 5322 §4.3: military zones other than Z are unreliable, read as -0000.
            return Some((0, true));
        }
        _ => return None,
    };
    Some((hours * 60, false))
}

/// Reads `+hhmm`, `-hhmm`, `+hh:mm`, `+hh`.
fn numeric_zone(s: &str) -> Option<(i32, bool)> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|&c| c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || rest.starts_with(':') {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits.get(..1)?.parse::<i32>().ok()?,
            digits.get(1..)?.parse::<i32>().ok()?,
        ),
        4 => (
            digits.get(..2)?.parse::<i32>().ok()?,
            digits.get(2..)?.parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    let unknown = sign == -1 && h == 0 && m == 0;
    Some((sign * (h * 60 + m), unknown))
}

/// A zone word: a name, a numeric offset, or a name followed by an offset (`GMT+0100`).
fn zone_word(w: &str) -> Option<(i32, bool)> {
    if let Some(z) = numeric_zone(w).or_else(|| named_zone(w)) {
        return Some(z);
    }
    let split = w.find(['+', '-'])?;
    let (name, off) = (w.get(..split)?, w.get(split..)?);
    named_zone(name)?;
    numeric_zone(off).map(|(m, _)| (m, false))
}

/// `(UTC)`, `(PST)`, `(GMT+00:00)`: a zone named in a comment.
fn zone_in_comment(c: &str) -> Option<(i32, bool)> {
    let w = c.split_whitespace().next()?;
    zone_word(w).filter(|_| w.bytes().any(|b| b.is_ascii_alphabetic()))
}

fn month_number(w: &str) -> Option<u32> {
    let lower = w.to_ascii_lowercase();
    let head = lower.get(..3)?;
    let m = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|&n| n == head)?;
    // Full names or abbreviations only ("Mar", "March", "Sept.").
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
    let name = full.get(m)?;
    let trimmed = lower.trim_end_matches('.');
    if name.starts_with(trimmed) {
        u32::try_from(m + 1).ok()
    } else {
        None
    }
}

fn is_weekday(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| lower.len() >= 3 && d.starts_with(lower))
}

#[derive(Default)]
struct Builder {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i64>,
    /// Bare numbers seen, in order, before the month was known.
    numbers: Vec<(u64, usize)>,
    time: Option<(u32, u32, u32)>,
    zone: Option<(i32, bool)>,
}

impl Builder {
    fn complete(&self) -> bool {
        self.time.is_some() && self.month.is_some()
    }

    fn word(&mut self, w: &str) -> Option<()> {
        let w = w.trim_matches(',');
        if w.is_empty() || is_weekday(w) {
            return Some(());
        }
        // ISO 8601: 2024-03-05 or 2024-03-05T10:00:00Z.
        if let Some((date, time)) = iso_parts(w) {
            let (y, m, d) = date;
            self.year = Some(y);
            self.month = Some(m);
            self.day = Some(d);
            if let Some(t) = time {
                return self.word(t);
            }
            return Some(());
        }
        // 5-Mar-2024 (IMAP-style date).
        if w.matches('-').count() == 2 && !w.starts_with('-') {
            let mut parts = w.split('-');
            let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
            if let Some(m) = month_number(m) {
                self.month = Some(m);
                self.numbers.push((d.parse().ok()?, d.len()));
                self.numbers.push((0, 0));
                self.numbers.push((y.parse().ok()?, y.len()));
                return Some(());
            }
        }
        if w.contains(':') && w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            if self.time.is_some() {
                return None;
            }
            let (time, zone) = split_time_zone(w);
            self.time = Some(parse_time(time)?);
            if let Some(z) = zone {
                self.zone = Some(zone_word(z)?);
            }
            return Some(());
        }
        if w.bytes().all(|b| b.is_ascii_digit()) {
            if w.len() > 4 {
                return None;
            }
            self.numbers.push((w.parse().ok()?, w.len()));
            return Some(());
        }
        if let Some(m) = month_number(w) {
            if self.month.is_some() {
                return None;
            }
            self.month = Some(m);
            self.numbers.push((0, 0)); // marks the month's position
            return Some(());
        }
        if self.zone.is_none()
            && let Some(z) = zone_word(w)
        {
            self.zone = Some(z);
            return Some(());
        }
        None
    }

    fn finish(mut self) -> Option<DateTime> {
        let month = self.month?;
        if self.day.is_none() {
            // Place the day and year around the month marker.
            let marker = self.numbers.iter().position(|&(_, len)| len == 0)?;
            let before: Vec<_> = self.numbers.get(..marker)?.to_vec();
            let after: Vec<_> = self.numbers.get(marker + 1..)?.to_vec();
            let all: Vec<_> = before.iter().chain(after.iter()).copied().collect();
            if all.len() != 2 {
                return None;
            }
            let (day, year) = if let Some(i) = all.iter().position(|&(_, len)| len > 2) {
                (*all.get(1 - i)?, *all.get(i)?)
            } else if before.len() == 1 {
                (*before.first()?, *after.first()?) // RFC order: day month year
            } else {
                (*all.first()?, *all.get(1)?) // asctime: month day year
            };
            self.day = Some(u32::try_from(day.0).ok()?);
            self.year = Some(match year.1 {
                1 | 2 if year.0 < 50 => 2000 + year.0 as i64,
                1 | 2 => 1900 + year.0 as i64,
                3 => 1900 + year.0 as i64,
                _ => year.0 as i64,
            });
        }
        let (day, year) = (self.day?, self.year?);
        if !(1..=days_in_month(year, month)).contains(&day) || !(1000..=9999).contains(&year) {
            return None;
        }
        let (h, m, s) = self.time?;
        let (offset_minutes, offset_unknown) = self.zone.unwrap_or((0, true));
        let days = days_from_civil(year, month, day);
        let local = days * 86_400 + i64::from(h * 3600 + m * 60 + s);
        Some(DateTime {
            timestamp: local - i64::from(offset_minutes) * 60,
            offset_minutes,
            offset_unknown,
        })
    }
}

/// A calendar date: year, month, day.
type Ymd = (i64, u32, u32);

/// `2024-03-05` with an optional `T…` time part.
fn iso_parts(w: &str) -> Option<(Ymd, Option<&str>)> {
    let (date, time) = match w.find(['T', 't']) {
        Some(i) => (w.get(..i)?, Some(w.get(i + 1..)?)),
        None => (w, None),
    };
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    Some(((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?), time))
}

/// `10:00:00Z`, `10:00:00+01:00`, `10:00:00.123-0500` → (time, zone).
fn split_time_zone(w: &str) -> (&str, Option<&str>) {
    if let Some(i) = w.find(['+', '-', 'Z', 'z'])
        && let (Some(t), Some(z)) = (w.get(..i), w.get(i..))
    {
        return (t, Some(z));
    }
    (w, None)
}

fn parse_time(t: &str) -> Option<(u32, u32, u32)> {
    let mut parts = t.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let s: u32 = match parts.next() {
        // Fractional seconds are dropped.
        Some(s) => s.split(['.', ',']).next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some((h, m, s))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-03-05T10:00:00Z
    const T: i64 = 1_709_632_800;

    #[test]
    fn table_of_forms() {
        // (input, timestamp, offset minutes, offset unknown)
        let table: &[(&str, i64, i32, bool)] = &[
            ("Tue, 5 Mar 2024 10:00:00 +0000", T, 0, false),
            ("Tue, 05 Mar 2024 10:00:00 +0000", T, 0, false),
            ("5 Mar 2024 10:00:00 +0000", T, 0, false),
            ("Tue, 5 Mar 2024 11:00:00 +0100", T, 60, false),
            ("Tue, 5 Mar 2024 05:00:00 -0500", T, -300, false),
            ("Tue, 5 Mar 2024 10:00:00 GMT", T, 0, false),
            ("Tue, 5 Mar 2024 10:00:00 UT", T, 0, false),
            ("Tue, 5 Mar 2024 05:00:00 EST", T, -300, false),
            ("Tue, 5 Mar 2024 03:00:00 PDT", T, -420, false),
            ("Tue, 5 Mar 2024 10:00:00 Z", T, 0, false),
            ("Tue, 5 Mar 2024 10:00:00 A", T, 0, true),
            ("Tue, 5 Mar 2024 10:00:00 -0000", T, 0, true),
            ("Tue, 5 Mar 2024 10:00:00 +0000 (UTC)", T, 0, false),
            ("Tue, 5 Mar 2024 02:00:00 -0800 (PST)", T, -480, false),
            ("Tue, 5 Mar 2024 10:00:00 +0000 (GMT+00:00)", T, 0, false),
            ("Tue, 5 Mar 2024 02:00:00 (PST)", T, -480, false),
            ("Tue, 5 Mar 24 10:00:00 +0000", T, 0, false),
            ("Tue, 5 Mar 124 10:00:00 +0000", T, 0, false),
            ("Tue,  5   Mar  2024   10:00:00   +0000", T, 0, false),
            ("Tue, 5 Mar 2024 10:00 +0000", T, 0, false),
            ("Tue, 5 Mar 2024 10:00:00.123 +0000", T, 0, false),
            ("Tue,5 Mar 2024 10:00:00 +0000", T, 0, false),
            ("Tuesday, 5 March 2024 10:00:00 +0000", T, 0, false),
            ("Tue Mar  5 10:00:00 2024", T, 0, true),
            ("Tue, 05-Mar-2024 10:00:00 GMT", T, 0, false),
            ("Tue, 5 Mar 2024 11:00:00 GMT+0100", T, 60, false),
            ("Tue, 5 Mar 2024 11:00:00 +01:00", T, 60, false),
            ("Tue, 5 Mar 2024 11:00:00 CET", T, 60, false),
            ("2024-03-05T10:00:00Z", T, 0, false),
            ("2024-03-05T11:00:00.5+01:00", T, 60, false),
            (
                "2024-03-05 10:00:00.123456789 +0000 UTC m=+12345.678901",
                T,
                0,
                false,
            ),
            ("Mar 5 2024 10:00:00 +0000", T, 0, false),
            // Exchange Online folds inside the date of its Received fields.
            ("Tue, 5 Mar\r\n 2024 10:00:00 +0000", T, 0, false),
            ("Tue, 5 Mar 2024\r\n 10:00:00 +0000", T, 0, false),
            // SendGrid's API hop: fractional seconds and a zone name after the offset.
            ("Tue, 05 Mar 2024 10:00:00.097 +0000 (UTC)", T, 0, false),
            ("tue, 5 mar 2024 10:00:00 +0000", T, 0, false),
            ("Thu, 1 Jan 1970 00:00:00 +0000", 0, 0, false),
            ("Thu, 29 Feb 2024 00:00:00 +0000", 1_709_164_800, 0, false),
            ("Fri, 31 Dec 1999 23:59:59 -0000", 946_684_799, 0, true),
            ("Mon, 1 Jan 90 00:00:00 +0000", 631_152_000, 0, false),
        ];
        assert!(table.len() >= 20);
        for &(input, ts, off, unknown) in table {
            let got = parse(input).unwrap_or_else(|| panic!("no parse: {input:?}"));
            assert_eq!(
                (got.timestamp, got.offset_minutes, got.offset_unknown),
                (ts, off, unknown),
                "{input:?}"
            );
        }
    }

    #[test]
    fn rejects_non_dates() {
        for input in [
            "",
            "hello world",
            "Tue, 5 Mar 2024",
            "10:00:00 +0000",
            "Tue, 31 Feb 2024 10:00:00 +0000",
            "Tue, 5 Mar 2024 25:00:00 +0000",
            "Tue, 5 Foo 2024 10:00:00 +0000",
            "with HTTP id aBcDeF Tue, 5 Mar 2024 10:00:00 +0000",
            "5 Mar 2024 10:00:00 10:00:00",
            "\"5 Mar 2024 10:00:00\"",
        ] {
            assert_eq!(parse(input), None, "{input:?}");
        }
    }

    #[test]
    fn formats_rfc3339() {
        assert_eq!(to_rfc3339(T, 0), "2024-03-05T10:00:00+00:00");
        assert_eq!(to_rfc3339(T, 60), "2024-03-05T11:00:00+01:00");
        assert_eq!(to_rfc3339(T, -330), "2024-03-05T04:30:00-05:30");
        assert_eq!(to_rfc3339(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(to_rfc3339(-1, 0), "1969-12-31T23:59:59+00:00");
        let round = parse("Tue, 5 Mar 2024 02:00:00 -0800").map(|d| d.to_rfc3339());
        assert_eq!(round.as_deref(), Some("2024-03-05T02:00:00-08:00"));
    }

    #[test]
    fn civil_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}

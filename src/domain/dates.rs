//! ISO dates (`YYYY-MM-DD`) read without chrono's general-purpose parser, which would add tens of
//! kilobytes to the wasm for a format this simple. Used by serde and by the date inputs.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer};

/// Parses `YYYY-MM-DD` (what `<input type="date">` and our stored state use).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The last day a date field can show: its year has four digits.
pub const LAST_INPUT_DATE: &str = "9999-12-31";
/// The earliest date a date field takes (years of four digits, as [`parse_input`]).
pub const FIRST_INPUT_DATE: &str = "1000-01-01";

/// A date typed into a date field: as [`parse_iso`], but only years of four digits. The field
/// cannot display a longer year, so taking one would store a date the visitor does not see.
pub fn parse_input(text: &str) -> Option<NaiveDate> {
    parse_iso(text).filter(|date| (1000..=9999).contains(&chrono::Datelike::year(date)))
}

/// What a date field's value says while it is typed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// A date to keep.
    Date(NaiveDate),
    /// The field emptied.
    Cleared,
    /// A part left blank (`incomplete`: the browser's own "bad input" flag, with no value).
    Unfinished,
    /// A whole date that cannot be kept, such as a year of fewer than four digits: one is passed
    /// on the way to any year typed digit by digit ("0002-…"), so it is said, never stored. Stored
    /// as no date, it emptied the field under the cursor (keyboard pass of stop 48: typing a new
    /// audit date over the old one stored none).
    Refused,
}

/// Reads a date field's value ([`Typed`]).
pub fn typed(value: &str, incomplete: bool) -> Typed {
    match (value.trim().is_empty(), parse_input(value)) {
        (true, _) if incomplete => Typed::Unfinished,
        (true, _) => Typed::Cleared,
        (false, Some(date)) => Typed::Date(date),
        (false, None) => Typed::Refused,
    }
}

/// `YYYY-MM-DD` without chrono's formatting machinery, a year past four digits in all of its own
/// (the exports' dates and file names).
pub fn iso(date: NaiveDate) -> String {
    use chrono::Datelike;
    match iso_bytes(&date) {
        Some(text) => text.iter().map(|&byte| char::from(byte)).collect(),
        None => format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
    }
}

/// `YYYY-MM-DD` for a year of four digits, written without the formatting machinery (the save
/// after every answer writes each record's date: 2,300 of them at ten times the content).
fn iso_bytes(date: &NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let (y, m, d) = (u32::try_from(date.year()).ok().filter(|year| *year <= 9999)?, date.month(), date.day());
    // The digit of `number` in the place of `place` (1000, 100, 10 or 1).
    let at = |number: u32, place: u32| b'0' + (number / place % 10) as u8;
    Some([at(y, 1000), at(y, 100), at(y, 10), at(y, 1), b'-', at(m, 10), at(m, 1), b'-', at(d, 10), at(d, 1)])
}

/// `#[serde(with = "crate::domain::dates::optional")]` for `Option<NaiveDate>` fields.
pub mod optional {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => match iso_bytes(date) {
                Some(bytes) => serializer.serialize_str(std::str::from_utf8(&bytes).unwrap_or_default()),
                None => serializer.collect_str(date),
            },
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) => parse_iso(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("no date in “{text}”: dates are written year-month-day, YYYY-MM-DD"))),
        }
    }
}

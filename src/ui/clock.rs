//! The only place that reads the clock: the domain receives `today` as a parameter.

use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The local hour and minute, for a backup's file name.
pub fn hour_minute() -> (u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_hours(), now.get_minutes())
}

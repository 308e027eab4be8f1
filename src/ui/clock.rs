//! The only place that reads the clock, and the device's time zone: the domain receives `today`
//! as a parameter.

use chrono::NaiveDate;

/// A moment as this device's clock shows it, to the second (chrono's time-zone support weighs
/// kilobytes in the bundle: the browser's own `Date` reads the zone).
pub struct LocalTime {
    pub day: NaiveDate,
    pub hours: u32,
    pub minutes: u32,
    pub seconds: u32,
}

/// The moment `ms` milliseconds after the Unix epoch, in this device's time zone.
pub fn local_time(ms: f64) -> Option<LocalTime> {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    Some(LocalTime { day: day_of(&at)?, hours: at.get_hours(), minutes: at.get_minutes(), seconds: at.get_seconds() })
}

/// The local day of `at` (the first load reads only this: the hours would cost it their imports).
fn day_of(at: &js_sys::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(at.get_full_year() as i32, at.get_month() + 1, at.get_date())
}

pub fn today() -> NaiveDate {
    day_of(&js_sys::Date::new_0()).unwrap_or_default()
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The local day, hour and minute, for a backup's file name: one reading of the clock, so a
/// backup made just after midnight in a page opened the day before is not named as a day older
/// (returning-user pass of stop 49).
pub fn day_hour_minute() -> (NaiveDate, (u32, u32)) {
    local_time(js_sys::Date::now()).map_or_else(|| (today(), (0, 0)), |now| (now.day, (now.hours, now.minutes)))
}

/// Now in UTC, to the second (a calendar file's DTSTAMP).
#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub fn utc_now() -> Option<chrono::NaiveDateTime> {
    let at = js_sys::Date::new_0();
    let day = NaiveDate::from_ymd_opt(at.get_utc_full_year() as i32, at.get_utc_month() + 1, at.get_utc_date())?;
    day.and_hms_opt(at.get_utc_hours(), at.get_utc_minutes(), at.get_utc_seconds())
}

//! Calendar arithmetic: Hijri ↔ Gregorian conversion and the date helpers the time
//! grammar resolves relative expressions with.
//!
//! Hijri dates are converted with `icu_calendar`'s Umm al-Qura calendar (the official
//! Saudi calendar, tabulated by KACST) inside its table range, 1300–1600 AH, and with the
//! arithmetical (tabular, type II leap years, Friday epoch) calendar outside it. Umm
//! al-Qura is what Gulf outlets print; the tabular calendar is the conventional
//! approximation for historical dates and may differ from a local sighting by a day or two.
//!
//! Gregorian arithmetic is `jiff`'s civil `Date`; every helper returns `None` instead of
//! panicking when a value falls outside jiff's range.

use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};
use icu_calendar::cal::{Gregorian, Hijri};
use icu_calendar::Date as IcuDate;
use jiff::civil::Date;

/// First and last Hijri years covered by the Umm al-Qura table.
const UMM_AL_QURA_YEARS: std::ops::RangeInclusive<i32> = 1300..=1600;

/// Converts a Hijri date (year AH, month 1–12, day 1–30) to a Gregorian date.
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    let (y, m, d) = if UMM_AL_QURA_YEARS.contains(&year) {
        let h = IcuDate::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura())
            .ok()?;
        let g = h.to_calendar(Gregorian);
        (
            g.year().extended_year(),
            g.month().ordinal,
            g.day_of_month().0,
        )
    } else {
        let cal = Hijri::new_tabular(
            TabularAlgorithmLeapYears::TypeII,
            TabularAlgorithmEpoch::Friday,
        );
        let h = IcuDate::try_new_hijri_with_calendar(year, month, day, cal).ok()?;
        let g = h.to_calendar(Gregorian);
        (
            g.year().extended_year(),
            g.month().ordinal,
            g.day_of_month().0,
        )
    };
    ymd(y, m as i32, d as i32)
}

/// The Hijri year, month and day of a Gregorian date.
pub fn gregorian_to_hijri(date: Date) -> Option<(i32, u8, u8)> {
    let g = IcuDate::try_new_iso(date.year() as i32, date.month() as u8, date.day() as u8).ok()?;
    let h = g.to_calendar(Hijri::new_umm_al_qura());
    let y = h.year().extended_year();
    if UMM_AL_QURA_YEARS.contains(&y) {
        return Some((y, h.month().ordinal, h.day_of_month().0));
    }
    let t = g.to_calendar(Hijri::new_tabular(
        TabularAlgorithmLeapYears::TypeII,
        TabularAlgorithmEpoch::Friday,
    ));
    Some((
        t.year().extended_year(),
        t.month().ordinal,
        t.day_of_month().0,
    ))
}

/// A Gregorian date from year, month and day, `None` when invalid.
pub fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    let y = i16::try_from(y).ok()?;
    let m = i8::try_from(m).ok()?;
    let d = i8::try_from(d).ok()?;
    Date::new(y, m, d).ok()
}

/// `date` plus `n` days (negative to go back).
pub fn add_days(date: Date, n: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// `date` plus `n` months, clamping the day to the month's length.
pub fn add_months(date: Date, n: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

/// `date` plus `n` years.
pub fn add_years(date: Date, n: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_years(n).ok()?).ok()
}

/// TIMEX3 value of the ISO week holding `date`: `2014-W23`.
pub fn iso_week(date: Date) -> String {
    let w = date.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// `YYYY-MM-DD`.
pub fn fmt_day(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `YYYY-MM`.
pub fn fmt_month(y: i32, m: u8) -> String {
    format!("{y:04}-{m:02}")
}

/// `YYYY`.
pub fn fmt_year(y: i32) -> String {
    format!("{y:04}")
}

/// ISO weekday number, Monday = 1 … Sunday = 7.
pub fn iso_weekday(date: Date) -> u8 {
    date.weekday().to_monday_one_offset() as u8
}

/// The most recent day with ISO weekday `wd` on or before `anchor` (strictly before when
/// `strict`).
pub fn weekday_on_or_before(anchor: Date, wd: u8, strict: bool) -> Option<Date> {
    let cur = iso_weekday(anchor) as i64;
    let mut back = (cur - wd as i64).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    add_days(anchor, -back)
}

/// The next day with ISO weekday `wd` after `anchor` (on `anchor` itself when not
/// `strict`).
pub fn weekday_on_or_after(anchor: Date, wd: u8, strict: bool) -> Option<Date> {
    let cur = iso_weekday(anchor) as i64;
    let mut fwd = (wd as i64 - cur).rem_euclid(7);
    if strict && fwd == 0 {
        fwd = 7;
    }
    add_days(anchor, fwd)
}

/// Gregorian year for a Hijri year: the year holding the middle of the Hijri year.
pub fn hijri_year_to_gregorian(year: i32) -> Option<i32> {
    hijri_to_gregorian(year, 7, 1).map(|d| d.year() as i32)
}

/// Gregorian year and month for a Hijri month: the month holding its 15th day.
pub fn hijri_month_to_gregorian(year: i32, month: u8) -> Option<(i32, u8)> {
    hijri_to_gregorian(year, month, 15).map(|d| (d.year() as i32, d.month() as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_known_dates() {
        // 1 Ramadan 1445 = 2024-03-11 (both directions).
        assert_eq!(hijri_to_gregorian(1445, 9, 1), ymd(2024, 3, 11));
        assert_eq!(
            gregorian_to_hijri(ymd(2024, 3, 11).unwrap()),
            Some((1445, 9, 1))
        );
        // 1 Muharram 1436 = 2014-10-25.
        assert_eq!(hijri_to_gregorian(1436, 1, 1), ymd(2014, 10, 25));
    }

    #[test]
    fn tabular_outside_the_table() {
        // 1 Muharram 1 AH, tabular Friday epoch = 622-07-19 (ISO proleptic).
        assert_eq!(hijri_to_gregorian(1, 1, 1), ymd(622, 7, 19));
        let d = hijri_to_gregorian(1250, 1, 1).unwrap();
        assert_eq!(d.year(), 1834);
        assert!(hijri_to_gregorian(1445, 13, 1).is_none());
    }

    #[test]
    fn weekdays_and_weeks() {
        let thu = ymd(2014, 6, 12).unwrap();
        assert_eq!(iso_weekday(thu), 4);
        assert_eq!(weekday_on_or_before(thu, 5, false), ymd(2014, 6, 6));
        assert_eq!(weekday_on_or_before(thu, 4, false), Some(thu));
        assert_eq!(weekday_on_or_before(thu, 4, true), ymd(2014, 6, 5));
        assert_eq!(weekday_on_or_after(thu, 4, true), ymd(2014, 6, 19));
        assert_eq!(iso_week(thu), "2014-W24");
        assert_eq!(iso_week(ymd(2016, 1, 1).unwrap()), "2015-W53");
        assert_eq!(add_months(ymd(2014, 1, 31).unwrap(), 1), ymd(2014, 2, 28));
        assert_eq!(hijri_year_to_gregorian(1436), Some(2015));
    }
}

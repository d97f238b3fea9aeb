//! Dates and times (RFC 9051 §9 `date`, `date-time`).

use std::fmt;

use super::core::ValidationError;

/// Month names as `date-month` spells them.
pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `date-text = date-day "-" date-month "-" date-year` (RFC 9051 §9), as
/// SEARCH's SINCE/BEFORE/ON take it.
///
/// ```
/// use imap_proto::types::Date;
/// let d = Date::new(2023, 3, 1).unwrap();
/// assert_eq!(d.to_string(), "1-Mar-2023");
/// assert!(Date::new(2023, 2, 30).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A calendar date; years are `4DIGIT` (0 to 9999), months 1 to 12.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, ValidationError> {
        if year > 9999 {
            return Err(ValidationError::new(
                "date",
                "year has more than 4 digits",
                0,
            ));
        }
        if !(1..=12).contains(&month) {
            return Err(ValidationError::new("date", "month out of range", 0));
        }
        if day == 0 || day > days_in(year, month) {
            return Err(ValidationError::new(
                "date",
                "day out of range for the month",
                0,
            ));
        }
        Ok(Self { year, month, day })
    }
    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }
    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month.
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{:04}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

/// `date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time
/// SP zone DQUOTE` (RFC 9051 §9): INTERNALDATE, APPEND's date.
///
/// ```
/// use imap_proto::types::{Date, DateTime};
/// let t = DateTime::new(Date::new(1996, 7, 17).unwrap(), 2, 44, 25, -7 * 60).unwrap();
/// assert_eq!(t.to_string(), "17-Jul-1996 02:44:25 -0700");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    /// Offset from UTC in minutes.
    zone: i16,
}

impl DateTime {
    /// A local time with its zone offset in minutes (-5999 to 5999, as
    /// `zone = ("+" / "-") 4DIGIT` allows: hours and minutes each two digits).
    pub fn new(
        date: Date,
        hour: u8,
        minute: u8,
        second: u8,
        zone: i16,
    ) -> Result<Self, ValidationError> {
        if hour > 23 || minute > 59 || second > 60 {
            return Err(ValidationError::new("time", "out of range", 0));
        }
        if zone.unsigned_abs() / 60 > 99 || zone.unsigned_abs() % 60 > 59 {
            return Err(ValidationError::new("zone", "out of range", 0));
        }
        Ok(Self {
            date,
            hour,
            minute,
            second,
            zone,
        })
    }
    /// The date.
    pub fn date(&self) -> Date {
        self.date
    }
    /// Hour, minute, second.
    pub fn time(&self) -> (u8, u8, u8) {
        (self.hour, self.minute, self.second)
    }
    /// Offset from UTC, in minutes.
    pub fn zone_minutes(&self) -> i16 {
        self.zone
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        let sign = if self.zone < 0 { '-' } else { '+' };
        let z = self.zone.unsigned_abs();
        write!(
            f,
            "{:2}-{}-{:04} {:02}:{:02}:{:02} {}{:02}{:02}",
            d.day,
            MONTHS[d.month as usize - 1],
            d.year,
            self.hour,
            self.minute,
            self.second,
            sign,
            z / 60,
            z % 60
        )
    }
}

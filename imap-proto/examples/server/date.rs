//! Dates: the current time, civil dates and day counts.

use std::time::{SystemTime, UNIX_EPOCH};

use imap_proto::types::{Date, DateTime};

/// The current time as an IMAP date-time, in UTC.
pub(super) fn now() -> DateTime {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    Date::new(y as u16, m as u8, d as u8)
        .and_then(|date| {
            DateTime::new(
                date,
                (t / 3600) as u8,
                (t / 60 % 60) as u8,
                (t % 60) as u8,
                0,
            )
        })
        .unwrap_or_else(|_| {
            let epoch = Date::new(1970, 1, 1).expect("a valid date");
            DateTime::new(epoch, 0, 0, 0, 0).expect("a valid time")
        })
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub(super) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub(super) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

//! Business calendars: when a site is open, French public holidays, and time arithmetic in business time.
//!
//! Service commitments are counted in the opening hours of the requester's site, in Europe/Paris local time:
//! a ticket registered on Friday at 17:45 at the head office with two business hours to go is due on Monday
//! at 10:15, and a ticket of an agency (open on Saturday) on Saturday morning. Instants are UTC
//! (`DateTime<Utc>`) everywhere else in the product; this module converts at the edges of each opening
//! interval, which is what keeps daylight-saving changes right (an opening interval of the last Sunday of
//! March is one hour shorter in real time only if it spans 02:00, which opening hours never do, but the UTC
//! offset of every interval after it changes).

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Paris;
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// The French public holidays (jours fériés) observed in Gironde. Alsace-Moselle's two extra days do not
    /// apply to Immo9.
    pub enum PublicHoliday {
        NewYear = "JOUR_DE_L_AN",
        EasterMonday = "LUNDI_DE_PAQUES",
        LabourDay = "FETE_DU_TRAVAIL",
        VictoryInEurope = "VICTOIRE_1945",
        Ascension = "ASCENSION",
        WhitMonday = "LUNDI_DE_PENTECOTE",
        BastilleDay = "FETE_NATIONALE",
        Assumption = "ASSOMPTION",
        AllSaints = "TOUSSAINT",
        Armistice = "ARMISTICE_1918",
        Christmas = "NOEL",
    }
}

/// The first and last years the arithmetic accepts: far beyond any ticket, and inside what chrono and the
/// Easter computation handle.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2199;

/// Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("the algorithm gives a date of March or April")
}

impl PublicHoliday {
    /// The date of this holiday in `year`.
    pub fn date_in(self, year: i32) -> NaiveDate {
        let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day).expect("a fixed holiday exists every year");
        let easter = easter_sunday(year);
        match self {
            PublicHoliday::NewYear => fixed(1, 1),
            PublicHoliday::EasterMonday => easter + Duration::days(1),
            PublicHoliday::LabourDay => fixed(5, 1),
            PublicHoliday::VictoryInEurope => fixed(5, 8),
            PublicHoliday::Ascension => easter + Duration::days(39),
            PublicHoliday::WhitMonday => easter + Duration::days(50),
            PublicHoliday::BastilleDay => fixed(7, 14),
            PublicHoliday::Assumption => fixed(8, 15),
            PublicHoliday::AllSaints => fixed(11, 1),
            PublicHoliday::Armistice => fixed(11, 11),
            PublicHoliday::Christmas => fixed(12, 25),
        }
    }

    /// The holidays of `year`, in date order.
    pub fn of_year(year: i32) -> Vec<(NaiveDate, PublicHoliday)> {
        let mut days: Vec<_> = PublicHoliday::ALL.iter().map(|holiday| (holiday.date_in(year), *holiday)).collect();
        days.sort();
        days
    }

    /// The holiday falling on `date`, if any.
    pub fn on(date: NaiveDate) -> Option<PublicHoliday> {
        PublicHoliday::ALL.iter().copied().find(|holiday| holiday.date_in(date.year()) == date)
    }
}

/// An opening interval of one day, in local time: `[opens, closes)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

impl Opening {
    pub fn new(opens: NaiveTime, closes: NaiveTime) -> Self {
        Opening { opens, closes }
    }

    /// `"08:30-12:30"` → an opening; the hours as people write them.
    pub fn parse(text: &str) -> Result<Self, CalendarError> {
        let invalid = || CalendarError::InvalidOpening(text.to_owned());
        let (opens, closes) = text.split_once('-').ok_or_else(invalid)?;
        let time = |part: &str| NaiveTime::parse_from_str(part.trim(), "%H:%M").map_err(|_| invalid());
        let opening = Opening { opens: time(opens)?, closes: time(closes)? };
        if opening.opens >= opening.closes {
            return Err(invalid());
        }
        Ok(opening)
    }
}

/// A day's openings as people write them, `"08:30-12:30,13:30-18:00"` (empty: closed).
pub fn parse_day(text: &str) -> Result<Vec<Opening>, CalendarError> {
    text.split(',').filter(|part| !part.trim().is_empty()).map(Opening::parse).collect()
}

/// A day's openings written back the way [`parse_day`] reads them.
pub fn format_day(openings: &[Opening]) -> String {
    openings.iter().map(Opening::to_string).collect::<Vec<_>>().join(",")
}

impl std::fmt::Display for Opening {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.opens.format("%H:%M"), self.closes.format("%H:%M"))
    }
}

/// What can be wrong with a calendar as an administrator writes it (people read it through
/// `i18n::calendar_error_message`; the `Display` text is for logs).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum CalendarError {
    #[error("invalid opening {0:?}")]
    InvalidOpening(String),
    #[error("openings overlap or are out of order on {0}")]
    OverlappingOpenings(chrono::Weekday),
    #[error("the calendar never opens")]
    NeverOpen,
    #[error("a week has seven days")]
    NotSevenDays,
}

/// When a site is open: its week, whether it closes on public holidays, and its exceptional closures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessCalendar {
    /// Monday first; each day's openings in order, not overlapping.
    pub week: [Vec<Opening>; 7],
    pub closed_on_public_holidays: bool,
    /// Days closed besides the public holidays (a bridge day, a site shut for an inventory…).
    pub closures: Vec<NaiveDate>,
}

impl BusinessCalendar {
    /// Checks the week: each day's openings ordered and apart, and at least one opening in the week.
    pub fn new(
        week: [Vec<Opening>; 7],
        closed_on_public_holidays: bool,
        mut closures: Vec<NaiveDate>,
    ) -> Result<Self, CalendarError> {
        for (index, day) in week.iter().enumerate() {
            if day.windows(2).any(|pair| pair[0].closes > pair[1].opens) {
                return Err(CalendarError::OverlappingOpenings(WEEK[index]));
            }
        }
        if week.iter().all(Vec::is_empty) {
            return Err(CalendarError::NeverOpen);
        }
        closures.sort();
        closures.dedup();
        Ok(BusinessCalendar { week, closed_on_public_holidays, closures })
    }

    /// A calendar from its week as people write it (Monday first, see [`parse_day`]).
    pub fn from_text(
        week: &[String],
        closed_on_public_holidays: bool,
        closures: Vec<NaiveDate>,
    ) -> Result<Self, CalendarError> {
        let days = week.iter().map(|day| parse_day(day)).collect::<Result<Vec<_>, _>>()?;
        let week: [Vec<Opening>; 7] = days.try_into().map_err(|_| CalendarError::NotSevenDays)?;
        BusinessCalendar::new(week, closed_on_public_holidays, closures)
    }

    /// The week as people write it, Monday first.
    pub fn week_as_text(&self) -> Vec<String> {
        self.week.iter().map(|day| format_day(day)).collect()
    }

    /// The openings of a local date: none on a holiday or a closure.
    pub fn openings_on(&self, date: NaiveDate) -> &[Opening] {
        let closed = (self.closed_on_public_holidays && PublicHoliday::on(date).is_some())
            || self.closures.binary_search(&date).is_ok();
        if closed { &[] } else { &self.week[date.weekday().num_days_from_monday() as usize] }
    }

    /// The open intervals of a local date as UTC instants.
    fn open_intervals_on(&self, date: NaiveDate) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        self.openings_on(date).iter().map(move |opening| (paris(date, opening.opens), paris(date, opening.closes)))
    }

    /// Whether the site is open at `at`.
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.open_intervals_on(local_date(at)).any(|(opens, closes)| opens <= at && at < closes)
    }

    /// The instant at which `business` time will have passed in this calendar, counting from `start`.
    /// A zero duration gives `start` itself if the site is open then, the next opening otherwise.
    pub fn add(&self, start: DateTime<Utc>, business: Duration) -> DateTime<Utc> {
        let mut remaining = business.max(Duration::zero());
        let mut date = local_date(start);
        loop {
            for (opens, closes) in self.open_intervals_on(date) {
                let from = opens.max(start);
                if from >= closes {
                    continue;
                }
                let available = closes - from;
                if remaining <= available {
                    return from + remaining;
                }
                remaining -= available;
            }
            date = date.succ_opt().expect("dates stay far from chrono's limits");
            if date.year() > LAST_YEAR {
                // Only a calendar closed on every one of its open days for centuries gets here.
                return DateTime::<Utc>::MAX_UTC;
            }
        }
    }

    /// The business time between two instants (zero if `to` is not after `from`).
    pub fn business_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
        let mut total = Duration::zero();
        if to <= from {
            return total;
        }
        let mut date = local_date(from);
        let last = local_date(to);
        while date <= last {
            for (opens, closes) in self.open_intervals_on(date) {
                let (start, end) = (opens.max(from), closes.min(to));
                if start < end {
                    total += end - start;
                }
            }
            date = date.succ_opt().expect("dates stay far from chrono's limits");
        }
        total
    }
}

/// The days of [`BusinessCalendar::week`], in its order.
pub const WEEK: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// The local (Europe/Paris) date of an instant.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Paris).date_naive()
}

/// A local wall-clock time of a date as an instant. A time skipped by the spring change (02:00–03:00 on
/// the last Sunday of March) is read with the offset in force before the change (02:30 is 03:30 summer
/// time); a time that occurs twice in autumn, as its first occurrence.
pub fn paris(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = NaiveDateTime::new(date, time);
    match Paris.from_local_datetime(&local) {
        LocalResult::Single(at) => at.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => Paris
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .expect("one hour after a spring gap exists")
            .with_timezone(&Utc),
    }
}

#[cfg(test)]
pub(crate) mod tests;

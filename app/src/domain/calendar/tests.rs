//! The calendar arithmetic, case by case and as properties over many generated instants.

use super::*;

pub(crate) fn hm(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

pub(crate) fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub(crate) fn openings(text: &str) -> Vec<Opening> {
    text.split(',').filter(|part| !part.trim().is_empty()).map(|part| Opening::parse(part).unwrap()).collect()
}

/// A calendar from one line per kind of day: weekdays, Saturday, Sunday.
pub(crate) fn calendar(weekdays: &str, saturday: &str, closures: &[&str]) -> BusinessCalendar {
    let weekday = openings(weekdays);
    let week =
        [weekday.clone(), weekday.clone(), weekday.clone(), weekday.clone(), weekday, openings(saturday), Vec::new()];
    BusinessCalendar::new(week, true, closures.iter().map(|date| day(date)).collect()).unwrap()
}

pub(crate) fn head_office() -> BusinessCalendar {
    calendar("08:30-12:30,13:30-18:00", "", &[])
}

pub(crate) fn agency() -> BusinessCalendar {
    calendar("09:00-12:30,14:00-18:30", "09:00-12:30,14:00-17:00", &[])
}

pub(crate) fn construction_site() -> BusinessCalendar {
    calendar("07:30-16:30", "", &[])
}

/// A wall-clock time in Bordeaux, `"2026-11-27 17:45"`.
pub(crate) fn at(text: &str) -> DateTime<Utc> {
    let (date, time) = text.split_once(' ').unwrap();
    paris(day(date), hm(time))
}

pub(crate) fn minutes(count: i64) -> Duration {
    Duration::minutes(count)
}

#[test]
fn easter_falls_on_its_known_dates() {
    let cases = [
        (1943, "1943-04-25"), // the latest possible
        (2008, "2008-03-23"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"), // the earliest possible
    ];
    for (year, easter) in cases {
        assert_eq!(easter_sunday(year), day(easter), "{year}");
    }
}

#[test]
fn the_french_holidays_of_a_year_are_eleven_in_date_order() {
    let expected = [
        ("2026-01-01", PublicHoliday::NewYear),
        ("2026-04-06", PublicHoliday::EasterMonday),
        ("2026-05-01", PublicHoliday::LabourDay),
        ("2026-05-08", PublicHoliday::VictoryInEurope),
        ("2026-05-14", PublicHoliday::Ascension),
        ("2026-05-25", PublicHoliday::WhitMonday),
        ("2026-07-14", PublicHoliday::BastilleDay),
        ("2026-08-15", PublicHoliday::Assumption),
        ("2026-11-01", PublicHoliday::AllSaints),
        ("2026-11-11", PublicHoliday::Armistice),
        ("2026-12-25", PublicHoliday::Christmas),
    ];
    let expected: Vec<_> = expected.iter().map(|(date, holiday)| (day(date), *holiday)).collect();
    assert_eq!(PublicHoliday::of_year(2026), expected);
    // 2008: Ascension and Labour Day fell on the same day, and both are still listed.
    let holidays_2008 = PublicHoliday::of_year(2008);
    assert_eq!(holidays_2008.len(), 11);
    assert_eq!(holidays_2008.iter().filter(|(date, _)| *date == day("2008-05-01")).count(), 2);
    assert_eq!(PublicHoliday::on(day("2027-05-06")), Some(PublicHoliday::Ascension));
    assert_eq!(PublicHoliday::on(day("2026-11-12")), None);
}

#[test]
fn openings_are_read_as_people_write_them_and_bad_ones_are_refused() {
    assert_eq!(Opening::parse(" 08:30 - 12:30 ").unwrap(), Opening::new(hm("08:30"), hm("12:30")));
    assert_eq!(Opening::parse("08:30-12:30").unwrap().to_string(), "08:30-12:30");
    for bad in ["", "08:30", "12:30-08:30", "08:30-08:30", "8h30-12h", "25:00-26:00"] {
        assert_eq!(Opening::parse(bad), Err(CalendarError::InvalidOpening(bad.to_owned())), "{bad:?}");
    }
    let overlapping = [openings("08:30-12:30,12:00-18:00"), vec![], vec![], vec![], vec![], vec![], vec![]];
    assert_eq!(
        BusinessCalendar::new(overlapping, true, vec![]),
        Err(CalendarError::OverlappingOpenings(chrono::Weekday::Mon))
    );
    let written: Vec<String> =
        ["08:30-12:30,13:30-18:00", "08:30-12:30", "", "", "", "09:00-12:00", ""].map(String::from).to_vec();
    let calendar = BusinessCalendar::from_text(&written, true, vec![]).unwrap();
    assert_eq!(calendar.week_as_text(), written);
    assert_eq!(BusinessCalendar::from_text(&written[..6], true, vec![]), Err(CalendarError::NotSevenDays));
    let mut broken = written.clone();
    broken[2] = "9h-12h".into();
    assert_eq!(BusinessCalendar::from_text(&broken, true, vec![]), Err(CalendarError::InvalidOpening("9h-12h".into())));
    let never: [Vec<Opening>; 7] = Default::default();
    assert_eq!(BusinessCalendar::new(never, true, vec![]), Err(CalendarError::NeverOpen));
}

#[test]
fn deadlines_are_counted_in_each_sites_opening_hours() {
    let head_office = head_office();
    let agency = agency();
    let site = construction_site();
    let closed_monday = calendar("08:30-12:30,13:30-18:00", "", &["2026-11-30"]);
    #[rustfmt::skip]
    let cases: &[(&str, &BusinessCalendar, &str, i64, &str)] = &[
        ("within a morning", &head_office, "2026-11-23 10:00", 120, "2026-11-23 12:00"),
        ("ends exactly at closing", &head_office, "2026-11-23 10:30", 120, "2026-11-23 12:30"),
        ("across lunch", &head_office, "2026-11-23 11:30", 120, "2026-11-23 14:30"),
        ("registered before opening", &head_office, "2026-11-23 07:00", 30, "2026-11-23 09:00"),
        ("registered during lunch", &head_office, "2026-11-23 12:45", 30, "2026-11-23 14:00"),
        ("registered at night", &head_office, "2026-11-23 22:10", 60, "2026-11-24 09:30"),
        ("Friday evening to Monday", &head_office, "2026-11-27 17:45", 120, "2026-11-30 10:15"),
        ("registered on Sunday", &head_office, "2026-11-29 11:00", 60, "2026-11-30 09:30"),
        ("agency open on Saturday", &agency, "2026-11-27 17:45", 120, "2026-11-28 10:15"),
        ("agency Saturday afternoon", &agency, "2026-11-28 16:30", 60, "2026-11-30 09:30"),
        ("site without lunch break", &site, "2026-11-23 16:00", 60, "2026-11-24 08:00"),
        ("a full business day", &head_office, "2026-11-23 08:30", 510, "2026-11-23 18:00"),
        ("a week of business days", &head_office, "2026-11-23 08:30", 5 * 510, "2026-11-27 18:00"),
        ("Armistice skipped", &head_office, "2026-11-10 17:00", 120, "2026-11-12 09:30"),
        ("Christmas on a Friday, agency", &agency, "2026-12-24 18:00", 60, "2026-12-26 09:30"),
        ("New Year on a Friday", &head_office, "2026-12-31 17:30", 60, "2027-01-04 09:00"),
        ("Easter Monday after spring change", &head_office, "2027-03-26 17:00", 120, "2027-03-30 09:30"),
        ("spring change weekend", &head_office, "2026-03-27 17:00", 120, "2026-03-30 09:30"),
        ("autumn change weekend", &head_office, "2026-10-23 17:00", 120, "2026-10-26 09:30"),
        ("Ascension bridge not a holiday", &head_office, "2026-05-13 17:00", 120, "2026-05-15 09:30"),
        ("exceptional closure", &closed_monday, "2026-11-27 17:45", 120, "2026-12-01 10:15"),
        ("zero while open", &head_office, "2026-11-23 10:00", 0, "2026-11-23 10:00"),
        ("zero while closed", &head_office, "2026-11-23 12:45", 0, "2026-11-23 13:30"),
    ];
    for (name, calendar, start, business_minutes, due) in cases {
        let deadline = calendar.add(at(start), minutes(*business_minutes));
        assert_eq!(deadline, at(due), "{name}: got {}", deadline.with_timezone(&Paris));
        if *business_minutes > 0 {
            assert_eq!(calendar.business_between(at(start), deadline), minutes(*business_minutes), "{name}");
        }
    }
}

#[test]
fn daylight_saving_changes_move_the_utc_offset_not_the_business_time() {
    let head_office = head_office();
    // Friday 17:00 summer time (UTC+2) to Monday 09:30 winter time (UTC+1): 2 business hours, and one
    // more real hour than the same weekend in November.
    let (friday, monday) = (at("2026-10-23 17:00"), at("2026-10-26 09:30"));
    assert_eq!(friday.to_rfc3339(), "2026-10-23T15:00:00+00:00");
    assert_eq!(monday.to_rfc3339(), "2026-10-26T08:30:00+00:00");
    assert_eq!(head_office.business_between(friday, monday), minutes(120));
    assert_eq!(monday - friday, Duration::hours(65) + minutes(30));
    // In spring, the other way.
    let (friday, monday) = (at("2026-03-27 17:00"), at("2026-03-30 09:30"));
    assert_eq!(monday.to_rfc3339(), "2026-03-30T07:30:00+00:00");
    assert_eq!(monday - friday, Duration::hours(63) + minutes(30));
    // Wall-clock times that do not exist or exist twice.
    assert_eq!(paris(day("2026-03-29"), hm("02:30")).to_rfc3339(), "2026-03-29T01:30:00+00:00");
    assert_eq!(paris(day("2026-10-25"), hm("02:30")).to_rfc3339(), "2026-10-25T00:30:00+00:00");
}

#[test]
fn business_time_between_instants() {
    let head_office = head_office();
    let cases = [
        ("2026-11-23 08:00", "2026-11-23 19:00", 510),
        ("2026-11-23 12:00", "2026-11-23 14:00", 60),
        ("2026-11-27 17:00", "2026-11-30 09:00", 90),
        ("2026-11-23 10:00", "2026-11-23 10:00", 0),
        ("2026-11-23 11:00", "2026-11-23 10:00", 0),
        ("2026-11-10 08:30", "2026-11-12 18:00", 2 * 510),
    ];
    for (from, to, expected) in cases {
        assert_eq!(head_office.business_between(at(from), at(to)), minutes(expected), "{from} → {to}");
    }
    assert!(head_office.is_open(at("2026-11-23 08:30")));
    assert!(!head_office.is_open(at("2026-11-23 12:30")));
    assert!(!head_office.is_open(at("2026-11-11 10:00")));
    assert!(agency().is_open(at("2026-11-28 10:00")));
}

/// A small deterministic generator, so the properties below run over the same thousands of cases everywhere.
pub(crate) struct Cases(pub u64);

impl Cases {
    pub fn next(&mut self, bound: u64) -> i64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound) as i64
    }

    /// An instant between 2026 and 2028, at any minute (open or closed, across both DST changes).
    pub fn instant(&mut self) -> DateTime<Utc> {
        at("2026-01-01 00:00") + minutes(self.next(3 * 366 * 24 * 60))
    }
}

#[test]
fn a_longer_target_never_gives_an_earlier_deadline_and_counting_back_gives_the_target() {
    let calendars = [head_office(), agency(), construction_site()];
    let mut cases = Cases(0x1AB0_9D5E_5EED_2026);
    for _ in 0..3000 {
        let calendar = &calendars[cases.next(3) as usize];
        let start = cases.instant();
        let shorter = minutes(cases.next(5000));
        let longer = shorter + minutes(cases.next(5000));
        let (early, late) = (calendar.add(start, shorter), calendar.add(start, longer));
        assert!(early <= late, "{start}: {shorter} → {early}, {longer} → {late}");
        assert!(early >= start);
        assert_eq!(calendar.business_between(start, early), shorter, "{start} + {shorter}");
        assert_eq!(calendar.business_between(start, late), longer, "{start} + {longer}");
        // Adding in two steps is adding once (a zero rest would move a deadline at closing time to the
        // next opening, which is what a zero target means).
        if longer > shorter {
            assert_eq!(calendar.add(early, longer - shorter), late, "{start}: {shorter} then the rest");
        }
    }
}

//! Service levels as people and other systems see them: the public holidays of a year, and the deadlines a
//! policy gives a ticket (the preview administrators use to check a policy). The arithmetic is in
//! [`crate::domain::calendar`] and [`crate::domain::sla`]; the policies and calendars are data.

pub mod admin;
pub mod api;
#[cfg(feature = "ssr")]
pub mod clocks;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::calendar::{FIRST_YEAR, LAST_YEAR, PublicHoliday};
use crate::domain::people::Pole;
use crate::domain::sla::{Band, EscalationAction, Measure};
use crate::domain::ticket::{Kind, Priority};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One public holiday of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayOfYear {
    pub date: NaiveDate,
    pub code: PublicHoliday,
    pub name: String,
}

/// The French public holidays of `year` with their names, or a French error naming `year`.
pub fn holidays_of(year: i32) -> Result<Vec<HolidayOfYear>, AppError> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(AppError::validation("year", crate::i18n::year_out_of_range(FIRST_YEAR, LAST_YEAR)));
    }
    Ok(PublicHoliday::of_year(year)
        .into_iter()
        .map(|(date, code)| HolidayOfYear { date, code, name: crate::i18n::holiday_label(code).to_owned() })
        .collect())
}

/// What an administrator asks the engine: a ticket of this type and priority, for a requester of this site,
/// registered at `start` (optionally from a catalog entry whose own delays override the policy's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRequest {
    /// The site's code (`AG-LIBOURNE`).
    pub site: String,
    #[serde(rename = "type")]
    pub kind: Kind,
    pub priority: Priority,
    pub start: DateTime<Utc>,
    #[serde(default)]
    pub catalog: Option<String>,
}

/// When one escalation threshold would fire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThresholdPreview {
    pub percent: u16,
    pub action: EscalationAction,
    pub at: DateTime<Utc>,
}

/// One target of the policy and when it falls due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetPreview {
    pub measure: Measure,
    pub target_minutes: u32,
    /// Where the target comes from: `POLITIQUE` (type × priority) or `CATALOGUE` (the entry's own delay).
    pub source: TargetSource,
    pub due: DateTime<Utc>,
    pub thresholds: Vec<ThresholdPreview>,
}

crate::code_enum! {
    /// Where a target comes from.
    pub enum TargetSource {
        Policy = "POLITIQUE",
        Catalog = "CATALOGUE",
    }
}

/// The deadlines the engine would set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPreview {
    pub site: String,
    pub calendar: String,
    pub calendar_name: String,
    #[serde(rename = "type")]
    pub kind: Kind,
    pub priority: Priority,
    pub start: DateTime<Utc>,
    pub catalog: Option<String>,
    pub targets: Vec<TargetPreview>,
}

/// The style class of a band (its colour); always shown beside [`crate::i18n::band_label`]'s words.
pub const fn band_class(band: Band) -> &'static str {
    match band {
        Band::Comfortable => "band band-comfortable",
        Band::AtRisk => "band band-at-risk",
        Band::Critical => "band band-critical",
        Band::Breached => "band band-breached",
    }
}

/// One clock of a ticket as its page shows it: target, deadline, time left (business time), pauses and
/// the escalations that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockView {
    pub measure: Measure,
    pub cycle: i16,
    pub pole: Pole,
    pub target_minutes: i32,
    pub started: DateTime<Utc>,
    /// Empty while the clock is paused.
    pub due: Option<DateTime<Utc>>,
    pub stopped: Option<DateTime<Utc>>,
    pub paused: bool,
    pub elapsed_minutes: i64,
    /// Negative once the deadline has passed.
    pub remaining_minutes: i64,
    pub band: Band,
    /// Whether the target was met, once the clock has stopped.
    pub met: Option<bool>,
    pub pauses: Vec<PauseView>,
    pub escalations: Vec<EscalationView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseView {
    pub from: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
    /// The business time the pause covered (what it moved the deadline by).
    pub business_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EscalationView {
    pub percent: u16,
    pub action: EscalationAction,
    pub due_at: DateTime<Utc>,
    pub fired_at: DateTime<Utc>,
    /// Fired after the server was down when it fell due.
    pub late: bool,
}

/// A policy as administrators edit it; the thresholds as they write them (see
/// [`crate::domain::sla::parse_thresholds`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyDraft {
    #[serde(rename = "type")]
    pub kind: Kind,
    pub priority: Priority,
    pub own_minutes: u32,
    pub resolve_minutes: u32,
    pub thresholds: String,
}

/// A business calendar as administrators edit it: its week as seven lines of openings, Monday first, and
/// its closures as dates (`2026-12-24, 2026-12-31`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDraft {
    pub code: String,
    pub name: String,
    pub week: Vec<String>,
    pub closed_on_public_holidays: bool,
    pub closures: String,
}

/// What the service-levels administration page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceLevels {
    pub policies: Vec<PolicyDraft>,
    pub calendars: Vec<CalendarDraft>,
    pub year: i32,
    pub holidays: Vec<HolidayOfYear>,
}

/// Closures as administrators write them: ISO dates separated by commas, semicolons or spaces.
pub fn parse_closures(text: &str) -> Result<Vec<NaiveDate>, AppError> {
    text.split([',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|date| !date.is_empty())
        .map(|date| {
            date.parse::<NaiveDate>()
                .map_err(|_| AppError::validation("closures", crate::i18n::t().sla_closure_invalid.replace("{}", date)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closures_are_read_as_dates_and_a_bad_one_is_named() {
        let read = parse_closures(" 2026-12-24, 2026-12-31;2027-01-02 ").unwrap();
        assert_eq!(
            read.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["2026-12-24", "2026-12-31", "2027-01-02"]
        );
        assert_eq!(parse_closures("").unwrap(), vec![]);
        let error = parse_closures("2026-12-24, 24/12/2026").unwrap_err();
        assert_eq!(
            error,
            AppError::validation("closures", "Date de fermeture illisible : « 24/12/2026 » (attendu : 2026-12-24).")
        );
    }

    #[test]
    fn holidays_are_named_in_french_and_years_are_bounded() {
        let holidays = holidays_of(2027).unwrap();
        assert_eq!(holidays.len(), 11);
        assert_eq!(holidays[1].date.to_string(), "2027-03-29");
        assert_eq!(holidays[1].name, "Lundi de Pâques");
        let json = serde_json::to_value(&holidays[0]).unwrap();
        assert_eq!(json, serde_json::json!({"date": "2027-01-01", "code": "JOUR_DE_L_AN", "name": "Jour de l'an"}));
        for year in [1899, 2200, -5] {
            let error = holidays_of(year).unwrap_err();
            assert_eq!(error.code(), "validation", "{year}");
            assert!(error.message().contains("1900") && error.message().contains("2199"), "{}", error.message());
        }
    }
}

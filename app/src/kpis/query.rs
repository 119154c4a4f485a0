//! What a KPI page, export or API call asks for, as typed in a URL (`from`, `to`, `pole`, `site`, `domain`,
//! `type`, `channel`), and its reading into a period and a filter, with a French error per bad field.

use crate::domain::ids::SiteId;
use crate::domain::kpi::{KpiFilter, Period};
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, ServiceDomain};
use crate::error::{AppError, AppResult};
use crate::i18n::{fill, t};
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// The longest period one request may ask for.
pub const MAX_DAYS: i64 = 366;

/// The days asked for, by default the 30 days ending today.
pub const DEFAULT_DAYS: i64 = 30;

/// The query as typed: every field optional and still text, so a wrong value is named in the error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub pole: Option<String>,
    pub site: Option<String>,
    pub domain: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub channel: Option<String>,
}

/// Midnight in Paris of a date, as an instant.
pub fn paris_midnight(date: NaiveDate) -> DateTime<Utc> {
    let local = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    chrono_tz::Europe::Paris
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc))
}

/// The Paris day of an instant.
pub fn paris_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Paris).date_naive()
}

/// The first day of the month of `day`.
pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// A whole Paris month, from the midnight of its first day to the midnight of the next month's.
pub fn month_period(month: NaiveDate) -> Period {
    let first = month_of(month);
    let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(first);
    Period { from: paris_midnight(first), to: paris_midnight(next) }
}

/// A month typed as `AAAA-MM` (an `<input type="month">`), as its first day.
pub fn parse_month(field: &str, text: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .map_err(|_| AppError::validation(field, fill(t().phrases.month_invalid, &[("text", &text)])))
}

/// A date (`2026-11-01`, the whole day) or an instant (RFC 3339). `end` makes a date mean the end of its day.
fn instant(field: &str, text: &str, end: bool) -> AppResult<DateTime<Utc>> {
    if let Ok(date) = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        return Ok(paris_midnight(if end { date + TimeDelta::days(1) } else { date }));
    }
    DateTime::parse_from_rfc3339(text.trim())
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| AppError::validation(field, fill(t().phrases.date_invalid, &[("text", &text)])))
}

fn present(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|text| !text.is_empty())
}

fn code<T>(field: &str, text: &Option<String>, parse: fn(&str) -> Option<T>) -> AppResult<Option<T>> {
    match present(text) {
        None => Ok(None),
        Some(text) => parse(text)
            .map(Some)
            .ok_or_else(|| AppError::validation(field, fill(t().phrases.value_unknown, &[("text", &text)]))),
    }
}

impl KpiQuery {
    /// The period asked for: `from` and `to` are whole Paris days, `to` included.
    pub fn period(&self, now: DateTime<Utc>) -> AppResult<Period> {
        let to = match present(&self.to) {
            Some(text) => instant("to", text, true)?,
            None => paris_midnight(paris_day(now) + TimeDelta::days(1)),
        };
        let from = match present(&self.from) {
            Some(text) => instant("from", text, false)?,
            // Counted in Paris days, not in 24-hour spans: a daylight-saving change would shift it an hour.
            None => paris_midnight(paris_day(to) - TimeDelta::days(DEFAULT_DAYS)),
        };
        if from >= to {
            return Err(AppError::validation("from", t().phrases.period_reversed));
        }
        if to - from > TimeDelta::days(MAX_DAYS) {
            return Err(AppError::validation("to", fill(t().phrases.period_too_long, &[("max", &MAX_DAYS)])));
        }
        Ok(Period { from, to })
    }

    /// Which tickets are counted.
    pub fn filter(&self) -> AppResult<KpiFilter> {
        Ok(KpiFilter {
            pole: code("pole", &self.pole, Pole::from_code)?,
            site: code("site", &self.site, |text| text.parse().ok().map(SiteId))?,
            domain: code("domain", &self.domain, ServiceDomain::from_code)?,
            kind: code("type", &self.kind, Kind::from_code)?,
            channel: code("channel", &self.channel, Channel::from_code)?,
        })
    }

    /// The query with the period written out as the days it covers, as the page's form shows it.
    pub fn with_days(&self, period: Period) -> KpiQuery {
        KpiQuery {
            from: Some(paris_day(period.from).to_string()),
            to: Some(paris_day(period.to - TimeDelta::seconds(1)).to_string()),
            ..self.clone()
        }
    }

    /// The query as URL parameters (`from=…&pole=…`), empty fields left out; values are codes and dates, so
    /// only a few characters need escaping.
    pub fn to_url_params(&self) -> String {
        let fields = [
            ("from", &self.from),
            ("to", &self.to),
            ("pole", &self.pole),
            ("site", &self.site),
            ("domain", &self.domain),
            ("type", &self.kind),
            ("channel", &self.channel),
        ];
        fields
            .iter()
            .filter_map(|(name, value)| present(value).map(|value| format!("{name}={}", escape(value))))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn escape(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.:".contains(c) {
                c.to_string()
            } else {
                format!("%{:02X}", c as u32 & 0xff)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(error: AppError) -> String {
        match error {
            AppError::Validation { field, .. } => field,
            other => panic!("not a validation error: {other:?}"),
        }
    }

    fn query(from: Option<&str>, to: Option<&str>) -> KpiQuery {
        KpiQuery { from: from.map(Into::into), to: to.map(Into::into), ..KpiQuery::default() }
    }

    #[test]
    fn periods_are_whole_paris_days_with_the_end_included() {
        let now = Utc.with_ymd_and_hms(2026, 11, 15, 10, 0, 0).unwrap();
        let cases = [
            // November in Paris is UTC+1: days start at 23:00 UTC the day before.
            (query(Some("2026-11-01"), Some("2026-11-30")), Ok(("2026-10-31T23:00:00Z", "2026-11-30T23:00:00Z"))),
            // By default the 30 days ending today, 17 October (summer time, UTC+2) to 15 November.
            (query(None, None), Ok(("2026-10-16T22:00:00Z", "2026-11-15T23:00:00Z"))),
            (query(Some("2026-11-02"), Some("2026-11-01")), Err("from")),
            (query(Some("2025-01-01"), Some("2026-11-01")), Err("to")),
            (query(Some("hier"), None), Err("from")),
        ];
        for (query, expected) in cases {
            let got = query.period(now);
            match expected {
                Ok((from, to)) => {
                    let got = got.unwrap();
                    assert_eq!(
                        (got.from.to_rfc3339(), got.to.to_rfc3339()),
                        (
                            DateTime::parse_from_rfc3339(from).unwrap().with_timezone(&Utc).to_rfc3339(),
                            DateTime::parse_from_rfc3339(to).unwrap().with_timezone(&Utc).to_rfc3339()
                        ),
                        "{query:?}"
                    );
                }
                Err(field) => assert_eq!(field_of(got.unwrap_err()), field, "{query:?}"),
            }
        }
    }

    #[test]
    fn the_filter_names_the_field_of_an_unknown_code() {
        let good = KpiQuery {
            pole: Some("BACK".into()),
            site: Some("3".into()),
            kind: Some("INCIDENT".into()),
            ..KpiQuery::default()
        };
        let filter = good.filter().unwrap();
        assert_eq!((filter.pole, filter.site, filter.kind), (Some(Pole::Back), Some(SiteId(3)), Some(Kind::Incident)));
        for (query, field) in [
            (KpiQuery { pole: Some("NULLE".into()), ..KpiQuery::default() }, "pole"),
            (KpiQuery { site: Some("trois".into()), ..KpiQuery::default() }, "site"),
            (KpiQuery { channel: Some("PIGEON".into()), ..KpiQuery::default() }, "channel"),
        ] {
            assert_eq!(field_of(query.filter().unwrap_err()), field);
        }
    }

    #[test]
    fn months_are_whole_paris_months() {
        let cases = [
            // October 2026 starts in summer time (UTC+2) and ends in winter time (UTC+1).
            ("2026-10", "2026-09-30T22:00:00+00:00", "2026-10-31T23:00:00+00:00"),
            ("2026-12", "2026-11-30T23:00:00+00:00", "2026-12-31T23:00:00+00:00"),
        ];
        for (text, from, to) in cases {
            let period = month_period(parse_month("mois", text).unwrap());
            assert_eq!((period.from.to_rfc3339(), period.to.to_rfc3339()), (from.to_owned(), to.to_owned()), "{text}");
        }
        assert_eq!(
            month_of(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()),
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
        );
        assert!(parse_month("mois", "novembre").is_err());
    }

    #[test]
    fn url_params_leave_out_empty_fields_and_round_trip_the_days() {
        let now = Utc.with_ymd_and_hms(2026, 11, 15, 10, 0, 0).unwrap();
        let asked = KpiQuery { pole: Some("FRONT".into()), site: Some(String::new()), ..KpiQuery::default() };
        let shown = asked.with_days(asked.period(now).unwrap());
        assert_eq!(shown.to_url_params(), "from=2026-10-17&to=2026-11-15&pole=FRONT");
        assert_eq!(shown.period(now).unwrap(), asked.period(now).unwrap());
    }
}

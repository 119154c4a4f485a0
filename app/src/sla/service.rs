//! Reads the calendars and policies from the database and computes deadlines with the pure domain.

use super::{PreviewRequest, SlaPreview, TargetPreview, TargetSource, ThresholdPreview};
use crate::db::schema::{business_calendars, catalog_entries, sites, sla_policies};
use crate::domain::calendar::{BusinessCalendar, Opening};
use crate::domain::sla::{Measure, Policy, Threshold, threshold_offset};
use crate::domain::ticket::{Kind, Priority};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// A calendar as stored: its code, name and rules.
#[derive(Debug, Clone)]
pub struct StoredCalendar {
    pub code: String,
    pub name: String,
    pub calendar: BusinessCalendar,
}

type CalendarRow = (String, String, serde_json::Value, bool, Vec<chrono::NaiveDate>);

fn calendar_from_row(
    (code, name, week, closed_on_public_holidays, closures): CalendarRow,
) -> AppResult<StoredCalendar> {
    let corrupt = || AppError::internal("business_calendars.week is not seven strings of openings");
    let days: Vec<String> = serde_json::from_value(week).map_err(|_| corrupt())?;
    let mut parsed = Vec::with_capacity(7);
    for day in &days {
        let openings = day
            .split(',')
            .filter(|part| !part.trim().is_empty())
            .map(Opening::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| corrupt())?;
        parsed.push(openings);
    }
    let week: [Vec<Opening>; 7] = parsed.try_into().map_err(|_| corrupt())?;
    let calendar = BusinessCalendar::new(week, closed_on_public_holidays, closures).map_err(|_| corrupt())?;
    Ok(StoredCalendar { code, name, calendar })
}

/// The calendar of a site: its own if it names one, otherwise the one of its kind.
pub async fn calendar_of_site(conn: &mut AsyncPgConnection, site_code: &str) -> AppResult<StoredCalendar> {
    let site: Option<(String, Option<String>)> = sites::table
        .filter(sites::code.eq(site_code))
        .select((sites::kind, sites::calendar_code))
        .first(conn)
        .await
        .optional()?;
    let Some((kind, own_calendar)) = site else {
        return Err(AppError::validation("site", t().sla_unknown_site.replace("{}", site_code)));
    };
    let query = business_calendars::table
        .select((
            business_calendars::code,
            business_calendars::name,
            business_calendars::week,
            business_calendars::closed_on_public_holidays,
            business_calendars::closures,
        ))
        .into_boxed();
    let query = match own_calendar {
        Some(code) => query.filter(business_calendars::code.eq(code)),
        None => query.filter(business_calendars::default_for_kind.eq(kind)),
    };
    let row: CalendarRow = query
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::conflict(t().sla_site_without_calendar.replace("{}", site_code)))?;
    calendar_from_row(row)
}

/// The policy of a type × priority.
pub async fn policy(conn: &mut AsyncPgConnection, kind: Kind, priority: Priority) -> AppResult<Policy> {
    let (own, resolve, thresholds): (i32, i32, serde_json::Value) = sla_policies::table
        .filter(sla_policies::kind.eq(kind.code()))
        .filter(sla_policies::priority.eq(priority.code()))
        .select((sla_policies::own_minutes, sla_policies::resolve_minutes, sla_policies::thresholds))
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::conflict(t().sla_no_policy.replace("{}", &format!("{kind} {priority}"))))?;
    let thresholds: Vec<Threshold> =
        serde_json::from_value(thresholds).map_err(|_| AppError::internal("sla_policies.thresholds is malformed"))?;
    let minutes = |value: i32| u32::try_from(value).map_err(|_| AppError::internal("negative SLA target"));
    Policy { kind, priority, own_minutes: minutes(own)?, resolve_minutes: minutes(resolve)?, thresholds }
        .checked()
        .map_err(|_| AppError::internal("a stored SLA policy breaks its own rules"))
}

/// The delays a catalog entry promises instead of the policy's, if any: (own, resolve) in minutes.
pub async fn catalog_overrides(
    conn: &mut AsyncPgConnection,
    catalog_code: &str,
) -> AppResult<(Option<u32>, Option<u32>)> {
    let row: Option<(Option<i32>, Option<i32>)> = catalog_entries::table
        .filter(catalog_entries::code.eq(catalog_code))
        .select((catalog_entries::sla_own_minutes, catalog_entries::sla_resolve_minutes))
        .first(conn)
        .await
        .optional()?;
    let (own, resolve) =
        row.ok_or_else(|| AppError::validation("catalog", t().sla_unknown_catalog.replace("{}", catalog_code)))?;
    let minutes = |value: Option<i32>| value.and_then(|value| u32::try_from(value).ok());
    Ok((minutes(own), minutes(resolve)))
}

/// The deadlines the engine would set for `request`.
pub async fn preview(conn: &mut AsyncPgConnection, request: &PreviewRequest) -> AppResult<SlaPreview> {
    let calendar = calendar_of_site(conn, &request.site).await?;
    let policy = policy(conn, request.kind, request.priority).await?;
    let (own_override, resolve_override) = match &request.catalog {
        Some(code) => catalog_overrides(conn, code).await?,
        None => (None, None),
    };
    let target = |measure: Measure, overridden: Option<u32>| {
        let (minutes, source) = match overridden {
            Some(minutes) => (minutes, TargetSource::Catalog),
            None => (
                match measure {
                    Measure::TimeToOwn => policy.own_minutes,
                    Measure::TimeToResolve => policy.resolve_minutes,
                },
                TargetSource::Policy,
            ),
        };
        let duration = chrono::Duration::minutes(i64::from(minutes));
        // A new ticket's clock has no pause yet: its deadlines are plain business-time sums.
        let at = |offset| calendar.calendar.add(request.start, offset);
        TargetPreview {
            measure,
            target_minutes: minutes,
            source,
            due: at(duration),
            thresholds: policy
                .thresholds
                .iter()
                .map(|step| ThresholdPreview {
                    percent: step.percent,
                    action: step.action,
                    at: at(threshold_offset(duration, step.percent)),
                })
                .collect(),
        }
    };
    Ok(SlaPreview {
        site: request.site.clone(),
        calendar: calendar.code,
        calendar_name: calendar.name,
        kind: request.kind,
        priority: request.priority,
        start: request.start,
        catalog: request.catalog.clone(),
        targets: vec![target(Measure::TimeToOwn, own_override), target(Measure::TimeToResolve, resolve_override)],
    })
}

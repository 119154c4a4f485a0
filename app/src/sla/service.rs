//! Reads the calendars and policies from the database and computes deadlines with the pure domain.

use super::{
    CalendarDraft, PolicyDraft, PreviewRequest, ServiceLevels, SlaPreview, TargetPreview, TargetSource,
    ThresholdPreview,
};
use crate::db::audit;
use crate::db::schema::{business_calendars, catalog_entries, sites, sla_policies};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::UserId;
use crate::domain::sla::{
    Measure, Policy, PolicyError, Threshold, format_thresholds, parse_thresholds, threshold_offset,
};
use crate::domain::ticket::{Kind, Priority};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// A calendar as stored: its code, name and rules.
#[derive(Debug, Clone)]
pub struct StoredCalendar {
    pub code: String,
    pub name: String,
    pub calendar: BusinessCalendar,
}

pub(super) type CalendarRow = (String, String, serde_json::Value, bool, Vec<chrono::NaiveDate>);

/// The columns of a [`CalendarRow`], in its order.
pub(super) const CALENDAR_COLUMNS: (
    business_calendars::code,
    business_calendars::name,
    business_calendars::week,
    business_calendars::closed_on_public_holidays,
    business_calendars::closures,
) = (
    business_calendars::code,
    business_calendars::name,
    business_calendars::week,
    business_calendars::closed_on_public_holidays,
    business_calendars::closures,
);

pub(super) fn calendar_from_row(
    (code, name, week, closed_on_public_holidays, closures): CalendarRow,
) -> AppResult<StoredCalendar> {
    let corrupt = || AppError::internal("business_calendars.week is not seven strings of openings");
    let days: Vec<String> = serde_json::from_value(week).map_err(|_| corrupt())?;
    let calendar = BusinessCalendar::from_text(&days, closed_on_public_holidays, closures).map_err(|_| corrupt())?;
    Ok(StoredCalendar { code, name, calendar })
}

/// The calendars whose codes are listed (unknown codes are left out).
pub async fn calendars_named(conn: &mut AsyncPgConnection, codes: &[String]) -> AppResult<Vec<StoredCalendar>> {
    let rows: Vec<CalendarRow> = business_calendars::table
        .filter(business_calendars::code.eq_any(codes))
        .select(CALENDAR_COLUMNS)
        .load(conn)
        .await?;
    rows.into_iter().map(calendar_from_row).collect()
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
    let query = business_calendars::table.select(CALENDAR_COLUMNS).into_boxed();
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

type PolicyRow = (Kind, Priority, i32, i32, serde_json::Value);

const POLICY_COLUMNS: (
    sla_policies::kind,
    sla_policies::priority,
    sla_policies::own_minutes,
    sla_policies::resolve_minutes,
    sla_policies::thresholds,
) = (
    sla_policies::kind,
    sla_policies::priority,
    sla_policies::own_minutes,
    sla_policies::resolve_minutes,
    sla_policies::thresholds,
);

fn policy_from_row((kind, priority, own, resolve, thresholds): PolicyRow) -> AppResult<Policy> {
    let thresholds: Vec<Threshold> =
        serde_json::from_value(thresholds).map_err(|_| AppError::internal("sla_policies.thresholds is malformed"))?;
    let minutes = |value: i32| u32::try_from(value).map_err(|_| AppError::internal("negative SLA target"));
    Policy { kind, priority, own_minutes: minutes(own)?, resolve_minutes: minutes(resolve)?, thresholds }
        .checked()
        .map_err(|_| AppError::internal("a stored SLA policy breaks its own rules"))
}

fn missing_policy(kind: Kind, priority: Priority) -> AppError {
    AppError::conflict(t().sla_no_policy.replace("{}", &format!("{kind} {priority}")))
}

/// The policy of a type × priority.
pub async fn policy(conn: &mut AsyncPgConnection, kind: Kind, priority: Priority) -> AppResult<Policy> {
    let row: PolicyRow = sla_policies::table
        .filter(sla_policies::kind.eq(kind))
        .filter(sla_policies::priority.eq(priority))
        .select(POLICY_COLUMNS)
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| missing_policy(kind, priority))?;
    policy_from_row(row)
}

/// Every policy, in one query, ordered by type then priority; a missing type × priority is reported.
pub async fn all_policies(conn: &mut AsyncPgConnection) -> AppResult<Vec<Policy>> {
    let rows: Vec<PolicyRow> = sla_policies::table.select(POLICY_COLUMNS).load(conn).await?;
    let mut policies = rows.into_iter().map(policy_from_row).collect::<AppResult<Vec<_>>>()?;
    policies.sort_by_key(|policy| (policy.kind, policy.priority));
    for kind in Kind::ALL {
        for priority in Priority::ALL {
            if !policies.iter().any(|policy| policy.kind == *kind && policy.priority == *priority) {
                return Err(missing_policy(*kind, *priority));
            }
        }
    }
    Ok(policies)
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
    let target = |measure: Measure, policy_minutes: u32, overridden: Option<u32>| {
        let (minutes, source) = match overridden {
            Some(minutes) => (minutes, TargetSource::Catalog),
            None => (policy_minutes, TargetSource::Policy),
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
        targets: vec![
            target(Measure::TimeToOwn, policy.own_minutes, own_override),
            target(Measure::TimeToResolve, policy.resolve_minutes, resolve_override),
        ],
    })
}

/// The policies, calendars and this year's holidays, for the administration page.
pub async fn service_levels(conn: &mut AsyncPgConnection, year: i32) -> AppResult<ServiceLevels> {
    let policies = all_policies(conn)
        .await?
        .into_iter()
        .map(|policy| PolicyDraft {
            kind: policy.kind,
            priority: policy.priority,
            own_minutes: policy.own_minutes,
            resolve_minutes: policy.resolve_minutes,
            thresholds: format_thresholds(&policy.thresholds),
        })
        .collect();
    let rows: Vec<CalendarRow> =
        business_calendars::table.select(CALENDAR_COLUMNS).order(business_calendars::code).load(conn).await?;
    let calendars = rows
        .into_iter()
        .map(|row| {
            calendar_from_row(row).map(|stored| CalendarDraft {
                week: stored.calendar.week_as_text(),
                closed_on_public_holidays: stored.calendar.closed_on_public_holidays,
                closures: stored.calendar.closures.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                code: stored.code,
                name: stored.name,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(ServiceLevels { policies, calendars, year, holidays: super::holidays_of(year)? })
}

/// Changes the targets and thresholds of a type × priority; audited.
pub async fn save_policy(conn: &mut AsyncPgConnection, admin: UserId, draft: &PolicyDraft) -> AppResult<()> {
    let thresholds = parse_thresholds(&draft.thresholds)
        .map_err(|error| AppError::validation("thresholds", crate::i18n::policy_error_message(&error)))?;
    let checked = Policy {
        kind: draft.kind,
        priority: draft.priority,
        own_minutes: draft.own_minutes,
        resolve_minutes: draft.resolve_minutes,
        thresholds,
    }
    .checked()
    .map_err(|error| {
        let field = match error {
            PolicyError::EmptyTarget | PolicyError::OwnAfterResolve { .. } => "own_minutes",
            _ => "thresholds",
        };
        AppError::validation(field, crate::i18n::policy_error_message(&error))
    })?;
    let minutes =
        |value: u32| i32::try_from(value).map_err(|_| AppError::validation("resolve_minutes", t().sla_target_too_long));
    let (own, resolve) = (minutes(checked.own_minutes)?, minutes(checked.resolve_minutes)?);
    let thresholds = serde_json::to_value(&checked.thresholds).map_err(|_| AppError::internal("thresholds to JSON"))?;
    conn.transaction(async |conn| {
        let before = policy(conn, draft.kind, draft.priority).await?;
        diesel::update(sla_policies::table.find((draft.kind.code(), draft.priority.code())))
            .set((
                sla_policies::own_minutes.eq(own),
                sla_policies::resolve_minutes.eq(resolve),
                sla_policies::thresholds.eq(&thresholds),
            ))
            .execute(conn)
            .await?;
        let detail = serde_json::json!({ "avant": before, "apres": checked });
        audit(conn, admin, "politique_sla", format!("{} {}", draft.kind, draft.priority), "modification", detail)
            .await?;
        Ok(())
    })
    .await
}

/// Changes a business calendar's name, week, holiday rule and closures; audited.
pub async fn save_calendar(conn: &mut AsyncPgConnection, admin: UserId, draft: &CalendarDraft) -> AppResult<()> {
    let name = draft.name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(AppError::validation("name", t().sla_calendar_name_invalid));
    }
    let closures = super::parse_closures(&draft.closures)?;
    let calendar = BusinessCalendar::from_text(&draft.week, draft.closed_on_public_holidays, closures)
        .map_err(|error| AppError::validation("week", crate::i18n::calendar_error_message(&error)))?;
    let week = serde_json::to_value(calendar.week_as_text()).map_err(|_| AppError::internal("week to JSON"))?;
    conn.transaction(async |conn| {
        let before: Option<CalendarRow> = business_calendars::table
            .find(&draft.code)
            .select(CALENDAR_COLUMNS)
            .for_update()
            .first(conn)
            .await
            .optional()?;
        let Some((_, before_name, before_week, before_holidays, before_closures)) = before else {
            return Err(AppError::not_found(t().sla_calendar_label));
        };
        diesel::update(business_calendars::table.find(&draft.code))
            .set((
                business_calendars::name.eq(name),
                business_calendars::week.eq(&week),
                business_calendars::closed_on_public_holidays.eq(calendar.closed_on_public_holidays),
                business_calendars::closures.eq(&calendar.closures),
            ))
            .execute(conn)
            .await?;
        let detail = serde_json::json!({
            "avant": { "nom": before_name, "semaine": before_week, "feries": before_holidays, "fermetures": before_closures },
            "apres": { "nom": name, "semaine": week, "feries": calendar.closed_on_public_holidays, "fermetures": calendar.closures },
        });
        audit(conn, admin, "calendrier", draft.code.clone(), "modification", detail).await?;
        Ok(())
    })
    .await
}

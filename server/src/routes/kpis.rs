//! `GET /api/v1/kpis?from=&to=&pole=&site=&domain=&type=&channel=`: every KPI of a period with its
//! definition, its figure (and the counts behind it), the previous period's and the trend. Qualité,
//! supervisors and administrators.

use super::api::{ApiError, ApiUser};
use crate::state::AppState;
use app::auth::service::check_area;
use app::domain::access::Area;
use app::domain::ids::SiteId;
use app::domain::kpi::{AGE_BUCKETS_DAYS, KpiFilter, Period, Trend, Unit};
use app::error::AppError;
use app::i18n::{kpi_definition, kpi_label};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new().route("/kpis", get(kpis))
}

#[derive(Deserialize)]
struct KpiQuery {
    from: Option<String>,
    to: Option<String>,
    pole: Option<String>,
    site: Option<String>,
    domain: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    channel: Option<String>,
}

/// The longest period one request may ask for.
const MAX_DAYS: i64 = 366;

/// Midnight in Paris of a date, as an instant.
fn paris_midnight(date: NaiveDate) -> DateTime<Utc> {
    let local = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    chrono_tz::Europe::Paris
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc))
}

/// A date (`2026-11-01`, the whole day) or an instant (RFC 3339). `end` makes a date mean the end of its day.
fn instant(field: &str, text: &str, end: bool) -> Result<DateTime<Utc>, AppError> {
    if let Ok(date) = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        return Ok(paris_midnight(if end { date + TimeDelta::days(1) } else { date }));
    }
    DateTime::parse_from_rfc3339(text.trim()).map(|at| at.with_timezone(&Utc)).map_err(|_| {
        AppError::validation(field, format!("« {text} » n'est pas une date : écrivez AAAA-MM-JJ (ex. 2026-11-01)"))
    })
}

fn code<T>(field: &str, text: Option<&str>, parse: fn(&str) -> Option<T>) -> Result<Option<T>, AppError> {
    match text.map(str::trim).filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(text) => {
            parse(text).map(Some).ok_or_else(|| AppError::validation(field, format!("Valeur inconnue : « {text} »")))
        }
    }
}

/// The period asked for: `from` and `to` are whole days, `to` included; the last 30 days by default.
fn period_of(query: &KpiQuery, now: DateTime<Utc>) -> Result<Period, AppError> {
    let today = now.with_timezone(&chrono_tz::Europe::Paris).date_naive();
    let to = match query.to.as_deref() {
        Some(text) => instant("to", text, true)?,
        None => paris_midnight(today + TimeDelta::days(1)),
    };
    let from = match query.from.as_deref() {
        Some(text) => instant("from", text, false)?,
        None => to - TimeDelta::days(30),
    };
    if from >= to {
        return Err(AppError::validation("from", "La période commence après sa fin."));
    }
    if to - from > TimeDelta::days(MAX_DAYS) {
        return Err(AppError::validation("to", format!("Une période compte au plus {MAX_DAYS} jours.")));
    }
    Ok(Period { from, to })
}

async fn kpis(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(query): Query<KpiQuery>,
) -> Result<Response, ApiError> {
    check_area(&user, Area::Steering)?;
    let period = period_of(&query, Utc::now())?;
    let filter = KpiFilter {
        pole: code("pole", query.pole.as_deref(), app::domain::people::Pole::from_code)?,
        site: code("site", query.site.as_deref(), |text| text.parse().ok().map(SiteId))?,
        domain: code("domain", query.domain.as_deref(), app::domain::ticket::ServiceDomain::from_code)?,
        kind: code("type", query.kind.as_deref(), app::domain::ticket::Kind::from_code)?,
        channel: code("channel", query.channel.as_deref(), app::domain::ticket::Channel::from_code)?,
    };
    let mut conn = state.pool.get().await.map_err(AppError::from)?;
    let report = app::kpis::service::report(&mut conn, &filter, period).await?;
    let unit = |unit: Unit| match unit {
        Unit::Share => "part",
        Unit::Minutes => "minutes_ouvrees",
        Unit::Count => "nombre",
        Unit::Rating => "note_sur_5",
    };
    let trend = |trend: Trend| match trend {
        Trend::Better => "meilleur",
        Trend::Worse => "moins_bon",
        Trend::Steady => "stable",
        Trend::Unknown => "inconnu",
    };
    let kpis: Vec<_> = report
        .lines
        .iter()
        .map(|line| {
            json!({
                "code": line.kpi.code(),
                "label": kpi_label(line.kpi),
                "definition": kpi_definition(line.kpi),
                "unit": unit(line.kpi.unit()),
                "value": line.current.value,
                "numerator": line.current.numerator,
                "denominator": line.current.denominator,
                "previous": line.previous.value,
                "trend": trend(line.trend),
            })
        })
        .collect();
    let mut limits: Vec<String> = vec![format!("<{}j", AGE_BUCKETS_DAYS[0])];
    limits.extend(AGE_BUCKETS_DAYS.windows(2).map(|pair| format!("{}-{}j", pair[0], pair[1])));
    limits.push(format!(">={}j", AGE_BUCKETS_DAYS[AGE_BUCKETS_DAYS.len() - 1]));
    Ok(Json(json!({
        "period": report.period,
        "previous": report.previous,
        "filter": report.filter,
        "kpis": kpis,
        "backlog_ages": {"buckets": limits, "current": report.backlog_ages, "previous": report.previous_backlog_ages},
    }))
    .into_response())
}

//! `GET /api/v1/kpis?from=&to=&pole=&site=&domain=&type=&channel=`: every KPI of a period with its
//! definition, its figure (and the counts behind it), the previous period's and the trend; and
//! `GET /api/v1/kpis/export`: one of the KPI page's tables as CSV or XLSX. Qualité, supervisors, administrators.

use super::api::ApiError;
use super::input::{InArea, Params, Steering};
use crate::state::AppState;
use app::domain::kpi::{AGE_BUCKETS_DAYS, Trend, Unit};
use app::error::AppError;
use app::i18n::{kpi_definition, kpi_label};
use app::kpis::export::{ExportFormat, write};
use app::kpis::query::KpiQuery;
use app::kpis::sheets::{SheetKind, sheet};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new().route("/kpis", get(kpis)).route("/kpis/export", get(export))
}

/// `GET /api/v1/kpis/export?tableau=INDICATEURS|ANCIENNETE|EVOLUTION|CONFORMITE&format=csv|xlsx&…`: one
/// table of the KPI page, for the same filters, as a file to download.
async fn export(
    InArea(caller, _): InArea<Steering>,
    Params(query): Params<KpiQuery>,
    Params(asked): Params<ExportQuery>,
) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    let texts = app::i18n::steering::s();
    let kind = asked
        .tableau
        .as_deref()
        .and_then(SheetKind::from_code)
        .ok_or_else(|| AppError::validation("tableau", texts.unknown_table))?;
    let format = asked
        .format
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
        .and_then(ExportFormat::from_code)
        .ok_or_else(|| AppError::validation("format", texts.unknown_format))?;
    let page = app::kpis::service::page(&mut conn, &query, caller.now).await?;
    let sheet = sheet(&page, kind);
    let bytes = write(&sheet, format)?;
    let name = format!(
        "indicateurs-{}-{}-{}.{}",
        kind.code().to_lowercase(),
        page.query.from.unwrap_or_default(),
        page.query.to.unwrap_or_default(),
        format.code()
    );
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}

/// The export's own parameters beside the KPI query.
#[derive(Deserialize)]
struct ExportQuery {
    tableau: Option<String>,
    format: Option<String>,
}

async fn kpis(InArea(caller, _): InArea<Steering>, Params(query): Params<KpiQuery>) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    let period = query.period(caller.now)?;
    let filter = query.filter()?;
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

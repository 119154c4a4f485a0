//! The facts the KPIs are computed from, read for the tickets a period can concern: those not finished
//! before the previous period began (or rated since). Business minutes come from each clock's own run and
//! calendar, as the SLA engine counts them; reassignments from the history (more than one agent held it).

use super::query::KpiQuery;
use super::{KpiPage, KpiReport};
use crate::db::schema::{
    knowledge_articles, knowledge_deflections, ticket_clocks, ticket_history, ticket_ratings, tickets,
};
use crate::domain::ids::SiteId;
use crate::domain::kpi::breakdown::{compliance_grid, series};
use crate::domain::kpi::{ClockOutcome, KpiFilter, Period, TicketFacts, compute, with_trends};
use crate::domain::people::Pole;
use crate::domain::sla::{ClockRun, Measure, Pause};
use crate::domain::ticket::{Channel, Kind, ServiceDomain};
use crate::domain::workflow::Action;
use crate::error::{AppError, AppResult};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::{HashMap, HashSet};

type TicketRow = (
    i64,
    Kind,
    Channel,
    Pole,
    SiteId,
    Option<ServiceDomain>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    bool,
    i32,
    i32,
);

/// A ticket's stopped time-to-own clock, and its last stopped resolution clock with its cycle.
type StoppedClocks = (Option<ClockOutcome>, Option<(i16, ClockOutcome)>);

type ClockRow = (i64, Measure, i16, String, DateTime<Utc>, serde_json::Value, Option<DateTime<Utc>>, Option<bool>);

/// Every ticket the KPIs of `[since, until)` may count, with its clocks, history and rating.
pub async fn facts(
    conn: &mut AsyncPgConnection,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> AppResult<Vec<TicketFacts>> {
    let rated_since =
        ticket_ratings::table.filter(ticket_ratings::rated_at.ge(since)).select(ticket_ratings::ticket_id);
    let rows: Vec<TicketRow> = tickets::table
        .filter(tickets::registered_at.lt(until))
        .filter(
            tickets::resolved_at
                .is_null()
                .or(tickets::resolved_at.ge(since))
                .or(tickets::closed_at.is_null())
                .or(tickets::closed_at.ge(since))
                .or(tickets::id.eq_any(rated_since)),
        )
        .select((
            tickets::id,
            tickets::kind,
            tickets::channel,
            tickets::pole,
            tickets::site_id,
            tickets::domain,
            tickets::registered_at,
            tickets::resolved_at,
            tickets::closed_at,
            tickets::first_contact,
            tickets::reopen_count,
            tickets::escalation_count,
        ))
        .load(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let mut clocks: HashMap<i64, StoppedClocks> = HashMap::new();
    let mut holders: HashMap<i64, HashSet<i64>> = HashMap::new();
    let mut ratings: HashMap<i64, (u8, DateTime<Utc>)> = HashMap::new();
    for chunk in ids.chunks(10_000) {
        let stopped: Vec<ClockRow> = ticket_clocks::table
            .filter(ticket_clocks::ticket_id.eq_any(chunk))
            .filter(ticket_clocks::measure.eq_any([Measure::TimeToOwn, Measure::TimeToResolve]))
            .filter(ticket_clocks::stopped_at.is_not_null())
            .select((
                ticket_clocks::ticket_id,
                ticket_clocks::measure,
                ticket_clocks::cycle,
                ticket_clocks::calendar_code,
                ticket_clocks::started_at,
                ticket_clocks::pauses,
                ticket_clocks::stopped_at,
                ticket_clocks::breached,
            ))
            .load(conn)
            .await?;
        let codes: Vec<String> = stopped.iter().map(|row| row.3.clone()).collect::<HashSet<_>>().into_iter().collect();
        let calendars: HashMap<String, crate::domain::calendar::BusinessCalendar> =
            crate::sla::service::calendars_named(conn, &codes)
                .await?
                .into_iter()
                .map(|stored| (stored.code, stored.calendar))
                .collect();
        for (ticket, measure, cycle, calendar, started, pauses, stopped_at, breached) in stopped {
            let (Some(stopped_at), Some(calendar)) = (stopped_at, calendars.get(&calendar)) else { continue };
            let pauses: Vec<Pause> = serde_json::from_value(pauses).map_err(|_| AppError::internal("clock pauses"))?;
            let minutes = ClockRun { started, pauses }.elapsed(calendar, stopped_at).num_minutes();
            let outcome = ClockOutcome { stopped_at, business_minutes: minutes, met: breached == Some(false) };
            let entry = clocks.entry(ticket).or_default();
            match measure {
                Measure::TimeToOwn if cycle == 1 => entry.0 = Some(outcome),
                // The last resolution cycle is the one that counts: a rejected solution starts a new one.
                Measure::TimeToResolve if entry.1.is_none_or(|(seen, _)| seen < cycle) => {
                    entry.1 = Some((cycle, outcome))
                }
                _ => {}
            }
        }
        // Who held each ticket: whoever took it, or whom it was assigned to.
        let handovers: Vec<(i64, String, Option<i64>, serde_json::Value)> = ticket_history::table
            .filter(ticket_history::ticket_id.eq_any(chunk))
            .filter(ticket_history::action.eq_any([Action::Take.code(), Action::Assign.code()]))
            .select((
                ticket_history::ticket_id,
                ticket_history::action,
                ticket_history::actor_id,
                ticket_history::detail,
            ))
            .load(conn)
            .await?;
        for (ticket, action, actor, detail) in handovers {
            let holder = if action == Action::Assign.code() { detail["assigne"].as_i64() } else { actor };
            if let Some(holder) = holder {
                holders.entry(ticket).or_default().insert(holder);
            }
        }
        let rated: Vec<(i64, i16, DateTime<Utc>)> = ticket_ratings::table
            .filter(ticket_ratings::ticket_id.eq_any(chunk))
            .select((ticket_ratings::ticket_id, ticket_ratings::rating, ticket_ratings::rated_at))
            .load(conn)
            .await?;
        for (ticket, rating, at) in rated {
            ratings.insert(ticket, (u8::try_from(rating).unwrap_or(0), at));
        }
    }
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                kind,
                channel,
                pole,
                site,
                domain,
                registered_at,
                resolved_at,
                closed_at,
                first_contact,
                reopens,
                escalations,
            )| {
                let (own, resolve) = clocks.get(&id).copied().unwrap_or_default();
                TicketFacts {
                    kind,
                    channel,
                    pole,
                    site,
                    domain,
                    registered_at,
                    resolved_at,
                    closed_at,
                    first_contact,
                    own,
                    resolve: resolve.map(|(_, outcome)| outcome),
                    reopened: reopens > 0,
                    escalated: escalations > 0,
                    reassigned: holders.get(&id).is_some_and(|held| held.len() > 1),
                    rating: ratings.get(&id).copied(),
                }
            },
        )
        .collect())
}

/// Requests knowledge articles ended without a ticket during `period`, for articles of `domain` if given.
async fn deflections(conn: &mut AsyncPgConnection, period: Period, domain: Option<ServiceDomain>) -> AppResult<u64> {
    let mut query = knowledge_deflections::table
        .inner_join(knowledge_articles::table)
        .filter(knowledge_deflections::at.ge(period.from))
        .filter(knowledge_deflections::at.lt(period.to))
        .into_boxed();
    if let Some(domain) = domain {
        query = query.filter(knowledge_articles::domain.eq(domain));
    }
    let count: i64 = query.count().get_result(conn).await?;
    Ok(count.max(0) as u64)
}

/// The KPIs of `period` for `filter` computed from `facts` (read from the previous period's start).
async fn report_of(
    conn: &mut AsyncPgConnection,
    facts: &[TicketFacts],
    filter: &KpiFilter,
    period: Period,
) -> AppResult<KpiReport> {
    let previous = period.previous();
    let current = compute(facts, filter, period, deflections(conn, period, filter.domain).await?);
    let before = compute(facts, filter, previous, deflections(conn, previous, filter.domain).await?);
    Ok(KpiReport {
        period,
        previous,
        filter: filter.clone(),
        lines: with_trends(&current, &before),
        backlog_ages: current.backlog_ages,
        previous_backlog_ages: before.backlog_ages,
    })
}

/// The KPIs of `period` for `filter`, with the previous period's and the trends.
pub async fn report(conn: &mut AsyncPgConnection, filter: &KpiFilter, period: Period) -> AppResult<KpiReport> {
    let facts = facts(conn, period.previous().from, period.to).await?;
    report_of(conn, &facts, filter, period).await
}

/// The KPI page of `query`: the report, its steps and its domain × site grid, from one read of the facts.
pub async fn page(conn: &mut AsyncPgConnection, query: &KpiQuery, now: DateTime<Utc>) -> AppResult<KpiPage> {
    let period = query.period(now)?;
    let filter = query.filter()?;
    let facts = facts(conn, period.previous().from, period.to).await?;
    Ok(KpiPage {
        query: query.with_days(period),
        report: report_of(conn, &facts, &filter, period).await?,
        steps: series(&facts, &filter, period),
        grid: compliance_grid(&facts, &filter, period),
        sites: crate::directory::db::site_names(conn).await?,
    })
}

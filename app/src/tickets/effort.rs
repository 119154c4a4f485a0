//! Effort: minutes an agent logs on a ticket for their pole, and the desk's totals over a period.

use super::service::{TicketRow, clean, ensure_visible, lock_ticket};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::schema::{ticket_effort, users};
use crate::domain::people::{Pole, Role};
use crate::domain::ticket::TicketRef;
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// Logs minutes spent on a ticket by an agent, for their pole. A ticket the person may not see is 404,
/// like a missing one, before the role is looked at: the answer never tells that it exists.
pub async fn log_effort(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    minutes: i32,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, reference).await?;
        ensure_visible(conn, user, &row).await?;
        log_effort_in(conn, Actor::Person(user), &row, minutes, None, note, now).await
    })
    .await
}

pub(super) async fn log_effort_in(
    conn: &mut AsyncPgConnection,
    actor: Actor<'_>,
    row: &TicketRow,
    minutes: i32,
    action: Option<&str>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Actor::Person(user) = actor else { return Ok(()) };
    let pole = user.pole.filter(|_| user.roles.has(Role::Agent)).ok_or(AppError::Forbidden)?;
    if !(1..=1440).contains(&minutes) {
        return Err(AppError::validation("minutes", t().effort_out_of_range));
    }
    diesel::insert_into(ticket_effort::table)
        .values((
            ticket_effort::ticket_id.eq(row.id),
            ticket_effort::agent_id.eq(user.id),
            ticket_effort::pole.eq(pole),
            ticket_effort::minutes.eq(minutes),
            ticket_effort::action.eq(action),
            ticket_effort::note.eq(clean(note)),
            ticket_effort::at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Minutes logged over a period, per pole and per agent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EffortReport {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub total_minutes: i64,
    pub by_pole: Vec<(Pole, i64)>,
    pub by_agent: Vec<AgentEffort>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AgentEffort {
    pub agent: String,
    pub pole: Pole,
    pub minutes: i64,
    pub tickets: i64,
}

/// The desk's effort between `from` (included) and `to` (excluded), for supervisors, Qualité and admins.
pub async fn effort_report(
    conn: &mut AsyncPgConnection,
    viewer: &CurrentUser,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<EffortReport> {
    if !viewer.roles.has_any(&[Role::Supervisor, Role::Quality, Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    if to <= from {
        return Err(AppError::validation("to", t().effort_period_invalid));
    }
    let rows: Vec<(String, Pole, i64, i64)> = ticket_effort::table
        .inner_join(users::table.on(users::id.eq(ticket_effort::agent_id)))
        .filter(ticket_effort::at.ge(from).and(ticket_effort::at.lt(to)))
        .group_by((users::display_name, ticket_effort::pole))
        .select((
            users::display_name,
            ticket_effort::pole,
            diesel::dsl::sum(ticket_effort::minutes).assume_not_null(),
            diesel::dsl::count(ticket_effort::ticket_id).aggregate_distinct(),
        ))
        .order(users::display_name)
        .load(conn)
        .await?;
    let mut by_pole: HashMap<Pole, i64> = HashMap::new();
    let by_agent: Vec<AgentEffort> = rows
        .into_iter()
        .map(|(agent, pole, minutes, tickets)| {
            *by_pole.entry(pole).or_default() += minutes;
            AgentEffort { agent, pole, minutes, tickets }
        })
        .collect();
    let mut by_pole: Vec<(Pole, i64)> = by_pole.into_iter().collect();
    by_pole.sort();
    Ok(EffortReport { from, to, total_minutes: by_pole.iter().map(|(_, m)| m).sum(), by_pole, by_agent })
}

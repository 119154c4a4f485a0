//! The ticket service: the one orchestrator of the activity lifecycle, and the entry point of its use
//! cases (registration, transitions, comments, links, effort, queries, the lifecycle jobs), each in its own
//! module. Every write is one transaction that locks the ticket, checks the version the person saw, asks
//! the workflow table and writes through the journal; so nothing is half-written and no update is lost.
//! It calls the SLA clocks, campaigns, surveys and triage downward; they never call back.
//!
//! Here: the ticket row, its lock, who may see it, and the write of a change, which every use case shares.

pub use super::comments::comment;
pub use super::effort::{AgentEffort, EffortReport, effort_report, log_effort};
pub use super::lifecycle::{JobReport, Settings, run_lifecycle_jobs, settings};
pub use super::links::link;
pub use super::queries::{HistoryEntry, detail, history, list};
pub use super::register::{
    QualificationRecord, Registration, register, register_with, registration_year, reserve_references,
};
pub use super::transition::{resolve_children, transition};
pub use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::schema::{ticket_approvals, tickets};
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, Priority, ServiceDomain, TicketRef};
use crate::domain::workflow::{Parties, Performer, Status, Viewer, can_see, performers_of};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::journal::{self, Change, Entry, Fields};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = tickets, check_for_backend(diesel::pg::Pg))]
pub(crate) struct TicketRow {
    pub id: i64,
    pub reference: String,
    pub kind: Kind,
    pub status: Status,
    pub title: String,
    pub description: String,
    pub channel: Channel,
    pub priority: Priority,
    pub domain: Option<ServiceDomain>,
    pub requester_id: Option<UserId>,
    pub registered_by: Option<UserId>,
    pub site_id: SiteId,
    pub pole: Pole,
    pub assignee_id: Option<UserId>,
    pub solution: Option<String>,
    pub workaround: Option<String>,
    pub version: i32,
    pub reopen_count: i32,
    pub escalation_count: i32,
    pub supervisor_alerted_at: Option<DateTime<Utc>>,
    pub waiting_since: Option<DateTime<Utc>>,
    pub reminders_sent: i16,
    pub last_reminded_at: Option<DateTime<Utc>>,
    pub first_contact: bool,
    pub registered_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub source_ref: Option<String>,
}

/// Refuses a write based on another version of the ticket than the current one (someone changed it since).
pub(super) fn check_version(seen: i32, current: i32) -> AppResult<()> {
    if seen == current {
        Ok(())
    } else {
        Err(AppError::conflict(crate::i18n::fill(
            t().phrases.stale_version_detail,
            &[("message", &t().stale_version), ("seen", &seen), ("current", &current)],
        )))
    }
}

pub(super) fn clean(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|text| !text.is_empty()).map(str::to_owned)
}

/// Writes a change of `row` through the journal (its `fields`, the next version, `updated_at`, the history
/// line), for a writer holding the row's lock: answers the new version.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn write_change(
    conn: &mut AsyncPgConnection,
    row: &TicketRow,
    actor: Actor<'_>,
    entry: Entry,
    to: Status,
    fields: Fields,
    detail: serde_json::Value,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let change = Change {
        ticket: row.id,
        seen_version: row.version,
        actor,
        entry,
        from: Some(row.status),
        to,
        detail,
        at: now,
        fields,
    };
    journal::write(conn, change).await?.ok_or_else(|| AppError::conflict(t().stale_version))
}

pub(super) async fn lock_ticket(conn: &mut AsyncPgConnection, reference: &TicketRef) -> AppResult<TicketRow> {
    tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select(TicketRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found(reference.to_string()))
}

/// Who `user` is, as far as rights go.
pub(crate) fn viewer(user: &CurrentUser) -> Viewer<'_> {
    Viewer { id: user.id, roles: &user.roles, pole: user.pole, site: user.site.id }
}

/// The people and the place `row` relates to, including the manager asked to approve it.
pub(crate) async fn parties(conn: &mut AsyncPgConnection, row: &TicketRow) -> QueryResult<Parties> {
    let approver = ticket_approvals::table
        .find(row.id)
        .select(ticket_approvals::approver_id)
        .first::<UserId>(conn)
        .await
        .optional()?;
    Ok(Parties { requester: row.requester_id, assignee: row.assignee_id, approver, pole: row.pole, site: row.site_id })
}

/// The performers `actor` holds on a ticket.
pub(super) fn performers(actor: Actor<'_>, parties: &Parties) -> Vec<Performer> {
    match actor {
        Actor::Person(user) => performers_of(viewer(user), parties),
        Actor::System => vec![Performer::System],
    }
}

/// Fails with 404 (the ticket's existence is not revealed) when `user` may not see it.
pub(super) async fn ensure_visible(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    row: &TicketRow,
) -> AppResult<Parties> {
    let parties = parties(conn, row).await?;
    if can_see(viewer(user), &parties) { Ok(parties) } else { Err(AppError::not_found(row.reference.clone())) }
}

pub(super) async fn lock_by_id(conn: &mut AsyncPgConnection, id: i64) -> AppResult<TicketRow> {
    Ok(tickets::table.find(id).select(TicketRow::as_select()).for_update().first(conn).await?)
}

//! The ticket journal: the one way a change to a ticket is written. A change sets the ticket's fields it
//! changes, bumps its version (compare-and-set on the version its writer saw) and stamps `updated_at`, in one
//! statement, and appends its line to the append-only history, in the writer's transaction. Every writer
//! goes through it: the ticket use cases, the SLA escalations, the lifecycle jobs. One statement matters:
//! the database announces each row update to the live boards, with the pole and assignee it left.

use crate::auth::Actor;
use crate::db::schema::{ticket_history, tickets};
use crate::domain::ids::UserId;
use crate::domain::people::Pole;
use crate::domain::ticket::{JournalEvent, Priority, ServiceDomain};
use crate::domain::workflow::{Action, Status};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// What a history line says was done: a workflow action, or one of the journal's own events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Action(Action),
    Event(JournalEvent),
}

impl Entry {
    pub fn code(self) -> &'static str {
        match self {
            Entry::Action(action) => action.code(),
            Entry::Event(event) => event.code(),
        }
    }
}

/// The fields of a ticket a change sets; the others stay as they are (`None`). A nullable column is
/// cleared with `Some(None)`.
#[derive(Debug, Default, PartialEq, AsChangeset)]
#[diesel(table_name = tickets)]
pub struct Fields {
    pub status: Option<Status>,
    pub pole: Option<Pole>,
    pub priority: Option<Priority>,
    pub domain: Option<Option<ServiceDomain>>,
    pub assignee_id: Option<Option<UserId>>,
    pub waiting_since: Option<Option<DateTime<Utc>>>,
    pub reminders_sent: Option<i16>,
    pub last_reminded_at: Option<Option<DateTime<Utc>>>,
    pub resolved_at: Option<Option<DateTime<Utc>>>,
    pub closed_at: Option<Option<DateTime<Utc>>>,
    pub solution: Option<Option<String>>,
    pub workaround: Option<Option<String>>,
    pub reopen_count: Option<i32>,
    pub escalation_count: Option<i32>,
    pub supervisor_alerted_at: Option<Option<DateTime<Utc>>>,
}

/// One change of a ticket: the fields it sets, and its history line.
pub struct Change<'a> {
    pub ticket: i64,
    /// The version the writer read and changed; the change is refused if the ticket has moved on since.
    pub seen_version: i32,
    pub actor: Actor<'a>,
    pub entry: Entry,
    pub from: Option<Status>,
    pub to: Status,
    pub detail: serde_json::Value,
    pub at: DateTime<Utc>,
    pub fields: Fields,
}

/// Writes `change`: the ticket goes to the next version and its history gets the line. Answers the new
/// version, or `None` when the ticket is no longer at `seen_version` (someone else changed it: the caller
/// says what that means; nothing was written).
pub async fn write(conn: &mut AsyncPgConnection, change: Change<'_>) -> QueryResult<Option<i32>> {
    let version: Option<i32> =
        diesel::update(tickets::table.find(change.ticket).filter(tickets::version.eq(change.seen_version)))
            .set((&change.fields, tickets::version.eq(tickets::version + 1), tickets::updated_at.eq(change.at)))
            .returning(tickets::version)
            .get_result(conn)
            .await
            .optional()?;
    if version.is_some() {
        append(conn, change.ticket, change.actor, change.entry, change.from, change.to, change.detail, change.at)
            .await?;
    }
    Ok(version)
}

/// Appends a history line to a ticket whose version the caller has just set: a registration's first line
/// (the ticket is born at version 1), or the incident an event is promoted to.
#[allow(clippy::too_many_arguments)]
pub async fn append(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    actor: Actor<'_>,
    entry: Entry,
    from: Option<Status>,
    to: Status,
    detail: serde_json::Value,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(ticket_history::table)
        .values((
            ticket_history::ticket_id.eq(ticket),
            ticket_history::at.eq(at),
            ticket_history::actor_id.eq(actor.id()),
            ticket_history::action.eq(entry.code()),
            ticket_history::from_status.eq(from),
            ticket_history::to_status.eq(to),
            ticket_history::detail.eq(detail),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Stamps a ticket as touched without a new version: a comment or effort was added beside it, which no
/// form's version depends on (the boards still hear of it).
pub async fn touch(conn: &mut AsyncPgConnection, ticket: i64, at: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(tickets::table.find(ticket)).set(tickets::updated_at.eq(at)).execute(conn).await.map(|_| ())
}

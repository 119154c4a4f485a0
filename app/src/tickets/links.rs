//! Links between tickets: an incident to its problem, a problem to its change, an event to its incident,
//! duplicates, a major incident's children.

use super::LinkKind;
use super::service::{lock_ticket, write_change};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::is_unique_violation;
use crate::db::schema::{ticket_links, tickets};
use crate::domain::people::Role;
use crate::domain::ticket::{JournalEvent, Kind, TicketRef};
use crate::error::{AppError, AppResult};
use crate::i18n::{kind_label, t};
use crate::journal::{Entry, Fields};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// The id of `reference` if it is one of `kinds`.
pub(super) async fn linkable(conn: &mut AsyncPgConnection, reference: &TicketRef, kinds: &[Kind]) -> AppResult<i64> {
    let (id, kind): (i64, Kind) = tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select((tickets::id, tickets::kind))
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::validation("target", format!("{} ({reference})", t().link_target_unknown)))?;
    if !kinds.contains(&kind) {
        return Err(AppError::validation(
            "target",
            format!("{} ({reference} : {})", t().link_wrong_kind, kind_label(kind)),
        ));
    }
    Ok(id)
}

pub(super) async fn insert_link(
    conn: &mut AsyncPgConnection,
    from: i64,
    to: i64,
    kind: LinkKind,
    actor: Actor<'_>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    diesel::insert_into(ticket_links::table)
        .values((
            ticket_links::from_id.eq(from),
            ticket_links::to_id.eq(to),
            ticket_links::kind.eq(kind),
            ticket_links::created_by.eq(actor.id()),
            ticket_links::created_at.eq(now),
        ))
        .execute(conn)
        .await
        .map_err(
            |error| if is_unique_violation(&error) { AppError::conflict(t().link_exists) } else { error.into() },
        )?;
    Ok(())
}

/// Links this ticket to another (an incident to its problem, a problem to its change…).
pub async fn link(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    kind: LinkKind,
    target: &TicketRef,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !user.roles.has_any(&[Role::Agent, Role::Supervisor]) {
        return Err(AppError::Forbidden);
    }
    let (from_kinds, to_kinds) = kind.joins();
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, reference).await?;
        if !from_kinds.contains(&row.kind) {
            return Err(AppError::validation("kind", format!("{} ({})", t().link_wrong_kind, kind_label(row.kind))));
        }
        let to = linkable(conn, target, to_kinds).await?;
        if to == row.id {
            return Err(AppError::validation("target", t().link_to_itself));
        }
        insert_link(conn, row.id, to, kind, Actor::Person(user), now).await?;
        if kind == LinkKind::Child {
            // The parent is (or stays) a major incident: its requesters hear of it, in this transaction.
            crate::campaigns::service::major_incident_grew(conn, to, now).await?;
        }
        let detail = serde_json::json!({ "lien": kind, "cible": target.to_string() });
        let entry = Entry::Event(JournalEvent::Link);
        write_change(conn, &row, Actor::Person(user), entry, row.status, Fields::default(), detail, now).await?;
        Ok(())
    })
    .await
}

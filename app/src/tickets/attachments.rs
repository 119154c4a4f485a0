//! Files on a ticket: adding them (the requester and the desk; internal ones by the desk), with the
//! ticket's history line in the same transaction, and opening them under the ticket's own visibility.
//! An attachment the person may not see is "not found", so its id reveals nothing.

use super::service::{ensure_visible, lock_ticket, viewer};
use crate::attachments::Attachment;
use crate::attachments::spool::Spooled;
use crate::attachments::store::{self, NewAttachment, Owner, Stored};
use crate::attachments::too_large;
use crate::auth::{Actor, CurrentUser};
use crate::db::schema::tickets;
use crate::domain::attachment::Limits;
use crate::domain::ids::AttachmentId;
use crate::domain::ticket::{JournalEvent, TicketRef};
use crate::domain::workflow::{can_see, is_staff};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::journal::{self, Entry};
use crate::notifications::{Event, notify};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// Adds spooled files to a ticket the person may see: all of them or none, each with its history line, the
/// other party told of the public ones.
pub async fn attach(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    files: &[Spooled],
    internal: bool,
    limits: Limits,
    now: DateTime<Utc>,
) -> AppResult<Vec<Attachment>> {
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, reference).await?;
        ensure_visible(conn, user, &row).await?;
        if internal && !is_staff(&user.roles) {
            return Err(AppError::Forbidden);
        }
        if !row.status.is_open() {
            return Err(AppError::conflict(t().attachments.ticket_closed));
        }
        let mut used = store::used_bytes(conn, Owner::Ticket(row.id)).await?;
        let mut added = Vec::with_capacity(files.len());
        for spooled in files {
            limits.check(spooled.size, used).map_err(too_large)?;
            used += spooled.size;
            let new = NewAttachment { owner: Owner::Ticket(row.id), spooled, internal, uploaded_by: user.id, at: now };
            let attachment = store::attach(conn, new).await?;
            // An internal file's line names nothing: the requester reads the history too.
            let detail = if internal {
                serde_json::json!({ "interne": true })
            } else {
                serde_json::json!({ "piece_jointe": attachment.id, "nom": attachment.name, "taille": attachment.size })
            };
            let entry = Entry::Event(JournalEvent::Attach);
            journal::append(conn, row.id, Actor::Person(user), entry, Some(row.status), row.status, detail, now)
                .await?;
            added.push(attachment);
        }
        journal::touch(conn, row.id, now).await?;
        if !internal {
            let recipient = if Some(user.id) == row.requester_id { row.assignee_id } else { row.requester_id };
            let names = added.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ");
            let first = <[Attachment]>::first(&added).map_or(0, |a| a.id.0);
            let event = Event::of_ticket(row.id, &format!("piece-jointe:{first}"), Actor::Person(user), now);
            notify(conn, &event, recipient, format!("{} {} {names}", row.reference, t().notice_attachment)).await?;
        }
        Ok(added)
    })
    .await
}

/// An attachment the person may open: a ticket's under the ticket's visibility (internal ones for the
/// desk), an article's under the article's.
pub async fn open(conn: &mut AsyncPgConnection, user: &CurrentUser, id: AttachmentId) -> AppResult<Stored> {
    let not_found = || AppError::not_found(t().attachments.title);
    let stored = store::find(conn, id).await?.ok_or_else(not_found)?;
    match stored.owner {
        Owner::Ticket(ticket) => {
            let row = tickets::table.find(ticket).select(super::service::TicketRow::as_select()).first(conn).await?;
            let parties = super::service::parties(conn, &row).await?;
            if !can_see(viewer(user), &parties) || (stored.internal && !is_staff(&user.roles)) {
                return Err(not_found());
            }
        }
        Owner::Article(article) => {
            crate::knowledge::service::ensure_readable(conn, user, article).await.map_err(|_| not_found())?;
        }
    }
    Ok(stored)
}

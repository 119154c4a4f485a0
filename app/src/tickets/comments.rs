//! Comments the requester sees and internal notes, and the requester told of them.

use super::CommentPurpose;
use super::service::{clean, ensure_visible, lock_ticket};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::schema::ticket_comments;
use crate::domain::ids::UserId;
use crate::domain::ticket::TicketRef;
use crate::domain::workflow::is_staff;
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::journal;
use crate::notifications::{Event, notify};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

pub(super) async fn add_comment(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    author: Option<UserId>,
    internal: bool,
    purpose: CommentPurpose,
    body: &str,
    now: DateTime<Utc>,
) -> QueryResult<i64> {
    diesel::insert_into(ticket_comments::table)
        .values((
            ticket_comments::ticket_id.eq(ticket),
            ticket_comments::author_id.eq(author),
            ticket_comments::at.eq(now),
            ticket_comments::visibility.eq(if internal { "INTERNE" } else { "PUBLIC" }),
            ticket_comments::purpose.eq(purpose),
            ticket_comments::body.eq(body),
        ))
        .returning(ticket_comments::id)
        .get_result(conn)
        .await
}

/// A comment the requester sees, or an internal note (staff only).
pub async fn comment(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    body: &str,
    internal: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let body = clean(Some(body)).ok_or_else(|| AppError::validation("body", t().comment_missing))?;
    if body.chars().count() > 20_000 {
        return Err(AppError::validation("body", t().ticket_description_too_long));
    }
    if internal && !is_staff(&user.roles) {
        return Err(AppError::Forbidden);
    }
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, reference).await?;
        ensure_visible(conn, user, &row).await?;
        let comment = add_comment(conn, row.id, Some(user.id), internal, CommentPurpose::Comment, &body, now).await?;
        journal::touch(conn, row.id, now).await?;
        if !internal {
            let recipient = if Some(user.id) == row.requester_id { row.assignee_id } else { row.requester_id };
            let event = Event::of_ticket(row.id, &format!("commentaire:{comment}"), Actor::Person(user), now);
            notify(conn, &event, recipient, format!("{} {}", row.reference, t().notice_comment)).await?;
        }
        Ok(())
    })
    .await
}

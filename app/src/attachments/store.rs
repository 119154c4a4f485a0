//! The attachments' store in PostgreSQL: a file's bytes once per content (its SHA-256), in chunks, and the
//! attachment rows that name it for a ticket or an article. The writes run in the caller's transaction, so
//! a file is stored with its ticket's history line or not at all.

use super::spool::{READ_BYTES, Spooled};
use super::{Attachment, Variant};
use crate::db::schema::{attachment_blobs, attachment_chunks, attachment_renditions, attachments, users};
use crate::domain::attachment::FileType;
use crate::domain::ids::{ArticleId, AttachmentId, UserId};
use crate::error::{AppError, AppResult};
use chrono::{DateTime, Utc};
use diesel::dsl::{exists, sql};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// What an attachment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// A ticket, by its database id.
    Ticket(i64),
    Article(ArticleId),
}

/// The renditions of a blob: none to make, to make, made, failed.
pub const RENDITIONS_NONE: &str = "AUCUN";
pub const RENDITIONS_PENDING: &str = "A_FAIRE";
pub const RENDITIONS_DONE: &str = "FAIT";
pub const RENDITIONS_FAILED: &str = "ECHEC";

fn io_error(error: std::io::Error) -> AppError {
    tracing::error!(%error, "reading an upload's temporary file");
    AppError::Internal
}

/// Stores the spooled content unless the same bytes are stored already (then nothing is written). Two
/// uploads of the same new file wait for each other on the content's lock, so the second finds the first.
pub async fn put_blob(conn: &mut AsyncPgConnection, spooled: &Spooled, now: DateTime<Utc>) -> AppResult<bool> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 21))")
        .bind::<Text, _>(&spooled.sha256)
        .execute(conn)
        .await?;
    let stored: bool = diesel::select(exists(attachment_blobs::table.find(&spooled.sha256))).get_result(conn).await?;
    if stored {
        return Ok(false);
    }
    let chunk_count = i32::try_from(spooled.size.div_ceil(READ_BYTES as u64)).map_err(|_| AppError::Internal)?;
    let renditions = if spooled.file_type.is_previewable() { RENDITIONS_PENDING } else { RENDITIONS_NONE };
    diesel::insert_into(attachment_blobs::table)
        .values((
            attachment_blobs::sha256.eq(&spooled.sha256),
            attachment_blobs::size.eq(spooled.size as i64),
            attachment_blobs::content_type.eq(spooled.file_type),
            attachment_blobs::chunk_count.eq(chunk_count),
            attachment_blobs::stored_at.eq(now),
            attachment_blobs::renditions.eq(renditions),
        ))
        .execute(conn)
        .await?;
    let mut reader = spooled.reader().await.map_err(io_error)?;
    let mut seq = 0_i32;
    while let Some(chunk) = reader.next_chunk().await.map_err(io_error)? {
        diesel::insert_into(attachment_chunks::table)
            .values((
                attachment_chunks::sha256.eq(&spooled.sha256),
                attachment_chunks::seq.eq(seq),
                attachment_chunks::data.eq(chunk),
            ))
            .execute(conn)
            .await?;
        seq += 1;
    }
    Ok(true)
}

/// A new attachment row for stored content.
pub struct NewAttachment<'a> {
    pub owner: Owner,
    pub spooled: &'a Spooled,
    pub internal: bool,
    pub uploaded_by: UserId,
    pub at: DateTime<Utc>,
}

/// Stores the content (once) and its attachment row; answers the attachment as its readers see it.
pub async fn attach(conn: &mut AsyncPgConnection, new: NewAttachment<'_>) -> AppResult<Attachment> {
    put_blob(conn, new.spooled, new.at).await?;
    let (ticket, article) = match new.owner {
        Owner::Ticket(ticket) => (Some(ticket), None),
        Owner::Article(article) => (None, Some(article.0)),
    };
    let id: AttachmentId = diesel::insert_into(attachments::table)
        .values((
            attachments::ticket_id.eq(ticket),
            attachments::article_id.eq(article),
            attachments::sha256.eq(&new.spooled.sha256),
            attachments::name.eq(&new.spooled.name),
            attachments::content_type.eq(new.spooled.file_type),
            attachments::size.eq(new.spooled.size as i64),
            attachments::internal.eq(new.internal),
            attachments::uploaded_by.eq(Some(new.uploaded_by)),
            attachments::uploaded_at.eq(new.at),
        ))
        .returning(attachments::id)
        .get_result(conn)
        .await?;
    listed(conn, Listed::One(id)).await?.pop().ok_or(AppError::Internal)
}

/// Which attachments a list reads.
enum Listed {
    One(AttachmentId),
    OfTicket(i64),
    OfArticle(ArticleId),
}

type ListedRow = (AttachmentId, String, i64, FileType, String, bool, Option<String>, DateTime<Utc>, String);

async fn listed(conn: &mut AsyncPgConnection, which: Listed) -> QueryResult<Vec<Attachment>> {
    let query = attachments::table
        .inner_join(attachment_blobs::table)
        .left_join(users::table.on(attachments::uploaded_by.eq(users::id.nullable())))
        .order(attachments::id)
        .select((
            attachments::id,
            attachments::name,
            attachments::size,
            attachments::content_type,
            attachments::sha256,
            attachments::internal,
            users::display_name.nullable(),
            attachments::uploaded_at,
            attachment_blobs::renditions,
        ))
        .into_boxed();
    let query = match which {
        Listed::One(id) => query.filter(attachments::id.eq(id)),
        Listed::OfTicket(ticket) => query.filter(attachments::ticket_id.eq(ticket)),
        Listed::OfArticle(article) => query.filter(attachments::article_id.eq(article.0)),
    };
    let rows: Vec<ListedRow> = query.load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, size, content_type, sha256, internal, uploaded_by, uploaded_at, renditions)| Attachment {
            id,
            name,
            size,
            content_type,
            sha256,
            internal,
            uploaded_by,
            uploaded_at,
            preview: renditions == RENDITIONS_DONE,
            preview_pending: renditions == RENDITIONS_PENDING,
        })
        .collect())
}

/// A ticket's attachments, oldest first; internal ones only for the desk.
pub async fn of_ticket(conn: &mut AsyncPgConnection, ticket: i64, with_internal: bool) -> QueryResult<Vec<Attachment>> {
    let mut found = listed(conn, Listed::OfTicket(ticket)).await?;
    found.retain(|attachment| with_internal || !attachment.internal);
    Ok(found)
}

pub async fn of_article(conn: &mut AsyncPgConnection, article: ArticleId) -> QueryResult<Vec<Attachment>> {
    listed(conn, Listed::OfArticle(article)).await
}

/// The bytes an owner's attachments already take, for its limit.
pub async fn used_bytes(conn: &mut AsyncPgConnection, owner: Owner) -> QueryResult<u64> {
    let total = match owner {
        Owner::Ticket(ticket) => {
            attachments::table
                .filter(attachments::ticket_id.eq(ticket))
                .select(sql::<BigInt>("COALESCE(SUM(size), 0)::BIGINT"))
                .first::<i64>(conn)
                .await?
        }
        Owner::Article(article) => {
            attachments::table
                .filter(attachments::article_id.eq(article.0))
                .select(sql::<BigInt>("COALESCE(SUM(size), 0)::BIGINT"))
                .first::<i64>(conn)
                .await?
        }
    };
    Ok(total.max(0) as u64)
}

/// An attachment as the download needs it: what it belongs to (for the owner's visibility rule) and where
/// its bytes are.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: AttachmentId,
    pub owner: Owner,
    pub internal: bool,
    pub name: String,
    pub file_type: FileType,
    pub size: i64,
    pub sha256: String,
    pub chunk_count: i32,
}

pub async fn find(conn: &mut AsyncPgConnection, id: AttachmentId) -> QueryResult<Option<Stored>> {
    type Row = (Option<i64>, Option<i64>, bool, String, FileType, i64, String, i32);
    let row: Option<Row> = attachments::table
        .inner_join(attachment_blobs::table)
        .filter(attachments::id.eq(id))
        .select((
            attachments::ticket_id,
            attachments::article_id,
            attachments::internal,
            attachments::name,
            attachments::content_type,
            attachments::size,
            attachments::sha256,
            attachment_blobs::chunk_count,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(row.and_then(|(ticket, article, internal, name, file_type, size, sha256, chunk_count)| {
        let owner = match (ticket, article) {
            (Some(ticket), _) => Owner::Ticket(ticket),
            (None, Some(article)) => Owner::Article(ArticleId(article)),
            (None, None) => return None,
        };
        Some(Stored { id, owner, internal, name, file_type, size, sha256, chunk_count })
    }))
}

/// One chunk of stored content.
pub async fn chunk(conn: &mut AsyncPgConnection, sha256: &str, seq: i32) -> QueryResult<Option<Vec<u8>>> {
    attachment_chunks::table.find((sha256, seq)).select(attachment_chunks::data).first(conn).await.optional()
}

/// A preview or a thumbnail, with its type, once made.
pub async fn rendition(
    conn: &mut AsyncPgConnection,
    sha256: &str,
    variant: Variant,
) -> QueryResult<Option<(String, Vec<u8>)>> {
    let Some(kind) = variant.rendition_code() else { return Ok(None) };
    attachment_renditions::table
        .find((sha256, kind))
        .select((attachment_renditions::content_type, attachment_renditions::data))
        .first(conn)
        .await
        .optional()
}

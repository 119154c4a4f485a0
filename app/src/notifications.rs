//! Telling people what happened: one in-app notification per event and person, and its e-mail written to
//! the outbox in the same transaction (the mailer job delivers it). Nobody is told of what they did.
//!
//! Every area calls it downward (tickets, SLA escalations, the backlog watch, campaigns, surveys, reports);
//! it knows none of them.

use crate::auth::Actor;
use crate::db::schema::{mail_outbox, notifications, tickets, users};
use crate::domain::ids::UserId;
use crate::i18n::t;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Something that happened, which people may be told about once: a transition (the ticket's new version),
/// a comment, an escalation step, a backlog alert.
pub struct Event<'a> {
    pub ticket: Option<i64>,
    /// Unique per event, e.g. `ticket:42:v3`, `sla:42:RESOLUTION:1:75`, `backlog:FRONT:SURCHARGE:…`.
    pub key: String,
    pub actor: Actor<'a>,
    pub at: DateTime<Utc>,
}

impl<'a> Event<'a> {
    /// The event of a ticket's change to `version`.
    pub fn version(ticket: i64, version: i32, actor: Actor<'a>, at: DateTime<Utc>) -> Self {
        Event { ticket: Some(ticket), key: format!("ticket:{ticket}:v{version}"), actor, at }
    }

    /// Any other event of a ticket, named by `what`.
    pub fn of_ticket(ticket: i64, what: &str, actor: Actor<'a>, at: DateTime<Utc>) -> Self {
        Event { ticket: Some(ticket), key: format!("ticket:{ticket}:{what}"), actor, at }
    }
}

/// Tells `recipient` about `event`, unless they caused it or were already told of it, and writes the mail
/// to their login (an account's login is its e-mail address). Returns whether they were told.
pub async fn notify(
    conn: &mut AsyncPgConnection,
    event: &Event<'_>,
    recipient: Option<UserId>,
    message: String,
) -> QueryResult<bool> {
    let Some(told) = write_notification(conn, event, recipient, &message).await? else { return Ok(false) };
    // Read only for a notification that goes out: most events skip the actor or someone already told.
    let ticket: Option<(String, String)> = match event.ticket {
        Some(id) => Some(tickets::table.find(id).select((tickets::reference, tickets::title)).first(conn).await?),
        None => None,
    };
    let mail = compose(&told.name, &message, ticket.as_ref().map(|(_, title)| title.as_str()));
    let link = ticket.map(|(reference, _)| format!("/tickets/{reference}"));
    queue_mail(conn, event, &told, mail, link).await?;
    Ok(true)
}

/// Like [`notify`], with a mail of its own (a report, say) linking to `link`.
pub async fn notify_with_mail(
    conn: &mut AsyncPgConnection,
    event: &Event<'_>,
    recipient: UserId,
    message: &str,
    link: &str,
    mail: impl FnOnce(&str) -> Mail,
) -> QueryResult<bool> {
    let Some(told) = write_notification(conn, event, Some(recipient), message).await? else { return Ok(false) };
    let mail = mail(&told.name);
    queue_mail(conn, event, &told, mail, Some(link.to_owned())).await?;
    Ok(true)
}

/// A notification just written, and where its mail goes.
struct Told {
    notification: i64,
    name: String,
    address: String,
}

/// Writes the notification, unless the recipient caused the event or was already told of it.
async fn write_notification(
    conn: &mut AsyncPgConnection,
    event: &Event<'_>,
    recipient: Option<UserId>,
    message: &str,
) -> QueryResult<Option<Told>> {
    let Some(recipient) = recipient.filter(|recipient| Some(*recipient) != event.actor.id()) else {
        return Ok(None);
    };
    let inserted: Option<i64> = diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(recipient),
            notifications::ticket_id.eq(event.ticket),
            notifications::at.eq(event.at),
            notifications::message.eq(message),
            notifications::event_key.eq(&event.key),
        ))
        .on_conflict_do_nothing()
        .returning(notifications::id)
        .get_result(conn)
        .await
        .optional()?;
    let Some(notification) = inserted else { return Ok(None) };
    let (name, address): (String, String) =
        users::table.find(recipient).select((users::display_name, users::login)).first(conn).await?;
    Ok(Some(Told { notification, name, address }))
}

/// Writes the mail of a notification to the outbox, in the notification's transaction.
async fn queue_mail(
    conn: &mut AsyncPgConnection,
    event: &Event<'_>,
    told: &Told,
    mail: Mail,
    link: Option<String>,
) -> QueryResult<()> {
    diesel::insert_into(mail_outbox::table)
        .values((
            mail_outbox::notification_id.eq(told.notification),
            mail_outbox::recipient.eq(&told.address),
            mail_outbox::subject.eq(mail.subject),
            mail_outbox::body.eq(mail.body),
            mail_outbox::link_path.eq(link),
            mail_outbox::created_at.eq(event.at),
            mail_outbox::next_attempt_at.eq(event.at),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Tells each of `recipients` (each once, whatever their number of capacities); returns how many were told.
pub async fn notify_all(
    conn: &mut AsyncPgConnection,
    event: &Event<'_>,
    recipients: impl IntoIterator<Item = UserId>,
    message: &str,
) -> QueryResult<usize> {
    let mut told = 0;
    for recipient in recipients {
        told += usize::from(notify(conn, event, Some(recipient), message.to_owned()).await?);
    }
    Ok(told)
}

/// A mail's subject and text, before the mailer adds the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

/// The mail of a notification, in French.
pub fn compose(name: &str, message: &str, ticket_title: Option<&str>) -> Mail {
    let t = t();
    // A subject is one line: a message never carries a line break into the headers.
    let subject = format!("{} {}", t.mail_subject_prefix, message.replace(['\r', '\n'], " "));
    let mut body = format!("{} {name},\n\n{message}\n", t.mail_greeting);
    if let Some(title) = ticket_title {
        body.push_str(&format!("\n{}\n", crate::i18n::fill(t.phrases.quoted, &[("text", &title)])));
    }
    body.push_str(&format!("\n{}\n", t.mail_signature));
    Mail { subject, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_are_written_in_french_with_a_one_line_subject() {
        let cases: &[(&str, Option<&str>, &str, &[&str])] = &[
            (
                "INC-2026-000001 vous a été confié.",
                Some("Imprimante bloquée"),
                "[Immo9] INC-2026-000001 vous a été confié.",
                &["Bonjour Léa Martin,", "INC-2026-000001 vous a été confié.", "« Imprimante bloquée »"],
            ),
            ("Alerte\r\nBcc: intrus@example.org", None, "[Immo9] Alerte  Bcc: intrus@example.org", &["Alerte"]),
        ];
        for (message, title, subject, lines) in cases {
            let mail = compose("Léa Martin", message, *title);
            assert_eq!(mail.subject, *subject);
            assert!(!mail.subject.contains('\n'));
            for line in *lines {
                assert!(mail.body.contains(line), "{line:?} missing from {:?}", mail.body);
            }
            assert!(mail.body.contains("Le service desk Immo9"));
        }
    }
}

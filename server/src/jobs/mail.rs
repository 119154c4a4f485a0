//! Delivers the mail outbox through an SMTP relay. Each message is sent inside a transaction that holds its
//! row (`FOR UPDATE SKIP LOCKED`), so two instances never send the same one; a refused or failed delivery
//! is retried with a growing delay, then abandoned with its error kept for the administrators.

use crate::config::{Config, SmtpConfig};
use app::db::schema::mail_outbox;
use app::error::AppError;
use app::i18n::t;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::time::Duration;

/// After this many failed attempts a message is abandoned (its error stays in `mail_outbox.last_error`).
pub const MAX_ATTEMPTS: i16 = 8;

/// The wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most an hour.
pub fn retry_delay(attempts: i16) -> chrono::Duration {
    chrono::Duration::minutes((1_i64 << attempts.clamp(0, 6)).min(60))
}

/// What one delivery run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MailReport {
    pub sent: usize,
    pub retried: usize,
    pub abandoned: usize,
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

impl Mailer {
    /// The mailer of a configuration; none when no relay is configured.
    pub fn from_config(config: &Config) -> Option<Mailer> {
        let smtp = config.smtp.as_ref()?;
        let from = config.mail_from.parse().ok()?;
        Some(Mailer::new(smtp, from, &config.public_url))
    }

    pub fn new(smtp: &SmtpConfig, from: Mailbox, public_url: &str) -> Mailer {
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .port(smtp.port)
            .timeout(Some(Duration::from_secs(20)));
        if let Some((user, password)) = &smtp.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Mailer { transport: builder.build(), from, public_url: public_url.trim_end_matches('/').to_owned() }
    }

    /// Sends every message due by `now`, one transaction each.
    pub async fn deliver_pending(
        &self,
        conn: &mut AsyncPgConnection,
        now: DateTime<Utc>,
    ) -> Result<MailReport, AppError> {
        let mut report = MailReport::default();
        loop {
            let outcome = conn.transaction(async |conn| self.deliver_next(conn, now).await).await?;
            match outcome {
                None => return Ok(report),
                Some(Delivery::Sent) => report.sent += 1,
                Some(Delivery::Retried) => report.retried += 1,
                Some(Delivery::Abandoned) => report.abandoned += 1,
            }
        }
    }

    async fn deliver_next(
        &self,
        conn: &mut AsyncPgConnection,
        now: DateTime<Utc>,
    ) -> Result<Option<Delivery>, AppError> {
        let next: Option<(i64, String, String, String, Option<String>, i16)> = mail_outbox::table
            .filter(mail_outbox::sent_at.is_null())
            .filter(mail_outbox::failed_at.is_null())
            .filter(mail_outbox::next_attempt_at.le(now))
            .order(mail_outbox::next_attempt_at)
            .select((
                mail_outbox::id,
                mail_outbox::recipient,
                mail_outbox::subject,
                mail_outbox::body,
                mail_outbox::link_path,
                mail_outbox::attempts,
            ))
            .for_update()
            .skip_locked()
            .first(conn)
            .await
            .optional()?;
        let Some((id, recipient, subject, body, link, attempts)) = next else { return Ok(None) };
        let sent = match self.message(&recipient, &subject, &body, link.as_deref()) {
            Ok(message) => self.transport.send(message).await.map(|_| ()).map_err(|error| error.to_string()),
            Err(error) => Err(error),
        };
        let attempts = attempts + 1;
        let row = diesel::update(mail_outbox::table.find(id));
        let delivery = match sent {
            Ok(()) => {
                row.set((mail_outbox::sent_at.eq(now), mail_outbox::attempts.eq(attempts))).execute(conn).await?;
                Delivery::Sent
            }
            Err(error) if attempts >= MAX_ATTEMPTS => {
                tracing::warn!(id, %recipient, %error, "mail abandoned");
                row.set((
                    mail_outbox::failed_at.eq(now),
                    mail_outbox::attempts.eq(attempts),
                    mail_outbox::last_error.eq(error),
                ))
                .execute(conn)
                .await?;
                Delivery::Abandoned
            }
            Err(error) => {
                tracing::info!(id, %recipient, %error, attempts, "mail not delivered; will retry");
                row.set((
                    mail_outbox::next_attempt_at.eq(now + retry_delay(attempts)),
                    mail_outbox::attempts.eq(attempts),
                    mail_outbox::last_error.eq(error),
                ))
                .execute(conn)
                .await?;
                Delivery::Retried
            }
        };
        Ok(Some(delivery))
    }

    /// The message as sent: plain UTF-8 text, the link to the ticket at the end.
    fn message(&self, recipient: &str, subject: &str, body: &str, link: Option<&str>) -> Result<Message, String> {
        let to: Mailbox = recipient.parse().map_err(|error| format!("adresse refusée ({recipient}) : {error}"))?;
        let mut text = body.to_owned();
        if let Some(path) = link {
            text.push_str(&format!("\n{} {}{path}\n", t().mail_link, self.public_url));
        }
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(text)
            .map_err(|error| error.to_string())
    }
}

enum Delivery {
    Sent,
    Retried,
    Abandoned,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        let minutes: Vec<i64> = (1..=MAX_ATTEMPTS).map(|attempt| retry_delay(attempt).num_minutes()).collect();
        assert_eq!(minutes, [2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(retry_delay(0).num_minutes(), 1);
    }
}

//! The lifecycle jobs: reminders to requesters who have not answered, the automatic resolution after
//! the last one, and the automatic closure of resolutions nobody confirmed.

use super::comments::add_comment;
use super::service::lock_by_id;
use super::transition::apply_transition;
use super::{CommentPurpose, TransitionRequest};
use crate::auth::Actor;
use crate::db::schema::tickets;
use crate::domain::ids::UserId;
use crate::domain::ticket::{JournalEvent, Kind};
use crate::domain::workflow::{Action, Status};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::journal::{self, Change, Entry, Fields};
use crate::notifications::{Event, notify};
use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// The delays of the lifecycle (`workflow_settings`).
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub reminder_delay: TimeDelta,
    pub max_reminders: i32,
    pub confirmation_delay: TimeDelta,
}

/// The delays as the referential stores them (administrators edit them there), as durations.
pub async fn settings(conn: &mut AsyncPgConnection) -> QueryResult<Settings> {
    let delays = crate::referential::service::workflow_delays(conn).await?;
    Ok(Settings {
        reminder_delay: TimeDelta::hours(delays.reminder_delay_hours.into()),
        max_reminders: delays.max_reminders,
        confirmation_delay: TimeDelta::hours(delays.confirmation_delay_hours.into()),
    })
}

#[derive(Queryable)]
pub(super) struct WaitingRow {
    id: i64,
    reference: String,
    version: i32,
    sent: i16,
    since: DateTime<Utc>,
    last_reminded: Option<DateTime<Utc>>,
    requester: Option<UserId>,
}

/// Reminders to requesters who have not answered, then automatic resolution, then automatic closure of
/// resolutions nobody confirmed. Safe to run from several instances at once and after downtime: each step
/// is a compare-and-set on the ticket's version, so it happens exactly once. Each reminder, and the
/// resolution after the last one, comes a full reminder period after the previous reminder was sent (or
/// after the question): after downtime the requester is reminded once, then has the whole period again.
pub async fn run_lifecycle_jobs(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<JobReport> {
    let settings = settings(conn).await?;
    let mut report = JobReport::default();
    let waiting: Vec<WaitingRow> = tickets::table
        .filter(tickets::status.eq(Status::WaitingRequester))
        .select((
            tickets::id,
            tickets::reference,
            tickets::version,
            tickets::reminders_sent,
            tickets::waiting_since.assume_not_null(),
            tickets::last_reminded_at,
            tickets::requester_id,
        ))
        .load(conn)
        .await?;
    for WaitingRow { id, reference, version, sent, since, last_reminded, requester } in waiting {
        let due = last_reminded.unwrap_or(since) + settings.reminder_delay;
        if due > now {
            continue;
        }
        if i32::from(sent) < settings.max_reminders {
            let reminded = conn
                .transaction(async |conn| {
                    let change = Change {
                        ticket: id,
                        seen_version: version,
                        actor: Actor::System,
                        entry: Entry::Event(JournalEvent::Remind),
                        from: Some(Status::WaitingRequester),
                        to: Status::WaitingRequester,
                        detail: serde_json::json!({ "rappel": sent + 1, "prevu_le": due }),
                        at: now,
                        fields: Fields {
                            reminders_sent: Some(sent + 1),
                            last_reminded_at: Some(Some(now)),
                            ..Fields::default()
                        },
                    };
                    // Another instance sent it first: the version has moved on and nothing is written.
                    if journal::write(conn, change).await?.is_none() {
                        return Ok::<_, AppError>(false);
                    }
                    let message =
                        format!("{} {} {}/{}", reference, t().notice_reminder, sent + 1, settings.max_reminders);
                    add_comment(conn, id, None, false, CommentPurpose::Reminder, &message, now).await?;
                    let event = Event::version(id, version + 1, Actor::System, now);
                    notify(conn, &event, requester, message).await?;
                    Ok(true)
                })
                .await?;
            report.reminders += usize::from(reminded);
        } else {
            let mut request = TransitionRequest::new(Action::Resolve, version);
            request.solution = Some(format!("{} ({})", t().auto_resolved, settings.max_reminders));
            if resolve_quietly(conn, id, request, now).await? {
                report.auto_resolved += 1;
            }
        }
    }
    let resolved: Vec<(i64, i32)> = tickets::table
        .filter(tickets::status.eq(Status::Resolved))
        .filter(tickets::kind.eq_any([Kind::Incident, Kind::Request]))
        .filter(tickets::resolved_at.le(now - settings.confirmation_delay))
        .select((tickets::id, tickets::version))
        .load(conn)
        .await?;
    for (id, version) in resolved {
        if resolve_quietly(conn, id, TransitionRequest::new(Action::Close, version), now).await? {
            report.auto_closed += 1;
        }
    }
    Ok(report)
}

/// A system transition that another instance may have done first: a stale version means it is done.
pub(super) async fn resolve_quietly(
    conn: &mut AsyncPgConnection,
    id: i64,
    request: TransitionRequest,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let outcome = conn
        .transaction(async |conn| {
            let row = lock_by_id(conn, id).await?;
            apply_transition(conn, Actor::System, row, request, now).await
        })
        .await;
    match outcome {
        Ok(()) => Ok(true),
        Err(AppError::Conflict { .. }) => Ok(false),
        Err(error) => Err(error),
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct JobReport {
    pub reminders: usize,
    pub auto_resolved: usize,
    pub auto_closed: usize,
}

//! Surveys in the database: the invitation drawn when a ticket closes (in the closure's transaction), the
//! answer (in the rating's transaction, with the follow-up of a low rating), the policy and the follow-ups.

use super::{FollowUp, SatisfactionPage};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::audit;
use crate::db::schema::{
    satisfaction_followups, survey_invitations, survey_settings, ticket_ratings, tickets, user_roles, users,
};
use crate::domain::ids::UserId;
use crate::domain::people::Role;
use crate::domain::survey::SurveyPolicy;
use crate::domain::ticket::TicketRef;
use crate::error::{AppError, AppResult};
use crate::i18n::steering::s;
use crate::notifications::{Event, notify, notify_all};
use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// Who tunes the sampling and handles follow-ups.
pub fn is_quality(user: &CurrentUser) -> bool {
    user.roles.has_any(&[Role::Quality, Role::Admin])
}

pub async fn policy(conn: &mut AsyncPgConnection) -> QueryResult<SurveyPolicy> {
    let (rate, period, low): (i16, i16, i16) = survey_settings::table
        .select((survey_settings::rate_percent, survey_settings::period_days, survey_settings::low_rating))
        .first(conn)
        .await?;
    Ok(SurveyPolicy {
        rate_percent: u8::try_from(rate).unwrap_or(0),
        period_days: u16::try_from(period).unwrap_or(30),
        low_rating: u8::try_from(low).unwrap_or(2),
    })
}

/// A ticket of `requester` was closed: draws whether they are asked for their opinion, and asks them.
pub async fn on_closed(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    requester: Option<UserId>,
    reference: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let Some(requester) = requester else { return Ok(false) };
    let policy = policy(conn).await?;
    if !policy.draws(ticket) {
        return Ok(false);
    }
    let last_asked: Option<DateTime<Utc>> = survey_invitations::table
        .filter(survey_invitations::requester_id.eq(requester.0))
        .select(diesel::dsl::max(survey_invitations::invited_at))
        .first(conn)
        .await?;
    if !policy.invites(ticket, last_asked, now) {
        return Ok(false);
    }
    let inserted = diesel::insert_into(survey_invitations::table)
        .values((
            survey_invitations::ticket_id.eq(ticket),
            survey_invitations::requester_id.eq(requester.0),
            survey_invitations::invited_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if inserted > 0 {
        let event = Event::of_ticket(ticket, "enquete", Actor::System, now);
        notify(conn, &event, Some(requester), format!("{reference} {}", s().survey_invitation)).await?;
    }
    Ok(inserted > 0)
}

/// Whether `user` has an unanswered survey on `ticket`.
pub async fn is_invited(conn: &mut AsyncPgConnection, ticket: i64, user: UserId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        survey_invitations::table
            .filter(survey_invitations::ticket_id.eq(ticket))
            .filter(survey_invitations::requester_id.eq(user.0))
            .filter(survey_invitations::answered_at.is_null()),
    ))
    .get_result(conn)
    .await
}

/// The survey of `ticket` was answered with `rating`: closes the invitation and, if the rating is low,
/// opens a follow-up and tells Qualité. Runs in the rating's transaction.
pub async fn on_answered(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    reference: &str,
    rating: u8,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(survey_invitations::table.find(ticket))
        .set(survey_invitations::answered_at.eq(now))
        .execute(conn)
        .await?;
    if !policy(conn).await?.needs_follow_up(rating) {
        return Ok(());
    }
    diesel::insert_into(satisfaction_followups::table)
        .values((satisfaction_followups::ticket_id.eq(ticket), satisfaction_followups::opened_at.eq(now)))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    let quality: Vec<UserId> = users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq(Role::Quality))
        .filter(users::active.eq(true))
        .select(users::id)
        .distinct()
        .load(conn)
        .await?;
    let event = Event::of_ticket(ticket, "suivi-satisfaction", Actor::System, now);
    let message = format!("{reference} {} {rating}/5.", s().survey_low_rating_notice);
    notify_all(conn, &event, quality, &message).await.map(|_| ())
}

/// The satisfaction page.
pub async fn page(conn: &mut AsyncPgConnection, user: &CurrentUser, now: DateTime<Utc>) -> AppResult<SatisfactionPage> {
    let since = now - TimeDelta::days(30);
    let invited: i64 =
        survey_invitations::table.filter(survey_invitations::invited_at.ge(since)).count().get_result(conn).await?;
    let answered: i64 = survey_invitations::table
        .filter(survey_invitations::invited_at.ge(since))
        .filter(survey_invitations::answered_at.is_not_null())
        .count()
        .get_result(conn)
        .await?;
    let (total, ratings): (Option<i64>, i64) = ticket_ratings::table
        .filter(ticket_ratings::rated_at.ge(since))
        .select((diesel::dsl::sum(ticket_ratings::rating), diesel::dsl::count_star()))
        .first(conn)
        .await?;
    let mean = (ratings > 0).then(|| total.unwrap_or(0) as f64 / ratings as f64);
    diesel::alias!(users as handlers: HandlerAlias);
    type Row = (
        String,
        String,
        Option<String>,
        i16,
        Option<String>,
        DateTime<Utc>,
        Option<String>,
        Option<String>,
        Option<DateTime<Utc>>,
    );
    let select = (
        tickets::reference,
        tickets::title,
        users::display_name.nullable(),
        ticket_ratings::rating,
        ticket_ratings::comment,
        satisfaction_followups::opened_at,
        satisfaction_followups::note,
        handlers.field(users::display_name).nullable(),
        satisfaction_followups::handled_at,
    );
    let base = || {
        satisfaction_followups::table
            .inner_join(tickets::table.on(tickets::id.eq(satisfaction_followups::ticket_id)))
            .inner_join(ticket_ratings::table.on(ticket_ratings::ticket_id.eq(satisfaction_followups::ticket_id)))
            .left_join(users::table.on(users::id.nullable().eq(tickets::requester_id)))
            .left_join(handlers.on(handlers.field(users::id).nullable().eq(satisfaction_followups::handled_by)))
    };
    let mut rows: Vec<Row> = base()
        .filter(satisfaction_followups::handled_at.is_null())
        .order(satisfaction_followups::opened_at.asc())
        .select(select)
        .load(conn)
        .await?;
    let handled: Vec<Row> = base()
        .filter(satisfaction_followups::handled_at.is_not_null())
        .order(satisfaction_followups::handled_at.desc())
        .limit(50)
        .select(select)
        .load(conn)
        .await?;
    rows.extend(handled);
    let follow_ups = rows
        .into_iter()
        .filter_map(|(reference, title, requester, rating, comment, opened_at, note, handled_by, handled_at)| {
            Some(FollowUp {
                reference: reference.parse().ok()?,
                title,
                requester,
                rating: u8::try_from(rating).ok()?,
                comment,
                opened_at,
                note,
                handled_by,
                handled_at,
            })
        })
        .collect();
    Ok(SatisfactionPage {
        policy: policy(conn).await?,
        invited_30_days: invited,
        answered_30_days: answered,
        mean_30_days: mean,
        follow_ups,
        may_edit_policy: is_quality(user),
    })
}

/// Qualité changes the sampling.
pub async fn save_policy(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    policy: SurveyPolicy,
    now: DateTime<Utc>,
) -> AppResult<SurveyPolicy> {
    if !is_quality(user) {
        return Err(AppError::Forbidden);
    }
    if let Some(field) = policy.problems().into_iter().next() {
        return Err(AppError::validation(field, s().survey_policy_out_of_bounds));
    }
    conn.transaction(async |conn| {
        let before = self::policy(conn).await?;
        diesel::update(survey_settings::table)
            .set((
                survey_settings::rate_percent.eq(i16::from(policy.rate_percent)),
                survey_settings::period_days.eq(policy.period_days as i16),
                survey_settings::low_rating.eq(i16::from(policy.low_rating)),
                survey_settings::updated_at.eq(now),
                survey_settings::updated_by.eq(user.id.0),
            ))
            .execute(conn)
            .await?;
        audit(
            conn,
            user.id,
            "enquetes",
            "satisfaction".into(),
            "MODIFIER",
            serde_json::json!({ "avant": before, "apres": policy }),
        )
        .await?;
        Ok(policy)
    })
    .await
}

/// Qualité notes what was done about a low rating; the follow-up is then handled.
pub async fn handle(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    note: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !is_quality(user) {
        return Err(AppError::Forbidden);
    }
    let note = note.trim();
    if note.is_empty() || note.chars().count() > 2000 {
        return Err(AppError::validation("note", s().follow_up_note_needed));
    }
    let ticket: Option<i64> = tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select(tickets::id)
        .first(conn)
        .await
        .optional()?;
    let ticket = ticket.ok_or_else(|| AppError::NotFound { what: reference.to_string() })?;
    let updated =
        diesel::update(satisfaction_followups::table.find(ticket).filter(satisfaction_followups::handled_at.is_null()))
            .set((
                satisfaction_followups::status.eq("TRAITE"),
                satisfaction_followups::note.eq(note),
                satisfaction_followups::handled_by.eq(user.id.0),
                satisfaction_followups::handled_at.eq(now),
            ))
            .execute(conn)
            .await?;
    if updated == 0 {
        return Err(AppError::conflict(s().follow_up_already_handled));
    }
    Ok(())
}

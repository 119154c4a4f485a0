//! The lifecycle, applied: registration, transitions, comments, effort, links and the views of a ticket.
//! Every write is one transaction that locks the ticket, checks the version the person saw, asks the
//! workflow table, and appends its history; so nothing is half-written and no update is lost.

use super::notify::{Event, notify, notify_all};
use super::{
    ApprovalDecision, ApprovalView, CatalogOrigin, CommentPurpose, EffortTotals, LinkKind, LinkView, NewTicket, Page,
    Person, QualificationView, RatingView, RequesterProfile, TicketDetail, TicketFilter, TicketSummary, TimelineEntry,
    TransitionRequest,
};
use crate::auth::CurrentUser;
use crate::db::is_unique_violation;
use crate::db::schema::{
    catalog_entries, categories, environment_items, sites, ticket_approvals, ticket_comments, ticket_counters,
    ticket_effort, ticket_history, ticket_links, ticket_qualification, ticket_ratings, ticket_requests, tickets,
    typologies, user_roles, users, workflow_settings,
};
use crate::domain::catalog::Answer;
use crate::domain::ids::{CatalogEntryId, CategoryId, EnvironmentId, SiteId, TicketId, UserId};
use crate::domain::people::{Pole, Role, Typology};
use crate::domain::qualification::{Criticality, Impact, Severity, Urgency};
use crate::domain::ticket::{Channel, Kind, Priority, ServiceDomain, TicketRef};
use crate::domain::workflow::{
    self, Action, Need, Parties, Performer, Provided, Refusal, Status, StatusGroup, Viewer, can_see, default_pole,
    is_staff, may_register, performers_of, routable,
};
use crate::error::{AppError, AppResult};
use crate::i18n::{action_label, kind_label, status_label, t};
use crate::sla::clocks;
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// Who acts: a signed-in person, or the product itself (reminders, automatic resolution and closure).
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    Person(&'a CurrentUser),
    System,
}

impl Actor<'_> {
    pub(crate) fn id(self) -> Option<UserId> {
        match self {
            Actor::Person(user) => Some(user.id),
            Actor::System => None,
        }
    }
}

/// The delays of the lifecycle (`workflow_settings`).
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub reminder_delay: TimeDelta,
    pub max_reminders: i32,
    pub confirmation_delay: TimeDelta,
}

pub async fn settings(conn: &mut AsyncPgConnection) -> QueryResult<Settings> {
    let (reminder, max, confirmation): (i32, i32, i32) = workflow_settings::table
        .select((
            workflow_settings::reminder_delay_hours,
            workflow_settings::max_reminders,
            workflow_settings::confirmation_delay_hours,
        ))
        .first(conn)
        .await?;
    Ok(Settings {
        reminder_delay: TimeDelta::hours(reminder.into()),
        max_reminders: max,
        confirmation_delay: TimeDelta::hours(confirmation.into()),
    })
}

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
    pub first_contact: bool,
    pub registered_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub source_ref: Option<String>,
}

/// The year a ticket is registered in, as people in Gironde count it (Europe/Paris).
pub fn registration_year(now: DateTime<Utc>) -> u16 {
    u16::try_from(now.with_timezone(&chrono_tz::Europe::Paris).year()).unwrap_or(9999)
}

/// The next reference of `kind` for `year`. The counter row stays locked until the registration commits,
/// so concurrent registrations queue there and never share a number.
async fn allocate_reference(conn: &mut AsyncPgConnection, kind: Kind, year: u16) -> AppResult<TicketRef> {
    let seq = reserve_references(conn, kind, year, 1).await?;
    Ok(TicketRef { kind, year, seq })
}

/// Reserves `count` consecutive references of `kind` for `year` and returns the first sequence number
/// (bulk loads take a block at once; the counter row stays locked until the transaction commits).
pub async fn reserve_references(conn: &mut AsyncPgConnection, kind: Kind, year: u16, count: u32) -> AppResult<u32> {
    let year_i16 = i16::try_from(year).map_err(|_| AppError::internal("registration year out of range"))?;
    let count = i32::try_from(count.max(1)).map_err(|_| AppError::internal("too many references at once"))?;
    let last: i32 = diesel::insert_into(ticket_counters::table)
        .values((
            ticket_counters::kind.eq(kind),
            ticket_counters::year.eq(year_i16),
            ticket_counters::last_seq.eq(count),
        ))
        .on_conflict((ticket_counters::kind, ticket_counters::year))
        .do_update()
        .set(ticket_counters::last_seq.eq(ticket_counters::last_seq + count))
        .returning(ticket_counters::last_seq)
        .get_result(conn)
        .await?;
    u32::try_from(last - count + 1).map_err(|_| AppError::internal("negative ticket sequence"))
}

/// Refuses a write based on another version of the ticket than the current one (someone changed it since).
pub(super) fn check_version(seen: i32, current: i32) -> AppResult<()> {
    if seen == current {
        Ok(())
    } else {
        Err(AppError::conflict(format!("{} (version {seen} ≠ {current})", t().stale_version)))
    }
}

pub(super) fn clean(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|text| !text.is_empty()).map(str::to_owned)
}

/// What a registration carries beyond [`NewTicket`] when it comes from the catalog.
#[derive(Debug, Default)]
pub struct Registration {
    /// The manager who must approve it before work starts.
    pub approver: Option<UserId>,
    /// The catalog entry and the accepted answers to its form.
    pub catalog: Option<(CatalogEntryId, Vec<Answer>)>,
    /// The qualification computed from the entry's defaults.
    pub qualification: Option<QualificationRecord>,
    /// The pole the catalog entry routes to; on a free registration only the desk chooses the pole.
    pub pole: Option<Pole>,
}

/// A qualification as stored: its inputs, the computed priority and its explanation.
#[derive(Debug, Clone)]
pub struct QualificationRecord {
    pub category: Option<CategoryId>,
    pub environment: Option<EnvironmentId>,
    pub impact: Impact,
    pub urgency: Urgency,
    pub criticality: Option<Criticality>,
    pub severity: Option<Severity>,
    pub business_deadline: Option<NaiveDate>,
    pub computed: Priority,
    pub explanation: String,
    pub override_reason: Option<String>,
}

/// Writes (or rewrites) the qualification of a ticket.
pub(super) async fn store_qualification(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    record: &QualificationRecord,
    actor: Actor<'_>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let values = (
        ticket_qualification::category_id.eq(record.category),
        ticket_qualification::environment_id.eq(record.environment),
        ticket_qualification::impact.eq(record.impact),
        ticket_qualification::urgency.eq(record.urgency),
        ticket_qualification::criticality.eq(record.criticality),
        ticket_qualification::severity.eq(record.severity),
        ticket_qualification::business_deadline.eq(record.business_deadline),
        ticket_qualification::computed_priority.eq(record.computed),
        ticket_qualification::explanation.eq(&record.explanation),
        ticket_qualification::override_reason.eq(&record.override_reason),
        ticket_qualification::qualified_by.eq(actor.id()),
        ticket_qualification::qualified_at.eq(now),
    );
    diesel::insert_into(ticket_qualification::table)
        .values((ticket_qualification::ticket_id.eq(ticket), values))
        .on_conflict(ticket_qualification::ticket_id)
        .do_update()
        .set(values)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Registers an activity, from any source. `solved_now` resolves it in the same transaction.
pub async fn register(
    conn: &mut AsyncPgConnection,
    actor: Actor<'_>,
    input: NewTicket,
    now: DateTime<Utc>,
) -> AppResult<TicketRef> {
    register_with(conn, actor, input, Registration::default(), now).await
}

/// Registers an activity with what the catalog adds: its answers, its qualification, its approver.
pub async fn register_with(
    conn: &mut AsyncPgConnection,
    actor: Actor<'_>,
    input: NewTicket,
    extras: Registration,
    now: DateTime<Utc>,
) -> AppResult<TicketRef> {
    let t = t();
    let kind = input.kind.ok_or_else(|| AppError::validation("kind", t.ticket_kind_missing))?;
    let title = clean(Some(&input.title)).ok_or_else(|| AppError::validation("title", t.ticket_title_missing))?;
    if title.chars().count() > 200 {
        return Err(AppError::validation("title", t.ticket_title_too_long));
    }
    let description = input.description.trim().to_owned();
    if description.is_empty() {
        return Err(AppError::validation("description", t.ticket_description_missing));
    }
    if description.chars().count() > 20_000 {
        return Err(AppError::validation("description", t.ticket_description_too_long));
    }
    let (requester, channel, pole) = match actor {
        Actor::Person(user) => {
            let staff = user.roles.has_any(&[Role::Agent, Role::Supervisor]);
            let requester = match kind {
                Kind::Incident | Kind::Request => Some(input.requester.unwrap_or(user.id)),
                _ => input.requester,
            };
            if !may_register(&user.roles, kind, requester.is_some_and(|id| id != user.id)) {
                return Err(AppError::Forbidden);
            }
            // Employees register on the portal, to the desk's first line; the desk says where a call goes.
            let channel = if staff { input.channel.unwrap_or(Channel::Phone) } else { Channel::Portal };
            let pole = if staff { input.pole.unwrap_or(default_pole(kind)) } else { default_pole(kind) };
            (requester, channel, pole)
        }
        Actor::System => {
            (input.requester, input.channel.unwrap_or(Channel::Monitoring), input.pole.unwrap_or(default_pole(kind)))
        }
    };
    if requester.is_none() && matches!(kind, Kind::Incident | Kind::Request) && channel != Channel::Monitoring {
        return Err(AppError::validation("requester", t.ticket_requester_missing));
    }
    if input.solved_now.is_some() && !kind.has_requester_confirmation() {
        return Err(AppError::validation("solved_now", t.ticket_first_contact_kind));
    }
    let pole = extras.pole.unwrap_or(pole);
    if !routable(pole) {
        return Err(AppError::validation("pole", t.ticket_pole_not_routable));
    }
    let source_ref = clean(input.source_ref.as_deref());
    let initial_status = kind.initial_status(extras.approver.is_some());
    if extras.approver.is_some() && input.solved_now.is_some() {
        return Err(AppError::validation("solved_now", t.ticket_first_contact_kind));
    }
    let priority = extras.qualification.as_ref().map(|q| q.computed).or(input.priority).unwrap_or(Priority::P3);

    conn.transaction(async |conn| {
        let requester_site = match requester {
            None => None,
            Some(requester) => Some(
                users::table
                    .filter(users::id.eq(requester))
                    .filter(users::active.eq(true))
                    .select(users::site_id)
                    .first::<SiteId>(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| AppError::validation("requester", t.ticket_requester_unknown))?,
            ),
        };
        let site = match (input.site.or(requester_site), actor) {
            (Some(site), _) => site,
            (None, Actor::Person(user)) => user.site.id,
            (None, Actor::System) => return Err(AppError::validation("site", t.ticket_site_missing)),
        };
        let reference = allocate_reference(conn, kind, registration_year(now)).await?;
        let id: i64 = diesel::insert_into(tickets::table)
            .values((
                tickets::reference.eq(reference.to_string()),
                tickets::kind.eq(kind),
                tickets::status.eq(initial_status),
                tickets::title.eq(&title),
                tickets::description.eq(&description),
                tickets::channel.eq(channel),
                tickets::priority.eq(priority),
                tickets::domain.eq(input.domain),
                tickets::requester_id.eq(requester),
                tickets::registered_by.eq(actor.id()),
                tickets::site_id.eq(site),
                tickets::pole.eq(pole),
                tickets::registered_at.eq(now),
                tickets::updated_at.eq(now),
                tickets::source_ref.eq(&source_ref),
            ))
            .returning(tickets::id)
            .get_result(conn)
            .await
            .map_err(|error| {
                if is_unique_violation(&error) {
                    AppError::conflict(format!(
                        "{} ({})",
                        t.ticket_source_already_registered,
                        source_ref.as_deref().unwrap_or("")
                    ))
                } else {
                    error.into()
                }
            })?;
        let on_behalf = matches!((actor, requester), (Actor::Person(user), Some(requester)) if user.id != requester);
        record(
            conn,
            id,
            actor,
            "ENREGISTRER",
            None,
            initial_status,
            serde_json::json!({
                "canal": channel, "pole": pole, "pour_le_compte_de": on_behalf,
                "catalogue": extras.catalog.as_ref().map(|(entry, _)| entry.0),
                "approbateur": extras.approver,
            }),
            now,
        )
        .await?;
        if let Some((entry, answers)) = &extras.catalog {
            let answers = serde_json::to_value(answers).map_err(|_| AppError::internal("answers serialisation"))?;
            diesel::insert_into(ticket_requests::table)
                .values((
                    ticket_requests::ticket_id.eq(id),
                    ticket_requests::catalog_entry_id.eq(entry),
                    ticket_requests::answers.eq(answers),
                ))
                .execute(conn)
                .await?;
        }
        // After the catalog link, whose entry may promise its own delays.
        clocks::sync_ticket(conn, id, now).await?;
        if let Some(qualification) = &extras.qualification {
            // Computed from the catalog entry's defaults, not by a person: nobody is named as its author.
            store_qualification(conn, id, qualification, Actor::System, now).await?;
        }
        if let Some(approver) = extras.approver {
            diesel::insert_into(ticket_approvals::table)
                .values((
                    ticket_approvals::ticket_id.eq(id),
                    ticket_approvals::approver_id.eq(approver),
                    ticket_approvals::requested_at.eq(now),
                ))
                .execute(conn)
                .await?;
            let event = Event::version(id, 1, actor, now);
            notify(conn, &event, Some(approver), format!("{reference} {}", t.notice_approval_requested)).await?;
        }
        if let Some(solution) = input.solved_now.as_deref() {
            let mut request = TransitionRequest::new(Action::Resolve, 1);
            request.solution = Some(solution.to_owned());
            let row = lock_by_id(conn, id).await?;
            apply_transition(conn, actor, row, request, now).await?;
            diesel::update(tickets::table.find(id)).set(tickets::first_contact.eq(true)).execute(conn).await?;
        }
        Ok(reference)
    })
    .await
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn record(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    actor: Actor<'_>,
    action: &str,
    from: Option<Status>,
    to: Status,
    detail: serde_json::Value,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(ticket_history::table)
        .values((
            ticket_history::ticket_id.eq(ticket),
            ticket_history::at.eq(now),
            ticket_history::actor_id.eq(actor.id()),
            ticket_history::action.eq(action),
            ticket_history::from_status.eq(from),
            ticket_history::to_status.eq(to),
            ticket_history::detail.eq(detail),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

async fn add_comment(
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
fn performers(actor: Actor<'_>, parties: &Parties) -> Vec<Performer> {
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

fn refusal_error(refusal: Refusal, kind: Kind, action: Action) -> AppError {
    let t = t();
    match refusal {
        Refusal::NotForThisKind => {
            AppError::conflict(format!("{} « {} » : {}", t.refused_action, action_label(action), kind_label(kind)))
        }
        Refusal::NotInThisState(status) => AppError::conflict(format!(
            "{} « {} » : {} {}",
            t.refused_action,
            action_label(action),
            t.refused_state,
            status_label(status)
        )),
        Refusal::NotAllowed => AppError::Forbidden,
        Refusal::Missing(need) => {
            let (field, message) = match need {
                Need::Reason | Need::PoleAndReason => ("reason", t.need_reason),
                Need::Solution => ("solution", t.need_solution),
                Need::Question => ("question", t.need_question),
                Need::Answer => ("answer", t.need_answer),
                Need::Assignee => ("assignee", t.need_assignee),
                Need::LinkedIncident => ("incident", t.need_incident),
                Need::Workaround => ("workaround", t.need_workaround),
                Need::ConfirmationDelayElapsed => ("action", t.need_confirmation_delay),
                Need::Nothing => ("action", t.refused_action),
            };
            AppError::validation(field, message)
        }
        Refusal::InvalidPole => AppError::validation("pole", t.need_other_pole),
    }
}

/// Applies a transition to a ticket, checking the version the person saw.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    actor: Actor<'_>,
    reference: &TicketRef,
    request: TransitionRequest,
    now: DateTime<Utc>,
) -> AppResult<()> {
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, reference).await?;
        if let Actor::Person(user) = actor {
            ensure_visible(conn, user, &row).await?;
        }
        apply_transition(conn, actor, row, request, now).await
    })
    .await
}

async fn lock_by_id(conn: &mut AsyncPgConnection, id: i64) -> AppResult<TicketRow> {
    Ok(tickets::table.find(id).select(TicketRow::as_select()).for_update().first(conn).await?)
}

/// The body of a transition, inside the caller's transaction, on a row the caller has locked.
async fn apply_transition(
    conn: &mut AsyncPgConnection,
    actor: Actor<'_>,
    row: TicketRow,
    request: TransitionRequest,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let t = t();
    let id = row.id;
    check_version(request.version, row.version)?;
    let reason = clean(request.reason.as_deref());
    let solution = clean(request.solution.as_deref());
    let question = clean(request.question.as_deref());
    let answer = clean(request.answer.as_deref());
    let workaround = clean(request.workaround.as_deref());
    // Only the automatic closure depends on the delays; other transitions do not read them.
    let confirmation_delay_elapsed = match (request.action, row.resolved_at) {
        (Action::Close, Some(resolved_at)) => resolved_at + settings(conn).await?.confirmation_delay <= now,
        _ => false,
    };
    let provided = Provided {
        reason: reason.is_some(),
        solution: solution.is_some(),
        question: question.is_some(),
        answer: answer.is_some(),
        assignee: request.assignee.is_some(),
        target_pole: request.pole,
        linked_incident: request.incident.is_some(),
        workaround: workaround.is_some(),
        confirmation_delay_elapsed,
    };
    let parties = parties(conn, &row).await?;
    let plan = workflow::plan(row.kind, row.status, row.pole, request.action, &performers(actor, &parties), &provided)
        .map_err(|refusal| refusal_error(refusal, row.kind, request.action))?;

    let mut detail = serde_json::Map::new();
    let mut pole = row.pole;
    let mut assignee = row.assignee_id;
    let mut waiting_since = row.waiting_since;
    let mut reminders_sent = row.reminders_sent;
    let mut resolved_at = row.resolved_at;
    let mut closed_at = row.closed_at;
    let mut new_solution = row.solution.clone();
    let mut new_workaround = row.workaround.clone();
    let mut reopen_count = row.reopen_count;
    let mut escalation_count = row.escalation_count;
    let mut supervisor_alerted_at = row.supervisor_alerted_at;
    let reference = row.reference.clone();
    let author = actor.id();
    let event = Event::version(id, row.version + 1, actor, now);

    match plan.action {
        Action::Take | Action::Acknowledge => assignee = actor.id(),
        Action::Release => assignee = None,
        Action::Assign => {
            let target = request.assignee.expect("the plan checked an assignee was given");
            let is_pole_agent: bool = diesel::select(diesel::dsl::exists(
                users::table
                    .inner_join(user_roles::table)
                    .filter(users::id.eq(target))
                    .filter(users::active.eq(true))
                    .filter(users::pole.eq(row.pole))
                    .filter(user_roles::role.eq(Role::Agent)),
            ))
            .get_result(conn)
            .await?;
            if !is_pole_agent {
                return Err(AppError::validation("assignee", t.need_assignee_in_pole));
            }
            assignee = Some(target);
            detail.insert("assigne".into(), target.0.into());
            notify(conn, &event, Some(target), format!("{reference} {}", t.notice_assigned)).await?;
        }
        Action::Escalate => {
            let target = request.pole.expect("the plan checked a pole was given");
            detail.insert("pole_avant".into(), row.pole.code().into());
            detail.insert("pole_apres".into(), target.code().into());
            pole = target;
            assignee = None;
            escalation_count += 1;
        }
        Action::EscalateToSupervisor => {
            supervisor_alerted_at = Some(now);
            let supervisors: Vec<UserId> = users::table
                .inner_join(user_roles::table)
                .filter(user_roles::role.eq(Role::Supervisor))
                .filter(users::active.eq(true))
                .select(users::id)
                .load(conn)
                .await?;
            let message = format!("{reference} {} : {}", t.notice_supervisor, reason.as_deref().unwrap_or(""));
            notify_all(conn, &event, supervisors, &message).await?;
        }
        Action::AskRequester => {
            waiting_since = Some(now);
            reminders_sent = 0;
            let question = question.as_deref().expect("the plan checked a question was given");
            add_comment(conn, id, author, false, CommentPurpose::Question, question, now).await?;
            notify(conn, &event, row.requester_id, format!("{reference} {}", t.notice_question)).await?;
        }
        Action::Answer => {
            waiting_since = None;
            let answer = answer.as_deref().expect("the plan checked an answer was given");
            add_comment(conn, id, author, false, CommentPurpose::Answer, answer, now).await?;
            if let Some(waited) = row.waiting_since {
                detail.insert("attente_secondes".into(), (now - waited).num_seconds().into());
            }
            notify(conn, &event, row.assignee_id, format!("{reference} {}", t.notice_answered)).await?;
        }
        Action::Resolve => {
            waiting_since = None;
            resolved_at = Some(now);
            let solution = solution.as_deref().expect("the plan checked a solution was given");
            new_solution = Some(solution.to_owned());
            add_comment(conn, id, author, false, CommentPurpose::Solution, solution, now).await?;
            if row.kind.has_requester_confirmation() {
                notify(conn, &event, row.requester_id, format!("{reference} {}", t.notice_resolved)).await?;
            }
            crate::campaigns::service::major_incident_resolved(conn, id, solution, now).await?;
        }
        Action::Reject => {
            reopen_count += 1;
            resolved_at = None;
            notify(conn, &event, row.assignee_id, format!("{reference} {}", t.notice_rejected)).await?;
        }
        Action::Confirm | Action::Close | Action::Cancel | Action::Refuse | Action::Promote => closed_at = Some(now),
        Action::LinkToIncident => {
            closed_at = Some(now);
            let incident_ref = request.incident.expect("the plan checked an incident was given");
            let incident = linkable(conn, &incident_ref, &[Kind::Incident]).await?;
            insert_link(conn, id, incident, LinkKind::Alert, actor, now).await?;
            detail.insert("incident".into(), incident_ref.to_string().into());
        }
        Action::RecordKnownError => new_workaround = workaround.clone(),
        Action::SubmitForApproval | Action::Approve | Action::Start => {}
    }
    // A manager's decision on a catalog request is kept with the request, and its requester told.
    if row.kind == Kind::Request && matches!(plan.action, Action::Approve | Action::Refuse) {
        let (decision, notice) = if plan.action == Action::Approve {
            (ApprovalDecision::Approved, t.notice_request_approved)
        } else {
            (ApprovalDecision::Refused, t.notice_request_refused)
        };
        diesel::update(ticket_approvals::table.find(id))
            .set((
                ticket_approvals::decision.eq(decision),
                ticket_approvals::reason.eq(&reason),
                ticket_approvals::decided_at.eq(now),
            ))
            .execute(conn)
            .await?;
        notify(conn, &event, row.requester_id, format!("{reference} {notice}")).await?;
    }
    // A service delivered and closed may be surveyed (a sample; see `domain::survey`).
    if matches!(plan.action, Action::Confirm | Action::Close) && matches!(row.kind, Kind::Incident | Kind::Request) {
        crate::surveys::service::on_closed(conn, id, row.requester_id, &reference, now).await?;
    }
    if plan.to.group() == StatusGroup::Closed && closed_at.is_none() {
        closed_at = Some(now);
    }
    if let Some(reason) = reason.as_deref() {
        let internal = matches!(plan.action, Action::Escalate | Action::EscalateToSupervisor);
        add_comment(conn, id, author, internal, CommentPurpose::Reason, reason, now).await?;
        detail.insert("motif".into(), reason.into());
    }
    diesel::update(tickets::table.find(id))
        .set((
            tickets::status.eq(plan.to),
            tickets::pole.eq(pole),
            tickets::assignee_id.eq(assignee),
            tickets::waiting_since.eq(waiting_since),
            tickets::reminders_sent.eq(reminders_sent),
            tickets::resolved_at.eq(resolved_at),
            tickets::closed_at.eq(closed_at),
            tickets::solution.eq(new_solution),
            tickets::workaround.eq(new_workaround),
            tickets::reopen_count.eq(reopen_count),
            tickets::escalation_count.eq(escalation_count),
            tickets::supervisor_alerted_at.eq(supervisor_alerted_at),
            tickets::version.eq(row.version + 1),
            tickets::updated_at.eq(now),
        ))
        .execute(conn)
        .await?;
    if let Some(minutes) = request.minutes {
        log_effort_in(conn, actor, &row, minutes, Some(plan.action.code()), None, now).await?;
    }
    record(conn, id, actor, plan.action.code(), Some(plan.from), plan.to, serde_json::Value::Object(detail), now)
        .await?;
    clocks::sync_ticket(conn, id, now).await?;
    // Where a qualified ticket was routed is what triage learns for its pole.
    if plan.action == Action::Escalate && crate::triage::service::has_learned(conn, TicketId(id)).await? {
        crate::triage::service::learn_from_ticket(conn, TicketId(id), now).await?;
    }
    if plan.action == Action::Promote {
        promote(conn, actor, &row, now).await?;
    }
    Ok(())
}

/// An event promoted to an incident: the incident carries the event's facts and is linked to it.
async fn promote(
    conn: &mut AsyncPgConnection,
    actor: Actor<'_>,
    event: &TicketRow,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let reference = allocate_reference(conn, Kind::Incident, registration_year(now)).await?;
    let incident: i64 = diesel::insert_into(tickets::table)
        .values((
            tickets::reference.eq(reference.to_string()),
            tickets::kind.eq(Kind::Incident),
            tickets::status.eq(Status::New),
            tickets::title.eq(&event.title),
            tickets::description.eq(&event.description),
            tickets::channel.eq(Channel::Monitoring),
            tickets::priority.eq(event.priority),
            tickets::domain.eq(event.domain),
            tickets::registered_by.eq(actor.id()),
            tickets::site_id.eq(event.site_id),
            tickets::pole.eq(event.pole),
            tickets::registered_at.eq(now),
            tickets::updated_at.eq(now),
        ))
        .returning(tickets::id)
        .get_result(conn)
        .await?;
    record(
        conn,
        incident,
        actor,
        "ENREGISTRER",
        None,
        Status::New,
        serde_json::json!({ "evenement": event.reference }),
        now,
    )
    .await?;
    insert_link(conn, event.id, incident, LinkKind::Alert, actor, now).await
}

/// The id of `reference` if it is one of `kinds`.
async fn linkable(conn: &mut AsyncPgConnection, reference: &TicketRef, kinds: &[Kind]) -> AppResult<i64> {
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

async fn insert_link(
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
        diesel::update(tickets::table.find(row.id))
            .set((tickets::version.eq(row.version + 1), tickets::updated_at.eq(now)))
            .execute(conn)
            .await?;
        record(
            conn,
            row.id,
            Actor::Person(user),
            "LIER",
            Some(row.status),
            row.status,
            serde_json::json!({
                "lien": kind, "cible": target.to_string(),
            }),
            now,
        )
        .await?;
        Ok(())
    })
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
        diesel::update(tickets::table.find(row.id)).set(tickets::updated_at.eq(now)).execute(conn).await?;
        if !internal {
            let recipient = if Some(user.id) == row.requester_id { row.assignee_id } else { row.requester_id };
            let event = Event::of_ticket(row.id, &format!("commentaire:{comment}"), Actor::Person(user), now);
            notify(conn, &event, recipient, format!("{} {}", row.reference, t().notice_comment)).await?;
        }
        Ok(())
    })
    .await
}

/// Logs minutes spent on a ticket by an agent, for their pole.
pub async fn log_effort(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    minutes: i32,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, reference).await?;
        log_effort_in(conn, Actor::Person(user), &row, minutes, None, note, now).await
    })
    .await
}

async fn log_effort_in(
    conn: &mut AsyncPgConnection,
    actor: Actor<'_>,
    row: &TicketRow,
    minutes: i32,
    action: Option<&str>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Actor::Person(user) = actor else { return Ok(()) };
    let pole = user.pole.filter(|_| user.roles.has(Role::Agent)).ok_or(AppError::Forbidden)?;
    if !(1..=1440).contains(&minutes) {
        return Err(AppError::validation("minutes", t().effort_out_of_range));
    }
    diesel::insert_into(ticket_effort::table)
        .values((
            ticket_effort::ticket_id.eq(row.id),
            ticket_effort::agent_id.eq(user.id),
            ticket_effort::pole.eq(pole),
            ticket_effort::minutes.eq(minutes),
            ticket_effort::action.eq(action),
            ticket_effort::note.eq(clean(note)),
            ticket_effort::at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Minutes logged over a period, per pole and per agent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EffortReport {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub total_minutes: i64,
    pub by_pole: Vec<(Pole, i64)>,
    pub by_agent: Vec<AgentEffort>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AgentEffort {
    pub agent: String,
    pub pole: Pole,
    pub minutes: i64,
    pub tickets: i64,
}

/// The desk's effort between `from` (included) and `to` (excluded), for supervisors, Qualité and admins.
pub async fn effort_report(
    conn: &mut AsyncPgConnection,
    viewer: &CurrentUser,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<EffortReport> {
    if !viewer.roles.has_any(&[Role::Supervisor, Role::Quality, Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    if to <= from {
        return Err(AppError::validation("to", t().effort_period_invalid));
    }
    let rows: Vec<(String, Pole, i64, i64)> = ticket_effort::table
        .inner_join(users::table.on(users::id.eq(ticket_effort::agent_id)))
        .filter(ticket_effort::at.ge(from).and(ticket_effort::at.lt(to)))
        .group_by((users::display_name, ticket_effort::pole))
        .select((
            users::display_name,
            ticket_effort::pole,
            diesel::dsl::sum(ticket_effort::minutes).assume_not_null(),
            diesel::dsl::count(ticket_effort::ticket_id).aggregate_distinct(),
        ))
        .order(users::display_name)
        .load(conn)
        .await?;
    let mut by_pole: HashMap<Pole, i64> = HashMap::new();
    let by_agent: Vec<AgentEffort> = rows
        .into_iter()
        .map(|(agent, pole, minutes, tickets)| {
            *by_pole.entry(pole).or_default() += minutes;
            AgentEffort { agent, pole, minutes, tickets }
        })
        .collect();
    let mut by_pole: Vec<(Pole, i64)> = by_pole.into_iter().collect();
    by_pole.sort();
    Ok(EffortReport { from, to, total_minutes: by_pole.iter().map(|(_, m)| m).sum(), by_pole, by_agent })
}

/// Resolves every open child of a resolved major incident with the parent's solution.
pub async fn resolve_children(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    parent: &TicketRef,
    now: DateTime<Utc>,
) -> AppResult<Vec<TicketRef>> {
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, parent).await?;
        let solution = match (row.status, row.solution.clone()) {
            (Status::Resolved | Status::Closed, Some(solution)) => solution,
            _ => return Err(AppError::conflict(t().children_parent_not_resolved)),
        };
        let children: Vec<(i64, String, i32)> = ticket_links::table
            .inner_join(tickets::table.on(tickets::id.eq(ticket_links::from_id)))
            .filter(ticket_links::to_id.eq(row.id))
            .filter(ticket_links::kind.eq(LinkKind::Child))
            .filter(tickets::status.eq_any([Status::New, Status::InProgress, Status::WaitingRequester]))
            .select((tickets::id, tickets::reference, tickets::version))
            .order(tickets::id)
            .load(conn)
            .await?;
        let mut resolved = Vec::new();
        for (id, reference, version) in children {
            let mut request = TransitionRequest::new(Action::Resolve, version);
            request.solution = Some(format!("{} {} : {solution}", t().children_resolved_with, row.reference));
            let child = lock_by_id(conn, id).await?;
            apply_transition(conn, Actor::Person(user), child, request, now).await?;
            resolved.push(reference.parse().map_err(|_| AppError::internal("stored reference unreadable"))?);
        }
        Ok(resolved)
    })
    .await
}

/// Columns of a ticket list, joined with the people and the site.
type SummaryRow = (
    (String, Kind, Status, String, Priority, Pole, Channel, Option<ServiceDomain>),
    (Option<String>, String, Option<String>, DateTime<Utc>, DateTime<Utc>, i32),
);

fn to_summary(row: SummaryRow) -> AppResult<TicketSummary> {
    let (
        (reference, kind, status, title, priority, pole, channel, domain),
        (requester_name, site_name, assignee_name, registered_at, updated_at, version),
    ) = row;
    Ok(TicketSummary {
        reference: reference.parse().map_err(|_| AppError::internal("stored reference unreadable"))?,
        kind,
        status,
        title,
        priority,
        pole,
        channel,
        domain,
        requester_name,
        site_name,
        assignee_name,
        registered_at,
        updated_at,
        version,
    })
}

diesel::alias!(users as requesters: RequesterAlias, users as assignees: AssigneeAlias);

/// The tickets `viewer` may see that match `filter`, most recently changed first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    viewer: &CurrentUser,
    filter: &TicketFilter,
) -> AppResult<Page<TicketSummary>> {
    let per_page = filter.per_page.unwrap_or(50).clamp(1, 200);
    let page = filter.page.unwrap_or(1).max(1);
    let staff = is_staff(&viewer.roles);
    // A site delegate follows their own tickets and those of the people of their site.
    let delegate_site = (!staff && viewer.roles.has(Role::SiteDelegate)).then_some(viewer.site.id);
    let requester = match (staff, delegate_site) {
        (true, _) => filter.requester,
        (false, Some(_)) => None,
        (false, None) => Some(viewer.id),
    };
    let build = || {
        let mut query = tickets::table
            .left_join(requesters.on(tickets::requester_id.eq(requesters.field(users::id).nullable())))
            .left_join(assignees.on(tickets::assignee_id.eq(assignees.field(users::id).nullable())))
            .inner_join(sites::table)
            .into_boxed();
        if let Some(kind) = filter.kind {
            query = query.filter(tickets::kind.eq(kind));
        }
        if let Some(group) = filter.group {
            let statuses: Vec<Status> = Status::ALL.iter().copied().filter(|s| s.group() == group).collect();
            query = query.filter(tickets::status.eq_any(statuses));
        }
        if let Some(pole) = filter.pole {
            query = query.filter(tickets::pole.eq(pole));
        }
        if let Some(assignee) = filter.assignee {
            query = query.filter(tickets::assignee_id.eq(assignee));
        }
        if let Some(requester) = requester {
            query = query.filter(tickets::requester_id.eq(requester));
        }
        if let Some(site) = delegate_site {
            query = query.filter(
                tickets::requester_id
                    .eq(viewer.id)
                    .or(tickets::site_id.eq(site).and(tickets::requester_id.is_not_null()).nullable()),
            );
        }
        if let Some(site) = filter.site {
            query = query.filter(tickets::site_id.eq(site));
        }
        if let Some(priority) = filter.priority {
            query = query.filter(tickets::priority.eq(priority));
        }
        query
    };
    let total: i64 = build().count().get_result(conn).await?;
    let rows: Vec<SummaryRow> = build()
        .select((
            (
                tickets::reference,
                tickets::kind,
                tickets::status,
                tickets::title,
                tickets::priority,
                tickets::pole,
                tickets::channel,
                tickets::domain,
            ),
            (
                requesters.field(users::display_name).nullable(),
                sites::name,
                assignees.field(users::display_name).nullable(),
                tickets::registered_at,
                tickets::updated_at,
                tickets::version,
            ),
        ))
        .order((tickets::updated_at.desc(), tickets::id.desc()))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(conn)
        .await?;
    Ok(Page { items: rows.into_iter().map(to_summary).collect::<AppResult<_>>()?, total, page, per_page })
}

async fn names(
    conn: &mut AsyncPgConnection,
    ids: impl IntoIterator<Item = UserId>,
) -> QueryResult<HashMap<UserId, String>> {
    let ids: Vec<UserId> = ids.into_iter().collect();
    let rows: Vec<(UserId, String)> =
        users::table.filter(users::id.eq_any(&ids)).select((users::id, users::display_name)).load(conn).await?;
    Ok(rows.into_iter().collect())
}

#[derive(Queryable)]
struct HistoryRow {
    at: DateTime<Utc>,
    actor: Option<UserId>,
    action: String,
    from: Option<Status>,
    to: Status,
    detail: serde_json::Value,
}

#[derive(Queryable)]
struct CommentRow {
    at: DateTime<Utc>,
    author: Option<UserId>,
    visibility: String,
    purpose: CommentPurpose,
    body: String,
}

#[derive(Queryable)]
struct EffortRow {
    at: DateTime<Utc>,
    agent: UserId,
    pole: Pole,
    minutes: i32,
    note: Option<String>,
}

/// A ticket as `viewer` may see it: 404 for a ticket they may not see (its existence is not revealed).
pub async fn detail(
    conn: &mut AsyncPgConnection,
    viewer: &CurrentUser,
    reference: &TicketRef,
    now: DateTime<Utc>,
) -> AppResult<TicketDetail> {
    let row: TicketRow = tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select(TicketRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found(reference.to_string()))?;
    let parties = ensure_visible(conn, viewer, &row).await?;
    let staff = is_staff(&viewer.roles);
    let history: Vec<HistoryRow> = ticket_history::table
        .filter(ticket_history::ticket_id.eq(row.id))
        .select((
            ticket_history::at,
            ticket_history::actor_id,
            ticket_history::action,
            ticket_history::from_status,
            ticket_history::to_status,
            ticket_history::detail,
        ))
        .order(ticket_history::id)
        .load(conn)
        .await?;
    let mut comments_query = ticket_comments::table.filter(ticket_comments::ticket_id.eq(row.id)).into_boxed();
    if !staff {
        comments_query = comments_query.filter(ticket_comments::visibility.eq("PUBLIC"));
    }
    let comments: Vec<CommentRow> = comments_query
        .select((
            ticket_comments::at,
            ticket_comments::author_id,
            ticket_comments::visibility,
            ticket_comments::purpose,
            ticket_comments::body,
        ))
        .order(ticket_comments::id)
        .load(conn)
        .await?;
    let efforts: Vec<EffortRow> = if staff {
        ticket_effort::table
            .filter(ticket_effort::ticket_id.eq(row.id))
            .select((
                ticket_effort::at,
                ticket_effort::agent_id,
                ticket_effort::pole,
                ticket_effort::minutes,
                ticket_effort::note,
            ))
            .order(ticket_effort::id)
            .load(conn)
            .await?
    } else {
        Vec::new()
    };
    let people = names(
        conn,
        history
            .iter()
            .filter_map(|h| h.actor)
            .chain(comments.iter().filter_map(|c| c.author))
            .chain(efforts.iter().map(|e| e.agent))
            .chain(row.requester_id)
            .chain(row.assignee_id)
            .chain(row.registered_by),
    )
    .await?;
    let name = |id: Option<UserId>| id.and_then(|id| people.get(&id).cloned());

    let mut timeline: Vec<TimelineEntry> = Vec::new();
    for HistoryRow { at, actor, action, from, to, detail } in history {
        // Escalation reasons and target poles are for the desk; the requester sees that it moved.
        let detail = if staff { detail } else { serde_json::Value::Null };
        timeline.push(TimelineEntry::Change { at, actor: name(actor), action, from, to, detail });
    }
    for CommentRow { at, author, visibility, purpose, body } in comments {
        timeline.push(TimelineEntry::Comment {
            at,
            author: name(author),
            internal: visibility == "INTERNE",
            purpose,
            body,
        });
    }
    let mut effort = EffortTotals::default();
    let mut by_pole: HashMap<Pole, i64> = HashMap::new();
    let mut by_agent: HashMap<String, i64> = HashMap::new();
    for EffortRow { at, agent, pole, minutes, note } in efforts {
        let agent_name = name(Some(agent)).unwrap_or_default();
        effort.total_minutes += i64::from(minutes);
        *by_pole.entry(pole).or_default() += i64::from(minutes);
        *by_agent.entry(agent_name.clone()).or_default() += i64::from(minutes);
        timeline.push(TimelineEntry::Effort { at, agent: agent_name, minutes, note });
    }
    effort.by_pole = by_pole.into_iter().collect();
    effort.by_pole.sort();
    effort.by_agent = by_agent.into_iter().collect();
    effort.by_agent.sort();
    timeline.sort_by_key(TimelineEntry::at);

    let links = load_links(conn, row.id).await?;
    let pole_agents: Vec<Person> = if staff {
        users::table
            .inner_join(user_roles::table)
            .filter(users::pole.eq(row.pole))
            .filter(users::active.eq(true))
            .filter(user_roles::role.eq(Role::Agent))
            .select((users::id, users::display_name))
            .order(users::display_name)
            .load::<(UserId, String)>(conn)
            .await?
            .into_iter()
            .map(|(id, name)| Person { id, name })
            .collect()
    } else {
        Vec::new()
    };
    let site_name: String = sites::table.find(row.site_id).select(sites::name).first(conn).await?;
    let actions = workflow::available_actions(row.kind, row.status, &performers_of(self::viewer(viewer), &parties));
    let extras = detail_extras(conn, &row).await?;
    let requester_profile = match (staff, row.requester_id) {
        (true, Some(requester)) => requester_profile(conn, requester).await?,
        _ => None,
    };
    let performers = performers_of(self::viewer(viewer), &parties);
    let may_qualify =
        row.status.is_open() && performers.iter().any(|p| matches!(p, Performer::PoleAgent | Performer::Supervisor));
    let may_rate = row.requester_id == Some(viewer.id)
        && extras.rating.is_none()
        && crate::surveys::service::is_invited(conn, row.id, viewer.id).await?;
    // The time left is read at `now`; everything else on the page is stored.
    let mut clocks = crate::sla::clocks::clocks_of(conn, row.id, now).await?;
    if !staff {
        // Requesters see the promises made to them, not the desk's internal targets and escalations.
        clocks.retain(|clock| clock.measure != crate::domain::sla::Measure::PoleHandling);
        clocks.iter_mut().for_each(|clock| clock.escalations.clear());
    }
    Ok(TicketDetail {
        summary: TicketSummary {
            reference: *reference,
            kind: row.kind,
            status: row.status,
            title: row.title,
            priority: row.priority,
            pole: row.pole,
            channel: row.channel,
            domain: row.domain,
            requester_name: name(row.requester_id),
            site_name,
            assignee_name: name(row.assignee_id),
            registered_at: row.registered_at,
            updated_at: row.updated_at,
            version: row.version,
        },
        description: row.description,
        solution: row.solution,
        workaround: row.workaround,
        requester_id: row.requester_id,
        assignee_id: row.assignee_id,
        registered_by_name: row.registered_by.filter(|id| Some(*id) != row.requester_id).and_then(|id| name(Some(id))),
        source_ref: if staff { row.source_ref } else { None },
        reopen_count: row.reopen_count,
        escalation_count: row.escalation_count,
        supervisor_alerted_at: row.supervisor_alerted_at,
        waiting_since: row.waiting_since,
        first_contact: row.first_contact,
        resolved_at: row.resolved_at,
        closed_at: row.closed_at,
        actions,
        timeline,
        effort,
        links,
        pole_agents,
        qualification: extras.qualification,
        may_qualify,
        origin: extras.origin,
        approval: extras.approval,
        rating: extras.rating,
        may_rate,
        requester_profile,
        clocks,
    })
}

/// The requester's typology and how the desk handles it.
async fn requester_profile(conn: &mut AsyncPgConnection, requester: UserId) -> QueryResult<Option<RequesterProfile>> {
    let row: Option<(Typology, String, bool, bool, Option<String>, String)> = users::table
        .inner_join(typologies::table)
        .filter(users::id.eq(requester))
        .select((
            users::typology,
            typologies::handling,
            typologies::raises_incident_priority,
            typologies::call_back_by_phone,
            users::phone,
            users::login,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(|(typology, handling, raises_incident_priority, call_back_by_phone, phone, login)| RequesterProfile {
        typology,
        handling,
        raises_incident_priority,
        call_back_by_phone,
        phone,
        login,
    }))
}

type ApprovalRow = (UserId, String, DateTime<Utc>, Option<ApprovalDecision>, Option<String>, Option<DateTime<Utc>>);

struct DetailExtras {
    qualification: Option<QualificationView>,
    origin: Option<CatalogOrigin>,
    approval: Option<ApprovalView>,
    rating: Option<RatingView>,
}

type QualificationRow = (
    (Option<CategoryId>, Option<EnvironmentId>, Impact, Urgency, Option<Criticality>, Option<Severity>),
    (Option<NaiveDate>, Priority, String, Option<String>, Option<UserId>, DateTime<Utc>),
);

/// What the catalog and the qualification added to a ticket.
async fn detail_extras(conn: &mut AsyncPgConnection, row: &TicketRow) -> AppResult<DetailExtras> {
    let qualification: Option<QualificationRow> = ticket_qualification::table
        .find(row.id)
        .select((
            (
                ticket_qualification::category_id,
                ticket_qualification::environment_id,
                ticket_qualification::impact,
                ticket_qualification::urgency,
                ticket_qualification::criticality,
                ticket_qualification::severity,
            ),
            (
                ticket_qualification::business_deadline,
                ticket_qualification::computed_priority,
                ticket_qualification::explanation,
                ticket_qualification::override_reason,
                ticket_qualification::qualified_by,
                ticket_qualification::qualified_at,
            ),
        ))
        .first(conn)
        .await
        .optional()?;
    let qualification = match qualification {
        None => None,
        Some((
            (category, environment, impact, urgency, criticality, severity),
            (business_deadline, computed_priority, explanation, override_reason, qualified_by, qualified_at),
        )) => {
            let category_label = match category {
                None => None,
                Some(id) => categories::table.find(id).select(categories::label).first(conn).await.optional()?,
            };
            let environment_label = match environment {
                None => None,
                Some(id) => {
                    environment_items::table.find(id).select(environment_items::label).first(conn).await.optional()?
                }
            };
            let qualified_by = match qualified_by {
                None => None,
                Some(id) => users::table.find(id).select(users::display_name).first(conn).await.optional()?,
            };
            Some(QualificationView {
                category,
                category_label,
                environment,
                environment_label,
                impact,
                urgency,
                criticality,
                severity,
                business_deadline,
                computed_priority,
                explanation,
                override_reason,
                qualified_by,
                qualified_at,
            })
        }
    };
    let origin: Option<(String, String, serde_json::Value)> = ticket_requests::table
        .inner_join(catalog_entries::table)
        .filter(ticket_requests::ticket_id.eq(row.id))
        .select((catalog_entries::code, catalog_entries::title, ticket_requests::answers))
        .first(conn)
        .await
        .optional()?;
    let origin = origin
        .map(|(code, title, answers)| {
            serde_json::from_value(answers)
                .map(|answers| CatalogOrigin { code, title, answers })
                .map_err(|_| AppError::internal("stored catalog answers unreadable"))
        })
        .transpose()?;
    let approval: Option<ApprovalRow> = ticket_approvals::table
        .inner_join(users::table)
        .filter(ticket_approvals::ticket_id.eq(row.id))
        .select((
            ticket_approvals::approver_id,
            users::display_name,
            ticket_approvals::requested_at,
            ticket_approvals::decision,
            ticket_approvals::reason,
            ticket_approvals::decided_at,
        ))
        .first(conn)
        .await
        .optional()?;
    let approval = approval.map(|(id, name, requested_at, decision, reason, decided_at)| ApprovalView {
        approver: Person { id, name },
        requested_at,
        decision,
        reason,
        decided_at,
    });
    let rating: Option<(i16, Option<String>, DateTime<Utc>)> = ticket_ratings::table
        .find(row.id)
        .select((ticket_ratings::rating, ticket_ratings::comment, ticket_ratings::rated_at))
        .first(conn)
        .await
        .optional()?;
    let rating = rating.map(|(rating, comment, rated_at)| RatingView { rating, comment, rated_at });
    Ok(DetailExtras { qualification, origin, approval, rating })
}

async fn load_links(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Vec<LinkView>> {
    let outgoing: Vec<(LinkKind, String, String, Status)> = ticket_links::table
        .inner_join(tickets::table.on(tickets::id.eq(ticket_links::to_id)))
        .filter(ticket_links::from_id.eq(id))
        .select((ticket_links::kind, tickets::reference, tickets::title, tickets::status))
        .load(conn)
        .await?;
    let incoming: Vec<(LinkKind, String, String, Status)> = ticket_links::table
        .inner_join(tickets::table.on(tickets::id.eq(ticket_links::from_id)))
        .filter(ticket_links::to_id.eq(id))
        .select((ticket_links::kind, tickets::reference, tickets::title, tickets::status))
        .load(conn)
        .await?;
    Ok(outgoing
        .into_iter()
        .map(|row| (true, row))
        .chain(incoming.into_iter().map(|row| (false, row)))
        .filter_map(|(outgoing, (kind, reference, title, status))| {
            Some(LinkView { kind, outgoing, other: reference.parse().ok()?, other_title: title, other_status: status })
        })
        .collect())
}

/// The history of a ticket for the JSON API: who did what, when, from which state to which.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub action: String,
    pub from: Option<Status>,
    pub to: Status,
    pub detail: serde_json::Value,
}

pub async fn history(
    conn: &mut AsyncPgConnection,
    viewer: &CurrentUser,
    reference: &TicketRef,
    now: DateTime<Utc>,
) -> AppResult<Vec<HistoryEntry>> {
    Ok(detail(conn, viewer, reference, now)
        .await?
        .timeline
        .into_iter()
        .filter_map(|entry| match entry {
            TimelineEntry::Change { at, actor, action, from, to, detail } => {
                Some(HistoryEntry { at, actor, action, from, to, detail })
            }
            _ => None,
        })
        .collect())
}

#[derive(Queryable)]
struct WaitingRow {
    id: i64,
    reference: String,
    version: i32,
    sent: i16,
    since: DateTime<Utc>,
    requester: Option<UserId>,
}

/// Reminders to requesters who have not answered, then automatic resolution, then automatic closure of
/// resolutions nobody confirmed. Safe to run from several instances at once and after downtime: each step
/// is a compare-and-set on the ticket's version, so it happens exactly once.
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
            tickets::requester_id,
        ))
        .load(conn)
        .await?;
    for WaitingRow { id, reference, version, sent, since, requester } in waiting {
        let due = since + settings.reminder_delay * (i32::from(sent) + 1);
        if due > now {
            continue;
        }
        if i32::from(sent) < settings.max_reminders {
            let reminded = conn
                .transaction(async |conn| {
                    let updated = diesel::update(tickets::table.find(id).filter(tickets::version.eq(version)))
                        .set((
                            tickets::reminders_sent.eq(sent + 1),
                            tickets::version.eq(version + 1),
                            tickets::updated_at.eq(now),
                        ))
                        .execute(conn)
                        .await?;
                    if updated == 0 {
                        return Ok::<_, AppError>(false);
                    }
                    let message =
                        format!("{} {} {}/{}", reference, t().notice_reminder, sent + 1, settings.max_reminders);
                    add_comment(conn, id, None, false, CommentPurpose::Reminder, &message, now).await?;
                    let event = Event::version(id, version + 1, Actor::System, now);
                    notify(conn, &event, requester, message.clone()).await?;
                    record(
                        conn,
                        id,
                        Actor::System,
                        "RAPPELER",
                        Some(Status::WaitingRequester),
                        Status::WaitingRequester,
                        serde_json::json!({
                            "rappel": sent + 1, "prevu_le": due,
                        }),
                        now,
                    )
                    .await?;
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
async fn resolve_quietly(
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

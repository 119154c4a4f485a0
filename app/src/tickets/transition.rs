//! Applying a workflow action to a ticket: the version the person saw, the table's plan (kind, state,
//! rights, input), the action's effects, the journal, the clocks; and a major incident's children resolved
//! with it.

use super::comments::add_comment;
use super::effort::log_effort_in;
use super::lifecycle::settings;
use super::links::{insert_link, linkable};
use super::register::promote;
use super::service::{
    TicketRow, check_version, clean, ensure_visible, lock_by_id, lock_ticket, parties, performers, write_change,
};
use super::{ApprovalDecision, CommentPurpose, LinkKind, TransitionRequest};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::schema::{ticket_approvals, ticket_links, tickets, user_roles, users};
use crate::domain::ids::{TicketId, UserId};
use crate::domain::people::Role;
use crate::domain::ticket::{Kind, TicketRef};
use crate::domain::workflow::{self, Action, Need, Provided, Refusal, Status, StatusGroup};
use crate::error::{AppError, AppResult};
use crate::i18n::{action_label, kind_label, status_label, t};
use crate::journal::{Entry, Fields};
use crate::notifications::{Event, notify, notify_all};
use crate::sla::clocks;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

pub(super) fn refusal_error(refusal: Refusal, kind: Kind, action: Action) -> AppError {
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

/// The body of a transition, inside the caller's transaction, on a row the caller has locked.
pub(super) async fn apply_transition(
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
    let mut last_reminded_at = row.last_reminded_at;
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
            last_reminded_at = None;
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
    if let Some(minutes) = request.minutes {
        log_effort_in(conn, actor, &row, minutes, Some(plan.action.code()), None, now).await?;
    }
    let fields = Fields {
        status: Some(plan.to),
        pole: Some(pole),
        assignee_id: Some(assignee),
        waiting_since: Some(waiting_since),
        reminders_sent: Some(reminders_sent),
        last_reminded_at: Some(last_reminded_at),
        resolved_at: Some(resolved_at),
        closed_at: Some(closed_at),
        solution: Some(new_solution),
        workaround: Some(new_workaround),
        reopen_count: Some(reopen_count),
        escalation_count: Some(escalation_count),
        supervisor_alerted_at: Some(supervisor_alerted_at),
        ..Fields::default()
    };
    let detail = serde_json::Value::Object(detail);
    write_change(conn, &row, actor, Entry::Action(plan.action), plan.to, fields, detail, now).await?;
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

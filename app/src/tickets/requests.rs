//! What the catalog and the qualification do to tickets: a request made from a catalog entry (its form
//! checked, its priority computed, its manager asked), an agent's qualification with an explained
//! priority and a kept override reason, the requester's rating, and the approvals waiting for a manager.

use super::register::store_qualification;
use super::service::{
    Actor, QualificationRecord, Registration, TicketRow, check_version, clean, ensure_visible, lock_ticket,
    register_with, write_change,
};
use super::{NewTicket, PendingApproval, QualificationRequest};
use crate::auth::CurrentUser;
use crate::db::schema::{
    categories, environment_items, sites, ticket_approvals, ticket_ratings, tickets, typologies, users,
};
use crate::domain::catalog::{Answer, AnswerProblem, FieldKind, validate_answers};
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::Typology;
use crate::domain::qualification::{
    Criticality, EnvironmentKind, PriorityDecision, QualificationInput, compute_priority,
};
use crate::domain::ticket::{Channel, JournalEvent, Kind, Priority, ServiceDomain, TicketRef};
use crate::domain::workflow::{Performer, Status, performers_of};
use crate::error::{AppError, AppResult, FieldMessage};
use crate::i18n::{answer_problem_message, explain_priority, t};
use crate::journal::{self, Entry, Fields};
use crate::referential::service::{catalog_entry, matrix_and_rules};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::BTreeMap;

/// The requester's local date, for the business-deadline rule.
fn local_date(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&chrono_tz::Europe::Paris).date_naive()
}

/// The requester's typology and whether it raises their incidents.
async fn typology_of(conn: &mut AsyncPgConnection, person: UserId) -> QueryResult<(Typology, bool)> {
    users::table
        .inner_join(typologies::table)
        .filter(users::id.eq(person))
        .select((users::typology, typologies::raises_incident_priority))
        .first(conn)
        .await
}

/// Names people and sites in the answers, and refuses ids that name nobody (or a switched-off account).
async fn resolve_references(conn: &mut AsyncPgConnection, answers: &mut [Answer]) -> AppResult<Vec<FieldMessage>> {
    let mut problems = Vec::new();
    for answer in answers.iter_mut() {
        let id: i64 = answer.value.parse().unwrap_or(0);
        let (name, problem) = match answer.kind {
            FieldKind::Person => (
                users::table
                    .filter(users::id.eq(UserId(id)))
                    .filter(users::active.eq(true))
                    .select(users::display_name)
                    .first::<String>(conn)
                    .await
                    .optional()?,
                AnswerProblem::NotAPerson,
            ),
            FieldKind::Site => (
                sites::table.find(SiteId(id)).select(sites::name).first::<String>(conn).await.optional()?,
                AnswerProblem::NotASite,
            ),
            _ => continue,
        };
        match name {
            Some(name) => answer.display = name,
            None => problems.push(FieldMessage {
                field: answer.key.clone(),
                message: answer_problem_message(problem, &answer.label),
            }),
        }
    }
    Ok(problems)
}

/// Makes a request from a catalog entry: the form is checked field by field, the priority computed from
/// the entry's impact and urgency and the requester's typology, and the manager asked when the entry needs
/// an approval (work starts only once they approve).
pub async fn submit_catalog_request(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    code: &str,
    answers: &BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> AppResult<TicketRef> {
    let t = t();
    let entry = catalog_entry(conn, code)
        .await?
        .filter(|entry| entry.active)
        .ok_or_else(|| AppError::not_found(format!("{} {code}", t.catalog_entry_word)))?;
    let mut accepted = validate_answers(&entry.fields, answers).map_err(|errors| AppError::InvalidForm {
        errors: errors
            .iter()
            .map(|error| {
                let label = entry.fields.iter().find(|f| f.key == error.key).map_or(error.key.as_str(), |f| &f.label);
                FieldMessage { field: error.key.clone(), message: answer_problem_message(error.problem, label) }
            })
            .collect(),
    })?;
    let problems = resolve_references(conn, &mut accepted).await?;
    if !problems.is_empty() {
        return Err(AppError::InvalidForm { errors: problems });
    }
    let approver = if entry.requires_approval {
        let manager: Option<UserId> =
            users::table.filter(users::id.eq(user.id)).select(users::manager_id).first::<Option<UserId>>(conn).await?;
        let manager_active = match manager {
            None => false,
            Some(manager) => {
                diesel::select(diesel::dsl::exists(
                    users::table.filter(users::id.eq(manager)).filter(users::active.eq(true)),
                ))
                .get_result::<bool>(conn)
                .await?
            }
        };
        if !manager_active {
            return Err(AppError::conflict(t.catalog_no_manager));
        }
        manager
    } else {
        None
    };
    let (matrix, rules) = matrix_and_rules(conn).await?;
    let (typology, raises) = typology_of(conn, user.id).await?;
    let input = QualificationInput {
        kind: entry.kind,
        impact: entry.impact,
        urgency: entry.urgency,
        criticality: None,
        affected: None,
        business_deadline: None,
        requester_typology: Some(typology),
        typology_raises_incidents: raises,
    };
    let decision = compute_priority(&matrix, rules, &input, local_date(now));
    let description = accepted.iter().map(|a| format!("{} : {}", a.label, a.display)).collect::<Vec<_>>().join("\n");
    let new_ticket = NewTicket {
        kind: Some(entry.kind),
        title: entry.title.clone(),
        description: format!("{}\n\n{description}", entry.title),
        channel: Some(Channel::Portal),
        priority: None,
        domain: Some(entry.domain),
        requester: None,
        site: None,
        pole: None,
        solved_now: None,
        source_ref: None,
    };
    let qualification = QualificationRecord {
        category: entry.category,
        environment: None,
        impact: entry.impact,
        urgency: entry.urgency,
        criticality: None,
        severity: None,
        business_deadline: None,
        computed: decision.priority,
        explanation: explain_priority(&decision, None),
        override_reason: None,
    };
    let entry_id = entry.id.ok_or_else(|| AppError::internal("catalog entry without id"))?;
    let extras = Registration {
        approver,
        catalog: Some((entry_id, accepted)),
        qualification: Some(qualification),
        pole: Some(entry.pole),
        reference: None,
    };
    register_with(conn, Actor::Person(user), new_ticket, extras, now).await
}

/// Locks a ticket for a change of its qualification (priority included): only an agent of its pole or a
/// supervisor, only while it is open, and only from the version the person saw.
async fn lock_for_qualification(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    version: i32,
) -> AppResult<TicketRow> {
    let row: TicketRow = lock_ticket(conn, reference).await?;
    let parties = ensure_visible(conn, user, &row).await?;
    let performers = performers_of(super::service::viewer(user), &parties);
    if !performers.iter().any(|p| matches!(p, Performer::PoleAgent | Performer::Supervisor)) {
        return Err(AppError::Forbidden);
    }
    if !row.status.is_open() {
        return Err(AppError::conflict(t().qualify_closed));
    }
    check_version(version, row.version)?;
    Ok(row)
}

/// Qualifies a ticket: category, affected item, impact, urgency, criticality, severity and business
/// deadline give a computed priority, explained in words; the agent may choose another with a reason.
pub async fn qualify(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    request: QualificationRequest,
    now: DateTime<Utc>,
) -> AppResult<PriorityDecision> {
    let t = t();
    let override_reason = clean(request.override_reason.as_deref());
    if let Some(deadline) = request.business_deadline
        && deadline < local_date(now)
    {
        return Err(AppError::validation("business_deadline", t.qualify_deadline_past));
    }
    conn.transaction(async |conn| {
        let row = lock_for_qualification(conn, user, reference, request.version).await?;
        let mut domain = row.domain;
        if let Some(category) = request.category {
            let (category_domain, allowed): (ServiceDomain, Vec<Kind>) = categories::table
                .find(category)
                .filter(categories::active.eq(true))
                .select((categories::domain, categories::allowed_kinds))
                .first(conn)
                .await
                .optional()?
                .ok_or_else(|| AppError::validation("category", t.qualify_category_unknown))?;
            if !allowed.contains(&row.kind) {
                return Err(AppError::validation("category", t.qualify_category_kind));
            }
            domain = Some(category_domain);
        }
        let affected: Option<(EnvironmentKind, Criticality)> = match request.environment {
            None => None,
            Some(item) => Some(
                environment_items::table
                    .find(item)
                    .filter(environment_items::active.eq(true))
                    .select((environment_items::kind, environment_items::criticality))
                    .first(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| AppError::validation("environment", t.qualify_environment_unknown))?,
            ),
        };
        // The item's criticality is the default; the agent may state another for this ticket.
        let criticality = request.criticality.or(affected.map(|(_, c)| c));
        let (matrix, rules) = matrix_and_rules(conn).await?;
        let (typology, raises) = match row.requester_id {
            Some(requester) => {
                let (typology, raises) = typology_of(conn, requester).await?;
                (Some(typology), raises)
            }
            None => (None, false),
        };
        let input = QualificationInput {
            kind: row.kind,
            impact: request.impact,
            urgency: request.urgency,
            criticality,
            affected: affected.map(|(kind, _)| kind),
            business_deadline: request.business_deadline,
            requester_typology: typology,
            typology_raises_incidents: raises,
        };
        let decision = compute_priority(&matrix, rules, &input, local_date(now));
        let chosen = request.priority.unwrap_or(decision.priority);
        let override_reason = if chosen == decision.priority {
            None
        } else {
            Some(
                override_reason
                    .clone()
                    .ok_or_else(|| AppError::validation("override_reason", t.qualify_override_reason))?,
            )
        };
        let record_values = QualificationRecord {
            category: request.category,
            environment: request.environment,
            impact: request.impact,
            urgency: request.urgency,
            criticality,
            severity: request.severity,
            business_deadline: request.business_deadline,
            computed: decision.priority,
            explanation: explain_priority(&decision, Some(chosen)),
            override_reason: override_reason.clone(),
        };
        store_qualification(conn, row.id, &record_values, Actor::Person(user), now).await?;
        let fields = Fields { priority: Some(chosen), domain: Some(domain), ..Fields::default() };
        let detail = serde_json::json!({
            "priorite_avant": row.priority,
            "priorite": chosen,
            "priorite_calculee": decision.priority,
            "explication": record_values.explanation,
            "motif": override_reason,
        });
        let entry = Entry::Event(JournalEvent::Qualify);
        write_change(conn, &row, Actor::Person(user), entry, row.status, fields, detail, now).await?;
        // A new priority is a new target for the clocks still running.
        crate::sla::clocks::sync_ticket(conn, row.id, now).await?;
        crate::triage::service::learn_from_ticket(conn, crate::domain::ids::TicketId(row.id), now).await?;
        Ok(decision)
    })
    .await
}

/// An agent of the ticket's pole or a supervisor sets another priority, saying why: the reason is kept in
/// the history, and the running clocks take the new priority's targets.
pub async fn change_priority(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    version: i32,
    priority: Priority,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let t = t();
    let reason = clean(Some(reason)).ok_or_else(|| AppError::validation("reason", t.priority_reason_missing))?;
    if reason.chars().count() > 2000 {
        return Err(AppError::validation("reason", t.priority_reason_too_long));
    }
    conn.transaction(async |conn| {
        let row = lock_for_qualification(conn, user, reference, version).await?;
        if row.priority == priority {
            return Err(AppError::validation("priority", t.priority_unchanged));
        }
        let fields = Fields { priority: Some(priority), ..Fields::default() };
        let detail = serde_json::json!({"priorite_avant": row.priority, "priorite": priority, "motif": reason});
        let entry = Entry::Event(JournalEvent::Priority);
        write_change(conn, &row, Actor::Person(user), entry, row.status, fields, detail, now).await?;
        crate::sla::clocks::sync_ticket(conn, row.id, now).await?;
        Ok(())
    })
    .await
}

/// The requester rates the service once the ticket is resolved or closed; once per ticket.
pub async fn rate(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    rating: i16,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let t = t();
    if !(1..=5).contains(&rating) {
        return Err(AppError::validation("rating", t.rating_out_of_range));
    }
    let comment = clean(comment);
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(AppError::validation("comment", t.rating_comment_too_long));
    }
    conn.transaction(async |conn| {
        let row = lock_ticket(conn, reference).await?;
        ensure_visible(conn, user, &row).await?;
        if row.requester_id != Some(user.id) {
            return Err(AppError::Forbidden);
        }
        if !matches!(row.status, Status::Resolved | Status::Closed) {
            return Err(AppError::conflict(t.rating_not_resolved));
        }
        // Ratings answer a survey: a sample of closed tickets, one per requester and period.
        if !crate::surveys::service::is_invited(conn, row.id, user.id).await? {
            let already: bool =
                diesel::select(diesel::dsl::exists(ticket_ratings::table.find(row.id))).get_result(conn).await?;
            return Err(AppError::conflict(if already { t.rating_already } else { t.rating_not_invited }));
        }
        diesel::insert_into(ticket_ratings::table)
            .values((
                ticket_ratings::ticket_id.eq(row.id),
                ticket_ratings::rating.eq(rating),
                ticket_ratings::comment.eq(&comment),
                ticket_ratings::rated_at.eq(now),
            ))
            .execute(conn)
            .await
            .map_err(|error| {
                if crate::db::is_unique_violation(&error) { AppError::conflict(t.rating_already) } else { error.into() }
            })?;
        // A rating changes no field of the ticket: a history line, no new version.
        let detail = serde_json::json!({ "note": rating });
        let entry = Entry::Event(JournalEvent::Rate);
        journal::append(conn, row.id, Actor::Person(user), entry, Some(row.status), row.status, detail, now).await?;
        crate::surveys::service::on_answered(conn, row.id, &row.reference, rating as u8, now).await?;
        Ok(())
    })
    .await
}

/// The requests waiting for `user`'s decision, oldest first.
pub async fn pending_approvals(conn: &mut AsyncPgConnection, user: &CurrentUser) -> AppResult<Vec<PendingApproval>> {
    let rows: Vec<(String, String, String, DateTime<Utc>, i32)> = ticket_approvals::table
        .inner_join(tickets::table.inner_join(users::table.on(tickets::requester_id.eq(users::id.nullable()))))
        .filter(ticket_approvals::approver_id.eq(user.id))
        .filter(ticket_approvals::decision.is_null())
        .filter(tickets::status.eq(Status::AwaitingApproval))
        .select((
            tickets::reference,
            tickets::title,
            users::display_name,
            ticket_approvals::requested_at,
            tickets::version,
        ))
        .order(ticket_approvals::requested_at)
        .load(conn)
        .await?;
    rows.into_iter()
        .map(|(reference, title, requester, requested_at, version)| {
            Ok(PendingApproval {
                reference: reference.parse().map_err(|_| AppError::internal("stored reference unreadable"))?,
                title,
                requester,
                requested_at,
                version,
            })
        })
        .collect()
}

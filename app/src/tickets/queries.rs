//! Reading tickets: the list (filtered, paged, as far as the reader may see) and one ticket in full, with
//! its timeline, clocks, links, qualification, approval and rating.

use super::service::{TicketRow, ensure_visible, viewer};
use super::{
    ApprovalDecision, ApprovalView, CatalogOrigin, CommentPurpose, EffortTotals, LinkKind, LinkView, Page, Person,
    QualificationView, RatingView, RequesterProfile, TicketDetail, TicketFilter, TicketSummary, TimelineEntry,
};
use crate::auth::CurrentUser;
use crate::db::schema::{
    catalog_entries, categories, environment_items, sites, ticket_approvals, ticket_comments, ticket_effort,
    ticket_history, ticket_links, ticket_qualification, ticket_ratings, ticket_requests, tickets, typologies,
    user_roles, users,
};
use crate::domain::ids::{CategoryId, EnvironmentId, UserId};
use crate::domain::people::{Pole, Role, Typology};
use crate::domain::qualification::{Criticality, Impact, Severity, Urgency};
use crate::domain::ticket::{Channel, Kind, Priority, ServiceDomain, TicketRef};
use crate::domain::workflow::{self, Performer, Status, is_staff, performers_of};
use crate::error::{AppError, AppResult};
use crate::i18n::fill;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// Columns of a ticket list, joined with the people and the site.
pub(super) type SummaryRow = (
    (String, Kind, Status, String, Priority, Pole, Channel, Option<ServiceDomain>),
    (Option<String>, String, Option<String>, DateTime<Utc>, DateTime<Utc>, i32),
);

pub(super) fn to_summary(row: SummaryRow) -> AppResult<TicketSummary> {
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

const DEFAULT_PER_PAGE: i64 = 50;
const MAX_PER_PAGE: i64 = 200;
/// Far beyond any desk's history (20 million tickets at the largest page), and small enough that the offset
/// never overflows.
const MAX_PAGE: i64 = 100_000;

/// The tickets `viewer` may see that match `filter`, most recently changed first; a page or a page size out
/// of range is a 422 on its field.
pub async fn list(
    conn: &mut AsyncPgConnection,
    viewer: &CurrentUser,
    filter: &TicketFilter,
) -> AppResult<Page<TicketSummary>> {
    let p = &crate::i18n::t().phrases;
    let per_page = match filter.per_page {
        None => DEFAULT_PER_PAGE,
        Some(count) if (1..=MAX_PER_PAGE).contains(&count) => count,
        Some(_) => {
            return Err(AppError::validation("per_page", fill(p.per_page_out_of_range, &[("max", &MAX_PER_PAGE)])));
        }
    };
    let page = match filter.page {
        None => 1,
        Some(page) if (1..=MAX_PAGE).contains(&page) => page,
        Some(_) => return Err(AppError::validation("page", fill(p.page_out_of_range, &[("max", &MAX_PAGE)]))),
    };
    let staff = is_staff(&viewer.roles);
    // A site delegate follows their own tickets and those of the people of their site.
    let delegate_site = (!staff && viewer.roles.has(Role::SiteDelegate)).then_some(viewer.site.id);
    // What the viewer may see: the desk everything, a delegate their site's, anyone else their own. The
    // filters narrow that and never widen it: an employee's `requester=` naming someone else finds nothing
    // (rather than being ignored, which would answer the employee's own tickets as someone else's).
    let own_only = (!staff && delegate_site.is_none()).then_some(viewer.id);
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
        if let Some(requester) = filter.requester {
            query = query.filter(tickets::requester_id.eq(requester));
        }
        if let Some(own) = own_only {
            query = query.filter(tickets::requester_id.eq(own));
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

pub(super) async fn names(
    conn: &mut AsyncPgConnection,
    ids: impl IntoIterator<Item = UserId>,
) -> QueryResult<HashMap<UserId, String>> {
    let ids: Vec<UserId> = ids.into_iter().collect();
    let rows: Vec<(UserId, String)> =
        users::table.filter(users::id.eq_any(&ids)).select((users::id, users::display_name)).load(conn).await?;
    Ok(rows.into_iter().collect())
}

#[derive(Queryable)]
pub(super) struct HistoryRow {
    at: DateTime<Utc>,
    actor: Option<UserId>,
    action: String,
    from: Option<Status>,
    to: Status,
    detail: serde_json::Value,
}

#[derive(Queryable)]
pub(super) struct CommentRow {
    at: DateTime<Utc>,
    author: Option<UserId>,
    visibility: String,
    purpose: CommentPurpose,
    body: String,
}

#[derive(Queryable)]
pub(super) struct EffortRow {
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
    let attachments = crate::attachments::store::of_ticket(conn, row.id, staff).await?;
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
        // An internal attachment is the desk's, like an internal note: its line too.
        if !staff && detail.get("interne").and_then(serde_json::Value::as_bool) == Some(true) {
            continue;
        }
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
        attachments,
    })
}

/// The requester's typology and how the desk handles it.
pub(super) async fn requester_profile(
    conn: &mut AsyncPgConnection,
    requester: UserId,
) -> QueryResult<Option<RequesterProfile>> {
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

pub(super) type ApprovalRow =
    (UserId, String, DateTime<Utc>, Option<ApprovalDecision>, Option<String>, Option<DateTime<Utc>>);

pub(super) struct DetailExtras {
    qualification: Option<QualificationView>,
    origin: Option<CatalogOrigin>,
    approval: Option<ApprovalView>,
    rating: Option<RatingView>,
}

pub(super) type QualificationRow = (
    (Option<CategoryId>, Option<EnvironmentId>, Impact, Urgency, Option<Criticality>, Option<Severity>),
    (Option<NaiveDate>, Priority, String, Option<String>, Option<UserId>, DateTime<Utc>),
);

/// What the catalog and the qualification added to a ticket.
pub(super) async fn detail_extras(conn: &mut AsyncPgConnection, row: &TicketRow) -> AppResult<DetailExtras> {
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

pub(super) async fn load_links(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Vec<LinkView>> {
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

//! Registering an activity, from any source: its reference (per kind and year), its first history line, its
//! clocks, the catalog's answers, qualification and approver; an event promoted to an incident.

use super::links::insert_link;
use super::service::{TicketRow, clean, lock_by_id};
use super::transition::apply_transition;
use super::{LinkKind, NewTicket, TransitionRequest};
use crate::auth::Actor;
use crate::db::is_unique_violation;
use crate::db::schema::{ticket_approvals, ticket_counters, ticket_qualification, ticket_requests, tickets, users};
use crate::domain::catalog::Answer;
use crate::domain::ids::{CatalogEntryId, CategoryId, EnvironmentId, SiteId, UserId};
use crate::domain::people::{Pole, Role};
use crate::domain::qualification::{Criticality, Impact, Severity, Urgency};
use crate::domain::ticket::{Channel, JournalEvent, Kind, Priority, TicketRef};
use crate::domain::workflow::{Action, Status, default_pole, may_register, routable};
use crate::error::{AppError, AppResult, optional_code};
use crate::i18n::t;
use crate::journal::{self, Entry};
use crate::notifications::{Event, notify};
use crate::sla::clocks;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// The year a ticket is registered in, as people in Gironde count it (Europe/Paris).
pub fn registration_year(now: DateTime<Utc>) -> u16 {
    u16::try_from(now.with_timezone(&chrono_tz::Europe::Paris).year()).unwrap_or(9999)
}

/// The next reference of `kind` for `year`. Taken before the registration's transaction opens, so the
/// counter row is locked for that one statement, not while the ticket is written: references are unique
/// and increasing, not gapless (a registration refused after taking its number leaves a hole).
pub(super) async fn allocate_reference(conn: &mut AsyncPgConnection, kind: Kind, year: u16) -> AppResult<TicketRef> {
    let seq = reserve_references(conn, kind, year, 1).await?;
    Ok(TicketRef { kind, year, seq })
}

/// Reserves `count` consecutive references of `kind` for `year` and returns the first sequence number
/// (bulk loads take a block at once). Call it outside a long transaction: the counter row stays locked
/// until the statement's transaction commits, and every registration waits for it meanwhile.
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
    /// A reference reserved beforehand ([`reserve_references`]), by a bulk load whose transaction must not
    /// hold the counter; taken at registration otherwise.
    pub reference: Option<TicketRef>,
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
            // The priority is the qualification's (impact × urgency), never the requester's own wish.
            if !staff && input.priority.is_some() {
                return Err(AppError::validation("priority", t.ticket_priority_by_qualification));
            }
            // The origin's identifier (an alert's, a mail's) is the desk's and the systems': an employee could
            // otherwise take the reference a coming import or alert will carry, and learn which ones exist.
            // Imported activities' references are the import's alone, even for an administrator.
            let import_reference = input
                .source_ref
                .as_deref()
                .is_some_and(|reference| reference.trim().starts_with(crate::domain::import::SOURCE_PREFIX));
            if input.source_ref.is_some() && (!(staff || user.roles.has(Role::Admin)) || import_reference) {
                return Err(AppError::validation("source_ref", t.ticket_source_ref_reserved));
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
    let reference = match extras.reference {
        Some(reference) => reference,
        None => allocate_reference(conn, kind, registration_year(now)).await?,
    };

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
        journal::append(
            conn,
            id,
            actor,
            Entry::Event(JournalEvent::Register),
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

/// An event promoted to an incident: the incident carries the event's facts and is linked to it.
pub(super) async fn promote(
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
    journal::append(
        conn,
        incident,
        actor,
        Entry::Event(JournalEvent::Register),
        None,
        Status::New,
        serde_json::json!({ "evenement": event.reference }),
        now,
    )
    .await?;
    insert_link(conn, event.id, incident, LinkKind::Alert, actor, now).await
}

impl super::RegistrationForm {
    /// The registration this form asks for: each code read (an unknown one is a 422 on its field), the
    /// requester found among the active accounts by their login.
    pub async fn read(self, conn: &mut AsyncPgConnection) -> AppResult<NewTicket> {
        let requester = match self.requester.as_deref().map(str::trim).filter(|login| !login.is_empty()) {
            None => None,
            Some(login) => Some(
                crate::directory::db::find_active_by_login(conn, login)
                    .await?
                    .ok_or_else(|| AppError::validation("requester", t().ticket_requester_unknown))?,
            ),
        };
        Ok(NewTicket {
            kind: optional_code("type", Some(&self.kind))?,
            title: self.title,
            description: self.description,
            channel: optional_code("channel", self.channel.as_deref())?,
            priority: optional_code("priority", self.priority.as_deref())?,
            domain: optional_code("domain", self.domain.as_deref())?,
            requester,
            site: None,
            pole: optional_code("pole", self.pole.as_deref())?,
            solved_now: self.solved_now.filter(|text| !text.trim().is_empty()),
            source_ref: self.source_ref,
        })
    }
}

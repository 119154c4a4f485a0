//! A desk's years of tickets for measuring (`server seed-volume --tickets 100000`): added to a database that
//! holds the demo, from a fixed seed, in bulk. Most are closed, spread over three years; a backlog of open
//! ones (1.5 %, as a desk of this size carries) was registered over the last week, in every state a board
//! shows, with its SLA clocks started by the real engine. Seven in ten are qualified (a third of those name
//! no item) and half the requests come from the catalog, so the boards' joins meet real volumes.

use super::history::{CHUNK, REQUESTERS, Step, insert_history, pick, profile, references_in_order, weighted};
use app::db::schema::{
    catalog_entries, environment_items, sites, ticket_qualification, ticket_requests, tickets, users,
};
use app::domain::capacity::simulation::Random;
use app::domain::ids::{CatalogEntryId, EnvironmentId, SiteId, UserId};
use app::domain::people::Pole;
use app::domain::qualification::{Impact, Urgency};
use app::domain::ticket::{Channel, Kind, Priority};
use app::domain::workflow::{Action, Status};
use app::error::{AppError, AppResult};
use app::sla::clocks::{Rules, sync};
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::BTreeMap;

const SEED: u64 = 0x0100_000A;
/// The share of the tickets still open: the backlog.
pub const OPEN_SHARE: f64 = 0.015;
/// How far back the closed tickets go.
const YEARS: i64 = 3;

/// What was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VolumeReport {
    pub closed: usize,
    pub open: usize,
}

/// One generated ticket and where it stands.
struct Generated {
    kind: Kind,
    priority: Priority,
    pole: Pole,
    domain: app::domain::ticket::ServiceDomain,
    title: &'static str,
    channel: Channel,
    requester: UserId,
    site: SiteId,
    agent: UserId,
    status: Status,
    registered: DateTime<Utc>,
    /// The last change: closure, resolution, the question asked, the taking.
    updated: DateTime<Utc>,
    /// Qualified by the desk (most are): impact, urgency and the item concerned, if any.
    qualification: Option<(Impact, Urgency, Option<EnvironmentId>)>,
    /// Made from the catalog.
    catalog_entry: Option<CatalogEntryId>,
}

impl Generated {
    fn assignee(&self) -> Option<UserId> {
        (self.status != Status::New).then_some(self.agent)
    }

    /// The history that leads to its state, each step with its actor.
    fn steps(&self) -> Vec<Step> {
        let taken = self.registered + (self.updated - self.registered) / 3;
        let mut steps = vec![("ENREGISTRER", None, Status::New, self.registered, Some(self.requester))];
        if self.status == Status::New {
            return steps;
        }
        steps.push((Action::Take.code(), Some(Status::New), Status::InProgress, taken, Some(self.agent)));
        match self.status {
            Status::WaitingRequester => steps.push((
                Action::AskRequester.code(),
                Some(Status::InProgress),
                Status::WaitingRequester,
                self.updated,
                Some(self.agent),
            )),
            Status::Resolved => steps.push((
                Action::Resolve.code(),
                Some(Status::InProgress),
                Status::Resolved,
                self.updated,
                Some(self.agent),
            )),
            Status::Closed => {
                let resolved = self.updated - Duration::days(2);
                steps.push((
                    Action::Resolve.code(),
                    Some(Status::InProgress),
                    Status::Resolved,
                    resolved,
                    Some(self.agent),
                ));
                steps.push((Action::Close.code(), Some(Status::Resolved), Status::Closed, self.updated, None));
            }
            _ => {}
        }
        steps
    }
}

/// Adds `total` tickets to a database holding the demo, `now` being the end of the period they cover.
/// `progress` hears how many are stored after each batch. Each batch is one transaction.
pub async fn seed(
    conn: &mut AsyncPgConnection,
    total: usize,
    now: DateTime<Utc>,
    mut progress: impl FnMut(usize),
) -> AppResult<VolumeReport> {
    let logins: Vec<(String, UserId, SiteId)> =
        users::table.inner_join(sites::table).select((users::login, users::id, sites::id)).load(conn).await?;
    let find = |login: &str| {
        logins.iter().find(|(of, _, _)| of == login).map(|(_, id, site)| (*id, *site)).ok_or_else(|| {
            AppError::validation(
                "database",
                format!(
                    "le compte de démonstration {login} manque : chargez d'abord la démonstration (cargo xtask run)"
                ),
            )
        })
    };
    let requesters: Vec<(UserId, SiteId)> = REQUESTERS.iter().map(|login| find(login)).collect::<AppResult<_>>()?;
    let mut agents: BTreeMap<Pole, Vec<UserId>> = BTreeMap::new();
    for pole in [Pole::Front, Pole::Back, Pole::Expert, Pole::Atelier] {
        let ids = profile(pole).agents.iter().map(|login| find(login).map(|(id, _)| id)).collect::<AppResult<_>>()?;
        agents.insert(pole, ids);
    }

    let items: Vec<EnvironmentId> = environment_items::table
        .filter(environment_items::active.eq(true))
        .select(environment_items::id)
        .load(conn)
        .await?;
    let entries: Vec<CatalogEntryId> =
        catalog_entries::table.filter(catalog_entries::active.eq(true)).select(catalog_entries::id).load(conn).await?;
    if items.is_empty() || entries.is_empty() {
        return Err(AppError::validation("database", "le référentiel (environnement, catalogue) est vide"));
    }

    let open = ((total as f64) * OPEN_SHARE).round() as usize;
    let mut random = Random::new(SEED);
    let span = Duration::days(365 * YEARS) - Duration::days(10);
    let mut generated: Vec<Generated> = (0..total)
        .map(|index| {
            let is_open = index < open;
            let pole =
                weighted(&mut random, &[(Pole::Front, 40), (Pole::Back, 30), (Pole::Expert, 15), (Pole::Atelier, 15)]);
            let profile = profile(pole);
            let kind = weighted(&mut random, profile.kinds);
            let (requester, site) = pick(&mut random, &requesters);
            let agent = pick(&mut random, &agents[&pole]);
            let (status, registered, updated) = if is_open {
                let registered = now - Duration::minutes((random.next_u64() % (7 * 24 * 60)) as i64);
                let status = weighted(
                    &mut random,
                    &[
                        (Status::New, 35),
                        (Status::InProgress, 40),
                        (Status::WaitingRequester, 10),
                        (Status::Resolved, 15),
                    ],
                );
                // Changes and problems do not wait for a requester.
                let status = if kind.statuses().contains(&status) { status } else { Status::InProgress };
                let updated = registered + (now - registered) / 2;
                (status, registered, updated)
            } else {
                let registered =
                    now - Duration::days(10) - Duration::seconds((random.unit() * span.num_seconds() as f64) as i64);
                let updated = registered + Duration::days(2) + Duration::minutes((random.next_u64() % 2880) as i64);
                (Status::Closed, registered, updated)
            };
            let qualification = (random.unit() < 0.7).then(|| {
                let impact = weighted(
                    &mut random,
                    &[(Impact::User, 70), (Impact::Team, 20), (Impact::Site, 8), (Impact::Company, 2)],
                );
                let urgency = weighted(
                    &mut random,
                    &[(Urgency::Low, 20), (Urgency::Normal, 60), (Urgency::High, 15), (Urgency::Critical, 5)],
                );
                (impact, urgency, (random.unit() < 0.6).then(|| pick(&mut random, &items)))
            });
            let catalog_entry = (kind == Kind::Request && random.unit() < 0.5).then(|| pick(&mut random, &entries));
            Generated {
                qualification,
                catalog_entry,
                kind,
                priority: weighted(
                    &mut random,
                    &[(Priority::P1, 4), (Priority::P2, 16), (Priority::P3, 60), (Priority::P4, 20)],
                ),
                pole,
                domain: pick(&mut random, profile.domains),
                title: pick(&mut random, profile.titles),
                channel: weighted(&mut random, &[(Channel::Phone, 45), (Channel::Portal, 35), (Channel::Mail, 20)]),
                requester,
                site,
                agent,
                status,
                registered,
                updated,
            }
        })
        .collect();
    // References follow registration order, as the desk would have given them.
    generated.sort_by_key(|ticket| ticket.registered);
    let references =
        references_in_order(conn, &generated.iter().map(|ticket| (ticket.kind, ticket.registered)).collect::<Vec<_>>())
            .await?;

    let rules = Rules::load(conn).await?;
    let mut stored = 0;
    for (chunk, chunk_refs) in generated.chunks(CHUNK).zip(references.chunks(CHUNK)) {
        conn.transaction(async |conn| insert(conn, &rules, chunk, chunk_refs).await).await?;
        stored += chunk.len();
        progress(stored);
    }
    Ok(VolumeReport { closed: total - open, open })
}

async fn insert(
    conn: &mut AsyncPgConnection,
    rules: &Rules,
    chunk: &[Generated],
    references: &[String],
) -> AppResult<()> {
    let rows: Vec<_> = chunk
        .iter()
        .zip(references)
        .map(|(ticket, reference)| {
            let resolved = match ticket.status {
                Status::Resolved => Some(ticket.updated),
                Status::Closed => Some(ticket.updated - Duration::days(2)),
                _ => None,
            };
            (
                tickets::reference.eq(reference.clone()),
                tickets::kind.eq(ticket.kind),
                tickets::status.eq(ticket.status),
                tickets::title.eq(ticket.title),
                tickets::description.eq(ticket.title),
                tickets::channel.eq(ticket.channel),
                tickets::priority.eq(ticket.priority),
                tickets::domain.eq(Some(ticket.domain)),
                tickets::requester_id.eq(Some(ticket.requester)),
                tickets::registered_by.eq(Some(ticket.requester)),
                tickets::site_id.eq(ticket.site),
                tickets::pole.eq(ticket.pole),
                tickets::assignee_id.eq(ticket.assignee()),
                tickets::solution.eq(resolved.map(|_| "Résolu (jeu de mesure).")),
                tickets::version.eq(i32::try_from(ticket.steps().len()).unwrap_or(1)),
                (
                    tickets::waiting_since.eq((ticket.status == Status::WaitingRequester).then_some(ticket.updated)),
                    tickets::registered_at.eq(ticket.registered),
                    tickets::updated_at.eq(ticket.updated),
                    tickets::resolved_at.eq(resolved),
                    tickets::closed_at.eq((ticket.status == Status::Closed).then_some(ticket.updated)),
                    tickets::source_ref.eq(Some(format!("volume:{reference}"))),
                ),
            )
        })
        .collect();
    let ids: Vec<i64> =
        diesel::insert_into(tickets::table).values(rows).returning(tickets::id).get_results(conn).await?;
    if ids.len() != chunk.len() {
        return Err(AppError::internal("the volume insert returned fewer ids than rows"));
    }
    let history: Vec<(i64, Step)> =
        chunk.iter().zip(&ids).flat_map(|(ticket, id)| ticket.steps().into_iter().map(|step| (*id, step))).collect();
    insert_history(conn, &history).await?;
    let qualifications: Vec<_> = chunk
        .iter()
        .zip(&ids)
        .filter_map(|(ticket, id)| {
            let (impact, urgency, item) = ticket.qualification?;
            Some((
                ticket_qualification::ticket_id.eq(*id),
                ticket_qualification::environment_id.eq(item),
                ticket_qualification::impact.eq(impact),
                ticket_qualification::urgency.eq(urgency),
                ticket_qualification::computed_priority.eq(ticket.priority),
                ticket_qualification::explanation.eq("Qualifié (jeu de mesure)."),
                ticket_qualification::qualified_by.eq(Some(ticket.agent)),
                ticket_qualification::qualified_at.eq(ticket.registered),
            ))
        })
        .collect();
    diesel::insert_into(ticket_qualification::table).values(qualifications).execute(conn).await?;
    let requests: Vec<_> = chunk
        .iter()
        .zip(&ids)
        .filter_map(|(ticket, id)| {
            Some((
                ticket_requests::ticket_id.eq(*id),
                ticket_requests::catalog_entry_id.eq(ticket.catalog_entry?),
                ticket_requests::answers.eq(serde_json::json!([])),
            ))
        })
        .collect();
    diesel::insert_into(ticket_requests::table).values(requests).execute(conn).await?;
    // Open tickets get their clocks from the engine, as of their last change.
    for (ticket, id) in chunk.iter().zip(&ids) {
        if ticket.status.is_open() {
            sync(conn, rules, *id, ticket.updated).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_state_has_a_history_that_leads_to_it() {
        let at = DateTime::UNIX_EPOCH + Duration::days(20_000);
        for status in [Status::New, Status::InProgress, Status::WaitingRequester, Status::Resolved, Status::Closed] {
            let ticket = Generated {
                kind: Kind::Incident,
                priority: Priority::P3,
                pole: Pole::Front,
                domain: app::domain::ticket::ServiceDomain::Printing,
                title: "Imprimante",
                channel: Channel::Phone,
                requester: UserId(1),
                site: SiteId(1),
                agent: UserId(2),
                status,
                registered: at,
                updated: at + Duration::days(3),
                qualification: None,
                catalog_entry: None,
            };
            let steps = ticket.steps();
            assert_eq!(steps.last().map(|step| step.2), Some(status), "{status:?}");
            assert!(
                steps.windows(2).all(|pair| pair[0].2 == pair[1].1.unwrap() && pair[0].3 <= pair[1].3),
                "{status:?}"
            );
            assert_eq!(ticket.assignee().is_some(), status != Status::New);
        }
    }
}

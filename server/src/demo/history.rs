//! Six weeks of closed tickets before the sample week, so the SLA matrix has arrivals by hour of the week
//! and handle times to measure on first run: a Monday-morning peak at the Front Office, and an Atelier
//! whose one technician (short days, Monday to Thursday) is under-staffed. Generated from a fixed seed
//! (the same history on every machine) and inserted in bulk, already closed.

use app::db::schema::{sites, ticket_effort, ticket_history, tickets, users};
use app::domain::calendar::{local_date, paris};
use app::domain::capacity::simulation::Random;
use app::domain::ids::{SiteId, UserId};
use app::domain::people::Pole;
use app::domain::ticket::{Channel, Kind, Priority, ServiceDomain, TicketRef};
use app::domain::workflow::{Action, Status};
use app::error::{AppError, AppResult};
use app::tickets::service::{registration_year, reserve_references};
use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::BTreeMap;

/// Weeks of history before the sample week.
pub const WEEKS: i64 = 6;
const SEED: u64 = 0x1A_AA09;
/// Rows per INSERT (PostgreSQL takes at most 65,535 parameters in one statement).
pub(super) const CHUNK: usize = 500;

/// Mean arrivals per hour at `pole`, on `weekday` (0 = Monday) at `hour` (local time).
fn arrivals_per_hour(pole: Pole, weekday: u32, hour: u32) -> f64 {
    let open = match weekday {
        0..=4 => (8..18).contains(&hour),
        5 => (9..12).contains(&hour),
        _ => false,
    };
    if !open {
        return 0.0;
    }
    let lunch = hour == 12;
    match pole {
        // Monday morning: everyone back, passwords forgotten, printers jammed over the weekend.
        Pole::Front if weekday == 0 && (9..11).contains(&hour) => 9.0,
        Pole::Front if weekday == 0 => 4.5,
        Pole::Front if weekday == 5 => 1.5,
        Pole::Front if lunch => 1.5,
        Pole::Front if weekday == 4 && hour >= 15 => 2.0,
        Pole::Front => 3.5,
        Pole::Back if weekday == 0 && (10..12).contains(&hour) => 2.5,
        Pole::Back if weekday == 5 || lunch => 0.3,
        Pole::Back => 1.2,
        Pole::Expert if weekday == 5 => 0.0,
        Pole::Expert => 0.3,
        Pole::Atelier if weekday == 5 => 0.0,
        Pole::Atelier => 0.55,
        Pole::Quality => 0.0,
    }
}

/// What a pole's tickets are like: types, domains, titles, and the mean effort they take (minutes).
pub(super) struct Profile {
    pub(super) kinds: &'static [(Kind, u32)],
    pub(super) domains: &'static [ServiceDomain],
    pub(super) titles: &'static [&'static str],
    pub(super) effort_minutes: f64,
    pub(super) agents: &'static [&'static str],
}

pub(super) fn profile(pole: Pole) -> Profile {
    use ServiceDomain::*;
    match pole {
        Pole::Front => Profile {
            kinds: &[(Kind::Incident, 60), (Kind::Request, 40)],
            domains: &[Account, Printing, Messaging, Workstation, Telephony],
            titles: &[
                "Mot de passe Windows expiré",
                "Imprimante bloquée par un bourrage",
                "Outlook ne se connecte plus",
                "Écran noir au démarrage du poste",
                "Téléphone fixe sans tonalité",
                "Accès au dossier partagé de l'agence",
            ],
            effort_minutes: 14.0,
            agents: &["n1@immo9.fr", "superviseur@immo9.fr"],
        },
        Pole::Back => Profile {
            kinds: &[(Kind::Incident, 50), (Kind::Request, 50)],
            domains: &[Software, Network, Business, Account],
            titles: &[
                "Logiciel de gestion des ventes en erreur",
                "VPN de l'agence instable",
                "Installation d'un logiciel de plans",
                "Droits sur l'application de gestion locative",
                "Lenteurs sur le serveur de fichiers",
            ],
            effort_minutes: 42.0,
            agents: &["n2@immo9.fr"],
        },
        Pole::Expert => Profile {
            kinds: &[(Kind::Incident, 40), (Kind::Problem, 20), (Kind::Change, 40)],
            domains: &[Infrastructure, Security, Network],
            titles: &[
                "Sauvegarde nocturne en échec",
                "Mise à jour du pare-feu du siège",
                "Certificat du portail client à renouveler",
                "Coupures répétées du lien fibre d'une agence",
            ],
            effort_minutes: 115.0,
            agents: &["expert@immo9.fr"],
        },
        Pole::Atelier | Pole::Quality => Profile {
            kinds: &[(Kind::Request, 70), (Kind::Incident, 30)],
            domains: &[Workstation, Printing],
            titles: &[
                "Préparation d'un poste pour un nouvel arrivant",
                "Remplacement d'un disque défaillant",
                "Réparation d'un portable de chantier",
                "Reconditionnement d'un poste restitué",
            ],
            effort_minutes: 105.0,
            agents: &["atelier@immo9.fr"],
        },
    }
}

/// The requesters of the history: the demo's site employees other than the personas tests follow.
pub(super) const REQUESTERS: &[&str] = &[
    "sophie.delmas@immo9.fr",
    "lucas.bernard@immo9.fr",
    "emma.petit@immo9.fr",
    "hugo.robert@immo9.fr",
    "lea.richard@immo9.fr",
    "louis.durand@immo9.fr",
    "chloe.moreau@immo9.fr",
    "nathan.simon@immo9.fr",
    "manon.laurent@immo9.fr",
    "theo.michel@immo9.fr",
    "karim.haddad@immo9.fr",
    "pierre.fontaine@immo9.fr",
];

pub(super) fn pick<T: Copy>(random: &mut Random, items: &[T]) -> T {
    items[(random.next_u64() % items.len() as u64) as usize]
}

pub(super) fn weighted<T: Copy>(random: &mut Random, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, weight)| weight).sum();
    let mut draw = (random.next_u64() % u64::from(total.max(1))) as u32;
    for (item, weight) in items {
        if draw < *weight {
            return *item;
        }
        draw -= weight;
    }
    items[0].0
}

/// One generated ticket.
struct Past {
    kind: Kind,
    priority: Priority,
    pole: Pole,
    domain: ServiceDomain,
    title: &'static str,
    channel: Channel,
    requester: UserId,
    site: SiteId,
    agent: UserId,
    registered: DateTime<Utc>,
    taken: DateTime<Utc>,
    resolved: DateTime<Utc>,
    closed: DateTime<Utc>,
    effort_minutes: i32,
}

/// Inserts the history of the six weeks before the Monday of the week `sample_start` falls in (the sample
/// week follows it). Returns how many tickets it made.
pub async fn load(conn: &mut AsyncPgConnection, sample_start: DateTime<Utc>) -> AppResult<usize> {
    let logins: Vec<(String, UserId, SiteId)> =
        users::table.inner_join(sites::table).select((users::login, users::id, sites::id)).load(conn).await?;
    let find = |login: &str| {
        logins
            .iter()
            .find(|(of, _, _)| of == login)
            .map(|(_, id, site)| (*id, *site))
            .ok_or_else(|| AppError::internal("a demo account of the history is missing"))
    };
    let requesters: Vec<(UserId, SiteId)> = REQUESTERS.iter().map(|login| find(login)).collect::<AppResult<_>>()?;
    let sample_start = local_date(sample_start);
    let end = sample_start - Duration::days(i64::from(sample_start.weekday().num_days_from_monday()));
    let start = end - Duration::weeks(WEEKS);

    let mut random = Random::new(SEED);
    let mut past = Vec::new();
    for day in 0..WEEKS * 7 {
        let date = start + Duration::days(day);
        let weekday = date.weekday().num_days_from_monday();
        for hour in 0..24 {
            let hour_start = paris(date, NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN));
            for pole in [Pole::Front, Pole::Back, Pole::Expert, Pole::Atelier] {
                let rate = arrivals_per_hour(pole, weekday, hour);
                if rate == 0.0 {
                    continue;
                }
                // Poisson arrivals: exponential gaps within the hour.
                let mut minute = random.exponential(60.0 / rate);
                while minute < 60.0 {
                    let registered = hour_start + Duration::seconds((minute * 60.0) as i64);
                    past.push(generate(&mut random, pole, registered, &requesters, &find)?);
                    minute += random.exponential(60.0 / rate);
                }
            }
        }
    }
    insert(conn, &past).await?;
    Ok(past.len())
}

fn generate(
    random: &mut Random,
    pole: Pole,
    registered: DateTime<Utc>,
    requesters: &[(UserId, SiteId)],
    find: &impl Fn(&str) -> AppResult<(UserId, SiteId)>,
) -> AppResult<Past> {
    let profile = profile(pole);
    let kind = weighted(random, profile.kinds);
    let priority = weighted(random, &[(Priority::P1, 4), (Priority::P2, 16), (Priority::P3, 60), (Priority::P4, 20)]);
    let (requester, site) = pick(random, requesters);
    let (agent, _) = find(pick(random, profile.agents))?;
    let effort = random.handle_time(
        app::domain::capacity::simulation::HandleTime::LogNormal { variation: 0.8 },
        profile.effort_minutes,
    );
    let effort_minutes = (effort.round() as i32).max(1);
    let wait = Duration::minutes(match priority {
        Priority::P1 => 2 + (random.next_u64() % 12) as i64,
        Priority::P2 => 5 + (random.next_u64() % 30) as i64,
        _ => 10 + (random.next_u64() % 150) as i64,
    });
    let taken = registered + wait;
    let resolved =
        taken + Duration::minutes(i64::from(effort_minutes)) + Duration::minutes((random.next_u64() % 240) as i64);
    Ok(Past {
        kind,
        priority,
        pole,
        domain: pick(random, profile.domains),
        title: pick(random, profile.titles),
        channel: weighted(random, &[(Channel::Phone, 45), (Channel::Portal, 35), (Channel::Mail, 20)]),
        requester,
        site,
        agent,
        registered,
        taken,
        resolved,
        closed: resolved + Duration::days(2),
        effort_minutes,
    })
}

/// Readable references for tickets of these kinds registered at these instants, in that order: reserved per
/// kind and year in one block each, so concurrent registrations never share a number.
pub(super) async fn references_in_order(
    conn: &mut AsyncPgConnection,
    tickets: &[(Kind, DateTime<Utc>)],
) -> AppResult<Vec<String>> {
    let mut counts: BTreeMap<(Kind, u16), u32> = BTreeMap::new();
    for (kind, registered) in tickets {
        *counts.entry((*kind, registration_year(*registered))).or_default() += 1;
    }
    let mut next: BTreeMap<(Kind, u16), u32> = BTreeMap::new();
    for ((kind, year), count) in counts {
        next.insert((kind, year), reserve_references(conn, kind, year, count).await?);
    }
    let mut references = Vec::with_capacity(tickets.len());
    for (kind, registered) in tickets {
        let key = (*kind, registration_year(*registered));
        let seq = next.get_mut(&key).ok_or_else(|| AppError::internal("no reference block"))?;
        references.push(TicketRef { kind: *kind, year: key.1, seq: *seq }.to_string());
        *seq += 1;
    }
    Ok(references)
}

/// One entry of a ticket's history: action, state before and after, when, by whom.
pub(super) type Step = (&'static str, Option<Status>, Status, DateTime<Utc>, Option<UserId>);

/// Appends history entries (ticket id, step) in bulk.
pub(super) async fn insert_history(conn: &mut AsyncPgConnection, entries: &[(i64, Step)]) -> AppResult<()> {
    for part in entries.chunks(CHUNK) {
        let rows: Vec<_> = part
            .iter()
            .map(|(id, (action, from, to, at, actor))| {
                (
                    ticket_history::ticket_id.eq(*id),
                    ticket_history::at.eq(*at),
                    ticket_history::actor_id.eq(*actor),
                    ticket_history::action.eq(*action),
                    ticket_history::from_status.eq(*from),
                    ticket_history::to_status.eq(*to),
                    ticket_history::detail.eq(serde_json::json!({})),
                )
            })
            .collect();
        diesel::insert_into(ticket_history::table).values(rows).execute(conn).await?;
    }
    Ok(())
}

async fn insert(conn: &mut AsyncPgConnection, past: &[Past]) -> AppResult<()> {
    let references =
        references_in_order(conn, &past.iter().map(|ticket| (ticket.kind, ticket.registered)).collect::<Vec<_>>())
            .await?;
    for (chunk, chunk_refs) in past.chunks(CHUNK).zip(references.chunks(CHUNK)) {
        let rows: Vec<_> = chunk
            .iter()
            .zip(chunk_refs)
            .map(|(ticket, reference)| {
                (
                    tickets::reference.eq(reference.clone()),
                    tickets::kind.eq(ticket.kind),
                    tickets::status.eq(Status::Closed),
                    tickets::title.eq(ticket.title),
                    tickets::description.eq(ticket.title),
                    tickets::channel.eq(ticket.channel),
                    tickets::priority.eq(ticket.priority),
                    tickets::domain.eq(Some(ticket.domain)),
                    tickets::requester_id.eq(Some(ticket.requester)),
                    tickets::registered_by.eq(Some(ticket.requester)),
                    tickets::site_id.eq(ticket.site),
                    tickets::pole.eq(ticket.pole),
                    tickets::assignee_id.eq(Some(ticket.agent)),
                    tickets::solution.eq(Some("Résolu (historique de démonstration).")),
                    tickets::version.eq(4),
                    (
                        tickets::registered_at.eq(ticket.registered),
                        tickets::updated_at.eq(ticket.closed),
                        tickets::resolved_at.eq(Some(ticket.resolved)),
                        tickets::closed_at.eq(Some(ticket.closed)),
                        tickets::source_ref.eq(Some(format!("demo:historique:{reference}"))),
                    ),
                )
            })
            .collect();
        let ids: Vec<i64> =
            diesel::insert_into(tickets::table).values(rows).returning(tickets::id).get_results(conn).await?;
        if ids.len() != chunk.len() {
            return Err(AppError::internal("the history insert returned fewer ids than rows"));
        }
        let effort: Vec<_> = chunk
            .iter()
            .zip(&ids)
            .map(|(ticket, id)| {
                (
                    ticket_effort::ticket_id.eq(*id),
                    ticket_effort::agent_id.eq(ticket.agent),
                    ticket_effort::pole.eq(ticket.pole),
                    ticket_effort::minutes.eq(ticket.effort_minutes),
                    ticket_effort::action.eq(Some(Action::Resolve.code())),
                    ticket_effort::at.eq(ticket.resolved),
                )
            })
            .collect();
        diesel::insert_into(ticket_effort::table).values(effort).execute(conn).await?;
        let mut history = Vec::with_capacity(chunk.len() * 4);
        for (ticket, id) in chunk.iter().zip(&ids) {
            history.extend(
                [
                    ("ENREGISTRER", None, Status::New, ticket.registered, Some(ticket.requester)),
                    (Action::Take.code(), Some(Status::New), Status::InProgress, ticket.taken, Some(ticket.agent)),
                    (
                        Action::Resolve.code(),
                        Some(Status::InProgress),
                        Status::Resolved,
                        ticket.resolved,
                        Some(ticket.agent),
                    ),
                    (Action::Close.code(), Some(Status::Resolved), Status::Closed, ticket.closed, None),
                ]
                .map(|step| (*id, step)),
            );
        }
        insert_history(conn, &history).await?;
    }
    Ok(())
}

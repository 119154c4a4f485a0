//! The sample week of activities (`server/demo/activites-exemple.csv`, as the Front Office receives them)
//! registered through the real service, then moved into plausible states by real transitions, so the
//! product looks alive on first run and every history reads as it would in production.

use app::auth::CurrentUser;
use app::auth::db::load_current_user;
use app::db::schema::{sites, tickets, users};
use app::domain::calendar::{PublicHoliday, local_date};
use app::domain::ids::{SiteId, UserId};
use app::domain::import::title_of;
use app::domain::people::Pole;
use app::domain::ticket::{Channel, Kind, Priority, ServiceDomain, TicketRef};
use app::domain::workflow::Action;
use app::error::{AppError, AppResult};
use app::tickets::service::{self, Actor};
use app::tickets::{NewTicket, TransitionRequest};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

const SAMPLE: &str = include_str!("../../demo/activites-exemple.csv");

/// One line of the sample.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleActivity {
    pub source: String,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub site: String,
    pub typology: String,
    pub description: String,
    pub kind: Kind,
    pub domain: ServiceDomain,
    pub pole: Pole,
}

fn channel(text: &str) -> Option<Channel> {
    match text.trim().to_lowercase().as_str() {
        "telephone" | "téléphone" => Some(Channel::Phone),
        "mail" | "courriel" => Some(Channel::Mail),
        "portail" => Some(Channel::Portal),
        "supervision" => Some(Channel::Monitoring),
        "guichet" => Some(Channel::WalkIn),
        _ => None,
    }
}

/// Reads the sample. The description is everything between the fifth field and the last three, so a
/// semicolon typed inside it does not shift the columns.
pub fn parse(text: &str) -> Result<Vec<SampleActivity>, String> {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let line_no = index + 1;
            let fields: Vec<&str> = line.split(';').collect();
            if fields.len() < 9 {
                return Err(format!("ligne {line_no} : {} champs au lieu de 9", fields.len()));
            }
            let tail = &fields[fields.len() - 3..];
            let bad = |what: &str, value: &str| format!("ligne {line_no} : {what} invalide « {value} »");
            Ok(SampleActivity {
                source: fields[0].trim().to_owned(),
                at: NaiveDateTime::parse_from_str(fields[1].trim(), "%Y-%m-%dT%H:%M:%S")
                    .map_err(|_| bad("horodatage", fields[1]))?,
                channel: channel(fields[2]).ok_or_else(|| bad("canal", fields[2]))?,
                site: fields[3].trim().to_owned(),
                typology: fields[4].trim().to_lowercase(),
                description: fields[5..fields.len() - 3].join(";").trim().to_owned(),
                kind: tail[0].trim().parse().map_err(|_| bad("type", tail[0]))?,
                domain: tail[1].trim().parse().map_err(|_| bad("domaine", tail[1]))?,
                pole: tail[2].trim().parse().map_err(|_| bad("pôle", tail[2]))?,
            })
        })
        .collect()
}

/// How many working days the sample's week is folded into, so that the desk reads as it does on a working
/// day: the oldest open tickets two or three days old, the newest of the morning, every SLA band present.
const RECENT_WORKING_DAYS: usize = 3;

/// A working day of the head office: Monday to Friday, public holidays aside.
fn is_working_day(day: NaiveDate) -> bool {
    day.weekday().num_days_from_monday() < 5 && PublicHoliday::on(day).is_none()
}

/// The `count` working days that end with `today` (or with the last one before it), oldest first.
fn working_days_until(today: NaiveDate, count: usize) -> Vec<NaiveDate> {
    let mut days = Vec::with_capacity(count);
    let mut day = today;
    while days.len() < count {
        if is_working_day(day) {
            days.push(day);
        }
        day = day.pred_opt().expect("the calendar goes back far enough");
    }
    days.reverse();
    days
}

/// When each activity of the sample is registered: its day of the sample folded into the last working days
/// before `now` (the first days of the sample onto the oldest), at its own time of day; one that would fall
/// after `now` (a morning run, say) goes to the working day before. The order of the sample is kept within
/// a day.
pub fn placement(now: DateTime<Utc>, activities: &[SampleActivity]) -> Vec<DateTime<Utc>> {
    let mut sample_days: Vec<NaiveDate> = activities.iter().map(|activity| activity.at.date()).collect();
    sample_days.sort();
    sample_days.dedup();
    let recent = working_days_until(local_date(now), RECENT_WORKING_DAYS);
    let earlier = |day: NaiveDate| working_days_until(day.pred_opt().expect("a day before"), 1)[0];
    activities
        .iter()
        .map(|activity| {
            let rank = sample_days.iter().position(|day| *day == activity.at.date()).unwrap_or(0);
            let mut day = recent[rank * recent.len() / sample_days.len().max(1)];
            let mut at = paris_at(day, activity.at.time());
            while at > now - TimeDelta::minutes(10) {
                day = earlier(day);
                at = paris_at(day, activity.at.time());
            }
            at
        })
        .collect()
}

/// When the sample's first activity is registered: the demo history ends before it.
pub fn sample_start(now: DateTime<Utc>) -> AppResult<DateTime<Utc>> {
    let activities = parse(SAMPLE).map_err(|error| AppError::validation("demo", error))?;
    placement(now, &activities).into_iter().min().ok_or_else(|| AppError::internal("the sample is empty"))
}

fn paris_at(day: NaiveDate, time: chrono::NaiveTime) -> DateTime<Utc> {
    paris(day.and_time(time))
}

fn paris(local: NaiveDateTime) -> DateTime<Utc> {
    chrono_tz::Europe::Paris
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc))
}

/// Who raised an activity at a site, by its typology.
fn requester_login(activity: &SampleActivity) -> Option<&'static str> {
    if activity.typology == "direction" {
        return Some("sophie.delmas@immo9.fr");
    }
    Some(match activity.site.as_str() {
        "Siège Bordeaux" => "julie.perrin@immo9.fr",
        "Agence Arcachon" => "lucas.bernard@immo9.fr",
        "Agence Mérignac" => "emma.petit@immo9.fr",
        "Agence Pessac" => "hugo.robert@immo9.fr",
        "Agence Libourne" => "employe@immo9.fr",
        "Agence Langon" => "lea.richard@immo9.fr",
        "Agence Blaye" => "louis.durand@immo9.fr",
        "Agence Talence" => "chloe.moreau@immo9.fr",
        "Agence Cenon" => "nathan.simon@immo9.fr",
        "Agence Lormont" => "manon.laurent@immo9.fr",
        "Agence Saint-Médard" => "theo.michel@immo9.fr",
        "Chantier Les Terrasses du Lac" => "karim.haddad@immo9.fr",
        "Chantier Résidence Garonne" => "pierre.fontaine@immo9.fr",
        _ => return None,
    })
}

fn pole_agent_login(pole: Pole) -> &'static str {
    match pole {
        Pole::Front | Pole::Quality => "n1@immo9.fr",
        Pole::Back => "n2@immo9.fr",
        Pole::Expert => "expert@immo9.fr",
        Pole::Atelier => "atelier@immo9.fr",
    }
}

struct People {
    by_login: HashMap<&'static str, CurrentUser>,
}

impl People {
    fn get(&self, login: &str) -> AppResult<&CurrentUser> {
        self.by_login.get(login).ok_or_else(|| AppError::not_found(format!("compte de démonstration {login}")))
    }
}

async fn version_of(conn: &mut AsyncPgConnection, reference: &TicketRef) -> AppResult<i32> {
    Ok(tickets::table.filter(tickets::reference.eq(reference.to_string())).select(tickets::version).first(conn).await?)
}

async fn act(
    conn: &mut AsyncPgConnection,
    actor: &CurrentUser,
    reference: &TicketRef,
    action: Action,
    fill: impl FnOnce(&mut TransitionRequest),
    at: DateTime<Utc>,
) -> AppResult<()> {
    let mut request = TransitionRequest::new(action, version_of(conn, reference).await?);
    fill(&mut request);
    service::transition(conn, Actor::Person(actor), reference, request, at).await
}

/// Registers the sample and moves each activity along its lifecycle. Returns how many were registered.
pub async fn load(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<usize> {
    let activities = parse(SAMPLE).map_err(|error| AppError::validation("demo", error))?;
    let placed = placement(now, &activities);
    let site_ids: HashMap<String, SiteId> =
        sites::table.select((sites::name, sites::id)).load::<(String, SiteId)>(conn).await?.into_iter().collect();
    let mut by_login = HashMap::new();
    let logins: Vec<&'static str> = super::ACCOUNTS.iter().map(|account| account.login).collect();
    for login in logins {
        let id: UserId = users::table.filter(users::login.eq(login)).select(users::id).first(conn).await?;
        by_login.insert(login, load_current_user(conn, id).await?);
    }
    let people = People { by_login };

    // In the sample's order (which the placement keeps but for the few moved back a day), with the
    // escalations a running server would have fired in between, each at its instant.
    for (index, activity) in activities.iter().enumerate() {
        escalate_until(conn, placed[index]).await?;
        register_and_move(conn, &people, &site_ids, index, activity, placed[index], now).await.map_err(|error| {
            AppError::validation("demo", format!("activité {} de l'échantillon : {}", activity.source, error.message()))
        })?;
    }
    escalate_until(conn, now).await?;
    Ok(activities.len())
}

/// Fires the SLA escalations due up to `until`, each at its own instant, as a running server's job would
/// have: none of them is late when the product starts.
async fn escalate_until(conn: &mut AsyncPgConnection, until: DateTime<Utc>) -> AppResult<()> {
    use app::db::schema::ticket_clocks;
    loop {
        let next: Option<DateTime<Utc>> = ticket_clocks::table
            .filter(ticket_clocks::next_escalation_at.le(until))
            .select(diesel::dsl::min(ticket_clocks::next_escalation_at))
            .first(conn)
            .await?;
        let Some(next) = next else { return Ok(()) };
        app::sla::clocks::run_escalations(conn, next).await?;
    }
}

async fn register_and_move(
    conn: &mut AsyncPgConnection,
    people: &People,
    site_ids: &HashMap<String, SiteId>,
    index: usize,
    activity: &SampleActivity,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    {
        // Later steps happen after the registration, never in the future.
        let later = |minutes: i64| (at + TimeDelta::minutes(minutes)).min(now - TimeDelta::minutes(1));
        let agent = people.get(pole_agent_login(activity.pole))?;
        let human = activity.channel != Channel::Monitoring && activity.typology != "it";
        let requester =
            if human { requester_login(activity).map(|login| people.get(login)).transpose()? } else { None };
        let first_contact = activity.pole == Pole::Front
            && activity.channel == Channel::Phone
            && activity.kind == Kind::Incident
            && index % 7 == 6;
        let registrar = match (activity.channel, requester) {
            (Channel::Monitoring, _) => Actor::System,
            (Channel::Portal, Some(person)) => Actor::Person(person),
            // Calls and mails are typed in by the Front Office; the desk's own activities by the pole.
            (_, Some(_)) => Actor::Person(people.get("n1@immo9.fr")?),
            (_, None) => Actor::Person(agent),
        };
        // On the portal the employee says neither the priority (the qualification's) nor an origin (a
        // system's): their tickets start at the default priority, like every real portal ticket.
        let by_the_desk = !matches!(registrar, Actor::Person(person) if requester.is_some_and(|r| r.id == person.id));
        let input = NewTicket {
            kind: Some(activity.kind),
            title: title_of(&activity.description),
            description: activity.description.clone(),
            channel: Some(activity.channel),
            priority: by_the_desk.then_some(match activity.typology.as_str() {
                "direction" => Priority::P2,
                _ if activity.domain == ServiceDomain::Business || activity.domain == ServiceDomain::Security => {
                    Priority::P2
                }
                _ => Priority::P3,
            }),
            domain: Some(activity.domain),
            requester: requester.map(|person| person.id),
            site: site_ids.get(&activity.site).copied(),
            pole: Some(activity.pole),
            solved_now: first_contact.then(|| "Résolu pendant l'appel avec l'utilisateur.".to_owned()),
            source_ref: by_the_desk.then(|| format!("demo:{}", activity.source)),
        };
        let reference = service::register(conn, registrar, input, at).await?;
        if first_contact {
            return Ok(());
        }
        // Employees' portal tickets arrive at the Front Office, which qualifies them and routes them on.
        let registered_pole: Pole = tickets::table
            .filter(tickets::reference.eq(reference.to_string()))
            .select(tickets::pole)
            .first(conn)
            .await?;
        if registered_pole != activity.pole {
            let n1 = people.get("n1@immo9.fr")?;
            act(
                conn,
                n1,
                &reference,
                Action::Escalate,
                |r| {
                    r.pole = Some(activity.pole);
                    r.reason = Some("Orientation après qualification par le Front Office.".into());
                },
                later(5),
            )
            .await?;
        }
        match activity.kind {
            Kind::Event => match index % 3 {
                0 => {}
                1 => act(conn, agent, &reference, Action::Acknowledge, |_| {}, later(10)).await?,
                _ => {
                    act(
                        conn,
                        agent,
                        &reference,
                        Action::Close,
                        |r| r.reason = Some("Seuil revenu à la normale sans intervention.".into()),
                        later(20),
                    )
                    .await?
                }
            },
            Kind::Problem => act(conn, agent, &reference, Action::Take, |_| {}, later(30)).await?,
            Kind::Change => {
                act(conn, agent, &reference, Action::Take, |_| {}, later(30)).await?;
                act(conn, agent, &reference, Action::SubmitForApproval, |_| {}, later(120)).await?;
            }
            Kind::Incident | Kind::Request => {
                let step = index % 7;
                if step >= 1 {
                    act(conn, agent, &reference, Action::Take, |r| r.minutes = Some(5), later(12)).await?;
                }
                match step {
                    2 => {
                        act(
                            conn,
                            agent,
                            &reference,
                            Action::AskRequester,
                            |r| {
                                r.question =
                                    Some("Pouvez-vous préciser depuis quand et sur quel poste cela se produit ?".into())
                            },
                            // Asked within the last day: the requester has not been reminded yet.
                            later(40).max(now - TimeDelta::hours(20)),
                        )
                        .await?
                    }
                    3 | 4 | 6 => {
                        act(
                            conn,
                            agent,
                            &reference,
                            Action::Resolve,
                            |r| {
                                r.solution = Some("Intervention réalisée ; le service fonctionne de nouveau.".into());
                                r.minutes = Some(20);
                            },
                            later(90),
                        )
                        .await?;
                        if step != 3
                            && let Some(requester) = requester
                        {
                            act(conn, requester, &reference, Action::Confirm, |_| {}, later(240)).await?;
                        }
                    }
                    5 if activity.pole == Pole::Front => {
                        act(
                            conn,
                            agent,
                            &reference,
                            Action::Escalate,
                            |r| {
                                r.pole = Some(Pole::Back);
                                r.reason = Some("Nécessite une intervention du Back Office.".into());
                            },
                            later(30),
                        )
                        .await?
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_reads_completely_even_with_a_semicolon_in_a_description() {
        let activities = parse(SAMPLE).unwrap();
        assert_eq!(activities.len(), 60);
        let a027 = activities.iter().find(|a| a.source == "A027").unwrap();
        assert!(a027.description.contains("la nuit ; trois fois"), "{}", a027.description);
        assert_eq!((a027.kind, a027.domain, a027.pole), (Kind::Problem, ServiceDomain::Infrastructure, Pole::Back));
        for activity in &activities {
            if activity.channel != Channel::Monitoring && activity.typology != "it" {
                assert!(requester_login(activity).is_some(), "{} has no demo requester", activity.source);
            }
        }
    }

    #[test]
    fn broken_lines_are_reported_with_their_number() {
        let cases = [
            (
                "ref;h;c;s;t;d;type;dom;pole\nA1;2026-03-02T08:00:00;telephone;S;agence;x;INCIDENT;POSTE",
                "ligne 2 : 8 champs",
            ),
            ("ref\nA1;hier;telephone;S;agence;x;INCIDENT;POSTE;FRONT", "ligne 2 : horodatage invalide"),
            ("ref\nA1;2026-03-02T08:00:00;pigeon;S;agence;x;INCIDENT;POSTE;FRONT", "ligne 2 : canal invalide"),
            ("ref\nA1;2026-03-02T08:00:00;mail;S;agence;x;PANNE;POSTE;FRONT", "ligne 2 : type invalide"),
        ];
        for (text, expected) in cases {
            assert!(parse(text).unwrap_err().starts_with(expected), "{expected}");
        }
    }

    #[test]
    fn titles_are_the_first_sentence_cut_at_a_word() {
        assert_eq!(title_of("Le Wi-Fi ne marche plus. Depuis ce matin."), "Le Wi-Fi ne marche plus");
        let long = "Dans le logiciel de gestion des ventes, la réservation du lot B12 apparaît deux fois et bloque l'édition du contrat";
        let title = title_of(long);
        assert!(title.ends_with('…') && title.chars().count() <= 90, "{title}");
        assert!(long.starts_with(title.trim_end_matches('…')));
    }

    #[test]
    fn the_sample_lands_on_the_last_working_days_at_its_own_times_and_never_after_now() {
        let activities = parse(SAMPLE).unwrap();
        // A Wednesday morning, a Saturday, a Monday at dawn, the day after Christmas's Friday.
        let cases = [
            (Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap(), "2026-11-27"),
            (Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap(), "2026-12-01"),
            (Utc.with_ymd_and_hms(2026, 12, 7, 5, 0, 0).unwrap(), "2026-12-02"),
            (Utc.with_ymd_and_hms(2026, 12, 28, 9, 0, 0).unwrap(), "2026-12-22"),
        ];
        for (now, oldest_day) in cases {
            let placed = placement(now, &activities);
            assert_eq!(placed.len(), activities.len());
            for (activity, at) in activities.iter().zip(&placed) {
                let local = at.with_timezone(&chrono_tz::Europe::Paris);
                assert!(*at < now, "{} at {local} after {now}", activity.source);
                assert_eq!(local.time(), activity.at.time(), "{} keeps its time of day", activity.source);
                assert!(is_working_day(local.date_naive()), "{} on {local}", activity.source);
                assert!(local.date_naive() >= oldest_day.parse().unwrap(), "{} on {local} ({now})", activity.source);
            }
            let newest = placed.iter().max().unwrap();
            assert!(now - *newest < TimeDelta::days(4), "the newest activity is recent: {newest} for {now}");
        }
    }
}

//! Campaigns in the database: the banners live for a person, the history, publishing and withdrawing a
//! banner (Qualité and administrators, audited), and the messages of a major incident, sent in the
//! transaction of the link that makes an incident major and of its resolution.

use super::{Banner, BannerForm, CampaignEntry, CampaignsPage};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::audit;
use crate::db::schema::{campaign_messages, campaigns, sites, ticket_links, tickets, users};
use crate::directory::db::site_names;
use crate::domain::campaign::{Audience, BannerDraft, CampaignKind, Phase, Severity, check_banner, state};
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Role, Typology};
use crate::domain::ticket::LinkKind;
use crate::error::{AppError, AppResult, FieldMessage};
use crate::i18n::steering::{banner_problem_message, major_incident_message, s};
use crate::notifications::{Event, notify};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// Who publishes and withdraws banners.
pub fn may_publish(user: &CurrentUser) -> bool {
    user.roles.has_any(&[Role::Quality, Role::Admin])
}

type CampaignRow = (
    i64,
    String,
    String,
    String,
    String,
    Vec<i64>,
    Vec<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<String>,
    Option<String>,
    Option<DateTime<Utc>>,
);

/// A banner's id, title, message, severity, sites, typologies and end.
type BannerRow = (i64, String, String, String, Vec<i64>, Vec<String>, Option<DateTime<Utc>>);

/// A campaign's kind, start, end and withdrawal.
type StateRow = (String, DateTime<Utc>, Option<DateTime<Utc>>, Option<DateTime<Utc>>);

fn severity_of(code: &str) -> Severity {
    Severity::from_code(code).unwrap_or(Severity::Info)
}

fn audience_of(sites: Vec<i64>, typologies: &[String]) -> Audience {
    Audience {
        sites: sites.into_iter().map(SiteId).collect(),
        typologies: typologies.iter().filter_map(|code| Typology::from_code(code)).collect(),
    }
}

/// The banners showing now to `user`, alerts first, then the latest.
pub async fn live_banners(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> AppResult<Vec<Banner>> {
    let rows: Vec<BannerRow> = campaigns::table
        .filter(campaigns::kind.eq(CampaignKind::Banner.code()))
        .filter(campaigns::withdrawn_at.is_null())
        .filter(campaigns::starts_at.le(now))
        .filter(campaigns::ends_at.gt(now))
        .order(campaigns::starts_at.desc())
        .select((
            campaigns::id,
            campaigns::title,
            campaigns::message,
            campaigns::severity,
            campaigns::site_ids,
            campaigns::typologies,
            campaigns::ends_at,
        ))
        .load(conn)
        .await?;
    let mut banners: Vec<Banner> = rows
        .into_iter()
        .filter(|(_, _, _, _, sites, typologies, _)| {
            audience_of(sites.clone(), typologies).reaches(user.site.id, user.typology)
        })
        .map(|(id, title, message, severity, _, _, ends_at)| Banner {
            id,
            title,
            message,
            severity: severity_of(&severity),
            ends_at,
        })
        .collect();
    banners.sort_by_key(|banner| banner.severity != Severity::Alert);
    Ok(banners)
}

/// Every campaign, latest first, with who was told of each major incident.
pub async fn page(conn: &mut AsyncPgConnection, user: &CurrentUser, now: DateTime<Utc>) -> AppResult<CampaignsPage> {
    let rows: Vec<CampaignRow> = campaigns::table
        .left_join(users::table.on(users::id.nullable().eq(campaigns::created_by)))
        .left_join(tickets::table.on(tickets::id.nullable().eq(campaigns::ticket_id)))
        .order(campaigns::starts_at.desc())
        .limit(500)
        .select((
            campaigns::id,
            campaigns::kind,
            campaigns::title,
            campaigns::message,
            campaigns::severity,
            campaigns::site_ids,
            campaigns::typologies,
            campaigns::starts_at,
            campaigns::ends_at,
            tickets::reference.nullable(),
            users::display_name.nullable(),
            campaigns::withdrawn_at,
        ))
        .load(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let told: Vec<(i64, String, i64)> = campaign_messages::table
        .filter(campaign_messages::campaign_id.eq_any(&ids))
        .group_by((campaign_messages::campaign_id, campaign_messages::phase))
        .select((campaign_messages::campaign_id, campaign_messages::phase, diesel::dsl::count_star()))
        .load(conn)
        .await?;
    let told: HashMap<(i64, String), i64> = told.into_iter().map(|(id, phase, n)| ((id, phase), n)).collect();
    let sites = site_names(conn).await?;
    let name_of =
        |id: i64| sites.iter().find(|site| site.id.0 == id).map_or_else(|| format!("#{id}"), |s| s.name.clone());
    let entries = rows
        .into_iter()
        .map(
            |(
                id,
                kind,
                title,
                message,
                severity,
                site_ids,
                typologies,
                starts_at,
                ends_at,
                ticket,
                author,
                withdrawn,
            )| {
                CampaignEntry {
                    id,
                    kind: CampaignKind::from_code(&kind).unwrap_or(CampaignKind::Banner),
                    title,
                    message,
                    severity: severity_of(&severity),
                    sites: site_ids.iter().map(|id| name_of(*id)).collect(),
                    typologies: typologies.iter().filter_map(|code| Typology::from_code(code)).collect(),
                    starts_at,
                    ends_at,
                    state: state(starts_at, ends_at, withdrawn, now),
                    ticket: ticket.and_then(|reference| reference.parse().ok()),
                    created_by: author,
                    told_at_start: told.get(&(id, Phase::Start.code().to_owned())).copied().unwrap_or(0),
                    told_at_end: told.get(&(id, Phase::End.code().to_owned())).copied().unwrap_or(0),
                }
            },
        )
        .collect();
    Ok(CampaignsPage { entries, sites, may_publish: may_publish(user) })
}

/// A Paris wall-clock time typed in a `datetime-local` input.
fn paris_instant(field: &str, text: &str) -> AppResult<DateTime<Utc>> {
    let parsed = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| AppError::validation(field, s().campaign_bad_instant))?;
    chrono_tz::Europe::Paris
        .from_local_datetime(&parsed)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| AppError::validation(field, s().campaign_bad_instant))
}

/// Publishes a banner; answers its id. Every problem of the form is named at once.
pub async fn publish(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    form: BannerForm,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    if !may_publish(user) {
        return Err(AppError::Forbidden);
    }
    let starts_at = if form.starts_at.trim().is_empty() { now } else { paris_instant("starts_at", &form.starts_at)? };
    let ends_at = paris_instant("ends_at", &form.ends_at)?;
    let draft = BannerDraft {
        title: form.title.trim().to_owned(),
        message: form.message.trim().to_owned(),
        severity: form.severity,
        audience: form.audience,
        starts_at,
        ends_at,
    };
    let mut errors: Vec<FieldMessage> = check_banner(&draft, now)
        .into_iter()
        .map(|problem| FieldMessage { field: problem.field().to_owned(), message: banner_problem_message(problem) })
        .collect();
    let site_ids: Vec<i64> = draft.audience.sites.iter().map(|site| site.0).collect();
    let known: i64 = sites::table.filter(sites::id.eq_any(&site_ids)).count().get_result(conn).await?;
    if known != site_ids.len() as i64 {
        errors.push(FieldMessage { field: "sites".into(), message: s().campaign_unknown_site.into() });
    }
    if !errors.is_empty() {
        return Err(AppError::InvalidForm { errors });
    }
    let typologies: Vec<&str> = draft.audience.typologies.iter().map(|typology| typology.code()).collect();
    conn.transaction(async |conn| {
        let id: i64 = diesel::insert_into(campaigns::table)
            .values((
                campaigns::kind.eq(CampaignKind::Banner.code()),
                campaigns::title.eq(&draft.title),
                campaigns::message.eq(&draft.message),
                campaigns::severity.eq(draft.severity.code()),
                campaigns::site_ids.eq(&site_ids),
                campaigns::typologies.eq(&typologies),
                campaigns::starts_at.eq(draft.starts_at),
                campaigns::ends_at.eq(draft.ends_at),
                campaigns::created_by.eq(user.id.0),
                campaigns::created_at.eq(now),
            ))
            .returning(campaigns::id)
            .get_result(conn)
            .await?;
        audit(conn, user.id, "campagne", id.to_string(), "PUBLIER", serde_json::to_value(&draft).unwrap_or_default())
            .await?;
        Ok(id)
    })
    .await
}

/// Withdraws a banner before its end; a major incident's messages cannot be withdrawn.
pub async fn withdraw(conn: &mut AsyncPgConnection, user: &CurrentUser, id: i64, now: DateTime<Utc>) -> AppResult<()> {
    if !may_publish(user) {
        return Err(AppError::Forbidden);
    }
    conn.transaction(async |conn| {
        let row: Option<StateRow> = campaigns::table
            .find(id)
            .select((campaigns::kind, campaigns::starts_at, campaigns::ends_at, campaigns::withdrawn_at))
            .for_update()
            .first(conn)
            .await
            .optional()?;
        let Some((kind, starts, ends, withdrawn)) = row else {
            return Err(AppError::NotFound { what: s().campaign_not_found.into() });
        };
        if kind != CampaignKind::Banner.code() {
            return Err(AppError::conflict(s().campaign_not_a_banner));
        }
        use crate::domain::campaign::CampaignState::{Ended, Withdrawn};
        if matches!(state(starts, ends, withdrawn, now), Ended | Withdrawn) {
            return Err(AppError::conflict(s().campaign_already_over));
        }
        diesel::update(campaigns::table.find(id))
            .set((campaigns::withdrawn_at.eq(now), campaigns::withdrawn_by.eq(user.id.0)))
            .execute(conn)
            .await?;
        audit(conn, user.id, "campagne", id.to_string(), "RETIRER", serde_json::json!({})).await?;
        Ok(())
    })
    .await
}

/// The requesters of a major incident: its own and those of the incidents attached to it.
async fn major_incident_requesters(conn: &mut AsyncPgConnection, parent: i64) -> QueryResult<Vec<UserId>> {
    let children = ticket_links::table
        .filter(ticket_links::to_id.eq(parent))
        .filter(ticket_links::kind.eq(LinkKind::Child))
        .select(ticket_links::from_id);
    let mut requesters: Vec<UserId> = tickets::table
        .filter(tickets::id.eq(parent).or(tickets::id.eq_any(children)))
        .filter(tickets::requester_id.is_not_null())
        .select(tickets::requester_id.assume_not_null())
        .load(conn)
        .await?;
    requesters.sort();
    requesters.dedup();
    Ok(requesters)
}

/// Tells each requester of the major incident `campaign` who was not yet told of `phase`; answers how many.
async fn tell(
    conn: &mut AsyncPgConnection,
    campaign: i64,
    parent: i64,
    phase: Phase,
    message: &str,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    let event = Event::of_ticket(parent, &format!("majeur:{}", phase.code()), Actor::System, now);
    let mut told = 0;
    for requester in major_incident_requesters(conn, parent).await? {
        let inserted = diesel::insert_into(campaign_messages::table)
            .values((
                campaign_messages::campaign_id.eq(campaign),
                campaign_messages::recipient_id.eq(requester.0),
                campaign_messages::phase.eq(phase.code()),
                campaign_messages::sent_at.eq(now),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        if inserted > 0 {
            notify(conn, &event, Some(requester), message.to_owned()).await?;
            told += 1;
        }
    }
    Ok(told)
}

/// An incident became major (an incident was attached to `parent`), or gained a requester: its campaign
/// starts if it had none, and every requester not yet told hears of it. Runs in the link's transaction.
pub async fn major_incident_grew(conn: &mut AsyncPgConnection, parent: i64, now: DateTime<Utc>) -> QueryResult<()> {
    let (reference, title): (String, String) =
        tickets::table.find(parent).select((tickets::reference, tickets::title)).first(conn).await?;
    let existing: Option<(i64, Option<DateTime<Utc>>)> = campaigns::table
        .filter(campaigns::ticket_id.eq(parent))
        .select((campaigns::id, campaigns::ends_at))
        .first(conn)
        .await
        .optional()?;
    let campaign = match existing {
        // Already over: a late attachment does not reopen the communication.
        Some((_, Some(_))) => return Ok(()),
        Some((id, None)) => id,
        None => {
            let text = major_incident_message(Phase::Start, &reference, &title, None);
            diesel::insert_into(campaigns::table)
                .values((
                    campaigns::kind.eq(CampaignKind::MajorIncident.code()),
                    campaigns::title.eq(format!("{reference} — {title}").chars().take(120).collect::<String>()),
                    campaigns::message.eq(text.chars().take(1000).collect::<String>()),
                    campaigns::severity.eq(Severity::Alert.code()),
                    campaigns::starts_at.eq(now),
                    campaigns::ticket_id.eq(parent),
                    campaigns::created_at.eq(now),
                ))
                .returning(campaigns::id)
                .get_result(conn)
                .await?
        }
    };
    let text = major_incident_message(Phase::Start, &reference, &title, None);
    tell(conn, campaign, parent, Phase::Start, &text, now).await.map(|_| ())
}

/// A ticket was resolved: if it is a major incident in progress, its campaign ends and every requester
/// linked to it hears of the solution. Runs in the resolution's transaction.
pub async fn major_incident_resolved(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    solution: &str,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    let campaign: Option<i64> = campaigns::table
        .filter(campaigns::ticket_id.eq(ticket))
        .filter(campaigns::ends_at.is_null())
        .select(campaigns::id)
        .first(conn)
        .await
        .optional()?;
    let Some(campaign) = campaign else { return Ok(()) };
    let (reference, title): (String, String) =
        tickets::table.find(ticket).select((tickets::reference, tickets::title)).first(conn).await?;
    diesel::update(campaigns::table.find(campaign)).set(campaigns::ends_at.eq(now)).execute(conn).await?;
    let text = major_incident_message(Phase::End, &reference, &title, Some(solution));
    tell(conn, campaign, ticket, Phase::End, &text, now).await.map(|_| ())
}

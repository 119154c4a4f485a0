//! Reads each pole's open tickets, agents and schedules, assesses them with the pure domain, raises each
//! alert once per period (to the pole's supervisors and Qualité, in-app and by mail) and builds the page.

use super::{BacklogTicket, PoleBacklog, ProposalView, QUEUE_SHOWN};
use crate::auth::Actor;
use crate::db::schema::{
    agent_schedules, backlog_alerts, backlog_settings, catalog_entries, sites, ticket_effort, ticket_requests, tickets,
    user_roles, users,
};
use crate::domain::backlog::{Agent, AlertReason, Assessment, BacklogSettings, OpenTicket, alert_period, assess};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::UserId;
use crate::domain::people::{Pole, Role, SiteKind};
use crate::domain::ticket::Priority;
use crate::domain::workflow::Status;
use crate::error::{AppError, AppResult};
use crate::i18n::{business_duration, fill, pole_label, t};
use crate::notifications::{Event, notify_all};
use crate::sla::clocks::{Rules, resolution_consumed, supervisors_of};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// Statuses in which a ticket still needs the pole's work (a resolved ticket waits for its requester).
const WORKING: [Status; 6] = [
    Status::New,
    Status::InProgress,
    Status::Acknowledged,
    Status::WaitingRequester,
    Status::Approved,
    Status::KnownError,
];

/// What the page shows of a ticket besides what the assessment needs.
struct Shown {
    reference: String,
    title: String,
    assignee: Option<UserId>,
}

struct PoleData {
    settings: BacklogSettings,
    tickets: Vec<OpenTicket>,
    shown: HashMap<i64, Shown>,
    agents: Vec<Agent>,
    names: HashMap<UserId, String>,
}

#[derive(Queryable)]
struct OpenRow {
    id: i64,
    reference: String,
    title: String,
    priority: Priority,
    assignee: Option<UserId>,
    updated_at: DateTime<Utc>,
    estimate: Option<i32>,
}

#[derive(Queryable)]
struct AgentRow {
    id: UserId,
    name: String,
    site_kind: SiteKind,
    site_calendar: Option<String>,
    week: Option<serde_json::Value>,
}

fn minutes(value: i32) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

pub(crate) async fn settings(conn: &mut AsyncPgConnection) -> QueryResult<Vec<(Pole, BacklogSettings)>> {
    let rows: Vec<(Pole, i32, i32, i32)> = backlog_settings::table
        .select((
            backlog_settings::pole,
            backlog_settings::default_effort_minutes,
            backlog_settings::at_risk_alert,
            backlog_settings::stale_after_days,
        ))
        .load(conn)
        .await?;
    let mut rows: Vec<(Pole, BacklogSettings)> = rows
        .into_iter()
        .map(|(pole, effort, at_risk, stale)| {
            let settings = BacklogSettings {
                default_effort_minutes: minutes(effort),
                at_risk_alert: minutes(at_risk),
                stale_after_days: minutes(stale),
            };
            (pole, settings)
        })
        .collect();
    rows.sort_by_key(|(pole, _)| *pole);
    Ok(rows)
}

async fn load_pole(
    conn: &mut AsyncPgConnection,
    rules: &Rules,
    pole: Pole,
    settings: BacklogSettings,
    now: DateTime<Utc>,
) -> AppResult<PoleData> {
    let rows: Vec<OpenRow> = tickets::table
        .left_join(ticket_requests::table.left_join(catalog_entries::table))
        .filter(tickets::pole.eq(pole))
        .filter(tickets::status.eq_any(WORKING))
        .select((
            tickets::id,
            tickets::reference,
            tickets::title,
            tickets::priority,
            tickets::assignee_id,
            tickets::updated_at,
            catalog_entries::estimated_minutes.nullable(),
        ))
        .load(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let logged: Vec<(i64, Option<i64>)> = ticket_effort::table
        .filter(ticket_effort::ticket_id.eq_any(&ids))
        .group_by(ticket_effort::ticket_id)
        .select((ticket_effort::ticket_id, diesel::dsl::sum(ticket_effort::minutes)))
        .load(conn)
        .await?;
    let logged: HashMap<i64, u32> =
        logged.into_iter().map(|(id, sum)| (id, u32::try_from(sum.unwrap_or(0)).unwrap_or(u32::MAX))).collect();
    let consumed = resolution_consumed(conn, rules, &ids, now).await?;
    let mut tickets = Vec::with_capacity(rows.len());
    let mut shown = HashMap::with_capacity(rows.len());
    for OpenRow { id, reference, title, priority, assignee, updated_at, estimate } in rows {
        tickets.push(OpenTicket {
            id,
            priority,
            assignee,
            estimate_minutes: estimate.map_or(settings.default_effort_minutes, minutes),
            logged_minutes: logged.get(&id).copied().unwrap_or(0),
            consumed_percent: consumed.get(&id).copied(),
            updated_at,
        });
        shown.insert(id, Shown { reference, title, assignee });
    }
    let mut agents = Vec::new();
    let mut names: HashMap<UserId, String> = HashMap::new();
    for PoleAgent { agent, name, .. } in pole_agents(conn, rules, pole).await? {
        names.insert(agent.id, name);
        agents.push(agent);
    }
    // Assignees from another pole (a ticket escalated with its assignee kept) are named too.
    let missing: Vec<UserId> = shown.values().filter_map(|s| s.assignee).filter(|id| !names.contains_key(id)).collect();
    if !missing.is_empty() {
        let more: Vec<(UserId, String)> =
            users::table.filter(users::id.eq_any(missing)).select((users::id, users::display_name)).load(conn).await?;
        names.extend(more);
    }
    Ok(PoleData { settings, tickets, shown, agents, names })
}

/// An active agent of a pole, named, with the hours they work.
pub(crate) struct PoleAgent {
    pub agent: Agent,
    pub name: String,
    /// The hours are the agent's own week (`agent_schedules`), not their site's calendar.
    pub own_week: bool,
}

/// The active agents of `pole` with their names and the hours they work: their own week when one is set
/// (`agent_schedules`), else their site's calendar.
pub(crate) async fn pole_agents(conn: &mut AsyncPgConnection, rules: &Rules, pole: Pole) -> AppResult<Vec<PoleAgent>> {
    let rows: Vec<AgentRow> = users::table
        .inner_join(user_roles::table)
        .inner_join(sites::table)
        .left_join(agent_schedules::table)
        .filter(users::pole.eq(pole))
        .filter(users::active.eq(true))
        .filter(user_roles::role.eq(Role::Agent))
        .select((users::id, users::display_name, sites::kind, sites::calendar_code, agent_schedules::week.nullable()))
        .order(users::id)
        .load(conn)
        .await?;
    let mut agents = Vec::with_capacity(rows.len());
    for AgentRow { id, name, site_kind, site_calendar, week } in rows {
        let own_week = week.is_some();
        let schedule = match week {
            Some(week) => {
                let days: Vec<String> = serde_json::from_value(week)
                    .map_err(|_| AppError::internal("agent_schedules.week is not seven strings"))?;
                BusinessCalendar::from_text(&days, true, Vec::new())
                    .map_err(|_| AppError::internal("agent_schedules.week is not a valid week"))?
            }
            None => rules
                .calendar_of_site(site_kind, site_calendar.as_deref())
                .cloned()
                .ok_or_else(|| AppError::internal("an agent's site has no calendar"))?,
        };
        agents.push(PoleAgent { agent: Agent { id, schedule }, name, own_week });
    }
    Ok(agents)
}

/// Every pole's backlog, for the page.
pub async fn overview(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<Vec<PoleBacklog>> {
    let rules = Rules::load(conn).await?;
    let mut poles = Vec::new();
    for (pole, settings) in settings(conn).await? {
        let data = load_pole(conn, &rules, pole, settings, now).await?;
        let assessment = assess(&data.settings, &data.tickets, &data.agents, now);
        poles.push(view(pole, &data, &assessment));
    }
    Ok(poles)
}

fn view(pole: Pole, data: &PoleData, assessment: &Assessment) -> PoleBacklog {
    let name = |id: Option<UserId>| id.and_then(|id| data.names.get(&id).cloned());
    let open_by_id: HashMap<i64, &OpenTicket> = data.tickets.iter().map(|t| (t.id, t)).collect();
    let ticket = |id: &i64| {
        let open = open_by_id.get(id)?;
        let shown = data.shown.get(id)?;
        Some(BacklogTicket {
            reference: shown.reference.clone(),
            title: shown.title.clone(),
            priority: open.priority,
            assignee: name(shown.assignee),
            consumed_percent: open.consumed_percent,
            band: open.band(),
            remaining_effort_minutes: open.remaining_minutes(),
            updated_at: open.updated_at,
        })
    };
    PoleBacklog {
        pole,
        settings: data.settings,
        open: assessment.open,
        demand_minutes: assessment.demand_minutes,
        capacity_minutes: assessment.capacity_minutes,
        agents_on_duty: assessment.agents_on_duty,
        at_risk: assessment.at_risk.len(),
        alerts: assessment.alerts.clone(),
        queue: assessment.queue.iter().take(QUEUE_SHOWN).filter_map(ticket).collect(),
        stale: assessment.stale.iter().filter_map(ticket).collect(),
        proposals: assessment
            .proposals
            .iter()
            .filter_map(|proposal| {
                let shown = data.shown.get(&proposal.ticket)?;
                Some(ProposalView {
                    reference: shown.reference.clone(),
                    title: shown.title.clone(),
                    from: name(proposal.from),
                    to: name(Some(proposal.to))?,
                })
            })
            .collect(),
    }
}

/// What one watch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WatchReport {
    /// Alerts raised (each once per pole, reason and period).
    pub alerts: usize,
    /// People told.
    pub notified: usize,
}

/// Assesses every pole and raises its alerts, each once per period whatever the number of instances: the
/// alert's row is inserted first, and only the instance whose insert went through tells anyone.
pub async fn watch(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<WatchReport> {
    let rules = Rules::load(conn).await?;
    let mut report = WatchReport::default();
    for (pole, settings) in settings(conn).await? {
        let data = load_pole(conn, &rules, pole, settings, now).await?;
        let assessment = assess(&data.settings, &data.tickets, &data.agents, now);
        let page = view(pole, &data, &assessment);
        for reason in assessment.alerts.iter().copied() {
            let told = conn.transaction(async |conn| raise(conn, &page, reason, now).await).await?;
            if let Some(told) = told {
                report.alerts += 1;
                report.notified += told;
            }
        }
    }
    Ok(report)
}

/// Raises one alert unless it was raised in this period already; returns how many people were told.
async fn raise(
    conn: &mut AsyncPgConnection,
    backlog: &PoleBacklog,
    reason: AlertReason,
    now: DateTime<Utc>,
) -> AppResult<Option<usize>> {
    let period = alert_period(reason, now);
    let detail = serde_json::json!({
        "ouverts": backlog.open, "charge_minutes": backlog.demand_minutes,
        "capacite_minutes": backlog.capacity_minutes, "agents_en_service": backlog.agents_on_duty,
        "a_risque": backlog.at_risk,
        "inactifs": backlog.stale.iter().map(|ticket| &ticket.reference).collect::<Vec<_>>(),
    });
    let inserted = diesel::insert_into(backlog_alerts::table)
        .values((
            backlog_alerts::pole.eq(backlog.pole),
            backlog_alerts::reason.eq(reason),
            backlog_alerts::period.eq(&period),
            backlog_alerts::raised_at.eq(now),
            backlog_alerts::detail.eq(detail),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if inserted == 0 {
        return Ok(None);
    }
    let mut recipients = supervisors_of(conn, backlog.pole).await?;
    let quality: Vec<UserId> = users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq(Role::Quality))
        .filter(users::active.eq(true))
        .select(users::id)
        .load(conn)
        .await?;
    recipients.extend(quality);
    let event = Event {
        ticket: None,
        key: format!("backlog:{}:{reason}:{period}", backlog.pole),
        actor: Actor::System,
        at: now,
    };
    let told = notify_all(conn, &event, recipients, &backlog_alert_message(backlog, reason)).await?;
    Ok(Some(told))
}

/// What a backlog alert tells the supervisors and Qualité.
fn backlog_alert_message(backlog: &PoleBacklog, reason: AlertReason) -> String {
    let p = &t().phrases;
    let pole = pole_label(backlog.pole);
    match reason {
        AlertReason::Overload => fill(
            p.backlog_overload,
            &[
                ("pole", &pole),
                ("demand", &business_duration(i64::from(backlog.demand_minutes))),
                ("capacity", &business_duration(i64::from(backlog.capacity_minutes))),
                ("agents", &backlog.agents_on_duty),
                ("open", &backlog.open),
            ],
        ),
        AlertReason::AtRisk => fill(
            p.backlog_at_risk,
            &[("pole", &pole), ("count", &backlog.at_risk), ("threshold", &backlog.settings.at_risk_alert)],
        ),
        AlertReason::Stale => {
            let references: Vec<&str> = backlog.stale.iter().map(|ticket| ticket.reference.as_str()).collect();
            fill(
                p.backlog_stale,
                &[
                    ("pole", &pole),
                    ("count", &backlog.stale.len()),
                    ("days", &backlog.settings.stale_after_days),
                    ("references", &references.join(p.list_separator)),
                ],
            )
        }
    }
}

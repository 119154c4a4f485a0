//! Backlog automation for one pole: the open workload (estimated effort still to spend) against the capacity
//! on duty (agents' remaining working time today), the tickets at risk and gone stale, the queue ordered by
//! risk, and reassignments to propose. Pure: the service gives it what the database holds and a `now`.

use super::calendar::{BusinessCalendar, local_date, paris};
use super::ids::UserId;
use super::sla::Band;
use super::ticket::Priority;
use chrono::{DateTime, Duration, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// Why a pole's supervisor and Qualité are alerted.
    pub enum AlertReason {
        /// The open workload exceeds the capacity on duty for the rest of the day.
        Overload = "SURCHARGE",
        /// More tickets are at risk than the pole's threshold.
        AtRisk = "RISQUE",
        /// Tickets nobody has updated for too long.
        Stale = "INACTIFS",
    }
}

/// A pole's alert thresholds and effort estimate (`backlog_settings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BacklogSettings {
    pub default_effort_minutes: u32,
    pub at_risk_alert: u32,
    pub stale_after_days: u32,
}

/// An open ticket of the pole, as the backlog sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenTicket {
    pub id: i64,
    pub priority: Priority,
    pub assignee: Option<UserId>,
    /// The effort this ticket is expected to take (its catalog entry's, else the pole's default).
    pub estimate_minutes: u32,
    /// Effort already logged on it.
    pub logged_minutes: u32,
    /// Share of its running target used (resolution, else time to own); none when no clock runs.
    pub consumed_percent: Option<u32>,
    pub updated_at: DateTime<Utc>,
}

impl OpenTicket {
    /// What is left to do: the estimate minus what was logged, but never less than a quarter of the
    /// estimate while the ticket is open (a ticket still open still needs someone's time).
    pub fn remaining_minutes(&self) -> u32 {
        self.estimate_minutes.saturating_sub(self.logged_minutes).max(self.estimate_minutes.div_ceil(4))
    }

    pub fn band(&self) -> Option<Band> {
        self.consumed_percent.map(Band::of_percent)
    }

    pub fn is_at_risk(&self) -> bool {
        self.band().is_some_and(|band| band >= Band::AtRisk)
    }

    pub fn is_stale(&self, settings: &BacklogSettings, now: DateTime<Utc>) -> bool {
        now - self.updated_at >= Duration::days(i64::from(settings.stale_after_days))
    }
}

/// An agent of the pole and the hours they work.
#[derive(Debug, Clone)]
pub struct Agent {
    pub id: UserId,
    pub schedule: BusinessCalendar,
}

/// The working time `schedule` still has today after `now` (Europe/Paris day).
pub fn remaining_today(schedule: &BusinessCalendar, now: DateTime<Utc>) -> Duration {
    let end_of_day = paris(local_date(now) + Duration::days(1), NaiveTime::MIN);
    schedule.business_between(now, end_of_day)
}

/// A reassignment the supervisor may accept: move `ticket` from `from` (off duty or overloaded) to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub ticket: i64,
    pub from: Option<UserId>,
    pub to: UserId,
}

/// A pole's backlog assessed at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub open: usize,
    pub demand_minutes: u32,
    pub capacity_minutes: u32,
    pub agents_on_duty: usize,
    pub at_risk: Vec<i64>,
    pub stale: Vec<i64>,
    /// Every open ticket, most at risk first.
    pub queue: Vec<i64>,
    pub proposals: Vec<Proposal>,
    pub alerts: Vec<AlertReason>,
}

/// The queue order by risk: breached, then most of the target used, then priority, then the oldest update.
/// Tickets without a running clock come last, by priority.
pub fn rank_by_risk(tickets: &[OpenTicket]) -> Vec<i64> {
    let mut ordered: Vec<&OpenTicket> = tickets.iter().collect();
    ordered.sort_by_key(|ticket| {
        (
            std::cmp::Reverse(ticket.consumed_percent.map(|percent| percent.min(1_000))),
            ticket.priority,
            ticket.updated_at,
        )
    });
    ordered.into_iter().map(|ticket| ticket.id).collect()
}

/// Assesses a pole's backlog: demand, capacity, tickets at risk and stale, the queue by risk, alerts, and
/// reassignments for tickets at risk whose assignee is off duty for the rest of the day or has more work
/// than time, to the agent on duty with the most spare time (who then has less).
pub fn assess(settings: &BacklogSettings, tickets: &[OpenTicket], agents: &[Agent], now: DateTime<Utc>) -> Assessment {
    let capacity: Vec<(UserId, i64)> =
        agents.iter().map(|agent| (agent.id, remaining_today(&agent.schedule, now).num_minutes())).collect();
    let demand_minutes: u32 = tickets.iter().map(OpenTicket::remaining_minutes).sum();
    let capacity_minutes = u32::try_from(capacity.iter().map(|(_, minutes)| *minutes).sum::<i64>()).unwrap_or(0);
    let agents_on_duty = capacity.iter().filter(|(_, minutes)| *minutes > 0).count();
    let by_id: std::collections::HashMap<i64, &OpenTicket> = tickets.iter().map(|t| (t.id, t)).collect();
    let queue = rank_by_risk(tickets);
    let at_risk: Vec<i64> = queue.iter().copied().filter(|id| by_id.get(id).is_some_and(|t| t.is_at_risk())).collect();
    let stale: Vec<i64> = tickets.iter().filter(|t| t.is_stale(settings, now)).map(|t| t.id).collect();

    // Spare time of each agent: their time left today minus the work assigned to them.
    let mut spare: Vec<(UserId, i64)> = capacity
        .iter()
        .map(|(agent, minutes)| {
            let load: i64 =
                tickets.iter().filter(|t| t.assignee == Some(*agent)).map(|t| i64::from(t.remaining_minutes())).sum();
            (*agent, minutes - load)
        })
        .collect();
    let mut proposals = Vec::new();
    for id in &at_risk {
        let Some(ticket) = by_id.get(id) else { continue };
        let holder_spare = ticket.assignee.and_then(|a| spare.iter().find(|(agent, _)| *agent == a).map(|s| s.1));
        let holder_on_duty = ticket
            .assignee
            .and_then(|a| capacity.iter().find(|(agent, _)| *agent == a))
            .is_some_and(|(_, minutes)| *minutes > 0);
        let needs_someone = !holder_on_duty || holder_spare.is_some_and(|minutes| minutes < 0);
        if !needs_someone {
            continue;
        }
        let work = i64::from(ticket.remaining_minutes());
        let best = spare
            .iter_mut()
            .filter(|(agent, minutes)| Some(*agent) != ticket.assignee && *minutes >= work)
            .max_by_key(|(agent, minutes)| (*minutes, std::cmp::Reverse(agent.0)));
        if let Some((agent, minutes)) = best {
            *minutes -= work;
            let to = *agent;
            if let Some(from) = ticket.assignee
                && let Some(entry) = spare.iter_mut().find(|(agent, _)| *agent == from)
            {
                entry.1 += work;
            }
            proposals.push(Proposal { ticket: ticket.id, from: ticket.assignee, to });
        }
    }

    let mut alerts = Vec::new();
    if demand_minutes > capacity_minutes {
        alerts.push(AlertReason::Overload);
    }
    if at_risk.len() > settings.at_risk_alert as usize {
        alerts.push(AlertReason::AtRisk);
    }
    if !stale.is_empty() {
        alerts.push(AlertReason::Stale);
    }
    Assessment {
        open: tickets.len(),
        demand_minutes,
        capacity_minutes,
        agents_on_duty,
        at_risk,
        stale,
        queue,
        proposals,
        alerts,
    }
}

/// The period an alert is raised once in: the hour for an overload (it may clear and come back), the day
/// for tickets at risk or stale. Local time, so the key reads as people count.
pub fn alert_period(reason: AlertReason, now: DateTime<Utc>) -> String {
    let local = now.with_timezone(&chrono_tz::Europe::Paris);
    match reason {
        AlertReason::Overload => local.format("%Y-%m-%dT%H").to_string(),
        AlertReason::AtRisk | AlertReason::Stale => local.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests;

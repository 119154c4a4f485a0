//! Service levels: the targets of a policy, the SLA clock with its pauses, deadlines and escalation thresholds.
//!
//! A clock starts when a ticket is registered (time to own) or taken (time to resolve), runs in the business
//! time of the requester's site ([`BusinessCalendar`]), pauses while the ticket waits for someone outside the
//! desk and stops when the target is met. Everything here is computed from the clock's history, never from
//! a counter that a restart could lose: the same history always gives the same deadline.

use super::calendar::BusinessCalendar;
use super::ticket::{Kind, Priority};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// What a service level measures.
    pub enum Measure {
        /// From registration until someone of the desk takes the ticket.
        TimeToOwn = "PRISE_EN_CHARGE",
        /// From registration until the solution is given, pauses excluded.
        TimeToResolve = "RESOLUTION",
    }
}

crate::code_enum! {
    /// What an escalation threshold does when a clock reaches it.
    pub enum EscalationAction {
        /// Remind the assignee (or the pole, when nobody owns the ticket yet).
        NotifyAssignee = "NOTIFIER_ASSIGNE",
        /// Tell the pole's supervisor.
        NotifySupervisor = "NOTIFIER_SUPERVISEUR",
        /// Raise the priority one level, with the reason in the history.
        RaisePriority = "RELEVER_PRIORITE",
        /// Hand the ticket back to the pole's queue for the supervisor to reassign.
        Reassign = "REAFFECTER",
    }
}

/// One escalation step: at `percent` % of a target, do `action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threshold {
    pub percent: u16,
    pub action: EscalationAction,
}

/// The targets for one type × priority, in business minutes, and its escalation steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    pub kind: Kind,
    pub priority: Priority,
    pub own_minutes: u32,
    pub resolve_minutes: u32,
    /// Ordered by percent, each percent once.
    pub thresholds: Vec<Threshold>,
}

/// What is wrong with a policy as an administrator writes it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PolicyError {
    #[error("la cible doit être d'au moins une minute ouvrée")]
    EmptyTarget,
    #[error("la prise en charge ({own} min) ne peut pas dépasser la résolution ({resolve} min)")]
    OwnAfterResolve { own: u32, resolve: u32 },
    #[error("un seuil doit être compris entre 1 et 500 %, reçu {0} %")]
    ThresholdOutOfRange(u16),
    #[error("le seuil de {0} % apparaît deux fois")]
    DuplicateThreshold(u16),
    #[error("seuil illisible : « {0} » (attendu : 50 NOTIFIER_ASSIGNE ; 75 NOTIFIER_SUPERVISEUR)")]
    UnreadableThreshold(String),
}

/// Thresholds as administrators write them: `"50 NOTIFIER_ASSIGNE; 75 NOTIFIER_SUPERVISEUR"` (a `%` after
/// the number is allowed). Ranges and duplicates are checked by [`Policy::checked`].
pub fn parse_thresholds(text: &str) -> Result<Vec<Threshold>, PolicyError> {
    text.split(';')
        .map(str::trim)
        .filter(|step| !step.is_empty())
        .map(|step| {
            let unreadable = || PolicyError::UnreadableThreshold(step.to_owned());
            let (percent, action) = step.split_once(char::is_whitespace).ok_or_else(unreadable)?;
            let percent = percent.trim_end_matches('%').parse::<u16>().map_err(|_| unreadable())?;
            let action =
                EscalationAction::from_code(action.trim().trim_start_matches('%').trim()).ok_or_else(unreadable)?;
            Ok(Threshold { percent, action })
        })
        .collect()
}

/// Thresholds written back the way [`parse_thresholds`] reads them.
pub fn format_thresholds(thresholds: &[Threshold]) -> String {
    thresholds.iter().map(|step| format!("{} {}", step.percent, step.action)).collect::<Vec<_>>().join("; ")
}

impl Policy {
    /// Checks a policy and orders its thresholds.
    pub fn checked(mut self) -> Result<Self, PolicyError> {
        if self.own_minutes == 0 || self.resolve_minutes == 0 {
            return Err(PolicyError::EmptyTarget);
        }
        if self.own_minutes > self.resolve_minutes {
            return Err(PolicyError::OwnAfterResolve { own: self.own_minutes, resolve: self.resolve_minutes });
        }
        if let Some(bad) = self.thresholds.iter().find(|step| !(1..=500).contains(&step.percent)) {
            return Err(PolicyError::ThresholdOutOfRange(bad.percent));
        }
        self.thresholds.sort_by_key(|step| step.percent);
        if let Some(pair) = self.thresholds.windows(2).find(|pair| pair[0].percent == pair[1].percent) {
            return Err(PolicyError::DuplicateThreshold(pair[0].percent));
        }
        Ok(self)
    }

    /// The target of `measure`, in business minutes.
    pub fn target_minutes(&self, measure: Measure) -> u32 {
        match measure {
            Measure::TimeToOwn => self.own_minutes,
            Measure::TimeToResolve => self.resolve_minutes,
        }
    }

    pub fn target(&self, measure: Measure) -> Duration {
        Duration::minutes(i64::from(self.target_minutes(measure)))
    }
}

/// An interval during which a clock did not count; `until` is empty while it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

/// The history of one clock: when it started and when it paused, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockRun {
    pub started: DateTime<Utc>,
    pub pauses: Vec<Pause>,
}

/// When a target falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    At(DateTime<Utc>),
    /// The clock is paused: no instant yet, `remaining` business time left when it resumes.
    Suspended {
        remaining: Duration,
    },
}

impl ClockRun {
    pub fn new(started: DateTime<Utc>) -> Self {
        ClockRun { started, pauses: Vec::new() }
    }

    /// The stretches during which the clock ran, up to `now` (an open stretch ends at `now`).
    fn running_stretches(&self, now: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let mut stretches = Vec::new();
        let mut cursor = Some(self.started);
        for pause in &self.pauses {
            if let Some(from) = cursor {
                if pause.from > from {
                    stretches.push((from, pause.from.min(now)));
                }
                cursor = pause.until.map(|until| until.max(from));
            }
        }
        if let Some(from) = cursor {
            stretches.push((from, now));
        }
        stretches.retain(|(from, to)| from < to);
        stretches
    }

    /// The business time the clock has counted by `now`.
    pub fn elapsed(&self, calendar: &BusinessCalendar, now: DateTime<Utc>) -> Duration {
        self.running_stretches(now).into_iter().map(|(from, to)| calendar.business_between(from, to)).sum()
    }

    /// The business time paused so far (what the pauses moved the deadline by).
    pub fn paused(&self, calendar: &BusinessCalendar, now: DateTime<Utc>) -> Duration {
        self.pauses.iter().map(|pause| calendar.business_between(pause.from, pause.until.unwrap_or(now).min(now))).sum()
    }

    /// When `target` business time will have been counted, given the pauses so far.
    pub fn due(&self, calendar: &BusinessCalendar, target: Duration) -> Due {
        let mut remaining = target;
        let mut cursor = self.started;
        for pause in &self.pauses {
            if pause.from > cursor {
                let counted = calendar.business_between(cursor, pause.from);
                if counted >= remaining {
                    return Due::At(calendar.add(cursor, remaining));
                }
                remaining -= counted;
            }
            match pause.until {
                Some(until) => cursor = cursor.max(until),
                None => return Due::Suspended { remaining },
            }
        }
        Due::At(calendar.add(cursor, remaining))
    }

    /// Whether the clock is paused now.
    pub fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|pause| pause.until.is_none())
    }

    /// Pauses the clock at `at` (nothing if it is already paused).
    pub fn pause(&mut self, at: DateTime<Utc>) {
        if !self.is_paused() {
            self.pauses.push(Pause { from: at, until: None });
        }
    }

    /// Resumes the clock at `at` (nothing if it is running).
    pub fn resume(&mut self, at: DateTime<Utc>) {
        if let Some(pause) = self.pauses.last_mut().filter(|pause| pause.until.is_none()) {
            pause.until = Some(at.max(pause.from));
        }
    }
}

/// How a running target is doing, for colours and words (never colour alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Band {
    /// Less than half of the target used.
    Comfortable,
    /// Half to three quarters used.
    AtRisk,
    /// Three quarters or more used.
    Critical,
    /// The target has passed.
    Breached,
}

impl Band {
    pub fn of(elapsed: Duration, target: Duration) -> Band {
        match consumed_percent(elapsed, target) {
            0..50 => Band::Comfortable,
            50..75 => Band::AtRisk,
            75..100 => Band::Critical,
            _ => Band::Breached,
        }
    }
}

/// The share of `target` already used, in whole percent (rounded down; 100 exactly at the deadline).
pub fn consumed_percent(elapsed: Duration, target: Duration) -> u32 {
    let target = target.num_seconds().max(1);
    let elapsed = elapsed.num_seconds().max(0);
    u32::try_from(elapsed.saturating_mul(100) / target).unwrap_or(u32::MAX)
}

/// The business time at which a clock reaches `percent` of `target`.
pub fn threshold_offset(target: Duration, percent: u16) -> Duration {
    Duration::seconds(target.num_seconds() * i64::from(percent) / 100)
}

#[cfg(test)]
mod tests;

//! Service levels: the targets of a policy, the SLA clock with its pauses, deadlines and escalation thresholds.
//!
//! A clock starts when a ticket is registered (time to own) or taken (time to resolve), runs in the business
//! time of the requester's site ([`BusinessCalendar`]), pauses while the ticket waits for someone outside the
//! desk and stops when the target is met. Everything here is computed from the clock's history, never from
//! a counter that a restart could lose: the same history always gives the same deadline.

use super::calendar::BusinessCalendar;
use super::ticket::{Kind, Priority};
use super::workflow::{Clock, Status, StatusGroup};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// What a service level measures.
    pub enum Measure {
        /// From registration until someone of the desk takes the ticket.
        TimeToOwn = "PRISE_EN_CHARGE",
        /// From registration until the solution is given, pauses excluded.
        TimeToResolve = "RESOLUTION",
        /// An internal target (OLA): from the moment a pole receives the ticket until it solves it or
        /// hands it on. One cycle per hand-off.
        PoleHandling = "OLA_POLE",
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

/// What is wrong with a policy as an administrator writes it (people read it through
/// `i18n::policy_error_message`; the `Display` text is for logs).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum PolicyError {
    #[error("empty target")]
    EmptyTarget,
    #[error("time to own {own} min after time to resolve {resolve} min")]
    OwnAfterResolve { own: u32, resolve: u32 },
    #[error("threshold {0} % out of range")]
    ThresholdOutOfRange(u16),
    #[error("threshold {0} % twice")]
    DuplicateThreshold(u16),
    #[error("unreadable threshold {0:?}")]
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

    /// The target of `measure`, in business minutes; internal targets belong to poles, not to policies.
    pub fn target_minutes(&self, measure: Measure) -> Option<u32> {
        match measure {
            Measure::TimeToOwn => Some(self.own_minutes),
            Measure::TimeToResolve => Some(self.resolve_minutes),
            Measure::PoleHandling => None,
        }
    }

    pub fn target(&self, measure: Measure) -> Option<Duration> {
        self.target_minutes(measure).map(|minutes| Duration::minutes(i64::from(minutes)))
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

/// What `measure`'s clock does while a ticket is in `status` (`owned`: someone has taken it). Time to own
/// runs until someone owns the ticket or it is solved; resolution and pole handling run until a solution is
/// given. Waiting for someone outside the desk (the requester, an approver) pauses them.
pub const fn clock_in(measure: Measure, status: Status, owned: bool) -> Clock {
    match (measure, status.group()) {
        (_, StatusGroup::Resolved | StatusGroup::Closed) => Clock::Stopped,
        (Measure::TimeToOwn, _) if owned => Clock::Stopped,
        (Measure::TimeToOwn, StatusGroup::Active) => Clock::Stopped,
        (_, StatusGroup::Waiting) => Clock::Paused,
        (_, StatusGroup::New | StatusGroup::Active) => Clock::Running,
    }
}

/// Which cycle of `measure` a ticket is in. A rejected solution starts a new resolution cycle (the desk owes
/// a new one, with its full target); a hand-off to another pole starts a new internal cycle; a ticket is
/// owned once.
pub fn cycle_of(measure: Measure, reopen_count: i32, escalation_count: i32) -> i16 {
    let cycle = match measure {
        Measure::TimeToOwn => 0,
        Measure::TimeToResolve => reopen_count,
        Measure::PoleHandling => escalation_count,
    };
    i16::try_from(cycle.saturating_add(1)).unwrap_or(i16::MAX)
}

/// One cycle of one measure on one ticket: its history, its target and whether it has stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketClock {
    pub measure: Measure,
    pub cycle: i16,
    pub run: ClockRun,
    pub target: Duration,
    pub stopped: Option<DateTime<Utc>>,
}

/// A threshold whose instant has come, with that instant (a late firing says how late it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueThreshold {
    pub threshold: Threshold,
    pub at: DateTime<Utc>,
}

impl TicketClock {
    pub fn start(measure: Measure, cycle: i16, target: Duration, at: DateTime<Utc>) -> Self {
        TicketClock { measure, cycle, run: ClockRun::new(at), target, stopped: None }
    }

    /// Follows the ticket into a state where the clock should be `wanted`. A stopped clock stays stopped:
    /// counting again is a new cycle. Returns whether anything changed.
    pub fn follow(&mut self, wanted: Clock, at: DateTime<Utc>) -> bool {
        if self.stopped.is_some() {
            return false;
        }
        let paused = self.run.is_paused();
        match wanted {
            Clock::Running if paused => self.run.resume(at),
            Clock::Paused if !paused => self.run.pause(at),
            Clock::Stopped => {
                self.run.resume(at);
                self.stopped = Some(at.max(self.run.started));
            }
            Clock::Running | Clock::Paused => return false,
        }
        true
    }

    /// When the target falls due (or the time left, while paused).
    pub fn due(&self, calendar: &BusinessCalendar) -> Due {
        self.run.due(calendar, self.target)
    }

    /// The business time counted by `now` (or by the stop).
    pub fn elapsed(&self, calendar: &BusinessCalendar, now: DateTime<Utc>) -> Duration {
        self.run.elapsed(calendar, self.stopped.map_or(now, |stopped| stopped.min(now)))
    }

    /// Whether the target was (or is already) missed.
    pub fn breached(&self, calendar: &BusinessCalendar, now: DateTime<Utc>) -> bool {
        self.elapsed(calendar, now) > self.target
    }

    pub fn band(&self, calendar: &BusinessCalendar, now: DateTime<Utc>) -> Band {
        Band::of(self.elapsed(calendar, now), self.target)
    }

    /// The thresholds not yet fired, with the instant each falls due; none while paused or stopped, since
    /// a threshold fires only while its clock runs (a resolved ticket needs no more escalation).
    fn pending<'a>(
        &'a self,
        calendar: &'a BusinessCalendar,
        thresholds: &'a [Threshold],
        fired: &'a [u16],
    ) -> impl Iterator<Item = DueThreshold> + 'a {
        let counting = self.stopped.is_none() && !self.run.is_paused();
        thresholds.iter().filter(move |step| counting && !fired.contains(&step.percent)).filter_map(move |step| {
            match self.run.due(calendar, threshold_offset(self.target, step.percent)) {
                Due::At(at) => Some(DueThreshold { threshold: *step, at }),
                Due::Suspended { .. } => None,
            }
        })
    }

    /// The thresholds that have come by `now` and not fired yet, in order.
    pub fn thresholds_due(
        &self,
        calendar: &BusinessCalendar,
        thresholds: &[Threshold],
        fired: &[u16],
        now: DateTime<Utc>,
    ) -> Vec<DueThreshold> {
        let mut due: Vec<_> = self.pending(calendar, thresholds, fired).filter(|step| step.at <= now).collect();
        due.sort_by_key(|step| (step.at, step.threshold.percent));
        due
    }

    /// When the scheduler must look at this clock next: its earliest threshold not fired yet.
    pub fn next_escalation(
        &self,
        calendar: &BusinessCalendar,
        thresholds: &[Threshold],
        fired: &[u16],
    ) -> Option<DateTime<Utc>> {
        self.pending(calendar, thresholds, fired).map(|step| step.at).min()
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
    /// Every variant, in declaration order.
    pub const ALL: &'static [Band] = &[Band::Comfortable, Band::AtRisk, Band::Critical, Band::Breached];
}

impl Band {
    pub fn of(elapsed: Duration, target: Duration) -> Band {
        Band::of_percent(consumed_percent(elapsed, target))
    }

    /// The band of a target of which `percent` % is used.
    pub fn of_percent(percent: u32) -> Band {
        match percent {
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

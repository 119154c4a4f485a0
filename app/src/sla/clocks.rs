//! The clocks of each ticket, stored: started, paused, resumed and stopped in the transaction of the change
//! that moves them, their deadlines recomputed from their history every time, and the escalation
//! thresholds fired by the scheduler exactly once per ticket, measure, cycle and percent.

use super::service::calendar_from_row;
use super::{ClockView, EscalationView, PauseView};
use crate::auth::Actor;
use crate::db::schema::{
    business_calendars, catalog_entries, ola_targets, sites, sla_escalations, ticket_clocks, ticket_requests, tickets,
    user_roles, users,
};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Role, SiteKind};
use crate::domain::sla::{
    Due, DueThreshold, EscalationAction, Measure, Pause, Policy, Threshold, TicketClock, clock_in, cycle_of,
};
use crate::domain::ticket::JournalEvent;
use crate::domain::ticket::{Kind, Priority};
use crate::domain::workflow::{Clock, Status};
use crate::error::{AppError, AppResult};
use crate::i18n::{escalation_message, site_kind_label, t};
use crate::journal::{self, Change, Entry, Fields};
use crate::notifications::{Event, notify, notify_all};
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// A threshold fired more than this after it fell due was missed by the scheduler (no instance was
/// running): it fires anyway, and says it is late.
pub const LATE_AFTER: Duration = Duration::minutes(2);

/// Everything the clocks are computed from, read once: calendars, policies, internal targets.
pub struct Rules {
    calendars: HashMap<String, BusinessCalendar>,
    calendar_of_kind: HashMap<SiteKind, String>,
    policies: HashMap<(Kind, Priority), Policy>,
    ola_minutes: HashMap<Pole, u32>,
}

impl Rules {
    pub async fn load(conn: &mut AsyncPgConnection) -> AppResult<Rules> {
        let rows: Vec<(super::service::CalendarRow, Option<SiteKind>)> = business_calendars::table
            .select((super::service::CALENDAR_COLUMNS, business_calendars::default_for_kind))
            .load(conn)
            .await?;
        let mut calendars = HashMap::new();
        let mut calendar_of_kind = HashMap::new();
        for (row, default_for_kind) in rows {
            if let Some(kind) = default_for_kind {
                calendar_of_kind.insert(kind, row.0.clone());
            }
            let stored = calendar_from_row(row)?;
            calendars.insert(stored.code, stored.calendar);
        }
        let policies = super::service::all_policies(conn)
            .await?
            .into_iter()
            .map(|policy| ((policy.kind, policy.priority), policy))
            .collect();
        let ola: Vec<(Pole, i32)> =
            ola_targets::table.select((ola_targets::pole, ola_targets::resolve_minutes)).load(conn).await?;
        let ola_minutes =
            ola.into_iter().filter_map(|(pole, minutes)| u32::try_from(minutes).ok().map(|m| (pole, m))).collect();
        Ok(Rules { calendars, calendar_of_kind, policies, ola_minutes })
    }

    /// The calendar of a site of `kind` that names `own` calendar or none.
    pub fn calendar_of_site(&self, kind: SiteKind, own: Option<&str>) -> Option<&BusinessCalendar> {
        let code = own.or_else(|| self.calendar_of_kind.get(&kind).map(String::as_str))?;
        self.calendars.get(code)
    }

    fn calendar(&self, code: &str) -> AppResult<&BusinessCalendar> {
        self.calendars.get(code).ok_or_else(|| AppError::internal("a clock names a calendar that does not exist"))
    }

    fn policy(&self, kind: Kind, priority: Priority) -> AppResult<&Policy> {
        self.policies
            .get(&(kind, priority))
            .ok_or_else(|| AppError::conflict(t().sla_no_policy.replace("{}", &format!("{kind} {priority}"))))
    }

    /// The escalation steps of a measure: the policy's for the promises made to people, none for the
    /// internal targets (they are measured and reported, not escalated).
    fn thresholds(&self, measure: Measure, kind: Kind, priority: Priority) -> AppResult<&[Threshold]> {
        Ok(match measure {
            Measure::PoleHandling => &[],
            Measure::TimeToOwn | Measure::TimeToResolve => &self.policy(kind, priority)?.thresholds,
        })
    }
}

/// What a ticket's clocks depend on.
#[derive(Queryable)]
struct Facts {
    kind: Kind,
    status: Status,
    priority: Priority,
    pole: Pole,
    site: SiteId,
    assignee: Option<UserId>,
    reopen_count: i32,
    escalation_count: i32,
    own_override: Option<i32>,
    resolve_override: Option<i32>,
}

async fn facts(conn: &mut AsyncPgConnection, ticket: i64) -> AppResult<Facts> {
    tickets::table
        .left_join(ticket_requests::table.left_join(catalog_entries::table))
        .filter(tickets::id.eq(ticket))
        .select((
            tickets::kind,
            tickets::status,
            tickets::priority,
            tickets::pole,
            tickets::site_id,
            tickets::assignee_id,
            tickets::reopen_count,
            tickets::escalation_count,
            catalog_entries::sla_own_minutes.nullable(),
            catalog_entries::sla_resolve_minutes.nullable(),
        ))
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found(ticket.to_string()))
}

/// A clock as stored.
#[derive(Queryable, Selectable, Clone)]
#[diesel(table_name = ticket_clocks, check_for_backend(diesel::pg::Pg))]
struct ClockRow {
    ticket_id: i64,
    measure: Measure,
    cycle: i16,
    pole: Pole,
    calendar_code: String,
    priority: Priority,
    target_minutes: i32,
    started_at: DateTime<Utc>,
    pauses: serde_json::Value,
    stopped_at: Option<DateTime<Utc>>,
}

impl ClockRow {
    fn clock(&self) -> AppResult<TicketClock> {
        let pauses: Vec<Pause> = serde_json::from_value(self.pauses.clone())
            .map_err(|_| AppError::internal("ticket_clocks.pauses is malformed"))?;
        Ok(TicketClock {
            measure: self.measure,
            cycle: self.cycle,
            run: crate::domain::sla::ClockRun { started: self.started_at, pauses },
            target: Duration::minutes(i64::from(self.target_minutes)),
            stopped: self.stopped_at,
        })
    }
}

/// The target of `measure` for a ticket: the catalog entry's promise, else the policy's, else the pole's
/// internal target. None when the pole has no internal target.
fn target_minutes(rules: &Rules, facts: &Facts, measure: Measure, pole: Pole) -> AppResult<Option<u32>> {
    let overridden = match measure {
        Measure::TimeToOwn => facts.own_override,
        Measure::TimeToResolve => facts.resolve_override,
        Measure::PoleHandling => None,
    };
    if let Some(minutes) = overridden.and_then(|minutes| u32::try_from(minutes).ok()) {
        return Ok(Some(minutes));
    }
    Ok(match measure {
        Measure::PoleHandling => rules.ola_minutes.get(&pole).copied(),
        _ => rules.policy(facts.kind, facts.priority)?.target_minutes(measure),
    })
}

async fn calendar_code_of_site(conn: &mut AsyncPgConnection, rules: &Rules, site: SiteId) -> AppResult<String> {
    let (kind, own): (SiteKind, Option<String>) =
        sites::table.find(site).select((sites::kind, sites::calendar_code)).first(conn).await?;
    own.or_else(|| rules.calendar_of_kind.get(&kind).cloned())
        .ok_or_else(|| AppError::conflict(t().sla_site_without_calendar.replace("{}", site_kind_label(kind))))
}

/// The percents of `fired` that belong to one clock.
fn percents_of(fired: &[(Measure, i16, u16)], measure: Measure, cycle: i16) -> Vec<u16> {
    fired.iter().filter(|(m, c, _)| *m == measure && *c == cycle).map(|(_, _, percent)| *percent).collect()
}

async fn fired_percents(conn: &mut AsyncPgConnection, ticket: i64) -> QueryResult<Vec<(Measure, i16, u16)>> {
    let rows: Vec<(Measure, i16, i16)> = sla_escalations::table
        .filter(sla_escalations::ticket_id.eq(ticket))
        .select((sla_escalations::measure, sla_escalations::cycle, sla_escalations::percent))
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|(measure, cycle, percent)| (measure, cycle, percent.unsigned_abs())).collect())
}

/// Brings the clocks of `ticket` in line with its state at `now`, in the caller's transaction (the one of
/// the change): starts the clocks a new state needs, pauses, resumes or stops the others, follows a new
/// priority's target, and stores each clock's deadline and next escalation instant.
pub async fn sync(conn: &mut AsyncPgConnection, rules: &Rules, ticket: i64, now: DateTime<Utc>) -> AppResult<()> {
    let facts = facts(conn, ticket).await?;
    let stored: Vec<ClockRow> = ticket_clocks::table
        .filter(ticket_clocks::ticket_id.eq(ticket))
        .select(ClockRow::as_select())
        .load(conn)
        .await?;
    let fired = fired_percents(conn, ticket).await?;
    let mut site_calendar = None;
    for measure in Measure::ALL.iter().copied() {
        let cycle = cycle_of(measure, facts.reopen_count, facts.escalation_count);
        let wanted = clock_in(measure, facts.status, facts.assignee.is_some());
        for old in stored.iter().filter(|row| row.measure == measure && row.cycle < cycle && row.stopped_at.is_none()) {
            let mut clock = old.clock()?;
            clock.follow(Clock::Stopped, now);
            save(conn, rules, &facts, old, &clock, &fired, false).await?;
        }
        match stored.iter().find(|row| row.measure == measure && row.cycle == cycle) {
            Some(row) => {
                let mut clock = row.clock()?;
                clock.follow(wanted, now);
                let priority_changed = row.priority != facts.priority && clock.stopped.is_none();
                if priority_changed && let Some(minutes) = target_minutes(rules, &facts, measure, row.pole)? {
                    clock.target = Duration::minutes(i64::from(minutes));
                }
                save(conn, rules, &facts, row, &clock, &fired, priority_changed).await?;
            }
            None if wanted != Clock::Stopped => {
                let Some(minutes) = target_minutes(rules, &facts, measure, facts.pole)? else { continue };
                let calendar_code = match site_calendar.clone() {
                    Some(code) => code,
                    None => site_calendar.insert(calendar_code_of_site(conn, rules, facts.site).await?).clone(),
                };
                let mut clock = TicketClock::start(measure, cycle, Duration::minutes(i64::from(minutes)), now);
                clock.follow(wanted, now);
                let row = ClockRow {
                    ticket_id: ticket,
                    measure,
                    cycle,
                    pole: facts.pole,
                    calendar_code,
                    priority: facts.priority,
                    target_minutes: 0,
                    started_at: now,
                    pauses: serde_json::Value::Array(Vec::new()),
                    stopped_at: None,
                };
                save(conn, rules, &facts, &row, &clock, &fired, true).await?;
            }
            None => {}
        }
    }
    Ok(())
}

/// [`sync`] with freshly read rules, for a change to one ticket.
pub async fn sync_ticket(conn: &mut AsyncPgConnection, ticket: i64, now: DateTime<Utc>) -> AppResult<()> {
    let rules = Rules::load(conn).await?;
    sync(conn, &rules, ticket, now).await
}

/// Writes a clock and what follows from it (deadline, time left while paused, breach, next escalation).
async fn save(
    conn: &mut AsyncPgConnection,
    rules: &Rules,
    facts: &Facts,
    row: &ClockRow,
    clock: &TicketClock,
    fired: &[(Measure, i16, u16)],
    new_priority: bool,
) -> AppResult<()> {
    let calendar = rules.calendar(&row.calendar_code)?;
    let (due_at, remaining) = match clock.due(calendar) {
        Due::At(at) => (Some(at), None),
        Due::Suspended { remaining } => (None, Some(remaining.num_seconds())),
    };
    let fired = percents_of(fired, clock.measure, clock.cycle);
    let thresholds = rules.thresholds(clock.measure, facts.kind, facts.priority)?;
    let next_escalation = clock.next_escalation(calendar, thresholds, &fired);
    let breached = clock.stopped.map(|stopped| clock.breached(calendar, stopped));
    let pauses = serde_json::to_value(&clock.run.pauses).map_err(|_| AppError::internal("pauses serialisation"))?;
    let target_minutes = i32::try_from(clock.target.num_minutes()).unwrap_or(i32::MAX);
    let priority = if new_priority { facts.priority } else { row.priority };
    // What a change may move; the rest (the key, the pole, the calendar, the start) is set once.
    let derived = (
        ticket_clocks::priority.eq(priority),
        ticket_clocks::target_minutes.eq(target_minutes),
        ticket_clocks::pauses.eq(&pauses),
        ticket_clocks::stopped_at.eq(clock.stopped),
        ticket_clocks::due_at.eq(due_at),
        ticket_clocks::remaining_seconds.eq(remaining),
        ticket_clocks::breached.eq(breached),
        ticket_clocks::next_escalation_at.eq(next_escalation),
    );
    diesel::insert_into(ticket_clocks::table)
        .values((
            ticket_clocks::ticket_id.eq(row.ticket_id),
            ticket_clocks::measure.eq(clock.measure),
            ticket_clocks::cycle.eq(clock.cycle),
            ticket_clocks::pole.eq(row.pole),
            ticket_clocks::calendar_code.eq(&row.calendar_code),
            ticket_clocks::started_at.eq(clock.run.started),
            derived,
        ))
        .on_conflict((ticket_clocks::ticket_id, ticket_clocks::measure, ticket_clocks::cycle))
        .do_update()
        .set(derived)
        .execute(conn)
        .await?;
    Ok(())
}

/// What one run of the escalation scheduler did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct EscalationReport {
    /// Thresholds fired by this run.
    pub fired: usize,
    /// Of which, fired late (no instance was running when they fell due).
    pub late: usize,
    /// Clocks looked at.
    pub examined: usize,
    /// Clocks that could not be handled (logged); the others went on.
    pub failed: usize,
}

/// How many clocks one scheduler query takes at most; a run continues until none is due.
const BATCH: i64 = 500;

/// Fires every threshold that has fallen due by `now` and not fired yet. Safe to run from several instances
/// at once and again after a restart: each clock is handled in a transaction holding its ticket's lock, and
/// a step is recorded with its (ticket, measure, cycle, percent) key, so a second run finds it done.
pub async fn run_escalations(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<EscalationReport> {
    let rules = Rules::load(conn).await?;
    let mut report = EscalationReport::default();
    let mut after: Option<(DateTime<Utc>, i64, Measure, i16)> = None;
    loop {
        let mut query = ticket_clocks::table
            .filter(ticket_clocks::next_escalation_at.le(now))
            .select((
                ticket_clocks::next_escalation_at.assume_not_null(),
                ticket_clocks::ticket_id,
                ticket_clocks::measure,
                ticket_clocks::cycle,
            ))
            .order((ticket_clocks::next_escalation_at, ticket_clocks::ticket_id, ticket_clocks::measure))
            .limit(BATCH)
            .into_boxed();
        if let Some((at, ticket, _, _)) = after {
            // Keyset pagination: clocks handled in this run no longer match (their next step moved past
            // `now`), and the ones that failed stay behind the cursor instead of filling every batch.
            query = query.filter(
                ticket_clocks::next_escalation_at
                    .gt(at)
                    .or(ticket_clocks::next_escalation_at.eq(at).and(ticket_clocks::ticket_id.ge(ticket))),
            );
        }
        let batch: Vec<(DateTime<Utc>, i64, Measure, i16)> = query.load(conn).await?;
        let progress = batch.iter().filter(|key| Some(**key) > after).copied().collect::<Vec<_>>();
        if progress.is_empty() {
            break;
        }
        for key @ (_, ticket, measure, cycle) in progress {
            report.examined += 1;
            let outcome =
                conn.transaction(async |conn| escalate_clock(conn, &rules, ticket, measure, cycle, now).await).await;
            match outcome {
                Ok((fired, late)) => {
                    report.fired += fired;
                    report.late += late;
                }
                // One broken ticket must not hold back the escalations of all the others.
                Err(error) => {
                    report.failed += 1;
                    tracing::warn!(%error, ticket, %measure, cycle, "escalation failed; retried next run");
                }
            }
            after = Some(key);
        }
    }
    Ok(report)
}

/// Replays the scheduler at every instant a threshold fell due up to `until`, as an instance running all
/// along would have: for data loaded with a past history (the demo), so its escalations are on time.
pub async fn escalate_as_if_running(conn: &mut AsyncPgConnection, until: DateTime<Utc>) -> AppResult<EscalationReport> {
    let mut total = EscalationReport::default();
    loop {
        let next: Option<DateTime<Utc>> = ticket_clocks::table
            .filter(ticket_clocks::next_escalation_at.le(until))
            .select(diesel::dsl::min(ticket_clocks::next_escalation_at))
            .first(conn)
            .await?;
        let Some(instant) = next else { return Ok(total) };
        let report = run_escalations(conn, instant).await?;
        if report.fired == 0 {
            // Nothing could fire there (a failing clock): stop rather than loop on it.
            return Ok(total);
        }
        total.fired += report.fired;
        total.late += report.late;
        total.examined += report.examined;
        total.failed += report.failed;
    }
}

/// Fires the due thresholds of one clock, holding its ticket's lock. Returns (fired, of which late).
async fn escalate_clock(
    conn: &mut AsyncPgConnection,
    rules: &Rules,
    ticket: i64,
    measure: Measure,
    cycle: i16,
    now: DateTime<Utc>,
) -> AppResult<(usize, usize)> {
    // The ticket's lock orders this with every change to the ticket (transitions take it first too).
    let (reference, version): (String, i32) =
        tickets::table.find(ticket).select((tickets::reference, tickets::version)).for_update().first(conn).await?;
    let facts = facts(conn, ticket).await?;
    let row: ClockRow =
        ticket_clocks::table.find((ticket, measure, cycle)).select(ClockRow::as_select()).first(conn).await?;
    let clock = row.clock()?;
    let calendar = rules.calendar(&row.calendar_code)?;
    let fired = percents_of(&fired_percents(conn, ticket).await?, measure, cycle);
    let thresholds = rules.thresholds(measure, facts.kind, facts.priority)?;
    let due = clock.thresholds_due(calendar, thresholds, &fired, now);
    let mut outcome = (0, 0);
    let mut version = version;
    for step in due {
        let late = now - step.at > LATE_AFTER;
        let recorded = diesel::insert_into(sla_escalations::table)
            .values((
                sla_escalations::ticket_id.eq(ticket),
                sla_escalations::measure.eq(measure),
                sla_escalations::cycle.eq(cycle),
                sla_escalations::percent.eq(i16::try_from(step.threshold.percent).unwrap_or(i16::MAX)),
                sla_escalations::action.eq(step.threshold.action),
                sla_escalations::due_at.eq(step.at),
                sla_escalations::fired_at.eq(now),
                sla_escalations::late.eq(late),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        if recorded == 0 {
            continue;
        }
        version = act(conn, ticket, &reference, version, &facts, measure, cycle, step, late, now).await?;
        outcome.0 += 1;
        outcome.1 += usize::from(late);
    }
    sync(conn, rules, ticket, now).await?;
    Ok(outcome)
}

/// The supervisors of a pole; every supervisor when the pole has none.
pub(crate) async fn supervisors_of(conn: &mut AsyncPgConnection, pole: Pole) -> QueryResult<Vec<UserId>> {
    let all: Vec<(UserId, Option<Pole>)> = users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq(Role::Supervisor))
        .filter(users::active.eq(true))
        .select((users::id, users::pole))
        .order(users::id)
        .load(conn)
        .await?;
    let of_pole: Vec<UserId> = all.iter().filter(|(_, own)| *own == Some(pole)).map(|(id, _)| *id).collect();
    Ok(if of_pole.is_empty() { all.into_iter().map(|(id, _)| id).collect() } else { of_pole })
}

/// Does what a threshold says, tells who it concerns and writes it in the ticket's history. Returns the
/// ticket's version afterwards.
#[allow(clippy::too_many_arguments)]
async fn act(
    conn: &mut AsyncPgConnection,
    ticket: i64,
    reference: &str,
    version: i32,
    facts: &Facts,
    measure: Measure,
    cycle: i16,
    step: DueThreshold,
    late: bool,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let percent = step.threshold.percent;
    let event = Event::of_ticket(ticket, &format!("sla:{measure}:{cycle}:{percent}"), Actor::System, now);
    let message = escalation_message(reference, measure, step.threshold, step.at, late.then(|| now - step.at));
    let mut detail = serde_json::json!({
        "mesure": measure, "cycle": cycle, "seuil": percent, "action": step.threshold.action,
        "echeance_seuil": step.at, "en_retard": late,
    });
    // What the step changes of the ticket (a new version), if anything; otherwise it only tells people.
    let mut fields = Fields::default();
    match step.threshold.action {
        EscalationAction::NotifyAssignee => match facts.assignee {
            Some(assignee) => {
                notify(conn, &event, Some(assignee), message).await?;
            }
            None => {
                let supervisors = supervisors_of(conn, facts.pole).await?;
                notify_all(conn, &event, supervisors, &message).await?;
            }
        },
        EscalationAction::NotifySupervisor => {
            let supervisors = supervisors_of(conn, facts.pole).await?;
            notify_all(conn, &event, supervisors, &message).await?;
        }
        EscalationAction::RaisePriority => {
            let current: Priority = tickets::table.find(ticket).select(tickets::priority).first(conn).await?;
            let raised = current.raised();
            if raised != current {
                fields.priority = Some(raised);
                detail["priorite_avant"] = serde_json::json!(current);
                detail["priorite_apres"] = serde_json::json!(raised);
            }
            let mut told = facts.assignee.into_iter().collect::<Vec<_>>();
            told.extend(supervisors_of(conn, facts.pole).await?);
            notify_all(conn, &event, told, &message).await?;
        }
        EscalationAction::Reassign => {
            // Support tickets go back to the pole's queue; a change keeps its implementer (its approval and
            // planning are theirs) and the supervisor is alerted.
            let reassignable = matches!(facts.kind, Kind::Incident | Kind::Request | Kind::Problem);
            if let Some(former) = facts.assignee.filter(|_| reassignable) {
                // Back to the pole's queue, as a release would leave it, for the supervisor to hand on.
                let status = if facts.status == Status::InProgress { Status::New } else { facts.status };
                fields.assignee_id = Some(None);
                fields.status = Some(status);
                detail["ancien_assigne"] = serde_json::json!(former);
                notify(conn, &event, Some(former), message.clone()).await?;
            }
            let supervisors = supervisors_of(conn, facts.pole).await?;
            notify_all(conn, &event, supervisors, &message).await?;
        }
    }
    let status = fields.status.unwrap_or(facts.status);
    let entry = Entry::Event(JournalEvent::SlaEscalation);
    if fields == Fields::default() {
        journal::append(conn, ticket, Actor::System, entry, Some(facts.status), status, detail, now).await?;
        return Ok(version);
    }
    let change = Change {
        ticket,
        seen_version: version,
        actor: Actor::System,
        entry,
        from: Some(facts.status),
        to: status,
        detail,
        at: now,
        fields,
    };
    // The ticket is locked at `version`: the write cannot find it moved on.
    journal::write(conn, change).await?.ok_or_else(|| AppError::internal("escalated ticket changed under its lock"))
}

/// How much of its resolution target each of `tickets` has used by `now` (whole percent), for those whose
/// resolution clock runs or is paused.
pub async fn resolution_consumed(
    conn: &mut AsyncPgConnection,
    rules: &Rules,
    tickets: &[i64],
    now: DateTime<Utc>,
) -> AppResult<HashMap<i64, u32>> {
    let rows: Vec<ClockRow> = ticket_clocks::table
        .filter(ticket_clocks::ticket_id.eq_any(tickets))
        .filter(ticket_clocks::measure.eq(Measure::TimeToResolve))
        .filter(ticket_clocks::stopped_at.is_null())
        .select(ClockRow::as_select())
        .load(conn)
        .await?;
    let mut consumed = HashMap::with_capacity(rows.len());
    for row in rows {
        let clock = row.clock()?;
        let elapsed = clock.elapsed(rules.calendar(&row.calendar_code)?, now);
        consumed.insert(row.ticket_id, crate::domain::sla::consumed_percent(elapsed, clock.target));
    }
    Ok(consumed)
}

/// An escalation as stored.
#[derive(Queryable)]
struct FiredRow {
    measure: Measure,
    cycle: i16,
    percent: i16,
    action: EscalationAction,
    due_at: DateTime<Utc>,
    fired_at: DateTime<Utc>,
    late: bool,
}

/// The clocks of a ticket and the escalations that fired, for its page.
pub async fn clocks_of(conn: &mut AsyncPgConnection, ticket: i64, now: DateTime<Utc>) -> AppResult<Vec<ClockView>> {
    let rows: Vec<ClockRow> = ticket_clocks::table
        .filter(ticket_clocks::ticket_id.eq(ticket))
        .select(ClockRow::as_select())
        .order((ticket_clocks::measure, ticket_clocks::cycle))
        .load(conn)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let escalations: Vec<FiredRow> = sla_escalations::table
        .filter(sla_escalations::ticket_id.eq(ticket))
        .select((
            sla_escalations::measure,
            sla_escalations::cycle,
            sla_escalations::percent,
            sla_escalations::action,
            sla_escalations::due_at,
            sla_escalations::fired_at,
            sla_escalations::late,
        ))
        .order(sla_escalations::fired_at)
        .load(conn)
        .await?;
    let rules = Rules::load(conn).await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let clock = row.clock()?;
        let calendar = rules.calendar(&row.calendar_code)?;
        let elapsed = clock.elapsed(calendar, now);
        let remaining = clock.target - elapsed;
        views.push(ClockView {
            measure: row.measure,
            cycle: row.cycle,
            pole: row.pole,
            target_minutes: row.target_minutes,
            started: clock.run.started,
            due: match clock.due(calendar) {
                Due::At(at) => Some(at),
                Due::Suspended { .. } => None,
            },
            stopped: clock.stopped,
            paused: clock.run.is_paused(),
            elapsed_minutes: elapsed.num_minutes(),
            remaining_minutes: remaining.num_minutes(),
            band: clock.band(calendar, now),
            met: clock.stopped.map(|stopped| !clock.breached(calendar, stopped)),
            pauses: clock
                .run
                .pauses
                .iter()
                .map(|pause| PauseView {
                    from: pause.from,
                    until: pause.until,
                    business_minutes: calendar.business_between(pause.from, pause.until.unwrap_or(now)).num_minutes(),
                })
                .collect(),
            escalations: escalations
                .iter()
                .filter(|fired| fired.measure == row.measure && fired.cycle == row.cycle)
                .map(|fired| EscalationView {
                    percent: fired.percent.unsigned_abs(),
                    action: fired.action,
                    due_at: fired.due_at,
                    fired_at: fired.fired_at,
                    late: fired.late,
                })
                .collect(),
        });
    }
    Ok(views)
}

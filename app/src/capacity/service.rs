//! Measures a pole's capacity inputs in the database: mean arrivals per hour of the week and priority over
//! the last weeks, the mean handle time from the effort logged on resolved tickets, the time-to-own target
//! of each priority, and the agents scheduled in each hour of the current week.

use super::{AgentWeek, MIN_HANDLE_SAMPLES, MODELLED_POLES, PoleCapacity, SCHEDULE_EDITORS, WEEKS};
use crate::auth::CurrentUser;
use crate::backlog::service::{PoleAgent, pole_agents, settings};
use crate::db::schema::{agent_schedules, sla_policies, tickets, user_roles, users};
use crate::domain::calendar::{BusinessCalendar, local_date, paris};
use crate::domain::capacity::{HourOfWeek, PoleInputs, RowTarget};
use crate::domain::ids::UserId;
use crate::domain::people::{Pole, Role};
use crate::domain::ticket::{Kind, Priority};
use crate::error::{AppError, AppResult};
use crate::sla::clocks::Rules;
use chrono::{DateTime, Datelike, Duration, DurationRound, NaiveTime, Timelike, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Integer, Text, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

#[derive(QueryableByName)]
struct ArrivalRow {
    #[diesel(sql_type = Text)]
    priority: String,
    /// 0 = Monday.
    #[diesel(sql_type = Integer)]
    weekday: i32,
    #[diesel(sql_type = Integer)]
    hour: i32,
    #[diesel(sql_type = BigInt)]
    tickets: i64,
    #[diesel(sql_type = Timestamptz)]
    first_at: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct HandleRow {
    #[diesel(sql_type = BigInt)]
    samples: i64,
    #[diesel(sql_type = Double)]
    mean_minutes: f64,
}

/// The hour of the week `at` falls in, in Europe/Paris time.
pub fn hour_of_week(at: DateTime<Utc>) -> HourOfWeek {
    let local = at.with_timezone(&chrono_tz::Europe::Paris);
    let weekday = u8::try_from(local.weekday().num_days_from_monday()).unwrap_or(0);
    let hour = u8::try_from(local.hour()).unwrap_or(0);
    HourOfWeek::new(weekday, hour).unwrap_or(HourOfWeek(0))
}

/// How many times each hour of the week occurred between `from` and `to`, in hours (partial hours counted
/// by the share of them inside).
pub fn hours_of_week_between(from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<f64> {
    let mut exposure = vec![0.0; HourOfWeek::COUNT];
    let mut at = from;
    while at < to {
        // Local hours start on the UTC hour in Europe/Paris (whole-hour offsets).
        let hour_end = (at + Duration::hours(1)).duration_trunc(Duration::hours(1)).unwrap_or(to).min(to);
        exposure[hour_of_week(at).index()] += (hour_end - at).num_seconds() as f64 / 3600.0;
        at = hour_end;
    }
    exposure
}

/// Measures `pole`'s inputs at `now`. Only the poles that work a queue are modelled.
pub async fn pole_capacity(conn: &mut AsyncPgConnection, pole: Pole, now: DateTime<Utc>) -> AppResult<PoleCapacity> {
    if !MODELLED_POLES.contains(&pole) {
        return Err(AppError::validation("pole", crate::i18n::t().capacity_pole_not_modelled));
    }
    let from = now - Duration::weeks(i64::from(WEEKS));
    // What arrives in a pole's queue: tickets registered to it (the pole before any escalation), and tickets
    // escalated into it, each at the instant it came in.
    let rows: Vec<ArrivalRow> = diesel::sql_query(
        "WITH entries AS ( \
             SELECT tickets.registered_at AS at, tickets.priority, \
                    coalesce((SELECT first.detail->>'pole_avant' FROM ticket_history first \
                              WHERE first.ticket_id = tickets.id AND first.detail ? 'pole_avant' \
                              ORDER BY first.at, first.id LIMIT 1), tickets.pole) AS pole \
             FROM tickets WHERE tickets.registered_at >= $2 AND tickets.registered_at <= $3 \
             UNION ALL \
             SELECT history.at, tickets.priority, history.detail->>'pole_apres' \
             FROM ticket_history history JOIN tickets ON tickets.id = history.ticket_id \
             WHERE history.detail ? 'pole_apres' AND history.at >= $2 AND history.at <= $3) \
         SELECT priority, \
                (extract(isodow FROM at AT TIME ZONE 'Europe/Paris'))::int - 1 AS weekday, \
                (extract(hour FROM at AT TIME ZONE 'Europe/Paris'))::int AS hour, \
                count(*) AS tickets, min(at) AS first_at \
         FROM entries WHERE pole = $1 GROUP BY 1, 2, 3",
    )
    .bind::<Text, _>(pole.code())
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(now)
    .load(conn)
    .await?;
    // A young database has less history than the window: each hour of the week is averaged over the times it
    // occurred since the first arrival, not over six weeks it does not have.
    let window_start = rows.iter().map(|row| row.first_at).min().unwrap_or(from).max(from);
    let exposure = hours_of_week_between(window_start, now);
    let mut arrivals = vec![[0.0; 4]; HourOfWeek::COUNT];
    let mut observed_tickets = 0u64;
    for row in rows {
        let slot = u8::try_from(row.weekday).ok().zip(u8::try_from(row.hour).ok());
        let slot = slot.and_then(|(weekday, hour)| HourOfWeek::new(weekday, hour));
        let class = Priority::from_code(&row.priority).and_then(|p| Priority::ALL.iter().position(|q| *q == p));
        let (Some(slot), Some(class)) = (slot, class) else {
            return Err(AppError::internal("an arrival row has no hour of the week or priority"));
        };
        let count = u64::try_from(row.tickets).unwrap_or(0);
        // An hour seen for less than a whole hour still counts as one: a rate from a few minutes would explode.
        arrivals[slot.index()][class] += count as f64 / exposure[slot.index()].max(1.0);
        observed_tickets += count;
    }
    let window_days = u32::try_from((now - window_start).num_days() + 1).unwrap_or(1).clamp(1, WEEKS * 7);

    let handle: HandleRow = diesel::sql_query(
        "SELECT count(*) AS samples, coalesce(avg(spent), 0)::float8 AS mean_minutes FROM ( \
             SELECT effort.ticket_id, sum(effort.minutes) AS spent \
             FROM ticket_effort effort JOIN tickets ON tickets.id = effort.ticket_id \
             WHERE effort.pole = $1 AND tickets.resolved_at >= $2 \
             GROUP BY effort.ticket_id) per_ticket",
    )
    .bind::<Text, _>(pole.code())
    .bind::<Timestamptz, _>(window_start)
    .get_result(conn)
    .await?;
    let handle_samples = u64::try_from(handle.samples).unwrap_or(0);
    let (mean_handle_minutes, handle_samples) = if handle_samples >= MIN_HANDLE_SAMPLES && handle.mean_minutes > 0.0 {
        (handle.mean_minutes, handle_samples)
    } else {
        let default = settings(conn)
            .await?
            .into_iter()
            .find(|(of, _)| *of == pole)
            .map_or(30, |(_, settings)| settings.default_effort_minutes);
        (f64::from(default.max(1)), 0)
    };

    let target_kinds = dominant_kinds(conn, pole, window_start).await?;
    let policies: HashMap<(Kind, Priority), i32> = sla_policies::table
        .select((sla_policies::kind, sla_policies::priority, sla_policies::own_minutes))
        .load::<(Kind, Priority, i32)>(conn)
        .await?
        .into_iter()
        .map(|(kind, priority, minutes)| ((kind, priority), minutes))
        .collect();
    let targets = target_kinds
        .iter()
        .map(|(priority, kind)| {
            let minutes = policies.get(&(*kind, *priority)).copied().unwrap_or(60);
            RowTarget { priority: *priority, target_minutes: f64::from(minutes.max(0)) }
        })
        .collect();

    let rules = Rules::load(conn).await?;
    let agents = pole_agents(conn, &rules, pole).await?;
    let monday = local_date(now) - Duration::days(i64::from(local_date(now).weekday().num_days_from_monday()));
    let scheduled = HourOfWeek::all()
        .map(|slot| {
            let hour = NaiveTime::from_hms_opt(u32::from(slot.hour()), 0, 0).unwrap_or(NaiveTime::MIN);
            let start = paris(monday + Duration::days(i64::from(slot.weekday())), hour);
            let end = start + Duration::hours(1);
            let on_duty = agents
                .iter()
                .filter(|pole_agent| pole_agent.agent.schedule.business_between(start, end) >= Duration::minutes(30))
                .count();
            u32::try_from(on_duty).unwrap_or(u32::MAX)
        })
        .collect();
    let on_duty_now = agents.iter().filter(|pole_agent| pole_agent.agent.schedule.is_open(now)).count();

    Ok(PoleCapacity {
        pole,
        inputs: PoleInputs {
            arrivals,
            window_days,
            observed_tickets,
            mean_handle_minutes,
            handle_samples,
            targets,
            scheduled,
            now: hour_of_week(now),
        },
        target_kinds,
        agents: agents
            .into_iter()
            .map(|PoleAgent { agent, name, own_week }| AgentWeek {
                id: agent.id,
                name,
                week: agent.schedule.week_as_text(),
                own: own_week,
            })
            .collect(),
        on_duty_now: u32::try_from(on_duty_now).unwrap_or(u32::MAX),
    })
}

/// For each priority, the ticket type the pole receives most at that priority (incidents when none).
async fn dominant_kinds(
    conn: &mut AsyncPgConnection,
    pole: Pole,
    from: DateTime<Utc>,
) -> AppResult<Vec<(Priority, Kind)>> {
    let counts: Vec<(Priority, Kind, i64)> = tickets::table
        .filter(tickets::pole.eq(pole))
        .filter(tickets::registered_at.ge(from))
        .group_by((tickets::priority, tickets::kind))
        .select((tickets::priority, tickets::kind, diesel::dsl::count_star()))
        .load(conn)
        .await?;
    Ok(Priority::ALL
        .iter()
        .map(|priority| {
            let kind = counts
                .iter()
                .filter(|(of, _, _)| of == priority)
                .max_by_key(|(_, kind, count)| (*count, std::cmp::Reverse(*kind)))
                .map_or(Kind::Incident, |(_, kind, _)| *kind);
            (*priority, kind)
        })
        .collect())
}

/// Sets `agent`'s own working week (Monday first, as people write hours), or with `None` hands them back to
/// their site's calendar. Audited, in one transaction.
pub async fn save_agent_week(
    conn: &mut AsyncPgConnection,
    editor: &CurrentUser,
    agent: UserId,
    week: Option<Vec<String>>,
) -> AppResult<()> {
    if !editor.roles.has_any(&SCHEDULE_EDITORS) {
        return Err(AppError::Forbidden);
    }
    let week = match week {
        Some(days) => {
            let calendar = BusinessCalendar::from_text(&days, true, Vec::new())
                .map_err(|error| AppError::validation("week", crate::i18n::calendar_error_message(&error)))?;
            Some(serde_json::to_value(calendar.week_as_text()).map_err(|_| AppError::internal("week to JSON"))?)
        }
        None => None,
    };
    conn.transaction(async |conn| {
        let pole: Option<Option<Pole>> = users::table
            .inner_join(user_roles::table)
            .filter(users::id.eq(agent))
            .filter(users::active.eq(true))
            .filter(user_roles::role.eq(Role::Agent))
            .select(users::pole)
            .first(conn)
            .await
            .optional()?;
        if !pole.flatten().is_some_and(|pole| MODELLED_POLES.contains(&pole)) {
            return Err(AppError::validation("agent", crate::i18n::t().capacity_not_an_agent));
        }
        let before: Option<serde_json::Value> = agent_schedules::table
            .find(agent)
            .select(agent_schedules::week)
            .for_update()
            .first(conn)
            .await
            .optional()?;
        match &week {
            Some(week) => {
                diesel::insert_into(agent_schedules::table)
                    .values((agent_schedules::user_id.eq(agent), agent_schedules::week.eq(week)))
                    .on_conflict(agent_schedules::user_id)
                    .do_update()
                    .set(agent_schedules::week.eq(week))
                    .execute(conn)
                    .await?;
            }
            None => {
                diesel::delete(agent_schedules::table.find(agent)).execute(conn).await?;
            }
        }
        let action = if week.is_some() { "MODIFIER" } else { "REINITIALISER" };
        let detail = serde_json::json!({ "avant": before, "apres": week });
        crate::db::audit(conn, editor.id, "agent_schedule", agent.0.to_string(), action, detail).await?;
        Ok(())
    })
    .await
}

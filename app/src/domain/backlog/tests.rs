//! The backlog assessment, case by case: remaining effort, capacity on duty, risk order, alerts, proposals.

use super::*;
use crate::domain::calendar::tests::{at, calendar, head_office};

const SETTINGS: BacklogSettings = BacklogSettings { default_effort_minutes: 30, at_risk_alert: 1, stale_after_days: 2 };

fn ticket(
    id: i64,
    assignee: Option<i64>,
    estimate: u32,
    logged: u32,
    consumed: Option<u32>,
    updated: &str,
) -> OpenTicket {
    OpenTicket {
        id,
        priority: Priority::P3,
        assignee: assignee.map(UserId),
        estimate_minutes: estimate,
        logged_minutes: logged,
        consumed_percent: consumed,
        updated_at: at(updated),
    }
}

fn agent(id: i64, schedule: BusinessCalendar) -> Agent {
    Agent { id: UserId(id), schedule }
}

#[test]
fn the_work_left_is_the_estimate_less_the_time_logged_but_never_nothing() {
    #[rustfmt::skip]
    let cases: &[(u32, u32, u32)] = &[(60, 0, 60), (60, 20, 40), (60, 50, 15), (60, 500, 15), (5, 0, 5), (5, 5, 2)];
    for (estimate, logged, left) in cases {
        assert_eq!(ticket(1, None, *estimate, *logged, None, "2026-11-23 09:00").remaining_minutes(), *left);
    }
}

#[test]
fn capacity_is_the_working_time_left_today() {
    let head_office = head_office();
    #[rustfmt::skip]
    let cases: &[(&str, i64)] = &[
        ("2026-11-23 08:00", 510), ("2026-11-23 12:00", 300), ("2026-11-23 13:00", 270),
        ("2026-11-23 17:30", 30), ("2026-11-23 19:00", 0), ("2026-11-28 10:00", 0), ("2026-12-25 10:00", 0),
    ];
    for (now, minutes) in cases {
        assert_eq!(remaining_today(&head_office, at(now)).num_minutes(), *minutes, "{now}");
    }
}

#[test]
fn the_queue_puts_the_most_at_risk_first() {
    let mut urgent = ticket(4, None, 30, 0, Some(40), "2026-11-23 09:00");
    urgent.priority = Priority::P1;
    let tickets = [
        ticket(1, None, 30, 0, Some(20), "2026-11-23 09:00"),
        ticket(2, None, 30, 0, Some(130), "2026-11-23 09:00"),
        ticket(3, None, 30, 0, None, "2026-11-20 09:00"),
        urgent,
        ticket(5, None, 30, 0, Some(40), "2026-11-22 09:00"),
        ticket(6, None, 30, 0, Some(80), "2026-11-23 09:00"),
    ];
    assert_eq!(rank_by_risk(&tickets), [2, 6, 4, 5, 1, 3]);
}

#[test]
fn alerts_follow_demand_risk_and_staleness() {
    let now = at("2026-11-23 16:00"); // two hours of work left for a head-office agent
    let one_agent = [agent(10, head_office())];
    #[rustfmt::skip]
    let cases: &[(&str, Vec<OpenTicket>, &[AlertReason])] = &[
        ("calm", vec![ticket(1, Some(10), 60, 0, Some(10), "2026-11-23 15:00")], &[]),
        ("more work than time", vec![
            ticket(1, Some(10), 90, 0, Some(10), "2026-11-23 15:00"),
            ticket(2, None, 60, 0, Some(10), "2026-11-23 15:00"),
        ], &[AlertReason::Overload]),
        ("two at risk, one allowed", vec![
            ticket(1, Some(10), 10, 0, Some(50), "2026-11-23 15:00"),
            ticket(2, None, 10, 0, Some(99), "2026-11-23 15:00"),
        ], &[AlertReason::AtRisk]),
        ("untouched for two days", vec![ticket(1, Some(10), 10, 0, Some(5), "2026-11-21 16:00")], &[AlertReason::Stale]),
    ];
    for (name, tickets, alerts) in cases {
        assert_eq!(assess(&SETTINGS, tickets, &one_agent, now).alerts, *alerts, "{name}");
    }
    let nobody_on_duty = assess(&SETTINGS, &cases[0].1, &one_agent, at("2026-11-23 20:00"));
    assert_eq!((nobody_on_duty.capacity_minutes, nobody_on_duty.agents_on_duty), (0, 0));
    assert_eq!(nobody_on_duty.alerts, [AlertReason::Overload]);
}

#[test]
fn tickets_at_risk_are_proposed_to_whoever_has_time() {
    let now = at("2026-11-23 16:00");
    // Agent 10 leaves at 16:30 (half an hour left); 11 works until 18:00 (two hours); 12 has an hour but a
    // full plate; 13 is off today.
    let agents = [
        agent(10, calendar("08:00-16:30", "", &[])),
        agent(11, head_office()),
        agent(12, calendar("08:00-17:00", "", &[])),
        agent(13, calendar("", "09:00-12:00", &[])),
    ];
    let tickets = [
        ticket(1, Some(13), 40, 0, Some(80), "2026-11-23 15:00"), // holder off duty → 11
        ticket(2, Some(10), 60, 0, Some(60), "2026-11-23 15:00"), // holder overloaded (30 min left) → 11
        ticket(3, Some(12), 60, 0, Some(30), "2026-11-23 15:00"), // not at risk: stays
        ticket(4, Some(11), 10, 0, Some(90), "2026-11-23 15:00"), // holder has time: stays
        ticket(5, Some(13), 200, 0, Some(70), "2026-11-23 15:00"), // nobody has 200 minutes: no proposal
    ];
    let assessment = assess(&SETTINGS, &tickets, &agents, now);
    assert_eq!(
        assessment.proposals,
        [
            Proposal { ticket: 1, from: Some(UserId(13)), to: UserId(11) },
            Proposal { ticket: 2, from: Some(UserId(10)), to: UserId(11) },
        ]
    );
    assert_eq!(assessment.agents_on_duty, 3);
    assert_eq!(assessment.capacity_minutes, 30 + 120 + 60);
    assert_eq!(assessment.at_risk, [4, 1, 5, 2]);
}

#[test]
fn an_alert_is_raised_once_per_hour_or_per_day() {
    let now = at("2026-11-23 16:45");
    assert_eq!(alert_period(AlertReason::Overload, now), "2026-11-23T16");
    assert_eq!(alert_period(AlertReason::AtRisk, now), "2026-11-23");
    assert_eq!(alert_period(AlertReason::Stale, at("2026-11-23 23:30")), "2026-11-23");
}

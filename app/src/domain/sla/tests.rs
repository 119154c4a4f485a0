//! The SLA clock: deadlines with pauses, bands, thresholds and policies, case by case and as properties.

use super::*;
use crate::domain::calendar::tests::{Cases, agency, at, head_office, minutes};

fn run(started: &str, pauses: &[(&str, Option<&str>)]) -> ClockRun {
    ClockRun {
        started: at(started),
        pauses: pauses.iter().map(|(from, until)| Pause { from: at(from), until: until.map(at) }).collect(),
    }
}

#[test]
fn pauses_move_the_deadline_by_the_business_time_they_last() {
    let head_office = head_office();
    #[rustfmt::skip]
    let cases: &[(&str, ClockRun, i64, Due)] = &[
        ("no pause, across lunch", run("2026-11-23 09:00", &[]), 240, Due::At(at("2026-11-23 14:00"))),
        ("an hour's pause in the morning",
            run("2026-11-23 09:00", &[("2026-11-23 10:00", Some("2026-11-23 11:00"))]), 240,
            Due::At(at("2026-11-23 15:00"))),
        ("paused over the weekend counts only the open time it covered",
            run("2026-11-27 16:00", &[("2026-11-27 17:00", Some("2026-11-30 09:30"))]), 120,
            Due::At(at("2026-11-30 10:30"))),
        ("a pause entirely at night moves nothing",
            run("2026-11-23 17:00", &[("2026-11-23 19:00", Some("2026-11-24 07:00"))]), 120,
            Due::At(at("2026-11-24 09:30"))),
        ("two pauses",
            run("2026-11-23 09:00", &[
                ("2026-11-23 09:30", Some("2026-11-23 10:00")),
                ("2026-11-23 11:00", Some("2026-11-23 11:15")),
            ]), 120, Due::At(at("2026-11-23 11:45"))),
        ("paused now: no instant, the remaining time kept",
            run("2026-11-23 09:00", &[("2026-11-23 10:30", None)]), 240,
            Due::Suspended { remaining: minutes(150) }),
        ("a pause after the deadline changes nothing",
            run("2026-11-23 09:00", &[("2026-11-23 15:00", Some("2026-11-24 10:00"))]), 240,
            Due::At(at("2026-11-23 14:00"))),
        ("a pause from the very start",
            run("2026-11-23 09:00", &[("2026-11-23 09:00", Some("2026-11-23 10:00"))]), 60,
            Due::At(at("2026-11-23 11:00"))),
    ];
    for (name, clock, target, due) in cases {
        assert_eq!(clock.due(&head_office, minutes(*target)), *due, "{name}");
    }
}

#[test]
fn elapsed_and_paused_time_are_business_time() {
    let head_office = head_office();
    let clock = run("2026-11-27 16:00", &[("2026-11-27 17:00", Some("2026-11-30 09:30"))]);
    assert_eq!(clock.elapsed(&head_office, at("2026-11-30 10:00")), minutes(90));
    assert_eq!(clock.paused(&head_office, at("2026-11-30 10:00")), minutes(120));
    let open = run("2026-11-23 09:00", &[("2026-11-23 10:00", None)]);
    assert_eq!(open.elapsed(&head_office, at("2026-11-23 16:00")), minutes(60));
    assert_eq!(open.paused(&head_office, at("2026-11-23 16:00")), minutes(300));
    assert_eq!(open.elapsed(&head_office, at("2026-11-23 08:00")), minutes(0));
}

#[test]
fn pausing_and_resuming_are_idempotent() {
    let mut clock = ClockRun::new(at("2026-11-23 09:00"));
    clock.resume(at("2026-11-23 09:10"));
    assert!(clock.pauses.is_empty());
    clock.pause(at("2026-11-23 10:00"));
    clock.pause(at("2026-11-23 10:30"));
    assert!(clock.is_paused());
    clock.resume(at("2026-11-23 11:00"));
    clock.resume(at("2026-11-23 11:30"));
    assert_eq!(clock, run("2026-11-23 09:00", &[("2026-11-23 10:00", Some("2026-11-23 11:00"))]));
    // A resumption recorded before its pause (clocks of two servers) never makes a negative pause.
    let mut skewed = ClockRun::new(at("2026-11-23 09:00"));
    skewed.pause(at("2026-11-23 10:00"));
    skewed.resume(at("2026-11-23 09:59"));
    assert_eq!(skewed.pauses[0].until, Some(at("2026-11-23 10:00")));
}

#[test]
fn bands_follow_the_share_of_the_target_used() {
    let target = minutes(100);
    let cases = [
        (0, Band::Comfortable, 0),
        (49, Band::Comfortable, 49),
        (50, Band::AtRisk, 50),
        (74, Band::AtRisk, 74),
        (75, Band::Critical, 75),
        (99, Band::Critical, 99),
        (100, Band::Breached, 100),
        (250, Band::Breached, 250),
    ];
    for (elapsed, band, percent) in cases {
        assert_eq!(Band::of(minutes(elapsed), target), band, "{elapsed}");
        assert_eq!(consumed_percent(minutes(elapsed), target), percent, "{elapsed}");
    }
    assert_eq!(threshold_offset(minutes(240), 75), minutes(180));
    assert_eq!(threshold_offset(minutes(15), 50), Duration::seconds(450));
}

#[test]
fn policies_are_checked_and_their_thresholds_ordered() {
    let step = |percent| Threshold { percent, action: EscalationAction::NotifyAssignee };
    let policy = |own, resolve, thresholds: Vec<Threshold>| Policy {
        kind: Kind::Incident,
        priority: Priority::P2,
        own_minutes: own,
        resolve_minutes: resolve,
        thresholds,
    };
    let checked = policy(30, 480, vec![step(100), step(50), step(75)]).checked().unwrap();
    assert_eq!(checked.thresholds.iter().map(|s| s.percent).collect::<Vec<_>>(), [50, 75, 100]);
    assert_eq!(checked.target(Measure::TimeToOwn), Some(minutes(30)));
    assert_eq!(checked.target(Measure::PoleHandling), None);
    assert_eq!(checked.target(Measure::TimeToResolve), Some(minutes(480)));
    let cases = [
        (policy(0, 480, vec![]), PolicyError::EmptyTarget),
        (policy(30, 0, vec![]), PolicyError::EmptyTarget),
        (policy(600, 480, vec![]), PolicyError::OwnAfterResolve { own: 600, resolve: 480 }),
        (policy(30, 480, vec![step(0)]), PolicyError::ThresholdOutOfRange(0)),
        (policy(30, 480, vec![step(501)]), PolicyError::ThresholdOutOfRange(501)),
        (policy(30, 480, vec![step(75), step(50), step(75)]), PolicyError::DuplicateThreshold(75)),
    ];
    for (policy, error) in cases {
        assert_eq!(policy.checked(), Err(error.clone()), "{error}");
    }
}

#[test]
fn a_pause_moves_the_deadline_by_exactly_the_paused_business_time() {
    let calendars = [head_office(), agency()];
    let mut cases = Cases(0x5EED_0F5A_2026_1128);
    for _ in 0..3000 {
        let calendar = &calendars[cases.next(2) as usize];
        let started = cases.instant();
        let target = minutes(1 + cases.next(3000));
        let Due::At(unpaused) = ClockRun::new(started).due(calendar, target) else { panic!("no pause") };
        let pause_from = started + minutes(cases.next(6000));
        let pause_until = pause_from + minutes(cases.next(6000));
        let clock = ClockRun { started, pauses: vec![Pause { from: pause_from, until: Some(pause_until) }] };
        let Due::At(paused) = clock.due(calendar, target) else { panic!("the pause ended") };
        let paused_business = calendar.business_between(pause_from, pause_until);
        if pause_from >= unpaused {
            assert_eq!(paused, unpaused, "a pause after the deadline: {started} {target}");
        } else {
            assert!(paused >= unpaused);
            assert_eq!(
                calendar.business_between(unpaused, paused),
                paused_business,
                "{started} + {target}, paused {pause_from} → {pause_until}"
            );
        }
        // However long it ran, the clock counts the target exactly at the deadline.
        assert_eq!(clock.elapsed(calendar, paused), target, "{started} + {target}");
        // A longer target never gives an earlier deadline, paused or not.
        let Due::At(later) = clock.due(calendar, target + minutes(cases.next(600))) else { panic!() };
        assert!(later >= paused);
    }
}

#[test]
fn thresholds_are_read_as_administrators_write_them() {
    let step = |percent, action| Threshold { percent, action };
    let cases: &[(&str, Result<Vec<Threshold>, PolicyError>)] = &[
        ("", Ok(vec![])),
        ("50 NOTIFIER_ASSIGNE", Ok(vec![step(50, EscalationAction::NotifyAssignee)])),
        (
            " 50% NOTIFIER_ASSIGNE ;75 NOTIFIER_SUPERVISEUR; 100 RELEVER_PRIORITE; ",
            Ok(vec![
                step(50, EscalationAction::NotifyAssignee),
                step(75, EscalationAction::NotifySupervisor),
                step(100, EscalationAction::RaisePriority),
            ]),
        ),
        ("50", Err(PolicyError::UnreadableThreshold("50".into()))),
        ("cinquante NOTIFIER_ASSIGNE", Err(PolicyError::UnreadableThreshold("cinquante NOTIFIER_ASSIGNE".into()))),
        ("50 APPELER", Err(PolicyError::UnreadableThreshold("50 APPELER".into()))),
    ];
    for (text, expected) in cases {
        assert_eq!(&parse_thresholds(text), expected, "{text:?}");
    }
    let written = "50 NOTIFIER_ASSIGNE; 75 NOTIFIER_SUPERVISEUR; 100 REAFFECTER";
    assert_eq!(format_thresholds(&parse_thresholds(written).unwrap()), written);
}

#[test]
fn each_measure_runs_pauses_or_stops_with_the_state_of_the_ticket() {
    use Clock::{Paused, Running, Stopped};
    use Measure::{PoleHandling, TimeToOwn, TimeToResolve};
    #[rustfmt::skip]
    let cases: &[(Measure, Status, bool, Clock)] = &[
        (TimeToOwn, Status::New, false, Running),
        (TimeToOwn, Status::New, true, Stopped),               // a change taken stays New
        (TimeToOwn, Status::InProgress, true, Stopped),
        (TimeToOwn, Status::AwaitingApproval, false, Paused),  // work starts once approved
        (TimeToOwn, Status::Resolved, false, Stopped),         // solved during the call
        (TimeToResolve, Status::New, false, Running),
        (TimeToResolve, Status::InProgress, true, Running),
        (TimeToResolve, Status::WaitingRequester, true, Paused),
        (TimeToResolve, Status::AwaitingApproval, false, Paused),
        (TimeToResolve, Status::KnownError, true, Running),
        (TimeToResolve, Status::Resolved, true, Stopped),
        (TimeToResolve, Status::Closed, true, Stopped),
        (TimeToResolve, Status::Cancelled, false, Stopped),
        (PoleHandling, Status::New, false, Running),
        (PoleHandling, Status::WaitingRequester, true, Paused),
        (PoleHandling, Status::Refused, false, Stopped),
    ];
    for (measure, status, owned, clock) in cases {
        assert_eq!(clock_in(*measure, *status, *owned), *clock, "{measure} in {status} (owned: {owned})");
    }
}

#[test]
fn a_reopening_starts_a_resolution_cycle_and_a_hand_off_an_internal_one() {
    #[rustfmt::skip]
    let cases: &[(Measure, i32, i32, i16)] = &[
        (Measure::TimeToOwn, 0, 0, 1), (Measure::TimeToOwn, 2, 3, 1),
        (Measure::TimeToResolve, 0, 0, 1), (Measure::TimeToResolve, 2, 3, 3),
        (Measure::PoleHandling, 0, 0, 1), (Measure::PoleHandling, 2, 3, 4),
    ];
    for (measure, reopened, escalated, cycle) in cases {
        assert_eq!(cycle_of(*measure, *reopened, *escalated), *cycle, "{measure} {reopened} {escalated}");
    }
}

fn steps() -> Vec<Threshold> {
    parse_thresholds("50 NOTIFIER_ASSIGNE; 75 NOTIFIER_SUPERVISEUR; 100 RELEVER_PRIORITE").unwrap()
}

#[test]
fn thresholds_fall_due_in_business_time_and_fire_once() {
    let head_office = head_office();
    // Four business hours from Monday 9:00: 50 % at 11:00, 75 % at 12:00, 100 % at 14:00 (lunch skipped).
    let clock = TicketClock::start(Measure::TimeToResolve, 1, minutes(240), at("2026-11-23 09:00"));
    let percents = |due: Vec<DueThreshold>| due.iter().map(|step| step.threshold.percent).collect::<Vec<_>>();
    #[rustfmt::skip]
    type Case<'a> = (&'a str, &'a [u16], &'a [u16], Option<&'a str>);
    let cases: &[Case] = &[
        ("2026-11-23 10:59", &[], &[], Some("2026-11-23 11:00")),
        ("2026-11-23 11:00", &[], &[50], Some("2026-11-23 11:00")),
        ("2026-11-23 11:00", &[50], &[], Some("2026-11-23 12:00")),
        ("2026-11-23 13:59", &[50, 75], &[], Some("2026-11-23 14:00")),
        // The server was down all afternoon: everything due fires at once, in order.
        ("2026-11-23 17:00", &[], &[50, 75, 100], Some("2026-11-23 11:00")),
        ("2026-11-23 17:00", &[50, 75, 100], &[], None),
    ];
    for (now, fired, due, next) in cases {
        assert_eq!(percents(clock.thresholds_due(&head_office, &steps(), fired, at(now))), *due, "{now} {fired:?}");
        assert_eq!(clock.next_escalation(&head_office, &steps(), fired), next.map(at), "{now} {fired:?}");
    }
    let due = clock.thresholds_due(&head_office, &steps(), &[], at("2026-11-23 17:00"));
    assert_eq!(
        due.iter().map(|step| step.at).collect::<Vec<_>>(),
        [at("2026-11-23 11:00"), at("2026-11-23 12:00"), at("2026-11-23 14:00")]
    );
}

#[test]
fn a_paused_or_stopped_clock_escalates_nothing() {
    let head_office = head_office();
    let mut clock = TicketClock::start(Measure::TimeToResolve, 1, minutes(240), at("2026-11-23 09:00"));
    assert!(clock.follow(Clock::Paused, at("2026-11-23 10:00")));
    assert!(!clock.follow(Clock::Paused, at("2026-11-23 10:30")), "already paused");
    assert_eq!(clock.next_escalation(&head_office, &steps(), &[]), None);
    assert!(clock.thresholds_due(&head_office, &steps(), &[], at("2026-11-24 17:00")).is_empty());
    assert_eq!(clock.due(&head_office), Due::Suspended { remaining: minutes(180) });
    // Resumed the next morning: the hour already counted is kept, 50 % comes an hour later.
    assert!(clock.follow(Clock::Running, at("2026-11-24 09:00")));
    assert_eq!(clock.next_escalation(&head_office, &steps(), &[]), Some(at("2026-11-24 10:00")));
    assert!(clock.follow(Clock::Stopped, at("2026-11-24 09:30")));
    assert!(!clock.follow(Clock::Running, at("2026-11-24 10:00")), "a stopped clock stays stopped");
    assert_eq!(clock.next_escalation(&head_office, &steps(), &[]), None);
    assert_eq!(clock.elapsed(&head_office, at("2026-11-30 12:00")), minutes(90));
    assert!(!clock.breached(&head_office, at("2026-11-30 12:00")));
    assert_eq!(clock.band(&head_office, at("2026-11-30 12:00")), Band::Comfortable);
}

#[test]
fn stopping_a_paused_clock_closes_its_pause() {
    let head_office = head_office();
    let mut clock = TicketClock::start(Measure::TimeToResolve, 1, minutes(60), at("2026-11-23 09:00"));
    clock.follow(Clock::Paused, at("2026-11-23 09:30"));
    clock.follow(Clock::Stopped, at("2026-11-23 16:00"));
    assert_eq!(clock.run.pauses, [Pause { from: at("2026-11-23 09:30"), until: Some(at("2026-11-23 16:00")) }]);
    assert_eq!(clock.elapsed(&head_office, at("2026-11-25 16:00")), minutes(30));
    assert!(!clock.breached(&head_office, at("2026-11-25 16:00")));
}

/// Property: however the fired set and the instant are chosen, a threshold is either due now, still to
/// come (no later than the next escalation), or already fired; never two of these.
#[test]
fn every_threshold_is_due_pending_or_fired_exactly_once() {
    let calendars = [head_office(), agency()];
    let mut cases = Cases(0x5EED_E5CA_2026_1128);
    for _ in 0..2_000 {
        let calendar = &calendars[cases.next(2) as usize];
        let start = cases.instant();
        let target = minutes(1 + cases.next(3_000));
        let clock = TicketClock::start(Measure::TimeToOwn, 1, target, start);
        let fired: Vec<u16> = steps().iter().map(|s| s.percent).filter(|_| cases.next(2) == 0).collect();
        let now = start + minutes(cases.next(20_000));
        let due: Vec<u16> =
            clock.thresholds_due(calendar, &steps(), &fired, now).iter().map(|s| s.threshold.percent).collect();
        let next = clock.next_escalation(calendar, &steps(), &fired);
        for step in steps() {
            let states = [fired.contains(&step.percent), due.contains(&step.percent)];
            assert!(states.iter().filter(|state| **state).count() <= 1, "{step:?} both fired and due");
            if !states.contains(&true) {
                let at = clock.run.due(calendar, threshold_offset(target, step.percent));
                let Due::At(at) = at else { panic!("a running clock always has instants") };
                assert!(at > now, "{step:?} neither fired nor due but its instant has passed");
                assert!(next.is_some_and(|next| next <= at), "next escalation after a pending step");
            }
        }
    }
}

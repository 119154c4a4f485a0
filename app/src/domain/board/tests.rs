//! The board rules, case by case: URL round trips, filters, counts that agree with the filter, the order
//! of risk, countdowns in business time and patches that never go back in time.

use super::*;
use crate::domain::calendar::tests::{at, head_office};

fn calendars() -> HashMap<String, BusinessCalendar> {
    HashMap::from([("SIEGE".to_owned(), head_office())])
}

/// A ticket of the Front Office; `due` is a Bordeaux wall-clock time, with a one-hour target.
fn ticket(id: i64, status: Status, priority: Priority, due: Option<&str>) -> BoardTicket {
    BoardTicket {
        id: TicketId(id),
        reference: TicketRef { kind: Kind::Incident, year: 2026, seq: u32::try_from(id).unwrap() },
        kind: Kind::Incident,
        status,
        title: format!("Ticket {id}"),
        priority,
        pole: Pole::Front,
        site: SiteId(1),
        site_name: "Siège".to_owned(),
        domain: Some(ServiceDomain::Workstation),
        requester_name: Some("Camille Martin".to_owned()),
        assignee: None,
        assignee_name: None,
        registered_at: at("2026-11-23 08:30") + Duration::minutes(id),
        updated_at: at("2026-11-23 08:30"),
        version: 1,
        clock: due.map(|due| BoardClock {
            measure: Measure::TimeToOwn,
            calendar: "SIEGE".to_owned(),
            target_minutes: 60,
            due: Some(at(due)),
            paused_remaining_seconds: 0,
        }),
        asset: None,
        request_type: None,
    }
}

fn pairs(query: &str) -> Vec<(&str, &str)> {
    query.split('&').filter(|pair| !pair.is_empty()).map(|pair| pair.split_once('=').unwrap_or((pair, ""))).collect()
}

#[test]
fn a_board_url_reads_back_to_the_same_view() {
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("", "pole=FRONT"),
        ("pole=BACK", "pole=BACK"),
        ("pole=MOI&vue=colonnes", "pole=MOI&vue=colonnes"),
        ("vue=liste&pole=EXPERT", "pole=EXPERT"),
        ("priorite=P1&type=INCIDENT&pole=ATELIER", "pole=ATELIER&type=INCIDENT&priorite=P1"),
        ("site=12&domaine=RESEAU&assigne=personne", "pole=FRONT&site=12&domaine=RESEAU&assigne=personne"),
        ("assigne=7&etat=waiting&risque=1&attente=oui", "pole=FRONT&assigne=7&etat=waiting&risque=1&attente=1"),
        ("risque=0&attente=non", "pole=FRONT"),
        ("page=3&tri=x", "pole=FRONT"),
        ("priorite=", "pole=FRONT"),
    ];
    for (query, canonical) in cases {
        let view = BoardView::parse(pairs(query), BoardScope::Pole(Pole::Front)).unwrap();
        assert_eq!(view.to_query(), *canonical, "{query}");
        let again = BoardView::parse(pairs(canonical), BoardScope::Mine).unwrap();
        assert_eq!(again, view, "{canonical}");
    }
}

/// A query, the parameters it cannot read, and the view kept from the rest.
type Unreadable<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

#[test]
fn a_value_that_means_nothing_is_named_and_the_rest_is_kept() {
    #[rustfmt::skip]
    let cases: &[Unreadable<'_>] = &[
        ("pole=QUALITE", &[("pole", "QUALITE")], "pole=FRONT"),
        ("pole=XYZ&priorite=P1", &[("pole", "XYZ")], "pole=FRONT&priorite=P1"),
        ("priorite=P9&type=INCIDENT", &[("priorite", "P9")], "pole=FRONT&type=INCIDENT"),
        ("site=douze&assigne=quelqu'un", &[("site", "douze"), ("assigne", "quelqu'un")], "pole=FRONT"),
        ("etat=closed", &[("etat", "closed")], "pole=FRONT"),
        ("vue=tableau&risque=peut-etre", &[("vue", "tableau"), ("risque", "peut-etre")], "pole=FRONT"),
    ];
    for (query, named, kept) in cases {
        let problems = BoardView::parse(pairs(query), BoardScope::Pole(Pole::Front)).unwrap_err();
        let named: Vec<QueryProblem> = named
            .iter()
            .map(|(param, value)| QueryProblem { param: (*param).into(), value: (*value).into() })
            .collect();
        assert_eq!(problems, named, "{query}");
        let (view, problems) = BoardView::parse_lenient(pairs(query), BoardScope::Pole(Pole::Front));
        assert_eq!(problems, named, "{query}");
        assert_eq!(view.to_query(), *kept, "{query}");
    }
}

#[test]
fn query_values_are_encoded() {
    assert_eq!(encode("P1"), "P1");
    assert_eq!(encode("a b&c=é"), "a%20b%26c%3D%C3%A9");
}

#[test]
fn a_countdown_counts_business_time_and_says_its_band() {
    let calendars = calendars();
    // Due Monday 10:00 with a one-hour target; the head office opens 08:30-12:30, 13:30-18:00.
    #[rustfmt::skip]
    let cases: &[(&str, &str, i64, Band)] = &[
        ("2026-11-23 10:00", "2026-11-23 09:00", 60, Band::Comfortable),
        ("2026-11-23 10:00", "2026-11-23 09:29", 31, Band::Comfortable),
        ("2026-11-23 10:00", "2026-11-23 09:30", 30, Band::AtRisk),
        ("2026-11-23 10:00", "2026-11-23 09:45", 15, Band::Critical),
        ("2026-11-23 10:00", "2026-11-23 10:00", 0, Band::Breached),
        ("2026-11-23 10:00", "2026-11-23 11:15", -75, Band::Breached),
        // Lunch and the night do not count: due at 14:00, at 12:00 there is an hour left.
        ("2026-11-23 14:00", "2026-11-23 12:00", 60, Band::Comfortable),
        ("2026-11-23 14:00", "2026-11-23 12:45", 30, Band::AtRisk),
        ("2026-11-24 09:00", "2026-11-23 17:30", 60, Band::Comfortable),
        // Overdue across a weekend: Friday 17:30 to Monday 09:00 is one business hour.
        ("2026-11-27 17:30", "2026-11-30 09:00", -60, Band::Breached),
    ];
    for (due, now, remaining, band) in cases {
        let mut held = ticket(1, Status::New, Priority::P3, Some(due));
        held.clock.as_mut().unwrap().calendar = "SIEGE".into();
        let countdown = countdown(held.clock.as_ref().unwrap(), &calendars, at(now)).unwrap();
        assert_eq!(countdown.remaining, Duration::minutes(*remaining), "{due} at {now}");
        assert_eq!(countdown.band, *band, "{due} at {now}");
        assert!(!countdown.paused);
    }
}

#[test]
fn a_paused_clock_keeps_what_was_left_and_an_unknown_calendar_claims_nothing() {
    let calendars = calendars();
    let mut paused = ticket(1, Status::WaitingRequester, Priority::P3, None);
    paused.clock = Some(BoardClock {
        measure: Measure::TimeToResolve,
        calendar: "SIEGE".into(),
        target_minutes: 60,
        due: None,
        paused_remaining_seconds: 20 * 60,
    });
    for now in ["2026-11-23 09:00", "2026-11-28 23:00"] {
        let countdown = countdown(paused.clock.as_ref().unwrap(), &calendars, at(now)).unwrap();
        assert_eq!(
            (countdown.remaining, countdown.band, countdown.paused),
            (Duration::minutes(20), Band::AtRisk, true)
        );
    }
    let mut lost = ticket(2, Status::New, Priority::P3, Some("2026-11-23 10:00"));
    lost.clock.as_mut().unwrap().calendar = "SUPPRIME".into();
    assert_eq!(countdown(lost.clock.as_ref().unwrap(), &calendars, at("2026-11-23 09:00")), None);
}

#[test]
fn a_countdown_advanced_within_its_minute_is_the_countdown_counted_afresh() {
    let calendars = calendars();
    let clock = ticket(1, Status::New, Priority::P3, Some("2026-11-23 14:00")).clock.unwrap();
    // Open minutes, the last minute before lunch, lunch, the first minute after, the evening, overdue.
    #[rustfmt::skip]
    let minutes = [
        "2026-11-23 09:15", "2026-11-23 12:29", "2026-11-23 12:30", "2026-11-23 13:29", "2026-11-23 13:30",
        "2026-11-23 13:59", "2026-11-23 14:00", "2026-11-23 17:59", "2026-11-23 18:00", "2026-11-24 08:30",
    ];
    for minute in minutes {
        for seconds in [0, 1, 29, 59] {
            let now = at(minute) + Duration::seconds(seconds) + Duration::milliseconds(250);
            assert_eq!(minute_of(now), at(minute), "{minute}");
            let ticking = MinuteCountdown::of(&clock, &calendars, now).unwrap();
            let afresh = countdown(&clock, &calendars, now).unwrap();
            assert_eq!(ticking.at(now), afresh, "{minute} + {seconds} s");
        }
    }
}

#[test]
fn the_board_is_ordered_by_risk_then_deadline_then_priority() {
    let calendars = calendars();
    let clocks = Clocks { now: at("2026-11-23 09:40"), calendars: &calendars };
    let mut tickets = vec![
        ticket(1, Status::New, Priority::P4, None),
        ticket(2, Status::New, Priority::P3, Some("2026-11-23 11:00")), // comfortable, 80 min left
        ticket(3, Status::New, Priority::P3, Some("2026-11-23 09:30")), // breached 10 min ago
        ticket(4, Status::New, Priority::P2, Some("2026-11-23 09:55")), // critical, 15 min left
        ticket(5, Status::New, Priority::P1, Some("2026-11-23 11:00")), // comfortable, same deadline as 2
        ticket(6, Status::New, Priority::P1, Some("2026-11-23 09:00")), // breached 40 min ago
        ticket(7, Status::New, Priority::P1, None),
        ticket(8, Status::New, Priority::P3, Some("2026-11-23 10:05")), // at risk, 25 min left
    ];
    risk_order(&mut tickets, &clocks);
    let order: Vec<i64> = tickets.iter().map(|ticket| ticket.id.0).collect();
    assert_eq!(order, [6, 3, 4, 8, 5, 2, 7, 1]);
}

#[test]
fn filters_narrow_and_counts_agree_with_them() {
    let calendars = calendars();
    let clocks = Clocks { now: at("2026-11-23 09:40"), calendars: &calendars };
    let mut tickets = vec![
        ticket(1, Status::New, Priority::P1, Some("2026-11-23 09:50")),
        ticket(2, Status::InProgress, Priority::P3, Some("2026-11-23 15:00")),
        ticket(3, Status::WaitingRequester, Priority::P3, None),
        ticket(4, Status::Resolved, Priority::P2, None),
        ticket(5, Status::InProgress, Priority::P1, Some("2026-11-23 09:00")),
    ];
    tickets[1].assignee = Some(UserId(7));
    tickets[1].assignee_name = Some("Nadia Benali".into());
    tickets[4].assignee = Some(UserId(7));
    tickets[4].assignee_name = Some("Nadia Benali".into());
    tickets[2].site = SiteId(2);
    tickets[2].site_name = "Agence Libourne".into();
    tickets[3].kind = Kind::Request;
    tickets[3].domain = None;

    let shown = |filter: &BoardFilter| -> Vec<i64> {
        tickets.iter().filter(|t| filter.matches(t, &clocks)).map(|t| t.id.0).collect()
    };
    #[rustfmt::skip]
    let cases: Vec<(BoardFilter, Vec<i64>)> = vec![
        (BoardFilter::default(), vec![1, 2, 3, 4, 5]),
        (BoardFilter { priority: Some(Priority::P1), ..Default::default() }, vec![1, 5]),
        (BoardFilter { kind: Some(Kind::Request), ..Default::default() }, vec![4]),
        (BoardFilter { site: Some(SiteId(2)), ..Default::default() }, vec![3]),
        (BoardFilter { domain: Some(ServiceDomain::Workstation), ..Default::default() }, vec![1, 2, 3, 5]),
        (BoardFilter { assignee: Some(AssigneeFilter::Nobody), ..Default::default() }, vec![1, 3, 4]),
        (BoardFilter { assignee: Some(AssigneeFilter::Person(UserId(7))), ..Default::default() }, vec![2, 5]),
        (BoardFilter { group: Some(StatusGroup::Active), ..Default::default() }, vec![2, 5]),
        (BoardFilter { waiting: true, ..Default::default() }, vec![3]),
        (BoardFilter { at_risk: true, ..Default::default() }, vec![1, 5]),
        (BoardFilter { at_risk: true, priority: Some(Priority::P1), assignee: Some(AssigneeFilter::Nobody), ..Default::default() }, vec![1]),
    ];
    for (filter, expected) in &cases {
        assert_eq!(&shown(filter), expected, "{filter:?}");
    }

    // Counts per value keep the other filters: with P1 chosen, the priorities still count every priority
    // (choosing P3 instead would show two), while the columns count only P1 tickets.
    let filter = BoardFilter { priority: Some(Priority::P1), ..Default::default() };
    let counted = counts(&tickets, &filter, &clocks);
    assert_eq!((counted.total, counted.shown), (5, 2));
    assert_eq!(counted.priorities, vec![(Priority::P1, 2), (Priority::P2, 1), (Priority::P3, 2)]);
    assert_eq!(
        counted.groups,
        vec![(StatusGroup::New, 1), (StatusGroup::Active, 1), (StatusGroup::Waiting, 0), (StatusGroup::Resolved, 0)]
    );
    assert_eq!(counted.assignees, vec![(None, String::new(), 1), (Some(UserId(7)), "Nadia Benali".into(), 1)]);
    assert_eq!(counted.at_risk, 2);
    assert_eq!(counted.waiting, 0);
    // Every value's count is what choosing it would show.
    for (priority, count) in &counted.priorities {
        let chosen = BoardFilter { priority: Some(*priority), ..filter.clone() };
        assert_eq!(shown(&chosen).len(), *count, "{priority:?}");
    }
    for (site, _, count) in &counts(&tickets, &BoardFilter::default(), &clocks).sites {
        assert_eq!(shown(&BoardFilter { site: Some(*site), ..Default::default() }).len(), *count);
    }
}

#[test]
fn a_board_holds_the_open_tickets_of_its_pole_or_of_its_owner() {
    let me = UserId(7);
    let mut mine = ticket(1, Status::InProgress, Priority::P3, None);
    mine.assignee = Some(me);
    let mut elsewhere = mine.clone();
    elsewhere.pole = Pole::Back;
    let mut closed = mine.clone();
    closed.status = Status::Closed;
    let theirs = ticket(2, Status::New, Priority::P3, None);
    #[rustfmt::skip]
    let cases: &[(BoardScope, &BoardTicket, bool)] = &[
        (BoardScope::Pole(Pole::Front), &mine, true),
        (BoardScope::Pole(Pole::Front), &elsewhere, false),
        (BoardScope::Pole(Pole::Back), &elsewhere, true),
        (BoardScope::Pole(Pole::Front), &closed, false),
        (BoardScope::Mine, &elsewhere, true),
        (BoardScope::Mine, &closed, false),
        (BoardScope::Mine, &theirs, false),
        (BoardScope::Pole(Pole::Front), &theirs, true),
    ];
    for (scope, ticket, holds) in cases {
        assert_eq!(scope.holds(ticket, me), *holds, "{scope:?} {:?} {:?}", ticket.pole, ticket.status);
    }
    assert_eq!(BoardScope::from_code("QUALITE"), None);
    assert_eq!(BoardScope::from_code("MOI"), Some(BoardScope::Mine));
    for pole in BOARD_POLES {
        assert_eq!(BoardScope::from_code(BoardScope::Pole(pole).code()), Some(BoardScope::Pole(pole)));
    }
}

#[test]
fn a_patch_never_replaces_a_newer_copy() {
    let held = ticket(1, Status::New, Priority::P3, None);
    let mut taken = held.clone();
    taken.version = 2;
    taken.status = Status::InProgress;
    let mut board = vec![held.clone()];

    assert!(apply(&mut board, Patch::Upsert(Box::new(taken.clone()))));
    assert_eq!(board, vec![taken.clone()]);
    // The answer to an earlier fetch arrives late: ignored.
    assert!(!apply(&mut board, Patch::Upsert(Box::new(held.clone()))));
    assert_eq!(board, vec![taken.clone()]);
    // The same version again changes nothing; the same version with other facts (a comment moves
    // updated_at without a new version) is taken.
    assert!(!apply(&mut board, Patch::Upsert(Box::new(taken.clone()))));
    let mut commented = taken.clone();
    commented.updated_at += Duration::minutes(5);
    assert!(apply(&mut board, Patch::Upsert(Box::new(commented.clone()))));
    // A new ticket joins; one that left goes; removing it twice is harmless.
    let fresh = ticket(2, Status::New, Priority::P1, None);
    assert!(apply(&mut board, Patch::Upsert(Box::new(fresh.clone()))));
    assert_eq!(board.len(), 2);
    assert!(apply(&mut board, Patch::Remove(TicketId(1))));
    assert!(!apply(&mut board, Patch::Remove(TicketId(1))));
    assert_eq!(board, vec![fresh]);
}

#[test]
fn the_workshop_tells_repairs_from_preparations() {
    #[rustfmt::skip]
    let cases = [
        (Kind::Incident, WorkshopJob::Repair), (Kind::Request, WorkshopJob::Preparation),
        (Kind::Change, WorkshopJob::Other), (Kind::Problem, WorkshopJob::Other), (Kind::Event, WorkshopJob::Other),
    ];
    for (kind, job) in cases {
        assert_eq!(WorkshopJob::of(kind), job);
    }
}

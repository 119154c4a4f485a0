//! What a board offers and shows at once, before the server answers.

use super::*;
use crate::auth::{CurrentUser, SiteRef};
use crate::domain::board::BoardClock;
use crate::domain::ids::SiteId;
use crate::domain::people::{Role, Roles, SiteKind, Typology};
use crate::domain::sla::Measure;
use crate::domain::ticket::Kind;

fn person(id: i64, roles: &[Role], pole: Option<Pole>) -> CurrentUser {
    CurrentUser {
        id: UserId(id),
        login: format!("p{id}@immo9.fr"),
        display_name: format!("Agent {id}"),
        roles: Roles::new(roles.iter().copied()),
        pole,
        typology: Typology::HeadOffice,
        site: SiteRef { id: SiteId(1), name: "Siège".into(), kind: SiteKind::HeadOffice },
    }
}

fn ticket(kind: Kind, status: Status, assignee: Option<i64>) -> BoardTicket {
    BoardTicket {
        id: TicketId(1),
        reference: TicketRef { kind, year: 2026, seq: 1 },
        kind,
        status,
        title: "Écran noir".into(),
        priority: Priority::P3,
        pole: Pole::Front,
        site: SiteId(1),
        site_name: "Siège".into(),
        domain: None,
        requester_name: None,
        assignee: assignee.map(UserId),
        assignee_name: assignee.map(|id| format!("Agent {id}")),
        registered_at: DateTime::UNIX_EPOCH,
        updated_at: DateTime::UNIX_EPOCH,
        version: 3,
        clock: Some(BoardClock {
            measure: Measure::TimeToOwn,
            calendar: "SIEGE".into(),
            target_minutes: 60,
            due: None,
            paused_remaining_seconds: 0,
        }),
        asset: None,
        request_type: None,
    }
}

/// Who looks, at what ticket (kind, status, assignee), what the board offers and whether the priority can change.
type Offer<'a> = (&'a CurrentUser, Kind, Status, Option<i64>, &'a [Action], bool);

#[test]
fn a_board_offers_what_the_lifecycle_allows_the_person() {
    let n1 = person(7, &[Role::Agent], Some(Pole::Front));
    let n2 = person(8, &[Role::Agent], Some(Pole::Back));
    let supervisor = person(9, &[Role::Agent, Role::Supervisor], Some(Pole::Front));
    use Action::{Assign, Escalate, Take};
    #[rustfmt::skip]
    let cases: &[Offer<'_>] = &[
        (&n1, Kind::Incident, Status::New, None, &[Take, Assign, Escalate], true),
        (&n1, Kind::Incident, Status::InProgress, Some(7), &[Assign, Escalate], true),
        (&n1, Kind::Incident, Status::WaitingRequester, Some(7), &[], true),
        (&n1, Kind::Incident, Status::Resolved, Some(7), &[], true),
        (&n2, Kind::Incident, Status::New, None, &[], false),
        (&supervisor, Kind::Incident, Status::New, None, &[Take, Assign, Escalate], true),
        (&n1, Kind::Event, Status::New, None, &[], true),
    ];
    for (viewer, kind, status, assignee, offered, reprioritise) in cases {
        let ticket = ticket(*kind, *status, *assignee);
        assert_eq!(offered_actions(&ticket, viewer), *offered, "{} {kind:?} {status:?}", viewer.display_name);
        assert_eq!(may_reprioritise(&ticket, viewer), *reprioritise, "{} {kind:?} {status:?}", viewer.display_name);
    }
}

#[test]
fn the_board_shows_the_outcome_before_the_server_answers() {
    let n1 = person(7, &[Role::Agent], Some(Pole::Front));
    let agents = [AgentChoice { id: UserId(12), name: "Isabelle Garnier".into(), pole: Pole::Front }];
    let new = ticket(Kind::Incident, Status::New, None);

    let taken = predicted(&new, &BoardAction::Take, &n1, &agents);
    assert_eq!(
        (taken.status, taken.assignee, taken.assignee_name.as_deref()),
        (Status::InProgress, Some(UserId(7)), Some("Agent 7"))
    );
    // The version is the one seen: the server's answer, newer, replaces the prediction.
    assert_eq!(taken.version, new.version);

    let assigned = predicted(&new, &BoardAction::Assign { assignee: UserId(12) }, &n1, &agents);
    assert_eq!((assigned.status, assigned.assignee_name.as_deref()), (Status::InProgress, Some("Isabelle Garnier")));

    let held = ticket(Kind::Incident, Status::InProgress, Some(7));
    let escalated =
        predicted(&held, &BoardAction::Escalate { pole: Pole::Back, reason: "Serveur".into() }, &n1, &agents);
    assert_eq!((escalated.pole, escalated.status, escalated.assignee), (Pole::Back, Status::New, None));
    assert!(!crate::domain::board::BoardScope::Pole(Pole::Front).holds(&escalated, n1.id));

    let raised =
        predicted(&held, &BoardAction::Reprioritise { priority: Priority::P1, reason: "VIP".into() }, &n1, &agents);
    assert_eq!((raised.priority, raised.status, raised.assignee), (Priority::P1, Status::InProgress, Some(UserId(7))));

    // An action the lifecycle refuses changes nothing but what it names: the server will refuse it.
    let waiting = ticket(Kind::Incident, Status::WaitingRequester, Some(7));
    assert_eq!(predicted(&waiting, &BoardAction::Take, &n1, &agents).status, Status::WaitingRequester);
}

#[test]
fn board_actions_read_and_write_as_the_api_documents() {
    #[rustfmt::skip]
    let cases = [
        (BoardAction::Take, serde_json::json!({"kind": "take"})),
        (BoardAction::Assign { assignee: UserId(4) }, serde_json::json!({"kind": "assign", "assignee": 4})),
        (BoardAction::Escalate { pole: Pole::Back, reason: "r".into() }, serde_json::json!({"kind": "escalate", "pole": "BACK", "reason": "r"})),
        (BoardAction::Reprioritise { priority: Priority::P2, reason: "r".into() }, serde_json::json!({"kind": "reprioritise", "priority": "P2", "reason": "r"})),
    ];
    for (action, json) in cases {
        assert_eq!(serde_json::to_value(&action).unwrap(), json);
        assert_eq!(serde_json::from_value::<BoardAction>(json).unwrap(), action);
    }
}

//! The workflow, checked against the transition list written out in full below, for every kind × state ×
//! action × performer; plus the reasons for refusal, the consistency of the table, and the helpers that say
//! who a person is to a ticket.

use super::*;
use crate::domain::ids::SiteId;
use crate::domain::people::Pole;

/// Every allowed transition: `KIND FROM ACTION PERFORMER -> TO`. Anything not listed must be refused.
/// This is the specification; change it only with the workflow, and read the diff.
const SPECIFICATION: &str = "
EVENEMENT NOUVEAU CLORE AGENT_DU_POLE -> CLOS
EVENEMENT NOUVEAU CLORE SUPERVISEUR -> CLOS
EVENEMENT NOUVEAU ACQUITTER AGENT_DU_POLE -> ACQUITTE
EVENEMENT NOUVEAU ACQUITTER SUPERVISEUR -> ACQUITTE
EVENEMENT NOUVEAU RATTACHER AGENT_DU_POLE -> CLOS
EVENEMENT NOUVEAU RATTACHER SUPERVISEUR -> CLOS
EVENEMENT NOUVEAU PROMOUVOIR AGENT_DU_POLE -> CLOS
EVENEMENT NOUVEAU PROMOUVOIR SUPERVISEUR -> CLOS
EVENEMENT ACQUITTE CLORE AGENT_DU_POLE -> CLOS
EVENEMENT ACQUITTE CLORE SUPERVISEUR -> CLOS
EVENEMENT ACQUITTE RATTACHER AGENT_DU_POLE -> CLOS
EVENEMENT ACQUITTE RATTACHER SUPERVISEUR -> CLOS
EVENEMENT ACQUITTE PROMOUVOIR AGENT_DU_POLE -> CLOS
EVENEMENT ACQUITTE PROMOUVOIR SUPERVISEUR -> CLOS
INCIDENT NOUVEAU PRENDRE AGENT_DU_POLE -> EN_COURS
INCIDENT NOUVEAU PRENDRE SUPERVISEUR -> EN_COURS
INCIDENT NOUVEAU ASSIGNER AGENT_DU_POLE -> EN_COURS
INCIDENT NOUVEAU ASSIGNER SUPERVISEUR -> EN_COURS
INCIDENT NOUVEAU ESCALADER AGENT_DU_POLE -> NOUVEAU
INCIDENT NOUVEAU ESCALADER SUPERVISEUR -> NOUVEAU
INCIDENT NOUVEAU ESCALADE_HIERARCHIQUE DEMANDEUR -> NOUVEAU
INCIDENT NOUVEAU ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> NOUVEAU
INCIDENT NOUVEAU RESOUDRE AGENT_DU_POLE -> RESOLU
INCIDENT NOUVEAU RESOUDRE SUPERVISEUR -> RESOLU
INCIDENT NOUVEAU ANNULER DEMANDEUR -> ANNULE
INCIDENT NOUVEAU ANNULER SUPERVISEUR -> ANNULE
INCIDENT EN_COURS LIBERER ASSIGNE -> NOUVEAU
INCIDENT EN_COURS LIBERER SUPERVISEUR -> NOUVEAU
INCIDENT EN_COURS ASSIGNER AGENT_DU_POLE -> EN_COURS
INCIDENT EN_COURS ASSIGNER SUPERVISEUR -> EN_COURS
INCIDENT EN_COURS ESCALADER AGENT_DU_POLE -> NOUVEAU
INCIDENT EN_COURS ESCALADER SUPERVISEUR -> NOUVEAU
INCIDENT EN_COURS ESCALADE_HIERARCHIQUE DEMANDEUR -> EN_COURS
INCIDENT EN_COURS ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> EN_COURS
INCIDENT EN_COURS QUESTIONNER ASSIGNE -> ATTENTE_DEMANDEUR
INCIDENT EN_COURS RESOUDRE AGENT_DU_POLE -> RESOLU
INCIDENT EN_COURS RESOUDRE SUPERVISEUR -> RESOLU
INCIDENT EN_COURS ANNULER DEMANDEUR -> ANNULE
INCIDENT EN_COURS ANNULER SUPERVISEUR -> ANNULE
INCIDENT ATTENTE_DEMANDEUR ESCALADE_HIERARCHIQUE DEMANDEUR -> ATTENTE_DEMANDEUR
INCIDENT ATTENTE_DEMANDEUR ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> ATTENTE_DEMANDEUR
INCIDENT ATTENTE_DEMANDEUR REPONDRE DEMANDEUR -> EN_COURS
INCIDENT ATTENTE_DEMANDEUR RESOUDRE ASSIGNE -> RESOLU
INCIDENT ATTENTE_DEMANDEUR RESOUDRE SYSTEME -> RESOLU
INCIDENT ATTENTE_DEMANDEUR ANNULER DEMANDEUR -> ANNULE
INCIDENT ATTENTE_DEMANDEUR ANNULER SUPERVISEUR -> ANNULE
INCIDENT RESOLU CONFIRMER DEMANDEUR -> CLOS
INCIDENT RESOLU REJETER DEMANDEUR -> EN_COURS
INCIDENT RESOLU CLORE SYSTEME -> CLOS
PROBLEME NOUVEAU PRENDRE AGENT_DU_POLE -> EN_COURS
PROBLEME NOUVEAU PRENDRE SUPERVISEUR -> EN_COURS
PROBLEME NOUVEAU ASSIGNER AGENT_DU_POLE -> EN_COURS
PROBLEME NOUVEAU ASSIGNER SUPERVISEUR -> EN_COURS
PROBLEME NOUVEAU ESCALADER AGENT_DU_POLE -> NOUVEAU
PROBLEME NOUVEAU ESCALADER SUPERVISEUR -> NOUVEAU
PROBLEME NOUVEAU ESCALADE_HIERARCHIQUE DEMANDEUR -> NOUVEAU
PROBLEME NOUVEAU ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> NOUVEAU
PROBLEME NOUVEAU ANNULER SUPERVISEUR -> ANNULE
PROBLEME EN_COURS LIBERER ASSIGNE -> NOUVEAU
PROBLEME EN_COURS LIBERER SUPERVISEUR -> NOUVEAU
PROBLEME EN_COURS ASSIGNER AGENT_DU_POLE -> EN_COURS
PROBLEME EN_COURS ASSIGNER SUPERVISEUR -> EN_COURS
PROBLEME EN_COURS ESCALADER AGENT_DU_POLE -> NOUVEAU
PROBLEME EN_COURS ESCALADER SUPERVISEUR -> NOUVEAU
PROBLEME EN_COURS ESCALADE_HIERARCHIQUE DEMANDEUR -> EN_COURS
PROBLEME EN_COURS ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> EN_COURS
PROBLEME EN_COURS RESOUDRE ASSIGNE -> RESOLU
PROBLEME EN_COURS RESOUDRE SUPERVISEUR -> RESOLU
PROBLEME EN_COURS ANNULER SUPERVISEUR -> ANNULE
PROBLEME EN_COURS ERREUR_CONNUE ASSIGNE -> ERREUR_CONNUE
PROBLEME ERREUR_CONNUE ESCALADE_HIERARCHIQUE DEMANDEUR -> ERREUR_CONNUE
PROBLEME ERREUR_CONNUE ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> ERREUR_CONNUE
PROBLEME ERREUR_CONNUE RESOUDRE ASSIGNE -> RESOLU
PROBLEME ERREUR_CONNUE RESOUDRE SUPERVISEUR -> RESOLU
PROBLEME ERREUR_CONNUE ANNULER SUPERVISEUR -> ANNULE
PROBLEME RESOLU CLORE AGENT_DU_POLE -> CLOS
PROBLEME RESOLU CLORE SUPERVISEUR -> CLOS
DEMANDE NOUVEAU PRENDRE AGENT_DU_POLE -> EN_COURS
DEMANDE NOUVEAU PRENDRE SUPERVISEUR -> EN_COURS
DEMANDE NOUVEAU ASSIGNER AGENT_DU_POLE -> EN_COURS
DEMANDE NOUVEAU ASSIGNER SUPERVISEUR -> EN_COURS
DEMANDE NOUVEAU ESCALADER AGENT_DU_POLE -> NOUVEAU
DEMANDE NOUVEAU ESCALADER SUPERVISEUR -> NOUVEAU
DEMANDE NOUVEAU ESCALADE_HIERARCHIQUE DEMANDEUR -> NOUVEAU
DEMANDE NOUVEAU ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> NOUVEAU
DEMANDE NOUVEAU RESOUDRE AGENT_DU_POLE -> RESOLU
DEMANDE NOUVEAU RESOUDRE SUPERVISEUR -> RESOLU
DEMANDE NOUVEAU ANNULER DEMANDEUR -> ANNULE
DEMANDE NOUVEAU ANNULER SUPERVISEUR -> ANNULE
DEMANDE EN_COURS LIBERER ASSIGNE -> NOUVEAU
DEMANDE EN_COURS LIBERER SUPERVISEUR -> NOUVEAU
DEMANDE EN_COURS ASSIGNER AGENT_DU_POLE -> EN_COURS
DEMANDE EN_COURS ASSIGNER SUPERVISEUR -> EN_COURS
DEMANDE EN_COURS ESCALADER AGENT_DU_POLE -> NOUVEAU
DEMANDE EN_COURS ESCALADER SUPERVISEUR -> NOUVEAU
DEMANDE EN_COURS ESCALADE_HIERARCHIQUE DEMANDEUR -> EN_COURS
DEMANDE EN_COURS ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> EN_COURS
DEMANDE EN_COURS QUESTIONNER ASSIGNE -> ATTENTE_DEMANDEUR
DEMANDE EN_COURS RESOUDRE AGENT_DU_POLE -> RESOLU
DEMANDE EN_COURS RESOUDRE SUPERVISEUR -> RESOLU
DEMANDE EN_COURS ANNULER DEMANDEUR -> ANNULE
DEMANDE EN_COURS ANNULER SUPERVISEUR -> ANNULE
DEMANDE ATTENTE_DEMANDEUR ESCALADE_HIERARCHIQUE DEMANDEUR -> ATTENTE_DEMANDEUR
DEMANDE ATTENTE_DEMANDEUR ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> ATTENTE_DEMANDEUR
DEMANDE ATTENTE_DEMANDEUR REPONDRE DEMANDEUR -> EN_COURS
DEMANDE ATTENTE_DEMANDEUR RESOUDRE ASSIGNE -> RESOLU
DEMANDE ATTENTE_DEMANDEUR RESOUDRE SYSTEME -> RESOLU
DEMANDE ATTENTE_DEMANDEUR ANNULER DEMANDEUR -> ANNULE
DEMANDE ATTENTE_DEMANDEUR ANNULER SUPERVISEUR -> ANNULE
DEMANDE RESOLU CONFIRMER DEMANDEUR -> CLOS
DEMANDE RESOLU REJETER DEMANDEUR -> EN_COURS
DEMANDE RESOLU CLORE SYSTEME -> CLOS
DEMANDE ATTENTE_APPROBATION ESCALADE_HIERARCHIQUE DEMANDEUR -> ATTENTE_APPROBATION
DEMANDE ATTENTE_APPROBATION ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> ATTENTE_APPROBATION
DEMANDE ATTENTE_APPROBATION APPROUVER APPROBATEUR -> NOUVEAU
DEMANDE ATTENTE_APPROBATION REFUSER APPROBATEUR -> REFUSE
DEMANDE ATTENTE_APPROBATION ANNULER DEMANDEUR -> ANNULE
DEMANDE ATTENTE_APPROBATION ANNULER SUPERVISEUR -> ANNULE
CHANGEMENT NOUVEAU PRENDRE AGENT_DU_POLE -> NOUVEAU
CHANGEMENT NOUVEAU PRENDRE SUPERVISEUR -> NOUVEAU
CHANGEMENT NOUVEAU ESCALADE_HIERARCHIQUE DEMANDEUR -> NOUVEAU
CHANGEMENT NOUVEAU ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> NOUVEAU
CHANGEMENT NOUVEAU ANNULER AGENT_DU_POLE -> ANNULE
CHANGEMENT NOUVEAU ANNULER SUPERVISEUR -> ANNULE
CHANGEMENT NOUVEAU SOUMETTRE AGENT_DU_POLE -> ATTENTE_APPROBATION
CHANGEMENT EN_COURS ESCALADE_HIERARCHIQUE DEMANDEUR -> EN_COURS
CHANGEMENT EN_COURS ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> EN_COURS
CHANGEMENT EN_COURS RESOUDRE AGENT_DU_POLE -> RESOLU
CHANGEMENT ATTENTE_APPROBATION ESCALADE_HIERARCHIQUE DEMANDEUR -> ATTENTE_APPROBATION
CHANGEMENT ATTENTE_APPROBATION ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> ATTENTE_APPROBATION
CHANGEMENT ATTENTE_APPROBATION ANNULER AGENT_DU_POLE -> ANNULE
CHANGEMENT ATTENTE_APPROBATION ANNULER SUPERVISEUR -> ANNULE
CHANGEMENT ATTENTE_APPROBATION APPROUVER CAB -> APPROUVE
CHANGEMENT ATTENTE_APPROBATION REFUSER CAB -> REFUSE
CHANGEMENT APPROUVE PRENDRE AGENT_DU_POLE -> APPROUVE
CHANGEMENT APPROUVE PRENDRE SUPERVISEUR -> APPROUVE
CHANGEMENT APPROUVE ESCALADE_HIERARCHIQUE DEMANDEUR -> APPROUVE
CHANGEMENT APPROUVE ESCALADE_HIERARCHIQUE AGENT_DU_POLE -> APPROUVE
CHANGEMENT APPROUVE ANNULER AGENT_DU_POLE -> ANNULE
CHANGEMENT APPROUVE ANNULER SUPERVISEUR -> ANNULE
CHANGEMENT APPROUVE DEMARRER AGENT_DU_POLE -> EN_COURS
CHANGEMENT RESOLU CLORE AGENT_DU_POLE -> CLOS
CHANGEMENT RESOLU CLORE SUPERVISEUR -> CLOS
";

/// Every input supplied, so that only the kind, the state and the performer decide.
fn everything() -> Provided {
    Provided {
        reason: true,
        solution: true,
        question: true,
        answer: true,
        assignee: true,
        target_pole: Some(Pole::Expert),
        linked_incident: true,
        workaround: true,
        confirmation_delay_elapsed: true,
    }
}

#[test]
fn every_kind_state_action_and_performer_follows_the_specification() {
    let expected: std::collections::BTreeSet<&str> =
        SPECIFICATION.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut allowed = std::collections::BTreeSet::new();
    let mut combinations = 0;
    for kind in Kind::ALL {
        for status in Status::ALL {
            for action in Action::ALL {
                for performer in Performer::ALL {
                    combinations += 1;
                    if let Ok(plan) = plan(*kind, *status, Pole::Front, *action, &[*performer], &everything()) {
                        allowed.insert(format!("{kind} {status} {action} {performer} -> {}", plan.to));
                    }
                }
            }
        }
    }
    assert_eq!(combinations, 5 * 11 * 20 * 7);
    let allowed: std::collections::BTreeSet<&str> = allowed.iter().map(String::as_str).collect();
    let unexpected: Vec<_> = allowed.difference(&expected).collect();
    let missing: Vec<_> = expected.difference(&allowed).collect();
    assert!(
        unexpected.is_empty() && missing.is_empty(),
        "allowed but not specified: {unexpected:#?}\nspecified but refused: {missing:#?}"
    );
}

#[test]
fn refusals_say_why_in_the_order_a_person_can_act_on() {
    use Action::*;
    let nothing = Provided::default();
    type Case<'a> = (Kind, Status, Action, &'a [Performer], &'a Provided, Result<Status, Refusal>);
    let cases: &[Case] = &[
        (Kind::Incident, Status::New, Approve, &[Performer::Cab], &nothing, Err(Refusal::NotForThisKind)),
        (Kind::Event, Status::New, Take, &[Performer::PoleAgent], &nothing, Err(Refusal::NotForThisKind)),
        (
            Kind::Incident,
            Status::Closed,
            Take,
            &[Performer::PoleAgent],
            &nothing,
            Err(Refusal::NotInThisState(Status::Closed)),
        ),
        (
            Kind::Incident,
            Status::AwaitingApproval,
            EscalateToSupervisor,
            &[Performer::Requester],
            &nothing,
            Err(Refusal::NotInThisState(Status::AwaitingApproval)),
        ),
        (Kind::Incident, Status::New, Take, &[Performer::Requester], &nothing, Err(Refusal::NotAllowed)),
        (
            Kind::Incident,
            Status::Resolved,
            Confirm,
            &[Performer::PoleAgent, Performer::Supervisor],
            &nothing,
            Err(Refusal::NotAllowed),
        ),
        (
            Kind::Change,
            Status::AwaitingApproval,
            Approve,
            &[Performer::PoleAgent, Performer::Supervisor],
            &nothing,
            Err(Refusal::NotAllowed),
        ),
        (
            Kind::Incident,
            Status::InProgress,
            Resolve,
            &[Performer::PoleAgent],
            &nothing,
            Err(Refusal::Missing(Need::Solution)),
        ),
        (
            Kind::Incident,
            Status::InProgress,
            Escalate,
            &[Performer::PoleAgent],
            &nothing,
            Err(Refusal::Missing(Need::PoleAndReason)),
        ),
        (
            Kind::Incident,
            Status::InProgress,
            AskRequester,
            &[Performer::Assignee],
            &nothing,
            Err(Refusal::Missing(Need::Question)),
        ),
        (
            Kind::Incident,
            Status::Resolved,
            Reject,
            &[Performer::Requester],
            &nothing,
            Err(Refusal::Missing(Need::Reason)),
        ),
        (
            Kind::Incident,
            Status::Resolved,
            Close,
            &[Performer::System],
            &nothing,
            Err(Refusal::Missing(Need::ConfirmationDelayElapsed)),
        ),
        (
            Kind::Event,
            Status::New,
            LinkToIncident,
            &[Performer::PoleAgent],
            &nothing,
            Err(Refusal::Missing(Need::LinkedIncident)),
        ),
        (Kind::Incident, Status::New, Take, &[Performer::PoleAgent], &nothing, Ok(Status::InProgress)),
        (Kind::Incident, Status::Resolved, Confirm, &[Performer::Requester], &nothing, Ok(Status::Closed)),
        (Kind::Change, Status::New, Take, &[Performer::PoleAgent], &nothing, Ok(Status::New)),
    ];
    for (kind, status, action, performers, provided, expected) in cases {
        let got = plan(*kind, *status, Pole::Front, *action, performers, provided).map(|p| p.to);
        assert_eq!(&got, expected, "{kind} {status} {action} {performers:?}");
    }
}

#[test]
fn escalation_goes_to_another_pole_that_treats_tickets() {
    let to = |pole| Provided { reason: true, target_pole: Some(pole), ..Provided::default() };
    let escalate = |provided: &Provided| {
        plan(Kind::Incident, Status::InProgress, Pole::Front, Action::Escalate, &[Performer::PoleAgent], provided)
    };
    assert_eq!(escalate(&to(Pole::Back)).map(|p| p.to), Ok(Status::New));
    assert_eq!(escalate(&to(Pole::Atelier)).map(|p| p.to), Ok(Status::New));
    assert_eq!(escalate(&to(Pole::Front)), Err(Refusal::InvalidPole));
    assert_eq!(escalate(&to(Pole::Quality)), Err(Refusal::InvalidPole));
    assert_eq!(
        escalate(&Provided { target_pole: Some(Pole::Back), ..Provided::default() }),
        Err(Refusal::Missing(Need::PoleAndReason))
    );
}

#[test]
fn every_open_state_has_a_way_out_and_closed_states_have_none() {
    for kind in Kind::ALL {
        for status in kind.statuses() {
            let exits: Vec<_> = RULES
                .iter()
                .filter(|r| r.kinds.contains(kind) && r.from.contains(status) && r.target != Target::Same)
                .collect();
            if status.is_open() {
                assert!(!exits.is_empty(), "{kind} is stuck in {status}");
            } else {
                let everyone = Performer::ALL;
                assert!(available_actions(*kind, *status, everyone).is_empty(), "{kind} {status} is closed");
            }
        }
    }
}

#[test]
fn every_rule_leads_to_a_state_of_each_of_its_kinds() {
    for rule in RULES {
        if let Target::To(to) = rule.target {
            for kind in rule.kinds {
                assert!(kind.statuses().contains(&to), "{kind} {:?} leads to {to}, not one of its states", rule.action);
            }
        }
    }
}

#[test]
fn the_ui_never_offers_what_only_the_system_does() {
    let everyone_but_system: Vec<Performer> =
        Performer::ALL.iter().copied().filter(|p| *p != Performer::System).collect();
    let offered = available_actions(Kind::Incident, Status::Resolved, &everyone_but_system);
    assert_eq!(offered, vec![Action::Confirm, Action::Reject]);
    assert!(available_actions(Kind::Incident, Status::Resolved, &[Performer::System]).is_empty());
}

#[test]
fn the_clock_runs_pauses_and_stops_by_group() {
    let cases = [
        (Status::New, StatusGroup::New, Clock::Running),
        (Status::InProgress, StatusGroup::Active, Clock::Running),
        (Status::Acknowledged, StatusGroup::Active, Clock::Running),
        (Status::Approved, StatusGroup::Active, Clock::Running),
        (Status::KnownError, StatusGroup::Active, Clock::Running),
        (Status::WaitingRequester, StatusGroup::Waiting, Clock::Paused),
        (Status::AwaitingApproval, StatusGroup::Waiting, Clock::Paused),
        (Status::Resolved, StatusGroup::Resolved, Clock::Stopped),
        (Status::Closed, StatusGroup::Closed, Clock::Stopped),
        (Status::Cancelled, StatusGroup::Closed, Clock::Stopped),
        (Status::Refused, StatusGroup::Closed, Clock::Stopped),
    ];
    assert_eq!(cases.len(), Status::ALL.len());
    for (status, group, clock) in cases {
        assert_eq!((status.group(), status.group().clock()), (group, clock), "{status}");
    }
}

fn parties(requester: Option<UserId>, assignee: Option<UserId>, approver: Option<UserId>) -> Parties {
    Parties { requester, assignee, approver, pole: Pole::Front, site: SiteId(10) }
}

#[test]
fn a_person_is_to_a_ticket_what_their_roles_pole_and_relation_make_them() {
    use crate::domain::people::{Role, Roles};
    let me = UserId(1);
    let other = UserId(2);
    let agent = Roles::new([Role::Agent]);
    type Case<'a> = (Roles, Option<Pole>, Option<UserId>, Option<UserId>, Option<UserId>, &'a [Performer]);
    let cases: &[Case] = &[
        (Roles::new([]), None, Some(me), None, None, &[Performer::Requester]),
        (Roles::new([]), None, Some(other), None, None, &[]),
        (Roles::new([]), None, Some(other), None, Some(me), &[Performer::Approver]),
        (Roles::new([Role::SiteDelegate]), None, Some(other), None, None, &[]),
        (agent.clone(), Some(Pole::Front), Some(other), None, None, &[Performer::PoleAgent]),
        (agent.clone(), Some(Pole::Front), Some(other), Some(me), None, &[Performer::PoleAgent, Performer::Assignee]),
        (agent.clone(), Some(Pole::Back), Some(other), Some(me), None, &[]),
        (agent.clone(), Some(Pole::Front), Some(me), None, None, &[Performer::Requester, Performer::PoleAgent]),
        (Roles::new([Role::Supervisor]), Some(Pole::Front), Some(other), None, None, &[Performer::Supervisor]),
        (Roles::new([Role::CabMember]), None, None, None, None, &[Performer::Cab]),
    ];
    for (roles, pole, requester, assignee, approver, expected) in cases {
        let viewer = Viewer { id: me, roles, pole: *pole, site: SiteId(10) };
        assert_eq!(
            performers_of(viewer, &parties(*requester, *assignee, *approver)),
            expected.to_vec(),
            "{roles:?} {pole:?}"
        );
    }
}

#[test]
fn staff_see_every_ticket_employees_their_own_and_delegates_their_site() {
    use crate::domain::people::{Role, Roles};
    let (me, other) = (UserId(1), UserId(2));
    let employee = Roles::new([]);
    let delegate = Roles::new([Role::SiteDelegate]);
    fn at(roles: &Roles, site: i64) -> Viewer<'_> {
        Viewer { id: UserId(1), roles, pole: None, site: SiteId(site) }
    }
    for role in [Role::Agent, Role::Supervisor, Role::Quality, Role::CabMember, Role::Admin] {
        let roles = Roles::new([role]);
        assert!(can_see(at(&roles, 99), &parties(Some(other), None, None)), "{role:?}");
    }
    // (viewer roles, viewer site, requester, approver, visible)
    let cases = [
        (&employee, 10, Some(me), None, true),
        (&employee, 10, Some(other), None, false),
        (&employee, 10, None, None, false),
        (&employee, 99, Some(other), Some(me), true),
        (&delegate, 10, Some(other), None, true),
        (&delegate, 99, Some(other), None, false),
        (&delegate, 10, None, None, false),
    ];
    for (roles, site, requester, approver, visible) in cases {
        assert_eq!(
            can_see(at(roles, site), &parties(requester, None, approver)),
            visible,
            "{roles:?} at {site} on {requester:?}/{approver:?}"
        );
    }
}

#[test]
fn employees_declare_for_themselves_and_the_desk_registers_anything() {
    use crate::domain::people::{Role, Roles};
    let employee = Roles::new([]);
    let agent = Roles::new([Role::Agent]);
    for kind in Kind::ALL {
        let own = matches!(kind, Kind::Incident | Kind::Request);
        assert_eq!(may_register(&employee, *kind, false), own, "{kind}");
        assert!(!may_register(&employee, *kind, true), "{kind} for someone else");
        assert!(may_register(&agent, *kind, true), "{kind}");
    }
    assert!(!may_register(&Roles::new([Role::Quality]), Kind::Change, false));
}

#[test]
fn new_tickets_go_to_the_pole_that_treats_them_first() {
    let cases = [
        (Kind::Incident, Pole::Front),
        (Kind::Request, Pole::Front),
        (Kind::Event, Pole::Back),
        (Kind::Problem, Pole::Back),
        (Kind::Change, Pole::Expert),
    ];
    for (kind, pole) in cases {
        assert_eq!(default_pole(kind), pole);
        assert!(routable(pole));
    }
    assert!(!routable(Pole::Quality));
}

#[test]
fn forms_know_what_each_action_needs() {
    assert_eq!(need_of(Kind::Incident, Status::InProgress, Action::Resolve), Need::Solution);
    assert_eq!(need_of(Kind::Incident, Status::InProgress, Action::Escalate), Need::PoleAndReason);
    assert_eq!(need_of(Kind::Event, Status::New, Action::Close), Need::Reason);
    assert_eq!(need_of(Kind::Change, Status::Resolved, Action::Close), Need::Nothing);
    assert_eq!(need_of(Kind::Problem, Status::InProgress, Action::RecordKnownError), Need::Workaround);
}

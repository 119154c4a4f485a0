//! The lifecycle of every activity type as one table: states grouped by what they mean for the SLA clock,
//! every allowed transition, who may perform it, and what it needs. The server plans every change with
//! [`plan`]; the UI offers exactly [`available_actions`]. Nothing else decides what may happen to a ticket.

use super::ids::{SiteId, UserId};
use super::people::{Pole, Role, Roles};
use super::ticket::Kind;
use crate::code_enum;

code_enum! {
    /// Every state a ticket can be in. Each kind uses a subset ([`Kind::statuses`]).
    pub enum Status {
        New = "NOUVEAU",
        InProgress = "EN_COURS",
        Acknowledged = "ACQUITTE",
        WaitingRequester = "ATTENTE_DEMANDEUR",
        AwaitingApproval = "ATTENTE_APPROBATION",
        Approved = "APPROUVE",
        KnownError = "ERREUR_CONNUE",
        Resolved = "RESOLU",
        Closed = "CLOS",
        Cancelled = "ANNULE",
        Refused = "REFUSE",
    }
}

code_enum! {
    /// What a state means for the people waiting and for the SLA clock. The codes are the API's and the
    /// queue page's filter values.
    pub enum StatusGroup {
        /// Registered, nobody owns it yet: the time-to-own clock runs.
        New = "new",
        /// Someone works on it: the resolution clock runs.
        Active = "active",
        /// Waiting for someone outside the desk (the requester, an approver): the clock pauses.
        Waiting = "waiting",
        /// A solution was given; waiting for confirmation: the clock stops.
        Resolved = "resolved",
        /// Finished, one way or another.
        Closed = "closed",
    }
}

/// Whether the SLA clock counts time in a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Clock {
    Running,
    Paused,
    Stopped,
}

impl StatusGroup {
    pub const fn clock(self) -> Clock {
        match self {
            StatusGroup::New | StatusGroup::Active => Clock::Running,
            StatusGroup::Waiting => Clock::Paused,
            StatusGroup::Resolved | StatusGroup::Closed => Clock::Stopped,
        }
    }
}

impl Status {
    pub const fn group(self) -> StatusGroup {
        match self {
            Status::New => StatusGroup::New,
            Status::InProgress | Status::Acknowledged | Status::Approved | Status::KnownError => StatusGroup::Active,
            Status::WaitingRequester | Status::AwaitingApproval => StatusGroup::Waiting,
            Status::Resolved => StatusGroup::Resolved,
            Status::Closed | Status::Cancelled | Status::Refused => StatusGroup::Closed,
        }
    }

    pub const fn is_open(self) -> bool {
        !matches!(self.group(), StatusGroup::Closed)
    }
}

impl Kind {
    /// The states this kind goes through, in lifecycle order.
    pub const fn statuses(self) -> &'static [Status] {
        use Status::*;
        match self {
            Kind::Event => &[New, Acknowledged, Closed],
            Kind::Incident => &[New, InProgress, WaitingRequester, Resolved, Closed, Cancelled],
            Kind::Request => {
                &[AwaitingApproval, New, InProgress, WaitingRequester, Resolved, Closed, Refused, Cancelled]
            }
            Kind::Problem => &[New, InProgress, KnownError, Resolved, Closed, Cancelled],
            Kind::Change => &[New, AwaitingApproval, Approved, InProgress, Resolved, Closed, Refused, Cancelled],
        }
    }

    /// Where a new ticket of this kind starts: a request that needs its manager's approval waits for it.
    pub const fn initial_status(self, needs_approval: bool) -> Status {
        match (self, needs_approval) {
            (Kind::Request, true) => Status::AwaitingApproval,
            _ => Status::New,
        }
    }
}

code_enum! {
    /// What someone can do to a ticket.
    pub enum Action {
        Take = "PRENDRE",
        Release = "LIBERER",
        Assign = "ASSIGNER",
        Escalate = "ESCALADER",
        EscalateToSupervisor = "ESCALADE_HIERARCHIQUE",
        AskRequester = "QUESTIONNER",
        Answer = "REPONDRE",
        Resolve = "RESOUDRE",
        Confirm = "CONFIRMER",
        Reject = "REJETER",
        Close = "CLORE",
        Cancel = "ANNULER",
        Acknowledge = "ACQUITTER",
        LinkToIncident = "RATTACHER",
        Promote = "PROMOUVOIR",
        RecordKnownError = "ERREUR_CONNUE",
        SubmitForApproval = "SOUMETTRE",
        Approve = "APPROUVER",
        Refuse = "REFUSER",
        Start = "DEMARRER",
    }
}

code_enum! {
    /// The capacities in which a person (or the system) acts on a given ticket. One person can hold several:
    /// the assignee is also an agent of the ticket's pole.
    pub enum Performer {
        /// The person the ticket was opened for.
        Requester = "DEMANDEUR",
        /// An agent of the pole the ticket is routed to.
        PoleAgent = "AGENT_DU_POLE",
        /// The agent the ticket is assigned to.
        Assignee = "ASSIGNE",
        /// A supervisor of the desk.
        Supervisor = "SUPERVISEUR",
        /// A member of the change advisory board.
        Cab = "CAB",
        /// The manager who approves a catalog request before work starts.
        Approver = "APPROBATEUR",
        /// The product itself: reminders, automatic resolution and closure.
        System = "SYSTEME",
    }
}

/// What a transition needs from the person performing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Need {
    Nothing,
    /// A reason in words (escalation, rejection, refusal, cancellation, closing an event).
    Reason,
    /// The solution given to the requester.
    Solution,
    /// The question asked to the requester.
    Question,
    /// The requester's answer.
    Answer,
    /// The agent to assign.
    Assignee,
    /// The pole to escalate to, and a reason.
    PoleAndReason,
    /// The incident an event is attached to.
    LinkedIncident,
    /// The known workaround of a problem.
    Workaround,
    /// The confirmation delay has passed without an answer (automatic closure only).
    ConfirmationDelayElapsed,
}

/// Where a transition leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    To(Status),
    /// The state does not change (hierarchical escalation, taking a change).
    Same,
}

/// One row of the workflow table.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub kinds: &'static [Kind],
    pub from: &'static [Status],
    pub action: Action,
    pub target: Target,
    pub performers: &'static [Performer],
    pub need: Need,
}

const fn rule(
    kinds: &'static [Kind],
    from: &'static [Status],
    action: Action,
    target: Target,
    performers: &'static [Performer],
    need: Need,
) -> Rule {
    Rule { kinds, from, action, target, performers, need }
}

use Kind::{Change, Event, Incident, Problem, Request};
use Performer::{Approver, Assignee, Cab, PoleAgent, Requester, Supervisor, System};
use Status::*;

const SUPPORT: &[Kind] = &[Incident, Request, Problem];
const USER_FACING: &[Kind] = &[Incident, Request];

/// The whole workflow. Read it as: for these kinds, from these states, this action leads there, done by
/// these performers, given this.
pub const RULES: &[Rule] = &[
    // Ownership and routing.
    rule(SUPPORT, &[New], Action::Take, Target::To(InProgress), &[PoleAgent, Supervisor], Need::Nothing),
    rule(&[Change], &[New, Approved], Action::Take, Target::Same, &[PoleAgent, Supervisor], Need::Nothing),
    rule(SUPPORT, &[InProgress], Action::Release, Target::To(New), &[Assignee, Supervisor], Need::Nothing),
    rule(SUPPORT, &[New, InProgress], Action::Assign, Target::To(InProgress), &[PoleAgent, Supervisor], Need::Assignee),
    rule(SUPPORT, &[New, InProgress], Action::Escalate, Target::To(New), &[PoleAgent, Supervisor], Need::PoleAndReason),
    rule(
        &[Incident, Request, Problem, Change],
        &[New, InProgress, WaitingRequester, KnownError, AwaitingApproval, Approved],
        Action::EscalateToSupervisor,
        Target::Same,
        &[Requester, PoleAgent],
        Need::Reason,
    ),
    // Asking the requester; the clock pauses while they are asked.
    rule(USER_FACING, &[InProgress], Action::AskRequester, Target::To(WaitingRequester), &[Assignee], Need::Question),
    rule(USER_FACING, &[WaitingRequester], Action::Answer, Target::To(InProgress), &[Requester], Need::Answer),
    // Resolution and confirmation. A pole agent may resolve a new ticket during the call (first contact).
    rule(
        USER_FACING,
        &[New, InProgress],
        Action::Resolve,
        Target::To(Resolved),
        &[PoleAgent, Supervisor],
        Need::Solution,
    ),
    rule(USER_FACING, &[WaitingRequester], Action::Resolve, Target::To(Resolved), &[Assignee, System], Need::Solution),
    rule(USER_FACING, &[Resolved], Action::Confirm, Target::To(Closed), &[Requester], Need::Nothing),
    rule(USER_FACING, &[Resolved], Action::Reject, Target::To(InProgress), &[Requester], Need::Reason),
    rule(USER_FACING, &[Resolved], Action::Close, Target::To(Closed), &[System], Need::ConfirmationDelayElapsed),
    rule(
        USER_FACING,
        &[New, InProgress, WaitingRequester],
        Action::Cancel,
        Target::To(Cancelled),
        &[Requester, Supervisor],
        Need::Reason,
    ),
    // Catalog requests that need a manager's approval: work starts only once approved; a refusal ends it.
    rule(&[Request], &[AwaitingApproval], Action::Approve, Target::To(New), &[Approver], Need::Nothing),
    rule(&[Request], &[AwaitingApproval], Action::Refuse, Target::To(Refused), &[Approver], Need::Reason),
    rule(
        &[Request],
        &[AwaitingApproval],
        Action::Cancel,
        Target::To(Cancelled),
        &[Requester, Supervisor],
        Need::Reason,
    ),
    // Problems: analysis, known error, resolution, closure by the desk.
    rule(&[Problem], &[InProgress], Action::RecordKnownError, Target::To(KnownError), &[Assignee], Need::Workaround),
    rule(
        &[Problem],
        &[InProgress, KnownError],
        Action::Resolve,
        Target::To(Resolved),
        &[Assignee, Supervisor],
        Need::Solution,
    ),
    rule(&[Problem, Change], &[Resolved], Action::Close, Target::To(Closed), &[PoleAgent, Supervisor], Need::Nothing),
    rule(
        &[Problem],
        &[New, InProgress, KnownError],
        Action::Cancel,
        Target::To(Cancelled),
        &[Supervisor],
        Need::Reason,
    ),
    // Changes: implemented only after approval.
    rule(&[Change], &[New], Action::SubmitForApproval, Target::To(AwaitingApproval), &[PoleAgent], Need::Nothing),
    rule(&[Change], &[AwaitingApproval], Action::Approve, Target::To(Approved), &[Cab], Need::Nothing),
    rule(&[Change], &[AwaitingApproval], Action::Refuse, Target::To(Refused), &[Cab], Need::Reason),
    rule(&[Change], &[Approved], Action::Start, Target::To(InProgress), &[PoleAgent], Need::Nothing),
    rule(&[Change], &[InProgress], Action::Resolve, Target::To(Resolved), &[PoleAgent], Need::Solution),
    rule(
        &[Change],
        &[New, AwaitingApproval, Approved],
        Action::Cancel,
        Target::To(Cancelled),
        &[PoleAgent, Supervisor],
        Need::Reason,
    ),
    // Events: acknowledged, attached to an incident, promoted to a new incident, or closed.
    rule(&[Event], &[New], Action::Acknowledge, Target::To(Acknowledged), &[PoleAgent, Supervisor], Need::Nothing),
    rule(
        &[Event],
        &[New, Acknowledged],
        Action::LinkToIncident,
        Target::To(Closed),
        &[PoleAgent, Supervisor],
        Need::LinkedIncident,
    ),
    rule(&[Event], &[New, Acknowledged], Action::Promote, Target::To(Closed), &[PoleAgent, Supervisor], Need::Nothing),
    rule(&[Event], &[New, Acknowledged], Action::Close, Target::To(Closed), &[PoleAgent, Supervisor], Need::Reason),
];

/// What the person asking supplied with the action. Empty texts count as missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provided {
    pub reason: bool,
    pub solution: bool,
    pub question: bool,
    pub answer: bool,
    pub assignee: bool,
    pub target_pole: Option<Pole>,
    pub linked_incident: bool,
    pub workaround: bool,
    pub confirmation_delay_elapsed: bool,
}

/// Why an action was refused; each maps to an HTTP status and a French message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// This kind of ticket has no such action at all (409).
    NotForThisKind,
    /// The action exists but not from the current state (409).
    NotInThisState(Status),
    /// The person may not perform it on this ticket (403).
    NotAllowed,
    /// Something the action needs is missing or invalid (422), with the field it concerns.
    Missing(Need),
    /// An escalation to the pole the ticket is already in, or to a pole that treats no tickets (422).
    InvalidPole,
}

/// The accepted plan of a transition: where the ticket goes and what the action was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub action: Action,
    pub from: Status,
    pub to: Status,
}

fn need_met(need: Need, provided: &Provided) -> bool {
    match need {
        Need::Nothing => true,
        Need::Reason => provided.reason,
        Need::Solution => provided.solution,
        Need::Question => provided.question,
        Need::Answer => provided.answer,
        Need::Assignee => provided.assignee,
        Need::PoleAndReason => provided.target_pole.is_some() && provided.reason,
        Need::LinkedIncident => provided.linked_incident,
        Need::Workaround => provided.workaround,
        Need::ConfirmationDelayElapsed => provided.confirmation_delay_elapsed,
    }
}

/// The poles a ticket can be routed to: the escalation chain and the Atelier (Qualité treats no tickets).
pub const fn routable(pole: Pole) -> bool {
    !matches!(pole, Pole::Quality)
}

/// Decides whether `action` may happen to a `kind` ticket in `status` in `pole`, done by someone holding
/// `performers`, with `provided`. Checks in the order a person can act on: the kind, the state, the rights,
/// then the input.
pub fn plan(
    kind: Kind,
    status: Status,
    pole: Pole,
    action: Action,
    performers: &[Performer],
    provided: &Provided,
) -> Result<Plan, Refusal> {
    let for_kind: Vec<&Rule> = RULES.iter().filter(|r| r.action == action && r.kinds.contains(&kind)).collect();
    if for_kind.is_empty() {
        return Err(Refusal::NotForThisKind);
    }
    // A state outside the kind's own lifecycle has no way out: rules shared by several kinds list the
    // union of their states.
    let in_state: Vec<&Rule> = if kind.statuses().contains(&status) {
        for_kind.into_iter().filter(|r| r.from.contains(&status)).collect()
    } else {
        Vec::new()
    };
    if in_state.is_empty() {
        return Err(Refusal::NotInThisState(status));
    }
    let rule = in_state
        .into_iter()
        .find(|r| r.performers.iter().any(|p| performers.contains(p)))
        .ok_or(Refusal::NotAllowed)?;
    if !need_met(rule.need, provided) {
        return Err(Refusal::Missing(rule.need));
    }
    if let (Need::PoleAndReason, Some(target)) = (rule.need, provided.target_pole)
        && (target == pole || !routable(target))
    {
        return Err(Refusal::InvalidPole);
    }
    let to = match rule.target {
        Target::To(to) => to,
        Target::Same => status,
    };
    Ok(Plan { action, from: status, to })
}

/// The actions a person holding `performers` may start on this ticket (the system's own actions excluded).
pub fn available_actions(kind: Kind, status: Status, performers: &[Performer]) -> Vec<Action> {
    let mut actions: Vec<Action> = RULES
        .iter()
        .filter(|r| r.kinds.contains(&kind) && r.from.contains(&status) && kind.statuses().contains(&status))
        .filter(|r| r.performers.iter().any(|p| *p != System && performers.contains(p)))
        .map(|r| r.action)
        .collect();
    actions.sort();
    actions.dedup();
    actions
}

/// What an action needs on a ticket of `kind` in `status` (for the form that offers it).
pub fn need_of(kind: Kind, status: Status, action: Action) -> Need {
    RULES
        .iter()
        .find(|r| r.action == action && r.kinds.contains(&kind) && r.from.contains(&status))
        .map_or(Need::Nothing, |r| r.need)
}

/// The people and the place a ticket relates to, as far as rights go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parties {
    pub requester: Option<UserId>,
    pub assignee: Option<UserId>,
    /// The manager asked to approve it (a catalog request that needs approval), whatever they decided.
    pub approver: Option<UserId>,
    pub pole: Pole,
    pub site: SiteId,
}

/// The person asking, as far as rights go.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    pub id: UserId,
    pub roles: &'a Roles,
    pub pole: Option<Pole>,
    pub site: SiteId,
}

/// The capacities in which a person acts on one ticket.
pub fn performers_of(viewer: Viewer<'_>, ticket: &Parties) -> Vec<Performer> {
    let mut performers = Vec::new();
    if ticket.requester == Some(viewer.id) {
        performers.push(Performer::Requester);
    }
    let agent_of_pole = viewer.roles.has(Role::Agent) && viewer.pole == Some(ticket.pole);
    if agent_of_pole {
        performers.push(Performer::PoleAgent);
    }
    if agent_of_pole && ticket.assignee == Some(viewer.id) {
        performers.push(Performer::Assignee);
    }
    if viewer.roles.has(Role::Supervisor) {
        performers.push(Performer::Supervisor);
    }
    if viewer.roles.has(Role::CabMember) {
        performers.push(Performer::Cab);
    }
    if ticket.approver == Some(viewer.id) {
        performers.push(Performer::Approver);
    }
    performers
}

/// Staff see every ticket; everyone else the tickets opened for them or given them to approve, and a site
/// delegate those of the people of their site.
pub fn can_see(viewer: Viewer<'_>, ticket: &Parties) -> bool {
    is_staff(viewer.roles)
        || ticket.requester == Some(viewer.id)
        || ticket.approver == Some(viewer.id)
        || (viewer.roles.has(Role::SiteDelegate) && ticket.requester.is_some() && ticket.site == viewer.site)
}

/// Internal notes, effort and the full queue are for the people who run the service.
pub fn is_staff(roles: &Roles) -> bool {
    roles.has_any(&[Role::Agent, Role::Supervisor, Role::Quality, Role::CabMember, Role::Admin])
}

/// Who may register what: the desk registers anything for anyone; employees declare incidents and make
/// requests for themselves.
pub fn may_register(roles: &Roles, kind: Kind, for_someone_else: bool) -> bool {
    if roles.has_any(&[Role::Agent, Role::Supervisor]) {
        return true;
    }
    !for_someone_else && matches!(kind, Kind::Incident | Kind::Request)
}

/// The pole a new ticket goes to when nobody chose: the Front Office registers and treats first what
/// people raise; monitoring events and problems go to the Back Office; changes to the experts.
pub const fn default_pole(kind: Kind) -> Pole {
    match kind {
        Kind::Incident | Kind::Request => Pole::Front,
        Kind::Event | Kind::Problem => Pole::Back,
        Kind::Change => Pole::Expert,
    }
}

#[cfg(test)]
mod tests;

//! Tickets: registration, the lifecycle transitions, comments, effort, links and history. The rules are in
//! [`crate::domain::workflow`]; [`service`] applies them in transactions, for both the server functions
//! ([`api`]) and the JSON API (`server/src/routes/tickets.rs`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod attachments;
pub mod choices;
#[cfg(feature = "ssr")]
mod comments;
#[cfg(feature = "ssr")]
mod effort;
#[cfg(feature = "ssr")]
mod lifecycle;
#[cfg(feature = "ssr")]
mod links;
pub mod pages;
#[cfg(feature = "ssr")]
mod queries;
#[cfg(feature = "ssr")]
mod register;
#[cfg(feature = "ssr")]
pub mod requests;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod transition;

pub use crate::directory::Person;
use crate::domain::catalog::Answer;
use crate::domain::ids::{CategoryId, EnvironmentId, SiteId, UserId};
use crate::domain::people::Pole;
use crate::domain::qualification::{Criticality, Impact, Severity, Urgency};
pub use crate::domain::ticket::{ApprovalDecision, CommentPurpose, LinkKind};
use crate::domain::ticket::{Channel, Kind, Priority, ServiceDomain, TicketRef};
use crate::domain::workflow::{Action, Status, StatusGroup};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A ticket in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub reference: TicketRef,
    pub kind: Kind,
    pub status: Status,
    pub title: String,
    pub priority: Priority,
    pub pole: Pole,
    pub channel: Channel,
    pub domain: Option<ServiceDomain>,
    pub requester_name: Option<String>,
    pub site_name: String,
    pub assignee_name: Option<String>,
    pub registered_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// A ticket with everything its page shows, as the person asking may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketDetail {
    pub summary: TicketSummary,
    pub description: String,
    pub solution: Option<String>,
    pub workaround: Option<String>,
    pub requester_id: Option<UserId>,
    pub assignee_id: Option<UserId>,
    /// Who typed it in, when it was not the requester (an N1 agent on the phone).
    pub registered_by_name: Option<String>,
    /// The identifier of the activity where it came from (monitoring, an imported file).
    pub source_ref: Option<String>,
    pub reopen_count: i32,
    pub escalation_count: i32,
    pub supervisor_alerted_at: Option<DateTime<Utc>>,
    pub waiting_since: Option<DateTime<Utc>>,
    pub first_contact: bool,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The actions the person asking may take now.
    pub actions: Vec<Action>,
    /// History, comments (internal notes for staff only) and effort, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Minutes logged, in total and per pole and per agent (staff only; empty otherwise).
    pub effort: EffortTotals,
    pub links: Vec<LinkView>,
    /// Agents of the ticket's pole, for the assignment field (staff only).
    pub pole_agents: Vec<Person>,
    /// How it was qualified, once it was.
    pub qualification: Option<QualificationView>,
    /// Whether the person asking may qualify it (an agent of its pole or a supervisor, while it is open).
    pub may_qualify: bool,
    /// The catalog entry it was made from, with the answers to its form.
    pub origin: Option<CatalogOrigin>,
    pub approval: Option<ApprovalView>,
    pub rating: Option<RatingView>,
    /// Whether the person asking may rate the service now (its requester, once resolved or closed).
    pub may_rate: bool,
    /// Who the requester is to the desk and how to handle them (staff only).
    pub requester_profile: Option<RequesterProfile>,
    /// Its SLA clocks: deadlines, time left, pauses; internal targets and escalations for staff only.
    pub clocks: Vec<crate::sla::ClockView>,
    /// Its files, oldest first (internal ones for the desk only).
    pub attachments: Vec<crate::attachments::Attachment>,
}

/// The requester's typology and its handling rule, with how to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequesterProfile {
    pub typology: crate::domain::people::Typology,
    pub handling: String,
    pub raises_incident_priority: bool,
    pub call_back_by_phone: bool,
    pub phone: Option<String>,
    pub login: String,
}

/// How a ticket was qualified, in words and codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationView {
    pub category: Option<CategoryId>,
    pub category_label: Option<String>,
    pub environment: Option<EnvironmentId>,
    pub environment_label: Option<String>,
    pub impact: Impact,
    pub urgency: Urgency,
    pub criticality: Option<Criticality>,
    pub severity: Option<Severity>,
    pub business_deadline: Option<NaiveDate>,
    pub computed_priority: Priority,
    /// "P1 : application vitale, site entier, urgence critique (échéance demain)".
    pub explanation: String,
    /// Why the agent chose another priority than the computed one.
    pub override_reason: Option<String>,
    pub qualified_by: Option<String>,
    pub qualified_at: DateTime<Utc>,
}

/// What an agent sets when qualifying a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationRequest {
    pub version: i32,
    pub category: Option<CategoryId>,
    pub environment: Option<EnvironmentId>,
    pub impact: Impact,
    pub urgency: Urgency,
    pub criticality: Option<Criticality>,
    pub severity: Option<Severity>,
    pub business_deadline: Option<NaiveDate>,
    /// Another priority than the computed one; needs `override_reason`.
    pub priority: Option<Priority>,
    pub override_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogOrigin {
    pub code: String,
    pub title: String,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalView {
    pub approver: Person,
    pub requested_at: DateTime<Utc>,
    pub decision: Option<ApprovalDecision>,
    pub reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingView {
    pub rating: i16,
    pub comment: Option<String>,
    pub rated_at: DateTime<Utc>,
}

/// A request waiting for the decision of the person asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingApproval {
    pub reference: TicketRef,
    pub title: String,
    pub requester: String,
    pub requested_at: DateTime<Utc>,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EffortTotals {
    pub total_minutes: i64,
    pub by_pole: Vec<(Pole, i64)>,
    pub by_agent: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineEntry {
    Change {
        at: DateTime<Utc>,
        actor: Option<String>,
        action: String,
        from: Option<Status>,
        to: Status,
        detail: serde_json::Value,
    },
    Comment {
        at: DateTime<Utc>,
        author: Option<String>,
        internal: bool,
        purpose: CommentPurpose,
        body: String,
    },
    Effort {
        at: DateTime<Utc>,
        agent: String,
        minutes: i32,
        note: Option<String>,
    },
}

impl TimelineEntry {
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            TimelineEntry::Change { at, .. } | TimelineEntry::Comment { at, .. } | TimelineEntry::Effort { at, .. } => {
                *at
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    pub kind: LinkKind,
    /// True when this ticket is the `from` side (this incident → its problem).
    pub outgoing: bool,
    pub other: TicketRef,
    pub other_title: String,
    pub other_status: Status,
}

/// A registration as a form or the JSON API sends it: codes, and the requester's login, as text. Both read
/// it into a [`NewTicket`] the same way (`RegistrationForm::read`); an error names the API's field.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegistrationForm {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub domain: Option<String>,
    /// The requester's login (e-mail address), for the desk registering on someone's behalf.
    #[serde(default)]
    pub requester: Option<String>,
    #[serde(default)]
    pub pole: Option<String>,
    /// Solved during the call: the solution.
    #[serde(default)]
    pub solved_now: Option<String>,
    /// The activity's identifier where it came from (imports and other systems).
    #[serde(default)]
    pub source_ref: Option<String>,
}

/// A registration, from the portal, the phone, a mail, monitoring or the counter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NewTicket {
    pub kind: Option<Kind>,
    pub title: String,
    pub description: String,
    pub channel: Option<Channel>,
    pub priority: Option<Priority>,
    pub domain: Option<ServiceDomain>,
    /// Registering on behalf of someone (the desk only); the person registering otherwise.
    pub requester: Option<UserId>,
    pub site: Option<SiteId>,
    pub pole: Option<Pole>,
    /// Solved during the call: the solution, recorded at once (first-contact resolution).
    pub solved_now: Option<String>,
    /// The activity's identifier where it came from; registering it twice is refused.
    pub source_ref: Option<String>,
}

/// A transition asked for, with the version of the ticket the person saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitionRequest {
    pub action: Action,
    pub version: i32,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub solution: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub assignee: Option<UserId>,
    #[serde(default)]
    pub pole: Option<Pole>,
    #[serde(default)]
    pub incident: Option<TicketRef>,
    #[serde(default)]
    pub workaround: Option<String>,
    /// Minutes spent on this action, logged with it.
    #[serde(default)]
    pub minutes: Option<i32>,
}

impl TransitionRequest {
    pub fn new(action: Action, version: i32) -> Self {
        TransitionRequest {
            action,
            version,
            reason: None,
            solution: None,
            question: None,
            answer: None,
            assignee: None,
            pole: None,
            incident: None,
            workaround: None,
            minutes: None,
        }
    }
}

/// Filters of a ticket list; every field narrows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TicketFilter {
    pub kind: Option<Kind>,
    pub group: Option<StatusGroup>,
    pub pole: Option<Pole>,
    pub assignee: Option<UserId>,
    pub requester: Option<UserId>,
    pub site: Option<SiteId>,
    pub priority: Option<Priority>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

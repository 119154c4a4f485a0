//! The backlog of each pole, for supervisors and Qualité: workload against capacity on duty, tickets at
//! risk and gone stale, the queue by risk and the reassignments to consider. The rules are in
//! [`crate::domain::backlog`]; [`service`] reads the database, raises alerts once per period and builds
//! the page's view.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::backlog::{AlertReason, BacklogSettings};
use crate::domain::people::Pole;
use crate::domain::sla::Band;
use crate::domain::ticket::Priority;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One pole's backlog now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoleBacklog {
    pub pole: Pole,
    pub settings: BacklogSettings,
    pub open: usize,
    pub demand_minutes: u32,
    pub capacity_minutes: u32,
    pub agents_on_duty: usize,
    pub at_risk: usize,
    pub alerts: Vec<AlertReason>,
    /// The most at-risk open tickets first (at most [`QUEUE_SHOWN`]).
    pub queue: Vec<BacklogTicket>,
    pub stale: Vec<BacklogTicket>,
    pub proposals: Vec<ProposalView>,
}

/// How many tickets of a pole's queue the page lists.
pub const QUEUE_SHOWN: usize = 15;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BacklogTicket {
    pub reference: String,
    pub title: String,
    pub priority: Priority,
    pub assignee: Option<String>,
    pub consumed_percent: Option<u32>,
    pub band: Option<Band>,
    pub remaining_effort_minutes: u32,
    pub updated_at: DateTime<Utc>,
}

/// A reassignment to consider: the ticket, who holds it (if anyone) and who has the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    pub reference: String,
    pub title: String,
    pub from: Option<String>,
    pub to: String,
}

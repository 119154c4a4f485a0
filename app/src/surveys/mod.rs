//! Satisfaction surveys after closure: a sampled share of closed tickets asks its requester for one rating
//! and an optional comment (at most once per requester per period); a low rating opens a follow-up that
//! Qualité handles on `/pilotage/satisfaction`. The sampling rules are `domain::survey`.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::survey::SurveyPolicy;
use crate::domain::ticket::TicketRef;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A low rating and what Qualité did about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub reference: TicketRef,
    pub title: String,
    pub requester: Option<String>,
    pub rating: u8,
    pub comment: Option<String>,
    pub opened_at: DateTime<Utc>,
    /// Set once handled, with who handled it and when.
    pub note: Option<String>,
    pub handled_by: Option<String>,
    pub handled_at: Option<DateTime<Utc>>,
}

/// The satisfaction page: the sampling policy, the surveys of the last 30 days and the follow-ups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SatisfactionPage {
    pub policy: SurveyPolicy,
    pub invited_30_days: i64,
    pub answered_30_days: i64,
    pub mean_30_days: Option<f64>,
    /// Open ones first, oldest first; then the 50 last handled.
    pub follow_ups: Vec<FollowUp>,
    pub may_edit_policy: bool,
}

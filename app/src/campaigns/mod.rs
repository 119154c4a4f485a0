//! Communication campaigns: portal banners for chosen sites and typologies, and the messages of a major
//! incident to its requesters when it starts and when it ends; with their history. The rules are
//! `domain::campaign`.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::directory::SiteName;
use crate::domain::campaign::{Audience, CampaignKind, CampaignState, Severity};
use crate::domain::people::Typology;
use crate::domain::ticket::TicketRef;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A banner as the portal shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Banner {
    pub id: i64,
    pub title: String,
    pub message: String,
    pub severity: Severity,
    pub ends_at: Option<DateTime<Utc>>,
}

/// A campaign in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignEntry {
    pub id: i64,
    pub kind: CampaignKind,
    pub title: String,
    pub message: String,
    pub severity: Severity,
    /// Site names and typologies, as chosen.
    pub sites: Vec<String>,
    pub typologies: Vec<Typology>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub state: CampaignState,
    pub ticket: Option<TicketRef>,
    pub created_by: Option<String>,
    /// Requesters told at the start and at the end (major incidents).
    pub told_at_start: i64,
    pub told_at_end: i64,
}

/// The campaigns page: the history and what the banner form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignsPage {
    pub entries: Vec<CampaignEntry>,
    pub sites: Vec<SiteName>,
    /// Whether the viewer may publish and withdraw banners (Qualité, administrators).
    pub may_publish: bool,
}

/// The banner form as typed: dates are Paris wall-clock `AAAA-MM-JJTHH:MM` (a `datetime-local` input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BannerForm {
    pub title: String,
    pub message: String,
    pub severity: Severity,
    pub audience: Audience,
    pub starts_at: String,
    pub ends_at: String,
}

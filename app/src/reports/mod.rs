//! The monthly service report: the month's KPIs with their trend, its major incidents and the improvement
//! actions Qualité records; printable, and sent by e-mail to the managers (by hand, or by the monthly job
//! on the first days of the next month).

pub mod api;
#[cfg(feature = "ssr")]
mod mail;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::ticket::TicketRef;
use crate::kpis::KpiReport;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use crate::domain::kpi::ActionStatus;

/// Something Qualité decided to improve, with its owner and due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImprovementAction {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub owner: String,
    pub due_on: Option<NaiveDate>,
    pub status: ActionStatus,
    pub created_at: DateTime<Utc>,
}

/// An improvement action as typed in the report page's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDraft {
    pub title: String,
    pub description: String,
    pub owner_id: i64,
    /// `AAAA-MM-JJ`, or empty.
    pub due_on: String,
}

/// A major incident of the month: an incident others were attached to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MajorIncident {
    pub reference: TicketRef,
    pub title: String,
    pub registered_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub attached: i64,
}

/// A person who may own an improvement action (staff).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub id: i64,
    pub name: String,
}

/// The report of one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyReport {
    /// Its first day.
    pub month: NaiveDate,
    pub kpis: KpiReport,
    pub major_incidents: Vec<MajorIncident>,
    /// Recorded before the end of the next month, and open at the month's start or changed since.
    pub actions: Vec<ImprovementAction>,
    /// When it was sent, and to how many managers.
    pub sent: Option<(DateTime<Utc>, i32)>,
    pub owners: Vec<Owner>,
    /// Whether the viewer records actions and sends the report (Qualité, administrators).
    pub may_edit: bool,
}

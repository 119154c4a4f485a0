//! Qualité's KPIs: the report of a period (every KPI with its definition, its figure, the previous period's
//! and the trend) for a filter, its breakdowns for the charts, the tables behind them and their exports.
//! The computation is `domain::kpi`; `service.rs` gathers the facts.

pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
pub mod pages;
pub mod query;
#[cfg(feature = "ssr")]
pub mod service;
pub mod sheets;

use crate::domain::ids::SiteId;
use crate::domain::kpi::breakdown::{GridCell, Step};
use crate::domain::kpi::{KpiFilter, KpiLine, Period};
use query::KpiQuery;
use serde::{Deserialize, Serialize};

/// The KPIs of a period and filter, against the period of the same length before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiReport {
    pub period: Period,
    pub previous: Period,
    pub filter: KpiFilter,
    pub lines: Vec<KpiLine>,
    /// Open tickets at the end of each period by age (see `domain::kpi::AGE_BUCKETS_DAYS`).
    pub backlog_ages: [u64; 5],
    pub previous_backlog_ages: [u64; 5],
}

pub use crate::directory::SiteName;

/// Everything the KPI page shows: the report, the period step by step, compliance by domain × site, and the
/// query as the form shows it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiPage {
    pub query: KpiQuery,
    pub report: KpiReport,
    pub steps: Vec<Step>,
    pub grid: Vec<GridCell>,
    /// Every site, by name: the filter's choices and the grid's row labels.
    pub sites: Vec<SiteName>,
}

impl KpiPage {
    pub fn site_name(&self, id: SiteId) -> String {
        self.sites.iter().find(|site| site.id == id).map_or_else(|| format!("#{}", id.0), |site| site.name.clone())
    }
}

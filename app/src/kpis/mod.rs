//! Qualité's KPIs: the report of a period (every KPI with its definition, its figure, the previous period's
//! and the trend) for a filter. The computation is `domain::kpi`; `service.rs` gathers the facts.

#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::kpi::{KpiFilter, KpiLine, Period};
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

//! The service's KPIs as Qualité defines them: what each one counts, over which tickets, computed from the
//! facts of those tickets for a period and compared with the period before. Pure: the server gathers the
//! facts (`TicketFacts`), this module counts.

pub mod breakdown;

use crate::domain::ids::SiteId;
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, ServiceDomain};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// Every KPI of the service; the order is the report's.
    pub enum Kpi {
        OwnCompliance = "CONFORMITE_PRISE_EN_CHARGE",
        ResolveCompliance = "CONFORMITE_RESOLUTION",
        FirstContact = "RESOLUTION_PREMIER_CONTACT",
        TimeToOwnMedian = "DELAI_PRISE_EN_CHARGE_MEDIAN",
        TimeToOwnP90 = "DELAI_PRISE_EN_CHARGE_P90",
        TimeToResolveMedian = "DELAI_RESOLUTION_MEDIAN",
        TimeToResolveP90 = "DELAI_RESOLUTION_P90",
        Backlog = "STOCK",
        Growth = "CROISSANCE",
        ReopenRate = "TAUX_REOUVERTURE",
        EscalationRate = "TAUX_ESCALADE",
        ReassignmentRate = "TAUX_REAFFECTATION",
        Deflection = "EVITEMENT",
        Satisfaction = "SATISFACTION",
    }
}

/// What a KPI's number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// A share between 0 and 1.
    Share,
    /// Business minutes.
    Minutes,
    Count,
    /// A mean rating from 1 to 5.
    Rating,
}

impl Unit {
    /// Every variant, in declaration order.
    pub const ALL: &'static [Unit] = &[Unit::Share, Unit::Minutes, Unit::Count, Unit::Rating];
}

impl Kpi {
    pub const fn unit(self) -> Unit {
        match self {
            Kpi::OwnCompliance
            | Kpi::ResolveCompliance
            | Kpi::FirstContact
            | Kpi::ReopenRate
            | Kpi::EscalationRate
            | Kpi::ReassignmentRate
            | Kpi::Deflection => Unit::Share,
            Kpi::TimeToOwnMedian | Kpi::TimeToOwnP90 | Kpi::TimeToResolveMedian | Kpi::TimeToResolveP90 => {
                Unit::Minutes
            }
            Kpi::Backlog | Kpi::Growth => Unit::Count,
            Kpi::Satisfaction => Unit::Rating,
        }
    }

    /// Whether a higher value is better (a trend is an improvement or a deterioration accordingly).
    pub const fn higher_is_better(self) -> bool {
        matches!(
            self,
            Kpi::OwnCompliance | Kpi::ResolveCompliance | Kpi::FirstContact | Kpi::Deflection | Kpi::Satisfaction
        )
    }
}

/// How a clock of the ticket ended: when, in how many business minutes, and whether within its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockOutcome {
    pub stopped_at: DateTime<Utc>,
    pub business_minutes: i64,
    pub met: bool,
}

/// What the KPIs need to know of one ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketFacts {
    pub kind: Kind,
    pub channel: Channel,
    pub pole: Pole,
    pub site: SiteId,
    pub domain: Option<ServiceDomain>,
    pub registered_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Resolved during the call that registered it.
    pub first_contact: bool,
    /// The time-to-own clock, once stopped.
    pub own: Option<ClockOutcome>,
    /// The last resolution clock, once stopped.
    pub resolve: Option<ClockOutcome>,
    pub reopened: bool,
    pub escalated: bool,
    /// Taken from one agent and given to another at least once.
    pub reassigned: bool,
    /// The requester's rating (1–5) and when it was given.
    pub rating: Option<(u8, DateTime<Utc>)>,
}

impl TicketFacts {
    /// Raised by a person (not a monitoring tool): what first contact and deflection compare with.
    fn human_request(&self) -> bool {
        matches!(self.kind, Kind::Incident | Kind::Request) && self.channel != Channel::Monitoring
    }

    /// Still waiting for its solution at `at`.
    fn open_at(&self, at: DateTime<Utc>) -> bool {
        let ended = self.resolved_at.or(self.closed_at);
        self.registered_at < at && ended.is_none_or(|ended| ended >= at)
    }
}

/// A half-open span of time `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl Period {
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.from <= at && at < self.to
    }

    /// The period of the same length just before: what a trend compares with.
    pub fn previous(&self) -> Period {
        Period { from: self.from - (self.to - self.from), to: self.from }
    }
}

/// Which tickets the figures cover; `None` is every value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiFilter {
    pub pole: Option<Pole>,
    pub site: Option<SiteId>,
    pub domain: Option<ServiceDomain>,
    pub kind: Option<Kind>,
    pub channel: Option<Channel>,
}

impl KpiFilter {
    pub fn matches(&self, facts: &TicketFacts) -> bool {
        self.pole.is_none_or(|pole| facts.pole == pole)
            && self.site.is_none_or(|site| facts.site == site)
            && self.domain.is_none_or(|domain| facts.domain == Some(domain))
            && self.kind.is_none_or(|kind| facts.kind == kind)
            && self.channel.is_none_or(|channel| facts.channel == channel)
    }

    /// Deflections have no pole, site, type or channel: they count only when no such filter is set.
    pub fn covers_deflections(&self) -> bool {
        self.pole.is_none() && self.site.is_none() && self.kind.is_none() && self.channel.is_none()
    }
}

/// One KPI's figure: its value (none when nothing was there to count), and the counts behind a share or a
/// mean, so a reader can check it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: Option<f64>,
    pub numerator: u64,
    pub denominator: u64,
}

impl Figure {
    fn share(numerator: u64, denominator: u64) -> Figure {
        let value = (denominator > 0).then(|| numerator as f64 / denominator as f64);
        Figure { value, numerator, denominator }
    }

    fn count(count: i64) -> Figure {
        Figure { value: Some(count as f64), numerator: count.max(0) as u64, denominator: 1 }
    }

    fn of(value: Option<f64>, samples: u64) -> Figure {
        Figure { value, numerator: samples, denominator: samples }
    }
}

/// The backlog's age at the end of the period, in calendar days: under 1, 1 to 3, 3 to 7, 7 to 30, 30 and more.
pub const AGE_BUCKETS_DAYS: [i64; 4] = [1, 3, 7, 30];

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiSet {
    pub period: Period,
    pub figures: Vec<(Kpi, Figure)>,
    /// Open tickets at the end of the period by age bucket (see [`AGE_BUCKETS_DAYS`]).
    pub backlog_ages: [u64; 5],
    pub registered: u64,
    pub closed: u64,
}

impl KpiSet {
    pub fn figure(&self, kpi: Kpi) -> Option<Figure> {
        self.figures.iter().find(|(k, _)| *k == kpi).map(|(_, figure)| *figure)
    }
}

/// The `q`-quantile (0–1) by nearest rank: the smallest value with at least `q` of the values at or below it.
pub fn nearest_rank(values: &mut [i64], q: f64) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let rank = ((q * values.len() as f64).ceil() as usize).clamp(1, values.len());
    Some(values[rank - 1])
}

/// Computes every KPI for `period` over the tickets `filter` keeps; `deflections` are the requests knowledge
/// articles ended without a ticket during the period (the caller counts those of the filter's domain's
/// articles; a pole, site, type or channel filter leaves deflection unknown, since a deflection has none).
pub fn compute(facts: &[TicketFacts], filter: &KpiFilter, period: Period, deflections: u64) -> KpiSet {
    let kept: Vec<&TicketFacts> = facts.iter().filter(|facts| filter.matches(facts)).collect();
    let registered: Vec<&&TicketFacts> = kept.iter().filter(|t| period.contains(t.registered_at)).collect();
    let resolved: Vec<&&TicketFacts> =
        kept.iter().filter(|t| t.resolved_at.is_some_and(|at| period.contains(at))).collect();
    let closed = kept.iter().filter(|t| t.closed_at.is_some_and(|at| period.contains(at))).count() as u64;
    let owned: Vec<ClockOutcome> =
        kept.iter().filter_map(|t| t.own).filter(|clock| period.contains(clock.stopped_at)).collect();
    let solved: Vec<ClockOutcome> =
        kept.iter().filter_map(|t| t.resolve).filter(|clock| period.contains(clock.stopped_at)).collect();
    let minutes = |clocks: &[ClockOutcome], q: f64| {
        let mut values: Vec<i64> = clocks.iter().map(|clock| clock.business_minutes).collect();
        Figure::of(nearest_rank(&mut values, q).map(|m| m as f64), clocks.len() as u64)
    };
    let met =
        |clocks: &[ClockOutcome]| Figure::share(clocks.iter().filter(|c| c.met).count() as u64, clocks.len() as u64);
    let human_resolved: Vec<&&&TicketFacts> = resolved.iter().filter(|t| t.human_request()).collect();
    let share_of = |tickets: &[&&TicketFacts], test: fn(&TicketFacts) -> bool| {
        Figure::share(tickets.iter().filter(|t| test(t)).count() as u64, tickets.len() as u64)
    };
    let backlog: Vec<&&TicketFacts> = kept.iter().filter(|t| t.open_at(period.to)).collect();
    let mut backlog_ages = [0u64; 5];
    for ticket in &backlog {
        let days = (period.to - ticket.registered_at).num_days();
        let bucket = AGE_BUCKETS_DAYS.iter().position(|limit| days < *limit).unwrap_or(AGE_BUCKETS_DAYS.len());
        backlog_ages[bucket] += 1;
    }
    let ratings: Vec<u8> =
        kept.iter().filter_map(|t| t.rating).filter(|(_, at)| period.contains(*at)).map(|(rating, _)| rating).collect();
    let satisfaction = Figure {
        value: (!ratings.is_empty()).then(|| ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64),
        numerator: ratings.iter().map(|r| u64::from(*r)).sum(),
        denominator: ratings.len() as u64,
    };
    let human_registered = registered.iter().filter(|t| t.human_request()).count() as u64;
    let deflection = if filter.covers_deflections() {
        Figure::share(deflections, deflections + human_registered)
    } else {
        Figure { value: None, numerator: 0, denominator: 0 }
    };
    let figures = vec![
        (Kpi::OwnCompliance, met(&owned)),
        (Kpi::ResolveCompliance, met(&solved)),
        (
            Kpi::FirstContact,
            Figure::share(
                human_resolved.iter().filter(|t| t.first_contact).count() as u64,
                human_resolved.len() as u64,
            ),
        ),
        (Kpi::TimeToOwnMedian, minutes(&owned, 0.5)),
        (Kpi::TimeToOwnP90, minutes(&owned, 0.9)),
        (Kpi::TimeToResolveMedian, minutes(&solved, 0.5)),
        (Kpi::TimeToResolveP90, minutes(&solved, 0.9)),
        (Kpi::Backlog, Figure::count(backlog.len() as i64)),
        (Kpi::Growth, Figure::count(registered.len() as i64 - closed as i64)),
        (Kpi::ReopenRate, share_of(&resolved, |t| t.reopened)),
        (Kpi::EscalationRate, share_of(&registered, |t| t.escalated)),
        (Kpi::ReassignmentRate, share_of(&registered, |t| t.reassigned)),
        (Kpi::Deflection, deflection),
        (Kpi::Satisfaction, satisfaction),
    ];
    KpiSet { period, figures, backlog_ages, registered: registered.len() as u64, closed }
}

/// How a KPI moved since the previous period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trend {
    Better,
    Worse,
    Steady,
    /// One of the two periods had nothing to count.
    Unknown,
}

impl Trend {
    /// Every variant, in declaration order.
    pub const ALL: &'static [Trend] = &[Trend::Better, Trend::Worse, Trend::Steady, Trend::Unknown];
}

/// The trend of `kpi` from `previous` to `current`.
pub fn trend(kpi: Kpi, current: Figure, previous: Figure) -> Trend {
    match (current.value, previous.value) {
        (Some(now), Some(before)) if (now - before).abs() < 1e-9 => Trend::Steady,
        (Some(now), Some(before)) if (now > before) == kpi.higher_is_better() => Trend::Better,
        (Some(_), Some(_)) => Trend::Worse,
        _ => Trend::Unknown,
    }
}

/// A KPI's figure now and before.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KpiLine {
    pub kpi: Kpi,
    pub current: Figure,
    pub previous: Figure,
    pub trend: Trend,
}

/// Every KPI for `period` with its trend against the period before.
pub fn with_trends(current: &KpiSet, previous: &KpiSet) -> Vec<KpiLine> {
    current
        .figures
        .iter()
        .map(|(kpi, figure)| {
            let before = previous.figure(*kpi).unwrap_or(Figure { value: None, numerator: 0, denominator: 0 });
            KpiLine { kpi: *kpi, current: *figure, previous: before, trend: trend(*kpi, *figure, before) }
        })
        .collect()
}

crate::code_enum! {
    /// The tables of the KPI page; the code is the export's `tableau` parameter.
    pub enum SheetKind {
        Indicators = "INDICATEURS",
        BacklogAges = "ANCIENNETE",
        Evolution = "EVOLUTION",
        Compliance = "CONFORMITE",
    }
}

crate::code_enum! {
    /// Where one of Qualité's improvement actions stands.
    pub enum ActionStatus {
        Planned = "PREVUE",
        InProgress = "EN_COURS",
        Done = "FAITE",
        Dropped = "ABANDONNEE",
    }
}

#[cfg(test)]
mod tests;

//! The KPIs broken down for the charts: the period cut into equal steps (tickets registered and closed,
//! resolution compliance per step) and resolution compliance by domain × site.

use super::{ClockOutcome, KpiFilter, Period, TicketFacts};
use crate::domain::ids::SiteId;
use crate::domain::ticket::ServiceDomain;
use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One step of the period: what came in, what was closed and how many resolutions met their deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub period: Period,
    pub registered: u64,
    pub closed: u64,
    pub resolved_in_time: u64,
    pub resolved: u64,
}

/// The step length for a period: a day up to two months, a week up to a year (at most 53 points either way).
pub fn step_length(period: Period) -> TimeDelta {
    if period.to - period.from <= TimeDelta::days(62) { TimeDelta::days(1) } else { TimeDelta::days(7) }
}

/// The period cut into steps of `step_length` from its start (the last one may be shorter), with their counts.
pub fn series(facts: &[TicketFacts], filter: &KpiFilter, period: Period) -> Vec<Step> {
    let length = step_length(period);
    let mut steps = Vec::new();
    let mut from = period.from;
    while from < period.to {
        let to = (from + length).min(period.to);
        steps.push(Step { period: Period { from, to }, registered: 0, closed: 0, resolved_in_time: 0, resolved: 0 });
        from = to;
    }
    let index_of =
        |at| (period.contains(at)).then(|| ((at - period.from).num_seconds() / length.num_seconds()) as usize);
    for ticket in facts.iter().filter(|ticket| filter.matches(ticket)) {
        if let Some(step) = index_of(ticket.registered_at).and_then(|i| steps.get_mut(i)) {
            step.registered += 1;
        }
        if let Some(step) = ticket.closed_at.and_then(index_of).and_then(|i| steps.get_mut(i)) {
            step.closed += 1;
        }
        if let Some(clock) = ticket.resolve
            && let Some(step) = index_of(clock.stopped_at).and_then(|i| steps.get_mut(i))
        {
            step.resolved += 1;
            step.resolved_in_time += u64::from(clock.met);
        }
    }
    steps
}

/// Resolution compliance of one domain (or of tickets without one) on one site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCell {
    pub domain: Option<ServiceDomain>,
    pub site: SiteId,
    pub met: u64,
    pub total: u64,
}

impl GridCell {
    pub fn share(&self) -> Option<f64> {
        (self.total > 0).then(|| self.met as f64 / self.total as f64)
    }
}

/// Resolution compliance by domain × site for the resolutions of `period`; only pairs that had one, ordered
/// by domain then site.
pub fn compliance_grid(facts: &[TicketFacts], filter: &KpiFilter, period: Period) -> Vec<GridCell> {
    let mut cells: BTreeMap<(Option<&'static str>, SiteId), GridCell> = BTreeMap::new();
    for ticket in facts.iter().filter(|ticket| filter.matches(ticket)) {
        let Some(ClockOutcome { stopped_at, met, .. }) = ticket.resolve else { continue };
        if !period.contains(stopped_at) {
            continue;
        }
        let cell = cells.entry((ticket.domain.map(|domain| domain.code()), ticket.site)).or_insert(GridCell {
            domain: ticket.domain,
            site: ticket.site,
            met: 0,
            total: 0,
        });
        cell.total += 1;
        cell.met += u64::from(met);
    }
    cells.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::people::Pole;
    use crate::domain::ticket::{Channel, Kind};
    use chrono::{DateTime, TimeZone, Utc};

    fn day(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap()
    }

    fn ticket(
        site: i64,
        domain: Option<ServiceDomain>,
        registered: u32,
        closed: Option<u32>,
        met: Option<bool>,
    ) -> TicketFacts {
        TicketFacts {
            kind: Kind::Incident,
            channel: Channel::Portal,
            pole: Pole::Front,
            site: SiteId(site),
            domain,
            registered_at: day(registered, 9),
            resolved_at: closed.map(|d| day(d, 10)),
            closed_at: closed.map(|d| day(d, 11)),
            first_contact: false,
            own: None,
            resolve: met.zip(closed).map(|(met, d)| ClockOutcome { stopped_at: day(d, 10), business_minutes: 60, met }),
            reopened: false,
            escalated: false,
            reassigned: false,
            rating: None,
        }
    }

    #[test]
    fn steps_are_days_up_to_two_months_then_weeks() {
        let cases = [(3, 1), (62, 1), (63, 7), (366, 7)];
        for (days, step) in cases {
            let period = Period { from: day(1, 0), to: day(1, 0) + TimeDelta::days(days) };
            assert_eq!(step_length(period), TimeDelta::days(step), "{days} days");
        }
    }

    #[test]
    fn series_counts_each_ticket_in_the_step_of_each_event() {
        let period = Period { from: day(2, 0), to: day(5, 0) };
        let facts = [
            // Registered before the period, closed on the 2nd, in time.
            ticket(1, None, 1, Some(2), Some(true)),
            // Registered on the 2nd, closed on the 4th, late.
            ticket(1, None, 2, Some(4), Some(false)),
            // Registered on the 4th, still open.
            ticket(2, None, 4, None, None),
            // Closed after the period: counts only where it was registered (the 3rd).
            ticket(2, None, 3, Some(6), Some(true)),
        ];
        let steps = series(&facts, &KpiFilter::default(), period);
        let counts: Vec<(u64, u64, u64, u64)> =
            steps.iter().map(|s| (s.registered, s.closed, s.resolved_in_time, s.resolved)).collect();
        assert_eq!(counts, vec![(1, 1, 1, 1), (1, 0, 0, 0), (1, 1, 0, 1)]);
        assert_eq!(steps[2].period, Period { from: day(4, 0), to: day(5, 0) });
    }

    #[test]
    fn the_last_step_may_be_shorter() {
        let period = Period { from: day(1, 0), to: day(1, 12) };
        let steps = series(&[], &KpiFilter::default(), period);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].period, period);
    }

    #[test]
    fn the_grid_counts_resolutions_of_the_period_by_domain_and_site() {
        let period = Period { from: day(2, 0), to: day(10, 0) };
        let network = Some(ServiceDomain::Network);
        let facts = [
            ticket(1, network, 2, Some(3), Some(true)),
            ticket(1, network, 2, Some(4), Some(false)),
            ticket(2, network, 2, Some(4), Some(true)),
            ticket(2, None, 2, Some(4), Some(false)),
            // Resolved before the period: not counted.
            ticket(2, network, 1, Some(1), Some(false)),
            // Not resolved: not counted.
            ticket(3, network, 2, None, None),
        ];
        let grid = compliance_grid(&facts, &KpiFilter::default(), period);
        let cells: Vec<(Option<ServiceDomain>, i64, u64, u64)> =
            grid.iter().map(|c| (c.domain, c.site.0, c.met, c.total)).collect();
        assert_eq!(cells, vec![(None, 2, 0, 1), (network, 1, 1, 2), (network, 2, 1, 1)]);
        assert_eq!(grid[1].share(), Some(0.5));
        let only_site_two = KpiFilter { site: Some(SiteId(2)), ..KpiFilter::default() };
        assert_eq!(compliance_grid(&facts, &only_site_two, period).len(), 2);
    }
}

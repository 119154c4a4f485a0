//! The KPIs on a hand-built week, each expected value worked out by hand in the comments; filters, trends,
//! the previous period and the nearest-rank quantile.

use super::*;
use chrono::TimeZone;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    // October for days above 15, November otherwise: the sample spans both.
    let month = if day > 15 { 10 } else { 11 };
    Utc.with_ymd_and_hms(2026, month, day, hour, 0, 0).unwrap()
}

fn clock(day: u32, hour: u32, business_minutes: i64, met: bool) -> Option<ClockOutcome> {
    Some(ClockOutcome { stopped_at: at(day, hour), business_minutes, met })
}

fn ticket(
    kind: Kind,
    channel: Channel,
    pole: Pole,
    site: i64,
    domain: ServiceDomain,
    registered: DateTime<Utc>,
) -> TicketFacts {
    TicketFacts {
        kind,
        channel,
        pole,
        site: SiteId(site),
        domain: Some(domain),
        registered_at: registered,
        resolved_at: None,
        closed_at: None,
        first_contact: false,
        own: None,
        resolve: None,
        reopened: false,
        escalated: false,
        reassigned: false,
        rating: None,
    }
}

/// The week of 2 to 9 November 2026 and what happened around it.
fn week() -> (Period, Vec<TicketFacts>) {
    let period = Period { from: at(2, 0), to: at(9, 0) };
    let t1 = TicketFacts {
        // Solved on the phone in 10 minutes, closed on the 4th, rated 5.
        resolved_at: Some(at(2, 9)),
        closed_at: Some(at(4, 9)),
        first_contact: true,
        own: clock(2, 9, 10, true),
        resolve: clock(2, 9, 10, true),
        rating: Some((5, at(4, 10))),
        ..ticket(Kind::Incident, Channel::Phone, Pole::Front, 1, ServiceDomain::Workstation, at(2, 8))
    };
    let t2 = TicketFacts {
        // Owned in 60 min, escalated, resolved late (600 min), reopened, rated 2.
        resolved_at: Some(at(5, 12)),
        own: clock(3, 11, 60, true),
        resolve: clock(5, 12, 600, false),
        escalated: true,
        reopened: true,
        rating: Some((2, at(6, 9))),
        ..ticket(Kind::Incident, Channel::Portal, Pole::Front, 1, ServiceDomain::Network, at(3, 10))
    };
    let t3 = TicketFacts {
        // Owned in 30 min, reassigned, still open on the 9th: 5 days old.
        own: clock(4, 10, 30, true),
        reassigned: true,
        ..ticket(Kind::Request, Channel::Portal, Pole::Back, 2, ServiceDomain::Account, at(4, 9))
    };
    let t4 = TicketFacts {
        // A monitoring event: owned late (240 min), resolved in 120 min, closed on the 6th.
        resolved_at: Some(at(6, 8)),
        closed_at: Some(at(6, 9)),
        own: clock(5, 14, 240, false),
        resolve: clock(6, 8, 120, true),
        ..ticket(Kind::Event, Channel::Monitoring, Pole::Back, 2, ServiceDomain::Infrastructure, at(5, 10))
    };
    let t5 = TicketFacts {
        // From the 20th of October, escalated then, still open: 20 days old on the 9th.
        own: clock(20, 10, 15, true),
        escalated: true,
        ..ticket(Kind::Incident, Channel::Phone, Pole::Expert, 1, ServiceDomain::Business, at(20, 9))
    };
    let t6 = TicketFacts {
        // Resolved in October, closed on the 3rd: counts as closed this week only.
        resolved_at: Some(at(29, 9)),
        closed_at: Some(at(3, 9)),
        ..ticket(Kind::Incident, Channel::Phone, Pole::Front, 1, ServiceDomain::Printing, at(28, 9))
    };
    // Registered late on the 8th, untouched: under a day old.
    let t7 = ticket(Kind::Request, Channel::Portal, Pole::Front, 2, ServiceDomain::Software, at(8, 23));
    // After the week: outside every figure.
    let t8 = ticket(Kind::Incident, Channel::Phone, Pole::Front, 1, ServiceDomain::Workstation, at(9, 10));
    (period, vec![t1, t2, t3, t4, t5, t6, t7, t8])
}

fn value(set: &KpiSet, kpi: Kpi) -> Option<f64> {
    set.figure(kpi).unwrap().value
}

#[test]
fn every_kpi_of_the_hand_built_week() {
    let (period, facts) = week();
    let set = compute(&facts, &KpiFilter::default(), period, 3);
    let expected: &[(Kpi, Option<f64>, u64, u64)] = &[
        // Owned during the week: T1 10 ✓, T2 60 ✓, T3 30 ✓, T4 240 ✗ → 3 / 4.
        (Kpi::OwnCompliance, Some(0.75), 3, 4),
        // Solved during the week: T1 10 ✓, T2 600 ✗, T4 120 ✓ → 2 / 3.
        (Kpi::ResolveCompliance, Some(2.0 / 3.0), 2, 3),
        // People's tickets resolved: T1 (first contact) and T2 → 1 / 2; the event T4 does not count.
        (Kpi::FirstContact, Some(0.5), 1, 2),
        // 10, 30, 60, 240: rank ⌈0.5 × 4⌉ = 2 → 30; rank ⌈0.9 × 4⌉ = 4 → 240.
        (Kpi::TimeToOwnMedian, Some(30.0), 4, 4),
        (Kpi::TimeToOwnP90, Some(240.0), 4, 4),
        // 10, 120, 600: rank ⌈1.5⌉ = 2 → 120; rank ⌈2.7⌉ = 3 → 600.
        (Kpi::TimeToResolveMedian, Some(120.0), 3, 3),
        (Kpi::TimeToResolveP90, Some(600.0), 3, 3),
        // Open on the 9th: T3, T5, T7.
        (Kpi::Backlog, Some(3.0), 3, 1),
        // Registered: T1, T2, T3, T4, T7 = 5; closed: T1, T4, T6 = 3 → +2.
        (Kpi::Growth, Some(2.0), 2, 1),
        // Resolved during the week: T1, T2, T4; reopened: T2 → 1 / 3.
        (Kpi::ReopenRate, Some(1.0 / 3.0), 1, 3),
        // Registered during the week: 5; escalated among them: T2 (T5 is older) → 1 / 5.
        (Kpi::EscalationRate, Some(0.2), 1, 5),
        // Reassigned: T3 → 1 / 5.
        (Kpi::ReassignmentRate, Some(0.2), 1, 5),
        // 3 requests ended by an article, 4 people's tickets registered (T1, T2, T3, T7) → 3 / 7.
        (Kpi::Deflection, Some(3.0 / 7.0), 3, 7),
        // Ratings given during the week: 5 and 2 → 3.5.
        (Kpi::Satisfaction, Some(3.5), 7, 2),
    ];
    assert_eq!(set.figures.len(), Kpi::ALL.len(), "every KPI is computed");
    for (kpi, value, numerator, denominator) in expected {
        let figure = set.figure(*kpi).unwrap();
        match (figure.value, value) {
            (Some(got), Some(want)) => assert!((got - want).abs() < 1e-9, "{kpi:?}: {got} instead of {want}"),
            (got, want) => assert_eq!(got, *want, "{kpi:?}"),
        }
        assert_eq!((figure.numerator, figure.denominator), (*numerator, *denominator), "{kpi:?}");
    }
    // Ages on the 9th: T7 under a day, T3 5 days (3–7), T5 20 days (7–30).
    assert_eq!(set.backlog_ages, [1, 0, 1, 1, 0]);
    assert_eq!((set.registered, set.closed), (5, 3));
}

#[test]
fn filters_keep_their_tickets_and_drop_deflections_they_cannot_place() {
    let (period, facts) = week();
    let cases: &[(KpiFilter, Kpi, Option<f64>)] = &[
        // Front Office: T1, T2 owned (both met); T6 and T7 count in backlog and growth.
        (KpiFilter { pole: Some(Pole::Front), ..Default::default() }, Kpi::OwnCompliance, Some(1.0)),
        (KpiFilter { pole: Some(Pole::Front), ..Default::default() }, Kpi::Backlog, Some(1.0)),
        // Registered T1, T2, T7 (3); closed T1, T6 (2) → +1.
        (KpiFilter { pole: Some(Pole::Front), ..Default::default() }, Kpi::Growth, Some(1.0)),
        (KpiFilter { pole: Some(Pole::Front), ..Default::default() }, Kpi::Deflection, None),
        // Site 2: T3, T4, T7; owned T3 ✓ and T4 ✗.
        (KpiFilter { site: Some(SiteId(2)), ..Default::default() }, Kpi::OwnCompliance, Some(0.5)),
        // A domain: the caller counts the deflections of that domain's articles (3 here); T2 is the one
        // people's ticket of the network domain → 3 / 4.
        (KpiFilter { domain: Some(ServiceDomain::Network), ..Default::default() }, Kpi::Deflection, Some(0.75)),
        (KpiFilter { kind: Some(Kind::Event), ..Default::default() }, Kpi::FirstContact, None),
        (KpiFilter { channel: Some(Channel::Phone), ..Default::default() }, Kpi::FirstContact, Some(1.0)),
    ];
    for (filter, kpi, expected) in cases {
        let set = compute(&facts, filter, period, 3);
        assert_eq!(value(&set, *kpi), *expected, "{filter:?} {kpi:?}");
    }
}

#[test]
fn an_empty_period_has_counts_but_no_shares() {
    let (_, facts) = week();
    let empty = Period { from: at(1, 0) + chrono::TimeDelta::days(60), to: at(1, 0) + chrono::TimeDelta::days(61) };
    let set = compute(&facts, &KpiFilter::default(), empty, 0);
    for kpi in [Kpi::OwnCompliance, Kpi::TimeToResolveP90, Kpi::Satisfaction, Kpi::Deflection] {
        assert_eq!(value(&set, kpi), None, "{kpi:?}");
    }
    // Still open two months later: T3, T5, T7 and T8, all over 30 days old.
    assert_eq!(value(&set, Kpi::Backlog), Some(4.0));
    assert_eq!(value(&set, Kpi::Growth), Some(0.0));
}

#[test]
fn trends_say_better_or_worse_by_what_each_kpi_wants() {
    let figure = |value: Option<f64>| Figure { value, numerator: 0, denominator: 0 };
    let cases = [
        (Kpi::OwnCompliance, Some(0.9), Some(0.8), Trend::Better),
        (Kpi::OwnCompliance, Some(0.7), Some(0.8), Trend::Worse),
        (Kpi::TimeToResolveMedian, Some(90.0), Some(120.0), Trend::Better),
        (Kpi::Backlog, Some(40.0), Some(30.0), Trend::Worse),
        (Kpi::Satisfaction, Some(4.2), Some(4.2), Trend::Steady),
        (Kpi::ReopenRate, None, Some(0.1), Trend::Unknown),
        (Kpi::Deflection, Some(0.2), None, Trend::Unknown),
    ];
    for (kpi, now, before, expected) in cases {
        assert_eq!(trend(kpi, figure(now), figure(before)), expected, "{kpi:?} {now:?} ← {before:?}");
    }
    let (period, facts) = week();
    let lines = with_trends(
        &compute(&facts, &KpiFilter::default(), period, 3),
        &compute(&facts, &KpiFilter::default(), period.previous(), 0),
    );
    assert_eq!(lines.len(), Kpi::ALL.len());
    // The week before registered T6 and closed nothing: growth went from +1 to +2, which is worse.
    let growth = lines.iter().find(|line| line.kpi == Kpi::Growth).unwrap();
    assert_eq!((growth.previous.value, growth.trend), (Some(1.0), Trend::Worse));
}

#[test]
fn the_previous_period_has_the_same_length_and_ends_where_this_one_starts() {
    let (period, _) = week();
    let previous = period.previous();
    assert_eq!((previous.from, previous.to), (at(26, 0), at(2, 0)));
    assert!(period.contains(at(2, 0)) && !period.contains(at(9, 0)), "half-open");
}

#[test]
fn nearest_rank_quantiles() {
    let cases: &[(&[i64], f64, Option<i64>)] = &[
        (&[], 0.5, None),
        (&[5], 0.5, Some(5)),
        (&[5], 0.9, Some(5)),
        (&[4, 1, 3, 2], 0.5, Some(2)),
        (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, Some(5)),
        (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, Some(9)),
        (&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1.0, Some(10)),
    ];
    for (values, q, expected) in cases {
        assert_eq!(nearest_rank(&mut values.to_vec(), *q), *expected, "{values:?} q={q}");
    }
}

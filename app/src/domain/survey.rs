//! Satisfaction surveys: which closed tickets are drawn for a survey (a configurable share, never the same
//! requester twice in a period), and which ratings call for a follow-up. Pure and deterministic, so a
//! ticket is drawn or not whatever the server that closes it.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// How surveys are sampled; Qualité tunes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyPolicy {
    /// The share of closed tickets drawn, in percent (0 to 100).
    pub rate_percent: u8,
    /// A requester is asked at most once in this many days.
    pub period_days: u16,
    /// A rating at or below this opens a follow-up.
    pub low_rating: u8,
}

impl SurveyPolicy {
    pub const DEFAULT: SurveyPolicy = SurveyPolicy { rate_percent: 30, period_days: 30, low_rating: 2 };

    /// What is out of bounds, by field.
    pub fn problems(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        if self.rate_percent > 100 {
            fields.push("rate_percent");
        }
        if !(1..=365).contains(&self.period_days) {
            fields.push("period_days");
        }
        if !(1..=4).contains(&self.low_rating) {
            fields.push("low_rating");
        }
        fields
    }

    /// Whether the ticket `ticket_id` is in the sample: a fixed pseudo-random draw of its id against the rate.
    pub fn draws(&self, ticket_id: i64) -> bool {
        (mix(ticket_id as u64) % 100) < u64::from(self.rate_percent)
    }

    /// Whether the requester, last asked at `last_asked`, may be asked again at `now`.
    pub fn may_ask(&self, last_asked: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        last_asked.is_none_or(|last| now - last >= TimeDelta::days(i64::from(self.period_days)))
    }

    /// Whether a requester is asked about a ticket closed at `now`.
    pub fn invites(&self, ticket_id: i64, last_asked: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        self.draws(ticket_id) && self.may_ask(last_asked, now)
    }

    /// Whether `rating` (1–5) opens a follow-up for Qualité.
    pub fn needs_follow_up(&self, rating: u8) -> bool {
        rating <= self.low_rating
    }
}

/// SplitMix64's finaliser: consecutive ids land far apart, so a rate of 30 % draws about 30 % of any run.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_draw_follows_the_rate_over_many_tickets() {
        for rate in [0u8, 10, 30, 50, 100] {
            let policy = SurveyPolicy { rate_percent: rate, ..SurveyPolicy::DEFAULT };
            let drawn = (1..=10_000).filter(|id| policy.draws(*id)).count();
            let expected = usize::from(rate) * 100;
            assert!(drawn.abs_diff(expected) <= 200, "rate {rate}: {drawn} drawn of 10 000");
        }
        let policy = SurveyPolicy::DEFAULT;
        assert_eq!(policy.draws(42), policy.draws(42), "the same ticket, the same answer");
    }

    #[test]
    fn a_requester_is_asked_at_most_once_per_period() {
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap();
        let policy = SurveyPolicy { rate_percent: 100, ..SurveyPolicy::DEFAULT };
        let cases = [
            (None, true),
            (Some(now - TimeDelta::days(29)), false),
            (Some(now - TimeDelta::days(30)), true),
            (Some(now - TimeDelta::hours(1)), false),
        ];
        for (last, expected) in cases {
            assert_eq!(policy.invites(7, last, now), expected, "{last:?}");
        }
        let never = SurveyPolicy { rate_percent: 0, ..policy };
        assert!(!never.invites(7, None, now));
    }

    #[test]
    fn low_ratings_and_bounds() {
        let policy = SurveyPolicy::DEFAULT;
        let cases = [(1, true), (2, true), (3, false), (5, false)];
        for (rating, expected) in cases {
            assert_eq!(policy.needs_follow_up(rating), expected, "{rating}");
        }
        assert!(policy.problems().is_empty());
        let wrong = SurveyPolicy { rate_percent: 101, period_days: 0, low_rating: 5 };
        assert_eq!(wrong.problems(), vec!["rate_percent", "period_days", "low_rating"]);
    }
}

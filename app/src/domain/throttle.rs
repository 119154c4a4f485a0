//! Sign-in throttling: how many wrong passwords an account, or an address, may collect before signing in
//! waits, and for how long.
//!
//! Failures are counted over a sliding window. Once `limit` failures fall within it, every attempt waits
//! until the oldest of them leaves the window, so a patient person is never locked out for good and a
//! guessing program gets `limit` tries per window. The account's limit is small (a person mistyping); the
//! address's is larger (a whole agency behind one address), and both apply.

use chrono::{DateTime, TimeDelta, Utc};

/// The limits of one counter: `limit` failures within `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub limit: usize,
    pub window: TimeDelta,
}

/// The two counters a sign-in attempt is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInThrottle {
    /// Failures for one login, from anywhere: guessing one person's password.
    pub per_account: Limit,
    /// Failures from one address, whatever the login: trying many accounts.
    pub per_address: Limit,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle {
            per_account: Limit { limit: 5, window: TimeDelta::minutes(15) },
            per_address: Limit { limit: 20, window: TimeDelta::minutes(15) },
        }
    }
}

impl Limit {
    /// How long an attempt at `now` must still wait, given the failures counted (any order); `None` lets
    /// it through. Failures older than the window, or in the future of `now`, do not count.
    pub fn wait(&self, failures: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<TimeDelta> {
        if self.limit == 0 {
            return None;
        }
        let mut recent: Vec<DateTime<Utc>> =
            failures.iter().copied().filter(|at| *at <= now && now - *at < self.window).collect();
        if recent.len() < self.limit {
            return None;
        }
        // Newest first: the attempt is free again when the `limit`-th newest failure leaves the window.
        recent.sort_unstable_by(|a, b| b.cmp(a));
        let freeing = recent[self.limit - 1];
        Some(freeing + self.window - now)
    }
}

impl SignInThrottle {
    /// The longer wait of the two counters, if any.
    pub fn wait(
        &self,
        account_failures: &[DateTime<Utc>],
        address_failures: &[DateTime<Utc>],
        now: DateTime<Utc>,
    ) -> Option<TimeDelta> {
        let account = self.per_account.wait(account_failures, now);
        let address = self.per_address.wait(address_failures, now);
        account.max(address)
    }

    /// The oldest failure either counter can still see at `now`: older ones may be forgotten.
    pub fn forget_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.per_account.window.max(self.per_address.window)
    }
}

/// A wait in whole seconds, rounded up, as `Retry-After` gives it; at least one.
pub fn retry_after_seconds(wait: TimeDelta) -> u64 {
    let millis = wait.num_milliseconds().max(1) as u64;
    millis.div_ceil(1000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: i64, second: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap() + TimeDelta::minutes(minute) + TimeDelta::seconds(second)
    }

    #[test]
    fn an_account_waits_once_its_failures_reach_the_limit_until_the_oldest_leaves_the_window() {
        let limit = Limit { limit: 3, window: TimeDelta::minutes(15) };
        type Case = (&'static str, Vec<DateTime<Utc>>, DateTime<Utc>, Option<TimeDelta>);
        let cases: [Case; 7] = [
            ("no failure", vec![], at(0, 0), None),
            ("under the limit", vec![at(0, 0), at(1, 0)], at(2, 0), None),
            (
                "at the limit: wait for the oldest",
                vec![at(0, 0), at(1, 0), at(2, 0)],
                at(2, 0),
                Some(TimeDelta::minutes(13)),
            ),
            ("order does not matter", vec![at(2, 0), at(0, 0), at(1, 0)], at(3, 0), Some(TimeDelta::minutes(12))),
            (
                "beyond the limit: the third newest frees it",
                vec![at(0, 0), at(1, 0), at(2, 0), at(3, 0)],
                at(4, 0),
                Some(TimeDelta::minutes(12)),
            ),
            ("the oldest has left the window", vec![at(0, 0), at(1, 0), at(2, 0)], at(15, 0), None),
            ("a failure in the future of now is not counted", vec![at(0, 0), at(1, 0), at(9, 0)], at(2, 0), None),
        ];
        for (case, failures, now, expected) in cases {
            assert_eq!(limit.wait(&failures, now), expected, "{case}");
        }
    }

    #[test]
    fn both_counters_apply_and_the_longer_wait_wins() {
        let throttle = SignInThrottle {
            per_account: Limit { limit: 2, window: TimeDelta::minutes(10) },
            per_address: Limit { limit: 3, window: TimeDelta::minutes(30) },
        };
        let now = at(5, 0);
        let cases = [
            ("neither", vec![at(0, 0)], vec![at(0, 0)], None),
            ("the account", vec![at(0, 0), at(4, 0)], vec![], Some(TimeDelta::minutes(5))),
            ("the address", vec![], vec![at(0, 0), at(1, 0), at(2, 0)], Some(TimeDelta::minutes(25))),
            (
                "both: the longer",
                vec![at(0, 0), at(4, 0)],
                vec![at(0, 0), at(1, 0), at(2, 0)],
                Some(TimeDelta::minutes(25)),
            ),
        ];
        for (case, account, address, expected) in cases {
            assert_eq!(throttle.wait(&account, &address, now), expected, "{case}");
        }
    }

    #[test]
    fn the_default_gives_a_person_five_tries_and_an_address_twenty_per_quarter_hour() {
        let throttle = SignInThrottle::default();
        let four: Vec<_> = (0..4).map(|i| at(0, i)).collect();
        assert_eq!(throttle.wait(&four, &four, at(1, 0)), None);
        let five: Vec<_> = (0..5).map(|i| at(0, i)).collect();
        assert_eq!(throttle.wait(&five, &five, at(1, 0)), Some(TimeDelta::minutes(14)));
        let nineteen: Vec<_> = (0..19).map(|i| at(0, i)).collect();
        assert_eq!(throttle.wait(&[], &nineteen, at(1, 0)), None);
        assert_eq!(throttle.forget_before(at(20, 0)), at(5, 0));
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        let cases = [
            (TimeDelta::milliseconds(1), 1),
            (TimeDelta::seconds(1), 1),
            (TimeDelta::milliseconds(1001), 2),
            (TimeDelta::minutes(14), 840),
            (TimeDelta::zero(), 1),
        ];
        for (wait, seconds) in cases {
            assert_eq!(retry_after_seconds(wait), seconds, "{wait}");
        }
    }
}

//! The application's one clock. Every instant the product takes (a registration, a deadline, the "today" of
//! a page, a job's run, a session's expiry) is read from a [`Clock`], never from the system directly: a test
//! fixes or moves the time and passes on any day, and the browser counts down from the server's time.
//!
//! The server holds one clock per instance (`AppState`, handed to server functions in the `ServerContext` and
//! to the jobs); `IMMO9_NOW` starts it at another instant, which is how the whole suite is run "on" a Saturday
//! or a 31 December. Pages carry the server's instant to the browser, whose clock then runs from it, so an
//! agent's PC set a few minutes wrong still shows the right countdowns.

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::{Arc, Mutex, PoisonError};

/// A source of instants, shared by everything of one server instance (or one browser page).
#[derive(Clone, Debug)]
pub struct Clock(Arc<Mutex<Reading>>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// The system's time shifted by `offset` (zero for the real clock): it keeps running.
    Running { offset: TimeDelta },
    /// Always the same instant, until moved.
    Stopped { at: DateTime<Utc> },
}

impl Clock {
    /// The system's time: production.
    pub fn system() -> Self {
        Self::of(Reading::Running { offset: TimeDelta::zero() })
    }

    /// A clock that reads `at` now and runs on from there at the system's pace.
    pub fn starting_at(at: DateTime<Utc>) -> Self {
        Self::of(Reading::Running { offset: at - Utc::now() })
    }

    /// A clock that stands at `at` until it is moved: tests that check an exact instant.
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Self::of(Reading::Stopped { at })
    }

    fn of(reading: Reading) -> Self {
        Clock(Arc::new(Mutex::new(reading)))
    }

    fn reading(&self) -> Reading {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn replace(&self, change: impl FnOnce(Reading) -> Reading) {
        let mut reading = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *reading = change(*reading);
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        match self.reading() {
            Reading::Running { offset } => Utc::now() + offset,
            Reading::Stopped { at } => at,
        }
    }

    /// Moves the clock to `at`; a running clock keeps running from there.
    pub fn set(&self, at: DateTime<Utc>) {
        self.replace(|reading| match reading {
            Reading::Running { .. } => Reading::Running { offset: at - Utc::now() },
            Reading::Stopped { .. } => Reading::Stopped { at },
        });
    }

    /// Stops the clock at `at`: from now on it reads `at` until moved.
    pub fn stop_at(&self, at: DateTime<Utc>) {
        self.replace(|_| Reading::Stopped { at });
    }

    /// Stops the clock at the instant it reads, and answers it: a test that works out "this week" or "today"
    /// from the clock then cannot see midnight pass while it runs.
    pub fn freeze(&self) -> DateTime<Utc> {
        let at = self.now();
        self.stop_at(at);
        at
    }

    /// Moves the clock by `by` (forward when positive).
    pub fn advance(&self, by: TimeDelta) {
        self.replace(|reading| match reading {
            Reading::Running { offset } => Reading::Running { offset: offset + by },
            Reading::Stopped { at } => Reading::Stopped { at: at + by },
        });
    }

    /// The clock `IMMO9_NOW` asks for: unset or empty, the system's; otherwise an RFC 3339 instant
    /// (`2026-12-31T23:30:00+01:00`) the clock starts at and runs on from.
    pub fn from_setting(setting: Option<&str>) -> Result<Self, String> {
        match setting.map(str::trim).filter(|text| !text.is_empty()) {
            None => Ok(Self::system()),
            Some(text) => DateTime::parse_from_rfc3339(text)
                .map(|at| Self::starting_at(at.with_timezone(&Utc)))
                .map_err(|error| format!("IMMO9_NOW « {text} » n'est pas un instant RFC 3339 ({error})")),
        }
    }
}

/// The clock of the page being rendered or hydrated: the server's on the server, on the browser the one
/// that runs from the instant the server rendered the page at. Outside a page (a test of a component), the
/// system's.
pub fn use_clock() -> Clock {
    leptos::prelude::use_context::<Clock>().unwrap_or_else(Clock::system)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_fixed_clock_stands_still_until_moved() {
        let clock = Clock::fixed(at("2026-12-31T22:30:00Z"));
        assert_eq!(clock.now(), at("2026-12-31T22:30:00Z"));
        clock.advance(TimeDelta::hours(2));
        assert_eq!(clock.now(), at("2027-01-01T00:30:00Z"));
        clock.set(at("2026-03-29T01:00:00Z"));
        assert_eq!(clock.now(), at("2026-03-29T01:00:00Z"));
    }

    #[test]
    fn a_started_clock_runs_on_from_its_instant() {
        let clock = Clock::starting_at(at("2026-11-28T18:00:00Z"));
        let first = clock.now();
        assert!((first - at("2026-11-28T18:00:00Z")).abs() < TimeDelta::seconds(5), "{first}");
        assert!(clock.now() >= first, "it never runs backwards");
        clock.set(at("2027-01-01T07:00:00Z"));
        assert!((clock.now() - at("2027-01-01T07:00:00Z")).abs() < TimeDelta::seconds(5));
        clock.advance(TimeDelta::days(-1));
        assert!((clock.now() - at("2026-12-31T07:00:00Z")).abs() < TimeDelta::seconds(5));
    }

    #[test]
    fn a_frozen_clock_keeps_the_instant_it_was_frozen_at() {
        let clock = Clock::starting_at(at("2026-12-31T22:59:59Z"));
        let frozen = clock.freeze();
        clock.stop_at(at("2027-03-29T08:00:00Z"));
        assert_eq!(clock.now(), at("2027-03-29T08:00:00Z"));
        clock.stop_at(frozen);
        assert!((frozen - at("2026-12-31T22:59:59Z")).abs() < TimeDelta::seconds(5));
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(clock.now(), frozen);
    }

    #[test]
    fn clones_share_one_time() {
        let clock = Clock::fixed(at("2026-12-02T08:45:00Z"));
        let seen_by_a_job = clock.clone();
        clock.advance(TimeDelta::minutes(15));
        assert_eq!(seen_by_a_job.now(), at("2026-12-02T09:00:00Z"));
    }

    #[test]
    fn the_setting_is_an_rfc3339_instant_or_nothing() {
        let system = Clock::from_setting(None).unwrap();
        assert!((system.now() - Utc::now()).abs() < TimeDelta::seconds(5));
        assert!((Clock::from_setting(Some("  ")).unwrap().now() - Utc::now()).abs() < TimeDelta::seconds(5));
        let saturday = Clock::from_setting(Some("2026-12-05T10:00:00+01:00")).unwrap();
        assert!((saturday.now() - at("2026-12-05T09:00:00Z")).abs() < TimeDelta::seconds(5));
        for wrong in ["2026-12-05", "samedi", "2026-12-05 10:00"] {
            assert!(Clock::from_setting(Some(wrong)).unwrap_err().contains(wrong), "{wrong}");
        }
    }
}

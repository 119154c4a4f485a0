//! Communication campaigns: who a banner reaches (sites and typologies), when it shows, and what makes a
//! banner well formed. Pure: the service stores and the portal shows what these rules decide.

use crate::domain::ids::SiteId;
use crate::domain::people::Typology;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// What a campaign is.
    pub enum CampaignKind {
        /// A banner in the portal for chosen sites and typologies.
        Banner = "BANNIERE",
        /// The messages of a major incident to its requesters, at its start and its end.
        MajorIncident = "INCIDENT_MAJEUR",
    }
}

crate::code_enum! {
    /// How a banner looks: information, or an alert (an outage).
    pub enum Severity {
        Info = "INFO",
        Alert = "ALERTE",
    }
}

crate::code_enum! {
    /// The two messages of a major incident.
    pub enum Phase {
        Start = "DEBUT",
        End = "FIN",
    }
}

/// Where a campaign is seen or heard: an empty list is everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    pub sites: Vec<SiteId>,
    pub typologies: Vec<Typology>,
}

impl Audience {
    /// Whether a person of `site` and `typology` is in the audience: on one of the sites (if any are named)
    /// and of one of the typologies (if any are named).
    pub fn reaches(&self, site: SiteId, typology: Typology) -> bool {
        (self.sites.is_empty() || self.sites.contains(&site))
            && (self.typologies.is_empty() || self.typologies.contains(&typology))
    }
}

/// Where a campaign stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignState {
    Upcoming,
    Live,
    Ended,
    Withdrawn,
}

impl CampaignState {
    /// Every variant, in declaration order.
    pub const ALL: &'static [CampaignState] =
        &[CampaignState::Upcoming, CampaignState::Live, CampaignState::Ended, CampaignState::Withdrawn];
}

/// The state of a campaign showing over `[starts, ends)` (no end: until further notice) at `now`.
pub fn state(
    starts: DateTime<Utc>,
    ends: Option<DateTime<Utc>>,
    withdrawn: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> CampaignState {
    match () {
        _ if withdrawn.is_some_and(|at| at <= now) => CampaignState::Withdrawn,
        _ if now < starts => CampaignState::Upcoming,
        _ if ends.is_some_and(|ends| ends <= now) => CampaignState::Ended,
        _ => CampaignState::Live,
    }
}

/// A banner as Qualité writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BannerDraft {
    pub title: String,
    pub message: String,
    pub severity: Severity,
    pub audience: Audience,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// The longest a banner may show: past that it is wallpaper, and nobody reads it.
pub const MAX_BANNER_DAYS: i64 = 92;
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// What is wrong with a banner, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BannerProblem {
    TitleMissing,
    TitleTooLong,
    MessageMissing,
    MessageTooLong,
    EndsBeforeStart,
    AlreadyOver,
    TooLong,
}

impl BannerProblem {
    /// The form field the problem belongs to.
    pub const fn field(self) -> &'static str {
        match self {
            BannerProblem::TitleMissing | BannerProblem::TitleTooLong => "title",
            BannerProblem::MessageMissing | BannerProblem::MessageTooLong => "message",
            BannerProblem::EndsBeforeStart | BannerProblem::AlreadyOver | BannerProblem::TooLong => "ends_at",
        }
    }
}

/// Every problem of `draft` at `now`; none means it can be published.
pub fn check_banner(draft: &BannerDraft, now: DateTime<Utc>) -> Vec<BannerProblem> {
    let mut problems = Vec::new();
    let title = draft.title.trim().chars().count();
    if title == 0 {
        problems.push(BannerProblem::TitleMissing);
    } else if title > MAX_TITLE_CHARS {
        problems.push(BannerProblem::TitleTooLong);
    }
    let message = draft.message.trim().chars().count();
    if message == 0 {
        problems.push(BannerProblem::MessageMissing);
    } else if message > MAX_MESSAGE_CHARS {
        problems.push(BannerProblem::MessageTooLong);
    }
    if draft.ends_at <= draft.starts_at {
        problems.push(BannerProblem::EndsBeforeStart);
    } else if draft.ends_at <= now {
        problems.push(BannerProblem::AlreadyOver);
    } else if draft.ends_at - draft.starts_at > TimeDelta::days(MAX_BANNER_DAYS) {
        problems.push(BannerProblem::TooLong);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn an_audience_reaches_its_sites_and_typologies() {
        let libourne = SiteId(7);
        let agency_staff = Audience { sites: vec![libourne], typologies: vec![] };
        let managers_everywhere = Audience { sites: vec![], typologies: vec![Typology::Direction] };
        let cases = [
            (Audience::default(), SiteId(1), Typology::HeadOffice, true),
            (agency_staff.clone(), libourne, Typology::Agency, true),
            (agency_staff.clone(), libourne, Typology::Direction, true),
            (agency_staff, SiteId(1), Typology::Agency, false),
            (managers_everywhere.clone(), SiteId(3), Typology::Direction, true),
            (managers_everywhere, SiteId(3), Typology::Agency, false),
            (
                Audience { sites: vec![libourne], typologies: vec![Typology::Agency] },
                libourne,
                Typology::External,
                false,
            ),
        ];
        for (audience, site, typology, expected) in cases {
            assert_eq!(audience.reaches(site, typology), expected, "{audience:?} {site:?} {typology:?}");
        }
    }

    #[test]
    fn states_follow_the_clock() {
        let cases = [
            (at(10, 8), Some(at(12, 8)), None, at(9, 8), CampaignState::Upcoming),
            (at(10, 8), Some(at(12, 8)), None, at(10, 8), CampaignState::Live),
            (at(10, 8), Some(at(12, 8)), None, at(12, 8), CampaignState::Ended),
            (at(10, 8), None, None, at(20, 8), CampaignState::Live),
            (at(10, 8), Some(at(12, 8)), Some(at(11, 8)), at(11, 9), CampaignState::Withdrawn),
            (at(10, 8), Some(at(12, 8)), Some(at(11, 8)), at(10, 9), CampaignState::Live),
        ];
        for (starts, ends, withdrawn, now, expected) in cases {
            assert_eq!(state(starts, ends, withdrawn, now), expected, "{now}");
        }
    }

    #[test]
    fn a_banner_needs_words_and_a_sensible_period() {
        let good = BannerDraft {
            title: "Coupure réseau à Libourne".into(),
            message: "Le réseau de l'agence est coupé jusqu'à 14 h.".into(),
            severity: Severity::Alert,
            audience: Audience::default(),
            starts_at: at(10, 8),
            ends_at: at(10, 14),
        };
        let now = at(10, 9);
        let with = |change: fn(&mut BannerDraft)| {
            let mut draft = good.clone();
            change(&mut draft);
            check_banner(&draft, now)
        };
        assert!(check_banner(&good, now).is_empty());
        type Change = fn(&mut BannerDraft);
        let cases: [(Change, Vec<BannerProblem>); 6] = [
            (|d| d.title = "  ".into(), vec![BannerProblem::TitleMissing]),
            (|d| d.title = "x".repeat(121), vec![BannerProblem::TitleTooLong]),
            (|d| d.message = String::new(), vec![BannerProblem::MessageMissing]),
            (|d| d.ends_at = d.starts_at, vec![BannerProblem::EndsBeforeStart]),
            (|d| d.ends_at = at(10, 9), vec![BannerProblem::AlreadyOver]),
            (|d| d.ends_at = d.starts_at + TimeDelta::days(93), vec![BannerProblem::TooLong]),
        ];
        for (change, expected) in cases {
            assert_eq!(with(change), expected);
        }
        assert_eq!(BannerProblem::AlreadyOver.field(), "ends_at");
    }
}

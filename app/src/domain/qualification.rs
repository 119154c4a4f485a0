//! Qualification: impact × urgency → priority through the editable matrix, then the typology and
//! criticality rules, with every step kept so the product can explain the priority in words.

use super::people::Typology;
use super::ticket::{Kind, Priority};
use crate::code_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

code_enum! {
    /// How many people the malfunction or the request concerns.
    pub enum Impact {
        User = "UTILISATEUR",
        Team = "EQUIPE",
        Site = "SITE",
        Company = "ENTREPRISE",
    }
}

code_enum! {
    /// How soon it hurts the business.
    pub enum Urgency {
        Low = "BASSE",
        Normal = "NORMALE",
        High = "HAUTE",
        Critical = "CRITIQUE",
    }
}

code_enum! {
    /// How much the business depends on the affected application, service or asset.
    pub enum Criticality {
        Vital = "VITALE",
        Important = "IMPORTANTE",
        Standard = "STANDARD",
    }
}

code_enum! {
    /// How badly it is broken, as the agent sees it (a field of its own, not a priority input).
    pub enum Severity {
        Minor = "MINEURE",
        Major = "MAJEURE",
        Blocking = "BLOQUANTE",
    }
}

code_enum! {
    /// What an item of the technical environment is.
    pub enum EnvironmentKind {
        Application = "APPLICATION",
        Service = "SERVICE",
        Hardware = "MATERIEL",
    }
}

impl Urgency {
    /// One level more urgent, at most critical.
    pub const fn raised(self) -> Urgency {
        match self {
            Urgency::Low => Urgency::Normal,
            Urgency::Normal => Urgency::High,
            Urgency::High | Urgency::Critical => Urgency::Critical,
        }
    }
}

impl Priority {
    /// One level higher, at most P1.
    pub const fn raised(self) -> Priority {
        match self {
            Priority::P4 => Priority::P3,
            Priority::P3 => Priority::P2,
            Priority::P2 | Priority::P1 => Priority::P1,
        }
    }
}

/// Impact × urgency → priority, one cell per pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityMatrix {
    /// `cells[impact][urgency]`, in the declaration order of [`Impact`] and [`Urgency`].
    cells: [[Priority; 4]; 4],
}

/// A matrix read from storage lacked a cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("priority matrix lacks the cell {impact} × {urgency}")]
pub struct MissingCell {
    pub impact: Impact,
    pub urgency: Urgency,
}

fn impact_index(impact: Impact) -> usize {
    Impact::ALL.iter().position(|i| *i == impact).unwrap_or(0)
}

fn urgency_index(urgency: Urgency) -> usize {
    Urgency::ALL.iter().position(|u| *u == urgency).unwrap_or(0)
}

impl PriorityMatrix {
    /// The matrix Immo9 starts with (the same as the seeded `priority_matrix` rows): a whole site or the
    /// whole company blocked now is P1; one person's low-urgency need is P4.
    pub const fn immo9() -> Self {
        use Priority::*;
        PriorityMatrix {
            cells: [
                // BASSE, NORMALE, HAUTE, CRITIQUE
                [P4, P4, P3, P2], // UTILISATEUR
                [P4, P3, P2, P2], // EQUIPE
                [P3, P2, P2, P1], // SITE
                [P3, P2, P1, P1], // ENTREPRISE
            ],
        }
    }

    pub fn get(&self, impact: Impact, urgency: Urgency) -> Priority {
        self.cells[impact_index(impact)][urgency_index(urgency)]
    }

    pub fn set(&mut self, impact: Impact, urgency: Urgency, priority: Priority) {
        self.cells[impact_index(impact)][urgency_index(urgency)] = priority;
    }

    /// Builds a matrix from stored cells; every one of the 16 must be there.
    pub fn from_cells(cells: impl IntoIterator<Item = (Impact, Urgency, Priority)>) -> Result<Self, MissingCell> {
        let mut found = [[None; 4]; 4];
        for (impact, urgency, priority) in cells {
            found[impact_index(impact)][urgency_index(urgency)] = Some(priority);
        }
        let mut matrix = PriorityMatrix::immo9();
        for impact in Impact::ALL {
            for urgency in Urgency::ALL {
                let priority = found[impact_index(*impact)][urgency_index(*urgency)]
                    .ok_or(MissingCell { impact: *impact, urgency: *urgency })?;
                matrix.set(*impact, *urgency, priority);
            }
        }
        Ok(matrix)
    }

    /// Every cell, impact-major, in declaration order.
    pub fn cells(&self) -> impl Iterator<Item = (Impact, Urgency, Priority)> + '_ {
        Impact::ALL.iter().flat_map(move |impact| {
            Urgency::ALL.iter().map(move |urgency| (*impact, *urgency, self.get(*impact, *urgency)))
        })
    }
}

/// The rules beyond the matrix, as administrators set them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationRules {
    /// An incident on a vital application, service or asset goes up one priority level.
    pub vital_raises_priority: bool,
    /// A business deadline within this many days (0 = today only) raises the urgency one level.
    pub deadline_window_days: u32,
}

impl QualificationRules {
    pub const IMMO9: QualificationRules = QualificationRules { vital_raises_priority: true, deadline_window_days: 2 };
}

/// What the agent (or the catalog entry) says about a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationInput {
    pub kind: Kind,
    pub impact: Impact,
    pub urgency: Urgency,
    pub criticality: Option<Criticality>,
    /// What the affected item is, for the explanation ("application vitale").
    pub affected: Option<EnvironmentKind>,
    /// A dated business deadline, such as a deed signing.
    pub business_deadline: Option<NaiveDate>,
    pub requester_typology: Option<Typology>,
    /// Whether the requester's typology raises their incidents (the typology's handling rule).
    pub typology_raises_incidents: bool,
}

/// One step of the computation, in the order it was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriorityStep {
    /// The deadline is `days_left` days away: the urgency went up.
    DeadlineRaisedUrgency { days_left: i64, from: Urgency, to: Urgency },
    /// The matrix cell that gave the base priority.
    Matrix { impact: Impact, urgency: Urgency, priority: Priority },
    /// The requester's typology raised an incident (direction / VIP).
    TypologyRaised { typology: Typology, to: Priority },
    /// A vital item is affected by an incident.
    VitalRaised { affected: Option<EnvironmentKind>, to: Priority },
}

/// The computed priority with the steps that led to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityDecision {
    pub priority: Priority,
    pub effective_urgency: Urgency,
    pub steps: Vec<PriorityStep>,
}

/// Computes the priority of a ticket. `today` is the requester's local date, for the deadline rule.
pub fn compute_priority(
    matrix: &PriorityMatrix,
    rules: QualificationRules,
    input: &QualificationInput,
    today: NaiveDate,
) -> PriorityDecision {
    let mut steps = Vec::new();
    let mut urgency = input.urgency;
    if let Some(deadline) = input.business_deadline {
        let days_left = (deadline - today).num_days();
        if (0..=i64::from(rules.deadline_window_days)).contains(&days_left) && urgency != Urgency::Critical {
            let raised = urgency.raised();
            steps.push(PriorityStep::DeadlineRaisedUrgency { days_left, from: urgency, to: raised });
            urgency = raised;
        }
    }
    let mut priority = matrix.get(input.impact, urgency);
    steps.push(PriorityStep::Matrix { impact: input.impact, urgency, priority });
    if input.kind == Kind::Incident {
        if let Some(typology) = input.requester_typology.filter(|_| input.typology_raises_incidents)
            && priority != Priority::P1
        {
            priority = priority.raised();
            steps.push(PriorityStep::TypologyRaised { typology, to: priority });
        }
        if rules.vital_raises_priority && input.criticality == Some(Criticality::Vital) && priority != Priority::P1 {
            priority = priority.raised();
            steps.push(PriorityStep::VitalRaised { affected: input.affected, to: priority });
        }
    }
    PriorityDecision { priority, effective_urgency: urgency, steps }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn input(kind: Kind, impact: Impact, urgency: Urgency) -> QualificationInput {
        QualificationInput {
            kind,
            impact,
            urgency,
            criticality: None,
            affected: None,
            business_deadline: None,
            requester_typology: None,
            typology_raises_incidents: false,
        }
    }

    const TODAY: &str = "2026-11-27";

    #[test]
    fn every_cell_of_the_seeded_matrix() {
        use Impact::*;
        use Priority::*;
        use Urgency::*;
        let cases = [
            (User, Low, P4),
            (User, Normal, P4),
            (User, High, P3),
            (User, Critical, P2),
            (Team, Low, P4),
            (Team, Normal, P3),
            (Team, High, P2),
            (Team, Critical, P2),
            (Site, Low, P3),
            (Site, Normal, P2),
            (Site, High, P2),
            (Site, Critical, P1),
            (Company, Low, P3),
            (Company, Normal, P2),
            (Company, High, P1),
            (Company, Critical, P1),
        ];
        assert_eq!(cases.len(), Impact::ALL.len() * Urgency::ALL.len());
        for (impact, urgency, expected) in cases {
            for kind in [Kind::Incident, Kind::Request] {
                let decision = compute_priority(
                    &PriorityMatrix::immo9(),
                    QualificationRules::IMMO9,
                    &input(kind, impact, urgency),
                    date(TODAY),
                );
                assert_eq!(decision.priority, expected, "{kind:?} {impact:?} × {urgency:?}");
                assert_eq!(decision.steps, vec![PriorityStep::Matrix { impact, urgency, priority: expected }]);
            }
        }
    }

    #[test]
    fn an_edited_cell_is_the_one_used() {
        let mut matrix = PriorityMatrix::immo9();
        matrix.set(Impact::User, Urgency::Low, Priority::P1);
        let decision = compute_priority(
            &matrix,
            QualificationRules::IMMO9,
            &input(Kind::Request, Impact::User, Urgency::Low),
            date(TODAY),
        );
        assert_eq!(decision.priority, Priority::P1);
        assert_eq!(matrix.get(Impact::User, Urgency::Normal), Priority::P4, "the neighbouring cell is unchanged");
    }

    #[test]
    fn a_matrix_needs_all_sixteen_cells() {
        let full: Vec<_> = PriorityMatrix::immo9().cells().collect();
        assert_eq!(full.len(), 16);
        assert_eq!(PriorityMatrix::from_cells(full.clone()).unwrap(), PriorityMatrix::immo9());
        let missing = PriorityMatrix::from_cells(
            full.into_iter().filter(|(i, u, _)| !(*i == Impact::Site && *u == Urgency::High)),
        );
        assert_eq!(missing, Err(MissingCell { impact: Impact::Site, urgency: Urgency::High }));
    }

    #[test]
    fn typology_rule_raises_incidents_of_a_flagged_typology_only() {
        // (kind, typology, typology flagged, expected) from a base of User × High = P3.
        let cases = [
            (Kind::Incident, Typology::Direction, true, Priority::P2),
            (Kind::Request, Typology::Direction, true, Priority::P3),
            (Kind::Incident, Typology::Direction, false, Priority::P3),
            (Kind::Incident, Typology::Agency, false, Priority::P3),
            (Kind::Incident, Typology::ConstructionSite, true, Priority::P2),
        ];
        for (kind, typology, flagged, expected) in cases {
            let mut given = input(kind, Impact::User, Urgency::High);
            given.requester_typology = Some(typology);
            given.typology_raises_incidents = flagged;
            let decision = compute_priority(&PriorityMatrix::immo9(), QualificationRules::IMMO9, &given, date(TODAY));
            assert_eq!(decision.priority, expected, "{kind:?} {typology:?} flagged={flagged}");
            let raised = decision.steps.iter().any(|s| matches!(s, PriorityStep::TypologyRaised { .. }));
            assert_eq!(raised, expected == Priority::P2, "{kind:?} {typology:?}");
        }
    }

    #[test]
    fn vital_rule_raises_incidents_on_vital_items_when_enabled() {
        let enabled = QualificationRules::IMMO9;
        let disabled = QualificationRules { vital_raises_priority: false, ..enabled };
        // (kind, criticality, rules, expected) from a base of Team × Normal = P3.
        let cases = [
            (Kind::Incident, Some(Criticality::Vital), enabled, Priority::P2),
            (Kind::Incident, Some(Criticality::Important), enabled, Priority::P3),
            (Kind::Incident, Some(Criticality::Standard), enabled, Priority::P3),
            (Kind::Incident, None, enabled, Priority::P3),
            (Kind::Incident, Some(Criticality::Vital), disabled, Priority::P3),
            (Kind::Request, Some(Criticality::Vital), enabled, Priority::P3),
        ];
        for (kind, criticality, rules, expected) in cases {
            let mut given = input(kind, Impact::Team, Urgency::Normal);
            given.criticality = criticality;
            given.affected = Some(EnvironmentKind::Application);
            let decision = compute_priority(&PriorityMatrix::immo9(), rules, &given, date(TODAY));
            assert_eq!(decision.priority, expected, "{kind:?} {criticality:?} {rules:?}");
        }
    }

    #[test]
    fn deadline_rule_raises_urgency_within_the_window_only() {
        // (deadline, window, effective urgency, priority) from User × Normal (P4).
        let cases = [
            ("2026-11-27", 2, Urgency::High, Priority::P3),   // today
            ("2026-11-28", 2, Urgency::High, Priority::P3),   // tomorrow
            ("2026-11-29", 2, Urgency::High, Priority::P3),   // in two days, the edge of the window
            ("2026-11-30", 2, Urgency::Normal, Priority::P4), // beyond it
            ("2026-11-26", 2, Urgency::Normal, Priority::P4), // already past: nothing to protect
            ("2026-11-27", 0, Urgency::High, Priority::P3),   // window 0: today only
            ("2026-11-28", 0, Urgency::Normal, Priority::P4),
        ];
        for (deadline, window, urgency, priority) in cases {
            let rules = QualificationRules { deadline_window_days: window, ..QualificationRules::IMMO9 };
            let mut given = input(Kind::Request, Impact::User, Urgency::Normal);
            given.business_deadline = Some(date(deadline));
            let decision = compute_priority(&PriorityMatrix::immo9(), rules, &given, date(TODAY));
            assert_eq!(
                (decision.effective_urgency, decision.priority),
                (urgency, priority),
                "{deadline} window {window}"
            );
        }
    }

    #[test]
    fn rules_combine_and_stop_at_p1() {
        // A site-wide incident on a vital application the day before a signing, for a director.
        let mut given = input(Kind::Incident, Impact::Site, Urgency::High);
        given.criticality = Some(Criticality::Vital);
        given.affected = Some(EnvironmentKind::Application);
        given.business_deadline = Some(date("2026-11-28"));
        given.requester_typology = Some(Typology::Direction);
        given.typology_raises_incidents = true;
        let decision = compute_priority(&PriorityMatrix::immo9(), QualificationRules::IMMO9, &given, date(TODAY));
        assert_eq!(decision.priority, Priority::P1);
        assert_eq!(
            decision.steps,
            vec![
                PriorityStep::DeadlineRaisedUrgency { days_left: 1, from: Urgency::High, to: Urgency::Critical },
                PriorityStep::Matrix { impact: Impact::Site, urgency: Urgency::Critical, priority: Priority::P1 },
            ],
            "rules that cannot raise a P1 are not listed as if they had"
        );

        // Both raises apply from P4: P4 → P3 (VIP) → P2 (vital).
        let mut given = input(Kind::Incident, Impact::User, Urgency::Low);
        given.criticality = Some(Criticality::Vital);
        given.requester_typology = Some(Typology::Direction);
        given.typology_raises_incidents = true;
        let decision = compute_priority(&PriorityMatrix::immo9(), QualificationRules::IMMO9, &given, date(TODAY));
        assert_eq!(decision.priority, Priority::P2);
        assert_eq!(decision.steps.len(), 3);
    }

    #[test]
    fn raising_saturates() {
        let raised: Vec<_> = Priority::ALL.iter().map(|p| p.raised()).collect();
        assert_eq!(raised, [Priority::P1, Priority::P1, Priority::P2, Priority::P3]);
        let raised: Vec<_> = Urgency::ALL.iter().map(|u| u.raised()).collect();
        assert_eq!(raised, [Urgency::Normal, Urgency::High, Urgency::Critical, Urgency::Critical]);
    }
}

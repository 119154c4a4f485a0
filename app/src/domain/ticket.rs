//! What a ticket is: its kind, where it came from, its readable reference, its priority and service domain.

use crate::code_enum;
use serde::{Deserialize, Serialize};

code_enum! {
    /// The five activity types of PRODUCT.md, each with its own lifecycle (see [`super::workflow`]).
    pub enum Kind {
        Event = "EVENEMENT",
        Incident = "INCIDENT",
        Problem = "PROBLEME",
        Request = "DEMANDE",
        Change = "CHANGEMENT",
    }
}

impl Kind {
    /// The prefix of the readable reference (`INC-2026-000123`).
    pub const fn prefix(self) -> &'static str {
        match self {
            Kind::Event => "EVT",
            Kind::Incident => "INC",
            Kind::Problem => "PRB",
            Kind::Request => "DEM",
            Kind::Change => "CHG",
        }
    }

    pub fn from_prefix(prefix: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|kind| kind.prefix() == prefix)
    }

    /// Whether the person who raised it confirms the resolution (a requester exists for these kinds).
    pub const fn has_requester_confirmation(self) -> bool {
        matches!(self, Kind::Incident | Kind::Request)
    }
}

code_enum! {
    /// Where an activity came from.
    pub enum Channel {
        Phone = "TELEPHONE",
        Mail = "MAIL",
        Portal = "PORTAIL",
        Monitoring = "SUPERVISION",
        WalkIn = "GUICHET",
    }
}

code_enum! {
    /// P1 is the most urgent. Computed from impact × urgency by the qualification rules.
    pub enum Priority {
        P1 = "P1",
        P2 = "P2",
        P3 = "P3",
        P4 = "P4",
    }
}

code_enum! {
    /// The top-level domains of the taxonomy (PRODUCT.md).
    pub enum ServiceDomain {
        Workstation = "POSTE",
        Printing = "IMPRESSION",
        Software = "LOGICIEL",
        Account = "COMPTE",
        Messaging = "MESSAGERIE",
        Telephony = "TELEPHONIE",
        Network = "RESEAU",
        Business = "METIER",
        Infrastructure = "INFRA",
        Security = "SECURITE",
    }
}

/// The readable, unique reference of a ticket: kind prefix, year of registration, six-digit sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TicketRef {
    pub kind: Kind,
    pub year: u16,
    pub seq: u32,
}

impl std::fmt::Display for TicketRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:04}-{:06}", self.kind.prefix(), self.year, self.seq)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid ticket reference {0:?} (expected e.g. INC-2026-000123)")]
pub struct InvalidTicketRef(pub String);

impl std::str::FromStr for TicketRef {
    type Err = InvalidTicketRef;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidTicketRef(text.to_owned());
        let mut parts = text.trim().split('-');
        let (Some(prefix), Some(year), Some(seq), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        let kind = Kind::from_prefix(&prefix.to_ascii_uppercase()).ok_or_else(invalid)?;
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(seq, 6) {
            return Err(invalid());
        }
        let seq: u32 = seq.parse().map_err(|_| invalid())?;
        if seq == 0 {
            return Err(invalid());
        }
        Ok(TicketRef { kind, year: year.parse().map_err(|_| invalid())?, seq })
    }
}

impl Serialize for TicketRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TicketRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

crate::code_enum! {
    /// What the manager decided on a request.
    pub enum ApprovalDecision {
        Approved = "APPROUVEE",
        Refused = "REFUSEE",
    }
}

crate::code_enum! {
    /// Why a comment was written; the requester sees all but internal notes.
    pub enum CommentPurpose {
        Comment = "COMMENTAIRE",
        Question = "QUESTION",
        Answer = "REPONSE",
        Solution = "SOLUTION",
        Reminder = "RAPPEL",
        Reason = "MOTIF",
    }
}

crate::code_enum! {
    /// How two tickets relate.
    pub enum LinkKind {
        /// An incident caused by a problem (an incident has at most one).
        Cause = "CAUSE",
        /// A problem fixed by a change.
        Fix = "CORRECTIF",
        /// An event that raised or joined an incident.
        Alert = "ALERTE",
        /// A ticket that repeats another.
        Duplicate = "DOUBLON",
        /// An incident that is part of a major incident.
        Child = "ENFANT",
    }
}

impl LinkKind {
    /// The kinds a link of this type joins: from → to.
    pub const fn joins(self) -> (&'static [Kind], &'static [Kind]) {
        match self {
            LinkKind::Cause => (&[Kind::Incident], &[Kind::Problem]),
            LinkKind::Fix => (&[Kind::Problem], &[Kind::Change]),
            LinkKind::Alert => (&[Kind::Event], &[Kind::Incident]),
            LinkKind::Duplicate => (&[Kind::Incident, Kind::Request], &[Kind::Incident, Kind::Request]),
            LinkKind::Child => (&[Kind::Incident], &[Kind::Incident]),
        }
    }
}

crate::code_enum! {
    /// What a history line records besides the workflow's own actions (whose codes it keeps as they are).
    pub enum JournalEvent {
        Register = "ENREGISTRER",
        Link = "LIER",
        Remind = "RAPPELER",
        Qualify = "QUALIFIER",
        Priority = "PRIORITE",
        Rate = "EVALUER",
        SlaEscalation = "ESCALADE_SLA",
        Attach = "JOINDRE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_and_print_the_same() {
        let cases = [
            ("INC-2026-000123", Kind::Incident, 2026, 123),
            ("EVT-2026-000001", Kind::Event, 2026, 1),
            ("PRB-2027-999999", Kind::Problem, 2027, 999_999),
            ("DEM-2026-004200", Kind::Request, 2026, 4200),
            ("CHG-2026-000042", Kind::Change, 2026, 42),
        ];
        for (text, kind, year, seq) in cases {
            let parsed: TicketRef = text.parse().unwrap();
            assert_eq!(parsed, TicketRef { kind, year, seq });
            assert_eq!(parsed.to_string(), text);
            assert_eq!(serde_json::to_string(&parsed).unwrap(), format!("\"{text}\""));
        }
        assert_eq!("inc-2026-000123".parse::<TicketRef>().unwrap().to_string(), "INC-2026-000123");
    }

    #[test]
    fn malformed_references_are_refused() {
        for text in [
            "",
            "INC",
            "INC-2026",
            "INC-26-000123",
            "INC-2026-123",
            "XYZ-2026-000123",
            "INC-2026-000000",
            "INC-2026-00012a",
            "INC-2026-000123-1",
        ] {
            assert!(text.parse::<TicketRef>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn every_kind_has_a_distinct_prefix() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_prefix(kind.prefix()), Some(*kind));
        }
    }
}

//! Every table of every language complete, and the sentences built from data read as French people write.

use super::steering::s;
use super::*;
use crate::domain::access::Area;
use crate::domain::backlog::AlertReason;
use crate::domain::calendar::PublicHoliday;
use crate::domain::campaign::{CampaignKind, CampaignState, Severity as CampaignSeverity};
use crate::domain::catalog::FieldKind;
use crate::domain::import::Column;
use crate::domain::kpi::{ActionStatus, Kpi, SheetKind, Trend, Unit};
use crate::domain::people::{Pole, Role, SiteKind, Typology};
use crate::domain::qualification::{Criticality, EnvironmentKind, Impact, Severity, Urgency};
use crate::domain::sla::{Band, EscalationAction, Measure};
use crate::domain::ticket::{
    ApprovalDecision, Channel, CommentPurpose, JournalEvent, Kind, LinkKind, Priority, ServiceDomain,
};
use crate::domain::workflow::{Action, Status, StatusGroup};

const WEEKDAYS: [chrono::Weekday; 7] = {
    use chrono::Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
};

fn links() -> Vec<(LinkKind, bool)> {
    LinkKind::ALL.iter().flat_map(|kind| [(*kind, true), (*kind, false)]).collect()
}

#[test]
fn every_code_has_one_label_in_every_table() {
    let l = &t().labels;
    let tables: [(&str, bool); 33] = [
        ("role", l.role.covers(Role::ALL)),
        ("pole", l.pole.covers(Pole::ALL)),
        ("typology", l.typology.covers(Typology::ALL)),
        ("site_kind", l.site_kind.covers(SiteKind::ALL)),
        ("area", l.area.covers(Area::ALL)),
        ("area_description", l.area_description.covers(Area::ALL)),
        ("kind", l.kind.covers(Kind::ALL)),
        ("status", l.status.covers(Status::ALL)),
        ("status_group", l.status_group.covers(StatusGroup::ALL)),
        ("action", l.action.covers(Action::ALL)),
        ("impact", l.impact.covers(Impact::ALL)),
        ("urgency", l.urgency.covers(Urgency::ALL)),
        ("criticality", l.criticality.covers(Criticality::ALL)),
        ("severity", l.severity.covers(Severity::ALL)),
        ("environment_kind", l.environment_kind.covers(EnvironmentKind::ALL)),
        ("field_kind", l.field_kind.covers(FieldKind::ALL)),
        ("approval_decision", l.approval_decision.covers(ApprovalDecision::ALL)),
        ("channel", l.channel.covers(Channel::ALL)),
        ("holiday", l.holiday.covers(PublicHoliday::ALL)),
        ("weekday", l.weekday.covers(&WEEKDAYS)),
        ("priority", l.priority.covers(Priority::ALL)),
        ("domain", l.domain.covers(ServiceDomain::ALL)),
        ("comment_purpose", l.comment_purpose.covers(CommentPurpose::ALL)),
        ("measure", l.measure.covers(Measure::ALL)),
        ("measure_short", l.measure_short.covers(Measure::ALL)),
        ("escalation_action", l.escalation_action.covers(EscalationAction::ALL)),
        ("band", l.band.covers(Band::ALL)),
        ("alert_reason", l.alert_reason.covers(AlertReason::ALL)),
        ("kpi", l.kpi.covers(Kpi::ALL)),
        ("kpi_definition", l.kpi_definition.covers(Kpi::ALL)),
        ("link", l.link.covers(&links())),
        ("journal_event", l.journal_event.covers(JournalEvent::ALL)),
        ("impact_reach", t().phrases.impact_reach.covers(Impact::ALL)),
    ];
    let steering = s();
    let more: [(&str, bool); 9] = [
        ("sheet_title", steering.sheet_title.covers(SheetKind::ALL)),
        ("trend", steering.trend.covers(Trend::ALL)),
        ("trend_symbol", steering.trend_symbol.covers(Trend::ALL)),
        ("unit", steering.unit.covers(Unit::ALL)),
        ("campaign_severity", steering.campaign_severity.covers(CampaignSeverity::ALL)),
        ("campaign_kind", steering.campaign_kind.covers(CampaignKind::ALL)),
        ("campaign_state", steering.campaign_state.covers(CampaignState::ALL)),
        ("action_status", steering.action_status.covers(ActionStatus::ALL)),
        ("column", t().imports.column.covers(Column::ALL)),
    ];
    let incomplete: Vec<&str> =
        tables.iter().chain(more.iter()).filter(|(_, complete)| !complete).map(|(name, _)| *name).collect();
    assert!(incomplete.is_empty(), "tables with a missing, empty or repeated label: {incomplete:?}");
}

#[test]
fn templates_are_filled_by_name() {
    assert_eq!(fill("« {label} » ({max})", &[("label", &"Site"), ("max", &40)]), "« Site » (40)");
    assert_eq!(fill("{a}{a}", &[("a", &1)]), "11", "every hole of a name");
    assert_eq!(fill("{absent}", &[]), "{absent}", "an unknown hole stays visible");
    assert_eq!(percent(0.888), "88,8 %");
    assert_eq!(decimal(3.456, 1), "3,5");
}

#[test]
fn durations_read_as_people_say_them() {
    let cases = [(45, "45 min"), (125, "2 h 05"), (-30, "−30 min"), (480 * 3 + 120, "3 j 2 h")];
    for (minutes, expected) in cases {
        assert_eq!(business_duration(minutes), expected, "{minutes}");
    }
    let wall = [(5, "5 min"), (192, "3 h 12 min"), (60 * 52, "2 j 4 h")];
    for (minutes, expected) in wall {
        assert_eq!(wall_duration(chrono::Duration::minutes(minutes)), expected, "{minutes}");
    }
}

#[test]
fn domain_errors_are_told_in_french() {
    use crate::domain::calendar::CalendarError;
    use crate::domain::capacity::CapacityError;
    use crate::domain::sla::PolicyError;
    assert_eq!(
        calendar_error_message(&CalendarError::OverlappingOpenings(chrono::Weekday::Tue)),
        "les plages horaires du mardi se chevauchent ou ne sont pas dans l'ordre"
    );
    assert_eq!(
        policy_error_message(&PolicyError::OwnAfterResolve { own: 90, resolve: 60 }),
        "la prise en charge (90 min) ne peut pas dépasser la résolution (60 min)"
    );
    let unstable = capacity_error_message(&CapacityError::Unstable { load: 4.25, agents: 4 });
    assert!(unstable.contains("instable") && unstable.contains("4,25 agents"), "{unstable}");
    assert_eq!(history_label("LIER"), "Lien ajouté");
    assert_eq!(history_label("RESOUDRE"), "Résoudre");
    assert_eq!(history_label("INCONNU"), "Modification");
}

#[test]
fn every_priority_is_explained_in_words() {
    use crate::domain::qualification::{PriorityMatrix, QualificationInput, QualificationRules, compute_priority};
    let today: chrono::NaiveDate = "2026-11-27".parse().unwrap();
    let base = QualificationInput {
        kind: Kind::Incident,
        impact: Impact::Site,
        urgency: Urgency::Normal,
        criticality: None,
        affected: None,
        business_deadline: None,
        requester_typology: None,
        typology_raises_incidents: false,
    };
    let vital_signing = QualificationInput {
        criticality: Some(Criticality::Vital),
        affected: Some(EnvironmentKind::Application),
        business_deadline: Some("2026-11-28".parse().unwrap()),
        ..base.clone()
    };
    let vip = QualificationInput {
        impact: Impact::User,
        requester_typology: Some(Typology::Direction),
        typology_raises_incidents: true,
        ..base.clone()
    };
    // (input, kept priority, explanation)
    let cases = [
        (base.clone(), None, "P2 : site entier, urgence normale"),
        (vital_signing, None, "P1 : application vitale, site entier, urgence haute (échéance demain)"),
        (vip, None, "P3 : demandeur direction (vip), un utilisateur, urgence normale"),
        (base, Some(Priority::P1), "P1 retenue par l'agent ; calculée P2 : site entier, urgence normale"),
    ];
    for (input, kept, expected) in cases {
        let decision = compute_priority(&PriorityMatrix::immo9(), QualificationRules::IMMO9, &input, today);
        assert_eq!(explain_priority(&decision, kept), expected);
    }
}

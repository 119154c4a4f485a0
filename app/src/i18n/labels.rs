//! Looking up the words of the domain's codes, and composing the sentences that carry the domain's data
//! (a form's problems, a priority's reasons, an escalation), from the current language's [`Texts`].

use super::{Labels, fill, local_time, t};
use crate::domain::access::Area;
use crate::domain::backlog::AlertReason;
use crate::domain::calendar::{CalendarError, PublicHoliday};
use crate::domain::capacity::{CapacityError, HourOfWeek};
use crate::domain::catalog::{AnswerProblem, FieldKind, FormProblem};
use crate::domain::kpi::Kpi;
use crate::domain::people::{Pole, Role, SiteKind, Typology};
use crate::domain::qualification::{
    Criticality, EnvironmentKind, Impact, PriorityDecision, PriorityStep, Severity, Urgency,
};
use crate::domain::sla::{Band, EscalationAction, Measure, PolicyError, Threshold};
use crate::domain::ticket::{
    ApprovalDecision, Channel, CommentPurpose, JournalEvent, Kind, LinkKind, Priority, ServiceDomain,
};
use crate::domain::workflow::{Action, Status, StatusGroup};

/// How each code of the domain reads: one table per enum (see [`Labels`]); complete, as the tests check.
pub struct CodeLabels {
    pub role: Labels<Role>,
    pub pole: Labels<Pole>,
    pub typology: Labels<Typology>,
    pub site_kind: Labels<SiteKind>,
    pub area: Labels<Area>,
    pub area_description: Labels<Area>,
    pub kind: Labels<Kind>,
    pub status: Labels<Status>,
    pub status_group: Labels<StatusGroup>,
    pub action: Labels<Action>,
    pub impact: Labels<Impact>,
    pub urgency: Labels<Urgency>,
    pub criticality: Labels<Criticality>,
    pub severity: Labels<Severity>,
    pub environment_kind: Labels<EnvironmentKind>,
    pub field_kind: Labels<FieldKind>,
    pub approval_decision: Labels<ApprovalDecision>,
    pub channel: Labels<Channel>,
    pub holiday: Labels<PublicHoliday>,
    pub weekday: Labels<chrono::Weekday>,
    pub priority: Labels<Priority>,
    pub domain: Labels<ServiceDomain>,
    pub comment_purpose: Labels<CommentPurpose>,
    pub measure: Labels<Measure>,
    pub measure_short: Labels<Measure>,
    pub escalation_action: Labels<EscalationAction>,
    pub band: Labels<Band>,
    pub alert_reason: Labels<AlertReason>,
    pub kpi: Labels<Kpi>,
    pub kpi_definition: Labels<Kpi>,
    /// A link as seen from one side: (kind, whether this ticket is its `from` side).
    pub link: Labels<(LinkKind, bool)>,
    pub journal_event: Labels<JournalEvent>,
}

pub fn role_label(role: Role) -> &'static str {
    t().labels.role.of(role)
}

pub fn pole_label(pole: Pole) -> &'static str {
    t().labels.pole.of(pole)
}

pub fn typology_label(typology: Typology) -> &'static str {
    t().labels.typology.of(typology)
}

pub fn site_kind_label(kind: SiteKind) -> &'static str {
    t().labels.site_kind.of(kind)
}

pub fn area_label(area: Area) -> &'static str {
    t().labels.area.of(area)
}

pub fn area_description(area: Area) -> &'static str {
    t().labels.area_description.of(area)
}

pub fn kind_label(kind: Kind) -> &'static str {
    t().labels.kind.of(kind)
}

pub fn status_label(status: Status) -> &'static str {
    t().labels.status.of(status)
}

pub fn status_group_label(group: StatusGroup) -> &'static str {
    t().labels.status_group.of(group)
}

pub fn action_label(action: Action) -> &'static str {
    t().labels.action.of(action)
}

pub fn impact_label(impact: Impact) -> &'static str {
    t().labels.impact.of(impact)
}

pub fn urgency_label(urgency: Urgency) -> &'static str {
    t().labels.urgency.of(urgency)
}

pub fn criticality_label(criticality: Criticality) -> &'static str {
    t().labels.criticality.of(criticality)
}

pub fn severity_label(severity: Severity) -> &'static str {
    t().labels.severity.of(severity)
}

pub fn environment_kind_label(kind: EnvironmentKind) -> &'static str {
    t().labels.environment_kind.of(kind)
}

pub fn field_kind_label(kind: FieldKind) -> &'static str {
    t().labels.field_kind.of(kind)
}

pub fn approval_decision_label(decision: ApprovalDecision) -> &'static str {
    t().labels.approval_decision.of(decision)
}

pub fn channel_label(channel: Channel) -> &'static str {
    t().labels.channel.of(channel)
}

pub fn holiday_label(holiday: PublicHoliday) -> &'static str {
    t().labels.holiday.of(holiday)
}

pub fn weekday_label(day: chrono::Weekday) -> &'static str {
    t().labels.weekday.of(day)
}

pub fn priority_label(priority: Priority) -> &'static str {
    t().labels.priority.of(priority)
}

pub fn domain_label(domain: ServiceDomain) -> &'static str {
    t().labels.domain.of(domain)
}

pub fn comment_purpose_label(purpose: CommentPurpose) -> &'static str {
    t().labels.comment_purpose.of(purpose)
}

pub fn measure_label(measure: Measure) -> &'static str {
    t().labels.measure.of(measure)
}

/// A measure in a few words, for a board's countdown.
pub fn measure_short_label(measure: Measure) -> &'static str {
    t().labels.measure_short.of(measure)
}

pub fn escalation_action_label(action: EscalationAction) -> &'static str {
    t().labels.escalation_action.of(action)
}

/// The words that go with a band's colour (never colour alone).
pub fn band_label(band: Band) -> &'static str {
    t().labels.band.of(band)
}

pub fn alert_reason_label(reason: AlertReason) -> &'static str {
    t().labels.alert_reason.of(reason)
}

pub fn kpi_label(kpi: Kpi) -> &'static str {
    t().labels.kpi.of(kpi)
}

/// What each KPI counts, shown next to it: the definition Qualité and the code agree on.
pub fn kpi_definition(kpi: Kpi) -> &'static str {
    t().labels.kpi_definition.of(kpi)
}

/// The label of a history line: a workflow action's, or one of the journal's own events.
pub fn history_label(code: &str) -> &'static str {
    match (JournalEvent::from_code(code), Action::from_code(code)) {
        (Some(event), _) => t().labels.journal_event.of(event),
        (None, Some(action)) => action_label(action),
        (None, None) => t().phrases.history_change,
    }
}

pub fn link_label(kind: LinkKind, outgoing: bool) -> &'static str {
    t().labels.link.of((kind, outgoing))
}

/// What is wrong with one answer, for the person filling the form.
pub fn answer_problem_message(problem: AnswerProblem, label: &str) -> String {
    let p = &t().phrases;
    let template = match problem {
        AnswerProblem::Required => p.answer_required,
        AnswerProblem::TooLong { .. } => p.answer_too_long,
        AnswerProblem::NotAChoice => p.answer_not_a_choice,
        AnswerProblem::NotADate => p.answer_not_a_date,
        AnswerProblem::NotAPerson => p.answer_not_a_person,
        AnswerProblem::NotASite => p.answer_not_a_site,
        AnswerProblem::UnknownField => p.answer_unknown_field,
    };
    let max = match problem {
        AnswerProblem::TooLong { max } => max,
        _ => 0,
    };
    fill(template, &[("label", &label), ("max", &max)])
}

/// What is wrong with a form an administrator wrote.
pub fn form_problem_message(problem: &FormProblem) -> String {
    let p = &t().phrases;
    match problem {
        FormProblem::NoField => p.form_no_field.to_owned(),
        FormProblem::TooManyFields { max } => fill(p.form_too_many_fields, &[("max", max)]),
        FormProblem::BadKey { position } => fill(p.form_bad_key, &[("position", position)]),
        FormProblem::DuplicateKey { key } => fill(p.form_duplicate_key, &[("key", key)]),
        FormProblem::EmptyLabel { position } => fill(p.form_empty_label, &[("position", position)]),
        FormProblem::TooFewChoices { position } => fill(p.form_too_few_choices, &[("position", position)]),
        FormProblem::ChoicesOnNonChoice { position } => fill(p.form_choices_on_non_choice, &[("position", position)]),
    }
}

fn deadline_phrase(days_left: i64) -> String {
    let p = &t().phrases;
    match days_left {
        0 => p.deadline_today.to_owned(),
        1 => p.deadline_tomorrow.to_owned(),
        days => fill(p.deadline_in_days, &[("days", &days)]),
    }
}

/// The computed priority in words, most decisive reasons first:
/// "P1 : application vitale, site entier, urgence critique (échéance demain)". When the agent kept another
/// priority, it comes first and the computed one is named.
pub fn explain_priority(decision: &PriorityDecision, chosen: Option<Priority>) -> String {
    let p = &t().phrases;
    let mut reasons: Vec<String> = Vec::new();
    let mut deadline = None;
    let mut matrix = String::new();
    for step in &decision.steps {
        match step {
            PriorityStep::DeadlineRaisedUrgency { days_left, .. } => deadline = Some(deadline_phrase(*days_left)),
            PriorityStep::Matrix { impact, urgency, .. } => {
                matrix = fill(
                    p.priority_matrix,
                    &[("impact", &p.impact_reach.of(*impact)), ("urgency", &urgency_label(*urgency).to_lowercase())],
                );
            }
            PriorityStep::TypologyRaised { typology, .. } => {
                reasons.push(fill(p.priority_typology, &[("typology", &typology_label(*typology).to_lowercase())]))
            }
            PriorityStep::VitalRaised { affected, .. } => reasons.push(
                match affected {
                    Some(EnvironmentKind::Application) => p.vital_application,
                    Some(EnvironmentKind::Hardware) => p.vital_hardware,
                    Some(EnvironmentKind::Service) | None => p.vital_service,
                }
                .to_owned(),
            ),
        }
    }
    if let Some(deadline) = deadline {
        matrix = fill(p.priority_with_deadline, &[("matrix", &matrix), ("deadline", &deadline)]);
    }
    reasons.push(matrix);
    let computed = fill(
        p.priority_computed,
        &[("priority", &decision.priority.code()), ("reasons", &reasons.join(p.list_separator))],
    );
    match chosen {
        Some(chosen) if chosen != decision.priority => {
            fill(p.priority_kept, &[("chosen", &chosen.code()), ("computed", &computed)])
        }
        _ => computed,
    }
}

pub fn year_out_of_range(first: i32, last: i32) -> String {
    fill(t().phrases.year_out_of_range, &[("first", &first), ("last", &last)])
}

/// The weekday of an hour-of-week index (0 = Monday).
pub fn weekday_of_index(weekday: u8) -> &'static str {
    use chrono::Weekday::*;
    weekday_label([Mon, Tue, Wed, Thu, Fri, Sat, Sun][usize::from(weekday.min(6))])
}

/// « lundi 09:00–10:00 ».
pub fn slot_label(slot: HourOfWeek) -> String {
    fill(
        t().phrases.slot,
        &[
            ("weekday", &weekday_of_index(slot.weekday())),
            ("from", &format!("{:02}:00", slot.hour())),
            ("to", &format!("{:02}:00", slot.hour() + 1)),
        ],
    )
}

/// The staffing the week view would need where there is less: « manque 2 agents ».
pub fn missing_agents(missing: u32) -> String {
    let p = &t().phrases;
    if missing == 1 { p.missing_one_agent.to_owned() } else { fill(p.missing_agents, &[("count", &missing)]) }
}

/// « 3,5 agents occupés en permanence ».
pub fn traffic_label(erlangs: f64) -> String {
    fill(t().phrases.traffic, &[("erlangs", &super::decimal(erlangs, 1))])
}

/// « 18 min, mesurée sur 412 tickets ».
pub fn handle_label(minutes: f64, samples: u64) -> String {
    let t = t();
    if samples == 0 {
        fill(
            t.phrases.handle_default,
            &[("minutes", &super::decimal(minutes, 0)), ("default", &t.capacity_handle_default)],
        )
    } else {
        fill(t.phrases.handle_measured, &[("minutes", &super::decimal(minutes, 1)), ("samples", &samples)])
    }
}

/// « 1 234 tickets sur 42 jours ».
pub fn observed_label(tickets: u64, days: u32) -> String {
    let p = &t().phrases;
    let days = if days == 1 { p.one_day.to_owned() } else { fill(p.days, &[("days", &days)]) };
    fill(p.observed, &[("tickets", &tickets), ("days", &days)])
}

/// What an escalation says to the people it concerns.
pub fn escalation_message(
    reference: &str,
    measure: Measure,
    threshold: Threshold,
    due_at: chrono::DateTime<chrono::Utc>,
    late_by: Option<chrono::Duration>,
) -> String {
    let p = &t().phrases;
    let mut message = fill(
        p.escalation,
        &[
            ("reference", &reference),
            ("percent", &threshold.percent),
            ("measure", &measure_label(measure).to_lowercase()),
            ("due", &local_time(due_at)),
            ("action", &escalation_action_label(threshold.action)),
        ],
    );
    if let Some(late_by) = late_by {
        message.push_str(&fill(p.escalation_late, &[("late", &super::wall_duration(late_by))]));
    }
    message
}

/// What is wrong with a calendar an administrator wrote.
pub fn calendar_error_message(error: &CalendarError) -> String {
    let p = &t().phrases;
    match error {
        CalendarError::InvalidOpening(text) => fill(p.calendar_invalid_opening, &[("text", text)]),
        CalendarError::OverlappingOpenings(day) => fill(p.calendar_overlapping, &[("weekday", &weekday_label(*day))]),
        CalendarError::NeverOpen => p.calendar_never_open.to_owned(),
        CalendarError::NotSevenDays => p.calendar_not_seven_days.to_owned(),
    }
}

/// What is wrong with an SLA policy an administrator wrote.
pub fn policy_error_message(error: &PolicyError) -> String {
    let p = &t().phrases;
    match error {
        PolicyError::EmptyTarget => p.policy_empty_target.to_owned(),
        PolicyError::OwnAfterResolve { own, resolve } => {
            fill(p.policy_own_after_resolve, &[("own", own), ("resolve", resolve)])
        }
        PolicyError::ThresholdOutOfRange(percent) => fill(p.policy_threshold_out_of_range, &[("percent", percent)]),
        PolicyError::DuplicateThreshold(percent) => fill(p.policy_duplicate_threshold, &[("percent", percent)]),
        PolicyError::UnreadableThreshold(text) => fill(p.policy_unreadable_threshold, &[("text", text)]),
    }
}

/// Why the capacity model refuses its inputs.
pub fn capacity_error_message(error: &CapacityError) -> String {
    let p = &t().phrases;
    match error {
        CapacityError::Negative { field, value } => fill(p.capacity_negative, &[("field", field), ("value", value)]),
        CapacityError::NotPositive { field, value } => {
            fill(p.capacity_not_positive, &[("field", field), ("value", value)])
        }
        CapacityError::Unstable { load, agents } => {
            fill(p.capacity_unstable, &[("load", &super::decimal(*load, 2)), ("agents", agents)])
        }
        CapacityError::TooManyAgents { agents, max } => {
            fill(p.capacity_too_many_agents, &[("agents", agents), ("max", max)])
        }
    }
}

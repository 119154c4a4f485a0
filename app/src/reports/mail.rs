//! The monthly report as a plain-text mail: every KPI with its trend, the major incidents, the improvement
//! actions, in the words of `i18n::reports`.

use super::MonthlyReport;
use crate::i18n::steering::{action_status_label, trend_label};
use crate::i18n::{fill, kpi_label, local_day, t};
use crate::kpis::sheets::{Cell, indicator_row};
use crate::notifications::Mail;

pub fn report_mail(name: &str, report: &MonthlyReport) -> Mail {
    let r = &t().reports;
    let month = crate::i18n::reports::month_label(report.month);
    let mut body = fill(r.mail_opening, &[("name", &name), ("month", &month)]);
    for line in &report.kpis.lines {
        let value = match &indicator_row(line)[1] {
            Cell::Empty => r.mail_no_value.to_owned(),
            cell => cell.display(),
        };
        body.push_str(&fill(
            r.mail_indicator,
            &[("kpi", &kpi_label(line.kpi)), ("value", &value), ("trend", &trend_label(line.trend))],
        ));
    }
    body.push_str(r.mail_majors);
    if report.major_incidents.is_empty() {
        body.push_str(r.mail_none_masculine);
    }
    for incident in &report.major_incidents {
        let state = incident
            .resolved_at
            .map_or_else(|| r.mail_major_open.to_owned(), |at| fill(r.mail_major_resolved, &[("day", &local_day(at))]));
        body.push_str(&fill(
            r.mail_major,
            &[
                ("reference", &incident.reference),
                ("title", &incident.title),
                ("attached", &incident.attached),
                ("state", &state),
            ],
        ));
    }
    body.push_str(r.mail_actions);
    if report.actions.is_empty() {
        body.push_str(r.mail_none_feminine);
    }
    for action in &report.actions {
        let due = action
            .due_on
            .map_or_else(String::new, |due| fill(r.mail_action_due, &[("day", &due.format(t().phrases.date_format))]));
        body.push_str(&fill(
            r.mail_action,
            &[
                ("title", &action.title),
                ("status", &action_status_label(action.status)),
                ("owner", &action.owner),
                ("due", &due),
            ],
        ));
    }
    body.push_str(r.mail_closing);
    Mail { subject: fill(r.mail_subject, &[("month", &month)]), body }
}

//! The words of the monthly service report: its month in French, and the mail the managers receive.

use chrono::{Datelike, NaiveDate};
#[cfg(feature = "ssr")]
use {
    super::steering::{action_status_label, trend_label},
    super::{kpi_label, local_day},
    crate::kpis::sheets::{Cell, indicator_row},
    crate::reports::MonthlyReport,
    crate::tickets::notify::Mail,
};

/// `novembre 2026`.
pub fn month_label(month: NaiveDate) -> String {
    const NAMES: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    format!("{} {}", NAMES[month.month0() as usize], month.year())
}

/// The notification beside the mail.
pub fn report_notice(month: NaiveDate) -> String {
    format!("Le rapport mensuel du service de {} est disponible.", month_label(month))
}

#[cfg(feature = "ssr")]
/// The report as a plain-text mail: every KPI with its trend, the major incidents, the improvement actions.
pub fn report_mail(name: &str, report: &MonthlyReport) -> Mail {
    let mut body = format!(
        "Bonjour {name},\n\nVoici le rapport du service informatique pour {}.\n\nIndicateurs (évolution par rapport au mois précédent) :\n",
        month_label(report.month)
    );
    for line in &report.kpis.lines {
        let value = match &indicator_row(line)[1] {
            Cell::Empty => "—".to_owned(),
            cell => cell.display(),
        };
        body.push_str(&format!("- {} : {value} ({})\n", kpi_label(line.kpi), trend_label(line.trend)));
    }
    body.push_str("\nIncidents majeurs :\n");
    if report.major_incidents.is_empty() {
        body.push_str("- aucun\n");
    }
    for incident in &report.major_incidents {
        let resolved =
            incident.resolved_at.map_or_else(|| "en cours".to_owned(), |at| format!("résolu le {}", local_day(at)));
        body.push_str(&format!(
            "- {} « {} » : {} incident(s) rattaché(s), {resolved}\n",
            incident.reference, incident.title, incident.attached
        ));
    }
    body.push_str("\nActions d'amélioration :\n");
    if report.actions.is_empty() {
        body.push_str("- aucune\n");
    }
    for action in &report.actions {
        let due = action.due_on.map_or_else(String::new, |due| format!(", échéance {}", due.format("%d/%m/%Y")));
        body.push_str(&format!("- {} ({}, {}{due})\n", action.title, action_status_label(action.status), action.owner));
    }
    body.push_str("\nLe rapport complet, imprimable, est en ligne.\n\nLe service desk Immo9\n");
    Mail { subject: format!("[Immo9] Rapport mensuel du service — {}", month_label(report.month)), body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_in_french() {
        let cases = [((2026, 1), "janvier 2026"), ((2026, 8), "août 2026"), ((2027, 12), "décembre 2027")];
        for ((year, month), expected) in cases {
            assert_eq!(month_label(NaiveDate::from_ymd_opt(year, month, 1).unwrap()), expected);
        }
    }
}

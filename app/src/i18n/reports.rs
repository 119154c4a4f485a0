//! The words of the monthly service report: its month, its notice, and the lines of the mail the managers
//! receive (the mail itself is put together by `reports::service`).

use super::fill;
use chrono::{Datelike, NaiveDate};

pub struct ReportTexts {
    pub months: [&'static str; 12],
    /// `{month} {year}`.
    pub month: &'static str,
    pub notice: &'static str,
    pub mail_subject: &'static str,
    pub mail_opening: &'static str,
    pub mail_indicator: &'static str,
    pub mail_majors: &'static str,
    pub mail_major: &'static str,
    pub mail_major_open: &'static str,
    pub mail_major_resolved: &'static str,
    pub mail_actions: &'static str,
    pub mail_action: &'static str,
    pub mail_action_due: &'static str,
    pub mail_none_masculine: &'static str,
    pub mail_none_feminine: &'static str,
    pub mail_no_value: &'static str,
    pub mail_closing: &'static str,
}

/// The French words of the monthly report.
pub const FR_REPORTS: ReportTexts = ReportTexts {
    months: [
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
    ],
    month: "{month} {year}",
    notice: "Le rapport mensuel du service de {month} est disponible.",
    mail_subject: "[Immo9] Rapport mensuel du service — {month}",
    mail_opening: "Bonjour {name},\n\nVoici le rapport du service informatique pour {month}.\n\nIndicateurs (évolution par rapport au mois précédent) :\n",
    mail_indicator: "- {kpi} : {value} ({trend})\n",
    mail_majors: "\nIncidents majeurs :\n",
    mail_major: "- {reference} « {title} » : {attached} incident(s) rattaché(s), {state}\n",
    mail_major_open: "en cours",
    mail_major_resolved: "résolu le {day}",
    mail_actions: "\nActions d'amélioration :\n",
    mail_action: "- {title} ({status}, {owner}{due})\n",
    mail_action_due: ", échéance {day}",
    mail_none_masculine: "- aucun\n",
    mail_none_feminine: "- aucune\n",
    mail_no_value: "—",
    mail_closing: "\nLe rapport complet, imprimable, est en ligne.\n\nLe service desk Immo9\n",
};

/// `novembre 2026`.
pub fn month_label(month: NaiveDate) -> String {
    let r = &super::t().reports;
    fill(r.month, &[("month", &r.months[month.month0() as usize]), ("year", &month.year())])
}

/// The notification beside the mail.
pub fn report_notice(month: NaiveDate) -> String {
    fill(super::t().reports.notice, &[("month", &month_label(month))])
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

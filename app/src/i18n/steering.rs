//! The words of the steering pages (KPIs, their tables and charts, exports), in French; an English
//! `SteeringTexts` can follow beside `FR`.

use crate::domain::kpi::{AGE_BUCKETS_DAYS, Trend, Unit};
use crate::kpis::sheets::SheetKind;

pub struct SteeringTexts {
    pub tabs_label: &'static str,
    pub tab_backlog: &'static str,
    pub tab_kpis: &'static str,
    pub kpis_title: &'static str,
    pub kpis_intro: &'static str,
    pub kpis_reset: &'static str,
    pub filters_label: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub pole: &'static str,
    pub site: &'static str,
    pub domain: &'static str,
    pub kind: &'static str,
    pub channel: &'static str,
    pub all: &'static str,
    pub apply: &'static str,
    pub period_from: &'static str,
    pub period_to: &'static str,
    pub compared_with: &'static str,
    pub previous_period: &'static str,
    pub table_of: &'static str,
    pub export: &'static str,
    pub no_domain: &'static str,
    pub no_resolution: &'static str,
    pub chart_flow: &'static str,
    pub chart_compliance_trend: &'static str,
    pub chart_backlog: &'static str,
    pub chart_grid: &'static str,
    pub col_kpi: &'static str,
    pub col_value: &'static str,
    pub col_previous: &'static str,
    pub col_trend: &'static str,
    pub col_numerator: &'static str,
    pub col_denominator: &'static str,
    pub col_unit: &'static str,
    pub col_definition: &'static str,
    pub col_age: &'static str,
    pub col_backlog_now: &'static str,
    pub col_backlog_before: &'static str,
    pub col_from: &'static str,
    pub col_to: &'static str,
    pub col_registered: &'static str,
    pub col_closed: &'static str,
    pub col_in_time: &'static str,
    pub col_resolved: &'static str,
    pub col_compliance: &'static str,
    pub col_domain: &'static str,
    pub col_site: &'static str,
    pub unknown_table: &'static str,
    pub unknown_format: &'static str,
}

pub static FR: SteeringTexts = SteeringTexts {
    tabs_label: "Pages du pilotage",
    tab_backlog: "Charge des pôles",
    tab_kpis: "Indicateurs",
    kpis_title: "Indicateurs du service",
    kpis_intro: "Chaque indicateur avec sa définition, son évolution par rapport à la période précédente de même durée, et les tableaux derrière chaque graphique, exportables.",
    kpis_reset: "Revenir aux 30 derniers jours",
    filters_label: "Filtrer les indicateurs",
    from: "Du",
    to: "Au (inclus)",
    pole: "Pôle",
    site: "Site",
    domain: "Domaine",
    kind: "Type",
    channel: "Canal",
    all: "Tous",
    apply: "Appliquer",
    period_from: "Du",
    period_to: "au",
    compared_with: "comparé au",
    previous_period: "Période précédente",
    table_of: "Tableau",
    export: "Exporter :",
    no_domain: "Sans domaine",
    no_resolution: "Aucune résolution sur la période.",
    chart_flow: "Tickets entrants et clôturés par pas de temps",
    chart_compliance_trend: "Part des résolutions dans le délai par pas de temps",
    chart_backlog: "Tickets ouverts en fin de période, par ancienneté",
    chart_grid: "Part des résolutions dans le délai, par site (lignes) et domaine (colonnes) ; le nombre de résolutions entre parenthèses",
    col_kpi: "Indicateur",
    col_value: "Valeur",
    col_previous: "Période précédente",
    col_trend: "Tendance",
    col_numerator: "Numérateur",
    col_denominator: "Dénominateur",
    col_unit: "Unité",
    col_definition: "Définition",
    col_age: "Ancienneté",
    col_backlog_now: "Fin de période",
    col_backlog_before: "Fin de période précédente",
    col_from: "Du",
    col_to: "Au",
    col_registered: "Entrants",
    col_closed: "Clôturés",
    col_in_time: "Résolus dans le délai",
    col_resolved: "Résolus",
    col_compliance: "Conformité",
    col_domain: "Domaine",
    col_site: "Site",
    unknown_table: "Tableau inconnu : choisissez INDICATEURS, ANCIENNETE, EVOLUTION ou CONFORMITE.",
    unknown_format: "Format inconnu : choisissez csv ou xlsx.",
};

pub fn s() -> &'static SteeringTexts {
    &FR
}

pub fn sheet_title(kind: SheetKind) -> &'static str {
    match kind {
        SheetKind::Indicators => "Indicateurs",
        SheetKind::BacklogAges => "Ancienneté du stock",
        SheetKind::Evolution => "Évolution sur la période",
        SheetKind::Compliance => "Conformité par domaine et site",
    }
}

pub fn trend_label(trend: Trend) -> &'static str {
    match trend {
        Trend::Better => "en amélioration",
        Trend::Worse => "en dégradation",
        Trend::Steady => "stable",
        Trend::Unknown => "non comparable",
    }
}

/// A symbol beside the words, never alone.
pub fn trend_symbol(trend: Trend) -> &'static str {
    match trend {
        Trend::Better => "▲",
        Trend::Worse => "▼",
        Trend::Steady => "=",
        Trend::Unknown => "·",
    }
}

pub fn unit_label(unit: Unit) -> &'static str {
    match unit {
        Unit::Share => "part (%)",
        Unit::Minutes => "minutes ouvrées",
        Unit::Count => "nombre",
        Unit::Rating => "note sur 5",
    }
}

/// The backlog age bucket `index` (see `AGE_BUCKETS_DAYS`).
pub fn age_bucket_label(index: usize) -> &'static str {
    const LABELS: [&str; AGE_BUCKETS_DAYS.len() + 1] =
        ["Moins d'un jour", "1 à 3 jours", "3 à 7 jours", "7 à 30 jours", "30 jours et plus"];
    LABELS.get(index).copied().unwrap_or("?")
}

/// The heatmap's steps in words (see `shell::charts::heat_step`).
pub fn heat_legend() -> Vec<(u8, String)> {
    [(5, "95 % et plus"), (4, "90 à 95 %"), (3, "80 à 90 %"), (2, "70 à 80 %"), (1, "50 à 70 %"), (0, "moins de 50 %")]
        .into_iter()
        .map(|(step, label)| (step, label.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_age_bucket_has_a_label() {
        for index in 0..=AGE_BUCKETS_DAYS.len() {
            assert_ne!(age_bucket_label(index), "?");
        }
    }
}

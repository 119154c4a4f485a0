//! The words of the steering pages (KPIs, their tables and charts, exports; campaigns), in French; an English
//! `SteeringTexts` can follow beside `FR`.

use super::{Labels, fill};
use crate::domain::campaign::{
    BannerProblem, CampaignKind, CampaignState, MAX_BANNER_DAYS, MAX_MESSAGE_CHARS, MAX_TITLE_CHARS, Phase, Severity,
};
use crate::domain::kpi::{AGE_BUCKETS_DAYS, Trend, Unit};
use crate::domain::kpi::{ActionStatus, SheetKind};

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
    pub tab_campaigns: &'static str,
    pub campaign_bad_instant: &'static str,
    pub campaign_unknown_site: &'static str,
    pub campaign_not_found: &'static str,
    pub campaign_not_a_banner: &'static str,
    pub campaign_already_over: &'static str,
    pub banner_until: &'static str,
    pub banner_dismiss: &'static str,
    pub campaigns_title: &'static str,
    pub campaigns_intro: &'static str,
    pub banner_new: &'static str,
    pub banner_title: &'static str,
    pub banner_message: &'static str,
    pub banner_severity: &'static str,
    pub banner_sites: &'static str,
    pub banner_everyone_hint: &'static str,
    pub banner_typologies: &'static str,
    pub banner_starts: &'static str,
    pub banner_ends: &'static str,
    pub banner_published: &'static str,
    pub banner_publish: &'static str,
    pub campaigns_history: &'static str,
    pub col_campaign: &'static str,
    pub col_audience: &'static str,
    pub col_period: &'static str,
    pub col_state: &'static str,
    pub col_told: &'static str,
    pub col_actions: &'static str,
    pub audience_linked_requesters: &'static str,
    pub audience_everyone: &'static str,
    pub until_resolved: &'static str,
    pub created_by: &'static str,
    pub banner_withdraw: &'static str,
    pub tab_satisfaction: &'static str,
    pub survey_invitation: &'static str,
    pub survey_low_rating_notice: &'static str,
    pub survey_policy_out_of_bounds: &'static str,
    pub follow_up_note_needed: &'static str,
    pub follow_up_already_handled: &'static str,
    pub satisfaction_title: &'static str,
    pub satisfaction_intro: &'static str,
    pub survey_policy: &'static str,
    pub survey_rate: &'static str,
    pub survey_period: &'static str,
    pub survey_low: &'static str,
    pub survey_save: &'static str,
    pub survey_saved: &'static str,
    pub survey_invited: &'static str,
    pub survey_answered: &'static str,
    pub survey_mean: &'static str,
    pub follow_ups: &'static str,
    pub follow_ups_none: &'static str,
    pub follow_up_note: &'static str,
    pub follow_up_done: &'static str,
    pub follow_up_handled: &'static str,
    pub follow_up_open: &'static str,
    pub col_ticket: &'static str,
    pub col_rating: &'static str,
    pub col_comment: &'static str,
    pub col_requester: &'static str,
    pub tab_report: &'static str,
    pub action_title_length: &'static str,
    pub action_description_too_long: &'static str,
    pub action_bad_date: &'static str,
    pub action_unknown_owner: &'static str,
    pub action_not_found: &'static str,
    pub report_month_not_over: &'static str,
    pub report_already_sent: &'static str,
    pub report_title: &'static str,
    pub report_intro: &'static str,
    pub report_month: &'static str,
    pub report_show: &'static str,
    pub report_print: &'static str,
    pub report_send: &'static str,
    pub report_sent: &'static str,
    pub report_sent_to: &'static str,
    pub report_not_sent: &'static str,
    pub report_kpis: &'static str,
    pub report_majors: &'static str,
    pub report_no_major: &'static str,
    pub report_actions: &'static str,
    pub report_no_action: &'static str,
    pub col_registered_at: &'static str,
    pub col_resolved_at: &'static str,
    pub col_attached: &'static str,
    pub col_owner: &'static str,
    pub col_due: &'static str,
    pub col_status: &'static str,
    pub action_new: &'static str,
    pub action_title: &'static str,
    pub action_description: &'static str,
    pub action_owner: &'static str,
    pub action_due: &'static str,
    pub action_record: &'static str,
    pub action_recorded: &'static str,
    pub still_open: &'static str,
    pub sheet_title: Labels<SheetKind>,
    pub trend: Labels<Trend>,
    pub trend_symbol: Labels<Trend>,
    pub unit: Labels<Unit>,
    pub campaign_severity: Labels<Severity>,
    pub campaign_kind: Labels<CampaignKind>,
    pub campaign_state: Labels<CampaignState>,
    pub action_status: Labels<ActionStatus>,
    /// The backlog's age buckets (see `AGE_BUCKETS_DAYS`), youngest first.
    pub age_buckets: [&'static str; AGE_BUCKETS_DAYS.len() + 1],
    /// The heatmap's steps in words (see `ui::charts::heat_step`), highest first.
    pub heat_legend: [(u8, &'static str); 6],
    pub banner_title_missing: &'static str,
    pub banner_title_too_long: &'static str,
    pub banner_message_missing: &'static str,
    pub banner_message_too_long: &'static str,
    pub banner_ends_before_start: &'static str,
    pub banner_already_over: &'static str,
    pub banner_too_long: &'static str,
    pub major_incident_start: &'static str,
    pub major_incident_end: &'static str,
    pub major_incident_solution: &'static str,
}

/// The French words of the steering pages.
pub const FR_STEERING: SteeringTexts = SteeringTexts {
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
    tab_campaigns: "Campagnes",
    campaign_bad_instant: "Date et heure illisibles : choisissez-les dans le calendrier (heure de Paris).",
    campaign_unknown_site: "Un des sites choisis n'existe plus : rechargez la page.",
    campaign_not_found: "cette campagne",
    campaign_not_a_banner: "Seul un bandeau peut être retiré ; les messages d'un incident majeur suivent l'incident.",
    campaign_already_over: "Ce bandeau est déjà terminé ou retiré.",
    banner_until: "jusqu'au",
    banner_dismiss: "Masquer",
    campaigns_title: "Campagnes de communication",
    campaigns_intro: "Les bandeaux affichés dans le portail aux sites et typologies choisis, et les messages envoyés aux demandeurs d'un incident majeur à son début et à sa fin.",
    banner_new: "Nouveau bandeau",
    banner_title: "Titre",
    banner_message: "Message",
    banner_severity: "Nature",
    banner_sites: "Sites concernés",
    banner_everyone_hint: "Aucun site coché : tous les sites. Aucune typologie cochée : toutes les typologies.",
    banner_typologies: "Typologies concernées",
    banner_starts: "Début (vide : maintenant)",
    banner_ends: "Fin",
    banner_published: "Bandeau publié.",
    banner_publish: "Publier le bandeau",
    campaigns_history: "Historique des campagnes",
    col_campaign: "Campagne",
    col_audience: "Destinataires",
    col_period: "Période",
    col_state: "État",
    col_told: "Prévenus (début / fin)",
    col_actions: "Actions",
    audience_linked_requesters: "Demandeurs rattachés à l'incident",
    audience_everyone: "Tout le monde",
    until_resolved: "jusqu'à la résolution",
    created_by: "Par",
    banner_withdraw: "Retirer",
    tab_satisfaction: "Satisfaction",
    survey_invitation: "est clos : votre avis nous aide à progresser. Donnez une note de 1 à 5 depuis la page du ticket.",
    survey_low_rating_notice: "a reçu une note basse, à suivre :",
    survey_policy_out_of_bounds: "Valeur hors limites : taux de 0 à 100 %, période de 1 à 365 jours, note basse de 1 à 4.",
    follow_up_note_needed: "Notez ce qui a été fait (2 000 caractères au plus).",
    follow_up_already_handled: "Ce suivi est déjà traité.",
    satisfaction_title: "Satisfaction des utilisateurs",
    satisfaction_intro: "Après la clôture, une part tirée au sort des tickets demande une note et un commentaire à son demandeur, jamais plus d'une fois par période. Une note basse ouvre un suivi à traiter ici.",
    survey_policy: "Règles de l'enquête",
    survey_rate: "Part des tickets clos sondés (%)",
    survey_period: "Un même demandeur sondé au plus une fois tous les (jours)",
    survey_low: "Note ouvrant un suivi (au plus)",
    survey_save: "Enregistrer les règles",
    survey_saved: "Règles enregistrées.",
    survey_invited: "Sondés (30 jours)",
    survey_answered: "Réponses (30 jours)",
    survey_mean: "Note moyenne (30 jours)",
    follow_ups: "Suivis des notes basses",
    follow_ups_none: "Aucune note basse à suivre.",
    follow_up_note: "Ce qui a été fait",
    follow_up_done: "Marquer comme traité",
    follow_up_handled: "Traité",
    follow_up_open: "À traiter",
    col_ticket: "Ticket",
    col_rating: "Note",
    col_comment: "Commentaire",
    col_requester: "Demandeur",
    tab_report: "Rapport mensuel",
    action_title_length: "Le titre d'une action compte de 3 à 200 caractères.",
    action_description_too_long: "La description compte au plus 4 000 caractères.",
    action_bad_date: "Échéance illisible : choisissez une date.",
    action_unknown_owner: "Choisissez un responsable parmi les personnes actives.",
    action_not_found: "cette action d'amélioration",
    report_month_not_over: "Ce mois n'est pas terminé : le rapport s'envoie une fois le mois clos.",
    report_already_sent: "Le rapport de ce mois a déjà été envoyé aux responsables.",
    report_title: "Rapport mensuel du service",
    report_intro: "Les indicateurs du mois et leur évolution, les incidents majeurs et les actions d'amélioration. Imprimable ; envoyé par courriel aux responsables (superviseurs des pôles et direction) le 1er du mois suivant.",
    report_month: "Mois",
    report_show: "Afficher",
    report_print: "Imprimer",
    report_send: "Envoyer aux responsables",
    report_sent: "Envoyé le",
    report_sent_to: "responsable(s) prévenu(s)",
    report_not_sent: "Pas encore envoyé.",
    report_kpis: "Indicateurs",
    report_majors: "Incidents majeurs",
    report_no_major: "Aucun incident majeur ce mois-ci.",
    report_actions: "Actions d'amélioration",
    report_no_action: "Aucune action d'amélioration enregistrée.",
    col_registered_at: "Ouvert le",
    col_resolved_at: "Résolu le",
    col_attached: "Incidents rattachés",
    col_owner: "Responsable",
    col_due: "Échéance",
    col_status: "Statut",
    action_new: "Nouvelle action d'amélioration",
    action_title: "Intitulé",
    action_description: "Description",
    action_owner: "Responsable",
    action_due: "Échéance",
    action_record: "Enregistrer l'action",
    action_recorded: "Action enregistrée.",
    still_open: "en cours",
    sheet_title: Labels(&[
        (SheetKind::Indicators, "Indicateurs"),
        (SheetKind::BacklogAges, "Ancienneté du stock"),
        (SheetKind::Evolution, "Évolution sur la période"),
        (SheetKind::Compliance, "Conformité par domaine et site"),
    ]),
    trend: Labels(&[
        (Trend::Better, "en amélioration"),
        (Trend::Worse, "en dégradation"),
        (Trend::Steady, "stable"),
        (Trend::Unknown, "non comparable"),
    ]),
    trend_symbol: Labels(&[(Trend::Better, "▲"), (Trend::Worse, "▼"), (Trend::Steady, "="), (Trend::Unknown, "·")]),
    unit: Labels(&[
        (Unit::Share, "part (%)"),
        (Unit::Minutes, "minutes ouvrées"),
        (Unit::Count, "nombre"),
        (Unit::Rating, "note sur 5"),
    ]),
    campaign_severity: Labels(&[(Severity::Info, "Information"), (Severity::Alert, "Alerte")]),
    campaign_kind: Labels(&[(CampaignKind::Banner, "Bandeau"), (CampaignKind::MajorIncident, "Incident majeur")]),
    campaign_state: Labels(&[
        (CampaignState::Upcoming, "À venir"),
        (CampaignState::Live, "En cours"),
        (CampaignState::Ended, "Terminée"),
        (CampaignState::Withdrawn, "Retirée"),
    ]),
    action_status: Labels(&[
        (ActionStatus::Planned, "Prévue"),
        (ActionStatus::InProgress, "En cours"),
        (ActionStatus::Done, "Faite"),
        (ActionStatus::Dropped, "Abandonnée"),
    ]),
    age_buckets: ["Moins d'un jour", "1 à 3 jours", "3 à 7 jours", "7 à 30 jours", "30 jours et plus"],
    heat_legend: [
        (5, "95 % et plus"),
        (4, "90 à 95 %"),
        (3, "80 à 90 %"),
        (2, "70 à 80 %"),
        (1, "50 à 70 %"),
        (0, "moins de 50 %"),
    ],
    banner_title_missing: "Donnez un titre au bandeau.",
    banner_title_too_long: "Le titre compte au plus {max} caractères.",
    banner_message_missing: "Écrivez le message du bandeau.",
    banner_message_too_long: "Le message compte au plus {max} caractères.",
    banner_ends_before_start: "La fin doit suivre le début.",
    banner_already_over: "Cette fin est déjà passée.",
    banner_too_long: "Un bandeau s'affiche au plus {max} jours.",
    major_incident_start: "Incident majeur en cours ({reference}) : « {title} ». Votre demande y est rattachée ; nos équipes y travaillent et vous serez prévenu de son rétablissement.",
    major_incident_end: "Incident majeur résolu ({reference}) : « {title} ». {solution}",
    major_incident_solution: "Solution : {solution}",
};

/// The steering texts of the current language.
pub fn s() -> &'static SteeringTexts {
    &super::t().steering
}

pub fn sheet_title(kind: SheetKind) -> &'static str {
    s().sheet_title.of(kind)
}

pub fn trend_label(trend: Trend) -> &'static str {
    s().trend.of(trend)
}

/// A symbol beside the words, never alone.
pub fn trend_symbol(trend: Trend) -> &'static str {
    s().trend_symbol.of(trend)
}

pub fn unit_label(unit: Unit) -> &'static str {
    s().unit.of(unit)
}

/// The backlog age bucket `index` (see `AGE_BUCKETS_DAYS`).
pub fn age_bucket_label(index: usize) -> &'static str {
    s().age_buckets.get(index).copied().unwrap_or("?")
}

/// The heatmap's steps in words (see `ui::charts::heat_step`).
pub fn heat_legend() -> Vec<(u8, String)> {
    s().heat_legend.iter().map(|(step, label)| (*step, (*label).to_owned())).collect()
}

pub fn severity_label(severity: Severity) -> &'static str {
    s().campaign_severity.of(severity)
}

pub fn campaign_kind_label(kind: CampaignKind) -> &'static str {
    s().campaign_kind.of(kind)
}

pub fn campaign_state_label(state: CampaignState) -> &'static str {
    s().campaign_state.of(state)
}

pub fn banner_problem_message(problem: BannerProblem) -> String {
    let s = s();
    match problem {
        BannerProblem::TitleMissing => s.banner_title_missing.to_owned(),
        BannerProblem::TitleTooLong => fill(s.banner_title_too_long, &[("max", &MAX_TITLE_CHARS)]),
        BannerProblem::MessageMissing => s.banner_message_missing.to_owned(),
        BannerProblem::MessageTooLong => fill(s.banner_message_too_long, &[("max", &MAX_MESSAGE_CHARS)]),
        BannerProblem::EndsBeforeStart => s.banner_ends_before_start.to_owned(),
        BannerProblem::AlreadyOver => s.banner_already_over.to_owned(),
        BannerProblem::TooLong => fill(s.banner_too_long, &[("max", &MAX_BANNER_DAYS)]),
    }
}

/// The message a requester of a major incident receives at its start and at its end.
pub fn major_incident_message(phase: Phase, reference: &str, title: &str, solution: Option<&str>) -> String {
    let s = s();
    match phase {
        Phase::Start => fill(s.major_incident_start, &[("reference", &reference), ("title", &title)]),
        Phase::End => {
            let solution = solution
                .map_or_else(String::new, |solution| fill(s.major_incident_solution, &[("solution", &solution)]));
            fill(s.major_incident_end, &[("reference", &reference), ("title", &title), ("solution", &solution)])
        }
    }
}

pub fn action_status_label(status: ActionStatus) -> &'static str {
    s().action_status.of(status)
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

//! Every sentence the product shows people, in one place. French today; English is a second `Texts` value.
//!
//! Labels of domain codes (roles, poles, typologies…) are here too, so the domain stays language-free.

use crate::backlog::PoleBacklog;
use crate::domain::access::Area;
use crate::domain::backlog::AlertReason;
use crate::domain::calendar::PublicHoliday;
use crate::domain::catalog::{AnswerProblem, FieldKind, FormProblem};
use crate::domain::people::{Pole, Role, SiteKind, Typology};
use crate::domain::qualification::{
    Criticality, EnvironmentKind, Impact, PriorityDecision, PriorityStep, Severity, Urgency,
};
use crate::domain::sla::{Band, EscalationAction, Measure, Threshold};
use crate::domain::ticket::{Channel, Kind, Priority, ServiceDomain};
use crate::domain::workflow::{Action, Status, StatusGroup};
use crate::tickets::{ApprovalDecision, CommentPurpose, LinkKind};

pub mod imports;
pub mod reports;
pub mod steering;

pub struct Texts {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,

    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub login_field: &'static str,
    pub login_field_hint: &'static str,
    pub password_field: &'static str,
    pub login_submit: &'static str,
    pub login_pending: &'static str,
    pub login_missing: &'static str,
    pub password_missing: &'static str,

    pub home_greeting: &'static str,
    pub home_profile: &'static str,
    pub home_site: &'static str,
    pub home_typology: &'static str,
    pub home_roles: &'static str,
    pub home_pole: &'static str,
    pub home_your_areas: &'static str,
    pub home_support_title: &'static str,
    pub home_support_text: &'static str,
    pub home_pole_mission: &'static str,

    pub teams_title: &'static str,
    pub teams_intro: &'static str,
    pub teams_members: &'static str,
    pub teams_no_member: &'static str,
    pub teams_level: &'static str,

    pub admin_title: &'static str,
    pub admin_accounts: &'static str,
    pub admin_sites: &'static str,
    pub col_name: &'static str,
    pub col_login: &'static str,
    pub col_site: &'static str,
    pub col_roles: &'static str,
    pub col_pole: &'static str,
    pub col_status: &'static str,
    pub col_actions: &'static str,
    pub col_kind: &'static str,
    pub col_city: &'static str,
    pub col_code: &'static str,
    pub col_phone: &'static str,
    pub account_active: &'static str,
    pub account_disabled: &'static str,
    pub account_disable: &'static str,
    pub account_enable: &'static str,
    pub account_cannot_disable_self: &'static str,

    pub loading: &'static str,
    pub none: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,

    pub ticket_kind_missing: &'static str,
    pub ticket_title_missing: &'static str,
    pub ticket_title_too_long: &'static str,
    pub ticket_description_missing: &'static str,
    pub ticket_description_too_long: &'static str,
    pub ticket_requester_missing: &'static str,
    pub ticket_requester_unknown: &'static str,
    pub ticket_site_missing: &'static str,
    pub ticket_pole_not_routable: &'static str,
    pub ticket_first_contact_kind: &'static str,
    pub ticket_source_already_registered: &'static str,
    pub refused_action: &'static str,
    pub refused_state: &'static str,
    pub need_reason: &'static str,
    pub need_solution: &'static str,
    pub need_question: &'static str,
    pub need_answer: &'static str,
    pub need_assignee: &'static str,
    pub need_assignee_in_pole: &'static str,
    pub need_incident: &'static str,
    pub need_workaround: &'static str,
    pub need_confirmation_delay: &'static str,
    pub need_other_pole: &'static str,
    pub stale_version: &'static str,
    pub notice_assigned: &'static str,
    pub notice_supervisor: &'static str,
    pub notice_question: &'static str,
    pub notice_answered: &'static str,
    pub notice_resolved: &'static str,
    pub notice_rejected: &'static str,
    pub notice_comment: &'static str,
    pub notice_reminder: &'static str,
    pub auto_resolved: &'static str,
    pub link_target_unknown: &'static str,
    pub link_wrong_kind: &'static str,
    pub link_exists: &'static str,
    pub link_to_itself: &'static str,
    pub comment_missing: &'static str,
    pub effort_out_of_range: &'static str,
    pub effort_period_invalid: &'static str,
    pub children_parent_not_resolved: &'static str,
    pub children_resolved_with: &'static str,

    pub tickets_none: &'static str,
    pub col_reference: &'static str,
    pub col_title: &'static str,
    pub col_priority: &'static str,
    pub col_requester: &'static str,
    pub col_assignee: &'static str,
    pub col_updated: &'static str,
    pub declare_title: &'static str,
    pub declare_kind: &'static str,
    pub declare_incident: &'static str,
    pub declare_request: &'static str,
    pub declare_submit: &'static str,
    pub field_title: &'static str,
    pub field_title_hint: &'static str,
    pub field_description: &'static str,
    pub field_description_hint: &'static str,
    pub my_tickets_title: &'static str,
    pub filter_apply: &'static str,
    pub board_tabs: &'static str,
    pub board_mine: &'static str,
    pub board_of_pole: &'static str,
    pub board_filters: &'static str,
    pub board_filters_ignored: &'static str,
    pub board_any: &'static str,
    pub board_nobody: &'static str,
    pub board_at_risk: &'static str,
    pub board_waiting: &'static str,
    pub board_clear_filters: &'static str,
    pub board_layout: &'static str,
    pub board_layout_list: &'static str,
    pub board_layout_columns: &'static str,
    pub board_count: &'static str,
    pub board_empty: &'static str,
    pub board_deadline: &'static str,
    pub board_no_deadline: &'static str,
    pub board_left: &'static str,
    pub board_overdue: &'static str,
    pub board_paused: &'static str,
    pub board_stage: &'static str,
    pub board_updated: &'static str,
    pub board_job: &'static str,
    pub board_asset: &'static str,
    pub board_job_repair: &'static str,
    pub board_job_preparation: &'static str,
    pub board_actions: &'static str,
    pub board_select_hint: &'static str,
    pub board_no_action: &'static str,
    pub board_pick_agent: &'static str,
    pub board_pick_pole: &'static str,
    pub board_pick_priority: &'static str,
    pub board_reason: &'static str,
    pub board_change_priority: &'static str,
    pub board_refused: &'static str,
    pub board_done_take: &'static str,
    pub board_done_assign: &'static str,
    pub board_done_escalate: &'static str,
    pub board_done_priority: &'static str,
    pub board_shortcuts: &'static str,
    pub board_saved_views: &'static str,
    pub board_no_saved_view: &'static str,
    pub board_view_name: &'static str,
    pub board_save_view: &'static str,
    pub board_delete_view: &'static str,
    pub board_view_name_missing: &'static str,
    pub board_view_name_too_long: &'static str,
    pub board_view_query_invalid: &'static str,
    pub board_view_too_many: &'static str,
    pub phone_find_title: &'static str,
    pub phone_find_label: &'static str,
    pub phone_find_hint: &'static str,
    pub phone_no_caller: &'static str,
    pub phone_no_open_ticket: &'static str,
    pub phone_open_tickets: &'static str,
    pub phone_choose: &'static str,
    pub priority_reason_missing: &'static str,
    pub priority_reason_too_long: &'static str,
    pub priority_unchanged: &'static str,
    pub board_shortcut_list: &'static [(&'static str, &'static str)],
    pub register_title: &'static str,
    pub field_requester: &'static str,
    pub field_requester_hint: &'static str,
    pub field_channel: &'static str,
    pub field_domain: &'static str,
    pub field_pole_default: &'static str,
    pub field_solved_now: &'static str,
    pub field_solved_now_hint: &'static str,
    pub register_submit: &'static str,
    pub ticket_facts: &'static str,
    pub ticket_registered: &'static str,
    pub ticket_registered_by: &'static str,
    pub ticket_source: &'static str,
    pub ticket_waiting_since: &'static str,
    pub ticket_resolved_at: &'static str,
    pub ticket_first_contact: &'static str,
    pub yes: &'static str,
    pub ticket_reopened: &'static str,
    pub ticket_solution: &'static str,
    pub ticket_workaround: &'static str,
    pub ticket_actions: &'static str,
    pub ticket_no_action: &'static str,
    pub ticket_timeline: &'static str,
    pub children_resolve: &'static str,
    pub comment_label: &'static str,
    pub comment_internal: &'static str,
    pub comment_internal_badge: &'static str,
    pub comment_submit: &'static str,
    pub field_reason: &'static str,
    pub field_question: &'static str,
    pub field_answer: &'static str,
    pub field_target_pole: &'static str,
    pub field_incident: &'static str,
    pub field_minutes: &'static str,
    pub by: &'static str,
    pub by_system: &'static str,
    pub links_title: &'static str,
    pub links_kind: &'static str,
    pub links_target: &'static str,
    pub links_submit: &'static str,
    pub effort_title: &'static str,
    pub effort_total: &'static str,
    pub effort_note: &'static str,
    pub effort_submit: &'static str,

    pub err_unauthenticated: &'static str,
    pub err_invalid_credentials: &'static str,
    pub err_account_disabled: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_unavailable: &'static str,
    pub err_internal: &'static str,
    pub err_network: &'static str,
    pub err_concurrent_write: &'static str,

    pub ref_code_invalid: &'static str,
    pub ref_label_invalid: &'static str,
    pub ref_code_taken: &'static str,
    pub ref_deadline_window_invalid: &'static str,
    pub ref_kinds_missing: &'static str,
    pub ref_parent_invalid: &'static str,
    pub ref_summary_too_long: &'static str,
    pub ref_catalog_kind_invalid: &'static str,
    pub ref_category_domain_mismatch: &'static str,
    pub notice_approval_requested: &'static str,
    pub notice_request_approved: &'static str,
    pub notice_request_refused: &'static str,
    pub catalog_entry_word: &'static str,
    pub catalog_no_manager: &'static str,
    pub qualify_deadline_past: &'static str,
    pub qualify_closed: &'static str,
    pub qualify_category_unknown: &'static str,
    pub qualify_category_kind: &'static str,
    pub qualify_environment_unknown: &'static str,
    pub qualify_override_reason: &'static str,
    pub rating_out_of_range: &'static str,
    pub rating_comment_too_long: &'static str,
    pub rating_not_resolved: &'static str,
    pub rating_already: &'static str,
    pub rating_not_invited: &'static str,
    pub catalog_title: &'static str,
    pub catalog_intro: &'static str,
    pub catalog_search_label: &'static str,
    pub catalog_search_placeholder: &'static str,
    pub catalog_no_result: &'static str,
    pub catalog_declare_incident: &'static str,
    pub catalog_approval_badge: &'static str,
    pub catalog_results: &'static str,
    pub catalog_form_submit: &'static str,
    pub catalog_form_pending: &'static str,
    pub catalog_form_optional: &'static str,
    pub catalog_form_approval_note: &'static str,
    pub catalog_back: &'static str,
    pub catalog_choose: &'static str,
    pub catalog_person_hint: &'static str,
    pub approvals_title: &'static str,
    pub approvals_intro: &'static str,
    pub approvals_from: &'static str,
    pub approval_title: &'static str,
    pub approval_pending: &'static str,
    pub approval_approved: &'static str,
    pub approval_refused: &'static str,
    pub qualification_title: &'static str,
    pub qualification_none: &'static str,
    pub qualification_computed: &'static str,
    pub qualification_submit: &'static str,
    pub qualification_by: &'static str,
    pub qualification_override_note: &'static str,
    pub field_category: &'static str,
    pub field_environment: &'static str,
    pub field_impact: &'static str,
    pub field_urgency: &'static str,
    pub field_criticality: &'static str,
    pub field_severity: &'static str,
    pub field_deadline: &'static str,
    pub field_priority_kept: &'static str,
    pub field_override_reason: &'static str,
    pub none_option: &'static str,
    pub origin_title: &'static str,
    pub rating_title: &'static str,
    pub rating_label: &'static str,
    pub rating_comment: &'static str,
    pub rating_submit: &'static str,
    pub rating_given: &'static str,
    pub ref_title: &'static str,
    pub ref_intro: &'static str,
    pub ref_matrix_title: &'static str,
    pub ref_rules_title: &'static str,
    pub ref_vital_rule: &'static str,
    pub ref_deadline_rule: &'static str,
    pub ref_typologies_title: &'static str,
    pub ref_raises: &'static str,
    pub ref_callback: &'static str,
    pub ref_categories_title: &'static str,
    pub ref_environment_title: &'static str,
    pub ref_catalog_title: &'static str,
    pub ref_new: &'static str,
    pub ref_edit: &'static str,
    pub ref_fields_title: &'static str,
    pub ref_add_field: &'static str,
    pub ref_remove_field: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub cancel: &'static str,
    pub field_key: &'static str,
    pub field_label: &'static str,
    pub field_kind: &'static str,
    pub field_required: &'static str,
    pub field_help: &'static str,
    pub field_choices: &'static str,
    pub col_usage: &'static str,
    pub col_approval: &'static str,
    pub col_active: &'static str,
    pub col_default_pole: &'static str,
    pub col_allowed_kinds: &'static str,
    pub col_criticality: &'static str,
    pub col_parent: &'static str,
    pub col_summary: &'static str,
    pub col_keywords: &'static str,
    pub col_domain: &'static str,
    pub col_description: &'static str,
    pub col_handling: &'static str,
    pub col_urgency_impact: &'static str,
    pub approvals_link: &'static str,
    pub approvals_none: &'static str,
    pub account_agent_needs_pole: &'static str,
    pub account_manager_self: &'static str,
    pub account_manager_unknown: &'static str,
    pub account_cannot_drop_own_admin: &'static str,
    pub site_code_invalid: &'static str,
    pub col_manager: &'static str,
    pub col_typology: &'static str,
    pub account_edit_title: &'static str,
    pub ref_delay_hours_invalid: &'static str,
    pub ref_max_reminders_invalid: &'static str,
    pub ref_delays_title: &'static str,
    pub ref_reminder_delay: &'static str,
    pub ref_max_reminders: &'static str,
    pub ref_confirmation_delay: &'static str,
    pub admin_referential_link: &'static str,
    pub admin_catalog_link: &'static str,
    pub profile_title: &'static str,
    pub profile_call_back: &'static str,
    pub qualification_preview: &'static str,
    pub sla_unknown_site: &'static str,
    pub sla_unknown_catalog: &'static str,
    pub sla_site_without_calendar: &'static str,
    pub sla_no_policy: &'static str,
    pub sla_closure_invalid: &'static str,
    pub sla_target_too_long: &'static str,
    pub sla_calendar_name_invalid: &'static str,
    pub sla_calendar_label: &'static str,
    pub sla_admin_title: &'static str,
    pub sla_admin_intro: &'static str,
    pub sla_admin_link: &'static str,
    pub sla_policies_title: &'static str,
    pub sla_policies_help: &'static str,
    pub sla_col_own: &'static str,
    pub sla_col_resolve: &'static str,
    pub sla_col_thresholds: &'static str,
    pub sla_calendars_title: &'static str,
    pub sla_calendars_help: &'static str,
    pub sla_calendar_name: &'static str,
    pub sla_closed_on_holidays: &'static str,
    pub sla_closures: &'static str,
    pub sla_holidays_title: &'static str,
    pub capacity_intro: &'static str,
    pub capacity_poles: &'static str,
    pub capacity_pole_not_modelled: &'static str,
    pub capacity_inputs: &'static str,
    pub capacity_observed: &'static str,
    pub capacity_arrivals: &'static str,
    pub capacity_handle: &'static str,
    pub capacity_handle_default: &'static str,
    pub capacity_traffic: &'static str,
    pub capacity_staffing: &'static str,
    pub capacity_on_duty: &'static str,
    pub capacity_what_if: &'static str,
    pub capacity_slot: &'static str,
    pub capacity_weekday: &'static str,
    pub capacity_hour: &'static str,
    pub capacity_add_agent: &'static str,
    pub capacity_remove_agent: &'static str,
    pub capacity_growth: &'static str,
    pub capacity_targets: &'static str,
    pub capacity_reset: &'static str,
    pub capacity_matrix: &'static str,
    pub capacity_col_priority: &'static str,
    pub capacity_agents_column: &'static str,
    pub capacity_planned: &'static str,
    pub capacity_all: &'static str,
    pub capacity_saturated: &'static str,
    pub capacity_saturated_help: &'static str,
    pub capacity_expected: &'static str,
    pub capacity_legend: &'static str,
    pub capacity_week: &'static str,
    pub capacity_week_help: &'static str,
    pub capacity_understaffed: &'static str,
    pub capacity_scheduled: &'static str,
    pub capacity_needed: &'static str,
    pub capacity_method: &'static str,
    pub capacity_schedules: &'static str,
    pub col_agent_name: &'static str,
    pub capacity_schedules_help: &'static str,
    pub capacity_schedules_read_only: &'static str,
    pub capacity_own_week: &'static str,
    pub capacity_site_week: &'static str,
    pub capacity_use_site_week: &'static str,
    pub capacity_not_an_agent: &'static str,
    pub capacity_goal_range: &'static str,
    pub capacity_bad_slot: &'static str,
    pub capacity_missing_load: &'static str,
    pub backlog_title: &'static str,
    pub backlog_intro: &'static str,
    pub backlog_open: &'static str,
    pub backlog_demand: &'static str,
    pub backlog_capacity: &'static str,
    pub backlog_on_duty: &'static str,
    pub backlog_at_risk: &'static str,
    pub backlog_queue: &'static str,
    pub backlog_stale: &'static str,
    pub backlog_proposals: &'static str,
    pub backlog_no_proposal: &'static str,
    pub backlog_no_ticket: &'static str,
    pub backlog_calm: &'static str,
    pub backlog_col_consumed: &'static str,
    pub backlog_col_effort: &'static str,
    pub backlog_col_updated: &'static str,
    pub backlog_col_from: &'static str,
    pub backlog_col_to: &'static str,
    pub backlog_unassigned: &'static str,
    pub backlog_no_clock: &'static str,
    pub mail_subject_prefix: &'static str,
    pub mail_greeting: &'static str,
    pub mail_signature: &'static str,
    pub mail_link: &'static str,
    pub clocks_title: &'static str,
    pub clocks_intro: &'static str,
    pub clocks_none: &'static str,
    pub clocks_col_measure: &'static str,
    pub clocks_col_target: &'static str,
    pub clocks_col_due: &'static str,
    pub clocks_col_left: &'static str,
    pub clocks_col_state: &'static str,
    pub clocks_paused: &'static str,
    pub clocks_met: &'static str,
    pub clocks_missed: &'static str,
    pub clocks_cycle: &'static str,
    pub clocks_pauses: &'static str,
    pub clocks_pause_running: &'static str,
    pub clocks_escalations: &'static str,
    pub clocks_late: &'static str,
    pub clocks_due_when_resumed: &'static str,
    pub col_date: &'static str,
    pub col_holiday: &'static str,
    pub knowledge_article_not_found: &'static str,
    pub knowledge_title_missing: &'static str,
    pub knowledge_title_too_long: &'static str,
    pub knowledge_summary_too_long: &'static str,
    pub knowledge_body_missing: &'static str,
    pub knowledge_body_too_long: &'static str,
    pub knowledge_review_past: &'static str,
    pub knowledge_owner_unknown: &'static str,
    pub knowledge_entry_unknown: &'static str,
    pub knowledge_stale: &'static str,
    pub knowledge_no_solution: &'static str,
    pub knowledge_symptoms_heading: &'static str,
    pub knowledge_solution_heading: &'static str,
    pub knowledge_intro: &'static str,
    pub knowledge_search_label: &'static str,
    pub knowledge_search_placeholder: &'static str,
    pub knowledge_due_filter: &'static str,
    pub knowledge_new: &'static str,
    pub knowledge_none: &'static str,
    pub knowledge_results: &'static str,
    pub knowledge_public: &'static str,
    pub knowledge_internal: &'static str,
    pub knowledge_due_badge: &'static str,
    pub knowledge_archived_badge: &'static str,
    pub knowledge_owner: &'static str,
    pub knowledge_review_on: &'static str,
    pub knowledge_updated: &'static str,
    pub knowledge_deflections: &'static str,
    pub knowledge_linked_tickets: &'static str,
    pub knowledge_catalog_entries: &'static str,
    pub knowledge_source_ticket: &'static str,
    pub knowledge_edit: &'static str,
    pub knowledge_cancel: &'static str,
    pub knowledge_back: &'static str,
    pub knowledge_form_title: &'static str,
    pub knowledge_form_summary: &'static str,
    pub knowledge_form_body: &'static str,
    pub knowledge_form_audience: &'static str,
    pub knowledge_form_domain: &'static str,
    pub knowledge_form_entries: &'static str,
    pub knowledge_form_owner: &'static str,
    pub knowledge_form_review: &'static str,
    pub knowledge_form_archived: &'static str,
    pub knowledge_form_save: &'static str,
    pub knowledge_form_saving: &'static str,
    pub knowledge_new_title: &'static str,
    pub knowledge_suggest_title: &'static str,
    pub knowledge_suggest_read: &'static str,
    pub knowledge_solved: &'static str,
    pub knowledge_solved_title: &'static str,
    pub knowledge_solved_text: &'static str,
    pub knowledge_solved_again: &'static str,
    pub knowledge_ticket_panel: &'static str,
    pub knowledge_ticket_none: &'static str,
    pub knowledge_ticket_search: &'static str,
    pub knowledge_ticket_link: &'static str,
    pub knowledge_ticket_from_resolution: &'static str,
    pub knowledge_linked_by: &'static str,
    pub triage_description_missing: &'static str,
    pub triage_no_known_word: &'static str,
    pub triage_title: &'static str,
    pub triage_note: &'static str,
    pub triage_confidence: &'static str,
    pub triage_words: &'static str,
    pub triage_none: &'static str,
    pub import_site_unknown: &'static str,
    pub import_requester_unknown: &'static str,
    pub import_kind_missing: &'static str,
    pub import_date_future: &'static str,
    pub import_note_no_requester: &'static str,
    pub import_not_found: &'static str,
    pub import_not_checkable: &'static str,
    pub import_not_startable: &'static str,
    pub import_changed_since_check: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_file_label: &'static str,
    pub import_check: &'static str,
    pub import_checking: &'static str,
    pub import_columns: &'static str,
    pub import_column_ours: &'static str,
    pub import_column_file: &'static str,
    pub import_column_none: &'static str,
    pub import_recheck: &'static str,
    pub import_to_create: &'static str,
    pub import_already: &'static str,
    pub import_invalid: &'static str,
    pub import_empty: &'static str,
    pub import_rows_total: &'static str,
    pub import_col_line: &'static str,
    pub import_col_outcome: &'static str,
    pub import_col_reference: &'static str,
    pub import_col_detail: &'static str,
    pub import_start: &'static str,
    pub import_running: &'static str,
    pub import_done: &'static str,
    pub import_failed: &'static str,
    pub import_created: &'static str,
    pub import_skipped: &'static str,
    pub import_fix_first: &'static str,
    pub import_nothing_to_create: &'static str,
    pub import_report_cut: &'static str,
    pub import_outcome_create: &'static str,
    pub import_outcome_already: &'static str,
    pub import_outcome_invalid: &'static str,
    pub import_outcome_empty: &'static str,
    pub import_upload_failed: &'static str,
    pub import_admin_link: &'static str,
    pub knowledge_category_unknown: &'static str,
    pub knowledge_category: &'static str,
    pub knowledge_form_category: &'static str,
}

pub static FR: Texts = Texts {
    app_name: "Immo9 Service Desk",
    app_tagline: "Le support informatique d'Immo9",
    skip_to_content: "Aller au contenu",
    nav_label: "Navigation principale",
    sign_out: "Se déconnecter",
    signed_in_as: "Connecté en tant que",

    login_title: "Connexion",
    login_intro: "Connectez-vous avec votre adresse e-mail Immo9 pour suivre vos demandes et contacter le support.",
    login_field: "Adresse e-mail",
    login_field_hint: "Par exemple : prenom.nom@immo9.fr",
    password_field: "Mot de passe",
    login_submit: "Se connecter",
    login_pending: "Connexion…",
    login_missing: "Saisissez votre adresse e-mail.",
    password_missing: "Saisissez votre mot de passe.",

    home_greeting: "Bonjour",
    home_profile: "Votre profil",
    home_site: "Site",
    home_typology: "Profil",
    home_roles: "Rôles",
    home_pole: "Pôle",
    home_your_areas: "Vos espaces",
    home_support_title: "Joindre le support",
    home_support_text: "Le Front Office répond au 05 56 00 19 19 (poste 1919) du lundi au vendredi de 8 h à 18 h, \
        et le samedi de 9 h à 12 h pour les agences.",
    home_pole_mission: "Mission de votre pôle",

    teams_title: "Pôles et équipes",
    teams_intro: "Qui fait quoi au support : la mission de chaque pôle et les personnes qui le composent.",
    teams_members: "Membres",
    teams_no_member: "Aucun membre pour l'instant.",
    teams_level: "Niveau",

    admin_title: "Administration",
    admin_accounts: "Comptes",
    admin_sites: "Sites",
    col_name: "Nom",
    col_login: "Identifiant",
    col_site: "Site",
    col_roles: "Rôles",
    col_pole: "Pôle",
    col_status: "État",
    col_actions: "Actions",
    col_kind: "Type",
    col_city: "Ville",
    col_code: "Code",
    col_phone: "Téléphone",
    account_active: "Actif",
    account_disabled: "Désactivé",
    account_disable: "Désactiver",
    account_enable: "Réactiver",
    account_cannot_disable_self: "Vous ne pouvez pas désactiver votre propre compte.",

    loading: "Chargement…",
    none: "—",
    not_found_title: "Page introuvable",
    not_found_text: "Cette adresse ne correspond à aucune page du service desk.",
    back_home: "Revenir à l'accueil",

    ticket_kind_missing: "Choisissez le type d'activité.",
    ticket_title_missing: "Donnez un titre court à la demande.",
    ticket_title_too_long: "Le titre ne doit pas dépasser 200 caractères.",
    ticket_description_missing: "Décrivez la situation en quelques mots.",
    ticket_description_too_long: "Le texte ne doit pas dépasser 20 000 caractères.",
    ticket_requester_missing: "Indiquez la personne concernée.",
    ticket_requester_unknown: "La personne indiquée n'existe pas ou son compte est désactivé.",
    ticket_site_missing: "Indiquez le site concerné.",
    ticket_pole_not_routable: "Ce pôle ne traite pas de tickets : choisissez Front Office, Back Office, Expert ou Atelier.",
    ticket_first_contact_kind: "Seuls un incident ou une demande peuvent être résolus pendant l'appel.",
    ticket_source_already_registered: "Cette activité est déjà enregistrée",
    refused_action: "Action impossible",
    refused_state: "le ticket est",
    need_reason: "Indiquez le motif.",
    need_solution: "Décrivez la solution apportée.",
    need_question: "Écrivez la question à poser au demandeur.",
    need_answer: "Écrivez votre réponse.",
    need_assignee: "Choisissez l'agent à qui confier le ticket.",
    need_assignee_in_pole: "Cet agent n'appartient pas au pôle du ticket.",
    need_incident: "Indiquez l'incident auquel rattacher l'événement.",
    need_workaround: "Décrivez le contournement connu.",
    need_confirmation_delay: "Le délai de confirmation du demandeur n'est pas écoulé.",
    need_other_pole: "Choisissez un pôle différent de celui du ticket.",
    stale_version: "Ce ticket a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez-le et recommencez",
    notice_assigned: "vous a été confié.",
    notice_supervisor: "escalade hiérarchique",
    notice_question: "le support vous pose une question : répondez depuis la page de votre demande.",
    notice_answered: "le demandeur a répondu.",
    notice_resolved: "est résolu : confirmez la résolution ou rejetez-la depuis la page de votre demande.",
    notice_rejected: "le demandeur a rejeté la résolution : le ticket est rouvert.",
    notice_comment: "a reçu un nouveau commentaire.",
    notice_reminder: "attend toujours votre réponse : relance",
    auto_resolved: "Résolu automatiquement : la question posée est restée sans réponse après les relances",
    link_target_unknown: "Ticket introuvable",
    link_wrong_kind: "Ce lien ne relie pas ces types d'activité",
    link_exists: "Ce lien existe déjà, ou le ticket est déjà rattaché ailleurs.",
    link_to_itself: "Un ticket ne peut pas être lié à lui-même.",
    comment_missing: "Écrivez un commentaire.",
    effort_out_of_range: "Indiquez un temps passé entre 1 et 1440 minutes.",
    effort_period_invalid: "La fin de la période doit suivre son début.",
    children_parent_not_resolved: "Résolvez d'abord l'incident majeur.",
    children_resolved_with: "Résolu avec l'incident majeur",

    tickets_none: "Aucun ticket pour l'instant.",
    col_reference: "Référence",
    col_title: "Titre",
    col_priority: "Priorité",
    col_requester: "Demandeur",
    col_assignee: "Agent",
    col_updated: "Mis à jour",
    declare_title: "Déclarer un incident ou faire une demande",
    declare_kind: "De quoi s'agit-il ?",
    declare_incident: "Quelque chose ne marche plus (incident)",
    declare_request: "J'ai besoin de quelque chose (demande)",
    declare_submit: "Envoyer au support",
    field_title: "Titre",
    field_title_hint: "Par exemple : imprimante de l'accueil en panne",
    field_description: "Description",
    field_description_hint: "Ce qui se passe, depuis quand, ce que vous avez déjà essayé.",
    my_tickets_title: "Mes tickets",
    filter_apply: "Filtrer",
    board_tabs: "Tableaux des pôles",
    board_mine: "Mes tickets",
    board_of_pole: "Tableau du pôle",
    board_filters: "Filtres du tableau",
    board_filters_ignored: "Filtres ignorés, leur valeur n'existe pas (ou plus) : {}.",
    board_any: "Tous",
    board_nobody: "Personne",
    board_at_risk: "À risque",
    board_waiting: "En attente",
    board_clear_filters: "Effacer les filtres",
    board_layout: "Présentation",
    board_layout_list: "Liste",
    board_layout_columns: "Colonnes",
    board_count: "{shown} ticket(s) affiché(s) sur {total} ouvert(s)",
    board_empty: "Aucun ticket ne correspond à ces filtres.",
    board_deadline: "Échéance",
    board_no_deadline: "Sans échéance",
    board_left: "{what} : {left} restantes",
    board_overdue: "{what} : dépassée de {left}",
    board_paused: "{what} : en pause, {left} restantes",
    board_stage: "Étape",
    board_updated: "activité",
    board_job: "Travail",
    board_asset: "Matériel concerné",
    board_job_repair: "Réparation",
    board_job_preparation: "Préparation",
    board_actions: "Actions",
    board_select_hint: "Choisissez un ticket (clic, ou j / k au clavier) pour l'assigner, l'escalader ou changer sa priorité.",
    board_no_action: "Aucune action du tableau ne vous est ouverte sur ce ticket ; sa page en propose peut-être d'autres.",
    board_pick_agent: "Choisissez un agent.",
    board_pick_pole: "Choisissez un pôle.",
    board_pick_priority: "Choisissez une priorité.",
    board_reason: "Motif",
    board_change_priority: "Changer la priorité",
    board_refused: "{ref} : action refusée — {why} Le ticket est revenu à son état précédent.",
    board_done_take: "pris en charge.",
    board_done_assign: "assigné.",
    board_done_escalate: "escaladé vers {}.",
    board_done_priority: "priorité passée en {}.",
    board_shortcuts: "Raccourcis clavier",
    board_saved_views: "Vues enregistrées :",
    board_no_saved_view: "aucune pour l'instant.",
    board_view_name: "Nom de la vue",
    board_save_view: "Enregistrer cette vue",
    board_delete_view: "Supprimer la vue",
    board_view_name_missing: "Donnez un nom à la vue.",
    board_view_name_too_long: "Le nom d'une vue tient en 80 caractères.",
    board_view_query_invalid: "Cette vue contient des filtres inconnus : {}.",
    board_view_too_many: "Vous avez déjà {} vues enregistrées : supprimez-en une avant d'en ajouter.",
    phone_find_title: "Trouver l'appelant",
    phone_find_label: "Nom, e-mail ou téléphone",
    phone_find_hint: "ex. Martin, camille, 05 57…",
    phone_no_caller: "Personne ne correspond : vérifiez l'orthographe, ou cherchez par téléphone.",
    phone_no_open_ticket: "Aucun ticket ouvert.",
    phone_open_tickets: "Tickets ouverts",
    phone_choose: "Choisir",
    priority_reason_missing: "Indiquez pourquoi la priorité change.",
    priority_reason_too_long: "Le motif tient en 2 000 caractères.",
    priority_unchanged: "Le ticket a déjà cette priorité.",
    board_shortcut_list: &[
        ("j / ↓", "ticket suivant"),
        ("k / ↑", "ticket précédent"),
        ("Entrée / o", "ouvrir le ticket"),
        ("p", "prendre le ticket"),
        ("a", "assigner"),
        ("e", "escalader"),
        ("c", "changer la priorité"),
    ],
    register_title: "Enregistrer un appel",
    field_requester: "Demandeur (adresse e-mail)",
    field_requester_hint: "Tapez le nom ou l'adresse de l'appelant",
    field_channel: "Canal",
    field_domain: "Domaine",
    field_pole_default: "Selon le type",
    field_solved_now: "Résolu pendant l'appel ? Solution apportée",
    field_solved_now_hint: "Laissez vide si le ticket reste à traiter.",
    register_submit: "Enregistrer",
    ticket_facts: "Informations",
    ticket_registered: "Enregistré le",
    ticket_registered_by: "Enregistré par",
    ticket_source: "Référence d'origine",
    ticket_waiting_since: "En attente depuis",
    ticket_resolved_at: "Résolu le",
    ticket_first_contact: "Résolu au premier contact",
    yes: "Oui",
    ticket_reopened: "Réouvertures",
    ticket_solution: "Solution",
    ticket_workaround: "Contournement",
    ticket_actions: "Actions",
    ticket_no_action: "Aucune action ne vous est ouverte sur ce ticket pour l'instant.",
    ticket_timeline: "Historique et échanges",
    children_resolve: "Résoudre aussi les incidents rattachés",
    comment_label: "Ajouter un commentaire",
    comment_internal: "Note interne (invisible pour le demandeur)",
    comment_internal_badge: "interne",
    comment_submit: "Publier",
    field_reason: "Motif",
    field_question: "Question au demandeur",
    field_answer: "Votre réponse",
    field_target_pole: "Pôle de destination",
    field_incident: "Incident (référence)",
    field_minutes: "Temps passé (minutes)",
    by: "par",
    by_system: "automatiquement",
    links_title: "Tickets liés",
    links_kind: "Lien",
    links_target: "Ticket (référence)",
    links_submit: "Lier",
    effort_title: "Temps passé",
    effort_total: "Total",
    effort_note: "Note",
    effort_submit: "Ajouter",

    err_unauthenticated: "Votre session a expiré ou vous n'êtes pas connecté : connectez-vous pour continuer.",
    err_invalid_credentials: "Adresse e-mail ou mot de passe incorrect.",
    err_account_disabled: "Ce compte est désactivé. Appelez le Front Office au 05 56 00 19 19 pour le réactiver.",
    err_forbidden: "Vous n'avez pas les droits nécessaires pour cette action.",
    err_not_found: "Élément introuvable",
    err_unavailable: "Le service est momentanément indisponible. Réessayez dans quelques instants.",
    err_internal: "Une erreur inattendue s'est produite ; elle a été journalisée pour l'équipe technique.",
    err_network: "Le serveur n'a pas pu traiter la demande. Vérifiez votre connexion et réessayez.",
    err_concurrent_write: "Quelqu'un d'autre a modifié ces données en même temps : rechargez la page et recommencez.",

    ref_code_invalid: "Le code doit faire 2 à 48 caractères : majuscules sans accent, chiffres et « _ ».",
    ref_label_invalid: "Le libellé est obligatoire et ne doit pas être trop long.",
    ref_code_taken: "Ce code est déjà utilisé.",
    ref_deadline_window_invalid: "La fenêtre de l'échéance métier va de 0 à 30 jours.",
    ref_kinds_missing: "Cochez au moins un type d'activité admis.",
    ref_parent_invalid: "Une sous-catégorie se range sous une catégorie du même domaine, sur un seul niveau.",
    ref_summary_too_long: "Le résumé ne doit pas dépasser 500 caractères.",
    ref_catalog_kind_invalid: "Une entrée du catalogue crée une demande ou un incident.",
    ref_category_domain_mismatch: "La catégorie choisie n'appartient pas au domaine de l'entrée.",
    notice_approval_requested: "attend votre approbation",
    notice_request_approved: "a été approuvée par votre responsable",
    notice_request_refused: "a été refusée par votre responsable",
    catalog_entry_word: "entrée du catalogue",
    catalog_no_manager: "Cette demande doit être approuvée par votre responsable, mais aucun responsable actif n'est renseigné pour votre compte. Appelez le support au 05 56 00 19 00 : il complétera votre fiche.",
    qualify_deadline_past: "L'échéance métier est déjà passée.",
    qualify_closed: "Ce ticket est terminé : il ne se qualifie plus.",
    qualify_category_unknown: "Cette catégorie n'existe pas ou n'est plus active.",
    qualify_category_kind: "Cette catégorie n'admet pas ce type d'activité.",
    qualify_environment_unknown: "Cet élément de l'environnement n'existe pas ou n'est plus actif.",
    qualify_override_reason: "Indiquez pourquoi vous retenez une autre priorité que la priorité calculée.",
    rating_out_of_range: "Donnez une note de 1 à 5.",
    rating_comment_too_long: "Le commentaire ne doit pas dépasser 2 000 caractères.",
    rating_not_resolved: "Vous pourrez donner votre avis une fois la demande résolue.",
    rating_already: "Vous avez déjà donné votre avis sur ce ticket.",
    rating_not_invited: "Ce ticket ne fait pas partie de l'enquête de satisfaction : l'avis est demandé par sondage, après la clôture.",
    catalog_title: "Catalogue des demandes",
    catalog_intro: "Choisissez le type de demande qui correspond à votre besoin : chacune a son formulaire, et le bon pôle la reçoit directement.",
    catalog_search_label: "Rechercher une demande",
    catalog_search_placeholder: "Par exemple : vpn, écran, mot de passe…",
    catalog_no_result: "Aucune demande ne correspond à votre recherche. Vous pouvez déclarer un incident en décrivant votre besoin.",
    catalog_declare_incident: "Déclarer un incident",
    catalog_approval_badge: "Approbation du responsable",
    catalog_results: "demande(s) trouvée(s)",
    catalog_form_submit: "Envoyer la demande",
    catalog_form_pending: "Envoi…",
    catalog_form_optional: "facultatif",
    catalog_form_approval_note: "Cette demande sera soumise à l'approbation de votre responsable avant tout traitement.",
    catalog_back: "Retour au catalogue",
    catalog_choose: "Choisir…",
    catalog_person_hint: "Commencez à taper un nom.",
    approvals_title: "Demandes à approuver",
    approvals_intro: "Ces demandes de vos collaborateurs attendent votre décision : le support ne les traite qu'une fois approuvées.",
    approvals_from: "Demandée par",
    approval_title: "Approbation",
    approval_pending: "En attente de la décision de",
    approval_approved: "Approuvée par",
    approval_refused: "Refusée par",
    qualification_title: "Qualification",
    qualification_none: "Pas encore qualifié.",
    qualification_computed: "Priorité calculée",
    qualification_submit: "Qualifier",
    qualification_by: "Qualifié par",
    qualification_override_note: "Priorité choisie par l'agent",
    field_category: "Catégorie",
    field_environment: "Application, service ou matériel concerné",
    field_impact: "Impact",
    field_urgency: "Urgence",
    field_criticality: "Criticité",
    field_severity: "Sévérité",
    field_deadline: "Échéance métier",
    field_priority_kept: "Priorité retenue",
    field_override_reason: "Motif du changement de priorité",
    none_option: "—",
    origin_title: "Formulaire de la demande",
    rating_title: "Votre avis sur le traitement",
    rating_label: "Note",
    rating_comment: "Commentaire (facultatif)",
    rating_submit: "Envoyer mon avis",
    rating_given: "Votre note",
    ref_title: "Référentiel du support",
    ref_intro: "Ce que la qualification et le portail appliquent. Chaque modification est enregistrée dans le journal d'audit.",
    ref_matrix_title: "Matrice de priorité (impact × urgence)",
    ref_rules_title: "Règles de qualification",
    ref_vital_rule: "Un incident sur un élément vital monte d'un niveau",
    ref_deadline_rule: "Une échéance métier dans les (jours) relève l'urgence d'un niveau",
    ref_typologies_title: "Typologies d'utilisateurs",
    ref_raises: "Incident +1 niveau",
    ref_callback: "Rappel par téléphone",
    ref_categories_title: "Taxonomie : domaines, catégories, sous-catégories",
    ref_environment_title: "Environnement technique",
    ref_catalog_title: "Catalogue des demandes",
    ref_new: "Nouveau",
    ref_edit: "Modifier",
    ref_fields_title: "Champs du formulaire",
    ref_add_field: "Ajouter un champ",
    ref_remove_field: "Retirer",
    save: "Enregistrer",
    saved: "Enregistré.",
    cancel: "Annuler",
    field_key: "Clé",
    field_label: "Libellé",
    field_kind: "Type de champ",
    field_required: "Obligatoire",
    field_help: "Aide",
    field_choices: "Choix (un par ligne)",
    col_usage: "Utilisations",
    col_approval: "Approbation",
    col_active: "Actif",
    col_default_pole: "Pôle par défaut",
    col_allowed_kinds: "Types admis",
    col_criticality: "Criticité",
    col_parent: "Catégorie parente",
    col_summary: "Résumé",
    col_keywords: "Mots-clés",
    col_domain: "Domaine",
    col_description: "Description",
    col_handling: "Traitement",
    col_urgency_impact: "Impact \\ urgence",
    approvals_link: "Demandes de vos collaborateurs à approuver",
    approvals_none: "Aucune demande n'attend votre décision.",
    account_agent_needs_pole: "Un agent ou un superviseur appartient à un pôle : choisissez-le.",
    account_manager_self: "Une personne ne peut pas approuver ses propres demandes.",
    account_manager_unknown: "Ce responsable n'existe pas ou son compte est désactivé.",
    account_cannot_drop_own_admin: "Vous ne pouvez pas retirer votre propre rôle d'administrateur.",
    site_code_invalid: "Le code du site fait 2 à 32 caractères : majuscules sans accent, chiffres, « _ » et « - ».",
    col_manager: "Responsable",
    col_typology: "Typologie",
    account_edit_title: "Modifier le compte",
    ref_delay_hours_invalid: "Un délai va de 1 à 720 heures (30 jours).",
    ref_max_reminders_invalid: "Le nombre de relances va de 0 à 10.",
    ref_delays_title: "Délais du cycle de vie",
    ref_reminder_delay: "Relancer le demandeur sans réponse après (heures)",
    ref_max_reminders: "Nombre de relances avant résolution automatique",
    ref_confirmation_delay: "Clore une résolution non confirmée après (heures)",
    admin_referential_link: "Référentiel du support : matrice de priorité, règles, typologies, taxonomie, environnement, délais",
    admin_catalog_link: "Catalogue des demandes et leurs formulaires",
    profile_title: "Le demandeur",
    profile_call_back: "Rappeler par téléphone",
    qualification_preview: "Priorité calculée avec ces réponses",
    sla_unknown_site: "Site inconnu : « {} ».",
    sla_unknown_catalog: "Entrée du catalogue inconnue : « {} ».",
    sla_site_without_calendar: "Le site « {} » n'a pas de calendrier ouvré : attribuez-lui un calendrier.",
    sla_no_policy: "Aucune politique de niveau de service pour {} : définissez-la dans l'administration.",
    sla_closure_invalid: "Date de fermeture illisible : « {} » (attendu : 2026-12-24).",
    sla_target_too_long: "Cette cible est trop longue.",
    sla_calendar_name_invalid: "Le nom du calendrier fait de 1 à 80 caractères.",
    sla_calendar_label: "calendrier",
    sla_admin_title: "Niveaux de service",
    sla_admin_intro: "Les engagements du support : délais de prise en charge et de résolution par type et priorité, comptés en heures ouvrées du calendrier du site du demandeur, et les seuils d'escalade. Chaque modification est tracée.",
    sla_admin_link: "Niveaux de service : politiques, seuils d'escalade, calendriers ouvrés et jours fériés",
    sla_policies_title: "Politiques par type et priorité",
    sla_policies_help: "Cibles en minutes ouvrées (une journée au siège compte 510 minutes). Seuils : « 50 NOTIFIER_ASSIGNE; 75 NOTIFIER_SUPERVISEUR; 100 RELEVER_PRIORITE » ; actions possibles : NOTIFIER_ASSIGNE, NOTIFIER_SUPERVISEUR, RELEVER_PRIORITE, REAFFECTER.",
    sla_col_own: "Prise en charge (min)",
    sla_col_resolve: "Résolution (min)",
    sla_col_thresholds: "Seuils d'escalade",
    sla_calendars_title: "Calendriers ouvrés",
    sla_calendars_help: "Une ligne par jour : plages « 08:30-12:30,13:30-18:00 », vide si fermé. Fermetures exceptionnelles : dates séparées par des virgules.",
    sla_calendar_name: "Nom",
    sla_closed_on_holidays: "Fermé les jours fériés",
    sla_closures: "Fermetures exceptionnelles",
    sla_holidays_title: "Jours fériés",
    capacity_intro: "Pour chaque priorité (lignes) et chaque effectif d'agents en service (colonnes), la part attendue des tickets pris en charge dans leur délai. Calculée par le modèle d'Erlang C avec priorités, à partir des arrivées mesurées par heure de la semaine, des durées de traitement saisies et des délais de prise en charge. Les valeurs suivent les tickets qui arrivent et se ferment, et les réglages ci-dessous.",
    capacity_poles: "Pôles",
    capacity_pole_not_modelled: "Ce pôle ne traite pas de file de tickets : choisissez Front Office, Back Office, Expert ou Atelier.",
    capacity_inputs: "Données mesurées",
    capacity_observed: "Tickets reçus sur la période",
    capacity_arrivals: "Arrivées sur le créneau",
    capacity_handle: "Durée de traitement moyenne",
    capacity_handle_default: "estimation par défaut du pôle : moins de 10 tickets résolus avec du temps saisi",
    capacity_traffic: "Charge du créneau",
    capacity_staffing: "Effectif prévu sur le créneau",
    capacity_on_duty: "Agents en service maintenant",
    capacity_what_if: "Et si…",
    capacity_slot: "Créneau",
    capacity_weekday: "Jour",
    capacity_hour: "Heure",
    capacity_add_agent: "Ajouter un agent",
    capacity_remove_agent: "Retirer un agent",
    capacity_growth: "Variation des arrivées",
    capacity_targets: "Délais de prise en charge (minutes ouvrées)",
    capacity_reset: "Revenir aux valeurs mesurées",
    capacity_matrix: "Part des tickets pris en charge dans le délai",
    capacity_col_priority: "Priorité et délai",
    capacity_agents_column: "agents",
    capacity_planned: "prévu",
    capacity_all: "Toutes priorités",
    capacity_saturated: "saturé",
    capacity_saturated_help: "« saturé » : avec cet effectif, la file s'allonge sans fin (la charge dépasse les agents).",
    capacity_expected: "Avec l'effectif prévu",
    capacity_legend: "Légende",
    capacity_week: "Arrivées par heure de la semaine",
    capacity_week_help: "Pour chaque heure : arrivées moyennes par heure, agents prévus cette semaine et agents nécessaires pour prendre en charge 80 % des tickets dans leur délai. Les heures sous-dotées sont signalées. Choisir une heure l'affiche dans la matrice.",
    capacity_understaffed: "sous-doté",
    capacity_scheduled: "prévus",
    capacity_needed: "requis",
    capacity_bad_slot: "Indiquez le créneau par weekday (0 = lundi … 6 = dimanche) et hour (0 à 23), ou ni l'un ni l'autre.",
    capacity_goal_range: "L'objectif doit être une part entre 0 et 1 (par exemple 0,8 pour 80 %).",
    capacity_missing_load: "Indiquez arrivals_per_hour et target_minutes, ou une liste « classes » de priorités.",
    capacity_schedules: "Horaires des agents",
    col_agent_name: "Agent",
    capacity_schedules_help: "Les heures de chaque agent, du lundi au dimanche (par exemple 08:30-12:30,13:30-18:00 ; vide : absent ce jour-là). Elles font l'effectif prévu de la matrice et la capacité du pilotage. Sans horaire propre, un agent suit le calendrier de son site.",
    capacity_schedules_read_only: "Seuls les superviseurs et les administrateurs modifient les horaires.",
    capacity_own_week: "horaire propre",
    capacity_site_week: "calendrier du site",
    capacity_use_site_week: "Revenir au calendrier du site",
    capacity_not_an_agent: "Cette personne n'est pas un agent actif d'un pôle qui traite une file.",
    capacity_method: "Méthode : file M/M/c (Erlang C) ; les priorités passent devant sans interrompre un ticket en cours (priorités non préemptives, formule de Cobham). Les arrivées sont les moyennes par heure de la semaine sur les semaines mesurées ; la durée de traitement est la moyenne du temps saisi sur les tickets résolus. Un modèle, pas une promesse : il suppose des agents interchangeables et des arrivées sans rendez-vous.",
    backlog_title: "Charge des pôles",
    backlog_intro: "Pour chaque pôle : le travail restant estimé face au temps de travail des agents encore en service aujourd'hui, les tickets à risque (la moitié ou plus du délai de résolution consommée), ceux sans mise à jour, et les réaffectations à envisager. Les alertes partent aux superviseurs du pôle et à Qualité, une fois par période.",
    backlog_open: "Tickets ouverts",
    backlog_demand: "Travail restant estimé",
    backlog_capacity: "Temps disponible aujourd'hui",
    backlog_on_duty: "Agents en service",
    backlog_at_risk: "À risque",
    backlog_queue: "File par risque",
    backlog_stale: "Sans mise à jour",
    backlog_proposals: "Réaffectations proposées",
    backlog_no_proposal: "Aucune réaffectation à proposer.",
    backlog_no_ticket: "Aucun ticket ouvert.",
    backlog_calm: "Aucune alerte.",
    backlog_col_consumed: "Délai consommé",
    backlog_col_effort: "Travail restant",
    backlog_col_updated: "Dernière mise à jour",
    backlog_col_from: "Actuellement",
    backlog_col_to: "Proposé à",
    backlog_unassigned: "non assigné",
    backlog_no_clock: "sans délai",
    mail_subject_prefix: "[Immo9]",
    mail_greeting: "Bonjour",
    mail_signature: "— Le service desk Immo9. Message automatique : pour répondre, passez par la page du ticket.",
    mail_link: "Suivre le ticket :",
    clocks_title: "Niveaux de service",
    clocks_intro: "Délais comptés en heures ouvrées du calendrier du site du demandeur ; les pauses (attente du demandeur ou d'une approbation) ne comptent pas.",
    clocks_none: "Aucun délai ne s'applique à ce ticket.",
    clocks_col_measure: "Mesure",
    clocks_col_target: "Cible",
    clocks_col_due: "Échéance",
    clocks_col_left: "Temps restant",
    clocks_col_state: "État",
    clocks_paused: "En pause",
    clocks_met: "Respecté",
    clocks_missed: "Manqué",
    clocks_cycle: "cycle",
    clocks_pauses: "Pauses",
    clocks_pause_running: "en cours",
    clocks_escalations: "Escalades déclenchées",
    clocks_late: "envoyée en retard",
    clocks_due_when_resumed: "à la reprise",
    col_date: "Date",
    col_holiday: "Jour férié",
    knowledge_article_not_found: "Cet article n'existe pas ou ne vous est pas accessible.",
    knowledge_title_missing: "Donnez un titre d'au moins 3 caractères.",
    knowledge_title_too_long: "Le titre ne doit pas dépasser 200 caractères.",
    knowledge_summary_too_long: "Le résumé ne doit pas dépasser 400 caractères.",
    knowledge_body_missing: "Écrivez le contenu de l'article.",
    knowledge_body_too_long: "Le contenu ne doit pas dépasser 50 000 caractères.",
    knowledge_review_past: "La date de relecture doit être dans le futur.",
    knowledge_owner_unknown: "Le responsable doit être un agent ou un superviseur actif.",
    knowledge_entry_unknown: "Une des demandes du catalogue choisies n'existe pas.",
    knowledge_stale: "Quelqu'un a modifié cet article entre-temps : rechargez la page pour voir sa version.",
    knowledge_no_solution: "Ce ticket n'a pas encore de solution à partager : résolvez-le d'abord.",
    knowledge_symptoms_heading: "Symptômes",
    knowledge_solution_heading: "Résolution",
    knowledge_intro: "Des réponses aux questions courantes. Cherchez avec vos mots : les accents, les pluriels et l'ordre des mots n'importent pas.",
    knowledge_search_label: "Rechercher un article",
    knowledge_search_placeholder: "ex. imprimante bourrage, VPN, mot de passe",
    knowledge_due_filter: "À relire seulement",
    knowledge_new: "Nouvel article",
    knowledge_none: "Aucun article ne correspond.",
    knowledge_results: "article(s)",
    knowledge_public: "Public",
    knowledge_internal: "Interne",
    knowledge_due_badge: "À relire",
    knowledge_archived_badge: "Archivé",
    knowledge_owner: "Responsable",
    knowledge_review_on: "À relire le",
    knowledge_updated: "Mis à jour le",
    knowledge_deflections: "Demandes résolues sans ticket",
    knowledge_linked_tickets: "Tickets liés",
    knowledge_catalog_entries: "Demandes du catalogue",
    knowledge_source_ticket: "Écrit à partir du ticket",
    knowledge_edit: "Modifier",
    knowledge_cancel: "Annuler",
    knowledge_back: "Base de connaissances",
    knowledge_form_title: "Titre",
    knowledge_form_summary: "Résumé (affiché dans les suggestions)",
    knowledge_form_body: "Contenu (Markdown : # titre, **gras**, listes, liens)",
    knowledge_form_audience: "Lecteurs",
    knowledge_form_domain: "Domaine",
    knowledge_form_entries: "Demandes du catalogue concernées",
    knowledge_form_owner: "Responsable",
    knowledge_form_review: "Date de relecture",
    knowledge_form_archived: "Archivé (n'est plus proposé)",
    knowledge_form_save: "Enregistrer l'article",
    knowledge_form_saving: "Enregistrement…",
    knowledge_new_title: "Nouvel article",
    knowledge_suggest_title: "Ces articles peuvent résoudre votre problème",
    knowledge_suggest_read: "Lire l'article",
    knowledge_solved: "Cela a résolu mon problème",
    knowledge_solved_title: "Tant mieux !",
    knowledge_solved_text: "Votre demande est close sans ticket. Merci d'avoir consulté l'article :",
    knowledge_solved_again: "Déclarer autre chose",
    knowledge_ticket_panel: "Articles de connaissance",
    knowledge_ticket_none: "Aucun article lié.",
    knowledge_ticket_search: "Chercher un article à lier",
    knowledge_ticket_link: "Lier",
    knowledge_ticket_from_resolution: "Créer un article depuis la résolution",
    knowledge_linked_by: "lié par",
    triage_description_missing: "Donnez la description à analyser.",
    triage_no_known_word: "Aucun mot de cette description n'est connu : décrivez le problème ou le besoin en quelques mots.",
    triage_title: "Suggestion de qualification",
    triage_note: "Suggestion seulement : rien n'est appliqué sans vous.",
    triage_confidence: "confiance",
    triage_words: "mots",
    triage_none: "Pas de suggestion : aucun mot de la description n'est connu.",
    import_site_unknown: "aucun site actif ne porte ce nom ; écrivez-le comme dans l'annuaire (ex. « Agence Libourne »)",
    import_requester_unknown: "aucun compte actif n'a cet identifiant ; donnez l'e-mail de connexion du demandeur",
    import_kind_missing: "le type est obligatoire (EVENEMENT, INCIDENT, PROBLEME, DEMANDE ou CHANGEMENT)",
    import_date_future: "cette date est dans le futur",
    import_note_no_requester: "Le fichier ne nomme pas de demandeur : les incidents et demandes importés seront enregistrés à votre nom.",
    import_not_found: "Cet import n'existe pas.",
    import_not_checkable: "Cet import a déjà été lancé : déposez le fichier de nouveau pour le vérifier autrement.",
    import_not_startable: "Cet import ne peut pas être lancé : corrigez d'abord les lignes en erreur, ou il est déjà lancé.",
    import_changed_since_check: "Le référentiel a changé depuis la vérification : vérifiez le fichier de nouveau.",
    import_title: "Import d'activités",
    import_intro: "Déposez une liste d'activités (XLSX, ODS, XLS ou CSV, comme l'échantillon : ref ; horodatage ; canal ; site ; typologie ; description ; type ; domaine ; pole). Le fichier est d'abord vérifié sans rien écrire ; l'import ne crée jamais deux fois la même activité.",
    import_file_label: "Fichier d'activités",
    import_check: "Vérifier le fichier",
    import_checking: "Vérification…",
    import_columns: "Colonnes",
    import_column_ours: "Colonne",
    import_column_file: "En-tête du fichier",
    import_column_none: "— absente —",
    import_recheck: "Vérifier avec ces colonnes",
    import_to_create: "à créer",
    import_already: "déjà importées",
    import_invalid: "en erreur",
    import_empty: "vides",
    import_rows_total: "lignes",
    import_col_line: "Ligne",
    import_col_outcome: "Résultat",
    import_col_reference: "Référence",
    import_col_detail: "Détail",
    import_start: "Importer",
    import_running: "Import en cours",
    import_done: "Import terminé",
    import_failed: "Import échoué",
    import_created: "créées",
    import_skipped: "déjà présentes",
    import_fix_first: "Corrigez les lignes en erreur puis déposez le fichier de nouveau : rien n'est importé tant qu'une ligne est fausse.",
    import_nothing_to_create: "Aucune activité nouvelle à créer.",
    import_report_cut: "Seules les 500 premières lignes du rapport sont affichées ; les totaux couvrent tout le fichier.",
    import_outcome_create: "À créer",
    import_outcome_already: "Déjà importée",
    import_outcome_invalid: "Erreur",
    import_outcome_empty: "Ignorée",
    import_upload_failed: "Le dépôt du fichier a échoué",
    import_admin_link: "Importer une liste d'activités",
    knowledge_category_unknown: "Cette catégorie n'existe pas ou n'est plus active.",
    knowledge_category: "Catégorie",
    knowledge_form_category: "Catégorie (fixe le domaine)",
};

/// The texts of the current language.
pub fn t() -> &'static Texts {
    &FR
}

pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Requester => "Demandeur",
        Role::SiteDelegate => "Délégué de site",
        Role::Agent => "Agent",
        Role::Supervisor => "Superviseur",
        Role::Quality => "Qualité",
        Role::CabMember => "Membre du CAB",
        Role::Admin => "Administrateur",
    }
}

pub fn pole_label(pole: Pole) -> &'static str {
    match pole {
        Pole::Front => "Front Office (N1)",
        Pole::Back => "Back Office (N2)",
        Pole::Expert => "Expert / Métier (N3)",
        Pole::Atelier => "Atelier",
        Pole::Quality => "Qualité",
    }
}

pub fn typology_label(typology: Typology) -> &'static str {
    match typology {
        Typology::Direction => "Direction (VIP)",
        Typology::HeadOffice => "Siège",
        Typology::Agency => "Agence",
        Typology::ConstructionSite => "Chantier",
        Typology::NewHire => "Nouvel arrivant",
        Typology::External => "Externe",
    }
}

pub fn site_kind_label(kind: SiteKind) -> &'static str {
    match kind {
        SiteKind::HeadOffice => "Siège",
        SiteKind::Agency => "Agence",
        SiteKind::ConstructionSite => "Chantier",
    }
}

pub fn area_label(area: Area) -> &'static str {
    match area {
        Area::Home => "Accueil",
        Area::Catalog => "Catalogue",
        Area::MyRequests => "Mes demandes",
        Area::Knowledge => "Base de connaissances",
        Area::Queues => "Files",
        Area::Teams => "Pôles et équipes",
        Area::Steering => "Pilotage",
        Area::SlaMatrix => "Matrice SLA",
        Area::Administration => "Administration",
    }
}

pub fn area_description(area: Area) -> &'static str {
    match area {
        Area::Home => "Votre tableau de bord et les coordonnées du support.",
        Area::Catalog => "Choisir une demande prédéfinie : accès, matériel, logiciel, téléphonie…",
        Area::MyRequests => "Déclarer un incident, faire une demande et suivre vos tickets.",
        Area::Knowledge => "Des réponses aux questions courantes, et les procédures du support.",
        Area::Queues => "Les tickets de chaque pôle, l'enregistrement des appels et le traitement.",
        Area::Teams => "La mission de chaque pôle du support et ses membres.",
        Area::Steering => {
            "La charge de chaque pôle face aux agents en service, les tickets à risque et les réaffectations à envisager."
        }
        Area::SlaMatrix => {
            "La part de tickets pris en charge dans les délais selon la priorité et le nombre d'agents en service, et les heures sous-dotées."
        }
        Area::Administration => "Les comptes, les sites, le référentiel du support et le catalogue.",
    }
}

pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Event => "Événement",
        Kind::Incident => "Incident",
        Kind::Problem => "Problème",
        Kind::Request => "Demande",
        Kind::Change => "Changement",
    }
}

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::New => "Nouveau",
        Status::InProgress => "En cours",
        Status::Acknowledged => "Acquitté",
        Status::WaitingRequester => "En attente du demandeur",
        Status::AwaitingApproval => "En attente d'approbation",
        Status::Approved => "Approuvé",
        Status::KnownError => "Erreur connue",
        Status::Resolved => "Résolu",
        Status::Closed => "Clos",
        Status::Cancelled => "Annulé",
        Status::Refused => "Refusé",
    }
}

pub fn status_group_label(group: StatusGroup) -> &'static str {
    match group {
        StatusGroup::New => "À prendre",
        StatusGroup::Active => "En traitement",
        StatusGroup::Waiting => "En attente",
        StatusGroup::Resolved => "Résolus",
        StatusGroup::Closed => "Terminés",
    }
}

pub fn action_label(action: Action) -> &'static str {
    match action {
        Action::Take => "Prendre en charge",
        Action::Release => "Remettre dans la file",
        Action::Assign => "Confier à un agent",
        Action::Escalate => "Escalader vers un pôle",
        Action::EscalateToSupervisor => "Alerter le superviseur",
        Action::AskRequester => "Poser une question au demandeur",
        Action::Answer => "Répondre",
        Action::Resolve => "Résoudre",
        Action::Confirm => "Confirmer la résolution",
        Action::Reject => "Rejeter la résolution",
        Action::Close => "Clore",
        Action::Cancel => "Annuler",
        Action::Acknowledge => "Acquitter",
        Action::LinkToIncident => "Rattacher à un incident",
        Action::Promote => "Transformer en incident",
        Action::RecordKnownError => "Enregistrer l'erreur connue",
        Action::SubmitForApproval => "Soumettre au CAB",
        Action::Approve => "Approuver",
        Action::Refuse => "Refuser",
        Action::Start => "Démarrer la mise en œuvre",
    }
}

/// Labels of history entries, whose actions include registration, links and reminders.
pub fn history_label(code: &str) -> &'static str {
    match code {
        "ENREGISTRER" => "Enregistrement",
        "LIER" => "Lien ajouté",
        "RAPPELER" => "Relance du demandeur",
        "QUALIFIER" => "Qualification",
        "PRIORITE" => "Changement de priorité",
        "EVALUER" => "Avis du demandeur",
        "ESCALADE_SLA" => "Escalade automatique (niveau de service)",
        other => Action::from_code(other).map_or("Modification", action_label),
    }
}

pub fn impact_label(impact: Impact) -> &'static str {
    match impact {
        Impact::User => "Un utilisateur",
        Impact::Team => "Une équipe",
        Impact::Site => "Un site entier",
        Impact::Company => "Toute l'entreprise",
    }
}

pub fn urgency_label(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Low => "Basse",
        Urgency::Normal => "Normale",
        Urgency::High => "Haute",
        Urgency::Critical => "Critique",
    }
}

pub fn criticality_label(criticality: Criticality) -> &'static str {
    match criticality {
        Criticality::Vital => "Vitale",
        Criticality::Important => "Importante",
        Criticality::Standard => "Standard",
    }
}

pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Minor => "Mineure (gêne, contournement possible)",
        Severity::Major => "Majeure (fonction importante dégradée)",
        Severity::Blocking => "Bloquante (travail impossible)",
    }
}

pub fn environment_kind_label(kind: EnvironmentKind) -> &'static str {
    match kind {
        EnvironmentKind::Application => "Application",
        EnvironmentKind::Service => "Service",
        EnvironmentKind::Hardware => "Matériel",
    }
}

pub fn field_kind_label(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "Texte court",
        FieldKind::LongText => "Texte long",
        FieldKind::Choice => "Liste de choix",
        FieldKind::Date => "Date",
        FieldKind::Person => "Personne",
        FieldKind::Site => "Site",
    }
}

pub fn approval_decision_label(decision: ApprovalDecision) -> &'static str {
    match decision {
        ApprovalDecision::Approved => "Approuvée",
        ApprovalDecision::Refused => "Refusée",
    }
}

/// What is wrong with one answer, for the person filling the form.
pub fn answer_problem_message(problem: AnswerProblem, label: &str) -> String {
    match problem {
        AnswerProblem::Required => format!("« {label} » est obligatoire."),
        AnswerProblem::TooLong { max } => format!("« {label} » ne doit pas dépasser {max} caractères."),
        AnswerProblem::NotAChoice => format!("Choisissez une des valeurs proposées pour « {label} »."),
        AnswerProblem::NotADate => format!("« {label} » doit être une date valide (jj/mm/aaaa)."),
        AnswerProblem::NotAPerson => format!("Choisissez une personne de l'annuaire pour « {label} »."),
        AnswerProblem::NotASite => format!("Choisissez un site d'Immo9 pour « {label} »."),
        AnswerProblem::UnknownField => format!("Le champ « {label} » ne fait pas partie de ce formulaire."),
    }
}

/// What is wrong with a form an administrator wrote.
pub fn form_problem_message(problem: &FormProblem) -> String {
    match problem {
        FormProblem::NoField => "Le formulaire doit avoir au moins un champ.".into(),
        FormProblem::TooManyFields { max } => format!("Le formulaire ne peut pas dépasser {max} champs."),
        FormProblem::BadKey { position } => format!(
            "Champ {position} : la clé s'écrit en minuscules sans accent, chiffres et « _ », en commençant par une lettre (40 caractères au plus)."
        ),
        FormProblem::DuplicateKey { key } => format!("La clé « {key} » est utilisée par deux champs."),
        FormProblem::EmptyLabel { position } => format!("Champ {position} : le libellé est obligatoire."),
        FormProblem::TooFewChoices { position } => {
            format!("Champ {position} : une liste de choix demande au moins deux choix distincts et non vides.")
        }
        FormProblem::ChoicesOnNonChoice { position } => {
            format!("Champ {position} : seuls les champs « Liste de choix » ont des choix.")
        }
    }
}

fn impact_phrase(impact: Impact) -> &'static str {
    match impact {
        Impact::User => "un utilisateur",
        Impact::Team => "une équipe",
        Impact::Site => "site entier",
        Impact::Company => "toute l'entreprise",
    }
}

fn deadline_phrase(days_left: i64) -> String {
    match days_left {
        0 => "échéance aujourd'hui".into(),
        1 => "échéance demain".into(),
        n => format!("échéance dans {n} jours"),
    }
}

/// The computed priority in words, most decisive reasons first:
/// "P1 : application vitale, site entier, urgence critique (échéance demain)". When the agent kept another
/// priority, it comes first and the computed one is named.
pub fn explain_priority(decision: &PriorityDecision, chosen: Option<crate::domain::ticket::Priority>) -> String {
    let mut reasons: Vec<String> = Vec::new();
    let mut deadline = None;
    let mut matrix = String::new();
    for step in &decision.steps {
        match step {
            PriorityStep::DeadlineRaisedUrgency { days_left, .. } => deadline = Some(deadline_phrase(*days_left)),
            PriorityStep::Matrix { impact, urgency, .. } => {
                matrix = format!("{}, urgence {}", impact_phrase(*impact), urgency_label(*urgency).to_lowercase());
            }
            PriorityStep::TypologyRaised { typology, .. } => {
                reasons.push(format!("demandeur {}", typology_label(*typology).to_lowercase()))
            }
            PriorityStep::VitalRaised { affected, .. } => reasons.push(
                match affected {
                    Some(EnvironmentKind::Application) => "application vitale",
                    Some(EnvironmentKind::Hardware) => "matériel vital",
                    Some(EnvironmentKind::Service) | None => "service vital",
                }
                .to_owned(),
            ),
        }
    }
    if let Some(deadline) = deadline {
        matrix = format!("{matrix} ({deadline})");
    }
    reasons.push(matrix);
    let computed = format!("{} : {}", decision.priority.code(), reasons.join(", "));
    match chosen {
        Some(chosen) if chosen != decision.priority => {
            format!("{} retenue par l'agent ; calculée {computed}", chosen.code())
        }
        _ => computed,
    }
}

pub fn channel_label(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "Téléphone",
        Channel::Mail => "Courriel",
        Channel::Portal => "Portail",
        Channel::Monitoring => "Supervision",
        Channel::WalkIn => "Au guichet",
    }
}

pub fn holiday_label(holiday: PublicHoliday) -> &'static str {
    match holiday {
        PublicHoliday::NewYear => "Jour de l'an",
        PublicHoliday::EasterMonday => "Lundi de Pâques",
        PublicHoliday::LabourDay => "Fête du Travail",
        PublicHoliday::VictoryInEurope => "Victoire 1945",
        PublicHoliday::Ascension => "Ascension",
        PublicHoliday::WhitMonday => "Lundi de Pentecôte",
        PublicHoliday::BastilleDay => "Fête nationale",
        PublicHoliday::Assumption => "Assomption",
        PublicHoliday::AllSaints => "Toussaint",
        PublicHoliday::Armistice => "Armistice 1918",
        PublicHoliday::Christmas => "Noël",
    }
}

pub fn year_out_of_range(first: i32, last: i32) -> String {
    format!("L'année doit être un nombre entre {first} et {last}.")
}

pub fn weekday_label(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "lundi",
        chrono::Weekday::Tue => "mardi",
        chrono::Weekday::Wed => "mercredi",
        chrono::Weekday::Thu => "jeudi",
        chrono::Weekday::Fri => "vendredi",
        chrono::Weekday::Sat => "samedi",
        chrono::Weekday::Sun => "dimanche",
    }
}

/// A share as French people write it: « 88,8 % ».
pub fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0).replace('.', ",")
}

/// A decimal number with a French comma and `decimals` places.
pub fn decimal(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', ",")
}

/// The weekday of an hour-of-week index (0 = Monday).
pub fn weekday_of_index(weekday: u8) -> &'static str {
    use chrono::Weekday::*;
    weekday_label([Mon, Tue, Wed, Thu, Fri, Sat, Sun][usize::from(weekday.min(6))])
}

/// « lundi 09:00–10:00 ».
pub fn slot_label(slot: crate::domain::capacity::HourOfWeek) -> String {
    format!("{} {:02}:00–{:02}:00", weekday_of_index(slot.weekday()), slot.hour(), slot.hour() + 1)
}

/// The staffing the week view would need where there is less: « manque 2 agents ».
pub fn missing_agents(missing: u32) -> String {
    if missing == 1 { "manque 1 agent".to_owned() } else { format!("manque {missing} agents") }
}

/// « 3,5 agents occupés en permanence ».
pub fn traffic_label(erlangs: f64) -> String {
    format!("{} agents occupés en permanence", decimal(erlangs, 1))
}

/// « 18 min, mesurée sur 412 tickets ».
pub fn handle_label(minutes: f64, samples: u64) -> String {
    if samples == 0 {
        format!("{} min ({})", decimal(minutes, 0), t().capacity_handle_default)
    } else {
        format!("{} min, mesurée sur {samples} tickets", decimal(minutes, 1))
    }
}

/// « 1 234 tickets sur 42 jours ».
pub fn observed_label(tickets: u64, days: u32) -> String {
    let days = if days == 1 { "1 jour".to_owned() } else { format!("{days} jours") };
    format!("{tickets} tickets sur {days}")
}

pub fn priority_label(priority: Priority) -> &'static str {
    match priority {
        Priority::P1 => "P1 — critique",
        Priority::P2 => "P2 — haute",
        Priority::P3 => "P3 — normale",
        Priority::P4 => "P4 — basse",
    }
}

pub fn domain_label(domain: ServiceDomain) -> &'static str {
    match domain {
        ServiceDomain::Workstation => "Poste de travail",
        ServiceDomain::Printing => "Impression",
        ServiceDomain::Software => "Logiciels",
        ServiceDomain::Account => "Comptes et accès",
        ServiceDomain::Messaging => "Messagerie et collaboration",
        ServiceDomain::Telephony => "Téléphonie",
        ServiceDomain::Network => "Réseau",
        ServiceDomain::Business => "Applications métier",
        ServiceDomain::Infrastructure => "Infrastructure",
        ServiceDomain::Security => "Sécurité",
    }
}

pub fn link_label(kind: LinkKind, outgoing: bool) -> &'static str {
    match (kind, outgoing) {
        (LinkKind::Cause, true) => "Causé par le problème",
        (LinkKind::Cause, false) => "Cause de l'incident",
        (LinkKind::Fix, true) => "Corrigé par le changement",
        (LinkKind::Fix, false) => "Corrige le problème",
        (LinkKind::Alert, true) => "Alerte rattachée à",
        (LinkKind::Alert, false) => "Alerte reçue",
        (LinkKind::Duplicate, true) => "Doublon de",
        (LinkKind::Duplicate, false) => "A pour doublon",
        (LinkKind::Child, true) => "Fait partie de l'incident majeur",
        (LinkKind::Child, false) => "Incident rattaché",
    }
}

pub fn comment_purpose_label(purpose: CommentPurpose) -> &'static str {
    match purpose {
        CommentPurpose::Comment => "Commentaire",
        CommentPurpose::Question => "Question au demandeur",
        CommentPurpose::Answer => "Réponse du demandeur",
        CommentPurpose::Solution => "Solution",
        CommentPurpose::Reminder => "Relance",
        CommentPurpose::Reason => "Motif",
    }
}

/// An instant as people in Gironde read it: `27/11/2026 17:45`.
/// The Paris day of an instant, `28/11/2026`.
pub fn local_day(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris).format("%d/%m/%Y").to_string()
}

pub fn local_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris).format("%d/%m/%Y %H:%M").to_string()
}

/// A business duration in words: `2 h 05`, `45 min`, `3 j 2 h` (a business day counted as 8 hours).
pub fn business_duration(minutes: i64) -> String {
    let sign = if minutes < 0 { "−" } else { "" };
    let minutes = minutes.unsigned_abs();
    let (days, hours, rest) = (minutes / 480, minutes % 480 / 60, minutes % 60);
    match (days, hours) {
        (0, 0) => format!("{sign}{rest} min"),
        (0, _) => format!("{sign}{hours} h {rest:02}"),
        _ => format!("{sign}{days} j {hours} h"),
    }
}

pub fn measure_label(measure: Measure) -> &'static str {
    match measure {
        Measure::TimeToOwn => "Prise en charge",
        Measure::TimeToResolve => "Résolution",
        Measure::PoleHandling => "Traitement par le pôle (OLA)",
    }
}

/// A measure in a few words, for a board's countdown.
pub fn measure_short_label(measure: Measure) -> &'static str {
    match measure {
        Measure::TimeToOwn => "Prise en charge",
        Measure::TimeToResolve => "Résolution",
        Measure::PoleHandling => "OLA du pôle",
    }
}

pub fn escalation_action_label(action: EscalationAction) -> &'static str {
    match action {
        EscalationAction::NotifyAssignee => "rappel à l'agent assigné",
        EscalationAction::NotifySupervisor => "alerte au superviseur du pôle",
        EscalationAction::RaisePriority => "priorité relevée d'un niveau",
        EscalationAction::Reassign => "remis dans la file du pôle pour réaffectation",
    }
}

/// The words that go with a band's colour (never colour alone).
pub fn band_label(band: Band) -> &'static str {
    match band {
        Band::Comfortable => "Dans les temps",
        Band::AtRisk => "À surveiller",
        Band::Critical => "Critique",
        Band::Breached => "Dépassé",
    }
}

/// What an escalation says to the people it concerns.
pub fn escalation_message(
    reference: &str,
    measure: Measure,
    threshold: Threshold,
    due_at: chrono::DateTime<chrono::Utc>,
    late_by: Option<chrono::Duration>,
) -> String {
    let mut message = format!(
        "{reference} : {} % du délai de {} atteint le {} ({}).",
        threshold.percent,
        measure_label(measure).to_lowercase(),
        local_time(due_at),
        escalation_action_label(threshold.action),
    );
    if let Some(late_by) = late_by {
        message.push_str(&format!(
            " Escalade envoyée en retard de {} : aucun serveur ne tournait à l'échéance.",
            wall_duration(late_by)
        ));
    }
    message
}

/// A wall-clock duration in words: `3 h 12 min`, `5 min`, `2 j 4 h`.
pub fn wall_duration(duration: chrono::Duration) -> String {
    let minutes = duration.num_minutes().max(0);
    let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (days, hours) {
        (0, 0) => format!("{rest} min"),
        (0, _) => format!("{hours} h {rest} min"),
        _ => format!("{days} j {hours} h"),
    }
}

pub fn alert_reason_label(reason: AlertReason) -> &'static str {
    match reason {
        AlertReason::Overload => "Surcharge",
        AlertReason::AtRisk => "Tickets à risque",
        AlertReason::Stale => "Tickets sans mise à jour",
    }
}

/// What a backlog alert tells the supervisors and Qualité.
pub fn backlog_alert_message(backlog: &PoleBacklog, reason: AlertReason) -> String {
    let pole = pole_label(backlog.pole);
    match reason {
        AlertReason::Overload => format!(
            "{pole} : surcharge — {} de travail restant estimé pour {} disponibles aujourd'hui ({} agent(s) en service, {} tickets ouverts). Voir la page Pilotage pour les réaffectations proposées.",
            business_duration(i64::from(backlog.demand_minutes)),
            business_duration(i64::from(backlog.capacity_minutes)),
            backlog.agents_on_duty,
            backlog.open,
        ),
        AlertReason::AtRisk => format!(
            "{pole} : {} tickets à risque (seuil d'alerte : {}). Voir la file par risque sur la page Pilotage.",
            backlog.at_risk, backlog.settings.at_risk_alert,
        ),
        AlertReason::Stale => format!(
            "{pole} : {} ticket(s) sans mise à jour depuis {} jours ou plus : {}.",
            backlog.stale.len(),
            backlog.settings.stale_after_days,
            backlog.stale.iter().map(|ticket| ticket.reference.as_str()).collect::<Vec<_>>().join(", "),
        ),
    }
}

pub fn kpi_label(kpi: crate::domain::kpi::Kpi) -> &'static str {
    use crate::domain::kpi::Kpi;
    match kpi {
        Kpi::OwnCompliance => "Prises en charge dans le délai",
        Kpi::ResolveCompliance => "Résolutions dans le délai",
        Kpi::FirstContact => "Résolution au premier contact",
        Kpi::TimeToOwnMedian => "Délai de prise en charge médian",
        Kpi::TimeToOwnP90 => "Délai de prise en charge (90 %)",
        Kpi::TimeToResolveMedian => "Délai de résolution médian",
        Kpi::TimeToResolveP90 => "Délai de résolution (90 %)",
        Kpi::Backlog => "Stock de tickets ouverts",
        Kpi::Growth => "Croissance du stock",
        Kpi::ReopenRate => "Taux de réouverture",
        Kpi::EscalationRate => "Taux d'escalade",
        Kpi::ReassignmentRate => "Taux de réaffectation",
        Kpi::Deflection => "Demandes évitées par la base de connaissances",
        Kpi::Satisfaction => "Satisfaction",
    }
}

/// What each KPI counts, shown next to it: the definition Qualité and the code agree on.
pub fn kpi_definition(kpi: crate::domain::kpi::Kpi) -> &'static str {
    use crate::domain::kpi::Kpi;
    match kpi {
        Kpi::OwnCompliance => {
            "Parmi les tickets pris en charge pendant la période, la part prise en charge avant l'échéance de prise en charge (heures ouvrées du calendrier du site)."
        }
        Kpi::ResolveCompliance => {
            "Parmi les tickets résolus pendant la période, la part résolue avant l'échéance de résolution, pauses en attente du demandeur exclues."
        }
        Kpi::FirstContact => {
            "Parmi les incidents et demandes des utilisateurs (hors supervision) résolus pendant la période, la part résolue pendant l'appel qui les a enregistrés."
        }
        Kpi::TimeToOwnMedian => {
            "La moitié des tickets pris en charge pendant la période l'ont été en moins de ce temps ouvré (rang le plus proche)."
        }
        Kpi::TimeToOwnP90 => "90 % des tickets pris en charge pendant la période l'ont été en moins de ce temps ouvré.",
        Kpi::TimeToResolveMedian => {
            "La moitié des tickets résolus pendant la période l'ont été en moins de ce temps ouvré, pauses exclues."
        }
        Kpi::TimeToResolveP90 => {
            "90 % des tickets résolus pendant la période l'ont été en moins de ce temps ouvré, pauses exclues."
        }
        Kpi::Backlog => {
            "Les tickets enregistrés avant la fin de la période et pas encore résolus à cette date, par âge : moins d'un jour, 1 à 3, 3 à 7, 7 à 30, 30 jours et plus."
        }
        Kpi::Growth => {
            "Tickets enregistrés pendant la période moins tickets clos pendant la période : positif, le stock grossit."
        }
        Kpi::ReopenRate => "Parmi les tickets résolus pendant la période, la part rouverte par le demandeur.",
        Kpi::EscalationRate => {
            "Parmi les tickets enregistrés pendant la période, la part escaladée vers un autre pôle."
        }
        Kpi::ReassignmentRate => {
            "Parmi les tickets enregistrés pendant la période, la part retirée à un agent pour être confiée à un autre."
        }
        Kpi::Deflection => {
            "Demandes closes sans ticket par « Cela a résolu mon problème », rapportées à ces demandes plus les incidents et demandes enregistrés pour des utilisateurs pendant la période."
        }
        Kpi::Satisfaction => "La note moyenne (1 à 5) des évaluations données pendant la période.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_non_empty_french_label() {
        assert!(Role::ALL.iter().all(|r| !role_label(*r).is_empty()));
        assert!(Pole::ALL.iter().all(|p| !pole_label(*p).is_empty()));
        assert!(Typology::ALL.iter().all(|ty| !typology_label(*ty).is_empty()));
        assert!(SiteKind::ALL.iter().all(|k| !site_kind_label(*k).is_empty()));
        assert!(Area::ALL.iter().all(|a| !area_label(*a).is_empty() && !area_description(*a).is_empty()));
        assert!(
            crate::domain::kpi::Kpi::ALL.iter().all(|k| !kpi_label(*k).is_empty() && !kpi_definition(*k).is_empty())
        );
    }

    #[test]
    fn every_priority_is_explained_in_words() {
        use crate::domain::qualification::{PriorityMatrix, QualificationInput, QualificationRules, compute_priority};
        use crate::domain::ticket::{Kind, Priority};
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
}

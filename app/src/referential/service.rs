//! Reading and editing the referential and the catalog. Every edit is one transaction that writes the row
//! and its audit-log line (before and after), so the history of the referential is never incomplete.

use super::{CatalogEntry, Category, EnvironmentItem, Referential, TypologyRule, WorkflowDelays};
use crate::db::audit;
use crate::db::schema::{
    catalog_entries, categories, environment_items, priority_matrix, qualification_settings, ticket_requests,
    typologies, workflow_settings,
};
use crate::domain::catalog::{FormField, validate_form};
use crate::domain::ids::{CatalogEntryId, CategoryId, EnvironmentId, UserId};
use crate::domain::people::{Pole, Typology};
use crate::domain::qualification::{Criticality, EnvironmentKind, Impact, PriorityMatrix, QualificationRules, Urgency};
use crate::domain::ticket::{Kind, Priority, ServiceDomain};
use crate::domain::workflow::routable;
use crate::error::{AppError, AppResult, FieldMessage};
use crate::i18n::{fill, form_problem_message, t};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use std::collections::HashMap;

fn change<T: Serialize>(before: Option<&T>, after: &T) -> serde_json::Value {
    serde_json::json!({ "avant": before, "apres": after })
}

/// Codes of the referential: upper-case ASCII, digits and `_`, 2 to 48 characters.
fn check_code(code: &str) -> AppResult<()> {
    let valid = (2..=48).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    if valid { Ok(()) } else { Err(AppError::validation("code", t().ref_code_invalid)) }
}

fn check_label(field: &str, label: &str, max: usize) -> AppResult<()> {
    let length = label.trim().chars().count();
    if (1..=max).contains(&length) { Ok(()) } else { Err(AppError::validation(field, t().ref_label_invalid)) }
}

fn duplicate_code(error: diesel::result::Error) -> AppError {
    if crate::db::is_unique_violation(&error) { AppError::conflict(t().ref_code_taken) } else { error.into() }
}

pub async fn typology_rules(conn: &mut AsyncPgConnection) -> QueryResult<Vec<TypologyRule>> {
    let rows: Vec<(Typology, String, bool, bool)> = typologies::table
        .select((
            typologies::code,
            typologies::handling,
            typologies::raises_incident_priority,
            typologies::call_back_by_phone,
        ))
        .order(typologies::position)
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(typology, handling, raises_incident_priority, call_back_by_phone)| TypologyRule {
            typology,
            handling,
            raises_incident_priority,
            call_back_by_phone,
        })
        .collect())
}

type CategoryRow = (CategoryId, ServiceDomain, Option<CategoryId>, String, String, Pole, Vec<Kind>, bool);

fn category_columns() -> (
    categories::id,
    categories::domain,
    categories::parent_id,
    categories::code,
    categories::label,
    categories::default_pole,
    categories::allowed_kinds,
    categories::active,
) {
    (
        categories::id,
        categories::domain,
        categories::parent_id,
        categories::code,
        categories::label,
        categories::default_pole,
        categories::allowed_kinds,
        categories::active,
    )
}

fn to_category((id, domain, parent, code, label, default_pole, allowed_kinds, active): CategoryRow) -> Category {
    Category { id: Some(id), domain, parent, code, label, default_pole, allowed_kinds, active }
}

type EnvironmentRow = (EnvironmentId, EnvironmentKind, String, String, String, ServiceDomain, Criticality, bool);

fn environment_columns() -> (
    environment_items::id,
    environment_items::kind,
    environment_items::code,
    environment_items::label,
    environment_items::description,
    environment_items::domain,
    environment_items::criticality,
    environment_items::active,
) {
    (
        environment_items::id,
        environment_items::kind,
        environment_items::code,
        environment_items::label,
        environment_items::description,
        environment_items::domain,
        environment_items::criticality,
        environment_items::active,
    )
}

fn to_environment_item(
    (id, kind, code, label, description, domain, criticality, active): EnvironmentRow,
) -> EnvironmentItem {
    EnvironmentItem { id: Some(id), kind, code, label, description, domain, criticality, active }
}

/// The matrix and the rules qualification applies.
pub async fn matrix_and_rules(conn: &mut AsyncPgConnection) -> AppResult<(PriorityMatrix, QualificationRules)> {
    let cells: Vec<(Impact, Urgency, Priority)> = priority_matrix::table
        .select((priority_matrix::impact, priority_matrix::urgency, priority_matrix::priority))
        .load(conn)
        .await?;
    let matrix = PriorityMatrix::from_cells(cells).map_err(|_| AppError::internal("priority matrix incomplete"))?;
    let (vital_raises_priority, window): (bool, i32) = qualification_settings::table
        .select((qualification_settings::vital_raises_priority, qualification_settings::deadline_window_days))
        .first(conn)
        .await?;
    let rules = QualificationRules {
        vital_raises_priority,
        deadline_window_days: u32::try_from(window).map_err(|_| AppError::internal("negative deadline window"))?,
    };
    Ok((matrix, rules))
}

/// The whole referential, active and inactive items alike (the admin page shows both).
pub async fn load(conn: &mut AsyncPgConnection) -> AppResult<Referential> {
    let typologies = typology_rules(conn).await?;
    let categories = categories::table
        .select(category_columns())
        .order((categories::domain, categories::parent_id.asc().nulls_first(), categories::position, categories::label))
        .load::<CategoryRow>(conn)
        .await?
        .into_iter()
        .map(to_category)
        .collect();
    let environment = environment_items::table
        .select(environment_columns())
        .order((environment_items::kind, environment_items::label))
        .load::<EnvironmentRow>(conn)
        .await?
        .into_iter()
        .map(to_environment_item)
        .collect();
    let (matrix, rules) = matrix_and_rules(conn).await?;
    let delays = workflow_delays(conn).await?;
    Ok(Referential { typologies, categories, environment, matrix, rules, delays })
}

pub async fn workflow_delays(conn: &mut AsyncPgConnection) -> QueryResult<WorkflowDelays> {
    let (reminder_delay_hours, max_reminders, confirmation_delay_hours) = workflow_settings::table
        .select((
            workflow_settings::reminder_delay_hours,
            workflow_settings::max_reminders,
            workflow_settings::confirmation_delay_hours,
        ))
        .first(conn)
        .await?;
    Ok(WorkflowDelays { reminder_delay_hours, max_reminders, confirmation_delay_hours })
}

/// Changes the lifecycle's delays; the lifecycle jobs read them on their next run.
pub async fn set_workflow_delays(conn: &mut AsyncPgConnection, admin: UserId, delays: WorkflowDelays) -> AppResult<()> {
    let t = t();
    if !(1..=720).contains(&delays.reminder_delay_hours) {
        return Err(AppError::validation("reminder_delay_hours", t.ref_delay_hours_invalid));
    }
    if !(0..=10).contains(&delays.max_reminders) {
        return Err(AppError::validation("max_reminders", t.ref_max_reminders_invalid));
    }
    if !(1..=720).contains(&delays.confirmation_delay_hours) {
        return Err(AppError::validation("confirmation_delay_hours", t.ref_delay_hours_invalid));
    }
    conn.transaction(async |conn| {
        let before = workflow_delays(conn).await?;
        diesel::update(workflow_settings::table)
            .set((
                workflow_settings::reminder_delay_hours.eq(delays.reminder_delay_hours),
                workflow_settings::max_reminders.eq(delays.max_reminders),
                workflow_settings::confirmation_delay_hours.eq(delays.confirmation_delay_hours),
            ))
            .execute(conn)
            .await?;
        audit(conn, admin, "delais_cycle_de_vie", "1".into(), "modification", change(Some(&before), &delays)).await?;
        Ok(())
    })
    .await
}

type EntryRow = (
    (CatalogEntryId, String, String, String, ServiceDomain, Option<CategoryId>, Kind),
    (Impact, Urgency, Pole, bool, String, serde_json::Value, bool),
);

#[allow(clippy::type_complexity)] // the column tuple mirrors EntryRow; naming it adds nothing
fn entry_columns() -> (
    (
        catalog_entries::id,
        catalog_entries::code,
        catalog_entries::title,
        catalog_entries::summary,
        catalog_entries::domain,
        catalog_entries::category_id,
        catalog_entries::kind,
    ),
    (
        catalog_entries::impact,
        catalog_entries::urgency,
        catalog_entries::pole,
        catalog_entries::requires_approval,
        catalog_entries::keywords,
        catalog_entries::fields,
        catalog_entries::active,
    ),
) {
    (
        (
            catalog_entries::id,
            catalog_entries::code,
            catalog_entries::title,
            catalog_entries::summary,
            catalog_entries::domain,
            catalog_entries::category_id,
            catalog_entries::kind,
        ),
        (
            catalog_entries::impact,
            catalog_entries::urgency,
            catalog_entries::pole,
            catalog_entries::requires_approval,
            catalog_entries::keywords,
            catalog_entries::fields,
            catalog_entries::active,
        ),
    )
}

fn to_entry(
    (
        (id, code, title, summary, domain, category, kind),
        (impact, urgency, pole, requires_approval, keywords, fields, active),
    ): EntryRow,
    usage: i64,
) -> AppResult<CatalogEntry> {
    let fields: Vec<FormField> =
        serde_json::from_value(fields).map_err(|_| AppError::internal("catalog entry form is not a valid form"))?;
    Ok(CatalogEntry {
        id: Some(id),
        code,
        title,
        summary,
        domain,
        category,
        kind,
        impact,
        urgency,
        pole,
        requires_approval,
        keywords,
        fields,
        active,
        usage,
    })
}

/// The catalog with how often each entry was used; only active entries unless `with_inactive`.
pub async fn catalog(conn: &mut AsyncPgConnection, with_inactive: bool) -> AppResult<Vec<CatalogEntry>> {
    let mut query = catalog_entries::table.select(entry_columns()).into_boxed();
    if !with_inactive {
        query = query.filter(catalog_entries::active.eq(true));
    }
    let rows: Vec<EntryRow> =
        query.order((catalog_entries::domain, catalog_entries::position, catalog_entries::title)).load(conn).await?;
    let usage: HashMap<CatalogEntryId, i64> = ticket_requests::table
        .group_by(ticket_requests::catalog_entry_id)
        .select((ticket_requests::catalog_entry_id, diesel::dsl::count_star()))
        .load::<(CatalogEntryId, i64)>(conn)
        .await?
        .into_iter()
        .collect();
    rows.into_iter()
        .map(|row| {
            let uses = usage.get(&row.0.0).copied().unwrap_or(0);
            to_entry(row, uses)
        })
        .collect()
}

/// One entry by its code, active or not (`None` when unknown).
pub async fn catalog_entry(conn: &mut AsyncPgConnection, code: &str) -> AppResult<Option<CatalogEntry>> {
    let row: Option<EntryRow> = catalog_entries::table
        .filter(catalog_entries::code.eq(code))
        .select(entry_columns())
        .first(conn)
        .await
        .optional()?;
    row.map(|row| to_entry(row, 0)).transpose()
}

/// Changes one cell of the priority matrix.
pub async fn set_matrix_cell(
    conn: &mut AsyncPgConnection,
    admin: UserId,
    impact: Impact,
    urgency: Urgency,
    priority: Priority,
) -> AppResult<()> {
    conn.transaction(async |conn| {
        let before: Priority = priority_matrix::table
            .find((impact, urgency))
            .select(priority_matrix::priority)
            .for_update()
            .first(conn)
            .await?;
        if before == priority {
            return Ok(());
        }
        diesel::update(priority_matrix::table.find((impact, urgency)))
            .set(priority_matrix::priority.eq(priority))
            .execute(conn)
            .await?;
        audit(
            conn,
            admin,
            "matrice_priorite",
            format!("{impact}×{urgency}"),
            "modification",
            change(Some(&before), &priority),
        )
        .await?;
        Ok(())
    })
    .await
}

/// Changes the rules beyond the matrix.
pub async fn set_rules(conn: &mut AsyncPgConnection, admin: UserId, rules: QualificationRules) -> AppResult<()> {
    if rules.deadline_window_days > 30 {
        return Err(AppError::validation("deadline_window_days", t().ref_deadline_window_invalid));
    }
    let window = i32::try_from(rules.deadline_window_days).unwrap_or(30);
    conn.transaction(async |conn| {
        let (_, before) = matrix_and_rules(conn).await?;
        diesel::update(qualification_settings::table)
            .set((
                qualification_settings::vital_raises_priority.eq(rules.vital_raises_priority),
                qualification_settings::deadline_window_days.eq(window),
            ))
            .execute(conn)
            .await?;
        audit(conn, admin, "regles_qualification", "1".into(), "modification", change(Some(&before), &rules)).await?;
        Ok(())
    })
    .await
}

/// Changes how a typology is handled.
pub async fn save_typology(conn: &mut AsyncPgConnection, admin: UserId, rule: &TypologyRule) -> AppResult<()> {
    check_label("handling", &rule.handling, 500)?;
    conn.transaction(async |conn| {
        let before = typology_rules(conn).await?.into_iter().find(|r| r.typology == rule.typology);
        diesel::update(typologies::table.find(rule.typology))
            .set((
                typologies::handling.eq(rule.handling.trim()),
                typologies::raises_incident_priority.eq(rule.raises_incident_priority),
                typologies::call_back_by_phone.eq(rule.call_back_by_phone),
            ))
            .execute(conn)
            .await?;
        audit(conn, admin, "typologie", rule.typology.code().into(), "modification", change(before.as_ref(), rule))
            .await?;
        Ok(())
    })
    .await
}

/// Creates a category (no id) or changes one. A sub-category sits under a category of its domain.
pub async fn save_category(conn: &mut AsyncPgConnection, admin: UserId, category: &Category) -> AppResult<CategoryId> {
    let t = t();
    check_code(&category.code)?;
    check_label("label", &category.label, 120)?;
    if !routable(category.default_pole) {
        return Err(AppError::validation("default_pole", t.ticket_pole_not_routable));
    }
    if category.allowed_kinds.is_empty() {
        return Err(AppError::validation("allowed_kinds", t.ref_kinds_missing));
    }
    conn.transaction(async |conn| {
        if let Some(parent) = category.parent {
            let parent: Option<(ServiceDomain, Option<CategoryId>)> = categories::table
                .find(parent)
                .select((categories::domain, categories::parent_id))
                .first(conn)
                .await
                .optional()?;
            if !matches!(parent, Some((domain, None)) if domain == category.domain) || category.id == category.parent {
                return Err(AppError::validation("parent", t.ref_parent_invalid));
            }
        }
        let values = (
            categories::domain.eq(category.domain),
            categories::parent_id.eq(category.parent),
            categories::code.eq(&category.code),
            categories::label.eq(category.label.trim()),
            categories::default_pole.eq(category.default_pole),
            categories::allowed_kinds.eq(&category.allowed_kinds),
            categories::active.eq(category.active),
        );
        let (id, before) = match category.id {
            None => {
                let id = diesel::insert_into(categories::table)
                    .values(values)
                    .returning(categories::id)
                    .get_result(conn)
                    .await
                    .map_err(duplicate_code)?;
                (id, None)
            }
            Some(id) => {
                let before: CategoryRow = categories::table
                    .find(id)
                    .select(category_columns())
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| AppError::not_found(fill(t.phrases.missing_category, &[("id", &id)])))?;
                let has_children: bool =
                    diesel::select(diesel::dsl::exists(categories::table.filter(categories::parent_id.eq(id))))
                        .get_result(conn)
                        .await?;
                if has_children && category.parent.is_some() {
                    return Err(AppError::validation("parent", t.ref_parent_invalid));
                }
                diesel::update(categories::table.find(id)).set(values).execute(conn).await.map_err(duplicate_code)?;
                (id, Some(to_category(before)))
            }
        };
        let after = Category { id: Some(id), ..category.clone() };
        let action = if before.is_some() { "modification" } else { "creation" };
        audit(conn, admin, "categorie", id.to_string(), action, change(before.as_ref(), &after)).await?;
        Ok(id)
    })
    .await
}

/// Creates an item of the technical environment (no id) or changes one.
pub async fn save_environment_item(
    conn: &mut AsyncPgConnection,
    admin: UserId,
    item: &EnvironmentItem,
) -> AppResult<EnvironmentId> {
    check_code(&item.code)?;
    check_label("label", &item.label, 120)?;
    conn.transaction(async |conn| {
        let values = (
            environment_items::kind.eq(item.kind),
            environment_items::code.eq(&item.code),
            environment_items::label.eq(item.label.trim()),
            environment_items::description.eq(item.description.trim()),
            environment_items::domain.eq(item.domain),
            environment_items::criticality.eq(item.criticality),
            environment_items::active.eq(item.active),
        );
        let (id, before) = match item.id {
            None => {
                let id = diesel::insert_into(environment_items::table)
                    .values(values)
                    .returning(environment_items::id)
                    .get_result(conn)
                    .await
                    .map_err(duplicate_code)?;
                (id, None)
            }
            Some(id) => {
                let before: EnvironmentRow = environment_items::table
                    .find(id)
                    .select(environment_columns())
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| AppError::not_found(fill(t().phrases.missing_environment_item, &[("id", &id)])))?;
                diesel::update(environment_items::table.find(id))
                    .set(values)
                    .execute(conn)
                    .await
                    .map_err(duplicate_code)?;
                (id, Some(to_environment_item(before)))
            }
        };
        let after = EnvironmentItem { id: Some(id), ..item.clone() };
        let action = if before.is_some() { "modification" } else { "creation" };
        audit(conn, admin, "environnement", id.to_string(), action, change(before.as_ref(), &after)).await?;
        Ok(id)
    })
    .await
}

/// Creates a catalog entry (no id) or changes one, form included. Every problem of the form is reported.
pub async fn save_catalog_entry(
    conn: &mut AsyncPgConnection,
    admin: UserId,
    entry: &CatalogEntry,
) -> AppResult<CatalogEntryId> {
    let t = t();
    check_code(&entry.code)?;
    check_label("title", &entry.title, 120)?;
    if entry.summary.chars().count() > 500 {
        return Err(AppError::validation("summary", t.ref_summary_too_long));
    }
    if !matches!(entry.kind, Kind::Request | Kind::Incident) {
        return Err(AppError::validation("kind", t.ref_catalog_kind_invalid));
    }
    if !routable(entry.pole) {
        return Err(AppError::validation("pole", t.ticket_pole_not_routable));
    }
    if let Err(problems) = validate_form(&entry.fields) {
        return Err(AppError::InvalidForm {
            errors: problems
                .iter()
                .map(|problem| FieldMessage { field: "fields".into(), message: form_problem_message(problem) })
                .collect(),
        });
    }
    let fields = serde_json::to_value(&entry.fields).map_err(|_| AppError::internal("form serialisation"))?;
    conn.transaction(async |conn| {
        if let Some(category) = entry.category {
            let domain: Option<ServiceDomain> =
                categories::table.find(category).select(categories::domain).first(conn).await.optional()?;
            if domain != Some(entry.domain) {
                return Err(AppError::validation("category", t.ref_category_domain_mismatch));
            }
        }
        let values = (
            catalog_entries::code.eq(&entry.code),
            catalog_entries::title.eq(entry.title.trim()),
            catalog_entries::summary.eq(entry.summary.trim()),
            catalog_entries::domain.eq(entry.domain),
            catalog_entries::category_id.eq(entry.category),
            catalog_entries::kind.eq(entry.kind),
            catalog_entries::impact.eq(entry.impact),
            catalog_entries::urgency.eq(entry.urgency),
            catalog_entries::pole.eq(entry.pole),
            catalog_entries::requires_approval.eq(entry.requires_approval),
            catalog_entries::keywords.eq(entry.keywords.trim()),
            catalog_entries::fields.eq(&fields),
            catalog_entries::active.eq(entry.active),
            catalog_entries::updated_at.eq(diesel::dsl::now),
        );
        let (id, before) = match entry.id {
            None => {
                let id = diesel::insert_into(catalog_entries::table)
                    .values(values)
                    .returning(catalog_entries::id)
                    .get_result(conn)
                    .await
                    .map_err(duplicate_code)?;
                (id, None)
            }
            Some(id) => {
                let before: EntryRow = catalog_entries::table
                    .find(id)
                    .select(entry_columns())
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| AppError::not_found(fill(t.phrases.missing_catalog_entry, &[("id", &id)])))?;
                diesel::update(catalog_entries::table.find(id))
                    .set(values)
                    .execute(conn)
                    .await
                    .map_err(duplicate_code)?;
                (id, Some(to_entry(before, 0)?))
            }
        };
        let after = CatalogEntry { id: Some(id), usage: 0, ..entry.clone() };
        let action = if before.is_some() { "modification" } else { "creation" };
        audit(conn, admin, "catalogue", id.to_string(), action, change(before.as_ref(), &after)).await?;
        Ok(id)
    })
    .await
}

//! The triage model's storage: what each qualified ticket taught (`triage_examples`) and the counts the
//! classifier reads (`triage_terms`, `triage_labels`), updated in the transaction of the qualification or
//! routing that teaches; the model rebuilt for a suggestion from the vocabulary, the referential and them.

use crate::db::schema::{catalog_entries, categories, tickets, triage_examples, triage_labels, triage_terms};
use crate::domain::ids::TicketId;
use crate::domain::people::Pole;
use crate::domain::ticket::{Kind, ServiceDomain, TicketRef};
use crate::domain::triage::{Dimension, Example, LabelCounts, Lesson, Model, Suggestion, terms};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::sync::LazyLock;

/// The built-in vocabulary, tokenised once per process.
static STARTING: LazyLock<Model> = LazyLock::new(Model::starting);

/// Lessons from the referential: each category's path teaches its domain and default pole; each catalog
/// entry's title, summary and keywords teach its domain and pole.
pub async fn referential_lessons(conn: &mut AsyncPgConnection) -> AppResult<Vec<Lesson>> {
    let categories: Vec<(i64, Option<i64>, ServiceDomain, String, Pole)> = categories::table
        .filter(categories::active.eq(true))
        .select((
            categories::id,
            categories::parent_id,
            categories::domain,
            categories::label,
            categories::default_pole,
        ))
        .load(conn)
        .await?;
    let mut lessons = Vec::new();
    for (_, parent, domain, label, pole) in &categories {
        let parent_label = parent.and_then(|parent| categories.iter().find(|c| c.0 == parent)).map(|c| c.3.as_str());
        let text = format!("{} {label}", parent_label.unwrap_or(""));
        lessons.push(Lesson::Domain(*domain, terms(&text)));
        lessons.push(Lesson::Pole(*pole, terms(&text)));
    }
    let entries: Vec<(String, String, String, ServiceDomain, Pole)> = catalog_entries::table
        .filter(catalog_entries::active.eq(true))
        .select((
            catalog_entries::title,
            catalog_entries::summary,
            catalog_entries::keywords,
            catalog_entries::domain,
            catalog_entries::pole,
        ))
        .load(conn)
        .await?;
    // A catalog entry's words name a subject, not a kind of activity (nearly every entry is a request): they
    // teach the domain and the pole only, or every subject word would mean "request".
    for (title, summary, keywords, domain, pole) in entries {
        let words = terms(&format!("{title} {summary} {keywords}"));
        lessons.push(Lesson::Domain(domain, words.clone()));
        lessons.push(Lesson::Pole(pole, words));
    }
    Ok(lessons)
}

fn merge_learned<L: Ord + Copy + std::str::FromStr>(
    classifier: &mut crate::domain::triage::Classifier<L>,
    dimension: Dimension,
    labels: &[(Dimension, String, i32, i32)],
    counts: &[(Dimension, String, String, i32)],
) {
    for (_, label, documents, terms) in labels.iter().filter(|row| row.0 == dimension) {
        let Ok(label) = label.parse::<L>() else { continue };
        let entry: &mut LabelCounts = classifier.labels.entry(label).or_default();
        entry.documents += *documents as u32;
        entry.terms += *terms as u32;
    }
    for (_, label, term, occurrences) in counts.iter().filter(|row| row.0 == dimension) {
        let Ok(label) = label.parse::<L>() else { continue };
        *classifier.labels.entry(label).or_default().occurrences.entry(term.clone()).or_default() +=
            *occurrences as u32;
    }
}

/// The model as it stands: vocabulary, referential and every lesson learned.
pub async fn current_model(conn: &mut AsyncPgConnection) -> AppResult<Model> {
    let mut model = STARTING.clone();
    for lesson in referential_lessons(conn).await? {
        model.learn(&lesson, 1);
    }
    let labels: Vec<(Dimension, String, i32, i32)> = triage_labels::table
        .select((triage_labels::dimension, triage_labels::label, triage_labels::documents, triage_labels::terms))
        .load(conn)
        .await?;
    let counts: Vec<(Dimension, String, String, i32)> = triage_terms::table
        .filter(triage_terms::occurrences.gt(0))
        .select((triage_terms::dimension, triage_terms::label, triage_terms::term, triage_terms::occurrences))
        .load(conn)
        .await?;
    merge_learned(&mut model.kind, Dimension::Kind, &labels, &counts);
    merge_learned(&mut model.domain, Dimension::Domain, &labels, &counts);
    merge_learned(&mut model.pole, Dimension::Pole, &labels, &counts);
    Ok(model)
}

/// The suggestion for a description; a description with no word the model knows is a 422 in French.
pub async fn suggest(conn: &mut AsyncPgConnection, description: &str) -> AppResult<Suggestion> {
    let t = t();
    if description.trim().is_empty() {
        return Err(AppError::validation("description", t.triage_description_missing));
    }
    if description.chars().count() > 20_000 {
        return Err(AppError::validation("description", t.ticket_description_too_long));
    }
    current_model(conn)
        .await?
        .suggest(description)
        .ok_or_else(|| AppError::validation("description", t.triage_no_known_word))
}

/// The suggestion for a ticket's description, none when the model knows none of its words.
pub async fn suggest_for_ticket(conn: &mut AsyncPgConnection, reference: &TicketRef) -> AppResult<Option<Suggestion>> {
    let (title, description): (String, String) = tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select((tickets::title, tickets::description))
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found(reference.to_string()))?;
    Ok(current_model(conn).await?.suggest(&format!("{title}. {description}")))
}

/// Adds (`sign` = 1) or withdraws (`sign` = -1) an example's counts.
async fn apply(conn: &mut AsyncPgConnection, example: &Example, sign: i32) -> QueryResult<()> {
    let labels = [
        (Dimension::Kind, example.kind.code()),
        (Dimension::Domain, example.domain.code()),
        (Dimension::Pole, example.pole.code()),
    ];
    let term_count = example.terms.len() as i32;
    for (dimension, label) in labels {
        diesel::insert_into(triage_labels::table)
            .values((
                triage_labels::dimension.eq(dimension),
                triage_labels::label.eq(label),
                triage_labels::documents.eq(sign.max(0)),
                triage_labels::terms.eq((sign * term_count).max(0)),
            ))
            .on_conflict((triage_labels::dimension, triage_labels::label))
            .do_update()
            .set((
                triage_labels::documents.eq(diesel::dsl::sql::<diesel::sql_types::Integer>(&format!(
                    "GREATEST(triage_labels.documents + ({sign}), 0)"
                ))),
                triage_labels::terms.eq(diesel::dsl::sql::<diesel::sql_types::Integer>(&format!(
                    "GREATEST(triage_labels.terms + ({}), 0)",
                    sign * term_count
                ))),
            ))
            .execute(conn)
            .await?;
        let rows: Vec<_> = example
            .terms
            .iter()
            .map(|term| {
                (
                    triage_terms::dimension.eq(dimension),
                    triage_terms::label.eq(label),
                    triage_terms::term.eq(term),
                    triage_terms::occurrences.eq(sign.max(0)),
                )
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        diesel::insert_into(triage_terms::table)
            .values(&rows)
            .on_conflict((triage_terms::dimension, triage_terms::label, triage_terms::term))
            .do_update()
            .set(triage_terms::occurrences.eq(diesel::dsl::sql::<diesel::sql_types::Integer>(&format!(
                "GREATEST(triage_terms.occurrences + ({sign}), 0)"
            ))))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Learns from a ticket as an agent qualified and routed it: its description under its type, domain and
/// pole, replacing what the same ticket taught before. A ticket without a domain teaches nothing yet. Call
/// it inside the transaction of the qualification or escalation.
pub async fn learn_from_ticket(conn: &mut AsyncPgConnection, ticket: TicketId, now: DateTime<Utc>) -> AppResult<()> {
    let (title, description, kind, domain, pole): (String, String, Kind, Option<ServiceDomain>, Pole) = tickets::table
        .find(ticket)
        .select((tickets::title, tickets::description, tickets::kind, tickets::domain, tickets::pole))
        .first(conn)
        .await?;
    let Some(domain) = domain else { return Ok(()) };
    let previous: Option<(Kind, ServiceDomain, Pole, Vec<String>)> = triage_examples::table
        .find(ticket)
        .select((triage_examples::kind, triage_examples::domain, triage_examples::pole, triage_examples::terms))
        .for_update()
        .first(conn)
        .await
        .optional()?;
    let example = Example { kind, domain, pole, terms: terms(&format!("{title}. {description}")) };
    if let Some((kind, domain, pole, terms)) = previous {
        let previous = Example { kind, domain, pole, terms };
        if previous == example {
            return Ok(());
        }
        apply(conn, &previous, -1).await?;
    }
    apply(conn, &example, 1).await?;
    diesel::insert_into(triage_examples::table)
        .values((
            triage_examples::ticket_id.eq(ticket),
            triage_examples::kind.eq(kind),
            triage_examples::domain.eq(domain),
            triage_examples::pole.eq(pole),
            triage_examples::terms.eq(&example.terms),
            triage_examples::learned_at.eq(now),
        ))
        .on_conflict(triage_examples::ticket_id)
        .do_update()
        .set((
            triage_examples::kind.eq(kind),
            triage_examples::domain.eq(domain),
            triage_examples::pole.eq(pole),
            triage_examples::terms.eq(&example.terms),
            triage_examples::learned_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether a ticket has taught the model already (its later routing then updates the lesson).
pub async fn has_learned(conn: &mut AsyncPgConnection, ticket: TicketId) -> AppResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(triage_examples::table.find(ticket))).get_result(conn).await?)
}

//! Knowledge-base queries: French full-text search (the `immo9_fr` configuration: French stems, accents
//! ignored), suggestions while typing, articles saved with their Markdown rendered and audited, deflections,
//! and the links between articles and tickets.

use super::render::markdown_to_html;
use super::{
    Article, ArticleDraft, ArticleFormChoices, ArticleSuggestion, ArticleSummary, Audience, BODY_MAX, LinkedArticle,
    SUGGEST_MIN_CHARS, SUGGESTIONS_SHOWN, SUMMARY_MAX, TITLE_MAX,
};
use crate::auth::CurrentUser;
use crate::db::audit;
use crate::db::schema::{
    catalog_entries, categories, knowledge_article_entries, knowledge_articles, knowledge_deflections, ticket_articles,
    tickets, user_roles, users,
};
use crate::domain::catalog::fold_for_search;
use crate::domain::ids::{ArticleId, CatalogEntryId, CategoryId, TicketId, UserId};
use crate::domain::people::{Pole, Role};
use crate::domain::ticket::{ServiceDomain, TicketRef};
use crate::error::{AppError, AppResult};
use crate::i18n::{domain_label, t};
use chrono::{DateTime, Months, NaiveDate, Utc};
use chrono_tz::Europe::Paris;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Float4, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// The person is of the desk (see [`super::is_desk`]).
pub fn is_desk(user: &CurrentUser) -> bool {
    super::is_desk(&user.roles)
}

/// Who may change an article: its owner, the Back Office (which keeps the base consistent), supervisors and
/// administrators.
fn may_edit(user: &CurrentUser, owner: UserId) -> bool {
    user.id == owner
        || user.roles.has_any(&[Role::Supervisor, Role::Admin])
        || (user.roles.has(Role::Agent) && user.pole == Some(Pole::Back))
}

fn today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Paris).date_naive()
}

type SummaryRow = (ArticleId, String, String, Audience, Option<ServiceDomain>, String, NaiveDate, bool, DateTime<Utc>);
/// The summary, Markdown, HTML, owner, source ticket, version and category of one article.
type ArticleRow = (SummaryRow, String, String, UserId, Option<i64>, i32, Option<CategoryId>);

fn summary_of(row: SummaryRow, today: NaiveDate) -> ArticleSummary {
    let (id, title, summary, audience, domain, owner, review_on, archived, updated_at) = row;
    ArticleSummary {
        id,
        title,
        summary,
        audience,
        domain,
        owner,
        review_on,
        due_for_review: !archived && review_on <= today,
        archived,
        updated_at,
    }
}

macro_rules! summary_columns {
    () => {
        (
            knowledge_articles::id,
            knowledge_articles::title,
            knowledge_articles::summary,
            knowledge_articles::audience,
            knowledge_articles::domain,
            users::display_name,
            knowledge_articles::review_on,
            knowledge_articles::archived,
            knowledge_articles::updated_at,
        )
    };
}

/// An OR of the words' French stems, accents ignored: "imprimante bourrage" finds an article that speaks
/// of "bourrages d'imprimante" and one about "imprimantes" alone, the first ranked higher.
const ANY_WORD_OPEN: &str = "replace(plainto_tsquery('immo9_fr', ";
const ANY_WORD_CLOSE: &str = ")::text, '&', '|')::tsquery";

/// Articles matching a search (every word, in any order, accents and plurals ignored), best first; every
/// article the person may read, most recently changed first, when the search is empty. `due` keeps those
/// whose review date has passed (archived ones are never due).
pub async fn search(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    query: &str,
    due: bool,
    now: DateTime<Utc>,
) -> AppResult<Vec<ArticleSummary>> {
    let today = today(now);
    let mut select = knowledge_articles::table.inner_join(users::table).select(summary_columns!()).into_boxed();
    // The desk also finds archived articles (marked so), to bring one back; employees never see them.
    if !is_desk(user) {
        select = select
            .filter(knowledge_articles::audience.eq(Audience::Public))
            .filter(knowledge_articles::archived.eq(false));
    }
    if due {
        select = select.filter(knowledge_articles::review_on.le(today)).filter(knowledge_articles::archived.eq(false));
    }
    let query = query.trim();
    let rows: Vec<SummaryRow> = if fold_for_search(query).trim().is_empty() {
        select.order(knowledge_articles::updated_at.desc()).limit(200).load(conn).await?
    } else {
        select
            .filter(
                sql::<Bool>("knowledge_articles.search @@ websearch_to_tsquery('immo9_fr', ")
                    .bind::<Text, _>(query)
                    .sql(")"),
            )
            .order(
                sql::<Float4>("ts_rank_cd(knowledge_articles.search, websearch_to_tsquery('immo9_fr', ")
                    .bind::<Text, _>(query)
                    .sql(")) DESC"),
            )
            .then_order_by(knowledge_articles::id)
            .limit(50)
            .load(conn)
            .await?
    };
    Ok(rows.into_iter().map(|row| summary_of(row, today)).collect())
}

/// Up to three articles that may answer what someone is typing: public ones for employees, all for the
/// desk; articles linked to the catalog entry being filled in come first at equal relevance.
pub async fn suggest(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    text: &str,
    catalog_code: Option<&str>,
) -> AppResult<Vec<ArticleSuggestion>> {
    if fold_for_search(text).chars().filter(|c| c.is_alphanumeric()).count() < SUGGEST_MIN_CHARS {
        return Ok(Vec::new());
    }
    let text: String = text.chars().take(2000).collect();
    let entry: Option<CatalogEntryId> = match catalog_code {
        Some(code) => catalog_entries::table
            .filter(catalog_entries::code.eq(code))
            .select(catalog_entries::id)
            .first(conn)
            .await
            .optional()?,
        None => None,
    };
    let mut select = knowledge_articles::table
        .select((
            knowledge_articles::id,
            knowledge_articles::title,
            knowledge_articles::summary,
            knowledge_articles::body_html,
        ))
        .filter(knowledge_articles::archived.eq(false))
        .filter(
            sql::<Bool>("knowledge_articles.search @@ ").sql(ANY_WORD_OPEN).bind::<Text, _>(&text).sql(ANY_WORD_CLOSE),
        )
        .into_boxed();
    if !is_desk(user) {
        select = select.filter(knowledge_articles::audience.eq(Audience::Public));
    }
    let linked_bonus = entry.map_or(0, |id| id.0);
    let rows: Vec<(ArticleId, String, String, String)> = select
        .order(
            sql::<Float4>("ts_rank_cd(knowledge_articles.search, ")
                .sql(ANY_WORD_OPEN)
                .bind::<Text, _>(&text)
                .sql(ANY_WORD_CLOSE)
                .sql(
                    ", 32) + CASE WHEN EXISTS (SELECT 1 FROM knowledge_article_entries e \
                     WHERE e.article_id = knowledge_articles.id AND e.catalog_entry_id = ",
                )
                .bind::<diesel::sql_types::BigInt, _>(linked_bonus)
                .sql(") OR knowledge_articles.category_id = (SELECT c.category_id FROM catalog_entries c WHERE c.id = ")
                .bind::<diesel::sql_types::BigInt, _>(linked_bonus)
                .sql(") THEN 0.5::real ELSE 0::real END DESC"),
        )
        .then_order_by(knowledge_articles::id)
        .limit(SUGGESTIONS_SHOWN)
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, summary, body_html)| ArticleSuggestion { id, title, summary, body_html })
        .collect())
}

/// One article, if the person may read it (an internal one is "not found" to an employee).
pub async fn article(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    id: ArticleId,
    now: DateTime<Utc>,
) -> AppResult<Article> {
    let row: Option<ArticleRow> = knowledge_articles::table
        .inner_join(users::table)
        .filter(knowledge_articles::id.eq(id))
        .select((
            summary_columns!(),
            knowledge_articles::body_markdown,
            knowledge_articles::body_html,
            knowledge_articles::owner_id,
            knowledge_articles::source_ticket_id,
            knowledge_articles::version,
            knowledge_articles::category_id,
        ))
        .first(conn)
        .await
        .optional()?;
    let not_found = || AppError::not_found(t().knowledge_article_not_found);
    let (summary, body_markdown, body_html, owner_id, source, version, category) = row.ok_or_else(not_found)?;
    let summary = summary_of(summary, today(now));
    if !is_desk(user) && (summary.audience != Audience::Public || summary.archived) {
        return Err(not_found());
    }
    let catalog_entries = knowledge_article_entries::table
        .inner_join(catalog_entries::table)
        .filter(knowledge_article_entries::article_id.eq(id))
        .select((catalog_entries::id, catalog_entries::title))
        .order(catalog_entries::title)
        .load(conn)
        .await?;
    let category = match category {
        Some(category) => category_paths(conn, true)
            .await?
            .into_iter()
            .find(|(id, _, _)| *id == category)
            .map(|(id, _, path)| (id, path)),
        None => None,
    };
    let source_ticket = match source {
        Some(ticket) => Some(tickets::table.find(ticket).select(tickets::reference).first::<String>(conn).await?),
        None => None,
    };
    let deflections: i64 =
        knowledge_deflections::table.filter(knowledge_deflections::article_id.eq(id)).count().get_result(conn).await?;
    let linked_tickets: i64 =
        ticket_articles::table.filter(ticket_articles::article_id.eq(id)).count().get_result(conn).await?;
    let attachments = crate::attachments::store::of_article(conn, id).await?;
    Ok(Article {
        attachments,
        may_edit: is_desk(user) && may_edit(user, owner_id),
        summary,
        body_markdown,
        body_html,
        owner_id,
        catalog_entries,
        category,
        source_ticket: source_ticket.and_then(|reference| reference.parse().ok()),
        version,
        deflections,
        linked_tickets,
    })
}

/// Fails with "not found" when the person may not read the article (an internal or archived one, for an
/// employee): the rule its attachments follow too.
pub async fn ensure_readable(conn: &mut AsyncPgConnection, user: &CurrentUser, id: ArticleId) -> AppResult<()> {
    let row: Option<(Audience, bool)> = knowledge_articles::table
        .find(id)
        .select((knowledge_articles::audience, knowledge_articles::archived))
        .first(conn)
        .await
        .optional()?;
    match row {
        Some(_) if is_desk(user) => Ok(()),
        Some((Audience::Public, false)) => Ok(()),
        _ => Err(AppError::not_found(t().knowledge_article_not_found)),
    }
}

/// Adds screenshots and files to an article its editor may change, audited, all or none.
pub async fn attach(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    id: ArticleId,
    files: &[crate::attachments::spool::Spooled],
    limits: crate::domain::attachment::Limits,
    now: DateTime<Utc>,
) -> AppResult<Vec<crate::attachments::Attachment>> {
    use crate::attachments::store::{self, NewAttachment, Owner};
    ensure_readable(conn, user, id).await?;
    conn.transaction(async |conn| {
        let owner: UserId =
            knowledge_articles::table.find(id).select(knowledge_articles::owner_id).for_update().first(conn).await?;
        if !is_desk(user) || !may_edit(user, owner) {
            return Err(AppError::Forbidden);
        }
        let mut used = store::used_bytes(conn, Owner::Article(id)).await?;
        let mut added = Vec::with_capacity(files.len());
        for spooled in files {
            limits.check(spooled.size, used).map_err(crate::attachments::too_large)?;
            used += spooled.size;
            let new =
                NewAttachment { owner: Owner::Article(id), spooled, internal: false, uploaded_by: user.id, at: now };
            let attachment = store::attach(conn, new).await?;
            let detail =
                serde_json::json!({ "piece_jointe": attachment.id, "nom": attachment.name, "taille": attachment.size });
            audit(conn, user.id, "knowledge_article", id.to_string(), "piece_jointe", detail).await?;
            added.push(attachment);
        }
        Ok(added)
    })
    .await
}

/// Every category with its path ("Domaine › catégorie › sous-catégorie") and domain, active ones only
/// unless `with_inactive`.
async fn category_paths(
    conn: &mut AsyncPgConnection,
    with_inactive: bool,
) -> AppResult<Vec<(CategoryId, ServiceDomain, String)>> {
    let rows: Vec<(CategoryId, Option<CategoryId>, ServiceDomain, String, bool)> = categories::table
        .select((categories::id, categories::parent_id, categories::domain, categories::label, categories::active))
        .order((categories::domain, categories::position, categories::id))
        .load(conn)
        .await?;
    Ok(rows
        .iter()
        .filter(|row| with_inactive || row.4)
        .map(|(id, parent, domain, label, _)| {
            let parent = parent.and_then(|parent| rows.iter().find(|row| row.0 == parent)).map(|row| row.3.as_str());
            let path = match parent {
                Some(parent) => format!("{} › {parent} › {label}", domain_label(*domain)),
                None => format!("{} › {label}", domain_label(*domain)),
            };
            (*id, *domain, path)
        })
        .collect())
}

/// What the article form offers.
pub async fn form_choices(conn: &mut AsyncPgConnection) -> AppResult<ArticleFormChoices> {
    let catalog_entries = catalog_entries::table
        .filter(catalog_entries::active.eq(true))
        .select((catalog_entries::id, catalog_entries::title))
        .order(catalog_entries::title)
        .load(conn)
        .await?;
    let owners = users::table
        .filter(users::active.eq(true))
        .filter(
            users::id.eq_any(
                user_roles::table
                    .filter(user_roles::role.eq_any([Role::Agent, Role::Supervisor]))
                    .select(user_roles::user_id),
            ),
        )
        .select((users::id, users::display_name))
        .order(users::display_name)
        .load(conn)
        .await?;
    let categories = category_paths(conn, false).await?.into_iter().map(|(id, _, path)| (id, path)).collect();
    Ok(ArticleFormChoices { catalog_entries, categories, owners })
}

/// The draft with its text trimmed, or the first thing wrong with it.
fn checked(draft: ArticleDraft, today: NaiveDate) -> AppResult<ArticleDraft> {
    let t = t();
    let title = draft.title.trim().to_owned();
    let summary = draft.summary.trim().to_owned();
    let body = draft.body_markdown.trim().to_owned();
    if title.chars().count() < 3 {
        return Err(AppError::validation("title", t.knowledge_title_missing));
    }
    if title.chars().count() > TITLE_MAX {
        return Err(AppError::validation("title", t.knowledge_title_too_long));
    }
    if summary.chars().count() > SUMMARY_MAX {
        return Err(AppError::validation("summary", t.knowledge_summary_too_long));
    }
    if body.is_empty() {
        return Err(AppError::validation("body_markdown", t.knowledge_body_missing));
    }
    if body.chars().count() > BODY_MAX {
        return Err(AppError::validation("body_markdown", t.knowledge_body_too_long));
    }
    if draft.review_on <= today && !draft.archived {
        return Err(AppError::validation("review_on", t.knowledge_review_past));
    }
    Ok(ArticleDraft { title, summary, body_markdown: body, ..draft })
}

/// Creates an article (`id` none) or saves a new version of one, with its Markdown rendered, its catalog
/// entries replaced and an audit line, in one transaction.
pub async fn save(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    id: Option<ArticleId>,
    draft: ArticleDraft,
    now: DateTime<Utc>,
) -> AppResult<ArticleId> {
    if !is_desk(user) {
        return Err(AppError::Forbidden);
    }
    let draft = checked(draft, today(now))?;
    let html = markdown_to_html(&draft.body_markdown);
    let owner = draft.owner.unwrap_or(user.id);
    conn.transaction(async |conn| {
        let owner_is_desk: bool = diesel::select(diesel::dsl::exists(
            user_roles::table
                .inner_join(users::table)
                .filter(users::id.eq(owner))
                .filter(users::active.eq(true))
                .filter(user_roles::role.eq_any([Role::Agent, Role::Supervisor])),
        ))
        .get_result(conn)
        .await?;
        if !owner_is_desk {
            return Err(AppError::validation("owner", t().knowledge_owner_unknown));
        }
        // A category fixes the domain, so the two never disagree.
        let domain = match draft.category {
            Some(category) => Some(
                categories::table
                    .find(category)
                    .filter(categories::active.eq(true))
                    .select(categories::domain)
                    .first::<ServiceDomain>(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| AppError::validation("category", t().knowledge_category_unknown))?,
            ),
            None => draft.domain,
        };
        let known: i64 = catalog_entries::table
            .filter(catalog_entries::id.eq_any(&draft.catalog_entries))
            .count()
            .get_result(conn)
            .await?;
        let mut wanted = draft.catalog_entries.clone();
        wanted.sort();
        wanted.dedup();
        if known != wanted.len() as i64 {
            return Err(AppError::validation("catalog_entries", t().knowledge_entry_unknown));
        }
        let values = (
            knowledge_articles::title.eq(&draft.title),
            knowledge_articles::summary.eq(&draft.summary),
            knowledge_articles::body_markdown.eq(&draft.body_markdown),
            knowledge_articles::body_html.eq(&html),
            knowledge_articles::audience.eq(draft.audience),
            knowledge_articles::domain.eq(domain),
            knowledge_articles::category_id.eq(draft.category),
            knowledge_articles::owner_id.eq(owner),
            knowledge_articles::review_on.eq(draft.review_on),
            knowledge_articles::archived.eq(draft.archived),
            knowledge_articles::updated_at.eq(now),
        );
        let (article, action) = match id {
            None => {
                let id = diesel::insert_into(knowledge_articles::table)
                    .values((values, knowledge_articles::created_at.eq(now)))
                    .returning(knowledge_articles::id)
                    .get_result::<ArticleId>(conn)
                    .await?;
                (id, "CREATION")
            }
            Some(id) => {
                let current: Option<(UserId, i32)> = knowledge_articles::table
                    .find(id)
                    .select((knowledge_articles::owner_id, knowledge_articles::version))
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?;
                let (current_owner, version) =
                    current.ok_or_else(|| AppError::not_found(t().knowledge_article_not_found))?;
                if !may_edit(user, current_owner) {
                    return Err(AppError::Forbidden);
                }
                if draft.version.is_some_and(|seen| seen != version) {
                    return Err(AppError::conflict(t().knowledge_stale));
                }
                diesel::update(knowledge_articles::table.find(id))
                    .set((values, knowledge_articles::version.eq(version + 1)))
                    .execute(conn)
                    .await?;
                diesel::delete(knowledge_article_entries::table.filter(knowledge_article_entries::article_id.eq(id)))
                    .execute(conn)
                    .await?;
                (id, "MODIFICATION")
            }
        };
        let links: Vec<_> = wanted
            .iter()
            .map(|entry| {
                (knowledge_article_entries::article_id.eq(article), knowledge_article_entries::catalog_entry_id.eq(*entry))
            })
            .collect();
        diesel::insert_into(knowledge_article_entries::table).values(&links).execute(conn).await?;
        audit(
            conn,
            user.id,
            "knowledge_article",
            article.to_string(),
            action,
            serde_json::json!({"titre": draft.title, "public": draft.audience == Audience::Public, "archive": draft.archived}),
        )
        .await?;
        Ok(article)
    })
    .await
}

/// "Cela a résolu mon problème": the request ends without a ticket, and the article is credited.
pub async fn record_deflection(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    article: ArticleId,
    description: &str,
    catalog_code: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let audience: Option<(Audience, bool)> = knowledge_articles::table
        .find(article)
        .select((knowledge_articles::audience, knowledge_articles::archived))
        .first(conn)
        .await
        .optional()?;
    match audience {
        Some((Audience::Public, false)) => {}
        Some((Audience::Internal, false)) if is_desk(user) => {}
        _ => return Err(AppError::not_found(t().knowledge_article_not_found)),
    }
    let entry: Option<CatalogEntryId> = match catalog_code {
        Some(code) => Some(
            catalog_entries::table
                .filter(catalog_entries::code.eq(code))
                .select(catalog_entries::id)
                .first(conn)
                .await
                .optional()?
                .ok_or_else(|| AppError::validation("catalog_entry", t().knowledge_entry_unknown))?,
        ),
        None => None,
    };
    let description: String = description.trim().chars().take(4000).collect();
    diesel::insert_into(knowledge_deflections::table)
        .values((
            knowledge_deflections::article_id.eq(article),
            knowledge_deflections::user_id.eq(user.id),
            knowledge_deflections::catalog_entry_id.eq(entry),
            knowledge_deflections::description.eq(description),
            knowledge_deflections::at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Requests ended by articles between two instants (the deflection the KPIs count).
pub async fn deflections_between(
    conn: &mut AsyncPgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> AppResult<i64> {
    Ok(knowledge_deflections::table
        .filter(knowledge_deflections::at.ge(from))
        .filter(knowledge_deflections::at.lt(to))
        .count()
        .get_result(conn)
        .await?)
}

async fn ticket_id(conn: &mut AsyncPgConnection, reference: &TicketRef) -> AppResult<TicketId> {
    tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select(tickets::id)
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found(reference.to_string()))
}

/// The articles linked to a ticket (desk only: employees see the articles, not who linked them).
pub async fn linked(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
) -> AppResult<Vec<LinkedArticle>> {
    if !is_desk(user) {
        return Err(AppError::Forbidden);
    }
    let ticket = ticket_id(conn, reference).await?;
    let rows: Vec<(ArticleId, String, Audience, String, DateTime<Utc>)> = ticket_articles::table
        .inner_join(knowledge_articles::table)
        .inner_join(users::table.on(users::id.eq(ticket_articles::linked_by)))
        .filter(ticket_articles::ticket_id.eq(ticket))
        .select((
            knowledge_articles::id,
            knowledge_articles::title,
            knowledge_articles::audience,
            users::display_name,
            ticket_articles::linked_at,
        ))
        .order(ticket_articles::linked_at)
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, audience, linked_by, linked_at)| LinkedArticle { id, title, audience, linked_by, linked_at })
        .collect())
}

/// Links an article to a ticket (linking it twice changes nothing).
pub async fn link(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    article: ArticleId,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !is_desk(user) {
        return Err(AppError::Forbidden);
    }
    let ticket = ticket_id(conn, reference).await?;
    let exists: bool = diesel::select(diesel::dsl::exists(
        knowledge_articles::table.find(article).filter(knowledge_articles::archived.eq(false)),
    ))
    .get_result(conn)
    .await?;
    if !exists {
        return Err(AppError::validation("article", t().knowledge_article_not_found));
    }
    diesel::insert_into(ticket_articles::table)
        .values((
            ticket_articles::ticket_id.eq(ticket),
            ticket_articles::article_id.eq(article),
            ticket_articles::linked_by.eq(user.id),
            ticket_articles::linked_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

/// Writes an internal article from a resolved ticket (its description as the symptoms, its solution as the
/// answer), owned by the agent, due for review in six months and linked to the ticket. The agent then
/// rewrites it for readers and may make it public.
pub async fn from_resolution(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    reference: &TicketRef,
    now: DateTime<Utc>,
) -> AppResult<ArticleId> {
    if !is_desk(user) {
        return Err(AppError::Forbidden);
    }
    let t = t();
    let (ticket, title, description, solution, domain): (
        TicketId,
        String,
        String,
        Option<String>,
        Option<ServiceDomain>,
    ) = tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select((tickets::id, tickets::title, tickets::description, tickets::solution, tickets::domain))
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found(reference.to_string()))?;
    let solution = solution
        .filter(|solution| !solution.trim().is_empty())
        .ok_or_else(|| AppError::validation("solution", t.knowledge_no_solution))?;
    let review_on = today(now).checked_add_months(Months::new(6)).unwrap_or_else(|| today(now));
    let body = format!(
        "## {}\n\n{}\n\n## {}\n\n{}\n",
        t.knowledge_symptoms_heading,
        description.trim(),
        t.knowledge_solution_heading,
        solution.trim()
    );
    let draft = ArticleDraft {
        title: title.chars().take(TITLE_MAX).collect(),
        summary: String::new(),
        body_markdown: body,
        audience: Audience::Internal,
        domain,
        category: None,
        catalog_entries: Vec::new(),
        owner: Some(user.id),
        review_on,
        archived: false,
        version: None,
    };
    conn.transaction(async |conn| {
        let article = save(conn, user, None, draft, now).await?;
        diesel::update(knowledge_articles::table.find(article))
            .set(knowledge_articles::source_ticket_id.eq(ticket))
            .execute(conn)
            .await?;
        link(conn, user, reference, article, now).await?;
        Ok(article)
    })
    .await
}

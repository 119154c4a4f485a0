//! Server functions of the knowledge base. Thin: each checks who is asking, then calls the service, which
//! decides what an employee may read and who may write.

use super::{Article, ArticleDraft, ArticleFormChoices, ArticleSuggestion, ArticleSummary, LinkedArticle};
use crate::domain::ids::ArticleId;
use crate::domain::ticket::TicketRef;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// Articles matching a search (all readable ones when empty); `due` keeps those due for review.
#[server(endpoint = "connaissances", input = Json)]
pub async fn search_articles(query: String, due: bool) -> Result<Vec<ArticleSummary>, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Knowledge).await?;
    super::service::search(&mut conn, &user, &query, due, now).await
}

/// One article.
#[server(endpoint = "connaissances_article", input = Json)]
pub async fn get_article(id: ArticleId) -> Result<Article, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Knowledge).await?;
    super::service::article(&mut conn, &user, id, now).await
}

/// The choices the article form offers; none for an employee, who does not write articles.
#[server(endpoint = "connaissances_choix", input = Json)]
pub async fn load_article_choices() -> Result<Option<ArticleFormChoices>, AppError> {
    let SignedIn { user, mut conn, .. } = authorize(Area::Knowledge).await?;
    if !super::service::is_desk(&user) {
        return Ok(None);
    }
    super::service::form_choices(&mut conn).await.map(Some)
}

/// Creates an article (`id` empty) or saves a new version of it.
#[server(endpoint = "connaissances_enregistrer", input = Json)]
pub async fn save_article(id: Option<ArticleId>, draft: ArticleDraft) -> Result<ArticleId, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Knowledge).await?;
    super::service::save(&mut conn, &user, id, draft, now).await
}

/// Articles that may answer what the person is typing.
#[server(endpoint = "connaissances_suggestions", input = Json)]
pub async fn suggest_articles(text: String, catalog: Option<String>) -> Result<Vec<ArticleSuggestion>, AppError> {
    let SignedIn { user, mut conn, .. } = authorize(Area::Knowledge).await?;
    super::service::suggest(&mut conn, &user, &text, catalog.as_deref()).await
}

/// "Cela a résolu mon problème": ends the request without a ticket and credits the article.
#[server(endpoint = "connaissances_resolu", input = Json)]
pub async fn article_solved_it(
    article: ArticleId,
    description: String,
    catalog: Option<String>,
) -> Result<(), AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Knowledge).await?;
    super::service::record_deflection(&mut conn, &user, article, &description, catalog.as_deref(), now).await
}

/// The articles linked to a ticket.
#[server(endpoint = "ticket_articles", input = Json)]
pub async fn ticket_articles(reference: TicketRef) -> Result<Vec<LinkedArticle>, AppError> {
    let SignedIn { user, mut conn, .. } = authorize(Area::Queues).await?;
    super::service::linked(&mut conn, &user, &reference).await
}

/// Links an article to a ticket.
#[server(endpoint = "ticket_lier_article", input = Json)]
pub async fn link_article(reference: TicketRef, article: ArticleId) -> Result<(), AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Queues).await?;
    super::service::link(&mut conn, &user, &reference, article, now).await
}

/// Writes an internal article from the ticket's resolution and links it; answers the new article.
#[server(endpoint = "ticket_article_depuis_resolution", input = Json)]
pub async fn article_from_resolution(reference: TicketRef) -> Result<ArticleId, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Queues).await?;
    super::service::from_resolution(&mut conn, &user, &reference, now).await
}

//! The knowledge base: articles for employees (public) and agents (internal), suggested while an employee
//! describes a request, counted when one solves it without a ticket (deflection), linked to tickets and
//! written from a resolution. Wire types here; queries in `service.rs`, server fns in `api.rs`, pages in
//! `pages.rs`, suggestions in `suggest.rs`.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod service;
pub mod suggest;

use crate::domain::ids::{ArticleId, CatalogEntryId, CategoryId, UserId};
use crate::domain::ticket::{ServiceDomain, TicketRef};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// Who reads an article: every employee, or the support's agents only.
    pub enum Audience {
        Public = "PUBLIC",
        Internal = "INTERNE",
    }
}

/// An article in a list or a search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub summary: String,
    pub audience: Audience,
    pub domain: Option<ServiceDomain>,
    pub owner: String,
    pub review_on: NaiveDate,
    /// Its review date has passed: the Back Office should check it is still right.
    pub due_for_review: bool,
    pub archived: bool,
    pub updated_at: DateTime<Utc>,
}

/// One article, to read and, for its editors, to edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub summary: ArticleSummary,
    pub body_markdown: String,
    /// Rendered and sanitised when saved.
    pub body_html: String,
    pub owner_id: UserId,
    pub catalog_entries: Vec<(CatalogEntryId, String)>,
    /// Its category of the taxonomy, with its path ("Impression › Imprimantes").
    pub category: Option<(CategoryId, String)>,
    pub source_ticket: Option<TicketRef>,
    pub version: i32,
    /// Requests it ended without a ticket.
    pub deflections: i64,
    pub linked_tickets: i64,
    pub may_edit: bool,
    /// Its screenshots and files, for whoever may read it.
    pub attachments: Vec<crate::attachments::Attachment>,
}

/// What an editor writes; `version` is the one they saw, for an existing article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDraft {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub body_markdown: String,
    pub audience: Audience,
    #[serde(default)]
    pub domain: Option<ServiceDomain>,
    /// A category of the taxonomy; its domain then becomes the article's.
    #[serde(default)]
    pub category: Option<CategoryId>,
    #[serde(default)]
    pub catalog_entries: Vec<CatalogEntryId>,
    /// Who keeps it right; the writer when empty.
    #[serde(default)]
    pub owner: Option<UserId>,
    pub review_on: NaiveDate,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub version: Option<i32>,
}

/// An article offered while someone describes their need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSuggestion {
    pub id: ArticleId,
    pub title: String,
    pub summary: String,
    /// Rendered body, so the person can read it where they are.
    pub body_html: String,
}

/// An article linked to a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedArticle {
    pub id: ArticleId,
    pub title: String,
    pub audience: Audience,
    pub linked_by: String,
    pub linked_at: DateTime<Utc>,
}

/// The choices an article form offers: catalog entries and the agents who may own an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFormChoices {
    pub catalog_entries: Vec<(CatalogEntryId, String)>,
    /// Active categories with their path, in the taxonomy's order.
    pub categories: Vec<(CategoryId, String)>,
    pub owners: Vec<(UserId, String)>,
}

/// The people who treat tickets: they read internal articles, link articles to tickets and write them.
/// The server decides with it; the page uses it only to spare others buttons they could not use.
pub fn is_desk(roles: &crate::domain::people::Roles) -> bool {
    use crate::domain::people::Role;
    roles.has_any(&[Role::Agent, Role::Supervisor, Role::Quality, Role::Admin])
}

/// Limits an article must keep, checked in the browser and again on the server.
pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 400;
pub const BODY_MAX: usize = 50_000;
/// A suggestion needs this many meaningful letters typed, so one keystroke does not query.
pub const SUGGEST_MIN_CHARS: usize = 4;
pub const SUGGESTIONS_SHOWN: i64 = 3;

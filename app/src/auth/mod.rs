//! Accounts and sessions: who is signed in, signing in and out, and the checks every server function uses.

pub mod api;
pub mod cookie;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::access::Area;
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Roles, SiteKind, Typology};
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// Who is looking at a page: a person, nobody, or the reason it could not be told (the database did not
/// answer). Resolved once per page request, before rendering starts, and handed to the browser with the
/// page, so the header, the access guard and the sign-in page read it synchronously.
pub type Visitor = Result<Option<CurrentUser>, AppError>;

/// The [`Visitor`] of a page request, put in the request's extensions by the server's page middleware.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct ResolvedVisitor(pub Visitor);

/// The signed-in person, as the UI and the API see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: UserId,
    pub login: String,
    pub display_name: String,
    pub roles: Roles,
    pub pole: Option<Pole>,
    pub typology: Typology,
    pub site: SiteRef,
}

/// A site as it appears beside a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRef {
    pub id: SiteId,
    pub name: String,
    pub kind: SiteKind,
}

impl CurrentUser {
    pub fn can_open(&self, area: Area) -> bool {
        area.is_open_to(&self.roles)
    }

    pub fn first_name(&self) -> &str {
        self.display_name.split_whitespace().next().unwrap_or(&self.display_name)
    }
}

//! Accounts and sessions: who is signed in, signing in and out, and the checks every server function uses.

pub mod api;
pub mod cookie;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod ldap;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::access::Area;
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Roles, SiteKind, Typology};
use crate::error::AppError;
use api::{Login, Logout};
use leptos::prelude::{ServerAction, StoredValue};
use serde::{Deserialize, Serialize};

/// Who is looking at a page: a person, nobody, or the reason it could not be told (the database did not
/// answer). Resolved once per page request, before rendering starts, and handed to the browser with the
/// page, so the header, the access guard and the sign-in page read it synchronously.
pub type Visitor = Result<Option<CurrentUser>, AppError>;

/// The [`Visitor`] of a page request, put in the request's extensions by the server's page middleware.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct ResolvedVisitor(pub Visitor);

/// The client's address as the server's edge read it: the peer, or what a trusted proxy in front of it says
/// (`X-Forwarded-For`). Put in the request's extensions for the sign-in throttle.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

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

/// Who acts on something: a signed-in person, or the product itself (reminders, automatic resolution and
/// closure, escalations, monitoring).
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    Person(&'a CurrentUser),
    System,
}

impl Actor<'_> {
    /// The person, when a person acts.
    pub fn id(self) -> Option<UserId> {
        match self {
            Actor::Person(user) => Some(user.id),
            Actor::System => None,
        }
    }
}

/// Who is signed in, and the actions that change it; provided by [`crate::App`] to the header and the sign-in page.
#[derive(Clone, Copy)]
pub struct Session {
    pub user: StoredValue<Visitor>,
    pub login: ServerAction<Login>,
    pub logout: ServerAction<Logout>,
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

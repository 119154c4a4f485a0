//! The people and places of Immo9 as the service desk knows them: accounts, sites, poles and their members.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;

use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Role, Roles, SiteKind, Typology};
use serde::{Deserialize, Serialize};

/// A site by its name, as filters and tables show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteName {
    pub id: SiteId,
    pub name: String,
}

/// A person named beside something (a ticket's approver, an assignee, an answer to a form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: UserId,
    pub name: String,
}

/// An account as administrators list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: UserId,
    pub login: String,
    pub display_name: String,
    pub site_name: String,
    pub roles: Roles,
    pub pole: Option<Pole>,
    pub active: bool,
    pub site_id: SiteId,
    pub typology: Typology,
    /// Who approves this person's catalog requests.
    pub manager_id: Option<UserId>,
}

/// What an administrator changes in an account: where the person works, who they are to the desk, their
/// pole and roles, and who approves their requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountProfile {
    pub id: UserId,
    pub site: SiteId,
    pub typology: Typology,
    pub pole: Option<Pole>,
    pub roles: Vec<Role>,
    pub manager: Option<UserId>,
}

/// A site as an administrator creates (no id) or changes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteDraft {
    pub id: Option<SiteId>,
    pub code: String,
    pub name: String,
    pub kind: SiteKind,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRow {
    pub id: SiteId,
    pub code: String,
    pub name: String,
    pub kind: SiteKind,
    pub city: String,
}

/// A pole, its mission and the active people in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoleTeam {
    pub pole: Pole,
    pub name: String,
    pub mission: String,
    pub members: Vec<TeamMember>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: UserId,
    pub display_name: String,
    pub login: String,
    pub phone: Option<String>,
    pub roles: Roles,
    pub site_name: String,
}

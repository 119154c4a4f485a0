//! The people and places of Immo9 as the service desk knows them: accounts, sites, poles and their members.

#[cfg(feature = "ssr")]
pub mod accounts;
pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod pages;
pub mod people_pages;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod sync;

use crate::domain::directory::{AccountSource, Profile};
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Role, Roles, SiteKind, Typology};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// The manager's login, for scripts.
    pub manager_login: Option<String>,
    pub source: AccountSource,
    /// Roles and pole set by an administrator, which the directory sync leaves alone.
    pub roles_pinned: bool,
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

/// What a directory sync did: `{"created", "updated", "deactivated", "unchanged", "errors"}` and its run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncReport {
    pub run: i64,
    pub created: usize,
    pub updated: usize,
    pub deactivated: usize,
    pub unchanged: usize,
    /// What could not be done as the directory says, in French.
    pub errors: Vec<String>,
}

/// The directory's settings as an administrator sends them (`PUT /api/v1/directory`). The bind password
/// may be left out to keep the stored one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectorySettingsInput {
    pub url: String,
    #[serde(default)]
    pub starttls: bool,
    #[serde(default)]
    pub ca_file: Option<String>,
    pub bind_dn: String,
    #[serde(default)]
    pub bind_password: Option<String>,
    pub base_dn: String,
    #[serde(default)]
    pub group_base_dn: Option<String>,
    pub profile: Profile,
    /// Group name → `ROLE` or `ROLE:POLE` codes.
    #[serde(default)]
    pub group_roles: BTreeMap<String, Vec<String>>,
    /// Group name → typology code.
    #[serde(default)]
    pub group_typologies: BTreeMap<String, String>,
    /// Attribute overrides (see `domain::directory::OVERRIDE_KEYS`).
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default = "hourly_by_default")]
    pub sync_enabled: bool,
}

fn hourly_by_default() -> bool {
    true
}

/// The directory's settings as they are answered: everything but the bind password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectorySettingsShown {
    pub url: String,
    pub starttls: bool,
    pub ca_file: Option<String>,
    pub bind_dn: String,
    pub bind_password_set: bool,
    pub base_dn: String,
    pub group_base_dn: Option<String>,
    pub profile: Profile,
    pub group_roles: BTreeMap<String, Vec<String>>,
    pub group_typologies: BTreeMap<String, String>,
    pub attributes: BTreeMap<String, String>,
    pub sync_enabled: bool,
    pub updated_at: DateTime<Utc>,
}

/// One sync run as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRun {
    pub id: i64,
    pub hourly: bool,
    pub started_at: DateTime<Utc>,
    pub created: i32,
    pub updated: i32,
    pub deactivated: i32,
    pub unchanged: i32,
    pub errors: Vec<String>,
    pub failure: Option<String>,
}

/// The directory page: the settings (if any) and the last runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub settings: Option<DirectorySettingsShown>,
    pub runs: Vec<SyncRun>,
}

/// A local account an administrator creates (`POST /api/v1/accounts`). The site is named or numbered, the
/// manager given by login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    pub login: String,
    pub display_name: String,
    pub site: String,
    pub typology: Typology,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub pole: Option<Pole>,
    #[serde(default)]
    pub manager: Option<String>,
}

/// A session a person has open somewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSession {
    pub id: i64,
    pub user_agent: Option<String>,
    pub address: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The session of the request that asked.
    pub current: bool,
}

/// A session's browser and system as people recognise them ("Chrome · Windows"), from its User-Agent; the
/// start of the raw text when neither is known.
pub fn device_of(user_agent: &str) -> String {
    let has = |needle: &str| user_agent.contains(needle);
    // Order matters: Edge and Opera say "Chrome", Chrome says "Safari".
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| name);
    match (browser, system) {
        (Some(browser), Some(system)) => format!("{browser} · {system}"),
        (Some(name), None) | (None, Some(name)) => name.to_owned(),
        (None, None) => user_agent.chars().take(60).collect(),
    }
}

/// `name = value` lines, as the directory page writes maps (blank lines and `#` comments skipped). The error
/// is the number of the first line that is not `name = value`.
pub fn parse_lines(text: &str) -> Result<BTreeMap<String, String>, usize> {
    let mut map = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() && !value.trim().is_empty() => {
                map.insert(name.trim().to_owned(), value.trim().to_owned());
            }
            _ => return Err(index + 1),
        }
    }
    Ok(map)
}

/// The lines [`parse_lines`] reads back.
pub fn write_lines<'a>(pairs: impl IntoIterator<Item = (&'a String, String)>) -> String {
    pairs.into_iter().map(|(name, value)| format!("{name} = {value}")).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_name_their_browser_and_system() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
                "Edge · Windows",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
                "Chrome · Linux",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
                "Chrome · Android",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "Safari · iOS",
            ),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox · macOS"),
            ("curl/8.5.0", "curl/8.5.0"),
        ];
        for (user_agent, expected) in cases {
            assert_eq!(device_of(user_agent), expected, "{user_agent}");
        }
    }

    #[test]
    fn map_lines_read_back_what_they_write_and_name_the_bad_line() {
        let text = "sd-front = AGENT:FRONT, SUPERVISEUR:FRONT\n\n# les experts\nsd-experts=AGENT:EXPERT";
        let map = parse_lines(text).unwrap();
        assert_eq!(map.get("sd-front").map(String::as_str), Some("AGENT:FRONT, SUPERVISEUR:FRONT"));
        assert_eq!(map.get("sd-experts").map(String::as_str), Some("AGENT:EXPERT"));
        assert_eq!(parse_lines(&write_lines(map.iter().map(|(k, v)| (k, v.clone())))), Ok(map));
        assert_eq!(parse_lines("a = b\nnonsense\n"), Err(2));
        assert_eq!(parse_lines("a =\n"), Err(1));
        assert_eq!(parse_lines("disabled = employeeType=inactif").unwrap()["disabled"], "employeeType=inactif");
    }
}

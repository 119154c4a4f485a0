//! The company directory (Active Directory or OpenLDAP) as the desk reads it: profiles and their attributes,
//! RFC 4515 filter escaping, the groups' grants, and the sync plan (who is created, updated, deactivated).
//!
//! Pure: the LDAP client reads entries into [`DirectoryEntry`] values, the store reads accounts into
//! [`KnownAccount`] values, and [`plan_sync`] decides. The plan never deletes an account, never reactivates
//! one an administrator deactivated by hand, and never touches roles an administrator pinned; an empty
//! answer from the directory plans nothing (a wrong base DN must not switch the whole company off).

use crate::code_enum;
use crate::domain::catalog::fold_for_search;
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Role, Roles, SiteKind, Typology};
use std::collections::{BTreeMap, BTreeSet, HashMap};

code_enum! {
    /// The kind of directory, which sets the attribute names read by default.
    pub enum Profile {
        ActiveDirectory = "ACTIVE_DIRECTORY",
        OpenLdap = "OPENLDAP",
    }
}

code_enum! {
    /// Where an account's identity comes from.
    pub enum AccountSource {
        /// Created in the product (the demo's, administrators', contractors'): an argon2 password.
        Local = "LOCAL",
        /// Created and kept up to date by the directory sync: the directory checks the password.
        Directory = "ANNUAIRE",
    }
}

/// How the directory says an account is switched off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisabledRule {
    /// Active Directory: `userAccountControl` with the ACCOUNTDISABLE bit (2) set.
    AccountControlBit,
    /// An attribute with a given value (compared case-insensitively), e.g. `employeeType=inactif`.
    AttributeEquals { attribute: String, value: String },
    /// The directory has no such flag: removing the entry is the only way out.
    Never,
}

/// The attribute names read for a profile, after an administrator's overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributes {
    /// Which entries are people.
    pub person_filter: String,
    /// The account name typed at sign-in (`sAMAccountName`, `uid`).
    pub account_name: String,
    /// The e-mail address: the product's login.
    pub mail: String,
    /// Also accepted at sign-in (Active Directory's `userPrincipalName`).
    pub principal: Option<String>,
    pub display_name: String,
    pub phone: String,
    pub title: String,
    /// Tried in order: the first present names the site.
    pub site: Vec<String>,
    pub manager: String,
    /// Active Directory lists a person's groups on the person (`memberOf`); OpenLDAP lists the members
    /// on the group (`groupOfNames`, `member`), under the group base.
    pub member_of: Option<String>,
    pub group_filter: String,
    pub group_member: String,
    pub disabled: DisabledRule,
}

/// The override keys an administrator may set, in the order the page lists them.
pub const OVERRIDE_KEYS: &[&str] = &[
    "person_filter",
    "account_name",
    "mail",
    "display_name",
    "phone",
    "title",
    "site",
    "manager",
    "member_of",
    "group_filter",
    "group_member",
    "disabled",
];

/// What is wrong with the directory's settings, field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsProblem {
    UnknownOverride(String),
    /// An attribute name that is not `[A-Za-z][A-Za-z0-9-]*` (or an OID): it would end up in a filter.
    BadAttribute {
        key: String,
    },
    /// `disabled` is `attribute=value`, `userAccountControl` or `aucun`.
    BadDisabledRule,
    /// A person filter must be one parenthesised LDAP filter.
    BadFilter {
        key: String,
    },
    UnknownGrant {
        group: String,
        code: String,
    },
    /// AGENT and SUPERVISEUR belong to a pole: `AGENT:FRONT`.
    GrantNeedsPole {
        group: String,
        code: String,
    },
    UnknownTypology {
        group: String,
        code: String,
    },
    EmptyGroupName,
}

fn is_attribute_name(name: &str) -> bool {
    let mut chars = name.chars();
    let descriptor =
        chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '-');
    let oid = !name.is_empty()
        && name.split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        && name.contains('.');
    (descriptor || oid) && name.len() <= 64
}

/// A filter an administrator typed: one balanced, parenthesised expression.
fn is_filter(filter: &str) -> bool {
    let filter = filter.trim();
    if !filter.starts_with('(') || !filter.ends_with(')') || filter.len() > 512 {
        return false;
    }
    let mut depth = 0i32;
    for (index, c) in filter.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 || (depth == 0 && index != filter.len() - 1) {
                    return false;
                }
            }
            '\0' => return false,
            _ => {}
        }
    }
    depth == 0
}

impl Attributes {
    /// The defaults of `profile`, with `overrides` (keys of [`OVERRIDE_KEYS`]) applied.
    pub fn for_profile(profile: Profile, overrides: &BTreeMap<String, String>) -> Result<Attributes, SettingsProblem> {
        let mut attributes = match profile {
            Profile::ActiveDirectory => Attributes {
                person_filter: "(&(objectCategory=person)(objectClass=user))".into(),
                account_name: "sAMAccountName".into(),
                mail: "mail".into(),
                principal: Some("userPrincipalName".into()),
                display_name: "displayName".into(),
                phone: "telephoneNumber".into(),
                title: "title".into(),
                site: vec!["physicalDeliveryOfficeName".into(), "l".into()],
                manager: "manager".into(),
                member_of: Some("memberOf".into()),
                group_filter: "(objectClass=group)".into(),
                group_member: "member".into(),
                disabled: DisabledRule::AccountControlBit,
            },
            Profile::OpenLdap => Attributes {
                person_filter: "(objectClass=inetOrgPerson)".into(),
                account_name: "uid".into(),
                mail: "mail".into(),
                principal: None,
                display_name: "displayName".into(),
                phone: "telephoneNumber".into(),
                title: "title".into(),
                site: vec!["l".into()],
                manager: "manager".into(),
                member_of: None,
                group_filter: "(objectClass=groupOfNames)".into(),
                group_member: "member".into(),
                disabled: DisabledRule::Never,
            },
        };
        for (key, value) in overrides {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let attribute = || {
                if is_attribute_name(value) {
                    Ok(value.to_owned())
                } else {
                    Err(SettingsProblem::BadAttribute { key: key.clone() })
                }
            };
            let filter = || {
                if is_filter(value) {
                    Ok(value.to_owned())
                } else {
                    Err(SettingsProblem::BadFilter { key: key.clone() })
                }
            };
            match key.as_str() {
                "person_filter" => attributes.person_filter = filter()?,
                "group_filter" => attributes.group_filter = filter()?,
                "account_name" => attributes.account_name = attribute()?,
                "mail" => attributes.mail = attribute()?,
                "display_name" => attributes.display_name = attribute()?,
                "phone" => attributes.phone = attribute()?,
                "title" => attributes.title = attribute()?,
                "manager" => attributes.manager = attribute()?,
                "group_member" => attributes.group_member = attribute()?,
                "member_of" => attributes.member_of = Some(attribute()?),
                "site" => {
                    let names: Vec<String> = value.split(',').map(|name| name.trim().to_owned()).collect();
                    if names.iter().any(|name| !is_attribute_name(name)) {
                        return Err(SettingsProblem::BadAttribute { key: key.clone() });
                    }
                    attributes.site = names;
                }
                "disabled" => attributes.disabled = parse_disabled_rule(value)?,
                _ => return Err(SettingsProblem::UnknownOverride(key.clone())),
            }
        }
        Ok(attributes)
    }

    /// Every attribute a people search asks for.
    pub fn requested(&self) -> Vec<String> {
        let mut names = vec![
            self.account_name.clone(),
            self.mail.clone(),
            self.display_name.clone(),
            "cn".to_owned(),
            self.phone.clone(),
            self.title.clone(),
            self.manager.clone(),
        ];
        names.extend(self.principal.iter().cloned());
        names.extend(self.site.iter().cloned());
        names.extend(self.member_of.iter().cloned());
        match &self.disabled {
            DisabledRule::AccountControlBit => names.push("userAccountControl".to_owned()),
            DisabledRule::AttributeEquals { attribute, .. } => names.push(attribute.clone()),
            DisabledRule::Never => {}
        }
        names.sort();
        names.dedup();
        names
    }

    /// The filter that finds the person who typed `login` at sign-in: their address, account name or
    /// principal name, among people. The login is escaped ([`escape_filter_value`]).
    pub fn sign_in_filter(&self, login: &str) -> String {
        let value = escape_filter_value(login.trim());
        let mut alternatives = format!("({}={value})({}={value})", self.mail, self.account_name);
        if let Some(principal) = &self.principal {
            alternatives.push_str(&format!("({principal}={value})"));
        }
        format!("(&{}(|{alternatives}))", self.person_filter)
    }
}

fn parse_disabled_rule(value: &str) -> Result<DisabledRule, SettingsProblem> {
    if value.eq_ignore_ascii_case("userAccountControl") {
        return Ok(DisabledRule::AccountControlBit);
    }
    if value.eq_ignore_ascii_case("aucun") {
        return Ok(DisabledRule::Never);
    }
    match value.split_once('=') {
        Some((attribute, flag)) if is_attribute_name(attribute.trim()) && !flag.trim().is_empty() => {
            Ok(DisabledRule::AttributeEquals { attribute: attribute.trim().to_owned(), value: flag.trim().to_owned() })
        }
        _ => Err(SettingsProblem::BadDisabledRule),
    }
}

/// Escapes a value for an LDAP search filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL become `\2a`, `\28`,
/// `\29`, `\5c` and `\00`, so what a person types can never change the filter's shape.
pub fn escape_filter_value(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '*' => escaped.push_str("\\2a"),
            '(' => escaped.push_str("\\28"),
            ')' => escaped.push_str("\\29"),
            '\\' => escaped.push_str("\\5c"),
            '\0' => escaped.push_str("\\00"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The name of a group from its DN: the value of its first RDN (`CN=sd-front,OU=Groupes,…` → `sd-front`),
/// with RFC 4514 escapes (`\,`, `\2C`) undone.
pub fn group_name_of_dn(dn: &str) -> Option<String> {
    let mut value: Vec<u8> = Vec::new();
    let mut bytes = dn.bytes().peekable();
    let mut in_value = false;
    while let Some(byte) = bytes.next() {
        match byte {
            b'\\' => {
                let first = bytes.next()?;
                let second = bytes.peek().copied();
                match (char::from(first).to_digit(16), second.and_then(|b| char::from(b).to_digit(16))) {
                    (Some(high), Some(low)) => {
                        bytes.next();
                        value.push((high * 16 + low) as u8);
                    }
                    _ => value.push(first),
                }
            }
            b'=' if !in_value => in_value = true,
            b',' | b'+' if in_value => break,
            byte if in_value => value.push(byte),
            _ => {}
        }
    }
    let value = String::from_utf8(value).ok()?.trim().to_owned();
    (in_value && !value.is_empty()).then_some(value)
}

/// Whether two DNs name the same entry, as directories compare them: case and spaces around separators aside.
pub fn same_dn(a: &str, b: &str) -> bool {
    normalise_dn(a) == normalise_dn(b)
}

pub fn normalise_dn(dn: &str) -> String {
    dn.split(',').map(|rdn| rdn.trim().to_lowercase()).collect::<Vec<_>>().join(",")
}

/// One role a group gives: `AGENT:FRONT` gives the agent role in the Front Office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Grant {
    pub role: Role,
    pub pole: Option<Pole>,
}

/// What the groups of the directory give: roles (with a pole for agents and supervisors) and typologies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupRules {
    /// Group names folded to lower case.
    pub grants: BTreeMap<String, Vec<Grant>>,
    pub typologies: BTreeMap<String, Typology>,
}

impl GroupRules {
    /// Reads `group_roles` (group → `ROLE` or `ROLE:POLE` codes) and `group_typologies` (group → code).
    pub fn parse(
        roles: &BTreeMap<String, Vec<String>>,
        typologies: &BTreeMap<String, String>,
    ) -> Result<GroupRules, SettingsProblem> {
        let mut rules = GroupRules::default();
        for (group, codes) in roles {
            let name = group.trim().to_lowercase();
            if name.is_empty() {
                return Err(SettingsProblem::EmptyGroupName);
            }
            let mut grants = Vec::new();
            for code in codes {
                let unknown = || SettingsProblem::UnknownGrant { group: group.clone(), code: code.clone() };
                let (role, pole) = match code.trim().split_once(':') {
                    Some((role, pole)) => (role, Some(Pole::from_code(pole.trim()).ok_or_else(unknown)?)),
                    None => (code.trim(), None),
                };
                let role = Role::from_code(role.trim()).ok_or_else(unknown)?;
                if matches!(role, Role::Agent | Role::Supervisor) && pole.is_none() {
                    return Err(SettingsProblem::GrantNeedsPole { group: group.clone(), code: code.clone() });
                }
                grants.push(Grant { role, pole });
            }
            grants.sort();
            grants.dedup();
            rules.grants.insert(name, grants);
        }
        for (group, code) in typologies {
            let name = group.trim().to_lowercase();
            if name.is_empty() {
                return Err(SettingsProblem::EmptyGroupName);
            }
            let typology = Typology::from_code(code.trim())
                .ok_or_else(|| SettingsProblem::UnknownTypology { group: group.clone(), code: code.clone() })?;
            rules.typologies.insert(name, typology);
        }
        Ok(rules)
    }

    /// The roles and pole the groups give. Everyone is a requester; the pole is the first (in pole order)
    /// of the grants that carry one.
    pub fn access(&self, groups: &[String]) -> (Roles, Option<Pole>) {
        let grants: BTreeSet<Grant> = groups
            .iter()
            .filter_map(|group| self.grants.get(&group.to_lowercase()))
            .flat_map(|grants| grants.iter().copied())
            .collect();
        let pole = grants.iter().filter_map(|grant| grant.pole).min();
        (Roles::new(grants.iter().map(|grant| grant.role)), pole)
    }

    /// The typology a group gives, or the one of the person's site kind.
    pub fn typology(&self, groups: &[String], site_kind: Option<SiteKind>) -> Typology {
        groups.iter().filter_map(|group| self.typologies.get(&group.to_lowercase()).copied()).min().unwrap_or(
            match site_kind {
                Some(SiteKind::Agency) => Typology::Agency,
                Some(SiteKind::ConstructionSite) => Typology::ConstructionSite,
                Some(SiteKind::HeadOffice) | None => Typology::HeadOffice,
            },
        )
    }
}

/// A person as the directory describes them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirectoryEntry {
    pub dn: String,
    /// The account name (`sAMAccountName`, `uid`).
    pub account_name: Option<String>,
    pub mail: Option<String>,
    pub display_name: Option<String>,
    pub phone: Option<String>,
    pub title: Option<String>,
    pub site: Option<String>,
    pub manager_dn: Option<String>,
    /// Group names (not DNs).
    pub groups: Vec<String>,
    pub disabled: bool,
}

/// An account as the product holds it, as far as the sync is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownAccount {
    pub id: UserId,
    pub login: String,
    pub source: AccountSource,
    pub directory_dn: Option<String>,
    pub profile: SyncedProfile,
    pub active: bool,
    /// Switched off by an administrator: the sync never switches it back on.
    pub deactivated_by_admin: bool,
    /// Roles and pole set by an administrator: the sync leaves them as they are.
    pub roles_pinned: bool,
}

/// What the sync keeps up to date on an account. The manager is named by its DN: ids of accounts the same
/// run creates are not known yet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncedProfile {
    pub login: String,
    pub account_name: Option<String>,
    pub display_name: String,
    pub phone: Option<String>,
    pub title: Option<String>,
    pub site: Option<SiteId>,
    pub typology: Option<Typology>,
    pub roles: Roles,
    pub pole: Option<Pole>,
    pub manager_dn: Option<String>,
}

/// A site the directory's site names are matched against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownSite {
    pub id: SiteId,
    pub name: String,
    pub kind: SiteKind,
}

/// Something the sync could not do as the directory says, reported to the administrator.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum SyncProblem {
    /// The directory answered nobody while accounts came from it: nothing was deactivated.
    EmptyDirectory,
    /// An entry without an e-mail address cannot sign in nor be told anything.
    NoMail { dn: String },
    /// Two entries with one address: neither is imported.
    DuplicateMail { login: String },
    /// A local account (the demo's, a contractor's) already has this address: left alone.
    LocalHomonym { login: String },
    /// No Immo9 site has this name: the account keeps its site, or is created at the head office.
    UnknownSite { login: String, site: String },
    /// The manager's DN is not a person of the directory: the account keeps its manager.
    UnknownManager { login: String, manager_dn: String },
    /// A person listed as their own manager.
    SelfManager { login: String },
}

/// An account the sync creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creation {
    pub dn: String,
    pub profile: SyncedProfile,
}

/// An account whose profile (or activity) changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub id: UserId,
    pub dn: String,
    pub before: SyncedProfile,
    pub after: SyncedProfile,
    /// Switched back on: it had been switched off by a sync, and is back in the directory.
    pub reactivate: bool,
}

/// Why an account is switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Departure {
    /// Its entry is no longer in the directory.
    Gone,
    /// The directory marks it disabled.
    Disabled,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncPlan {
    pub creations: Vec<Creation>,
    pub updates: Vec<Update>,
    pub deactivations: Vec<(UserId, Departure)>,
    pub unchanged: usize,
    pub problems: Vec<SyncProblem>,
}

impl SyncPlan {
    /// Whether a run of this plan changes nothing.
    pub fn is_empty(&self) -> bool {
        self.creations.is_empty() && self.updates.is_empty() && self.deactivations.is_empty()
    }
}

fn non_empty(value: &Option<String>) -> Option<String> {
    value.as_ref().map(|value| value.trim().to_owned()).filter(|value| !value.is_empty())
}

/// Decides what a sync does, from the directory's people, the product's accounts and its sites.
///
/// An entry is matched to an account by its DN, else by its address among the directory's accounts; a
/// local account with the same address is reported and left alone. The default site (for a person whose
/// site is unknown) is the first head office.
pub fn plan_sync(
    entries: &[DirectoryEntry],
    accounts: &[KnownAccount],
    sites: &[KnownSite],
    rules: &GroupRules,
) -> SyncPlan {
    let mut plan = SyncPlan::default();
    let directory_accounts = accounts.iter().filter(|account| account.source == AccountSource::Directory);
    // Nobody at all is a wrong base or filter far more often than an empty company: said, and nothing done.
    if entries.is_empty() {
        plan.problems.push(SyncProblem::EmptyDirectory);
        return plan;
    }
    let site_by_name: HashMap<String, &KnownSite> =
        sites.iter().map(|site| (fold_for_search(site.name.trim()), site)).collect();
    let head_office = sites.iter().find(|site| site.kind == SiteKind::HeadOffice).or(sites.first());
    let by_dn: HashMap<String, &KnownAccount> = accounts
        .iter()
        .filter_map(|account| account.directory_dn.as_ref().map(|dn| (normalise_dn(dn), account)))
        .collect();
    let by_login: HashMap<String, &KnownAccount> =
        accounts.iter().map(|account| (account.login.to_lowercase(), account)).collect();

    // Addresses seen twice are nobody's: importing either would be a guess.
    let mut mail_count: HashMap<String, usize> = HashMap::new();
    for entry in entries {
        if let Some(mail) = non_empty(&entry.mail) {
            *mail_count.entry(mail.to_lowercase()).or_default() += 1;
        }
    }
    // Managers are named by the DN their own entry has, whatever case the `manager` attribute wrote it in.
    let people_dns: HashMap<String, &str> =
        entries.iter().map(|entry| (normalise_dn(&entry.dn), entry.dn.as_str())).collect();
    let mut seen: BTreeSet<UserId> = BTreeSet::new();
    let mut reported_duplicates = BTreeSet::new();

    for entry in entries {
        let Some(login) = non_empty(&entry.mail).map(|mail| mail.to_lowercase()) else {
            plan.problems.push(SyncProblem::NoMail { dn: entry.dn.clone() });
            continue;
        };
        let account = by_dn
            .get(&normalise_dn(&entry.dn))
            .copied()
            .or_else(|| by_login.get(&login).copied().filter(|account| account.source == AccountSource::Directory));
        if let Some(account) = account {
            seen.insert(account.id);
        }
        if mail_count.get(&login).copied().unwrap_or(0) > 1 {
            if reported_duplicates.insert(login.clone()) {
                plan.problems.push(SyncProblem::DuplicateMail { login });
            }
            continue;
        }
        if account.is_none() && by_login.contains_key(&login) {
            plan.problems.push(SyncProblem::LocalHomonym { login });
            continue;
        }

        let site_name = non_empty(&entry.site);
        let matched_site = site_name.as_ref().and_then(|name| site_by_name.get(&fold_for_search(name)).copied());
        if let (Some(name), None) = (&site_name, matched_site) {
            plan.problems.push(SyncProblem::UnknownSite { login: login.clone(), site: name.clone() });
        }
        let manager_dn = match non_empty(&entry.manager_dn) {
            Some(dn) if same_dn(&dn, &entry.dn) => {
                plan.problems.push(SyncProblem::SelfManager { login: login.clone() });
                account.and_then(|account| account.profile.manager_dn.clone())
            }
            Some(dn) if people_dns.contains_key(&normalise_dn(&dn)) => {
                people_dns.get(&normalise_dn(&dn)).map(|own| (*own).to_owned())
            }
            Some(dn) => {
                plan.problems.push(SyncProblem::UnknownManager { login: login.clone(), manager_dn: dn });
                account.and_then(|account| account.profile.manager_dn.clone())
            }
            None => None,
        };
        let (roles, pole) = rules.access(&entry.groups);
        let site = matched_site
            .map(|site| site.id)
            .or_else(|| account.and_then(|account| account.profile.site))
            .or(head_office.map(|site| site.id));
        let site_kind = sites.iter().find(|known| Some(known.id) == site).map(|known| known.kind);
        let mut desired = SyncedProfile {
            login: login.clone(),
            account_name: non_empty(&entry.account_name),
            display_name: non_empty(&entry.display_name).unwrap_or_else(|| login.clone()),
            phone: non_empty(&entry.phone),
            title: non_empty(&entry.title),
            site,
            typology: Some(rules.typology(&entry.groups, site_kind)),
            roles,
            pole,
            manager_dn,
        };

        match account {
            None if entry.disabled => {}
            None => plan.creations.push(Creation { dn: entry.dn.clone(), profile: desired }),
            Some(account) => {
                if entry.disabled {
                    if account.active {
                        plan.deactivations.push((account.id, Departure::Disabled));
                    } else {
                        plan.unchanged += 1;
                    }
                    continue;
                }
                if account.roles_pinned {
                    desired.roles = account.profile.roles.clone();
                    desired.pole = account.profile.pole;
                }
                let reactivate = !account.active && !account.deactivated_by_admin;
                let dn_changed = account.directory_dn.as_deref().is_none_or(|dn| dn != entry.dn);
                if desired != account.profile || reactivate || dn_changed {
                    plan.updates.push(Update {
                        id: account.id,
                        dn: entry.dn.clone(),
                        before: account.profile.clone(),
                        after: desired,
                        reactivate,
                    });
                } else {
                    plan.unchanged += 1;
                }
            }
        }
    }
    for account in directory_accounts {
        if !seen.contains(&account.id) && account.active {
            plan.deactivations.push((account.id, Departure::Gone));
        }
    }
    plan.problems.sort();
    plan.problems.dedup();
    plan
}

/// The figures a sync run answers, as the API and the page show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SyncCounts {
    pub created: usize,
    pub updated: usize,
    pub deactivated: usize,
    pub unchanged: usize,
}

impl SyncPlan {
    pub fn counts(&self) -> SyncCounts {
        SyncCounts {
            created: self.creations.len(),
            updated: self.updates.len(),
            deactivated: self.deactivations.len(),
            unchanged: self.unchanged,
        }
    }
}

#[cfg(test)]
mod tests;

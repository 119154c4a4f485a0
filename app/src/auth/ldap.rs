//! The LDAP client of the company directory: connects (ldaps://, or ldap:// with StartTLS; the certificate
//! always checked, against the system's authorities or a given CA file), reads the people with their
//! groups for the sync, and checks a person's password by searching their DN with the service account and
//! binding as it. Every operation has a deadline: a directory that does not answer is an error, not a hang.

use crate::db::schema::directory_settings;
use crate::domain::directory::{
    Attributes, DirectoryEntry, DisabledRule, GroupRules, Profile, group_name_of_dn, normalise_dn,
};
use crate::error::{AppError, AppResult};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, LdapError, Scope, SearchEntry};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// How long connecting, binding or one search page may take.
const DEADLINE: Duration = Duration::from_secs(8);
/// Active Directory answers at most 1,000 entries per page by default.
const PAGE_SIZE: i32 = 500;

/// Where and how to reach the directory, and what to read in it.
#[derive(Debug, Clone)]
pub struct Connection {
    pub url: String,
    pub starttls: bool,
    pub ca_file: Option<String>,
    pub bind_dn: String,
    pub bind_password: String,
    pub base_dn: String,
    pub group_base_dn: Option<String>,
    pub attributes: Attributes,
}

/// Why talking to the directory failed.
#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    /// No answer, a refused connection, a TLS failure (an unknown or wrong certificate).
    #[error("annuaire injoignable : {0}")]
    Unreachable(String),
    /// The service account was refused (wrong DN or password).
    #[error("compte de service refusé : {0}")]
    ServiceAccountRefused(String),
    /// The directory answered an error to a search (a wrong base DN, say).
    #[error("recherche refusée : {0}")]
    SearchFailed(String),
    #[error("fichier d'autorité de certification : {0}")]
    CaFile(String),
}

impl From<DirectoryError> for AppError {
    fn from(error: DirectoryError) -> Self {
        tracing::warn!(%error, "company directory");
        match error {
            DirectoryError::Unreachable(_) => AppError::DirectoryUnavailable,
            DirectoryError::ServiceAccountRefused(_) => {
                AppError::conflict(crate::i18n::t().people.directory_wrong_service_account)
            }
            DirectoryError::SearchFailed(reason) => AppError::conflict(reason),
            DirectoryError::CaFile(_) => {
                AppError::validation("ca_file", crate::i18n::t().people.directory_ca_file_unreadable)
            }
        }
    }
}

fn unreachable(error: LdapError) -> DirectoryError {
    DirectoryError::Unreachable(error.to_string())
}

/// The TLS settings: the system's authorities, plus the CA file's when one is given.
fn tls_config(ca_file: Option<&str>) -> Result<Option<Arc<rustls::ClientConfig>>, DirectoryError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let Some(path) = ca_file.map(str::trim).filter(|path| !path.is_empty()) else { return Ok(None) };
    let mut roots = rustls::RootCertStore::empty();
    for certificate in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(certificate);
    }
    let mut added = 0;
    for certificate in CertificateDer::pem_file_iter(path).map_err(|error| DirectoryError::CaFile(error.to_string()))? {
        let certificate = certificate.map_err(|error| DirectoryError::CaFile(error.to_string()))?;
        roots.add(certificate).map_err(|error| DirectoryError::CaFile(error.to_string()))?;
        added += 1;
    }
    if added == 0 {
        return Err(DirectoryError::CaFile(format!("{path} : aucun certificat")));
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|error| DirectoryError::CaFile(error.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Some(Arc::new(config)))
}

/// Checks that a CA file can be read, for the settings form.
pub fn check_ca_file(ca_file: Option<&str>) -> Result<(), DirectoryError> {
    tls_config(ca_file).map(|_| ())
}

impl Connection {
    async fn open(&self) -> Result<Ldap, DirectoryError> {
        let mut settings = LdapConnSettings::new()
            .set_conn_timeout(DEADLINE)
            .set_starttls(self.starttls && self.url.starts_with("ldap://"));
        if let Some(config) = tls_config(self.ca_file.as_deref())? {
            settings = settings.set_config(config);
        }
        let (connection, ldap) = LdapConnAsync::with_settings(settings, &self.url).await.map_err(unreachable)?;
        tokio::spawn(async move {
            if let Err(error) = connection.drive().await {
                tracing::debug!(%error, "directory connection ended");
            }
        });
        Ok(ldap)
    }

    /// A connection bound as the service account.
    async fn as_service(&self) -> Result<Ldap, DirectoryError> {
        let mut ldap = self.open().await?;
        let result =
            ldap.with_timeout(DEADLINE).simple_bind(&self.bind_dn, &self.bind_password).await.map_err(unreachable)?;
        if result.rc != 0 {
            let _ = ldap.unbind().await;
            return Err(DirectoryError::ServiceAccountRefused(result.to_string()));
        }
        Ok(ldap)
    }

    /// Checks the settings: the service account binds and the base answers.
    pub async fn test(&self) -> Result<(), DirectoryError> {
        let mut ldap = self.as_service().await?;
        let result = ldap
            .with_timeout(DEADLINE)
            .search(&self.base_dn, Scope::Base, "(objectClass=*)", vec!["1.1"])
            .await
            .map_err(unreachable)?;
        let _ = ldap.unbind().await;
        result.success().map(|_| ()).map_err(|error| DirectoryError::SearchFailed(error.to_string()))
    }

    /// Every person under the base, with their groups.
    pub async fn read_people(&self) -> Result<Vec<DirectoryEntry>, DirectoryError> {
        let mut ldap = self.as_service().await?;
        let attributes = self.attributes.requested();
        let people = paged_search(&mut ldap, &self.base_dn, &self.attributes.person_filter, attributes).await?;
        let memberships = match (&self.attributes.member_of, &self.group_base_dn) {
            (Some(_), _) => None,
            (None, Some(group_base)) => Some(self.read_group_members(&mut ldap, group_base).await?),
            (None, None) => Some(HashMap::new()),
        };
        let _ = ldap.unbind().await;
        Ok(people.into_iter().map(|entry| self.to_entry(entry, memberships.as_ref())).collect())
    }

    /// OpenLDAP: member DN → the names of their groups.
    async fn read_group_members(
        &self,
        ldap: &mut Ldap,
        group_base: &str,
    ) -> Result<HashMap<String, Vec<String>>, DirectoryError> {
        let member = self.attributes.group_member.clone();
        let groups =
            paged_search(ldap, group_base, &self.attributes.group_filter, vec!["cn".to_owned(), member.clone()])
                .await?;
        let mut by_member: HashMap<String, Vec<String>> = HashMap::new();
        for group in groups {
            let name = first(&group, "cn").or_else(|| group_name_of_dn(&group.dn));
            let Some(name) = name else { continue };
            for dn in all(&group, &member) {
                by_member.entry(normalise_dn(dn)).or_default().push(name.clone());
            }
        }
        Ok(by_member)
    }

    fn to_entry(&self, entry: SearchEntry, memberships: Option<&HashMap<String, Vec<String>>>) -> DirectoryEntry {
        let attributes = &self.attributes;
        let groups = match (memberships, &attributes.member_of) {
            (Some(by_member), _) => by_member.get(&normalise_dn(&entry.dn)).cloned().unwrap_or_default(),
            (None, Some(member_of)) => all(&entry, member_of).filter_map(|dn| group_name_of_dn(dn)).collect(),
            (None, None) => Vec::new(),
        };
        let disabled = match &attributes.disabled {
            DisabledRule::AccountControlBit => first(&entry, "userAccountControl")
                .and_then(|flags| flags.trim().parse::<u32>().ok())
                .is_some_and(|flags| flags & 2 != 0),
            DisabledRule::AttributeEquals { attribute, value } => {
                all(&entry, attribute).any(|present| present.trim().eq_ignore_ascii_case(value))
            }
            DisabledRule::Never => false,
        };
        DirectoryEntry {
            account_name: first(&entry, &attributes.account_name),
            mail: first(&entry, &attributes.mail),
            display_name: first(&entry, &attributes.display_name).or_else(|| first(&entry, "cn")),
            phone: first(&entry, &attributes.phone),
            title: first(&entry, &attributes.title),
            site: attributes.site.iter().find_map(|name| first(&entry, name)),
            manager_dn: first(&entry, &attributes.manager),
            groups,
            disabled,
            dn: entry.dn,
        }
    }

    /// Checks a person's password: finds their entry with the service account, then binds as it. `None`
    /// when nobody has this login or the password is wrong (the two are not told apart), or when the
    /// directory says the account is disabled.
    pub async fn authenticate(&self, login: &str, password: &str) -> Result<Option<DirectoryEntry>, DirectoryError> {
        // An empty password is an anonymous ("unauthenticated") bind that many servers accept: never sent.
        if password.is_empty() || login.trim().is_empty() {
            return Ok(None);
        }
        let mut ldap = self.as_service().await?;
        let filter = self.attributes.sign_in_filter(login);
        let found = ldap
            .with_timeout(DEADLINE)
            .search(&self.base_dn, Scope::Subtree, &filter, self.attributes.requested())
            .await
            .map_err(unreachable)?
            .success()
            .map_err(|error| DirectoryError::SearchFailed(error.to_string()))?;
        let _ = ldap.unbind().await;
        // Nobody, or several people answering one login: no guess.
        let mut found = found.0;
        if found.len() != 1 {
            return Ok(None);
        }
        let entry = self.to_entry(SearchEntry::construct(found.remove(0)), Some(&HashMap::new()));
        if entry.disabled {
            return Ok(None);
        }
        let mut own = self.open().await?;
        let bound = own.with_timeout(DEADLINE).simple_bind(&entry.dn, password).await.map_err(unreachable)?;
        let _ = own.unbind().await;
        // 49 is "invalid credentials"; any other refusal (a locked account, a password to change) is no
        // sign-in either.
        Ok((bound.rc == 0).then_some(entry))
    }
}

/// A subtree search in pages, entries only (referrals skipped), each page within the deadline.
async fn paged_search(
    ldap: &mut Ldap,
    base: &str,
    filter: &str,
    attributes: Vec<String>,
) -> Result<Vec<SearchEntry>, DirectoryError> {
    let adapters: Vec<Box<dyn Adapter<_, _>>> =
        vec![Box::new(EntriesOnly::new()), Box::new(PagedResults::new(PAGE_SIZE))];
    let mut stream = ldap
        .with_timeout(DEADLINE)
        .streaming_search_with(adapters, base, Scope::Subtree, filter, attributes)
        .await
        .map_err(unreachable)?;
    let mut entries = Vec::new();
    while let Some(entry) = stream.next().await.map_err(unreachable)? {
        entries.push(SearchEntry::construct(entry));
    }
    stream.finish().await.success().map_err(|error| DirectoryError::SearchFailed(error.to_string()))?;
    Ok(entries)
}

/// The values of an attribute, whatever the case the server wrote its name in.
fn all<'a>(entry: &'a SearchEntry, name: &str) -> impl Iterator<Item = &'a String> + 'a {
    let name = name.to_lowercase();
    entry.attrs.iter().filter(move |(key, _)| key.to_lowercase() == name).flat_map(|(_, values)| values.iter())
}

fn first(entry: &SearchEntry, name: &str) -> Option<String> {
    all(entry, name).map(|value| value.trim()).find(|value| !value.is_empty()).map(str::to_owned)
}

/// The directory as an administrator configured it: how to reach it, what its groups give, whether the
/// hourly sync runs.
#[derive(Debug, Clone)]
pub struct Configured {
    pub connection: Connection,
    pub profile: Profile,
    pub rules: GroupRules,
    pub sync_enabled: bool,
}

/// The stored settings row, as written.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = directory_settings)]
pub struct SettingsRow {
    pub url: String,
    pub starttls: bool,
    pub ca_file: Option<String>,
    pub bind_dn: String,
    pub bind_password: String,
    pub base_dn: String,
    pub group_base_dn: Option<String>,
    pub profile: Profile,
    pub group_roles: serde_json::Value,
    pub group_typologies: serde_json::Value,
    pub attributes: serde_json::Value,
    pub sync_enabled: bool,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl SettingsRow {
    pub fn group_roles(&self) -> BTreeMap<String, Vec<String>> {
        serde_json::from_value(self.group_roles.clone()).unwrap_or_default()
    }

    pub fn group_typologies(&self) -> BTreeMap<String, String> {
        serde_json::from_value(self.group_typologies.clone()).unwrap_or_default()
    }

    pub fn attributes(&self) -> BTreeMap<String, String> {
        serde_json::from_value(self.attributes.clone()).unwrap_or_default()
    }

    /// The connection and rules these settings describe. They were checked when saved; a row that no
    /// longer reads (edited by hand in the database) is an internal error, logged.
    pub fn configured(&self) -> AppResult<Configured> {
        let broken = || AppError::internal("directory_settings row does not read");
        let profile = self.profile;
        let attributes = Attributes::for_profile(profile, &self.attributes()).map_err(|_| broken())?;
        let rules = GroupRules::parse(&self.group_roles(), &self.group_typologies()).map_err(|_| broken())?;
        Ok(Configured {
            connection: Connection {
                url: self.url.clone(),
                starttls: self.starttls,
                ca_file: self.ca_file.clone(),
                bind_dn: self.bind_dn.clone(),
                bind_password: self.bind_password.clone(),
                base_dn: self.base_dn.clone(),
                group_base_dn: self.group_base_dn.clone(),
                attributes,
            },
            profile,
            rules,
            sync_enabled: self.sync_enabled,
        })
    }
}

/// The stored settings, if an administrator configured a directory.
pub async fn settings(conn: &mut AsyncPgConnection) -> QueryResult<Option<SettingsRow>> {
    directory_settings::table.select(SettingsRow::as_select()).first(conn).await.optional()
}

/// The configured directory, if any.
pub async fn configured(conn: &mut AsyncPgConnection) -> AppResult<Option<Configured>> {
    settings(conn).await?.map(|row| row.configured()).transpose()
}

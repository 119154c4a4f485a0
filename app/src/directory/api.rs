//! Server functions of the directory: accounts and sites for administrators, poles and teams for the desk.

use super::{AccountProfile, AccountRow, PoleTeam, SiteDraft, SiteRow};
use crate::domain::ids::SiteId;
use crate::domain::ids::UserId;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::directory::db,
    crate::domain::access::Area,
};

#[server(endpoint = "comptes")]
pub async fn list_accounts() -> Result<Vec<AccountRow>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Administration).await?;
    Ok(db::list_accounts(&mut conn).await?)
}

/// Switches an account on or off (its sessions end at once when switched off). Administrators cannot
/// switch themselves off: the desk would lose its last way back in.
#[server(endpoint = "comptes_activation")]
pub async fn set_account_active(user_id: UserId, active: bool) -> Result<AccountRow, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    if user_id == admin.id && !active {
        return Err(AppError::conflict(crate::i18n::t().account_cannot_disable_self));
    }
    let row = db::set_active(&mut conn, admin.id, user_id, active).await?;
    tracing::info!(admin = %admin.id, account = %user_id, active, "account activation changed");
    Ok(row)
}

#[server(endpoint = "sites")]
pub async fn list_sites() -> Result<Vec<SiteRow>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Administration).await?;
    Ok(db::list_sites(&mut conn).await?)
}

#[server(endpoint = "equipes")]
pub async fn list_teams() -> Result<Vec<PoleTeam>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Teams).await?;
    Ok(db::list_teams(&mut conn).await?)
}

/// Changes an account's site, typology, pole, roles and manager (audited).
#[server(endpoint = "comptes_profil", input = Json)]
pub async fn update_account(profile: AccountProfile) -> Result<AccountRow, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    db::update_profile(&mut conn, admin.id, &profile).await
}

/// Creates or changes a site (audited).
#[server(endpoint = "sites_enregistrer", input = Json)]
pub async fn save_site(site: SiteDraft) -> Result<SiteId, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    db::save_site(&mut conn, admin.id, &site).await
}

/// The directory page form as the browser posts it (works before the WASM arrives): maps as
/// `name = value` lines, check boxes present or absent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DirectoryForm {
    pub url: String,
    #[serde(default)]
    pub starttls: Option<String>,
    #[serde(default)]
    pub ca_file: Option<String>,
    pub bind_dn: String,
    #[serde(default)]
    pub bind_password: Option<String>,
    pub base_dn: String,
    #[serde(default)]
    pub group_base_dn: Option<String>,
    pub profile: String,
    #[serde(default)]
    pub group_roles: String,
    #[serde(default)]
    pub group_typologies: String,
    #[serde(default)]
    pub attributes: String,
    #[serde(default)]
    pub sync_enabled: Option<String>,
}

impl DirectoryForm {
    /// The settings the form describes, or each field's problem.
    pub fn read(&self) -> Result<super::DirectorySettingsInput, AppError> {
        use crate::domain::directory::Profile;
        use crate::error::FieldMessage;
        let people = &crate::i18n::t().people;
        let mut errors = Vec::new();
        let mut lines = |field: &str, text: &str| match super::parse_lines(text) {
            Ok(map) => map,
            Err(line) => {
                errors.push(FieldMessage {
                    field: field.into(),
                    message: crate::i18n::fill(people.directory_line_syntax, &[("line", &line)]),
                });
                Default::default()
            }
        };
        let group_roles = lines("group_roles", &self.group_roles)
            .into_iter()
            .map(|(group, codes)| (group, codes.split(',').map(|code| code.trim().to_owned()).collect()))
            .collect();
        let group_typologies = lines("group_typologies", &self.group_typologies);
        let attributes = lines("attributes", &self.attributes);
        let profile = Profile::from_code(&self.profile);
        if profile.is_none() {
            errors.push(FieldMessage { field: "profile".into(), message: people.directory_required.into() });
        }
        if !errors.is_empty() {
            return Err(AppError::InvalidForm { errors });
        }
        Ok(super::DirectorySettingsInput {
            url: self.url.clone(),
            starttls: self.starttls.is_some(),
            ca_file: self.ca_file.clone(),
            bind_dn: self.bind_dn.clone(),
            bind_password: self.bind_password.clone(),
            base_dn: self.base_dn.clone(),
            group_base_dn: self.group_base_dn.clone(),
            profile: profile.unwrap_or(Profile::ActiveDirectory),
            group_roles,
            group_typologies,
            attributes,
            sync_enabled: self.sync_enabled.is_some(),
        })
    }
}

#[server(endpoint = "annuaire")]
pub async fn directory_page() -> Result<super::DirectoryPage, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Administration).await?;
    crate::directory::settings::page(&mut conn).await
}

/// Saves the directory's settings (audited; the bind password is kept when left empty).
#[server(endpoint = "annuaire_enregistrer")]
pub async fn save_directory(form: DirectoryForm) -> Result<(), AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Administration).await?;
    let input = form.read()?;
    crate::directory::settings::save(&mut conn, user.id, &input, now).await?;
    Ok(())
}

/// Runs a directory sync now.
#[server(endpoint = "annuaire_synchroniser")]
pub async fn sync_directory() -> Result<super::SyncReport, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Administration).await?;
    crate::directory::sync::run_now(&mut conn, user.id, now).await
}

/// The account creation form as the browser posts it: one check box per role.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewAccountForm {
    pub login: String,
    pub display_name: String,
    pub site: String,
    pub typology: String,
    #[serde(default)]
    pub pole: Option<String>,
    #[serde(default)]
    pub manager: Option<String>,
    #[serde(default)]
    pub role_delegue: Option<String>,
    #[serde(default)]
    pub role_agent: Option<String>,
    #[serde(default)]
    pub role_superviseur: Option<String>,
    #[serde(default)]
    pub role_qualite: Option<String>,
    #[serde(default)]
    pub role_cab: Option<String>,
    #[serde(default)]
    pub role_admin: Option<String>,
}

impl NewAccountForm {
    /// The account the form describes; a code the form never offers is a bad request.
    pub fn read(self) -> Result<super::NewAccount, AppError> {
        use crate::domain::people::{Pole, Role, Typology};
        let people = &crate::i18n::t().people;
        let typology = Typology::from_code(&self.typology)
            .ok_or_else(|| AppError::validation("typology", people.directory_required))?;
        let pole = match self.pole.as_deref().filter(|pole| !pole.is_empty()) {
            Some(code) => Some(
                Pole::from_code(code)
                    .ok_or_else(|| AppError::validation("pole", crate::i18n::t().account_agent_needs_pole))?,
            ),
            None => None,
        };
        let roles = [
            (self.role_delegue, Role::SiteDelegate),
            (self.role_agent, Role::Agent),
            (self.role_superviseur, Role::Supervisor),
            (self.role_qualite, Role::Quality),
            (self.role_cab, Role::CabMember),
            (self.role_admin, Role::Admin),
        ]
        .into_iter()
        .filter_map(|(checked, role)| checked.map(|_| role))
        .collect();
        Ok(super::NewAccount {
            login: self.login,
            display_name: self.display_name,
            site: self.site,
            typology,
            roles,
            pole,
            manager: self.manager,
        })
    }
}

/// Creates a local account from the administration page's form; the person is mailed their link.
#[server(endpoint = "comptes_creer")]
pub async fn create_account(form: NewAccountForm) -> Result<AccountRow, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Administration).await?;
    let new = form.read()?;
    crate::directory::accounts::create_local(&mut conn, user.id, &new, now).await
}

/// An administrator ends every session of an account.
#[server(endpoint = "comptes_fin_sessions")]
pub async fn end_account_sessions(user_id: UserId) -> Result<usize, AppError> {
    let SignedIn { user, mut conn, .. } = authorize(Area::Administration).await?;
    crate::directory::accounts::end_all_sessions(&mut conn, user.id, user_id).await
}

/// "Mot de passe oublié": always the same answer, whether the address has an account or not.
#[server(endpoint = "mot_de_passe_oublie")]
pub async fn request_password_reset(login: String) -> Result<(), AppError> {
    let ctx = crate::context::ServerContext::current()?;
    let now = ctx.clock.now();
    let mut conn = ctx.conn().await?;
    crate::directory::accounts::request_reset(&mut conn, &login, now).await?;
    leptos_axum::redirect("/mot-de-passe-oublie?envoye=1");
    Ok(())
}

/// Whom a one-time link is for (its login), or nothing for a link no longer valid.
#[server(endpoint = "mot_de_passe_lien")]
pub async fn password_link(token: String) -> Result<Option<String>, AppError> {
    let ctx = crate::context::ServerContext::current()?;
    let now = ctx.clock.now();
    let mut conn = ctx.conn().await?;
    crate::directory::accounts::link_login(&mut conn, &token, now).await
}

/// Sets a password with a one-time link, then goes to the sign-in page.
#[server(endpoint = "mot_de_passe_choisir")]
pub async fn choose_password(token: String, password: String, confirm: String) -> Result<(), AppError> {
    let ctx = crate::context::ServerContext::current()?;
    let now = ctx.clock.now();
    let mut conn = ctx.conn().await?;
    crate::directory::accounts::set_password_with_link(&mut conn, &token, &password, &confirm, now).await?;
    leptos_axum::redirect("/connexion?mot_de_passe=1");
    Ok(())
}

/// A signed-in person changes their password (their other sessions end).
#[server(endpoint = "mon_mot_de_passe")]
pub async fn change_my_password(current: String, password: String, confirm: String) -> Result<(), AppError> {
    let headers = crate::auth::service::request_headers()?;
    let SignedIn { user, mut conn, .. } = crate::auth::service::signed_in().await?;
    let token = crate::auth::service::session_token(&headers);
    crate::directory::accounts::change_password(&mut conn, user.id, token, &current, &password, &confirm).await
}

#[server(endpoint = "mes_sessions")]
pub async fn my_sessions() -> Result<Vec<super::OpenSession>, AppError> {
    let headers = crate::auth::service::request_headers()?;
    let SignedIn { user, mut conn, now } = crate::auth::service::signed_in().await?;
    let token = crate::auth::service::session_token(&headers);
    crate::directory::accounts::sessions_of(&mut conn, user.id, token, now).await
}

/// Ends one of the caller's sessions, or (no id) all but the current one.
#[server(endpoint = "mes_sessions_fermer")]
pub async fn end_my_session(session: Option<i64>) -> Result<(), AppError> {
    let headers = crate::auth::service::request_headers()?;
    let SignedIn { user, mut conn, .. } = crate::auth::service::signed_in().await?;
    match session {
        Some(session) => crate::directory::accounts::end_own_session(&mut conn, user.id, session).await,
        None => {
            let token = crate::auth::service::session_token(&headers);
            crate::directory::accounts::end_other_sessions(&mut conn, user.id, token).await.map(|_| ())
        }
    }
}

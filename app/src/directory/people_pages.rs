//! The pages of people and access: the company directory's settings and syncs (administrators), creating a
//! local account, the forgotten-password and one-time-link pages (anyone), and "Mon compte" (password,
//! sessions). Every form posts to its server function, so each works before the WASM arrives.

use super::api::{
    ChangeMyPassword, ChoosePassword, CreateAccount, EndMySession, RequestPasswordReset, SaveDirectory, SyncDirectory,
    directory_page, my_sessions, password_link,
};
use super::{DirectoryPage, SiteRow, SyncReport, device_of, write_lines};
use crate::domain::access::Area;
use crate::domain::directory::Profile;
use crate::domain::people::{Pole, Role, Typology};
use crate::error::AppError;
use crate::i18n::{fill, local_time, pole_label, role_label, t, typology_label};
use crate::ui::{DataTable, ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::sync::Arc;

/// A server function's refusal shown beside the form, or nothing.
fn refusal<T: Clone + Send + Sync + 'static>(value: Option<Result<T, AppError>>) -> Option<AnyView> {
    value
        .and_then(Result::err)
        .map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> }.into_any())
}

#[component]
pub fn DirectoryAdminPage() -> impl IntoView {
    view! { <Guarded area=Area::Administration page=Arc::new(|_| view! { <DirectoryAdmin/> }.into_any())/> }
}

#[component]
fn DirectoryAdmin() -> impl IntoView {
    let people = &t().people;
    let save = ServerAction::<SaveDirectory>::new();
    let sync = ServerAction::<SyncDirectory>::new();
    // Read again after a save that went through, not after a refused one: the form keeps what was typed
    // (a re-render from the stored settings would put back the profile and fields the person just changed).
    let saved = RwSignal::new(0u32);
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            saved.update(|count| *count += 1);
        }
    });
    let page = Resource::new(move || (saved.get(), sync.version().get()), |_| directory_page());
    view! {
        <Title text=people.directory_title/>
        <h1>{people.directory_title}</h1>
        <p class="lead">{people.directory_intro}</p>
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <DirectorySettingsForm page=page.clone() save sync/> <SyncRuns page/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn DirectorySettingsForm(
    page: DirectoryPage,
    save: ServerAction<SaveDirectory>,
    sync: ServerAction<SyncDirectory>,
) -> impl IntoView {
    let people = &t().people;
    let shown = page.settings.clone();
    let value = |read: fn(&super::DirectorySettingsShown) -> String| shown.as_ref().map(read).unwrap_or_default();
    let url = value(|s| s.url.clone());
    let ca_file = value(|s| s.ca_file.clone().unwrap_or_default());
    let bind_dn = value(|s| s.bind_dn.clone());
    let base_dn = value(|s| s.base_dn.clone());
    let group_base_dn = value(|s| s.group_base_dn.clone().unwrap_or_default());
    let group_roles = value(|s| write_lines(s.group_roles.iter().map(|(group, codes)| (group, codes.join(", ")))));
    let group_typologies = value(|s| write_lines(s.group_typologies.iter().map(|(group, code)| (group, code.clone()))));
    let attributes = value(|s| write_lines(s.attributes.iter().map(|(key, value)| (key, value.clone()))));
    let profile = shown.as_ref().map_or(Profile::ActiveDirectory, |s| s.profile);
    let starttls = shown.as_ref().is_some_and(|s| s.starttls);
    let sync_enabled = shown.as_ref().is_none_or(|s| s.sync_enabled);
    let password_set = shown.as_ref().is_some_and(|s| s.bind_password_set);
    let configured = shown.is_some();
    let field_error = move |field: &'static str| {
        move || match save.value().get() {
            Some(Err(AppError::InvalidForm { errors })) => errors
                .into_iter()
                .find(|error| error.field == field)
                .map(|error| view! { <p class="field-error" role="alert">{error.message}</p> }),
            Some(Err(AppError::Validation { field: wrong, message })) if wrong == field => {
                Some(view! { <p class="field-error" role="alert">{message}</p> })
            }
            _ => None,
        }
    };
    let other_error = move || match save.value().get() {
        Some(Err(AppError::InvalidForm { .. } | AppError::Validation { .. })) | None | Some(Ok(_)) => None,
        Some(Err(error)) => Some(view! { <p class="notice error" role="alert">{error.message()}</p> }),
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(())))
            .then(|| view! { <p class="notice ok" role="status">{people.directory_saved}</p> })
    };
    view! {
        <section class="panel" aria-labelledby="annuaire-config">
            <h2 id="annuaire-config">{people.directory_connection}</h2>
            {(!configured).then(|| view! { <p class="muted">{people.directory_not_configured}</p> })}
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <div class="field-row">
                    <div class="field">
                        <label for="d-profile">{people.directory_profile}</label>
                        <select id="d-profile" name="form[profile]">
                            <option value="ACTIVE_DIRECTORY" selected=profile == Profile::ActiveDirectory>{people.directory_profile_ad}</option>
                            <option value="OPENLDAP" selected=profile == Profile::OpenLdap>{people.directory_profile_openldap}</option>
                        </select>
                    </div>
                    <div class="field grow">
                        <label for="d-url">{people.directory_url}</label>
                        <input id="d-url" name="form[url]" value=url placeholder=people.directory_url_hint required/>
                        {field_error("url")}
                    </div>
                </div>
                <label class="check"><input type="checkbox" name="form[starttls]" checked=starttls/>" "{people.directory_starttls}</label>
                <div class="field">
                    <label for="d-ca">{people.directory_ca_file}</label>
                    <input id="d-ca" name="form[ca_file]" value=ca_file/>
                    <p class="hint">{people.directory_ca_file_hint}</p>
                    {field_error("ca_file")}
                </div>
                <div class="field-row">
                    <div class="field grow">
                        <label for="d-bind">{people.directory_bind_dn}</label>
                        <input id="d-bind" name="form[bind_dn]" value=bind_dn required/>
                        {field_error("bind_dn")}
                    </div>
                    <div class="field grow">
                        <label for="d-password">{people.directory_bind_password}</label>
                        <input id="d-password" name="form[bind_password]" type="password" autocomplete="new-password"/>
                        {password_set.then(|| view! { <p class="hint">{people.directory_bind_password_kept}</p> })}
                        {field_error("bind_password")}
                    </div>
                </div>
                <div class="field-row">
                    <div class="field grow">
                        <label for="d-base">{people.directory_base_dn}</label>
                        <input id="d-base" name="form[base_dn]" value=base_dn required/>
                        {field_error("base_dn")}
                    </div>
                    <div class="field grow">
                        <label for="d-groups">{people.directory_group_base_dn}</label>
                        <input id="d-groups" name="form[group_base_dn]" value=group_base_dn/>
                    </div>
                </div>
                <div class="field">
                    <label for="d-roles">{people.directory_group_roles}</label>
                    <textarea id="d-roles" name="form[group_roles]" rows="5">{group_roles}</textarea>
                    <p class="hint">{people.directory_group_roles_hint}</p>
                    {field_error("group_roles")}
                </div>
                <div class="field">
                    <label for="d-typologies">{people.directory_group_typologies}</label>
                    <textarea id="d-typologies" name="form[group_typologies]" rows="3">{group_typologies}</textarea>
                    <p class="hint">{people.directory_group_typologies_hint}</p>
                    {field_error("group_typologies")}
                </div>
                <div class="field">
                    <label for="d-attributes">{people.directory_attributes}</label>
                    <textarea id="d-attributes" name="form[attributes]" rows="3">{attributes}</textarea>
                    <p class="hint">{people.directory_attributes_hint}</p>
                    {field_error("attributes")}
                </div>
                <label class="check"><input type="checkbox" name="form[sync_enabled]" checked=sync_enabled/>" "{people.directory_sync_enabled}</label>
                {other_error}
                {saved}
                <p><button type="submit" class="button primary" disabled=move || save.pending().get()>{people.directory_save}</button></p>
            </ActionForm>
            {configured.then(|| view! {
                <ActionForm action=sync attr:class="inline">
                    <button type="submit" class="button" data-sync="" disabled=move || sync.pending().get()>
                        {move || if sync.pending().get() { people.directory_syncing } else { people.directory_sync_now }}
                    </button>
                </ActionForm>
            })}
            {move || refusal(sync.value().get())}
            {move || sync.value().get().and_then(Result::ok).map(|report| view! { <SyncReportView report/> })}
        </section>
    }
}

/// "3 créé(s), 1 mis à jour…": what a run did, as the report and the list of runs say it.
fn run_figures(
    created: impl std::fmt::Display,
    updated: impl std::fmt::Display,
    deactivated: impl std::fmt::Display,
    unchanged: impl std::fmt::Display,
) -> String {
    fill(
        t().people.directory_run_figures,
        &[("created", &created), ("updated", &updated), ("deactivated", &deactivated), ("unchanged", &unchanged)],
    )
}

#[component]
fn SyncReportView(report: SyncReport) -> impl IntoView {
    let figures = run_figures(report.created, report.updated, report.deactivated, report.unchanged);
    view! {
        <div class="notice ok" role="status" data-sync-report="">
            <p>{figures}</p>
            {(!report.errors.is_empty()).then(|| view! {
                <ul class="problems">{report.errors.into_iter().map(|error| view! { <li>{error}</li> }).collect_view()}</ul>
            })}
        </div>
    }
}

#[component]
fn SyncRuns(page: DirectoryPage) -> impl IntoView {
    let people = &t().people;
    let runs = if page.runs.is_empty() {
        view! { <p class="muted">{people.directory_no_runs}</p> }.into_any()
    } else {
        page.runs
            .into_iter()
            .map(|run| {
                let trigger = if run.hourly { people.directory_run_trigger_hourly } else { people.directory_run_trigger_manual };
                let when = fill(people.directory_run_at, &[("at", &local_time(run.started_at)), ("trigger", &trigger)]);
                let outcome = match run.failure {
                    Some(reason) => fill(people.directory_run_failed, &[("reason", &reason)]),
                    None => run_figures(run.created, run.updated, run.deactivated, run.unchanged),                };
                view! {
                    <li data-run=run.id>
                        <strong>{when}</strong>" — "{outcome}
                        {(!run.errors.is_empty()).then(|| view! {
                            <ul class="problems">{run.errors.into_iter().map(|error| view! { <li>{error}</li> }).collect_view()}</ul>
                        })}
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="annuaire-runs">
            <h2 id="annuaire-runs">{people.directory_runs}</h2>
            <ul class="runs">{runs}</ul>
        </section>
    }
}

/// The administrators' form to create a local account (a contractor, an administrator).
#[component]
pub fn CreateAccountForm(sites: Vec<SiteRow>, create: ServerAction<CreateAccount>) -> impl IntoView {
    let people = &t().people;
    let roles = [
        ("form[role_delegue]", Role::SiteDelegate),
        ("form[role_agent]", Role::Agent),
        ("form[role_superviseur]", Role::Supervisor),
        ("form[role_qualite]", Role::Quality),
        ("form[role_cab]", Role::CabMember),
        ("form[role_admin]", Role::Admin),
    ]
    .into_iter()
    .map(|(name, role)| view! { <label class="check"><input type="checkbox" name=name/>" "{role_label(role)}</label> })
    .collect_view();
    let created = move || {
        create.value().get().and_then(Result::ok).map(|row| {
            view! { <p class="notice ok" role="status">{fill(people.account_created, &[("name", &row.display_name)])}</p> }
        })
    };
    view! {
        <details class="panel" aria-labelledby="compte-creer">
            <summary id="compte-creer">{people.account_create_title}</summary>
            <ActionForm action=create attr:class="form" attr:novalidate=true>
                <div class="field-row">
                    <div class="field grow"><label for="n-login">{people.account_login}</label>
                        <input id="n-login" name="form[login]" type="email" autocomplete="off" required/></div>
                    <div class="field grow"><label for="n-name">{people.account_display_name}</label>
                        <input id="n-name" name="form[display_name]" required/></div>
                </div>
                <div class="field-row">
                    <div class="field"><label for="n-site">{people.account_site}</label>
                        <select id="n-site" name="form[site]">
                            {sites.into_iter().map(|site| view! { <option value=site.id.0>{site.name}</option> }).collect_view()}
                        </select></div>
                    <div class="field"><label for="n-typology">{people.account_typology}</label>
                        <select id="n-typology" name="form[typology]">
                            {Typology::ALL.iter().map(|v| view! { <option value=v.code() selected=*v == Typology::External>{typology_label(*v)}</option> }).collect_view()}
                        </select></div>
                    <div class="field"><label for="n-pole">{people.account_pole}</label>
                        <select id="n-pole" name="form[pole]">
                            <option value="">{t().none_option}</option>
                            {Pole::ALL.iter().map(|v| view! { <option value=v.code()>{pole_label(*v)}</option> }).collect_view()}
                        </select></div>
                    <div class="field grow"><label for="n-manager">{people.account_manager}</label>
                        <input id="n-manager" name="form[manager]" type="email" placeholder=people.account_manager_none/></div>
                </div>
                <fieldset class="choices"><legend>{people.account_roles}</legend>{roles}</fieldset>
                {move || refusal(create.value().get())}
                {created}
                <p><button type="submit" class="button primary" disabled=move || create.pending().get()>{people.account_create}</button></p>
            </ActionForm>
        </details>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let people = &t().people;
    let query = use_query_map();
    let action = ServerAction::<RequestPasswordReset>::new();
    let sent = move || query.read().get("envoye").is_some() || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=people.forgot_title/>
        <section class="panel narrow auth">
            <h1>{people.forgot_title}</h1>
            <p>{people.forgot_intro}</p>
            {move || sent().then(|| view! { <p class="notice ok" role="status">{people.forgot_sent}</p> })}
            <ActionForm action attr:class="form" attr:novalidate=true>
                <div class="field">
                    <label for="login">{t().login_field}</label>
                    <input id="login" name="login" type="email" autocomplete="username" required/>
                </div>
                {move || refusal(action.value().get())}
                <button type="submit" class="button primary" disabled=move || action.pending().get()>{people.forgot_send}</button>
            </ActionForm>
            <p><a href="/connexion">{t().login_title}</a></p>
        </section>
    }
}

#[component]
pub fn ChoosePasswordPage() -> impl IntoView {
    let people = &t().people;
    let params = use_params_map();
    let token = move || params.read().get("jeton").unwrap_or_default();
    let link = Resource::new(token, password_link);
    let action = ServerAction::<ChoosePassword>::new();
    view! {
        <Title text=people.choose_title/>
        <section class="panel narrow auth">
            <h1>{people.choose_title}</h1>
            <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(Some(login)) => view! {
                            <p>{fill(people.choose_intro, &[("login", &login)])}</p>
                            <ActionForm action attr:class="form" attr:novalidate=true>
                                <input type="hidden" name="token" value=token()/>
                                <input type="hidden" name="login" value=login.clone() autocomplete="username"/>
                                <div class="field">
                                    <label for="password">{people.choose_password}</label>
                                    <input id="password" name="password" type="password" autocomplete="new-password" required/>
                                    <p class="hint">{people.password_hint}</p>
                                </div>
                                <div class="field">
                                    <label for="confirm">{people.choose_confirm}</label>
                                    <input id="confirm" name="confirm" type="password" autocomplete="new-password" required/>
                                </div>
                                {move || refusal(action.value().get())}
                                <button type="submit" class="button primary" disabled=move || action.pending().get()>{people.choose_submit}</button>
                            </ActionForm>
                        }.into_any(),
                        Ok(None) => view! {
                            <p class="notice error" role="alert">{people.link_invalid}</p>
                            <p><a href="/mot-de-passe-oublie">{people.forgot_link}</a></p>
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn MyAccountPage() -> impl IntoView {
    view! { <Guarded area=Area::Home page=Arc::new(|user| view! { <MyAccount login=user.login.clone()/> }.into_any())/> }
}

#[component]
fn MyAccount(login: String) -> impl IntoView {
    let people = &t().people;
    let change = ServerAction::<ChangeMyPassword>::new();
    let end = ServerAction::<EndMySession>::new();
    let sessions = Resource::new(move || (end.version().get(), change.version().get()), |_| my_sessions());
    let changed = move || {
        matches!(change.value().get(), Some(Ok(())))
            .then(|| view! { <p class="notice ok" role="status">{people.me_changed}</p> })
    };
    view! {
        <Title text=people.me_title/>
        <h1>{people.me_title}</h1>
        <section class="panel" aria-labelledby="mon-mot-de-passe">
            <h2 id="mon-mot-de-passe">{people.me_password_title}</h2>
            <ActionForm action=change attr:class="form narrow-form" attr:novalidate=true>
                <input type="hidden" name="login" value=login autocomplete="username"/>
                <div class="field">
                    <label for="current">{people.me_current_password}</label>
                    <input id="current" name="current" type="password" autocomplete="current-password" required/>
                </div>
                <div class="field">
                    <label for="password">{people.me_new_password}</label>
                    <input id="password" name="password" type="password" autocomplete="new-password" required/>
                    <p class="hint">{people.password_hint}</p>
                </div>
                <div class="field">
                    <label for="confirm">{people.choose_confirm}</label>
                    <input id="confirm" name="confirm" type="password" autocomplete="new-password" required/>
                </div>
                {move || refusal(change.value().get())}
                {changed}
                <button type="submit" class="button primary" disabled=move || change.pending().get()>{people.me_change}</button>
            </ActionForm>
        </section>
        <section class="panel" aria-labelledby="mes-sessions">
            <h2 id="mes-sessions">{people.me_sessions_title}</h2>
            {move || refusal(end.value().get())}
            <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(sessions) => {
                            let rows = sessions.into_iter().map(|session| {
                                let unknown = people.me_session_unknown.to_owned();
                                view! {
                                    <tr data-session=session.id data-current=session.current.to_string()>
                                        <td title=session.user_agent.clone().unwrap_or_default()>
                                            {session.user_agent.as_deref().map(device_of).unwrap_or_else(|| unknown.clone())}
                                            {session.current.then(|| view! { " " <span class="badge">{people.me_session_this_one}</span> })}</td>
                                        <td>{session.address.clone().unwrap_or(unknown)}</td>
                                        <td>{local_time(session.created_at)}</td>
                                        <td>{local_time(session.last_seen_at)}</td>
                                        <td>{(!session.current).then(|| view! {
                                            <ActionForm action=end attr:class="inline">
                                                <input type="hidden" name="session" value=session.id/>
                                                <button type="submit" class="button small">{people.me_session_end}</button>
                                            </ActionForm>
                                        })}</td>
                                    </tr>
                                }
                            }).collect_view();
                            view! {
                                <DataTable headers=vec![people.me_session_browser, people.me_session_address, people.me_session_opened, people.me_session_last_use, t().col_actions]>
                                    {rows}
                                </DataTable>
                                <ActionForm action=end attr:class="inline">
                                    <button type="submit" class="button">{people.me_session_end_others}</button>
                                </ActionForm>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

//! The teams page (who does what at the desk) and the administration page (accounts and sites).

use super::api::{
    CreateAccount, EndAccountSessions, SaveSite, SetAccountActive, UpdateAccount, list_accounts, list_sites, list_teams,
};
use super::people_pages::CreateAccountForm;
use super::{AccountProfile, AccountRow, PoleTeam, SiteDraft, SiteRow};
use crate::domain::access::Area;
use crate::domain::directory::AccountSource;
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Role, SiteKind, Typology};
use crate::i18n::{area_label, pole_label, role_label, site_kind_label, t, typology_label};
use crate::ui::{DataTable, ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn TeamsPage() -> impl IntoView {
    view! { <Guarded area=Area::Teams page=Arc::new(|_| view! { <Teams/> }.into_any())/> }
}

#[component]
fn Teams() -> impl IntoView {
    let teams = Resource::new(|| (), |_| list_teams());
    view! {
        <Title text=t().teams_title/>
        <h1>{t().teams_title}</h1>
        <p class="lead">{t().teams_intro}</p>
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match teams.await {
                    Ok(teams) => teams.into_iter().map(|team| view! { <TeamCard team/> }).collect_view().into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn TeamCard(team: PoleTeam) -> impl IntoView {
    let t = t();
    let heading = format!("pole-{}", team.pole.code().to_lowercase());
    let labelled_by = heading.clone();
    let level = team.pole.level().map(|level| view! { <span class="badge">{t.teams_level}" N"{level}</span> });
    let members = if team.members.is_empty() {
        view! { <p class="muted">{t.teams_no_member}</p> }.into_any()
    } else {
        let rows = team
            .members
            .into_iter()
            .map(|member| {
                let roles = member.roles.iter().map(role_label).collect::<Vec<_>>().join(", ");
                let mailto = format!("mailto:{}", member.login);
                view! {
                    <tr>
                        <td>{member.display_name}</td>
                        <td><a href=mailto>{member.login}</a></td>
                        <td>{member.phone.unwrap_or_else(|| t.none.to_owned())}</td>
                        <td>{member.site_name}</td>
                        <td>{roles}</td>
                    </tr>
                }
            })
            .collect_view();
        let caption = format!("{} — {}", t.teams_members, pole_label(team.pole));
        view! {
            <DataTable headers=vec![t.col_name, t.col_login, t.col_phone, t.col_site, t.col_roles] caption>
                {rows}
            </DataTable>
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby=labelled_by data-pole=team.pole.code()>
            <h2 id=heading>{team.name} " " {level}</h2>
            <p>{team.mission}</p>
            {members}
        </section>
    }
}

#[component]
pub fn AdminPage() -> impl IntoView {
    view! { <Guarded area=Area::Administration page=Arc::new(|_| view! { <Administration/> }.into_any())/> }
}

#[component]
fn Administration() -> impl IntoView {
    let t = t();
    let toggle = ServerAction::<SetAccountActive>::new();
    let update = ServerAction::<UpdateAccount>::new();
    let save_site = ServerAction::<SaveSite>::new();
    let create = ServerAction::<CreateAccount>::new();
    let end_sessions = ServerAction::<EndAccountSessions>::new();
    let accounts = Resource::new(
        move || (toggle.version().get(), update.version().get(), create.version().get()),
        |_| list_accounts(),
    );
    let sites = Resource::new(move || save_site.version().get(), |_| list_sites());
    let editing = RwSignal::new(None::<AccountRow>);
    Effect::new(move |_| {
        if let Some(Ok(_)) = update.value().get() {
            editing.set(None);
        }
    });
    let toggle_error = move || toggle.value().get().and_then(Result::err);
    view! {
        <Title text=area_label(Area::Administration)/>
        <h1>{t.admin_title}</h1>
        <ul class="admin-links">
            <li><a href="/administration/referentiel">{t.admin_referential_link}</a></li>
            <li><a href="/administration/catalogue">{t.admin_catalog_link}</a></li>
            <li><a href="/administration/niveaux-de-service">{t.sla_admin_link}</a></li>
            <li><a href="/administration/imports">{t.import_admin_link}</a></li>
            <li><a href="/administration/annuaire">{t.people.directory_title}</a></li>
        </ul>
        <section class="panel" aria-labelledby="comptes">
            <h2 id="comptes">{t.admin_accounts}</h2>
            {move || toggle_error().map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            {move || end_sessions.value().get().map(|ended| match ended {
                Ok(count) => view! { <p class="notice ok" role="status">{crate::i18n::fill(t.people.account_sessions_ended, &[("count", &count)])}</p> }.into_any(),
                Err(error) => view! { <p class="notice error" role="alert">{error.message()}</p> }.into_any(),
            })}
            <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match (accounts.await, sites.await) {
                        (Ok(rows), Ok(site_rows)) => {
                            let people = rows.clone();
                            let creation_sites = site_rows.clone();
                            view! {
                                <CreateAccountForm sites=creation_sites create/>
                                {move || editing.get().map(|account| view! {
                                    <AccountEditor account people=people.clone() sites=site_rows.clone() update editing/>
                                })}
                                <AccountsTable rows toggle end_sessions editing/>
                            }.into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="panel" aria-labelledby="sites">
            <h2 id="sites">{t.admin_sites}</h2>
            <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match sites.await {
                        Ok(rows) => view! { <SitesTable rows save=save_site/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AccountsTable(
    rows: Vec<AccountRow>,
    toggle: ServerAction<SetAccountActive>,
    end_sessions: ServerAction<EndAccountSessions>,
    editing: RwSignal<Option<AccountRow>>,
) -> impl IntoView {
    let t = t();
    let rows = rows
        .into_iter()
        .map(|row| {
            let edited = row.clone();
            let roles = row.roles.iter().map(role_label).collect::<Vec<_>>().join(", ");
            let row_key = row.login.clone();
            let source = match row.source {
                AccountSource::Directory => t.people.account_source_directory,
                AccountSource::Local => t.people.account_source_local,
            };
            let pinned = row
                .roles_pinned
                .then(|| view! { " " <span class="badge" title=t.people.account_roles_pinned>"📌"</span> });
            let (status, status_class) =
                if row.active { (t.account_active, "status ok") } else { (t.account_disabled, "status off") };
            let (label, next_state) =
                if row.active { (t.account_disable, "false") } else { (t.account_enable, "true") };
            view! {
                <tr data-login=row_key>
                    <td>{row.display_name}</td>
                    <td>{row.login}</td>
                    <td>{row.site_name}</td>
                    <td>{roles}{pinned}</td>
                    <td>{row.pole.map(pole_label).unwrap_or(t.none)}</td>
                    <td>{source}</td>
                    <td><span class=status_class>{status}</span></td>
                    <td>
                        <ActionForm action=toggle attr:class="inline">
                            <input type="hidden" name="user_id" value=row.id.0/>
                            <input type="hidden" name="active" value=next_state/>
                            <button type="submit" class="button small" disabled=move || toggle.pending().get()>
                                {label}
                            </button>
                        </ActionForm>
                        " "
                        <ActionForm action=end_sessions attr:class="inline">
                            <input type="hidden" name="user_id" value=row.id.0/>
                            <button type="submit" class="button small">{t.people.account_end_sessions}</button>
                        </ActionForm>
                        " "
                        <button type="button" class="button small" data-edit=edited.login.clone()
                            on:click=move |_| editing.set(Some(edited.clone()))>{t.ref_edit}</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable headers=vec![t.col_name, t.col_login, t.col_site, t.col_roles, t.col_pole, t.people.account_source, t.col_status, t.col_actions]>
            {rows}
        </DataTable>
    }
}

#[component]
fn SitesTable(rows: Vec<SiteRow>, save: ServerAction<SaveSite>) -> impl IntoView {
    let t = t();
    let blank =
        SiteDraft { id: None, code: String::new(), name: String::new(), kind: SiteKind::Agency, city: String::new() };
    let rows = rows
        .into_iter()
        .map(|site| {
            let draft =
                SiteDraft { id: Some(site.id), code: site.code, name: site.name, kind: site.kind, city: site.city };
            view! { <SiteRowEditor site=draft save/> }
        })
        .collect_view();
    view! {
        {move || save.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
        <DataTable headers=vec![t.col_code, t.col_name, t.col_kind, t.col_city, t.col_actions]>
            {rows}
            <SiteRowEditor site=blank save/>
        </DataTable>
    }
}

#[component]
fn SiteRowEditor(site: SiteDraft, save: ServerAction<SaveSite>) -> impl IntoView {
    let t = t();
    let is_new = site.id.is_none();
    let draft = RwSignal::new(site.clone());
    view! {
        <tr data-site=site.code.clone()>
            <td><input aria-label=t.col_code value=site.code.clone() size="14" on:input=move |ev| draft.update(|s| s.code = event_target_value(&ev))/></td>
            <td><input aria-label=t.col_name value=site.name.clone() on:input=move |ev| draft.update(|s| s.name = event_target_value(&ev))/></td>
            <td>
                <select aria-label=t.col_kind on:change=move |ev| {
                    if let Some(kind) = SiteKind::from_code(&event_target_value(&ev)) { draft.update(|s| s.kind = kind) }
                }>
                    {SiteKind::ALL.iter().map(|kind| view! { <option value=kind.code() selected=*kind == site.kind>{site_kind_label(*kind)}</option> }).collect_view()}
                </select>
            </td>
            <td><input aria-label=t.col_city value=site.city.clone() on:input=move |ev| draft.update(|s| s.city = event_target_value(&ev))/></td>
            <td><button type="button" class="button small" on:click=move |_| { save.dispatch(SaveSite { site: draft.get_untracked() }); }>
                {if is_new { t.ref_new } else { t.save }}
            </button></td>
        </tr>
    }
}

/// The profile of one account: site, typology, pole, roles and the manager who approves their requests.
#[component]
fn AccountEditor(
    account: AccountRow,
    people: Vec<AccountRow>,
    sites: Vec<SiteRow>,
    update: ServerAction<UpdateAccount>,
    editing: RwSignal<Option<AccountRow>>,
) -> impl IntoView {
    let t = t();
    let draft = RwSignal::new(AccountProfile {
        id: account.id,
        site: account.site_id,
        typology: account.typology,
        pole: account.pole,
        roles: account.roles.iter().filter(|r| *r != Role::Requester).collect(),
        manager: account.manager_id,
    });
    let roles = Role::ALL
        .iter()
        .copied()
        .filter(|role| *role != Role::Requester)
        .map(|role| {
            let checked = account.roles.has(role);
            view! {
                <label class="check">
                    <input type="checkbox" name="role" value=role.code() checked=checked on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| { d.roles.retain(|r| *r != role); if on { d.roles.push(role); } });
                    }/>
                    " "{role_label(role)}
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="form panel" aria-labelledby="edition-compte" data-account=account.login.clone()
            on:submit=move |ev| { ev.prevent_default(); update.dispatch(UpdateAccount { profile: draft.get_untracked() }); }>
            <h3 id="edition-compte">{t.account_edit_title}" — "{account.display_name.clone()}</h3>
            <div class="field-row">
                <div class="field"><label for="a-site">{t.col_site}</label>
                    <select id="a-site" on:change=move |ev| if let Ok(id) = event_target_value(&ev).parse() { draft.update(|d| d.site = SiteId(id)) }>
                        {sites.iter().map(|site| view! { <option value=site.id.0 selected=site.id == account.site_id>{site.name.clone()}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="a-typology">{t.col_typology}</label>
                    <select id="a-typology" on:change=move |ev| if let Some(v) = Typology::from_code(&event_target_value(&ev)) { draft.update(|d| d.typology = v) }>
                        {Typology::ALL.iter().map(|v| view! { <option value=v.code() selected=*v == account.typology>{typology_label(*v)}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="a-pole">{t.col_pole}</label>
                    <select id="a-pole" on:change=move |ev| draft.update(|d| d.pole = Pole::from_code(&event_target_value(&ev)))>
                        <option value="" selected=account.pole.is_none()>{t.none_option}</option>
                        {Pole::ALL.iter().map(|v| view! { <option value=v.code() selected=Some(*v) == account.pole>{pole_label(*v)}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="a-manager">{t.col_manager}</label>
                    <select id="a-manager" on:change=move |ev| draft.update(|d| d.manager = event_target_value(&ev).parse().ok().map(UserId))>
                        <option value="" selected=account.manager_id.is_none()>{t.none_option}</option>
                        {people.iter().filter(|p| p.id != account.id && p.active).map(|p| view! {
                            <option value=p.id.0 selected=Some(p.id) == account.manager_id>{p.display_name.clone()}</option>
                        }).collect_view()}
                    </select></div>
            </div>
            <fieldset class="choices"><legend>{t.col_roles}</legend>{roles}</fieldset>
            {move || update.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            <p>
                <button type="submit" class="button primary">{t.save}</button>" "
                <button type="button" class="button" on:click=move |_| editing.set(None)>{t.cancel}</button>
            </p>
        </form>
    }
}

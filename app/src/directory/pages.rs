//! The teams page (who does what at the desk) and the administration page (accounts and sites).

use super::api::{SetAccountActive, list_accounts, list_sites, list_teams};
use super::{AccountRow, PoleTeam, SiteRow};
use crate::domain::access::Area;
use crate::i18n::{area_label, pole_label, role_label, site_kind_label, t};
use crate::shell::{DataTable, ErrorPanel, Guarded};
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
    let accounts = Resource::new(move || toggle.version().get(), |_| list_accounts());
    let sites = Resource::new(|| (), |_| list_sites());
    let toggle_error = move || toggle.value().get().and_then(Result::err);
    view! {
        <Title text=area_label(Area::Administration)/>
        <h1>{t.admin_title}</h1>
        <section class="panel" aria-labelledby="comptes">
            <h2 id="comptes">{t.admin_accounts}</h2>
            {move || toggle_error().map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Ok(rows) => view! { <AccountsTable rows toggle/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <section class="panel" aria-labelledby="sites">
            <h2 id="sites">{t.admin_sites}</h2>
            <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match sites.await {
                        Ok(rows) => view! { <SitesTable rows/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AccountsTable(rows: Vec<AccountRow>, toggle: ServerAction<SetAccountActive>) -> impl IntoView {
    let t = t();
    let rows = rows
        .into_iter()
        .map(|row| {
            let roles = row.roles.iter().map(role_label).collect::<Vec<_>>().join(", ");
            let row_key = row.login.clone();
            let (status, status_class) =
                if row.active { (t.account_active, "status ok") } else { (t.account_disabled, "status off") };
            let (label, next_state) =
                if row.active { (t.account_disable, "false") } else { (t.account_enable, "true") };
            view! {
                <tr data-login=row_key>
                    <td>{row.display_name}</td>
                    <td>{row.login}</td>
                    <td>{row.site_name}</td>
                    <td>{roles}</td>
                    <td>{row.pole.map(pole_label).unwrap_or(t.none)}</td>
                    <td><span class=status_class>{status}</span></td>
                    <td>
                        <ActionForm action=toggle attr:class="inline">
                            <input type="hidden" name="user_id" value=row.id.0/>
                            <input type="hidden" name="active" value=next_state/>
                            <button type="submit" class="button small" disabled=move || toggle.pending().get()>
                                {label}
                            </button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable headers=vec![t.col_name, t.col_login, t.col_site, t.col_roles, t.col_pole, t.col_status, t.col_actions]>
            {rows}
        </DataTable>
    }
}

#[component]
fn SitesTable(rows: Vec<SiteRow>) -> impl IntoView {
    let t = t();
    let rows = rows
        .into_iter()
        .map(|site| {
            view! {
                <tr>
                    <td><code>{site.code}</code></td>
                    <td>{site.name}</td>
                    <td>{site_kind_label(site.kind)}</td>
                    <td>{site.city}</td>
                </tr>
            }
        })
        .collect_view();
    view! { <DataTable headers=vec![t.col_code, t.col_name, t.col_kind, t.col_city]>{rows}</DataTable> }
}

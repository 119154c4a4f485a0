//! The home page, shaped by who is looking: everyone sees their profile, their areas and how to reach the
//! support; members of a pole also see their pole's mission and colleagues.

use crate::auth::CurrentUser;
use crate::directory::api::list_teams;
use crate::domain::access::Area;
use crate::domain::people::Pole;
use crate::i18n::{area_description, area_label, pole_label, role_label, t, typology_label};
use crate::ui::{ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <Guarded area=Area::Home page=Arc::new(|user| view! { <Home user/> }.into_any())/> }
}

#[component]
fn Home(user: CurrentUser) -> impl IntoView {
    let t = t();
    let roles = user.roles.iter().map(role_label).collect::<Vec<_>>().join(", ");
    let areas = Area::visible_to(&user.roles)
        .into_iter()
        .filter(|area| *area != Area::Home)
        .map(|area| {
            view! {
                <li class="card link-card">
                    <a href=area.path()>
                        <strong>{area_label(area)}</strong>
                        <span>{area_description(area)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let pole = user.pole.filter(|_| user.can_open(Area::Teams));
    view! {
        <Title text=area_label(Area::Home)/>
        <h1>{format!("{} {}", t.home_greeting, user.first_name())}</h1>
        <div class="grid two">
            <section class="panel" aria-labelledby="profil">
                <h2 id="profil">{t.home_profile}</h2>
                <dl class="facts">
                    <dt>{t.home_site}</dt><dd>{user.site.name.clone()}</dd>
                    <dt>{t.home_typology}</dt><dd>{typology_label(user.typology)}</dd>
                    <dt>{t.home_roles}</dt><dd>{roles}</dd>
                    {user.pole.map(|pole| view! { <dt>{t.home_pole}</dt><dd>{pole_label(pole)}</dd> })}
                </dl>
            </section>
            <section class="panel" aria-labelledby="support">
                <h2 id="support">{t.home_support_title}</h2>
                <p>{t.home_support_text}</p>
            </section>
        </div>
        {pole.map(|pole| view! { <PoleMission pole/> })}
        <section aria-labelledby="espaces">
            <h2 id="espaces">{t.home_your_areas}</h2>
            <ul class="cards">{areas}</ul>
        </section>
    }
}

#[component]
fn PoleMission(pole: Pole) -> impl IntoView {
    let teams = Resource::new(|| (), |_| list_teams());
    view! {
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match teams.await {
                    Ok(teams) => teams
                        .into_iter()
                        .find(|team| team.pole == pole)
                        .map(|team| {
                            let colleagues = team.members.iter().map(|m| m.display_name.clone()).collect::<Vec<_>>().join(", ");
                            view! {
                                <section class="panel" aria-labelledby="mission">
                                    <h2 id="mission">{t().home_pole_mission}" : "{team.name.clone()}</h2>
                                    <p>{team.mission.clone()}</p>
                                    <p class="muted">{t().teams_members}" : "{colleagues}</p>
                                </section>
                            }
                        })
                        .into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

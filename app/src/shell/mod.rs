//! The frame around every page: the header with its navigation, the home page and the 404 page. The top
//! layer: it may use every area; none uses it (shared components are in [`crate::ui`]).

mod home;
pub mod policy;

pub use home::HomePage;

use crate::auth::{CurrentUser, Session};
use crate::domain::access::Area;
use crate::i18n::{area_label, role_label, t};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <a class="skip-link" href="#contenu">{t().skip_to_content}</a>
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"i9"</span>
                <span class="brand-name">{t().app_name}</span>
            </a>
            {session.user.get_value().ok().flatten().map(|user| {
                view! { <Navigation user=user.clone()/> <UserMenu user/> }
            })}
        </header>
    }
}

#[component]
fn Navigation(user: CurrentUser) -> impl IntoView {
    let links = Area::visible_to(&user.roles)
        .into_iter()
        .map(|area| view! { <li><A href=area.path() exact=true>{area_label(area)}</A></li> })
        .collect_view();
    view! {
        <nav class="mainnav" aria-label=t().nav_label>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
fn UserMenu(user: CurrentUser) -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <div class="usermenu">
            <span class="usermenu-who" title=format!("{} {}", t().signed_in_as, user.login)>
                <a class="usermenu-name" href="/mon-compte" title=t().people.menu_my_account>{user.display_name.clone()}</a>
                <span class="usermenu-role">{role_label(user.roles.main())}" · "{user.site.name.clone()}</span>
            </span>
            <ActionForm action=session.logout>
                <button type="submit" class="button ghost">{t().sign_out}</button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t().not_found_title/>
        <section class="panel narrow">
            <h1>{t().not_found_title}</h1>
            <p>{t().not_found_text}</p>
            <p><a class="button primary" href="/">{t().back_home}</a></p>
        </section>
    }
}

//! Shows a page only to people allowed to see it. The server functions behind the page check the same rule
//! ([`crate::auth::service::check_area`]); this guard only spares people a page they cannot use.

use crate::auth::{CurrentUser, Session};
use crate::domain::access::Area;
use crate::error::AppError;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use std::sync::Arc;

type PageBody = Arc<dyn Fn(CurrentUser) -> AnyView + Send + Sync>;

/// Renders `page` for the signed-in person if they may open `area`; sends anonymous visitors to sign in
/// (coming back here afterwards) and tells the others they lack the rights.
#[component]
pub fn Guarded(area: Area, page: PageBody) -> impl IntoView {
    let session = expect_context::<Session>();
    let here = use_location().pathname.get_untracked();
    match session.user.get_value() {
        Ok(Some(user)) if user.can_open(area) => page(user),
        Ok(Some(_)) => view! { <ErrorPanel error=AppError::Forbidden/> }.into_any(),
        Ok(None) => {
            let target = format!("/connexion?suite={}", here.replace('%', "%25").replace('&', "%26"));
            view! { <Redirect path=target/> }.into_any()
        }
        Err(error) => view! { <ErrorPanel error/> }.into_any(),
    }
}

/// An error as a person reads it, with its HTTP status when rendered on the server.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    view! {
        <section class="panel narrow notice error" role="alert">
            <p>{error.message()}</p>
            <p><a href="/">{t().back_home}</a></p>
        </section>
    }
}

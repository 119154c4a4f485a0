//! The sign-in page. The form posts to the `login` server function, so it works before the WASM loads.

use crate::auth::Session;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let query = use_query_map();
    let next = move || query.read().get("suite").unwrap_or_else(|| "/".to_owned());
    let error = move || session.login.value().get().and_then(Result::err);
    let t = t();
    view! {
        <Title text=t.login_title/>
        // Already signed in: nothing to do here.
        {matches!(session.user.get_value(), Ok(Some(_))).then(|| view! { <Redirect path=next()/> })}
        <section class="panel narrow auth">
            <h1>{t.login_title}</h1>
            <p>{t.login_intro}</p>
            {move || query.read().get("mot_de_passe").is_some().then(|| view! {
                <p class="notice ok" role="status">{t.people.password_set_notice}</p>
            })}
            <ActionForm action=session.login attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next/>
                <div class="field">
                    <label for="login">{t.login_field}</label>
                    // Text, not e-mail: directory accounts may also sign in with their account name.
                    <input id="login" name="login" type="text" inputmode="email" autocapitalize="none"
                        spellcheck="false" autocomplete="username" required placeholder=t.login_field_hint/>
                </div>
                <div class="field">
                    <label for="password">{t.password_field}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required/>
                </div>
                {move || error().map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })}
                <button type="submit" class="button primary" disabled=move || session.login.pending().get()>
                    {move || if session.login.pending().get() { t.login_pending } else { t.login_submit }}
                </button>
            </ActionForm>
            <p><a href="/mot-de-passe-oublie">{t.people.forgot_link}</a></p>
        </section>
    }
}

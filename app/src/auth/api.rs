//! Server functions for signing in and out. Who is signed in comes with the page ([`super::Visitor`]).

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::auth::cookie::{cleared_cookie, session_cookie};
    pub use crate::auth::service;
    pub use crate::context::ServerContext;
    pub use crate::error::AppError;
    pub use leptos::prelude::*;

    /// Read before the first `.await`, like every context value (see `service::request_headers`).
    pub fn response_options() -> Result<leptos_axum::ResponseOptions, AppError> {
        use_context::<leptos_axum::ResponseOptions>().ok_or_else(|| AppError::internal("no ResponseOptions in context"))
    }

    pub fn set_cookie(response: &leptos_axum::ResponseOptions, value: String) -> Result<(), AppError> {
        let header = http::HeaderValue::from_str(&value).map_err(|_| AppError::internal("invalid Set-Cookie value"))?;
        response.append_header(http::header::SET_COOKIE, header);
        Ok(())
    }

    /// Only paths of this site are followed after signing in, never another origin. `next` is read the way
    /// a browser reads it (the URL standard removes tabs and line breaks anywhere and trims control
    /// characters and spaces at both ends: `/\t/evil.example` is `//evil.example` to a browser), resolved
    /// against this site and kept only if it stays on it; what comes back is the resolved path, query and
    /// fragment, percent-encoded, so it is always a valid `Location`.
    pub fn local_path(next: Option<String>) -> String {
        let base = url::Url::parse("https://immo9.invalid/").expect("a valid base");
        next.and_then(|next| {
            let read: String = next.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
            let read = read.trim_matches(|c: char| c <= ' ');
            let relative = read.starts_with('/') && !read.starts_with("//") && !read.contains('\\');
            let resolved = base.join(read).ok().filter(|url| relative && url.origin() == base.origin())?;
            // `/..//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
            Some(resolved[url::Position::BeforePath..].to_owned()).filter(|path| !path.starts_with("//"))
        })
        .unwrap_or_else(|| "/".to_owned())
    }
}

/// Signs in with an e-mail address and a password, sets the session cookie and goes to `next`.
#[server(endpoint = "connexion")]
pub async fn login(login: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use self::ssr::*;
    let ctx = ServerContext::current()?;
    let parts = use_context::<http::request::Parts>().ok_or_else(|| AppError::internal("no request Parts"))?;
    let response = response_options()?;
    let next = local_path(next);
    let attempt = service::SignInAttempt {
        login: &login,
        password: &password,
        user_agent: parts.headers.get(http::header::USER_AGENT).and_then(|value| value.to_str().ok()),
        address: parts.extensions.get::<crate::auth::ClientAddress>().map(|address| address.0),
    };
    let now = ctx.clock.now();
    let mut conn = ctx.conn().await?;
    let (user, token) = service::sign_in(&mut conn, attempt, now).await?;
    tracing::info!(user = %user.id, "signed in");
    set_cookie(&response, session_cookie(token.as_str(), service::SESSION_LIFETIME.num_seconds(), ctx.cookie_secure))?;
    leptos_axum::redirect(&next);
    Ok(())
}

/// Ends the current session and goes back to the sign-in page.
#[server(endpoint = "deconnexion")]
pub async fn logout() -> Result<(), AppError> {
    use self::ssr::*;
    let ctx = ServerContext::current()?;
    let headers = service::request_headers()?;
    let response = response_options()?;
    if let Some(token) = service::session_token(&headers) {
        service::sign_out(&mut *ctx.conn().await?, token).await?;
    }
    set_cookie(&response, cleared_cookie(ctx.cookie_secure))?;
    leptos_axum::redirect("/connexion");
    Ok(())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::ssr::local_path;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        let cases = [
            (None, "/"),
            (Some("/administration"), "/administration"),
            (Some("//evil.example"), "/"),
            (Some("https://evil.example"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some("equipes"), "/"),
            // Browsers drop tabs and line breaks: these are `//evil.example/phish` to them.
            (Some("/\t/evil.example/phish"), "/"),
            (Some("/\n/evil.example"), "/"),
            (Some("\t//evil.example"), "/"),
            (Some(" /\r/evil.example"), "/"),
            (Some("/%09/evil.example"), "/%09/evil.example"),
            (Some("/tickets?vue=FRONT#liste"), "/tickets?vue=FRONT#liste"),
            (Some("/tickets/INC-2026-000001\nSet-Cookie: x=1"), "/tickets/INC-2026-000001Set-Cookie:%20x=1"),
            (Some("/..//evil.example"), "/"),
            (Some("/a/..//evil.example"), "/"),
            (Some("\u{1}/connexion"), "/connexion"),
        ];
        for (next, expected) in cases {
            assert_eq!(local_path(next.map(str::to_owned)), expected, "{next:?}");
        }
    }
}

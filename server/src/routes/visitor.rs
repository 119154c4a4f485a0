//! Tells, before Leptos renders a page or runs a server function, who is calling
//! ([`app::auth::Visitor`]), and answers 401 at once to a server function that needs a session and has none.
//!
//! The page reads the answer synchronously from the request's extensions: no resource, no Suspense boundary
//! and no pooled connection is involved in knowing who is signed in while the page streams. A server
//! function finds it there too ([`app::auth::service::signed_in`]), so the session is read once, and an
//! anonymous caller is refused before its body is even read.

use super::edge::{is_server_fn, is_static_file, refusal};
use crate::state::AppState;
use app::auth::ResolvedVisitor;
use app::auth::service::resolve_visitor;
use app::error::AppError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// The server functions anyone may call: signing in and out, the banners (none without a session), and the
/// forgotten-password requests and one-time links (whose secret is the proof).
const OPEN_SERVER_FNS: [&str; 6] = [
    "/api/connexion",
    "/api/deconnexion",
    "/api/bandeaux",
    "/api/mot_de_passe_oublie",
    "/api/mot_de_passe_lien",
    "/api/mot_de_passe_choisir",
];

pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let server_fn = is_server_fn(&path);
    if renders_a_page(&path) || server_fn {
        let visitor = resolve_visitor(&state.pool, request.headers(), state.clock.now()).await;
        if server_fn && !OPEN_SERVER_FNS.contains(&path.as_str()) {
            match &visitor {
                Ok(Some(_)) => {}
                Ok(None) => return refusal(request.headers(), &path, AppError::Unauthenticated),
                Err(error) => return refusal(request.headers(), &path, error.clone()),
            }
        }
        request.extensions_mut().insert(ResolvedVisitor(visitor));
    }
    next.run(request).await
}

/// Server functions and the JSON API check the session themselves; files (`/pkg/immo9.wasm`,
/// `/favicon.svg`) need nobody. Every other path is a page, or the 404 page.
fn renders_a_page(path: &str) -> bool {
    !path.starts_with("/api/") && !is_static_file(path)
}

#[cfg(test)]
mod tests {
    use super::renders_a_page;

    #[test]
    fn pages_are_told_apart_from_files_and_the_api() {
        let cases = [
            ("/", true),
            ("/tickets/INC-2026-000123", true),
            ("/catalogue/RESEAU_VPN", true),
            ("/cette-page-n-existe-pas", true),
            ("/api/v1/tickets", false),
            ("/api/login", false),
            ("/pkg/immo9.wasm", false),
            ("/favicon.svg", false),
        ];
        for (path, page) in cases {
            assert_eq!(renders_a_page(path), page, "{path}");
        }
    }
}

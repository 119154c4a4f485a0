//! Tells, before Leptos renders a page, who is looking at it ([`app::auth::Visitor`]).
//!
//! The page reads the answer synchronously from the request's extensions: no resource, no Suspense boundary
//! and no pooled connection is involved in knowing who is signed in while the page streams.

use crate::state::AppState;
use app::auth::ResolvedVisitor;
use app::auth::service::resolve_visitor;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if renders_a_page(request.uri().path()) {
        let visitor = resolve_visitor(&state.pool, request.headers(), state.clock.now()).await;
        request.extensions_mut().insert(ResolvedVisitor(visitor));
    }
    next.run(request).await
}

/// Server functions and the JSON API check the session themselves; files (`/pkg/immo9.wasm`,
/// `/favicon.svg`) need nobody. Every other path is a page, or the 404 page.
fn renders_a_page(path: &str) -> bool {
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    !path.starts_with("/api/") && !last_segment.contains('.')
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

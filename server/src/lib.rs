//! The Immo9 server: configuration, the axum router around the Leptos application, plain HTTP routes
//! (health, JSON API) and the demo data. `main.rs` only parses the command line and runs this.

pub mod config;
pub mod demo;
pub mod jobs;
pub mod live;
pub mod routes;
pub mod state;
pub mod telemetry;

use app::context::ServerContext;
use app::{App, shell};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use state::AppState;
use std::sync::OnceLock;
use tower_http::trace::TraceLayer;

/// The pages of the application, listed once per process. Listing them renders the whole app with resource
/// loading suppressed *process-wide* (leptos_server's `SuppressResourceLoad`, leptos-rs/leptos#4773): a page
/// being rendered at that moment by another router of the process would wait forever for its data. So no
/// router is ever built while another one serves a page, not even in the tests, which build many.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole HTTP surface of one server instance.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let context = ServerContext {
        pool: state.pool.clone(),
        cookie_secure: state.cookie_secure,
        clock: state.clock.clone(),
        attachment_limits: state.attachment_limits,
    };
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .merge(routes::health::router())
        .nest("/api/v1", routes::api::router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context.clone());
                provide_context(context.clock.clone());
            },
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        // Innermost first: a request meets them from the bottom up, a response from the top down.
        .layer(axum::middleware::from_fn(routes::edge::server_fn_body))
        .layer(axum::middleware::from_fn_with_state(state.clone(), routes::visitor::resolve))
        .layer(axum::middleware::from_fn(routes::edge::guard))
        .layer(axum::middleware::map_response(routes::server_fn_status::with_error_status))
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::from_fn(routes::edge::protective_headers))
        .with_state(state)
}

/// Serves `router` on `listener` until `shutdown` resolves, telling each request its peer's address (for
/// [`routes::edge::guard`]).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

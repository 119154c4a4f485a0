//! The Immo9 server: configuration, the axum router around the Leptos application, plain HTTP routes
//! (health, JSON API) and the demo data. `main.rs` only parses the command line and runs this.

pub mod config;
pub mod demo;
pub mod jobs;
pub mod routes;
pub mod state;
pub mod telemetry;

use app::context::ServerContext;
use app::{App, shell};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use state::AppState;
use tower_http::trace::TraceLayer;

/// The whole HTTP surface of one server instance.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = ServerContext { pool: state.pool.clone(), cookie_secure: state.cookie_secure };
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .merge(routes::health::router())
        .nest("/api/v1", routes::api::router())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context.clone()),
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::map_response(routes::server_fn_status::with_error_status))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

//! Immo9 Service Desk, the isomorphic application: the HTML shell, the root component and its router.
//!
//! Areas live in their own modules (`auth`, `directory`, …), each with its server functions (`api.rs`), its
//! server-only queries (`db.rs`, feature `ssr`) and its pages. The pure rules are in [`domain`].

// Release builds keep every view's full type (debug builds erase them with `--cfg erase_components`); the
// queue page's nesting goes past the default depth of 128.
#![recursion_limit = "256"]

pub mod attachments;
pub mod auth;
pub mod backlog;
pub mod boards;
pub mod campaigns;
pub mod capacity;
pub mod catalog;
pub mod clock;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod db;
pub mod directory;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod imports;
#[cfg(feature = "ssr")]
pub mod journal;
pub mod knowledge;
pub mod kpis;
#[cfg(test)]
mod layering;
pub mod live;
#[cfg(feature = "ssr")]
pub mod notifications;
pub mod referential;
pub mod reports;
pub mod shell;
pub mod sla;
pub mod surveys;
pub mod tickets;
pub mod triage;
pub mod ui;

use crate::auth::Session;
use crate::auth::api::{Login, Logout};
use crate::auth::pages::LoginPage;
use crate::backlog::pages::SteeringPage;
use crate::boards::pages::BoardPage;
use crate::campaigns::pages::{CampaignBanners, CampaignsAdminPage};
use crate::capacity::pages::SlaMatrixPage;
use crate::catalog::pages::{CatalogPage, CatalogRequestPage};
use crate::directory::pages::{AdminPage, TeamsPage};
use crate::directory::people_pages::{ChoosePasswordPage, DirectoryAdminPage, ForgotPasswordPage, MyAccountPage};
use crate::imports::pages::ImportPage;
use crate::knowledge::pages::{ArticlePage, KnowledgePage};
use crate::kpis::pages::KpiDashboardPage;
use crate::referential::admin::{CatalogAdminPage, ReferentialAdminPage};
use crate::reports::pages::MonthlyReportPage;
use crate::shell::{Header, HomePage, NotFound};
use crate::sla::admin::ServiceLevelsAdminPage;
use crate::surveys::pages::SatisfactionAdminPage;
use crate::tickets::pages::{ApprovalsPage, MyRequestsPage, TicketPage};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The HTML document around the application, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    shell::policy::protect_page(&options);
    view! {
        <!DOCTYPE html>
        <html lang="fr">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The visitor the server resolved for this page; in the browser it comes from the page itself, and this
/// runs only if that data is missing.
fn current_visitor() -> auth::Visitor {
    #[cfg(feature = "ssr")]
    return auth::service::visitor_of_request();
    #[cfg(not(feature = "ssr"))]
    Err(error::AppError::internal("the page arrived without its visitor"))
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    // A sign-in or sign-out changes who is looking at every part of the page: reload it whole rather than
    // let the router reuse views rendered for the previous person. Set before <Router> installs its own hook.
    #[cfg(feature = "hydrate")]
    let _ = server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = window().location().replace(location);
    });

    let login = ServerAction::<Login>::new();
    let logout = ServerAction::<Logout>::new();
    // Who is looking, resolved by the server before rendering and shipped inside the page: every part reads
    // it synchronously: no Suspense boundary waits on it. (A resource read under two boundaries, as the header
    // and each page's guard once did, can leave a streamed response unfinished: Leptos issue #4851.) Signing in
    // or out reloads the whole page (the hook above), so it never changes.
    let user = StoredValue::new(SharedValue::new(current_visitor).into_inner());
    provide_context(Session { user, login, logout });
    // The instant the server rendered the page at travels with it: the browser's clock runs on from there,
    // so countdowns and "today" follow the server's time, not the PC's.
    let rendered_at = SharedValue::new(|| clock::use_clock().now()).into_inner();
    #[cfg(not(feature = "ssr"))]
    provide_context(clock::Clock::starting_at(rendered_at));
    #[cfg(feature = "ssr")]
    let _ = rendered_at;

    // Browser tests wait for this mark before they click: it only appears once the WASM has hydrated.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Stylesheet id="leptos" href="/pkg/immo9.css"/>
        <Title formatter=|page: String| format!("{page} · {}", i18n::t().app_name)/>
        <Router>
            <Header/>
            <CampaignBanners/>
            <main id="contenu" class="page" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/connexion") view=LoginPage/>
                    <Route path=path!("/mot-de-passe-oublie") view=ForgotPasswordPage/>
                    <Route path=path!("/mot-de-passe/:jeton") view=ChoosePasswordPage/>
                    <Route path=path!("/mon-compte") view=MyAccountPage/>
                    <Route path=path!("/catalogue") view=CatalogPage/>
                    <Route path=path!("/catalogue/:code") view=CatalogRequestPage/>
                    <Route path=path!("/mes-demandes") view=MyRequestsPage/>
                    <Route path=path!("/connaissances") view=KnowledgePage/>
                    <Route path=path!("/connaissances/:id") view=ArticlePage/>
                    <Route path=path!("/administration/imports") view=ImportPage/>
                    <Route path=path!("/administration/annuaire") view=DirectoryAdminPage/>
                    <Route path=path!("/approbations") view=ApprovalsPage/>
                    <Route path=path!("/tickets") view=BoardPage/>
                    <Route path=path!("/tickets/:reference") view=TicketPage/>
                    <Route path=path!("/equipes") view=TeamsPage/>
                    <Route path=path!("/pilotage") view=SteeringPage/>
                    <Route path=path!("/pilotage/indicateurs") view=KpiDashboardPage/>
                    <Route path=path!("/pilotage/campagnes") view=CampaignsAdminPage/>
                    <Route path=path!("/pilotage/satisfaction") view=SatisfactionAdminPage/>
                    <Route path=path!("/pilotage/rapport") view=MonthlyReportPage/>
                    <Route path=path!("/matrice-sla") view=SlaMatrixPage/>
                    <Route path=path!("/administration") view=AdminPage/>
                    <Route path=path!("/administration/referentiel") view=ReferentialAdminPage/>
                    <Route path=path!("/administration/catalogue") view=CatalogAdminPage/>
                    <Route path=path!("/administration/niveaux-de-service") view=ServiceLevelsAdminPage/>
                </Routes>
            </main>
        </Router>
    }
}

//! The server-rendered pages: French shell, sign-in redirect, role-based navigation, 404.

mod common;

use app::domain::people::{Pole, Role};
use common::TestApp;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[tokio::test]
async fn anonymous_visitors_are_sent_to_the_french_sign_in_page() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let home = client.page("/administration").await;
    assert!(home.status().is_redirection(), "{}", home.status());
    assert_eq!(home.headers()["location"], "/connexion?suite=/administration");

    let login = client.page("/connexion").await;
    assert_eq!(login.status(), 200);
    let html = login.text().await.unwrap();
    assert!(html.contains(r#"<html lang="fr""#), "{html}");
    assert!(html.contains("Se connecter") && html.contains("Adresse e-mail"));
}

#[tokio::test]
async fn the_navigation_follows_the_role() {
    let app = TestApp::spawn().await;
    app.user("employe@t.fr", &[], None).await;
    app.user("agent@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "employe@t.fr",
            &[r#"href="/""#, r#"href="/mes-demandes""#],
            &[r#"href="/tickets""#, r#"href="/equipes""#, r#"href="/administration""#],
        ),
        (
            "agent@t.fr",
            &[r#"href="/""#, r#"href="/mes-demandes""#, r#"href="/tickets""#, r#"href="/equipes""#],
            &[r#"href="/administration""#],
        ),
        (
            "admin@t.fr",
            &[
                r#"href="/""#,
                r#"href="/mes-demandes""#,
                r#"href="/tickets""#,
                r#"href="/equipes""#,
                r#"href="/administration""#,
            ],
            &[],
        ),
    ];
    for (login, present, absent) in cases {
        let html = app.signed_in(login).await.page("/").await.text().await.unwrap();
        let nav =
            html.split(r#"class="mainnav""#).nth(1).and_then(|rest| rest.split("</nav>").next()).expect("a navigation");
        for link in *present {
            assert!(nav.contains(link), "{login} should see {link}: {nav}");
        }
        for link in *absent {
            assert!(!nav.contains(link), "{login} should not see {link}: {nav}");
        }
        assert!(html.contains(&format!("Personne {login}")), "the header names the person");
    }
}

#[tokio::test]
async fn a_page_outside_ones_role_says_so_with_403() {
    let app = TestApp::spawn().await;
    app.user("employe@t.fr", &[], None).await;
    let response = app.signed_in("employe@t.fr").await.page("/administration").await;
    let status = response.status();
    let html = response.text().await.unwrap();
    assert!(html.contains("Vous n&#x27;avez pas les droits") || html.contains("Vous n'avez pas les droits"), "{html}");
    assert_eq!(status, 403);
}

#[tokio::test]
async fn an_unknown_address_gets_a_french_404() {
    let app = TestApp::spawn().await;
    let response = app.client().page("/cette-page-n-existe-pas").await;
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page introuvable"));
}

/// With one database connection for twenty concurrent page loads, while other servers are being built in
/// the same process (as the other tests of a binary do), every page still renders, completely, for the
/// signed-in person, round after round. Building a router once generated Leptos's route list each time,
/// which suppresses resource loading in the whole process while it runs (leptos-rs/leptos#4773): a page
/// whose resource started in that window never ended, and a CI run hung on this test. A response that
/// stops half-way fails here with the page named. `IMMO9_PAGE_ROUNDS` raises the number of rounds.
#[tokio::test]
async fn pages_render_when_requests_wait_for_a_database_connection() {
    let app = TestApp::spawn_with_pool(1).await;
    app.user("agent@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let client = Arc::new(app.signed_in("agent@t.fr").await);
    let rounds: usize = std::env::var("IMMO9_PAGE_ROUNDS").ok().and_then(|value| value.parse().ok()).unwrap_or(5);
    let building = Arc::new(AtomicBool::new(true));
    let builder = {
        let (building, state) =
            (building.clone(), TestApp::state(&app.db.url, &app.pool, &app.clock, "127.0.0.1:0".parse().unwrap()));
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            let mut routers = 0;
            while building.load(Ordering::Relaxed) {
                runtime.block_on(async { drop(server::router(state.clone())) });
                routers += 1;
            }
            routers
        })
    };
    for round in 1..=rounds {
        let mut loads = Vec::new();
        for path in ["/", "/equipes", "/tickets", "/mes-demandes", "/catalogue"].repeat(4) {
            let client = client.clone();
            loads.push(tokio::spawn(async move {
                let load = async {
                    let response = client.page(path).await;
                    (response.status().as_u16(), response.text().await)
                };
                match tokio::time::timeout(std::time::Duration::from_secs(20), load).await {
                    Ok((status, Ok(html))) => (path, status, html),
                    Ok((_, Err(error))) => panic!("round {round}: {path} broke off: {error}"),
                    Err(_) => panic!("round {round}: {path} stalled: no complete page after 20 s"),
                }
            }));
        }
        for load in loads {
            let (path, status, html) = load.await.unwrap();
            assert_eq!(status, 200, "{path}");
            assert!(!html.contains("Une erreur inattendue"), "{path} rendered an internal error");
            assert!(html.contains("Personne agent@t.fr"), "{path} lost the signed-in person");
            // Out-of-order streaming ends a complete page with this trailer, once every boundary is flushed.
            assert!(
                html.trim_end().ends_with("__INCOMPLETE_CHUNKS=[];</script>"),
                "round {round}: {path} ended half-way"
            );
        }
    }
    building.store(false, Ordering::Relaxed);
    assert!(builder.join().unwrap() > 0, "no router was built while the pages loaded");
}

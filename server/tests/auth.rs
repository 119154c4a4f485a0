//! Signing in and out through the JSON API and the server functions, and what a session opens.

mod common;

use app::domain::people::{Pole, Role};
use common::{PASSWORD, TestApp, error_code};
use leptos::server_fn::ServerFn;

#[tokio::test]
async fn signing_in_sets_an_http_only_cookie_and_identifies_the_caller() {
    let app = TestApp::spawn().await;
    app.user("nadia@immo9.fr", &[Role::Agent], Some(Pole::Front)).await;
    let client = app.client();

    let response = client.sign_in("Nadia@Immo9.fr", PASSWORD).await;
    assert_eq!(response.status(), 200, "logins are case-insensitive");
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("immo9_session="));
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["user"]["login"], "nadia@immo9.fr");
    assert_eq!(body["user"]["pole"], "FRONT");
    assert_eq!(body["user"]["roles"], serde_json::json!(["DEMANDEUR", "AGENT"]));

    let me = client.get("/api/v1/session").await;
    assert_eq!(me.status(), 200);
    let me: serde_json::Value = me.json().await.unwrap();
    assert_eq!(me["user"]["login"], "nadia@immo9.fr");
}

#[tokio::test]
async fn wrong_credentials_are_refused_alike_whether_the_login_exists_or_not() {
    let app = TestApp::spawn().await;
    app.user("claire@immo9.fr", &[], None).await;
    let client = app.client();
    for (login, password) in [("claire@immo9.fr", "mauvais"), ("personne@immo9.fr", PASSWORD)] {
        let response = client.sign_in(login, password).await;
        assert_eq!(response.status(), 401);
        assert!(response.headers().get("set-cookie").is_none());
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), "invalid_credentials");
        assert_eq!(body["error"]["message"], "Adresse e-mail ou mot de passe incorrect.");
    }
}

#[tokio::test]
async fn bad_requests_get_structured_french_errors() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let cases = [
        (serde_json::json!({ "login": "", "password": "x" }), "login"),
        (serde_json::json!({ "login": "a@immo9.fr", "password": "" }), "password"),
    ];
    for (body, field) in cases {
        let response = client.http.post(format!("{}/api/v1/session", app.base_url)).json(&body).send().await.unwrap();
        assert_eq!(response.status(), 422);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!((error_code(&body), body["error"]["field"].as_str()), ("validation", Some(field)));
    }
    let malformed = client
        .http
        .post(format!("{}/api/v1/session", app.base_url))
        .header("content-type", "application/json")
        .body("{ pas du json")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 422);
    let body: serde_json::Value = malformed.json().await.unwrap();
    assert_eq!(error_code(&body), "validation");
    assert!(body["error"]["message"].as_str().unwrap().starts_with("Corps de requête JSON invalide"));

    let unknown = client.get("/api/v1/nulle-part").await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(error_code(&unknown.json().await.unwrap()), "not_found");
}

#[tokio::test]
async fn without_a_session_the_api_answers_401_in_json() {
    let app = TestApp::spawn().await;
    let response = app.client().get("/api/v1/session").await;
    assert_eq!(response.status(), 401);
    assert_eq!(error_code(&response.json().await.unwrap()), "unauthenticated");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    app.user("marc@immo9.fr", &[Role::Admin], None).await;
    let client = app.signed_in("marc@immo9.fr").await;
    let stolen_cookie = client.get("/api/v1/session").await.headers().get("set-cookie").cloned();
    assert!(stolen_cookie.is_none(), "reading the session does not reissue the cookie");

    let response = client.http.delete(format!("{}/api/v1/session", app.base_url)).send().await.unwrap();
    assert_eq!(response.status(), 204);
    assert!(response.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(client.get("/api/v1/session").await.status(), 401);

    use app::db::schema::sessions;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let remaining: i64 = sessions::table.count().get_result(&mut app.db.conn().await).await.unwrap();
    assert_eq!(remaining, 0);
}

#[tokio::test]
async fn the_login_server_function_sets_the_cookie_and_redirects_to_a_local_page() {
    let app = TestApp::spawn().await;
    app.user("camille@immo9.fr", &[], None).await;
    let client = app.client();
    let response = client
        .http
        .post(format!("{}{}", app.base_url, app::auth::api::Login::PATH))
        .header("Accept", "text/html,application/xhtml+xml")
        .form(&[("login", "camille@immo9.fr"), ("password", PASSWORD), ("next", "https://ailleurs.example/")])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "a form post without JavaScript is redirected: {}", response.status());
    assert_eq!(response.headers()["location"], "/");
    assert!(response.headers()["set-cookie"].to_str().unwrap().starts_with("immo9_session="));
    assert_eq!(client.get("/api/v1/session").await.status(), 200);
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in() {
    let app = TestApp::spawn().await;
    let id = app.user("parti@immo9.fr", &[], None).await;
    use app::db::schema::users;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::active.eq(false))
        .execute(&mut app.db.conn().await)
        .await
        .unwrap();
    let response = app.client().sign_in("parti@immo9.fr", PASSWORD).await;
    assert_eq!(response.status(), 403);
    assert_eq!(error_code(&response.json().await.unwrap()), "account_disabled");
}

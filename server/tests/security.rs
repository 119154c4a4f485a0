//! Regression tests of the security review: each defect found by probing the running product (an open
//! redirect, a crash on a newline, an overflow, no sign-in throttling, self-chosen priorities, pre-empted
//! import references, NUL bytes, server functions reading before authorising, missing headers and
//! cross-site posts, existence leaks), and the decisions on who may do what the review asked to write down.

mod common;

use app::auth::api::Login;
use app::directory::api::SaveSite;
use app::domain::people::{Pole, Role};
use app::domain::ticket::Priority;
use chrono::TimeDelta;
use common::{Client, PASSWORD, TestApp, error_code};
use leptos::server_fn::ServerFn;
use serde_json::{Value, json};

/// Registers a ticket and returns its reference.
async fn create(client: &Client, body: Value) -> String {
    let (status, ticket) = client.post_json("/api/v1/tickets", body.clone()).await;
    assert_eq!(status, 201, "{body} → {ticket}");
    ticket["summary"]["reference"].as_str().unwrap().to_owned()
}

/// The sign-in form posted without JavaScript, with `next` as the page's hidden field carries it.
async fn sign_in_form(app: &TestApp, login: &str, password: &str, next: &str) -> reqwest::Response {
    app.client()
        .http
        .post(format!("{}{}", app.base_url, Login::PATH))
        .header("Accept", "text/html")
        .form(&[("login", login), ("password", password), ("next", next)])
        .send()
        .await
        .unwrap()
}

/// A JSON API sign-in from `address` (the server is reached through a proxy on this machine, which is
/// what the test client is, and says who the client is in `X-Forwarded-For`).
async fn sign_in_from(app: &TestApp, address: &str, login: &str, password: &str) -> reqwest::Response {
    app.client()
        .http
        .post(format!("{}/api/v1/session", app.base_url))
        .header("X-Forwarded-For", address)
        .json(&json!({ "login": login, "password": password }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn after_signing_in_only_a_page_of_this_site_is_followed_whatever_a_browser_strips() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    let cases = [
        // `/connexion?suite=/%09/evil.example/phish` puts a real tab in the form: a browser drops it.
        ("/\t/evil.example/phish", "/"),
        ("/\n/evil.example", "/"),
        (" //evil.example", "/"),
        ("/..//evil.example", "/"),
        // Still encoded, it is a path of this site.
        ("/%09/evil.example/phish", "/%09/evil.example/phish"),
        // A newline used to break the response after the session was written.
        ("/tickets\r\nSet-Cookie: pris=1", "/ticketsSet-Cookie:%20pris=1"),
        ("/connaissances?q=vpn#resultats", "/connaissances?q=vpn#resultats"),
    ];
    for (next, expected) in cases {
        let response = sign_in_form(&app, "camille@t.fr", PASSWORD, next).await;
        assert!(response.status().is_redirection(), "{next:?}: {}", response.status());
        assert_eq!(response.headers()["location"], expected, "{next:?}");
        assert_eq!(response.headers().get_all("set-cookie").iter().count(), 1, "{next:?}: only the session cookie");
    }
}

#[tokio::test]
async fn page_numbers_are_bounded_instead_of_overflowing() {
    let app = TestApp::spawn().await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let n1 = app.signed_in("n1@t.fr").await;
    let cases = [
        ("page=4611686018427387904", 422, "page"),
        ("page=0", 422, "page"),
        ("page=-3", 422, "page"),
        ("page=100001", 422, "page"),
        ("per_page=0", 422, "per_page"),
        ("per_page=201", 422, "per_page"),
        ("page=100000&per_page=200", 200, ""),
        ("page=abc", 422, "query"),
        ("page=1&page=2", 422, "query"),
    ];
    for (query, status, field) in cases {
        let (answer, body) = n1.get_json(&format!("/api/v1/tickets?{query}")).await;
        assert_eq!(answer, status, "{query}: {body}");
        if status == 422 {
            assert_eq!(body["error"]["field"], field, "{query}: {body}");
        }
    }
}

#[tokio::test]
async fn wrong_passwords_make_the_account_wait_a_success_starts_afresh_and_it_is_audited() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.clock.freeze();
    let client = app.client();
    for attempt in 1..=4 {
        assert_eq!(client.sign_in("Camille@t.fr", "mauvais").await.status(), 401, "failure {attempt}");
    }
    // A success forgets them.
    assert_eq!(client.sign_in("camille@t.fr", PASSWORD).await.status(), 200);
    for attempt in 1..=5 {
        assert_eq!(client.sign_in("camille@t.fr", "mauvais").await.status(), 401, "failure {attempt} after success");
    }
    // The fifth failure starts a wait of the whole window: even the right password waits.
    let refused = client.sign_in("camille@t.fr", PASSWORD).await;
    assert_eq!(refused.status(), 429);
    assert_eq!(refused.headers()["retry-after"], "900");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(error_code(&body), "too_many_attempts");
    assert!(body["error"]["message"].as_str().unwrap().contains("Réessayez dans 15 min"), "{body}");
    // The sign-in page says the same (its server function), and an unknown login is counted like a known one.
    let page =
        app.client().server_fn(Login::PATH, &[("login", "camille@t.fr"), ("password", PASSWORD), ("next", "/")]).await;
    assert_eq!(page.0, 429, "{}", page.1);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM audit_log WHERE entity = 'connexion' AND action = 'BLOCAGE' AND actor_id IS NULL")
            .await,
        1,
        "the wait is audited once, not once per refused attempt"
    );
    // Once the window has passed, the person signs in.
    app.clock.advance(TimeDelta::minutes(15));
    assert_eq!(client.sign_in("camille@t.fr", PASSWORD).await.status(), 200);
}

/// "60 wrong passwords on one account in 1.7 s": sent all at once, they get no more tries than one by one.
#[tokio::test]
async fn a_burst_of_parallel_guesses_gets_no_more_tries_than_guesses_one_at_a_time() {
    let app = TestApp::spawn_with_pool(16).await;
    app.user("camille@t.fr", &[], None).await;
    app.clock.freeze();
    let client = app.client();
    let guesses = (0..20).map(|index| {
        let client = client.clone();
        async move { client.sign_in("camille@t.fr", &format!("essai{index}")).await.status().as_u16() }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let evaluated = statuses.iter().filter(|status| **status == 401).count();
    let waited = statuses.iter().filter(|status| **status == 429).count();
    assert_eq!((evaluated, waited), (5, 15), "{statuses:?}");
}

#[tokio::test]
async fn an_address_trying_many_accounts_waits_and_other_addresses_do_not() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.clock.freeze();
    for index in 0..20 {
        let response = sign_in_from(&app, "203.0.113.7", &format!("personne{index}@t.fr"), "devine").await;
        assert_eq!(response.status(), 401, "failure {index}");
    }
    let refused = sign_in_from(&app, "203.0.113.7", "camille@t.fr", PASSWORD).await;
    assert_eq!(refused.status(), 429, "the address has had its twenty tries");
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(sign_in_from(&app, "198.51.100.20", "camille@t.fr", PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn the_priority_is_the_qualifications_and_never_the_requesters() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let employee = app.signed_in("camille@t.fr").await;
    let incident =
        json!({ "type": "INCIDENT", "title": "Plus de réseau", "description": "Depuis ce matin.", "priority": "P1" });
    let (status, body) = employee.post_json("/api/v1/tickets", &incident).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("priority")), "{body}");
    let form =
        [("kind", "INCIDENT"), ("title", "Plus de réseau"), ("description", "Depuis ce matin."), ("priority", "P1")];
    let (status, body) = employee.server_fn("/api/tickets_enregistrer", &form).await;
    assert_eq!(status, 422, "the portal's server function too: {body}");
    assert_eq!(app.count("SELECT count(*) AS count FROM tickets").await, 0);
    // Without a priority the employee's incident gets the default one; the desk may set it on a call.
    let reference = create(&employee, json!({ "type": "INCIDENT", "title": "Réseau", "description": "Coupé." })).await;
    assert_eq!(employee.ticket(&reference).await.summary.priority, Priority::P3);
    let n1 = app.signed_in("n1@t.fr").await;
    let call = json!({ "type": "INCIDENT", "title": "Réseau", "description": "Coupé.", "requester": "camille@t.fr", "priority": "P1" });
    let reference = create(&n1, call).await;
    assert_eq!(n1.ticket(&reference).await.summary.priority, Priority::P1);
}

#[tokio::test]
async fn origin_references_are_for_systems_and_import_references_for_imports_alone() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let employee = app.signed_in("camille@t.fr").await;
    let admin = app.signed_in("admin@t.fr").await;
    let with_ref =
        |reference: &str| json!({ "type": "INCIDENT", "title": "x", "description": "y", "source_ref": reference });
    let (status, body) = employee.post_json("/api/v1/tickets", with_ref("import:K00005")).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("source_ref")), "{body}");
    assert!(!body.to_string().contains("K00005"), "the answer tells nothing of which references exist: {body}");
    let (status, body) = admin.post_json("/api/v1/tickets", with_ref("import:K00005")).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("source_ref")), "{body}");
    let (status, _) = admin.post_json("/api/v1/tickets", with_ref("supervision:alerte-42")).await;
    assert_eq!(status, 201);
    let (status, body) = admin.post_json("/api/v1/tickets", with_ref("supervision:alerte-42")).await;
    assert_eq!((status, error_code(&body)), (409, "conflict"), "a system's reference is registered once");
}

#[tokio::test]
async fn a_nul_character_is_bad_input_everywhere_even_before_signing_in() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    let anonymous = app.client();
    let (status, body) =
        anonymous.post_json("/api/v1/session", json!({ "login": "camille\u{0}@t.fr", "password": "x" })).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("login")), "{body}");
    let (status, body) =
        anonymous.server_fn(Login::PATH, &[("login", "camille\u{0}@t.fr"), ("password", "x"), ("next", "/")]).await;
    assert_eq!(status, 422, "{body}");
    let employee = app.signed_in("camille@t.fr").await;
    let (status, body) = employee
        .post_json("/api/v1/tickets", json!({ "type": "INCIDENT", "title": "a\u{0}b", "description": "y" }))
        .await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("title")), "{body}");
    let (status, body) = employee.get_json("/api/v1/catalog?q=vpn%00").await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("q")), "{body}");
    let page = employee.page("/connaissances?q=%00").await;
    assert_eq!(page.status(), 422);
    assert!(page.text().await.unwrap().contains("caractère nul"), "a person reads why, in French");
    let (status, _) = employee.server_fn_json("/api/bandeaux", &json!({ "x": "\u{0}" })).await;
    assert_eq!(status, 422);
    assert_eq!(app.count("SELECT count(*) AS count FROM tickets").await, 0);
}

/// The status a raw HTTP/1.1 `POST` gets when it declares `declared` bytes of body and sends only the first
/// kilobyte: the answer must come from the headers alone (an early answer over a real socket, without the
/// client library's handling of a body cut short).
async fn status_of_declared_post(app: &TestApp, path: &str, cookie: Option<&str>, declared: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.base_url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let cookie = cookie.map(|cookie| format!("Cookie: {cookie}\r\n")).unwrap_or_default();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nAccept: application/json\r\n\
         {cookie}Content-Length: {declared}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&vec![b'['; 1024]).await.unwrap();
    let mut answer = vec![0; 1024];
    let read = tokio::time::timeout(std::time::Duration::from_secs(30), stream.read(&mut answer))
        .await
        .expect("an answer without the whole body")
        .unwrap();
    let status_line = String::from_utf8_lossy(&answer[..read]).lines().next().unwrap_or_default().to_owned();
    status_line.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or_else(|| panic!("{status_line}"))
}

/// The session cookie a client received when signing in.
async fn session_cookie(app: &TestApp, login: &str) -> String {
    let response = app.client().sign_in(login, PASSWORD).await;
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn server_functions_authorise_before_reading_and_answer_4xx_for_malformed_or_huge_bodies() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let anonymous = app.client();
    let (status, body) = anonymous.server_fn_json("/api/comptes_profil", &json!({ "x": 1 })).await;
    assert_eq!((status, body["code"].as_str()), (401, Some("unauthenticated")), "{body}");
    let ten_megabytes = 10 * 1024 * 1024;
    assert_eq!(
        status_of_declared_post(&app, "/api/comptes_profil", None, ten_megabytes).await,
        401,
        "an anonymous caller learns nothing, not even the size limit"
    );

    let admin = app.signed_in("admin@t.fr").await;
    let (status, body) = admin.server_fn_json("/api/comptes_profil", &json!({ "x": 1 })).await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = admin.server_fn("/api/tickets_enregistrer", &[("nothing", "here")]).await;
    assert_eq!(status, 422, "{body}");
    let cookie = session_cookie(&app, "admin@t.fr").await;
    assert_eq!(status_of_declared_post(&app, "/api/comptes_profil", Some(&cookie), ten_megabytes).await, 413);
    assert_eq!(status_of_declared_post(&app, "/api/v1/tickets", Some(&cookie), ten_megabytes).await, 413);
    // Just under the limit, sent whole: read, and refused as the malformed JSON it is.
    let almost = vec![b'['; 1024 * 1024 - 10];
    let response = admin
        .http
        .post(format!("{}/api/comptes_profil", app.base_url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .body(almost)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
}

#[tokio::test]
async fn responses_carry_protective_headers_and_pages_a_policy_with_their_nonce() {
    let app = TestApp::spawn().await;
    let page = app.client().page("/connexion").await;
    let headers = page.headers().clone();
    let policy = headers["content-security-policy"].to_str().unwrap().to_owned();
    let html = page.text().await.unwrap();
    let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce in the policy");
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the page's scripts carry the policy's nonce");
    for directive in ["'strict-dynamic'", "'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'"] {
        assert!(policy.contains(directive), "{directive}: {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let second = app.client().page("/connexion").await;
    assert!(!second.headers()["content-security-policy"].to_str().unwrap().contains(nonce), "a nonce is used once");
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cache-control", "no-store"),
    ] {
        assert_eq!(headers[name], value, "{name}");
    }
    let api = app.client().get("/api/v1/openapi.json").await;
    assert_eq!(api.headers()["cache-control"], "no-store");
    assert!(api.headers()["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
}

#[tokio::test]
async fn writes_sent_by_another_sites_page_are_refused_and_ours_go_through() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    let host = app.base_url.trim_start_matches("http://").to_owned();
    let post = |path: &str, headers: &[(&str, String)]| {
        let mut request = admin.http.post(format!("{}{path}", app.base_url)).header("Accept", "application/json");
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        request.json(&json!({ "type": "INCIDENT", "title": "x", "description": "y", "requester": "admin@t.fr" }))
    };
    let forged = [
        vec![("Origin", "http://evil.example".to_owned())],
        vec![("Sec-Fetch-Site", "cross-site".to_owned()), ("Origin", "http://evil.example".to_owned())],
        vec![("Origin", "null".to_owned())],
    ];
    for headers in &forged {
        let response = post("/api/v1/tickets", headers).send().await.unwrap();
        assert_eq!(response.status(), 403, "{headers:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), "cross_site");
        let response = post("/api/comptes_activation", headers).send().await.unwrap();
        assert_eq!(response.status(), 403, "server functions too: {headers:?}");
    }
    assert_eq!(app.count("SELECT count(*) AS count FROM tickets").await, 0, "nothing was written");
    let ours = [("Origin", format!("http://{host}")), ("Sec-Fetch-Site", "same-origin".to_owned())];
    assert_eq!(post("/api/v1/tickets", &ours).send().await.unwrap().status(), 201);
    assert_eq!(post("/api/v1/tickets", &[]).send().await.unwrap().status(), 201, "a script sends neither header");
}

#[tokio::test]
async fn what_a_person_may_not_see_answers_like_what_does_not_exist() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("paul@t.fr", &[], None).await;
    let camille = app.signed_in("camille@t.fr").await;
    let paul = app.signed_in("paul@t.fr").await;
    let reference = create(&camille, json!({ "type": "INCIDENT", "title": "Écran", "description": "Noir." })).await;
    let missing = reference.replace("000001", "000999");
    for target in [&reference, &missing] {
        let (status, body) = paul.post_json(&format!("/api/v1/tickets/{target}/effort"), json!({ "minutes": 5 })).await;
        assert_eq!((status, error_code(&body)), (404, "not_found"), "{target}");
        assert_eq!(paul.page(&format!("/tickets/{target}")).await.status(), 404, "the page of {target}");
    }
    assert_eq!(camille.page(&format!("/tickets/{reference}")).await.status(), 200);
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    let (status, body) = admin.get_json("/api/v1/imports/abc").await;
    assert_eq!((status, error_code(&body)), (404, "not_found"), "a non-numeric id is JSON too: {body}");
}

#[tokio::test]
async fn renaming_a_site_to_a_taken_name_says_the_name_is_taken() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    let site = |id: Value, code: &str, name: &str| json!({ "site": { "id": id, "code": code, "name": name, "kind": "AGENCE", "city": "Libourne" } });
    let (_, id) = admin.server_fn_json(SaveSite::PATH, &site(Value::Null, "AG-LIBOURNE", "Agence de Libourne")).await;
    let (status, body) = admin.server_fn_json(SaveSite::PATH, &site(id.clone(), "AG-LIBOURNE", "Siège de test")).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["message"], "Un autre site porte déjà ce nom.");
    let (status, body) = admin.server_fn_json(SaveSite::PATH, &site(id, "SIEGE-TEST", "Agence de Libourne")).await;
    assert_eq!((status, body["message"].as_str()), (409, Some("Ce code est déjà utilisé.")));
}

#[tokio::test]
async fn a_registration_does_not_wait_for_a_bulk_load_holding_its_transaction_open() {
    use app::auth::Actor;
    use app::domain::ticket::{Kind, TicketRef};
    use app::tickets::NewTicket;
    use app::tickets::service::{Registration, register_with, registration_year, reserve_references};
    use diesel_async::{AnsiTransactionManager, TransactionManager};
    let app = TestApp::spawn().await;
    let requester = app.user("camille@t.fr", &[], None).await;
    let employee = app.signed_in("camille@t.fr").await;
    let now = app.clock.now();
    // A bulk load as the import does it: its references reserved first, then a long transaction.
    let mut bulk = app.db.conn().await;
    let year = registration_year(now);
    let seq = reserve_references(&mut bulk, Kind::Incident, year, 1).await.unwrap();
    AnsiTransactionManager::begin_transaction(&mut bulk).await.unwrap();
    let input = NewTicket {
        kind: Some(Kind::Incident),
        title: "Importé".into(),
        description: "Du fichier.".into(),
        requester: Some(requester),
        site: app.site,
        ..NewTicket::default()
    };
    let extras =
        Registration { reference: Some(TicketRef { kind: Kind::Incident, year, seq }), ..Registration::default() };
    register_with(&mut bulk, Actor::System, input, extras, now).await.unwrap();
    // Meanwhile (the bulk transaction still open), a person registers: it must not queue behind it.
    let registration =
        employee.post_json("/api/v1/tickets", json!({ "type": "INCIDENT", "title": "Écran", "description": "Noir." }));
    let (status, body) = tokio::time::timeout(std::time::Duration::from_secs(20), registration)
        .await
        .expect("the registration waited for the bulk load's transaction");
    assert_eq!(status, 201, "{body}");
    AnsiTransactionManager::commit_transaction(&mut bulk).await.unwrap();
    assert_eq!(app.count("SELECT count(*) AS count FROM tickets").await, 2);
}

// Decisions on who may do what, written down and held by tests.

/// The Front Office works a ticket before and after handing it on (first analysis, calls with the
/// requester): its agents log their own minutes and comment on a Back Office ticket. The minutes count for
/// the pole of the agent who spent them, so the Back Office's effort stays its own.
#[tokio::test]
async fn decision_front_office_agents_log_effort_and_comment_on_a_back_office_ticket() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let employee = app.signed_in("camille@t.fr").await;
    let n1 = app.signed_in("n1@t.fr").await;
    let reference = create(&employee, json!({ "type": "INCIDENT", "title": "Lien", "description": "Coupé." })).await;
    n1.act(&reference, "PRENDRE", json!({})).await;
    let (status, body) = n1.act(&reference, "ESCALADER", json!({ "pole": "BACK", "reason": "Lien opérateur." })).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = n1.post_json(&format!("/api/v1/tickets/{reference}/effort"), json!({ "minutes": 20 })).await;
    assert_eq!(status, 201, "{body}");
    let (status, _) = n1
        .post_json(&format!("/api/v1/tickets/{reference}/comments"), json!({ "body": "Rappelée, le lien est revenu." }))
        .await;
    assert_eq!(status, 201);
    assert_eq!(app.count("SELECT count(*) AS count FROM ticket_effort WHERE pole = 'FRONT' AND minutes = 20").await, 1);
}

/// The change advisory board discusses a change's risks among the desk: its members write internal notes,
/// which requesters never see. Employees do not.
#[tokio::test]
async fn decision_cab_members_write_internal_notes_and_employees_do_not() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("expert@t.fr", &[Role::Agent], Some(Pole::Expert)).await;
    app.user("cab@t.fr", &[Role::CabMember], None).await;
    let expert = app.signed_in("expert@t.fr").await;
    let cab = app.signed_in("cab@t.fr").await;
    let employee = app.signed_in("camille@t.fr").await;
    let change = create(&expert, json!({ "type": "CHANGEMENT", "title": "Pare-feu", "description": "Règles." })).await;
    let note = json!({ "body": "Risque : coupure de 5 min à la bascule.", "internal": true });
    let (status, body) = cab.post_json(&format!("/api/v1/tickets/{change}/comments"), &note).await;
    assert_eq!(status, 201, "{body}");
    let incident = create(&employee, json!({ "type": "INCIDENT", "title": "Écran", "description": "Noir." })).await;
    let (status, body) = employee.post_json(&format!("/api/v1/tickets/{incident}/comments"), &note).await;
    assert_eq!((status, error_code(&body)), (403, "forbidden"));
}

/// Filters narrow what a person may see and never widen it: an employee's `requester=` naming someone else
/// finds nothing (it used to be ignored, answering the employee's own tickets as someone else's).
#[tokio::test]
async fn decision_an_employees_requester_filter_narrows_their_own_view() {
    let app = TestApp::spawn().await;
    let camille_id = app.user("camille@t.fr", &[], None).await;
    let paul_id = app.user("paul@t.fr", &[], None).await;
    let camille = app.signed_in("camille@t.fr").await;
    let paul = app.signed_in("paul@t.fr").await;
    create(&camille, json!({ "type": "INCIDENT", "title": "Écran", "description": "Noir." })).await;
    create(&paul, json!({ "type": "INCIDENT", "title": "Clavier", "description": "Mort." })).await;
    let total = |body: Value| body["total"].as_i64();
    assert_eq!(total(camille.get_json(&format!("/api/v1/tickets?requester={}", camille_id.0)).await.1), Some(1));
    assert_eq!(total(camille.get_json(&format!("/api/v1/tickets?requester={}", paul_id.0)).await.1), Some(0));
    assert_eq!(total(camille.get_json("/api/v1/tickets").await.1), Some(1));
}

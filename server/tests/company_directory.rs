//! The company directory against a real OpenLDAP server (`slapd`, started by `cargo xtask test`): settings,
//! sync (creation, update, departures, the administrator's choices kept, idempotence, once per hour across
//! instances), sign-in with the directory password, injection, a directory that does not answer; and local
//! accounts with their one-time links, password changes and sessions.
//!
//! Each test writes its own people under an OU of its own (`ou=<unique>,dc=immo9,dc=test`) as the server's
//! administrator, so tests run in parallel and never see each other's people.

mod common;

use app::domain::people::{Pole, Role};
use common::ldap::{DIRECTORY_PASSWORD, Person, TestDirectory};
use common::{Client, PASSWORD, TestApp, error_code, server_fn_path};
use serde_json::{Value, json};

async fn put_json(client: &Client, path: &str, body: &Value) -> (u16, Value) {
    let response = client.http.put(format!("{}{path}", client.base_url)).json(body).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn sync(admin: &Client) -> (u16, Value) {
    admin.post_json("/api/v1/directory/sync", json!({})).await
}

fn figures(report: &Value) -> [u64; 4] {
    ["created", "updated", "deactivated", "unchanged"].map(|key| report[key].as_u64().unwrap_or(u64::MAX))
}

async fn account(admin: &Client, login: &str) -> Value {
    let (status, body) = admin.get_json(&format!("/api/v1/accounts?login={login}")).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().and_then(|rows| rows.first()).cloned().unwrap_or(Value::Null)
}

/// A server with its test site named "Siège de test", an administrator, and a directory of three people.
async fn scene() -> (TestApp, Client, TestDirectory) {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    let mut directory = TestDirectory::new().await;
    directory
        .add_person(Person { uid: "boss", name: "Brigitte Boss", site: Some("siege de test"), manager: None })
        .await;
    directory
        .add_person(Person { uid: "anna", name: "Anna Agent", site: Some("Siège de test"), manager: Some("boss") })
        .await;
    directory
        .add_person(Person {
            uid: "carl",
            name: "Carl Chantier",
            site: Some("Agence Biscarrosse"),
            manager: Some("boss"),
        })
        .await;
    directory.add_group("sd-front", &["anna"]).await;
    let (status, body) = put_json(&admin, "/api/v1/directory", &directory.settings()).await;
    assert_eq!(status, 200, "{body}");
    (app, admin, directory)
}

#[tokio::test]
async fn a_sync_creates_updates_and_switches_off_people_and_a_second_run_changes_nothing() {
    let (app, admin, mut directory) = scene().await;
    let (status, report) = sync(&admin).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(figures(&report), [3, 0, 0, 0]);
    let errors: Vec<&str> = report["errors"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("Agence Biscarrosse") && errors[0].contains("inconnu"), "{errors:?}");

    let anna = account(&admin, &directory.mail("anna")).await;
    let boss = account(&admin, &directory.mail("boss")).await;
    assert_eq!(anna["source"], "ANNUAIRE");
    assert_eq!(anna["display_name"], "Anna Agent");
    assert_eq!(anna["pole"], "FRONT");
    assert_eq!(anna["roles"], json!(["DEMANDEUR", "AGENT"]));
    assert_eq!(anna["manager_login"], directory.mail("boss"));
    assert_eq!(anna["site_id"], app.site.unwrap().0);
    assert_eq!(boss["roles"], json!(["DEMANDEUR"]));
    // The unknown site is reported, not invented: Carl is attached to the head office (the only site here).
    assert_eq!(app.count("SELECT count(*) AS count FROM sites").await, 1);

    let (_, again) = sync(&admin).await;
    assert_eq!(figures(&again), [0, 0, 0, 3], "a second run over the same directory changes nothing");

    // Anna signs in; then her phone changes, Carl leaves, Boss is disabled in the directory.
    let anna_client = Client::of(&app.base_url);
    assert_eq!(anna_client.sign_in(&directory.mail("anna"), DIRECTORY_PASSWORD).await.status(), 200);
    let boss_client = Client::of(&app.base_url);
    assert_eq!(boss_client.sign_in("boss", DIRECTORY_PASSWORD).await.status(), 200);
    directory.replace("anna", "telephoneNumber", &["06 12 34 56 78"]).await;
    directory.remove_person("carl").await;
    directory.replace("boss", "employeeType", &["inactif"]).await;
    let (_, third) = sync(&admin).await;
    assert_eq!(figures(&third), [0, 1, 2, 0], "{third}");
    let carl = account(&admin, &directory.mail("carl")).await;
    assert_eq!(carl["active"], false, "a departure switches the account off and never deletes it");
    assert_eq!(account(&admin, &directory.mail("boss")).await["active"], false);
    assert_eq!(boss_client.get_json("/api/v1/session").await.0, 401, "switching off ends the sessions at once");
    assert_eq!(anna_client.get_json("/api/v1/session").await.0, 200, "an update keeps them");
    let phone = app
        .count(&format!(
            "SELECT count(*) AS count FROM users WHERE login = '{}' AND phone = '06 12 34 56 78'",
            directory.mail("anna")
        ))
        .await;
    assert_eq!(phone, 1);

    // Each change is audited with the run that made it.
    let run = third["run"].as_i64().unwrap();
    let audited = app
        .count(&format!("SELECT count(*) AS count FROM audit_log WHERE entity = 'compte' AND (detail->>'synchronisation')::bigint = {run}"))
        .await;
    assert_eq!(audited, 3);

    // Boss comes back in the directory: a sync's deactivation is undone.
    directory.replace("boss", "employeeType", &["actif"]).await;
    let (_, fourth) = sync(&admin).await;
    assert_eq!(figures(&fourth), [0, 1, 0, 1], "{fourth}");
    assert_eq!(account(&admin, &directory.mail("boss")).await["active"], true);
}

#[tokio::test]
async fn an_administrators_choices_survive_every_sync() {
    let (_app, admin, mut directory) = scene().await;
    sync(&admin).await;
    let anna = account(&admin, &directory.mail("anna")).await;
    let carl = account(&admin, &directory.mail("carl")).await;

    // By hand: Carl switched off, Anna made a Back Office supervisor.
    let (status, body) = admin
        .server_fn(
            server_fn_path::<app::directory::api::SetAccountActive>(),
            &[("user_id", &carl["id"].to_string()), ("active", "false")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let profile = json!({ "profile": {
        "id": anna["id"], "site": anna["site_id"], "typology": anna["typology"], "pole": "BACK",
        "roles": ["SUPERVISEUR"], "manager": anna["manager_id"],
    }});
    let (status, body) = admin.server_fn_json(server_fn_path::<app::directory::api::UpdateAccount>(), &profile).await;
    assert_eq!(status, 200, "{body}");

    // The directory moves Anna out of sd-front and into sd-qualite.
    directory.ldap.delete(&format!("cn=sd-front,ou=groups,{}", directory.base)).await.unwrap().success().unwrap();
    directory.add_group("sd-qualite", &["anna"]).await;
    let (status, report) = sync(&admin).await;
    assert_eq!(status, 200, "{report}");
    let anna = account(&admin, &directory.mail("anna")).await;
    assert_eq!(anna["roles"], json!(["DEMANDEUR", "SUPERVISEUR"]), "pinned roles stay");
    assert_eq!(anna["pole"], "BACK");
    assert_eq!(anna["roles_pinned"], true);
    assert_eq!(account(&admin, &directory.mail("carl")).await["active"], false, "never switched back on");
    let (_, again) = sync(&admin).await;
    assert_eq!(figures(&again), [0, 0, 0, 3], "{again}");
}

#[tokio::test]
async fn directory_people_sign_in_with_their_address_or_account_name_and_nothing_else_gets_in() {
    let (app, admin, mut directory) = scene().await;
    sync(&admin).await;
    let client = Client::of(&app.base_url);
    let cases: Vec<(String, &str, u16, &str)> = vec![
        (directory.mail("anna"), DIRECTORY_PASSWORD, 200, ""),
        (directory.mail("anna").to_uppercase(), DIRECTORY_PASSWORD, 200, ""),
        ("anna".into(), DIRECTORY_PASSWORD, 200, ""),
        ("anna".into(), "wrong password", 401, "invalid_credentials"),
        ("anna".into(), "", 422, "validation"),
        ("*".into(), DIRECTORY_PASSWORD, 401, "invalid_credentials"),
        ("an*".into(), DIRECTORY_PASSWORD, 401, "invalid_credentials"),
        ("anna)(uid=*".into(), DIRECTORY_PASSWORD, 401, "invalid_credentials"),
        ("*)(|(objectClass=*".into(), DIRECTORY_PASSWORD, 401, "invalid_credentials"),
        ("nobody".into(), DIRECTORY_PASSWORD, 401, "invalid_credentials"),
        // The local administrator keeps their argon2 password; the directory's is not theirs.
        ("admin@t.fr".into(), PASSWORD, 200, ""),
        ("admin@t.fr".into(), DIRECTORY_PASSWORD, 401, "invalid_credentials"),
    ];
    for (login, password, status, code) in cases {
        let response = client.sign_in(&login, password).await;
        let got = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert_eq!((got, error_code(&body)), (status, code), "{login:?} / {password:?}: {body}");
    }
    // Someone the directory knows but no sync has created yet is told so, in French.
    directory.add_person(Person { uid: "newbie", name: "Nina Nouvelle", site: None, manager: None }).await;
    let response = client.sign_in("newbie", DIRECTORY_PASSWORD).await;
    assert_eq!(response.status(), 409);
    let body: Value = response.json().await.unwrap();
    assert!(body["error"]["message"].as_str().unwrap().contains("prochaine synchronisation"), "{body}");
    // A directory account has no local password: it cannot be reset or set through a link.
    let (status, _) = client.post_json("/api/v1/password-reset", json!({ "login": directory.mail("anna") })).await;
    assert_eq!(status, 202);
    assert_eq!(app.count("SELECT count(*) AS count FROM password_links").await, 0);
}

#[tokio::test]
async fn a_directory_that_does_not_answer_is_a_clear_error_and_a_failed_run() {
    let (app, admin, directory) = scene().await;
    sync(&admin).await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut settings = directory.settings();
    settings["url"] = json!(format!("ldap://127.0.0.1:{closed}"));
    settings.as_object_mut().unwrap().remove("bind_password");
    let (status, body) = put_json(&admin, "/api/v1/directory", &settings).await;
    assert_eq!(status, 200, "the stored bind password is kept: {body}");

    let response = Client::of(&app.base_url).sign_in("anna", DIRECTORY_PASSWORD).await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "directory_unavailable");
    assert!(body["error"]["message"].as_str().unwrap().contains("annuaire"), "{body}");
    // Not a failure of the person's: no throttling counted.
    assert_eq!(app.count("SELECT count(*) AS count FROM sign_in_failures").await, 0);

    let (status, body) = sync(&admin).await;
    assert_eq!((status, error_code(&body)), (503, "directory_unavailable"), "{body}");
    assert_eq!(app.count("SELECT count(*) AS count FROM directory_sync_runs WHERE failure IS NOT NULL").await, 1);
    assert_eq!(app.count("SELECT count(*) AS count FROM users WHERE active").await, 4, "nobody switched off");
    // The local administrator still gets in.
    assert_eq!(Client::of(&app.base_url).sign_in("admin@t.fr", PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn settings_are_checked_field_by_field_and_the_bind_password_never_comes_back() {
    let (app, admin, directory) = scene().await;
    let (status, page) = admin.get_json("/api/v1/directory").await;
    assert_eq!(status, 200);
    let text = page.to_string();
    assert!(!text.contains(&directory.admin_password), "the bind password is never answered: {text}");
    assert_eq!(page["settings"]["bind_password_set"], true);

    let mut bad = directory.settings();
    bad["url"] = json!("http://annuaire.immo9.fr");
    bad["group_roles"] = json!({ "sd-front": ["AGENT"] });
    bad["attributes"] = json!({ "mail": "mail)(uid=*" });
    let (status, body) = put_json(&admin, "/api/v1/directory", &bad).await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> =
        body["error"]["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert_eq!(fields, ["url", "attributes", "group_roles"]);
    let (status, _) = put_json(&admin, "/api/v1/directory", &json!({ "url": "ldap://x", "unknown": 1 })).await;
    assert_eq!(status, 422);

    // Only administrators.
    app.user("agent@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let agent = app.signed_in("agent@t.fr").await;
    assert_eq!(agent.get_json("/api/v1/directory").await.0, 403);
    assert_eq!(sync(&agent).await.0, 403);
    assert_eq!(sync(&Client::of(&app.base_url)).await.0, 401);
    assert_eq!(app.count("SELECT count(*) AS count FROM directory_sync_runs").await, 0);
}

#[tokio::test]
async fn the_hourly_sync_runs_once_per_hour_across_instances() {
    let (app, _admin, _directory) = scene().await;
    // Instants within one hour whatever the time the suite runs at: its start, then later in it.
    let hour = chrono::DurationRound::duration_trunc(app.clock.now(), chrono::TimeDelta::hours(1)).unwrap();
    let now = hour + chrono::TimeDelta::minutes(5);
    let (first, second) = {
        let (mut one, mut two) = (app.pool.get().await.unwrap(), app.pool.get().await.unwrap());
        tokio::join!(app::directory::sync::run_hourly(&mut one, now), app::directory::sync::run_hourly(&mut two, now))
    };
    let ran = [first.unwrap(), second.unwrap()].into_iter().flatten().count();
    assert_eq!(ran, 1, "two instances, one run");
    let mut conn = app.pool.get().await.unwrap();
    assert!(
        app::directory::sync::run_hourly(&mut conn, hour + chrono::TimeDelta::minutes(55)).await.unwrap().is_none()
    );
    let next_hour = app::directory::sync::run_hourly(&mut conn, now + chrono::TimeDelta::hours(1)).await.unwrap();
    assert_eq!(next_hour.map(|report| report.unchanged), Some(3));
}

/// The link a mail in the outbox carries, as `/mot-de-passe/<secret>`.
async fn last_link(app: &TestApp, login: &str) -> String {
    use app::db::schema::mail_outbox;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let mut conn = app.pool.get().await.unwrap();
    mail_outbox::table
        .filter(mail_outbox::recipient.eq(login))
        .order(mail_outbox::id.desc())
        .select(mail_outbox::link_path)
        .first::<Option<String>>(&mut conn)
        .await
        .unwrap()
        .expect("a link in the mail")
}

#[tokio::test]
async fn a_local_account_chooses_its_password_through_a_one_time_link() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    app.user("chef@t.fr", &[], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    let new = json!({
        "login": "Presta.Durand@Externe.fr", "display_name": "Paul Durand", "site": "siège de test",
        "typology": "EXTERNE", "roles": [], "manager": "chef@t.fr",
    });
    let (status, row) = admin.post_json("/api/v1/accounts", &new).await;
    assert_eq!(status, 201, "{row}");
    assert_eq!(row["login"], "presta.durand@externe.fr");
    assert_eq!(row["manager_login"], "chef@t.fr");
    assert_eq!(row["source"], "LOCAL");
    let (status, again) = admin.post_json("/api/v1/accounts", &new).await;
    assert_eq!((status, error_code(&again)), (409, "conflict"));
    let (status, bad) = admin
        .post_json("/api/v1/accounts", json!({ "login": "pas une adresse", "display_name": " ", "site": "Lune", "typology": "EXTERNE", "roles": ["AGENT"] }))
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        bad["error"]["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert_eq!(fields, ["login", "display_name", "pole", "site"]);

    let link = last_link(&app, "presta.durand@externe.fr").await;
    let token = link.strip_prefix("/mot-de-passe/").unwrap().to_owned();
    let visitor = Client::of(&app.base_url);
    // No password yet: nothing signs in.
    assert_eq!(visitor.sign_in("presta.durand@externe.fr", "").await.status(), 422);
    let (status, login) =
        visitor.server_fn(server_fn_path::<app::directory::api::PasswordLink>(), &[("token", &token)]).await;
    assert_eq!((status, login), (200, json!("presta.durand@externe.fr")));
    let choose = server_fn_path::<app::directory::api::ChoosePassword>();
    for (password, confirm, field) in [
        ("azerty123", "azerty123", "password"),
        ("Azerty12345!", "Azerty12345!", "password"),
        ("Durand2026!!", "Durand2026!!", "password"),
        ("grue ciment lanterne", "grue ciment", "confirm"),
    ] {
        let (status, body) =
            visitor.server_fn(choose, &[("token", &token), ("password", password), ("confirm", confirm)]).await;
        assert_eq!(status, 422, "{password}: {body}");
        assert_eq!(body["field"], field, "{password}: {body}");
    }
    let chosen = "grue ciment lanterne";
    let (status, body) =
        visitor.server_fn(choose, &[("token", &token), ("password", chosen), ("confirm", chosen)]).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = visitor.server_fn(choose, &[("token", &token), ("password", chosen), ("confirm", chosen)]).await;
    assert_eq!(status, 409, "a link is used once");
    assert_eq!(visitor.sign_in("presta.durand@externe.fr", chosen).await.status(), 200);

    // Forgotten: the same answer for any address, a mail only for the account (at most one per five minutes),
    // links expire after 48 h.
    let anonymous = Client::of(&app.base_url);
    let mails = "SELECT count(*) AS count FROM mail_outbox WHERE recipient = 'presta.durand@externe.fr'";
    let (status, _) =
        anonymous.post_json("/api/v1/password-reset", json!({ "login": "presta.durand@externe.fr" })).await;
    assert_eq!((status, app.count(mails).await), (202, 1), "the creation's mail went out a moment ago");
    app.clock.advance(chrono::TimeDelta::minutes(6));
    for login in ["Presta.Durand@externe.fr", "personne@nulle.part", "presta.durand@externe.fr"] {
        let (status, body) = anonymous.post_json("/api/v1/password-reset", json!({ "login": login })).await;
        assert_eq!(status, 202, "{body}");
    }
    assert_eq!(app.count(mails).await, 2, "one more mail, not two");
    assert_eq!(app.count("SELECT count(*) AS count FROM mail_outbox WHERE recipient = 'personne@nulle.part'").await, 0);
    let reset = last_link(&app, "presta.durand@externe.fr").await;
    assert_ne!(reset, link);
    app.clock.advance(chrono::TimeDelta::hours(49));
    let token = reset.strip_prefix("/mot-de-passe/").unwrap();
    let (status, body) = anonymous
        .server_fn(choose, &[("token", token), ("password", "une autre phrase"), ("confirm", "une autre phrase")])
        .await;
    assert_eq!(status, 409, "an expired link: {body}");
}

#[tokio::test]
async fn a_person_changes_their_password_and_sees_and_ends_their_sessions() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let employee = app.user("employe@t.fr", &[], None).await;
    app.user("autre@t.fr", &[], None).await;
    let (desk, phone) = (app.signed_in("employe@t.fr").await, app.signed_in("employe@t.fr").await);
    let (status, sessions) = desk.get_json("/api/v1/sessions").await;
    assert_eq!(status, 200);
    let sessions = sessions.as_array().unwrap().clone();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);

    // Someone else's session number is not found, never a hint.
    let other = app.signed_in("autre@t.fr").await;
    let theirs = other.get_json("/api/v1/sessions").await.1[0]["id"].as_i64().unwrap();
    let response = desk.http.delete(format!("{}/api/v1/sessions/{theirs}", app.base_url)).send().await.unwrap();
    assert_eq!(response.status(), 404);

    let (status, body) =
        desk.post_json("/api/v1/password", json!({ "current": "faux", "password": "grue ciment lanterne" })).await;
    assert_eq!((status, body["error"]["field"].clone()), (422, json!("current")));
    let (status, _) =
        desk.post_json("/api/v1/password", json!({ "current": PASSWORD, "password": "motdepasse" })).await;
    assert_eq!(status, 422);
    let (status, body) =
        desk.post_json("/api/v1/password", json!({ "current": PASSWORD, "password": "grue ciment lanterne" })).await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(desk.get_json("/api/v1/session").await.0, 200, "the session that changed it stays");
    assert_eq!(phone.get_json("/api/v1/session").await.0, 401, "the others end");

    // An administrator ends all of someone's sessions.
    let admin = app.signed_in("admin@t.fr").await;
    let response =
        admin.http.delete(format!("{}/api/v1/accounts/{}/sessions", app.base_url, employee.0)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap()["ended"], 1);
    assert_eq!(desk.get_json("/api/v1/session").await.0, 401);
    let response =
        other.http.delete(format!("{}/api/v1/accounts/{}/sessions", app.base_url, employee.0)).send().await.unwrap();
    assert_eq!(response.status(), 403);
}

//! Who may see and change accounts and teams: enforced by the server functions, whatever the UI shows.

mod common;

use app::directory::api::{ListAccounts, ListSites, ListTeams, SetAccountActive};
use app::domain::people::{Pole, Role};
use common::{PASSWORD, TestApp};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use leptos::server_fn::ServerFn;

/// The decoded `AppError` code of a server function's answer, or "ok", checked against its HTTP status.
fn outcome(status: u16, body: &serde_json::Value) -> String {
    let code = if status == 200 { "ok" } else { body["code"].as_str().unwrap_or("?") };
    let expected_status = match code {
        "ok" => 200,
        "unauthenticated" => 401,
        "forbidden" => 403,
        other => panic!("unexpected outcome {other} ({status})"),
    };
    assert_eq!(status, expected_status, "{code}");
    code.to_owned()
}

#[tokio::test]
async fn each_role_reaches_exactly_the_directory_functions_it_may() {
    let app = TestApp::spawn().await;
    app.user("employe@t.fr", &[], None).await;
    app.user("agent@t.fr", &[Role::Agent], Some(Pole::Back)).await;
    app.user("qualite@t.fr", &[Role::Quality], Some(Pole::Quality)).await;
    app.user("admin@t.fr", &[Role::Admin], None).await;

    // (who, [accounts, sites, teams])
    let table: &[(Option<&str>, [&str; 3])] = &[
        (None, ["unauthenticated", "unauthenticated", "unauthenticated"]),
        (Some("employe@t.fr"), ["forbidden", "forbidden", "forbidden"]),
        (Some("agent@t.fr"), ["forbidden", "forbidden", "ok"]),
        (Some("qualite@t.fr"), ["forbidden", "forbidden", "ok"]),
        (Some("admin@t.fr"), ["ok", "ok", "ok"]),
    ];
    for (who, expected) in table {
        let client = match who {
            Some(login) => app.signed_in(login).await,
            None => app.client(),
        };
        let mut got = Vec::new();
        for path in [ListAccounts::PATH, ListSites::PATH, ListTeams::PATH] {
            let (status, body) = client.server_fn(path, &[]).await;
            got.push(outcome(status, &body));
        }
        assert_eq!(got, expected.to_vec(), "{who:?}");
    }
}

#[tokio::test]
async fn teams_list_every_pole_in_order_with_its_active_members() {
    let app = TestApp::spawn().await;
    app.user("a@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("b@t.fr", &[Role::Agent, Role::Supervisor], Some(Pole::Front)).await;
    app.user("c@t.fr", &[Role::Agent], Some(Pole::Atelier)).await;
    let client = app.signed_in("a@t.fr").await;
    let (status, body) = client.server_fn(ListTeams::PATH, &[]).await;
    assert_eq!(status, 200, "{body}");
    let poles: Vec<&str> = body.as_array().unwrap().iter().map(|team| team["pole"].as_str().unwrap()).collect();
    assert_eq!(poles, ["FRONT", "BACK", "EXPERT", "ATELIER", "QUALITE"]);
    let members = |index: usize| -> Vec<String> {
        body[index]["members"].as_array().unwrap().iter().map(|m| m["login"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(members(0), ["a@t.fr", "b@t.fr"]);
    assert!(members(1).is_empty());
    assert_eq!(members(3), ["c@t.fr"]);
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions_and_is_audited() {
    let app = TestApp::spawn().await;
    let admin = app.user("admin@t.fr", &[Role::Admin], None).await;
    let target = app.user("employe@t.fr", &[], None).await;
    let employee = app.signed_in("employe@t.fr").await;
    let admin_client = app.signed_in("admin@t.fr").await;

    let (status, body) = admin_client
        .server_fn(SetAccountActive::PATH, &[("user_id", &target.0.to_string()), ("active", "false")])
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["active"], false);
    assert_eq!(employee.get("/api/v1/session").await.status(), 401, "the open session ended at once");
    assert_eq!(app.client().sign_in("employe@t.fr", PASSWORD).await.status(), 403);

    use app::db::schema::audit_log;
    let mut conn = app.db.conn().await;
    let entries: Vec<(Option<i64>, String, String, String)> = audit_log::table
        .select((audit_log::actor_id, audit_log::entity, audit_log::entity_id, audit_log::action))
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(entries, vec![(Some(admin.0), "compte".into(), target.0.to_string(), "desactivation".into())]);

    // Setting the same state again changes nothing and writes no second entry.
    let (status, _) = admin_client
        .server_fn(SetAccountActive::PATH, &[("user_id", &target.0.to_string()), ("active", "false")])
        .await;
    assert_eq!(status, 200);
    let count: i64 = audit_log::table.count().get_result(&mut conn).await.unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn administrators_cannot_disable_themselves_and_others_cannot_disable_anyone() {
    let app = TestApp::spawn().await;
    let admin = app.user("admin@t.fr", &[Role::Admin], None).await;
    let target = app.user("employe@t.fr", &[], None).await;
    app.user("agent@t.fr", &[Role::Agent, Role::Supervisor], Some(Pole::Front)).await;

    let (status, body) = app
        .signed_in("admin@t.fr")
        .await
        .server_fn(SetAccountActive::PATH, &[("user_id", &admin.0.to_string()), ("active", "false")])
        .await;
    assert_eq!((status, body["code"].as_str()), (409, Some("conflict")), "{body}");
    assert_eq!(body["message"], "Vous ne pouvez pas désactiver votre propre compte.");

    let (_, body) = app
        .signed_in("agent@t.fr")
        .await
        .server_fn(SetAccountActive::PATH, &[("user_id", &target.0.to_string()), ("active", "false")])
        .await;
    assert_eq!(body["code"], "forbidden");
    assert_eq!(app.client().sign_in("employe@t.fr", PASSWORD).await.status(), 200, "the account is still active");

    let (status, body) = app
        .signed_in("admin@t.fr")
        .await
        .server_fn(SetAccountActive::PATH, &[("user_id", "987654"), ("active", "false")])
        .await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")), "{body}");
}

#[tokio::test]
async fn the_audit_trail_cannot_be_rewritten() {
    let app = TestApp::spawn().await;
    let mut conn = app.db.conn().await;
    diesel::sql_query("INSERT INTO audit_log (entity, entity_id, action) VALUES ('compte', '1', 'essai')")
        .execute(&mut conn)
        .await
        .unwrap();
    for sql in ["UPDATE audit_log SET action = 'autre'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
        let error = diesel::sql_query(sql).execute(&mut conn).await.expect_err(sql);
        assert!(error.to_string().contains("ajout seul"), "{sql}: {error}");
    }
}

#[tokio::test]
async fn an_administrator_changes_a_profile_and_a_site_with_audit_and_guards() {
    use app::db::schema::{audit_log, user_roles, users};
    use app::directory::api::{SaveSite, UpdateAccount};
    use serde_json::json;
    let app = TestApp::spawn().await;
    let employee = app.user("employe@t.fr", &[], None).await;
    let manager = app.user("chef@t.fr", &[], None).await;
    let admin_id = app.user("admin@t.fr", &[Role::Admin], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    let site = app.site.unwrap().0;
    let profile = |id: i64, pole: Option<&str>, roles: Vec<&str>, manager: Option<i64>| json!({ "profile": { "id": id, "site": site, "typology": "AGENCE", "pole": pole, "roles": roles, "manager": manager } });

    // (profile, refusal field or code)
    let refusals = [
        (profile(employee.0, None, vec!["AGENT"], None), "pole"),
        (profile(employee.0, None, vec![], Some(employee.0)), "manager"),
        (profile(employee.0, None, vec![], Some(999_999)), "manager"),
        (profile(admin_id.0, None, vec![], None), "conflict"),
    ];
    for (body, expected) in refusals {
        let (status, error) = admin.server_fn_json(UpdateAccount::PATH, &body).await;
        let got = error["field"].as_str().unwrap_or(error["code"].as_str().unwrap_or("?"));
        assert!(status == 422 || status == 409, "{status} {error}");
        assert_eq!(got, expected, "{body}");
    }

    let (status, row) = admin
        .server_fn_json(
            UpdateAccount::PATH,
            &profile(employee.0, Some("FRONT"), vec!["AGENT", "DELEGUE"], Some(manager.0)),
        )
        .await;
    assert_eq!(status, 200, "{row}");
    assert_eq!(
        (row["pole"].as_str(), row["manager_id"].as_i64(), row["typology"].as_str()),
        (Some("FRONT"), Some(manager.0), Some("AGENCE"))
    );
    let mut conn = app.pool.get().await.unwrap();
    let mut roles: Vec<String> = user_roles::table
        .filter(user_roles::user_id.eq(employee))
        .select(user_roles::role)
        .load(&mut conn)
        .await
        .unwrap();
    roles.sort();
    assert_eq!(roles, ["AGENT", "DELEGUE", "DEMANDEUR"]);
    let manager_id: Option<i64> = users::table.find(employee).select(users::manager_id).first(&mut conn).await.unwrap();
    assert_eq!(manager_id, Some(manager.0));

    let (status, body) = admin
        .server_fn_json(SaveSite::PATH, &json!({ "site": { "id": null, "code": "AG-ARCACHON", "name": "Agence d'Arcachon", "kind": "AGENCE", "city": "Arcachon" } }))
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, error) = admin
        .server_fn_json(SaveSite::PATH, &json!({ "site": { "id": null, "code": "AG-ARCACHON", "name": "Autre", "kind": "AGENCE", "city": "Arcachon" } }))
        .await;
    assert_eq!((status, error["code"].as_str()), (409, Some("conflict")));
    let (status, _) = admin
        .server_fn_json(
            SaveSite::PATH,
            &json!({ "site": { "id": null, "code": "mauvais code", "name": "X", "kind": "AGENCE", "city": "" } }),
        )
        .await;
    assert_eq!(status, 422);

    let entities: Vec<String> =
        audit_log::table.select(audit_log::entity).order(audit_log::id).load(&mut conn).await.unwrap();
    assert_eq!(entities, ["compte", "site"], "one line per accepted change, none for the refused ones");

    let employee_client = app.signed_in("chef@t.fr").await;
    let (status, _) =
        employee_client.server_fn_json(UpdateAccount::PATH, &profile(manager.0, None, vec!["ADMIN"], None)).await;
    assert_eq!(status, 403, "only administrators change profiles");
}

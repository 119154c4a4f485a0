//! Communication campaigns through the server functions and the ticket API: a banner reaches its sites and
//! typologies only, is refused with every problem named, is withdrawn once; a major incident tells its
//! requesters when it starts and when it is resolved, and both appear in the history.

mod common;

use app::domain::people::{Pole, Role};
use common::{Client, TestApp, server_fn_path};
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

/// A second site, Libourne, and an agency employee working there.
async fn libourne(app: &TestApp) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.pool.get().await.unwrap();
    let rows: Vec<Id> = diesel::sql_query(
        "INSERT INTO sites (code, name, kind, city) VALUES ('LIBOURNE', 'Agence de Libourne', 'AGENCE', 'Libourne') RETURNING id",
    )
    .load(&mut conn)
    .await
    .unwrap();
    rows[0].id
}

async fn banners(client: &Client) -> Vec<String> {
    let (status, body) = client.server_fn_json(server_fn_path::<app::campaigns::api::LiveBanners>(), &json!({})).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().unwrap().iter().map(|banner| banner["title"].as_str().unwrap().to_owned()).collect()
}

/// Ten days from now, as a `datetime-local` input writes it.
fn soon() -> String {
    (common::suite_now() + chrono::TimeDelta::days(10)).format("%Y-%m-%dT%H:%M").to_string()
}

fn banner(title: &str, sites: &[i64], typologies: &[&str], ends: &str) -> Value {
    json!({ "form": {
        "title": title,
        "message": "Le réseau de l'agence est coupé ; l'opérateur intervient.",
        "severity": "ALERTE",
        "audience": { "sites": sites, "typologies": typologies },
        "starts_at": "",
        "ends_at": ends,
    }})
}

#[tokio::test]
async fn a_banner_reaches_its_sites_and_typologies_only_until_withdrawn() {
    let app = TestApp::spawn().await;
    let libourne = libourne(&app).await;
    app.user("qualite@t.fr", &[Role::Quality], None).await;
    app.user("siege@t.fr", &[], None).await;
    app.user("agence@t.fr", &[], None).await;
    app.user("direction@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.exec(&format!("UPDATE users SET site_id = {libourne}, typology = 'AGENCE' WHERE login = 'agence@t.fr'")).await;
    app.exec("UPDATE users SET typology = 'DIRECTION' WHERE login = 'direction@t.fr'").await;
    let quality = app.signed_in("qualite@t.fr").await;
    let head_office = app.signed_in("siege@t.fr").await;
    let agency = app.signed_in("agence@t.fr").await;
    let direction = app.signed_in("direction@t.fr").await;
    let agent = app.signed_in("n1@t.fr").await;
    let publish = server_fn_path::<app::campaigns::api::PublishBanner>();

    let (status, id) =
        quality.server_fn_json(publish, &banner("Coupure réseau à Libourne", &[libourne], &[], &soon())).await;
    assert_eq!(status, 200, "{id}");
    let (status, _) =
        quality.server_fn_json(publish, &banner("Comité de direction", &[], &["DIRECTION"], &soon())).await;
    assert_eq!(status, 200);
    assert_eq!(banners(&agency).await, vec!["Coupure réseau à Libourne"]);
    assert!(banners(&head_office).await.is_empty(), "another site does not see Libourne's outage");
    assert_eq!(banners(&direction).await, vec!["Comité de direction"]);
    assert!(banners(&app.client()).await.is_empty(), "a visitor sees no banner");

    // Every problem is named at once, and nothing is stored.
    let (status, error) =
        quality.server_fn_json(publish, &banner(" ", &[libourne, 999_999], &[], "2020-01-01T08:00")).await;
    assert_eq!((status, error["code"].as_str()), (422, Some("invalid_form")), "{error}");
    let fields: Vec<&str> = error["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["title", "ends_at", "sites"], "{error}");
    let (status, error) = quality.server_fn_json(publish, &banner("Date", &[], &[], "demain")).await;
    assert_eq!((status, error["field"].as_str()), (422, Some("ends_at")), "{error}");
    let (status, _) = agent.server_fn_json(publish, &banner("Pirate", &[], &[], &soon())).await;
    assert_eq!(status, 403, "an agent does not publish banners");

    let withdraw = server_fn_path::<app::campaigns::api::WithdrawBanner>();
    assert_eq!(agent.server_fn_json(withdraw, &json!({ "id": id })).await.0, 403);
    assert_eq!(quality.server_fn_json(withdraw, &json!({ "id": id })).await.0, 200);
    assert!(banners(&agency).await.is_empty(), "withdrawn, it no longer shows");
    assert_eq!(quality.server_fn_json(withdraw, &json!({ "id": id })).await.0, 409, "once");

    let (status, page) =
        quality.server_fn_json(server_fn_path::<app::campaigns::api::LoadCampaigns>(), &json!({})).await;
    assert_eq!(status, 200);
    let states: Vec<(&str, &str)> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| (entry["title"].as_str().unwrap(), entry["state"].as_str().unwrap()))
        .collect();
    assert!(states.contains(&("Coupure réseau à Libourne", "Withdrawn")), "{states:?}");
    assert!(states.contains(&("Comité de direction", "Live")), "{states:?}");
    assert_eq!(page["may_publish"], true);
    let (status, _) = agent.server_fn_json(server_fn_path::<app::campaigns::api::LoadCampaigns>(), &json!({})).await;
    assert_eq!(status, 403, "the history is in the steering area");
}

async fn notices(app: &TestApp, login: &str) -> Vec<String> {
    #[derive(diesel::QueryableByName)]
    struct Message {
        #[diesel(sql_type = diesel::sql_types::Text)]
        message: String,
    }
    let mut conn = app.pool.get().await.unwrap();
    let rows: Vec<Message> = diesel::sql_query(format!(
        "SELECT n.message FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.login = '{login}' \
         AND n.message LIKE 'Incident majeur%' ORDER BY n.id"
    ))
    .load(&mut conn)
    .await
    .unwrap();
    rows.into_iter().map(|row| row.message).collect()
}

#[tokio::test]
async fn a_major_incident_tells_its_requesters_when_it_starts_and_ends() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("hugo@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("qualite@t.fr", &[Role::Quality], None).await;
    let camille = app.signed_in("camille@t.fr").await;
    let hugo = app.signed_in("hugo@t.fr").await;
    let n1 = app.signed_in("n1@t.fr").await;
    let ticket = |client: &Client, title: &str| {
        let client = client.clone();
        let title = title.to_owned();
        async move {
            let (status, body) = client
                .post_json(
                    "/api/v1/tickets",
                    json!({ "type": "INCIDENT", "title": title, "description": "La messagerie ne répond plus." }),
                )
                .await;
            assert_eq!(status, 201, "{body}");
            body["summary"]["reference"].as_str().unwrap().to_owned()
        }
    };
    let parent = ticket(&camille, "Messagerie coupée").await;
    let child = ticket(&hugo, "Plus de mails").await;
    assert!(notices(&app, "camille@t.fr").await.is_empty(), "an ordinary incident sends no campaign message");

    let (status, _) =
        n1.post_json(&format!("/api/v1/tickets/{child}/links"), json!({ "kind": "ENFANT", "target": parent })).await;
    assert_eq!(status, 201);
    for login in ["camille@t.fr", "hugo@t.fr"] {
        let told = notices(&app, login).await;
        assert_eq!(told.len(), 1, "{login}: {told:?}");
        assert!(told[0].starts_with(&format!("Incident majeur en cours ({parent})")), "{told:?}");
    }
    // A third requester's incident attached later is told at once; the others are not told twice.
    app.user("lea@t.fr", &[], None).await;
    let lea = app.signed_in("lea@t.fr").await;
    let late = ticket(&lea, "Outlook déconnecté").await;
    n1.post_json(&format!("/api/v1/tickets/{late}/links"), json!({ "kind": "ENFANT", "target": parent })).await;
    assert_eq!(notices(&app, "lea@t.fr").await.len(), 1);
    assert_eq!(notices(&app, "camille@t.fr").await.len(), 1);

    let (_, detail) = n1.get_json(&format!("/api/v1/tickets/{parent}")).await;
    let version = detail["summary"]["version"].as_i64().unwrap();
    let (status, body) = n1
        .post_json(
            &format!("/api/v1/tickets/{parent}/transitions"),
            json!({ "action": "RESOUDRE", "version": version, "solution": "Serveur de messagerie redémarré." }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    for login in ["camille@t.fr", "hugo@t.fr", "lea@t.fr"] {
        let told = notices(&app, login).await;
        assert_eq!(told.len(), 2, "{login}: {told:?}");
        assert!(told[1].starts_with(&format!("Incident majeur résolu ({parent})")), "{told:?}");
        assert!(told[1].contains("Serveur de messagerie redémarré."));
    }

    let quality = app.signed_in("qualite@t.fr").await;
    let (_, page) = quality.server_fn_json(server_fn_path::<app::campaigns::api::LoadCampaigns>(), &json!({})).await;
    let entry = &page["entries"][0];
    assert_eq!(entry["kind"], "INCIDENT_MAJEUR");
    assert_eq!(entry["ticket"], parent.as_str());
    assert_eq!((entry["told_at_start"].as_i64(), entry["told_at_end"].as_i64()), (Some(3), Some(3)));
    assert_eq!(entry["state"], "Ended");
}

//! Satisfaction surveys end to end: sampling at closure (rate, once per requester per period), the answer
//! feeding the satisfaction KPI, a low rating opening a follow-up that Qualité handles, and the policy
//! edited within bounds by Qualité only.

mod common;

use app::domain::people::{Pole, Role};
use common::{Client, TestApp, server_fn_path};
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

async fn post(client: &Client, path: &str, body: Value) -> (u16, Value) {
    let response = client.http.post(format!("{}{path}", client.base_url)).json(&body).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn act(client: &Client, reference: &str, action: &str, extra: Value) -> (u16, Value) {
    let (_, ticket) = client.get_json(&format!("/api/v1/tickets/{reference}")).await;
    let version = ticket["summary"]["version"].as_i64().unwrap_or(0);
    let mut body = json!({ "action": action, "version": version });
    body.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
    post(client, &format!("/api/v1/tickets/{reference}/transitions"), body).await
}

struct Desk {
    app: TestApp,
    employee: Client,
    n1: Client,
    quality: Client,
}

async fn desk() -> Desk {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("qualite@t.fr", &[Role::Quality], None).await;
    Desk {
        employee: app.signed_in("camille@t.fr").await,
        n1: app.signed_in("n1@t.fr").await,
        quality: app.signed_in("qualite@t.fr").await,
        app,
    }
}

/// A request of the employee, resolved by N1 and confirmed by the employee (which closes it).
async fn closed_request(d: &Desk, title: &str) -> String {
    let (status, ticket) =
        post(&d.employee, "/api/v1/tickets", json!({ "type": "DEMANDE", "title": title, "description": "x" })).await;
    assert_eq!(status, 201, "{ticket}");
    let reference = ticket["summary"]["reference"].as_str().unwrap().to_owned();
    assert_eq!(act(&d.n1, &reference, "RESOUDRE", json!({ "solution": "Fait." })).await.0, 200);
    let (status, body) = act(&d.employee, &reference, "CONFIRMER", json!({})).await;
    assert_eq!(status, 200, "{body}");
    reference
}

#[tokio::test]
async fn surveys_are_sampled_at_closure_once_per_requester_and_period() {
    let d = desk().await;
    d.app.exec("UPDATE survey_settings SET rate_percent = 0").await;
    closed_request(&d, "Sans enquête").await;
    assert_eq!(d.app.count("SELECT count(*) AS count FROM survey_invitations").await, 0, "a rate of 0 asks nobody");

    d.app.exec("UPDATE survey_settings SET rate_percent = 100, period_days = 30").await;
    let first = closed_request(&d, "Première").await;
    let second = closed_request(&d, "Seconde").await;
    let invited: Vec<String> = {
        #[derive(diesel::QueryableByName)]
        struct Reference {
            #[diesel(sql_type = diesel::sql_types::Text)]
            reference: String,
        }
        let mut conn = d.app.pool.get().await.unwrap();
        let rows: Vec<Reference> = diesel::sql_query(
            "SELECT t.reference FROM survey_invitations s JOIN tickets t ON t.id = s.ticket_id ORDER BY t.id",
        )
        .load(&mut conn)
        .await
        .unwrap();
        rows.into_iter().map(|row| row.reference).collect()
    };
    assert_eq!(invited, vec![first.clone()], "the same requester is asked once in the period");
    let told = d.app.count(&format!(
            "SELECT count(*) AS count FROM notifications WHERE message LIKE '{first} est clos : votre avis%' AND event_key LIKE '%enquete'"
        ),
    )
    .await;
    assert_eq!(told, 1, "the requester is asked in the portal and by mail");
    let (_, ticket) = d.employee.get_json(&format!("/api/v1/tickets/{second}")).await;
    assert_eq!(ticket["may_rate"], false);
    let rate = server_fn_path::<app::tickets::api::RateTicket>();
    let (status, _) = d.employee.server_fn(rate, &[("reference", &second), ("rating", "4")]).await;
    assert_eq!(status, 409, "not surveyed, not rated");

    // A year later the requester may be asked again.
    d.app.exec("UPDATE survey_invitations SET invited_at = invited_at - interval '31 days'").await;
    let third = closed_request(&d, "Un mois plus tard").await;
    assert_eq!(d.app.count("SELECT count(*) AS count FROM survey_invitations").await, 2, "{third}");
}

#[tokio::test]
async fn a_low_rating_feeds_the_kpi_and_opens_a_follow_up_for_quality() {
    let d = desk().await;
    d.app.exec("UPDATE survey_settings SET rate_percent = 100").await;
    let reference = closed_request(&d, "Écran noir").await;
    let rate = server_fn_path::<app::tickets::api::RateTicket>();
    let (status, body) = d
        .employee
        .server_fn(rate, &[("reference", &reference), ("rating", "1"), ("comment", "Trois jours sans écran.")])
        .await;
    assert_eq!(status, 200, "{body}");

    let (_, kpis) = d.quality.get_json("/api/v1/kpis").await;
    let satisfaction = kpis["kpis"].as_array().unwrap().iter().find(|k| k["code"] == "SATISFACTION").unwrap();
    assert_eq!((satisfaction["value"].as_f64(), satisfaction["denominator"].as_u64()), (Some(1.0), Some(1)));
    let notified = d
        .app
        .count(
            "SELECT count(*) AS count FROM notifications n JOIN users u ON u.id = n.user_id \
         WHERE u.login = 'qualite@t.fr' AND n.message LIKE '%note basse%'",
        )
        .await;
    assert_eq!(notified, 1, "Qualité hears of the low rating");

    let load = server_fn_path::<app::surveys::api::LoadSatisfaction>();
    let (status, page) = d.quality.server_fn_json(load, &json!({})).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!((page["invited_30_days"].as_i64(), page["answered_30_days"].as_i64()), (Some(1), Some(1)));
    assert_eq!(page["mean_30_days"].as_f64(), Some(1.0));
    let follow_up = &page["follow_ups"][0];
    assert_eq!((follow_up["reference"].as_str(), follow_up["rating"].as_i64()), (Some(reference.as_str()), Some(1)));
    assert_eq!(follow_up["comment"], "Trois jours sans écran.");
    assert!(follow_up["handled_at"].is_null());

    let handle = server_fn_path::<app::surveys::api::HandleFollowUp>();
    let (status, error) = d.quality.server_fn_json(handle, &json!({ "reference": reference, "note": "  " })).await;
    assert_eq!((status, error["field"].as_str()), (422, Some("note")), "{error}");
    assert_eq!(d.n1.server_fn_json(handle, &json!({ "reference": reference, "note": "x" })).await.0, 403);
    let note = "Rappelée : écran de prêt livré, excuses présentées.";
    assert_eq!(d.quality.server_fn_json(handle, &json!({ "reference": reference, "note": note })).await.0, 200);
    assert_eq!(d.quality.server_fn_json(handle, &json!({ "reference": reference, "note": note })).await.0, 409);
    let (_, page) = d.quality.server_fn_json(load, &json!({})).await;
    assert_eq!(page["follow_ups"][0]["note"], note);
    assert_eq!(page["follow_ups"][0]["handled_by"], "Personne qualite@t.fr");
}

#[tokio::test]
async fn the_survey_policy_is_kept_within_bounds_by_quality() {
    let d = desk().await;
    d.app.user("chef@t.fr", &[Role::Supervisor], Some(Pole::Front)).await;
    let supervisor = d.app.signed_in("chef@t.fr").await;
    let save = server_fn_path::<app::surveys::api::SaveSurveyPolicy>();
    let policy = |rate: u32, period: u32, low: u32| json!({ "policy": { "rate_percent": rate, "period_days": period, "low_rating": low } });
    for (body, field) in
        [(policy(101, 30, 2), "rate_percent"), (policy(30, 0, 2), "period_days"), (policy(30, 30, 5), "low_rating")]
    {
        let (status, error) = d.quality.server_fn_json(save, &body).await;
        assert_eq!((status, error["field"].as_str()), (422, Some(field)), "{body}: {error}");
    }
    assert_eq!(supervisor.server_fn_json(save, &policy(50, 60, 3)).await.0, 403, "a supervisor reads, Qualité decides");
    assert_eq!(d.employee.server_fn_json(save, &policy(50, 60, 3)).await.0, 403);
    let (status, saved) = d.quality.server_fn_json(save, &policy(50, 60, 3)).await;
    assert_eq!(status, 200, "{saved}");
    let (_, page) =
        supervisor.server_fn_json(server_fn_path::<app::surveys::api::LoadSatisfaction>(), &json!({})).await;
    assert_eq!(page["policy"], json!({ "rate_percent": 50, "period_days": 60, "low_rating": 3 }));
    assert_eq!(page["may_edit_policy"], false);
    assert_eq!(d.app.count("SELECT count(*) AS count FROM audit_log WHERE entity = 'enquetes'").await, 1);
}

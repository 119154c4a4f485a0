//! The monthly report: its KPIs, major incidents and improvement actions for a past month; actions recorded
//! and moved on by Qualité only; the report mailed once to the managers, by hand or by the monthly job.

mod common;

use app::domain::people::{Pole, Role};
use common::{TestApp, instant, server_fn_path};
use serde_json::json;

/// An incident of October 2026 with another attached to it, resolved on the 15th.
async fn october_major_incident(app: &TestApp, requester: i64) {
    let site = app.site.unwrap().0;
    app.exec(&format!(
            "INSERT INTO tickets (reference, kind, status, title, description, channel, priority, site_id, pole, requester_id, domain, \
             registered_at, updated_at, resolved_at) VALUES \
             ('INC-2026-000001', 'INCIDENT', 'RESOLU', 'Messagerie coupée', 'x', 'TELEPHONE', 'P1', {site}, 'BACK', {requester}, 'MESSAGERIE', \
              '2026-10-14T08:00:00Z', '2026-10-15T08:00:00Z', '2026-10-15T08:00:00Z'), \
             ('INC-2026-000002', 'INCIDENT', 'RESOLU', 'Plus de mails', 'x', 'PORTAIL', 'P2', {site}, 'BACK', {requester}, 'MESSAGERIE', \
              '2026-10-14T09:00:00Z', '2026-10-15T08:00:00Z', '2026-10-15T08:00:00Z')"
        ),
    )
    .await;
    app.exec("INSERT INTO ticket_links (from_id, to_id, kind, created_at) SELECT c.id, p.id, 'ENFANT', '2026-10-14T09:00:00Z' \
         FROM tickets c, tickets p WHERE c.reference = 'INC-2026-000002' AND p.reference = 'INC-2026-000001'",
    )
    .await;
}

#[tokio::test]
async fn a_past_month_is_reported_and_mailed_once_to_the_managers() {
    let app = TestApp::spawn().await;
    // Mid-November: October is the month under review.
    app.clock.set(instant("2026-11-10T09:00:00Z"));
    let camille = app.user("camille@t.fr", &[], None).await;
    october_major_incident(&app, camille.0).await;
    let quality_id = app.user("qualite@t.fr", &[Role::Quality], None).await;
    app.user("chef@t.fr", &[Role::Supervisor], Some(Pole::Back)).await;
    app.user("dg@t.fr", &[], None).await;
    app.exec("UPDATE users SET typology = 'DIRECTION' WHERE login = 'dg@t.fr'").await;
    let quality = app.signed_in("qualite@t.fr").await;
    let supervisor = app.signed_in("chef@t.fr").await;
    let record = server_fn_path::<app::reports::api::RecordImprovementAction>();
    let action = |title: &str, owner: i64, due: &str| json!({ "draft": { "title": title, "description": "Procédure de bascule documentée.", "owner_id": owner, "due_on": due } });

    for (body, field) in [
        (action("ab", quality_id.0, ""), "title"),
        (action("Plan de secours messagerie", 999_999, ""), "owner_id"),
        (action("Plan de secours messagerie", quality_id.0, "31/12/2026"), "due_on"),
    ] {
        let (status, error) = quality.server_fn_json(record, &body).await;
        assert_eq!((status, error["field"].as_str()), (422, Some(field)), "{body}: {error}");
    }
    assert_eq!(supervisor.server_fn_json(record, &action("Pirate", quality_id.0, "")).await.0, 403);
    let (status, id) =
        quality.server_fn_json(record, &action("Plan de secours messagerie", quality_id.0, "2026-12-31")).await;
    assert_eq!(status, 200, "{id}");
    // Recorded in November, while October is reviewed: it belongs to October's report.
    let set_status = server_fn_path::<app::reports::api::SetImprovementActionStatus>();
    let (status, _) = quality.server_fn_json(set_status, &json!({ "id": id, "status": "EN_COURS" })).await;
    assert_eq!(status, 200);

    let load = server_fn_path::<app::reports::api::LoadMonthlyReport>();
    let (status, report) = supervisor.server_fn_json(load, &json!({ "month": "2026-10" })).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["month"], "2026-10-01");
    assert_eq!(report["kpis"]["lines"].as_array().unwrap().len(), 14);
    assert_eq!(report["kpis"]["period"]["from"], "2026-09-30T22:00:00Z");
    let majors = report["major_incidents"].as_array().unwrap();
    assert_eq!(majors.len(), 1, "{majors:?}");
    assert_eq!((majors[0]["reference"].as_str(), majors[0]["attached"].as_i64()), (Some("INC-2026-000001"), Some(1)));
    assert_eq!(report["actions"][0]["title"], "Plan de secours messagerie");
    assert_eq!(report["actions"][0]["status"], "EN_COURS");
    assert_eq!(report["may_edit"], false, "a supervisor reads the report");
    let (status, error) = supervisor.server_fn_json(load, &json!({ "month": "octobre" })).await;
    assert_eq!((status, error["field"].as_str()), (422, Some("mois")));

    let send = server_fn_path::<app::reports::api::SendMonthlyReport>();
    assert_eq!(supervisor.server_fn_json(send, &json!({ "month": "2026-10" })).await.0, 403);
    let (status, told) = quality.server_fn_json(send, &json!({ "month": "2026-10" })).await;
    assert_eq!((status, told.as_i64()), (200, Some(2)), "the supervisor and the direction: {told}");
    let mails = app.count("SELECT count(*) AS count FROM mail_outbox WHERE subject = '[Immo9] Rapport mensuel du service — octobre 2026' \
         AND body LIKE '%Résolutions dans le délai%' AND body LIKE '%INC-2026-000001 « Messagerie coupée » : 1 incident(s) rattaché(s)%' \
         AND body LIKE '%Plan de secours messagerie (En cours%' AND link_path = '/pilotage/rapport?mois=2026-10'",
    )
    .await;
    assert_eq!(mails, 2);
    let (status, error) = quality.server_fn_json(send, &json!({ "month": "2026-10" })).await;
    assert_eq!(status, 409, "once a month: {error}");
    let this_month = app.clock.now().format("%Y-%m").to_string();
    let (status, _) = quality.server_fn_json(send, &json!({ "month": this_month })).await;
    assert_eq!(status, 409, "a month is reported once it is over");
    let (_, report) = quality.server_fn_json(load, &json!({ "month": "2026-10" })).await;
    assert_eq!(report["sent"][1], 2);
}

#[tokio::test]
async fn the_monthly_job_sends_last_month_from_the_first_at_eight() {
    let app = TestApp::spawn().await;
    app.user("chef@t.fr", &[Role::Supervisor], Some(Pole::Back)).await;
    let mut conn = app.pool.get().await.unwrap();
    // 1 December, 07:00 in Paris: too early.
    let early = app::reports::service::send_due(&mut conn, instant("2026-12-01T06:00:00Z")).await.unwrap();
    assert_eq!(early, None);
    let due = app::reports::service::send_due(&mut conn, instant("2026-12-01T07:15:00Z")).await.unwrap();
    assert_eq!(due.map(|month| month.to_string()), Some("2026-11-01".to_owned()));
    let again = app::reports::service::send_due(&mut conn, instant("2026-12-01T07:30:00Z")).await.unwrap();
    assert_eq!(again, None, "sent once");
    assert_eq!(app.count("SELECT count(*) AS count FROM mail_outbox WHERE subject LIKE '%novembre 2026'").await, 1);
    assert_eq!(app.count("SELECT count(*) AS count FROM monthly_reports WHERE sent_by IS NULL").await, 1);
}

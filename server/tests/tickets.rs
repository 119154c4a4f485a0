//! The lifecycle through the JSON API: each kind's main path, refusals, escalation, the ask-the-requester
//! loop with its reminders, links, visibility, and concurrency (no duplicate reference, no lost update).

mod common;

use app::domain::people::{Pole, Role};
use app::domain::workflow::Status;
use app::tickets::TicketDetail;
use chrono::{Datelike, TimeDelta, Utc};
use common::{Client, TestApp, error_code};
use serde_json::{Value, json};

/// Registers a ticket and returns its reference.
async fn create(client: &Client, body: Value) -> String {
    let (status, ticket) = client.post_json("/api/v1/tickets", body.clone()).await;
    assert_eq!(status, 201, "{body} → {ticket}");
    ticket["summary"]["reference"].as_str().unwrap().to_owned()
}

/// The state of a ticket an answer carries, decoded into the wire type (an error body has none).
fn status_of(ticket: &Value) -> Option<Status> {
    serde_json::from_value::<TicketDetail>(ticket.clone()).ok().map(|ticket| ticket.summary.status)
}

async fn history_actions(client: &Client, reference: &str) -> Vec<String> {
    let (status, history) = client.get_json(&format!("/api/v1/tickets/{reference}/history")).await;
    assert_eq!(status, 200);
    history.as_array().unwrap().iter().map(|entry| entry["action"].as_str().unwrap().to_owned()).collect()
}

struct Desk {
    app: TestApp,
    employee: Client,
    n1: Client,
    n2: Client,
    expert: Client,
    cab: Client,
    supervisor: Client,
}

async fn desk() -> Desk {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("n2@t.fr", &[Role::Agent], Some(Pole::Back)).await;
    app.user("expert@t.fr", &[Role::Agent], Some(Pole::Expert)).await;
    app.user("cab@t.fr", &[Role::CabMember], None).await;
    app.user("chef@t.fr", &[Role::Agent, Role::Supervisor], Some(Pole::Front)).await;
    Desk {
        employee: app.signed_in("camille@t.fr").await,
        n1: app.signed_in("n1@t.fr").await,
        n2: app.signed_in("n2@t.fr").await,
        expert: app.signed_in("expert@t.fr").await,
        cab: app.signed_in("cab@t.fr").await,
        supervisor: app.signed_in("chef@t.fr").await,
        app,
    }
}

#[tokio::test]
async fn an_incident_goes_from_the_portal_to_the_requesters_confirmation() {
    let d = desk().await;
    // Frozen, so the year (in Paris, as references count it) cannot turn during the test.
    let year = d.app.clock.freeze().with_timezone(&chrono_tz::Europe::Paris).year();
    let reference = create(
        &d.employee,
        json!({ "type": "INCIDENT", "title": "Imprimante HS", "description": "Bourrage permanent." }),
    )
    .await;
    assert!(reference.starts_with(&format!("INC-{year}-")), "{reference}");
    let (_, ticket) = d.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(
        (status_of(&ticket), ticket["summary"]["channel"].as_str(), ticket["summary"]["pole"].as_str()),
        (Some(Status::New), Some("PORTAIL"), Some("FRONT"))
    );
    assert_eq!(
        ticket["actions"],
        json!(["ESCALADE_HIERARCHIQUE", "ANNULER"]),
        "the requester may only cancel or alert"
    );

    let (status, ticket) = d.n1.act(&reference, "PRENDRE", json!({ "minutes": 5 })).await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::InProgress)));
    let (status, ticket) = d.n1.act(&reference, "QUESTIONNER", json!({ "question": "Quel étage ?" })).await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::WaitingRequester)));
    assert!(ticket["waiting_since"].is_string(), "the pause is recorded");
    let (status, ticket) = d.employee.act(&reference, "REPONDRE", json!({ "answer": "Premier étage." })).await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::InProgress)));
    assert!(ticket["waiting_since"].is_null());
    let (status, ticket) =
        d.n1.act(&reference, "RESOUDRE", json!({ "solution": "Capteur nettoyé.", "minutes": 15 })).await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::Resolved)));
    assert_eq!(ticket["effort"]["total_minutes"], 20);
    let (status, ticket) = d.employee.act(&reference, "CONFIRMER", json!({})).await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::Closed)));
    assert!(ticket["closed_at"].is_string());
    assert_eq!(ticket["summary"]["version"], 6);
    assert_eq!(
        history_actions(&d.n1, &reference).await,
        ["ENREGISTRER", "PRENDRE", "QUESTIONNER", "REPONDRE", "RESOUDRE", "CONFIRMER"]
    );
}

#[tokio::test]
async fn a_rejected_resolution_reopens_and_counts() {
    let d = desk().await;
    let reference =
        create(&d.employee, json!({ "type": "DEMANDE", "title": "Second écran", "description": "Pour l'accueil." }))
            .await;
    d.n1.act(&reference, "PRENDRE", json!({})).await;
    d.n1.act(&reference, "RESOUDRE", json!({ "solution": "Livré." })).await;
    let (status, body) = d.employee.act(&reference, "REJETER", json!({})).await;
    assert_eq!((status, error_code(&body), body["error"]["field"].as_str()), (422, "validation", Some("reason")));
    let (status, ticket) = d.employee.act(&reference, "REJETER", json!({ "reason": "Toujours pas reçu." })).await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::InProgress)));
    assert_eq!(ticket["reopen_count"], 1);
}

#[tokio::test]
async fn the_front_office_registers_a_call_for_someone_and_solves_it_at_once() {
    let d = desk().await;
    let (status, ticket) = d.n1.post_json("/api/v1/tickets", json!({
        "type": "DEMANDE", "title": "Mot de passe oublié", "description": "Réinitialisation demandée par téléphone.",
        "channel": "TELEPHONE", "requester": "Camille@T.fr", "solved_now": "Mot de passe réinitialisé avec l'utilisateur."
    }))
    .await;
    assert_eq!(status, 201, "{ticket}");
    assert_eq!(status_of(&ticket), Some(Status::Resolved));
    assert_eq!(ticket["first_contact"], true);
    assert_eq!(ticket["registered_by_name"], "Personne n1@t.fr");
    assert_eq!(ticket["summary"]["requester_name"], "Personne camille@t.fr");
    let reference = ticket["summary"]["reference"].as_str().unwrap();
    let (status, mine) = d.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(status, 200, "the requester follows it");
    assert_eq!(mine["actions"], json!(["CONFIRMER", "REJETER"]));

    // An employee cannot register for someone else, nor register a change.
    let (status, body) = d
        .employee
        .post_json(
            "/api/v1/tickets",
            json!({ "type": "DEMANDE", "title": "x", "description": "y", "requester": "n1@t.fr" }),
        )
        .await;
    assert_eq!((status, error_code(&body)), (403, "forbidden"));
    let (status, _) = d
        .employee
        .post_json("/api/v1/tickets", json!({ "type": "CHANGEMENT", "title": "x", "description": "y" }))
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn escalation_moves_the_ticket_to_the_next_pole_with_its_reason() {
    let d = desk().await;
    let reference = create(
        &d.employee,
        json!({ "type": "INCIDENT", "title": "Libourne sans Internet", "description": "Toute l'agence." }),
    )
    .await;
    d.n1.act(&reference, "PRENDRE", json!({})).await;
    let (status, body) = d.n1.act(&reference, "ESCALADER", json!({ "pole": "BACK" })).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("reason")));
    let (status, body) = d.n1.act(&reference, "ESCALADER", json!({ "pole": "FRONT", "reason": "x" })).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("pole")));
    let (status, ticket) =
        d.n1.act(&reference, "ESCALADER", json!({ "pole": "BACK", "reason": "Lien opérateur à diagnostiquer." })).await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!((status_of(&ticket), ticket["summary"]["pole"].as_str()), (Some(Status::New), Some("BACK")));
    assert!(ticket["summary"]["assignee_name"].is_null());
    assert_eq!(ticket["escalation_count"], 1);

    let (status, body) = d.n1.act(&reference, "PRENDRE", json!({})).await;
    assert_eq!((status, error_code(&body)), (403, "forbidden"), "the Front Office no longer holds it");
    let (status, ticket) = d.n2.act(&reference, "PRENDRE", json!({})).await;
    assert_eq!((status, ticket["summary"]["assignee_name"].as_str()), (200, Some("Personne n2@t.fr")));

    // The requester sees that it moved, not the desk's internal reasons.
    let (_, seen) = d.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    let text = seen["timeline"].to_string();
    assert!(!text.contains("Lien opérateur"), "{text}");
    let (_, desk_view) = d.n2.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert!(desk_view["timeline"].to_string().contains("Lien opérateur"));

    // Hierarchical escalation notifies the supervisors.
    let (status, ticket) = d
        .employee
        .act(&reference, "ESCALADE_HIERARCHIQUE", json!({ "reason": "Signature chez le notaire demain." }))
        .await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::InProgress)));
    assert!(ticket["supervisor_alerted_at"].is_string());
    use diesel_async::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    let notified = diesel::sql_query(
        "SELECT count(*) AS count FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.login = 'chef@t.fr'",
    )
    .get_result::<Count>(&mut d.app.db.conn().await)
    .await
    .unwrap();
    assert_eq!(notified.count, 1);
    let _ = &d.supervisor;
}

#[tokio::test]
async fn a_problem_and_its_change_follow_their_own_lifecycles_and_links() {
    let d = desk().await;
    let incident =
        create(&d.employee, json!({ "type": "INCIDENT", "title": "Synchro des lots", "description": "Encore." })).await;
    let problem = create(
        &d.n2,
        json!({ "type": "PROBLEME", "title": "Synchronisation lots/CRM", "description": "Cause inconnue." }),
    )
    .await;
    assert!(problem.starts_with("PRB-"));
    let (status, _) =
        d.n2.post_json(&format!("/api/v1/tickets/{incident}/links"), json!({ "kind": "CAUSE", "target": problem }))
            .await;
    assert_eq!(status, 201);
    let (status, body) =
        d.n2.post_json(&format!("/api/v1/tickets/{incident}/links"), json!({ "kind": "CAUSE", "target": problem }))
            .await;
    assert_eq!((status, error_code(&body)), (409, "conflict"), "an incident has one problem");
    let (status, body) =
        d.n2.post_json(&format!("/api/v1/tickets/{problem}/links"), json!({ "kind": "CAUSE", "target": incident }))
            .await;
    assert_eq!((status, error_code(&body)), (422, "validation"), "a problem is not caused by an incident");

    d.n2.act(&problem, "PRENDRE", json!({})).await;
    let (status, ticket) =
        d.n2.act(&problem, "ERREUR_CONNUE", json!({ "workaround": "Relancer la synchro à la main." })).await;
    assert_eq!((status, status_of(&ticket)), (200, Some(Status::KnownError)));

    let change = create(
        &d.expert,
        json!({ "type": "CHANGEMENT", "title": "Correctif synchro v8.2.1", "description": "Patch éditeur." }),
    )
    .await;
    assert!(change.starts_with("CHG-"));
    let (status, _) =
        d.n2.post_json(&format!("/api/v1/tickets/{problem}/links"), json!({ "kind": "CORRECTIF", "target": change }))
            .await;
    assert_eq!(status, 201);
    // Implemented only after approval.
    let (status, body) = d.expert.act(&change, "DEMARRER", json!({})).await;
    assert_eq!((status, error_code(&body)), (409, "conflict"), "{body}");
    assert_eq!(d.expert.act(&change, "SOUMETTRE", json!({})).await.0, 200);
    let (status, _) = d.expert.act(&change, "APPROUVER", json!({})).await;
    assert_eq!(status, 403, "only the CAB approves");
    assert_eq!(status_of(&d.cab.act(&change, "APPROUVER", json!({})).await.1), Some(Status::Approved));
    assert_eq!(status_of(&d.expert.act(&change, "DEMARRER", json!({})).await.1), Some(Status::InProgress));
    assert_eq!(
        status_of(&d.expert.act(&change, "RESOUDRE", json!({ "solution": "Déployé samedi." })).await.1),
        Some(Status::Resolved)
    );
    assert_eq!(status_of(&d.expert.act(&change, "CLORE", json!({})).await.1), Some(Status::Closed));
    assert_eq!(
        status_of(&d.n2.act(&problem, "RESOUDRE", json!({ "solution": "Corrigé par le changement." })).await.1),
        Some(Status::Resolved)
    );
    assert_eq!(status_of(&d.n2.act(&problem, "CLORE", json!({})).await.1), Some(Status::Closed));

    let (_, problem_view) = d.n2.get_json(&format!("/api/v1/tickets/{problem}")).await;
    let links: Vec<(String, bool)> = problem_view["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["kind"].as_str().unwrap().to_owned(), l["outgoing"].as_bool().unwrap()))
        .collect();
    assert!(links.contains(&("CORRECTIF".into(), true)) && links.contains(&("CAUSE".into(), false)), "{links:?}");
}

#[tokio::test]
async fn events_are_acknowledged_promoted_or_attached() {
    let d = desk().await;
    let first = create(&d.n2, json!({ "type": "EVENEMENT", "title": "Disque D: à 92 %", "description": "SRV-FIC01", "channel": "SUPERVISION" })).await;
    assert!(first.starts_with("EVT-"));
    assert_eq!(status_of(&d.n2.act(&first, "ACQUITTER", json!({})).await.1), Some(Status::Acknowledged));
    let (status, event) = d.n2.act(&first, "PROMOUVOIR", json!({})).await;
    assert_eq!((status, status_of(&event)), (200, Some(Status::Closed)));
    let incident = event["links"][0]["other"].as_str().unwrap().to_owned();
    assert!(incident.starts_with("INC-"), "{event}");
    let (_, incident_view) = d.n2.get_json(&format!("/api/v1/tickets/{incident}")).await;
    assert_eq!(
        (incident_view["summary"]["title"].as_str(), incident_view["summary"]["channel"].as_str()),
        (Some("Disque D: à 92 %"), Some("SUPERVISION"))
    );

    let second = create(&d.n2, json!({ "type": "EVENEMENT", "title": "Disque D: à 95 %", "description": "SRV-FIC01", "channel": "SUPERVISION" })).await;
    let (status, body) = d.n2.act(&second, "RATTACHER", json!({ "incident": first })).await;
    assert_eq!((status, error_code(&body)), (422, "validation"), "an event attaches to an incident, not to an event");
    let (status, event) = d.n2.act(&second, "RATTACHER", json!({ "incident": incident })).await;
    assert_eq!((status, status_of(&event)), (200, Some(Status::Closed)));
    let (status, body) = d.n2.act(&second, "ACQUITTER", json!({})).await;
    assert_eq!((status, error_code(&body)), (409, "conflict"));
    assert!(body["error"]["message"].as_str().unwrap().contains("Clos"), "{body}");
}

#[tokio::test]
async fn refusals_have_the_right_status_and_a_french_message() {
    let d = desk().await;
    let reference =
        create(&d.employee, json!({ "type": "INCIDENT", "title": "Teams se ferme", "description": "En réunion." }))
            .await;
    let cases = [
        (&d.employee, "PRENDRE", json!({}), 403, "forbidden"),
        (&d.n1, "APPROUVER", json!({}), 409, "conflict"),
        (&d.n1, "CONFIRMER", json!({}), 409, "conflict"),
        (&d.n1, "RESOUDRE", json!({}), 422, "validation"),
        (&d.n1, "ASSIGNER", json!({ "assignee": 999_999 }), 422, "validation"),
    ];
    for (client, action, extra, status, code) in cases {
        let (got, body) = client.act(&reference, action, extra).await;
        assert_eq!((got, error_code(&body)), (status, code), "{action}: {body}");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }
    // A stale version is refused and nothing changes.
    let (status, body) = d
        .n1
        .post_json(&format!("/api/v1/tickets/{reference}/transitions"), json!({ "action": "PRENDRE", "version": 7 }))
        .await;
    assert_eq!((status, error_code(&body)), (409, "conflict"));
    assert!(body["error"]["message"].as_str().unwrap().contains("rechargez"));
    let (_, ticket) = d.n1.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!((status_of(&ticket), ticket["summary"]["version"].as_i64()), (Some(Status::New), Some(1)));

    let (status, body) =
        d.n1.post_json("/api/v1/tickets", json!({ "type": "PANNE", "title": "x", "description": "y" })).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("type")));
    let (status, body) =
        d.n1.post_json(
            "/api/v1/tickets",
            json!({ "type": "INCIDENT", "title": " ", "description": "y", "requester": "camille@t.fr" }),
        )
        .await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("title")));
    let (status, _) = d.n1.get_json("/api/v1/tickets/INC-2026-999999").await;
    assert_eq!(status, 404);
    let (status, _) = d.n1.get_json("/api/v1/tickets/n-importe-quoi").await;
    assert_eq!(status, 404);
    let (status, body) = d.n1.get_json("/api/v1/tickets?status_group=ouvert").await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("status_group")));
    let (status, _) = d.app.client().get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn employees_see_only_their_tickets_and_never_internal_notes() {
    let d = desk().await;
    d.app.user("autre@t.fr", &[], None).await;
    let other = d.app.signed_in("autre@t.fr").await;
    let reference =
        create(&d.employee, json!({ "type": "INCIDENT", "title": "Poste lent", "description": "Très lent." })).await;
    let (status, _) =
        d.n1.post_json(
            &format!("/api/v1/tickets/{reference}/comments"),
            json!({ "body": "Client pénible.", "internal": true }),
        )
        .await;
    assert_eq!(status, 201);
    let (status, _) =
        d.n1.post_json(&format!("/api/v1/tickets/{reference}/comments"), json!({ "body": "Nous regardons." })).await;
    assert_eq!(status, 201);
    let (status, body) = d
        .employee
        .post_json(&format!("/api/v1/tickets/{reference}/comments"), json!({ "body": "x", "internal": true }))
        .await;
    assert_eq!((status, error_code(&body)), (403, "forbidden"));
    let (status, body) =
        d.employee.post_json(&format!("/api/v1/tickets/{reference}/effort"), json!({ "minutes": 5 })).await;
    assert_eq!((status, error_code(&body)), (403, "forbidden"));

    let (_, mine) = d.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    let text = mine["timeline"].to_string();
    assert!(text.contains("Nous regardons.") && !text.contains("Client pénible."), "{text}");
    assert_eq!(mine["effort"]["total_minutes"], 0);
    let (status, _) = other.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(status, 404, "another employee does not learn it exists");
    let (status, body) = other.act(&reference, "ANNULER", json!({ "reason": "x" })).await;
    assert_eq!((status, error_code(&body)), (404, "not_found"));

    let (_, list) = other.get_json("/api/v1/tickets").await;
    assert_eq!(list["total"], 0);
    let (_, list) = d.employee.get_json("/api/v1/tickets?requester=1").await;
    assert_eq!(list["total"], 1, "the requester filter cannot widen an employee's view");
    let (_, list) = d.n1.get_json("/api/v1/tickets?pole=FRONT&status_group=new&per_page=10").await;
    assert_eq!((list["total"].as_i64(), list["per_page"].as_i64()), (Some(1), Some(10)));
}

#[tokio::test]
async fn unanswered_questions_are_recalled_then_resolved_then_closed_exactly_once() {
    let d = desk().await;
    let reference = create(&d.employee, json!({ "type": "INCIDENT", "title": "VPN", "description": "Coupe." })).await;
    d.n1.act(&reference, "PRENDRE", json!({})).await;
    d.n1.act(&reference, "QUESTIONNER", json!({ "question": "Quel réseau ?" })).await;
    let asked = d.app.clock.now();
    let run = |hours: i64| {
        let pool = d.app.pool.clone();
        async move {
            let mut conn = pool.get().await.unwrap();
            app::tickets::service::run_lifecycle_jobs(&mut conn, asked + TimeDelta::hours(hours)).await.unwrap()
        }
    };
    use app::tickets::service::JobReport;
    let report = |reminders, auto_resolved, auto_closed| JobReport { reminders, auto_resolved, auto_closed };
    // Settings: a reminder every 48 h, two reminders, then resolution; closure 120 h after resolution.
    assert_eq!(run(47).await, report(0, 0, 0));
    assert_eq!(run(49).await, report(1, 0, 0));
    assert_eq!(run(49).await, report(0, 0, 0), "a second run at the same time sends nothing");
    // Two instances at once: one reminder between them.
    let (a, b) = tokio::join!(run(97), run(97));
    assert_eq!(a.reminders + b.reminders, 1);
    // The server was down for days: the overdue step happens once, late.
    let (a, b) = tokio::join!(run(300), run(300));
    assert_eq!(a.auto_resolved + b.auto_resolved, 1);
    let (_, ticket) = d.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(status_of(&ticket), Some(Status::Resolved));
    assert!(ticket["solution"].as_str().unwrap().starts_with("Résolu automatiquement"));
    let reminders =
        ticket["timeline"].as_array().unwrap().iter().filter(|e| e["Comment"]["purpose"] == "RAPPEL").count();
    assert_eq!(reminders, 2);
    assert_eq!(
        history_actions(&d.n1, &reference).await,
        ["ENREGISTRER", "PRENDRE", "QUESTIONNER", "RAPPELER", "RAPPELER", "RESOUDRE"]
    );
    // Resolved "now" (by the job's clock), so closure is due 120 h after that run's time.
    let resolved_at =
        chrono::DateTime::parse_from_rfc3339(ticket["resolved_at"].as_str().unwrap()).unwrap().with_timezone(&Utc);
    let hours_after = (resolved_at - asked).num_hours();
    assert_eq!(run(hours_after + 119).await, report(0, 0, 0));
    let (a, b) = tokio::join!(run(hours_after + 121), run(hours_after + 121));
    assert_eq!(a.auto_closed + b.auto_closed, 1);
    let (_, ticket) = d.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(status_of(&ticket), Some(Status::Closed));

    use diesel_async::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    let notices = diesel::sql_query(
        "SELECT count(*) AS count FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.login = 'camille@t.fr'",
    )
    .get_result::<Count>(&mut d.app.db.conn().await)
    .await
    .unwrap();
    assert_eq!(notices.count, 4, "the question, two reminders and the resolution");
}

/// After downtime, the reminders do not fall due all at once: the requester asked a question ten days ago
/// is reminded once at the restart, then gets a full reminder period before each next step.
#[tokio::test]
async fn after_downtime_each_reminder_waits_a_full_period_after_the_previous_one() {
    let d = desk().await;
    let reference = create(&d.employee, json!({ "type": "INCIDENT", "title": "VPN", "description": "Coupe." })).await;
    d.n1.act(&reference, "PRENDRE", json!({})).await;
    d.n1.act(&reference, "QUESTIONNER", json!({ "question": "Quel réseau ?" })).await;
    let restart = d.app.clock.now() + TimeDelta::days(10);
    let run = |minutes: i64| {
        let pool = d.app.pool.clone();
        async move {
            let mut conn = pool.get().await.unwrap();
            app::tickets::service::run_lifecycle_jobs(&mut conn, restart + TimeDelta::minutes(minutes)).await.unwrap()
        }
    };
    use app::tickets::service::JobReport;
    let report = |reminders, auto_resolved| JobReport { reminders, auto_resolved, auto_closed: 0 };
    // (minutes after the restart, what the job does); a reminder every 48 h, two, then the resolution.
    let steps = [
        (0, report(1, 0)),
        (1, report(0, 0)),
        (2, report(0, 0)),
        (48 * 60 - 1, report(0, 0)),
        (48 * 60, report(1, 0)),
        (48 * 60 + 1, report(0, 0)),
        (96 * 60 - 1, report(0, 0)),
        (96 * 60, report(0, 1)),
    ];
    for (minutes, expected) in steps {
        assert_eq!(run(minutes).await, expected, "{minutes} min after the restart");
    }
    let (_, ticket) = d.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(status_of(&ticket), Some(Status::Resolved));
}

#[tokio::test]
async fn concurrent_registrations_never_share_a_reference() {
    let d = desk().await;
    let clients: Vec<Client> = vec![
        d.app.signed_in("n1@t.fr").await,
        d.app.signed_in("n2@t.fr").await,
        d.app.signed_in("expert@t.fr").await,
        d.app.signed_in("chef@t.fr").await,
    ];
    let mut tasks = Vec::new();
    for (index, client) in clients.into_iter().enumerate() {
        tasks.push(tokio::spawn(async move {
            let mut references = Vec::new();
            for n in 0..15 {
                let body = json!({ "type": "INCIDENT", "title": format!("Appel {index}-{n}"), "description": "x", "requester": "camille@t.fr" });
                references.push(create(&client, body).await);
            }
            references
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 60, "no duplicate among {all:?}");
    let sequences: Vec<u32> = unique.iter().map(|r| r.rsplit('-').next().unwrap().parse().unwrap()).collect();
    assert_eq!(sequences, (1..=60).collect::<Vec<_>>(), "one sequence per kind and year, without gaps");
}

#[tokio::test]
async fn concurrent_writes_on_one_ticket_lose_nothing() {
    let d = desk().await;
    let reference = create(&d.employee, json!({ "type": "INCIDENT", "title": "Course", "description": "x" })).await;
    // Ten agents click "take" on the same version at once: exactly one wins, the others get 409.
    let mut takes = Vec::new();
    for _ in 0..10 {
        let client = d.app.signed_in("n1@t.fr").await;
        let reference = reference.clone();
        takes.push(tokio::spawn(async move {
            client
                .post_json(
                    &format!("/api/v1/tickets/{reference}/transitions"),
                    json!({ "action": "PRENDRE", "version": 1 }),
                )
                .await
                .0
        }));
    }
    let mut statuses = Vec::new();
    for take in takes {
        statuses.push(take.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, [200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);

    // Agents alternately reassign it, each retrying on conflict: every success is a version and a history
    // line, and comments written meanwhile all survive.
    let mut workers = Vec::new();
    for worker in 0..6 {
        let client = d.app.signed_in(if worker % 2 == 0 { "n1@t.fr" } else { "chef@t.fr" }).await;
        let reference = reference.clone();
        workers.push(tokio::spawn(async move {
            let mut successes = 0;
            for round in 0..5 {
                client
                    .post_json(
                        &format!("/api/v1/tickets/{reference}/comments"),
                        json!({ "body": format!("note {worker}-{round}"), "internal": true }),
                    )
                    .await;
                loop {
                    let (status, _) = client
                        .act(
                            &reference,
                            "ESCALADE_HIERARCHIQUE",
                            json!({ "reason": format!("relance {worker}-{round}") }),
                        )
                        .await;
                    if status == 200 {
                        successes += 1;
                        break;
                    }
                    assert_eq!(status, 409, "only conflicts are retried");
                }
            }
            successes
        }));
    }
    let mut successes = 0;
    for worker in workers {
        successes += worker.await.unwrap();
    }
    assert_eq!(successes, 30);
    let (_, ticket) = d.n1.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(ticket["summary"]["version"], 2 + 30);
    let history = history_actions(&d.n1, &reference).await;
    assert_eq!(history.iter().filter(|a| *a == "ESCALADE_HIERARCHIQUE").count(), 30);
    let text = ticket["timeline"].to_string();
    for worker in 0..6 {
        for round in 0..5 {
            assert!(text.contains(&format!("note {worker}-{round}")), "note {worker}-{round} lost");
        }
    }
}

#[tokio::test]
async fn the_ticket_history_cannot_be_rewritten() {
    let d = desk().await;
    create(&d.employee, json!({ "type": "INCIDENT", "title": "x", "description": "y" })).await;
    use diesel_async::RunQueryDsl;
    let mut conn = d.app.db.conn().await;
    for sql in
        ["UPDATE ticket_history SET action = 'X'", "DELETE FROM ticket_history", "TRUNCATE ticket_history CASCADE"]
    {
        let error = diesel::sql_query(sql).execute(&mut conn).await.expect_err(sql);
        assert!(error.to_string().contains("ajout seul"), "{sql}: {error}");
    }
}

#[tokio::test]
async fn the_same_source_is_registered_once() {
    let d = desk().await;
    let body = json!({ "type": "EVENEMENT", "title": "Sauvegarde échouée", "description": "code 23", "channel": "SUPERVISION", "source_ref": "zabbix:4242" });
    create(&d.n2, body.clone()).await;
    let (status, error) = d.n2.post_json("/api/v1/tickets", body).await;
    assert_eq!((status, error_code(&error)), (409, "conflict"));
    let (_, list) = d.n2.get_json("/api/v1/tickets?type=EVENEMENT").await;
    assert_eq!(list["total"], 1);
}

#[tokio::test]
async fn every_path_of_the_openapi_document_is_served() {
    let d = desk().await;
    let reference = create(&d.employee, json!({ "type": "INCIDENT", "title": "x", "description": "y" })).await;
    // A file on the ticket, so that the attachment the loop names (id 1) exists.
    let part = reqwest::multipart::Part::bytes(b"journal du poste".to_vec()).file_name("journal.txt");
    let url = format!("{}/api/v1/tickets/{reference}/attachments", d.app.base_url);
    let sent = d.employee.http.post(url).multipart(reqwest::multipart::Form::new().part("file", part)).send().await;
    assert_eq!(sent.unwrap().status(), 201);
    let (status, document) = d.n1.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    for (path, operations) in document["paths"].as_object().unwrap() {
        let url = path.replace("{reference}", &reference).replace("{code}", "RESEAU_VPN").replace("{id}", "1");
        for method in operations.as_object().unwrap().keys() {
            let request = match method.as_str() {
                "get" => d.n1.http.get(format!("{}{url}", d.app.base_url)),
                "post" => d.n1.http.post(format!("{}{url}", d.app.base_url)).json(&json!({})),
                "put" => d.n1.http.put(format!("{}{url}", d.app.base_url)).json(&json!({})),
                "delete" => continue, // signing out would end the session the loop uses
                other => panic!("unexpected method {other}"),
            };
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            // An event stream never ends: its status is the answer.
            let streams = response.headers().get("content-type").is_some_and(|value| value == "text/event-stream");
            let body: Value = if streams { Value::Null } else { response.json().await.unwrap_or(Value::Null) };
            assert!(status != 404 && status != 405, "{method} {path}: {status} {body}");
        }
    }
}

#[tokio::test]
async fn resolving_a_major_incident_resolves_its_open_children_on_request() {
    let d = desk().await;
    let parent = create(&d.n1, json!({ "type": "INCIDENT", "title": "Messagerie coupée au siège", "description": "Incident majeur.", "requester": "camille@t.fr" })).await;
    let mut children = Vec::new();
    for n in 0..3 {
        let child = create(
            &d.employee,
            json!({ "type": "INCIDENT", "title": format!("Pas de mails {n}"), "description": "x" }),
        )
        .await;
        let (status, _) =
            d.n1.post_json(&format!("/api/v1/tickets/{child}/links"), json!({ "kind": "ENFANT", "target": parent }))
                .await;
        assert_eq!(status, 201);
        children.push(child);
    }
    // One child was already resolved separately: it is left as it is.
    d.n1.act(&children[2], "RESOUDRE", json!({ "solution": "Résolu à part." })).await;

    let resolve_children = |client: &Client| {
        let url =
            format!("{}{}", client.base_url, <app::tickets::api::ResolveChildren as leptos::server_fn::ServerFn>::PATH);
        client.http.post(url).header("Accept", "application/json").form(&[("reference", parent.as_str())]).send()
    };
    let refused = resolve_children(&d.n1).await.unwrap();
    assert_eq!(refused.status(), 409, "the parent must be resolved first");

    d.n1.act(&parent, "RESOUDRE", json!({ "solution": "Serveur Exchange redémarré." })).await;
    let response = resolve_children(&d.n1).await.unwrap();
    assert_eq!(response.status(), 200);
    let resolved: Vec<String> = response.json().await.unwrap();
    assert_eq!(resolved, children[..2].to_vec());
    for child in &children[..2] {
        let (_, ticket) = d.employee.get_json(&format!("/api/v1/tickets/{child}")).await;
        assert_eq!(status_of(&ticket), Some(Status::Resolved));
        assert!(ticket["solution"].as_str().unwrap().contains("Serveur Exchange redémarré."), "{ticket}");
    }
    let (_, untouched) = d.employee.get_json(&format!("/api/v1/tickets/{}", children[2])).await;
    assert_eq!(untouched["solution"], "Résolu à part.");
    let (status, _) = {
        let response = resolve_children(&d.employee).await.unwrap();
        (response.status().as_u16(), ())
    };
    assert_eq!(status, 403, "employees cannot resolve other people's tickets in bulk");
}

#[tokio::test]
async fn effort_is_totalled_per_ticket_pole_and_agent() {
    let d = desk().await;
    // Effort is counted per day in Paris: frozen, midnight cannot fall between logging it and asking.
    d.app.clock.freeze();
    d.app.user("qualite@t.fr", &[Role::Quality], Some(Pole::Quality)).await;
    let quality = d.app.signed_in("qualite@t.fr").await;
    let first = create(&d.employee, json!({ "type": "INCIDENT", "title": "a", "description": "x" })).await;
    let second = create(&d.employee, json!({ "type": "DEMANDE", "title": "b", "description": "y" })).await;
    d.n1.act(&first, "PRENDRE", json!({ "minutes": 10 })).await;
    d.n1.post_json(&format!("/api/v1/tickets/{first}/effort"), json!({ "minutes": 20, "note": "diagnostic" })).await;
    d.n1.post_json(&format!("/api/v1/tickets/{second}/effort"), json!({ "minutes": 5 })).await;
    d.n1.act(&first, "ESCALADER", json!({ "pole": "BACK", "reason": "réseau" })).await;
    d.n2.post_json(&format!("/api/v1/tickets/{first}/effort"), json!({ "minutes": 45 })).await;
    let (status, body) = d.n2.post_json(&format!("/api/v1/tickets/{first}/effort"), json!({ "minutes": 0 })).await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("minutes")));

    let (_, ticket) = d.n2.get_json(&format!("/api/v1/tickets/{first}")).await;
    assert_eq!(ticket["effort"]["total_minutes"], 75);
    assert_eq!(ticket["effort"]["by_pole"], json!([["FRONT", 30], ["BACK", 45]]));

    let today = d.app.clock.now().with_timezone(&chrono_tz::Europe::Paris).date_naive();
    let (status, body) = d.n1.get_json(&format!("/api/v1/effort?from={today}&to={today}")).await;
    assert_eq!((status, error_code(&body)), (403, "forbidden"), "agents do not see their colleagues' figures");
    let (status, report) = quality.get_json(&format!("/api/v1/effort?from={today}&to={today}")).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["total_minutes"], 80);
    assert_eq!(report["by_pole"], json!([["FRONT", 35], ["BACK", 45]]));
    assert_eq!(
        report["by_agent"],
        json!([
            { "agent": "Personne n1@t.fr", "pole": "FRONT", "minutes": 35, "tickets": 2 },
            { "agent": "Personne n2@t.fr", "pole": "BACK", "minutes": 45, "tickets": 1 }
        ])
    );
    let (status, body) = quality.get_json("/api/v1/effort?from=2026-13-01&to=2026-12-01").await;
    assert_eq!((status, body["error"]["field"].as_str()), (422, Some("query")));
}

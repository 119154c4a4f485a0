//! The catalog and the qualification through the API and the server functions: listing, a request that
//! waits for its manager's approval (approved, refused, or impossible without a manager), form errors that
//! store nothing, who sees what (employees, site delegates, approvers), the agent's explained qualification
//! with its kept override reason, audited admin edits, and the requester's rating.

mod common;

use app::db::schema::{audit_log, sites, tickets, users};
use app::directory::db::NewSite;
use app::domain::ids::{SiteId, UserId};
use app::domain::people::{Pole, Role, SiteKind};
use common::{Client, TestApp, error_code, server_fn_path};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};
use std::collections::BTreeSet;

async fn ticket_count(app: &TestApp) -> i64 {
    let mut conn = app.pool.get().await.unwrap();
    tickets::table.count().get_result(&mut conn).await.unwrap()
}

async fn set_manager(app: &TestApp, person: UserId, manager: UserId) {
    let mut conn = app.pool.get().await.unwrap();
    diesel::update(users::table.find(person))
        .set(users::manager_id.eq(Some(manager)))
        .execute(&mut conn)
        .await
        .unwrap();
}

async fn move_to_site(app: &TestApp, person: UserId, site: SiteId) {
    let mut conn = app.pool.get().await.unwrap();
    diesel::update(users::table.find(person)).set(users::site_id.eq(site)).execute(&mut conn).await.unwrap();
}

/// Answers every required field of an entry with a valid value.
fn fill(entry: &Value, person: UserId, site: SiteId) -> Value {
    let mut answers = serde_json::Map::new();
    for field in entry["fields"].as_array().unwrap() {
        if !field["required"].as_bool().unwrap() {
            continue;
        }
        let value = match field["kind"].as_str().unwrap() {
            "CHOIX" => field["choices"][0].as_str().unwrap().to_owned(),
            "DATE" => "2026-12-15".to_owned(),
            "PERSONNE" => person.0.to_string(),
            "SITE" => site.0.to_string(),
            _ => "Pour le télétravail du lundi".to_owned(),
        };
        answers.insert(field["key"].as_str().unwrap().to_owned(), Value::String(value));
    }
    Value::Object(answers)
}

async fn entry(client: &Client, code: &str) -> Value {
    let (status, catalog) = client.get_json("/api/v1/catalog").await;
    assert_eq!(status, 200);
    catalog.as_array().unwrap().iter().find(|e| e["code"] == code).cloned().unwrap_or_else(|| panic!("{code}"))
}

#[tokio::test]
async fn the_catalog_lists_entries_of_every_domain_with_their_forms() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    let employee = app.signed_in("camille@t.fr").await;
    let (status, catalog) = employee.get_json("/api/v1/catalog").await;
    assert_eq!(status, 200);
    let entries = catalog.as_array().unwrap();
    assert!(entries.len() >= 30, "{} entries", entries.len());
    let domains: BTreeSet<&str> = entries.iter().map(|e| e["domain"].as_str().unwrap()).collect();
    assert_eq!(domains.len(), 10, "{domains:?}");
    for entry in entries {
        let fields = entry["fields"].as_array().unwrap();
        assert!(!fields.is_empty(), "{}", entry["code"]);
        assert!(fields.iter().any(|f| f["required"] == true), "{}", entry["code"]);
    }
    let titles: Vec<&str> = entries.iter().map(|e| e["title"].as_str().unwrap()).collect();
    for expected in ["Nouvel arrivant", "Accès VPN (télétravail)", "Réinitialiser un mot de passe"] {
        assert!(titles.iter().any(|t| t.contains(expected)), "{expected} missing from {titles:?}");
    }
    let vpn = entry(&employee, "RESEAU_VPN").await;
    assert_eq!((vpn["domain"].as_str(), vpn["requires_approval"].as_bool()), (Some("RESEAU"), Some(true)));

    let anonymous = app.client();
    assert_eq!(anonymous.get("/api/v1/catalog").await.status(), 401);
}

struct Approval {
    app: TestApp,
    employee: Client,
    manager: Client,
    colleague: Client,
    n1: Client,
    employee_id: UserId,
}

async fn approval_setup() -> Approval {
    let app = TestApp::spawn().await;
    let employee_id = app.user("camille@t.fr", &[], None).await;
    let manager_id = app.user("chef.agence@t.fr", &[], None).await;
    app.user("collegue@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    set_manager(&app, employee_id, manager_id).await;
    Approval {
        employee: app.signed_in("camille@t.fr").await,
        manager: app.signed_in("chef.agence@t.fr").await,
        colleague: app.signed_in("collegue@t.fr").await,
        n1: app.signed_in("n1@t.fr").await,
        employee_id,
        app,
    }
}

async fn request_vpn(a: &Approval) -> String {
    let vpn = entry(&a.employee, "RESEAU_VPN").await;
    let answers = fill(&vpn, a.employee_id, a.app.site.unwrap());
    let (status, ticket) =
        a.employee.post_json("/api/v1/catalog/RESEAU_VPN/requests", json!({ "answers": answers })).await;
    assert_eq!(status, 201, "{ticket}");
    assert_eq!(ticket["summary"]["status"], "ATTENTE_APPROBATION");
    assert_eq!(ticket["summary"]["kind"], "DEMANDE");
    assert_eq!(ticket["summary"]["domain"], "RESEAU");
    assert_eq!(ticket["approval"]["decision"], Value::Null);
    assert_eq!(ticket["origin"]["code"], "RESEAU_VPN");
    assert!(!ticket["origin"]["answers"].as_array().unwrap().is_empty());
    ticket["summary"]["reference"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_request_needing_approval_waits_for_the_manager_who_approves_it() {
    let a = approval_setup().await;
    let reference = request_vpn(&a).await;

    // Nobody works on it yet: the desk cannot take it, the requester cannot approve it.
    let (status, _) = a.n1.act(&reference, "PRENDRE", json!({})).await;
    assert_eq!(status, 409);
    let (status, _) = a.employee.act(&reference, "APPROUVER", json!({})).await;
    assert_eq!(status, 403);
    // A colleague does not even learn it exists.
    let (status, _) = a.colleague.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(status, 404);

    // The manager finds it on their own page and approves it.
    let (status, pending) = a.manager.server_fn(server_fn_path::<app::tickets::api::PendingApprovals>(), &[]).await;
    assert_eq!(status, 200, "{pending}");
    assert_eq!(pending.as_array().unwrap().len(), 1);
    assert_eq!(pending[0]["reference"], reference.as_str());
    let (status, ticket) = a.manager.act(&reference, "APPROUVER", json!({})).await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!(ticket["summary"]["status"], "NOUVEAU");
    assert_eq!(ticket["approval"]["decision"], "APPROUVEE");

    // Work starts: the desk takes it; the manager has nothing left to decide.
    let (status, _) = a.n1.act(&reference, "PRENDRE", json!({})).await;
    assert_eq!(status, 200);
    let (_, pending) = a.manager.server_fn(server_fn_path::<app::tickets::api::PendingApprovals>(), &[]).await;
    assert_eq!(pending, json!([]));
    let mut conn = a.app.pool.get().await.unwrap();
    let notified: i64 = app::db::schema::notifications::table
        .filter(app::db::schema::notifications::user_id.eq(a.employee_id))
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(notified, 1, "the requester hears of the approval once");
}

#[tokio::test]
async fn a_refusal_closes_the_request_with_its_reason() {
    let a = approval_setup().await;
    let reference = request_vpn(&a).await;
    let (status, error) = a.manager.act(&reference, "REFUSER", json!({ "reason": "  " })).await;
    assert_eq!((status, error_code(&error)), (422, "validation"));
    let (status, ticket) =
        a.manager.act(&reference, "REFUSER", json!({ "reason": "Pas de télétravail prévu dans ce poste." })).await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!(ticket["summary"]["status"], "REFUSE");
    assert_eq!(ticket["approval"]["decision"], "REFUSEE");
    assert_eq!(ticket["approval"]["reason"], "Pas de télétravail prévu dans ce poste.");

    let (_, seen) = a.employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(seen["summary"]["status"], "REFUSE");
    assert!(seen["closed_at"].is_string());
    assert_eq!(seen["approval"]["reason"], "Pas de télétravail prévu dans ce poste.");
    let (status, _) = a.manager.act(&reference, "APPROUVER", json!({})).await;
    assert_eq!(status, 409, "a decision is final");
}

#[tokio::test]
async fn without_a_manager_an_approval_request_is_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let id = app.user("camille@t.fr", &[], None).await;
    let employee = app.signed_in("camille@t.fr").await;
    let vpn = entry(&employee, "RESEAU_VPN").await;
    let (status, error) = employee
        .post_json("/api/v1/catalog/RESEAU_VPN/requests", json!({ "answers": fill(&vpn, id, app.site.unwrap()) }))
        .await;
    assert_eq!((status, error_code(&error)), (409, "conflict"));
    assert!(error["error"]["message"].as_str().unwrap().contains("responsable"));
    assert_eq!(ticket_count(&app).await, 0);
}

#[tokio::test]
async fn a_wrong_form_lists_every_wrong_field_in_french_and_stores_nothing() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    let employee = app.signed_in("camille@t.fr").await;
    let arrival = entry(&employee, "COMPTE_NOUVEL_ARRIVANT").await;
    let required: BTreeSet<String> = arrival["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["required"] == true)
        .map(|f| f["key"].as_str().unwrap().to_owned())
        .collect();
    let (status, error) = employee
        .post_json("/api/v1/catalog/COMPTE_NOUVEL_ARRIVANT/requests", json!({ "answers": { "champ_pirate": "x" } }))
        .await;
    assert_eq!((status, error_code(&error)), (422, "invalid_form"), "{error}");
    let wrong: BTreeSet<String> =
        error["error"]["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect();
    assert!(wrong.contains("champ_pirate"));
    assert!(required.is_subset(&wrong), "{required:?} ⊄ {wrong:?}");
    assert!(error["error"]["errors"][0]["message"].as_str().unwrap().contains('«'));

    // A person field naming nobody is refused as well.
    let person_field = arrival["fields"].as_array().unwrap().iter().find(|f| f["kind"] == "PERSONNE").cloned();
    if let Some(field) = person_field {
        let mut answers = fill(&arrival, UserId(1), app.site.unwrap());
        answers[field["key"].as_str().unwrap()] = json!("999999");
        let (status, error) =
            employee.post_json("/api/v1/catalog/COMPTE_NOUVEL_ARRIVANT/requests", json!({ "answers": answers })).await;
        assert_eq!(status, 422, "{error}");
    }
    let (status, _) = employee.post_json("/api/v1/catalog/INCONNU/requests", json!({ "answers": {} })).await;
    assert_eq!(status, 404);
    assert_eq!(ticket_count(&app).await, 0);
}

#[tokio::test]
async fn delegates_see_their_sites_tickets_and_employees_only_their_own() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().await.unwrap();
    let other_site = NewSite { code: "AG-TEST", name: "Agence de test", kind: SiteKind::Agency, city: "Libourne" }
        .insert(&mut conn)
        .await
        .unwrap();
    drop(conn);
    app.user("camille@t.fr", &[], None).await;
    app.user("voisin@t.fr", &[], None).await;
    app.user("delegue@t.fr", &[Role::SiteDelegate], None).await;
    let far = app.user("delegue.ailleurs@t.fr", &[Role::SiteDelegate], None).await;
    move_to_site(&app, far, other_site).await;
    let employee = app.signed_in("camille@t.fr").await;
    let (status, ticket) = employee
        .post_json(
            "/api/v1/tickets",
            json!({ "type": "INCIDENT", "title": "Écran noir", "description": "Depuis ce matin." }),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    let reference = ticket["summary"]["reference"].as_str().unwrap();
    let url = format!("/api/v1/tickets/{reference}");

    let neighbour = app.signed_in("voisin@t.fr").await;
    assert_eq!(neighbour.get_json(&url).await.0, 404);
    let (_, list) = neighbour.get_json("/api/v1/tickets").await;
    assert_eq!(list["total"], 0);

    let delegate = app.signed_in("delegue@t.fr").await;
    assert_eq!(delegate.get_json(&url).await.0, 200);
    let (_, list) = delegate.get_json("/api/v1/tickets").await;
    assert_eq!(list["total"], 1);
    let (status, _) = delegate.act(reference, "ANNULER", json!({ "reason": "Je le fais à sa place" })).await;
    assert_eq!(status, 403, "following is not acting on someone else's ticket");

    let far_delegate = app.signed_in("delegue.ailleurs@t.fr").await;
    assert_eq!(far_delegate.get_json(&url).await.0, 404);
    let (_, list) = far_delegate.get_json("/api/v1/tickets").await;
    assert_eq!(list["total"], 0);
}

async fn first_id(app: &TestApp, sql_table: &str, code: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.pool.get().await.unwrap();
    diesel::sql_query(format!("SELECT id FROM {sql_table} WHERE code = $1"))
        .bind::<diesel::sql_types::Text, _>(code)
        .get_result::<Id>(&mut conn)
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn an_agent_qualifies_with_an_explained_priority_and_an_override_keeps_its_reason() {
    let app = TestApp::spawn().await;
    let requester = app.user("directrice@t.fr", &[], None).await;
    {
        let mut conn = app.pool.get().await.unwrap();
        diesel::update(users::table.find(requester))
            .set(users::typology.eq(app::domain::people::Typology::Direction))
            .execute(&mut conn)
            .await
            .unwrap();
    }
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let director = app.signed_in("directrice@t.fr").await;
    let n1 = app.signed_in("n1@t.fr").await;
    let (_, ticket) = director.post_json(
        "/api/v1/tickets",
        json!({ "type": "INCIDENT", "title": "Signature impossible", "description": "La signature électronique refuse mon certificat." }),
    )
    .await;
    let reference = ticket["summary"]["reference"].as_str().unwrap().to_owned();
    let signature = first_id(&app, "environment_items", "APP_SIGNATURE").await;
    let qualify = server_fn_path::<app::tickets::api::QualifyTicket>();
    let request = |version: i64, extra: Value| {
        let mut request = json!({
            "version": version, "category": null, "environment": signature, "impact": "UTILISATEUR",
            "urgency": "NORMALE", "criticality": null, "severity": "BLOQUANTE", "business_deadline": null,
            "priority": null, "override_reason": null
        });
        request.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap());
        json!({ "reference": reference, "request": request })
    };

    // User × normal = P4; a director's incident +1; a vital application +1: P2, said in words.
    let (status, decision) = n1.server_fn_json(qualify, &request(1, json!({}))).await;
    assert_eq!(status, 200, "{decision}");
    assert_eq!(decision["priority"], "P2");
    let (_, ticket) = n1.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(ticket["summary"]["priority"], "P2");
    assert_eq!(
        ticket["qualification"]["explanation"],
        "P2 : demandeur direction (vip), application vitale, un utilisateur, urgence normale"
    );
    assert_eq!(ticket["qualification"]["criticality"], "VITALE", "the item's criticality is the default");

    // Another priority needs a reason, which is kept.
    let (status, error) = n1.server_fn_json(qualify, &request(2, json!({ "priority": "P1" }))).await;
    assert_eq!(
        (status, error["code"].as_str(), error["field"].as_str()),
        (422, Some("validation"), Some("override_reason"))
    );
    let (status, _) = n1
        .server_fn_json(
            qualify,
            &request(2, json!({ "priority": "P1", "override_reason": "Signature chez le notaire à 14 h" })),
        )
        .await;
    assert_eq!(status, 200);
    let (_, ticket) = n1.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(ticket["summary"]["priority"], "P1");
    assert_eq!(ticket["qualification"]["computed_priority"], "P2");
    assert_eq!(ticket["qualification"]["override_reason"], "Signature chez le notaire à 14 h");
    let (_, history) = n1.get_json(&format!("/api/v1/tickets/{reference}/history")).await;
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["action"].as_str(), last["detail"]["motif"].as_str()),
        (Some("QUALIFIER"), Some("Signature chez le notaire à 14 h"))
    );

    // A stale version and a requester are refused.
    let (status, _) = n1.server_fn_json(qualify, &request(2, json!({}))).await;
    assert_eq!(status, 409);
    let (status, _) = director.server_fn_json(qualify, &request(3, json!({}))).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn admin_edits_are_audited_change_the_computation_and_are_refused_to_others() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let admin = app.signed_in("admin@t.fr").await;
    let n1 = app.signed_in("n1@t.fr").await;
    let set_cell = server_fn_path::<app::referential::api::SetMatrixCell>();
    let cell = json!({ "impact": "UTILISATEUR", "urgency": "BASSE", "priority": "P1" });
    let (status, _) = n1.server_fn_json(set_cell, &cell).await;
    assert_eq!(status, 403);
    let (status, body) = admin.server_fn_json(set_cell, &cell).await;
    assert_eq!(status, 200, "{body}");
    let mut conn = app.pool.get().await.unwrap();
    let audited: Vec<(String, String, Value)> = audit_log::table
        .select((audit_log::entity, audit_log::entity_id, audit_log::detail))
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].1, "UTILISATEUR×BASSE");
    assert_eq!((audited[0].2["avant"].as_str(), audited[0].2["apres"].as_str()), (Some("P4"), Some("P1")));

    // The next qualification reads the new cell.
    let (_, ticket) = n1
        .post_json(
            "/api/v1/tickets",
            json!({ "type": "INCIDENT", "title": "Souris", "description": "Molette cassée", "requester": "n1@t.fr" }),
        )
        .await;
    let reference = ticket["summary"]["reference"].as_str().unwrap();
    let (status, decision) = n1
        .server_fn_json(
            server_fn_path::<app::tickets::api::QualifyTicket>(),
            &json!({ "reference": reference, "request": {
                "version": 1, "category": null, "environment": null, "impact": "UTILISATEUR", "urgency": "BASSE",
                "criticality": null, "severity": null, "business_deadline": null, "priority": null, "override_reason": null
            } }),
        )
        .await;
    assert_eq!((status, decision["priority"].as_str()), (200, Some("P1")));

    // A catalog form with mistakes is refused with each of them; nothing changes.
    let mut entry = entry(&admin, "RESEAU_VPN").await;
    let first = entry["fields"][0].clone();
    entry["fields"].as_array_mut().unwrap().push(first);
    entry["fields"].as_array_mut().unwrap().push(
        json!({ "key": "Mauvaise", "label": "", "kind": "CHOIX", "required": false, "help": "", "choices": ["seul"] }),
    );
    let (status, error) = admin
        .server_fn_json(server_fn_path::<app::referential::api::SaveCatalogEntry>(), &json!({ "entry": entry }))
        .await;
    assert_eq!((status, error["code"].as_str()), (422, Some("invalid_form")), "{error}");
    assert_eq!(error["errors"].as_array().unwrap().len(), 4, "each mistake is named: {error}");
    let count: i64 = audit_log::table.count().get_result(&mut conn).await.unwrap();
    assert_eq!(count, 1, "a refused edit leaves no trace but its answer");
    let sites_before: i64 = sites::table.count().get_result(&mut conn).await.unwrap();
    assert_eq!(sites_before, 1);
}

#[tokio::test]
async fn the_requester_rates_a_surveyed_ticket_once() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let employee = app.signed_in("camille@t.fr").await;
    let n1 = app.signed_in("n1@t.fr").await;
    let (_, ticket) = employee
        .post_json("/api/v1/tickets", json!({ "type": "DEMANDE", "title": "Toner", "description": "Noir" }))
        .await;
    let reference = ticket["summary"]["reference"].as_str().unwrap().to_owned();
    let rate = server_fn_path::<app::tickets::api::RateTicket>();
    let (status, _) = employee.server_fn(rate, &[("reference", &reference), ("rating", "5")]).await;
    assert_eq!(status, 409, "not before it is resolved");
    n1.act(&reference, "RESOUDRE", json!({ "solution": "Toner livré." })).await;
    let (status, body) = employee.server_fn(rate, &[("reference", &reference), ("rating", "5")]).await;
    assert_eq!(status, 409, "resolved but not closed, so not surveyed: {body}");
    // Every closed ticket is surveyed; the requester confirms the solution, which closes it.
    {
        let mut conn = app.pool.get().await.unwrap();
        diesel::sql_query("UPDATE survey_settings SET rate_percent = 100").execute(&mut conn).await.unwrap();
    }
    let (status, body) = employee.act(&reference, "CONFIRMER", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let (_, ticket) = employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!(ticket["may_rate"], true, "{ticket}");
    let (status, _) = employee.server_fn(rate, &[("reference", &reference), ("rating", "6")]).await;
    assert_eq!(status, 422);
    let (status, _) = n1.server_fn(rate, &[("reference", &reference), ("rating", "5")]).await;
    assert_eq!(status, 403, "only the requester rates");
    let (status, body) =
        employee.server_fn(rate, &[("reference", &reference), ("rating", "5"), ("comment", "Rapide, merci !")]).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = employee.server_fn(rate, &[("reference", &reference), ("rating", "4")]).await;
    assert_eq!(status, 409, "once");
    let (_, ticket) = employee.get_json(&format!("/api/v1/tickets/{reference}")).await;
    assert_eq!((ticket["rating"]["rating"].as_i64(), ticket["may_rate"].as_bool()), (Some(5), Some(false)));
}

#[tokio::test]
async fn the_lifecycle_delays_are_edited_by_administrators_within_bounds() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    let set = server_fn_path::<app::referential::api::SetWorkflowDelays>();
    let delays = |reminder: i32, max: i32, confirmation: i32| json!({ "delays": { "reminder_delay_hours": reminder, "max_reminders": max, "confirmation_delay_hours": confirmation } });
    for (body, field) in [
        (delays(0, 2, 120), "reminder_delay_hours"),
        (delays(48, 11, 120), "max_reminders"),
        (delays(48, 2, 721), "confirmation_delay_hours"),
    ] {
        let (status, error) = admin.server_fn_json(set, &body).await;
        assert_eq!((status, error["field"].as_str()), (422, Some(field)), "{error}");
    }
    let (status, _) = admin.server_fn_json(set, &delays(24, 3, 72)).await;
    assert_eq!(status, 200);
    let mut conn = app.pool.get().await.unwrap();
    let settings = app::tickets::service::settings(&mut conn).await.unwrap();
    assert_eq!(
        (settings.reminder_delay.num_hours(), settings.max_reminders, settings.confirmation_delay.num_hours()),
        (24, 3, 72),
        "the lifecycle jobs read the new delays"
    );
    let audited: Vec<Value> = audit_log::table
        .filter(audit_log::entity.eq("delais_cycle_de_vie"))
        .select(audit_log::detail)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0]["avant"]["reminder_delay_hours"], 48);
    assert_eq!(audited[0]["apres"]["reminder_delay_hours"], 24);
}

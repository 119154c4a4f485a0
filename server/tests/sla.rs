//! Service levels through the JSON API against PostgreSQL: the holidays of a year, the seeded policies and
//! calendars, and the preview of the deadlines a policy sets in each site's business hours.

mod common;

use app::db::schema::{sites, sla_policies};
use app::directory::db::NewSite;
use app::domain::people::{Role, SiteKind};
use common::{TestApp, error_code, server_fn_path};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

#[tokio::test]
async fn the_holidays_of_a_year_are_listed_with_their_french_names() {
    let app = TestApp::spawn().await;
    app.user("agent@t.fr", &[Role::Agent], Some(app::domain::people::Pole::Front)).await;
    let agent = app.signed_in("agent@t.fr").await;

    let (status, body) = agent.get_json("/api/v1/calendars/holidays?year=2027").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["year"], 2027);
    let holidays = body["holidays"].as_array().unwrap();
    assert_eq!(holidays.len(), 11);
    assert_eq!(holidays[1], json!({ "date": "2027-03-29", "code": "LUNDI_DE_PAQUES", "name": "Lundi de Pâques" }));
    let ascension = holidays.iter().find(|holiday| holiday["code"] == "ASCENSION").unwrap();
    assert_eq!(ascension["date"], "2027-05-06");
    let dates: Vec<&str> = holidays.iter().map(|holiday| holiday["date"].as_str().unwrap()).collect();
    assert!(dates.is_sorted(), "{dates:?}");

    for bad in ["?year=deux-mille", "?year=1850", ""] {
        let (status, body) = agent.get_json(&format!("/api/v1/calendars/holidays{bad}")).await;
        assert_eq!((status, error_code(&body)), (422, "validation"), "{bad}: {body}");
        assert_eq!(body["error"]["field"], "year");
        assert!(body["error"]["message"].as_str().unwrap().contains("L'année doit être"), "{body}");
    }
    let (status, _) = app.client().get_json("/api/v1/calendars/holidays?year=2027").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn every_type_and_priority_has_a_valid_seeded_policy_and_the_database_refuses_bad_ones() {
    let app = TestApp::spawn().await;
    let mut conn = app.pool.get().await.unwrap();
    let policies: Vec<(String, String, i32, i32, Value)> = sla_policies::table
        .select((
            sla_policies::kind,
            sla_policies::priority,
            sla_policies::own_minutes,
            sla_policies::resolve_minutes,
            sla_policies::thresholds,
        ))
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(policies.len(), 20);
    for kind in app::domain::ticket::Kind::ALL {
        for priority in app::domain::ticket::Priority::ALL {
            let policy = app::sla::service::policy(&mut conn, *kind, *priority).await.unwrap();
            assert_eq!(policy.thresholds.len(), 3, "{kind} {priority}");
            assert_eq!(policy.thresholds.last().unwrap().percent, 100);
        }
    }
    // A higher priority never promises a slower service.
    for kind in app::domain::ticket::Kind::ALL {
        let mut own_resolve: Vec<(String, i32, i32)> =
            policies.iter().filter(|row| row.0 == kind.code()).map(|row| (row.1.clone(), row.2, row.3)).collect();
        own_resolve.sort();
        for pair in own_resolve.windows(2) {
            assert!(pair[0].1 <= pair[1].1 && pair[0].2 <= pair[1].2, "{kind}: {pair:?}");
        }
    }
    let bad_thresholds = [
        json!([{ "percent": 0, "action": "NOTIFIER_ASSIGNE" }]),
        json!([{ "percent": 50, "action": "APPELER_LE_PDG" }]),
        json!([{ "percent": "50", "action": "NOTIFIER_ASSIGNE" }]),
        json!({ "percent": 50 }),
    ];
    for thresholds in bad_thresholds {
        let refused = diesel::update(sla_policies::table.find(("INCIDENT", "P1")))
            .set(sla_policies::thresholds.eq(&thresholds))
            .execute(&mut conn)
            .await;
        assert!(refused.is_err(), "{thresholds} was accepted");
    }
    let refused = diesel::update(sla_policies::table.find(("INCIDENT", "P1")))
        .set(sla_policies::resolve_minutes.eq(5))
        .execute(&mut conn)
        .await;
    assert!(refused.is_err(), "a resolution shorter than the time to own was accepted");
}

#[tokio::test]
async fn the_preview_counts_each_sites_business_hours_and_the_catalogs_own_delays() {
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    app.user("agent@t.fr", &[Role::Agent], Some(app::domain::people::Pole::Front)).await;
    let admin = app.signed_in("admin@t.fr").await;
    let mut conn = app.pool.get().await.unwrap();
    let agency = NewSite { code: "AG-TEST", name: "Agence de test", kind: SiteKind::Agency, city: "Libourne" }
        .insert(&mut conn)
        .await
        .unwrap();

    // Friday 27 November 2026, 16:45 in Bordeaux: an INCIDENT P2 (own in 30 min, solve in 480).
    let friday = "2026-11-27T15:45:00Z";
    let request = |site: &str| json!({ "site": site, "type": "INCIDENT", "priority": "P2", "start": friday });
    let (status, head_office) = admin.post_json("/api/v1/sla/preview", &request("SIEGE-TEST")).await;
    assert_eq!(status, 200, "{head_office}");
    assert_eq!(head_office["calendar"], "SIEGE");
    let own = &head_office["targets"][0];
    assert_eq!((own["measure"].as_str(), own["target_minutes"].as_u64()), (Some("PRISE_EN_CHARGE"), Some(30)));
    assert_eq!(own["due"], "2026-11-27T16:15:00Z", "17:15 the same evening");
    let resolve = &head_office["targets"][1];
    assert_eq!(resolve["source"], "POLITIQUE");
    // 75 min on Friday, then Monday 08:30–12:30 and 13:30 + 165 min.
    assert_eq!(resolve["due"], "2026-11-30T15:15:00Z", "Monday 16:15");
    let thresholds: Vec<(u64, &str, &str)> = resolve["thresholds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| (step["percent"].as_u64().unwrap(), step["action"].as_str().unwrap(), step["at"].as_str().unwrap()))
        .collect();
    assert_eq!(
        thresholds,
        [
            (50, "NOTIFIER_ASSIGNE", "2026-11-30T10:15:00Z"),
            (75, "NOTIFIER_SUPERVISEUR", "2026-11-30T13:15:00Z"),
            (100, "RELEVER_PRIORITE", "2026-11-30T15:15:00Z"),
        ]
    );

    // The agency is open on Saturday: 105 min on Friday, 210 + 165 on Saturday.
    let (status, agency_preview) = admin.post_json("/api/v1/sla/preview", &request("AG-TEST")).await;
    assert_eq!(status, 200, "{agency_preview}");
    assert_eq!(agency_preview["calendar"], "AGENCE");
    assert_eq!(agency_preview["targets"][1]["due"], "2026-11-28T15:45:00Z", "Saturday 16:45");

    // A site may follow another calendar than its kind's.
    diesel::update(sites::table.find(agency)).set(sites::calendar_code.eq("SIEGE")).execute(&mut conn).await.unwrap();
    let (_, moved) = admin.post_json("/api/v1/sla/preview", &request("AG-TEST")).await;
    assert_eq!(
        (moved["calendar"].as_str(), moved["targets"][1]["due"].as_str()),
        (Some("SIEGE"), Some("2026-11-30T15:15:00Z"))
    );

    // A password reset promises its own delays: 15 min to own, an hour to solve.
    let password = json!({ "site": "SIEGE-TEST", "type": "DEMANDE", "priority": "P3", "start": friday, "catalog": "COMPTE_MOT_DE_PASSE" });
    let (status, body) = admin.post_json("/api/v1/sla/preview", &password).await;
    assert_eq!(status, 200, "{body}");
    let targets: Vec<(u64, &str, &str)> = body["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["target_minutes"].as_u64().unwrap(), t["source"].as_str().unwrap(), t["due"].as_str().unwrap()))
        .collect();
    assert_eq!(targets, [(15, "CATALOGUE", "2026-11-27T16:00:00Z"), (60, "CATALOGUE", "2026-11-27T16:45:00Z")]);

    // Wrong requests get French errors naming the field; only administrators may ask.
    let cases = [
        (
            json!({ "site": "NULLE-PART", "type": "INCIDENT", "priority": "P2", "start": friday }),
            "site",
            "Site inconnu",
        ),
        (
            json!({ "site": "SIEGE-TEST", "type": "DEMANDE", "priority": "P2", "start": friday, "catalog": "INCONNU" }),
            "catalog",
            "catalogue inconnue",
        ),
        (json!({ "site": "SIEGE-TEST", "type": "PANNE", "priority": "P2", "start": friday }), "body", "JSON invalide"),
        (
            json!({ "site": "SIEGE-TEST", "type": "INCIDENT", "priority": "P2", "start": "vendredi" }),
            "body",
            "JSON invalide",
        ),
    ];
    for (request, field, message) in cases {
        let (status, body) = admin.post_json("/api/v1/sla/preview", &request).await;
        assert_eq!(status, 422, "{request}: {body}");
        assert_eq!(body["error"]["field"], field, "{body}");
        assert!(body["error"]["message"].as_str().unwrap().contains(message), "{body}");
    }
    let agent = app.signed_in("agent@t.fr").await;
    let (status, body) = agent.post_json("/api/v1/sla/preview", &request("SIEGE-TEST")).await;
    assert_eq!((status, error_code(&body)), (403, "forbidden"));
    let (status, _) = app.client().post_json("/api/v1/sla/preview", &request("SIEGE-TEST")).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn administrators_edit_policies_and_calendars_which_the_engine_then_uses() {
    use app::sla::api::{LoadServiceLevels, SaveCalendar, SavePolicy};
    let app = TestApp::spawn().await;
    app.user("admin@t.fr", &[Role::Admin], None).await;
    app.user("agent@t.fr", &[Role::Agent], Some(app::domain::people::Pole::Front)).await;
    let admin = app.signed_in("admin@t.fr").await;
    let agent = app.signed_in("agent@t.fr").await;

    let (status, levels) = admin.server_fn(server_fn_path::<LoadServiceLevels>(), &[]).await;
    assert_eq!(status, 200, "{levels}");
    assert_eq!(levels["policies"].as_array().unwrap().len(), 20);
    let incident_p2 = levels["policies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|policy| policy["type"] == "INCIDENT" && policy["priority"] == "P2")
        .unwrap();
    assert_eq!(incident_p2["thresholds"], "50 NOTIFIER_ASSIGNE; 75 NOTIFIER_SUPERVISEUR; 100 RELEVER_PRIORITE");
    let head_office = levels["calendars"].as_array().unwrap().iter().find(|c| c["code"] == "SIEGE").unwrap().clone();
    assert_eq!(head_office["week"][0], "08:30-12:30,13:30-18:00");
    assert_eq!(head_office["week"][5], "");
    assert_eq!(levels["holidays"].as_array().unwrap().len(), 11);
    let (status, _) = agent.server_fn(server_fn_path::<LoadServiceLevels>(), &[]).await;
    assert_eq!(status, 403);

    // Refused policies name their field in French and change nothing.
    let policy = |own: u32, resolve: u32, thresholds: &str| json!({ "policy": { "type": "INCIDENT", "priority": "P2", "own_minutes": own, "resolve_minutes": resolve, "thresholds": thresholds } });
    let refused = [
        (policy(600, 360, ""), "own_minutes", "ne peut pas dépasser"),
        (policy(0, 360, ""), "own_minutes", "au moins une minute"),
        (policy(20, 360, "50 APPELER"), "thresholds", "seuil illisible"),
        (policy(20, 360, "50 NOTIFIER_ASSIGNE; 50 REAFFECTER"), "thresholds", "apparaît deux fois"),
        (policy(20, 360, "900 REAFFECTER"), "thresholds", "entre 1 et 500"),
    ];
    for (body, field, message) in refused {
        let (status, error) = admin.server_fn_json(server_fn_path::<SavePolicy>(), &body).await;
        assert_eq!(status, 422, "{body}: {error}");
        assert_eq!(error["field"], field, "{error}");
        assert!(error["message"].as_str().unwrap().contains(message), "{error}");
    }
    let (status, _) = agent.server_fn_json(server_fn_path::<SavePolicy>(), &policy(20, 360, "")).await;
    assert_eq!(status, 403);

    let (status, saved) = admin
        .server_fn_json(
            server_fn_path::<SavePolicy>(),
            &policy(20, 360, "60 NOTIFIER_ASSIGNE ; 90 NOTIFIER_SUPERVISEUR"),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    let friday = json!({ "site": "SIEGE-TEST", "type": "INCIDENT", "priority": "P2", "start": "2026-11-27T15:45:00Z" });
    let (_, preview) = admin.post_json("/api/v1/sla/preview", &friday).await;
    assert_eq!(preview["targets"][0]["due"], "2026-11-27T16:05:00Z", "owned within 20 min");
    // 75 min on Friday, 285 on Monday: 08:30–12:30, then 13:30 + 45.
    assert_eq!(preview["targets"][1]["due"], "2026-11-30T13:15:00Z");
    assert_eq!(preview["targets"][1]["thresholds"].as_array().unwrap().len(), 2);

    // A calendar closed on Monday 30 November moves that deadline to Tuesday.
    let mut calendar = head_office.clone();
    calendar["closures"] = json!("2026-11-30");
    let (status, saved) =
        admin.server_fn_json(server_fn_path::<SaveCalendar>(), &json!({ "calendar": calendar })).await;
    assert_eq!(status, 200, "{saved}");
    let (_, preview) = admin.post_json("/api/v1/sla/preview", &friday).await;
    assert_eq!(preview["targets"][1]["due"], "2026-12-01T13:15:00Z");

    let mut broken_week = head_office.clone();
    broken_week["week"][2] = json!("9h-12h");
    let mut broken_closure = head_office.clone();
    broken_closure["closures"] = json!("30/11/2026");
    let mut unknown = head_office.clone();
    unknown["code"] = json!("LUNE");
    let calendars = [
        (broken_week, 422, "week", "horaire invalide"),
        (broken_closure, 422, "closures", "Date de fermeture illisible"),
    ];
    for (calendar, status_expected, field, message) in calendars {
        let (status, error) =
            admin.server_fn_json(server_fn_path::<SaveCalendar>(), &json!({ "calendar": calendar })).await;
        assert_eq!(status, status_expected, "{error}");
        assert_eq!(error["field"], field, "{error}");
        assert!(error["message"].as_str().unwrap().contains(message), "{error}");
    }
    let (status, _) = admin.server_fn_json(server_fn_path::<SaveCalendar>(), &json!({ "calendar": unknown })).await;
    assert_eq!(status, 404);

    // One audit line per accepted change, none for the refused ones.
    let mut conn = app.pool.get().await.unwrap();
    let audited: Vec<(String, String)> = app::db::schema::audit_log::table
        .filter(app::db::schema::audit_log::entity.eq_any(["politique_sla", "calendrier"]))
        .select((app::db::schema::audit_log::entity, app::db::schema::audit_log::entity_id))
        .order(app::db::schema::audit_log::id)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(
        audited,
        [("politique_sla".to_owned(), "INCIDENT P2".to_owned()), ("calendrier".to_owned(), "SIEGE".to_owned())]
    );
}

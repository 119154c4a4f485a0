//! The queue boards through their server functions: what a board holds and the deadline that drives each
//! ticket, the actions (take, assign, escalate, change the priority) with the lifecycle's own refusals,
//! saved views, the phone quick-entry's caller search, rights, and the open-ticket indexes the board's
//! queries rely on.

mod common;

use app::domain::people::{Pole, Role};
use common::TestApp;
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

const BOARD: &str = "/api/tableau";
const ACT: &str = "/api/tableau_action";
const TICKET: &str = "/api/tableau_ticket";

struct Desk {
    app: TestApp,
    n1: common::Client,
    n2: common::Client,
    employee: common::Client,
    n1_id: i64,
    colleague_id: i64,
}

async fn desk() -> Desk {
    let app = TestApp::spawn().await;
    let n1_id = app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await.0;
    let colleague_id = app.user("collegue@t.fr", &[Role::Agent], Some(Pole::Front)).await.0;
    app.user("n2@t.fr", &[Role::Agent], Some(Pole::Back)).await;
    app.user("camille@t.fr", &[], None).await;
    let n1 = app.signed_in("n1@t.fr").await;
    let n2 = app.signed_in("n2@t.fr").await;
    let employee = app.signed_in("camille@t.fr").await;
    Desk { app, n1, n2, employee, n1_id, colleague_id }
}

/// Registers an incident for Camille through the desk, in `pole`; answers its reference.
async fn register(desk: &Desk, title: &str, pole: &str) -> String {
    let (status, ticket) = desk
        .n1
        .post_json(
            "/api/v1/tickets",
            &json!({ "type": "INCIDENT", "title": title, "description": "Au téléphone.", "channel": "TELEPHONE",
                     "requester": "camille@t.fr", "pole": pole }),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    ticket["summary"]["reference"].as_str().unwrap().to_owned()
}

async fn board(client: &common::Client, scope: Value) -> Value {
    let (status, board) = client.server_fn_json(BOARD, &json!({ "scope": scope })).await;
    assert_eq!(status, 200, "{board}");
    board
}

fn find<'a>(board: &'a Value, reference: &str) -> Option<&'a Value> {
    board["tickets"].as_array().unwrap().iter().find(|ticket| ticket["reference"] == reference)
}

async fn act(client: &common::Client, reference: &str, version: i64, action: Value) -> (u16, Value) {
    client
        .server_fn_json(ACT, &json!({ "request": { "reference": reference, "version": version, "action": action } }))
        .await
}

#[tokio::test]
async fn a_board_holds_its_poles_open_tickets_with_the_deadline_that_drives_each() {
    let desk = desk().await;
    let screen = register(&desk, "Écran noir", "FRONT").await;
    let vpn = register(&desk, "VPN refusé", "BACK").await;

    let front = board(&desk.n1, json!({ "Pole": "FRONT" })).await;
    assert_eq!(front["scope"], json!({ "Pole": "FRONT" }));
    let ticket = find(&front, &screen).expect("the Front Office's ticket is on its board");
    assert!(find(&front, &vpn).is_none(), "another pole's ticket is not");
    assert_eq!((ticket["status"].as_str(), ticket["version"].as_i64()), (Some("NOUVEAU"), Some(1)));
    assert_eq!(ticket["requester_name"], "Personne camille@t.fr");
    assert_eq!(ticket["site_name"], "Siège de test");
    // A new ticket is driven by the running clock that falls due first (its time to own, or the pole's
    // internal target when that comes sooner), counted in the requester's site's calendar; the board
    // carries that calendar for the browser's countdown.
    let clock = &ticket["clock"];
    let first_due: Vec<(String, chrono::DateTime<chrono::Utc>)> = {
        use app::db::schema::ticket_clocks;
        use diesel::{ExpressionMethods, NullableExpressionMethods, QueryDsl};
        let mut conn = desk.app.pool.get().await.unwrap();
        ticket_clocks::table
            .filter(ticket_clocks::ticket_id.eq(ticket["id"].as_i64().unwrap()))
            .filter(ticket_clocks::stopped_at.is_null())
            .select((ticket_clocks::measure, ticket_clocks::due_at.assume_not_null()))
            .order((ticket_clocks::due_at, ticket_clocks::measure.desc()))
            .load(&mut conn)
            .await
            .unwrap()
    };
    assert!(first_due.len() >= 2, "{first_due:?}");
    assert_eq!(clock["measure"], first_due[0].0, "{clock} {first_due:?}");
    assert_eq!(clock["due"], json!(first_due[0].1), "{clock}");
    assert!(clock["target_minutes"].as_i64().unwrap() > 0, "{clock}");
    let calendar = clock["calendar"].as_str().unwrap();
    assert_eq!(front["calendars"][calendar]["week"].as_array().map(Vec::len), Some(7), "{}", front["calendars"]);
    let agents: Vec<&str> = front["agents"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(agents, ["Personne collegue@t.fr", "Personne n1@t.fr"]);

    let back = board(&desk.n2, json!({ "Pole": "BACK" })).await;
    assert!(find(&back, &vpn).is_some() && find(&back, &screen).is_none());
    // Nobody holds anything yet: "my tickets" is empty.
    assert_eq!(board(&desk.n1, json!("Mine")).await["tickets"], json!([]));

    // One ticket, for a live patch.
    let id = ticket["id"].clone();
    let (status, update) = desk.n2.server_fn_json(TICKET, &json!({ "id": id })).await;
    assert_eq!(status, 200, "{update}");
    assert_eq!(
        (update["ticket"]["reference"].as_str(), update["calendars"][calendar].is_object()),
        (Some(&*screen), true)
    );
    // A closed ticket is no longer anyone's board's.
    let (status, cancelled) = desk
        .employee
        .post_json(
            &format!("/api/v1/tickets/{screen}/transitions"),
            &json!({ "action": "ANNULER", "version": 1, "reason": "Doublon." }),
        )
        .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(desk.n1.server_fn_json(TICKET, &json!({ "id": id })).await, (200, Value::Null));
    assert!(find(&board(&desk.n1, json!({ "Pole": "FRONT" })).await, &screen).is_none());
}

#[tokio::test]
async fn actions_from_the_board_go_through_the_lifecycle_and_refusals_change_nothing() {
    let desk = desk().await;
    let reference = register(&desk, "Imprimante bloquée", "FRONT").await;

    // Taken: the answer is the ticket as it now is, driven by another clock than the time to own.
    let (status, taken) = act(&desk.n1, &reference, 1, json!({ "kind": "take" })).await;
    assert_eq!(status, 200, "{taken}");
    assert_eq!(
        (taken["status"].as_str(), taken["assignee"].as_i64(), taken["version"].as_i64()),
        (Some("EN_COURS"), Some(desk.n1_id), Some(2))
    );
    assert_ne!(taken["clock"]["measure"], "PRISE_EN_CHARGE", "{taken}");
    let mine = board(&desk.n1, json!("Mine")).await;
    assert_eq!(find(&mine, &reference).map(|t| t["version"].clone()), Some(json!(2)));

    // A board that had not seen the take (version 1) is refused, and nothing moves.
    let (status, refused) =
        act(&desk.n1, &reference, 1, json!({ "kind": "assign", "assignee": desk.colleague_id })).await;
    assert_eq!((status, refused["code"].as_str()), (409, Some("conflict")), "{refused}");
    let front = board(&desk.n1, json!({ "Pole": "FRONT" })).await;
    let held = find(&front, &reference).unwrap();
    assert_eq!((held["version"].as_i64(), held["assignee"].as_i64()), (Some(2), Some(desk.n1_id)));

    let (status, assigned) =
        act(&desk.n1, &reference, 2, json!({ "kind": "assign", "assignee": desk.colleague_id })).await;
    assert_eq!(status, 200, "{assigned}");
    assert_eq!(assigned["assignee_name"], "Personne collegue@t.fr");
    assert_eq!(board(&desk.n1, json!("Mine")).await["tickets"], json!([]), "it left N1's own board");

    // The priority changes only with a reason, to another priority; the reason is kept in the history.
    let (status, body) =
        act(&desk.n1, &reference, 3, json!({ "kind": "reprioritise", "priority": "P1", "reason": " " })).await;
    assert_eq!((status, body["field"].as_str()), (422, Some("reason")), "{body}");
    let (status, body) =
        act(&desk.n1, &reference, 3, json!({ "kind": "reprioritise", "priority": "P3", "reason": "x" })).await;
    assert_eq!((status, body["field"].as_str()), (422, Some("priority")), "{body}");
    let (status, raised) = act(
        &desk.n1,
        &reference,
        3,
        json!({ "kind": "reprioritise", "priority": "P1", "reason": "Direction bloquée." }),
    )
    .await;
    assert_eq!(status, 200, "{raised}");
    assert_eq!((raised["priority"].as_str(), raised["version"].as_i64()), (Some("P1"), Some(4)));
    let (_, history) = desk.n1.get_json(&format!("/api/v1/tickets/{reference}/history")).await;
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "PRIORITE", "{history}");
    assert_eq!(last["detail"], json!({ "priorite_avant": "P3", "priorite": "P1", "motif": "Direction bloquée." }));

    // Another pole's agent may not act on it; an employee may not use the boards at all.
    let (status, _) =
        act(&desk.n2, &reference, 4, json!({ "kind": "reprioritise", "priority": "P2", "reason": "x" })).await;
    assert_eq!(status, 403);
    let (status, _) = desk.employee.server_fn_json(BOARD, &json!({ "scope": "Mine" })).await;
    assert_eq!(status, 403);
    let (status, _) = act(&desk.employee, &reference, 4, json!({ "kind": "take" })).await;
    assert_eq!(status, 403);

    // Escalated: it leaves the Front Office's board for the Back Office's, nobody's yet.
    let (status, body) =
        act(&desk.n1, &reference, 4, json!({ "kind": "escalate", "pole": "BACK", "reason": "" })).await;
    assert_eq!((status, body["field"].as_str()), (422, Some("reason")), "{body}");
    let (status, escalated) =
        act(&desk.n1, &reference, 4, json!({ "kind": "escalate", "pole": "BACK", "reason": "Pilote à réinstaller." }))
            .await;
    assert_eq!(status, 200, "{escalated}");
    assert_eq!((escalated["pole"].as_str(), escalated["assignee"].as_i64()), (Some("BACK"), None));
    assert!(find(&board(&desk.n1, json!({ "Pole": "FRONT" })).await, &reference).is_none());
    assert!(find(&board(&desk.n2, json!({ "Pole": "BACK" })).await, &reference).is_some());
}

#[tokio::test]
async fn saved_views_are_checked_kept_per_agent_and_replaced_by_name() {
    let desk = desk().await;
    let save = |client: &common::Client, name: &str, query: &str| {
        let body = json!({ "name": name, "query": query });
        let client = client.clone();
        async move { client.server_fn_json("/api/vues_enregistrer", &body).await }
    };
    let (status, saved) = save(&desk.n1, "Mes P1", "?priorite=P1&pole=FRONT&risque=1&page=2").await;
    assert_eq!(status, 200, "{saved}");
    // Stored as the board writes it: known parameters, in order, defaults dropped.
    assert_eq!(saved["query"], "pole=FRONT&priorite=P1&risque=1");
    let (status, body) = save(&desk.n1, "Cassée", "pole=FRONT&priorite=P9").await;
    assert_eq!((status, body["field"].as_str()), (422, Some("query")), "{body}");
    assert!(body["message"].as_str().unwrap().contains("priorite=P9"), "{body}");
    let (status, body) = save(&desk.n1, "  ", "pole=FRONT").await;
    assert_eq!((status, body["field"].as_str()), (422, Some("name")), "{body}");

    // The same name replaces the view; views are each agent's own.
    let (status, replaced) = save(&desk.n1, "Mes P1", "pole=MOI&priorite=P1").await;
    assert_eq!((status, replaced["id"].clone()), (200, saved["id"].clone()));
    save(&desk.n1, "Atelier", "pole=ATELIER&vue=colonnes").await;
    let (_, views) = desk.n1.server_fn_json("/api/vues", &json!({})).await;
    let names: Vec<(&str, &str)> =
        views.as_array().unwrap().iter().map(|v| (v["name"].as_str().unwrap(), v["query"].as_str().unwrap())).collect();
    assert_eq!(names, [("Atelier", "pole=ATELIER&vue=colonnes"), ("Mes P1", "pole=MOI&priorite=P1")]);
    let (_, theirs) = desk.n2.server_fn_json("/api/vues", &json!({})).await;
    assert_eq!(theirs, json!([]));

    // Another agent cannot delete it; its owner can.
    let (status, _) = desk.n2.server_fn_json("/api/vues_supprimer", &json!({ "id": saved["id"] })).await;
    assert_eq!(status, 404);
    let (status, _) = desk.n1.server_fn_json("/api/vues_supprimer", &json!({ "id": saved["id"] })).await;
    assert_eq!(status, 200);
    let (_, views) = desk.n1.server_fn_json("/api/vues", &json!({})).await;
    assert_eq!(views.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_phone_desk_finds_callers_by_name_mail_or_phone_with_their_open_tickets() {
    let desk = desk().await;
    desk.app.user("julie.perrin@t.fr", &[], None).await;
    let mut conn = desk.app.pool.get().await.unwrap();
    diesel::sql_query(
        "UPDATE users SET display_name = 'Camille Lefèvre', phone = '05 57 51 00 12' WHERE login = 'camille@t.fr'",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    drop(conn);
    let open = register(&desk, "Écran noir", "FRONT").await;
    let closed = register(&desk, "Souris", "FRONT").await;
    let (status, cancelled) = desk
        .employee
        .post_json(
            &format!("/api/v1/tickets/{closed}/transitions"),
            &json!({ "action": "ANNULER", "version": 1, "reason": "Doublon." }),
        )
        .await;
    assert_eq!(status, 200, "{cancelled}");

    let find = |search: &str| {
        let body = json!({ "search": search });
        let n1 = desk.n1.clone();
        async move {
            let (status, callers) = n1.server_fn_json("/api/appelants", &body).await;
            assert_eq!(status, 200, "{callers}");
            callers
        }
    };
    for search in ["lefevre", "CAMILLE", "camille@t", "0557510012", "05.57.51.00.12", "51 00 12"] {
        let callers = find(search).await;
        let logins: Vec<&str> = callers.as_array().unwrap().iter().map(|c| c["login"].as_str().unwrap()).collect();
        assert_eq!(logins, ["camille@t.fr"], "{search}");
        let tickets: Vec<&str> =
            callers[0]["open"].as_array().unwrap().iter().map(|t| t["reference"].as_str().unwrap()).collect();
        assert_eq!(tickets, [open.as_str()], "only the open ticket, for {search}");
        assert_eq!(callers[0]["phone"], "05 57 51 00 12");
    }
    for search in ["", "c", "123", "dubois"] {
        assert_eq!(find(search).await, json!([]), "{search}");
    }
    let (status, _) = desk.employee.server_fn_json("/api/appelants", &json!({ "search": "camille" })).await;
    assert_eq!(status, 403);
}

/// The board's own query, as the service builds it, can be served by the partial index of open tickets:
/// its predicate is written as the index's, so the planner can prove it (a bound parameter would hide it).
#[tokio::test]
async fn the_board_query_can_use_the_open_ticket_index() {
    let desk = desk().await;
    register(&desk, "Écran noir", "FRONT").await;
    let mut conn = desk.app.pool.get().await.unwrap();
    let plan = app::boards::service::explain_pole_board(&mut conn, Pole::Front, true).await.unwrap();
    assert!(plan.contains("tickets_open_by_pole_idx"), "{plan}");
}

//! The live channel end to end: a change committed through one server instance reaches a browser stream
//! served by another instance on the same database; refused or rolled-back changes announce nothing; only
//! the people who work the queues may listen.

mod common;

use app::domain::people::{Pole, Role};
use common::{EventStream, TestApp};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const WITHIN: Duration = Duration::from_secs(5);

/// The next ticket change, past the `resync` a stream may get when its instance starts listening.
async fn next_change(stream: &mut EventStream) -> Value {
    loop {
        let (event, data) = stream.next_event(WITHIN).await.expect("a change arrives within 5 s");
        if event == "resync" {
            continue;
        }
        assert_eq!(event, "ticket", "{data}");
        return serde_json::from_str(&data).expect("the change is JSON");
    }
}

async fn ticket_id(app: &TestApp, reference: &str) -> i64 {
    use app::db::schema::tickets;
    let mut conn = app.pool.get().await.unwrap();
    tickets::table.filter(tickets::reference.eq(reference)).select(tickets::id).first(&mut conn).await.unwrap()
}

#[tokio::test]
async fn a_change_made_through_one_instance_reaches_a_board_served_by_another() {
    let app = TestApp::spawn().await;
    let agent_id = app.user("agent@t.fr", &[Role::Agent], Some(Pole::Front)).await.0;
    app.user("camille@t.fr", &[], None).await;
    let other = app.another_instance().await;
    let mut board = other.signed_in("agent@t.fr").await.live().await;

    // Registered through instance A.
    let employee = app.signed_in("camille@t.fr").await;
    let sent = Instant::now();
    let (status, ticket) = employee
        .post_json(
            "/api/v1/tickets",
            &json!({ "type": "INCIDENT", "title": "Écran noir", "description": "Depuis ce matin." }),
        )
        .await;
    assert_eq!(status, 201, "{ticket}");
    let change = next_change(&mut board).await;
    println!("registration heard by the other instance after {:?}", sent.elapsed());
    let reference = ticket["summary"]["reference"].as_str().unwrap().to_owned();
    let id = ticket_id(&app, &reference).await;
    assert_eq!(
        change,
        json!({ "id": id, "version": 1, "pole": "FRONT", "previous_pole": null, "status": "NOUVEAU", "created": true,
                "assignee": null, "previous_assignee": null })
    );

    // A refused change announces nothing; the accepted one that follows is the next change heard.
    let agent = app.signed_in("agent@t.fr").await;
    let path = format!("/api/v1/tickets/{reference}/transitions");
    let (status, _) = agent.post_json(&path, &json!({ "action": "PRENDRE", "version": 7 })).await;
    assert_eq!(status, 409);
    let (status, taken) = agent.post_json(&path, &json!({ "action": "PRENDRE", "version": 1 })).await;
    assert_eq!(status, 200, "{taken}");
    let change = next_change(&mut board).await;
    assert_eq!((change["id"].as_i64(), change["version"].as_i64()), (Some(id), Some(2)), "{change}");
    assert_eq!((change["status"].as_str(), change["created"].as_bool()), (Some("EN_COURS"), Some(false)));
    // It names who holds it now, so "my tickets" boards hear of it.
    assert_eq!((change["assignee"].as_i64(), change["previous_assignee"].as_i64()), (Some(agent_id), None), "{change}");
    // The board served by the other instance reads the ticket as it now is.
    let (status, update) =
        other.signed_in("agent@t.fr").await.server_fn_json("/api/tableau_ticket", &json!({ "id": id })).await;
    assert_eq!(status, 200, "{update}");
    assert_eq!(
        (update["ticket"]["version"].as_i64(), update["ticket"]["assignee"].as_i64()),
        (Some(2), Some(agent_id))
    );

    // Escalated to the Back Office: the change names the pole it left, whose boards must drop it.
    let (status, escalated) = agent
        .post_json(&path, &json!({ "action": "ESCALADER", "version": 2, "pole": "BACK", "reason": "Droits." }))
        .await;
    assert_eq!(status, 200, "{escalated}");
    let change = next_change(&mut board).await;
    assert_eq!((change["pole"].as_str(), change["previous_pole"].as_str()), (Some("BACK"), Some("FRONT")), "{change}");
    assert_eq!((change["assignee"].as_i64(), change["previous_assignee"].as_i64()), (None, Some(agent_id)), "{change}");

    // A transaction that rolls back announces nothing either: NOTIFY is delivered on commit only.
    {
        use app::db::schema::tickets;
        let mut conn = app.pool.get().await.unwrap();
        let rolled_back: Result<(), diesel::result::Error> = conn
            .transaction(async |conn| {
                diesel::update(tickets::table.find(id)).set(tickets::version.eq(50)).execute(conn).await?;
                Err(diesel::result::Error::RollbackTransaction)
            })
            .await;
        assert!(rolled_back.is_err());
        diesel::update(tickets::table.find(id)).set(tickets::version.eq(4)).execute(&mut conn).await.unwrap();
    }
    assert_eq!(next_change(&mut board).await["version"], 4);
    assert!(board.next_event(Duration::from_millis(300)).await.is_none(), "nothing else was announced");
}

#[tokio::test]
async fn only_the_people_who_work_the_queues_may_listen() {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("qualite@t.fr", &[Role::Quality], Some(Pole::Quality)).await;
    let (status, body) = app.client().get_json("/api/v1/live").await;
    assert_eq!((status, common::error_code(&body)), (401, "unauthenticated"), "{body}");
    let (status, body) = app.signed_in("camille@t.fr").await.get_json("/api/v1/live").await;
    assert_eq!((status, common::error_code(&body)), (403, "forbidden"), "{body}");
    let response = app.signed_in("qualite@t.fr").await.get("/api/v1/live").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
}

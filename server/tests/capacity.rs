//! The SLA matrix measured from a real database: arrivals by hour of the week and priority, handle times
//! from logged effort, targets from the policies of the dominant ticket type, staffing from the agents'
//! own weeks; and the what-if API, with its refusals.

mod common;

use app::db::schema::{agent_schedules, ticket_effort, tickets};
use app::domain::calendar::{PublicHoliday, local_date, paris};
use app::domain::ids::UserId;
use app::domain::people::{Pole, Role};
use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use common::TestApp;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

struct Past {
    kind: &'static str,
    priority: &'static str,
    pole: &'static str,
    at: DateTime<Utc>,
    effort: Option<i32>,
}

async fn insert(app: &TestApp, requester: UserId, agent: UserId, past: &[Past]) {
    let mut conn = app.pool.get().await.unwrap();
    for (index, ticket) in past.iter().enumerate() {
        let prefix = if ticket.kind == "DEMANDE" { "DEM" } else { "INC" };
        let resolved = ticket.effort.map(|_| ticket.at + Duration::hours(2));
        let id: i64 = diesel::insert_into(tickets::table)
            .values((
                tickets::reference.eq(format!("{prefix}-2026-{:06}", 900_000 + index)),
                tickets::kind.eq(ticket.kind),
                tickets::status.eq(if resolved.is_some() { "CLOS" } else { "NOUVEAU" }),
                tickets::title.eq("Mesure"),
                tickets::description.eq(""),
                tickets::channel.eq("TELEPHONE"),
                tickets::priority.eq(ticket.priority),
                tickets::requester_id.eq(Some(requester)),
                tickets::site_id.eq(app.site.unwrap()),
                tickets::pole.eq(ticket.pole),
                tickets::registered_at.eq(ticket.at),
                tickets::resolved_at.eq(resolved),
            ))
            .returning(tickets::id)
            .get_result(&mut conn)
            .await
            .unwrap();
        if let (Some(minutes), Some(resolved)) = (ticket.effort, resolved) {
            diesel::insert_into(ticket_effort::table)
                .values((
                    ticket_effort::ticket_id.eq(id),
                    ticket_effort::agent_id.eq(agent),
                    ticket_effort::pole.eq(ticket.pole),
                    ticket_effort::minutes.eq(minutes),
                    ticket_effort::at.eq(resolved),
                ))
                .execute(&mut conn)
                .await
                .unwrap();
        }
    }
}

async fn schedule(app: &TestApp, agent: UserId, monday: &str) {
    let mut conn = app.pool.get().await.unwrap();
    diesel::insert_into(agent_schedules::table)
        .values((agent_schedules::user_id.eq(agent), agent_schedules::week.eq(json!([monday, "", "", "", "", "", ""]))))
        .execute(&mut conn)
        .await
        .unwrap();
}

fn close(actual: &Value, expected: f64) -> bool {
    actual.as_f64().is_some_and(|actual| (actual - expected).abs() < 1e-9)
}

#[tokio::test]
async fn the_matrix_is_computed_from_what_the_database_measured() {
    let app = TestApp::spawn().await;
    let requester = app.user("camille@t.fr", &[], None).await;
    let first = app.user("n1.matin@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let second = app.user("n1.renfort@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let third = app.user("n1.tard@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("qualite@t.fr", &[Role::Quality], Some(Pole::Quality)).await;
    app.user("n2@t.fr", &[Role::Agent], Some(Pole::Back)).await;
    // Monday 09:00–10:00 this week: the first two agents work at least half of it, the third a quarter.
    schedule(&app, first, "09:00-12:00").await;
    schedule(&app, second, "09:30-10:00").await;
    schedule(&app, third, "09:45-10:15").await;

    // The three Mondays before this week, at 09:20 in Bordeaux: one P1 incident and three P3 requests each,
    // resolved with 20 or 40 minutes logged. One older P4 incident makes the window six weeks long (less a
    // minute). The figures depend on where the window starts in the week (a window opening on a Monday at
    // 09:30, or an hour earlier across a daylight-saving change, sees a part of one more Monday 09:00), so the
    // clock stands on a Wednesday afternoon with six weeks of winter time behind it.
    let now = paris(chrono::NaiveDate::from_ymd_opt(2027, 2, 24).unwrap(), NaiveTime::from_hms_opt(15, 0, 0).unwrap());
    app.clock.stop_at(now);
    let this_monday = local_date(now) - Duration::days(i64::from(local_date(now).weekday().num_days_from_monday()));
    let mut past = Vec::new();
    for week in 1..=3 {
        let at = paris(this_monday - Duration::weeks(week), NaiveTime::from_hms_opt(9, 20, 0).unwrap());
        past.push(Past { kind: "INCIDENT", priority: "P1", pole: "FRONT", at, effort: Some(20) });
        for minutes in [20, 40, 40] {
            past.push(Past { kind: "DEMANDE", priority: "P3", pole: "FRONT", at, effort: Some(minutes) });
        }
    }
    let oldest = now - Duration::weeks(6) + Duration::minutes(1);
    past.push(Past { kind: "INCIDENT", priority: "P4", pole: "FRONT", at: oldest, effort: None });
    // Another pole's ticket in the same hour is not the Front Office's.
    past.push(Past { kind: "INCIDENT", priority: "P3", pole: "BACK", at: past[0].at, effort: Some(90) });
    // A ticket registered at the Front Office in that hour and escalated to the Back Office the next day at
    // 10:05: it arrived in both queues, each at its own time.
    let escalated_at = past[0].at + Duration::days(1) + Duration::minutes(45);
    past.push(Past { kind: "INCIDENT", priority: "P3", pole: "BACK", at: past[0].at, effort: None });
    insert(&app, requester, first, &past).await;
    {
        use app::db::schema::ticket_history;
        let mut conn = app.pool.get().await.unwrap();
        let escalated: i64 =
            tickets::table.order(tickets::id.desc()).select(tickets::id).first(&mut conn).await.unwrap();
        diesel::insert_into(ticket_history::table)
            .values((
                ticket_history::ticket_id.eq(escalated),
                ticket_history::at.eq(escalated_at),
                ticket_history::action.eq("ESCALADER"),
                ticket_history::from_status.eq(Some("NOUVEAU")),
                ticket_history::to_status.eq("NOUVEAU"),
                ticket_history::detail.eq(json!({ "pole_avant": "FRONT", "pole_apres": "BACK" })),
            ))
            .execute(&mut conn)
            .await
            .unwrap();
    }

    let quality = app.signed_in("qualite@t.fr").await;
    let (status, body) = quality.get_json("/api/v1/sla/matrix?pole=FRONT&weekday=0&hour=9").await;
    assert_eq!(status, 200, "{body}");
    let inputs = &body["inputs"]["inputs"];
    assert_eq!(body["slot"], json!({ "weekday": 0, "hour": 9, "label": "lundi 09:00–10:00" }));
    assert_eq!((inputs["window_days"].as_u64(), inputs["observed_tickets"].as_u64()), (Some(42), Some(14)), "{inputs}");
    // Per hour: 3 P1 and 10 P3 (the escalated one included) over the six Mondays 09:00 of the window.
    let monday_nine = &inputs["arrivals"][9];
    let near = |value: &Value, expected: f64| value.as_f64().is_some_and(|value| (value - expected).abs() < 0.01);
    assert!(near(&monday_nine[0], 3.0 / 6.0) && close(&monday_nine[1], 0.0), "{monday_nine}");
    assert!(near(&monday_nine[2], 10.0 / 6.0) && close(&monday_nine[3], 0.0), "{monday_nine}");
    // Handle time: (3 × 20 + 3 × 20 + 6 × 40) / 12 = 30 minutes.
    assert!(close(&inputs["mean_handle_minutes"], 30.0), "{}", inputs["mean_handle_minutes"]);
    assert_eq!(inputs["handle_samples"], 12);
    // Targets: time to own of the dominant type at each priority (seeded policies).
    let targets: Vec<(String, f64)> = inputs["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|target| (target["priority"].as_str().unwrap().to_owned(), target["target_minutes"].as_f64().unwrap()))
        .collect();
    let expected_targets = [("P1", 15.0), ("P2", 30.0), ("P3", 240.0), ("P4", 240.0)];
    assert_eq!(targets, expected_targets.map(|(p, m)| (p.to_owned(), m)).to_vec());
    assert_eq!(body["inputs"]["target_kinds"][2], json!(["P3", "DEMANDE"]));
    // Staffing this Monday 09:00: two agents (none on a public holiday).
    let holiday = PublicHoliday::on(this_monday).is_some();
    assert_eq!(inputs["scheduled"][9], if holiday { 0 } else { 2 });
    let agents = body["inputs"]["agents"].as_array().unwrap();
    assert_eq!(agents.len(), 3);
    assert!(agents.iter().all(|agent| agent["own"] == true), "{agents:?}");
    assert_eq!(agents[0]["week"], json!(["09:00-12:00", "", "", "", "", "", ""]));

    // The matrix: 13/6 tickets an hour × 30 minutes = 1.08 agents busy; one agent alone cannot keep up.
    let matrix = &body["matrix"];
    assert!(near(&matrix["arrivals_per_hour"], 13.0 / 6.0) && near(&matrix["traffic"], 13.0 / 12.0), "{matrix}");
    assert_eq!(matrix["rows"][0]["cells"][0], json!({ "agents": 1, "service_level": null }));
    let p1_with_two = matrix["rows"][0]["cells"][1]["service_level"].as_f64().unwrap();
    let p3_with_two = matrix["rows"][2]["cells"][1]["service_level"].as_f64().unwrap();
    assert!(p1_with_two > 0.5 && p1_with_two < 1.0 && p3_with_two > p1_with_two, "{p1_with_two} {p3_with_two}");

    // A pole with little history: its own ticket and the escalated one, each in the hour it came in, over the
    // days since the first; too few resolved tickets to trust their effort, so the pole's default.
    let (status, back) = quality.get_json("/api/v1/sla/matrix?pole=BACK").await;
    assert_eq!(status, 200, "{back}");
    let inputs = &back["inputs"]["inputs"];
    assert_eq!((inputs["observed_tickets"].as_u64(), inputs["handle_samples"].as_u64()), (Some(2), Some(0)));
    let days = (now - past[0].at).num_days() + 1;
    assert_eq!(inputs["window_days"].as_i64(), Some(days), "{inputs}");
    let tuesday_ten = inputs["arrivals"][24 + 10][2].as_f64().unwrap();
    let monday_nine = inputs["arrivals"][9][2].as_f64().unwrap();
    assert!(tuesday_ten > 0.0 && monday_nine > 0.0 && inputs["arrivals"][9][0] == 0.0, "{inputs}");
    assert!(close(&inputs["mean_handle_minutes"], 45.0), "{}", inputs["mean_handle_minutes"]);
}

#[tokio::test]
async fn the_matrix_is_for_qualite_and_supervisors_and_refuses_bad_questions() {
    let app = TestApp::spawn().await;
    app.user("agent@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("superviseur@t.fr", &[Role::Agent, Role::Supervisor], Some(Pole::Front)).await;
    assert_eq!(app.client().get_json("/api/v1/sla/matrix?pole=FRONT").await.0, 401);
    let agent = app.signed_in("agent@t.fr").await;
    let (status, body) = agent.get_json("/api/v1/sla/matrix?pole=FRONT").await;
    assert_eq!((status, common::error_code(&body)), (403, "forbidden"));
    let (status, _) = agent.post_json("/api/v1/capacity/what-if", &json!({})).await;
    assert_eq!(status, 403);

    let supervisor = app.signed_in("superviseur@t.fr").await;
    let cases = [
        ("/api/v1/sla/matrix?pole=QUALITE", "pole"),
        ("/api/v1/sla/matrix?pole=NOPE", "pole"),
        ("/api/v1/sla/matrix", "pole"),
        ("/api/v1/sla/matrix?pole=FRONT&weekday=2", "hour"),
        ("/api/v1/sla/matrix?pole=FRONT&weekday=7&hour=9", "hour"),
        ("/api/v1/sla/matrix?pole=FRONT&weekday=lundi&hour=9", "hour"),
    ];
    for (path, field) in cases {
        let (status, body) = supervisor.get_json(path).await;
        assert_eq!(status, 422, "{path}: {body}");
        assert_eq!(body["error"]["field"], field, "{path}: {body}");
        assert!(!body["error"]["message"].as_str().unwrap_or_default().is_empty());
    }
    assert_eq!(supervisor.get_json("/api/v1/sla/matrix?pole=ATELIER").await.0, 200);
}

#[tokio::test]
async fn what_if_answers_with_the_model_and_explains_refusals() {
    let app = TestApp::spawn().await;
    app.user("qualite@t.fr", &[Role::Quality], Some(Pole::Quality)).await;
    let quality = app.signed_in("qualite@t.fr").await;
    let (status, answer) = quality
        .post_json(
            "/api/v1/capacity/what-if",
            &json!({ "arrivals_per_hour": 200, "mean_handle_minutes": 3, "agents": 14, "target_minutes": 20.0 / 60.0 }),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    let near = |field: &str, expected: f64, tolerance: f64| {
        let value = answer[field].as_f64().unwrap_or(f64::NAN);
        assert!((value - expected).abs() < tolerance, "{field}: {value} ≠ {expected}");
    };
    near("p_wait", 0.1741319, 1e-6);
    near("service_level", 0.88835, 1e-4);
    near("asa_minutes", 7.8359 / 60.0, 1e-5);
    near("occupancy", 10.0 / 14.0, 1e-9);
    assert_eq!(answer["agents_needed"], 14);

    let (status, classes) = quality
        .post_json(
            "/api/v1/capacity/what-if",
            &json!({ "mean_handle_minutes": 15, "agents": 3, "classes": [
                { "priority": "P1", "arrivals_per_hour": 1, "target_minutes": 15 },
                { "priority": "P4", "arrivals_per_hour": 6, "target_minutes": 240 }
            ]}),
        )
        .await;
    assert_eq!(status, 200, "{classes}");
    assert_eq!(classes["classes"].as_array().map(Vec::len), Some(2));
    assert_eq!(classes["classes"][0]["priority"], "P1");

    let refusals = [
        (json!({ "arrivals_per_hour": 200, "mean_handle_minutes": 3, "agents": 10, "target_minutes": 1 }), "agents"),
        (
            json!({ "arrivals_per_hour": -1, "mean_handle_minutes": 3, "agents": 10, "target_minutes": 1 }),
            "arrivals_per_hour",
        ),
        (json!({ "mean_handle_minutes": 3, "agents": 10 }), "arrivals_per_hour"),
        (json!({ "arrivals_per_hour": 1, "mean_handle_minutes": 3, "agents": "dix", "target_minutes": 1 }), "body"),
        (
            json!({ "arrivals_per_hour": 1, "mean_handle_minutes": 3, "agents": 2, "target_minutes": 1, "extra": 1 }),
            "body",
        ),
    ];
    for (request, field) in refusals {
        let (status, body) = quality.post_json("/api/v1/capacity/what-if", &request).await;
        assert_eq!((status, body["error"]["field"].as_str()), (422, Some(field)), "{request}: {body}");
    }
    let (_, unstable) = quality
        .post_json(
            "/api/v1/capacity/what-if",
            &json!({ "arrivals_per_hour": 200, "mean_handle_minutes": 3, "agents": 10, "target_minutes": 1 }),
        )
        .await;
    assert!(unstable["error"]["message"].as_str().unwrap().contains("instable"), "{unstable}");
}

#[tokio::test]
async fn supervisors_plan_an_agents_week_and_the_planned_staffing_follows() {
    use app::db::schema::audit_log;
    let app = TestApp::spawn().await;
    let agent = app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("superviseur@t.fr", &[Role::Agent, Role::Supervisor], Some(Pole::Front)).await;
    let quality = app.user("qualite@t.fr", &[Role::Quality], Some(Pole::Quality)).await;
    let path = <app::capacity::api::SaveAgentWeek as leptos::server_fn::ServerFn>::PATH;
    let supervisor = app.signed_in("superviseur@t.fr").await;
    let week = |monday: &str| json!([monday, "", "", "", "", "", ""]);
    let scheduled_monday_nine = |body: &Value| body["inputs"]["inputs"]["scheduled"][9].as_u64();
    let agent_of = |body: &Value| body["inputs"]["agents"].as_array().unwrap()[0].clone();
    let now = app.clock.freeze();
    let this_monday = local_date(now) - Duration::days(i64::from(local_date(now).weekday().num_days_from_monday()));
    let working = if PublicHoliday::on(this_monday).is_some() { 0 } else { 1 };

    // Without a week of their own, the agent follows the test site's calendar (head office hours).
    let (_, before) = supervisor.get_json("/api/v1/sla/matrix?pole=FRONT").await;
    assert_eq!(agent_of(&before)["own"], false);

    let (status, body) = supervisor.server_fn_json(path, &json!({ "agent": agent, "week": week("10:00-12:00") })).await;
    assert_eq!(status, 200, "{body}");
    // Monday 09:00: only the supervisor (head office hours) now; 10:00: both.
    let (_, after) = supervisor.get_json("/api/v1/sla/matrix?pole=FRONT").await;
    assert_eq!(scheduled_monday_nine(&before), Some(2 * working));
    assert_eq!((agent_of(&after)["own"].as_bool(), scheduled_monday_nine(&after)), (Some(true), Some(working)));
    assert_eq!(after["inputs"]["inputs"]["scheduled"][10].as_u64(), Some(2 * working));
    let audited: i64 = {
        let mut conn = app.pool.get().await.unwrap();
        audit_log::table.filter(audit_log::entity.eq("agent_schedule")).count().get_result(&mut conn).await.unwrap()
    };
    assert_eq!(audited, 1);

    // Refusals leave the week as it was.
    let refusals = [
        (json!({ "agent": agent, "week": week("25:00-26:00") }), 422, "week"),
        (json!({ "agent": agent, "week": week("12:00-10:00") }), 422, "week"),
        (json!({ "agent": agent, "week": ["09:00-12:00", "", "", "", "", ""] }), 422, "week"),
        (json!({ "agent": agent, "week": ["", "", "", "", "", "", ""] }), 422, "week"),
        (json!({ "agent": quality, "week": week("09:00-12:00") }), 422, "agent"),
    ];
    for (request, status, field) in refusals {
        let (got, body) = supervisor.server_fn_json(path, &request).await;
        assert_eq!((got, body["field"].as_str()), (status, Some(field)), "{request}: {body}");
        assert!(!body["message"].as_str().unwrap_or_default().is_empty(), "{body}");
    }
    let (_, unchanged) = supervisor.get_json("/api/v1/sla/matrix?pole=FRONT").await;
    assert_eq!(agent_of(&unchanged)["week"], week("10:00-12:00"));

    // Qualité reads the map but does not plan the poles; agents do not open it.
    for login in ["qualite@t.fr", "n1@t.fr"] {
        let client = app.signed_in(login).await;
        let (status, body) = client.server_fn_json(path, &json!({ "agent": agent, "week": week("08:00-18:00") })).await;
        assert_eq!(status, 403, "{login}: {body}");
    }

    // Back to the site's calendar.
    let (status, _) = supervisor.server_fn_json(path, &json!({ "agent": agent, "week": null })).await;
    assert_eq!(status, 200);
    let (_, reset) = supervisor.get_json("/api/v1/sla/matrix?pole=FRONT").await;
    assert_eq!(agent_of(&reset)["own"], false);
}

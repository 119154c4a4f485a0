//! `GET /api/v1/kpis` on a hand-built week: tickets, clocks, history, ratings and deflections written
//! directly, each KPI's expected value worked out by hand in the comments (business minutes in the head
//! office calendar: 08:30–12:30 and 13:30–18:00, Paris time, so 07:30–11:30 and 12:30–17:00 UTC in November).

mod common;

use app::domain::people::{Pole, Role};
use common::TestApp;
use diesel_async::RunQueryDsl;
use serde_json::Value;

struct Week {
    app: TestApp,
    quality: common::Client,
}

/// Inserts one ticket; answers its id.
#[allow(clippy::too_many_arguments)]
async fn ticket(
    app: &TestApp,
    n: u32,
    (kind, channel, pole): (&str, &str, &str),
    requester: Option<i64>,
    registered: &str,
    resolved: Option<&str>,
    closed: Option<&str>,
    (first_contact, reopens, escalations): (bool, i32, i32),
) -> i64 {
    let prefix = match kind {
        "INCIDENT" => "INC",
        "DEMANDE" => "DEM",
        _ => "EVT",
    };
    let status = if closed.is_some() {
        "CLOS"
    } else if resolved.is_some() {
        "RESOLU"
    } else {
        "EN_COURS"
    };
    let instant = |at: Option<&str>| at.map_or("NULL".to_owned(), |at| format!("'{at}'"));
    let sql = format!(
        "INSERT INTO tickets (reference, kind, status, title, description, channel, priority, domain, requester_id, \
         site_id, pole, registered_at, updated_at, resolved_at, closed_at, first_contact, reopen_count, escalation_count) \
         VALUES ('{prefix}-2026-{n:06}', '{kind}', '{status}', 'T{n}', 'Ticket {n}', '{channel}', 'P3', 'POSTE', {}, {}, \
         '{pole}', '{registered}', '{registered}', {}, {}, {first_contact}, {reopens}, {escalations}) RETURNING id",
        requester.map_or("NULL".to_owned(), |id| id.to_string()),
        app.site.unwrap().0,
        instant(resolved),
        instant(closed),
    );
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.pool.get().await.unwrap();
    let rows: Vec<Id> = diesel::sql_query(sql).load(&mut conn).await.unwrap();
    rows[0].id
}

async fn clock(app: &TestApp, ticket: i64, measure: &str, started: &str, stopped: &str, breached: bool) {
    app.exec(&format!(
        "INSERT INTO ticket_clocks (ticket_id, measure, cycle, pole, calendar_code, priority, target_minutes, \
             started_at, stopped_at, breached) VALUES ({ticket}, '{measure}', 1, 'FRONT', 'SIEGE', 'P3', 60, \
             '{started}', '{stopped}', {breached})"
    ))
    .await;
}

async fn held_by(app: &TestApp, ticket: i64, action: &str, actor: i64, assignee: Option<i64>) {
    let detail = assignee.map_or("{}".to_owned(), |id| format!("{{\"assigne\": {id}}}"));
    app.exec(&format!(
        "INSERT INTO ticket_history (ticket_id, at, actor_id, action, from_status, to_status, detail) \
             VALUES ({ticket}, '2026-11-02T08:00:00Z', {actor}, '{action}', 'NOUVEAU', 'EN_COURS', '{detail}')"
    ))
    .await;
}

async fn week() -> Week {
    let app = TestApp::spawn().await;
    let camille = app.user("camille@t.fr", &[], None).await.0;
    let agent1 = app.user("agent1@t.fr", &[Role::Agent], Some(Pole::Front)).await.0;
    let agent2 = app.user("agent2@t.fr", &[Role::Agent], Some(Pole::Front)).await.0;
    app.user("qualite@t.fr", &[Role::Quality], None).await;
    let quality = app.signed_in("qualite@t.fr").await;
    let human = Some(camille);

    // A: solved on the phone in 10 business minutes, closed on the 4th, rated 5.
    let a = ticket(
        &app,
        1,
        ("INCIDENT", "TELEPHONE", "FRONT"),
        human,
        "2026-11-02T08:00:00Z",
        Some("2026-11-02T08:10:00Z"),
        Some("2026-11-04T08:00:00Z"),
        (true, 0, 0),
    )
    .await;
    clock(&app, a, "PRISE_EN_CHARGE", "2026-11-02T08:00:00Z", "2026-11-02T08:10:00Z", false).await;
    clock(&app, a, "RESOLUTION", "2026-11-02T08:00:00Z", "2026-11-02T08:10:00Z", false).await;
    held_by(&app, a, "PRENDRE", agent1, None).await;
    app.exec(&format!("INSERT INTO ticket_ratings VALUES ({a}, 5, NULL, '2026-11-04T09:00:00Z')")).await;

    // B: owned in 60 min; resolved on the 4th at 10:00 UTC after 210 + 270 minutes on the 3rd and 150 on the
    // 4th = 630 (late); escalated, reopened, taken by agent 1 then assigned to agent 2; rated 2.
    let b = ticket(
        &app,
        2,
        ("INCIDENT", "PORTAIL", "FRONT"),
        human,
        "2026-11-03T08:00:00Z",
        Some("2026-11-04T10:00:00Z"),
        None,
        (false, 1, 1),
    )
    .await;
    clock(&app, b, "PRISE_EN_CHARGE", "2026-11-03T08:00:00Z", "2026-11-03T09:00:00Z", false).await;
    clock(&app, b, "RESOLUTION", "2026-11-03T08:00:00Z", "2026-11-04T10:00:00Z", true).await;
    held_by(&app, b, "PRENDRE", agent1, None).await;
    held_by(&app, b, "ASSIGNER", agent1, Some(agent2)).await;
    app.exec(&format!("INSERT INTO ticket_ratings VALUES ({b}, 2, 'Trop long', '2026-11-05T10:00:00Z')")).await;

    // C: a request owned in 30 min by agent 2 alone, still open: 4 days old at the end of the week.
    let c =
        ticket(&app, 3, ("DEMANDE", "PORTAIL", "BACK"), human, "2026-11-04T08:00:00Z", None, None, (false, 0, 0)).await;
    clock(&app, c, "PRISE_EN_CHARGE", "2026-11-04T08:00:00Z", "2026-11-04T08:30:00Z", false).await;
    held_by(&app, c, "PRENDRE", agent2, None).await;

    // D: a monitoring event owned at 12:00 UTC, at lunch: 210 min, late; resolved the next day at 08:00:
    // 210 + 270 + 30 = 510 min, in time; closed at 09:00.
    let d = ticket(
        &app,
        4,
        ("EVENEMENT", "SUPERVISION", "BACK"),
        None,
        "2026-11-05T08:00:00Z",
        Some("2026-11-06T08:00:00Z"),
        Some("2026-11-06T09:00:00Z"),
        (false, 0, 0),
    )
    .await;
    clock(&app, d, "PRISE_EN_CHARGE", "2026-11-05T08:00:00Z", "2026-11-05T12:00:00Z", true).await;
    clock(&app, d, "RESOLUTION", "2026-11-05T08:00:00Z", "2026-11-06T08:00:00Z", false).await;

    // E: from the 20th of October, escalated then, still open: 19 days old at the end of the week.
    ticket(&app, 5, ("INCIDENT", "TELEPHONE", "EXPERT"), human, "2026-10-20T08:00:00Z", None, None, (false, 0, 1))
        .await;
    // F: registered and resolved the week before, closed on the 3rd.
    ticket(
        &app,
        6,
        ("INCIDENT", "TELEPHONE", "FRONT"),
        human,
        "2026-10-28T08:00:00Z",
        Some("2026-10-29T08:00:00Z"),
        Some("2026-11-03T08:00:00Z"),
        (false, 0, 0),
    )
    .await;
    // G: Sunday evening, untouched: under a day old.
    ticket(&app, 7, ("DEMANDE", "PORTAIL", "FRONT"), human, "2026-11-08T20:00:00Z", None, None, (false, 0, 0)).await;
    // H: after the week.
    ticket(&app, 8, ("INCIDENT", "TELEPHONE", "FRONT"), human, "2026-11-09T10:00:00Z", None, None, (false, 0, 0)).await;

    // Two requests ended by an article during the week, one before it.
    app.exec(&format!(
        "INSERT INTO knowledge_articles (title, body_markdown, body_html, audience, domain, owner_id, review_on, created_at, updated_at) \
         VALUES ('Article', 'x', '<p>x</p>', 'PUBLIC', 'POSTE', {agent1}, '2027-01-01', now(), now())"
    )).await;
    for at in ["2026-11-03T10:00:00Z", "2026-11-05T10:00:00Z", "2026-10-30T10:00:00Z"] {
        app.exec(&format!(
            "INSERT INTO knowledge_deflections (article_id, user_id, description, at) \
             SELECT id, {camille}, 'x', '{at}' FROM knowledge_articles"
        ))
        .await;
    }
    Week { app, quality }
}

fn kpi<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["kpis"].as_array().unwrap().iter().find(|k| k["code"] == code).unwrap_or_else(|| panic!("{code}: {report}"))
}

#[tokio::test]
async fn every_kpi_of_a_hand_built_week_through_the_api() {
    let week = week().await;
    let (status, report) = week.quality.get_json("/api/v1/kpis?from=2026-11-02&to=2026-11-08").await;
    assert_eq!(status, 200, "{report}");
    // Paris is UTC+1 in November: the week runs from Sunday 23:00 UTC to Sunday 23:00 UTC.
    assert_eq!(report["period"]["from"], "2026-11-01T23:00:00Z");
    assert_eq!(report["period"]["to"], "2026-11-08T23:00:00Z");
    let expected: &[(&str, f64, u64, u64)] = &[
        // Owned during the week: A 10 ✓, B 60 ✓, C 30 ✓, D 210 ✗ → 3 / 4.
        ("CONFORMITE_PRISE_EN_CHARGE", 0.75, 3, 4),
        // Resolved during the week: A ✓, B ✗, D ✓ → 2 / 3.
        ("CONFORMITE_RESOLUTION", 2.0 / 3.0, 2, 3),
        // People's tickets resolved: A (during the call) and B → 1 / 2.
        ("RESOLUTION_PREMIER_CONTACT", 0.5, 1, 2),
        // Owning: 10, 30, 60, 210 → median (rank 2) 30, 90 % (rank 4) 210.
        ("DELAI_PRISE_EN_CHARGE_MEDIAN", 30.0, 4, 4),
        ("DELAI_PRISE_EN_CHARGE_P90", 210.0, 4, 4),
        // Resolving: 10, 510, 630 → median 510, 90 % 630.
        ("DELAI_RESOLUTION_MEDIAN", 510.0, 3, 3),
        ("DELAI_RESOLUTION_P90", 630.0, 3, 3),
        // Open at the end: C, E, G.
        ("STOCK", 3.0, 3, 1),
        // Registered A, B, C, D, G (5) − closed A, D, F (3).
        ("CROISSANCE", 2.0, 2, 1),
        // Resolved A, B, D; reopened B.
        ("TAUX_REOUVERTURE", 1.0 / 3.0, 1, 3),
        // Registered 5; escalated B (E is older).
        ("TAUX_ESCALADE", 0.2, 1, 5),
        // B passed from agent 1 to agent 2.
        ("TAUX_REAFFECTATION", 0.2, 1, 5),
        // 2 deflections against 4 people's tickets registered (A, B, C, G) → 2 / 6.
        ("EVITEMENT", 1.0 / 3.0, 2, 6),
        // Ratings 5 and 2.
        ("SATISFACTION", 3.5, 7, 2),
    ];
    for (code, value, numerator, denominator) in expected {
        let line = kpi(&report, code);
        let got = line["value"].as_f64().unwrap_or_else(|| panic!("{code}: {line}"));
        assert!((got - value).abs() < 1e-9, "{code}: {got} instead of {value}");
        assert_eq!(
            (line["numerator"].as_u64(), line["denominator"].as_u64()),
            (Some(*numerator), Some(*denominator)),
            "{code}"
        );
        assert!(!line["definition"].as_str().unwrap().is_empty() && !line["label"].as_str().unwrap().is_empty());
    }
    assert_eq!(report["backlog_ages"]["current"], serde_json::json!([1, 0, 1, 1, 0]));
    // The week before: F registered, nothing closed → growth +1, so +2 is worse; F was not solved on the call.
    let growth = kpi(&report, "CROISSANCE");
    assert_eq!((growth["previous"].as_f64(), growth["trend"].as_str()), (Some(1.0), Some("moins_bon")));
    let first_contact = kpi(&report, "RESOLUTION_PREMIER_CONTACT");
    assert_eq!((first_contact["previous"].as_f64(), first_contact["trend"].as_str()), (Some(0.0), Some("meilleur")));
    // Before the week, only E was open (12 days old).
    assert_eq!(report["backlog_ages"]["previous"], serde_json::json!([0, 0, 0, 1, 0]));
}

#[tokio::test]
async fn kpis_filter_and_refuse_what_they_cannot_read() {
    let week = week().await;
    let (_, front) = week.quality.get_json("/api/v1/kpis?from=2026-11-02&to=2026-11-08&pole=FRONT").await;
    // Front Office: A and B owned in time; open at the end: G; deflections have no pole.
    assert_eq!(kpi(&front, "CONFORMITE_PRISE_EN_CHARGE")["value"], 1.0);
    assert_eq!(kpi(&front, "STOCK")["value"], 1.0);
    assert_eq!(kpi(&front, "EVITEMENT")["value"], Value::Null);
    let (_, events) = week.quality.get_json("/api/v1/kpis?from=2026-11-02&to=2026-11-08&type=EVENEMENT").await;
    assert_eq!(kpi(&events, "CONFORMITE_RESOLUTION")["value"], 1.0, "D was resolved in time");
    for (query, field) in [
        ("from=2026-11-08&to=2026-11-02", "from"),
        ("from=hier", "from"),
        ("from=2025-01-01&to=2026-11-08", "to"),
        ("pole=ACCUEIL", "pole"),
        ("channel=PIGEON", "channel"),
    ] {
        let (status, error) = week.quality.get_json(&format!("/api/v1/kpis?{query}")).await;
        assert_eq!((status, error["error"]["field"].as_str()), (422, Some(field)), "{query}: {error}");
    }
    week.app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let agent = week.app.signed_in("n1@t.fr").await;
    let (status, _) = agent.get_json("/api/v1/kpis").await;
    assert_eq!(status, 403, "the KPIs are for Qualité, supervisors and administrators");
    let (status, _) = week.app.client().get_json("/api/v1/kpis").await;
    assert_eq!(status, 401);
}

/// The sheet of an XLSX answer, as calamine reads it.
fn xlsx_rows(bytes: Vec<u8>) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

#[tokio::test]
async fn kpi_tables_export_to_xlsx_and_csv_with_formulas_neutralised() {
    use calamine::Data;
    let week = week().await;
    // A site whose name a spreadsheet would run as a formula.
    let pirate = "=HYPERLINK(\"http://pirate.example\",\"Agence\")";
    week.app
        .exec(&format!(
            "UPDATE sites SET name = '{}' WHERE id = {}",
            pirate.replace('\'', "''"),
            week.app.site.unwrap().0
        ))
        .await;
    let period = "from=2026-11-02&to=2026-11-08";

    let response = week.quality.get(&format!("/api/v1/kpis/export?tableau=CONFORMITE&format=xlsx&{period}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains("2026-11-02-2026-11-08.xlsx"));
    let rows = xlsx_rows(response.bytes().await.unwrap().to_vec());
    // Header, then one row: every resolution of the week is a POSTE ticket of the one site (A ✓, B ✗, D ✓).
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0][0], Data::String("Domaine".into()));
    assert_eq!(rows[1][0], Data::String("Poste de travail".into()));
    assert_eq!(rows[1][1], Data::String(format!("'{pirate}")), "the formula is neutralised");
    assert_eq!((&rows[1][2], &rows[1][3]), (&Data::Float(2.0), &Data::Float(3.0)));
    let Data::Float(share) = rows[1][4] else { panic!("{:?}", rows[1][4]) };
    assert!((share - 2.0 / 3.0).abs() < 1e-9);

    // The indicators table holds each KPI's figures as numbers.
    let response = week.quality.get(&format!("/api/v1/kpis/export?tableau=INDICATEURS&format=XLSX&{period}")).await;
    let rows = xlsx_rows(response.bytes().await.unwrap().to_vec());
    let row =
        |label: &str| rows.iter().find(|row| row[0] == Data::String(label.into())).unwrap_or_else(|| panic!("{label}"));
    assert_eq!(row("Prises en charge dans le délai")[1], Data::Float(0.75));
    assert_eq!(row("Délai de résolution médian")[1], Data::Float(510.0));
    assert_eq!(row("Stock de tickets ouverts")[1], Data::Float(3.0));

    let response = week.quality.get(&format!("/api/v1/kpis/export?tableau=CONFORMITE&format=csv&{period}")).await;
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let text = response.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "\u{feff}Domaine;Site;Résolus dans le délai;Résolus;Conformité");
    assert_eq!(lines[1], "Poste de travail;\"'=HYPERLINK(\"\"http://pirate.example\"\",\"\"Agence\"\")\";2;3;66,7 %");

    for (query, field) in [
        ("tableau=SECRET&format=csv", "tableau"),
        ("tableau=CONFORMITE&format=pdf", "format"),
        ("tableau=CONFORMITE&format=csv&pole=X", "pole"),
    ] {
        let (status, error) = week.quality.get_json(&format!("/api/v1/kpis/export?{query}")).await;
        assert_eq!((status, error["error"]["field"].as_str()), (422, Some(field)), "{query}: {error}");
    }
    week.app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let agent = week.app.signed_in("n1@t.fr").await;
    assert_eq!(agent.get(&format!("/api/v1/kpis/export?tableau=CONFORMITE&format=csv&{period}")).await.status(), 403);
}

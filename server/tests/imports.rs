//! Imports of activity lists through the JSON API: the sample as CSV and as an XLSX file written by a
//! spreadsheet program (LibreOffice), re-imports that create no duplicate, and broken files (wrong columns,
//! bad dates, empty rows, a 50,000-row file with one bad row, a file that is not a spreadsheet), each with a
//! clear error and the database left unchanged.

mod common;

use app::db::schema::tickets;
use app::directory::db::NewSite;
use app::domain::people::{Role, SiteKind};
use common::TestApp;
use diesel::{ExpressionMethods, QueryDsl, TextExpressionMethods};
use diesel_async::RunQueryDsl;
use serde_json::Value;
use std::time::Duration;

const SAMPLE_CSV: &[u8] = include_bytes!("../demo/activites-exemple.csv");
/// The sample saved as XLSX by LibreOffice Calc (`soffice --convert-to xlsx`), dates as real date cells.
const SAMPLE_XLSX: &[u8] = include_bytes!("data/activites-exemple.xlsx");

struct Desk {
    app: TestApp,
    admin: common::Client,
}

/// A server whose directory holds the sample's sites, and an administrator.
async fn desk() -> Desk {
    let app = TestApp::spawn().await;
    let names: std::collections::BTreeSet<&str> =
        std::str::from_utf8(SAMPLE_CSV).unwrap().lines().skip(1).filter_map(|line| line.split(';').nth(3)).collect();
    let mut conn = app.pool.get().await.unwrap();
    for (index, name) in names.into_iter().enumerate() {
        let code = format!("SITE-{index}");
        NewSite { code: &code, name, kind: SiteKind::Agency, city: "Gironde" }.insert(&mut conn).await.unwrap();
    }
    drop(conn);
    app.user("admin@t.fr", &[Role::Admin], None).await;
    let admin = app.signed_in("admin@t.fr").await;
    Desk { app, admin }
}

async fn imported_tickets(app: &TestApp) -> i64 {
    let mut conn = app.pool.get().await.unwrap();
    tickets::table.filter(tickets::source_ref.like("import:%")).count().get_result(&mut conn).await.unwrap()
}

async fn all_tickets(app: &TestApp) -> i64 {
    let mut conn = app.pool.get().await.unwrap();
    tickets::table.count().get_result(&mut conn).await.unwrap()
}

/// Starts an import and waits for its end; answers the final report.
async fn run(desk: &Desk, id: i64) -> Value {
    let (status, started) = desk.admin.post_json(&format!("/api/v1/imports/{id}/lancer"), &Value::Null).await;
    assert_eq!(status, 202, "{started}");
    for _ in 0..600 {
        let (_, now) = desk.admin.get_json(&format!("/api/v1/imports/{id}")).await;
        if now["status"] != "EN_COURS" {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("import {id} did not end within a minute");
}

#[tokio::test]
async fn the_sample_imports_once_and_a_second_run_creates_no_duplicate() {
    let desk = desk().await;
    let (status, report) = desk.admin.post_bytes("/api/v1/imports?fichier=activites.csv", SAMPLE_CSV.to_vec()).await;
    assert_eq!(status, 201, "{report}");
    assert_eq!(
        (&report["rows_total"], &report["to_create"], &report["invalid"], &report["already_imported"]),
        (&Value::from(60), &Value::from(60), &Value::from(0), &Value::from(0)),
        "{report}"
    );
    assert_eq!(imported_tickets(&desk.app).await, 0, "a dry run writes no ticket");
    assert!(report["notes"][0].as_str().unwrap().contains("demandeur"), "the report says who will be the requester");
    let done = run(&desk, report["id"].as_i64().unwrap()).await;
    assert_eq!((done["status"].as_str(), done["created"].as_i64()), (Some("TERMINE"), Some(60)), "{done}");
    assert_eq!(imported_tickets(&desk.app).await, 60);
    // A027's description holds a semicolon: it is read whole, and the ticket keeps its qualification.
    let mut conn = desk.app.pool.get().await.unwrap();
    let (description, domain, pole): (String, Option<String>, String) = tickets::table
        .filter(tickets::source_ref.eq("import:A027"))
        .select((tickets::description, tickets::domain, tickets::pole))
        .first(&mut conn)
        .await
        .unwrap();
    assert!(description.contains("la nuit ; trois fois"), "{description}");
    assert_eq!((domain.as_deref(), pole.as_str()), (Some("INFRA"), "BACK"));
    drop(conn);

    // The same file again: every row is found, nothing to create, and starting is refused.
    let (_, again) = desk.admin.post_bytes("/api/v1/imports?fichier=activites.csv", SAMPLE_CSV.to_vec()).await;
    assert_eq!((again["already_imported"].as_i64(), again["to_create"].as_i64()), (Some(60), Some(0)), "{again}");
    let (status, refused) =
        desk.admin.post_json(&format!("/api/v1/imports/{}/lancer", again["id"]), &Value::Null).await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(imported_tickets(&desk.app).await, 60);
}

#[tokio::test]
async fn an_xlsx_written_by_a_spreadsheet_program_reads_like_the_csv() {
    let desk = desk().await;
    let (status, report) = desk.admin.post_bytes("/api/v1/imports?fichier=activites.xlsx", SAMPLE_XLSX.to_vec()).await;
    assert_eq!(status, 201, "{report}");
    assert_eq!((report["to_create"].as_i64(), report["invalid"].as_i64()), (Some(60), Some(0)), "{report}");
    let first = report["rows"].as_array().unwrap().iter().find(|row| row["reference"] == "A001").unwrap();
    assert!(first["summary"].as_str().unwrap().starts_with("02/03/2026 08:12"), "date cells read as dates: {first}");
    let done = run(&desk, report["id"].as_i64().unwrap()).await;
    assert_eq!(done["created"].as_i64(), Some(60), "{done}");
    // The CSV of the same activities is then entirely "already imported".
    let (_, csv) = desk.admin.post_bytes("/api/v1/imports?fichier=activites.csv", SAMPLE_CSV.to_vec()).await;
    assert_eq!(csv["already_imported"].as_i64(), Some(60), "{csv}");
}

/// A CSV of `rows` activities at the sample's first site, one per minute.
fn generated(rows: usize) -> String {
    let mut text = String::from("ref;horodatage;canal;site;typologie;description;type;domaine;pole\n");
    for index in 0..rows {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(8, 0, 0).unwrap()
            + chrono::TimeDelta::minutes(index as i64);
        text.push_str(&format!(
            "G{index:06};{};telephone;Agence Arcachon;agence;Le poste numéro {index} ne démarre plus.;INCIDENT;POSTE;ATELIER\n",
            at.format("%Y-%m-%dT%H:%M:%S")
        ));
    }
    text
}

#[tokio::test]
async fn broken_files_get_a_clear_error_and_leave_the_database_unchanged() {
    let desk = desk().await;
    let before = all_tickets(&desk.app).await;
    // The last of 50,000 rows has an impossible date.
    let mut lines: Vec<String> = generated(50_000).lines().map(str::to_owned).collect();
    let last = lines.last_mut().unwrap();
    let mut fields: Vec<String> = last.split(';').map(str::to_owned).collect();
    fields[1] = "31/02/2026 10:00".into();
    *last = fields.join(";");
    // The header is line 1: the last row's line is the number of lines.
    let last_line = lines.len();
    let bad_last = lines.join("\n");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("mauvaises-colonnes.csv", b"numero;quand;qui\n1;2026-03-02;moi\n".to_vec(), "mapping"),
        (
            "dates.csv",
            b"ref;horodatage;canal;site;description;type\nB1;hier;telephone;Agence Arcachon;Plus de r\xc3\xa9seau;INCIDENT\n"
                .to_vec(),
            "invalid",
        ),
        ("grand.csv", bad_last.into_bytes(), "invalid"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01".to_vec(), "file"),
        ("vide.csv", Vec::new(), "file"),
    ];
    for (name, content, expected) in cases {
        let (status, report) = desk.admin.post_bytes(&format!("/api/v1/imports?fichier={name}"), content).await;
        match expected {
            "file" => {
                assert_eq!(status, 422, "{name}: {report}");
                let message = report["error"]["message"].as_str().unwrap();
                assert!(!message.is_empty(), "{name}");
                println!("{name} → {message}");
            }
            "mapping" => {
                assert_eq!(status, 201, "{name}: {report}");
                let problems = report["mapping_problems"].as_array().unwrap();
                assert!(!problems.is_empty(), "{name}: {report}");
                println!("{name} → {}", problems[0]);
            }
            _ => {
                assert_eq!(status, 201, "{name}: {report}");
                assert_eq!(report["invalid"].as_i64(), Some(1), "{name}: {report}");
                let row = &report["rows"][0];
                assert_eq!(row["outcome"], "ERREUR", "problems are listed first: {report}");
                let problem = row["problems"][0].as_str().unwrap();
                assert!(problem.contains("date"), "{name}: {problem}");
                println!("{name} → {problem}");
                if name == "grand.csv" {
                    assert_eq!(row["line"].as_i64(), Some(last_line as i64));
                    assert_eq!(report["to_create"].as_i64(), Some(49_999));
                }
            }
        }
        if status == 201 {
            let (refused, error) =
                desk.admin.post_json(&format!("/api/v1/imports/{}/lancer", report["id"]), &Value::Null).await;
            assert_eq!(refused, 409, "{name}: an import with errors does not start: {error}");
        }
        assert_eq!(all_tickets(&desk.app).await, before, "{name} left the database unchanged");
    }
}

#[tokio::test]
async fn empty_rows_are_ignored_and_columns_can_be_mapped_by_hand() {
    let desk = desk().await;
    let file = "Numéro;Ouvert le;Origine;Agence;Nature;Texte\n\
                C1;02/03/2026 08:12;telephone;Agence Arcachon;INCIDENT;Le Wi-Fi est coupé.\n\
                ;;;;;\n\
                C2;02/03/2026 09:00;mail;Agence Arcachon;DEMANDE;Merci de créer un compte.\n";
    let (status, report) = desk.admin.post_bytes("/api/v1/imports?fichier=autres.csv", file.as_bytes().to_vec()).await;
    assert_eq!(status, 201, "{report}");
    assert_eq!((report["to_create"].as_i64(), report["empty"].as_i64()), (Some(2), Some(1)), "{report}");
    assert_eq!(report["mapping"]["horodatage"], "Ouvert le");
    assert_eq!(report["mapping"]["type"], "Nature");
    // "Texte" read as the description; mapped by hand instead to the title, there is no description left.
    let (status, remapped) = desk
        .admin
        .server_fn_json(
            "/api/import_colonnes",
            &serde_json::json!({"id": report["id"], "mapping": {"titre": "Texte", "description": "Numéro"}}),
        )
        .await;
    assert_eq!(status, 200, "{remapped}");
    assert_eq!(remapped["mapping"]["titre"], "Texte");
    // Unknown header named by hand: a mapping problem in words.
    let (_, unknown) = desk
        .admin
        .server_fn_json("/api/import_colonnes", &serde_json::json!({"id": report["id"], "mapping": {"site": "Ville"}}))
        .await;
    assert!(unknown["mapping_problems"][0].as_str().unwrap().contains("Ville"), "{unknown}");
    // Only administrators import.
    desk.app.user("n1@t.fr", &[Role::Agent], Some(app::domain::people::Pole::Front)).await;
    let agent = desk.app.signed_in("n1@t.fr").await;
    let (status, _) = agent.post_bytes("/api/v1/imports?fichier=a.csv", file.as_bytes().to_vec()).await;
    assert_eq!(status, 403);
    assert_eq!(all_tickets(&desk.app).await, 0);
}

/// Holds an import run as its worker does (the advisory lock of `imports::service`) until dropped.
async fn hold_as_worker(app: &TestApp, id: i64) -> diesel_async::AsyncPgConnection {
    use diesel_async::AsyncConnection;
    let mut worker = diesel_async::AsyncPgConnection::establish(&app.db.url).await.unwrap();
    diesel::sql_query(format!("SELECT pg_advisory_lock({}, {id})", 0x1309)).execute(&mut worker).await.unwrap();
    worker
}

#[tokio::test]
async fn an_import_whose_worker_died_resumes_after_its_committed_batches_and_one_still_running_is_left_alone() {
    let desk = desk().await;
    let (_, report) = desk.admin.post_bytes("/api/v1/imports?fichier=activites.csv", SAMPLE_CSV.to_vec()).await;
    let id = report["id"].as_i64().unwrap();
    // The dead worker's committed batches: the first 30 rows (imported here by a run of those rows alone),
    // counted on the run as its batch transactions counted them. Then it died: EN_COURS, nobody holds it.
    let first_half: Vec<&str> = std::str::from_utf8(SAMPLE_CSV).unwrap().lines().take(31).collect();
    let (_, half) =
        desk.admin.post_bytes("/api/v1/imports?fichier=debut.csv", first_half.join("\n").into_bytes()).await;
    assert_eq!(run(&desk, half["id"].as_i64().unwrap()).await["created"], 30);
    desk.app
        .exec(&format!(
            "UPDATE import_runs SET status = 'EN_COURS', started_at = now(), rows_done = 30, created = 30 WHERE id = {id}"
        ))
        .await;

    // While a worker holds it, starting again is refused: two workers never import one file.
    let worker = hold_as_worker(&desk.app, id).await;
    let (status, refused) = desk.admin.post_json(&format!("/api/v1/imports/{id}/lancer"), &Value::Null).await;
    assert_eq!(status, 409, "{refused}");
    assert!(refused["error"]["message"].as_str().unwrap().contains("en cours"), "{refused}");
    assert_eq!(
        app::imports::service::resume_interrupted(&desk.app.pool, &desk.app.clock).await.unwrap(),
        0,
        "start-up leaves a run another instance is importing"
    );

    // The worker is gone: the run resumes and ends, every row once.
    drop(worker);
    let done = run(&desk, id).await;
    assert_eq!(
        (done["status"].as_str(), done["created"].as_i64(), done["rows_done"].as_i64()),
        (Some("TERMINE"), Some(60), Some(60)),
        "{done}"
    );
    assert_eq!(imported_tickets(&desk.app).await, 60, "no row imported twice");
}

#[tokio::test]
async fn at_start_up_an_interrupted_import_resumes_by_itself() {
    let desk = desk().await;
    let (_, report) = desk.admin.post_bytes("/api/v1/imports?fichier=activites.csv", SAMPLE_CSV.to_vec()).await;
    let id = report["id"].as_i64().unwrap();
    desk.app.exec(&format!("UPDATE import_runs SET status = 'EN_COURS', started_at = now() WHERE id = {id}")).await;
    assert_eq!(app::imports::service::resume_interrupted(&desk.app.pool, &desk.app.clock).await.unwrap(), 1);
    for _ in 0..600 {
        let (_, now) = desk.admin.get_json(&format!("/api/v1/imports/{id}")).await;
        if now["status"] == "TERMINE" {
            assert_eq!(imported_tickets(&desk.app).await, 60);
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the interrupted import did not resume");
}

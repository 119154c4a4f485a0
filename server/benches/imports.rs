//! Importing activity lists at volume: decoding a CSV and an XLSX, the dry run (decode, map, check every row
//! against the database, store the file and its report), the import itself (every activity registered
//! through the lifecycle's service, 500 per transaction), and a re-check of the same file once imported.
//!
//! `cargo xtask db start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') cargo bench -p server --bench imports`
//! Options (environment): BENCH_ROWS (default 20000). Prints rows per second and the process's peak memory;
//! asserts nothing about time.

#[path = "../tests/common/mod.rs"]
mod common;

use app::domain::people::Role;
use chrono::{NaiveDate, TimeDelta, Utc};
use common::TestApp;
use std::time::Instant;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

const KINDS: [(&str, &str, &str, &str); 4] = [
    ("INCIDENT", "POSTE", "ATELIER", "Le poste ne démarre plus depuis ce matin"),
    ("DEMANDE", "COMPTE", "FRONT", "Merci de créer le compte d'un nouvel arrivant"),
    ("INCIDENT", "RESEAU", "BACK", "Plus d'accès Internet dans l'agence"),
    ("INCIDENT", "IMPRESSION", "FRONT", "L'imprimante affiche un bourrage papier"),
];

fn rows(count: usize) -> Vec<[String; 9]> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(8, 0, 0).unwrap();
    (0..count)
        .map(|index| {
            let (kind, domain, pole, text) = KINDS[index % KINDS.len()];
            [
                format!("V{index:07}"),
                (start + TimeDelta::minutes(3 * index as i64)).format("%Y-%m-%dT%H:%M:%S").to_string(),
                "telephone".into(),
                "Siège de test".into(),
                "siege".into(),
                format!("{text} (activité {index})."),
                kind.into(),
                domain.into(),
                pole.into(),
            ]
        })
        .collect()
}

const HEADERS: [&str; 9] =
    ["ref", "horodatage", "canal", "site", "typologie", "description", "type", "domaine", "pole"];

fn csv(rows: &[[String; 9]]) -> Vec<u8> {
    let mut text = HEADERS.join(";");
    text.push('\n');
    for row in rows {
        text.push_str(&row.join(";"));
        text.push('\n');
    }
    text.into_bytes()
}

fn xlsx(rows: &[[String; 9]]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in HEADERS.iter().enumerate() {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    for (index, row) in rows.iter().enumerate() {
        for (column, cell) in row.iter().enumerate() {
            sheet.write_string(index as u32 + 1, column as u16, cell).unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

fn peak_memory_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1).and_then(|kib| kib.parse::<f64>().ok()))
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let count = env_number("BENCH_ROWS", 20_000).max(1);
        let app = TestApp::spawn().await;
        app.user("admin@t.fr", &[Role::Admin], None).await;
        let admin = app.current_user("admin@t.fr").await;
        let generated = rows(count);
        let (csv, xlsx) = (csv(&generated), xlsx(&generated));
        println!("{count} activités : CSV {} Kio, XLSX {} Kio", csv.len() / 1024, xlsx.len() / 1024);

        for (name, bytes) in [("CSV", &csv), ("XLSX", &xlsx)] {
            let started = Instant::now();
            let table = app::imports::file::read_table(bytes).unwrap();
            let seconds = started.elapsed().as_secs_f64();
            assert_eq!(table.rows.len(), count);
            println!("lecture {name} : {seconds:.3} s ({:.0} lignes/s)", count as f64 / seconds);
        }

        let mut conn = app.pool.get().await.unwrap();
        let started = Instant::now();
        let check =
            app::imports::service::check_upload(&mut conn, &admin, "bench.xlsx", &xlsx, Default::default(), Utc::now())
                .await
                .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(check.to_create, count, "{:?}", check.rows.first());
        println!(
            "essai (XLSX, contrôle de chaque ligne, rapport stocké) : {seconds:.2} s ({:.0} lignes/s)",
            count as f64 / seconds
        );

        app::imports::service::start(&mut conn, &admin, check.id, Utc::now()).await.unwrap();
        let started = Instant::now();
        let done =
            app::imports::service::run(&mut conn, check.id, &app::clock::Clock::system(), |_, _| {}).await.unwrap();
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(done.created, count);
        println!(
            "import (enregistrement par le service du cycle de vie, lots de 500) : {seconds:.2} s ({:.0} lignes/s)",
            count as f64 / seconds
        );

        let started = Instant::now();
        let again =
            app::imports::service::check_upload(&mut conn, &admin, "bench.csv", &csv, Default::default(), Utc::now())
                .await
                .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(again.already_imported, count);
        println!(
            "nouvel essai du même fichier (tout déjà importé) : {seconds:.2} s ({:.0} lignes/s)",
            count as f64 / seconds
        );
        println!("mémoire du processus au plus haut : {:.0} Mio", peak_memory_mib());
    });
}

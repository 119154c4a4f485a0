//! Syncing the company directory at go-live size: BENCH_PEOPLE people (default 500) in the project's
//! OpenLDAP server, with a manager each, a site each (one in ten unknown to the desk) and a tenth of them in
//! a desk group; the first sync (every account created), a second one over the same directory (nothing to
//! do), and a third after a tenth changed their phone and a tenth left. Prints the time of each, the time
//! spent reading the directory, and the SQL statements each sent; asserts the figures, never the time.
//!
//! `cargo xtask db start` and `cargo xtask ldap start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') IMMO9_TEST_LDAP_URL=$(cargo xtask ldap url)
//!  IMMO9_TEST_LDAP_ADMIN_DN=cn=admin,dc=immo9,dc=test IMMO9_TEST_LDAP_ADMIN_PASSWORD=immo9-ldap-admin
//!  IMMO9_TEST_LDAP_BASE=dc=immo9,dc=test cargo bench -p server --bench directory_sync`

#[path = "../tests/common/mod.rs"]
mod common;

use app::domain::people::Role;
use common::ldap::{Person, TestDirectory};
use common::{Client, TestApp};
use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts the statements a connection sends.
struct Statements(Arc<AtomicUsize>);

impl Instrumentation for Statements {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if matches!(event, InstrumentationEvent::StartQuery { .. }) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

async fn timed_sync(app: &TestApp, admin: app::domain::ids::UserId, label: &str) -> app::directory::SyncReport {
    let counter = Arc::new(AtomicUsize::new(0));
    let mut conn = AsyncPgConnection::establish(&app.db.url).await.expect("a connection");
    conn.set_instrumentation(Statements(counter.clone()));
    let started = Instant::now();
    let report = app::directory::sync::run_now(&mut conn, admin, app.clock.now()).await.expect("the sync runs");
    let elapsed = started.elapsed();
    println!(
        "{label:<28} {:>8.1} ms  {:>5} statements  created {:>4} updated {:>4} deactivated {:>4} unchanged {:>4} problems {:>3}",
        elapsed.as_secs_f64() * 1000.0,
        counter.load(Ordering::Relaxed),
        report.created,
        report.updated,
        report.deactivated,
        report.unchanged,
        report.errors.len(),
    );
    report
}

#[tokio::main]
async fn main() {
    let people: usize = std::env::var("BENCH_PEOPLE").ok().and_then(|v| v.parse().ok()).unwrap_or(500);
    let app = TestApp::spawn().await;
    let admin = app.user("admin@t.fr", &[Role::Admin], None).await;
    let client: Client = app.signed_in("admin@t.fr").await;
    let mut directory = TestDirectory::new().await;
    let uids: Vec<String> = (0..people).map(|index| format!("p{index:04}")).collect();
    let started = Instant::now();
    for (index, uid) in uids.iter().enumerate() {
        let manager = (index > 0).then(|| uids[(index - 1) / 8].as_str());
        let site = if index % 10 == 9 { "Agence Biscarrosse" } else { "Siège de test" };
        let name = format!("Personne {index}");
        directory.add_person(Person { uid, name: &name, site: Some(site), manager }).await;
    }
    let front: Vec<&str> = uids.iter().step_by(10).map(String::as_str).collect();
    directory.add_group("sd-front", &front).await;
    println!("{people} people written to the directory in {:.1} s", started.elapsed().as_secs_f64());
    let response =
        client.http.put(format!("{}/api/v1/directory", app.base_url)).json(&directory.settings()).send().await.unwrap();
    assert_eq!(response.status(), 200);

    let settings = {
        let mut conn = app.pool.get().await.unwrap();
        app::auth::ldap::configured(&mut conn).await.unwrap().unwrap()
    };
    let started = Instant::now();
    let entries = settings.connection.read_people().await.expect("the directory reads");
    println!(
        "reading the directory          {:>8.1} ms  {} entries",
        started.elapsed().as_secs_f64() * 1000.0,
        entries.len()
    );

    let first = timed_sync(&app, admin, "first sync (creation)").await;
    assert_eq!(first.created, people);
    let second = timed_sync(&app, admin, "second sync (no change)").await;
    assert_eq!((second.created, second.updated, second.deactivated), (0, 0, 0));
    for uid in uids.iter().skip(1).step_by(10) {
        directory.replace(uid, "telephoneNumber", &["06 00 00 00 00"]).await;
    }
    // Those who leave manage nobody here (every eighth person manages eight): their reports keep a manager.
    let leaving: Vec<&String> = uids.iter().rev().step_by(10).take(people / 10).collect();
    for uid in &leaving {
        directory.remove_person(uid).await;
    }
    let third = timed_sync(&app, admin, "third sync (10 % moved)").await;
    assert_eq!(third.deactivated, leaving.len());
    println!(
        "peak memory (VmHWM): {}",
        std::fs::read_to_string("/proc/self/status")
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("VmHWM"))
            .unwrap_or("?")
    );
}

//! The cost of the SLA scheduler and of the backlog watch for a desk with many open tickets.
//!
//! `cargo xtask db start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') cargo bench -p server --bench sla_scheduler`
//! Options (environment): BENCH_TICKETS (default 10000 open tickets), BENCH_CONCURRENCY (default 8).
//! It reports, for that many open tickets: a scheduler run when nothing is due (what every minute costs),
//! a run that catches up one threshold on every ticket (after downtime), and one backlog watch. It asserts
//! nothing about time.

#[path = "../tests/common/mod.rs"]
mod common;

use app::domain::calendar::paris;
use app::domain::people::{Pole, Role};
use app::domain::ticket::{Kind, Priority};
use app::tickets::NewTicket;
use app::tickets::service::{Actor, register};
use chrono::{DateTime, Duration as Span, NaiveDate, NaiveTime, Utc};
use common::TestApp;
use std::time::{Duration, Instant};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

fn monday(time: &str) -> DateTime<Utc> {
    paris(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), NaiveTime::parse_from_str(time, "%H:%M").unwrap())
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let tickets = env_number("BENCH_TICKETS", 10_000);
        let concurrency = env_number("BENCH_CONCURRENCY", 8).max(1);
        let app = TestApp::spawn_with_pool(concurrency + 2).await;
        let requester = app.user("appelant@bench.fr", &[], None).await;
        app.user("n1@bench.fr", &[Role::Agent], Some(Pole::Front)).await;
        app.user("chef@bench.fr", &[Role::Supervisor], Some(Pole::Front)).await;
        let agent = app.current_user("n1@bench.fr").await;

        // Open incidents registered on Monday at 9:00, spread over the priorities.
        let started = Instant::now();
        let per_worker = tickets.div_ceil(concurrency);
        let mut workers = Vec::new();
        for worker in 0..concurrency {
            let (pool, agent) = (app.pool.clone(), agent.clone());
            workers.push(tokio::spawn(async move {
                let mut conn = pool.get().await.unwrap();
                for n in 0..per_worker {
                    let input = NewTicket {
                        kind: Some(Kind::Incident),
                        title: format!("Incident {worker}-{n}"),
                        description: "Mesure du planificateur.".into(),
                        priority: Some(Priority::ALL[n % 4]),
                        requester: Some(requester),
                        pole: Some(Pole::Front),
                        ..NewTicket::default()
                    };
                    register(&mut conn, Actor::Person(&agent), input, monday("09:00")).await.unwrap();
                }
            }));
        }
        for worker in workers {
            worker.await.unwrap();
        }
        let registered = per_worker * concurrency;
        let registering = started.elapsed();
        let mut conn = app.pool.get().await.unwrap();

        // Nothing due yet (9:01): what each minute's run costs.
        let mut idle = Vec::new();
        for _ in 0..20 {
            let started = Instant::now();
            let report = app::sla::clocks::run_escalations(&mut conn, monday("09:01")).await.unwrap();
            assert_eq!(report.fired, 0);
            idle.push(started.elapsed());
        }
        // The scheduler was down until 9:45: every ticket's first time-to-own threshold has fallen due.
        let started = Instant::now();
        let catch_up = app::sla::clocks::run_escalations(&mut conn, monday("09:45")).await.unwrap();
        let catching_up = started.elapsed();
        // And the next minute, with those done.
        let started = Instant::now();
        let after = app::sla::clocks::run_escalations(&mut conn, monday("09:46")).await.unwrap();
        let after_catch_up = started.elapsed();

        let mut watches = Vec::new();
        for minutes in 0..5 {
            let started = Instant::now();
            app::backlog::service::watch(&mut conn, monday("10:00") + Span::minutes(minutes)).await.unwrap();
            watches.push(started.elapsed());
        }

        println!("open tickets: {registered} (registered in {:.1} s)", registering.as_secs_f64());
        println!("scheduler run, nothing due: median {:.2} ms over 20 runs", median(idle).as_secs_f64() * 1e3);
        println!(
            "scheduler catch-up after downtime: {} thresholds fired ({} late) over {} clocks in {:.2} s, {:.2} ms per escalation",
            catch_up.fired,
            catch_up.late,
            catch_up.examined,
            catching_up.as_secs_f64(),
            catching_up.as_secs_f64() * 1e3 / catch_up.fired.max(1) as f64,
        );
        println!(
            "scheduler run right after: {} fired, {:.2} ms",
            after.fired,
            after_catch_up.as_secs_f64() * 1e3
        );
        println!("backlog watch of every pole: median {:.1} ms over 5 runs", median(watches).as_secs_f64() * 1e3);
    });
}

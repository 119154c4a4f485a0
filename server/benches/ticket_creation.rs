//! Throughput of ticket registration through the JSON API, under a bounded load on loopback.
//!
//! `cargo xtask db start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') cargo bench -p server --bench ticket_creation`
//! Options (environment): BENCH_REQUESTS (default 2000), BENCH_CONCURRENCY (default 16).
//! It reports requests per second and latency percentiles; it asserts nothing.

#[path = "../tests/common/mod.rs"]
mod common;

use app::domain::people::{Pole, Role};
use common::TestApp;
use std::time::{Duration, Instant};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let requests = env_number("BENCH_REQUESTS", 2000);
        let concurrency = env_number("BENCH_CONCURRENCY", 16).max(1);
        let app = TestApp::spawn().await;
        app.user("appelant@bench.fr", &[], None).await;
        app.user("n1@bench.fr", &[Role::Agent], Some(Pole::Front)).await;
        let mut clients = Vec::new();
        for _ in 0..concurrency {
            clients.push(app.signed_in("n1@bench.fr").await);
        }
        let started = Instant::now();
        let per_client = requests.div_ceil(concurrency);
        let mut tasks = Vec::new();
        for (worker, client) in clients.into_iter().enumerate() {
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(per_client);
                for n in 0..per_client {
                    let body = serde_json::json!({
                        "type": "INCIDENT", "title": format!("Appel {worker}-{n}"),
                        "description": "Mesure de débit.", "channel": "TELEPHONE", "requester": "appelant@bench.fr"
                    });
                    let sent = Instant::now();
                    let response = client.http.post(format!("{}/api/v1/tickets", client.base_url)).json(&body).send().await.unwrap();
                    assert_eq!(response.status(), 201, "registration failed during the benchmark");
                    latencies.push(sent.elapsed());
                }
                latencies
            }));
        }
        let mut latencies = Vec::new();
        for task in tasks {
            latencies.extend(task.await.unwrap());
        }
        let elapsed = started.elapsed();
        latencies.sort();
        println!(
            "ticket registration: {} requests, concurrency {concurrency}, {:.1} s, {:.0} tickets/s; latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            latencies.len(),
            elapsed.as_secs_f64(),
            latencies.len() as f64 / elapsed.as_secs_f64(),
            percentile(&latencies, 0.50).as_secs_f64() * 1e3,
            percentile(&latencies, 0.90).as_secs_f64() * 1e3,
            percentile(&latencies, 0.99).as_secs_f64() * 1e3,
            latencies.last().unwrap().as_secs_f64() * 1e3,
        );
    });
}

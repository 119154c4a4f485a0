//! Attachments at the size phones send them: one 10 MiB photo uploaded then downloaded, then 20 of them
//! uploaded at once, through the real HTTP server and PostgreSQL. The client streams from and to disk so
//! that the process's memory is the server's: prints throughput (MiB/s) and the peak resident memory each
//! scenario added (VmHWM, reset between scenarios), and asserts every byte came back, never the time.
//!
//! `cargo xtask db start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') cargo bench -p server --bench attachments`

#[path = "../tests/common/mod.rs"]
mod common;

use common::{Client, TestApp};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use std::time::Instant;

const MIB: usize = 1024 * 1024;
const FILE_BYTES: usize = 10 * MIB - 4096;
const CONCURRENT: usize = 20;

/// Kilobytes of a `/proc/self/status` line (`VmRSS`, `VmHWM`).
fn status_kib(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|line| line.starts_with(key))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|value| value.parse().ok())
        .unwrap_or(0)
}

/// Resets the peak resident set size, so the next reading is this scenario's own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// A file of `size` incompressible bytes (seeded), as a photo is, with its SHA-256.
fn write_file(path: &std::path::Path, size: usize, seed: u64) -> String {
    let mut state = seed;
    let mut bytes = Vec::with_capacity(size);
    while bytes.len() < size {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes.truncate(size);
    std::fs::write(path, &bytes).unwrap();
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

async fn upload(client: &Client, reference: &str, path: &std::path::Path) -> serde_json::Value {
    let file = tokio::fs::File::open(path).await.unwrap();
    let length = file.metadata().await.unwrap().len();
    let body = reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024));
    let part = reqwest::multipart::Part::stream_with_length(body, length).file_name("photo.bin");
    let form = reqwest::multipart::Form::new().part("file", part);
    let url = format!("{}/api/v1/tickets/{reference}/attachments", client.base_url);
    let response = client.http.post(url).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

/// Downloads chunk by chunk, hashing as it goes: answers the size and the hash.
async fn download(client: &Client, id: &serde_json::Value) -> (usize, String) {
    let response = client.get(&format!("/api/v1/attachments/{id}")).await;
    assert_eq!(response.status(), 200);
    let mut stream = response.bytes_stream();
    let mut hasher = Sha256::new();
    let mut size = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.unwrap();
        size += chunk.len();
        hasher.update(&chunk);
    }
    (size, hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn mib_per_second(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / MIB as f64 / seconds
}

#[tokio::main]
async fn main() {
    let limits = app::domain::attachment::Limits { per_file: 10 * MIB as u64, per_ticket: 400 * MIB as u64 };
    let app = TestApp::spawn_with_attachment_limits(limits).await;
    app.user("agent@t.fr", &[app::domain::people::Role::Agent], Some(app::domain::people::Pole::Front)).await;
    let client = app.signed_in("agent@t.fr").await;
    let body = serde_json::json!({"type": "INCIDENT", "title": "Tablette cassée", "description": "Écran fissuré."});
    let (_, ticket) = client.post_json("/api/v1/tickets", body).await;
    let reference = ticket["summary"]["reference"].as_str().unwrap().to_owned();
    let folder = std::env::temp_dir().join(format!("immo9-bench-pj-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let paths: Vec<_> = (0..=CONCURRENT).map(|n| folder.join(format!("photo-{n}.bin"))).collect();
    let hashes: Vec<String> =
        paths.iter().enumerate().map(|(n, path)| write_file(path, FILE_BYTES, 0x9E37 + n as u64)).collect();
    println!("baseline: RSS {} KiB", status_kib("VmRSS"));

    reset_peak();
    let before = status_kib("VmRSS");
    let started = Instant::now();
    let sent = upload(&client, &reference, &paths[0]).await;
    let upload_seconds = started.elapsed().as_secs_f64();
    assert_eq!(sent["sha256"].as_str(), Some(hashes[0].as_str()));
    let upload_peak = status_kib("VmHWM").saturating_sub(before);
    reset_peak();
    let before = status_kib("VmRSS");
    let started = Instant::now();
    let (size, hash) = download(&client, &sent["id"]).await;
    let download_seconds = started.elapsed().as_secs_f64();
    assert_eq!((size, hash.as_str()), (FILE_BYTES, hashes[0].as_str()), "every byte comes back");
    let download_peak = status_kib("VmHWM").saturating_sub(before);
    println!(
        "one 10 MiB file: upload {:.0} ms ({:.1} MiB/s, peak +{} KiB), download {:.0} ms ({:.1} MiB/s, peak +{} KiB)",
        upload_seconds * 1000.0,
        mib_per_second(FILE_BYTES, upload_seconds),
        upload_peak,
        download_seconds * 1000.0,
        mib_per_second(FILE_BYTES, download_seconds),
        download_peak,
    );

    reset_peak();
    let before = status_kib("VmRSS");
    let started = Instant::now();
    let uploads = paths[1..].iter().map(|path| upload(&client, &reference, path));
    let answers = futures_util::future::join_all(uploads).await;
    let seconds = started.elapsed().as_secs_f64();
    for (answer, hash) in answers.iter().zip(&hashes[1..]) {
        assert_eq!(answer["sha256"].as_str(), Some(hash.as_str()));
    }
    let peak = status_kib("VmHWM").saturating_sub(before);
    println!(
        "{CONCURRENT} concurrent 10 MiB uploads: {:.0} ms ({:.1} MiB/s in all, peak +{} KiB, {:.0} KiB per upload)",
        seconds * 1000.0,
        mib_per_second(FILE_BYTES * CONCURRENT, seconds),
        peak,
        peak as f64 / CONCURRENT as f64,
    );

    reset_peak();
    let before = status_kib("VmRSS");
    let started = Instant::now();
    let downloads = answers.iter().map(|answer| download(&client, &answer["id"]));
    let results = futures_util::future::join_all(downloads).await;
    let seconds = started.elapsed().as_secs_f64();
    assert!(results.iter().zip(&hashes[1..]).all(|((size, hash), expected)| *size == FILE_BYTES && hash == expected));
    println!(
        "{CONCURRENT} concurrent 10 MiB downloads: {:.0} ms ({:.1} MiB/s in all, peak +{} KiB)",
        seconds * 1000.0,
        mib_per_second(FILE_BYTES * CONCURRENT, seconds),
        status_kib("VmHWM").saturating_sub(before),
    );
    let stored = app.count("SELECT COALESCE(SUM(size), 0)::bigint AS count FROM attachment_blobs").await;
    println!(
        "stored: {} MiB in {} chunks",
        stored / MIB as i64,
        app.count("SELECT count(*) FROM attachment_chunks").await
    );
    let _ = std::fs::remove_dir_all(&folder);
}

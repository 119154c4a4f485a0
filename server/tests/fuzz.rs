//! Hostile input against every JSON endpoint (read from the OpenAPI document the server publishes) and every
//! server function (read from the registry Leptos builds): wrong types, sizes, NUL and control characters,
//! huge numbers, broken JSON and forms, hostile path segments and query strings, sent by nobody, by an
//! employee and by an administrator. Not one answer may be a 5xx, and the server must still answer after.
//!
//! The inputs come from a fixed seed, so a failure replays. The run prints its figures (requests, answers by
//! status); `cargo test -p server --test fuzz -- --nocapture` shows them.

mod common;

use common::{Client, TestApp};
use futures_util::StreamExt;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// SplitMix64: small, fixed, good enough to pick among hostile values.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// Values no form would send. No small positive integer: those are real ids, and a fuzzer that happened to
/// send a well-formed change would change the accounts it signs in with.
fn hostile_values() -> Vec<Value> {
    let mut nested = json!("fond");
    for _ in 0..300 {
        nested = json!([nested]);
    }
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(4_611_686_018_427_387_904_u64),
        json!(1e308),
        json!(-0.5),
        json!(""),
        json!(" "),
        json!("\u{0}"),
        json!("avant\u{0}après"),
        json!("\u{1}\u{7}\u{1b}[31m\u{7f}\u{9b}"),
        json!("\r\n\tSet-Cookie: x=1"),
        json!("\u{202e}txt.exe\u{feff}\u{200b}"),
        json!("𝕴𝖒𝖒𝖔9 🏢 Bègles"),
        json!("'; DROP TABLE tickets; --"),
        json!("<script>alert(1)</script>"),
        json!("../../../../etc/passwd"),
        json!("%00%0d%0a"),
        json!("9999-99-99"),
        json!("2026-02-30T25:61:00+99:00"),
        json!("P0"),
        json!("INC-2026-999999999999"),
        json!("a".repeat(70_000)),
        json!([]),
        json!([null, "\u{0}", -1]),
        json!({}),
        json!({ "$ne": null, "__proto__": { "admin": true } }),
        nested,
    ]
}

/// Names arguments and fields commonly have: a random object built from them reaches past "unknown field".
const FIELD_NAMES: &[&str] = &[
    "id",
    "reference",
    "code",
    "page",
    "per_page",
    "site",
    "draft",
    "form",
    "ticket",
    "entry",
    "account",
    "policy",
    "filter",
    "query",
    "q",
    "version",
    "minutes",
    "body",
    "login",
    "password",
    "next",
    "kind",
    "type",
    "title",
    "description",
    "priority",
    "pole",
    "status",
    "reason",
    "answers",
    "from",
    "to",
    "month",
    "mois",
    "format",
    "tableau",
    "note",
    "rating",
    "active",
    "roles",
    "target",
    "action",
];

/// Path segments for `{reference}`, `{id}`, `{code}`.
fn hostile_segments(real_reference: &str) -> Vec<String> {
    vec![
        real_reference.to_owned(),
        "x".into(),
        "0".into(),
        "-1".into(),
        "99999999999999999999999".into(),
        "1.5".into(),
        "INC-2026-0000000000001".into(),
        "CHG-9999-000001".into(),
        "%00".into(),
        "%0d%0aSet-Cookie:x".into(),
        "..%2F..%2Fetc".into(),
        "%F0%9F%8F%A2".into(),
        "%27%3B--".into(),
        "a".repeat(3000),
        "RESEAU_VPN".into(),
    ]
}

/// Query strings for an operation's parameters.
fn hostile_queries(names: &[String], draw: &mut Draw) -> Vec<String> {
    let raw = [
        "",
        "%00",
        "-1",
        "0",
        "4611686018427387904",
        "99999999999999999999999",
        "abc",
        "1e9",
        "2026-13-45",
        "P9",
        "%0d%0a",
        "%F0%9F",
        "%ZZ",
        "a%00b",
    ];
    let mut queries = vec![String::new(), "&&&".into(), "=".into(), "%".into()];
    for name in names {
        for value in raw {
            queries.push(format!("{name}={value}"));
        }
        queries.push(format!("{name}=1&{name}=2"));
        queries.push(format!("{name}={}", "9".repeat(500)));
    }
    for _ in 0..8 {
        let pairs: Vec<String> = names.iter().map(|name| format!("{name}={}", draw.pick(&raw))).collect();
        queries.push(pairs.join("&"));
    }
    queries
}

/// JSON bodies for a schema's `properties` (resolved through `$ref`): each property alone with each hostile
/// value, random mixes, and what is not an object at all.
fn hostile_bodies(properties: &[String], draw: &mut Draw, values: &[Value]) -> Vec<Body> {
    let mut bodies: Vec<Body> = [
        "",
        "{",
        "}",
        "null",
        "[]",
        "\"texte\"",
        "12",
        "{\"a\":}",
        "{\"a\":1,\"a\":2}",
        "\u{0}",
        "{\"\\u0000\":1}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ]
    .iter()
    .map(|text| Body::Json(text.as_bytes().to_vec()))
    .collect();
    bodies.push(Body::Json(vec![b'{'; 64 * 1024]));
    bodies.push(Body::Form(b"a=%00&b=%ZZ&&=".to_vec()));
    bodies.push(Body::Bytes(vec![0, 159, 146, 150, 255, 0, 1]));
    let names: Vec<String> = if properties.is_empty() {
        FIELD_NAMES.iter().map(|name| name.to_string()).collect()
    } else {
        properties.to_vec()
    };
    // Every hostile value once under some field, every field once with some hostile value.
    for value in values {
        let name = draw.pick(&names).clone();
        bodies.push(Body::Json(json!({ name: value.clone() }).to_string().into_bytes()));
    }
    for name in &names {
        let value = draw.pick(values).clone();
        bodies.push(Body::Json(json!({ name.clone(): value }).to_string().into_bytes()));
    }
    for _ in 0..12 {
        let mut object = Map::new();
        for name in &names {
            if draw.next().is_multiple_of(2) {
                object.insert(name.clone(), draw.pick(values).clone());
            }
        }
        bodies.push(Body::Json(Value::Object(object).to_string().into_bytes()));
    }
    bodies
}

#[derive(Clone)]
enum Body {
    Json(Vec<u8>),
    Form(Vec<u8>),
    Bytes(Vec<u8>),
}

impl Probe {
    /// The body's first characters, to replay a failure.
    fn describe_body(&self) -> String {
        let (kind, bytes) = match &self.body {
            None => return "no body".into(),
            Some(Body::Json(bytes)) => ("JSON", bytes),
            Some(Body::Form(bytes)) => ("form", bytes),
            Some(Body::Bytes(bytes)) => ("bytes", bytes),
        };
        format!("{kind} {:?}", String::from_utf8_lossy(&bytes[..bytes.len().min(160)]))
    }
}

#[derive(Clone)]
struct Probe {
    method: reqwest::Method,
    path: String,
    body: Option<Body>,
}

/// The properties a request body's schema names, `$ref` followed once.
fn schema_properties(document: &Value, operation: &Value) -> Vec<String> {
    let schema = &operation["requestBody"]["content"]["application/json"]["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap_or_default();
            &document["components"]["schemas"][name]
        }
        None => schema,
    };
    schema["properties"].as_object().map(|properties| properties.keys().cloned().collect()).unwrap_or_default()
}

/// Every probe of the JSON API, from the OpenAPI document.
fn api_probes(document: &Value, reference: &str, draw: &mut Draw) -> Vec<Probe> {
    let values = hostile_values();
    let mut probes = Vec::new();
    for (template, operations) in document["paths"].as_object().expect("paths") {
        // The live stream never ends by design; its hostile input is its query, probed by the others' rules.
        if template.ends_with("/live") {
            continue;
        }
        for (method, operation) in operations.as_object().expect("operations") {
            let method: reqwest::Method = method.to_uppercase().parse().expect("a method");
            let paths: Vec<String> = if template.contains('{') {
                hostile_segments(reference)
                    .into_iter()
                    .map(|segment| {
                        let start = template.find('{').unwrap();
                        let end = template.find('}').unwrap();
                        format!("{}{segment}{}", &template[..start], &template[end + 1..])
                    })
                    .collect()
            } else {
                vec![template.clone()]
            };
            let parameters: Vec<String> = operation["parameters"]
                .as_array()
                .map(|parameters| {
                    parameters
                        .iter()
                        .filter(|parameter| parameter["in"] == "query")
                        .filter_map(|parameter| parameter["name"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            let has_body = operation.get("requestBody").is_some();
            // Hostile segments with an empty body; the whole set of bodies on the real path.
            for path in &paths {
                let body = has_body.then(|| Body::Json(b"{}".to_vec()));
                probes.push(Probe { method: method.clone(), path: path.clone(), body });
            }
            if has_body {
                for body in hostile_bodies(&schema_properties(document, operation), draw, &values) {
                    probes.push(Probe { method: method.clone(), path: paths[0].clone(), body: Some(body) });
                }
            }
            for query in hostile_queries(&parameters, draw) {
                probes.push(Probe { method: method.clone(), path: format!("{}?{query}", paths[0]), body: None });
            }
        }
    }
    probes
}

/// Every probe of the server functions, from Leptos's registry.
fn server_fn_probes(draw: &mut Draw) -> Vec<Probe> {
    let values = hostile_values();
    let mut probes = Vec::new();
    let mut paths: Vec<(String, reqwest::Method)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method.as_str().parse().expect("a method")))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(paths.len() > 60, "the registry lists the server functions: {}", paths.len());
    for (path, method) in paths {
        for body in hostile_bodies(&[], draw, &values) {
            probes.push(Probe { method: method.clone(), path: path.clone(), body: Some(body) });
        }
        for query in ["?a=%00", "?reference=%00", "?id=99999999999999999999"] {
            probes.push(Probe { method: method.clone(), path: format!("{path}{query}"), body: None });
        }
    }
    probes
}

async fn send(client: &Client, probe: &Probe) -> (u16, String) {
    let url = format!("{}{}", client.base_url, probe.path);
    let mut request = client.http.request(probe.method.clone(), url).header("Accept", "application/json");
    request = match &probe.body {
        None => request,
        Some(Body::Json(bytes)) => request.header("Content-Type", "application/json").body(bytes.clone()),
        Some(Body::Form(bytes)) => {
            request.header("Content-Type", "application/x-www-form-urlencoded").body(bytes.clone())
        }
        Some(Body::Bytes(bytes)) => request.header("Content-Type", "application/octet-stream").body(bytes.clone()),
    };
    match request.send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            let text = response.text().await.unwrap_or_default();
            (status, if status >= 500 { text.chars().take(300).collect() } else { String::new() })
        }
        Err(error) => panic!("{} {}: no answer ({error})", probe.method, probe.path),
    }
}

/// Signs out or ends the caller's own sessions (or someone's): probed anonymously only, so the others stay
/// signed in.
fn ends_the_session(probe: &Probe) -> bool {
    let path = probe.path.split('?').next().unwrap_or_default();
    let deleting = probe.method == reqwest::Method::DELETE;
    let ends_sessions =
        (path == "/api/v1/session" || path.starts_with("/api/v1/sessions") || path.ends_with("/sessions")) && deleting;
    ends_sessions
        || ["/api/deconnexion", "/api/mes_sessions_fermer", "/api/comptes_fin_sessions"]
            .iter()
            .any(|server_fn| path.starts_with(server_fn))
}

#[tokio::test]
async fn no_hostile_input_to_any_endpoint_or_server_function_gets_a_5xx() {
    let app = TestApp::spawn_with_pool(16).await;
    app.user("camille@t.fr", &[], None).await;
    app.user("n1@t.fr", &[app::domain::people::Role::Agent], Some(app::domain::people::Pole::Front)).await;
    app.user("admin@t.fr", &[app::domain::people::Role::Admin], None).await;
    let callers = [
        ("anonyme", app.client()),
        ("employé", app.signed_in("camille@t.fr").await),
        ("agent", app.signed_in("n1@t.fr").await),
        ("administrateur", app.signed_in("admin@t.fr").await),
    ];
    let (status, ticket) = callers[1]
        .1
        .post_json("/api/v1/tickets", json!({ "type": "INCIDENT", "title": "Écran", "description": "Noir." }))
        .await;
    assert_eq!(status, 201, "{ticket}");
    let reference = ticket["summary"]["reference"].as_str().unwrap().to_owned();
    let (_, document) = callers[0].1.get_json("/api/v1/openapi.json").await;

    let mut draw = Draw(0x1309_2026);
    let mut probes = api_probes(&document, &reference, &mut draw);
    let api_count = probes.len();
    probes.extend(server_fn_probes(&mut draw));
    let mut by_status: BTreeMap<u16, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut sent = 0;
    for (name, client) in &callers {
        let work: Vec<&Probe> = probes.iter().filter(|probe| *name == "anonyme" || !ends_the_session(probe)).collect();
        let statuses: Vec<((u16, String), &Probe)> = futures_util::stream::iter(work)
            .map(|probe| async move { (send(client, probe).await, probe) })
            .buffer_unordered(8)
            .collect()
            .await;
        let mut mine: BTreeMap<u16, usize> = BTreeMap::new();
        for ((status, answer), probe) in statuses {
            sent += 1;
            *by_status.entry(status).or_default() += 1;
            *mine.entry(status).or_default() += 1;
            // A directory an administrator pointed at a server that does not answer is the one 5xx that is
            // meant: 503, the French message, a retry later. Nothing the caller sent can cause another.
            let directory_down = status == 503 && answer.contains("directory_unavailable");
            if status >= 500 && !directory_down {
                failures.push(format!(
                    "{name}: {status} {} {} with {} → {answer}",
                    probe.method,
                    probe.path.chars().take(120).collect::<String>(),
                    probe.describe_body()
                ));
            }
        }
        eprintln!("fuzz, {name}: {mine:?}");
        if *name != "anonyme" {
            let (session, _) = client.get_json("/api/v1/session").await;
            assert_eq!(session, 200, "{name} is still signed in: the probes reached past the session check");
        }
        let (status, _) = client.get_json("/healthz").await;
        assert_eq!(status, 200, "the server still answers after {name}'s probes");
    }
    eprintln!(
        "fuzz: {sent} requests ({api_count} JSON API and {} server-function probes per caller, 4 callers); by status: {by_status:?}",
        probes.len() - api_count
    );
    assert!(failures.is_empty(), "{} answers were 5xx:\n{}", failures.len(), failures.join("\n"));
    assert!(sent > 10_000, "the fuzz covers what it claims: {sent}");
}

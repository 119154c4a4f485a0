//! Attachments through the JSON API: who sees a ticket's files (the requester, a colleague, a site
//! delegate, the desk; internal ones), the limits answered 413 in French, the type read from the bytes and
//! how each type is served, one copy per content, a photo's location removed and its preview made, an
//! interrupted upload leaving nothing, and an article's screenshots.

mod common;

use app::domain::attachment::{Limits, orientation};
use app::domain::people::{Pole, Role};
use common::{Client, TestApp, error_code};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::time::Duration;

const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
    0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// Where the test photo says it was taken: it must not survive the upload.
const LOCATION: &[u8] = b"44.837789N-0.579180W";

/// A photo as a phone takes it: a real JPEG, with an EXIF block holding its orientation (6: turned a
/// quarter) and a GPS directory.
fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 90]));
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    // TIFF, little-endian: IFD0 with Orientation and the GPS directory's offset; the GPS directory with
    // one ASCII latitude.
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8_u32.to_le_bytes());
    tiff.extend(2_u16.to_le_bytes());
    tiff.extend([0x12, 0x01, 3, 0]);
    tiff.extend(1_u32.to_le_bytes());
    tiff.extend([6, 0, 0, 0]);
    let gps_offset = 8 + 2 + 2 * 12 + 4;
    tiff.extend([0x25, 0x88, 4, 0]);
    tiff.extend(1_u32.to_le_bytes());
    tiff.extend((gps_offset as u32).to_le_bytes());
    tiff.extend(0_u32.to_le_bytes());
    let text_offset = gps_offset + 2 + 12 + 4;
    tiff.extend(1_u16.to_le_bytes());
    tiff.extend([0x02, 0x00, 2, 0]);
    tiff.extend((LOCATION.len() as u32).to_le_bytes());
    tiff.extend((text_offset as u32).to_le_bytes());
    tiff.extend(0_u32.to_le_bytes());
    tiff.extend(LOCATION);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff);
    let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE1];
    photo.extend(((payload.len() + 2) as u16).to_be_bytes());
    photo.extend(payload);
    photo.extend(&jpeg[2..]);
    photo
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// Sends `files` (name, bytes) to `path` as a browser's form does: the status and the decoded answer.
async fn upload_many(client: &Client, path: &str, files: &[(&str, Vec<u8>)], internal: bool) -> (u16, Value) {
    let mut form = reqwest::multipart::Form::new();
    for (name, bytes) in files {
        let part = reqwest::multipart::Part::bytes(bytes.clone())
            .file_name((*name).to_owned())
            // What the browser claims is never believed: the type comes from the bytes.
            .mime_str("image/jpeg")
            .unwrap();
        form = form.part("file", part);
    }
    if internal {
        form = form.text("internal", "true");
    }
    let response = client.http.post(format!("{}{path}", client.base_url)).multipart(form).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn upload(client: &Client, reference: &str, name: &str, bytes: Vec<u8>, internal: bool) -> (u16, Value) {
    upload_many(client, &format!("/api/v1/tickets/{reference}/attachments"), &[(name, bytes)], internal).await
}

async fn incident(client: &Client) -> String {
    let body = json!({"type": "INCIDENT", "title": "Écran noir", "description": "Le poste ne démarre plus."});
    let (status, ticket) = client.post_json("/api/v1/tickets", body).await;
    assert_eq!(status, 201, "{ticket}");
    ticket["summary"]["reference"].as_str().unwrap().to_owned()
}

async fn download(client: &Client, id: &Value, variant: &str) -> reqwest::Response {
    client.get(&format!("/api/v1/attachments/{id}{variant}")).await
}

struct Scene {
    app: TestApp,
    requester: Client,
    colleague: Client,
    delegate: Client,
    desk: Client,
}

async fn scene_with(limits: Limits) -> Scene {
    let app = TestApp::spawn_with_attachment_limits(limits).await;
    app.user("camille@t.fr", &[], None).await;
    app.user("collegue@t.fr", &[], None).await;
    app.user("delegue@t.fr", &[Role::SiteDelegate], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    Scene {
        requester: app.signed_in("camille@t.fr").await,
        colleague: app.signed_in("collegue@t.fr").await,
        delegate: app.signed_in("delegue@t.fr").await,
        desk: app.signed_in("n1@t.fr").await,
        app,
    }
}

async fn scene() -> Scene {
    scene_with(app::domain::attachment::DEFAULT_LIMITS).await
}

#[tokio::test]
async fn a_file_is_seen_by_who_sees_the_ticket_and_an_internal_one_by_the_desk_alone() {
    let Scene { app, requester, colleague, delegate, desk } = scene().await;
    let reference = incident(&requester).await;

    let (status, sent) = upload(&requester, &reference, "erreur.png", PNG_1X1.to_vec(), false).await;
    assert_eq!(status, 201, "{sent}");
    for key in ["id", "name", "size", "content_type", "sha256"] {
        assert!(sent.get(key).is_some(), "{key} in {sent}");
    }
    assert_eq!((sent["name"].as_str(), sent["size"].as_i64()), (Some("erreur.png"), Some(PNG_1X1.len() as i64)));
    assert_eq!(sent["content_type"], "image/png");
    let expected_hash: String = Sha256::digest(PNG_1X1).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(sent["sha256"].as_str(), Some(expected_hash.as_str()));

    let (status, note) = upload(&desk, &reference, "journal.txt", b"erreur 0x80070005 a 08:12\n".to_vec(), true).await;
    assert_eq!(status, 201, "{note}");
    let (status, refused) = upload(&requester, &reference, "moi.txt", b"interne ?".to_vec(), true).await;
    assert_eq!((status, error_code(&refused)), (403, "forbidden"), "only the desk adds internal files");

    let cases: [(&str, &Client, u16, u16); 4] = [
        ("requester", &requester, 200, 404),
        ("colleague", &colleague, 404, 404),
        ("site delegate", &delegate, 200, 404),
        ("desk", &desk, 200, 200),
    ];
    for (who, client, public, internal) in cases {
        assert_eq!(download(client, &sent["id"], "").await.status(), public, "{who}: the public file");
        assert_eq!(download(client, &note["id"], "").await.status(), internal, "{who}: the internal file");
    }
    // A file that does not exist answers as one the person may not see.
    assert_eq!(download(&requester, &json!(999_999), "").await.status(), 404);
    assert_eq!(Client::of(&app.base_url).get(&format!("/api/v1/attachments/{}", sent["id"])).await.status(), 401);

    // The ticket lists its files, the internal one for the desk only; its history says each was added.
    let listed = |client: &Client| {
        let reference = reference.clone();
        let client = Client { http: client.http.clone(), base_url: client.base_url.clone() };
        async move { client.ticket(&reference).await.attachments.iter().map(|a| a.name.clone()).collect::<Vec<_>>() }
    };
    assert_eq!(listed(&requester).await, ["erreur.png"]);
    assert_eq!(listed(&desk).await, ["erreur.png", "journal.txt"]);
    let (_, history) = requester.get_json(&format!("/api/v1/tickets/{reference}/history")).await;
    let joined = |history: &Value| history.as_array().unwrap().iter().filter(|e| e["action"] == "JOINDRE").count();
    assert_eq!(joined(&history), 1, "the requester does not read the internal file's line");
    let (_, history) = desk.get_json(&format!("/api/v1/tickets/{reference}/history")).await;
    assert_eq!(joined(&history), 2);
    // The colleague learns nothing by adding to a ticket not theirs either.
    let (status, _) = upload(&colleague, &reference, "x.txt", b"x".to_vec(), false).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn files_beyond_the_limits_are_refused_413_in_french_and_nothing_is_stored() {
    let limits = Limits { per_file: 1024 * 1024, per_ticket: 2 * 1024 * 1024 };
    let Scene { app, requester, .. } = scene_with(limits).await;
    let reference = incident(&requester).await;

    let (status, body) = upload(&requester, &reference, "gros.bin", vec![7; 1024 * 1024 + 1], false).await;
    assert_eq!((status, error_code(&body)), (413, "file_too_large"), "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("1 Mo"), "{body}");

    for n in 0..2 {
        let (status, body) = upload(&requester, &reference, "part.bin", vec![n; 900 * 1024], false).await;
        assert_eq!(status, 201, "{body}");
    }
    // Two files in one request, the second over the ticket's limit: neither is kept.
    let files = [("a.bin", vec![3; 100 * 1024]), ("b.bin", vec![4; 200 * 1024])];
    let (status, body) =
        upload_many(&requester, &format!("/api/v1/tickets/{reference}/attachments"), &files, false).await;
    assert_eq!((status, error_code(&body)), (413, "attachments_full"), "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("2 Mo au total"), "{body}");
    assert_eq!(app.count("SELECT count(*) FROM attachments").await, 2);
    assert_eq!(app.count("SELECT count(*) FROM attachment_blobs").await, 2);

    // A request that announces more than any upload may carry is refused before it is read.
    let response = requester
        .http
        .post(format!("{}/api/v1/tickets/{reference}/attachments", requester.base_url))
        .header("Content-Type", "multipart/form-data; boundary=x")
        .header("Content-Length", (50 * 1024 * 1024).to_string())
        .body(vec![b'x'; 10])
        .send()
        .await;
    // The server answers before the body arrives; the client may see the answer or the closed connection.
    if let Ok(response) = response {
        assert_eq!(response.status(), 413);
    }
}

#[tokio::test]
async fn the_type_comes_from_the_bytes_and_nothing_a_file_holds_runs_in_the_browser() {
    let Scene { app: _app, requester, desk, .. } = scene().await;
    let reference = incident(&requester).await;
    let html = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".to_vec();
    let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".to_vec();
    let cases: [(&str, Vec<u8>, &str, &str, &str); 5] = [
        ("photo.jpg", html, "text/html", "application/octet-stream", "attachment"),
        ("logo.svg", svg, "image/svg+xml", "application/octet-stream", "attachment"),
        ("rapport.pdf", PNG_1X1.to_vec(), "image/png", "image/png", "inline"),
        (
            "facture.pdf",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n".to_vec(),
            "application/pdf",
            "application/pdf",
            "attachment",
        ),
        (
            "notes.txt",
            "Imprimante du 2e étage : erreur E-302".as_bytes().to_vec(),
            "text/plain",
            "text/plain; charset=utf-8",
            "attachment",
        ),
    ];
    for (name, bytes, sniffed, served, disposition) in cases {
        let (status, sent) = upload(&requester, &reference, name, bytes.clone(), false).await;
        assert_eq!(status, 201, "{name}: {sent}");
        assert_eq!(sent["content_type"], sniffed, "{name}");
        let response = download(&desk, &sent["id"], "").await;
        assert_eq!(response.status(), 200);
        let header =
            |key: &str| response.headers().get(key).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        assert_eq!(header("content-type"), served, "{name}");
        assert!(header("content-disposition").starts_with(disposition), "{name}: {}", header("content-disposition"));
        assert!(header("content-disposition").contains(name), "{name}: {}", header("content-disposition"));
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert!(header("content-security-policy").contains("sandbox"), "{name}");
        let etag = header("etag");
        assert_eq!(response.bytes().await.unwrap().as_ref(), bytes.as_slice(), "{name}: served as stored");
        let again = desk
            .http
            .get(format!("{}/api/v1/attachments/{}", desk.base_url, sent["id"]))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{name}: unchanged since");
    }
    // Names are cleaned: no path, no control characters, no bidi trick.
    let (_, sent) =
        upload(&requester, &reference, "..\\..\\C:\\fakepath\\facture\u{202E}fdp.exe", b"MZ\x90\x00".to_vec(), false)
            .await;
    assert_eq!(sent["name"], "facturefdp.exe");
    assert_eq!(sent["content_type"], "application/octet-stream");
}

#[tokio::test]
async fn the_same_file_sent_twice_is_stored_once() {
    let Scene { app, requester, desk, .. } = scene().await;
    let first = incident(&requester).await;
    let second = incident(&requester).await;
    let bytes: Vec<u8> = (0..600 * 1024).map(|i| (i % 253) as u8).collect();
    let (_, a) = upload(&requester, &first, "log-a.bin", bytes.clone(), false).await;
    let (_, b) = upload(&desk, &second, "log-b.bin", bytes.clone(), false).await;
    assert_eq!(a["sha256"], b["sha256"]);
    assert_ne!(a["id"], b["id"]);
    assert_eq!(app.count("SELECT count(*) FROM attachments").await, 2);
    assert_eq!(app.count("SELECT count(*) FROM attachment_blobs").await, 1);
    // 600 KiB in chunks of 256 KiB.
    assert_eq!(app.count("SELECT count(*) FROM attachment_chunks").await, 3);
    for id in [&a["id"], &b["id"]] {
        let served = download(&requester, id, "").await;
        assert_eq!(served.status(), 200);
        assert_eq!(served.bytes().await.unwrap().as_ref(), bytes.as_slice(), "each name serves the one copy");
    }
}

#[tokio::test]
async fn an_upload_cut_off_midway_leaves_nothing_behind() {
    use tokio::io::AsyncWriteExt;
    let Scene { app, requester, .. } = scene().await;
    let reference = incident(&requester).await;
    let history_before = app.count("SELECT count(*) FROM ticket_history").await;
    // The session cookie, to write the request by hand.
    let response = requester.http.get(format!("{}/api/v1/session", app.base_url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let signed_in = reqwest::Client::new()
        .post(format!("{}/api/v1/session", app.base_url))
        .json(&json!({"login": "camille@t.fr", "password": common::PASSWORD}))
        .send()
        .await
        .unwrap();
    let cookie = signed_in.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();

    let address = app.base_url.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /api/v1/tickets/{reference}/attachments HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary=coupure\r\nContent-Length: {}\r\n\r\n\
         --coupure\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n\r\n",
        3 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&phone_photo(64, 64)).await.unwrap();
    stream.write_all(&vec![0x55; 1024 * 1024]).await.unwrap();
    stream.flush().await.unwrap();
    drop(stream);

    // The server notices the cut, drops the spooled part, and writes nothing.
    tokio::time::sleep(Duration::from_millis(500)).await;
    for table in ["attachments", "attachment_blobs", "attachment_chunks"] {
        assert_eq!(app.count(&format!("SELECT count(*) FROM {table}")).await, 0, "{table}");
    }
    assert_eq!(app.count("SELECT count(*) FROM ticket_history").await, history_before);
    // And the ticket still takes files.
    let (status, _) = upload(&requester, &reference, "photo.jpg", phone_photo(64, 64), false).await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn a_photo_loses_its_location_keeps_its_orientation_and_gets_a_preview() {
    let Scene { app: _app, requester, desk, .. } = scene().await;
    let reference = incident(&requester).await;
    let photo = phone_photo(2000, 1500);
    assert!(contains(&photo, LOCATION));
    let (status, sent) = upload(&requester, &reference, "IMG_2043.JPG", photo.clone(), false).await;
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["content_type"], "image/jpeg");

    let response = download(&desk, &sent["id"], "").await;
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("inline"));
    let stored = response.bytes().await.unwrap();
    assert!(!contains(&stored, LOCATION), "the GPS directory is gone");
    assert_eq!(orientation(&stored), Some(6), "the orientation stays");
    assert!(contains(&stored, &photo[photo.len() - 4096..]), "the picture itself is untouched");
    let stored_hash: String = Sha256::digest(&stored).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(sent["sha256"].as_str(), Some(stored_hash.as_str()), "the hash is the stored content's");

    // The preview is made off the request path: it appears within moments.
    let mut preview = None;
    for _ in 0..100 {
        let response = download(&desk, &sent["id"], "?variante=apercu").await;
        if response.status() == 200 {
            preview = Some(response.bytes().await.unwrap());
            break;
        }
        assert_eq!(response.status(), 404);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let preview = image::load_from_memory(&preview.expect("a preview within 10 s")).unwrap();
    assert_eq!((preview.width(), preview.height()), (960, 1280), "turned upright, longest side 1,280 px");
    let thumbnail = download(&desk, &sent["id"], "?variante=vignette").await.bytes().await.unwrap();
    let thumbnail = image::load_from_memory(&thumbnail).unwrap();
    assert_eq!((thumbnail.width(), thumbnail.height()), (240, 320));
    assert!(desk.ticket(&reference).await.attachments[0].preview);
    let (status, body) = desk.get_json(&format!("/api/v1/attachments/{}?variante=grand", sent["id"])).await;
    assert_eq!((status, error_code(&body)), (422, "validation"));
}

#[tokio::test]
async fn a_broken_or_empty_upload_is_a_clear_4xx() {
    let Scene { app, requester, .. } = scene().await;
    let reference = incident(&requester).await;
    let path = format!("/api/v1/tickets/{reference}/attachments");
    // Anonymous: 401, whatever the body.
    let response =
        Client::of(&app.base_url).http.post(format!("{}{path}", app.base_url)).body("x").send().await.unwrap();
    assert_eq!(response.status(), 401);
    // Not multipart.
    let (status, body) = requester.post_json(&path, json!({"file": "x"})).await;
    assert_eq!((status, error_code(&body)), (422, "validation"), "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("multipart"));
    // Multipart without a file part, and a file part that is empty.
    let form = reqwest::multipart::Form::new().text("internal", "false");
    let response = requester.http.post(format!("{}{path}", app.base_url)).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let (status, body) = upload(&requester, &reference, "vide.txt", Vec::new(), false).await;
    assert_eq!((status, error_code(&body)), (422, "validation"));
    assert!(body["error"]["message"].as_str().unwrap().contains("vide"));
    // A malformed multipart body.
    let response = requester
        .http
        .post(format!("{}{path}", app.base_url))
        .header("Content-Type", "multipart/form-data; boundary=abc")
        .body("--abc\r\nContent-Disposition: garbage\r\n\r\nno end")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    // A closed ticket takes no more files.
    app.exec(&format!("UPDATE tickets SET status = 'CLOS' WHERE reference = '{reference}'")).await;
    let (status, body) = upload(&requester, &reference, "tard.txt", b"trop tard".to_vec(), false).await;
    assert_eq!((status, error_code(&body)), (409, "conflict"), "{body}");
    assert_eq!(app.count("SELECT count(*) FROM attachments").await, 0);
}

#[tokio::test]
async fn an_article_carries_its_screenshots_under_its_own_visibility() {
    use app::knowledge::{ArticleDraft, Audience};
    let Scene { app, requester, desk, .. } = scene().await;
    let agent = app.current_user("n1@t.fr").await;
    let mut conn = app.pool.get().await.unwrap();
    let draft = |title: &str, audience| ArticleDraft {
        title: title.to_owned(),
        summary: String::new(),
        body_markdown: "Ouvrez le panneau, retirez la feuille.".to_owned(),
        audience,
        domain: None,
        category: None,
        catalog_entries: Vec::new(),
        owner: None,
        review_on: app.clock.now().date_naive() + chrono::TimeDelta::days(90),
        archived: false,
        version: None,
    };
    let now = app.clock.now();
    let public =
        app::knowledge::service::save(&mut conn, &agent, None, draft("Bourrage papier", Audience::Public), now)
            .await
            .unwrap();
    let internal = app::knowledge::service::save(
        &mut conn,
        &agent,
        None,
        draft("Réinitialiser le copieur", Audience::Internal),
        now,
    )
    .await
    .unwrap();
    drop(conn);

    let on = |id| format!("/api/v1/articles/{id}/attachments");
    let (status, shot) = upload_many(&desk, &on(public), &[("panneau.png", PNG_1X1.to_vec())], false).await;
    assert_eq!(status, 201, "{shot}");
    let (status, hidden) = upload_many(&desk, &on(internal), &[("menu.png", PNG_1X1.to_vec())], false).await;
    assert_eq!(status, 201, "{hidden}");
    let (status, _) = upload_many(&requester, &on(public), &[("moi.png", PNG_1X1.to_vec())], false).await;
    assert_eq!(status, 403, "employees read articles, they do not change them");
    let (status, _) = upload_many(&requester, &on(internal), &[("moi.png", PNG_1X1.to_vec())], false).await;
    assert_eq!(status, 404, "an internal article is not found by an employee");

    assert_eq!(download(&requester, &shot["id"], "").await.status(), 200);
    assert_eq!(download(&requester, &hidden["id"], "").await.status(), 404);
    assert_eq!(download(&desk, &hidden["id"], "").await.status(), 200);
    let mut conn = app.pool.get().await.unwrap();
    let employee = app.current_user("camille@t.fr").await;
    let article = app::knowledge::service::article(&mut conn, &employee, public, now).await.unwrap();
    assert_eq!(article.attachments.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["panneau.png"]);
}

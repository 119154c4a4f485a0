//! What every request goes through before a route reads it, and what every response leaves with.
//!
//! - [`guard`]: the client's address (for the sign-in throttle), writes sent by another site's page refused
//!   (403), and a URL carrying a NUL character refused (422: PostgreSQL stores no 0x00 in text).
//! - [`server_fn_body`]: after the session gate of [`super::visitor`], a server function's body is read once,
//!   at most [`MAX_BODY_BYTES`] (413 beyond), and refused with 422 if any of its text holds a NUL.
//! - [`protective_headers`]: `nosniff`, no referrer to other sites, never framed, no cache for anything
//!   personal, and a Content-Security-Policy on what is not a page (pages set their own, with their nonce).
//!
//! Refusals are errors in the format the caller reads: the documented JSON of `/api/v1`, the serialised
//! [`AppError`] a server function's client decodes, or a short French page for a person.

use super::api::ApiError;
use app::auth::ClientAddress;
use app::error::AppError;
use app::i18n::t;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderMap, HeaderValue, Method, Uri, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde_json::Value;
use std::net::{IpAddr, SocketAddr};

/// The largest body a server function or a JSON endpoint reads: a form of text is a few kilobytes; files
/// (imports, attachments) have their own routes and limits.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The client's address, refusal of cross-site writes and of NUL in the URL.
pub async fn guard(mut request: Request, next: Next) -> Response {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(peer)| peer.ip());
    if let Some(address) = peer.map(|peer| client_address(peer, request.headers())) {
        request.extensions_mut().insert(ClientAddress(address));
    }
    let path = request.uri().path().to_owned();
    if is_state_changing(request.method()) && is_cross_site(request.headers()) {
        tracing::warn!(%path, origin = ?request.headers().get(header::ORIGIN), "cross-site write refused");
        return refusal(request.headers(), &path, AppError::CrossSite);
    }
    if let Some(field) = nul_in_uri(request.uri()) {
        return refusal(request.headers(), &path, AppError::validation(field, t().err_nul));
    }
    next.run(request).await
}

/// A server function's body, bounded and free of NUL, for the function to decode.
pub async fn server_fn_body(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if !is_server_fn(&path) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match bounded_body(&parts.headers, body).await {
        Ok(bytes) => bytes,
        Err(error) => return refusal(&parts.headers, &path, error),
    };
    if let Some(field) = nul_in_body(&parts.headers, &bytes) {
        return refusal(&parts.headers, &path, AppError::validation(field, t().err_nul));
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// The body of a request, at most [`MAX_BODY_BYTES`]: a larger declared or sent body is a 413.
pub async fn bounded_body(headers: &HeaderMap, body: Body) -> Result<Bytes, AppError> {
    let too_large = AppError::TooLarge { max_bytes: MAX_BODY_BYTES as u64 };
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES as u64) {
        return Err(too_large);
    }
    axum::body::to_bytes(body, MAX_BODY_BYTES).await.map_err(|_| too_large)
}

/// The protective headers of every response.
pub async fn protective_headers(request: Request, next: Next) -> Response {
    let static_file = is_static_file(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // The camera serves photos of a broken device for attachments; nothing else is ever asked for.
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(self), microphone=(), geolocation=(), payment=(), usb=()"),
    );
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(app::shell::policy::NON_PAGE_POLICY));
    }
    // Pages, the API and exports are someone's own view of the desk: no shared or browser cache keeps them.
    if !static_file && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The address a request comes from: the peer, or, when the peer is a proxy on this machine (the reverse
/// proxy in front of the product), the last address it added to `X-Forwarded-For` (the ones before it
/// were written by the client and prove nothing).
pub fn client_address(peer: IpAddr, headers: &HeaderMap) -> IpAddr {
    if !peer.is_loopback() {
        return peer;
    }
    // Only the very last entry is the proxy's word: an unreadable one is not replaced by an earlier one.
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .next_back()
        .and_then(|address| address.trim().parse::<IpAddr>().ok())
        .unwrap_or(peer)
}

fn is_state_changing(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A write sent by a page of another site: the browser says so (`Sec-Fetch-Site`), or, for a browser too
/// old to say, its `Origin` names another host. A request with neither comes from a script, which holds no
/// one's cookie but its own.
pub fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|origin| origin.parse::<Uri>().ok())
        .and_then(|origin| origin.authority().map(|authority| authority.as_str().to_ascii_lowercase()));
    let Some(origin_host) = origin_host else {
        return true;
    };
    // Behind a proxy the browser's host may be in `X-Forwarded-Host`; a forged form cannot set that header.
    let hosts = [header::HOST.as_str(), "x-forwarded-host"];
    !hosts
        .iter()
        .filter_map(|name| headers.get(*name)?.to_str().ok())
        .any(|host| host.eq_ignore_ascii_case(&origin_host))
}

/// The field of the URL (`path` or a query parameter's name) that holds a NUL once decoded.
pub fn nul_in_uri(uri: &Uri) -> Option<String> {
    let path = percent_decoded(uri.path().as_bytes());
    if path.contains(&0) {
        return Some("path".to_owned());
    }
    uri.query().and_then(|query| nul_in_form(query.as_bytes()))
}

/// The field of a body that holds a NUL: a raw 0x00 anywhere, a NUL in any string or key of a JSON body,
/// in any name or value of a form.
pub fn nul_in_body(headers: &HeaderMap, bytes: &[u8]) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok()).unwrap_or_default();
    if content_type.starts_with("application/json") {
        if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
            return nul_in_json(&value, "body");
        }
    } else if (content_type.starts_with("application/x-www-form-urlencoded") || content_type.is_empty())
        && let Some(field) = nul_in_form(bytes)
    {
        return Some(field);
    }
    bytes.contains(&0).then(|| "body".to_owned())
}

/// The path (`body.items[2].title`) of the first string or key holding a NUL.
pub fn nul_in_json(value: &Value, path: &str) -> Option<String> {
    match value {
        Value::String(text) => text.contains('\0').then(|| path.to_owned()),
        Value::Array(items) => {
            items.iter().enumerate().find_map(|(index, item)| nul_in_json(item, &format!("{path}[{index}]")))
        }
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let field = if path == "body" { key.clone() } else { format!("{path}.{key}") };
            if key.contains('\0') { Some(path.to_owned()) } else { nul_in_json(item, &field) }
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

fn nul_in_form(bytes: &[u8]) -> Option<String> {
    url::form_urlencoded::parse(bytes)
        .find(|(name, value)| name.contains('\0') || value.contains('\0'))
        .map(|(name, _)| name.replace('\0', ""))
}

fn percent_decoded(bytes: &[u8]) -> Vec<u8> {
    url::form_urlencoded::parse(bytes)
        .flat_map(|(name, value)| [name.into_owned(), value.into_owned()])
        .collect::<String>()
        .into_bytes()
}

/// Server functions are `/api/{name}`; the JSON API is `/api/v1/…`.
pub fn is_server_fn(path: &str) -> bool {
    path.strip_prefix("/api/").is_some_and(|name| !name.is_empty() && !name.starts_with("v1/") && name != "v1")
}

/// Files served as they are (`/pkg/immo9.wasm`, `/favicon.svg`): the same for everyone.
pub fn is_static_file(path: &str) -> bool {
    !path.starts_with("/api/") && path.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

/// `error` answered in the format the caller of `path` reads: a person's browser (a page, or a form posted
/// without the WASM, which asks for HTML) gets a short French page.
pub fn refusal(headers: &HeaderMap, path: &str, error: AppError) -> Response {
    if path.starts_with("/api/v1/") || path == "/api/v1" {
        return ApiError(error).into_response();
    }
    if is_server_fn(path) && !accepts_html(headers) {
        // What a server function's client decodes: the serialised error, with its status.
        let body = serde_json::to_string(&error).unwrap_or_default();
        return (error.status(), [(header::CONTENT_TYPE, "application/json")], body).into_response();
    }
    refusal_page(error)
}

/// `error` as a short French page, for a person whose browser posted a form without the WASM.
pub fn refusal_page(error: AppError) -> Response {
    let status = error.status();
    // The product's own stylesheet, and nothing else: the page runs no script.
    let page = format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <link rel=\"stylesheet\" href=\"/pkg/immo9.css\"><title>{title}</title></head>\
         <body><main id=\"contenu\"><section class=\"panel narrow notice error\" role=\"alert\">\
         <h1>{title}</h1><p>{message}</p><p><a href=\"/\">{home}</a></p></section></main></body></html>",
        title = t().app_name,
        message = html_escape(&error.message()),
        home = t().back_home,
    );
    let policy = HeaderValue::from_static(
        "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    (status, [(header::CONTENT_SECURITY_POLICY, policy)], Html(page)).into_response()
}

pub fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| value.contains("text/html"))
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn a_write_from_another_site_is_told_apart_from_ours_and_from_scripts() {
        type Case = (&'static str, &'static [(&'static str, &'static str)], bool);
        let cases: [Case; 9] = [
            ("a script: no Origin, no Sec-Fetch-Site", &[("host", "support.immo9.fr")], false),
            ("our page", &[("sec-fetch-site", "same-origin"), ("origin", "https://support.immo9.fr")], false),
            ("typed in the address bar", &[("sec-fetch-site", "none")], false),
            ("another site", &[("sec-fetch-site", "cross-site"), ("host", "support.immo9.fr")], true),
            ("a sibling sub-domain", &[("sec-fetch-site", "same-site")], true),
            ("old browser, our origin", &[("origin", "https://Support.immo9.fr"), ("host", "support.immo9.fr")], false),
            ("old browser, another origin", &[("origin", "http://evil.example"), ("host", "support.immo9.fr")], true),
            (
                "old browser, behind the proxy",
                &[
                    ("origin", "https://support.immo9.fr"),
                    ("host", "127.0.0.1:3000"),
                    ("x-forwarded-host", "support.immo9.fr"),
                ],
                false,
            ),
            ("an opaque origin", &[("origin", "null"), ("host", "support.immo9.fr")], true),
        ];
        for (case, pairs, cross_site) in cases {
            assert_eq!(is_cross_site(&headers(pairs)), cross_site, "{case}");
        }
    }

    #[test]
    fn the_client_address_is_the_peer_unless_the_peer_is_the_local_proxy() {
        let remote: IpAddr = "198.51.100.7".parse().unwrap();
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let forwarded = headers(&[("x-forwarded-for", "10.0.0.1, 203.0.113.9")]);
        let cases = [
            ("a remote peer is believed, not its header", remote, &forwarded, remote),
            ("the local proxy's last entry", local, &forwarded, "203.0.113.9".parse().unwrap()),
            ("the local proxy without header", local, &HeaderMap::new(), local),
            ("garbage in the header", local, &headers(&[("x-forwarded-for", "not an address")]), local),
            ("no earlier entry stands in", local, &headers(&[("x-forwarded-for", "203.0.113.9, garbage")]), local),
        ];
        for (case, peer, headers, expected) in cases {
            assert_eq!(client_address(peer, headers), expected, "{case}");
        }
    }

    #[test]
    fn a_nul_is_found_in_the_url_json_and_forms_and_named_by_its_field() {
        let uri = |text: &str| text.parse::<Uri>().unwrap();
        assert_eq!(nul_in_uri(&uri("/api/v1/tickets?q=abc%00def")), Some("q".into()));
        assert_eq!(nul_in_uri(&uri("/tickets/INC%00")), Some("path".into()));
        assert_eq!(nul_in_uri(&uri("/api/v1/tickets?q=%2500")), None, "an escaped percent is text");
        assert_eq!(nul_in_uri(&uri("/api/v1/tickets?page=2")), None);

        let json = headers(&[("content-type", "application/json")]);
        let body = br#"{"title":"ok","items":[{"note":"a\u0000b"}]}"#;
        assert_eq!(nul_in_body(&json, body), Some("items[0].note".into()));
        assert_eq!(nul_in_body(&json, br#"{"a\u0000":1}"#), Some("body".into()));
        assert_eq!(nul_in_body(&json, br#"{"title":"a\\u0000"}"#), None, "an escaped backslash is text");
        let form = headers(&[("content-type", "application/x-www-form-urlencoded")]);
        assert_eq!(nul_in_body(&form, b"login=a%00b&password=x"), Some("login".into()));
        assert_eq!(nul_in_body(&form, b"login=a&password=x"), None);
        assert_eq!(nul_in_body(&headers(&[("content-type", "application/cbor")]), b"a\0b"), Some("body".into()));
    }

    #[test]
    fn server_functions_are_told_apart_from_the_json_api_and_pages() {
        let cases = [
            ("/api/connexion", true),
            ("/api/tickets_detail", true),
            ("/api/v1/tickets", false),
            ("/api/v1", false),
            ("/api/", false),
            ("/tickets", false),
        ];
        for (path, server_fn) in cases {
            assert_eq!(is_server_fn(path), server_fn, "{path}");
        }
    }
}

//! The Content-Security-Policy of every response: the pages' (scripts only by the render's nonce, WASM
//! compiled, nothing framed, nothing from another site) and the one for everything else (nothing at all).

/// For a page rendered with `nonce`. `strict-dynamic` lets the nonce'd hydration script load the WASM
/// glue it imports; `wasm-unsafe-eval` allows compiling the WASM and nothing else (no `eval`, no inline
/// script without the nonce). `reload` is cargo-leptos's live-reload socket, in development only.
pub fn page_policy(nonce: &str, reload: Option<&str>) -> String {
    let reload = reload.map(|address| format!(" ws://{address}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'{reload}; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// For the API, exports and files: a response that is not a page runs nothing and is framed by nobody,
/// even if a browser were made to open it as a document.
pub const NON_PAGE_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Sets the page policy on the response being rendered, with the nonce Leptos put on its scripts.
#[cfg(feature = "ssr")]
pub fn protect_page(options: &leptos::prelude::LeptosOptions) {
    use leptos::prelude::use_context;
    let (Some(nonce), Some(response)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    let reload = (options.env == leptos::config::Env::DEV)
        .then(|| format!("{}:{}", options.site_addr.ip(), options.reload_port));
    if let Ok(value) = http::HeaderValue::from_str(&page_policy(&nonce.to_string(), reload.as_deref())) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_runs_only_its_own_nonced_scripts_and_is_never_framed() {
        let policy = page_policy("abc123", None);
        for directive in [
            "script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval';",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "connect-src 'self';",
        ] {
            assert!(policy.contains(directive), "{directive} in {policy}");
        }
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(page_policy("n", Some("127.0.0.1:3001")).contains("connect-src 'self' ws://127.0.0.1:3001;"));
    }
}

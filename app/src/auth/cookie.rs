//! The session cookie: its name, how it is written and how it is read back from a `Cookie` header.

pub const SESSION_COOKIE: &str = "immo9_session";

/// `Set-Cookie` for a new session. HttpOnly (no script can read it), SameSite=Lax (no cross-site POST
/// carries it, which protects server functions from CSRF), Secure when served over HTTPS.
pub fn session_cookie(token: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}")
}

/// `Set-Cookie` that makes the browser forget the session.
pub fn cleared_cookie(secure: bool) -> String {
    session_cookie("", 0, secure)
}

/// The session token in a `Cookie` header value, if any.
pub fn token_from_cookie_header(header: &str) -> Option<&str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let cases = [
            ("immo9_session=abc", Some("abc")),
            ("theme=dark; immo9_session=abc; lang=fr", Some("abc")),
            ("theme=dark;immo9_session=abc", Some("abc")),
            ("immo9_session=", None),
            ("other_immo9_session=abc", None),
            ("", None),
        ];
        for (header, expected) in cases {
            assert_eq!(token_from_cookie_header(header), expected, "{header:?}");
        }
    }

    #[test]
    fn the_cookie_is_http_only_and_same_site() {
        let cookie = session_cookie("tok", 3600, false);
        assert_eq!(cookie, "immo9_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");
        assert!(session_cookie("tok", 3600, true).ends_with("; Secure"));
        assert!(cleared_cookie(false).contains("Max-Age=0"));
    }
}

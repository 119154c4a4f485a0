//! Markdown to safe HTML for knowledge articles: rendered once when an article is saved, sanitised so that no
//! script, style or event handler an author types can reach a reader's page.

use pulldown_cmark::{Options, Parser, html};

/// The sanitised HTML of an article's Markdown; links open in a new tab and never pass the referrer. An
/// image is kept only from this site (a path such as `/pieces-jointes/…`): a remote one would tell another
/// server who reads what, and when, so its address is dropped and only its description remains (the pages'
/// Content-Security-Policy would refuse to load it anyway, for articles saved before this rule).
pub fn markdown_to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .set_tag_attribute_value("a", "target", "_blank")
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if !value.starts_with('/') || value.starts_with("//") => None,
            _ => Some(value.into()),
        })
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::markdown_to_html;

    #[test]
    fn markdown_is_rendered_and_what_could_run_is_removed() {
        let cases = [
            ("# Titre\n\nTexte **gras**", &["<h1>Titre</h1>", "<strong>gras</strong>"][..], &[][..]),
            ("1. un\n2. deux", &["<ol>", "<li>un</li>"], &[]),
            ("<script>alert(1)</script>ok", &["ok"], &["<script", "alert(1)</script"]),
            ("[lien](javascript:alert(1))", &["lien"], &["javascript:"]),
            ("<img src=x onerror=alert(1)>", &[], &["onerror"]),
            ("[site](https://immo9.fr)", &["href=\"https://immo9.fr\"", "noopener", "target=\"_blank\""], &[]),
            ("| a | b |\n|---|---|\n| 1 | 2 |", &["<table>", "<td>1</td>"], &[]),
            ("![plan](https://tracker.example/pixel.png)", &["alt=\"plan\""], &["tracker.example", "src="]),
            ("![plan](//tracker.example/pixel.png)", &["alt=\"plan\""], &["tracker.example"]),
            ("<img src=\"http://tracker.example/p.gif\">", &[], &["tracker.example"]),
            ("![schéma](/pieces-jointes/12/schema.png)", &["src=\"/pieces-jointes/12/schema.png\""], &[]),
        ];
        for (markdown, present, absent) in cases {
            let html = markdown_to_html(markdown);
            for fragment in present {
                assert!(html.contains(fragment), "{markdown:?} → {html}");
            }
            for fragment in absent {
                assert!(!html.contains(fragment), "{markdown:?} → {html}");
            }
        }
    }
}

//! Markdown to safe HTML for knowledge articles: rendered once when an article is saved, sanitised so that no
//! script, style or event handler an author types can reach a reader's page.

use pulldown_cmark::{Options, Parser, html};

/// The sanitised HTML of an article's Markdown; links open in a new tab and never pass the referrer.
pub fn markdown_to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .set_tag_attribute_value("a", "target", "_blank")
        .url_schemes(["http", "https", "mailto", "tel"].into())
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

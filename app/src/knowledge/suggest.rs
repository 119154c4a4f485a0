//! Articles suggested while someone describes their need: asked for once the typing pauses, shown beside
//! the form, each with "Cela a résolu mon problème", which ends the request without a ticket (deflection).

use super::api::{ArticleSolvedIt, suggest_articles};
use super::{ArticleSuggestion, SUGGEST_MIN_CHARS};
use crate::domain::catalog::fold_for_search;
use crate::i18n::t;
use leptos::prelude::*;

/// How long typing must pause before suggestions are asked for.
#[cfg(feature = "hydrate")]
const PAUSE_MS: u32 = 350;

/// A signal that follows `text` once it has stopped changing for a moment (in the browser; on the server
/// nothing is typed).
fn settled(text: Signal<String>) -> ReadSignal<String> {
    let (settled, set_settled) = signal(String::new());
    #[cfg(feature = "hydrate")]
    {
        let pending = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
        Effect::new(move |_| {
            let value = text.get();
            // Replacing the timeout drops, and so cancels, the previous one.
            pending.set_value(Some(gloo_timers::callback::Timeout::new(PAUSE_MS, move || set_settled.set(value))));
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (text, set_settled);
    settled
}

fn worth_asking(text: &str) -> bool {
    fold_for_search(text).chars().filter(|c| c.is_alphanumeric()).count() >= SUGGEST_MIN_CHARS
}

/// The suggestions for what is typed in `text`; `on_solved` receives the article's title once the person
/// said it solved their problem.
#[component]
pub fn KnowledgeSuggestions(
    text: Signal<String>,
    #[prop(optional)] catalog: Option<String>,
    on_solved: Callback<String>,
) -> impl IntoView {
    let t = t();
    let typed = settled(text);
    let catalog_for_query = catalog.clone();
    // Asked for by an effect, which runs in the browser only: a resource would make the server's render wait
    // on suggestions no one has typed yet. A newer question makes an older answer stale.
    let found = RwSignal::new(Vec::<ArticleSuggestion>::new());
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = typed.get();
        let catalog = catalog_for_query.clone();
        asked.update_value(|count| *count += 1);
        let question = asked.get_value();
        leptos::task::spawn_local(async move {
            // Suggestions are an aid: when they cannot be had, the form works without them.
            let articles = if worth_asking(&text) {
                suggest_articles(text, catalog).await.unwrap_or_default()
            } else {
                Vec::new()
            };
            if asked.get_value() == question {
                found.set(articles);
            }
        });
    });
    let solved = ServerAction::<ArticleSolvedIt>::new();
    let chosen_title = StoredValue::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = solved.value().get() {
            on_solved.run(chosen_title.get_value());
        }
    });
    let list = move |articles: Vec<ArticleSuggestion>| {
        let catalog = catalog.clone();
        articles
            .into_iter()
            .map(|article| {
                let catalog = catalog.clone();
                let title = article.title.clone();
                let id = article.id;
                view! {
                    <li data-suggestion=id.to_string()>
                        <details>
                            <summary><strong>{article.title.clone()}</strong>
                                {(!article.summary.is_empty()).then(|| view! { <span class="muted">" — "{article.summary.clone()}</span> })}
                            </summary>
                            <div class="article-body" inner_html=article.body_html.clone()></div>
                            <p><a href=format!("/connaissances/{id}") target="_blank">{t.knowledge_suggest_read}</a></p>
                        </details>
                        <button type="button" class="button" disabled=move || solved.pending().get() on:click=move |_| {
                            chosen_title.set_value(title.clone());
                            solved.dispatch(ArticleSolvedIt { article: id, description: text.get_untracked(), catalog: catalog.clone() });
                        }>{t.knowledge_solved}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        {move || {
            let articles = found.get();
            (!articles.is_empty()).then(|| view! {
                <aside class="panel suggestions" aria-labelledby="suggestions-titre" data-suggestions>
                    <h2 id="suggestions-titre">{t.knowledge_suggest_title}</h2>
                    <ul>{list.clone()(articles)}</ul>
                    {move || solved.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
                </aside>
            })
        }}
    }
}

/// What replaces the form once an article solved the problem.
#[component]
pub fn SolvedWithoutTicket(title: String, again: Callback<()>) -> impl IntoView {
    let t = t();
    view! {
        <div class="notice ok" role="status" data-deflected>
            <h3>{t.knowledge_solved_title}</h3>
            <p>{t.knowledge_solved_text}" « "{title}" »."</p>
            <button type="button" class="button" on:click=move |_| again.run(())>{t.knowledge_solved_again}</button>
        </div>
    }
}

//! The knowledge base's pages: search and list (`/connaissances`), one article to read and, for its editors,
//! to edit (`/connaissances/:id`), and a new article (`/connaissances/nouveau`).

use super::api::{SaveArticle, get_article, load_article_choices, search_articles};
use super::{Article, ArticleDraft, ArticleFormChoices, ArticleSummary, Audience, BODY_MAX, SUMMARY_MAX, TITLE_MAX};
use crate::auth::CurrentUser;
use crate::domain::access::Area;
use crate::domain::ids::{ArticleId, UserId};
use crate::domain::ticket::ServiceDomain;
use crate::i18n::{area_label, domain_label, t};
use crate::ui::{ErrorPanel, Guarded};
use chrono::Months;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::sync::Arc;

pub fn audience_label(audience: Audience) -> &'static str {
    match audience {
        Audience::Public => t().knowledge_public,
        Audience::Internal => t().knowledge_internal,
    }
}

#[component]
pub fn KnowledgePage() -> impl IntoView {
    view! { <Guarded area=Area::Knowledge page=Arc::new(|user| view! { <Knowledge user/> }.into_any())/> }
}

#[component]
fn Knowledge(user: CurrentUser) -> impl IntoView {
    let t = t();
    let desk = super::is_desk(&user.roles);
    // A search can be shared as a link: /connaissances?q=vpn
    let query = RwSignal::new(use_query_map().read_untracked().get("q").unwrap_or_default());
    let due = RwSignal::new(false);
    let results = Resource::new(move || (query.get(), due.get()), |(query, due)| search_articles(query, due));
    view! {
        <Title text=area_label(Area::Knowledge)/>
        <h1>{area_label(Area::Knowledge)}</h1>
        <p class="lead">{t.knowledge_intro}</p>
        <div class="toolbar">
            <div class="field catalog-search">
                <label for="knowledge-search">{t.knowledge_search_label}</label>
                <input id="knowledge-search" type="search" autocomplete="off" placeholder=t.knowledge_search_placeholder bind:value=query/>
            </div>
            {desk.then(|| view! {
                <label class="check"><input type="checkbox" id="knowledge-due" bind:checked=due/>" "{t.knowledge_due_filter}</label>
                <a class="button" href="/connaissances/nouveau">{t.knowledge_new}</a>
            })}
        </div>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(articles) => view! { <ArticleList articles desk/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ArticleList(articles: Vec<ArticleSummary>, desk: bool) -> impl IntoView {
    let t = t();
    if articles.is_empty() {
        return view! { <p class="notice" role="status">{t.knowledge_none}</p> }.into_any();
    }
    let count = articles.len();
    view! {
        <p class="muted" role="status" aria-live="polite">{format!("{count} {}", t.knowledge_results)}</p>
        <ul class="article-list">
            {articles.into_iter().map(|article| view! {
                <li data-article=article.id.to_string()>
                    <a href=format!("/connaissances/{}", article.id)><strong>{article.title.clone()}</strong></a>
                    {desk.then(|| view! { <span class="badge">{audience_label(article.audience)}</span> })}
                    {(desk && article.due_for_review).then(|| view! { <span class="badge warning">{t.knowledge_due_badge}</span> })}
                    {article.archived.then(|| view! { <span class="badge">{t.knowledge_archived_badge}</span> })}
                    {article.domain.map(|domain| view! { <span class="muted">" · "{domain_label(domain)}</span> })}
                    {(!article.summary.is_empty()).then(|| view! { <p>{article.summary.clone()}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn ArticlePage() -> impl IntoView {
    view! { <Guarded area=Area::Knowledge page=Arc::new(|_| view! { <ArticleView/> }.into_any())/> }
}

#[component]
fn ArticleView() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let wanted = move || params.read().get("id").unwrap_or_default();
    let saved = RwSignal::new(0u32);
    let article = Resource::new(
        move || (wanted(), saved.get()),
        |(id, _)| async move {
            match id.parse::<i64>() {
                Ok(id) => get_article(ArticleId(id)).await.map(Some),
                Err(_) => Ok(None),
            }
        },
    );
    // The form's choices load beside the article, in the same Suspend (see ARCHITECTURE.md).
    let choices = Resource::new(|| (), |_| load_article_choices());
    view! {
        <p><a href="/connaissances">"← "{t.knowledge_back}</a></p>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match (article.await, choices.await) {
                    (Ok(Some(article)), Ok(choices)) => view! { <ArticleBody article choices saved/> }.into_any(),
                    // "/connaissances/nouveau" is the form of a new article, for the desk.
                    (Ok(None), Ok(Some(choices))) if wanted() == "nouveau" => view! { <NewArticle choices/> }.into_any(),
                    (Ok(None), Ok(None)) if wanted() == "nouveau" => view! { <ErrorPanel error=crate::error::AppError::Forbidden/> }.into_any(),
                    (Ok(None), _) => view! { <ErrorPanel error=crate::error::AppError::not_found(t.knowledge_article_not_found)/> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ArticleBody(article: Article, choices: Option<ArticleFormChoices>, saved: RwSignal<u32>) -> impl IntoView {
    let t = t();
    let editing = RwSignal::new(false);
    let summary = article.summary.clone();
    let draft = ArticleDraft {
        title: summary.title.clone(),
        summary: summary.summary.clone(),
        body_markdown: article.body_markdown.clone(),
        audience: summary.audience,
        domain: summary.domain,
        category: article.category.as_ref().map(|(id, _)| *id),
        catalog_entries: article.catalog_entries.iter().map(|(id, _)| *id).collect(),
        owner: Some(article.owner_id),
        review_on: summary.review_on,
        archived: summary.archived,
        version: Some(article.version),
    };
    let id = summary.id;
    let may_edit = article.may_edit && choices.is_some();
    view! {
        <Title text=summary.title.clone()/>
        <article class="panel knowledge-article" data-article=id.to_string()>
            <h1>{summary.title.clone()}</h1>
            <p class="muted">
                {audience_label(summary.audience)}
                {summary.domain.map(|domain| format!(" · {}", domain_label(domain)))}
                {summary.due_for_review.then(|| view! { " · "<span class="badge warning">{t.knowledge_due_badge}</span> })}
                {summary.archived.then(|| view! { " · "<span class="badge">{t.knowledge_archived_badge}</span> })}
            </p>
            <div class="article-body" inner_html=article.body_html.clone()></div>
            <dl class="facts">
                <dt>{t.knowledge_owner}</dt><dd>{summary.owner.clone()}</dd>
                <dt>{t.knowledge_review_on}</dt><dd>{summary.review_on.format("%d/%m/%Y").to_string()}</dd>
                <dt>{t.knowledge_updated}</dt><dd>{crate::i18n::local_time(summary.updated_at)}</dd>
                <dt>{t.knowledge_deflections}</dt><dd data-deflections>{article.deflections}</dd>
                <dt>{t.knowledge_linked_tickets}</dt><dd>{article.linked_tickets}</dd>
                {article.category.clone().map(|(_, path)| view! { <dt>{t.knowledge_category}</dt><dd>{path}</dd> })}
                {(!article.catalog_entries.is_empty()).then(|| view! {
                    <dt>{t.knowledge_catalog_entries}</dt>
                    <dd>{article.catalog_entries.iter().map(|(_, title)| title.clone()).collect::<Vec<_>>().join(", ")}</dd>
                })}
                {article.source_ticket.map(|reference| view! {
                    <dt>{t.knowledge_source_ticket}</dt>
                    <dd><a href=format!("/tickets/{reference}")>{reference.to_string()}</a></dd>
                })}
            </dl>
            {may_edit.then(|| view! {
                <button type="button" class="button" on:click=move |_| editing.update(|on| *on = !*on)>
                    {move || if editing.get() { t.knowledge_cancel } else { t.knowledge_edit }}
                </button>
            })}
        </article>
        {(may_edit || !article.attachments.is_empty()).then(|| view! {
            <crate::attachments::components::AttachmentsPanel items=article.attachments.clone() allow_internal=false sent=saved
                upload_to=may_edit.then(|| format!("/api/v1/articles/{id}/attachments"))
                back_to=format!("/connaissances/{id}") picked=RwSignal::new(Vec::new())/>
        })}
        {move || editing.get().then(|| choices.clone().map(|choices| view! { <ArticleForm id=Some(id) draft=draft.clone() choices on_saved=Callback::new(move |_| { editing.set(false); saved.update(|n| *n += 1); })/> }))}
    }
}

#[component]
fn NewArticle(choices: ArticleFormChoices) -> impl IntoView {
    let t = t();
    let navigate = use_navigate();
    let today = crate::clock::use_clock().now().with_timezone(&chrono_tz::Europe::Paris).date_naive();
    let review_on = today.checked_add_months(Months::new(6)).unwrap_or(today);
    let draft = ArticleDraft {
        title: String::new(),
        summary: String::new(),
        body_markdown: String::new(),
        audience: Audience::Public,
        domain: None,
        category: None,
        catalog_entries: Vec::new(),
        owner: None,
        review_on,
        archived: false,
        version: None,
    };
    view! {
        <Title text=t.knowledge_new_title/>
        <h1>{t.knowledge_new_title}</h1>
        <ArticleForm id=None draft choices on_saved=Callback::new(move |id: ArticleId| navigate(&format!("/connaissances/{id}"), Default::default()))/>
    }
}

/// The article's editor: every field, checked again by the server, which also renders the Markdown.
#[component]
fn ArticleForm(
    id: Option<ArticleId>,
    draft: ArticleDraft,
    choices: ArticleFormChoices,
    on_saved: Callback<ArticleId>,
) -> impl IntoView {
    let t = t();
    let draft = RwSignal::new(draft);
    let save = ServerAction::<SaveArticle>::new();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            on_saved.run(saved);
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.dispatch(SaveArticle { id, draft: draft.get_untracked() });
    };
    let value = draft.get_untracked();
    let ArticleFormChoices { catalog_entries: entry_options, categories, owners } = choices;
    view! {
        <form class="form panel" on:submit=on_submit data-article-form>
            <div class="field">
                <label for="article-title">{t.knowledge_form_title}</label>
                <input id="article-title" required maxlength=TITLE_MAX value=value.title.clone()
                    on:input=move |ev| draft.update(|d| d.title = event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="article-summary">{t.knowledge_form_summary}</label>
                <input id="article-summary" maxlength=SUMMARY_MAX value=value.summary.clone()
                    on:input=move |ev| draft.update(|d| d.summary = event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="article-body">{t.knowledge_form_body}</label>
                <textarea id="article-body" rows="14" required maxlength=BODY_MAX prop:value=value.body_markdown.clone()
                    on:input=move |ev| draft.update(|d| d.body_markdown = event_target_value(&ev))></textarea>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="article-audience">{t.knowledge_form_audience}</label>
                    <select id="article-audience" on:change=move |ev| if let Ok(audience) = event_target_value(&ev).parse() { draft.update(|d| d.audience = audience) }>
                        {Audience::ALL.iter().map(|audience| view! {
                            <option value=audience.code() selected=*audience == value.audience>{audience_label(*audience)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="article-domain">{t.knowledge_form_domain}</label>
                    <select id="article-domain" on:change=move |ev| draft.update(|d| d.domain = event_target_value(&ev).parse().ok())>
                        <option value="">{t.none_option}</option>
                        {ServiceDomain::ALL.iter().map(|domain| view! {
                            <option value=domain.code() selected=Some(*domain) == value.domain>{domain_label(*domain)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="article-category">{t.knowledge_form_category}</label>
                    <select id="article-category" on:change=move |ev| draft.update(|d| d.category = event_target_value(&ev).parse().ok().map(crate::domain::ids::CategoryId))>
                        <option value="">{t.none_option}</option>
                        {categories.into_iter().map(|(id, path)| view! {
                            <option value=id.to_string() selected=Some(id) == value.category>{path}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="article-owner">{t.knowledge_form_owner}</label>
                    <select id="article-owner" on:change=move |ev| draft.update(|d| d.owner = event_target_value(&ev).parse().ok().map(UserId))>
                        <option value="">"—"</option>
                        {owners.into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() selected=Some(id) == value.owner>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="article-review">{t.knowledge_form_review}</label>
                    <input id="article-review" type="date" required value=value.review_on.to_string()
                        on:input=move |ev| if let Ok(date) = event_target_value(&ev).parse() { draft.update(|d| d.review_on = date) }/>
                </div>
            </div>
            <fieldset class="choices scroll" id="article-entries">
                <legend>{t.knowledge_form_entries}</legend>
                {entry_options.into_iter().map(|(id, title)| view! {
                    <label><input type="checkbox" value=id.to_string() checked=value.catalog_entries.contains(&id)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| {
                                d.catalog_entries.retain(|entry| *entry != id);
                                if on { d.catalog_entries.push(id) }
                            });
                        }/>" "{title}</label>
                }).collect_view()}
            </fieldset>
            <label class="check"><input type="checkbox" checked=value.archived
                on:change=move |ev| draft.update(|d| d.archived = event_target_checked(&ev))/>" "{t.knowledge_form_archived}</label>
            {move || save.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            <button type="submit" class="button primary" disabled=move || save.pending().get()>
                {move || if save.pending().get() { t.knowledge_form_saving } else { t.knowledge_form_save }}
            </button>
        </form>
    }
}

/// The desk's panel on a ticket: articles linked to it, a search to link one, and an article written from
/// the ticket's resolution.
#[component]
pub fn TicketArticles(reference: crate::domain::ticket::TicketRef, resolved: bool) -> impl IntoView {
    use super::api::{ArticleFromResolution, LinkArticle, ticket_articles};
    let t = t();
    let link = ServerAction::<LinkArticle>::new();
    let write = ServerAction::<ArticleFromResolution>::new();
    // Loaded by effects, in the browser only: resources created inside the ticket page's Suspense child
    // would be loaded twice over and could unsettle its hydration (see ARCHITECTURE.md).
    let linked = RwSignal::new(None::<Result<Vec<super::LinkedArticle>, crate::error::AppError>>);
    Effect::new(move |_| {
        let _ = (link.version().get(), write.version().get());
        leptos::task::spawn_local(async move { linked.set(Some(ticket_articles(reference).await)) });
    });
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<ArticleSummary>::new());
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let query = query.get();
        asked.update_value(|count| *count += 1);
        let question = asked.get_value();
        leptos::task::spawn_local(async move {
            let articles = if query.trim().chars().count() < 3 {
                Vec::new()
            } else {
                search_articles(query, false).await.unwrap_or_default()
            };
            if asked.get_value() == question {
                found.set(articles);
            }
        });
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = write.value().get() {
            navigate(&format!("/connaissances/{id}"), Default::default());
        }
    });
    view! {
        <section class="panel" aria-labelledby="articles-lies" data-ticket-articles>
            <h2 id="articles-lies">{t.knowledge_ticket_panel}</h2>
            {move || match linked.get() {
                None => view! { <p class="loading">{t.loading}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="muted">{t.knowledge_ticket_none}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul>{list.into_iter().map(|article| view! {
                        <li data-linked-article=article.id.to_string()>
                            <a href=format!("/connaissances/{}", article.id)>{article.title}</a>
                            <span class="muted">" — "{audience_label(article.audience)}", "{t.knowledge_linked_by}" "{article.linked_by}</span>
                        </li>
                    }).collect_view()}</ul>
                }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error/> }.into_any(),
            }}
            <div class="field">
                <label for="article-a-lier">{t.knowledge_ticket_search}</label>
                <input id="article-a-lier" type="search" autocomplete="off" bind:value=query/>
            </div>
            {move || view! {
                <ul class="article-list">{found.get().into_iter().take(5).map(|article| {
                    let id = article.id;
                    view! {
                        <li>{article.title.clone()}" "
                            <button type="button" class="button" on:click=move |_| { link.dispatch(LinkArticle { reference, article: id }); }>{t.knowledge_ticket_link}</button>
                        </li>
                    }
                }).collect_view()}</ul>
            }}
            {move || link.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            {resolved.then(|| view! {
                <button type="button" class="button" disabled=move || write.pending().get()
                    on:click=move |_| { write.dispatch(ArticleFromResolution { reference }); }>{t.knowledge_ticket_from_resolution}</button>
            })}
            {move || write.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
        </section>
    }
}

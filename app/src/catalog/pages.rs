//! The employee portal's catalog (searchable, grouped by domain, most used first) and the form of one
//! request type; the form is checked in the browser with the same rules the server applies.

use super::api::{FormChoices, SubmitCatalogRequest, catalog_entries, get_catalog_entry, load_form_choices};
use crate::attachments::components::{FilePicker, Picked, send_waiting, waiting};
use crate::domain::access::Area;
use crate::domain::catalog::{FieldKind, FormField, matches_query, validate_answers};
use crate::error::AppError;
use crate::i18n::{answer_problem_message, area_label, domain_label, kind_label, t};
use crate::knowledge::suggest::{KnowledgeSuggestions, SolvedWithoutTicket};
use crate::referential::{CatalogEntry, group_for_portal};
use crate::ui::{ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::collections::BTreeMap;
use std::sync::Arc;

#[component]
pub fn CatalogPage() -> impl IntoView {
    view! { <Guarded area=Area::Catalog page=Arc::new(|_| view! { <Catalog/> }.into_any())/> }
}

#[component]
fn Catalog() -> impl IntoView {
    let t = t();
    let entries = Resource::new(|| (), |_| catalog_entries());
    // A search can be shared as a link: /catalogue?q=vpn
    let query = RwSignal::new(use_query_map().read_untracked().get("q").unwrap_or_default());
    view! {
        <Title text=area_label(Area::Catalog)/>
        <h1>{t.catalog_title}</h1>
        <p class="lead">{t.catalog_intro}</p>
        <div class="field catalog-search">
            <label for="catalog-search">{t.catalog_search_label}</label>
            <input id="catalog-search" type="search" autocomplete="off" placeholder=t.catalog_search_placeholder bind:value=query/>
        </div>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) => view! { <CatalogGroups entries query/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
        <p class="catalog-other"><a class="button" href="/mes-demandes#declarer">{t.catalog_declare_incident}</a></p>
    }
}

#[component]
fn CatalogGroups(entries: Vec<CatalogEntry>, query: RwSignal<String>) -> impl IntoView {
    let t = t();
    let indexed: Arc<Vec<(CatalogEntry, String)>> = Arc::new(
        entries
            .into_iter()
            .map(|entry| {
                let text = entry.search_text();
                (entry, text)
            })
            .collect(),
    );
    move || {
        let query = query.get();
        let matching: Vec<CatalogEntry> =
            indexed.iter().filter(|(_, text)| matches_query(text, &query)).map(|(entry, _)| entry.clone()).collect();
        if matching.is_empty() {
            return view! { <p class="notice" role="status">{t.catalog_no_result}</p> }.into_any();
        }
        let count = matching.len();
        let groups = group_for_portal(&matching)
            .into_iter()
            .map(|(domain, entries)| {
                let heading = format!("domaine-{}", domain.code().to_lowercase());
                let labelled_by = heading.clone();
                view! {
                    <section class="catalog-domain" aria-labelledby=labelled_by data-domain=domain.code()>
                        <h2 id=heading>{domain_label(domain)}</h2>
                        <ul class="catalog-grid">
                            {entries.into_iter().map(|entry| view! { <CatalogCard entry/> }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view();
        view! {
            <p class="muted" role="status" aria-live="polite">{format!("{count} {}", t.catalog_results)}</p>
            {groups}
        }
        .into_any()
    }
}

#[component]
fn CatalogCard(entry: CatalogEntry) -> impl IntoView {
    let t = t();
    view! {
        <li>
            <a class="catalog-card" href=format!("/catalogue/{}", entry.code) data-code=entry.code.clone()>
                <strong>{entry.title}</strong>
                <span>{entry.summary}</span>
                {entry.requires_approval.then(|| view! { <span class="badge">{t.catalog_approval_badge}</span> })}
            </a>
        </li>
    }
}

#[component]
pub fn CatalogRequestPage() -> impl IntoView {
    view! { <Guarded area=Area::Catalog page=Arc::new(|_| view! { <CatalogRequest/> }.into_any())/> }
}

#[component]
fn CatalogRequest() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let entry = Resource::new(move || params.read().get("code").unwrap_or_default(), get_catalog_entry);
    let choices = Resource::new(|| (), |_| load_form_choices());
    view! {
        <p><a href="/catalogue">"← "{t.catalog_back}</a></p>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match (entry.await, choices.await) {
                    (Ok(entry), Ok(choices)) => view! { <RequestForm entry choices/> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Errors by field key, plus one for the form as a whole (key "").
type FieldErrors = BTreeMap<String, String>;

#[component]
fn RequestForm(entry: CatalogEntry, choices: FormChoices) -> impl IntoView {
    let t = t();
    let answers = RwSignal::new(BTreeMap::<String, String>::new());
    let errors = RwSignal::new(FieldErrors::new());
    let submit = ServerAction::<SubmitCatalogRequest>::new();
    let navigate = use_navigate();
    let code = entry.code.clone();
    let fields = entry.fields.clone();
    // Each FICHIER field's files, sent once the request is registered; then the person lands on it.
    let pickers: Vec<(String, RwSignal<Vec<Picked>>)> = entry
        .fields
        .iter()
        .filter(|field| field.kind == FieldKind::File)
        .map(|field| (field.key.clone(), RwSignal::new(Vec::new())))
        .collect();
    let pickers = StoredValue::new(pickers);
    let files_failed = RwSignal::new(None::<String>);
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(reference)) => {
            let files: Vec<Picked> =
                pickers.with_value(|pickers| pickers.iter().flat_map(|(_, picked)| picked.get_untracked()).collect());
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let url = format!("/api/v1/tickets/{reference}/attachments");
                if waiting(&files) == 0 || send_waiting(url, files, false).await {
                    navigate(&format!("/tickets/{reference}"), Default::default());
                } else {
                    files_failed.set(Some(reference.to_string()));
                }
            });
        }
        Some(Err(AppError::InvalidForm { errors: list })) => {
            errors.set(list.into_iter().map(|e| (e.field, e.message)).collect());
        }
        Some(Err(error)) => errors.set(FieldErrors::from([(String::new(), error.message())])),
        None => {}
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let given = answers.get_untracked();
        match validate_answers(&fields, &given) {
            Ok(_) => {
                errors.set(FieldErrors::new());
                submit.dispatch(SubmitCatalogRequest { code: code.clone(), answers: given });
            }
            Err(problems) => errors.set(
                problems
                    .into_iter()
                    .map(|problem| {
                        let label = fields.iter().find(|f| f.key == problem.key).map_or("", |f| f.label.as_str());
                        (problem.key, answer_problem_message(problem.problem, label))
                    })
                    .collect(),
            ),
        }
    };
    let choices = Arc::new(choices);
    // The free text typed so far, for the knowledge suggestions; an article that solved it ends the request.
    let long_text_keys: Vec<String> = entry
        .fields
        .iter()
        .filter(|f| matches!(f.kind, FieldKind::LongText | FieldKind::Text))
        .map(|f| f.key.clone())
        .collect();
    let described = Signal::derive(move || {
        answers
            .with(|given| long_text_keys.iter().filter_map(|key| given.get(key)).cloned().collect::<Vec<_>>().join(" "))
    });
    let solved = RwSignal::new(None::<String>);
    let catalog_code = entry.code.clone();
    view! {
        <Title text=entry.title.clone()/>
        <h1>{entry.title.clone()}</h1>
        <p class="lead">{entry.summary.clone()}</p>
        <p class="muted">{kind_label(entry.kind)}" · "{domain_label(entry.domain)}</p>
        {entry.requires_approval.then(|| view! { <p class="notice" role="note">{t.catalog_form_approval_note}</p> })}
        {move || solved.get().map(|title| view! { <SolvedWithoutTicket title again=Callback::new(move |_| solved.set(None))/> })}
        <form class="form panel" on:submit=on_submit novalidate data-catalog-form=entry.code.clone() hidden=move || solved.read().is_some()>
            {entry.fields.iter().cloned().map(|field| {
                let picked = pickers.with_value(|pickers| pickers.iter().find(|(key, _)| *key == field.key).map(|(_, p)| *p));
                view! { <FormFieldInput field answers errors choices=choices.clone() picked/> }
            }).collect_view()}
            {move || files_failed.get().map(|reference| {
                let text = crate::i18n::fill(t.attachments.some_failed, &[("reference", &reference)]);
                view! { <p class="notice error" role="alert"><a href=format!("/tickets/{reference}")>{text}</a></p> }
            })}
            <KnowledgeSuggestions text=described catalog=catalog_code on_solved=Callback::new(move |title| solved.set(Some(title)))/>
            {move || errors.read().get("").cloned().map(|message| view! { <p class="notice error" role="alert">{message}</p> })}
            <button type="submit" class="button primary" disabled=move || submit.pending().get()>
                {move || if submit.pending().get() { t.catalog_form_pending } else { t.catalog_form_submit }}
            </button>
        </form>
    }
}

#[component]
fn FormFieldInput(
    field: FormField,
    answers: RwSignal<BTreeMap<String, String>>,
    errors: RwSignal<FieldErrors>,
    choices: Arc<FormChoices>,
    /// The files of a FICHIER field.
    picked: Option<RwSignal<Vec<Picked>>>,
) -> impl IntoView {
    let t = t();
    let id = format!("champ-{}", field.key);
    let help_id = format!("{id}-aide");
    let error_id = format!("{id}-erreur");
    let key = field.key.clone();
    let set = {
        let key = key.clone();
        move |value: String| {
            answers.update(|answers| {
                answers.insert(key.clone(), value);
            });
        }
    };
    let error_key = key.clone();
    let error = move || errors.read().get(&error_key).cloned();
    let invalid = {
        let error = error.clone();
        move || error().is_some().then_some("true")
    };
    let described = if field.help.is_empty() { error_id.clone() } else { format!("{help_id} {error_id}") };
    let input = match (field.kind, picked) {
        (FieldKind::File, Some(picked)) => {
            // The answer names the files chosen, so a required field is checked like the others.
            let set = set.clone();
            Effect::new(move |_| {
                let names: Vec<String> = picked.read().iter().map(|file| file.name.clone()).collect();
                set(names.join(", "));
            });
            view! { <div id=id.clone() aria-describedby=described.clone()><FilePicker picked/></div> }.into_any()
        }
        (FieldKind::LongText, _) => view! {
            <textarea id=id.clone() name=key.clone() rows="4" maxlength=field.kind.max_len() required=field.required
                aria-describedby=described.clone() aria-invalid=invalid.clone()
                on:input=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        (FieldKind::Text | FieldKind::Date | FieldKind::File, _) => view! {
            <input id=id.clone() name=key.clone() type=if field.kind == FieldKind::Date { "date" } else { "text" }
                maxlength=field.kind.max_len() required=field.required
                aria-describedby=described.clone() aria-invalid=invalid.clone()
                on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
        (FieldKind::Choice | FieldKind::Person | FieldKind::Site, _) => {
            let options: Vec<(String, String)> = match field.kind {
                FieldKind::Choice => field.choices.iter().map(|c| (c.clone(), c.clone())).collect(),
                FieldKind::Person => choices.people.iter().map(|p| (p.id.to_string(), p.name.clone())).collect(),
                _ => choices.sites.iter().map(|(id, name)| (id.to_string(), name.clone())).collect(),
            };
            view! {
                <select id=id.clone() name=key.clone() required=field.required
                    aria-describedby=described.clone() aria-invalid=invalid.clone()
                    on:change=move |ev| set(event_target_value(&ev))>
                    <option value="">{t.catalog_choose}</option>
                    {options.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
    };
    let error_hidden = {
        let error = error.clone();
        move || error().is_none()
    };
    let error_text = move || error().unwrap_or_default();
    view! {
        <div class="field">
            <label for=id>
                {field.label.clone()}
                {(!field.required).then(|| view! { <span class="muted">" ("{t.catalog_form_optional}")"</span> })}
            </label>
            {(!field.help.is_empty()).then(|| view! { <p class="hint" id=help_id>{field.help.clone()}</p> })}
            {input}
            <p class="form-error" id=error_id role="alert" hidden=error_hidden>{error_text}</p>
        </div>
    }
}

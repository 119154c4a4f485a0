//! The import page (`/administration/imports`): upload a list, read the dry run's report row by row, map
//! columns by hand when the headers differ, then import and follow the progress bar.

use super::api::{RemapImport, StartImport};
use super::{ImportCheck, ImportStatus, REPORT_ROWS, RowOutcome};
use crate::domain::access::Area;
use crate::domain::import::Column;
use crate::i18n::imports::column_label;
use crate::i18n::t;
use crate::ui::Guarded;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn ImportPage() -> impl IntoView {
    view! { <Guarded area=Area::Administration page=Arc::new(|_| view! { <Import/> }.into_any())/> }
}

fn outcome_label(outcome: RowOutcome) -> &'static str {
    let t = t();
    match outcome {
        RowOutcome::Create => t.import_outcome_create,
        RowOutcome::AlreadyImported => t.import_outcome_already,
        RowOutcome::Invalid => t.import_outcome_invalid,
        RowOutcome::Empty => t.import_outcome_empty,
    }
}

/// Sends the chosen file to `POST /api/v1/imports` as it is, and reads the report or the error.
#[cfg(feature = "hydrate")]
async fn upload(file: leptos::web_sys::File) -> Result<ImportCheck, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |_| t().import_upload_failed.to_owned();
    let init = leptos::web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&file.clone().into());
    let url = format!("/api/v1/imports?fichier={}", js_sys::encode_uri_component(&file.name()));
    let request = leptos::web_sys::Request::new_with_str_and_init(&url, &init).map_err(failed)?;
    request.headers().set("Content-Type", "application/octet-stream").map_err(failed)?;
    let window = leptos::web_sys::window().ok_or_else(|| t().import_upload_failed.to_owned())?;
    let response: leptos::web_sys::Response =
        JsFuture::from(window.fetch_with_request(&request)).await.map_err(failed)?.dyn_into().map_err(failed)?;
    let text = JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?.as_string().unwrap_or_default();
    if response.ok() {
        return serde_json::from_str(&text).map_err(|_| t().import_upload_failed.to_owned());
    }
    let message = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|body| body["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{} ({})", t().import_upload_failed, response.status()));
    Err(message)
}

#[component]
fn Import() -> impl IntoView {
    let t = t();
    let check = RwSignal::new(None::<ImportCheck>);
    let uploading = RwSignal::new(false);
    let upload_error = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            let Some(file) = file_input.get().and_then(|input| input.files()).and_then(|files| files.get(0)) else {
                return;
            };
            uploading.set(true);
            upload_error.set(None);
            leptos::task::spawn_local(async move {
                match upload(file).await {
                    Ok(report) => check.set(Some(report)),
                    Err(message) => {
                        check.set(None);
                        upload_error.set(Some(message));
                    }
                }
                uploading.set(false);
            });
        }
    };
    view! {
        <Title text=t.import_title/>
        <p><a href="/administration">"← "{crate::i18n::area_label(Area::Administration)}</a></p>
        <h1>{t.import_title}</h1>
        <p class="lead">{t.import_intro}</p>
        <form class="form panel" on:submit=on_submit data-import-upload>
            <div class="field">
                <label for="import-fichier">{t.import_file_label}</label>
                <input id="import-fichier" type="file" required node_ref=file_input accept=".xlsx,.xls,.ods,.csv,.txt"/>
            </div>
            {move || upload_error.get().map(|message| view! { <p class="notice error" role="alert">{message}</p> })}
            <button type="submit" class="button primary" disabled=move || uploading.get()>
                {move || if uploading.get() { t.import_checking } else { t.import_check }}
            </button>
        </form>
        {move || check.get().map(|report| view! { <Report report check/> })}
    }
}

#[component]
fn Report(report: ImportCheck, check: RwSignal<Option<ImportCheck>>) -> impl IntoView {
    let t = t();
    let id = report.id;
    let remap = ServerAction::<RemapImport>::new();
    let start = ServerAction::<StartImport>::new();
    let mapping = RwSignal::new(report.mapping.clone());
    Effect::new(move |_| {
        if let Some(Ok(updated)) = remap.value().get() {
            check.set(Some(updated));
        }
    });
    // Once started, the page asks for the progress every half second until the import ends.
    Effect::new(move |_| {
        if let Some(Ok(started)) = start.value().get() {
            check.set(Some(started));
            #[cfg(feature = "hydrate")]
            leptos::task::spawn_local(async move {
                loop {
                    gloo_timers::future::TimeoutFuture::new(500).await;
                    match super::api::import_status(id).await {
                        Ok(now) => {
                            let running = now.status == ImportStatus::Running;
                            check.set(Some(now));
                            if !running {
                                break;
                            }
                        }
                        Err(_) => break,
                    }
                }
            });
        }
    });
    let headers = report.headers.clone();
    let column_rows = Column::ALL
        .iter()
        .map(|column| {
            let column = *column;
            let chosen = report.mapping.get(&column).cloned();
            let headers = headers.clone();
            let id = format!("colonne-{}", column.code());
            view! {
                <tr>
                    <th scope="row"><label for=id.clone()>{column_label(column)}</label></th>
                    <td>
                        <select id=id on:change=move |ev| {
                            let value = event_target_value(&ev);
                            mapping.update(|map| {
                                if value.is_empty() { map.remove(&column); } else { map.insert(column, value); }
                            });
                        }>
                            <option value="">{t.import_column_none}</option>
                            {headers.into_iter().map(|header| {
                                let selected = chosen.as_deref() == Some(header.trim());
                                view! { <option value=header.clone() selected=selected>{header.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let counts = format!(
        "{} {} : {} {}, {} {}, {} {}, {} {}",
        report.rows_total,
        t.import_rows_total,
        report.to_create,
        t.import_to_create,
        report.already_imported,
        t.import_already,
        report.invalid,
        t.import_invalid,
        report.empty,
        t.import_empty
    );
    let may_start = report.may_start();
    let status = report.status;
    let progress = (status != ImportStatus::Checked).then(|| {
        let total = report.to_create.max(1);
        let heading = match status {
            ImportStatus::Running => t.import_running,
            ImportStatus::Done => t.import_done,
            _ => t.import_failed,
        };
        view! {
            <section class="panel" aria-labelledby="import-progres" data-import-status=status.code()>
                <h2 id="import-progres">{heading}</h2>
                <progress max=total value=report.rows_done aria-label=t.import_running>{report.rows_done}" / "{total}</progress>
                <p role="status">{format!("{} / {} — {} {}, {} {}", report.rows_done, report.to_create, report.created, t.import_created, report.skipped, t.import_skipped)}</p>
                {report.error.clone().map(|error| view! { <p class="notice error" role="alert">{error}</p> })}
            </section>
        }
    });
    let rows_cut = report.rows_total > REPORT_ROWS;
    view! {
        <section class="panel" aria-labelledby="import-rapport" data-import=id.to_string()>
            <h2 id="import-rapport">{report.file_name.clone()}</h2>
            <details open=!report.mapping_problems.is_empty()>
                <summary>{t.import_columns}</summary>
                <table>
                    <thead><tr><th>{t.import_column_ours}</th><th>{t.import_column_file}</th></tr></thead>
                    <tbody>{column_rows}</tbody>
                </table>
                <button type="button" class="button" disabled=move || status != ImportStatus::Checked
                    on:click=move |_| { remap.dispatch(RemapImport { id, mapping: mapping.get_untracked() }); }>{t.import_recheck}</button>
            </details>
            {report.mapping_problems.iter().map(|problem| view! { <p class="notice error" role="alert">{problem.clone()}</p> }).collect_view()}
            {move || remap.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            <p role="status" data-import-counts>{counts}</p>
            {report.notes.iter().map(|note| view! { <p class="notice">{note.clone()}</p> }).collect_view()}
            {(status == ImportStatus::Checked).then(|| if may_start {
                view! {
                    <button type="button" class="button primary" disabled=move || start.pending().get()
                        on:click=move |_| { start.dispatch(StartImport { id }); }>{format!("{} {} {}", t.import_start, report.to_create, t.import_to_create)}</button>
                }.into_any()
            } else if report.invalid > 0 || !report.mapping_problems.is_empty() {
                view! { <p class="notice error">{t.import_fix_first}</p> }.into_any()
            } else {
                view! { <p class="notice">{t.import_nothing_to_create}</p> }.into_any()
            })}
            {move || start.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            {rows_cut.then(|| view! { <p class="muted">{t.import_report_cut}</p> })}
            <table>
                <thead><tr><th>{t.import_col_line}</th><th>{t.import_col_outcome}</th><th>{t.import_col_reference}</th><th>{t.import_col_detail}</th></tr></thead>
                <tbody>
                    {report.rows.iter().map(|row| view! {
                        <tr data-line=row.line data-outcome=row.outcome.code()>
                            <td>{row.line}</td>
                            <td>{outcome_label(row.outcome)}</td>
                            <td>{row.reference.clone().unwrap_or_default()}</td>
                            <td>{if row.problems.is_empty() { row.summary.clone() } else { row.problems.join(" ; ") }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        {progress}
    }
}

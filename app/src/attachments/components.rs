//! What pages show of attachments: the list (previews of pictures, the other files to download) and the
//! picker (several files, the phone's camera, drag and drop on a desktop) that sends each file with its own
//! progress bar. Sent with XMLHttpRequest, the one browser API that reports an upload's progress.

use super::Attachment;
use super::api::attachment_limit;
use crate::i18n::attachments::{kind_label, limits_line, size_label};
use crate::i18n::{fill, local_time, t};
use leptos::prelude::*;

/// A ticket's or an article's files: pictures as their preview, other files as a line to download.
#[component]
pub fn AttachmentList(items: Vec<Attachment>) -> impl IntoView {
    let texts = &t().attachments;
    if items.is_empty() {
        return view! { <p class="muted" data-attachments="0">{texts.none}</p> }.into_any();
    }
    let count = items.len();
    view! {
        <ul class="attachments" data-attachments=count>
            {items.into_iter().map(|item| view! { <AttachmentItem item/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn AttachmentItem(item: Attachment) -> impl IntoView {
    let texts = &t().attachments;
    let by = match &item.uploaded_by {
        Some(name) => fill(texts.added_by, &[("name", name), ("date", &local_time(item.uploaded_at))]),
        None => local_time(item.uploaded_at),
    };
    let picture = item.preview.then(|| {
        let alt = fill(texts.preview_of, &[("name", &item.name)]);
        view! {
            <a class="attachment-preview" href=item.preview_url() target="_blank" rel="noopener">
                <img src=item.preview_url() alt=alt loading="lazy" data-preview=item.id.to_string()/>
            </a>
        }
    });
    let pending = item.preview_pending.then(|| view! { <span class="muted">{texts.preview_pending}</span> });
    view! {
        <li class="attachment" data-attachment=item.id.to_string()>
            {picture}
            <div class="attachment-line">
                <a href=item.url() download=item.name.clone()>{item.name.clone()}</a>
                " "<span class="muted">{kind_label(item.content_type)}" · "{size_label(item.size.max(0) as u64)}</span>
                {item.internal.then(|| view! { " "<span class="badge">{texts.internal_badge}</span> })}
                " "{pending}
                <br/><span class="muted small">{by}</span>
            </div>
        </li>
    }
}

/// Where a picked file is.
#[derive(Debug, Clone, PartialEq)]
pub enum PickState {
    Waiting,
    Sending,
    Sent,
    Failed(String),
}

/// A file chosen in the picker, with its progress.
#[derive(Clone)]
pub struct Picked {
    pub key: u32,
    pub name: String,
    pub size: u64,
    /// Percent sent. Reference-counted signals: a file outlives the page section that picked it (a reload
    /// after sending, the ticket page a declaration hands it to).
    pub progress: ArcRwSignal<f64>,
    pub state: ArcRwSignal<PickState>,
    #[cfg(feature = "hydrate")]
    file: send_wrapper::SendWrapper<leptos::web_sys::File>,
}

/// Files waiting to be sent (not sent yet, not refused).
pub fn waiting(picked: &[Picked]) -> usize {
    picked.iter().filter(|p| p.state.get_untracked() == PickState::Waiting).count()
}

/// The picker: choose files, take a photo (a phone offers its camera), or drop files on it. `form_name`
/// names the file input for a form posted without the WASM (none inside a server-function form).
#[component]
pub fn FilePicker(picked: RwSignal<Vec<Picked>>, #[prop(optional)] form_name: Option<&'static str>) -> impl IntoView {
    let texts = &t().attachments;
    let limit = Resource::new(|| (), |_| attachment_limit());
    let dragging = RwSignal::new(false);
    let next_key = StoredValue::new(0_u32);
    let on_change = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let input = event_target::<leptos::web_sys::HtmlInputElement>(&event);
            if let Some(files) = input.files() {
                add_files(picked, limit.get_untracked().and_then(Result::ok), next_key, &files);
            }
            // Read into the list: the input is emptied so the same file can be chosen again.
            input.set_value("");
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, next_key);
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        #[cfg(feature = "hydrate")]
        if let Some(files) = event.data_transfer().and_then(|transfer| transfer.files()) {
            add_files(picked, limit.get_untracked().and_then(Result::ok), next_key, &files);
        }
    };
    let remove = move |key: u32| picked.update(|picked| picked.retain(|p| p.key != key));
    let limit_line = move || limit.get().and_then(Result::ok).map(limits_line).unwrap_or_default();
    view! {
        <div class="file-picker" class:dragging=move || dragging.get()
            on:dragover=move |event: leptos::ev::DragEvent| { event.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <div class="file-picker-buttons">
                <label class="button">
                    {texts.choose_files}
                    <input type="file" multiple class="visually-hidden" name=form_name data-picker="files" on:change=on_change/>
                </label>
                <label class="button camera">
                    {texts.take_photo}
                    <input type="file" accept="image/*" capture="environment" class="visually-hidden" data-picker="camera" on:change=on_change/>
                </label>
                <span class="muted drop-hint">{texts.drop_here}</span>
            </div>
            <p class="hint">
                <Transition fallback=|| ()>{limit_line}</Transition>
            </p>
            <ul class="picked" aria-live="polite">
                <For each=move || picked.get() key=|p| p.key let:file>
                    <PickedLine file=file remove/>
                </For>
            </ul>
        </div>
    }
}

#[component]
fn PickedLine(file: Picked, remove: impl Fn(u32) + Copy + Send + Sync + 'static) -> impl IntoView {
    let texts = &t().attachments;
    let key = file.key;
    let state = file.state.clone();
    let progress = file.progress.clone();
    let status = {
        let (state, progress) = (state.clone(), progress.clone());
        move || match state.get() {
            PickState::Waiting => texts.waiting.to_owned(),
            PickState::Sending => format!("{} {} %", texts.sending, progress.get().round()),
            PickState::Sent => texts.sent.to_owned(),
            PickState::Failed(message) => message,
        }
    };
    let failed = {
        let state = state.clone();
        move || matches!(state.get(), PickState::Failed(_))
    };
    let alert = {
        let failed = failed.clone();
        move || failed().then_some("alert")
    };
    let (state_a, state_b) = (state.clone(), state);
    view! {
        <li class="picked-file" class:error=failed data-picked=file.name.clone()>
            <span class="picked-name">{file.name.clone()}</span>
            " "<span class="muted">{size_label(file.size)}</span>
            <progress max="100" value=move || progress.get() hidden=move || state_a.get() == PickState::Waiting></progress>
            <span class="picked-status" role=alert>{status}</span>
            <button type="button" class="button small" hidden=move || state_b.get() != PickState::Waiting
                on:click=move |_| remove(key)>{texts.remove}</button>
        </li>
    }
}

/// Adds the files a person chose or dropped; one beyond the size limit is refused at once, before sending.
#[cfg(feature = "hydrate")]
fn add_files(
    picked: RwSignal<Vec<Picked>>,
    max_bytes: Option<u64>,
    next_key: StoredValue<u32>,
    files: &leptos::web_sys::FileList,
) {
    picked.update(|picked| {
        for index in 0..files.length() {
            let Some(file) = files.get(index) else { continue };
            let size = file.size().max(0.0) as u64;
            let name = file.name();
            let state = match max_bytes {
                Some(max) if size > max => PickState::Failed(fill(
                    t().attachments.file_too_large_named,
                    &[("name", &name), ("size", &crate::i18n::megabytes(max))],
                )),
                _ => PickState::Waiting,
            };
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            picked.push(Picked {
                key,
                name,
                size,
                progress: ArcRwSignal::new(0.0),
                state: ArcRwSignal::new(state),
                file: send_wrapper::SendWrapper::new(file),
            });
        }
    });
}

/// Sends the waiting files one after the other to `url` (a ticket's or an article's attachments),
/// answering whether every one arrived.
pub async fn send_waiting(url: String, picked: Vec<Picked>, internal: bool) -> bool {
    let mut all_sent = true;
    for file in picked {
        match file.state.get_untracked() {
            PickState::Waiting => {}
            PickState::Sent => continue,
            PickState::Sending | PickState::Failed(_) => {
                all_sent = false;
                continue;
            }
        }
        file.state.set(PickState::Sending);
        match send_one(&url, &file, internal).await {
            Ok(()) => {
                file.progress.set(100.0);
                file.state.set(PickState::Sent);
            }
            Err(message) => {
                all_sent = false;
                file.state.set(PickState::Failed(message));
            }
        }
    }
    all_sent
}

#[cfg(feature = "hydrate")]
async fn send_one(url: &str, file: &Picked, internal: bool) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let failed = || t().attachments.failed.to_owned();
    let form = leptos::web_sys::FormData::new().map_err(|_| failed())?;
    form.append_with_blob_and_filename("file", &file.file, &file.name).map_err(|_| failed())?;
    if internal {
        form.append_with_str("internal", "true").map_err(|_| failed())?;
    }
    let request = leptos::web_sys::XmlHttpRequest::new().map_err(|_| failed())?;
    request.open_with_async("POST", url, true).map_err(|_| failed())?;
    request.set_request_header("Accept", "application/json").map_err(|_| failed())?;
    let progress = file.progress.clone();
    let on_progress =
        Closure::<dyn FnMut(leptos::web_sys::ProgressEvent)>::new(move |event: leptos::web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                progress.set((100.0 * event.loaded() / event.total()).min(99.0));
            }
        });
    request.upload().map_err(|_| failed())?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    // `loadend` follows success, failure and abort alike: the one event to wait for.
    let finished = js_sys::Promise::new(&mut |resolve, _reject| {
        let on_end = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        request.set_onloadend(Some(on_end.unchecked_ref()));
    });
    request.send_with_opt_form_data(Some(&form)).map_err(|_| failed())?;
    wasm_bindgen_futures::JsFuture::from(finished).await.map_err(|_| failed())?;
    drop(on_progress);
    let status = request.status().unwrap_or(0);
    if status == 201 {
        return Ok(());
    }
    let text = request.response_text().ok().flatten().unwrap_or_default();
    Err(serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|body| body["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(failed))
}

#[cfg(not(feature = "hydrate"))]
async fn send_one(_url: &str, _file: &Picked, _internal: bool) -> Result<(), String> {
    // Files are picked and sent in the browser only; the server renders the picker empty.
    Err(t().attachments.failed.to_owned())
}

/// A ticket's or an article's files, and the form that adds more when `upload_to` is given. The form is a
/// real multipart form posted to the JSON API (it works before the WASM has loaded and comes back to
/// `back_to`); once the WASM runs, it sends each file with its own progress bar instead, then bumps `sent`
/// so the page reloads what it shows.
#[component]
pub fn AttachmentsPanel(
    items: Vec<Attachment>,
    upload_to: Option<String>,
    back_to: String,
    /// Offer "internal" (the desk, on a ticket).
    allow_internal: bool,
    sent: RwSignal<u32>,
    /// The picker's files, held by the page so that a refused file still says why after the reload.
    picked: RwSignal<Vec<Picked>>,
) -> impl IntoView {
    let texts = &t().attachments;
    // A preview is made just after its upload: the page asks again shortly, a few times at most.
    if items.iter().any(|item| item.preview_pending) && sent.get_untracked() < 10 {
        #[cfg(feature = "hydrate")]
        leptos::prelude::set_timeout(move || sent.update(|count| *count += 1), std::time::Duration::from_secs(2));
    }
    let internal = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let form = upload_to.map(|url| {
        let action = url.clone();
        let send = move |url: String| {
            if sending.get_untracked() || waiting(&picked.get_untracked()) == 0 {
                return;
            }
            sending.set(true);
            leptos::task::spawn_local(async move {
                let all_sent = send_waiting(url, picked.get_untracked(), internal.get_untracked()).await;
                sending.set(false);
                if all_sent {
                    picked.set(Vec::new());
                }
                sent.update(|count| *count += 1);
            });
        };
        let on_submit = move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            send(url.clone());
        };
        view! {
            <form class="form" method="post" enctype="multipart/form-data" action=action on:submit=on_submit data-attachments-form="">
                <input type="hidden" name="retour" value=back_to/>
                <FilePicker picked form_name="file"/>
                {allow_internal.then(|| view! {
                    <label class="check">
                        <input type="checkbox" name="internal" value="true" on:change=move |ev| internal.set(event_target_checked(&ev))/>
                        " "{texts.internal}
                    </label>
                })}
                <button type="submit" class="button" disabled=move || sending.get()>
                    {move || if sending.get() { texts.sending } else { texts.send }}
                </button>
            </form>
        }
    });
    view! {
        <section class="panel" aria-labelledby="pieces-jointes">
            <h2 id="pieces-jointes">{texts.title}</h2>
            <AttachmentList items/>
            {form}
        </section>
    }
}

//! The ticket pages: "Mes demandes" for everyone and the page of one ticket with the actions the person may
//! take now. Forms post to server functions, so they also work before the WASM has loaded. The desk's queue
//! boards are in [`crate::boards`].

use super::api::{
    QualifyTicket, RateTicket, RegisterTicket, ResolveChildren, TicketComment, TicketEffort, TicketLink,
    TicketTransition, get_ticket, my_tickets, pending_approvals,
};
use super::{ApprovalDecision, QualificationRequest};
use super::{LinkKind, TicketDetail, TicketSummary, TimelineEntry};
use crate::attachments::components::{AttachmentsPanel, FilePicker, Picked, send_waiting, waiting};
use crate::domain::access::Area;
use crate::domain::people::Role;
use crate::domain::qualification::{Criticality, Impact, QualificationInput, Severity, Urgency, compute_priority};
use crate::domain::ticket::{Kind, Priority, TicketRef};
use crate::domain::workflow::is_staff;
use crate::domain::workflow::{Action, Need, StatusGroup, need_of};
use crate::error::AppError;
use crate::i18n::{
    action_label, area_label, channel_label, comment_purpose_label, domain_label, history_label, kind_label,
    link_label, pole_label, priority_label, status_label, t,
};
use crate::i18n::{
    approval_decision_label, criticality_label, explain_priority, impact_label, severity_label, typology_label,
    urgency_label,
};
use crate::knowledge::suggest::{KnowledgeSuggestions, SolvedWithoutTicket};
use crate::referential::api::load_referential;
use crate::tickets::choices::{agent_options, escalation_options};
use crate::ui::{DataTable, ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

use crate::i18n::local_time as local;

fn status_class(group: StatusGroup) -> &'static str {
    match group {
        StatusGroup::New => "status new",
        StatusGroup::Active => "status active",
        StatusGroup::Waiting => "status waiting",
        StatusGroup::Resolved => "status ok",
        StatusGroup::Closed => "status off",
    }
}

fn error_notice<T, S>(value: S) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    move || {
        value
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })
    }
}

#[component]
fn TicketTable(rows: Vec<TicketSummary>, show_requester: bool) -> impl IntoView {
    let t = t();
    if rows.is_empty() {
        return view! { <p class="muted">{t.tickets_none}</p> }.into_any();
    }
    let rows = rows
        .into_iter()
        .map(|row| {
            let href = format!("/tickets/{}", row.reference);
            view! {
                <tr data-reference=row.reference.to_string()>
                    <td><a href=href>{row.reference.to_string()}</a></td>
                    <td>{row.title}</td>
                    <td>{kind_label(row.kind)}</td>
                    <td><span class=status_class(row.status.group())>{status_label(row.status)}</span></td>
                    <td>{row.priority.code()}</td>
                    {show_requester.then(|| view! { <td>{row.requester_name.unwrap_or_default()}</td> })}
                    <td>{pole_label(row.pole)}</td>
                    <td>{row.assignee_name.unwrap_or_else(|| t.none.to_owned())}</td>
                    <td>{local(row.updated_at)}</td>
                </tr>
            }
        })
        .collect_view();
    let mut headers = vec![t.col_reference, t.col_title, t.col_kind, t.col_status, t.col_priority];
    if show_requester {
        headers.push(t.col_requester);
    }
    headers.extend([t.col_pole, t.col_assignee, t.col_updated]);
    view! { <DataTable headers>{rows}</DataTable> }.into_any()
}

#[component]
pub fn MyRequestsPage() -> impl IntoView {
    view! {
        <Guarded
            area=Area::MyRequests
            page=Arc::new(|user| view! { <MyRequests delegate=user.roles.has(Role::SiteDelegate)/> }.into_any())
        />
    }
}

/// The page of the requests waiting for the signed-in manager's decision, a task of its own: linked from
/// "Mes demandes" and named in the notification each request sends.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    view! { <Guarded area=Area::MyRequests page=Arc::new(|_| view! { <Approvals/> }.into_any())/> }
}

#[component]
fn Approvals() -> impl IntoView {
    let t = t();
    let pending = Resource::new(|| (), |_| pending_approvals());
    view! {
        <Title text=t.approvals_title/>
        <h1>{t.approvals_title}</h1>
        <p class="lead">{t.approvals_intro}</p>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match pending.await {
                    Ok(rows) if rows.is_empty() => view! { <p class="muted">{t.approvals_none}</p> }.into_any(),
                    Ok(rows) => view! {
                        <ul class="approvals panel" data-approvals>
                            {rows.into_iter().map(|row| view! {
                                <li data-reference=row.reference.to_string()>
                                    <a href=format!("/tickets/{}", row.reference)>{row.reference.to_string()}" — "{row.title}</a>
                                    <span class="muted">" · "{t.approvals_from}" "{row.requester}" · "{local(row.requested_at)}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// `delegate`: the person follows their site's tickets too, so the list names each requester.
#[component]
fn MyRequests(delegate: bool) -> impl IntoView {
    let t = t();
    let register = ServerAction::<RegisterTicket>::new();
    let tickets = Resource::new(move || register.version().get(), |_| my_tickets(None));
    // What the person describes, for the knowledge suggestions; an article that solved it ends the request.
    let typed_title = RwSignal::new(String::new());
    let typed_description = RwSignal::new(String::new());
    let described = Signal::derive(move || format!("{} {}", typed_title.get(), typed_description.get()));
    let solved = RwSignal::new(None::<String>);
    // Files chosen with the declaration: the registration then does not redirect (`files_follow`); the files
    // go with their progress, and the person lands on the ticket.
    let picked = RwSignal::new(Vec::<Picked>::new());
    let files_follow = move || if picked.with(|picked| waiting(picked)) > 0 { "1" } else { "" };
    let sending_files = RwSignal::new(None::<(String, bool)>);
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        let Some(Ok(reference)) = register.value().get() else { return };
        let files = picked.get_untracked();
        if waiting(&files) == 0 {
            return;
        }
        let reference = reference.to_string();
        sending_files.set(Some((reference.clone(), false)));
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if send_waiting(format!("/api/v1/tickets/{reference}/attachments"), files, false).await {
                navigate(&format!("/tickets/{reference}"), Default::default());
            } else {
                sending_files.set(Some((reference, true)));
            }
        });
    });
    let files_notice = move || {
        sending_files.get().map(|(reference, failed)| {
            let texts = &t.attachments;
            let template = if failed { texts.some_failed } else { texts.sending_after_registration };
            let text = crate::i18n::fill(template, &[("reference", &reference)]);
            let class = if failed { "notice error" } else { "notice" };
            view! { <p class=class role="status"><a href=format!("/tickets/{reference}")>{text}</a></p> }
        })
    };
    view! {
        <Title text=area_label(Area::MyRequests)/>
        <h1>{area_label(Area::MyRequests)}</h1>
        <section class="panel" aria-labelledby="declarer">
            <h2 id="declarer">{t.declare_title}</h2>
            {move || solved.get().map(|title| view! { <SolvedWithoutTicket title again=Callback::new(move |_| solved.set(None))/> })}
            <div hidden=move || solved.read().is_some()>
            <ActionForm action=register attr:class="form">
                <fieldset class="choices">
                    <legend>{t.declare_kind}</legend>
                    <label><input type="radio" name="kind" value=Kind::Incident.code() checked=true/>" "{t.declare_incident}</label>
                    <label><input type="radio" name="kind" value=Kind::Request.code()/>" "{t.declare_request}</label>
                </fieldset>
                <div class="field">
                    <label for="title">{t.field_title}</label>
                    <input id="title" name="title" required maxlength="200" placeholder=t.field_title_hint
                        on:input=move |ev| typed_title.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="description">{t.field_description}</label>
                    <textarea id="description" name="description" rows="5" required placeholder=t.field_description_hint
                        on:input=move |ev| typed_description.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <span class="label">{t.attachments.title}</span>
                    <FilePicker picked/>
                    <input type="hidden" name="files_follow" value=files_follow/>
                </div>
                <KnowledgeSuggestions text=described on_solved=Callback::new(move |title| solved.set(Some(title)))/>
                {error_notice(register.value())}
                {files_notice}
                <button type="submit" class="button primary">{t.declare_submit}</button>
            </ActionForm>
            </div>
        </section>
        <p><a href="/approbations">{t.approvals_link}</a></p>
        <section class="panel" aria-labelledby="suivi">
            <h2 id="suivi">{t.my_tickets_title}</h2>
            <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match tickets.await {
                        Ok(page) => view! { <TicketTable rows=page.items show_requester=delegate/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn TicketPage() -> impl IntoView {
    view! {
        <Guarded area=Area::Home page=Arc::new(|user| view! { <TicketView staff=is_staff(&user.roles)/> }.into_any())/>
    }
}

#[component]
fn TicketView(staff: bool) -> impl IntoView {
    let params = use_params_map();
    let reference = move || params.read().get("reference").and_then(|text| text.parse::<TicketRef>().ok());
    let transition = ServerAction::<TicketTransition>::new();
    let comment = ServerAction::<TicketComment>::new();
    let effort = ServerAction::<TicketEffort>::new();
    let link = ServerAction::<TicketLink>::new();
    let children = ServerAction::<ResolveChildren>::new();
    let qualify = ServerAction::<QualifyTicket>::new();
    let rate = ServerAction::<RateTicket>::new();
    // A refused qualification keeps the agent's form as it is; only a saved one reloads the ticket.
    let refreshed = RwSignal::new(0_u32);
    Effect::new(move |_| {
        if matches!(qualify.value().get(), Some(Ok(_))) || matches!(rate.value().get(), Some(Ok(_))) {
            refreshed.update(|n| *n += 1);
        }
    });
    // The referential the qualification form offers, loaded beside the ticket (desk only).
    let referential =
        Resource::new(|| (), move |_| async move { if staff { load_referential().await.map(Some) } else { Ok(None) } });
    // Blocking: the response waits for the ticket, so one that does not exist, or that the visitor may not
    // see, answers 404 (the status is set before the first byte), not 200 with an error inside.
    let ticket = Resource::new_blocking(
        move || {
            (
                reference(),
                transition.version().get(),
                comment.version().get(),
                effort.version().get(),
                link.version().get(),
                (children.version().get(), refreshed.get()),
            )
        },
        |(reference, ..)| async move {
            match reference {
                Some(reference) => get_ticket(reference).await,
                None => Err(AppError::not_found("ticket")),
            }
        },
    );
    let files = RwSignal::new(Vec::<Picked>::new());
    let actions = TicketActions { transition, comment, effort, link, children, qualify, rate, refreshed, files };
    view! {
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match (ticket.await, referential.await) {
                    (Ok(detail), Ok(referential)) => view! { <TicketBody detail actions staff referential/> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[derive(Clone, Copy)]
struct TicketActions {
    transition: ServerAction<TicketTransition>,
    comment: ServerAction<TicketComment>,
    effort: ServerAction<TicketEffort>,
    link: ServerAction<TicketLink>,
    children: ServerAction<ResolveChildren>,
    qualify: ServerAction<QualifyTicket>,
    rate: ServerAction<RateTicket>,
    /// Bumped to reload the ticket after a change made outside these actions (files sent).
    refreshed: RwSignal<u32>,
    /// The files being added, kept across the reloads they cause.
    files: RwSignal<Vec<Picked>>,
}

#[component]
fn TicketBody(
    detail: TicketDetail,
    actions: TicketActions,
    staff: bool,
    referential: Option<crate::referential::Referential>,
) -> impl IntoView {
    let t = t();
    let summary = detail.summary.clone();
    let reference = summary.reference.to_string();
    let children_reference = reference.clone();
    let comment_reference = reference.clone();
    let has_open_children =
        detail.links.iter().any(|l| l.kind == LinkKind::Child && !l.outgoing && l.other_status.is_open());
    let resolved = matches!(summary.status.group(), StatusGroup::Resolved | StatusGroup::Closed);
    view! {
        <Title text=format!("{} — {}", summary.reference, summary.title)/>
        <header class="ticket-head">
            <p class="ticket-ref">{kind_label(summary.kind)}" · "<strong>{reference.clone()}</strong></p>
            <h1>{summary.title.clone()}</h1>
            <p>
                <span class=status_class(summary.status.group()) data-status=summary.status.code()>{status_label(summary.status)}</span>
                " "<span class="badge">{priority_label(summary.priority)}</span>
            </p>
        </header>
        <div class="grid two">
            <section class="panel" aria-labelledby="faits">
                <h2 id="faits">{t.ticket_facts}</h2>
                <dl class="facts">
                    <dt>{t.col_requester}</dt><dd>{summary.requester_name.clone().unwrap_or_else(|| t.none.to_owned())}</dd>
                    <dt>{t.col_site}</dt><dd>{summary.site_name.clone()}</dd>
                    <dt>{t.col_pole}</dt><dd>{pole_label(summary.pole)}</dd>
                    <dt>{t.col_assignee}</dt><dd data-field="assignee">{summary.assignee_name.clone().unwrap_or_else(|| t.none.to_owned())}</dd>
                    <dt>{t.field_channel}</dt><dd>{channel_label(summary.channel)}</dd>
                    <dt>{t.field_domain}</dt><dd>{summary.domain.map(domain_label).unwrap_or(t.none)}</dd>
                    <dt>{t.ticket_registered}</dt><dd>{local(summary.registered_at)}</dd>
                    {detail.registered_by_name.clone().map(|name| view! { <dt>{t.ticket_registered_by}</dt><dd>{name}</dd> })}
                    {detail.source_ref.clone().map(|source| view! { <dt>{t.ticket_source}</dt><dd><code>{source}</code></dd> })}
                    {detail.waiting_since.map(|at| view! { <dt>{t.ticket_waiting_since}</dt><dd>{local(at)}</dd> })}
                    {detail.resolved_at.map(|at| view! { <dt>{t.ticket_resolved_at}</dt><dd>{local(at)}</dd> })}
                    {detail.first_contact.then(|| view! { <dt>{t.ticket_first_contact}</dt><dd>{t.yes}</dd> })}
                    {(detail.reopen_count > 0).then(|| view! { <dt>{t.ticket_reopened}</dt><dd>{detail.reopen_count}</dd> })}
                </dl>
                <h3>{t.field_description}</h3>
                <p class="prose">{detail.description.clone()}</p>
                {detail.solution.clone().map(|solution| view! { <h3>{t.ticket_solution}</h3><p class="prose" data-field="solution">{solution}</p> })}
                {detail.workaround.clone().map(|w| view! { <h3>{t.ticket_workaround}</h3><p class="prose">{w}</p> })}
            </section>
            <section class="panel" aria-labelledby="actions">
                <h2 id="actions">{t.ticket_actions}</h2>
                {error_notice(actions.transition.value())}
                {if detail.actions.is_empty() {
                    view! { <p class="muted">{t.ticket_no_action}</p> }.into_any()
                } else {
                    detail.actions.iter().map(|action| view! {
                        <ActionPanel action=*action detail=detail.clone() transition=actions.transition staff/>
                    }).collect_view().into_any()
                }}
                {(has_open_children && resolved).then(|| view! {
                    <ActionForm action=actions.children attr:class="form">
                        <input type="hidden" name="reference" value=children_reference.clone()/>
                        <button type="submit" class="button">{t.children_resolve}</button>
                    </ActionForm>
                })}
            </section>
        </div>
        <AttachmentsPanel items=detail.attachments.clone() allow_internal=staff sent=actions.refreshed
            upload_to=summary.status.is_open().then(|| format!("/api/v1/tickets/{reference}/attachments"))
            back_to=format!("/tickets/{reference}") picked=actions.files/>
        <ClocksPanel clocks=detail.clocks.clone()/>
        {detail.requester_profile.clone().map(|profile| view! { <ProfilePanel profile/> })}
        {detail.origin.clone().map(|origin| view! { <OriginPanel origin/> })}
        {detail.approval.clone().map(|approval| view! { <ApprovalPanel approval/> })}
        {(staff && detail.may_qualify).then(|| view! { <crate::triage::panel::TriageSuggestion reference=summary.reference/> })}
        {(staff || detail.qualification.is_some()).then(|| view! { <QualificationPanel detail=detail.clone() qualify=actions.qualify referential=referential.clone()/> })}
        {staff.then(|| view! { <crate::knowledge::pages::TicketArticles reference=summary.reference resolved=detail.solution.is_some()/> })}
        {(detail.may_rate || detail.rating.is_some()).then(|| view! { <RatingPanel detail=detail.clone() rate=actions.rate/> })}
        <Links detail=detail.clone() link=actions.link staff/>
        <section class="panel" aria-labelledby="fil">
            <h2 id="fil">{t.ticket_timeline}</h2>
            <ol class="timeline">
                {detail.timeline.iter().cloned().map(|entry| view! { <TimelineItem entry/> }).collect_view()}
            </ol>
            <ActionForm action=actions.comment attr:class="form">
                <input type="hidden" name="reference" value=comment_reference/>
                <div class="field">
                    <label for="comment">{t.comment_label}</label>
                    <textarea id="comment" name="body" rows="3" required></textarea>
                </div>
                {staff.then(|| view! { <label class="check"><input type="checkbox" name="internal" value="on"/>" "{t.comment_internal}</label> })}
                {error_notice(actions.comment.value())}
                <button type="submit" class="button">{t.comment_submit}</button>
            </ActionForm>
        </section>
        {staff.then(|| view! { <Effort detail=detail.clone() effort=actions.effort/> })}
    }
}

/// One action of the ticket, with the fields it needs, folded until chosen.
#[component]
fn ActionPanel(
    action: Action,
    detail: TicketDetail,
    transition: ServerAction<TicketTransition>,
    staff: bool,
) -> impl IntoView {
    let t = t();
    let summary = detail.summary.clone();
    let need = need_of(summary.kind, summary.status, action);
    let text_field = |name: &'static str, label: &'static str| {
        let id = format!("{}-{name}", action.code().to_lowercase());
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <textarea id=id name=name rows="3" required></textarea>
            </div>
        }
        .into_any()
    };
    let fields = match need {
        Need::Reason => text_field("reason", t.field_reason),
        Need::Solution => text_field("solution", t.ticket_solution),
        Need::Question => text_field("question", t.field_question),
        Need::Answer => text_field("answer", t.field_answer),
        Need::Workaround => text_field("workaround", t.ticket_workaround),
        Need::Assignee => {
            let options = agent_options(detail.pole_agents.iter().map(|p| (p.id, p.name.clone())));
            view! { <div class="field"><label for="assignee">{t.col_assignee}</label><select id="assignee" name="assignee" required>{options}</select></div> }.into_any()
        }
        Need::PoleAndReason => {
            let options = escalation_options(summary.pole);
            view! {
                <div class="field"><label for="escalate-pole">{t.field_target_pole}</label><select id="escalate-pole" name="pole" required>{options}</select></div>
                {text_field("reason", t.field_reason)}
            }
            .into_any()
        }
        Need::LinkedIncident => view! {
            <div class="field"><label for="incident">{t.field_incident}</label><input id="incident" name="incident" required placeholder="INC-2026-000123"/></div>
        }
        .into_any(),
        Need::Nothing | Need::ConfirmationDelayElapsed => ().into_any(),
    };
    let immediate = matches!(need, Need::Nothing);
    let form = view! {
        <ActionForm action=transition attr:class="form action-form">
            <input type="hidden" name="reference" value=summary.reference.to_string()/>
            <input type="hidden" name="action" value=action.code()/>
            <input type="hidden" name="version" value=summary.version/>
            {fields}
            {staff.then(|| view! {
                <div class="field narrow-field">
                    <label for=format!("{}-minutes", action.code().to_lowercase())>{t.field_minutes}</label>
                    <input id=format!("{}-minutes", action.code().to_lowercase()) name="minutes" type="number" min="1" max="1440" inputmode="numeric"/>
                </div>
            })}
            <button type="submit" class="button primary" data-action=action.code()>{action_label(action)}</button>
        </ActionForm>
    };
    if immediate && !staff {
        form.into_any()
    } else {
        view! { <details class="action" open=immediate><summary>{action_label(action)}</summary>{form}</details> }
            .into_any()
    }
}

/// A change of priority recorded in a history entry, with its reason: ` : P3 → P2 (motif)`.
fn priority_change(detail: &serde_json::Value) -> Option<String> {
    let read = |key: &str| detail.get(key).and_then(|value| value.as_str()).and_then(Priority::from_code);
    let (before, after) = (read("priorite_avant")?, read("priorite")?);
    (before != after).then(|| {
        let reason = detail.get("motif").and_then(|value| value.as_str()).map(|reason| format!(" ({reason})"));
        format!(" : {before} → {after}{}", reason.unwrap_or_default())
    })
}

#[component]
fn TimelineItem(entry: TimelineEntry) -> impl IntoView {
    let t = t();
    match entry {
        TimelineEntry::Change { at, actor, action, from, to, detail } => view! {
            <li class="timeline-change">
                <time>{local(at)}</time>" — "<strong>{history_label(&action)}</strong>
                {actor.map_or_else(|| format!(" {}", t.by_system), |name| format!(" {} {name}", t.by))}
                {(from != Some(to)).then(|| format!(" : {} → {}", from.map(status_label).unwrap_or(t.none), status_label(to)))}
                {priority_change(&detail)}
            </li>
        }
        .into_any(),
        TimelineEntry::Comment { at, author, internal, purpose, body } => view! {
            <li class=if internal { "timeline-comment internal" } else { "timeline-comment" }>
                <time>{local(at)}</time>" — "<strong>{comment_purpose_label(purpose)}</strong>
                {internal.then(|| view! { " " <span class="badge">{t.comment_internal_badge}</span> })}
                {author.map(|name| format!(" {} {name}", t.by))}
                <p class="prose">{body}</p>
            </li>
        }
        .into_any(),
        TimelineEntry::Effort { at, agent, minutes, note } => view! {
            <li class="timeline-effort">
                <time>{local(at)}</time>" — "{format!("{minutes} min {} {agent}", t.by)}{note.map(|n| format!(" : {n}"))}
            </li>
        }
        .into_any(),
    }
}

#[component]
fn Links(detail: TicketDetail, link: ServerAction<TicketLink>, staff: bool) -> impl IntoView {
    let t = t();
    let reference = detail.summary.reference.to_string();
    let items = detail
        .links
        .iter()
        .map(|l| {
            let href = format!("/tickets/{}", l.other);
            view! { <li>{link_label(l.kind, l.outgoing)}" : "<a href=href>{l.other.to_string()}</a>" — "{l.other_title.clone()}" ("{status_label(l.other_status)}")"</li> }
        })
        .collect_view();
    let kinds = LinkKind::ALL
        .iter()
        .filter(|kind| kind.joins().0.contains(&detail.summary.kind))
        .map(|kind| view! { <option value=kind.code()>{link_label(*kind, true)}</option> })
        .collect_view();
    let can_link = staff && LinkKind::ALL.iter().any(|kind| kind.joins().0.contains(&detail.summary.kind));
    (staff || !detail.links.is_empty()).then(|| view! {
        <section class="panel" aria-labelledby="liens">
            <h2 id="liens">{t.links_title}</h2>
            <ul class="links">{items}</ul>
            {can_link.then(|| view! {
                <ActionForm action=link attr:class="form inline-form">
                    <input type="hidden" name="reference" value=reference.clone()/>
                    <div class="field"><label for="link-kind">{t.links_kind}</label><select id="link-kind" name="kind">{kinds}</select></div>
                    <div class="field"><label for="link-target">{t.links_target}</label><input id="link-target" name="target" required placeholder="PRB-2026-000001"/></div>
                    <button type="submit" class="button">{t.links_submit}</button>
                </ActionForm>
                {error_notice(link.value())}
            })}
        </section>
    })
}

#[component]
fn Effort(detail: TicketDetail, effort: ServerAction<TicketEffort>) -> impl IntoView {
    let t = t();
    let per_pole = detail
        .effort
        .by_pole
        .iter()
        .map(|(pole, minutes)| format!("{} : {minutes} min", pole_label(*pole)))
        .collect::<Vec<_>>()
        .join(" · ");
    let per_agent = detail
        .effort
        .by_agent
        .iter()
        .map(|(agent, minutes)| format!("{agent} : {minutes} min"))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <section class="panel" aria-labelledby="temps">
            <h2 id="temps">{t.effort_title}</h2>
            <p data-field="effort-total">{format!("{} : {} min", t.effort_total, detail.effort.total_minutes)}</p>
            {(!per_pole.is_empty()).then(|| view! { <p class="muted">{per_pole}</p><p class="muted">{per_agent}</p> })}
            <ActionForm action=effort attr:class="form inline-form">
                <input type="hidden" name="reference" value=detail.summary.reference.to_string()/>
                <div class="field narrow-field"><label for="effort-minutes">{t.field_minutes}</label><input id="effort-minutes" name="minutes" type="number" min="1" max="1440" required inputmode="numeric"/></div>
                <div class="field"><label for="effort-note">{t.effort_note}</label><input id="effort-note" name="note"/></div>
                <button type="submit" class="button">{t.effort_submit}</button>
            </ActionForm>
            {error_notice(effort.value())}
        </section>
    }
}

/// The answers to the catalog form the request was made with.
#[component]
fn OriginPanel(origin: super::CatalogOrigin) -> impl IntoView {
    let t = t();
    view! {
        <section class="panel" aria-labelledby="formulaire">
            <h2 id="formulaire">{t.origin_title}" — "{origin.title}</h2>
            <dl class="facts">
                {origin.answers.into_iter().map(|answer| view! { <dt>{answer.label}</dt><dd data-answer=answer.key>{answer.display}</dd> }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn ApprovalPanel(approval: super::ApprovalView) -> impl IntoView {
    let t = t();
    let (lead, class) = match approval.decision {
        None => (t.approval_pending, "status waiting"),
        Some(ApprovalDecision::Approved) => (t.approval_approved, "status ok"),
        Some(ApprovalDecision::Refused) => (t.approval_refused, "status off"),
    };
    view! {
        <section class="panel" aria-labelledby="approbation">
            <h2 id="approbation">{t.approval_title}</h2>
            <p data-approval=approval.decision.map_or("EN_ATTENTE", |d| d.code())>
                <span class=class>{approval.decision.map_or(t.approval_pending, approval_decision_label)}</span>
                " "{lead}" "<strong>{approval.approver.name}</strong>
                {approval.decided_at.map(|at| format!(" ({})", local(at)))}
            </p>
            {approval.reason.map(|reason| view! { <p class="prose">{reason}</p> })}
        </section>
    }
}

/// A `<select>` of codes with an empty first option; `current` is preselected.
fn code_select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    all: &'static [T],
    label: fn(T) -> &'static str,
    code: fn(T) -> &'static str,
    current: Option<T>,
    empty: Option<&'static str>,
    on_pick: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| {
            let picked = event_target_value(&ev);
            on_pick(all.iter().copied().find(|v| code(*v) == picked));
        }>
            {empty.map(|text| view! { <option value="" selected=current.is_none()>{text}</option> })}
            {all.iter().copied().map(|value| view! {
                <option value=code(value) selected=current == Some(value)>{label(value)}</option>
            }).collect_view()}
        </select>
    }
}

/// How the ticket was qualified, in words; for the desk, the form that qualifies it again.
#[component]
fn QualificationPanel(
    detail: TicketDetail,
    qualify: ServerAction<QualifyTicket>,
    referential: Option<crate::referential::Referential>,
) -> impl IntoView {
    let t = t();
    let current = detail.qualification.clone();
    let summary = detail.summary.clone();
    let shown = current.clone().map(|q| {
        view! {
            <p class="explanation" data-explanation>{q.explanation.clone()}</p>
            <dl class="facts">
                {q.category_label.clone().map(|label| view! { <dt>{t.field_category}</dt><dd>{label}</dd> })}
                {q.environment_label.clone().map(|label| view! { <dt>{t.field_environment}</dt><dd>{label}</dd> })}
                <dt>{t.field_impact}</dt><dd>{impact_label(q.impact)}</dd>
                <dt>{t.field_urgency}</dt><dd>{urgency_label(q.urgency)}</dd>
                {q.criticality.map(|c| view! { <dt>{t.field_criticality}</dt><dd>{criticality_label(c)}</dd> })}
                {q.severity.map(|s| view! { <dt>{t.field_severity}</dt><dd>{severity_label(s)}</dd> })}
                {q.business_deadline.map(|d| view! { <dt>{t.field_deadline}</dt><dd>{d.format("%d/%m/%Y").to_string()}</dd> })}
                {q.override_reason.clone().map(|reason| view! { <dt>{t.field_override_reason}</dt><dd>{reason}</dd> })}
                {q.qualified_by.clone().map(|name| view! { <dt>{t.qualification_by}</dt><dd>{name}" — "{local(q.qualified_at)}</dd> })}
            </dl>
        }
    });
    let draft = RwSignal::new(QualificationRequest {
        version: summary.version,
        category: current.as_ref().and_then(|q| q.category),
        environment: current.as_ref().and_then(|q| q.environment),
        impact: current.as_ref().map_or(Impact::User, |q| q.impact),
        urgency: current.as_ref().map_or(Urgency::Normal, |q| q.urgency),
        criticality: current.as_ref().and_then(|q| q.criticality),
        severity: current.as_ref().and_then(|q| q.severity),
        business_deadline: current.as_ref().and_then(|q| q.business_deadline),
        priority: None,
        override_reason: None,
    });
    let reference = summary.reference;
    let profile = detail.requester_profile.clone();
    let clock = crate::clock::use_clock();
    let editor = referential.filter(|_| detail.may_qualify).map(|data| {
        let kind = summary.kind;
        let categories: Vec<(String, String)> = data
            .categories
            .iter()
            .filter(|c| c.active && c.allowed_kinds.contains(&kind))
            .filter_map(|c| Some((c.id?.to_string(), format!("{} › {}", domain_label(c.domain), data.category_path(c.id?)?))))
            .collect();
        let items: Vec<(String, String)> = data
            .environment
            .iter()
            .filter(|e| e.active)
            .filter_map(|e| Some((e.id?.to_string(), format!("{} ({})", e.label, criticality_label(e.criticality)))))
            .collect();
        // The priority these answers give, explained, before anything is saved.
        let preview = {
            let data = data.clone();
            move || {
                let given = draft.get();
                let affected = given.environment.and_then(|id| data.environment_item(id)).map(|e| (e.kind, e.criticality));
                let input = QualificationInput {
                    kind,
                    impact: given.impact,
                    urgency: given.urgency,
                    criticality: given.criticality.or(affected.map(|(_, c)| c)),
                    affected: affected.map(|(k, _)| k),
                    business_deadline: given.business_deadline,
                    requester_typology: profile.as_ref().map(|p| p.typology),
                    typology_raises_incidents: profile.as_ref().is_some_and(|p| p.raises_incident_priority),
                };
                let today = clock.now().with_timezone(&chrono_tz::Europe::Paris).date_naive();
                let decision = compute_priority(&data.matrix, data.rules, &input, today);
                explain_priority(&decision, given.priority)
            }
        };
        let selected_category = draft.with_untracked(|d| d.category.map(|c| c.to_string()));
        let selected_item = draft.with_untracked(|d| d.environment.map(|e| e.to_string()));
        view! {
            <form class="form" data-qualify on:submit=move |ev| {
                ev.prevent_default();
                qualify.dispatch(QualifyTicket { reference, request: draft.get_untracked() });
            }>
                <div class="field-row">
                    <div class="field">
                        <label for="q-category">{t.field_category}</label>
                        <select id="q-category" on:change=move |ev| draft.update(|d| d.category = event_target_value(&ev).parse().ok().map(crate::domain::ids::CategoryId))>
                            <option value="">{t.none_option}</option>
                            {categories.into_iter().map(|(value, label)| {
                                let selected = selected_category.as_deref() == Some(value.as_str());
                                view! { <option value=value selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="q-environment">{t.field_environment}</label>
                        <select id="q-environment" on:change=move |ev| draft.update(|d| d.environment = event_target_value(&ev).parse().ok().map(crate::domain::ids::EnvironmentId))>
                            <option value="">{t.none_option}</option>
                            {items.into_iter().map(|(value, label)| {
                                let selected = selected_item.as_deref() == Some(value.as_str());
                                view! { <option value=value selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <div class="field"><label for="q-impact">{t.field_impact}</label>
                        {code_select("q-impact", Impact::ALL, impact_label, |v| v.code(), Some(draft.with_untracked(|d| d.impact)), None, move |v| if let Some(v) = v { draft.update(|d| d.impact = v) })}</div>
                    <div class="field"><label for="q-urgency">{t.field_urgency}</label>
                        {code_select("q-urgency", Urgency::ALL, urgency_label, |v| v.code(), Some(draft.with_untracked(|d| d.urgency)), None, move |v| if let Some(v) = v { draft.update(|d| d.urgency = v) })}</div>
                    <div class="field"><label for="q-criticality">{t.field_criticality}</label>
                        {code_select("q-criticality", Criticality::ALL, criticality_label, |v| v.code(), draft.with_untracked(|d| d.criticality), Some(t.none_option), move |v| draft.update(|d| d.criticality = v))}</div>
                    <div class="field"><label for="q-severity">{t.field_severity}</label>
                        {code_select("q-severity", Severity::ALL, severity_label, |v| v.code(), draft.with_untracked(|d| d.severity), Some(t.none_option), move |v| draft.update(|d| d.severity = v))}</div>
                    <div class="field"><label for="q-deadline">{t.field_deadline}</label>
                        <input id="q-deadline" type="date" value=draft.with_untracked(|d| d.business_deadline.map(|d| d.to_string()).unwrap_or_default())
                            on:input=move |ev| draft.update(|d| d.business_deadline = event_target_value(&ev).parse().ok())/></div>
                </div>
                <div class="field-row">
                    <div class="field"><label for="q-priority">{t.field_priority_kept}</label>
                        {code_select("q-priority", Priority::ALL, priority_label, |v| v.code(), None, Some(t.qualification_computed), move |v| draft.update(|d| d.priority = v))}</div>
                    <div class="field"><label for="q-reason">{t.field_override_reason}</label>
                        <input id="q-reason" on:input=move |ev| draft.update(|d| d.override_reason = Some(event_target_value(&ev)))/></div>
                </div>
                <p class="explanation" aria-live="polite" data-preview>{t.qualification_preview}" : "{preview}</p>
                {error_notice(qualify.value())}
                <button type="submit" class="button primary">{t.qualification_submit}</button>
            </form>
        }
    });
    view! {
        <section class="panel" aria-labelledby="qualification">
            <h2 id="qualification">{t.qualification_title}</h2>
            {match shown {
                Some(shown) => shown.into_any(),
                None => view! { <p class="muted">{t.qualification_none}</p> }.into_any(),
            }}
            {editor}
        </section>
    }
}

/// The requester's rating of the service, or the form that gives it.
#[component]
fn RatingPanel(detail: TicketDetail, rate: ServerAction<RateTicket>) -> impl IntoView {
    let t = t();
    let body = match detail.rating {
        Some(rating) => view! {
            <p data-rating=rating.rating>{t.rating_given}" : "<strong>{format!("{} / 5", rating.rating)}</strong></p>
            {rating.comment.map(|comment| view! { <p class="prose">{comment}</p> })}
        }
        .into_any(),
        None => view! {
            <ActionForm action=rate attr:class="form">
                <input type="hidden" name="reference" value=detail.summary.reference.to_string()/>
                <fieldset class="choices rating">
                    <legend>{t.rating_label}</legend>
                    {(1..=5).map(|value| view! {
                        <label><input type="radio" name="rating" value=value required=true/>" "{value}</label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="rating-comment">{t.rating_comment}</label>
                    <textarea id="rating-comment" name="comment" rows="2" maxlength="2000"></textarea>
                </div>
                {error_notice(rate.value())}
                <button type="submit" class="button">{t.rating_submit}</button>
            </ActionForm>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="avis">
            <h2 id="avis">{t.rating_title}</h2>
            {body}
        </section>
    }
}

/// Who the requester is to the desk: their typology, its handling rule, how to reach them.
#[component]
fn ProfilePanel(profile: super::RequesterProfile) -> impl IntoView {
    let t = t();
    view! {
        <section class="panel" aria-labelledby="demandeur" data-typology=profile.typology.code()>
            <h2 id="demandeur">{t.profile_title}" — "{typology_label(profile.typology)}</h2>
            <p>{profile.handling}</p>
            <p class="muted">
                {profile.login}
                {profile.phone.map(|phone| view! { " · "<a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a> })}
                {profile.call_back_by_phone.then(|| view! { " · "<strong>{t.profile_call_back}</strong> })}
            </p>
        </section>
    }
}

/// The ticket's deadlines: for each clock its target, deadline, business time left and state in words, the
/// pauses that moved it and the escalations that fired.
#[component]
fn ClocksPanel(clocks: Vec<crate::sla::ClockView>) -> impl IntoView {
    use crate::i18n::{band_label, business_duration, escalation_action_label, measure_label};
    use crate::sla::band_class;
    let t = t();
    let body = if clocks.is_empty() {
        view! { <p class="muted">{t.clocks_none}</p> }.into_any()
    } else {
        let rows = clocks
            .iter()
            .map(|clock| {
                let cycle = (clock.cycle > 1 || clock.measure == crate::domain::sla::Measure::PoleHandling)
                    .then(|| format!(" — {} {} ({})", t.clocks_cycle, clock.cycle, pole_label(clock.pole)));
                let due = match clock.due {
                    Some(at) => local(at),
                    None => t.clocks_due_when_resumed.to_owned(),
                };
                let state = match (clock.met, clock.paused) {
                    (Some(true), _) => view! { <span class="band band-comfortable">{t.clocks_met}</span> }.into_any(),
                    (Some(false), _) => view! { <span class="band band-breached">{t.clocks_missed}</span> }.into_any(),
                    (None, true) => view! { <span class="badge">{t.clocks_paused}</span> }.into_any(),
                    (None, false) => {
                        view! { <span class=band_class(clock.band)>{band_label(clock.band)}</span> }.into_any()
                    }
                };
                let left = if clock.stopped.is_some() {
                    t.none.to_owned()
                } else {
                    business_duration(clock.remaining_minutes)
                };
                view! {
                    <tr data-measure=clock.measure.code() data-cycle=clock.cycle>
                        <td>{measure_label(clock.measure)}{cycle}</td>
                        <td>{business_duration(i64::from(clock.target_minutes))}</td>
                        <td data-field="due">{due}</td>
                        <td data-field="left">{left}</td>
                        <td data-field="state">{state}</td>
                    </tr>
                }
            })
            .collect_view();
        let pauses = clocks
            .iter()
            .filter(|clock| clock.measure == crate::domain::sla::Measure::TimeToResolve)
            .flat_map(|clock| clock.pauses.clone())
            .map(|pause| {
                let until = pause.until.map_or_else(|| t.clocks_pause_running.to_owned(), local);
                let line = format!("{} → {until} ({})", local(pause.from), business_duration(pause.business_minutes));
                view! { <li>{line}</li> }
            })
            .collect::<Vec<_>>();
        let escalations = clocks
            .iter()
            .flat_map(|clock| clock.escalations.iter().map(move |step| (clock.measure, step.clone())))
            .map(|(measure, step)| {
                view! {
                    <li data-escalation=step.percent>
                        {local(step.fired_at)}" — "{measure_label(measure)}" "{step.percent}" % : "
                        {escalation_action_label(step.action)}
                        {step.late.then(|| view! { " ("{t.clocks_late}", "{t.clocks_col_due}" "{local(step.due_at)}")" })}
                    </li>
                }
            })
            .collect::<Vec<_>>();
        view! {
            <DataTable headers=vec![
                t.clocks_col_measure, t.clocks_col_target, t.clocks_col_due, t.clocks_col_left, t.clocks_col_state,
            ]>{rows}</DataTable>
            {(!pauses.is_empty()).then(|| view! { <h3>{t.clocks_pauses}</h3><ul class="pauses">{pauses}</ul> })}
            {(!escalations.is_empty()).then(|| view! {
                <h3>{t.clocks_escalations}</h3><ul class="escalations">{escalations}</ul>
            })}
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="delais" data-clocks>
            <h2 id="delais">{t.clocks_title}</h2>
            <p class="muted">{t.clocks_intro}</p>
            {body}
        </section>
    }
}

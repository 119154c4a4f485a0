//! The board's two layouts, a list by SLA risk and status columns, with each ticket's countdown in words
//! beside its colour.

use super::state::{BoardState, run_action};
use crate::auth::CurrentUser;
use crate::boards::{BoardAction, offered_actions};
use crate::domain::board::{BoardCounts, BoardScope, BoardTicket, COLUMNS, MinuteCountdown, WorkshopJob};
use crate::domain::people::Pole;
use crate::domain::sla::Band;
use crate::domain::workflow::{Action, StatusGroup};
use crate::i18n::{action_label, band_label, kind_label, priority_label, status_group_label, status_label, t};
use crate::sla::band_class;
use chrono::Duration;
use leptos::prelude::*;

/// A deadline in words beside its colour: the band, then the business time left or overdue.
pub(super) fn countdown_text(measure_and_left: (crate::domain::sla::Measure, Duration, bool)) -> String {
    let t = t();
    let (measure, left, paused) = measure_and_left;
    let seconds = left.num_seconds();
    let amount = if seconds.abs() < 3600 {
        format!("{} min {:02} s", seconds.abs() / 60, seconds.abs() % 60)
    } else {
        crate::i18n::business_duration(seconds.abs() / 60)
    };
    let what = crate::i18n::measure_short_label(measure);
    if paused {
        t.board_paused.replace("{what}", what).replace("{left}", &amount)
    } else if seconds >= 0 {
        t.board_left.replace("{what}", what).replace("{left}", &amount)
    } else {
        t.board_overdue.replace("{what}", what).replace("{left}", &amount)
    }
}

#[component]
pub(super) fn Countdown(state: BoardState, ticket: BoardTicket) -> impl IntoView {
    let clock = ticket.clock;
    let counted = Memo::new(move |_| {
        let minute = state.minute.get();
        clock.as_ref().and_then(|clock| state.calendars.with(|calendars| MinuteCountdown::of(clock, calendars, minute)))
    });
    move || {
        let now = state.now.get();
        match counted.get().map(|counted| counted.at(now)) {
            None => view! { <span class="muted" data-field="countdown">{t().board_no_deadline}</span> }.into_any(),
            Some(countdown) => view! {
                <span data-field="countdown" data-band=band_code(countdown.band)>
                    <span class=band_class(countdown.band)>{band_label(countdown.band)}</span>
                    " "
                    <span class="countdown">{countdown_text((countdown.measure, countdown.remaining, countdown.paused))}</span>
                </span>
            }
            .into_any(),
        }
    }
}

pub(super) fn band_code(band: Band) -> &'static str {
    match band {
        Band::Comfortable => "comfortable",
        Band::AtRisk => "at-risk",
        Band::Critical => "critical",
        Band::Breached => "breached",
    }
}

/// What the Atelier does for a ticket, and on what.
pub(super) fn workshop_job(ticket: &BoardTicket) -> String {
    let t = t();
    let job = match WorkshopJob::of(ticket.kind) {
        WorkshopJob::Repair => t.board_job_repair,
        WorkshopJob::Preparation => t.board_job_preparation,
        WorkshopJob::Other => kind_label(ticket.kind),
    };
    match &ticket.request_type {
        Some(request) => format!("{job} — {request}"),
        None => job.to_owned(),
    }
}

#[component]
pub(super) fn TakeButton(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket) -> impl IntoView {
    let offered = user.with_value(|user| offered_actions(&ticket, user)).contains(&Action::Take);
    offered.then(|| {
        let ticket = ticket.clone();
        view! {
            <button type="button" class="button small" data-action="take"
                on:click=move |ev| {
                    ev.stop_propagation();
                    run_action(state, user, ticket.clone(), BoardAction::Take)
                }>{action_label(Action::Take)}</button>
        }
    })
}

#[component]
pub(super) fn BoardList(
    state: BoardState,
    shown: Memo<Vec<BoardTicket>>,
    user: StoredValue<CurrentUser>,
) -> impl IntoView {
    let t = t();
    let workshop = state.scope == BoardScope::Pole(Pole::Atelier);
    view! {
        <div class="table-scroll">
            <table class="data board-list">
                <thead>
                    <tr>
                        <th scope="col">{t.col_reference}</th>
                        <th scope="col">{t.board_deadline}</th>
                        <th scope="col">{t.col_priority}</th>
                        <th scope="col">{t.col_title}</th>
                        <th scope="col">{if workshop { t.board_stage } else { t.col_status }}</th>
                        {workshop.then(|| view! { <th scope="col">{t.board_job}</th><th scope="col">{t.board_asset}</th> })}
                        <th scope="col">{t.col_site}</th>
                        <th scope="col">{t.col_requester}</th>
                        <th scope="col">{t.col_assignee}</th>
                        <th scope="col"><span class="visually-hidden">{t.board_actions}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|ticket| (ticket.id, ticket.version, ticket.updated_at, ticket.status, ticket.assignee, ticket.priority, ticket.pole) let:ticket>
                        <BoardRow state user ticket workshop/>
                    </For>
                </tbody>
            </table>
            {move || shown.read().is_empty().then(|| view! { <p class="muted">{t.board_empty}</p> })}
        </div>
    }
}

#[component]
pub(super) fn BoardRow(
    state: BoardState,
    user: StoredValue<CurrentUser>,
    ticket: BoardTicket,
    workshop: bool,
) -> impl IntoView {
    let id = ticket.id;
    let reference = ticket.reference.to_string();
    let selected = move || state.selected.get() == Some(id);
    view! {
        <tr data-reference=reference.clone() data-ticket=id.0 data-updated=ticket.updated_at.to_rfc3339() aria-selected=move || selected().to_string()
            class=move || if selected() { "selected" } else { "" }
            on:click=move |_| state.select(id)>
            <td class="reference"><a href=format!("/tickets/{reference}")>{reference.clone()}</a></td>
            <td><Countdown state ticket=ticket.clone()/></td>
            <td data-field="priority"><span class=format!("priority {}", ticket.priority.code().to_lowercase())>{priority_label(ticket.priority)}</span></td>
            <td class="title" title=ticket.title.clone()>{ticket.title.clone()}</td>
            <td>
                <span data-field="status">{status_label(ticket.status)}</span><br/>
                <small class="muted" data-field="updated">{format!("{} {}", t().board_updated, crate::i18n::local_time(ticket.updated_at))}</small>
            </td>
            {workshop.then(|| view! {
                <td data-field="job">{workshop_job(&ticket)}</td>
                <td data-field="asset">{ticket.asset.clone().unwrap_or_else(|| t().none.to_owned())}</td>
            })}
            <td>{ticket.site_name.clone()}</td>
            <td>{ticket.requester_name.clone().unwrap_or_else(|| t().none.to_owned())}</td>
            <td data-field="assignee">{ticket.assignee_name.clone().unwrap_or_else(|| t().board_nobody.to_owned())}</td>
            <td><TakeButton state user ticket=ticket.clone()/></td>
        </tr>
    }
}

#[component]
pub(super) fn BoardColumns(
    state: BoardState,
    shown: Memo<Vec<BoardTicket>>,
    counted: Memo<BoardCounts>,
    user: StoredValue<CurrentUser>,
) -> impl IntoView {
    let workshop = state.scope == BoardScope::Pole(Pole::Atelier);
    let column = move |group: StatusGroup| {
        let in_column =
            Memo::new(move |_| shown.read().iter().filter(|t| t.status.group() == group).cloned().collect::<Vec<_>>());
        let count = move || counted.read().groups.iter().find(|(g, _)| *g == group).map_or(0, |(_, n)| *n);
        view! {
            <section class="board-column" data-column=group.code() aria-label=status_group_label(group)>
                <h3>{status_group_label(group)}" "<span class="count" data-field="column-count">{count}</span></h3>
                <ul class="cards">
                    <For each=move || in_column.get() key=|ticket| (ticket.id, ticket.version, ticket.updated_at, ticket.status, ticket.assignee, ticket.priority, ticket.pole) let:ticket>
                        <BoardCard state user ticket workshop/>
                    </For>
                </ul>
            </section>
        }
    };
    view! { <div class="board-columns">{COLUMNS.into_iter().map(column).collect_view()}</div> }
}

#[component]
pub(super) fn BoardCard(
    state: BoardState,
    user: StoredValue<CurrentUser>,
    ticket: BoardTicket,
    workshop: bool,
) -> impl IntoView {
    let id = ticket.id;
    let reference = ticket.reference.to_string();
    let selected = move || state.selected.get() == Some(id);
    view! {
        <li class=move || if selected() { "card selected" } else { "card" } data-reference=reference.clone()
            aria-selected=move || selected().to_string() on:click=move |_| state.select(id)>
            <p class="card-head">
                <a href=format!("/tickets/{reference}")>{reference.clone()}</a>" "
                <span class=format!("priority {}", ticket.priority.code().to_lowercase())>{priority_label(ticket.priority)}</span>
            </p>
            <p class="card-title">{ticket.title.clone()}</p>
            {workshop.then(|| view! {
                <p class="muted" data-field="job">{workshop_job(&ticket)}
                    {ticket.asset.clone().map(|asset| view! { " · " <span data-field="asset">{asset}</span> })}
                </p>
            })}
            <p><Countdown state ticket=ticket.clone()/></p>
            <p class="muted">{ticket.site_name.clone()}" · "<span data-field="assignee">{ticket.assignee_name.clone().unwrap_or_else(|| t().board_nobody.to_owned())}</span></p>
            <TakeButton state user ticket=ticket.clone()/>
        </li>
    }
}

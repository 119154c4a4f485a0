//! The actions on the selected ticket beside the board: take, assign, escalate, change the priority.

use super::layout::TakeButton;
use super::state::{ActionDrafts, BoardState, Notice, run_action};
use crate::auth::CurrentUser;
use crate::boards::{BoardAction, may_reprioritise, offered_actions};
use crate::domain::board::BoardTicket;
use crate::domain::ids::UserId;
use crate::domain::people::Pole;
use crate::domain::ticket::Priority;
use crate::domain::workflow::Action;
use crate::i18n::{action_label, t};
use crate::tickets::choices::{agent_options, escalation_options, priority_options};
use leptos::prelude::*;

/// The actions on the selected ticket: assign, escalate, change the priority (taking is on every row).
#[component]
pub(super) fn ActionPanel(state: BoardState, user: StoredValue<CurrentUser>) -> impl IntoView {
    let t = t();
    let selected = Memo::new(move |_| {
        let id = state.selected.get()?;
        state.tickets.with(|tickets| tickets.iter().find(|t| t.id == id).cloned())
    });
    view! {
        <aside class="board-actions" aria-labelledby="board-actions-title" data-selected=move || selected.get().map(|t| t.reference.to_string())>
            <h3 id="board-actions-title">{t.board_actions}</h3>
            {move || match selected.get() {
                None => view! { <p class="muted">{t.board_select_hint}</p> }.into_any(),
                Some(ticket) => view! { <TicketActions state user ticket/> }.into_any(),
            }}
        </aside>
    }
}

#[component]
pub(super) fn TicketActions(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket) -> impl IntoView {
    let t = t();
    let offered = user.with_value(|user| offered_actions(&ticket, user));
    let reprioritise = user.with_value(|user| may_reprioritise(&ticket, user));
    let drafts = state.drafts;
    let draft = move |read: fn(&ActionDrafts) -> &String| drafts.with(|d| read(d).clone());
    let write = move |field: fn(&mut ActionDrafts) -> &mut String| {
        move |ev: leptos::ev::Event| drafts.update(|d| *field(d) = event_target_value(&ev))
    };
    let refuse = move |message: &str| state.notice.set(Some(Notice::Refused(message.to_owned())));
    let reference = ticket.reference.to_string();
    let assign = {
        let ticket = ticket.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match drafts.with_untracked(|d| d.assignee.parse::<i64>()) {
                Ok(id) => run_action(state, user, ticket.clone(), BoardAction::Assign { assignee: UserId(id) }),
                Err(_) => refuse(t.board_pick_agent),
            }
        }
    };
    let escalate = {
        let ticket = ticket.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match drafts.with_untracked(|d| Pole::from_code(&d.pole)) {
                Some(pole) => run_action(
                    state,
                    user,
                    ticket.clone(),
                    BoardAction::Escalate { pole, reason: drafts.with_untracked(|d| d.escalate_reason.clone()) },
                ),
                None => refuse(t.board_pick_pole),
            }
        }
    };
    let change_priority = {
        let ticket = ticket.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            match drafts.with_untracked(|d| Priority::from_code(&d.priority)) {
                Some(chosen) => run_action(
                    state,
                    user,
                    ticket.clone(),
                    BoardAction::Reprioritise {
                        priority: chosen,
                        reason: drafts.with_untracked(|d| d.priority_reason.clone()),
                    },
                ),
                None => refuse(t.board_pick_priority),
            }
        }
    };
    let agents = move || agent_options(state.agents.get().into_iter().map(|agent| (agent.id, agent.name)));
    let poles = escalation_options(ticket.pole);
    let priorities = priority_options(ticket.priority);
    view! {
        <p><a href=format!("/tickets/{reference}")>{reference.clone()}</a>" — "{ticket.title.clone()}</p>
        {(offered.is_empty() && !reprioritise).then(|| view! { <p class="muted">{t.board_no_action}</p> })}
        {offered.contains(&Action::Take).then(|| view! { <TakeButton state user ticket=ticket.clone()/> })}
        {offered.contains(&Action::Assign).then(|| view! {
            <form class="inline" data-form="assign" on:submit=assign>
                <label for="action-assign">{action_label(Action::Assign)}" (a)"</label>
                <select id="action-assign" prop:value=move || draft(|d| &d.assignee) on:change=write(|d| &mut d.assignee)>
                    <option value="">{t.board_pick_agent}</option>
                    {agents}
                </select>
                <button type="submit" class="button small">{action_label(Action::Assign)}</button>
            </form>
        })}
        {offered.contains(&Action::Escalate).then(|| view! {
            <form class="inline" data-form="escalate" on:submit=escalate>
                <label for="action-escalate">{action_label(Action::Escalate)}" (e)"</label>
                <select id="action-escalate" prop:value=move || draft(|d| &d.pole) on:change=write(|d| &mut d.pole)>
                    <option value="">{t.board_pick_pole}</option>
                    {poles}
                </select>
                <label for="action-escalate-reason" class="visually-hidden">{t.board_reason}</label>
                <input id="action-escalate-reason" placeholder=t.board_reason prop:value=move || draft(|d| &d.escalate_reason) on:input=write(|d| &mut d.escalate_reason)/>
                <button type="submit" class="button small">{action_label(Action::Escalate)}</button>
            </form>
        })}
        {reprioritise.then(|| view! {
            <form class="inline" data-form="priority" on:submit=change_priority>
                <label for="action-priority">{t.board_change_priority}" (c)"</label>
                <select id="action-priority" prop:value=move || draft(|d| &d.priority) on:change=write(|d| &mut d.priority)>
                    <option value="">{t.board_pick_priority}</option>
                    {priorities}
                </select>
                <label for="action-priority-reason" class="visually-hidden">{t.board_reason}</label>
                <input id="action-priority-reason" placeholder=t.board_reason prop:value=move || draft(|d| &d.priority_reason) on:input=write(|d| &mut d.priority_reason)/>
                <button type="submit" class="button small">{t.board_change_priority}</button>
            </form>
        })}
    }
}

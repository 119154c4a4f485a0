//! What one open board holds in the browser: its tickets, the selection, the action drafts and the notice
//! line, and how an action runs (shown at once, confirmed or put back by the server).

use crate::auth::CurrentUser;
use crate::boards::api::{TicketUpdate, act_on_board, load_board};
use crate::boards::{AgentChoice, Board, BoardAction, BoardActionRequest, predicted};
use crate::domain::board::{BoardScope, BoardTicket, Patch, apply, minute_of};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::{TicketId, UserId};
use crate::i18n::{pole_label, priority_label, t};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// A message after an action: what was done, or why it was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Notice {
    Done(String),
    Refused(String),
}

/// The board's live state: every open ticket, patched as changes arrive.
#[derive(Clone, Copy)]
pub(super) struct BoardState {
    pub(super) scope: BoardScope,
    pub(super) tickets: RwSignal<Vec<BoardTicket>>,
    pub(super) calendars: RwSignal<HashMap<String, BusinessCalendar>>,
    pub(super) agents: RwSignal<Vec<AgentChoice>>,
    pub(super) now: RwSignal<DateTime<Utc>>,
    /// The start of the current minute: what moves the order of risk, the counts and each countdown's
    /// business-time count (the seconds in between are added without counting again).
    pub(super) minute: Memo<DateTime<Utc>>,
    pub(super) selected: RwSignal<Option<TicketId>>,
    /// What the agent has typed in the action panel: kept while the selected ticket is redrawn (a live
    /// change, an optimistic update and its rollback), cleared when another ticket is selected.
    pub(super) drafts: RwSignal<ActionDrafts>,
    pub(super) notice: RwSignal<Option<Notice>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ActionDrafts {
    pub(super) assignee: String,
    pub(super) pole: String,
    pub(super) escalate_reason: String,
    pub(super) priority: String,
    pub(super) priority_reason: String,
}

impl BoardState {
    pub(super) fn new(initial: Board) -> Self {
        let now = RwSignal::new(initial.loaded_at);
        BoardState {
            scope: initial.scope,
            tickets: RwSignal::new(initial.tickets),
            calendars: RwSignal::new(initial.calendars),
            agents: RwSignal::new(initial.agents),
            now,
            minute: Memo::new(move |_| minute_of(now.get())),
            selected: RwSignal::new(None),
            drafts: RwSignal::new(ActionDrafts::default()),
            notice: RwSignal::new(None),
        }
    }

    /// Puts a fresh copy of a ticket on the board, or takes it off if it left.
    pub(super) fn patch(&self, me: UserId, id: TicketId, update: Option<TicketUpdate>) {
        match update {
            Some(TicketUpdate { ticket, calendars }) => {
                self.calendars.update(|held| held.extend(calendars));
                self.place(me, id, Some(ticket));
            }
            None => self.place(me, id, None),
        }
    }

    pub(super) fn place(&self, me: UserId, id: TicketId, ticket: Option<BoardTicket>) {
        let patch = match ticket {
            Some(ticket) if self.scope.holds(&ticket, me) => Patch::Upsert(Box::new(ticket)),
            _ => Patch::Remove(id),
        };
        self.tickets.update(|tickets| {
            apply(tickets, patch);
        });
    }

    /// Selects a ticket; the action panel's drafts belong to the ticket they were typed for.
    pub(super) fn select(&self, id: TicketId) {
        if self.selected.get_untracked() != Some(id) {
            self.drafts.set(ActionDrafts::default());
            self.selected.set(Some(id));
        }
    }

    pub(super) fn reload(&self) {
        let state = *self;
        spawn_local(async move {
            if let Ok(board) = load_board(state.scope).await {
                state.tickets.set(board.tickets);
                state.calendars.set(board.calendars);
                state.agents.set(board.agents);
                state.now.set(board.loaded_at);
            }
        });
    }
}

/// Runs a board action: shows its outcome at once, then the server's answer, or puts the ticket back and
/// says why when the server refuses.
pub(super) fn run_action(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket, action: BoardAction) {
    let me = user.with_value(|user| user.id);
    let before = ticket.clone();
    let guess = user.with_value(|user| state.agents.with_untracked(|agents| predicted(&ticket, &action, user, agents)));
    state.place(me, ticket.id, Some(guess));
    state.notice.set(None);
    let label = action_done_label(&action);
    let request = BoardActionRequest { reference: ticket.reference, version: ticket.version, action };
    spawn_local(async move {
        match act_on_board(request).await {
            Ok(fresh) => {
                state.place(me, before.id, fresh);
                state.drafts.set(ActionDrafts::default());
                state.notice.set(Some(Notice::Done(format!("{} : {label}", before.reference))));
            }
            Err(refusal) => {
                state.tickets.update(|tickets| {
                    apply(tickets, Patch::Upsert(Box::new(before.clone())));
                });
                state.notice.set(Some(Notice::Refused(
                    t().board_refused
                        .replace("{ref}", &before.reference.to_string())
                        .replace("{why}", &refusal.message()),
                )));
            }
        }
    });
}

pub(super) fn action_done_label(action: &BoardAction) -> String {
    let t = t();
    match action {
        BoardAction::Take => t.board_done_take.to_owned(),
        BoardAction::Assign { .. } => t.board_done_assign.to_owned(),
        BoardAction::Escalate { pole, .. } => t.board_done_escalate.replace("{}", pole_label(*pole)),
        BoardAction::Reprioritise { priority, .. } => t.board_done_priority.replace("{}", priority_label(*priority)),
    }
}

#[component]
pub(super) fn NoticeLine(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    move || {
        notice.get().map(|notice| match notice {
            Notice::Done(text) => view! { <p class="notice ok" role="status" data-notice="done">{text}</p> }.into_any(),
            Notice::Refused(text) => {
                view! { <p class="notice error" role="alert" data-notice="refused">{text}</p> }.into_any()
            }
        })
    }
}

/// Moves `now` every second in the browser, so countdowns tick; the server renders the loading instant.
pub(super) fn tick(now: RwSignal<DateTime<Utc>>) {
    #[cfg(feature = "hydrate")]
    {
        let clock = crate::clock::use_clock();
        let interval = gloo_timers::callback::Interval::new(1_000, move || now.set(clock.now()));
        let interval = send_wrapper::SendWrapper::new(interval);
        // Dropping the interval clears it.
        on_cleanup(move || drop(interval.take()));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = now;
}

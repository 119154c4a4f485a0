//! The agents' queue boards: a board per pole and "my tickets", filtered from the URL, ordered by SLA
//! risk, patched live ticket by ticket, with the frequent actions (take, assign, escalate, change the
//! priority) and the Front Office's phone quick-entry. The rules are in [`crate::domain::board`].

pub mod api;
pub mod pages;
mod phone;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::board::{BoardScope, BoardTicket};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::{TicketId, UserId};
use crate::domain::people::Pole;
use crate::domain::ticket::{Priority, TicketRef};
use crate::domain::workflow::{
    Action, Parties, Performer, Provided, Status, Viewer, available_actions, performers_of, plan,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Everything a board needs, loaded once; live changes then patch `tickets` one by one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub scope: BoardScope,
    /// Every open ticket of the board, unfiltered: filters and counts are applied where they are shown.
    pub tickets: Vec<BoardTicket>,
    /// The calendars the tickets' clocks count in, by code, for countdowns in business time.
    pub calendars: HashMap<String, BusinessCalendar>,
    /// Who a ticket of this board can be assigned to.
    pub agents: Vec<AgentChoice>,
    pub loaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentChoice {
    pub id: UserId,
    pub name: String,
    pub pole: Pole,
}

/// An action taken from a board, with the version of the ticket the agent saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardActionRequest {
    pub reference: TicketRef,
    pub version: i32,
    pub action: BoardAction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BoardAction {
    Take,
    Assign { assignee: UserId },
    Escalate { pole: Pole, reason: String },
    Reprioritise { priority: Priority, reason: String },
}

/// A board an agent named and kept: its URL query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    /// The board's query string (`pole=FRONT&priorite=P1`), as [`crate::domain::board::BoardView::to_query`]
    /// writes it.
    pub query: String,
}

/// The most views one agent keeps.
pub const MAX_SAVED_VIEWS: usize = 30;

/// A person who calls the desk, found by name, e-mail or phone, with their open tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub id: UserId,
    pub name: String,
    pub login: String,
    pub phone: Option<String>,
    pub site_name: String,
    pub open: Vec<CallerTicket>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallerTicket {
    pub id: TicketId,
    pub reference: TicketRef,
    pub title: String,
    pub status: Status,
    pub registered_at: DateTime<Utc>,
}

/// The most callers a search returns.
pub const CALLERS_SHOWN: usize = 8;
/// The most open tickets shown per caller.
pub const CALLER_TICKETS_SHOWN: i64 = 5;

/// The actions a board offers on a ticket, in the order of its buttons, among those the lifecycle gives
/// `viewer` (the server checks again: a button only spares a refusal).
pub fn offered_actions(ticket: &BoardTicket, viewer: &crate::auth::CurrentUser) -> Vec<Action> {
    let performers = performers(ticket, viewer);
    let available = available_actions(ticket.kind, ticket.status, &performers);
    [Action::Take, Action::Assign, Action::Escalate].into_iter().filter(|action| available.contains(action)).collect()
}

/// Whether `viewer` may change the ticket's priority (an agent of its pole or a supervisor, while it is open).
pub fn may_reprioritise(ticket: &BoardTicket, viewer: &crate::auth::CurrentUser) -> bool {
    ticket.status.is_open()
        && performers(ticket, viewer).iter().any(|p| matches!(p, Performer::PoleAgent | Performer::Supervisor))
}

fn performers(ticket: &BoardTicket, viewer: &crate::auth::CurrentUser) -> Vec<Performer> {
    // The requester and the approver do not act from a board.
    let parties =
        Parties { requester: None, assignee: ticket.assignee, approver: None, pole: ticket.pole, site: ticket.site };
    let viewer = Viewer { id: viewer.id, roles: &viewer.roles, pole: viewer.pole, site: viewer.site.id };
    performers_of(viewer, &parties)
}

/// The ticket as it will be once the server has applied `action`, for the board to show at once (and put
/// back if the server refuses). The server's answer replaces it.
pub fn predicted(
    ticket: &BoardTicket,
    action: &BoardAction,
    viewer: &crate::auth::CurrentUser,
    agents: &[AgentChoice],
) -> BoardTicket {
    let mut next = ticket.clone();
    let status_after = |action: Action, provided: Provided| {
        plan(ticket.kind, ticket.status, ticket.pole, action, &performers(ticket, viewer), &provided)
            .map_or(ticket.status, |plan| plan.to)
    };
    match action {
        BoardAction::Take => {
            next.status = status_after(Action::Take, Provided::default());
            next.assignee = Some(viewer.id);
            next.assignee_name = Some(viewer.display_name.clone());
        }
        BoardAction::Assign { assignee } => {
            next.status = status_after(Action::Assign, Provided { assignee: true, ..Provided::default() });
            next.assignee = Some(*assignee);
            next.assignee_name = agents.iter().find(|agent| agent.id == *assignee).map(|agent| agent.name.clone());
        }
        BoardAction::Escalate { pole, .. } => {
            let provided = Provided { reason: true, target_pole: Some(*pole), ..Provided::default() };
            next.status = status_after(Action::Escalate, provided);
            next.pole = *pole;
            // The receiving pole decides who takes it.
            next.assignee = None;
            next.assignee_name = None;
        }
        BoardAction::Reprioritise { priority, .. } => next.priority = *priority,
    }
    next
}

#[cfg(test)]
mod tests;

//! The choices some actions ask for (an agent of the pole, another pole, another priority), written once
//! for the ticket page and the queue boards, so both offer exactly the same options.

use crate::domain::ids::UserId;
use crate::domain::people::Pole;
use crate::domain::ticket::Priority;
use crate::domain::workflow::routable;
use crate::i18n::{pole_label, priority_label};
use leptos::prelude::*;

/// The agents a ticket may be assigned to, as `<option>`s (value: the account's id).
pub fn agent_options(agents: impl IntoIterator<Item = (UserId, String)>) -> impl IntoView {
    agents.into_iter().map(|(id, name)| view! { <option value=id.0.to_string()>{name}</option> }).collect_view()
}

/// The poles a ticket of `current` may be escalated to: every routable pole but its own.
pub fn escalation_options(current: Pole) -> impl IntoView {
    Pole::ALL
        .iter()
        .copied()
        .filter(|pole| routable(*pole) && *pole != current)
        .map(|pole| view! { <option value=pole.code()>{pole_label(pole)}</option> })
        .collect_view()
}

/// The priorities a ticket at `current` may be moved to.
pub fn priority_options(current: Priority) -> impl IntoView {
    Priority::ALL
        .iter()
        .copied()
        .filter(|priority| *priority != current)
        .map(|priority| view! { <option value=priority.code()>{priority_label(priority)}</option> })
        .collect_view()
}

//! The board's keyboard: `j`/`k` to move, `Entrée` to open, `p` to take, `a`/`e`/`c` to assign, escalate
//! and change the priority.

use super::state::BoardState;
use crate::auth::CurrentUser;
use crate::domain::board::BoardTicket;
use crate::i18n::t;
use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use {
    super::state::run_action,
    crate::boards::{BoardAction, offered_actions},
    crate::domain::workflow::Action,
    leptos_router::hooks::use_navigate,
};

#[component]
pub(super) fn ShortcutHelp() -> impl IntoView {
    let t = t();
    view! {
        <details class="shortcuts">
            <summary>{t.board_shortcuts}</summary>
            <dl>
                {t.board_shortcut_list.iter().map(|(keys, what)| view! { <dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd> }).collect_view()}
            </dl>
        </details>
    }
}

/// j/k or the arrows move the selection, Entrée opens the ticket, p takes it, a/e/c go to assign,
/// escalate and priority; nothing happens while the person types in a field.
pub(super) fn keyboard_shortcuts(state: BoardState, user: StoredValue<CurrentUser>, shown: Memo<Vec<BoardTicket>>) {
    #[cfg(feature = "hydrate")]
    {
        let navigate = use_navigate();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = document()
                .active_element()
                .is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
            if typing {
                return;
            }
            let ordered = shown.get_untracked();
            let current = state.selected.get_untracked().and_then(|id| ordered.iter().position(|t| t.id == id));
            let selected = current.map(|index| ordered[index].clone());
            let step = |delta: isize| {
                let next = match current {
                    None => 0,
                    Some(index) => (index as isize + delta).clamp(0, ordered.len() as isize - 1) as usize,
                };
                if let Some(ticket) = ordered.get(next) {
                    state.select(ticket.id);
                    focus_row(&ticket.reference.to_string());
                }
            };
            match ev.key().as_str() {
                "j" | "ArrowDown" => {
                    ev.prevent_default();
                    step(1);
                }
                "k" | "ArrowUp" => {
                    ev.prevent_default();
                    step(-1);
                }
                "Enter" | "o" => {
                    if let Some(ticket) = selected {
                        navigate(&format!("/tickets/{}", ticket.reference), Default::default());
                    }
                }
                "p" => {
                    if let Some(ticket) = selected
                        && user.with_value(|user| offered_actions(&ticket, user)).contains(&Action::Take)
                    {
                        run_action(state, user, ticket, BoardAction::Take);
                    }
                }
                "a" => focus("action-assign", &ev),
                "e" => focus("action-escalate", &ev),
                "c" => focus("action-priority", &ev),
                _ => {}
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (state, user, shown);
}

#[cfg(feature = "hydrate")]
pub(super) fn focus(id: &str, ev: &leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = element.focus();
    }
}

#[cfg(feature = "hydrate")]
pub(super) fn focus_row(reference: &str) {
    use wasm_bindgen::JsCast;
    let selector = format!("[data-reference='{reference}']");
    if let Some(element) =
        document().query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.scroll_into_view_with_bool(false);
    }
}

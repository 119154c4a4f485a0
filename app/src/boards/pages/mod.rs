//! The queue board page (`/tickets`): a pole's open tickets or the agent's own, as a list by SLA risk or
//! as status columns, filtered from the URL with the count of every filter value, saved views, countdowns
//! that tick in business time, actions with keyboard shortcuts and optimistic updates, patched live one
//! ticket at a time. The Front Office's phone quick-entry sits beside the Front Office's board.

mod actions;
mod filters;
mod keys;
mod layout;
mod state;

use crate::auth::CurrentUser;
use crate::boards::Board;
use crate::boards::api::{fetch_board_ticket, load_board};
use crate::boards::phone::PhoneDesk;
use crate::domain::access::Area;
use crate::domain::board::{BOARD_POLES, BoardScope, BoardTicket, BoardView, Clocks, Layout, counts, risk_order};
use crate::domain::people::Pole;
use crate::i18n::{area_label, pole_label, t};
use crate::live::{LiveEvent, on_ticket_events};
use crate::ui::{ErrorPanel, Guarded};
use actions::ActionPanel;
use filters::{FilterBar, SavedViews, board_url, ignored_filters};
use keys::{ShortcutHelp, keyboard_shortcuts};
use layout::{BoardColumns, BoardList};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use state::{BoardState, NoticeLine, tick};
use std::sync::Arc;

#[component]
pub fn BoardPage() -> impl IntoView {
    view! { <Guarded area=Area::Queues page=Arc::new(|user| view! { <BoardScreen user/> }.into_any())/> }
}

/// The board a person lands on: their pole's, or the Front Office's for those without a queue.
fn default_scope(user: &CurrentUser) -> BoardScope {
    BoardScope::Pole(user.pole.filter(|pole| BOARD_POLES.contains(pole)).unwrap_or(Pole::Front))
}

#[component]
fn BoardScreen(user: CurrentUser) -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let default = default_scope(&user);
    let parsed = Memo::new(move |_| {
        let query = query.read();
        let pairs: Vec<(&str, &str)> = (&*query).into_iter().map(|(name, value)| (name.as_ref(), value)).collect();
        BoardView::parse_lenient(pairs, default)
    });
    let view = Memo::new(move |_| parsed.read().0.clone());
    let problems = Memo::new(move |_| parsed.read().1.clone());
    let scope = Memo::new(move |_| view.read().scope);
    let board = Resource::new(move || scope.get(), load_board);
    let tabs = move || {
        let current = view.get();
        BOARD_POLES
            .into_iter()
            .map(BoardScope::Pole)
            .chain([BoardScope::Mine])
            .map(|scope| {
                let target = BoardView { scope, layout: current.layout, filter: Default::default() };
                let label = match scope {
                    BoardScope::Pole(pole) => pole_label(pole),
                    BoardScope::Mine => t.board_mine,
                };
                let here = scope == current.scope;
                view! {
                    <a href=board_url(&target) class="tab" data-scope=scope.code() aria-current=here.then_some("page")>{label}</a>
                }
            })
            .collect_view()
    };
    let user_for_body = user.clone();
    view! {
        <Title text=area_label(Area::Queues)/>
        <h1>{area_label(Area::Queues)}</h1>
        <nav class="tabs" aria-label=t.board_tabs>{tabs}</nav>
        {move || {
            let problems = problems.get();
            (!problems.is_empty()).then(|| view! { <p class="notice warning" role="status">{ignored_filters(&problems)}</p> })
        }}
        <div class=move || if scope.get() == BoardScope::Pole(Pole::Front) { "grid board-with-phone" } else { "grid board-only" }>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || {
                    let user = user_for_body.clone();
                    Suspend::new(async move {
                        match board.await {
                            Ok(initial) => view! { <BoardBody initial user view/> }.into_any(),
                            Err(error) => view! { <ErrorPanel error/> }.into_any(),
                        }
                    })
                }}
            </Transition>
            {move || (scope.get() == BoardScope::Pole(Pole::Front)).then(|| view! { <PhoneDesk/> })}
        </div>
    }
}

#[component]
fn BoardBody(initial: Board, user: CurrentUser, view: Memo<BoardView>) -> impl IntoView {
    let t = t();
    let state = BoardState::new(initial);
    let me = user.id;
    let user = StoredValue::new(user);

    // Live: fetch the one ticket that changed; reload everything after a gap.
    on_ticket_events(move |event| match event {
        LiveEvent::Resync => state.reload(),
        LiveEvent::Change(change) => {
            let held =
                state.tickets.with_untracked(|tickets| tickets.iter().find(|t| t.id == change.id).map(|t| t.version));
            // A comment touches a ticket without a new version: only an older version is no news.
            if held.is_some_and(|version| version > change.version)
                || !change.concerns_board(state.scope, me, held.is_some())
            {
                return;
            }
            spawn_local(async move {
                if let Ok(update) = fetch_board_ticket(change.id).await {
                    state.patch(me, change.id, update);
                }
            });
        }
    });
    tick(state.now);

    // The order of risk moves with the minute, not the second, so rows stay still under the eye.
    let minute = state.minute;
    let shown = Memo::new(move |_| {
        minute.track();
        let now = state.now.get_untracked();
        let filter = view.read().filter.clone();
        state.calendars.with(|calendars| {
            let clocks = Clocks { now, calendars };
            let mut shown: Vec<BoardTicket> =
                state.tickets.with(|tickets| tickets.iter().filter(|t| filter.matches(t, &clocks)).cloned().collect());
            risk_order(&mut shown, &clocks);
            shown
        })
    });
    let counted = Memo::new(move |_| {
        minute.track();
        let now = state.now.get_untracked();
        let filter = view.read().filter.clone();
        state
            .calendars
            .with(|calendars| state.tickets.with(|tickets| counts(tickets, &filter, &Clocks { now, calendars })))
    });

    keyboard_shortcuts(state, user, shown);

    let layout = move || view.read().layout;
    view! {
        <section class="panel board" aria-labelledby="board-title" data-board=state.scope.code()>
            <h2 id="board-title">{scope_title(state.scope)}</h2>
            <FilterBar view counted/>
            <SavedViews view/>
            <p class="muted" data-field="board-count">
                {move || {
                    let counted = counted.get();
                    t.board_count.replace("{shown}", &counted.shown.to_string()).replace("{total}", &counted.total.to_string())
                }}
            </p>
            <NoticeLine notice=state.notice/>
            <ActionPanel state user/>
            {move || match layout() {
                Layout::List => view! { <BoardList state shown user/> }.into_any(),
                Layout::Columns => view! { <BoardColumns state shown counted user/> }.into_any(),
            }}
            <ShortcutHelp/>
        </section>
    }
}

fn scope_title(scope: BoardScope) -> String {
    match scope {
        BoardScope::Pole(pole) => format!("{} {}", t().board_of_pole, pole_label(pole)),
        BoardScope::Mine => t().board_mine.to_owned(),
    }
}

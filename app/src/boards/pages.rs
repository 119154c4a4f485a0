//! The queue board page (`/tickets`): a pole's open tickets or the agent's own, as a list by SLA risk or
//! as status columns, filtered from the URL with the count of every filter value, saved views, countdowns
//! that tick in business time, actions with keyboard shortcuts and optimistic updates, patched live one
//! ticket at a time. The Front Office's phone quick-entry sits beside the Front Office's board.

use super::api::{TicketUpdate, act_on_board, delete_view, fetch_board_ticket, load_board, save_view, saved_views};
use super::phone::PhoneDesk;
use super::{AgentChoice, Board, BoardAction, BoardActionRequest, may_reprioritise, offered_actions, predicted};
use crate::auth::CurrentUser;
use crate::domain::access::Area;
use crate::domain::board::{
    AssigneeFilter, BOARD_POLES, BoardCounts, BoardScope, BoardTicket, BoardView, COLUMNS, Clocks, Layout,
    MinuteCountdown, Patch, QueryProblem, WorkshopJob, apply, counts, minute_of, risk_order,
};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::{SiteId, TicketId, UserId};
use crate::domain::people::Pole;
use crate::domain::sla::Band;
use crate::domain::ticket::{Kind, Priority, ServiceDomain};
use crate::domain::workflow::{Action, StatusGroup, routable};
use crate::i18n::{
    action_label, area_label, band_label, domain_label, kind_label, pole_label, priority_label, status_group_label,
    status_label, t,
};
use crate::live::{LiveEvent, on_ticket_events};
use crate::sla::band_class;
use crate::ui::{ErrorPanel, Guarded};
use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::HashMap;
use std::sync::Arc;

#[component]
pub fn BoardPage() -> impl IntoView {
    view! { <Guarded area=Area::Queues page=Arc::new(|user| view! { <BoardScreen user/> }.into_any())/> }
}

/// The board a person lands on: their pole's, or the Front Office's for those without a queue.
fn default_scope(user: &CurrentUser) -> BoardScope {
    BoardScope::Pole(user.pole.filter(|pole| BOARD_POLES.contains(pole)).unwrap_or(Pole::Front))
}

fn board_url(view: &BoardView) -> String {
    format!("/tickets?{}", view.to_query())
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

fn ignored_filters(problems: &[QueryProblem]) -> String {
    let named: Vec<String> = problems.iter().map(|p| format!("{}={}", p.param, p.value)).collect();
    t().board_filters_ignored.replace("{}", &named.join(", "))
}

/// A message after an action: what was done, or why it was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Notice {
    Done(String),
    Refused(String),
}

/// The board's live state: every open ticket, patched as changes arrive.
#[derive(Clone, Copy)]
struct BoardState {
    scope: BoardScope,
    tickets: RwSignal<Vec<BoardTicket>>,
    calendars: RwSignal<HashMap<String, BusinessCalendar>>,
    agents: RwSignal<Vec<AgentChoice>>,
    now: RwSignal<DateTime<Utc>>,
    /// The start of the current minute: what moves the order of risk, the counts and each countdown's
    /// business-time count (the seconds in between are added without counting again).
    minute: Memo<DateTime<Utc>>,
    selected: RwSignal<Option<TicketId>>,
    /// What the agent has typed in the action panel: kept while the selected ticket is redrawn (a live
    /// change, an optimistic update and its rollback), cleared when another ticket is selected.
    drafts: RwSignal<ActionDrafts>,
    notice: RwSignal<Option<Notice>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ActionDrafts {
    assignee: String,
    pole: String,
    escalate_reason: String,
    priority: String,
    priority_reason: String,
}

impl BoardState {
    fn new(initial: Board) -> Self {
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
    fn patch(&self, me: UserId, id: TicketId, update: Option<TicketUpdate>) {
        match update {
            Some(TicketUpdate { ticket, calendars }) => {
                self.calendars.update(|held| held.extend(calendars));
                self.place(me, id, Some(ticket));
            }
            None => self.place(me, id, None),
        }
    }

    fn place(&self, me: UserId, id: TicketId, ticket: Option<BoardTicket>) {
        let patch = match ticket {
            Some(ticket) if self.scope.holds(&ticket, me) => Patch::Upsert(Box::new(ticket)),
            _ => Patch::Remove(id),
        };
        self.tickets.update(|tickets| {
            apply(tickets, patch);
        });
    }

    /// Selects a ticket; the action panel's drafts belong to the ticket they were typed for.
    fn select(&self, id: TicketId) {
        if self.selected.get_untracked() != Some(id) {
            self.drafts.set(ActionDrafts::default());
            self.selected.set(Some(id));
        }
    }

    fn reload(&self) {
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

/// Moves `now` every second in the browser, so countdowns tick; the server renders the loading instant.
fn tick(now: RwSignal<DateTime<Utc>>) {
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

#[component]
fn NoticeLine(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    move || {
        notice.get().map(|notice| match notice {
            Notice::Done(text) => view! { <p class="notice ok" role="status" data-notice="done">{text}</p> }.into_any(),
            Notice::Refused(text) => {
                view! { <p class="notice error" role="alert" data-notice="refused">{text}</p> }.into_any()
            }
        })
    }
}

/// One filter as a select whose options say how many tickets each would show.
#[component]
fn FacetSelect(
    id: &'static str,
    param: &'static str,
    label: &'static str,
    options: Signal<Vec<(String, String, usize)>>,
    current: Signal<Option<String>>,
    view: Memo<BoardView>,
) -> impl IntoView {
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut pairs: Vec<(String, String)> = view
            .get_untracked()
            .to_pairs()
            .into_iter()
            .filter(|(name, _)| *name != param)
            .map(|(n, v)| (n.to_owned(), v))
            .collect();
        if !value.is_empty() {
            pairs.push((param.to_owned(), value));
        }
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (next, _) = BoardView::parse_lenient(refs, view.get_untracked().scope);
        navigate(&board_url(&next), NavigateOptions { scroll: false, ..Default::default() });
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=param on:change=on_change>
                <option value="" selected=move || current.get().is_none()>{t().board_any}</option>
                {move || {
                    let current = current.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(code, label, count)| {
                            let selected = current.as_deref() == Some(code.as_str());
                            view! { <option value=code.clone() selected=selected>{format!("{label} ({count})")}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
fn FilterBar(view: Memo<BoardView>, counted: Memo<BoardCounts>) -> impl IntoView {
    let t = t();
    let navigate = use_navigate();
    let kinds = Signal::derive(move || {
        counted
            .read()
            .kinds
            .iter()
            .map(|(kind, n)| (kind.code().to_owned(), kind_label(*kind).to_owned(), *n))
            .collect()
    });
    let priorities = Signal::derive(move || {
        counted
            .read()
            .priorities
            .iter()
            .map(|(p, n)| (p.code().to_owned(), priority_label(*p).to_owned(), *n))
            .collect()
    });
    let sites = Signal::derive(move || {
        counted.read().sites.iter().map(|(site, name, n)| (site.0.to_string(), name.clone(), *n)).collect()
    });
    let domains = Signal::derive(move || {
        counted.read().domains.iter().map(|(d, n)| (d.code().to_owned(), domain_label(*d).to_owned(), *n)).collect()
    });
    let assignees = Signal::derive(move || {
        counted
            .read()
            .assignees
            .iter()
            .map(|(id, name, n)| match id {
                None => (crate::domain::board::param::NOBODY.to_owned(), t.board_nobody.to_owned(), *n),
                Some(id) => (id.0.to_string(), name.clone(), *n),
            })
            .collect()
    });
    let groups = Signal::derive(move || {
        counted
            .read()
            .groups
            .iter()
            .map(|(g, n)| (g.code().to_owned(), status_group_label(*g).to_owned(), *n))
            .collect()
    });
    let filter = move || view.read().filter.clone();
    let kind = Signal::derive(move || filter().kind.map(|k: Kind| k.code().to_owned()));
    let priority = Signal::derive(move || filter().priority.map(|p: Priority| p.code().to_owned()));
    let site = Signal::derive(move || filter().site.map(|s: SiteId| s.0.to_string()));
    let domain = Signal::derive(move || filter().domain.map(|d: ServiceDomain| d.code().to_owned()));
    let assignee = Signal::derive(move || {
        filter().assignee.map(|a| match a {
            AssigneeFilter::Nobody => crate::domain::board::param::NOBODY.to_owned(),
            AssigneeFilter::Person(id) => id.0.to_string(),
        })
    });
    let group = Signal::derive(move || filter().group.map(|g: StatusGroup| g.code().to_owned()));
    let toggle = move |flag: fn(&mut BoardView) -> &mut bool| {
        let navigate = navigate.clone();
        move |_| {
            let mut next = view.get_untracked();
            let held = flag(&mut next);
            *held = !*held;
            navigate(&board_url(&next), NavigateOptions { scroll: false, ..Default::default() });
        }
    };
    let layout_link = move |layout: Layout| {
        let mut next = view.get();
        let here = next.layout == layout;
        next.layout = layout;
        let label = match layout {
            Layout::List => t.board_layout_list,
            Layout::Columns => t.board_layout_columns,
        };
        view! { <a href=board_url(&next) class="button small" data-layout=layout.code() aria-current=here.then_some("true")>{label}</a> }
    };
    let clear = move || {
        let current = view.get();
        board_url(&BoardView { scope: current.scope, layout: current.layout, filter: Default::default() })
    };
    view! {
        <form method="get" action="/tickets" class="filters board-filters" aria-label=t.board_filters>
            <input type="hidden" name="pole" value=move || view.read().scope.code()/>
            <input type="hidden" name="vue" value=move || view.read().layout.code()/>
            <FacetSelect id="filtre-type" param="type" label=t.col_kind options=kinds current=kind view/>
            <FacetSelect id="filtre-priorite" param="priorite" label=t.col_priority options=priorities current=priority view/>
            <FacetSelect id="filtre-site" param="site" label=t.col_site options=sites current=site view/>
            <FacetSelect id="filtre-domaine" param="domaine" label=t.field_domain options=domains current=domain view/>
            <FacetSelect id="filtre-assigne" param="assigne" label=t.col_assignee options=assignees current=assignee view/>
            <FacetSelect id="filtre-etat" param="etat" label=t.col_status options=groups current=group view/>
            <label class="check">
                <input type="checkbox" name="risque" value="1" checked=move || view.read().filter.at_risk
                    on:change=toggle(|view| &mut view.filter.at_risk)/>
                {move || format!(" {} ({})", t.board_at_risk, counted.read().at_risk)}
            </label>
            <label class="check">
                <input type="checkbox" name="attente" value="1" checked=move || view.read().filter.waiting
                    on:change=toggle(|view| &mut view.filter.waiting)/>
                {move || format!(" {} ({})", t.board_waiting, counted.read().waiting)}
            </label>
            <noscript><button type="submit" class="button small">{t.filter_apply}</button></noscript>
            <a href=clear class="button small subtle">{t.board_clear_filters}</a>
            <span class="layouts" role="group" aria-label=t.board_layout>{move || layout_link(Layout::List)}{move || layout_link(Layout::Columns)}</span>
        </form>
    }
}

#[component]
fn SavedViews(view: Memo<BoardView>) -> impl IntoView {
    let t = t();
    let (version, set_version) = signal(0u32);
    let views = Resource::new(move || version.get(), |_| saved_views());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = view.get_untracked().to_query();
        let chosen = name.get_untracked();
        spawn_local(async move {
            match save_view(chosen, query).await {
                Ok(_) => {
                    error.set(None);
                    name.set(String::new());
                    set_version.update(|v| *v += 1);
                }
                Err(refusal) => error.set(Some(refusal.message())),
            }
        });
    };
    let remove = move |id: i64| {
        spawn_local(async move {
            match delete_view(id).await {
                Ok(()) => set_version.update(|v| *v += 1),
                Err(refusal) => error.set(Some(refusal.message())),
            }
        });
    };
    view! {
        <div class="saved-views" data-saved-views>
            <span class="muted">{t.board_saved_views}</span>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    views.await.map(|views| {
                        if views.is_empty() {
                            return view! { <span class="muted">{t.board_no_saved_view}</span> }.into_any();
                        }
                        views
                            .into_iter()
                            .map(|saved| {
                                let id = saved.id;
                                view! {
                                    <span class="saved-view" data-view=saved.name.clone()>
                                        <a href=format!("/tickets?{}", saved.query)>{saved.name.clone()}</a>
                                        <button type="button" class="link" aria-label=format!("{} {}", t.board_delete_view, saved.name)
                                            on:click=move |_| remove(id)>"×"</button>
                                    </span>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }).ok()
                })}
            </Transition>
            <form class="inline" on:submit=save>
                <label for="vue-nom" class="visually-hidden">{t.board_view_name}</label>
                <input id="vue-nom" name="name" placeholder=t.board_view_name maxlength="80" required
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <button type="submit" class="button small">{t.board_save_view}</button>
            </form>
            {move || error.get().map(|message| view! { <p class="notice error" role="alert">{message}</p> })}
        </div>
    }
}

/// A deadline in words beside its colour: the band, then the business time left or overdue.
fn countdown_text(measure_and_left: (crate::domain::sla::Measure, Duration, bool)) -> String {
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
fn Countdown(state: BoardState, ticket: BoardTicket) -> impl IntoView {
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

fn band_code(band: Band) -> &'static str {
    match band {
        Band::Comfortable => "comfortable",
        Band::AtRisk => "at-risk",
        Band::Critical => "critical",
        Band::Breached => "breached",
    }
}

/// What the Atelier does for a ticket, and on what.
fn workshop_job(ticket: &BoardTicket) -> String {
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

/// Runs a board action: shows its outcome at once, then the server's answer, or puts the ticket back and
/// says why when the server refuses.
fn run_action(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket, action: BoardAction) {
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

fn action_done_label(action: &BoardAction) -> String {
    let t = t();
    match action {
        BoardAction::Take => t.board_done_take.to_owned(),
        BoardAction::Assign { .. } => t.board_done_assign.to_owned(),
        BoardAction::Escalate { pole, .. } => t.board_done_escalate.replace("{}", pole_label(*pole)),
        BoardAction::Reprioritise { priority, .. } => t.board_done_priority.replace("{}", priority_label(*priority)),
    }
}

#[component]
fn TakeButton(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket) -> impl IntoView {
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
fn BoardList(state: BoardState, shown: Memo<Vec<BoardTicket>>, user: StoredValue<CurrentUser>) -> impl IntoView {
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
fn BoardRow(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket, workshop: bool) -> impl IntoView {
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
fn BoardColumns(
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
fn BoardCard(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket, workshop: bool) -> impl IntoView {
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

/// The actions on the selected ticket: assign, escalate, change the priority (taking is on every row).
#[component]
fn ActionPanel(state: BoardState, user: StoredValue<CurrentUser>) -> impl IntoView {
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
fn TicketActions(state: BoardState, user: StoredValue<CurrentUser>, ticket: BoardTicket) -> impl IntoView {
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
    let agents = move || {
        state
            .agents
            .get()
            .into_iter()
            .map(|agent| view! { <option value=agent.id.0.to_string()>{agent.name}</option> })
            .collect_view()
    };
    let poles = Pole::ALL
        .iter()
        .copied()
        .filter(|pole| routable(*pole) && *pole != ticket.pole)
        .map(|pole| view! { <option value=pole.code()>{pole_label(pole)}</option> })
        .collect_view();
    let priorities = Priority::ALL
        .iter()
        .copied()
        .filter(|p| *p != ticket.priority)
        .map(|p| view! { <option value=p.code()>{priority_label(p)}</option> })
        .collect_view();
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

#[component]
fn ShortcutHelp() -> impl IntoView {
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
fn keyboard_shortcuts(state: BoardState, user: StoredValue<CurrentUser>, shown: Memo<Vec<BoardTicket>>) {
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
fn focus(id: &str, ev: &leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = element.focus();
    }
}

#[cfg(feature = "hydrate")]
fn focus_row(reference: &str) {
    use wasm_bindgen::JsCast;
    let selector = format!("[data-reference='{reference}']");
    if let Some(element) =
        document().query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.scroll_into_view_with_bool(false);
    }
}

//! The board's filters (each option with the count it would show), kept in the URL, and the saved views.

use crate::boards::api::{delete_view, save_view, saved_views};
use crate::domain::board::{AssigneeFilter, BoardCounts, BoardView, Layout, QueryProblem};
use crate::domain::ids::SiteId;
use crate::domain::ticket::{Kind, Priority, ServiceDomain};
use crate::domain::workflow::StatusGroup;
use crate::i18n::{domain_label, kind_label, priority_label, status_group_label, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

pub(super) fn board_url(view: &BoardView) -> String {
    format!("/tickets?{}", view.to_query())
}

pub(super) fn ignored_filters(problems: &[QueryProblem]) -> String {
    let named: Vec<String> = problems.iter().map(|p| format!("{}={}", p.param, p.value)).collect();
    t().board_filters_ignored.replace("{}", &named.join(", "))
}

/// One filter as a select whose options say how many tickets each would show.
#[component]
pub(super) fn FacetSelect(
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
pub(super) fn FilterBar(view: Memo<BoardView>, counted: Memo<BoardCounts>) -> impl IntoView {
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
pub(super) fn SavedViews(view: Memo<BoardView>) -> impl IntoView {
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

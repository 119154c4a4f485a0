//! The components every area's pages share: the access guard and error panel, tables, charts, the steering
//! tabs. They know the signed-in person and the words of the interface, and no area.

pub mod charts;
mod guard;

pub use guard::{ErrorPanel, Guarded};

use crate::domain::access::SteeringPage;
use crate::i18n::steering::s;
use leptos::prelude::*;

/// A table that scrolls sideways on small screens, with its column headers.
#[component]
pub fn DataTable(
    headers: Vec<&'static str>,
    children: Children,
    #[prop(optional)] caption: Option<String>,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table>
                {caption.map(|caption| view! { <caption class="visually-hidden">{caption}</caption> })}
                <thead><tr>{headers.into_iter().map(|header| view! { <th scope="col">{header}</th> }).collect_view()}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// The tabs that lead from one steering page to the others; `current` is marked as the page shown.
#[component]
pub fn SteeringTabs(current: SteeringPage) -> impl IntoView {
    let s = s();
    let label = |page: SteeringPage| match page {
        SteeringPage::Backlog => s.tab_backlog,
        SteeringPage::Kpis => s.tab_kpis,
        SteeringPage::Report => s.tab_report,
        SteeringPage::Satisfaction => s.tab_satisfaction,
        SteeringPage::Campaigns => s.tab_campaigns,
    };
    view! {
        <nav class="tabs" aria-label=s.tabs_label>
            {SteeringPage::ALL.iter().map(|&page| view! {
                <a href=page.path() aria-current=(page == current).then_some("page")>{label(page)}</a>
            }).collect_view()}
        </nav>
    }
}

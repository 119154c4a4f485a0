//! The steering page: each pole's workload against its capacity on duty, the queue by risk, stale tickets
//! and the reassignments to consider.

use super::api::load_backlog;
use super::{BacklogTicket, PoleBacklog};
use crate::domain::access::{Area, SteeringPage};
use crate::i18n::{
    alert_reason_label, area_label, band_label, business_duration, local_time, pole_label, priority_label, t,
};
use crate::sla::band_class;
use crate::ui::SteeringTabs;
use crate::ui::{DataTable, ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn SteeringPage() -> impl IntoView {
    view! { <Guarded area=Area::Steering page=Arc::new(|_| view! { <Steering/> }.into_any())/> }
}

#[component]
fn Steering() -> impl IntoView {
    let backlog = Resource::new(|| (), |_| load_backlog());
    view! {
        <Title text=area_label(Area::Steering)/>
        <SteeringTabs current=SteeringPage::Backlog/>
        <h1>{t().backlog_title}</h1>
        <p class="lead">{t().backlog_intro}</p>
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match backlog.await {
                    Ok(poles) => poles.into_iter().map(|pole| view! { <PoleCard pole/> }).collect_view().into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn PoleCard(pole: PoleBacklog) -> impl IntoView {
    let t = t();
    let heading = format!("charge-{}", pole.pole.code().to_lowercase());
    let labelled_by = heading.clone();
    let alerts = if pole.alerts.is_empty() {
        view! { <p class="muted">{t.backlog_calm}</p> }.into_any()
    } else {
        view! {
            <ul class="alerts" role="list">
                {pole.alerts.iter().map(|reason| view! {
                    <li class="badge warning" data-alert=reason.code()>{alert_reason_label(*reason)}</li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let overloaded = pole.demand_minutes > pole.capacity_minutes;
    let proposals = if pole.proposals.is_empty() {
        view! { <p class="muted">{t.backlog_no_proposal}</p> }.into_any()
    } else {
        let rows = pole
            .proposals
            .into_iter()
            .map(|proposal| {
                let href = format!("/tickets/{}", proposal.reference);
                view! {
                    <tr>
                        <td><a href=href>{proposal.reference}</a>" "{proposal.title}</td>
                        <td>{proposal.from.unwrap_or_else(|| t.backlog_unassigned.to_owned())}</td>
                        <td>{proposal.to}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <DataTable headers=vec![t.col_reference, t.backlog_col_from, t.backlog_col_to]>{rows}</DataTable>
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby=labelled_by data-pole=pole.pole.code()>
            <h2 id=heading>{pole_label(pole.pole)}</h2>
            {alerts}
            <dl class="figures">
                <div><dt>{t.backlog_open}</dt><dd data-figure="open">{pole.open}</dd></div>
                <div class:over=overloaded>
                    <dt>{t.backlog_demand}</dt>
                    <dd data-figure="demand">{business_duration(i64::from(pole.demand_minutes))}</dd>
                </div>
                <div>
                    <dt>{t.backlog_capacity}</dt>
                    <dd data-figure="capacity">{business_duration(i64::from(pole.capacity_minutes))}</dd>
                </div>
                <div><dt>{t.backlog_on_duty}</dt><dd data-figure="on-duty">{pole.agents_on_duty}</dd></div>
                <div><dt>{t.backlog_at_risk}</dt><dd data-figure="at-risk">{pole.at_risk}</dd></div>
            </dl>
            <h3>{t.backlog_queue}</h3>
            <TicketTable tickets=pole.queue/>
            <h3>{t.backlog_stale}</h3>
            <TicketTable tickets=pole.stale/>
            <h3>{t.backlog_proposals}</h3>
            {proposals}
        </section>
    }
}

#[component]
fn TicketTable(tickets: Vec<BacklogTicket>) -> impl IntoView {
    let t = t();
    if tickets.is_empty() {
        return view! { <p class="muted">{t.backlog_no_ticket}</p> }.into_any();
    }
    let rows = tickets
        .into_iter()
        .map(|ticket| {
            let href = format!("/tickets/{}", ticket.reference);
            let consumed = match (ticket.consumed_percent, ticket.band) {
                (Some(percent), Some(band)) => view! {
                    <span class=band_class(band)>{format!("{percent} % — {}", band_label(band))}</span>
                }
                .into_any(),
                _ => view! { <span class="muted">{t.backlog_no_clock}</span> }.into_any(),
            };
            view! {
                <tr>
                    <td><a href=href>{ticket.reference}</a></td>
                    <td>{ticket.title}</td>
                    <td>{priority_label(ticket.priority)}</td>
                    <td>{ticket.assignee.unwrap_or_else(|| t.backlog_unassigned.to_owned())}</td>
                    <td>{consumed}</td>
                    <td>{business_duration(i64::from(ticket.remaining_effort_minutes))}</td>
                    <td>{local_time(ticket.updated_at)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable headers=vec![
            t.col_reference, t.col_title, t.col_priority, t.col_assignee, t.backlog_col_consumed,
            t.backlog_col_effort, t.backlog_col_updated,
        ]>{rows}</DataTable>
    }
    .into_any()
}

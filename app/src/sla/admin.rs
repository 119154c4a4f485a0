//! The administrators' page of the service levels (`/administration/niveaux-de-service`): the policy of each
//! type × priority with its escalation thresholds, the business calendars, and this year's public holidays.
//! Each row is saved on its own; the server checks and audits every change.

use super::api::{SaveCalendar, SavePolicy, load_service_levels};
use super::{CalendarDraft, HolidayOfYear, PolicyDraft};
use crate::domain::access::Area;
use crate::domain::calendar::WEEK;
use crate::i18n::{kind_label, priority_label, t, weekday_label};
use crate::referential::admin::save_outcome;
use crate::ui::{DataTable, ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

#[component]
pub fn ServiceLevelsAdminPage() -> impl IntoView {
    view! { <Guarded area=Area::Administration page=Arc::new(|_| view! { <ServiceLevelsAdmin/> }.into_any())/> }
}

#[component]
fn ServiceLevelsAdmin() -> impl IntoView {
    let t = t();
    let data = Resource::new(|| (), |_| load_service_levels());
    view! {
        <Title text=t.sla_admin_title/>
        <h1>{t.sla_admin_title}</h1>
        <p class="lead">{t.sla_admin_intro}</p>
        <nav class="subnav"><a href="/administration">{t.admin_title}</a>" · "<a href="/administration/referentiel">{t.ref_title}</a></nav>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(levels) => view! {
                        <PoliciesEditor policies=levels.policies/>
                        <CalendarsEditor calendars=levels.calendars/>
                        <Holidays year=levels.year holidays=levels.holidays/>
                    }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn PoliciesEditor(policies: Vec<PolicyDraft>) -> impl IntoView {
    let t = t();
    let rows = policies.into_iter().map(|policy| view! { <PolicyRow policy/> }).collect_view();
    view! {
        <section class="panel" aria-labelledby="politiques">
            <h2 id="politiques">{t.sla_policies_title}</h2>
            <p class="muted">{t.sla_policies_help}</p>
            <DataTable headers=vec![t.col_kind, t.col_priority, t.sla_col_own, t.sla_col_resolve, t.sla_col_thresholds, t.col_actions]>
                {rows}
            </DataTable>
        </section>
    }
}

#[component]
fn PolicyRow(policy: PolicyDraft) -> impl IntoView {
    let t = t();
    let save = ServerAction::<SavePolicy>::new();
    let draft = RwSignal::new(policy.clone());
    let label = format!("{} {}", kind_label(policy.kind), policy.priority.code());
    // An unreadable number is sent as 0 so the server names the field in its refusal.
    let minutes = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<u32>().unwrap_or(0);
    view! {
        <tr data-policy=format!("{}-{}", policy.kind, policy.priority)>
            <th scope="row">{kind_label(policy.kind)}</th>
            <td>{priority_label(policy.priority)}</td>
            <td><input type="number" min="1" class="minutes" aria-label=format!("{} — {}", t.sla_col_own, label)
                value=policy.own_minutes on:input=move |ev| draft.update(|d| d.own_minutes = minutes(&ev))/></td>
            <td><input type="number" min="1" class="minutes" aria-label=format!("{} — {}", t.sla_col_resolve, label)
                value=policy.resolve_minutes on:input=move |ev| draft.update(|d| d.resolve_minutes = minutes(&ev))/></td>
            <td><input type="text" aria-label=format!("{} — {}", t.sla_col_thresholds, label)
                value=policy.thresholds.clone() on:input=move |ev| draft.update(|d| d.thresholds = event_target_value(&ev))/></td>
            <td>
                <button type="button" class="button" on:click=move |_| { save.dispatch(SavePolicy { policy: draft.get_untracked() }); }>{t.save}</button>
                " "{save_outcome(save.value())}
            </td>
        </tr>
    }
}

#[component]
fn CalendarsEditor(calendars: Vec<CalendarDraft>) -> impl IntoView {
    let t = t();
    let forms = calendars.into_iter().map(|calendar| view! { <CalendarForm calendar/> }).collect_view();
    view! {
        <section class="panel" aria-labelledby="calendriers">
            <h2 id="calendriers">{t.sla_calendars_title}</h2>
            <p class="muted">{t.sla_calendars_help}</p>
            {forms}
        </section>
    }
}

#[component]
fn CalendarForm(calendar: CalendarDraft) -> impl IntoView {
    let t = t();
    let save = ServerAction::<SaveCalendar>::new();
    let code = calendar.code.clone();
    let draft = RwSignal::new(calendar.clone());
    let days = WEEK
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let id = format!("calendrier-{code}-{index}");
            let openings = calendar.week.get(index).cloned().unwrap_or_default();
            view! {
                <div class="field">
                    <label for=id.clone()>{weekday_label(*day)}</label>
                    <input id=id type="text" value=openings placeholder="08:30-12:30,13:30-18:00"
                        on:input=move |ev| draft.update(|d| if let Some(slot) = d.week.get_mut(index) { *slot = event_target_value(&ev) })/>
                </div>
            }
        })
        .collect_view();
    let name_id = format!("calendrier-{code}-nom");
    let closures_id = format!("calendrier-{code}-fermetures");
    view! {
        <form class="form calendar" data-calendar=code.clone()
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(SaveCalendar { calendar: draft.get_untracked() }); }>
            <h3>{calendar.code.clone()}</h3>
            <div class="field">
                <label for=name_id.clone()>{t.sla_calendar_name}</label>
                <input id=name_id type="text" value=calendar.name.clone() on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))/>
            </div>
            <div class="field-row week">{days}</div>
            <label class="check">
                <input type="checkbox" checked=calendar.closed_on_public_holidays
                    on:change=move |ev| draft.update(|d| d.closed_on_public_holidays = event_target_checked(&ev))/>
                " "{t.sla_closed_on_holidays}
            </label>
            <div class="field">
                <label for=closures_id.clone()>{t.sla_closures}</label>
                <input id=closures_id type="text" value=calendar.closures.clone() placeholder="2026-12-24, 2026-12-31"
                    on:input=move |ev| draft.update(|d| d.closures = event_target_value(&ev))/>
            </div>
            <p><button type="submit" class="button">{t.save}</button>" "{save_outcome(save.value())}</p>
        </form>
    }
}

#[component]
fn Holidays(year: i32, holidays: Vec<HolidayOfYear>) -> impl IntoView {
    let t = t();
    let rows = holidays
        .into_iter()
        .map(|holiday| {
            view! { <tr><td>{holiday.date.format("%d/%m/%Y").to_string()}</td><td>{holiday.name}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="feries">
            <h2 id="feries">{format!("{} {year}", t.sla_holidays_title)}</h2>
            <DataTable headers=vec![t.col_date, t.col_holiday]>{rows}</DataTable>
        </section>
    }
}

//! The monthly report page (`/pilotage/rapport?mois=AAAA-MM`): printable as it is (the print style drops
//! the navigation and the forms), with the improvement actions Qualité records and the sending to managers.

use super::api::{RecordImprovementAction, SendMonthlyReport, SetImprovementActionStatus, load_monthly_report};
use super::{ActionDraft, ActionStatus, ImprovementAction, MonthlyReport};
use crate::domain::access::{Area, SteeringPage};
use crate::i18n::reports::month_label;
use crate::i18n::steering::{action_status_label, s, trend_label, trend_symbol};
use crate::i18n::{kpi_definition, kpi_label, local_day, local_time, t};
use crate::kpis::sheets::indicator_row;
use crate::ui::SteeringTabs;
use crate::ui::{ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

pub const REPORT_PATH: &str = SteeringPage::Report.path();

#[component]
pub fn MonthlyReportPage() -> impl IntoView {
    view! { <Guarded area=Area::Steering page=Arc::new(|_| view! { <Report/> }.into_any())/> }
}

#[component]
fn Report() -> impl IntoView {
    let s = s();
    let query = use_query_map();
    let record = ServerAction::<RecordImprovementAction>::new();
    let set_status = ServerAction::<SetImprovementActionStatus>::new();
    let send = ServerAction::<SendMonthlyReport>::new();
    let report = Resource::new(
        move || {
            (
                query.with(|map| map.get("mois").unwrap_or_default()),
                record.version().get(),
                set_status.version().get(),
                send.version().get(),
            )
        },
        |(month, ..)| load_monthly_report(month),
    );
    view! {
        <Title text=s.report_title/>
        <SteeringTabs current=SteeringPage::Report/>
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(report) => view! { <ReportBody report record set_status send/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ReportBody(
    report: MonthlyReport,
    record: ServerAction<RecordImprovementAction>,
    set_status: ServerAction<SetImprovementActionStatus>,
    send: ServerAction<SendMonthlyReport>,
) -> impl IntoView {
    let s = s();
    let month_code = report.month.format("%Y-%m").to_string();
    let heading = format!("{} — {}", s.report_title, month_label(report.month));
    let sent = match report.sent {
        Some((at, recipients)) => format!("{} {} : {recipients} {}", s.report_sent, local_time(at), s.report_sent_to),
        None => s.report_not_sent.to_owned(),
    };
    let month_for_send = month_code.clone();
    // The report's KPIs are the KPI page's for the whole month, without a filter: the same export serves.
    let last_day =
        report.month.checked_add_months(chrono::Months::new(1)).unwrap_or(report.month) - chrono::TimeDelta::days(1);
    let export = format!("/api/v1/kpis/export?tableau=INDICATEURS&from={}&to={last_day}", report.month);
    let may_send = report.may_edit && report.sent.is_none();
    let kpi_rows = report
        .kpis
        .lines
        .iter()
        .map(|line| {
            let row = indicator_row(line);
            view! {
                <tr data-kpi=line.kpi.code()>
                    <th scope="row">{kpi_label(line.kpi)}<p class="small muted">{kpi_definition(line.kpi)}</p></th>
                    <td class="numeric">{row[1].display()}</td>
                    <td class="numeric">{row[2].display()}</td>
                    <td><span aria-hidden="true">{trend_symbol(line.trend)}" "</span>{trend_label(line.trend)}</td>
                </tr>
            }
        })
        .collect_view();
    let majors = if report.major_incidents.is_empty() {
        view! { <p class="muted">{s.report_no_major}</p> }.into_any()
    } else {
        let rows = report
            .major_incidents
            .iter()
            .map(|incident| {
                view! {
                    <tr>
                        <th scope="row"><a href=format!("/tickets/{}", incident.reference)>{incident.reference.to_string()}</a>" "{incident.title.clone()}</th>
                        <td>{local_day(incident.registered_at)}</td>
                        <td>{incident.resolved_at.map_or_else(|| s.still_open.to_owned(), local_day)}</td>
                        <td class="numeric">{incident.attached}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll"><table>
                <thead><tr>
                    <th scope="col">{s.col_ticket}</th>
                    <th scope="col">{s.col_registered_at}</th>
                    <th scope="col">{s.col_resolved_at}</th>
                    <th scope="col">{s.col_attached}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <h1>{heading}</h1>
        <p class="lead no-print">{s.report_intro}</p>
        <div class="report-controls no-print">
            <Form method="GET" action=REPORT_PATH attr:class="form-row">
                <label>{s.report_month}<input type="month" name="mois" value=month_code required/></label>
                <button type="submit" class="button">{s.report_show}</button>
            </Form>
            <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{s.report_print}</button>
            {may_send.then(|| view! {
                <button type="button" class="button primary" disabled=move || send.pending().get()
                    on:click=move |_| { send.dispatch(SendMonthlyReport { month: month_for_send.clone() }); }>{s.report_send}</button>
            })}
        </div>
        <p class="report-sent" data-sent=report.sent.is_some()>{sent}</p>
        {move || send.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
        <section class="panel" aria-labelledby="rapport-indicateurs">
            <h2 id="rapport-indicateurs">{s.report_kpis}</h2>
            <div class="table-scroll"><table class="report-kpis">
                <thead><tr>
                    <th scope="col">{s.col_kpi}</th>
                    <th scope="col">{month_label(report.month)}</th>
                    <th scope="col">{s.col_previous}</th>
                    <th scope="col">{s.col_trend}</th>
                </tr></thead>
                <tbody>{kpi_rows}</tbody>
            </table></div>
            <p class="exports no-print">
                {s.export}" "
                <a href=format!("{export}&format=csv") rel="external" download>"CSV"</a>" · "
                <a href=format!("{export}&format=xlsx") rel="external" download>"XLSX"</a>
            </p>
        </section>
        <section class="panel" aria-labelledby="rapport-majeurs">
            <h2 id="rapport-majeurs">{s.report_majors}</h2>
            {majors}
        </section>
        <Actions report record set_status/>
    }
}

#[component]
fn Actions(
    report: MonthlyReport,
    record: ServerAction<RecordImprovementAction>,
    set_status: ServerAction<SetImprovementActionStatus>,
) -> impl IntoView {
    let s = s();
    let editable = report.may_edit;
    let rows =
        report.actions.iter().cloned().map(|action| view! { <ActionRow action editable set_status/> }).collect_view();
    let table = if report.actions.is_empty() {
        view! { <p class="muted">{s.report_no_action}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll"><table class="actions">
                <thead><tr>
                    <th scope="col">{s.action_title}</th>
                    <th scope="col">{s.col_owner}</th>
                    <th scope="col">{s.col_due}</th>
                    <th scope="col">{s.col_status}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="rapport-actions">
            <h2 id="rapport-actions">{s.report_actions}</h2>
            {move || set_status.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            {table}
            {editable.then(|| view! { <ActionForm owners=report.owners.clone() record/> })}
        </section>
    }
}

#[component]
fn ActionRow(
    action: ImprovementAction,
    editable: bool,
    set_status: ServerAction<SetImprovementActionStatus>,
) -> impl IntoView {
    let id = action.id;
    let status = if editable {
        let current = action.status;
        view! {
            <select aria-label=format!("{} « {} »", s().col_status, action.title)
                on:change=move |ev| {
                    if let Some(status) = ActionStatus::from_code(&event_target_value(&ev)) {
                        set_status.dispatch(SetImprovementActionStatus { id, status });
                    }
                }>
                {ActionStatus::ALL.iter().map(|each| view! {
                    <option value=each.code() selected=*each == current>{action_status_label(*each)}</option>
                }).collect_view()}
            </select>
        }
        .into_any()
    } else {
        view! { <span>{action_status_label(action.status)}</span> }.into_any()
    };
    view! {
        <tr data-action=id>
            <th scope="row">{action.title.clone()}<p class="small muted">{action.description.clone()}</p></th>
            <td>{action.owner.clone()}</td>
            <td>{action.due_on.map(|due| due.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "—".to_owned())}</td>
            <td>{status}</td>
        </tr>
    }
}

#[component]
fn ActionForm(owners: Vec<super::Owner>, record: ServerAction<RecordImprovementAction>) -> impl IntoView {
    let s = s();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let owner = RwSignal::new(owners.first().map(|owner| owner.id).unwrap_or_default());
    let due = RwSignal::new(String::new());
    let recorded = move || matches!(record.value().get(), Some(Ok(_)));
    Effect::new(move |_| {
        if recorded() {
            title.set(String::new());
            description.set(String::new());
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        record.dispatch(RecordImprovementAction {
            draft: ActionDraft {
                title: title.get_untracked(),
                description: description.get_untracked(),
                owner_id: owner.get_untracked(),
                due_on: due.get_untracked(),
            },
        });
    };
    view! {
        <form class="form no-print" on:submit=submit aria-labelledby="nouvelle-action">
            <h3 id="nouvelle-action">{s.action_new}</h3>
            <label>{s.action_title}
                <input type="text" name="title" minlength="3" maxlength="200" required prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
            </label>
            <label>{s.action_description}
                <textarea name="description" rows="2" maxlength="4000" prop:value=description on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </label>
            <div class="form-row">
                <label>{s.action_owner}
                    <select name="owner" on:change=move |ev| owner.set(event_target_value(&ev).parse().unwrap_or_default())>
                        {owners.into_iter().map(|each| view! { <option value=each.id>{each.name}</option> }).collect_view()}
                    </select>
                </label>
                <label>{s.action_due}
                    <input type="date" name="due_on" prop:value=due on:input=move |ev| due.set(event_target_value(&ev))/>
                </label>
            </div>
            {move || record.value().get().map(|result| match result {
                Ok(_) => view! { <p class="notice ok" role="status">{s.action_recorded}</p> }.into_any(),
                Err(error) => view! { <p class="notice error" role="alert">{error.message()}</p> }.into_any(),
            })}
            <button type="submit" class="button primary">{s.action_record}</button>
        </form>
    }
}

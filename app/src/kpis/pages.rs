//! The KPI page (`/pilotage/indicateurs`): filters kept in the URL, every KPI with its definition and trend,
//! three charts (evolution, backlog age, compliance by domain × site) each with its table and exports.

use super::KpiPage;
use super::api::load_kpi_page;
use super::query::KpiQuery;
use super::sheets::{Cell, Sheet, SheetKind, sheet};
use crate::domain::access::{Area, SteeringPage};
use crate::domain::kpi::{KpiLine, Trend};
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, ServiceDomain};
use crate::i18n::steering::{age_bucket_label, heat_legend, s, sheet_title, trend_label, trend_symbol};
use crate::i18n::{
    channel_label, domain_label, kind_label, kpi_definition, kpi_label, local_day, percent, pole_label, t,
};
use crate::ui::charts::{BarChart, Heatmap, LineChart, Series};
use crate::ui::{ErrorPanel, Guarded, SteeringTabs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

const KPI_PATH: &str = SteeringPage::Kpis.path();

#[component]
pub fn KpiDashboardPage() -> impl IntoView {
    view! { <Guarded area=Area::Steering page=Arc::new(|_| view! { <KpiDashboard/> }.into_any())/> }
}

#[component]
fn KpiDashboard() -> impl IntoView {
    let s = s();
    let query_map = use_query_map();
    let query = move || {
        query_map.with(|map| KpiQuery {
            from: map.get("from"),
            to: map.get("to"),
            pole: map.get("pole"),
            site: map.get("site"),
            domain: map.get("domain"),
            kind: map.get("type"),
            channel: map.get("channel"),
        })
    };
    let page = Resource::new(query, load_kpi_page);
    view! {
        <Title text=s.kpis_title/>
        <SteeringTabs current=SteeringPage::Kpis/>
        <h1>{s.kpis_title}</h1>
        <p class="lead">{s.kpis_intro}</p>
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Filters page=page.clone()/> <Dashboard page/> }.into_any(),
                    Err(error) => view! {
                        <ErrorPanel error/>
                        <p><a href=KPI_PATH>{s.kpis_reset}</a></p>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

/// A select of codes with "all" first; `chosen` is the current code.
fn code_select<T: Copy + 'static>(
    name: &'static str,
    label: &'static str,
    all: &'static [T],
    code: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    chosen: Option<String>,
) -> impl IntoView {
    let options = all
        .iter()
        .map(|each| {
            let value = code(*each);
            view! { <option value=value selected=chosen.as_deref() == Some(value)>{text(*each)}</option> }
        })
        .collect_view();
    view! {
        <label>{label}
            <select name=name>
                <option value="">{s().all}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn Filters(page: KpiPage) -> impl IntoView {
    let s = s();
    let query = page.query.clone();
    let site_options = page
        .sites
        .iter()
        .map(|site| {
            let value = site.id.0.to_string();
            let selected = query.site.as_deref() == Some(value.as_str());
            view! { <option value=value selected=selected>{site.name.clone()}</option> }
        })
        .collect_view();
    view! {
        <Form method="GET" action=KPI_PATH attr:class="filters panel" attr:aria-label=s.filters_label>
            <label>{s.from}<input type="date" name="from" value=query.from.clone() required/></label>
            <label>{s.to}<input type="date" name="to" value=query.to.clone() required/></label>
            {code_select("pole", s.pole, Pole::ALL, Pole::code, pole_label, query.pole.clone())}
            <label>{s.site}
                <select name="site">
                    <option value="">{s.all}</option>
                    {site_options}
                </select>
            </label>
            {code_select("domain", s.domain, ServiceDomain::ALL, ServiceDomain::code, domain_label, query.domain.clone())}
            {code_select("type", s.kind, Kind::ALL, Kind::code, kind_label, query.kind.clone())}
            {code_select("channel", s.channel, Channel::ALL, Channel::code, channel_label, query.channel.clone())}
            <button type="submit" class="button primary">{s.apply}</button>
        </Form>
    }
}

/// The trend in words and a symbol, so it reads without colour.
fn trend_badge(trend: Trend) -> impl IntoView {
    let class = match trend {
        Trend::Better => "trend better",
        Trend::Worse => "trend worse",
        Trend::Steady | Trend::Unknown => "trend steady",
    };
    view! { <span class=class><span aria-hidden="true">{trend_symbol(trend)}" "</span>{trend_label(trend)}</span> }
}

#[component]
fn KpiCard(line: KpiLine) -> impl IntoView {
    let s = s();
    let value = Cell::of(line.kpi.unit(), line.current).display();
    let previous = Cell::of(line.kpi.unit(), line.previous).display();
    let counts = (line.current.denominator > 0 && line.kpi.unit() == crate::domain::kpi::Unit::Share)
        .then(|| format!("{} / {}", line.current.numerator, line.current.denominator));
    view! {
        <div class="kpi-card" data-kpi=line.kpi.code()>
            <dt>{kpi_label(line.kpi)}</dt>
            <dd class="value">{value}</dd>
            {counts.map(|counts| view! { <dd class="counts">{counts}</dd> })}
            <dd class="previous">{s.previous_period}" : "{previous}</dd>
            <dd class="trend-line">{trend_badge(line.trend)}</dd>
            <dd class="definition">{kpi_definition(line.kpi)}</dd>
        </div>
    }
}

#[component]
fn Dashboard(page: KpiPage) -> impl IntoView {
    let s = s();
    let period = format!(
        "{} {} {} {}",
        s.period_from,
        local_day(page.report.period.from),
        s.period_to,
        local_day(page.report.period.to - chrono::TimeDelta::seconds(1))
    );
    let previous = format!(
        "{} {} – {}",
        s.compared_with,
        local_day(page.report.previous.from),
        local_day(page.report.previous.to - chrono::TimeDelta::seconds(1))
    );
    let cards = page.report.lines.iter().map(|line| view! { <KpiCard line=*line/> }).collect_view();
    let params = page.query.to_url_params();
    view! {
        <p class="period"><strong>{period}</strong>" · "{previous}</p>
        <dl class="kpi-cards">{cards}</dl>
        <SheetSection sheet=sheet(&page, SheetKind::Indicators) params=params.clone() open=false/>
        <EvolutionChart page=page.clone()/>
        <SheetSection sheet=sheet(&page, SheetKind::Evolution) params=params.clone() open=false/>
        <BacklogChart page=page.clone()/>
        <SheetSection sheet=sheet(&page, SheetKind::BacklogAges) params=params.clone() open=false/>
        <ComplianceChart page=page.clone()/>
        <SheetSection sheet=sheet(&page, SheetKind::Compliance) params open=false/>
    }
}

#[component]
fn EvolutionChart(page: KpiPage) -> impl IntoView {
    let s = s();
    let categories: Vec<String> =
        page.steps.iter().map(|step| local_day(step.period.from).chars().take(5).collect()).collect();
    let counts = vec![
        Series {
            name: s.col_registered.into(),
            values: page.steps.iter().map(|x| Some(x.registered as f64)).collect(),
        },
        Series { name: s.col_closed.into(), values: page.steps.iter().map(|x| Some(x.closed as f64)).collect() },
    ];
    let compliance = vec![Series {
        name: s.col_compliance.into(),
        values: page
            .steps
            .iter()
            .map(|x| (x.resolved > 0).then(|| x.resolved_in_time as f64 / x.resolved as f64))
            .collect(),
    }];
    view! {
        <section class="panel chart-panel">
            <h2>{sheet_title(SheetKind::Evolution)}</h2>
            <LineChart id="evolution-flux" title=s.chart_flow.to_owned() categories=categories.clone() series=counts
                format=|v| format!("{v:.0}") floor=1.0/>
            <LineChart id="evolution-conformite" title=s.chart_compliance_trend.to_owned() categories series=compliance
                format=|v| percent(v) floor=1.0/>
        </section>
    }
}

#[component]
fn BacklogChart(page: KpiPage) -> impl IntoView {
    let s = s();
    let categories: Vec<String> = (0..page.report.backlog_ages.len()).map(|b| age_bucket_label(b).to_owned()).collect();
    let series = vec![
        Series {
            name: s.col_backlog_now.into(),
            values: page.report.backlog_ages.iter().map(|n| Some(*n as f64)).collect(),
        },
        Series {
            name: s.col_backlog_before.into(),
            values: page.report.previous_backlog_ages.iter().map(|n| Some(*n as f64)).collect(),
        },
    ];
    view! {
        <section class="panel chart-panel">
            <h2>{sheet_title(SheetKind::BacklogAges)}</h2>
            <BarChart id="anciennete" title=s.chart_backlog.to_owned() categories series format=|v| format!("{v:.0}")/>
        </section>
    }
}

#[component]
fn ComplianceChart(page: KpiPage) -> impl IntoView {
    let s = s();
    let mut sites: Vec<crate::domain::ids::SiteId> = page.grid.iter().map(|cell| cell.site).collect();
    sites.sort_by_key(|site| page.site_name(*site));
    sites.dedup();
    let mut domains: Vec<Option<ServiceDomain>> = page.grid.iter().map(|cell| cell.domain).collect();
    domains.sort_by_key(|domain| domain.map(|d| d.code()));
    domains.dedup();
    let cells: Vec<Vec<Option<(f64, u64)>>> = sites
        .iter()
        .map(|site| {
            domains
                .iter()
                .map(|domain| {
                    page.grid
                        .iter()
                        .find(|cell| cell.site == *site && cell.domain == *domain)
                        .and_then(|cell| cell.share().map(|share| (share, cell.total)))
                })
                .collect()
        })
        .collect();
    let chart = if sites.is_empty() {
        view! { <p class="muted">{s.no_resolution}</p> }.into_any()
    } else {
        view! {
            <Heatmap id="conformite" title=s.chart_grid.to_owned()
                rows=sites.iter().map(|site| page.site_name(*site)).collect()
                columns=domains.iter().map(|d| d.map_or(s.no_domain, domain_label).to_owned()).collect()
                cells format=|v| percent(v) legend=heat_legend()/>
        }
        .into_any()
    };
    view! {
        <section class="panel chart-panel">
            <h2>{sheet_title(SheetKind::Compliance)}</h2>
            {chart}
        </section>
    }
}

/// A table behind a chart, folded, with its CSV and XLSX exports.
#[component]
pub fn SheetSection(sheet: Sheet, params: String, open: bool) -> impl IntoView {
    let s = s();
    let export = |format: &str| {
        format!(
            "/api/v1/kpis/export?tableau={}&format={format}{}{params}",
            sheet.kind.code(),
            if params.is_empty() { "" } else { "&" }
        )
    };
    let (csv, xlsx) = (export("csv"), export("xlsx"));
    let headers = sheet.columns.iter().map(|column| view! { <th scope="col">{column.clone()}</th> }).collect_view();
    let rows = sheet
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(index, cell)| {
                    let numeric = !matches!(cell, Cell::Text(_));
                    if index == 0 {
                        view! { <th scope="row">{cell.display()}</th> }.into_any()
                    } else {
                        view! { <td class:numeric=numeric>{cell.display()}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <details class="sheet" open=open data-sheet=sheet.kind.code()>
            <summary>{s.table_of}" « "{sheet.title.clone()}" »"</summary>
            <p class="exports">
                {s.export}" "
                <a href=csv rel="external" download>"CSV"</a>" · "
                <a href=xlsx rel="external" download>"XLSX"</a>
            </p>
            <div class="table-scroll">
                <table>
                    <caption class="visually-hidden">{sheet.title.clone()}</caption>
                    <thead><tr>{headers}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

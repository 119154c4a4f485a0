//! The SLA matrix page: per pole, a heatmap of the expected share of tickets owned within target by priority
//! and staffing, the inputs it rests on, what-if controls that recompute the cells in the browser, and the
//! week of arrivals against the staffing planned. Reloads its inputs when tickets of the pole change.

use super::api::{SaveAgentWeek, load_capacity};
use super::{AgentWeek, MODELLED_POLES, PoleCapacity, SCHEDULE_EDITORS, STAFFING_GOAL};
use crate::domain::access::Area;
use crate::domain::capacity::{
    Cell, HourOfWeek, Matrix, PoleInputs, RowTarget, SlotStaffing, WhatIf, matrix, week_staffing,
};
use crate::domain::ids::UserId;
use crate::domain::people::Pole;
use crate::domain::ticket::Priority;
use crate::i18n::{
    area_label, decimal, handle_label, kind_label, missing_agents, observed_label, percent, pole_label, priority_label,
    slot_label, t, traffic_label, weekday_of_index,
};
use crate::live::use_ticket_changes;
use crate::referential::admin::save_outcome;
use crate::ui::{ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::collections::HashMap;
use std::sync::Arc;

#[component]
pub fn SlaMatrixPage() -> impl IntoView {
    view! {
        <Guarded area=Area::SlaMatrix page=Arc::new(|user| {
            let can_plan = user.roles.has_any(&SCHEDULE_EDITORS);
            view! { <SlaMatrix can_plan/> }.into_any()
        })/>
    }
}

/// The what-if settings, kept across live reloads of the inputs (and reset with one button).
#[derive(Clone, Copy)]
struct Controls {
    slot: RwSignal<Option<HourOfWeek>>,
    extra_agents: RwSignal<i32>,
    growth: RwSignal<i32>,
    targets: RwSignal<Vec<RowTarget>>,
}

impl Controls {
    fn what_if(&self) -> WhatIf {
        WhatIf {
            slot: self.slot.get(),
            extra_agents: self.extra_agents.get(),
            arrivals_growth_percent: self.growth.get(),
            targets: self.targets.get(),
        }
    }

    fn reset(&self) {
        self.slot.set(None);
        self.extra_agents.set(0);
        self.growth.set(0);
        self.targets.set(Vec::new());
    }
}

#[component]
fn SlaMatrix(can_plan: bool) -> impl IntoView {
    let query = use_query_map();
    let pole = Memo::new(move |_| {
        query
            .read()
            .get("pole")
            .and_then(|code| Pole::from_code(&code))
            .filter(|pole| MODELLED_POLES.contains(pole))
            .unwrap_or(Pole::Front)
    });
    let changes = use_ticket_changes(move |change| {
        let shown = pole.get_untracked();
        change.pole == shown || change.previous_pole == Some(shown)
    });
    let save_week = ServerAction::<SaveAgentWeek>::new();
    let drafts = WeekDrafts::new(save_week);
    let capacity = Resource::new(
        move || (pole.get(), changes.get(), save_week.version().get()),
        |(pole, _, _)| load_capacity(pole),
    );
    let controls = Controls {
        slot: RwSignal::new(None),
        extra_agents: RwSignal::new(0),
        growth: RwSignal::new(0),
        targets: RwSignal::new(Vec::new()),
    };
    // One pole's what-if targets and staffing mean nothing for the next.
    Effect::new(move |shown: Option<Pole>| {
        let now = pole.get();
        if shown.is_some_and(|shown| shown != now) {
            controls.reset();
        }
        now
    });
    let t = t();
    view! {
        <Title text=area_label(Area::SlaMatrix)/>
        <h1>{area_label(Area::SlaMatrix)}</h1>
        <p class="lead">{t.capacity_intro}</p>
        <nav class="tabs" aria-label=t.capacity_poles>
            {MODELLED_POLES.iter().map(|each| {
                let each = *each;
                let href = format!("{}?pole={}", Area::SlaMatrix.path(), each.code());
                view! {
                    <a href=href data-pole=each.code()
                        aria-current=move || (pole.get() == each).then_some("page")>{pole_label(each)}</a>
                }
            }).collect_view()}
        </nav>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match capacity.await {
                    Ok(capacity) => {
                        let agents = capacity.agents.clone();
                        view! {
                            <Heatmap capacity controls/>
                            <Schedules agents can_plan save=save_week drafts/>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
        <p class="muted small">{t.capacity_method}</p>
    }
}

#[component]
fn Heatmap(capacity: PoleCapacity, controls: Controls) -> impl IntoView {
    let t = t();
    let inputs = Arc::new(capacity.inputs.clone());
    let computed = {
        let inputs = Arc::clone(&inputs);
        Memo::new(move |_| matrix(&inputs, &controls.what_if()))
    };
    let kinds = capacity.target_kinds.clone();
    let target_label = move |priority: Priority, minutes: f64| {
        let kind = kinds.iter().find(|(of, _)| *of == priority).map_or("", |(_, kind)| kind_label(*kind));
        format!("{kind}, {} min", decimal(minutes, 0))
    };
    let observed = observed_label(capacity.inputs.observed_tickets, capacity.inputs.window_days);
    let handle = handle_label(capacity.inputs.mean_handle_minutes, capacity.inputs.handle_samples);
    let on_duty = format!("{} / {}", capacity.on_duty_now, capacity.agents.len());
    let week_inputs = Arc::clone(&inputs);
    view! {
        <section class="panel" aria-labelledby="matrice-donnees" data-capacity=capacity.pole.code()>
            <h2 id="matrice-donnees">{format!("{} — {}", pole_label(capacity.pole), t.capacity_inputs)}</h2>
            <dl class="figures">
                <div><dt>{t.capacity_observed}</dt><dd data-field="observed">{observed}</dd></div>
                <div>
                    <dt>{t.capacity_arrivals}</dt>
                    <dd data-field="arrivals">{move || {
                        let matrix = computed.get();
                        format!("{} — {} /h", slot_label(matrix.slot), decimal(matrix.arrivals_per_hour, 1))
                    }}</dd>
                </div>
                <div><dt>{t.capacity_handle}</dt><dd data-field="handle">{handle}</dd></div>
                <div>
                    <dt>{t.capacity_traffic}</dt>
                    <dd data-field="traffic">{move || traffic_label(computed.get().traffic)}</dd>
                </div>
                <div>
                    <dt>{t.capacity_staffing}</dt>
                    <dd data-field="staffing">{move || computed.get().staffing.to_string()}</dd>
                </div>
                <div><dt>{t.capacity_on_duty}</dt><dd data-field="on-duty">{on_duty}</dd></div>
            </dl>
        </section>
        <WhatIfControls controls inputs=Arc::clone(&inputs)/>
        <section class="panel" aria-labelledby="matrice-carte">
            <h2 id="matrice-carte">{t.capacity_matrix}</h2>
            {move || {
                let matrix = computed.get();
                view! { <MatrixTable matrix target_label=target_label.clone()/> }
            }}
            <p class="muted small">{t.capacity_saturated_help}</p>
            <Legend/>
        </section>
        <section class="panel" aria-labelledby="matrice-semaine">
            <h2 id="matrice-semaine">{t.capacity_week}</h2>
            <p class="muted">{t.capacity_week_help}</p>
            {move || {
                let week = week_staffing(&week_inputs, &controls.what_if(), STAFFING_GOAL);
                view! { <WeekTable week controls/> }
            }}
        </section>
    }
}

#[component]
fn WhatIfControls(controls: Controls, inputs: Arc<PoleInputs>) -> impl IntoView {
    let t = t();
    let default_slot = inputs.default_slot();
    let slot = move || controls.slot.get().unwrap_or(default_slot);
    let set_slot = move |weekday: Option<u8>, hour: Option<u8>| {
        let current = slot();
        let chosen = HourOfWeek::new(weekday.unwrap_or(current.weekday()), hour.unwrap_or(current.hour()));
        controls.slot.set(chosen);
    };
    let measured_targets = inputs.targets.clone();
    let target_of = move |priority: Priority| {
        controls
            .targets
            .get()
            .iter()
            .chain(&measured_targets)
            .find(|target| target.priority == priority)
            .map_or(60.0, |target| target.target_minutes)
    };
    let set_target = move |priority: Priority, text: String| {
        let Ok(minutes) = text.trim().replace(',', ".").parse::<f64>() else { return };
        if !(minutes.is_finite() && minutes >= 0.0) {
            return;
        }
        controls.targets.update(|targets| {
            targets.retain(|target| target.priority != priority);
            targets.push(RowTarget { priority, target_minutes: minutes });
        });
    };
    view! {
        <section class="panel what-if" aria-labelledby="matrice-et-si">
            <h2 id="matrice-et-si">{t.capacity_what_if}</h2>
            <div class="form-grid">
                <fieldset>
                    <legend>{t.capacity_slot}</legend>
                    <label for="matrice-jour">{t.capacity_weekday}</label>
                    <select id="matrice-jour" name="jour" prop:value=move || slot().weekday().to_string()
                        on:change=move |ev| set_slot(event_target_value(&ev).parse().ok(), None)>
                            {(0..7u8).map(|weekday| view! {
                                <option value=weekday.to_string() selected=move || slot().weekday() == weekday>
                                    {weekday_of_index(weekday)}
                                </option>
                            }).collect_view()}
                    </select>
                    <label for="matrice-heure">{t.capacity_hour}</label>
                    <select id="matrice-heure" name="heure" prop:value=move || slot().hour().to_string()
                        on:change=move |ev| set_slot(None, event_target_value(&ev).parse().ok())>
                            {(0..24u8).map(|hour| view! {
                                <option value=hour.to_string() selected=move || slot().hour() == hour>
                                    {format!("{hour:02}:00")}
                                </option>
                            }).collect_view()}
                    </select>
                </fieldset>
                <fieldset>
                    <legend>{t.capacity_staffing}</legend>
                    <div class="stepper">
                        <button type="button" class="button" data-action="remove-agent"
                            on:click=move |_| controls.extra_agents.update(|extra| *extra -= 1)>
                            "−"<span class="visually-hidden">{t.capacity_remove_agent}</span>
                        </button>
                        <output data-field="extra-agents" aria-live="polite">{move || {
                            let extra = controls.extra_agents.get();
                            if extra == 0 { "±0".to_owned() } else { format!("{extra:+}") }
                        }}</output>
                        <button type="button" class="button" data-action="add-agent"
                            on:click=move |_| controls.extra_agents.update(|extra| *extra += 1)>
                            "+"<span class="visually-hidden">{t.capacity_add_agent}</span>
                        </button>
                    </div>
                </fieldset>
                <label>
                    {t.capacity_growth}
                    <input type="range" name="croissance" min="-50" max="200" step="10"
                        value=controls.growth.get_untracked().to_string()
                        prop:value=move || controls.growth.get().to_string()
                        on:input=move |ev| {
                            if let Ok(value) = event_target_value(&ev).parse() { controls.growth.set(value) }
                        }/>
                    <output data-field="growth">{move || format!("{:+} %", controls.growth.get())}</output>
                </label>
                <fieldset>
                    <legend>{t.capacity_targets}</legend>
                    {Priority::ALL.iter().map(|priority| {
                        let priority = *priority;
                        let target_of = target_of.clone();
                        view! {
                            <label>
                                {priority.code()}
                                <input type="number" min="0" step="5" inputmode="numeric"
                                    name=format!("cible-{}", priority.code())
                                    value=decimal(target_of(priority), 0)
                                    prop:value=move || decimal(target_of(priority), 0)
                                    on:change=move |ev| set_target(priority, event_target_value(&ev))/>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
            <button type="button" class="button" data-action="reset" on:click=move |_| controls.reset()>
                {t.capacity_reset}
            </button>
        </section>
    }
}

/// The colour step of a share (six steps, each also written as a number in the cell).
fn heat_step(level: f64) -> u8 {
    match level {
        level if level >= 0.95 => 5,
        level if level >= 0.90 => 4,
        level if level >= 0.80 => 3,
        level if level >= 0.60 => 2,
        level if level >= 0.30 => 1,
        _ => 0,
    }
}

#[component]
fn HeatCell(cell: Cell, planned: bool, label: String) -> impl IntoView {
    let (class, text) = match cell.service_level {
        Some(level) => (format!("heat heat-{}", heat_step(level)), percent(level)),
        None => ("heat saturated".to_owned(), t().capacity_saturated.to_owned()),
    };
    view! {
        <td class=class class:planned=planned data-agents=cell.agents.to_string() aria-label=label>{text}</td>
    }
}

#[component]
fn MatrixTable(matrix: Matrix, target_label: impl Fn(Priority, f64) -> String + 'static) -> impl IntoView {
    let t = t();
    let staffing = matrix.staffing;
    let expected = |cells: &[Cell]| cells.iter().find(|cell| cell.agents == staffing).copied();
    let header = matrix
        .columns
        .iter()
        .map(|agents| {
            let planned = *agents == staffing;
            view! {
                <th scope="col" class:planned=planned data-agents=agents.to_string()>
                    {agents.to_string()}
                    {planned.then(|| view! { <span class="marker">{format!(" ▼ {}", t.capacity_planned)}</span> })}
                </th>
            }
        })
        .collect_view();
    let row_of = |heading: String, code: &'static str, cells: &[Cell]| {
        let reading = expected(cells)
            .map(|cell| cell.service_level.map_or(t.capacity_saturated.to_owned(), percent))
            .unwrap_or_else(|| "—".to_owned());
        view! {
            <tr data-priority=code>
                <th scope="row">{heading.clone()}</th>
                {cells.iter().map(|cell| {
                    let label = format!("{heading}, {} {}", cell.agents, t.capacity_agents_column);
                    let planned = cell.agents == staffing;
                    view! { <HeatCell cell=*cell planned label/> }
                }).collect_view()}
                <td class="expected" data-field="expected">{reading}</td>
            </tr>
        }
    };
    let rows = matrix
        .rows
        .iter()
        .map(|row| {
            let heading =
                format!("{} ({})", priority_label(row.priority), target_label(row.priority, row.target_minutes));
            row_of(heading, row.priority.code(), &row.cells)
        })
        .collect_view();
    let overall = row_of(t.capacity_all.to_owned(), "TOUTES", &matrix.overall);
    view! {
        <div class="table-scroll">
            <table class="heatmap" data-slot=matrix.slot.0.to_string()>
                <caption>{format!("{} — {}", t.capacity_matrix, slot_label(matrix.slot))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.capacity_col_priority}</th>
                        {header}
                        <th scope="col">{format!("{} ({staffing})", t.capacity_expected)}</th>
                    </tr>
                </thead>
                <tbody>{rows}{overall}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Legend() -> impl IntoView {
    let t = t();
    let steps = [(5, "≥ 95 %"), (4, "90–95 %"), (3, "80–90 %"), (2, "60–80 %"), (1, "30–60 %"), (0, "< 30 %")];
    view! {
        <ul class="heat-legend" aria-label=t.capacity_legend>
            {steps.iter().map(|(step, text)| view! { <li class=format!("heat heat-{step}")>{*text}</li> }).collect_view()}
            <li class="heat saturated">{t.capacity_saturated}</li>
        </ul>
    }
}

#[component]
fn WeekTable(week: Vec<SlotStaffing>, controls: Controls) -> impl IntoView {
    let t = t();
    let busy = |slot: &&SlotStaffing| slot.arrivals_per_hour > 0.0 || slot.scheduled > 0;
    let hours: Vec<u8> = week.iter().filter(busy).map(|slot| slot.slot.hour()).collect();
    let (first, last) = (hours.iter().min().copied().unwrap_or(8), hours.iter().max().copied().unwrap_or(18));
    let days: Vec<u8> = (0..7).filter(|day| week.iter().filter(busy).any(|slot| slot.slot.weekday() == *day)).collect();
    let days = if days.is_empty() { (0..5).collect() } else { days };
    let header = days.iter().map(|day| view! { <th scope="col">{weekday_of_index(*day)}</th> }).collect_view();
    let rows = (first..=last)
        .map(|hour| {
            let cells = days
                .iter()
                .filter_map(|day| HourOfWeek::new(*day, hour))
                .map(|slot| {
                    let staffing = week[slot.index()];
                    let short = staffing.understaffed();
                    let warning = short.then(|| {
                        view! {
                            <span class="warning-text">
                                {format!("⚠ {} — {}", t.capacity_understaffed, missing_agents(staffing.needed - staffing.scheduled))}
                            </span>
                        }
                    });
                    view! {
                        <td class:understaffed=short data-slot=slot.0.to_string()>
                            <button type="button" class="slot-pick" on:click=move |_| controls.slot.set(Some(slot))>
                                <span class="visually-hidden">{slot_label(slot)}</span>
                                <span>{format!("{} /h", decimal(staffing.arrivals_per_hour, 1))}</span>
                                <span class="small">{format!(
                                    "{} {} · {} {}", staffing.scheduled, t.capacity_scheduled, staffing.needed, t.capacity_needed
                                )}</span>
                                {warning}
                            </button>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("{hour:02}:00")}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="week-staffing">
                <thead><tr><th scope="col">{t.capacity_hour}</th>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The pole's agents and their weeks: the planned staffing comes from here. Supervisors and administrators
/// edit them; everyone else reads them.
/// The weeks being edited, kept above the part of the page that live changes redraw: a ticket arriving
/// must never wipe what a supervisor is typing. An agent's draft goes once their week is saved.
#[derive(Clone, Copy)]
struct WeekDrafts {
    weeks: RwSignal<HashMap<UserId, Vec<String>>>,
    saving: RwSignal<Option<UserId>>,
}

impl WeekDrafts {
    fn new(save: ServerAction<SaveAgentWeek>) -> Self {
        let drafts = WeekDrafts { weeks: RwSignal::new(HashMap::new()), saving: RwSignal::new(None) };
        Effect::new(move |_| {
            if matches!(save.value().get(), Some(Ok(())))
                && let Some(saved) = drafts.saving.get_untracked()
            {
                drafts.weeks.update(|weeks| drop(weeks.remove(&saved)));
            }
        });
        drafts
    }

    /// What the agent's week reads now: the draft if one is being edited, else what is stored.
    fn of(&self, agent: &AgentWeek) -> Vec<String> {
        self.weeks.with_untracked(|weeks| weeks.get(&agent.id).cloned()).unwrap_or_else(|| agent.week.clone())
    }

    fn set(&self, agent: &AgentWeek, day: usize, hours: String) {
        let stored = agent.week.clone();
        self.weeks.update(|weeks| {
            if let Some(slot) = weeks.entry(agent.id).or_insert(stored).get_mut(day) {
                *slot = hours;
            }
        });
    }
}

#[component]
fn Schedules(
    agents: Vec<AgentWeek>,
    can_plan: bool,
    save: ServerAction<SaveAgentWeek>,
    drafts: WeekDrafts,
) -> impl IntoView {
    let t = t();
    let header = chrono_week().map(|day| view! { <th scope="col">{day}</th> }).collect_view();
    let rows = agents
        .into_iter()
        .map(|agent| {
            let source = if agent.own { t.capacity_own_week } else { t.capacity_site_week };
            let shown = if can_plan { drafts.of(&agent) } else { agent.week.clone() };
            let agent = Arc::new(agent);
            let days = shown
                .iter()
                .enumerate()
                .zip(chrono_week())
                .map(|((index, hours), day)| {
                    let cell = if can_plan {
                        let label = format!("{} — {day}", agent.name);
                        view! {
                            <input type="text" class="hours" value=hours.clone() aria-label=label
                                data-day=index.to_string() placeholder="08:30-12:30"
                                on:input={
                                    let agent = Arc::clone(&agent);
                                    move |ev| drafts.set(&agent, index, event_target_value(&ev))
                                }/>
                        }
                        .into_any()
                    } else {
                        view! { <span>{if hours.is_empty() { "—".to_owned() } else { hours.clone() }}</span> }
                            .into_any()
                    };
                    view! { <td>{cell}</td> }
                })
                .collect_view();
            let id = agent.id;
            let actions = can_plan.then(|| {
                let back_to_site = agent.own.then(|| {
                    view! {
                        <button type="button" class="button" data-action="site-week"
                            on:click=move |_| {
                                drafts.saving.set(Some(id));
                                save.dispatch(SaveAgentWeek { agent: id, week: None });
                            }>
                            {t.capacity_use_site_week}
                        </button>
                    }
                });
                view! {
                    <td class="actions">
                        <button type="button" class="button primary" data-action="save-week"
                            on:click={
                                let agent = Arc::clone(&agent);
                                move |_| {
                                    drafts.saving.set(Some(id));
                                    save.dispatch(SaveAgentWeek { agent: id, week: Some(drafts.of(&agent)) });
                                }
                            }>
                            {t.save}
                        </button>
                        {back_to_site}
                    </td>
                }
            });
            view! {
                <tr data-agent=agent.id.0.to_string()>
                    <th scope="row">{agent.name.clone()}<br/><span class="muted small">{source}</span></th>
                    {days}
                    {actions}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="matrice-horaires">
            <h2 id="matrice-horaires">{t.capacity_schedules}</h2>
            <p class="muted">{t.capacity_schedules_help}</p>
            {(!can_plan).then(|| view! { <p class="muted">{t.capacity_schedules_read_only}</p> })}
            <p>{save_outcome(save.value())}</p>
            <div class="table-scroll">
                <table class="schedules">
                    <thead><tr><th scope="col">{t.col_agent_name}</th>{header}{can_plan.then(|| view! { <th scope="col"></th> })}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The weekdays' names, Monday first.
fn chrono_week() -> impl Iterator<Item = &'static str> {
    (0..7u8).map(weekday_of_index)
}

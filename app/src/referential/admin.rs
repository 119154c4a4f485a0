//! The administrators' pages of the referential (priority matrix, rules, typologies, taxonomy, technical
//! environment) and of the catalog (entries and their forms). Each row is edited in place and saved on
//! its own; the server checks and audits every change.

use super::api::{
    SaveCatalogEntry, SaveCategory, SaveEnvironmentItem, SaveTypology, SetMatrixCell, SetRules, SetWorkflowDelays,
    admin_catalog, load_referential,
};
use super::{CatalogEntry, Category, EnvironmentItem, Referential, TypologyRule, WorkflowDelays};
use crate::domain::access::Area;
use crate::domain::catalog::{FieldKind, FormField};
use crate::domain::people::Pole;
use crate::domain::qualification::{Criticality, EnvironmentKind, Impact, QualificationRules, Urgency};
use crate::domain::ticket::{Kind, Priority, ServiceDomain};
use crate::error::AppError;
use crate::i18n::{
    criticality_label, domain_label, environment_kind_label, field_kind_label, impact_label, kind_label, pole_label, t,
    typology_label, urgency_label,
};
use crate::ui::{DataTable, ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

/// "Enregistré." or the error of the last save of an action.
pub(crate) fn save_outcome<T, S>(value: S) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    move || match value.get() {
        Some(Ok(_)) => view! { <span class="notice ok" role="status">{t().saved}</span> }.into_any(),
        Some(Err(error)) => view! { <span class="notice error" role="alert">{error.message()}</span> }.into_any(),
        None => ().into_any(),
    }
}

fn select_of<T: Copy + PartialEq + Send + Sync + 'static>(
    all: &'static [T],
    label: fn(T) -> &'static str,
    code: fn(T) -> &'static str,
    current: T,
    on_pick: impl Fn(T) + 'static,
    aria_label: String,
) -> impl IntoView {
    view! {
        <select aria-label=aria_label on:change=move |ev| {
            let picked = event_target_value(&ev);
            if let Some(value) = all.iter().copied().find(|v| code(*v) == picked) {
                on_pick(value);
            }
        }>
            {all.iter().copied().map(|value| view! {
                <option value=code(value) selected=value == current>{label(value)}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
pub fn ReferentialAdminPage() -> impl IntoView {
    view! { <Guarded area=Area::Administration page=Arc::new(|_| view! { <ReferentialAdmin/> }.into_any())/> }
}

#[component]
fn ReferentialAdmin() -> impl IntoView {
    let t = t();
    let category_saved = ServerAction::<SaveCategory>::new();
    let item_saved = ServerAction::<SaveEnvironmentItem>::new();
    let data =
        Resource::new(move || (category_saved.version().get(), item_saved.version().get()), |_| load_referential());
    view! {
        <Title text=t.ref_title/>
        <h1>{t.ref_title}</h1>
        <p class="lead">{t.ref_intro}</p>
        <nav class="subnav"><a href="/administration">{t.admin_title}</a>" · "<a href="/administration/catalogue">{t.ref_catalog_title}</a></nav>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! {
                        <MatrixEditor data=data.clone()/>
                        <RulesEditor rules=data.rules/>
                        <DelaysEditor delays=data.delays/>
                        <TypologiesEditor rows=data.typologies.clone()/>
                        <CategoriesEditor data=data.clone() save=category_saved/>
                        <EnvironmentEditor rows=data.environment.clone() save=item_saved/>
                    }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MatrixEditor(data: Referential) -> impl IntoView {
    let t = t();
    let set_cell = ServerAction::<SetMatrixCell>::new();
    let rows = Impact::ALL
        .iter()
        .copied()
        .map(|impact| {
            let cells = Urgency::ALL
                .iter()
                .copied()
                .map(|urgency| {
                    let current = data.matrix.get(impact, urgency);
                    let aria = format!("{} × {}", impact_label(impact), urgency_label(urgency));
                    view! {
                        <td data-cell=format!("{impact}-{urgency}")>
                            {select_of(Priority::ALL, |p| p.code(), |p| p.code(), current, move |priority| {
                                set_cell.dispatch(SetMatrixCell { impact, urgency, priority });
                            }, aria)}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{impact_label(impact)}</th>{cells}</tr> }
        })
        .collect_view();
    let mut headers = vec![t.col_urgency_impact];
    headers.extend(Urgency::ALL.iter().map(|u| urgency_label(*u)));
    view! {
        <section class="panel" aria-labelledby="matrice">
            <h2 id="matrice">{t.ref_matrix_title}</h2>
            <DataTable headers>{rows}</DataTable>
            <p>{save_outcome(set_cell.value())}</p>
        </section>
    }
}

#[component]
fn RulesEditor(rules: QualificationRules) -> impl IntoView {
    let t = t();
    let save = ServerAction::<SetRules>::new();
    let draft = RwSignal::new(rules);
    view! {
        <section class="panel" aria-labelledby="regles">
            <h2 id="regles">{t.ref_rules_title}</h2>
            <form class="form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(SetRules { rules: draft.get_untracked() }); }>
                <label class="check">
                    <input type="checkbox" checked=rules.vital_raises_priority
                        on:change=move |ev| draft.update(|r| r.vital_raises_priority = event_target_checked(&ev))/>
                    " "{t.ref_vital_rule}
                </label>
                <div class="field">
                    <label for="deadline-window">{t.ref_deadline_rule}</label>
                    <input id="deadline-window" type="number" min="0" max="30" value=rules.deadline_window_days
                        on:input=move |ev| draft.update(|r| r.deadline_window_days = event_target_value(&ev).parse().unwrap_or(u32::MAX))/>
                </div>
                <p><button type="submit" class="button">{t.save}</button>" "{save_outcome(save.value())}</p>
            </form>
        </section>
    }
}

#[component]
fn DelaysEditor(delays: WorkflowDelays) -> impl IntoView {
    let t = t();
    let save = ServerAction::<SetWorkflowDelays>::new();
    let draft = RwSignal::new(delays);
    // An unreadable number is sent as -1 so the server names the field in its refusal.
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<i32>().unwrap_or(-1);
    view! {
        <section class="panel" aria-labelledby="delais">
            <h2 id="delais">{t.ref_delays_title}</h2>
            <form class="form" on:submit=move |ev| { ev.prevent_default(); save.dispatch(SetWorkflowDelays { delays: draft.get_untracked() }); }>
                <div class="field-row">
                    <div class="field">
                        <label for="reminder-delay">{t.ref_reminder_delay}</label>
                        <input id="reminder-delay" type="number" min="1" max="720" value=delays.reminder_delay_hours
                            on:input=move |ev| draft.update(|d| d.reminder_delay_hours = number(&ev))/>
                    </div>
                    <div class="field">
                        <label for="max-reminders">{t.ref_max_reminders}</label>
                        <input id="max-reminders" type="number" min="0" max="10" value=delays.max_reminders
                            on:input=move |ev| draft.update(|d| d.max_reminders = number(&ev))/>
                    </div>
                    <div class="field">
                        <label for="confirmation-delay">{t.ref_confirmation_delay}</label>
                        <input id="confirmation-delay" type="number" min="1" max="720" value=delays.confirmation_delay_hours
                            on:input=move |ev| draft.update(|d| d.confirmation_delay_hours = number(&ev))/>
                    </div>
                </div>
                <p><button type="submit" class="button">{t.save}</button>" "{save_outcome(save.value())}</p>
            </form>
        </section>
    }
}

#[component]
fn TypologiesEditor(rows: Vec<TypologyRule>) -> impl IntoView {
    let t = t();
    let rows = rows.into_iter().map(|rule| view! { <TypologyRow rule/> }).collect_view();
    view! {
        <section class="panel" aria-labelledby="typologies">
            <h2 id="typologies">{t.ref_typologies_title}</h2>
            <DataTable headers=vec![t.home_typology, t.col_handling, t.ref_raises, t.ref_callback, t.col_actions]>{rows}</DataTable>
        </section>
    }
}

#[component]
fn TypologyRow(rule: TypologyRule) -> impl IntoView {
    let t = t();
    let save = ServerAction::<SaveTypology>::new();
    let draft = RwSignal::new(rule.clone());
    view! {
        <tr data-typology=rule.typology.code()>
            <th scope="row">{typology_label(rule.typology)}</th>
            <td><textarea rows="2" aria-label=t.col_handling on:input=move |ev| draft.update(|r| r.handling = event_target_value(&ev))>{rule.handling.clone()}</textarea></td>
            <td><input type="checkbox" aria-label=t.ref_raises checked=rule.raises_incident_priority on:change=move |ev| draft.update(|r| r.raises_incident_priority = event_target_checked(&ev))/></td>
            <td><input type="checkbox" aria-label=t.ref_callback checked=rule.call_back_by_phone on:change=move |ev| draft.update(|r| r.call_back_by_phone = event_target_checked(&ev))/></td>
            <td>
                <button type="button" class="button" on:click=move |_| { save.dispatch(SaveTypology { rule: draft.get_untracked() }); }>{t.save}</button>
                " "{save_outcome(save.value())}
            </td>
        </tr>
    }
}

/// The kinds a category admits, as checkboxes.
fn kinds_picker(draft: RwSignal<Category>) -> impl IntoView {
    Kind::ALL
        .iter()
        .copied()
        .map(|kind| {
            let checked = draft.with_untracked(|c| c.allowed_kinds.contains(&kind));
            view! {
                <label class="check small">
                    <input type="checkbox" checked=checked on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|c| {
                            c.allowed_kinds.retain(|k| *k != kind);
                            if on { c.allowed_kinds.push(kind); c.allowed_kinds.sort(); }
                        });
                    }/>
                    {kind_label(kind)}
                </label>
            }
        })
        .collect_view()
}

const ROUTABLE_POLES: &[Pole] = &[Pole::Front, Pole::Back, Pole::Expert, Pole::Atelier];

#[component]
fn CategoriesEditor(data: Referential, save: ServerAction<SaveCategory>) -> impl IntoView {
    let t = t();
    let parents: Arc<Vec<Category>> =
        Arc::new(data.categories.iter().filter(|c| c.parent.is_none()).cloned().collect());
    let rows = data
        .categories
        .iter()
        .cloned()
        .map(|category| view! { <CategoryRow category parents=parents.clone() save/> })
        .collect_view();
    let blank = Category {
        id: None,
        domain: ServiceDomain::Workstation,
        parent: None,
        code: String::new(),
        label: String::new(),
        default_pole: Pole::Front,
        allowed_kinds: vec![Kind::Incident, Kind::Request],
        active: true,
    };
    view! {
        <section class="panel" aria-labelledby="taxonomie">
            <h2 id="taxonomie">{t.ref_categories_title}</h2>
            {save_outcome(save.value())}
            <DataTable headers=vec![t.col_domain, t.col_code, t.field_label, t.col_parent, t.col_default_pole, t.col_allowed_kinds, t.col_active, t.col_actions]>
                {rows}
                <CategoryRow category=blank parents save/>
            </DataTable>
        </section>
    }
}

#[component]
fn CategoryRow(category: Category, parents: Arc<Vec<Category>>, save: ServerAction<SaveCategory>) -> impl IntoView {
    let t = t();
    let is_new = category.id.is_none();
    let draft = RwSignal::new(category.clone());
    let parent_options = parents
        .iter()
        .filter(|p| p.id != category.id)
        .map(|p| {
            let value = p.id.map(|id| id.to_string()).unwrap_or_default();
            view! { <option value=value selected=p.id.is_some() && p.id == category.parent>{format!("{} › {}", domain_label(p.domain), p.label)}</option> }
        })
        .collect_view();
    view! {
        <tr data-category=category.code.clone() class=if is_new { "new-row" } else { "" }>
            <td>{select_of(ServiceDomain::ALL, domain_label, |d| d.code(), category.domain, move |d| draft.update(|c| c.domain = d), t.col_domain.into())}</td>
            <td><input aria-label=t.col_code value=category.code.clone() size="14" on:input=move |ev| draft.update(|c| c.code = event_target_value(&ev))/></td>
            <td><input aria-label=t.field_label value=category.label.clone() on:input=move |ev| draft.update(|c| c.label = event_target_value(&ev))/></td>
            <td>
                <select aria-label=t.col_parent on:change=move |ev| draft.update(|c| c.parent = event_target_value(&ev).parse().ok().map(crate::domain::ids::CategoryId))>
                    <option value="" selected=category.parent.is_none()>{t.none_option}</option>
                    {parent_options}
                </select>
            </td>
            <td>{select_of(ROUTABLE_POLES, pole_label, |p| p.code(), category.default_pole, move |p| draft.update(|c| c.default_pole = p), t.col_default_pole.into())}</td>
            <td class="kinds">{kinds_picker(draft)}</td>
            <td><input type="checkbox" aria-label=t.col_active checked=category.active on:change=move |ev| draft.update(|c| c.active = event_target_checked(&ev))/></td>
            <td><button type="button" class="button" on:click=move |_| { save.dispatch(SaveCategory { category: draft.get_untracked() }); }>
                {if is_new { t.ref_new } else { t.save }}
            </button></td>
        </tr>
    }
}

#[component]
fn EnvironmentEditor(rows: Vec<EnvironmentItem>, save: ServerAction<SaveEnvironmentItem>) -> impl IntoView {
    let t = t();
    let blank = EnvironmentItem {
        id: None,
        kind: EnvironmentKind::Application,
        code: String::new(),
        label: String::new(),
        description: String::new(),
        domain: ServiceDomain::Business,
        criticality: Criticality::Standard,
        active: true,
    };
    let rows = rows.into_iter().map(|item| view! { <EnvironmentRow item save/> }).collect_view();
    view! {
        <section class="panel" aria-labelledby="environnement">
            <h2 id="environnement">{t.ref_environment_title}</h2>
            {save_outcome(save.value())}
            <DataTable headers=vec![t.col_kind, t.col_code, t.field_label, t.col_description, t.col_domain, t.col_criticality, t.col_active, t.col_actions]>
                {rows}
                <EnvironmentRow item=blank save/>
            </DataTable>
        </section>
    }
}

#[component]
fn EnvironmentRow(item: EnvironmentItem, save: ServerAction<SaveEnvironmentItem>) -> impl IntoView {
    let t = t();
    let is_new = item.id.is_none();
    let draft = RwSignal::new(item.clone());
    view! {
        <tr data-environment=item.code.clone()>
            <td>{select_of(EnvironmentKind::ALL, environment_kind_label, |k| k.code(), item.kind, move |k| draft.update(|i| i.kind = k), t.col_kind.into())}</td>
            <td><input aria-label=t.col_code value=item.code.clone() size="14" on:input=move |ev| draft.update(|i| i.code = event_target_value(&ev))/></td>
            <td><input aria-label=t.field_label value=item.label.clone() on:input=move |ev| draft.update(|i| i.label = event_target_value(&ev))/></td>
            <td><input aria-label=t.col_description value=item.description.clone() on:input=move |ev| draft.update(|i| i.description = event_target_value(&ev))/></td>
            <td>{select_of(ServiceDomain::ALL, domain_label, |d| d.code(), item.domain, move |d| draft.update(|i| i.domain = d), t.col_domain.into())}</td>
            <td>{select_of(Criticality::ALL, criticality_label, |c| c.code(), item.criticality, move |c| draft.update(|i| i.criticality = c), t.col_criticality.into())}</td>
            <td><input type="checkbox" aria-label=t.col_active checked=item.active on:change=move |ev| draft.update(|i| i.active = event_target_checked(&ev))/></td>
            <td><button type="button" class="button" on:click=move |_| { save.dispatch(SaveEnvironmentItem { item: draft.get_untracked() }); }>
                {if is_new { t.ref_new } else { t.save }}
            </button></td>
        </tr>
    }
}

#[component]
pub fn CatalogAdminPage() -> impl IntoView {
    view! { <Guarded area=Area::Administration page=Arc::new(|_| view! { <CatalogAdmin/> }.into_any())/> }
}

#[component]
fn CatalogAdmin() -> impl IntoView {
    let t = t();
    let save = ServerAction::<SaveCatalogEntry>::new();
    let entries = Resource::new(move || save.version().get(), |_| admin_catalog());
    let editing = RwSignal::new(None::<CatalogEntry>);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(None);
        }
    });
    let blank = CatalogEntry {
        id: None,
        code: String::new(),
        title: String::new(),
        summary: String::new(),
        domain: ServiceDomain::Workstation,
        category: None,
        kind: Kind::Request,
        impact: Impact::User,
        urgency: Urgency::Normal,
        pole: Pole::Front,
        requires_approval: false,
        keywords: String::new(),
        fields: vec![FormField {
            key: "details".into(),
            label: "Précisions".into(),
            kind: FieldKind::LongText,
            required: true,
            help: String::new(),
            choices: vec![],
        }],
        active: true,
        usage: 0,
    };
    view! {
        <Title text=t.ref_catalog_title/>
        <h1>{t.ref_catalog_title}</h1>
        <nav class="subnav"><a href="/administration">{t.admin_title}</a>" · "<a href="/administration/referentiel">{t.ref_title}</a></nav>
        <p>{save_outcome(save.value())}</p>
        {move || editing.get().map(|entry| view! { <EntryEditor entry save editing/> })}
        <p><button type="button" class="button primary" on:click={
            let blank = blank.clone();
            move |_| editing.set(Some(blank.clone()))
        }>{t.ref_new}</button></p>
        <Transition fallback=|| view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) => {
                        let rows = entries.into_iter().map(|entry| {
                            let edit = entry.clone();
                            view! {
                                <tr data-code=entry.code.clone()>
                                    <td>{entry.title.clone()}</td>
                                    <td>{domain_label(entry.domain)}</td>
                                    <td>{kind_label(entry.kind)}</td>
                                    <td>{pole_label(entry.pole)}</td>
                                    <td>{if entry.requires_approval { t.yes } else { t.none_option }}</td>
                                    <td>{if entry.active { t.yes } else { t.none_option }}</td>
                                    <td>{entry.usage}</td>
                                    <td><button type="button" class="button" on:click=move |_| editing.set(Some(edit.clone()))>{t.ref_edit}</button></td>
                                </tr>
                            }
                        }).collect_view();
                        view! {
                            <DataTable headers=vec![t.col_title, t.col_domain, t.col_kind, t.col_pole, t.col_approval, t.col_active, t.col_usage, t.col_actions]>
                                {rows}
                            </DataTable>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn EntryEditor(
    entry: CatalogEntry,
    save: ServerAction<SaveCatalogEntry>,
    editing: RwSignal<Option<CatalogEntry>>,
) -> impl IntoView {
    let t = t();
    let draft = RwSignal::new(entry.clone());
    // Rebuilt when a field is added or removed, not on every keystroke (which would lose the focus).
    let count = Memo::new(move |_| draft.with(|d| d.fields.len()));
    let field_rows = move || (0..count.get()).map(|index| view! { <FieldEditor draft index/> }).collect_view();
    view! {
        <form class="form panel" aria-labelledby="entree" on:submit=move |ev| { ev.prevent_default(); save.dispatch(SaveCatalogEntry { entry: draft.get_untracked() }); }>
            <h2 id="entree">{if entry.id.is_some() { entry.title.clone() } else { t.ref_new.to_owned() }}</h2>
            <div class="field-row">
                <div class="field"><label for="e-code">{t.col_code}</label>
                    <input id="e-code" value=entry.code.clone() required on:input=move |ev| draft.update(|d| d.code = event_target_value(&ev))/></div>
                <div class="field"><label for="e-title">{t.col_title}</label>
                    <input id="e-title" value=entry.title.clone() required maxlength="120" on:input=move |ev| draft.update(|d| d.title = event_target_value(&ev))/></div>
            </div>
            <div class="field"><label for="e-summary">{t.col_summary}</label>
                <textarea id="e-summary" rows="2" maxlength="500" on:input=move |ev| draft.update(|d| d.summary = event_target_value(&ev))>{entry.summary.clone()}</textarea></div>
            <div class="field"><label for="e-keywords">{t.col_keywords}</label>
                <input id="e-keywords" value=entry.keywords.clone() on:input=move |ev| draft.update(|d| d.keywords = event_target_value(&ev))/></div>
            <div class="field-row">
                <div class="field"><span class="label">{t.col_domain}</span>{select_of(ServiceDomain::ALL, domain_label, |d| d.code(), entry.domain, move |v| draft.update(|d| { d.domain = v; d.category = None; }), t.col_domain.into())}</div>
                <div class="field"><span class="label">{t.col_kind}</span>{select_of(&[Kind::Request, Kind::Incident], kind_label, |k| k.code(), entry.kind, move |v| draft.update(|d| d.kind = v), t.col_kind.into())}</div>
                <div class="field"><span class="label">{t.field_impact}</span>{select_of(Impact::ALL, impact_label, |i| i.code(), entry.impact, move |v| draft.update(|d| d.impact = v), t.field_impact.into())}</div>
                <div class="field"><span class="label">{t.field_urgency}</span>{select_of(Urgency::ALL, urgency_label, |u| u.code(), entry.urgency, move |v| draft.update(|d| d.urgency = v), t.field_urgency.into())}</div>
                <div class="field"><span class="label">{t.col_pole}</span>{select_of(ROUTABLE_POLES, pole_label, |p| p.code(), entry.pole, move |v| draft.update(|d| d.pole = v), t.col_pole.into())}</div>
            </div>
            <label class="check"><input type="checkbox" checked=entry.requires_approval on:change=move |ev| draft.update(|d| d.requires_approval = event_target_checked(&ev))/>" "{t.catalog_approval_badge}</label>
            <label class="check"><input type="checkbox" checked=entry.active on:change=move |ev| draft.update(|d| d.active = event_target_checked(&ev))/>" "{t.col_active}</label>
            <h3>{t.ref_fields_title}</h3>
            {field_rows}
            <p><button type="button" class="button" on:click=move |_| draft.update(|d| d.fields.push(FormField {
                key: format!("champ_{}", d.fields.len() + 1),
                label: String::new(),
                kind: FieldKind::Text,
                required: false,
                help: String::new(),
                choices: vec![],
            }))>{t.ref_add_field}</button></p>
            <p>
                <button type="submit" class="button primary">{t.save}</button>" "
                <button type="button" class="button" on:click=move |_| editing.set(None)>{t.cancel}</button>
            </p>
        </form>
    }
}

#[component]
fn FieldEditor(draft: RwSignal<CatalogEntry>, index: usize) -> impl IntoView {
    let t = t();
    let Some(field) = draft.with_untracked(|d| d.fields.get(index).cloned()) else { return ().into_any() };
    let update = move |change: &dyn Fn(&mut FormField)| {
        draft.update(|d| {
            if let Some(field) = d.fields.get_mut(index) {
                change(field);
            }
        })
    };
    let prefix = format!("f{index}");
    view! {
        <fieldset class="field-editor" data-field=field.key.clone()>
            <legend>{format!("{} {}", t.field_label, index + 1)}</legend>
            <div class="field-row">
                <div class="field"><label for=format!("{prefix}-key")>{t.field_key}</label>
                    <input id=format!("{prefix}-key") value=field.key.clone() on:input=move |ev| { let v = event_target_value(&ev); update(&|f| f.key = v.clone()) }/></div>
                <div class="field"><label for=format!("{prefix}-label")>{t.field_label}</label>
                    <input id=format!("{prefix}-label") value=field.label.clone() on:input=move |ev| { let v = event_target_value(&ev); update(&|f| f.label = v.clone()) }/></div>
                <div class="field"><span class="label">{t.field_kind}</span>
                    {select_of(FieldKind::ALL, field_kind_label, |k| k.code(), field.kind, move |k| update(&|f| { f.kind = k; if k != FieldKind::Choice { f.choices.clear(); } }), t.field_kind.into())}</div>
            </div>
            <div class="field"><label for=format!("{prefix}-help")>{t.field_help}</label>
                <input id=format!("{prefix}-help") value=field.help.clone() on:input=move |ev| { let v = event_target_value(&ev); update(&|f| f.help = v.clone()) }/></div>
            <div class="field"><label for=format!("{prefix}-choices")>{t.field_choices}</label>
                <textarea id=format!("{prefix}-choices") rows="3" on:input=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|f| f.choices = v.lines().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect())
                }>{field.choices.join("\n")}</textarea></div>
            <label class="check"><input type="checkbox" checked=field.required on:change=move |ev| { let on = event_target_checked(&ev); update(&|f| f.required = on) }/>" "{t.field_required}</label>
            <button type="button" class="button" on:click=move |_| draft.update(|d| { if index < d.fields.len() { d.fields.remove(index); } })>{t.ref_remove_field}</button>
        </fieldset>
    }
    .into_any()
}

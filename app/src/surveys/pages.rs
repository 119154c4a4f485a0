//! The satisfaction page (`/pilotage/satisfaction`): the last 30 days of surveys, the sampling rules
//! (Qualité edits them) and the follow-ups of low ratings, each closed with a note of what was done.

use super::api::{HandleFollowUp, SaveSurveyPolicy, load_satisfaction};
use super::{FollowUp, SatisfactionPage};
use crate::domain::access::{Area, SteeringPage};
use crate::domain::survey::SurveyPolicy;
use crate::i18n::steering::s;
use crate::i18n::{decimal, local_time, t};
use crate::ui::SteeringTabs;
use crate::ui::{ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

pub const SATISFACTION_PATH: &str = SteeringPage::Satisfaction.path();

#[component]
pub fn SatisfactionAdminPage() -> impl IntoView {
    view! { <Guarded area=Area::Steering page=Arc::new(|_| view! { <Satisfaction/> }.into_any())/> }
}

#[component]
fn Satisfaction() -> impl IntoView {
    let s = s();
    let save = ServerAction::<SaveSurveyPolicy>::new();
    let handle = ServerAction::<HandleFollowUp>::new();
    let page = Resource::new(move || (save.version().get(), handle.version().get()), |_| load_satisfaction());
    view! {
        <Title text=s.satisfaction_title/>
        <SteeringTabs current=SteeringPage::Satisfaction/>
        <h1>{s.satisfaction_title}</h1>
        <p class="lead">{s.satisfaction_intro}</p>
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Overview page=page.clone() save/> <FollowUps page handle/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Overview(page: SatisfactionPage, save: ServerAction<SaveSurveyPolicy>) -> impl IntoView {
    let s = s();
    let rate = RwSignal::new(page.policy.rate_percent.to_string());
    let period = RwSignal::new(page.policy.period_days.to_string());
    let low = RwSignal::new(page.policy.low_rating.to_string());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // An unreadable number is sent out of bounds, so the server names the field.
        save.dispatch(SaveSurveyPolicy {
            policy: SurveyPolicy {
                rate_percent: rate.get_untracked().trim().parse().unwrap_or(u8::MAX),
                period_days: period.get_untracked().trim().parse().unwrap_or(0),
                low_rating: low.get_untracked().trim().parse().unwrap_or(0),
            },
        });
    };
    let editable = page.may_edit_policy;
    view! {
        <dl class="figures">
            <div><dt>{s.survey_invited}</dt><dd data-field="sondes">{page.invited_30_days}</dd></div>
            <div><dt>{s.survey_answered}</dt><dd data-field="reponses">{page.answered_30_days}</dd></div>
            <div><dt>{s.survey_mean}</dt><dd data-field="moyenne">{page.mean_30_days.map_or_else(|| "—".to_owned(), |m| format!("{} / 5", decimal(m, 2)))}</dd></div>
        </dl>
        <section class="panel" aria-labelledby="regles-enquete">
            <h2 id="regles-enquete">{s.survey_policy}</h2>
            <form class="form-row" on:submit=submit>
                <label>{s.survey_rate}
                    <input type="number" name="rate_percent" min="0" max="100" required disabled=!editable
                        prop:value=rate on:input=move |ev| rate.set(event_target_value(&ev))/>
                </label>
                <label>{s.survey_period}
                    <input type="number" name="period_days" min="1" max="365" required disabled=!editable
                        prop:value=period on:input=move |ev| period.set(event_target_value(&ev))/>
                </label>
                <label>{s.survey_low}
                    <input type="number" name="low_rating" min="1" max="4" required disabled=!editable
                        prop:value=low on:input=move |ev| low.set(event_target_value(&ev))/>
                </label>
                {editable.then(|| view! { <button type="submit" class="button primary">{s.survey_save}</button> })}
            </form>
            {move || save.value().get().map(|result| match result {
                Ok(_) => view! { <p class="notice ok" role="status">{s.survey_saved}</p> }.into_any(),
                Err(error) => view! { <p class="notice error" role="alert">{error.message()}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn FollowUps(page: SatisfactionPage, handle: ServerAction<HandleFollowUp>) -> impl IntoView {
    let s = s();
    let editable = page.may_edit_policy;
    let rows =
        page.follow_ups.into_iter().map(|follow_up| view! { <FollowUpRow follow_up editable handle/> }).collect_view();
    let empty = rows.is_empty();
    view! {
        <section class="panel" aria-labelledby="suivis">
            <h2 id="suivis">{s.follow_ups}</h2>
            {move || handle.value().get().and_then(Result::err).map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })}
            {if empty {
                view! { <p class="muted">{s.follow_ups_none}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="follow-ups">
                            <thead><tr>
                                <th scope="col">{s.col_ticket}</th>
                                <th scope="col">{s.col_requester}</th>
                                <th scope="col">{s.col_rating}</th>
                                <th scope="col">{s.col_comment}</th>
                                <th scope="col">{s.col_state}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn FollowUpRow(follow_up: FollowUp, editable: bool, handle: ServerAction<HandleFollowUp>) -> impl IntoView {
    let s = s();
    let note = RwSignal::new(String::new());
    let reference = follow_up.reference;
    let state = match (follow_up.handled_at, follow_up.note.clone()) {
        (Some(at), Some(text)) => view! {
            <p><strong>{s.follow_up_handled}</strong>" — "{follow_up.handled_by.clone().unwrap_or_default()}", "{local_time(at)}</p>
            <p class="small">{text}</p>
        }
        .into_any(),
        _ if editable => view! {
            <form class="form" on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                handle.dispatch(HandleFollowUp { reference, note: note.get_untracked() });
            }>
                <label>{s.follow_up_note}
                    <textarea rows="2" maxlength="2000" required prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </label>
                <button type="submit" class="button">{s.follow_up_done}</button>
            </form>
        }
        .into_any(),
        _ => view! { <p>{s.follow_up_open}</p> }.into_any(),
    };
    view! {
        <tr data-follow-up=follow_up.reference.to_string()>
            <th scope="row">
                <a href=format!("/tickets/{}", follow_up.reference)>{follow_up.reference.to_string()}</a>
                <p class="small">{follow_up.title.clone()}</p>
                <p class="small muted">{local_time(follow_up.opened_at)}</p>
            </th>
            <td>{follow_up.requester.clone().unwrap_or_default()}</td>
            <td class="numeric">{format!("{} / 5", follow_up.rating)}</td>
            <td>{follow_up.comment.clone().unwrap_or_else(|| "—".to_owned())}</td>
            <td>{state}</td>
        </tr>
    }
}

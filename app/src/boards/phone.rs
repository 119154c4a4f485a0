//! The Front Office's phone quick-entry: find the caller by name, e-mail or phone, see their open tickets,
//! then register and qualify the call, and resolve it at once when it was solved during the call
//! (first-contact resolution). The form posts to a server function, so it also works before the WASM loads.

use super::api::find_callers;
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, Priority, ServiceDomain};
use crate::domain::workflow::routable;
use crate::i18n::{channel_label, domain_label, kind_label, pole_label, priority_label, status_label, t};
use crate::tickets::api::RegisterTicket;
use leptos::prelude::*;

#[component]
pub fn PhoneDesk() -> impl IntoView {
    let requester = RwSignal::new(String::new());
    view! {
        <div class="phone-desk">
            <CallerSearch requester/>
            <RegisterCall requester/>
        </div>
    }
}

/// Finds the caller as the agent types; Entrée picks the first match.
#[component]
fn CallerSearch(requester: RwSignal<String>) -> impl IntoView {
    let t = t();
    let search = RwSignal::new(String::new());
    let callers = Resource::new(
        move || search.get(),
        |search| async move { if search.trim().chars().count() < 2 { Ok(Vec::new()) } else { find_callers(search).await } },
    );
    let pick_first = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            if let Some(Ok(found)) = callers.get()
                && let Some(first) = found.first()
            {
                requester.set(first.login.clone());
            }
        }
    };
    view! {
        <section class="panel" aria-labelledby="appelant-titre">
            <h2 id="appelant-titre">{t.phone_find_title}</h2>
            <div class="field">
                <label for="appelant">{t.phone_find_label}</label>
                <input id="appelant" type="search" autocomplete="off" placeholder=t.phone_find_hint
                    on:input=move |ev| search.set(event_target_value(&ev)) on:keydown=pick_first/>
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match callers.await {
                        Err(error) => view! { <p class="notice error" role="alert">{error.message()}</p> }.into_any(),
                        Ok(found) if found.is_empty() => {
                            (search.get_untracked().trim().chars().count() >= 2)
                                .then(|| view! { <p class="muted">{t.phone_no_caller}</p> })
                                .into_any()
                        }
                        Ok(found) => view! {
                            <ul class="callers">
                                {found.into_iter().map(|caller| {
                                    let login = caller.login.clone();
                                    view! {
                                        <li data-caller=caller.login.clone()>
                                            <p>
                                                <strong>{caller.name.clone()}</strong>" · "{caller.site_name.clone()}
                                                <br/><span class="muted">{caller.login.clone()}{caller.phone.clone().map(|phone| format!(" · {phone}"))}</span>
                                            </p>
                                            {if caller.open.is_empty() {
                                                view! { <p class="muted">{t.phone_no_open_ticket}</p> }.into_any()
                                            } else {
                                                view! {
                                                    <ul class="caller-tickets" aria-label=t.phone_open_tickets>
                                                        {caller.open.iter().map(|ticket| view! {
                                                            <li><a href=format!("/tickets/{}", ticket.reference)>{ticket.reference.to_string()}</a>
                                                                " "{ticket.title.clone()}" — "{status_label(ticket.status)}</li>
                                                        }).collect_view()}
                                                    </ul>
                                                }.into_any()
                                            }}
                                            <button type="button" class="button small" data-action="choose-caller"
                                                on:click=move |_| requester.set(login.clone())>{t.phone_choose}</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The call itself: the caller, what happened, its qualification, and the solution if solved at once.
#[component]
fn RegisterCall(requester: RwSignal<String>) -> impl IntoView {
    let t = t();
    let register = ServerAction::<RegisterTicket>::new();
    let kinds = Kind::ALL
        .iter()
        .map(|kind| view! { <option value=kind.code() selected=*kind == Kind::Incident>{kind_label(*kind)}</option> })
        .collect_view();
    let channels = [Channel::Phone, Channel::Mail, Channel::WalkIn, Channel::Portal, Channel::Monitoring]
        .into_iter()
        .map(|channel| view! { <option value=channel.code()>{channel_label(channel)}</option> })
        .collect_view();
    let priorities = Priority::ALL
        .iter()
        .map(|p| view! { <option value=p.code() selected=*p == Priority::P3>{priority_label(*p)}</option> })
        .collect_view();
    let domains =
        ServiceDomain::ALL.iter().map(|d| view! { <option value=d.code()>{domain_label(*d)}</option> }).collect_view();
    let poles = Pole::ALL
        .iter()
        .copied()
        .filter(|p| routable(*p))
        .map(|p| view! { <option value=p.code()>{pole_label(p)}</option> })
        .collect_view();
    let refusal = move || {
        register
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="notice error" role="alert">{error.message()}</p> })
    };
    view! {
        <section class="panel" aria-labelledby="appel">
            <h2 id="appel">{t.register_title}</h2>
            <ActionForm action=register attr:class="form">
                <div class="field">
                    <label for="requester_login">{t.field_requester}</label>
                    <input id="requester_login" name="requester" type="email" autocomplete="off" placeholder=t.field_requester_hint
                        prop:value=move || requester.get() on:input=move |ev| requester.set(event_target_value(&ev))/>
                </div>
                <div class="field-row">
                    <div class="field"><label for="kind">{t.col_kind}</label><select id="kind" name="kind">{kinds}</select></div>
                    <div class="field"><label for="channel">{t.field_channel}</label><select id="channel" name="channel">{channels}</select></div>
                </div>
                <div class="field-row">
                    <div class="field"><label for="priority">{t.col_priority}</label><select id="priority" name="priority">{priorities}</select></div>
                    <div class="field"><label for="domain">{t.field_domain}</label><select id="domain" name="domain"><option value="">{t.none}</option>{domains}</select></div>
                    <div class="field"><label for="pole_cible">{t.col_pole}</label><select id="pole_cible" name="pole"><option value="">{t.field_pole_default}</option>{poles}</select></div>
                </div>
                <div class="field">
                    <label for="call_title">{t.field_title}</label>
                    <input id="call_title" name="title" required maxlength="200"/>
                </div>
                <div class="field">
                    <label for="call_description">{t.field_description}</label>
                    <textarea id="call_description" name="description" rows="4" required></textarea>
                </div>
                <div class="field">
                    <label for="solved_now">{t.field_solved_now}</label>
                    <textarea id="solved_now" name="solved_now" rows="2" placeholder=t.field_solved_now_hint></textarea>
                </div>
                {refusal}
                <button type="submit" class="button primary">{t.register_submit}</button>
            </ActionForm>
        </section>
    }
}

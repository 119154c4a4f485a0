//! The banners above every page of a signed-in person, and the campaigns page (`/pilotage/campagnes`):
//! publish a banner for sites and typologies, withdraw it, and the history of banners and major incidents.

use super::api::{PublishBanner, WithdrawBanner, live_banners, load_campaigns};
use super::{Banner, BannerForm, CampaignEntry, CampaignsPage};
use crate::auth::Session;
use crate::domain::access::{Area, SteeringPage};
use crate::domain::campaign::{Audience, CampaignKind, Severity};
use crate::domain::ids::SiteId;
use crate::domain::people::Typology;
use crate::error::AppError;
use crate::i18n::steering::{campaign_kind_label, campaign_state_label, s, severity_label};
use crate::i18n::{local_time, t, typology_label};
use crate::ui::SteeringTabs;
use crate::ui::{ErrorPanel, Guarded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use std::sync::Arc;

pub const CAMPAIGNS_PATH: &str = SteeringPage::Campaigns.path();

/// The banners showing to the signed-in person, above the page. Loaded in the browser after hydration and
/// again on each navigation, so a banner published a moment ago appears on the next page.
#[component]
pub fn CampaignBanners() -> impl IntoView {
    let session = expect_context::<Session>();
    let signed_in = session.user.with_value(|visitor| matches!(visitor, Ok(Some(_))));
    let banners = RwSignal::new(Vec::<Banner>::new());
    let dismissed = RwSignal::new(Vec::<i64>::new());
    let location = use_location();
    Effect::new(move |_| {
        let _ = location.pathname.get();
        if signed_in {
            leptos::task::spawn_local(async move {
                if let Ok(live) = live_banners().await {
                    banners.set(live);
                }
            });
        }
    });
    let s = s();
    let visible =
        move || banners.get().into_iter().filter(|banner| !dismissed.get().contains(&banner.id)).collect::<Vec<_>>();
    view! {
        <div class="campaign-banners" aria-live="polite">
            <For
                each=visible
                key=|banner| banner.id
                let:banner
            >
                {
                    let id = banner.id;
                    let class = match banner.severity {
                        Severity::Alert => "campaign-banner alert",
                        Severity::Info => "campaign-banner info",
                    };
                    let role = if banner.severity == Severity::Alert { "alert" } else { "status" };
                    let until = banner.ends_at.map(|at| format!("{} {}", s.banner_until, local_time(at)));
                    view! {
                        <section class=class role=role data-banner=id>
                            <p>
                                <strong>{severity_label(banner.severity)}" — "{banner.title.clone()}</strong>
                                " "{banner.message.clone()}
                                {until.map(|until| view! { " " <span class="muted">"("{until}")"</span> })}
                            </p>
                            <button type="button" class="link" on:click=move |_| dismissed.update(|ids| ids.push(id))>
                                {s.banner_dismiss}
                            </button>
                        </section>
                    }
                }
            </For>
        </div>
    }
}

#[component]
pub fn CampaignsAdminPage() -> impl IntoView {
    view! { <Guarded area=Area::Steering page=Arc::new(|_| view! { <Campaigns/> }.into_any())/> }
}

#[component]
fn Campaigns() -> impl IntoView {
    let s = s();
    let publish = ServerAction::<PublishBanner>::new();
    let withdraw = ServerAction::<WithdrawBanner>::new();
    let page = Resource::new(move || (publish.version().get(), withdraw.version().get()), |_| load_campaigns());
    view! {
        <Title text=s.campaigns_title/>
        <SteeringTabs current=SteeringPage::Campaigns/>
        <h1>{s.campaigns_title}</h1>
        <p class="lead">{s.campaigns_intro}</p>
        <Transition fallback=|| view! { <p class="loading">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        {page.may_publish.then(|| view! { <BannerEditor page=page.clone() publish/> })}
                        <History page withdraw/>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The messages of a refused form, by field.
fn field_error(error: Option<&AppError>, field: &'static str) -> Option<String> {
    match error? {
        AppError::InvalidForm { errors } => {
            let messages: Vec<String> = errors.iter().filter(|e| e.field == field).map(|e| e.message.clone()).collect();
            (!messages.is_empty()).then(|| messages.join(" "))
        }
        AppError::Validation { field: wrong, message } if wrong == field => Some(message.clone()),
        _ => None,
    }
}

#[component]
fn BannerEditor(page: CampaignsPage, publish: ServerAction<PublishBanner>) -> impl IntoView {
    let s = s();
    let title = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let severity = RwSignal::new(Severity::Info);
    let sites = RwSignal::new(Vec::<SiteId>::new());
    let typologies = RwSignal::new(Vec::<Typology>::new());
    let starts_at = RwSignal::new(String::new());
    let ends_at = RwSignal::new(String::new());
    let error = move || publish.value().get().and_then(Result::err);
    let published = move || matches!(publish.value().get(), Some(Ok(_)));
    Effect::new(move |_| {
        if published() {
            title.set(String::new());
            message.set(String::new());
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        publish.dispatch(PublishBanner {
            form: BannerForm {
                title: title.get_untracked(),
                message: message.get_untracked(),
                severity: severity.get_untracked(),
                audience: Audience { sites: sites.get_untracked(), typologies: typologies.get_untracked() },
                starts_at: starts_at.get_untracked(),
                ends_at: ends_at.get_untracked(),
            },
        });
    };
    let site_boxes = page
        .sites
        .iter()
        .map(|site| {
            let id = site.id;
            view! {
                <label class="check">
                    <input type="checkbox" name="sites" value=id.0
                        prop:checked=move || sites.get().contains(&id)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            sites.update(|chosen| { chosen.retain(|s| *s != id); if on { chosen.push(id); } });
                        }/>
                    {site.name.clone()}
                </label>
            }
        })
        .collect_view();
    let typology_boxes = Typology::ALL
        .iter()
        .map(|typology| {
            let typology = *typology;
            view! {
                <label class="check">
                    <input type="checkbox" name="typologies" value=typology.code()
                        prop:checked=move || typologies.get().contains(&typology)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            typologies.update(|chosen| { chosen.retain(|t| *t != typology); if on { chosen.push(typology); } });
                        }/>
                    {typology_label(typology)}
                </label>
            }
        })
        .collect_view();
    let problem = move |field: &'static str| {
        move || {
            field_error(error().as_ref(), field)
                .map(|message| view! { <p class="field-error" role="alert">{message}</p> })
        }
    };
    view! {
        <section class="panel" aria-labelledby="nouveau-bandeau">
            <h2 id="nouveau-bandeau">{s.banner_new}</h2>
            <form class="form" on:submit=submit>
                <label>{s.banner_title}
                    <input type="text" name="title" maxlength="120" required prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
                </label>
                {problem("title")}
                <label>{s.banner_message}
                    <textarea name="message" maxlength="1000" rows="3" required prop:value=message on:input=move |ev| message.set(event_target_value(&ev))></textarea>
                </label>
                {problem("message")}
                <label>{s.banner_severity}
                    <select name="severity" on:change=move |ev| severity.set(Severity::from_code(&event_target_value(&ev)).unwrap_or(Severity::Info))>
                        {Severity::ALL.iter().map(|each| view! { <option value=each.code()>{severity_label(*each)}</option> }).collect_view()}
                    </select>
                </label>
                <fieldset>
                    <legend>{s.banner_sites}</legend>
                    <p class="hint">{s.banner_everyone_hint}</p>
                    <div class="checks">{site_boxes}</div>
                </fieldset>
                {problem("sites")}
                <fieldset>
                    <legend>{s.banner_typologies}</legend>
                    <div class="checks">{typology_boxes}</div>
                </fieldset>
                <div class="form-row">
                    <label>{s.banner_starts}
                        <input type="datetime-local" name="starts_at" prop:value=starts_at on:input=move |ev| starts_at.set(event_target_value(&ev))/>
                    </label>
                    <label>{s.banner_ends}
                        <input type="datetime-local" name="ends_at" required prop:value=ends_at on:input=move |ev| ends_at.set(event_target_value(&ev))/>
                    </label>
                </div>
                {problem("starts_at")}
                {problem("ends_at")}
                {move || error().filter(|e| !matches!(e, AppError::InvalidForm { .. } | AppError::Validation { .. }))
                    .map(|e| view! { <p class="notice error" role="alert">{e.message()}</p> })}
                {move || published().then(|| view! { <p class="notice ok" role="status">{s.banner_published}</p> })}
                <button type="submit" class="button primary" disabled=move || publish.pending().get()>{s.banner_publish}</button>
            </form>
        </section>
    }
}

#[component]
fn History(page: CampaignsPage, withdraw: ServerAction<WithdrawBanner>) -> impl IntoView {
    let s = s();
    let may_publish = page.may_publish;
    let rows = page.entries.into_iter().map(|entry| view! { <HistoryRow entry may_publish withdraw/> }).collect_view();
    view! {
        <section class="panel" aria-labelledby="historique-campagnes">
            <h2 id="historique-campagnes">{s.campaigns_history}</h2>
            {move || withdraw.value().get().and_then(Result::err).map(|e| view! { <p class="notice error" role="alert">{e.message()}</p> })}
            <div class="table-scroll">
                <table class="campaigns">
                    <thead><tr>
                        <th scope="col">{s.col_campaign}</th>
                        <th scope="col">{s.col_audience}</th>
                        <th scope="col">{s.col_period}</th>
                        <th scope="col">{s.col_state}</th>
                        <th scope="col">{s.col_told}</th>
                        <th scope="col"><span class="visually-hidden">{s.col_actions}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn HistoryRow(entry: CampaignEntry, may_publish: bool, withdraw: ServerAction<WithdrawBanner>) -> impl IntoView {
    use crate::domain::campaign::CampaignState;
    let s = s();
    let mut audience: Vec<String> = entry.sites.clone();
    audience.extend(entry.typologies.iter().map(|typology| typology_label(*typology).to_owned()));
    let audience = match (entry.kind, audience.is_empty()) {
        (CampaignKind::MajorIncident, _) => s.audience_linked_requesters.to_owned(),
        (_, true) => s.audience_everyone.to_owned(),
        (_, false) => audience.join(", "),
    };
    let period = format!(
        "{} → {}",
        local_time(entry.starts_at),
        entry.ends_at.map_or_else(|| s.until_resolved.to_owned(), local_time)
    );
    let told = match entry.kind {
        CampaignKind::MajorIncident => format!("{} / {}", entry.told_at_start, entry.told_at_end),
        CampaignKind::Banner => "—".to_owned(),
    };
    let may_withdraw = may_publish
        && entry.kind == CampaignKind::Banner
        && matches!(entry.state, CampaignState::Live | CampaignState::Upcoming);
    let id = entry.id;
    let title = entry.title.clone();
    view! {
        <tr data-campaign=id>
            <th scope="row">
                <span class="badge">{campaign_kind_label(entry.kind)}</span>" "
                {match entry.ticket {
                    Some(reference) => view! { <a href=format!("/tickets/{reference}")>{entry.title.clone()}</a> }.into_any(),
                    None => view! { <span>{entry.title.clone()}</span> }.into_any(),
                }}
                <p class="small muted">{entry.message.clone()}</p>
                {entry.created_by.clone().map(|name| view! { <p class="small muted">{s.created_by}" "{name}</p> })}
            </th>
            <td>{audience}</td>
            <td>{period}</td>
            <td>{campaign_state_label(entry.state)}</td>
            <td class="numeric">{told}</td>
            <td>
                {may_withdraw.then(|| view! {
                    <button type="button" class="button" aria-label=format!("{} « {title} »", s.banner_withdraw)
                        on:click=move |_| { withdraw.dispatch(WithdrawBanner { id }); }>{s.banner_withdraw}</button>
                })}
            </td>
        </tr>
    }
}

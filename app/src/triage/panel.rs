//! The triage suggestion beside the qualification form: type, domain and pole with their confidence and the
//! words behind them, for the agent to follow or not; nothing is applied by it.

use super::api::suggest_for_ticket;
use crate::domain::ticket::TicketRef;
use crate::domain::triage::Guess;
use crate::i18n::{domain_label, kind_label, percent, pole_label, t};
use leptos::prelude::*;

fn guess_line<L: Copy>(guess: &Guess<L>, label: fn(L) -> &'static str) -> String {
    let t = t();
    let words = if guess.words.is_empty() {
        String::new()
    } else {
        format!(" — {} : {}", t.triage_words, guess.words.join(", "))
    };
    format!("{} ({} {}){words}", label(guess.label), t.triage_confidence, percent(guess.confidence))
}

#[component]
pub fn TriageSuggestion(reference: TicketRef) -> impl IntoView {
    let t = t();
    // Asked for by an effect, in the browser only: the server's render of the ticket must not wait on it.
    let suggestion = RwSignal::new(None::<Result<Option<crate::domain::triage::Suggestion>, crate::error::AppError>>);
    Effect::new(move |_| {
        leptos::task::spawn_local(async move { suggestion.set(Some(suggest_for_ticket(reference).await)) });
    });
    view! {
        <aside class="triage" aria-labelledby="triage-titre" data-triage>
            <h3 id="triage-titre">{t.triage_title}</h3>
            {move || match suggestion.get() {
                None => view! { <p class="loading">{t.loading}</p> }.into_any(),
                Some(Ok(Some(found))) => view! {
                    <ul>
                        <li data-triage-kind=found.kind.label.code()>{guess_line(&found.kind, kind_label)}</li>
                        <li data-triage-domain=found.domain.label.code()>{guess_line(&found.domain, domain_label)}</li>
                        <li data-triage-pole=found.pole.label.code()>{guess_line(&found.pole, pole_label)}</li>
                    </ul>
                    <p class="muted">{t.triage_note}</p>
                }.into_any(),
                Some(Ok(None)) => view! { <p class="muted">{t.triage_none}</p> }.into_any(),
                Some(Err(error)) => view! { <p class="notice error">{error.message()}</p> }.into_any(),
            }}
        </aside>
    }
}

//! Server functions of the ticket pages. Thin: sign-in and visibility checks, parsing of form fields,
//! then the service. Form fields arrive as text; an empty field means "not given".

// Each function takes the fields of its HTML form one by one, so the forms post without JavaScript; the
// `#[server]` macro also generates the client stub, which a function-level `allow` would not reach.
#![allow(clippy::too_many_arguments)]

use super::{Page, TicketDetail, TicketSummary};
use crate::domain::ticket::TicketRef;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::auth::service::{SignedIn, signed_in};
    pub use crate::error::{AppError, AppResult};
    pub use crate::tickets::service::{self, Actor};

    /// An optional coded field of a form: empty is `None`, an unknown code is a 422 on that field.
    pub fn optional<T: std::str::FromStr>(field: &str, value: Option<String>) -> AppResult<Option<T>> {
        crate::error::optional_code(field, value.as_deref())
    }
}

/// Registers an activity: an employee's incident or request, or anything the desk takes on the phone. The
/// form's fields are those of the JSON API's `POST /api/v1/tickets` (`kind` for its `type`).
#[server(endpoint = "tickets_enregistrer")]
pub async fn register_ticket(
    kind: String,
    title: String,
    description: String,
    channel: Option<String>,
    priority: Option<String>,
    domain: Option<String>,
    requester: Option<String>,
    pole: Option<String>,
    solved_now: Option<String>,
    /// Set by the page when files are to follow: it sends them, then opens the ticket itself.
    files_follow: Option<String>,
) -> Result<TicketRef, AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    let form = super::RegistrationForm {
        kind,
        title,
        description,
        channel,
        priority,
        domain,
        requester,
        pole,
        solved_now,
        source_ref: None,
    };
    let input = form.read(&mut conn).await?;
    let reference = service::register(&mut conn, Actor::Person(&user), input, now).await?;
    if files_follow.is_none_or(|text| text.trim().is_empty()) {
        leptos_axum::redirect(&format!("/tickets/{reference}"));
    }
    Ok(reference)
}

#[server(endpoint = "tickets_detail")]
pub async fn get_ticket(reference: TicketRef) -> Result<TicketDetail, AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    service::detail(&mut conn, &user, &reference, now).await
}

/// Applies a workflow action, with the version of the ticket the person saw.
#[server(endpoint = "tickets_transition")]
pub async fn ticket_transition(
    reference: TicketRef,
    action: String,
    version: i32,
    reason: Option<String>,
    solution: Option<String>,
    question: Option<String>,
    answer: Option<String>,
    assignee: Option<String>,
    pole: Option<String>,
    incident: Option<String>,
    workaround: Option<String>,
    minutes: Option<String>,
) -> Result<(), AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    let action = optional("action", Some(action))?
        .ok_or_else(|| AppError::validation("action", crate::i18n::t().phrases.action_missing))?;
    let request = super::TransitionRequest {
        action,
        version,
        reason,
        solution,
        question,
        answer,
        assignee: optional::<i64>("assignee", assignee)?.map(crate::domain::ids::UserId),
        pole: optional("pole", pole)?,
        incident: optional("incident", incident)?,
        workaround,
        minutes: optional("minutes", minutes)?,
    };
    service::transition(&mut conn, Actor::Person(&user), &reference, request, now).await
}

#[server(endpoint = "tickets_commenter")]
pub async fn ticket_comment(reference: TicketRef, body: String, internal: Option<String>) -> Result<(), AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    let internal = internal.is_some_and(|value| matches!(value.as_str(), "on" | "true"));
    service::comment(&mut conn, &user, &reference, &body, internal, now).await
}

#[server(endpoint = "tickets_temps")]
pub async fn ticket_effort(reference: TicketRef, minutes: String, note: Option<String>) -> Result<(), AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    let minutes: i32 = optional("minutes", Some(minutes))?
        .ok_or_else(|| AppError::validation("minutes", crate::i18n::t().effort_out_of_range))?;
    service::log_effort(&mut conn, &user, &reference, minutes, note.as_deref(), now).await
}

#[server(endpoint = "tickets_lier")]
pub async fn ticket_link(reference: TicketRef, kind: String, target: String) -> Result<(), AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    let kind = optional("kind", Some(kind))?
        .ok_or_else(|| AppError::validation("kind", crate::i18n::t().phrases.link_kind_missing))?;
    let target = optional("target", Some(target))?
        .ok_or_else(|| AppError::validation("target", crate::i18n::t().link_target_unknown))?;
    service::link(&mut conn, &user, &reference, kind, &target, now).await
}

#[server(endpoint = "tickets_resoudre_enfants")]
pub async fn resolve_children(reference: TicketRef) -> Result<Vec<TicketRef>, AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    if !crate::domain::workflow::is_staff(&user.roles) {
        return Err(AppError::Forbidden);
    }
    service::resolve_children(&mut conn, &user, &reference, now).await
}

/// The tickets opened for the signed-in person.
#[server(endpoint = "mes_demandes")]
pub async fn my_tickets(page: Option<i64>) -> Result<Page<TicketSummary>, AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, .. } = signed_in().await?;
    // A site delegate's requests are their site's (what they may see); anyone else's, their own.
    let follows_site =
        user.roles.has(crate::domain::people::Role::SiteDelegate) && !crate::domain::workflow::is_staff(&user.roles);
    let filter = super::TicketFilter { requester: (!follows_site).then_some(user.id), page, ..Default::default() };
    service::list(&mut conn, &user, &filter).await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::ssr::optional;
    use crate::domain::ticket::Kind;

    #[test]
    fn optional_form_fields() {
        assert_eq!(optional::<Kind>("kind", None).unwrap(), None);
        assert_eq!(optional::<Kind>("kind", Some("  ".into())).unwrap(), None);
        assert_eq!(optional::<Kind>("kind", Some("INCIDENT".into())).unwrap(), Some(Kind::Incident));
        let error = optional::<Kind>("kind", Some("PANNE".into())).unwrap_err();
        assert_eq!(error.code(), "validation");
        assert_eq!(error.to_json()["error"]["field"], "kind");
    }
}

/// Qualifies a ticket; answers the computed decision (the priority kept may differ, with a reason).
#[server(endpoint = "tickets_qualifier", input = leptos::server_fn::codec::Json)]
pub async fn qualify_ticket(
    reference: TicketRef,
    request: super::QualificationRequest,
) -> Result<crate::domain::qualification::PriorityDecision, AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    crate::tickets::requests::qualify(&mut conn, &user, &reference, request, now).await
}

/// The requester rates the service of a resolved or closed ticket (1 to 5, with an optional comment).
#[server(endpoint = "tickets_evaluer")]
pub async fn rate_ticket(reference: TicketRef, rating: String, comment: Option<String>) -> Result<(), AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, now } = signed_in().await?;
    let rating: i16 =
        rating.trim().parse().map_err(|_| AppError::validation("rating", crate::i18n::t().rating_out_of_range))?;
    crate::tickets::requests::rate(&mut conn, &user, &reference, rating, comment.as_deref(), now).await
}

/// The requests waiting for the decision of the person asking (their team's catalog requests).
#[server(endpoint = "approbations")]
pub async fn pending_approvals() -> Result<Vec<super::PendingApproval>, AppError> {
    use self::ssr::*;
    let SignedIn { user, mut conn, .. } = signed_in().await?;
    crate::tickets::requests::pending_approvals(&mut conn, &user).await
}

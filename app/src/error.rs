//! The one error type that crosses the wire, from server functions and from the JSON API alike.
//!
//! Which variant to use:
//! - `Unauthenticated`: no valid session. `InvalidCredentials`: a login attempt failed (never say which half).
//! - `Forbidden`: signed in, but the role does not allow it. `AccountDisabled`: the account was switched off.
//! - `NotFound`: the thing does not exist *or* the caller may not know it exists.
//! - `Validation`: the input is wrong; `field` names the form field so the UI can put the message beside it.
//! - `Conflict`: the input is fine but the current state forbids it (a stale version, a duplicate).
//! - `TooManyAttempts`: too many failed sign-ins for the account or from the address; retry after the delay.
//! - `CrossSite`: a state-changing request sent by another site's page (a forged form), refused unread.
//! - `TooLarge`: a request body beyond what the endpoint accepts.
//! - `Unavailable`: a dependency (the database) is down; retrying later may work.
//! - `Internal`: a bug or an unexpected failure; details go to the log, never to the client.
//!
//! Every variant has a stable machine `code()`, an HTTP status and a French message for people.

use crate::i18n::t;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("non authentifié")]
    Unauthenticated,
    #[error("identifiants invalides")]
    InvalidCredentials,
    #[error("compte désactivé")]
    AccountDisabled,
    #[error("accès refusé")]
    Forbidden,
    #[error("introuvable : {what}")]
    NotFound { what: String },
    #[error("donnée invalide ({field}) : {message}")]
    Validation { field: String, message: String },
    /// Several fields of one form are wrong: each gets its own message, so all can be fixed at once.
    #[error("formulaire invalide : {} champ(s)", errors.len())]
    InvalidForm { errors: Vec<FieldMessage> },
    #[error("conflit : {message}")]
    Conflict { message: String },
    #[error("trop de tentatives, réessayer dans {retry_after_seconds} s")]
    TooManyAttempts { retry_after_seconds: u64 },
    #[error("requête d'un autre site")]
    CrossSite,
    #[error("requête trop volumineuse ({max_bytes} octets au plus)")]
    TooLarge { max_bytes: u64 },
    /// A file beyond the size an attachment may have.
    #[error("fichier trop volumineux ({max_bytes} octets au plus)")]
    FileTooLarge { max_bytes: u64 },
    /// The ticket's attachments would exceed what one ticket may carry.
    #[error("pièces jointes du ticket au complet ({max_bytes} octets au plus)")]
    AttachmentsFull { max_bytes: u64 },
    #[error("service indisponible")]
    Unavailable,
    /// The company directory did not answer (or refused the service account): sign-in and sync wait.
    #[error("annuaire injoignable")]
    DirectoryUnavailable,
    #[error("erreur interne")]
    Internal,
    /// Transport-level failures raised by the server-function machinery itself (bad arguments, network).
    #[error("échange avec le serveur : {0}")]
    ServerFn(ServerFnErrorErr),
}

pub type AppResult<T> = Result<T, AppError>;

/// A message about one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

impl AppError {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::Validation { field: field.into(), message: message.into() }
    }

    /// An unexpected failure: logged on the server with `what` happened, answered without details.
    pub fn internal(what: &str) -> Self {
        #[cfg(feature = "ssr")]
        tracing::error!(what, "internal error");
        #[cfg(not(feature = "ssr"))]
        let _ = what;
        AppError::Internal
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        AppError::NotFound { what: what.into() }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        AppError::Conflict { message: message.into() }
    }

    /// The stable machine-readable code, the same string the JSON body carries in `code`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "unauthenticated",
            AppError::InvalidCredentials => "invalid_credentials",
            AppError::AccountDisabled => "account_disabled",
            AppError::Forbidden => "forbidden",
            AppError::NotFound { .. } => "not_found",
            AppError::Validation { .. } => "validation",
            AppError::InvalidForm { .. } => "invalid_form",
            AppError::Conflict { .. } => "conflict",
            AppError::TooManyAttempts { .. } => "too_many_attempts",
            AppError::CrossSite => "cross_site",
            AppError::TooLarge { .. } => "too_large",
            AppError::FileTooLarge { .. } => "file_too_large",
            AppError::AttachmentsFull { .. } => "attachments_full",
            AppError::Unavailable => "unavailable",
            AppError::DirectoryUnavailable => "directory_unavailable",
            AppError::Internal => "internal",
            AppError::ServerFn(_) => "server_fn",
        }
    }

    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => S::UNAUTHORIZED,
            AppError::AccountDisabled | AppError::Forbidden => S::FORBIDDEN,
            AppError::NotFound { .. } => S::NOT_FOUND,
            AppError::Validation { .. } | AppError::InvalidForm { .. } => S::UNPROCESSABLE_ENTITY,
            AppError::Conflict { .. } => S::CONFLICT,
            AppError::TooManyAttempts { .. } => S::TOO_MANY_REQUESTS,
            AppError::CrossSite => S::FORBIDDEN,
            AppError::TooLarge { .. } | AppError::FileTooLarge { .. } | AppError::AttachmentsFull { .. } => {
                S::PAYLOAD_TOO_LARGE
            }
            AppError::Unavailable | AppError::DirectoryUnavailable => S::SERVICE_UNAVAILABLE,
            AppError::Internal => S::INTERNAL_SERVER_ERROR,
            // The arguments of a server function could not be read: the caller's input is wrong.
            AppError::ServerFn(
                ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_),
            ) => S::UNPROCESSABLE_ENTITY,
            AppError::ServerFn(ServerFnErrorErr::Registration(_)) => S::NOT_FOUND,
            AppError::ServerFn(ServerFnErrorErr::UnsupportedRequestMethod(_)) => S::METHOD_NOT_ALLOWED,
            AppError::ServerFn(_) => S::INTERNAL_SERVER_ERROR,
        }
    }

    /// What a person reads: French, actionable, never a stack trace.
    pub fn message(&self) -> String {
        let t = t();
        match self {
            AppError::Unauthenticated => t.err_unauthenticated.to_owned(),
            AppError::InvalidCredentials => t.err_invalid_credentials.to_owned(),
            AppError::AccountDisabled => t.err_account_disabled.to_owned(),
            AppError::Forbidden => t.err_forbidden.to_owned(),
            AppError::NotFound { what } => format!("{} ({what})", t.err_not_found),
            AppError::Validation { message, .. } | AppError::Conflict { message } => message.clone(),
            AppError::InvalidForm { errors } => {
                errors.iter().map(|error| error.message.as_str()).collect::<Vec<_>>().join(" ")
            }
            AppError::TooManyAttempts { retry_after_seconds } => {
                crate::i18n::fill(t.err_too_many_attempts, &[("minutes", &retry_after_seconds.div_ceil(60).max(1))])
            }
            AppError::CrossSite => t.err_cross_site.to_owned(),
            AppError::TooLarge { max_bytes } => {
                crate::i18n::fill(t.err_too_large, &[("size", &crate::i18n::megabytes(*max_bytes))])
            }
            AppError::FileTooLarge { max_bytes } => {
                crate::i18n::fill(t.attachments.file_too_large, &[("size", &crate::i18n::megabytes(*max_bytes))])
            }
            AppError::AttachmentsFull { max_bytes } => {
                crate::i18n::fill(t.attachments.ticket_full, &[("size", &crate::i18n::megabytes(*max_bytes))])
            }
            AppError::Unavailable => t.err_unavailable.to_owned(),
            AppError::DirectoryUnavailable => t.err_directory_unavailable.to_owned(),
            AppError::Internal => t.err_internal.to_owned(),
            AppError::ServerFn(_) => t.err_network.to_owned(),
        }
    }

    /// How long the caller should wait before trying again (`Retry-After`, in seconds), for a 429.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::TooManyAttempts { retry_after_seconds } => Some(*retry_after_seconds),
            _ => None,
        }
    }

    /// The JSON body of the REST API: `{"error": {"code", "message", "field"?, "errors"?}}`; `errors` lists
    /// every `{field, message}` of an invalid form.
    pub fn to_json(&self) -> serde_json::Value {
        let mut body = serde_json::json!({ "code": self.code(), "message": self.message() });
        match self {
            AppError::Validation { field, .. } => body["field"] = serde_json::Value::String(field.clone()),
            AppError::InvalidForm { errors } => {
                if let Some(first) = errors.first() {
                    body["field"] = serde_json::Value::String(first.field.clone());
                }
                body["errors"] = serde_json::to_value(errors).unwrap_or_default();
            }
            _ => {}
        }
        serde_json::json!({ "error": body })
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// The framework's messages quote the input they could not read (a 70 kB string, a deep array): only
    /// their start is kept, so an error stays a few hundred bytes whatever was sent.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        fn short(text: String) -> String {
            const KEPT: usize = 300;
            if text.chars().count() <= KEPT {
                text
            } else {
                format!("{}…", text.chars().take(KEPT).collect::<String>())
            }
        }
        use ServerFnErrorErr as E;
        AppError::ServerFn(match value {
            E::Registration(text) => E::Registration(short(text)),
            E::UnsupportedRequestMethod(text) => E::UnsupportedRequestMethod(short(text)),
            E::Request(text) => E::Request(short(text)),
            E::ServerError(text) => E::ServerError(short(text)),
            E::MiddlewareError(text) => E::MiddlewareError(short(text)),
            E::Deserialization(text) => E::Deserialization(short(text)),
            E::Serialization(text) => E::Serialization(short(text)),
            E::Args(text) => E::Args(short(text)),
            E::MissingArg(text) => E::MissingArg(short(text)),
            E::Response(text) => E::Response(short(text)),
        })
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl From<diesel::result::Error> for AppError {
        fn from(error: diesel::result::Error) -> Self {
            use diesel::result::{DatabaseErrorKind, Error};
            match error {
                Error::NotFound => AppError::not_found("enregistrement"),
                Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => {
                    AppError::conflict(crate::i18n::t().err_concurrent_write)
                }
                Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => AppError::Unavailable,
                other => {
                    tracing::error!(error = %other, "database error");
                    AppError::Internal
                }
            }
        }
    }

    impl From<diesel_async::pooled_connection::deadpool::PoolError> for AppError {
        fn from(error: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
            tracing::error!(error = %error, "database pool unavailable");
            AppError::Unavailable
        }
    }
}

/// An optional coded field of a form or a request: absent or blank is `None`, an unknown code a 422 on
/// `field` that quotes the value.
pub fn optional_code<T: std::str::FromStr>(field: &str, value: Option<&str>) -> AppResult<Option<T>> {
    match value.map(str::trim).filter(|value| !value.is_empty()) {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            AppError::validation(field, crate::i18n::fill(crate::i18n::t().phrases.value_invalid, &[("text", &text)]))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_variant_has_its_status_code_and_a_french_message() {
        let cases = [
            (AppError::Unauthenticated, 401, "unauthenticated"),
            (AppError::InvalidCredentials, 401, "invalid_credentials"),
            (AppError::AccountDisabled, 403, "account_disabled"),
            (AppError::Forbidden, 403, "forbidden"),
            (AppError::not_found("compte 12"), 404, "not_found"),
            (AppError::validation("login", "Saisissez votre adresse e-mail."), 422, "validation"),
            (AppError::conflict("Déjà modifié."), 409, "conflict"),
            (AppError::Unavailable, 503, "unavailable"),
            (AppError::Internal, 500, "internal"),
            (AppError::TooManyAttempts { retry_after_seconds: 600 }, 429, "too_many_attempts"),
            (AppError::CrossSite, 403, "cross_site"),
            (AppError::TooLarge { max_bytes: 1 << 20 }, 413, "too_large"),
            (AppError::FileTooLarge { max_bytes: 10 << 20 }, 413, "file_too_large"),
            (AppError::AttachmentsFull { max_bytes: 50 << 20 }, 413, "attachments_full"),
            (AppError::ServerFn(ServerFnErrorErr::Args("x".into())), 422, "server_fn"),
            (AppError::ServerFn(ServerFnErrorErr::Deserialization("x".into())), 422, "server_fn"),
            (AppError::ServerFn(ServerFnErrorErr::Registration("x".into())), 404, "server_fn"),
            (AppError::ServerFn(ServerFnErrorErr::ServerError("x".into())), 500, "server_fn"),
        ];
        for (error, status, code) in cases {
            assert_eq!(error.status().as_u16(), status, "{error:?}");
            assert_eq!(error.code(), code);
            assert!(!error.message().is_empty());
            assert_eq!(error.to_json()["error"]["code"], code);
        }
    }

    #[test]
    fn validation_errors_name_their_field_in_json() {
        let json = AppError::validation("password", "Saisissez votre mot de passe.").to_json();
        assert_eq!(json["error"]["field"], "password");
        assert_eq!(json["error"]["message"], "Saisissez votre mot de passe.");
    }

    #[test]
    fn an_invalid_form_lists_every_field_in_json() {
        let error = AppError::InvalidForm {
            errors: vec![
                FieldMessage { field: "date".into(), message: "Date invalide.".into() },
                FieldMessage { field: "site".into(), message: "Site inconnu.".into() },
            ],
        };
        assert_eq!((error.status().as_u16(), error.code()), (422, "invalid_form"));
        assert_eq!(error.message(), "Date invalide. Site inconnu.");
        let json = error.to_json();
        assert_eq!(json["error"]["field"], "date");
        assert_eq!(json["error"]["errors"][1]["field"], "site");
        assert_eq!(json["error"]["errors"][1]["message"], "Site inconnu.");
    }

    #[test]
    fn errors_survive_the_server_function_encoding() {
        let originals = [
            AppError::validation("login", "Adresse invalide."),
            AppError::InvalidForm { errors: vec![FieldMessage { field: "a".into(), message: "b".into() }] },
        ];
        for original in originals {
            let json = serde_json::to_string(&original).unwrap();
            assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), original);
        }
    }
}

//! Configuration read from the environment, with the defaults documented in README.md.

use std::time::Duration;

/// How logs are written: readable lines for people, JSON lines for a log collector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Whether the server loads the Immo9 demo data at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoData {
    Never,
    /// Only into a database that has no account yet, so real data is never mixed with demo data.
    IfEmpty,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub pool_size: usize,
    pub connect_timeout: Duration,
    pub log_format: LogFormat,
    pub demo_data: DemoData,
    pub cookie_secure: bool,
    /// Where notification mail goes; none when `IMMO9_SMTP_URL` is unset (mail waits in the outbox).
    pub smtp: Option<SmtpConfig>,
    /// The sender of notification mail.
    pub mail_from: String,
    /// The address people reach the product at, for the links in mail.
    pub public_url: String,
    /// The instance's clock: the system's, or one started at `IMMO9_NOW` (to run the product, or the test
    /// suite, on another day).
    pub clock: app::clock::Clock,
    /// The largest attachment and the most a ticket's attachments may weigh together.
    pub attachment_limits: app::domain::attachment::Limits,
}

/// An SMTP relay: `smtp://[user:password@]host[:port]` (port 25 by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub credentials: Option<(String, String)>,
}

impl SmtpConfig {
    pub fn parse(url: &str) -> Option<SmtpConfig> {
        let rest = url.strip_prefix("smtp://")?.trim_end_matches('/');
        let (credentials, address) = match rest.rsplit_once('@') {
            Some((credentials, address)) => {
                let (user, password) = credentials.split_once(':')?;
                (Some((user.to_owned(), password.to_owned())), address)
            }
            None => (None, rest),
        };
        let (host, port) = match address.rsplit_once(':') {
            Some((host, port)) => (host, port.parse().ok().filter(|port| *port > 0)?),
            None => (address, 25),
        };
        (!host.is_empty() && !host.contains(['/', ' '])).then(|| SmtpConfig {
            host: host.to_owned(),
            port,
            credentials,
        })
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("variable d'environnement {name} invalide (« {value} ») : {expected}")]
pub struct ConfigError {
    pub name: &'static str,
    pub value: String,
    pub expected: &'static str,
}

pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/immo9";
pub const DEFAULT_MAIL_FROM: &str = "Service desk Immo9 <servicedesk@immo9.fr>";
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:3000";

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let log_format = match get("IMMO9_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError { name: "IMMO9_LOG_FORMAT", value: other.into(), expected: "text ou json" });
            }
        };
        let demo_data = match get("IMMO9_DEMO_DATA").as_deref() {
            None | Some("never") => DemoData::Never,
            Some("if-empty") => DemoData::IfEmpty,
            Some(other) => {
                return Err(ConfigError {
                    name: "IMMO9_DEMO_DATA",
                    value: other.into(),
                    expected: "never ou if-empty",
                });
            }
        };
        let pool_size = match get("IMMO9_DB_POOL_SIZE") {
            None => 16,
            Some(value) => value.parse::<usize>().ok().filter(|size| (1..=512).contains(size)).ok_or(ConfigError {
                name: "IMMO9_DB_POOL_SIZE",
                value,
                expected: "un entier entre 1 et 512",
            })?,
        };
        let cookie_secure = match get("IMMO9_COOKIE_SECURE").as_deref() {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(other) => {
                return Err(ConfigError {
                    name: "IMMO9_COOKIE_SECURE",
                    value: other.into(),
                    expected: "true ou false",
                });
            }
        };
        let smtp = match get("IMMO9_SMTP_URL") {
            None => None,
            Some(value) => Some(SmtpConfig::parse(&value).ok_or(ConfigError {
                name: "IMMO9_SMTP_URL",
                value,
                expected: "smtp://[utilisateur:mot-de-passe@]hôte[:port]",
            })?),
        };
        let mail_from = get("IMMO9_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError {
                name: "IMMO9_MAIL_FROM",
                value: mail_from,
                expected: "une adresse, par exemple « Service desk <servicedesk@immo9.fr> »",
            });
        }
        let public_url = get("IMMO9_PUBLIC_URL").unwrap_or_else(|| DEFAULT_PUBLIC_URL.to_owned());
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError {
                name: "IMMO9_PUBLIC_URL",
                value: public_url,
                expected: "une adresse http:// ou https://",
            });
        }
        let clock = app::clock::Clock::from_setting(get("IMMO9_NOW").as_deref()).map_err(|_| ConfigError {
            name: "IMMO9_NOW",
            value: get("IMMO9_NOW").unwrap_or_default(),
            expected: "un instant RFC 3339, par exemple 2026-12-31T23:30:00+01:00",
        })?;
        let megabytes = |name: &'static str, default: u64| match get(name) {
            None => Ok(default),
            Some(value) => value
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|size| (1..=1024).contains(size))
                .map(|size| size * 1024 * 1024)
                .ok_or(ConfigError { name, value, expected: "un nombre de mégaoctets entre 1 et 1024" }),
        };
        let defaults = app::domain::attachment::DEFAULT_LIMITS;
        let attachment_limits = app::domain::attachment::Limits {
            per_file: megabytes("IMMO9_ATTACHMENT_MAX_MB", defaults.per_file)?,
            per_ticket: megabytes("IMMO9_TICKET_ATTACHMENTS_MAX_MB", defaults.per_ticket)?,
        };
        Ok(Config {
            attachment_limits,
            clock,
            smtp,
            mail_from,
            public_url: public_url.trim_end_matches('/').to_owned(),
            database_url: get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            pool_size,
            connect_timeout: Duration::from_secs(5),
            log_format,
            demo_data,
            cookie_secure,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let config = config(&[]).unwrap();
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(config.pool_size, 16);
        assert_eq!(config.log_format, LogFormat::Text);
        assert_eq!(config.demo_data, DemoData::Never);
        assert!(!config.cookie_secure);
        assert_eq!(config.smtp, None);
        assert_eq!((config.mail_from.as_str(), config.public_url.as_str()), (DEFAULT_MAIL_FROM, DEFAULT_PUBLIC_URL));
        assert!((config.clock.now() - chrono::Utc::now()).abs() < chrono::TimeDelta::seconds(5), "the system's time");
    }

    #[test]
    fn smtp_relays_are_read_from_their_url() {
        let relay = |host: &str, port, credentials: Option<(&str, &str)>| SmtpConfig {
            host: host.into(),
            port,
            credentials: credentials.map(|(user, password)| (user.into(), password.into())),
        };
        let cases: &[(&str, Option<SmtpConfig>)] = &[
            ("smtp://relais.immo9.local", Some(relay("relais.immo9.local", 25, None))),
            ("smtp://127.0.0.1:2525", Some(relay("127.0.0.1", 2525, None))),
            ("smtp://desk:s3cr@t@relais:587/", Some(relay("relais", 587, Some(("desk", "s3cr@t"))))),
            ("smtps://relais:465", None),
            ("smtp://relais:0", None),
            ("smtp://relais:port", None),
            ("smtp://", None),
            ("smtp://user@relais", None),
        ];
        for (url, expected) in cases {
            assert_eq!(SmtpConfig::parse(url), *expected, "{url}");
        }
    }

    #[test]
    fn each_variable_is_read_and_checked() {
        let config = config(&[
            ("DATABASE_URL", "postgres://x@db/immo9"),
            ("IMMO9_LOG_FORMAT", "json"),
            ("IMMO9_DEMO_DATA", "if-empty"),
            ("IMMO9_DB_POOL_SIZE", "4"),
            ("IMMO9_COOKIE_SECURE", "true"),
            ("IMMO9_SMTP_URL", "smtp://127.0.0.1:2525"),
            ("IMMO9_MAIL_FROM", "Support <support@immo9.fr>"),
            ("IMMO9_PUBLIC_URL", "https://support.immo9.fr/"),
            ("IMMO9_NOW", "2026-12-31T23:30:00+01:00"),
        ])
        .unwrap();
        let new_year_eve = chrono::DateTime::parse_from_rfc3339("2026-12-31T23:30:00+01:00").unwrap().to_utc();
        assert!((config.clock.now() - new_year_eve).abs() < chrono::TimeDelta::seconds(5));
        assert_eq!(config.smtp.map(|smtp| smtp.port), Some(2525));
        assert_eq!(
            (config.mail_from.as_str(), config.public_url.as_str()),
            ("Support <support@immo9.fr>", "https://support.immo9.fr")
        );
        assert_eq!(config.database_url, "postgres://x@db/immo9");
        assert_eq!((config.log_format, config.demo_data, config.pool_size), (LogFormat::Json, DemoData::IfEmpty, 4));
        assert!(config.cookie_secure);
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_named() {
        let cases = [
            ("IMMO9_LOG_FORMAT", "xml"),
            ("IMMO9_DEMO_DATA", "always"),
            ("IMMO9_DB_POOL_SIZE", "0"),
            ("IMMO9_DB_POOL_SIZE", "many"),
            ("IMMO9_COOKIE_SECURE", "yes"),
            ("IMMO9_SMTP_URL", "mail.immo9.fr"),
            ("IMMO9_MAIL_FROM", "pas une adresse"),
            ("IMMO9_PUBLIC_URL", "support.immo9.fr"),
            ("IMMO9_NOW", "31/12/2026 23:30"),
        ];
        for (name, value) in cases {
            let error = config(&[(name, value)]).unwrap_err();
            assert_eq!((error.name, error.value.as_str()), (name, value));
        }
    }
}

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
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("variable d'environnement {name} invalide (« {value} ») : {expected}")]
pub struct ConfigError {
    pub name: &'static str,
    pub value: String,
    pub expected: &'static str,
}

pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/immo9";

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
        Ok(Config {
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
    }

    #[test]
    fn each_variable_is_read_and_checked() {
        let config = config(&[
            ("DATABASE_URL", "postgres://x@db/immo9"),
            ("IMMO9_LOG_FORMAT", "json"),
            ("IMMO9_DEMO_DATA", "if-empty"),
            ("IMMO9_DB_POOL_SIZE", "4"),
            ("IMMO9_COOKIE_SECURE", "true"),
        ])
        .unwrap();
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
        ];
        for (name, value) in cases {
            let error = config(&[(name, value)]).unwrap_err();
            assert_eq!((error.name, error.value.as_str()), (name, value));
        }
    }
}

//! Enums whose stable codes are part of the product (data files, exports, the API, the database).
//!
//! `code_enum!` declares an enum, its code for each variant, a parser, serde as the code, and (under `ssr`) the
//! diesel mapping to a `TEXT` column guarded by a `CHECK` constraint in the migrations. Codes never change once
//! shipped; labels live in [`crate::i18n`].

use serde::{Deserialize, Serialize};

/// A code that no variant of the named enum carries (from a file, a request or a corrupted row).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("unknown {kind} code {code:?}")]
pub struct UnknownCode {
    pub kind: String,
    pub code: String,
}

#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ssr", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow))]
        #[cfg_attr(feature = "ssr", diesel(sql_type = diesel::sql_types::Text))]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order (the order the UI lists them in).
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The stable code stored in the database and used by files and the API.
            pub const fn code(self) -> &'static str {
                match self { $( $name::$variant => $code ),+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some($name::$variant), )+ _ => None }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::domain::codes::UnknownCode;
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| $crate::domain::codes::UnknownCode {
                    kind: stringify!($name).to_owned(),
                    code: code.to_owned(),
                })
            }
        }

        #[cfg(feature = "ssr")]
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(self.code(), out)
            }
        }

        #[cfg(feature = "ssr")]
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let code = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?;
                code.parse::<$name>().map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::code_enum! {
        enum Sample { First = "PREMIER", Second = "SECOND" }
    }

    #[test]
    fn every_code_round_trips_through_text_and_serde() {
        for &variant in Sample::ALL {
            assert_eq!(variant.code().parse::<Sample>(), Ok(variant));
            let json = serde_json::to_string(&variant).unwrap();
            assert_eq!(json, format!("\"{}\"", variant.code()));
            assert_eq!(serde_json::from_str::<Sample>(&json).unwrap(), variant);
        }
    }

    #[test]
    fn an_unknown_code_is_refused_with_its_kind() {
        let err = "premier".parse::<Sample>().unwrap_err();
        assert_eq!(err.kind, "Sample");
        assert_eq!(err.code, "premier");
        assert!(serde_json::from_str::<Sample>("\"TROISIEME\"").is_err());
    }
}

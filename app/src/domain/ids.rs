//! Typed identifiers: a `UserId` can never be passed where a `SiteId` is expected.

#[macro_export]
macro_rules! id_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ssr", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow))]
        #[cfg_attr(feature = "ssr", diesel(sql_type = diesel::sql_types::BigInt))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                self.0.fmt(f)
            }
        }

        #[cfg(feature = "ssr")]
        impl diesel::serialize::ToSql<diesel::sql_types::BigInt, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <i64 as diesel::serialize::ToSql<diesel::sql_types::BigInt, diesel::pg::Pg>>::to_sql(&self.0, out)
            }
        }

        #[cfg(feature = "ssr")]
        impl diesel::deserialize::FromSql<diesel::sql_types::BigInt, diesel::pg::Pg> for $name {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                <i64 as diesel::deserialize::FromSql<diesel::sql_types::BigInt, diesel::pg::Pg>>::from_sql(bytes).map($name)
            }
        }
    };
}

id_newtype!(
    /// A ticket (its database identity; people use its [`TicketRef`](crate::domain::ticket::TicketRef)).
    TicketId
);
id_newtype!(
    /// A person who can sign in: employee, agent, manager or administrator.
    UserId
);
id_newtype!(
    /// A place where Immo9 people work: the head office, an agency or a construction site.
    SiteId
);
id_newtype!(
    /// A category or sub-category of the taxonomy.
    CategoryId
);
id_newtype!(
    /// An application, service or asset class of the technical environment.
    EnvironmentId
);
id_newtype!(
    /// A predefined request type of the catalog.
    CatalogEntryId
);
id_newtype!(
    /// A knowledge-base article.
    ArticleId
);
id_newtype!(
    /// An uploaded activity list, from its dry run to its import.
    ImportId
);
id_newtype!(
    /// A file attached to a ticket or an article (its bytes are stored once per content).
    AttachmentId
);

//! The hand-written diesel schema (app/src/db/schema.rs) matches what the migrations create: the same
//! tables, and in each the same columns with the same types and nullability, both ways. A migration and the
//! schema cannot drift apart unnoticed.

mod common;

use common::TestDatabase;
use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use std::collections::BTreeMap;

/// A column as the database describes it: its type (`information_schema`'s `data_type`, or the element
/// type for an array) and whether it may be NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ColumnType {
    sql_type: String,
    nullable: bool,
}

type Tables = BTreeMap<String, BTreeMap<String, ColumnType>>;

/// Columns the migrations create that schema.rs leaves out on purpose, and why.
const UNDECLARED: &[(&str, &str, &str)] = &[(
    "knowledge_articles",
    "search",
    "a generated tsvector, read only by the full-text SQL of knowledge::service (diesel has no type for it)",
)];

/// PostgreSQL's name of a diesel SQL type of schema.rs.
fn postgres_type(diesel: &str) -> String {
    if let Some(element) = diesel.strip_prefix("Array<").and_then(|rest| rest.strip_suffix('>')) {
        return format!("{}[]", postgres_type(element));
    }
    match diesel {
        "BigInt" => "bigint",
        "Integer" => "integer",
        "SmallInt" => "smallint",
        "Text" => "text",
        "Bool" => "boolean",
        "Timestamptz" => "timestamp with time zone",
        "Date" => "date",
        "Jsonb" => "jsonb",
        "Bytea" => "bytea",
        "Double" => "double precision",
        other => panic!("schema.rs uses a type this test does not know: {other}"),
    }
    .to_owned()
}

/// The `diesel::table!` blocks of schema.rs: table → column → type.
fn declared() -> Tables {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src/db/schema.rs")).unwrap();
    let mut tables = Tables::new();
    let mut current: Option<String> = None;
    for line in source.lines().map(str::trim) {
        if let Some((name, _)) = line.split_once(" (").filter(|(_, rest)| rest.ends_with(") {")) {
            current = Some(name.to_owned());
            tables.insert(name.to_owned(), BTreeMap::new());
        } else if let (Some(table), Some((column, diesel))) = (&current, line.split_once(" -> ")) {
            let diesel = diesel.trim_end_matches(',');
            let (diesel, nullable) = match diesel.strip_prefix("Nullable<").and_then(|rest| rest.strip_suffix('>')) {
                Some(inner) => (inner, true),
                None => (diesel, false),
            };
            let column_type = ColumnType { sql_type: postgres_type(diesel), nullable };
            tables.get_mut(table).unwrap().insert(column.to_owned(), column_type);
        } else if line == "}" {
            current = None;
        }
    }
    tables
}

#[derive(QueryableByName)]
struct MigratedColumn {
    #[diesel(sql_type = diesel::sql_types::Text)]
    table_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    column_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    sql_type: String,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    nullable: bool,
}

async fn migrated(db: &TestDatabase) -> Tables {
    let columns: Vec<MigratedColumn> = diesel::sql_query(
        "SELECT c.table_name::text, c.column_name::text, \
                CASE WHEN c.data_type = 'ARRAY' THEN format_type(a.atttypid, NULL) ELSE c.data_type::text END AS sql_type, \
                c.is_nullable = 'YES' AS nullable \
         FROM information_schema.columns c \
         JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name \
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' \
           AND c.table_name <> '__diesel_schema_migrations'",
    )
    .load(&mut db.conn().await)
    .await
    .unwrap();
    let mut tables = Tables::new();
    for column in columns {
        let column_type = ColumnType { sql_type: column.sql_type, nullable: column.nullable };
        tables.entry(column.table_name).or_default().insert(column.column_name, column_type);
    }
    tables
}

#[tokio::test]
async fn the_diesel_schema_matches_the_migrated_database() {
    let declared = declared();
    assert!(declared.len() > 40 && declared["tickets"].len() > 25, "schema.rs was read: {:?}", declared.keys());
    let db = TestDatabase::migrated().await;
    let migrated = migrated(&db).await;
    let only_declared: Vec<&String> = declared.keys().filter(|table| !migrated.contains_key(*table)).collect();
    let only_migrated: Vec<&String> = migrated.keys().filter(|table| !declared.contains_key(*table)).collect();
    assert!(only_declared.is_empty(), "tables of schema.rs the migrations do not create: {only_declared:?}");
    assert!(only_migrated.is_empty(), "tables the migrations create that schema.rs lacks: {only_migrated:?}");
    let mut drift = Vec::new();
    for (table, columns) in &declared {
        let database = &migrated[table];
        for (column, declared_type) in columns {
            match database.get(column) {
                None => drift.push(format!("{table}.{column}: declared, not migrated")),
                Some(migrated_type) if migrated_type != declared_type => {
                    drift.push(format!("{table}.{column}: declared {declared_type:?}, migrated {migrated_type:?}"))
                }
                Some(_) => {}
            }
        }
        let left_out = |column: &str| UNDECLARED.iter().any(|(t, c, _)| *t == table && *c == column);
        for column in database.keys().filter(|column| !columns.contains_key(*column) && !left_out(column)) {
            drift.push(format!("{table}.{column}: migrated, not declared"));
        }
    }
    assert!(drift.is_empty(), "schema.rs and the migrations differ:\n{}", drift.join("\n"));
}

//! The diesel view of the tables in `migrations/`. Kept by hand, in the order of the migrations; an
//! integration test (`server/tests/schema.rs`) checks it against the migrated database.

diesel::table! {
    sites (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        kind -> Text,
        city -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    poles (code) {
        code -> Text,
        name -> Text,
        mission -> Text,
        position -> SmallInt,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        login -> Text,
        display_name -> Text,
        phone -> Nullable<Text>,
        password_hash -> Text,
        site_id -> BigInt,
        typology -> Text,
        pole -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Bytea,
        user_id -> BigInt,
        created_at -> Timestamptz,
        last_seen_at -> Timestamptz,
        expires_at -> Timestamptz,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamptz,
        actor_id -> Nullable<BigInt>,
        entity -> Text,
        entity_id -> Text,
        action -> Text,
        detail -> Jsonb,
    }
}

diesel::joinable!(users -> sites (site_id));
diesel::joinable!(users -> poles (pole));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(sessions -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(sites, poles, users, user_roles, sessions, audit_log);

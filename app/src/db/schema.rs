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

diesel::table! {
    ticket_counters (kind, year) {
        kind -> Text,
        year -> SmallInt,
        last_seq -> Integer,
    }
}

diesel::table! {
    tickets (id) {
        id -> BigInt,
        reference -> Text,
        kind -> Text,
        status -> Text,
        title -> Text,
        description -> Text,
        channel -> Text,
        priority -> Text,
        domain -> Nullable<Text>,
        requester_id -> Nullable<BigInt>,
        registered_by -> Nullable<BigInt>,
        site_id -> BigInt,
        pole -> Text,
        assignee_id -> Nullable<BigInt>,
        solution -> Nullable<Text>,
        workaround -> Nullable<Text>,
        version -> Integer,
        reopen_count -> Integer,
        escalation_count -> Integer,
        supervisor_alerted_at -> Nullable<Timestamptz>,
        waiting_since -> Nullable<Timestamptz>,
        reminders_sent -> SmallInt,
        first_contact -> Bool,
        registered_at -> Timestamptz,
        updated_at -> Timestamptz,
        resolved_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
        source_ref -> Nullable<Text>,
    }
}

diesel::table! {
    ticket_history (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        at -> Timestamptz,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        detail -> Jsonb,
    }
}

diesel::table! {
    ticket_comments (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        author_id -> Nullable<BigInt>,
        at -> Timestamptz,
        visibility -> Text,
        purpose -> Text,
        body -> Text,
    }
}

diesel::table! {
    ticket_effort (id) {
        id -> BigInt,
        ticket_id -> BigInt,
        agent_id -> BigInt,
        pole -> Text,
        minutes -> Integer,
        action -> Nullable<Text>,
        note -> Nullable<Text>,
        at -> Timestamptz,
    }
}

diesel::table! {
    ticket_links (id) {
        id -> BigInt,
        from_id -> BigInt,
        to_id -> BigInt,
        kind -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        ticket_id -> Nullable<BigInt>,
        at -> Timestamptz,
        message -> Text,
        read_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    workflow_settings (id) {
        id -> Bool,
        reminder_delay_hours -> Integer,
        max_reminders -> Integer,
        confirmation_delay_hours -> Integer,
    }
}

diesel::joinable!(users -> sites (site_id));
diesel::joinable!(users -> poles (pole));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(sessions -> users (user_id));

diesel::joinable!(tickets -> sites (site_id));
diesel::joinable!(ticket_history -> tickets (ticket_id));
diesel::joinable!(ticket_comments -> tickets (ticket_id));
diesel::joinable!(ticket_effort -> tickets (ticket_id));
diesel::joinable!(notifications -> tickets (ticket_id));

diesel::allow_tables_to_appear_in_same_query!(
    sites,
    poles,
    users,
    user_roles,
    sessions,
    audit_log,
    ticket_counters,
    tickets,
    ticket_history,
    ticket_comments,
    ticket_effort,
    ticket_links,
    notifications,
    workflow_settings,
);

// Effort reports group by the agent's name and the pole the minutes were logged for.
diesel::allow_columns_to_appear_in_same_group_by_clause!(users::display_name, ticket_effort::pole);

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
        calendar_code -> Nullable<Text>,
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
        manager_id -> Nullable<BigInt>,
        source -> Text,
        directory_dn -> Nullable<Text>,
        account_name -> Nullable<Text>,
        title -> Nullable<Text>,
        deactivated_by_admin -> Bool,
        roles_pinned -> Bool,
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
        id -> BigInt,
        address -> Nullable<Text>,
    }
}

diesel::table! {
    directory_settings (id) {
        id -> SmallInt,
        url -> Text,
        starttls -> Bool,
        ca_file -> Nullable<Text>,
        bind_dn -> Text,
        bind_password -> Text,
        base_dn -> Text,
        group_base_dn -> Nullable<Text>,
        profile -> Text,
        group_roles -> Jsonb,
        group_typologies -> Jsonb,
        attributes -> Jsonb,
        sync_enabled -> Bool,
        updated_at -> Timestamptz,
        updated_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    directory_sync_runs (id) {
        id -> BigInt,
        trigger -> Text,
        slot -> Nullable<Timestamptz>,
        actor_id -> Nullable<BigInt>,
        started_at -> Timestamptz,
        finished_at -> Nullable<Timestamptz>,
        created -> Integer,
        updated -> Integer,
        deactivated -> Integer,
        unchanged -> Integer,
        problems -> Jsonb,
        failure -> Nullable<Text>,
    }
}

diesel::table! {
    password_links (token_hash) {
        token_hash -> Bytea,
        user_id -> BigInt,
        purpose -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    sign_in_failures (id) {
        id -> BigInt,
        login -> Text,
        address -> Nullable<Text>,
        at -> Timestamptz,
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
        last_reminded_at -> Nullable<Timestamptz>,
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
        event_key -> Nullable<Text>,
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

diesel::table! {
    typologies (code) {
        code -> Text,
        handling -> Text,
        raises_incident_priority -> Bool,
        call_back_by_phone -> Bool,
        position -> SmallInt,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        domain -> Text,
        parent_id -> Nullable<BigInt>,
        code -> Text,
        label -> Text,
        default_pole -> Text,
        allowed_kinds -> Array<Text>,
        active -> Bool,
        position -> SmallInt,
    }
}

diesel::table! {
    environment_items (id) {
        id -> BigInt,
        kind -> Text,
        code -> Text,
        label -> Text,
        description -> Text,
        domain -> Text,
        criticality -> Text,
        active -> Bool,
    }
}

diesel::table! {
    priority_matrix (impact, urgency) {
        impact -> Text,
        urgency -> Text,
        priority -> Text,
    }
}

diesel::table! {
    qualification_settings (id) {
        id -> Bool,
        vital_raises_priority -> Bool,
        deadline_window_days -> Integer,
    }
}

diesel::table! {
    catalog_entries (id) {
        id -> BigInt,
        code -> Text,
        title -> Text,
        summary -> Text,
        domain -> Text,
        category_id -> Nullable<BigInt>,
        kind -> Text,
        impact -> Text,
        urgency -> Text,
        pole -> Text,
        requires_approval -> Bool,
        keywords -> Text,
        fields -> Jsonb,
        active -> Bool,
        position -> SmallInt,
        updated_at -> Timestamptz,
        sla_own_minutes -> Nullable<Integer>,
        sla_resolve_minutes -> Nullable<Integer>,
        estimated_minutes -> Nullable<Integer>,
    }
}

diesel::table! {
    ticket_qualification (ticket_id) {
        ticket_id -> BigInt,
        category_id -> Nullable<BigInt>,
        environment_id -> Nullable<BigInt>,
        impact -> Text,
        urgency -> Text,
        criticality -> Nullable<Text>,
        severity -> Nullable<Text>,
        business_deadline -> Nullable<Date>,
        computed_priority -> Text,
        explanation -> Text,
        override_reason -> Nullable<Text>,
        qualified_by -> Nullable<BigInt>,
        qualified_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_requests (ticket_id) {
        ticket_id -> BigInt,
        catalog_entry_id -> BigInt,
        answers -> Jsonb,
    }
}

diesel::table! {
    ticket_approvals (ticket_id) {
        ticket_id -> BigInt,
        approver_id -> BigInt,
        requested_at -> Timestamptz,
        decision -> Nullable<Text>,
        reason -> Nullable<Text>,
        decided_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    ticket_ratings (ticket_id) {
        ticket_id -> BigInt,
        rating -> SmallInt,
        comment -> Nullable<Text>,
        rated_at -> Timestamptz,
    }
}

diesel::table! {
    business_calendars (code) {
        code -> Text,
        name -> Text,
        week -> Jsonb,
        closed_on_public_holidays -> Bool,
        closures -> Array<Date>,
        default_for_kind -> Nullable<Text>,
    }
}

diesel::table! {
    sla_policies (kind, priority) {
        kind -> Text,
        priority -> Text,
        own_minutes -> Integer,
        resolve_minutes -> Integer,
        thresholds -> Jsonb,
    }
}

diesel::table! {
    ola_targets (pole) {
        pole -> Text,
        own_minutes -> Integer,
        resolve_minutes -> Integer,
    }
}

diesel::table! {
    ticket_clocks (ticket_id, measure, cycle) {
        ticket_id -> BigInt,
        measure -> Text,
        cycle -> SmallInt,
        pole -> Text,
        calendar_code -> Text,
        priority -> Text,
        target_minutes -> Integer,
        started_at -> Timestamptz,
        pauses -> Jsonb,
        stopped_at -> Nullable<Timestamptz>,
        due_at -> Nullable<Timestamptz>,
        remaining_seconds -> Nullable<BigInt>,
        breached -> Nullable<Bool>,
        next_escalation_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    sla_escalations (ticket_id, measure, cycle, percent) {
        ticket_id -> BigInt,
        measure -> Text,
        cycle -> SmallInt,
        percent -> SmallInt,
        action -> Text,
        due_at -> Timestamptz,
        fired_at -> Timestamptz,
        late -> Bool,
    }
}

diesel::table! {
    mail_outbox (id) {
        id -> BigInt,
        notification_id -> BigInt,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        link_path -> Nullable<Text>,
        created_at -> Timestamptz,
        next_attempt_at -> Timestamptz,
        attempts -> SmallInt,
        sent_at -> Nullable<Timestamptz>,
        failed_at -> Nullable<Timestamptz>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    backlog_settings (pole) {
        pole -> Text,
        default_effort_minutes -> Integer,
        at_risk_alert -> Integer,
        stale_after_days -> Integer,
    }
}

diesel::table! {
    agent_schedules (user_id) {
        user_id -> BigInt,
        week -> Jsonb,
    }
}

diesel::table! {
    saved_views (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        query -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    backlog_alerts (pole, reason, period) {
        pole -> Text,
        reason -> Text,
        period -> Text,
        raised_at -> Timestamptz,
        detail -> Jsonb,
    }
}

diesel::table! {
    knowledge_articles (id) {
        id -> BigInt,
        title -> Text,
        summary -> Text,
        body_markdown -> Text,
        body_html -> Text,
        audience -> Text,
        domain -> Nullable<Text>,
        category_id -> Nullable<BigInt>,
        owner_id -> BigInt,
        review_on -> Date,
        archived -> Bool,
        source_ticket_id -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    knowledge_article_entries (article_id, catalog_entry_id) {
        article_id -> BigInt,
        catalog_entry_id -> BigInt,
    }
}

diesel::table! {
    knowledge_deflections (id) {
        id -> BigInt,
        article_id -> BigInt,
        user_id -> BigInt,
        catalog_entry_id -> Nullable<BigInt>,
        description -> Text,
        at -> Timestamptz,
    }
}

diesel::table! {
    ticket_articles (ticket_id, article_id) {
        ticket_id -> BigInt,
        article_id -> BigInt,
        linked_by -> BigInt,
        linked_at -> Timestamptz,
    }
}

diesel::table! {
    triage_examples (ticket_id) {
        ticket_id -> BigInt,
        kind -> Text,
        domain -> Text,
        pole -> Text,
        terms -> Array<Text>,
        learned_at -> Timestamptz,
    }
}

diesel::table! {
    triage_terms (dimension, label, term) {
        dimension -> Text,
        label -> Text,
        term -> Text,
        occurrences -> Integer,
    }
}

diesel::table! {
    triage_labels (dimension, label) {
        dimension -> Text,
        label -> Text,
        documents -> Integer,
        terms -> Integer,
    }
}

diesel::table! {
    import_runs (id) {
        id -> BigInt,
        file_name -> Text,
        file_sha256 -> Text,
        content -> Nullable<Bytea>,
        mapping -> Jsonb,
        report -> Jsonb,
        rows_total -> Integer,
        rows_valid -> Integer,
        rows_done -> Integer,
        created -> Integer,
        skipped -> Integer,
        status -> Text,
        error -> Nullable<Text>,
        started_by -> BigInt,
        checked_at -> Timestamptz,
        started_at -> Nullable<Timestamptz>,
        finished_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    campaigns (id) {
        id -> BigInt,
        kind -> Text,
        title -> Text,
        message -> Text,
        severity -> Text,
        site_ids -> Array<BigInt>,
        typologies -> Array<Text>,
        starts_at -> Timestamptz,
        ends_at -> Nullable<Timestamptz>,
        ticket_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamptz,
        withdrawn_at -> Nullable<Timestamptz>,
        withdrawn_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    campaign_messages (campaign_id, phase, recipient_id) {
        campaign_id -> BigInt,
        recipient_id -> BigInt,
        phase -> Text,
        sent_at -> Timestamptz,
    }
}

diesel::table! {
    survey_settings (singleton) {
        singleton -> Bool,
        rate_percent -> SmallInt,
        period_days -> SmallInt,
        low_rating -> SmallInt,
        updated_at -> Timestamptz,
        updated_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    survey_invitations (ticket_id) {
        ticket_id -> BigInt,
        requester_id -> BigInt,
        invited_at -> Timestamptz,
        answered_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    satisfaction_followups (ticket_id) {
        ticket_id -> BigInt,
        opened_at -> Timestamptz,
        status -> Text,
        note -> Nullable<Text>,
        handled_by -> Nullable<BigInt>,
        handled_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    improvement_actions (id) {
        id -> BigInt,
        title -> Text,
        description -> Text,
        owner_id -> BigInt,
        due_on -> Nullable<Date>,
        status -> Text,
        created_by -> BigInt,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    monthly_reports (month) {
        month -> Date,
        sent_at -> Timestamptz,
        sent_by -> Nullable<BigInt>,
        recipients -> Integer,
    }
}

diesel::table! {
    attachment_blobs (sha256) {
        sha256 -> Text,
        size -> BigInt,
        content_type -> Text,
        chunk_count -> Integer,
        stored_at -> Timestamptz,
        renditions -> Text,
    }
}

diesel::table! {
    attachment_chunks (sha256, seq) {
        sha256 -> Text,
        seq -> Integer,
        data -> Bytea,
    }
}

diesel::table! {
    attachment_renditions (sha256, kind) {
        sha256 -> Text,
        kind -> Text,
        content_type -> Text,
        width -> Integer,
        height -> Integer,
        data -> Bytea,
    }
}

diesel::table! {
    attachments (id) {
        id -> BigInt,
        ticket_id -> Nullable<BigInt>,
        article_id -> Nullable<BigInt>,
        sha256 -> Text,
        name -> Text,
        content_type -> Text,
        size -> BigInt,
        internal -> Bool,
        uploaded_by -> Nullable<BigInt>,
        uploaded_at -> Timestamptz,
    }
}

diesel::joinable!(users -> sites (site_id));
diesel::joinable!(users -> poles (pole));
diesel::joinable!(users -> typologies (typology));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(password_links -> users (user_id));

diesel::joinable!(tickets -> sites (site_id));
diesel::joinable!(ticket_history -> tickets (ticket_id));
diesel::joinable!(ticket_comments -> tickets (ticket_id));
diesel::joinable!(ticket_effort -> tickets (ticket_id));
diesel::joinable!(notifications -> tickets (ticket_id));
diesel::joinable!(notifications -> users (user_id));

diesel::joinable!(catalog_entries -> categories (category_id));
diesel::joinable!(ticket_qualification -> tickets (ticket_id));
diesel::joinable!(ticket_qualification -> environment_items (environment_id));
diesel::joinable!(ticket_requests -> tickets (ticket_id));
diesel::joinable!(ticket_requests -> catalog_entries (catalog_entry_id));
diesel::joinable!(ticket_approvals -> tickets (ticket_id));
diesel::joinable!(ticket_approvals -> users (approver_id));
diesel::joinable!(ticket_ratings -> tickets (ticket_id));
diesel::joinable!(ticket_clocks -> tickets (ticket_id));
diesel::joinable!(mail_outbox -> notifications (notification_id));
diesel::joinable!(agent_schedules -> users (user_id));
diesel::joinable!(saved_views -> users (user_id));
diesel::joinable!(knowledge_articles -> users (owner_id));
diesel::joinable!(knowledge_article_entries -> knowledge_articles (article_id));
diesel::joinable!(knowledge_article_entries -> catalog_entries (catalog_entry_id));
diesel::joinable!(ticket_articles -> knowledge_articles (article_id));
diesel::joinable!(knowledge_deflections -> knowledge_articles (article_id));
diesel::joinable!(ticket_articles -> tickets (ticket_id));
diesel::joinable!(campaign_messages -> campaigns (campaign_id));
diesel::joinable!(survey_invitations -> tickets (ticket_id));
diesel::joinable!(satisfaction_followups -> tickets (ticket_id));
diesel::joinable!(improvement_actions -> users (owner_id));
diesel::joinable!(attachments -> attachment_blobs (sha256));
diesel::joinable!(attachment_chunks -> attachment_blobs (sha256));
diesel::joinable!(attachment_renditions -> attachment_blobs (sha256));
diesel::joinable!(attachments -> tickets (ticket_id));
diesel::joinable!(attachments -> knowledge_articles (article_id));

diesel::allow_tables_to_appear_in_same_query!(
    sites,
    directory_settings,
    directory_sync_runs,
    password_links,
    business_calendars,
    sla_policies,
    ola_targets,
    poles,
    users,
    user_roles,
    sessions,
    audit_log,
    sign_in_failures,
    ticket_counters,
    tickets,
    ticket_history,
    ticket_comments,
    ticket_effort,
    ticket_links,
    notifications,
    workflow_settings,
    typologies,
    categories,
    environment_items,
    priority_matrix,
    qualification_settings,
    catalog_entries,
    ticket_qualification,
    ticket_requests,
    ticket_approvals,
    ticket_ratings,
    ticket_clocks,
    sla_escalations,
    mail_outbox,
    backlog_settings,
    agent_schedules,
    backlog_alerts,
    saved_views,
    knowledge_articles,
    knowledge_article_entries,
    knowledge_deflections,
    ticket_articles,
    triage_examples,
    triage_terms,
    triage_labels,
    import_runs,
    campaigns,
    campaign_messages,
    survey_settings,
    survey_invitations,
    satisfaction_followups,
    improvement_actions,
    monthly_reports,
    attachment_blobs,
    attachment_chunks,
    attachment_renditions,
    attachments,
);

// Effort reports group by the agent's name and the pole the minutes were logged for.
diesel::allow_columns_to_appear_in_same_group_by_clause!(users::display_name, ticket_effort::pole);

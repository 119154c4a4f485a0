//! The hand-written diesel schema (app/src/db/schema.rs) matches what the migrations create: every
//! declared column exists, and no migrated column is missing from the declaration.

mod common;

use app::db::schema::*;
use common::TestDatabase;
use diesel::prelude::*;
use diesel::query_builder::QueryFragment;
use diesel_async::RunQueryDsl;

/// The SQL diesel generates for selecting every declared column, and how many columns that is.
fn probe<Q: QueryFragment<diesel::pg::Pg>>(table: &str, query: Q, declared: usize) -> (String, String, usize) {
    let sql = diesel::debug_query::<diesel::pg::Pg, _>(&query).to_string();
    let sql = sql.split(" -- binds").next().unwrap().replace("$1", "0");
    (table.to_owned(), sql, declared)
}

#[tokio::test]
async fn the_diesel_schema_matches_the_migrated_database() {
    let db = TestDatabase::migrated().await;
    let mut conn = db.conn().await;
    let probes = [
        probe("sites", sites::table.select(sites::all_columns).limit(0), 7),
        probe("poles", poles::table.select(poles::all_columns).limit(0), 4),
        probe("users", users::table.select(users::all_columns).limit(0), 12),
        probe("user_roles", user_roles::table.select(user_roles::all_columns).limit(0), 2),
        probe("sessions", sessions::table.select(sessions::all_columns).limit(0), 6),
        probe("audit_log", audit_log::table.select(audit_log::all_columns).limit(0), 7),
        probe("ticket_counters", ticket_counters::table.select(ticket_counters::all_columns).limit(0), 3),
        probe("tickets", tickets::table.select(tickets::all_columns).limit(0), 28),
        probe("ticket_history", ticket_history::table.select(ticket_history::all_columns).limit(0), 8),
        probe("ticket_comments", ticket_comments::table.select(ticket_comments::all_columns).limit(0), 7),
        probe("ticket_effort", ticket_effort::table.select(ticket_effort::all_columns).limit(0), 8),
        probe("ticket_links", ticket_links::table.select(ticket_links::all_columns).limit(0), 6),
        probe("notifications", notifications::table.select(notifications::all_columns).limit(0), 7),
        probe("workflow_settings", workflow_settings::table.select(workflow_settings::all_columns).limit(0), 4),
        probe("typologies", typologies::table.select(typologies::all_columns).limit(0), 5),
        probe("categories", categories::table.select(categories::all_columns).limit(0), 9),
        probe("environment_items", environment_items::table.select(environment_items::all_columns).limit(0), 8),
        probe("priority_matrix", priority_matrix::table.select(priority_matrix::all_columns).limit(0), 3),
        probe(
            "qualification_settings",
            qualification_settings::table.select(qualification_settings::all_columns).limit(0),
            3,
        ),
        probe("catalog_entries", catalog_entries::table.select(catalog_entries::all_columns).limit(0), 19),
        probe(
            "ticket_qualification",
            ticket_qualification::table.select(ticket_qualification::all_columns).limit(0),
            13,
        ),
        probe("ticket_requests", ticket_requests::table.select(ticket_requests::all_columns).limit(0), 3),
        probe("ticket_approvals", ticket_approvals::table.select(ticket_approvals::all_columns).limit(0), 6),
        probe("ticket_ratings", ticket_ratings::table.select(ticket_ratings::all_columns).limit(0), 4),
        probe("business_calendars", business_calendars::table.select(business_calendars::all_columns).limit(0), 6),
        probe("sla_policies", sla_policies::table.select(sla_policies::all_columns).limit(0), 5),
        probe("ola_targets", ola_targets::table.select(ola_targets::all_columns).limit(0), 3),
        probe("ticket_clocks", ticket_clocks::table.select(ticket_clocks::all_columns).limit(0), 14),
        probe("sla_escalations", sla_escalations::table.select(sla_escalations::all_columns).limit(0), 8),
        probe("mail_outbox", mail_outbox::table.select(mail_outbox::all_columns).limit(0), 12),
        probe("backlog_settings", backlog_settings::table.select(backlog_settings::all_columns).limit(0), 4),
        probe("agent_schedules", agent_schedules::table.select(agent_schedules::all_columns).limit(0), 2),
        probe("backlog_alerts", backlog_alerts::table.select(backlog_alerts::all_columns).limit(0), 5),
        probe("saved_views", saved_views::table.select(saved_views::all_columns).limit(0), 5),
        probe("campaigns", campaigns::table.select(campaigns::all_columns).limit(0), 14),
        probe("campaign_messages", campaign_messages::table.select(campaign_messages::all_columns).limit(0), 4),
        probe("survey_settings", survey_settings::table.select(survey_settings::all_columns).limit(0), 6),
        probe("survey_invitations", survey_invitations::table.select(survey_invitations::all_columns).limit(0), 4),
        probe(
            "satisfaction_followups",
            satisfaction_followups::table.select(satisfaction_followups::all_columns).limit(0),
            6,
        ),
        probe("improvement_actions", improvement_actions::table.select(improvement_actions::all_columns).limit(0), 9),
        probe("monthly_reports", monthly_reports::table.select(monthly_reports::all_columns).limit(0), 4),
    ];
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    for (table, sql, declared) in probes {
        assert_eq!(sql.matches(',').count() + 1, declared, "{table}: the declared column count is out of date");
        diesel::sql_query(&sql).execute(&mut conn).await.unwrap_or_else(|error| panic!("{table}: {error}"));
        let migrated = diesel::sql_query(
            "SELECT count(*) AS count FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        )
        .bind::<diesel::sql_types::Text, _>(&table)
        .get_result::<Count>(&mut conn)
        .await
        .unwrap()
        .count;
        assert_eq!(migrated as usize, declared, "{table}: a migrated column is missing from schema.rs");
    }
}

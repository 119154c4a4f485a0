DROP TABLE backlog_alerts;
DROP TABLE agent_schedules;
ALTER TABLE catalog_entries DROP COLUMN estimated_minutes;
DROP TABLE backlog_settings;
DROP TABLE mail_outbox;
DROP INDEX notifications_one_per_event_idx;
ALTER TABLE notifications DROP COLUMN event_key;
DROP TABLE sla_escalations;
DROP TABLE ticket_clocks;

DROP TABLE ola_targets;
ALTER TABLE catalog_entries DROP CONSTRAINT catalog_entries_sla_order,
    DROP COLUMN sla_own_minutes, DROP COLUMN sla_resolve_minutes;
DROP TABLE sla_policies;
DROP FUNCTION sla_thresholds_are_valid(JSONB);
ALTER TABLE sites DROP COLUMN calendar_code;
DROP TABLE business_calendars;

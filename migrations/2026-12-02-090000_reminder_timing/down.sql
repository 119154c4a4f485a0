ALTER TABLE tickets DROP COLUMN last_reminded_at;

ALTER TABLE sessions DROP COLUMN address, DROP COLUMN id;
DROP TABLE password_links;
DROP TABLE directory_sync_runs;
DROP TABLE directory_settings;
DROP INDEX users_account_name_idx;
DROP INDEX users_directory_dn_key;
ALTER TABLE users
    DROP CONSTRAINT users_directory_has_dn,
    DROP COLUMN roles_pinned,
    DROP COLUMN deactivated_by_admin,
    DROP COLUMN title,
    DROP COLUMN account_name,
    DROP COLUMN directory_dn,
    DROP COLUMN source;

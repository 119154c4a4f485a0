DROP TABLE audit_log;
DROP FUNCTION refuse_history_rewrite();
DROP TABLE sessions;
DROP TABLE user_roles;
DROP TABLE users;
DROP TABLE poles;
DROP TABLE sites;

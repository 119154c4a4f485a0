DROP TABLE workflow_settings;
DROP TABLE notifications;
DROP TABLE ticket_links;
DROP TABLE ticket_effort;
DROP TABLE ticket_comments;
DROP TABLE ticket_history;
DROP TABLE tickets;
DROP TABLE ticket_counters;

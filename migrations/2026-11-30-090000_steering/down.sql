DROP TABLE monthly_reports;
DROP TABLE improvement_actions;
DROP TABLE satisfaction_followups;
DROP TABLE survey_invitations;
DROP TABLE survey_settings;
DROP TABLE campaign_messages;
DROP TABLE campaigns;

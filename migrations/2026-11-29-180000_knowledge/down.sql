DROP TABLE import_runs;
DROP TABLE triage_labels;
DROP TABLE triage_terms;
DROP TABLE triage_examples;
DROP TABLE ticket_articles;
DROP TABLE knowledge_deflections;
DROP TABLE knowledge_article_entries;
DROP TABLE knowledge_articles;
DROP TEXT SEARCH CONFIGURATION immo9_fr;

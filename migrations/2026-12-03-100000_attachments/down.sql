UPDATE catalog_entries SET fields = (
    SELECT COALESCE(jsonb_agg(field), '[]'::jsonb) FROM jsonb_array_elements(fields) AS field WHERE field->>'kind' <> 'FICHIER'
);
DROP TABLE attachments;
DROP TABLE attachment_renditions;
DROP TABLE attachment_chunks;
DROP TABLE attachment_blobs;

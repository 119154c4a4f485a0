DROP TABLE ticket_ratings;
DROP TABLE ticket_approvals;
DROP TABLE ticket_requests;
DROP TABLE ticket_qualification;
DROP TABLE catalog_entries;
DROP TABLE qualification_settings;
DROP TABLE priority_matrix;
DROP TABLE environment_items;
DROP TRIGGER categories_parent_check ON categories;
DROP FUNCTION check_category_parent();
DROP TABLE categories;
DELETE FROM user_roles WHERE role = 'DELEGUE';
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check
    CHECK (role IN ('DEMANDEUR', 'AGENT', 'SUPERVISEUR', 'QUALITE', 'CAB', 'ADMIN'));
ALTER TABLE users DROP COLUMN manager_id;
ALTER TABLE users DROP CONSTRAINT users_typology_fkey;
DROP TABLE typologies;

//! `GET /api/v1/openapi.json`: the JSON API described for its clients (OpenAPI 3.1). An integration test
//! calls every path it lists, so the document cannot drift from the routes.

use serde_json::{Value, json};

fn error_responses() -> Value {
    json!({
        "401": { "$ref": "#/components/responses/Error" },
        "403": { "$ref": "#/components/responses/Error" },
        "404": { "$ref": "#/components/responses/Error" },
        "409": { "$ref": "#/components/responses/Error" },
        "422": { "$ref": "#/components/responses/Error" }
    })
}

fn reference_parameter() -> Value {
    json!({
        "name": "reference", "in": "path", "required": true,
        "description": "Référence lisible du ticket, par exemple INC-2026-000123",
        "schema": { "type": "string", "pattern": "^(EVT|INC|PRB|DEM|CHG)-[0-9]{4}-[0-9]{6}$" }
    })
}

fn with_errors(ok: Value) -> Value {
    let mut responses = error_responses();
    if let (Some(map), Some(ok)) = (responses.as_object_mut(), ok.as_object()) {
        map.extend(ok.clone());
    }
    responses
}

pub fn document() -> Value {
    let mut document = core_document();
    for more in [capacity_and_live_paths(), triage_and_import_paths(), kpi_paths(), people_paths(), attachment_paths()]
    {
        if let (Some(paths), Value::Object(more)) = (document["paths"].as_object_mut(), more) {
            paths.extend(more);
        }
    }
    document
}

fn core_document() -> Value {
    let ticket = json!({ "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ticket" } } } });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Immo9 Service Desk API",
            "version": "1",
            "description": "Enregistrement et traitement des activités (événements, incidents, problèmes, demandes, changements). \
                Authentification : POST /api/v1/session pose le cookie de session. Les erreurs ont la forme \
                {\"error\": {\"code\", \"message\", \"field\"?}}."
        },
        "paths": {
            "/api/v1/session": {
                "post": {
                    "summary": "Se connecter (pose le cookie immo9_session)",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object", "required": ["login", "password"],
                        "properties": { "login": { "type": "string" }, "password": { "type": "string" } }
                    } } } },
                    "responses": with_errors(json!({ "200": { "description": "Connecté" } }))
                },
                "get": { "summary": "La personne connectée", "responses": with_errors(json!({ "200": { "description": "Connecté" } })) },
                "delete": { "summary": "Se déconnecter", "responses": { "204": { "description": "Déconnecté" } } }
            },
            "/api/v1/tickets": {
                "post": {
                    "summary": "Enregistrer une activité",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewTicket" } } } },
                    "responses": with_errors(json!({ "201": ticket.clone() }))
                },
                "get": {
                    "summary": "Lister les tickets visibles",
                    "parameters": [
                        { "name": "type", "in": "query", "schema": { "$ref": "#/components/schemas/Kind" } },
                        { "name": "status_group", "in": "query", "schema": { "enum": ["new", "active", "waiting", "resolved", "closed"] } },
                        { "name": "pole", "in": "query", "schema": { "$ref": "#/components/schemas/Pole" } },
                        { "name": "assignee", "in": "query", "schema": { "type": "integer" } },
                        { "name": "requester", "in": "query", "schema": { "type": "integer" } },
                        { "name": "site", "in": "query", "schema": { "type": "integer" } },
                        { "name": "priority", "in": "query", "schema": { "enum": ["P1", "P2", "P3", "P4"] } },
                        { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
                        { "name": "per_page", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 200 } }
                    ],
                    "responses": with_errors(json!({ "200": { "description": "Une page de tickets" } }))
                }
            },
            "/api/v1/tickets/{reference}": {
                "get": { "summary": "Un ticket", "parameters": [reference_parameter()], "responses": with_errors(json!({ "200": ticket.clone() })) }
            },
            "/api/v1/tickets/{reference}/transitions": {
                "post": {
                    "summary": "Appliquer une action du cycle de vie",
                    "parameters": [reference_parameter()],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Transition" } } } },
                    "responses": with_errors(json!({ "200": ticket.clone() }))
                }
            },
            "/api/v1/tickets/{reference}/comments": {
                "post": {
                    "summary": "Commenter (ou note interne)",
                    "parameters": [reference_parameter()],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object", "required": ["body"],
                        "properties": { "body": { "type": "string" }, "internal": { "type": "boolean" } }
                    } } } },
                    "responses": with_errors(json!({ "201": ticket.clone() }))
                }
            },
            "/api/v1/tickets/{reference}/effort": {
                "post": {
                    "summary": "Déclarer du temps passé",
                    "parameters": [reference_parameter()],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object", "required": ["minutes"],
                        "properties": { "minutes": { "type": "integer", "minimum": 1, "maximum": 1440 }, "note": { "type": "string" } }
                    } } } },
                    "responses": with_errors(json!({ "201": ticket.clone() }))
                }
            },
            "/api/v1/tickets/{reference}/links": {
                "post": {
                    "summary": "Lier à un autre ticket",
                    "parameters": [reference_parameter()],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object", "required": ["kind", "target"],
                        "properties": { "kind": { "enum": ["CAUSE", "CORRECTIF", "ALERTE", "DOUBLON", "ENFANT"] }, "target": { "type": "string" } }
                    } } } },
                    "responses": with_errors(json!({ "201": ticket }))
                }
            },
            "/api/v1/effort": {
                "get": {
                    "summary": "Temps passé par pôle et par agent sur une période de jours de Paris, bornes incluses (superviseurs, Qualité, administrateurs)",
                    "parameters": [
                        { "name": "from", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } },
                        { "name": "to", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } }
                    ],
                    "responses": with_errors(json!({ "200": { "description": "Les totaux" } }))
                }
            },
            "/api/v1/catalog": {
                "get": {
                    "summary": "Le catalogue des demandes : entrées actives avec leur code de domaine, leurs valeurs par défaut et leur formulaire",
                    "responses": with_errors(json!({ "200": { "description": "Les entrées", "content": { "application/json": { "schema": {
                        "type": "array", "items": { "$ref": "#/components/schemas/CatalogEntry" }
                    } } } } }))
                }
            },
            "/api/v1/catalog/{code}/requests": {
                "post": {
                    "summary": "Faire une demande depuis une entrée du catalogue (réponses au formulaire par clé de champ)",
                    "parameters": [{ "name": "code", "in": "path", "required": true, "schema": { "type": "string" } }],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object", "properties": { "answers": { "type": "object", "additionalProperties": { "type": "string" } } }
                    } } } },
                    "responses": with_errors(json!({ "201": ticket.clone() }))
                }
            },
            "/api/v1/calendars/holidays": {
                "get": {
                    "summary": "Les jours fériés français d'une année (dates ISO, codes et noms)",
                    "parameters": [{ "name": "year", "in": "query", "required": true, "schema": { "type": "integer", "minimum": 1900, "maximum": 2199 } }],
                    "responses": with_errors(json!({ "200": { "description": "L'année et ses jours fériés", "content": { "application/json": { "schema": {
                        "type": "object", "properties": {
                            "year": { "type": "integer" },
                            "holidays": { "type": "array", "items": { "type": "object", "properties": {
                                "date": { "type": "string", "format": "date" }, "code": { "type": "string" }, "name": { "type": "string" }
                            } } }
                        }
                    } } } } }))
                }
            },
            "/api/v1/sla/preview": {
                "post": {
                    "summary": "Les échéances que le moteur de niveaux de service fixerait (administrateurs)",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object", "required": ["site", "type", "priority", "start"],
                        "properties": {
                            "site": { "type": "string", "description": "Code du site du demandeur" },
                            "type": { "$ref": "#/components/schemas/Kind" },
                            "priority": { "enum": ["P1", "P2", "P3", "P4"] },
                            "start": { "type": "string", "format": "date-time" },
                            "catalog": { "type": "string", "description": "Code d'une entrée du catalogue dont les délais priment" }
                        }
                    } } } },
                    "responses": with_errors(json!({ "200": { "description": "Le calendrier retenu, et pour la prise en charge et la résolution : la cible, son origine, l'échéance et l'instant de chaque seuil d'escalade" } }))
                }
            },
            "/api/v1/tickets/{reference}/history": {
                "get": { "summary": "Historique (ajout seul)", "parameters": [reference_parameter()], "responses": with_errors(json!({ "200": { "description": "Les entrées, de la plus ancienne à la plus récente" } })) }
            }
        },
        "components": {
            "responses": {
                "Error": { "description": "Erreur", "content": { "application/json": { "schema": {
                    "type": "object",
                    "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": {
                        "code": { "type": "string" }, "message": { "type": "string" }, "field": { "type": "string" },
                        "errors": { "type": "array", "items": { "type": "object", "properties": {
                            "field": { "type": "string" }, "message": { "type": "string" }
                        } } }
                    } } }
                } } } }
            },
            "schemas": {
                "Kind": { "enum": ["EVENEMENT", "INCIDENT", "PROBLEME", "DEMANDE", "CHANGEMENT"] },
                "Pole": { "enum": ["FRONT", "BACK", "EXPERT", "ATELIER"] },
                "NewTicket": {
                    "type": "object", "required": ["type", "title", "description"],
                    "properties": {
                        "type": { "$ref": "#/components/schemas/Kind" },
                        "title": { "type": "string", "maxLength": 200 },
                        "description": { "type": "string", "maxLength": 20000 },
                        "channel": { "enum": ["TELEPHONE", "MAIL", "PORTAIL", "SUPERVISION", "GUICHET"] },
                        "priority": { "enum": ["P1", "P2", "P3", "P4"] },
                        "domain": { "enum": ["POSTE", "IMPRESSION", "LOGICIEL", "COMPTE", "MESSAGERIE", "TELEPHONIE", "RESEAU", "METIER", "INFRA", "SECURITE"] },
                        "requester": { "type": "string", "description": "Adresse e-mail du demandeur (enregistrement pour le compte d'autrui)" },
                        "pole": { "$ref": "#/components/schemas/Pole" },
                        "solved_now": { "type": "string", "description": "Solution apportée pendant l'appel" },
                        "source_ref": { "type": "string", "description": "Identifiant d'origine ; un second enregistrement est refusé (409)" }
                    }
                },
                "Transition": {
                    "type": "object", "required": ["action", "version"],
                    "properties": {
                        "action": { "enum": ["PRENDRE", "LIBERER", "ASSIGNER", "ESCALADER", "ESCALADE_HIERARCHIQUE", "QUESTIONNER", "REPONDRE", "RESOUDRE", "CONFIRMER", "REJETER", "CLORE", "ANNULER", "ACQUITTER", "RATTACHER", "PROMOUVOIR", "ERREUR_CONNUE", "SOUMETTRE", "APPROUVER", "REFUSER", "DEMARRER"] },
                        "version": { "type": "integer", "description": "La version lue ; une version périmée est refusée (409)" },
                        "reason": { "type": "string" }, "solution": { "type": "string" }, "question": { "type": "string" },
                        "answer": { "type": "string" }, "assignee": { "type": "integer" }, "pole": { "$ref": "#/components/schemas/Pole" },
                        "incident": { "type": "string" }, "workaround": { "type": "string" },
                        "minutes": { "type": "integer", "minimum": 1, "maximum": 1440 }
                    }
                },
                "CatalogEntry": {
                    "type": "object",
                    "properties": {
                        "code": { "type": "string" }, "title": { "type": "string" }, "summary": { "type": "string" },
                        "domain": { "enum": ["POSTE", "IMPRESSION", "LOGICIEL", "COMPTE", "MESSAGERIE", "TELEPHONIE", "RESEAU", "METIER", "INFRA", "SECURITE"] },
                        "kind": { "enum": ["DEMANDE", "INCIDENT"] },
                        "impact": { "enum": ["UTILISATEUR", "EQUIPE", "SITE", "ENTREPRISE"] },
                        "urgency": { "enum": ["BASSE", "NORMALE", "HAUTE", "CRITIQUE"] },
                        "pole": { "$ref": "#/components/schemas/Pole" },
                        "requires_approval": { "type": "boolean" },
                        "usage": { "type": "integer" },
                        "fields": { "type": "array", "items": { "type": "object", "properties": {
                            "key": { "type": "string" }, "label": { "type": "string" },
                            "kind": { "enum": ["TEXTE", "TEXTE_LONG", "CHOIX", "DATE", "PERSONNE", "SITE"] },
                            "required": { "type": "boolean" }, "help": { "type": "string" },
                            "choices": { "type": "array", "items": { "type": "string" } }
                        } } }
                    }
                },
                "Ticket": { "type": "object", "description": "Le ticket tel que l'appelant peut le voir (voir TicketDetail dans app/src/tickets/mod.rs)" }
            }
        }
    })
}

/// The SLA matrix, the capacity model and the live stream (apart: one `json!` that large exceeds the macro
/// recursion limit).
fn capacity_and_live_paths() -> Value {
    json!({
            "/api/v1/sla/matrix": {
                "get": {
                    "summary": "La matrice SLA d'un pôle : part attendue des tickets pris en charge dans le délai, par priorité et effectif (Qualité, superviseurs)",
                    "parameters": [
                        { "name": "pole", "in": "query", "required": true, "schema": { "enum": ["FRONT", "BACK", "EXPERT", "ATELIER"] } },
                        { "name": "weekday", "in": "query", "schema": { "type": "integer", "minimum": 0, "maximum": 6 }, "description": "0 = lundi ; avec hour" },
                        { "name": "hour", "in": "query", "schema": { "type": "integer", "minimum": 0, "maximum": 23 } }
                    ],
                    "responses": with_errors(json!({ "200": { "description": "{pole, slot, matrix: {columns, rows: [{priority, arrivals_per_hour, target_minutes, cells: [{agents, service_level|null}]}], overall, traffic, staffing}, inputs: {arrivals par heure de la semaine, durée de traitement, cibles, effectifs prévus}}" } }))
                }
            },
            "/api/v1/capacity/what-if": {
                "post": {
                    "summary": "Le modèle de capacité (Erlang C, priorités non préemptives) sur des valeurs données (Qualité, superviseurs)",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {
                        "type": "object", "required": ["mean_handle_minutes", "agents"],
                        "properties": {
                            "arrivals_per_hour": { "type": "number", "minimum": 0 },
                            "mean_handle_minutes": { "type": "number", "exclusiveMinimum": 0 },
                            "agents": { "type": "integer", "minimum": 0 },
                            "target_minutes": { "type": "number", "minimum": 0 },
                            "goal": { "type": "number", "description": "Part visée pour agents_needed (0,8 par défaut)" },
                            "classes": { "type": "array", "items": { "type": "object", "required": ["arrivals_per_hour", "target_minutes"], "properties": {
                                "priority": { "enum": ["P1", "P2", "P3", "P4"] },
                                "arrivals_per_hour": { "type": "number" }, "target_minutes": { "type": "number" }
                            } } }
                        }
                    } } } },
                    "responses": with_errors(json!({ "200": { "description": "{p_wait, service_level, asa_minutes, occupancy, traffic_erlangs, agents_needed, goal, classes: [{priority, p_wait, service_level, asa_minutes}]} ; 422 si la charge atteint le nombre d'agents (file instable)" } }))
                }
            },
            "/api/v1/live": {
                "get": {
                    "summary": "Les changements de tickets en direct (Server-Sent Events : « ticket » {id, version, pole, status, created}, « resync » après une interruption)",
                    "responses": with_errors(json!({ "200": { "description": "text/event-stream" } }))
                }
            }
    })
}

/// Triage suggestions and activity-list imports.
fn triage_and_import_paths() -> Value {
    let import_id = json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } });
    let report = "{id, file_name, status: VERIFIE|EN_COURS|TERMINE|ECHEC, headers, mapping {colonne: en-tête}, mapping_problems, rows_total, to_create, already_imported, invalid, empty, rows: [{line, outcome: A_CREER|DEJA_IMPORTEE|ERREUR|VIDE, reference, summary, problems}], notes, rows_done, created, skipped, error}";
    json!({
        "/api/v1/triage": {
            "post": {
                "summary": "Suggestion de type, domaine et pôle pour une description libre, avec la confiance et les mots qui l'expliquent (le support ; jamais appliquée d'office)",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                    "type": "object", "required": ["description"], "properties": { "description": { "type": "string" } }
                } } } },
                "responses": with_errors(json!({ "200": { "description": "{type, domain, pole, confidence, reasons: [mot], details: {type|domain|pole: {label, confidence, words}}} ; 422 si la description est vide ou ne contient aucun mot connu" } }))
            }
        },
        "/api/v1/imports": {
            "post": {
                "summary": "Vérifie une liste d'activités (XLSX, ODS, XLS ou CSV, le fichier brut en corps) sans rien écrire : le rapport ligne par ligne (administrateurs)",
                "parameters": [
                    { "name": "fichier", "in": "query", "schema": { "type": "string" }, "description": "Nom du fichier, pour le rapport" },
                    { "name": "colonnes", "in": "query", "schema": { "type": "string" }, "description": "Colonnes désignées à la main : type:Nature,site:Agence" }
                ],
                "requestBody": { "required": true, "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
                "responses": with_errors(json!({ "201": { "description": report } }))
            }
        },
        "/api/v1/imports/{id}": {
            "get": {
                "summary": "Le rapport d'un import et son avancement (administrateurs)",
                "parameters": [import_id],
                "responses": with_errors(json!({ "200": { "description": report } }))
            }
        },
        "/api/v1/imports/{id}/lancer": {
            "post": {
                "summary": "Lance l'import d'une liste vérifiée sans erreur, par lots de 500 en arrière-plan ; 409 si une ligne est en erreur ou si rien n'est à créer",
                "parameters": [import_id],
                "responses": with_errors(json!({ "202": { "description": report } }))
            }
        }
    })
}

/// Qualité's KPIs.
fn kpi_paths() -> Value {
    let filter = |name: &str, description: &str| json!({ "name": name, "in": "query", "schema": { "type": "string" }, "description": description });
    json!({
        "/api/v1/kpis": {
            "get": {
                "summary": "Les indicateurs d'une période avec leur définition, leur valeur (et les nombres derrière), celle de la période précédente et la tendance (Qualité, superviseurs, administrateurs)",
                "parameters": [
                    filter("from", "Premier jour (AAAA-MM-JJ, heure de Paris) ou instant RFC 3339 ; 30 jours avant `to` par défaut"),
                    filter("to", "Dernier jour inclus (AAAA-MM-JJ) ou instant RFC 3339 ; aujourd'hui par défaut ; 366 jours au plus"),
                    filter("pole", "FRONT, BACK, EXPERT, ATELIER"),
                    filter("site", "Identifiant du site"),
                    filter("domain", "Code du domaine (POSTE, IMPRESSION…)"),
                    filter("type", "EVENEMENT, INCIDENT, PROBLEME, DEMANDE, CHANGEMENT"),
                    filter("channel", "TELEPHONE, MAIL, PORTAIL, SUPERVISION, GUICHET")
                ],
                "responses": with_errors(json!({ "200": { "description": "{period: {from, to}, previous: {from, to}, filter, kpis: [{code, label, definition, unit: part|minutes_ouvrees|nombre|note_sur_5, value|null, numerator, denominator, previous|null, trend: meilleur|moins_bon|stable|inconnu}], backlog_ages: {buckets, current, previous}}" } }))
            }
        },
        "/api/v1/kpis/export": {
            "get": {
                "summary": "Un tableau de la page des indicateurs, pour les mêmes filtres, en fichier CSV (point-virgule, UTF-8 avec BOM) ou XLSX ; le texte qu'un tableur exécuterait comme formule est préfixé d'une apostrophe",
                "parameters": [
                    filter("tableau", "INDICATEURS, ANCIENNETE, EVOLUTION ou CONFORMITE (obligatoire)"),
                    filter("format", "csv ou xlsx (obligatoire)"),
                    filter("from", "Comme pour /api/v1/kpis"),
                    filter("to", "Comme pour /api/v1/kpis"),
                    filter("pole", "Comme pour /api/v1/kpis"),
                    filter("site", "Comme pour /api/v1/kpis"),
                    filter("domain", "Comme pour /api/v1/kpis"),
                    filter("type", "Comme pour /api/v1/kpis"),
                    filter("channel", "Comme pour /api/v1/kpis")
                ],
                "responses": with_errors(json!({ "200": { "description": "Le fichier, en pièce jointe (text/csv ou application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)" } }))
            }
        }
    })
}

/// The company directory, local accounts, sessions and passwords.
fn people_paths() -> Value {
    let body = |schema: Value| json!({ "required": true, "content": { "application/json": { "schema": schema } } });
    let id = json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } });
    let settings = json!({
        "type": "object", "required": ["url", "bind_dn", "base_dn", "profile"],
        "properties": {
            "url": { "type": "string", "description": "ldaps://hôte:636, ou ldap://hôte:389 avec starttls" },
            "starttls": { "type": "boolean" },
            "ca_file": { "type": ["string", "null"], "description": "Fichier PEM d'autorité de certification, sur le serveur" },
            "bind_dn": { "type": "string" },
            "bind_password": { "type": ["string", "null"], "description": "Obligatoire la première fois ; absent ou vide : le mot de passe enregistré est gardé. Jamais renvoyé." },
            "base_dn": { "type": "string" },
            "group_base_dn": { "type": ["string", "null"] },
            "profile": { "enum": ["ACTIVE_DIRECTORY", "OPENLDAP"] },
            "group_roles": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } }, "description": "Groupe → codes ROLE ou ROLE:POLE, par exemple {\"sd-front\": [\"AGENT:FRONT\"]}" },
            "group_typologies": { "type": "object", "additionalProperties": { "type": "string" } },
            "attributes": { "type": "object", "additionalProperties": { "type": "string" }, "description": "Attributs remplaçant ceux du profil : person_filter, account_name, mail, display_name, phone, title, site, manager, member_of, group_filter, group_member, disabled (attribut=valeur, userAccountControl ou aucun)" },
            "sync_enabled": { "type": "boolean", "description": "Synchronisation horaire (vrai par défaut)" }
        }
    });
    json!({
        "/api/v1/directory": {
            "get": {
                "summary": "La configuration de l'annuaire (sans le mot de passe du compte de service) et les dernières synchronisations (administrateurs)",
                "responses": with_errors(json!({ "200": { "description": "{settings: {url, starttls, ca_file, bind_dn, bind_password_set, base_dn, group_base_dn, profile, group_roles, group_typologies, attributes, sync_enabled, updated_at} | null, runs: [{id, hourly, started_at, created, updated, deactivated, unchanged, errors, failure}]}" } }))
            },
            "put": {
                "summary": "Enregistre la configuration de l'annuaire (auditée) ; 422 avec chaque champ en erreur",
                "requestBody": body(settings),
                "responses": with_errors(json!({ "200": { "description": "La configuration enregistrée, sans le mot de passe" } }))
            }
        },
        "/api/v1/directory/sync": {
            "post": {
                "summary": "Synchronise l'annuaire maintenant : crée, met à jour et désactive les comptes (jamais de suppression ; un compte désactivé à la main et des rôles fixés à la main sont respectés)",
                "responses": with_errors(json!({
                    "200": { "description": "{run, created, updated, deactivated, unchanged, errors: [texte]}" },
                    "503": { "$ref": "#/components/responses/Error" }
                }))
            }
        },
        "/api/v1/accounts": {
            "get": {
                "summary": "Les comptes (administrateurs), ou celui d'un identifiant, avec leur responsable",
                "parameters": [{ "name": "login", "in": "query", "schema": { "type": "string" } }],
                "responses": with_errors(json!({ "200": { "description": "[{id, login, display_name, site_id, site_name, typology, roles, pole, active, manager_id, manager_login, source: LOCAL|ANNUAIRE, roles_pinned}]" } }))
            },
            "post": {
                "summary": "Crée un compte local ; la personne reçoit un lien à usage unique (48 h) pour choisir son mot de passe",
                "requestBody": body(json!({
                    "type": "object", "required": ["login", "display_name", "site", "typology"],
                    "properties": {
                        "login": { "type": "string", "format": "email" },
                        "display_name": { "type": "string" },
                        "site": { "type": "string", "description": "Nom ou numéro du site" },
                        "typology": { "enum": ["DIRECTION", "SIEGE", "AGENCE", "CHANTIER", "NOUVEL_ARRIVANT", "EXTERNE"] },
                        "roles": { "type": "array", "items": { "enum": ["DEMANDEUR", "DELEGUE", "AGENT", "SUPERVISEUR", "QUALITE", "CAB", "ADMIN"] } },
                        "pole": { "enum": ["FRONT", "BACK", "EXPERT", "ATELIER", "QUALITE", null] },
                        "manager": { "type": ["string", "null"], "description": "Identifiant du responsable" }
                    }
                })),
                "responses": with_errors(json!({ "201": { "description": "Le compte créé" } }))
            }
        },
        "/api/v1/accounts/{id}/sessions": {
            "delete": {
                "summary": "Ferme toutes les sessions d'un compte (administrateurs, audité)",
                "parameters": [id.clone()],
                "responses": with_errors(json!({ "200": { "description": "{ended}" } }))
            }
        },
        "/api/v1/sessions": {
            "get": {
                "summary": "Mes sessions ouvertes (navigateur, adresse, ouverture, dernière activité, celle-ci)",
                "responses": with_errors(json!({ "200": { "description": "[{id, user_agent, address, created_at, last_seen_at, current}]" } }))
            }
        },
        "/api/v1/sessions/{id}": {
            "delete": {
                "summary": "Ferme une de mes sessions (celle d'un autre : 404)",
                "parameters": [id],
                "responses": with_errors(json!({ "204": { "description": "Fermée" } }))
            }
        },
        "/api/v1/password": {
            "post": {
                "summary": "Change mon mot de passe (compte local) : l'actuel est exigé ; mes autres sessions sont fermées",
                "requestBody": body(json!({ "type": "object", "required": ["current", "password"], "properties": { "current": { "type": "string" }, "password": { "type": "string", "minLength": 10 } } })),
                "responses": with_errors(json!({ "204": { "description": "Changé" } }))
            }
        },
        "/api/v1/password-reset": {
            "post": {
                "summary": "Mot de passe oublié : envoie un lien à un compte local actif ; la réponse est la même pour toute adresse",
                "requestBody": body(json!({ "type": "object", "required": ["login"], "properties": { "login": { "type": "string" } } })),
                "responses": with_errors(json!({ "202": { "description": "{message}" } }))
            }
        }
    })
}

fn attachment_paths() -> Value {
    let upload = json!({ "required": true, "content": { "multipart/form-data": { "schema": {
        "type": "object", "required": ["file"],
        "properties": {
            "file": { "type": "array", "items": { "type": "string", "format": "binary" }, "description": "Un ou plusieurs fichiers (20 au plus par envoi), 10 Mo chacun par défaut (IMMO9_ATTACHMENT_MAX_MB) ; le type est lu dans les octets" },
            "internal": { "type": "string", "enum": ["true", "false"], "description": "Pièce jointe interne, visible du support seulement (tickets ; agents)" },
            "retour": { "type": "string", "description": "Chemin de ce site où revenir (303) : un formulaire envoyé sans JavaScript" }
        }
    } } } });
    let created = json!({ "description": "La pièce jointe {id, name, size, content_type, sha256, internal, uploaded_by, uploaded_at, preview, preview_pending} ; un tableau si plusieurs fichiers" });
    let id = |name: &str| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } });
    json!({
        "/api/v1/tickets/{reference}/attachments": {
            "post": {
                "summary": "Joint des fichiers au ticket, en une transaction avec la ligne d'historique « pièce jointe ajoutée » ; 413 au-delà de la taille d'un fichier ou du total d'un ticket (IMMO9_TICKET_ATTACHMENTS_MAX_MB)",
                "parameters": [id("reference")],
                "requestBody": upload,
                "responses": with_errors(json!({ "201": created.clone(), "303": { "description": "Retour à la page indiquée par « retour »" } }))
            }
        },
        "/api/v1/articles/{id}/attachments": {
            "post": {
                "summary": "Joint des captures ou des fichiers à un article de la base de connaissances (ses rédacteurs)",
                "parameters": [id("id")],
                "requestBody": upload,
                "responses": with_errors(json!({ "201": created }))
            }
        },
        "/api/v1/attachments/{id}": {
            "get": {
                "summary": "Le fichier (ou son aperçu de 1 280 px, sa vignette de 320 px) pour qui voit son ticket ou son article ; 404 sinon, sans dire s'il existe",
                "parameters": [id("id"), { "name": "variante", "in": "query", "schema": { "enum": ["apercu", "vignette"] } }],
                "responses": with_errors(json!({
                    "200": { "description": "Les octets ; Content-Disposition: attachment sauf pour les images JPEG, PNG, GIF et WebP ; HTML et SVG servis en application/octet-stream" },
                    "304": { "description": "Inchangé depuis l'ETag donné dans If-None-Match" }
                }))
            }
        }
    })
}

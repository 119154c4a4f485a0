-- Reference data of the support referential for Immo9: taxonomy (categories and sub-categories of the ten domains),
-- technical environment with its criticality, and the request catalog shown to employees, with its forms.

-- 1. Categories (parent_id NULL), then their sub-categories. Position = order within the parent (or the domain).
INSERT INTO categories (domain, parent_id, code, label, default_pole, allowed_kinds, position) VALUES
  -- POSTE
  ('POSTE', NULL, 'POSTE_MATERIEL', 'Matériel et périphériques', 'ATELIER', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 1),
  ('POSTE', NULL, 'POSTE_PREPARATION', 'Préparation et prêt de postes', 'ATELIER', ARRAY['DEMANDE'], 2),
  ('POSTE', NULL, 'POSTE_UTILISATION', 'Fonctionnement du poste', 'FRONT', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 3),
  ('POSTE', NULL, 'POSTE_SALLE', 'Salles de réunion et badges', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 4),
  -- IMPRESSION
  ('IMPRESSION', NULL, 'IMPRESSION_PANNE', 'Pannes d''impression', 'FRONT', ARRAY['INCIDENT','PROBLEME'], 1),
  ('IMPRESSION', NULL, 'IMPRESSION_CONFIGURATION', 'Installation et numérisation', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 2),
  ('IMPRESSION', NULL, 'IMPRESSION_CONSOMMABLE', 'Consommables', 'FRONT', ARRAY['DEMANDE'], 3),
  ('IMPRESSION', NULL, 'IMPRESSION_PARC', 'Parc de copieurs et traceurs', 'BACK', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 4),
  -- LOGICIEL
  ('LOGICIEL', NULL, 'LOGICIEL_INSTALLATION', 'Installation de logiciels', 'FRONT', ARRAY['INCIDENT','DEMANDE','CHANGEMENT'], 1),
  ('LOGICIEL', NULL, 'LOGICIEL_LICENCE', 'Licences', 'FRONT', ARRAY['DEMANDE'], 2),
  ('LOGICIEL', NULL, 'LOGICIEL_BUREAUTIQUE', 'Bureautique et logiciels du poste', 'FRONT', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 3),
  -- COMPTE
  ('COMPTE', NULL, 'COMPTE_MOT_DE_PASSE', 'Mots de passe et verrouillage', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 1),
  ('COMPTE', NULL, 'COMPTE_MOUVEMENT', 'Arrivées et départs', 'FRONT', ARRAY['DEMANDE'], 2),
  ('COMPTE', NULL, 'COMPTE_DROITS', 'Droits d''accès', 'BACK', ARRAY['INCIDENT','DEMANDE'], 3),
  ('COMPTE', NULL, 'COMPTE_ANNUAIRE', 'Annuaire et comptes techniques', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 4),
  -- MESSAGERIE
  ('MESSAGERIE', NULL, 'MESSAGERIE_MAIL', 'Messagerie Outlook', 'FRONT', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 1),
  ('MESSAGERIE', NULL, 'MESSAGERIE_ADMIN', 'Boîtes partagées et listes de diffusion', 'BACK', ARRAY['DEMANDE','CHANGEMENT'], 2),
  ('MESSAGERIE', NULL, 'MESSAGERIE_AGENDA', 'Agendas', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 3),
  ('MESSAGERIE', NULL, 'MESSAGERIE_TEAMS', 'Teams et collaboration', 'FRONT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 4),
  -- TELEPHONIE
  ('TELEPHONIE', NULL, 'TELEPHONIE_FIXE', 'Téléphonie fixe', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 1),
  ('TELEPHONIE', NULL, 'TELEPHONIE_STANDARD', 'Standard téléphonique', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  ('TELEPHONIE', NULL, 'TELEPHONIE_MOBILE', 'Téléphonie mobile', 'ATELIER', ARRAY['INCIDENT','DEMANDE'], 3),
  -- RESEAU
  ('RESEAU', NULL, 'RESEAU_LIEN', 'Liens des agences et Internet', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('RESEAU', NULL, 'RESEAU_ACCES_DISTANT', 'Accès à distance', 'FRONT', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 2),
  ('RESEAU', NULL, 'RESEAU_WIFI', 'Wi-Fi et prises réseau', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 3),
  ('RESEAU', NULL, 'RESEAU_CHANTIER', 'Connexion des chantiers (4G)', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 4),
  -- METIER
  ('METIER', NULL, 'METIER_PROGRAMMES', 'Gestion des programmes', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('METIER', NULL, 'METIER_VENTES', 'Ventes et CRM', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  ('METIER', NULL, 'METIER_GESTION', 'Comptabilité et actes notariés', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 3),
  ('METIER', NULL, 'METIER_TERRAIN', 'Intranet et applications de chantier', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 4),
  -- INFRA
  ('INFRA', NULL, 'INFRA_SERVEUR', 'Serveurs et salle serveur', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('INFRA', NULL, 'INFRA_STOCKAGE', 'Stockage et partages', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  ('INFRA', NULL, 'INFRA_SAUVEGARDE', 'Sauvegardes et restaurations', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 3),
  ('INFRA', NULL, 'INFRA_BASE', 'Bases de données', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 4),
  -- SECURITE
  ('SECURITE', NULL, 'SECURITE_MESSAGE', 'Messages suspects', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 1),
  ('SECURITE', NULL, 'SECURITE_MALVEILLANT', 'Virus et logiciels malveillants', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 2),
  ('SECURITE', NULL, 'SECURITE_PERTE', 'Perte, vol et fuite de données', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME'], 3),
  ('SECURITE', NULL, 'SECURITE_CERTIFICAT', 'Certificats', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 4);

INSERT INTO categories (domain, parent_id, code, label, default_pole, allowed_kinds, position) VALUES
  -- POSTE
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_MATERIEL'), 'POSTE_MATERIEL_PORTABLE', 'PC portable', 'ATELIER', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 1),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_MATERIEL'), 'POSTE_MATERIEL_FIXE', 'Poste fixe', 'ATELIER', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 2),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_MATERIEL'), 'POSTE_MATERIEL_TABLETTE', 'Tablette de chantier', 'ATELIER', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 3),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_MATERIEL'), 'POSTE_MATERIEL_ECRAN', 'Écrans, claviers, souris et stations d''accueil', 'ATELIER', ARRAY['INCIDENT','DEMANDE'], 4),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_PREPARATION'), 'POSTE_PREPARATION_NEUF', 'Poste neuf', 'ATELIER', ARRAY['DEMANDE'], 1),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_PREPARATION'), 'POSTE_PREPARATION_REMPLACEMENT', 'Poste de remplacement', 'ATELIER', ARRAY['DEMANDE'], 2),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_PREPARATION'), 'POSTE_PREPARATION_PRET', 'Prêt de matériel', 'ATELIER', ARRAY['DEMANDE'], 3),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_UTILISATION'), 'POSTE_UTILISATION_LENTEUR', 'Lenteur ou blocage', 'FRONT', ARRAY['INCIDENT','PROBLEME'], 1),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_UTILISATION'), 'POSTE_UTILISATION_AIDE', 'Aide à l''utilisation', 'FRONT', ARRAY['DEMANDE'], 2),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_SALLE'), 'POSTE_SALLE_VISIO', 'Visioconférence et affichage', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 1),
  ('POSTE', (SELECT id FROM categories WHERE code = 'POSTE_SALLE'), 'POSTE_SALLE_BADGE', 'Badges et lecteurs de badge', 'ATELIER', ARRAY['INCIDENT','DEMANDE'], 2),
  -- IMPRESSION
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_PANNE'), 'IMPRESSION_PANNE_BOURRAGE', 'Bourrage papier', 'FRONT', ARRAY['INCIDENT'], 1),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_PANNE'), 'IMPRESSION_PANNE_QUALITE', 'Qualité d''impression', 'FRONT', ARRAY['INCIDENT'], 2),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_PANNE'), 'IMPRESSION_PANNE_CONNEXION', 'Imprimante introuvable ou hors ligne', 'FRONT', ARRAY['INCIDENT','PROBLEME'], 3),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONFIGURATION'), 'IMPRESSION_CONFIGURATION_IMPRIMANTE', 'Ajout d''une imprimante', 'FRONT', ARRAY['DEMANDE'], 1),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONFIGURATION'), 'IMPRESSION_CONFIGURATION_NUMERISATION', 'Numérisation (scan vers un dossier ou par e-mail)', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 2),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONSOMMABLE'), 'IMPRESSION_CONSOMMABLE_TONER', 'Toner et cartouches', 'FRONT', ARRAY['DEMANDE'], 1),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONSOMMABLE'), 'IMPRESSION_CONSOMMABLE_PAPIER', 'Papier et rouleaux de traceur', 'FRONT', ARRAY['DEMANDE'], 2),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_PARC'), 'IMPRESSION_PARC_COPIEUR', 'Copieurs multifonctions', 'BACK', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_PARC'), 'IMPRESSION_PARC_TRACEUR', 'Traceurs de plans', 'BACK', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  -- LOGICIEL
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_INSTALLATION'), 'LOGICIEL_INSTALLATION_STANDARD', 'Logiciel du catalogue', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 1),
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_INSTALLATION'), 'LOGICIEL_INSTALLATION_SPECIFIQUE', 'Logiciel spécifique (CAO, DAO, métier)', 'BACK', ARRAY['DEMANDE','CHANGEMENT'], 2),
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_LICENCE'), 'LOGICIEL_LICENCE_OFFICE', 'Microsoft 365 (Office)', 'FRONT', ARRAY['DEMANDE'], 1),
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_LICENCE'), 'LOGICIEL_LICENCE_ADOBE', 'Adobe (Acrobat, Photoshop…)', 'FRONT', ARRAY['DEMANDE'], 2),
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_LICENCE'), 'LOGICIEL_LICENCE_AUTRE', 'Autres licences', 'FRONT', ARRAY['DEMANDE'], 3),
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_BUREAUTIQUE'), 'LOGICIEL_BUREAUTIQUE_OFFICE', 'Word, Excel et PowerPoint', 'FRONT', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 1),
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_BUREAUTIQUE'), 'LOGICIEL_BUREAUTIQUE_PDF', 'Lecteurs et éditeurs PDF', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 2),
  ('LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_BUREAUTIQUE'), 'LOGICIEL_BUREAUTIQUE_NAVIGATEUR', 'Navigateur Internet', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 3),
  -- COMPTE
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOT_DE_PASSE'), 'COMPTE_MOT_DE_PASSE_OUBLI', 'Mot de passe oublié ou expiré', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 1),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOT_DE_PASSE'), 'COMPTE_MOT_DE_PASSE_VERROUILLAGE', 'Compte verrouillé', 'FRONT', ARRAY['INCIDENT'], 2),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOT_DE_PASSE'), 'COMPTE_MOT_DE_PASSE_MFA', 'Double authentification', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 3),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOUVEMENT'), 'COMPTE_MOUVEMENT_ARRIVEE', 'Arrivée d''un collaborateur', 'FRONT', ARRAY['DEMANDE'], 1),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOUVEMENT'), 'COMPTE_MOUVEMENT_DEPART', 'Départ d''un collaborateur', 'FRONT', ARRAY['DEMANDE'], 2),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOUVEMENT'), 'COMPTE_MOUVEMENT_MOBILITE', 'Changement de service ou d''agence', 'FRONT', ARRAY['DEMANDE'], 3),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_DROITS'), 'COMPTE_DROITS_DOSSIER', 'Dossiers partagés', 'BACK', ARRAY['INCIDENT','DEMANDE'], 1),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_DROITS'), 'COMPTE_DROITS_APPLICATION', 'Accès aux applications', 'BACK', ARRAY['INCIDENT','DEMANDE'], 2),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_DROITS'), 'COMPTE_DROITS_EXTERNE', 'Prestataires et intérimaires', 'BACK', ARRAY['DEMANDE'], 3),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_ANNUAIRE'), 'COMPTE_ANNUAIRE_AD', 'Annuaire Active Directory', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_ANNUAIRE'), 'COMPTE_ANNUAIRE_SERVICE', 'Comptes de service', 'BACK', ARRAY['EVENEMENT','INCIDENT','DEMANDE','CHANGEMENT'], 2),
  -- MESSAGERIE
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_MAIL'), 'MESSAGERIE_MAIL_ENVOI', 'Envoi et réception', 'FRONT', ARRAY['INCIDENT','PROBLEME'], 1),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_MAIL'), 'MESSAGERIE_MAIL_MOBILE', 'Messagerie sur smartphone', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 2),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_MAIL'), 'MESSAGERIE_MAIL_PARAMETRES', 'Signature et paramètres', 'FRONT', ARRAY['DEMANDE'], 3),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_ADMIN'), 'MESSAGERIE_ADMIN_BAL_PARTAGEE', 'Boîtes aux lettres partagées', 'BACK', ARRAY['DEMANDE','CHANGEMENT'], 1),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_ADMIN'), 'MESSAGERIE_ADMIN_LISTE', 'Listes de diffusion', 'BACK', ARRAY['DEMANDE','CHANGEMENT'], 2),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_ADMIN'), 'MESSAGERIE_ADMIN_QUOTA', 'Taille des boîtes aux lettres', 'BACK', ARRAY['DEMANDE'], 3),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_AGENDA'), 'MESSAGERIE_AGENDA_PARTAGE', 'Partage et délégation d''agenda', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 1),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_AGENDA'), 'MESSAGERIE_AGENDA_SALLE', 'Réservation des salles', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 2),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_TEAMS'), 'MESSAGERIE_TEAMS_REUNION', 'Réunions Teams', 'FRONT', ARRAY['INCIDENT','PROBLEME','DEMANDE'], 1),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_TEAMS'), 'MESSAGERIE_TEAMS_EQUIPE', 'Équipes et canaux', 'BACK', ARRAY['DEMANDE','CHANGEMENT'], 2),
  ('MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_TEAMS'), 'MESSAGERIE_TEAMS_FICHIERS', 'Fichiers partagés (OneDrive, SharePoint)', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 3),
  -- TELEPHONIE
  ('TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_FIXE'), 'TELEPHONIE_FIXE_POSTE', 'Téléphone de bureau', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 1),
  ('TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_FIXE'), 'TELEPHONIE_FIXE_RENVOI', 'Renvois et messagerie vocale', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 2),
  ('TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_STANDARD'), 'TELEPHONIE_STANDARD_ACCUEIL', 'Accueil, horaires et renvois du samedi', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_STANDARD'), 'TELEPHONIE_STANDARD_GROUPE', 'Groupes d''appel et files d''attente', 'BACK', ARRAY['INCIDENT','DEMANDE','CHANGEMENT'], 2),
  ('TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_MOBILE'), 'TELEPHONIE_MOBILE_SMARTPHONE', 'Smartphones', 'ATELIER', ARRAY['INCIDENT','DEMANDE'], 1),
  ('TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_MOBILE'), 'TELEPHONIE_MOBILE_LIGNE', 'Lignes et cartes SIM', 'BACK', ARRAY['INCIDENT','DEMANDE'], 2),
  ('TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_MOBILE'), 'TELEPHONIE_MOBILE_MESSAGERIE', 'Messagerie vocale du mobile', 'FRONT', ARRAY['INCIDENT','DEMANDE'], 3),
  -- RESEAU
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_LIEN'), 'RESEAU_LIEN_INTERNET', 'Accès Internet et fibre', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_LIEN'), 'RESEAU_LIEN_INTERSITE', 'VPN entre le siège et les agences', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','CHANGEMENT'], 2),
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_ACCES_DISTANT'), 'RESEAU_ACCES_DISTANT_VPN', 'VPN télétravail', 'FRONT', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 1),
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_ACCES_DISTANT'), 'RESEAU_ACCES_DISTANT_PRESTATAIRE', 'Accès distant des prestataires', 'BACK', ARRAY['INCIDENT','DEMANDE'], 2),
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_WIFI'), 'RESEAU_WIFI_INTERNE', 'Wi-Fi et prises réseau des bureaux', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_WIFI'), 'RESEAU_WIFI_INVITE', 'Wi-Fi invités des espaces de vente', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 2),
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_CHANTIER'), 'RESEAU_CHANTIER_ROUTEUR', 'Routeur et clé 4G', 'FRONT', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 1),
  ('RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_CHANTIER'), 'RESEAU_CHANTIER_OUVERTURE', 'Raccordement d''un nouveau chantier', 'BACK', ARRAY['DEMANDE','CHANGEMENT'], 2),
  -- METIER
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_PROGRAMMES'), 'METIER_PROGRAMMES_PARAMETRAGE', 'Création et paramétrage des programmes', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_PROGRAMMES'), 'METIER_PROGRAMMES_LOTS', 'Lots et grilles de prix', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_VENTES'), 'METIER_VENTES_CRM', 'Prospects et CRM', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_VENTES'), 'METIER_VENTES_CONTRATS', 'Réservations et contrats', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_VENTES'), 'METIER_VENTES_SIGNATURE', 'Signature électronique', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 3),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_GESTION'), 'METIER_GESTION_COMPTA', 'Comptabilité', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_GESTION'), 'METIER_GESTION_GED', 'GED des actes notariés', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_TERRAIN'), 'METIER_TERRAIN_INTRANET', 'Intranet', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('METIER', (SELECT id FROM categories WHERE code = 'METIER_TERRAIN'), 'METIER_TERRAIN_CHANTIER', 'Applications de chantier (suivi, levée de réserves)', 'EXPERT', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  -- INFRA
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_SERVEUR'), 'INFRA_SERVEUR_SYSTEME', 'Serveurs', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_SERVEUR'), 'INFRA_SERVEUR_SALLE', 'Salle serveur (climatisation, onduleurs)', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','CHANGEMENT'], 2),
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_STOCKAGE'), 'INFRA_STOCKAGE_ESPACE', 'Espace disque et quotas', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 1),
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_STOCKAGE'), 'INFRA_STOCKAGE_PARTAGE', 'Partages réseau', 'BACK', ARRAY['INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 2),
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_SAUVEGARDE'), 'INFRA_SAUVEGARDE_RESTAURATION', 'Restauration de fichiers', 'BACK', ARRAY['INCIDENT','DEMANDE'], 1),
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_SAUVEGARDE'), 'INFRA_SAUVEGARDE_SUPERVISION', 'Supervision des sauvegardes', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','CHANGEMENT'], 2),
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_BASE'), 'INFRA_BASE_EXPLOITATION', 'Exploitation des bases', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE','CHANGEMENT'], 1),
  ('INFRA', (SELECT id FROM categories WHERE code = 'INFRA_BASE'), 'INFRA_BASE_RESTAURATION', 'Sauvegarde et restauration de bases', 'BACK', ARRAY['INCIDENT','DEMANDE'], 2),
  -- SECURITE
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_MESSAGE'), 'SECURITE_MESSAGE_PHISHING', 'Hameçonnage (phishing)', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME'], 1),
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_MESSAGE'), 'SECURITE_MESSAGE_SPAM', 'Courriers indésirables', 'BACK', ARRAY['INCIDENT','DEMANDE'], 2),
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_MALVEILLANT'), 'SECURITE_MALVEILLANT_ANTIVIRUS', 'Alertes antivirus et analyses', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','DEMANDE'], 1),
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_MALVEILLANT'), 'SECURITE_MALVEILLANT_RANCONGICIEL', 'Rançongiciel', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME'], 2),
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_PERTE'), 'SECURITE_PERTE_MATERIEL', 'Perte ou vol de matériel', 'BACK', ARRAY['INCIDENT'], 1),
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_PERTE'), 'SECURITE_PERTE_FUITE', 'Fuite de données', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME'], 2),
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_CERTIFICAT'), 'SECURITE_CERTIFICAT_SIGNATURE', 'Certificats de signature électronique', 'BACK', ARRAY['INCIDENT','DEMANDE'], 1),
  ('SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_CERTIFICAT'), 'SECURITE_CERTIFICAT_SERVEUR', 'Certificats des sites et des serveurs', 'BACK', ARRAY['EVENEMENT','INCIDENT','PROBLEME','CHANGEMENT'], 2);

-- 2. The technical environment: business applications, services and asset classes, with their criticality.
INSERT INTO environment_items (kind, code, label, description, domain, criticality) VALUES
  ('APPLICATION', 'APP_PROGRAMMES', 'Gestion des programmes', 'Logiciel de gestion des programmes immobiliers : programmes, lots, grilles de prix et disponibilités.', 'METIER', 'VITALE'),
  ('APPLICATION', 'APP_CRM_VENTES', 'CRM ventes', 'Suivi commercial des prospects, des réservations et des contrats de vente, utilisé au siège et dans les bureaux de vente.', 'METIER', 'VITALE'),
  ('APPLICATION', 'APP_COMPTABILITE', 'Comptabilité', 'Logiciel de comptabilité générale et de suivi financier des programmes.', 'METIER', 'IMPORTANTE'),
  ('APPLICATION', 'APP_GED_ACTES', 'GED des actes notariés', 'Gestion électronique des documents où sont classés et consultés les actes notariés et leurs pièces.', 'METIER', 'VITALE'),
  ('APPLICATION', 'APP_SIGNATURE', 'Signature électronique', 'Plateforme de signature électronique des contrats de réservation et des actes avec les notaires.', 'METIER', 'VITALE'),
  ('APPLICATION', 'APP_INTRANET', 'Intranet', 'Portail interne : actualités, annuaire des collaborateurs, procédures et documents de référence.', 'METIER', 'STANDARD'),
  ('APPLICATION', 'APP_CHANTIER', 'Applications de chantier', 'Applications sur tablette pour le suivi des travaux et la levée des réserves, avec photos synchronisées.', 'METIER', 'IMPORTANTE'),
  ('SERVICE', 'SRV_ANNUAIRE', 'Annuaire (Active Directory)', 'Annuaire des comptes et des groupes : ouverture de session, droits sur les dossiers et accès aux applications.', 'COMPTE', 'VITALE'),
  ('SERVICE', 'SRV_MESSAGERIE', 'Messagerie', 'Messagerie Outlook et agendas de tous les collaborateurs, sur poste, webmail et smartphone.', 'MESSAGERIE', 'IMPORTANTE'),
  ('SERVICE', 'SRV_TEAMS', 'Teams', 'Conversations, réunions en visioconférence et fichiers partagés des équipes.', 'MESSAGERIE', 'IMPORTANTE'),
  ('SERVICE', 'SRV_STANDARD', 'Standard téléphonique', 'Standard du siège et des agences : accueil, groupes d''appel, renvois du samedi et messageries vocales.', 'TELEPHONIE', 'IMPORTANTE'),
  ('SERVICE', 'SRV_LIENS_AGENCES', 'Liens inter-agences et accès Internet', 'Liaisons fibre et VPN entre le siège de Bordeaux et les 12 agences, et accès Internet des sites.', 'RESEAU', 'VITALE'),
  ('SERVICE', 'SRV_VPN', 'VPN télétravail', 'Connexion à distance sécurisée au réseau d''Immo9 depuis le domicile ou en déplacement.', 'RESEAU', 'IMPORTANTE'),
  ('SERVICE', 'SRV_WIFI_INVITES', 'Wi-Fi invités', 'Réseau Wi-Fi réservé aux clients et visiteurs dans les agences et les bureaux de vente.', 'RESEAU', 'STANDARD'),
  ('SERVICE', 'SRV_4G_CHANTIER', 'Connexion 4G des chantiers', 'Routeurs et clés 4G qui relient les bungalows de chantier et les tablettes au réseau.', 'RESEAU', 'IMPORTANTE'),
  ('SERVICE', 'SRV_FICHIERS', 'Serveur de fichiers', 'Dossiers partagés des services, des agences et des programmes.', 'INFRA', 'IMPORTANTE'),
  ('SERVICE', 'SRV_SAUVEGARDES', 'Sauvegardes', 'Sauvegardes nocturnes des serveurs, des bases des applications et des dossiers partagés.', 'INFRA', 'IMPORTANTE'),
  ('MATERIEL', 'MAT_PC_PORTABLE', 'PC portable', 'Ordinateur portable des collaborateurs du siège, des agences et des équipes nomades.', 'POSTE', 'STANDARD'),
  ('MATERIEL', 'MAT_POSTE_FIXE', 'Poste fixe', 'Ordinateur de bureau des postes d''accueil et des postes sédentaires.', 'POSTE', 'STANDARD'),
  ('MATERIEL', 'MAT_TABLETTE_CHANTIER', 'Tablette de chantier', 'Tablette durcie en 4G utilisée par les conducteurs de travaux sur les chantiers.', 'POSTE', 'IMPORTANTE'),
  ('MATERIEL', 'MAT_SMARTPHONE', 'Smartphone', 'Téléphone mobile professionnel avec messagerie et applications de l''entreprise.', 'TELEPHONIE', 'STANDARD'),
  ('MATERIEL', 'MAT_ECRAN', 'Écran', 'Écran supplémentaire ou de remplacement pour un poste de travail.', 'POSTE', 'STANDARD'),
  ('MATERIEL', 'MAT_COPIEUR', 'Copieur multifonction', 'Copieur partagé d''un étage ou d''une agence : impression, copie et numérisation.', 'IMPRESSION', 'IMPORTANTE'),
  ('MATERIEL', 'MAT_TRACEUR', 'Traceur', 'Traceur grand format pour l''impression des plans.', 'IMPRESSION', 'STANDARD'),
  ('MATERIEL', 'MAT_SERVEUR', 'Serveur', 'Serveurs physiques et virtuels de la salle serveur du siège.', 'INFRA', 'VITALE');

-- 3. The request catalog. Positions run 1..n within each domain; fields are the entry's form.
INSERT INTO catalog_entries (code, title, summary, domain, category_id, kind, impact, urgency, pole, requires_approval, keywords, fields, position) VALUES
  -- POSTE
  ('POSTE_PRET_PC_PORTABLE', 'Prêt d''un PC portable',
   'Besoin d''un ordinateur portable pour un déplacement, une formation ou le temps d''une réparation ? L''Atelier vous en prête un, prêt à l''emploi.',
   'POSTE', (SELECT id FROM categories WHERE code = 'POSTE_PREPARATION_PRET'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'ATELIER', FALSE,
   'pret ordinateur portable laptop pc de pret emprunter deplacement formation salon pret materiel',
   '[
     {"key": "date_debut", "label": "À partir du", "kind": "DATE", "required": true, "help": "Date à laquelle vous avez besoin du PC.", "choices": []},
     {"key": "date_fin", "label": "Jusqu''au", "kind": "DATE", "required": true, "help": "Date de restitution prévue.", "choices": []},
     {"key": "site", "label": "Site de retrait", "kind": "SITE", "required": true, "help": "Le site où vous viendrez chercher le PC.", "choices": []},
     {"key": "usage", "label": "Usage prévu", "kind": "CHOIX", "required": true, "help": "", "choices": ["Déplacement ou salon", "Formation", "Remplacement pendant une réparation", "Télétravail ponctuel", "Autre"]},
     {"key": "besoins", "label": "Logiciels ou accès particuliers", "kind": "TEXTE_LONG", "required": false, "help": "Par exemple : CRM ventes, Acrobat Pro, accès VPN.", "choices": []}
   ]'::jsonb, 1),
  ('POSTE_SECOND_ECRAN', 'Second écran',
   'Demandez un écran supplémentaire pour travailler plus confortablement. Nous vérifions la compatibilité avec votre poste et venons l''installer.',
   'POSTE', (SELECT id FROM categories WHERE code = 'POSTE_MATERIEL_ECRAN'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'ATELIER', FALSE,
   'deuxieme ecran double ecran moniteur ecran supplementaire 2eme ecran ecran externe second ecran',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "Le siège, l''agence ou le bureau de vente où installer l''écran.", "choices": []},
     {"key": "emplacement", "label": "Bureau ou poste concerné", "kind": "TEXTE", "required": true, "help": "Étage, numéro de bureau ou nom du poste (par exemple : accueil).", "choices": []},
     {"key": "type_poste", "label": "Type de poste", "kind": "CHOIX", "required": true, "help": "", "choices": ["PC portable", "Poste fixe"]},
     {"key": "station", "label": "Avez-vous déjà une station d''accueil ?", "kind": "CHOIX", "required": false, "help": "", "choices": ["Oui", "Non", "Je ne sais pas"]},
     {"key": "motif", "label": "Pourquoi en avez-vous besoin ?", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 2),
  ('POSTE_REMPLACEMENT', 'Préparer un poste de remplacement',
   'Votre ordinateur ou votre tablette est en panne, cassé ou trop ancien ? L''Atelier prépare un poste de remplacement avec vos logiciels et récupère l''ancien.',
   'POSTE', (SELECT id FROM categories WHERE code = 'POSTE_PREPARATION_REMPLACEMENT'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'ATELIER', FALSE,
   'remplacement pc remplacer ordinateur poste casse panne vieux pc tablette cassee changer de pc nouveau pc',
   '[
     {"key": "personne", "label": "Collaborateur concerné", "kind": "PERSONNE", "required": true, "help": "La personne qui utilisera le nouveau poste.", "choices": []},
     {"key": "type_poste", "label": "Type de matériel", "kind": "CHOIX", "required": true, "help": "", "choices": ["PC portable", "Poste fixe", "Tablette de chantier"]},
     {"key": "motif", "label": "Motif", "kind": "CHOIX", "required": true, "help": "", "choices": ["Panne", "Casse", "Poste trop ancien ou trop lent", "Perte ou vol (déjà déclaré)"]},
     {"key": "site", "label": "Site de livraison", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "date_souhaitee", "label": "Pour quand ?", "kind": "DATE", "required": false, "help": "Date souhaitée de mise à disposition.", "choices": []},
     {"key": "precisions", "label": "Précisions", "kind": "TEXTE_LONG", "required": false, "help": "Logiciels particuliers, données à récupérer, numéro d''inventaire de l''ancien poste.", "choices": []}
   ]'::jsonb, 3),
  ('POSTE_PERIPHERIQUE', 'Clavier, souris, casque ou station d''accueil',
   'Commandez ou remplacez un petit périphérique : clavier, souris, casque pour Teams, webcam, station d''accueil, chargeur ou câble.',
   'POSTE', (SELECT id FROM categories WHERE code = 'POSTE_MATERIEL_ECRAN'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'ATELIER', FALSE,
   'clavier souris casque micro webcam station accueil dock chargeur cable adaptateur hdmi usb peripherique',
   '[
     {"key": "peripherique", "label": "Matériel souhaité", "kind": "CHOIX", "required": true, "help": "", "choices": ["Clavier", "Souris", "Casque avec micro", "Webcam", "Station d''accueil", "Chargeur", "Câble ou adaptateur"]},
     {"key": "motif", "label": "Motif", "kind": "CHOIX", "required": true, "help": "", "choices": ["Première dotation", "Remplacement d''un matériel en panne", "Remplacement d''un matériel perdu"]},
     {"key": "site", "label": "Site de livraison", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "precisions", "label": "Précisions", "kind": "TEXTE", "required": false, "help": "Modèle de votre PC, type de prise, etc.", "choices": []}
   ]'::jsonb, 4),
  ('POSTE_SALLE_VISIO', 'Salle de réunion / visio',
   'Préparez une réunion importante : nous vérifions l''écran, la caméra et Teams dans la salle, et pouvons vous aider au démarrage.',
   'POSTE', (SELECT id FROM categories WHERE code = 'POSTE_SALLE_VISIO'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', FALSE,
   'visioconference visio salle de reunion ecran salle teams camera videoprojecteur projecteur affichage conseil administration',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "salle", "label": "Salle", "kind": "TEXTE", "required": true, "help": "Nom ou numéro de la salle.", "choices": []},
     {"key": "date_reunion", "label": "Date de la réunion", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "besoin", "label": "Besoin", "kind": "CHOIX", "required": true, "help": "", "choices": ["Visioconférence Teams", "Affichage d''une présentation", "Assistance au démarrage de la réunion", "Vérification complète de la salle"]},
     {"key": "precisions", "label": "Précisions", "kind": "TEXTE_LONG", "required": false, "help": "Heure de début, nombre de participants, invités externes.", "choices": []}
   ]'::jsonb, 5),
  ('POSTE_BADGE', 'Badge d''accès',
   'Demandez un badge pour entrer au siège ou dans une agence, un accès à un autre site, ou signalez un badge qui ne fonctionne plus.',
   'POSTE', (SELECT id FROM categories WHERE code = 'POSTE_SALLE_BADGE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'ATELIER', FALSE,
   'badge acces porte carte acces lecteur de badge badge perdu badge ne marche pas entree batiment',
   '[
     {"key": "personne", "label": "Titulaire du badge", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "demande", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Nouveau badge", "Badge perdu (à désactiver et remplacer)", "Badge qui ne fonctionne plus", "Accès à un autre site"]},
     {"key": "site", "label": "Site concerné", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "date_besoin", "label": "Pour quand ?", "kind": "DATE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 6),

  -- IMPRESSION
  ('IMPRESSION_PANNE', 'Problème d''imprimante / bourrage papier',
   'L''imprimante ou le copieur affiche un bourrage, imprime mal ou n''imprime plus ? Signalez-le ici en précisant l''appareil concerné.',
   'IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_PANNE'), 'INCIDENT', 'EQUIPE', 'NORMALE', 'FRONT', FALSE,
   'bourrage papier coince imprimante en panne copieur imprime plus impression bloquee erreur imprimante qualite traces imprimente',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "imprimante", "label": "Imprimante ou copieur", "kind": "TEXTE", "required": true, "help": "Nom affiché sur l''étiquette ou emplacement (par exemple : copieur du 1er étage).", "choices": []},
     {"key": "probleme", "label": "Problème constaté", "kind": "CHOIX", "required": true, "help": "", "choices": ["Bourrage papier", "Impression de mauvaise qualité", "N''imprime plus", "Message d''erreur", "N''apparaît plus dans la liste des imprimantes", "Autre"]},
     {"key": "message", "label": "Message affiché", "kind": "TEXTE", "required": false, "help": "Recopiez le message ou le code d''erreur s''il y en a un.", "choices": []},
     {"key": "details", "label": "Détails", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 1),
  ('IMPRESSION_INSTALLER', 'Installer une imprimante',
   'Ajoutez sur votre ordinateur une imprimante ou un copieur de votre site. C''est souvent réglé en quelques minutes par prise en main à distance.',
   'IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONFIGURATION_IMPRIMANTE'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'FRONT', FALSE,
   'ajouter imprimante installer copieur imprimante introuvable pilote driver connecter imprimante imprimente',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "imprimante", "label": "Imprimante ou copieur", "kind": "TEXTE", "required": true, "help": "Nom ou emplacement de l''appareil.", "choices": []},
     {"key": "poste", "label": "Nom de votre ordinateur", "kind": "TEXTE", "required": false, "help": "Inscrit sur l''étiquette du PC, si vous le connaissez.", "choices": []}
   ]'::jsonb, 2),
  ('IMPRESSION_TONER', 'Demande de toner',
   'Le toner ou la cartouche arrive en fin de vie ? Commandez-en un, il sera livré sur votre site.',
   'IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONSOMMABLE_TONER'), 'DEMANDE', 'EQUIPE', 'NORMALE', 'FRONT', FALSE,
   'toner cartouche encre consommable recharge noir couleur tonner',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "imprimante", "label": "Imprimante ou copieur", "kind": "TEXTE", "required": true, "help": "Nom, modèle ou emplacement de l''appareil.", "choices": []},
     {"key": "couleur", "label": "Toner demandé", "kind": "CHOIX", "required": true, "help": "", "choices": ["Noir", "Cyan", "Magenta", "Jaune", "Lot complet"]},
     {"key": "quantite", "label": "Quantité", "kind": "TEXTE", "required": false, "help": "Une par défaut.", "choices": []}
   ]'::jsonb, 3),
  ('IMPRESSION_NUMERISATION', 'Numérisation vers un dossier ou par e-mail',
   'Faites configurer le copieur pour scanner directement vers votre dossier réseau ou vers votre adresse e-mail.',
   'IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONFIGURATION_NUMERISATION'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'FRONT', FALSE,
   'scan scanner numeriser scan vers dossier scan to mail numerisation plans a3 pdf copieur',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "copieur", "label": "Copieur", "kind": "TEXTE", "required": true, "help": "Nom ou emplacement du copieur.", "choices": []},
     {"key": "destination", "label": "Destination des documents", "kind": "CHOIX", "required": true, "help": "", "choices": ["Mon adresse e-mail", "Un dossier réseau"]},
     {"key": "dossier", "label": "Dossier réseau", "kind": "TEXTE", "required": false, "help": "Chemin du dossier, si vous avez choisi un dossier réseau.", "choices": []}
   ]'::jsonb, 4),
  ('IMPRESSION_PAPIER_TRACEUR', 'Rouleaux de papier pour le traceur',
   'Commandez des rouleaux de papier ou de calque pour le traceur de plans de votre site.',
   'IMPRESSION', (SELECT id FROM categories WHERE code = 'IMPRESSION_CONSOMMABLE_PAPIER'), 'DEMANDE', 'EQUIPE', 'BASSE', 'FRONT', FALSE,
   'traceur plotter rouleau papier calque plans grand format a0 a1 traceur de plans',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "type_papier", "label": "Type de rouleau", "kind": "CHOIX", "required": true, "help": "", "choices": ["Papier standard", "Papier photo", "Calque"]},
     {"key": "largeur", "label": "Largeur", "kind": "CHOIX", "required": true, "help": "", "choices": ["610 mm (A1)", "914 mm (A0)", "Je ne sais pas"]},
     {"key": "quantite", "label": "Nombre de rouleaux", "kind": "TEXTE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 5),

  -- LOGICIEL
  ('LOGICIEL_INSTALLER', 'Installer un logiciel',
   'Demandez l''installation d''un logiciel sur votre poste. Les logiciels payants ou hors catalogue demandent l''accord de votre responsable.',
   'LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_INSTALLATION'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', TRUE,
   'installer logiciel installation programme application telecharger droits administrateur revit autocad acrobat instaler logitiel',
   '[
     {"key": "logiciel", "label": "Logiciel souhaité", "kind": "TEXTE", "required": true, "help": "Nom et, si possible, version (par exemple : Revit 2026).", "choices": []},
     {"key": "licence", "label": "Le logiciel est-il payant ?", "kind": "CHOIX", "required": true, "help": "", "choices": ["Oui, une licence est nécessaire", "Non, il est gratuit", "Je ne sais pas"]},
     {"key": "poste", "label": "Nom de l''ordinateur", "kind": "TEXTE", "required": false, "help": "Inscrit sur l''étiquette du PC, si vous le connaissez.", "choices": []},
     {"key": "personne", "label": "Pour un collègue", "kind": "PERSONNE", "required": false, "help": "Laissez vide si c''est pour vous.", "choices": []},
     {"key": "justification", "label": "À quoi va-t-il vous servir ?", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []}
   ]'::jsonb, 1),
  ('LOGICIEL_LICENCE', 'Licence Office ou Adobe',
   'Obtenez une licence Microsoft 365, Adobe Acrobat Pro, Photoshop ou d''un autre logiciel payant. Votre responsable valide la dépense.',
   'LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_LICENCE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', TRUE,
   'licence office microsoft 365 word excel adobe acrobat pro photoshop abonnement license retouche photo pdf',
   '[
     {"key": "produit", "label": "Licence demandée", "kind": "CHOIX", "required": true, "help": "", "choices": ["Microsoft 365 Apps (Word, Excel, PowerPoint)", "Adobe Acrobat Pro", "Adobe Photoshop", "Adobe Creative Cloud complet", "Autre"]},
     {"key": "autre", "label": "Autre logiciel", "kind": "TEXTE", "required": false, "help": "Si vous avez choisi « Autre ».", "choices": []},
     {"key": "personne", "label": "Bénéficiaire", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "justification", "label": "Justification", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []}
   ]'::jsonb, 2),
  ('LOGICIEL_AIDE', 'Aide sur Word, Excel, Outlook ou Acrobat',
   'Une question sur un logiciel de bureautique ? Un technicien vous rappelle et vous guide, souvent en partageant votre écran.',
   'LOGICIEL', (SELECT id FROM categories WHERE code = 'LOGICIEL_BUREAUTIQUE_OFFICE'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'FRONT', FALSE,
   'aide formation comment faire word excel powerpoint outlook acrobat pdf tableau formule macro question',
   '[
     {"key": "logiciel", "label": "Logiciel", "kind": "CHOIX", "required": true, "help": "", "choices": ["Word", "Excel", "PowerPoint", "Outlook", "Acrobat / PDF", "Autre"]},
     {"key": "question", "label": "Votre question", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []},
     {"key": "disponibilites", "label": "Quand pouvons-nous vous appeler ?", "kind": "TEXTE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 3),

  -- COMPTE
  ('COMPTE_NOUVEL_ARRIVANT', 'Nouvel arrivant : compte, poste et accès',
   'Préparez l''arrivée d''un collaborateur en une seule demande : compte, messagerie, ordinateur, téléphone et accès. À faire au moins dix jours avant l''arrivée.',
   'COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOUVEMENT_ARRIVEE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', FALSE,
   'nouvel arrivant arrivee embauche nouveau collaborateur onboarding integration creation compte nouvel employe stagiaire alternant',
   '[
     {"key": "nom", "label": "Nom et prénom du nouvel arrivant", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "fonction", "label": "Fonction", "kind": "TEXTE", "required": true, "help": "Par exemple : assistante commerciale, conducteur de travaux.", "choices": []},
     {"key": "date_arrivee", "label": "Date d''arrivée", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "site", "label": "Site d''affectation", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "responsable", "label": "Responsable du nouvel arrivant", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "materiel", "label": "Ordinateur", "kind": "CHOIX", "required": true, "help": "", "choices": ["PC portable", "Poste fixe", "Tablette de chantier", "Aucun"]},
     {"key": "telephone", "label": "Téléphone", "kind": "CHOIX", "required": true, "help": "", "choices": ["Smartphone", "Téléphone de bureau", "Smartphone et téléphone de bureau", "Aucun"]},
     {"key": "acces", "label": "Applications et dossiers nécessaires", "kind": "TEXTE_LONG", "required": false, "help": "Par exemple : CRM ventes, gestion des programmes, dossier « Commercial / Pessac ». Vous pouvez citer un collègue au profil identique.", "choices": []}
   ]'::jsonb, 1),
  ('COMPTE_DEPART', 'Départ d''un collaborateur',
   'Signalez un départ pour désactiver les comptes le bon jour, transférer les mails et les fichiers, et récupérer l''ordinateur, le téléphone et le badge.',
   'COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOUVEMENT_DEPART'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', FALSE,
   'depart sortie fin de contrat demission retraite desactiver compte restitution materiel offboarding depart collaborateur',
   '[
     {"key": "personne", "label": "Collaborateur qui part", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "date_depart", "label": "Dernier jour de travail", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "successeur", "label": "Qui reprend ses mails et ses fichiers ?", "kind": "PERSONNE", "required": false, "help": "", "choices": []},
     {"key": "materiel", "label": "Matériel à récupérer", "kind": "TEXTE_LONG", "required": false, "help": "PC, téléphone, tablette, badge…", "choices": []},
     {"key": "precisions", "label": "Précisions", "kind": "TEXTE_LONG", "required": false, "help": "Message d''absence souhaité, dossiers à archiver.", "choices": []}
   ]'::jsonb, 2),
  ('COMPTE_MOBILITE', 'Changement de service ou d''agence',
   'Un collaborateur change de service ou d''agence : nous adaptons ses accès, ses dossiers, ses listes de diffusion et son téléphone.',
   'COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOUVEMENT_MOBILITE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', FALSE,
   'mutation mobilite changement de poste changement agence transfert nouveau service droits demenagement',
   '[
     {"key": "personne", "label": "Collaborateur concerné", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "date_effet", "label": "Date du changement", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "nouveau_site", "label": "Nouveau site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "nouvelle_fonction", "label": "Nouvelle fonction ou nouveau service", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "acces", "label": "Accès à ajouter ou à retirer", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 3),
  ('COMPTE_MOT_DE_PASSE', 'Réinitialiser un mot de passe',
   'Mot de passe oublié, expiré ou compte bloqué ? Indiquez un numéro où vous joindre : le Front Office vous rappelle pour le réinitialiser.',
   'COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_MOT_DE_PASSE_OUBLI'), 'DEMANDE', 'UTILISATEUR', 'HAUTE', 'FRONT', FALSE,
   'mot de passe oublie mdp password reinitialiser compte bloque verrouille expire session windows mot de pass code oublie deverrouiller',
   '[
     {"key": "compte", "label": "Mot de passe concerné", "kind": "CHOIX", "required": true, "help": "", "choices": ["Session Windows", "Messagerie", "CRM ventes", "Gestion des programmes", "Comptabilité", "Autre application"]},
     {"key": "telephone", "label": "Numéro où vous rappeler", "kind": "TEXTE", "required": true, "help": "Pour vérifier votre identité, nous vous rappelons avant de réinitialiser.", "choices": []},
     {"key": "personne", "label": "Pour un collègue", "kind": "PERSONNE", "required": false, "help": "Laissez vide si c''est pour vous.", "choices": []}
   ]'::jsonb, 4),
  ('COMPTE_DOSSIER_PARTAGE', 'Accès à un dossier partagé',
   'Demandez l''accès en lecture ou en modification à un dossier réseau partagé. Votre responsable valide, puis le Back Office ouvre les droits.',
   'COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_DROITS_DOSSIER'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'BACK', TRUE,
   'dossier partage acces dossier droits repertoire reseau partage lecteur reseau permission lecture ecriture',
   '[
     {"key": "dossier", "label": "Dossier", "kind": "TEXTE", "required": true, "help": "Chemin ou nom du dossier, par exemple « Juridique / Actes 2026 ».", "choices": []},
     {"key": "droit", "label": "Droit souhaité", "kind": "CHOIX", "required": true, "help": "", "choices": ["Lecture seule", "Lecture et modification"]},
     {"key": "personne", "label": "Pour un collègue", "kind": "PERSONNE", "required": false, "help": "Laissez vide si c''est pour vous.", "choices": []},
     {"key": "date_fin", "label": "Jusqu''au", "kind": "DATE", "required": false, "help": "Pour un accès temporaire uniquement.", "choices": []},
     {"key": "motif", "label": "Pourquoi en avez-vous besoin ?", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []}
   ]'::jsonb, 5),
  ('COMPTE_ACCES_APPLICATION', 'Accès à une application métier (CRM, programmes…)',
   'Obtenez un accès ou des droits supplémentaires sur une application métier : CRM ventes, gestion des programmes, comptabilité, GED des actes, signature électronique.',
   'COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_DROITS_APPLICATION'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'BACK', TRUE,
   'acces application crm logiciel programmes comptabilite ged signature electronique droits profil habilitation compte application',
   '[
     {"key": "application", "label": "Application", "kind": "CHOIX", "required": true, "help": "", "choices": ["CRM ventes", "Gestion des programmes", "Comptabilité", "GED des actes notariés", "Signature électronique", "Applications de chantier", "Intranet (publication)"]},
     {"key": "profil", "label": "Profil ou droits souhaités", "kind": "TEXTE", "required": true, "help": "Par exemple : consultation, commercial, gestion des lots. Vous pouvez citer un collègue au même profil.", "choices": []},
     {"key": "personne", "label": "Pour un collègue", "kind": "PERSONNE", "required": false, "help": "Laissez vide si c''est pour vous.", "choices": []},
     {"key": "site", "label": "Agence concernée", "kind": "SITE", "required": false, "help": "Pour limiter l''accès aux programmes d''une agence.", "choices": []},
     {"key": "motif", "label": "Motif", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []}
   ]'::jsonb, 6),
  ('COMPTE_PRESTATAIRE', 'Compte pour un prestataire ou un intérimaire',
   'Créez un compte temporaire pour une personne extérieure. Il est limité à la durée de la mission et approuvé par son responsable chez Immo9.',
   'COMPTE', (SELECT id FROM categories WHERE code = 'COMPTE_DROITS_EXTERNE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'BACK', TRUE,
   'prestataire interimaire externe sous traitant consultant compte temporaire invite acces externe interim',
   '[
     {"key": "nom", "label": "Nom et prénom", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "societe", "label": "Société", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "responsable", "label": "Responsable chez Immo9", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "date_debut", "label": "Début de la mission", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "date_fin", "label": "Fin de la mission", "kind": "DATE", "required": true, "help": "Le compte sera désactivé automatiquement à cette date.", "choices": []},
     {"key": "acces", "label": "Accès nécessaires", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []}
   ]'::jsonb, 7),

  -- MESSAGERIE
  ('MESSAGERIE_BAL_PARTAGEE', 'Boîte aux lettres partagée',
   'Créez une adresse commune (par exemple pour un programme ou une agence) ou obtenez l''accès à une boîte partagée existante.',
   'MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_ADMIN_BAL_PARTAGEE'), 'DEMANDE', 'EQUIPE', 'NORMALE', 'BACK', TRUE,
   'boite partagee boite aux lettres partagee bal generique adresse commune mail partage contact agence boite mail commune',
   '[
     {"key": "action", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Créer une nouvelle boîte partagée", "Accéder à une boîte existante"]},
     {"key": "adresse", "label": "Adresse de la boîte", "kind": "TEXTE", "required": true, "help": "Par exemple : ventes.arcachon@immo9.fr", "choices": []},
     {"key": "personnes", "label": "Personnes à ajouter", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []},
     {"key": "responsable", "label": "Responsable de la boîte", "kind": "PERSONNE", "required": true, "help": "", "choices": []}
   ]'::jsonb, 1),
  ('MESSAGERIE_LISTE_DIFFUSION', 'Création d''une liste de diffusion',
   'Créez ou modifiez une liste pour écrire à plusieurs personnes avec une seule adresse, par exemple toute une agence ou l''équipe d''un programme.',
   'MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_ADMIN_LISTE'), 'DEMANDE', 'EQUIPE', 'BASSE', 'BACK', FALSE,
   'liste de diffusion groupe mail distribution liste groupe adresse groupe mailing ajouter membre liste',
   '[
     {"key": "nom_liste", "label": "Nom ou adresse de la liste", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "action", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Créer une liste", "Ajouter ou retirer des membres", "Supprimer une liste"]},
     {"key": "membres", "label": "Membres", "kind": "TEXTE_LONG", "required": true, "help": "Noms ou adresses, un par ligne.", "choices": []},
     {"key": "proprietaire", "label": "Responsable de la liste", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "externes", "label": "Doit-elle recevoir des mails de l''extérieur ?", "kind": "CHOIX", "required": false, "help": "", "choices": ["Oui", "Non"]}
   ]'::jsonb, 2),
  ('MESSAGERIE_AGENDA_PARTAGE', 'Accès agenda partagé',
   'Permettez à un collègue de voir votre agenda Outlook, d''y ajouter des rendez-vous ou de le gérer pour vous.',
   'MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_AGENDA_PARTAGE'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'FRONT', FALSE,
   'agenda partage calendrier outlook delegation partage agenda assistante rendez vous acces calendrier',
   '[
     {"key": "proprietaire", "label": "Propriétaire de l''agenda", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "beneficiaire", "label": "Collègue qui aura l''accès", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "droit", "label": "Droit", "kind": "CHOIX", "required": true, "help": "", "choices": ["Voir les disponibilités", "Lire les détails", "Lire et modifier", "Délégation complète"]}
   ]'::jsonb, 3),
  ('MESSAGERIE_SMARTPHONE', 'Messagerie sur mon smartphone',
   'Configurez vos mails, votre agenda et Teams sur votre smartphone, ou faites-vous aider s''ils ne se synchronisent plus.',
   'MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_MAIL_MOBILE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', FALSE,
   'mail sur telephone iphone android outlook mobile synchronisation messagerie smartphone configurer mails telephone',
   '[
     {"key": "appareil", "label": "Téléphone", "kind": "CHOIX", "required": true, "help": "", "choices": ["iPhone", "Android", "Je ne sais pas"]},
     {"key": "type_telephone", "label": "Téléphone professionnel ou personnel ?", "kind": "CHOIX", "required": true, "help": "", "choices": ["Professionnel", "Personnel"]},
     {"key": "telephone", "label": "Numéro où vous rappeler", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "probleme", "label": "Si cela fonctionnait avant, que se passe-t-il ?", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 4),
  ('MESSAGERIE_EQUIPE_TEAMS', 'Créer une équipe Teams',
   'Demandez un espace Teams pour un service, une agence ou un programme, avec ses canaux et ses fichiers partagés.',
   'MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_TEAMS_EQUIPE'), 'DEMANDE', 'EQUIPE', 'BASSE', 'BACK', FALSE,
   'teams equipe canal espace collaboratif sharepoint groupe teams creer equipe projet programme',
   '[
     {"key": "nom", "label": "Nom de l''équipe", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "proprietaire", "label": "Propriétaire", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "membres", "label": "Membres", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []},
     {"key": "invites", "label": "Des personnes extérieures doivent-elles y accéder ?", "kind": "CHOIX", "required": true, "help": "", "choices": ["Oui", "Non"]}
   ]'::jsonb, 5),
  ('MESSAGERIE_SIGNATURE', 'Signature de mail ou message d''absence',
   'Faites-vous aider pour mettre en place la signature Immo9 avec le logo, ou un message d''absence.',
   'MESSAGERIE', (SELECT id FROM categories WHERE code = 'MESSAGERIE_MAIL_PARAMETRES'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'FRONT', FALSE,
   'signature mail logo signature outlook message absence repondeur automatique conges absence',
   '[
     {"key": "besoin", "label": "Besoin", "kind": "CHOIX", "required": true, "help": "", "choices": ["Signature avec le logo", "Message d''absence", "Les deux"]},
     {"key": "precisions", "label": "Précisions", "kind": "TEXTE_LONG", "required": false, "help": "Fonction et numéro à afficher, dates d''absence.", "choices": []}
   ]'::jsonb, 6),

  -- TELEPHONIE
  ('TELEPHONIE_SMARTPHONE', 'Nouveau smartphone',
   'Demandez un smartphone professionnel, préparé avec la messagerie et les applications Immo9. Votre responsable valide la demande.',
   'TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_MOBILE_SMARTPHONE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'ATELIER', TRUE,
   'smartphone telephone portable mobile iphone android nouveau telephone gsm telephone pro commande telephone',
   '[
     {"key": "personne", "label": "Utilisateur", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "motif", "label": "Motif", "kind": "CHOIX", "required": true, "help": "", "choices": ["Nouvel arrivant", "Première dotation", "Remplacement (panne ou casse)", "Remplacement (perte ou vol déjà déclaré)"]},
     {"key": "ligne", "label": "Ligne", "kind": "CHOIX", "required": true, "help": "", "choices": ["Nouvelle ligne", "Conserver la ligne existante"]},
     {"key": "site", "label": "Site de livraison", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "date_souhaitee", "label": "Pour quand ?", "kind": "DATE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 1),
  ('TELEPHONIE_LIGNE_SIM', 'Ligne mobile ou carte SIM',
   'Ouvrez une ligne mobile, remplacez une carte SIM, passez en eSIM ou ajoutez une option (data, international).',
   'TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_MOBILE_LIGNE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'BACK', TRUE,
   'ligne mobile carte sim esim forfait data roaming international puce nouvelle ligne portabilite numero',
   '[
     {"key": "action", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Nouvelle ligne", "Remplacement de la carte SIM", "Passage en eSIM", "Option data ou international", "Résiliation"]},
     {"key": "personne", "label": "Titulaire de la ligne", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "numero", "label": "Numéro concerné", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "precisions", "label": "Précisions", "kind": "TEXTE_LONG", "required": false, "help": "Pays et dates pour une option internationale.", "choices": []}
   ]'::jsonb, 2),
  ('TELEPHONIE_RENVOI', 'Renvoi d''appel ou messagerie vocale',
   'Renvoyez votre ligne vers votre portable ou vers un collègue, ou configurez votre messagerie vocale et son annonce.',
   'TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_FIXE_RENVOI'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', FALSE,
   'renvoi appel transfert appel messagerie vocale repondeur annonce boite vocale renvoyer ligne absence',
   '[
     {"key": "demande", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Renvoi vers mon portable", "Renvoi vers un collègue", "Configurer la messagerie vocale", "Changer l''annonce d''absence"]},
     {"key": "numero", "label": "Votre numéro", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "destination", "label": "Numéro de renvoi", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "periode", "label": "Période", "kind": "TEXTE", "required": false, "help": "Par exemple : tous les samedis, ou du 3 au 14 août.", "choices": []}
   ]'::jsonb, 3),
  ('TELEPHONIE_ACCUEIL_AGENCE', 'Accueil téléphonique d''une agence',
   'Modifiez les horaires, l''annonce d''accueil ou les renvois du samedi d''une agence ou d''un bureau de vente.',
   'TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_STANDARD_ACCUEIL'), 'DEMANDE', 'EQUIPE', 'NORMALE', 'BACK', FALSE,
   'standard accueil telephonique horaires samedi annonce serveur vocal renvoi samedi groupe appel agence bureau de vente',
   '[
     {"key": "site", "label": "Agence ou bureau de vente", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "modification", "label": "Modification", "kind": "CHOIX", "required": true, "help": "", "choices": ["Horaires d''ouverture", "Annonce d''accueil", "Renvois du samedi", "Groupe d''appel", "Fermeture exceptionnelle"]},
     {"key": "date_effet", "label": "À partir du", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "details", "label": "Détails", "kind": "TEXTE_LONG", "required": true, "help": "Nouveaux horaires, texte de l''annonce ou numéros de renvoi.", "choices": []}
   ]'::jsonb, 4),
  ('TELEPHONIE_POSTE_FIXE', 'Téléphone de bureau',
   'Demandez un téléphone de bureau, son déplacement vers un autre bureau ou la modification du nom affiché.',
   'TELEPHONIE', (SELECT id FROM categories WHERE code = 'TELEPHONIE_FIXE_POSTE'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'FRONT', FALSE,
   'telephone fixe poste telephonique telephone bureau combine deplacer telephone nouveau poste ligne fixe',
   '[
     {"key": "demande", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Nouveau téléphone", "Déplacement vers un autre bureau", "Changement du nom affiché", "Casque pour téléphone"]},
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "emplacement", "label": "Bureau", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "personne", "label": "Utilisateur", "kind": "PERSONNE", "required": false, "help": "Laissez vide si c''est pour vous.", "choices": []}
   ]'::jsonb, 5),

  -- RESEAU
  ('RESEAU_VPN', 'Accès VPN (télétravail)',
   'Travaillez depuis chez vous ou en déplacement comme au bureau. Votre responsable valide, puis nous installons la connexion et vous expliquons comment l''utiliser.',
   'RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_ACCES_DISTANT_VPN'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', TRUE,
   'vpn télétravail connexion à distance teletravail connexion a distance acces distance travail maison domicile remote',
   '[
     {"key": "materiel", "label": "Ordinateur utilisé", "kind": "CHOIX", "required": true, "help": "Le VPN n''est installé que sur les ordinateurs d''Immo9.", "choices": ["PC portable Immo9", "Je n''ai pas encore de PC portable"]},
     {"key": "motif", "label": "Motif", "kind": "CHOIX", "required": true, "help": "", "choices": ["Télétravail régulier", "Télétravail ponctuel", "Déplacements", "Astreinte"]},
     {"key": "date_debut", "label": "À partir du", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "jours", "label": "Jours de télétravail", "kind": "TEXTE", "required": false, "help": "Par exemple : le mercredi.", "choices": []},
     {"key": "personne", "label": "Pour un collègue", "kind": "PERSONNE", "required": false, "help": "Laissez vide si c''est pour vous.", "choices": []}
   ]'::jsonb, 1),
  ('RESEAU_WIFI_INVITE', 'Wi-Fi invité pour un client',
   'Obtenez un code Wi-Fi invité pour un client, un notaire ou un partenaire reçu en agence ou au bureau de vente.',
   'RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_WIFI_INVITE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'FRONT', FALSE,
   'wifi invite code wifi client visiteur wi-fi acces internet visiteur mot de passe wifi wiffi',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "date_visite", "label": "Date de la visite", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "duree", "label": "Durée", "kind": "CHOIX", "required": true, "help": "", "choices": ["Une journée", "Une semaine", "Un mois"]},
     {"key": "visiteur", "label": "Nom du visiteur ou de l''événement", "kind": "TEXTE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 2),
  ('RESEAU_4G_CHANTIER', 'Accès 4G chantier (routeur)',
   'Équipez un bungalow de chantier d''un routeur 4G pour connecter tablettes et PC, ou remplacez un routeur ou une clé 4G qui ne capte plus.',
   'RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_CHANTIER_ROUTEUR'), 'DEMANDE', 'EQUIPE', 'NORMALE', 'BACK', FALSE,
   '4g routeur chantier cle 4g bungalow internet chantier box 4g connexion chantier reseau chantier modem',
   '[
     {"key": "chantier", "label": "Chantier", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "demande", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Nouveau routeur 4G", "Remplacement d''un routeur ou d''une clé", "Augmentation du forfait data"]},
     {"key": "date_besoin", "label": "Pour quand ?", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "contact", "label": "Contact sur place", "kind": "PERSONNE", "required": true, "help": "Nous le rappellerons par téléphone pour l''installation.", "choices": []},
     {"key": "utilisateurs", "label": "Nombre d''utilisateurs", "kind": "TEXTE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 3),
  ('RESEAU_PRISE_BUREAU', 'Prise réseau ou Wi-Fi dans un bureau',
   'Faites activer une prise réseau, améliorer la couverture Wi-Fi ou connecter un nouvel équipement dans un bureau.',
   'RESEAU', (SELECT id FROM categories WHERE code = 'RESEAU_WIFI_INTERNE'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'BACK', FALSE,
   'prise reseau rj45 cable reseau wifi bureau couverture wifi borne wifi activer prise ethernet',
   '[
     {"key": "site", "label": "Site", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "emplacement", "label": "Bureau ou pièce", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "demande", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Activer une prise réseau", "Améliorer le Wi-Fi", "Connecter un nouvel équipement"]},
     {"key": "details", "label": "Détails", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 4),

  -- METIER
  ('METIER_CREATION_PROGRAMME', 'Création d''un programme immobilier dans l''application',
   'Faites créer un nouveau programme dans la gestion des programmes, avec ses lots et sa grille de prix, pour qu''il soit disponible dans le CRM ventes.',
   'METIER', (SELECT id FROM categories WHERE code = 'METIER_PROGRAMMES_PARAMETRAGE'), 'DEMANDE', 'EQUIPE', 'NORMALE', 'EXPERT', FALSE,
   'nouveau programme creation programme lots grille de prix logiciel programmes commercialisation operation immobiliere residence',
   '[
     {"key": "nom_programme", "label": "Nom du programme", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "commune", "label": "Commune", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "nombre_lots", "label": "Nombre de lots", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "agence", "label": "Agence de commercialisation", "kind": "SITE", "required": true, "help": "", "choices": []},
     {"key": "date_commercialisation", "label": "Date de lancement commercial", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "responsable", "label": "Responsable de programme", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "grille", "label": "Grille de prix et précisions", "kind": "TEXTE_LONG", "required": false, "help": "Décrivez la grille ou indiquez où la trouver ; précisez les lots réservés aux partenaires.", "choices": []}
   ]'::jsonb, 1),
  ('METIER_ASSISTANCE_SIGNATURE', 'Assistance pour une signature électronique d''acte',
   'Une signature d''acte ou de contrat est prévue ? Prévenez-nous : un expert vérifie la plateforme de signature et reste joignable pendant le rendez-vous chez le notaire.',
   'METIER', (SELECT id FROM categories WHERE code = 'METIER_VENTES_SIGNATURE'), 'DEMANDE', 'UTILISATEUR', 'HAUTE', 'EXPERT', FALSE,
   'signature electronique acte notaire rendez vous signature contrat signature acte vente signature en ligne',
   '[
     {"key": "date_signature", "label": "Date de la signature", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "heure", "label": "Heure", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "type_acte", "label": "Document signé", "kind": "CHOIX", "required": true, "help": "", "choices": ["Acte de vente", "Contrat de réservation", "Avenant"]},
     {"key": "programme", "label": "Programme et lot", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "notaire", "label": "Étude notariale", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "telephone", "label": "Numéro joignable le jour de la signature", "kind": "TEXTE", "required": true, "help": "", "choices": []}
   ]'::jsonb, 2),
  ('METIER_MODELE_CONTRAT', 'Modifier un modèle de contrat de réservation',
   'Faites modifier un modèle de contrat ou de document édité par le CRM ventes (clause, mention légale, logo). Chaque modification est testée avant sa mise en service.',
   'METIER', (SELECT id FROM categories WHERE code = 'METIER_VENTES_CONTRATS'), 'DEMANDE', 'EQUIPE', 'BASSE', 'EXPERT', FALSE,
   'modele contrat contrat de reservation clause mention legale edition document crm modele document avenant notice',
   '[
     {"key": "document", "label": "Document", "kind": "CHOIX", "required": true, "help": "", "choices": ["Contrat de réservation", "Notice descriptive", "Avenant", "Autre document édité"]},
     {"key": "programme", "label": "Programme concerné", "kind": "TEXTE", "required": false, "help": "Laissez vide si la modification concerne tous les programmes.", "choices": []},
     {"key": "modification", "label": "Modification demandée", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []},
     {"key": "valideur", "label": "Qui valide le texte ?", "kind": "PERSONNE", "required": true, "help": "Par exemple : le service juridique.", "choices": []},
     {"key": "date_souhaitee", "label": "Date de mise en service souhaitée", "kind": "DATE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 3),
  ('METIER_GED_ACTE', 'Retrouver ou reclasser un acte dans la GED',
   'Un acte notarié introuvable, mal classé ou incomplet dans la GED ? Indiquez le programme et le lot : nous le retrouvons ou corrigeons son classement.',
   'METIER', (SELECT id FROM categories WHERE code = 'METIER_GESTION_GED'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'EXPERT', FALSE,
   'ged acte notarie document introuvable classement archive acte de vente recherche acte scan acte notaire',
   '[
     {"key": "programme", "label": "Programme", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "lot", "label": "Lot", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "document", "label": "Document", "kind": "CHOIX", "required": true, "help": "", "choices": ["Acte de vente", "Acte de dépôt", "Procuration", "Pièce annexe"]},
     {"key": "demande", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Retrouver un document", "Corriger le classement", "Ajouter un document manquant"]},
     {"key": "details", "label": "Détails", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 4),
  ('METIER_EXTRACTION_VENTES', 'Extraction ou tableau de bord des ventes',
   'Demandez une extraction de données ou un tableau de bord sur le CRM ventes ou la gestion des programmes : stock de lots, réservations, prospects.',
   'METIER', (SELECT id FROM categories WHERE code = 'METIER_VENTES_CRM'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'EXPERT', FALSE,
   'export extraction tableau de bord reporting statistiques ventes crm prospects reservations stock lots excel',
   '[
     {"key": "application", "label": "Application", "kind": "CHOIX", "required": true, "help": "", "choices": ["CRM ventes", "Gestion des programmes", "Les deux"]},
     {"key": "besoin", "label": "Données souhaitées", "kind": "TEXTE_LONG", "required": true, "help": "Colonnes, filtres, programmes ou agences concernés.", "choices": []},
     {"key": "frequence", "label": "Fréquence", "kind": "CHOIX", "required": true, "help": "", "choices": ["Une seule fois", "Chaque semaine", "Chaque mois"]},
     {"key": "date_besoin", "label": "Pour quand ?", "kind": "DATE", "required": false, "help": "", "choices": []}
   ]'::jsonb, 5),

  -- INFRA
  ('INFRA_RESTAURER_FICHIER', 'Restaurer un fichier',
   'Un fichier supprimé ou écrasé par erreur sur un dossier partagé ? Nous le récupérons dans les sauvegardes, dans la version de la date de votre choix.',
   'INFRA', (SELECT id FROM categories WHERE code = 'INFRA_SAUVEGARDE_RESTAURATION'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'BACK', FALSE,
   'restaurer fichier supprime efface ecrase recuperer fichier sauvegarde corbeille version precedente restauration fichier perdu',
   '[
     {"key": "dossier", "label": "Dossier", "kind": "TEXTE", "required": true, "help": "Chemin du dossier partagé où se trouvait le fichier.", "choices": []},
     {"key": "fichier", "label": "Nom du fichier ou du dossier", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "date_version", "label": "Version à récupérer", "kind": "DATE", "required": true, "help": "Dernier jour où le fichier était correct.", "choices": []},
     {"key": "precisions", "label": "Précisions", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 1),
  ('INFRA_SAUVEGARDE_BASE', 'Restauration d''une base ou sauvegarde ponctuelle',
   'Pour les responsables d''applications : demandez une sauvegarde avant une intervention, la restauration d''une base à une date donnée ou une copie vers l''environnement de test.',
   'INFRA', (SELECT id FROM categories WHERE code = 'INFRA_BASE_RESTAURATION'), 'DEMANDE', 'EQUIPE', 'NORMALE', 'BACK', FALSE,
   'restauration base de donnees sauvegarde base backup copie base environnement de test restaurer base dump',
   '[
     {"key": "application", "label": "Application", "kind": "CHOIX", "required": true, "help": "", "choices": ["Gestion des programmes", "CRM ventes", "Comptabilité", "GED des actes notariés", "Intranet", "Autre"]},
     {"key": "operation", "label": "Opération", "kind": "CHOIX", "required": true, "help": "", "choices": ["Sauvegarde avant intervention", "Restauration à une date", "Copie vers l''environnement de test"]},
     {"key": "date_operation", "label": "Date souhaitée", "kind": "DATE", "required": true, "help": "Pour une restauration, la date de l''état à retrouver.", "choices": []},
     {"key": "motif", "label": "Motif", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []}
   ]'::jsonb, 2),
  ('INFRA_STOCKAGE', 'Espace de stockage supplémentaire',
   'Votre dossier partagé, votre OneDrive ou votre boîte mail est plein ? Demandez plus d''espace ; votre responsable valide la demande.',
   'INFRA', (SELECT id FROM categories WHERE code = 'INFRA_STOCKAGE_ESPACE'), 'DEMANDE', 'UTILISATEUR', 'BASSE', 'BACK', TRUE,
   'espace disque stockage plein quota augmenter espace onedrive boite pleine dossier plein capacite sature',
   '[
     {"key": "espace", "label": "Espace concerné", "kind": "CHOIX", "required": true, "help": "", "choices": ["Dossier partagé", "OneDrive", "Boîte aux lettres", "Équipe Teams ou SharePoint"]},
     {"key": "chemin", "label": "Dossier ou boîte concerné", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "volume", "label": "Espace supplémentaire", "kind": "CHOIX", "required": true, "help": "", "choices": ["10 Go", "50 Go", "100 Go", "Plus (à préciser)"]},
     {"key": "justification", "label": "Justification", "kind": "TEXTE_LONG", "required": true, "help": "", "choices": []}
   ]'::jsonb, 3),
  ('INFRA_NOUVEAU_PARTAGE', 'Création d''un dossier partagé',
   'Créez un dossier partagé pour un service, une agence ou un programme, avec la liste des personnes qui y auront accès.',
   'INFRA', (SELECT id FROM categories WHERE code = 'INFRA_STOCKAGE_PARTAGE'), 'DEMANDE', 'EQUIPE', 'BASSE', 'BACK', FALSE,
   'creer dossier partage nouveau repertoire espace partage programme dossier commun serveur de fichiers',
   '[
     {"key": "nom", "label": "Nom du dossier", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "emplacement", "label": "Sous quel dossier ?", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "responsable", "label": "Responsable du dossier", "kind": "PERSONNE", "required": true, "help": "Il validera les futures demandes d''accès.", "choices": []},
     {"key": "lecture", "label": "Personnes en lecture", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []},
     {"key": "modification", "label": "Personnes en modification", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 4),

  -- SECURITE
  ('SECURITE_PHISHING', 'Signaler un e-mail suspect (phishing)',
   'Un mail vous semble louche (faux notaire, fausse facture, lien inattendu) ? Ne cliquez pas et signalez-le. Si vous avez cliqué ou saisi votre mot de passe, dites-le-nous tout de suite.',
   'SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_MESSAGE_PHISHING'), 'INCIDENT', 'UTILISATEUR', 'HAUTE', 'BACK', FALSE,
   'phishing hameconnage mail suspect arnaque faux mail fishing spam lien suspect piece jointe frauduleuse fraude virement',
   '[
     {"key": "expediteur", "label": "Expéditeur", "kind": "TEXTE", "required": true, "help": "Adresse ou nom affiché de l''expéditeur.", "choices": []},
     {"key": "objet", "label": "Objet du mail", "kind": "TEXTE", "required": false, "help": "", "choices": []},
     {"key": "action", "label": "Qu''avez-vous fait ?", "kind": "CHOIX", "required": true, "help": "", "choices": ["Rien, je l''ai seulement reçu", "J''ai cliqué sur le lien", "J''ai saisi mon mot de passe", "J''ai ouvert la pièce jointe"]},
     {"key": "autres", "label": "D''autres collègues l''ont-ils reçu ?", "kind": "CHOIX", "required": false, "help": "", "choices": ["Oui", "Non", "Je ne sais pas"]},
     {"key": "details", "label": "Détails", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 1),
  ('SECURITE_PERTE_VOL', 'Déclarer une perte ou un vol de matériel',
   'PC, téléphone, tablette ou badge perdu ou volé ? Déclarez-le au plus vite : nous bloquons l''appareil et les accès pour protéger les données.',
   'SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_PERTE_MATERIEL'), 'INCIDENT', 'UTILISATEUR', 'HAUTE', 'BACK', FALSE,
   'perte vol materiel vole perdu telephone vole pc vole tablette perdue badge perdu cambriolage oubli',
   '[
     {"key": "materiel", "label": "Matériel", "kind": "CHOIX", "required": true, "help": "", "choices": ["PC portable", "Smartphone", "Tablette de chantier", "Badge", "Clé USB ou disque dur", "Autre"]},
     {"key": "date_constat", "label": "Date de la perte ou du vol", "kind": "DATE", "required": true, "help": "", "choices": []},
     {"key": "lieu", "label": "Lieu", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "site", "label": "Site de rattachement", "kind": "SITE", "required": false, "help": "", "choices": []},
     {"key": "circonstances", "label": "Circonstances", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []},
     {"key": "plainte", "label": "Plainte déposée ?", "kind": "CHOIX", "required": false, "help": "En cas de vol, une plainte est nécessaire pour l''assurance.", "choices": ["Oui", "Non", "Pas encore"]}
   ]'::jsonb, 2),
  ('SECURITE_CERTIFICAT_SIGNATURE', 'Certificat de signature électronique',
   'Demandez ou renouvelez votre certificat personnel de signature électronique, nécessaire pour signer contrats et actes. Votre responsable valide la demande.',
   'SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_CERTIFICAT_SIGNATURE'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'BACK', TRUE,
   'certificat signature electronique renouvellement certificat expire cle de signature token signature numerique',
   '[
     {"key": "demande", "label": "Demande", "kind": "CHOIX", "required": true, "help": "", "choices": ["Nouveau certificat", "Renouvellement", "Certificat perdu ou compromis"]},
     {"key": "personne", "label": "Titulaire", "kind": "PERSONNE", "required": true, "help": "", "choices": []},
     {"key": "date_expiration", "label": "Date d''expiration actuelle", "kind": "DATE", "required": false, "help": "", "choices": []},
     {"key": "date_besoin", "label": "Prochaine signature prévue", "kind": "DATE", "required": false, "help": "Si une signature est proche, indiquez sa date : la demande sera traitée en priorité.", "choices": []}
   ]'::jsonb, 3),
  ('SECURITE_ANALYSE_FICHIER', 'Faire vérifier un fichier ou une clé USB',
   'Un fichier reçu vous paraît douteux, ou l''antivirus a mis un document en quarantaine ? Nous l''analysons et le libérons s''il est sain.',
   'SECURITE', (SELECT id FROM categories WHERE code = 'SECURITE_MALVEILLANT_ANTIVIRUS'), 'DEMANDE', 'UTILISATEUR', 'NORMALE', 'BACK', FALSE,
   'antivirus quarantaine virus cle usb fichier suspect analyse malware fichier bloque verifier fichier',
   '[
     {"key": "objet", "label": "À vérifier", "kind": "CHOIX", "required": true, "help": "", "choices": ["Fichier mis en quarantaine", "Pièce jointe douteuse", "Clé USB ou disque externe"]},
     {"key": "nom", "label": "Nom du fichier ou description", "kind": "TEXTE", "required": true, "help": "", "choices": []},
     {"key": "provenance", "label": "Provenance", "kind": "TEXTE", "required": false, "help": "Expéditeur, site Internet ou personne qui vous l''a remis.", "choices": []},
     {"key": "details", "label": "Détails", "kind": "TEXTE_LONG", "required": false, "help": "", "choices": []}
   ]'::jsonb, 4);

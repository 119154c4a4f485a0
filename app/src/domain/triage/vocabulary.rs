//! The classifier's starting vocabulary: for each type, domain and pole code of PRODUCT.md, words and phrases people and monitoring tools use, so suggestions are useful before any ticket is learned.

/// Which qualification a lexicon entry teaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Teaches {
    Kind,
    Domain,
    Pole,
}

/// One pseudo-document: natural French text that a ticket of this label would contain.
pub struct Lexicon {
    pub teaches: Teaches,
    pub label: &'static str,
    pub text: &'static str,
}

pub const LEXICON: &[Lexicon] = &[
    // ------------------------------------------------------------------ Kind (type)
    Lexicon {
        teaches: Teaches::Kind,
        label: "INCIDENT",
        text: "ne fonctionne plus, ne marche plus, ça ne marche pas, \
        ça marche plus, en panne, panne, plus rien ne fonctionne, bloqué, bloquée, je n'arrive plus à, impossible de, \
        impossible d'ouvrir, message d'erreur, erreur, plante, planté, crash, se ferme tout seul, figé, fige, \
        ne répond plus, dysfonctionnement",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "INCIDENT",
        text: "depuis ce matin, depuis hier soir, depuis tout à l'heure, \
        d'un coup, soudainement, tout à coup, ne s'allume plus, ne démarre plus, coupé, coupure, déconnecté, \
        hors service, HS, très lent, lenteur, rame, inaccessible, indisponible, disparu, n'apparaît plus, \
        ne s'affiche plus, échoue, refuse",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "INCIDENT",
        text: "urgent, bloquant, je suis bloqué, nous sommes bloqués, \
        toute l'agence est impactée, plus personne ne peut travailler, client en face de moi, signature aujourd'hui, \
        cassé, cassée, tombé par terre, endommagé, fissuré, ne charge plus, pas de son, pas d'image, rien ne sort, \
        perdu, n'arrive pas, ne reçois plus, ne s'ouvre plus, ne se connecte plus",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "DEMANDE",
        text: "merci de bien vouloir, pourriez-vous, pouvez-vous, \
        serait-il possible, je souhaiterais, je souhaite, je voudrais, j'aurais besoin, besoin de, demande de, \
        demander, svp, s'il vous plaît, d'avance merci, pour le compte de, de la part de mon responsable, \
        validé par mon manager",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "DEMANDE",
        text: "créer, création, installer, installation, commander, \
        commande, nouveau, nouvelle, ajouter, ajout, fournir, obtenir, accès, ouvrir un accès, droits, \
        prêt de matériel, prêter, emprunter, réserver, devis, achat, équipement, doter, dotation, \
        abonnement, supplémentaire",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "DEMANDE",
        text: "arrivée d'un collaborateur, arrive lundi, nouvel arrivant, \
        prise de poste, départ, quitte la société, changement de bureau, déménagement, déplacer le poste, \
        modification, modifier, paramétrer, configurer, mettre en place, activer, récupérer, transférer, \
        préparer pour le, prévoir pour le",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "DEMANDE",
        text: "information, renseignement, question, comment faire pour, \
        comment, savoir si, est-il possible, procédure, tutoriel, formation, aide pour, explication, conseil, \
        où trouver, quelle est la démarche, pourriez-vous m'indiquer, documentation, mode opératoire",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "EVENEMENT",
        text: "[ALERTE] ALERTE CRITICAL WARNING WARN CRIT RECOVERY \
        PROBLEM OK état seuil dépassé, seuil critique, seuil d'alerte, threshold, sonde, supervision, Centreon, \
        Nagios, Zabbix, PRTG, check, monitoring, notification automatique, message automatique, \
        ne pas répondre, noreply",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "EVENEMENT",
        text: "CPU 95%, utilisation CPU, charge processeur, \
        mémoire 92%, memory usage, disque C: 90%, espace disque faible, disque rempli à 97%, volume plein, \
        filesystem, free space, usage, load average, température élevée, onduleur sur batterie, on battery, \
        ventilateur en défaut, swap",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "EVENEMENT",
        text: "service arrêté, service stopped, host down, hôte \
        injoignable, DOWN, UP, ping, ping timeout, perte de paquets, packet loss, timeout, unreachable, \
        interface down, lien down, latence élevée, redémarré, uptime, SRV-FIC01, SRV-AD01, SRV-SQL01, \
        FW-SIEGE, SW-AGENCE, heartbeat",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "EVENEMENT",
        text: "sauvegarde échouée, backup failed, job en échec, \
        failed, error, succeeded with warnings, statut, certificat expire dans 15 jours, expiration dans 30 jours, \
        expire le, journal d'événements, Event ID, log, détecté à, horodatage, occurrence, severity, \
        sévérité majeure, événement système",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "PROBLEME",
        text: "encore, à nouveau, de nouveau, une fois de plus, \
        encore une fois, récurrent, récurrente, récurrence, problème récurrent, répétitif, se répète, \
        se reproduit, revient, recommence, toujours le même problème, toujours pas réglé, même souci que \
        la semaine dernière, déjà signalé",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "PROBLEME",
        text: "plusieurs fois, trois fois, plusieurs fois par jour, \
        chaque semaine, chaque matin, tous les matins, tous les lundis, chaque jour, régulièrement, souvent, \
        fréquemment, aléatoire, intermittent, par intermittence, depuis des semaines, depuis plusieurs jours, \
        depuis un mois, à chaque fois",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "PROBLEME",
        text: "cause, cause racine, origine, analyse, analyser, \
        investigation, diagnostic approfondi, comprendre pourquoi, plusieurs incidents, incidents similaires, \
        incidents liés, plusieurs utilisateurs, plusieurs agences, tendance, corrélation, contournement, \
        solution de contournement, correctif définitif, erreur connue, inexpliqué",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "CHANGEMENT",
        text: "mise à jour planifiée, mise à jour programmée, \
        migration, migrer, déploiement, déployer, mise en production, MEP, nouvelle version, montée de version, \
        upgrade, passage en version, release, patch, correctif à déployer, mise à niveau",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "CHANGEMENT",
        text: "changement de configuration, modification de \
        configuration, évolution, règle de pare-feu, ajout d'une règle, remplacement planifié, remplacement du \
        serveur, renouvellement du parc, bascule, basculement, décommissionnement, refonte, réorganisation, \
        extension de capacité",
    },
    Lexicon {
        teaches: Teaches::Kind,
        label: "CHANGEMENT",
        text: "fenêtre de maintenance, maintenance programmée, \
        intervention programmée, interruption de service prévue, planifié, date prévue, ce week-end, samedi soir, \
        validation, approbation, CAB, comité de changement, plan de retour arrière, rollback, recette, \
        pré-production, analyse d'impact, risque, communication aux utilisateurs, demande de changement, \
        RFC, changement standard, changement urgent, nouvelle infrastructure, installation d'un nouveau serveur",
    },
    // ------------------------------------------------------------------ Domain
    Lexicon {
        teaches: Teaches::Domain,
        label: "POSTE",
        text: "mon ordinateur portable ne démarre plus, écran noir \
        au démarrage, le pc reste sur le logo, ventilateur bruyant, chauffe, batterie qui ne charge plus, \
        chargeur, alimentation, ordinateur fixe, unité centrale, poste de travail, Windows, écran bleu, \
        redémarrage, mise en veille, disque dur, SSD, mémoire RAM",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "POSTE",
        text: "écran externe non détecté, deuxième écran, double écran, \
        moniteur, câble HDMI, DisplayPort, station d'accueil, dock USB-C, clavier, souris sans fil, pavé tactile, \
        touches, casque, webcam, micro, hub USB, port USB, clé USB, adaptateur, sacoche",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "POSTE",
        text: "salle de réunion, vidéoprojecteur, projecteur, \
        télécommande, écran tactile, écran de la salle, système de visio, caméra de la salle, barre de son, \
        haut-parleur, tablette, iPad, tablette de chantier, lecteur de badge, badgeuse, pointeuse, lecteur de carte, \
        Dell, Lenovo, HP, Surface, MacBook",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "IMPRESSION",
        text: "l'imprimante n'imprime plus, imprimer, imprime, \
        impression bloquée, file d'attente d'impression, documents en attente, imprimante hors ligne, bourrage \
        papier, recto verso, impression couleur, noir et blanc, imprimante par défaut, pilote d'imprimante, driver, \
        ajouter une imprimante",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "IMPRESSION",
        text: "copieur multifonction, photocopieur, photocopieuse, \
        photocopie, copies, toner vide, cartouche d'encre, encre, tambour, bac papier, ramette, agrafage, \
        code d'impression, badge copieur, impression sécurisée, compteur de copies, relevé compteur, \
        Canon, Ricoh, Xerox, Konica, Kyocera, Brother, Sharp",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "IMPRESSION",
        text: "scanner, scanne, scan, numériser, numérisation, \
        scan vers mail, scan to mail, scan to folder, dossier de numérisation, document numérisé, traceur, plotter, \
        impression des plans, format A0, A1, A3, grand format, rouleau de papier, plans d'architecte, \
        imprimante réseau, imprimante du plateau, feuilles, papier froissé, qualité d'impression, pages blanches, traces",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "LOGICIEL",
        text: "installer un logiciel, installation, désinstaller, \
        mise à jour du logiciel, Word, Excel, PowerPoint, Office 365, Microsoft 365, pack Office, fichier Excel \
        corrompu, macro, tableau croisé dynamique, document Word, Acrobat, Adobe Reader, lecteur PDF, PDF",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "LOGICIEL",
        text: "licence expirée, activation de licence, clé de licence, \
        logiciel non activé, produit sans licence, Adobe Acrobat Pro, AutoCAD, Revit, SketchUp, Photoshop, \
        Illustrator, InDesign, MS Project, Visio, logiciel de dessin, DAO, CAO, logiciel de métré",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "LOGICIEL",
        text: "navigateur, Chrome, Firefox, Edge, extension, plugin, \
        Java, 7-Zip, fichier zip, l'application plante au lancement, le programme ne se lance pas, version du \
        logiciel, compatibilité, Centre logiciel, Software Center, portail d'entreprise, droits administrateur \
        pour installer, application de bureau, raccourci",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "COMPTE",
        text: "mot de passe oublié, mdp expiré, réinitialiser mon \
        mot de passe, réinitialisation, compte bloqué, compte verrouillé, trop de tentatives, déverrouiller, \
        identifiant, login, session Windows, ouvrir ma session, identifiants incorrects, changer mon mot de passe",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "COMPTE",
        text: "création de compte, arrivée d'un nouveau collaborateur, \
        nouvel arrivant, embauche, intérimaire, stagiaire, alternant, prestataire externe, date d'arrivée, \
        onboarding, départ d'un salarié, fin de contrat, désactivation du compte, suppression du compte, \
        sortie des effectifs, mutation vers une autre agence",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "COMPTE",
        text: "droits d'accès, habilitation, accès au dossier partagé, \
        répertoire partagé, autorisation, permissions, lecture seule, groupe Active Directory, ajout au groupe, \
        profil utilisateur, authentification, MFA, double authentification, Authenticator, code de vérification, \
        SMS de validation, SSO, compte de service",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "MESSAGERIE",
        text: "Outlook, boîte mail, boîte aux lettres, messagerie, \
        mail, mails, email, e-mail, courriel, je ne reçois plus de mails, envoi impossible, boîte d'envoi, \
        pièce jointe trop volumineuse, boîte pleine, quota de la boîte, archive, PST, signature de mail, \
        réponse automatique, message d'absence",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "MESSAGERIE",
        text: "calendrier, agenda, rendez-vous, invitation, \
        partager mon agenda, délégation, boîte partagée, boîte générique, liste de diffusion, groupe de diffusion, \
        alias, adresse mail, contacts, carnet d'adresses, courrier indésirable, spam, mails non reçus, destinataire",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "MESSAGERIE",
        text: "Teams, réunion Teams, visio Teams, appel Teams, \
        conversation, chat, canal, équipe, SharePoint, site SharePoint, OneDrive, synchronisation OneDrive, \
        partage de fichiers, document partagé, collaboration, Exchange, Outlook web, OWA, webmail, \
        mails sur le téléphone",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "TELEPHONIE",
        text: "téléphone fixe, poste téléphonique, combiné, \
        pas de tonalité, ligne fixe, appels entrants, appels sortants, numéro de poste, numéro court, renvoi d'appel, \
        transférer un appel, mise en attente, numéro direct, SDA, téléphone IP, softphone, 3CX, Alcatel, Mitel",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "TELEPHONIE",
        text: "standard téléphonique, standardiste, accueil \
        téléphonique, serveur vocal, message d'accueil, SVI, file d'appels, groupement d'appels, horaires du \
        standard, messagerie vocale, répondeur, message vocal, code de la messagerie vocale, boîte vocale, IPBX, \
        appels perdus",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "TELEPHONIE",
        text: "téléphone portable, mobile, smartphone, iPhone, \
        Samsung, carte SIM, eSIM, forfait, ligne mobile, opérateur, Orange, SFR, Bouygues, hors forfait, \
        code PIN, code PUK, nouveau téléphone, écran du téléphone cassé, renouvellement du mobile, flotte mobile, \
        appels qui coupent, on ne m'entend pas, sonnerie, \
        le téléphone ne sonne pas, numéro de l'agence, annuaire téléphonique, casque téléphonique, joindre, appeler",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "RESEAU",
        text: "pas d'internet, connexion internet coupée, plus de \
        connexion, réseau indisponible, pas de réseau, câble réseau, prise réseau, RJ45, box, routeur, lien agence, \
        liaison, fibre, ADSL, SD-WAN, débit faible, latence, coupures réseau, accès au siège depuis l'agence",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "RESEAU",
        text: "wifi, wi-fi, borne wifi, point d'accès, réseau invité, \
        code wifi, clé wifi, signal faible, le wifi décroche, SSID, connexion sans fil, portail captif, \
        wifi de l'agence, wifi du bureau de vente, switch, commutateur, DNS, DHCP, adresse IP, proxy, \
        site web bloqué, pare-feu, firewall",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "RESEAU",
        text: "VPN, connexion VPN, FortiClient, GlobalProtect, \
        télétravail, connexion à distance, accès distant, bureau à distance, 4G, routeur 4G, clé 4G, box 4G, \
        partage de connexion, chantier, bungalow de chantier, base vie, modem, antenne, couverture réseau, \
        WAN, LAN, VLAN, MPLS, lien opérateur, interface, paquets perdus, internet très lent, pages web qui ne chargent pas",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "METIER",
        text: "logiciel de gestion des programmes, programme immobilier, \
        programme, lots, lot, grille de prix, grille tarifaire, prix de vente, tranche, bâtiment, typologie T2 T3, \
        surface, plan de vente, stock de lots, disponibilité des lots, option, mise en vente, commercialisation, \
        bilan d'opération",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "METIER",
        text: "CRM, CRM commercial, fiche prospect, prospects, \
        acquéreur, client, réservation, contrat de réservation, VEFA, dépôt de garantie, appel de fonds, \
        financement, vente, bureau de vente, conseiller commercial, relance, export des ventes, tableau de bord \
        commercial, Salesforce",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "METIER",
        text: "acte notarié, actes, notaire, office notarial, \
        signature de l'acte, rendez-vous chez le notaire, GED, gestion électronique des documents, coffre des actes, \
        dossier de vente, signature électronique, e-signature, DocuSign, Yousign, parapheur, signataire, \
        lien de signature, document à signer",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "METIER",
        text: "comptabilité, logiciel comptable, Sage, Cegid, factures \
        fournisseurs, écritures comptables, clôture, règlement, trésorerie, rapprochement bancaire, paie, \
        notes de frais, intranet, portail intranet, application de chantier, suivi de chantier, PV de réception, \
        procès-verbal, réserves, levée des réserves, OPR, livraison, sous-traitants, situations de travaux, \
        application métier, interface, flux",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "INFRA",
        text: "serveur, serveurs, serveur de fichiers, serveur \
        applicatif, SRV-FIC01, machine virtuelle, VM, VMware, Hyper-V, ESXi, cluster, hôte, redémarrage du \
        serveur, Windows Server, Linux, contrôleur de domaine, serveur d'impression, lecteur réseau, partage réseau",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "INFRA",
        text: "stockage, baie de stockage, SAN, NAS, volume, \
        espace disque, disque plein, LUN, datastore, capacité, sauvegarde, sauvegardes, backup, Veeam, \
        job de sauvegarde, restauration, restaurer un fichier supprimé, version précédente, snapshot, \
        réplication, PRA, bandes",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "INFRA",
        text: "base de données, SQL Server, instance SQL, Oracle, \
        PostgreSQL, journal des transactions, salle serveur, salle informatique, baie, rack, onduleur, \
        climatisation de la salle serveur, température, coupure électrique, datacenter, hébergeur, Azure, cloud, \
        CPU, processeur, mémoire, charge, services Windows, Active Directory, archivage, purge, redondance, patch serveur",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "SECURITE",
        text: "mail suspect, phishing, hameçonnage, lien frauduleux, \
        j'ai cliqué sur le lien, arnaque, faux mail, usurpation d'identité, fraude au président, faux RIB, \
        changement de RIB, expéditeur inconnu, pièce jointe suspecte, signaler, cybersécurité",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "SECURITE",
        text: "virus, malware, logiciel malveillant, ransomware, \
        rançongiciel, fichiers chiffrés, antivirus, alerte antivirus, Defender, EDR, menace détectée, infection, \
        cheval de Troie, comportement suspect, compte piraté, compromis, connexion suspecte, tentative de \
        connexion inconnue",
    },
    Lexicon {
        teaches: Teaches::Domain,
        label: "SECURITE",
        text: "vol, volé, vol d'ordinateur, vol du téléphone, \
        perte, cambriolage, effraction, fuite de données, données personnelles, RGPD, CNIL, données sensibles, \
        envoyé au mauvais destinataire, certificat, certificat SSL, certificat expiré, HTTPS, chiffrement, \
        BitLocker, clé de récupération, piratage, alerte de sécurité, faux support technique, \
        clé USB inconnue, badge d'accès perdu",
    },
    // ------------------------------------------------------------------ Pole (routing)
    Lexicon {
        teaches: Teaches::Pole,
        label: "FRONT",
        text: "mot de passe oublié, réinitialisation du mot de passe, \
        compte verrouillé, déverrouiller, session Windows, identifiant, MFA, code de vérification, première \
        connexion, changer mon mot de passe, création de compte, nouvel arrivant, départ, désactivation",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "FRONT",
        text: "comment faire, question, information, renseignement, \
        aide, tutoriel, procédure, utilisation d'Outlook, réponse automatique, message d'absence, signature de \
        mail, agenda partagé, boîte partagée, liste de diffusion, réunion Teams, imprimante par défaut, \
        ajouter une imprimante, bourrage, toner, cartouche",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "FRONT",
        text: "installer un logiciel du catalogue, Office, Word, Excel, \
        Acrobat, licence, navigateur, messagerie vocale, renvoi d'appel, code PIN, code wifi, redémarrer, fermer \
        la session, résolu au téléphone, appel au support, prise en main à distance, premier niveau, \
        Outlook ne s'ouvre plus, mails, Teams, scanner, session bloquée, accès au dossier, conseil",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "BACK",
        text: "serveur, SRV, machine virtuelle, VMware, stockage, NAS, \
        SAN, sauvegarde, Veeam, restauration, espace disque, Active Directory, contrôleur de domaine, GPO, \
        stratégie de groupe, groupe AD, DNS, DHCP, partage réseau, droits NTFS",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "BACK",
        text: "réseau, lien agence, liaison, routeur, switch, borne wifi, \
        pare-feu, firewall, VPN, 4G chantier, opérateur, fibre, coupure réseau, supervision, alerte, sonde, CPU, \
        mémoire, service arrêté, certificat",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "BACK",
        text: "serveur Exchange, flux mail, relais SMTP, antispam, \
        quarantaine, standard téléphonique, IPBX, SVI, serveur d'impression, antivirus, EDR, phishing, menace, \
        base de données, SQL Server, salle serveur, onduleur, infrastructure, système, lenteur générale, \
        toutes les agences, plusieurs sites impactés, analyse des logs, téléphonie IP, migration serveur",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "EXPERT",
        text: "application métier, logiciel de programmes, programme, \
        lots, grille de prix, CRM, prospect, réservation, contrat de réservation, VEFA, comptabilité, Sage, \
        GED des actes, notaire, acte, signature électronique, Yousign, DocuSign, intranet",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "EXPERT",
        text: "bug, anomalie, erreur applicative, régression, \
        développement, évolution, spécification, correctif, API, interface, flux entre applications, \
        synchronisation, web service, script, batch, traitement de nuit, import, export, extraction de données, \
        requête SQL, reporting",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "EXPERT",
        text: "DevOps, déploiement applicatif, mise en production, \
        montée de version de l'application, environnement de recette, pré-production, intégration continue, \
        éditeur, ticket éditeur, paramétrage applicatif, données métier, application de chantier, \
        PV de réception, réserves, application mobile, écran de saisie, champ, calcul du prix \
        erroné, doublons, données incorrectes, édition du contrat, génération des documents, modèle de contrat",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "ATELIER",
        text: "matériel, diagnostic matériel, réparation, réparer, \
        casse, cassé, écran fissuré, écran cassé, dalle, charnière, clavier HS, touches, batterie gonflée, \
        chargeur, ne s'allume plus, carte mère, disque dur défectueux, garantie, SAV, pièce détachée",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "ATELIER",
        text: "préparation de poste, préparer un poste, nouveau poste, \
        master, masterisation, réinstallation, réinstaller Windows, formatage, renouvellement du parc, \
        remplacement du portable, ordinateur de remplacement, poste de prêt, prêt de matériel, tablette de prêt, \
        téléphone cassé, remplacement de l'écran, tablette de chantier tombée, chute, café renversé, liquide, \
        écran qui scintille, pixels morts, bruit anormal",
    },
    Lexicon {
        teaches: Teaches::Pole,
        label: "ATELIER",
        text: "portable, ordinateur, PC, tablette, iPad, écran, \
        moniteur, station d'accueil, dock, souris, clavier, casque, webcam, vidéoprojecteur, lecteur de badge, \
        inventaire, numéro de série, restitution du matériel, livraison du matériel, commande de matériel",
    },
];

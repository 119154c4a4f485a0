//! The demo's knowledge base: the answers the Back Office keeps for the questions the desk hears most,
//! public ones for employees and internal procedures for agents, saved through the real service (Markdown
//! rendered and sanitised, catalog entries linked, audited).

use app::auth::db::load_current_user;
use app::db::schema::{catalog_entries, users};
use app::domain::ids::{CatalogEntryId, UserId};
use app::domain::ticket::ServiceDomain;
use app::error::AppResult;
use app::knowledge::service::save;
use app::knowledge::{ArticleDraft, Audience};
use chrono::{DateTime, Months, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

struct DemoArticle {
    title: &'static str,
    summary: &'static str,
    body: &'static str,
    audience: Audience,
    domain: ServiceDomain,
    catalog: &'static [&'static str],
    /// Months until the next review; 0 makes it due today, as some always are on a real desk.
    review_in_months: u32,
}

const ARTICLES: &[DemoArticle] = &[
    DemoArticle {
        title: "Imprimante : dégager un bourrage papier",
        summary: "La feuille coincée se retire en trois gestes, sans outil ni appel au support.",
        body: "Quand l'imprimante affiche **Bourrage papier** ou s'arrête en pleine impression :\n\n\
               1. Éteignez l'imprimante et attendez une minute que l'unité de fusion refroidisse.\n\
               2. Ouvrez le capot avant puis le bac indiqué à l'écran ; tirez la feuille coincée **doucement, dans le sens du papier**.\n\
               3. Vérifiez qu'aucun morceau ne reste, refermez, rallumez.\n\n\
               Si le bourrage revient à chaque impression, le papier est peut-être humide ou trop épais : \
               remplacez la rame. Si cela continue, déclarez un incident en précisant le modèle et l'étage.",
        audience: Audience::Public,
        domain: ServiceDomain::Printing,
        catalog: &["IMPRESSION_INSTALLER"],
        review_in_months: 6,
    },
    DemoArticle {
        title: "Changer la cartouche de toner d'un copieur",
        summary: "Où trouver le toner de rechange et comment le mettre en place.",
        body: "Le copieur affiche *Toner bas* quelques jours avant d'être vide.\n\n\
               - Le toner de rechange est rangé dans l'armoire de l'accueil de chaque agence.\n\
               - Ouvrez la façade, tournez la cartouche vide vers la gauche, retirez-la, insérez la neuve jusqu'au déclic.\n\
               - Rapportez la cartouche vide à l'accueil pour le recyclage.\n\n\
               Plus de toner en stock ? Faites une demande **Demande de toner** dans le catalogue.",
        audience: Audience::Public,
        domain: ServiceDomain::Printing,
        catalog: &["IMPRESSION_TONER"],
        review_in_months: 6,
    },
    DemoArticle {
        title: "Mot de passe oublié ou expiré",
        summary: "Réinitialisez vous-même votre mot de passe Windows et messagerie.",
        body: "Votre mot de passe expire tous les 90 jours.\n\n\
               1. Depuis un téléphone, ouvrez le portail de réinitialisation de l'intranet.\n\
               2. Confirmez votre identité avec le code reçu par SMS.\n\
               3. Choisissez un nouveau mot de passe de 12 caractères au moins.\n\n\
               Votre session se verrouille après 5 essais manqués : attendez 15 minutes ou appelez le support.",
        audience: Audience::Public,
        domain: ServiceDomain::Account,
        catalog: &["COMPTE_MOT_DE_PASSE"],
        review_in_months: 3,
    },
    DemoArticle {
        title: "Se connecter au VPN en télétravail",
        summary: "Installer et lancer le client VPN pour accéder aux applications depuis chez soi.",
        body: "Le VPN donne accès aux applications métier et aux dossiers partagés hors des locaux.\n\n\
               1. Lancez **Immo9 VPN** depuis le menu Démarrer.\n\
               2. Identifiez-vous avec votre compte Windows, puis validez la notification sur votre téléphone.\n\
               3. L'icône devient verte : vous êtes connecté.\n\n\
               La connexion échoue ? Vérifiez d'abord que votre box Internet fonctionne, puis redémarrez le poste. \
               Pas encore d'accès ? Faites la demande **Accès VPN (télétravail)** dans le catalogue.",
        audience: Audience::Public,
        domain: ServiceDomain::Network,
        catalog: &["RESEAU_VPN"],
        review_in_months: 6,
    },
    DemoArticle {
        title: "Wi-Fi des agences : se connecter au réseau invité ou collaborateur",
        summary: "Quel réseau Wi-Fi choisir et que faire quand la connexion tombe.",
        body: "- **IMMO9-PRO** : les postes et téléphones de l'entreprise, connexion automatique.\n\
               - **IMMO9-INVITES** : les clients et visiteurs, code affiché à l'accueil, renouvelé chaque lundi.\n\n\
               Si le Wi-Fi ne fonctionne plus pour toute l'agence, déclarez un incident : le Back Office vérifie la borne et la liaison.",
        audience: Audience::Public,
        domain: ServiceDomain::Network,
        catalog: &[],
        review_in_months: 0,
    },
    DemoArticle {
        title: "Outlook ne reçoit plus de messages",
        summary: "Les vérifications à faire avant d'appeler le support.",
        body: "1. Regardez en bas de la fenêtre : *Travail hors connexion* doit être désactivé (onglet Envoi/Réception).\n\
               2. Votre boîte est-elle pleine ? Videz les *Éléments supprimés*.\n\
               3. Fermez puis rouvrez Outlook.\n\n\
               Toujours rien depuis plus d'une heure ? Déclarez un incident.",
        audience: Audience::Public,
        domain: ServiceDomain::Messaging,
        catalog: &[],
        review_in_months: 6,
    },
    DemoArticle {
        title: "Procédure : réinitialiser la double authentification d'un collaborateur",
        summary: "Pour le Front Office : vérifier l'identité puis réinitialiser l'authentification forte.",
        body: "Réservé au support.\n\n\
               1. Rappelez le collaborateur sur le numéro de l'annuaire, jamais sur celui qu'il donne.\n\
               2. Posez les deux questions de contrôle (site de rattachement, manager).\n\
               3. Dans la console d'administration, *Utilisateurs* → *Méthodes d'authentification* → *Exiger un nouvel enregistrement*.\n\
               4. Notez dans le ticket l'heure et la vérification faite.",
        audience: Audience::Internal,
        domain: ServiceDomain::Account,
        catalog: &["COMPTE_MOT_DE_PASSE"],
        review_in_months: 6,
    },
    DemoArticle {
        title: "Procédure : signalement d'un courriel d'hameçonnage",
        summary: "Pour le support : isoler le message, prévenir, bloquer l'expéditeur.",
        body: "Réservé au support.\n\n\
               - Demandez au collaborateur de **ne pas cliquer** et de transférer le message en pièce jointe à securite@immo9.fr.\n\
               - Si un mot de passe a été saisi : réinitialisez-le immédiatement et fermez les sessions ouvertes.\n\
               - Escaladez au Back Office pour le blocage de l'expéditeur sur la passerelle de messagerie.",
        audience: Audience::Internal,
        domain: ServiceDomain::Security,
        catalog: &[],
        review_in_months: 0,
    },
];

/// Saves the demo articles as the Back Office agent who keeps the base. Returns how many.
pub async fn load(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<usize> {
    let writer: UserId = users::table.filter(users::login.eq("n2@immo9.fr")).select(users::id).first(conn).await?;
    let writer = load_current_user(conn, writer).await?;
    let today = now.date_naive();
    for article in ARTICLES {
        let entries: Vec<CatalogEntryId> = catalog_entries::table
            .filter(catalog_entries::code.eq_any(article.catalog))
            .select(catalog_entries::id)
            .load(conn)
            .await?;
        let draft = ArticleDraft {
            title: article.title.into(),
            summary: article.summary.into(),
            body_markdown: article.body.into(),
            audience: article.audience,
            domain: Some(article.domain),
            category: None,
            catalog_entries: entries,
            owner: None,
            review_on: today.checked_add_months(Months::new(article.review_in_months.max(1))).unwrap_or(today),
            archived: false,
            version: None,
        };
        let id = save(conn, &writer, None, draft, now).await?;
        if article.review_in_months == 0 {
            // Saving refuses a review date in the past; the demo shows some articles already due.
            diesel::update(app::db::schema::knowledge_articles::table.find(id))
                .set(app::db::schema::knowledge_articles::review_on.eq(today))
                .execute(conn)
                .await?;
        }
    }
    Ok(ARTICLES.len())
}

//! The demo's steering data: a banner for the Libourne agency and one for everyone, published through the
//! real service; answers to the surveys the sampling sent as the demo's tickets closed (two low ratings
//! followed up, one of them handled);
//! and Qualité's improvement actions.

use app::auth::db::load_current_user;
use app::campaigns::BannerForm;
use app::db::schema::{satisfaction_followups, survey_invitations, ticket_ratings, users};
use app::domain::campaign::{Audience, Severity};
use app::domain::ids::{SiteId, UserId};
use app::domain::people::Typology;
use app::error::AppResult;
use app::reports::ActionDraft;
use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Ratings given to the last closed tickets, newest first, with their comments.
const RATINGS: &[(i16, Option<&str>)] = &[
    (5, Some("Réglé en dix minutes au téléphone, merci !")),
    (2, Some("Trois relances avant d'avoir une réponse.")),
    (4, None),
    (1, Some("Résolu, mais j'ai dû rappeler deux fois pour réexpliquer le problème.")),
    (5, Some("Parfait.")),
    (4, Some("Technicien sympathique.")),
    (3, None),
    (5, None),
];

fn paris_local(at: DateTime<Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris).format("%Y-%m-%dT%H:%M").to_string()
}

pub async fn load(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<()> {
    let quality_id: UserId =
        users::table.filter(users::login.eq("qualite@immo9.fr")).select(users::id).first(conn).await?;
    let quality = load_current_user(conn, quality_id).await?;
    let libourne: SiteId = app::db::schema::sites::table
        .filter(app::db::schema::sites::code.eq("AG-LIBOURNE"))
        .select(app::db::schema::sites::id)
        .first(conn)
        .await?;
    let banners = [
        BannerForm {
            title: "Coupure réseau à l'agence de Libourne".into(),
            message: "L'opérateur remplace le routeur de l'agence : pas d'accès réseau ni de téléphone fixe jusqu'à 14 h. Le portail reste joignable en 4G.".into(),
            severity: Severity::Alert,
            audience: Audience { sites: vec![libourne], typologies: vec![] },
            starts_at: paris_local(now - TimeDelta::hours(1)),
            ends_at: paris_local(now + TimeDelta::days(2)),
        },
        BannerForm {
            title: "Nouvelle messagerie le 5 décembre".into(),
            message: "Vos mails passent sur la nouvelle messagerie le week-end du 5 décembre ; rien à faire de votre côté, vos dossiers suivent.".into(),
            severity: Severity::Info,
            audience: Audience { sites: vec![], typologies: vec![Typology::HeadOffice, Typology::Direction, Typology::Agency] },
            starts_at: paris_local(now - TimeDelta::hours(2)),
            ends_at: paris_local(now + TimeDelta::days(7)),
        },
    ];
    for banner in banners {
        app::campaigns::service::publish(conn, &quality, banner, now).await?;
    }

    // The surveys the sampling sent as the demo's tickets were closed, newest first: most are answered.
    let invited: Vec<(i64, DateTime<Utc>)> = survey_invitations::table
        .filter(survey_invitations::answered_at.is_null())
        .filter(survey_invitations::invited_at.ge(now - TimeDelta::days(30)))
        .filter(survey_invitations::invited_at.le(now - TimeDelta::hours(3)))
        .order(survey_invitations::invited_at.desc())
        .select((survey_invitations::ticket_id, survey_invitations::invited_at))
        .load(conn)
        .await?;
    let mut surveyed = invited.into_iter();
    for (index, (rating, comment)) in RATINGS.iter().enumerate() {
        let Some((ticket, invited_at)) = surveyed.next() else { break };
        let rated_at = invited_at + TimeDelta::hours(3);
        diesel::update(survey_invitations::table.find(ticket))
            .set(survey_invitations::answered_at.eq(rated_at))
            .execute(conn)
            .await?;
        diesel::insert_into(ticket_ratings::table)
            .values((
                ticket_ratings::ticket_id.eq(ticket),
                ticket_ratings::rating.eq(rating),
                ticket_ratings::comment.eq(comment),
                ticket_ratings::rated_at.eq(rated_at),
            ))
            .execute(conn)
            .await?;
        if *rating <= 2 {
            // The older low rating has been handled; the newer one waits for Qualité.
            let handled = index > 2;
            diesel::insert_into(satisfaction_followups::table)
                .values((
                    satisfaction_followups::ticket_id.eq(ticket),
                    satisfaction_followups::opened_at.eq(rated_at),
                    satisfaction_followups::status.eq(if handled { "TRAITE" } else { "A_TRAITER" }),
                    satisfaction_followups::note.eq(handled.then_some(
                        "Rappelée le lendemain, excuses présentées : le Front Office note désormais le contexte dès le premier appel.",
                    )),
                    satisfaction_followups::handled_by.eq(handled.then_some(quality_id.0)),
                    satisfaction_followups::handled_at.eq(handled.then_some(rated_at + TimeDelta::days(1))),
                ))
                .execute(conn)
                .await?;
        }
    }

    let owners: Vec<(String, UserId)> = users::table
        .filter(users::login.eq_any(["qualite@immo9.fr", "superviseur@immo9.fr", "atelier@immo9.fr"]))
        .select((users::login, users::id))
        .load(conn)
        .await?;
    let owner_of = |login: &str| owners.iter().find(|(l, _)| l == login).map_or(quality_id.0, |(_, id)| id.0);
    let due = |days: i64| (now + TimeDelta::days(days)).date_naive().to_string();
    let actions = [
        ActionDraft {
            title: "Relancer les tickets d'impression en attente depuis plus de 3 jours".into(),
            description: "Deux notes basses sur des imprimantes d'agence : une relance automatique à J+2 et un point hebdomadaire avec le prestataire.".into(),
            owner_id: owner_of("superviseur@immo9.fr"),
            due_on: due(14),
        },
        ActionDraft {
            title: "Fiche de restitution du matériel à l'Atelier".into(),
            description: "Lister les accessoires (sacoche, chargeur, souris) à l'entrée et à la sortie de l'Atelier.".into(),
            owner_id: owner_of("atelier@immo9.fr"),
            due_on: due(7),
        },
        ActionDraft {
            title: "Article « Mot de passe expiré » à enrichir".into(),
            description: "Les demandes de réinitialisation restent nombreuses : ajouter la procédure depuis un smartphone.".into(),
            owner_id: owner_of("qualite@immo9.fr"),
            due_on: String::new(),
        },
    ];
    for action in actions {
        app::reports::service::record_action(conn, &quality, action, now).await?;
    }
    Ok(())
}

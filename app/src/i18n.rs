//! Every sentence the product shows people, in one place. French today; English is a second `Texts` value.
//!
//! Labels of domain codes (roles, poles, typologies…) are here too, so the domain stays language-free.

use crate::domain::access::Area;
use crate::domain::people::{Pole, Role, SiteKind, Typology};

pub struct Texts {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,

    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub login_field: &'static str,
    pub login_field_hint: &'static str,
    pub password_field: &'static str,
    pub login_submit: &'static str,
    pub login_pending: &'static str,
    pub login_missing: &'static str,
    pub password_missing: &'static str,

    pub home_greeting: &'static str,
    pub home_profile: &'static str,
    pub home_site: &'static str,
    pub home_typology: &'static str,
    pub home_roles: &'static str,
    pub home_pole: &'static str,
    pub home_your_areas: &'static str,
    pub home_support_title: &'static str,
    pub home_support_text: &'static str,
    pub home_pole_mission: &'static str,

    pub teams_title: &'static str,
    pub teams_intro: &'static str,
    pub teams_members: &'static str,
    pub teams_no_member: &'static str,
    pub teams_level: &'static str,

    pub admin_title: &'static str,
    pub admin_accounts: &'static str,
    pub admin_sites: &'static str,
    pub col_name: &'static str,
    pub col_login: &'static str,
    pub col_site: &'static str,
    pub col_roles: &'static str,
    pub col_pole: &'static str,
    pub col_status: &'static str,
    pub col_actions: &'static str,
    pub col_kind: &'static str,
    pub col_city: &'static str,
    pub col_code: &'static str,
    pub col_phone: &'static str,
    pub account_active: &'static str,
    pub account_disabled: &'static str,
    pub account_disable: &'static str,
    pub account_enable: &'static str,
    pub account_cannot_disable_self: &'static str,

    pub loading: &'static str,
    pub none: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,

    pub err_unauthenticated: &'static str,
    pub err_invalid_credentials: &'static str,
    pub err_account_disabled: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_unavailable: &'static str,
    pub err_internal: &'static str,
    pub err_network: &'static str,
    pub err_concurrent_write: &'static str,
}

pub static FR: Texts = Texts {
    app_name: "Immo9 Service Desk",
    app_tagline: "Le support informatique d'Immo9",
    skip_to_content: "Aller au contenu",
    nav_label: "Navigation principale",
    sign_out: "Se déconnecter",
    signed_in_as: "Connecté en tant que",

    login_title: "Connexion",
    login_intro: "Connectez-vous avec votre adresse e-mail Immo9 pour suivre vos demandes et contacter le support.",
    login_field: "Adresse e-mail",
    login_field_hint: "Par exemple : prenom.nom@immo9.fr",
    password_field: "Mot de passe",
    login_submit: "Se connecter",
    login_pending: "Connexion…",
    login_missing: "Saisissez votre adresse e-mail.",
    password_missing: "Saisissez votre mot de passe.",

    home_greeting: "Bonjour",
    home_profile: "Votre profil",
    home_site: "Site",
    home_typology: "Profil",
    home_roles: "Rôles",
    home_pole: "Pôle",
    home_your_areas: "Vos espaces",
    home_support_title: "Joindre le support",
    home_support_text: "Le Front Office répond au 05 56 00 19 19 (poste 1919) du lundi au vendredi de 8 h à 18 h, \
        et le samedi de 9 h à 12 h pour les agences.",
    home_pole_mission: "Mission de votre pôle",

    teams_title: "Pôles et équipes",
    teams_intro: "Qui fait quoi au support : la mission de chaque pôle et les personnes qui le composent.",
    teams_members: "Membres",
    teams_no_member: "Aucun membre pour l'instant.",
    teams_level: "Niveau",

    admin_title: "Administration",
    admin_accounts: "Comptes",
    admin_sites: "Sites",
    col_name: "Nom",
    col_login: "Identifiant",
    col_site: "Site",
    col_roles: "Rôles",
    col_pole: "Pôle",
    col_status: "État",
    col_actions: "Actions",
    col_kind: "Type",
    col_city: "Ville",
    col_code: "Code",
    col_phone: "Téléphone",
    account_active: "Actif",
    account_disabled: "Désactivé",
    account_disable: "Désactiver",
    account_enable: "Réactiver",
    account_cannot_disable_self: "Vous ne pouvez pas désactiver votre propre compte.",

    loading: "Chargement…",
    none: "—",
    not_found_title: "Page introuvable",
    not_found_text: "Cette adresse ne correspond à aucune page du service desk.",
    back_home: "Revenir à l'accueil",

    err_unauthenticated: "Votre session a expiré ou vous n'êtes pas connecté : connectez-vous pour continuer.",
    err_invalid_credentials: "Adresse e-mail ou mot de passe incorrect.",
    err_account_disabled: "Ce compte est désactivé. Appelez le Front Office au 05 56 00 19 19 pour le réactiver.",
    err_forbidden: "Vous n'avez pas les droits nécessaires pour cette action.",
    err_not_found: "Élément introuvable",
    err_unavailable: "Le service est momentanément indisponible. Réessayez dans quelques instants.",
    err_internal: "Une erreur inattendue s'est produite ; elle a été journalisée pour l'équipe technique.",
    err_network: "Le serveur n'a pas pu traiter la demande. Vérifiez votre connexion et réessayez.",
    err_concurrent_write: "Quelqu'un d'autre a modifié ces données en même temps : rechargez la page et recommencez.",
};

/// The texts of the current language.
pub fn t() -> &'static Texts {
    &FR
}

pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Requester => "Demandeur",
        Role::Agent => "Agent",
        Role::Supervisor => "Superviseur",
        Role::Quality => "Qualité",
        Role::CabMember => "Membre du CAB",
        Role::Admin => "Administrateur",
    }
}

pub fn pole_label(pole: Pole) -> &'static str {
    match pole {
        Pole::Front => "Front Office (N1)",
        Pole::Back => "Back Office (N2)",
        Pole::Expert => "Expert / Métier (N3)",
        Pole::Atelier => "Atelier",
        Pole::Quality => "Qualité",
    }
}

pub fn typology_label(typology: Typology) -> &'static str {
    match typology {
        Typology::Direction => "Direction (VIP)",
        Typology::HeadOffice => "Siège",
        Typology::Agency => "Agence",
        Typology::ConstructionSite => "Chantier",
        Typology::NewHire => "Nouvel arrivant",
        Typology::External => "Externe",
    }
}

pub fn site_kind_label(kind: SiteKind) -> &'static str {
    match kind {
        SiteKind::HeadOffice => "Siège",
        SiteKind::Agency => "Agence",
        SiteKind::ConstructionSite => "Chantier",
    }
}

pub fn area_label(area: Area) -> &'static str {
    match area {
        Area::Home => "Accueil",
        Area::Teams => "Pôles et équipes",
        Area::Administration => "Administration",
    }
}

pub fn area_description(area: Area) -> &'static str {
    match area {
        Area::Home => "Votre tableau de bord et les coordonnées du support.",
        Area::Teams => "La mission de chaque pôle du support et ses membres.",
        Area::Administration => "Les comptes, leurs rôles et les sites d'Immo9.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_non_empty_french_label() {
        assert!(Role::ALL.iter().all(|r| !role_label(*r).is_empty()));
        assert!(Pole::ALL.iter().all(|p| !pole_label(*p).is_empty()));
        assert!(Typology::ALL.iter().all(|ty| !typology_label(*ty).is_empty()));
        assert!(SiteKind::ALL.iter().all(|k| !site_kind_label(*k).is_empty()));
        assert!(Area::ALL.iter().all(|a| !area_label(*a).is_empty() && !area_description(*a).is_empty()));
    }
}

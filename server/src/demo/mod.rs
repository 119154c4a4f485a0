//! The Immo9 demo data: the head office, the 12 agencies, two construction sites, and one account per role
//! (password `demo`, listed in README.md). Loaded in one transaction, only into a database without accounts.

use app::auth::service::hash_password;
use app::db::schema::{agent_schedules, users};
use app::directory::db::{NewSite, NewUser, count_users};
use app::domain::people::{Pole, Role, SiteKind, Typology};
use app::error::AppError;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

mod activities;
mod catalog;
mod history;
mod knowledge;
mod steering;
pub mod volume;

/// The password of every demo account. Demo data only: never loaded into a database that has accounts.
pub const DEMO_PASSWORD: &str = "demo";

/// Two instances starting together on an empty database must not both load the demo.
const DEMO_LOCK_KEY: i64 = 7_469_312_002;

struct DemoSite {
    code: &'static str,
    name: &'static str,
    kind: SiteKind,
    city: &'static str,
}

const SITES: &[DemoSite] = &[
    DemoSite { code: "SIEGE-BDX", name: "Siège Bordeaux", kind: SiteKind::HeadOffice, city: "Bordeaux" },
    DemoSite { code: "AG-ARCACHON", name: "Agence Arcachon", kind: SiteKind::Agency, city: "Arcachon" },
    DemoSite { code: "AG-MERIGNAC", name: "Agence Mérignac", kind: SiteKind::Agency, city: "Mérignac" },
    DemoSite { code: "AG-PESSAC", name: "Agence Pessac", kind: SiteKind::Agency, city: "Pessac" },
    DemoSite { code: "AG-LIBOURNE", name: "Agence Libourne", kind: SiteKind::Agency, city: "Libourne" },
    DemoSite { code: "AG-LANGON", name: "Agence Langon", kind: SiteKind::Agency, city: "Langon" },
    DemoSite { code: "AG-BLAYE", name: "Agence Blaye", kind: SiteKind::Agency, city: "Blaye" },
    DemoSite { code: "AG-TALENCE", name: "Agence Talence", kind: SiteKind::Agency, city: "Talence" },
    DemoSite { code: "AG-CENON", name: "Agence Cenon", kind: SiteKind::Agency, city: "Cenon" },
    DemoSite { code: "AG-LORMONT", name: "Agence Lormont", kind: SiteKind::Agency, city: "Lormont" },
    DemoSite {
        code: "AG-SAINT-MEDARD",
        name: "Agence Saint-Médard",
        kind: SiteKind::Agency,
        city: "Saint-Médard-en-Jalles",
    },
    DemoSite { code: "AG-LACANAU", name: "Agence Lacanau", kind: SiteKind::Agency, city: "Lacanau" },
    DemoSite { code: "AG-LE-BOUSCAT", name: "Agence Le Bouscat", kind: SiteKind::Agency, city: "Le Bouscat" },
    DemoSite {
        code: "CH-TERRASSES-LAC",
        name: "Chantier Les Terrasses du Lac",
        kind: SiteKind::ConstructionSite,
        city: "Bordeaux",
    },
    DemoSite {
        code: "CH-RESIDENCE-GARONNE",
        name: "Chantier Résidence Garonne",
        kind: SiteKind::ConstructionSite,
        city: "Bègles",
    },
];

pub struct DemoAccount {
    pub login: &'static str,
    pub display_name: &'static str,
    pub phone: Option<&'static str>,
    pub site_code: &'static str,
    pub typology: Typology,
    pub pole: Option<Pole>,
    pub roles: &'static [Role],
    /// Who approves this person's catalog requests.
    pub manager: Option<&'static str>,
}

pub const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        login: "employe@immo9.fr",
        display_name: "Camille Martin",
        phone: Some("05 57 25 10 42"),
        site_code: "AG-LIBOURNE",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("manager@immo9.fr"),
    },
    DemoAccount {
        login: "n1@immo9.fr",
        display_name: "Nadia Benali",
        phone: Some("05 56 00 19 11"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: Some(Pole::Front),
        roles: &[Role::Agent],
        manager: None,
    },
    DemoAccount {
        login: "n2@immo9.fr",
        display_name: "Thomas Lefèvre",
        phone: Some("05 56 00 19 21"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: Some(Pole::Back),
        roles: &[Role::Agent],
        manager: None,
    },
    DemoAccount {
        login: "expert@immo9.fr",
        display_name: "Julien Moreau",
        phone: Some("05 56 00 19 31"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: Some(Pole::Expert),
        roles: &[Role::Agent],
        manager: None,
    },
    DemoAccount {
        login: "atelier@immo9.fr",
        display_name: "Sébastien Roux",
        phone: Some("05 56 00 19 41"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: Some(Pole::Atelier),
        roles: &[Role::Agent],
        manager: None,
    },
    DemoAccount {
        login: "superviseur@immo9.fr",
        display_name: "Isabelle Garnier",
        phone: Some("05 56 00 19 10"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: Some(Pole::Front),
        roles: &[Role::Agent, Role::Supervisor],
        manager: None,
    },
    DemoAccount {
        login: "qualite@immo9.fr",
        display_name: "Claire Dubois",
        phone: Some("05 56 00 19 51"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: Some(Pole::Quality),
        roles: &[Role::Quality],
        manager: None,
    },
    DemoAccount {
        login: "cab@immo9.fr",
        display_name: "Hélène Fabre",
        phone: Some("05 56 00 19 01"),
        site_code: "SIEGE-BDX",
        typology: Typology::Direction,
        pole: None,
        roles: &[Role::CabMember],
        manager: None,
    },
    // The head of the Libourne agency: approves Camille Martin's requests and follows the agency's tickets.
    DemoAccount {
        login: "manager@immo9.fr",
        display_name: "Philippe Roche",
        phone: Some("05 57 25 10 40"),
        site_code: "AG-LIBOURNE",
        typology: Typology::Agency,
        pole: None,
        roles: &[Role::SiteDelegate],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    // Employees of the sites, who raised the sample activities.
    DemoAccount {
        login: "sophie.delmas@immo9.fr",
        display_name: "Sophie Delmas",
        phone: Some("05 56 00 10 01"),
        site_code: "SIEGE-BDX",
        typology: Typology::Direction,
        pole: None,
        roles: &[],
        manager: None,
    },
    DemoAccount {
        login: "julie.perrin@immo9.fr",
        display_name: "Julie Perrin",
        phone: Some("05 56 00 12 34"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "lucas.bernard@immo9.fr",
        display_name: "Lucas Bernard",
        phone: Some("05 57 52 10 10"),
        site_code: "AG-ARCACHON",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "emma.petit@immo9.fr",
        display_name: "Emma Petit",
        phone: Some("05 56 34 10 10"),
        site_code: "AG-MERIGNAC",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "hugo.robert@immo9.fr",
        display_name: "Hugo Robert",
        phone: Some("05 56 45 10 10"),
        site_code: "AG-PESSAC",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "lea.richard@immo9.fr",
        display_name: "Léa Richard",
        phone: Some("05 56 63 10 10"),
        site_code: "AG-LANGON",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "louis.durand@immo9.fr",
        display_name: "Louis Durand",
        phone: Some("05 57 42 10 10"),
        site_code: "AG-BLAYE",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "chloe.moreau@immo9.fr",
        display_name: "Chloé Moreau",
        phone: Some("05 56 80 10 10"),
        site_code: "AG-TALENCE",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "nathan.simon@immo9.fr",
        display_name: "Nathan Simon",
        phone: Some("05 56 86 10 10"),
        site_code: "AG-CENON",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "manon.laurent@immo9.fr",
        display_name: "Manon Laurent",
        phone: Some("05 56 06 10 10"),
        site_code: "AG-LORMONT",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "theo.michel@immo9.fr",
        display_name: "Théo Michel",
        phone: Some("05 56 05 10 10"),
        site_code: "AG-SAINT-MEDARD",
        typology: Typology::Agency,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "karim.haddad@immo9.fr",
        display_name: "Karim Haddad",
        phone: Some("06 12 34 56 78"),
        site_code: "CH-TERRASSES-LAC",
        typology: Typology::ConstructionSite,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "pierre.fontaine@immo9.fr",
        display_name: "Pierre Fontaine",
        phone: Some("06 23 45 67 89"),
        site_code: "CH-RESIDENCE-GARONNE",
        typology: Typology::ConstructionSite,
        pole: None,
        roles: &[],
        manager: Some("sophie.delmas@immo9.fr"),
    },
    DemoAccount {
        login: "admin@immo9.fr",
        display_name: "Marc Lambert",
        phone: Some("05 56 00 19 00"),
        site_code: "SIEGE-BDX",
        typology: Typology::HeadOffice,
        pole: None,
        roles: &[Role::Admin],
        manager: None,
    },
];

/// What [`load_if_empty`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum DemoOutcome {
    Loaded { sites: usize, accounts: usize, tickets: usize },
    SkippedDatabaseNotEmpty,
}

/// Loads the demo data unless the database already has accounts. All or nothing.
/// The sample week of tickets is moved to end just before `now`, after six weeks of closed history.
pub async fn load_if_empty(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<DemoOutcome, AppError> {
    // Hash outside the transaction: Argon2 is deliberately slow and would hold the lock.
    let hashes: Vec<String> =
        tokio::task::spawn_blocking(|| ACCOUNTS.iter().map(|_| hash_password(DEMO_PASSWORD)).collect())
            .await
            .map_err(|_| AppError::internal("password hashing task failed"))?;
    conn.transaction(async |conn| {
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({DEMO_LOCK_KEY})")).execute(conn).await?;
        if count_users(conn).await? > 0 {
            return Ok(DemoOutcome::SkippedDatabaseNotEmpty);
        }
        let mut site_ids = HashMap::new();
        for site in SITES {
            let id =
                NewSite { code: site.code, name: site.name, kind: site.kind, city: site.city }.insert(conn).await?;
            site_ids.insert(site.code, id);
        }
        let mut user_ids = HashMap::new();
        for (account, password_hash) in ACCOUNTS.iter().zip(hashes) {
            let id = NewUser {
                login: account.login,
                display_name: account.display_name,
                phone: account.phone,
                password_hash,
                site_id: site_ids[account.site_code],
                typology: account.typology,
                pole: account.pole,
                roles: account.roles,
            }
            .create(conn)
            .await?;
            user_ids.insert(account.login, id);
        }
        for account in ACCOUNTS {
            if let Some(manager) = account.manager {
                diesel::update(users::table.find(user_ids[account.login]))
                    .set(users::manager_id.eq(Some(user_ids[manager])))
                    .execute(conn)
                    .await?;
            }
        }
        // The Atelier's technician works short days, Monday to Thursday: the backlog page counts it.
        diesel::insert_into(agent_schedules::table)
            .values((
                agent_schedules::user_id.eq(user_ids["atelier@immo9.fr"]),
                agent_schedules::week.eq(serde_json::json!([
                    "08:00-12:00,13:00-15:30",
                    "08:00-12:00,13:00-15:30",
                    "08:00-12:00,13:00-15:30",
                    "08:00-12:00,13:00-15:30",
                    "",
                    "",
                    ""
                ])),
            ))
            .execute(conn)
            .await?;
        // History first: it ends where the sample week begins, and takes the earlier references.
        let tickets = history::load(conn, activities::sample_start(now)?).await?
            + activities::load(conn, now).await?
            + catalog::load(conn, now).await?;
        knowledge::load(conn, now).await?;
        steering::load(conn, now).await?;
        // The escalations of the week, fired when they fell due, as a running desk would have.
        app::sla::clocks::escalate_as_if_running(conn, now).await?;
        Ok(DemoOutcome::Loaded { sites: SITES.len(), accounts: ACCOUNTS.len(), tickets })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_has_the_head_office_twelve_agencies_and_sites() {
        let count = |kind| SITES.iter().filter(|site| site.kind == kind).count();
        assert_eq!(count(SiteKind::HeadOffice), 1);
        assert_eq!(count(SiteKind::Agency), 12);
        assert!(count(SiteKind::ConstructionSite) >= 1);
    }

    #[test]
    fn every_demo_account_lives_on_a_demo_site_and_every_role_is_covered() {
        for account in ACCOUNTS {
            assert!(SITES.iter().any(|site| site.code == account.site_code), "{}", account.login);
        }
        for account in ACCOUNTS.iter().filter_map(|account| account.manager) {
            assert!(ACCOUNTS.iter().any(|other| other.login == account), "unknown manager {account}");
        }
        for role in Role::ALL.iter().filter(|role| **role != Role::Requester) {
            assert!(ACCOUNTS.iter().any(|account| account.roles.contains(role)), "no demo account is {role:?}");
        }
        for pole in [Pole::Front, Pole::Back, Pole::Expert, Pole::Atelier, Pole::Quality] {
            assert!(ACCOUNTS.iter().any(|account| account.pole == Some(pole)), "no demo agent in {pole:?}");
        }
    }
}

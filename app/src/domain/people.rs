//! Who people are to the service desk: their roles, their pole, their typology and the kind of site they work at.

use crate::code_enum;

code_enum! {
    /// What a person may do. A person holds one or more roles; everyone may at least request.
    pub enum Role {
        /// An employee who opens requests and follows them.
        Requester = "DEMANDEUR",
        /// Follows every ticket of their site: a relay in an agency or on a construction site.
        SiteDelegate = "DELEGUE",
        /// A member of a support pole who treats tickets.
        Agent = "AGENT",
        /// Leads a pole: hierarchical escalations, reassignments, backlog alerts.
        Supervisor = "SUPERVISEUR",
        /// Statistics, service levels, continuous improvement, campaigns.
        Quality = "QUALITE",
        /// Change advisory board: approves changes.
        CabMember = "CAB",
        /// Maintains the referential, the catalog, the policies and the accounts.
        Admin = "ADMIN",
    }
}

code_enum! {
    /// The support poles, the routing targets of PRODUCT.md.
    pub enum Pole {
        Front = "FRONT",
        Back = "BACK",
        Expert = "EXPERT",
        Atelier = "ATELIER",
        Quality = "QUALITE",
    }
}

impl Pole {
    /// The support level of a pole in the functional escalation chain (N1 → N2 → N3), where it has one.
    pub const fn level(self) -> Option<u8> {
        match self {
            Pole::Front => Some(1),
            Pole::Back => Some(2),
            Pole::Expert => Some(3),
            Pole::Atelier | Pole::Quality => None,
        }
    }
}

code_enum! {
    /// Requester typologies, each with its own handling (a VIP is bumped, site staff are called back…).
    pub enum Typology {
        Direction = "DIRECTION",
        HeadOffice = "SIEGE",
        Agency = "AGENCE",
        ConstructionSite = "CHANTIER",
        NewHire = "NOUVEL_ARRIVANT",
        External = "EXTERNE",
    }
}

code_enum! {
    /// The kinds of Immo9 sites; each comes with its own business calendar.
    pub enum SiteKind {
        HeadOffice = "SIEGE",
        Agency = "AGENCE",
        ConstructionSite = "CHANTIER",
    }
}

/// The set of roles a signed-in person holds. Requester is implied: every account may open requests.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Roles(Vec<Role>);

impl Roles {
    /// Builds the set, sorted and without repeats, always including [`Role::Requester`].
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Self {
        let mut all: Vec<Role> = roles.into_iter().chain([Role::Requester]).collect();
        all.sort();
        all.dedup();
        Roles(all)
    }

    pub fn has(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|role| self.has(*role))
    }

    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }

    /// The role that best describes the person, for labels: the most powerful one they hold.
    pub fn main(&self) -> Role {
        self.0.iter().copied().max().unwrap_or(Role::Requester)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_always_include_requester_and_never_repeat() {
        let roles = Roles::new([Role::Admin, Role::Agent, Role::Admin]);
        assert_eq!(roles.iter().collect::<Vec<_>>(), vec![Role::Requester, Role::Agent, Role::Admin]);
        assert!(Roles::new([]).has(Role::Requester));
    }

    #[test]
    fn the_main_role_is_the_most_powerful() {
        let cases = [
            (vec![], Role::Requester),
            (vec![Role::Agent], Role::Agent),
            (vec![Role::Agent, Role::Supervisor], Role::Supervisor),
            (vec![Role::Quality, Role::Admin], Role::Admin),
        ];
        for (held, expected) in cases {
            assert_eq!(Roles::new(held.clone()).main(), expected, "roles {held:?}");
        }
    }

    #[test]
    fn only_the_escalation_chain_has_levels() {
        let levels: Vec<_> = Pole::ALL.iter().map(|pole| (pole.code(), pole.level())).collect();
        assert_eq!(
            levels,
            vec![("FRONT", Some(1)), ("BACK", Some(2)), ("EXPERT", Some(3)), ("ATELIER", None), ("QUALITE", None)]
        );
    }

    #[test]
    fn codes_match_the_product_referential() {
        let poles: Vec<_> = Pole::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(poles, ["FRONT", "BACK", "EXPERT", "ATELIER", "QUALITE"]);
        assert_eq!(Typology::ALL.len(), 6);
        assert_eq!(SiteKind::ALL.len(), 3);
    }
}

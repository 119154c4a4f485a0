//! Who may open which area of the product. The navigation shows exactly these areas, and every server
//! function of an area checks the same rule, so hiding a link is never the only protection.

use super::people::{Role, Roles};
use crate::code_enum;

code_enum! {
    /// The areas of the product that have pages today. An area joins this list when its pages exist.
    pub enum Area {
        Home = "ACCUEIL",
        Catalog = "CATALOGUE",
        MyRequests = "MES_DEMANDES",
        Knowledge = "CONNAISSANCES",
        Queues = "FILES",
        Teams = "EQUIPES",
        Steering = "PILOTAGE",
        SlaMatrix = "MATRICE_SLA",
        Administration = "ADMINISTRATION",
    }
}

crate::code_enum! {
    /// The pages of the steering area, which share one row of tabs.
    pub enum SteeringPage {
        Backlog = "CHARGE",
        Kpis = "INDICATEURS",
        Report = "RAPPORT",
        Satisfaction = "SATISFACTION",
        Campaigns = "CAMPAGNES",
    }
}

impl SteeringPage {
    pub const fn path(self) -> &'static str {
        match self {
            SteeringPage::Backlog => Area::Steering.path(),
            SteeringPage::Kpis => "/pilotage/indicateurs",
            SteeringPage::Report => "/pilotage/rapport",
            SteeringPage::Satisfaction => "/pilotage/satisfaction",
            SteeringPage::Campaigns => "/pilotage/campagnes",
        }
    }
}

impl Area {
    /// The path of the area's first page.
    pub const fn path(self) -> &'static str {
        match self {
            Area::Home => "/",
            Area::Catalog => "/catalogue",
            Area::MyRequests => "/mes-demandes",
            Area::Knowledge => "/connaissances",
            Area::Queues => "/tickets",
            Area::Teams => "/equipes",
            Area::Steering => "/pilotage",
            Area::SlaMatrix => "/matrice-sla",
            Area::Administration => "/administration",
        }
    }

    /// The roles that open the area; `None` means every signed-in person.
    const fn required_roles(self) -> Option<&'static [Role]> {
        match self {
            Area::Home | Area::Catalog | Area::MyRequests | Area::Knowledge => None,
            Area::Queues => Some(&[Role::Agent, Role::Supervisor, Role::Quality, Role::Admin]),
            Area::Teams => Some(&[Role::Agent, Role::Supervisor, Role::Quality, Role::Admin]),
            Area::Steering | Area::SlaMatrix => Some(&[Role::Supervisor, Role::Quality, Role::Admin]),
            Area::Administration => Some(&[Role::Admin]),
        }
    }

    pub fn is_open_to(self, roles: &Roles) -> bool {
        self.required_roles().is_none_or(|required| roles.has_any(required))
    }

    /// The areas the navigation offers to someone holding `roles`, in menu order.
    pub fn visible_to(roles: &Roles) -> Vec<Area> {
        Area::ALL.iter().copied().filter(|area| area.is_open_to(roles)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo persona against every area: the table the navigation and the server both follow.
    #[test]
    fn each_role_opens_exactly_its_areas() {
        use Area::*;
        let table: &[(&[Role], &[Area])] = &[
            (&[], &[Home, Catalog, MyRequests, Knowledge]),
            (&[Role::SiteDelegate], &[Home, Catalog, MyRequests, Knowledge]),
            (&[Role::Agent], &[Home, Catalog, MyRequests, Knowledge, Queues, Teams]),
            (&[Role::Supervisor], &[Home, Catalog, MyRequests, Knowledge, Queues, Teams, Steering, SlaMatrix]),
            (&[Role::Quality], &[Home, Catalog, MyRequests, Knowledge, Queues, Teams, Steering, SlaMatrix]),
            (&[Role::CabMember], &[Home, Catalog, MyRequests, Knowledge]),
            (
                &[Role::Admin],
                &[Home, Catalog, MyRequests, Knowledge, Queues, Teams, Steering, SlaMatrix, Administration],
            ),
            (
                &[Role::Agent, Role::Admin],
                &[Home, Catalog, MyRequests, Knowledge, Queues, Teams, Steering, SlaMatrix, Administration],
            ),
        ];
        for (held, expected) in table {
            let roles = Roles::new(held.iter().copied());
            assert_eq!(Area::visible_to(&roles), expected.to_vec(), "roles {held:?}");
            for area in Area::ALL {
                assert_eq!(area.is_open_to(&roles), expected.contains(area), "{held:?} × {area:?}");
            }
        }
    }

    #[test]
    fn every_area_has_a_distinct_path() {
        let mut paths: Vec<_> = Area::ALL.iter().map(|a| a.path()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), Area::ALL.len());
    }
}

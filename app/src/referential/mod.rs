//! The support referential and the request catalog: typologies and their handling, the taxonomy, the
//! technical environment, the priority matrix and rules, and the catalog entries with their forms. Admins
//! edit them (every change lands in the audit log); the portal and the qualification read them.

pub mod admin;
pub mod api;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::catalog::{FormField, fold_for_search};
use crate::domain::ids::{CatalogEntryId, CategoryId, EnvironmentId};
use crate::domain::people::{Pole, Typology};
use crate::domain::qualification::{Criticality, EnvironmentKind, Impact, PriorityMatrix, QualificationRules, Urgency};
use crate::domain::ticket::{Kind, ServiceDomain};
use serde::{Deserialize, Serialize};

/// A requester typology and how the desk handles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypologyRule {
    pub typology: Typology,
    pub handling: String,
    pub raises_incident_priority: bool,
    pub call_back_by_phone: bool,
}

/// A category (no parent) or a sub-category of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: Option<CategoryId>,
    pub domain: ServiceDomain,
    pub parent: Option<CategoryId>,
    pub code: String,
    pub label: String,
    pub default_pole: Pole,
    pub allowed_kinds: Vec<Kind>,
    pub active: bool,
}

/// An application, a service or an asset class, with how much the business depends on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvironmentItem {
    pub id: Option<EnvironmentId>,
    pub kind: EnvironmentKind,
    pub code: String,
    pub label: String,
    pub description: String,
    pub domain: ServiceDomain,
    pub criticality: Criticality,
    pub active: bool,
}

/// The lifecycle's delays: when an unanswered question is recalled, how often, and when an unconfirmed
/// resolution closes by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowDelays {
    pub reminder_delay_hours: i32,
    pub max_reminders: i32,
    pub confirmation_delay_hours: i32,
}

/// Everything qualification reads, and the lifecycle's delays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referential {
    pub typologies: Vec<TypologyRule>,
    pub categories: Vec<Category>,
    pub environment: Vec<EnvironmentItem>,
    pub matrix: PriorityMatrix,
    pub rules: QualificationRules,
    pub delays: WorkflowDelays,
}

impl Referential {
    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == Some(id))
    }

    pub fn environment_item(&self, id: EnvironmentId) -> Option<&EnvironmentItem> {
        self.environment.iter().find(|e| e.id == Some(id))
    }

    /// "Domaine › catégorie › sous-catégorie" for a category id.
    pub fn category_path(&self, id: CategoryId) -> Option<String> {
        let category = self.category(id)?;
        let parent = category.parent.and_then(|parent| self.category(parent));
        Some(match parent {
            Some(parent) => format!("{} › {}", parent.label, category.label),
            None => category.label.clone(),
        })
    }
}

/// A predefined request type of the catalog, with its form and its defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub id: Option<CatalogEntryId>,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub domain: ServiceDomain,
    pub category: Option<CategoryId>,
    pub kind: Kind,
    pub impact: Impact,
    pub urgency: Urgency,
    pub pole: Pole,
    pub requires_approval: bool,
    pub keywords: String,
    pub fields: Vec<FormField>,
    pub active: bool,
    /// How many requests were made from it (most used first on the portal).
    #[serde(default)]
    pub usage: i64,
}

impl CatalogEntry {
    /// The text the portal's search looks into, folded once.
    pub fn search_text(&self) -> String {
        fold_for_search(&format!(
            "{} {} {} {}",
            self.title,
            self.summary,
            self.keywords,
            crate::i18n::domain_label(self.domain)
        ))
    }
}

/// The catalog as the portal shows it: domains by total use, entries by use, each domain's entries
/// keeping their admin-set order between equals.
pub fn group_for_portal(entries: &[CatalogEntry]) -> Vec<(ServiceDomain, Vec<CatalogEntry>)> {
    let mut groups: Vec<(ServiceDomain, Vec<CatalogEntry>)> = ServiceDomain::ALL
        .iter()
        .map(|domain| (*domain, entries.iter().filter(|e| e.domain == *domain).cloned().collect::<Vec<_>>()))
        .filter(|(_, entries)| !entries.is_empty())
        .collect();
    for (_, entries) in &mut groups {
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.usage));
    }
    groups.sort_by_key(|(_, entries)| std::cmp::Reverse(entries.iter().map(|e| e.usage).sum::<i64>()));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: &str, domain: ServiceDomain, usage: i64) -> CatalogEntry {
        CatalogEntry {
            id: None,
            code: code.into(),
            title: code.into(),
            summary: String::new(),
            domain,
            category: None,
            kind: Kind::Request,
            impact: Impact::User,
            urgency: Urgency::Normal,
            pole: Pole::Front,
            requires_approval: false,
            keywords: String::new(),
            fields: vec![],
            active: true,
            usage,
        }
    }

    #[test]
    fn the_portal_shows_the_most_used_domains_and_entries_first() {
        let entries = [
            entry("A", ServiceDomain::Workstation, 1),
            entry("B", ServiceDomain::Workstation, 0),
            entry("C", ServiceDomain::Network, 5),
            entry("D", ServiceDomain::Workstation, 3),
            entry("E", ServiceDomain::Account, 0),
            entry("F", ServiceDomain::Account, 0),
        ];
        let groups: Vec<(ServiceDomain, String)> = group_for_portal(&entries)
            .into_iter()
            .map(|(domain, entries)| (domain, entries.iter().map(|e| e.code.as_str()).collect::<Vec<_>>().join(",")))
            .collect();
        assert_eq!(
            groups,
            vec![
                (ServiceDomain::Network, "C".to_owned()),
                (ServiceDomain::Workstation, "D,A,B".to_owned()),
                (ServiceDomain::Account, "E,F".to_owned()),
            ]
        );
    }

    #[test]
    fn an_entry_is_found_by_its_keywords_and_its_domain_name() {
        let mut vpn = entry("ACCES_VPN", ServiceDomain::Network, 0);
        vpn.title = "Accès VPN (télétravail)".into();
        vpn.keywords = "connexion a distance".into();
        let text = vpn.search_text();
        for query in ["vpn", "VPN", "teletravail", "distance", "réseau"] {
            assert!(crate::domain::catalog::matches_query(&text, query), "{query}");
        }
        assert!(!crate::domain::catalog::matches_query(&text, "imprimante"));
    }
}

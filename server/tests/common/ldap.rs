//! The project's OpenLDAP server for tests and benches (`slapd`, started by `cargo xtask test` or
//! `cargo xtask ldap start`): a subtree of its own per test, written as the server's administrator.

use ldap3::{LdapConnAsync, Mod};
use serde_json::{Value, json};
use std::collections::HashSet;

/// The password of every person the tests write into the directory.
pub const DIRECTORY_PASSWORD: &str = "Annuaire-2026!";

fn setting(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the tests with `cargo xtask test`, which starts the project's OpenLDAP server")
    })
}

/// A subtree of the test directory for one test, written as the directory's administrator.
pub struct TestDirectory {
    pub url: String,
    pub admin_dn: String,
    pub admin_password: String,
    pub base: String,
    pub ldap: ldap3::Ldap,
}

/// A person as a test writes them.
pub struct Person<'a> {
    pub uid: &'a str,
    pub name: &'a str,
    pub site: Option<&'a str>,
    pub manager: Option<&'a str>,
}

fn set(values: &[&str]) -> HashSet<String> {
    values.iter().map(|value| value.to_string()).collect()
}

impl TestDirectory {
    pub async fn new() -> TestDirectory {
        let url = setting("IMMO9_TEST_LDAP_URL");
        let admin_dn = setting("IMMO9_TEST_LDAP_ADMIN_DN");
        let admin_password = setting("IMMO9_TEST_LDAP_ADMIN_PASSWORD");
        let root = setting("IMMO9_TEST_LDAP_BASE");
        let (connection, mut ldap) = LdapConnAsync::new(&url).await.expect("the test directory answers");
        ldap3::drive!(connection);
        ldap.simple_bind(&admin_dn, &admin_password).await.unwrap().success().expect("admin bind");
        // A random name: tests of several binaries, and runs by hand, share the server.
        let unique = format!(
            "t{}",
            app::auth::service::SessionToken::generate().as_str().to_lowercase().replace(['-', '_'], "")
        );
        let base = format!("ou={unique},{root}");
        for (dn, ou) in [
            (base.clone(), unique.clone()),
            (format!("ou=people,{base}"), "people".into()),
            (format!("ou=groups,{base}"), "groups".into()),
        ] {
            ldap.add(
                &dn,
                vec![("objectClass".to_owned(), set(&["organizationalUnit"])), ("ou".to_owned(), set(&[&ou]))],
            )
            .await
            .unwrap()
            .success()
            .unwrap_or_else(|error| panic!("{dn}: {error}"));
        }
        TestDirectory { url, admin_dn, admin_password, base, ldap }
    }

    pub fn dn(&self, uid: &str) -> String {
        format!("uid={uid},ou=people,{}", self.base)
    }

    pub fn mail(&self, uid: &str) -> String {
        format!("{uid}@{}.immo9.fr", self.base.split(',').next().unwrap().trim_start_matches("ou="))
    }

    pub async fn add_person(&mut self, person: Person<'_>) {
        let mut attributes = vec![
            ("objectClass".to_owned(), set(&["inetOrgPerson"])),
            ("uid".to_owned(), set(&[person.uid])),
            ("cn".to_owned(), set(&[person.name])),
            ("sn".to_owned(), set(&[person.name.split(' ').next_back().unwrap()])),
            ("displayName".to_owned(), set(&[person.name])),
            ("mail".to_owned(), set(&[&self.mail(person.uid)])),
            ("telephoneNumber".to_owned(), set(&["05 56 00 00 01"])),
            ("title".to_owned(), set(&["Chargé d'opérations"])),
            ("userPassword".to_owned(), set(&[DIRECTORY_PASSWORD])),
        ];
        if let Some(site) = person.site {
            attributes.push(("l".to_owned(), set(&[site])));
        }
        if let Some(manager) = person.manager {
            attributes.push(("manager".to_owned(), set(&[&self.dn(manager)])));
        }
        let dn = self.dn(person.uid);
        self.ldap.add(&dn, attributes).await.unwrap().success().unwrap_or_else(|error| panic!("{dn}: {error}"));
    }

    pub async fn add_group(&mut self, name: &str, members: &[&str]) {
        let members: Vec<String> = members.iter().map(|uid| self.dn(uid)).collect();
        let dn = format!("cn={name},ou=groups,{}", self.base);
        let attributes = vec![
            ("objectClass".to_owned(), set(&["groupOfNames"])),
            ("cn".to_owned(), set(&[name])),
            ("member".to_owned(), members.into_iter().collect()),
        ];
        self.ldap.add(&dn, attributes).await.unwrap().success().unwrap_or_else(|error| panic!("{dn}: {error}"));
    }

    pub async fn replace(&mut self, uid: &str, attribute: &str, values: &[&str]) {
        let dn = self.dn(uid);
        let change = Mod::Replace(attribute.to_owned(), set(values));
        self.ldap.modify(&dn, vec![change]).await.unwrap().success().unwrap_or_else(|error| panic!("{dn}: {error}"));
    }

    pub async fn remove_person(&mut self, uid: &str) {
        let dn = self.dn(uid);
        self.ldap.delete(&dn).await.unwrap().success().unwrap_or_else(|error| panic!("{dn}: {error}"));
    }

    /// The settings an administrator would send for this subtree (the directory's administrator as the
    /// service account, which reads everything).
    pub fn settings(&self) -> Value {
        json!({
            "url": self.url,
            "bind_dn": self.admin_dn,
            "bind_password": self.admin_password,
            "base_dn": format!("ou=people,{}", self.base),
            "group_base_dn": format!("ou=groups,{}", self.base),
            "profile": "OPENLDAP",
            "group_roles": { "sd-front": ["AGENT:FRONT"], "sd-qualite": ["QUALITE"] },
            "attributes": { "disabled": "employeeType=inactif" },
        })
    }
}

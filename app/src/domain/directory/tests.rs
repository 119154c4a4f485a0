//! The directory's rules, table by table: escaping, attributes, grants, and the sync plan's cases.

use super::*;

#[test]
fn filter_values_are_escaped_as_rfc_4515_says() {
    let cases = [
        ("claire.martin", "claire.martin"),
        ("*", "\\2a"),
        ("a*)(uid=*", "a\\2a\\29\\28uid=\\2a"),
        ("x)(|(objectClass=*)", "x\\29\\28|\\28objectClass=\\2a\\29"),
        ("back\\slash", "back\\5cslash"),
        ("nul\0byte", "nul\\00byte"),
        ("Élodie Lefèvre", "Élodie Lefèvre"),
    ];
    for (value, expected) in cases {
        assert_eq!(escape_filter_value(value), expected, "value {value:?}");
    }
}

#[test]
fn a_sign_in_filter_cannot_be_widened_by_what_is_typed() {
    let ad = Attributes::for_profile(Profile::ActiveDirectory, &BTreeMap::new()).unwrap();
    assert_eq!(
        ad.sign_in_filter("*"),
        "(&(&(objectCategory=person)(objectClass=user))(|(mail=\\2a)(sAMAccountName=\\2a)(userPrincipalName=\\2a)))"
    );
    let ldap = Attributes::for_profile(Profile::OpenLdap, &BTreeMap::new()).unwrap();
    assert_eq!(
        ldap.sign_in_filter(" c.m@immo9.fr "),
        "(&(objectClass=inetOrgPerson)(|(mail=c.m@immo9.fr)(uid=c.m@immo9.fr)))"
    );
}

#[test]
fn profiles_set_the_attribute_defaults_and_overrides_replace_them() {
    let ad = Attributes::for_profile(Profile::ActiveDirectory, &BTreeMap::new()).unwrap();
    assert_eq!(ad.account_name, "sAMAccountName");
    assert_eq!(ad.site, ["physicalDeliveryOfficeName", "l"]);
    assert_eq!(ad.member_of.as_deref(), Some("memberOf"));
    assert_eq!(ad.disabled, DisabledRule::AccountControlBit);
    let ldap = Attributes::for_profile(Profile::OpenLdap, &BTreeMap::new()).unwrap();
    assert_eq!((ldap.account_name.as_str(), ldap.member_of.clone()), ("uid", None));
    assert_eq!(ldap.disabled, DisabledRule::Never);

    let overrides = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs.iter().map(|(key, value)| (key.to_string(), value.to_string())).collect()
    };
    type Case = (Vec<(&'static str, &'static str)>, Result<(), SettingsProblem>);
    let cases: Vec<Case> = vec![
        (vec![("disabled", "employeeType=inactif")], Ok(())),
        (vec![("disabled", "userAccountControl")], Ok(())),
        (vec![("site", "l, physicalDeliveryOfficeName")], Ok(())),
        (vec![("mail", "   ")], Ok(())),
        (vec![("person_filter", "(&(objectClass=person)(ou=Immo9))")], Ok(())),
        (vec![("mail", "mail)(uid=*")], Err(SettingsProblem::BadAttribute { key: "mail".into() })),
        (vec![("site", "l,(x)")], Err(SettingsProblem::BadAttribute { key: "site".into() })),
        (vec![("disabled", "=oui")], Err(SettingsProblem::BadDisabledRule)),
        (
            vec![("person_filter", "objectClass=person")],
            Err(SettingsProblem::BadFilter { key: "person_filter".into() }),
        ),
        (vec![("person_filter", "(a=b))(c=d")], Err(SettingsProblem::BadFilter { key: "person_filter".into() })),
        (vec![("colour", "blue")], Err(SettingsProblem::UnknownOverride("colour".into()))),
    ];
    for (pairs, expected) in cases {
        let result = Attributes::for_profile(Profile::OpenLdap, &overrides(&pairs)).map(|_| ());
        assert_eq!(result, expected, "overrides {pairs:?}");
    }
    let flagged = Attributes::for_profile(Profile::OpenLdap, &overrides(&[("disabled", "employeeType=inactif")]));
    assert_eq!(
        flagged.unwrap().disabled,
        DisabledRule::AttributeEquals { attribute: "employeeType".into(), value: "inactif".into() }
    );
}

#[test]
fn group_names_are_read_from_their_dn() {
    let cases = [
        ("CN=sd-front,OU=Groupes,DC=immo9,DC=fr", Some("sd-front")),
        ("cn=sd-back,ou=groups,dc=immo9,dc=test", Some("sd-back")),
        ("CN=Dupont\\, Jean,OU=x", Some("Dupont, Jean")),
        ("CN=Qualit\\C3\\A9,OU=g", Some("Qualité")),
        ("CN=bad\\FF", None),
        ("CN=a+OU=b,DC=c", Some("a")),
        ("", None),
        ("nonsense", None),
    ];
    for (dn, expected) in cases {
        assert_eq!(group_name_of_dn(dn).as_deref(), expected, "dn {dn:?}");
    }
    assert!(same_dn("uid=a, ou=People,dc=immo9", "UID=A,ou=people, DC=Immo9"));
}

fn rules() -> GroupRules {
    let roles: BTreeMap<String, Vec<String>> = [
        ("sd-front", vec!["AGENT:FRONT"]),
        ("sd-back", vec!["AGENT:BACK", "SUPERVISEUR:BACK"]),
        ("sd-qualite", vec!["QUALITE"]),
        ("Direction", vec!["DEMANDEUR"]),
    ]
    .into_iter()
    .map(|(group, codes)| (group.to_owned(), codes.into_iter().map(String::from).collect()))
    .collect();
    let typologies = [("Direction".to_owned(), "DIRECTION".to_owned())].into_iter().collect();
    GroupRules::parse(&roles, &typologies).unwrap()
}

#[test]
fn groups_give_roles_a_pole_and_a_typology() {
    let rules = rules();
    let groups = |names: &[&str]| names.iter().map(|name| name.to_string()).collect::<Vec<_>>();
    let cases: Vec<(Vec<String>, Vec<Role>, Option<Pole>)> = vec![
        (groups(&[]), vec![Role::Requester], None),
        (groups(&["SD-Front"]), vec![Role::Requester, Role::Agent], Some(Pole::Front)),
        (groups(&["sd-back", "sd-front"]), vec![Role::Requester, Role::Agent, Role::Supervisor], Some(Pole::Front)),
        (groups(&["sd-qualite", "inconnu"]), vec![Role::Requester, Role::Quality], None),
    ];
    for (groups, roles, pole) in cases {
        let (given, given_pole) = rules.access(&groups);
        assert_eq!((given.iter().collect::<Vec<_>>(), given_pole), (roles, pole), "groups {groups:?}");
    }
    assert_eq!(rules.typology(&groups(&["direction"]), Some(SiteKind::Agency)), Typology::Direction);
    assert_eq!(rules.typology(&groups(&[]), Some(SiteKind::Agency)), Typology::Agency);
    assert_eq!(rules.typology(&groups(&[]), Some(SiteKind::ConstructionSite)), Typology::ConstructionSite);
    assert_eq!(rules.typology(&groups(&[]), None), Typology::HeadOffice);
}

#[test]
fn group_rules_refuse_unknown_codes_and_agents_without_a_pole() {
    let parse = |group: &str, code: &str| {
        GroupRules::parse(&[(group.to_owned(), vec![code.to_owned()])].into_iter().collect(), &BTreeMap::new())
    };
    assert!(parse("g", "ADMIN").is_ok());
    assert!(parse("g", "CAB").is_ok());
    assert_eq!(parse("g", "AGENT"), Err(SettingsProblem::GrantNeedsPole { group: "g".into(), code: "AGENT".into() }));
    assert_eq!(
        parse("g", "AGENT:N1"),
        Err(SettingsProblem::UnknownGrant { group: "g".into(), code: "AGENT:N1".into() })
    );
    assert_eq!(parse("g", "ROI"), Err(SettingsProblem::UnknownGrant { group: "g".into(), code: "ROI".into() }));
    assert_eq!(parse(" ", "ADMIN"), Err(SettingsProblem::EmptyGroupName));
    let typology = GroupRules::parse(&BTreeMap::new(), &[("g".to_owned(), "VIP".to_owned())].into_iter().collect());
    assert_eq!(typology, Err(SettingsProblem::UnknownTypology { group: "g".into(), code: "VIP".into() }));
}

const SIEGE: SiteId = SiteId(1);
const MERIGNAC: SiteId = SiteId(2);

fn sites() -> Vec<KnownSite> {
    vec![
        KnownSite { id: SIEGE, name: "Siège Bordeaux".into(), kind: SiteKind::HeadOffice },
        KnownSite { id: MERIGNAC, name: "Agence de Mérignac".into(), kind: SiteKind::Agency },
    ]
}

fn entry(uid: &str) -> DirectoryEntry {
    DirectoryEntry {
        dn: format!("uid={uid},ou=people,dc=immo9,dc=test"),
        account_name: Some(uid.to_owned()),
        mail: Some(format!("{uid}@immo9.fr")),
        display_name: Some(format!("Personne {uid}")),
        phone: Some("05 56 00 00 00".into()),
        title: Some("Chargé d'affaires".into()),
        site: Some("agence de merignac".into()),
        manager_dn: None,
        groups: vec![],
        disabled: false,
    }
}

/// The account a previous sync made of `entry`.
fn synced(id: i64, entry: &DirectoryEntry) -> KnownAccount {
    let plan = plan_sync(std::slice::from_ref(entry), &[], &sites(), &rules());
    let profile = plan.creations[0].profile.clone();
    KnownAccount {
        id: UserId(id),
        login: profile.login.clone(),
        source: AccountSource::Directory,
        directory_dn: Some(entry.dn.clone()),
        profile,
        active: true,
        deactivated_by_admin: false,
        roles_pinned: false,
    }
}

#[test]
fn a_first_sync_creates_each_person_with_their_site_typology_and_roles() {
    let mut boss = entry("boss");
    boss.groups = vec!["sd-back".into()];
    let mut claire = entry("claire");
    claire.manager_dn = Some(boss.dn.to_uppercase());
    claire.site = Some("Agence de Lacanau".into());
    let plan = plan_sync(&[boss.clone(), claire.clone()], &[], &sites(), &rules());
    assert_eq!(plan.counts(), SyncCounts { created: 2, updated: 0, deactivated: 0, unchanged: 0 });
    let created = &plan.creations[0].profile;
    assert_eq!(created.login, "boss@immo9.fr");
    assert_eq!(
        (created.site, created.typology, created.pole),
        (Some(MERIGNAC), Some(Typology::Agency), Some(Pole::Back))
    );
    assert!(created.roles.has(Role::Supervisor));
    let claire = &plan.creations[1].profile;
    assert_eq!(claire.site, Some(SIEGE), "an unknown site falls back to the head office");
    assert_eq!(claire.typology, Some(Typology::HeadOffice));
    assert_eq!(claire.manager_dn.as_deref().map(normalise_dn), Some(normalise_dn(&boss.dn)));
    assert_eq!(
        plan.problems,
        vec![SyncProblem::UnknownSite { login: "claire@immo9.fr".into(), site: "Agence de Lacanau".into() }]
    );
}

#[test]
fn a_second_run_over_the_same_directory_changes_nothing() {
    let people = [entry("a"), entry("b")];
    let accounts: Vec<KnownAccount> = people.iter().enumerate().map(|(i, e)| synced(i as i64 + 1, e)).collect();
    let plan = plan_sync(&people, &accounts, &sites(), &rules());
    assert!(plan.is_empty(), "{plan:?}");
    assert_eq!(plan.counts().unchanged, 2);
}

#[test]
fn departures_and_disabled_entries_switch_accounts_off_and_only_sync_departures_come_back() {
    let (a, b, c) = (entry("a"), entry("b"), entry("c"));
    let mut accounts = vec![synced(1, &a), synced(2, &b), synced(3, &c)];
    let mut b_disabled = b.clone();
    b_disabled.disabled = true;
    // c has left the directory.
    let plan = plan_sync(&[a.clone(), b_disabled.clone()], &accounts, &sites(), &rules());
    assert_eq!(plan.deactivations, vec![(UserId(2), Departure::Disabled), (UserId(3), Departure::Gone)]);
    assert_eq!(plan.counts().unchanged, 1);

    // Back in the directory: a sync's deactivation is undone, an administrator's never.
    accounts[1].active = false;
    accounts[2].active = false;
    accounts[2].deactivated_by_admin = true;
    let plan = plan_sync(&[a, b, c], &accounts, &sites(), &rules());
    let reactivated: Vec<(UserId, bool)> = plan.updates.iter().map(|update| (update.id, update.reactivate)).collect();
    assert_eq!(reactivated, vec![(UserId(2), true)]);
    assert!(plan.deactivations.is_empty());
    assert_eq!(plan.counts().unchanged, 2);
}

#[test]
fn pinned_roles_stay_while_the_rest_of_the_profile_follows_the_directory() {
    let person = entry("a");
    let mut account = synced(1, &person);
    account.roles_pinned = true;
    account.profile.roles = Roles::new([Role::Admin]);
    account.profile.pole = None;
    let mut moved = person.clone();
    moved.groups = vec!["sd-front".into()];
    moved.phone = Some("06 11 22 33 44".into());
    let plan = plan_sync(&[moved], &[account], &sites(), &rules());
    let update = &plan.updates[0];
    assert_eq!(update.after.roles, Roles::new([Role::Admin]));
    assert_eq!(update.after.pole, None);
    assert_eq!(update.after.phone.as_deref(), Some("06 11 22 33 44"));
}

#[test]
fn what_cannot_be_imported_is_reported_and_left_alone() {
    let mut no_mail = entry("nomail");
    no_mail.mail = Some("  ".into());
    let mut twin_one = entry("twin1");
    twin_one.mail = Some("twin@immo9.fr".into());
    let mut twin_two = entry("twin2");
    twin_two.mail = Some("TWIN@immo9.fr".into());
    let local = KnownAccount {
        id: UserId(9),
        login: "admin@immo9.fr".into(),
        source: AccountSource::Local,
        directory_dn: None,
        profile: SyncedProfile::default(),
        active: true,
        deactivated_by_admin: false,
        roles_pinned: false,
    };
    let mut homonym = entry("admin");
    homonym.mail = Some("Admin@immo9.fr".into());
    let mut lost = entry("lost");
    lost.manager_dn = Some("uid=ghost,ou=people,dc=immo9,dc=test".into());
    let mut narcissus = entry("self");
    narcissus.manager_dn = Some(narcissus.dn.clone());
    let plan =
        plan_sync(&[no_mail.clone(), twin_one, twin_two, homonym, lost, narcissus], &[local], &sites(), &rules());
    assert_eq!(
        plan.creations.iter().map(|c| c.profile.login.as_str()).collect::<Vec<_>>(),
        ["lost@immo9.fr", "self@immo9.fr"]
    );
    assert!(plan.creations.iter().all(|creation| creation.profile.manager_dn.is_none()));
    assert!(plan.deactivations.is_empty(), "a local account is never the sync's to switch off");
    assert_eq!(
        plan.problems,
        vec![
            SyncProblem::NoMail { dn: no_mail.dn },
            SyncProblem::DuplicateMail { login: "twin@immo9.fr".into() },
            SyncProblem::LocalHomonym { login: "admin@immo9.fr".into() },
            SyncProblem::UnknownManager {
                login: "lost@immo9.fr".into(),
                manager_dn: "uid=ghost,ou=people,dc=immo9,dc=test".into()
            },
            SyncProblem::SelfManager { login: "self@immo9.fr".into() },
        ]
    );
}

#[test]
fn an_empty_answer_switches_nobody_off() {
    let accounts = vec![synced(1, &entry("a"))];
    let plan = plan_sync(&[], &accounts, &sites(), &rules());
    assert!(plan.is_empty());
    assert_eq!(plan.problems, vec![SyncProblem::EmptyDirectory]);
    let first_run = plan_sync(&[], &[], &sites(), &rules());
    assert_eq!((first_run.counts(), first_run.problems), (SyncCounts::default(), vec![SyncProblem::EmptyDirectory]));
}

#[test]
fn an_entry_renamed_in_the_directory_keeps_its_account_by_address() {
    let person = entry("a");
    let account = synced(1, &person);
    let mut moved = person.clone();
    moved.dn = "uid=a,ou=bordeaux,ou=people,dc=immo9,dc=test".into();
    let plan = plan_sync(&[moved.clone()], &[account], &sites(), &rules());
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(plan.updates[0].dn, moved.dn);
    assert!(plan.deactivations.is_empty() && plan.creations.is_empty());
}

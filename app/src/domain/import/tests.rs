//! The import rules, case by case: headers recognised or named, every value problem, the date formats, empty
//! and duplicate rows, stable fingerprints, titles, and the whole sample week read back as 60 activities.

use super::*;

const SAMPLE: &str = include_str!("../../../../server/demo/activites-exemple.csv");
const SAMPLE_HEADERS: &str = "ref;horodatage;canal;site;typologie;description;type;domaine;pole";

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| (*text).to_owned()).collect()
}

/// A `;`-separated text split as a naive reader would (no quotes), the first line being the headers.
fn table(text: &str) -> Table {
    let mut lines = text.lines();
    let headers = lines.next().unwrap_or_default().split(';').map(str::to_owned).collect();
    let rows = lines
        .enumerate()
        .map(|(index, line)| TableRow { line: index + 2, cells: line.split(';').map(str::to_owned).collect() })
        .collect();
    Table { headers, rows, delimiter: Some(';') }
}

fn checked(text: &str) -> Vec<RowCheck> {
    let table = table(text);
    let mapping = map_columns(&table.headers, &BTreeMap::new()).expect("the headers map");
    check_rows(&table, &mapping)
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn mapped(headers: &[&str]) -> Result<Vec<(Column, usize)>, Vec<MappingProblem>> {
    map_columns(&strings(headers), &BTreeMap::new()).map(|mapping| mapping.iter().collect())
}

#[test]
fn headers_are_recognised_by_their_synonyms_whatever_the_accents_case_and_punctuation() {
    let cases = [
        ("ref", Some(Column::Ref)),
        ("Référence", Some(Column::Ref)),
        ("N°", Some(Column::Ref)),
        ("ID", Some(Column::Ref)),
        ("horodatage", Some(Column::At)),
        ("Date", Some(Column::At)),
        ("Date/heure", Some(Column::At)),
        ("date - heure", Some(Column::At)),
        ("Ouvert le", Some(Column::At)),
        ("OUVERT LE", Some(Column::At)),
        ("Date d'ouverture", Some(Column::At)),
        ("Canal", Some(Column::Channel)),
        ("Source", Some(Column::Channel)),
        ("Origine", Some(Column::Channel)),
        ("Agence", Some(Column::Site)),
        ("  Site  ", Some(Column::Site)),
        ("Lieu", Some(Column::Site)),
        ("Libellé", Some(Column::Description)),
        ("LIBELLE", Some(Column::Description)),
        ("Détail", Some(Column::Description)),
        ("Texte", Some(Column::Description)),
        ("Demandeur", Some(Column::Requester)),
        ("E-mail", Some(Column::Requester)),
        ("email", Some(Column::Requester)),
        ("Utilisateur", Some(Column::Requester)),
        ("Domaine", Some(Column::Domain)),
        ("Type", Some(Column::Kind)),
        ("Pôle", Some(Column::Pole)),
        ("Groupe", Some(Column::Pole)),
        ("Typologie", Some(Column::Typology)),
        ("Profil", Some(Column::Typology)),
        ("Titre", Some(Column::Title)),
        ("Objet", Some(Column::Title)),
        ("Sujet", Some(Column::Title)),
        ("Date de résolution", None),
        ("Commentaire", None),
        ("", None),
    ];
    for (header, expected) in cases {
        let found: Vec<Column> = Column::ALL.iter().copied().filter(|column| column.recognises(&key(header))).collect();
        assert_eq!(found, expected.into_iter().collect::<Vec<_>>(), "header {header:?}");
    }
}

#[test]
fn the_sample_headers_map_every_column_they_have_in_order() {
    let headers: Vec<&str> = SAMPLE_HEADERS.split(';').collect();
    let expected = vec![
        (Column::Ref, 0),
        (Column::At, 1),
        (Column::Channel, 2),
        (Column::Site, 3),
        (Column::Typology, 4),
        (Column::Description, 5),
        (Column::Kind, 6),
        (Column::Domain, 7),
        (Column::Pole, 8),
    ];
    assert_eq!(mapped(&headers).unwrap(), expected);
}

#[test]
fn other_headers_in_another_order_map_too_and_unknown_ones_are_ignored() {
    let headers = ["Libellé", "Commentaire interne", "Ouvert le", "Agence", "Origine", "Objet", "E-mail"];
    let expected = vec![
        (Column::At, 2),
        (Column::Channel, 4),
        (Column::Site, 3),
        (Column::Description, 0),
        (Column::Requester, 6),
        (Column::Title, 5),
    ];
    assert_eq!(mapped(&headers).unwrap(), expected);
}

#[test]
fn missing_required_columns_are_all_named() {
    assert_eq!(
        mapped(&["ref", "canal", "type"]).unwrap_err(),
        vec![
            MappingProblem::Missing(Column::At),
            MappingProblem::Missing(Column::Site),
            MappingProblem::Missing(Column::Description),
        ]
    );
}

#[test]
fn two_headers_for_one_column_are_reported_until_the_person_chooses() {
    let headers = strings(&["Date", "Horodatage", "Canal", "Site", "Description"]);
    assert_eq!(
        map_columns(&headers, &BTreeMap::new()).unwrap_err(),
        vec![MappingProblem::Twice { column: Column::At, headers: strings(&["Date", "Horodatage"]) }]
    );
    let chosen = BTreeMap::from([(Column::At, "horodatage".to_owned())]);
    assert_eq!(map_columns(&headers, &chosen).unwrap().position(Column::At), Some(1));
    // Two headers alike but for the case: the one written exactly is taken.
    let headers = strings(&["Date", "date", "Canal", "Site", "Description"]);
    let chosen = BTreeMap::from([(Column::At, "date".to_owned())]);
    assert_eq!(map_columns(&headers, &chosen).unwrap().position(Column::At), Some(1));
    let headers = strings(&["Date", "Date", "Canal", "Site", "Description"]);
    assert_eq!(
        map_columns(&headers, &chosen).unwrap_err(),
        vec![MappingProblem::Twice { column: Column::At, headers: strings(&["Date", "Date"]) }]
    );
}

#[test]
fn an_explicit_mapping_wins_over_synonyms_and_takes_its_header_away_from_them() {
    let headers = strings(&["Quand", "Canal", "Site", "Résumé", "Type", "Texte"]);
    let explicit = BTreeMap::from([
        (Column::At, "quand".to_owned()),
        (Column::Description, "Résumé".to_owned()),
        // "Type" holds the requester's profile in this file: it must not also be read as the activity type.
        (Column::Typology, "Type".to_owned()),
        (Column::Title, " ".to_owned()),
    ]);
    let mapping = map_columns(&headers, &explicit).unwrap();
    let expected =
        vec![(Column::At, 0), (Column::Channel, 1), (Column::Site, 2), (Column::Typology, 4), (Column::Description, 3)];
    assert_eq!(mapping.iter().collect::<Vec<_>>(), expected);
    assert_eq!(mapping.position(Column::Kind), None);
    // A blank explicit header means "find it yourself": "Texte" is not a title synonym, so there is no title.
    assert_eq!(mapping.position(Column::Title), None);
}

#[test]
fn an_explicit_header_the_file_does_not_have_is_reported_with_the_other_problems() {
    let headers = strings(&["Date", "Canal", "Description"]);
    let explicit = BTreeMap::from([(Column::Site, "Bâtiment".to_owned())]);
    assert_eq!(
        map_columns(&headers, &explicit).unwrap_err(),
        vec![MappingProblem::UnknownHeader { column: Column::Site, header: "Bâtiment".to_owned() }]
    );
    let explicit = BTreeMap::from([(Column::Kind, "Nature du ticket".to_owned())]);
    assert_eq!(
        map_columns(&headers, &explicit).unwrap_err(),
        vec![
            MappingProblem::UnknownHeader { column: Column::Kind, header: "Nature du ticket".to_owned() },
            MappingProblem::Missing(Column::Site),
        ]
    );
}

#[test]
fn dates_are_read_in_iso_and_french_forms_and_nothing_else() {
    let cases = [
        ("2026-03-02T08:12:00", Some("2026-03-02 08:12")),
        ("2026-03-02T08:12", Some("2026-03-02 08:12")),
        ("2026-03-02 08:12", Some("2026-03-02 08:12")),
        ("2026-03-02 08:12:00", Some("2026-03-02 08:12")),
        ("2026-03-02 08:12:00.000", Some("2026-03-02 08:12")),
        ("02/03/2026 08:12", Some("2026-03-02 08:12")),
        ("02/03/2026 08:12:00", Some("2026-03-02 08:12")),
        ("2/3/2026 8:12", Some("2026-03-02 08:12")),
        ("  02/03/2026  ", Some("2026-03-02 00:00")),
        ("02/03/2026", Some("2026-03-02 00:00")),
        ("2026-03-02", Some("2026-03-02 00:00")),
        ("29/02/2028 23:59", Some("2028-02-29 23:59")),
        ("31/02/2026", None),
        ("29/02/2026 10:00", None),
        ("2026-13-02T08:12", None),
        ("02/03/26 08:12", None),
        ("02/03/2026 25:00", None),
        ("02/03/2026 08:60", None),
        ("02/03/2026 8h12", None),
        ("2026-03-02T08:12:00Z", None),
        ("02-03-2026", None),
        ("hier", None),
        ("46083", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_timestamp(text), expected.map(at), "{text:?}");
    }
}

#[test]
fn codes_and_everyday_words_are_read_whatever_their_accents_and_case() {
    let channels = [
        ("telephone", Some(Channel::Phone)),
        ("Téléphone", Some(Channel::Phone)),
        ("TEL", Some(Channel::Phone)),
        ("appel", Some(Channel::Phone)),
        ("mail", Some(Channel::Mail)),
        ("Courriel", Some(Channel::Mail)),
        ("E-mail", Some(Channel::Mail)),
        ("PORTAIL", Some(Channel::Portal)),
        ("web", Some(Channel::Portal)),
        ("supervision", Some(Channel::Monitoring)),
        ("Monitoring", Some(Channel::Monitoring)),
        ("alerte", Some(Channel::Monitoring)),
        ("guichet", Some(Channel::WalkIn)),
        ("Accueil", Some(Channel::WalkIn)),
        ("sur place", Some(Channel::WalkIn)),
        ("pigeon", None),
    ];
    for (text, expected) in channels {
        assert_eq!(parse_channel(text), expected, "{text:?}");
    }
    let kinds = [
        ("INCIDENT", Some(Kind::Incident)),
        ("Incident", Some(Kind::Incident)),
        ("demande", Some(Kind::Request)),
        ("Événement", Some(Kind::Event)),
        ("probleme", Some(Kind::Problem)),
        ("CHG", Some(Kind::Change)),
        ("panne", None),
    ];
    for (text, expected) in kinds {
        assert_eq!(parse_kind(text), expected, "{text:?}");
    }
    let domains = [
        ("RESEAU", Some(ServiceDomain::Network)),
        ("Réseau", Some(ServiceDomain::Network)),
        ("sécurité", Some(ServiceDomain::Security)),
        ("infra", Some(ServiceDomain::Infrastructure)),
        ("Infrastructure", Some(ServiceDomain::Infrastructure)),
        ("Poste de travail", Some(ServiceDomain::Workstation)),
        ("cafetière", None),
    ];
    for (text, expected) in domains {
        assert_eq!(parse_domain(text), expected, "{text:?}");
    }
    let poles = [
        ("FRONT", Some(Pole::Front)),
        ("front", Some(Pole::Front)),
        ("Back Office", Some(Pole::Back)),
        ("N1", Some(Pole::Front)),
        ("n2", Some(Pole::Back)),
        ("N3", Some(Pole::Expert)),
        ("Qualité", Some(Pole::Quality)),
        ("atelier", Some(Pole::Atelier)),
        ("N4", None),
    ];
    for (text, expected) in poles {
        assert_eq!(parse_pole(text), expected, "{text:?}");
    }
}

#[test]
fn a_complete_row_becomes_an_activity() {
    let checks = checked(&format!(
        "{SAMPLE_HEADERS};demandeur;titre\n\
         A1; 02/03/2026 08:12 ;Téléphone;Agence Arcachon;agence;Session refusée. Depuis lundi.;Incident;compte;N1;lucas.bernard@immo9.fr;Mot de passe"
    ));
    assert_eq!(
        checks,
        vec![RowCheck::Valid(Activity {
            line: 2,
            source_ref: "A1".to_owned(),
            at: at("2026-03-02 08:12"),
            channel: Channel::Phone,
            site: "Agence Arcachon".to_owned(),
            typology: Some("agence".to_owned()),
            description: "Session refusée. Depuis lundi.".to_owned(),
            title: "Mot de passe".to_owned(),
            kind: Some(Kind::Incident),
            domain: Some(ServiceDomain::Account),
            pole: Some(Pole::Front),
            requester: Some("lucas.bernard@immo9.fr".to_owned()),
        })]
    );
}

#[test]
fn optional_columns_left_blank_or_absent_are_none_and_the_title_comes_from_the_description() {
    let checks =
        checked("date;canal;site;libelle;type\n02/03/2026 08:12;mail;Siège Bordeaux;L'imprimante bourre. Encore.;");
    let [RowCheck::Valid(activity)] = &checks[..] else { panic!("{checks:?}") };
    assert_eq!(activity.title, "L'imprimante bourre");
    assert_eq!((activity.kind, activity.domain, activity.pole), (None, None, None));
    assert_eq!((&activity.typology, &activity.requester), (&None, &None));
    assert!(activity.source_ref.starts_with(FINGERPRINT_PREFIX), "{}", activity.source_ref);
}

#[test]
fn every_value_problem_is_reported_with_its_column_and_value() {
    let long_description = "x".repeat(MAX_DESCRIPTION_CHARS + 1);
    let long_title = "t".repeat(MAX_TITLE_CHARS + 1);
    let long_ref = "r".repeat(MAX_REF_CHARS + 1);
    let base =
        ["A1", "2026-03-02T08:12:00", "mail", "Siège Bordeaux", "siege", "Texte", "INCIDENT", "POSTE", "FRONT", ""];
    let cases: Vec<(usize, &str, Column, ValueProblem)> = vec![
        (1, "", Column::At, ValueProblem::Missing),
        (1, "31/02/2026", Column::At, ValueProblem::BadDate),
        (1, "#N/A", Column::At, ValueProblem::BadDate),
        (2, "", Column::Channel, ValueProblem::Missing),
        (2, "pigeon", Column::Channel, ValueProblem::UnknownChannel),
        (3, " ", Column::Site, ValueProblem::Missing),
        (5, "", Column::Description, ValueProblem::Missing),
        (5, &long_description, Column::Description, ValueProblem::TooLong { max: MAX_DESCRIPTION_CHARS }),
        (6, "PANNE", Column::Kind, ValueProblem::UnknownKind),
        (7, "CAFE", Column::Domain, ValueProblem::UnknownDomain),
        (8, "N4", Column::Pole, ValueProblem::UnknownPole),
        (9, &long_title, Column::Title, ValueProblem::TooLong { max: MAX_TITLE_CHARS }),
        (0, &long_ref, Column::Ref, ValueProblem::TooLong { max: MAX_REF_CHARS }),
    ];
    for (position, value, column, problem) in cases {
        let mut cells = strings(&base);
        cells[position] = value.to_owned();
        let table = Table {
            headers: strings(&[
                "ref",
                "horodatage",
                "canal",
                "site",
                "typologie",
                "description",
                "type",
                "domaine",
                "pole",
                "titre",
            ]),
            rows: vec![TableRow { line: 7, cells }],
            delimiter: None,
        };
        let mapping = map_columns(&table.headers, &BTreeMap::new()).unwrap();
        let expected = CellProblem { column, value: value.trim().to_owned(), problem };
        assert_eq!(
            check_rows(&table, &mapping),
            vec![RowCheck::Invalid { line: 7, problems: vec![expected] }],
            "{column:?} {problem:?}"
        );
    }
}

#[test]
fn all_the_problems_of_a_row_are_reported_at_once() {
    let checks = checked(&format!("{SAMPLE_HEADERS}\nA1;hier;pigeon;;agence;;PANNE;POSTE;FRONT"));
    let problems: Vec<(Column, ValueProblem)> = match &checks[..] {
        [RowCheck::Invalid { line: 2, problems }] => problems.iter().map(|p| (p.column, p.problem)).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        problems,
        vec![
            (Column::At, ValueProblem::BadDate),
            (Column::Channel, ValueProblem::UnknownChannel),
            (Column::Site, ValueProblem::Missing),
            (Column::Description, ValueProblem::Missing),
            (Column::Kind, ValueProblem::UnknownKind),
        ]
    );
}

#[test]
fn blank_rows_are_reported_empty_and_keep_the_numbering() {
    let checks = checked(&format!(
        "{SAMPLE_HEADERS}\n\
         A1;2026-03-02T08:12:00;mail;Siège Bordeaux;siege;Texte;INCIDENT;POSTE;FRONT\n\
         ;;;  ;;;;;\n\
         \n\
         A2;2026-03-02T08:13:00;mail;Siège Bordeaux;siege;Texte;INCIDENT;POSTE;FRONT"
    ));
    let summary: Vec<(usize, &str)> = checks
        .iter()
        .map(|check| {
            let what = match check {
                RowCheck::Empty { .. } => "vide",
                RowCheck::Valid(_) => "valide",
                RowCheck::Invalid { .. } => "invalide",
            };
            (check.line(), what)
        })
        .collect();
    assert_eq!(summary, vec![(2, "valide"), (3, "vide"), (4, "vide"), (5, "valide")]);
}

#[test]
fn a_reference_given_twice_is_refused_on_the_later_rows() {
    let row = |reference: &str, minute: u32| {
        format!(
            "{reference};2026-03-02T08:{minute:02}:00;mail;Siège Bordeaux;siege;Texte {minute};INCIDENT;POSTE;FRONT"
        )
    };
    let checks =
        checked(&[SAMPLE_HEADERS.to_owned(), row("A1", 1), row("A2", 2), row("A1", 3), row("A1", 4)].join("\n"));
    let duplicates: Vec<(usize, Vec<CellProblem>)> = checks
        .into_iter()
        .filter_map(|check| match check {
            RowCheck::Invalid { line, problems } => Some((line, problems)),
            _ => None,
        })
        .collect();
    let problem = CellProblem {
        column: Column::Ref,
        value: "A1".to_owned(),
        problem: ValueProblem::DuplicateRef { first_line: 2 },
    };
    assert_eq!(duplicates, vec![(4, vec![problem.clone()]), (5, vec![problem])]);
}

#[test]
fn a_row_without_reference_copied_twice_is_refused_once_seen() {
    let row = "2026-03-02T08:12:00;mail;Siège Bordeaux;Le Wi-Fi ne marche plus.";
    let other = "2026-03-02T08:12:00;mail;Agence Blaye;Le Wi-Fi ne marche plus.";
    let checks = checked(&["horodatage;canal;site;description", row, other, row].join("\n"));
    assert!(matches!(checks[0], RowCheck::Valid(_)) && matches!(checks[1], RowCheck::Valid(_)), "{checks:?}");
    assert_eq!(
        checks[2],
        RowCheck::Invalid {
            line: 4,
            problems: vec![CellProblem {
                column: Column::Description,
                value: "Le Wi-Fi ne marche plus.".to_owned(),
                problem: ValueProblem::DuplicateActivity { first_line: 2 },
            }],
        }
    );
}

#[test]
fn fingerprints_are_stable_and_change_with_each_part() {
    // The published FNV-1a test vectors: a change here would make every re-import create duplicates.
    assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);

    let print = fingerprint(at("2026-03-02 08:12"), "Agence Blaye", "Le Wi-Fi ne marche plus.");
    assert_eq!(print, fingerprint(at("2026-03-02 08:12"), " Agence Blaye ", "Le Wi-Fi ne marche plus.\n"));
    assert_eq!(print.len(), FINGERPRINT_PREFIX.len() + 16);
    assert!(print.starts_with("empreinte-"), "{print}");
    for other in [
        fingerprint(at("2026-03-02 08:13"), "Agence Blaye", "Le Wi-Fi ne marche plus."),
        fingerprint(at("2026-03-02 08:12"), "Agence Langon", "Le Wi-Fi ne marche plus."),
        fingerprint(at("2026-03-02 08:12"), "Agence Blaye", "Le Wi-Fi ne marche pas."),
        fingerprint(at("2026-03-02 08:12"), "Agence BlayeLe Wi-Fi", " ne marche plus."),
    ] {
        assert_ne!(print, other);
    }
    // The same file read twice, by hand or by spreadsheet, gives the same references.
    let file = "horodatage;canal;site;description\n02/03/2026 08:12;mail;Agence Blaye;Le Wi-Fi ne marche plus.";
    let iso = "horodatage;canal;site;description\n2026-03-02T08:12:00;mail;Agence Blaye;Le Wi-Fi ne marche plus.";
    let reference = |text: &str| match &checked(text)[..] {
        [RowCheck::Valid(activity)] => activity.source_ref.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(reference(file), print);
    assert_eq!(reference(iso), print);
}

#[test]
fn titles_are_the_first_sentence_cut_at_a_word() {
    assert_eq!(title_of("Le Wi-Fi ne marche plus. Depuis ce matin."), "Le Wi-Fi ne marche plus");
    assert_eq!(title_of("Écran noir ? Oui, encore."), "Écran noir");
    assert_eq!(title_of("Mise à jour v2.3 en échec. Voir le journal."), "Mise à jour v2.3 en échec");
    assert_eq!(title_of("Disque rempli à 92 %."), "Disque rempli à 92 %");
    assert_eq!(title_of("Imprimante HS\nElle affiche E05."), "Imprimante HS");
    assert_eq!(title_of("!!! Serveur arrêté. Urgent."), "Serveur arrêté");
    assert_eq!(title_of("  Sans ponctuation  "), "Sans ponctuation");

    let long = "Dans le logiciel de gestion des ventes, la réservation du lot B12 apparaît deux fois et bloque l'édition du contrat";
    let title = title_of(long);
    assert!(title.ends_with('…') && title.chars().count() <= 90, "{title}");
    assert!(long.starts_with(title.trim_end_matches('…')), "{title}");

    let link = format!("https://intranet.immo9.fr/{}", "dossier/".repeat(20));
    let title = title_of(&link);
    assert_eq!(title.chars().count(), 89, "{title}");
    assert!(title.ends_with('…'));
}

#[test]
fn a_delimiter_typed_inside_a_description_is_put_back_there() {
    let checks = checked(&format!(
        "{SAMPLE_HEADERS}\nA1;2026-03-02T08:12:00;mail;Siège Bordeaux;siege;Coupure la nuit ; trois fois ; ce mois-ci;PROBLEME;INFRA;BACK;;"
    ));
    let [RowCheck::Valid(activity)] = &checks[..] else { panic!("{checks:?}") };
    assert_eq!(activity.description, "Coupure la nuit ; trois fois ; ce mois-ci");
    assert_eq!(
        (activity.kind, activity.domain, activity.pole),
        (Some(Kind::Problem), Some(ServiceDomain::Infrastructure), Some(Pole::Back))
    );

    // A spreadsheet's cells right of the last header are notes: ignored, never moved.
    let mut table = table(&format!(
        "{SAMPLE_HEADERS}\nA1;2026-03-02T08:12:00;mail;Siège Bordeaux;siege;Coupure;PROBLEME;INFRA;BACK;à revoir"
    ));
    table.delimiter = None;
    let mapping = map_columns(&table.headers, &BTreeMap::new()).unwrap();
    let [RowCheck::Valid(activity)] = &check_rows(&table, &mapping)[..] else { panic!() };
    assert_eq!(activity.description, "Coupure");
}

#[test]
fn the_sample_week_reads_as_sixty_activities() {
    let checks = checked(SAMPLE);
    let activities: Vec<&Activity> = checks
        .iter()
        .map(|check| match check {
            RowCheck::Valid(activity) => activity,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(activities.len(), 60);
    assert_eq!(activities.first().map(|a| (a.line, a.source_ref.as_str())), Some((2, "A001")));
    let a027 = activities.iter().find(|a| a.source_ref == "A027").unwrap();
    assert!(a027.description.contains("la nuit ; trois fois"), "{}", a027.description);
    assert_eq!(
        (a027.kind, a027.domain, a027.pole),
        (Some(Kind::Problem), Some(ServiceDomain::Infrastructure), Some(Pole::Back))
    );
    assert!(activities.iter().all(|a| a.kind.is_some() && a.domain.is_some() && a.pole.is_some()));
    assert!(activities.iter().all(|a| !a.title.is_empty() && a.title.chars().count() <= 90));
}

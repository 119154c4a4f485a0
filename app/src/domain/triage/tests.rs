//! Triage: words and stems, teaching and withdrawing, day-one suggestions on descriptions written for these
//! tests in other words than the vocabulary, and cross-validated accuracy on the sample week.

use super::*;

#[test]
fn words_are_folded_stemmed_and_kept_once() {
    let cases: &[(&str, &[&str])] = &[
        ("L'imprimante est bloquée", &["imprim", "bloqu"]),
        ("Les imprimantes ; imprimer", &["imprim"]),
        ("Mot de passe oublié", &["mot", "pass", "oubli"]),
        ("Réseau Wi-Fi coupé depuis 9h", &["reseau", "wi", "fi", "coup", "depui", "9h"]),
        ("ALERTE : disque D: rempli à 92 %", &["alert", "disqu", "rempli"]),
        ("", &[]),
        ("de la le les", &[]),
    ];
    for (text, expected) in cases {
        assert_eq!(terms(text), expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
    }
}

#[test]
fn stems_keep_four_letters_at_least() {
    for (word, expected) in
        [("postes", "post"), ("poste", "post"), ("mail", "mail"), ("ecrans", "ecran"), ("vpn", "vpn")]
    {
        assert_eq!(stem(word), expected, "{word}");
    }
}

#[test]
fn withdrawing_a_lesson_gives_the_model_back() {
    let before = Model::starting();
    let mut model = before.clone();
    let example = Example {
        kind: Kind::Incident,
        domain: ServiceDomain::Printing,
        pole: Pole::Front,
        terms: terms("Le traceur du bureau d'études imprime des bandes"),
    };
    model.teach(&example, 1);
    assert_ne!(model, before);
    model.teach(&example, -1);
    // Labels and stems stay in the maps with zero counts; what a guess reads is the same.
    for (label, counts) in &model.domain.labels {
        let original = &before.domain.labels[label];
        assert_eq!((counts.documents, counts.terms), (original.documents, original.terms), "{label:?}");
    }
}

#[test]
fn a_text_without_known_words_gets_no_suggestion() {
    let model = Model::starting();
    assert_eq!(model.suggest(""), None);
    assert_eq!(model.suggest("zzqx wxyv 1234"), None);
}

#[test]
fn learning_moves_a_suggestion_and_says_which_words() {
    let mut model = Model::starting();
    let text = "Le logiciel Sequoia refuse la saisie des lots";
    let example =
        Example { kind: Kind::Incident, domain: ServiceDomain::Business, pole: Pole::Expert, terms: terms(text) };
    for _ in 0..5 {
        model.teach(&example, 1);
    }
    let suggestion = model.suggest("Sequoia bloque la saisie").unwrap();
    assert_eq!(suggestion.domain.label, ServiceDomain::Business);
    assert!(suggestion.domain.words.contains(&"sequoia".to_owned()), "{:?}", suggestion.domain.words);
    assert!(suggestion.confidence > 0.0 && suggestion.confidence <= 1.0);
}

/// Descriptions written for this test, in the words of employees and tools, not taken from the vocabulary
/// or the sample: what the model must do on day one.
const UNSEEN: &[(&str, Kind, ServiceDomain)] = &[
    (
        "L'imprimante du deuxième étage fait un bourrage papier à chaque impression",
        Kind::Incident,
        ServiceDomain::Printing,
    ),
    ("Le copieur de l'agence n'a plus de toner", Kind::Incident, ServiceDomain::Printing),
    ("Je n'arrive plus à me connecter, mon mot de passe a expiré", Kind::Incident, ServiceDomain::Account),
    ("Merci de créer un compte pour notre stagiaire qui arrive lundi", Kind::Request, ServiceDomain::Account),
    ("Outlook ne reçoit plus aucun mail depuis ce matin", Kind::Incident, ServiceDomain::Messaging),
    ("Le wifi de la salle de réunion ne marche pas", Kind::Incident, ServiceDomain::Network),
    ("Impossible de joindre le VPN depuis chez moi", Kind::Incident, ServiceDomain::Network),
    ("Mon écran reste noir quand j'allume l'ordinateur portable", Kind::Incident, ServiceDomain::Workstation),
    ("Besoin d'une licence Adobe Acrobat pour modifier des PDF", Kind::Request, ServiceDomain::Software),
    (
        "J'ai reçu un courriel suspect qui me demande mes identifiants bancaires",
        Kind::Incident,
        ServiceDomain::Security,
    ),
    ("Mon téléphone fixe n'a plus de tonalité", Kind::Incident, ServiceDomain::Telephony),
    ("Le CRM n'enregistre plus les réservations des clients", Kind::Incident, ServiceDomain::Business),
    ("CRITIQUE : la sauvegarde nocturne du serveur SRV-BDD02 a échoué", Kind::Event, ServiceDomain::Infrastructure),
    ("Pourriez-vous installer Teams sur le poste de ma collègue ?", Kind::Request, ServiceDomain::Software),
    ("La signature électronique des contrats de réservation tombe en erreur", Kind::Incident, ServiceDomain::Business),
    ("Le scanner ne numérise plus vers mon dossier", Kind::Incident, ServiceDomain::Printing),
];

#[test]
fn day_one_suggestions_find_the_domain_of_descriptions_never_seen() {
    let model = Model::starting();
    let mut right_domain = 0;
    let mut right_kind = 0;
    for (text, kind, domain) in UNSEEN {
        let suggestion = model.suggest(text).unwrap_or_else(|| panic!("no suggestion for {text}"));
        right_domain += usize::from(suggestion.domain.label == *domain);
        right_kind += usize::from(suggestion.kind.label == *kind);
        if suggestion.domain.label != *domain {
            println!("domaine manqué : {text} → {:?} ({:?})", suggestion.domain.label, suggestion.domain.words);
        }
    }
    println!("jour 1, {} descriptions : domaine {right_domain}, type {right_kind}", UNSEEN.len());
    assert!(right_domain * 100 >= UNSEEN.len() * 80, "domain right for {right_domain} of {}", UNSEEN.len());
    assert!(right_kind * 100 >= UNSEEN.len() * 70, "type right for {right_kind} of {}", UNSEEN.len());
}

/// The sample week with the qualification a good agent gives it.
fn sample() -> Vec<(String, Kind, ServiceDomain, Pole)> {
    include_str!("../../../../server/demo/activites-exemple.csv")
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split(';').collect();
            let tail = &fields[fields.len() - 3..];
            (
                fields[5..fields.len() - 3].join(";"),
                tail[0].parse().unwrap(),
                tail[1].parse().unwrap(),
                tail[2].parse().unwrap(),
            )
        })
        .collect()
}

/// Accuracy (type, domain, pole) when each fifth of the sample is judged by a model that learned the other
/// four fifths on top of the vocabulary: a description is never judged by a model that saw it.
pub fn cross_validated_accuracy(folds: usize, learn: bool) -> [f64; 3] {
    let rows = sample();
    let mut right = [0usize; 3];
    for fold in 0..folds {
        let mut model = Model::starting();
        if learn {
            for (index, (text, kind, domain, pole)) in rows.iter().enumerate() {
                if index % folds != fold {
                    model.teach(&Example { kind: *kind, domain: *domain, pole: *pole, terms: terms(text) }, 1);
                }
            }
        }
        for (_, (text, kind, domain, pole)) in rows.iter().enumerate().filter(|(index, _)| index % folds == fold) {
            if let Some(suggestion) = model.suggest(text) {
                right[0] += usize::from(suggestion.kind.label == *kind);
                right[1] += usize::from(suggestion.domain.label == *domain);
                right[2] += usize::from(suggestion.pole.label == *pole);
            }
        }
    }
    right.map(|count| count as f64 / rows.len() as f64)
}

#[test]
fn cross_validated_accuracy_on_the_sample_week() {
    let day_one = cross_validated_accuracy(5, false);
    let learned = cross_validated_accuracy(5, true);
    println!("jour 1 (vocabulaire seul) : type {:.2}, domaine {:.2}, pôle {:.2}", day_one[0], day_one[1], day_one[2]);
    println!(
        "5 plis (vocabulaire + 4/5 appris) : type {:.2}, domaine {:.2}, pôle {:.2}",
        learned[0], learned[1], learned[2]
    );
    assert!(day_one[1] >= 0.75, "day-one domain accuracy {:.2}", day_one[1]);
    // Measured: type 0.70, domain 0.68, pole 0.55 (the server's model, which adds the referential's labels,
    // does better: see server/tests/knowledge.rs). The floor catches a model that stops learning at all.
    assert!(learned.iter().all(|accuracy| *accuracy >= 0.5), "{learned:?}");
}

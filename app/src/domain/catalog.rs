//! The request catalog's forms: typed fields, the validation of an employee's answers and of an
//! administrator's form, and the accent- and case-insensitive matching of the catalog search.

use crate::code_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

code_enum! {
    /// What a form field holds.
    pub enum FieldKind {
        Text = "TEXTE",
        LongText = "TEXTE_LONG",
        Choice = "CHOIX",
        Date = "DATE",
        /// A colleague, by account id.
        Person = "PERSONNE",
        /// An Immo9 site, by id.
        Site = "SITE",
        /// Photos or files, sent as the request's attachments once it is registered; the answer names them.
        File = "FICHIER",
    }
}

impl FieldKind {
    /// The longest answer accepted, in characters.
    pub const fn max_len(self) -> usize {
        match self {
            FieldKind::LongText => 5000,
            FieldKind::File => 1000,
            _ => 200,
        }
    }
}

/// One field of a catalog entry's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormField {
    pub key: String,
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    #[serde(default)]
    pub help: String,
    /// The allowed answers of a [`FieldKind::Choice`]; empty otherwise.
    #[serde(default)]
    pub choices: Vec<String>,
}

/// Why an answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerProblem {
    Required,
    TooLong {
        max: usize,
    },
    NotAChoice,
    NotADate,
    NotAPerson,
    NotASite,
    /// An answer to a field the form does not have.
    UnknownField,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerError {
    pub key: String,
    pub problem: AnswerProblem,
}

/// An accepted answer, with the field's label so the ticket reads well even after the form changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub key: String,
    pub label: String,
    pub kind: FieldKind,
    /// What was entered: for a person or a site, its id.
    pub value: String,
    /// What people read: the value, or the person's or the site's name (set by the server).
    pub display: String,
}

fn parse_id(value: &str) -> Option<i64> {
    value.parse::<i64>().ok().filter(|id| *id > 0)
}

/// Checks answers against a form: required fields, lengths, choices, dates and the shape of person and site
/// ids (whether they exist is the server's to check). Returns the answers in the form's order, or every
/// problem at once so the person can fix them all.
pub fn validate_answers(
    fields: &[FormField],
    answers: &BTreeMap<String, String>,
) -> Result<Vec<Answer>, Vec<AnswerError>> {
    let mut errors = Vec::new();
    let mut accepted = Vec::new();
    for key in answers.keys() {
        if !fields.iter().any(|field| &field.key == key) {
            errors.push(AnswerError { key: key.clone(), problem: AnswerProblem::UnknownField });
        }
    }
    for field in fields {
        let value = answers.get(&field.key).map(|v| v.trim()).unwrap_or("");
        let problem = if value.is_empty() {
            field.required.then_some(AnswerProblem::Required)
        } else if value.chars().count() > field.kind.max_len() {
            Some(AnswerProblem::TooLong { max: field.kind.max_len() })
        } else {
            match field.kind {
                FieldKind::Text | FieldKind::LongText | FieldKind::File => None,
                FieldKind::Choice => (!field.choices.iter().any(|c| c == value)).then_some(AnswerProblem::NotAChoice),
                FieldKind::Date => value.parse::<NaiveDate>().is_err().then_some(AnswerProblem::NotADate),
                FieldKind::Person => parse_id(value).is_none().then_some(AnswerProblem::NotAPerson),
                FieldKind::Site => parse_id(value).is_none().then_some(AnswerProblem::NotASite),
            }
        };
        match problem {
            Some(problem) => errors.push(AnswerError { key: field.key.clone(), problem }),
            None if !value.is_empty() => accepted.push(Answer {
                key: field.key.clone(),
                label: field.label.clone(),
                kind: field.kind,
                value: value.to_owned(),
                display: value.to_owned(),
            }),
            None => {}
        }
    }
    if errors.is_empty() { Ok(accepted) } else { Err(errors) }
}

/// Why an administrator's form was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormProblem {
    NoField,
    TooManyFields {
        max: usize,
    },
    /// Keys are lower-case ASCII, digits and `_`, starting with a letter, at most 40 characters.
    BadKey {
        position: usize,
    },
    DuplicateKey {
        key: String,
    },
    EmptyLabel {
        position: usize,
    },
    /// A choice field needs at least two distinct, non-empty choices.
    TooFewChoices {
        position: usize,
    },
    /// Only choice fields have choices.
    ChoicesOnNonChoice {
        position: usize,
    },
}

pub const MAX_FIELDS: usize = 20;

fn is_valid_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('a'..='z'))
        && key.len() <= 40
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

/// Checks a form as an administrator wrote it. Positions are 1-based, as people count fields.
pub fn validate_form(fields: &[FormField]) -> Result<(), Vec<FormProblem>> {
    let mut problems = Vec::new();
    if fields.is_empty() {
        problems.push(FormProblem::NoField);
    }
    if fields.len() > MAX_FIELDS {
        problems.push(FormProblem::TooManyFields { max: MAX_FIELDS });
    }
    let mut seen = BTreeSet::new();
    for (index, field) in fields.iter().enumerate() {
        let position = index + 1;
        if !is_valid_key(&field.key) {
            problems.push(FormProblem::BadKey { position });
        } else if !seen.insert(field.key.as_str()) {
            problems.push(FormProblem::DuplicateKey { key: field.key.clone() });
        }
        if field.label.trim().is_empty() {
            problems.push(FormProblem::EmptyLabel { position });
        }
        let distinct: BTreeSet<&str> = field.choices.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        match field.kind {
            FieldKind::Choice if distinct.len() < 2 || distinct.len() != field.choices.len() => {
                problems.push(FormProblem::TooFewChoices { position })
            }
            FieldKind::Choice => {}
            _ if !field.choices.is_empty() => problems.push(FormProblem::ChoicesOnNonChoice { position }),
            _ => {}
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// Lower-case, without accents, punctuation turned into spaces: "Accès VPN (Télétravail)" → "acces vpn  teletravail ".
pub fn fold_for_search(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => folded.push('a'),
            'ç' => folded.push('c'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'î' | 'ï' | 'í' | 'ì' => folded.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => folded.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => folded.push('u'),
            'ÿ' | 'ý' => folded.push('y'),
            'ñ' => folded.push('n'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    folded
}

/// Whether every word of the query appears in the (already folded) text, in any order.
pub fn matches_query(folded_text: &str, query: &str) -> bool {
    fold_for_search(query).split_whitespace().all(|word| folded_text.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(key: &str, kind: FieldKind, required: bool) -> FormField {
        FormField {
            key: key.to_owned(),
            label: format!("Champ {key}"),
            kind,
            required,
            help: String::new(),
            choices: if kind == FieldKind::Choice { vec!["Oui".into(), "Non".into()] } else { vec![] },
        }
    }

    fn form() -> Vec<FormField> {
        vec![
            field("motif", FieldKind::Text, true),
            field("details", FieldKind::LongText, false),
            field("type", FieldKind::Choice, true),
            field("date", FieldKind::Date, false),
            field("collegue", FieldKind::Person, false),
            field("site", FieldKind::Site, false),
        ]
    }

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn valid_answers_come_back_trimmed_in_form_order_without_empty_optionals() {
        let accepted = validate_answers(
            &form(),
            &answers(&[("type", "Oui"), ("motif", "  Télétravail  "), ("date", "2026-12-01"), ("details", "")]),
        )
        .unwrap();
        let keys: Vec<_> = accepted.iter().map(|a| (a.key.as_str(), a.value.as_str())).collect();
        assert_eq!(keys, [("motif", "Télétravail"), ("type", "Oui"), ("date", "2026-12-01")]);
        assert_eq!(accepted[0].label, "Champ motif");
    }

    #[test]
    fn each_problem_is_reported_against_its_field() {
        let long = "x".repeat(201);
        let very_long = "x".repeat(5001);
        type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, AnswerProblem);
        let cases: Vec<Case> = vec![
            (vec![("type", "Oui")], "motif", AnswerProblem::Required),
            (vec![("motif", "   "), ("type", "Oui")], "motif", AnswerProblem::Required),
            (vec![("motif", "a")], "type", AnswerProblem::Required),
            (vec![("motif", &long), ("type", "Oui")], "motif", AnswerProblem::TooLong { max: 200 }),
            (
                vec![("motif", "a"), ("type", "Oui"), ("details", &very_long)],
                "details",
                AnswerProblem::TooLong { max: 5000 },
            ),
            (vec![("motif", "a"), ("type", "Peut-être")], "type", AnswerProblem::NotAChoice),
            (vec![("motif", "a"), ("type", "oui")], "type", AnswerProblem::NotAChoice),
            (vec![("motif", "a"), ("type", "Oui"), ("date", "01/12/2026")], "date", AnswerProblem::NotADate),
            (vec![("motif", "a"), ("type", "Oui"), ("date", "2026-02-30")], "date", AnswerProblem::NotADate),
            (vec![("motif", "a"), ("type", "Oui"), ("collegue", "Jean")], "collegue", AnswerProblem::NotAPerson),
            (vec![("motif", "a"), ("type", "Oui"), ("collegue", "-3")], "collegue", AnswerProblem::NotAPerson),
            (vec![("motif", "a"), ("type", "Oui"), ("site", "0")], "site", AnswerProblem::NotASite),
            (vec![("motif", "a"), ("type", "Oui"), ("pirate", "1")], "pirate", AnswerProblem::UnknownField),
        ];
        for (given, key, problem) in cases {
            let errors = validate_answers(&form(), &answers(&given)).unwrap_err();
            assert_eq!(errors, vec![AnswerError { key: key.to_owned(), problem }], "{given:?}");
        }
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let errors = validate_answers(&form(), &answers(&[("date", "demain")])).unwrap_err();
        let keys: Vec<_> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["motif", "type", "date"]);
    }

    #[test]
    fn administrators_forms_are_checked() {
        let mut duplicate = form();
        duplicate[1].key = "motif".into();
        let mut bad_key = form();
        bad_key[0].key = "Motif".into();
        let mut empty_label = form();
        empty_label[2].label = " ".into();
        let mut one_choice = form();
        one_choice[2].choices = vec!["Oui".into()];
        let mut repeated_choice = form();
        repeated_choice[2].choices = vec!["Oui".into(), "Oui".into()];
        let mut stray_choices = form();
        stray_choices[0].choices = vec!["a".into(), "b".into()];
        let too_many: Vec<_> = (0..21).map(|i| field(&format!("f{i}"), FieldKind::Text, false)).collect();
        let cases = [
            (form(), vec![]),
            (vec![], vec![FormProblem::NoField]),
            (duplicate, vec![FormProblem::DuplicateKey { key: "motif".into() }]),
            (bad_key, vec![FormProblem::BadKey { position: 1 }]),
            (empty_label, vec![FormProblem::EmptyLabel { position: 3 }]),
            (one_choice, vec![FormProblem::TooFewChoices { position: 3 }]),
            (repeated_choice, vec![FormProblem::TooFewChoices { position: 3 }]),
            (stray_choices, vec![FormProblem::ChoicesOnNonChoice { position: 1 }]),
            (too_many, vec![FormProblem::TooManyFields { max: 20 }]),
        ];
        for (fields, expected) in cases {
            let outcome = validate_form(&fields).err().unwrap_or_default();
            assert_eq!(outcome, expected, "{fields:?}");
        }
        for key in ["a", "date_arrivee", "x9", &"k".repeat(40)] {
            assert!(is_valid_key(key), "{key}");
        }
        for key in ["", "9a", "_a", "a-b", "é", &"k".repeat(41)] {
            assert!(!is_valid_key(key), "{key}");
        }
    }

    #[test]
    fn search_ignores_accents_case_punctuation_and_word_order() {
        let entry = fold_for_search("Accès VPN (Télétravail) — connexion à distance");
        let cases = [
            ("vpn", true),
            ("VPN", true),
            ("teletravail", true),
            ("Télétravail", true),
            ("TELETRAVAIL vpn", true),
            ("distance connexion", true),
            ("acces", true),
            ("accès", true),
            ("", true),
            ("imprimante", false),
            ("vpn imprimante", false),
        ];
        for (query, expected) in cases {
            assert_eq!(matches_query(&entry, query), expected, "{query:?}");
        }
        assert_eq!(fold_for_search("Cœur ÉLÈVE ça"), "coeur eleve ca");
    }
}

//! The sentences of activity-list imports (file problems, column mapping, row problems).
//!
//! They are read by an administrator correcting a file in a spreadsheet: each says where (line, column), what
//! was found, and what to do about it.

use super::{Labels, channel_label, domain_label, fill, kind_label, pole_label};
use crate::domain::import::{CellProblem, Column, FileProblem, MappingProblem, ValueProblem};
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, ServiceDomain};

/// The words of the import page's reports.
pub struct ImportTexts {
    /// Our columns' names, as the dry run and the mapping form show them.
    pub column: Labels<Column>,
    pub save_again: &'static str,
    pub file_empty: &'static str,
    pub file_not_a_spreadsheet: &'static str,
    pub file_too_large: &'static str,
    pub file_too_many_rows: &'static str,
    pub file_no_header: &'static str,
    pub file_unreadable: &'static str,
    pub mapping_missing: &'static str,
    pub mapping_unknown_header: &'static str,
    pub mapping_same_name_twice: &'static str,
    pub mapping_ambiguous: &'static str,
    pub cell: &'static str,
    pub value_missing: &'static str,
    pub value_bad_date: &'static str,
    pub value_too_long: &'static str,
    pub value_duplicate_ref: &'static str,
    pub value_duplicate_activity: &'static str,
    pub value_unknown: &'static str,
    pub unknown_channel: &'static str,
    pub unknown_kind: &'static str,
    pub unknown_domain: &'static str,
    pub unknown_pole: &'static str,
    pub remedy_required: &'static str,
    pub remedy_optional: &'static str,
    pub empty_row: &'static str,
    pub quoted: &'static str,
    pub or: &'static str,
    pub thousands_separator: char,
}

/// The French words of imports.
pub const FR_IMPORTS: ImportTexts = ImportTexts {
    column: Labels(&[
        (Column::Ref, "Référence"),
        (Column::At, "Date et heure"),
        (Column::Channel, "Canal"),
        (Column::Site, "Site"),
        (Column::Typology, "Typologie"),
        (Column::Description, "Description"),
        (Column::Kind, "Type"),
        (Column::Domain, "Domaine"),
        (Column::Pole, "Pôle"),
        (Column::Requester, "Demandeur"),
        (Column::Title, "Titre"),
    ]),
    save_again: "Ouvrez-le dans votre tableur, enregistrez-le au format XLSX ou CSV, puis recommencez.",
    file_empty: "Le fichier est vide. Choisissez le fichier qui contient la liste des activités.",
    file_not_a_spreadsheet: "Ce fichier n'est ni un classeur (XLSX, XLS, ODS) ni un fichier texte CSV : ce n'est pas une liste d'activités. {save_again}",
    file_too_large: "Le fichier pèse {size} Mo, pour {max} Mo au plus. Découpez la liste en plusieurs fichiers, par exemple un par mois.",
    file_too_many_rows: "Le fichier compte au moins {rows} lignes d'activités, pour {max} au plus par import. Découpez la liste en plusieurs fichiers.",
    file_no_header: "La première ligne du fichier doit nommer les colonnes (par exemple {columns}). Ajoutez cette ligne d'en-tête au-dessus des activités, puis recommencez.",
    file_unreadable: "Le classeur n'a pas pu être lu (détail technique : {detail}). {save_again}",
    mapping_missing: "Aucune colonne du fichier ne donne « {column} », qui est obligatoire. Nommez-en une par exemple {examples}, ou indiquez quelle colonne du fichier la contient.",
    mapping_unknown_header: "La colonne « {header} » choisie pour « {column} » n'existe pas dans le fichier. Choisissez une des colonnes de sa première ligne.",
    mapping_same_name_twice: "Le fichier a plusieurs colonnes nommées « {header} ». Renommez-les pour qu'une seule donne « {column} », puis recommencez.",
    mapping_ambiguous: "Plusieurs colonnes du fichier peuvent donner « {column} » : {headers}. Indiquez laquelle utiliser.",
    cell: "Ligne {line}, colonne « {column} » : {problem}",
    value_missing: "valeur manquante, alors qu'elle est obligatoire. Renseignez-la ou retirez la ligne.",
    value_bad_date: "date illisible ou inexistante « {value} » ; formats acceptés : 2026-03-02T08:12, 02/03/2026 08:12 ou 02/03/2026.",
    value_too_long: "texte trop long ({length} caractères, {max} au plus). Raccourcissez-le.",
    value_duplicate_ref: "la référence « {value} » est déjà celle de la ligne {first_line}, et une référence ne désigne qu'une activité. Corrigez-la ou retirez le doublon.",
    value_duplicate_activity: "même date, même site et même description que la ligne {first_line} : cette ligne est sans doute un doublon. Retirez-la, ou donnez une référence à chacune des deux.",
    value_unknown: "{what} inconnu « {value} » ; valeurs acceptées : {accepted} (majuscules et accents indifférents). {remedy}",
    unknown_channel: "canal",
    unknown_kind: "type",
    unknown_domain: "domaine",
    unknown_pole: "pôle",
    remedy_required: "Corrigez la valeur.",
    remedy_optional: "Corrigez la valeur ou laissez-la vide.",
    empty_row: "Ligne {line} : vide, ignorée.",
    quoted: "« {item} »",
    or: "ou",
    thousands_separator: '\u{202f}',
};

fn i() -> &'static ImportTexts {
    &super::t().imports
}

/// Our column's name, as the dry run and the mapping form show it.
pub fn column_label(column: Column) -> &'static str {
    i().column.of(column)
}

/// Why the file could not be read at all.
pub fn file_problem_message(problem: &FileProblem) -> String {
    let i = i();
    let save_again: &dyn std::fmt::Display = &i.save_again;
    match problem {
        FileProblem::Empty => i.file_empty.to_owned(),
        FileProblem::NotASpreadsheet => fill(i.file_not_a_spreadsheet, &[("save_again", save_again)]),
        FileProblem::TooLarge { bytes, max } => {
            fill(i.file_too_large, &[("size", &megabytes(*bytes)), ("max", &megabytes(*max))])
        }
        FileProblem::TooManyRows { rows, max } => {
            fill(i.file_too_many_rows, &[("rows", &whole_number(*rows)), ("max", &whole_number(*max))])
        }
        FileProblem::NoHeader => {
            let required: Vec<&str> =
                Column::ALL.iter().filter(|column| column.required()).map(|column| column.code()).collect();
            fill(i.file_no_header, &[("columns", &required.join(", "))])
        }
        FileProblem::Unreadable(detail) => fill(i.file_unreadable, &[("detail", detail), ("save_again", save_again)]),
    }
}

/// Why the file's headers do not say where our columns are.
pub fn mapping_problem_message(problem: &MappingProblem) -> String {
    let i = i();
    match problem {
        MappingProblem::Missing(column) => {
            fill(i.mapping_missing, &[("column", &column_label(*column)), ("examples", &header_examples(*column))])
        }
        MappingProblem::UnknownHeader { column, header } => {
            fill(i.mapping_unknown_header, &[("header", header), ("column", &column_label(*column))])
        }
        MappingProblem::Twice { column, headers } => {
            let label = column_label(*column);
            match headers.first() {
                Some(first) if headers.iter().all(|header| header.eq_ignore_ascii_case(first)) => {
                    fill(i.mapping_same_name_twice, &[("header", first), ("column", &label)])
                }
                _ => fill(
                    i.mapping_ambiguous,
                    &[("column", &label), ("headers", &quoted_list(headers.iter().map(String::as_str)))],
                ),
            }
        }
    }
}

/// What is wrong with one cell of the file, e.g. « Ligne 12, colonne « Date et heure » : date illisible
/// « 31/02/2026 » ; formats acceptés : 2026-03-02T08:12, 02/03/2026 08:12 ou 02/03/2026. »
pub fn value_problem_message(line: usize, problem: &CellProblem) -> String {
    let i = i();
    let value = &problem.value;
    let what = match problem.problem {
        ValueProblem::Missing => i.value_missing.to_owned(),
        ValueProblem::BadDate => fill(i.value_bad_date, &[("value", value)]),
        ValueProblem::UnknownChannel => {
            unknown(problem, i.unknown_channel, Channel::ALL.iter().map(|&channel| channel_label(channel)))
        }
        ValueProblem::UnknownKind => unknown(problem, i.unknown_kind, Kind::ALL.iter().map(|&kind| kind_label(kind))),
        ValueProblem::UnknownDomain => {
            unknown(problem, i.unknown_domain, ServiceDomain::ALL.iter().map(|&domain| domain_label(domain)))
        }
        ValueProblem::UnknownPole => unknown(problem, i.unknown_pole, Pole::ALL.iter().map(|&pole| pole_label(pole))),
        ValueProblem::TooLong { max } => {
            fill(i.value_too_long, &[("length", &whole_number(value.chars().count())), ("max", &whole_number(max))])
        }
        ValueProblem::DuplicateRef { first_line } => {
            fill(i.value_duplicate_ref, &[("value", value), ("first_line", &first_line)])
        }
        ValueProblem::DuplicateActivity { first_line } => {
            fill(i.value_duplicate_activity, &[("first_line", &first_line)])
        }
    };
    fill(i.cell, &[("line", &line), ("column", &column_label(problem.column)), ("problem", &what)])
}

/// A row left blank, which the import skips.
pub fn empty_row_message(line: usize) -> String {
    fill(i().empty_row, &[("line", &line)])
}

fn unknown<'a>(problem: &CellProblem, what: &str, accepted: impl Iterator<Item = &'a str>) -> String {
    let i = i();
    let remedy = if problem.column.required() { i.remedy_required } else { i.remedy_optional };
    fill(
        i.value_unknown,
        &[
            ("what", &what),
            ("value", &problem.value),
            ("accepted", &accepted.collect::<Vec<_>>().join(", ")),
            ("remedy", &remedy),
        ],
    )
}

/// The column's code and its first known headers, quoted: « horodatage », « Date » ou « Date/heure ».
fn header_examples(column: Column) -> String {
    quoted_list(std::iter::once(column.code()).chain(column.known_headers().iter().copied()).take(3))
}

/// « a », « b » ou « c »
fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let i = i();
    let quoted: Vec<String> = items.map(|item| fill(i.quoted, &[("item", &item)])).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(", "), i.or),
        _ => quoted.concat(),
    }
}

fn megabytes(bytes: usize) -> String {
    super::megabytes(bytes as u64)
}

/// A whole number with its thousands apart: 100 000.
fn whole_number(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(i().thousands_separator);
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::{parse_channel, parse_domain, parse_kind, parse_pole};

    #[test]
    fn the_labels_the_messages_offer_as_accepted_values_are_accepted() {
        for &channel in Channel::ALL {
            assert_eq!(parse_channel(channel_label(channel)), Some(channel));
        }
        for &kind in Kind::ALL {
            assert_eq!(parse_kind(kind_label(kind)), Some(kind));
        }
        for &domain in ServiceDomain::ALL {
            assert_eq!(parse_domain(domain_label(domain)), Some(domain));
        }
        for &pole in Pole::ALL {
            assert_eq!(parse_pole(pole_label(pole)), Some(pole));
        }
    }
}

//! The sentences of activity-list imports (file problems, column mapping, row problems), in French.
//!
//! They are read by an administrator correcting a file in a spreadsheet: each says where (line, column), what
//! was found, and what to do about it.

use super::{channel_label, decimal, domain_label, kind_label, pole_label};
use crate::domain::import::{CellProblem, Column, FileProblem, MappingProblem, ValueProblem};
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, ServiceDomain};

/// Our column's name, as the dry run and the mapping form show it.
pub fn column_label(column: Column) -> &'static str {
    match column {
        Column::Ref => "Référence",
        Column::At => "Date et heure",
        Column::Channel => "Canal",
        Column::Site => "Site",
        Column::Typology => "Typologie",
        Column::Description => "Description",
        Column::Kind => "Type",
        Column::Domain => "Domaine",
        Column::Pole => "Pôle",
        Column::Requester => "Demandeur",
        Column::Title => "Titre",
    }
}

/// Why the file could not be read at all.
pub fn file_problem_message(problem: &FileProblem) -> String {
    const SAVE_AGAIN: &str = "Ouvrez-le dans votre tableur, enregistrez-le au format XLSX ou CSV, puis recommencez.";
    match problem {
        FileProblem::Empty => "Le fichier est vide. Choisissez le fichier qui contient la liste des activités.".into(),
        FileProblem::NotASpreadsheet => format!(
            "Ce fichier n'est ni un classeur (XLSX, XLS, ODS) ni un fichier texte CSV : ce n'est pas une liste d'activités. {SAVE_AGAIN}"
        ),
        FileProblem::TooLarge { bytes, max } => format!(
            "Le fichier pèse {} Mo, pour {} Mo au plus. Découpez la liste en plusieurs fichiers, par exemple un par mois.",
            megabytes(*bytes),
            megabytes(*max)
        ),
        FileProblem::TooManyRows { rows, max } => format!(
            "Le fichier compte au moins {} lignes d'activités, pour {} au plus par import. Découpez la liste en plusieurs fichiers.",
            whole_number(*rows),
            whole_number(*max)
        ),
        FileProblem::NoHeader => format!(
            "La première ligne du fichier doit nommer les colonnes (par exemple {}). Ajoutez cette ligne d'en-tête au-dessus des activités, puis recommencez.",
            Column::ALL
                .iter()
                .filter(|column| column.required())
                .map(|column| column.code())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FileProblem::Unreadable(detail) => {
            format!("Le classeur n'a pas pu être lu (détail technique : {detail}). {SAVE_AGAIN}")
        }
    }
}

/// Why the file's headers do not say where our columns are.
pub fn mapping_problem_message(problem: &MappingProblem) -> String {
    match problem {
        MappingProblem::Missing(column) => format!(
            "Aucune colonne du fichier ne donne « {} », qui est obligatoire. Nommez-en une par exemple {}, ou indiquez quelle colonne du fichier la contient.",
            column_label(*column),
            header_examples(*column)
        ),
        MappingProblem::UnknownHeader { column, header } => format!(
            "La colonne « {header} » choisie pour « {} » n'existe pas dans le fichier. Choisissez une des colonnes de sa première ligne.",
            column_label(*column)
        ),
        MappingProblem::Twice { column, headers } => {
            let label = column_label(*column);
            match headers.first() {
                Some(first) if headers.iter().all(|header| header.eq_ignore_ascii_case(first)) => format!(
                    "Le fichier a plusieurs colonnes nommées « {first} ». Renommez-les pour qu'une seule donne « {label} », puis recommencez."
                ),
                _ => format!(
                    "Plusieurs colonnes du fichier peuvent donner « {label} » : {}. Indiquez laquelle utiliser.",
                    quoted_list(headers.iter().map(String::as_str))
                ),
            }
        }
    }
}

/// What is wrong with one cell of the file, e.g. « Ligne 12, colonne « Date et heure » : date illisible
/// « 31/02/2026 » ; formats acceptés : 2026-03-02T08:12, 02/03/2026 08:12 ou 02/03/2026. »
pub fn value_problem_message(line: usize, problem: &CellProblem) -> String {
    let value = &problem.value;
    let what = match problem.problem {
        ValueProblem::Missing => {
            "valeur manquante, alors qu'elle est obligatoire. Renseignez-la ou retirez la ligne.".into()
        }
        ValueProblem::BadDate => format!(
            "date illisible ou inexistante « {value} » ; formats acceptés : 2026-03-02T08:12, 02/03/2026 08:12 ou 02/03/2026."
        ),
        ValueProblem::UnknownChannel => {
            unknown(problem, "canal", Channel::ALL.iter().map(|&channel| channel_label(channel)))
        }
        ValueProblem::UnknownKind => unknown(problem, "type", Kind::ALL.iter().map(|&kind| kind_label(kind))),
        ValueProblem::UnknownDomain => {
            unknown(problem, "domaine", ServiceDomain::ALL.iter().map(|&domain| domain_label(domain)))
        }
        ValueProblem::UnknownPole => unknown(problem, "pôle", Pole::ALL.iter().map(|&pole| pole_label(pole))),
        ValueProblem::TooLong { max } => format!(
            "texte trop long ({} caractères, {} au plus). Raccourcissez-le.",
            whole_number(value.chars().count()),
            whole_number(max)
        ),
        ValueProblem::DuplicateRef { first_line } => format!(
            "la référence « {value} » est déjà celle de la ligne {first_line}, et une référence ne désigne qu'une activité. Corrigez-la ou retirez le doublon."
        ),
        ValueProblem::DuplicateActivity { first_line } => format!(
            "même date, même site et même description que la ligne {first_line} : cette ligne est sans doute un doublon. Retirez-la, ou donnez une référence à chacune des deux."
        ),
    };
    format!("Ligne {line}, colonne « {} » : {what}", column_label(problem.column))
}

/// A row left blank, which the import skips.
pub fn empty_row_message(line: usize) -> String {
    format!("Ligne {line} : vide, ignorée.")
}

fn unknown<'a>(problem: &CellProblem, what: &str, accepted: impl Iterator<Item = &'a str>) -> String {
    let remedy =
        if problem.column.required() { "Corrigez la valeur." } else { "Corrigez la valeur ou laissez-la vide." };
    format!(
        "{what} inconnu « {} » ; valeurs acceptées : {} (majuscules et accents indifférents). {remedy}",
        problem.value,
        accepted.collect::<Vec<_>>().join(", ")
    )
}

/// The column's code and its first known headers, quoted: « horodatage », « Date » ou « Date/heure ».
fn header_examples(column: Column) -> String {
    quoted_list(std::iter::once(column.code()).chain(column.known_headers().iter().copied()).take(3))
}

/// « a », « b » ou « c »
fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items.map(|item| format!("« {item} »")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} ou {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// Megabytes with one decimal, as file managers show them (1 Mo = 1 048 576 octets): "23,8", "20".
fn megabytes(bytes: usize) -> String {
    let text = decimal(bytes as f64 / (1024.0 * 1024.0), 1);
    text.strip_suffix(",0").map_or_else(|| text.clone(), str::to_owned)
}

/// A whole number with its thousands apart, the French way: 100 000.
fn whole_number(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    grouped
}

//! Activity lists as rows: which column holds what, and each row checked into an activity or its problems.
//!
//! A decoded file is a [`Table`] of text cells (see `crate::imports::file` for the decoding). [`map_columns`]
//! finds our [`Column`]s among the file's headers, by synonyms or as the person says; [`check_rows`] turns every
//! row into an [`Activity`] or the list of what is wrong with it, so a dry run can show both before anything is
//! written. Sites, requesters and re-imports are the database's business, not this module's.

use crate::code_enum;
use crate::domain::catalog::fold_for_search;
use crate::domain::people::Pole;
use crate::domain::ticket::{Channel, Kind, ServiceDomain};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The prefix of an imported activity's `source_ref`: its reference in the file follows. Reserved to imports.
pub const SOURCE_PREFIX: &str = "import:";

/// The longest description accepted, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 4000;
/// The longest title accepted, in characters (the tickets table refuses more).
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest reference accepted, in characters: references are identifiers, not texts.
pub const MAX_REF_CHARS: usize = 100;
/// Titles made from a description stay within this many characters, ellipsis included.
const TITLE_FROM_DESCRIPTION_CHARS: usize = 90;
/// What a fingerprint reference starts with, so nobody takes it for a reference from the source system.
pub const FINGERPRINT_PREFIX: &str = "empreinte-";

/// A decoded file: its header row and the rows below it, every cell as text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    /// The delimiter that split a text file's lines (`None` for a spreadsheet). A text row with more cells than
    /// headers almost always had it typed, unquoted, inside its description: [`check_rows`] puts it back there.
    pub delimiter: Option<char>,
}

/// One row below the headers, numbered as a spreadsheet shows it (the header row of a CSV file is line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    pub line: usize,
    pub cells: Vec<String>,
}

impl TableRow {
    /// Whether every cell is blank (rows left empty between activities are reported as ignored).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.trim().is_empty())
    }
}

/// Why a file could not be read as a table at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// Nothing in it: no byte, or no cell.
    Empty,
    /// Neither a spreadsheet nor text (an image, a PDF, a Word document…).
    NotASpreadsheet,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    TooManyRows {
        rows: usize,
        max: usize,
    },
    /// The first row holds no word, so it cannot name the columns.
    NoHeader,
    /// A spreadsheet that opened but whose sheet could not be read; the reader's explanation, for support.
    Unreadable(String),
}

code_enum! {
    /// What an activity list may tell about an activity. The codes are the sample file's headers.
    pub enum Column {
        Ref = "ref",
        At = "horodatage",
        Channel = "canal",
        Site = "site",
        Typology = "typologie",
        Description = "description",
        Kind = "type",
        Domain = "domaine",
        Pole = "pole",
        Requester = "demandeur",
        Title = "titre",
    }
}

impl Column {
    /// Whether an activity cannot be registered without it.
    pub const fn required(self) -> bool {
        matches!(self, Column::At | Column::Channel | Column::Site | Column::Description)
    }

    /// Headers other files use for this column, besides its code; compared without accents, case, spaces or
    /// punctuation ("Date / heure" is "Date/heure"). Also shown to people as examples.
    pub const fn known_headers(self) -> &'static [&'static str] {
        match self {
            Column::Ref => &["Référence", "Réf.", "N°", "Numéro", "Id", "Identifiant"],
            Column::At => &[
                "Date",
                "Date/heure",
                "Date et heure",
                "Horodatage",
                "Ouvert le",
                "Date d'ouverture",
                "Date de création",
                "Créé le",
            ],
            Column::Channel => &["Canal", "Source", "Origine"],
            Column::Site => &["Site", "Agence", "Lieu", "Établissement"],
            Column::Typology => &["Typologie", "Profil"],
            Column::Description => &["Description", "Libellé", "Détail", "Détails", "Texte"],
            Column::Kind => &["Type", "Type d'activité", "Nature"],
            Column::Domain => &["Domaine", "Domaine de service"],
            Column::Pole => &["Pôle", "Groupe", "Équipe", "Niveau"],
            Column::Requester => &["Demandeur", "E-mail", "Courriel", "Utilisateur"],
            Column::Title => &["Titre", "Objet", "Sujet"],
        }
    }

    fn recognises(self, header_key: &str) -> bool {
        !header_key.is_empty()
            && std::iter::once(self.code())
                .chain(self.known_headers().iter().copied())
                .any(|known| key(known) == header_key)
    }
}

/// Which column of the file holds each of our columns (by position, so two headers with one name stay apart).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mapping {
    positions: BTreeMap<Column, usize>,
}

impl Mapping {
    /// The position of the file's column holding `column`, if the file has one.
    pub fn position(&self, column: Column) -> Option<usize> {
        self.positions.get(&column).copied()
    }

    /// Our columns found in the file, with their positions, in [`Column::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Column, usize)> + '_ {
        self.positions.iter().map(|(&column, &position)| (column, position))
    }
}

/// Why the file's headers do not say where our columns are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MappingProblem {
    /// A required column that no header names.
    Missing(Column),
    /// The person named, for this column, a header the file does not have.
    UnknownHeader { column: Column, header: String },
    /// Several headers could be this column; the person has to say which.
    Twice { column: Column, headers: Vec<String> },
}

/// Finds our columns among `headers`. A column named in `explicit` (by the person, a header of the file) takes
/// that header, and a header named there is not matched by synonyms for another column: a "Type" column mapped
/// to the typology must not also be read as the activity type. Other columns are recognised by
/// [`Column::known_headers`]. A blank explicit header counts as not given.
pub fn map_columns(headers: &[String], explicit: &BTreeMap<Column, String>) -> Result<Mapping, Vec<MappingProblem>> {
    let keys: Vec<String> = headers.iter().map(|header| key(header)).collect();
    let named_by = |wanted: &dyn Fn(usize) -> bool| -> Vec<usize> { (0..keys.len()).filter(|&i| wanted(i)).collect() };
    let mut positions = BTreeMap::new();
    let mut problems = Vec::new();
    let mut claimed = BTreeSet::new();
    let explicit: BTreeMap<Column, &str> = explicit
        .iter()
        .map(|(&column, header)| (column, header.trim()))
        .filter(|(_, header)| !header.is_empty())
        .collect();

    for (&column, &header) in &explicit {
        // The header as written first (it tells "Date" from "date" when a file has both), else as a key.
        let exact = named_by(&|i| headers[i].trim() == header);
        let wanted = key(header);
        let found = if exact.is_empty() && !wanted.is_empty() { named_by(&|i| keys[i] == wanted) } else { exact };
        match found[..] {
            [] => problems.push(MappingProblem::UnknownHeader { column, header: header.to_owned() }),
            [position] => {
                positions.insert(column, position);
                claimed.insert(position);
            }
            _ => problems.push(MappingProblem::Twice { column, headers: headers_at(headers, &found) }),
        }
    }
    for &column in Column::ALL.iter().filter(|column| !explicit.contains_key(column)) {
        let found = named_by(&|i| !claimed.contains(&i) && column.recognises(&keys[i]));
        match found[..] {
            [] if column.required() => problems.push(MappingProblem::Missing(column)),
            [] => {}
            [position] => {
                positions.insert(column, position);
            }
            _ => problems.push(MappingProblem::Twice { column, headers: headers_at(headers, &found) }),
        }
    }
    if problems.is_empty() { Ok(Mapping { positions }) } else { Err(problems) }
}

fn headers_at(headers: &[String], positions: &[usize]) -> Vec<String> {
    positions.iter().map(|&i| headers[i].trim().to_owned()).collect()
}

/// One activity read from a row, ready to be registered once its site (and requester) are found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub line: usize,
    /// The row's reference in the source system, or its [`fingerprint`]: what makes a re-import find it again.
    pub source_ref: String,
    /// Local (Europe/Paris) time, as the file writes it.
    pub at: NaiveDateTime,
    pub channel: Channel,
    /// The site's name as written in the file; matching it to a site is the importer's job.
    pub site: String,
    pub typology: Option<String>,
    pub description: String,
    pub title: String,
    pub kind: Option<Kind>,
    pub domain: Option<ServiceDomain>,
    pub pole: Option<Pole>,
    pub requester: Option<String>,
}

/// What is wrong with one cell: its column, its value as written (trimmed) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellProblem {
    pub column: Column,
    pub value: String,
    pub problem: ValueProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueProblem {
    /// A required column left blank.
    Missing,
    /// Not one of the accepted date formats, or no such day (31/02/2026).
    BadDate,
    UnknownChannel,
    UnknownKind,
    UnknownDomain,
    UnknownPole,
    TooLong {
        max: usize,
    },
    /// The reference was already given to an earlier row of the file.
    DuplicateRef {
        first_line: usize,
    },
    /// No reference, and the same time, site and description as an earlier row: the line was copied twice.
    DuplicateActivity {
        first_line: usize,
    },
}

/// What a row turned out to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowCheck {
    /// Every cell blank: ignored.
    Empty {
        line: usize,
    },
    Valid(Activity),
    Invalid {
        line: usize,
        problems: Vec<CellProblem>,
    },
}

impl RowCheck {
    pub fn line(&self) -> usize {
        match self {
            RowCheck::Empty { line } | RowCheck::Invalid { line, .. } => *line,
            RowCheck::Valid(activity) => activity.line,
        }
    }
}

/// Checks every row of `table`, in order. Every problem of a row is reported, not only the first, so one pass
/// over the file is enough to correct it.
pub fn check_rows(table: &Table, mapping: &Mapping) -> Vec<RowCheck> {
    let mut seen = Seen::default();
    table.rows.iter().map(|row| check_row(table, row, mapping, &mut seen)).collect()
}

/// References and fingerprints met so far, with the line they were first met on.
#[derive(Default)]
struct Seen {
    refs: HashMap<String, usize>,
    fingerprints: HashMap<String, usize>,
}

fn check_row(table: &Table, row: &TableRow, mapping: &Mapping, seen: &mut Seen) -> RowCheck {
    let line = row.line;
    if row.is_blank() {
        return RowCheck::Empty { line };
    }
    let cells = aligned_cells(table, row, mapping);
    let mut cell = CellReader { cells: &cells, mapping, problems: Vec::new() };
    let at = cell.read(Column::At, |value| parse_timestamp(value).ok_or(ValueProblem::BadDate));
    let channel = cell.read(Column::Channel, |value| parse_channel(value).ok_or(ValueProblem::UnknownChannel));
    let site = cell.read(Column::Site, Ok);
    let description = cell.read(Column::Description, |value| fits(value, MAX_DESCRIPTION_CHARS));
    let title = cell.read(Column::Title, |value| fits(value, MAX_TITLE_CHARS));
    let typology = cell.read(Column::Typology, Ok);
    let kind = cell.read(Column::Kind, |value| parse_kind(value).ok_or(ValueProblem::UnknownKind));
    let domain = cell.read(Column::Domain, |value| parse_domain(value).ok_or(ValueProblem::UnknownDomain));
    let pole = cell.read(Column::Pole, |value| parse_pole(value).ok_or(ValueProblem::UnknownPole));
    let requester = cell.read(Column::Requester, Ok);
    let given_ref = cell.read(Column::Ref, |value| fits(value, MAX_REF_CHARS));

    // A reference identifies the activity; without one, its fingerprint does. Either seen earlier in the file
    // means the row is there twice.
    let source_ref = if !cell.value(Column::Ref).is_empty() {
        given_ref.map(|reference| {
            if let Some(&first_line) = seen.refs.get(reference) {
                cell.report(Column::Ref, ValueProblem::DuplicateRef { first_line });
            } else {
                seen.refs.insert(reference.to_owned(), line);
            }
            reference.to_owned()
        })
    } else if let (Some(at), Some(site), Some(description)) = (at, site, description) {
        let print = fingerprint(at, site, description);
        if let Some(&first_line) = seen.fingerprints.get(&print) {
            cell.report(Column::Description, ValueProblem::DuplicateActivity { first_line });
        } else {
            seen.fingerprints.insert(print.clone(), line);
        }
        Some(print)
    } else {
        None
    };

    match (source_ref, at, channel, site, description) {
        (Some(source_ref), Some(at), Some(channel), Some(site), Some(description)) if cell.problems.is_empty() => {
            RowCheck::Valid(Activity {
                line,
                source_ref,
                at,
                channel,
                site: site.to_owned(),
                typology: typology.map(str::to_owned),
                description: description.to_owned(),
                title: title.map_or_else(|| title_of(description), str::to_owned),
                kind,
                domain,
                pole,
                requester: requester.map(str::to_owned),
            })
        }
        _ => RowCheck::Invalid { line, problems: cell.problems },
    }
}

/// Reads a row's cells as our columns (trimmed; a column the file lacks reads as blank) and gathers what is
/// wrong with them.
struct CellReader<'a> {
    cells: &'a [String],
    mapping: &'a Mapping,
    problems: Vec<CellProblem>,
}

impl<'a> CellReader<'a> {
    fn value(&self, column: Column) -> &'a str {
        self.mapping.position(column).and_then(|position| self.cells.get(position)).map_or("", |cell| cell.trim())
    }

    /// A blank cell is `Missing` in a required column and simply absent in an optional one; otherwise `check`
    /// reads the value or says what is wrong with it.
    fn read<T>(&mut self, column: Column, check: impl FnOnce(&'a str) -> Result<T, ValueProblem>) -> Option<T> {
        let checked = match self.value(column) {
            "" if column.required() => Err(ValueProblem::Missing),
            "" => return None,
            value => check(value),
        };
        checked.map_err(|problem| self.report(column, problem)).ok()
    }

    fn report(&mut self, column: Column, problem: ValueProblem) {
        let value = self.value(column).to_owned();
        self.problems.push(CellProblem { column, value, problem });
    }
}

fn fits(value: &str, max: usize) -> Result<&str, ValueProblem> {
    if value.chars().count() <= max { Ok(value) } else { Err(ValueProblem::TooLong { max }) }
}

/// The row's cells, with the surplus of a text row put back into its description. A text row with more
/// non-blank cells than headers most likely had the delimiter typed, unquoted, inside its free text (the sample
/// has "la nuit ; trois fois"); the description is the only free text we require, so the extra cells are
/// joined back into it and the columns after it move back into place. Spreadsheet rows are never realigned:
/// cells to the right of the last header are notes, and ignored.
fn aligned_cells<'a>(table: &Table, row: &'a TableRow, mapping: &Mapping) -> Cow<'a, [String]> {
    let width = table.headers.len();
    let used = row.cells.iter().rposition(|cell| !cell.trim().is_empty()).map_or(0, |last| last + 1);
    let (Some(delimiter), Some(description)) = (table.delimiter, mapping.position(Column::Description)) else {
        return Cow::Borrowed(&row.cells);
    };
    if used <= width || description >= width {
        return Cow::Borrowed(&row.cells);
    }
    let surplus = used - width;
    let cells = &row.cells;
    let mut aligned: Vec<String> = cells[..description].to_vec();
    aligned.push(cells[description..=description + surplus].join(&delimiter.to_string()));
    aligned.extend_from_slice(&cells[description + surplus + 1..used]);
    Cow::Owned(aligned)
}

/// A stable reference for a row that has none: FNV-1a (64 bits) of its time, site and description, so that
/// importing the same file twice finds the same activities. Written here rather than taken from a crate: it is
/// ten lines, must never change, and the domain stays free of dependencies.
pub fn fingerprint(at: NaiveDateTime, site: &str, description: &str) -> String {
    // The unit separator cannot be typed in a cell, so ("a", "bc") and ("ab", "c") never hash alike.
    let text = format!("{}\u{1f}{}\u{1f}{}", at.format("%Y-%m-%dT%H:%M:%S"), site.trim(), description.trim());
    format!("{FINGERPRINT_PREFIX}{:016x}", fnv1a_64(text.as_bytes()))
}

fn fnv1a_64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

/// A short title from a description: its first sentence, cut at a word within 90 characters and ended with
/// "…" when cut. A sentence ends at a line break or at ".", "?", "!" or "…" followed by a space, so "v2.3" or
/// "92 %." do not cut it early.
pub fn title_of(description: &str) -> String {
    let sentence = first_sentence(description);
    if sentence.chars().count() <= TITLE_FROM_DESCRIPTION_CHARS {
        return sentence.to_owned();
    }
    // Room for the words, the space before each and the ellipsis.
    let room = TITLE_FROM_DESCRIPTION_CHARS - 2;
    let mut title = String::new();
    for word in sentence.split_whitespace() {
        if title.chars().count() + word.chars().count() + 1 > room {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.is_empty() {
        // A first word longer than a title (a link, a path): cut inside it.
        title = sentence.chars().take(room).collect();
    }
    format!("{title}…")
}

fn first_sentence(text: &str) -> &str {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let ends = c == '\n'
            || (matches!(c, '.' | '?' | '!' | '…') && chars.peek().is_none_or(|(_, next)| next.is_whitespace()));
        if ends {
            let sentence = text[start..index].trim();
            // "!!! Serveur arrêté." starts with a sentence of punctuation only: the title is the next one.
            if sentence.chars().any(char::is_alphanumeric) {
                return sentence;
            }
            start = index + c.len_utf8();
        }
    }
    text[start..].trim()
}

/// Reads the accepted date formats: `2026-03-02T08:12[:00]`, `2026-03-02 08:12[:00]`, `02/03/2026 08:12[:00]`,
/// and a date alone (`02/03/2026`, `2026-03-02`) as midnight. Seconds may carry a fraction, which is dropped.
/// Two-digit years are refused: "02/03/26" could be 1926 or 2026.
pub fn parse_timestamp(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time.trim_start())),
        None => (text, None),
    };
    let date = iso_date(date).or_else(|| french_date(date))?;
    let time = match time {
        Some(time) => time_of_day(time)?,
        None => NaiveTime::MIN,
    };
    Some(date.and_time(time))
}

fn iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (Some(year), Some(month), Some(day), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    NaiveDate::from_ymd_opt(number(year, 4, 4)? as i32, number(month, 1, 2)?, number(day, 1, 2)?)
}

fn french_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('/');
    let (Some(day), Some(month), Some(year), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    NaiveDate::from_ymd_opt(number(year, 4, 4)? as i32, number(month, 1, 2)?, number(day, 1, 2)?)
}

fn time_of_day(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let (Some(hour), Some(minute), seconds, None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let second = match seconds {
        None => 0,
        Some(seconds) => {
            let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, "0"));
            number(fraction, 1, 9)?;
            number(whole, 2, 2)?
        }
    };
    NaiveTime::from_hms_opt(number(hour, 1, 2)?, number(minute, 2, 2)?, second)
}

/// A number written with between `min` and `max` ASCII digits and nothing else.
fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    let well_formed = (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    if well_formed { text.parse().ok() } else { None }
}

/// A header or value without accents, case, spaces or punctuation: "Date / heure" and "date-heure" are one.
fn key(text: &str) -> String {
    fold_for_search(text).split_whitespace().collect()
}

/// Finds the value among the codes of `all` and the extra words, both compared as [`key`]s.
fn by_code_or_word<T: Copy>(value: &str, all: &[T], code: fn(T) -> &'static str, words: &[(&str, T)]) -> Option<T> {
    let value = key(value);
    all.iter()
        .copied()
        .find(|&item| key(code(item)) == value)
        .or_else(|| words.iter().find(|(word, _)| key(word) == value).map(|&(_, item)| item))
}

pub fn parse_channel(value: &str) -> Option<Channel> {
    const WORDS: &[(&str, Channel)] = &[
        ("téléphone", Channel::Phone),
        ("tél", Channel::Phone),
        ("appel", Channel::Phone),
        ("courriel", Channel::Mail),
        ("e-mail", Channel::Mail),
        ("web", Channel::Portal),
        ("monitoring", Channel::Monitoring),
        ("alerte", Channel::Monitoring),
        ("accueil", Channel::WalkIn),
        ("sur place", Channel::WalkIn),
        ("au guichet", Channel::WalkIn),
    ];
    by_code_or_word(value, Channel::ALL, Channel::code, WORDS)
}

pub fn parse_kind(value: &str) -> Option<Kind> {
    // The reference prefixes (INC, DEM…) are what people read on tickets, so files use them too.
    by_code_or_word(value, Kind::ALL, Kind::code, &[]).or_else(|| by_code_or_word(value, Kind::ALL, Kind::prefix, &[]))
}

pub fn parse_domain(value: &str) -> Option<ServiceDomain> {
    // The labels the product shows, so a list exported from it comes back in.
    const WORDS: &[(&str, ServiceDomain)] = &[
        ("Poste de travail", ServiceDomain::Workstation),
        ("Logiciels", ServiceDomain::Software),
        ("Comptes et accès", ServiceDomain::Account),
        ("Messagerie et collaboration", ServiceDomain::Messaging),
        ("Applications métier", ServiceDomain::Business),
        ("Infrastructure", ServiceDomain::Infrastructure),
    ];
    by_code_or_word(value, ServiceDomain::ALL, ServiceDomain::code, WORDS)
}

pub fn parse_pole(value: &str) -> Option<Pole> {
    const WORDS: &[(&str, Pole)] = &[
        ("Front Office", Pole::Front),
        ("N1", Pole::Front),
        ("Niveau 1", Pole::Front),
        ("Front Office (N1)", Pole::Front),
        ("Back Office", Pole::Back),
        ("N2", Pole::Back),
        ("Niveau 2", Pole::Back),
        ("Back Office (N2)", Pole::Back),
        ("N3", Pole::Expert),
        ("Niveau 3", Pole::Expert),
        ("Expert / Métier (N3)", Pole::Expert),
    ];
    by_code_or_word(value, Pole::ALL, Pole::code, WORDS)
}

#[cfg(test)]
mod tests;

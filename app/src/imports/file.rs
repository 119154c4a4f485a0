//! Decoding an uploaded activity list (XLSX, ODS, XLS or CSV) into a plain table of text cells.
//!
//! The format is told by the content, never by the file's name: people rename files, and browsers send
//! whatever type they like. Spreadsheets are read with calamine (the first sheet), text with the csv crate
//! after its encoding and delimiter are found. Either way the result is a [`Table`] whose rows carry the row
//! number the person sees in their spreadsheet, so every message can point at the right line.

use crate::domain::import::{FileProblem, Table, TableRow};
use calamine::{Data, ExcelDateTime, Ods, Reader, Xls, Xlsb, Xlsx};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta, Timelike};
use std::collections::BTreeMap;
use std::io::Cursor;

/// The largest file accepted: a year of a busy desk's activities is far below it.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The most activities one import may hold, so a dry run stays quick to read and to check.
pub const MAX_ROWS: usize = 100_000;
/// Cells right of column IV (the 256th) are ignored: an activity list has a dozen columns, and a stray value at
/// column XFD must not make every row sixteen thousand cells wide.
const MAX_SHEET_COLUMNS: u32 = 256;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a file's first sheet (spreadsheet) or its text (CSV) into a Table.
pub fn read_table(bytes: &[u8]) -> Result<Table, FileProblem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { bytes: bytes.len(), max: MAX_FILE_BYTES });
    }
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        read_zipped_workbook(bytes)
    } else if bytes.starts_with(OLE_MAGIC) {
        // Old .xls files; a Word document or an encrypted workbook shares the container but does not open.
        let workbook = Xls::new(Cursor::new(bytes)).map_err(|_| FileProblem::NotASpreadsheet)?;
        read_first_sheet(workbook)
    } else {
        read_csv(&decode_text(bytes)?)
    }
}

/// XLSX, XLSB and ODS are all ZIP archives; which one it is shows when one of them opens. A ZIP that opens as
/// none of them (a folder zipped, a .docx) is not a spreadsheet.
fn read_zipped_workbook(bytes: &[u8]) -> Result<Table, FileProblem> {
    if let Ok(workbook) = Xlsx::new(Cursor::new(bytes)) {
        return read_xlsx(workbook);
    }
    if let Ok(workbook) = Xlsb::new(Cursor::new(bytes)) {
        return read_first_sheet(workbook);
    }
    if let Ok(workbook) = Ods::new(Cursor::new(bytes)) {
        return read_first_sheet(workbook);
    }
    Err(FileProblem::NotASpreadsheet)
}

/// XLSX is streamed cell by cell rather than loaded as a rectangle: calamine's ranges are dense, so one value at
/// the bottom right of a sheet would otherwise allocate every cell in between.
fn read_xlsx(mut workbook: Xlsx<Cursor<&[u8]>>) -> Result<Table, FileProblem> {
    let Some(name) = workbook.sheet_names().into_iter().next() else { return Err(FileProblem::Empty) };
    let unreadable = |error: calamine::XlsxError| FileProblem::Unreadable(error.to_string());
    let mut cells = workbook.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut sheet = SheetCells::default();
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        sheet.add(row, column, &Data::from(cell.get_value().clone()))?;
    }
    sheet.into_table()
}

/// XLS, XLSB and ODS have no streaming reader; their own limits (65,536 rows for XLS, a cell cap for ODS)
/// bound the rectangle calamine allocates.
fn read_first_sheet<'a, R: Reader<Cursor<&'a [u8]>>>(mut workbook: R) -> Result<Table, FileProblem>
where
    R::Error: std::fmt::Display,
{
    let range = match workbook.worksheet_range_at(0) {
        None => return Err(FileProblem::Empty),
        Some(range) => range.map_err(|error| FileProblem::Unreadable(error.to_string()))?,
    };
    let Some((first_row, first_column)) = range.start() else { return Err(FileProblem::Empty) };
    let mut sheet = SheetCells::default();
    for (row, column, value) in range.used_cells() {
        sheet.add(first_row + row as u32, first_column + column as u32, value)?;
    }
    sheet.into_table()
}

/// The non-blank cells of a sheet by row and column (0-based, as calamine counts), gathered in any order.
#[derive(Default)]
struct SheetCells {
    rows: BTreeMap<u32, BTreeMap<u32, String>>,
}

impl SheetCells {
    fn add(&mut self, row: u32, column: u32, value: &Data) -> Result<(), FileProblem> {
        let text = cell_text(value);
        if text.is_empty() || column >= MAX_SHEET_COLUMNS {
            return Ok(());
        }
        self.rows.entry(row).or_default().insert(column, text);
        // Stop reading as soon as the limit is certainly passed (header + MAX_ROWS rows with a value).
        if self.rows.len() > MAX_ROWS + 1 {
            return Err(FileProblem::TooManyRows { rows: self.rows.len() - 1, max: MAX_ROWS });
        }
        Ok(())
    }

    /// The first row with a value is the header; the table spans its columns. Rows without any value between
    /// data rows are kept (blank) so numbering and the dry run match the sheet; those after the last are not.
    fn into_table(mut self) -> Result<Table, FileProblem> {
        let Some((header_row, header)) = self.rows.pop_first() else { return Err(FileProblem::Empty) };
        let (Some(&first_column), Some(&last_column)) = (header.keys().next(), header.keys().next_back()) else {
            return Err(FileProblem::Empty);
        };
        let span = |cells: &BTreeMap<u32, String>| -> Vec<String> {
            (first_column..=last_column).map(|column| cells.get(&column).cloned().unwrap_or_default()).collect()
        };
        let headers = span(&header);
        // Notes right or left of the list do not make rows of their own at its end.
        let last_row = (self.rows.iter().rev())
            .find(|(_, cells)| cells.range(first_column..=last_column).next().is_some())
            .map_or(header_row, |(&row, _)| row);
        let count = (last_row - header_row) as usize;
        if count > MAX_ROWS {
            return Err(FileProblem::TooManyRows { rows: count, max: MAX_ROWS });
        }
        let empty = BTreeMap::new();
        let rows = (header_row + 1..=last_row)
            .map(|row| TableRow { line: row as usize + 1, cells: span(self.rows.get(&row).unwrap_or(&empty)) })
            .collect();
        checked_table(headers, rows, None)
    }
}

/// A cell as the person reads it in the sheet, so problems quote what they see.
fn cell_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(text) => text.trim().to_owned(),
        Data::Int(number) => number.to_string(),
        // Rust prints 42.0 as "42" and 0.1 as "0.1": the shortest form that reads back, as a spreadsheet shows.
        Data::Float(number) => number.to_string(),
        // The words a French spreadsheet shows.
        Data::Bool(true) => "VRAI".to_owned(),
        Data::Bool(false) => "FAUX".to_owned(),
        Data::DateTime(at) => excel_date_time_text(at),
        Data::DateTimeIso(text) => iso_date_time_text(text.trim()),
        Data::DurationIso(text) => text.trim().to_owned(),
        // Kept as the sheet shows it (#N/A, #REF!…), so the check names the broken cell instead of calling it empty.
        Data::Error(error) => error.to_string(),
    }
}

/// An Excel date as ISO `YYYY-MM-DDTHH:MM:SS`, rounded to the second (Excel stores days as a float, so 08:12
/// may come back as 08:11:59.999). A time alone (no date part) or a duration is written as a time, which is
/// not an instant: the check then says so rather than dating an activity from 1899.
fn excel_date_time_text(at: &ExcelDateTime) -> String {
    let serial = at.as_f64();
    if at.is_duration() || (0.0..1.0).contains(&serial) {
        let seconds = (serial * 86_400.0).round() as i64;
        return format!("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    let (year, month, day, hour, minute, second, milli) = at.to_ymd_hms_milli();
    let exact = NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())
        .and_then(|date| date.and_hms_milli_opt(hour.into(), minute.into(), second.into(), milli.into()));
    match exact {
        Some(exact) => {
            let rounded = exact + TimeDelta::milliseconds(500);
            rounded.with_nanosecond(0).unwrap_or(rounded).format("%Y-%m-%dT%H:%M:%S").to_string()
        }
        // Excel's 29 February 1900, which never existed: written as Excel shows it, and refused by the check.
        None => format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"),
    }
}

/// OpenDocument dates are ISO already, with or without a time, sometimes with a fraction of a second.
fn iso_date_time_text(text: &str) -> String {
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return at.format("%Y-%m-%dT%H:%M:%S").to_string();
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return date.and_time(chrono::NaiveTime::MIN).format("%Y-%m-%dT%H:%M:%S").to_string();
    }
    text.to_owned()
}

/// Text in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "texte Unicode"), or else Windows-1252, which
/// is what French Excel writes as "CSV (séparateur : point-virgule)". Anything else is not text.
fn decode_text(bytes: &[u8]) -> Result<String, FileProblem> {
    let text = if let Some(units) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(units, u16::from_le_bytes)?
    } else if let Some(units) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(units, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => windows_1252(bytes).ok_or(FileProblem::NotASpreadsheet)?,
        }
    };
    // Binary files decode as text in Windows-1252 more often than not; control characters give them away.
    if text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) {
        return Err(FileProblem::NotASpreadsheet);
    }
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, FileProblem> {
    if !bytes.len().is_multiple_of(2) {
        return Err(FileProblem::NotASpreadsheet);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])).collect();
    String::from_utf16(&units).map_err(|_| FileProblem::NotASpreadsheet)
}

/// Windows-1252: Latin-1 with printable characters in 0x80–0x9F. The five bytes it leaves undefined never
/// occur in text, so they make the file "not text".
fn windows_1252(bytes: &[u8]) -> Option<String> {
    const HIGH_CONTROLS: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => HIGH_CONTROLS[usize::from(byte - 0x80)],
            _ => Some(char::from(byte)),
        })
        .collect()
}

/// Reads CSV text. Cells are kept as written (untrimmed), so a description split by an unquoted delimiter can
/// be put back together exactly (see `domain::import`).
fn read_csv(text: &str) -> Result<Table, FileProblem> {
    let delimiter = delimiter_of(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows: Vec<TableRow> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => return Err(FileProblem::Unreadable(error.to_string())),
        }
        // The csv crate skips blank lines; a spreadsheet shows each as an empty row, and numbers a record with
        // line breaks inside quotes as one row. Rows are numbered the spreadsheet's way.
        let skipped_from = record.position().map_or(0, |position| position.byte() as usize);
        for _ in 0..blank_lines_at(text.as_bytes(), skipped_from) {
            rows.push(TableRow { line: rows.len() + 1, cells: Vec::new() });
        }
        rows.push(TableRow { line: rows.len() + 1, cells: record.iter().map(str::to_owned).collect() });
    }
    let Some(header_index) = rows.iter().position(|row| !row.is_blank()) else { return Err(FileProblem::Empty) };
    let mut rows = rows.split_off(header_index);
    let header = rows.remove(0);
    let headers = header.cells.iter().map(|cell| cell.trim().to_owned()).collect();
    while rows.last().is_some_and(TableRow::is_blank) {
        rows.pop();
    }
    if rows.len() > MAX_ROWS {
        return Err(FileProblem::TooManyRows { rows: rows.len(), max: MAX_ROWS });
    }
    checked_table(headers, rows, Some(delimiter))
}

/// How many blank lines the csv reader skipped from `at` (where it started reading a record) to the record.
/// It stops after the first character of a line break, so a "\r\n" ending the previous record leaves its
/// "\n" behind, which is not a blank line.
fn blank_lines_at(text: &[u8], at: usize) -> usize {
    let mut index = at;
    if index > 0 && text.get(index - 1) == Some(&b'\r') && text.get(index) == Some(&b'\n') {
        index += 1;
    }
    let mut blank_lines = 0;
    while let Some(&byte) = text.get(index) {
        match byte {
            b'\r' if text.get(index + 1) == Some(&b'\n') => index += 2,
            b'\r' | b'\n' => index += 1,
            _ => break,
        }
        blank_lines += 1;
    }
    blank_lines
}

/// The delimiter is the most frequent of `;`, `,` and tab in the header line, outside quotes. Ties go to `;`,
/// what French spreadsheets write; a header with none of them is one column, read with `;`.
fn delimiter_of(text: &str) -> char {
    const CANDIDATES: [char; 3] = [';', ',', '\t'];
    let mut counts = [0_usize; 3];
    let mut quoted = false;
    for c in text.trim_start_matches(['\r', '\n']).chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(index) = CANDIDATES.iter().position(|&candidate| candidate == c) {
                    counts[index] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..CANDIDATES.len()).fold(0, |best, index| if counts[index] > counts[best] { index } else { best });
    CANDIDATES[best]
}

/// Every row as wide as the header at least (the dry run shows them in a grid), and a header that names
/// something: a first row without a single letter is data, not headers.
fn checked_table(headers: Vec<String>, mut rows: Vec<TableRow>, delimiter: Option<char>) -> Result<Table, FileProblem> {
    if !headers.iter().any(|header| header.chars().any(char::is_alphabetic)) {
        return Err(FileProblem::NoHeader);
    }
    for row in &mut rows {
        if row.cells.len() < headers.len() {
            row.cells.resize(headers.len(), String::new());
        }
    }
    Ok(Table { headers, rows, delimiter })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::{RowCheck, check_rows, map_columns};
    use calamine::{CellErrorType, ExcelDateTimeType};

    const SAMPLE: &[u8] = include_bytes!("../../../server/demo/activites-exemple.csv");

    fn lines_and_cells(table: &Table) -> Vec<(usize, Vec<&str>)> {
        table.rows.iter().map(|row| (row.line, row.cells.iter().map(String::as_str).collect())).collect()
    }

    #[test]
    fn csv_with_semicolons_or_commas_or_tabs_is_read_with_its_line_numbers() {
        for text in ["a;b;c\n1;2;3\n4;5;6\n", "a,b,c\r\n1,2,3\r\n4,5,6", "a\tb\tc\n1\t2\t3\n4\t5\t6\n"] {
            let table = read_table(text.as_bytes()).unwrap();
            assert_eq!(table.headers, ["a", "b", "c"], "{text:?}");
            assert_eq!(lines_and_cells(&table), vec![(2, vec!["1", "2", "3"]), (3, vec!["4", "5", "6"])], "{text:?}");
        }
        assert_eq!(read_table(b"a;b;c\n1;2;3").unwrap().delimiter, Some(';'));
        assert_eq!(read_table(b"a,b;c,d\n1,2;3,4").unwrap().delimiter, Some(','));
        // A comma inside a quoted header does not count.
        assert_eq!(read_table(b"\"Date, heure\";canal\n1;2").unwrap().delimiter, Some(';'));
    }

    #[test]
    fn quoted_cells_keep_their_delimiters_and_line_breaks_and_rows_keep_the_spreadsheet_numbering() {
        let text = "ref;description;canal\nA1;\"Coupure ; la nuit\";mail\nA2;\"Ligne un\nligne deux\";mail\n\nA3;\"Dit \"\"urgent\"\"\";mail\n\n\n";
        let table = read_table(text.as_bytes()).unwrap();
        assert_eq!(
            lines_and_cells(&table),
            vec![
                (2, vec!["A1", "Coupure ; la nuit", "mail"]),
                (3, vec!["A2", "Ligne un\nligne deux", "mail"]),
                (4, vec!["", "", ""]),
                (5, vec!["A3", "Dit \"urgent\"", "mail"]),
            ]
        );
    }

    #[test]
    fn short_rows_are_padded_and_long_rows_kept_for_the_check() {
        let table = read_table(b"a;b;c\n1\n1;2;3;4\n").unwrap();
        assert_eq!(lines_and_cells(&table), vec![(2, vec!["1", "", ""]), (3, vec!["1", "2", "3", "4"])]);
    }

    #[test]
    fn blank_lines_count_as_rows_whatever_the_line_endings() {
        for text in ["a;b\n1;2\n\n3;4\n", "a;b\r\n1;2\r\n\r\n3;4\r\n", "a;b\r1;2\r\r3;4\r"] {
            let table = read_table(text.as_bytes()).unwrap();
            assert_eq!(
                lines_and_cells(&table),
                vec![(2, vec!["1", "2"]), (3, vec!["", ""]), (4, vec!["3", "4"])],
                "{text:?}"
            );
        }
    }

    #[test]
    fn blank_lines_before_the_header_are_counted() {
        let table = read_table(b"\n\nref;canal\nA1;mail\n").unwrap();
        assert_eq!(table.headers, ["ref", "canal"]);
        assert_eq!(lines_and_cells(&table), vec![(4, vec!["A1", "mail"])]);
    }

    #[test]
    fn text_encodings_are_recognised() {
        let cases: [(&[u8], &str); 5] = [
            (b"\xEF\xBB\xBFsite;canal\nSi\xC3\xA8ge;t\xC3\xA9l\xC3\xA9phone\n", "Siège"),
            (b"site;canal\nSi\xE8ge;t\xE9l\xE9phone\n", "Siège"),
            (b"site;canal\n\x93Si\xE8ge\x94 \x80;mail\n", "“Siège” €"),
            (b"\xFF\xFEs\0i\0t\0e\0\t\0c\0\n\0S\0i\0\xE8\0g\0e\0\t\0m\0\n\0", "Siège"),
            (b"\xFE\xFF\0s\0i\0t\0e\0;\0c\0\n\0S\0i\0\xE8\0g\0e\0;\0m\0\n", "Siège"),
        ];
        for (bytes, site) in cases {
            let table = read_table(bytes).unwrap();
            assert_eq!(table.headers[0], "site", "{bytes:?}");
            assert_eq!(table.rows[0].cells[0], site, "{bytes:?}");
        }
    }

    #[test]
    fn files_that_are_not_lists_are_refused_with_the_reason() {
        let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        let cases: [(&[u8], FileProblem); 9] = [
            (b"", FileProblem::Empty),
            (b"\xEF\xBB\xBF", FileProblem::Empty),
            (b" \r\n\n ;;\n", FileProblem::Empty),
            (png, FileProblem::NotASpreadsheet),
            (b"%PDF-1.7\n\x81\x8d\x8f binary", FileProblem::NotASpreadsheet),
            (b"PK\x03\x04garbage that is no zip at all", FileProblem::NotASpreadsheet),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not a workbook", FileProblem::NotASpreadsheet),
            (b"2026-03-02;12;3.5\n2026-03-03;13;4\n", FileProblem::NoHeader),
            (b"\x01\x02\x03text", FileProblem::NotASpreadsheet),
        ];
        for (bytes, expected) in cases {
            assert_eq!(read_table(bytes), Err(expected), "{bytes:?}");
        }
        let too_large = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(
            read_table(&too_large),
            Err(FileProblem::TooLarge { bytes: MAX_FILE_BYTES + 1, max: MAX_FILE_BYTES })
        );
    }

    #[test]
    fn more_rows_than_allowed_are_refused_but_trailing_blank_lines_do_not_count() {
        let mut text = String::from("ref\n");
        text.push_str(&"x\n".repeat(MAX_ROWS));
        text.push_str(&";\n".repeat(10));
        assert_eq!(read_table(text.as_bytes()).unwrap().rows.len(), MAX_ROWS);
        text.push_str("y\n");
        assert_eq!(read_table(text.as_bytes()), Err(FileProblem::TooManyRows { rows: MAX_ROWS + 11, max: MAX_ROWS }));
    }

    #[test]
    fn the_sample_file_reads_and_checks_as_sixty_activities() {
        let table = read_table(SAMPLE).unwrap();
        assert_eq!(table.headers.join(";"), "ref;horodatage;canal;site;typologie;description;type;domaine;pole");
        assert_eq!(table.rows.len(), 60);
        assert_eq!((table.rows[0].line, table.rows[59].line), (2, 61));
        let mapping = map_columns(&table.headers, &BTreeMap::new()).unwrap();
        let checks = check_rows(&table, &mapping);
        let valid: Vec<_> = checks
            .iter()
            .map(|check| match check {
                RowCheck::Valid(activity) => activity,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(valid.len(), 60);
        let a027 = valid.iter().find(|activity| activity.source_ref == "A027").unwrap();
        assert!(a027.description.contains("la nuit ; trois fois"), "{}", a027.description);
    }

    #[test]
    fn spreadsheet_cells_read_as_the_sheet_shows_them() {
        let date = |serial: f64, kind| Data::DateTime(ExcelDateTime::new(serial, kind, false));
        let cases = [
            (Data::Empty, ""),
            (Data::String("  Agence Blaye \n".into()), "Agence Blaye"),
            (Data::Int(42), "42"),
            (Data::Float(42.0), "42"),
            (Data::Float(3.25), "3.25"),
            (Data::Float(-0.5), "-0.5"),
            (Data::Bool(true), "VRAI"),
            (Data::Bool(false), "FAUX"),
            // 2026-03-02 08:12, stored a hair early as floats are.
            (date(46_083.341_666_66, ExcelDateTimeType::DateTime), "2026-03-02T08:12:00"),
            (date(46_083.0, ExcelDateTimeType::DateTime), "2026-03-02T00:00:00"),
            (date(0.341_666_666_7, ExcelDateTimeType::DateTime), "8:12:00"),
            (date(1.5, ExcelDateTimeType::TimeDelta), "36:00:00"),
            (Data::DateTimeIso("2026-03-02T08:12:00.250".into()), "2026-03-02T08:12:00"),
            (Data::DateTimeIso("2026-03-02".into()), "2026-03-02T00:00:00"),
            (Data::DurationIso("PT8H12M".into()), "PT8H12M"),
            (Data::Error(CellErrorType::NA), "#N/A"),
            (Data::Error(CellErrorType::Ref), "#REF!"),
        ];
        for (value, expected) in cases {
            assert_eq!(cell_text(&value), expected, "{value:?}");
        }
    }

    #[test]
    fn an_xlsx_file_is_read_with_its_cells_and_row_numbers() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let date_format = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        // The list starts in column B; one cell is a real date with a date format.
        sheet.write_string(0, 1, "ref").unwrap();
        sheet.write_string(0, 2, "Ouvert le").unwrap();
        sheet.write_string(0, 3, "Canal").unwrap();
        sheet.write_string(0, 4, "Agence").unwrap();
        sheet.write_string(0, 5, "Libellé").unwrap();
        sheet.write_string(0, 6, "Quantité").unwrap();
        sheet.write_number(1, 1, 1001).unwrap();
        let at = ExcelDateTime::from_ymd(2026, 3, 2).unwrap().and_hms(8, 12, 0).unwrap();
        sheet.write_datetime_with_format(1, 2, &at, &date_format).unwrap();
        sheet.write_string(1, 3, " téléphone ").unwrap();
        sheet.write_string(1, 4, "Agence Blaye").unwrap();
        sheet.write_string(1, 5, "Plus de réseau ; depuis 9h.").unwrap();
        sheet.write_number(1, 6, 2.5).unwrap();
        // Row 3 left blank, row 4 filled, rows 5 and 6 blank strings only (trailing, dropped).
        sheet.write_string(3, 1, "A2").unwrap();
        sheet.write_string(3, 2, "02/03/2026 09:00").unwrap();
        sheet.write_boolean(3, 6, true).unwrap();
        sheet.write_string(4, 1, "   ").unwrap();
        sheet.write_string(5, 3, "").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();

        let table = read_table(&bytes).unwrap();
        assert_eq!(table.headers, ["ref", "Ouvert le", "Canal", "Agence", "Libellé", "Quantité"]);
        assert_eq!(table.delimiter, None);
        assert_eq!(
            lines_and_cells(&table),
            vec![
                (
                    2,
                    vec![
                        "1001",
                        "2026-03-02T08:12:00",
                        "téléphone",
                        "Agence Blaye",
                        "Plus de réseau ; depuis 9h.",
                        "2.5"
                    ]
                ),
                (3, vec!["", "", "", "", "", ""]),
                (4, vec!["A2", "02/03/2026 09:00", "", "", "", "VRAI"]),
            ]
        );

        let mapping = map_columns(&table.headers, &BTreeMap::new()).unwrap();
        let checks = check_rows(&table, &mapping);
        let RowCheck::Valid(first) = &checks[0] else { panic!("{checks:?}") };
        assert_eq!((first.line, first.source_ref.as_str()), (2, "1001"));
        assert_eq!(first.at.to_string(), "2026-03-02 08:12:00");
        assert_eq!(checks[1], RowCheck::Empty { line: 3 });
        assert!(matches!(&checks[2], RowCheck::Invalid { line: 4, .. }), "{checks:?}");
    }

    #[test]
    fn a_sheet_that_does_not_start_at_a1_keeps_the_sheet_numbering() {
        use rust_xlsxwriter::Workbook;

        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(2, 1, "ref").unwrap();
        sheet.write_string(2, 2, "canal").unwrap();
        sheet.write_string(4, 1, "A1").unwrap();
        sheet.write_string(4, 2, "mail").unwrap();
        // A note far to the right of the list and beyond the columns read, another below and right of it.
        sheet.write_string(4, 300, "note").unwrap();
        sheet.write_string(9, 5, "total : 1").unwrap();
        let table = read_table(&workbook.save_to_buffer().unwrap()).unwrap();
        assert_eq!(table.headers, ["ref", "canal"]);
        assert_eq!(lines_and_cells(&table), vec![(4, vec!["", ""]), (5, vec!["A1", "mail"])]);
    }
}

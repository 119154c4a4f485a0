//! A table written as a file: CSV for any tool (semicolons and a byte-order mark, as French Excel opens it)
//! or XLSX with real numbers and formats. Text that would run as a formula is neutralised in both.

use super::sheets::{Cell, Sheet, neutralise};
use crate::error::{AppError, AppResult};
use rust_xlsxwriter::{Format, Workbook};

crate::code_enum! {
    /// The file formats a table exports to.
    pub enum ExportFormat {
        Csv = "csv",
        Xlsx = "xlsx",
    }
}

impl ExportFormat {
    pub const fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The file of `sheet` in `format`.
pub fn write(sheet: &Sheet, format: ExportFormat) -> AppResult<Vec<u8>> {
    match format {
        ExportFormat::Csv => to_csv(sheet),
        ExportFormat::Xlsx => to_xlsx(sheet),
    }
}

/// CSV: cells as the page writes them (French numbers, which French spreadsheets read back as numbers).
pub fn to_csv(sheet: &Sheet) -> AppResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
    let header: Vec<String> = sheet.columns.iter().map(|column| neutralise(column).into_owned()).collect();
    writer.write_record(&header).map_err(|_| AppError::internal("csv header"))?;
    for row in &sheet.rows {
        let record: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(text) => neutralise(text).into_owned(),
                other => other.display(),
            })
            .collect();
        writer.write_record(&record).map_err(|_| AppError::internal("csv row"))?;
    }
    writer.into_inner().map_err(|_| AppError::internal("csv flush"))
}

/// XLSX: one worksheet named after the table, a bold header row, shares as percentages, minutes and counts
/// as numbers.
pub fn to_xlsx(sheet: &Sheet) -> AppResult<Vec<u8>> {
    let failed = |_| AppError::internal("xlsx");
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    // A worksheet name is at most 31 characters and cannot hold []:*?/\.
    let name: String =
        sheet.title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect::<String>().trim().to_owned();
    worksheet.set_name(if name.is_empty() { "Tableau" } else { &name }).map_err(failed)?;
    let bold = Format::new().set_bold();
    let share = Format::new().set_num_format("0.0%");
    let rating = Format::new().set_num_format("0.00");
    for (column, header) in sheet.columns.iter().enumerate() {
        worksheet.write_string_with_format(0, column as u16, neutralise(header), &bold).map_err(failed)?;
    }
    for (index, row) in sheet.rows.iter().enumerate() {
        let line = index as u32 + 1;
        for (column, cell) in row.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(text) => worksheet.write_string(line, column, neutralise(text)).map(|_| ()),
                Cell::Integer(count) => worksheet.write_number(line, column, *count as f64).map(|_| ()),
                Cell::Minutes(minutes) => worksheet.write_number(line, column, *minutes as f64).map(|_| ()),
                Cell::Share(value) => worksheet.write_number_with_format(line, column, *value, &share).map(|_| ()),
                Cell::Rating(value) => worksheet.write_number_with_format(line, column, *value, &rating).map(|_| ()),
                Cell::Empty => Ok(()),
            }
            .map_err(failed)?;
        }
    }
    worksheet.autofit();
    workbook.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpis::sheets::SheetKind;
    use calamine::{Data, Reader, Xlsx};

    fn sample() -> Sheet {
        Sheet {
            kind: SheetKind::Compliance,
            title: "Conformité : domaine × site".into(),
            columns: vec!["Site".into(), "Résolus".into(), "Conformité".into()],
            rows: vec![
                vec![Cell::Text("=HYPERLINK(\"http://pirate\")".into()), Cell::Integer(12), Cell::Share(0.75)],
                vec![Cell::Text("Libourne".into()), Cell::Minutes(95), Cell::Empty],
            ],
        }
    }

    #[test]
    fn xlsx_holds_numbers_as_numbers_and_formulas_as_text() {
        let bytes = to_xlsx(&sample()).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), vec!["Conformité  domaine × site".to_owned()]);
        let range = book.worksheet_range_at(0).unwrap().unwrap();
        assert_eq!(range.get_value((0, 0)), Some(&Data::String("Site".into())));
        assert_eq!(range.get_value((1, 0)), Some(&Data::String("'=HYPERLINK(\"http://pirate\")".into())));
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(12.0)));
        assert_eq!(range.get_value((1, 2)), Some(&Data::Float(0.75)));
        assert_eq!(range.get_value((2, 1)), Some(&Data::Float(95.0)));
        let formulas = book.worksheet_formula(&book.sheet_names()[0]).unwrap();
        assert!(formulas.used_cells().all(|(_, _, formula)| formula.is_empty()), "no cell is a formula");
    }

    #[test]
    fn csv_is_french_excel_shaped() {
        let text = String::from_utf8(to_csv(&sample()).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Site;Résolus;Conformité\n\"'=HYPERLINK(\"\"http://pirate\"\")\";12;75,0 %\nLibourne;1 h 35;—\n"
        );
    }
}

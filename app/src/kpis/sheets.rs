//! The tables behind the KPI page's charts, built once from the page's data: shown under each chart and
//! exported as they are to CSV or XLSX. Cells keep their kind (a share, minutes, a count) so a spreadsheet
//! gets numbers, and text cells that a spreadsheet would run as a formula are neutralised.

use super::KpiPage;
use crate::domain::kpi::{AGE_BUCKETS_DAYS, Figure, KpiLine, Unit};
use crate::i18n::steering::{age_bucket_label, s, sheet_title, trend_label, unit_label};
use crate::i18n::{business_duration, decimal, domain_label, kpi_definition, kpi_label, local_day, percent};
use serde::{Deserialize, Serialize};

pub use crate::domain::kpi::SheetKind;

/// One cell, with what its number means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Text(String),
    Integer(i64),
    /// Between 0 and 1.
    Share(f64),
    /// Business minutes.
    Minutes(i64),
    /// A mean rating out of 5.
    Rating(f64),
    Empty,
}

impl Cell {
    /// How the page (and the CSV) writes the cell, in French.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Integer(count) => count.to_string(),
            Cell::Share(share) => percent(*share),
            Cell::Minutes(minutes) => business_duration(*minutes),
            Cell::Rating(rating) => decimal(*rating, 2),
            Cell::Empty => "—".to_owned(),
        }
    }

    /// A KPI's figure as a cell of its unit; empty when there was nothing to count.
    pub fn of(unit: Unit, figure: Figure) -> Cell {
        match (unit, figure.value) {
            (_, None) => Cell::Empty,
            (Unit::Share, Some(value)) => Cell::Share(value),
            (Unit::Minutes, Some(value)) => Cell::Minutes(value.round() as i64),
            (Unit::Count, Some(value)) => Cell::Integer(value.round() as i64),
            (Unit::Rating, Some(value)) => Cell::Rating(value),
        }
    }
}

/// A table: its title, its column headers and its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub kind: SheetKind,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a
/// leading apostrophe, so it is shown as typed and never run (OWASP's advice for CSV injection).
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| (*name).to_owned()).collect()
}

/// A KPI's row of the indicators table.
pub fn indicator_row(line: &KpiLine) -> Vec<Cell> {
    let unit = line.kpi.unit();
    vec![
        text(kpi_label(line.kpi)),
        Cell::of(unit, line.current),
        Cell::of(unit, line.previous),
        text(trend_label(line.trend)),
        Cell::Integer(line.current.numerator as i64),
        Cell::Integer(line.current.denominator as i64),
        text(unit_label(unit)),
        text(kpi_definition(line.kpi)),
    ]
}

/// The table `kind` of the page.
pub fn sheet(page: &KpiPage, kind: SheetKind) -> Sheet {
    let s = s();
    let (columns, rows) = match kind {
        SheetKind::Indicators => (
            columns(&[
                s.col_kpi,
                s.col_value,
                s.col_previous,
                s.col_trend,
                s.col_numerator,
                s.col_denominator,
                s.col_unit,
                s.col_definition,
            ]),
            page.report.lines.iter().map(indicator_row).collect(),
        ),
        SheetKind::BacklogAges => (
            columns(&[s.col_age, s.col_backlog_now, s.col_backlog_before]),
            (0..=AGE_BUCKETS_DAYS.len())
                .map(|bucket| {
                    vec![
                        text(age_bucket_label(bucket)),
                        Cell::Integer(page.report.backlog_ages[bucket] as i64),
                        Cell::Integer(page.report.previous_backlog_ages[bucket] as i64),
                    ]
                })
                .collect(),
        ),
        SheetKind::Evolution => (
            columns(&[
                s.col_from,
                s.col_to,
                s.col_registered,
                s.col_closed,
                s.col_in_time,
                s.col_resolved,
                s.col_compliance,
            ]),
            page.steps
                .iter()
                .map(|step| {
                    let last_day = step.period.to - chrono::TimeDelta::seconds(1);
                    vec![
                        text(local_day(step.period.from)),
                        text(local_day(last_day)),
                        Cell::Integer(step.registered as i64),
                        Cell::Integer(step.closed as i64),
                        Cell::Integer(step.resolved_in_time as i64),
                        Cell::Integer(step.resolved as i64),
                        if step.resolved > 0 {
                            Cell::Share(step.resolved_in_time as f64 / step.resolved as f64)
                        } else {
                            Cell::Empty
                        },
                    ]
                })
                .collect(),
        ),
        SheetKind::Compliance => (
            columns(&[s.col_domain, s.col_site, s.col_in_time, s.col_resolved, s.col_compliance]),
            page.grid
                .iter()
                .map(|cell| {
                    vec![
                        text(cell.domain.map_or(s.no_domain, domain_label)),
                        text(page.site_name(cell.site)),
                        Cell::Integer(cell.met as i64),
                        Cell::Integer(cell.total as i64),
                        cell.share().map_or(Cell::Empty, Cell::Share),
                    ]
                })
                .collect(),
        ),
    };
    Sheet { kind, title: sheet_title(kind).to_owned(), columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_nothing_else() {
        let cases = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 5 56", "'+33 5 56"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcaché", "'\tcaché"),
            ("\rretour", "'\rretour"),
            ("Mérignac", "Mérignac"),
            ("a=b", "a=b"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(neutralise(input), expected, "{input:?}");
        }
    }

    #[test]
    fn cells_display_in_french() {
        let cases = [
            (Cell::Share(0.8333), "83,3 %"),
            (Cell::Minutes(75), "1 h 15"),
            (Cell::Integer(-3), "-3"),
            (Cell::Rating(4.5), "4,50"),
            (Cell::Empty, "—"),
        ];
        for (cell, expected) in cases {
            assert_eq!(cell.display(), expected);
        }
    }
}

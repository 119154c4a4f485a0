//! Every sentence and word the product shows people, in one place. A language is one [`Texts`] value (French
//! today: [`FR`]); English is one more value beside it, with the same fields.
//!
//! This layer sits right above the domain and knows no feature: it takes the domain's codes and data (a
//! status, a form problem, a number of minutes) and gives French back. Sentences that carry values are
//! templates with named holes (`« {label} » est obligatoire.`), filled by [`fill`], so a language may put
//! the values where its grammar wants them.

pub mod attachments;
mod fr;
mod fr_words;
pub mod imports;
mod labels;
pub mod people;
pub mod reports;
pub mod steering;
mod texts;

pub use fr::FR;
pub use labels::*;
pub use texts::{Phrases, Texts};

/// The texts of the current language.
pub fn t() -> &'static Texts {
    &FR
}

/// How each variant of a code enum reads in one language: one table per enum. A table lists every variant
/// once, which the tests check for every table (the compiler cannot, as it does for a `match`).
#[derive(Debug)]
pub struct Labels<E: 'static>(pub &'static [(E, &'static str)]);

impl<E: Copy + PartialEq> Labels<E> {
    pub fn of(&self, value: E) -> &'static str {
        self.0.iter().find(|(variant, _)| *variant == value).map_or("", |(_, label)| label)
    }

    /// Whether `variants` are each labelled exactly once, with a non-empty label, and nothing else is.
    pub fn covers(&self, variants: &[E]) -> bool {
        self.0.len() == variants.len()
            && variants.iter().all(|variant| {
                self.0.iter().filter(|(labelled, label)| labelled == variant && !label.trim().is_empty()).count() == 1
            })
    }
}

/// A template with its `{name}` holes filled: `fill("« {label} » est obligatoire.", &[("label", &"Site")])`.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

/// A decimal number with the language's separator and `decimals` places: « 3,5 ».
pub fn decimal(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', t().phrases.decimal_separator)
}

/// Megabytes with one decimal, as file managers show them (1 Mo = 1 048 576 octets): « 23,8 », « 20 ».
pub fn megabytes(bytes: u64) -> String {
    let text = decimal(bytes as f64 / (1024.0 * 1024.0), 1);
    let whole = format!("{}0", t().phrases.decimal_separator);
    text.strip_suffix(&whole).map_or_else(|| text.clone(), str::to_owned)
}

/// A share as people write it: « 88,8 % ».
pub fn percent(share: f64) -> String {
    fill(t().phrases.percent, &[("value", &decimal(share * 100.0, 1))])
}

/// The Paris day of an instant: `28/11/2026`.
pub fn local_day(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris).format(t().phrases.date_format).to_string()
}

/// An instant as people in Gironde read it: `27/11/2026 17:45`.
pub fn local_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris).format(t().phrases.date_time_format).to_string()
}

/// A business duration in words: `2 h 05`, `45 min`, `3 j 2 h` (a business day counted as 8 hours).
pub fn business_duration(minutes: i64) -> String {
    let p = &t().phrases;
    let sign = if minutes < 0 { "−" } else { "" };
    let minutes = minutes.unsigned_abs();
    let (days, hours, rest) = (minutes / 480, minutes % 480 / 60, minutes % 60);
    let text = match (days, hours) {
        (0, 0) => fill(p.duration_minutes, &[("minutes", &rest)]),
        (0, _) => fill(p.business_hours, &[("hours", &hours), ("minutes", &format!("{rest:02}"))]),
        _ => fill(p.duration_days, &[("days", &days), ("hours", &hours)]),
    };
    format!("{sign}{text}")
}

/// A wall-clock duration in words: `3 h 12 min`, `5 min`, `2 j 4 h`.
pub fn wall_duration(duration: chrono::Duration) -> String {
    let p = &t().phrases;
    let minutes = duration.num_minutes().max(0);
    let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (days, hours) {
        (0, 0) => fill(p.duration_minutes, &[("minutes", &rest)]),
        (0, _) => fill(p.wall_hours, &[("hours", &hours), ("minutes", &rest)]),
        _ => fill(p.duration_days, &[("days", &days), ("hours", &hours)]),
    }
}

#[cfg(test)]
mod tests;

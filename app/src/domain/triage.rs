//! Triage suggestions from free text: a naive Bayes classifier over French words that proposes a ticket's
//! type, domain and pole, with a confidence and the words that drove each choice.
//!
//! The model starts from a vocabulary ([`vocabulary::LEXICON`], plus the referential's own labels the server
//! adds) and learns from every ticket an agent qualifies ([`Model::teach`]); its counts live in PostgreSQL
//! (`triage_terms`, `triage_labels`). Suggestions are shown to the agent who qualifies, never applied.

pub mod vocabulary;

use crate::domain::catalog::fold_for_search;
use crate::domain::people::Pole;
use crate::domain::ticket::{Kind, ServiceDomain};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use vocabulary::{LEXICON, Teaches};

crate::code_enum! {
    /// What a suggestion proposes: one classifier each.
    pub enum Dimension {
        Kind = "TYPE",
        Domain = "DOMAINE",
        Pole = "POLE",
    }
}

/// Laplace smoothing: a word never seen with a label is rare, not impossible.
const SMOOTHING: f64 = 1.0;
/// How many words explain one choice.
const WORDS_PER_CHOICE: usize = 4;

/// Words that carry no meaning for triage. Negations and time words ("plus", "pas", "depuis") stay: they tell
/// an incident from a request.
const STOP_WORDS: &[&str] = &[
    "a",
    "ai",
    "aie",
    "as",
    "au",
    "aux",
    "avec",
    "avez",
    "avons",
    "c",
    "ca",
    "ce",
    "ces",
    "cet",
    "cette",
    "d",
    "dans",
    "de",
    "des",
    "du",
    "elle",
    "elles",
    "en",
    "est",
    "et",
    "etait",
    "ete",
    "etre",
    "eu",
    "il",
    "ils",
    "j",
    "je",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lui",
    "m",
    "ma",
    "me",
    "mes",
    "moi",
    "mon",
    "n",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "par",
    "qu",
    "que",
    "qui",
    "s",
    "sa",
    "se",
    "ses",
    "son",
    "sont",
    "sur",
    "t",
    "ta",
    "te",
    "tes",
    "toi",
    "ton",
    "tu",
    "un",
    "une",
    "vos",
    "votre",
    "vous",
    "y",
    "bonjour",
    "cordialement",
    "svp",
    "the",
    "fait",
    "faire",
    "fais",
    "font",
    "avoir",
    "avait",
    "suis",
    "sommes",
    "etes",
];

/// Endings removed to bring a word's forms together ("imprimante", "imprimantes", "imprimer" → "imprim"),
/// longest first; the stem keeps at least four letters, so short words are left alone.
const SUFFIXES: &[&str] = &[
    "issements",
    "issement",
    "ements",
    "ement",
    "ations",
    "ation",
    "ateurs",
    "ateur",
    "atrices",
    "atrice",
    "euses",
    "euse",
    "ances",
    "ance",
    "ences",
    "ence",
    "antes",
    "ante",
    "ants",
    "ant",
    "ages",
    "age",
    "eurs",
    "eur",
    "ites",
    "ite",
    "ees",
    "ee",
    "es",
    "er",
    "ez",
    "e",
    "s",
    "x",
];
const MIN_STEM: usize = 4;

/// The stem of one folded word.
pub fn stem(word: &str) -> String {
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= MIN_STEM
        {
            return stem.to_owned();
        }
    }
    word.to_owned()
}

/// The meaningful words of a text, each with its stem, in order, each stem once.
pub fn words(text: &str) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    fold_for_search(text)
        .split_whitespace()
        .filter(|word| word.len() >= 2)
        .filter(|word| !word.chars().all(|c| c.is_ascii_digit()))
        .filter(|word| !STOP_WORDS.contains(word))
        .map(|word| (word.to_owned(), stem(word)))
        .filter(|(_, stem)| seen.insert(stem.clone()))
        .collect()
}

/// The stems a text teaches or is judged on.
pub fn terms(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(_, stem)| stem).collect()
}

/// What one label has seen: documents, words in all, and how often each stem appeared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LabelCounts {
    pub documents: u32,
    pub terms: u32,
    pub occurrences: HashMap<String, u32>,
}

/// One naive Bayes classifier: the counts of each label of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classifier<L: Ord> {
    pub labels: BTreeMap<L, LabelCounts>,
}

impl<L: Ord> Default for Classifier<L> {
    fn default() -> Self {
        Classifier { labels: BTreeMap::new() }
    }
}

/// A choice, how sure the classifier is of it (0–1), and the words that pushed it there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guess<L> {
    pub label: L,
    pub confidence: f64,
    pub words: Vec<String>,
}

impl<L: Ord + Copy> Classifier<L> {
    /// Adds (`sign` = 1) or withdraws (`sign` = -1) one document's stems under a label.
    pub fn teach(&mut self, label: L, terms: &[String], sign: i64) {
        let counts = self.labels.entry(label).or_default();
        let step = |value: u32, by: i64| (i64::from(value) + by).clamp(0, i64::from(u32::MAX)) as u32;
        counts.documents = step(counts.documents, sign);
        counts.terms = step(counts.terms, sign * terms.len() as i64);
        for term in terms {
            let entry = counts.occurrences.entry(term.clone()).or_default();
            *entry = step(*entry, sign);
        }
    }

    fn vocabulary_size(&self) -> usize {
        self.labels.values().flat_map(|counts| counts.occurrences.keys()).collect::<BTreeSet<_>>().len()
    }

    fn log_likelihood(&self, counts: &LabelCounts, term: &str, vocabulary: f64) -> f64 {
        let seen = f64::from(counts.occurrences.get(term).copied().unwrap_or(0));
        ((seen + SMOOTHING) / (f64::from(counts.terms) + SMOOTHING * vocabulary)).ln()
    }

    /// The most likely label for these words, or `None` when none of them is known.
    pub fn guess(&self, words: &[(String, String)]) -> Option<Guess<L>> {
        let known: Vec<&(String, String)> = words
            .iter()
            .filter(|(_, term)| self.labels.values().any(|counts| counts.occurrences.get(term).is_some_and(|n| *n > 0)))
            .collect();
        if known.is_empty() {
            return None;
        }
        let vocabulary = self.vocabulary_size() as f64;
        let documents: f64 = self.labels.values().map(|counts| f64::from(counts.documents)).sum();
        let label_count = self.labels.len() as f64;
        // Long texts would make every posterior 0.999…; dividing the whole log-posterior by √n keeps the
        // confidence telling a clear case from a close one, and leaves the choice itself as naive Bayes makes it.
        let temperature = (known.len() as f64).sqrt();
        let mut scores: Vec<(L, f64)> = self
            .labels
            .iter()
            .filter(|(_, counts)| counts.terms > 0)
            .map(|(label, counts)| {
                let prior = ((f64::from(counts.documents) + 1.0) / (documents + label_count)).ln();
                let evidence: f64 =
                    known.iter().map(|(_, term)| self.log_likelihood(counts, term, vocabulary)).sum::<f64>();
                (*label, (prior + evidence) / temperature)
            })
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (best, best_score) = *scores.first()?;
        let total: f64 = scores.iter().map(|(_, score)| (score - best_score).exp()).sum();
        let confidence = 1.0 / total;
        let best_counts = &self.labels[&best];
        let runner_up = scores.get(1).map(|(label, _)| &self.labels[label]);
        let mut reasons: Vec<(f64, &String)> = known
            .iter()
            .map(|(word, term)| {
                let for_best = self.log_likelihood(best_counts, term, vocabulary);
                let against = runner_up.map_or(0.0, |counts| self.log_likelihood(counts, term, vocabulary));
                (for_best - against, word)
            })
            .filter(|(weight, _)| *weight > 0.0)
            .collect();
        reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
        Some(Guess {
            label: best,
            confidence,
            words: reasons.into_iter().take(WORDS_PER_CHOICE).map(|(_, word)| word.clone()).collect(),
        })
    }
}

/// What a qualified ticket teaches: its description's stems under its type, domain and pole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub kind: Kind,
    pub domain: ServiceDomain,
    pub pole: Pole,
    pub terms: Vec<String>,
}

/// A pseudo-document of the starting vocabulary: words that belong to one label of one dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lesson {
    Kind(Kind, Vec<String>),
    Domain(ServiceDomain, Vec<String>),
    Pole(Pole, Vec<String>),
}

/// The three classifiers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub kind: Classifier<Kind>,
    pub domain: Classifier<ServiceDomain>,
    pub pole: Classifier<Pole>,
}

/// A suggestion for a description: each choice with its confidence and words; `confidence` is the lowest of
/// the three (all three are right at most that often), `reasons` the words behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    #[serde(rename = "type")]
    pub kind: Guess<Kind>,
    pub domain: Guess<ServiceDomain>,
    pub pole: Guess<Pole>,
    pub confidence: f64,
    pub reasons: Vec<String>,
}

impl Model {
    /// The model of day one: the built-in vocabulary only.
    pub fn starting() -> Model {
        let mut model = Model::default();
        for lesson in built_in_lessons() {
            model.learn(&lesson, 1);
        }
        model
    }

    /// Adds (`sign` = 1) or withdraws (`sign` = -1) a lesson of the vocabulary.
    pub fn learn(&mut self, lesson: &Lesson, sign: i64) {
        match lesson {
            Lesson::Kind(label, terms) => self.kind.teach(*label, terms, sign),
            Lesson::Domain(label, terms) => self.domain.teach(*label, terms, sign),
            Lesson::Pole(label, terms) => self.pole.teach(*label, terms, sign),
        }
    }

    /// Adds (`sign` = 1) or withdraws (`sign` = -1) what a qualified ticket teaches.
    pub fn teach(&mut self, example: &Example, sign: i64) {
        self.kind.teach(example.kind, &example.terms, sign);
        self.domain.teach(example.domain, &example.terms, sign);
        self.pole.teach(example.pole, &example.terms, sign);
    }

    /// The suggestion for a description, or `None` when it holds no word the model knows.
    pub fn suggest(&self, description: &str) -> Option<Suggestion> {
        let words = words(description);
        let kind = self.kind.guess(&words)?;
        let domain = self.domain.guess(&words)?;
        let pole = self.pole.guess(&words)?;
        let confidence = kind.confidence.min(domain.confidence).min(pole.confidence);
        let mut reasons: Vec<String> = Vec::new();
        for word in domain.words.iter().chain(&kind.words).chain(&pole.words) {
            if !reasons.contains(word) {
                reasons.push(word.clone());
            }
        }
        reasons.truncate(6);
        Some(Suggestion { kind, domain, pole, confidence, reasons })
    }
}

/// The built-in vocabulary as lessons.
pub fn built_in_lessons() -> Vec<Lesson> {
    LEXICON
        .iter()
        .filter_map(|entry| {
            let terms = terms(entry.text);
            Some(match entry.teaches {
                Teaches::Kind => Lesson::Kind(entry.label.parse().ok()?, terms),
                Teaches::Domain => Lesson::Domain(entry.label.parse().ok()?, terms),
                Teaches::Pole => Lesson::Pole(entry.label.parse().ok()?, terms),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;

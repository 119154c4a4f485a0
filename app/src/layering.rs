//! The layering rule of ARCHITECTURE.md, checked on the sources: a module imports only from the layers
//! below its own, so the domain stays pure, i18n stays a leaf over it, shared services never call back into
//! the areas that use them, and no two areas depend on each other.

/// The layers, lowest first. A module may use the modules of lower layers, never those of its own layer or
/// above (the crate root, `lib.rs`, puts them all together).
const LAYERS: &[&[&str]] = &[
    // The rules: pure, WASM-safe, no I/O, no language.
    &["domain"],
    // The product's words, turned from the domain's codes and data.
    &["i18n"],
    &["error", "clock", "live"],
    &["db"],
    // What a server function receives from the server: the pool, the clock, the cookie policy.
    &["context"],
    // Who is signed in, and who acts.
    &["auth"],
    // Shared services and components every area calls downward.
    &["ui", "notifications", "journal", "attachments"],
    // The referential and the people.
    &["directory", "referential"],
    // Services the ticket lifecycle orchestrates; they never call it back.
    &["sla", "triage", "knowledge", "campaigns", "surveys"],
    // The one orchestrator of the activity lifecycle.
    &["tickets"],
    // Areas built on tickets.
    &["boards", "backlog", "kpis", "catalog", "imports"],
    &["capacity", "reports"],
    // The frame around every page.
    &["shell"],
];

#[cfg(test)]
mod tests {
    use super::LAYERS;
    use std::path::{Path, PathBuf};

    fn layer_of(module: &str) -> Option<usize> {
        LAYERS.iter().position(|layer| layer.contains(&module))
    }

    fn sources(folder: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }

    /// The top-level modules a file names with `crate::…` outside comments (`crate::code_enum!` and
    /// `crate::id_newtype!` are the domain's macros, exported at the root).
    fn used_modules(source: &str) -> Vec<String> {
        let mut used = Vec::new();
        for line in source.lines() {
            let code = line.split("//").next().unwrap_or_default();
            let mut rest = code;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                // `crate::{a::X, b}` names several modules at once.
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    Some(group) => group.split('}').next().unwrap_or_default().split(',').collect(),
                    None => vec![rest],
                };
                for name in names {
                    let name: String = name.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    let name = match name.as_str() {
                        "code_enum" | "id_newtype" => "domain".to_owned(),
                        _ => name,
                    };
                    if !name.is_empty() && !used.contains(&name) {
                        used.push(name);
                    }
                }
            }
        }
        used
    }

    #[test]
    fn every_module_imports_only_from_the_layers_below() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&root, &mut files);
        let mut upward = Vec::new();
        let mut unplaced = Vec::new();
        for file in &files {
            let relative = file.strip_prefix(&root).unwrap();
            let module = relative.iter().next().unwrap().to_string_lossy().trim_end_matches(".rs").to_owned();
            if module == "lib" || module == "layering" {
                continue;
            }
            let Some(own) = layer_of(&module) else {
                unplaced.push(module);
                continue;
            };
            let source = std::fs::read_to_string(file).unwrap();
            for used in used_modules(&source).into_iter().filter(|used| *used != module) {
                match layer_of(&used) {
                    Some(layer) if layer < own => {}
                    Some(_) => upward.push(format!("{} uses {used}", relative.display())),
                    None => unplaced.push(used),
                }
            }
        }
        unplaced.sort();
        unplaced.dedup();
        assert!(unplaced.is_empty(), "modules without a layer in LAYERS: {unplaced:?}");
        assert!(upward.is_empty(), "imports of the same layer or above:\n{}", upward.join("\n"));
        assert!(files.len() > 100, "the sources were read ({} files)", files.len());
    }

    #[test]
    fn the_reader_finds_what_a_file_uses_and_skips_comments() {
        let source = "use crate::domain::ticket::Kind;\n// crate::tickets is not used here\nlet x = crate::i18n::t(); crate::code_enum! {}\nuse crate::{auth::Actor, journal};";
        assert_eq!(used_modules(source), ["domain", "i18n", "auth", "journal"]);
    }
}

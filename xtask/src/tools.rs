//! The build and test tools, installed when missing, each from its own registry: rustup, crates.io,
//! Debian's packages, npm. Every check is cheap, so running a command twice installs nothing the second time.

use crate::cmd::{Result, apt_install, command, exists_on_path, is_executable, output, run};
use std::path::{Path, PathBuf};

/// cargo-leptos 0.3.11 needs rustc 1.96; 0.3.10 builds with our toolchain.
const CARGO_LEPTOS_VERSION: &str = "0.3.10";
/// Debian's binaryen 108 emits WASM that fails at hydration; the npm build of 132 works.
const BINARYEN_NPM: &str = "binaryen@132";

pub fn ensure_rust_parts() -> Result {
    let targets = output(&mut command("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    if !targets.lines().any(|line| line.trim() == "wasm32-unknown-unknown") {
        run(&mut command("rustup", &["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let components = output(&mut command("rustup", &["component", "list", "--installed"])).unwrap_or_default();
    for component in ["rustfmt", "clippy"] {
        if !components.lines().any(|line| line.starts_with(component)) {
            run(&mut command("rustup", &["component", "add", component]))?;
        }
    }
    Ok(())
}

pub fn ensure_cargo_leptos() -> Result {
    let installed = output(&mut command("cargo", &["leptos", "--version"])).unwrap_or_default();
    if installed.split_whitespace().any(|word| word == CARGO_LEPTOS_VERSION) {
        return Ok(());
    }
    eprintln!(
        "installation de cargo-leptos {CARGO_LEPTOS_VERSION} (une quinzaine de minutes sur 2 cœurs, une seule fois)"
    );
    // no_downloads: take wasm-bindgen and wasm-opt from PATH instead of fetching binaries from the internet.
    // Thin LTO off and 16 codegen units cut the build by a third; the tool is not speed-critical.
    run(command(
        "cargo",
        &["install", "--locked", "cargo-leptos", "--version", CARGO_LEPTOS_VERSION, "--features", "no_downloads"],
    )
    .env("CARGO_PROFILE_RELEASE_LTO", "false")
    .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"))
}

/// The `wasm-bindgen` version of Cargo.lock: the CLI must match it exactly.
pub fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|error| format!("Cargo.lock illisible : {error}"))?;
    lock_entry_version(&lock, package).ok_or_else(|| format!("{package} absent de Cargo.lock"))
}

fn lock_entry_version(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_owned());
        }
    }
    None
}

pub fn ensure_wasm_bindgen(root: &Path) -> Result {
    let wanted = locked_version(root, "wasm-bindgen")?;
    let installed = output(&mut command("wasm-bindgen", &["--version"])).unwrap_or_default();
    if installed.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    // Not --locked: the CLI's own lockfile names a crate version the registry no longer serves.
    run(&mut command("cargo", &["install", "wasm-bindgen-cli", "--version", &format!("={wanted}"), "--force"]))
}

pub fn ensure_node() -> Result {
    if exists_on_path("node") && exists_on_path("npm") { Ok(()) } else { apt_install(&["nodejs", "npm"]) }
}

/// wasm-opt for release builds, in the git-ignored `.tools/`; returns the folder to put first on PATH.
pub fn ensure_binaryen(root: &Path) -> Result<PathBuf> {
    let tools = root.join(".tools");
    let bin = tools.join("node_modules").join(".bin");
    if !is_executable(&bin.join("wasm-opt")) {
        ensure_node()?;
        std::fs::create_dir_all(&tools).map_err(|error| error.to_string())?;
        run(command("npm", &["install", "--no-audit", "--no-fund", "--prefix"]).arg(&tools).arg(BINARYEN_NPM))?;
    }
    Ok(bin)
}

/// Debian's Chromium, which Playwright drives (it never downloads a browser of its own here).
pub fn ensure_chromium() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM_PATH").map(PathBuf::from).filter(|path| is_executable(path)) {
        return Ok(path);
    }
    let default = PathBuf::from("/usr/bin/chromium");
    if !is_executable(&default) {
        apt_install(&["chromium"])?;
    }
    Ok(default)
}

/// The Playwright test runner, from end2end/package-lock.json.
pub fn ensure_end2end_packages(root: &Path) -> Result {
    let end2end = root.join("end2end");
    let marker = end2end.join("node_modules").join("@playwright").join("test").join("package.json");
    if marker.exists() {
        return Ok(());
    }
    ensure_node()?;
    run(command("npm", &["ci", "--no-audit", "--no-fund"])
        .current_dir(&end2end)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locked_version_is_read_from_the_package_entry() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(lock_entry_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(lock_entry_version(lock, "wasm-bindgen-macro").as_deref(), Some("0.1.0"));
        assert_eq!(lock_entry_version(lock, "leptos"), None);
    }
}

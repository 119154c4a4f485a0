//! `cargo xtask run` and `cargo xtask test`: the two commands of the README, from a fresh Debian machine
//! with rustup to a running product or a full test run. Also `cargo xtask db start|stop|url` and
//! `cargo xtask ldap start|stop|url|reset`.

mod cmd;
mod postgres;
mod slapd;
mod tools;

use cmd::{Result, command, run};
use postgres::{AdminDb, Cluster};
use slapd::Directory;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage : cargo xtask <commande>

  run [--release]      installe ce qui manque, démarre une base locale si DATABASE_URL n'est pas défini,
                       la migre, charge les données de démonstration et sert http://127.0.0.1:3000
  test [--only ÉTAPE]  format, clippy (ssr et hydrate), tests unitaires, d'intégration et navigateur ;
                       ÉTAPE : fmt, build, clippy, unit, integration, browser (répétable)
  db start|stop|url    la base PostgreSQL locale du projet (.local/postgres)
  ldap start|stop|url|reset
                       l'annuaire OpenLDAP local des tests (.local/slapd, dc=immo9,dc=test) ;
                       reset le recharge depuis xtask/ldap/immo9.ldif, comme chaque `test`";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("run") => run_product(&root, &args[1..]),
        Some("test") => test(&root, &args[1..]),
        Some("db") => db(&root, &args[1..]),
        Some("ldap") => ldap(&root, &args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask : {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// The environment cargo-leptos gives its debug builds. Giving `cargo test` and `cargo clippy` the same
/// one lets them reuse its compiled dependencies instead of building everything a second time.
fn leptos_env(command: &mut Command) -> &mut Command {
    command
        .env("RUSTFLAGS", "--cfg erase_components")
        .env("LEPTOS_OUTPUT_NAME", "immo9")
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:3000")
        .env("LEPTOS_RELOAD_PORT", "3001")
        .env("LEPTOS_LIB_DIR", "frontend")
        .env("LEPTOS_BIN_DIR", "server")
        .env("LEPTOS_JS_MINIFY", "false")
        .env("LEPTOS_HASH_FILES", "false")
}

fn cargo(root: &Path, args: &[&str]) -> Command {
    let mut command = command("cargo", args);
    command.current_dir(root);
    leptos_env(&mut command);
    command
}

fn ensure_build_tools(root: &Path) -> Result {
    tools::ensure_rust_parts()?;
    tools::ensure_cargo_leptos()?;
    tools::ensure_wasm_bindgen(root)
}

fn run_product(root: &Path, args: &[String]) -> Result {
    let release = match args {
        [] => false,
        [flag] if flag == "--release" => true,
        _ => return Err(USAGE.to_owned()),
    };
    ensure_build_tools(root)?;
    let mut serve = command("cargo", &["leptos", "serve"]);
    serve.current_dir(root);
    if release {
        serve.arg("--release");
        let binaryen = tools::ensure_binaryen(root)?;
        serve.env("PATH", prepend_path(&binaryen));
    }
    if std::env::var_os("DATABASE_URL").is_none() {
        let cluster = Cluster::start(root)?;
        cluster.admin().create_database("immo9")?;
        serve.env("DATABASE_URL", cluster.url("immo9"));
        eprintln!("base locale : {} (arrêt : cargo xtask db stop)", cluster.url("immo9"));
    }
    if std::env::var_os("IMMO9_DEMO_DATA").is_none() {
        serve.env("IMMO9_DEMO_DATA", "if-empty");
    }
    eprintln!(
        "Immo9 Service Desk sur http://127.0.0.1:3000 une fois compilé — comptes de démonstration : \
         employe@, manager@, n1@, n2@, expert@, atelier@, superviseur@, qualite@, cab@, admin@immo9.fr, mot de passe « demo »"
    );
    run(&mut serve)
}

fn prepend_path(dir: &Path) -> std::ffi::OsString {
    let mut paths = vec![dir.to_path_buf()];
    paths.extend(
        std::env::var_os("PATH").map(|path| std::env::split_paths(&path).collect::<Vec<_>>()).unwrap_or_default(),
    );
    std::env::join_paths(paths).expect("PATH entries are valid")
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    Fmt,
    Build,
    Clippy,
    Unit,
    Integration,
    Browser,
}

impl Step {
    const ALL: [Step; 6] = [Step::Fmt, Step::Build, Step::Clippy, Step::Unit, Step::Integration, Step::Browser];

    fn name(self) -> &'static str {
        match self {
            Step::Fmt => "fmt",
            Step::Build => "build",
            Step::Clippy => "clippy",
            Step::Unit => "unit",
            Step::Integration => "integration",
            Step::Browser => "browser",
        }
    }

    fn parse(name: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.name() == name)
    }
}

fn parse_steps(args: &[String]) -> Result<Vec<Step>> {
    let mut only = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--only" => {
                let name = args.next().ok_or(USAGE)?;
                only.push(Step::parse(name).ok_or_else(|| format!("étape inconnue « {name} »\n{USAGE}"))?);
            }
            _ => return Err(USAGE.to_owned()),
        }
    }
    Ok(if only.is_empty() {
        Step::ALL.to_vec()
    } else {
        Step::ALL.into_iter().filter(|step| only.contains(step)).collect()
    })
}

fn test(root: &Path, args: &[String]) -> Result {
    let steps = parse_steps(args)?;
    let needs = |step| steps.contains(&step);
    tools::ensure_rust_parts()?;
    if needs(Step::Build) || needs(Step::Browser) {
        tools::ensure_cargo_leptos()?;
        tools::ensure_wasm_bindgen(root)?;
    }
    let chromium = if needs(Step::Browser) {
        let chromium = tools::ensure_chromium()?;
        tools::ensure_end2end_packages(root)?;
        Some(chromium)
    } else {
        None
    };
    let needs_database = needs(Step::Integration) || needs(Step::Browser);
    let mut cluster = None;
    let admin = match std::env::var("IMMO9_TEST_DATABASE_URL") {
        Ok(url) if needs_database => Some(AdminDb::at(&url)?),
        _ if needs_database => {
            let started = Cluster::start(root)?;
            let admin = started.admin();
            cluster = Some(started);
            Some(admin)
        }
        _ => None,
    };
    let (directory_access, directory) = match test_directory(root, needs_database) {
        Ok(found) => found,
        Err(error) => {
            stop_what_was_started(root, cluster, None);
            return Err(error);
        }
    };

    let mut timings = Vec::new();
    let outcome = steps.iter().try_for_each(|&step| {
        let started = Instant::now();
        eprintln!("\n\x1b[1m== {} ==\x1b[0m", step.name());
        let result = match step {
            Step::Fmt => run(command("cargo", &["fmt", "--all", "--", "--check"]).current_dir(root)),
            Step::Build => run(&mut cargo(root, &["leptos", "build"])),
            Step::Clippy => clippy(root),
            Step::Unit => unit_tests(root),
            Step::Integration => {
                let admin = admin.as_ref().expect("a database for integration tests");
                let directory = directory_access.as_ref().expect("a directory for integration tests");
                run(cargo(root, &["test", "-p", "server", "--no-fail-fast", "--test", "*"])
                    .env("IMMO9_TEST_DATABASE_URL", &admin.url)
                    .envs(directory.integration_env()))
            }
            Step::Browser => browser_tests(
                root,
                admin.as_ref().expect("a database for browser tests"),
                directory_access.as_ref().expect("a directory for browser tests"),
                chromium.as_deref().expect("Chromium for browser tests"),
            ),
        };
        timings.push((step, started.elapsed()));
        result
    });

    stop_what_was_started(root, cluster, directory);
    eprintln!("\nétapes :");
    for (step, elapsed) in &timings {
        eprintln!("  {:<12} {:>6.1} s", step.name(), elapsed.as_secs_f64());
    }
    outcome
}

/// The company directory of the tests: the server of `IMMO9_TEST_LDAP_URL`, else the local one, loaded
/// afresh from its files at every run since the browser tests expect the people of the LDIF file as they are.
fn test_directory(root: &Path, needed: bool) -> Result<(Option<slapd::Access>, Option<Directory>)> {
    if !needed {
        return Ok((None, None));
    }
    if let Ok(url) = std::env::var("IMMO9_TEST_LDAP_URL") {
        return Ok((Some(slapd::Access::from_env(url)), None));
    }
    let directory = Directory::start_afresh(root)?;
    eprintln!("annuaire local : {}", directory.url());
    Ok((Some(slapd::Access::local(&directory)), Some(directory)))
}

/// Stops the cluster and the directory if this command started them: one that was already running (by
/// `run`, `db start` or `ldap start`) is left as it was.
fn stop_what_was_started(root: &Path, cluster: Option<Cluster>, directory: Option<Directory>) {
    if cluster.is_some_and(|cluster| cluster.started_here) {
        let _ = Cluster::stop(root);
    }
    if directory.is_some_and(|directory| directory.started_here) {
        let _ = Directory::stop(root);
    }
}

fn clippy(root: &Path) -> Result {
    // Server side: the app with `ssr`, the server, the xtask, and every test target.
    run(&mut cargo(
        root,
        &["clippy", "-p", "app", "-p", "server", "-p", "xtask", "--all-targets", "--", "-D", "warnings"],
    ))?;
    // Browser side: the app with `hydrate` through the frontend, for the WASM target.
    run(&mut cargo(root, &["clippy", "-p", "frontend", "--target", "wasm32-unknown-unknown", "--", "-D", "warnings"]))
}

fn unit_tests(root: &Path) -> Result {
    run(&mut cargo(root, &["test", "-p", "app", "-p", "server", "--lib", "--bins"]))?;
    run(&mut cargo(root, &["test", "-p", "xtask"]))
}

/// Serves the built product on a fresh demo database and a free port, runs Playwright against it, stops it.
fn browser_tests(root: &Path, admin: &AdminDb, directory: &slapd::Access, chromium: &Path) -> Result {
    let server_binary = root.join("target").join("debug").join("server");
    if !server_binary.exists() || !root.join("target/site/pkg/immo9.wasm").exists() {
        return Err("l'application n'est pas compilée : lancez l'étape build (cargo xtask test --only build)".into());
    }
    admin.recreate_database("immo9_e2e")?;
    let port = std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map_err(|error| error.to_string())?
        .port();
    let log_path = root.join("target").join("e2e-server.log");
    let log = std::fs::File::create(&log_path).map_err(|error| error.to_string())?;
    let mut server = command(&server_binary, &[])
        .current_dir(root)
        .env("DATABASE_URL", admin.url_of("immo9_e2e"))
        .env("IMMO9_DEMO_DATA", "if-empty")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("LEPTOS_SITE_PKG_DIR", "pkg")
        .env("LEPTOS_OUTPUT_NAME", "immo9")
        .env("LEPTOS_ENV", "PROD")
        .stdout(log.try_clone().map_err(|error| error.to_string())?)
        .stderr(log)
        .spawn()
        .map_err(|error| format!("impossible de démarrer le serveur : {error}"))?;
    let base_url = format!("http://127.0.0.1:{port}");
    let result = wait_until_ready(&mut server, port).and_then(|()| {
        run(command("npx", &["playwright", "test"])
            .current_dir(root.join("end2end"))
            .env("BASE_URL", &base_url)
            .env("CHROMIUM_PATH", chromium)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .envs(directory.browser_env()))
    });
    stop_gracefully(&mut server);
    if result.is_err() {
        eprintln!("journal du serveur : {}", log_path.display());
    }
    result
}

fn wait_until_ready(server: &mut Child, port: u16) -> Result {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = server.try_wait() {
            return Err(format!("le serveur s'est arrêté au démarrage ({status})"));
        }
        if http_status(port, "/readyz") == Some(200) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err("le serveur n'est pas prêt après 60 s".into())
}

/// A minimal HTTP/1.1 GET, enough to poll a readiness probe without an HTTP client dependency.
fn http_status(port: u16, path: &str) -> Option<u16> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

fn stop_gracefully(server: &mut Child) {
    let _ = command("kill", &["-TERM", &server.id().to_string()]).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = server.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = server.kill();
    let _ = server.wait();
}

fn db(root: &Path, args: &[String]) -> Result {
    match args.first().map(String::as_str) {
        Some("start") => {
            let cluster = Cluster::start(root)?;
            cluster.admin().create_database("immo9")?;
            println!("{}", cluster.url("immo9"));
            Ok(())
        }
        Some("url") => {
            let cluster = Cluster::start(root)?;
            println!("{}", cluster.url("immo9"));
            Ok(())
        }
        Some("stop") => Cluster::stop(root),
        _ => Err(USAGE.to_owned()),
    }
}

fn ldap(root: &Path, args: &[String]) -> Result {
    let directory = match args {
        [command] if command == "start" || command == "url" => Directory::start(root)?,
        [command] if command == "reset" => Directory::start_afresh(root)?,
        [command] if command == "stop" => return Directory::stop(root),
        _ => return Err(USAGE.to_owned()),
    };
    println!("{}", directory.url());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_default_to_all_and_keep_their_order() {
        assert_eq!(parse_steps(&[]).unwrap(), Step::ALL.to_vec());
        let args: Vec<String> = ["--only", "browser", "--only", "fmt"].map(String::from).to_vec();
        assert_eq!(parse_steps(&args).unwrap(), vec![Step::Fmt, Step::Browser]);
        assert!(parse_steps(&["--only".to_owned(), "lint".to_owned()]).is_err());
        assert!(parse_steps(&["--fast".to_owned()]).is_err());
    }
}

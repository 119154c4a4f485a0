//! `server`: serves Immo9 (default), `server migrate` applies the migrations and exits, and
//! `server seed-volume [--tickets N]` adds N tickets (100,000 by default) to a demo database, for measuring;
//! `server import FICHIER [--essai] [--par IDENTIFIANT] [--colonnes colonne:en-tête,…]` imports an activity list.

use leptos::config::get_configuration;
use server::config::{Config, DemoData};
use server::state::AppState;
use server::{demo, router, telemetry};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("immo9 : {error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format);
    let command = std::env::args().nth(1);
    let result = match command.as_deref() {
        None | Some("serve") => serve(config).await,
        Some("migrate") => migrate(&config).await.map(|_| ()),
        Some("seed-volume") => seed_volume(&config, std::env::args().skip(2).collect()).await,
        Some("import") => import(&config, std::env::args().skip(2).collect()).await,
        Some(other) => {
            Err(format!("commande inconnue « {other} » ; commandes : serve (par défaut), migrate, seed-volume, import"))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("immo9 : {message}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: &Config) -> Result<app::db::DbPool, String> {
    let pool =
        app::db::connect(&config.database_url, config.pool_size, config.connect_timeout).await.map_err(|error| {
            format!("{error}. Vérifiez DATABASE_URL, ou lancez `cargo xtask run` qui démarre une base locale.")
        })?;
    let applied = app::db::migrate(&config.database_url).await.map_err(|error| error.to_string())?;
    tracing::info!(applied = ?applied, "migrations up to date");
    Ok(pool)
}

/// Adds a desk's years of tickets to the demo database (see `demo::volume`), reporting its progress.
async fn seed_volume(config: &Config, args: Vec<String>) -> Result<(), String> {
    let tickets = match args.as_slice() {
        [] => 100_000,
        [flag, count] if flag == "--tickets" => count
            .parse::<usize>()
            .ok()
            .filter(|count| (1..=2_000_000).contains(count))
            .ok_or_else(|| format!("--tickets attend un nombre de 1 à 2 000 000, pas « {count} »"))?,
        _ => return Err("usage : server seed-volume [--tickets N]".into()),
    };
    let pool = migrate(config).await?;
    let mut conn = pool.get().await.map_err(|error| error.to_string())?;
    let started = std::time::Instant::now();
    let report = demo::volume::seed(&mut conn, tickets, config.clock.now(), |stored| {
        if stored % 10_000 < 500 || stored == tickets {
            eprintln!("immo9 : {stored} / {tickets} tickets");
        }
    })
    .await
    .map_err(|error| format!("jeu de mesure : {}", error.message()))?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} tickets ajoutés ({} clos, {} ouverts) en {seconds:.1} s ({:.0} tickets/s)",
        report.closed + report.open,
        report.closed,
        report.open,
        tickets as f64 / seconds.max(f64::EPSILON)
    );
    Ok(())
}

async fn serve(config: Config) -> Result<(), String> {
    let pool = migrate(&config).await?;
    if config.demo_data == DemoData::IfEmpty {
        let mut conn = pool.get().await.map_err(|error| error.to_string())?;
        let outcome = demo::load_if_empty(&mut conn, config.clock.now())
            .await
            .map_err(|error| format!("données de démonstration : {error}"))?;
        tracing::info!(?outcome, "demo data");
    }
    match app::imports::service::resume_interrupted(&pool, &config.clock).await {
        Ok(0) => {}
        Ok(resumed) => tracing::info!(resumed, "interrupted imports resumed"),
        Err(error) => tracing::error!(error = %error.message(), "interrupted imports not resumed"),
    }
    let _jobs = server::jobs::spawn_all(&pool, &config.clock, server::jobs::mail::Mailer::from_config(&config));
    let leptos_options = get_configuration(None).map_err(|error| error.to_string())?.leptos_options;
    let address = leptos_options.site_addr;
    let live = server::live::LiveHub::start(config.database_url.clone());
    let state = AppState {
        leptos_options,
        pool,
        cookie_secure: config.cookie_secure,
        clock: config.clock.clone(),
        latest_migration: app::db::latest_migration_version(),
        live: live.clone(),
        attachment_limits: config.attachment_limits,
    };
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| format!("impossible d'écouter sur {address} : {error}"))?;
    tracing::info!("listening on http://{address}");
    server::serve(listener, router(state), async move {
        shutdown_signal().await;
        // Event streams never end by themselves: end them, or the shutdown would wait for every browser.
        live.stop();
    })
    .await
    .map_err(|error| error.to_string())?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM; in-flight requests then finish before the server stops.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received, finishing in-flight requests");
}

const IMPORT_USAGE: &str = "usage : server import FICHIER [--essai] [--par IDENTIFIANT] [--colonnes colonne:en-tête,…]";

/// Checks an activity list and, unless `--essai`, imports it as the administrator `--par` (admin@immo9.fr by
/// default): the same checks, report and batches as the import page.
async fn import(config: &Config, args: Vec<String>) -> Result<(), String> {
    use app::domain::import::Column;
    let mut path = None;
    let mut dry_run = false;
    let mut login = "admin@immo9.fr".to_owned();
    let mut mapping = std::collections::BTreeMap::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--essai" => dry_run = true,
            "--par" => login = args.next().ok_or(IMPORT_USAGE)?,
            "--colonnes" => {
                for pair in args.next().ok_or(IMPORT_USAGE)?.split(',').filter(|pair| !pair.trim().is_empty()) {
                    let (column, header) = pair.split_once(':').ok_or(IMPORT_USAGE)?;
                    let column =
                        Column::from_code(column.trim()).ok_or_else(|| format!("colonne inconnue « {column} »"))?;
                    mapping.insert(column, header.trim().to_owned());
                }
            }
            _ if path.is_none() && !arg.starts_with("--") => path = Some(arg),
            _ => return Err(IMPORT_USAGE.into()),
        }
    }
    let path = path.ok_or(IMPORT_USAGE)?;
    let content = std::fs::read(&path).map_err(|error| format!("{path} : {error}"))?;
    let pool = migrate(config).await?;
    let mut conn = pool.get().await.map_err(|error| error.to_string())?;
    let id = app::directory::db::find_active_by_login(&mut conn, &login)
        .await
        .map_err(|error| error.to_string())?
        .ok_or_else(|| format!("aucun compte actif « {login} »"))?;
    let user = app::auth::db::load_current_user(&mut conn, id).await.map_err(|error| error.message())?;
    let name =
        std::path::Path::new(&path).file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let now = config.clock.now();
    let report = app::imports::service::check_upload(&mut conn, &user, &name, &content, mapping, now)
        .await
        .map_err(|error| error.message())?;
    for problem in &report.mapping_problems {
        eprintln!("immo9 : {problem}");
    }
    for row in report.rows.iter().filter(|row| !row.problems.is_empty()) {
        for problem in &row.problems {
            eprintln!("immo9 : {problem}");
        }
    }
    for note in &report.notes {
        eprintln!("immo9 : {note}");
    }
    println!(
        "{} : {} lignes, {} à créer, {} déjà importées, {} en erreur, {} vides",
        report.file_name, report.rows_total, report.to_create, report.already_imported, report.invalid, report.empty
    );
    if dry_run {
        return Ok(());
    }
    if !report.may_start() {
        return Err(if report.to_create == 0 && report.invalid == 0 && report.mapping_problems.is_empty() {
            "rien de nouveau à importer".into()
        } else {
            "import refusé : corrigez les lignes en erreur, rien n'a été écrit".into()
        });
    }
    app::imports::service::start(&mut conn, &user, report.id, now).await.map_err(|error| error.message())?;
    let started = std::time::Instant::now();
    let done = app::imports::service::run(&mut conn, report.id, &config.clock, |done, total| {
        eprintln!("immo9 : {done} / {total}")
    })
    .await
    .map_err(|error| error.message())?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} tickets créés, {} déjà présents, en {seconds:.1} s ({:.0} lignes/s)",
        done.created,
        done.skipped,
        done.rows_done as f64 / seconds.max(f64::EPSILON)
    );
    Ok(())
}

//! Checking and importing activity lists. A check (dry run) stores the file and its report and writes no
//! ticket; the import re-reads the stored file, so what is imported is exactly what was checked, and
//! registers its activities through the lifecycle's own service, one transaction per batch. An activity
//! already imported (same reference) is skipped, so re-running a file creates no duplicate.

use super::file::read_table;
use super::{BATCH_ROWS, ImportCheck, ImportStatus, REPORT_ROWS, RowOutcome, RowReport};
use crate::auth::CurrentUser;
use crate::db::schema::{import_runs, sites, tickets, users};
use crate::domain::catalog::fold_for_search;
use crate::domain::ids::{ImportId, SiteId, UserId};
use crate::domain::import::{Activity, Column, RowCheck, check_rows, map_columns};
use crate::domain::ticket::{Channel, Kind, TicketRef};
use crate::error::{AppError, AppResult};
use crate::i18n::imports::{
    column_label, empty_row_message, file_problem_message, mapping_problem_message, value_problem_message,
};
use crate::i18n::{domain_label, kind_label, pole_label, t};
use crate::tickets::NewTicket;
use crate::tickets::service::{Actor, Registration, register_with, registration_year, reserve_references};
use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

pub use crate::domain::import::SOURCE_PREFIX;

/// An activity ready to register: its site and requester found.
#[derive(Debug, Clone)]
struct Ready {
    activity: Activity,
    kind: Kind,
    site: SiteId,
    requester: Option<UserId>,
}

/// A row's fate once the database has been asked.
enum Resolved {
    Create(Box<Ready>),
    Already(Activity),
    Invalid { line: usize, reference: Option<String>, problems: Vec<String> },
    Empty(usize),
}

fn paris_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    chrono_tz::Europe::Paris
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc))
}

fn cell_message(line: usize, column: Column, value: &str, what: &str) -> String {
    format!("Ligne {line}, colonne « {} » : « {value} » : {what}.", column_label(column))
}

/// Checks every row against the file's rules and the database: sites, requesters, references imported
/// before, dates in the future.
async fn resolve(conn: &mut AsyncPgConnection, checks: Vec<RowCheck>, now: DateTime<Utc>) -> AppResult<Vec<Resolved>> {
    let t = t();
    let site_rows: Vec<(SiteId, String, String)> =
        sites::table.select((sites::id, sites::name, sites::code)).load(conn).await?;
    let mut site_by_name: HashMap<String, SiteId> = HashMap::new();
    for (id, name, code) in &site_rows {
        site_by_name.insert(fold_for_search(name).split_whitespace().collect::<Vec<_>>().join(" "), *id);
        site_by_name.insert(fold_for_search(code).split_whitespace().collect::<Vec<_>>().join(" "), *id);
    }
    let wanted_logins: Vec<String> = checks
        .iter()
        .filter_map(|check| match check {
            RowCheck::Valid(activity) => activity.requester.as_ref().map(|login| login.trim().to_lowercase()),
            _ => None,
        })
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let requesters: HashMap<String, UserId> = users::table
        .filter(users::active.eq(true))
        .filter(users::login.eq_any(&wanted_logins))
        .select((users::login, users::id))
        .load::<(String, UserId)>(conn)
        .await?
        .into_iter()
        .collect();
    let source_refs: Vec<String> = checks
        .iter()
        .filter_map(|check| match check {
            RowCheck::Valid(activity) => Some(format!("{SOURCE_PREFIX}{}", activity.source_ref)),
            _ => None,
        })
        .collect();
    let mut imported: HashSet<String> = HashSet::new();
    for chunk in source_refs.chunks(10_000) {
        let found: Vec<Option<String>> =
            tickets::table.filter(tickets::source_ref.eq_any(chunk)).select(tickets::source_ref).load(conn).await?;
        imported.extend(found.into_iter().flatten());
    }
    let latest = now + TimeDelta::minutes(5);
    Ok(checks
        .into_iter()
        .map(|check| match check {
            RowCheck::Empty { line } => Resolved::Empty(line),
            RowCheck::Invalid { line, problems } => Resolved::Invalid {
                line,
                reference: None,
                problems: problems.iter().map(|problem| value_problem_message(line, problem)).collect(),
            },
            RowCheck::Valid(activity) => {
                if imported.contains(&format!("{SOURCE_PREFIX}{}", activity.source_ref)) {
                    return Resolved::Already(activity);
                }
                let mut problems = Vec::new();
                let site_key = fold_for_search(&activity.site).split_whitespace().collect::<Vec<_>>().join(" ");
                let site = site_by_name.get(&site_key).copied();
                if site.is_none() {
                    problems.push(cell_message(activity.line, Column::Site, &activity.site, t.import_site_unknown));
                }
                let requester = match &activity.requester {
                    Some(login) => {
                        let found = requesters.get(&login.trim().to_lowercase()).copied();
                        if found.is_none() {
                            problems.push(cell_message(
                                activity.line,
                                Column::Requester,
                                login,
                                t.import_requester_unknown,
                            ));
                        }
                        found
                    }
                    None => None,
                };
                if activity.kind.is_none() {
                    problems.push(format!(
                        "Ligne {}, colonne « {} » : {}.",
                        activity.line,
                        column_label(Column::Kind),
                        t.import_kind_missing
                    ));
                }
                if paris_to_utc(activity.at) > latest {
                    problems.push(cell_message(
                        activity.line,
                        Column::At,
                        &activity.at.to_string(),
                        t.import_date_future,
                    ));
                }
                match (problems.is_empty(), site, activity.kind) {
                    (true, Some(site), Some(kind)) => {
                        Resolved::Create(Box::new(Ready { kind, site, requester, activity }))
                    }
                    _ => Resolved::Invalid {
                        line: activity.line,
                        reference: Some(activity.source_ref.clone()),
                        problems,
                    },
                }
            }
        })
        .collect())
}

fn summary_of(activity: &Activity) -> String {
    let mut labels = Vec::new();
    if let Some(kind) = activity.kind {
        labels.push(kind_label(kind).to_owned());
    }
    if let Some(domain) = activity.domain {
        labels.push(domain_label(domain).to_owned());
    }
    if let Some(pole) = activity.pole {
        labels.push(pole_label(pole).to_owned());
    }
    format!(
        "{} — {} — {} — {}",
        activity.at.format("%d/%m/%Y %H:%M"),
        labels.join(" · "),
        activity.site,
        activity.title
    )
}

/// Reads the stored file with the mapping and builds its report (and the rows ready to import).
async fn evaluate(
    conn: &mut AsyncPgConnection,
    content: &[u8],
    explicit: &BTreeMap<Column, String>,
    now: DateTime<Utc>,
) -> AppResult<(ImportCheckParts, Vec<Ready>)> {
    let t = t();
    let table =
        read_table(content).map_err(|problem| AppError::validation("fichier", file_problem_message(&problem)))?;
    let mut parts =
        ImportCheckParts { headers: table.headers.clone(), rows_total: table.rows.len(), ..Default::default() };
    let mapping = match map_columns(&table.headers, explicit) {
        Ok(mapping) => mapping,
        Err(problems) => {
            parts.mapping_problems = problems.iter().map(mapping_problem_message).collect();
            return Ok((parts, Vec::new()));
        }
    };
    parts.mapping =
        mapping.iter().map(|(column, position)| (column, table.headers[position].trim().to_owned())).collect();
    if mapping.position(Column::Requester).is_none() {
        parts.notes.push(t.import_note_no_requester.to_owned());
    }
    let resolved = resolve(conn, check_rows(&table, &mapping), now).await?;
    let mut problems = Vec::new();
    let mut others = Vec::new();
    let mut ready = Vec::new();
    for row in resolved {
        match row {
            Resolved::Create(item) => {
                parts.to_create += 1;
                others.push(RowReport {
                    line: item.activity.line,
                    outcome: RowOutcome::Create,
                    reference: Some(item.activity.source_ref.clone()),
                    summary: summary_of(&item.activity),
                    problems: Vec::new(),
                });
                ready.push(*item);
            }
            Resolved::Already(activity) => {
                parts.already_imported += 1;
                others.push(RowReport {
                    line: activity.line,
                    outcome: RowOutcome::AlreadyImported,
                    reference: Some(activity.source_ref.clone()),
                    summary: summary_of(&activity),
                    problems: Vec::new(),
                });
            }
            Resolved::Invalid { line, reference, problems: list } => {
                parts.invalid += 1;
                problems.push(RowReport {
                    line,
                    outcome: RowOutcome::Invalid,
                    reference,
                    summary: String::new(),
                    problems: list,
                });
            }
            Resolved::Empty(line) => {
                parts.empty += 1;
                problems.push(RowReport {
                    line,
                    outcome: RowOutcome::Empty,
                    reference: None,
                    summary: empty_row_message(line),
                    problems: Vec::new(),
                });
            }
        }
    }
    parts.rows = problems.into_iter().chain(others).take(REPORT_ROWS).collect();
    Ok((parts, ready))
}

/// The part of a report computed from the file.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct ImportCheckParts {
    headers: Vec<String>,
    mapping: BTreeMap<Column, String>,
    mapping_problems: Vec<String>,
    rows_total: usize,
    to_create: usize,
    already_imported: usize,
    invalid: usize,
    empty: usize,
    rows: Vec<RowReport>,
    notes: Vec<String>,
}

/// Imports are the administrators' (the Administration area), whichever door they come through.
fn only_admins(user: &CurrentUser) -> AppResult<()> {
    crate::auth::service::check_area(user, crate::domain::access::Area::Administration)
}

/// Checks an uploaded file (the dry run): stores it with its report, writes no ticket.
pub async fn check_upload(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    file_name: &str,
    content: &[u8],
    explicit: BTreeMap<Column, String>,
    now: DateTime<Utc>,
) -> AppResult<ImportCheck> {
    only_admins(user)?;
    let file_name: String = file_name.trim().chars().take(255).collect();
    let (parts, _) = evaluate(conn, content, &explicit, now).await?;
    let digest: String = Sha256::digest(content).iter().map(|byte| format!("{byte:02x}")).collect();
    let id: ImportId = diesel::insert_into(import_runs::table)
        .values((
            import_runs::file_name.eq(if file_name.is_empty() { "fichier" } else { file_name.as_str() }),
            import_runs::file_sha256.eq(digest),
            import_runs::content.eq(content),
            import_runs::mapping.eq(serde_json::to_value(&explicit).map_err(|_| AppError::internal("mapping"))?),
            import_runs::report.eq(serde_json::to_value(&parts).map_err(|_| AppError::internal("report"))?),
            import_runs::rows_total.eq(parts.rows_total as i32),
            import_runs::rows_valid.eq(parts.to_create as i32),
            import_runs::status.eq(ImportStatus::Checked),
            import_runs::started_by.eq(user.id),
            import_runs::checked_at.eq(now),
        ))
        .returning(import_runs::id)
        .get_result(conn)
        .await?;
    status(conn, user, id).await
}

/// Checks a stored file again with columns mapped by hand.
pub async fn remap(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    id: ImportId,
    explicit: BTreeMap<Column, String>,
    now: DateTime<Utc>,
) -> AppResult<ImportCheck> {
    only_admins(user)?;
    let (content, import_status): (Option<Vec<u8>>, ImportStatus) = import_runs::table
        .find(id)
        .select((import_runs::content, import_runs::status))
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| AppError::not_found(t().import_not_found))?;
    let content = content
        .filter(|_| import_status == ImportStatus::Checked)
        .ok_or_else(|| AppError::conflict(t().import_not_checkable))?;
    let (parts, _) = evaluate(conn, &content, &explicit, now).await?;
    diesel::update(import_runs::table.find(id))
        .set((
            import_runs::mapping.eq(serde_json::to_value(&explicit).map_err(|_| AppError::internal("mapping"))?),
            import_runs::report.eq(serde_json::to_value(&parts).map_err(|_| AppError::internal("report"))?),
            import_runs::rows_total.eq(parts.rows_total as i32),
            import_runs::rows_valid.eq(parts.to_create as i32),
            import_runs::checked_at.eq(now),
        ))
        .execute(conn)
        .await?;
    status(conn, user, id).await
}

type RunRow =
    (String, ImportStatus, serde_json::Value, i32, i32, i32, Option<String>, DateTime<Utc>, Option<DateTime<Utc>>);

/// A list's report and, once started, its progress.
pub async fn status(conn: &mut AsyncPgConnection, user: &CurrentUser, id: ImportId) -> AppResult<ImportCheck> {
    only_admins(user)?;
    let row: Option<RunRow> = import_runs::table
        .find(id)
        .select((
            import_runs::file_name,
            import_runs::status,
            import_runs::report,
            import_runs::rows_done,
            import_runs::created,
            import_runs::skipped,
            import_runs::error,
            import_runs::checked_at,
            import_runs::finished_at,
        ))
        .first(conn)
        .await
        .optional()?;
    let (file_name, status, report, rows_done, created, skipped, error, checked_at, finished_at) =
        row.ok_or_else(|| AppError::not_found(t().import_not_found))?;
    let parts: ImportCheckParts = serde_json::from_value(report).map_err(|_| AppError::internal("import report"))?;
    Ok(ImportCheck {
        id,
        file_name,
        status,
        headers: parts.headers,
        mapping: parts.mapping,
        mapping_problems: parts.mapping_problems,
        rows_total: parts.rows_total,
        to_create: parts.to_create,
        already_imported: parts.already_imported,
        invalid: parts.invalid,
        empty: parts.empty,
        rows: parts.rows,
        notes: parts.notes,
        rows_done: rows_done as usize,
        created: created as usize,
        skipped: skipped as usize,
        error,
        checked_at,
        finished_at,
    })
}

/// Marks a clean check as running; the caller then runs [`run`] (in the background for the page).
pub async fn start(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    id: ImportId,
    now: DateTime<Utc>,
) -> AppResult<ImportCheck> {
    let check = status(conn, user, id).await?;
    // A run left `EN_COURS` by a worker that is gone (the server stopped, crashed, was killed) starts again
    // where its last committed batch left it; one whose worker still runs is refused.
    if check.status == ImportStatus::Running {
        return if worker_is_gone(conn, id).await? {
            Ok(check)
        } else {
            Err(AppError::conflict(t().import_already_running))
        };
    }
    if !check.may_start() {
        return Err(AppError::conflict(t().import_not_startable));
    }
    let updated = diesel::update(import_runs::table.find(id).filter(import_runs::status.eq(ImportStatus::Checked)))
        .set((import_runs::status.eq(ImportStatus::Running), import_runs::started_at.eq(now)))
        .execute(conn)
        .await?;
    if updated == 0 {
        return Err(AppError::conflict(t().import_not_startable));
    }
    status(conn, user, id).await
}

/// The advisory-lock class of import workers: a run's worker holds `(class, run id)` on its connection
/// for as long as it runs, so a run `EN_COURS` whose lock is free has lost its worker.
const WORKER_LOCK_CLASS: i32 = 0x1309;

#[derive(diesel::QueryableByName)]
struct Locked {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    locked: bool,
}

async fn try_lock_worker(conn: &mut AsyncPgConnection, id: ImportId) -> AppResult<bool> {
    let row: Locked = diesel::sql_query("SELECT pg_try_advisory_lock($1, $2::int) AS locked")
        .bind::<diesel::sql_types::Integer, _>(WORKER_LOCK_CLASS)
        .bind::<diesel::sql_types::BigInt, _>(id.0)
        .get_result(conn)
        .await?;
    Ok(row.locked)
}

async fn unlock_worker(conn: &mut AsyncPgConnection, id: ImportId) -> AppResult<()> {
    diesel::sql_query("SELECT pg_advisory_unlock($1, $2::int) AS locked")
        .bind::<diesel::sql_types::Integer, _>(WORKER_LOCK_CLASS)
        .bind::<diesel::sql_types::BigInt, _>(id.0)
        .get_result::<Locked>(conn)
        .await?;
    Ok(())
}

/// Whether no worker (of any instance) holds the run.
async fn worker_is_gone(conn: &mut AsyncPgConnection, id: ImportId) -> AppResult<bool> {
    let free = try_lock_worker(conn, id).await?;
    if free {
        unlock_worker(conn, id).await?;
    }
    Ok(free)
}

/// Imports a started list, batch by batch; each batch is one transaction that also records the progress.
/// On an error the run is marked failed with the row and reason; batches already done stay, and running the
/// same file again skips them. A run resumed after its worker died reads the file again: what its committed
/// batches registered is known by its references and skipped, the counters go on from where they were.
/// `progress` hears the rows done after each batch. Refused (409) while another worker holds the run.
pub async fn run(
    conn: &mut AsyncPgConnection,
    id: ImportId,
    clock: &crate::clock::Clock,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<ImportCheck> {
    if !try_lock_worker(conn, id).await? {
        return Err(AppError::conflict(t().import_already_running));
    }
    let outcome = run_locked(conn, id, clock, &mut progress).await;
    unlock_worker(conn, id).await?;
    outcome
}

async fn run_locked(
    conn: &mut AsyncPgConnection,
    id: ImportId,
    clock: &crate::clock::Clock,
    progress: &mut impl FnMut(usize, usize),
) -> AppResult<ImportCheck> {
    let running: bool = diesel::select(diesel::dsl::exists(
        import_runs::table.find(id).filter(import_runs::status.eq(ImportStatus::Running)),
    ))
    .get_result(conn)
    .await?;
    if !running {
        return Err(AppError::conflict(t().import_not_startable));
    }
    let outcome = import_batches(conn, id, clock.now(), progress).await;
    let importer = import_runs::table.find(id).select(import_runs::started_by).first::<UserId>(conn).await?;
    let user = crate::auth::db::load_current_user(conn, importer).await?;
    match outcome {
        Ok(()) => {
            diesel::update(import_runs::table.find(id))
                .set((
                    import_runs::status.eq(ImportStatus::Done),
                    import_runs::content.eq(None::<Vec<u8>>),
                    import_runs::finished_at.eq(clock.now()),
                ))
                .execute(conn)
                .await?;
            status(conn, &user, id).await
        }
        Err(error) => {
            diesel::update(import_runs::table.find(id))
                .set((
                    import_runs::status.eq(ImportStatus::Failed),
                    import_runs::error.eq(error.message()),
                    import_runs::finished_at.eq(clock.now()),
                ))
                .execute(conn)
                .await?;
            Err(error)
        }
    }
}

async fn import_batches(
    conn: &mut AsyncPgConnection,
    id: ImportId,
    now: DateTime<Utc>,
    progress: &mut impl FnMut(usize, usize),
) -> AppResult<()> {
    let t = t();
    let (content, mapping, started_by): (Option<Vec<u8>>, serde_json::Value, UserId) = import_runs::table
        .find(id)
        .select((import_runs::content, import_runs::mapping, import_runs::started_by))
        .first(conn)
        .await?;
    let content = content.ok_or_else(|| AppError::conflict(t.import_not_startable))?;
    let explicit: BTreeMap<Column, String> =
        serde_json::from_value(mapping).map_err(|_| AppError::internal("import mapping"))?;
    let (parts, ready) = evaluate(conn, &content, &explicit, now).await?;
    if parts.invalid > 0 || !parts.mapping_problems.is_empty() {
        return Err(AppError::conflict(t.import_changed_since_check));
    }
    let total = ready.len();
    let mut done = 0;
    for batch in ready.chunks(BATCH_ROWS) {
        // The batch's references are taken first, each block in its own short statement: the batch's
        // transaction then never holds the counters the desk's own registrations need meanwhile.
        let references = reserve_batch_references(conn, batch).await?;
        conn.transaction(async |conn| {
            let mut created = 0i32;
            let mut skipped = 0i32;
            for (item, reference) in batch.iter().zip(references.iter().copied()) {
                if register_one(conn, item, reference, started_by).await.map_err(|error| {
                    AppError::validation(
                        "fichier",
                        crate::i18n::fill(
                            t.phrases.import_line,
                            &[("line", &item.activity.line), ("message", &error.message())],
                        ),
                    )
                })? {
                    created += 1;
                } else {
                    skipped += 1;
                }
            }
            diesel::update(import_runs::table.find(id))
                .set((
                    import_runs::rows_done.eq(import_runs::rows_done + batch.len() as i32),
                    import_runs::created.eq(import_runs::created + created),
                    import_runs::skipped.eq(import_runs::skipped + skipped),
                ))
                .execute(conn)
                .await?;
            Ok::<_, AppError>(())
        })
        .await?;
        done += batch.len();
        progress(done, total);
    }
    Ok(())
}

/// One reference per row of `batch`, in its order: a block per kind and year of registration.
async fn reserve_batch_references(conn: &mut AsyncPgConnection, batch: &[Ready]) -> AppResult<Vec<TicketRef>> {
    let key = |item: &Ready| (item.kind, registration_year(paris_to_utc(item.activity.at)));
    let mut counts: BTreeMap<(Kind, u16), u32> = BTreeMap::new();
    for item in batch {
        *counts.entry(key(item)).or_default() += 1;
    }
    let mut next: BTreeMap<(Kind, u16), u32> = BTreeMap::new();
    for ((kind, year), count) in counts {
        next.insert((kind, year), reserve_references(conn, kind, year, count).await?);
    }
    Ok(batch
        .iter()
        .map(|item| {
            let (kind, year) = key(item);
            let seq = next.get_mut(&(kind, year)).expect("reserved above");
            *seq += 1;
            TicketRef { kind, year, seq: *seq - 1 }
        })
        .collect())
}

/// Registers one activity at its own time, under its reserved reference; `false` when another run
/// imported it meanwhile (its reserved number is then left unused).
async fn register_one(
    conn: &mut AsyncPgConnection,
    item: &Ready,
    reference: TicketRef,
    importer: UserId,
) -> AppResult<bool> {
    let source_ref = format!("{SOURCE_PREFIX}{}", item.activity.source_ref);
    let exists: bool = diesel::select(diesel::dsl::exists(tickets::table.filter(tickets::source_ref.eq(&source_ref))))
        .get_result(conn)
        .await?;
    if exists {
        return Ok(false);
    }
    let activity = &item.activity;
    // An employee's incident or request needs a requester; a file that names none makes the importing
    // administrator the requester (the check says so before anything is written).
    let needs_requester =
        matches!(item.kind, Kind::Incident | Kind::Request) && activity.channel != Channel::Monitoring;
    let requester = item.requester.or(needs_requester.then_some(importer));
    let input = NewTicket {
        kind: Some(item.kind),
        title: activity.title.clone(),
        description: activity.description.clone(),
        channel: Some(activity.channel),
        priority: None,
        domain: activity.domain,
        requester,
        site: Some(item.site),
        pole: activity.pole,
        solved_now: None,
        source_ref: Some(source_ref),
    };
    let extras = Registration { reference: Some(reference), ..Registration::default() };
    register_with(conn, Actor::System, input, extras, paris_to_utc(activity.at)).await?;
    Ok(true)
}

/// At start-up: every run left `EN_COURS` without a worker (this instance was stopped or killed while
/// importing) resumes on its own task. A run another instance is importing is left to it.
pub async fn resume_interrupted(pool: &crate::db::DbPool, clock: &crate::clock::Clock) -> AppResult<usize> {
    let mut conn = pool.get().await?;
    let running: Vec<ImportId> = import_runs::table
        .filter(import_runs::status.eq(ImportStatus::Running))
        .select(import_runs::id)
        .load(&mut conn)
        .await?;
    let mut resumed = 0;
    for id in running {
        if worker_is_gone(&mut conn, id).await? {
            tracing::info!(import = %id, "resuming an interrupted import");
            spawn_run(pool.clone(), clock.clone(), id);
            resumed += 1;
        }
    }
    Ok(resumed)
}

/// Runs a started import on its own task, so the page that started it can follow its progress.
pub fn spawn_run(pool: crate::db::DbPool, clock: crate::clock::Clock, id: ImportId) {
    tokio::spawn(async move {
        let mut conn = match pool.get().await {
            Ok(conn) => conn,
            Err(error) => {
                tracing::error!(import = %id, %error, "no connection to run the import");
                return;
            }
        };
        if let Err(error) = run(&mut conn, id, &clock, |_, _| {}).await {
            tracing::warn!(import = %id, error = %error.message(), "import failed");
        }
    });
}

//! Background jobs of one server instance. Each is idempotent and safe with several instances on one
//! database (compare-and-set on the ticket's version, unique keys, `FOR UPDATE SKIP LOCKED`), and catches up
//! after downtime: every job works from what is stored, never from what it remembers.

pub mod mail;

use app::clock::Clock;
use app::db::DbPool;
use app::error::AppError;
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use std::fmt::Debug;
use std::time::Duration;

/// A connection a job holds for one run.
pub type JobConnection = diesel_async::pooled_connection::deadpool::Object<AsyncPgConnection>;

/// Runs `job` now, then every `period`, until the process ends, at the instant the instance's clock reads
/// when the run begins. A failed run is logged and retried at the next period; a run that reports nothing
/// (its `Default`) is not logged.
pub fn spawn_periodic<Report, Job, Run>(
    name: &'static str,
    pool: DbPool,
    clock: Clock,
    period: Duration,
    job: Job,
) -> tokio::task::JoinHandle<()>
where
    Report: Debug + Default + PartialEq,
    Job: Fn(JobConnection, DateTime<Utc>) -> Run + Send + 'static,
    Run: Future<Output = Result<Report, AppError>> + Send,
{
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(period);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let outcome = match pool.get().await {
                Ok(conn) => job(conn, clock.now()).await,
                Err(error) => Err(AppError::from(error)),
            };
            match outcome {
                Ok(report) if report != Report::default() => tracing::info!(job = name, ?report, "job ran"),
                Ok(_) => {}
                Err(error) => tracing::warn!(job = name, %error, "job failed; retrying next period"),
            }
        }
    })
}

/// Every job of an instance: the lifecycle (reminders, automatic resolution and closure) and the SLA
/// escalations every minute, the backlog watch every five minutes, the monthly report's sending checked every
/// quarter of an hour, the previews of pictures left to make every minute, the directory sync once an hour (checked every five minutes), mail every ten seconds
/// when a relay is configured.
pub fn spawn_all(pool: &DbPool, clock: &Clock, mailer: Option<mail::Mailer>) -> Vec<tokio::task::JoinHandle<()>> {
    let minute = Duration::from_secs(60);
    let mut jobs = vec![
        spawn_periodic("cycle de vie", pool.clone(), clock.clone(), minute, |mut conn, now| async move {
            app::tickets::service::run_lifecycle_jobs(&mut conn, now).await
        }),
        spawn_periodic("escalades", pool.clone(), clock.clone(), minute, |mut conn, now| async move {
            app::sla::clocks::run_escalations(&mut conn, now).await
        }),
        spawn_periodic("charge des pôles", pool.clone(), clock.clone(), minute * 5, |mut conn, now| async move {
            app::backlog::service::watch(&mut conn, now).await
        }),
        spawn_periodic("rapport mensuel", pool.clone(), clock.clone(), minute * 15, |mut conn, now| async move {
            app::reports::service::send_due(&mut conn, now).await
        }),
        // Right after an upload, its route makes the renditions; this catches what a restart left.
        spawn_periodic("aperçus", pool.clone(), clock.clone(), minute, |mut conn, _| async move {
            app::attachments::renditions::make_pending(&mut conn, 50).await
        }),
        // Checked every five minutes, run once an hour: the run claims its hour across instances.
        spawn_periodic("annuaire", pool.clone(), clock.clone(), minute * 5, |mut conn, now| async move {
            app::directory::sync::run_hourly(&mut conn, now).await.map(|report| report.map(|r| r.run))
        }),
    ];
    match mailer {
        Some(mailer) => {
            let mailer = std::sync::Arc::new(mailer);
            jobs.push(spawn_periodic(
                "courriels",
                pool.clone(),
                clock.clone(),
                Duration::from_secs(10),
                move |mut conn, now| {
                    let mailer = mailer.clone();
                    async move { mailer.deliver_pending(&mut conn, now).await }
                },
            ));
        }
        None => tracing::info!("IMMO9_SMTP_URL is not set: mail waits in mail_outbox"),
    }
    jobs
}

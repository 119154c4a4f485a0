//! Background jobs of one server instance. Each is idempotent and safe with several instances on one
//! database (every step is a compare-and-set on the ticket's version), and catches up after downtime.

use app::db::DbPool;
use std::time::Duration;

/// Reminders, automatic resolution and closure, every minute.
pub fn spawn_lifecycle(pool: DbPool, period: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(period);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let outcome = async {
                let mut conn = pool.get().await.map_err(app::error::AppError::from)?;
                app::tickets::service::run_lifecycle_jobs(&mut conn, chrono::Utc::now()).await
            }
            .await;
            match outcome {
                Ok(report) if report != Default::default() => tracing::info!(?report, "lifecycle jobs"),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "lifecycle jobs failed; retrying next period"),
            }
        }
    })
}

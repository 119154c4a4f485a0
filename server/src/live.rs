//! Relays the database's ticket announcements to this instance's browsers: one dedicated PostgreSQL
//! connection LISTENs on [`app::live::CHANNEL`] and fans each change out to every open event stream
//! through a broadcast channel. The connection is checked every half minute and re-established with
//! back-off; subscribers are then told to resync, since changes made while it was down were not heard.

use app::live::{CHANNEL, TicketChange};
use futures_util::StreamExt;
use std::time::Duration;
use tokio::sync::{broadcast, watch};
use tokio_postgres::{AsyncMessage, NoTls};

/// What an event stream forwards to its browser.
#[derive(Debug, Clone, PartialEq)]
pub enum Signal {
    Change(TicketChange),
    /// Changes may have been missed: reload.
    Resync,
}

/// How many changes a slow subscriber may fall behind before it is told to resync instead.
const BACKLOG: usize = 1_024;
const FIRST_RETRY: Duration = Duration::from_millis(500);
/// How often the listening connection is checked, and how long the database may take to answer.
const KEEP_ALIVE_EVERY: Duration = Duration::from_secs(30);
const KEEP_ALIVE_PATIENCE: Duration = Duration::from_secs(10);
const LAST_RETRY: Duration = Duration::from_secs(30);

/// The instance's end of the live channel. Cheap to clone; subscribers get every change from now on.
#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<Signal>,
    /// Whether the LISTEN is in place (changes are being heard) right now.
    listening: watch::Receiver<bool>,
    /// Set when the instance stops: open streams end, so the graceful shutdown does not wait for browsers.
    stopping: std::sync::Arc<watch::Sender<bool>>,
}

impl LiveHub {
    /// Starts listening on `database_url` in the background, for the lifetime of the process.
    pub fn start(database_url: String) -> LiveHub {
        let (sender, _) = broadcast::channel(BACKLOG);
        let (set_listening, listening) = watch::channel(false);
        tokio::spawn(listen_forever(database_url, sender.clone(), set_listening));
        let (stopping, _) = watch::channel(false);
        LiveHub { sender, listening, stopping: std::sync::Arc::new(stopping) }
    }

    /// Ends every open stream (the instance is stopping).
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Resolves when the instance stops.
    pub async fn stopped(&self) {
        let mut stopping = self.stopping.subscribe();
        let _ = stopping.wait_for(|stopping| *stopping).await;
    }

    /// Waits (at most `patience`) until changes are being heard, so a stream opened now misses nothing
    /// committed after it opens. Returns whether they are.
    pub async fn until_listening(&self, patience: Duration) -> bool {
        let mut listening = self.listening.clone();
        tokio::time::timeout(patience, listening.wait_for(|listening| *listening)).await.is_ok_and(|ok| ok.is_ok())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.sender.subscribe()
    }
}

async fn listen_forever(database_url: String, sender: broadcast::Sender<Signal>, listening: watch::Sender<bool>) {
    let mut retry = FIRST_RETRY;
    loop {
        let ended = listen(&database_url, &sender, &listening, &mut retry).await;
        listening.send_replace(false);
        tracing::warn!(reason = %ended, retry_in = ?retry, "live channel: connection lost");
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(LAST_RETRY);
    }
}

/// Ends a task when dropped (the keep-alive of a connection that is gone).
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Listens until the connection ends, and says why it ended. Whenever listening starts, subscribers are told
/// to resync: whatever was committed while nobody listened was not heard.
async fn listen(
    database_url: &str,
    sender: &broadcast::Sender<Signal>,
    listening: &watch::Sender<bool>,
    retry: &mut Duration,
) -> String {
    let (client, mut connection) = match tokio_postgres::connect(database_url, NoTls).await {
        Ok(connected) => connected,
        Err(error) => return error.to_string(),
    };
    let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
    let client = std::sync::Arc::new(client);
    // The connection only makes progress while polled: drive it while LISTEN is sent.
    let statement = format!("LISTEN {CHANNEL}");
    {
        let listen_sent = client.batch_execute(&statement);
        tokio::pin!(listen_sent);
        loop {
            tokio::select! {
                done = &mut listen_sent => match done {
                    Ok(()) => break,
                    Err(error) => return error.to_string(),
                },
                message = messages.next() => match message {
                    Some(Ok(_)) => {}
                    Some(Err(error)) => return error.to_string(),
                    None => return "the database closed the connection".to_owned(),
                }
            }
        }
    }
    tracing::info!(channel = CHANNEL, "live channel listening");
    listening.send_replace(true);
    *retry = FIRST_RETRY;
    let _ = sender.send(Signal::Resync);
    // A connection that died silently (a cut network, a killed backend behind a proxy) would never end the
    // stream below: ask the database something now and then, and give up on it when it does not answer.
    let (silent, mut gone_silent) = tokio::sync::oneshot::channel::<()>();
    let _keep_alive = AbortOnDrop(tokio::spawn({
        let client = std::sync::Arc::clone(&client);
        async move {
            let mut every = tokio::time::interval(KEEP_ALIVE_EVERY);
            every.tick().await;
            loop {
                every.tick().await;
                let answered = tokio::time::timeout(KEEP_ALIVE_PATIENCE, client.simple_query("SELECT 1")).await;
                if !matches!(answered, Ok(Ok(_))) {
                    let _ = silent.send(());
                    return;
                }
            }
        }
    }));
    loop {
        tokio::select! {
            _ = &mut gone_silent => return "the database stopped answering".to_owned(),
            message = messages.next() => match message {
                Some(Ok(AsyncMessage::Notification(notification))) => {
                    match serde_json::from_str(notification.payload()) {
                        // No subscriber is not an error: nobody is looking.
                        Ok(change) => drop(sender.send(Signal::Change(change))),
                        Err(error) => {
                            tracing::error!(%error, payload = notification.payload(), "unreadable ticket change")
                        }
                    }
                }
                Some(Ok(AsyncMessage::Notice(notice))) => tracing::debug!(%notice, "live channel notice"),
                Some(Ok(_)) => {}
                Some(Err(error)) => return error.to_string(),
                None => return "the database closed the connection".to_owned(),
            }
        }
    }
}

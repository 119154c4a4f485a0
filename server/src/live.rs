//! Relays the database's ticket announcements to this instance's browsers: one dedicated PostgreSQL
//! connection LISTENs on [`app::live::CHANNEL`] and fans each change out to every open event stream
//! through a broadcast channel. The connection is re-established with back-off; subscribers are then told
//! to resync, since changes made while it was down were not heard.

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
    let mut heard_before = false;
    loop {
        let ended = listen(&database_url, &sender, &listening, &mut heard_before, &mut retry).await;
        listening.send_replace(false);
        match ended {
            Ok(()) => tracing::warn!("live channel: the database closed the connection"),
            Err(error) => tracing::warn!(%error, retry_in = ?retry, "live channel: connection lost"),
        }
        tokio::time::sleep(retry).await;
        retry = (retry * 2).min(LAST_RETRY);
    }
}

/// Listens until the connection ends. Once listening, a reconnection tells subscribers to resync.
async fn listen(
    database_url: &str,
    sender: &broadcast::Sender<Signal>,
    listening: &watch::Sender<bool>,
    heard_before: &mut bool,
    retry: &mut Duration,
) -> Result<(), tokio_postgres::Error> {
    let (client, mut connection) = tokio_postgres::connect(database_url, NoTls).await?;
    let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
    // The connection only makes progress while polled: drive it while LISTEN is sent.
    let statement = format!("LISTEN {CHANNEL}");
    {
        let listen_sent = client.batch_execute(&statement);
        tokio::pin!(listen_sent);
        loop {
            tokio::select! {
                done = &mut listen_sent => { done?; break; }
                message = messages.next() => match message {
                    Some(Ok(_)) => {}
                    Some(Err(error)) => return Err(error),
                    None => return Ok(()),
                }
            }
        }
    }
    tracing::info!(channel = CHANNEL, "live channel listening");
    listening.send_replace(true);
    *retry = FIRST_RETRY;
    if std::mem::replace(heard_before, true) {
        let _ = sender.send(Signal::Resync);
    }
    while let Some(message) = messages.next().await {
        match message? {
            AsyncMessage::Notification(notification) => match serde_json::from_str(notification.payload()) {
                Ok(change) => {
                    // No subscriber is not an error: nobody is looking.
                    let _ = sender.send(Signal::Change(change));
                }
                Err(error) => tracing::error!(%error, payload = notification.payload(), "unreadable ticket change"),
            },
            AsyncMessage::Notice(notice) => tracing::debug!(%notice, "live channel notice"),
            _ => {}
        }
    }
    // The client lived until here on purpose: dropping it would have closed the connection.
    drop(client);
    Ok(())
}

//! `GET /api/v1/live`: the ticket changes as Server-Sent Events (`ticket` with the change as JSON, `resync`
//! when some were missed), for the people who work the queues.

use super::api::ApiError;
use super::input::{InArea, Queues};
use crate::live::Signal;
use crate::state::AppState;
use app::live::{RESYNC_EVENT, TICKET_EVENT};
use axum::Router;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use futures_util::Stream;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// How long a browser waits before reconnecting after the stream drops.
const RECONNECT_AFTER: Duration = Duration::from_secs(2);
/// How long a new stream waits for the instance to be listening before it opens anyway (it will be told
/// to resync once the listener is back).
const LISTENER_PATIENCE: Duration = Duration::from_secs(5);
/// A stream ends after this long; the browser reconnects at once and is asked for its session again, so a
/// signed-out or deactivated account stops hearing changes within this delay.
const STREAM_LIFETIME: Duration = Duration::from_secs(10 * 60);

pub fn router() -> Router<AppState> {
    Router::new().route("/live", get(stream))
}

async fn stream(
    State(state): State<AppState>,
    InArea(caller, _): InArea<Queues>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    // A stream lasts minutes: it holds no connection of the pool, only the instance's one listener.
    drop(caller);
    let receiver = state.live.subscribe();
    state.live.until_listening(LISTENER_PATIENCE).await;
    let opening = Event::default().retry(RECONNECT_AFTER).comment("immo9");
    let changes = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let event = match receiver.recv().await {
            Ok(Signal::Change(change)) => {
                Event::default().event(TICKET_EVENT).json_data(&change).unwrap_or_else(|_| resync())
            }
            Ok(Signal::Resync) | Err(RecvError::Lagged(_)) => resync(),
            Err(RecvError::Closed) => return None,
        };
        Some((Ok(event), receiver))
    });
    let hub = state.live.clone();
    let until_stopped = async move {
        tokio::select! {
            () = hub.stopped() => {}
            () = tokio::time::sleep(STREAM_LIFETIME) => {}
        }
    };
    let stream = futures_util::StreamExt::take_until(
        futures_util::StreamExt::chain(futures_util::stream::once(async { Ok(opening) }), changes),
        until_stopped,
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

fn resync() -> Event {
    Event::default().event(RESYNC_EVENT).data("{}")
}

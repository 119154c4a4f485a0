//! Live changes: every change to a ticket is announced by the database (a trigger NOTIFYs
//! `immo9_tickets` when the change commits), relayed by each server instance to its browsers as
//! Server-Sent Events on `/api/v1/live`, and turned here into a signal pages refetch on.

use crate::domain::people::Pole;
use crate::domain::workflow::Status;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The PostgreSQL channel the `tickets_announce_change` trigger notifies.
pub const CHANNEL: &str = "immo9_tickets";

/// The path of the event stream.
pub const STREAM_PATH: &str = "/api/v1/live";

/// The server-sent event name of a ticket change.
pub const TICKET_EVENT: &str = "ticket";

/// The event sent when changes may have been missed (a slow browser, a lost database connection): the
/// page must reload what it shows rather than trust the changes it has seen.
pub const RESYNC_EVENT: &str = "resync";

/// What the database announces of a change: enough for a page to know whether it is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketChange {
    pub id: i64,
    pub version: i32,
    pub pole: Pole,
    /// The pole it left, when this change moved it to another.
    pub previous_pole: Option<Pole>,
    pub status: Status,
    /// Registered by this change (else updated).
    pub created: bool,
}

/// How long changes are gathered before a page reloads: a burst of changes costs one reload.
#[cfg(feature = "hydrate")]
const GATHER_MS: u64 = 250;

/// A counter that moves whenever tickets change (or after a gap in the stream), for pages to refetch on.
/// `concerns` picks the changes that matter to the page. Never moves during server rendering.
pub fn use_ticket_changes(concerns: impl Fn(&TicketChange) -> bool + 'static) -> ReadSignal<u64> {
    let (changes, set_changes) = signal(0u64);
    #[cfg(feature = "hydrate")]
    browser::subscribe(set_changes, concerns);
    #[cfg(not(feature = "hydrate"))]
    let _ = (set_changes, concerns);
    changes
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{GATHER_MS, RESYNC_EVENT, STREAM_PATH, TICKET_EVENT, TicketChange};
    use leptos::prelude::*;
    use send_wrapper::SendWrapper;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{EventSource, MessageEvent};

    /// Opens the stream for the lifetime of the calling component. The browser reconnects by itself (after
    /// the `retry` delay the server sets). Every opening counts as a gap, the first one included: changes
    /// committed between the server's rendering and the stream's opening were not heard.
    pub fn subscribe(set_changes: WriteSignal<u64>, concerns: impl Fn(&TicketChange) -> bool + 'static) {
        let Ok(source) = EventSource::new(STREAM_PATH) else {
            leptos::logging::warn!("live updates unavailable: EventSource refused {STREAM_PATH}");
            return;
        };
        let pending = Rc::new(Cell::new(false));
        let bump = {
            let pending = Rc::clone(&pending);
            move || {
                if pending.replace(true) {
                    return;
                }
                let pending = Rc::clone(&pending);
                set_timeout(
                    move || {
                        pending.set(false);
                        set_changes.update(|count| *count += 1);
                    },
                    Duration::from_millis(GATHER_MS),
                );
            }
        };
        let on_ticket = {
            let bump = bump.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let change = event.data().as_string().and_then(|text| serde_json::from_str::<TicketChange>(&text).ok());
                if change.is_none_or(|change| concerns(&change)) {
                    bump();
                }
            })
        };
        let on_resync = {
            let bump = bump.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| bump())
        };
        let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| bump());
        let listen = |name: &str, callback: &web_sys::js_sys::Function| {
            let _ = source.add_event_listener_with_callback(name, callback);
        };
        listen(TICKET_EVENT, on_ticket.as_ref().unchecked_ref());
        listen(RESYNC_EVENT, on_resync.as_ref().unchecked_ref());
        listen("open", on_open.as_ref().unchecked_ref());
        let held = SendWrapper::new((source, on_ticket, on_resync, on_open));
        on_cleanup(move || {
            let (source, ..) = held.take();
            source.close();
        });
    }
}

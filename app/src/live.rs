//! Live changes: every change to a ticket is announced by the database (a trigger NOTIFYs
//! `immo9_tickets` when the change commits), relayed by each server instance to its browsers as
//! Server-Sent Events on `/api/v1/live`, and turned here into a signal pages refetch on.

use crate::domain::board::BoardScope;
use crate::domain::ids::{TicketId, UserId};
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
    pub id: TicketId,
    pub version: i32,
    pub pole: Pole,
    /// The pole it left, when this change moved it to another.
    pub previous_pole: Option<Pole>,
    pub status: Status,
    /// Registered by this change (else updated).
    pub created: bool,
    /// Who holds it after the change.
    #[serde(default)]
    pub assignee: Option<UserId>,
    /// Who held it before, when this change gave it to someone else or to nobody.
    #[serde(default)]
    pub previous_assignee: Option<UserId>,
}

impl TicketChange {
    /// Whether a board of `scope` seen by `me` must fetch the changed ticket: it is, or was, the board's
    /// (`held`: the board shows it now).
    pub fn concerns_board(&self, scope: BoardScope, me: UserId, held: bool) -> bool {
        held || match scope {
            BoardScope::Pole(pole) => self.pole == pole || self.previous_pole == Some(pole),
            BoardScope::Mine => self.assignee == Some(me) || self.previous_assignee == Some(me),
        }
    }
}

/// What the stream tells a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveEvent {
    /// A ticket changed.
    Change(TicketChange),
    /// Changes may have been missed (the stream opened or reopened, the server lost its database
    /// connection, the browser fell behind): what the page shows must be reloaded.
    Resync,
}

/// Calls `handler` with every event of the stream for the lifetime of the calling component. Does nothing
/// during server rendering.
pub fn on_ticket_events(handler: impl Fn(LiveEvent) + 'static) {
    #[cfg(feature = "hydrate")]
    browser::subscribe(handler);
    #[cfg(not(feature = "hydrate"))]
    let _ = handler;
}

/// How long changes are gathered before a page reloads: a burst of changes costs one reload.
#[cfg(feature = "hydrate")]
const GATHER_MS: u64 = 250;

/// A counter that moves whenever tickets change (or after a gap in the stream), for pages to refetch on.
/// `concerns` picks the changes that matter to the page. Never moves during server rendering.
pub fn use_ticket_changes(concerns: impl Fn(&TicketChange) -> bool + 'static) -> ReadSignal<u64> {
    let (changes, set_changes) = signal(0u64);
    #[cfg(feature = "hydrate")]
    {
        let bump = browser::gathered(set_changes);
        on_ticket_events(move |event| match event {
            LiveEvent::Change(change) if !concerns(&change) => {}
            _ => bump(),
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (set_changes, concerns);
    changes
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{GATHER_MS, LiveEvent, RESYNC_EVENT, STREAM_PATH, TICKET_EVENT, TicketChange};
    use leptos::prelude::*;
    use send_wrapper::SendWrapper;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{EventSource, MessageEvent};

    /// A function that moves `set_changes` once per burst: calls within [`GATHER_MS`] of the first count
    /// once.
    pub fn gathered(set_changes: WriteSignal<u64>) -> impl Fn() + 'static {
        let pending = Rc::new(Cell::new(false));
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
    }

    /// Opens the stream for the lifetime of the calling component. The browser reconnects by itself (after
    /// the `retry` delay the server sets). Every opening counts as a gap, the first one included: changes
    /// committed between the server's rendering and the stream's opening were not heard. A change the page
    /// cannot read is a gap too.
    pub fn subscribe(handler: impl Fn(LiveEvent) + 'static) {
        let Ok(source) = EventSource::new(STREAM_PATH) else {
            leptos::logging::warn!("live updates unavailable: EventSource refused {STREAM_PATH}");
            return;
        };
        let handler = Rc::new(handler);
        let on_ticket = {
            let handler = Rc::clone(&handler);
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let change = event.data().as_string().and_then(|text| serde_json::from_str::<TicketChange>(&text).ok());
                handler(change.map_or(LiveEvent::Resync, LiveEvent::Change));
            })
        };
        let on_resync = {
            let handler = Rc::clone(&handler);
            Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| handler(LiveEvent::Resync))
        };
        let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| handler(LiveEvent::Resync));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_board_hears_the_changes_of_its_pole_or_its_owner() {
        let change = |pole, previous_pole, assignee: Option<i64>, previous_assignee: Option<i64>| TicketChange {
            id: TicketId(1),
            version: 2,
            pole,
            previous_pole,
            status: Status::InProgress,
            created: false,
            assignee: assignee.map(UserId),
            previous_assignee: previous_assignee.map(UserId),
        };
        let me = UserId(7);
        let (front, back) = (BoardScope::Pole(Pole::Front), BoardScope::Pole(Pole::Back));
        #[rustfmt::skip]
        let cases = [
            (change(Pole::Front, None, None, None), front, false, true),
            (change(Pole::Back, None, None, None), front, false, false),
            (change(Pole::Back, None, None, None), front, true, true),
            (change(Pole::Back, Some(Pole::Front), None, None), front, false, true),
            (change(Pole::Back, Some(Pole::Front), None, None), back, false, true),
            (change(Pole::Back, None, Some(7), None), BoardScope::Mine, false, true),
            (change(Pole::Back, None, Some(8), Some(7)), BoardScope::Mine, false, true),
            (change(Pole::Back, None, Some(8), None), BoardScope::Mine, false, false),
            (change(Pole::Back, None, None, None), BoardScope::Mine, true, true),
        ];
        for (change, scope, held, concerns) in cases {
            assert_eq!(change.concerns_board(scope, me, held), concerns, "{change:?} {scope:?} {held}");
        }
        // What the trigger sends reads back, and an older payload without the assignee still reads.
        let json = r#"{"id":5,"version":3,"pole":"FRONT","previous_pole":null,"status":"EN_COURS","created":false}"#;
        let read: TicketChange = serde_json::from_str(json).unwrap();
        assert_eq!((read.id, read.assignee, read.previous_assignee), (TicketId(5), None, None));
    }
}

//! The queue boards' rules: which tickets a board holds, the filters a URL carries, the order of SLA risk,
//! the status columns and their counts, each ticket's countdown in business time, and how a live change
//! patches a board without reloading it. Pure, so the browser applies the same rules as the server.

use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::{SiteId, TicketId, UserId};
use crate::domain::people::Pole;
use crate::domain::sla::{Band, Measure};
use crate::domain::ticket::{Kind, Priority, ServiceDomain, TicketRef};
use crate::domain::workflow::{Status, StatusGroup};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Whose tickets a board holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BoardScope {
    /// The open tickets routed to a pole.
    Pole(Pole),
    /// The open tickets assigned to the person looking, whatever their pole.
    Mine,
}

/// The URL value of "my tickets".
pub const MINE_CODE: &str = "MOI";

/// The poles that have a board: those that take tickets in a queue.
pub const BOARD_POLES: [Pole; 4] = [Pole::Front, Pole::Back, Pole::Expert, Pole::Atelier];

impl BoardScope {
    pub fn code(self) -> &'static str {
        match self {
            BoardScope::Pole(pole) => pole.code(),
            BoardScope::Mine => MINE_CODE,
        }
    }

    pub fn from_code(code: &str) -> Option<BoardScope> {
        if code == MINE_CODE {
            return Some(BoardScope::Mine);
        }
        Pole::from_code(code).filter(|pole| BOARD_POLES.contains(pole)).map(BoardScope::Pole)
    }

    /// Whether a ticket in this state belongs on the board of `me`.
    pub fn holds(self, ticket: &BoardTicket, me: UserId) -> bool {
        ticket.status.is_open()
            && match self {
                BoardScope::Pole(pole) => ticket.pole == pole,
                BoardScope::Mine => ticket.assignee == Some(me),
            }
    }
}

/// How a board is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Layout {
    /// One list, the most at risk first.
    #[default]
    List,
    /// One column per status group.
    Columns,
}

impl Layout {
    pub fn code(self) -> &'static str {
        match self {
            Layout::List => param::LIST,
            Layout::Columns => param::COLUMNS,
        }
    }

    pub fn from_code(code: &str) -> Option<Layout> {
        [Layout::List, Layout::Columns].into_iter().find(|layout| layout.code() == code)
    }
}

/// Who a ticket is assigned to, as a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AssigneeFilter {
    Nobody,
    Person(UserId),
}

/// The filters of a board; every one set narrows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BoardFilter {
    pub kind: Option<Kind>,
    pub priority: Option<Priority>,
    pub site: Option<SiteId>,
    pub domain: Option<ServiceDomain>,
    pub assignee: Option<AssigneeFilter>,
    pub group: Option<StatusGroup>,
    /// Only tickets whose deadline is at least half used (at risk, critical or breached).
    pub at_risk: bool,
    /// Only tickets waiting for someone outside the desk.
    pub waiting: bool,
}

/// Everything a board's URL says: whose board, how it is laid out, and its filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    pub scope: BoardScope,
    pub layout: Layout,
    pub filter: BoardFilter,
}

/// A URL parameter a board could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryProblem {
    pub param: String,
    pub value: String,
}

/// The names of the URL parameters (French, since people read and share these URLs).
pub mod param {
    pub const SCOPE: &str = "pole";
    pub const LAYOUT: &str = "vue";
    pub const KIND: &str = "type";
    pub const PRIORITY: &str = "priorite";
    pub const SITE: &str = "site";
    pub const DOMAIN: &str = "domaine";
    pub const ASSIGNEE: &str = "assigne";
    pub const GROUP: &str = "etat";
    pub const AT_RISK: &str = "risque";
    pub const WAITING: &str = "attente";
    /// The value of [`ASSIGNEE`] for tickets nobody holds.
    pub const NOBODY: &str = "personne";
    pub const COLUMNS: &str = "colonnes";
    pub const LIST: &str = "liste";
}

impl BoardView {
    pub fn new(scope: BoardScope) -> Self {
        BoardView { scope, layout: Layout::List, filter: BoardFilter::default() }
    }

    /// Reads a board's URL parameters. Unknown parameters are someone else's and left alone; a known one
    /// with a value that means nothing is a problem, named. Without a scope, `default_scope` is used.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        default_scope: BoardScope,
    ) -> Result<BoardView, Vec<QueryProblem>> {
        let mut view = BoardView::new(default_scope);
        let mut problems = Vec::new();
        for (name, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let filter = &mut view.filter;
            let understood = match name {
                param::SCOPE => BoardScope::from_code(value).map(|scope| view.scope = scope).is_some(),
                param::LAYOUT => Layout::from_code(value).map(|layout| view.layout = layout).is_some(),
                param::KIND => Kind::from_code(value).map(|kind| filter.kind = Some(kind)).is_some(),
                param::PRIORITY => Priority::from_code(value).map(|p| filter.priority = Some(p)).is_some(),
                param::SITE => value.parse().ok().map(|id| filter.site = Some(SiteId(id))).is_some(),
                param::DOMAIN => ServiceDomain::from_code(value).map(|d| filter.domain = Some(d)).is_some(),
                param::ASSIGNEE => match value {
                    param::NOBODY => Some(AssigneeFilter::Nobody),
                    id => id.parse().ok().map(|id| AssigneeFilter::Person(UserId(id))),
                }
                .map(|assignee| filter.assignee = Some(assignee))
                .is_some(),
                param::GROUP => StatusGroup::from_code(value)
                    .filter(|group| *group != StatusGroup::Closed)
                    .map(|group| filter.group = Some(group))
                    .is_some(),
                param::AT_RISK => flag(value).map(|on| filter.at_risk = on).is_some(),
                param::WAITING => flag(value).map(|on| filter.waiting = on).is_some(),
                _ => true,
            };
            if !understood {
                problems.push(QueryProblem { param: name.to_owned(), value: value.to_owned() });
            }
        }
        if problems.is_empty() { Ok(view) } else { Err(problems) }
    }

    /// Like [`BoardView::parse`], but keeps what it could read: a shared link with one stale value still
    /// opens the board, without that filter.
    pub fn parse_lenient<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)> + Clone,
        default_scope: BoardScope,
    ) -> (BoardView, Vec<QueryProblem>) {
        match BoardView::parse(pairs.clone(), default_scope) {
            Ok(view) => (view, Vec::new()),
            Err(problems) => {
                let readable = pairs.into_iter().filter(|(name, value)| {
                    !problems.iter().any(|problem| problem.param == *name && problem.value == value.trim())
                });
                (BoardView::parse(readable, default_scope).unwrap_or_else(|_| BoardView::new(default_scope)), problems)
            }
        }
    }

    /// The URL parameters of this view, in a stable order, the defaults left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let filter = &self.filter;
        let mut pairs = vec![(param::SCOPE, self.scope.code().to_owned())];
        if self.layout != Layout::default() {
            pairs.push((param::LAYOUT, self.layout.code().to_owned()));
        }
        let mut push = |name, value: Option<String>| {
            if let Some(value) = value {
                pairs.push((name, value));
            }
        };
        push(param::KIND, filter.kind.map(|kind| kind.code().to_owned()));
        push(param::PRIORITY, filter.priority.map(|p| p.code().to_owned()));
        push(param::SITE, filter.site.map(|site| site.0.to_string()));
        push(param::DOMAIN, filter.domain.map(|d| d.code().to_owned()));
        push(
            param::ASSIGNEE,
            filter.assignee.map(|assignee| match assignee {
                AssigneeFilter::Nobody => param::NOBODY.to_owned(),
                AssigneeFilter::Person(id) => id.0.to_string(),
            }),
        );
        push(param::GROUP, filter.group.map(|group| group.code().to_owned()));
        push(param::AT_RISK, filter.at_risk.then(|| "1".to_owned()));
        push(param::WAITING, filter.waiting.then(|| "1".to_owned()));
        pairs
    }

    /// The query string of this view (`pole=FRONT&priorite=P1`), values percent-encoded where needed.
    pub fn to_query(&self) -> String {
        self.to_pairs()
            .into_iter()
            .map(|(name, value)| format!("{name}={}", encode(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "oui" | "true" => Some(true),
        "0" | "non" | "false" => Some(false),
        _ => None,
    }
}

/// Percent-encodes what a query value must not carry raw (codes and ids never need it, but a stale link
/// may hold anything).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (byte as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The deadline that drives a ticket's urgency on a board: the running (or paused) clock of the current
/// cycle that falls due first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardClock {
    pub measure: Measure,
    /// The code of the business calendar the clock counts in (the requester's site's).
    pub calendar: String,
    pub target_minutes: i32,
    /// When it falls due; none while it is paused.
    pub due: Option<DateTime<Utc>>,
    /// The business time left when it was paused (negative once overdue).
    pub paused_remaining_seconds: i64,
}

/// A ticket as a board shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardTicket {
    pub id: TicketId,
    pub reference: TicketRef,
    pub kind: Kind,
    pub status: Status,
    pub title: String,
    pub priority: Priority,
    pub pole: Pole,
    pub site: SiteId,
    pub site_name: String,
    pub domain: Option<ServiceDomain>,
    pub requester_name: Option<String>,
    pub assignee: Option<UserId>,
    pub assignee_name: Option<String>,
    pub registered_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    pub clock: Option<BoardClock>,
    /// The application, service or equipment concerned (the qualification's item).
    pub asset: Option<String>,
    /// The catalog request it comes from (a workstation preparation, a loan…).
    pub request_type: Option<String>,
}

/// What a ticket's deadline looks like at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Countdown {
    pub measure: Measure,
    /// Business time left; negative once overdue.
    pub remaining: Duration,
    pub band: Band,
    pub paused: bool,
}

/// Where a clock stands at `now`, counted in its calendar's business time. Without its calendar (an
/// administrator deleted it since), nothing is claimed.
pub fn countdown(
    clock: &BoardClock,
    calendars: &HashMap<String, BusinessCalendar>,
    now: DateTime<Utc>,
) -> Option<Countdown> {
    let target = Duration::minutes(i64::from(clock.target_minutes.max(0)));
    let remaining = match clock.due {
        None => Duration::seconds(clock.paused_remaining_seconds),
        Some(due) => {
            let calendar = calendars.get(&clock.calendar)?;
            if now <= due { calendar.business_between(now, due) } else { -calendar.business_between(due, now) }
        }
    };
    Some(Countdown {
        measure: clock.measure,
        remaining,
        band: Band::of(target - remaining, target),
        paused: clock.due.is_none(),
    })
}

/// The start of the minute `now` falls in.
pub fn minute_of(now: DateTime<Utc>) -> DateTime<Utc> {
    let into_minute = now.timestamp().rem_euclid(60);
    now - Duration::seconds(into_minute) - Duration::nanoseconds(i64::from(now.timestamp_subsec_nanos()))
}

/// A countdown counted once a minute and advanced every second without counting business time again, so a
/// board of hundreds of tickets ticks cheaply. Exact: openings start and end on whole minutes (and Paris is
/// a whole number of minutes from UTC), so within a minute a calendar is open throughout or closed throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinuteCountdown {
    minute: DateTime<Utc>,
    at_minute: Countdown,
    target: Duration,
    /// The clock runs and its calendar is open during this minute.
    counting: bool,
}

impl MinuteCountdown {
    /// The countdown at the start of the minute `now` falls in.
    pub fn of(clock: &BoardClock, calendars: &HashMap<String, BusinessCalendar>, now: DateTime<Utc>) -> Option<Self> {
        let minute = minute_of(now);
        let at_minute = countdown(clock, calendars, minute)?;
        let open = || calendars.get(&clock.calendar).is_some_and(|calendar| calendar.is_open(minute));
        Some(MinuteCountdown {
            minute,
            at_minute,
            target: Duration::minutes(i64::from(clock.target_minutes.max(0))),
            counting: !at_minute.paused && open(),
        })
    }

    /// The countdown at `now`, within the same minute.
    pub fn at(&self, now: DateTime<Utc>) -> Countdown {
        if !self.counting {
            return self.at_minute;
        }
        let elapsed = (now - self.minute).clamp(Duration::zero(), Duration::minutes(1));
        let remaining = self.at_minute.remaining - elapsed;
        Countdown { remaining, band: Band::of(self.target - remaining, self.target), ..self.at_minute }
    }
}

/// The instant and the calendars a board's time-dependent rules (bands, at risk, order) are read at.
pub struct Clocks<'a> {
    pub now: DateTime<Utc>,
    pub calendars: &'a HashMap<String, BusinessCalendar>,
}

impl Clocks<'_> {
    pub fn countdown(&self, ticket: &BoardTicket) -> Option<Countdown> {
        countdown(ticket.clock.as_ref()?, self.calendars, self.now)
    }

    fn band(&self, ticket: &BoardTicket) -> Option<Band> {
        self.countdown(ticket).map(|countdown| countdown.band)
    }

    pub fn at_risk(&self, ticket: &BoardTicket) -> bool {
        self.band(ticket).is_some_and(|band| band >= Band::AtRisk)
    }
}

/// One of the filters, for counting the tickets each of its values would show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Kind,
    Priority,
    Site,
    Domain,
    Assignee,
    Group,
    AtRisk,
    Waiting,
}

impl BoardFilter {
    /// Whether `ticket` passes every filter but `except`.
    fn passes(&self, ticket: &BoardTicket, clocks: &Clocks<'_>, except: Option<Facet>) -> bool {
        let on = |facet| except != Some(facet);
        (!on(Facet::Kind) || self.kind.is_none_or(|kind| ticket.kind == kind))
            && (!on(Facet::Priority) || self.priority.is_none_or(|p| ticket.priority == p))
            && (!on(Facet::Site) || self.site.is_none_or(|site| ticket.site == site))
            && (!on(Facet::Domain) || self.domain.is_none_or(|d| ticket.domain == Some(d)))
            && (!on(Facet::Assignee)
                || self.assignee.is_none_or(|assignee| match assignee {
                    AssigneeFilter::Nobody => ticket.assignee.is_none(),
                    AssigneeFilter::Person(id) => ticket.assignee == Some(id),
                }))
            && (!on(Facet::Group) || self.group.is_none_or(|group| ticket.status.group() == group))
            && (!on(Facet::Waiting) || !self.waiting || ticket.status.group() == StatusGroup::Waiting)
            && (!on(Facet::AtRisk) || !self.at_risk || clocks.at_risk(ticket))
    }

    pub fn matches(&self, ticket: &BoardTicket, clocks: &Clocks<'_>) -> bool {
        self.passes(ticket, clocks, None)
    }
}

/// The order of SLA risk: breached first, then critical, at risk, comfortable, then tickets without a
/// running deadline; within a band, the deadline that falls first (a paused clock counts from now), then the
/// higher priority, then the older ticket.
pub fn risk_order(tickets: &mut [BoardTicket], clocks: &Clocks<'_>) {
    let key = |ticket: &BoardTicket| {
        let countdown = clocks.countdown(ticket);
        let remaining = countdown.map_or(i64::MAX, |c| c.remaining.num_seconds());
        (std::cmp::Reverse(countdown.map(|c| c.band)), remaining, ticket.priority, ticket.registered_at, ticket.id)
    };
    tickets.sort_by_cached_key(key);
}

/// The status groups a board has columns for (closed tickets leave the board).
pub const COLUMNS: [StatusGroup; 4] =
    [StatusGroup::New, StatusGroup::Active, StatusGroup::Waiting, StatusGroup::Resolved];

/// How many tickets each filter value would show, the other filters kept (so a count never promises
/// tickets the rest of the filter would hide).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BoardCounts {
    /// Tickets on the board before any filter.
    pub total: usize,
    /// Tickets the filter shows.
    pub shown: usize,
    pub groups: Vec<(StatusGroup, usize)>,
    pub kinds: Vec<(Kind, usize)>,
    pub priorities: Vec<(Priority, usize)>,
    pub sites: Vec<(SiteId, String, usize)>,
    pub domains: Vec<(ServiceDomain, usize)>,
    /// `None` counts the tickets nobody holds.
    pub assignees: Vec<(Option<UserId>, String, usize)>,
    pub at_risk: usize,
    pub waiting: usize,
}

/// Counts a board's tickets per column and per filter value.
pub fn counts(tickets: &[BoardTicket], filter: &BoardFilter, clocks: &Clocks<'_>) -> BoardCounts {
    fn tally<K: Ord + Clone>(items: impl Iterator<Item = K>) -> Vec<(K, usize)> {
        let mut counted: std::collections::BTreeMap<K, usize> = std::collections::BTreeMap::new();
        for item in items {
            *counted.entry(item).or_default() += 1;
        }
        counted.into_iter().collect()
    }
    let passing = |facet| tickets.iter().filter(move |ticket| filter.passes(ticket, clocks, Some(facet)));
    let mut site_names: HashMap<SiteId, &str> = HashMap::new();
    let mut people: HashMap<UserId, &str> = HashMap::new();
    for ticket in tickets {
        site_names.insert(ticket.site, &ticket.site_name);
        if let (Some(id), Some(name)) = (ticket.assignee, ticket.assignee_name.as_deref()) {
            people.insert(id, name);
        }
    }
    let named = |id: Option<UserId>| id.and_then(|id| people.get(&id)).copied().unwrap_or_default().to_owned();
    let groups = tally(passing(Facet::Group).map(|t| t.status.group()));
    BoardCounts {
        total: tickets.len(),
        shown: tickets.iter().filter(|ticket| filter.matches(ticket, clocks)).count(),
        groups: COLUMNS
            .iter()
            .map(|column| (*column, groups.iter().find(|(g, _)| g == column).map_or(0, |(_, n)| *n)))
            .collect(),
        kinds: tally(passing(Facet::Kind).map(|t| t.kind)),
        priorities: tally(passing(Facet::Priority).map(|t| t.priority)),
        sites: tally(passing(Facet::Site).map(|t| t.site))
            .into_iter()
            .map(|(site, n)| (site, site_names.get(&site).copied().unwrap_or_default().to_owned(), n))
            .collect(),
        domains: tally(passing(Facet::Domain).filter_map(|t| t.domain)),
        assignees: tally(passing(Facet::Assignee).map(|t| t.assignee))
            .into_iter()
            .map(|(id, n)| (id, named(id), n))
            .collect(),
        at_risk: passing(Facet::AtRisk).filter(|t| clocks.at_risk(t)).count(),
        waiting: passing(Facet::Waiting).filter(|t| t.status.group() == StatusGroup::Waiting).count(),
    }
}

/// What a board does with a ticket it heard has changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Patch {
    /// The ticket is new to the board, or newer than the board's copy.
    Upsert(Box<BoardTicket>),
    /// The ticket left the board (closed, moved to another pole, given to someone else).
    Remove(TicketId),
}

/// Applies a change to a board's tickets; an older copy never replaces a newer one (a slow answer to an
/// earlier fetch must not undo what a later one brought). Returns whether the board changed.
pub fn apply(tickets: &mut Vec<BoardTicket>, patch: Patch) -> bool {
    match patch {
        Patch::Upsert(fresh) => match tickets.iter_mut().find(|held| held.id == fresh.id) {
            Some(held) if held.version < fresh.version || (held.version == fresh.version && *held != *fresh) => {
                *held = *fresh;
                true
            }
            Some(_) => false,
            None => {
                tickets.push(*fresh);
                true
            }
        },
        Patch::Remove(id) => {
            let before = tickets.len();
            tickets.retain(|held| held.id != id);
            tickets.len() != before
        }
    }
}

/// What the Atelier does for a ticket: a repair (an incident on equipment) or a preparation (a request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkshopJob {
    Repair,
    Preparation,
    Other,
}

impl WorkshopJob {
    pub fn of(kind: Kind) -> WorkshopJob {
        match kind {
            Kind::Incident => WorkshopJob::Repair,
            Kind::Request => WorkshopJob::Preparation,
            _ => WorkshopJob::Other,
        }
    }
}

#[cfg(test)]
mod tests;

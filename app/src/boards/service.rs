//! Reads a board (every open ticket of a pole or of an agent, with the deadline that drives each one and
//! the calendars it counts in), one ticket of it for live patches, applies the board's actions through the
//! lifecycle's services, keeps agents' saved views and finds callers for the phone quick-entry.

use super::{
    AgentChoice, Board, BoardAction, BoardActionRequest, CALLER_TICKETS_SHOWN, CALLERS_SHOWN, Caller, CallerTicket,
    MAX_SAVED_VIEWS, SavedView,
};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::schema::{
    catalog_entries, environment_items, saved_views, sites, ticket_clocks, ticket_qualification, ticket_requests,
    tickets, user_roles, users,
};
use crate::domain::board::{BOARD_POLES, BoardClock, BoardScope, BoardTicket, BoardView};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::catalog::fold_for_search;
use crate::domain::ids::{SiteId, TicketId, UserId};
use crate::domain::people::{Pole, Role};
use crate::domain::sla::Measure;
use crate::domain::ticket::{Kind, Priority, ServiceDomain, TicketRef};
use crate::domain::workflow::{Action, Status};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::tickets::TransitionRequest;
use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

diesel::alias!(users as requesters: RequesterAlias, users as assignees: AssigneeAlias);

/// Open tickets, written as the partial indexes `tickets_open_by_pole_idx` and `tickets_open_by_assignee_idx`
/// are, so that the planner can use them (a bound parameter would hide the predicate from it).
const OPEN: &str = "tickets.status NOT IN ('CLOS', 'ANNULE', 'REFUSE')";

type BoardRow = (
    (TicketId, String, Kind, Status, String, Priority, Pole, SiteId, String),
    (Option<ServiceDomain>, Option<String>, Option<UserId>, Option<String>, DateTime<Utc>, DateTime<Utc>, i32),
);

#[derive(Queryable)]
struct ClockRow {
    ticket_id: TicketId,
    measure: Measure,
    calendar: String,
    target_minutes: i32,
    due: Option<DateTime<Utc>>,
    remaining_seconds: Option<i64>,
}

/// The board's query: open tickets with what a card shows; `narrow` picks the board or the ticket.
macro_rules! board_query {
    ($narrow:expr) => {
        tickets::table
            .left_join(requesters.on(tickets::requester_id.eq(requesters.field(users::id).nullable())))
            .left_join(assignees.on(tickets::assignee_id.eq(assignees.field(users::id).nullable())))
            .inner_join(sites::table)
            .filter(sql::<Bool>(OPEN))
            .filter($narrow)
            .select((
                (
                    tickets::id,
                    tickets::reference,
                    tickets::kind,
                    tickets::status,
                    tickets::title,
                    tickets::priority,
                    tickets::pole,
                    tickets::site_id,
                    sites::name,
                ),
                (
                    tickets::domain,
                    requesters.field(users::display_name).nullable(),
                    tickets::assignee_id,
                    assignees.field(users::display_name).nullable(),
                    tickets::registered_at,
                    tickets::updated_at,
                    tickets::version,
                ),
            ))
    };
}

/// What a card shows besides the ticket's own row: its driving clock, the item concerned, the catalog request.
#[derive(Default)]
struct Extras {
    clock: Option<BoardClock>,
    asset: Option<String>,
    request_type: Option<String>,
}

fn to_ticket(row: BoardRow, Extras { clock, asset, request_type }: Extras) -> AppResult<BoardTicket> {
    let (
        (id, reference, kind, status, title, priority, pole, site, site_name),
        (domain, requester_name, assignee, assignee_name, registered_at, updated_at, version),
    ) = row;
    Ok(BoardTicket {
        id,
        reference: reference.parse().map_err(|_| AppError::internal("stored reference unreadable"))?,
        kind,
        status,
        title,
        priority,
        pole,
        site,
        site_name,
        domain,
        requester_name,
        assignee,
        assignee_name,
        registered_at,
        updated_at,
        version,
        clock,
        asset,
        request_type,
    })
}

/// The clock that drives each ticket: among those not stopped, the one that falls due first (a paused one
/// only when none runs, the least time left first).
async fn driving_clocks(conn: &mut AsyncPgConnection, ids: &[TicketId]) -> QueryResult<HashMap<TicketId, BoardClock>> {
    let rows: Vec<ClockRow> = ticket_clocks::table
        .filter(ticket_clocks::ticket_id.eq_any(ids))
        .filter(ticket_clocks::stopped_at.is_null())
        .select((
            ticket_clocks::ticket_id,
            ticket_clocks::measure,
            ticket_clocks::calendar_code,
            ticket_clocks::target_minutes,
            ticket_clocks::due_at,
            ticket_clocks::remaining_seconds,
        ))
        .load(conn)
        .await?;
    let mut driving: HashMap<TicketId, BoardClock> = HashMap::with_capacity(ids.len());
    for row in rows {
        let clock = BoardClock {
            measure: row.measure,
            calendar: row.calendar,
            target_minutes: row.target_minutes,
            due: row.due,
            paused_remaining_seconds: row.remaining_seconds.unwrap_or(0),
        };
        // On a tie, the requester's own deadlines (to own, to resolve) come before the pole's internal one.
        let urgency = |clock: &BoardClock| {
            (clock.due.is_none(), clock.due, clock.paused_remaining_seconds, clock.measure == Measure::PoleHandling)
        };
        match driving.get(&row.ticket_id) {
            Some(held) if urgency(held) <= urgency(&clock) => {}
            _ => {
                driving.insert(row.ticket_id, clock);
            }
        }
    }
    Ok(driving)
}

/// Completes the rows with their clocks, items and catalog requests, read by ticket id: joining them in the
/// board's query would make the planner hash whole tables (seven in ten tickets are qualified), where these
/// are a few index probes.
async fn with_extras(conn: &mut AsyncPgConnection, rows: Vec<BoardRow>) -> AppResult<Vec<BoardTicket>> {
    let ids: Vec<TicketId> = rows.iter().map(|row| row.0.0).collect();
    let mut extras: HashMap<TicketId, Extras> = HashMap::with_capacity(ids.len());
    for (id, clock) in driving_clocks(conn, &ids).await? {
        extras.entry(id).or_default().clock = Some(clock);
    }
    let assets: Vec<(TicketId, String)> = ticket_qualification::table
        .inner_join(environment_items::table)
        .filter(ticket_qualification::ticket_id.eq_any(&ids))
        .select((ticket_qualification::ticket_id, environment_items::label))
        .load(conn)
        .await?;
    for (id, asset) in assets {
        extras.entry(id).or_default().asset = Some(asset);
    }
    let requests: Vec<(TicketId, String)> = ticket_requests::table
        .inner_join(catalog_entries::table)
        .filter(ticket_requests::ticket_id.eq_any(&ids))
        .select((ticket_requests::ticket_id, catalog_entries::title))
        .load(conn)
        .await?;
    for (id, request_type) in requests {
        extras.entry(id).or_default().request_type = Some(request_type);
    }
    rows.into_iter()
        .map(|row| {
            let id = row.0.0;
            to_ticket(row, extras.remove(&id).unwrap_or_default())
        })
        .collect()
}

/// The calendars named by `codes`.
async fn calendars(
    conn: &mut AsyncPgConnection,
    codes: impl IntoIterator<Item = String>,
) -> AppResult<HashMap<String, BusinessCalendar>> {
    let mut codes: Vec<String> = codes.into_iter().collect();
    codes.sort();
    codes.dedup();
    let stored = crate::sla::service::calendars_named(conn, &codes).await?;
    Ok(stored.into_iter().map(|stored| (stored.code, stored.calendar)).collect())
}

/// The agents a ticket of the board can be given to: the pole's, or for "my tickets" those of the person's
/// pole.
async fn agents(conn: &mut AsyncPgConnection, pole: Option<Pole>) -> QueryResult<Vec<AgentChoice>> {
    let Some(pole) = pole else { return Ok(Vec::new()) };
    let rows: Vec<(UserId, String, Option<Pole>)> = users::table
        .inner_join(user_roles::table)
        .filter(users::pole.eq(pole))
        .filter(users::active.eq(true))
        .filter(user_roles::role.eq(Role::Agent))
        .select((users::id, users::display_name, users::pole))
        .order(users::display_name)
        .load(conn)
        .await?;
    Ok(rows.into_iter().filter_map(|(id, name, pole)| Some(AgentChoice { id, name, pole: pole? })).collect())
}

/// Every open ticket of a board, unfiltered, with what its countdowns need.
pub async fn load(
    conn: &mut AsyncPgConnection,
    viewer: &CurrentUser,
    scope: BoardScope,
    now: DateTime<Utc>,
) -> AppResult<Board> {
    let rows: Vec<BoardRow> = match scope {
        BoardScope::Pole(pole) => board_query!(tickets::pole.eq(pole)).load(conn).await?,
        BoardScope::Mine => board_query!(tickets::assignee_id.eq(viewer.id)).load(conn).await?,
    };
    let tickets = with_extras(conn, rows).await?;
    let calendars =
        calendars(conn, tickets.iter().filter_map(|t| t.clock.as_ref().map(|c| c.calendar.clone()))).await?;
    let pole = match scope {
        BoardScope::Pole(pole) => Some(pole),
        BoardScope::Mine => viewer.pole,
    };
    Ok(Board { scope, tickets, calendars, agents: agents(conn, pole).await?, loaded_at: now })
}

/// One ticket as a board shows it, if it is still open; the board decides whether it still holds it.
pub async fn ticket(conn: &mut AsyncPgConnection, id: TicketId) -> AppResult<Option<BoardTicket>> {
    let row: Option<BoardRow> = board_query!(tickets::id.eq(id)).first(conn).await.optional()?;
    match row {
        None => Ok(None),
        Some(row) => Ok(with_extras(conn, vec![row]).await?.pop()),
    }
}

/// The calendars of one ticket's clock, for a board that receives a ticket counting in a calendar it had
/// not loaded.
pub async fn calendars_of(
    conn: &mut AsyncPgConnection,
    ticket: &BoardTicket,
) -> AppResult<HashMap<String, BusinessCalendar>> {
    calendars(conn, ticket.clock.iter().map(|clock| clock.calendar.clone())).await
}

/// Applies an action taken from a board through the lifecycle's own services (the same checks as the
/// ticket page), and answers the ticket as it now is (none once it is no longer open).
pub async fn act(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    request: BoardActionRequest,
    now: DateTime<Utc>,
) -> AppResult<Option<BoardTicket>> {
    let BoardActionRequest { reference, version, action } = request;
    let transition = |action: Action| TransitionRequest::new(action, version);
    match action {
        BoardAction::Take => {
            crate::tickets::service::transition(conn, Actor::Person(user), &reference, transition(Action::Take), now)
                .await?
        }
        BoardAction::Assign { assignee } => {
            let request = TransitionRequest { assignee: Some(assignee), ..transition(Action::Assign) };
            crate::tickets::service::transition(conn, Actor::Person(user), &reference, request, now).await?
        }
        BoardAction::Escalate { pole, reason } => {
            let request = TransitionRequest { pole: Some(pole), reason: Some(reason), ..transition(Action::Escalate) };
            crate::tickets::service::transition(conn, Actor::Person(user), &reference, request, now).await?
        }
        BoardAction::Reprioritise { priority, reason } => {
            crate::tickets::requests::change_priority(conn, user, &reference, version, priority, &reason, now).await?
        }
    }
    let id: TicketId =
        tickets::table.filter(tickets::reference.eq(reference.to_string())).select(tickets::id).first(conn).await?;
    ticket(conn, id).await
}

#[derive(QueryableByName)]
struct PlanLine {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

/// The plan PostgreSQL follows for a pole's board query (`EXPLAIN ANALYZE`), for the tests and the
/// benchmark. `without_seq_scan` asks the planner to avoid sequential scans, to show that an index can
/// serve the query on a table too small for the planner to bother with one.
pub async fn explain_pole_board(conn: &mut AsyncPgConnection, pole: Pole, without_seq_scan: bool) -> AppResult<String> {
    let query = board_query!(tickets::pole.eq(pole));
    let sql = diesel::debug_query::<diesel::pg::Pg, _>(&query).to_string();
    let sql = sql.split(" -- binds:").next().unwrap_or_default().to_owned();
    conn.transaction(async |conn| {
        if without_seq_scan {
            diesel::sql_query("SET LOCAL enable_seqscan = off").execute(conn).await?;
        }
        let lines: Vec<PlanLine> = diesel::sql_query(format!("EXPLAIN (ANALYZE, BUFFERS) {sql}"))
            .bind::<Text, _>(pole.code())
            .load(conn)
            .await?;
        Ok(lines.into_iter().map(|plan| plan.line).collect::<Vec<_>>().join("\n"))
    })
    .await
}

/// The views `user` saved, by name.
pub async fn saved_views(conn: &mut AsyncPgConnection, user: UserId) -> QueryResult<Vec<SavedView>> {
    let rows: Vec<(i64, String, String)> = saved_views::table
        .filter(saved_views::user_id.eq(user))
        .select((saved_views::id, saved_views::name, saved_views::query))
        .order(saved_views::name)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|(id, name, query)| SavedView { id, name, query }).collect())
}

/// Saves a board's view under a name (the same name replaces it). The query is read as a board's URL
/// would be and stored as the board writes it, so a saved view never holds what a board cannot show.
pub async fn save_view(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    name: &str,
    query: &str,
    now: DateTime<Utc>,
) -> AppResult<SavedView> {
    let t = t();
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::validation("name", t.board_view_name_missing));
    }
    if name.chars().count() > 80 {
        return Err(AppError::validation("name", t.board_view_name_too_long));
    }
    let pairs: Vec<(&str, &str)> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let default_scope = user.pole.filter(|pole| BOARD_POLES.contains(pole)).map_or(BoardScope::Mine, BoardScope::Pole);
    let view = BoardView::parse(pairs, default_scope).map_err(|problems| {
        let named = problems.iter().map(|p| format!("{}={}", p.param, p.value)).collect::<Vec<_>>().join(", ");
        AppError::validation("query", t.board_view_query_invalid.replace("{}", &named))
    })?;
    let query = view.to_query();
    let held = saved_views(conn, user.id).await?;
    if held.len() >= MAX_SAVED_VIEWS && !held.iter().any(|view| view.name == name) {
        return Err(AppError::validation("name", t.board_view_too_many.replace("{}", &MAX_SAVED_VIEWS.to_string())));
    }
    let id: i64 = diesel::insert_into(saved_views::table)
        .values((
            saved_views::user_id.eq(user.id),
            saved_views::name.eq(name),
            saved_views::query.eq(&query),
            saved_views::created_at.eq(now),
        ))
        .on_conflict((saved_views::user_id, saved_views::name))
        .do_update()
        .set((saved_views::query.eq(&query), saved_views::created_at.eq(now)))
        .returning(saved_views::id)
        .get_result(conn)
        .await?;
    Ok(SavedView { id, name: name.to_owned(), query })
}

/// Deletes one of `user`'s views; another person's is not found.
pub async fn delete_view(conn: &mut AsyncPgConnection, user: UserId, id: i64) -> AppResult<()> {
    let deleted =
        diesel::delete(saved_views::table.filter(saved_views::id.eq(id)).filter(saved_views::user_id.eq(user)))
            .execute(conn)
            .await?;
    if deleted == 0 { Err(AppError::not_found("saved_view")) } else { Ok(()) }
}

/// The digits of a phone number, so that `05 56 12 34 56`, `0556123456` and `+33 5 56…` meet.
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a person answers a search typed by the desk: every word in their name or e-mail (accents and
/// capitals aside), or the digits in their phone number.
fn caller_matches(words: &[String], number: &str, name: &str, login: &str, phone: Option<&str>) -> bool {
    let by_number = number.len() >= 4 && phone.is_some_and(|phone| digits(phone).contains(number));
    let haystack = fold_for_search(&format!("{name} {login}"));
    by_number || (!words.is_empty() && words.iter().all(|word| haystack.contains(word.as_str())))
}

/// An open ticket of a caller: requester, id, reference, title, status, registration.
type CallerTicketRow = (Option<UserId>, TicketId, String, String, Status, DateTime<Utc>);

/// The active people matching a search by name, e-mail or phone, with their open tickets, most recent
/// first.
pub async fn callers(conn: &mut AsyncPgConnection, search: &str) -> AppResult<Vec<Caller>> {
    let number = digits(search);
    let words: Vec<String> = fold_for_search(search)
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphabetic))
        .map(str::to_owned)
        .collect();
    // One letter would match nearly everyone: a search needs two, or four digits of a number.
    let letters: usize = words.iter().map(|word| word.chars().count()).sum();
    if letters < 2 && number.len() < 4 {
        return Ok(Vec::new());
    }
    let people: Vec<(UserId, String, String, Option<String>, String)> = users::table
        .inner_join(sites::table)
        .filter(users::active.eq(true))
        .select((users::id, users::display_name, users::login, users::phone, sites::name))
        .order(users::display_name)
        .load(conn)
        .await?;
    let found: Vec<_> = people
        .into_iter()
        .filter(|(_, name, login, phone, _)| caller_matches(&words, &number, name, login, phone.as_deref()))
        .take(CALLERS_SHOWN)
        .collect();
    let ids: Vec<UserId> = found.iter().map(|person| person.0).collect();
    let open: Vec<CallerTicketRow> = tickets::table
        .filter(tickets::requester_id.eq_any(&ids))
        .filter(sql::<Bool>(OPEN))
        .select((
            tickets::requester_id,
            tickets::id,
            tickets::reference,
            tickets::title,
            tickets::status,
            tickets::registered_at,
        ))
        .order(tickets::registered_at.desc())
        .load(conn)
        .await?;
    let mut by_person: HashMap<UserId, Vec<CallerTicket>> = HashMap::new();
    for (requester, id, reference, title, status, registered_at) in open {
        let Some(requester) = requester else { continue };
        let held = by_person.entry(requester).or_default();
        if held.len() < CALLER_TICKETS_SHOWN as usize {
            let reference: TicketRef =
                reference.parse().map_err(|_| AppError::internal("stored reference unreadable"))?;
            held.push(CallerTicket { id, reference, title, status, registered_at });
        }
    }
    Ok(found
        .into_iter()
        .map(|(id, name, login, phone, site_name)| Caller {
            id,
            name,
            login,
            phone,
            site_name,
            open: by_person.remove(&id).unwrap_or_default(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callers_are_found_by_name_mail_or_phone() {
        let camille = ("Camille Martin", "employe@immo9.fr", Some("05 57 51 00 12"));
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("camille", true), ("MARTIN camille", true), ("martin", true), ("employe@", true),
            ("Camille Dubois", false), ("0557510012", true), ("51 00 12", true), ("+33 5 57 51", false),
            ("5751", true), ("575", false), ("", false), ("dubois", false),
        ];
        for (search, found) in cases {
            let words: Vec<String> = fold_for_search(search)
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphabetic))
                .map(str::to_owned)
                .collect();
            assert_eq!(caller_matches(&words, &digits(search), camille.0, camille.1, camille.2), *found, "{search}");
        }
        // Accents and capitals do not matter.
        let words = vec![fold_for_search("Lefevre")];
        assert!(caller_matches(&words, "", "Thomas Lefèvre", "n2@immo9.fr", None));
    }
}

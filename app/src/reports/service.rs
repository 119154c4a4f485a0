//! The monthly report in the database: gathered from the KPIs, the major incidents (incidents others were
//! attached to) and the improvement actions; actions recorded and moved on by Qualité (audited); the report
//! sent once per month to the managers (pole supervisors and the direction), by hand or by the job.

use super::mail::report_mail;
use super::{ActionDraft, ActionStatus, ImprovementAction, MajorIncident, MonthlyReport, Owner};
use crate::auth::Actor;
use crate::auth::CurrentUser;
use crate::db::audit;
use crate::db::schema::{improvement_actions, monthly_reports, ticket_links, tickets, user_roles, users};
use crate::domain::ids::UserId;
use crate::domain::kpi::KpiFilter;
use crate::domain::people::{Role, Typology};
use crate::error::{AppError, AppResult};
use crate::i18n::reports::report_notice;
use crate::i18n::steering::s;
use crate::kpis::query::{month_of, month_period, paris_day};
use crate::notifications::{Event, notify_with_mail};
use crate::tickets::LinkKind;
use chrono::{DateTime, Months, NaiveDate, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// A major incident's id, reference, title, registration and resolution.
type MajorRow = (i64, String, String, DateTime<Utc>, Option<DateTime<Utc>>);

/// An action's id, title, description, owner's name, due date, status and creation.
type ActionRow = (i64, String, String, String, Option<NaiveDate>, String, DateTime<Utc>);

/// Who records actions and sends reports.
pub fn may_edit(user: &CurrentUser) -> bool {
    user.roles.has_any(&[Role::Quality, Role::Admin])
}

/// The month a report is about by default: the last whole month.
pub fn last_month(now: DateTime<Utc>) -> NaiveDate {
    month_of(paris_day(now)).checked_sub_months(Months::new(1)).unwrap_or_else(|| month_of(paris_day(now)))
}

/// The report of `month`, for `viewer` (none: the job).
pub async fn report(conn: &mut AsyncPgConnection, month: NaiveDate, may_edit: bool) -> AppResult<MonthlyReport> {
    let month = month_of(month);
    let period = month_period(month);
    let kpis = crate::kpis::service::report(conn, &KpiFilter::default(), period).await?;
    let parents = ticket_links::table.filter(ticket_links::kind.eq(LinkKind::Child)).select(ticket_links::to_id);
    let majors: Vec<MajorRow> = tickets::table
        .filter(tickets::id.eq_any(parents))
        .filter(tickets::registered_at.lt(period.to))
        .filter(tickets::resolved_at.is_null().or(tickets::resolved_at.ge(period.from)))
        .order(tickets::registered_at.asc())
        .select((tickets::id, tickets::reference, tickets::title, tickets::registered_at, tickets::resolved_at))
        .load(conn)
        .await?;
    let mut major_incidents = Vec::new();
    for (id, reference, title, registered_at, resolved_at) in majors {
        let attached: i64 = ticket_links::table
            .filter(ticket_links::to_id.eq(id))
            .filter(ticket_links::kind.eq(LinkKind::Child))
            .count()
            .get_result(conn)
            .await?;
        let Ok(reference) = reference.parse() else { continue };
        major_incidents.push(MajorIncident { reference, title, registered_at, resolved_at, attached });
    }
    // The actions written while reviewing the month, during the next one, belong to its report.
    let next_month = month.checked_add_months(Months::new(1)).unwrap_or(month);
    let actions = actions_of(conn, period.from, month_period(next_month).to).await?;
    let sent: Option<(DateTime<Utc>, i32)> = monthly_reports::table
        .find(month)
        .select((monthly_reports::sent_at, monthly_reports::recipients))
        .first(conn)
        .await
        .optional()?;
    let owners: Vec<(UserId, String)> = users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq_any([Role::Quality, Role::Supervisor, Role::Agent, Role::Admin]))
        .filter(users::active.eq(true))
        .select((users::id, users::display_name))
        .distinct()
        .order(users::display_name.asc())
        .load(conn)
        .await?;
    Ok(MonthlyReport {
        month,
        kpis,
        major_incidents,
        actions,
        sent,
        owners: owners.into_iter().map(|(id, name)| Owner { id: id.0, name }).collect(),
        may_edit,
    })
}

/// The actions recorded before `until` that were still open at `since` or changed since.
async fn actions_of(
    conn: &mut AsyncPgConnection,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> QueryResult<Vec<ImprovementAction>> {
    let open = [ActionStatus::Planned.code(), ActionStatus::InProgress.code()];
    let rows: Vec<ActionRow> = improvement_actions::table
        .inner_join(users::table.on(users::id.eq(improvement_actions::owner_id)))
        .filter(improvement_actions::created_at.lt(until))
        .filter(improvement_actions::status.eq_any(open).or(improvement_actions::updated_at.ge(since)))
        .order((improvement_actions::due_on.asc().nulls_last(), improvement_actions::id.asc()))
        .select((
            improvement_actions::id,
            improvement_actions::title,
            improvement_actions::description,
            users::display_name,
            improvement_actions::due_on,
            improvement_actions::status,
            improvement_actions::created_at,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, description, owner, due_on, status, created_at)| ImprovementAction {
            id,
            title,
            description,
            owner,
            due_on,
            status: ActionStatus::from_code(&status).unwrap_or(ActionStatus::Planned),
            created_at,
        })
        .collect())
}

/// Records an improvement action; answers its id.
pub async fn record_action(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    draft: ActionDraft,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    if !may_edit(user) {
        return Err(AppError::Forbidden);
    }
    let s = s();
    let title = draft.title.trim();
    if !(3..=200).contains(&title.chars().count()) {
        return Err(AppError::validation("title", s.action_title_length));
    }
    if draft.description.chars().count() > 4000 {
        return Err(AppError::validation("description", s.action_description_too_long));
    }
    let due_on = match draft.due_on.trim() {
        "" => None,
        text => Some(
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| AppError::validation("due_on", s.action_bad_date))?,
        ),
    };
    let owner_exists: bool = diesel::select(diesel::dsl::exists(
        users::table.filter(users::id.eq(UserId(draft.owner_id))).filter(users::active.eq(true)),
    ))
    .get_result(conn)
    .await?;
    if !owner_exists {
        return Err(AppError::validation("owner_id", s.action_unknown_owner));
    }
    conn.transaction(async |conn| {
        let id: i64 = diesel::insert_into(improvement_actions::table)
            .values((
                improvement_actions::title.eq(title),
                improvement_actions::description.eq(draft.description.trim()),
                improvement_actions::owner_id.eq(draft.owner_id),
                improvement_actions::due_on.eq(due_on),
                improvement_actions::created_by.eq(user.id.0),
                improvement_actions::created_at.eq(now),
                improvement_actions::updated_at.eq(now),
            ))
            .returning(improvement_actions::id)
            .get_result(conn)
            .await?;
        audit(
            conn,
            user.id,
            "action_amelioration",
            id.to_string(),
            "CREER",
            serde_json::to_value(&draft).unwrap_or_default(),
        )
        .await?;
        Ok(id)
    })
    .await
}

/// Moves an improvement action to `status`.
pub async fn set_action_status(
    conn: &mut AsyncPgConnection,
    user: &CurrentUser,
    id: i64,
    status: ActionStatus,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !may_edit(user) {
        return Err(AppError::Forbidden);
    }
    conn.transaction(async |conn| {
        let before: Option<String> = improvement_actions::table
            .find(id)
            .select(improvement_actions::status)
            .for_update()
            .first(conn)
            .await
            .optional()?;
        let before = before.ok_or_else(|| AppError::NotFound { what: s().action_not_found.into() })?;
        diesel::update(improvement_actions::table.find(id))
            .set((improvement_actions::status.eq(status.code()), improvement_actions::updated_at.eq(now)))
            .execute(conn)
            .await?;
        audit(
            conn,
            user.id,
            "action_amelioration",
            id.to_string(),
            "STATUT",
            serde_json::json!({ "avant": before, "apres": status.code() }),
        )
        .await?;
        Ok(())
    })
    .await
}

/// The managers the report goes to: pole supervisors and the direction.
async fn managers(conn: &mut AsyncPgConnection) -> QueryResult<Vec<UserId>> {
    let supervisors = user_roles::table.filter(user_roles::role.eq(Role::Supervisor)).select(user_roles::user_id);
    users::table
        .filter(users::active.eq(true))
        .filter(users::id.eq_any(supervisors).or(users::typology.eq(Typology::Direction)))
        .select(users::id)
        .order(users::id)
        .load(conn)
        .await
}

/// Sends the report of `month` to every manager, once: a second sending is refused. Answers how many were
/// told. `by` is the person who sent it (none: the monthly job).
pub async fn send(
    conn: &mut AsyncPgConnection,
    by: Option<&CurrentUser>,
    month: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let month = month_of(month);
    if let Some(user) = by
        && !may_edit(user)
    {
        return Err(AppError::Forbidden);
    }
    if month_period(month).to > now {
        return Err(AppError::conflict(s().report_month_not_over));
    }
    let report = report(conn, month, false).await?;
    conn.transaction(async |conn| {
        let claimed = diesel::insert_into(monthly_reports::table)
            .values((
                monthly_reports::month.eq(month),
                monthly_reports::sent_at.eq(now),
                monthly_reports::sent_by.eq(by.map(|user| user.id.0)),
                monthly_reports::recipients.eq(0),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        if claimed == 0 {
            return Err(AppError::conflict(s().report_already_sent));
        }
        let actor = by.map_or(Actor::System, Actor::Person);
        let event = Event { ticket: None, key: format!("rapport:{month}"), actor, at: now };
        let link = format!("{}?mois={}", super::pages::REPORT_PATH, month.format("%Y-%m"));
        let notice = report_notice(month);
        let mut told = 0;
        for manager in managers(conn).await? {
            let sent =
                notify_with_mail(conn, &event, manager, &notice, &link, |name| report_mail(name, &report)).await?;
            told += i32::from(sent);
        }
        diesel::update(monthly_reports::table.find(month))
            .set(monthly_reports::recipients.eq(told))
            .execute(conn)
            .await?;
        if let Some(user) = by {
            audit(
                conn,
                user.id,
                "rapport_mensuel",
                month.to_string(),
                "ENVOYER",
                serde_json::json!({ "destinataires": told }),
            )
            .await?;
        }
        Ok(told)
    })
    .await
}

/// The monthly job: from the 1st of a month, 08:00 Paris time, sends the previous month's report if nobody
/// has yet. Answers the month sent, if any.
pub async fn send_due(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<Option<NaiveDate>> {
    let month = last_month(now);
    if now < month_period(month).to + TimeDelta::hours(8) {
        return Ok(None);
    }
    let sent: bool = diesel::select(diesel::dsl::exists(monthly_reports::table.find(month))).get_result(conn).await?;
    if sent {
        return Ok(None);
    }
    match send(conn, None, month, now).await {
        Ok(_) => Ok(Some(month)),
        // Another instance sent it between our check and our claim.
        Err(AppError::Conflict { .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

//! The SLA engine against a real database, with the clock moved by hand: clocks stored with their pauses,
//! escalations fired exactly once across restarts and two instances (and late when nobody was running),
//! mail delivered once through a real SMTP conversation, and backlog alerts raised once per period.

mod common;

use app::auth::CurrentUser;
use app::domain::people::{Pole, Role};
use app::domain::sla::Measure;
use app::domain::ticket::{Kind, Priority};
use app::domain::workflow::Action;
use app::tickets::service::{self, Actor};
use app::tickets::{NewTicket, TransitionRequest};
use chrono::{DateTime, Utc};
use common::TestApp;
use common::smtp::SmtpSink;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use server::config::SmtpConfig;
use server::jobs::mail::Mailer;

/// A wall-clock time in Bordeaux, `"2026-11-23 09:00"` (a Monday).
use common::paris_time as at;

struct Desk {
    app: TestApp,
    n1: CurrentUser,
    employee: CurrentUser,
}

async fn desk() -> Desk {
    let app = TestApp::spawn().await;
    app.user("camille@t.fr", &[], None).await;
    app.user("n1@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    app.user("chef@t.fr", &[Role::Agent, Role::Supervisor], Some(Pole::Front)).await;
    app.user("chef.n2@t.fr", &[Role::Supervisor], Some(Pole::Back)).await;
    app.user("qualite@t.fr", &[Role::Quality], None).await;
    Desk { n1: app.current_user("n1@t.fr").await, employee: app.current_user("camille@t.fr").await, app }
}

/// An incident for the employee, registered at `now` by the desk.
async fn incident(desk: &Desk, priority: Priority, now: DateTime<Utc>) -> app::domain::ticket::TicketRef {
    let mut conn = desk.app.pool.get().await.unwrap();
    let input = NewTicket {
        kind: Some(Kind::Incident),
        title: "Imprimante du 2e étage hors ligne".into(),
        description: "Plus personne ne peut imprimer depuis ce matin.".into(),
        priority: Some(priority),
        requester: Some(desk.employee.id),
        pole: Some(Pole::Front),
        ..NewTicket::default()
    };
    service::register(&mut conn, Actor::Person(&desk.n1), input, now).await.expect("registration")
}

async fn act(
    desk: &Desk,
    who: &CurrentUser,
    reference: &app::domain::ticket::TicketRef,
    request: TransitionRequest,
    now: DateTime<Utc>,
) {
    let mut conn = desk.app.pool.get().await.unwrap();
    service::transition(&mut conn, Actor::Person(who), reference, request, now).await.expect("transition");
}

async fn version(desk: &Desk, reference: &app::domain::ticket::TicketRef) -> i32 {
    use app::db::schema::tickets;
    let mut conn = desk.app.pool.get().await.unwrap();
    tickets::table
        .filter(tickets::reference.eq(reference.to_string()))
        .select(tickets::version)
        .first(&mut conn)
        .await
        .unwrap()
}

#[derive(Queryable, Debug, PartialEq)]
struct StoredClock {
    measure: String,
    cycle: i16,
    target_minutes: i32,
    due_at: Option<DateTime<Utc>>,
    remaining_seconds: Option<i64>,
    stopped_at: Option<DateTime<Utc>>,
    breached: Option<bool>,
    next_escalation_at: Option<DateTime<Utc>>,
    pauses: serde_json::Value,
}

async fn clocks(desk: &Desk) -> Vec<StoredClock> {
    use app::db::schema::ticket_clocks as c;
    let mut conn = desk.app.pool.get().await.unwrap();
    c::table
        .select((
            c::measure,
            c::cycle,
            c::target_minutes,
            c::due_at,
            c::remaining_seconds,
            c::stopped_at,
            c::breached,
            c::next_escalation_at,
            c::pauses,
        ))
        .order((c::measure, c::cycle))
        .load(&mut conn)
        .await
        .unwrap()
}

fn clock(clocks: &[StoredClock], measure: Measure) -> &StoredClock {
    clocks.iter().find(|clock| clock.measure == measure.code()).unwrap_or_else(|| panic!("no {measure} clock"))
}

#[tokio::test]
async fn clocks_start_pause_resume_and_stop_with_the_ticket_and_are_stored() {
    let desk = desk().await;
    // An incident P2 (own 30 min, resolve 480 min) registered on Monday at 9:00 at the head office.
    let reference = incident(&desk, Priority::P2, at("2026-11-23 09:00")).await;
    let stored = clocks(&desk).await;
    assert_eq!(stored.len(), 3, "time to own, resolution, and the Front Office's internal target");
    let own = clock(&stored, Measure::TimeToOwn);
    assert_eq!((own.target_minutes, own.due_at), (30, Some(at("2026-11-23 09:30"))));
    assert_eq!(own.next_escalation_at, Some(at("2026-11-23 09:15")));
    let resolve = clock(&stored, Measure::TimeToResolve);
    assert_eq!(resolve.due_at, Some(at("2026-11-23 18:00")), "480 business minutes, lunch excluded");
    assert_eq!(clock(&stored, Measure::PoleHandling).due_at, Some(at("2026-11-23 10:00")));

    // Taken at 9:10: the time to own stops, met.
    act(&desk, &desk.n1, &reference, TransitionRequest::new(Action::Take, 1), at("2026-11-23 09:10")).await;
    let own_after = clocks(&desk).await.into_iter().find(|c| c.measure == "PRISE_EN_CHARGE").unwrap();
    assert_eq!(
        (own_after.stopped_at, own_after.breached, own_after.next_escalation_at),
        (Some(at("2026-11-23 09:10")), Some(false), None)
    );

    // A question at 10:00 pauses the resolution clock: no deadline while it waits, 420 minutes left.
    let mut ask = TransitionRequest::new(Action::AskRequester, version(&desk, &reference).await);
    ask.question = Some("Quel est le numéro inscrit sur l'imprimante ?".into());
    act(&desk, &desk.n1, &reference, ask, at("2026-11-23 10:00")).await;
    let paused = clocks(&desk).await.into_iter().find(|c| c.measure == "RESOLUTION").unwrap();
    assert_eq!((paused.due_at, paused.remaining_seconds, paused.next_escalation_at), (None, Some(420 * 60), None));

    // Answered on Tuesday at 10:00: the pause covered 510 business minutes, so the deadline moves by a day.
    let mut answer = TransitionRequest::new(Action::Answer, version(&desk, &reference).await);
    answer.answer = Some("IMP-2E-04".into());
    act(&desk, &desk.employee, &reference, answer, at("2026-11-24 10:00")).await;
    let resumed = clocks(&desk).await.into_iter().find(|c| c.measure == "RESOLUTION").unwrap();
    assert_eq!(resumed.due_at, Some(at("2026-11-24 18:00")));
    assert_eq!(resumed.next_escalation_at, Some(at("2026-11-24 14:00")), "50 % after 240 counted minutes");
    assert_eq!(
        resumed.pauses,
        serde_json::json!([{ "from": at("2026-11-23 10:00"), "until": at("2026-11-24 10:00") }])
    );

    // Resolved on Tuesday at 17:00: stopped, within target.
    let mut resolve = TransitionRequest::new(Action::Resolve, version(&desk, &reference).await);
    resolve.solution = Some("Bourrage retiré, pilote réinstallé.".into());
    act(&desk, &desk.n1, &reference, resolve, at("2026-11-24 17:00")).await;
    let done = clocks(&desk).await;
    assert!(done.iter().all(|clock| clock.stopped_at.is_some() && clock.next_escalation_at.is_none()));
    assert_eq!(clock(&done, Measure::TimeToResolve).breached, Some(false));
    assert_eq!(clock(&done, Measure::PoleHandling).breached, Some(true), "the Front Office's hour was long gone");

    // Rejected: a new resolution cycle starts with the full target; the first one keeps its result.
    let mut reject = TransitionRequest::new(Action::Reject, version(&desk, &reference).await);
    reject.reason = Some("L'imprimante est de nouveau bloquée.".into());
    act(&desk, &desk.employee, &reference, reject, at("2026-11-25 09:00")).await;
    let reopened = clocks(&desk).await;
    let cycles: Vec<(i16, Option<DateTime<Utc>>)> =
        reopened.iter().filter(|c| c.measure == "RESOLUTION").map(|c| (c.cycle, c.due_at)).collect();
    assert_eq!(cycles, [(1, Some(at("2026-11-24 18:00"))), (2, Some(at("2026-11-25 18:00")))]);

    // The page shows them: deadline, state in words, the pause.
    let page = desk.app.signed_in("n1@t.fr").await.get(&format!("/tickets/{reference}")).await.text().await.unwrap();
    assert!(page.contains("Niveaux de service"), "{page}");
    assert!(page.contains("25/11/2026 18:00"));
    assert!(page.contains("23/11/2026 10:00 → 24/11/2026 10:00"));
    assert!(page.contains("Respecté") && page.contains("Manqué"));
}

async fn run_escalations(desk: &Desk, now: DateTime<Utc>) -> app::sla::clocks::EscalationReport {
    // A fresh connection each time: a restarted instance remembers nothing but the database.
    let mut conn = desk.app.pool.get().await.unwrap();
    app::sla::clocks::run_escalations(&mut conn, now).await.expect("escalations run")
}

#[tokio::test]
async fn each_threshold_fires_once_across_restarts_and_two_instances_and_late_ones_say_so() {
    let desk = desk().await;
    let reference = incident(&desk, Priority::P2, at("2026-11-23 09:00")).await;
    act(&desk, &desk.n1, &reference, TransitionRequest::new(Action::Take, 1), at("2026-11-23 09:05")).await;
    // Resolution thresholds: 50 % at 14:00, 75 % at 16:00, 100 % at 18:00 (notify assignee, supervisor,
    // raise the priority).
    assert_eq!(run_escalations(&desk, at("2026-11-23 13:59")).await.fired, 0);
    assert_eq!(
        run_escalations(&desk, at("2026-11-23 14:00")).await,
        app::sla::clocks::EscalationReport { fired: 1, late: 0, examined: 1, failed: 0 }
    );

    // The scheduler stops; when it comes back at 16:30, 75 % fell due half an hour ago. Two instances start
    // together, then each restarts twice: the step fires once, late.
    let second = app::db::connect(&desk.app.db.url, 4, std::time::Duration::from_secs(5)).await.unwrap();
    let mut reports = Vec::new();
    for _ in 0..3 {
        let (a, b) = tokio::join!(run_escalations(&desk, at("2026-11-23 16:30")), async {
            let mut conn = second.get().await.unwrap();
            app::sla::clocks::run_escalations(&mut conn, at("2026-11-23 16:30")).await.unwrap()
        });
        reports.push((a.fired + b.fired, a.late + b.late));
    }
    assert_eq!(reports, [(1, 1), (0, 0), (0, 0)]);

    // Down again over the deadline; back at 18:05 on two instances.
    let (a, b) = tokio::join!(run_escalations(&desk, at("2026-11-23 18:05")), async {
        let mut conn = second.get().await.unwrap();
        app::sla::clocks::run_escalations(&mut conn, at("2026-11-23 18:05")).await.unwrap()
    });
    assert_eq!((a.fired + b.fired, a.late + b.late), (1, 1));
    assert_eq!(run_escalations(&desk, at("2026-11-24 09:00")).await.fired, 0);

    use app::db::schema::{mail_outbox, notifications, sla_escalations, tickets};
    let mut conn = desk.app.pool.get().await.unwrap();
    let fired: Vec<(i16, String, bool)> = sla_escalations::table
        .select((sla_escalations::percent, sla_escalations::action, sla_escalations::late))
        .order(sla_escalations::percent)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(
        fired,
        [
            (50, "NOTIFIER_ASSIGNE".to_owned(), false),
            (75, "NOTIFIER_SUPERVISEUR".to_owned(), true),
            (100, "RELEVER_PRIORITE".to_owned(), true),
        ]
    );
    let priority: String = tickets::table.select(tickets::priority).first(&mut conn).await.unwrap();
    assert_eq!(priority, "P1", "raised once, not once per instance");
    // Who was told: the assignee at 50 %, the Front Office's supervisor at 75 %, both at 100 %.
    let told: Vec<(String, String)> = notifications::table
        .inner_join(app::db::schema::users::table)
        .select((app::db::schema::users::login, notifications::message))
        .order(notifications::id)
        .load(&mut conn)
        .await
        .unwrap();
    let escalation_notices: Vec<&str> =
        told.iter().filter(|(_, message)| message.contains("% du délai")).map(|(login, _)| login.as_str()).collect();
    assert_eq!(escalation_notices, ["n1@t.fr", "chef@t.fr", "n1@t.fr", "chef@t.fr"]);
    let late_notice = &told.iter().find(|(login, m)| login == "chef@t.fr" && m.contains("75 %")).unwrap().1;
    assert!(late_notice.contains("en retard de 30 min"), "{late_notice}");
    let mails: i64 = mail_outbox::table.count().get_result(&mut conn).await.unwrap();
    assert_eq!(mails, told.len() as i64, "one mail per notification");

    // The ticket page lists them, the late ones marked.
    let page = desk.app.signed_in("chef@t.fr").await.get(&format!("/tickets/{reference}")).await.text().await.unwrap();
    assert_eq!(page.matches("data-escalation=").count(), 3);
    assert_eq!(page.matches("envoyée en retard").count(), 2);
    // Requesters see their deadlines, not the desk's escalations.
    let own_page =
        desk.app.signed_in("camille@t.fr").await.get(&format!("/tickets/{reference}")).await.text().await.unwrap();
    assert!(own_page.contains("Niveaux de service") && !own_page.contains("data-escalation="));
}

#[tokio::test]
async fn notifications_are_mailed_once_through_smtp_and_refusals_are_retried() {
    let desk = desk().await;
    let sink = SmtpSink::start(&["refus@t.fr"]).await;
    desk.app.user("refus@t.fr", &[Role::Agent], Some(Pole::Front)).await;
    let mailer = |public_url: &str| {
        let relay = SmtpConfig { host: "127.0.0.1".into(), port: sink.port, credentials: None };
        Mailer::new(&relay, "Service desk Immo9 <servicedesk@immo9.fr>".parse().unwrap(), public_url)
    };
    // The desk assigns a ticket to n1 (told) and another to the agent whose mailbox refuses mail; n1
    // assigning one to themself tells nobody.
    let first = incident(&desk, Priority::P3, at("2026-11-23 09:00")).await;
    let second = incident(&desk, Priority::P3, at("2026-11-23 09:01")).await;
    let third = incident(&desk, Priority::P3, at("2026-11-23 09:02")).await;
    let chef = desk.app.current_user("chef@t.fr").await;
    let refus = desk.app.current_user("refus@t.fr").await;
    let assign = |to, version| {
        let mut request = TransitionRequest::new(Action::Assign, version);
        request.assignee = Some(to);
        request
    };
    act(&desk, &chef, &first, assign(desk.n1.id, 1), at("2026-11-23 09:10")).await;
    act(&desk, &chef, &second, assign(refus.id, 1), at("2026-11-23 09:11")).await;
    act(&desk, &desk.n1, &third, assign(desk.n1.id, 1), at("2026-11-23 09:12")).await;

    // Two instances deliver at once, then again: each message reaches the relay once.
    let a = mailer("https://support.immo9.fr");
    let b = mailer("https://support.immo9.fr");
    let second_pool = app::db::connect(&desk.app.db.url, 2, std::time::Duration::from_secs(5)).await.unwrap();
    let now = at("2026-11-23 09:15");
    let (ra, rb) =
        tokio::join!(async { a.deliver_pending(&mut desk.app.pool.get().await.unwrap(), now).await.unwrap() }, async {
            b.deliver_pending(&mut second_pool.get().await.unwrap(), now).await.unwrap()
        },);
    assert_eq!((ra.sent + rb.sent, ra.retried + rb.retried), (1, 1));
    let again = a.deliver_pending(&mut desk.app.pool.get().await.unwrap(), now).await.unwrap();
    assert_eq!(again, Default::default(), "the refused one waits for its retry delay");
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!((mail.from.as_str(), mail.to.as_slice()), ("servicedesk@immo9.fr", &["n1@t.fr".to_owned()][..]));
    let text = mail.text();
    assert!(text.contains("Bonjour Personne n1@t.fr,"), "{text}");
    assert!(text.contains(&format!("{first} vous a été confié.")), "{text}");
    assert!(text.contains(&format!("https://support.immo9.fr/tickets/{first}")), "{text}");
    assert!(mail.data.contains("Content-Type: text/plain; charset=utf-8"), "{}", mail.data);

    // The refusal is kept and retried later; after the last attempt the message is abandoned.
    use app::db::schema::mail_outbox;
    let mut conn = desk.app.pool.get().await.unwrap();
    let (attempts, error): (i16, Option<String>) = mail_outbox::table
        .filter(mail_outbox::recipient.eq("refus@t.fr"))
        .select((mail_outbox::attempts, mail_outbox::last_error))
        .first(&mut conn)
        .await
        .unwrap();
    assert_eq!(attempts, 1);
    assert!(error.unwrap_or_default().contains("550"));
    let mut later = now;
    let mut abandoned = 0;
    for _ in 1..server::jobs::mail::MAX_ATTEMPTS {
        later += chrono::Duration::hours(2);
        abandoned += a.deliver_pending(&mut conn, later).await.unwrap().abandoned;
    }
    assert_eq!(abandoned, 1);
    assert_eq!(sink.received().len(), 1);
}

#[tokio::test]
async fn backlog_alerts_reach_supervisors_and_quality_once_per_period() {
    let desk = desk().await;
    // Five Front Office tickets nobody works on, the last update three days ago; it is Monday 19:00, the
    // agents have gone home: more work than time, and stale tickets.
    for minute in 0..5 {
        incident(&desk, Priority::P3, at("2026-11-20 09:00") + chrono::Duration::minutes(minute)).await;
    }
    let now = at("2026-11-23 19:00");
    let second = app::db::connect(&desk.app.db.url, 2, std::time::Duration::from_secs(5)).await.unwrap();
    let (a, b) = tokio::join!(
        async { app::backlog::service::watch(&mut desk.app.pool.get().await.unwrap(), now).await.unwrap() },
        async { app::backlog::service::watch(&mut second.get().await.unwrap(), now).await.unwrap() },
    );
    assert_eq!(a.alerts + b.alerts, 2, "overload and stale (five at risk is within the Front Office's threshold)");
    let again =
        app::backlog::service::watch(&mut desk.app.pool.get().await.unwrap(), now + chrono::Duration::minutes(5))
            .await
            .unwrap();
    assert_eq!(again.alerts, 0, "the same hour and day: nothing new");
    use app::db::schema::{backlog_alerts, notifications, users};
    let mut conn = desk.app.pool.get().await.unwrap();
    let reasons: Vec<(String, String)> = backlog_alerts::table
        .select((backlog_alerts::pole, backlog_alerts::reason))
        .order(backlog_alerts::reason)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(reasons, [("FRONT".to_owned(), "INACTIFS".to_owned()), ("FRONT".to_owned(), "SURCHARGE".to_owned())]);
    let told: Vec<String> = notifications::table
        .inner_join(users::table)
        .filter(notifications::ticket_id.is_null())
        .select(users::login)
        .order(users::login)
        .load(&mut conn)
        .await
        .unwrap();
    // The Front Office's supervisor and Qualité, each once per alert; not the Back Office's supervisor.
    assert_eq!(told, ["chef@t.fr", "chef@t.fr", "qualite@t.fr", "qualite@t.fr"]);

    // The steering page shows it to supervisors and Qualité, and to nobody else, at the same hour.
    desk.app.clock.set(now);
    let page = desk.app.signed_in("qualite@t.fr").await.get("/pilotage").await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Charge des pôles") && page.contains("data-alert=\"SURCHARGE\""), "{page}");
    assert_eq!(desk.app.signed_in("n1@t.fr").await.get("/pilotage").await.status(), 403);
}

#[tokio::test]
async fn a_p1_past_its_deadline_goes_back_to_the_pole_for_reassignment() {
    let desk = desk().await;
    // P1: resolve within 240 business minutes, and at 100 % the ticket is handed back.
    let reference = incident(&desk, Priority::P1, at("2026-11-23 09:00")).await;
    act(&desk, &desk.n1, &reference, TransitionRequest::new(Action::Take, 1), at("2026-11-23 09:05")).await;
    let report = run_escalations(&desk, at("2026-11-23 14:00")).await;
    // 50 % fell due at 11:00 and 75 % at 12:00 with no run since: late; 100 % falls due at 14:00 exactly.
    assert_eq!((report.fired, report.late), (3, 2));

    use app::db::schema::tickets;
    let mut conn = desk.app.pool.get().await.unwrap();
    let (status, assignee, version): (String, Option<i64>, i32) = tickets::table
        .select((tickets::status, tickets::assignee_id, tickets::version))
        .first(&mut conn)
        .await
        .unwrap();
    assert_eq!((status.as_str(), assignee), ("NOUVEAU", None));
    // Back in the queue, the ticket can be taken again by whoever the supervisor chooses.
    let chef = desk.app.current_user("chef@t.fr").await;
    let mut assign = TransitionRequest::new(Action::Assign, version);
    assign.assignee = Some(desk.n1.id);
    act(&desk, &chef, &reference, assign, at("2026-11-23 14:05")).await;
    assert_eq!(run_escalations(&desk, at("2026-11-23 18:00")).await.fired, 0, "each step once per cycle");
}

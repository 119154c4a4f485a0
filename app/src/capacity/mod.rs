//! The live SLA matrix of each pole: the capacity model of [`crate::domain::capacity`] fed with what the
//! database measures (arrivals by hour of the week, handle times from logged effort, targets, the agents'
//! schedules). [`service`] measures, [`api`] serves the page, [`pages`] draws the heatmap and recomputes its
//! cells in the browser as the what-if controls move.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::capacity::{CapacityError, ClassLoad, PoleInputs, PriorityQueue, classes_agents_needed};
use crate::domain::ids::UserId;
use crate::domain::people::{Pole, Role};
use crate::domain::ticket::{Kind, Priority};
use crate::i18n::t;
use serde::{Deserialize, Serialize};

/// The poles that take tickets in turn from a queue (Qualité steers, it does not work a queue).
pub const MODELLED_POLES: [Pole; 4] = [Pole::Front, Pole::Back, Pole::Expert, Pole::Atelier];

/// How many weeks of history the arrival rates and handle times are measured over.
pub const WEEKS: u32 = 6;

/// Fewer resolved tickets with logged effort than this, and the pole's default estimate is used instead
/// (a mean of three tickets says more about those tickets than about the pole).
pub const MIN_HANDLE_SAMPLES: u64 = 10;

/// Who may change an agent's week: supervisors and administrators (Qualité reads the map; it does not plan
/// the poles). The page offers the editor to them and the server checks the same list.
pub const SCHEDULE_EDITORS: [Role; 2] = [Role::Supervisor, Role::Admin];

/// The share of tickets within target the week view checks each hour's staffing against.
pub const STAFFING_GOAL: f64 = 0.8;

/// A pole's capacity inputs, as the page and `GET /api/v1/sla/matrix` receive them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoleCapacity {
    pub pole: Pole,
    pub inputs: PoleInputs,
    /// The ticket type each priority's target comes from (the pole's most frequent one at that priority).
    pub target_kinds: Vec<(Priority, Kind)>,
    /// The pole's active agents and the week each works.
    pub agents: Vec<AgentWeek>,
    /// Of them, on duty at this moment.
    pub on_duty_now: u32,
}

/// An agent's working week as the schedules section shows and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentWeek {
    pub id: UserId,
    pub name: String,
    /// Monday first, as people write hours: `"08:30-12:30,13:30-18:00"`, empty when off.
    pub week: Vec<String>,
    /// The agent's own week; otherwise their site's calendar, shown for reference.
    pub own: bool,
}

/// `POST /api/v1/capacity/what-if`: one queue, or several priority classes sharing the agents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhatIfRequest {
    pub mean_handle_minutes: f64,
    pub agents: u32,
    /// Required without `classes`.
    #[serde(default)]
    pub arrivals_per_hour: Option<f64>,
    /// Required without `classes`.
    #[serde(default)]
    pub target_minutes: Option<f64>,
    /// From the highest priority; each with its own arrivals and target.
    #[serde(default)]
    pub classes: Vec<WhatIfClass>,
    /// The share within target that `agents_needed` is computed for (0.8 by default).
    #[serde(default)]
    pub goal: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhatIfClass {
    #[serde(default)]
    pub priority: Option<Priority>,
    pub arrivals_per_hour: f64,
    pub target_minutes: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatIfAnswer {
    pub p_wait: f64,
    /// All tickets together (weighted by arrivals when there are classes).
    pub service_level: f64,
    pub asa_minutes: f64,
    pub occupancy: f64,
    pub traffic_erlangs: f64,
    /// The fewest agents reaching `goal` with the same arrivals and targets.
    pub agents_needed: Option<u32>,
    pub goal: f64,
    pub classes: Vec<WhatIfClassAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatIfClassAnswer {
    pub priority: Option<Priority>,
    pub p_wait: f64,
    pub service_level: f64,
    pub asa_minutes: f64,
}

impl From<CapacityError> for crate::error::AppError {
    fn from(error: CapacityError) -> Self {
        crate::error::AppError::validation(error.field().to_owned(), crate::i18n::capacity_error_message(&error))
    }
}

/// Answers a what-if request with the capacity model (no database involved).
pub fn what_if(request: &WhatIfRequest) -> Result<WhatIfAnswer, crate::error::AppError> {
    use crate::error::AppError;
    let goal = request.goal.unwrap_or(STAFFING_GOAL);
    if !(goal.is_finite() && goal > 0.0 && goal < 1.0) {
        return Err(AppError::validation("goal", t().capacity_goal_range));
    }
    let loads: Vec<ClassLoad> = if request.classes.is_empty() {
        let (Some(arrivals_per_hour), Some(target_minutes)) = (request.arrivals_per_hour, request.target_minutes)
        else {
            let field = if request.arrivals_per_hour.is_none() { "arrivals_per_hour" } else { "target_minutes" };
            return Err(AppError::validation(field, t().capacity_missing_load));
        };
        vec![ClassLoad { arrivals_per_hour, target_minutes }]
    } else {
        request
            .classes
            .iter()
            .map(|class| ClassLoad { arrivals_per_hour: class.arrivals_per_hour, target_minutes: class.target_minutes })
            .collect()
    };
    let queue = PriorityQueue::new(&loads, request.mean_handle_minutes, request.agents)?;
    let agents_needed = classes_agents_needed(&loads, request.mean_handle_minutes, goal, 0);
    Ok(WhatIfAnswer {
        p_wait: queue.total.p_wait,
        service_level: queue.overall_service_level(&loads),
        asa_minutes: queue.total.asa_minutes(),
        occupancy: queue.total.occupancy(),
        traffic_erlangs: queue.total.traffic,
        agents_needed,
        goal,
        classes: queue
            .classes
            .iter()
            .enumerate()
            .map(|(index, outcome)| WhatIfClassAnswer {
                priority: request.classes.get(index).and_then(|class| class.priority),
                p_wait: outcome.p_wait,
                service_level: outcome.service_level,
                asa_minutes: outcome.asa_minutes,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: serde_json::Value) -> WhatIfRequest {
        serde_json::from_value(json).expect("a valid request")
    }

    #[test]
    fn a_single_queue_answers_with_erlang_c() {
        let answer = what_if(&request(serde_json::json!({
            "arrivals_per_hour": 200, "mean_handle_minutes": 3, "agents": 14, "target_minutes": 20.0 / 60.0
        })))
        .unwrap();
        assert!((answer.p_wait - 0.1741319).abs() < 1e-6, "{answer:?}");
        assert!((answer.service_level - 0.88835).abs() < 1e-4);
        assert!((answer.asa_minutes * 60.0 - 7.8359).abs() < 1e-3);
        assert!((answer.occupancy - 10.0 / 14.0).abs() < 1e-12);
        assert_eq!((answer.agents_needed, answer.goal), (Some(14), 0.8));
        assert_eq!(answer.classes.len(), 1);
    }

    #[test]
    fn classes_answer_per_priority() {
        let answer = what_if(&request(serde_json::json!({
            "mean_handle_minutes": 15, "agents": 4, "goal": 0.9,
            "classes": [
                {"priority": "P1", "arrivals_per_hour": 1, "target_minutes": 15},
                {"priority": "P3", "arrivals_per_hour": 8, "target_minutes": 120}
            ]
        })))
        .unwrap();
        assert_eq!(
            answer.classes.iter().map(|class| class.priority).collect::<Vec<_>>(),
            [Some(Priority::P1), Some(Priority::P3)]
        );
        assert!(answer.classes[0].asa_minutes < answer.classes[1].asa_minutes);
        assert_eq!(answer.goal, 0.9);
        assert!(answer.agents_needed.is_some_and(|agents| agents >= 3));
    }

    #[test]
    fn bad_requests_name_their_field() {
        let cases = [
            (serde_json::json!({"mean_handle_minutes": 3, "agents": 4, "target_minutes": 1}), "arrivals_per_hour"),
            (serde_json::json!({"mean_handle_minutes": 3, "agents": 4, "arrivals_per_hour": 1}), "target_minutes"),
            (
                serde_json::json!({"arrivals_per_hour": 200, "mean_handle_minutes": 3, "agents": 10, "target_minutes": 1}),
                "agents",
            ),
            (
                serde_json::json!({"arrivals_per_hour": -2, "mean_handle_minutes": 3, "agents": 10, "target_minutes": 1}),
                "arrivals_per_hour",
            ),
            (
                serde_json::json!({"arrivals_per_hour": 2, "mean_handle_minutes": 0, "agents": 10, "target_minutes": 1}),
                "mean_handle_minutes",
            ),
            (
                serde_json::json!({"arrivals_per_hour": 2, "mean_handle_minutes": 3, "agents": 10, "target_minutes": 1, "goal": 1.5}),
                "goal",
            ),
        ];
        for (json, field) in cases {
            match what_if(&request(json.clone())) {
                Err(crate::error::AppError::Validation { field: got, message }) => {
                    assert_eq!(got, field, "{json}");
                    assert!(!message.is_empty());
                }
                other => panic!("{json}: {other:?}"),
            }
        }
    }
}

//! The capacity model of a service-desk pole: Erlang C for one queue served by interchangeable agents
//! (probability of waiting, share taken within a target, average speed of answer, occupancy), its extension
//! to priority classes sharing the same agents without preemption, and the SLA matrix built from them
//! (priority × agents on duty → expected share of tickets owned within their target). Pure and WASM-safe:
//! the heatmap page recomputes the matrix in the browser as the what-if controls move.

pub mod simulation;

use super::ticket::Priority;
use serde::{Deserialize, Serialize};

/// The most agents a pole can be modelled with (the recursion is linear in agents; this keeps a bad
/// what-if request from asking for a billion iterations).
pub const MAX_AGENTS: u32 = 5_000;

/// Why the model refuses its inputs: the variant is for machines, `i18n::capacity_error_message` for people
/// (the `Display` text is for logs).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum CapacityError {
    #[error("{field} negative: {value}")]
    Negative { field: String, value: f64 },
    #[error("{field} not positive: {value}")]
    NotPositive { field: String, value: f64 },
    #[error("unstable queue: load {load:.2} for {agents} agents")]
    Unstable { load: f64, agents: u32 },
    #[error("{agents} agents, more than {max}")]
    TooManyAgents { agents: u32, max: u32 },
}

impl CapacityError {
    /// The field of the request the error is about, for forms and the API.
    pub fn field(&self) -> &str {
        match self {
            CapacityError::Negative { field, .. } | CapacityError::NotPositive { field, .. } => field,
            CapacityError::Unstable { .. } | CapacityError::TooManyAgents { .. } => "agents",
        }
    }
}

fn non_negative(field: &str, value: f64) -> Result<f64, CapacityError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(CapacityError::Negative { field: field.to_owned(), value })
    }
}

fn positive(field: &str, value: f64) -> Result<f64, CapacityError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(CapacityError::NotPositive { field: field.to_owned(), value })
    }
}

/// The probability that every one of `agents` servers is busy in an M/M/c/c system offered `traffic`
/// erlangs (Erlang B), by the recursion B(k) = A·B(k−1) / (k + A·B(k−1)): every term stays in [0, 1], so it
/// neither overflows nor loses precision for thousands of agents, unlike the factorial formula.
pub fn erlang_b(traffic: f64, agents: u32) -> f64 {
    (1..=agents).fold(1.0, |blocking, k| {
        let carried = traffic * blocking;
        carried / (f64::from(k) + carried)
    })
}

/// One queue of tickets served by `agents` interchangeable agents: Poisson arrivals, exponential handle
/// times, first come first served (M/M/c).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ErlangC {
    /// Offered load in erlangs: arrivals per minute × mean handle minutes (agents busy on average).
    pub traffic: f64,
    pub agents: u32,
    pub mean_handle_minutes: f64,
    /// The probability that a ticket waits (every agent busy when it arrives).
    pub p_wait: f64,
}

impl ErlangC {
    /// Refuses negative or non-finite inputs, and a load at or above the number of agents (the queue would
    /// grow without limit). No arrivals is a valid, idle queue.
    pub fn new(arrivals_per_hour: f64, mean_handle_minutes: f64, agents: u32) -> Result<Self, CapacityError> {
        let arrivals = non_negative("arrivals_per_hour", arrivals_per_hour)?;
        let handle = positive("mean_handle_minutes", mean_handle_minutes)?;
        if agents > MAX_AGENTS {
            return Err(CapacityError::TooManyAgents { agents, max: MAX_AGENTS });
        }
        let traffic = arrivals * handle / 60.0;
        if traffic == 0.0 {
            return Ok(ErlangC { traffic, agents, mean_handle_minutes: handle, p_wait: 0.0 });
        }
        let servers = f64::from(agents);
        if traffic >= servers {
            return Err(CapacityError::Unstable { load: traffic, agents });
        }
        let blocking = erlang_b(traffic, agents);
        let p_wait = servers * blocking / (servers - traffic * (1.0 - blocking));
        Ok(ErlangC { traffic, agents, mean_handle_minutes: handle, p_wait })
    }

    /// The share of tickets taken within `target_minutes` of arriving: 1 − C·e^(−(c−A)·t/h).
    pub fn service_level(&self, target_minutes: f64) -> f64 {
        if self.traffic == 0.0 {
            return 1.0;
        }
        let decay = (f64::from(self.agents) - self.traffic) * target_minutes.max(0.0) / self.mean_handle_minutes;
        1.0 - self.p_wait * (-decay).exp()
    }

    /// Average speed of answer (mean wait over all tickets, those not waiting included): C·h / (c − A).
    pub fn asa_minutes(&self) -> f64 {
        if self.traffic == 0.0 {
            return 0.0;
        }
        self.p_wait * self.mean_handle_minutes / (f64::from(self.agents) - self.traffic)
    }

    /// The share of agents' time spent handling tickets: A / c.
    pub fn occupancy(&self) -> f64 {
        if self.agents == 0 { 0.0 } else { self.traffic / f64::from(self.agents) }
    }
}

/// The fewest agents whose queue takes at least `goal` (0–1) of tickets within `target_minutes`;
/// `None` when even [`MAX_AGENTS`] would not (or the inputs are invalid).
pub fn agents_needed(arrivals_per_hour: f64, mean_handle_minutes: f64, target_minutes: f64, goal: f64) -> Option<u32> {
    classes_agents_needed(&[ClassLoad { arrivals_per_hour, target_minutes }], mean_handle_minutes, goal, 0)
}

/// The fewest agents, `from` or more, with which priority classes sharing them own at least `goal` (0–1) of
/// all their tickets within their targets; `None` when even [`MAX_AGENTS`] would not (or the inputs are
/// invalid). One class is exactly Erlang C.
pub fn classes_agents_needed(classes: &[ClassLoad], mean_handle_minutes: f64, goal: f64, from: u32) -> Option<u32> {
    let arrivals: f64 = classes.iter().map(|class| class.arrivals_per_hour).sum();
    let traffic = non_negative("arrivals_per_hour", arrivals).ok()? * mean_handle_minutes / 60.0;
    // Below the load the queue is unstable; start at the first stable staffing.
    let first_stable = if traffic == 0.0 { 0 } else { (traffic.floor() as u32).saturating_add(1) };
    (first_stable.max(from)..=MAX_AGENTS).find(|agents| {
        PriorityQueue::new(classes, mean_handle_minutes, *agents)
            .is_ok_and(|queue| queue.overall_service_level(classes) >= goal)
    })
}

/// One priority class of tickets sharing a pole's agents: its arrivals and its own target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClassLoad {
    pub arrivals_per_hour: f64,
    pub target_minutes: f64,
}

/// What one priority class can expect.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClassOutcome {
    /// Every class waits when every agent is busy, whatever its priority (arrivals see the same servers).
    pub p_wait: f64,
    /// Mean wait over all the class's tickets (Cobham's formula, exact for M/M/c with equal handle times).
    pub asa_minutes: f64,
    /// Share owned within the class's target. Exact for one class; for several, the wait of a ticket that
    /// waits is taken as exponential with the class's exact mean (the simulation measures the gap).
    pub service_level: f64,
}

/// Several priority classes served by the same agents, the highest class first whenever an agent frees up,
/// never interrupting a ticket in hand (non-preemptive priorities, as P1 tickets overtake P4 ones in our
/// queues). `classes` are ordered from the highest priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityQueue {
    pub total: ErlangC,
    pub classes: Vec<ClassOutcome>,
}

impl PriorityQueue {
    pub fn new(classes: &[ClassLoad], mean_handle_minutes: f64, agents: u32) -> Result<Self, CapacityError> {
        for class in classes {
            non_negative("arrivals_per_hour", class.arrivals_per_hour)?;
            non_negative("target_minutes", class.target_minutes)?;
        }
        let total_arrivals: f64 = classes.iter().map(|class| class.arrivals_per_hour).sum();
        let total = ErlangC::new(total_arrivals, mean_handle_minutes, agents)?;
        if total.traffic == 0.0 {
            let idle = ClassOutcome { p_wait: 0.0, asa_minutes: 0.0, service_level: 1.0 };
            return Ok(PriorityQueue { total, classes: vec![idle; classes.len()] });
        }
        let servers = f64::from(agents);
        // The mean time until some agent frees up, times the chance of having to wait for one.
        let base_wait = total.p_wait * mean_handle_minutes / servers;
        let mut higher_load = 0.0;
        let outcomes = classes
            .iter()
            .map(|class| {
                let own_load = class.arrivals_per_hour * mean_handle_minutes / 60.0 / servers;
                let load_through_this = higher_load + own_load;
                let asa = base_wait / ((1.0 - higher_load) * (1.0 - load_through_this));
                higher_load = load_through_this;
                let service_level = if asa == 0.0 {
                    1.0
                } else {
                    let mean_wait_when_waiting = asa / total.p_wait;
                    1.0 - total.p_wait * (-class.target_minutes / mean_wait_when_waiting).exp()
                };
                ClassOutcome { p_wait: total.p_wait, asa_minutes: asa, service_level }
            })
            .collect();
        Ok(PriorityQueue { total, classes: outcomes })
    }

    /// The share of all tickets owned within their class's target (classes weighted by their arrivals).
    pub fn overall_service_level(&self, classes: &[ClassLoad]) -> f64 {
        let total: f64 = classes.iter().map(|class| class.arrivals_per_hour).sum();
        if total == 0.0 {
            return 1.0;
        }
        classes
            .iter()
            .zip(&self.classes)
            .map(|(load, outcome)| load.arrivals_per_hour * outcome.service_level)
            .sum::<f64>()
            / total
    }
}

/// An hour of the week in Europe/Paris time: 0 is Monday 00:00–01:00, 167 Sunday 23:00–24:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct HourOfWeek(pub u8);

impl HourOfWeek {
    pub const COUNT: usize = 168;

    /// `weekday` from 0 (Monday) to 6, `hour` from 0 to 23; `None` outside.
    pub fn new(weekday: u8, hour: u8) -> Option<Self> {
        (weekday < 7 && hour < 24).then(|| HourOfWeek(weekday * 24 + hour))
    }

    pub fn weekday(self) -> u8 {
        self.0 / 24
    }

    pub fn hour(self) -> u8 {
        self.0 % 24
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn all() -> impl Iterator<Item = HourOfWeek> {
        (0..168u8).map(HourOfWeek)
    }
}

/// One row's target: the time to own of the pole's most frequent ticket type at that priority.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RowTarget {
    pub priority: Priority,
    pub target_minutes: f64,
}

/// What a pole's matrix is computed from, as measured in the database (see `capacity::service`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoleInputs {
    /// Mean arrivals per hour, for each hour of the week and each priority (P1..P4): the arrivals in that
    /// hour over the window, divided by the number of times the hour occurred in it.
    pub arrivals: Vec<[f64; 4]>,
    /// Days of history the means were measured over (at most the window's six weeks).
    pub window_days: u32,
    /// Tickets registered in the window (what the means were computed from).
    pub observed_tickets: u64,
    pub mean_handle_minutes: f64,
    /// How many tickets the handle time was measured on (0: the pole's default estimate was used).
    pub handle_samples: u64,
    pub targets: Vec<RowTarget>,
    /// Agents of the pole scheduled in each hour of the current week.
    pub scheduled: Vec<u32>,
    /// The hour of the week it is now.
    pub now: HourOfWeek,
}

impl PoleInputs {
    pub fn arrivals_at(&self, slot: HourOfWeek) -> [f64; 4] {
        self.arrivals.get(slot.index()).copied().unwrap_or([0.0; 4])
    }

    pub fn scheduled_at(&self, slot: HourOfWeek) -> u32 {
        self.scheduled.get(slot.index()).copied().unwrap_or(0)
    }

    /// The slot the page opens on: now when tickets arrive at this hour, else the busiest hour of the week
    /// (the peak is what staffing must hold).
    pub fn default_slot(&self) -> HourOfWeek {
        let total = |slot: HourOfWeek| self.arrivals_at(slot).iter().sum::<f64>();
        if total(self.now) > 0.0 {
            return self.now;
        }
        HourOfWeek::all().max_by(|a, b| total(*a).total_cmp(&total(*b)).then(b.cmp(a))).unwrap_or(self.now)
    }
}

/// The what-if controls of the heatmap: all neutral by default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    pub slot: Option<HourOfWeek>,
    /// Agents added to (or removed from) the scheduled staffing, for the marker of "today".
    pub extra_agents: i32,
    /// Arrivals grown by this many percent (−100 and up).
    pub arrivals_growth_percent: i32,
    /// Targets replacing the measured ones, per priority.
    pub targets: Vec<RowTarget>,
}

/// One cell: the expected share of a priority's tickets owned within its target with `agents` on duty;
/// `None` when that staffing cannot keep up with the arrivals (unstable queue).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub agents: u32,
    pub service_level: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatrixRow {
    pub priority: Priority,
    pub arrivals_per_hour: f64,
    pub target_minutes: f64,
    pub cells: Vec<Cell>,
}

/// The SLA matrix of a pole for one hour of the week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    pub slot: HourOfWeek,
    pub arrivals_per_hour: f64,
    pub mean_handle_minutes: f64,
    /// Agents busy on average (erlangs): below this, no staffing keeps up.
    pub traffic: f64,
    /// The staffing planned for the slot, after the what-if change (the map's marker).
    pub staffing: u32,
    pub columns: Vec<u32>,
    pub rows: Vec<MatrixRow>,
    /// All priorities together, per column.
    pub overall: Vec<Cell>,
}

/// How many staffing columns the map shows at least, and at most beyond the planned staffing.
const MIN_COLUMNS: u32 = 8;
const MAX_COLUMNS: u32 = 40;

/// The staffing levels a matrix shows: from one agent to a few beyond both the planned staffing and the
/// load, so the cliff and the plateau are both on the map.
fn columns_for(traffic: f64, staffing: u32) -> Vec<u32> {
    let wanted = (traffic.ceil() as u32).saturating_add(4).min(MAX_COLUMNS);
    // The planned staffing is always on the map, however large.
    let last = wanted.max(staffing.saturating_add(3)).max(MIN_COLUMNS);
    (1..=last).collect()
}

/// Builds the matrix of `inputs` under `what_if`. Never fails: an unstable staffing is an empty cell.
pub fn matrix(inputs: &PoleInputs, what_if: &WhatIf) -> Matrix {
    let slot = what_if.slot.unwrap_or_else(|| inputs.default_slot());
    let growth = (1.0 + f64::from(what_if.arrivals_growth_percent) / 100.0).max(0.0);
    let arrivals = inputs.arrivals_at(slot).map(|rate| rate * growth);
    let target_of = |priority: Priority| {
        what_if
            .targets
            .iter()
            .chain(&inputs.targets)
            .find(|target| target.priority == priority)
            .map_or(60.0, |target| target.target_minutes)
    };
    let loads: Vec<ClassLoad> = Priority::ALL
        .iter()
        .zip(arrivals)
        .map(|(priority, arrivals_per_hour)| ClassLoad { arrivals_per_hour, target_minutes: target_of(*priority) })
        .collect();
    let total_arrivals: f64 = arrivals.iter().sum();
    let handle = inputs.mean_handle_minutes;
    let traffic = total_arrivals * handle / 60.0;
    let staffing = u32::try_from(i64::from(inputs.scheduled_at(slot)) + i64::from(what_if.extra_agents)).unwrap_or(0);
    let columns = columns_for(traffic, staffing);
    let queues: Vec<Option<PriorityQueue>> =
        columns.iter().map(|agents| PriorityQueue::new(&loads, handle, *agents).ok()).collect();
    let rows = Priority::ALL
        .iter()
        .enumerate()
        .map(|(class, priority)| MatrixRow {
            priority: *priority,
            arrivals_per_hour: loads[class].arrivals_per_hour,
            target_minutes: loads[class].target_minutes,
            cells: columns
                .iter()
                .zip(&queues)
                .map(|(agents, queue)| Cell {
                    agents: *agents,
                    service_level: queue.as_ref().map(|queue| queue.classes[class].service_level),
                })
                .collect(),
        })
        .collect();
    let overall = columns
        .iter()
        .zip(&queues)
        .map(|(agents, queue)| Cell {
            agents: *agents,
            service_level: queue.as_ref().map(|queue| queue.overall_service_level(&loads)),
        })
        .collect();
    Matrix {
        slot,
        arrivals_per_hour: total_arrivals,
        mean_handle_minutes: handle,
        traffic,
        staffing,
        columns,
        rows,
        overall,
    }
}

/// One hour of the week in the arrivals view: what comes in, who is planned, who would be needed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SlotStaffing {
    pub slot: HourOfWeek,
    pub arrivals_per_hour: f64,
    pub scheduled: u32,
    /// The fewest agents for `goal` of all tickets owned within their targets.
    pub needed: u32,
}

impl SlotStaffing {
    pub fn understaffed(&self) -> bool {
        self.scheduled < self.needed
    }
}

/// For every hour of the week, the arrivals, the agents planned and the agents needed to own `goal` (0–1)
/// of the tickets within their targets, so under-staffed hours stand out.
pub fn week_staffing(inputs: &PoleInputs, what_if: &WhatIf, goal: f64) -> Vec<SlotStaffing> {
    HourOfWeek::all()
        .map(|slot| {
            let at_slot = WhatIf { slot: Some(slot), ..what_if.clone() };
            let matrix = matrix(inputs, &at_slot);
            let needed = if matrix.arrivals_per_hour == 0.0 { 0 } else { needed_for(&matrix, goal) };
            SlotStaffing {
                slot,
                arrivals_per_hour: matrix.arrivals_per_hour,
                scheduled: inputs.scheduled_at(slot),
                needed,
            }
        })
        .collect()
}

/// The first column meeting `goal` overall, searching past the map's last column when needed.
fn needed_for(matrix: &Matrix, goal: f64) -> u32 {
    if let Some(cell) = matrix.overall.iter().find(|cell| cell.service_level.is_some_and(|level| level >= goal)) {
        return cell.agents;
    }
    let loads: Vec<ClassLoad> = matrix
        .rows
        .iter()
        .map(|row| ClassLoad { arrivals_per_hour: row.arrivals_per_hour, target_minutes: row.target_minutes })
        .collect();
    let past_the_map = matrix.columns.last().copied().unwrap_or(0) + 1;
    classes_agents_needed(&loads, matrix.mean_handle_minutes, goal, past_the_map).unwrap_or(MAX_AGENTS)
}

#[cfg(test)]
mod tests;

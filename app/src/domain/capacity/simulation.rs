//! A discrete-event simulation of a pole's queue, seeded and deterministic, to cross-check the analytic
//! model where it is exact (one class, exponential handle times) and to measure its gap where it is an
//! approximation (several priority classes, handle times that are not exponential).

use super::ClassLoad;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// The shape of handle times around their mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum HandleTime {
    /// The model's own assumption (coefficient of variation 1).
    Exponential,
    /// Every ticket takes exactly the mean (no variation).
    Constant,
    /// Sum of `k` exponential phases (coefficient of variation 1/√k).
    Erlang(u32),
    /// Log-normal with the given coefficient of variation: a few very long tickets, as logged effort shows.
    LogNormal { variation: f64 },
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same run on every platform.
#[derive(Debug, Clone)]
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Self {
        Random(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1]: never zero, so its logarithm is finite.
    pub fn unit(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
    }

    pub fn exponential(&mut self, mean: f64) -> f64 {
        -self.unit().ln() * mean
    }

    fn standard_normal(&mut self) -> f64 {
        (-2.0 * self.unit().ln()).sqrt() * (std::f64::consts::TAU * self.unit()).cos()
    }

    pub fn handle_time(&mut self, shape: HandleTime, mean: f64) -> f64 {
        match shape {
            HandleTime::Exponential => self.exponential(mean),
            HandleTime::Constant => mean,
            HandleTime::Erlang(phases) => {
                let phases = phases.max(1);
                (0..phases).map(|_| self.exponential(mean / f64::from(phases))).sum()
            }
            HandleTime::LogNormal { variation } => {
                let sigma2 = (1.0 + variation * variation).ln();
                let mu = mean.ln() - sigma2 / 2.0;
                (mu + sigma2.sqrt() * self.standard_normal()).exp()
            }
        }
    }
}

/// What to simulate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Setup {
    /// From the highest priority.
    pub classes: Vec<ClassLoad>,
    pub mean_handle_minutes: f64,
    pub handle: HandleTime,
    pub agents: u32,
    /// Tickets counted in the results (after the warm-up).
    pub tickets: u32,
    /// Tickets simulated first and not counted, so the queue starts from its usual state, not empty.
    pub warm_up: u32,
    pub seed: u64,
}

/// What one class experienced in the simulation, each figure with the half-width of its 95 % confidence
/// interval (batch means: a busy queue's successive waits are correlated, so tickets are not independent
/// samples, but long enough batches of them nearly are).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SimulatedClass {
    pub tickets: u64,
    pub p_wait: Estimate,
    pub service_level: Estimate,
    pub asa_minutes: Estimate,
}

/// A simulated figure and the half-width of its 95 % confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub value: f64,
    pub margin: f64,
}

impl Estimate {
    /// Whether `expected` lies within `widen` times the margin (plus `floor`, for figures the simulation
    /// pins down almost exactly).
    pub fn agrees_with(&self, expected: f64, widen: f64, floor: f64) -> bool {
        (self.value - expected).abs() <= widen * self.margin + floor
    }
}

/// How many batches the counted tickets are cut into for the confidence intervals.
pub const BATCHES: usize = 20;
/// Student's t at 97.5 % for 1 to 19 degrees of freedom (one fewer than the batches holding the class).
const STUDENT_T: [f64; BATCHES - 1] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
    2.110, 2.101, 2.093,
];

/// The overall figure with the margin its batches give; an unbounded margin from fewer than two batches.
fn estimate(total: f64, batches: &[f64]) -> Estimate {
    if batches.len() < 2 {
        return Estimate { value: total, margin: f64::INFINITY };
    }
    let count = batches.len() as f64;
    let mean = batches.iter().sum::<f64>() / count;
    let variance = batches.iter().map(|value| (value - mean).powi(2)).sum::<f64>() / (count - 1.0);
    let t = STUDENT_T[(batches.len() - 2).min(BATCHES - 2)];
    Estimate { value: total, margin: t * (variance / count).sqrt() }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub classes: Vec<SimulatedClass>,
    pub occupancy: f64,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    tickets: u64,
    waited: u64,
    within_target: u64,
    total_wait: f64,
}

/// Minutes as an ordered key for the heap of agents' finishing times (bit order of non-negative floats
/// is their numeric order).
fn key(minutes: f64) -> Reverse<u64> {
    Reverse(minutes.to_bits())
}

/// Runs the queue: arrivals are Poisson per class, a free agent takes the oldest ticket of the highest
/// class waiting, and nobody drops a ticket in hand for a more urgent one.
pub fn simulate(setup: &Setup) -> Outcome {
    let mut random = Random::new(setup.seed);
    let total_rate: f64 = setup.classes.iter().map(|class| class.arrivals_per_hour / 60.0).sum();
    // One tally per class and batch.
    let mut tallies = vec![[Tally::default(); BATCHES]; setup.classes.len()];
    if total_rate == 0.0 || setup.agents == 0 || setup.classes.is_empty() {
        return Outcome { classes: Vec::new(), occupancy: 0.0 };
    }
    let mut queues: Vec<VecDeque<(f64, u32)>> = vec![VecDeque::new(); setup.classes.len()];
    let mut finishing: BinaryHeap<Reverse<u64>> = BinaryHeap::new();
    let mut next_arrival = random.exponential(1.0 / total_rate);
    let mut busy_minutes = 0.0;
    let mut counted_from = None;
    let mut counted_until = 0.0;
    let mut arrived: u32 = 0;
    let last = setup.warm_up.saturating_add(setup.tickets);
    let is_counted = |index: u32| (setup.warm_up..last).contains(&index);
    // Counted tickets still waiting: arrivals go on until they are all taken, so the last ones wait behind
    // later, more urgent arrivals as they would in a desk that does not stop.
    let mut waiting_counted: u32 = 0;

    let counted = u64::from(setup.tickets.max(1));
    let record = |tallies: &mut Vec<[Tally; BATCHES]>, class: usize, wait: f64, index: u32| {
        if !is_counted(index) {
            return;
        }
        let batch = (u64::from(index - setup.warm_up) * BATCHES as u64 / counted) as usize;
        let tally = &mut tallies[class][batch.min(BATCHES - 1)];
        tally.tickets += 1;
        tally.total_wait += wait;
        if wait > 0.0 {
            tally.waited += 1;
        }
        if wait <= setup.classes[class].target_minutes {
            tally.within_target += 1;
        }
    };

    while arrived < last || waiting_counted > 0 {
        let next_finish = finishing.peek().map(|Reverse(bits)| f64::from_bits(*bits));
        match next_finish {
            Some(finish) if finish <= next_arrival => {
                finishing.pop();
                let now = finish;
                if let Some(class) = queues.iter().position(|queue| !queue.is_empty()) {
                    let (arrival, index) = queues[class].pop_front().unwrap_or((now, 0));
                    record(&mut tallies, class, now - arrival, index);
                    let handle = random.handle_time(setup.handle, setup.mean_handle_minutes);
                    if is_counted(index) {
                        busy_minutes += handle;
                        waiting_counted -= 1;
                    }
                    finishing.push(key(now + handle));
                }
            }
            _ => {
                let now = next_arrival;
                let index = arrived;
                arrived += 1;
                if index == setup.warm_up {
                    counted_from = Some(now);
                }
                if is_counted(index) {
                    counted_until = now;
                }
                let class = pick_class(&setup.classes, total_rate, random.unit());
                if finishing.len() < setup.agents as usize {
                    record(&mut tallies, class, 0.0, index);
                    let handle = random.handle_time(setup.handle, setup.mean_handle_minutes);
                    if is_counted(index) {
                        busy_minutes += handle;
                    }
                    finishing.push(key(now + handle));
                } else {
                    if is_counted(index) {
                        waiting_counted += 1;
                    }
                    queues[class].push_back((now, index));
                }
                next_arrival = now + random.exponential(1.0 / total_rate);
            }
        }
    }
    let span = counted_until - counted_from.unwrap_or(0.0);
    let occupancy = if span > 0.0 { busy_minutes / (span * f64::from(setup.agents)) } else { 0.0 };
    let classes = tallies.iter().map(summarise).collect();
    Outcome { classes, occupancy: occupancy.min(1.0) }
}

fn summarise(batches: &[Tally; BATCHES]) -> SimulatedClass {
    let ratio = |part: f64, whole: u64| if whole == 0 { 0.0 } else { part / whole as f64 };
    let total = batches.iter().fold(Tally::default(), |sum, batch| Tally {
        tickets: sum.tickets + batch.tickets,
        waited: sum.waited + batch.waited,
        within_target: sum.within_target + batch.within_target,
        total_wait: sum.total_wait + batch.total_wait,
    });
    let figure = |of: fn(&Tally) -> f64| {
        // A batch without a ticket of this class says nothing about it (rare classes leave some empty).
        let per_batch: Vec<f64> =
            batches.iter().filter(|batch| batch.tickets > 0).map(|batch| ratio(of(batch), batch.tickets)).collect();
        estimate(ratio(of(&total), total.tickets), &per_batch)
    };
    SimulatedClass {
        tickets: total.tickets,
        p_wait: figure(|tally| tally.waited as f64),
        service_level: figure(|tally| tally.within_target as f64),
        asa_minutes: figure(|tally| tally.total_wait),
    }
}

fn pick_class(classes: &[ClassLoad], total_rate: f64, draw: f64) -> usize {
    let mut threshold = draw * total_rate;
    for (index, class) in classes.iter().enumerate() {
        threshold -= class.arrivals_per_hour / 60.0;
        if threshold <= 0.0 {
            return index;
        }
    }
    classes.len() - 1
}

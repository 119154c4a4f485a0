//! The capacity model against its simulation, and the cost of a full SLA matrix.
//!
//! `cargo bench -p app --bench capacity` prints, for a grid of loads, the analytic figures beside the
//! simulated ones (each with its 95 % confidence margin), then the time to recompute one pole's matrix and
//! its week view, which the browser does on every move of a what-if control.

use app::domain::capacity::simulation::{HandleTime, Setup, simulate};
use app::domain::capacity::{
    ClassLoad, ErlangC, HourOfWeek, PoleInputs, PriorityQueue, RowTarget, WhatIf, matrix, week_staffing,
};
use app::domain::ticket::Priority;
use std::time::Instant;

const TICKETS: u32 = 1_000_000;

fn setup(classes: Vec<ClassLoad>, handle: HandleTime, agents: u32) -> Setup {
    Setup { classes, mean_handle_minutes: 10.0, handle, agents, tickets: TICKETS, warm_up: 20_000, seed: 7 }
}

fn single_class_grid() {
    println!("## One class, exponential handle times (Erlang C is exact here)\n");
    println!(
        "| agents | occupancy | P(wait) model | P(wait) simulated | SL@5min model | SL@5min simulated | gap | ASA model (min) | ASA simulated |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for agents in [1u32, 4, 15, 50] {
        for occupancy in [0.5, 0.75, 0.9, 0.95] {
            let arrivals = occupancy * f64::from(agents) * 6.0;
            let model = ErlangC::new(arrivals, 10.0, agents).unwrap();
            let run = simulate(&setup(
                vec![ClassLoad { arrivals_per_hour: arrivals, target_minutes: 5.0 }],
                HandleTime::Exponential,
                agents,
            ));
            let class = run.classes[0];
            println!(
                "| {agents} | {occupancy:.2} | {:.4} | {:.4} ± {:.4} | {:.4} | {:.4} ± {:.4} | {:+.4} | {:.3} | {:.3} ± {:.3} |",
                model.p_wait,
                class.p_wait.value,
                class.p_wait.margin,
                model.service_level(5.0),
                class.service_level.value,
                class.service_level.margin,
                class.service_level.value - model.service_level(5.0),
                model.asa_minutes(),
                class.asa_minutes.value,
                class.asa_minutes.margin,
            );
        }
    }
}

fn priority_grid() {
    println!(
        "\n## Four priority classes sharing the agents (non-preemptive), targets 15/30/120/240 min, handle 10 min\n"
    );
    println!("| agents | occupancy | class | SL model | SL simulated | gap | ASA model | ASA simulated |");
    println!("|---:|---:|---|---:|---:|---:|---:|---:|");
    let targets = [15.0, 30.0, 120.0, 240.0];
    let shares = [0.05, 0.15, 0.6, 0.2];
    for agents in [2u32, 5, 12] {
        for occupancy in [0.7, 0.85, 0.95] {
            let total = occupancy * f64::from(agents) * 6.0;
            let classes: Vec<ClassLoad> = shares
                .iter()
                .zip(targets)
                .map(|(share, target)| ClassLoad { arrivals_per_hour: total * share, target_minutes: target })
                .collect();
            let model = PriorityQueue::new(&classes, 10.0, agents).unwrap();
            let run = simulate(&setup(classes.clone(), HandleTime::Exponential, agents));
            for (index, (expected, simulated)) in model.classes.iter().zip(&run.classes).enumerate() {
                println!(
                    "| {agents} | {occupancy:.2} | P{} | {:.4} | {:.4} ± {:.4} | {:+.4} | {:.2} | {:.2} ± {:.2} |",
                    index + 1,
                    expected.service_level,
                    simulated.service_level.value,
                    simulated.service_level.margin,
                    simulated.service_level.value - expected.service_level,
                    expected.asa_minutes,
                    simulated.asa_minutes.value,
                    simulated.asa_minutes.margin,
                );
            }
        }
    }
}

fn handle_time_shapes() {
    println!("\n## Handle times that are not exponential (5 agents, occupancy 0.85, target 5 min)\n");
    println!("| handle times | SL model | SL simulated | gap | ASA model | ASA simulated |");
    println!("|---|---:|---:|---:|---:|---:|");
    let arrivals = 0.85 * 5.0 * 6.0;
    let model = ErlangC::new(arrivals, 10.0, 5).unwrap();
    let shapes = [
        ("constant (cv 0)", HandleTime::Constant),
        ("Erlang-3 (cv 0.58)", HandleTime::Erlang(3)),
        ("exponential (cv 1)", HandleTime::Exponential),
        ("log-normal (cv 0.8, as logged effort)", HandleTime::LogNormal { variation: 0.8 }),
        ("log-normal (cv 2)", HandleTime::LogNormal { variation: 2.0 }),
    ];
    for (name, shape) in shapes {
        let run = simulate(&setup(vec![ClassLoad { arrivals_per_hour: arrivals, target_minutes: 5.0 }], shape, 5));
        let class = run.classes[0];
        println!(
            "| {name} | {:.4} | {:.4} ± {:.4} | {:+.4} | {:.3} | {:.3} ± {:.3} |",
            model.service_level(5.0),
            class.service_level.value,
            class.service_level.margin,
            class.service_level.value - model.service_level(5.0),
            model.asa_minutes(),
            class.asa_minutes.value,
            class.asa_minutes.margin,
        );
    }
}

/// A pole as busy as the demo's Front Office, every weekday hour from 8 to 18.
fn front_office() -> PoleInputs {
    let mut arrivals = vec![[0.0; 4]; HourOfWeek::COUNT];
    let mut scheduled = vec![0; HourOfWeek::COUNT];
    for weekday in 0..5 {
        for hour in 8..18 {
            let slot = HourOfWeek::new(weekday, hour).unwrap().index();
            arrivals[slot] = [0.15, 0.6, 2.1, 0.7];
            scheduled[slot] = 2;
        }
    }
    arrivals[HourOfWeek::new(0, 9).unwrap().index()] = [0.4, 1.5, 5.4, 1.8];
    PoleInputs {
        arrivals,
        window_days: 42,
        observed_tickets: 1_200,
        mean_handle_minutes: 14.0,
        handle_samples: 1_100,
        targets: [(Priority::P1, 15.0), (Priority::P2, 30.0), (Priority::P3, 120.0), (Priority::P4, 240.0)]
            .map(|(priority, target_minutes)| RowTarget { priority, target_minutes })
            .to_vec(),
        scheduled,
        now: HourOfWeek::new(0, 9).unwrap(),
    }
}

fn median_micros(mut run: impl FnMut(), rounds: usize) -> f64 {
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[rounds / 2]
}

fn recompute_times() {
    println!("\n## Recompute time (native, release; the browser runs the same code as WASM)\n");
    let inputs = front_office();
    let what_if = WhatIf::default();
    let one = median_micros(|| drop(std::hint::black_box(matrix(&inputs, &what_if))), 2_000);
    let week = median_micros(|| drop(std::hint::black_box(week_staffing(&inputs, &what_if, 0.8))), 200);
    println!("| what | median |\n|---|---:|");
    println!(
        "| one pole's matrix (4 priorities × {} staffing levels + all priorities) | {one:.1} µs |",
        matrix(&inputs, &what_if).columns.len()
    );
    println!("| the week view (168 hours, agents needed for 80 %) | {week:.1} µs |");
    let started = Instant::now();
    let _ =
        simulate(&setup(vec![ClassLoad { arrivals_per_hour: 27.0, target_minutes: 5.0 }], HandleTime::Exponential, 5));
    println!("| one simulation of {TICKETS} tickets | {:.0} ms |", started.elapsed().as_secs_f64() * 1e3);
}

fn main() {
    single_class_grid();
    priority_grid();
    handle_time_shapes();
    recompute_times();
}

//! Charts drawn as SVG by our own components: grouped bars, lines and a heatmap. Each is readable without
//! colour (values written on the marks, series told apart by hatching, dashes and marker shapes) and is an
//! image with a text title for screen readers; the page puts the chart's table right behind it.

use leptos::prelude::*;

/// One named series of values, one per category; `None` where there was nothing to measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 44.0;

/// The top of the value axis: the largest value, never below `floor`, rounded up to a readable step.
fn axis_top(series: &[Series], floor: f64) -> f64 {
    let largest = series.iter().flat_map(|s| s.values.iter().flatten()).fold(floor, |top, v| top.max(*v));
    if largest <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(largest.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|step| step * magnitude).find(|top| *top >= largest).unwrap_or(largest)
}

fn y_of(value: f64, top: f64) -> f64 {
    TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - value / top)
}

/// The value axis: three grid lines with their labels.
fn value_axis(top: f64, format: fn(f64) -> String) -> impl IntoView {
    [0.0, 0.5, 1.0]
        .into_iter()
        .map(|fraction| {
            let value = top * fraction;
            let y = y_of(value, top);
            view! {
                <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y y2=y/>
                <text class="axis" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">{format(value)}</text>
            }
        })
        .collect_view()
}

/// A category's name under the horizontal axis, centred on `x`.
fn category_label(x: f64, name: &str) -> impl IntoView + use<> {
    let name = name.to_owned();
    view! { <text class="axis" x=x y=HEIGHT - BOTTOM + 18.0 text-anchor="middle">{name}</text> }
}

/// The hatching and markers that tell series apart in grey as well as in colour.
fn series_class(index: usize) -> String {
    format!("series series-{}", index % 3)
}

/// A legend in HTML: each series' swatch (its hatching or its dash and marker) and name.
fn legend(id: &str, series: &[Series], lines: bool) -> impl IntoView + use<> {
    let items = series
        .iter()
        .enumerate()
        .map(|(index, series)| {
            let class = series_class(index);
            let swatch = if lines {
                view! {
                    <svg width="36" height="14" aria-hidden="true" class="swatch">
                        <line class=class.clone() x1="2" x2="34" y1="7" y2="7"/>
                        {marker(index, 18.0, 7.0)}
                    </svg>
                }
                .into_any()
            } else {
                view! {
                    <svg width="18" height="14" aria-hidden="true" class="swatch">
                        <rect class=class x="1" y="1" width="16" height="12" fill=bar_fill(id, index)/>
                    </svg>
                }
                .into_any()
            };
            view! { <li>{swatch}" "{series.name.clone()}</li> }
        })
        .collect_view();
    view! { <ul class="chart-legend">{items}</ul> }
}

/// A point's marker: circle, square or triangle by series.
fn marker(index: usize, x: f64, y: f64) -> impl IntoView {
    let class = format!("marker series-{}", index % 3);
    match index % 3 {
        0 => view! { <circle class=class cx=x cy=y r="4"/> }.into_any(),
        1 => view! { <rect class=class x=x - 4.0 y=y - 4.0 width="8" height="8"/> }.into_any(),
        _ => {
            let points = format!("{},{} {},{} {},{}", x, y - 5.0, x - 5.0, y + 4.0, x + 5.0, y + 4.0);
            view! { <polygon class=class points=points/> }.into_any()
        }
    }
}

/// The patterns every chart's marks refer to; ids are prefixed by the chart's so pages can hold several.
fn patterns(id: &str) -> impl IntoView + use<> {
    view! {
        <defs>
            <pattern id=format!("{id}-hatch") width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" class="hatch-ground"/>
                <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/>
            </pattern>
            <pattern id=format!("{id}-empty") width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" class="hatch-ground"/>
                <line x1="0" y1="0" x2="0" y2="8" class="hatch-empty"/>
            </pattern>
            <pattern id=format!("{id}-dots") width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" class="hatch-ground"/>
                <circle cx="3" cy="3" r="1.4" class="hatch-dot"/>
            </pattern>
        </defs>
    }
}

/// The fill of series `index`'s bars: solid, hatched, dotted.
fn bar_fill(id: &str, index: usize) -> Option<String> {
    match index % 3 {
        0 => None,
        1 => Some(format!("url(#{id}-hatch)")),
        _ => Some(format!("url(#{id}-dots)")),
    }
}

/// Grouped bars: one group per category, one bar per series, each bar's value written above it.
#[component]
pub fn BarChart(
    /// Unique on the page: prefixes the chart's ids.
    id: &'static str,
    title: String,
    categories: Vec<String>,
    series: Vec<Series>,
    format: fn(f64) -> String,
) -> impl IntoView {
    let top = axis_top(&series, 1.0);
    let group = (WIDTH - LEFT - RIGHT) / categories.len().max(1) as f64;
    let bar = group * 0.75 / series.len().max(1) as f64;
    let bars = series
        .iter()
        .enumerate()
        .flat_map(|(index, s)| {
            let fill = bar_fill(id, index);
            s.values.iter().enumerate().filter_map(move |(category, value)| {
                let value = (*value)?;
                let x = LEFT + group * category as f64 + group * 0.125 + bar * index as f64;
                let y = y_of(value, top);
                let label = format(value);
                Some(view! {
                    <g>
                        <title>{format!("{} : {label}", s.name)}</title>
                        <rect class=series_class(index) x=x y=y width=bar * 0.92 height=(y_of(0.0, top) - y).max(0.0) fill=fill.clone()/>
                        <text class="value" x=x + bar * 0.46 y=y - 4.0 text-anchor="middle">{label}</text>
                    </g>
                })
            })
        })
        .collect_view();
    let labels = categories
        .iter()
        .enumerate()
        .map(|(index, name)| category_label(LEFT + group * (index as f64 + 0.5), name))
        .collect_view();
    let title_id = format!("{id}-titre");
    view! {
        <figure class="chart" id=id>
            <figcaption id=title_id.clone()>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=title_id preserveAspectRatio="xMidYMid meet">
                {patterns(id)}
                {value_axis(top, format)}
                {bars}
                <line class="baseline" x1=LEFT x2=WIDTH - RIGHT y1=y_of(0.0, top) y2=y_of(0.0, top)/>
                {labels}
            </svg>
            {legend(id, &series, false)}
        </figure>
    }
}

/// Lines over ordered categories (time): each series with its dash and marker shape; a gap where a value
/// is missing. Only about ten category labels are written so they stay legible.
#[component]
pub fn LineChart(
    id: &'static str,
    title: String,
    categories: Vec<String>,
    series: Vec<Series>,
    format: fn(f64) -> String,
    /// The lowest top of the value axis (1.0 for a share, so 40 % does not fill the height).
    #[prop(default = 1.0)]
    floor: f64,
) -> impl IntoView {
    let top = axis_top(&series, floor);
    let count = categories.len().max(1);
    let x_of = |index: usize| {
        if count == 1 {
            (LEFT + WIDTH - RIGHT) / 2.0
        } else {
            LEFT + (WIDTH - LEFT - RIGHT) * index as f64 / (count - 1) as f64
        }
    };
    let lines = series
        .iter()
        .enumerate()
        .map(|(index, s)| {
            // One path per unbroken run of values.
            let mut path = String::new();
            let mut pen_down = false;
            for (category, value) in s.values.iter().enumerate() {
                match value {
                    Some(value) => {
                        path.push_str(&format!(
                            "{}{:.1},{:.1} ",
                            if pen_down { "L" } else { "M" },
                            x_of(category),
                            y_of(*value, top)
                        ));
                        pen_down = true;
                    }
                    None => pen_down = false,
                }
            }
            let points = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(category, value)| {
                    let value = (*value)?;
                    let tip = format!(
                        "{} — {} : {}",
                        categories.get(category).cloned().unwrap_or_default(),
                        s.name,
                        format(value)
                    );
                    Some(view! { <g><title>{tip}</title>{marker(index, x_of(category), y_of(value, top))}</g> })
                })
                .collect_view();
            view! { <path class=series_class(index) d=path fill="none"/> {points} }
        })
        .collect_view();
    let every = count.div_ceil(10).max(1);
    let labels = categories
        .iter()
        .enumerate()
        .filter(|(index, _)| index % every == 0)
        .map(|(index, name)| category_label(x_of(index), name))
        .collect_view();
    let title_id = format!("{id}-titre");
    view! {
        <figure class="chart" id=id>
            <figcaption id=title_id.clone()>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=title_id preserveAspectRatio="xMidYMid meet">
                {value_axis(top, format)}
                {lines}
                {labels}
            </svg>
            {legend(id, &series, true)}
        </figure>
    }
}

/// The heat step of a share: 0 (worst) to 5 (best), as the SLA matrix colours them.
pub fn heat_step(share: f64) -> u8 {
    match share {
        s if s >= 0.95 => 5,
        s if s >= 0.90 => 4,
        s if s >= 0.80 => 3,
        s if s >= 0.70 => 2,
        s if s >= 0.50 => 1,
        _ => 0,
    }
}

/// A heatmap of shares: rows × columns, each cell coloured by its step and carrying its percentage and the
/// count behind it in writing (the count on a second line); an empty cell is lightly hatched and marked "—".
#[component]
pub fn Heatmap(
    id: &'static str,
    title: String,
    rows: Vec<String>,
    columns: Vec<String>,
    /// `cells[row][column]`: the share and the number of cases, if any.
    cells: Vec<Vec<Option<(f64, u64)>>>,
    format: fn(f64) -> String,
    legend: Vec<(u8, String)>,
) -> impl IntoView {
    // Cells keep a readable size whatever their number: the drawing widens and the page scales it down.
    const LABEL: f64 = 210.0;
    const HEAD: f64 = 80.0;
    const CELL_H: f64 = 40.0;
    const CELL_W: f64 = 84.0;
    let cell_w = CELL_W;
    let height = HEAD + CELL_H * rows.len() as f64 + 8.0;
    let width = LABEL + cell_w * columns.len() as f64 + 8.0;
    let heads = columns
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let x = LABEL + cell_w * (index as f64 + 0.5);
            view! {
                <text class="axis" x=x y=HEAD - 10.0 text-anchor="start" transform=format!("rotate(-30 {x} {})", HEAD - 10.0)>{name.clone()}</text>
            }
        })
        .collect_view();
    let body = rows
        .iter()
        .enumerate()
        .map(|(row, name)| {
            let y = HEAD + CELL_H * row as f64;
            let line = cells
                .get(row)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(column, cell)| {
                    let x = LABEL + cell_w * column as f64;
                    let tip = format!("{name} — {} : ", columns.get(column).cloned().unwrap_or_default());
                    match cell {
                        Some((share, count)) => view! {
                            <g>
                                <title>{format!("{tip}{} ({count})", format(share))}</title>
                                <rect class=format!("cell heat-{}", heat_step(share)) x=x + 1.0 y=y + 1.0 width=cell_w - 2.0 height=CELL_H - 2.0/>
                                <text class=format!("cell-text heat-{}", heat_step(share)) x=x + cell_w / 2.0 y=y + CELL_H / 2.0 - 2.0 text-anchor="middle">
                                    {format(share)}
                                    <tspan class="count" x=x + cell_w / 2.0 dy="13">{format!("({count})")}</tspan>
                                </text>
                            </g>
                        }
                        .into_any(),
                        None => view! {
                            <g>
                                <title>{format!("{tip}—")}</title>
                                <rect class="cell empty" x=x + 1.0 y=y + 1.0 width=cell_w - 2.0 height=CELL_H - 2.0 fill=format!("url(#{id}-empty)")/>
                                <text class="cell-text" x=x + cell_w / 2.0 y=y + CELL_H / 2.0 + 4.0 text-anchor="middle">"—"</text>
                            </g>
                        }
                        .into_any(),
                    }
                })
                .collect_view();
            view! {
                <text class="axis row-label" x=LABEL - 8.0 y=y + CELL_H / 2.0 + 4.0 text-anchor="end">{name.clone()}</text>
                {line}
            }
        })
        .collect_view();
    let title_id = format!("{id}-titre");
    let legend = legend
        .into_iter()
        .map(|(step, label)| view! { <li class=format!("heat heat-{step}")>{label}</li> })
        .collect_view();
    view! {
        <figure class="chart" id=id>
            <figcaption id=title_id.clone()>{title}</figcaption>
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-labelledby=title_id class="heatmap-chart">
                {patterns(id)}
                {heads}
                {body}
            </svg>
            <ul class="heat-legend">{legend}</ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_top_is_a_round_number_at_or_above_the_largest_value() {
        let series =
            |values: &[f64]| vec![Series { name: "s".into(), values: values.iter().copied().map(Some).collect() }];
        let cases: [(&[f64], f64, f64); 6] = [
            (&[3.0, 7.0], 1.0, 10.0),
            (&[12.0], 1.0, 20.0),
            (&[0.42], 1.0, 1.0),
            (&[0.42], 0.0, 0.5),
            (&[230.0], 1.0, 250.0),
            (&[], 1.0, 1.0),
        ];
        for (values, floor, expected) in cases {
            assert_eq!(axis_top(&series(values), floor), expected, "{values:?} floor {floor}");
        }
    }

    #[test]
    fn heat_steps_follow_the_thresholds() {
        let cases = [(1.0, 5), (0.95, 5), (0.94, 4), (0.9, 4), (0.85, 3), (0.7, 2), (0.5, 1), (0.49, 0), (0.0, 0)];
        for (share, step) in cases {
            assert_eq!(heat_step(share), step, "{share}");
        }
    }
}

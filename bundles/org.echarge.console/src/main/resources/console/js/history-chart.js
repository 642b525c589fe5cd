// The last hour of the per-phase limit, the non-charging load and the current given to each
// point, kept in the browser from the status events (Chart.js, lib/chartjs/chart.umd.js).

import { format, t } from './i18n.js';

const WINDOW_MILLIS = 60 * 60 * 1000;
/** One sample per 5 s is kept; events in between update the newest sample. */
const STEP_MILLIS = 5000;
const PHASES = ['l1', 'l2', 'l3'];
const PHASE_COLOURS = { l1: '#8d5524', l2: '#37474f', l3: '#9e9e9e' };
const POINT_COLOURS = ['#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#00acc1', '#e53935', '#6d4c41', '#3949ab'];

/** The current the gateway gives a point: its DLM share while DLM runs, else its own setpoint. */
export function givenAmpere(point, dlm) {
  const share = dlm && dlm.mode !== 'OFF' ? dlm.points.find((s) => s.number === point.number) : undefined;
  return share ? share.commandedAmpere : point.setpointAmpere;
}

/** What one status event adds to the chart, at time (ms). */
export function sampleOf(status, time) {
  const dlm = status.dlm;
  const sample = { time, values: {} };
  for (const phase of PHASES) {
    sample.values[`limit-${phase}`] = dlm?.limitAmpere?.[phase] ?? null;
    sample.values[`non-charging-${phase}`] = dlm?.nonChargingAmpere?.[phase] ?? null;
  }
  for (const point of status.points) {
    sample.values[`point-${point.number}`] = givenAmpere(point, dlm) ?? null;
  }
  return sample;
}

/**
 * Adds a sample to the history and drops what is older than an hour. The newest sample is replaced
 * by the next one until it is STEP_MILLIS after the one before it; then it stays.
 */
export function addSample(samples, sample) {
  const n = samples.length;
  if (n >= 2 && samples[n - 1].time - samples[n - 2].time < STEP_MILLIS) {
    samples[n - 1] = sample;
  } else {
    samples.push(sample);
  }
  while (samples.length > 0 && samples[0].time < sample.time - WINDOW_MILLIS) {
    samples.shift();
  }
  return samples;
}

export class HistoryChart {
  constructor(canvas) {
    this.samples = [];
    this.series = new Map();
    this.chart = null;
    try {
      this.chart = window.Chart ? new window.Chart(canvas, this.config()) : null;
    } catch (error) {
      console.error('The chart is not available:', error); // the rest of the page works without it
    }
  }

  get available() {
    return this.chart !== null;
  }

  /** Adds a status at the time it arrived (the browser's clock, never going back). */
  add(status) {
    const newest = this.samples.length ? this.samples[this.samples.length - 1].time : 0;
    addSample(this.samples, sampleOf(status, Math.max(Date.now(), newest)));
    if (!this.chart) {
      return;
    }
    for (const phase of PHASES) {
      this.ensure(`limit-${phase}`, { borderColor: PHASE_COLOURS[phase], borderDash: [8, 4] });
    }
    for (const phase of PHASES) {
      this.ensure(`non-charging-${phase}`, { borderColor: PHASE_COLOURS[phase], borderDash: [2, 3] });
    }
    for (const point of status.points) {
      const colour = POINT_COLOURS[(point.number - 1) % POINT_COLOURS.length];
      this.ensure(`point-${point.number}`, { borderColor: colour, backgroundColor: colour, borderWidth: 2 });
    }
    for (const [key, dataset] of this.series) {
      dataset.data = this.samples.map((s) => ({ x: s.time, y: s.values[key] ?? null }));
    }
    const end = this.samples[this.samples.length - 1].time;
    this.chart.options.scales.x.min = end - WINDOW_MILLIS;
    this.chart.options.scales.x.max = end;
    this.chart.update('none');
  }

  /** Labels in the current language. */
  relabel() {
    if (!this.chart) {
      return;
    }
    for (const [key, dataset] of this.series) {
      dataset.label = this.label(key);
    }
    this.chart.options.scales.y.title.text = t('chart.axis');
    this.chart.update('none');
  }

  ensure(key, style) {
    if (!this.series.has(key)) {
      const dataset = { label: this.label(key), data: [], pointRadius: 0, borderWidth: 1.5, stepped: true, ...style };
      this.series.set(key, dataset);
      this.chart.data.datasets.push(dataset);
    }
  }

  label(key) {
    const [, kind, phase] = key.match(/^(limit|non-charging|point)-(.+)$/);
    if (kind === 'point') {
      return t('chart.point', { number: phase });
    }
    return t(kind === 'limit' ? 'chart.limit' : 'chart.nonCharging', { phase: phase.toUpperCase() });
  }

  config() {
    return {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        spanGaps: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear',
            ticks: { stepSize: 10 * 60 * 1000, callback: (value) => format.clock(value) },
          },
          y: { beginAtZero: true, title: { display: true, text: t('chart.axis') } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? format.clock(items[0].parsed.x) : ''),
              label: (item) => `${item.dataset.label}: ${format.ampere(item.parsed.y)}`,
            },
          },
        },
      },
    };
  }
}

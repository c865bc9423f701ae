// `simulate --plot`, pure: the token level of the most-rejecting buckets over time as a Vega-Lite
// spec, one lane per bucket, rejections marked. Levels are recorded at every touch (after refill
// and after the call); between touches the level grows linearly at the Redis rate until it reaches
// capacity, so a point is added where it reaches capacity. Lanes with many touches or rejections
// are thinned evenly (at most maxPoints of each per lane) to keep the SVG small.
import type { BucketSpec } from './go-rate.js';
import type { Touch, TouchObserver } from './limiter.js';

export interface LanePoint {
  readonly bucket: string;
  readonly t: number;
  readonly tokens: number;
}

interface Lane {
  readonly spec: BucketSpec;
  readonly points: LanePoint[];
  readonly rejections: LanePoint[];
  lastT: number;
  lastLevel: number;
}

/** Every k-th point (and the last) so that at most about `max` remain. */
function thin(points: readonly LanePoint[], max: number): readonly LanePoint[] {
  const step = Math.ceil(points.length / max);
  return step <= 1 ? points : points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

/** Collects lanes for the chosen buckets from the limiter's touch observer. */
export class PlotRecorder {
  private readonly lanes = new Map<string, Lane>();
  private readonly wanted: ReadonlySet<string>;

  constructor(readonly buckets: readonly string[]) {
    this.wanted = new Set(buckets);
  }

  readonly observer: TouchObserver = (touch: Touch): void => {
    if (!this.wanted.has(touch.id)) return;
    const { id, spec, refilled, after } = touch;
    const t = touch.nowMicros / 1e6;
    let lane = this.lanes.get(id);
    if (lane === undefined) this.lanes.set(id, (lane = { spec, points: [{ bucket: id, t, tokens: spec.maxTokens }], rejections: [], lastT: t, lastLevel: spec.maxTokens }));
    const capAt = spec.wireRate > 0 ? lane.lastT + (spec.maxTokens - lane.lastLevel) / spec.wireRate : Infinity;
    if (capAt < t && lane.lastLevel < spec.maxTokens) lane.points.push({ bucket: id, t: capAt, tokens: spec.maxTokens });
    lane.points.push({ bucket: id, t, tokens: refilled });
    if (after !== refilled) lane.points.push({ bucket: id, t, tokens: after });
    if (touch.rejecting) lane.rejections.push({ bucket: id, t, tokens: refilled });
    lane.lastT = t;
    lane.lastLevel = after;
  };

  /** Level points (thinned to about maxPoints per lane) and rejection marks, lane by lane. */
  lanesData(maxPoints: number): PlotPoint[] {
    const out: PlotPoint[] = [];
    for (const id of this.buckets) {
      const lane = this.lanes.get(id);
      if (lane === undefined) continue;
      for (const p of thin(lane.points, maxPoints)) out.push({ ...p, kind: 'level' });
      for (const p of thin(lane.rejections, maxPoints)) out.push({ ...p, kind: 'rejection' });
    }
    return out;
  }
}

export interface PlotPoint extends LanePoint {
  readonly kind: 'level' | 'rejection';
}

/** A faceted Vega-Lite spec: per bucket a line of tokens over time, red crosses at rejections. */
export function plotSpec(title: string, buckets: readonly string[], values: readonly PlotPoint[]): Record<string, unknown> {
  const x = { field: 't', type: 'quantitative', title: 'time (s)' };
  const y = { field: 'tokens', type: 'quantitative', title: 'tokens' };
  const only = (kind: PlotPoint['kind']): unknown[] => [{ filter: { field: 'kind', equal: kind } }];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 14 },
    background: 'white',
    padding: 12,
    data: { values },
    facet: { row: { field: 'bucket', type: 'nominal', title: null, sort: buckets, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontSize: 12, labelFontWeight: 'bold', labelLimit: 700 } } },
    spec: {
      width: 720,
      height: 90,
      layer: [
        { transform: only('level'), mark: { type: 'line', color: '#1f77b4', strokeWidth: 1.5 }, encoding: { x, y } },
        { transform: only('rejection'), mark: { type: 'point', shape: 'cross', color: '#d62728', size: 50, filled: true, opacity: 0.8 }, encoding: { x, y } },
        // One dashed rule per lane at 1 token: below it the bucket rejects.
        { transform: [{ aggregate: [{ op: 'count', as: 'n' }], groupby: ['bucket'] }], mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { y: { datum: 1 } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    config: { view: { stroke: '#ddd' }, font: 'sans-serif' },
  };
}

import { scaleLinear } from 'd3-scale';

const LIGHT = '#eef4fb';
const DARK = '#1d4e89';

/** Shading from light (0) to dark (the largest value); text on a dark cell is written white. */
export function gridShade(most: number) {
  const scale = scaleLinear<string>()
    .domain([0, Math.max(most, 1)])
    .range([LIGHT, DARK]);
  return {
    fill: (value: number) => scale(Math.max(0, value)),
    ink: (value: number) => (value / Math.max(most, 1) > 0.55 ? '#ffffff' : '#1f2933'),
  };
}

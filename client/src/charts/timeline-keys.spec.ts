import { isoDay } from './timeline-axis';
import { rowAt, rowCentre, LANE_HEIGHT } from './timeline-draw';
import { timelineKeyAction, ZOOM_STEP } from './timeline-keys';

describe('timelineKeyAction', () => {
  it('moves through events with the arrows, and pans with Shift and the left and right arrows', () => {
    expect(timelineKeyAction('ArrowRight', false)).toEqual({ type: 'step', by: 1 });
    expect(timelineKeyAction('ArrowLeft', false)).toEqual({ type: 'step', by: -1 });
    expect(timelineKeyAction('ArrowDown', false)).toEqual({ type: 'lane', by: 1 });
    expect(timelineKeyAction('ArrowUp', false)).toEqual({ type: 'lane', by: -1 });
    expect(timelineKeyAction('ArrowRight', true)).toEqual({ type: 'pan', fraction: -0.2 });
    expect(timelineKeyAction('ArrowLeft', true)).toEqual({ type: 'pan', fraction: 0.2 });
  });

  it('zooms with + and −, fits with 0, pins with Enter, and leaves other keys alone', () => {
    expect(timelineKeyAction('+', false)).toEqual({ type: 'zoom', factor: ZOOM_STEP });
    expect(timelineKeyAction('=', false)).toEqual({ type: 'zoom', factor: ZOOM_STEP });
    expect(timelineKeyAction('-', false)).toEqual({ type: 'zoom', factor: 1 / ZOOM_STEP });
    expect(timelineKeyAction('0', false)).toEqual({ type: 'fit' });
    expect(timelineKeyAction('Enter', false)).toEqual({ type: 'pin' });
    expect(timelineKeyAction('Escape', false)).toEqual({ type: 'unpin' });
    expect(timelineKeyAction('t', false)).toBeNull();
    expect(timelineKeyAction('Tab', false)).toBeNull();
  });
});

describe('date inputs', () => {
  it('gives the UTC day of a moment', () => {
    expect(isoDay(Date.UTC(2022, 3, 17, 23, 59))).toBe('2022-04-17');
  });
});

describe('rows of a lane', () => {
  it('finds the row under the pointer that each row is drawn at', () => {
    for (let lane = 0; lane < 3; lane += 1) {
      for (const row of [0, 1, 2, 3]) {
        expect(rowAt(rowCentre(lane, row) - lane * LANE_HEIGHT)).toBe(row);
      }
    }
  });
});

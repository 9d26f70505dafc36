/** What a key pressed on the focused timeline does. */
export type TimelineKeyAction =
  | { type: 'step'; by: 1 | -1 }
  | { type: 'lane'; by: 1 | -1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'pin' }
  | { type: 'unpin' }
  | { type: 'zoom'; factor: number }
  | { type: 'pan'; fraction: number }
  | { type: 'fit' };

export const ZOOM_STEP = 1.6;
const PAN_STEP = 0.2;

/**
 * Arrows move from event to event (left and right in date order, up and down to the next lane);
 * with Shift, left and right pan the view instead. + and − zoom, 0 fits everything in.
 */
export function timelineKeyAction(key: string, shiftKey: boolean): TimelineKeyAction | null {
  switch (key) {
    case 'ArrowRight':
      return shiftKey ? { type: 'pan', fraction: -PAN_STEP } : { type: 'step', by: 1 };
    case 'ArrowLeft':
      return shiftKey ? { type: 'pan', fraction: PAN_STEP } : { type: 'step', by: -1 };
    case 'ArrowDown':
      return { type: 'lane', by: 1 };
    case 'ArrowUp':
      return { type: 'lane', by: -1 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
    case ' ':
      return { type: 'pin' };
    case 'Escape':
      return { type: 'unpin' };
    case '+':
    case '=':
      return { type: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { type: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { type: 'fit' };
    default:
      return null;
  }
}

import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { loadedSummary, loadingProgress } from './timeline-loading';
import { useChronologyView } from './timeline-view';

function ViewProbe() {
  const [view, setView] = useChronologyView();
  const location = useLocation();
  return (
    <>
      <p>
        {view} at {location.pathname + location.search}
      </p>
      <button type="button" onClick={() => setView('timeline')}>
        Timeline
      </button>
      <label>
        Search <input />
      </label>
    </>
  );
}

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <ViewProbe />
    </MemoryRouter>,
  );

describe('useChronologyView', () => {
  it('reads the view from the address and switches it with the key t', () => {
    renderAt('/reviews/r1/chronology?view=table');
    expect(screen.getByText('table at /reviews/r1/chronology?view=table')).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 't' });
    expect(screen.getByText('timeline at /reviews/r1/chronology')).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 't' });
    expect(screen.getByText('table at /reviews/r1/chronology?view=table')).toBeInTheDocument();
  });

  it('leaves the key t to a field that has the focus', () => {
    renderAt('/reviews/r1/chronology');
    fireEvent.keyDown(screen.getByLabelText('Search'), { key: 't' });
    expect(screen.getByText('timeline at /reviews/r1/chronology')).toBeInTheDocument();
  });
});

describe('loadingProgress', () => {
  it('counts the events loaded so far against the whole', () => {
    expect(loadingProgress(1500, 10000)).toBe('Loading 1,500 of 10,000 events…');
  });

  it('says one event from one agency in the singular', () => {
    expect(loadedSummary(1, 1)).toBe('1 event from 1 agency, in date order');
    expect(loadedSummary(1204, 3)).toBe('1,204 events from 3 agencies, in date order');
  });
});

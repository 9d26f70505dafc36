import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { UkDateInput, focusUnreadableDate, readUkDateInput, ukDateText } from './UkDateInput';

function Field({ initial = '', partial = false }: { initial?: string; partial?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="due">Due date</label>
      <UkDateInput id="due" value={value} onChange={setValue} partial={partial} />
      <output data-testid="iso">{value}</output>
    </>
  );
}

describe('UkDateInput', () => {
  it('shows an ISO date day-month-year with a dd/mm/yyyy placeholder', () => {
    render(<Field initial="2023-04-03" />);
    const input = screen.getByLabelText('Due date');
    expect(input).toHaveValue('03/04/2023');
    expect(input).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    expect(input).toHaveAttribute('type', 'text');
  });

  it('reads what is typed as day-month-year and gives an ISO date', async () => {
    render(<Field />);
    await userEvent.type(screen.getByLabelText('Due date'), '03/04/2023');
    expect(screen.getByTestId('iso')).toHaveTextContent('2023-04-03');
    await userEvent.clear(screen.getByLabelText('Due date'));
    await userEvent.type(screen.getByLabelText('Due date'), '12 May 2024');
    expect(screen.getByTestId('iso')).toHaveTextContent('2024-05-12');
  });

  it('says clearly when the text is not a date, and marks the field invalid', async () => {
    render(<Field initial="2023-04-03" />);
    const input = screen.getByLabelText('Due date');
    await userEvent.clear(input);
    await userEvent.type(input, '31/02/2023');
    await userEvent.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(/not a day of the calendar/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect((input as HTMLInputElement).checkValidity()).toBe(false);
    // Nothing that is not a date reaches the form: the last date read (none, once cleared) stays.
    expect(screen.getByTestId('iso')).toBeEmptyDOMElement();
  });

  it('asks for a day where partial dates are not allowed, and accepts them where they are', async () => {
    render(<Field />);
    await userEvent.type(screen.getByLabelText('Due date'), 'April 2023');
    await userEvent.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('Give a day as dd/mm/yyyy');
    expect(readUkDateInput('April 2023', true)).toEqual({ iso: '2023-04' });
    expect(readUkDateInput('2023', true)).toEqual({ iso: '2023' });
    expect(ukDateText('2023-04')).toBe('04/2023');
  });

  it('gives the empty date when emptied', async () => {
    render(<Field initial="2023-04-03" />);
    await userEvent.clear(screen.getByLabelText('Due date'));
    expect(screen.getByTestId('iso')).toBeEmptyDOMElement();
  });
});

describe('focusUnreadableDate', () => {
  it('finds, shows and focuses a date field that cannot be read, before a form saves', async () => {
    const saved = jest.fn();
    function Form() {
      const [value, setValue] = useState('');
      return (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (focusUnreadableDate(event.currentTarget)) return;
            saved(value);
          }}
        >
          <label htmlFor="d">Date</label>
          <UkDateInput id="d" value={value} onChange={setValue} />
          <button type="submit">Save</button>
        </form>
      );
    }
    render(<Form />);
    await userEvent.type(screen.getByLabelText('Date'), '13/13/2023');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Date')).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent(/no month 13/);
    await userEvent.clear(screen.getByLabelText('Date'));
    await userEvent.type(screen.getByLabelText('Date'), '13/12/2023');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved).toHaveBeenCalledWith('2023-12-13');
  });
});

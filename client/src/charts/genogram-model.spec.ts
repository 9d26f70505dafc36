import { contactText, currentHousehold, householdSpan, spanText } from './genogram-model';
import type { GenogramPerson } from './genogram-model';

const stays = (...households: GenogramPerson['households']) =>
  ({ households }) as Pick<GenogramPerson, 'households'>;

describe('the genogram model', () => {
  it('draws someone in the household they still live in, else the one they left last', () => {
    expect(
      currentHousehold(
        stays(
          { household: 'Household 1', from: '2014', to: '2021-06' },
          { household: 'Father’s address', from: '2021-06', to: null },
        ),
      ),
    ).toBe('Father’s address');
    expect(
      currentHousehold(
        stays(
          { household: 'Flat 2', from: '2018', to: '2020' },
          { household: 'Flat 9', from: '2020', to: '2022-03' },
        ),
      ),
    ).toBe('Flat 9');
    expect(currentHousehold(stays())).toBeNull();
  });

  it('dates a household from its earliest known stay, open while anyone still lives there', () => {
    const people = [
      stays({ household: 'Household 1', from: '2019', to: null }),
      stays({ household: 'Household 1', from: '2022-04', to: null }),
      stays({ household: 'Household 2', from: '2020-01-05', to: '2021' }),
    ];
    expect(householdSpan('Household 1', people)).toBe('from 2019');
    expect(householdSpan('Household 2', people)).toBe('5 Jan 2020 – 2021');
    expect(householdSpan('Household 3', people)).toBe('');
    expect(spanText(null, '2020-02')).toBe('until Feb 2020');
  });

  it('says the kinds of contact in words', () => {
    expect(contactText({ seen: 1, seenAlone: 0, spokenTo: 2, mentioned: 4 })).toBe(
      'seen once, spoken to 2 times, only mentioned 4 times',
    );
    expect(contactText({ seen: 0, seenAlone: 0, spokenTo: 0, mentioned: 0 })).toBe(
      'no contact recorded',
    );
  });
});

import { Figure, report } from './bench-report';

describe('the benchmark report', () => {
  const met: Figure = { name: 'statements', value: '9', target: '<= 12', met: true };
  const missed: Figure = { name: 'ratio', value: '2.40', target: '<= 2', met: false };
  let printed: string;
  beforeEach(() => {
    printed = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      printed += String(text);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints a missed target and goes on when not checking', () => {
    expect(() => report('Page', [met, missed], false)).not.toThrow();
    expect(printed).toContain('NOT MET');
  });

  it('fails after printing when checking and a target is missed, naming the figure', () => {
    expect(() => report('Page', [met, missed], true)).toThrow(
      'Missed a target: ratio is 2.40, target <= 2',
    );
    expect(printed).toContain('ratio');
  });

  it('passes when checking and every target is met', () => {
    expect(() => report('Page', [met], true)).not.toThrow();
  });

  it('checks when npm run bench -- --check set the variable', () => {
    const before = process.env.SCR_BENCH_CHECK;
    process.env.SCR_BENCH_CHECK = '1';
    try {
      expect(() => report('Page', [missed])).toThrow('Missed a target');
      process.env.SCR_BENCH_CHECK = '';
      expect(() => report('Page', [missed])).not.toThrow();
    } finally {
      if (before === undefined) delete process.env.SCR_BENCH_CHECK;
      else process.env.SCR_BENCH_CHECK = before;
    }
  });
});

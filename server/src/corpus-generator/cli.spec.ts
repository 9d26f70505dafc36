import { StartupError } from '../config/config-error';
import { GENERATOR_DEFAULTS, parseGeneratorArguments } from './cli';

describe('the corpus generator command line', () => {
  it('reads --reviews, --seed, --batch and --reset, with defaults', () => {
    expect(parseGeneratorArguments([])).toEqual({
      reviews: GENERATOR_DEFAULTS.reviews,
      seed: GENERATOR_DEFAULTS.seed,
      batch: GENERATOR_DEFAULTS.batch,
      reset: false,
    });
    expect(parseGeneratorArguments(['--reviews', '50', '--seed', '9', '--reset'])).toEqual({
      reviews: 50,
      seed: 9,
      batch: GENERATOR_DEFAULTS.batch,
      reset: true,
    });
    expect(parseGeneratorArguments(['--help'])).toBe('help');
  });

  it.each([
    [['--reviews', 'many'], /--reviews must be a whole number/],
    [['--reviews=-5'], /--reviews must be a whole number/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--batch', '0'], /--batch must be a whole number of at least 1/],
  ])('refuses %j', (args, message) => {
    expect(() => parseGeneratorArguments(args)).toThrow(StartupError);
    expect(() => parseGeneratorArguments(args)).toThrow(message);
  });

  it('refuses an option it does not know', () => {
    expect(() => parseGeneratorArguments(['--reveiws', '10'])).toThrow(/reveiws/);
  });
});

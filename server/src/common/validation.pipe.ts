import {
  ArgumentMetadata,
  Injectable,
  PipeTransform,
  Type,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { controlCharacterProblem, isMultiLineField } from '@scr/shared';
import { AppError, badInput } from './app-error';

interface Problem {
  field: string;
  value: unknown;
  message: string;
}

function flatten(errors: ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      value: error.value,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const sensitive = (field: string) => /password/i.test(field);

function refuse(problems: Problem[]): AppError {
  const shown = problems.map((p) => ({
    ...p,
    value: sensitive(p.field) ? undefined : p.value,
  }));
  return badInput(problems.map((p) => p.message).join('; '), { problems: shown });
}

/** A value shown in an error: long text is cut, so that a refused megabyte is not echoed back. */
function shortened(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

/**
 * Every string in a value, at any depth (lists, input objects, lists of input objects), that
 * holds a control character (NUL among them, which PostgreSQL text cannot hold), or a line break
 * or tab outside the multi-line fields (or anywhere, unless `lineBreaksAnywhere`). `name` is the
 * field the string sits in; each answer names its path and what is wrong.
 */
export function findControlCharacters(
  value: unknown,
  path: string,
  name = path,
  lineBreaksAnywhere = false,
): { path: string; value: string; problem: string }[] {
  if (typeof value === 'string') {
    const problem = controlCharacterProblem(value, lineBreaksAnywhere || isMultiLineField(name));
    return problem ? [{ path, value: shortened(value), problem }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) =>
      findControlCharacters(item, `${path}[${i}]`, name, lineBreaksAnywhere),
    );
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) =>
      findControlCharacters(item, path ? `${path}.${key}` : key, key, lineBreaksAnywhere),
    );
  }
  return [];
}

/**
 * The global pipe: first every string of every argument is checked for control characters (ids,
 * search words and theme keys as much as input objects), then class-validator checks input
 * classes. Failures become BAD_USER_INPUT naming each field and value. A body without an input
 * class (the bundle import) is left to its handler, which lists its own problems.
 */
@Injectable()
export class AppValidationPipe implements PipeTransform {
  private readonly classes = new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => refuse(flatten(errors)),
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // GraphQL arguments arrive as 'body'; 'custom' is the signed-in user, the context and such.
    const untypedBody =
      metadata.type === 'body' && (!metadata.metatype || metadata.metatype === Object);
    if (metadata.type !== 'custom' && !untypedBody) {
      // An input object's fields are named as today's class-validator problems name them
      // (`title`), a plain argument by its own name (`id`, `themeKeys[2]`).
      const isInputClass =
        typeof metadata.metatype === 'function' &&
        ![String, Number, Boolean, Array, Object].includes(metadata.metatype as never);
      const found = findControlCharacters(value, isInputClass ? '' : (metadata.data ?? ''));
      if (found.length > 0)
        throw refuse(
          found.map((f) => ({ field: f.path, value: f.value, message: `${f.path} ${f.problem}` })),
        );
    }
    return this.classes.transform(value, metadata);
  }
}

/** class-validator on every input; failures become BAD_USER_INPUT naming each field and value. */
export function createValidationPipe(): AppValidationPipe {
  return new AppValidationPipe();
}

/**
 * Validates each item of a list argument as its input class (the global pipe sees only a list),
 * naming the problems `events[3].title`.
 */
export class ValidateEachPipe<T extends object> implements PipeTransform {
  private readonly classes = createValidationPipe();

  constructor(private readonly itemType: Type<T>) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!Array.isArray(value)) return value;
    const problems: Problem[] = [];
    const items: T[] = [];
    for (const [i, item] of value.entries()) {
      try {
        items.push(
          (await this.classes.transform(item, {
            type: metadata.type,
            metatype: this.itemType,
            data: metadata.data,
          })) as T,
        );
      } catch (caught) {
        if (!(caught instanceof AppError) || !Array.isArray(caught.details.problems)) throw caught;
        const prefix = `${metadata.data ?? ''}[${i}]`;
        for (const p of caught.details.problems as Problem[])
          problems.push({
            field: `${prefix}.${p.field}`,
            value: p.value,
            message: `${prefix}.${p.message}`,
          });
      }
    }
    if (problems.length > 0) throw refuse(problems);
    return items;
  }
}

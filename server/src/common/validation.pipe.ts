import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput } from './app-error';

function flatten(
  errors: ValidationError[],
  prefix = '',
): { field: string; value: unknown; message: string }[] {
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

/** class-validator on every input; failures become BAD_USER_INPUT naming each field and value. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const sensitive = (field: string) => /password/i.test(field);
      const shown = problems.map((p) => ({
        ...p,
        value: sensitive(p.field) ? undefined : p.value,
      }));
      return badInput(problems.map((p) => p.message).join('; '), { problems: shown });
    },
  });
}

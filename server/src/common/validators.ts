import { isCalendarDay, isWebAddress, parsePartialDate } from '@scr/shared';
import { Transform } from 'class-transformer';
import {
  registerDecorator,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/** A `YYYY-MM-DD` day that exists in the calendar (null passes: optional fields use IsOptional). */
export function IsCalendarDay(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be a calendar day YYYY-MM-DD (got "${args.value}")`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDay(value),
      },
    });
}

/** A partial date `YYYY-MM-DD`, `YYYY-MM` or `YYYY` that exists in the calendar. */
export function IsPartialDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPartialDate',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be a date YYYY-MM-DD, YYYY-MM or YYYY (got "${args.value}")`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && typeof parsePartialDate(value) !== 'string',
      },
    });
}

/** An http or https address (other schemes, such as javascript:, are refused). */
export function IsWebAddress(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isWebAddress',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be an http or https address (got "${String(args.value).slice(0, 200)}")`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isWebAddress(value),
      },
    });
}

/** Text that is not empty once trimmed; the trimmed text is kept. */
export function IsNotBlank(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))(
      target,
      propertyName,
    );
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) =>
          args.value === null
            ? `${args.property} may be left out, but not null`
            : `${args.property} must not be empty`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
      },
    });
  };
}

/** Trims optional free text and stores an empty answer as null. */
export const TrimToNull = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

/**
 * "May be left out, but not null": for a field of a NOT NULL column that an input lets the caller
 * omit (class-validator's IsOptional would let null through to the database).
 */
export function MayBeOmittedNotNull(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    ValidateIf((_object, value) => value !== undefined)(target, propertyName);
    registerDecorator({
      name: 'mayBeOmittedNotNull',
      target: target.constructor,
      propertyName,
      options: {
        message: (args: ValidationArguments) => `${args.property} may be left out, but not null`,
        ...options,
      },
      validator: { validate: (value: unknown) => value !== null },
    });
  };
}

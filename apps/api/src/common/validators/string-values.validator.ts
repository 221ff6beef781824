import { ValidateBy, ValidationOptions } from 'class-validator';

const MAX_KEYS = 100;

function isStringRecord(value: unknown, maxLength: number): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length <= MAX_KEYS && entries.every(([key, v]) => key.length <= 64 && typeof v === 'string' && v.length <= maxLength);
}

/** An object whose values are all strings (≤ `maxLength`), e.g. template examples by variable name. */
export function IsStringRecord(maxLength: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringRecord',
      validator: {
        validate: (value) => isStringRecord(value, maxLength),
        defaultMessage: () => `$property must be an object of texts (each at most ${maxLength} characters)`,
      },
    },
    options,
  );
}

/** A list of strings or an object of strings (each ≤ `maxLength`): template parameters in order or by name. */
export function IsStringListOrRecord(maxLength: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringListOrRecord',
      validator: {
        validate: (value) =>
          Array.isArray(value)
            ? value.length <= MAX_KEYS && value.every((v) => typeof v === 'string' && v.length <= maxLength)
            : isStringRecord(value, maxLength),
        defaultMessage: () => `$property must be a list of texts or an object of texts (each at most ${maxLength} characters)`,
      },
    },
    options,
  );
}

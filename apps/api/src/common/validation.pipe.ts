import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError, type FieldError } from '@app/common';

/**
 * The one validation pipeline: unknown fields are refused (not silently dropped), types are
 * not coerced from JSON (a number is not a phone), a body must be a JSON object, and every
 * failure becomes the contract's `validation_failed` with one entry per field.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new ValidationFailedError([{ field: 'body', message: 'body must be a JSON object' }]);
    }
    // class-transformer recurses without a limit: a body nested thousands deep would overflow
    // the stack. No request of this API nests at all, so a small bound costs nothing.
    if (metadata.type === 'body' && depthOf(value) > MAX_BODY_DEPTH) {
      throw new ValidationFailedError([{ field: 'body', message: `body must not nest deeper than ${MAX_BODY_DEPTH} levels` }]);
    }
    return super.transform(value, metadata);
  }
}

const MAX_BODY_DEPTH = 8;

/** Nesting depth of parsed JSON, counted without recursion (it guards against deep input). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

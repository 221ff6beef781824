import { HttpStatus } from '@nestjs/common';

/**
 * Base of every domain exception: a stable machine code (SCREAMING_SNAKE, module-prefixed) and a
 * human message. Each module declares its codes with the HTTP status they map to, so the global filter
 * stays exhaustive without knowing the modules.
 */
export class AppException extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

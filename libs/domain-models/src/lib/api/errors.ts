/** One invalid field of a request body or query, with every reason it was rejected. */
export interface FieldError {
  /** Dotted path of the field, e.g. `email` or `attachments.0.url`. */
  field: string;
  messages: string[];
}

/**
 * The body of every non-2xx answer from the api. `code` is stable and machine-readable
 * (SCREAMING_SNAKE, prefixed by module, e.g. `AUTH_INVALID_CREDENTIALS`); `message` is for people.
 */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  /** Present on validation failures (400). */
  errors?: FieldError[];
  /** Present on 500s: quote it to support; the server logs carry the details. */
  errorId?: string;
  requestId?: string;
}

import { Role } from '../enums';

/** A teammate as the api returns it. Never carries a password hash or a token. */
export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * `GET /api/users/directory` (any signed-in user): the active teammates, for @mentions and pickers.
 * Deliberately no email, no status, no timestamps.
 */
export interface TeammateDto {
  id: string;
  name: string;
  role: Role;
}

/** `POST /api/users` (admin). */
export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  /** At least 10 characters. */
  password: string;
}

/** `PATCH /api/users/:id` (admin). Every field optional; `password` resets it. */
export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  active?: boolean;
  password?: string;
}

export const PASSWORD_MIN_LENGTH = 10;

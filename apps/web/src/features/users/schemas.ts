import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, Role } from '@ticklegram/domain-models';

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`).max(200, 'Use at most 200 characters.');

export const createUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.'),
  email: z.string().trim().min(1, 'Enter an email address.').pipe(z.email('Enter a valid email address.')),
  role: z.enum(Role),
  password: passwordSchema,
});

export type CreateUserValues = z.infer<typeof createUserSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;

import { z } from 'zod';

/** Client-side check of a pasted token before it is sent (the api validates it with Meta). */
export const pasteTokenSchema = z.object({
  kind: z.enum(['page', 'instagram']),
  accessToken: z
    .string()
    .trim()
    .min(20, 'Paste the whole token — Meta tokens are long (usually 150+ characters).')
    .max(1024, 'That is longer than any Meta token. Paste only the token.')
    .regex(/^[A-Za-z0-9|_\-.]+$/, 'A token has no spaces or quotes. Copy it again without them.'),
});

export type PasteTokenForm = z.infer<typeof pasteTokenSchema>;

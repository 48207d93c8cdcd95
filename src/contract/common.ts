/** Shared pieces of the HTTP contract. */
import { z } from 'zod';

export const uuidParam = z.strictObject({ id: z.uuid({ error: 'expected an id (UUID)' }) });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});

export const okBody = z.object({ ok: z.literal(true) });

const text = (max: number) => z.string().trim().min(1).max(max);
export const personName = text(100);
export const phone = z
  .string()
  .trim()
  .regex(/^[+0-9 ().-]{7,25}$/, { error: 'expected a phone number (digits, spaces, + ( ) . -)' });
export const email = z.email({ error: 'expected an email address' }).max(200);

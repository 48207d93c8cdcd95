import { createDiaryLink } from '../../app/diary-links/create-diary-link.js';
import { listProcedureDiaryLinks } from '../../app/diary-links/list-diary-links.js';
import { addDiaryEntry, openDiary } from '../../app/diary-links/patient-diary.js';
import { revokeLink } from '../../app/diary-links/revoke-diary-link.js';
import type { Services } from '../../app/services.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import {
  diaryEntry,
  diaryEntryInput,
  diaryLink,
  diaryLinkCreated,
  diaryLinkInput,
  diaryLinkList,
  patientDiary,
  tokenParam,
} from '../../contract/diary-links.js';
import type { ZodApp } from './types.js';

/**
 * Staff create, list and revoke a procedure's diary links; the patient's token (in the path, masked in
 * logs by redactUrl) opens that one diary.
 */
export function diaryLinkRoutes(app: ZodApp, svc: Services): void {
  const staff = ['diary-links'];
  app.post(
    '/api/v1/procedures/:id/diary-links',
    {
      config: { auth: 'diary-links:write' },
      schema: {
        tags: staff,
        summary: 'Create a diary link for a diagnostic block (the token is shown only in this answer)',
        params: uuidParam,
        body: diaryLinkInput,
        response: { 201: diaryLinkCreated, 404: errorBody, 409: errorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await createDiaryLink(svc, req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/procedures/:id/diary-links',
    {
      config: { auth: 'procedures:read' },
      schema: {
        tags: staff,
        summary: "A procedure's diary links and their status (no tokens)",
        params: uuidParam,
        response: { 200: diaryLinkList, 404: errorBody },
      },
    },
    (req) => listProcedureDiaryLinks(svc, req.ctx, req.params.id),
  );
  app.delete(
    '/api/v1/diary-links/:id',
    {
      config: { auth: 'diary-links:write' },
      schema: {
        tags: staff,
        summary: 'Revoke a diary link',
        params: uuidParam,
        response: { 200: diaryLink, 404: errorBody },
      },
    },
    (req) => revokeLink(svc, req.ctx, req.params.id),
  );

  const patient = ['diary (patient link)'];
  app.get(
    '/api/v1/diary/:token',
    {
      config: { auth: 'diary-link' },
      schema: {
        tags: patient,
        summary: 'The patient opens the diary of one block with the link token',
        params: tokenParam,
        response: { 200: patientDiary, 404: errorBody, 410: errorBody },
      },
    },
    (req) => openDiary(svc, req.ctx, req.params.token),
  );
  app.post(
    '/api/v1/diary/:token/entries',
    {
      config: { auth: 'diary-link' },
      schema: {
        tags: patient,
        summary:
          'Add a diary entry (idempotent: the same key returns the original entry with 200; 201 when created)',
        params: tokenParam,
        body: diaryEntryInput,
        response: {
          200: diaryEntry,
          201: diaryEntry,
          400: errorBody,
          404: errorBody,
          409: errorBody,
          410: errorBody,
        },
      },
    },
    async (req, reply) => {
      const { created, entry } = await addDiaryEntry(svc, req.ctx, req.params.token, req.body);
      return reply.code(created ? 201 : 200).send(entry);
    },
  );
}

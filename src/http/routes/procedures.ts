import { addDiaryEntry } from '../../app/procedures/add-diary-entry.js';
import { addFollowUp } from '../../app/procedures/add-follow-up.js';
import { createProcedure } from '../../app/procedures/create-procedure.js';
import { getProcedure, listProcedures } from '../../app/procedures/get-procedure.js';
import { closeDiary, getInterpretation, signInterpretation } from '../../app/procedures/interpretation.js';
import { updateProcedure } from '../../app/procedures/update-procedure.js';
import type { Services } from '../../app/services.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import {
  blockInterpretation,
  closeDiaryInput,
  diaryEntry,
  diaryEntryInput,
  followUp,
  followUpInput,
  procedure,
  procedureInput,
  procedureList,
  procedureUpdate,
  procedureWithRecords,
  signInterpretationInput,
} from '../../contract/procedures.js';
import type { ZodApp } from './types.js';

const tags = ['procedures'];

export function procedureRoutes(app: ZodApp, svc: Services): void {
  app.post(
    '/api/v1/episodes/:id/procedures',
    {
      config: { auth: 'procedures:write' },
      schema: {
        tags,
        summary: 'Record a procedure of the episode, done or planned',
        params: uuidParam,
        body: procedureInput,
        response: { 201: procedure, 400: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await createProcedure(svc, req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/episodes/:id/procedures',
    {
      config: { auth: 'procedures:read' },
      schema: {
        tags,
        summary: "The episode's procedures with their diaries and follow-ups",
        params: uuidParam,
        response: { 200: procedureList, 404: errorBody },
      },
    },
    (req) => listProcedures(svc, req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/procedures/:id',
    {
      config: { auth: 'procedures:read' },
      schema: {
        tags,
        summary: 'A procedure with its diary and follow-ups',
        params: uuidParam,
        response: { 200: procedureWithRecords, 404: errorBody },
      },
    },
    (req) => getProcedure(svc, req.ctx, req.params.id),
  );
  app.patch(
    '/api/v1/procedures/:id',
    {
      config: { auth: 'procedures:write' },
      schema: {
        tags,
        summary: 'Change a procedure (null clears an optional field); status planned, done or cancelled',
        params: uuidParam,
        body: procedureUpdate,
        response: { 200: procedure, 400: errorBody, 404: errorBody },
      },
    },
    (req) => updateProcedure(svc, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/procedures/:id/diary-entries',
    {
      config: { auth: 'diary:write' },
      schema: {
        tags,
        summary:
          'Record a pain-diary entry (idempotent: the same key again returns the first entry with 200)',
        params: uuidParam,
        body: diaryEntryInput,
        response: {
          200: diaryEntry,
          201: diaryEntry,
          400: errorBody,
          404: errorBody,
          409: errorBody,
          422: errorBody,
        },
      },
    },
    async (req, reply) => {
      const r = await addDiaryEntry(svc, req.ctx, req.params.id, req.body);
      return reply.code(r.created ? 201 : 200).send(r.entry);
    },
  );
  app.post(
    '/api/v1/procedures/:id/follow-ups',
    {
      config: { auth: 'follow-ups:write' },
      schema: {
        tags,
        summary: 'Record relief and function after an RFA or a therapeutic injection',
        params: uuidParam,
        body: followUpInput,
        response: { 201: followUp, 400: errorBody, 404: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await addFollowUp(svc, req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/procedures/:id/interpretation',
    {
      config: { auth: 'procedures:read' },
      schema: {
        tags,
        summary: "A diagnostic block's interpretation under the episode's payer policy, and its sign-off",
        params: uuidParam,
        response: { 200: blockInterpretation, 404: errorBody, 422: errorBody },
      },
    },
    (req) => getInterpretation(svc, req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/procedures/:id/interpretation',
    {
      config: { auth: 'procedures:write' },
      schema: {
        tags,
        summary:
          'The physician signs off the interpretation of a diagnostic block (optional note; an override kept beside the computed result); refused (409) while its diary is open',
        params: uuidParam,
        body: signInterpretationInput,
        response: {
          200: blockInterpretation,
          400: errorBody,
          404: errorBody,
          409: errorBody,
          422: errorBody,
        },
      },
    },
    (req) => signInterpretation(svc, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/procedures/:id/diary/close',
    {
      config: { auth: 'diary:write' },
      schema: {
        tags,
        summary: "Close a diagnostic block's open diary before its window is over, with a reason",
        params: uuidParam,
        body: closeDiaryInput,
        response: {
          200: blockInterpretation,
          400: errorBody,
          404: errorBody,
          409: errorBody,
          422: errorBody,
        },
      },
    },
    (req) => closeDiary(svc, req.ctx, req.params.id, req.body),
  );
}

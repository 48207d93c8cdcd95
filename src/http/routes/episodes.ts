import { createEpisode } from '../../app/episodes/create-episode.js';
import { evaluateEpisode } from '../../app/episodes/evaluate-episode.js';
import { getEpisode } from '../../app/episodes/get-episode.js';
import { getEpisodeCase } from '../../app/episodes/get-episode-case.js';
import { listEpisodes } from '../../app/episodes/list-episodes.js';
import { updateEpisode } from '../../app/episodes/update-episode.js';
import type { Services } from '../../app/services.js';
import { caseSchema } from '../../contract/case.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import {
  episode,
  episodeChart,
  episodeInput,
  episodeList,
  episodeUpdate,
  evaluationQuery,
} from '../../contract/episodes.js';
import { evaluationResult } from '../../contract/result.js';
import type { ZodApp } from './types.js';

const tags = ['episodes'];

export function episodeRoutes(app: ZodApp, svc: Services): void {
  app.post(
    '/api/v1/patients/:id/episodes',
    {
      config: { auth: 'episodes:write' },
      schema: {
        tags,
        summary: 'Open an episode: a complaint in one region with its screening facts',
        params: uuidParam,
        body: episodeInput,
        response: { 201: episode, 400: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await createEpisode(svc, req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/patients/:id/episodes',
    {
      config: { auth: 'episodes:read' },
      schema: {
        tags,
        summary: "A patient's episodes",
        params: uuidParam,
        response: { 200: episodeList, 404: errorBody },
      },
    },
    (req) => listEpisodes(svc, req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/episodes/:id',
    {
      config: { auth: 'episodes:read' },
      schema: {
        tags,
        summary: 'An episode with its procedures, diaries and follow-ups (the chart)',
        params: uuidParam,
        response: { 200: episodeChart, 404: errorBody },
      },
    },
    (req) => getEpisode(svc, req.ctx, req.params.id),
  );
  app.patch(
    '/api/v1/episodes/:id',
    {
      config: { auth: 'episodes:write' },
      schema: {
        tags,
        summary: 'Change the complaint facts, the status (open/closed) or the location',
        params: uuidParam,
        body: episodeUpdate,
        response: { 200: episode, 400: errorBody, 404: errorBody },
      },
    },
    (req) => updateEpisode(svc, req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/episodes/:id/case',
    {
      config: { auth: 'evaluation:read' },
      schema: {
        tags,
        summary: 'The episode as a case file (docs/case-format.md) proposing one of its planned procedures',
        params: uuidParam,
        querystring: evaluationQuery,
        response: { 200: caseSchema, 404: errorBody, 422: errorBody },
      },
    },
    (req) => getEpisodeCase(svc, req.ctx, req.params.id, req.query),
  );
  app.get(
    '/api/v1/episodes/:id/evaluation',
    {
      config: { auth: 'evaluation:read' },
      schema: {
        tags: [...tags, 'evaluation'],
        summary: 'The payer-policy decision for a planned procedure: the same result as `facetpath evaluate`',
        params: uuidParam,
        querystring: evaluationQuery,
        response: { 200: evaluationResult, 404: errorBody, 422: errorBody },
      },
    },
    (req) => evaluateEpisode(svc, req.ctx, req.params.id, req.query),
  );
}

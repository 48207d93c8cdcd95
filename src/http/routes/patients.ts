import { createPatient } from '../../app/patients/create-patient.js';
import { getPatient } from '../../app/patients/get-patient.js';
import { listPatients } from '../../app/patients/list-patients.js';
import { getCoverage, setCoverage } from '../../app/patients/set-coverage.js';
import { updatePatient } from '../../app/patients/update-patient.js';
import type { Services } from '../../app/services.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import {
  coverage,
  coverageInput,
  patient,
  patientInput,
  patientListQuery,
  patientPage,
  patientUpdate,
} from '../../contract/patients.js';
import type { ZodApp } from './types.js';

const tags = ['patients'];

export function patientRoutes(app: ZodApp, svc: Services): void {
  app.get(
    '/api/v1/patients',
    {
      config: { auth: 'patients:read' },
      schema: {
        tags,
        summary: 'List patients (search by name or MRN)',
        querystring: patientListQuery,
        response: { 200: patientPage },
      },
    },
    (req) => listPatients(svc, req.ctx, req.query),
  );
  app.post(
    '/api/v1/patients',
    {
      config: { auth: 'patients:write' },
      schema: {
        tags,
        summary: 'Create a patient',
        body: patientInput,
        response: { 201: patient, 400: errorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await createPatient(svc, req.ctx, req.body)),
  );
  app.get(
    '/api/v1/patients/:id',
    {
      config: { auth: 'patients:read' },
      schema: {
        tags,
        summary: 'Read a patient',
        params: uuidParam,
        response: { 200: patient, 404: errorBody },
      },
    },
    (req) => getPatient(svc, req.ctx, req.params.id),
  );
  app.patch(
    '/api/v1/patients/:id',
    {
      config: { auth: 'patients:write' },
      schema: {
        tags,
        summary: 'Update a patient',
        params: uuidParam,
        body: patientUpdate,
        response: { 200: patient, 404: errorBody },
      },
    },
    (req) => updatePatient(svc, req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/patients/:id/coverage',
    {
      config: { auth: 'patients:read' },
      schema: {
        tags,
        summary: "The patient's active coverage",
        params: uuidParam,
        response: { 200: coverage, 404: errorBody },
      },
    },
    (req) => getCoverage(svc, req.ctx, req.params.id),
  );
  app.put(
    '/api/v1/patients/:id/coverage',
    {
      config: { auth: 'patients:write' },
      schema: {
        tags,
        summary: 'Set the active coverage (replaces the previous one)',
        params: uuidParam,
        body: coverageInput,
        response: { 200: coverage, 404: errorBody },
      },
    },
    (req) => setCoverage(svc, req.ctx, req.params.id, req.body),
  );
}

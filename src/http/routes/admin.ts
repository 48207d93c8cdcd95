import { getAccessHistory } from '../../app/admin/access-history.js';
import { createLocation, getLocation, listLocations, updateLocation } from '../../app/admin/locations.js';
import { getPolicies, setPolicies } from '../../app/admin/policies.js';
import {
  createStaff,
  deactivateStaff,
  getStaff,
  listStaff,
  reactivateStaff,
  resetPassword,
  updateStaff,
} from '../../app/admin/staff.js';
import type { Services } from '../../app/services.js';
import {
  accessHistory,
  location,
  locationInput,
  locationList,
  locationListQuery,
  locationUpdate,
  passwordReset,
  policiesInput,
  practicePolicies,
  staffInput,
  staffList,
  staffMember,
  staffUpdate,
} from '../../contract/admin.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import type { ZodApp } from './types.js';

export function adminRoutes(app: ZodApp, svc: Services): void {
  const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  // Locations
  app.get(
    '/api/v1/locations',
    {
      config: { auth: 'locations:read' },
      schema: {
        tags: ['locations'],
        summary: "The practice's locations (?active=true for open ones only)",
        querystring: locationListQuery,
        response: { 200: locationList },
      },
    },
    (req) => listLocations(svc, req.ctx, req.query),
  );
  app.get(
    '/api/v1/locations/:id',
    {
      config: { auth: 'locations:read' },
      schema: {
        tags: ['locations'],
        summary: 'Read a location',
        params: uuidParam,
        response: { 200: location, ...errors },
      },
    },
    (req) => getLocation(svc, req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/locations',
    {
      config: { auth: 'locations:write' },
      schema: {
        tags: ['locations'],
        summary: 'Create a location',
        body: locationInput,
        response: { 201: location, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createLocation(svc, req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/locations/:id',
    {
      config: { auth: 'locations:write' },
      schema: {
        tags: ['locations'],
        summary: 'Change a location (active: false closes it)',
        params: uuidParam,
        body: locationUpdate,
        response: { 200: location, ...errors },
      },
    },
    (req) => updateLocation(svc, req.ctx, req.params.id, req.body),
  );

  // Staff
  const staffTags = ['staff'];
  app.get(
    '/api/v1/staff',
    {
      config: { auth: 'staff:read' },
      schema: { tags: staffTags, summary: 'Staff accounts of the practice', response: { 200: staffList } },
    },
    (req) => listStaff(svc, req.ctx),
  );
  app.get(
    '/api/v1/staff/:id',
    {
      config: { auth: 'staff:read' },
      schema: {
        tags: staffTags,
        summary: 'Read a staff account',
        params: uuidParam,
        response: { 200: staffMember, ...errors },
      },
    },
    (req) => getStaff(svc, req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/staff',
    {
      config: { auth: 'staff:write' },
      schema: {
        tags: staffTags,
        summary: 'Create a staff account (initial password of at least 12 characters)',
        body: staffInput,
        response: { 201: staffMember, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createStaff(svc, req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/staff/:id',
    {
      config: { auth: 'staff:write' },
      schema: {
        tags: staffTags,
        summary: "Change a staff member's name or role",
        params: uuidParam,
        body: staffUpdate,
        response: { 200: staffMember, ...errors },
      },
    },
    (req) => updateStaff(svc, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/staff/:id/deactivate',
    {
      config: { auth: 'staff:write' },
      schema: {
        tags: staffTags,
        summary: 'Deactivate a staff account (its sessions end)',
        params: uuidParam,
        response: { 200: staffMember, ...errors },
      },
    },
    (req) => deactivateStaff(svc, req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/staff/:id/reactivate',
    {
      config: { auth: 'staff:write' },
      schema: {
        tags: staffTags,
        summary: 'Reactivate a staff account',
        params: uuidParam,
        response: { 200: staffMember, ...errors },
      },
    },
    (req) => reactivateStaff(svc, req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/staff/:id/reset-password',
    {
      config: { auth: 'staff:write' },
      schema: {
        tags: staffTags,
        summary: "Set a new password (clears a lockout; the user's sessions end)",
        params: uuidParam,
        body: passwordReset,
        response: { 200: staffMember, ...errors },
      },
    },
    (req) => resetPassword(svc, req.ctx, req.params.id, req.body.password),
  );

  // Practice settings
  app.get(
    '/api/v1/practice/policies',
    {
      config: { auth: 'practice:read' },
      schema: {
        tags: ['practice'],
        summary: 'The payer policy used for each coverage kind, and the catalog to choose from',
        response: { 200: practicePolicies },
      },
    },
    (req) => getPolicies(svc, req.ctx),
  );
  app.put(
    '/api/v1/practice/policies',
    {
      config: { auth: 'practice:write' },
      schema: {
        tags: ['practice'],
        summary: 'Choose the payer policy for each coverage kind (ids from the catalog)',
        body: policiesInput,
        response: { 200: practicePolicies, ...errors },
      },
    },
    (req) => setPolicies(svc, req.ctx, req.body),
  );

  // Access history
  app.get(
    '/api/v1/patients/:id/access-history',
    {
      config: { auth: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: "Who read or changed the patient's records, when, in which request (newest first)",
        params: uuidParam,
        response: { 200: accessHistory, ...errors },
      },
    },
    (req) => getAccessHistory(svc, req.ctx, req.params.id),
  );
}

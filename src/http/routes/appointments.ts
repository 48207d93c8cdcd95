import { z } from 'zod';
import {
  createAppointment,
  deleteAppointment,
  getAppointment,
  listAppointments,
  listPhysicians,
  updateAppointment,
} from '../../app/appointments/appointments.js';
import type { Services } from '../../app/services.js';
import {
  appointment,
  appointmentInput,
  appointmentList,
  appointmentListQuery,
  appointmentUpdate,
  physicianList,
} from '../../contract/appointments.js';
import { errorBody, uuidParam } from '../../contract/common.js';
import type { ZodApp } from './types.js';

const tags = ['appointments'];

export function appointmentRoutes(app: ZodApp, svc: Services): void {
  const errors = { 400: errorBody, 404: errorBody, 409: errorBody };
  app.get(
    '/api/v1/appointments',
    {
      config: { auth: 'appointments:read' },
      schema: {
        tags,
        summary: "A day's appointments (date counted in tz, default UTC), by location or physician",
        querystring: appointmentListQuery,
        response: { 200: appointmentList },
      },
    },
    (req) => listAppointments(svc, req.ctx, req.query),
  );
  app.get(
    '/api/v1/physicians',
    {
      config: { auth: 'appointments:read' },
      schema: {
        tags,
        summary: "The practice's active physicians, to book appointments with",
        response: { 200: physicianList },
      },
    },
    (req) => listPhysicians(svc, req.ctx),
  );
  app.post(
    '/api/v1/appointments',
    {
      config: { auth: 'appointments:write' },
      schema: {
        tags,
        summary: 'Book an appointment (409 when the room or the physician is already booked then)',
        body: appointmentInput,
        response: { 201: appointment, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createAppointment(svc, req.ctx, req.body)),
  );
  app.get(
    '/api/v1/appointments/:id',
    {
      config: { auth: 'appointments:read' },
      schema: {
        tags,
        summary: 'Read an appointment',
        params: uuidParam,
        response: { 200: appointment, 404: errorBody },
      },
    },
    (req) => getAppointment(svc, req.ctx, req.params.id),
  );
  app.patch(
    '/api/v1/appointments/:id',
    {
      config: { auth: 'appointments:write' },
      schema: {
        tags,
        summary: 'Change, reschedule or cancel (status: cancelled) an appointment',
        params: uuidParam,
        body: appointmentUpdate,
        response: { 200: appointment, ...errors },
      },
    },
    (req) => updateAppointment(svc, req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/appointments/:id',
    {
      config: { auth: 'appointments:write' },
      schema: {
        tags,
        summary: 'Delete an appointment booked in error',
        params: uuidParam,
        response: { 204: z.null(), 404: errorBody },
      },
    },
    async (req, reply) => {
      await deleteAppointment(svc, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}

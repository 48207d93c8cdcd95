import type { CoverageRow, PatientRow } from '../../store/patients.js';

export const patientDto = (r: PatientRow) => ({
  id: r.id,
  mrn: r.mrn,
  givenName: r.givenName,
  familyName: r.familyName,
  birthDate: r.birthDate,
  phone: r.phone,
  email: r.email,
  language: r.language,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const coverageDto = (r: CoverageRow) => ({
  id: r.id,
  patientId: r.patientId,
  kind: r.kind,
  state: r.state,
  payerName: r.payerName,
  memberId: r.memberId,
  policy: r.policy,
  active: r.active,
});

import type { DiaryLinkDto } from '../../contract/diary-links.js';
import type { DiaryLinkRow } from '../../store/diary-links.js';

export function linkStatus(row: DiaryLinkRow, now: Date): DiaryLinkDto['status'] {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export const diaryLinkDto = (row: DiaryLinkRow, now: Date): DiaryLinkDto => ({
  id: row.id,
  procedureId: row.procedureId,
  status: linkStatus(row, now),
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

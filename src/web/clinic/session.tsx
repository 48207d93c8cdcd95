/**
 * The signed-in staff member. The session lives in an httpOnly cookie the page cannot read; the page asks
 * GET /api/v1/auth/session who it is and keeps the CSRF token for writes.
 */
import { createContext, useContext } from 'react';

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'physician' | 'coordinator' | string;
  practiceId: string;
}

export interface SessionValue {
  user: StaffUser;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

export interface SessionBody {
  csrfToken: string;
  expiresAt: string;
  user: StaffUser;
}

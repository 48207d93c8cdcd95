/**
 * Practice administration over HTTP on both databases: locations, staff accounts, policy settings and a
 * patient's access history; admin-only routes, tenant isolation and validation paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice } from '../../src/app/admin/create-practice.js';
import { PASSWORD, type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const NEW_PASSWORD = 'a different long passphrase';

describe.each(testDatabases)('practice administration over HTTP on $name', (db) => {
  let t: TestApp;
  let admin: Session;
  let otherAdmin: Session;
  let coordinator: Session;
  let physician: Session;

  let address = 0;
  async function signInAs(email: string, password = PASSWORD) {
    // A new client address each time: these tests sign in more often than the per-address rate limit allows.
    address++;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: `10.0.${address >> 8}.${address & 255}`,
      payload: { email, password },
    });
    if (res.statusCode !== 200) return { status: res.statusCode, session: null };
    const cookie = res.cookies.find((c) => c.name === 'fp_session')!;
    const body = res.json();
    return {
      status: 200,
      session: {
        cookie: `fp_session=${cookie.value}`,
        csrf: body.csrfToken,
        userId: body.user.id,
        practiceId: body.user.practiceId,
      } as Session,
    };
  }

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await t.signIn(0, 'admin');
    otherAdmin = await t.signIn(1, 'admin');
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
  }, 60_000);
  afterAll(() => t?.close());

  const clinic = {
    name: 'Downtown Clinic',
    address: '1 Main St, Columbus, OH 43215',
    phone: '+1 614 555 0100',
    state: 'OH',
    rooms: ['OR 1', 'C-arm 2'],
  };

  describe('locations', () => {
    it('admins create and change locations; every staff member reads them', async () => {
      const created = await t.call(admin, 'POST', '/api/v1/locations', clinic);
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect(created.json()).toMatchObject({ ...clinic, active: true });
      const changed = await t.call(admin, 'PATCH', `/api/v1/locations/${id}`, { rooms: ['OR 1', 'OR 3'] });
      expect(changed.json().rooms).toEqual(['OR 1', 'OR 3']);
      const seen = await t.call(coordinator, 'GET', '/api/v1/locations');
      expect(seen.statusCode).toBe(200);
      expect(seen.json().items.find((l: { id: string }) => l.id === id).rooms).toEqual(['OR 1', 'OR 3']);
      expect((await t.call(physician, 'GET', `/api/v1/locations/${id}`)).json().name).toBe(clinic.name);
      await t.call(admin, 'PATCH', `/api/v1/locations/${id}`, { active: false });
      const open = (await t.call(coordinator, 'GET', '/api/v1/locations?active=true')).json().items;
      expect(open.map((l: { id: string }) => l.id)).not.toContain(id);
      const closed = (await t.call(coordinator, 'GET', '/api/v1/locations?active=false')).json().items;
      expect(closed.map((l: { id: string }) => l.id)).toContain(id);
    });

    it('only admins change locations', async () => {
      expect((await t.call(coordinator, 'POST', '/api/v1/locations', clinic)).statusCode).toBe(403);
      expect((await t.call(physician, 'POST', '/api/v1/locations', clinic)).statusCode).toBe(403);
    });

    it('names the path of bad input', async () => {
      const res = await t.call(admin, 'POST', '/api/v1/locations', {
        ...clinic,
        state: 'XX',
        rooms: ['OR 1', 'OR 1'],
        extra: true,
      });
      expect(res.statusCode).toBe(400);
      const paths = res.json().error.issues.map((i: { path: string }) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['body.state', 'body.rooms']));
    });

    it("answers another practice's location as unknown and leaves it unchanged", async () => {
      const id = (await t.call(admin, 'POST', '/api/v1/locations', clinic)).json().id;
      const foreign = await t.call(otherAdmin, 'PATCH', `/api/v1/locations/${id}`, { name: 'Taken' });
      const unknown = await t.call(
        otherAdmin,
        'PATCH',
        '/api/v1/locations/00000000-0000-4000-8000-000000000000',
        {
          name: 'Taken',
        },
      );
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.message).toBe(unknown.json().error.message);
      expect((await t.call(otherAdmin, 'GET', `/api/v1/locations/${id}`)).statusCode).toBe(404);
      expect((await t.call(admin, 'GET', `/api/v1/locations/${id}`)).json().name).toBe(clinic.name);
      const theirs = (await t.call(otherAdmin, 'GET', '/api/v1/locations')).json().items;
      expect(theirs.map((l: { id: string }) => l.id)).not.toContain(id);
    });
  });

  describe('staff', () => {
    const email = () => `new.${Math.random().toString(36).slice(2, 10)}@example.org`;

    it('creates an account that can sign in, with the password stored as an argon2id hash', async () => {
      const e = email();
      const res = await t.call(admin, 'POST', '/api/v1/staff', {
        email: e,
        name: 'Dr Grace Lee',
        role: 'physician',
        password: NEW_PASSWORD,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ email: e, role: 'physician', active: true });
      expect(res.json()).not.toHaveProperty('passwordHash');
      const [row] = await t.svc.database.query<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE id = $1',
        [res.json().id],
      );
      expect(row!.password_hash.startsWith('$argon2id$')).toBe(true);
      expect((await signInAs(e, NEW_PASSWORD)).status).toBe(200);
      const list = (await t.call(admin, 'GET', '/api/v1/staff')).json().items;
      expect(list.map((u: { email: string }) => u.email)).toContain(e);
    });

    it('refuses a short password and a used email, naming the path', async () => {
      const short = await t.call(admin, 'POST', '/api/v1/staff', {
        email: email(),
        name: 'X',
        role: 'coordinator',
        password: 'elevenchars',
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.password');
      const used = await t.call(admin, 'POST', '/api/v1/staff', {
        email: t.practices[1]!.users.physician.email.toUpperCase(),
        name: 'X',
        role: 'coordinator',
        password: NEW_PASSWORD,
      });
      expect(used.statusCode).toBe(409);
      const badRole = await t.call(admin, 'POST', '/api/v1/staff', {
        email: email(),
        name: 'X',
        role: 'owner',
        password: NEW_PASSWORD,
      });
      expect(badRole.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.role');
    });

    it('changes name and role; deactivating ends the sessions; reactivating lets the user back', async () => {
      const e = email();
      const id = (
        await t.call(admin, 'POST', '/api/v1/staff', {
          email: e,
          name: 'Sam',
          role: 'coordinator',
          password: NEW_PASSWORD,
        })
      ).json().id;
      const sam = (await signInAs(e, NEW_PASSWORD)).session!;
      expect((await t.call(sam, 'GET', '/api/v1/patients')).statusCode).toBe(200);
      const changed = await t.call(admin, 'PATCH', `/api/v1/staff/${id}`, {
        name: 'Samira',
        role: 'physician',
      });
      expect(changed.json()).toMatchObject({ name: 'Samira', role: 'physician' });
      const off = await t.call(admin, 'POST', `/api/v1/staff/${id}/deactivate`);
      expect(off.json().active).toBe(false);
      expect((await t.call(sam, 'GET', '/api/v1/patients')).statusCode).toBe(401);
      expect((await signInAs(e, NEW_PASSWORD)).status).toBe(401);
      const [{ n }] = (await t.svc.database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1',
        [id],
      )) as [{ n: number }];
      expect(n).toBe(0);
      await t.call(admin, 'POST', `/api/v1/staff/${id}/reactivate`);
      expect((await signInAs(e, NEW_PASSWORD)).status).toBe(200);
    });

    it('resets a password: the old one stops working, sessions end, a lockout clears', async () => {
      const e = email();
      const id = (
        await t.call(admin, 'POST', '/api/v1/staff', {
          email: e,
          name: 'Pat',
          role: 'coordinator',
          password: PASSWORD,
        })
      ).json().id;
      const pat = (await signInAs(e)).session!;
      for (let i = 0; i < 5; i++) await signInAs(e, 'wrong password, wrong');
      expect((await signInAs(e)).status).toBe(423);
      expect((await t.call(admin, 'GET', `/api/v1/staff/${id}`)).json().locked).toBe(true);
      const short = await t.call(admin, 'POST', `/api/v1/staff/${id}/reset-password`, { password: 'short' });
      expect(short.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.password');
      const reset = await t.call(admin, 'POST', `/api/v1/staff/${id}/reset-password`, {
        password: NEW_PASSWORD,
      });
      expect(reset.statusCode).toBe(200);
      expect(reset.json().locked).toBe(false);
      expect((await t.call(pat, 'GET', '/api/v1/patients')).statusCode).toBe(401);
      expect((await signInAs(e)).status).toBe(401);
      expect((await signInAs(e, NEW_PASSWORD)).status).toBe(200);
    });

    it('an admin cannot deactivate or demote themself', async () => {
      const self = await t.call(admin, 'POST', `/api/v1/staff/${admin.userId}/deactivate`);
      expect(self.statusCode).toBe(409);
      const demote = await t.call(admin, 'PATCH', `/api/v1/staff/${admin.userId}`, { role: 'physician' });
      expect(demote.statusCode).toBe(409);
      const me = (await t.call(admin, 'GET', `/api/v1/staff/${admin.userId}`)).json();
      expect(me).toMatchObject({ role: 'admin', active: true });
    });

    it('two admins demoting each other at once leave exactly one admin', async () => {
      const tag = Math.random().toString(36).slice(2, 8);
      const staff = ['a', 'b'].map((k) => ({
        email: `${k}.${tag}.${db.name}@example.org`,
        name: `Admin ${k}`,
        role: 'admin' as const,
        password: PASSWORD,
      }));
      const { practiceId, userIds } = await createPractice(t.svc, {
        name: 'Two Admins',
        slug: `two-${tag}`,
        staff,
      });
      const a = (await signInAs(staff[0]!.email)).session!;
      const b = (await signInAs(staff[1]!.email)).session!;
      const results = await Promise.all([
        t.call(a, 'PATCH', `/api/v1/staff/${userIds[1]}`, { role: 'coordinator' }),
        t.call(b, 'PATCH', `/api/v1/staff/${userIds[0]}`, { role: 'coordinator' }),
      ]);
      expect(results.map((r) => r.statusCode).filter((s) => s === 200)).toHaveLength(1);
      const admins = await t.svc.database.query<{ id: string }>(
        "SELECT id FROM users WHERE practice_id = $1 AND role = 'admin' AND active",
        [practiceId],
      );
      expect(admins).toHaveLength(1);
    });

    it('non-admins get 403 on every staff route', async () => {
      const target = t.practices[0]!.users.coordinator.id;
      for (const s of [coordinator, physician]) {
        expect((await t.call(s, 'GET', '/api/v1/staff')).statusCode).toBe(403);
        expect((await t.call(s, 'GET', `/api/v1/staff/${target}`)).statusCode).toBe(403);
        expect(
          (
            await t.call(s, 'POST', '/api/v1/staff', {
              email: email(),
              name: 'X',
              role: 'admin',
              password: NEW_PASSWORD,
            })
          ).statusCode,
        ).toBe(403);
        expect((await t.call(s, 'PATCH', `/api/v1/staff/${target}`, { role: 'admin' })).statusCode).toBe(403);
        expect((await t.call(s, 'POST', `/api/v1/staff/${target}/deactivate`)).statusCode).toBe(403);
        expect(
          (await t.call(s, 'POST', `/api/v1/staff/${target}/reset-password`, { password: NEW_PASSWORD }))
            .statusCode,
        ).toBe(403);
      }
      expect((await t.call(admin, 'GET', `/api/v1/staff/${target}`)).json()).toMatchObject({
        role: 'coordinator',
        active: true,
      });
    });

    it("answers another practice's staff as unknown and changes nothing", async () => {
      const target = t.practices[0]!.users.physician.id;
      for (const [method, url, body] of [
        ['GET', `/api/v1/staff/${target}`, undefined],
        ['PATCH', `/api/v1/staff/${target}`, { name: 'Hacked' }],
        ['POST', `/api/v1/staff/${target}/deactivate`, undefined],
        ['POST', `/api/v1/staff/${target}/reset-password`, { password: NEW_PASSWORD }],
      ] as const) {
        const res = await t.call(otherAdmin, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await t.call(admin, 'GET', `/api/v1/staff/${target}`)).json()).toMatchObject({
        name: 'physician 0',
        active: true,
      });
      expect((await signInAs(t.practices[0]!.users.physician.email)).status).toBe(200);
      const theirs = (await t.call(otherAdmin, 'GET', '/api/v1/staff')).json().items;
      expect(theirs.map((u: { id: string }) => u.id)).not.toContain(target);
    });
  });

  describe('policy settings', () => {
    it('admins choose a catalog policy per coverage kind; all staff read the choice', async () => {
      const before = await t.call(physician, 'GET', '/api/v1/practice/policies');
      expect(before.statusCode).toBe(200);
      const ids = before.json().catalog.map((p: { id: string }) => p.id);
      expect(ids).toEqual(t.svc.policies.map((p) => p.id));
      // Each catalog entry carries its versions with effective dates and source citations.
      const medicare = before.json().catalog.find((p: { id: string }) => p.id === 'medicare-lcd-facet');
      expect(medicare.versions.length).toBeGreaterThan(0);
      expect(medicare.versions[0]).toEqual({
        version: expect.any(String),
        effective: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        summary: expect.any(String),
        source: expect.stringMatching(/\S/),
      });
      const choice = { commercial: 'example-commercial', 'medicare-advantage': 'medicare-lcd-facet' };
      const put = await t.call(admin, 'PUT', '/api/v1/practice/policies', { policyByCoverage: choice });
      expect(put.statusCode).toBe(200);
      expect((await t.call(coordinator, 'GET', '/api/v1/practice/policies')).json().policyByCoverage).toEqual(
        choice,
      );
      const [row] = await t.svc.database.query<{ policy_by_coverage: unknown }>(
        'SELECT policy_by_coverage FROM practices WHERE id = $1',
        [admin.practiceId],
      );
      expect(row!.policy_by_coverage).toEqual(choice);
      expect((await t.call(otherAdmin, 'GET', '/api/v1/practice/policies')).json().policyByCoverage).toEqual(
        {},
      );
    });

    it('refuses an unknown policy or coverage kind, naming the path, and non-admins', async () => {
      const unknown = await t.call(admin, 'PUT', '/api/v1/practice/policies', {
        policyByCoverage: { medicare: 'no-such-policy' },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.issues[0].path).toBe('body.policyByCoverage.medicare');
      const kind = await t.call(admin, 'PUT', '/api/v1/practice/policies', {
        policyByCoverage: { veterans: 'consensus-2020' },
      });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.issues[0].path).toMatch(/^body\.policyByCoverage/);
      expect(
        (await t.call(coordinator, 'PUT', '/api/v1/practice/policies', { policyByCoverage: {} })).statusCode,
      ).toBe(403);
    });
  });

  describe('access history', () => {
    it('shows who did what to a patient, when and in which request; reading it is audited', async () => {
      const created = await t.call(coordinator, 'POST', '/api/v1/patients', {
        givenName: 'Ada',
        familyName: 'Quinn',
        birthDate: '1950-01-01',
      });
      const id = created.json().id;
      const read = await t.call(physician, 'GET', `/api/v1/patients/${id}`);
      const res = await t.call(admin, 'GET', `/api/v1/patients/${id}/access-history`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(
        items.map((e: { action: string; actorName: string; requestId: string }) => [
          e.action,
          e.actorName,
          e.requestId,
        ]),
      ).toEqual([
        ['read', 'physician 0', read.headers['x-request-id'] ?? expect.any(String)],
        ['create', 'coordinator 0', expect.any(String)],
      ]);
      expect(items[0].actorId).toBe(physician.userId);
      const audited = await t.svc.database.query<{ actor_id: string }>(
        "SELECT actor_id FROM audit_events WHERE entity = 'access-history' AND patient_id = $1",
        [id],
      );
      expect(audited.map((e) => e.actor_id)).toEqual([admin.userId]);
      const again = (await t.call(admin, 'GET', `/api/v1/patients/${id}/access-history`)).json().items;
      expect(again[0]).toMatchObject({ action: 'read', entity: 'access-history', actorId: admin.userId });
    });

    it('is for admins of the patient’s practice only', async () => {
      const id = (
        await t.call(coordinator, 'POST', '/api/v1/patients', {
          givenName: 'B',
          familyName: 'C',
          birthDate: '1960-02-02',
        })
      ).json().id;
      expect((await t.call(coordinator, 'GET', `/api/v1/patients/${id}/access-history`)).statusCode).toBe(
        403,
      );
      expect((await t.call(physician, 'GET', `/api/v1/patients/${id}/access-history`)).statusCode).toBe(403);
      const foreign = await t.call(otherAdmin, 'GET', `/api/v1/patients/${id}/access-history`);
      const unknown = await t.call(
        otherAdmin,
        'GET',
        '/api/v1/patients/00000000-0000-4000-8000-000000000000/access-history',
      );
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.message).toBe(unknown.json().error.message);
      const leaked = await t.svc.database.query(
        "SELECT 1 FROM audit_events WHERE entity = 'access-history' AND patient_id = $1",
        [id],
      );
      expect(leaked).toHaveLength(0);
    });
  });
});

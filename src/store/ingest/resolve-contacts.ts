import type { EntityManager } from 'typeorm';
import { normaliseEmail, normalisePhone } from '../../domain/contacts/normalise';
import type { ContactRef } from '../../domain/model';
import { mergeContacts } from './merge-contacts';
import { query, unnestRows } from './sql';

export interface NormalisedRef {
  externalId?: string;
  email?: string;
  phone?: string;
}

/** Normal form of a ref; undefined when it names nobody (no usable id, e-mail or phone). */
export function normaliseRef(ref: ContactRef): NormalisedRef | undefined {
  const externalId = ref.externalId?.trim() || undefined;
  const email = normaliseEmail(ref.email);
  const phone = normalisePhone(ref.phone);
  if (!externalId && !email && !phone) return undefined;
  return { externalId, email, phone };
}

export interface ResolvedContacts {
  /** Contact id of each ref, in the order given. */
  ids: number[];
  /** Contacts created by this call. */
  created: number;
  /** Messages whose facts must be re-derived because merges moved events onto them. */
  touchedMessageIds: number[];
}

/**
 * Finds or creates the contact of every ref. Refs that share an external id, e-mail or phone within the batch
 * are one person; a person found under several existing contacts (an e-mail on one, the CRM id on another)
 * merges them into the oldest (contact_merge keeps the log).
 */
export async function resolveContacts(manager: EntityManager, workspaceId: number, source: string, refs: readonly NormalisedRef[]): Promise<ResolvedContacts> {
  const { groups, rootOf } = groupRefs(refs);
  const externalIds = unique(refs.map((ref) => ref.externalId));
  const emails = unique(refs.map((ref) => ref.email));
  const phones = unique(refs.map((ref) => ref.phone));

  const byExternalId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byPhone = new Map<string, number>();
  if (externalIds.length) {
    for (const row of await query<{ external_id: string; contact_id: number }>(
      manager,
      'SELECT external_id, contact_id FROM contact_identity WHERE workspace_id = $1 AND source = $2 AND external_id = ANY($3::text[])',
      [workspaceId, source, externalIds],
    )) byExternalId.set(row.external_id, row.contact_id);
  }
  if (emails.length) {
    for (const row of await query<{ email: string; id: number }>(
      manager,
      'SELECT email, id FROM contact WHERE workspace_id = $1 AND merged_into_id IS NULL AND email = ANY($2::text[])',
      [workspaceId, emails],
    )) byEmail.set(row.email, row.id);
  }
  if (phones.length) {
    for (const row of await query<{ phone: string; id: number }>(
      manager,
      'SELECT phone, id FROM contact WHERE workspace_id = $1 AND merged_into_id IS NULL AND phone = ANY($2::text[])',
      [workspaceId, phones],
    )) byPhone.set(row.phone, row.id);
  }

  const groupContact = new Map<number, number>();
  const toCreate: Array<{ group: number; email?: string; phone?: string }> = [];
  const touchedMessageIds: number[] = [];
  for (const [group, members] of groups) {
    const found = new Set<number>();
    let email: string | undefined;
    let phone: string | undefined;
    for (const index of members) {
      const ref = refs[index];
      if (ref.externalId && byExternalId.has(ref.externalId)) found.add(byExternalId.get(ref.externalId)!);
      if (ref.email && byEmail.has(ref.email)) found.add(byEmail.get(ref.email)!);
      if (ref.phone && byPhone.has(ref.phone)) found.add(byPhone.get(ref.phone)!);
      email ??= ref.email;
      phone ??= ref.phone;
    }
    if (found.size === 0) {
      toCreate.push({ group, email, phone });
      continue;
    }
    const [kept, ...others] = [...found].sort((a, b) => a - b);
    if (others.length) {
      const merged = await mergeContacts(manager, workspaceId, kept, others, `same person in ${source} import (shared e-mail, phone or id)`);
      touchedMessageIds.push(...merged.touchedMessageIds);
    }
    groupContact.set(group, kept);
  }

  if (toCreate.length) {
    const ids = await query<{ id: number }>(
      manager,
      `SELECT nextval(pg_get_serial_sequence('contact', 'id'))::bigint AS id FROM generate_series(1, $1::integer)`,
      [toCreate.length],
    );
    const rows = toCreate.map((entry, i) => ({ ...entry, id: ids[i].id }));
    const input = unnestRows(rows, [
      { name: 'id', type: 'bigint', value: (row) => row.id },
      { name: 'email', type: 'text', value: (row) => row.email },
      { name: 'phone', type: 'text', value: (row) => row.phone },
    ], 2);
    await manager.query(`INSERT INTO contact (workspace_id, id, email, phone) SELECT $1, id, email, phone FROM ${input.sql}`, [workspaceId, ...input.parameters]);
    for (const row of rows) groupContact.set(row.group, row.id);
  }

  const ids = refs.map((_, index) => groupContact.get(rootOf[index])!);
  await recordIdentities(manager, workspaceId, source, refs, ids);
  await fillMissingAddresses(manager, workspaceId, refs, ids);
  return { ids, created: toCreate.length, touchedMessageIds };
}

async function recordIdentities(manager: EntityManager, workspaceId: number, source: string, refs: readonly NormalisedRef[], ids: number[]) {
  const seen = new Set<string>();
  const rows: Array<{ externalId: string; contactId: number }> = [];
  refs.forEach((ref, index) => {
    if (ref.externalId && !seen.has(ref.externalId)) {
      seen.add(ref.externalId);
      rows.push({ externalId: ref.externalId, contactId: ids[index] });
    }
  });
  if (!rows.length) return;
  const input = unnestRows(rows, [
    { name: 'external_id', type: 'text', value: (row) => row.externalId },
    { name: 'contact_id', type: 'bigint', value: (row) => row.contactId },
  ], 3);
  await manager.query(
    `INSERT INTO contact_identity (workspace_id, source, external_id, contact_id) SELECT $1, $2, external_id, contact_id FROM ${input.sql}
     ON CONFLICT (workspace_id, source, external_id) DO NOTHING`,
    [workspaceId, source, ...input.parameters],
  );
}

/** A contact first known by phone gains the e-mail a later source gives it (and the other way round). */
async function fillMissingAddresses(manager: EntityManager, workspaceId: number, refs: readonly NormalisedRef[], ids: number[]) {
  const byContact = new Map<number, { email?: string; phone?: string }>();
  refs.forEach((ref, index) => {
    const entry = byContact.get(ids[index]) ?? {};
    entry.email ??= ref.email;
    entry.phone ??= ref.phone;
    byContact.set(ids[index], entry);
  });
  const rows = [...byContact].filter(([, entry]) => entry.email || entry.phone).map(([id, entry]) => ({ id, ...entry }));
  if (!rows.length) return;
  const input = unnestRows(rows, [
    { name: 'id', type: 'bigint', value: (row) => row.id },
    { name: 'email', type: 'text', value: (row) => row.email },
    { name: 'phone', type: 'text', value: (row) => row.phone },
  ], 2);
  // Only where the contact has none and no other live contact holds the address (that one would have merged).
  await manager.query(
    `UPDATE contact c SET email = COALESCE(c.email, input.email), phone = COALESCE(c.phone, input.phone), updated_at = now()
     FROM ${input.sql}
     WHERE c.workspace_id = $1 AND c.id = input.id
       AND ((c.email IS NULL AND input.email IS NOT NULL) OR (c.phone IS NULL AND input.phone IS NOT NULL))`,
    [workspaceId, ...input.parameters],
  );
}

/** Union-find over refs: shared external id, e-mail or phone puts two refs in one group. */
function groupRefs(refs: readonly NormalisedRef[]): { groups: Map<number, number[]>; rootOf: number[] } {
  const parent = refs.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstBy = new Map<string, number>();
  refs.forEach((ref, index) => {
    for (const key of [ref.externalId && `x:${ref.externalId}`, ref.email && `e:${ref.email}`, ref.phone && `p:${ref.phone}`]) {
      if (!key) continue;
      const first = firstBy.get(key);
      if (first === undefined) firstBy.set(key, index);
      else parent[find(index)] = find(first);
    }
  });
  const groups = new Map<number, number[]>();
  const rootOf = refs.map((_, index) => find(index));
  rootOf.forEach((root, index) => {
    const members = groups.get(root) ?? [];
    members.push(index);
    groups.set(root, members);
  });
  return { groups, rootOf };
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}

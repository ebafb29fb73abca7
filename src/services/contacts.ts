import type { EntityManager } from 'typeorm';
import { LIFECYCLE_PATH, type LifecycleStage } from '../domain/model';
import { Contact } from '../store/entities';
import type { Page } from '../schema/connection';
import { NotFoundError } from './errors';
import { paginate, type PageRequest } from './pagination';

export interface ContactFilter {
  stages?: LifecycleStage[] | null;
  /** Only contacts at LEAD or beyond on the path (the `leads` field). */
  leadsOnly?: boolean;
  email?: string | null;
  lastActivityAfter?: Date | null;
}

/** Stages that count as "a lead": LEAD and every later stage on the path. */
export const LEAD_STAGES: LifecycleStage[] = LIFECYCLE_PATH.slice(LIFECYCLE_PATH.indexOf('LEAD'));

export function listContacts(manager: EntityManager, workspaceId: number, filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
  const query = manager
    .getRepository(Contact)
    .createQueryBuilder('contact')
    .where('contact.workspaceId = :workspaceId', { workspaceId })
    .andWhere('contact.mergedIntoId IS NULL');
  if (filter.leadsOnly) query.andWhere('contact.lifecycleStage IN (:...leadStages)', { leadStages: LEAD_STAGES });
  if (filter.stages?.length) query.andWhere('contact.lifecycleStage IN (:...stages)', { stages: filter.stages });
  if (filter.email) query.andWhere('contact.email = :email', { email: filter.email.trim().toLowerCase() });
  if (filter.lastActivityAfter) query.andWhere('contact.lastActivityAt >= :after', { after: filter.lastActivityAfter });
  return paginate(query, 'contact', page);
}

/** A contact by id; a merged contact's id answers with the contact it was merged into. */
export async function getContact(manager: EntityManager, workspaceId: number, id: number): Promise<Contact> {
  const repository = manager.getRepository(Contact);
  let contact = Number.isSafeInteger(id) ? await repository.findOneBy({ workspaceId, id }) : null;
  for (let hops = 0; contact?.mergedIntoId && hops < 10; hops++) contact = await repository.findOneBy({ workspaceId, id: contact.mergedIntoId });
  if (!contact) throw new NotFoundError(`no contact ${id} in this workspace`);
  return contact;
}

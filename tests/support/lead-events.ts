import type { LeadEventBus, LeadTopic } from '../../src/services/engagement/bus';

/** A LeadEventBus that only records what is published, for tests of who publishes what and when. */
export function recordingBus(): LeadEventBus & { published: Array<{ topic: LeadTopic; workspaceId: number; payload: any }> } {
  const published: Array<{ topic: LeadTopic; workspaceId: number; payload: any }> = [];
  return {
    published,
    publish: (topic, workspaceId, payload) => void published.push({ topic, workspaceId, payload }),
    subscribe: () => {
      throw new Error('recordingBus does not deliver');
    },
    ready: async () => undefined,
  };
}

import { registerEnumType } from 'type-graphql';
import { BOUNCE_KINDS } from '../domain/model';
import { CLICK_RULES, DWELL_RULES, READ_CLASSES } from '../domain/tiers';
import { LEAD_ORDERS } from '../services/leads';
import { TIMELINE_KINDS } from '../services/engagement/timeline';

/** Enums of scoring, tiers and the lead list, generated from the domain's words (as schema/enums.ts does). */
function enumOf<T extends string>(words: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(words.map((word) => [word, word])) as { [K in T]: K };
}

export const DECAY_KINDS = ['NONE', 'HALF_LIFE', 'WINDOW'] as const;

export const ReadClassEnum = enumOf(READ_CLASSES);
export const BounceKindEnum = enumOf(BOUNCE_KINDS);
export const DecayKindEnum = enumOf(DECAY_KINDS);
export const ClickRuleEnum = enumOf(CLICK_RULES);
export const DwellRuleEnum = enumOf(DWELL_RULES);
export const TimelineKindEnum = enumOf(TIMELINE_KINDS);
export const LeadOrderEnum = enumOf(LEAD_ORDERS);

registerEnumType(ReadClassEnum, { name: 'ReadClass', description: 'Read class of a measured read time: glance, skim or deep read (thresholds are workspace settings).' });
registerEnumType(BounceKindEnum, { name: 'BounceKind' });
registerEnumType(DecayKindEnum, { name: 'DecayKind', description: 'How points fade: NONE keeps them, HALF_LIFE halves them every `days`, WINDOW drops them after `days`.' });
registerEnumType(ClickRuleEnum, { name: 'ClickRule', description: 'What counts as clicking: any human click, or a unique CTR at or above highClickRate.' });
registerEnumType(DwellRuleEnum, { name: 'DwellRule', description: 'What counts as dwelling: any deep read, or an average read at or above deepReadSeconds.' });
registerEnumType(TimelineKindEnum, { name: 'TimelineKind', description: 'What a timeline item is: an engagement event, points, a stage change or a tier change.' });
registerEnumType(LeadOrderEnum, { name: 'LeadOrder', description: 'Order of the leads list, highest or newest first.' });

import type { CampaignRecord } from '../../domain/model';
import type { CampaignSighting } from './map';

/**
 * Remembers which campaigns a file has already announced, so a campaign record is yielded the first time a
 * campaign appears — and once more if a later row names a campaign that so far only had a made-up name
 * (e.g. `marketing_campaign_name` missing on the first event, present on a later one). Holds one entry per
 * campaign, not per row, so memory stays small however long the file is.
 */
export class CampaignsSeen {
  private readonly named = new Map<string, boolean>();

  /** The campaign records to yield before the event that named this campaign (none if already known). */
  announce(sighting: CampaignSighting): CampaignRecord[] {
    const { externalId } = sighting.record;
    const known = this.named.get(externalId);
    if (known === true || (known === false && !sighting.named)) return [];
    this.named.set(externalId, sighting.named);
    return [sighting.record];
  }
}

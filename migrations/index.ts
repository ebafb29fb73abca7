/**
 * Every migration, in order. Migrations are generated from the entities (README, "Changing the schema"),
 * reviewed, and never edited after they land; tests/store/schema.test.ts fails when entities and migrations disagree.
 */
import { Initial1795439852636 } from './1795439852636-Initial';
import { EngagementScoringTiers1795442038296 } from './1795442038296-EngagementScoringTiers';
import { DeliveredUnlessBouncedConversionIndex1795444869401 } from './1795444869401-DeliveredUnlessBouncedConversionIndex';
import { ReportingViews1795450000000 } from './1795450000000-ReportingViews';
import { ConnectorSettings1795460000000 } from './1795460000000-ConnectorSettings';
import { MetricAlerts1796260807626 } from './1796260807626-MetricAlerts';
import { MessageRollups1796261143373 } from './1796261143373-MessageRollups';
import { ReportingScannerClicks1796262000000 } from './1796262000000-ReportingScannerClicks';
import { SyncCursors1796263171927 } from './1796263171927-SyncCursors';
import { VendorDailyStats1796278380543 } from './1796278380543-VendorDailyStats';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Initial1795439852636, EngagementScoringTiers1795442038296, DeliveredUnlessBouncedConversionIndex1795444869401,
  ReportingViews1795450000000,
  ConnectorSettings1795460000000,
  MetricAlerts1796260807626,
  MessageRollups1796261143373,
  ReportingScannerClicks1796262000000,
  SyncCursors1796263171927,
  VendorDailyStats1796278380543,
];

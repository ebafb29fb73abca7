/** GraphQL types of a vendor's own daily counters (kept for reconciliation beside our metrics). */
import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('VendorCounter')
export class VendorCounterType {
  @Field({ description: 'The vendor’s metric name, as it reports it (e.g. SendGrid "delivered", "unique_opens").' })
  name!: string;

  @Field(() => Float)
  value!: number;
}

@ObjectType('VendorDailyStats', { description: 'One day of a vendor’s own counters for the account or one of its categories, as the vendor reported them at the last pull.' })
export class VendorDailyStatsType {
  @Field()
  source!: string;

  @Field({ description: '"account", or "category:<name>".' })
  scope!: string;

  @Field({ description: 'The UTC day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => [VendorCounterType])
  counters!: VendorCounterType[];
}

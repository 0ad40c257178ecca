import { z } from 'zod';
import { ACTORS, HICP_THREATS } from './schema';

/**
 * The one filter state of the whole app. Every chart query, the drill-down grid and saved reports take
 * it; empty lists mean "no restriction".
 */
export const filtersSchema = z.object({
  dateFrom: z.iso.date().optional(),
  dateTo: z.iso.date().optional(),
  sources: z.array(z.string()).default([]),
  states: z.array(z.string()).default([]),
  entityTypes: z.array(z.string()).default([]),
  breachTypes: z.array(z.string()).default([]),
  locations: z.array(z.string()).default([]),
  actors: z.array(z.enum(ACTORS)).default([]),
  threats: z.array(z.enum(HICP_THREATS)).default([]),
  businessAssociate: z.boolean().optional(),
  minRecords: z.number().int().nonnegative().optional(),
  text: z.string().max(200).optional(),
});

export type Filters = z.output<typeof filtersSchema>;
export type FiltersInput = z.input<typeof filtersSchema>;

export const EMPTY_FILTERS: Filters = filtersSchema.parse({});

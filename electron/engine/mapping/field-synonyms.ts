import type { MappableField } from '../../../shared/api';

/**
 * Header names (normalised: lower case, single spaces) that suggest each field. Real exports were the
 * guide: OCR's portal, VERIS CSV exports, ServiceNow and Jira incident lists, spreadsheets kept by hand.
 */
export const FIELD_SYNONYMS: Readonly<Record<MappableField, readonly string[]>> = {
  case_id: ['case id', 'case', 'case number', 'case no', 'incident id', 'incident number', 'incident no', 'id', 'ticket', 'ticket id', 'ticket number', 'reference', 'ref', 'reference number', 'record id', 'uid', 'key', 'number'],
  entity: ['entity', 'entity name', 'name of covered entity', 'covered entity', 'organisation', 'organization', 'org', 'company', 'business', 'victim', 'victim name', 'victim id', 'facility', 'hospital', 'department', 'business unit', 'site'],
  entity_type: ['entity type', 'covered entity type', 'sector', 'industry', 'organisation type', 'organization type', 'org type', 'type of entity', 'victim industry', 'naics'],
  country: ['country', 'country code', 'nation', 'victim country'],
  state: ['state', 'province', 'region', 'state code', 'subdivision', 'us state'],
  reported_date: ['reported date', 'date reported', 'reported', 'report date', 'reported on', 'breach submission date', 'submission date', 'notification date', 'date notified', 'notified', 'disclosure date', 'date disclosed', 'opened', 'created', 'date created', 'date'],
  incident_date: ['incident date', 'date of incident', 'occurred', 'date occurred', 'occurred on', 'breach date', 'date of breach', 'event date', 'incident start', 'start date', 'incident start date'],
  records_affected: ['records affected', 'individuals affected', 'people affected', 'persons affected', 'number affected', 'affected', 'records', 'records exposed', 'records lost', 'records breached', 'individuals', 'impacted', 'count', 'records count', 'data total', 'victims'],
  breach_types: ['breach type', 'type of breach', 'incident type', 'type', 'category', 'incident category', 'attack type', 'attack vector', 'vector', 'cause', 'root cause', 'action', 'classification', 'threat'],
  locations: ['location', 'location of breached information', 'locations', 'asset', 'asset type', 'device', 'medium', 'media', 'system', 'where'],
  business_associate: ['business associate', 'business associate present', 'ba', 'ba involved', 'ba present', 'third party involved', 'vendor involved'],
  actor: ['actor', 'threat actor', 'actor type', 'actor category', 'perpetrator', 'attacker', 'source', 'threat source', 'responsible party', 'agent', 'who', 'insider or external'],
  description: ['description', 'summary', 'details', 'narrative', 'notes', 'comments', 'web description', 'what happened', 'incident description', 'incident summary', 'synopsis'],
};

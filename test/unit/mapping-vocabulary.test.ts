import { describe, expect, it } from 'vitest';
import { normaliseCountry, normaliseState } from '../../electron/engine/mapping/places';
import { BREACH_TYPE_RULES, LOCATION_RULES, normaliseList, threatFromWords } from '../../electron/engine/mapping/vocabulary';
import { naicsEntityType } from '../../electron/engine/sources/veris/naics';

describe("breach types, locations, threats and places in the canonical record's words", () => {
  it("puts breach types in OCR's words, splitting lists and keeping unknown words as written", () => {
    expect(normaliseList(BREACH_TYPE_RULES, 'Phishing; Hacking')).toEqual(['Hacking/IT Incident']);
    expect(normaliseList(BREACH_TYPE_RULES, 'Theft, lost laptop')).toEqual(['Loss', 'Theft']);
    expect(normaliseList(BREACH_TYPE_RULES, 'Unauthorised disclosure | Improper disposal')).toEqual(['Improper Disposal', 'Unauthorized Access/Disclosure']);
    expect(normaliseList(BREACH_TYPE_RULES, 'Fire')).toEqual(['Fire']);
  });

  it('puts locations in OCR\'s words (Email before Paper, which also matches "mail")', () => {
    expect(normaliseList(LOCATION_RULES, 'E-mail')).toEqual(['Email']);
    expect(normaliseList(LOCATION_RULES, 'Paper records; mail')).toEqual(['Paper/Films']);
    expect(normaliseList(LOCATION_RULES, 'EHR, USB stick')).toEqual(['Electronic Medical Record', 'Other Portable Electronic Device']);
  });

  it('names the HICP threat from breach-type words, ransomware first', () => {
    expect(threatFromWords('Ransomware; Hacking')).toBe('ransomware');
    expect(threatFromWords('Phishing')).toBe('email_phishing');
    expect(threatFromWords('Stolen laptop')).toBe('loss_or_theft');
    expect(threatFromWords('Misdirected fax')).toBeNull();
  });

  it('takes two-letter country codes and known names, and rejects the rest', () => {
    expect(normaliseCountry('au')).toEqual({ code: 'AU', problem: null });
    expect(normaliseCountry('United States')).toEqual({ code: 'US', problem: null });
    expect(normaliseCountry('GBR')).toEqual({ code: 'GB', problem: null });
    expect(normaliseCountry('Narnia').problem).toMatch(/not an ISO 3166 country code/);
  });

  it('gives US and Australian state names their codes and keeps the rest', () => {
    expect(normaliseState('New York')).toBe('NY');
    expect(normaliseState('nsw')).toBe('NSW');
    expect(normaliseState('Queensland')).toBe('QLD');
    expect(normaliseState('Bavaria')).toBe('Bavaria');
  });

  it("maps VERIS NAICS codes to OCR's entity types, else to the NAICS sector", () => {
    expect(naicsEntityType('622110')).toBe('Healthcare Provider');
    expect(naicsEntityType('621')).toBe('Healthcare Provider');
    expect(naicsEntityType('524114')).toBe('Health Plan');
    expect(naicsEntityType('62')).toBe('Health Care and Social Assistance');
    expect(naicsEntityType('611310')).toBe('Educational Services');
    expect(naicsEntityType('Unknown')).toBeNull();
  });
});

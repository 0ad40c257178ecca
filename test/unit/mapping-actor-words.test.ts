import { describe, expect, it } from 'vitest';
import { actorMatcher, classifyActor } from '../../electron/engine/mapping/actor-words';

describe('classifyActor: the words of incident logs to VERIS actor kinds', () => {
  it.each([
    ['insider', 'internal'],
    ['Employee', 'internal'],
    ['employees', 'internal'],
    ['Rogue employee', 'internal'],
    ['nurse', 'internal'],
    ['hacker', 'external'],
    ['Hackers', 'external'],
    ['criminal group', 'external'],
    ['organised crime', 'external'],
    ['Nation-state', 'external'],
    ['former employee', 'external'],
    ['Ex-employee', 'external'],
    ['vendor', 'partner'],
    ['Supplier', 'partner'],
    ['contractor', 'partner'],
    ['Business Associate', 'partner'],
    ['third-party', 'partner'],
    ['external and employee', 'mixed'],
    ['Vendor / insider', 'mixed'],
  ])('%s -> %s', (text, actor) => {
    const result = classifyActor(text);
    expect(result.actor).toBe(actor);
    expect(result.problem).toBeNull();
  });

  it('names every kind it finds, in a fixed order', () => {
    expect(classifyActor('hacker helped by an employee and a vendor').actors).toEqual(['internal', 'external', 'partner']);
    expect(classifyActor('hacker helped by an employee and a vendor').actor).toBe('mixed');
  });

  it('empty and unknown-type words are unknown without a problem', () => {
    for (const text of ['', '  ', 'Unknown', 'n/a', 'Not specified', 'other']) {
      expect(classifyActor(text), text).toEqual({ actor: 'unknown', actors: [], problem: null });
    }
  });

  it('a word it does not know is a problem that says what to do', () => {
    const result = classifyActor('gremlin');
    expect(result.actor).toBe('unknown');
    expect(result.problem).toMatch(/^unknown actor word "gremlin": expected words for internal .* add it to the mapping's actor words$/);
  });

  it("takes the mapping's own words, escaped (not read as patterns)", () => {
    const classify = actorMatcher({ external: ['gremlin', 'a.b+'], internal: ['locum'] });
    expect(classify('Gremlins').actor).toBe('external');
    expect(classify('a.b+').actor).toBe('external');
    expect(classify('axb').problem).not.toBeNull();
    expect(classify('locum and gremlin').actor).toBe('mixed');
  });
});

import { describe, expect, it } from 'vitest';
import { describeProblem, fieldErrors, problemCode } from './problem';

describe('problem parsing', () => {
  it('maps errors[].field and errors[].pointer to form fields', () => {
    expect(fieldErrors({ errors: [{ field: 'name', message: 'must not be blank' }, { pointer: '/webhook/url', message: 'refused' }] }))
      .toEqual({ name: 'must not be blank', url: 'refused' });
  });

  it('maps the rules API pointer and key to the field the detail belongs to', () => {
    expect(fieldErrors({ detail: 'request body:1:1: over: window must be positive', pointer: '/over' })).toEqual({ over: 'request body:1:1: over: window must be positive' });
    expect(fieldErrors({ detail: 'unknown key', key: 'rules[3].colour' })).toEqual({ colour: 'unknown key' });
  });

  it('names the code of a problem type', () => {
    expect(problemCode({ type: 'urn:chain-monitor:problem:bad-credentials' })).toBe('bad-credentials');
    expect(problemCode({ type: 'https://chain-monitor.io/problems/csrf' })).toBe('csrf');
    expect(problemCode({ type: 'about:blank' })).toBeUndefined();
  });

  it('does not repeat a title the detail already starts with', () => {
    expect(describeProblem({ title: 'Invalid rule set', detail: 'Invalid rule set at line 3' })).toBe('Invalid rule set at line 3');
    expect(describeProblem({}, 429)).toBe('Too many attempts; wait a moment');
  });
});

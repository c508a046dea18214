import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Rule } from './model';
import { RuleEditor } from './RuleEditor';

const rule: Rule = {
  id: 'pow.block-propagation-slow', kind: 'threshold', title: 'Slow block propagation', severity: 'medium',
  metric: 'chain.propagation.delay', above: 2, over: '5 blocks', resolve: 1,
};

describe('the rule editor', () => {
  it('sends only what changed as a merge patch, numbers as numbers', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<RuleEditor rule={rule} onSave={onSave} onCancel={() => undefined} />);
    const above = screen.getByLabelText('Above (threshold)');
    await userEvent.clear(above);
    await userEvent.type(above, '3.5');
    await userEvent.clear(screen.getByLabelText('Resolve at'));
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'high');
    await userEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(onSave).toHaveBeenCalledWith({ above: 3.5, resolve: null, severity: 'high' });
  });

  it('shows the refusal next to the field the problem points at', async () => {
    const onSave = vi.fn().mockRejectedValue(new ApiError(400, {
      type: 'urn:chain-monitor:problem:invalid-rule-set', title: 'Invalid rule set', status: 400,
      detail: 'request body:1:9: over: a window is N blocks or a time span, not "0 blocks"', reason: 'invalid_window', pointer: '/over',
    }));
    render(<RuleEditor rule={rule} onSave={onSave} onCancel={() => undefined} />);
    const over = screen.getByLabelText('Window (e.g. 5 blocks, 30s)');
    await userEvent.clear(over);
    await userEvent.type(over, '0 blocks');
    await userEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByTestId('field-error-over')).toHaveTextContent('a window is N blocks or a time span, not "0 blocks"');
    expect(over).toHaveAttribute('aria-invalid', 'true');
    expect(over).toHaveAccessibleDescription(/a window is N blocks/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refusal that names no field above the buttons', async () => {
    const onSave = vi.fn().mockRejectedValue(new ApiError(412, { title: 'Version mismatch', status: 412, detail: 'the rules are at version 7, not 6' }));
    render(<RuleEditor rule={rule} onSave={onSave} onCancel={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Above (threshold)'), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Version mismatch: the rules are at version 7, not 6');
  });

  it('closes without a request when nothing changed', async () => {
    const onSave = vi.fn();
    const onCancel = vi.fn();
    render(<RuleEditor rule={rule} onSave={onSave} onCancel={onCancel} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalled();
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInProject } from '../../test/renderInProject';
import { fakeApi, json } from '../../test/fakeApi';
import type { ProjectContext } from '../ProjectNav';
import type { RuleSetView } from './model';
import { RulesPage } from './RulesPage';

const context: ProjectContext = {
  project: { id: 'p1', name: 'ltc', chainType: 'litecoin-regtest', replicas: { total: 1, locations: [] }, revision: 1, createdAt: '', updatedAt: '' },
  teamId: 't1', canEdit: true, canApprove: false, reloadProject: () => undefined,
};

function view(version: number, enabled: boolean): RuleSetView {
  return {
    projectId: 'p1', version, chainType: 'litecoin-regtest', basePack: 'pow',
    rules: { pack: 'pow', rules: [
      { id: 'pow.hashrate-surge', kind: 'change', title: 'Hashrate surge', severity: 'high', metric: 'chain.hashrate', percent: 50, over: '10 blocks', against: '10 blocks', enabled },
      { id: 'pow.51-percent', kind: 'composite', title: '51% attack', severity: 'extreme', attack: '51-percent', within: '12 blocks' },
    ] },
  };
}

const URL = '/api/t/t1/health/projects/p1/rules';

function renderRules() {
  return renderInProject(<RulesPage />, context);
}

describe('step 2: the rules page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('groups the rules and toggles one with a merge patch sent If-Match the ETag it read', async () => {
    const { calls } = fakeApi({
      [`GET ${URL}`]: () => json(200, view(4, true), { ETag: '"4"' }),
      [`PATCH ${URL}/pow.hashrate-surge`]: () => json(200, view(5, false), { ETag: '"5"' }),
    });
    renderRules();
    const group = await screen.findByRole('region', { name: 'Metrics: chain.hashrate' });
    expect(screen.getByRole('region', { name: 'Attack: 51-percent' })).toBeInTheDocument();
    const toggle = within(group).getByRole('checkbox', { name: /Hashrate surge/ });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    expect(await screen.findByTestId('rules-version')).toHaveTextContent('Version 5');
    expect(toggle).not.toBeChecked();
    const patch = calls.find((call) => call.key.startsWith('PATCH'))!;
    expect(patch.init.headers['If-Match']).toBe('"4"');
    expect(patch.init.headers['Content-Type']).toBe('application/merge-patch+json');
    expect(JSON.parse(String(patch.init.body))).toEqual({ enabled: false });
  });

  it('reloads the rules when somebody else changed them first (412) and says so', async () => {
    let version = 4;
    const { calls } = fakeApi({
      [`GET ${URL}`]: () => json(200, view(version, true), { ETag: `"${version}"` }),
      [`PATCH ${URL}/pow.hashrate-surge`]: () => {
        version = 6;
        return json(412, { type: 'urn:chain-monitor:problem:version-mismatch', title: 'Version mismatch', status: 412, detail: 'The rules are at version 6, not 4.', currentVersion: 6 });
      },
    });
    renderRules();
    await userEvent.click(await screen.findByRole('checkbox', { name: /Hashrate surge/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Version mismatch: The rules are at version 6, not 4.');
    expect(await screen.findByTestId('rules-version')).toHaveTextContent('Version 6');
    expect(calls.filter((call) => call.key === `GET ${URL}`)).toHaveLength(2);
  });

  it('imports a YAML file with PUT, If-Match, and shows where a bad one is wrong', async () => {
    const { calls } = fakeApi({
      [`GET ${URL}`]: () => json(200, view(4, true), { ETag: '"4"' }),
      [`PUT ${URL}`]: () => json(400, { type: 'urn:chain-monitor:problem:invalid-rule-set', title: 'Invalid rule set', status: 400,
        detail: 'request body:9:5: rules[0].colour: unknown key', line: 9, column: 5, key: 'rules[0].colour', pointer: '/rules/0/colour' }),
    });
    renderRules();
    await screen.findByTestId('rules-version');
    await userEvent.upload(screen.getByLabelText('Import YAML…'), new File(['pack: pow\nrules: []\n'], 'rules.yaml', { type: 'application/yaml' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid rule set: request body:9:5: rules[0].colour: unknown key');
    expect(screen.getByText('At line 9, column 5, key rules[0].colour.')).toBeInTheDocument();
    const put = calls.find((call) => call.key.startsWith('PUT'))!;
    expect(put.init.headers['If-Match']).toBe('"4"');
    expect(put.init.headers['Content-Type']).toBe('application/yaml');
    expect(put.init.body).toBe('pack: pow\nrules: []\n');
  });
});

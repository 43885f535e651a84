import { describe, expect, it } from 'vitest';
import { reconnectScore, reconnectWhy, suggestTriage, type TriageFacts } from './triage.ts';

const facts = (over: Partial<TriageFacts>): TriageFacts => ({
  title: null, organisation: null, organisationIsMine: false, organisationInGoal: false, sharedCommunities: [], connectedOn: null, ...over,
});

describe('triage suggestions', () => {
  it('puts a recruiter in the strategic network, with the reason in words', () => {
    const s = suggestTriage(facts({ title: 'Senior Technical Recruiter', organisation: 'Northstar' }));
    expect(s).toEqual({ rule: 'recruiter', network: 'strategic', connectionType: 'recruiter', reason: 'Recruiter at Northstar → strategic, recruiter' });
    expect(suggestTriage(facts({ title: 'Head of Talent Acquisition' })).rule).toBe('recruiter');
  });
  it('reads founders, investors, leaders, mentors and educators from the title', () => {
    expect(suggestTriage(facts({ title: 'Co-founder & CEO', organisation: 'Lumen' }))).toMatchObject({ rule: 'founder', network: 'strategic', reason: 'Founder at Lumen → strategic' });
    expect(suggestTriage(facts({ title: 'Partner, Venture Capital' }))).toMatchObject({ network: 'strategic', connectionType: 'financial-expert' });
    expect(suggestTriage(facts({ title: 'VP Product' }))).toMatchObject({ rule: 'leader', network: 'strategic' });
    expect(suggestTriage(facts({ title: 'Executive Coach' }))).toMatchObject({ network: 'personal', connectionType: 'mentor' });
    expect(suggestTriage(facts({ title: 'Senior Lecturer' }))).toMatchObject({ network: 'personal', connectionType: 'educator' });
  });
  it('does not read telling words inside other words', () => {
    expect(suggestTriage(facts({ title: 'Doctor' })).rule).toBe('no-clue');
    expect(suggestTriage(facts({ title: 'Product Owner' })).rule).toBe('no-clue');
  });
  it('makes anyone at my own organisation an operational colleague, whatever the title', () => {
    expect(suggestTriage(facts({ title: 'Recruiter', organisation: 'Acme', organisationIsMine: true })))
      .toEqual({ rule: 'my-organisation', network: 'operational', connectionType: 'colleague', reason: 'Recruiter at Acme (my organisation) → operational, colleague' });
  });
  it('uses a shared community when the title says nothing', () => {
    expect(suggestTriage(facts({ title: 'Product Manager', sharedCommunities: [{ name: 'Mind the Product', kind: 'association' }] })))
      .toMatchObject({ network: 'personal', connectionType: 'association-peer', reason: 'Fellow member of Mind the Product → personal, association peer' });
    expect(suggestTriage(facts({ sharedCommunities: [{ name: 'Imperial', kind: 'alumni' }] }))).toMatchObject({ connectionType: 'alumni' });
  });
  it('says so when nothing is known', () => {
    expect(suggestTriage(facts({ title: 'Product Manager', organisation: 'Kite' })).reason).toBe('Product Manager at Kite: no telling word, a peer until you know more → personal');
  });
});

describe('reconnect first', () => {
  const today = '2026-12-06';
  const score = (f: TriageFacts, situation: 'job-seeking' | 'growing-in-role' = 'job-seeking') => reconnectScore(f, suggestTriage(f), situation, today);
  it('for a job seeker, puts ties in target organisations first, then recruiters, then recent connections', () => {
    const target = facts({ title: 'Product Manager', organisation: 'Northstar', organisationInGoal: true, connectedOn: '2019-01-01' });
    const recruiter = facts({ title: 'Recruiter', organisation: 'Elsewhere', connectedOn: '2019-01-01' });
    const recent = facts({ title: 'Product Manager', connectedOn: '2026-11-20' });
    const old = facts({ title: 'Product Manager', connectedOn: '2019-01-01' });
    expect(score(target)).toBeGreaterThan(score(recruiter));
    expect(score(recruiter)).toBeGreaterThan(score(recent));
    expect(score(recent)).toBeGreaterThan(score(old));
    expect(reconnectWhy(target, 'job-seeking', today)).toBe('at a target organisation');
    expect(reconnectWhy(recent, 'job-seeking', today)).toBe('connected recently');
  });
  it('for someone growing in their role, ranks colleagues above outside peers', () => {
    const colleague = facts({ organisation: 'Acme', organisationIsMine: true });
    const peer = facts({ title: 'Designer' });
    expect(score(colleague, 'growing-in-role')).toBeGreaterThan(score(peer, 'growing-in-role'));
  });
});

import { findMentions, Role, type TeammateDto } from '@ticklegram/domain-models';
import { filterTeammates, insertMention, mentionTokenAt, teammatesAsMentionCandidates } from './mentions';

const teammate = (id: string, name: string, role = Role.AGENT): TeammateDto => ({ id, name, role });
const ana = teammate('u-ana', 'Ana Lima');
const anna = teammate('u-anna', 'Anna Souza');
const bruno = teammate('u-bruno', 'Bruno Ana', Role.ADMIN);
const carla = teammate('u-carla', 'Carla Mariana');
const team = [bruno, carla, anna, ana];

describe('mentionTokenAt', () => {
  it('finds the @query before the caret, at the start or after a space/punctuation', () => {
    expect(mentionTokenAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionTokenAt('hi @an', 6)).toEqual({ start: 3, query: 'an' });
    expect(mentionTokenAt('(@ana', 5)).toEqual({ start: 1, query: 'ana' });
    expect(mentionTokenAt('cc @Ana Li', 10)).toEqual({ start: 3, query: 'Ana Li' });
    // only the text before the caret counts
    expect(mentionTokenAt('hi @ana and more', 7)).toEqual({ start: 3, query: 'ana' });
  });

  it('ignores emails, a space right after @, other lines and long runs', () => {
    expect(mentionTokenAt('mail ana@x.com', 14)).toBeNull();
    expect(mentionTokenAt('a.@b', 4)).toBeNull();
    expect(mentionTokenAt('@ ana', 5)).toBeNull();
    expect(mentionTokenAt('@ana\nnext', 9)).toBeNull();
    expect(mentionTokenAt('no at sign', 10)).toBeNull();
    expect(mentionTokenAt(`@${'x'.repeat(41)}`, 42)).toBeNull();
  });
});

describe('filterTeammates', () => {
  it('lists everyone (up to the limit) for an empty query', () => {
    expect(filterTeammates(team, '')).toEqual(team);
    expect(filterTeammates(team, '', 2)).toEqual([bruno, carla]);
  });

  it('ranks whole-name prefix, then word prefix, then substring, case-insensitively', () => {
    expect(filterTeammates(team, 'ANA')).toEqual([ana, bruno, carla]);
    expect(filterTeammates(team, 'an')).toEqual([anna, ana, bruno, carla]);
    expect(filterTeammates(team, 'souza')).toEqual([anna]);
    expect(filterTeammates(team, 'zzz')).toEqual([]);
  });

  it('with a space in the query only whole names that start with it match', () => {
    expect(filterTeammates(team, 'ana l')).toEqual([ana]);
    expect(filterTeammates(team, 'ana thanks')).toEqual([]);
    // "Bruno Ana" ends in "ana" but does not start with "ana ": only Ana Lima is still a candidate
    expect(filterTeammates(team, 'ana ')).toEqual([ana]);
  });
});

describe('insertMention', () => {
  it('replaces the token with "@Full Name " and puts the caret after the space', () => {
    const text = 'ping @an please';
    const token = mentionTokenAt(text, 8);
    expect(token).not.toBeNull();
    const next = insertMention(text, token as NonNullable<typeof token>, 8, 'Ana Lima');
    expect(next.text).toBe('ping @Ana Lima please');
    expect(next.text.slice(0, next.caret)).toBe('ping @Ana Lima ');
  });

  it('adds a trailing space at the end of the text', () => {
    const next = insertMention('@', { start: 0, query: '' }, 1, 'Bruno Ana');
    expect(next).toEqual({ text: '@Bruno Ana ', caret: 11 });
  });

  it('produces mentions the server recognises with findMentions (and only the picked teammate)', () => {
    const candidates = teammatesAsMentionCandidates(team);
    let text = 'cc @An';
    let pick = insertMention(text, mentionTokenAt(text, text.length) as { start: number; query: string }, text.length, ana.name);
    text = `${pick.text}and @bru`;
    pick = insertMention(text, mentionTokenAt(text, text.length) as { start: number; query: string }, text.length, bruno.name);
    expect(pick.text).toBe('cc @Ana Lima and @Bruno Ana ');
    // Anna is not mentioned although "@Ana" is a prefix of her name's handle
    expect(findMentions(pick.text, candidates)).toEqual([bruno.id, ana.id]);
  });
});

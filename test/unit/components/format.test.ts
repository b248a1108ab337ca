import { describeVisits, formatDate, initials, joinWords, missingLabel, noteDate, plural, relativeDay } from '@/components/format';

const NOW = new Date(2026, 10, 25, 9, 0).getTime();

describe('format', () => {
  it('writes dates the way the locale does', () => {
    expect(formatDate(NOW, 'en-GB')).toBe('25 Nov 2026');
    expect(formatDate(NOW, 'en-US')).toBe('Nov 25, 2026');
    expect(formatDate(Number.NaN, 'en-GB')).toBe('an unknown date');
  });

  it('uses calendar days, not 24-hour spans, for relative words', () => {
    const lateYesterday = new Date(2026, 10, 24, 23, 50).getTime();
    expect(relativeDay(lateYesterday, NOW)).toBe('yesterday');
    expect(relativeDay(new Date(2026, 10, 25, 0, 5).getTime(), NOW)).toBe('today');
    expect(relativeDay(new Date(2026, 10, 22).getTime(), NOW)).toBe('3 days ago');
    expect(relativeDay(new Date(2026, 10, 1).getTime(), NOW)).toBeUndefined();
    expect(relativeDay(new Date(2026, 10, 26).getTime(), NOW)).toBeUndefined();
    expect(relativeDay(Number.NaN, NOW)).toBeUndefined();
  });

  it('describes visits', () => {
    expect(describeVisits(undefined, NOW)).toBe('Looking up history…');
    expect(describeVisits({ ticketsSeen: 0 }, NOW)).toBe('First time we see this customer');
    expect(describeVisits({ ticketsSeen: 0, checking: true }, NOW)).toBe("Checking the helpdesk's history…");
    expect(describeVisits({ ticketsSeen: 2, checking: true }, NOW)).toBe('Seen twice');
    // Never "first time" beside a customer who writes "this is the THIRD time" (issue #12).
    expect(describeVisits({ ticketsSeen: 0, customerSaysRepeat: true }, NOW)).toBe('New to Rapport — they say it is not the first time');
    expect(describeVisits({ ticketsSeen: 2 }, NOW)).toBe('Seen twice');
    expect(describeVisits({ ticketsSeen: 100, ticketsSeenCapped: true }, NOW)).toBe('Seen 100+ times');
    expect(describeVisits({ ticketsSeen: 1, lastSeen: new Date(2026, 10, 1).getTime() }, NOW, 'en-GB')).toBe(
      'Seen once, last on 1 Nov 2026',
    );
  });

  it('dates notes', () => {
    expect(noteDate(NOW - 1000, NOW)).toBe('today');
    expect(noteDate(new Date(2026, 0, 3).getTime(), NOW, 'en-GB')).toBe('3 Jan 2026');
  });

  it('words', () => {
    expect(plural(1, 'time')).toBe('1 time');
    expect(plural(0, 'note')).toBe('0 notes');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(missingLabel('composer')).toBe('the reply box');
    expect(missingLabel('requester-name')).toBe("the requester's name");
    expect(initials('  ada   lovelace king')).toBe('AL');
    expect(initials('zoë ñandú')).toBe('ZÑ');
    expect(initials(undefined)).toBe('?');
    expect(initials('👩🏽‍💻 <img> 42 Zoë')).toBe('IZ');
    expect(initials('🎉 ***')).toBe('?');
  });
});

describe('one Intl formatting module (#14)', () => {
  it('plurals and numbers: never "1 notes", never "Seen 1 time"', async () => {
    const { plural, timesWord } = await import('@/components/format');
    expect(plural(1, 'note')).toBe('1 note');
    expect(plural(0, 'note')).toBe('0 notes');
    expect(plural(10_200, 'note', 'notes', 'en-US')).toBe('10,200 notes');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
    expect([1, 2, 3].map(timesWord)).toEqual(['once', 'twice', '3 times']);
  });
  it('a due time reads the same in the cue line and in the memory panel', async () => {
    const { dueLabel } = await import('@/components/format');
    const { cuesFor } = await import('@/lib/memory/cues');
    const due = Date.UTC(2026, 11, 4, 16, 0);
    const now = due - 86_400_000;
    const cue = cuesFor({
      customer: { id: 'c', helpdesk: 'zendesk', account: 'a', emails: [], firstSeen: now, lastSeen: now },
      visits: [],
      notes: [],
      facts: [],
      followUps: [{ id: 'f', customerId: 'c', text: 'Call back', dueAt: due, createdAt: now, status: 'open' }],
      now,
    } as unknown as Parameters<typeof cuesFor>[0]).find((c) => c.id === 'open-promise');
    expect(cue?.reason).toContain(`due ${dueLabel(due, now)}`);
  });
});

/**
 * "Why this matters" for every checklist rule (issue #16), written for agents and trainers: the
 * principle behind it (see the service principles), what the checklist looks for, and a good and a
 * weak example. Shown on the training page and in the options page; no rule ids on screen.
 */
import type { RuleId } from './types';

export interface RuleExplanation {
  /** The standard it serves, as agents say it. */
  standard: string;
  title: string;
  why: string;
  checks: string;
  good: string;
  weak: string;
}

export const EXPLAIN: Record<RuleId, RuleExplanation> = {
  'greets-by-name': {
    standard: 'Personal recognition',
    title: 'Greet them by the name they use',
    why: 'Being known is the first sign that we care. Using the name a customer goes by, spelled the way they spell it, tells them a person is writing to them, not a system to a ticket number.',
    checks: 'The first line of your reply uses their preferred name (or first name), written exactly as they write it. In a quick back-and-forth (they answered your last reply within half an hour) no new greeting is asked for.',
    good: 'Hi Sofi, before anything else: how did the opening of the second shop go?',
    weak: 'Dear customer, thank you for your message.',
  },
  'acknowledges-feelings': {
    standard: 'Empathy',
    title: 'Say what you understand about how they feel',
    why: 'An upset or worried customer first needs to know they were heard. Naming what went wrong for them, in their terms, is what makes an apology sound sincere; a stock apology makes it worse.',
    checks: 'When the customer sounds upset or worried, your reply names what happened to them (the double charge, the wasted evening), not only “sorry for the inconvenience”.',
    good: 'You should not have had to write three times about this double charge. That is on us.',
    weak: 'We apologise for any inconvenience caused.',
  },
  'answers-questions': {
    standard: 'Listening and knowledge',
    title: 'Answer every question they asked',
    why: 'A customer who asks four things and gets two answers has to write again and feels unheard. Answering each question, in the order asked, is the quickest way to solve it in one reply.',
    checks: 'Every question or request in their latest message is taken up somewhere in your reply. The sidebar lists their questions and ticks each one you address.',
    good: '1. Seats: yes, you can add them mid-month… 2. Billing: you pay only for the days left… 3. … 4. …',
    weak: 'Yes, you can add seats at any time. Let me know if you need anything else!',
  },
  'next-step': {
    standard: 'Problem resolution',
    title: 'Give a clear next step and when',
    why: 'Customers relax when they know what happens next and when. “We are looking into it” leaves them waiting and wondering; a date or a done action lets them get on with their day.',
    checks: 'Your reply says what has been done or what will happen next, with a time: “I have refunded it; you will see it within 3–5 business days.”',
    good: 'I have refunded the duplicate payment just now; you will see it on your card within 3–5 business days.',
    weak: 'I will look into this for you.',
  },
  'knowledge-link': {
    standard: 'Knowledge',
    title: 'Link the help article for how-to questions',
    why: 'When a customer asks how to do something, a link to the right article gives them an answer they can keep and share, and shows that we know our own product.',
    checks: 'When they ask how to do something, your reply links a help article (on your team’s help-centre domains, when the standards set them).',
    good: 'The full guide, with screenshots, is here: https://help.example.com/articles/two-factor-login',
    weak: 'You can find this in our help centre somewhere.',
  },
  'respectful-language': {
    standard: 'Respect',
    title: 'No blame, condescension or shouting',
    why: 'No customer should be made to feel they failed to understand. Phrases like “as I said” or “you should have” turn a question into a telling-off, and capitals read as shouting.',
    checks: 'Your reply has no blaming or condescending phrases (and none your team banned), no swearing or “???”, and no run of words in capitals that reads as shouting (one word of emphasis, a @handle or a code is fine).',
    good: 'Here are the steps again, with a screenshot of where the button is.',
    weak: 'As I said in my last email, you need to read the manual.',
  },
  'sincere-wording': {
    standard: 'Sincerity',
    title: 'Sound like a person, not a template',
    why: 'Customers recognise boilerplate at once: it is said to everyone, so it means nothing to anyone. Saying the specific thing in your own words is what makes care believable.',
    checks: 'No stock phrases such as “rest assured” or “your satisfaction is our priority”, and a long reply refers to something the customer actually wrote.',
    good: 'I am sorry: we sent the dress in size 14 instead of 10, the week of your sister’s party.',
    weak: 'Rest assured that your satisfaction is our top priority.',
  },
  'confident-wording': {
    standard: 'Knowledge',
    title: 'Answer with confidence',
    why: 'Customers come to us because we are supposed to know. “I think” and “maybe” make them doubt the answer and ask again elsewhere. Check first, then say it plainly.',
    checks: 'No hedges such as “I think”, “maybe”, “probably” or “hopefully”.',
    good: 'Yes, two-factor login works with any authenticator app.',
    weak: 'I think it should probably work with most apps, hopefully.',
  },
  closing: {
    standard: 'Emotional engagement',
    title: 'Close warmly',
    why: 'How a conversation ends is what people remember. A warm close, an offer of more help or a personal good wish, leaves them feeling looked after rather than processed.',
    checks: 'The end of your reply offers more help or thanks them, and includes your team’s sign-off when the standards set one.',
    good: 'Enjoy the party on Saturday, and thank you for telling us so quickly.',
    weak: 'Regards.',
  },
  'response-time': {
    standard: 'Prompt attention',
    title: 'Reply within the team’s target',
    why: 'Timing is part of the answer. A reply that comes quickly, or before the moment the customer needs it, says their time matters to us.',
    checks: 'The time since their last message against your team’s target for this channel and priority; the sidebar counts down live.',
    good: 'A chat answered within 5 minutes; an urgent email within the hour.',
    weak: 'An urgent ticket left for a day because it arrived late in the afternoon.',
  },
  placeholders: {
    standard: 'Sincerity',
    title: 'Nothing left unfilled',
    why: 'A leftover “[NAME]” or “{{order}}” tells the customer in one glance that they got a form letter. It undoes every other kind word in the reply.',
    checks: 'No unfilled placeholders such as [NAME], {{ticket}}, <<date>>, XXX or TODO.',
    good: 'Hi Dana, your order 4471 has been refunded.',
    weak: 'Hi [FIRST NAME], your order {{order_id}} has been refunded.',
  },
  'follow-through': {
    standard: 'Follow-through',
    title: 'Keep the promises we made',
    why: 'A promise with a time on it is a small contract. Taking it up, before the customer has to chase it, shows our word can be trusted; silence teaches them it cannot.',
    checks: 'When we have an open promise to this customer (a callback, a refund by Friday), your reply takes it up.',
    good: 'I promised you a call back by 3 pm yesterday, and I did not call. I will call you today at 16:00.',
    weak: 'Hi Elena, all is on track.',
  },
};

/** A team's own words for some rules (the standards pack's `explanations`): any part may be left out. */
export type TeamExplanations = Partial<Record<RuleId, Partial<Pick<RuleExplanation, 'why' | 'checks' | 'good' | 'weak'>>>>;

/** One rule's explanation: Rapport's, with the team's own words where it wrote some. */
export function explanationFor(id: RuleId, team?: TeamExplanations): RuleExplanation & { edited: boolean } {
  const own = team && Object.hasOwn(team, id) ? team[id] : undefined;
  const edited = !!own && Object.values(own).some(Boolean);
  return { ...EXPLAIN[id], ...(own ? Object.fromEntries(Object.entries(own).filter(([, v]) => v)) : {}), edited };
}

/** The explanations in the checklist's order, with the team's words where it has them. */
export const explanations = (order: readonly RuleId[], team?: TeamExplanations) => order.map((id) => ({ id, ...explanationFor(id, team) }));

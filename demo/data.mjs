/**
 * Seeded sample data for the demo helpdesk: six customers, six Zendesk tickets and four Freshdesk
 * tickets, written as the conversations a support team really gets.
 *
 * Who is who (trainers: these are the stories the demo tells)
 *   Dana Whitfield   UPSET       Zendesk #101 — charged twice, writing for the third time, in caps.
 *   Sam Rivera       RETURNING   Zendesk #87 and #98 (solved), Zendesk #102 and Freshdesk #41 (open),
 *                                same email sam.rivera@example.com in both helpdesks.
 *   José Núñez       MULTI-QUESTION  Zendesk #103 — four questions, two of them without "?".
 *   Zoë Þórsdóttir   non-English name, Freshdesk #42 (waiting on her reply).
 *   Priya Raman      an ordinary how-to question, Freshdesk #43.
 *   <img src=x onerror=alert(1)>   HOSTILE — Zendesk #104 and Freshdesk #44; the name, subject and
 *                                message are markup on purpose and must show up as literal text.
 *
 * Times are relative to "now": createDemoData() is called for every page render, so the upset
 * customer's last message is always 25 minutes old.
 */

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '<script>alert(1)</script>';
export const HOSTILE_SUBJECT = '"><svg onload=alert(1)> Refund & <b>now</b>';

/** The account the demo opens by default; any other subdomain of the helpdesk shows the same data. */
export const DEMO_ZENDESK_ACCOUNT = 'demo.zendesk.com';
export const DEMO_FRESHDESK_ACCOUNT = 'demo.freshdesk.com';
/** Same Freshdesk data, older ("classic") page layout: hosts starting with "classic". */
export const CLASSIC_FRESHDESK_ACCOUNT = 'classic.freshdesk.com';

/** Tickets already open as tabs when a Zendesk page loads (the requested ticket is added to these). */
export const ZENDESK_OPEN_TABS = [101, 102, 103];

const MINUTE = 60_000;
const HOUR = 60;
const DAY = 24 * HOUR;

const agents = {
  alex: { key: 'alex', name: 'Alex Chen', zendeskUserId: 5001, freshdeskAgentId: 6001 },
  jordan: { key: 'jordan', name: 'Jordan Blake', zendeskUserId: 5002, freshdeskAgentId: 6002 },
  maya: { key: 'maya', name: 'Maya Okafor', zendeskUserId: 5003, freshdeskAgentId: 6003 },
};

const customers = [
  {
    key: 'dana',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@example.com',
    company: 'Brightline Studio',
    phone: '+1 415 555 0134',
    location: 'San Francisco, USA',
    timeZone: 'America/Los_Angeles',
    zendeskUserId: 361001,
    freshdeskContactId: null,
  },
  {
    key: 'sam',
    name: 'Sam Rivera',
    email: 'sam.rivera@example.com',
    company: 'Rivera Design Co.',
    phone: '+1 512 555 0188',
    location: 'Austin, USA',
    timeZone: 'America/Chicago',
    zendeskUserId: 361002,
    freshdeskContactId: 80102,
  },
  {
    key: 'jose',
    name: 'José Núñez',
    email: 'jose.nunez@example.es',
    company: 'Núñez Logística S.L.',
    phone: '+34 91 555 0142',
    location: 'Madrid, Spain',
    timeZone: 'Europe/Madrid',
    zendeskUserId: 361003,
    freshdeskContactId: null,
  },
  {
    key: 'zoe',
    name: 'Zoë Þórsdóttir',
    email: 'zoe.thorsdottir@example.is',
    company: 'Norðurljós ehf.',
    phone: '+354 555 0107',
    location: 'Reykjavík, Iceland',
    timeZone: 'Atlantic/Reykjavik',
    zendeskUserId: null,
    freshdeskContactId: 80104,
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    email: 'priya.raman@example.com',
    company: 'Lumen Labs',
    phone: '+44 20 5550 0199',
    location: 'London, UK',
    timeZone: 'Europe/London',
    zendeskUserId: null,
    freshdeskContactId: 80105,
  },
  {
    key: 'hostile',
    name: HOSTILE_NAME,
    email: 'mallory@example.net',
    company: '<b>Evil</b> & "Sons"',
    phone: '+1 555 0100',
    location: '<i>nowhere</i>',
    timeZone: 'UTC',
    zendeskUserId: 361666,
    freshdeskContactId: 80666,
  },
];

/**
 * Messages: `by` is a customer key or an agent key, `ago` is minutes before now. The first message
 * of a ticket is the customer's request (Freshdesk calls it the description).
 */
const zendeskTickets = [
  {
    id: 87,
    subject: "Can't log in after resetting my password",
    requester: 'sam',
    assignee: 'alex',
    status: 'closed',
    priority: 'normal',
    type: 'problem',
    tags: ['login', 'password_reset'],
    messages: [
      {
        by: 'sam',
        ago: 62 * DAY,
        text: "Hi there,\n\nI reset my password this morning and now the login page just reloads when I sign in. I've tried twice.\n\nSam",
      },
      {
        by: 'alex',
        ago: 62 * DAY - 40,
        text: "Hi Sam,\n\nSorry about that! The reset link also signed you out of the desktop app, which kept the old session cookie. Clearing cookies for our site fixes it; I've also cleared your sessions on our side.\n\nCould you try again and let me know?\n\nAlex",
      },
      { by: 'sam', ago: 62 * DAY - 75, text: 'That did it, thank you Alex!' },
    ],
  },
  {
    id: 98,
    subject: 'Invoice PDF still shows our old address',
    requester: 'sam',
    assignee: 'jordan',
    status: 'solved',
    priority: 'low',
    type: 'question',
    tags: ['billing', 'invoice'],
    messages: [
      {
        by: 'sam',
        ago: 21 * DAY,
        text: 'Hello,\n\nWe moved offices in January. I updated the address in Settings but the February invoice PDF still has 12 Oak Street on it. Could you send a corrected one?\n\nThanks,\nSam Rivera\nRivera Design Co.',
      },
      {
        by: 'jordan',
        ago: 21 * DAY - 180,
        text: "Hi Sam,\n\nThanks for letting us know. Invoices keep the address they were issued with, so I've re-issued February's invoice with your new address (attached). March onwards will pick up the new one automatically.\n\nBest,\nJordan",
      },
      { by: 'sam', ago: 20 * DAY, text: 'Perfect, thanks Jordan.' },
    ],
  },
  {
    id: 101,
    subject: 'Charged twice for the March invoice',
    requester: 'dana',
    assignee: 'jordan',
    status: 'open',
    priority: 'urgent',
    type: 'incident',
    tags: ['billing', 'double_charge', 'escalated'],
    messages: [
      {
        by: 'dana',
        ago: 3 * DAY,
        text: "Hi,\n\nI was charged twice for our March invoice (INV-20931) — two payments of $249.00 on the same day. Can you refund one of them?\n\nDana Whitfield\nBrightline Studio",
      },
      {
        by: 'jordan',
        ago: 3 * DAY - 95,
        text: "Hi Dana,\n\nThanks for flagging this, and sorry for the trouble. I've asked our billing team to look into the duplicate payment and I'll get back to you within 24 hours.\n\nJordan",
      },
      {
        by: 'jordan',
        ago: 3 * DAY - 100,
        public: false,
        text: 'Stripe shows two captures for INV-20931, 4 seconds apart (double click on Pay). Refund of the second needs finance approval — asked in #finance.',
      },
      { by: 'dana', ago: 1 * DAY + 3 * HOUR, text: "It's been more than 24 hours. Is there any update on the refund?" },
      {
        by: 'dana',
        ago: 25,
        text: "This is the THIRD time I'm writing about this. You charged me TWICE for March and NOBODY has fixed it.\n\nI want the $249 back TODAY or I'm disputing the charge with my bank and cancelling our account. Do NOT send me another \"we're looking into it\" email.",
      },
    ],
  },
  {
    id: 102,
    subject: 'CSV export is missing the last row',
    requester: 'sam',
    assignee: 'alex',
    status: 'open',
    priority: 'normal',
    type: 'problem',
    tags: ['export', 'reports'],
    messages: [
      {
        by: 'sam',
        ago: 40,
        text: "Hi again!\n\nSince yesterday's update, when I export the Projects report to CSV the last row is missing — the on-screen report shows 48 projects, the file has 47. Same in Chrome and Firefox.\n\nNot urgent, but we close the month on Friday and our accountant works from that file.\n\nThanks,\nSam",
      },
      {
        by: 'alex',
        ago: 12,
        public: false,
        text: 'Reproduced on staging with any report over 40 rows. Engineering has it as ENG-4412, fix planned for Thursday.',
      },
    ],
  },
  {
    id: 103,
    subject: 'A few questions before we upgrade to the Team plan',
    requester: 'jose',
    assignee: 'alex',
    status: 'new',
    priority: 'normal',
    type: 'question',
    tags: ['presales', 'upgrade'],
    messages: [
      {
        by: 'jose',
        ago: 2 * HOUR + 10,
        text: "Hello,\n\nWe are a team of 12 at Núñez Logística and we plan to move from the Starter plan to the Team plan next month. Before we do, I have some questions.\n\nFirst, is the Team plan billed per seat or as a flat monthly fee? I need to know how the billing works when we add people in the middle of the month. Please tell me whether our existing projects and files carry over automatically when we upgrade. And finally, can we pay by bank transfer instead of a credit card?\n\nGracias,\nJosé Núñez\nOperations, Núñez Logística",
      },
    ],
  },
  {
    id: 104,
    subject: HOSTILE_SUBJECT,
    requester: 'hostile',
    assignee: null,
    status: 'new',
    priority: 'low',
    type: 'question',
    tags: ['refund'],
    messages: [
      {
        by: 'hostile',
        ago: 5,
        text: `Hello ${HOSTILE_SCRIPT} please process my refund.\n\n<b>Bold</b> & 'single' & "double" quotes, and a </textarea><p>closing tag.`,
      },
    ],
  },
];

const freshdeskTickets = [
  {
    id: 41,
    subject: 'Can I add a second billing contact?',
    requester: 'sam',
    assignee: 'maya',
    status: 'open',
    priority: 'medium',
    type: 'Question',
    group: 'Billing',
    tags: ['billing'],
    messages: [
      {
        by: 'sam',
        ago: 55,
        text: 'Hi,\n\nOur new accountant, Lee, needs to get our invoices as well. Can I add lee@riveradesign.example as a second billing contact, or do invoices only go to one address?\n\nThanks!\nSam',
      },
      {
        by: 'maya',
        ago: 20,
        public: false,
        text: 'Business plan allows up to 3 billing contacts. Sam also has an open CSV export issue on the Zendesk side.',
      },
    ],
  },
  {
    id: 42,
    subject: 'Icelandic letters show as boxes in PDF invoices',
    requester: 'zoe',
    assignee: 'maya',
    status: 'pending',
    priority: 'medium',
    type: 'Problem',
    group: 'Billing',
    tags: ['invoice', 'pdf', 'i18n'],
    messages: [
      {
        by: 'zoe',
        ago: 1 * DAY + 2 * HOUR,
        text: 'Góðan dag,\n\nOn our PDF invoices my name comes out as "?órsdóttir" and our company as "Nor?urljós". The web page shows it correctly. Could you fix the PDF font?\n\nKveðja,\nZoë Þórsdóttir',
      },
      {
        by: 'maya',
        ago: 1 * DAY,
        text: 'Hi Zoë,\n\nThank you for the details and sorry about the garbled letters. Could you tell me which program you open the PDFs with, and send one affected invoice number? Then I can reproduce it today.\n\nMaya',
      },
      {
        by: 'zoe',
        ago: 3 * HOUR,
        text: 'Adobe Acrobat on Windows and Preview on a Mac, same result in both. Invoice number INV-21877.',
      },
    ],
  },
  {
    id: 43,
    subject: "How do I change our workspace's time zone?",
    requester: 'priya',
    assignee: null,
    status: 'open',
    priority: 'low',
    type: 'Question',
    group: 'Support',
    tags: ['settings'],
    messages: [
      {
        by: 'priya',
        ago: 90,
        text: 'Hi team,\n\nOur reminders fire an hour early since the clocks changed. Where do I set the workspace time zone to Europe/London?\n\nCheers,\nPriya',
      },
    ],
  },
  {
    id: 44,
    subject: HOSTILE_SUBJECT,
    requester: 'hostile',
    assignee: null,
    status: 'open',
    priority: 'low',
    type: 'Question',
    group: 'Support',
    tags: ['refund'],
    messages: [{ by: 'hostile', ago: 8, text: `Refund me ${HOSTILE_SCRIPT} now. <img src=x onerror=alert(2)> & "quotes"` }],
  },
];

/**
 * The whole demo data set, with real ISO times computed from `now`. Plain JSON: the pages embed it
 * and render client-side navigations from it.
 */
export function createDemoData(now = new Date()) {
  const nowMs = new Date(now).getTime();
  const at = (minutesAgo) => new Date(nowMs - minutesAgo * MINUTE).toISOString();
  const authorOf = (key) => {
    const customer = customers.find((c) => c.key === key);
    if (customer) return { role: 'customer', author: customer.name };
    const agent = agents[key];
    if (agent) return { role: 'agent', author: agent.name };
    throw new Error(`demo data: unknown author ${key}`);
  };
  const materialise = (helpdesk) => (ticket) => {
    const messages = ticket.messages.map((m, i) => ({
      id: ticket.id * 1000 + i + 1,
      ...authorOf(m.by),
      at: at(m.ago),
      text: m.text,
      public: m.public !== false,
    }));
    const { messages: _seed, ...fields } = ticket;
    return { ...fields, helpdesk, createdAt: messages[0].at, updatedAt: messages[messages.length - 1].at, messages };
  };
  return {
    now: new Date(nowMs).toISOString(),
    agents: structuredClone(agents),
    customers: structuredClone(customers),
    zendesk: {
      accountName: 'Rapport Demo',
      currentAgent: 'alex',
      openTabs: [...ZENDESK_OPEN_TABS],
      tickets: zendeskTickets.map(materialise('zendesk')),
    },
    freshdesk: {
      accountName: 'Rapport Demo',
      currentAgent: 'maya',
      tickets: freshdeskTickets.map(materialise('freshdesk')),
    },
  };
}

export function findCustomer(data, key) {
  return data.customers.find((c) => c.key === key);
}

export function findTicket(data, helpdesk, id) {
  return data[helpdesk].tickets.find((t) => t.id === Number(id));
}

/** The customer's tickets in one helpdesk, newest first. */
export function ticketsOf(data, helpdesk, customerKey) {
  return data[helpdesk].tickets
    .filter((t) => t.requester === customerKey)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

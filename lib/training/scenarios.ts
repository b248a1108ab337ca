/**
 * The built-in scenario library (issue #16): one idea from the service principles per scenario, a
 * realistic thread, the customer's history so the recognition cues show, and a model answer that
 * passes the default standards pack (test/unit/training/scenarios.test.ts checks every one).
 */
import type { Scenario } from './types';

const DAY_MIN = 24 * 60;

export const BUILT_IN_SCENARIOS: readonly Scenario[] = [
  {
    id: 'upset-repeat-customer',
    title: 'The upset repeat customer',
    principle: 'empathy',
    why:
      'When someone writes for the third time about the same problem, the problem is no longer the only thing that hurts: having to explain it again does. Naming what they went through, in their words, tells them a person read the whole story. Skipping it and jumping to a fix reads as “next ticket, please”.',
    strongReply: [
      'Names the hassle specifically: the third message, the wasted evening, the double charge.',
      'Owns it for the company instead of blaming the earlier agent or the bank.',
      'Says exactly what has been done now and when they will see the money.',
      'Does not ask them to repeat anything already in the thread.',
    ],
    modelAnswer:
      'Hi Dana,\n\nYou should not have had to write three times about this, and I am sorry the double charge for order 4471 is still on your card after two promises. That is on us.\n\nI have refunded the duplicate payment of €89.00 myself just now, and you will see it back on your card within 3–5 business days. I have also added a note to your account so nobody asks you to explain this again.\n\nIf anything else looks wrong on your statement, reply here and it comes straight to me.\n\nWarm regards,\nPriya',
    subject: 'STILL charged twice for order 4471',
    channel: 'email',
    customer: { name: 'Dana Whitfield', email: 'dana.whitfield@example.com', customerForDays: 540, organization: 'Whitfield Ceramics' },
    thread: [
      { from: 'customer', text: 'Hello, I was charged twice for order 4471 (€89.00 each). Can you refund one of them?', minutesAgo: 9 * DAY_MIN },
      { from: 'agent', author: 'Tom', text: 'Hi Dana, thanks for letting us know. I have asked our billing team to look into it.', minutesAgo: 9 * DAY_MIN - 120 },
      { from: 'customer', text: 'It has been a week and the second charge is still there. Any news?', minutesAgo: 2 * DAY_MIN },
      {
        from: 'customer',
        text: 'This is the third time I am writing about the same double charge. I spent my evening going through bank statements because of this. Honestly I am furious. Will I get my money back or not?',
        minutesAgo: 35,
      },
    ],
    history: [
      { ticketId: '3120', subject: 'Charged twice for order 4471', daysAgo: 9, solved: false, mood: -3, tags: ['billing', 'double-charge'] },
      { ticketId: '2875', subject: 'Glaze colour question', daysAgo: 200, solved: true, mood: 2 },
    ],
    facts: [],
    promises: [],
  },
  {
    id: 'four-question-email',
    title: 'The four-question email',
    principle: 'listening',
    why:
      'A customer who asks four things and gets an answer to two has to write again, and now feels unheard as well as uninformed. Listening means every question gets its answer, in the order they asked, so they can tick them off. It is the cheapest way to halve follow-up mail.',
    strongReply: [
      'Answers all four questions, each in its own short paragraph, in the order asked.',
      'Gives a straight yes or no before any detail.',
      'Offers a clear next step where one answer needs action from us.',
    ],
    modelAnswer:
      'Hi Marcus,\n\nThanks for the clear list. Here are your answers in order:\n\n1. Seats: yes, you can add three seats in the middle of the month. Go to Settings → Billing → Seats and add them; they work straight away.\n\n2. Billing for the new seats: you pay only for the days left in the month, prorated, on your next invoice on the 1st.\n\n3. The Freshsales integration: yes, it is included in the Team plan at no extra cost.\n\n4. Exporting your old reports: you can download every report as CSV under Reports → Export. The step-by-step guide is here: https://help.example.com/articles/export-reports. I have also sent you the March and April reports as files today.\n\nIf you would like me to set up the seats for you instead, just reply and I will do it within the hour.\n\nBest wishes,\nPriya',
    subject: 'A few questions before we grow the team',
    channel: 'email',
    customer: { name: 'Marcus Oyelaran', email: 'marcus@northwind-legal.example', customerForDays: 760, organization: 'Northwind Legal', tier: 'Team plan' },
    thread: [
      {
        from: 'customer',
        text:
          'Hi, we are hiring three people next week and I have a few questions.\nCan we add three seats in the middle of the month?\nHow will the new seats be billed?\nIs the Freshsales integration included in the Team plan?\nAnd how do I export our old reports before we reorganise?\nThanks, Marcus',
        minutesAgo: 50,
      },
    ],
    history: [{ ticketId: '4410', subject: 'Invoice address change', daysAgo: 60, solved: true, mood: 1 }],
    facts: [],
    promises: [],
  },
  {
    id: 'vip-overdue-callback',
    title: 'The VIP whose promised callback is overdue',
    principle: 'follow-through',
    why:
      'A promise with a time on it is a small contract. When the time passes in silence, the customer learns that our word is worth less than they thought, and that hurts more than the original problem. Taking the missed promise up first, before they have to chase it, turns a broken promise into proof that someone is paying attention.',
    strongReply: [
      'Opens with the missed callback: no excuses, owns it.',
      'Gives the real status of the migration now.',
      'Makes a new, specific commitment with a time, and keeps it short enough to keep.',
      'Treats the VIP as a person, not as a tier.',
    ],
    modelAnswer:
      'Hi Elena,\n\nI promised you a call back about the data migration by 3 pm yesterday, and I did not call. What happened is simple: I let it slip, and I am sorry about the silence on the migration; that is not the service you should get from us.\n\nHere is where it stands: the migration of your 2019–2022 archive finished last night and every record checked out. The last step, switching your team to the new workspace, is scheduled for tomorrow at 9:00 your time.\n\nI will call you today at 16:00 to walk you through the switch, and I have blocked the time in my calendar. If another time suits you better, reply with it and I will move the call.\n\nThank you for your patience with this,\nPriya',
    subject: 'Migration callback?',
    channel: 'email',
    customer: {
      name: 'Elena Kowalczyk',
      email: 'e.kowalczyk@harbourline.example',
      customerForDays: 1400,
      organization: 'Harbourline Shipping',
      tier: 'Enterprise',
      vip: true,
      timeZone: 'Europe/Warsaw',
    },
    thread: [
      { from: 'customer', text: 'Could someone call me about the status of our data migration? We need to plan the switch for the team.', minutesAgo: 2 * DAY_MIN },
      { from: 'agent', author: 'Priya', text: 'Hi Elena, of course. I will call you back by 3 pm tomorrow with the full status.', minutesAgo: 2 * DAY_MIN - 30 },
      { from: 'customer', text: 'I kept the afternoon free for the call yesterday. Did something happen? What is the status of the migration?', minutesAgo: 25 },
    ],
    history: [
      { ticketId: '5120', subject: 'Data migration status', daysAgo: 2, solved: false, tags: ['migration'] },
      { ticketId: '4800', subject: 'Quarterly review agenda', daysAgo: 80, solved: true, mood: 2 },
    ],
    facts: [{ text: 'Team switch must happen before their audit at the end of the month', daysAgo: 14, mentionNext: false }],
    // 10:30 for her now: the callback promised for 15:00 yesterday is 19½ hours overdue.
    promises: [{ text: 'Call Elena back about the data migration status', dueInMinutes: -(19 * 60 + 30) }],
    localClock: '10:30',
  },
  {
    id: 'late-night-writer',
    title: 'The customer writing at 23:40 their time',
    principle: 'prompt-attention',
    why:
      'Someone who writes close to midnight is usually stuck and worried about tomorrow. Prompt attention is not only speed: it is timing the answer to their day. A reply they can act on first thing in the morning, with nothing to come back for, respects both their worry and their sleep.',
    strongReply: [
      'Notices the hour and their deadline without making a fuss about it.',
      'Gives a fix they can do in the morning in a few clear steps.',
      'Says what we are doing in the meantime and when they will hear back.',
    ],
    modelAnswer:
      'Hi Aiko,\n\nI can see why this is worrying the night before your 9:00 presentation. The good news: your slides are safe, and the export problem is on our side. Here is what to do in the morning:\n\n1. Open the deck and choose File → Export → PDF (compatible).\n2. If the images still look blurry, untick “Compress images” in the same window.\n\nI have also asked our team to fix the regular export; I will email you by 8:00 your time tomorrow to confirm it works again.\n\nGood luck with the presentation, and get some rest,\nPriya',
    subject: 'Export to PDF broken, presenting tomorrow',
    channel: 'email',
    customer: { name: 'Aiko Tanaka', email: 'aiko.tanaka@example.jp', customerForDays: 300, timeZone: 'Asia/Tokyo', organization: 'Tanaka Design' },
    thread: [
      {
        from: 'customer',
        text: 'Sorry to write so late. My PDF export makes every image blurry and I present to a client at 9:00 tomorrow morning. I am really stressed. Is there any way to get a clean PDF?',
        minutesAgo: 6,
      },
    ],
    history: [{ ticketId: '3390', subject: 'Font missing in export', daysAgo: 150, solved: true }],
    facts: [],
    promises: [],
    localClock: '23:40',
  },
  {
    id: 'milestone-last-month',
    title: 'The customer who shared a milestone last month',
    principle: 'recognition',
    why:
      'Being remembered is one of the strongest signs that we care. When a customer told us something personal, such as a launch or a new baby, and we bring it up next time, they feel known rather than processed. It takes one sentence, and it is what people repeat to their friends.',
    strongReply: [
      'Greets them by the name they use.',
      'Asks about the milestone they shared, briefly and sincerely, before the business.',
      'Then answers the question fully.',
    ],
    modelAnswer:
      'Hi Sofi,\n\nBefore anything else: how did the opening of the second shop go? You mentioned last month it was planned for the first weekend of the month, and I hope it was a busy one.\n\nTo your question: yes, you can run both shops from one account. Go to Settings → Locations → Add location, and each shop gets its own stock and reports while billing stays on one invoice. Your current plan already includes two locations, so there is nothing extra to pay.\n\nIf you want, I can set up the second location for you today; just reply with its address.\n\nAll the best to you and the team,\nPriya',
    subject: 'Two shops, one account?',
    channel: 'email',
    customer: { name: 'Sofía Marín', email: 'sofia@floreriamarin.example', preferredName: 'Sofi', customerForDays: 800, organization: 'Florería Marín' },
    thread: [{ from: 'customer', text: 'Hello! Can I manage both shops from the same account, or do I need a second subscription?', minutesAgo: 70 }],
    history: [
      { ticketId: '6011', subject: 'Printing receipts for the new shop', daysAgo: 32, solved: true, mood: 3 },
      { ticketId: '5402', subject: 'Stock import', daysAgo: 140, solved: true },
    ],
    facts: [{ text: 'Opening her second flower shop on the first weekend of the month', daysAgo: 32, mentionNext: true }],
    promises: [],
  },
  {
    id: 'sarcastic-complainer',
    title: 'The sarcastic complainer',
    principle: 'respect',
    why:
      'Sarcasm is frustration wearing armour. Answering the tone, with a correction, a lecture or a clipped reply, proves the customer right about us. Respect means answering the real complaint underneath as if it had been asked politely, without blaming them and without matching their tone.',
    strongReply: [
      'Ignores the sarcasm and answers the complaint underneath.',
      'No blame, no “as mentioned”, no capital letters.',
      'Concrete fix and a time, so the next message can be a thank-you.',
    ],
    modelAnswer:
      'Hi Greg,\n\nYou are right to be annoyed: a sync that silently stops for four days is frustrating, and you should not have had to discover it from a missing invoice.\n\nYes, and it is fixed already. I have found the cause: your bank connection expired on Monday and our app did not warn you. I have reconnected it on our side, and the four missing days of transactions are importing now; you will see them within the next hour. I have also switched on the email alert for expired connections on your account.\n\nIf anything is still missing by this afternoon, reply here and I will look at it myself.\n\nThanks for flagging it,\nPriya',
    subject: 'Wonderful sync, really',
    channel: 'email',
    customer: { name: 'Greg Halloran', email: 'greg@halloran-plumbing.example', customerForDays: 420, organization: 'Halloran Plumbing' },
    thread: [
      {
        from: 'customer',
        text: 'Oh great, another week, another "seamless" bank sync. Four days of transactions just vanished. Love paying for an accounting app that stops counting. Wonderful work, really. Any chance someone could fix it?',
        minutesAgo: 40,
      },
    ],
    history: [{ ticketId: '2290', subject: 'Bank sync stopped', daysAgo: 95, solved: true, mood: -2, tags: ['bank-sync'] }],
    facts: [],
    promises: [],
  },
  {
    id: 'exception-today',
    title: 'The customer who needs an exception today',
    principle: 'flexibility',
    why:
      'Routines exist for normal days. When a customer has a real emergency, such as a funeral, a flooded shop or a deadline that cannot move, following the routine to the letter tells them the rule matters more than they do. Flexibility means recognising the emergency and doing what it takes today, within what you are allowed to decide.',
    strongReply: [
      'Recognises the emergency and acknowledges it in human words.',
      'Makes the exception now, or says exactly who will and when.',
      'Removes every extra step from their day.',
    ],
    modelAnswer:
      'Hi Ruth,\n\nI am so sorry about your father, and I understand how worrying this is. The last thing you need is a booking problem on top of it.\n\nI have moved your flight to Thursday at 07:15 without a change fee, and the new ticket is already in your email. Your seat and luggage stay the same.\n\nIf the plans change again, reply to this email at any hour and we will change it once more for free.\n\nThinking of you and your family,\nPriya',
    subject: 'Need to change my flight today - family emergency',
    channel: 'email',
    customer: { name: 'Ruth Abernathy', email: 'ruth.abernathy@example.co.uk', customerForDays: 900, timeZone: 'Europe/London' },
    thread: [
      {
        from: 'customer',
        text: 'My father was taken to hospital this morning and I need to fly home on Thursday instead of next week. The website says changes cost £120 and need 7 days notice. Please, can you move my flight to Thursday?',
        minutesAgo: 15,
      },
    ],
    history: [{ ticketId: '7001', subject: 'Seat selection', daysAgo: 40, solved: true }],
    facts: [],
    promises: [],
  },
  {
    id: 'quiet-leaver',
    title: 'The polite customer quietly about to leave',
    principle: 'caring',
    why:
      'Most customers never complain; they leave. A calm, polite message asking how to cancel can be the last chance to learn why and to show that we care. Caring is asking, without pressure, whether something went wrong, while making the thing they asked for easy.',
    strongReply: [
      'Thanks them sincerely for their years with us (the recognition cue says how many).',
      'Answers the cancellation question plainly: no obstacles, no guilt.',
      'Asks one gentle question about why, and offers to fix it if something went wrong.',
    ],
    modelAnswer:
      'Hi Henrik,\n\nThank you for four years with us, and for telling us before you go.\n\nTo cancel, go to Account → Subscription → Cancel plan. Your account stays active until 30 June and you can download all your projects until then.\n\nBefore you do: if something on our side made you decide to leave, such as the slower sync you mentioned in March, I would really like to know. If it is something I can fix, I will do it this week; if not, I will make sure the team hears about it.\n\nEither way, thank you; it has been a pleasure working with you,\nPriya',
    subject: 'Cancelling our subscription',
    channel: 'email',
    customer: { name: 'Henrik Lund', email: 'henrik@lundarkitekter.example', customerForDays: 4 * 365 + 20, organization: 'Lund Arkitekter', timeZone: 'Europe/Stockholm' },
    thread: [{ from: 'customer', text: 'Hello, could you tell me how we cancel our subscription at the end of the month? Thank you for your help over the years.', minutesAgo: 90 }],
    history: [
      { ticketId: '6650', subject: 'Sync is slow on large projects', daysAgo: 75, solved: true, mood: -1, tags: ['sync'] },
      { ticketId: '5001', subject: 'Adding a new architect', daysAgo: 300, solved: true, mood: 2 },
    ],
    facts: [{ text: 'Mentioned sync being slow on their biggest project in March', daysAgo: 75, mentionNext: false }],
    promises: [],
  },
  {
    id: 'knowledge-confident-answer',
    title: 'The question that needs a confident answer',
    principle: 'knowledge',
    why:
      'Customers come to us because we are supposed to know. “I think”, “maybe” and “it should work” make them wonder whether to trust the answer, and they ask again elsewhere. Knowledge means checking first and then answering plainly, with the steps and a link to the article they can keep.',
    strongReply: [
      'Answers directly, without hedges.',
      'Gives the exact steps.',
      'Links the help article so they can find it again.',
    ],
    modelAnswer:
      'Hi Noor,\n\nYes, two-factor login works with any authenticator app, including the one you use.\n\nTo switch it on:\n1. Go to Profile → Security.\n2. Click “Set up two-factor login” and scan the code with your app.\n3. Enter the six-digit code to confirm.\n\nThe full guide, with screenshots, is here: https://help.example.com/articles/two-factor-login\n\nIf the code is not accepted, reply with a screenshot and I will sort it out with you today.\n\nHave a good day,\nPriya',
    subject: 'Does two-factor work with my authenticator?',
    channel: 'email',
    customer: { name: 'Noor Haddad', email: 'noor.haddad@example.com', customerForDays: 60 },
    thread: [{ from: 'customer', text: 'Does your two-factor login work with the authenticator app I already use, and how do I switch it on?', minutesAgo: 30 }],
    history: [],
    facts: [],
    promises: [],
  },
  {
    id: 'sincere-not-boilerplate',
    title: 'The apology that must not sound like a template',
    principle: 'sincerity',
    why:
      'Customers can smell a template. “We apologise for any inconvenience” and “your satisfaction is our priority” are said to everyone, so they mean nothing to anyone. Sincerity is saying the specific thing that happened to this person, in the words you would use face to face.',
    strongReply: [
      'No stock phrases: no “any inconvenience”, no “rest assured”.',
      'Says what went wrong for them in particular: the wrong size, the party on Saturday.',
      'Puts it right in a way that fits their situation.',
    ],
    modelAnswer:
      'Hi Lucy,\n\nI am sorry: we sent the dress in size 14 instead of 10, and with the party on Saturday that is the worst possible timing.\n\nI have sent the size 10 by express courier today; it arrives tomorrow before 12:00. Keep the size 14 until it does, then use the prepaid label in the parcel to send it back whenever suits you.\n\nEnjoy the party on Saturday, and thank you for telling us so quickly,\nPriya',
    subject: 'Wrong size delivered',
    channel: 'email',
    customer: { name: 'Lucy Brennan', email: 'lucy.brennan@example.ie', customerForDays: 200, importantDates: [{ label: 'Sister’s 40th birthday party', inDays: 3 }] },
    thread: [
      {
        from: 'customer',
        text: 'I ordered the green dress in size 10 and got a size 14. I need it for a party on Saturday. This is so disappointing. Can you send the right size in time?',
        minutesAgo: 20,
      },
    ],
    history: [{ ticketId: '8120', subject: 'Order tracking', daysAgo: 45, solved: true }],
    facts: [],
    promises: [],
  },
  {
    id: 'anticipate-renewal',
    title: 'The renewal they have not thought about yet',
    principle: 'anticipation',
    why:
      'The best service answers the question before it is asked. When we can see a need coming, such as a renewal next week with a card that expires, or a limit they are about to hit, mentioning it now saves them a problem and shows that we look out for them.',
    strongReply: [
      'Answers what they asked first.',
      'Then raises the need they have not seen yet: the renewal next week and the expiring card.',
      'Makes acting on it easy.',
    ],
    modelAnswer:
      'Hi Kwame,\n\nYes, the invoice for May is attached to this email, with your VAT number on it.\n\nOne thing I noticed while I was in your account: your yearly plan renews in 6 days, and the card we have on file expires at the end of this month. To avoid a failed payment, you can update the card under Billing → Payment method; it takes a minute.\n\nIf you would rather pay this renewal by bank transfer, reply and I will send you the details today.\n\nHave a great week,\nPriya',
    subject: 'Invoice for May',
    channel: 'email',
    customer: {
      name: 'Kwame Asante',
      email: 'kwame@asante-studio.example',
      customerForDays: 730,
      organization: 'Asante Studio',
      importantDates: [{ label: 'Yearly plan renewal', inDays: 6 }],
    },
    thread: [{ from: 'customer', text: 'Hi, could you send me the invoice for May with our VAT number on it?', minutesAgo: 45 }],
    history: [{ ticketId: '3010', subject: 'VAT number on invoices', daysAgo: 330, solved: true }],
    facts: [],
    promises: [],
  },
  {
    id: 'consistent-answer',
    title: 'The customer who got two different answers',
    principle: 'consistency',
    why:
      'When two agents give two different answers, the customer stops trusting both. Consistency means checking what was said before, giving the right answer once, and owning the difference openly rather than hoping they will not notice.',
    strongReply: [
      'Acknowledges that they were told two different things.',
      'Gives the one correct answer, with the reason.',
      'Honours what the customer was promised where it is fair to do so.',
    ],
    modelAnswer:
      'Hi Yusuf,\n\nI am sorry that you were told two different things about the refund window; that is confusing, and it is on us, not you.\n\nThe correct answer: annual plans can be refunded in full within 30 days of purchase. You bought yours 24 days ago, so you are within the window. I have refunded the full €240 today, and you will see it on your card within 5 business days.\n\nI have also corrected the note that led to the 14-day answer, so you will get the same answer from anyone here.\n\nLet me know if there is anything else I can help with,\nPriya',
    subject: 'Refund: 14 or 30 days?',
    channel: 'email',
    customer: { name: 'Yusuf Demir', email: 'yusuf.demir@example.com', customerForDays: 24 },
    thread: [
      { from: 'customer', text: 'Can I still get a refund for my annual plan? I bought it three weeks ago.', minutesAgo: 3 * DAY_MIN },
      { from: 'agent', author: 'Marco', text: 'Hi Yusuf, refunds are only possible within 14 days of purchase, sorry.', minutesAgo: 3 * DAY_MIN - 60 },
      {
        from: 'customer',
        text: 'Your chat assistant told me yesterday it is 30 days, and your website says 30 days too. Which is it? Do I get my refund or not?',
        minutesAgo: 55,
      },
    ],
    history: [{ ticketId: '9001', subject: 'Refund for annual plan', daysAgo: 3, solved: false, mood: -2, tags: ['refund'] }],
    facts: [],
    promises: [],
  },
  {
    id: 'recover-after-outage',
    title: 'Winning a customer back after a failure',
    principle: 'recovery',
    why:
      'A failure handled well can leave a customer more loyal than if nothing had gone wrong. Recovery has three parts: own it without excuses, fix it completely, and do a little more than they expected so they remember how it ended, not how it started.',
    strongReply: [
      'Owns the failure plainly: what happened and that it was ours.',
      'Explains what has been fixed and what prevents it happening again.',
      'Offers something that fits the harm (here: the lost sales day), without being asked.',
    ],
    modelAnswer:
      'Hi Chiara,\n\nYesterday your shop was offline for five hours on your busiest day of the month, and that was our failure: a configuration change we made broke the checkout for a group of shops, yours included. I am sorry about the lost orders, and I understand how stressful it was to watch it happen.\n\nYour checkout has been working again since 16:40 yesterday, and we have rolled back the change and added a check so it cannot ship that way again.\n\nI have credited your account with a full month of your plan, and our team will send you a list of the customers whose carts were abandoned during the outage by tomorrow, so you can reach out to them.\n\nThank you for staying with us through this,\nPriya',
    subject: 'Shop down during the sale!!',
    channel: 'email',
    customer: { name: 'Chiara Bellini', email: 'chiara@bellini-pasta.example', customerForDays: 1000, organization: 'Pastificio Bellini', tier: 'Business' },
    thread: [
      {
        from: 'customer',
        text: 'Our checkout was broken for five hours yesterday during our monthly sale. Customers were emailing us that they could not pay. This cost us a lot of money and I am really angry. What happened and what are you going to do about it?',
        minutesAgo: 80,
      },
    ],
    history: [{ ticketId: '4500', subject: 'Checkout not loading', daysAgo: 1, solved: true, mood: -4, tags: ['checkout', 'outage'] }],
    facts: [],
    promises: [],
  },
  {
    id: 'emotional-warm-close',
    title: 'The happy customer with a small request',
    principle: 'emotional-engagement',
    why:
      'Loyalty grows from feelings, not only from solved tickets. When a customer is already happy, a warm, personal reply, one that shares their pleasure and ends on a human note, turns a routine answer into a moment they remember.',
    strongReply: [
      'Shares their good news in a sentence, naturally.',
      'Handles the small request quickly and completely.',
      'Ends warmly and personally, not with a stock sign-off.',
    ],
    modelAnswer:
      'Hi Ama,\n\nCongratulations on the award! That is wonderful news, and well deserved after the year your team has had.\n\nI have added the “Award winner 2026” badge to your public profile just now; it shows on your page straight away.\n\nEnjoy the celebration, and thank you for sharing it with us,\nPriya',
    subject: 'We won!',
    channel: 'email',
    customer: { name: 'Ama Boateng', email: 'ama@boateng-bakery.example', customerForDays: 500, organization: 'Boateng Bakery' },
    thread: [
      {
        from: 'customer',
        text: 'Good news: we won the regional small business award yesterday! Could you add the award badge to our public profile? Thank you so much for all your help this year.',
        minutesAgo: 25,
      },
    ],
    history: [{ ticketId: '3777', subject: 'Updating opening hours', daysAgo: 20, solved: true, mood: 3 }],
    facts: [],
    promises: [],
  },
  {
    id: 'chat-prompt-first-reply',
    title: 'The chat that has been waiting',
    principle: 'prompt-attention',
    why:
      'On chat, a customer waits with the window open, often unable to do anything else. A fast first reply that shows you have read their question, even before you have the full answer, tells them they are in good hands. Silence, or a bare “one moment please”, does not.',
    strongReply: [
      'Shows at once that you have read their actual question.',
      'Gives them the answer or the first step right away.',
      'Says how long anything else will take.',
    ],
    modelAnswer:
      'Hi Lena, sorry your order 88213 did not arrive today as we said, and thanks for waiting. I can see it in our system: it left our warehouse this morning and arrives tomorrow before 18:00. I have sent the tracking link to your email just now. Anything else I can help with while you are here?',
    subject: 'Chat: where is my order 88213?',
    channel: 'chat',
    customer: { name: 'Lena Fischer', email: 'lena.fischer@example.de', customerForDays: 15, timeZone: 'Europe/Berlin' },
    thread: [
      { from: 'customer', text: 'Hi, where is my order 88213?', minutesAgo: 4 },
      { from: 'customer', text: 'It was supposed to arrive today.', minutesAgo: 3 },
    ],
    history: [],
    facts: [],
    promises: [],
  },
];

/** A built-in scenario by id. */
export const builtInScenario = (id: string) => BUILT_IN_SCENARIOS.find((s) => s.id === id);

/**
 * The engine-speed inputs the targets are stated for (issue #12): a 3,000-character draft against a
 * 2,000-character customer message. Shared by scripts/bench-checklist.ts and scripts/profile-engine.ts,
 * so the profile explains the same figure the bench reports.
 */
const customerBase =
  "This is the THIRD time I'm writing about this. You charged me TWICE for March and nobody has fixed it. " +
  'Can you tell me when the refund will arrive? I need to know how to download the corrected invoice. ' +
  "I'm honestly worried because our accountant closes the books on Friday and I don't want a dispute. ";
const draftBase =
  "I'm so sorry you were charged twice for March, and that you had to write three times. I've refunded the duplicate $249 just now; " +
  "you'll see it on your statement within 3–5 business days. The corrected invoice is under Billing → Invoices: https://help.example.com/articles/invoices. " +
  'I have also added a note to your account so that nobody asks you to explain it again. ';
const fill = (base: string, size: number) => base.repeat(Math.ceil(size / base.length)).slice(0, size);
const head = 'Hi Dana,\n\n';
const tail = '\n\nLet me know if anything else looks off.\n\nAlex';

export const customer = fill(customerBase, 2000);
export const draft = `${head}${fill(draftBase, 3000 - head.length - tail.length)}${tail}`;


/**
 * A 2,000-character message of eight different asks (the engine judges at most eight): the repeated
 * message above holds two asks written four times each, and an ask written twice is judged once.
 */
const manyAsks =
  "This is the THIRD time I'm writing about this. You charged me TWICE for March and nobody has fixed it. " +
  'Can you tell me when the refund will arrive? I need to know how to download the corrected invoice. ' +
  "I'm honestly worried because our accountant closes the books on Friday and I don't want a dispute.\n" +
  'Also, could you change the billing email on our account to finance@example.com? Our old admin left last month ' +
  'and we still get locked out of the admin panel every morning. Is there a way to add a second admin so this does not happen again? ' +
  'Please cancel the extra seat that was added in February, we never asked for it.\n' +
  'Which plan includes SSO, and does it cost more per user? Why does the export to CSV drop the last column? ' +
  "I'd like a call with someone from billing this week if possible.\n";
const story =
  'For context, we moved from the old plan in January after your sales team told us the migration would be seamless. ' +
  'Since then the dashboard has been slow in the mornings, the reports arrive late, and two of my colleagues had to reset their passwords twice. ' +
  'We have been customers for six years and have recommended you to several partners, so this is really disappointing. ';
export const customerManyAsks = `${manyAsks}${fill(story, 2000 - manyAsks.length)}`;

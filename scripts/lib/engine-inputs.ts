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


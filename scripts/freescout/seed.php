<?php
/**
 * Seeds a FreeScout install with Rapport's test data through FreeScout's own models (run from the
 * FreeScout folder: `php seed.php`). Prints one JSON line: the conversation ids by name.
 *
 * - Carol Customer has two conversations, so a second one shows her history.
 * - A customer whose name is markup (it must show as text everywhere).
 * - Customer messages, agent replies and internal notes.
 * - Real customers' messages nobody here wrote: rows of the labelled data's dev split
 *   (data/judgement/SOURCES.md), read from the repository by id, one customer each; and, when
 *   FREESCOUT_EXTRA_ROWS names a JSON file, the conversations in it (scripts/freescout/read-real.ts).
 * `imported => true` keeps FreeScout from queueing email; times are set with SQL afterwards because
 * `Thread::createExtended` in 1.8.145 crashes when given `created_at`.
 */
require getcwd().'/vendor/autoload.php';
$app = require getcwd().'/bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

use App\Conversation;
use App\Customer;
use App\Mailbox;
use App\Thread;
use App\User;

$agent = User::where('email', 'agent@example.test')->firstOrFail();
$mailbox = new Mailbox();
$mailbox->fill(['name' => 'Support', 'email' => 'support@example.test']);
$mailbox->save();
$mailbox->users()->sync([$agent->id]);
$mailbox->syncPersonalFolders([$agent->id]);

$at = fn ($minutesAgo) => gmdate('Y-m-d H:i:s', time() - 60 * $minutesAgo);

/**
 * Plain text as FreeScout stores a plain-text mail: escaped, each line end a <br />, so a blank line
 * is <br /><br /> (FetchEmails::separateReply: `nl2br($body)` after `htmlspecialchars($body)`).
 */
function paragraphs($text)
{
    return nl2br(htmlspecialchars(trim($text), ENT_QUOTES));
}

/**
 * One conversation: [minutesAgo, type, body] threads, oldest first. The first is the customer's mail,
 * or the agent's when they wrote first (Conversation::create sets `source_via` from it, as a new
 * conversation sent from FreeScout's own form has it).
 */
function conversation($mailbox, $agent, $customer, $subject, $threads, $at)
{
    [$firstAgo, $firstType, $firstBody] = $threads[0];
    $first = ['type' => $firstType, 'imported' => true, 'body' => $firstBody];
    if ($firstType !== Thread::TYPE_CUSTOMER) $first['created_by_user_id'] = $agent->id;
    $conv = Conversation::create([
        'type' => Conversation::TYPE_EMAIL, 'subject' => $subject, 'mailbox_id' => $mailbox->id,
        'source_type' => Conversation::SOURCE_TYPE_EMAIL, 'user_id' => $agent->id,
    ], [$first], $customer)['conversation'];
    // A fourth element: another customer wrote it (a colleague on copy answering for them).
    foreach (array_slice($threads, 1) as $t) {
        [, $type, $body] = $t;
        $thread = ['type' => $type, 'imported' => true, 'body' => $body];
        if ($type !== Thread::TYPE_CUSTOMER) $thread['created_by_user_id'] = $agent->id;
        Thread::createExtended($thread, $conv->fresh(), $t[3] ?? $customer);
    }
    $times = array_map(fn ($t) => $at($t[0]), $threads);
    foreach ($conv->threads()->orderBy('id')->get() as $i => $thread) {
        \DB::table('threads')->where('id', $thread->id)->update(['created_at' => $times[$i], 'updated_at' => $times[$i]]);
    }
    // The conversation stays its customer's when a colleague on copy replies: FetchEmails changes it to
    // the sender while the reply is saved and then sets it back ("Return original customer back").
    \DB::table('conversations')->where('id', $conv->id)->update(['created_at' => $times[0], 'last_reply_at' => end($times), 'customer_id' => $customer->id, 'customer_email' => $customer->getMainEmail()]);
    return $conv->id;
}

$carol = Customer::create('carol@example.test', ['first_name' => 'Carol', 'last_name' => 'Customer']);
$hostile = Customer::create('mallory@example.test', ['first_name' => '<img src=x onerror=alert(1)>', 'last_name' => 'Mallory']);
$dan = Customer::create('dan@example.test', ['first_name' => 'Dan', 'last_name' => 'Buyer']);
// The demo helpdesk's Sam (demo/data.mjs), same email: a note follows him from Zendesk and Freshdesk here.
$sam = Customer::create('sam.rivera@example.com', ['first_name' => 'Sam', 'last_name' => 'Rivera']);

$C = Thread::TYPE_CUSTOMER;
$A = Thread::TYPE_MESSAGE;
$N = Thread::TYPE_NOTE;
$ids = [];
$ids['carolRefund'] = conversation($mailbox, $agent, $carol, 'Refund for order #1042', [
    [180, $C, '<p>Hi, my order #1042 arrived broken.</p><p>Can I get a refund or a replacement?</p>'],
    [120, $A, '<p>Sorry to hear that, Carol! Could you send a photo of the damage?</p>'],
    [90, $N, '<p>Internal: warehouse says batch 7 had packing issues.</p>'],
    [30, $C, '<p>Photo attached. I would prefer a refund, please.</p>'],
], $at);
$ids['carolEarlier'] = conversation($mailbox, $agent, $carol, 'Where is my parcel?', [
    [60 * 24 * 9, $C, '<p>Hello, my parcel has not arrived yet. Tracking says it is in Leeds.</p>'],
    [60 * 24 * 9 - 45, $A, '<p>Hi Carol, it is on its way and should reach you on Friday.</p>'],
], $at);
$ids['hostile'] = conversation($mailbox, $agent, $hostile, 'Account locked <b>now</b>', [
    [50, $C, '<p>My account is locked. <script>alert(2)</script>Please help.</p>'],
    [20, $N, '<p>Checked the login log: five failed attempts.</p>'],
], $at);
$ids['dan'] = conversation($mailbox, $agent, $dan, 'Invoice copy', [
    [300, $C, '<p>Could you send me a copy of invoice 77?</p>'],
], $at);
$ids['sam'] = conversation($mailbox, $agent, $sam, 'CSV export: still one row short', [
    [15, $C, '<p>Hello again, the Projects CSV is still one row short after the update.</p>'],
], $at);
// A plain-text mail reply with the agent's earlier answer quoted under it, as FreeScout keeps it
// when the mail client's quote is not markup it strips (app/Misc/Mail.php): the customer only thanks.
$quinn = Customer::create('quinn.park@example.com', ['first_name' => 'Quinn', 'last_name' => 'Park']);
$ids['quoted'] = conversation($mailbox, $agent, $quinn, 'Re: Sync keeps failing', [
    [15, $C, paragraphs("Thanks, that worked!\n\nOn Mon, Dec 5, 2026 at 10:14 AM Support <support@example.test> wrote:\n> Hi Quinn,\n> Could you please sign out and try again? If it still fails, can you send us a screenshot of the error?\n> Sorry for the trouble, this must be frustrating.")],
], $at);
// A mail that says it in its subject: the body only points to it.
$uma = Customer::create('uma.das@example.com', ['first_name' => 'Uma', 'last_name' => 'Das']);
$ids['subject'] = conversation($mailbox, $agent, $uma, 'Refund for order 1042 please', [
    [12, $C, paragraphs("Hi,\n\nsee subject.\n\nThanks,\nUma")],
], $at);
// A business mail as it arrives: the customer's words, a contact block, the company's legal
// footer, and the earlier mail under an Outlook header written as text (FreeScout strips only quote
// markup, app/Misc/Mail.php). The footer's "notify the sender immediately" was an ask, and its
// "CONFIDENTIALITY NOTICE", "error", "prohibited" an upset customer.
$anna = Customer::create('anna.berg@example.com', ['first_name' => 'Anna', 'last_name' => 'Berg']);
$ids['business'] = conversation($mailbox, $agent, $anna, 'RE: Invoice 2291', [
    [14, $C, paragraphs("Hi,\n\nThe November invoice shows our old VAT number. Can you correct it and send it again?\n\nKind regards,\nAnna Berg\nFinance Manager\nAcme Trading GmbH\nTel: +49 30 1234 5678\nanna.berg@example.com\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be privileged. If you are not the intended recipient, please notify the sender immediately and delete this e-mail. Any unauthorised use, disclosure or copying is strictly prohibited.\n\nPlease consider the environment before printing this email.\n\n________________________________\nFrom: Support <support@example.test>\nSent: Monday, December 5, 2026 10:14 AM\nTo: Anna Berg\nSubject: Invoice 2291\n\nHi Anna, sorry for the trouble with the failed payment. Could you try again?")],
], $at);
// A delivery failure after the agent's answer: FreeScout files it as a customer thread and marks it
// (FetchEmails.php `is_bounce`, shown as "This is a bounce message." by partials/thread.blade.php).
$carl = Customer::create('carl.moss@example.com', ['first_name' => 'Carl', 'last_name' => 'Moss']);
$ids['bounce'] = conversation($mailbox, $agent, $carl, 'Invoice for order 88', [
    [60, $C, paragraphs("Hi, could you send me the invoice for order 88?")],
    [40, $A, paragraphs("Hi Carl, here is the invoice for order 88. Let me know if anything else comes up.")],
    [10, $C, paragraphs("Address not found\n\nYour message wasn't delivered to carl.moss@exmaple.com because the address couldn't be found, or is unable to receive mail.\n\nLEARN MORE\n\nThe response was:\n\n550 5.1.1 The email account that you tried to reach does not exist.")],
], $at);
\DB::table('threads')->where('conversation_id', $ids['bounce'])->orderBy('id', 'desc')->limit(1)->update(['send_status_data' => json_encode(['is_bounce' => true])]);
// What a customer says about having written before (GUIDELINE §7, docs/memory.md). Rosa redoes
// things ("logged in again", "reinstalled the app again"), which the repeat-contact cue read as "been
// here before"; Omar chased an unanswered mail without a number or an "again", which it missed, so
// the sidebar welcomed him as a first-time customer.
$rosa = Customer::create('rosa.lind@example.com', ['first_name' => 'Rosa', 'last_name' => 'Lind']);
$ids['redo'] = conversation($mailbox, $agent, $rosa, 'Notes not syncing', [
    [25, $C, paragraphs("Hi,\n\nMy notes stopped syncing yesterday. I logged out and logged in again and reinstalled the app again, but nothing changed. Can you help?")],
], $at);
$omar = Customer::create('omar.haddad@example.com', ['first_name' => 'Omar', 'last_name' => 'Haddad']);
$ids['chased'] = conversation($mailbox, $agent, $omar, 'Double charge', [
    [20, $C, paragraphs("Hello,\n\nI emailed you last Tuesday about the double charge on my card and nobody has replied. Could you refund the second payment?")],
], $at);
// Real text on a real helpdesk: the e2e test types each row's real reply and reads the sidebar.
// Dev split only (never test); sources and licences in data/judgement/SOURCES.md and
// data/language/SOURCE.md. The customers' names are made up (the rows carry none);
// real-customers.json is read by the e2e test too. A labelled exchange holds the customer's text
// (`customer`); a row of data/language/ is one message (`text`), named by `file`.
$real = json_decode(file_get_contents(__DIR__.'/real-customers.json'), true);
foreach ($real as $key => $entry) {
    ['row' => $rowId, 'first' => $first, 'last' => $last] = $entry;
    $file = $entry['file'] ?? "data/judgement/{$entry['source']}/labelled.jsonl";
    $row = null;
    foreach (file(__DIR__."/../../$file") as $line) {
        $candidate = json_decode($line, true);
        if ($candidate['id'] === $rowId) $row = $candidate;
    }
    if (!$row) throw new RuntimeException("no row $rowId in $file");
    $person = Customer::create("$key@example.test", ['first_name' => $first, 'last_name' => $last]);
    $ids[$key] = conversation($mailbox, $agent, $person, "Real text: $rowId", [[20, $C, paragraphs($row['customer'] ?? $row['text'])]], $at);
}

// A first-time customer for an agent who reads FreeScout in another language (the e2e test switches
// it to Russian, whose dates read "Дек 7, 2026 15:18"): her history and her mail's time must still read.
$greta = Customer::create('greta.vogel@example.com', ['first_name' => 'Greta', 'last_name' => 'Vogel']);
$ids['otherLanguage'] = conversation($mailbox, $agent, $greta, 'Invoice for order 5512', [
    [40, $C, paragraphs("Hi,\n\nI never received the invoice for order 5512. Could you send it to me?\n\nThanks,\nGreta")],
], $at);

// A customer who wrote this morning, and a conversation the agent started with him later (a new
// conversation sent from FreeScout), which he answered: his second conversation today, but only one
// of them his ("2nd ticket today — acknowledge the hassle" was said on it).
$hugo = Customer::create('hugo.reyes@example.com', ['first_name' => 'Hugo', 'last_name' => 'Reyes']);
$ids['hugoEarlier'] = conversation($mailbox, $agent, $hugo, 'Blender arrived broken', [
    [300, $C, paragraphs("Hello,\n\nMy blender arrived with a cracked jug. Can you send a new one?\n\nHugo")],
    [280, $A, paragraphs("Hi Hugo,\n\nSorry about that! A new jug is on its way.\n\nAlice")],
], $at);
$ids['outbound'] = conversation($mailbox, $agent, $hugo, 'Your replacement jug has shipped', [
    [60, $A, paragraphs("Hi Hugo,\n\nYour replacement jug shipped today. The tracking number is 1Z999AA10123456784.\n\nAlice")],
    [15, $C, paragraphs("Thanks! The tracking link says the number is unknown though. Can you check it?\n\nHugo")],
], $at);

// A customer who wrote once this morning, and a new conversation the agent sent him since, not yet
// answered: one message each, so his profile's list says who created each, in the agent's language
// ("Erstellt von Benutzer" in German). The agent's conversation is never opened here.
$jonas = Customer::create('jonas.berg@example.com', ['first_name' => 'Jonas', 'last_name' => 'Berg']);
$ids['jonasOwn'] = conversation($mailbox, $agent, $jonas, 'Zahlung doppelt abgebucht', [
    [120, $C, paragraphs("Hallo,\n\nmeine Zahlung für Bestellung 7781 wurde zweimal abgebucht. Können Sie das prüfen?\n\nJonas")],
], $at);
$ids['jonasCustomer'] = $jonas->id;
$ids['jonasOutbound'] = conversation($mailbox, $agent, $jonas, 'Ihre Rückerstattung für Bestellung 7781', [
    [30, $A, paragraphs("Hallo Jonas,\n\ndie doppelte Abbuchung ist erstattet; Sie sehen sie in drei bis fünf Tagen.\n\nAlice")],
], $at);

// A colleague on copy answers for the customer: the agent's reply greets him ("Hi Bob," was "Greets
// “Bob”, but this is Ines Ortega", the warning for a macro pasted from another ticket).
$ines = Customer::create('ines.ortega@example.com', ['first_name' => 'Ines', 'last_name' => 'Ortega']);
$bob = Customer::create('bob.marsh@example.com', ['first_name' => 'Bob', 'last_name' => 'Marsh']);
$ids['copied'] = conversation($mailbox, $agent, $ines, 'Wrong VAT number on our invoices', [
    [200, $C, paragraphs("Hello,\n\nOur last three invoices show the VAT number of our old company. Can you correct them?\n\nInes")],
    [150, $A, paragraphs("Hi Ines,\n\nOf course. Which VAT number should they show?\n\nAlice")],
    [25, $C, paragraphs("Hi Alice,\n\nI'm Ines's colleague in accounts: it is GB 123 4567 89.\n\nBob"), $bob],
], $at);

// A back-and-forth under way: Lea answered the agent's question three minutes later. The next reply
// needs no new "Hi Lea," (a one-line closing in a real 22-turn chat failed "Greets by name").
$lea = Customer::create('lea.novak@example.com', ['first_name' => 'Lea', 'last_name' => 'Novak']);
$ids['live'] = conversation($mailbox, $agent, $lea, 'Cannot log in', [
    [16, $C, paragraphs("Hi, I can't log in since this morning.")],
    [13, $A, paragraphs("Hi Lea,\n\nSorry about that. Which browser are you using?\n\nAlice")],
    [10, $C, paragraphs("Firefox 128 on Windows.")],
], $at);

// More real conversations from a file (scripts/freescout/read-real.ts writes it): a list of
// {key, first, last, subject, turns: [[customer|agent, text], …]}, oldest turn first.
$extra = getenv('FREESCOUT_EXTRA_ROWS');
if ($extra) {
    foreach (json_decode(file_get_contents($extra), true) as $row) {
        $person = Customer::create("{$row['key']}@example.test", ['first_name' => $row['first'], 'last_name' => $row['last']]);
        $n = count($row['turns']);
        $threads = array_map(fn ($i) => [30 + 2 * ($n - $i), $row['turns'][$i][0] === 'customer' ? $C : $A, paragraphs($row['turns'][$i][1])], range(0, $n - 1));
        $ids[$row['key']] = conversation($mailbox, $agent, $person, $row['subject'], $threads, $at);
    }
}
echo json_encode($ids), "\n";

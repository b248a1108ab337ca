# Source of test/corpus/holdout-2.jsonl: a second held-out set, written (and labelled by hand, as a
# careful team lead would) BEFORE the engine was run on it, by someone who had not tuned the rules.
# Its first score is the honest figure on unseen text; the rules were then improved with general
# fixes (see docs/checklist.md), and this set is scored again after. Labels describe the reply, not
# what the engine does. Same labelling as build-corpus.py (+ pass, - fail, 0 not applicable).
# Regenerate: python3 test/corpus/build-holdout-2.py
import json, os

KEYS = {'g': 'greets-by-name', 'a': 'acknowledges-feelings', 'q': 'answers-questions', 'n': 'next-step',
        'k': 'knowledge-link', 'r': 'respectful-language', 's': 'sincere-wording', 'c': 'confident-wording',
        'cl': 'closing', 'ph': 'placeholders', 'rt': 'response-time', 'f': 'follow-through'}
STATE = {'+': 'pass', '-': 'fail', '0': 'na'}
out = []

def scenario(sid, customer, messages, replies, a='0', k='0', promises=None):
    for i, (draft, spec) in enumerate(replies, 1):
        d = {'a': a, 'k': k, 'r': '+', 's': '+', 'c': '+', 'ph': '+', 'f': '0' if not promises else '+', 'rt': '0'}
        for tok in spec.split():
            d[tok[:-1]] = tok[-1]
        row = {'id': f'h2-{sid}-{i}', 'customer': customer, 'customerMessages': messages, 'draft': draft}
        if promises: row['openPromises'] = [{'text': p} for p in promises]
        row['expected'] = {KEYS[x]: STATE[v] for x, v in d.items()}
        out.append(row)

# Sarcasm, no explicit question: the complaint is the request.
scenario('sync-sarcasm', {'name': 'Hannah Schmidt'}, [
    "Oh great, the calendar sync broke AGAIN after your update. Love how I get to re-enter every meeting by hand. Really fantastic product."], [
    ("Hi Hannah,\n\nHaving to re-enter every meeting by hand after an update is exactly the kind of extra work we should never cause you. Yesterday's update broke the Outlook connector; we've rolled it back and your calendar re-synced at 09:40, so your meetings are all back.\n\nIf anything is still missing, reply here and I'll restore it from our side.\n\nJonas", 'g+ a+ q+ n+ cl+'),
    ("Hi Hannah, sorry for the inconvenience. Please try disconnecting and reconnecting the calendar.", 'g+ a- q+ n+ s- cl-'),
    ("Hello Hannah,\n\nThanks for the kind words! Glad you're enjoying the product. Let me know if there's anything else.\n\nJonas", 'g+ a- q- n- cl+'),
], a='-')

# Negation: "not upset, just confused"; a question without "?".
scenario('not-upset', {'name': 'Rafael Souza'}, [
    "I'm not upset, just confused. The invoice says 12 seats but we only have 9 people in the team. Which one is right"], [
    ("Hi Rafael,\n\nThe invoice is right for last month: 3 seats stayed assigned to people who had left. I've removed those 3 seats today, so from the next invoice on you'll be billed for 9.\n\nAny other questions, just ask.\n\nLuz", 'g+ q+ n+ cl+'),
    ("Hi Rafael, I understand how frustrating this must be! We apologise for any inconvenience. Our billing team will look into it.", 'g+ q- n- s- cl-'),
    ("Rafael, 9 is correct; the extra 3 seats were invited guests. You can remove them in Admin → Members. Thanks!", 'g+ q+ n+ cl+'),
])

# Worry and a deadline: loss of files, a question without "?".
scenario('lost-files', {'name': 'Tan Mei Lin', 'preferredName': 'Mei Lin'}, [
    "please help, all my project files disappeared after the sync this morning. I have a client presentation at 3pm today and I'm panicking. is there any way to get them back"], [
    ("Hi Mei Lin,\n\nI know how stressful this is with a presentation at 3, so let's get your files back first. They aren't gone: the sync moved them to Trash. I've restored all 214 files to your Projects folder just now; refresh the app and they'll be there.\n\nI'm here until 6 pm if anything is missing.\n\nOmar", 'g+ a+ q+ n+ cl+'),
    ("Hi Mei Lin, sorry about that. Files can be restored from Trash within 30 days.", 'g+ a- q+ n- cl-'),
    ("Hi Mei Lin,\n\nLosing everything hours before a client presentation is awful. I've escalated it to our storage team as urgent and they'll restore your files within the hour; I'll email you the moment they're back.\n\nOmar", 'g+ a+ q+ n+ cl-'),
], a='+')

# Non-native English, two requests, no question mark on the request.
scenario('cancel-nonnative', {'name': 'Dmitri Volkov'}, [
    "Hello, i want cancel my subscription from next month because we are closing the shop. Also please tell me if I get money back for the unused days."], [
    ("Hi Dmitri,\n\nI've cancelled your subscription from 1 December, so there will be no more charges. Yes, you get the unused 12 days back: €18 goes back to your card within 5 business days.\n\nAll the best with what comes next, and thank you for being with us.\n\nSofia", 'g+ q+ n+ cl+'),
    ("Hi Dmitri, your subscription is cancelled.", 'g+ q- n- cl-'),
    ("Dear customer, we are sorry to see you go. Unfortunately we do not refund unused days as per our terms. Your subscription will end on 30 November. Kind regards", 'g- q+ n+ s- cl-'),
])

# Short chat.
scenario('chat-export', {'name': 'Ana Costa'}, [
    "hey is the export to excel working? keeps giving me blank file"], [
    ("Hi Ana! Yes, it's working again: we fixed a bug with blank exports an hour ago. Try the export once more and let me know 🙂", 'g+ q+ n+ cl+'),
    ("hi ana, checking", 'g- q- n- cl-'),
    ("Hi Ana, no, not right now. The Excel export has a known bug with files over 10k rows; our devs expect a fix by Friday, and until then the CSV export works fine.", 'g+ q+ n+ cl-'),
])

# Damaged goods, apology without acknowledgement.
scenario('soaked-laptop', {'name': "Liam O'Brien"}, [
    "Your courier left my parcel in the rain and the laptop inside is soaked. It won't turn on. I paid €1,400 for this."], [
    ("Hi Liam,\n\nWe apologise for any inconvenience caused. Please contact the courier directly to file a claim.\n\nRegards", 'g+ a- q+ n+ s- cl-'),
    ("Hi Liam,\n\nA soaked €1,400 laptop that won't turn on: I'm really sorry, that's not the experience we want for you, and it's on us, not the courier. I've arranged a replacement laptop; it ships tomorrow by tracked express, and the courier will collect the damaged one when they deliver.\n\nThanks for the photos,\nGrace", 'g+ a+ q+ n+ cl+'),
    ("Hi Liam, so sorry!! We'll sort it out.", 'g+ a- q+ n- cl-'),
], a='-')

# Two questions, the second without "?".
scenario('two-questions', {'name': 'Sophie Martin'}, [
    "Two things: does the Pro plan include API access? And what's the rate limit on it."], [
    ("Hi Sophie,\n\nYes, Pro includes full API access. The limit is 600 requests per minute per workspace. You can create a key under Settings → API right away.\n\nHappy to help with the setup,\nKai", 'g+ q+ n+ cl+'),
    ("Hi Sophie, yes it does! Thanks", 'g+ q- n- cl+'),
    ("Hi Sophie, API access comes with every paid plan, Pro included. Let me know if you need anything else.", 'g+ q- n- cl+'),
])

# Urgency before a launch.
scenario('launch-webhook', {'name': 'Oluwaseun Adeyemi'}, [
    "We go live tomorrow morning and the payment webhook still isn't firing in production. I need to know what to check, we can't launch without it."], [
    ("Hi Oluwaseun,\n\nI understand the pressure with the launch tomorrow morning, so here's the fastest path. The production webhook needs its own signing secret; the test one won't work. Go to Developers → Webhooks, switch to Live, and copy the new secret into your server config. I'll watch your endpoint's delivery log for the next two hours.\n\nGood luck with the launch!\nBen", 'g+ a+ q+ n+ cl+'),
    ("Hi Oluwaseun, we apologize for the delay. I have forwarded your ticket to the developers.", 'g+ a- q- n+ cl-'),
    ("Hi Oluwaseun, no worries, webhooks can be tricky! Maybe check your endpoint URL?", 'g+ a- q+ n+ c- cl-'),
], a='-')

# Positive customer, a how-to question.
scenario('howto-positive', {'name': 'Yuki Sato'}, [
    "Loving the new editor! How can I add a table of contents to a page?"], [
    ("Hi Yuki,\n\nSo glad you like it! Type /toc on an empty line and the table of contents builds itself from your headings. Step-by-step guide: https://help.example.com/articles/table-of-contents\n\nEnjoy,\nPaolo", 'g+ q+ n+ k+ cl+'),
    ("Hi Yuki, type /toc on an empty line. Thanks!", 'g+ q+ n+ k- cl+'),
    ("Hi Yuki, thanks! Tables of contents are coming soon.", 'g+ q+ n- k- cl+'),
], k='+')

# Repeated contact: upset, long email with a question at the end.
scenario('third-email', {'name': 'Gabriela Ruiz'}, [
    "This is my third email about the same problem. Every time I change my shipping address in the app it reverts to the old one after a day.",
    "I've now had two orders sent to my old flat. Nobody answers. Can someone actually fix this or should I just go elsewhere?"], [
    ("Hi Gabriela,\n\nYou're right to be annoyed: three emails and two orders to the wrong flat is not okay, and I'm sorry it took this long for someone to answer. The address kept reverting because an old default was still saved on your account; I've deleted it, so the new address now sticks. I've also asked the warehouse to redirect your order from Tuesday, and it arrives at your new address by Friday.\n\nThanks for sticking with us,\nIngrid", 'g+ a+ q+ n+ cl+'),
    ("Hi Gabriela,\n\nPlease clear your app cache and update the address again.\n\nIngrid", 'g+ a- q+ n+ cl-'),
    ("Hi Gabriela, we value your business and apologize for any inconvenience. Our team is looking into it.", 'g+ a- q+ n- s- cl-'),
], a='-')

# Worried about security; a request phrased as a statement.
scenario('security-worry', {'name': 'Erik Johansson'}, [
    "I got an email saying someone logged into my account from Brazil. I've never been there. I'm really worried my card details were stolen. I need to know what they could see."], [
    ("Hi Erik,\n\nI can see why that email worried you. I've signed out every session on your account and locked it until you set a new password. Card details are never visible in the app: only the last four digits are shown, so whoever logged in could not see your card number. Please reset your password with the link I've just sent you.\n\nI'm here if anything else looks odd,\nMaya", 'g+ a+ q+ n+ cl+'),
    ("Hi Erik, don't worry, it's probably nothing. Just change your password.", 'g+ a- q- n+ c- cl-'),
    ("Hello Erik,\n\nThank you for contacting us. Rest assured that we take security very seriously. Please reset your password.\n\nRegards", 'g+ a- q- n+ s- cl-'),
], a='+')

# Polite, neutral; questions without "?" ("wondering", "would like to know").
scenario('neutral-wondering', {'name': 'Priyanka Nair'}, [
    "Hi there, I was wondering whether you ship to Iceland. I would also like to know how long delivery usually takes."], [
    ("Hi Priyanka,\n\nYes, we ship to Iceland. Delivery usually takes 5–7 business days, and you get a tracking link by email as soon as your order leaves the warehouse.\n\nThanks for asking!\nTheo", 'g+ q+ n+ cl+'),
    ("Hi Priyanka, yes we do! Thanks", 'g+ q- n- cl+'),
    ("Hi Priyanka,\n\nDelivery to Iceland takes 5–7 business days. Feel free to reach out with anything else.\n\nTheo", 'g+ q+ n- cl+'),
])

# An open promise from an earlier reply (follow-through).
scenario('promise-invoice', {'name': 'Kofi Boateng'}, [
    "Hi, any news on the corrected invoice? Also, can I add a PO number to future invoices"], [
    ("Hi Kofi,\n\nThe corrected invoice is attached. Yes, you can add a PO number: Billing → Invoice details → PO number, and it will appear on every invoice from the next one on.\n\nThanks,\nLena", 'g+ q+ n+ cl+ f+'),
    ("Hi Kofi, yes, go to Billing → Invoice details and enter the PO number there. Thanks!", 'g+ q- n+ cl+ f-'),
    ("Hi Kofi, I'll check on the invoice and get back to you.", 'g+ q- n- cl- f+'),
], promises=['send the corrected invoice'])

# Angry customer, blaming and hedging drafts.
scenario('angry-refund', {'name': 'Marcus Webb'}, [
    "You took £89 from my account for a plan I CANCELLED last month. I want my money back now. This is theft."], [
    ("Hi Marcus,\n\nBeing charged £89 for a plan you had already cancelled is infuriating, and it's our mistake: the cancellation didn't reach billing. I've refunded the £89 in full; it will be back in your account within 3–5 working days.\n\nI'm sorry again, and thanks for flagging it.\nNora", 'g+ a+ q+ n+ cl+'),
    ("Hi Marcus, you must have cancelled the wrong plan. I think the charge is correct.", 'g+ a- q+ n- r- c- cl-'),
    ("Hi Marcus, I've refunded the £89.", 'g+ a- q+ n- cl-'),
], a='-')

# Worried, non-native English, long message, the question at the end without "?".
scenario('visa-deadline', {'name': 'Nguyen Thi Hoa', 'preferredName': 'Hoa'}, [
    "Dear support, I am very worry because the document I must upload for my visa appointment is not accepting by your site, it say error 413. The appointment is in two days. Please can you tell me what I can do"], [
    ("Hi Hoa,\n\nI understand how worrying this is with your appointment in two days. Error 413 means the file is too large: the limit is 10 MB. Scan the document at 150 dpi, or compress it with the free tool on our upload page, and the upload will work. If it still fails, reply with the file and I'll upload it for you today.\n\nGood luck with the appointment,\nSam", 'g+ a+ q+ n+ cl+'),
    ("Hi Hoa, the maximum file size is 10 MB.", 'g+ a- q+ n- cl-'),
    ("Dear Nguyen, sorry for the trouble. Please try again later.", 'g- a- q- n+ cl-'),
], a='-')

path = os.path.join(os.path.dirname(__file__), 'holdout-2.jsonl')
with open(path, 'w') as f:
    for row in out:
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(out), 'replies →', path)

# Source of test/corpus/replies.jsonl: hand-written scenarios and replies, each reply labelled by
# hand with what a careful team lead would say per rule (+ pass, - fail, 0 not applicable).
# Labels describe the reply, not what the engine does. Regenerate: python3 test/corpus/build-corpus.py
import json, os

KEYS = {'g': 'greets-by-name', 'a': 'acknowledges-feelings', 'q': 'answers-questions', 'n': 'next-step',
        'k': 'knowledge-link', 'r': 'respectful-language', 's': 'sincere-wording', 'c': 'confident-wording',
        'cl': 'closing', 'ph': 'placeholders', 'rt': 'response-time', 'f': 'follow-through'}
STATE = {'+': 'pass', '-': 'fail', '0': 'na'}
NOW = 1_790_000_000_000
MIN = 60_000
out = []

def labels(spec, defaults):
    d = dict(defaults)
    for tok in spec.split():
        d[tok[:-1]] = tok[-1]
    return {KEYS[k]: STATE[v] for k, v in d.items()}

def scenario(sid, customer, messages, replies, a='0', k='0', waited=None, promises=None, channel=None, priority=None):
    for i, (draft, spec) in enumerate(replies, 1):
        base = {'a': a, 'k': k, 'r': '+', 's': '+', 'c': '+', 'ph': '+', 'f': '0' if not promises else '+', 'rt': '0' if waited is None else '+'}
        row = {'id': f'{sid}-{i}', 'customer': customer, 'customerMessages': messages, 'draft': draft}
        if waited is not None:
            row['now'] = NOW
            row['receivedAt'] = NOW - waited * MIN
        if channel: row['channel'] = channel
        if priority: row['priority'] = priority
        if promises: row['openPromises'] = [{'text': p} for p in promises]
        row['expected'] = labels(spec, base)
        out.append(row)

dana = {'name': 'Dana Whitfield'}
scenario('double-charge', dana, [
    "This is the THIRD time I'm writing about this. You charged me TWICE for March and NOBODY has fixed it.\n\nI want the $249 back TODAY or I'm disputing the charge with my bank and cancelling our account. Do NOT send me another \"we're looking into it\" email."],
    [
    ("Hi Dana,\n\nI'm so sorry you were charged twice for March and had to write three times to get it fixed. I've refunded the duplicate $249 just now; you'll see it on your statement within 3–5 business days.\n\nLet me know if anything else looks off.\n\nAlex", 'g+ a+ q+ n+ cl+'),
    ("Hi Dana,\n\nWe apologize for any inconvenience. Our billing team is looking into it.\n\nBest,\nAlex", 'g+ a- q- n- s- cl-'),
    ("Hello,\n\nAs I said in my last email, refunds take time. You should have contacted your bank first.\n\nAlex", 'g- a- q- n- r- cl-'),
    ("Hi Dana, I understand how frustrating it is to be charged twice and ignored. I think the refund maybe went through already, not sure. Let me know?", 'g+ a+ q+ n- c- cl+'),
    ("Dear Customer,\n\nThank you for contacting us. Sorry for the inconvenience. I have refunded the $249 charge today; it will show within 5 days.\n\nThank you for your patience and understanding.", 'g- a- q+ n+ s- cl+'),
    ("Hi Dana,\n\nYou're right to be angry — this should never have happened, least of all three times. The duplicate $249 charge is refunded as of this morning and the refund reference is R-88231; banks usually show it within 3 business days. I've also added a note so nobody asks you to explain it again.\n\nThanks for sticking with us,\nAlex", 'g+ a+ q+ n+ cl+'),
    ], a='-', waited=25)

scenario('double-charge-followup', dana, [
    "I was told the refund would be done by Friday. It's Monday. Still nothing on my card. Honestly this is ridiculous."],
    [
    ("Hi Dana,\n\nI'm sorry — we promised Friday and didn't deliver, and that's on us. I checked: the refund of $249 was sent this morning and your bank will show it within 2 business days. I'll check on Wednesday and write to you either way.\n\nAlex", 'g+ a+ q+ n+ cl- f+'),
    ("Hi Dana, the refund is being processed. Please be patient.\n\nThanks", 'g+ a- q+ n- r- cl+ f+'),
    ("Hi Dana,\n\nThat must be really frustrating after we gave you a date. I'll look into what happened with the refund and get back to you.\n\nThanks, Alex", 'g+ a+ q+ n- cl+ f+'),
    ("Hello Dana, sorry for the delay. Let me know if you have any other questions.", 'g+ a- q- n- cl+ f-'),
    ("Hi Dana,\n\nI can see why you're fed up. Our finance team confirms the refund left us today; please allow 2–3 days for your card. If it isn't there by Thursday, reply here and I'll call the bank with you.\n\nAlex", 'g+ a+ q+ n+ cl+ f+'),
    ], a='-', promises=['refund of $249 to Dana\'s card by Friday'])

sam = {'name': 'Samantha Rivera', 'preferredName': 'Sam'}
scenario('invoice-address', sam, [
    "Hello,\n\nWe moved offices in January. I updated the address in Settings but the February invoice PDF still has 12 Oak Street on it. Could you send a corrected one?\n\nThanks,\nSam Rivera"],
    [
    ("Hi Sam,\n\nThanks for flagging it. Invoices are generated when they're issued, so the February PDF kept the old address. I've reissued it with your new address and attached the corrected PDF; March onwards will use the new one automatically.\n\nAnything else, just reply here.\n\nJordan", 'g+ q+ n+ cl+'),
    ("Hi Samantha,\n\nI've reissued the February invoice with the new address; it's attached.\n\nThanks!", 'g- q+ n+ cl+'),
    ("Hello,\n\nInvoices can't be changed once issued, obviously. Please check the settings.\n\nJordan", 'g- q- n- r- cl-'),
    ("Hi Sam, I believe the invoice should update by itself eventually. Hopefully that helps!", 'g+ q+ n- c- cl+'),
    ("Hi {{ticket.requester.first_name}},\n\nI've sent the corrected invoice to your email just now. Let me know if you need anything else.\n\n[AGENT NAME]", 'g- q+ n+ ph- cl+'),
    ])

scenario('login-reset', {'name': 'Sam Rivera'}, [
    "Hi there,\n\nI reset my password this morning and now the login page just reloads when I sign in. I've tried twice."],
    [
    ("Hi Sam,\n\nSorry about that! The reset signed you out of the desktop app, which kept the old session cookie. Clear cookies for our site and sign in again; I've also cleared your sessions on our side, so it should work right away.\n\nCould you try again and let me know?\n\nAlex", 'g+ q+ n+ cl+ a0'),
    ("Hi Sam, have you tried turning it off and on again?", 'g+ q- n- cl- a0 r+'),
    ("Hello Sam,\n\nPlease clear your cookies and try again.\n\nRegards", 'g+ q+ n+ cl- a0'),
    ("Hi Sam,\n\nThat sounds annoying! I think it's a cookie issue. Maybe try another browser?\n\nLet me know how it goes.", 'g+ q+ n- c- cl+ a0'),
    ("Sam — cleared your sessions on our end just now. Sign in again and it'll work; if it doesn't, reply with a screenshot and I'll jump on a call today.\n\nAlex", 'g+ q+ n+ cl+ a0'),
    ])

jose = {'name': 'José Núñez'}
scenario('multi-question', jose, [
    "Hola,\n\nWe are moving our team to the Business plan next month. How do I transfer the licences from the old workspace? I need to know whether our invoices history comes with it. Also please tell me if the price is per seat or per workspace\n\nAnd can we keep the same SSO setup?\n\nGracias,\nJosé"],
    [
    ("Hola José,\n\nGreat news about the move! Licences transfer from Settings → Billing → Move licences, step by step here: https://help.example.com/articles/move-licences. Your invoice history moves with the workspace. Business is priced per seat. Your SSO setup stays exactly as it is.\n\nIf anything is unclear, let me know.\n\nMaya", 'g+ q+ n+ k+ cl+'),
    ("Hi Jose,\n\nLicences transfer from Settings → Billing. Pricing is per seat.\n\nThanks, Maya", 'g- q- n+ k- cl+'),
    ("Hi José, the price is per seat and SSO stays. Invoice history moves too. Thanks!", 'g+ q- n- k- cl+'),
    ("Hello José,\n\nPricing is per seat, invoices history comes along, SSO setup stays, and to transfer licences follow https://help.example.com/articles/move-licences — it takes about 10 minutes.\n\nMaya", 'g+ q+ n- k+ cl-'),
    ("Hi José,\n\nI'm not sure about the SSO part, I'll ask our engineers and reply by Thursday. Licences transfer via Settings, see https://help.example.com/articles/move-licences; invoice history moves with it; pricing is per seat.\n\nThanks for your patience!", 'g+ q+ n+ k+ c- cl+'),
    ], k='+')

zoe = {'name': 'Zoë Þórsdóttir'}
scenario('garbled-pdf', zoe, [
    "Hello,\n\nThe letters in my name come out as garbage (Ã¾ instead of Þ) on every invoice PDF. It's a bit embarrassing sending these to our accountant. Which font do you use?"],
    [
    ("Hi Zoë,\n\nSorry the invoices came out garbled — not something you want to send an accountant. Our PDF font didn't include Icelandic letters; we switched to one that does, and I've regenerated your last three invoices (attached). New ones will be right from today.\n\nThanks for telling us,\nMaya", 'g+ a+ q+ n+ cl+'),
    ("Hi Zoe,\n\nWe use Helvetica. I've regenerated your invoices; they're attached. Let me know if you need anything else.", 'g- a- q+ n+ cl+'),
    ("Hi Zoë, we use Helvetica. Could you tell me which program you open the PDFs with? Then I can reproduce it today.\n\nThanks, Maya", 'g+ a- q+ n+ cl+'),
    ("Dear Ms Þórsdóttir,\n\nI understand how embarrassing that is. We now use a font with Icelandic letters; your invoices are regenerated and attached.\n\nKind regards", 'g+ a+ q+ n+ cl-'),
    ("Hi Zoë,\n\nYou should have used the UTF-8 export option. It's in settings.\n\nMaya", 'g+ a- q- n- r- cl-'),
    ], a='-')

priya = {'name': 'Priya Raman'}
scenario('how-to-export', priya, [
    "Hi, how do I export all our projects to CSV? I'd like to share them with our finance team."],
    [
    ("Hi Priya,\n\nGo to Projects → ⋯ → Export and pick CSV; it exports everything you can see. Step-by-step with screenshots: https://help.example.com/articles/export-csv\n\nHappy to help if anything's unclear!\n\nMaya", 'g+ q+ n+ k+ cl+'),
    ("Hi Priya,\n\nGo to Projects → Export and pick CSV.\n\nHappy to help if anything's unclear!", 'g+ q+ n+ k- cl+'),
    ("Hi Priya, you can export to CSV from the Projects page — see https://www.google.com/search?q=export+csv for more.\n\nThanks!", 'g+ q+ n- k- cl+'),
    ("Hi Priya,\n\nGreat question! Exports live under Projects → Export (https://help.example.com/articles/export-csv). Choose CSV and you'll get the file in your inbox within a few minutes.\n\nCheers,\nMaya", 'g+ q+ n+ k+ cl+'),
    ("Hello,\n\nObviously it's in the Export menu. https://help.example.com/articles/export-csv", 'g- q+ n- k+ r- cl-'),
    ], k='+')

scenario('api-token', {'name': 'Liam O\'Connor'}, [
    "I need to know how to rotate our API token without breaking the integration"],
    [
    ("Hi Liam,\n\nCreate the new token first under Settings → API, update the integration with it, then revoke the old one — both work in the meantime, so nothing breaks. Details: https://help.example.com/articles/rotate-api-token\n\nLet me know if you want me to check the integration after you switch.\n\nPriya", 'g+ q+ n+ k+ cl+'),
    ("Hi Liam, rotate tokens under Settings → API. Thanks!", 'g+ q+ n- k- cl+'),
    ("Hi Liam,\n\nI think you can create a second token and then revoke the first one, but I'm not certain it won't break anything.\n\nBest", 'g+ q+ n- k- c- cl-'),
    ("Hello Liam,\n\nCreate a new token under Settings → API, swap it into the integration, then revoke the old one: https://help.example.com/articles/rotate-api-token. Any questions, just reply.\n\nPriya", 'g+ q+ n+ k+ cl+'),
    ("Hi Liam! Here's our guide: https://help.example.com/articles/rotate-api-token — it walks you through it.\n\nCheers", 'g+ q+ n- k+ cl+'),
    ], k='+')

scenario('lost-data', {'name': 'Mei Chen'}, [
    "All my saved drafts disappeared after the update last night. Three weeks of work. I'm honestly panicking, I have a client presentation tomorrow morning. Is there any way to get them back?"],
    [
    ("Hi Mei,\n\nI'm so sorry — losing three weeks of work the night before a presentation is awful. The good news: drafts are backed up every hour, and I've restored yours from 11 pm last night. They're back in your workspace now; please check and reply here if anything's missing — I'll stay on this ticket until you're sure.\n\nWei", 'g+ a+ q+ n+ cl+'),
    ("Hi Mei,\n\nWe apologise for any inconvenience caused. Please be advised that drafts are backed up. Our team will investigate.\n\nRegards", 'g+ a- q- n- s- cl-'),
    ("Hi Mei, I understand how stressful this must be with the presentation tomorrow. I'll check our backups and get back to you as soon as I can.\n\nWei", 'g+ a+ q+ n+ cl-'),
    ("Hi Mei! Don't panic, calm down — nothing is ever really lost. I've restored them, you'll see them now.", 'g+ a- q+ n+ r- cl-'),
    ("Hi Mei,\n\nSorry for the trouble. Drafts can be restored from Settings → History. Let me know if you need help.", 'g+ a- q+ n- cl+'),
    ], a='-')

scenario('sarcasm-shipping', {'name': 'Tomasz Wiśniewski'}, [
    "Oh great, another week and my order still hasn't shipped. Love how nobody answers emails over there. Thanks for nothing."],
    [
    ("Hi Tomasz,\n\nYou've waited far too long and had no answer — I'm sorry, that's not how we want to treat you. Your order shipped this morning with DHL (tracking 00340434). It should arrive on Thursday.\n\nThanks for your patience with us,\nOla", 'g+ a+ q+ n+ cl+'),
    ("Hi Tomasz,\n\nGlad to hear from you! Your order will ship soon.\n\nCheers", 'g+ a- q+ n- cl+'),
    ("Hi Tomasz, thanks for the kind words! Let us know if there's anything else we can do.", 'g+ a- q- n- cl+'),
    ("Hi Tomasz,\n\nI can see why you're frustrated: a week of silence isn't acceptable. I've upgraded your shipping to express; it leaves today and arrives tomorrow.\n\nOla", 'g+ a+ q+ n+ cl-'),
    ("Hi Tomas,\n\nSorry that you had to wait. Your order ships tomorrow.\n\nThanks, Ola", 'g- a+ q+ n+ cl+'),
    ], a='-')

scenario('neutral-feature', {'name': 'Ana Souza'}, [
    "Hello! Does the Team plan include the calendar integration? We're comparing options."],
    [
    ("Hi Ana,\n\nYes — the Team plan includes the calendar integration for Google and Outlook. Happy to set up a trial so you can try it with your team this week.\n\nLet me know!\n\nLeo", 'g+ q+ n+ cl+'),
    ("Hi Ana, yes it does. Thanks!", 'g+ q+ n- cl+'),
    ("Hi Ana,\n\nI believe so, but I'd have to check.\n\nLeo", 'g+ q+ n- c- cl-'),
    ("Hello,\n\nThank you for reaching out to us. Your business is important to us. The calendar integration is included in the Team plan.\n\nRegards", 'g- q+ n- s- cl-'),
    ("Hi Ana! Calendar integration is in Team and Business. I've sent you a 14-day trial invite just now. Any questions, just reply.", 'g+ q+ n+ cl+'),
    ])

scenario('neutral-negation', {'name': 'Ben Carter'}, [
    "Not a big deal and I'm not upset at all, but the export button doesn't seem to do anything in Firefox. Can you look at it when you have time?"],
    [
    ("Hi Ben,\n\nThanks for the heads-up! It's a known Firefox bug; a fix ships on Tuesday. Meanwhile Chrome or Safari export fine.\n\nThanks again,\nRia", 'g+ q+ n+ cl+'),
    ("Hi Ben, I'll look into it. Thanks!", 'g+ q+ n- cl+'),
    ("Hi Ben,\n\nI'm so sorry this has been so frustrating for you. We'll fix the export button in Firefox by Friday.\n\nRia", 'g+ q+ n+ cl-'),
    ("Hello Ben — as I mentioned on your last ticket, Firefox isn't supported. Use Chrome.", 'g+ q+ n- r- cl-'),
    ("Hi Ben,\n\nGood catch. I've logged it for our developers; I'll email you when the fix is live, probably next week.\n\nCheers, Ria", 'g+ q+ n+ c- cl+'),
    ])

scenario('urgent-outage', {'name': 'Fatima Al-Sayed'}, [
    "URGENT: our checkout has been down for 40 minutes, we're losing sales every minute. Please fix this ASAP!!"],
    [
    ("Hi Fatima,\n\nI know every minute of a down checkout costs you sales, so I've escalated this to our on-call engineers as a priority one. I'll update you within 15 minutes, and sooner if it's back.\n\nOmar", 'g+ a+ q+ n+ cl-'),
    ("Hi Fatima, we're aware of the issue and working on it. Thank you for your patience and understanding.", 'g+ a- q+ n- s- cl+'),
    ("Hi Fatima,\n\nI understand the urgency. Checkout is back as of 10:42; the cause was an expired certificate, now renewed. I'll send you a full report by end of day.\n\nThanks for alerting us so quickly,\nOmar", 'g+ a+ q+ n+ cl+'),
    ("Hi Fatima, please calm down, it's being looked at.", 'g+ a- q+ n- r- cl-'),
    ("Hello,\n\nSorry for the inconvenience. Our team is investigating and will update the status page at [STATUS LINK].", 'g- a- q+ n+ s- ph- cl-'),
    ], a='-', waited=12, priority='urgent')

scenario('refund-policy', {'name': 'Grace Kim'}, [
    "Hi, I bought the annual plan by mistake, I meant to get monthly. Can I get a refund and switch?"],
    [
    ("Hi Grace,\n\nOf course. I've refunded the annual charge and switched you to monthly; the refund shows on your card within 5 business days and your first monthly charge is next month.\n\nAnything else, let me know!\n\nNina", 'g+ q+ n+ cl+'),
    ("Hi Grace, refunds are only possible within 14 days per our policy. Thanks", 'g+ q+ n- cl+'),
    ("Hi Grace,\n\nYes! I'll process the refund and switch your plan today.\n\nNina", 'g+ q+ n+ cl-'),
    ("Hi Grace,\n\nYou should have read the plan details before buying. I've refunded it anyway.\n\nNina", 'g+ q+ n- r- cl-'),
    ("Hi Grace, I guess we can probably refund it. Let me check and get back to you.", 'g+ q+ n- c- cl-'),
    ])

scenario('worried-security', {'name': 'Olusegun Adeyemi', 'preferredName': 'Segun'}, [
    "I got an email saying someone logged into my account from Brazil. I've never been there. I'm really worried my data has been stolen. What should I do?"],
    [
    ("Hi Segun,\n\nThat's a scary email to get, and you did the right thing writing straight away. I've signed out every session on your account and locked it; please reset your password with the link I've just sent, and turn on two-factor: https://help.example.com/articles/2fa. I'll check the access logs and write back within the hour.\n\nTayo", 'g+ a+ q+ n+ k0 cl-'),
    ("Hi Olusegun,\n\nPlease reset your password. Thanks.", 'g- a- q+ n+ cl+'),
    ("Hi Segun, sorry for any inconvenience. Rest assured, we take security very seriously.", 'g+ a- q- n- s- cl-'),
    ("Hi Segun,\n\nI understand why you're worried. Reset your password now and enable two-factor under Settings → Security. I've also logged out all other sessions. I'll confirm what the logs show by tomorrow.\n\nTayo", 'g+ a+ q+ n+ cl-'),
    ("Segun, I'm not sure what happened, maybe it was a VPN. Let me know if you have other questions.", 'g+ a- q+ n- c- cl+'),
    ], a='-')

scenario('delivery-question-no-qm', {'name': 'Hannah Müller'}, [
    "Hello,\n\nI ordered two chairs last Monday. Please tell me when they will be delivered. I also want to change the delivery address to my office\n\nDanke"],
    [
    ("Hi Hannah,\n\nYour chairs ship on Thursday and arrive Friday. I've changed the delivery address to your office (Friedrichstraße 12).\n\nThanks for ordering with us!\n\nJonas", 'g+ q+ n+ cl+'),
    ("Hi Hannah, your chairs arrive Friday. Thanks!", 'g+ q- n+ cl+'),
    ("Hallo Hannah,\n\nI've updated the address to your office. Let me know if anything else changes.", 'g+ q- n+ cl+'),
    ("Hello,\n\nDelivery is Friday. The address was changed to the office.", 'g- q+ n+ cl-'),
    ("Hi Hanna,\n\nYour chairs will be delivered Friday to your office address — I've changed it.\n\nHave a lovely day!", 'g- q+ n+ cl+'),
    ])

scenario('feature-request', {'name': 'Kwame Mensah'}, [
    "It would be great if the mobile app had dark mode. Any plans?"],
    [
    ("Hi Kwame,\n\nThanks for asking! Dark mode for the mobile app is planned for the spring release. I've added your vote and I'll let you know when it's out.\n\nSara", 'g+ q+ n+ cl+'),
    ("Hi Kwame, no plans right now. Thanks", 'g+ q+ n- cl+'),
    ("Hi Kwame,\n\nMaybe! It might come some day.\n\nSara", 'g+ q+ n- c- cl-'),
    ("Hello,\n\nWe value your feedback. Your feedback has been forwarded to the relevant team.", 'g- q- n- s- cl-'),
    ("Hi Kwame, dark mode is on our plans for the mobile app; I've passed your request on and will update you next month. Anything else, just reply!", 'g+ q+ n+ cl+'),
    ])

scenario('cancel-angry', {'name': 'Rebecca Stone'}, [
    "Cancel my subscription. Your product is useless and your support is even worse. I've waited 5 days for an answer."],
    [
    ("Hi Rebecca,\n\nI'm sorry you waited five days — that's not acceptable, and I understand why you want to leave. I've cancelled your subscription effective today; you won't be charged again and you'll get a confirmation email within the hour.\n\nIf you ever want to tell me what let you down, I'm listening.\n\nMark", 'g+ a+ q+ n+ cl+'),
    ("Hi Rebecca,\n\nSorry to see you go! Your subscription has been cancelled.\n\nThanks", 'g+ a- q+ n- cl+'),
    ("Hi Rebecca, before you cancel, did you know about our new features? Let me know!", 'g+ a- q- n- cl+'),
    ("Hi Rebecca,\n\nI've cancelled it today. Per my last email, response times are 2 business days.\n\nMark", 'g+ a- q+ n+ r- cl-'),
    ("Rebecca — cancelled as of today, no further charges. Five days without an answer is on us, and I'm sorry.\n\nMark", 'g+ a+ q+ n+ cl-'),
    ], a='-')

scenario('broken-item', {'name': 'Aiko Tanaka'}, [
    "The lamp I received arrived with a cracked shade. It was a birthday present for my mother, so I'm quite disappointed. Can you send a replacement before Saturday?"],
    [
    ("Hi Aiko,\n\nWhat a disappointment for a birthday present — I'm sorry. I've sent a replacement shade by express; it arrives Thursday, well before Saturday. No need to return the cracked one.\n\nHappy birthday to your mother!\n\nLena", 'g+ a+ q+ n+ cl+'),
    ("Hi Aiko, please send us a photo of the damage and we'll review your claim.\n\nThanks", 'g+ a- q- n+ cl+'),
    ("Hi Aiko,\n\nSorry for the inconvenience. A replacement is on its way and arrives Thursday.\n\nLena", 'g+ a- q+ n+ s- cl-'),
    ("Hi Aiko,\n\nI'm sorry the shade arrived cracked, especially for a birthday. A replacement ships today and should arrive Friday.\n\nLet me know when it's there!", 'g+ a+ q+ n+ cl+'),
    ("Hello Aiko, I'm not sure we can make Saturday, maybe. I'll try.", 'g+ a- q+ n- c- cl-'),
    ], a='-')

scenario('password-howto', {'name': 'Chloé Martin'}, [
    "Where can I find the setting to change my email address?"],
    [
    ("Hi Chloé,\n\nIt's under Profile → Account → Email. This guide shows each step: https://help.example.com/articles/change-email\n\nLet me know if it doesn't show for you!", 'g+ q+ n+ k+ cl+'),
    ("Hi Chloé, Profile → Account → Email. Thanks!", 'g+ q+ n- k- cl+'),
    ("Hi Chloe, it's in your profile: https://help.example.com/articles/change-email", 'g- q+ n- k+ cl-'),
    ("Hello Chloé,\n\nGo to Profile → Account → Email and save; you'll get a confirmation email within a few minutes. Docs: https://docs.example.com/account/email\n\nThanks!", 'g+ q+ n+ k+ cl+'),
    ("Hi Chloé,\n\nI've changed it for you. Which address should I use? Let me know!", 'g+ q+ n+ k- cl+'),
    ], k='+')

scenario('thanks-positive', {'name': 'Diego Ramírez'}, [
    "Just wanted to say thanks, the new dashboard is fantastic. Quick one: can I pin reports to it?"],
    [
    ("Hi Diego,\n\nThank you, that made our day! Yes — open any report, click the pin icon, and it appears on the dashboard right away.\n\nEnjoy,\nClara", 'g+ q+ n+ cl+'),
    ("Hi Diego, thanks! Yes you can.", 'g+ q+ n- cl+'),
    ("Hi Diego,\n\nWe apologize for any inconvenience. Pinning is available.\n\nClara", 'g+ q+ n- s- cl-'),
    ("Hi Diego! Glad you like it. Pinning reports comes in the next release, in about two weeks — I'll let you know when it's live.", 'g+ q+ n+ cl-'),
    ("Hola Diego, sí! Click the pin icon on any report; it shows on the dashboard immediately. Thanks for the kind words!", 'g+ q+ n+ cl+'),
    ])

scenario('macro-unpersonalised', {'name': 'Ingrid Larsen'}, [
    "My invoice for October shows 12 seats but we only have 9 people. Please correct it."],
    [
    ("Dear customer,\n\nThank you for contacting us. We have received your request and it has been forwarded to the relevant department. A member of our team will get back to you within 2 business days. Please do not reply to this message as it is automatically generated.\n\nKind regards,\nThe Support Team", 'g- q- n+ s- cl+'),
    ("Hi Ingrid,\n\nYou're right: three seats were left on after you removed those users. I've corrected the October invoice to 9 seats and refunded the difference; it'll show within 5 days.\n\nThanks for spotting it,\nPer", 'g+ q+ n+ cl+'),
    ("Hi {{first_name}},\n\nI've corrected the invoice to 9 seats. Let me know if anything else is off.", 'g- q+ n+ ph- cl+'),
    ("Hi Ingrid,\n\nYour request has been received. Our billing team reviews all requests in the order received and will contact you if more information is needed. We appreciate your patience while our team works on the request.\n\nSupport", 'g+ q- n- s- cl-'),
    ("Hi Ingrid, I think there may be 12 users in your account, could you double-check? Thanks!", 'g+ q+ n+ c- cl+'),
    ])

scenario('shouting-agent', {'name': 'Paul Dubois'}, [
    "Why can't I upload files bigger than 10 MB?"],
    [
    ("Hi Paul,\n\nThe limit is 10 MB per file on the Starter plan; Pro raises it to 2 GB. If you'd like, I can start a Pro trial for you today.\n\nThanks,\nEmma", 'g+ q+ n+ cl+'),
    ("Hi Paul, the limit is 10 MB. You can NOT upload bigger files. PLEASE read the plan page.", 'g+ q+ n- r- cl-'),
    ("Hi Paul,\n\nStarter allows 10 MB per file. Upgrading to Pro raises it to 2 GB; you can switch in Settings → Plan and it takes effect immediately.\n\nLet me know if you have questions!", 'g+ q+ n+ cl+'),
    ("Paul, as I already explained, it's a plan limit.", 'g+ q+ n- r- cl-'),
    ("Hi Paul, it's the PDF and CSV limit on Starter: 10 MB. Pro lifts it to 2 GB. Thanks!", 'g+ q+ n- cl+'),
    ])

scenario('placeholder-heavy', {'name': 'Sofia Rossi'}, [
    "When will my replacement card arrive?"],
    [
    ("Hi Sofia,\n\nYour replacement card shipped on [DATE] and arrives by XXX.\n\nThanks,\n{{agent.name}}", 'g+ q+ n- ph- cl+'),
    ("Hi Sofia,\n\nYour replacement card shipped today and arrives within 3–5 business days.\n\nThanks,\nLuca", 'g+ q+ n+ cl+'),
    ("Hi <<customer_name>>, your card arrives Thursday. Thanks!", 'g- q+ n+ ph- cl+'),
    ("Hi Sofia, your replacement card will arrive by [[delivery_date]]. Let me know if it doesn't!", 'g+ q+ n- ph- cl+'),
    ("Ciao Sofia! The card arrives on Friday. Have a great weekend.", 'g+ q+ n+ cl+'),
    ])

scenario('question-no-qm-2', {'name': 'Noah Williams'}, [
    "Hi team, I'd like to know if you support single sign-on with Okta. Also wondering about the price for 50 users"],
    [
    ("Hi Noah,\n\nYes, we support SSO with Okta on the Business plan, set up guide: https://help.example.com/articles/okta-sso. For 50 users Business is $12 per user per month, $600 in total.\n\nHappy to set up a call this week if that helps!\n\nIvy", 'g+ q+ n+ cl+'),
    ("Hi Noah, yes we support Okta. Thanks", 'g+ q- n- cl+'),
    ("Hi Noah,\n\nThe price for 50 users is $600 per month.\n\nIvy", 'g+ q- n- cl-'),
    ("Hello Noah, Okta SSO is supported (https://help.example.com/articles/okta-sso) and 50 users on Business cost $600 a month. I'll send you a quote by tomorrow. Thanks!", 'g+ q+ n+ cl+'),
    ("Hi Noah, Okta single sign-on: yes. Price for 50 users: I think around $600, but I'm not sure.", 'g+ q+ n- c- cl-'),
    ], k='0')

scenario('apology-no-ack', {'name': 'Lucas Petit'}, [
    "I've been charged for a plan I cancelled two months ago. This is really frustrating."],
    [
    ("Hi Lucas,\n\nApologies for any inconvenience. I've refunded the last two charges; they'll show within 5 days.\n\nThanks,\nMia", 'g+ a- q+ n+ s- cl+'),
    ("Hi Lucas,\n\nI'm sorry you were charged after cancelling — twice, no less. I've refunded both charges and confirmed the cancellation; you'll see the money within 5 days.\n\nMia", 'g+ a+ q+ n+ cl-'),
    ("Hi Lucas, sorry about that. Refund done. Thanks!", 'g+ a- q+ n- cl+'),
    ("Hi Lucas,\n\nWe're sorry for the trouble. The refund is on its way and will arrive within 5 business days. Let me know if you have any questions.", 'g+ a- q+ n+ cl+'),
    ("Hi Lucas,\n\nThat's frustrating, and it shouldn't have happened after you cancelled. Both charges are refunded today; you'll see them within a week.\n\nThanks for your patience,\nMia", 'g+ a+ q+ n+ cl+'),
    ], a='-')

scenario('chat-quick', {'name': 'Eva Nowak'}, [
    "hey quick q - can i change my username?"],
    [
    ("Hi Eva! Yes: Settings → Profile → Username, and it changes immediately. Anything else?", 'g+ q+ n+ cl+'),
    ("yes", 'g- q+ n- cl-'),
    ("Hi Eva, usernames can't be changed, sorry. Let me know if there's anything else!", 'g+ q+ n- cl+'),
    ("Hi Eva, Settings → Profile. Thanks!", 'g+ q+ n- cl+'),
    ("Hey Eva, sure — I've just changed it for you. What would you like it to be? Let me know.", 'g+ q+ n+ cl+'),
    ], waited=3, channel='chat')

scenario('chat-late', {'name': 'Omar Haddad'}, [
    "Is anyone there? I've been waiting in this chat for ages."],
    [
    ("Hi Omar, I'm here — sorry you had to wait so long. How can I help? I'll stay with you until it's sorted.", 'g+ a+ q+ n- cl+ rt-'),
    ("Hello, how can I help you today?", 'g- a- q- n- cl+ rt-'),
    ("Hi Omar, yes, I'm here now. What do you need?", 'g+ a- q+ n- cl- rt-'),
    ("Hi Omar! Thanks for waiting. How can I help?", 'g+ a- q+ n- cl+ rt-'),
    ("Omar, I'm sorry you were left waiting — that shouldn't happen in a chat. I'm here now; tell me what's going on and I'll sort it right away.", 'g+ a+ q+ n+ cl- rt-'),
    ], a='-', waited=20, channel='chat')

scenario('promise-open', {'name': 'Helena Costa'}, [
    "Hi, any news on the data export you said you'd send me?"],
    [
    ("Hi Helena,\n\nYes — the data export is ready: I've sent the download link to your email just now. It stays valid for 7 days.\n\nThanks for your patience,\nRui", 'g+ q+ n+ cl+ f+'),
    ("Hi Helena, thanks for your message. Let me know if there's anything else.", 'g+ q- n- cl+ f-'),
    ("Hi Helena,\n\nSorry, the export is taking longer than I said. I'll send it by Friday at the latest.\n\nRui", 'g+ q+ n+ cl- f+'),
    ("Hi Helena, we are working on it. Rest assured it will come.", 'g+ q- n- s- cl- f-'),
    ("Hi Helena,\n\nThe data export is attached. Have a good day!", 'g+ q+ n+ cl+ f+'),
    ], promises=['send Helena the full data export'])

scenario('integration-bug', {'name': 'Arjun Patel'}, [
    "Since yesterday the Slack notifications stopped. Nothing changed on our side. Can you check?",
    "Still nothing this morning. We rely on these alerts for on-call."],
    [
    ("Hi Arjun,\n\nI know how much you rely on those alerts for on-call, so I've treated this as urgent. A Slack token expired on our side yesterday; I've renewed it and notifications are flowing again as of 9:10. I'll watch it through the day and write if anything changes.\n\nThanks for your patience,\nKate", 'g+ a+ q+ n+ cl+'),
    ("Hi Arjun, please reconnect Slack in Settings → Integrations. Thanks", 'g+ a- q+ n+ cl+'),
    ("Hi Arjun,\n\nSorry for any inconvenience. We are looking into the Slack notifications.\n\nKate", 'g+ a- q+ n- s- cl-'),
    ("Hi Arjun, I understand the alerts are critical for on-call. Reconnect Slack under Settings → Integrations and they'll resume right away. Let me know if they don't!", 'g+ a+ q+ n+ cl+'),
    ("Arjun, I think it might be on Slack's side, maybe try again later?", 'g+ a- q+ n- c- cl-'),
    ], a='-')

scenario('refund-status-neutral', {'name': 'Maria Jensen'}, [
    "Hello, could you confirm the status of my refund request from last week? Order 55812."],
    [
    ("Hi Maria,\n\nYour refund for order 55812 was processed on Tuesday; it'll show on your card within 3–5 business days.\n\nLet me know if it doesn't appear!\n\nTom", 'g+ q+ n+ cl+'),
    ("Hi Maria, the refund was processed. Thanks", 'g+ q+ n- cl+'),
    ("Hi Maria,\n\nI'm so sorry you're frustrated and upset! Your refund for 55812 is processed; it arrives within 5 days.\n\nTom", 'g+ q+ n+ cl-'),
    ("Hello Maria, let me check on order 55812 and get back to you by tomorrow.\n\nThanks, Tom", 'g+ q+ n+ cl+'),
    ("Hi Marie,\n\nRefund for order 55812 processed; it'll arrive within 5 days. Thanks!", 'g- q+ n+ cl+'),
    ])

scenario('hostile-name', {'name': '<img src=x onerror=alert(1)>'}, [
    "Refund me now or else. <b>now</b>"],
    [
    ("Hi,\n\nI've issued the refund today; it arrives within 5 business days.\n\nThanks,\nAlex", 'g0 a- q+ n+ cl+'),
    ("Hello, no.", 'g0 a- q- n- cl-'),
    ("Hi there, refund issued just now — you'll see it within a week. Let me know if you need anything else.", 'g0 a- q+ n+ cl+'),
    ("Hi, as I said before, refunds take time.", 'g0 a- q+ n- r- cl-'),
    ("Hello, I've refunded the order today. It'll take 3–5 days. Cheers", 'g0 a- q+ n+ cl+'),
    ])

scenario('email-only-name', {'name': 'billing@acme-corp.example'}, [
    "Please send the W-9 form for our records."],
    [
    ("Hello,\n\nThe W-9 form is attached. Let me know if you need anything else.\n\nSam", 'g0 q+ n+ cl+'),
    ("Hi, attached. Thanks", 'g0 q- n- cl+'),
    ("Hello there,\n\nI've attached our W-9 form for your records, and sent a copy to accounts@acme-corp.example today.\n\nThanks!", 'g0 q+ n+ cl+'),
    ("Hi, we don't have one, maybe ask your accountant.", 'g0 q+ n- c- cl-'),
    ("Hello, the W-9 form will be sent by {{due_date}}.", 'g0 q+ n- ph- cl-'),
    ])

scenario('worried-deadline', {'name': 'Siobhán Kelly'}, [
    "Our visa application deadline is Friday and we still haven't received the signed contract. I'm getting nervous. Can you send it today?"],
    [
    ("Hi Siobhán,\n\nI understand the worry with Friday so close. I've sent the signed contract to your email just now, and a copy by courier arriving tomorrow.\n\nGood luck with the application!\n\nNiall", 'g+ a+ q+ n+ cl+'),
    ("Hi Siobhan, the contract is attached. Thanks", 'g- a- q+ n+ cl+'),
    ("Hi Siobhán, we'll try to send it this week.", 'g+ a- q+ n+ cl-'),
    ("Hi Siobhán,\n\nDon't worry about it — you shouldn't be nervous. It will arrive.\n\nNiall", 'g+ a- q+ n- cl-'),
    ("Hi Siobhán,\n\nWith a visa deadline on Friday, I completely understand why you're nervous. The signed contract is attached to this email, sent today. Reply if your case officer needs anything else from us.\n\nNiall", 'g+ a+ q+ n+ cl+'),
    ], a='-')

os.makedirs(os.path.dirname(__file__) or '.', exist_ok=True)
with open(os.path.join(os.path.dirname(__file__), 'replies.jsonl'), 'w') as f:
    for row in out:
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(out), 'replies')

# Source of test/corpus/holdout.jsonl: replies written AFTER the rules were tuned on replies.jsonl
# and never used to tune them — the honest estimate of how the rules do on unseen text.
# Same labelling as build-corpus.py (+ pass, - fail, 0 not applicable). Regenerate: python3 test/corpus/build-holdout.py
import json, os

KEYS = {'g': 'greets-by-name', 'a': 'acknowledges-feelings', 'q': 'answers-questions', 'n': 'next-step',
        'k': 'knowledge-link', 'r': 'respectful-language', 's': 'sincere-wording', 'c': 'confident-wording',
        'cl': 'closing', 'ph': 'placeholders', 'rt': 'response-time', 'f': 'follow-through'}
STATE = {'+': 'pass', '-': 'fail', '0': 'na'}
out = []

def scenario(sid, customer, messages, replies, a='0', k='0'):
    for i, (draft, spec) in enumerate(replies, 1):
        d = {'a': a, 'k': k, 'r': '+', 's': '+', 'c': '+', 'ph': '+', 'f': '0', 'rt': '0'}
        for tok in spec.split():
            d[tok[:-1]] = tok[-1]
        out.append({'id': f'holdout-{sid}-{i}', 'customer': customer, 'customerMessages': messages, 'draft': draft,
                    'expected': {KEYS[x]: STATE[v] for x, v in d.items()}})

scenario('wifi', {'name': 'Günter Braun'}, ["The smart plug keeps dropping off the wifi every night. I've reset it three times already and I'm getting really annoyed."], [
    ("Hi Günter,\n\nResetting it three times and still losing it every night — I'd be annoyed too. This is a known issue with routers that change channel at night; the firmware update I've just pushed to your plug fixes it. It installs tonight.\n\nLet me know if it drops again!\n\nMina", 'g+ a+ q+ n+ cl+'),
    ("Hi Gunter, please reset the plug again and let us know.", 'g- a- q+ n+ cl+'),
    ("Hello Günter, sorry for any inconvenience caused. Our engineers will investigate.", 'g+ a- q+ n- s- cl-'),
    ("Hi Günter, it's probably your router. Maybe try moving the plug closer?", 'g+ a- q+ n+ c- cl-'),
], a='-')
scenario('invoice-copy', {'name': 'Laura Pérez'}, ["Could you send me a copy of the invoice for September? I can't find it in the portal."], [
    ("Hi Laura,\n\nHere it is — the September invoice is attached. In the portal it's under Billing → History, filtered to the last 12 months by default.\n\nThanks,\nDev", 'g+ q+ n+ cl+'),
    ("Hi Laura, sure, attached. Cheers", 'g+ q+ n+ cl+'),
    ("Hi Laura,\n\nInvoices are in the portal, obviously, under Billing.\n\nDev", 'g+ q+ n+ r- cl-'),
    ("Dear customer, please find attached the requested document. Kind regards", 'g- q+ n+ s- cl-'),
])
scenario('how-sso', {'name': 'Kenji Watanabe'}, ["How do I set up SAML with Azure AD for our workspace?"], [
    ("Hi Kenji,\n\nIn Settings → Security → SAML, paste your Azure AD metadata URL and map the email claim. The full walkthrough with screenshots: https://help.example.com/articles/saml-azure\n\nHappy to join a call if you get stuck.\n\nRosa", 'g+ q+ n+ k+ cl+'),
    ("Hi Kenji, go to Settings → Security → SAML and paste the metadata URL. Thanks!", 'g+ q+ n+ k- cl+'),
    ("Hi Kenji, I think you need the Enterprise plan for SAML, not sure though.", 'g+ q+ n- k- c- cl-'),
    ("Hello, here's the guide: https://help.example.com/articles/saml-azure", 'g- q+ n- k+ cl-'),
], k='+')
scenario('late-delivery', {'name': 'Amara Okoye'}, ["My package was supposed to arrive on Monday. It's Thursday. Where is it? I needed it for my daughter's school trip tomorrow."], [
    ("Hi Amara,\n\nI'm sorry — a late parcel right before your daughter's trip is the last thing you need. The courier lost a day at the depot; it's on the van today and arrives before 6 pm. If it doesn't, reply here and I'll send a replacement by express overnight.\n\nTom", 'g+ a+ q+ n+ cl+'),
    ("Hi Amara, your parcel is delayed. Thanks for your patience.", 'g+ a- q+ n- cl+'),
    ("Hi Amara,\n\nWe apologise for the inconvenience. Your parcel arrives today.\n\nTom", 'g+ a- q+ n+ s- cl-'),
    ("Amara, you should have chosen express shipping if you needed it by a date.", 'g+ a- q- n- r- cl-'),
], a='-')
scenario('plan-question', {'name': 'Pieter de Vries'}, ["Is there a discount for non-profits? We're a small charity."], [
    ("Hi Pieter,\n\nYes — registered charities get 50% off any plan. Send me your charity number and I'll apply it to your account today.\n\nThanks for the work you do!\n\nEla", 'g+ q+ n+ cl+'),
    ("Hi Pieter, yes, 50%. Thanks", 'g+ q+ n- cl+'),
    ("Hi Pieter,\n\nUnfortunately not at the moment.\n\nEla", 'g+ q+ n- cl-'),
    ("Hi [FIRST NAME], yes we offer 50% for charities. Let me know if you'd like it applied!", 'g- q+ n+ ph- cl+'),
])
scenario('data-export-promise', {'name': 'Nadia Haddad'}, ["Any update on the GDPR export?"], [
    ("Hi Nadia,\n\nYes — your GDPR export finished this morning; the download link is in your inbox and works for 7 days.\n\nAnything else, just ask.\n\nLeo", 'g+ q+ n+ cl+ f+'),
    ("Hi Nadia, thanks for checking in! We'll be in touch.", 'g+ q- n- cl+ f-'),
    ("Hi Nadia,\n\nThe export is still running, it should be done by Friday. I'll email you the moment it is.\n\nLeo", 'g+ q+ n+ cl- f+'),
], )
for row in out[-3:]:
    row['openPromises'] = [{'text': 'send Nadia her GDPR data export'}]
    row['expected']['follow-through'] = {'holdout-data-export-promise-2': 'fail'}.get(row['id'], 'pass')

with open(os.path.join(os.path.dirname(__file__), 'holdout.jsonl'), 'w') as f:
    for row in out:
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(len(out), 'held-out replies')

/**
 * FreeScout (open source, self-hosted; `http(s)://HOST/conversation/N`). Server-rendered: one
 * conversation per page, a full page load per conversation. Self-hosted on the team's own domain,
 * so it has no built-in host: the agent adds its URL pattern on the options page.
 *
 * Every selector below was read off FreeScout 1.8.145's Blade templates (resources/views/…) and
 * checked on its running pages (test/fixtures/freescout/, saved by scripts/freescout/save-fixtures.mjs).
 */
import { attempt, ctrlEnter, documentOf, emailIn, fieldOf, idFromHref, MAX, pageUrl, prune, shownTime, textOf, valueOf } from './dom';
import type { ComposerKind, ConversationMessage, HelpdeskAdapter, HelpdeskPage, PastTicket, ReadableField, ReadResult, Requester, ShownTimes } from './types';
import { isTimeZone } from '../../components/intl';
import { startedByOf } from './outcome';

export const freescoutSelectors = {
  /** conversations/view.blade.php: `@section('body_attrs') data-conversation_id="{{ $conversation->id }}"`. */
  conversationId: 'body[data-conversation_id]',
  /** view.blade.php: `<input type="text" id="conv-subj-value" value="{{ $conversation->getSubject() }}">` (read `.value`). */
  subject: '#conv-subj-value',
  /** view.blade.php: `.conv-subjtext > span` holds the same subject as text (used when the input is gone). */
  subjectText: '.conv-subjtext > span',
  /** customers/profile_snippet.blade.php inside view.blade.php's `#conv-layout-customer`: `<a href="/customers/{id}/edit" class="customer-name">`. */
  customerName: '#conv-layout-customer a.customer-name',
  /** profile_snippet.blade.php: the conversation's email first, as text in `li.customer-email a.contact-main` (no mailto link). */
  customerEmail: '#conv-layout-customer .customer-email .contact-main',
  /**
   * profile_snippet.blade.php: `<ul class="customer-contacts">` lists every email of the customer
   * (`li.customer-email`) and phone: rendered with no email, the customer has none (a customer an
   * agent added from a phone call), which is no read failure.
   */
  customerContacts: '#conv-layout-customer ul.customer-contacts',
  /** partials/thread.blade.php: `<div class="thread thread-type-{{ type }}" data-thread_id>`, newest first; line items and drafts are left out below. */
  thread: '#conv-layout-main .thread[data-thread_id]',
  /** The customer's own name on their messages (presentation mode masks it). */
  customerAuthor: '.thread-type-customer .thread-person',
  /** thread.blade.php: the author's name inside `.thread-person` (a link to the customer or agent; "you" for the signed-in agent). */
  author: '.thread-person strong',
  /** thread.blade.php: `<div class="thread-content">{!! $thread->getCleanBody() !!}</div>`. */
  body: '.thread-content',
  /**
   * thread.blade.php: `<a class="thread-date" data-toggle="tooltip" title='{{ User::dateFormat($thread->created_at) }}'>`
   * — "Dec 2, 2026 17:02" (format `M j, Y H:i`, `h:ia` for agents on 12-hour time, app/User.php
   * dateFormat) in the agent's time zone; Bootstrap's tooltip moves the title to `data-original-title`.
   */
  date: '.thread-info .thread-date',
  /**
   * view.blade.php `#conv-status`: the status dropdown marks the conversation's status `li.active`,
   * its link's `data-status` the code (Conversation::STATUS_ACTIVE 1, PENDING 2, CLOSED 3, SPAM 4),
   * the same in every language. A spam conversation lists only `data-status="not_spam"`, a deleted one
   * only `.conv-restore-trigger`.
   */
  status: '#conv-status .conv-status li.active a[data-status]',
  statusSpam: '#conv-status .conv-status a[data-status="not_spam"]',
  statusDeleted: '#conv-status .conv-status a.conv-restore-trigger',
  /**
   * view.blade.php: `.conv-reply-block` is `hidden` until Reply or Note is clicked; Summernote
   * (partials/editor) replaces `textarea#body` with `.note-editable[contenteditable]`.
   */
  composer: '.conv-reply-block:not(.hidden) .note-editable[contenteditable="true"]',
  /** view.blade.php: the reply block itself, present (hidden) before Reply is clicked; without it nobody can reply here. */
  replyBlock: '.conv-reply-block',
  /**
   * Ask before sending (#16) holds these. reference/helpdesk-dom.md, FreeScout: "Send:
   * `.btn-group-send .btn-send-text` ("Send Reply"); note: `.btn-add-note-text` ("Add Note")".
   * editor_bottom_toolbar.blade.php, moved by FreeScout's script into Summernote's status bar
   * (`.note-statusbar`; the template copy stays hidden): "Send Reply" and, in note mode, "Add Note".
   */
  sendReply: '.conv-reply-block:not(.hidden) .note-statusbar .btn-send-text',
  addNote: '.conv-reply-block:not(.hidden) .note-statusbar .btn-add-note-text',
  /** editor_bottom_toolbar.blade.php: "Forward" (`.btn-send-forward`), shown in forward mode instead of "Send Reply". */
  sendForward: '.conv-reply-block:not(.hidden) .note-statusbar .btn-send-forward',
  /**
   * editor_bottom_toolbar.blade.php, in the same status bar: `<select name="status">` ("Status:
   * Active / Pending / Closed", values Mailbox::TICKET_STATUS_* 1–3), the status the conversation gets
   * when the reply is sent (a note keeps the current one, main.js sets it from `data-note-status`).
   */
  replyStatus: '.conv-reply-block:not(.hidden) .note-statusbar select[name="status"]',
  /** public/js/main.js adds `conv-note-block` to the reply block in note mode (and sets `is_note` to 1). */
  noteMode: '.conv-reply-block.conv-note-block:not(.hidden)',
  /**
   * public/js/main.js `forwardConversation` (a thread's "Forward") turns the reply block into a
   * forward form (`conv-forward-block`, its own "To" field, the button reads "Forward"): the text goes
   * to someone else, FreeScout records it as a note (ConversationsController::ajax, `is_forward`).
   */
  forwardMode: '.conv-reply-block.conv-forward-block:not(.hidden)',
} as const;

const S = freescoutSelectors;
const CONVERSATION_PATH = /^(?:\/[^/]+)*?\/conversation\/(\d{1,20})(?:\/|$)/;
const CUSTOMER_ID = /\/customers\/(\d+)(?:\/|$)/;
/** thread.blade.php class names → who wrote it; other types (lineitem, draft, chat bot…) are skipped. */
const ROLE: Record<string, { role: 'customer' | 'agent'; public: boolean }> = {
  'thread-type-customer': { role: 'customer', public: true },
  'thread-type-message': { role: 'agent', public: true },
  'thread-type-note': { role: 'agent', public: false },
};

/** The path FreeScout lives under ('' at the host's root), from a conversation page's URL. */
const rootOf = (page: URL) => page.pathname.match(/^(.*?)\/conversation\/\d/)?.[1] ?? '';

/**
 * The customer's conversations as FreeScout lists them on their profile, read like an API: a
 * same-origin GET with the agent's session (FreeScout's REST API is a paid module, not in every
 * install). Read off FreeScout 1.8.145 and checked on its running page:
 * - routes/web.php:99 `Route::get('/customers/{id}/', 'CustomersController@conversations')`: every
 *   conversation of the customer in the mailboxes the agent may see, newest created first, 50 a page
 *   (Conversation::DEFAULT_LIST_SIZE); customers/conversations.blade.php sets `<body data-customer_id>`.
 * - conversations/conversations_table.blade.php: `<tr class="conv-row [conv-active] [conv-spam]"
 *   data-conversation_id>`; the subject in `.conv-subject p` after partials/badges.blade.php's icons
 *   titled "Closed", "Spam", "Deleted", "Drafts"; `.conv-date a[title]` is Conversation::getDateTitle():
 *   "Created by Customer<br/>Dec 2, 2026 17:02" for a conversation of one message (its created_at),
 *   else "Last reply by User<br/>…" (last_reply_at), in the agent's time zone.
 * Drafts are left out; spam and deleted conversations only correct one already recorded (`gone`).
 */
export const freescoutHistory: HelpdeskPage<string, PastTicket[]> = {
  url: (page, customerId) => `${page.origin}${rootOf(page)}/customers/${encodeURIComponent(customerId)}/`,
  read(doc, customerId, now, shown) {
    // Their profile, with its list or the empty list's notice (partials/empty.blade.php) in the
    // page's content column (layouts/app.blade.php `.content-2col`): else a page
    // this reader does not know, which must not read as "no past conversations".
    if (doc.body?.getAttribute('data-customer_id') !== customerId || !doc.querySelector('.content-2col table.table-conversations, .content-2col .empty-content')) return undefined;
    const out: PastTicket[] = [];
    // Newest created first: a conversation was created no later than any listed above it.
    let createdBefore = Infinity;
    const times = { ...shown, locale: pageLocale(doc) };
    for (const row of Array.from(doc.querySelectorAll('.content-2col table.table-conversations tr.conv-row[data-conversation_id]')).slice(0, MAX_HISTORY_ROWS)) {
      const ticket = historyRow(row, now, createdBefore, times);
      if (ticket === undefined) return undefined; // a date it cannot read: not a list to trust in part
      if (!ticket) continue;
      out.push(ticket);
      createdBefore = Math.min(createdBefore, ticket.createdAt);
    }
    return out;
  },
};

const MAX_HISTORY_ROWS = 200;
/**
 * partials/badges.blade.php: the icon before the subject, told by its glyph class — its title
 * ("Closed", "Gelöscht") is in the agent's language, so a FreeScout in German read every closed
 * conversation as open and counted deleted ones.
 */
const BADGE = { closed: 'glyphicon-lock', spam: 'glyphicon-ban-circle', deleted: 'glyphicon-trash', draft: 'glyphicon-duplicate' } as const;

/**
 * One row: the ticket, null for a draft, undefined when its date cannot be read. A deleted (merged
 * into another, or thrown away) or spam conversation is `gone`: it only corrects a ticket already
 * recorded, as FreeScout's own "Previous Conversations" leaves it out (ConversationsController::view).
 */
function historyRow(row: Element, now: number, createdBefore: number, shown?: ShownTimes): PastTicket | null | undefined {
  const badge = (icon: string) => !!row.querySelector(`.conv-subject i.${icon}`);
  if (badge(BADGE.draft)) return null;
  const gone = row.classList.contains('conv-spam') || badge(BADGE.spam) ? 'spam' : badge(BADGE.deleted) ? 'deleted' : undefined;
  const ticketId = row.getAttribute('data-conversation_id') ?? '';
  const title = row.querySelector('.conv-date a[title]')?.getAttribute('title') ?? '';
  const at = Date.parse(shownTime(title.split(/<br\s*\/?>/i).pop(), now, shown) ?? '');
  if (!/^\d{1,20}$/.test(ticketId) || !Number.isFinite(at)) return undefined;
  // One message: the date is when it was created. Else it is the last reply, and the conversation
  // began no later than that, nor than any conversation listed above it.
  const created = createdBy(title.split(/<br\s*\/?>/i)[0]!.trim(), shown?.locale);
  const createdAt = created !== undefined ? at : Math.min(at, createdBefore);
  const status = gone ?? (badge(BADGE.closed) ? 'closed' : row.classList.contains('conv-active') ? 'active' : 'pending');
  // "Created by User" (Conversation::$persons[source_via], PERSON_USER): an agent wrote first. Said
  // only of a conversation of one message: otherwise not known.
  const startedBy = created ?? undefined;
  return prune<PastTicket>({ ticketId, subject: fieldOf(row.querySelector('.conv-subject p')), status, createdAt, updatedAt: at, startedBy, ...(gone ? { gone: true as const } : {}) });
}

/**
 * Conversation::getDateTitle()'s first line for a conversation of one message, `__('Created by :person',
 * ['person' => __('User')])` or `__('Customer')`, as FreeScout 1.8.145's resources/lang/<locale>.json
 * words it (AGPL-3.0; only these words are taken). Laravel falls back to the English key for a word a
 * language lacks (sv has only "User"; hr none). sk's "Vytvoril" names no one: created, by someone.
 */
const CREATED_BY: Record<string, readonly [created: string, user: string, customer: string]> = {
  en: ['Created by :person', 'User', 'Customer'],
  cs: ['Vytvořil :person', 'Uživatel', 'Zákazník'],
  da: ['Oprettet af :person', 'Bruger', 'Kunde'],
  de: ['Erstellt von :person', 'Benutzer', 'Kunde'],
  es: ['Creado por :person', 'Usuario', 'Cliente'],
  fa: ['ایجاد شده توسط :person', 'کاربر', 'مشتری'],
  fi: ['Luonut :person', 'Käyttäjä', 'Asiakas'],
  fr: ['Créé par :person', 'Utilisateur', 'Client'],
  it: ['Creato da :person', 'Utente', 'Cliente'],
  ja: ['作成者 :person', 'ユーザー', '顧客'],
  ko: ['생성자 :person', '사용자', '고객'],
  nl: ['Gemaakt door :person', 'Gebruiker', 'Klant'],
  no: ['Opprettet av :person', 'Bruker', 'Kunde'],
  pl: ['Utworzony przez :person', 'Użytkownik', 'Klient'],
  'pt-BR': ['Criado por :person', 'Usuário', 'Cliente'],
  'pt-PT': ['Criado por :person', 'Utilizador', 'Cliente'],
  ru: ['Создано :person', 'Агент', 'Клиент'],
  sk: ['Vytvoril', 'Užívateľ', 'Zákazník'],
  sv: ['Created by :person', 'Användare', 'Customer'],
  tr: ['Tarafından oluşturuldu :person', 'Kullanıcı', 'Müşteri'],
  'zh-CN': ['创建者:person', '用户', '客户'],
};

/**
 * Who created a conversation of one message, from its date title's first line in the page's
 * language (or English): 'agent', 'customer', null when the line says created but not by whom, and
 * undefined when it is no "Created by" line ("Last reply by …").
 */
function createdBy(line: string, locale: string | undefined): 'agent' | 'customer' | null | undefined {
  const words = [CREATED_BY[locale ?? ''] ?? CREATED_BY[locale?.split('-')[0] ?? ''], CREATED_BY.en!].filter((w) => !!w);
  const said = (person: 1 | 2) => words.some(([created]) => words.some((w) => created.replace(':person', w[person]) === line));
  const [agent, customer] = [said(1), said(2)];
  if (agent !== customer) return agent ? 'agent' : 'customer';
  return agent ? null : undefined;
}

/**
 * The language FreeScout writes the page in: layouts/app.blade.php `<body class="locale-{{ app()->getLocale() }}">`
 * ("locale-de", "locale-pt-BR"). User::dateFormat abbreviates months in it ("Dez 7, 2026 15:18", "12月 7, 2026").
 */
function pageLocale(root: ParentNode): string | undefined {
  return documentOf(root)?.body?.className.match(/(?:^|\s)locale-([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?=\s|$)/)?.[1];
}

/** The button that sends what the composer writes. */
const SEND_BUTTON = { reply: S.sendReply, note: S.addNote, forward: S.sendForward } as const;

/** Conversation::$statuses by code; a changed status reloads the page (main.js `fs-conv-status-change`). */
const STATUS_NAMES: Record<string, string> = { '1': 'active', '2': 'pending', '3': 'closed', '4': 'spam' };

function readStatus(root: ParentNode): string | undefined {
  if (root.querySelector(S.statusDeleted)) return 'deleted';
  if (root.querySelector(S.statusSpam)) return 'spam';
  return STATUS_NAMES[root.querySelector(S.status)?.getAttribute('data-status') ?? ''];
}

const isConversation = (root: ParentNode, ticketId: string) =>
  documentOf(root)?.body?.getAttribute('data-conversation_id') === ticketId || root.querySelector(S.conversationId)?.getAttribute('data-conversation_id') === ticketId;

/** The customer card's contact list is there and names no email: the customer has none. */
const hasNoEmail = (root: ParentNode) => !!root.querySelector(S.customerContacts) && !root.querySelector(S.customerEmail);

/** What the reply block is set to write: the note form, the forward form, else a reply. */
const composerWrites = (root: ParentNode): ComposerKind => (root.querySelector(S.noteMode) ? 'note' : root.querySelector(S.forwardMode) ? 'forward' : 'reply');

function readRequester(root: ParentNode): Requester {
  const link = root.querySelector(S.customerName);
  return prune({
    name: fieldOf(link),
    email: emailIn(root.querySelector(S.customerEmail)?.textContent),
    externalId: idFromHref(link, CUSTOMER_ID),
  });
}

function readMessage(thread: Element, shown?: ShownTimes): ConversationMessage | undefined {
  const kind = Array.from(thread.classList).map((c) => ROLE[c]).find(Boolean);
  const body = thread.querySelector(S.body);
  if (!kind || !body) return undefined;
  const date = thread.querySelector(S.date);
  // As FreeScout shows it ("Dec 2, 2026 17:02" / "05:02pm") in the agent's profile time zone (`shown`): dom.ts's reader.
  const at = shownTime(date?.getAttribute('data-original-title') || date?.getAttribute('title'), Date.now(), shown);
  return prune<ConversationMessage>({ ...kind, author: fieldOf(thread.querySelector(S.author)), at, text: textOf(body) });
}

export const freescout: HelpdeskAdapter = {
  id: 'freescout',
  label: 'FreeScout',
  selfHosted: true,
  selectors: S,
  // Self-hosted on the customer's own domain: no built-in pages (it runs where the agent configured
  // it on the options page), and dashboard links only under the URL pattern the agent configured
  // (`ticketUrlAt`; the scheme — often plain http inside a company — is not in the account).
  ticketPages: [],
  ticketUrl: () => undefined,
  // routes/web.php: `/conversation/{id}` (ConversationsController::view), under where FreeScout lives.
  ticketUrlAt: (base, ticketId) => `${base}/conversation/${encodeURIComponent(ticketId)}`,
  historyPage: freescoutHistory,
  shownTimeZone: {
    // layouts/app.blade.php: `<body data-auth_user_id>`; routes/web.php:52 `/users/profile/{id}`
    // (UsersController::profile, the agent's own profile).
    url(page, doc) {
      const id = doc.body?.getAttribute('data-auth_user_id');
      return id && /^\d{1,20}$/.test(id) ? `${page.origin}${rootOf(page)}/users/profile/${id}` : undefined;
    },
    // users/profile.blade.php: `<select id="timezone" name="timezone">` from partials/timezone_options
    // with the agent's zone `selected` (User::dateFormat writes every time in it; users.timezone
    // defaults to 'UTC', create_users_table migration).
    read(doc) {
      const zone = doc.querySelector('select#timezone[name="timezone"] option[selected]')?.getAttribute('value') ?? '';
      return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone) && isTimeZone(zone) ? zone : undefined;
    },
  },

  // Any host the agent configured (FreeScout may live under a sub-path); only conversation pages.
  matches: (url) => /^https?:$/.test(url.protocol) && CONVERSATION_PATH.test(url.pathname),

  activeTicketId: (url) => url.pathname.match(CONVERSATION_PATH)?.[1],

  read(root, ticketId, url, shown): ReadResult {
    if (!attempt(() => isConversation(root, ticketId))) return { ok: false, missing: ['pane'] };
    const subject = attempt(() => valueOf(root.querySelector(S.subject)) ?? fieldOf(root.querySelector(S.subjectText)));
    const status = attempt(() => readStatus(root));
    const requester = attempt(() => readRequester(root)) ?? {};
    const messages: ConversationMessage[] = [];
    const times = { ...shown, locale: attempt(() => pageLocale(root)) };
    for (const thread of attempt(() => Array.from(root.querySelectorAll(S.thread))) ?? []) {
      const message = attempt(() => readMessage(thread, times));
      if (message) messages.push(message);
    }
    const missing: ReadableField[] = [];
    if (!subject) missing.push('subject');
    if (!status) missing.push('status');
    if (!requester.name) missing.push('requester-name');
    if (!requester.email && !attempt(() => hasNoEmail(root))) missing.push('requester-email');
    if (!messages.length) missing.push('conversation');
    // Closed until the agent clicks Reply or Note, which is normal: missing only when there is none.
    if (!attempt(() => root.querySelector(S.replyBlock))) missing.push('composer');
    return {
      ok: true,
      missing,
      snapshot: prune({
        helpdesk: 'freescout',
        account: url.host,
        ticketId,
        url: pageUrl(url),
        subject,
        status,
        requester,
        // The page lists threads newest first (times only as shown text): keep the newest 200,
        // oldest first like every other adapter.
        messages: messages.slice(0, MAX.messages).reverse(),
        // ConversationsController::view lists every thread of the conversation, so the last is its
        // first: a customer's mail, or the agent's when they wrote first (a new conversation sent
        // from FreeScout; a phone call is logged as a note, which says nothing).
        startedBy: startedByOf(messages.at(-1)),
      }),
    };
  },

  composer: (root, ticketId) => (attempt(() => isConversation(root, ticketId)) && (root.querySelector<HTMLElement>(S.composer) ?? null)) || null,

  sendButton: (root, ticketId) =>
    (attempt(() => isConversation(root, ticketId)) && root.querySelector<HTMLElement>(SEND_BUTTON[composerWrites(root)])) || null,

  composerWrites,
  // The "Email Sent … Undo" notice shown after a send (on the page FreeScout opens next) links to
  // route conversations.undo, /conversation/undo-reply/{thread_id} (routes/web.php:72;
  // ConversationsController.php:1333 builds the link, undoReply() turns the reply back into a
  // draft within Conversation::UNDO_TIMOUT, 15 s).
  undoSend: { link: 'a[href*="/conversation/undo-reply/"]', withinMs: 15_000 },
  // main.js `fs-conv-status-change`: a status picked in `#conv-status` is saved by Ajax, and FreeScout
  // then opens the next conversation (or reloads), so the new status is never read from this page.
  statusPicker: { link: '#conv-status .conv-status a[data-status]', status: (link) => STATUS_NAMES[link.getAttribute('data-status') ?? ''] },
  // The reply's own Status select: FreeScout sets it on send and then opens the next conversation.
  statusOnSend: (root, ticketId) => (attempt(() => isConversation(root, ticketId)) ? STATUS_NAMES[root.querySelector<HTMLSelectElement>(S.replyStatus)?.value ?? ''] : undefined),
  sendShortcut: ctrlEnter,
  requesterOnPage: [S.customerName, S.customerEmail, S.customerAuthor],
};

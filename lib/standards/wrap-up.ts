/**
 * Whether the customer is done (issue #12): wrapping up ("ok thanks", "Thanks, that worked!") or
 * withdrawing what they asked before ("Never mind, I found it in Settings. Thanks!"). A reply to
 * either needs no next step, and a withdrawn ask needs no answer or help article.
 */
import { reportsProblem, sentences } from './text';

/** "It's working now", "that did the trick", "problem solved": what they tried works. */
const RESOLVED = String.raw`(?:(?:it|that|this|everything|all)(?:'?s| is| was)? (?:now |finally |all )?(?:working|fixed|solved|resolved|sorted|good|fine)(?: now)?|(?:it |that |this )?(?:works|worked|did it|did the trick|fixed it|solved it|helped)(?: (?:perfectly|great|fine|now|for me))*|(?:problem|issue) (?:solved|fixed|resolved))`;
const COURTESY = String.raw`(?:ok(?:ay)?|oh|great|perfect|awesome|cool|nice|wow|yes|no|alright|got it|understood|that'?s (?:great|perfect|all|it|fine)|that is (?:all|it)|${RESOLVED}|working (?:great|fine|now)(?: now)?|you(?:'ve| have) been (?:great|(?:very |so )?helpful)|(?:many )?(?:thanks?|thank you|thx|ty|cheers)(?: (?:so|very) much| a lot| again)?(?: for (?:your|the|all (?:your|the)) (?:help|assistance|time|support))?|have a (?:nice|good|great) (?:day|one|weekend)|bye|goodbye)`;
/**
 * "ok thanks", "That is all. Thank you", "great thanks for your help", "Thanks, that worked!": the
 * customer is wrapping up, and a goodbye needs no next step (seen on FreeScout with a real chat's last
 * turn, and under a mail reply's quoted thread).
 */
const WRAP_UP = new RegExp(`^[\\s\\W]*(?:${COURTESY}[\\s\\W]*)+$`, 'i');
/** A bare "yes" or "ok" answers the agent; only a thanks or a goodbye closes. */
const CLOSES = /\b(?:thanks?|thank you|thx|ty|cheers|that'?s (?:all|it)|that is (?:all|it)|bye|goodbye|have a)\b/i;
export const wrapsUp = (latest: string) => latest.length <= 120 && WRAP_UP.test(latest) && CLOSES.test(latest);

/**
 * "Never mind, I found it in Settings", "Update: figured it out, please ignore", "nvm, solved it
 * myself": their earlier asks are withdrawn. Seen as "1 of 1 not addressed", "link the help article"
 * and "No next step" on a reply to one. Not with a new question or a problem beside it ("never mind
 * the export, the import still fails").
 */
const WITHDRAWS = /^\W*(?:(?:update|edit|ok(?:ay)?|oh|ah|sorry|hi|hello)\W+)*(?:never ?mind|nvm|(?:i(?:'ve| have)? |we(?:'ve| have)? )?(?:just )?(?:figured (?:it )?out|found (?:it|the (?:answer|solution|setting|option|problem|issue))|solved it|sorted it(?: out)?|fixed it)(?: myself)?|please (?:ignore|disregard)|(?:you can )?(?:ignore|disregard) (?:this|my (?:last|previous|earlier) (?:message|e-?mail|question|ticket)|the above))\b/i;
export const withdraws = (latest: string): boolean => latest.length <= 300 && WITHDRAWS.test(latest) && !latest.includes('?') && !reportsProblem(latest);

/**
 * Every sentence thanks them or says it works now ("Thank you. It is now working. Thanks for your
 * super fast support and resolution!!!"): gratitude, whatever its "!!!" lend the upset model.
 */
const THANKS_SENTENCE = new RegExp(String.raw`^\W*(?:(?:many |big |huge )?thanks?\b|thank you|thx\b|ty\b|much appreciated|(?:i |we )?(?:really )?appreciate|${RESOLVED}|(?:great|perfect|awesome|excellent|wonderful)\b)`, 'i');
export function onlyThanks(customer: string): boolean {
  const parts = sentences(customer).map((s) => s.text.trim()).filter((p) => /\p{L}/u.test(p));
  return parts.length > 0 && parts.length <= 6 && parts.every((p) => THANKS_SENTENCE.test(p)) && !reportsProblem(customer);
}

/** Done: wrapping up, or withdrawing what they asked. */
export const isDone = (latest: string): boolean => wrapsUp(latest) || withdraws(latest);

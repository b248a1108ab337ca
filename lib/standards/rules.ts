/** Every checklist rule, in the order the sidebar lists them. */
import type { Rule } from './types';
import { greetsByName } from './greets-by-name';
import { acknowledgesFeelings } from './acknowledges-feelings';
import { answersQuestions } from './answers-questions';
import { nextStep } from './next-step';
import { knowledgeLink } from './knowledge-link';
import { respectfulLanguage } from './respectful-language';
import { sincereWording } from './sincere-wording';
import { confidentWording } from './confident-wording';
import { closing } from './closing';
import { responseTime } from './response-time';
import { placeholders } from './placeholders';
import { followThrough } from './follow-through';

export const RULES: readonly Rule[] = [
  greetsByName,
  acknowledgesFeelings,
  answersQuestions,
  nextStep,
  knowledgeLink,
  respectfulLanguage,
  sincereWording,
  confidentWording,
  closing,
  responseTime,
  placeholders,
  followThrough,
];

/**
 * The map of every conversation flow: its id and the params its `start` takes. The engine's
 * `FlowParams` is filled in here (declaration merging), so `ctx.go('discover', { slug })` is checked
 * by the compiler: a misspelt id or a param the flow does not read does not build. Each flow's saved
 * `data` has its shape beside the flow (`state` of its `Flow`), parsed when a turn starts.
 *
 * Adding a flow: its params here, then `Flow<'id'>` in its folder and `createRegistry()` in index.ts.
 */

import type { ApplicationsParams } from './applications/flow';
import type { DisabilityQuestionParams } from './apply/disability-question';
import type { ApplyParams } from './apply/params';
import type { DiscoverParams } from './discover/flow';
import type { EligibilityParams, MatchParams } from './eligibility/flow';
import type { HandoffParams } from './handoff/flow';
import type { MenuParams } from './menu/flow';
import type { PrivacyParams } from './privacy/flow';
import type { ProfileParams } from './profile/flow';
import type { QuestionsParams } from './questions/flow';
import type { SubscribeParams } from './subscribe/flow';

/** A flow that takes no params. */
export type NoParams = Record<string, never>;

declare module '../engine/flow' {
  interface FlowParams {
    menu: MenuParams;
    help: NoParams;
    settings: NoParams;
    language: NoParams;
    profile: ProfileParams;
    discover: DiscoverParams;
    eligibility: EligibilityParams;
    match: MatchParams;
    quiz: NoParams;
    accommodation: NoParams;
    privacy: PrivacyParams;
    subscribe: SubscribeParams;
    questions: QuestionsParams;
    apply: ApplyParams;
    applyDisability: DisabilityQuestionParams;
    applications: ApplicationsParams;
    handoff: HandoffParams;
    rating: NoParams;
  }
}

/**
 * Deterministic free-text understanding for the conversation engine: normalisation of chat
 * Indonesian, intent and slot extraction, and matching a reply against the options on screen.
 */
export {
  type CardAttribute,
  type CardQuestion,
  cardQuestion,
  programmeQuestion,
  REQUIREMENT_ATTRIBUTES,
  requirementQuestion,
  statedHeight,
} from './card-question';
export { matchChoice } from './choice';
export { type Correction, type CorrectionField, otherChoice, readCorrection } from './correction';
export { normalize, normalizeMessage } from './normalize';
export {
  type Constraints,
  INTENTS,
  type Intent,
  type Slots,
  type StatedFacts,
  type Understanding,
  understand,
} from './understand';

import type { ApplicationServices } from '../../applications/services';
import type { AnyFlow } from '../../engine/flow';
import { fieldCipherFromConfig } from '../../privacy/keyring';
import { LocalFolderStorage, MediaDownloads } from '../../storage';
import { createApplicationsFlow } from '../applications/flow';
import { disabilityQuestionFlow } from './disability-question';
import { createApplyFlow } from './flow';

export { cancelApplyForm } from './steps/cancel';

/** The application form ("apply") and "Lamaran saya" ("applications"). */
export function createApplicationFlows(services: ApplicationServices): AnyFlow[] {
  return [createApplyFlow(services), createApplicationsFlow(services), disabilityQuestionFlow];
}

/**
 * Services for a registry built without a runtime (engine tests): the development cipher, the default
 * uploads folder, and no platform downloads.
 */
export function defaultApplicationServices(): ApplicationServices {
  return {
    cipher: fieldCipherFromConfig({ DATA_ENCRYPTION_KEY: undefined }),
    storage: new LocalFolderStorage('./data/uploads'),
    media: new MediaDownloads(),
  };
}

import { BROADCASTS_SCRIPT } from './broadcasts';
import { CORE_SCRIPT } from './scripts';

export { STYLES } from './styles';

/** Every script part of the dashboard, served as one file; a feature adds its own module here. */
export const SCRIPTS = [CORE_SCRIPT, BROADCASTS_SCRIPT].join('\n');

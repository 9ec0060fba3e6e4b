// The programme catalogue: validation, import, demo data and search (docs/catalogue-csv.md,
// ../shared/catalogue-format.md). Node-only pieces (the CLIs in ./cli) are not re-exported here.

export {
  createProgrammeSchema,
  type Programme,
  type ProgrammeInput,
  type ProgrammeQuestion,
} from '../shared/programme';
export { loadRegions, type RegionLookup } from '../shared/programme-regions';
export * from '../shared/vocabulary';
export {
  DEMO_ANCHOR_DATE,
  type DemoOptions,
  demoCatalogue,
  seedDemoCatalogue,
  seedDemoCatalogueIfEmpty,
} from './demo';
export type { CatalogueError, CataloguePosition } from './errors';
export { generateCatalogue } from './generate';
export {
  type ImportOptions,
  type ImportProgress,
  type ImportSummary,
  importParsed,
  importProgrammes,
} from './import';
export {
  type CatalogueFormat,
  type ParseOptions,
  type ParseResult,
  parseCatalogue,
  parseCatalogueCsv,
  parseCatalogueJson,
} from './parse';
export {
  CLOSING_SOON_DAYS,
  catalogueSize,
  countProgrammes,
  describeRelaxation,
  type EmptyExplanation,
  explainEmpty,
  getProgramme,
  type LocalizedText,
  type ProgrammeDetail,
  type ProgrammeQuery,
  type ProgrammeSummary,
  type RegistrationState,
  type Relaxation,
  type SearchOptions,
  type SearchResult,
  searchProgrammes,
} from './search';

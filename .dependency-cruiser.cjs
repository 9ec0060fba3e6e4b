// The layering of src/, checked by `npm run depcheck` (dependency-cruiser; CI runs it in .ci/run).
// Each layer may import its own layer and the layers *below* it, never one above. Type-only imports
// count too. The README's "Layout" section draws the same picture.
//
//   entry points      src/index.ts, src/worker.ts, src/runtime.ts, command-line tools (*cli*)
//   edge              channels/*, admin/, api/, app.ts, ops/, platform/
//   features          features/*           conversation flows (the person's side of the chat)
//   domain            catalogue, eligibility, applications, broadcasts, handoff, privacy,
//                     organisations, consent, profile, knowledge, quiz, storage, webhooks, outbox
//   engine            engine/              a turn: state, flows' contract, choices, message log;
//                                          knows no channel, no feature, no domain
//   nlu               nlu/                 free text → intent + slots; imports only the bottom
//   schema            db/                  drizzle tables and the database client
//   bottom            shared/, lib/, i18n/, regions/, logger.ts, config.ts
//
// Two rules say the same again where it matters most: the engine imports no channel and no feature,
// and the NLU imports only the bottom layer (so it can be measured and reused on its own).

/** A folder (or file) under src/, as a path regex. */
const under = (...names) => `^src/(${names.join('|')})(/|\\.tsx?$)`;

const layers = [
  { name: 'bottom', path: under('shared', 'lib', 'i18n', 'regions', 'logger', 'config') },
  { name: 'schema', path: under('db') },
  { name: 'nlu', path: under('nlu') },
  { name: 'engine', path: under('engine') },
  {
    name: 'domain',
    path: under(
      'catalogue',
      'eligibility',
      'applications',
      'broadcasts',
      'handoff',
      'privacy',
      'organisations',
      'consent',
      'profile',
      'knowledge',
      'quiz',
      'storage',
      'webhooks',
      'outbox',
    ),
  },
  { name: 'features', path: under('features') },
  { name: 'edge', path: under('channels', 'admin', 'api', 'app', 'ops', 'platform') },
  { name: 'entry', path: under('index', 'worker', 'runtime') },
];

/** Command-line tools are entry points wherever they live (they wire what they need). */
const entryPoints =
  '(^src/(index|worker|runtime)\\.ts$|(^|/)cli[-/]|(^|/)cli\\.ts$|^src/channels/simulator/terminal\\.ts$|^src/ops/telegram-setup\\.ts$)';

const upward = layers.slice(0, -1).map((layer, i) => ({
  name: `${layer.name}-imports-no-higher-layer`,
  comment: `${layer.name} may import only ${layers
    .slice(0, i + 1)
    .map((l) => l.name)
    .join(', ')}`,
  severity: 'error',
  from: { path: layer.path, pathNot: entryPoints },
  to: {
    path: layers
      .slice(i + 1)
      .map((l) => l.path)
      .join('|'),
  },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'nlu-imports-only-the-bottom',
      comment: 'the NLU reads text with the shared vocabulary and nothing else',
      severity: 'error',
      from: { path: under('nlu') },
      to: { path: '^src/', pathNot: `${layers[0].path}|${under('nlu')}` },
    },
    {
      name: 'engine-imports-no-channel-or-feature',
      severity: 'error',
      from: { path: under('engine') },
      to: { path: under('channels', 'features', 'admin', 'api') },
    },
  ],
  options: {
    // TypeScript 7 has no compiler API for dependency-cruiser; scripts/depcheck.mjs gives it swc.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$|\\.d\\.ts$' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};

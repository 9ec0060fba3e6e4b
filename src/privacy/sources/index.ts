// Every personal-data source that needs nothing but the database, registered once on import. A domain
// that keeps personal data in its own tables registers a source from its own module and adds an import
// here; one that needs runtime services registers where they are built (applications: src/runtime.ts,
// see ./applications.ts).
import { registerPersonalDataSource } from '../registry';
import { CORE_SOURCES } from './core';
import { handoffsSource } from './handoffs';
import { otherTablesSource } from './other';
import { whatsappSource } from './whatsapp';

for (const source of [whatsappSource, ...CORE_SOURCES, handoffsSource, otherTablesSource])
  registerPersonalDataSource(source);
